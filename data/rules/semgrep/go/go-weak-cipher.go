package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"

	"golang.org/x/crypto/blowfish"
	"golang.org/x/crypto/chacha20poly1305"
)

func Weak(key []byte) {
	// ruleid: go-weak-cipher
	b1, _ := des.NewCipher(key[:8])
	// ruleid: go-weak-cipher
	b2, _ := des.NewTripleDESCipher(key[:24])
	// ruleid: go-weak-cipher
	s, _ := rc4.NewCipher(key)
	// ruleid: go-weak-cipher
	b3, _ := blowfish.NewCipher(key)
	_, _, _, _ = b1, b2, s, b3
}

func Strong(key []byte) {
	// ok: go-weak-cipher
	block, _ := aes.NewCipher(key)
	// ok: go-weak-cipher
	gcm, _ := cipher.NewGCM(block)
	// ok: go-weak-cipher
	aead, _ := chacha20poly1305.New(key)
	_, _ = gcm, aead
}

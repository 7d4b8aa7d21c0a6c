package keys

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
)

func Generate() {
	// ruleid: go-rsa-weak-key-size
	k1, _ := rsa.GenerateKey(rand.Reader, 1024)
	// ruleid: go-rsa-weak-key-size
	k2, _ := rsa.GenerateKey(rand.Reader, 512)
	// ok: go-rsa-weak-key-size
	k3, _ := rsa.GenerateKey(rand.Reader, 3072)
	// ok: go-rsa-weak-key-size
	k4, _ := rsa.GenerateKey(rand.Reader, 2048)
	// ok: go-rsa-weak-key-size
	k5, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	_, _, _, _, _ = k1, k2, k3, k4, k5
}

func Legacy() {
	// ruleid: go-rsa-weak-key-size
	k, _ := rsa.GenerateKey(rand.Reader, 1536)
	_ = k
}

package users

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"

	"golang.org/x/crypto/bcrypt"
)

func Store(password string, data []byte) string {
	// ruleid: go-weak-password-hash
	a := md5.Sum([]byte(password))
	// ruleid: go-weak-password-hash
	b := sha1.Sum([]byte(password))
	// ruleid: go-weak-password-hash
	c := sha256.Sum256([]byte(salt + password))
	h := sha256.New()
	// ruleid: go-weak-password-hash
	h.Write([]byte(newPassword))
	h2 := md5.New()
	// ruleid: go-weak-password-hash
	io.WriteString(h2, userPwd)
	return hex.EncodeToString(a[:]) + hex.EncodeToString(b[:]) + hex.EncodeToString(c[:])
}

func Safe(password string, data []byte) {
	// ok: go-weak-password-hash
	hash, _ := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	// ok: go-weak-password-hash
	sum := sha256.Sum256(data)
	h := sha256.New()
	// ok: go-weak-password-hash
	h.Write(data)
	_, _ = hash, sum
}

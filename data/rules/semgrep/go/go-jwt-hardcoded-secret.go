package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

var jwtKey = []byte("my-super-secret")

func Issue(sub string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	// ruleid: go-jwt-hardcoded-secret
	return t.SignedString(jwtKey)
}

func Issue2(sub string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	// ruleid: go-jwt-hardcoded-secret
	return t.SignedString([]byte("secret"))
}

func Verify(tokenString string) (*jwt.Token, error) {
	return jwt.Parse(tokenString, func(t *jwt.Token) (interface{}, error) {
		// ruleid: go-jwt-hardcoded-secret
		return []byte("secret"), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func IssueSafe(sub string) (string, error) {
	key := []byte(os.Getenv("JWT_SECRET"))
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	// ok: go-jwt-hardcoded-secret
	return t.SignedString(key)
}

func VerifySafe(tokenString string) (*jwt.Token, error) {
	return jwt.Parse(tokenString, func(t *jwt.Token) (interface{}, error) {
		// ok: go-jwt-hardcoded-secret
		return []byte(os.Getenv("JWT_SECRET")), nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func IssueFromConfig(sub string, secret []byte) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": sub})
	// ok: go-jwt-hardcoded-secret
	return t.SignedString(secret)
}

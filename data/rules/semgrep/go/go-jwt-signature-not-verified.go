package auth

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
)

func Claims(tokenString string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	// ruleid: go-jwt-signature-not-verified
	_, _, err := jwt.NewParser().ParseUnverified(tokenString, claims)
	return claims, err
}

func Issue() (string, error) {
	// ruleid: go-jwt-signature-not-verified
	t := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{"sub": "1"})
	// ruleid: go-jwt-signature-not-verified
	return t.SignedString(jwt.UnsafeAllowNoneSignatureType)
}

func Verify(tokenString string) (*jwt.Token, error) {
	key := []byte(os.Getenv("JWT_SECRET"))
	// ok: go-jwt-signature-not-verified
	return jwt.Parse(tokenString, func(t *jwt.Token) (interface{}, error) {
		return key, nil
	}, jwt.WithValidMethods([]string{"HS256"}))
}

func IssueSigned() (string, error) {
	// ok: go-jwt-signature-not-verified
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": "1"})
	return t.SignedString([]byte(os.Getenv("JWT_SECRET")))
}

func VerifyWithClaims(tokenString string, key []byte) error {
	claims := jwt.MapClaims{}
	// ok: go-jwt-signature-not-verified
	_, err := jwt.ParseWithClaims(tokenString, claims, func(t *jwt.Token) (interface{}, error) { return key, nil }, jwt.WithValidMethods([]string{"HS256"}))
	return err
}

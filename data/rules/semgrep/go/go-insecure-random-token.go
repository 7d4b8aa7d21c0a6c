package tokens

import (
	"math/rand"
	"strconv"
)

const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func GenerateToken(n int) string {
	b := make([]byte, n)
	for i := range b {
		// ruleid: go-insecure-random-token
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

type User struct{ ResetToken string }

func Reset(u *User) string {
	// ruleid: go-insecure-random-token
	otp := strconv.Itoa(100000 + rand.Intn(900000))
	// ruleid: go-insecure-random-token
	u.ResetToken = strconv.FormatInt(rand.Int63(), 36)
	return otp
}

func PickServer(servers []string) string {
	// ok: go-insecure-random-token
	idx := rand.Intn(len(servers))
	// ok: go-insecure-random-token
	jitter := rand.Float64()
	_ = jitter
	return servers[idx]
}

func Shuffle(items []string) {
	// ok: go-insecure-random-token
	rand.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
}

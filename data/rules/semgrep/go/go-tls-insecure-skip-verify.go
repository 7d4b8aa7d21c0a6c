package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func Insecure() *http.Client {
	tr := &http.Transport{
		// ruleid: go-tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	cfg := &tls.Config{}
	// ruleid: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = true
	return &http.Client{Transport: tr}
}

func Secure(pool *x509.CertPool) *http.Client {
	tr := &http.Transport{
		// ok: go-tls-insecure-skip-verify
		TLSClientConfig: &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12},
	}
	cfg := &tls.Config{}
	// ok: go-tls-insecure-skip-verify
	cfg.InsecureSkipVerify = false
	return &http.Client{Transport: tr}
}

func Server(cert tls.Certificate) *tls.Config {
	// ruleid: go-tls-insecure-skip-verify
	c := tls.Config{Certificates: []tls.Certificate{cert}, InsecureSkipVerify: true}
	// ok: go-tls-insecure-skip-verify
	return &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS13}
	_ = c
}

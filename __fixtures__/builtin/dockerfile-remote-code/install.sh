# Not a Dockerfile.
curl -fsSL https://example.com/install.sh | sh

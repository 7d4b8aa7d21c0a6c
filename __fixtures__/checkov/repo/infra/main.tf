resource "aws_s3_bucket" "logs" {
  bucket = "vouch-fixture-logs"
  acl    = "public-read"
}

resource "aws_security_group" "ssh" {
  name        = "ssh-from-anywhere"
  description = "SSH open to the internet"

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

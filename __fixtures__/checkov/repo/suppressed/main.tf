resource "aws_s3_bucket" "site" {
  # checkov:skip=CKV_AWS_20:the bucket hosts a public website
  bucket = "vouch-fixture-site"
  acl    = "public-read"
}

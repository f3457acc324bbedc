# modules/secure_bucket on its own, applied against the mocked AWS provider: the hardening every bucket
# gets, and the options.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name = "t-bucket-123456789012-us-east-1"
}

run "defaults" {
  command = apply

  module {
    source = "./modules/secure_bucket"
  }

  assert {
    condition     = output.id == "t-bucket-123456789012-us-east-1"
    error_message = "the module reports the bucket's name"
  }

  assert {
    condition     = aws_s3_bucket_public_access_block.this.block_public_acls && aws_s3_bucket_public_access_block.this.block_public_policy && aws_s3_bucket_public_access_block.this.ignore_public_acls && aws_s3_bucket_public_access_block.this.restrict_public_buckets
    error_message = "all public access is blocked"
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "AES256"
    error_message = "SSE-S3 without a key"
  }

  assert {
    condition     = jsondecode(aws_s3_bucket_policy.this.policy).Statement[0] == { Sid = "DenyInsecureTransport", Effect = "Deny", Principal = "*", Action = "s3:*", Resource = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }
    error_message = "requests without TLS are denied on the bucket and its objects"
  }

  assert {
    condition     = length(aws_s3_bucket_versioning.this) == 0 && length(aws_s3_bucket_lifecycle_configuration.this) == 0 && !aws_s3_bucket.this.force_destroy
    error_message = "no versioning, no expiry and no force_destroy unless asked for"
  }
}

run "options" {
  command = apply

  module {
    source = "./modules/secure_bucket"
  }

  variables {
    versioning      = true
    expiration_days = 30
    force_destroy   = true
    kms_key_arn     = "arn:aws:kms:us-east-1:123456789012:key/55555555-5555-5555-5555-555555555555"
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.apply_server_side_encryption_by_default[0].kms_master_key_id if r.bucket_key_enabled]) == "arn:aws:kms:us-east-1:123456789012:key/55555555-5555-5555-5555-555555555555"
    error_message = "SSE-KMS with the key, and S3 bucket keys to cut KMS requests"
  }

  assert {
    condition     = aws_s3_bucket_versioning.this[0].versioning_configuration[0].status == "Enabled" && aws_s3_bucket_lifecycle_configuration.this[0].rule[0].expiration[0].days == 30 && aws_s3_bucket.this.force_destroy
    error_message = "versioning, expiry and force_destroy as asked"
  }
}

run "name_too_long" {
  command = plan

  module {
    source = "./modules/secure_bucket"
  }

  variables {
    name = "a-bucket-name-that-is-far-too-long-1-123456789012-ap-southeast-2"
  }

  expect_failures = [var.name]
}

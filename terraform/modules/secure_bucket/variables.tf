variable "name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.name))
    error_message = "A bucket name is 3-63 characters of lowercase letters, digits, dots and hyphens."
  }
}

variable "force_destroy" {
  description = "Let terraform destroy delete the bucket even when it still holds objects."
  type        = bool
  default     = false
}

variable "versioning" {
  description = "Keep previous object versions."
  type        = bool
  default     = false
}

variable "expiration_days" {
  description = "Delete objects this many days after creation; null keeps them."
  type        = number
  default     = null
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS; null uses SSE-S3."
  type        = string
  default     = null
}

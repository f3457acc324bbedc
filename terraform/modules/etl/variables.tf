variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "glue_job_jar_path" {
  description = "Path of glue-job/target/deploy/glue-job.jar, built by ./mvnw package."
  type        = string
}

variable "source_jdbc_url" {
  description = "jdbc:mysql://host:port/database of the source classicmodels database."
  type        = string
}

variable "source_secret_arn" {
  description = "Secrets Manager secret with the source database's username and password."
  type        = string
}

variable "subnet_id" {
  description = "Private subnet of the Glue connection's network interfaces."
  type        = string
}

variable "availability_zone" {
  description = "Availability zone of subnet_id."
  type        = string
}

variable "source_secret_kms_key_arn" {
  description = "Customer managed KMS key of the source secret, if it uses one; null for the AWS managed key."
  type        = string
  default     = null
}

variable "security_group_id" {
  description = "Security group of the Glue connection."
  type        = string
}

variable "worker_type" {
  description = "Glue worker type."
  type        = string
  default     = "G.1X"
}

variable "number_of_workers" {
  description = "Glue workers (2 is Glue's minimum)."
  type        = number
  default     = 2
}

variable "job_timeout_minutes" {
  description = "Glue job timeout."
  type        = number
  default     = 60
}

variable "log_retention_days" {
  description = "Retention of the job's CloudWatch log group."
  type        = number
}

variable "force_destroy_buckets" {
  description = "Let terraform destroy delete non-empty buckets."
  type        = bool
  default     = false
}

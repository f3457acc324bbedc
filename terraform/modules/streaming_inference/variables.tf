variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets of the inference function (next to the database)."
  type        = list(string)
}

variable "lambda_security_group_id" {
  description = "Security group of the in-VPC functions."
  type        = string
}

variable "lambda_vpc_access_policy_arn" {
  description = "Managed policy that lets a function attach to the VPC."
  type        = string
}

variable "code_bucket" {
  description = "Bucket the function code and the layer are uploaded to."
  type        = string
}

variable "inference_jar_path" {
  description = "Path of inference-lambda/target/deploy/inference-lambda.jar."
  type        = string
}

variable "libtorch_layer_zip_path" {
  description = "Path of inference-lambda/target/deploy/libtorch-layer.zip."
  type        = string
}

variable "transformation_jar_path" {
  description = "Path of transformation-lambda/target/deploy/transformation-lambda.jar."
  type        = string
}

variable "kinesis_stream_arn" {
  description = "ARN of the existing Kinesis data stream of session events."
  type        = string
}

variable "kinesis_stream_kms_key_arn" {
  description = "Customer managed KMS key of the stream, if it uses one."
  type        = string
  default     = null
}

variable "ml_artifacts_uri" {
  description = "s3://bucket/prefix of the ML artifacts."
  type        = string
}

variable "model_manifest_etag" {
  description = "ETag of the manifest whose embeddings are loaded; a change publishes a new inference version."
  type        = string
}

variable "vector_db_jdbc_url" {
  description = "JDBC URL of the vector database."
  type        = string
}

variable "vector_db_secret_arn" {
  description = "ARN of the secret with the read-only reader role's login (never the master secret: the inference functions only read)."
  type        = string
}

variable "vector_db_pool_size" {
  description = "Connections per inference execution environment."
  type        = number
  default     = 2
}

variable "recs_default_k" {
  description = "recommended_items per session (the k the transformation asks for) and the HTTP routes' default limit."
  type        = number
  default     = 10
}

variable "recs_similar_k" {
  description = "similar_items per session (the similar_k the transformation asks for); 0 turns similar items off."
  type        = number
  default     = 5
}

variable "inference_memory_mb" {
  description = "Memory of the inference function (also buys CPU for the towers and the in-memory catalog)."
  type        = number
  default     = 4096
}

variable "inference_in_memory_catalog_mb" {
  description = "RECS_IN_MEMORY_CATALOG_MB: largest item catalog copied into memory (MiB); 0 ranks with pgvector only."
  type        = number
  default     = 1024
}

variable "inference_ephemeral_storage_mb" {
  description = "/tmp of the inference function: libtorch (~430 MB) plus the artifacts."
  type        = number
  default     = 2048
}

variable "inference_function_timeout_seconds" {
  description = "Timeout of the inference function."
  type        = number
  default     = 30
}

variable "inference_provisioned_concurrency" {
  description = "Provisioned concurrency of the batch inference alias; 0 disables it."
  type        = number
  default     = 0
}

variable "transformation_memory_mb" {
  description = "Memory of the transformation function."
  type        = number
  default     = 1024
}

variable "transformation_timeout_seconds" {
  description = "Timeout of the transformation function (Firehose allows a processor up to 300 s)."
  type        = number
  default     = 120
}

variable "inference_timeout_ms" {
  description = "Per-attempt timeout of the transformation function's call to inference."
  type        = number
  default     = 35000
}

variable "inference_max_attempts" {
  description = "Attempts of the call to inference, including the first."
  type        = number
  default     = 2
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the transformation function's EMF metrics."
  type        = string
  default     = "Recommendations"
}

variable "log_level" {
  description = "Root log level of the functions."
  type        = string
  default     = "INFO"
}

variable "log_retention_days" {
  description = "Retention of the log groups."
  type        = number
}

variable "processor_buffer_size_mb" {
  description = "Firehose processor buffer; see the comment on processing_configuration for the 6 MB arithmetic."
  type        = number
  default     = 0.5
}

variable "processor_buffer_interval_seconds" {
  description = "Firehose processor buffer interval."
  type        = number
  default     = 60
}

variable "processor_retries" {
  description = "Firehose retries of a failed processor invocation."
  type        = number
  default     = 3
}

variable "s3_buffering_size_mb" {
  description = "Firehose S3 destination buffer size."
  type        = number
  default     = 64
}

variable "s3_buffering_interval_seconds" {
  description = "Firehose S3 destination buffer interval."
  type        = number
  default     = 300
}

variable "s3_compression_format" {
  description = "Compression of the delivered objects."
  type        = string
  default     = "UNCOMPRESSED"
}

variable "recommendations_expiration_days" {
  description = "Delete delivered objects after this many days; null keeps them."
  type        = number
  default     = null
}

variable "force_destroy_buckets" {
  description = "Let terraform destroy delete a non-empty recommendations bucket."
  type        = bool
  default     = false
}

variable "ml_artifacts_kms_key_arn" {
  description = "Customer managed KMS key of the ML artifacts bucket, if it uses one; null for SSE-S3 or AWS managed keys."
  type        = string
  default     = null
}

# --- General ----------------------------------------------------------------------------------------------

variable "project" {
  description = "Prefix of every resource name. Bucket names include it: <project>-recommendations-<account id>-<region> must stay within S3's 63 characters."
  type        = string
  default     = "de-c1w4"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}[a-z0-9]$", var.project))
    error_message = "project must be 3-22 lowercase letters, digits or hyphens, starting with a letter and ending with a letter or digit (it is part of bucket names)."
  }

  validation {
    condition     = !strcontains(var.project, "--")
    error_message = "project must not contain \"--\": RDS identifiers (<project>-vector-db) cannot have two hyphens in a row."
  }
}

variable "region" {
  description = "AWS region of every resource."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as us-east-1."
  }
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of every log group."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "log_level" {
  description = "Root log level of every function."
  type        = string
  default     = "INFO"

  validation {
    condition     = contains(["TRACE", "DEBUG", "INFO", "WARN", "ERROR"], var.log_level)
    error_message = "log_level must be TRACE, DEBUG, INFO, WARN or ERROR."
  }
}

variable "alarm_sns_topic_arn" {
  description = "SNS topic notified by the alarms; null creates the alarms without actions."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_sns_topic_arn == null || can(regex("^arn:aws[a-z-]*:sns:", var.alarm_sns_topic_arn))
    error_message = "alarm_sns_topic_arn must be an SNS topic ARN."
  }
}

variable "deployables" {
  description = "Paths of the built files to deploy, by name (glue_job, loader, inference, libtorch_layer, transformation); a name left out uses ./mvnw package's output in this repository."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.deployables) : contains(["glue_job", "loader", "inference", "libtorch_layer", "transformation"], k)])
    error_message = "deployables keys must be among glue_job, loader, inference, libtorch_layer, transformation."
  }
}

variable "force_destroy_buckets" {
  description = "Let terraform destroy delete buckets that still hold objects (for throwaway environments)."
  type        = bool
  default     = false
}

# --- Network ----------------------------------------------------------------------------------------------

variable "vpc_id" {
  description = "Existing VPC."
  type        = string

  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123456789abcdef0."
  }
}

variable "private_subnet_ids" {
  description = "Private subnets in at least two availability zones (RDS requires two)."
  type        = list(string)

  validation {
    condition     = length(var.private_subnet_ids) >= 2 && alltrue([for s in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))])
    error_message = "private_subnet_ids needs at least two subnet ids (subnet-...)."
  }
}

variable "create_vpc_endpoints" {
  description = "Create the S3 gateway and interface endpoints (Secrets Manager, Glue, Logs, Monitoring). Set false if the VPC already has them."
  type        = bool
  default     = true
}

# --- Source database (batch ETL) --------------------------------------------------------------------------

variable "source_mysql_host" {
  description = "Host of the source classicmodels MySQL database."
  type        = string
}

variable "source_mysql_port" {
  description = "Port of the source MySQL database."
  type        = number
  default     = 3306

  validation {
    condition     = var.source_mysql_port > 0 && var.source_mysql_port < 65536
    error_message = "source_mysql_port must be a TCP port."
  }
}

variable "source_mysql_database" {
  description = "Database name of the source."
  type        = string
  default     = "classicmodels"
}

variable "source_mysql_secret_arn" {
  description = "Complete ARN of the Secrets Manager secret with the source database's {\"username\",\"password\"} (aws secretsmanager describe-secret --secret-id <name> --query ARN)."
  type        = string

  # IAM matches a secret's ARN exactly: the partial ARN (without the 6-character suffix Secrets Manager
  # appends) would grant nothing, and the job and the Glue connection fetch the secret by this ARN.
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}$", var.source_mysql_secret_arn))
    error_message = "source_mysql_secret_arn must be the secret's complete ARN, ending in the 6-character suffix Secrets Manager adds to the name (arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf); get it with aws secretsmanager describe-secret --secret-id <name> --query ARN."
  }
}

variable "source_mysql_secret_kms_key_arn" {
  description = "Customer managed KMS key the source secret is encrypted with, if any (null: the AWS managed aws/secretsmanager key). The Glue job gets kms:Decrypt on it."
  type        = string
  default     = null

  validation {
    condition     = var.source_mysql_secret_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.source_mysql_secret_kms_key_arn))
    error_message = "source_mysql_secret_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>), not an alias: IAM grants on key ARNs."
  }
}

variable "source_mysql_security_group_id" {
  description = "Security group of the source database to open to the Glue job on its port; null leaves it alone."
  type        = string
  default     = null
}

variable "source_mysql_cidr" {
  description = "CIDR the Glue job may reach the source database in; null means the VPC's CIDR."
  type        = string
  default     = null
}

variable "glue_worker_type" {
  description = "Glue worker type."
  type        = string
  default     = "G.1X"

  validation {
    condition     = contains(["G.1X", "G.2X", "G.4X", "G.8X"], var.glue_worker_type)
    error_message = "glue_worker_type must be G.1X, G.2X, G.4X or G.8X."
  }
}

variable "glue_number_of_workers" {
  description = "Glue workers."
  type        = number
  default     = 2

  validation {
    condition     = var.glue_number_of_workers >= 2
    error_message = "Glue needs at least 2 workers."
  }
}

# --- ML artifacts and vector database ---------------------------------------------------------------------

variable "ml_artifacts_bucket" {
  description = "Existing bucket that holds the ML artifacts."
  type        = string
}

variable "ml_artifacts_kms_key_arn" {
  description = "Customer managed KMS key the ML artifacts bucket encrypts objects with, if any (null: SSE-S3 or the AWS managed aws/s3 key). The loader and the inference functions get kms:Decrypt on it."
  type        = string
  default     = null

  validation {
    condition     = var.ml_artifacts_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.ml_artifacts_kms_key_arn))
    error_message = "ml_artifacts_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>), not an alias: IAM grants on key ARNs."
  }
}

variable "ml_artifacts_prefix" {
  description = "Folder of the artifacts in that bucket (holds manifest.json); empty for the bucket root."
  type        = string
  default     = "ml-artifacts"
}

variable "model_version" {
  description = "Model version expected in manifest.json; changing it re-runs the embeddings load. null loads whatever the manifest names."
  type        = string
  default     = null
}

variable "db_engine_version" {
  description = "RDS PostgreSQL version (pgvector needs 15.2 or later)."
  type        = string
  default     = "16"

  validation {
    condition     = try(tonumber(split(".", var.db_engine_version)[0]), 0) >= 15
    error_message = "db_engine_version must be PostgreSQL 15 or later (pgvector on RDS starts at 15.2)."
  }
}

variable "db_instance_class" {
  description = "RDS instance class."
  type        = string
  default     = "db.t4g.micro"
}

variable "db_multi_az" {
  description = "Standby database in a second AZ."
  type        = bool
  default     = false
}

variable "db_backup_retention_days" {
  description = "Automated backup retention of the vector database."
  type        = number
  default     = 7

  validation {
    condition     = var.db_backup_retention_days >= 1 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 1 and 35."
  }
}

variable "db_deletion_protection" {
  description = "Refuse to delete the vector database (set false before terraform destroy)."
  type        = bool
  default     = true
}

variable "db_skip_final_snapshot" {
  description = "Skip the final snapshot when the database is destroyed."
  type        = bool
  default     = false
}

variable "hnsw_m" {
  description = "HNSW m of the embedding indexes."
  type        = number
  default     = 16
}

variable "hnsw_ef_construction" {
  description = "HNSW ef_construction of the embedding indexes."
  type        = number
  default     = 64
}

variable "embeddings_quality_gate" {
  description = <<-EOT
    Quality gate of the embeddings loader, on the model version's metrics.json: floors of its offline metrics
    (max_top1_share is a ceiling: lower is better) and how much worse than the live version's a metric may be,
    relative to the live value (0.1 = 10 %). A floor of 0 (a ceiling of 1) turns that check off. A refused
    version fails the apply with the failing metrics and leaves the database unchanged. Set only what differs.
  EOT
  type = object({
    min_ndcg_at_10     = optional(number, 0.005)
    min_recall_at_10   = optional(number, 0.005)
    min_mrr            = optional(number, 0.005)
    min_coverage_at_10 = optional(number, 0.25)
    max_top1_share     = optional(number, 0.3)
    tolerance          = optional(number, 0.1)
  })
  default = {}

  validation {
    condition     = alltrue([for v in values(var.embeddings_quality_gate) : v >= 0 && v <= 1])
    error_message = "embeddings_quality_gate: every floor, the ceiling and the tolerance must be between 0 and 1."
  }
}

# --- Streaming ----------------------------------------------------------------------------------------------

variable "kinesis_stream_arn" {
  description = "Existing Kinesis data stream of session events."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/.+$", var.kinesis_stream_arn))
    error_message = "kinesis_stream_arn must be a Kinesis stream ARN."
  }
}

variable "kinesis_stream_kms_key_arn" {
  description = "Customer managed KMS key of the stream, if it uses one (null: unencrypted or the AWS managed aws/kinesis key). Firehose gets kms:Decrypt on it."
  type        = string
  default     = null

  validation {
    condition     = var.kinesis_stream_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[A-Za-z0-9-]+$", var.kinesis_stream_kms_key_arn))
    error_message = "kinesis_stream_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key-id>), not an alias: IAM grants on key ARNs."
  }
}

variable "inference_memory_mb" {
  description = "Memory of both inference functions; CPU comes with it (2 vCPUs from 3,538 MB). 4096 holds a 1M-item in-memory catalog (inference_in_memory_catalog_mb) beside libtorch; see docs/retrieval.md."
  type        = number
  default     = 4096

  validation {
    condition     = var.inference_memory_mb >= 2048 && var.inference_memory_mb <= 10240
    error_message = "inference_memory_mb must be 2048-10240: libtorch alone needs well over 1 GB."
  }
}

variable "inference_in_memory_catalog_mb" {
  description = "Largest item catalog (MiB of Java heap) the inference functions copy into memory for exact top-k; a larger one is ranked by pgvector's HNSW indexes; 0 always uses pgvector. 1M items of 32 dimensions take about 590 MiB."
  type        = number
  default     = 1024

  validation {
    condition     = var.inference_in_memory_catalog_mb >= 0 && var.inference_in_memory_catalog_mb <= 16384
    error_message = "inference_in_memory_catalog_mb must be 0-16384 (0 ranks with pgvector only)."
  }

  # libtorch, the towers and the JVM take about 1 GB; a new model version is copied while the old copy still serves.
  validation {
    condition     = var.inference_in_memory_catalog_mb == 0 || var.inference_in_memory_catalog_mb + 2048 <= var.inference_memory_mb
    error_message = "inference_in_memory_catalog_mb + 2048 must not exceed inference_memory_mb (libtorch, the towers and a second copy during a model swap need the rest): raise inference_memory_mb or lower the budget."
  }
}

variable "inference_provisioned_concurrency" {
  description = "Provisioned concurrency of the batch inference function (the streaming path); 0 disables it."
  type        = number
  default     = 0

  validation {
    condition     = var.inference_provisioned_concurrency >= 0
    error_message = "inference_provisioned_concurrency cannot be negative."
  }
}

variable "db_reader_password_version" {
  description = "Version of the generated password of the read-only role the inference function logs in as; raise it to rotate that password (the embeddings load re-runs and sets it in the database)."
  type        = number
  default     = 1
}

variable "vector_db_pool_size" {
  description = "Database connections per inference execution environment."
  type        = number
  default     = 2
}

variable "recs_default_k" {
  description = "recommended_items per session (the k the transformation asks for) and the HTTP routes' default limit."
  type        = number
  default     = 10

  validation {
    condition     = var.recs_default_k >= 1 && var.recs_default_k <= 100
    error_message = "recs_default_k must be between 1 and 100."
  }
}

variable "recs_similar_k" {
  description = "similar_items per session (the similar_k the transformation asks for); 0 turns similar items off."
  type        = number
  default     = 5

  validation {
    condition     = var.recs_similar_k >= 0 && var.recs_similar_k <= 100
    error_message = "recs_similar_k must be between 0 and 100."
  }
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the transformation function's EMF metrics."
  type        = string
  default     = "Recommendations"
}

variable "processor_buffer_size_mb" {
  description = "Firehose processor buffer (MB of input per transformation call)."
  type        = number
  default     = 0.5

  validation {
    condition     = var.processor_buffer_size_mb >= 0.2 && var.processor_buffer_size_mb <= 1
    error_message = "processor_buffer_size_mb must be 0.2-1: enriched output is ~5.7x the input in bytes and must stay under Lambda's 6 MB response."
  }
}

variable "recommendations_expiration_days" {
  description = "Delete delivered recommendation objects after this many days; null keeps them."
  type        = number
  default     = null
}

# The whole system in one apply: `./mvnw -DskipTests package`, then `terraform apply`. Paths below are
# the deployables of docs/contracts.md; a rebuilt file changes its hash and is re-uploaded.

data "aws_caller_identity" "current" {}

data "aws_region" "current" {
  lifecycle {
    # The longest bucket name is streaming_inference's <project>-recommendations-<account>-<region>.
    postcondition {
      condition     = length("${var.project}-recommendations-000000000000-${self.name}") <= 63
      error_message = "project \"${var.project}\" is too long for region ${self.name}: the bucket ${var.project}-recommendations-<account id>-${self.name} would have ${length("${var.project}-recommendations-000000000000-${self.name}")} characters and S3 allows 63; shorten project by ${length("${var.project}-recommendations-000000000000-${self.name}") - 63}."
    }
  }
}

locals {
  name_prefix = var.project
  repo_root   = "${path.root}/.."

  deployables = merge({
    glue_job       = "${local.repo_root}/glue-job/target/deploy/glue-job.jar"
    loader         = "${local.repo_root}/embeddings-loader/target/deploy/embeddings-loader.jar"
    inference      = "${local.repo_root}/inference-lambda/target/deploy/inference-lambda.jar"
    libtorch_layer = "${local.repo_root}/inference-lambda/target/deploy/libtorch-layer.zip"
    transformation = "${local.repo_root}/transformation-lambda/target/deploy/transformation-lambda.jar"
  }, var.deployables)

  source_jdbc_url = "jdbc:mysql://${var.source_mysql_host}:${var.source_mysql_port}/${var.source_mysql_database}"
}

# Function code and the libtorch layer; the layer is too big for a direct upload.
module "code_bucket" {
  source = "./modules/secure_bucket"

  name          = "${local.name_prefix}-code-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}"
  versioning    = true
  force_destroy = var.force_destroy_buckets
}

module "network" {
  source = "./modules/network"

  name_prefix                    = local.name_prefix
  vpc_id                         = var.vpc_id
  private_subnet_ids             = var.private_subnet_ids
  create_vpc_endpoints           = var.create_vpc_endpoints
  source_mysql_port              = var.source_mysql_port
  source_mysql_cidr              = var.source_mysql_cidr
  source_mysql_security_group_id = var.source_mysql_security_group_id
}

module "etl" {
  source = "./modules/etl"

  name_prefix               = local.name_prefix
  glue_job_jar_path         = local.deployables.glue_job
  source_jdbc_url           = local.source_jdbc_url
  source_secret_arn         = var.source_mysql_secret_arn
  source_secret_kms_key_arn = var.source_mysql_secret_kms_key_arn
  subnet_id                 = var.private_subnet_ids[0]
  availability_zone         = module.network.subnet_availability_zones[var.private_subnet_ids[0]]
  security_group_id         = module.network.glue_security_group_id
  worker_type               = var.glue_worker_type
  number_of_workers         = var.glue_number_of_workers
  log_retention_days        = var.log_retention_days
  force_destroy_buckets     = var.force_destroy_buckets
}

module "vector_db" {
  source = "./modules/vector_db"

  name_prefix                  = local.name_prefix
  private_subnet_ids           = var.private_subnet_ids
  subnet_availability_zones    = module.network.subnet_availability_zones
  database_security_group_id   = module.network.database_security_group_id
  lambda_security_group_id     = module.network.lambda_security_group_id
  lambda_vpc_access_policy_arn = module.network.lambda_vpc_access_policy_arn
  network_dependencies         = module.network.endpoints_ready
  engine_version               = var.db_engine_version
  instance_class               = var.db_instance_class
  multi_az                     = var.db_multi_az
  backup_retention_days        = var.db_backup_retention_days
  deletion_protection          = var.db_deletion_protection
  skip_final_snapshot          = var.db_skip_final_snapshot
  reader_password_version      = var.db_reader_password_version
  code_bucket                  = module.code_bucket.id
  loader_jar_path              = local.deployables.loader
  ml_artifacts_bucket          = var.ml_artifacts_bucket
  ml_artifacts_prefix          = var.ml_artifacts_prefix
  ml_artifacts_kms_key_arn     = var.ml_artifacts_kms_key_arn
  model_version                = var.model_version
  hnsw_m                       = var.hnsw_m
  hnsw_ef_construction         = var.hnsw_ef_construction
  quality_gate                 = var.embeddings_quality_gate
  log_level                    = var.log_level
  log_retention_days           = var.log_retention_days
}

module "streaming_inference" {
  source = "./modules/streaming_inference"

  name_prefix                       = local.name_prefix
  private_subnet_ids                = var.private_subnet_ids
  lambda_security_group_id          = module.network.lambda_security_group_id
  lambda_vpc_access_policy_arn      = module.network.lambda_vpc_access_policy_arn
  code_bucket                       = module.code_bucket.id
  inference_jar_path                = local.deployables.inference
  libtorch_layer_zip_path           = local.deployables.libtorch_layer
  transformation_jar_path           = local.deployables.transformation
  kinesis_stream_arn                = var.kinesis_stream_arn
  kinesis_stream_kms_key_arn        = var.kinesis_stream_kms_key_arn
  ml_artifacts_uri                  = module.vector_db.artifacts_uri
  ml_artifacts_kms_key_arn          = var.ml_artifacts_kms_key_arn
  vector_db_jdbc_url                = module.vector_db.jdbc_url
  vector_db_secret_arn              = module.vector_db.reader_secret_arn
  model_manifest_etag               = module.vector_db.loaded_manifest_etag
  vector_db_pool_size               = var.vector_db_pool_size
  recs_default_k                    = var.recs_default_k
  recs_similar_k                    = var.recs_similar_k
  inference_memory_mb               = var.inference_memory_mb
  inference_in_memory_catalog_mb    = var.inference_in_memory_catalog_mb
  inference_provisioned_concurrency = var.inference_provisioned_concurrency
  metrics_namespace                 = var.metrics_namespace
  processor_buffer_size_mb          = var.processor_buffer_size_mb
  recommendations_expiration_days   = var.recommendations_expiration_days
  force_destroy_buckets             = var.force_destroy_buckets
  log_level                         = var.log_level
  log_retention_days                = var.log_retention_days
}

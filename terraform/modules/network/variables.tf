variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
}

variable "vpc_id" {
  description = "VPC that holds the private subnets."
  type        = string
}

variable "private_subnet_ids" {
  description = "Private subnets of the functions, the database and the Glue job."
  type        = list(string)
}

variable "source_mysql_port" {
  description = "Port of the source MySQL database."
  type        = number
}

variable "source_mysql_cidr" {
  description = "CIDR of the source MySQL database; null means the VPC CIDR."
  type        = string
  default     = null
}

variable "source_mysql_security_group_id" {
  description = "Security group of the source MySQL database to open to the Glue job; null leaves it alone."
  type        = string
  default     = null
}

variable "create_vpc_endpoints" {
  description = "Create the S3 gateway endpoint and the interface endpoints. Set false when the VPC already has them."
  type        = bool
  default     = true
}

variable "interface_endpoint_services" {
  description = "Services reached through interface endpoints."
  type        = list(string)
  default     = ["secretsmanager", "glue", "logs", "monitoring"]
}

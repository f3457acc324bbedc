# modules/network on its own, applied against the mocked AWS provider: where the endpoints go and what the
# VPC must offer them.

mock_provider "aws" {
  source = "./tests/mocks"
}

variables {
  name_prefix        = "t"
  vpc_id             = "vpc-0123456789abcdef0"
  private_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2", "subnet-0aaaaaaaaaaaaaaa3"]
  source_mysql_port  = 3306
}

# Three subnets, two AZs; the third subnet has no route table of its own and uses the VPC's main one.
override_data {
  target = data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa1"]
  values = { availability_zone = "us-east-1a" }
}

override_data {
  target = data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa2"]
  values = { availability_zone = "us-east-1b" }
}

override_data {
  target = data.aws_subnet.private["subnet-0aaaaaaaaaaaaaaa3"]
  values = { availability_zone = "us-east-1a" }
}

override_data {
  target = data.aws_route_tables.explicit["subnet-0aaaaaaaaaaaaaaa1"]
  values = { ids = ["rtb-0aaaaaaaaaaaaaaa1"] }
}

override_data {
  target = data.aws_route_tables.explicit["subnet-0aaaaaaaaaaaaaaa2"]
  values = { ids = ["rtb-0aaaaaaaaaaaaaaa1"] }
}

override_data {
  target = data.aws_route_tables.explicit["subnet-0aaaaaaaaaaaaaaa3"]
  values = { ids = [] }
}

override_data {
  target = data.aws_route_tables.main
  values = { ids = ["rtb-0000000000000main"] }
}

run "endpoints" {
  command = apply

  module {
    source = "./modules/network"
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : e.subnet_ids == toset(["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa2"])])
    error_message = "an interface endpoint takes one subnet per availability zone"
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.interface)) == toset(["secretsmanager", "glue", "logs", "monitoring"])
    error_message = "endpoints for every service the functions and the job call"
  }

  assert {
    condition     = aws_vpc_endpoint.s3[0].route_table_ids == toset(["rtb-0aaaaaaaaaaaaaaa1", "rtb-0000000000000main"])
    error_message = "the S3 gateway endpoint is on each subnet's route table, the main one for subnets without their own"
  }

  assert {
    condition     = output.subnet_availability_zones == { "subnet-0aaaaaaaaaaaaaaa1" = "us-east-1a", "subnet-0aaaaaaaaaaaaaaa2" = "us-east-1b", "subnet-0aaaaaaaaaaaaaaa3" = "us-east-1a" }
    error_message = "each subnet's availability zone is reported"
  }

  assert {
    condition     = length(aws_vpc_security_group_egress_rule.lambda_https_any) == 0 && length(aws_vpc_security_group_egress_rule.lambda_https_s3) == 1
    error_message = "with our endpoints the functions reach HTTPS only through them"
  }
}

run "vpc_without_dns_hostnames" {
  command = plan

  module {
    source = "./modules/network"
  }

  override_data {
    target = data.aws_vpc.this
    values = { cidr_block = "10.0.0.0/16", enable_dns_support = true, enable_dns_hostnames = false }
  }

  expect_failures = [aws_vpc_endpoint.interface]
}

run "existing_endpoints" {
  command = apply

  module {
    source = "./modules/network"
  }

  variables {
    create_vpc_endpoints = false
  }

  override_data {
    target = data.aws_vpc.this
    values = { cidr_block = "10.0.0.0/16", enable_dns_support = false, enable_dns_hostnames = false }
  }

  assert {
    condition     = length(aws_vpc_endpoint.interface) == 0 && length(aws_vpc_endpoint.s3) == 0 && length(aws_vpc_security_group_egress_rule.lambda_https_any) == 1
    error_message = "without our endpoints the functions may reach HTTPS anywhere (the VPC's endpoints or NAT), and the VPC's DNS settings are not ours to check"
  }
}

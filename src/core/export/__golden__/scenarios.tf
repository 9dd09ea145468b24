# ===== case: example =====
# Portolan: AWS security groups for plan Example: self-hosted HA cluster.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "ci" = {
      name        = "portolan-ci"
      description = "Portolan zone CI runners"
    }
    "control-plane" = {
      name        = "portolan-control-plane"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private services"
    }
  }
  portolan_ingress_rules = {
    "db-agent-to-lb-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "db-agent-to-postgres-5432-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 5432
      to_port                   = 5432
      description               = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 6443
      to_port                   = 6443
      description               = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "lb-to-proxy-1-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 to 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 to 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "control-plane"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "control-plane"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "tbot-to-lb-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "ci"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)"
    }
    "users-to-lb-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = null
      cidr_ipv4                 = "0.0.0.0/0"
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "users-to-lb-443-tcp: Database clients of Engineers through tsh local proxies (ALPN per engine) on the web port of Proxy LB; Web UI and browser sessions of Engineers through Proxy LB (HTTPS, WebSockets); kubectl of Engineers through Proxy LB with TLS ro..."
    }
  }
  portolan_egress_rules = {
    "db-agent-to-lb-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "db-agent-to-postgres-5432-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 5432
      to_port                   = 5432
      description               = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 6443
      to_port                   = 6443
      description               = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "lb-to-proxy-1-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 to 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 to 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "control-plane"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "control-plane"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "tbot-to-lb-443-tcp" = {
      security_group            = "ci"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 1. self-hosted multiplex, Proxy web on 443 =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "users-to-proxy-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = null
      cidr_ipv4                 = "0.0.0.0/0"
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 2. config v1, separate mode, web on 3080 =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3024
      to_port                   = 3024
      description               = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
    "users-to-proxy-3023-tcp" = {
      security_group            = "dmz"
      referenced_security_group = null
      cidr_ipv4                 = "0.0.0.0/0"
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3023
      to_port                   = 3023
      description               = "users-to-proxy-3023-tcp: tsh ssh sessions of Users on the SSH proxy listener of Proxy (separate mode)"
    }
    "users-to-proxy-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = null
      cidr_ipv4                 = "0.0.0.0/0"
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "users-to-proxy-3080-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3024
      to_port                   = 3024
      description               = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 3. SSH agent joined directly to Auth =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3022
      to_port                   = 3022
      description               = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
    "users-to-proxy-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = null
      cidr_ipv4                 = "0.0.0.0/0"
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3022
      to_port                   = 3022
      description               = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      security_group            = "private"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 4. agent behind an HTTP CONNECT proxy, NO_PROXY exempts 3024 =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "fwd-to-proxy-3080-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 8080
      to_port                   = 8080
      description               = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3024
      to_port                   = 3024
      description               = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
  portolan_egress_rules = {
    "fwd-to-proxy-3080-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3080
      to_port                   = 3080
      description               = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 8080
      to_port                   = 8080
      description               = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3024
      to_port                   = 3024
      description               = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 5a. three Proxies with proxy peering on Enterprise =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
  portolan_egress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3021
      to_port                   = 3021
      description               = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 5b. three Proxies with proxy peering on OSS =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_egress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 6. Teleport Cloud tenant, Database and Desktop agents =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

variable "resolve_example_teleport_sh" {
  type        = string
  description = "CIDR for example.teleport.sh: Portolan does not resolve host names (e.g. 192.0.2.10/32)."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "db-agent-to-postgres-5432-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 5432
      to_port                   = 5432
      description               = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-dc-636-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 636
      to_port                   = 636
      description               = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 88
      to_port                   = 88
      description               = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3389
      to_port                   = 3389
      description               = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
  portolan_egress_rules = {
    "db-agent-to-cloud-tenant:cloud-443-tcp" = {
      security_group            = "private"
      referenced_security_group = null
      cidr_ipv4                 = var.resolve_example_teleport_sh
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "db-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of DB agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from DB agent to Teleport Cloud tenant example.teleport.sh: ..."
    }
    "db-agent-to-postgres-5432-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 5432
      to_port                   = 5432
      description               = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-cloud-tenant:cloud-443-tcp" = {
      security_group            = "private"
      referenced_security_group = null
      cidr_ipv4                 = var.resolve_example_teleport_sh
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "desktop-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of Desktop agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Desktop agent to Teleport Cloud tenant exampl..."
    }
    "desktop-agent-to-dc-636-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 636
      to_port                   = 636
      description               = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 88
      to_port                   = 88
      description               = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3389
      to_port                   = 3389
      description               = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

# ===== case: 7. leaf cluster trusting a multiplex root =====
# Portolan: AWS security groups for plan test.
# One security group per zone inside AWS (internet, on-prem and Teleport Cloud zones have none) and
# one per node without a zone that has an address (clients and cloud APIs excepted); rules are keyed
# by the stable Portolan rule id. Rules are stateful: replies need no rule. Needs the AWS provider >= 5
# (aws_vpc_security_group_*_rule).

variable "vpc_id" {
  type        = string
  description = "ID of the VPC that holds the Portolan security groups."
}

locals {
  portolan_security_groups = {
    "cp" = {
      name        = "portolan-cp"
      description = "Portolan zone Control plane"
    }
    "dmz" = {
      name        = "portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "private" = {
      name        = "portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_ingress_rules = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)"
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      security_group            = "cp"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_egress_rules = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)"
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      security_group            = "private"
      referenced_security_group = "private"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      security_group            = "private"
      referenced_security_group = "dmz"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 443
      to_port                   = 443
      description               = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      security_group            = "dmz"
      referenced_security_group = "cp"
      cidr_ipv4                 = null
      cidr_ipv6                 = null
      ip_protocol               = "tcp"
      from_port                 = 3025
      to_port                   = 3025
      description               = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
}

resource "aws_security_group" "portolan" {
  for_each    = local.portolan_security_groups
  name        = each.value.name
  description = each.value.description
  vpc_id      = var.vpc_id
  tags = {
    Name = each.value.name
  }
}

resource "aws_vpc_security_group_ingress_rule" "portolan" {
  for_each                     = local.portolan_ingress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

resource "aws_vpc_security_group_egress_rule" "portolan" {
  for_each                     = local.portolan_egress_rules
  security_group_id            = aws_security_group.portolan[each.value.security_group].id
  referenced_security_group_id = each.value.referenced_security_group == null ? null : aws_security_group.portolan[each.value.referenced_security_group].id
  cidr_ipv4                    = each.value.cidr_ipv4
  cidr_ipv6                    = each.value.cidr_ipv6
  ip_protocol                  = each.value.ip_protocol
  from_port                    = each.value.from_port
  to_port                      = each.value.to_port
  description                  = each.value.description
  tags = {
    Name = each.key
  }
}

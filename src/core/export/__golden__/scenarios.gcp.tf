# ===== case: example =====
# Portolan: GCP VPC firewall rules for plan Example: self-hosted HA cluster.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

variable "resolve_orders_db_internal_example_com" {
  type        = string
  description = "IPv4 CIDR for orders-db.internal.example.com: Portolan does not resolve host names (e.g. 192.0.2.10/32)."

  validation {
    condition     = can(cidrnetmask(var.resolve_orders_db_internal_example_com))
    error_message = "An IPv4 CIDR such as 192.0.2.10/32: a GCP firewall rule holds one address family."
  }
}

variable "resolve_teleport_example_com" {
  type        = string
  description = "IPv4 CIDR for teleport.example.com: Portolan does not resolve host names (e.g. 192.0.2.10/32)."

  validation {
    condition     = can(cidrnetmask(var.resolve_teleport_example_com))
    error_message = "An IPv4 CIDR such as 192.0.2.10/32: a GCP firewall rule holds one address family."
  }
}

locals {
  portolan_network_tags = {
    "portolan-ci" = {
      name        = "pd-portolan-ci"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-ci (zone CI runners); IPv6 egress stays open"
    }
    "portolan-control-plane" = {
      name        = "pd-portolan-control-plane"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-control-plane (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private services); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "db-agent-to-lb-443-tcp" = {
      name        = "pt-db-agent-to-lb-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "db-agent-to-postgres-5432-tcp" = {
      name        = "pt-db-agent-to-postgres-5432-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["5432"]
      description = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      name        = "pt-kube-agent-to-kube-api-6443-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["6443"]
      description = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      name        = "pt-kube-agent-to-lb-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "lb-to-proxy-1-3080-tcp" = {
      name        = "pt-lb-to-proxy-1-3080-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3080"]
      description = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      name        = "pt-lb-to-proxy-2-3080-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3080"]
      description = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      name        = "pt-proxy-1-to-auth-3025-tcp"
      target_tags = ["portolan-control-plane"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name        = "pt-proxy-2-to-auth-3025-tcp"
      target_tags = ["portolan-control-plane"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      name        = "pt-ssh-agent-to-lb-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "tbot-to-lb-443-tcp" = {
      name        = "pt-tbot-to-lb-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-ci"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)"
    }
  }
  portolan_ingress_from_ranges = {
    "users-to-lb-443-tcp" = {
      name          = "pr-users-to-lb-443-tcp"
      target_tags   = ["portolan-dmz"]
      source_ranges = ["0.0.0.0/0"]
      protocol      = "tcp"
      ports         = ["443"]
      description   = "users-to-lb-443-tcp: Database clients of Engineers through tsh local proxies (ALPN per engine) on the web port of Proxy LB; Web UI and browser sessions of Engineers through Proxy LB (HTTPS, WebSockets); kubectl of Engineers through Proxy LB with TLS routing (SNI kube-teleport-proxy-alpn.); tsh / Teleport Connect of Engineers: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy LB"
    }
  }
  portolan_egress_rules = {
    "db-agent-to-lb-443-tcp" = {
      name               = "pe-db-agent-to-lb-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_teleport_example_com]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "db-agent-to-postgres-5432-tcp" = {
      name               = "pe-db-agent-to-postgres-5432-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_orders_db_internal_example_com]
      protocol           = "tcp"
      ports              = ["5432"]
      description        = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      name               = "pe-kube-agent-to-kube-api-6443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.5/32"]
      protocol           = "tcp"
      ports              = ["6443"]
      description        = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      name               = "pe-kube-agent-to-lb-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_teleport_example_com]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "lb-to-proxy-1-3080-tcp" = {
      name               = "pe-lb-to-proxy-1-3080-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3080"]
      description        = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      name               = "pe-lb-to-proxy-2-3080-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.12/32"]
      protocol           = "tcp"
      ports              = ["3080"]
      description        = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      name               = "pe-proxy-1-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name               = "pe-proxy-2-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      name               = "pe-ssh-agent-to-lb-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_teleport_example_com]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "tbot-to-lb-443-tcp" = {
      name               = "pe-tbot-to-lb-443-tcp"
      target_tags        = ["portolan-ci"]
      destination_ranges = [var.resolve_teleport_example_com]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 1. self-hosted multiplex, Proxy web on 443 =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "proxy-to-auth-3025-tcp" = {
      name        = "pt-proxy-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      name        = "pt-ssh-agent-to-proxy-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
  portolan_ingress_from_ranges = {
    "users-to-proxy-443-tcp" = {
      name          = "pr-users-to-proxy-443-tcp"
      target_tags   = ["portolan-dmz"]
      source_ranges = ["0.0.0.0/0"]
      protocol      = "tcp"
      ports         = ["443"]
      description   = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      name               = "pe-proxy-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      name               = "pe-ssh-agent-to-proxy-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 2. config v1, separate mode, web on 3080 =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "proxy-to-auth-3025-tcp" = {
      name        = "pt-proxy-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name        = "pt-ssh-agent-to-proxy-3024-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3024"]
      description = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      name        = "pt-ssh-agent-to-proxy-3080-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3080"]
      description = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
  }
  portolan_ingress_from_ranges = {
    "users-to-proxy-3023-tcp" = {
      name          = "pr-users-to-proxy-3023-tcp"
      target_tags   = ["portolan-dmz"]
      source_ranges = ["0.0.0.0/0"]
      protocol      = "tcp"
      ports         = ["3023"]
      description   = "users-to-proxy-3023-tcp: tsh ssh sessions of Users on the SSH proxy listener of Proxy (separate mode)"
    }
    "users-to-proxy-3080-tcp" = {
      name          = "pr-users-to-proxy-3080-tcp"
      target_tags   = ["portolan-dmz"]
      source_ranges = ["0.0.0.0/0"]
      protocol      = "tcp"
      ports         = ["3080"]
      description   = "users-to-proxy-3080-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      name               = "pe-proxy-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name               = "pe-ssh-agent-to-proxy-3024-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3024"]
      description        = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      name               = "pe-ssh-agent-to-proxy-3080-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3080"]
      description        = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 3. SSH agent joined directly to Auth =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "proxy-to-auth-3025-tcp" = {
      name        = "pt-proxy-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      name        = "pt-proxy-to-ssh-agent-3022-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3022"]
      description = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      name        = "pt-ssh-agent-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
  }
  portolan_ingress_from_ranges = {
    "users-to-proxy-443-tcp" = {
      name          = "pr-users-to-proxy-443-tcp"
      target_tags   = ["portolan-dmz"]
      source_ranges = ["0.0.0.0/0"]
      protocol      = "tcp"
      ports         = ["443"]
      description   = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_egress_rules = {
    "proxy-to-auth-3025-tcp" = {
      name               = "pe-proxy-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      name               = "pe-proxy-to-ssh-agent-3022-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.10.21/32"]
      protocol           = "tcp"
      ports              = ["3022"]
      description        = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      name               = "pe-ssh-agent-to-auth-3025-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 4. agent behind an HTTP CONNECT proxy, NO_PROXY exempts 3024 =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

variable "resolve_httpproxy_example_com" {
  type        = string
  description = "IPv4 CIDR for httpproxy.example.com: Portolan does not resolve host names (e.g. 192.0.2.10/32)."

  validation {
    condition     = can(cidrnetmask(var.resolve_httpproxy_example_com))
    error_message = "An IPv4 CIDR such as 192.0.2.10/32: a GCP firewall rule holds one address family."
  }
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "fwd-to-proxy-3080-tcp" = {
      name        = "pt-fwd-to-proxy-3080-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3080"]
      description = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      name        = "pt-proxy-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      name        = "pt-ssh-agent-to-fwd-8080-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["8080"]
      description = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name        = "pt-ssh-agent-to-proxy-3024-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3024"]
      description = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
  portolan_ingress_from_ranges = {}
  portolan_egress_rules = {
    "fwd-to-proxy-3080-tcp" = {
      name               = "pe-fwd-to-proxy-3080-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3080"]
      description        = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      name               = "pe-proxy-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      name               = "pe-ssh-agent-to-fwd-8080-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_httpproxy_example_com]
      protocol           = "tcp"
      ports              = ["8080"]
      description        = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name               = "pe-ssh-agent-to-proxy-3024-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3024"]
      description        = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 5a. three Proxies with proxy peering on Enterprise =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "proxy-1-to-auth-3025-tcp" = {
      name        = "pt-proxy-1-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      name        = "pt-proxy-1-to-proxy-2-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      name        = "pt-proxy-1-to-proxy-3-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name        = "pt-proxy-2-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      name        = "pt-proxy-2-to-proxy-1-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      name        = "pt-proxy-2-to-proxy-3-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name        = "pt-proxy-3-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      name        = "pt-proxy-3-to-proxy-1-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      name        = "pt-proxy-3-to-proxy-2-3021-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3021"]
      description = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
  portolan_ingress_from_ranges = {}
  portolan_egress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name               = "pe-proxy-1-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      name               = "pe-proxy-1-to-proxy-2-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.12/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      name               = "pe-proxy-1-to-proxy-3-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.13/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name               = "pe-proxy-2-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      name               = "pe-proxy-2-to-proxy-1-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      name               = "pe-proxy-2-to-proxy-3-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.13/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name               = "pe-proxy-3-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      name               = "pe-proxy-3-to-proxy-1-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.11/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      name               = "pe-proxy-3-to-proxy-2-3021-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.1.12/32"]
      protocol           = "tcp"
      ports              = ["3021"]
      description        = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 5b. three Proxies with proxy peering on OSS =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "proxy-1-to-auth-3025-tcp" = {
      name        = "pt-proxy-1-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name        = "pt-proxy-2-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name        = "pt-proxy-3-to-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_ingress_from_ranges = {}
  portolan_egress_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name               = "pe-proxy-1-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name               = "pe-proxy-2-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name               = "pe-proxy-3-to-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.10/32"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 6. Teleport Cloud tenant, Database and Desktop agents =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

variable "resolve_example_teleport_sh" {
  type        = string
  description = "IPv4 CIDR for example.teleport.sh: Portolan does not resolve host names (e.g. 192.0.2.10/32)."

  validation {
    condition     = can(cidrnetmask(var.resolve_example_teleport_sh))
    error_message = "An IPv4 CIDR such as 192.0.2.10/32: a GCP firewall rule holds one address family."
  }
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "db-agent-to-postgres-5432-tcp" = {
      name        = "pt-db-agent-to-postgres-5432-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["5432"]
      description = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-dc-636-tcp" = {
      name        = "pt-desktop-agent-to-dc-636-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["636"]
      description = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      name        = "pt-desktop-agent-to-dc-88-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["88"]
      description = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      name        = "pt-desktop-agent-to-windows-3389-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3389"]
      description = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
  portolan_ingress_from_ranges = {}
  portolan_egress_rules = {
    "db-agent-to-cloud-tenant:cloud-443-tcp" = {
      name               = "pe-db-agent-to-cloud-tenant-cloud-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_example_teleport_sh]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "db-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of DB agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from DB agent to Teleport Cloud tenant example.teleport.sh: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "db-agent-to-postgres-5432-tcp" = {
      name               = "pe-db-agent-to-postgres-5432-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.0/24"]
      protocol           = "tcp"
      ports              = ["5432"]
      description        = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-cloud-tenant:cloud-443-tcp" = {
      name               = "pe-desktop-agent-to-cloud-tenant-cloud-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = [var.resolve_example_teleport_sh]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "desktop-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of Desktop agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Desktop agent to Teleport Cloud tenant example.teleport.sh: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "desktop-agent-to-dc-636-tcp" = {
      name               = "pe-desktop-agent-to-dc-636-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.0/24"]
      protocol           = "tcp"
      ports              = ["636"]
      description        = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      name               = "pe-desktop-agent-to-dc-88-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.0/24"]
      protocol           = "tcp"
      ports              = ["88"]
      description        = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      name               = "pe-desktop-agent-to-windows-3389-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.0/24"]
      protocol           = "tcp"
      ports              = ["3389"]
      description        = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: 7. leaf cluster trusting a multiplex root =====
# Portolan: GCP VPC firewall rules for plan test.
# One network tag per zone inside GCP (internet, on-prem and Teleport Cloud zones have none) and one
# per node without a zone that has an address (clients and cloud APIs excepted): give each instance
# the tag of its zone (network tags on the instance or its template). Rules are keyed by the stable
# Portolan rule id. GCP firewall rules are stateful: replies
# need no rule. source_tags match the primary internal IP of tagged instances in the same network only:
# not across peered networks, nor traffic to external IPs. Ingress from tags and from ranges are
# separate resources, so a rule whose source changes kind is replaced (the provider keeps old ranges).
# A rule holds IPv4 or IPv6 ranges, never both: the IPv6 part of a rule is keyed "<rule id> ipv6".
# Google load balancers: a passthrough Network Load Balancer hands backends the client address, and
# proxy load balancers and health checks come from 35.191.0.0/16 and 130.211.0.0/22: allow those to
# the backends of a plan load balancer that is a Google one (the lb-to-backend rules name its zone).
# Rule names are unique per project: export one plan per project (or network) with these names.
# The network allows all egress by default (implied rule): set restrict_egress to deny the rest (IPv4).
# Needs Terraform >= 0.13 and the Google provider (hashicorp/google, google_compute_firewall).

variable "network" {
  type        = string
  description = "Name or self link of the VPC network the Portolan firewall rules belong to."
}

variable "restrict_egress" {
  type        = bool
  default     = false
  description = "Deny all other IPv4 egress of the Portolan tags (priority 65000), so that only the exported egress rules allow traffic. IPv6 egress stays open."
}

locals {
  portolan_network_tags = {
    "portolan-cp" = {
      name        = "pd-portolan-cp"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-cp (zone Control plane); IPv6 egress stays open"
    }
    "portolan-dmz" = {
      name        = "pd-portolan-dmz"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-dmz (zone DMZ); IPv6 egress stays open"
    }
    "portolan-private" = {
      name        = "pd-portolan-private"
      description = "Portolan restrict_egress: deny all other IPv4 egress of tag portolan-private (zone Private); IPv6 egress stays open"
    }
  }
  portolan_ingress_from_tags = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      name        = "pt-leaf-auth-to-root-proxy-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)"
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      name        = "pt-leaf-proxy-to-leaf-auth-3025-tcp"
      target_tags = ["portolan-private"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      name        = "pt-leaf-proxy-to-root-proxy-443-tcp"
      target_tags = ["portolan-dmz"]
      source_tags = ["portolan-private"]
      protocol    = "tcp"
      ports       = ["443"]
      description = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      name        = "pt-root-proxy-to-root-auth-3025-tcp"
      target_tags = ["portolan-cp"]
      source_tags = ["portolan-dmz"]
      protocol    = "tcp"
      ports       = ["3025"]
      description = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_ingress_from_ranges = {}
  portolan_egress_rules = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      name               = "pe-leaf-auth-to-root-proxy-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.0/24"]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)"
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      name               = "pe-leaf-proxy-to-leaf-auth-3025-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.10.0/24"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      name               = "pe-leaf-proxy-to-root-proxy-443-tcp"
      target_tags        = ["portolan-private"]
      destination_ranges = ["10.0.1.0/24"]
      protocol           = "tcp"
      ports              = ["443"]
      description        = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      name               = "pe-root-proxy-to-root-auth-3025-tcp"
      target_tags        = ["portolan-dmz"]
      destination_ranges = ["10.0.2.0/24"]
      protocol           = "tcp"
      ports              = ["3025"]
      description        = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
}

resource "google_compute_firewall" "portolan_ingress_from_tags" {
  for_each    = local.portolan_ingress_from_tags
  name        = each.value.name
  description = each.value.description
  network     = var.network
  direction   = "INGRESS"
  priority    = 1000
  target_tags = each.value.target_tags
  source_tags = each.value.source_tags

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_ingress_from_ranges" {
  for_each      = local.portolan_ingress_from_ranges
  name          = each.value.name
  description   = each.value.description
  network       = var.network
  direction     = "INGRESS"
  priority      = 1000
  target_tags   = each.value.target_tags
  source_ranges = each.value.source_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_egress" {
  for_each           = local.portolan_egress_rules
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 1000
  target_tags        = each.value.target_tags
  destination_ranges = each.value.destination_ranges

  allow {
    protocol = each.value.protocol
    ports    = each.value.ports
  }
}

resource "google_compute_firewall" "portolan_deny_egress" {
  for_each           = var.restrict_egress ? local.portolan_network_tags : {}
  name               = each.value.name
  description        = each.value.description
  network            = var.network
  direction          = "EGRESS"
  priority           = 65000
  target_tags        = [each.key]
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

# ===== case: example =====
# Portolan: Azure network security groups for plan Example: self-hosted HA cluster.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-ci" = {
      nsg_name    = "nsg-portolan-ci"
      asg_name    = "asg-portolan-ci"
      description = "Portolan zone CI runners"
    }
    "portolan-control-plane" = {
      nsg_name    = "nsg-portolan-control-plane"
      asg_name    = "asg-portolan-control-plane"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private services"
    }
  }
  portolan_inbound_rules = {
    "db-agent-to-lb-443-tcp" = {
      name                         = "in-db-agent-to-lb-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 542
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Rev..."
    }
    "db-agent-to-postgres-5432-tcp" = {
      name                         = "in-db-agent-to-postgres-5432-tcp"
      nsg                          = "portolan-private"
      priority                     = 419
      protocol                     = "Tcp"
      destination_port_range       = "5432"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      name                         = "in-kube-agent-to-kube-api-6443-tcp"
      nsg                          = "portolan-private"
      priority                     = 3872
      protocol                     = "Tcp"
      destination_port_range       = "6443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      name                         = "in-kube-agent-to-lb-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3850
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service);..."
    }
    "lb-to-proxy-1-3080-tcp" = {
      name                         = "in-lb-to-proxy-1-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 319
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      name                         = "in-lb-to-proxy-2-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1284
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "in-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-control-plane"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-control-plane"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "in-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-control-plane"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-control-plane"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      name                         = "in-ssh-agent-to-lb-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 693
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse..."
    }
    "tbot-to-lb-443-tcp" = {
      name                         = "in-tbot-to-lb-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3364
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-ci"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its..."
    }
    "users-to-lb-443-tcp" = {
      name                         = "in-users-to-lb-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1455
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = null
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "users-to-lb-443-tcp: Database clients of Engineers through tsh local proxies (ALPN per engine) on the web port of Proxy LB; Web UI and br..."
    }
  }
  portolan_outbound_rules = {
    "db-agent-to-lb-443-tcp" = {
      name                         = "out-db-agent-to-lb-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 542
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-lb-443-tcp: Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Rev..."
    }
    "db-agent-to-postgres-5432-tcp" = {
      name                         = "out-db-agent-to-postgres-5432-tcp"
      nsg                          = "portolan-private"
      priority                     = 419
      protocol                     = "Tcp"
      destination_port_range       = "5432"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-postgres-5432-tcp: Database agent connects to the database Orders DB"
    }
    "kube-agent-to-kube-api-6443-tcp" = {
      name                         = "out-kube-agent-to-kube-api-6443-tcp"
      nsg                          = "portolan-private"
      priority                     = 3872
      protocol                     = "Tcp"
      destination_port_range       = "6443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "kube-agent-to-kube-api-6443-tcp: Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API"
    }
    "kube-agent-to-lb-443-tcp" = {
      name                         = "out-kube-agent-to-lb-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 3850
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "kube-agent-to-lb-443-tcp: Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service);..."
    }
    "lb-to-proxy-1-3080-tcp" = {
      name                         = "out-lb-to-proxy-1-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 319
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "lb-to-proxy-1-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 1"
    }
    "lb-to-proxy-2-3080-tcp" = {
      name                         = "out-lb-to-proxy-2-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1284
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "lb-to-proxy-2-3080-tcp: Proxy LB forwards 443 -> 3080 to Proxy 2"
    }
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "out-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-control-plane"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "out-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-control-plane"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-lb-443-tcp" = {
      name                         = "out-ssh-agent-to-lb-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 693
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-lb-443-tcp: Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse..."
    }
    "tbot-to-lb-443-tcp" = {
      name                         = "out-tbot-to-lb-443-tcp"
      nsg                          = "portolan-ci"
      priority                     = 3364
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-ci"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "tbot-to-lb-443-tcp: CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its..."
    }
  }
  portolan_restrict_rules = {
    "portolan-ci allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-ci"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-ci deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-ci"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-ci deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-ci"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-control-plane allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-control-plane"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-control-plane deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-control-plane"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-control-plane deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-control-plane"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 1. self-hosted multiplex, Proxy web on 443 =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "in-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      name                         = "in-ssh-agent-to-proxy-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1658
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse..."
    }
    "users-to-proxy-443-tcp" = {
      name                         = "in-users-to-proxy-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 184
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = null
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_outbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "out-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-443-tcp" = {
      name                         = "out-ssh-agent-to-proxy-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 1658
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-443-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse..."
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 2. config v1, separate mode, web on 3080 =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "in-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name                         = "in-ssh-agent-to-proxy-3024-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1852
      protocol                     = "Tcp"
      destination_port_range       = "3024"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      name                         = "in-ssh-agent-to-proxy-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 524
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
    "users-to-proxy-3023-tcp" = {
      name                         = "in-users-to-proxy-3023-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2838
      protocol                     = "Tcp"
      destination_port_range       = "3023"
      source_asg                   = null
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "users-to-proxy-3023-tcp: tsh ssh sessions of Users on the SSH proxy listener of Proxy (separate mode)"
    }
    "users-to-proxy-3080-tcp" = {
      name                         = "in-users-to-proxy-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1599
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = null
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "users-to-proxy-3080-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_outbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "out-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name                         = "out-ssh-agent-to-proxy-3024-tcp"
      nsg                          = "portolan-private"
      priority                     = 1852
      protocol                     = "Tcp"
      destination_port_range       = "3024"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
    "ssh-agent-to-proxy-3080-tcp" = {
      name                         = "out-ssh-agent-to-proxy-3080-tcp"
      nsg                          = "portolan-private"
      priority                     = 524
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3080-tcp: Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 3. SSH agent joined directly to Auth =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "in-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      name                         = "in-proxy-to-ssh-agent-3022-tcp"
      nsg                          = "portolan-private"
      priority                     = 627
      protocol                     = "Tcp"
      destination_port_range       = "3022"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      name                         = "in-ssh-agent-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 774
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
    "users-to-proxy-443-tcp" = {
      name                         = "in-users-to-proxy-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 184
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = null
      source_address_prefix        = "0.0.0.0/0"
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "users-to-proxy-443-tcp: tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy"
    }
  }
  portolan_outbound_rules = {
    "proxy-to-auth-3025-tcp" = {
      name                         = "out-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-to-ssh-agent-3022-tcp" = {
      name                         = "out-proxy-to-ssh-agent-3022-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 627
      protocol                     = "Tcp"
      destination_port_range       = "3022"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-ssh-agent-3022-tcp: Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)"
    }
    "ssh-agent-to-auth-3025-tcp" = {
      name                         = "out-ssh-agent-to-auth-3025-tcp"
      nsg                          = "portolan-private"
      priority                     = 774
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-auth-3025-tcp: SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 4. agent behind an HTTP CONNECT proxy, NO_PROXY exempts 3024 =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "fwd-to-proxy-3080-tcp" = {
      name                         = "in-fwd-to-proxy-3080-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 518
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      name                         = "in-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      name                         = "in-ssh-agent-to-fwd-8080-tcp"
      nsg                          = "portolan-private"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "8080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name                         = "in-ssh-agent-to-proxy-3024-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 1852
      protocol                     = "Tcp"
      destination_port_range       = "3024"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
  portolan_outbound_rules = {
    "fwd-to-proxy-3080-tcp" = {
      name                         = "out-fwd-to-proxy-3080-tcp"
      nsg                          = "portolan-private"
      priority                     = 518
      protocol                     = "Tcp"
      destination_port_range       = "3080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "fwd-to-proxy-3080-tcp: join: Corporate proxy carries CONNECT tunnels to Proxy"
    }
    "proxy-to-auth-3025-tcp" = {
      name                         = "out-proxy-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2276
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-to-auth-3025-tcp: Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "ssh-agent-to-fwd-8080-tcp" = {
      name                         = "out-ssh-agent-to-fwd-8080-tcp"
      nsg                          = "portolan-private"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "8080"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-fwd-8080-tcp: join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)"
    }
    "ssh-agent-to-proxy-3024-tcp" = {
      name                         = "out-ssh-agent-to-proxy-3024-tcp"
      nsg                          = "portolan-private"
      priority                     = 1852
      protocol                     = "Tcp"
      destination_port_range       = "3024"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "ssh-agent-to-proxy-3024-tcp: Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 5a. three Proxies with proxy peering on Enterprise =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "in-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      name                         = "in-proxy-1-to-proxy-2-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2759
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      name                         = "in-proxy-1-to-proxy-3-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 216
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "in-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      name                         = "in-proxy-2-to-proxy-1-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3963
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      name                         = "in-proxy-2-to-proxy-3-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 706
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name                         = "in-proxy-3-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2487
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      name                         = "in-proxy-3-to-proxy-1-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2718
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      name                         = "in-proxy-3-to-proxy-2-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3719
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
  portolan_outbound_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "out-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-1-to-proxy-2-3021-tcp" = {
      name                         = "out-proxy-1-to-proxy-2-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2759
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-proxy-2-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
    "proxy-1-to-proxy-3-3021-tcp" = {
      name                         = "out-proxy-1-to-proxy-3-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 216
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-proxy-3-3021-tcp: Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "out-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-proxy-1-3021-tcp" = {
      name                         = "out-proxy-2-to-proxy-1-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3963
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-proxy-1-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-2-to-proxy-3-3021-tcp" = {
      name                         = "out-proxy-2-to-proxy-3-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 706
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-proxy-3-3021-tcp: Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name                         = "out-proxy-3-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2487
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-proxy-1-3021-tcp" = {
      name                         = "out-proxy-3-to-proxy-1-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2718
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-proxy-1-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel"
    }
    "proxy-3-to-proxy-2-3021-tcp" = {
      name                         = "out-proxy-3-to-proxy-2-3021-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3719
      protocol                     = "Tcp"
      destination_port_range       = "3021"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-proxy-2-3021-tcp: Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 5b. three Proxies with proxy peering on OSS =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "in-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "in-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name                         = "in-proxy-3-to-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 2487
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_outbound_rules = {
    "proxy-1-to-auth-3025-tcp" = {
      name                         = "out-proxy-1-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3611
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-1-to-auth-3025-tcp: Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-2-to-auth-3025-tcp" = {
      name                         = "out-proxy-2-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 990
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-2-to-auth-3025-tcp: Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "proxy-3-to-auth-3025-tcp" = {
      name                         = "out-proxy-3-to-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 2487
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "proxy-3-to-auth-3025-tcp: Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 6. Teleport Cloud tenant, Database and Desktop agents =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

variable "resolve_example_teleport_sh" {
  type        = string
  description = "IPv4 CIDR for example.teleport.sh: Portolan does not resolve host names (e.g. 192.0.2.10/32)."

  validation {
    condition     = can(cidrnetmask(var.resolve_example_teleport_sh))
    error_message = "An IPv4 CIDR such as 192.0.2.10/32: an Azure security rule holds one address family."
  }
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "db-agent-to-postgres-5432-tcp" = {
      name                         = "in-db-agent-to-postgres-5432-tcp"
      nsg                          = "portolan-private"
      priority                     = 419
      protocol                     = "Tcp"
      destination_port_range       = "5432"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-dc-636-tcp" = {
      name                         = "in-desktop-agent-to-dc-636-tcp"
      nsg                          = "portolan-private"
      priority                     = 1469
      protocol                     = "Tcp"
      destination_port_range       = "636"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      name                         = "in-desktop-agent-to-dc-88-tcp"
      nsg                          = "portolan-private"
      priority                     = 351
      protocol                     = "Tcp"
      destination_port_range       = "88"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      name                         = "in-desktop-agent-to-windows-3389-tcp"
      nsg                          = "portolan-private"
      priority                     = 1169
      protocol                     = "Tcp"
      destination_port_range       = "3389"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
  portolan_outbound_rules = {
    "db-agent-to-cloud-tenant:cloud-443-tcp" = {
      name                         = "out-db-agent-to-cloud-tenant-cloud-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 834
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = null
      destination_address_prefix   = var.resolve_example_teleport_sh
      destination_address_prefixes = null
      description                  = "db-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of DB agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webap..."
    }
    "db-agent-to-postgres-5432-tcp" = {
      name                         = "out-db-agent-to-postgres-5432-tcp"
      nsg                          = "portolan-private"
      priority                     = 419
      protocol                     = "Tcp"
      destination_port_range       = "5432"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "db-agent-to-postgres-5432-tcp: Database Service DB agent connects to the database Postgres"
    }
    "desktop-agent-to-cloud-tenant:cloud-443-tcp" = {
      name                         = "out-desktop-agent-to-cloud-tenant-cloud-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 212
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = null
      destination_address_prefix   = var.resolve_example_teleport_sh
      destination_address_prefixes = null
      description                  = "desktop-agent-to-cloud-tenant:cloud-443-tcp: Join and discovery of Desktop agent on Teleport Cloud tenant example.teleport.sh (/webapi/fi..."
    }
    "desktop-agent-to-dc-636-tcp" = {
      name                         = "out-desktop-agent-to-dc-636-tcp"
      nsg                          = "portolan-private"
      priority                     = 1469
      protocol                     = "Tcp"
      destination_port_range       = "636"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-dc-636-tcp: Windows Desktop agent queries LDAP(S) on the domain controller DC"
    }
    "desktop-agent-to-dc-88-tcp" = {
      name                         = "out-desktop-agent-to-dc-88-tcp"
      nsg                          = "portolan-private"
      priority                     = 351
      protocol                     = "Tcp"
      destination_port_range       = "88"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-dc-88-tcp: Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)"
    }
    "desktop-agent-to-windows-3389-tcp" = {
      name                         = "out-desktop-agent-to-windows-3389-tcp"
      nsg                          = "portolan-private"
      priority                     = 1169
      protocol                     = "Tcp"
      destination_port_range       = "3389"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "desktop-agent-to-windows-3389-tcp: Windows Desktop agent opens RDP sessions to Windows"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

# ===== case: 7. leaf cluster trusting a multiplex root =====
# Portolan: Azure network security groups for plan test.
# One network security group (NSG) and one application security group (ASG) per zone inside Azure
# (internet, on-prem and Teleport Cloud zones have none) and per node without a zone that has an
# address (clients and cloud APIs excepted). Associate each
# NSG with the zone's subnets (or the node's NIC) and add each VM's NIC to its zone's ASG: the rules
# name ASGs, and a rule naming an ASG applies only to NICs in it. An ASG holds NICs of one virtual
# network and a rule cannot name ASGs of two: the zones must be subnets of one virtual network.
# Rules are keyed by the stable Portolan rule id; their priorities (100-4094, unique per NSG and
# direction) come from a hash of the key, so adding or removing a rule rarely moves another (one that
# collides); if an apply then reports SecurityRuleConflict, run it again.
# NSGs are stateful: replies need no rule. A rule holds IPv4 or IPv6 prefixes, never both: the IPv6
# part of a rule is keyed "<rule id> ipv6". The default rules allow all traffic inside the virtual
# network (and peered networks and VPN or ExpressRoute sites) and out to the internet: set restrict to
# deny the rest (priority 4096); that also blocks DNS, NTP and update servers the rules do not name.
# An Azure Load Balancer passes packets through: its backends' NSGs see the client's address and the
# backend's port. If a load balancer of the plan is an Azure one, also allow its clients to that port.
# Needs Terraform >= 0.13 and the azurerm provider 3 or later (hashicorp/azurerm, with the usual
# provider "azurerm" { features {} } block in the root module). Do not give these
# NSGs inline security_rule blocks: the provider cannot mix them with azurerm_network_security_rule.

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the Portolan NSGs and ASGs."
}

variable "location" {
  type        = string
  description = "Azure region of the virtual network (NSGs and ASGs must be in the region of the subnets and NICs they serve)."
}

variable "restrict" {
  type        = bool
  default     = false
  description = "Deny all other inbound and outbound traffic of each Portolan NSG (priority 4096, over the default AllowVnetInBound, AllowVnetOutBound and AllowInternetOutBound), so that only the exported rules allow traffic; Azure Load Balancer health probes stay allowed (4095)."
}

locals {
  portolan_groups = {
    "portolan-cp" = {
      nsg_name    = "nsg-portolan-cp"
      asg_name    = "asg-portolan-cp"
      description = "Portolan zone Control plane"
    }
    "portolan-dmz" = {
      nsg_name    = "nsg-portolan-dmz"
      asg_name    = "asg-portolan-dmz"
      description = "Portolan zone DMZ"
    }
    "portolan-private" = {
      nsg_name    = "nsg-portolan-private"
      asg_name    = "asg-portolan-private"
      description = "Portolan zone Private"
    }
  }
  portolan_inbound_rules = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      name                         = "in-leaf-auth-to-root-proxy-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 4067
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (we..."
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      name                         = "in-leaf-proxy-to-leaf-auth-3025-tcp"
      nsg                          = "portolan-private"
      priority                     = 1026
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      name                         = "in-leaf-proxy-to-root-proxy-443-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3023
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      name                         = "in-root-proxy-to-root-auth-3025-tcp"
      nsg                          = "portolan-cp"
      priority                     = 3630
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_outbound_rules = {
    "leaf-auth-to-root-proxy-443-tcp" = {
      name                         = "out-leaf-auth-to-root-proxy-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 4067
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-auth-to-root-proxy-443-tcp: Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (we..."
    }
    "leaf-proxy-to-leaf-auth-3025-tcp" = {
      name                         = "out-leaf-proxy-to-leaf-auth-3025-tcp"
      nsg                          = "portolan-private"
      priority                     = 1026
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-private"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-proxy-to-leaf-auth-3025-tcp: Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
    "leaf-proxy-to-root-proxy-443-tcp" = {
      name                         = "out-leaf-proxy-to-root-proxy-443-tcp"
      nsg                          = "portolan-private"
      priority                     = 3023
      protocol                     = "Tcp"
      destination_port_range       = "443"
      source_asg                   = "portolan-private"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-dmz"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "leaf-proxy-to-root-proxy-443-tcp: Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)"
    }
    "root-proxy-to-root-auth-3025-tcp" = {
      name                         = "out-root-proxy-to-root-auth-3025-tcp"
      nsg                          = "portolan-dmz"
      priority                     = 3630
      protocol                     = "Tcp"
      destination_port_range       = "3025"
      source_asg                   = "portolan-dmz"
      source_address_prefix        = null
      source_address_prefixes      = null
      destination_asg              = "portolan-cp"
      destination_address_prefix   = null
      destination_address_prefixes = null
      description                  = "root-proxy-to-root-auth-3025-tcp: Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)"
    }
  }
  portolan_restrict_rules = {
    "portolan-cp allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-cp"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-cp deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-cp deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-cp"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-dmz allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-dmz deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-dmz deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-dmz"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
    "portolan-private allow-azure-load-balancer-inbound" = {
      name                  = "allow-azure-load-balancer-inbound"
      nsg                   = "portolan-private"
      priority              = 4095
      direction             = "Inbound"
      access                = "Allow"
      source_address_prefix = "AzureLoadBalancer"
      description           = "Portolan restrict: allow Azure Load Balancer health probes again"
    }
    "portolan-private deny-all-inbound" = {
      name                  = "deny-all-inbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Inbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other inbound (overrides AllowVnetInBound)"
    }
    "portolan-private deny-all-outbound" = {
      name                  = "deny-all-outbound"
      nsg                   = "portolan-private"
      priority              = 4096
      direction             = "Outbound"
      access                = "Deny"
      source_address_prefix = "*"
      description           = "Portolan restrict: deny all other outbound (overrides AllowVnetOutBound and AllowInternetOutBound)"
    }
  }
}

resource "azurerm_application_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.asg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_group" "portolan" {
  for_each            = local.portolan_groups
  name                = each.value.nsg_name
  location            = var.location
  resource_group_name = var.resource_group_name
  tags = {
    portolan = each.value.description
  }
}

resource "azurerm_network_security_rule" "portolan_inbound" {
  for_each                                   = local.portolan_inbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Inbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_outbound" {
  for_each                                   = local.portolan_outbound_rules
  name                                       = each.value.name
  resource_group_name                        = var.resource_group_name
  network_security_group_name                = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                                   = each.value.priority
  direction                                  = "Outbound"
  access                                     = "Allow"
  protocol                                   = each.value.protocol
  source_port_range                          = "*"
  destination_port_range                     = each.value.destination_port_range
  source_application_security_group_ids      = each.value.source_asg == null ? null : [azurerm_application_security_group.portolan[each.value.source_asg].id]
  source_address_prefix                      = each.value.source_address_prefix
  source_address_prefixes                    = each.value.source_address_prefixes
  destination_application_security_group_ids = each.value.destination_asg == null ? null : [azurerm_application_security_group.portolan[each.value.destination_asg].id]
  destination_address_prefix                 = each.value.destination_address_prefix
  destination_address_prefixes               = each.value.destination_address_prefixes
  description                                = each.value.description
}

resource "azurerm_network_security_rule" "portolan_restrict" {
  for_each                    = var.restrict ? local.portolan_restrict_rules : {}
  name                        = each.value.name
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.portolan[each.value.nsg].name
  priority                    = each.value.priority
  direction                   = each.value.direction
  access                      = each.value.access
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = each.value.source_address_prefix
  destination_address_prefix  = "*"
  description                 = each.value.description
}

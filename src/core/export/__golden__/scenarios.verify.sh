# ===== case: example =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-1-to-auth-3025-tcp: run from Proxy 1 (10.0.1.11): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# proxy-2-to-auth-3025-tcp: run from Proxy 2 (10.0.1.12): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host db-agent =====
#!/bin/sh
# Portolan verification kit for Database agent (db-agent), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# db-agent-to-lb-443-tcp to Proxy LB (teleport.example.com): Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
check 'db-agent-to-lb-443-tcp: Proxy LB 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# db-agent-to-postgres-5432-tcp to Orders DB (orders-db.internal.example.com): Database agent connects to the database Orders DB
check 'db-agent-to-postgres-5432-tcp: Orders DB 5432/tcp -> orders-db.internal.example.com:5432' nc -vz -w 5 'orders-db.internal.example.com' 5432

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host kube-agent =====
#!/bin/sh
# Portolan verification kit for Kubernetes agent (kube-agent), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# kube-agent-to-kube-api-6443-tcp to Prod Kubernetes API (10.0.10.5): Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API
check 'kube-agent-to-kube-api-6443-tcp: Prod Kubernetes API 6443/tcp -> 10.0.10.5:6443' nc -vz -w 5 '10.0.10.5' 6443
# kube-agent-to-lb-443-tcp to Proxy LB (teleport.example.com): Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
check 'kube-agent-to-lb-443-tcp: Proxy LB 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host kube-api =====
#!/bin/sh
# Portolan verification kit for Prod Kubernetes API (kube-api), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# kube-agent-to-kube-api-6443-tcp: run from Kubernetes agent (10.0.10.23): Kubernetes agent reaches the Kubernetes API server Prod Kubernetes API
#   nc -vz -w 5 '10.0.10.5' 6443

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host lb =====
#!/bin/sh
# Portolan verification kit for Proxy LB (lb), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# lb-to-proxy-1-3080-tcp to Proxy 1 (10.0.1.11): Proxy LB forwards 443 → 3080 to Proxy 1
check 'lb-to-proxy-1-3080-tcp: Proxy 1 3080/tcp -> 10.0.1.11:3080' nc -vz -w 5 '10.0.1.11' 3080
# lb-to-proxy-2-3080-tcp to Proxy 2 (10.0.1.12): Proxy LB forwards 443 → 3080 to Proxy 2
check 'lb-to-proxy-2-3080-tcp: Proxy 2 3080/tcp -> 10.0.1.12:3080' nc -vz -w 5 '10.0.1.12' 3080

# Inbound: this host listens; run each command on the source host named.
# db-agent-to-lb-443-tcp: run from Database agent (10.0.10.22): Join and discovery of Database agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Database agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# kube-agent-to-lb-443-tcp: run from Kubernetes agent (10.0.10.23): Join and discovery of Kubernetes agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Kubernetes agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# ssh-agent-to-lb-443-tcp: run from SSH agent (10.0.10.21): Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# tbot-to-lb-443-tcp: run from CI tbot (10.20.0.0/16): CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# users-to-lb-443-tcp: run from Engineers (0.0.0.0/0): Database clients of Engineers through tsh local proxies (ALPN per engine) on the web port of Proxy LB; Web UI and browser sessions of Engineers through Proxy LB (HTTPS, WebSockets); kubectl of Engineers through Proxy LB with TLS routing (SNI kube-teleport-proxy-alpn.); tsh / Teleport Connect of Engineers: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy LB
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host postgres =====
#!/bin/sh
# Portolan verification kit for Orders DB (postgres), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# db-agent-to-postgres-5432-tcp: run from Database agent (10.0.10.22): Database agent connects to the database Orders DB
#   nc -vz -w 5 'orders-db.internal.example.com' 5432

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-1 =====
#!/bin/sh
# Portolan verification kit for Proxy 1 (proxy-1), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-1-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-1-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# lb-to-proxy-1-3080-tcp: run from Proxy LB (teleport.example.com): Proxy LB forwards 443 → 3080 to Proxy 1
#   nc -vz -w 5 '10.0.1.11' 3080

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-2 =====
#!/bin/sh
# Portolan verification kit for Proxy 2 (proxy-2), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-2-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-2-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# lb-to-proxy-2-3080-tcp: run from Proxy LB (teleport.example.com): Proxy LB forwards 443 → 3080 to Proxy 2
#   nc -vz -w 5 '10.0.1.12' 3080

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host ssh-agent =====
#!/bin/sh
# Portolan verification kit for SSH agent (ssh-agent), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# ssh-agent-to-lb-443-tcp to Proxy LB (teleport.example.com): Join and discovery of SSH agent on Proxy LB (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy LB: the Proxy reaches the agent through it, and the agent reaches Auth
check 'ssh-agent-to-lb-443-tcp: Proxy LB 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host tbot =====
#!/bin/sh
# Portolan verification kit for CI tbot (tbot), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# tbot-to-lb-443-tcp to Proxy LB (teleport.example.com): CI tbot joins and renews its certificates through Proxy LB (proxy_server); CI tbot reaches Auth through Proxy LB: its Auth client dials the tunnel address of the Proxy (the web port with TLS routing, else the tunnel listener)
check 'tbot-to-lb-443-tcp: Proxy LB 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host users =====
#!/bin/sh
# Portolan verification kit for Engineers (users), plan Example: self-hosted HA cluster.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# users-to-lb-443-tcp to Proxy LB (teleport.example.com): Database clients of Engineers through tsh local proxies (ALPN per engine) on the web port of Proxy LB; Web UI and browser sessions of Engineers through Proxy LB (HTTPS, WebSockets); kubectl of Engineers through Proxy LB with TLS routing (SNI kube-teleport-proxy-alpn.); tsh / Teleport Connect of Engineers: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy LB
check 'users-to-lb-443-tcp: Proxy LB 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 1. self-hosted multiplex, Proxy web on 443 =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-to-auth-3025-tcp: run from Proxy (10.0.1.11): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy =====
#!/bin/sh
# Portolan verification kit for Proxy (proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-to-auth-3025-tcp to Auth (10.0.2.10): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# ssh-agent-to-proxy-443-tcp: run from SSH agent (10.0.10.21): Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'
# users-to-proxy-443-tcp: run from Users (0.0.0.0/0): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host ssh-agent =====
#!/bin/sh
# Portolan verification kit for SSH agent (ssh-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# ssh-agent-to-proxy-443-tcp to Proxy (10.0.1.11): Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
check 'ssh-agent-to-proxy-443-tcp: Proxy 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host users =====
#!/bin/sh
# Portolan verification kit for Users (users), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# users-to-proxy-443-tcp to Proxy (10.0.1.11): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
check 'users-to-proxy-443-tcp: Proxy 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 2. config v1, separate mode, web on 3080 =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-to-auth-3025-tcp: run from Proxy (10.0.1.11): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy =====
#!/bin/sh
# Portolan verification kit for Proxy (proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-to-auth-3025-tcp to Auth (10.0.2.10): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# ssh-agent-to-proxy-3024-tcp: run from SSH agent (10.0.10.21): Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
#   nc -vz -w 5 'teleport.example.com' 3024
# ssh-agent-to-proxy-3080-tcp: run from SSH agent (10.0.10.21): Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:3080/webapi/ping'
# users-to-proxy-3023-tcp: run from Users (0.0.0.0/0): tsh ssh sessions of Users on the SSH proxy listener of Proxy (separate mode)
#   nc -vz -w 5 'teleport.example.com' 3023
# users-to-proxy-3080-tcp: run from Users (0.0.0.0/0): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:3080/webapi/ping'

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host ssh-agent =====
#!/bin/sh
# Portolan verification kit for SSH agent (ssh-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# ssh-agent-to-proxy-3024-tcp to Proxy (10.0.1.11): Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
check 'ssh-agent-to-proxy-3024-tcp: Proxy 3024/tcp -> teleport.example.com:3024' nc -vz -w 5 'teleport.example.com' 3024
# ssh-agent-to-proxy-3080-tcp to Proxy (10.0.1.11): Join and discovery of SSH agent on Proxy (/webapi/find, /webapi/host/credentials, gRPC join service)
check 'ssh-agent-to-proxy-3080-tcp: Proxy 3080/tcp -> teleport.example.com:3080' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:3080/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host users =====
#!/bin/sh
# Portolan verification kit for Users (users), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# users-to-proxy-3023-tcp to Proxy (10.0.1.11): tsh ssh sessions of Users on the SSH proxy listener of Proxy (separate mode)
check 'users-to-proxy-3023-tcp: Proxy 3023/tcp -> teleport.example.com:3023' nc -vz -w 5 'teleport.example.com' 3023
# users-to-proxy-3080-tcp to Proxy (10.0.1.11): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
check 'users-to-proxy-3080-tcp: Proxy 3080/tcp -> teleport.example.com:3080' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:3080/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 3. SSH agent joined directly to Auth =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-to-auth-3025-tcp: run from Proxy (10.0.1.11): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# ssh-agent-to-auth-3025-tcp: run from SSH agent (10.0.10.21): SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy =====
#!/bin/sh
# Portolan verification kit for Proxy (proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-to-auth-3025-tcp to Auth (10.0.2.10): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025
# proxy-to-ssh-agent-3022-tcp to SSH agent (10.0.10.21): Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)
check 'proxy-to-ssh-agent-3022-tcp: SSH agent 3022/tcp -> 10.0.10.21:3022' nc -vz -w 5 '10.0.10.21' 3022

# Inbound: this host listens; run each command on the source host named.
# users-to-proxy-443-tcp: run from Users (0.0.0.0/0): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
#   curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host ssh-agent =====
#!/bin/sh
# Portolan verification kit for SSH agent (ssh-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# ssh-agent-to-auth-3025-tcp to Auth (10.0.2.10): SSH agent joined directly to Auth: gRPC over mTLS to Auth (heartbeats, watchers, audit)
check 'ssh-agent-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# proxy-to-ssh-agent-3022-tcp: run from Proxy (10.0.1.11): Proxy dials the SSH Service of SSH agent, which joined Auth directly (no reverse tunnel)
#   nc -vz -w 5 '10.0.10.21' 3022

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host users =====
#!/bin/sh
# Portolan verification kit for Users (users), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# users-to-proxy-443-tcp to Proxy (10.0.1.11): tsh / Teleport Connect of Users: login, /webapi/ping and sessions routed by ALPN on the web port of Proxy
check 'users-to-proxy-443-tcp: Proxy 443/tcp -> teleport.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://teleport.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 4. agent behind an HTTP CONNECT proxy, NO_PROXY exempts 3024 =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-to-auth-3025-tcp: run from Proxy (10.0.1.11): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host fwd =====
#!/bin/sh
# Portolan verification kit for Corporate proxy (fwd), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# fwd-to-proxy-3080-tcp to Proxy (10.0.1.11): join: Corporate proxy carries CONNECT tunnels to Proxy
check 'fwd-to-proxy-3080-tcp: Proxy 3080/tcp -> teleportproxy.example.com:3080' curl -sS --max-time 5 -o /dev/null 'https://teleportproxy.example.com:3080/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# ssh-agent-to-fwd-8080-tcp: run from SSH agent (10.0.10.21): join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)
#   curl -sS --max-time 5 -o /dev/null 'https://httpproxy.example.com:8080/webapi/ping'

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy =====
#!/bin/sh
# Portolan verification kit for Proxy (proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-to-auth-3025-tcp to Auth (10.0.2.10): Proxy connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# fwd-to-proxy-3080-tcp: run from Corporate proxy (httpproxy.example.com): join: Corporate proxy carries CONNECT tunnels to Proxy
#   curl -sS --max-time 5 -o /dev/null 'https://teleportproxy.example.com:3080/webapi/ping'
# ssh-agent-to-proxy-3024-tcp: run from SSH agent (10.0.10.21): Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
#   nc -vz -w 5 'teleportproxy.example.com' 3024

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host ssh-agent =====
#!/bin/sh
# Portolan verification kit for SSH agent (ssh-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# ssh-agent-to-fwd-8080-tcp to Corporate proxy (httpproxy.example.com): join of SSH agent to teleportproxy.example.com:3080, through the forward proxy Corporate proxy (HTTP CONNECT)
check 'ssh-agent-to-fwd-8080-tcp: Corporate proxy 8080/tcp -> httpproxy.example.com:8080' curl -sS --max-time 5 -o /dev/null 'https://httpproxy.example.com:8080/webapi/ping'
# ssh-agent-to-proxy-3024-tcp to Proxy (10.0.1.11): Reverse tunnel from SSH agent to Proxy: the Proxy reaches the agent through it, and the agent reaches Auth
check 'ssh-agent-to-proxy-3024-tcp: Proxy 3024/tcp -> teleportproxy.example.com:3024' nc -vz -w 5 'teleportproxy.example.com' 3024

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 5a. three Proxies with proxy peering on Enterprise =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-1-to-auth-3025-tcp: run from Proxy 1 (10.0.1.11): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# proxy-2-to-auth-3025-tcp: run from Proxy 2 (10.0.1.12): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# proxy-3-to-auth-3025-tcp: run from Proxy 3 (10.0.1.13): Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-1 =====
#!/bin/sh
# Portolan verification kit for Proxy 1 (proxy-1), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-1-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-1-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025
# proxy-1-to-proxy-2-3021-tcp to Proxy 2 (10.0.1.12): Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel
check 'proxy-1-to-proxy-2-3021-tcp: Proxy 2 3021/tcp -> 10.0.1.12:3021' nc -vz -w 5 '10.0.1.12' 3021
# proxy-1-to-proxy-3-3021-tcp to Proxy 3 (10.0.1.13): Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel
check 'proxy-1-to-proxy-3-3021-tcp: Proxy 3 3021/tcp -> 10.0.1.13:3021' nc -vz -w 5 '10.0.1.13' 3021

# Inbound: this host listens; run each command on the source host named.
# proxy-2-to-proxy-1-3021-tcp: run from Proxy 2 (10.0.1.12): Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.11' 3021
# proxy-3-to-proxy-1-3021-tcp: run from Proxy 3 (10.0.1.13): Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.11' 3021

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-2 =====
#!/bin/sh
# Portolan verification kit for Proxy 2 (proxy-2), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-2-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-2-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025
# proxy-2-to-proxy-1-3021-tcp to Proxy 1 (10.0.1.11): Proxy peering: Proxy 2 forwards client traffic to Proxy 1, which holds the agent tunnel
check 'proxy-2-to-proxy-1-3021-tcp: Proxy 1 3021/tcp -> 10.0.1.11:3021' nc -vz -w 5 '10.0.1.11' 3021
# proxy-2-to-proxy-3-3021-tcp to Proxy 3 (10.0.1.13): Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel
check 'proxy-2-to-proxy-3-3021-tcp: Proxy 3 3021/tcp -> 10.0.1.13:3021' nc -vz -w 5 '10.0.1.13' 3021

# Inbound: this host listens; run each command on the source host named.
# proxy-1-to-proxy-2-3021-tcp: run from Proxy 1 (10.0.1.11): Proxy peering: Proxy 1 forwards client traffic to Proxy 2, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.12' 3021
# proxy-3-to-proxy-2-3021-tcp: run from Proxy 3 (10.0.1.13): Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.12' 3021

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-3 =====
#!/bin/sh
# Portolan verification kit for Proxy 3 (proxy-3), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-3-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-3-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025
# proxy-3-to-proxy-1-3021-tcp to Proxy 1 (10.0.1.11): Proxy peering: Proxy 3 forwards client traffic to Proxy 1, which holds the agent tunnel
check 'proxy-3-to-proxy-1-3021-tcp: Proxy 1 3021/tcp -> 10.0.1.11:3021' nc -vz -w 5 '10.0.1.11' 3021
# proxy-3-to-proxy-2-3021-tcp to Proxy 2 (10.0.1.12): Proxy peering: Proxy 3 forwards client traffic to Proxy 2, which holds the agent tunnel
check 'proxy-3-to-proxy-2-3021-tcp: Proxy 2 3021/tcp -> 10.0.1.12:3021' nc -vz -w 5 '10.0.1.12' 3021

# Inbound: this host listens; run each command on the source host named.
# proxy-1-to-proxy-3-3021-tcp: run from Proxy 1 (10.0.1.11): Proxy peering: Proxy 1 forwards client traffic to Proxy 3, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.13' 3021
# proxy-2-to-proxy-3-3021-tcp: run from Proxy 2 (10.0.1.12): Proxy peering: Proxy 2 forwards client traffic to Proxy 3, which holds the agent tunnel
#   nc -vz -w 5 '10.0.1.13' 3021

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 5b. three Proxies with proxy peering on OSS =====
# ===== host auth =====
#!/bin/sh
# Portolan verification kit for Auth (auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# proxy-1-to-auth-3025-tcp: run from Proxy 1 (10.0.1.11): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# proxy-2-to-auth-3025-tcp: run from Proxy 2 (10.0.1.12): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025
# proxy-3-to-auth-3025-tcp: run from Proxy 3 (10.0.1.13): Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
#   nc -vz -w 5 '10.0.2.10' 3025

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-1 =====
#!/bin/sh
# Portolan verification kit for Proxy 1 (proxy-1), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-1-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 1 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-1-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-2 =====
#!/bin/sh
# Portolan verification kit for Proxy 2 (proxy-2), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-2-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 2 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-2-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host proxy-3 =====
#!/bin/sh
# Portolan verification kit for Proxy 3 (proxy-3), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# proxy-3-to-auth-3025-tcp to Auth (10.0.2.10): Proxy 3 connects to Auth over gRPC/mTLS (never through a reverse tunnel)
check 'proxy-3-to-auth-3025-tcp: Auth 3025/tcp -> 10.0.2.10:3025' nc -vz -w 5 '10.0.2.10' 3025

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 6. Teleport Cloud tenant, Database and Desktop agents =====
# ===== host db-agent =====
#!/bin/sh
# Portolan verification kit for DB agent (db-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# db-agent-to-cloud-tenant:cloud-443-tcp to Teleport Cloud tenant example.teleport.sh (example.teleport.sh): Join and discovery of DB agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from DB agent to Teleport Cloud tenant example.teleport.sh: the Proxy reaches the agent through it, and the agent reaches Auth
check 'db-agent-to-cloud-tenant:cloud-443-tcp: Teleport Cloud tenant example.teleport.sh 443/tcp -> example.teleport.sh:443' curl -sS --max-time 5 -o /dev/null 'https://example.teleport.sh:443/webapi/ping'
# db-agent-to-postgres-5432-tcp to Postgres (10.0.10.0/24): Database Service DB agent connects to the database Postgres
skip 'db-agent-to-postgres-5432-tcp: Postgres 5432/tcp (no single address to dial: 10.0.10.0/24)'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host dc =====
#!/bin/sh
# Portolan verification kit for DC (dc), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# desktop-agent-to-dc-636-tcp: run from Desktop agent (10.0.10.0/24): Windows Desktop agent queries LDAP(S) on the domain controller DC
#   (no single address for this host: 10.0.10.0/24) port 636/tcp
# desktop-agent-to-dc-88-tcp: run from Desktop agent (10.0.10.0/24): Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)
#   (no single address for this host: 10.0.10.0/24) port 88/tcp

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host desktop-agent =====
#!/bin/sh
# Portolan verification kit for Desktop agent (desktop-agent), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# desktop-agent-to-cloud-tenant:cloud-443-tcp to Teleport Cloud tenant example.teleport.sh (example.teleport.sh): Join and discovery of Desktop agent on Teleport Cloud tenant example.teleport.sh (/webapi/find, /webapi/host/credentials, gRPC join service); Reverse tunnel from Desktop agent to Teleport Cloud tenant example.teleport.sh: the Proxy reaches the agent through it, and the agent reaches Auth
check 'desktop-agent-to-cloud-tenant:cloud-443-tcp: Teleport Cloud tenant example.teleport.sh 443/tcp -> example.teleport.sh:443' curl -sS --max-time 5 -o /dev/null 'https://example.teleport.sh:443/webapi/ping'
# desktop-agent-to-dc-636-tcp to DC (10.0.10.0/24): Windows Desktop agent queries LDAP(S) on the domain controller DC
skip 'desktop-agent-to-dc-636-tcp: DC 636/tcp (no single address to dial: 10.0.10.0/24)'
# desktop-agent-to-dc-88-tcp to DC (10.0.10.0/24): Windows Desktop agent gets Kerberos tickets from the KDC on DC (RDP NLA)
skip 'desktop-agent-to-dc-88-tcp: DC 88/tcp (no single address to dial: 10.0.10.0/24)'
# desktop-agent-to-windows-3389-tcp to Windows (10.0.10.0/24): Windows Desktop agent opens RDP sessions to Windows
skip 'desktop-agent-to-windows-3389-tcp: Windows 3389/tcp (no single address to dial: 10.0.10.0/24)'

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host postgres =====
#!/bin/sh
# Portolan verification kit for Postgres (postgres), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# db-agent-to-postgres-5432-tcp: run from DB agent (10.0.10.0/24): Database Service DB agent connects to the database Postgres
#   (no single address for this host: 10.0.10.0/24) port 5432/tcp

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host windows =====
#!/bin/sh
# Portolan verification kit for Windows (windows), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# desktop-agent-to-windows-3389-tcp: run from Desktop agent (10.0.10.0/24): Windows Desktop agent opens RDP sessions to Windows
#   (no single address for this host: 10.0.10.0/24) port 3389/tcp

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== case: 7. leaf cluster trusting a multiplex root =====
# ===== host leaf-auth =====
#!/bin/sh
# Portolan verification kit for Leaf Auth (leaf-auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# leaf-auth-to-root-proxy-443-tcp to Root Proxy (10.0.1.0/24): Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)
check 'leaf-auth-to-root-proxy-443-tcp: Root Proxy 443/tcp -> root.example.com:443' curl -sS --max-time 5 -o /dev/null 'https://root.example.com:443/webapi/ping'

# Inbound: this host listens; run each command on the source host named.
# leaf-proxy-to-leaf-auth-3025-tcp: run from Leaf Proxy (10.0.10.0/24): Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)
#   (no single address for this host: 10.0.10.0/24) port 3025/tcp

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host leaf-proxy =====
#!/bin/sh
# Portolan verification kit for Leaf Proxy (leaf-proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# leaf-proxy-to-leaf-auth-3025-tcp to Leaf Auth (10.0.10.0/24): Leaf Proxy connects to Leaf Auth over gRPC/mTLS (never through a reverse tunnel)
skip 'leaf-proxy-to-leaf-auth-3025-tcp: Leaf Auth 3025/tcp (no single address to dial: 10.0.10.0/24)'
# leaf-proxy-to-root-proxy-443-tcp to Root Proxy (10.0.1.0/24): Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)
check 'leaf-proxy-to-root-proxy-443-tcp: Root Proxy 443/tcp -> root.example.com:443' nc -vz -w 5 'root.example.com' 443

# Inbound: this host listens; run each command on the source host named.
# (no inbound rule)

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host root-auth =====
#!/bin/sh
# Portolan verification kit for Root Auth (root-auth), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# (no outbound rule)

# Inbound: this host listens; run each command on the source host named.
# root-proxy-to-root-auth-3025-tcp: run from Root Proxy (10.0.1.0/24): Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)
#   (no single address for this host: 10.0.2.0/24) port 3025/tcp

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

# ===== host root-proxy =====
#!/bin/sh
# Portolan verification kit for Root Proxy (root-proxy), plan test.
# Run it on that host before and after the deployment. One check per outbound rule; PASS/FAIL per
# line, then a summary; the exit code is the number of failures (at most 125). Needs nc and curl.

pass=0
fail=0
skipped=0
check() {
  label=$1
  shift
  if "$@" >/dev/null 2>&1; then
    pass=$((pass + 1))
    printf 'PASS  %s\n' "$label"
  else
    fail=$((fail + 1))
    printf 'FAIL  %s\n' "$label"
  fi
}
skip() {
  skipped=$((skipped + 1))
  printf 'SKIP  %s\n' "$1"
}

# Outbound: this host opens these connections.
# root-proxy-to-root-auth-3025-tcp to Root Auth (10.0.2.0/24): Root Proxy connects to Root Auth over gRPC/mTLS (never through a reverse tunnel)
skip 'root-proxy-to-root-auth-3025-tcp: Root Auth 3025/tcp (no single address to dial: 10.0.2.0/24)'

# Inbound: this host listens; run each command on the source host named.
# leaf-auth-to-root-proxy-443-tcp: run from Leaf Auth (10.0.10.0/24): Leaf Auth Leaf Auth validates the trusted cluster with the root Proxy web address through Root Proxy (web_proxy_addr)
#   curl -sS --max-time 5 -o /dev/null 'https://root.example.com:443/webapi/ping'
# leaf-proxy-to-root-proxy-443-tcp: run from Leaf Proxy (10.0.10.0/24): Leaf Proxy Leaf Proxy keeps a reverse tunnel to the root cluster through Root Proxy (tunnel_addr)
#   nc -vz -w 5 'root.example.com' 443

printf '%s passed, %s failed, %s skipped\n' "$pass" "$fail" "$skipped"
[ "$fail" -gt 125 ] && fail=125
exit "$fail"

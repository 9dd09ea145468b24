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

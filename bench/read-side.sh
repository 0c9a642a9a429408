#!/usr/bin/env bash
# The read side at scale: list-page and get latency in a seller holding many customers (default 100,000),
# then a full replay of the read models over all the events that made them.
# Starts the packaged service on a fresh embedded PostgreSQL, seeds one seller over HTTP, times each query one
# request at a time, then replays. Writes bench/reports/read-side.md.
#   bench/read-side.sh [CUSTOMERS]
set -euo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS=${1:-100000}
REQUESTS=${REQUESTS:-200}
PORT=${PORT:-18081}
URL=http://localhost:$PORT
ADMIN=bench-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0
JAR=bootstrap/target/customer-registration.jar
[ -f "$JAR" ] || ./dev build >/dev/null
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

# The benchmark is one client measuring the service, not the per-key rate limit: lift it.
DATA_DIR="$WORK/data" SERVER_PORT=$PORT ADMIN_TOKEN=$ADMIN ./dev java -jar "$JAR" \
  --registration.http.rate-limit.requests-per-second=1000000 --registration.http.rate-limit.burst=1000000 \
  >"$WORK/service.log" 2>&1 &
PID=$!
until curl -sf "$URL/actuator/health" >/dev/null; do sleep 0.2; done

load() { ./dev java bench/src/Load.java "$@"; }
read -r SELLER KEY < <(load seller "$URL" "$ADMIN" enterprise)
load seed "$URL" "$KEY" "$CUSTOMERS" 16 c | tee "$WORK/seed.txt"
FIRST=$(curl -s "$URL/api/customers?limit=1" -H "X-API-Key: $KEY" | sed -E 's/.*"id":"([^"]+)".*/\1/')
# A cursor in the middle of the list: page 2,500 of 20.
MIDDLE=$(curl -s "$URL/api/customers?limit=100&starting_after=$FIRST" -H "X-API-Key: $KEY" >/dev/null;
         curl -s "$URL/api/customers?limit=1&q=c$((CUSTOMERS / 2))%40" -H "X-API-Key: $KEY" |
         sed -E 's/.*"id":"([^"]+)".*/\1/')
load latency "$URL" "$KEY" "$REQUESTS" \
  "/api/customers" \
  "/api/customers?limit=100" \
  "/api/customers?starting_after=$MIDDLE" \
  "/api/customers?status=inactive" \
  "/api/customers?email=C$((CUSTOMERS / 3))@EXAMPLE.COM" \
  "/api/customers?q=company%204999" \
  "/api/customers?q=nobody-has-this" \
  "/api/customers/$FIRST" | tee "$WORK/latency.txt"

# Full replay of the read models, through the operator API, while the service stays up.
A="Authorization: Bearer $ADMIN"
curl -s -X POST "$URL/admin/projections/read-models/replay" -H "$A" >/dev/null
START=$(date +%s.%N)
while curl -s "$URL/admin/projections" -H "$A" | grep -q '"replaying":true'; do sleep 0.5; done
REPLAY_SECONDS=$(echo "$(date +%s.%N) - $START" | bc)
STATUS=$(curl -s "$URL/admin/projections" -H "$A")
EVENTS=$(echo "$STATUS" | sed -E 's/.*"head":([0-9]+).*/\1/')
RATE=$(echo "$STATUS" | sed -E 's/.*"events_per_second":([0-9]+).*/\1/')
VERIFY=$(curl -s -X POST "$URL/admin/projections/read-models/verify" -H "$A" | cut -c1-200)
echo "replay: $EVENTS events in $REPLAY_SECONDS s, $RATE events/s; verify: $VERIFY"

mkdir -p bench/reports
{
  echo "# Read side at $CUSTOMERS customers in one seller"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
       "$(./dev java -version 2>&1 | head -n1); PostgreSQL embedded (same machine)."
  echo "Each query sent $REQUESTS times, one at a time, over loopback; client-side latency."
  echo
  echo "Seeding over HTTP: $(cat "$WORK/seed.txt")"
  echo
  echo "| query | p50 ms | p99 ms |"
  echo "|---|---|---|"
  sed -E "s/^([^ ]+) ([^ ]+) ([^ ]+)$/| \`\1\` | \2 | \3 |/" "$WORK/latency.txt" | sed "s/$MIDDLE/<middle>/; s/$FIRST/<id>/"
  echo
  echo "Full replay of the read models (POST /admin/projections/read-models/replay, service up):" \
       "$EVENTS events in ${REPLAY_SECONDS%.*} s, **$RATE events/s** as the service measured it."
  echo "Verify afterwards: \`$VERIFY\`"
} > bench/reports/read-side.md
cat bench/reports/read-side.md

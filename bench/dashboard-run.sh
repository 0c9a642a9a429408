#!/usr/bin/env bash
# A short, varied load with /actuator/prometheus scraped every second, for the dashboard's picture
# (docs/grafana/registration.png) and to see the meters move: the packaged service on a fresh embedded PostgreSQL,
# then, with bench/src/Load.java over loopback,
#   creates spread over 16 sellers (8 clients), then on one hot seller (32 clients: group commits),
#   duplicate emails (409 email_taken) and a free plan filled past its limit (403 plan_limit),
#   webhooks to a receiver that answers and to one that is down (retries, backlog, dead deliveries),
#   a replay of every read model under load (lag and replay rate),
# then plots the scrapes with bench/dashboard-plot.py (python3 and gnuplot; apt-get install gnuplot-nox).
#   bench/dashboard-run.sh [OUT_DIR]          default OUT_DIR: a temporary directory, kept; prints its path
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-$(mktemp -d "${TMPDIR:-/tmp}/dashboard-run.XXXXXX")}
mkdir -p "$OUT/scrapes"
PORT=${PORT:-18095}
RECEIVER_PORT=$((PORT + 1))
DOWN_PORT=$((PORT + 2))          # nothing listens there: every delivery fails
URL=http://localhost:$PORT
ADMIN=dashboard-run-admin-token-0123456789abcdef
JAR=bootstrap/target/customer-registration.jar
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--XX:+UseZGC -Xms1g -Xmx1g}
PHASE_SECONDS=${PHASE_SECONDS:-15}
load() { ./dev java bench/src/Load.java "$@"; }
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; echo "$(date +%s) $*" >>"$OUT/phases.txt"; }

[ -f "$JAR" ] || ./dev build >/dev/null
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$OUT/data"; }
trap cleanup EXIT

# shellcheck disable=SC2086 # the options are words
DATA_DIR="$OUT/data" SERVER_PORT=$PORT ADMIN_TOKEN=$ADMIN ./dev java $SERVICE_JVM_OPTS -jar "$JAR" \
  --registration.demo.enabled=false \
  --registration.http.rate-limit.requests-per-second=1000000 --registration.http.rate-limit.burst=1000000 \
  --registration.webhooks.initial-backoff=1s --registration.webhooks.max-backoff=4s \
  --registration.webhooks.give-up-after=20s >"$OUT/service.log" 2>&1 &
PIDS+=($!)
until curl -sf "$URL/actuator/health/readiness" >/dev/null; do sleep 0.2; done

# A webhook receiver that answers 204 to everything.
python3 - "$RECEIVER_PORT" >/dev/null 2>&1 <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class Ok(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204); self.end_headers()
    def log_message(self, *args): pass
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Ok).serve_forever()
PY
PIDS+=($!)

# The scrape, once a second, as Prometheus would take it: each to a file named by its time.
( while true; do
    now=$(date +%s.%N)
    curl -sf -H "Authorization: Bearer $ADMIN" "$URL/actuator/prometheus" >"$OUT/scrapes/$now.txt" || rm -f "$OUT/scrapes/$now.txt"
    sleep 1
  done ) &
PIDS+=($!)

log idle
sleep 5
load seller "$URL" "$ADMIN" enterprise 16 >"$OUT/spread.txt"
SPREAD_KEYS=$(awk '{print $2}' "$OUT/spread.txt" | paste -sd,)
read -r HOT_ID HOT_KEY < <(load seller "$URL" "$ADMIN" enterprise)
read -r _ FREE_KEY < <(load seller "$URL" "$ADMIN" free)
endpoint() { # $1 api key, $2 url
  curl -sf -X POST "$URL/api/webhook-endpoints" -H "X-API-Key: $1" -H 'Content-Type: application/json' \
    -d "{\"url\":\"$2\",\"events\":[\"customer.created\",\"customer.updated\",\"customer.deleted\"]}" >/dev/null
}
endpoint "$(awk 'NR == 1 {print $2}' "$OUT/spread.txt")" "http://127.0.0.1:$RECEIVER_PORT/hooks"
endpoint "$(awk 'NR == 2 {print $2}' "$OUT/spread.txt")" "http://127.0.0.1:$DOWN_PORT/hooks"

log "creates over 16 sellers, 8 clients"
load closed "$URL" "$SPREAD_KEYS" 8 0 "$PHASE_SECONDS" spread >>"$OUT/load.txt"
log "creates on one hot seller, 32 clients"
load closed "$URL" "$HOT_KEY" 32 0 "$PHASE_SECONDS" hot >>"$OUT/load.txt"
log "rejections: duplicate emails and a full plan"
load seed "$URL" "$HOT_KEY" 2000 8 hot0- 0 >>"$OUT/load.txt" 2>/dev/null || true
load seed "$URL" "$HOT_KEY" 2000 8 hot0- 0 >>"$OUT/load.txt" 2>/dev/null || true   # the same emails again: 409
load seed "$URL" "$FREE_KEY" 200 4 free 0 >>"$OUT/load.txt" 2>/dev/null || true     # 10 fit the free plan
log "replay of every read model under load"
curl -sf -X POST -H "Authorization: Bearer $ADMIN" "$URL/admin/projections/read-models/replay" >/dev/null
load closed "$URL" "$SPREAD_KEYS" 8 0 "$PHASE_SECONDS" during-replay >>"$OUT/load.txt"
log "idle, webhooks draining and dying"
sleep 25
log end
echo "$OUT"
bench/dashboard-plot.py "$OUT/scrapes" "$OUT/phases.txt" "${PLOT:-docs/grafana/registration.png}"

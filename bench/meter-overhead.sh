#!/usr/bin/env bash
# What the service's own meters cost on the create benchmark: two instances of the packaged service side by side,
# each on a fresh embedded PostgreSQL, one with the meters (as shipped) and one without them
# (management.metrics.enable.registration=false, and no HTTP latency buckets), loaded in turn with the closed-loop
# creates of bench/run.sh over 16 sellers, alternating which goes first each round so that whatever else the
# machine does falls on both alike. Prints each cell and the medians, with the ratio off/on.
#   bench/meter-overhead.sh                ROUNDS=6 CLIENTS=1,16 WARMUP=3 DURATION=10 (about 15 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-6}
CLIENTS=${CLIENTS:-1,16}
WARMUP=${WARMUP:-3}
DURATION=${DURATION:-10}
PORT=${PORT:-18097}
ADMIN=meter-overhead-admin-token-0123456789abcdef
JAR=bootstrap/target/customer-registration.jar
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--XX:+UseZGC -Xms1g -Xmx1g}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/meter-overhead.XXXXXX")
load() { ./dev java bench/src/Load.java "$@"; }
[ -f "$JAR" ] || ./dev build >/dev/null
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

declare -A URL KEYS
start() { # $1 name, $2 port, then extra arguments
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086 # the options are words
  DATA_DIR="$WORK/$name" SERVER_PORT=$port ADMIN_TOKEN=$ADMIN ./dev java $SERVICE_JVM_OPTS -jar "$JAR" \
    --registration.demo.enabled=false \
    --registration.http.rate-limit.requests-per-second=1000000 --registration.http.rate-limit.burst=1000000 \
    "$@" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  URL[$name]=http://localhost:$port
}
start on "$PORT"
start off $((PORT + 1)) --management.metrics.enable.registration=false \
  --management.metrics.distribution.percentiles-histogram.http.server.requests=false
for name in on off; do
  until curl -sf "${URL[$name]}/actuator/health/readiness" >/dev/null; do sleep 0.2; done
  KEYS[$name]=$(load seller "${URL[$name]}" "$ADMIN" enterprise 16 | awk '{print $2}' | paste -sd,)
done
scrape() { curl -sf -H "Authorization: Bearer $ADMIN" "${URL[$1]}/actuator/prometheus" | grep -c '^registration_' || true; }
echo "registration_* series exported: on $(scrape on), off $(scrape off)"
# A round of each first, not counted: both JVMs compile the hot paths (the first rounds ran at a third of the rate).
for name in on off; do
  load closed "${URL[$name]}" "${KEYS[$name]}" "$CLIENTS" "$WARMUP" "$DURATION" "warm-" >/dev/null
done

for round in $(seq 1 "$ROUNDS"); do
  order="on off"; [ $((round % 2)) = 0 ] && order="off on"
  for name in $order; do
    load closed "${URL[$name]}" "${KEYS[$name]}" "$CLIENTS" "$WARMUP" "$DURATION" "r$round-" \
      | awk -v n="$name" -v r="$round" '{print n, r, $0}' | tee -a "$WORK/cells.txt"
  done
done

# cells: meters round clients creates/s p50 p99 errors cpu
median() { sort -g | awk '{v[NR] = $1} END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo
echo "clients | creates/s on | creates/s off | on/off | p50 ms on | p50 ms off | p99 ms on | p99 ms off"
for clients in ${CLIENTS//,/ }; do
  for field in 4 5 6; do
    for name in on off; do
      awk -v n="$name" -v c="$clients" -v f="$field" '$1 == n && $3 == c { print $f }' "$WORK/cells.txt" | median \
        >"$WORK/m-$name-$field"
    done
  done
  echo "$clients | $(cat "$WORK/m-on-4") | $(cat "$WORK/m-off-4") | $(awk -v a="$(cat "$WORK/m-on-4")" -v b="$(cat "$WORK/m-off-4")" 'BEGIN { printf "%.3f", a / b }') | $(cat "$WORK/m-on-5") | $(cat "$WORK/m-off-5") | $(cat "$WORK/m-on-6") | $(cat "$WORK/m-off-6")"
done

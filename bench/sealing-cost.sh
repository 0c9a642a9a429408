#!/usr/bin/env bash
# What sealing the customers' personal data costs (issue 18): the create's latency and the replay rate of two
# jars, measured in turns in one run on one machine, so that the machine's load weighs on both alike.
#   bench/sealing-cost.sh BEFORE_JAR AFTER_JAR     e.g. a jar built from the commit before sealing, and this one
# Per jar and run: a fresh embedded database; CREATES sequential creates on one seller (after as many uncounted),
# p50 and p99; then EVENTS creates seeded over 4 sellers, and a full replay of the customer projection and of
# every read model, as the service reports their rate. Prints each run, then the medians and their ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
BEFORE=$1
AFTER=$2
RUNS=${RUNS:-2}
CREATES=${CREATES:-1000}
EVENTS=${EVENTS:-200000}
SEED_CONCURRENCY=${SEED_CONCURRENCY:-32}
PORT=${PORT:-18182}
URL=http://localhost:$PORT
A="Authorization: Bearer $ADMIN"
WORK=$(mktemp -d)
PID=

cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

replay() { # $1 projection: prints its events/s
  curl -sf -X POST "$URL/admin/projections/$1/replay" -H "$A" >/dev/null
  while curl -s "$URL/admin/projections" -H "$A" | grep -q '"replaying":true'; do sleep 0.5; done
  curl -s "$URL/admin/projections" -H "$A" | grep -o "{\"name\":\"$1\"[^}]*}" \
    | sed -E 's/.*"events_per_second":([0-9]+).*/\1/'
}

measure() { # $1 label, $2 jar, $3 run: prints "label run create_p50 create_p99 replay_customers replay_all"
  local data="$WORK/data-$1-$3"
  start_service "$2" "$data" "$PORT" "$WORK/service-$1-$3.log"
  PID=$SERVICE_PID
  local key sellers
  key=$(load seller "$URL" "$ADMIN" enterprise 1 | awk '{print $2}')
  load creates "$URL" "$key" "$CREATES" "warm$3" >/dev/null
  read -r p50 p99 < <(load creates "$URL" "$key" "$CREATES" "timed$3")
  sellers=$(load seller "$URL" "$ADMIN" enterprise 4 | awk '{print $2}' | paste -sd,)
  load seed "$URL" "$sellers" "$EVENTS" "$SEED_CONCURRENCY" bulk 0 | tee "$WORK/seed.txt" >&2
  grep -q "statuses {201=$EVENTS}" "$WORK/seed.txt" || { tail -n 30 "$WORK/service-$1-$3.log" >&2; exit 1; }
  local customers all
  customers=$(replay customers)
  all=$(replay read-models)
  kill "$PID"
  wait "$PID" 2>/dev/null || true
  PID=
  rm -rf "$data"
  echo "$1 $3 $p50 $p99 $customers $all"
}

echo "jar run create_p50_ms create_p99_ms replay_customers_events/s replay_read-models_events/s"
for run in $(seq 1 "$RUNS"); do
  measure before "$BEFORE" "$run" | tee -a "$WORK/results.txt"
  measure after "$AFTER" "$run" | tee -a "$WORK/results.txt"
done
col() { awk -v j="$1" -v c="$2" '$1 == j { print $c }' "$WORK/results.txt" | median; }
echo
echo "medians: figure before after after/before"
for c in 3:create_p50_ms 4:create_p99_ms 5:replay_customers 6:replay_read-models; do
  b=$(col before "${c%%:*}")
  a=$(col after "${c%%:*}")
  awk -v n="${c#*:}" -v b="$b" -v a="$a" 'BEGIN { printf "%s %s %s %.3f\n", n, b, a, a / b }'
done

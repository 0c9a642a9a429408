#!/usr/bin/env bash
# CPU per create, the service against the CRUD baseline: where throughput is bound by the machine's cores, this is
# what sets the ratio. Starts the jar and bench/baseline on one embedded PostgreSQL, as bench/run.sh does, then
# runs closed-loop cells of CLIENTS clients over SELLERS sellers, the service then the baseline, RUNS times, and
# reads from /proc the CPU time (user + system) each JVM and the PostgreSQL processes spent in each cell.
#   bench/cpu-per-create.sh [JAR]                  the jar bench/run.sh builds, by default
#   CLIENTS=64 SELLERS=1 bench/cpu-per-create.sh   one hot seller
#   PROFILE=4 bench/cpu-per-create.sh              also records the service with JFR from run 4 on
#                                                  (settings=profile) into RECORDING (/tmp/cpu-per-create.jfr)
# Prints per cell: who, clients, creates/s, p50 ms, p99 ms, errors, JVM ms and PostgreSQL ms of CPU per create.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
JAR=${1:-bootstrap/target/customer-registration.jar}
BASELINE_JAR=bench/baseline/target/crud-baseline.jar
CLIENTS=${CLIENTS:-8}
SELLERS=${SELLERS:-16}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-3}
DURATION=${DURATION:-8}
PORT=${PORT:-18282}
BASELINE_PORT=${BASELINE_PORT:-18292}
URL=http://localhost:$PORT
BASELINE_URL=http://localhost:$BASELINE_PORT
RECORDING=${RECORDING:-${TMPDIR:-/tmp}/cpu-per-create.jfr}
JCMD=$(./dev java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')/bin/jcmd
WORK=$(mktemp -d)
SERVICE_PID=

[ -f "$JAR" ] && [ -f "$BASELINE_JAR" ] || { echo "build the jar and bench/baseline first (bench/run.sh does)" >&2; exit 1; }
cleanup() {
  for p in ${BASELINE_PID:-} $SERVICE_PID; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

start_service "$JAR" "$WORK/data" "$PORT" "$WORK/service.log"
embedded_postgres "$WORK/data" "$WORK/service.log"
start_baseline "$BASELINE_JAR" "$BASELINE_PORT" "$WORK/baseline.log"
SERVICE_KEYS=$(load seller "$URL" "$ADMIN" enterprise "$SELLERS" | awk '{print $2}' | paste -sd,)
BASELINE_KEYS=$(load seller "$BASELINE_URL" "$ADMIN" enterprise "$SELLERS" | awk '{print $2}' | paste -sd,)

cell() { # $1 who, $2 url, $3 keys, $4 jvm pid, $5 run
  local jvm0 pg0 out
  load closed "$2" "$3" "$CLIENTS" "$WARMUP" 1 "warm$5-$1" >/dev/null 2>&1
  jvm0=$(cpu_ticks "$4")
  pg0=$(postgres_ticks "$PM")
  out=$(load closed "$2" "$3" "$CLIENTS" 0 "$DURATION" "run$5-$1")
  awk -v who="$1" -v d="$DURATION" -v ms="$TICK_MS" -v j=$(($(cpu_ticks "$4") - jvm0)) \
    -v p=$(($(postgres_ticks "$PM") - pg0)) \
    '{ n = $2 * d; printf "%s %s %s %s %s %s %.3f %.3f\n", who, $1, $2, $3, $4, $5, j * ms / n, p * ms / n }' <<<"$out"
}

echo "who clients creates/s p50_ms p99_ms errors jvm_cpu_ms/create postgres_cpu_ms/create"
for run in $(seq 1 "$RUNS"); do
  if [ "${PROFILE:-0}" = "$run" ]; then
    "$JCMD" "$SERVICE_PID" JFR.start name=cpu settings=profile filename="$RECORDING" >/dev/null
  fi
  cell service "$URL" "$SERVICE_KEYS" "$SERVICE_PID" "$run"
  cell baseline "$BASELINE_URL" "$BASELINE_KEYS" "$BASELINE_PID" "$run"
done
if [ "${PROFILE:-0}" != 0 ]; then
  "$JCMD" "$SERVICE_PID" JFR.stop name=cpu >/dev/null
  echo "recorded: $RECORDING" >&2
fi

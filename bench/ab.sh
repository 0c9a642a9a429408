#!/usr/bin/env bash
# A/B of two jars of the service under the closed loop of bench/src/Load.java: each jar on a port and an embedded
# database of its own, SELLERS sellers each, ROUNDS rounds, the order of the two swapped every round so that
# neither always runs on a machine the other just warmed or loaded. Prints each run, then per client count the
# medians and after/before ratios. Besides rates and latencies, the CPU each side spent per accepted create (the
# service's JVM, and its PostgreSQL: the postmaster and its backends), which other load on the machine blurs less
# than it blurs rates.
#
#   bench/ab.sh BEFORE_JAR AFTER_JAR
#   env: ROUNDS=4 CLIENTS=1,8 SELLERS=16 WARMUP=2 SECONDS_=6 JVM_OPTS="-XX:+UseZGC -Xms1g -Xmx1g"
#        PREWARM=30 (seconds of uncounted load on each side first, for the JIT)
#        PORT_BEFORE=18181 PORT_AFTER=18182
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE_JVM_OPTS=${JVM_OPTS:--XX:+UseZGC -Xms1g -Xmx1g}
source bench/lib.sh

BEFORE_JAR=$1
AFTER_JAR=$2
ROUNDS=${ROUNDS:-4}
CLIENTS=${CLIENTS:-1,8}
SELLERS=${SELLERS:-16}
WARMUP=${WARMUP:-2}
SECONDS_=${SECONDS_:-6}
PREWARM=${PREWARM:-30}
declare -A PORTS=([before]=${PORT_BEFORE:-18181} [after]=${PORT_AFTER:-18182})
declare -A JARS=([before]=$BEFORE_JAR [after]=$AFTER_JAR)
WORK=$(mktemp -d)
declare -A PIDS=()

service_ticks() { cpu_ticks "${PIDS[$1]}"; }
postgres_ticks_of() { postgres_ticks "$(head -n1 "$WORK/$1/postgres/postmaster.pid")"; }
creates() { # accepted creates so far, by the service's own meter
  curl -s -H "Authorization: Bearer $ADMIN" "http://127.0.0.1:${PORTS[$1]}/actuator/prometheus" |
    awk '/^registration_commands_seconds_count\{/ && /command="register_customer"/ && /outcome="accepted"/ { s += $2 }
         END { printf "%d\n", s }'
}

log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

cleanup() {
  local side
  for side in "${!PIDS[@]}"; do
    kill "${PIDS[$side]}" 2>/dev/null || true
    wait "${PIDS[$side]}" 2>/dev/null || true
    # The services' logs outlive the run, for what went wrong in it.
    cp "$WORK/$side.log" "${TMPDIR:-/tmp}/ab-$side.log" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

for side in before after; do
  log "starting $side: ${JARS[$side]} on port ${PORTS[$side]}"
  start_service "${JARS[$side]}" "$WORK/$side" "${PORTS[$side]}" "$WORK/$side.log"
  PIDS[$side]=$SERVICE_PID
  load seller "http://127.0.0.1:${PORTS[$side]}" "$ADMIN" enterprise "$SELLERS" | awk '{print $2}' | paste -sd, \
    >"$WORK/$side.keys"
done

for side in before after; do
  log "prewarming $side"
  load closed "http://127.0.0.1:${PORTS[$side]}" "$(cat "$WORK/$side.keys")" 8 "$PREWARM" 1 "warm-$side-" >/dev/null
done

echo "round side clients creates/s p50_ms p99_ms errors client_cpu_% service_cpu_ms/create postgres_cpu_ms/create"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then order="before after"; else order="after before"; fi
  for side in $order; do
    log "round $round: $side"
    for clients in ${CLIENTS//,/ }; do
      n0=$(creates "$side"); s0=$(service_ticks "$side"); p0=$(postgres_ticks_of "$side")
      line=$(load closed "http://127.0.0.1:${PORTS[$side]}" "$(cat "$WORK/$side.keys")" "$clients" "$WARMUP" \
        "$SECONDS_" "ab-$round-$side-$clients-")
      n1=$(creates "$side"); s1=$(service_ticks "$side"); p1=$(postgres_ticks_of "$side")
      echo "$round $side $line $(awk -v n=$((n1 - n0)) -v s=$((s1 - s0)) -v p=$((p1 - p0)) -v t="$TICK_MS" \
        'BEGIN { printf "%.3f %.3f", s * t / n, p * t / n }')" | tee -a "$WORK/runs.txt"
    done
  done
done

echo
# Medians of each side, and the median of the rounds' own ratios: the machine's load drifts, a round's pair less.
echo "clients | before creates/s | after creates/s | after/before | median of round ratios | before p50/p99 ms |" \
  "after p50/p99 ms | service CPU ms/create before / after | PostgreSQL CPU ms/create before / after"
for clients in ${CLIENTS//,/ }; do
  for side in before after; do
    for column in 4 5 6 9 10; do
      awk -v s="$side" -v c="$clients" -v k="$column" '$2 == s && $3 == c { print $k }' "$WORK/runs.txt" | median \
        >"$WORK/$side.$column"
    done
  done
  paired=$(awk -v c="$clients" '$3 == c { rate[$1 "," $2] = $4; rounds[$1] = 1 }
      END { for (r in rounds) print rate[r ",after"] / rate[r ",before"] }' "$WORK/runs.txt" | median)
  awk -v c="$clients" -v b="$(cat "$WORK/before.4")" -v a="$(cat "$WORK/after.4")" -v p="$paired" \
      -v b50="$(cat "$WORK/before.5")" -v b99="$(cat "$WORK/before.6")" \
      -v a50="$(cat "$WORK/after.5")" -v a99="$(cat "$WORK/after.6")" \
      -v bs="$(cat "$WORK/before.9")" -v as="$(cat "$WORK/after.9")" \
      -v bp="$(cat "$WORK/before.10")" -v ap="$(cat "$WORK/after.10")" \
      'BEGIN { printf "%s | %.0f | %.0f | %.2f | %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.2f / %.2f\n",
               c, b, a, a / b, p, b50, b99, a50, a99, bs, as, bp, ap }'
done

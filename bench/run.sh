#!/usr/bin/env bash
# Every benchmark of the service in one command; writes bench/reports/benchmarks.md.
# Builds the jar and the CRUD baseline (bench/baseline: the same create done the plain JDBC way, key lookup,
# SELECT ... FOR UPDATE on the seller, insert under a unique index, count, commit), then drives both over HTTP on
# loopback with bench/src/Load.java; the baseline runs beside the service on the service's embedded PostgreSQL, in
# a database of its own, and the two never take load at the same time (each cell runs on one, then the other):
#   1. service against baseline: creates/s and p50/p99 at 1, 8, 32 and 64 closed-loop clients, spread over 16
#      sellers and on one hot seller, and an open loop on the hot seller at half the service's hot peak against
#      both at the same fixed rate; pgbench's one-row inserts/s on the same PostgreSQL and the load generator's
#      own ceiling beside them;
#   2. sequential create latency in a seller holding 10 ... 1,000,000 customers (seeded over HTTP, timed);
#   3. list-page and get latency in that seller (the queries of bench/read-side.sh);
#   4. seeding up to EVENTS events, then full replays of the customer projection and of every read model, and a
#      verify;
#   5. time to the first 201 (bench/first-201.sh) and the resident memory of java and of postgres;
#   6. heap and snapshot bytes per customer of one seller's state (bench/state-size.sh).
# Figures are medians of RUNS runs. QUICK=1 shrinks every duration and count, for a smoke run.
#   bench/run.sh                 full size: see the README for how long it takes
#   QUICK=1 bench/run.sh         a few minutes
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

if [ "${QUICK:-0}" = 1 ]; then
  : "${RUNS:=2}" "${WARMUP:=1}" "${DURATION:=2}" "${OPEN_DURATION:=4}" "${OPEN_WARMUP:=2}" "${SIZES:=10 100 1000}" \
    "${CREATES:=50}" "${READS:=20}" "${EVENTS:=10000}" "${SEED_SELLERS:=16}" \
    "${STATE_SIZES:=1000000}" "${PREWARM:=2}"
fi
RUNS=${RUNS:-3}                          # runs per figure; the report gives their median
WARMUP=${WARMUP:-3}                      # seconds of uncounted load before each closed-loop cell
PREWARM=${PREWARM:-30}                   # seconds of uncounted load on each side before the first cell
DURATION=${DURATION:-10}                 # seconds measured per closed-loop cell and per pgbench cell
OPEN_DURATION=${OPEN_DURATION:-$((DURATION * 2))} # seconds of the open loop: its p99 needs the samples
OPEN_WARMUP=${OPEN_WARMUP:-15}           # seconds of uncounted open loop first: the client's JIT and connections
CLIENTS=${CLIENTS:-1 8 32 64}            # closed-loop client counts
SELLERS=${SELLERS:-16}                   # sellers of the spread layout
SIZES=${SIZES:-10 1000 10000 100000 1000000} # seller sizes of the latency ladder; the reads run at the last
CREATES=${CREATES:-500}                  # sequential creates measured per size and run
READS=${READS:-200}                      # requests per read query and run
SEED_CONCURRENCY=${SEED_CONCURRENCY:-64} # clients seeding over HTTP
SEED_SELLERS=${SEED_SELLERS:-4}          # sellers the bulk seeding spreads over: few, so group commit batches
EVENTS=${EVENTS:-1000000}                # events in the store before the replays, counting all earlier steps
STATE_SIZES=${STATE_SIZES:-10000 100000 1000000} # seller sizes whose state bench/state-size.sh weighs
PORT=${PORT:-18082}
URL=http://localhost:$PORT
BASELINE_PORT=${BASELINE_PORT:-18092}
BASELINE_URL=http://localhost:$BASELINE_PORT
BASELINE_JAR=bench/baseline/target/crud-baseline.jar
A="Authorization: Bearer $ADMIN"
JAR=bootstrap/target/customer-registration.jar
REPORT=bench/reports/benchmarks.md
BEGAN=$(date +%s)
WORK=$(mktemp -d)
# What is measured is what is checked out now: the jar is built from it below.
COMMIT=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain -- . ':!bench/reports')" ] || COMMIT="$COMMIT (with uncommitted changes)"

log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }
fmt() { awk -v v="$1" -v f="${2:-%.1f}" 'BEGIN { if (v == "n/a") print v; else printf f "\n", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f\n", a / b }'; }
verdict() { # $1 measured, $2 "<=" or ">=", $3 target
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v == "n/a") print "**n/a**"; else if ((op == ">=" && v + 0 >= t) || (op == "<=" && v + 0 <= t)) print "met";
    else print "**missed**" }'
}

cleanup() {
  [ -z "${SAMPLER:-}" ] || kill "$SAMPLER" 2>/dev/null || true
  if [ -n "${BASELINE_PID:-}" ]; then kill "$BASELINE_PID" 2>/dev/null || true; wait "$BASELINE_PID" 2>/dev/null || true; fi
  PID=${PID:-${SERVICE_PID:-}} # set by start_service before it is up
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  # The service stops its PostgreSQL on the way out; should one outlive a crash, stop it here, by its pid file.
  local pidfile="$WORK/data/postgres/postmaster.pid" pm
  if [ -f "$pidfile" ]; then
    pm=$(head -n1 "$pidfile")
    if grep -qs "$WORK" "/proc/$pm/cmdline"; then
      kill -INT "$pm" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    fi
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- prerequisites ------------------------------------------------------------------------------------------
# Debian's /usr/bin/pgbench is only a wrapper (postgresql-client-common); the program itself ships with the
# server package, postgresql-NN (postgresql-15 on bookworm), which the "postgresql" package pulls in, with psql.
# postgresql-client alone does not bring it.
if ! pgbench --version >/dev/null 2>&1 || ! psql --version >/dev/null 2>&1; then
  log "installing pgbench and psql"
  apt-get update && apt-get install -y --no-install-recommends postgresql
fi
log "building the jar and the CRUD baseline"
./dev build >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
# The baseline is no module of the product's build: its own POM, built with the same JDK and Maven.
JDK_HOME=$(./dev java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
if command -v mvn >/dev/null 2>&1; then MVN=mvn; else MVN=$PWD/mvnw; fi
JAVA_HOME=$JDK_HOME "$MVN" -B -ntp -q -f bench/baseline/pom.xml -DskipTests package >"$WORK/baseline-build.log" 2>&1 \
  || { cat "$WORK/baseline-build.log" >&2; exit 1; }

# --- 5a. time to the first 201, on a quiet machine ---------------------------------------------------------
for run in $(seq 1 "$RUNS"); do
  log "first 201, run $run"
  PORT=$((PORT + 1)) bench/first-201.sh "$JAR" >>"$WORK/first-201.txt"
done

# --- the service ------------------------------------------------------------------------------------------
log "starting the service"
echo idle >"$WORK/phase"
start_service "$JAR" "$WORK/data" "$PORT" "$WORK/service.log"
PID=$SERVICE_PID
embedded_postgres "$WORK/data" "$WORK/service.log"
psql_() { psql -h 127.0.0.1 -p "$PGPORT" -U postgres -X -At postgres "$@"; }

# The CRUD baseline, in a database of its own on the same server, with the same JVM options.
log "starting the CRUD baseline"
start_baseline "$BASELINE_JAR" "$BASELINE_PORT" "$WORK/baseline.log"

# Resident memory once a second, tagged with the phase under way: java's VmRSS; for postgres (the postmaster
# and its children) the VmRSS summed, which counts the shared buffers once per process that touched them, and
# the Pss summed, which splits shared pages among their users and so adds up to what postgres really holds.
sum_of() { # $1 field, $2 file under /proc/PID, then pids
  local field=$1 file=$2 p; shift 2
  for p; do cat "/proc/$p/$file" 2>/dev/null; done | awk -v f="$field:" '$1 == f { s += $2 } END { print s + 0 }'
}
sample_memory() {
  local pids
  while kill -0 "$PID" 2>/dev/null; do
    pids="$PM $(ps -o pid= --ppid "$PM" | tr '\n' ' ')"
    echo "$(cat "$WORK/phase") $(sum_of VmRSS status "$PID") $(sum_of VmRSS status $pids)" \
         "$(sum_of Pss smaps_rollup $pids) $(echo $pids | wc -w)"
    sleep 1
  done >>"$WORK/memory.txt"
}
sample_memory &
SAMPLER=$!
phase() { echo "$1" >"$WORK/phase"; log "$1"; }

load seller "$URL" "$ADMIN" enterprise "$SELLERS" >"$WORK/spread-sellers.txt"
read -r _ HOT_KEY < <(load seller "$URL" "$ADMIN" enterprise)
SPREAD_KEYS=$(awk '{print $2}' "$WORK/spread-sellers.txt" | paste -sd,)
load seller "$BASELINE_URL" "$ADMIN" enterprise "$SELLERS" >"$WORK/baseline-spread-sellers.txt"
read -r _ BASELINE_HOT_KEY < <(load seller "$BASELINE_URL" "$ADMIN" enterprise)
BASELINE_SPREAD_KEYS=$(awk '{print $2}' "$WORK/baseline-spread-sellers.txt" | paste -sd,)
sleep 5 # a few idle samples

# Both JVMs' JIT warmed before anything counts, so that the first run is not the cold one: the service has
# more code to compile than the baseline and would otherwise lose its first cells to that alone.
phase "prewarming the service and the baseline"
load closed "$URL" "$SPREAD_KEYS" 8 "$PREWARM" 1 "prewarm-service" >/dev/null
load closed "$BASELINE_URL" "$BASELINE_SPREAD_KEYS" 8 "$PREWARM" 1 "prewarm-baseline" >/dev/null

# --- 1. create throughput beside pgbench ------------------------------------------------------------------
# pgbench's ceiling: one-row insert transactions into a scratch table of about a customer row's size, on the same
# server and with its settings.
psql_ -c "CREATE TABLE bench_pgbench_insert (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), client int NOT NULL,
          payload text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())" >/dev/null
echo "INSERT INTO bench_pgbench_insert (client, payload) VALUES (:client_id, repeat('x', 300));" >"$WORK/insert.sql"
pgbench_() { (cd "$WORK" && pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -n -f insert.sql -j 2 "$@" postgres); }
CSV=$(echo $CLIENTS | tr ' ' ',')
for run in $(seq 1 "$RUNS"); do
  phase "creates: closed loop, run $run"
  # Cell by cell, the service and then the baseline: neither measures while the other is loaded, and both meet
  # the machine in the same state. Layouts b* are the baseline's.
  for c in $CLIENTS; do
    load closed "$URL" "$SPREAD_KEYS" "$c" "$WARMUP" "$DURATION" "r$run-spread-c$c" | sed "s/^/spread $run /" \
      | tee -a "$WORK/closed.txt"
    load closed "$BASELINE_URL" "$BASELINE_SPREAD_KEYS" "$c" "$WARMUP" "$DURATION" "r$run-spread-c$c" \
      | sed "s/^/bspread $run /" | tee -a "$WORK/closed.txt"
    load closed "$URL" "$HOT_KEY" "$c" "$WARMUP" "$DURATION" "r$run-hot-c$c" | sed "s/^/hot $run /" \
      | tee -a "$WORK/closed.txt"
    load closed "$BASELINE_URL" "$BASELINE_HOT_KEY" "$c" "$WARMUP" "$DURATION" "r$run-hot-c$c" \
      | sed "s/^/bhot $run /" | tee -a "$WORK/closed.txt"
  done
  phase "client ceiling, run $run"
  load ceiling "$CSV" "$WARMUP" "$DURATION" | sed "s/^/ceiling $run /" | tee -a "$WORK/closed.txt"
  phase "pgbench, run $run"
  for c in $CLIENTS; do
    pgbench_ -c "$c" -T "$WARMUP" >/dev/null
    pgbench_ -c "$c" -T "$DURATION" >"$WORK/pgbench.out"
    echo "$run $c $(sed -nE 's/^tps = ([0-9.]+).*/\1/p' "$WORK/pgbench.out")" \
         "$(sed -nE 's/^latency average = ([0-9.]+) ms/\1/p' "$WORK/pgbench.out")" | tee -a "$WORK/pgbench.txt"
  done
done
cell() { # $1 layout, $2 clients, $3 column (4 rate, 5 p50, 6 p99, 7 errors, 8 client CPU): median over runs
  awk -v l="$1" -v c="$2" -v k="$3" '$1 == l && $3 == c { print $k }' "$WORK/closed.txt" | median
}
PEAK=0; PEAK_CLIENTS=0
for c in $CLIENTS; do
  rate=$(cell hot "$c" 4)
  if awk -v r="$rate" -v p="$PEAK" 'BEGIN { exit !(r != "n/a" && r + 0 > p + 0) }'; then PEAK=$rate; PEAK_CLIENTS=$c; fi
done
# Half the peak, as a fixed arrival rate: the closed loop's p99 at its peak is taken at full saturation.
HALF=$(awk -v p="$PEAK" 'BEGIN { h = p / 2; printf "%.1f\n", h < 1 ? 1 : h }')
for run in $(seq 1 "$RUNS"); do
  phase "creates: open loop at $HALF/s, run $run"
  LOAD_TIMELINE="$WORK/open-timeline-$run.txt" load open "$URL" "$HOT_KEY" "$HALF" "$OPEN_WARMUP" "$OPEN_DURATION" \
    "r$run-open" | tee -a "$WORK/open.txt"
  LOAD_TIMELINE="$WORK/baseline-open-timeline-$run.txt" load open "$BASELINE_URL" "$BASELINE_HOT_KEY" "$HALF" \
    "$OPEN_WARMUP" "$OPEN_DURATION" "r$run-open" | tee -a "$WORK/baseline-open.txt"
done
open_() { awk -v k="$1" '{ print $k }' "$WORK/open.txt" | median; }
baseline_open() { awk -v k="$1" '{ print $k }' "$WORK/baseline-open.txt" | median; }
# The database alone at that rate, for scale: pgbench's one-row insert transactions arriving at the same fixed
# rate (64 clients, each transaction timed from when it was due: its schedule lag plus its own time), on the same
# PostgreSQL with the service up and idle.
for run in $(seq 1 "$RUNS"); do
  phase "pgbench: open loop at $HALF/s, run $run"
  pgbench_ -c 64 -R "$HALF" -T "$WARMUP" >/dev/null
  rm -f "$WORK"/pgbench_log.*
  pgbench_ -c 64 -R "$HALF" -T "$OPEN_DURATION" -l >/dev/null
  cat "$WORK"/pgbench_log.* | awk '{ print ($3 + $7) / 1000 }' | sort -g | awk -v run="$run" '{ v[NR] = $1 } END {
    printf "%s %d %.2f %.2f %.2f\n", run, NR, v[int((NR + 1) * 0.5)], v[int(NR * 0.99)], v[int(NR * 0.999)] }' \
    | tee -a "$WORK/pgbench-open.txt"
done
rm -f "$WORK"/pgbench_log.*
psql_ -c "DROP TABLE bench_pgbench_insert" >/dev/null
# The baseline has had its say; its heap is not the service's to share for the rest.
kill "$BASELINE_PID"; wait "$BASELINE_PID" 2>/dev/null || true; BASELINE_PID=
pgbench_open() { awk -v k="$1" '{ print $k }' "$WORK/pgbench-open.txt" | median; }

# --- 2. create latency by seller size; 3. reads at the largest -----------------------------------------------
read -r LADDER_ID LADDER_KEY < <(load seller "$URL" "$ADMIN" enterprise)
customers() { curl -s "$URL/admin/sellers/$LADDER_ID" -H "$A" | sed -E 's/.*"customer_count":([0-9]+).*/\1/'; }
: >"$WORK/ladder-seed.txt"
SEEDED=0 # customers c0@example.com ... seeded so far; the measured creates add more under other names
for size in $SIZES; do
  have=$(customers)
  if [ "$size" -gt "$have" ]; then
    phase "seeding the ladder seller to $size"
    # Over HTTP, as a client would, with as many clients as the bulk seeding: one seller's creates are grouped
    # into few transactions (group commit), which is what makes a million of them take minutes, not hours.
    echo "$size $(load seed "$URL" "$LADDER_KEY" $((size - have)) "$SEED_CONCURRENCY" c "$SEEDED")" \
      | tee -a "$WORK/ladder-seed.txt" >&2
    SEEDED=$((SEEDED + size - have))
  fi
  phase "sequential creates at $size customers"
  for run in $(seq 1 "$RUNS"); do
    echo "$size $run $(customers) $(load creates "$URL" "$LADDER_KEY" "$CREATES" "lat$size-r$run-")" \
      | tee -a "$WORK/ladder.txt"
  done
done
LARGEST=$(echo $SIZES | awk '{ print $NF }')
SMALLEST=$(echo $SIZES | awk '{ print $1 }')
ladder() { awk -v s="$1" -v k="$2" '$1 == s { print $k }' "$WORK/ladder.txt" | median; }

phase "reads at $LARGEST customers"
id_of() { curl -s "$URL/api/customers?$1" -H "X-API-Key: $LADDER_KEY" | sed -E 's/.*"id":"([^"]+)".*/\1/'; }
FIRST=$(id_of "limit=1")
MIDDLE=$(id_of "limit=1&q=c$((SEEDED / 2))%40")
QUERIES=("/api/customers" "/api/customers?limit=100" "/api/customers?starting_after=$MIDDLE"
  "/api/customers?status=inactive" "/api/customers?email=C$((SEEDED / 3))@EXAMPLE.COM"
  "/api/customers?q=company%204999" "/api/customers?q=nobody-has-this" "/api/customers/$FIRST")
for run in $(seq 1 "$RUNS"); do
  load latency "$URL" "$LADDER_KEY" "$READS" "${QUERIES[@]}" | tee -a "$WORK/reads.txt"
done

# --- 4. seed up to EVENTS events, then replay ------------------------------------------------------------------
head_() { curl -s "$URL/admin/projections" -H "$A" | sed -E 's/.*"head":([0-9]+).*/\1/'; }
load seller "$URL" "$ADMIN" enterprise "$SEED_SELLERS" >"$WORK/bulk-sellers.txt"
BULK_KEYS=$(awk '{print $2}' "$WORK/bulk-sellers.txt" | paste -sd,)
BULK=0
HEAD_BEFORE=$(head_)
for _ in 1 2 3; do # a create is one event; should some fail, the next round makes up for them
  missing=$(( EVENTS - $(head_) ))
  [ "$missing" -gt 0 ] || break
  phase "seeding $missing customers over $SEED_SELLERS sellers"
  load seed "$URL" "$BULK_KEYS" "$missing" "$SEED_CONCURRENCY" bulk "$BULK" | tee -a "$WORK/seed.txt"
  BULK=$((BULK + missing))
done
[ -s "$WORK/seed.txt" ] || echo "nothing to seed" >"$WORK/seed.txt"
# The customer projection (the customer table alone) is what the replay target names; every read model (the
# customer table, the histories, sellers and keys), what an audit replays, runs beside it.
for projection in customers read-models; do
  for run in $(seq 1 "$RUNS"); do
    phase "replay of $projection, run $run"
    curl -sf -X POST "$URL/admin/projections/$projection/replay" -H "$A" >/dev/null
    start=$(date +%s.%N)
    while curl -s "$URL/admin/projections" -H "$A" | grep -q '"replaying":true'; do
      kill -0 "$PID" 2>/dev/null || { tail -n 50 "$WORK/service.log" >&2; exit 1; }
      sleep 0.5
    done
    status=$(curl -s "$URL/admin/projections" -H "$A" | grep -o "{\"name\":\"$projection\"[^}]*}")
    echo "$projection $run $(echo "$status" | sed -E 's/.*"head":([0-9]+).*/\1/')" \
         "$(echo "$status" | sed -E 's/.*"events_per_second":([0-9]+).*/\1/')" \
         "$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')" | tee -a "$WORK/replay.txt"
  done
done
phase "verify"
start=$(date +%s.%N)
VERIFY=$(curl -s -X POST "$URL/admin/projections/read-models/verify" -H "$A")
VERIFY_SECONDS=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "$VERIFY" | cut -c1-300 >&2
phase "stopping"
sleep 3
IDLE_AFTER=$(tail -n1 "$WORK/memory.txt")

# --- the report ---------------------------------------------------------------------------------------------
PG_VERSION=$(psql_ -c "SHOW server_version" | awk '{ print $1 }')
PG_SETTINGS=$(psql_ -c "SELECT string_agg(name || ' = ' || current_setting(name), ', ' ORDER BY name)
  FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers', 'max_connections')")
kill "$SAMPLER" 2>/dev/null || true; SAMPLER=
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
# 6. The seller's state, weighed in JVMs of its own, once the service has stopped.
log "weighing the seller state"
SIZES="$STATE_SIZES" bench/state-size.sh >"$WORK/state-size.txt"

memory() { # $1 phase pattern: the largest sample of each column in that phase, in MiB
  awk -v p="$1" '$0 ~ "^" p { n = NF; for (i = 0; i < 4; i++) if ($(n - 3 + i) > m[i]) m[i] = $(n - 3 + i) }
    END { printf "%.0f | %.0f | %.0f | %d\n", m[0] / 1024, m[1] / 1024, m[2] / 1024, m[3] }' "$WORK/memory.txt"
}
MINUTES=$(( ($(date +%s) - BEGAN + 59) / 60 ))
HOT_P99_HALF=$(open_ 4)
P50_RATIO=$(ratio "$(ladder "$LARGEST" 4)" "$(ladder "$SMALLEST" 4)")
P99_RATIO=$(ratio "$(ladder "$LARGEST" 5)" "$(ladder "$SMALLEST" 5)")
replay_rate() { awk -v p="$1" '$1 == p { print $4 }' "$WORK/replay.txt" | median; }
REPLAY_RATE=$(replay_rate customers)
ALL_REPLAY_RATE=$(replay_rate read-models)
mkdir -p bench/reports
{
  echo "# Benchmarks"
  echo
  if [ "${QUICK:-0}" = 1 ]; then
    echo "**QUICK=1: a smoke run with small durations and counts; its figures say little.**"
    echo
  fi
  echo "\`bench/run.sh\`, $(date -u +%Y-%m-%dT%H:%MZ), $MINUTES min. Every figure is the median of $RUNS runs."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| service | commit \`$COMMIT\`, the packaged jar (\`java $SERVICE_JVM_OPTS -jar\`), per-key rate limit lifted |"
  echo "| machine | $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)," \
       "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM |"
  echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r) |"
  echo "| JDK | $(./dev java -version 2>&1 | head -n1) |"
  echo "| PostgreSQL | $PG_VERSION, the service's embedded server on the same machine: $PG_SETTINGS |"
  echo "| load | bench/src/Load.java on the same machine, over loopback, HTTP/1.1 keep-alive sockets; $(pgbench --version) |"
  echo
  echo "## 1. The service against the CRUD baseline"
  echo
  echo "The same \`POST /api/customers\` against this service and against bench/baseline (plain Spring Boot + JDBC:" \
       "key lookup, \`SELECT ... FOR UPDATE\` on the seller, insert under a unique index on the email, count" \
       "raised, commit; same JVM options, its own database on the same PostgreSQL server). After $PREWARM s of" \
       "uncounted load on each (8 clients, spread), closed loop, $WARMUP s of warm-up then $DURATION s per" \
       "cell, each cell on the service and then on the baseline, never both at once. Ratio: the service's" \
       "creates/s per the baseline's."
  echo
  echo "| layout | clients | service creates/s | baseline creates/s | ratio | service p50 ms | baseline p50 ms" \
       "| service p99 ms | baseline p99 ms |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for layout in spread hot; do
    for c in $CLIENTS; do
      echo "| $layout | $c | $(fmt "$(cell "$layout" "$c" 4)") | $(fmt "$(cell "b$layout" "$c" 4)")" \
           "| **$(ratio "$(cell "$layout" "$c" 4)" "$(cell "b$layout" "$c" 4)")**" \
           "| $(fmt "$(cell "$layout" "$c" 5)" %.2f) | $(fmt "$(cell "b$layout" "$c" 5)" %.2f)" \
           "| $(fmt "$(cell "$layout" "$c" 6)" %.2f) | $(fmt "$(cell "b$layout" "$c" 6)" %.2f) |"
    done
  done
  echo "| open loop, hot, $HALF/s | - | $(fmt "$(open_ 2)") | $(fmt "$(baseline_open 2)") | - |" \
       "$(fmt "$(open_ 3)" %.2f) | $(fmt "$(baseline_open 3)" %.2f) | **$(fmt "$HOT_P99_HALF" %.2f)**" \
       "| **$(fmt "$(baseline_open 4)" %.2f)** |"
  echo
  echo "Spread: creates in turn over $SELLERS sellers; hot: all on one seller. Open loop: a fixed $HALF creates/s" \
       "(half the service's hot peak, $(fmt "$PEAK") creates/s at $PEAK_CLIENTS clients) on the hot seller, the" \
       "same rate against both, $OPEN_WARMUP s uncounted then $OPEN_DURATION s, each create timed from when it was" \
       "due. Errors over all cells: service $(awk '$1 ~ /^(spread|hot)$/ { s += $7 } END { print s + 0 }' "$WORK/closed.txt")," \
       "baseline $(awk '$1 ~ /^b(spread|hot)$/ { s += $7 } END { print s + 0 }' "$WORK/closed.txt"); open loop:" \
       "service $(awk '{ s += $5 } END { print s + 0 }' "$WORK/open.txt")," \
       "baseline $(awk '{ s += $5 } END { print s + 0 }' "$WORK/baseline-open.txt")."
  echo
  echo "## Targets"
  echo
  echo "| target | measured | |"
  echo "|---|---|---|"
  for c in $CLIENTS; do
    r=$(ratio "$(cell spread "$c" 4)" "$(cell bspread "$c" 4)")
    echo "| spread over $SELLERS sellers, clients: $c; creates/s >= 1.0x the baseline's | ${r}x | $(verdict "$r" '>=' 1.0) |"
  done
  for target in "1 1.0" "64 3.0"; do
    read -r c want <<<"$target"
    r=$(ratio "$(cell hot "$c" 4)" "$(cell bhot "$c" 4)")
    echo "| one hot seller, clients: $c; creates/s >= ${want}x the baseline's | ${r}x | $(verdict "$r" '>=' "$want") |"
  done
  r=$(ratio "$(cell spread 1 6)" "$(cell bspread 1 6)")
  echo "| p99 at 1 client (spread) <= 1.5x the baseline's | ${r}x ($(fmt "$(cell spread 1 6)" %.2f) against" \
       "$(fmt "$(cell bspread 1 6)" %.2f) ms) | $(verdict "$r" '<=' 1.5) |"
  r=$(ratio "$HOT_P99_HALF" "$(baseline_open 4)")
  echo "| open loop at half the hot peak ($HALF/s): p99 <= 1.5x the baseline's at the same rate | ${r}x" \
       "($(fmt "$HOT_P99_HALF" %.2f) against $(fmt "$(baseline_open 4)" %.2f) ms) | $(verdict "$r" '<=' 1.5) |"
  echo "| create p50 at $LARGEST customers / at $SMALLEST <= 1.5 | $P50_RATIO (p99: $P99_RATIO) |" \
       "$(verdict "$P50_RATIO" '<=' 1.5) |"
  read -r STATE_N STATE_HEAP STATE_SNAPSHOT < <(awk 'NR > 1 && NF == 3' "$WORK/state-size.txt" | tail -n1)
  for part in "heap $STATE_HEAP" "snapshot $STATE_SNAPSHOT"; do
    read -r what bytes <<<"$part"
    mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b * 1000000 / 1048576 }')
    echo "| a seller of 1,000,000 customers: $what <= 64 MiB | $mib MiB ($bytes bytes a customer, weighed at" \
         "$STATE_N) | $(verdict "$mib" '<=' 64) |"
  done
  echo "| full replay of the customer projection >= 25,000 events/s (today's) | $(fmt "$REPLAY_RATE" %.0f) events/s" \
       "| $(verdict "$REPLAY_RATE" '>=' 25000) |"
  echo "| full replay of every read model >= 13,000 events/s (today's) | $(fmt "$ALL_REPLAY_RATE" %.0f) events/s" \
       "| $(verdict "$ALL_REPLAY_RATE" '>=' 13000) |"
  echo
  echo "What bounds a missed target, profiled, and the next step: [profile-create.md](profile-create.md) for the" \
       "creates (one client, eight clients over sixteen sellers, one hot seller at 64);" \
       "[sealing-cost.md](sealing-cost.md) for the replays (the customer events are sealed since issue 18, and" \
       "decode at about 0.9x the plaintext rate). One client's rate moves by up to 1.3x between runs of one jar" \
       "here, for the baseline as for the service."
  echo
  echo "## 1b. Create throughput beside pgbench"
  echo
  echo "Closed loop: each client sends its next \`POST /api/customers\` when the last one answered; $WARMUP s of" \
       "warm-up, then $DURATION s measured per cell. Latency is the client's, request sent to answer read; only" \
       "201s count. Spread: creates in turn over $SELLERS sellers; hot: all on one seller. pgbench: one-row" \
       "\`INSERT\` transactions into a scratch table on the service's own PostgreSQL, \`pgbench -n -f insert.sql" \
       "-c C -j 2 -T $DURATION\`, after $WARMUP s of the same. Ratio: service creates/s per pgbench insert/s." \
       "Client ceiling: the same closed loop against a server in the load generator's JVM that answers 201 at" \
       "once, a lower bound of what the client can send here."
  echo
  echo "| clients | spread creates/s | p50 ms | p99 ms | hot creates/s | p50 ms | p99 ms | pgbench inserts/s" \
       "| pgbench avg ms | spread/pgbench | hot/pgbench | errors | client CPU | client ceiling/s |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for c in $CLIENTS; do
    pg=$(awk -v c="$c" '$2 == c { print $3 }' "$WORK/pgbench.txt" | median)
    pgl=$(awk -v c="$c" '$2 == c { print $4 }' "$WORK/pgbench.txt" | median)
    errors=$(awk -v c="$c" '$1 ~ /^(spread|hot)$/ && $3 == c { s += $7 } END { print s + 0 }' "$WORK/closed.txt")
    cpu=$(awk -v c="$c" '$1 ~ /^(spread|hot)$/ && $3 == c && $8 > m { m = $8 } END { print m + 0 }' "$WORK/closed.txt")
    echo "| $c | $(fmt "$(cell spread "$c" 4)") | $(fmt "$(cell spread "$c" 5)" %.2f)" \
         "| $(fmt "$(cell spread "$c" 6)" %.2f) | $(fmt "$(cell hot "$c" 4)") | $(fmt "$(cell hot "$c" 5)" %.2f)" \
         "| $(fmt "$(cell hot "$c" 6)" %.2f) | $(fmt "$pg" %.0f) | $(fmt "$pgl" %.3f)" \
         "| $(ratio "$(cell spread "$c" 4)" "$pg") | $(ratio "$(cell hot "$c" 4)" "$pg") | $errors | ${cpu}%" \
         "| $(fmt "$(cell ceiling "$c" 4)" %.0f) |"
  done
  echo
  echo "Errors: answers other than 201 (or none) over all runs of both layouts. Client CPU: the most the load" \
       "generator used of all the machine's cores in any cell; it shares them with the service and PostgreSQL."
  echo
  echo "Open loop at half the hot peak: creates on the hot seller at a fixed $HALF/s, $OPEN_WARMUP s uncounted" \
       "and then $OPEN_DURATION s measured, each timed from the moment it was due, so a stall delays the requests" \
       "behind it in the figures too: **$(fmt "$(open_ 2)") creates/s** answered, p50 $(fmt "$(open_ 3)" %.2f) ms," \
       "**p99 $(fmt "$HOT_P99_HALF" %.2f) ms**, $(awk '{ s += $5 } END { print s + 0 }' "$WORK/open.txt") errors." \
       "Per-second p99 of each run (ms), to tell a steady tail from a stall:"
  echo
  for run in $(seq 1 "$RUNS"); do
    echo "- run $run: $(awk '!/^#/ { printf "%s%.0f", (n++ ? " " : ""), $4 }' "$WORK/open-timeline-$run.txt")"
  done
  echo
  echo "The database alone at the same rate, for scale: pgbench's one-row \`INSERT\` transactions arriving at a fixed" \
       "$HALF/s (\`pgbench -c 64 -j 2 -R $HALF -T $OPEN_DURATION -l\`, after $WARMUP s of the same), each timed" \
       "from when it was due (schedule lag plus transaction time), with the service up and idle:"
  echo
  echo "| run | transactions | p50 ms | p99 ms | p99.9 ms |"
  echo "|---|---|---|---|---|"
  awk '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$WORK/pgbench-open.txt"
  echo
  echo "Median p99 **$(fmt "$(pgbench_open 4)" %.2f) ms**. pgbench commits each row on its own; a create commits" \
       "its event, the customer row and its history row, often with other creates of the seller in the same" \
       "transaction (group commit)."
  echo
  echo "## 2. Create latency by seller size"
  echo
  echo "$CREATES creates one at a time (after $((CREATES / 10)) uncounted), in one seller; each run adds its" \
       "creates to the seller."
  echo
  echo "| customers in the seller | p50 ms | p99 ms |"
  echo "|---|---|---|"
  for size in $SIZES; do
    echo "| $(awk -v s="$size" '$1 == s && $2 == 1 { print $3 }' "$WORK/ladder.txt") |" \
         "$(fmt "$(ladder "$size" 4)" %.2f) | $(fmt "$(ladder "$size" 5)" %.2f) |"
  done
  echo
  echo "At $LARGEST against $SMALLEST: p50 **$P50_RATIO** times, p99 $P99_RATIO times."
  echo
  echo "Seeding the seller up to each size, over HTTP by $SEED_CONCURRENCY clients (size: what the seeding printed):"
  echo
  sed 's/^/- /' "$WORK/ladder-seed.txt"
  echo
  echo "## 3. Reads at $LARGEST customers"
  echo
  echo "Each query $READS times one at a time (after $((READS / 10)) uncounted), in the seller of section 2."
  echo
  echo "| query | p50 ms | p99 ms |"
  echo "|---|---|---|"
  for q in "${QUERIES[@]}"; do
    shown=${q//$MIDDLE/<middle>}; shown=${shown//$FIRST/<id>}
    echo "| \`$shown\` | $(fmt "$(awk -v q="$q" '$1 == q { print $2 }' "$WORK/reads.txt" | median)" %.2f) |" \
         "$(fmt "$(awk -v q="$q" '$1 == q { print $3 }' "$WORK/reads.txt" | median)" %.2f) |"
  done
  echo
  echo "## 4. Replay"
  echo
  echo "The earlier steps left $HEAD_BEFORE events in the store; seeding over HTTP up to $EVENTS, in creates" \
       "spread over $SEED_SELLERS sellers by $SEED_CONCURRENCY clients: $(sed 's/ statuses/, statuses/' "$WORK/seed.txt" | paste -sd';')."
  echo "Then \`POST /admin/projections/{name}/replay\`, with the service up and idle, polled until done, $RUNS times" \
       "each: \`customers\` (the customer table, the projection the target names) and \`read-models\` (every read" \
       "model: customers, their event histories, sellers and keys, what an audit replays):"
  echo
  echo "| projection | run | events | events/s (the service's figure) | wall s |"
  echo "|---|---|---|---|---|"
  awk '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5 }' "$WORK/replay.txt"
  echo
  echo "Medians: customers **$(fmt "$REPLAY_RATE" %.0f) events/s**, every read model" \
       "**$(fmt "$ALL_REPLAY_RATE" %.0f) events/s**. Verify of every read model afterwards (itself a full replay, compared" \
       "instead of swapped in, $VERIFY_SECONDS s): \`$(echo "$VERIFY" | cut -c1-200)\`"
  echo
  echo "## 5. Start-up and memory"
  echo
  echo "From \`java -jar\` to the first 201 (bench/first-201.sh): fresh data directory" \
       "**$(fmt "$(sed -nE 's/^fresh-database: ([0-9.]+) s.*/\1/p' "$WORK/first-201.txt" | median)") s**," \
       "restart on the same data $(fmt "$(sed -nE 's/^restart: ([0-9.]+) s.*/\1/p' "$WORK/first-201.txt" | median)")" \
       "s; measured before the benchmarks' own service starts."
  echo
  echo "Resident memory, sampled once a second from /proc, largest sample per phase. postgres: the postmaster and" \
       "all its children; RSS summed counts shared buffers once per process, PSS summed counts them once."
  echo
  echo "| phase | java RSS MiB | postgres RSS MiB (sum) | postgres PSS MiB (sum) | postgres processes |"
  echo "|---|---|---|---|---|"
  echo "| idle, after start | $(memory idle) |"
  echo "| closed- and open-loop creates (peak under load) | $(memory creates) |"
  echo "| pgbench (its own backends included) | $(memory pgbench) |"
  echo "| seeding, and sequential creates in the ladder | $(memory 'seeding|sequential') |"
  echo "| reads | $(memory reads) |"
  echo "| replays and verify | $(memory 'replay|verify') |"
  echo "| idle, at the end | $(echo "$IDLE_AFTER" | awk '{ n = NF; printf "%.0f | %.0f | %.0f | %d", $(n-3)/1024, $(n-2)/1024, $(n-1)/1024, $n }') |"
  echo
  echo "## 6. The seller's state"
  echo
  echo "Heap and snapshot bytes per customer of one seller's state (bench/state-size.sh: the state built from" \
       "its events in a JVM of its own, live heap after a full collection less the same before; the snapshot as" \
       "serialised for the event store):"
  echo
  echo "| customers | heap bytes/customer | snapshot bytes/customer |"
  echo "|---|---|---|"
  awk 'NR > 1 && NF == 3 { printf "| %s | %s | %s |\n", $1, $2, $3 }' "$WORK/state-size.txt"
  echo
  tail -n1 "$WORK/state-size.txt"
} >"$REPORT"
cat "$REPORT"

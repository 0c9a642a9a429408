# What the benchmarks share: sourced by bench/*.sh from the repository's root (they cd there first).
# shellcheck shell=bash

ADMIN=bench-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0
# The service's JVM, as README recommends running it: a heap of fixed size (a growing and shrinking G1 heap paid
# page faults inside its pauses) and ZGC, whose pauses stay under a millisecond.
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--XX:+UseZGC -Xms2g -Xmx2g}

load() { ./dev java bench/src/Load.java "$@"; }
median() { # the median of the numbers on stdin, or n/a
  grep -Eiv 'nan|^$' | sort -g | awk '{v[NR] = $1} END {
    if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# Starts a jar of the service on a fresh embedded database, the per-key rate limit lifted (the service is
# measured, not the limit), and waits until it is healthy; its pid is left in SERVICE_PID.
#   start_service JAR DATA_DIR PORT LOG [more arguments for the service]
start_service() {
  local jar=$1 data=$2 port=$3 log=$4
  shift 4
  # shellcheck disable=SC2086 # the options are words
  DATA_DIR="$data" SERVER_PORT=$port ADMIN_TOKEN=$ADMIN ./dev java $SERVICE_JVM_OPTS -jar "$jar" \
    --registration.demo.enabled=false \
    --registration.http.rate-limit.requests-per-second=1000000 --registration.http.rate-limit.burst=1000000 \
    "$@" >"$log" 2>&1 &
  SERVICE_PID=$! # ./dev execs java: this is the java process
  await_up "the service" "$SERVICE_PID" "$log" curl -sf -o /dev/null "http://localhost:$port/actuator/health"
}

# The embedded PostgreSQL of a service started with DATA_DIR and logging to LOG: sets PGPORT, PM (the
# postmaster's pid) and exports PGPASSWORD (the superuser's), for psql and pgbench.
#   embedded_postgres DATA_DIR LOG
embedded_postgres() {
  PGPORT=$(sed -nE 's/.*embedded PostgreSQL on port ([0-9]+).*/\1/p' "$2" | head -n1)
  PM=$(head -n1 "$1/postgres/postmaster.pid")
  PGPASSWORD=$(sed -n 's/^superuser\.password=//p' "$1/postgres-credentials.properties")
  export PGPASSWORD
}

# bench/baseline's jar, in a database of its own on the embedded PostgreSQL found by embedded_postgres, with the
# service's JVM options; waits until it answers and leaves its pid in BASELINE_PID.
#   start_baseline JAR PORT LOG
start_baseline() {
  psql -h 127.0.0.1 -p "$PGPORT" -U postgres -X -At postgres -c "CREATE DATABASE baseline" >/dev/null
  # shellcheck disable=SC2086 # the options are words
  BASELINE_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/baseline" BASELINE_DATASOURCE_PASSWORD=$PGPASSWORD \
    PORT=$2 ADMIN_TOKEN=$ADMIN ./dev java $SERVICE_JVM_OPTS -jar "$1" >"$3" 2>&1 &
  BASELINE_PID=$!
  # Any HTTP answer means it is up: it has no health endpoint, and a GET of the create's route answers 405.
  await_up "the baseline" "$BASELINE_PID" "$3" curl -s -o /dev/null "http://localhost:$2/api/customers"
}

# Waits until the command succeeds, while the process lives and for 300 s at most; else shows its log's end.
#   await_up WHAT PID LOG COMMAND...
await_up() {
  local what=$1 pid=$2 log=$3 started=$SECONDS
  shift 3
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null || [ $((SECONDS - started)) -gt 300 ]; then
      echo "$what did not come up; the end of its log:" >&2
      tail -n 40 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# CPU ticks (user + system) the processes spent, with what their reaped children spent (PostgreSQL's ended
# backends); a tick is TICK_MS milliseconds.
cpu_ticks() {
  local p
  for p; do cat "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $14 + $15 + $16 + $17 } END { print s + 0 }'
}
postgres_ticks() { # $1 the postmaster's pid: it and its backends
  # shellcheck disable=SC2046 # the pids are words
  cpu_ticks "$1" $(ps -o pid= --ppid "$1")
}
TICK_MS=$((1000 / $(getconf CLK_TCK)))

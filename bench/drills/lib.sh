# Shared by the failure drills (sourced, not run): the packaged service on a fresh data directory with its
# embedded PostgreSQL, the drill client, and a cleanup that leaves no Java process or PostgreSQL server behind.
# Expects PORT; sets URL, ADMIN, WORK, DATA_DIR, PGDATA; PID is the service's java, LOAD the drill client's.

JAR=bootstrap/target/customer-registration.jar
ADMIN=drill-admin-token-0f1e2d3c4b5a69788796a5b4c3d2e1f0
URL=http://localhost:$PORT
WORK=$(mktemp -d "${TMPDIR:-/tmp}/drill.XXXXXX")
DATA_DIR=$WORK/data
PGDATA=$DATA_DIR/postgres
# How long the service may take to answer /actuator/health UP after `java -jar`.
START_TIMEOUT=${START_TIMEOUT:-180}
PID=
LOAD=
[ -f "$JAR" ] || ./dev build >/dev/null

drill() { ./dev java bench/src/Drill.java "$@"; }

now_ms() { date +%s%3N; }

# Starts the service on DATA_DIR and returns once it is UP; $1 names its log. Sets PID and START_MS (how long
# the start took). The drills measure failures, not the per-key rate limit: it is lifted.
start_service() {
  local log=$WORK/$1.log start
  start=$(now_ms)
  DATA_DIR=$DATA_DIR SERVER_PORT=$PORT ADMIN_TOKEN=$ADMIN ./dev java -jar "$JAR" \
    --registration.demo.enabled=false \
    --registration.http.rate-limit.requests-per-second=1000000 --registration.http.rate-limit.burst=1000000 \
    >"$log" 2>&1 &
  PID=$!
  # Another process starting: nothing to wait on but its health probe, polled within START_TIMEOUT.
  until curl -sf "$URL/actuator/health" >/dev/null 2>&1; do
    if ! kill -0 "$PID" 2>/dev/null || [ $(( $(now_ms) - start )) -gt $(( START_TIMEOUT * 1000 )) ]; then
      echo "FAIL the service did not start within ${START_TIMEOUT} s; its log: $log"
      grep -v '^\s*at ' "$log" | tail -n 20
      exit 1
    fi
    sleep 0.2
  done
  START_MS=$(( $(now_ms) - start ))
}

# The PID of the PostgreSQL server running on PGDATA, or nothing.
postmaster() {
  local pid
  pid=$(head -n1 "$PGDATA/postmaster.pid" 2>/dev/null) || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

# pg_ctl of the binaries the embedded server runs from (zonky unpacks them under /tmp/embedded-pg).
pg_ctl_of() { # $1: postmaster PID
  echo "$(dirname "$(readlink -f "/proc/$1/exe")")/pg_ctl"
}

# pg_ctl as zonky runs it: PostgreSQL refuses to run as root, so as root it runs in a user namespace of its own.
pg_ctl_as_zonky() { # $1: pg_ctl, then its arguments
  if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null; then unshare -U "$@"; else "$@"; fi
}

cleanup() {
  local rc=$? pg
  if [ -n "$LOAD" ] && kill -0 "$LOAD" 2>/dev/null; then
    kill "$LOAD" 2>/dev/null || true
    wait "$LOAD" 2>/dev/null || true
  fi
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
  fi
  pg=$(postmaster)
  if [ -n "$pg" ]; then
    pg_ctl_as_zonky "$(pg_ctl_of "$pg")" stop -D "$PGDATA" -m fast -w >/dev/null 2>&1 || kill "$pg" 2>/dev/null || true
  fi
  if [ "$rc" -eq 0 ] && [ -z "${KEEP:-}" ]; then rm -rf "$WORK"; else echo "logs and data kept in $WORK"; fi
}
trap cleanup EXIT

#!/usr/bin/env bash
# Time from `java -jar` to the first 201 of POST /api/customers, on a fresh embedded database (the README's
# first-run path), and on a second start over the same data. Prints both, in seconds.
#   bench/first-201.sh [path/to/customer-registration.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-bootstrap/target/customer-registration.jar}
[ -f "$JAR" ] || ./dev build >/dev/null
JAVA=$(./dev java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')/bin/java
PORT=${PORT:-18080}
WORK=$(mktemp -d)
trap 'kill "$PID" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$WORK"' EXIT

run_once() { # $1: label; prints seconds to the first 201
  local start key status=0 email
  start=$(date +%s.%N)
  DATA_DIR="$WORK/data" SERVER_PORT=$PORT "$JAVA" -Daxoniq.update-checker.disabled=true -jar "$JAR" \
    >"$WORK/$1.log" 2>&1 &
  PID=$!
  key=${KEY:-}
  email="first-$1-$RANDOM@example.com"
  for _ in $(seq 1 1200); do
    [ -z "$key" ] && key=$(grep -o 'sk_live_[A-Za-z0-9]\{48\}' "$WORK/$1.log" | head -n1 || true)
    if [ -n "$key" ]; then
      status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$PORT/api/customers" \
        -H "X-API-Key: $key" -H 'Content-Type: application/json' \
        -d "{\"first_name\":\"A\",\"last_name\":\"B\",\"email\":\"$email\"}" || true)
      [ "$status" = 201 ] && break
    fi
    sleep 0.05
  done
  [ "$status" = 201 ] || { echo "no 201 within 60 s; log: $WORK/$1.log" >&2; cat "$WORK/$1.log" >&2; exit 1; }
  KEY=$key
  echo "$1: $(echo "$(date +%s.%N) - $start" | bc) s to the first 201"
  kill "$PID"; wait "$PID" 2>/dev/null || true
}

run_once fresh-database
run_once restart

#!/usr/bin/env bash
# Failure drill: PostgreSQL goes away for OUTAGE seconds under load, and comes back. Starts the packaged service on
# a fresh embedded PostgreSQL, runs CLIENTS concurrent clients that create customers and read one back after each
# create (plus a /actuator/health poller), stops the embedded server with `pg_ctl stop -m fast` (found from the
# running postmaster), starts it again after OUTAGE seconds with the options it ran with, lets the load run RUN_ON
# seconds more and checks: while it was down every answer was a 503 in the contract's error shape within the
# bound (hikari connection-timeout + SLACK_MS), no 500, no hang, no lost connection; creates answer 201 again and
# health is UP within RECOVERY_MS of the restart (Hikari retries a failed connection with a backoff that doubles
# up to 5 s, so the first new connection may come that long after PostgreSQL is back); and no write answered 201 is lost (the kill -9 drill's check).
# Prints PASS/FAIL with figures; exits 1 on failure.
#   bench/drills/postgres-outage.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18092}
SELLERS=${SELLERS:-4}
CLIENTS=${CLIENTS:-12}
WARM_UP=${WARM_UP:-8}
MIN_CREATES=${MIN_CREATES:-100}
OUTAGE=${OUTAGE:-10}
RUN_ON=${RUN_ON:-8}
SLACK_MS=${SLACK_MS:-1000}
RECOVERY_MS=${RECOVERY_MS:-7000}
. bench/drills/lib.sh
# The longest a request may wait for a database connection: the bound on a 503 while the database is away.
CONNECTION_TIMEOUT_MS=$(sed -n 's/^ *connection-timeout: *\([0-9]*\).*/\1/p' bootstrap/src/main/resources/application.yml)
BOUND_MS=$(( CONNECTION_TIMEOUT_MS + SLACK_MS ))

start_service first
echo "service up in $START_MS ms on $URL, data in $DATA_DIR"
drill sellers "$URL" "$ADMIN" "$SELLERS" >"$WORK/sellers.txt"
./dev java bench/src/Drill.java load "$URL" "$WORK/sellers.txt" "$CLIENTS" "$WORK/load.log" "$WORK/stop" gets \
  >"$WORK/load.out" 2>&1 &
LOAD=$!
# The scenario runs in real time (the bounds it checks are the service's real-time timeouts): WARM_UP seconds of
# load, an OUTAGE of that length, RUN_ON seconds after it. The load's log, written by another process, is polled.
sleep "$WARM_UP"
for _ in $(seq 600); do  # at most two minutes more
  [ "$(grep -c ' 201 ' "$WORK/load.log" || true)" -ge "$MIN_CREATES" ] && break
  sleep 0.2
done

# The embedded server as zonky started it: its binary, and the options after "-D <data directory>".
PG=$(postmaster)
[ -n "$PG" ] || { echo "FAIL no PostgreSQL running on $PGDATA"; exit 1; }
PG_CTL=$(pg_ctl_of "$PG")
OPTIONS=$(tr '\0' '\n' <"/proc/$PG/cmdline" | sed '1,/^-D$/d' | sed 1d | tr '\n' ' ')
echo "PostgreSQL $PG: $PG_CTL, options: $OPTIONS"

DOWN=$(now_ms)
pg_ctl_as_zonky "$PG_CTL" stop -D "$PGDATA" -m fast -w >"$WORK/pg_ctl-stop.log" 2>&1
echo "PostgreSQL stopped in $(( $(now_ms) - DOWN )) ms; down for $OUTAGE s"
sleep "$OUTAGE"
STARTING=$(now_ms)
pg_ctl_as_zonky "$PG_CTL" start -D "$PGDATA" -o "$OPTIONS" -w -l "$WORK/postgres-restarted.log" \
  >"$WORK/pg_ctl-start.log" 2>&1
UP=$(now_ms)
echo "PostgreSQL $(postmaster) started again in $(( UP - STARTING )) ms"

sleep "$RUN_ON"
touch "$WORK/stop"
wait "$LOAD"
LOAD=
cat "$WORK/load.out"

RC=0
drill outage "$WORK/load.log" "$DOWN" "$UP" "$BOUND_MS" "$RECOVERY_MS" || RC=1
drill check "$URL" "$ADMIN" "$WORK/sellers.txt" "$WORK/load.log" || RC=1
echo "service log: $(grep -c ' WARN ' "$WORK/first.log" || true) WARN, $(grep -c ' ERROR ' "$WORK/first.log" || true) ERROR lines"
grep ' ERROR ' "$WORK/first.log" | sed 's/^.*\] [^ ]* *: //' | cut -c1-160 | sort | uniq -c | head -n 5 || true
[ "$RC" -eq 0 ] && echo "PASS postgres-outage drill" || echo "FAIL postgres-outage drill"
exit "$RC"

#!/usr/bin/env bash
# Failure drill: the service is killed with SIGKILL in the middle of a create load and started again on the same
# data directory. Starts the packaged service on a fresh embedded PostgreSQL, creates SELLERS sellers, runs
# CLIENTS concurrent clients that create customers and record every 201 (a create without a definite answer is
# sent again with the same email, as a careful client would), kills the Java process once the load has run
# KILL_AFTER seconds and at least MIN_CREATES creates were answered 201, starts it again, lets the load run RUN_ON
# seconds more, then checks that every create answered 201 is there, no email is in a seller twice, counts agree
# and the tables equal a fresh replay. Prints PASS/FAIL with figures; exits 1 on failure.
#   bench/drills/kill-9.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18091}
SELLERS=${SELLERS:-4}
CLIENTS=${CLIENTS:-12}
KILL_AFTER=${KILL_AFTER:-8}
MIN_CREATES=${MIN_CREATES:-100}
RUN_ON=${RUN_ON:-5}
. bench/drills/lib.sh

start_service first
echo "service up in $START_MS ms on $URL, data in $DATA_DIR"
drill sellers "$URL" "$ADMIN" "$SELLERS" >"$WORK/sellers.txt"
./dev java bench/src/Drill.java load "$URL" "$WORK/sellers.txt" "$CLIENTS" "$WORK/load.log" "$WORK/stop" \
  >"$WORK/load.out" 2>&1 &
LOAD=$!

# The load runs KILL_AFTER seconds (the scenario's length, not an ordering); then its log, written by another
# process, is polled until MIN_CREATES creates were answered.
sleep "$KILL_AFTER"
for _ in $(seq 600); do  # at most two minutes more
  [ "$(grep -c ' 201 ' "$WORK/load.log" || true)" -ge "$MIN_CREATES" ] && break
  sleep 0.2
done
ORPHAN=$(postmaster)
BEFORE=$(grep -c ' 201 ' "$WORK/load.log" || true)
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
KILLED=$(now_ms)
# A moment for the orphaned PostgreSQL to go down, should it; only this report line depends on it, the check
# after the restart decides.
sleep 1
echo "killed java $PID with SIGKILL after $BEFORE creates answered 201;" \
     "its PostgreSQL ($ORPHAN) $(kill -0 "$ORPHAN" 2>/dev/null && echo 'outlived it' || echo 'died with it')"

start_service restart
RESTART_MS=$(( $(now_ms) - KILLED ))
AFTER_PG=$(postmaster)
echo "restarted: UP $RESTART_MS ms after the kill (start $START_MS ms); PostgreSQL now $AFTER_PG;" \
     "old one $(kill -0 "$ORPHAN" 2>/dev/null && echo 'STILL RUNNING' || echo 'gone')"
grep -h 'orphan' "$WORK/restart.log" | sed 's/^.*: //' || true

sleep "$RUN_ON"  # the load runs on this long after the restart: the scenario's length
touch "$WORK/stop"
wait "$LOAD"
LOAD=
cat "$WORK/load.out"
FIRST_AFTER=$(awk -v k="$KILLED" '$4 == 201 && $1 >= k { print $2 - k; exit }' "$WORK/load.log")
echo "first 201 after the kill: ${FIRST_AFTER:-never} ms; creates answered 201 in all:" \
     "$(grep -c ' 201 ' "$WORK/load.log" || true)"

RC=0
drill check "$URL" "$ADMIN" "$WORK/sellers.txt" "$WORK/load.log" || RC=1
if [ "$AFTER_PG" = "$ORPHAN" ] || kill -0 "$ORPHAN" 2>/dev/null; then
  echo "FAIL the PostgreSQL server of the killed service still runs"; RC=1
fi
[ "$RC" -eq 0 ] && echo "PASS kill -9 drill" || echo "FAIL kill -9 drill"
exit "$RC"

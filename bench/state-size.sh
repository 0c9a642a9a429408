#!/usr/bin/env bash
# Heap and snapshot bytes per customer of one seller's state, at each size of SIZES: one JVM per size
# (adapters' test class SellerStateSize), a serial collector so that a full collection leaves only what is live.
#   bench/state-size.sh                   sizes 10,000 100,000 1,000,000
#   SIZES="1000000" bench/state-size.sh
# Prints "customers heap_bytes/customer snapshot_bytes/customer", then what a seller of 1,000,000 would take.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-10000 100000 1000000}
HEAP=${HEAP:-2g} # room for the state before the compact one, about 500 bytes a customer
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

JDK_HOME=$(./dev java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
if command -v mvn >/dev/null 2>&1; then MVN=(mvn -B -ntp -q); else MVN=(./mvnw -B -ntp -q); fi
JAVA_HOME=$JDK_HOME "${MVN[@]}" -pl adapters -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath" >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
CLASSPATH="adapters/target/test-classes:adapters/target/classes:$(cat "$WORK/classpath")"

echo "customers heap_bytes/customer snapshot_bytes/customer"
for size in $SIZES; do
  ./dev java -XX:+UseSerialGC -Xms"$HEAP" -Xmx"$HEAP" -cp "$CLASSPATH" \
    com.virtualoffice.registration.adapters.axon.SellerStateSize "$size" | tee -a "$WORK/sizes.txt"
done
tail -n1 "$WORK/sizes.txt" | awk '{ printf "at %d customers\x27 bytes each, a seller of 1,000,000 takes %.1f MiB of heap" \
  " and %.1f MiB of snapshot\n", $1, $2 * 1000000 / 1048576, $3 * 1000000 / 1048576 }'

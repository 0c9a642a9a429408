#!/usr/bin/env bash
# The seller cache in a small heap: SELLERS sellers of CUSTOMERS customers each go through it, in a JVM of HEAP.
# Bounded by customers (the service's cache, capped at CAP customers) it evicts and holds; bounded by count as it
# was (10,000 sellers) it keeps them all and the heap runs out. Prints each JVM's progress and how it ended.
#   bench/cache-drill.sh          8 sellers of 1,000,000 customers, a 256 MB heap, a cap of 3,000,000 customers
set -euo pipefail
cd "$(dirname "$0")/.."
SELLERS=${SELLERS:-8}
CUSTOMERS=${CUSTOMERS:-1000000}
HEAP=${HEAP:-256m}
CAP=${CAP:-3000000}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

JDK_HOME=$(./dev java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.home = //p')
if command -v mvn >/dev/null 2>&1; then MVN=(mvn -B -ntp -q); else MVN=(./mvnw -B -ntp -q); fi
JAVA_HOME=$JDK_HOME "${MVN[@]}" -pl adapters -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile="$WORK/classpath" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
CLASSPATH="adapters/target/test-classes:adapters/target/classes:$(cat "$WORK/classpath")"

drill() { # $1 customers|count, $2 cap
  echo "== cache bounded by $1 (cap $2), -Xmx$HEAP, $SELLERS sellers of $CUSTOMERS customers"
  if ./dev java -XX:+UseSerialGC -Xmx"$HEAP" -cp "$CLASSPATH" \
       com.virtualoffice.registration.adapters.axon.SellerCacheDrill "$1" "$2" "$SELLERS" "$CUSTOMERS" 2>"$WORK/err"; then
    echo "-> held: all $SELLERS sellers went through"
  else
    echo "-> failed: $(grep -m1 -o 'java.lang.OutOfMemoryError[^"]*' "$WORK/err" || head -n1 "$WORK/err")"
  fi
}
drill customers "$CAP"
drill count 10000

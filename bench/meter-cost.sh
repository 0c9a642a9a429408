#!/usr/bin/env bash
# The service's own meters' cost per command, in isolation (bench/src/MeterCost.java), on the packaged jar's
# libraries.
#   bench/meter-cost.sh [ITERATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=bootstrap/target/customer-registration.jar
[ -f "$JAR" ] || ./dev build >/dev/null
LIB=$(mktemp -d)
trap 'rm -rf "$LIB"' EXIT
unzip -q "$JAR" 'BOOT-INF/lib/*' -d "$LIB"
./dev java -cp "$LIB/BOOT-INF/lib/*" bench/src/MeterCost.java "$@"

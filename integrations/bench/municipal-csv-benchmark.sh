#!/usr/bin/env bash
# Municipal CSV intake benchmark: a generated windows-31j file of N rows (default 100,000) through the route
# municipal-csv-intake (claims and ledger on H2, the platform's port in memory): rows/s and heap.
# Usage: integrations/bench/municipal-csv-benchmark.sh [rows, default 100000]. Heap limit: HEAP (default 256m).
# Extra Maven flags: MVN_FLAGS=-o.
set -euo pipefail
cd "$(dirname "$0")/../.."
# in one reactor build, so the platform's own modules come from their target/classes (no install needed)
mvn -q -B ${MVN_FLAGS:-} -pl integrations -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd integrations
snapshot=$(mktemp -d /tmp/csv-bench-classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes "$snapshot/classes" && cp -r target/test-classes "$snapshot/test-classes"
java -Xmx"${HEAP:-256m}" ${JAVA_OPTS:-} -cp "$snapshot/test-classes:$snapshot/classes:$(cat target/bench.classpath)" \
  jp.tetsuzuki.integrations.municipalcsv.MunicipalCsvBenchmark "${1:-100000}"

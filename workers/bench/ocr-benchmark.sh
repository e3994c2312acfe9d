#!/usr/bin/env bash
# OCR benchmark: our pipeline vs the tesseract command line on generated certificates and invoices.
# Usage: workers/bench/ocr-benchmark.sh [documents per kind and template, default 100] [report, default
#   workers/target/ocr-benchmark.md] [seed, default 20250401] [templates, default LABEL_LEFT; e.g.
#   LABEL_LEFT,LABEL_ABOVE,GRID for the tuning templates, HELD_OUT for the held-out one]
# Single-threaded on purpose: figures are per core. About 3 s per page (three readers), so 25 + 25 documents per
# template take about 2.5 minutes. One line per document goes to standard output; -Docr.bench.details=true in
# JAVA_OPTS adds every wrong or flagged field and our text (for tuning: never on HELD_OUT). Extra Maven flags: MVN_FLAGS=-o.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1   # Tesseract's OpenMP threads only slow down one-page-per-core work
command -v tesseract >/dev/null || { echo "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-jpn)"; exit 1; }
# in one reactor build, so the platform's own modules come from their target/classes (no install needed)
mvn -q -B ${MVN_FLAGS:-} -pl workers -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
cd workers
# a copy of the classes, so a build during the run (tests, the next change) does not pull them from under it
snapshot=$(mktemp -d /tmp/ocr-bench-classes.XXXXXX)
trap 'rm -rf "$snapshot"' EXIT
cp -r target/classes "$snapshot/classes" && cp -r target/test-classes "$snapshot/test-classes"
java -Xmx1g ${JAVA_OPTS:-} -cp "$snapshot/test-classes:$snapshot/classes:$(cat target/bench.classpath)" \
  jp.tetsuzuki.workers.bench.OcrBenchmark "${1:-100}" "${2:-target/ocr-benchmark.md}" "${3:-20250401}" "${4:-LABEL_LEFT}"

#!/usr/bin/env bash
# OCR benchmark: our pipeline vs the tesseract command line on generated certificates and invoices.
# Usage: workers/bench/ocr-benchmark.sh [documents-per-kind, default 100] [report, default workers/target/ocr-benchmark.md] [seed]
# Single-threaded on purpose: figures are per core. Takes about 15 minutes for 100 + 100 documents (three readers).
# One line per document goes to standard output. Extra Maven flags (e.g. offline): MVN_FLAGS=-o.
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_THREAD_LIMIT=1   # Tesseract's OpenMP threads only slow down one-page-per-core work
command -v tesseract >/dev/null || { echo "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-jpn)"; exit 1; }
mvn -q -B ${MVN_FLAGS:-} -pl workers -am test-compile
mvn -q -B ${MVN_FLAGS:-} -pl workers dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cd workers
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  jp.tetsuzuki.workers.bench.OcrBenchmark "${1:-100}" "${2:-target/ocr-benchmark.md}" "${3:-20250401}"

#!/usr/bin/env bash
# Allocation engine benchmark (issue 12): generates the Tokyo-wide round (100,000 children, 1,500 facilities,
# 10 preferences, 10 % siblings, 3 % transfers) and allocates it N times; prints each run's time and peak heap,
# then the process's peak RSS.
# usage: bench/allocation.sh [children=100000] [facilities=1500] [runs=5] [seed=2026]
#        (compiles the processes module's test classes first if needed; JAVA_OPTS default -Xmx2g)
set -euo pipefail
cd "$(dirname "$0")/.."
classes=processes/target/classes
tests=processes/target/test-classes
if [ ! -f "$tests/jp/tetsuzuki/processes/childcare/allocation/AllocationBenchmark.class" ]; then
  mvn -B -ntp -q -o -pl processes -am test-compile -DskipTests
fi
cmd=(java ${JAVA_OPTS:--Xmx2g} -cp "$classes:$tests" jp.tetsuzuki.processes.childcare.allocation.AllocationBenchmark
  "${1:-100000}" "${2:-1500}" "${3:-5}" "${4:-2026}")
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "peak RSS %M KiB, wall %e s" "${cmd[@]}"
else
  "${cmd[@]}"
fi

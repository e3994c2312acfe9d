#!/usr/bin/env bash
# Measures start-up of the default (demo, H2) profile: N cold starts on a fresh data directory and N warm starts
# on the same one. Prints Spring's "Started ... in X seconds" and the time until /actuator/health answers UP.
# usage: bench/startup.sh [N=3]   (builds the jar first if needed; uses port 18790)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-3}
port=18790
[ -n "$(ls processes/target/tetsuzuki-processes-*.jar 2>/dev/null | grep -v original)" ] || mvn -B -q -DskipTests package
jar=$(ls processes/target/tetsuzuki-processes-*.jar | grep -v original | head -1)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local label=$1 log="$data/run.log" t0 pid
  t0=$(date +%s.%N)
  SPRING_PROFILES_ACTIVE=demo TETSUZUKI_DATA_DIR="$data/d" SERVER_PORT=$port TETSUZUKI_LEGACY_SIMULATOR_PORT=0 java -jar "$jar" >"$log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "start failed"; tail -20 "$log"; exit 1; }
    sleep 0.2
  done
  local t1 spring
  t1=$(date +%s.%N)
  spring=$(grep -o 'Started TetsuzukiApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
  local heap
  heap=$(curl -s -u admin:Tetsuzuki-demo-1 "http://localhost:$port/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2)
  printf '%-5s spring %6ss  health UP after %6.1fs  heap used %4.0f MiB\n' "$label" "$spring" \
    "$(echo "$t1 - $t0" | bc)" "$(python3 -c "print(float('$heap') / 1048576)")"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq 1 "$n"); do rm -rf "$data/d"; measure cold; done
for i in $(seq 1 "$n"); do measure warm; done

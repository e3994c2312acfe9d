#!/usr/bin/env bash
# End-to-end municipal CSV intake on the packaged platform (demo profile, H2 file database, in-JVM workers): a
# generated windows-31j file of N rows dropped into the inbox, each row an application through the application
# service (its record, events and case). Prints rows/s from the drop until the file is in done/failed, and the heap
# (actuator jvm.memory.used, area heap) before, at its highest while the file is taken (sampled each second) and after.
# usage: bench/municipal-csv.sh [rows=2000]   (builds the jar first if needed; uses port 18791)
# The route alone on 100,000 rows (port in memory): integrations/bench/municipal-csv-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-2000}
port=18791
[ -n "$(ls processes/target/tetsuzuki-processes-*.jar 2>/dev/null | grep -v original)" ] || mvn -B -q -DskipTests package
jar=$(ls processes/target/tetsuzuki-processes-*.jar | grep -v original | head -1)
data=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$data"' EXIT
heap() {
  curl -s -u admin:Tetsuzuki-demo-1 "http://localhost:$port/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2 | python3 -c "import sys; print(round(float(sys.stdin.read())/1048576))"
}
SPRING_PROFILES_ACTIVE=demo TETSUZUKI_DATA_DIR="$data/d" SERVER_PORT=$port TETSUZUKI_LEGACY_SIMULATOR_PORT=0 java ${JAVA_OPTS:-} -jar "$jar" >"$data/run.log" 2>&1 &
pid=$!
until curl -sf "http://localhost:$port/actuator/health" >/dev/null 2>&1; do
  kill -0 $pid 2>/dev/null || { echo "start failed"; tail -20 "$data/run.log"; exit 1; }
  sleep 0.5
done
python3 - "$data/ward.csv" "$rows" <<'PY'
import sys, datetime
path, rows = sys.argv[1], int(sys.argv[2])
today = datetime.date.today()
with open(path, "wb") as out:
    out.write("procedureCode,tenantId,receivedOn,applicantName,corporateNumber,email,externalId,roadName,occupancyFrom,occupancyTo,occupancyArea\r\n".encode("cp932"))
    for i in range(1, rows + 1):
        tenant = "demo-ku"  # one ward system, one inbox: every row is its own tenant's
        line = f"road-occupancy-permit,{tenant},{today - datetime.timedelta(days=i % 30)},\"髙橋建設～第{i}工区①\",,info{i}@example.invalid,BENCH-{i},\"区道{i % 97}号（〇〇丁目～△△丁目）\",2027-01-04,2027-03-31,{i % 500}.5\r\n"
        out.write(line.encode("cp932"))  # Python's cp932 is Microsoft's (windows-31j)
PY
before=$(heap)
inbox="$data/d/exchange/municipal-csv-intake/demo-ku/inbox"
mkdir -p "$inbox"
peak=$before
t0=$(date +%s.%N)
mv "$data/ward.csv" "$inbox/ward.csv"
until [ -e "$data/d/exchange/municipal-csv-intake/demo-ku/done/ward.csv" ] || [ -e "$data/d/exchange/municipal-csv-intake/demo-ku/failed/ward.csv" ]; do
  h=$(heap); [ "$h" -gt "$peak" ] && peak=$h
  sleep 1
done
t1=$(date +%s.%N)
after=$(heap)
grep -o 'ward.csv \(done\|failed\): .*' "$data/run.log" | tail -1
python3 -c "print(f'end to end: $rows rows in {$t1 - $t0:.1f} s = {$rows / ($t1 - $t0):.1f} rows/s (includes up to one poll delay, 5 s)')"
echo "heap used: $before MiB before, peak $peak MiB while taking the file, $after MiB after (sampled each second)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

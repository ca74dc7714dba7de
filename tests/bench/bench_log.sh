#!/bin/sh
# Results log throughput: N batch runs (default 200) released at once through
# a FIFO, all appending to one --log file. Prints the wall time and checks the
# log with Python's csv module and zlib.crc32 (an independent reader): N
# records, N distinct sessions, every crc valid, one header. Prints figures;
# exits 1 only when the log is wrong.
# Usage: bench_log.sh BUILD_DIR [N]
set -u
build=${1:-build}
n=${2:-200}
src=$(cd "$(dirname "$0")/../.." && pwd)
exe="$build/outsource-wizard"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log="$tmp/results.csv"
gate="$tmp/gate"
mkfifo "$gate"

i=0
while [ "$i" -lt "$n" ]; do
	# Each waits until the gate opens: reading the FIFO blocks until the
	# parent opens it for writing, and gives EOF when the parent closes it.
	( read -r _ <"$gate"; exec "$exe" --content "$src/content" \
		--answers "$src/tests/fixtures/answers/kpo.ini" --log "$log" >/dev/null ) &
	i=$((i + 1))
done
sleep 1 # let every writer reach the gate
t0=$(date +%s.%N)
: >"$gate"
wait
t1=$(date +%s.%N)
echo "== results log: $n writers released at once"
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "  wall %.3f s from release to the last exit\n", b - a }'

python3 - "$log" "$n" <<'PY'
import csv, sys, zlib
path, want = sys.argv[1], int(sys.argv[2])
raw = open(path, "rb").read()
headers = records = bad = 0
sessions = set()
for line in raw.split(b"\n")[:-1]:
    if line.startswith(b"time,session,"):
        headers += 1
        continue
    cut = line.rfind(b",") + 1
    if cut == 0 or b"%08x" % zlib.crc32(line[:cut]) != line[cut:]:
        bad += 1
        continue
    row = next(csv.reader([line.decode()]))
    sessions.add(row[1])
    records += 1
print(f"  {records} records, {len(sessions)} distinct sessions, {bad} bad, {headers} header(s), "
      f"{len(raw)} bytes")
ok = records == want and len(sessions) == want and bad == 0 and headers == 1
print("  OK" if ok else "  WRONG")
sys.exit(0 if ok else 1)
PY
status=$?
"$exe" --content "$src/content" --summary "$log" | head -8
exit $status

#!/bin/sh
# Benchmarks: prints figures, never fails (machines here are shared and noisy).
# Usage: bench.sh BUILD_DIR
set -u
build=${1:-build}
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== batch run (median of 20, shipped content, text report)"
python3 - "$build/outsource-wizard" "$src/content" "$src/tests/fixtures/answers/kpo.ini" <<'PY'
import resource, statistics, subprocess, sys, time
exe, content, answers = sys.argv[1:4]
walls = []
for _ in range(20):
    t0 = time.perf_counter()
    subprocess.run([exe, "--content", content, "--answers", answers], stdout=subprocess.DEVNULL, check=True)
    walls.append((time.perf_counter() - t0) * 1000)
print(f"  wall {statistics.median(walls):.2f} ms (min {min(walls):.2f})")
PY
if [ -x /usr/bin/time ]; then
	kb=$(/usr/bin/time -f %M "$build/outsource-wizard" --content "$src/content" \
		--answers "$src/tests/fixtures/answers/kpo.ini" 2>&1 >/dev/null | tail -1)
	echo "  peak RSS $kb KiB"
fi

echo "== content load: wall ms (median of 7 in-process loads) and instructions (callgrind, 1 load)"
echo "   10x the questions should cost ~10x: the ratios are to the row above"
prev_ms="" prev_ir=""
for n in 100 1000 10000; do
	python3 "$src/tests/bench/gen_content.py" "$src/content" "$tmp/c$n" "$n"
	set -- $("$build/tests/bench_load" "$tmp/c$n")
	ms=$2 ir=""
	if command -v valgrind >/dev/null; then
		valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$build/tests/bench_load" "$tmp/c$n" 1 >/dev/null 2>"$tmp/cg.err"
		ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/cg.err")
	fi
	python3 - "$n" "$ms" "${ir:-0}" "${prev_ms:-0}" "${prev_ir:-0}" <<'PY'
import sys
n, ms, ir, pms, pir = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
line = f"  {n:>6} questions: {ms:9.2f} ms"
if pms: line += f" (x{ms / pms:4.1f})"
if ir: line += f"   {ir / 1e6:9.1f} M instructions"
if ir and pir: line += f" (x{ir / pir:4.1f})"
print(line)
PY
	prev_ms=$ms prev_ir=$ir
done

echo "== crafted inputs (issue 10): wall s, one run each; twice the input should cost ~twice"
echo "   before the fix: 100k keys 2.9 s; 20k distinct-value records 15 s (10k: 2.6 s)"
wall() { # prints the wall seconds of a command, its output thrown away
	python3 -c 'import subprocess, sys, time
t0 = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"{time.perf_counter() - t0:.3f}")' "$@"
}
awk 'BEGIN { print "[answers]"; for (i = 0; i < 100000; i++) print "k" i " = x" }' >"$tmp/keys.ini"
echo "  answers file, 100000 keys in one section: $(wall "$build/outsource-wizard" --content "$src/content" --answers "$tmp/keys.ini") s (refused)"
"$build/outsource-wizard" --content "$src/content" --answers "$src/tests/fixtures/answers/kpo.ini" --log "$tmp/h.csv" >/dev/null
for n in 20000 40000; do
	python3 "$src/tests/bench/gen_log.py" "$tmp/h.csv" "$tmp/v$n.csv" "$n"
	kb=$(($(wc -c <"$tmp/v$n.csv") / 1024))
	echo "  --summary, $n records of distinct values ($kb KiB): $(wall "$build/outsource-wizard" --content "$src/content" --summary "$tmp/v$n.csv" --format json) s"
done
for n in 5000 10000; do
	python3 "$src/tests/bench/gen_log.py" "$tmp/h.csv" "$tmp/h$n.csv" "$n" --headers
	kb=$(($(wc -c <"$tmp/h$n.csv") / 1024))
	echo "  --summary, $n records each under its own header ($kb KiB): $(wall "$build/outsource-wizard" --content "$src/content" --summary "$tmp/h$n.csv" --format json) s"
done

sh "$src/tests/bench/bench_store.sh" "$build" "$src" || true

if [ -f "$src/tests/bench/bench_ui.sh" ]; then
	echo "== interactive wizard"
	bash "$src/tests/bench/bench_ui.sh" "$(cd "$build" && pwd)/outsource-wizard" "$src" || true
fi

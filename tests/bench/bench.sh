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

if [ -f "$src/tests/bench/bench_ui.sh" ]; then
	echo "== interactive wizard"
	bash "$src/tests/bench/bench_ui.sh" "$(cd "$build" && pwd)/outsource-wizard" "$src" || true
fi

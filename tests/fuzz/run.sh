#!/bin/sh
# Builds the libFuzzer targets with clang and runs each one for SECONDS
# (default 60) from the seed corpus, with the dictionary. Fails on a crash,
# leak or timeout, leaving the input in tests/fuzz/crashes/ (turn it into a
# regression test). Usage: run.sh [SECONDS] [TARGET...]
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=${1:-60}
[ $# -gt 0 ] && shift
build=$src/build-fuzz
if [ ! -f "$build/build.ninja" ]; then
	CC=clang meson setup "$build" "$src" -Dfuzz=true -Dtests=false \
		-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debugoptimized >/dev/null || exit 1
fi
ninja -C "$build" >/dev/null || exit 1
targets=${*:-$(cd "$build/tests/fuzz" && find . -maxdepth 1 -type f -perm -u+x -name "fuzz_*" | sed "s,^./,," | sort)}
mkdir -p "$src/tests/fuzz/crashes"
status=0
for t in $targets; do
	corpus=$build/corpus-$t
	mkdir -p "$corpus"
	seeds=$src/tests/fuzz/seeds/${t#fuzz_}
	UBSAN_OPTIONS=halt_on_error=1 "$build/tests/fuzz/$t" "$corpus" "$seeds" \
		-dict="$src/tests/fuzz/content.dict" -max_total_time="$secs" -timeout=5 \
		-rss_limit_mb=1024 -max_len=8192 -print_final_stats=1 \
		-artifact_prefix="$src/tests/fuzz/crashes/$t-" >"$build/$t.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$t.log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$build/$t.log")
	if [ "$rc" -ne 0 ]; then
		status=1
		echo "FAIL $t: exit $rc after ${execs:-?} executions"
		grep -E "ERROR|SUMMARY|panic|==[0-9]+==" "$build/$t.log" | head -20
	else
		echo "ok   $t: ${execs:-?} executions in ${secs}s (${rate:-?}/s), no crash"
	fi
done
exit $status

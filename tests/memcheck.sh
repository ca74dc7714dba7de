#!/bin/sh
# valgrind memcheck over the criterion unit tests (following criterion's
# worker processes, which valgrind would otherwise never see) and over real
# batch runs. valgrind's exit status does not reach criterion's verdict, so
# the logs are read: any invalid access, uninitialised use, or definitely
# lost byte fails the step.
# Usage: memcheck.sh BUILD_DIR
set -u
build=$1
src=$(cd "$(dirname "$0")/.." && pwd)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
vg="valgrind --quiet --trace-children=yes --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=42"

for t in "$build"/tests/test_*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	name=$(basename "$t")
	$vg --log-file="$logs/$name.%p.log" "$t" --jobs 1 >/dev/null 2>&1
	echo "memcheck: $name ran"
done
for a in bpo kpo mixed; do
	for f in text markdown json; do
		$vg --log-file="$logs/batch-$a-$f.%p.log" "$build/outsource-wizard" --content "$src/content" \
			--answers "$src/tests/fixtures/answers/$a.ini" --format "$f" >/dev/null 2>&1
	done
done
$vg --log-file="$logs/check.%p.log" "$build/outsource-wizard" --check-content --content "$src/content" >/dev/null 2>&1
$vg --log-file="$logs/badcontent.%p.log" "$build/outsource-wizard" --check-content --content /nonexistent >/dev/null 2>&1

# The gate must be able to fail: a deliberately leaking test must be caught.
canary=$(mktemp -d)
$vg --log-file="$canary/canary.%p.log" "$build/tests/canary_leak" --jobs 1 >/dev/null 2>&1
if ! grep -q 'are definitely lost' "$canary"/*.log; then
	echo "memcheck: the deliberately leaking canary was NOT caught: this gate checks nothing"
	rm -rf "$canary"
	exit 1
fi
rm -rf "$canary"
echo "memcheck: canary leak caught (the gate works)"

bad=$(grep -l -E 'Invalid (read|write|free)|uninitialised|are definitely lost|ERROR SUMMARY: [1-9]|Mismatched free|Syscall param' "$logs"/*.log 2>/dev/null)
n=$(ls "$logs" | wc -l)
if [ -n "$bad" ]; then
	for f in $bad; do echo "== $f"; head -60 "$f"; done
	echo "memcheck: errors in $(echo "$bad" | wc -l) of $n process logs"
	exit 1
fi
echo "memcheck: 0 errors, 0 definitely lost bytes in $n process logs"

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
# localedef (run by the decimal-comma tests to make a de_DE locale) leaks by
# design and is not ours to check.
vg="valgrind --quiet --trace-children=yes --trace-children-skip=*/localedef,localedef --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite --error-exitcode=42"

for t in $(find "$build/tests" -maxdepth 2 -type f -perm -u+x -name 'test_*' | sort); do
	name=$(basename "$t")
	# The geometry sweep checks every 30th width here: valgrind runs it some
	# 30 times slower, and a test killed at its time limit reads as a leak.
	OW_GEOMETRY_STEP=30 $vg --log-file="$logs/$name.%p.log" "$t" --jobs 1 >/dev/null 2>&1
	echo "memcheck: $name ran"
done
for a in bpo kpo mixed; do
	for f in text markdown json; do
		$vg --log-file="$logs/batch-$a-$f.%p.log" "$build/outsource-wizard" --content "$src/content" \
			--answers "$src/tests/fixtures/answers/$a.ini" --format "$f" >/dev/null 2>&1
	done
done
# the plain interview, answered through a pipe
printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n' | $vg --log-file="$logs/plain.%p.log" \
	"$build/outsource-wizard" --content "$src/content" --plain >/dev/null 2>&1
# the curses wizard: a whole interview in tmux, to the result and the comparison
if command -v tmux >/dev/null; then
	sock=ow-memcheck-$$
	tmux -L "$sock" new-session -d -x 80 -y 24 "env TERM=tmux-256color LANG=C.UTF-8 $vg \
		--log-file=$logs/curses.%p.log $build/outsource-wizard --content $src/content"
	sleep 3
	tmux -L "$sock" send-keys Enter
	for k in 1 2 3 1 2 3 1 2 3 1 2 3; do sleep 0.3; tmux -L "$sock" send-keys "$k"; done
	for k in Enter Tab PageDown Tab '?' Escape q y; do sleep 0.5; tmux -L "$sock" send-keys "$k"; done
	quit=no
	for i in 1 2 3 4 5 6 7 8 9 10; do
		tmux -L "$sock" has-session 2>/dev/null || { quit=yes; break; }
		sleep 1
	done
	tmux -L "$sock" kill-server 2>/dev/null
	if [ "$quit" = yes ] && ls "$logs"/curses.*.log >/dev/null 2>&1; then
		echo "memcheck: curses interview ran to the comparison and quit"
	else
		echo "memcheck: the curses interview under valgrind did not finish"
		exit 1
	fi
fi
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

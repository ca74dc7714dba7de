#!/bin/sh
# The command line when the machine, not the input, is the problem (issue 10):
# out of memory, out of file descriptors, a path longer than the system
# allows, a reader that closes the pipe, a full disk under -o. Each gets one
# plain line, the right exit status, and no lost or half-written file.
# Usage: cli_faults.sh BINARY SOURCE_ROOT
set -u
bin=$1
src=$2
content=$src/content
answers=$src/tests/fixtures/answers
tmp=$(mktemp -d)
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "FAIL - $1"; }
show() { sed 's/^/    /' "$@" | head -10; }

# one_line NAME RC EXPECTED_RC REGEX FILE: exactly one line, matching
one_line() {
	if [ "$2" -ne "$3" ]; then
		no "$1: exit $2, expected $3"; show "$5"
	elif [ "$(wc -l <"$5")" -ne 1 ] || ! grep -Eq -- "$4" "$5"; then
		no "$1: not one line matching /$4/"; show "$5"
	else
		ok "$1"
	fi
}

# Out of memory: a summary of a 30 MB log under a 8 MiB address-space limit.
# A sanitizer's shadow memory needs terabytes of address space: skipped there.
if ldd "$bin" 2>/dev/null | grep -q 'libasan'; then
	echo "skip - out of memory: a sanitizer build cannot run under ulimit -v"
else
	awk 'BEGIN { for (i = 0; i < 300000; i++) printf "%099d\n", i }' >"$tmp/big.log"
	# the outer braces keep the shell's own "Aborted" out of the test's output
	{ (ulimit -v 8192 && exec "$bin" --content "$content" --summary "$tmp/big.log") \
		>/dev/null 2>"$tmp/err"; echo $? >"$tmp/rc"; } 2>/dev/null
	one_line "out of memory: one line, then abort" "$(cat "$tmp/rc")" 134 \
		'^outsource-wizard: out of memory \(allocating [0-9]+ bytes\)$' "$tmp/err"
fi

# Out of file descriptors: said once, not as a problem in every content file.
(ulimit -n 4 && exec "$bin" --check-content --content "$content") >/dev/null 2>"$tmp/err"
one_line "4 file descriptors: cannot open files, one line" $? 1 \
	'^outsource-wizard: cannot open files: too many open files \(the limit is 4, ulimit -n\); nothing was run$' "$tmp/err"

# A path longer than PATH_MAX would be cut into another file's name.
long=$(awk 'BEGIN { for (i = 0; i < 1100; i++) printf "dir/"; print "r.md" }')
for opt in --report --output --log; do
	extra=
	[ "$opt" = --output ] && extra="--answers $answers/kpo.ini"
	"$bin" --content "$content" $extra "$opt" "$long" </dev/null >/dev/null 2>"$tmp/err"
	rc=$?
	head -1 "$tmp/err" >"$tmp/err1"
	one_line "$opt longer than PATH_MAX refused" $rc 2 \
		"^outsource-wizard: $opt: the path is too long \(the system allows fewer than 4096 bytes\)$" "$tmp/err1"
done

# A reader that goes away (| head, | true): the batch run says so in one line
# and still writes its results record.
{ sleep 0.3; "$bin" --content "$content" --answers "$answers/kpo.ini" --log "$tmp/pipe.csv" 2>"$tmp/err"; echo $? >"$tmp/rc"; } | true
one_line "broken pipe: one line, exit 1" "$(cat "$tmp/rc")" 1 \
	'^outsource-wizard: cannot write the report: the reader of the output went away \(broken pipe\)$' "$tmp/err"
[ -f "$tmp/pipe.csv" ] && [ "$(wc -l <"$tmp/pipe.csv")" -eq 2 ] && ok "broken pipe: the result is still logged" ||
	no "broken pipe: the result is still logged"

# -o replaces the file whole: its mode kept, a new one by the umask, no
# temporary file left, and a device written in place.
printf 'old report\n' >"$tmp/kept.txt"
chmod 640 "$tmp/kept.txt"
"$bin" --content "$content" --answers "$answers/kpo.ini" -o "$tmp/kept.txt" 2>"$tmp/err"
rc=$?
mode=$(stat -c %a "$tmp/kept.txt")
if [ "$rc" -eq 0 ] && [ "$mode" = 640 ] && grep -q '^Outsource Wizard' "$tmp/kept.txt" &&
	[ "$(ls "$tmp" | grep -c '^kept.txt')" -eq 1 ]; then
	ok "-o replaces a file, keeping its mode"
else
	no "-o replaces a file (exit $rc, mode $mode)"; show "$tmp/err"
fi
(umask 027 && exec "$bin" --content "$content" --answers "$answers/kpo.ini" -o "$tmp/new.txt")
mode=$(stat -c %a "$tmp/new.txt" 2>/dev/null)
[ "$mode" = 640 ] && ok "-o makes a new file by the umask" || no "-o makes a new file by the umask (mode $mode)"
ln -s kept.txt "$tmp/link.txt"
"$bin" --content "$content" --answers "$answers/kpo.ini" -f json -o "$tmp/link.txt" 2>"$tmp/err"
[ -L "$tmp/link.txt" ] && [ "$(head -c1 "$tmp/kept.txt")" = '{' ] &&
	[ "$(stat -c %a "$tmp/kept.txt")" = 640 ] && ok "-o through a symlink replaces its target, the link stays" ||
	no "-o through a symlink replaces its target, the link stays"
"$bin" --content "$content" --answers "$answers/kpo.ini" -o /dev/null 2>"$tmp/err" &&
	ok "-o /dev/null is written in place" || no "-o /dev/null is written in place"

# A full disk: a 12 KiB tmpfs (root only) holding the old report and 5000
# bytes of something else; the 9 KiB report does not fit.
mkdir "$tmp/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=12k tmpfs "$tmp/full" 2>/dev/null; then
	mnt=$tmp/full
	printf 'the old report\n' >"$mnt/r.txt"
	head -c 5000 /dev/zero >"$mnt/filler"
	"$bin" --content "$content" --answers "$answers/kpo.ini" -o "$mnt/r.txt" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -eq 1 ] && [ "$(cat "$mnt/r.txt")" = "the old report" ] &&
		[ "$(ls "$mnt" | wc -l)" -eq 2 ] && grep -q 'No space left on device' "$tmp/err"; then
		ok "-o on a full disk leaves the old file whole and no partial one"
	else
		no "-o on a full disk (exit $rc)"; ls -la "$mnt"; show "$tmp/err"
	fi
else
	echo "skip - -o on a full disk: needs root to mount a small tmpfs"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

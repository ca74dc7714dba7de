#!/bin/sh
# The command line as a user meets it: the content check, batch reports, and a
# clear message with exit 2 for every kind of bad input.
# Usage: cli_test.sh BINARY SOURCE_ROOT
set -u
bin=$1
src=$2
content=$src/content
answers=$src/tests/fixtures/answers
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "FAIL - $1"; }

# expect NAME EXIT_CODE PATTERN -- COMMAND...: runs it, checks exit code and that
# stdout+stderr match the extended regex PATTERN.
expect() {
	name=$1 code=$2 pattern=$3
	shift 4
	"$@" >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -ne "$code" ]; then
		no "$name: exit $rc, expected $code"; sed 's/^/    /' "$tmp/out" | head -20
	elif ! grep -Eq -- "$pattern" "$tmp/out"; then
		no "$name: output lacks /$pattern/"; sed 's/^/    /' "$tmp/out" | head -20
	else
		ok "$name"
	fi
}

expect "help lists every option" 0 "--check-content" -- "$bin" --help
expect "version" 0 "^outsource-wizard [0-9]" -- "$bin" --version
expect "content check passes" 0 "^content OK: .*12 questions, 2 models" -- "$bin" --check-content --content "$content"
expect "content check finds content from the build tree" 0 "content OK" -- "$bin" --check-content
expect "content json" 0 '"questions"' -- "$bin" --check-content --format json --content "$content"
expect "routine task -> BPO" 0 "We recommend BPO" -- "$bin" --content "$content" --answers "$answers/bpo.ini"
expect "BPO report explains why" 0 "How routine" -- "$bin" --content "$content" --answers "$answers/bpo.ini"
expect "expert task -> KPO" 0 "We recommend KPO" -- "$bin" --content "$content" --answers "$answers/kpo.ini"
expect "mixed task -> split" 0 "split" -- "$bin" --content "$content" --answers "$answers/mixed.ini"
expect "markdown handout" 0 "^# " -- "$bin" --content "$content" --answers "$answers/kpo.ini" --format markdown
expect "json report" 0 '"recommendation"' -- "$bin" --content "$content" --answers "$answers/kpo.ini" -f json
"$bin" --content "$content" --answers "$answers/kpo.ini" --output "$tmp/r.txt" >"$tmp/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$tmp/out" ] && ok "output file: quiet, exit 0" || no "output file: quiet, exit 0"
grep -q "We recommend KPO" "$tmp/r.txt" && ok "output file holds the report" || no "output file holds the report"

# bad input: exit 2 and a message naming what and where
expect "unknown option" 2 "unknown option '--frobnicate'" -- "$bin" --frobnicate
expect "missing value" 2 "needs a value" -- "$bin" --answers
expect "bad format" 2 "unknown format 'pdf'" -- "$bin" --format pdf
expect "missing content dir" 2 "/nope/wizard.ini: cannot open" -- "$bin" --check-content --content /nope
expect "missing answers file" 2 "cannot open" -- "$bin" --content "$content" --answers "$tmp/none.ini"
printf '[answers]\nroutineness = scripted\n' >"$tmp/part.ini"
expect "missing answers named" 2 "no answer for expertise, volume" -- "$bin" --content "$content" --answers "$tmp/part.ini"
expect "allow partial" 0 "Strength" -- "$bin" --content "$content" --answers "$tmp/part.ini" --allow-partial
printf '[answers]\nroutineness = scripted\nspeed = fast\nvolume = lots\n' >"$tmp/bad.ini"
expect "unknown question: file, line, id" 2 "bad.ini:3: answers/speed: unknown question 'speed'" -- "$bin" --content "$content" --answers "$tmp/bad.ini" --allow-partial
expect "unknown option: file, line, id" 2 "bad.ini:4: answers/volume: unknown option 'lots'" -- "$bin" --content "$content" --answers "$tmp/bad.ini" --allow-partial
expect "answers file is a directory" 2 "is a directory" -- "$bin" --content "$content" --answers "$tmp"
expect "unwritable output" 2 "cannot write" -- "$bin" --content "$content" --answers "$answers/bpo.ini" --output /nonexistent/dir/r.txt

# broken content: every problem at once, file:line: section/key
cp -r "$content" "$tmp/c"
printf '[extra]\ntitle = T\ntext = Q\nhelp = H\nweight = heavy\noption.a = A\npoints.a.xpo = 1\n' >>"$tmp/c/questions.ini"
expect "content errors: not a number" 2 "questions.ini:[0-9]+: extra/weight: 'heavy' is not a number" -- "$bin" --check-content --content "$tmp/c"
expect "content errors: unknown model" 2 "extra/points.a.xpo: unknown model 'xpo'" -- "$bin" --check-content --content "$tmp/c"
expect "content errors: too few options" 2 "needs at least 2" -- "$bin" --check-content --content "$tmp/c"
# control characters in content never reach the terminal raw
cp -r "$content" "$tmp/e"
printf '[x]\ntitle = \033]2;PWNED\007\n' >>"$tmp/e/models.ini"
"$bin" --check-content --content "$tmp/e" >"$tmp/out" 2>&1
if grep -q "$(printf '\033')" "$tmp/out"; then no "escape in content reaches stderr raw"; else ok "escape in content neutralised"; fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

#!/bin/sh
# The command line as a user meets it: the content check, batch reports, a
# clear message with exit 2 for every kind of bad input, and exit 1 when what
# the run was asked to write cannot be written (the man page's EXIT STATUS).
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
expect "background page" 0 "^Background: " -- "$bin" --background --content "$content"
expect "background facts carry their year" 0 "in 2021" -- "$bin" --background --content "$content"
expect "background is not a batch option" 2 "cannot be combined" -- "$bin" --background --answers "$answers/bpo.ini"
expect "content without a background" 2 "background" -- "$bin" --background --content "$src/tests/fixtures/mini"
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
printf 'this is not an answers file\n' >"$tmp/broken.ini"
expect "unknown question: file, line, id" 2 "bad.ini:3: answers/speed: unknown question 'speed'" -- "$bin" --content "$content" --answers "$tmp/bad.ini" --allow-partial
expect "unknown option: file, line, id" 2 "bad.ini:4: answers/volume: unknown option 'lots'" -- "$bin" --content "$content" --answers "$tmp/bad.ini" --allow-partial
expect "answers file is a directory" 2 "is a directory" -- "$bin" --content "$content" --answers "$tmp"
expect "broken answers file: not INI" 2 "broken.ini" -- "$bin" --content "$content" --answers "$tmp/broken.ini"
expect "bad idle timeout names the option" 2 "^outsource-wizard: --idle-timeout: 'soon' is not whole seconds from 1 to 86400" -- "$bin" --kiosk --idle-timeout soon
expect "input ending early in --plain" 2 "Input ended before question 2" -- sh -c 'echo 1 | "$0" --content "$1" --plain' "$bin" "$content"
expect "no terminal: says --plain" 2 "--plain" -- sh -c '"$0" --content "$1" </dev/null' "$bin" "$content"

# could not write what it was asked to write: exit 1, and a message
expect "help tells the exit statuses" 0 "128\+N after" -- "$bin" --help
expect "unwritable output" 1 "cannot write /nonexistent/dir/r.txt" -- "$bin" --content "$content" --answers "$answers/bpo.ini" --output /nonexistent/dir/r.txt
# expect_closed NAME PATTERN -- COMMAND...: stdout closed, then stdout /dev/full.
expect_closed() {
	name=$1 pattern=$2
	shift 3
	"$@" >&- 2>"$tmp/err"
	rc=$?
	"$@" >/dev/full 2>>"$tmp/err"
	rc2=$?
	if [ "$rc" -ne 1 ] || [ "$rc2" -ne 1 ]; then
		no "$name: exit $rc (closed) and $rc2 (/dev/full), expected 1"; sed 's/^/    /' "$tmp/err" | head -5
	elif ! grep -Eq -- "$pattern" "$tmp/err"; then
		no "$name: stderr lacks /$pattern/"; sed 's/^/    /' "$tmp/err" | head -5
	else
		ok "$name"
	fi
}
expect_closed "batch report to a closed stdout" "cannot write the report" -- "$bin" --content "$content" --answers "$answers/bpo.ini"
expect_closed "content check to a closed stdout" "cannot write the report" -- "$bin" --check-content --content "$content"
expect_closed "plain report to a closed stdout" "cannot write the report" -- sh -c 'printf "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n" | "$0" --content "$1" --plain' "$bin" "$content"
"$bin" --content "$content" --answers "$answers/bpo.ini" --log "$tmp/r.csv" >/dev/null 2>&1
expect_closed "summary to a closed stdout" "cannot write the report" -- "$bin" --content "$content" --summary "$tmp/r.csv"
expect "unwritable log in batch mode: the report, then exit 1" 1 "results not saved" -- "$bin" --content "$content" --answers "$answers/bpo.ini" --log /nonexistent/dir/r.csv
grep -q "We recommend BPO" "$tmp/out" && ok "unwritable log: the report is still printed" || no "unwritable log: the report is still printed"
expect "unwritable log in --plain: exit 1" 1 "results not saved" -- sh -c 'printf "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n" | "$0" --content "$1" --plain --log /nonexistent/dir/r.csv' "$bin" "$content"

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


# a decimal-comma locale (issue 10): numbers are read and written with '.'
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/de_DE ]; then
	mkdir -p "$tmp/loc"
	localedef -i de_DE -f UTF-8 "$tmp/loc/de_DE.UTF-8" >/dev/null 2>&1
	de() { LOCPATH=$tmp/loc LC_ALL=de_DE.UTF-8 "$@"; }
	if [ "$(de locale decimal_point 2>/dev/null)" != "," ]; then
		no "decimal comma: localedef made no de_DE.UTF-8 with a comma"
	fi
	expect "decimal comma: content check passes" 0 "^content OK" -- de "$bin" --check-content --content "$content"
	same=yes
	for a in bpo kpo mixed; do
		for f in json text markdown; do
			de "$bin" --content "$content" --answers "$answers/$a.ini" --format "$f" >"$tmp/de.out" 2>&1
			LC_ALL=C "$bin" --content "$content" --answers "$answers/$a.ini" --format "$f" >"$tmp/c.out" 2>&1
			cmp -s "$tmp/de.out" "$tmp/c.out" || { same="no ($a, $f)"; diff "$tmp/c.out" "$tmp/de.out" | head -5; }
		done
	done
	[ "$same" = yes ] && ok "decimal comma: batch reports byte-identical to LC_ALL=C" ||
		no "decimal comma: batch reports differ from LC_ALL=C: $same"
	for a in bpo kpo mixed; do
		de "$bin" --content "$content" --answers "$answers/$a.ini" --log "$tmp/de.csv" >/dev/null 2>&1
	done
	# a score written as "0,5" would be a field too many
	awk -F, 'NR == 1 { n = NF } NF != n { bad = 1 } END { exit bad || NR != 4 }' "$tmp/de.csv" &&
		ok "decimal comma: the results log has one field per column" ||
		no "decimal comma: the results log has one field per column"
	expect "decimal comma: summary of the log" 0 "3 sessions" -- de "$bin" --content "$content" --summary "$tmp/de.csv"
	de "$bin" --content "$content" --summary "$tmp/de.csv" --format json >"$tmp/de.out" 2>&1
	LC_ALL=C "$bin" --content "$content" --summary "$tmp/de.csv" --format json >"$tmp/c.out" 2>&1
	cmp -s "$tmp/de.out" "$tmp/c.out" && ok "decimal comma: summary JSON byte-identical to LC_ALL=C" ||
		no "decimal comma: summary JSON differs from LC_ALL=C"
else
	echo "skip - decimal comma: no localedef or /usr/share/i18n/locales (Debian package locales)"
fi

# "-" is standard input for -a and --summary, standard output for -o (issue 11)
expect "-a - reads the answers from standard input" 0 "We recommend KPO" -- sh -c '"$0" --content "$1" -a - <"$2"' "$bin" "$content" "$answers/kpo.ini"
expect "-a - through a pipe" 0 "We recommend BPO" -- sh -c 'cat "$2" | "$0" --content "$1" --answers -' "$bin" "$content" "$answers/bpo.ini"
expect "-a -: problems name standard input and the line" 2 "^standard input:3: answers/speed: unknown question 'speed'" -- sh -c '"$0" --content "$1" -a - --allow-partial <"$2"' "$bin" "$content" "$tmp/bad.ini"
expect "-a -: missing answers named" 2 "^standard input: .*no answer for expertise" -- sh -c '"$0" --content "$1" -a - <"$2"' "$bin" "$content" "$tmp/part.ini"
head -c 5000000 /dev/zero | tr '\0' '#' >"$tmp/big.ini"
expect "-a -: more than 4 MiB refused" 2 "^standard input: larger than 4 MiB" -- sh -c 'cat "$2" | "$0" --content "$1" -a -' "$bin" "$content" "$tmp/big.ini"
(cd "$tmp" && "$bin" --content "$content" --answers "$answers/kpo.ini" -o - -f json >"$tmp/dash.out" 2>&1)
if [ $? -eq 0 ] && grep -q '"recommendation"' "$tmp/dash.out" && [ ! -e "$tmp/-" ]; then
	ok "-o - writes standard output, no file named -"
else
	no "-o - writes standard output, no file named -"; sed 's/^/    /' "$tmp/dash.out" | head -5
fi
expect "-a - -o -" 0 "We recommend KPO" -- sh -c '"$0" --content "$1" -a - -o - <"$2"' "$bin" "$content" "$answers/kpo.ini"
expect_closed "-o - to a closed stdout" "cannot write the report" -- "$bin" --content "$content" --answers "$answers/bpo.ini" -o -
rm -f "$tmp/dash.csv"
for a in bpo kpo mixed; do "$bin" --content "$content" --answers "$answers/$a.ini" --log "$tmp/dash.csv" >/dev/null 2>&1; done
expect "--summary - reads a log from standard input" 0 "^Outsource Wizard: 3 sessions" -- sh -c '"$0" --content "$1" --summary - <"$2"' "$bin" "$content" "$tmp/dash.csv"
expect "--summary - through a pipe, beside a file" 0 "^Outsource Wizard: 4 sessions" -- sh -c 'head -2 "$2" | "$0" --content "$1" --summary "$3" -' "$bin" "$content" "$tmp/dash.csv" "$tmp/dash.csv"
{ head -2 "$tmp/dash.csv"; echo 'torn,"record'; } >"$tmp/torn.csv"
expect "--summary -: a damaged record names standard input" 0 "standard input line 3" -- sh -c '"$0" --content "$1" --summary - <"$2"' "$bin" "$content" "$tmp/torn.csv"
expect "--summary - twice counts once" 0 "^standard input: the same file as standard input; counted once" -- sh -c '"$0" --content "$1" --summary - - <"$2"' "$bin" "$content" "$tmp/dash.csv"
# --plain saves with --report (issue 11): the answers, Enter at the review, s, Enter
printf '1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n\ns\n\n' >"$tmp/plain.keys"
expect "--plain --report saves the markdown report there" 0 "Saved the report to $tmp/p.md" -- sh -c '"$0" --content "$1" --plain --report "$2" <"$3"' "$bin" "$content" "$tmp/p.md" "$tmp/plain.keys"
head -1 "$tmp/p.md" | grep -q '^# ' && ok "--plain --report: the file is the markdown handout" || no "--plain --report: the file is the markdown handout"
expect "--plain --report never overwrites" 0 "Not saved: $tmp/p.md already exists" -- sh -c '"$0" --content "$1" --plain --report "$2" <"$3"' "$bin" "$content" "$tmp/p.md" "$tmp/plain.keys"

# far more keys than questions: refused at once, with the count (issue 10)
awk 'BEGIN { print "[answers]"; for (i = 0; i < 100000; i++) print "k" i " = x" }' >"$tmp/many.ini"
expect "answers file of 100000 keys refused" 2 "many.ini: 100001 keys and sections, .*not an answers file" -- "$bin" --content "$content" --answers "$tmp/many.ini"
# a log named twice, through another path or a symlink, counts once
"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$tmp/twice.csv" >/dev/null 2>&1
ln -s twice.csv "$tmp/twice-link.csv"
(cd "$tmp" && "$bin" --content "$content" --summary twice.csv ./twice.csv twice-link.csv >"$tmp/out" 2>"$tmp/err")
if grep -q "^Outsource Wizard: 1 session" "$tmp/out" && [ "$(wc -l <"$tmp/err")" -eq 2 ] &&
	grep -q "^./twice.csv: the same file as twice.csv; counted once$" "$tmp/err"; then
	ok "summary: a log named twice counts once, one line each"
else
	no "summary: a log named twice counts once"; sed 's/^/    /' "$tmp/err" "$tmp/out" | head -5
fi

# the task's name heads every report and goes to the log (issue 11)
{ printf '[task]\nname = "=Invoice entry, Lyon"\n\n'; cat "$answers/kpo.ini"; } >"$tmp/task.ini"
expect "task: the text report names it" 0 "^Task: =Invoice entry, Lyon$" -- "$bin" --content "$content" --answers "$tmp/task.ini"
expect "task: the markdown handout names it" 0 "^Task: =Invoice entry, Lyon" -- "$bin" --content "$content" --answers "$tmp/task.ini" -f markdown
expect "task: JSON carries it" 0 '"task": "=Invoice entry, Lyon"' -- "$bin" --content "$content" --answers "$tmp/task.ini" -f json
"$bin" --content "$content" --answers "$tmp/task.ini" --log "$tmp/task.csv" >/dev/null 2>&1
grep -q "^time,.*,strength,task,crc32$" "$tmp/task.csv" && grep -q ",\"'=Invoice entry, Lyon\"," "$tmp/task.csv" &&
	ok "task: the log's task column, quoted and never a formula" || { no "task: the log's task column"; cat "$tmp/task.csv"; }
expect "task: the summary reads the log" 0 "1 session" -- "$bin" --content "$content" --summary "$tmp/task.csv"

# workshop tags and the summary's filters (issue 12)
expect "--workshop with a bad name refused" 2 "a workshop name is 1 to 40 letters" -- "$bin" --content "$content" --answers "$answers/kpo.ini" --workshop "a/b"
expect "-f csv without --summary refused" 2 "-f csv goes with --summary" -- "$bin" --content "$content" --answers "$answers/kpo.ini" -f csv
expect "--summary -f csv of a CSV log: a header and a row" 0 "^time,session,workshop,task,mode,result,strength," -- "$bin" --content "$content" --summary "$tmp/task.csv" -f csv
expect "--since without --summary refused" 2 "--since goes with --summary" -- "$bin" --content "$content" --since today
expect "--since a bad day refused" 2 "a day as YYYY-MM-DD, or today" -- "$bin" --content "$content" --summary "$tmp/task.csv" --since 2026-13-01
expect "--summary --workshop over a CSV log (no tags): no session" 0 "0 sessions" -- "$bin" --content "$content" --summary "$tmp/task.csv" --workshop Lyon

# --prefill is for the wizard (issue 11)
expect "--prefill with --answers refused" 2 "--prefill is for the interactive wizard" -- "$bin" --content "$content" --prefill "$answers/kpo.ini" --answers "$answers/kpo.ini"
expect "--prefill with --kiosk refused" 2 "--prefill is for the interactive wizard" -- "$bin" --content "$content" --prefill "$answers/kpo.ini" --kiosk
printf '[answers]\nroutineness = sideways\n' >"$tmp/badpre.ini"
expect "--prefill with an unknown option names file and line" 2 "badpre.ini:2: .*sideways" -- "$bin" --content "$content" --prefill "$tmp/badpre.ini"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

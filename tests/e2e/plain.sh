#!/bin/bash
# --plain walked with piped input gives the same result and answers as the
# batch mode for the same answers; "<" goes back; output has no escape
# sequences. In tmux (issue 11): the review changes an answer, s saves to
# --report, the whole interview reads aloud without a line of decoration,
# and a terminal that cannot draw falls back to --plain by itself.
. "$(dirname "$0")/lib.sh"

json="$WORK/content.json"
"$BIN" --content "$CONTENT" --check-content -f json >"$json"
for f in "$SRC"/tests/fixtures/answers/*.ini; do
	name=$(basename "$f" .ini)
	# Option numbers for the answers file, in question order.
	python3 - "$json" "$f" >"$WORK/$name.keys" <<'PY'
import configparser, json, sys
c = json.load(open(sys.argv[1]))
ini = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
ini.read(sys.argv[2])
ans = ini["answers"]
for i, q in enumerate(c["questions"]):
    ids = [o["id"] for o in q["options"]]
    if i == 1:
        print("1")   # a wrong answer first, then go back and fix it
        print("<")
    print(ids.index(ans[q["id"]]) + 1 if q["id"] in ans else len(ids))
PY
	"$BIN" --content "$CONTENT" --answers "$f" >"$WORK/$name.batch"
	"$BIN" --content "$CONTENT" --plain <"$WORK/$name.keys" >"$WORK/$name.plain"
	rc=$?
	check "$name: --plain exits 0" test "$rc" -eq 0
	# The plain report is the batch report's words without its decoration:
	# the same answers, line for line, under "Your answers:".
	check "$name: --plain lists the batch report's answers, line for line" python3 -c "
import sys
p = open('$WORK/$name.plain').read(); b = open('$WORK/$name.batch').read()
ans = lambda t, head: t.split(head, 1)[1].strip().split('\n\n')[0]
want = ans(b, 'Your answers\n------------\n')
sys.exit(not (want.count('\n') >= 11 and ans(p, '\nYour answers:\n') == want))"
	head=$(grep -m1 -E 'recommend|better fit|Split the work' "$WORK/$name.batch")
	check "$name: same recommendation ($head)" grep -qF "Result: $head" "$WORK/$name.plain"
	check "$name: no escape sequence" sh -c "! grep -q \$'\\033' '$WORK/$name.plain'"
done
printf '1\n' | "$BIN" --content "$CONTENT" --plain >"$WORK/short.out" 2>&1
rc=$?
check "input ending early: status 2" test "$rc" -eq 2
check "input ending early: says so" grep -q "Input ended before question 2" "$WORK/short.out"

# --- in tmux, typed as a person would (issue 11) ---
# wait_for on the pane with its wrapped lines joined: a plain line longer
# than the pane is one line to the program and to a screen reader.
joined() { $TM capture-pane -p -J -t ow; }
wait_joined() {
	local i=0
	while [ $i -lt 60 ]; do
		joined | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "  (timed out waiting for \"$1\"; the pane shows:)"
	joined | sed 's/^/  | /'
	return 1
}
# The option numbers of an answers file, in question order.
numbers() {
	python3 - "$json" "$1" <<'PY'
import configparser, json, sys
c = json.load(open(sys.argv[1]))
ini = configparser.ConfigParser(inline_comment_prefixes=(";", "#"))
ini.read(sys.argv[2])
for q in c["questions"]:
    ids = [o["id"] for o in q["options"]]
    print(ids.index(ini["answers"][q["id"]]) + 1)
PY
}
# The label of option N of question Q (both 1-based).
label() { python3 -c "import json,sys; print(json.load(open('$json'))['questions'][$1 - 1]['options'][$2 - 1]['label'])"; }
# answer N...: question i gets the i-th number, each typed once its question shows.
answer() {
	local i=1
	for k in "$@"; do
		wait_for "Question $i of" >/dev/null || return 1
		send "$k" Enter
		i=$((i + 1))
	done
	wait_for "Review: $# of $# answered"
}
mapfile -t MIXED < <(numbers "$SRC/tests/fixtures/answers/mixed.ini")
# A whole interview, a changed answer and a save, recorded byte for byte as
# a screen reader gets it (script(1) inside the pane).
$TM kill-session -t ow >/dev/null 2>&1
$TM new-session -d -s ow -x 80 -y 24 \
	"cd '$WORK' && env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color LANG=C.UTF-8 script -qfec \"'$BIN' --content '$CONTENT' --plain --report '$WORK/mine.md'\" '$WORK/reader.raw'; echo \"[exit \$?]\"; exec sleep 600"
check "R1 review: every answer listed after the last question" answer "${MIXED[@]}"
check "R1 review: numbered, with the question's title" wait_for "  2. Expertise needed: "
send 2 Enter
check "R2 review: 2 opens that question again, the earlier answer marked" wait_joined "(your earlier answer)"
new=$(( MIXED[1] == 1 ? 2 : 1 ))
send "$new" Enter
check "R2 review: the changed answer is listed" wait_joined "  2. Expertise needed: $(label 2 "$new")"
send Enter
check "R3 result: the report, its sections in words" wait_for "Your answers:"
check "R3 result: the offer names the --report file" wait_joined "it goes to $WORK/mine.md."
check "R3 result: the prompt" wait_for "s saves, < goes back to the review, Enter finishes:"
send s Enter
check "S1 save: says where it went" wait_for "Saved the report to $WORK/mine.md"
check "S1 save: the markdown handout is there" sh -c "head -1 '$WORK/mine.md' | grep -q '^# '"
check "S1 save: it holds the changed answer" grep -qF "$(label 2 "$new")" "$WORK/mine.md"
send Enter
check "S1 save: Enter finishes, exit 0" wait_for "[exit 0]"
# The screen-reader pass: every line of what was said, read as text.
check "A1 reader: the capture holds the welcome, the review and the save" python3 -c "
import sys
t = open('$WORK/reader.raw', encoding='utf-8', errors='replace').read()
sys.exit(not all(w in t for w in ('Type the number of your answer', 'Review: 12 of 12 answered',
                                  'Result: ', 'Where your answers land:', 'Saved the report to')))"
# no_decoration FILE: no line is made only of = - # * _ ~ and box-drawing
# characters, and none holds "->" (Script lines are script(1)'s own).
no_decoration() {
	python3 - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], encoding='utf-8', errors='replace').read().replace('\r', '')
mark = '=#*_~\u2500-\u259f-'
bad = [l for l in t.split('\n') if not l.startswith('Script ') and
       ('->' in l or re.fullmatch('[\\s%s]*[%s][\\s%s]*' % (mark, mark, mark), l))]
for l in bad[:5]:
    print('  | ' + l)
sys.exit(bool(bad))
PY
}
check "A1 reader: no line is decoration (= - # * or box characters alone, or ->)" no_decoration "$WORK/reader.raw"
printf 'Title\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n' >"$WORK/box.txt"
decorated() { ! no_decoration "$1" >/dev/null; }
check "A2 reader: the check bites on the batch text report" decorated "$WORK/mixed.batch"
check "A2 reader: the check bites on a line of box characters" decorated "$WORK/box.txt"
check "A1 reader: no escape sequence" sh -c "! grep -q \$'\\033' '$WORK/reader.raw'"

# An existing --report file is never overwritten, and it says so.
start 80 24 -- --plain --report "$WORK/mine.md"
answer "${MIXED[@]}" >/dev/null
send Enter
wait_for "s saves" >/dev/null
send s Enter
check "S2 save: an existing --report file is refused, by name" wait_for "Not saved: $WORK/mine.md already exists"
send Enter
wait_dead >/dev/null

# A terminal that cannot draw: the wizard says so in one line and runs --plain.
fallback() { # fallback NAME VAR=value...: the message, the interview, exit 0
	local name=$1
	shift
	start 80 24 "$@"
	check "$name: one line says it uses --plain" wait_joined "cannot draw the wizard; using --plain"
	answer "${MIXED[@]}" >/dev/null
	send Enter
	check "$name: the plain result" wait_for "Enter finishes:"
	send Enter
	check "$name: exit 0" wait_for "[exit 0]"
}
fallback "T1 TERM=dumb" TERM=dumb
start 80 24 TERM=dumb
wait_for "Question 1 of" >/dev/null
check "T1 TERM=dumb: the line names the terminal, before the interview" sh -c "$TM capture-pane -p -J -t ow | head -1 | grep -qxF 'outsource-wizard: this terminal (TERM=dumb) cannot draw the wizard; using --plain'"
send C-d
check "T1 TERM=dumb: input ending at question 1 is still status 2" wait_for "[exit 2]"
fallback "T2 TERM unknown" TERM=no-such-terminal
fallback "T3 TERM empty" TERM=
if command -v tic >/dev/null; then
	printf 'nocup|a terminal without cursor addressing,\n\tcols#80, lines#24, bel=^G, cr=\\r, cud1=\\n, ind=\\n,\n' >"$WORK/nocup.src"
	tic -o "$WORK/terminfo" "$WORK/nocup.src"
	fallback "T4 no cup" TERMINFO="$WORK/terminfo" TERM=nocup
else
	echo "skip - T4 no cup: tic is not installed"
fi
finish

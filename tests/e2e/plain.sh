#!/bin/bash
# --plain walked with piped input gives the same report as the batch mode for
# the same answers; "<" goes back; output has no escape sequences.
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
	check "$name: --plain ends with the batch report, byte for byte" python3 -c "
import sys
p = open('$WORK/$name.plain', 'rb').read(); b = open('$WORK/$name.batch', 'rb').read()
sys.exit(not (len(b) > 100 and p.endswith(b)))"
	head=$(grep -m1 -E 'recommend|better fit|close call' "$WORK/$name.batch")
	check "$name: same recommendation ($head)" grep -qF "$head" "$WORK/$name.plain"
	check "$name: no escape sequence" sh -c "! grep -q \$'\\033' '$WORK/$name.plain'"
done
printf '1\n' | "$BIN" --content "$CONTENT" --plain >"$WORK/short.out" 2>&1
rc=$?
check "input ending early: status 2" test "$rc" -eq 2
check "input ending early: says so" grep -q "Input ended before question 2" "$WORK/short.out"
finish

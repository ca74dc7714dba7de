#!/bin/bash
# A whole interview at 80x24 with keys alone: welcome, every question, the
# review, the result, the comparison; changing answers from the review changes
# the result; save writes the report; q (asking first) restores the terminal.
. "$(dirname "$0")/lib.sh"

start 80 24
check "welcome screen shows how to start" wait_for "Press Enter to start."
send Enter
check "question 1 shows its number and options" wait_for "Question 1 of"
N=$(nquestions)
check "question 1 lists numbered options" wait_for "1. ("
# A mouse click (X10 report: press, release) on option 3's row chooses it.
row=$(screen | grep -n '3\. (' | head -1 | cut -d: -f1)
cy=$(printf '%x' $((32 + row)))
$TM send-keys -t ow -H 1b 5b 4d 20 26 "$cy" 1b 5b 4d 23 26 "$cy"
check "a click on an option chooses it and goes on" wait_for "Question 2 of"
send Left
check "going back shows the clicked answer marked" wait_for "3. (●)"
send 3
for _ in $(seq 2 "$N"); do send 3; sleep 0.03; done
check "after $N answers the review shows all of them" wait_for "Review: $N of $N answered"
send Enter
check "Enter on See the result shows the result" wait_for "Result"
check "the result has the balance" wait_for "Where your answers land"
check "the result has the strength" wait_for "Strength: "
first=$(screen | sed -n '3,8p' | grep -o 'We recommend [A-Za-z]*\|[A-Za-z]* looks the better fit\|Split the work between [A-Za-z]* and [A-Za-z]*' | head -1)
check "the result has a headline ($first)" test -n "$first"
check "the result gives reasons" wait_for "Why"
send Tab
check "Tab opens the comparison" wait_for "Comparison:"
recommends_none() { ! screen | grep -qF '(recommended)'; }
case $first in
Split*) check "in a split the comparison names the parts, recommends none" recommends_none ;;
*) check "the comparison marks the recommended model" wait_for "(recommended)" ;;
esac
check "the comparison marks touched rows" wait_for "marks where your answers point"
before=$(screen)
send PgDn
sleep 0.2
check "PgDn scrolls the table" test "$(screen)" != "$before"
send Tab
check "Tab goes back to the result" wait_for "Where your answers land"
send Left
check "Left goes back to the review" wait_for "Review:"
# Change every answer to the first option, from the review.
for i in $(seq "$N"); do
	send Home
	for _ in $(seq $((i - 1))); do send Down; done
	send Enter
	wait_for "Question $i of $N" >/dev/null || fail "review opens question $i"
	send 1
	wait_for "Review:" >/dev/null || fail "answer $i returns to the review"
done
send End Enter
check "the result shows again" wait_for "Where your answers land"
second=$(screen | sed -n '3,8p' | grep -o 'We recommend [A-Za-z]*\|[A-Za-z]* looks the better fit\|Split the work between [A-Za-z]* and [A-Za-z]*' | head -1)
check "changing the answers changed the result ($first -> $second)" test -n "$second" -a "$first" != "$second"
send s
check "s opens the save dialog with a dated name" wait_for "> outsource-wizard-report-"
check "... and the four formats" wait_for "The answers, to run again with --answers (.ini)"
send Enter
check "Enter saves and says the name first, then where" wait_for "Saved outsource-wizard-report-"
report=$(ls "$WORK"/outsource-wizard-report-*.md 2>/dev/null | head -1)
check "the report file exists in the current directory" test -f "$report"
check "the report holds the new headline" grep -qF "$second" "$report"
# Save as: another name and format, typed with the line keys
send s
wait_for "> outsource-wizard-report-" >/dev/null
send C-u r o o m . m d Down
check "Down picks plain text and the extension follows" wait_for "> room.txt"
send Enter
check "saved as room.txt" wait_for "Saved room.txt in"
check "room.txt is the text report" grep -q "^Outsource Wizard" "$WORK/room.txt"
send s
wait_for "> outsource-wizard-report-" >/dev/null
send C-u r o o m . t x t Enter
check "an existing name asks before replacing" wait_for "room.txt already exists. Replace it? y/n"
send n
check "n keeps the dialog, nothing replaced" wait_for "Enter save, Esc cancel"
send Down Down Down
send C-u r o o m . i n i Enter
check "the answers saved as an .ini" wait_for "Saved room.ini in"
check "the .ini reads back with --answers" "$BIN" --content "$CONTENT" --answers "$WORK/room.ini" -o "$WORK/again.txt"
check "... to the same headline" grep -qF "$second" "$WORK/again.txt"
send s
wait_for "> outsource-wizard-report-" >/dev/null
send Escape
check "Esc closes the dialog" wait_gone "Enter save, Esc cancel"
send q
check "q asks first" wait_for "Quit the wizard?"
send n
check "n keeps the wizard running" wait_gone "Quit the wizard?"
send q
wait_for "Quit the wizard?" >/dev/null
send y
check "y quits" wait_dead
check "exit status 0" status_is 0
check "the whole path of each saved file is said at exit" wait_for "Saved the report to $WORK/room.txt"
check "terminal restored (main screen, cursor visible)" restored

# --prefill: pick up where you left (the .ini saved above, less two answers)
grep -v '^volume\|^decisions' "$WORK/room.ini" >"$WORK/part.ini"
start 80 24 -- --prefill "$WORK/part.ini"
check "--prefill opens on the review with the answers given" wait_for "Review: 10 of 12 answered"
check "... the first open question not answered" wait_for "(not answered)"
send Enter
check "Enter opens the first open question" wait_for "Question 3 of 12"
send 1
check "an answer goes back to the review" wait_for "Review: 11 of 12 answered"
send Enter
check "... and Enter opens the next open one" wait_for "Question 5 of 12"
send 1
wait_for "Review: 12 of 12 answered" >/dev/null
send Enter
check "then Enter shows the result" wait_for "Where your answers land"
send q y
wait_dead >/dev/null
"$BIN" --content "$CONTENT" --prefill "$WORK/nothere.ini" >"$WORK/pre.err" 2>&1
check "--prefill with a missing file: exit 2 before any screen" test $? -eq 2
check "... naming the file" grep -q "nothere.ini: cannot open" "$WORK/pre.err"
finish

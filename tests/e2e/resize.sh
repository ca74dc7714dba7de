#!/bin/bash
# Resizing at any moment redraws at once and keeps every answer: in the middle
# of a question and of the table; 30x10 shows the enlarge screen, and the
# wizard carries on when the window grows again.
. "$(dirname "$0")/lib.sh"

start 80 24
wait_for "Press Enter to start." >/dev/null
send Enter
wait_for "Question 1 of" >/dev/null
N=$(nquestions)
send 2
wait_for "Question 2 of" >/dev/null
send 2
check "two answers given, on question 3" wait_for "Question 3 of $N"
title3=$(screen | sed -n 3p | sed 's/^ *//')
resize 60 20
check "60x20 redraws question 3" wait_for "Question 3 of $N"
check "60x20 still shows its title ($title3)" wait_for "$title3"
resize 200 50
check "200x50 redraws question 3" wait_for "Question 3 of $N"
resize 30 10
check "30x10 asks to enlarge the window" wait_for "Please enlarge the window"
check "the enlarge screen names the size" wait_for "(now 30x10)"
send 1
resize 80 24
# At once: resize returns only when the wizard has been told the new size
# (tmux alone tells it up to 250 ms later, and a key before that meets the
# enlarge screen, which ignores it).
send Left
check "a key right after the window grows back is handled at 80x24: back to question 2 (the 1 sent while too small was ignored)" \
	wait_for "Question 2 of $N"
check "question 2 still shows the earlier answer 2 marked" sh -c "$TM capture-pane -p -t ow | grep -q '2\\. (●)'"
send Enter
wait_for "Question 3 of $N" >/dev/null
for _ in $(seq 3 "$N"); do send 3; sleep 0.03; done
wait_for "Review:" >/dev/null
send Enter
wait_for "Where your answers land" >/dev/null
send Tab
check "the comparison table" wait_for "┼"
send PgDn
sleep 0.1
resize 50 20
check "below 60 columns the table is stacked" wait_gone "┼"
check "the stacked view still shows the comparison" wait_for "Comparison"
resize 100 30
check "100x30 shows the table again" wait_for "┼"
resize 30 10
check "30x10 in the table: enlarge screen" wait_for "Please enlarge"
resize 80 24
check "80x24: back in the comparison" wait_for "Comparison:"
send Tab
check "the result is intact" wait_for "Where your answers land"
send Left
check "all answers kept" wait_for "Review: $N of $N answered"
send q y
check "quits" wait_dead
check "terminal restored" restored
finish

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

# Sizes no real window has, as a visitor's `stty cols 40000` over SSH makes
# them: ncurses keeps sizes in a short, and every cell costs memory, so the
# wizard lays out at most 500x200 and says so. The pty is set directly (tmux
# will not make such a window) and the wizard is told with SIGWINCH.
rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }
huge() { # huge COLS ROWS: the pty's size, and the wizard told
	stty -F "$(pane '#{pane_tty}')" cols "$1" rows "$2"
	kill -WINCH "$pid"
	sleep 0.5
}
start 80 24
wait_for "Press Enter to start." >/dev/null
pid=$(wizard_pid)
send Enter 2
wait_for "Question 2 of" >/dev/null
huge 40000 50
check "40000 columns: the wizard is still running" alive "$pid"
huge 2000 2000
check "2000x2000: still running" alive "$pid"
rss=$(rss_kb "$pid")
echo "  # RSS at 2000x2000: $rss KiB"
check "2000x2000: memory stays flat (RSS $rss KiB, under 64 MiB)" test "${rss:-999999}" -lt 65536
huge 80 24
send Left
check "back to 80x24: drawn normally, the answer kept" wait_for "Question 1 of"
send q y
check "quits after the huge sizes" wait_dead
check "terminal restored after the huge sizes" restored

# Started in such a window: capped from the first frame (the pane shows only
# its 80x24 corner), and it carries on at a real size.
$TM kill-session -t ow >/dev/null 2>&1
$TM new-session -d -s ow -x 80 -y 24 "stty cols 40000 rows 40; cd '$WORK' && env -i PATH='$PATH' TERM=tmux-256color LANG=C.UTF-8 '$BIN' --content '$CONTENT'; echo \"[exit \$?]\"; exec sleep 600"
check "started at 40000x40: draws" wait_for "Press Enter to start."
stty -F "$(pane '#{pane_tty}')" cols 80 rows 24
kill -WINCH "$(wizard_pid)"
send Enter
check "started at 40000x40, then 80x24: the interview works" wait_for "Question 1 of"
send q y
check "quits" wait_dead
# A window wider than 500 columns that tmux can show: the note is seen.
start 700 30
check "700x30: says it draws part of the window" wait_for "This window is 700x30: the wizard uses the top-left 500x30 of it."
check "700x30: nothing drawn beyond column 500" sh -c "! $TM capture-pane -p -t ow | cut -c501- | grep -q '[^ ]'"
resize 120 30
check "700x30, then 120x30: the note is gone" wait_gone "top-left"
send q y
check "quits" wait_dead
finish

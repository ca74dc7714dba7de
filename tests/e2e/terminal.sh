#!/bin/bash
# Terminal behaviour: LANG=C output holds no UTF-8 byte, NO_COLOR=1 holds no
# colour escape (the raw bytes are recorded with script(1)), TERM=dumb
# falls back to --plain, saying so, and a non-terminal gets a message naming
# --plain and status 2.
. "$(dirname "$0")/lib.sh"

walk() { # the whole interview, help, result, comparison, quit
	wait_for "Press Enter to start." >/dev/null || return 1
	answer_all 2 >/dev/null || return 1
	send '?'
	wait_for "Keys" >/dev/null
	send Escape Enter
	wait_for "Result" >/dev/null
	send Tab PgDn
	wait_for "Comparison" >/dev/null
	send q y
	wait_dead
}

command -v script >/dev/null || { echo "SKIP: script(1) missing"; exit 77; }
# script -c takes one string: wrap the binary and its arguments.
record() { # record FILE VAR=value...
	local out=$1
	shift
	$TM kill-session -t ow >/dev/null 2>&1
	$TM new-session -d -s ow -x 80 -y 24 \
		"cd '$WORK' && env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color LANG=C.UTF-8 $* script -qfec \"'$BIN' --content '$CONTENT'\" '$out'; echo \"[exit \$?]\"; exec sleep 600"
}

record "$WORK/c.bytes" LANG=C LC_ALL=C
check "LANG=C: a whole interview" walk
check "LANG=C: screens drawn in ASCII (# bars)" sh -c "grep -c '#' '$WORK/c.bytes' >/dev/null"
check "LANG=C: no byte above 0x7f in $(wc -c <"$WORK/c.bytes") bytes" \
	python3 -c "import sys; d=open(sys.argv[1],'rb').read(); d=d[:d.rfind(b'Script done')] if b'Script done' in d else d; sys.exit(any(b>127 for b in d))" "$WORK/c.bytes"

COLOUR='\x1b\[([0-9;]*;)?(3[0-9]|4[0-9]|9[0-7]|10[0-7])(;[0-9;]*)?m'
record "$WORK/colour.bytes"
walk >/dev/null
check "with colours: colour escapes are sent (the check below means something)" \
	python3 -c "import re,sys; sys.exit(not re.search(rb'$COLOUR', open(sys.argv[1],'rb').read()))" "$WORK/colour.bytes"
record "$WORK/nocolor.bytes" NO_COLOR=1
check "NO_COLOR=1: a whole interview" walk
check "NO_COLOR=1: no colour escape in $(wc -c <"$WORK/nocolor.bytes") bytes" \
	python3 -c "import re,sys; sys.exit(bool(re.search(rb'$COLOUR', open(sys.argv[1],'rb').read())))" "$WORK/nocolor.bytes"

# A terminal that cannot draw runs --plain by itself (issue 11; plain.sh
# walks it through).
start 80 24 TERM=dumb
check "TERM=dumb: falls back to --plain, saying so" wait_for "(TERM=dumb) cannot draw the wizard"
check "TERM=dumb: the plain interview" wait_for "Question 1 of"
send C-d
check "TERM=dumb: input ending at once is status 2" wait_for "[exit 2]"
start 80 24 TERM=vt100 LANG=C
check "TERM=vt100 LANG=C: the wizard draws" wait_for "Press Enter to start."
send q y
check "TERM=vt100: quits" wait_dead
# The console: no mouse is asked for there (ncurses would load libgpm, which
# leaks: an ASan build then exits 134 instead of 0).
start 80 24 TERM=linux ASAN_OPTIONS=abort_on_error=1:detect_leaks=1
check "TERM=linux: the wizard draws" wait_for "Press Enter to start."
send q y
check "TERM=linux: quits with status 0 (no leak report)" sh -c "sleep 0.5; $TM capture-pane -p -t ow | grep -qF '[exit 0]'"

out=$(echo | env TERM=xterm "$BIN" --content "$CONTENT" 2>&1 >/dev/null; echo "[exit $?]")
check "stdin not a terminal: status 2" sh -c "echo '$out' | grep -qF '[exit 2]'"
check "stdin not a terminal: the message names --plain" sh -c "echo '$out' | grep -qF -- '--plain'"
finish

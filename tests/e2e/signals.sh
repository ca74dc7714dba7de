#!/bin/bash
# Every way out restores the terminal: q, SIGTERM, SIGINT, SIGHUP (no process
# left behind), SIGQUIT, and a crash (SIGSEGV) through the fatal handler.
. "$(dirname "$0")/lib.sh"

in_question() {
	start 80 24
	wait_for "Press Enter to start." >/dev/null
	send Enter 1
	wait_for "Question 2 of" >/dev/null
}

in_question
send q y
check "q: exit 0" sh -c "sleep 0.2; $TM capture-pane -p -t ow | grep -qF '[exit 0]'"
check "q: terminal restored" restored

for sig in TERM:143 INT:130 HUP:129 QUIT:131; do
	name=${sig%%:*} code=${sig##*:}
	in_question
	pid=$(wizard_pid)
	kill -"$name" "$pid"
	check "SIG$name: the wizard exits" wait_dead 2
	check "SIG$name: exit status $code" status_is "$code"
	check "SIG$name: no process left" eval "! alive $pid"
	check "SIG$name: terminal restored" restored
done

# A hangup as over SSH: the terminal goes away under the process.
in_question
pid=$(wizard_pid)
$TM kill-session -t ow
sleep 1
check "pane closed (hangup): no process left within 1 s" eval "! alive $pid"
check "pane closed (hangup): no CPU time used (no spinning)" sh -c "t=\$(ps -o times= -p $pid 2>/dev/null | tr -d ' '); [ -z \"\$t\" ] || [ \"\$t\" -le 1 ]"
alive "$pid" && kill -9 "$pid" 2>/dev/null

# Stopped from outside (kill -STOP cannot be caught) and brought back with fg:
# the shell had the tty in its own cooked modes meanwhile; SIGCONT must put
# the wizard's raw modes back, or keys wait for Enter and are echoed.
$TM kill-session -t ow >/dev/null 2>&1
$TM new-session -d -s ow -x 80 -y 24 "env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color PS1='sh$ ' bash --norc --noprofile -i"
wait_for 'sh$' >/dev/null
send "LANG=C.UTF-8 '$BIN' --content '$CONTENT'" Enter
wait_for "Press Enter to start." >/dev/null
pid=$(pgrep -nf -- "^$BIN --content")
kill -STOP "$pid"
wait_for "Stopped" >/dev/null
send fg Enter
sleep 0.5
check "STOP, then fg: the tty is back in raw mode (-icanon -echo)" sh -c "m=\$(stty -F '$(pane '#{pane_tty}')' -a); echo \"\$m\" | grep -qw -- -icanon && echo \"\$m\" | grep -qw -- -echo"
check "STOP, then fg: the screen is drawn again" wait_for "Press Enter to start."
send Enter
check "STOP, then fg: one key (no Enter after it) is taken at once" wait_for "Question 1 of"
kill -TERM "$pid" 2>/dev/null

in_question
pid=$(wizard_pid)
kill -SEGV "$pid"
check "SIGSEGV: the process dies" wait_dead 2
check "SIGSEGV: terminal restored (fatal handler)" restored
finish

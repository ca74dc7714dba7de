# Shared helpers for the tmux end-to-end tests. Source it, then call the
# functions. Usage of every script: script.sh [BINARY [SOURCE_ROOT]].
# Each script prints one line per check and exits 1 if any failed.
set -u
E2E_DIR=$(cd "$(dirname "$0")" && pwd)
SRC=${2:-$(cd "$E2E_DIR/../.." && pwd)}
BIN=${1:-$SRC/build/outsource-wizard}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
CONTENT=$SRC/content
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ow-e2e.XXXXXX")
SOCK=ow-e2e-$$
printf 'set -g default-terminal tmux-256color\nset -g history-limit 0\n' \
	>"$WORK/tmux.conf"
TM="tmux -L $SOCK -f $WORK/tmux.conf"
CHECKS=0
FAILS=0

cleanup() {
	$TM kill-server >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT

command -v tmux >/dev/null || { echo "SKIP: tmux is not installed"; exit 77; }
[ -x "$BIN" ] || { echo "FAIL: no binary at $BIN"; exit 1; }

ok() { CHECKS=$((CHECKS + 1)); echo "ok   - $*"; }
fail() { CHECKS=$((CHECKS + 1)); FAILS=$((FAILS + 1)); echo "FAIL - $*"; }
# check DESCRIPTION COMMAND...: runs the command, records the result.
check() {
	local d=$1
	shift
	if "$@"; then ok "$d"; else fail "$d"; fi
}
finish() {
	echo "# $CHECKS checks, $((CHECKS - FAILS)) passed, $FAILS failed"
	[ "$FAILS" -eq 0 ]
	exit $?
}

# start W H [VAR=value ...] [-- ARGS...]: the wizard in a fresh pane, in $WORK,
# with TERM=tmux-256color and LANG=C.UTF-8 unless overridden.
start() {
	local w=$1 h=$2 envs="" args=""
	shift 2
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	for a in "$@"; do args="$args '$a'"; done
	$TM kill-session -t ow >/dev/null 2>&1
	# A shell stays after the wizard, so the restored terminal can be checked
	# (tmux reports a dead pane's cursor as hidden) and the status read.
	# Killing the last session makes the server exit in the background: a
	# new session asked for at that moment can reach the dying server and
	# fail ("server exited unexpectedly"), so ask again until one starts.
	local i=0
	until $TM new-session -d -s ow -x "$w" -y "$h" \
		"cd '$WORK' && env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color LANG=C.UTF-8 $envs ${WRAP:-} '$BIN' --content '$CONTENT' $args; echo \"[exit \$?]\"; exec sleep 600" \
		2>/dev/null; do
		i=$((i + 1))
		[ $i -lt 50 ] || { echo "tmux would not start a session" >&2; return 1; }
		sleep 0.1
	done
}
# 0 when pid has exited (a zombie counts as gone: in a container nobody may
# reap an orphan).
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }
# The wizard's process id (the pane's shell is its parent).
wizard_pid() { ps -o pid= --ppid "$(pane '#{pane_pid}')" | tr -d ' ' | head -1; }
screen() { $TM capture-pane -p -t ow; }
send() { $TM send-keys -t ow "$@"; }
# resize W H: the window to W x H, returning once the program has been told.
# tmux resizes a pane's pty (the ioctl that sends SIGWINCH) at most every
# 250 ms and coalesces what comes in between, so resize-window returning says
# nothing about what the program sees: a key sent at once can reach it before
# the SIGWINCH, at the old size. This waits until the kernel's size of the
# pane's tty is W x H.
resize() {
	local before win i=0
	before=$(pty_size) win=$(pane '#{window_width} #{window_height}')
	resize_nowait "$1" "$2"
	[ "$win" = "$1 $2" ] && return 0 # nothing for tmux to do
	# The pty is already W x H but another size is queued: tmux sends that
	# one first, then ours 10 ms later; both come within one timer period.
	[ "$before" = "$2 $1" ] && sleep 0.3
	while [ $i -lt 100 ] && [ "$(pty_size)" != "$2 $1" ]; do sleep 0.02; i=$((i + 1)); done
	[ "$(pty_size)" = "$2 $1" ] || echo "  (the pane's tty is still $(pty_size) after 2 s, not ${2}x$1 rows x columns)"
}
# resize_nowait W H: the resize as tmux takes it (the program is told within
# about 250 ms), for storms that want resizes at random moments.
resize_nowait() { $TM resize-window -t ow -x "$1" -y "$2"; }
# "ROWS COLS" of the pane's tty as the kernel has it: what the program reads.
pty_size() { stty -F "$(pane '#{pane_tty}')" size 2>/dev/null; }
pane() { $TM display -p -t ow "$1"; }
# wait_for TEXT [SECONDS]: until the pane shows TEXT (fixed string).
wait_for() {
	local i=0 n=$(( ${2:-3} * 20 ))
	while [ $i -lt $n ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "  (timed out waiting for \"$1\"; the pane shows:)"
	screen | sed 's/^/  | /'
	return 1
}
wait_gone() { # until TEXT is no longer shown
	local i=0
	while [ $i -lt 60 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
wait_dead() { wait_for "[exit " "${1:-3}"; }
restored() { [ "$(pane '#{alternate_on} #{cursor_flag}')" = "0 1" ]; }
status_is() { screen | grep -qF "[exit $1]"; }
nquestions() { screen | sed -n 's/.*Question [0-9]* of \([0-9]*\).*/\1/p' | head -1; }
# answer_all KEY: from the welcome, answer every question with KEY.
answer_all() {
	send Enter
	wait_for "Question 1 of" || return 1
	local n
	n=$(nquestions)
	for _ in $(seq "$n"); do send "$1"; sleep 0.03; done
	wait_for "Review:"
}

#!/bin/bash
# Monkey test: the real binary in tmux takes a storm of random input and
# random resizes, and survives it.
#
# Usage: monkey.sh BINARY SOURCE_ROOT [KEYS] [RESIZES]
#   KEYS     random keys per mode (default 20000)
#   RESIZES  random resizes per mode, 1x1 .. 300x100 (default 50)
#   MONKEY_KEYS / MONKEY_RESIZES in the environment override both, e.g.
#   MONKEY_KEYS=200000 meson test -C build-asan e2e-monkey
#   MONKEY_SEED=N replays a run (the seed is printed first). Key order and
#   sizes are the same for a seed; the timing of batches against the program
#   is not, so a replay is close, not byte-exact.
#   MONKEY_TRACE=FILE writes every batch ("keys HEX...") and resize
#   ("resize W H") to FILE, one line each, for a replay by hand.
#
# The keys: printable ASCII, the wizard's own keys, C0 controls (Ctrl-C, Ctrl-Z,
# Ctrl-\, Ctrl-S, Ctrl-Q, NUL, DEL...), Esc storms, escape sequences (arrows,
# F1-F12, Home/End/PgUp/PgDn/Ins/Del, Backspace, Tab, Back-Tab, Enter), raw
# SGR and X10 mouse events, UTF-8, C1 and invalid bytes, random CSI sequences.
# They go in batches with `tmux send-keys -H` (raw bytes, fast), resizes in
# between. After every batch the process must still be running (not stopped).
#
# 1. Normal mode: no 'q'/'Q' and no Ctrl-C in the stream (q then y, or Ctrl-C,
#    may legitimately end it). Esc at the first question and F10 also ask to
#    quit, and a random y or Enter may say yes: such a clean exit (status 0,
#    terminal restored) is counted and the wizard started again. Afterwards a key changes the screen, q then y
#    exits 0, the terminal is restored, and no ASan/UBSan report was written.
# 2. Kiosk mode (--kiosk, idle timeout of an hour): everything, q, y and
#    Ctrl-C included. It must never exit; afterwards a key changes the screen;
#    SIGTERM ends it (143), terminal restored, no sanitizer report.
#
# With an ASan build the sanitizers abort on the first error and write their
# report to a temp dir (log_path), so a report is found even if the pane dies.
. "$(dirname "$0")/lib.sh"
# A session that outlives the test's own, so the tmux server never exits
# between a kill-session and the next new-session.
$TM new-session -d -s keep -x 80 -y 24 'exec sleep 3600'

NKEYS=${MONKEY_KEYS:-${3:-20000}}
NRESIZES=${MONKEY_RESIZES:-${4:-50}}
SEED=${MONKEY_SEED:-$(( ($(date +%s) + $$) % 100000 ))}
BATCH_KEYS=200   # keys per send-keys call
BATCH_BYTES=1800 # and at most this many bytes (tmux limits a command's size)
SAN=$WORK/san
mkdir -p "$SAN" "$WORK/reports"
SANENV="ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:log_path=$SAN/asan UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$SAN/ubsan"
T0=$SECONDS
echo "# seed $SEED: replay with MONKEY_SEED=$SEED $0 $BIN $SRC $NKEYS $NRESIZES"
echo "# $NKEYS keys and $NRESIZES resizes per mode (normal, then kiosk)"

for i in {0..255}; do printf -v HX[i] '%02x' "$i"; done

# Escape sequences as hex: xterm/tmux cursor keys in both modes, the keypad
# keys, F1-F12 (SS3 and CSI forms), with modifiers, Back-Tab, Backspace, Tab, Enter.
SEQS=(
	"1b 5b 41" "1b 5b 42" "1b 5b 43" "1b 5b 44" "1b 4f 41" "1b 4f 42" "1b 4f 43" "1b 4f 44"
	"1b 5b 48" "1b 5b 46" "1b 4f 48" "1b 4f 46" "1b 5b 31 7e" "1b 5b 34 7e"
	"1b 5b 35 7e" "1b 5b 36 7e" "1b 5b 32 7e" "1b 5b 33 7e"
	"1b 4f 50" "1b 4f 51" "1b 4f 52" "1b 4f 53"
	"1b 5b 31 35 7e" "1b 5b 31 37 7e" "1b 5b 31 38 7e" "1b 5b 31 39 7e" "1b 5b 32 30 7e"
	"1b 5b 32 31 7e" "1b 5b 32 33 7e" "1b 5b 32 34 7e"
	"1b 5b 31 3b 32 41" "1b 5b 31 3b 35 43" "1b 5b 31 3b 33 42" "1b 5b 35 3b 35 7e"
	"1b 5b 31 3b 32 50" "1b 5b 5a" "7f" "08" "09" "0d" "0a" "1b 0d" "1b 1b 5b 41"
)
# Bytes that stand for the wizard's own keys, to get deep into the flow.
WKEYS=(31 32 33 34 35 36 37 38 39 31 32 33 0d 0d 09 3f 62 63 73 72 6e 6a 6b 79 1b 7f 0c)
KIOSK_EXTRA=(71 71 79 51 03 1a 1c 13 11)
C0KEYS=(1a 1c 13 11 7f 00 1b 03)

B=()       # the batch being built (hex bytes)
NB_KEYS=0  # keys in it
TOTAL_KEYS=0
TOTAL_BYTES=0
KIOSK=0

add() { B+=("$@"); }
# A byte the normal mode must not send: q, Q (quit) and Ctrl-C (interrupt).
forbidden() { [ $KIOSK -eq 0 ] && { [ "$1" = 71 ] || [ "$1" = 51 ] || [ "$1" = 03 ]; }; }
rand_byte() { # LO HI: a byte in [LO, HI] that the mode allows
	local b
	while :; do
		b=${HX[$(($1 + RANDOM % ($2 - $1 + 1)))]}
		forbidden "$b" || break
	done
	add "$b"
}

gen_key() {
	local r=$((RANDOM % 100)) n i
	if [ $r -lt 28 ]; then # printable ASCII
		rand_byte 32 126
	elif [ $r -lt 44 ]; then # the wizard's keys
		if [ $KIOSK -eq 1 ] && [ $((RANDOM % 4)) -eq 0 ]; then
			add "${KIOSK_EXTRA[RANDOM % ${#KIOSK_EXTRA[@]}]}"
		else
			add "${WKEYS[RANDOM % ${#WKEYS[@]}]}"
		fi
	elif [ $r -lt 54 ]; then # C0 controls and DEL; Ctrl-Z, -\, -S, -Q often
		case $((RANDOM % 3)) in
		0) add "${HX[$((RANDOM % 32))]}" ;;
		1) add "${C0KEYS[RANDOM % ${#C0KEYS[@]}]}" ;;
		*) n=$((RANDOM % 32)); [ $n -eq 3 ] && [ $KIOSK -eq 0 ] && n=26; add "${HX[n]}" ;;
		esac
		forbidden "${B[-1]}" && unset 'B[-1]' && add 1a
	elif [ $r -lt 78 ]; then # escape sequences
		# shellcheck disable=SC2086
		add ${SEQS[RANDOM % ${#SEQS[@]}]}
	elif [ $r -lt 82 ]; then # an Esc storm
		n=$((2 + RANDOM % 30))
		[ $((NB_KEYS + n)) -gt $BATCH_KEYS ] && n=$((BATCH_KEYS - NB_KEYS))
		[ $n -lt 1 ] && n=1
		for ((i = 0; i < n; i++)); do add 1b; done
		NB_KEYS=$((NB_KEYS + n - 1))
	elif [ $r -lt 88 ]; then # mouse: SGR (1006) or X10, press/release/wheel/drag
		local btn=(0 1 2 3 32 35 64 65)
		local b=${btn[RANDOM % 8]} x=$((1 + RANDOM % 300)) y=$((1 + RANDOM % 100)) s c
		if [ $((RANDOM % 2)) -eq 0 ]; then
			s="<$b;$x;$y"
			[ $((RANDOM % 2)) -eq 0 ] && s="${s}M" || s="${s}m"
			add 1b 5b
			for ((i = 0; i < ${#s}; i++)); do
				printf -v c '%02x' "'${s:i:1}"
				add "$c"
			done
		else
			x=$((1 + RANDOM % 223)) y=$((1 + RANDOM % 223))
			add 1b 5b 4d "${HX[32 + b % 96]}"
			# the coordinate bytes must not read as q/Q once split up
			for c in $((32 + x)) $((32 + y)); do
				forbidden "${HX[c]}" && c=$((c + 1))
				add "${HX[c]}"
			done
		fi
	elif [ $r -lt 94 ]; then # UTF-8, C1, invalid and lone high bytes
		case $((RANDOM % 7)) in
		0) add c3 a9 ;;          # é
		1) add e6 97 a5 ;;       # a CJK character
		2) add f0 9f 98 80 ;;    # an emoji
		3) add c2 9b ;;          # C1 CSI as UTF-8
		4) add c0 af ;;          # overlong
		5) add 9b 33 31 6d ;;    # 8-bit CSI
		*) rand_byte 128 255 ;;
		esac
	else # a random CSI sequence, maybe unknown, maybe huge numbers
		add 1b 5b
		n=$((RANDOM % 4))
		for ((i = 0; i < n; i++)); do
			[ $i -gt 0 ] && add 3b
			local num=$((RANDOM % 3 == 0 ? RANDOM * RANDOM : RANDOM % 40)) k
			for ((k = 0; k < ${#num}; k++)); do add "${HX[48 + ${num:k:1}]}"; done
		done
		rand_byte 64 126
	fi
	NB_KEYS=$((NB_KEYS + 1))
}

# /proc/PID/stat: state and utime+stime.
pstat() { awk '{print $3, $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# wait_idle PID [SECONDS]: until the process sleeps and uses no CPU for 60 ms
# (it has read and drawn what it was sent), or the time is up.
wait_idle() {
	local i=0 n=$(( ${2:-10} * 50 )) a b
	while [ $i -lt $n ]; do
		a=$(pstat "$1")
		sleep 0.03
		b=$(pstat "$1")
		[ -z "$b" ] && return 1
		[ "${a%% *}" = S ] && [ "$a" = "$b" ] && { sleep 0.03; [ "$(pstat "$1")" = "$b" ] && return 0; }
		i=$((i + 1))
	done
	return 1
}
# 0 when the process is running or sleeping (not gone, not stopped).
running() { local s; s=$(pstat "$1"); [ -n "$s" ] && [ "${s%% *}" != T ] && [ "${s%% *}" != t ] && [ "${s%% *}" != Z ]; }

# seen: counts which screen the pane shows (how deep the storm got).
declare -A SEEN
seen() {
	local s k
	s=$(screen)
	case $s in
	*"Please enlarge"*) k=too-small ;;
	*"─ Help ─"*) k=help ;;
	*"Quit the wizard?"*) k=quit-dialog ;;
	*"Start over?"*) k=start-over-dialog ;;
	*"Press Enter to start."*) k=welcome ;;
	*"Comparison"*) k=comparison ;;
	*"Where your answers land"*) k=result ;;
	*"Review:"*) k=review ;;
	*"Question "*" of "*) k=question ;;
	*) k=other ;;
	esac
	SEEN[$k]=$(( ${SEEN[$k]:-0} + 1 ))
}
seen_list() { local k; for k in "${!SEEN[@]}"; do printf '%s:%s ' "$k" "${SEEN[$k]}"; done; }

san_reports() { ls "$SAN" 2>/dev/null | wc -l; }
show_reports() {
	local f
	for f in "$SAN"/*; do
		[ -f "$f" ] || continue
		echo "  (sanitizer report $(basename "$f"):)"
		head -40 "$f" | sed 's/^/  | /'
	done
}

# start_m W H [VAR=value ...] [-- ARGS...]: lib.sh's start, but the exit status
# also goes to $WORK/status (at 1x1 the pane cannot show it).
start_m() {
	local w=$1 h=$2 envs="" args=""
	shift 2
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs="$envs $1"; shift; done
	[ $# -gt 0 ] && shift
	for a in "$@"; do args="$args '$a'"; done
	rm -f "$WORK/status"
	$TM kill-session -t ow >/dev/null 2>&1
	$TM new-session -d -s ow -x "$w" -y "$h" \
		"cd '$WORK' && env -i PATH='$PATH' HOME='$WORK' TERM=tmux-256color LANG=C.UTF-8 $envs '$BIN' --content '$CONTENT' $args; s=\$?; echo \$s >'$WORK/status'; echo \"[exit \$s]\"; exec sleep 600"
}
# post_mortem: after the process died, its exit status.
post_mortem() {
	local i=0
	resize 80 24
	while [ $i -lt 50 ] && [ ! -s "$WORK/status" ]; do sleep 0.1; i=$((i + 1)); done
	echo "  (exit status $(cat "$WORK/status" 2>/dev/null || echo unknown); 129 = treated as a hangup)"
}

# quit_cleanly NAME: in normal mode Esc at the first question and F10 ask to
# quit too, and a random y or Enter may say yes: a clean exit 0 with the
# terminal restored is a quit, not a failure. Counts it, starts the wizard
# again (PID) and returns 0; else 1.
QUITS=0
quit_cleanly() {
	local i=0
	[ $KIOSK -eq 0 ] || return 1
	while [ $i -lt 30 ] && [ ! -s "$WORK/status" ]; do sleep 0.1; i=$((i + 1)); done
	[ "$(cat "$WORK/status" 2>/dev/null)" = 0 ] && restored || return 1
	QUITS=$((QUITS + 1))
	start_m 80 24 $SANENV
	wait_for "Press Enter to start." 10 >/dev/null || return 1
	PID=$(wizard_pid)
}

# storm MODE_NAME PID: the keys and resizes. Returns 1 when the process died.
storm() {
	local name=$1 pid=$2 w h sent=0 bytes=0 resized=0 t=$SECONDS b=0 last
	SEEN=() QUITS=0
	while [ $sent -lt "$NKEYS" ]; do
		B=() NB_KEYS=0
		while [ $NB_KEYS -lt $BATCH_KEYS ] && [ ${#B[@]} -lt $BATCH_BYTES ] &&
			[ $((sent + NB_KEYS)) -lt "$NKEYS" ]; do
			gen_key
		done
		last="${B[*]}"
		[ -n "${MONKEY_TRACE:-}" ] && echo "keys $last" >>"$MONKEY_TRACE"
		send -H "${B[@]}"
		sent=$((sent + NB_KEYS)) bytes=$((bytes + ${#B[@]})) b=$((b + 1))
		wait_idle "$pid" 10
		if ! running "$pid" && quit_cleanly "$name"; then
			pid=$PID # started again: the storm goes on
		elif ! running "$pid"; then
			fail "$name: the process is gone or stopped after $sent keys and $resized resizes"
			echo "  (state: $(pstat "$pid"); the last batch, hex: $last)"
			show_reports
			TOTAL_KEYS=$((TOTAL_KEYS + sent)) TOTAL_BYTES=$((TOTAL_BYTES + bytes))
			return 1
		fi
		seen
		# Spread the resizes evenly over the batches: first 1x1, then 300x100,
		# then random sizes. Not waited for (resize_nowait): tmux tells the
		# program within 250 ms, so a SIGWINCH may land in the next batch.
		while [ $resized -lt "$NRESIZES" ] && [ $((resized * NKEYS)) -lt $((sent * NRESIZES)) ]; do
			case $resized in
			0) w=1 h=1 ;;
			1) w=300 h=100 ;;
			*) w=$((1 + RANDOM % 300)) h=$((1 + RANDOM % 100)) ;;
			esac
			[ -n "${MONKEY_TRACE:-}" ] && echo "resize $w $h" >>"$MONKEY_TRACE"
			resize_nowait "$w" "$h"
			resized=$((resized + 1))
			wait_idle "$pid" 10
			if ! running "$pid"; then
				fail "$name: the process is gone or stopped after resizing to ${w}x$h ($sent keys, $resized resizes)"
				echo "  (state: $(pstat "$pid"); the last batch, hex: $last)"
				TOTAL_KEYS=$((TOTAL_KEYS + sent)) TOTAL_BYTES=$((TOTAL_BYTES + bytes))
				show_reports
				return 1
			fi
		done
	done
	TOTAL_KEYS=$((TOTAL_KEYS + sent)) TOTAL_BYTES=$((TOTAL_BYTES + bytes))
	ok "$name: alive and running after all $sent keys ($bytes bytes, $b batches) and $resized resizes ($((SECONDS - t)) s; quit through the dialog and started again: $QUITS)"
	echo "  # screens seen after the batches: $(seen_list)"
}

# after_storm NAME PID: back to 80x24; a key still changes the screen; no
# spinning.
after_storm() {
	local name=$1 pid=$2 before c0 c1
	# resize waits until the program has been told (the storm's last resize
	# may still be queued in tmux): an n that arrived while it still saw a
	# too-small window would be ignored by the enlarge screen, as it should.
	resize 80 24
	wait_idle "$pid" 20
	check "$name: redrawn at 80x24 after the storm" wait_gone "Please enlarge"
	# Esc cancels the comparison's find prompt, if the storm left one open
	# (it would take n, ? and q as typed text); n closes help or a
	# confirmation, if one is open (Esc may have asked to start over).
	send Escape
	wait_idle "$pid" 5
	send n
	wait_idle "$pid" 5
	c0=$(pstat "$pid") c0=${c0#* }
	sleep 1
	c1=$(pstat "$pid") c1=${c1#* }
	check "$name: idle after the storm (CPU ticks in 1 s: $((c1 - c0)))" test $((c1 - c0)) -le 5
	before=$(screen)
	send '?'
	local i=0
	while [ $i -lt 60 ] && [ "$(screen)" = "$before" ]; do sleep 0.05; i=$((i + 1)); done
	if [ "$(screen)" != "$before" ]; then
		ok "$name: still answers a key (? changes the screen)"
	else
		fail "$name: ? did not change the screen in 3 s"
		screen | sed 's/^/  | /'
	fi
}

# ---- 1. normal mode
KIOSK=0
RANDOM=$SEED
[ -n "${MONKEY_TRACE:-}" ] && echo "# normal" >>"$MONKEY_TRACE"
start_m 80 24 $SANENV
wait_for "Press Enter to start." 10 >/dev/null || fail "normal: the welcome screen did not appear"
PID=$(wizard_pid)
echo "# normal mode: pid $PID"
if storm normal "$PID"; then
	after_storm normal "$PID"
	send n q
	if wait_for "Quit the wizard?" 3 >/dev/null; then
		send y
		check "normal: q then y exits" wait_dead 10
		check "normal: exit status 0" status_is 0
		check "normal: terminal restored (alternate screen off, cursor on)" restored
	else
		fail "normal: q did not ask to quit"
		screen | sed 's/^/  | /'
	fi
else
	post_mortem
fi
sleep 0.3
check "normal: no ASan/UBSan report ($(san_reports) files)" test "$(san_reports)" -eq 0
show_reports
rm -f "$SAN"/*

# ---- 2. kiosk mode
KIOSK=1
RANDOM=$((SEED + 1))
[ -n "${MONKEY_TRACE:-}" ] && echo "# kiosk" >>"$MONKEY_TRACE"
start_m 80 24 $SANENV -- --kiosk --idle-timeout 3600 --log "$WORK/kiosk.csv" --report-dir "$WORK/reports"
wait_for "Press Enter to start." 10 >/dev/null || fail "kiosk: the welcome screen did not appear"
PID=$(wizard_pid)
echo "# kiosk mode: pid $PID"
if storm kiosk "$PID"; then
	after_storm kiosk "$PID"
	kill -TERM "$PID"
	check "kiosk: SIGTERM ends it" wait_dead 10
	check "kiosk: exit status 143" status_is 143
	check "kiosk: terminal restored (alternate screen off, cursor on)" restored
else
	post_mortem
fi
sleep 0.3
check "kiosk: no ASan/UBSan report ($(san_reports) files)" test "$(san_reports)" -eq 0
show_reports

echo "# $TOTAL_KEYS keys ($TOTAL_BYTES bytes) and up to $((2 * NRESIZES)) resizes sent in $((SECONDS - T0)) s (seed $SEED)"
finish

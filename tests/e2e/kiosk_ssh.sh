#!/bin/bash
# The SSH kiosk, end to end, through a real (private) sshd: a whole interview
# over `ssh -tt` in tmux, then the escape and abuse checklist K1-K14 of
# ../shared/design/reliability.md section 1.5 (K10 and K12 in part: the
# window checks over SSH here, the 200 sessions in kiosk_load.sh), and from
# issue 10 K5b (an allowed TERM with no terminfo here) and K9b (the session
# limit).
# Needs root. Usage: tests/e2e/kiosk_ssh.sh [BUILD_DIR]
# Prints "ok - ..." / "FAIL - ..." / "skip - ..." per check and ends with
# "N passed, N failed, N skipped"; exits 1 on any failure, 77 without root.
. "$(dirname "$0")/kiosk_lib.sh"
kiosk_setup

TITLE=owk-title
printf 'set -g default-terminal tmux-256color\nset -g default-shell /bin/bash\nset -g history-limit 0\nset -g remain-on-exit off\n' >"$WORK/tmux.conf"
TM="tmux -L owk-$$ -f $WORK/tmux.conf"
BG_PIDS=""
KL_EXTRA_CLEANUP='$TM kill-server >/dev/null 2>&1; for p in $BG_PIDS; do kill "$p" 2>/dev/null; done'
CLK=$(getconf CLK_TCK)

# ---- tmux helpers (one session per attempt; S is the current one) ----------
S=
# kstart NAME [VAR=value ...] -- SSH_ARGS...: a fresh 80x24 pane that sets its
# title to $TITLE, then runs ssh with the test key; "[ssh exit N]" after.
kstart() {
	local name=$1 envs=() a
	shift
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
	[ $# -gt 0 ] && shift
	{
		echo '#!/bin/bash'
		declare -p SSH_BASE
		printf 'export HOME=%q\n' "$WORK/client"
		echo "printf '\\033]2;$TITLE\\033\\\\'"
		printf 'env '
		for a in "${envs[@]}"; do printf '%q ' "$a"; done
		printf 'ssh "${SSH_BASE[@]}" '
		for a in "$@"; do printf '%q ' "$a"; done
		echo
		echo 'echo "[ssh exit $?]"'
		echo 'exec sleep 600'
	} >"$WORK/run-$name.sh"
	$TM kill-session -t "$name" >/dev/null 2>&1
	$TM new-session -d -s "$name" -x 80 -y 24 "bash $WORK/run-$name.sh"
	S=$name
}
screen() { $TM capture-pane -p -t "$S" 2>/dev/null; }
send() { $TM send-keys -t "$S" "$@"; }
pane() { $TM display -p -t "$S" "$1" 2>/dev/null; }
show() { echo "  | the pane shows:"; screen | sed -e '/^ *$/d' -e 's/^/  | /' | head -24; }
# wait_for TEXT [SECONDS]: until the pane shows TEXT (fixed string).
wait_for() {
	local i=0 n=$(( ${2:-5} * 20 ))
	while [ $i -lt $n ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "  # timed out after ${2:-5} s waiting for \"$1\""
	show
	return 1
}
# wait_any SECONDS TEXT...: until one of the texts shows; prints it.
wait_any() {
	local n=$(( $1 * 20 )) i=0 t
	shift
	while [ $i -lt $n ]; do
		for t in "$@"; do screen | grep -qF -- "$t" && { echo "$t"; return 0; }; done
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# The local ssh client of the current pane.
client_pid() { ps --ppid "$(pane '#{pane_pid}')" -o pid=,comm= | awk '$2 == "ssh" {print $1}' | head -1; }
alive() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$s" ] && [ "${s#Z}" = "$s" ]; }
not_stopped() { local s; s=$(ps -o stat= -p "$1" 2>/dev/null); [ -n "$s" ] && [ "${s#T}" = "$s" ] && [ "${s#Z}" = "$s" ]; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# no_wizards [SECONDS]: until the kiosk user runs no wizard any more.
no_wizards() {
	local i=0 n=$(( ${1:-3} * 20 ))
	while [ $i -lt $n ]; do
		[ -z "$(wizard_pids)" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
# kend: close the pane (the ssh client gets SIGHUP) and wait for the server side.
kend() {
	$TM kill-session -t "$S" >/dev/null 2>&1
	no_wizards 5 || { note "a server-side wizard outlived its session: $(wizard_pids | tr '\n' ' ')"; for p in $(wizard_pids); do kill -9 "$p"; done; }
}
# one_wizard: the PID of the single server-side wizard (waits up to 3 s).
one_wizard() {
	local i
	for i in $(seq 60); do
		set -- $(wizard_pids)
		[ $# -eq 1 ] && { echo "$1"; return 0; }
		sleep 0.05
	done
	return 1
}
# The widest line on screen, in characters.
widest() { screen | python3 -c 'import sys; print(max([len(l.rstrip("\n")) for l in sys.stdin] or [0]))'; }
screen_changes_after() { # KEY...: the screen differs within 2 s of the keys
	local before i
	before=$(screen)
	send "$@"
	for i in $(seq 40); do
		[ "$(screen)" != "$before" ] && return 0
		sleep 0.05
	done
	return 1
}
no_uid() { ! grep -q 'uid=' "$@"; }
log_counts() { validate_log "$LOG"; }
WELCOME="Press Enter to start."
# OWK_ONLY="walk K6" runs only those sections (names: snippet walk K1 ... K14, K5b, K5c, K9b).
want() { [ -z "${OWK_ONLY:-}" ] || [[ " $OWK_ONLY " == *" $1 "* ]]; }
LOGMSG="needs an interactive terminal"

if want snippet; then
echo "# 0. the shipped snippet"
{ echo "HostKey $WORK/sshd/host_ed25519"; echo "UsePAM yes"; cat "$SNIPPET"; } >"$WORK/t.conf"
check "sshd -t accepts src/kiosk/deploy/sshd_kiosk.conf as shipped" /usr/sbin/sshd -t -f "$WORK/t.conf"
{ echo "HostKey $WORK/sshd/host_ed25519"; echo "UsePAM yes"; sed '/^Match User /,$d' "$SNIPPET"; kl_open_block 2222; } >"$WORK/t2.conf"
check "sshd -t accepts its open-kiosk variant (the commented lines)" \
	bash -c "/usr/sbin/sshd -t -f '$WORK/t2.conf' && grep -q '^[[:space:]]*PermitEmptyPasswords yes' '$WORK/t2.conf'"
eff=$(/usr/sbin/sshd -T -f "$WORK/sshd/sshd_config" -C "user=$OWK_USER,host=localhost,addr=127.0.0.1,laddr=127.0.0.1,lport=$PORT" 2>&1)
for kv in "permittty yes" "disableforwarding yes" "permittunnel no" "permituserrc no" "permituserenvironment no" \
	"maxsessions 1" "clientaliveinterval 15" "clientalivecountmax 4" "channeltimeout session=15m" "unusedconnectiontimeout 60" \
	"maxstartups 250:30:400" "logingracetime 30"; do
	echo "$eff" | grep -qx "$kv" || fail "effective config for the kiosk user lacks '$kv'"
done
bad_ports=""
for p in $KL_PORTS; do
	/usr/sbin/sshd -T -f "$WORK/sshd/sshd_config" -C "user=$OWK_USER,host=localhost,addr=127.0.0.1,laddr=127.0.0.1,lport=$p" >/dev/null 2>&1 || bad_ports="$bad_ports $p"
done
check "sshd -T -C re-reads the config for a login on every port (${bad_ports:-all fine})" test -z "$bad_ports"
check "effective config for the kiosk user has the forced command" grep -q "forcecommand exec $BIN --content $CONTENT --kiosk --log $LOG" <<<"$eff"

fi
if want walk; then
echo "# 1. a whole interview over ssh -tt (TERM=tmux-256color)"
kstart open -- -tt -o PubkeyAuthentication=no -p "$PORT_OPEN" "$HOST"
check "the open-kiosk variant of the snippet: an empty-password user gets the wizard with no prompt" wait_for "$WELCOME" 10
kend
out=$(timeout 15 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -tt -o PubkeyAuthentication=no -p "$PORT" "$HOST" </dev/null 2>&1)
check "the shipped (key) block: the same empty-password login without the key is refused ($(echo "$out" | head -1 | cut -c1-50))" \
	bash -c '! grep -q "Press Enter" <<<"$0" && grep -qi "denied" <<<"$0"' "$out"
kstart walk -- -tt -p "$PORT" "$HOST"
check "the kiosk's welcome screen appears over ssh" wait_for "$WELCOME" 10
WPID=$(one_wizard) || { fail "exactly one server-side wizard"; WPID=; }
if [ -n "$WPID" ]; then
	check "the wizard runs as the kiosk user ($OWK_USER)" test "$(ps -o user= -p "$WPID")" = "$OWK_USER"
	lim=$(cat "/proc/$WPID/limits" 2>/dev/null)
	if [ -n "$LIMITS_FILE" ]; then
		want_limit() { awk -v k="$1" '$1 == "wizard-kiosk" && $3 == k {print $4}' "$LIMITS_EXAMPLE"; }
		np=$(want_limit nproc) as=$(( $(want_limit as) * 1024 )) cpu=$(( $(want_limit cpu) * 60 ))
		check "PAM limits from limits.conf.example apply (nproc $np, as $as bytes, cpu $cpu s)" \
			bash -c "grep -Eq '^Max processes +$np +$np' <<<'$lim' && grep -Eq '^Max address space +$as +$as' <<<'$lim' && grep -Eq '^Max cpu time +$cpu +$cpu' <<<'$lim'"
	fi
	st=$(cat "/proc/$WPID/status")
	check "the exec guard is on (NoNewPrivs 1, Seccomp 2)" \
		bash -c "grep -q '^NoNewPrivs:[[:space:]]*1' <<<'$st' && grep -q '^Seccomp:[[:space:]]*2' <<<'$st'"
fi
send Enter
check "Enter starts the interview" wait_for "Question 1 of"
N=$(screen | sed -n 's/.*Question [0-9]* of \([0-9]*\).*/\1/p' | head -1)
N=${N:-0}
for _ in $(seq "$N"); do send 3; sleep 0.15; done
check "after $N answers the review shows" wait_for "Review: $N of $N answered"
send Enter
check "Enter shows the result" wait_for "Where your answers land"
send Tab
check "Tab shows the comparison" wait_for "Comparison:"
send q
got=$(wait_any 3 "Start over?" "$WELCOME" "Quit the wizard?")
[ "$got" = "Start over?" ] && { send y; got=$(wait_any 3 "$WELCOME" "Quit the wizard?"); }
if [ "$got" = "$WELCOME" ]; then
	ok "kiosk: q (and y to \"Start over?\") returns to the welcome screen"
else
	fail "kiosk: q returns to the welcome screen (got: ${got:-neither})"
	show
	[ "$got" = "Quit the wizard?" ] && send n
fi
read -r rec bad hdr <<<"$(for i in $(seq 30); do c=$(log_counts); [ "${c%% *}" -ge 1 ] && break; sleep 0.1; done; echo "$c")"
check "the finished interview is in the log while the session goes on (header + 1 record; got $hdr + $rec, $bad bad)" \
	test "$hdr" = 1 -a "$rec" = 1 -a "$bad" = 0
if alive "${WPID:-0}"; then
	send Escape
	sleep 0.3
	check "kiosk: Esc on the welcome screen does not end the session" alive "$WPID"
	# K10 over SSH: the window size travels with SIGWINCH through sshd.
	$TM resize-window -t "$S" -x 120 -y 35
	sleep 0.5
	w=$(widest)
	check "K10 resize to 120x35 through ssh: the wizard redraws wider (longest line $w)" test "$w" -gt 100
	$TM resize-window -t "$S" -x 20 -y 5
	sleep 0.5
	check "K10 resize to 20x5: still alive, asks for a larger window" \
		bash -c "$TM capture-pane -p -t $S | grep -qiE 'small|enlarge' && ps -p $WPID >/dev/null"
	$TM resize-window -t "$S" -x 80 -y 24
	sleep 0.5
	w=$(widest)
	check "K10 back to 80x24: drawn at 80 columns again (widest line $w)" \
		bash -c "[ $w -ge 70 ] && [ $w -le 80 ] && ! $TM capture-pane -p -t $S | grep -qi enlarge"
fi
kend
read -r rec bad hdr <<<"$(log_counts)"
check "after the session the log holds the header and exactly 1 whole record (got $hdr + $rec, $bad bad)" \
	test "$hdr" = 1 -a "$rec" = 1 -a "$bad" = 0
check "the record is marked mode kiosk" bash -c "sed -n 2p '$LOG' | cut -d, -f3 | grep -qx kiosk"

fi
if want K1; then
echo "# K1 remote commands never run"
for cmd in "/bin/sh" "id" "-- -c id" "id; echo PWNED" 'exec /bin/sh -i'; do
	# shellcheck disable=SC2086
	out=$(printf 'id\necho PWNED\n' | timeout 20 bash -c 'HOME=$0/client ssh "${@}"' "$WORK" "${SSH_BASE[@]}" -p "$PORT" "$HOST" $cmd 2>&1)
	rc=$?
	check "K1 'ssh host $cmd' (no tty): no command ran, the kiosk message instead (rc $rc)" \
		bash -c 'grep -qF "$1" <<<"$0" && ! grep -q "uid=\|^PWNED" <<<"$0"' "$out" "$LOGMSG"
done
kstart k1 -- -tt -p "$PORT" "$HOST" id
check "K1 'ssh -tt host id': the wizard starts instead" wait_for "$WELCOME" 10
check "K1 'ssh -tt host id': no uid= on screen" bash -c "! $TM capture-pane -p -t $S | grep -q 'uid='"
kend

fi
if want K2; then
echo "# K2 file transfer"
printf 'ls /\nget /etc/passwd %s\nput /etc/hostname x\n' "$WORK/got-sftp" >"$WORK/sftp.batch"
out=$(HOME=$WORK/client timeout 20 sftp "${SSH_BASE[@]}" -P "$PORT" -b "$WORK/sftp.batch" "$HOST" 2>&1)
rc=$?
check "K2 sftp fails (rc $rc), lists nothing, gets nothing" \
	bash -c '[ "$1" -ne 0 ] && ! grep -qE "^(bin|etc|usr)\b|root:" <<<"$0" && [ ! -e "$2" ]' "$out" "$rc" "$WORK/got-sftp"
for mode in -O -s; do
	out=$(HOME=$WORK/client timeout 20 scp "$mode" "${SSH_BASE[@]}" -P "$PORT" "$HOST:/etc/passwd" "$WORK/got-scp$mode" 2>&1 </dev/null)
	rc=$?
	check "K2 scp $mode download fails (rc $rc), no file" bash -c '[ "$0" -ne 0 ] && [ ! -s "$1" ]' "$rc" "$WORK/got-scp$mode"
	out=$(HOME=$WORK/client timeout 20 scp "$mode" "${SSH_BASE[@]}" -P "$PORT" /etc/hostname "$HOST:owk-upload" 2>&1 </dev/null)
	rc=$?
	check "K2 scp $mode upload fails (rc $rc), nothing written" bash -c '[ "$0" -ne 0 ] && [ ! -e "$1/home/owk-upload" ]' "$rc" "$WORK"
done
out=$(timeout 20 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -p "$PORT" -s "$HOST" sftp </dev/null 2>&1)
rc=$?
check "K2 ssh -s sftp: the forced command instead of the subsystem, no sftp reply (rc $rc, output \"$(echo "$out" | head -1 | cut -c1-50)\")" \
	bash -c '[ "$1" -eq 2 ] && ! grep -qa "sftp\|$(printf "\\002")" <<<"$0"' "$out" "$rc"

fi
if want K3; then
echo "# K3 forwarding"
read -r SECRET LP DP RP <<<"$(kl_free_ports 4)"
python3 - "$SECRET" <<'EOF' &
import socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(16)
while True:
    c, _ = s.accept()
    try: c.sendall(b"OWK-SECRET\n")
    except OSError: pass
    c.close()
EOF
BG_PIDS="$BG_PIDS $!"
cat >"$WORK/probe.py" <<'EOF'
# probe.py MODE PORT TARGET: connect (directly, or through SOCKS5), print what came back.
import socket, struct, sys
mode, port, target = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
try:
    s = socket.create_connection(("127.0.0.1", port), 3); s.settimeout(3)
    if mode == "socks":
        s.sendall(b"\x05\x01\x00"); s.recv(2)
        s.sendall(b"\x05\x01\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", target))
    data = b""
    while True:
        d = s.recv(4096)
        if not d: break
        data += d
    print(repr(data))
except Exception as e:
    print("error:", e)
EOF
wait_listen() { local i; for i in $(seq 50); do python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
wait_listen "$SECRET"
check "K3 the secret service answers directly (control)" bash -c "python3 $WORK/probe.py direct $SECRET 0 | grep -q OWK-SECRET"
kssh -N -L "$LP:127.0.0.1:$SECRET" -p "$PORT" "$HOST" </dev/null >/dev/null 2>&1 &
fwd=$!
if wait_listen "$LP"; then
	out=$(python3 "$WORK/probe.py" direct "$LP" 0)
	check "K3 -L: a connection through the tunnel gets nothing ($out)" bash -c '! grep -q OWK-SECRET <<<"$0"' "$out"
else
	fail "K3 -L: the client did not even listen locally"
fi
kill "$fwd" 2>/dev/null; wait "$fwd" 2>/dev/null
kssh -N -D "$DP" -p "$PORT" "$HOST" </dev/null >/dev/null 2>&1 &
fwd=$!
if wait_listen "$DP"; then
	out=$(python3 "$WORK/probe.py" socks "$DP" "$SECRET")
	check "K3 -D: a SOCKS connection through the tunnel gets nothing ($out)" bash -c '! grep -q OWK-SECRET <<<"$0"' "$out"
else
	fail "K3 -D: the client did not even listen locally"
fi
kill "$fwd" 2>/dev/null; wait "$fwd" 2>/dev/null
out=$(timeout 15 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -W "127.0.0.1:$SECRET" -p "$PORT" "$HOST" </dev/null 2>&1)
rc=$?
check "K3 -W: stdio forwarding refused (rc $rc), no data" bash -c '[ "$1" -ne 0 ] && ! grep -q OWK-SECRET <<<"$0"' "$out" "$rc"
out=$(timeout 15 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -N -o ExitOnForwardFailure=yes -R "127.0.0.1:$RP:127.0.0.1:$SECRET" -p "$PORT" "$HOST" </dev/null 2>&1)
rc=$?
check "K3 -R: remote forward refused at once (rc $rc: $(echo "$out" | head -1))" \
	bash -c '[ "$0" -ne 0 ] && [ "$0" -ne 124 ] && ! python3 -c "import socket,sys; socket.create_connection((\"127.0.0.1\", int(sys.argv[1])), 0.5)" "$1" 2>/dev/null' "$rc" "$RP"
sleep 0.3
check "K3 the sshd log says the local forwards were refused" grep -q "refused local port forward" "$WORK/sshd/sshd.log"
# -A and -X: with an agent and a DISPLAY, nothing appears on the server.
eval "$(ssh-agent -a "$WORK/agent.sock" -s)" >/dev/null
BG_PIDS="$BG_PIDS $SSH_AGENT_PID"
SSH_AUTH_SOCK=$WORK/agent.sock ssh-add -q "$WORK/client/id" 2>/dev/null
kstart k3ax SSH_AUTH_SOCK="$WORK/agent.sock" DISPLAY=:0 -- -tt -A -X -p "$PORT" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
sleep 0.3
socks=$(find /tmp /run /var/tmp -maxdepth 2 -path "$WORK" -prune -o -user "$OWK_USER" -print 2>/dev/null | tr '\n' ' ')
check "K3 -A: no agent socket for the kiosk user (${socks:-none})" test -z "$socks"
x11=$(ss -ltnH 2>/dev/null | awk '{print $4}' | grep -E ':60(0[0-9]|1[0-9])$' | tr '\n' ' ')
check "K3 -X: no X11 listener on 6000-6019 (${x11:-none})" test -z "$x11"
kend
kill "$SSH_AGENT_PID" 2>/dev/null

fi
if want K4; then
echo "# K4 environment from the client"
BASE_SCREEN=$(
	kstart base -- -tt -p "$PORT" "$HOST"
	wait_for "$WELCOME" 10 >/dev/null
	sleep 0.3
	screen
	kend
)
mkdir -p "$WORK/ti"
infocmp -x tmux-256color | sed 's/smcup=[^,]*,/smcup=\\E]2;OWK-TERMINFO\\007\\E[?1049h,/' >"$WORK/ti/src" &&
	tic -x -o "$WORK/ti" "$WORK/ti/src" 2>/dev/null
chmod -R a+rX "$WORK/ti"
HOSTILE="LD_PRELOAD=/nonexistent/owk-evil.so TERMINFO=$WORK/ti TERMINFO_DIRS=$WORK/ti LINES=5 COLUMNS=20 ESCDELAY=5000 LC_ALL=xx_XX.BOGUS LC_CTYPE=\$(id) LANG=garbage NCURSES_NO_UTF8_ACS=1 HOME=/tmp SHELL=/bin/bash"
for variant in "$PORT:sshd passes only LANG and LC_*" "$PORT_ENV:sshd passes LINES, COLUMNS, ESCDELAY, TERMINFO, LC_* too"; do
	p=${variant%%:*} what=${variant#*:}
	kstart "k4-$p" -- -tt -o "SetEnv=$HOSTILE" -o "SendEnv=LC_* LANG" -p "$p" "$HOST"
	if wait_for "$WELCOME" 10; then
		sleep 0.3
		now=$(screen)
		check "K4 ($what): the welcome screen is drawn exactly as without them (80x24)" test "$now" = "$BASE_SCREEN"
		[ "$now" = "$BASE_SCREEN" ] || diff <(echo "$BASE_SCREEN") <(echo "$now") | head -10 | sed 's/^/  | /'
		check "K4 ($what): no setlocale/ld.so/warning text reaches the user" \
			bash -c '! grep -qiE "setlocale|ld\.so|warning|cannot|LD_PRELOAD" <<<"$0"' "$now"
		check "K4 ($what): TERMINFO from the client not used (title unchanged)" test "$(pane '#{pane_title}')" = "$TITLE"
		send Enter
		wait_for "Question 1 of" 3 >/dev/null
		t0=$(date +%s%N)
		send Escape
		if got=$(wait_any 4 "Start over?" "$WELCOME"); then
			ms=$(( ($(date +%s%N) - t0) / 1000000 ))
			check "K4 ($what): Esc acts in ${ms} ms (\"$got\"; ESCDELAY=5000 from the client ignored)" test "$ms" -lt 1500
		else
			fail "K4 ($what): Esc on a question leads back to the start within 4 s (ESCDELAY=5000 sent)"
			show
		fi
	else
		fail "K4 ($what): the wizard starts"
	fi
	kend
done

fi
if want K5; then
echo "# K5 hostile TERM values"
LONG=$(printf 'x%.0s' $(seq 5000))
for t in dumb unknown "" "../../x" "$LONG" $'xterm\e]2;x\a' "vt100;id"; do
	label=$(printf '%q' "$t" | cut -c1-24)
	kstart k5 TERM="$t" -- -tt -p "$PORT" "$HOST"
	got=$(wait_any 10 "$WELCOME" "terminal" "[ssh exit")
	case $got in
	"$WELCOME") ok "K5 TERM=$label: falls back (welcome screen drawn)" ;;
	terminal) ok "K5 TERM=$label: a clear message: $(screen | grep -m1 terminal | cut -c1-70)" ;;
	*) fail "K5 TERM=$label: neither the wizard nor a clear message (${got:-timeout})"; show ;;
	esac
	check "K5 TERM=$label: pane title unchanged" test "$(pane '#{pane_title}')" = "$TITLE"
	check "K5 TERM=$label: no escape garbage on screen" bash -c "! $TM capture-pane -p -t $S | grep -qF ']2;'"
	kend
done

fi
if want K5b; then
echo "# K5b allowed terminal types with no terminfo here (issue 10): the wizard, not a refusal"
for t in xterm-kitty xterm-ghostty; do
	if infocmp "$t" >/dev/null 2>&1; then
		note "$t has a terminfo entry on this machine: it is kept, the fallback is not exercised"
	fi
	kstart k5b TERM="$t" -- -tt -p "$PORT" "$HOST"
	got=$(wait_any 10 "$WELCOME" "--plain" "[ssh exit")
	check "K5b TERM=$t: the wizard's welcome screen (got: ${got:-timeout})" test "$got" = "$WELCOME"
	[ "$got" = "$WELCOME" ] || show
	check "K5b TERM=$t: no refusal on screen" bash -c "! $TM capture-pane -p -t $S | grep -qiE 'plain|unknown|cannot'"
	send Enter
	check "K5b TERM=$t: Enter starts the interview" wait_for "Question 1 of" 5
	kend
done

fi
if want K5c; then
echo "# K5c a visitor's stty cols 40000 and 2000x2000 (issue 10): the session lives, memory stays flat, the result is logged"
kstart k5c -- -tt -p "$PORT" "$HOST"
if wait_for "$WELCOME" 10; then
	read -r rec0 _ _ <<<"$(log_counts)"
	wpid=$(one_wizard)
	send Enter
	wait_for "Question 1 of" 3 >/dev/null
	for _ in $(seq 12); do send 2; sleep 0.1; done
	wait_for "Review:" 3 >/dev/null
	send End Enter
	check "K5c the result is reached" wait_for "Where your answers land" 3
	cpty=$(pane '#{pane_tty}')
	for size in "50 40000" "2000 2000"; do
		set -- $size
		stty -F "$cpty" rows "$1" cols "$2"
		kill -WINCH "$(client_pid)"
		sleep 1
		rss=$(ps -o rss= -p "$wpid" 2>/dev/null | tr -d ' ')
		check "K5c ${2}x$1: the server-side wizard is alive, RSS ${rss:-gone} KiB (under 64 MiB)" \
			test "${rss:-999999}" -lt 65536
	done
	stty -F "$cpty" rows 24 cols 80
	kill -WINCH "$(client_pid)"
	sleep 0.5
	send q
	check "K5c back at 80x24, q offers to start over" wait_for "Start over" 3
	send y
	check "K5c back at the welcome" wait_for "$WELCOME" 3
	read -r rec bad _ <<<"$(log_counts)"
	check "K5c the interview is logged ($rec0 -> $rec records, $bad bad)" test "$rec" -eq $((rec0 + 1)) -a "$bad" -eq 0
else
	fail "K5c the wizard starts"
fi
kend

fi
if want K6; then
echo "# K6 control keys and pasted bytes"
kstart k6 -- -tt -p "$PORT" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
send Enter 1
check "K6 the session is on question 2" wait_for "Question 2 of" 5
W6=$(one_wizard) || { W6=0; fail "K6 exactly one server-side wizard ($(wizard_pids | tr '\n' ' '))"; tail -5 "$WORK/sshd/sshd.log" | sed 's/^/  | /'; }
for k in C-c C-z 'C-\' C-s C-q "C-v x" "C-d" "C-u"; do
	# shellcheck disable=SC2086
	send $k
	sleep 0.3
	check "K6 $k: the server-side wizard is still running, not stopped" not_stopped "$W6"
done
send C-s
check "K6 after C-s a key still changes the screen (no XOFF freeze)" screen_changes_after Down
for _ in $(seq 20); do send Escape; done
sleep 0.3
check "K6 an Esc storm: still running" not_stopped "$W6"
# Fixed seed, so a failure can be replayed (OWK_SEED to try others).
python3 -c "import random,sys; sys.stdout.buffer.write(random.Random(int(sys.argv[1])).randbytes(10240))" "${OWK_SEED:-1}" >"$WORK/random.bin"
$TM load-buffer -b owk "$WORK/random.bin" && $TM paste-buffer -d -b owk -t "$S"
sleep 1.5
check "K6 10 kB of random bytes (seed ${OWK_SEED:-1}) pasted: still running, same process" not_stopped "$W6"
responsive=1
for keys in Escape Enter Down 1 Tab; do
	screen_changes_after $keys && { responsive=0; break; }
done
check "K6 afterwards one key still changes the screen (of the same wizard)" test "$responsive" -eq 0 -a -n "$(ps -o pid= -p "$W6")"
check "K6 no shell or command output on screen" bash -c "! $TM capture-pane -p -t $S | grep -qE 'uid=|\\\$ $|# $'"
kend
# No key ends a kiosk session (each in a fresh session).
for how in "help:? q y" "small:q y" "dialog:q q y y"; do
	name=${how%%:*} keys=${how#*:}
	kstart k6b -- -tt -p "$PORT" "$HOST"
	wait_for "$WELCOME" 10 >/dev/null
	send Enter 1
	wait_for "Question 2 of" 3 >/dev/null
	W6=$(one_wizard)
	[ "$name" = small ] && { $TM resize-window -t "$S" -x 20 -y 5; sleep 0.5; }
	for k in $keys; do send "$k"; sleep 0.3; done
	sleep 0.3
	case $name in
	help) what="? (help) then q, y" ;;
	small) what="q, y in a window too small to draw in" ;;
	*) what="q q y y" ;;
	esac
	check "K6 kiosk: $what does not end the session" alive "${W6:-0}"
	kend
done
read -r rec bad hdr <<<"$(log_counts)"
check "K6 the log still holds only whole records ($rec records, $bad bad)" test "$bad" = 0

fi
if want K7; then
echo "# K7 escapes typed on every screen, under strace"
: >"$STRACE_OUT" && chown "$OWK_USER" "$STRACE_OUT"
type_escapes() {
	send -l '!sh'; send -l ':!sh'; send -l 'v'; send -l '|id'
	sleep 0.3
	# the i of "id" opens the background page, as it should; close it again
	if screen | grep -q "Background: "; then send Escape; sleep 0.3; fi
}
# back_to TEXT: h is Back (as in vi and less), so the h of "sh" steps back
# a screen or two; Enter (on a question: its answer again) and Tab (on the
# review: the result) walk forward until TEXT shows again.
back_to() {
	local i
	for i in $(seq 20); do
		screen | grep -q "$1" && return 0
		if screen | grep -q "Review:"; then send Tab; else send Enter; fi
		sleep 0.3
	done
	return 1
}
kstart k7 -- -tt -p "$PORT_STRACE" "$HOST"
screens=0
if wait_for "$WELCOME" 10; then
	W7=$(one_wizard)
	type_escapes; screens=$((screens + 1))
	send Enter
	if wait_for "Question 1 of" 3 >/dev/null; then
		type_escapes; screens=$((screens + 1))
		back_to "Question 1 of"
		N7=$(screen | sed -n 's/.*Question [0-9]* of \([0-9]*\).*/\1/p' | head -1)
		for _ in $(seq "${N7:-0}"); do send 2; sleep 0.15; done
	fi
	if wait_for "Review:" 3 >/dev/null; then
		type_escapes; screens=$((screens + 1))
		back_to "Review:"
		send End Enter
	fi
	if wait_for "Where your answers land" 3 >/dev/null; then
		type_escapes; screens=$((screens + 1))
		back_to "Where your answers land"
		send Tab
	fi
	if wait_for "Comparison:" 3 >/dev/null; then
		type_escapes; screens=$((screens + 1))
	fi
	# And with Enter after each, wherever that leads.
	for s in '!sh' ':!sh' '|id' 'v'; do send -l "$s"; send Enter; sleep 0.3; done
	send q
	sleep 0.5
	type_escapes
	check "K7 the escapes were typed on $screens screens (welcome, question, review, result, comparison)" test "$screens" -eq 5
	check "K7 no command output on screen" bash -c "! $TM capture-pane -p -t $S | grep -qE 'uid=|^\\\$ |sh: '"
	check "K7 the same wizard process throughout" alive "${W7:-0}"
else
	fail "K7 the wizard starts under strace"
fi
kend
sleep 0.3
ne=$(grep -c ' execve(' "$STRACE_OUT")
nf=$(grep -cE ' (fork|vfork|clone|clone3)\(' "$STRACE_OUT")
if [ ! -s "$STRACE_OUT" ]; then
	fail "K7 strace wrote a trace ($STRACE_OUT is empty)"
else
	check "K7 strace -f: exactly one execve (the program itself; saw $ne)" \
		bash -c "[ $ne -eq 1 ] && grep ' execve(' '$STRACE_OUT' | grep -q 'outsource-wizard.*= 0'"
	check "K7 strace -f: no fork, vfork or clone (saw $nf)" test "$nf" -eq 0
	[ "$ne" -eq 1 ] && [ "$nf" -eq 0 ] || sed 's/^/  | /' "$STRACE_OUT" | head -10
fi

fi
if want K8; then
echo "# K8 the client dies mid-question"
kstart k8 -- -tt -p "$PORT" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
send Enter 2
wait_for "Question 2 of" 5 >/dev/null
W8=$(one_wizard)
C8=$(client_pid)
fsize() { if [ -f "$1" ]; then wc -c <"$1"; else echo 0; fi; }
before=$(fsize "$LOG")
t0=$(ticks "$W8")
if [ -n "$W8" ] && [ -n "$C8" ]; then
	tk=$(date +%s%N)
	kill -9 "$C8"
	last=$t0 gone=0 i=0
	while [ $i -lt 200 ]; do
		if ! alive "$W8"; then gone=1; break; fi
		last=$(ticks "$W8" || echo "$last")
		sleep 0.01
		i=$((i + 1))
	done
	ms=$(( ($(date +%s%N) - tk) / 1000000 ))
	check "K8 the server-side wizard is gone within 2 s of kill -9 of the client ($ms ms)" test "$gone" -eq 1 -a "$ms" -le 2000
	used=$(( ${last:-0} - ${t0:-0} ))
	check "K8 it used $used ticks (1/$CLK s) of CPU meanwhile (< 5 % of 2 s) and ${t0:-?} in all" \
		test "$used" -le $((CLK / 10)) -a "${t0:-999}" -le "$CLK"
	alive "$W8" && kill -9 "$W8"
else
	fail "K8 found the wizard ($W8) and the client ($C8)"
fi
read -r rec bad hdr <<<"$(log_counts)"
check "K8 the log holds only whole records, no partial one for the dropped session ($rec records, $bad bad, size $before -> $(fsize "$LOG"))" \
	test "$bad" = 0 -a "$(fsize "$LOG")" = "$before"
kend
# The client dies on the result screen: the finished interview is still logged, whole.
kstart k8b -- -tt -p "$PORT" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
send Enter
wait_for "Question 1 of" 3 >/dev/null
N8=$(screen | sed -n 's/.*Question [0-9]* of \([0-9]*\).*/\1/p' | head -1)
for _ in $(seq "${N8:-0}"); do send 1; sleep 0.15; done
wait_for "Review:" 3 >/dev/null
send End Enter
if wait_for "Where your answers land" 5; then
	read -r rec0 _ _ <<<"$(log_counts)"
	W8=$(one_wizard)
	kill -9 "$(client_pid)"
	check "K8 dropped on the result screen: the wizard is gone within 2 s" no_wizards 2
	read -r rec bad hdr <<<"$(log_counts)"
	check "K8 dropped on the result screen: its record is in the log, whole ($rec0 -> $rec records, $bad bad)" \
		test "$rec" -eq $((rec0 + 1)) -a "$bad" -eq 0
else
	fail "K8 reached the result to drop the client there"
fi
kend

fi
if want K9; then
echo "# K9 idle sessions end (--idle-timeout 3)"
kstart k9 -- -tt -p "$PORT_IDLE" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
send Enter
wait_for "Question 1 of" 3 >/dev/null
send 1
wait_for "Question 2 of" 3 >/dev/null
sleep 0.3
: >"$WORK/idle.bytes"
$TM pipe-pane -t "$S" -o "cat >>$WORK/idle.bytes"
sleep 2
$TM pipe-pane -t "$S"
b=$(wc -c <"$WORK/idle.bytes")
check "K9 nothing is sent while idle (bytes in 2 s: $b)" test "$b" -eq 0
got=$(wait_any 5 "$WELCOME" "[ssh exit")
check "K9 idle on a question: the answers go and the welcome screen returns (got: ${got:-nothing})" test "$got" = "$WELCOME"
t0=$(date +%s)
check "K9 idle on the welcome screen: the session ends" wait_for "[ssh exit" 8
note "ended $(( $(date +%s) - t0 )) s after the welcome screen came back"
check "K9 no server-side wizard left" no_wizards 2
kend

fi
if want K9b; then
echo "# K9b the session limit (--session-limit 6): a busy session ends too (issue 10)"
kstart k9b -- -tt -p "$PORT_LIMIT" "$HOST"
if wait_for "$WELCOME" 10; then
	t0=$(date +%s.%N)
	read -r rec0 _ _ <<<"$(log_counts)"
	send Enter
	wait_for "Question 1 of" 3 >/dev/null
	for _ in $(seq 12); do send 2; sleep 0.1; done
	wait_for "Review:" 3 >/dev/null
	send End Enter
	check "K9b the result is reached before the limit" wait_for "Where your answers land" 3
	# Keys all the time (Tab flips result and comparison): never idle.
	ended=0
	for _ in $(seq 60); do
		screen | grep -qF "[ssh exit" && { ended=1; break; }
		send Tab
		sleep 0.2
	done
	took=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)")
	check "K9b the session ends at its limit while keys keep coming (${took} s after the welcome screen)" \
		python3 -c "import sys; sys.exit(not (sys.argv[2] == '1' and 5.5 <= float(sys.argv[1]) <= 9))" "$took" "$ended"
	check "K9b it ends like an idle session: exit status 0" wait_for "[ssh exit 0]" 2
	check "K9b the terminal is back: main screen, cursor shown" test "$(pane '#{alternate_on} #{cursor_flag}')" = "0 1"
	after=$(screen)
	check "K9b nothing of the wizard or escape garbage left on screen, the title unchanged" \
		bash -c '! grep -qE "\^\[|\]2;|lqqq|Question|Where your answers" <<<"$0" && [ "$1" = "$2" ]' \
		"$after" "$(pane '#{pane_title}')" "$TITLE"
	[ -n "$(echo "$after" | sed '/^ *$/d;/\[ssh exit 0\]/d;/closed\.$/d')" ] && { note "the pane after the end:"; show; }
	read -r rec bad _ <<<"$(log_counts)"
	check "K9b the finished interview is logged, whole ($rec0 -> $rec records, $bad bad)" \
		test "$rec" -eq $((rec0 + 1)) -a "$bad" -eq 0
	check "K9b no server-side wizard left" no_wizards 2
else
	fail "K9b the wizard starts"
fi
kend

fi
if want K11; then
echo "# K11 ssh -T"
out=$(timeout 20 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -T -p "$PORT" "$HOST" </dev/null 2>&1)
rc=$?
check "K11 ssh -T: \"$(echo "$out" | head -1 | cut -c1-70)\", exit status $rc (2)" \
	bash -c 'grep -qF "$2" <<<"$0" && [ "$1" -eq 2 ] && ! grep -q "uid=\|\\$ " <<<"$0"' "$out" "$rc" "$LOGMSG"

fi
if want K14; then
echo "# K14 a second session through ControlMaster"
kstart k14 -- -tt -o ControlMaster=yes -o ControlPath="$WORK/client/cm.sock" -o ControlPersist=no -p "$PORT" "$HOST"
if wait_for "$WELCOME" 10 && [ -S "$WORK/client/cm.sock" ]; then
	for extra in "-tt" "-T id"; do
		# shellcheck disable=SC2086
		# ProxyCommand=false: when the master refuses, ssh would otherwise
		# fall back to a new connection of its own (a separate, allowed session).
		out=$(timeout 15 bash -c 'HOME=$0/client ssh "$@"' "$WORK" "${SSH_BASE[@]}" -o ControlMaster=no -o ControlPath="$WORK/client/cm.sock" -o ProxyCommand=/bin/false $extra -p "$PORT" "$HOST" </dev/null 2>&1)
		rc=$?
		check "K14 second session ($extra) through the master is refused (rc $rc: $(echo "$out" | grep -m1 -i 'refused\|failed' | cut -c1-70))" \
			bash -c '[ "$1" -ne 0 ] && [ "$1" -ne 124 ] && grep -qi "refused" <<<"$0" && ! grep -q "uid=" <<<"$0"' "$out" "$rc"
	done
	check "K14 only one server-side wizard ran" test "$(wizard_pids | wc -l)" -eq 1
	check "K14 the first session is still working" screen_changes_after Enter
else
	fail "K14 the master session starts"
fi
kend

fi
if want K15; then
echo "# K15 issue 11 over ssh: a stranger names the task; the footer offers what works"
kstart k15 -- -tt -p "$PORT" "$HOST"
wait_for "$WELCOME" 10 >/dev/null
check "K15 the welcome offers to name the task" wait_for "Press t to give the task a name"
# a name with a bidi override, a BEL, a C1 CSI (U+009B) and quotes in it
# (an ESC would be Esc: it closes the box, as it should)
send t
sleep 0.2
$TM send-keys -t "$S" -H 49 6e 76 6f 69 63 65 e2 80 ae 20 4c 79 6f 6e 07 c2 9b 33 31 6d 20 22 71 22
sleep 0.2
send Enter
check "K15 the name shows, cleaned" wait_for "Task: Invoice Lyon 31m 'q'" 5 || show
send Enter
N15=$(screen | sed -n 's/.*Question [0-9]* of \([0-9]*\).*/\1/p' | head -1)
for _ in $(seq "${N15:-0}"); do send 2; sleep 0.15; done
send Enter
check "K15 the result opens with the name" wait_for "Task: Invoice Lyon 31m 'q'" 5 || show
foot=$(screen | tail -1)
check "K15 the kiosk footer: q starts over, no save (no report folder here)" \
	bash -c '[[ "$0" == *"q start over"* && "$0" != *"s save"* && "$0" != *"q quit"* ]]' "$foot"
send q
wait_for "Start over?" 5 >/dev/null
send y
wait_for "$WELCOME" 5 >/dev/null
for _ in $(seq 30); do tail -1 "$LOG" | grep -q "Invoice Lyon" && break; sleep 0.1; done
last=$(tail -1 "$LOG")
check "K15 the log's task column holds the cleaned name, no escape or bidi byte" \
	bash -c '[[ "$0" == *",Invoice Lyon 31m '"'"'q'"'"',"* ]] && ! printf %s "$0" | grep -q $'"'"'\xe2\x80\xae\|\x07\|\xc2\x9b'"'"'' "$last"
check "K15 the new interview starts with no name" wait_for "Press t to give the task a name" 3
kend

fi
if want K13; then
echo "# K13 files the kiosk user could change"
w=$(for d in / /tmp /var/tmp /dev/shm /run /work "$WORK"; do
	[ -d "$d" ] && setpriv --reuid="$OWK_USER" --regid="$OWK_USER" --clear-groups \
		find "$d" -xdev \( -path /proc -o -path "$WORK/log" \) -prune -o -user "$OWK_USER" -writable -print 2>/dev/null
done | sort -u | tr '\n' ' ')
check "K13 the kiosk user owns no writable file outside the log dir (${w:-none})" test -z "$w"
check "K13 its home is not writable by it" \
	bash -c "! setpriv --reuid=$OWK_USER --regid=$OWK_USER --clear-groups test -w '$WORK/home' && ! setpriv --reuid=$OWK_USER --regid=$OWK_USER --clear-groups test -w '$WORK/home/.ssh/authorized_keys'"
check "K13 nothing was written in its home" test "$(find "$WORK/home" -newer "$WORK/sshd/sshd_config" | wc -l)" -eq 0

fi
echo "# the end"
read -r rec bad hdr <<<"$(log_counts)"
check "the log: at most one header, whole records only ($rec records, $bad bad)" test "$hdr" -le 1 -a "$bad" = 0
check "no server-side wizard is left" no_wizards 2
finish

#!/bin/bash
# K12: a room at once. 200 kiosk sessions (OWK_SESSIONS) start together through
# the private sshd of kiosk_lib.sh, which runs the shipped sshd_kiosk.conf
# (MaxStartups, LoginGraceTime and the Match block) and limits.conf.example
# exactly as they are: what a room of 200 gets from the shipped files. Each
# session is a real `ssh -tt` on its own pty driven by a small python client:
# Enter, one digit per question with short pauses, Enter on the review, the
# result. While all of them sit on the result, the RSS, PSS and peak address
# space of every server-side process are read from /proc. Then half of them go
# back to the start (q, y) and half simply hang up, and the log must hold
# exactly one whole record per session (python csv + each record's crc32).
# Needs root. Usage: tests/e2e/kiosk_load.sh [BUILD_DIR]
. "$(dirname "$0")/kiosk_lib.sh"
kiosk_setup
NSESS=${OWK_SESSIONS:-200}
NQ=$("$BIN" --check-content --content "$CONTENT" | sed -n 's/.* \([0-9]*\) questions.*/\1/p')
[ -n "$NQ" ] || { fail "cannot count the questions"; finish; }

cat >"$WORK/drive.py" <<'EOF'
import os, pty, re, select, signal, struct, sys, time, fcntl, termios
n, nq, user, sshd_pid, deadline_s = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
ssh = sys.argv[6:]
import pwd
uid = pwd.getpwnam(user).pw_uid
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()*+][0-~]|[@-Z\\-_=>78])")

class S:
    pass
t_start = time.time()
sess = []
for i in range(n):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execvp("ssh", ["ssh"] + ssh)
    s = S(); s.i, s.pid, s.fd, s.text, s.state = i, pid, fd, "", "welcome"
    s.keys, s.next_key, s.t_result, s.exited, s.status = [], 0.0, None, False, None
    s.t_welcome = None
    s.digit = str(1 + i % 3)
    os.set_blocking(fd, False)
    sess.append(s)

def send(s, b):
    try: os.write(s.fd, b)
    except OSError: pass

def seen(s, t):
    if t in s.text:
        s.text = ""
        return True
    return False

def reap():
    for s in sess:
        if not s.exited:
            p, st = os.waitpid(s.pid, os.WNOHANG)
            if p == s.pid:
                s.exited, s.status = True, st

def pump(timeout):
    fds = {s.fd: s for s in sess if s.fd is not None}
    if not fds:
        time.sleep(timeout); return
    r, _, _ = select.select(list(fds), [], [], timeout)
    for fd in r:
        s = fds[fd]
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b""
        if not data:
            os.close(fd); s.fd = None
            continue
        s.text = (s.text + ANSI.sub(b"", data).decode("utf-8", "replace"))[-20000:]

def step(s, now):
    if s.keys and now >= s.next_key:
        send(s, s.keys.pop(0)); s.next_key = now + 0.2
        return
    if s.state == "welcome" and seen(s, "Press Enter to start"):
        send(s, b"\r"); s.state = "q1"; s.t_welcome = now
    elif s.state == "q1" and seen(s, "Question"):
        s.keys = [s.digit.encode()] * nq; s.next_key = now + 0.2; s.state = "answering"
    elif s.state == "answering" and not s.keys and seen(s, "Review"):
        send(s, b"\r"); s.state = "result"
    elif s.state == "result" and seen(s, "answers land"):
        s.state, s.t_result = "at_result", now

def rss_sample():
    wiz, sshd_user, sshd_root = [], [], []
    for p in os.listdir("/proc"):
        if not p.isdigit(): continue
        try:
            st = open(f"/proc/{p}/status").read()
        except OSError:
            continue
        f = dict(l.split(":", 1) for l in st.splitlines() if ":" in l)
        name, puid, ppid = f["Name"].strip(), int(f["Uid"].split()[0]), int(f["PPid"])
        rss = int(f.get("VmRSS", "0 kB").split()[0])
        peak = int(f.get("VmPeak", "0 kB").split()[0])
        pss = 0
        try:
            for l in open(f"/proc/{p}/smaps_rollup"):
                if l.startswith("Pss:"): pss = int(l.split()[1])
        except OSError:
            pass
        if puid == uid and name == "outsource-wizar": wiz.append((rss, pss, peak))
        elif puid == uid and name == "sshd": sshd_user.append((rss, pss, peak))
        elif ppid == sshd_pid and name == "sshd": sshd_root.append((rss, pss, peak))
    return wiz, sshd_user, sshd_root

deadline = t_start + deadline_s
phase = "run"
sample = None
while time.time() < deadline:
    now = time.time()
    pump(0.02)
    for s in sess:
        if s.fd is not None: step(s, time.time())
    reap()
    if phase == "run":
        if all(s.state == "at_result" or s.fd is None for s in sess):
            t_all = time.time()
            time.sleep(0.5)
            sample = rss_sample()
            phase = "leave"
            for s in sess:
                if s.fd is None: continue
                if s.i % 2 == 0:
                    s.keys = [b"q", b"y"]; s.next_key = time.time(); s.state = "leaving"
                else:
                    s.state = "hangup"
    elif phase == "leave":
        for s in sess:
            if s.state == "leaving" and not s.keys and seen(s, "Press Enter to start"):
                s.state = "hangup"
            if s.state == "hangup" and s.fd is not None:
                os.close(s.fd); s.fd = None   # the terminal goes away: SIGHUP to ssh
                try: os.kill(s.pid, signal.SIGHUP)
                except OSError: pass
                s.state = "gone"
        if all(s.exited for s in sess):
            break
for s in sess:
    if not s.exited:
        try: os.kill(s.pid, signal.SIGKILL)
        except OSError: pass
reap()
t_end = time.time()

reached = sum(1 for s in sess if s.t_result)
print(f"SESSIONS {n} REACHED {reached} ENDED {sum(1 for s in sess if s.exited)} "
      f"LEFT_CLEANLY {sum(1 for s in sess if s.state == 'gone')}")
if reached:
    tr = sorted(s.t_result - t_start for s in sess if s.t_result)
    tw = sorted(s.t_welcome - t_start for s in sess if s.t_welcome)
    print(f"TIMES first_welcome {tw[0]:.1f} s, last_welcome {tw[-1]:.1f} s, first_result {tr[0]:.1f} s, "
          f"last_result {tr[-1]:.1f} s, all ended {t_end - t_start:.1f} s")
stuck = [f"{s.i}:{s.state}" for s in sess if not s.t_result]
if stuck:
    print("STUCK " + " ".join(stuck[:10]))
    s0 = next(s for s in sess if not s.t_result)
    print("STUCK_TEXT " + repr(s0.text[-300:]))
if sample:
    wiz, su, sr = sample
    def line(tag, xs):
        if not xs:
            print(f"{tag} none"); return
        r = [x[0] for x in xs]; p = [x[1] for x in xs]
        print(f"{tag} n={len(xs)} rss_kb min={min(r)} avg={sum(r)//len(r)} max={max(r)} total={sum(r)} "
              f"pss_total_kb={sum(p)} vmpeak_max_kb={max(x[2] for x in xs)}")
    line("WIZARD", wiz); line("SSHD_USER", su); line("SSHD_PRIV", sr)
sys.exit(0 if reached == n and all(s.exited for s in sess) else 1)
EOF

shipped_ms=$(sed -n 's/^MaxStartups[[:space:]]*//p' "$SNIPPET")
eff_ms=$(/usr/sbin/sshd -T -f "$WORK/sshd/sshd_config" -C "user=$OWK_USER,host=localhost,addr=127.0.0.1,laddr=127.0.0.1,lport=$PORT" 2>/dev/null | sed -n 's/^maxstartups //p')
check "K12 the private sshd runs the shipped MaxStartups ($shipped_ms; effective ${eff_ms:-?})" test -n "$shipped_ms" -a "$shipped_ms" = "$eff_ms"
# ConnectTimeout=60 (ssh keeps the first value given, so this beats
# SSH_BASE's 10): a visitor's ssh waits as long as TCP does, and 200 clients
# and the server share this machine's cores; LoginGraceTime is the server's.
echo "# $NSESS kiosk sessions at once through the private sshd ($NQ questions each)"
t0=$(date +%s.%N)
out=$(HOME=$WORK/client python3 "$WORK/drive.py" "$NSESS" "$NQ" "$OWK_USER" "$SSHD_PID" 150 \
	-o ConnectTimeout=60 "${SSH_BASE[@]}" -tt -p "$PORT" "$HOST" 2>&1)
drc=$?
wall=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$t0" "$(date +%s.%N)")
echo "$out" | sed 's/^/  # /'
reached=$(echo "$out" | sed -n 's/^SESSIONS [0-9]* REACHED \([0-9]*\).*/\1/p')
ended=$(echo "$out" | sed -n 's/.* ENDED \([0-9]*\).*/\1/p')
check "K12 all $NSESS sessions reached the result (${reached:-0})" test "${reached:-0}" -eq "$NSESS"
check "K12 all $NSESS ssh clients ended (${ended:-0})" test "${ended:-0}" -eq "$NSESS"
drops=$(grep -c "past MaxStartups" "$WORK/sshd/sshd.log")
check "K12 sshd dropped no connection past MaxStartups ($drops)" test "$drops" -eq 0
[ "$drops" -eq 0 ] || grep "MaxStartups" "$WORK/sshd/sshd.log" | head -3 | sed 's/^/  | /'
gone=1
for _ in $(seq 60); do [ -z "$(wizard_pids)" ] && { gone=0; break; }; sleep 0.05; done
check "K12 no server-side wizard left" test "$gone" -eq 0
read -r rec bad hdr <<<"$(validate_log "$LOG")"
check "K12 the log holds exactly $NSESS whole records (csv + crc32: $rec good, $bad bad, $hdr header)" \
	test "$rec" -eq "$NSESS" -a "$bad" -eq 0 -a "$hdr" -eq 1
ids=$(tail -n +2 "$LOG" 2>/dev/null | cut -d, -f2 | sort -u | wc -l)
check "K12 $NSESS distinct session ids ($ids)" test "$ids" -eq "$NSESS"
# Session i answered every question with digit 1 + i % 3: the records must
# fall into those groups, each with all-equal answers per group.
groups=$(python3 - "$LOG" "$NSESS" "$NQ" <<'EOF'
import csv, sys, collections
rows = list(csv.reader(open(sys.argv[1], newline="")))[1:]
n, nq = int(sys.argv[2]), int(sys.argv[3])
got = sorted(collections.Counter(tuple(r[4:4 + nq]) for r in rows).values())
want = sorted(collections.Counter(1 + i % 3 for i in range(n)).values())
print("ok" if got == want else f"got groups {got}, want {want}")
EOF
)
check "K12 each record holds its own session's answers (groups by the digit typed: $groups)" test "$groups" = ok
modes=$(tail -n +2 "$LOG" 2>/dev/null | cut -d, -f3 | sort | uniq -c | tr -s ' ' | tr '\n' ';')
note "modes in the log:$modes"
summ=$("$BIN" --content "$CONTENT" --summary "$LOG" 2>&1)
check "K12 --summary reads the log and counts $NSESS sessions" bash -c 'grep -q "\b$1\b" <<<"$0" && grep -qi session <<<"$0"' "$summ" "$NSESS"
echo "$summ" | head -8 | sed 's/^/  | /'
wiz=$(echo "$out" | sed -n 's/^WIZARD //p')
if [ -n "$wiz" ] && [ "$wiz" != none ]; then
	avg=$(echo "$wiz" | sed -n 's/.*avg=\([0-9]*\).*/\1/p')
	total=$(echo "$wiz" | sed -n 's/.* total=\([0-9]*\).*/\1/p')
	echo "  # FIGURES: $NSESS sessions, wall ${wall} s; RSS per server-side wizard ${avg} kB (avg), total ${total} kB ($(( total / 1024 )) MB); $wiz"
	echo "  # FIGURES: sshd per session: $(echo "$out" | sed -n 's/^SSHD_USER //p') (user side); $(echo "$out" | sed -n 's/^SSHD_PRIV //p') (root monitor)"
else
	fail "K12 RSS sampled while the sessions ran"
fi
as_kb=$(awk '$1 == "wizard-kiosk" && $3 == "as" {print $4}' "$LIMITS_EXAMPLE")
peak=$(echo "$out" | sed -n 's/^\(WIZARD\|SSHD_USER\) .*vmpeak_max_kb=\([0-9]*\).*/\2/p' | sort -n | tail -1)
check "K12 the shipped address-space limit (${as_kb:-?} KiB) is at least twice the largest peak of a session process (${peak:-?} KiB)" \
	test -n "$as_kb" -a -n "$peak" -a "$((${peak:-0} * 2))" -le "${as_kb:-0}"
pss=$(echo "$out" | sed -n 's/^\(WIZARD\|SSHD_USER\|SSHD_PRIV\) .*pss_total_kb=\([0-9]*\).*/\2/p' | awk '{t += $1} END {print t + 0}')
[ -n "$pss" ] && note "FIGURES: PSS of all $NSESS sessions (wizard + sshd user side + root monitor) $((pss / 1024)) MB, $((pss / NSESS)) kB per session"
check "K12 within 2 minutes (${wall} s)" python3 -c "import sys; sys.exit(float(sys.argv[1]) > 120)" "$wall"
[ "$drc" -eq 0 ] || note "the driver exited $drc"
finish

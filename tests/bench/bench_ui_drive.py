#!/usr/bin/env python3
"""Drives one interview in a pty at 80x24 and measures what the terminal gets.

Usage: bench_ui_drive.py NAME -- COMMAND...   (keys plan chosen by NAME:
wizard, dialog or whiptail). Prints one line of JSON with: bytes (all output
of the whole interview), cpu_ms and maxrss_kib (getrusage of the whole process
tree, as waited for), first_ms (start to first complete screen), move_bytes and
move_ms (one Down key on question 2: bytes until quiet, and time to the last
byte), idle_io (read+write syscalls in 5 s idle, from /proc/PID/io), idle_cs
(context switches in those 5 s) and idle_strace (syscalls counted by strace -c
over the same 5 s, or null if ptrace is not allowed).

NAME-extra (wizard-extra, dialog-extra, whiptail-extra) is a separate session
that walks to question 2 the same way and then measures, without touching the
interview's figures: resize_bytes and resize_ms (the pty's size set from 80x24
to 100x30 with TIOCSWINSZ on the master, so the kernel sends SIGWINCH to the
foreground process group: bytes written in response until 150 ms of quiet, and
time from the ioctl to the last byte, the quiet wait not counted). For the
wizard only: esc_ms (help overlay open with '?' and quiet, then a lone ESC:
time to the last byte of the redraw, ESCDELAY included) and esc_arrow (ESC,
then the rest of the Up key 10 ms later: true when the answer is byte for
byte what a whole Up key gives in the same state, i.e. the highlight moved up
rather than Esc being acted on). The Up key is kcuu1 of xterm-256color, ESC O A,
since the wizard turns keypad transmit mode on (smkx), where a terminal sends
that; ESC [ A is not a key in that terminfo entry, split or not."""
import json, os, pty, re, select, signal, struct, subprocess, sys, termios, fcntl, time

name = sys.argv[1]
extra = name.endswith("-extra")
if extra:
    name = name[:-len("-extra")]
cmd = sys.argv[sys.argv.index("--") + 1:]
NQ = int(os.environ.get("BENCH_NQ", "12"))
DOWN = b"\x1bOB"  # kcud1 of xterm-256color (keypad transmit mode)
UP = b"\x1bOA"

pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
t0 = time.monotonic()
total = 0
seen = bytearray()
when = None  # when read_until's predicate came true


def read_until(pred=None, quiet=0.05, limit=4.0):
    """Reads output until pred(seen) holds and then `quiet` s pass without
    output (or limit s). Returns (bytes read, time of the last byte)."""
    global total
    global when
    got, last, start = 0, time.monotonic(), time.monotonic()
    ok = pred is None
    when = None
    while True:
        now = time.monotonic()
        if now - start > limit:
            break
        if ok and now - last > quiet:
            break
        r, _, _ = select.select([fd], [], [], 0.01)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            got += len(data)
            total += len(data)
            seen.extend(data)
            del seen[:-8192]
            last = time.monotonic()
            if not ok and pred(bytes(seen)):
                ok = True
                when = last
    return got, last


def send(keys):
    os.write(fd, keys)


def leaf(p):
    """The deepest live descendant (the dialog or whiptail of the moment)."""
    while True:
        try:
            kids = open(f"/proc/{p}/task/{p}/children").read().split()
        except OSError:
            return p
        if not kids:
            return p
        p = int(kids[-1])


def idle(p):
    def io():
        d = dict(l.split(": ") for l in open(f"/proc/{p}/io").read().splitlines())
        return int(d["syscr"]) + int(d["syscw"])

    def cs():
        s = open(f"/proc/{p}/status").read()
        return sum(int(m) for m in re.findall(r"ctxt_switches:\s+(\d+)", s))

    # Window 1: /proc only, nothing touches the process.
    io0, cs0 = io(), cs()
    time.sleep(5)
    dio, dcs = io() - io0, cs() - cs0
    # Window 2: strace -c for 5 s (attaching interrupts the blocked read once).
    st = None
    try:
        r = subprocess.run(["timeout", "-s", "INT", "5", "strace", "-c", "-p", str(p)],
                           capture_output=True, text=True)
        if "attached" in r.stderr:
            m = re.search(r"^\s*100\.00\s+\S+\s+\S+\s+(\d+)", r.stderr, re.M)
            st = int(m.group(1)) if m else 0
    except FileNotFoundError:
        pass
    return dio, dcs, st


res = {"name": name}
if name == "baseline":
    # The harness's own cost: fork, exec and first output of a trivial program.
    read_until(lambda s: b"quit" in s, quiet=0.01)
    res["first_ms"] = ((when or time.monotonic()) - t0) * 1000
    _, _, ru = os.wait4(pid, 0)
    res["cpu_ms"] = (ru.ru_utime + ru.ru_stime) * 1000
    print(json.dumps(res))
    sys.exit(0)
if name == "wizard":
    read_until(lambda s: b"quit" in s)
    res["first_ms"] = ((when or time.monotonic()) - t0) * 1000
    send(b"\r")
    read_until(lambda s: b"Question 1 of" in s)
    send(DOWN + DOWN + b"\r")
    # Only the changed digit is redrawn, so "Question 2 of" never arrives
    # whole: wait for the redraw to go quiet instead.
    read_until(quiet=0.25)
else:
    # dialog/whiptail: the first screen is complete when output goes quiet.
    _, last = read_until(lambda s: len(s) > 0, quiet=0.15)
    res["first_ms"] = (last - t0) * 1000
    send(b"\r")
    read_until(quiet=0.25)
    send(DOWN + DOWN + b"\r")
    read_until(quiet=0.25)
if extra:
    def set_size(rows, cols):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    if name == "wizard":
        # Esc split 10 ms: the reference is a whole Up key in the same state.
        send(DOWN)
        read_until(quiet=0.15)
        send(UP)
        seen.clear()
        read_until(lambda s: len(s) > 0, quiet=0.15, limit=1.5)
        ref = bytes(seen)
        send(DOWN)
        read_until(quiet=0.15)
        seen.clear()
        send(UP[:1])
        time.sleep(0.01)
        send(UP[1:])
        read_until(lambda s: len(s) > 0, quiet=0.15, limit=1.5)
        res["esc_arrow"] = bool(ref) and bytes(seen) == ref
        # Esc closing the help overlay.
        send(b"?")
        read_until(lambda s: b"Help" in s, quiet=0.15)
        t1 = time.monotonic()
        send(b"\x1b")
        n, last = read_until(lambda s: len(s) > 0, quiet=0.15, limit=3)  # ESCDELAY 1 s still seen
        res["esc_ms"] = (last - t1) * 1000 if n else None
    # Resize 80x24 -> 100x30 on the question screen.
    t1 = time.monotonic()
    set_size(30, 100)
    n, last = read_until(lambda s: len(s) > 0, quiet=0.15, limit=1.5)
    res["resize_bytes"], res["resize_ms"] = n, ((last - t1) * 1000 if n else None)

    def rss_kib():
        try:
            with open("/proc/%d/status" % leaf(pid)) as st:
                return int(next(l for l in st if l.startswith("VmRSS")).split()[1])
        except Exception:
            return None
    # Memory after a window no screen has: 2000x2000 (a visitor's stty).
    res["rss_100x30_kib"] = rss_kib()
    set_size(2000, 2000)
    read_until(lambda s: len(s) > 0, quiet=0.3, limit=3)
    res["rss_huge_kib"] = rss_kib()
    set_size(24, 80)
    read_until(lambda s: len(s) > 0, quiet=0.15, limit=1.5)
    if name == "wizard":
        send(b"q")
        read_until(lambda s: b"Quit" in s)
        send(b"y")
        read_until(quiet=0.3, limit=3)
    os.close(fd)             # dialog/whiptail: the hangup ends the script
    for _ in range(30):
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            break
        time.sleep(0.1)
    else:
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    print(json.dumps(res))
    sys.exit(0)
# One cursor move on question 2.
t1 = time.monotonic()
send(DOWN)
n, last = read_until(quiet=0.15)
res["move_bytes"], res["move_ms"] = n, (last - t1) * 1000
res["idle_io"], res["idle_cs"], res["idle_strace"] = idle(leaf(pid))
send(UP)  # undo the move: every tool then walks the same keys
read_until(quiet=0.1)
q = 0.05 if name == "wizard" else 0.25
send(DOWN + DOWN + b"\r")
read_until(quiet=q)
for i in range(NQ - 2):
    send(DOWN + DOWN + b"\r")
    read_until(quiet=q)
if name == "wizard":
    read_until(lambda s: b"Review" in s)
    send(b"\r")              # See the result
    read_until(lambda s: b"Result" in s)
    send(b"\t")              # the comparison
    read_until(lambda s: b"Comparison" in s)
    send(b"q")
    read_until(lambda s: b"Quit" in s)
    send(b"y")
else:
    for _ in range(3):       # review, result, comparison: each one Enter
        send(b"\t\r" if name == "whiptail" else b"\r")  # whiptail: Tab to Ok
        read_until(quiet=0.25)
read_until(quiet=0.3, limit=5)
ru = None
for _ in range(50):          # never hang: a tool still waiting is stopped
    done, status, r = os.wait4(pid, os.WNOHANG)
    if done == pid:
        ru = r
        break
    time.sleep(0.1)
if ru is None:
    os.kill(pid, signal.SIGTERM)
    res["stuck"] = True
    _, status, ru = os.wait4(pid, 0)
res["bytes"] = total
res["cpu_ms"] = (ru.ru_utime + ru.ru_stime) * 1000
res["maxrss_kib"] = ru.ru_maxrss
res["status"] = status
print(json.dumps(res))

#!/bin/bash
# Benchmark of the interactive wizard against the same interview built with
# dialog(1) and whiptail, side by side, at 80x24 with TERM=xterm-256color:
# bytes written to the terminal for the whole interview, CPU time and peak RSS
# (/usr/bin/time, whole process tree), time to the first complete screen (the
# harness's own fork+exec cost subtracted), bytes and latency of one cursor
# move, and system calls / context switches in 5 s idle; then, in separate
# sessions on question 2: bytes and latency of a resize from 80x24 to 100x30
# (TIOCSWINSZ on the pty master, SIGWINCH from the kernel), and for the wizard
# the latency of a lone Esc closing the help overlay and whether an Up key
# split 10 ms after its ESC is still read as Up. Prints figures; never fails. Usage: bench_ui.sh [BINARY [SOURCE_ROOT]]
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=${2:-$(cd "$HERE/../.." && pwd)}
BIN=${1:-$SRC/build/outsource-wizard}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ow-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8
unset LINES COLUMNS NO_COLOR

need=""
command -v dialog >/dev/null || need="$need dialog"
command -v whiptail >/dev/null || need="$need whiptail"
if [ -n "$need" ] && command -v apt-get >/dev/null; then
	echo "# installing$need"
	apt-get install -y -qq $need >/dev/null 2>&1 || echo "# could not install$need"
fi
[ -x /usr/bin/time ] || echo "# /usr/bin/time missing: CPU and RSS come from the harness"

"$BIN" --content "$SRC/content" --check-content -f json >"$WORK/content.json" || { echo "no content"; exit 0; }
NQ=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['questions']))" "$WORK/content.json")
NR=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['comparison']))" "$WORK/content.json")
# The result box shows what the wizard's result shows: the batch report.
printf '[answers]\n' >"$WORK/a.ini"
"$BIN" --content "$SRC/content" --answers "$WORK/a.ini" --allow-partial >"$WORK/result.txt" 2>/dev/null
for t in dialog whiptail; do
	command -v $t >/dev/null && python3 "$HERE/gen_dialog.py" $t "$WORK/content.json" "$WORK/result.txt" "$WORK"
done
export BENCH_NQ=$NQ

drive() { # drive NAME COMMAND...: one run, JSON with the time(1) figures merged
	local name=$1
	shift
	local tf="$WORK/$name.time"
	python3 "$HERE/bench_ui_drive.py" "$name" -- /usr/bin/time -f '%M %U %S' -o "$tf" "$@" >"$WORK/$name.json" 2>/dev/null
	python3 - "$WORK/$name.json" "$tf" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
try:
    # Peak RSS from time(1): the harness's own rusage would include the
    # forked Python before exec. CPU stays the harness's (microseconds).
    r["maxrss_kib"] = int(open(sys.argv[2]).read().split()[-3])
except Exception:
    pass
json.dump(r, open(sys.argv[1], "w"))
PY
}

python3 "$HERE/bench_ui_drive.py" baseline -- /usr/bin/time -o /dev/null /bin/echo quit >"$WORK/base.json" 2>/dev/null
RUNS=${BENCH_RUNS:-3}
for i in $(seq "$RUNS"); do
	drive wizard "$BIN" --content "$SRC/content" && cp "$WORK/wizard.json" "$WORK/wizard.$i.json"
done
command -v dialog >/dev/null && drive dialog sh "$WORK/dialog.sh"
command -v whiptail >/dev/null && drive whiptail sh "$WORK/whiptail.sh"
# Resize and Esc: own sessions, so the interview's figures stay untouched.
for i in $(seq "$RUNS"); do
	python3 "$HERE/bench_ui_drive.py" wizard-extra -- "$BIN" --content "$SRC/content" >"$WORK/wizard-extra.$i.json" 2>/dev/null
	for t in dialog whiptail; do
		command -v $t >/dev/null &&
			python3 "$HERE/bench_ui_drive.py" $t-extra -- sh "$WORK/$t.sh" >"$WORK/$t-extra.$i.json" 2>/dev/null
	done
done

python3 - "$WORK" "$RUNS" "$NQ" "$NR" <<'PY'
import json, os, statistics, sys
w, runs, nq, nr = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
b = json.load(open(os.path.join(w, "base.json")))
base, base_cpu = b["first_ms"], b.get("cpu_ms", 0)
def load(p):
    try:
        return json.load(open(os.path.join(w, p)))
    except Exception:
        return None
wiz = [load("wizard.%d.json" % i) for i in range(1, runs + 1)]
wiz = [r for r in wiz if r]
med = {k: statistics.median(r[k] for r in wiz) for k in wiz[0] if isinstance(wiz[0][k], (int, float)) and k != "status"} if wiz else {}
if wiz:
    med["idle_strace"] = wiz[0].get("idle_strace")
def extras(tool):
    """Medians of the resize/Esc sessions; esc_arrow as yes, no or k/n."""
    rs = [load("%s-extra.%d.json" % (tool, i)) for i in range(1, runs + 1)]
    rs = [r for r in rs if r]
    out = {}
    for k in ("resize_bytes", "resize_ms", "esc_ms", "rss_100x30_kib", "rss_huge_kib"):
        v = [r[k] for r in rs if isinstance(r.get(k), (int, float))]
        if v:
            out[k] = statistics.median(v)
    a = [r["esc_arrow"] for r in rs if "esc_arrow" in r]
    if a:
        out["esc_arrow"] = "yes" if all(a) else "no" if not any(a) else "%d/%d yes" % (sum(a), len(a))
    return out
cols = [("outsource-wizard", med), ("dialog", load("dialog.json")), ("whiptail", load("whiptail.json"))]
for (tool, r), t in zip(cols, ("wizard", "dialog", "whiptail")):
    if r is not None:
        r.update(extras(t))
WIZARD_ONLY = ("esc_ms", "esc_arrow")  # dialog/whiptail have no help overlay
rows = [
    ("bytes, whole interview", "bytes", "%.0f", 1),
    ("CPU ms, whole interview", "cpu_ms", "%.1f", 1),
    ("peak RSS MiB", "maxrss_kib", "%.2f", 1 / 1024),
    ("first complete screen ms (net)", "first_ms", "%.1f", 1),
    ("cursor move: bytes", "move_bytes", "%.0f", 1),
    ("cursor move: ms to last byte", "move_ms", "%.2f", 1),
    ("idle 5 s: read/write syscalls", "idle_io", "%.0f", 1),
    ("idle 5 s: context switches", "idle_cs", "%.0f", 1),
    ("idle 5 s: syscalls (strace -c)", "idle_strace", "%s", 1),
    ("resize: bytes", "resize_bytes", "%.0f", 1),
    ("resize: ms to last byte", "resize_ms", "%.2f", 1),
    ("RSS MiB at 100x30", "rss_100x30_kib", "%.1f", 1 / 1024),
    ("RSS MiB after 2000x2000", "rss_huge_kib", "%.1f", 1 / 1024),
    ("Esc: ms to close overlay", "esc_ms", "%.1f", 1),
    ("Esc split 10 ms: read as arrow", "esc_arrow", "%s", 1),
]
print("# outsource-wizard UI benchmark: %s questions, %s-row table, 80x24, TERM=xterm-256color, "
      "wizard median of %d runs; harness fork+exec (%.1f ms, %.1f ms CPU) subtracted" % (nq, nr, runs, base, base_cpu))
print("%-32s %16s %12s %12s %9s %9s" % ("", "outsource-wizard", "dialog", "whiptail", "dlg/wiz", "wt/wiz"))
for label, key, fmt, scale in rows:
    vals = []
    for i, (_, r) in enumerate(cols):
        if i and key in WIZARD_ONLY:
            vals.append("-")
            continue
        v = None if not r else r.get(key)
        if v is not None and key == "first_ms":
            v = max(v - base, 0)
        if v is not None and key == "cpu_ms":
            v = max(v - base_cpu, 0)
        vals.append(v)
    def f(v):
        if v is None:
            return "n/a"
        return fmt % (v * scale) if fmt != "%s" and v != "-" else str(v)
    def ratio(a, b):
        if a is None or b in (None, 0) or key.startswith("idle") or key in WIZARD_ONLY:
            return ""
        return "%.1fx" % (a / b)
    print("%-32s %16s %12s %12s %9s %9s" % (label, f(vals[0]), f(vals[1]), f(vals[2]),
                                          ratio(vals[1], vals[0]), ratio(vals[2], vals[0])))
print("# targets (issue 3): <= 12 kB and <= 10 ms for the whole interview (8 questions there),"
      " <= 3.5 MiB, first screen <= 2.5 ms, a cursor move <= 40 bytes, 0 syscalls idle")
print("# RSS after 2000x2000: the wizard lays out at most 500x200 (issue 10); dialog takes the whole size")
print("# resize 80x24 -> 100x30 and Esc: own sessions on question 2, median of %d each; ms from the ioctl or the key to"
      " the last byte, the 150 ms quiet wait not counted; Esc includes ESCDELAY (wizard: 25 ms, ncurses"
      " default 1000 ms); the split key is ESC then 'OA' (kcuu1 in keypad mode; ESC [ A is no key there)" % runs)
PY
exit 0

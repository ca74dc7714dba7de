# Shared set-up for the SSH kiosk tests (kiosk_ssh.sh, kiosk_load.sh). Source it
# from bash, then call kiosk_setup. It needs root. It creates, and removes on
# exit (trap):
#   * a throwaway user owk<pid> with /bin/sh and a root-owned home (0555) that
#     holds a root-owned .ssh/authorized_keys with a throwaway ed25519 key;
#   * a temp dir with the host key, the client key, the log dir (owned by the
#     user), and a PRIVATE sshd (never the system one, never port 22) that
#     listens on 127.0.0.1 on free high ports, built from
#     src/kiosk/deploy/sshd_kiosk.conf; one Match block per port:
#       PORT         the shipped block: ForceCommand BIN --kiosk --content ... --log LOG
#       PORT_STRACE  the same under strace -f (execve, fork, vfork, clone, clone3)
#       PORT_IDLE    the same with --idle-timeout 3
#       PORT_LIMIT   the same with --session-limit 6
#       PORT_OPEN    the "open kiosk" variant from the snippet's comments
#       PORT_ENV     the same with AcceptEnv LINES COLUMNS ESCDELAY TERMINFO... too,
#                    so the program's own clean-up is what is tested
#   * src/kiosk/deploy/limits.conf.example for the user in /etc/security/limits.d;
#   * /run/utmp when the machine has none (a container), so that pam_limits'
#     maxlogins counts the sessions as on a real server.
# The sshd's global settings come from the shipped file first (sshd keeps the
# first value it reads), so MaxStartups and LoginGraceTime are the shipped ones.
# The sshd is stopped by its own PID; session processes by theirs.
# Usage of the scripts: script.sh [BUILD_DIR]   (default: <repo>/build)

set -u
KL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SRC=$(cd "$KL_DIR/../.." && pwd)
BUILD=$(cd "${1:-$SRC/build}" 2>/dev/null && pwd) || { echo "FAIL - no build dir ${1:-$SRC/build}"; exit 1; }
BIN=$BUILD/outsource-wizard
CONTENT=$SRC/content
SNIPPET=$SRC/src/kiosk/deploy/sshd_kiosk.conf
LIMITS_EXAMPLE=$SRC/src/kiosk/deploy/limits.conf.example

PASS=0 FAILS=0 SKIPS=0
ok() { PASS=$((PASS + 1)); echo "ok - $*"; }
fail() { FAILS=$((FAILS + 1)); echo "FAIL - $*"; }
skip() { SKIPS=$((SKIPS + 1)); echo "skip - $*"; }
check() { local d=$1; shift; if "$@"; then ok "$d"; else fail "$d"; fi; }
note() { echo "  # $*"; }
finish() {
	echo "$PASS passed, $FAILS failed, $SKIPS skipped"
	[ "$FAILS" -eq 0 ]
	exit $?
}

[ "$(id -u)" -eq 0 ] || { echo "skip - the SSH kiosk tests need root (a user and an sshd)"; exit 77; }
[ -x "$BIN" ] || { echo "FAIL - no binary at $BIN"; exit 1; }

kl_install() { # PACKAGE BINARY...: apt-get install when a binary is missing
	local pkg=$1 missing=0 b
	shift
	for b in "$@"; do [ -x "$b" ] || missing=1; done
	[ $missing -eq 0 ] && return 0
	echo "  # installing $pkg"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$pkg" >/dev/null 2>&1 ||
		{ apt-get update >/dev/null 2>&1 &&
			DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$pkg" >/dev/null 2>&1; }
	for b in "$@"; do [ -x "$b" ] || { echo "FAIL - cannot install $pkg"; exit 1; }; done
}

# Free TCP ports on 127.0.0.1 (asked of the kernel; high, never 22).
kl_free_ports() {
	python3 - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

KL_CREATED_RUN_SSHD=0
KL_CREATED_UTMP=0
SSHD_PID=
OWK_USER=owk$$
WORK=
LIMITS_FILE=

# The PIDs of the user's processes, and of the root sshd processes serving them.
kl_session_pids() {
	ps -u "$OWK_USER" -o pid= 2>/dev/null | tr -d ' '
	[ -n "$SSHD_PID" ] && ps --ppid "$SSHD_PID" -o pid= 2>/dev/null | tr -d ' '
}

kiosk_cleanup() {
	local p
	[ -n "${KL_EXTRA_CLEANUP:-}" ] && eval "$KL_EXTRA_CLEANUP"
	if [ -n "$SSHD_PID" ]; then
		kill "$SSHD_PID" 2>/dev/null
		for p in $(kl_session_pids); do kill "$p" 2>/dev/null; done
		sleep 0.3
		for p in $(kl_session_pids); do kill -9 "$p" 2>/dev/null; done
		kill -9 "$SSHD_PID" 2>/dev/null
		wait "$SSHD_PID" 2>/dev/null
	fi
	if id "$OWK_USER" >/dev/null 2>&1; then
		for p in $(ps -u "$OWK_USER" -o pid= 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
		sleep 0.1
		userdel "$OWK_USER" >/dev/null 2>&1
		getent group "$OWK_USER" >/dev/null && groupdel "$OWK_USER" >/dev/null 2>&1
	fi
	[ -n "$LIMITS_FILE" ] && rm -f "$LIMITS_FILE"
	[ -n "$WORK" ] && rm -rf "$WORK"
	[ "$KL_CREATED_RUN_SSHD" -eq 1 ] && rmdir /run/sshd 2>/dev/null
	[ "$KL_CREATED_UTMP" -eq 1 ] && rm -f /run/utmp
	return 0
}

# kl_block PORT PREFIX SUFFIX [EXTRA LINE...]: the shipped Match block for this
# user and port; in its ForceCommand the binary becomes PREFIX + the build
# tree's binary + --content <repo>/content, and the log path LOG + SUFFIX.
kl_block() {
	local port=$1 prefix=$2 suffix=$3 line
	shift 3
	sed -n '/^Match User /,$p' "$SNIPPET" |
		sed -e "s|^Match User .*|Match User $OWK_USER LocalPort $port|" \
			-e "/^[[:space:]]*ForceCommand /{s|/usr/local/bin/outsource-wizard|$prefix$BIN --content $CONTENT|;s|/var/lib/outsource-wizard/results.csv|$LOG$suffix|}"
	for line in "$@"; do printf '\t%s\n' "$line"; done
}

# kl_open_block PORT: the same, switched to the "open kiosk" the snippet
# describes in its comments (empty password, no prompt).
kl_open_block() {
	kl_block "$1" "" "" | sed -e '/^[[:space:]]*AuthenticationMethods publickey/d' \
		-e '/^[[:space:]]*PermitEmptyPasswords no/d' \
		-e 's/^[[:space:]]*#\([[:space:]]*\(PasswordAuthentication yes\|PermitEmptyPasswords yes\)\)$/\1/'
}

kiosk_setup() {
	kl_install openssh-server /usr/sbin/sshd /usr/bin/ssh /usr/bin/sftp /usr/bin/scp
	kl_install strace /usr/bin/strace
	kl_install tmux /usr/bin/tmux
	command -v python3 >/dev/null || { echo "FAIL - python3 is needed"; exit 1; }
	trap kiosk_cleanup EXIT
	trap 'exit 130' INT TERM

	WORK=$(mktemp -d /tmp/owk.XXXXXX)
	chmod 0755 "$WORK" # the user must reach its home and log dir below it
	mkdir -p "$WORK/sshd" "$WORK/client" "$WORK/log" "$WORK/home/.ssh"
	chmod 0700 "$WORK/sshd" "$WORK/client"

	if ! id "$OWK_USER" >/dev/null 2>&1; then
		useradd --shell /bin/sh --home-dir "$WORK/home" --no-create-home --user-group \
			--comment "outsource-wizard kiosk test" "$OWK_USER" || { echo "FAIL - useradd"; exit 1; }
	fi
	# An empty password: the open-kiosk port (PORT_OPEN) lets anyone in with no
	# prompt; on the others the shipped block allows only the key.
	passwd -d "$OWK_USER" >/dev/null

	ssh-keygen -q -t ed25519 -N '' -C "owk-client" -f "$WORK/client/id" || exit 1
	ssh-keygen -q -t ed25519 -N '' -C "owk-host" -f "$WORK/sshd/host_ed25519" || exit 1
	cp "$WORK/client/id.pub" "$WORK/home/.ssh/authorized_keys"
	chown -R root:root "$WORK/home"
	chmod 0444 "$WORK/home/.ssh/authorized_keys"
	chmod 0555 "$WORK/home/.ssh" "$WORK/home"
	chown "$OWK_USER:$OWK_USER" "$WORK/log"
	chmod 0750 "$WORK/log"
	LOG=$WORK/log/results.csv
	STRACE_OUT=$WORK/log/strace.out

	if [ -f "$LIMITS_EXAMPLE" ] && [ -d /etc/security/limits.d ]; then
		LIMITS_FILE=/etc/security/limits.d/zz-$OWK_USER.conf
		sed "s/^wizard-kiosk\b/$OWK_USER/" "$LIMITS_EXAMPLE" >"$LIMITS_FILE"
	fi

	if [ ! -e /run/utmp ]; then
		install -m 0664 -g utmp /dev/null /run/utmp 2>/dev/null || install -m 0664 /dev/null /run/utmp
		KL_CREATED_UTMP=1
	fi

	read -r PORT PORT_STRACE PORT_IDLE PORT_ENV PORT_OPEN PORT_LIMIT <<<"$(kl_free_ports 6)"
	KL_PORTS="$PORT $PORT_STRACE $PORT_IDLE $PORT_ENV $PORT_OPEN $PORT_LIMIT"
	{
		echo "# private sshd for the outsource-wizard kiosk tests ($WORK)"
		echo "# first the shipped global settings, as they are"
		sed '/^Match User /,$d' "$SNIPPET"
		for p in $KL_PORTS; do echo "ListenAddress 127.0.0.1:$p"; done
		echo "HostKey $WORK/sshd/host_ed25519"
		echo "PidFile $WORK/sshd/sshd.pid"
		echo "LogLevel VERBOSE"
		echo "UsePAM yes"
		echo "AllowUsers $OWK_USER"
		echo "PermitRootLogin no"
		echo "PasswordAuthentication no"
		echo "KbdInteractiveAuthentication no"
		echo "AuthorizedKeysFile .ssh/authorized_keys"
		echo "# Debian's default: the program must cope with whatever LC_* the client sends"
		echo "AcceptEnv LANG LC_*"
		echo "MaxAuthTries 3"
		echo "PrintMotd no"
		echo "Subsystem sftp internal-sftp"
		kl_block "$PORT" "" ""
		kl_block "$PORT_STRACE" "/usr/bin/strace -f -qq -e trace=execve,execveat,fork,vfork,clone,clone3 -o $STRACE_OUT " ""
		kl_block "$PORT_IDLE" "" " --idle-timeout 3"
		kl_block "$PORT_LIMIT" "" " --session-limit 6"
		kl_open_block "$PORT_OPEN"
		kl_block "$PORT_ENV" "" "" "AcceptEnv LANG LC_* LINES COLUMNS ESCDELAY TERMINFO TERMINFO_DIRS TERMCAP NCURSES_NO_UTF8_ACS HOME SHELL PAGER EDITOR"
	} >"$WORK/sshd/sshd_config"

	if [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 0755 /run/sshd && KL_CREATED_RUN_SSHD=1
	fi
	if ! /usr/sbin/sshd -t -f "$WORK/sshd/sshd_config"; then
		echo "FAIL - sshd -t refused the generated config"
		exit 1
	fi
	/usr/sbin/sshd -D -f "$WORK/sshd/sshd_config" -E "$WORK/sshd/sshd.log" &
	SSHD_PID=$!
	local i
	for i in $(seq 50); do
		if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2).close()" "$PORT" 2>/dev/null; then
			break
		fi
		kill -0 "$SSHD_PID" 2>/dev/null || { echo "FAIL - the private sshd died:"; sed 's/^/  | /' "$WORK/sshd/sshd.log"; exit 1; }
		sleep 0.1
	done
	{
		for p in $KL_PORTS; do
			printf '[127.0.0.1]:%s %s\n' "$p" "$(cut -d' ' -f1,2 "$WORK/sshd/host_ed25519.pub")"
		done
	} >"$WORK/client/known_hosts"
	# -F /dev/null: nothing from root's own ssh config.
	SSH_BASE=(-F /dev/null -i "$WORK/client/id" -o IdentitiesOnly=yes -o BatchMode=yes
		-o UserKnownHostsFile="$WORK/client/known_hosts" -o StrictHostKeyChecking=yes
		-o LogLevel=ERROR -o ConnectTimeout=10 -o EscapeChar=none)
	HOST=$OWK_USER@127.0.0.1
	echo "  # private sshd pid $SSHD_PID on 127.0.0.1:$PORT (strace $PORT_STRACE, idle $PORT_IDLE, env $PORT_ENV, open $PORT_OPEN, limit $PORT_LIMIT), user $OWK_USER, work dir $WORK"
}

# kssh ARGS...: the ssh client with the throwaway key and host key.
kssh() { HOME=$WORK/client ssh "${SSH_BASE[@]}" "$@"; }

# The server-side wizard processes of the kiosk user (comm is cut to 15 chars).
wizard_pids() { ps -u "$OWK_USER" -o pid=,comm= 2>/dev/null | awk '$2 == "outsource-wizar" {print $1}'; }

# validate_log FILE: prints "RECORDS BAD HEADERS" after checking each record
# with python's csv module and its crc32 (over the bytes up to and including
# the last comma).
validate_log() {
	python3 - "$1" <<'EOF'
import csv, io, sys, zlib
data = open(sys.argv[1], "rb").read() if __import__("os").path.exists(sys.argv[1]) else b""
lines = data.split(b"\n")
if lines and lines[-1] == b"":
    lines.pop()  # else a missing final newline: counted as damage below
records = bad = headers = 0
width = None
for raw in lines:
    if raw.startswith(b"time,session,"):
        headers += 1
        width = len(next(csv.reader([raw.decode("utf-8", "replace")])))
        continue
    try:
        row = next(csv.reader(io.StringIO(raw.decode("utf-8"))))
    except Exception:
        bad += 1
        continue
    i = raw.rfind(b",")
    try:
        crc = int(raw[i + 1:], 16)
    except ValueError:
        crc = -1
    good = (i > 0 and len(raw) - i - 1 == 8 and width == len(row)
            and zlib.crc32(raw[: i + 1]) == crc)
    if good:
        records += 1
    else:
        bad += 1
if data and not data.endswith(b"\n"):
    bad += 1
print(records, bad, headers)
EOF
}

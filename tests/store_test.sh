#!/bin/sh
# The SQLite results store (issue 12) against what a room does to it: 200
# writers at once, writers killed with -9 at random moments, a read-only
# store, a full disk. Checked with the sqlite3 tool (Debian's sqlite3).
# Usage: store_test.sh BINARY SOURCE_ROOT
set -u
bin=$1
src=$2
content=$src/content
answers=$src/tests/fixtures/answers
tmp=$(mktemp -d)
mnt=
cleanup() {
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
no() { fail=$((fail + 1)); echo "FAIL - $1"; }
command -v sqlite3 >/dev/null || { echo "SKIP: no sqlite3 (Debian package sqlite3)"; exit 77; }
q() { sqlite3 "$1" "$2" 2>&1; }
nq=$("$bin" --check-content --content "$content" | sed -n 's/.*: \([0-9]*\) questions.*/\1/p')

# 200 writers at once: exactly 200 sessions, one answer row per question each
db=$tmp/room.db
i=0
while [ $i -lt 200 ]; do
	f=kpo; [ $((i % 3)) -eq 1 ] && f=bpo; [ $((i % 3)) -eq 2 ] && f=mixed
	"$bin" --content "$content" --answers "$answers/$f.ini" --log "$db" >/dev/null 2>>"$tmp/err" &
	i=$((i + 1))
done
wait
s=$(q "$db" "select count(*) from sessions") a=$(q "$db" "select count(*) from answers")
[ "$s" = 200 ] && [ "$a" = $((200 * nq)) ] && [ ! -s "$tmp/err" ] &&
	ok "200 writers at once: 200 sessions and $((200 * nq)) answer rows" ||
	{ no "200 writers at once: $s sessions, $a answer rows"; head -5 "$tmp/err"; }
[ "$(q "$db" "pragma integrity_check")" = ok ] && ok "200 writers: integrity_check ok" || no "200 writers: integrity_check"
[ "$(q "$db" "pragma journal_mode")" = wal ] && [ "$(q "$db" "pragma user_version")" = 3 ] &&
	ok "WAL journal, schema version 3" || no "WAL journal, schema version 3"
"$bin" --content "$content" --summary "$db" >"$tmp/sum" 2>&1 && grep -q "^Outsource Wizard: 200 sessions" "$tmp/sum" &&
	ok "the summary of the store: 200 sessions" || { no "the summary of the store"; head -3 "$tmp/sum"; }

# kill -9 at random moments: whatever was committed is whole
db=$tmp/killed.db
i=0
while [ $i -lt 200 ]; do
	"$bin" --content "$content" --answers "$answers/mixed.ini" --log "$db" >/dev/null 2>&1 &
	pid=$!
	# 1 to 9 ms, or 10 to 50 ms in: before, during and after the transaction
	if [ $((i % 2)) -eq 0 ]; then sleep "0.00$((i % 9 + 1))"; else sleep "0.0$(( (i * 7919) % 41 + 10 ))"; fi
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	i=$((i + 1))
done
ic=$(q "$db" "pragma integrity_check" 2>&1)
summed=no
"$bin" --content "$content" --summary "$db" >/dev/null 2>&1 && summed=yes
torn=0 orphans=0 n=0
if [ -e "$db" ] && [ "$(q "$db" "select count(*) from sqlite_master where name = 'sessions'")" = 1 ]; then
	torn=$(q "$db" "select count(*) from sessions s where (select count(*) from answers a where a.session = s.id) != $nq")
	orphans=$(q "$db" "select count(*) from answers a where not exists (select 1 from sessions s where s.id = a.session)")
	n=$(q "$db" "select count(*) from sessions")
fi
if [ ! -e "$db" ]; then
	ok "kill -9 x200: no writer got as far as creating the store (nothing to check)"
elif [ "$ic" = ok ] && [ "$torn" = 0 ] && [ "$orphans" = 0 ] && [ $summed = yes ]; then
	ok "kill -9 x200: integrity_check ok, $n committed sessions all whole, no orphan answers, the summary reads it"
else
	no "kill -9 x200: integrity '$ic', $torn torn sessions, $orphans orphan answers, summary: $summed"
fi

# read-only: a clear message, exit 1, the store as it was
db=$tmp/ro/r.db
mkdir "$tmp/ro"
"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$db" >/dev/null 2>&1
chmod 0444 "$db"; chmod 0555 "$tmp/ro"
if [ "$(id -u)" -eq 0 ]; then
	echo "skip - read-only store: root writes anyway"
else
	"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$db" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 1 ] && grep -q "results not saved: .*r.db: " "$tmp/err" && [ "$(q "$db" "select count(*) from sessions")" = 1 ] &&
		ok "read-only store: results not saved, exit 1, the store as it was" || no "read-only store (exit $rc)"
fi
chmod 0755 "$tmp/ro"; chmod 0644 "$db"

# a full disk: a clear message; every committed session is whole
mkdir "$tmp/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=96k tmpfs "$tmp/full" 2>/dev/null; then
	mnt=$tmp/full
	i=0 saved=0
	while [ $i -lt 300 ]; do
		"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$mnt/f.db" >/dev/null 2>"$tmp/err" || break
		saved=$((saved + 1)) i=$((i + 1))
	done
	ic=$(q "$mnt/f.db" "pragma integrity_check")
	n=$(q "$mnt/f.db" "select count(*) from sessions")
	if grep -q "results not saved: .*f.db: " "$tmp/err" && [ "$ic" = ok ] && [ "$n" = "$saved" ]; then
		ok "full disk after $saved sessions: results not saved, the store whole ($n sessions)"
	else
		no "full disk: saved $saved, store has '$n', integrity '$ic'"; cat "$tmp/err"
	fi
else
	echo "skip - full disk: needs root to mount a small tmpfs"
fi

# not a store: a newer schema is refused, by name
db=$tmp/new.db
sqlite3 "$db" "create table sessions(id text); pragma user_version = 9;"
"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$db" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "new.db: written by a newer outsource-wizard" "$tmp/err" &&
	ok "a store of a newer schema is refused, by name" || { no "a newer schema"; cat "$tmp/err"; }
"$bin" --content "$content" --summary "$db" >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "cannot read .*new.db: written by a newer outsource-wizard" "$tmp/err" &&
	ok "... and its summary says why, exit 2" || { no "a newer schema's summary"; cat "$tmp/err"; }

# --workshop tags each session; --summary --workshop and --since filter
db=$tmp/tags.db
"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$db" --workshop "Lyon day 1" >/dev/null
"$bin" --content "$content" --answers "$answers/bpo.ini" --log "$db" --workshop "Lyon day 1" >/dev/null
"$bin" --content "$content" --answers "$answers/bpo.ini" --log "$db" --workshop Paris >/dev/null
"$bin" --content "$content" --answers "$answers/mixed.ini" --log "$db" >/dev/null
sqlite3 "$db" "update sessions set time = '2020-01-01T00:00:00Z' where workshop = 'Paris'"
sessions_of() { "$bin" --content "$content" --summary "$db" "$@" | sed -n 's/^Outsource Wizard: \([0-9]*\) session.*/\1/p'; }
[ "$(q "$db" "select count(*) from sessions where workshop = 'Lyon day 1'")" = 2 ] &&
	ok "--workshop tags each session" || no "--workshop tags each session"
[ "$(sessions_of --workshop "Lyon day 1")" = 2 ] && [ "$(sessions_of --workshop Paris)" = 1 ] &&
	[ "$(sessions_of)" = 4 ] && ok "--summary --workshop counts that workshop only" || no "--summary --workshop"
[ "$(sessions_of --since today)" = 3 ] && [ "$(sessions_of --since 2019-12-31)" = 4 ] &&
	[ "$(sessions_of --since today --workshop Paris)" = 0 ] &&
	ok "--summary --since today and --since a day" || no "--summary --since"

# an older store is migrated in place (1: no index, no running counts), and
# a trainer's own SQL (deleting a test session) keeps the counts exact
odb=$tmp/old.db
sqlite3 "$odb" "CREATE TABLE sessions (id TEXT PRIMARY KEY, time TEXT NOT NULL, host TEXT,
	workshop TEXT, task TEXT, content_version TEXT, mode TEXT, result TEXT NOT NULL,
	strength TEXT NOT NULL, balance REAL);
	CREATE TABLE answers (session TEXT NOT NULL REFERENCES sessions(id), question TEXT NOT NULL,
	option TEXT NOT NULL, PRIMARY KEY (session, question));
	INSERT INTO sessions VALUES ('s1', '2026-01-01T00:00:00Z', NULL, NULL, NULL, NULL, 'batch', 'bpo', 'clear', -1);
	INSERT INTO answers VALUES ('s1', 'routineness', 'scripted');
	PRAGMA user_version = 1;"
"$bin" --content "$content" --answers "$answers/kpo.ini" --log "$odb" >/dev/null 2>"$tmp/err"
[ "$(q "$odb" "pragma user_version")" = 3 ] &&
	[ "$(q "$odb" "select n from answer_counts where question = 'routineness' and option = 'scripted'")" = 1 ] &&
	[ "$(q "$odb" "select sum(n) from answer_counts")" = "$(q "$odb" "select count(*) from answers")" ] &&
	ok "a schema 1 store is migrated to 3, its counts made from its rows" || { no "migration"; cat "$tmp/err"; }
sqlite3 "$odb" "DELETE FROM sessions WHERE id = 's1'"
[ "$(q "$odb" "select count(*) from answers where session = 's1'")" = 0 ] &&
	[ "$(q "$odb" "select n from answer_counts where question = 'routineness' and option = 'scripted'")" = 0 ] &&
	"$bin" --content "$content" --summary "$odb" | grep -q "^Outsource Wizard: 1 session$" &&
	ok "a session deleted with SQL takes its answers and their counts along (1 session left)" ||
	no "a session deleted with SQL"

# the export for spreadsheets: one row per interview, every answer, and no
# cell a spreadsheet would run as a formula (read back with python's csv)
{ printf '[task]\nname = "=HYPERLINK(1), with a comma"\n\n'; cat "$answers/kpo.ini"; } >"$tmp/evil.ini"
"$bin" --content "$content" --answers "$tmp/evil.ini" --log "$db" --workshop "Lyon day 1" >/dev/null
"$bin" --content "$content" --summary "$db" -f csv >"$tmp/rows.csv" 2>"$tmp/err"
if python3 - "$tmp/rows.csv" "$nq" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head, body = rows[0], rows[1:]
assert head[:7] == ['time', 'session', 'workshop', 'task', 'mode', 'result', 'strength'], head
assert len(head) == 7 + int(sys.argv[2]), head
assert len(body) == 5, len(body)
assert all(len(r) == len(head) for r in body)
evil = [r for r in body if 'HYPERLINK' in r[3]]
assert evil and evil[0][3] == "'=HYPERLINK(1), with a comma", evil
assert not any(c[:1] in ('=', '+', '-', '@') for r in body for c in r), 'a formula cell'
assert {r[5] for r in body} <= {'bpo', 'kpo', 'split'}
PY
then ok "-f csv: one row per interview with every answer, read back by python's csv, no formula"
else no "-f csv export"; head -3 "$tmp/rows.csv"; cat "$tmp/err"; fi
"$bin" --content "$content" --summary "$db" -f csv --workshop Paris | python3 -c "import csv,sys; r=list(csv.reader(sys.stdin)); sys.exit(len(r) != 2)" &&
	ok "-f csv --workshop: that workshop's rows only" || no "-f csv --workshop"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

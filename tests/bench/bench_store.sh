#!/bin/sh
# Figures, not a test (issue 12): --summary of an SQLite store at 1,000 /
# 10,000 / 100,000 sessions (target: under 100 ms at 100,000), and the
# latency of 200 writers at once. Usage: bench_store.sh BUILD SOURCE_ROOT
set -eu
build=$1
src=$2
bin=$build/outsource-wizard
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v sqlite3 >/dev/null || { echo "  (no sqlite3: store figures skipped)"; exit 0; }
ms() { # median of 5 wall times of a command, in ms
	for _ in 1 2 3 4 5; do
		s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
		echo $(( (e - s) / 1000000 ))
	done | sort -n | sed -n 3p
}
"$bin" --content "$src/content" --answers "$src/tests/fixtures/answers/mixed.ini" --log "$tmp/seed.db" >/dev/null
echo "== results store (SQLite): --summary wall ms, median of 5"
for n in 1000 10000 100000; do
	cp "$tmp/seed.db" "$tmp/s$n.db"
	sqlite3 "$tmp/s$n.db" "
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n - 1)
		INSERT INTO sessions SELECT printf('%016x', i), time, host, workshop, task,
			content_version, mode, CASE i % 3 WHEN 0 THEN 'bpo' WHEN 1 THEN 'kpo' ELSE 'split' END,
			strength, balance FROM k, (SELECT * FROM sessions LIMIT 1);
		WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n - 1)
		INSERT INTO answers SELECT printf('%016x', i), question, option FROM k,
			(SELECT question, option FROM answers);"
	echo "  $n sessions ($(($(stat -c %s "$tmp/s$n.db") / 1024)) KiB): summary $(ms "$bin" --content "$src/content" --summary "$tmp/s$n.db") ms, json $(ms "$bin" --content "$src/content" --summary "$tmp/s$n.db" -f json) ms, csv export $(ms "$bin" --content "$src/content" --summary "$tmp/s$n.db" -f csv) ms"
done
echo "== 200 writers at once into one store"
s=$(date +%s%N)
i=0
while [ $i -lt 200 ]; do
	"$bin" --content "$src/content" --answers "$src/tests/fixtures/answers/kpo.ini" --log "$tmp/w.db" >/dev/null &
	i=$((i + 1))
done
wait
e=$(date +%s%N)
echo "  200 batch runs started together: all done in $(( (e - s) / 1000000 )) ms, $(sqlite3 "$tmp/w.db" 'select count(*) from sessions') sessions"

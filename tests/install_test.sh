#!/bin/sh
# meson install puts the binary, the content and the man page in place, and the
# installed binary finds its content with no flags.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
meson setup "$tmp/build" "$src" --prefix="$tmp/prefix" -Dtests=false >/dev/null &&
	ninja -C "$tmp/build" >/dev/null && meson install -C "$tmp/build" >/dev/null || { echo "FAIL: install"; exit 1; }
check() { if eval "$2"; then echo "ok - $1"; else echo "FAIL - $1"; fail=1; fi; }
check "binary installed" '[ -x "$tmp/prefix/bin/outsource-wizard" ]'
check "man page installed" '[ -f "$tmp/prefix/share/man/man1/outsource-wizard.1" ]'
check "content installed" '[ -f "$tmp/prefix/share/outsource-wizard/content/questions.ini" ]'
check "installed binary finds its content" '"$tmp/prefix/bin/outsource-wizard" --check-content | grep -q "^content OK: $tmp/prefix/share"'
check "--content overrides it" '"$tmp/prefix/bin/outsource-wizard" --check-content --content "$src/tests/fixtures/mini" | grep -q "3 questions"'
exit $fail

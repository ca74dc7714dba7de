#!/bin/sh
# The whole test suite, in the order a failure is cheapest to read:
# 1. the normal build and every meson test (unit, cli, screens, end-to-end);
# 2. the same tests built with AddressSanitizer + UBSan, where a leak or
#    undefined behaviour aborts the test (meson sets no ASAN_OPTIONS itself);
# 3. the SSH kiosk for real (private sshd) and a 50-session load test;
# 4. valgrind memcheck over the unit tests' workers and real runs;
# 5. each libFuzzer target for a fixed time (FUZZ_SECONDS, default 60);
# 6. the benchmarks, which print figures and never fail.
set -eu
cd "$(dirname "$0")/.."
status=0

step() { printf '\n==== %s\n' "$*"; }

step "build and test (debugoptimized)"
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null
meson test -C build --print-errorlogs -v || status=1

step "meson install"
sh tests/install_test.sh || status=1

step "build and test under AddressSanitizer + UBSan"
[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >/dev/null
ninja -C build-asan >/dev/null
ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	meson test -C build-asan --print-errorlogs -v || status=1

step "SSH kiosk end to end (private sshd on 127.0.0.1, throwaway user)"
if [ "$(id -u)" -eq 0 ]; then bash tests/e2e/kiosk_ssh.sh build || status=1; else echo "skipped: needs root"; fi

step "SSH kiosk load: 50 sessions at once"
if [ "$(id -u)" -eq 0 ]; then bash tests/e2e/kiosk_load.sh build || status=1; else echo "skipped: needs root"; fi

step "valgrind memcheck"
sh tests/memcheck.sh build || status=1

step "fuzzing (${FUZZ_SECONDS:-60} s per target)"
sh tests/fuzz/run.sh "${FUZZ_SECONDS:-60}" || status=1

step "benchmarks (figures only)"
sh tests/bench/bench.sh build || true

echo
if [ "$status" -eq 0 ]; then echo "ALL TEST STEPS PASSED"; else echo "SOME TEST STEPS FAILED"; fi
exit "$status"

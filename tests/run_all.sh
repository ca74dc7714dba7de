#!/bin/sh
# The whole test suite, in the order a failure is cheapest to read:
# 1. the normal build and every meson test (unit, cli, screens, end-to-end);
# 2. the same tests built with AddressSanitizer + UBSan, where a leak or
#    undefined behaviour aborts the test (meson sets no ASAN_OPTIONS itself);
# 3. the SSH kiosk for real (private sshd) and a 200-session load test;
# 4. valgrind memcheck over the unit tests' workers and real runs;
# 5. each libFuzzer target for a fixed time (FUZZ_SECONDS, default 60);
# 6. the benchmarks, which print figures and never fail.
set -eu
cd "$(dirname "$0")/.."
status=0
passed=0
failed=0

step() { printf '\n==== %s\n' "$*"; }
# Runs one step's command; counts it passed or failed.
check() {
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
}

step "build and test (debugoptimized)"
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null
check meson test -C build --print-errorlogs -v

step "meson install"
check sh tests/install_test.sh

step "build and test under AddressSanitizer + UBSan"
[ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug >/dev/null
ninja -C build-asan >/dev/null
check env ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=halt_on_error=1:abort_on_error=1:print_stacktrace=1 \
	meson test -C build-asan --print-errorlogs -v

step "SSH kiosk end to end (private sshd on 127.0.0.1, throwaway user)"
if [ "$(id -u)" -eq 0 ]; then check bash tests/e2e/kiosk_ssh.sh build; else echo "skipped: needs root"; fi

step "SSH kiosk load: 200 sessions at once (the shipped sshd and limits files)"
if [ "$(id -u)" -eq 0 ]; then check bash tests/e2e/kiosk_load.sh build; else echo "skipped: needs root"; fi

step "valgrind memcheck"
check sh tests/memcheck.sh build

step "fuzzing (${FUZZ_SECONDS:-60} s per target)"
check sh tests/fuzz/run.sh "${FUZZ_SECONDS:-60}"

step "benchmarks (figures only)"
sh tests/bench/bench.sh build || true

echo
if [ "$status" -eq 0 ]; then echo "ALL TEST STEPS PASSED"; else echo "SOME TEST STEPS FAILED"; fi
echo "steps: $passed passed, $failed failed"
exit "$status"

#!/bin/sh
# Rewrites every golden screen (tests/screens/golden/*.txt) from what the
# wizard draws now, after an intended change; review the result with git diff.
# Usage: tests/screens/update-golden.sh BUILD_DIR
set -eu
build=${1:?usage: $0 BUILD_DIR}
ninja -C "$build" tests/screens/test_golden >/dev/null
OW_UPDATE_GOLDEN=1 "$build/tests/screens/test_golden" --filter 'golden/every_screen_matches_its_golden_file'

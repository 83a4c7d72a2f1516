#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up on a fresh Debian 12 machine and runs every test: installs what is
# missing (test tools too), builds, runs the suite (the UI tests under Xvfb with a D-Bus
# session), then builds again with AddressSanitizer and UndefinedBehaviorSanitizer and runs
# the suite once more, and prints the totals of both passes as "N passed, N failed[, N skipped]".
#
# GENDAN_BUILDDIR (default build) and GENDAN_ASAN_BUILDDIR (default build-asan) are the build
# folders; GENDAN_SANITIZE=0 leaves the sanitizer pass out. Arguments go to both meson test runs.
#
# The sanitizer pass leaves out two suites: "e2e" drives the app through the AT-SPI registry,
# whose own timeouts an instrumented GTK misses (and the same path runs uninstrumented in the
# first pass); "fuzz" runs the libFuzzer harnesses, which carry ASan and UBSan themselves.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

builddir=${GENDAN_BUILDDIR:-build}
asandir=${GENDAN_ASAN_BUILDDIR:-build-asan}
sanitize=${GENDAN_SANITIZE:-1}

build () {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" --prefix="$top/$dir/prefix" "$@" || return 1
  fi
  ninja -C "$dir"
}

export NO_AT_BRIDGE=0
# One X server for a whole run, which never resets: by default Xvfb resets when its last
# client leaves, and a window that connects during the reset (right after the AT-SPI bus
# launcher's short connection, say) loses its display and the program exits with status 1.
xvfb_args="-screen 0 1280x800x24 -noreset"
logs=()
status=0

if ! build "$builddir"; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi
rm -f "$builddir/meson-logs/suite.json"
xvfb-run -a -s "$xvfb_args" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 --logbase suite "$@" || status=1
logs+=("$builddir/meson-logs/suite.json")

if [ "$sanitize" != 0 ]; then
  if build "$asandir" -Db_sanitize=address,undefined; then
    rm -f "$asandir/meson-logs/suite-asan.json" "$asandir/meson-logs/suite-asan-ui.json"
    # LeakSanitizer: third-party process-lifetime caches are suppressed (tests/lsan.supp),
    # Gendan's own allocations never are. The slow unwinder gives whole stacks through
    # GLib and GTK (built without frame pointers), which the suppressions need.
    asan_common=halt_on_error=1:abort_on_error=1:print_stacktrace=1:detect_stack_use_after_return=0:check_initialization_order=1
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:print_summary=1
    export LSAN_OPTIONS=suppressions="$top/tests/lsan.supp":print_suppressions=0
    ASAN_OPTIONS=$asan_common:detect_leaks=1:fast_unwind_on_malloc=0 \
    xvfb-run -a -s "$xvfb_args" dbus-run-session -- \
      meson test -C "$asandir" --print-errorlogs --num-processes 2 --logbase suite-asan \
        --timeout-multiplier 4 --no-suite e2e --no-suite fuzz --no-suite ui "$@" || status=1
    # The windowed tests: the slow unwinder deadlocks in libgcc's unwinder when GTK's
    # renderer threads load code at the same moment, so here ASan and UBSan check every
    # access with the fast unwinder and leak checking is left to the windowless passes.
    ASAN_OPTIONS=$asan_common:detect_leaks=0 \
    xvfb-run -a -s "$xvfb_args" dbus-run-session -- \
      meson test -C "$asandir" --print-errorlogs --num-processes 2 --logbase suite-asan-ui \
        --timeout-multiplier 4 --suite ui "$@" || status=1
  else
    echo "The build with -Db_sanitize=address,undefined failed."
  fi
  logs+=("$asandir/meson-logs/suite-asan.json" "$asandir/meson-logs/suite-asan-ui.json")
fi

/usr/bin/python3 build-aux/test-totals.py "${logs[@]}"
totals=$?
[ $status -eq 0 ] && [ $totals -eq 0 ]

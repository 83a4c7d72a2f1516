#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets everything up on a fresh Debian 12 machine and runs every test: installs what is
# missing (test tools too), builds, runs the suite (the UI tests under Xvfb with a D-Bus
# session), and prints the totals as "N passed, N failed".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh test || { echo "0 passed, 1 failed"; exit 1; }

builddir=${GENDAN_BUILDDIR:-build}
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" --prefix="$top/$builddir/prefix" || { echo "0 passed, 1 failed"; exit 1; }
fi
if ! ninja -C "$builddir"; then
  echo "The build failed."
  echo "0 passed, 1 failed"
  exit 1
fi

export NO_AT_BRIDGE=0
xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --num-processes 2 --logbase suite "$@"
status=$?

/usr/bin/python3 build-aux/test-totals.py "$builddir/meson-logs/suite.json"
totals=$?
[ $status -eq 0 ] && [ $totals -eq 0 ]

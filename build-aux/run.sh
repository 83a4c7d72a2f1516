#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets Gendan up on a fresh Debian 12 machine and starts it: installs what is missing,
# builds, creates a demo database when the default one does not exist, runs the app.
# Extra arguments go to the app (e.g. --database FILE).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/deps.sh run

if [ ! -f build/build.ninja ]; then
  meson setup build --prefix="$top/build/prefix" >/dev/null
fi
ninja -C build

db="${XDG_DATA_HOME:-$HOME/.local/share}/gendan/gendan.db"
for ((i = 1; i <= $#; i++)); do
  if [ "${!i}" = "--database" ]; then
    j=$((i + 1))
    db=${!j}
  fi
done

if [ ! -f "$db" ]; then
  echo "Creating a demo database in $db"
  ./build/src/cli/gendan-cli demo --database "$db"
fi

export GSETTINGS_SCHEMA_DIR="$top/build/data"
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: starting Gendan under Xvfb (screen 1280x800)."
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
    ./build/src/ui/gendan --database "$db" "$@"
fi
exec ./build/src/ui/gendan --database "$db" "$@"

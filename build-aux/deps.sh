#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Gendan needs. "run" installs what building and running
# need; "test" adds the test tools (Xvfb, AT-SPI, validators, PDF tools, sanitizer runtime).
set -euo pipefail

mode=${1:-run}

build_pkgs=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libgtk-4-dev libgtk-4-bin libadwaita-1-dev libsqlite3-dev sqlite3
  libxlsxwriter-dev libjson-glib-dev libcairo2-dev libpango1.0-dev
  desktop-file-utils appstream locales fonts-noto-cjk
)
test_pkgs=(
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-gi python3-pyatspi gir1.2-atspi-2.0
  gir1.2-gtk-4.0 poppler-utils valgrind flatpak-builder xdotool imagemagick
  clang-14 libclang-rt-14-dev
)

pkgs=("${build_pkgs[@]}")
[ "$mode" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# Translations only show once the Chinese locales exist.
need_locale=()
for l in zh_CN zh_TW; do
  locale -a 2>/dev/null | grep -qix "$l.utf8" || need_locale+=("$l")
done
if [ ${#need_locale[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  for l in "${need_locale[@]}"; do
    grep -q "^$l.UTF-8 UTF-8" /etc/locale.gen 2>/dev/null ||
      echo "$l.UTF-8 UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  done
  grep -q "^en_US.UTF-8 UTF-8" /etc/locale.gen || echo "en_US.UTF-8 UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi

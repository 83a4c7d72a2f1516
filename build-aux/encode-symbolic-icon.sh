#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# encode-symbolic-icon.sh ENCODER SVG SIZE OUTPUT
# Renders a symbolic SVG icon at one size into GTK's .symbolic.png form, which GTK reads
# without the SVG renderer. The encoder names its output after the SVG; this gives it
# the name the build asks for.
set -eu

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$1" -o "$tmp" "$2" "$3"
mv "$tmp"/*.symbolic.png "$4"

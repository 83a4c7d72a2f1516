#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# meson install into a temporary prefix gives a runnable Gendan: the CLI answers
# --version and --help (also in Chinese), and the desktop entry, metainfo, icons, schema
# and translations are where the desktop looks for them. Prints TAP.
set -u
build=$1
dest=$(mktemp -d "${TMPDIR:-/tmp}/gendan-install-XXXXXX")
trap 'rm -rf "$dest"' EXIT
n=0
failed=0
check () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$dest.log" 2>&1
check $? "meson install into a temporary prefix"
rm -f "$dest.log"

find_one () { find "$dest" -path "$1" | head -n 1; }
cli=$(find_one '*/bin/gendan-cli')
app=$(find_one '*/bin/gendan')
[ -x "$cli" ]; check $? "gendan-cli is installed"
[ -x "$app" ]; check $? "gendan is installed"

out=$("$cli" --version 2>&1)
[ "$?" = 0 ] && echo "$out" | grep -q '^gendan-cli [0-9]'; check $? "gendan-cli --version: $out"
"$cli" --help 2>&1 | grep -q 'import'; check $? "gendan-cli --help lists the commands"

for f in '*/share/applications/io.github.gendan.Gendan.desktop' \
         '*/share/metainfo/io.github.gendan.Gendan.metainfo.xml' \
         '*/share/icons/hicolor/scalable/apps/io.github.gendan.Gendan.svg' \
         '*/share/icons/hicolor/symbolic/apps/io.github.gendan.Gendan-symbolic.svg' \
         '*/share/glib-2.0/schemas/io.github.gendan.Gendan.gschema.xml' \
         '*/share/locale/zh_CN/LC_MESSAGES/gendan.mo' \
         '*/share/locale/zh_TW/LC_MESSAGES/gendan.mo'; do
  [ -n "$(find_one "$f")" ]; check $? "installed: ${f#\*/}"
done

localedir=$(dirname "$(dirname "$(dirname "$(find_one '*/share/locale/zh_CN/LC_MESSAGES/gendan.mo')")")")
if locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  GENDAN_LOCALEDIR=$localedir LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$cli" --help 2>&1 | grep -q '用法'
  check $? "the installed translations speak Chinese (zh_CN)"
  GENDAN_LOCALEDIR=$localedir LC_ALL=zh_TW.UTF-8 LANGUAGE=zh_TW "$cli" --help 2>&1 | grep -q '用法'
  check $? "… and Traditional Chinese (zh_TW)"
fi

echo "1..$n"
exit $failed

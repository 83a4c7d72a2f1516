#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses of this folder with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, over Gendan's core sources (compiled here with coverage
# instrumentation; the meson build is not touched).
#
#   tests/fuzz/build.sh OUTDIR [CONFIG_H]
#
# OUTDIR gets fuzz-csv-reader, fuzz-parse and fuzz-import. CONFIG_H is a meson build's
# config.h (one is written when it is not given). Sources are recompiled only when they, or
# any header of src/core, changed. Exit status 77 when clang or its libFuzzer runtime is
# missing (Debian: clang-14 libclang-rt-14-dev, see build-aux/deps.sh test).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=${1:?usage: build.sh OUTDIR [CONFIG_H]}
config_h=${2:-}
harnesses=(fuzz-csv-reader fuzz-parse fuzz-import)

cc=${FUZZ_CC:-}
if [ -z "$cc" ]; then
  for c in clang clang-14; do
    if command -v "$c" >/dev/null; then cc=$c; break; fi
  done
fi
if [ -z "$cc" ]; then
  echo "clang is not installed (apt install clang-14 libclang-rt-14-dev)" >&2
  exit 77
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\n%s\n' \
  'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n){(void)d;(void)n;return 0;}' \
  > "$probe/probe.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$probe/probe.c" -o "$probe/probe" 2>/dev/null; then
  echo "$cc cannot link libFuzzer with ASan/UBSan (apt install libclang-rt-14-dev)" >&2
  exit 77
fi

mkdir -p "$out/obj"
out=$(cd "$out" && pwd)
if [ -n "$config_h" ]; then
  cmp -s "$config_h" "$out/config.h" || cp "$config_h" "$out/config.h"
elif [ ! -f "$out/config.h" ]; then
  cat > "$out/config.h" <<'CONFIG'
#pragma once
#define APP_ID "io.github.gendan.Gendan"
#define GETTEXT_PACKAGE "gendan"
#define LOCALEDIR "/usr/share/locale"
#define BUILD_LOCALEDIR "/nonexistent"
#define BUILD_SCHEMADIR "/nonexistent"
#define PACKAGE_VERSION "fuzz"
#define PKGDATADIR "/usr/share/gendan"
#define SCHEMADIR "/usr/share/glib-2.0/schemas"
CONFIG
fi

pkgs="glib-2.0 gobject-2.0 gio-2.0 sqlite3 json-glib-1.0 xlsxwriter"
# shellcheck disable=SC2086
cflags="$(pkg-config --cflags $pkgs) -I$out -I$top/src/core -std=gnu11 -g -O1
  -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
  -fno-sanitize-recover=undefined -Wall -Wno-unused-parameter
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74"
# shellcheck disable=SC2086
libs="$(pkg-config --libs $pkgs) -lm"

# the core library's sources, as meson builds them
mapfile -t core < <(sed -n "s/^ *'\(gdn-[a-z0-9-]*\.c\)',\$/\1/p" "$top/src/core/meson.build")
[ ${#core[@]} -gt 0 ] || { echo "no core sources found in src/core/meson.build" >&2; exit 1; }

stamp=$(ls -t "$top"/src/core/*.h "$out/config.h" "$here/build.sh" | head -n1)
todo=()
for f in "${core[@]}"; do
  o="$out/obj/${f%.c}.o"
  if [ ! -f "$o" ] || [ "$top/src/core/$f" -nt "$o" ] || [ "$stamp" -nt "$o" ]; then
    todo+=("$f")
  fi
done
if [ ${#todo[@]} -gt 0 ]; then
  echo "compiling ${#todo[@]} core sources with $cc"
  export cc cflags top out
  printf '%s\n' "${todo[@]}" | xargs -P "${FUZZ_JOBS:-2}" -I{} sh -c \
    '$cc $cflags -c "$top/src/core/{}" -o "$out/obj/$(basename {} .c).o"'
  rm -f "$out/libcore.a"
fi
[ "$(ar t "$out/libcore.a" 2>/dev/null | wc -l)" -eq ${#core[@]} ] || rm -f "$out/libcore.a"
if [ ! -f "$out/libcore.a" ]; then
  objs=()
  for f in "${core[@]}"; do objs+=("$out/obj/${f%.c}.o"); done
  ar rcs "$out/libcore.a" "${objs[@]}"
fi

for h in "${harnesses[@]}"; do
  if [ ! -x "$out/$h" ] || [ "$here/$h.c" -nt "$out/$h" ] || [ "$out/libcore.a" -nt "$out/$h" ]; then
    echo "linking $h"
    # shellcheck disable=SC2086
    $cc $cflags -fsanitize=fuzzer "$here/$h.c" "$out/libcore.a" $libs -o "$out/$h"
  fi
done

#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translation is incomplete: every message of each .po file given must be
# translated, none fuzzy, and msgfmt --check must accept the file.
set -u

if ! command -v msgfmt >/dev/null 2>&1; then
  echo "msgfmt (gettext) is not installed" >&2
  exit 77
fi
if [ $# -eq 0 ]; then
  echo "usage: $0 FILE.po…" >&2
  exit 2
fi

status=0
for po in "$@"; do
  # msgfmt's own words, in English, whatever the caller's locale
  out=$(LC_ALL=C LANGUAGE= msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  rc=$?
  printf '%s: %s\n' "$po" "$(printf '%s' "$out" | tail -n 1)"
  if [ $rc -ne 0 ]; then
    printf '%s\n' "$out" >&2
    echo "FAIL: msgfmt --check rejects $po" >&2
    status=1
  elif printf '%s' "$out" | grep -Eq 'untranslated|fuzzy'; then
    echo "FAIL: $po has untranslated or fuzzy messages:" >&2
    LC_ALL=C msgattrib --untranslated "$po" 2>/dev/null | grep -E '^msgid' | head -n 20 >&2
    LC_ALL=C msgattrib --only-fuzzy "$po" 2>/dev/null | grep -E '^msgid' | head -n 20 >&2
    status=1
  fi
done
exit $status

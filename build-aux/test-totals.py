#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the totals of a meson test run, counting every test case of TAP-speaking tests
(GLib's g_test) and every other test as one: "N passed, N failed[, N skipped]"."""
import json
import re
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        entry = json.loads(line)
        result = entry.get("result")
        out = entry.get("stdout") or ""
        if re.search(r"^(ok|not ok)\b", out, re.M):
            for m in re.finditer(r"^(ok|not ok)\b([^\n]*)", out, re.M):
                if re.search(r"#\s*SKIP", m.group(2), re.I):
                    skipped += 1
                elif m.group(1) == "ok":
                    passed += 1
                else:
                    failed += 1
            # a crash after some cases passed still fails the executable
            if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not re.search(r"^not ok", out, re.M):
                failed += 1
        elif result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)

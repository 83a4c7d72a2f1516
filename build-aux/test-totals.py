#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the totals of one or more meson test runs (their meson-logs/*.json), counting
every test case of TAP-speaking tests (GLib's g_test) and every other test as one. With
several logs, each gets a line "LOG: N passed, …" and the last line sums them all:
"N passed, N failed, N skipped". A missing log counts as one failure.

Before the totals, each failure is named with the first lines it printed after it, so that
the end of a long run's output says what failed and why."""
import json
import re
import sys

DIAG_LINES = 12
failures = []


def note_failure(path, entry, lines):
    where = f"{path}: {entry.get('name', '?')}"
    failures.append((where, [line.rstrip() for line in lines if line.strip()][:DIAG_LINES]))


def tap_diagnostics(out, start):
    """The '#' lines that follow a 'not ok' line, where GLib and the TAP tests explain it."""
    lines = []
    for line in out[start:].splitlines()[1:]:
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def last_lines(entry):
    text = (entry.get("stderr") or "") + (entry.get("stdout") or "")
    return text.strip().splitlines()[-DIAG_LINES:]


def count(path):
    passed = failed = skipped = 0
    try:
        log = open(path, encoding="utf-8")
    except OSError as e:
        print(f"{path}: {e.strerror}", file=sys.stderr)
        return 0, 1, 0
    with log:
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
                        note_failure(path, entry, [m.group(0)] + tap_diagnostics(out, m.start()))
                # a crash after some cases passed still fails the executable
                if result not in ("OK", "EXPECTEDFAIL", "SKIP") and not re.search(r"^not ok", out, re.M):
                    failed += 1
                    note_failure(path, entry, [f"exited: {result}"] + last_lines(entry))
            elif result in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result == "SKIP":
                skipped += 1
            else:
                failed += 1
                note_failure(path, entry, [f"exited: {result}"] + last_lines(entry))
    return passed, failed, skipped


totals = [0, 0, 0]
for path in sys.argv[1:]:
    counts = count(path)
    if len(sys.argv) > 2:
        print(f"{path}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
    totals = [a + b for a, b in zip(totals, counts)]

for where, lines in failures:
    print(f"FAILED {where}")
    for line in lines:
        print(f"    {line}")
print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
sys.exit(1 if totals[1] else 0)

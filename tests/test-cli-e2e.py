#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end through gendan-cli, as an office would use it: import a set of spreadsheet
exports of every kind and encoding (tests/data/e2e), twice, check the counts, compute the
KPIs and compare them with the hand calculation below, and refuse malformed files without
changing anything. Prints TAP."""
import hashlib
import json
import os
import stat
import subprocess
import sys
import tempfile

CLI = os.environ["GENDAN_CLI"]
DATA = os.path.join(os.environ["TESTS_SRCDIR"], "data", "e2e")
tmp = tempfile.TemporaryDirectory(prefix="gendan-e2e-")
DB = os.path.join(tmp.name, "office", "gendan.db")

n = 0
failures = 0


def check(ok, what, detail=""):
    global n, failures
    n += 1
    if ok:
        print(f"ok {n} - {what}")
    else:
        failures += 1
        print(f"not ok {n} - {what}")
        for line in str(detail).splitlines():
            print(f"# {line}")


def cli(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    p = subprocess.run([CLI, *args, "--database", DB], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


IMPORTS = [
    ("customers", "customers.csv", 4),     # UTF-8 with BOM, Chinese headers, quoted line break
    ("contacts", "contacts.csv", 5),       # GB18030, CRLF, Chinese dates and enumerations
    ("orders", "orders.csv", 7),           # UTF-8, CRLF, English headers, 9 lines of 7 orders
    ("shipments", "shipments.txt", 4),     # UTF-16LE with BOM, tab-separated
    ("cases", "cases.csv", 5),             # GB18030
    ("surveys", "surveys.csv", 4),         # UTF-8 without BOM
    ("interactions", "interactions.txt", 4),  # UTF-16LE, tabs, quoted field
    ("contracts", "contracts.csv", 2),     # UTF-8 with BOM, order_nos list
]


def count(kind):
    rc, out, err = cli("count", kind)
    try:
        return int(out.split()[0])
    except (ValueError, IndexError):
        return f"exit {rc}: {out!r} {err!r}"


def snapshot():
    digest = {}
    for kind, _, _ in IMPORTS:
        rc, out, err = cli("export", kind)
        digest[kind] = hashlib.sha256(out.encode()).hexdigest() if rc == 0 else f"exit {rc}"
    return digest


for round_no in (1, 2):
    for kind, name, expected in IMPORTS:
        rc, out, err = cli("import", kind, os.path.join(DATA, name))
        check(rc == 0, f"round {round_no}: import {kind} from {name}", out + err)
        check(count(kind) == expected, f"round {round_no}: {expected} {kind}", count(kind))
    if round_no == 1:
        first = snapshot()
    else:
        check(snapshot() == first, "a second import of the same files changes nothing")

rc, out, err = cli("list", "orders", "--json", "--limit", "100")
try:
    orders = {o["order_no"]: o for o in json.loads(out)}
except ValueError:
    orders = {}
check(abs(orders.get("SO-2410-002", {}).get("amount", 0) - 12805.0) < 0.005,
      "¥1,280.50 × 10 makes an order of 12,805.00", out[:500])
check(abs(orders.get("SO-2410-001", {}).get("amount", 0) - 2850.0) < 0.005
      and orders.get("SO-2410-001", {}).get("n_lines") == 2,
      "two rows of one order_no make one order of two lines", out[:500])

rc, out, err = cli("list", "orders", "--search", "华强", "--json")
found = sorted(o["order_no"] for o in json.loads(out)) if rc == 0 else []
check(found == ["SO-2410-001", "SO-2410-003"], "a 2-character Chinese search finds the orders of 华强", found)

# The KPIs of October 2026, by hand:
# delivered in October: SO-2410-001 (on time), SO-2410-002 (2 days late), SO-2409-006 (on time)
# inquiries created in October: 001 002 003 004 005 007; reached confirmed: 001 002 005 007
# cases opened in October: KS-2410-001..004; first response within 24 h: 001 (6 h), 004 (1.5 h);
#   002 answered after 25 h, 003 never; resolved or closed: 001, 002
# complaints opened in October: quality_defect 1, late_delivery 1 (KS-2409-005 is September's)
# surveys dated in October: 5, 3, 4 → 4.0; accuracy (5+4)/2, responsiveness (4+2)/2,
#   resolution 5/1, attitude (5+4)/2, quality (4+3)/2
# confirmed in October: 001 (100×12.5 + 20×80 = 2850), 002 (12805), 005 (50×20 + 30×10 = 1300)
# shipped in October: 顺丰速运 2 (both delivered by ETA, 3 days each); 德邦物流 2 (one delivered
#   3 days after ETA in 5 days, one in transit)
expected = {
    "on_time_delivery": {"delivered": 3, "on_time": 2, "rate": 2 / 3},
    "conversion": {"inquiries": 6, "converted": 4, "rate": 4 / 6},
    "response_24h": {"opened": 4, "within_24h": 2, "rate": 0.5},
    "closure": {"opened": 4, "closed": 2, "rate": 0.5},
    "satisfaction": {"count": 3, "mean": 4.0,
                     "dimensions": {"accuracy": 4.5, "responsiveness": 3.0, "resolution": 5.0,
                                    "attitude": 4.5, "quality": 3.5}},
    "order_volume": {"count": 3, "amount": 16955.0,
                     "by_type": {"regular": {"count": 2, "amount": 4150.0},
                                 "urgent": {"count": 1, "amount": 12805.0}}},
}


def close_enough(got, want, path=""):
    if isinstance(want, dict):
        if not isinstance(got, dict):
            return [f"{path}: {got!r} is not an object"]
        problems = []
        for k, v in want.items():
            problems += close_enough(got.get(k), v, f"{path}.{k}")
        return problems
    if isinstance(want, float):
        if not isinstance(got, (int, float)) or abs(got - want) > 1e-6:
            return [f"{path}: {got!r} != {want!r}"]
        return []
    return [] if got == want else [f"{path}: {got!r} != {want!r}"]


rc, out, err = cli("kpi", "--from", "2026-10-01", "--to", "2026-10-31", "--json")
try:
    kpi = json.loads(out)
except ValueError:
    kpi = {}
check(rc == 0 and kpi.get("from") == "2026-10-01" and kpi.get("to") == "2026-10-31",
      "kpi --json names its period", out + err)
for key, want in expected.items():
    problems = close_enough(kpi.get(key), want, key)
    check(not problems, f"kpi {key} equals the hand calculation", "\n".join(problems))
mix = kpi.get("complaint_mix", {})
check(mix.get("quality_defect") == 1 and mix.get("late_delivery") == 1
      and mix.get("spec_mismatch") == 0, "complaint mix counts October's complaints", mix)
carriers = {c["carrier"]: c for c in kpi.get("carriers", [])}
sf, db = carriers.get("顺丰速运", {}), carriers.get("德邦物流", {})
check(sf.get("shipments") == 2 and sf.get("on_time") == 2 and sf.get("on_time_rate") == 1.0
      and abs((sf.get("mean_transit_days") or 0) - 3.0) < 1e-9, "顺丰速运: 2 shipments, both on time", sf)
check(db.get("shipments") == 2 and db.get("on_time") == 0 and db.get("on_time_rate") == 0.0
      and abs((db.get("mean_transit_days") or 0) - 5.0) < 1e-9, "德邦物流: 2 shipments, none on time", db)

rc, out, err = cli("kpi", "--from", "2020-01-01", "--to", "2020-01-31", "--json")
empty = json.loads(out) if rc == 0 else {}
rates = [empty.get(k, {}).get("rate", "missing") for k in
         ("on_time_delivery", "conversion", "response_24h", "closure")]
check(rc == 0 and rates == [None] * 4 and empty.get("satisfaction", {}).get("mean") is None,
      "an empty period gives no data (null), never 0 % or 100 %", out)

# Malformed files: refused whole, every bad line named, nothing changed
before = snapshot()
bad = os.path.join(DATA, "orders-bad.csv")
rc, out, err = cli("import", "orders", bad)
check(rc == 1, "a file with bad rows exits 1", f"exit {rc}\n{err}")
for line in (3, 4, 5, 6):
    check(f"orders-bad.csv:{line}:" in err, f"the error names line {line}", err)
check("orders-bad.csv:2:" not in err, "the good line 2 is not blamed", err)
check(snapshot() == before and count("orders") == 7, "nothing of the bad file was written")

rc, out, err = cli("import", "customers", os.path.join(DATA, "customers-missing-column.csv"))
check(rc == 1 and ("客户名称" in err or "name" in err), "a missing required column is named", err)
check(snapshot() == before, "nothing was written for a file missing a column")

rc, out, err = cli("import", "orders", bad, "--skip-invalid")
check(rc == 0 and count("orders") == 8, "--skip-invalid imports the one good order", f"{rc} {err}")

rc, out, err = cli("import", "planets", bad)
check(rc == 2, "an unknown kind is a usage error (exit 2)", f"{rc} {err}")
rc, out, err = cli("import", "orders")
check(rc == 2, "a missing file argument is a usage error (exit 2)", f"{rc} {err}")

rc, out, err = cli("export", "customers", "--chinese-headers")
check(rc == 0 and out.startswith("\ufeff客户编码"), "--chinese-headers writes 客户编码 first, after a BOM", out[:80])
xlsx = os.path.join(tmp.name, "customers.xlsx")
rc, out, err = cli("export", "customers", "-o", xlsx)
check(rc == 0 and open(xlsx, "rb").read(2) == b"PK", "export -o FILE.xlsx writes a workbook", err)

rc, out, err = cli("check")
check(rc == 0, "check passes on a sound database", err)
backup = os.path.join(tmp.name, "copy.db")
rc, out, err = cli("backup", "-o", backup)
check(rc == 0 and os.path.exists(backup) and stat.S_IMODE(os.stat(backup).st_mode) == 0o600,
      "backup -o writes a private copy", err)
db_dir = os.path.dirname(DB)
check(stat.S_IMODE(os.stat(DB).st_mode) == 0o600 and stat.S_IMODE(os.stat(db_dir).st_mode) == 0o700,
      "the database is 0600 in a 0700 folder")

notdb = os.path.join(tmp.name, "notes.db")
with open(notdb, "w") as f:
    f.write("客户编码,客户名称\n")
env = dict(os.environ, LC_ALL="C.UTF-8")
p = subprocess.run([CLI, "check", "--database", notdb], capture_output=True, text=True, env=env)
check(p.returncode == 1 and open(notdb).read() == "客户编码,客户名称\n",
      "check refuses a file that is not a database and leaves it as it was", p.stderr)

print(f"1..{n}")
sys.exit(1 if failures else 0)

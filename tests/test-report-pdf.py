#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The work report end to end: import the spreadsheet fixtures (tests/data/e2e) with
gendan-cli, write the report of October 2026 in English and in Chinese, and read the PDFs
back with poppler-utils: every section title, the KPI figures `gendan-cli kpi --json` gives
for the same period, "Page 1 of N", every font embedded. A year of demo data paginates with
the shipments table's header repeated on each page it reaches. Wrong periods and unwritable
files fail with exit 1 and a message naming the fault, and write nothing. Prints TAP.

Usage: test-report-pdf.py [LOCALEDIR]  (the built translations, for the Chinese titles)"""
import gettext
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

CLI = os.environ["GENDAN_CLI"]
DATA = os.path.join(os.environ["TESTS_SRCDIR"], "data", "e2e")
LOCALEDIR = sys.argv[1] if len(sys.argv) > 1 else None
tmp = tempfile.TemporaryDirectory(prefix="gendan-report-")
DB = os.path.join(tmp.name, "fixtures.db")
DEMO = os.path.join(tmp.name, "demo.db")

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
        for line in str(detail).splitlines()[:40]:
            print(f"# {line}")
    return ok


def run(*args, db=DB):
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="")
    if LOCALEDIR:
        env["GENDAN_LOCALEDIR"] = LOCALEDIR
    p = subprocess.run([CLI, *args, "--database", db], capture_output=True, text=True, env=env)
    return p.returncode, p.stdout, p.stderr


def pdftotext(path, page=None):
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    p = subprocess.run(args + [path, "-"], capture_output=True, text=True)
    return p.stdout


def n_pages(path):
    p = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    m = re.search(r"^Pages:\s+(\d+)", p.stdout, re.M)
    return int(m.group(1)) if m else 0


def fonts(path):
    """(name, embedded) per font, columns cut where pdffonts' dashed line cuts them."""
    out = subprocess.run(["pdffonts", path], capture_output=True, text=True).stdout.splitlines()
    if len(out) < 2:
        return []
    spans = [m.span() for m in re.finditer(r"-+", out[1])]
    rows = []
    for line in out[2:]:
        cells = [line[a:b + 1].strip() for a, b in spans]
        rows.append((cells[0], cells[3]))
    return rows


IMPORTS = [
    ("customers", "customers.csv"), ("contacts", "contacts.csv"), ("orders", "orders.csv"),
    ("shipments", "shipments.txt"), ("cases", "cases.csv"), ("surveys", "surveys.csv"),
    ("interactions", "interactions.txt"), ("contracts", "contracts.csv"),
]
for kind, name in IMPORTS:
    rc, out, err = run("import", kind, os.path.join(DATA, name))
    check(rc == 0, f"import {kind}", out + err)

FROM, TO = "2026-10-01", "2026-10-31"
rc, out, err = run("kpi", "--from", FROM, "--to", TO, "--json")
kpi = json.loads(out) if rc == 0 else {}
check(rc == 0, "kpi --json", err)

SECTIONS = ["Work Report", "1. Summary", "2. Order follow-up", "3. Customer communication",
            "4. Logistics", "5. Problems and solutions", "6. Plan for the next period"]


def rate(r):
    return "no data" if r is None else f"{r * 100:.1f} %"


def figures(k):
    vol = k["order_volume"]
    return [
        rate(k["on_time_delivery"]["rate"]),
        f"{k['satisfaction']['mean']:.2f}",
        rate(k["conversion"]["rate"]),
        rate(k["response_24h"]["rate"]),
        rate(k["closure"]["rate"]),
        f"¥{vol['amount']:,.2f}",
    ] + [f"¥{v['amount']:,.2f}" for v in vol["by_type"].values() if v["count"] > 0] \
      + [c["carrier"] for c in k["carriers"]]


def flat(text):
    """pdftotext breaks lines where a cell wraps; compare without line breaks."""
    return re.sub(r"\s+", " ", text)


for lang in ("en", "zh_CN", "zh_TW"):
    pdf = os.path.join(tmp.name, f"report-{lang}.pdf")
    rc, out, err = run("report", "--from", FROM, "--to", TO, "-o", pdf, "--lang", lang,
                       "--author", "王丽", "--company", "深圳华强电子有限公司")
    if not check(rc == 0 and os.path.exists(pdf), f"{lang}: report writes the PDF", out + err):
        continue
    check(stat.S_IMODE(os.stat(pdf).st_mode) == 0o600, f"{lang}: the PDF is private (0600)",
          oct(os.stat(pdf).st_mode))
    text = pdftotext(pdf)
    flat_text = flat(text)
    pages = n_pages(pdf)

    tr = gettext.translation("gendan", LOCALEDIR, [lang], fallback=True) if lang != "en" \
        else gettext.NullTranslations()
    titles = [tr.gettext(s) for s in SECTIONS]
    missing = [t for t in titles if t not in text]
    check(not missing, f"{lang}: every section title is in the PDF", f"missing {missing}")
    if lang == "en":
        share = f"{kpi['on_time_delivery']['on_time']} of {kpi['on_time_delivery']['delivered']}"
        missing = [f for f in figures(kpi) + [share] if f not in flat_text]
        check(not missing, "en: the period's KPI figures are in the PDF",
              f"missing {missing}\n{text[:1500]}")
    else:
        # the figures are written the same way in Chinese; the carriers' names are Chinese
        missing = [f for f in figures(kpi) if f not in flat_text]
        check(not missing, f"{lang}: the KPI figures and Chinese names are in the PDF",
              f"missing {missing}")
    check("深圳华强电子有限公司" in text and "王丽" in text,
          f"{lang}: company and author in the header", text[:400])

    page_word = tr.gettext("Page %u of %u").replace("%u", "{}")
    want = [page_word.format(i, pages) for i in range(1, pages + 1)]
    per_page = [pdftotext(pdf, i) for i in range(1, pages + 1)]
    bad = [w for w, t in zip(want, per_page) if w not in t]
    check(pages >= 1 and not bad, f"{lang}: every page says “{want[0]}”", f"missing {bad}")

    rows = fonts(pdf)
    not_embedded = [name for name, emb in rows if emb != "yes"]
    check(rows and not not_embedded, f"{lang}: every font is embedded",
          f"{rows} not embedded: {not_embedded}")
    family = {"zh_CN": "NotoSansCJKsc", "zh_TW": "NotoSansCJKtc"}.get(lang)
    if family:
        check(any(family in name for name, _ in rows), f"{lang}: set in {family}", rows)

# A year of demo data: long tables split across pages with their header row repeated.
rc, out, err = run("demo", "--orders", "600", "--anchor", "2026-06-30", db=DEMO)
check(rc == 0, "demo database", out + err)
month_pdf = os.path.join(tmp.name, "month.pdf")
year_pdf = os.path.join(tmp.name, "year.pdf")
rc1, out, err1 = run("report", "--from", "2026-06-01", "--to", "2026-06-30", "-o", month_pdf,
                     "--lang", "en", db=DEMO)
rc2, out, err2 = run("report", "--from", "2025-07-01", "--to", "2026-06-30", "-o", year_pdf,
                     "--lang", "en", "--paper", "letter", db=DEMO)
if check(rc1 == 0 and rc2 == 0, "month and year reports of demo data", err1 + err2):
    month_pages, year_pages = n_pages(month_pdf), n_pages(year_pdf)
    check(year_pages > month_pages > 1, "a year takes more pages than a month",
          f"month {month_pages}, year {year_pages}")
    texts = [pdftotext(year_pdf, i) for i in range(1, year_pages + 1)]
    # a year's shipments stop at 240 rows, the late ones first, and say how many more
    whole = "\n".join(texts)
    listed = whole[whole.find("Shipments (delayed ones highlighted)"):]
    late_at = listed.find(", late")
    on_time_at = min((i for i in (listed.find("\nDelivered\n"), listed.find("\nIn transit\n"))
                      if i >= 0), default=-1)
    more = re.search(r"… and (\d+) more\n+(\d+) shipments? delayed or late", listed)
    check(more is not None and int(more.group(1)) > 0,
          "a long list of shipments is cut, with how many more", listed[-400:])
    check(late_at >= 0 and (on_time_at < 0 or late_at < on_time_at),
          "the late shipments come first", listed[:600])
    with_header = [i for i, t in enumerate(texts) if "Tracking no." in t]
    check(len(with_header) >= 2, "the shipments table repeats its header on the next page",
          f"pages with the header: {with_header}")
    # on a continuation page the header comes before the first shipment row
    if len(with_header) >= 2:
        t = texts[with_header[1]]
        lines = [line.strip() for line in t.splitlines() if line.strip()]
        first_header = next(i for i, line in enumerate(lines) if "Tracking no." in line)
        check(first_header <= 8, "the repeated header is at the top of its page",
              "\n".join(lines[:15]))
    check(all(f"Page {i} of {year_pages}" in t for i, t in enumerate(texts, 1)),
          f"the year's pages are numbered 1 to {year_pages}")
    check(re.search(r"Page size: +612 x 792", subprocess.run(
        ["pdfinfo", year_pdf], capture_output=True, text=True).stdout) is not None,
        "--paper letter gives Letter pages")

# Errors: exit 1, a message naming the fault, nothing written.
bad_pdf = os.path.join(tmp.name, "bad.pdf")
rc, out, err = run("report", "--from", "2026-13-45", "--to", TO, "-o", bad_pdf)
check(rc == 1 and "2026-13-45" in err and "--from" in err, "a bad date fails with exit 1",
      f"exit {rc}: {err}")
rc, out, err = run("report", "--from", TO, "--to", FROM, "-o", bad_pdf)
check(rc == 1 and "after" in err, "from after to fails with exit 1", f"exit {rc}: {err}")
unwritable = os.path.join(tmp.name, "no-such-folder", "report.pdf")
rc, out, err = run("report", "--from", FROM, "--to", TO, "-o", unwritable)
check(rc == 1 and unwritable in err, "an unwritable output fails with exit 1",
      f"exit {rc}: {err}")
check(not os.path.exists(bad_pdf), "nothing was written on error")
rc, out, err = run("report", "--from", FROM, "--to", TO, "-o", bad_pdf,
                   db=os.path.join(tmp.name, "none.db"))
check(rc == 1 and "none.db" in err, "a missing database fails with exit 1", f"exit {rc}: {err}")

print(f"1..{n}")
sys.exit(1 if failures else 0)

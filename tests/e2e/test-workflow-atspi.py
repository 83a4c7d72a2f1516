#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue #3 end to end, as a person does it, through the accessibility tree (AT-SPI).

Starts the real gendan with a new database and drives it by the accessible names of its
controls only: creates a customer, an order with two lines, takes the order through quoted,
confirmed, production, quality check, shipped and delivered, opens a complaint about it,
responds, resolves and closes it, then finds the customer, the order, the case and the
shipment again with two-character Chinese searches. Every step checks what the app shows;
at the end the database is checked with sqlite3. Prints TAP.

Before the app starts, gendan-cli imports a few other customers, orders, shipments and
cases, each sharing one character with what is searched for, so that every search has
something to leave out.

Widgets are clicked through the Action interface and filled through EditableText. Where
GTK 4.8 offers no AT-SPI action, the test does what a person does, with the keyboard and
pointer events of the AT-SPI registry: Enter in a search field (it takes the first match),
and a click on a combo row, the arrow keys and Enter to choose in its list.

Needs an X display and a D-Bus session (build-aux/test.sh runs the tests under xvfb-run
and dbus-run-session); without them it skips. The AT-SPI bus and registry are started by
D-Bus activation. Environment: GENDAN_APP and GENDAN_CLI (the executables), optionally
GENDAN_E2E_SCREENSHOT (a PNG of the screen at the end) and GENDAN_E2E_KEEP (a folder to
keep the database in)."""
import atexit
import datetime
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree

if not os.environ.get("DISPLAY"):
    print("1..0 # SKIP no X display (run under xvfb-run, as build-aux/test.sh does)")
    sys.exit(0)
if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("1..0 # SKIP no D-Bus session bus (run under dbus-run-session)")
    sys.exit(0)
try:
    from gdn_atspi import Driver, DriverError, norm  # noqa: E402
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP no AT-SPI bindings for this Python ({e}); use /usr/bin/python3")
    sys.exit(0)

APP = os.environ.get("GENDAN_APP")
CLI = os.environ.get("GENDAN_CLI")
if not APP or not os.access(APP, os.X_OK):
    print(f"1..0 # SKIP GENDAN_APP is not an executable: {APP!r}")
    sys.exit(0)

TODAY = datetime.date.today()
PROMISED = (TODAY + datetime.timedelta(days=30)).isoformat()
ETA = (TODAY + datetime.timedelta(days=3)).isoformat()

CUSTOMER = {
    "Customer code": "HQ-001",
    "Customer name": "深圳华强电子有限公司",
    "Short name": "华强电子",
    "Industry": "电子元器件",
    "Address": "深圳市福田区华强北路1002号",
    "Phone": "0755-83216688",
}
LINES = [
    # code, name, spec, unit, quantity, unit price -> line total
    ("HQ-R100", "贴片电阻 100Ω", "0603 1%", "只", "1000", "0.02", "20.00"),
    ("HQ-C220", "铝电解电容 22µF", "0805 16V", "只", "500", "0.15", "75.00"),
]
TOTAL = "95.00"
CARRIER, TRACKING = "顺丰速运", "SF1408873265"
SUBJECT = "电容批次鼓包"
DESCRIPTION = "客户反映第二行 HQ-C220 电容有鼓包，要求退换。"
RESOLUTION = "已补发 500 只合格电容，鼓包批次退回供应商。"


def is_today(text):
    """The app's today, which is the test's, or the next day's if the test ran over midnight"""
    return text in (TODAY.isoformat(), datetime.date.today().isoformat())


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


# Other records in the database, so that each search has something to leave out: names,
# products, carriers and cases that share one character with what is searched for
# (华南, 强达; 电阻, 容器; 顺达; 包装), as the one- and two-character search must not match them.
SEED = {
    "customers": [
        "客户编码,客户名称,简称,行业,客户等级,状态,地址,电话",
        "GZ-002,广州华南精密机械有限公司,华南精密,机械设备,A,活跃,广州市黄埔区开源大道11号,020-32290011",
        "DG-003,东莞强达五金制品厂,强达五金,五金,B,活跃,东莞市长安镇乌沙工业区,0769-85321234",
        "NB-004,宁波海天塑机有限公司,海天塑机,机械设备,重点,活跃,宁波市北仑区小港,0574-86181888",
    ],
    "orders": [
        "order_no,customer_code,type,source,status,created_date,confirmed_date,promised_date,"
        "delivered_date,delivery_address,product_code,product_name,spec,unit,quantity,unit_price",
        f"SO-SEED-001,GZ-002,regular,email,delivered,{day(-40)},{day(-39)},{day(-20)},{day(-21)},"
        "广州市黄埔区开源大道11号,GZ-R10K,贴片电阻 10kΩ,0805,盘,100,12.5",
        f"SO-SEED-002,DG-003,regular,phone,confirmed,{day(-10)},{day(-9)},{day(20)},,"
        "东莞市长安镇乌沙工业区,DG-TANK-50,不锈钢容器 50L,304,个,10,450",
        f"SO-SEED-003,NB-004,urgent,email,shipped,{day(-15)},{day(-14)},{day(5)},,"
        "宁波市北仑区小港,HT-SCREW-45,注塑机螺杆 Φ45,38CrMoAlA,根,2,1280",
    ],
    "shipments": [
        "订单号,承运商,运输方式,运单号,发货日期,预计到达,签收日期,运费,状态",
        f"SO-SEED-001,德邦物流,公路,DB20261010,{day(-25)},{day(-22)},{day(-21)},320,已签收",
        f"SO-SEED-003,顺达快运,快递,SD55820931,{day(-2)},{day(2)},,45,运输中",
    ],
    "cases": [
        "工单号,客户编码,订单号,类型,投诉类别,优先级,状态,创建时间,首次响应时间,解决时间,关闭时间,处理结果",
        f"KS-SEED-001,GZ-002,SO-SEED-001,投诉,交货延迟,高,已关闭,{day(-20)} 09:00,"
        f"{day(-20)} 15:00,{day(-18)} 17:00,{day(-17)} 10:00,包装破损的已补发",
        f"KS-SEED-002,DG-003,,咨询,,普通,待处理,{day(-1)} 08:00,,,,",
    ],
}

tmp = tempfile.TemporaryDirectory(prefix="gendan-atspi-")
DB = os.path.join(tmp.name, "gendan.db")
for sub in ("data", "config", "cache"):
    os.makedirs(os.path.join(tmp.name, sub))
env = dict(os.environ,
           GTK_A11Y="atspi", NO_AT_BRIDGE="0", GDK_BACKEND="x11",
           XDG_DATA_HOME=os.path.join(tmp.name, "data"),
           XDG_CONFIG_HOME=os.path.join(tmp.name, "config"),
           XDG_CACHE_HOME=os.path.join(tmp.name, "cache"),
           GSETTINGS_BACKEND="memory", LC_ALL="C.UTF-8", LANGUAGE="")
log = open(os.path.join(tmp.name, "app.log"), "w+b")
d = Driver([APP, "--database", DB], env, log=log)
atexit.register(d.stop)  # whatever happens, the app does not outlive the test


def on_term(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")


signal.signal(signal.SIGTERM, on_term)

n = 0
nok = 0
failed = None
found = {}  # what the app showed, for later steps


def diag(text):
    for line in str(text).splitlines():
        print(f"# {line}")


def step(what, critical=True):
    """Runs the decorated function as one TAP step, skipped after a failed critical step
    (the steps after it build on what it did)."""
    def run(fn):
        global n, nok, failed
        n += 1
        if failed is not None:
            print(f"ok {n} - {what} # SKIP after the failure of step {failed}")
            return fn
        started = time.monotonic()
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - reported as TAP
            nok += 1
            print(f"not ok {n} - {what}")
            diag(f"{type(e).__name__}: {e}")
            diag("".join(traceback.format_tb(e.__traceback__)[-2:]))
            if critical:
                failed = n
                try:
                    for w in d.windows()[:1]:
                        diag("what the app shows:\n" + "\n".join(w.dump().splitlines()[:400]))
                except Exception as e2:  # noqa: BLE001
                    diag(f"(no dump: {e2})")
        else:
            print(f"ok {n} - {what} ({time.monotonic() - started:.1f} s)")
        sys.stdout.flush()
        return fn
    return run


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


# --- helpers: everything below goes through AT-SPI -----------------------------------

def main_window():
    return d.wait("the main window", lambda: next(
        (w for w in d.windows() if w.name == "Gendan"), None))


def section(name):
    """Opens a section from the sidebar, as a click on its row does."""
    d.wait_for("list item", name, pred=lambda n: n.parent.name == "Sections").select()
    d.wait(f"the {name} section", lambda: main_window().find(
        "label", name, pred=lambda n: n.parent.parent.role == "filler"
        and n.parent.parent.name == "AdwWindowTitle"))


def label(pattern, within=None, timeout=15):
    """Waits for a label whose text matches the regular expression; returns the text."""
    rx = re.compile(pattern)

    def probe():
        root = main_window() if within is None else within()
        hit = root.find("label", lambda name: rx.search(norm(name)) is not None)
        return norm(hit.name) if hit else None
    return d.wait(f"a label matching {pattern!r}", probe, timeout)


def page(kind):
    """The page (GdnOrderPage, GdnCasePage, …) shown in the main window."""
    return d.wait(kind, lambda: main_window().find("filler", kind))


def fill(role, name, value, within=None):
    fill_all(role, {name: value}, within)


def fill_all(role, values, within=None):
    """Types each value into the field of that accessible name (EditableText), once all the
    fields are shown, and checks that each reads back."""
    def probe():
        for w in d.windows():
            if within is None or norm(w.name) == within:
                got = {k: w.find(role, k) for k in values}
                if all(got.values()):
                    return got
        return None
    fields = d.wait(f"the fields {list(values)}", probe)
    for name, value in values.items():
        fields[name].set_text(value)
    for name, value in values.items():
        d.wait(f"{name!r} to read {value!r}", lambda: fields[name].text() == value, timeout=5)


def click(name, within=None, role="push button"):
    d.wait_for(role, name, within=within).click()


def window(title):
    return d.wait(f"the window {title!r}", lambda: next(
        (w for w in d.windows() if norm(w.name) == title), None))


def window_gone(title):
    d.wait(f"the window {title!r} to close",
           lambda: all(norm(w.name) != title for w in d.windows()))


def press(*keys):
    for k in keys:
        Driver.key(k)
        time.sleep(0.03)


def choose(combo_name, value, within=None):
    """Chooses a value of a combo row or drop-down: a click opens its list, the arrow keys
    move to the value and Enter takes it (GTK 4.8 gives these no AT-SPI action)."""
    combo = d.wait_for("combo box", combo_name, within=within)
    inner = [x for x in combo.walk() if x is not combo and "click" in x.actions()]
    if inner:
        inner[0].click()
    else:
        d.mouse_click(combo)

    def popup_list():
        c = d.snapshot().find("combo box", combo_name, pred=lambda x: x.ref == combo.ref)
        pop = c and c.find("filler", "GtkPopover")
        lst = pop and pop.find("list")
        # the keys go where the focus is: into the list, once it is there
        return lst if lst and any("focused" in x.states for x in lst.children) else None
    lst = d.wait(f"the list of {combo_name!r} with the focus", popup_list, timeout=5)
    items = [x for x in lst.children if x.role == "list item"]
    texts = [" ".join(x.labels()) for x in items]
    expect(value in texts, f"{combo_name!r} offers {texts}, not {value!r}")
    here = next(i for i, x in enumerate(items) if "focused" in x.states)
    there = texts.index(value)
    press(*(["Down"] * (there - here) if there >= here else ["Up"] * (here - there)), "Return")
    d.wait(f"{combo_name!r} to show {value!r}", lambda: (lambda c: c is not None and value in
           c.labels() and c.find("filler", "GtkPopover") is None)(
        main_window().find("combo box", combo_name, pred=lambda x: x.ref == combo.ref)))


def open_by_search(section_name, text, row_text, page_kind, title_pattern):
    """In a section's list: the Search button, the text, the row shown, Enter opens it."""
    section(section_name)
    click("Search")
    entry = d.wait("the focused search field", lambda: main_window().find(
        "entry", "Search", pred=lambda x: "focused" in x.states))
    entry.set_text(text)

    shown = []

    def rows():
        table = main_window().find("tree table")
        body = table and table.find("list")
        shown[:] = [" | ".join(r.labels()) for r in (body.children if body else [])]
        return shown if shown and all(row_text in g for g in shown) else None
    try:
        d.wait(f"the rows found by {text!r}", rows, timeout=10)
    except DriverError:
        raise AssertionError(f"{text!r} shows the rows {shown}") from None
    expect(len(shown) == 1, f"{text!r} finds {len(shown)} rows: {shown}")
    audit(f"the {section_name} list", main_window())
    label(r"^1 record$")
    press("Return")
    title = label(title_pattern, within=lambda: page(page_kind))
    return shown[0], title


def order_status():
    return label(r"^Status: ", within=lambda: page("GdnOrderPage"))


def status_step(button, title, to, note=None):
    """One step of the order's workflow: its button, the dialog that says what changes,
    an optional note, the dialog's button; the page then shows the new status."""
    click(button, within="Gendan")
    dialog = window(title)
    audit(f"the {title} dialog", dialog)
    expect(any("moves from" in t for t in dialog.labels()),
           f"the dialog explains the change: {dialog.labels()}")
    if note:
        fill("text", "Note (optional)", note, within=title)
    click(button.rstrip("…"), within=title)
    window_gone(title)
    label(rf"^Status: {re.escape(to)}$", within=lambda: page("GdnOrderPage"))


GENERIC = re.compile(r"^(Gtk|Adw|Gdn)[A-Za-z]*$")
CONTROLS = {"push button", "toggle button", "check box", "radio button", "entry", "text",
            "password text", "combo box", "spin button", "slider", "menu item", "page tab"}
unnamed = {}
audited = {}


def audit(where, root):
    """Every control shown has an accessible name (not empty, not a GTK type name). The
    inner button of a named drop-down or menu button shares its name, and the close button
    of a libadwaita toast is libadwaita's."""
    bad = []
    for x in root.walk():
        if x.role not in CONTROLS:
            continue
        audited[where] = audited.get(where, 0) + 1
        if x.name.strip() and not GENERIC.match(x.name.strip()):
            continue
        if x.parent is not None and x.parent.role in ("combo box", "push button") \
                and x.parent.name.strip() and not GENERIC.match(x.parent.name.strip()):
            continue
        if x.ancestor("filler", "AdwToastWidget") is not None:
            continue
        bad.append(f"{x.role} {x.name!r} in {x.parent!r}")
    if bad:
        unnamed[where] = bad


# --- the steps ----------------------------------------------------------------------

@step("a new database holds three other customers, their orders, shipments and cases")
def _():
    expect(CLI and os.access(CLI, os.X_OK), f"GENDAN_CLI is not an executable: {CLI!r}")
    for kind, rows in SEED.items():
        path = os.path.join(tmp.name, f"{kind}.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(rows) + "\n")
        p = subprocess.run([CLI, "import", kind, path, "--database", DB],
                           capture_output=True, text=True, env=env)
        expect(p.returncode == 0, f"import {kind}: {p.stdout}{p.stderr}")


@step("the app starts and shows its main window on the AT-SPI bus")
def _():
    d.start()
    w = main_window()
    expect("showing" in w.states, f"the main window is not showing: {w.states}")
    d.wait_for("list", "Sections")
    audit("main window", w)


@step("Customers: New Customer opens an empty form")
def _():
    section("Customers")
    label(r"^3 records$")
    click("New Customer")
    label(r"^New Customer$", within=lambda: page("GdnCustomerPage"))


@step("Customers: the customer is typed in and saved, and its page shows it")
def _():
    fill_all("text", CUSTOMER)
    audit("customer form", page("GdnCustomerPage"))
    click("Save", within="Gendan")
    label(rf"^{CUSTOMER['Customer name']}$", within=lambda: page("GdnCustomerPage"))
    sub = label(rf"^{CUSTOMER['Customer code']} · ", within=lambda: page("GdnCustomerPage"))
    expect(sub == f"{CUSTOMER['Customer code']} · Active · {CUSTOMER['Industry']}",
           f"the subtitle reads {sub!r}")


@step("Orders: New Order, and the customer chosen by searching 华强 in the picker")
def _():
    section("Orders")
    click("New Order")
    label(r"^New Order$", within=lambda: page("GdnOrderPage"))
    click("Choose Customer")
    search = d.wait_for("entry", "Search for Customer")
    search.set_text("华强")
    shown = []

    def matches():
        pop = main_window().find("filler", "GtkPopover")
        lst = pop and pop.find("list")
        shown[:] = [" ".join(x.labels()) for x in (lst.children if lst else [])]
        return shown and all(CUSTOMER["Customer name"] in x for x in shown)
    try:
        d.wait("the customer among the matches", matches, timeout=10)
    except DriverError:
        raise AssertionError(f"the picker lists {shown}") from None
    expect(len(shown) == 1, f"华强 matches {shown}")
    d.wait("the picker's search field to have the focus", lambda: "focused" in main_window().find(
        "entry", "Search for Customer").states)
    press("Return")  # Enter takes the first match
    label(rf"^{CUSTOMER['Customer name']} · {CUSTOMER['Customer code']}$",
          within=lambda: page("GdnOrderPage"))


@step("Orders: promised date, address and two lines; each line total and the sum are shown")
def _():
    fill_all("text", {"Promised delivery date": PROMISED, "Delivery address": CUSTOMER["Address"]})
    cols = ["Product code", "Product name", "Specification", "Unit", "Quantity", "Unit price"]
    for i, line in enumerate(LINES, 1):
        click("Add Line")
        fill_all("text", {f"{col}, line {i}": value for col, value in zip(cols, line)})
        total = d.wait_for("label", f"Line total, line {i}")
        d.wait(f"line {i}'s total", lambda: total.text() == line[6], timeout=5)
    label(rf"^Total {TOTAL}$", within=lambda: page("GdnOrderPage"))
    audit("order form", page("GdnOrderPage"))


@step("Orders: saved as an inquiry with its number and amount")
def _():
    click("Save", within="Gendan")
    title = label(r"^Order SO-", within=lambda: page("GdnOrderPage"))
    found["order_no"] = title.split()[-1]
    sub = label(r"· Inquiry ·", within=lambda: page("GdnOrderPage"))
    expect(sub == f"{CUSTOMER['Customer name']} · Inquiry · ¥{TOTAL}", f"subtitle {sub!r}")
    expect(order_status() == "Status: Inquiry", "the status reads Inquiry")


@step("Orders: quoted, with a note")
def _():
    status_step("Mark Quoted", "Quoted", "Quoted", note="报价单已发邮件")


@step("Orders: confirmed (customer, lines, date and address are all there)")
def _():
    status_step("Confirm", "Confirmed", "Confirmed")
    row = d.wait("the confirmed date", lambda: page("GdnOrderPage").find(
        "list item", "Confirmed on"))
    expect(any(is_today(t) for t in row.labels()), f"Confirmed on shows {row.labels()}")


@step("Orders: in production, then to the quality check")
def _():
    status_step("Start Production", "In production", "In production")
    status_step("Send to Quality Check", "Quality check", "Quality check")


@step("Orders: QC passed and shipped with carrier, tracking number and ETA")
def _():
    click("QC Passed, Ship…", within="Gendan")
    dialog = window("Ship Order")
    audit("ship dialog", dialog)
    expect("active" in dialog.states or "showing" in dialog.states,
           f"the ship dialog is not shown as a window: {dialog!r} {dialog.states}")
    fill_all("text", {"Carrier": CARRIER, "Tracking number": TRACKING,
                      "Expected arrival (ETA)": ETA}, within="Ship Order")
    shipped = d.wait_for("text", "Shipped on", within="Ship Order").text()
    expect(is_today(shipped), f"Shipped on reads {shipped!r}")
    click("Ship", within="Ship Order")
    window_gone("Ship Order")
    label(r"^Status: Shipped$", within=lambda: page("GdnOrderPage"))


@step("Orders: delivered today, and the timeline lists every step")
def _():
    click("Mark Delivered…", within="Gendan")
    window("Delivered")
    got = d.wait_for("text", "Delivered on", within="Delivered").text()
    expect(is_today(got), f"Delivered on reads {got!r}")
    click("Mark Delivered", within="Delivered")
    window_gone("Delivered")
    label(r"^Status: Delivered$", within=lambda: page("GdnOrderPage"))
    timeline = d.wait("the timeline", lambda: page("GdnOrderPage").find("list", "Timeline"))
    text = " ".join(timeline.labels())
    for stage in ("Quoted", "Confirmed", "In production", "Quality check", "Shipped",
                  "Delivered"):
        expect(stage in text, f"the timeline has no {stage!r}: {text}")


@step("Cases: New Case → Complaint opens a case for this customer and order")
def _():
    click("New Case", within="Gendan")
    click("Complaint", role="menu item")
    case = lambda: page("GdnCasePage")  # noqa: E731
    found["case_no"] = label(r"^KS-\d", within=case)
    rows = d.wait("the customer and order rows", lambda: case().find("list", "Customer and Order"))
    text = " ".join(rows.labels())
    expect(CUSTOMER["Customer name"] in text and found["order_no"] in text,
           f"the case is not about the customer and the order: {text}")
    expect(label(r"^Open$", within=case) == "Open", "the case is open")


@step("Cases: category, subject and description typed in and saved")
def _():
    audit("case page", page("GdnCasePage"))
    choose("Complaint category", "Quality defect")
    fill_all("text", {"Subject": SUBJECT, "Description": DESCRIPTION})
    click("Save", within="Gendan")
    label(rf"^{SUBJECT}$", within=lambda: page("GdnCasePage"))


@step("Cases: Respond records the first response within 24 hours")
def _():
    click("Respond", within="Gendan")
    label(r"^Responded$", within=lambda: page("GdnCasePage"))
    label(r"^Responded in ", within=lambda: page("GdnCasePage"))


@step("Cases: work started, resolution written, resolved")
def _():
    click("Start Work", within="Gendan")
    d.wait_for("push button", "Resolve", within="Gendan")
    fill("text", "Resolution", RESOLUTION)
    click("Resolve", within="Gendan")
    label(r"^Resolved$", within=lambda: page("GdnCasePage"))


@step("Cases: closed, with the first response, resolved and closed times shown")
def _():
    click("Close Case", within="Gendan")
    label(r"^Closed$", within=lambda: page("GdnCasePage"))
    times = d.wait("the times", lambda: page("GdnCasePage").find("list", "Times"))
    shown = {norm(r.name): r.labels()[-1] for r in times.children if r.role == "list item"}
    for what in ("Opened", "First response", "Resolved", "Closed"):
        expect(re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d$", shown.get(what, "")),
               f"{what} reads {shown.get(what)!r}")


@step("Search 华强 in Customers finds the customer, and Enter opens it")
def _():
    row, title = open_by_search("Customers", "华强", CUSTOMER["Customer name"],
                                "GdnCustomerPage", rf"^{CUSTOMER['Customer name']}$")
    expect(CUSTOMER["Customer code"] in row, f"the row reads {row!r}")


@step("Search 电容 (a product of line 2) in Orders finds the order, and Enter opens it")
def _():
    row, title = open_by_search("Orders", "电容", found["order_no"], "GdnOrderPage",
                                rf"^Order {re.escape(found['order_no'])}$")
    expect("Delivered" in row, f"the row reads {row!r}")
    expect(order_status() == "Status: Delivered", "the order page shows Delivered")


@step("Search 鼓包 in Cases finds the complaint, and Enter opens it")
def _():
    row, title = open_by_search("Cases", "鼓包", found["case_no"], "GdnCasePage",
                                rf"^{re.escape(found['case_no'])}$")
    expect("Closed" in row and "Quality defect" in row, f"the row reads {row!r}")


@step("Search 顺丰 in Shipments finds the shipment, and Enter opens it")
def _():
    row, title = open_by_search("Shipments", "顺丰", TRACKING, "GdnShipmentPage",
                                re.escape(TRACKING))
    expect(CARRIER in row and found["order_no"] in row, f"the row reads {row!r}")


@step("Search 华为 in Customers finds nothing")
def _():
    section("Customers")
    click("Search")
    d.wait("the focused search field", lambda: main_window().find(
        "entry", "Search", pred=lambda x: "focused" in x.states)).set_text("华为")
    label(r"^0 records$")


@step("every control shown on the way has an accessible name", critical=False)
def _():
    diag(", ".join(f"{k}: {v} controls" for k, v in audited.items()))
    expect(len(audited) >= 13, f"not every screen was looked at: {list(audited)}")
    expect(not unnamed, "\n".join(f"{k}: {v}" for k, v in unnamed.items()))


@step("closing the window quits the app")
def _():
    shot = os.environ.get("GENDAN_E2E_SCREENSHOT")
    if shot and shutil.which("import"):
        section("Cases")
        click("Search")
        d.wait("the focused search field", lambda: main_window().find(
            "entry", "Search", pred=lambda x: "focused" in x.states)).set_text("鼓包")
        press("Return")
        label(r"^Closed$", within=lambda: page("GdnCasePage"))
        subprocess.run(["import", "-window", "root", shot], check=False)
    click("Close", within="Gendan")
    d.wait("the app to quit", lambda: d.proc.poll() is not None, timeout=20)
    expect(d.proc.returncode == 0, f"the app exited with {d.proc.returncode}")


@step("the database: the customer, the order delivered with its lines and every event")
def _():
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    cust = db.execute("SELECT id, code, short_name FROM customers WHERE name = ?",
                      (CUSTOMER["Customer name"],)).fetchall()
    expect(len(cust) == 1 and cust[0][1:] == (CUSTOMER["Customer code"],
                                              CUSTOMER["Short name"]), f"customers: {cust}")
    order = db.execute("SELECT id, customer_id, status, amount, promised_date, delivered_date,"
                       " confirmed_date FROM orders WHERE order_no = ?",
                       (found["order_no"],)).fetchone()
    expect(order is not None, f"no order {found['order_no']}")
    oid, cid, status, amount, promised, delivered, confirmed = order
    expect((cid, status, amount, promised) == (cust[0][0], "delivered", 95.0, PROMISED)
           and is_today(delivered) and is_today(confirmed), f"order: {order}")
    lines = db.execute("SELECT product_code, quantity, unit_price FROM order_lines"
                       " WHERE order_id = ? ORDER BY position", (oid,)).fetchall()
    expect(lines == [("HQ-R100", 1000.0, 0.02), ("HQ-C220", 500.0, 0.15)], f"lines: {lines}")
    events = db.execute("SELECT from_status, to_status FROM order_events WHERE order_id = ?"
                        " ORDER BY at, id", (oid,)).fetchall()
    steps = [e[1] for e in events]
    expect(steps[-6:] == ["quoted", "confirmed", "in_production", "qc", "shipped",
                          "delivered"], f"events: {events}")
    expect(all(a == b for (_, a), (b, _) in zip(events, events[1:])),
           f"the events do not follow each other: {events}")
    note = db.execute("SELECT note FROM order_events WHERE order_id = ? AND to_status ="
                      " 'quoted'", (oid,)).fetchone()
    expect(note == ("报价单已发邮件",), f"the quote's note: {note}")


@step("the database: the shipment of the order, delivered")
def _():
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    rows = db.execute("SELECT s.carrier, s.tracking_no, s.shipped_date, s.eta, s.status"
                      " FROM shipments s JOIN orders o ON o.id = s.order_id"
                      " WHERE o.order_no = ? AND s.deleted_at IS NULL",
                      (found["order_no"],)).fetchall()
    expect(len(rows) == 1, f"shipments: {rows}")
    expect(rows[0][:2] == (CARRIER, TRACKING) and is_today(rows[0][2]) and rows[0][3] == ETA,
           f"shipment: {rows[0]}")
    expect(rows[0][4] == "delivered", f"the shipment's status is {rows[0][4]!r}")


@step("the database: the complaint closed, with first response, resolved and closed times")
def _():
    db = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    row = db.execute("SELECT c.type, c.category, c.status, c.subject, c.resolution,"
                     " c.opened_at, c.first_response_at, c.resolved_at, c.closed_at, o.order_no"
                     " FROM cases c JOIN orders o ON o.id = c.order_id WHERE c.case_no = ?",
                     (found["case_no"],)).fetchone()
    expect(row is not None, f"no case {found['case_no']}")
    kind, category, status, subject, resolution, opened, first, resolved, closed, order_no = row
    expect((kind, category, status, subject, resolution, order_no)
           == ("complaint", "quality_defect", "closed", SUBJECT, RESOLUTION, found["order_no"]),
           f"case: {row}")
    expect(all((opened, first, resolved, closed)), f"times: {row[5:9]}")
    expect(opened <= first <= resolved <= closed, f"the times are out of order: {row[5:9]}")


d.stop()
keep = os.environ.get("GENDAN_E2E_KEEP")
if keep:
    os.makedirs(keep, exist_ok=True)
    shutil.copy(DB, os.path.join(keep, "gendan.db"))
if nok:
    log.seek(0)
    diag("the app's output:\n" + log.read().decode(errors="replace")[-4000:])
print(f"1..{n}")
diag(f"{d.calls} AT-SPI calls")
sys.exit(0)

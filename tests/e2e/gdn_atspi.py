# SPDX-License-Identifier: GPL-3.0-or-later
"""A small driver for end-to-end tests through the accessibility tree (AT-SPI).

It starts the app, finds it on the AT-SPI bus by its process id, and then only looks at and
acts on what AT-SPI shows: widgets found by role and accessible name, clicked through the
Action interface, filled through EditableText, read through Text, rows selected through
Selection; and, for what GTK 4.8 gives no action, keys and clicks sent through the AT-SPI
registry, as a person's.

GTK 4.8 has no AT-SPI cache, no Collection interface and no "showing" state below the
window, and answers a call in about a quarter of a millisecond. So a snapshot reads the tree
level by level, each level's calls sent together on the accessibility bus and then awaited,
and leaves out what a person cannot see: widgets with no size (hidden, or in a stack page
never shown), and the pages of a stack other than the one shown, which GTK still gives their
old place and size (the window is asked which widget is at a few points of that place, as a
pointer would be, and the answer is followed up to its page). Needs Debian's
/usr/bin/python3 with python3-gi and gir1.2-atspi-2.0 (both come with python3-pyatspi)."""
import os
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, Gio, GLib  # noqa: E402

ACC = "org.a11y.atspi.Accessible"
COMPONENT = "org.a11y.atspi.Component"
ACTION = "org.a11y.atspi.Action"
TEXT = "org.a11y.atspi.Text"
EDITABLE = "org.a11y.atspi.EditableText"
SELECTION = "org.a11y.atspi.Selection"
PROPS = "org.freedesktop.DBus.Properties"
WINDOW_COORDS = 1  # ATSPI_COORD_TYPE_WINDOW

# GTK 4.8 names a button by its label and then by its content, so a button labelled
# "_New Order" (with its mnemonic) whose content reads "New Order" is "_New Order New Order".
NAME_FROM_CONTENT = {"push button", "toggle button", "check box", "radio button", "menu item",
                     "link", "list item", "table cell", "page tab", "combo box"}


class DriverError(Exception):
    pass


def _role_name(role):
    try:
        return Atspi.role_get_name(Atspi.Role(role))
    except (ValueError, TypeError):
        return f"role {role}"


def _states(words):
    out = set()
    for word_no, word in enumerate(words):
        for bit in range(32):
            if word & (1 << bit):
                try:
                    out.add(Atspi.StateType(word_no * 32 + bit).value_nick)
                except ValueError:
                    pass
    return out


def norm(name):
    """The accessible name as a person reads it: no mnemonic underscores, single spaces."""
    return " ".join((name or "").replace("_", "").split())


def name_matches(node, want):
    if callable(want):
        return want(node.name)
    name = norm(node.name)
    if name == want:
        return True
    return node.role in NAME_FROM_CONTENT and name.startswith(want + " ")


class Node:
    """One accessible object as it was when the snapshot was taken."""

    def __init__(self, driver, ref, parent=None):
        self.driver = driver
        self.ref = ref  # (bus name, object path)
        self.parent = parent
        self.children = []
        self.role = ""
        self.name = ""
        self.states = set()
        self.ext = None  # (x, y, width, height) in window coordinates, None if no Component

    def __repr__(self):
        ext = "" if self.ext is None else " @%d,%d %dx%d" % self.ext
        return f"<{self.role} {self.name!r}{ext}>"

    # reading the snapshot
    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def find_all(self, role=None, name=None, pred=None):
        out = []
        for n in self.walk():
            if role is not None and n.role != role:
                continue
            if name is not None and not name_matches(n, name):
                continue
            if pred is not None and not pred(n):
                continue
            out.append(n)
        return out

    def find(self, role=None, name=None, pred=None):
        found = self.find_all(role, name, pred)
        return found[0] if found else None

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent

    def ancestor(self, role=None, name=None):
        for a in self.ancestors():
            if (role is None or a.role == role) and (name is None or name_matches(a, name)):
                return a
        return None

    def labels(self):
        """The texts of the labels under this node, in reading order (from the snapshot)."""
        return [norm(n.name) for n in self.walk() if n.role == "label" and n.name]

    def dump(self, depth=0):
        """The subtree as indented text, with the states that matter to a person."""
        states = sorted(self.states & {"focused", "selected", "checked", "pressed", "expanded"})
        lines = [("  " * depth) + repr(self) + (" " + ",".join(states) if states else "")]
        for c in self.children:
            lines.append(c.dump(depth + 1))
        return "\n".join(lines)

    # asking the app now
    def _call(self, iface, method, args=None):
        return self.driver.call(self.ref, iface, method, args)

    def text(self):
        """What the widget shows now (Text interface)."""
        try:
            count = self._call(PROPS, "Get", GLib.Variant("(ss)", (TEXT, "CharacterCount")))[0]
            return self._call(TEXT, "GetText", GLib.Variant("(ii)", (0, count)))[0]
        except GLib.Error:
            return self.name

    def set_text(self, value):
        ok = self._call(EDITABLE, "SetTextContents", GLib.Variant("(s)", (value,)))[0]
        if not ok:
            raise DriverError(f"{self!r} refused the text {value!r}")

    def actions(self):
        try:
            return [a[0].lower() for a in self._call(ACTION, "GetActions")[0]]
        except GLib.Error:
            return []

    def do_action(self, name):
        actions = self.actions()
        if name not in actions:
            raise DriverError(f"{self!r} has no action {name!r} (has {actions})")
        self._call(ACTION, "DoAction", GLib.Variant("(i)", (actions.index(name),)))

    def click(self):
        """Clicks the button (a menu button's inner toggle button if it has no action)."""
        if "click" in self.actions():
            self.do_action("click")
            return
        for n in self.walk():
            if n is not self and "click" in n.actions():
                n.do_action("click")
                return
        raise DriverError(f"nothing to click in {self!r}")

    def select_child(self, index):
        """Selects the index-th child through the Selection interface of this node."""
        if not self._call(SELECTION, "SelectChild", GLib.Variant("(i)", (index,)))[0]:
            raise DriverError(f"{self!r} refused to select child {index}")

    def select(self):
        """Selects this node in its parent (a list row, a sidebar entry)."""
        self.parent.select_child(self._call(ACC, "GetIndexInParent")[0])


class Driver:
    """The app under test on the accessibility bus."""

    def __init__(self, argv, env, app_name="gendan", log=None):
        self.argv = argv
        self.env = env
        self.app_name = app_name
        self.log = log
        self.proc = None
        self.bus = None
        self.bus_name = None
        self.calls = 0
        self.snapshots = 0

    # process
    def _log_tail(self, size=2000):
        """What the app wrote last, for an error message (empty without a log)."""
        if self.log is None:
            return ""
        try:
            self.log.flush()
            self.log.seek(0, os.SEEK_END)
            end = self.log.tell()
            self.log.seek(max(0, end - size))
            text = self.log.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return f"; it wrote:\n{text}" if text else ""

    def start(self, timeout=30):
        Atspi.init()
        # The accessibility bus first: its launcher opens the display for a moment, and
        # that is over before the app opens it.
        address = Gio.bus_get_sync(Gio.BusType.SESSION).call_sync(
            "org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
            GLib.VariantType("(s)"), 0, 5000).unpack()[0]
        self.bus = Gio.DBusConnection.new_for_address_sync(
            address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT
            | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        # in the test's process group: a runner that kills the test on a timeout kills it too
        self.proc = subprocess.Popen(self.argv, env=self.env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise DriverError(f"the app exited with status {self.proc.returncode}"
                                  + self._log_tail())
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                try:
                    if app is not None and app.get_process_id() == self.proc.pid:
                        self.bus_name = app.app.bus_name
                        return
                except GLib.Error:
                    pass
            time.sleep(0.1)
        raise DriverError(f"{self.app_name} did not appear on the accessibility bus "
                          f"within {timeout} s")

    def stop(self):
        """Ends the app if it still runs (by its process id)."""
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    # D-Bus
    def call(self, ref, iface, method, args=None):
        self.calls += 1
        return self.bus.call_sync(ref[0], ref[1], iface, method, args, None, 0, 10000).unpack()

    def _calls(self, requests):
        """Sends every request at once and waits for all the answers (or errors)."""
        results = [None] * len(requests)
        left = [len(requests)]
        ctx = GLib.MainContext.default()

        def done(conn, res, i):
            try:
                results[i] = conn.call_finish(res).unpack()
            except GLib.Error as e:
                results[i] = e
            left[0] -= 1

        for i, (ref, iface, method, args) in enumerate(requests):
            self.bus.call(ref[0], ref[1], iface, method, args, None, 0, 10000, None, done, i)
        self.calls += len(requests)
        while left[0]:
            ctx.iteration(True)
        return results

    # snapshots
    NAME = GLib.Variant("(ss)", (ACC, "Name"))
    PARENT = GLib.Variant("(ss)", (ACC, "Parent"))
    IN_WINDOW = GLib.Variant("(u)", (WINDOW_COORDS,))
    # what is inside these is drawn by GTK for them and has nothing of its own to find
    LEAVES = {"label", "image", "separator", "scroll bar", "text", "entry", "password text",
              "spin button", "level bar", "icon"}
    LEAF_NAMES = {"GtkBuiltinIcon", "AdwIndicatorBin", "GtkRange"}

    # a point can fall where no widget answers (GTK gives none back), so a few are tried
    POINTS = [(0.5, 0.5), (0.25, 0.25), (0.75, 0.25), (0.25, 0.75), (0.75, 0.75),
              (0.5, 0.1), (0.5, 0.9), (0.1, 0.5), (0.9, 0.5)]
    NULL_PATH = "/org/a11y/atspi/null"

    def _fill(self, nodes):
        """Reads one level of the tree, and returns the level below (shown nodes only)."""
        res = self._calls([req for n in nodes for req in (
            (n.ref, ACC, "GetRole", None),
            (n.ref, PROPS, "Get", self.NAME),
            (n.ref, ACC, "GetState", None),
            (n.ref, COMPONENT, "GetExtents", self.IN_WINDOW))])
        shown = []
        for k, n in enumerate(nodes):
            role, name, states, ext = res[4 * k:4 * k + 4]
            if isinstance(role, Exception):
                continue  # gone meanwhile
            n.role = _role_name(role[0])
            n.name = "" if isinstance(name, Exception) else name[0]
            n.states = set() if isinstance(states, Exception) else _states(states[0])
            n.ext = None if isinstance(ext, Exception) else tuple(ext[0])
            if n.ext is not None and (n.ext[2] <= 0 or n.ext[3] <= 0):
                continue  # no size: hidden, or in a page of a stack never shown
            if "visible" not in n.states and n.states:
                continue
            shown.append(n)
        hidden_pages = self._hidden_pages(shown)
        parents = [n for n in shown if id(n) not in hidden_pages
                   and n.role not in self.LEAVES and n.name not in self.LEAF_NAMES]
        keep = {id(n) for n in shown} - hidden_pages
        for n in nodes:
            if n.parent is not None and id(n) not in keep:
                n.parent.children.remove(n)
        below = []
        for n, children in zip(parents, self._calls(
                [(n.ref, ACC, "GetChildren", None) for n in parents])):
            if isinstance(children, Exception):
                continue
            for ref in children[0]:
                c = Node(self, tuple(ref), n)
                n.children.append(c)
                below.append(c)
        return below

    def _hidden_pages(self, nodes):
        """The pages of stacks that are not shown: siblings in the same place and of the same
        size, of which a pointer over that place would be over one only. GTK 4.8 keeps the
        size of a page shown before, and marks none of them as showing, so the window is
        asked what is at a few points of the place, and each answer is followed up to the
        page it belongs to."""
        groups = {}
        for n in nodes:
            if n.parent is not None and n.parent.parent is not None and n.ext is not None \
                    and n.role not in self.LEAVES:
                groups.setdefault((id(n.parent), n.ext), []).append(n)
        stacks = [pages for pages in groups.values() if len(pages) > 1]
        if not stacks:
            return set()
        reqs = []
        for pages in stacks:
            top = pages[0]
            while top.parent.parent is not None:
                top = top.parent
            x, y, w, h = pages[0].ext
            reqs += [(top.ref, COMPONENT, "GetAccessibleAtPoint",
                      GLib.Variant("(iiu)", (x + int(w * fx), y + int(h * fy), WINDOW_COORDS)))
                     for fx, fy in self.POINTS]
        hits = self._calls(reqs)
        # climb from every answer at once, one parent a round, until it meets a page
        climbers = {}
        for k, pages in enumerate(stacks):
            for p, hit in enumerate(hits[k * len(self.POINTS):(k + 1) * len(self.POINTS)]):
                if not isinstance(hit, Exception) and hit[0][1] != self.NULL_PATH:
                    climbers[(k, p)] = tuple(hit[0])
        page_of = [{page.ref: page for page in pages} for pages in stacks]
        stop = [{pages[0].parent.ref} | {a.ref for a in pages[0].parent.ancestors()}
                for pages in stacks]
        found = {}
        for _ in range(64):
            for key, ref in list(climbers.items()):
                k = key[0]
                if ref in page_of[k]:
                    found.setdefault(k, {})[key[1]] = page_of[k][ref]
                    del climbers[key]
                elif ref in stop[k] or ref[1] == self.NULL_PATH:
                    del climbers[key]
            if not climbers:
                break
            keys = list(climbers)
            for key, parent in zip(keys, self._calls(
                    [(climbers[key], PROPS, "Get", self.PARENT) for key in keys])):
                if isinstance(parent, Exception):
                    del climbers[key]
                else:
                    climbers[key] = tuple(parent[0])
        hidden = set()
        for k, pages in enumerate(stacks):
            if k in found:
                shown = found[k][min(found[k])]  # the first point that answered
                hidden |= {id(page) for page in pages if page is not shown}
        return hidden

    def snapshot(self):
        """The app as a person sees it now."""
        self.snapshots += 1
        root = Node(self, (self.bus_name, "/org/a11y/atspi/accessible/root"))
        level = [root]
        while level:
            level = self._fill(level)
        return root

    def windows(self):
        """The app's windows (frames and dialogs), the active one first."""
        app = self.snapshot()
        wins = [w for w in app.children if w.ext is not None and w.ext[2] > 0]
        wins.sort(key=lambda w: "active" not in w.states)
        return wins

    # waiting
    def wait(self, what, probe, timeout=15, interval=0.05):
        """Polls probe() until it returns something true, and returns that."""
        deadline = time.monotonic() + timeout
        last_error = None
        while True:
            try:
                got = probe()
                if got:
                    return got
            except (GLib.Error, DriverError) as e:
                last_error = e
            if self.proc.poll() is not None:
                raise DriverError(f"the app exited ({self.proc.returncode}) while waiting "
                                  f"for {what}")
            if time.monotonic() > deadline:
                raise DriverError(f"timed out after {timeout} s waiting for {what}"
                                  + (f" (last error: {last_error})" if last_error else ""))
            time.sleep(interval)

    def wait_for(self, role, name, within=None, timeout=15, pred=None):
        """Waits until a widget of this role and accessible name is shown, in the window
        named within (or in any window, the active one first), and returns it."""
        def probe():
            for w in self.windows():
                if within is not None and not name_matches(w, within):
                    continue
                found = w.find(role, name, pred)
                if found is not None:
                    return found
            return None
        return self.wait(f"{role} {name!r}" + (f" in {within!r}" if within else ""), probe,
                         timeout)

    # keyboard and pointer, through the AT-SPI registry (XTest on X11), for what GTK 4.8
    # offers no action for
    KEYSYMS = {"Return": 0xff0d, "Escape": 0xff1b, "Tab": 0xff09, "space": 0x20,
               "Up": 0xff52, "Down": 0xff54, "Left": 0xff51, "Right": 0xff53}

    @classmethod
    def key(cls, name):
        Atspi.generate_keyboard_event(cls.KEYSYMS[name], None, Atspi.KeySynthType.PRESSRELEASE
                                      | Atspi.KeySynthType.SYM)

    @staticmethod
    def mouse_click(node):
        """A click at the centre of the node (the main window is at the screen's origin under
        Xvfb, where GTK 4.8 gives window coordinates for screen ones)."""
        x, y, w, h = node.ext
        Atspi.generate_mouse_event(x + w // 2, y + h // 2, "b1c")

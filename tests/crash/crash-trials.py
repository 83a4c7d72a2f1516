#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Crash safety: gendan-cli killed with SIGKILL at random moments.

Each trial runs one writing command of gendan-cli against the same database and kills it
after a random delay (seeded), somewhere between its start and a little after its usual
end, so that some trials finish and most are cut off mid-write:

  import-new     a CSV of new customers (a batch of its own: code prefix Bnnn-)
  import-orders  a CSV of orders with several lines each, for those customers
  import-update  the same batch again with new notes and phones (updates every row)
  set            several fields of one customer set to one token, in one command

After every trial:
  - PRAGMA quick_check is ok, and so is `gendan-cli check` (integrity_check);
  - every command that exited 0 is there;
  - nothing is applied by half: each batch is all there or absent, its rows carry its
    checksum, an update batch is on every row or none, a set's fields all carry the same
    token, an order has all its lines.

Usage: crash-trials.py --cli build/src/cli/gendan-cli [--trials 200] [--seed N] [--keep DIR]
Prints TAP; exit status 0 when every trial passed.
"""

import argparse
import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


class Failure(Exception):
    pass


class Model:
    """What the database must hold: what succeeded, plus what a killed command may have
    done (decided after each trial by looking, but only between 'all' and 'nothing')."""

    def __init__(self):
        self.batches = {}      # prefix -> {"rows": n, "rev": r}  (committed)
        self.orders = {}       # order batch prefix -> {"orders": n, "lines_each": k}
        self.sets = {}         # customer code -> token

    def customer_codes(self):
        codes = []
        for prefix, batch in sorted(self.batches.items()):
            codes.extend(row_code(prefix, i) for i in range(batch["rows"]))
        return codes


def row_code(prefix, i):
    return "%s-%05d" % (prefix, i)


def customer_notes(prefix, i, rev):
    return "批次 %s 第 %d 行 修订 %d：交货前一周电话确认" % (prefix, i, rev)


def customer_phone(prefix, i, rev):
    return "0571-%04d%04d" % (rev, i)


def batch_checksum(rows):
    digest = hashlib.sha256()
    for row in rows:
        digest.update("\x1f".join("" if v is None else str(v) for v in row).encode())
        digest.update(b"\x1e")
    return digest.hexdigest()


def expected_batch_rows(prefix, n, rev):
    return [(row_code(prefix, i), "宁波甬江轴承有限公司 %s-%d" % (prefix, i),
             customer_phone(prefix, i, rev), customer_notes(prefix, i, rev))
            for i in range(n)]


def write_customers_csv(path, prefix, n, rev):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("code,name,tier,status,phone,notes\n")
        for code, name, phone, notes in expected_batch_rows(prefix, n, rev):
            f.write('%s,%s,B,active,%s,"%s"\n' % (code, name, phone, notes))


def write_orders_csv(path, prefix, customers, n, lines_each):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("order_no,customer_code,type,status,created_date,product_code,product_name,"
                "quantity,unit_price\n")
        for i in range(n):
            customer = customers[i % len(customers)]
            for line in range(lines_each):
                f.write("%s-%05d,%s,regular,inquiry,2026-10-%02d,P-%04d,轴承 %d 型,%d,%d.5\n"
                        % (prefix, i, customer, 1 + i % 28, line, line, 1 + line, 10 + line))


class Trials:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.dir = args.keep or tempfile.mkdtemp(prefix="gendan-crash-")
        os.makedirs(self.dir, exist_ok=True)
        self.db = os.path.join(self.dir, "gendan.db")
        self.model = Model()
        self.durations = {}
        self.next_batch = 1
        self.env = dict(os.environ, LC_ALL="C.UTF-8")
        self.env.pop("GENDAN_TEST_FS_TYPE", None)
        self.killed = 0
        self.completed = 0

    def cli(self, *argv):
        return [self.args.cli] + list(argv) + ["--database", self.db]

    # ---- the operations: each returns (argv, on_success, on_unknown) ----

    def op_import_new(self):
        prefix = "B%03d" % self.next_batch
        self.next_batch += 1
        n = self.rng.randint(200, 2500)
        csv = os.path.join(self.dir, prefix + ".csv")
        write_customers_csv(csv, prefix, n, 0)

        def applied():
            self.model.batches[prefix] = {"rows": n, "rev": 0}

        def unknown(conn):
            found = conn.execute("SELECT count(*) FROM customers WHERE code LIKE ?",
                                 (prefix + "-%",)).fetchone()[0]
            if found == n:
                applied()
            elif found != 0:
                raise Failure("import of %s half applied: %d of %d rows" % (prefix, found, n))
        return "import-new", self.cli("import", "customers", csv), applied, unknown

    def op_import_update(self):
        if not self.model.batches:
            return self.op_import_new()
        prefix = self.rng.choice(sorted(self.model.batches))
        batch = self.model.batches[prefix]
        rev = batch["rev"] + 1
        csv = os.path.join(self.dir, "%s-rev%d.csv" % (prefix, rev))
        write_customers_csv(csv, prefix, batch["rows"], rev)

        def applied():
            batch["rev"] = rev

        def unknown(conn):
            revs = {r for (r,) in conn.execute(
                "SELECT DISTINCT notes FROM customers WHERE code LIKE ?", (prefix + "-%",))}
            if all(("修订 %d：" % rev) in notes for notes in revs):
                applied()
            elif not all(("修订 %d：" % batch["rev"]) in notes for notes in revs):
                raise Failure("update of %s to revision %d half applied" % (prefix, rev))
        return "import-update", self.cli("import", "customers", csv), applied, unknown

    def op_import_orders(self):
        codes = self.model.customer_codes()
        if not codes:
            return self.op_import_new()
        prefix = "SO%03d" % self.next_batch
        self.next_batch += 1
        n = self.rng.randint(50, 600)
        lines_each = self.rng.randint(1, 4)
        csv = os.path.join(self.dir, prefix + ".csv")
        write_orders_csv(csv, prefix, self.rng.sample(codes, min(len(codes), 40)), n, lines_each)

        def applied():
            self.model.orders[prefix] = {"orders": n, "lines_each": lines_each}

        def unknown(conn):
            found = conn.execute("SELECT count(*) FROM orders WHERE order_no LIKE ?",
                                 (prefix + "-%",)).fetchone()[0]
            if found == n:
                applied()
            elif found != 0:
                raise Failure("import of %s half applied: %d of %d orders" % (prefix, found, n))
        return "import-orders", self.cli("import", "orders", csv), applied, unknown

    def op_set(self):
        codes = self.model.customer_codes()
        if not codes:
            return self.op_import_new()
        code = self.rng.choice(codes)
        token = "T%06d" % self.rng.randint(0, 999999)
        conn = sqlite3.connect(self.db)
        try:
            (record_id,) = conn.execute("SELECT id FROM customers WHERE code = ?",
                                        (code,)).fetchone()
        finally:
            conn.close()
        before = self.model.sets.get(code)

        def applied():
            self.model.sets[code] = token

        def unknown(conn):
            row = conn.execute("SELECT email, industry, short_name FROM customers "
                               "WHERE code = ?", (code,)).fetchone()
            tokens = {None if v is None else v.split("@")[0] for v in row}
            if tokens == {token}:
                applied()
            elif tokens != {before}:
                raise Failure("set of %s half applied: %r (before %r, now %r)"
                              % (code, row, before, token))
        argv = self.cli("set", "customers", str(record_id), "email=%s@example.com" % token,
                        "industry=%s" % token, "short_name=%s" % token)
        return "set", argv, applied, unknown

    # ---- checking ----

    def verify(self):
        conn = sqlite3.connect(self.db, timeout=30)
        try:
            (quick,) = conn.execute("PRAGMA quick_check").fetchone()
            if quick != "ok":
                raise Failure("quick_check: %s" % quick)
            for prefix, batch in self.model.batches.items():
                rows = conn.execute("SELECT code, name, phone, notes FROM customers "
                                    "WHERE code LIKE ? ORDER BY code", (prefix + "-%",)).fetchall()
                want = expected_batch_rows(prefix, batch["rows"], batch["rev"])
                if len(rows) != len(want):
                    raise Failure("batch %s: %d rows, expected %d"
                                  % (prefix, len(rows), len(want)))
                if batch_checksum(rows) != batch_checksum(want):
                    raise Failure("batch %s: rows differ from revision %d"
                                  % (prefix, batch["rev"]))
            for prefix, batch in self.model.orders.items():
                n, k = conn.execute(
                    "SELECT count(DISTINCT o.id), count(l.id) FROM orders o "
                    "JOIN order_lines l ON l.order_id = o.id WHERE o.order_no LIKE ?",
                    (prefix + "-%",)).fetchone()
                if n != batch["orders"] or k != batch["orders"] * batch["lines_each"]:
                    raise Failure("orders %s: %d orders with %d lines, expected %d with %d"
                                  % (prefix, n, k, batch["orders"],
                                     batch["orders"] * batch["lines_each"]))
            for code, token in self.model.sets.items():
                row = conn.execute("SELECT email, industry, short_name FROM customers "
                                   "WHERE code = ?", (code,)).fetchone()
                if row != ("%s@example.com" % token, token, token):
                    raise Failure("set of %s: %r, expected token %s" % (code, row, token))
        finally:
            conn.close()

        result = subprocess.run(self.cli("check"), env=self.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise Failure("gendan-cli check: %s" % result.stderr.strip())

    # ---- a trial ----

    def trial(self, number):
        kind = self.rng.choices(["import-new", "import-update", "import-orders", "set"],
                                weights=[3, 3, 3, 4])[0]
        op = {"import-new": self.op_import_new, "import-update": self.op_import_update,
              "import-orders": self.op_import_orders, "set": self.op_set}[kind]
        kind, argv, applied, unknown = op()

        # kill somewhere in the command's usual run time (past the start of the process,
        # where nothing is written yet), or a little after its end
        usual = self.durations[kind]
        delay = self.rng.uniform(usual * 0.2, usual * 1.3)
        started = time.monotonic()
        proc = subprocess.Popen(argv, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        elapsed = time.monotonic() - started

        if proc.returncode == 0:
            self.completed += 1
            # a moving estimate of how long the command takes when left alone
            self.durations[kind] = elapsed if kind not in self.durations else \
                0.7 * self.durations[kind] + 0.3 * elapsed
            applied()
            state = "exited 0"
        elif proc.returncode == -signal.SIGKILL:
            self.killed += 1
            # the database grows and the machine may be busy: aim a little later next time,
            # so that the trials stay a mix of cut-off and completed commands
            self.durations[kind] *= 1.1
            conn = sqlite3.connect(self.db, timeout=30)
            try:
                unknown(conn)
            finally:
                conn.close()
            state = "killed after %.3f s" % elapsed
        else:
            raise Failure("%s exited %d: %s" % (" ".join(argv[1:3]), proc.returncode,
                                                  err.strip()))
        self.verify()
        return "%s, %s" % (kind, state)

    def run(self):
        # one of each, left to finish: a database to work on, and how long each takes
        for op in (self.op_import_new, self.op_import_orders, self.op_import_update,
                   self.op_set):
            kind, argv, applied, _ = op()
            started = time.monotonic()
            subprocess.run(argv, env=self.env, capture_output=True, check=True)
            self.durations[kind] = time.monotonic() - started
            applied()
        self.verify()
        failures = 0
        started = time.monotonic()
        print("TAP version 13")
        print("1..%d" % self.args.trials)
        for number in range(1, self.args.trials + 1):
            try:
                what = self.trial(number)
                print("ok %d - %s" % (number, what))
            except Failure as failure:
                failures += 1
                print("not ok %d - %s" % (number, failure))
                # keep the evidence, start the next trial from what is there
                evidence = os.path.join(self.dir, "failed-%d.db" % number)
                shutil.copy(self.db, evidence)
                print("# kept %s" % evidence)
            sys.stdout.flush()
        elapsed = time.monotonic() - started
        n_customers = sum(b["rows"] for b in self.model.batches.values())
        print("# %d trials in %.1f s: %d killed mid-run, %d completed, %d failures; "
              "%d customer batches (%d rows), %d order batches, %d set records"
              % (self.args.trials, elapsed, self.killed, self.completed, failures,
                 len(self.model.batches), n_customers, len(self.model.orders),
                 len(self.model.sets)))
        if not self.args.keep and failures == 0:
            shutil.rmtree(self.dir, ignore_errors=True)
        return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", default=os.environ.get("GENDAN_CLI"),
                        help="the gendan-cli to test")
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="work in this folder and keep it")
    args = parser.parse_args()
    if not args.cli:
        parser.error("--cli or GENDAN_CLI is needed")
    return 1 if Trials(args).run() else 0


if __name__ == "__main__":
    sys.exit(main())

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-migrations"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-database.h"
#include "gdn-migrations.h"

/* Forward-only schema steps. A released step is never edited: a change is a new step.
 * Step N takes a database from user_version N-1 to N. Every table carries created_at,
 * updated_at, deleted_at (soft delete) and version (bumped on each write, so an edit of a
 * record changed elsewhere can be detected). Dates are ISO text: 'YYYY-MM-DD', and times
 * 'YYYY-MM-DD HH:MM:SS' in local time. Enumerations are stored as their English value. */

#define RECORD_COLUMNS                                   \
  "  id INTEGER PRIMARY KEY,\n"                          \
  "  created_at TEXT NOT NULL DEFAULT (datetime('now','localtime')),\n" \
  "  updated_at TEXT NOT NULL DEFAULT (datetime('now','localtime')),\n" \
  "  deleted_at TEXT,\n"                                 \
  "  version INTEGER NOT NULL DEFAULT 1,\n"

/* A search index over a table's search_text column (kept by the store), with the
 * triggers that keep it in step. */
#define FTS_INDEX(t)                                                                  \
  "CREATE VIRTUAL TABLE " t "_fts USING fts5(search_text, content='" t "',\n"         \
  "  content_rowid='id', tokenize='trigram', detail='none');\n"                       \
  "CREATE TRIGGER " t "_fts_ai AFTER INSERT ON " t " BEGIN\n"                          \
  "  INSERT INTO " t "_fts(rowid, search_text) VALUES (new.id, new.search_text);\n"    \
  "END;\n"                                                                            \
  "CREATE TRIGGER " t "_fts_ad AFTER DELETE ON " t " BEGIN\n"                          \
  "  INSERT INTO " t "_fts(" t "_fts, rowid, search_text)\n"                           \
  "    VALUES ('delete', old.id, old.search_text);\n"                                  \
  "END;\n"                                                                            \
  "CREATE TRIGGER " t "_fts_au AFTER UPDATE OF search_text ON " t " BEGIN\n"           \
  "  INSERT INTO " t "_fts(" t "_fts, rowid, search_text)\n"                           \
  "    VALUES ('delete', old.id, old.search_text);\n"                                  \
  "  INSERT INTO " t "_fts(rowid, search_text) VALUES (new.id, new.search_text);\n"    \
  "END;\n"

static const char step_1[] =
  "CREATE TABLE customers (\n" RECORD_COLUMNS
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  short_name TEXT, industry TEXT, tier TEXT, status TEXT,\n"
  "  address TEXT, phone TEXT, email TEXT, owner TEXT, preferences TEXT, notes TEXT,\n"
  "  search_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  FTS_INDEX ("customers")
  "CREATE TABLE contacts (\n" RECORD_COLUMNS
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  name TEXT NOT NULL,\n"
  "  title TEXT, department TEXT, phone TEXT, email TEXT, im TEXT, birthday TEXT,\n"
  "  role TEXT, stance TEXT, is_primary INTEGER NOT NULL DEFAULT 0, notes TEXT,\n"
  "  UNIQUE (customer_id, name)\n"
  ");\n"
  "CREATE TABLE products (\n" RECORD_COLUMNS
  "  code TEXT NOT NULL UNIQUE,\n"
  "  name TEXT NOT NULL,\n"
  "  spec TEXT, unit TEXT, unit_price REAL, notes TEXT\n"
  ");\n"
  "CREATE TABLE orders (\n" RECORD_COLUMNS
  "  order_no TEXT NOT NULL UNIQUE,\n"
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  type TEXT NOT NULL DEFAULT 'regular',\n"
  "  source TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'inquiry',\n"
  "  created_date TEXT NOT NULL,\n"
  "  confirmed_date TEXT, promised_date TEXT, delivered_date TEXT,\n"
  "  delivery_address TEXT,\n"
  "  currency TEXT NOT NULL DEFAULT 'CNY',\n"
  "  payment_due TEXT, delay_reason TEXT, owner TEXT, missing_reason TEXT, notes TEXT,\n"
  "  progress INTEGER NOT NULL DEFAULT 0,\n"
  "  amount REAL NOT NULL DEFAULT 0,\n"
  "  n_lines INTEGER NOT NULL DEFAULT 0,\n"
  "  status_changed_at TEXT,\n"
  "  search_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX orders_customer ON orders(customer_id);\n"
  "CREATE INDEX orders_status ON orders(status, promised_date);\n"
  "CREATE INDEX orders_created ON orders(created_date);\n"
  "CREATE INDEX orders_confirmed ON orders(confirmed_date);\n"
  "CREATE INDEX orders_delivered ON orders(delivered_date);\n"
  "CREATE INDEX orders_promised ON orders(promised_date);\n"
  "CREATE INDEX orders_amount ON orders(amount);\n"
  "CREATE INDEX orders_owner ON orders(owner);\n"
  FTS_INDEX ("orders")
  "CREATE TABLE order_lines (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,\n"
  "  position INTEGER NOT NULL DEFAULT 0,\n"
  "  product_code TEXT, product_name TEXT, spec TEXT, unit TEXT,\n"
  "  quantity REAL, unit_price REAL\n"
  ");\n"
  "CREATE INDEX order_lines_order ON order_lines(order_id, position);\n"
  "CREATE TABLE order_events (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,\n"
  "  at TEXT NOT NULL,\n"
  "  from_status TEXT, to_status TEXT NOT NULL,\n"
  "  note TEXT, who TEXT\n"
  ");\n"
  "CREATE INDEX order_events_order ON order_events(order_id, at);\n"
  "CREATE TABLE contracts (\n" RECORD_COLUMNS
  "  contract_no TEXT NOT NULL UNIQUE,\n"
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  title TEXT, amount REAL,\n"
  "  signed_date TEXT, start_date TEXT, end_date TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'draft',\n"
  "  notes TEXT,\n"
  "  search_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  FTS_INDEX ("contracts")
  "CREATE TABLE contract_orders (\n"
  "  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,\n"
  "  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (contract_id, order_id)\n"
  ");\n"
  "CREATE INDEX contract_orders_order ON contract_orders(order_id);\n"
  "CREATE TABLE contract_approvals (\n" RECORD_COLUMNS
  "  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL,\n"
  "  decision TEXT NOT NULL DEFAULT 'pending',\n"
  "  comment TEXT, who TEXT, at TEXT\n"
  ");\n"
  "CREATE INDEX contract_approvals_contract ON contract_approvals(contract_id);\n"
  "CREATE TABLE contract_amendments (\n" RECORD_COLUMNS
  "  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,\n"
  "  at TEXT NOT NULL, summary TEXT NOT NULL, amount_change REAL, who TEXT\n"
  ");\n"
  "CREATE INDEX contract_amendments_contract ON contract_amendments(contract_id);\n"
  "CREATE TABLE attachments (\n" RECORD_COLUMNS
  "  contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,\n"
  "  file_name TEXT NOT NULL, stored_name TEXT NOT NULL, size INTEGER, content_type TEXT\n"
  ");\n"
  "CREATE INDEX attachments_contract ON attachments(contract_id);\n"
  "CREATE TABLE shipments (\n" RECORD_COLUMNS
  "  order_id INTEGER NOT NULL REFERENCES orders(id),\n"
  "  carrier TEXT NOT NULL,\n"
  "  mode TEXT, tracking_no TEXT,\n"
  "  shipped_date TEXT, eta TEXT, delivered_date TEXT,\n"
  "  freight REAL, receiver TEXT,\n"
  "  status TEXT NOT NULL DEFAULT 'pending',\n"
  "  receipt_confirmed INTEGER NOT NULL DEFAULT 0,\n"
  "  search_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX shipments_order ON shipments(order_id);\n"
  "CREATE INDEX shipments_shipped ON shipments(shipped_date);\n"
  "CREATE INDEX shipments_tracking ON shipments(order_id, tracking_no);\n"
  FTS_INDEX ("shipments")
  "CREATE TABLE cases (\n" RECORD_COLUMNS
  "  case_no TEXT NOT NULL UNIQUE,\n"
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  order_id INTEGER REFERENCES orders(id),\n"
  "  type TEXT NOT NULL,\n"
  "  category TEXT,\n"
  "  priority TEXT NOT NULL DEFAULT 'normal',\n"
  "  status TEXT NOT NULL DEFAULT 'open',\n"
  "  opened_at TEXT NOT NULL,\n"
  "  first_response_at TEXT, resolved_at TEXT, closed_at TEXT,\n"
  "  subject TEXT, description TEXT, resolution TEXT,\n"
  "  satisfaction INTEGER, owner TEXT,\n"
  "  search_text TEXT NOT NULL DEFAULT ''\n"
  ");\n"
  "CREATE INDEX cases_customer ON cases(customer_id);\n"
  "CREATE INDEX cases_order ON cases(order_id);\n"
  "CREATE INDEX cases_opened ON cases(opened_at);\n"
  "CREATE INDEX cases_status ON cases(status);\n"
  FTS_INDEX ("cases")
  "CREATE TABLE interactions (\n" RECORD_COLUMNS
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  contact_id INTEGER REFERENCES contacts(id),\n"
  "  order_id INTEGER REFERENCES orders(id),\n"
  "  case_id INTEGER REFERENCES cases(id),\n"
  "  channel TEXT NOT NULL, direction TEXT,\n"
  "  at TEXT NOT NULL, summary TEXT NOT NULL,\n"
  "  next_follow_up TEXT, who TEXT\n"
  ");\n"
  "CREATE INDEX interactions_customer ON interactions(customer_id, at);\n"
  "CREATE INDEX interactions_order ON interactions(order_id);\n"
  "CREATE INDEX interactions_at ON interactions(at);\n"
  "CREATE INDEX interactions_follow_up ON interactions(next_follow_up);\n"
  "CREATE TABLE surveys (\n" RECORD_COLUMNS
  "  customer_id INTEGER NOT NULL REFERENCES customers(id),\n"
  "  order_id INTEGER REFERENCES orders(id),\n"
  "  case_id INTEGER REFERENCES cases(id),\n"
  "  date TEXT NOT NULL,\n"
  "  overall INTEGER NOT NULL,\n"
  "  accuracy INTEGER, responsiveness INTEGER, resolution INTEGER,\n"
  "  attitude INTEGER, quality INTEGER, recommend INTEGER, comment TEXT\n"
  ");\n"
  "CREATE INDEX surveys_date ON surveys(date);\n"
  "CREATE INDEX surveys_customer ON surveys(customer_id);\n"
  "CREATE TABLE reminders (\n" RECORD_COLUMNS
  "  kind TEXT NOT NULL DEFAULT 'custom',\n"
  "  title TEXT NOT NULL,\n"
  "  due_at TEXT NOT NULL,\n"
  "  customer_id INTEGER REFERENCES customers(id),\n"
  "  order_id INTEGER REFERENCES orders(id),\n"
  "  case_id INTEGER REFERENCES cases(id),\n"
  "  contact_id INTEGER REFERENCES contacts(id),\n"
  "  done_at TEXT, snoozed_until TEXT, notes TEXT\n"
  ");\n"
  "CREATE INDEX reminders_due ON reminders(due_at);\n"
  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL DEFAULT (datetime('now','localtime')),\n"
  "  who TEXT,\n"
  "  table_name TEXT NOT NULL,\n"
  "  record_id INTEGER,\n"
  "  action TEXT NOT NULL,\n"
  "  changes TEXT\n"
  ");\n"
  "CREATE INDEX audit_log_record ON audit_log(table_name, record_id);\n"
  "CREATE TABLE settings (\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT\n"
  ");\n";

/* Done and snooze of the reminders derived from dates (payment due, ETA, birthdays …): the
 * row of a derived reminder someone acted on, keyed by its kind and the record it comes
 * from (an order, shipment, case, interaction or contact, by kind). */
static const char step_2[] =
  "ALTER TABLE reminders ADD COLUMN source_id INTEGER;\n"
  "CREATE INDEX reminders_source ON reminders(kind, source_id);\n";

static const char * const steps[] = {
  step_1,
  step_2,
};

/**
 * gdn_migration_apply:
 * @step: the version the database moves to (1 for an empty file)
 *
 * Runs one schema step inside the caller's transaction.
 */
gboolean
gdn_migration_apply (sqlite3  *handle,
                     int       step,
                     GError  **error)
{
  int rc;

  g_return_val_if_fail (step >= 1 && step <= (int) G_N_ELEMENTS (steps), FALSE);

  rc = sqlite3_exec (handle, steps[step - 1], NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                   _("Cannot upgrade the database to version %d: %s"),
                   step, sqlite3_errmsg (handle));
      return FALSE;
    }
  return TRUE;
}

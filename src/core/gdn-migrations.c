/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-migrations"

#include "config.h"

#include <string.h>

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

/* Keeps the customer's code and name (and the order number) on the rows that list them, so
 * that sorting a list by them walks an index instead of looking up every row's customer.
 * Only SQL keeps them: on insert, when the row points elsewhere, and when the customer or
 * the order is renamed; no C write path knows these columns. */
#define CUSTOMER_COPY(t)                                                                  \
  "ALTER TABLE " t " ADD COLUMN customer_code TEXT;\n"                                     \
  "ALTER TABLE " t " ADD COLUMN customer_name TEXT;\n"                                     \
  "UPDATE " t " SET customer_code = c.code, customer_name = c.name FROM customers c\n"     \
  "  WHERE c.id = " t ".customer_id;\n"                                                    \
  "CREATE TRIGGER " t "_customer_ai AFTER INSERT ON " t " BEGIN\n"                         \
  "  UPDATE " t " SET (customer_code, customer_name) =\n"                                  \
  "    (SELECT code, name FROM customers WHERE id = new.customer_id) WHERE id = new.id;\n" \
  "END;\n"                                                                                \
  "CREATE TRIGGER " t "_customer_au AFTER UPDATE OF customer_id ON " t "\n"                \
  "  WHEN old.customer_id IS NOT new.customer_id BEGIN\n"                                  \
  "  UPDATE " t " SET (customer_code, customer_name) =\n"                                  \
  "    (SELECT code, name FROM customers WHERE id = new.customer_id) WHERE id = new.id;\n" \
  "END;\n"                                                                                \
  "CREATE INDEX " t "_by_customer_code ON " t "(customer_code);\n"                         \
  "CREATE INDEX " t "_by_customer_name ON " t "(customer_name);\n"

/* Sorting by any sortable column of the order, customer, case, shipment and contract lists
 * walks an index of that column alone (whose entries are ordered by (column, id), as pages
 * are read); the KPIs read covering indexes of their period's date and never the rows; a
 * one- or two-character search scans a narrow index of the text of the rows not in the
 * trash instead of the whole table. */
static const char step_3[] =
  CUSTOMER_COPY ("orders")
  CUSTOMER_COPY ("cases")
  CUSTOMER_COPY ("contracts")
  "ALTER TABLE cases ADD COLUMN order_no TEXT;\n"
  "UPDATE cases SET order_no = o.order_no FROM orders o WHERE o.id = cases.order_id;\n"
  "ALTER TABLE shipments ADD COLUMN order_no TEXT;\n"
  "ALTER TABLE shipments ADD COLUMN customer_name TEXT;\n"
  "UPDATE shipments SET order_no = o.order_no, customer_name = o.customer_name\n"
  "  FROM orders o WHERE o.id = shipments.order_id;\n"
  "CREATE TRIGGER cases_order_ai AFTER INSERT ON cases WHEN new.order_id IS NOT NULL BEGIN\n"
  "  UPDATE cases SET order_no = (SELECT order_no FROM orders WHERE id = new.order_id)\n"
  "    WHERE id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER cases_order_au AFTER UPDATE OF order_id ON cases\n"
  "  WHEN old.order_id IS NOT new.order_id BEGIN\n"
  "  UPDATE cases SET order_no = (SELECT order_no FROM orders WHERE id = new.order_id)\n"
  "    WHERE id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER shipments_order_ai AFTER INSERT ON shipments BEGIN\n"
  "  UPDATE shipments SET (order_no, customer_name) =\n"
  "    (SELECT order_no, customer_name FROM orders WHERE id = new.order_id)\n"
  "    WHERE id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER shipments_order_au AFTER UPDATE OF order_id ON shipments\n"
  "  WHEN old.order_id IS NOT new.order_id BEGIN\n"
  "  UPDATE shipments SET (order_no, customer_name) =\n"
  "    (SELECT order_no, customer_name FROM orders WHERE id = new.order_id)\n"
  "    WHERE id = new.id;\n"
  "END;\n"
  /* after orders_customer_au has set the order's own copy */
  "CREATE TRIGGER orders_shipments_customer_au AFTER UPDATE OF customer_name ON orders\n"
  "  WHEN old.customer_name IS NOT new.customer_name BEGIN\n"
  "  UPDATE shipments SET customer_name = new.customer_name WHERE order_id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER orders_order_no_au AFTER UPDATE OF order_no ON orders\n"
  "  WHEN old.order_no IS NOT new.order_no BEGIN\n"
  "  UPDATE cases SET order_no = new.order_no WHERE order_id = new.id;\n"
  "  UPDATE shipments SET order_no = new.order_no WHERE order_id = new.id;\n"
  "END;\n"
  "CREATE TRIGGER customers_copies_au AFTER UPDATE OF code, name ON customers\n"
  "  WHEN old.code IS NOT new.code OR old.name IS NOT new.name BEGIN\n"
  "  UPDATE orders SET customer_code = new.code, customer_name = new.name\n"
  "    WHERE customer_id = new.id;\n"
  "  UPDATE cases SET customer_code = new.code, customer_name = new.name\n"
  "    WHERE customer_id = new.id;\n"
  "  UPDATE contracts SET customer_code = new.code, customer_name = new.name\n"
  "    WHERE customer_id = new.id;\n"
  "END;\n"
  "CREATE INDEX contracts_customer ON contracts(customer_id);\n"
  "CREATE INDEX cases_by_order_no ON cases(order_no);\n"
  "CREATE INDEX shipments_by_order_no ON shipments(order_no);\n"
  "CREATE INDEX shipments_by_customer_name ON shipments(customer_name);\n"
  /* the other sortable columns without an index of their own */
  "CREATE INDEX orders_by_type ON orders(type);\n"
  "CREATE INDEX orders_by_status ON orders(status);\n"
  "CREATE INDEX orders_by_payment_due ON orders(payment_due);\n"
  "CREATE INDEX orders_by_progress ON orders(progress);\n"
  "CREATE INDEX orders_by_status_changed_at ON orders(status_changed_at);\n"
  "CREATE INDEX customers_by_name ON customers(name);\n"
  "CREATE INDEX customers_by_industry ON customers(industry);\n"
  "CREATE INDEX customers_by_tier ON customers(tier);\n"
  "CREATE INDEX customers_by_status ON customers(status);\n"
  "CREATE INDEX customers_by_owner ON customers(owner);\n"
  "CREATE INDEX cases_by_type ON cases(type);\n"
  "CREATE INDEX cases_by_category ON cases(category);\n"
  "CREATE INDEX cases_by_priority ON cases(priority);\n"
  "CREATE INDEX cases_by_first_response_at ON cases(first_response_at);\n"
  "CREATE INDEX cases_by_resolved_at ON cases(resolved_at);\n"
  "CREATE INDEX cases_by_closed_at ON cases(closed_at);\n"
  "CREATE INDEX cases_by_owner ON cases(owner);\n"
  "CREATE INDEX shipments_by_carrier ON shipments(carrier);\n"
  "CREATE INDEX shipments_by_mode ON shipments(mode);\n"
  "CREATE INDEX shipments_by_tracking_no ON shipments(tracking_no);\n"
  "CREATE INDEX shipments_by_eta ON shipments(eta);\n"
  "CREATE INDEX shipments_by_delivered_date ON shipments(delivered_date);\n"
  "CREATE INDEX shipments_by_freight ON shipments(freight);\n"
  "CREATE INDEX shipments_by_status ON shipments(status);\n"
  "CREATE INDEX contracts_by_title ON contracts(title);\n"
  "CREATE INDEX contracts_by_amount ON contracts(amount);\n"
  "CREATE INDEX contracts_by_signed_date ON contracts(signed_date);\n"
  "CREATE INDEX contracts_by_start_date ON contracts(start_date);\n"
  "CREATE INDEX contracts_by_end_date ON contracts(end_date);\n"
  "CREATE INDEX contracts_by_status ON contracts(status);\n"
  /* the KPIs and their monthly series (gdn-kpi.c), each a range of one date */
  "CREATE INDEX orders_kpi_delivered ON orders(delivered_date, deleted_at, promised_date,\n"
  "  delay_reason, owner, customer_id);\n"
  "CREATE INDEX orders_kpi_created ON orders(created_date, deleted_at, confirmed_date, status,\n"
  "  delivered_date);\n"
  "CREATE INDEX orders_kpi_confirmed ON orders(confirmed_date, deleted_at, type, status,\n"
  "  amount);\n"
  "CREATE INDEX cases_kpi_opened ON cases(opened_at, deleted_at, type, category, status,\n"
  "  first_response_at);\n"
  "CREATE INDEX shipments_kpi_shipped ON shipments(shipped_date, deleted_at, carrier, eta,\n"
  "  delivered_date);\n"
  /* conversion: an inquiry that was quoted at some time */
  "CREATE INDEX order_events_quoted ON order_events(order_id) WHERE to_status = 'quoted';\n"
  "CREATE INDEX surveys_kpi_date ON surveys(date, deleted_at, overall, accuracy,\n"
  "  responsiveness, resolution, attitude, quality);\n"
  /* the orders not in the trash, with their text: short searches scan this, and the
   * rows a long search's trigrams found are confirmed in it by id, without reading the
   * wide rows (deleted_at comes last, so that it never looks like a way to find rows) */
  "CREATE INDEX orders_search_rows ON orders(id, search_text, deleted_at)\n"
  "  WHERE deleted_at IS NULL;\n"
  /* the rows in the trash, which counts of a search take off the index's */
  "CREATE INDEX orders_trash ON orders(deleted_at) WHERE deleted_at IS NOT NULL;\n"
  "CREATE INDEX customers_trash ON customers(deleted_at) WHERE deleted_at IS NOT NULL;\n"
  "CREATE INDEX cases_trash ON cases(deleted_at) WHERE deleted_at IS NOT NULL;\n"
  "CREATE INDEX shipments_trash ON shipments(deleted_at) WHERE deleted_at IS NOT NULL;\n"
  "CREATE INDEX contracts_trash ON contracts(deleted_at) WHERE deleted_at IS NOT NULL;\n";

static const char * const steps[] = {
  step_1,
  step_2,
  step_3,
};

/* The columns step 3 copies from other tables, and the tables whose writes change them. */
static const struct
{
  const char *table;
  const char *column;
  const char *sources;
} copies[] = {
  { "orders", "customer_code", " customers " },
  { "orders", "customer_name", " customers " },
  { "cases", "customer_code", " customers " },
  { "cases", "customer_name", " customers " },
  { "cases", "order_no", " orders " },
  { "contracts", "customer_code", " customers " },
  { "contracts", "customer_name", " customers " },
  { "shipments", "order_no", " orders " },
  { "shipments", "customer_name", " orders customers " },
};

/**
 * gdn_migration_copies_from:
 *
 * Returns: whether @column of @table is a copy that triggers keep in step with @source,
 *   so that a write to @source may change it
 */
gboolean
gdn_migration_copies_from (const char *table,
                           const char *column,
                           const char *source)
{
  g_autofree char *word = g_strdup_printf (" %s ", source);

  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    if (g_str_equal (copies[i].table, table) && g_str_equal (copies[i].column, column))
      return strstr (copies[i].sources, word) != NULL;
  return FALSE;
}

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

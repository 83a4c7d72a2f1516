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

/* The KPIs of a period (gdn-kpi.c) sum whole days: per day of each period's date, the
 * counts and sums of the rows not in the trash, kept by triggers as the rows change. Each
 * trigger adds the new row's share and takes off the old one's (an UPSERT per day), and
 * only when a column that the share depends on changes. Every share is an exact count or
 * sum of the row's own values, so that a period's figures are the ones its rows give. */

/* An order's shares: delivered on time; converted, quoted and delivered since (funnel). */
#define ORDER_ON_TIME(o) \
  "(" o ".promised_date IS NOT NULL AND " o ".delivered_date <= " o ".promised_date)"
#define ORDER_CONVERTED(o)                                                             \
  "(" o ".confirmed_date IS NOT NULL OR " o ".status IN ('confirmed', 'in_production'," \
  " 'qc', 'shipped', 'delivered', 'closed'))"
#define ORDER_QUOTED_BY_STATUS(o)                                                      \
  "(" o ".confirmed_date IS NOT NULL OR " o ".status IN ('quoted', 'confirmed',"        \
  " 'in_production', 'qc', 'shipped', 'delivered', 'closed'))"
/* (the events are only looked at when the status does not tell) */
#define ORDER_QUOTED(o)                                                                \
  "(CASE WHEN " ORDER_QUOTED_BY_STATUS (o) " THEN 1 ELSE EXISTS (SELECT 1"              \
  " FROM order_events e WHERE e.order_id = " o ".id AND e.to_status = 'quoted') END)"
#define ORDER_DELIVERED(o) \
  "(" o ".delivered_date IS NOT NULL OR " o ".status IN ('delivered', 'closed'))"

/* s is "+" to add the row's share, "-" to take it off */
#define ORDER_DELIVERED_DAY(o, s)                                                      \
  "  INSERT INTO kpi_delivered_days (day, orders, on_time)\n"                          \
  "    SELECT " o ".delivered_date, " s "1, " s ORDER_ON_TIME (o) "\n"                   \
  "    WHERE " o ".delivered_date IS NOT NULL AND " o ".deleted_at IS NULL\n"           \
  "    ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders,\n"            \
  "      on_time = on_time + excluded.on_time;\n"
#define ORDER_CREATED_DAY(o, s)                                                        \
  "  INSERT INTO kpi_created_days (day, orders, converted, quoted, delivered)\n"       \
  "    SELECT " o ".created_date, " s "1, " s ORDER_CONVERTED (o) ", " s ORDER_QUOTED (o) \
  ", " s ORDER_DELIVERED (o) "\n"                                                       \
  "    WHERE " o ".deleted_at IS NULL\n"                                                \
  "    ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders,\n"            \
  "      converted = converted + excluded.converted, quoted = quoted + excluded.quoted,\n" \
  "      delivered = delivered + excluded.delivered;\n"
/* an amount that comes back to no orders is 0 again, whatever the rounding of the sums */
#define ORDER_CONFIRMED_DAY(o, s)                                                      \
  "  INSERT INTO kpi_confirmed_days (day, type, status, orders, amount)\n"             \
  "    SELECT " o ".confirmed_date, " o ".type, " o ".status, " s "1, " s o ".amount\n"  \
  "    WHERE " o ".confirmed_date IS NOT NULL AND " o ".deleted_at IS NULL\n"           \
  "    ON CONFLICT (day, type, status) DO UPDATE SET orders = orders + excluded.orders,\n" \
  "      amount = CASE WHEN orders + excluded.orders = 0 THEN 0.0\n"                     \
  "        ELSE amount + excluded.amount END;\n"

/* a row went into the trash or came back */
#define LIVE_CHANGED "(old.deleted_at IS NULL) <> (new.deleted_at IS NULL)"

/* A case's shares, by the day of opened_at: answered within 24 h; resolved or closed. */
#define CASE_DAY(o, s)                                                                 \
  "  INSERT INTO kpi_case_days (day, complaint, category, cases, within_24h, closed)\n" \
  "    SELECT substr(" o ".opened_at, 1, 10), " o ".type = 'complaint',\n"              \
  "      CASE WHEN " o ".type = 'complaint' THEN ifnull(" o ".category, '') ELSE '' END,\n" \
  "      " s "1, " s "ifnull(" CASE_WITHIN_24H (o) ", 0), " s CASE_CLOSED (o) "\n"        \
  "    WHERE " o ".deleted_at IS NULL\n"                                                \
  "    ON CONFLICT (day, complaint, category) DO UPDATE SET cases = cases + excluded.cases,\n" \
  "      within_24h = within_24h + excluded.within_24h, closed = closed + excluded.closed;\n"
#define CASE_WITHIN_24H(o)                                                             \
  "(" o ".first_response_at IS NOT NULL AND"                                            \
  " " o ".first_response_at <= datetime(" o ".opened_at, '+1 day'))"
#define CASE_CLOSED(o) "(" o ".status IN ('resolved', 'closed'))"

/* A shipment's shares, by shipped_date: delivered; by the ETA; the days in transit. */
#define SHIPMENT_TRANSIT(o)                                                            \
  "(CASE WHEN " o ".delivered_date IS NOT NULL"                                         \
  " THEN julianday(" o ".delivered_date) - julianday(" o ".shipped_date) END)"
#define SHIPMENT_DAY(o, s)                                                             \
  "  INSERT INTO kpi_shipment_days (day, carrier, shipments, delivered, on_time,\n"    \
  "      transit_count, transit_days)\n"                                                \
  "    SELECT " o ".shipped_date, " o ".carrier, " s "1,\n"                              \
  "      " s "(" o ".delivered_date IS NOT NULL),\n"                                      \
  "      " s "(" o ".delivered_date IS NOT NULL AND " o ".eta IS NOT NULL\n"               \
  "        AND " o ".delivered_date <= " o ".eta),\n"                                      \
  "      " s "(" SHIPMENT_TRANSIT (o) " IS NOT NULL), " s "ifnull(" SHIPMENT_TRANSIT (o) ", 0)\n" \
  "    WHERE " o ".shipped_date IS NOT NULL AND " o ".deleted_at IS NULL\n"             \
  "    ON CONFLICT (day, carrier) DO UPDATE SET shipments = shipments + excluded.shipments,\n" \
  "      delivered = delivered + excluded.delivered, on_time = on_time + excluded.on_time,\n" \
  "      transit_count = transit_count + excluded.transit_count,\n"                       \
  "      transit_days = CASE WHEN transit_count + excluded.transit_count = 0 THEN 0.0\n"   \
  "        ELSE transit_days + excluded.transit_days END;\n"

/* A survey's shares, by its date: the overall score, each dimension it scored, and the
 * count of its overall score. */
#define SURVEY_DIMENSION(o, s, d) ", " s "(" o "." d " IS NOT NULL), " s "ifnull(" o "." d ", 0)"
#define SURVEY_DAY(o, s)                                                               \
  "  INSERT INTO kpi_survey_days (day, surveys, overall, accuracy_count, accuracy,\n"   \
  "      responsiveness_count, responsiveness, resolution_count, resolution,\n"          \
  "      attitude_count, attitude, quality_count, quality,\n"                           \
  "      score_1, score_2, score_3, score_4, score_5)\n"                                \
  "    SELECT " o ".date, " s "1, " s o ".overall"                                      \
  SURVEY_DIMENSION (o, s, "accuracy") SURVEY_DIMENSION (o, s, "responsiveness")        \
  SURVEY_DIMENSION (o, s, "resolution") SURVEY_DIMENSION (o, s, "attitude")            \
  SURVEY_DIMENSION (o, s, "quality") ",\n"                                              \
  "      " s "(" o ".overall = 1), " s "(" o ".overall = 2), " s "(" o ".overall = 3),\n" \
  "      " s "(" o ".overall = 4), " s "(" o ".overall = 5)\n"                             \
  "    WHERE " o ".deleted_at IS NULL\n"                                                \
  "    ON CONFLICT (day) DO UPDATE SET surveys = surveys + excluded.surveys,\n"          \
  "      overall = overall + excluded.overall,\n"                                        \
  "      accuracy_count = accuracy_count + excluded.accuracy_count,\n"                   \
  "      accuracy = accuracy + excluded.accuracy,\n"                                     \
  "      responsiveness_count = responsiveness_count + excluded.responsiveness_count,\n" \
  "      responsiveness = responsiveness + excluded.responsiveness,\n"                   \
  "      resolution_count = resolution_count + excluded.resolution_count,\n"             \
  "      resolution = resolution + excluded.resolution,\n"                               \
  "      attitude_count = attitude_count + excluded.attitude_count,\n"                   \
  "      attitude = attitude + excluded.attitude,\n"                                     \
  "      quality_count = quality_count + excluded.quality_count,\n"                      \
  "      quality = quality + excluded.quality,\n"                                        \
  "      score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2,\n"   \
  "      score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4,\n"   \
  "      score_5 = score_5 + excluded.score_5;\n"

/* A quoted event of an order: the order's quoted share changes when the event is its
 * only sign of a quote (s "+" as the event comes, "-" as it goes). */
#define EVENT_QUOTED(o, s)                                                             \
  "  INSERT INTO kpi_created_days (day, orders, converted, quoted, delivered)\n"       \
  "    SELECT created_date, 0, 0, " s "1, 0 FROM orders\n"                              \
  "    WHERE " o ".to_status = 'quoted' AND id = " o ".order_id AND deleted_at IS NULL\n"  \
  "      AND NOT " ORDER_QUOTED_BY_STATUS ("orders") "\n"                                 \
  "      AND NOT EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = " o ".order_id\n" \
  "        AND e.to_status = 'quoted' AND e.id <> " o ".id)\n"                            \
  "    ON CONFLICT (day) DO UPDATE SET quoted = quoted + excluded.quoted;\n"

static const char step_4[] =
  "CREATE TABLE kpi_delivered_days (\n"
  "  day TEXT NOT NULL PRIMARY KEY,\n"
  "  orders INTEGER NOT NULL, on_time INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE kpi_created_days (\n"
  "  day TEXT NOT NULL PRIMARY KEY,\n"
  "  orders INTEGER NOT NULL, converted INTEGER NOT NULL, quoted INTEGER NOT NULL,\n"
  "  delivered INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE kpi_confirmed_days (\n"
  "  day TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,\n"
  "  orders INTEGER NOT NULL, amount REAL NOT NULL,\n"
  "  PRIMARY KEY (day, type, status)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE kpi_case_days (\n"
  "  day TEXT NOT NULL, complaint INTEGER NOT NULL, category TEXT NOT NULL,\n"
  "  cases INTEGER NOT NULL, within_24h INTEGER NOT NULL, closed INTEGER NOT NULL,\n"
  "  PRIMARY KEY (day, complaint, category)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE kpi_shipment_days (\n"
  "  day TEXT NOT NULL, carrier TEXT NOT NULL,\n"
  "  shipments INTEGER NOT NULL, delivered INTEGER NOT NULL, on_time INTEGER NOT NULL,\n"
  "  transit_count INTEGER NOT NULL, transit_days REAL NOT NULL,\n"
  "  PRIMARY KEY (day, carrier)\n"
  ") WITHOUT ROWID;\n"
  "CREATE TABLE kpi_survey_days (\n"
  "  day TEXT NOT NULL PRIMARY KEY,\n"
  "  surveys INTEGER NOT NULL, overall INTEGER NOT NULL,\n"
  "  accuracy_count INTEGER NOT NULL, accuracy INTEGER NOT NULL,\n"
  "  responsiveness_count INTEGER NOT NULL, responsiveness INTEGER NOT NULL,\n"
  "  resolution_count INTEGER NOT NULL, resolution INTEGER NOT NULL,\n"
  "  attitude_count INTEGER NOT NULL, attitude INTEGER NOT NULL,\n"
  "  quality_count INTEGER NOT NULL, quality INTEGER NOT NULL,\n"
  "  score_1 INTEGER NOT NULL, score_2 INTEGER NOT NULL, score_3 INTEGER NOT NULL,\n"
  "  score_4 INTEGER NOT NULL, score_5 INTEGER NOT NULL\n"
  ") WITHOUT ROWID;\n"
  /* the days of the rows there are */
  "INSERT INTO kpi_delivered_days (day, orders, on_time)\n"
  "  SELECT delivered_date, count(*), sum(" ORDER_ON_TIME ("o") ") FROM orders o\n"
  "  WHERE delivered_date IS NOT NULL AND deleted_at IS NULL GROUP BY 1;\n"
  "INSERT INTO kpi_created_days (day, orders, converted, quoted, delivered)\n"
  "  SELECT created_date, count(*), sum(" ORDER_CONVERTED ("o") "), sum(" ORDER_QUOTED ("o") "),\n"
  "    sum(" ORDER_DELIVERED ("o") ") FROM orders o WHERE deleted_at IS NULL GROUP BY 1;\n"
  "INSERT INTO kpi_confirmed_days (day, type, status, orders, amount)\n"
  "  SELECT confirmed_date, type, status, count(*), total(amount) FROM orders\n"
  "  WHERE confirmed_date IS NOT NULL AND deleted_at IS NULL GROUP BY 1, 2, 3;\n"
  "INSERT INTO kpi_case_days (day, complaint, category, cases, within_24h, closed)\n"
  "  SELECT substr(opened_at, 1, 10), type = 'complaint',\n"
  "    CASE WHEN type = 'complaint' THEN ifnull(category, '') ELSE '' END, count(*),\n"
  "    ifnull(sum(" CASE_WITHIN_24H ("c") "), 0), sum(" CASE_CLOSED ("c") ")\n"
  "  FROM cases c WHERE deleted_at IS NULL GROUP BY 1, 2, 3;\n"
  "INSERT INTO kpi_shipment_days (day, carrier, shipments, delivered, on_time, transit_count,\n"
  "    transit_days)\n"
  "  SELECT shipped_date, carrier, count(*), sum(delivered_date IS NOT NULL),\n"
  "    sum(delivered_date IS NOT NULL AND eta IS NOT NULL AND delivered_date <= eta),\n"
  "    count(" SHIPMENT_TRANSIT ("s") "), total(" SHIPMENT_TRANSIT ("s") ")\n"
  "  FROM shipments s WHERE shipped_date IS NOT NULL AND deleted_at IS NULL GROUP BY 1, 2;\n"
  "INSERT INTO kpi_survey_days\n"
  "  SELECT date, count(*), sum(overall), count(accuracy), ifnull(sum(accuracy), 0),\n"
  "    count(responsiveness), ifnull(sum(responsiveness), 0), count(resolution),\n"
  "    ifnull(sum(resolution), 0), count(attitude), ifnull(sum(attitude), 0),\n"
  "    count(quality), ifnull(sum(quality), 0),\n"
  "    sum(overall = 1), sum(overall = 2), sum(overall = 3), sum(overall = 4), sum(overall = 5)\n"
  "  FROM surveys WHERE deleted_at IS NULL GROUP BY 1;\n"
  /* orders: in the trash or out, and every date, type, status or amount change */
  "CREATE TRIGGER orders_kpi_ai AFTER INSERT ON orders WHEN new.deleted_at IS NULL BEGIN\n"
  ORDER_CREATED_DAY ("new", "+")
  ORDER_CONFIRMED_DAY ("new", "+")
  ORDER_DELIVERED_DAY ("new", "+")
  "END;\n"
  /* before: the order's events, which its quoted share reads, go with it */
  "CREATE TRIGGER orders_kpi_bd BEFORE DELETE ON orders WHEN old.deleted_at IS NULL BEGIN\n"
  ORDER_CREATED_DAY ("old", "-")
  ORDER_CONFIRMED_DAY ("old", "-")
  ORDER_DELIVERED_DAY ("old", "-")
  "END;\n"
  "CREATE TRIGGER orders_kpi_created_au\n"
  "  AFTER UPDATE OF id, created_date, confirmed_date, status, delivered_date, deleted_at\n"
  "  ON orders WHEN old.id IS NOT new.id OR old.created_date IS NOT new.created_date\n"
  "    OR " LIVE_CHANGED "\n"
  "    OR " ORDER_CONVERTED ("old") " <> " ORDER_CONVERTED ("new") "\n"
  "    OR " ORDER_QUOTED_BY_STATUS ("old") " <> " ORDER_QUOTED_BY_STATUS ("new") "\n"
  "    OR " ORDER_DELIVERED ("old") " <> " ORDER_DELIVERED ("new") " BEGIN\n"
  ORDER_CREATED_DAY ("old", "-")
  ORDER_CREATED_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER orders_kpi_confirmed_au\n"
  "  AFTER UPDATE OF confirmed_date, type, status, amount, deleted_at ON orders\n"
  "  WHEN old.confirmed_date IS NOT new.confirmed_date OR " LIVE_CHANGED "\n"
  "    OR (new.confirmed_date IS NOT NULL AND (old.type IS NOT new.type\n"
  "      OR old.status IS NOT new.status OR old.amount IS NOT new.amount)) BEGIN\n"
  ORDER_CONFIRMED_DAY ("old", "-")
  ORDER_CONFIRMED_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER orders_kpi_delivered_au\n"
  "  AFTER UPDATE OF delivered_date, promised_date, deleted_at ON orders\n"
  "  WHEN old.delivered_date IS NOT new.delivered_date OR " LIVE_CHANGED "\n"
  "    OR (new.delivered_date IS NOT NULL AND old.promised_date IS NOT new.promised_date)\n"
  "  BEGIN\n"
  ORDER_DELIVERED_DAY ("old", "-")
  ORDER_DELIVERED_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER order_events_kpi_ai AFTER INSERT ON order_events\n"
  "  WHEN new.to_status = 'quoted' BEGIN\n"
  EVENT_QUOTED ("new", "+")
  "END;\n"
  "CREATE TRIGGER order_events_kpi_ad AFTER DELETE ON order_events\n"
  "  WHEN old.to_status = 'quoted' BEGIN\n"
  EVENT_QUOTED ("old", "-")
  "END;\n"
  "CREATE TRIGGER order_events_kpi_au AFTER UPDATE OF order_id, to_status ON order_events\n"
  "  WHEN (old.to_status = 'quoted' OR new.to_status = 'quoted')\n"
  "    AND (old.order_id IS NOT new.order_id OR old.to_status IS NOT new.to_status) BEGIN\n"
  EVENT_QUOTED ("old", "-")
  EVENT_QUOTED ("new", "+")
  "END;\n"
  /* cases */
  "CREATE TRIGGER cases_kpi_ai AFTER INSERT ON cases WHEN new.deleted_at IS NULL BEGIN\n"
  CASE_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER cases_kpi_ad AFTER DELETE ON cases WHEN old.deleted_at IS NULL BEGIN\n"
  CASE_DAY ("old", "-")
  "END;\n"
  "CREATE TRIGGER cases_kpi_au\n"
  "  AFTER UPDATE OF opened_at, type, category, status, first_response_at, deleted_at\n"
  "  ON cases WHEN old.opened_at IS NOT new.opened_at OR old.type IS NOT new.type\n"
  "    OR old.category IS NOT new.category OR old.first_response_at IS NOT new.first_response_at\n"
  "    OR " CASE_CLOSED ("old") " <> " CASE_CLOSED ("new") "\n"
  "    OR " LIVE_CHANGED " BEGIN\n"
  CASE_DAY ("old", "-")
  CASE_DAY ("new", "+")
  "END;\n"
  /* shipments */
  "CREATE TRIGGER shipments_kpi_ai AFTER INSERT ON shipments WHEN new.deleted_at IS NULL\n"
  "  BEGIN\n"
  SHIPMENT_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER shipments_kpi_ad AFTER DELETE ON shipments WHEN old.deleted_at IS NULL\n"
  "  BEGIN\n"
  SHIPMENT_DAY ("old", "-")
  "END;\n"
  "CREATE TRIGGER shipments_kpi_au\n"
  "  AFTER UPDATE OF shipped_date, carrier, eta, delivered_date, deleted_at ON shipments\n"
  "  WHEN old.shipped_date IS NOT new.shipped_date OR old.carrier IS NOT new.carrier\n"
  "    OR old.eta IS NOT new.eta OR old.delivered_date IS NOT new.delivered_date\n"
  "    OR " LIVE_CHANGED " BEGIN\n"
  SHIPMENT_DAY ("old", "-")
  SHIPMENT_DAY ("new", "+")
  "END;\n"
  /* surveys */
  "CREATE TRIGGER surveys_kpi_ai AFTER INSERT ON surveys WHEN new.deleted_at IS NULL BEGIN\n"
  SURVEY_DAY ("new", "+")
  "END;\n"
  "CREATE TRIGGER surveys_kpi_ad AFTER DELETE ON surveys WHEN old.deleted_at IS NULL BEGIN\n"
  SURVEY_DAY ("old", "-")
  "END;\n"
  "CREATE TRIGGER surveys_kpi_au\n"
  "  AFTER UPDATE OF date, overall, accuracy, responsiveness, resolution, attitude, quality,\n"
  "    deleted_at ON surveys\n"
  "  WHEN old.date IS NOT new.date OR old.overall IS NOT new.overall\n"
  "    OR old.accuracy IS NOT new.accuracy OR old.responsiveness IS NOT new.responsiveness\n"
  "    OR old.resolution IS NOT new.resolution OR old.attitude IS NOT new.attitude\n"
  "    OR old.quality IS NOT new.quality OR " LIVE_CHANGED " BEGIN\n"
  SURVEY_DAY ("old", "-")
  SURVEY_DAY ("new", "+")
  "END;\n";

/* Step 5: the work report's interactions of a period (by channel, and the notable ones)
 * read from one index alone; a month of a large company holds 130,000 of them. */
static const char step_5[] =
  "CREATE INDEX interactions_by_period ON interactions(at, deleted_at, channel, customer_id,\n"
  "  case_id);\n";

/* Step 6: today's agenda (gdn-agenda.c) reads its candidates from indexes of them alone:
 * the payments of open orders (a few in a hundred, with what the agenda shows of them),
 * the orders in production, the follow-ups not in the trash, the birthdays, the reminder
 * rows without source_id (the demo writes tens of thousands), and a customer's
 * interactions with their trash mark, so that telling whether a follow-up is the
 * customer's latest reads no rows. */
static const char step_6[] =
  "CREATE INDEX orders_payment_open ON orders(payment_due, customer_id, order_no, status,\n"
  "  deleted_at)\n"
  "  WHERE deleted_at IS NULL AND payment_due IS NOT NULL\n"
  "    AND status NOT IN ('closed', 'cancelled', 'lost');\n"
  "CREATE INDEX orders_production_open ON orders(status, promised_date, customer_id,\n"
  "  order_no, deleted_at) WHERE status = 'in_production' AND deleted_at IS NULL;\n"
  "CREATE INDEX interactions_follow_up_open ON interactions(next_follow_up, customer_id, at,\n"
  "  deleted_at) WHERE deleted_at IS NULL AND next_follow_up IS NOT NULL;\n"
  "CREATE INDEX contacts_birthday ON contacts(birthday, customer_id, name, deleted_at)\n"
  "  WHERE deleted_at IS NULL AND birthday IS NOT NULL;\n"
  "CREATE INDEX reminders_legacy ON reminders(kind, due_at, order_id, case_id, contact_id,\n"
  "  customer_id, source_id, deleted_at) WHERE source_id IS NULL AND deleted_at IS NULL;\n"
  "DROP INDEX interactions_customer;\n"
  "CREATE INDEX interactions_customer ON interactions(customer_id, at, deleted_at);\n";

static const char * const steps[] = {
  step_1,
  step_2,
  step_3,
  step_4,
  step_5,
  step_6,
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

/* What the orders' insert trigger adds row by row, for every order above an id, in one
 * statement per table (an import writing many orders drops the trigger meanwhile) */
static const char order_days_after[] =
  "INSERT INTO kpi_created_days (day, orders, converted, quoted, delivered)\n"
  "  SELECT created_date, count(*), sum(" ORDER_CONVERTED ("o") "), sum(" ORDER_QUOTED ("o") "),\n"
  "    sum(" ORDER_DELIVERED ("o") ") FROM orders o WHERE id > %1$s AND deleted_at IS NULL\n"
  "  GROUP BY 1 ORDER BY 1\n"
  "  ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders,\n"
  "    converted = converted + excluded.converted, quoted = quoted + excluded.quoted,\n"
  "    delivered = delivered + excluded.delivered;\n"
  "INSERT INTO kpi_confirmed_days (day, type, status, orders, amount)\n"
  "  SELECT confirmed_date, type, status, count(*), total(amount) FROM orders\n"
  "  WHERE id > %1$s AND confirmed_date IS NOT NULL AND deleted_at IS NULL\n"
  "  GROUP BY 1, 2, 3 ORDER BY 1, 2, 3\n"
  "  ON CONFLICT (day, type, status) DO UPDATE SET orders = orders + excluded.orders,\n"
  "    amount = CASE WHEN orders + excluded.orders = 0 THEN 0.0\n"
  "      ELSE amount + excluded.amount END;\n"
  "INSERT INTO kpi_delivered_days (day, orders, on_time)\n"
  "  SELECT delivered_date, count(*), sum(" ORDER_ON_TIME ("o") ") FROM orders o\n"
  "  WHERE id > %1$s AND delivered_date IS NOT NULL AND deleted_at IS NULL\n"
  "  GROUP BY 1 ORDER BY 1\n"
  "  ON CONFLICT (day) DO UPDATE SET orders = orders + excluded.orders,\n"
  "    on_time = on_time + excluded.on_time;\n";

/**
 * gdn_migration_add_order_days:
 * @after_id: the orders above it are added
 *
 * Adds the shares of the orders above @after_id to the KPI day totals, as the orders'
 * insert trigger would have one by one. Runs inside the caller's transaction.
 */
gboolean
gdn_migration_add_order_days (sqlite3  *handle,
                              gint64    after_id,
                              GError  **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, after_id);
  g_autoptr(GString) sql = g_string_new (order_days_after);
  int rc;

  g_string_replace (sql, "%1$s", id, 0);
  rc = sqlite3_exec (handle, sql->str, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                   _("Cannot update the KPI totals: %s"), sqlite3_errmsg (handle));
      return FALSE;
    }
  return TRUE;
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

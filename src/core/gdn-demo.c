/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-demo-names.h"
#include "gdn-demo.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-shipment.h"

/* The demo data: 18 months of a trading/manufacturing business ending at an anchor date.
 *
 * Deterministic: every choice comes from one GRand seeded by the caller, in a fixed order,
 * and the only clock is the anchor date ("now" is noon of that day), so the same seed and
 * anchor give the same rows. Each order is simulated through its stages on a timeline
 * (quote, contract review, confirmation, production, quality check, shipping, delivery,
 * closing, or loss and cancellation); its status is the last stage reached by "now", and
 * every stage reached is an order event. Cases, surveys, interactions, contracts and
 * reminders hang off that timeline, so the flags and KPIs computed over the data look like
 * a real office's.
 *
 * Fast: rows go in through prepared statements reused for the whole run, one transaction
 * per chunk of orders; the search text of each chunk is then filled by one UPDATE per table
 * with the record class's own search expression, and the FTS triggers index it. */

#define DAY        ((gint64) 86400)
#define HOUR       ((gint64) 3600)
#define NONE       ((gint64) -1)
#define NEVER      G_MAXINT64
#define CHUNK      10000

typedef gint64 Day;    /* days since 1970-01-01 */
typedef gint64 Time;   /* seconds since 1970-01-01 00:00, local time */

G_DEFINE_QUARK (gdn-demo-error-quark, gdn_demo_error)

typedef struct
{
  char   *code;
  char   *name;
  char   *spec;
  const char *unit;
  double  price;
} Product;

typedef struct
{
  gint64      id;
  char       *code;
  char       *short_name;
  char       *address;
  char       *domain;
  const char *tier;
  const char *status;
  const char *owner;
  int         city;
  gint64      first_contact;
  int         n_contacts;
  int         products[6];
  int         n_products;
} Customer;

enum {
  ST_PRODUCT,
  ST_CUSTOMER,
  ST_CONTACT,
  ST_ORDER,
  ST_LINE,
  ST_EVENT,
  ST_SHIPMENT,
  ST_CASE,
  ST_SURVEY,
  ST_INTERACTION,
  ST_CONTRACT,
  ST_CONTRACT_ORDER,
  ST_APPROVAL,
  ST_AMENDMENT,
  ST_REMINDER,
  N_STATEMENTS
};

static const char * const statement_sql[N_STATEMENTS] = {
  [ST_PRODUCT] =
    "INSERT OR IGNORE INTO products (created_at, updated_at, code, name, spec, unit,"
    " unit_price) VALUES (?, ?, ?, ?, ?, ?, ?)",
  [ST_CUSTOMER] =
    "INSERT INTO customers (id, created_at, updated_at, code, name, short_name, industry,"
    " tier, status, address, phone, email, owner, preferences, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_CONTACT] =
    "INSERT INTO contacts (id, created_at, updated_at, customer_id, name, title, department,"
    " phone, email, im, birthday, role, stance, is_primary, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_ORDER] =
    "INSERT INTO orders (id, created_at, updated_at, deleted_at, order_no, customer_id, type,"
    " source, status, created_date, confirmed_date, promised_date, delivered_date,"
    " delivery_address, currency, payment_due, delay_reason, owner, missing_reason, notes,"
    " progress, amount, n_lines, status_changed_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_LINE] =
    "INSERT INTO order_lines (order_id, position, product_code, product_name, spec, unit,"
    " quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_EVENT] =
    "INSERT INTO order_events (order_id, at, from_status, to_status, note, who)"
    " VALUES (?, ?, ?, ?, ?, ?)",
  [ST_SHIPMENT] =
    "INSERT INTO shipments (created_at, updated_at, order_id, carrier, mode, tracking_no,"
    " shipped_date, eta, delivered_date, freight, receiver, status, receipt_confirmed)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_CASE] =
    "INSERT INTO cases (id, created_at, updated_at, case_no, customer_id, order_id, type,"
    " category, priority, status, opened_at, first_response_at, resolved_at, closed_at,"
    " subject, description, resolution, satisfaction, owner)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_SURVEY] =
    "INSERT INTO surveys (created_at, updated_at, customer_id, order_id, case_id, date,"
    " overall, accuracy, responsiveness, resolution, attitude, quality, recommend, comment)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_INTERACTION] =
    "INSERT INTO interactions (created_at, updated_at, deleted_at, customer_id, contact_id,"
    " order_id, case_id, channel, direction, at, summary, next_follow_up, who)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_CONTRACT] =
    "INSERT INTO contracts (id, created_at, updated_at, contract_no, customer_id, title,"
    " amount, signed_date, start_date, end_date, status, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_CONTRACT_ORDER] =
    "INSERT INTO contract_orders (contract_id, order_id) VALUES (?, ?)",
  [ST_APPROVAL] =
    "INSERT INTO contract_approvals (created_at, updated_at, contract_id, role, decision,"
    " comment, who, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  [ST_AMENDMENT] =
    "INSERT INTO contract_amendments (created_at, updated_at, contract_id, at, summary,"
    " amount_change, who) VALUES (?, ?, ?, ?, ?, ?, ?)",
  [ST_REMINDER] =
    "INSERT INTO reminders (created_at, updated_at, kind, title, due_at, customer_id,"
    " order_id, case_id, contact_id, done_at, snoozed_until, notes)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
};

/* The tables this run writes to with ids of their own, children before parents: their first
 * ids are noted so that a failed run can be taken back. */
enum {
  T_REMINDERS,
  T_INTERACTIONS,
  T_SURVEYS,
  T_CASES,
  T_SHIPMENTS,
  T_AMENDMENTS,
  T_APPROVALS,
  T_CONTRACTS,
  T_ORDERS,
  T_CONTACTS,
  T_CUSTOMERS,
  T_PRODUCTS,
  N_OWNED_TABLES
};

static const char * const owned_tables[N_OWNED_TABLES] = {
  [T_REMINDERS] = "reminders",
  [T_INTERACTIONS] = "interactions",
  [T_SURVEYS] = "surveys",
  [T_CASES] = "cases",
  [T_SHIPMENTS] = "shipments",
  [T_AMENDMENTS] = "contract_amendments",
  [T_APPROVALS] = "contract_approvals",
  [T_CONTRACTS] = "contracts",
  [T_ORDERS] = "orders",
  [T_CONTACTS] = "contacts",
  [T_CUSTOMERS] = "customers",
  [T_PRODUCTS] = "products",
};

typedef struct
{
  GRand          *rand;
  GdnDatabase    *database;
  sqlite3        *db;
  GError         *error;       /* the first failure; writes after it are skipped */

  Day             anchor;
  Day             start;       /* the first day of the 18 months */
  Time            now;         /* noon of the anchor date */
  guint           n_orders;

  Product        *products;
  guint           n_products;
  Customer       *customers;
  guint           n_customers;
  double         *weights;     /* cumulative pick weights of the customers */
  guint32        *cases_per_day;
  guint           n_days;

  gint64          first_ids[N_OWNED_TABLES];
  gint64          next_contact_id;
  gint64          next_order_id;
  gint64          next_case_id;
  gint64          next_contract_id;
  guint           contract_seq;
  /* round-robin of the states of current work, so every one of them is on screen */
  guint           n_current_cases;
  guint           n_current_complaints;
  guint           n_in_transit;
  guint           n_recent_contracts;

  sqlite3_stmt   *stmts[N_STATEMENTS];
  char            time_buffers[32][20];   /* bound dates and times, by parameter */
  GdnDemoCounts   counts;
} Demo;

/* A simulated order: what its children need to know. */
typedef struct
{
  gint64       id;
  char         no[24];
  Customer    *customer;
  const char  *owner;
  const char  *status;
  double       amount;
  const char  *product_name;
  Day          promised;
  Day          delivered;
  gboolean     late;
  const char  *carrier;
  Time         t_created;
  Time         t_shipped;
  Time         t_delivered;
} Order;

/* Calendar arithmetic without a clock (H. Hinnant's days-from-civil algorithms). */

static Day
days_from_civil (int y,
                 int m,
                 int d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (Day  z,
                 int *y,
                 int *m,
                 int *d)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int) (doy - (153 * mp + 2) / 5 + 1);
  *m = (int) (mp < 10 ? mp + 3 : mp - 9);
  *y = (int) (yoe + era * 400) + (*m <= 2);
}

static void
put_digits (char *p,
            int   value,
            int   width)
{
  for (int i = width - 1; i >= 0; i--)
    {
      p[i] = (char) ('0' + value % 10);
      value /= 10;
    }
}

static void
format_date (char buf[11],
             Day  day)
{
  int y, m, d;

  civil_from_days (day, &y, &m, &d);
  put_digits (buf, y, 4);
  buf[4] = '-';
  put_digits (buf + 5, m, 2);
  buf[7] = '-';
  put_digits (buf + 8, d, 2);
  buf[10] = '\0';
}

static void
format_time (char buf[20],
             Time t)
{
  gint64 s = t % DAY;

  format_date (buf, t / DAY);
  buf[10] = ' ';
  put_digits (buf + 11, (int) (s / HOUR), 2);
  buf[13] = ':';
  put_digits (buf + 14, (int) (s % HOUR / 60), 2);
  buf[16] = ':';
  put_digits (buf + 17, (int) (s % 60), 2);
  buf[19] = '\0';
}

/* 20250312 */
static void
format_compact_date (char buf[9],
                     Day  day)
{
  char iso[11];

  format_date (iso, day);
  memcpy (buf, iso, 4);
  memcpy (buf + 4, iso + 5, 2);
  memcpy (buf + 6, iso + 8, 2);
  buf[8] = '\0';
}

static int
weekday (Day day)
{
  return (int) ((day % 7 + 11) % 7);   /* 0 = Sunday; 1970-01-01 was a Thursday */
}

/* Random choices */

static int
rnd (Demo *d,
     int   n)
{
  return n <= 1 ? 0 : (int) g_rand_int_range (d->rand, 0, n);
}

static int
rnd_range (Demo *d,
           int   lo,
           int   hi)
{
  return lo >= hi ? lo : (int) g_rand_int_range (d->rand, lo, hi + 1);
}

static gboolean
chance (Demo   *d,
        double  p)
{
  return g_rand_double (d->rand) < p;
}

static int
pick (Demo      *d,
      const int *weights,
      int        n)
{
  int total = 0, r;

  for (int i = 0; i < n; i++)
    total += weights[i];
  r = rnd (d, total);
  for (int i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

#define PICK(d, pool) (&gdn_demo_##pool[rnd ((d), (int) gdn_demo_n_##pool)])

/* @n values in the proportions of @weights (each at least once when @n allows), in
 * random order: a stratified sample, so small runs still have a bit of everything. */
static int *
shuffled_quota (Demo      *d,
                const int *weights,
                int        n_values,
                guint      n)
{
  int *values = g_new (int, n);
  int total = 0, most = 0;
  guint filled = 0;

  for (int v = 0; v < n_values; v++)
    {
      total += weights[v];
      if (weights[v] > weights[most])
        most = v;
    }
  for (int v = 0; v < n_values; v++)
    {
      guint quota = (guint) ((double) n * weights[v] / total + 0.5);

      quota = MAX (quota, n >= (guint) n_values ? 1u : 0u);
      for (guint i = 0; i < quota && filled < n; i++)
        values[filled++] = v;
    }
  while (filled < n)
    values[filled++] = most;
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = (guint) rnd (d, (int) i + 1);
      int tmp = values[i];

      values[i] = values[j];
      values[j] = tmp;
    }
  return values;
}

static const char *
enum_value (const GdnEnumInfo *info,
            int                i)
{
  return info->values[i].value;
}

/* A time in office hours (08:30–18:30) on @day. */
static Time
work_time (Demo *d,
           Day   day)
{
  return day * DAY + 8 * HOUR + 1800 + rnd (d, 10 * (int) HOUR);
}

/* A time in office hours @days after @prev, and always after it. */
static Time
later (Demo *d,
       Time  prev,
       int   days)
{
  Time t = work_time (d, prev / DAY + days);

  if (t <= prev)
    t = prev + 600 + rnd (d, 2 * (int) HOUR);
  return t;
}

static double
round2 (double value)
{
  return round (value * 100.0) / 100.0;
}

static void
person_name (Demo              *d,
             char              *buf,
             gsize              size,
             const GdnDemoWord **surname,
             const GdnDemoWord **given)
{
  const GdnDemoWord *s = PICK (d, surnames);
  const GdnDemoWord *g = PICK (d, given_names);

  g_snprintf (buf, size, "%s%s", s->text, g->text);
  if (surname != NULL)
    *surname = s;
  if (given != NULL)
    *given = g;
}

static void
mobile_number (Demo  *d,
               char  *buf,
               gsize  size)
{
  static const char * const prefixes[] = {
    "138", "139", "137", "136", "135", "150", "151", "158", "159", "186", "187", "188", "189",
    "133", "153", "177", "180", "181", "199", "130", "131", "132", "155", "156", "185",
  };

  const char *prefix = prefixes[rnd (d, G_N_ELEMENTS (prefixes))];
  int middle = rnd (d, 10000);
  int tail = rnd (d, 10000);

  g_snprintf (buf, size, "%s%04d%04d", prefix, middle, tail);
}

/* Writing rows: each statement is bound, stepped and reset; the first error is kept and
 * every later write is skipped, so the generator reads as a plain simulation.
 *
 * A statement is always bound completely and run before the next one is bound, and the
 * text it is bound to lives until then (pools, customers, the caller's buffers, and the
 * per-parameter buffers below for dates), so nothing is copied: SQLITE_STATIC. */

static void
bind_text (sqlite3_stmt *stmt,
           int           i,
           const char   *value)
{
  if (value == NULL || *value == '\0')
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_text (stmt, i, value, -1, SQLITE_STATIC);
}

static void
bind_id (sqlite3_stmt *stmt,
         int           i,
         gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int64 (stmt, i, id);
}

static void
bind_day (Demo         *d,
          sqlite3_stmt *stmt,
          int           i,
          Day           day)
{
  char *buf = d->time_buffers[i];

  if (day == NONE)
    {
      sqlite3_bind_null (stmt, i);
      return;
    }
  format_date (buf, day);
  sqlite3_bind_text (stmt, i, buf, 10, SQLITE_STATIC);
}

static void
bind_time (Demo         *d,
           sqlite3_stmt *stmt,
           int           i,
           Time          t)
{
  char *buf = d->time_buffers[i];

  if (t == NONE)
    {
      sqlite3_bind_null (stmt, i);
      return;
    }
  format_time (buf, t);
  sqlite3_bind_text (stmt, i, buf, 19, SQLITE_STATIC);
}

static void
run (Demo         *d,
     sqlite3_stmt *stmt)
{
  if (d->error == NULL)
    {
      int rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        gdn_set_sqlite_error (d->db, rc, &d->error);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static gboolean
exec_sql (Demo       *d,
          const char *sql)
{
  int rc;

  if (d->error != NULL)
    return FALSE;
  rc = sqlite3_exec (d->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    gdn_set_sqlite_error (d->db, rc, &d->error);
  return d->error == NULL;
}

static gint64
query_int (Demo       *d,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 value = 0;
  int rc;

  if (d->error != NULL)
    return 0;
  rc = sqlite3_prepare_v2 (d->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    gdn_set_sqlite_error (d->db, rc, &d->error);
  return value;
}

/* Timestamps of a row, at parameters @first and @first + 1: created at @created, last
 * changed at @updated. */
static void
bind_stamps (Demo         *d,
             sqlite3_stmt *stmt,
             int           first,
             Time          created,
             Time          updated)
{
  bind_time (d, stmt, first, created);
  bind_time (d, stmt, first + 1, MAX (created, updated));
}

static void
add_reminder (Demo       *d,
              const char *kind,
              const char *title,
              Time        due,
              gint64      customer_id,
              gint64      order_id,
              gint64      case_id,
              gint64      contact_id,
              Time        done)
{
  sqlite3_stmt *s = d->stmts[ST_REMINDER];
  Time created = MIN (due - 3 * DAY, d->now - HOUR);

  bind_stamps (d, s, 1, created, done != NONE ? done : created);
  bind_text (s, 3, kind);
  bind_text (s, 4, title);
  bind_time (d, s, 5, due);
  bind_id (s, 6, customer_id);
  bind_id (s, 7, order_id);
  bind_id (s, 8, case_id);
  bind_id (s, 9, contact_id);
  bind_time (d, s, 10, done);
  bind_time (d, s, 11, NONE);
  bind_text (s, 12, NULL);
  run (d, s);
  d->counts.reminders++;
}

static gint64
random_contact (Demo     *d,
                Customer *c)
{
  return c->first_contact + rnd (d, c->n_contacts);
}

static void
add_interaction (Demo                *d,
                 Customer            *c,
                 gint64               order_id,
                 gint64               case_id,
                 const GdnDemoPhrase *phrase,
                 const char          *arg,
                 Time                 at,
                 Day                  next_follow_up,
                 const char          *who)
{
  sqlite3_stmt *s = d->stmts[ST_INTERACTION];
  char summary[256];
  Time deleted = NONE;

  if (at > d->now)
    return;

  /* the phrases are fixed data with at most one %s, documented in gdn-demo-names.h */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_snprintf (summary, sizeof summary, phrase->text, arg ? arg : "");
#pragma GCC diagnostic pop

  /* a few entries were thrown away by whoever wrote them */
  if (chance (d, 0.005) && at + DAY < d->now)
    deleted = at + DAY;

  bind_stamps (d, s, 1, at, deleted != NONE ? deleted : at);
  bind_time (d, s, 3, deleted);
  bind_id (s, 4, (gint64) c->id);
  bind_id (s, 5, random_contact (d, c));
  bind_id (s, 6, order_id);
  bind_id (s, 7, case_id);
  bind_text (s, 8, phrase->channel);
  bind_text (s, 9, phrase->direction);
  bind_time (d, s, 10, at);
  bind_text (s, 11, summary);
  bind_day (d, s, 12, next_follow_up);
  bind_text (s, 13, who);
  run (d, s);
  d->counts.interactions++;

  /* a follow-up around today is on someone's list */
  if (next_follow_up != NONE && deleted == NONE &&
      next_follow_up >= d->anchor - 7 && next_follow_up <= d->anchor + 7)
    {
      char title[300];
      Time due = next_follow_up * DAY + 9 * HOUR + 30 * 60;
      Time done = NONE;

      if (due < d->now && chance (d, 0.5))
        done = due + rnd_range (d, 1, 5) * HOUR;
      g_snprintf (title, sizeof title, "跟进%s：%s", c->short_name, summary);
      add_reminder (d, "follow_up", title, due, c->id, order_id, case_id, NONE, done);
    }
}

/* 广东省深圳市南山区科技园南路1019号科技大厦12楼 */
static void
street_address (Demo              *d,
                const GdnDemoCity *city,
                const char        *building,
                const char        *suffix,
                char              *buf,
                gsize              size)
{
  const char *district = city->districts[rnd (d, 4)];
  const char *road = city->roads[rnd (d, 4)];
  int number = rnd_range (d, 1, 999);

  g_snprintf (buf, size, "%s%s市%s%s%d号%s%s", city->province, city->name, district, road,
              number, building, suffix);
}

/* Catalog, customers and contacts */

static void
make_products (Demo *d)
{
  GArray *products = g_array_new (FALSE, TRUE, sizeof (Product));
  sqlite3_stmt *s = d->stmts[ST_PRODUCT];
  Time created = (d->start - 400) * DAY + 9 * HOUR;

  for (guint p = 0; p < gdn_demo_n_products; p++)
    {
      const GdnDemoProduct *dp = &gdn_demo_products[p];

      for (guint v = 0; v < G_N_ELEMENTS (dp->specs) && dp->specs[v] != NULL; v++)
        {
          Product product;

          product.code = g_strdup_printf ("%s-%02u%02u", dp->prefix, p + 1, v + 1);
          product.name = g_strdup (dp->name);
          product.spec = g_strdup (dp->specs[v]);
          product.unit = dp->unit;
          product.price = round2 (dp->price * (1.0 + 0.35 * v));
          g_array_append_val (products, product);

          bind_stamps (d, s, 1, created, created);
          bind_text (s, 3, product.code);
          bind_text (s, 4, product.name);
          bind_text (s, 5, product.spec);
          bind_text (s, 6, product.unit);
          sqlite3_bind_double (s, 7, product.price);
          run (d, s);
          d->counts.products += sqlite3_changes (d->db);
        }
    }

  d->n_products = products->len;
  d->products = (Product *) g_array_free (products, FALSE);
}

static void
make_contacts (Demo     *d,
               Customer *c,
               Time      created)
{
  static const int n_weights[] = { 0, 0, 30, 35, 22, 13 };   /* 2–5 contacts */
  static const int stance_weights[] = { 40, 45, 15 };
  const GdnDemoWord *titles[] = {
    NULL, NULL, NULL, NULL, NULL,
  };
  const guint n_titles[] = {
    gdn_demo_n_titles_economic, gdn_demo_n_titles_technical, gdn_demo_n_titles_user,
    gdn_demo_n_titles_financial, gdn_demo_n_titles_coach,
  };
  sqlite3_stmt *s = d->stmts[ST_CONTACT];
  gboolean has_economic = !chance (d, 0.15);
  int n = pick (d, n_weights, G_N_ELEMENTS (n_weights));
  char names[5][32];

  titles[0] = gdn_demo_titles_economic;
  titles[1] = gdn_demo_titles_technical;
  titles[2] = gdn_demo_titles_user;
  titles[3] = gdn_demo_titles_financial;
  titles[4] = gdn_demo_titles_coach;

  c->first_contact = d->next_contact_id;
  c->n_contacts = n;

  for (int i = 0; i < n; i++)
    {
      const GdnDemoWord *surname, *given, *title;
      char phone[16], email[96], im[48], notes[64] = "";
      int role, stance, tries = 0;
      gboolean unique;
      int by, bm, bd;
      Day birthday;

      /* a customer has one economic buyer at most, first; some have none */
      if (i == 0 && has_economic)
        role = 0;
      else
        role = rnd_range (d, 1, 4);
      stance = pick (d, stance_weights, G_N_ELEMENTS (stance_weights));

      do
        {
          person_name (d, names[i], sizeof names[i], &surname, &given);
          unique = TRUE;
          for (int j = 0; j < i; j++)
            if (strcmp (names[i], names[j]) == 0)
              unique = FALSE;
        }
      while (!unique && ++tries < 20);
      if (!unique)
        g_strlcat (names[i], "（新）", sizeof names[i]);

      title = &titles[role][rnd (d, (int) n_titles[role])];
      mobile_number (d, phone, sizeof phone);
      g_snprintf (email, sizeof email, "%s.%s@%s", given->extra, surname->extra, c->domain);
      if (chance (d, 0.5))
        g_strlcpy (im, phone, sizeof im);
      else
        g_snprintf (im, sizeof im, "%s%s%02d", surname->extra, given->extra, rnd (d, 100));
      by = rnd_range (d, 1965, 1998);
      bm = rnd_range (d, 1, 12);
      bd = rnd_range (d, 1, 28);
      birthday = days_from_civil (by, bm, bd);
      if (stance == 2)
        g_strlcpy (notes, "倾向竞争对手，沟通需谨慎", sizeof notes);
      else if (role == 4 && stance == 0)
        g_strlcpy (notes, "内部支持我方，可提供采购信息", sizeof notes);

      bind_id (s, 1, d->next_contact_id);
      bind_stamps (d, s, 2, created, created);
      bind_id (s, 4, c->id);
      bind_text (s, 5, names[i]);
      bind_text (s, 6, title->text);
      bind_text (s, 7, title->extra);
      bind_text (s, 8, phone);
      bind_text (s, 9, email);
      bind_text (s, 10, im);
      bind_day (d, s, 11, birthday);
      bind_text (s, 12, enum_value (&gdn_enum_contact_role, role));
      bind_text (s, 13, enum_value (&gdn_enum_contact_stance, stance));
      sqlite3_bind_int (s, 14, i == (n > 1 ? 1 : 0));
      bind_text (s, 15, notes);
      run (d, s);
      d->counts.contacts++;

      /* birthdays of the coming two weeks are reminders */
      {
        int ay, am, ad;
        Day this_year;

        civil_from_days (d->anchor, &ay, &am, &ad);
        this_year = days_from_civil (ay, bm, bd);
        if (this_year < d->anchor - 3)
          this_year = days_from_civil (ay + 1, bm, bd);
        if (this_year <= d->anchor + 14)
          {
            char reminder[96];
            Time due = this_year * DAY + 9 * HOUR;

            g_snprintf (reminder, sizeof reminder, "%s（%s）生日", names[i], c->short_name);
            add_reminder (d, "birthday", reminder, due, c->id, NONE, NONE, d->next_contact_id,
                          due < d->now ? due + HOUR : NONE);
          }
      }

      d->next_contact_id++;
    }
}

static void
make_customers (Demo *d)
{
  static const int tier_weights[] = { 6, 18, 38, 38 };          /* key, A, B, C */
  static const int status_weights[] = { 10, 72, 11, 7 };        /* prospect … lost */
  static const double tier_pick[] = { 10.0, 5.0, 2.0, 1.0 };
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree int *tiers = NULL;
  g_autofree int *statuses = NULL;
  sqlite3_stmt *s = d->stmts[ST_CUSTOMER];
  double total = 0;

  d->n_customers = MAX (12, d->n_orders / 20);
  d->customers = g_new0 (Customer, d->n_customers);
  d->weights = g_new0 (double, d->n_customers);
  tiers = shuffled_quota (d, tier_weights, G_N_ELEMENTS (tier_weights), d->n_customers);
  statuses = shuffled_quota (d, status_weights, G_N_ELEMENTS (status_weights), d->n_customers);

  for (guint i = 0; i < d->n_customers; i++)
    {
      Customer *c = &d->customers[i];
      const GdnDemoCity *city;
      const GdnDemoWord *brand, *brand2 = NULL;
      const GdnDemoIndustry *industry;
      char name[160], address[256], phone[24], email[96], domain[64];
      const char *building;
      int tier, status, tries = 0;
      gboolean municipality;
      Time created;

      do
        {
          const char *suffix;
          gboolean with_shi;

          city = PICK (d, cities);
          brand = PICK (d, brands);
          industry = PICK (d, industries);
          municipality = *city->province == '\0';
          /* names run out in big runs: then a two-brand name like 华强宏达 */
          brand2 = tries >= 10 ? PICK (d, brands) : NULL;
          with_shi = municipality || chance (d, 0.5);
          suffix = PICK (d, company_suffixes)->text;
          g_snprintf (name, sizeof name, "%s%s%s%s%s%s", city->name, with_shi ? "市" : "",
                      brand->text, brand2 ? brand2->text : "", industry->word, suffix);
        }
      while (g_hash_table_contains (names, name) && ++tries < 30);
      if (g_hash_table_contains (names, name))
        {
          char numbered[176];
          g_snprintf (numbered, sizeof numbered, "%s（%u）", name, i + 1);
          g_strlcpy (name, numbered, sizeof name);
        }
      g_hash_table_add (names, g_strdup (name));

      tier = tiers[i];
      status = statuses[i];
      building = PICK (d, buildings)->text;
      street_address (d, city, building, "", address, sizeof address);
      {
        int first_digit = rnd_range (d, 2, 8);
        int rest = rnd (d, 10000000);
        g_snprintf (phone, sizeof phone, "%s-%d%07d", city->area_code, first_digit, rest);
      }
      g_snprintf (domain, sizeof domain, "%s%s-%s.com", brand->extra,
                  brand2 ? brand2->extra : "", industry->domain);
      g_snprintf (email, sizeof email, "%s@%s",
                  chance (d, 0.5) ? "sales" : "purchase", domain);

      c->id = d->first_ids[T_CUSTOMERS] + i;
      c->code = g_strdup_printf ("KH%05u", i + 1);
      c->short_name = g_strdup_printf ("%s%s%s", brand->text, brand2 ? brand2->text : "",
                                       industry->word);
      c->address = g_strdup (address);
      c->domain = g_strdup (domain);
      c->tier = enum_value (&gdn_enum_customer_tier, tier);
      c->status = enum_value (&gdn_enum_customer_status, status);
      c->owner = PICK (d, owners)->text;
      c->city = (int) (city - gdn_demo_cities);
      c->n_products = rnd_range (d, 3, 6);
      for (int p = 0; p < c->n_products; p++)
        c->products[p] = rnd (d, (int) d->n_products);

      total += tier_pick[tier];
      d->weights[i] = total;

      created = work_time (d, d->start - rnd_range (d, 30, 1500));
      bind_id (s, 1, c->id);
      bind_stamps (d, s, 2, created, created);
      bind_text (s, 4, c->code);
      bind_text (s, 5, name);
      bind_text (s, 6, c->short_name);
      bind_text (s, 7, industry->industry);
      bind_text (s, 8, c->tier);
      bind_text (s, 9, c->status);
      bind_text (s, 10, address);
      bind_text (s, 11, phone);
      bind_text (s, 12, email);
      bind_text (s, 13, c->owner);
      bind_text (s, 14, PICK (d, preferences)->text);
      bind_text (s, 15, PICK (d, customer_notes)->text);
      run (d, s);
      d->counts.customers++;

      make_contacts (d, c, created);
    }
}

/* Picks a customer for an order created on @day: bigger accounts order more; dormant and
 * lost customers stopped ordering months ago. */
static Customer *
pick_customer (Demo *d,
               Day   day)
{
  Customer *c = NULL;

  for (int tries = 0; tries < 10; tries++)
    {
      double r = g_rand_double (d->rand) * d->weights[d->n_customers - 1];
      guint lo = 0, hi = d->n_customers - 1;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;
          if (d->weights[mid] > r)
            hi = mid;
          else
            lo = mid + 1;
        }
      c = &d->customers[lo];
      if (strcmp (c->status, "dormant") == 0 && day > d->anchor - 120)
        continue;
      if (strcmp (c->status, "lost") == 0 && day > d->anchor - 240)
        continue;
      break;
    }
  return c;
}

/* Order lines */

static double
line_quantity (Demo          *d,
               const Product *p)
{
  if (p->price >= 50000)
    return rnd_range (d, 1, 3);
  if (p->price >= 5000)
    return rnd_range (d, 1, 8);
  if (strcmp (p->unit, "台") == 0 || strcmp (p->unit, "套") == 0)
    return p->price >= 1000 ? rnd_range (d, 2, 40) : rnd_range (d, 10, 300);
  if (strcmp (p->unit, "件") == 0)
    return p->price >= 100 ? rnd_range (d, 2, 60) * 10 : rnd_range (d, 2, 50) * 100;
  if (strcmp (p->unit, "米") == 0 || strcmp (p->unit, "千克") == 0)
    return rnd_range (d, 2, 100) * 50;
  return rnd_range (d, 5, 200);   /* 箱 */
}

typedef struct
{
  const Product *product;
  double         quantity;
  double         price;
} Line;

static double
plan_lines (Demo  *d,
            Order *o,
            Line  *lines,
            int   *n_lines)
{
  /* about three lines an order (3.03), as the order books of such companies have */
  static const int n_weights[] = { 0, 14, 22, 27, 21, 16 };
  double amount = 0;
  int n = pick (d, n_weights, G_N_ELEMENTS (n_weights));
  Customer *c = o->customer;

  for (int i = 0; i < n; i++)
    {
      int p = chance (d, 0.8) ? c->products[rnd (d, c->n_products)] : rnd (d, (int) d->n_products);

      lines[i].product = &d->products[p];
      lines[i].quantity = line_quantity (d, lines[i].product);
      lines[i].price = round2 (lines[i].product->price * (0.92 + 0.13 * g_rand_double (d->rand)));
      /* the same additions, in the same order, as SQL's sum() over the lines */
      amount += lines[i].quantity * lines[i].price;
    }
  o->product_name = lines[0].product->name;
  *n_lines = n;
  return amount;
}

static void
write_lines (Demo       *d,
             Order      *o,
             const Line *lines,
             int         n)
{
  sqlite3_stmt *s = d->stmts[ST_LINE];

  for (int i = 0; i < n; i++)
    {
      bind_id (s, 1, o->id);
      sqlite3_bind_int (s, 2, i + 1);
      bind_text (s, 3, lines[i].product->code);
      bind_text (s, 4, lines[i].product->name);
      bind_text (s, 5, lines[i].product->spec);
      bind_text (s, 6, lines[i].product->unit);
      sqlite3_bind_double (s, 7, lines[i].quantity);
      sqlite3_bind_double (s, 8, lines[i].price);
      run (d, s);
    }
  d->counts.order_lines += n;
}

/* Cases and surveys */

static void
add_survey (Demo     *d,
            Customer *c,
            gint64    order_id,
            gint64    case_id,
            Day       day,
            gboolean  unhappy)
{
  static const int good[] = { 1, 1, 4, 13, 42, 39 };   /* overall 0 (never) … 5 */
  static const int bad[] = { 0, 10, 25, 38, 21, 6 };
  sqlite3_stmt *s = d->stmts[ST_SURVEY];
  int overall = pick (d, unhappy ? bad : good, 6);
  Time at;

  if (day > d->anchor)
    return;
  overall = MAX (overall, 1);
  at = work_time (d, day);

  bind_stamps (d, s, 1, at, at);
  bind_id (s, 3, c->id);
  bind_id (s, 4, order_id);
  bind_id (s, 5, case_id);
  bind_day (d, s, 6, day);
  sqlite3_bind_int (s, 7, overall);
  for (int i = 0; i < 5; i++)
    {
      int score = overall + rnd_range (d, -1, 1);
      sqlite3_bind_int (s, 8 + i, CLAMP (score, 1, 5));
    }
  {
    int recommend = overall * 2 + rnd_range (d, -2, 1);
    sqlite3_bind_int (s, 13, CLAMP (recommend, 0, 10));
  }
  bind_text (s, 14, overall >= 4 ? PICK (d, survey_good)->text : PICK (d, survey_bad)->text);
  run (d, s);
  d->counts.surveys++;
}

static const GdnDemoCaseText *
case_text (Demo *d,
           int   type,
           int   category)
{
  static const GdnDemoCaseText * const complaints[] = {
    gdn_demo_complaint_spec_mismatch, gdn_demo_complaint_late_delivery,
    gdn_demo_complaint_quality_defect, gdn_demo_complaint_slow_response,
    gdn_demo_complaint_payment_invoice, gdn_demo_complaint_other,
  };
  const guint *n_complaints[] = {
    &gdn_demo_n_complaint_spec_mismatch, &gdn_demo_n_complaint_late_delivery,
    &gdn_demo_n_complaint_quality_defect, &gdn_demo_n_complaint_slow_response,
    &gdn_demo_n_complaint_payment_invoice, &gdn_demo_n_complaint_other,
  };

  switch (type)
    {
    case 0:
      return PICK (d, inquiry_cases);
    case 1:
      return PICK (d, repair_cases);
    case 2:
      return &complaints[category][rnd (d, (int) *n_complaints[category])];
    default:
      return PICK (d, return_cases);
    }
}

/* @type and @category index gdn_enum_case_type and gdn_enum_complaint_category. A
 * @current case belongs to the desk's work of these days: it is moved later, from @opened
 * on, so that now falls in the next of the states open … resolved, in turn. */
static void
add_case (Demo     *d,
          Customer *c,
          gint64    order_id,
          int       type,
          int       category,
          Time      opened,
          gboolean  current)
{
  static const int complaint_priority[] = { 20, 45, 30, 5 };   /* urgent, high, normal, low */
  static const int repair_priority[] = { 15, 35, 40, 10 };
  static const int other_priority[] = { 0, 10, 60, 30 };
  static const int response[] = { 70, 18, 12 };   /* within 6 h, 6–24 h, late */
  sqlite3_stmt *s = d->stmts[ST_CASE];
  const GdnDemoCaseText *text = case_text (d, type, category);
  gint64 id = d->next_case_id++;
  Day day = opened / DAY;
  char no[24], compact[9];
  Time t_response, t_progress, t_resolved, t_closed, updated;
  int priority, status, satisfaction = -1;
  guint seq;

  if (opened > d->now)
    return;

  priority = pick (d, type == 2 ? complaint_priority : type == 1 ? repair_priority
                                                                 : other_priority, 4);
  switch (pick (d, response, G_N_ELEMENTS (response)))
    {
    case 0:
      t_response = opened + rnd_range (d, 600, 6 * (int) HOUR);
      break;
    case 1:
      t_response = opened + rnd_range (d, 6 * (int) HOUR, 23 * (int) HOUR);
      break;
    default:
      t_response = opened + rnd_range (d, 25 * (int) HOUR, 80 * (int) HOUR);
      break;
    }
  t_progress = t_response + rnd_range (d, (int) HOUR, 2 * (int) DAY);
  t_resolved = later (d, t_progress, chance (d, 0.05) ? rnd_range (d, 20, 60)
                                                      : rnd_range (d, 1, 10));
  /* closed once the customer confirms the fix */
  t_closed = later (d, t_resolved, rnd_range (d, 2, 10));

  if (current)
    {
      int target = (int) (d->n_current_cases % 4);
      Time shift;

      switch (target)
        {
        case 0:   /* waiting for its first answer; one in three past the 24 hours */
          shift = d->now - (opened + rnd_range (d, 600, chance (d, 0.33) ? 40 * (int) HOUR
                                                                        : 20 * (int) HOUR));
          t_response = MAX (t_response, d->now + HOUR - shift);
          break;
        case 1:
          shift = d->now - (t_response + (t_progress - t_response) / 2);
          break;
        case 2:
          shift = d->now - (t_progress + (t_resolved - t_progress) / 2);
          break;
        default:
          shift = d->now - (t_resolved + (t_closed - t_resolved) / 2);
          break;
        }
      /* too recent a delivery for that state: the case stays as it came, and the next
       * one takes the state */
      if (shift >= 0)
        {
          if (target == 0)
            t_progress = MAX (t_progress, t_response + HOUR);
          t_resolved = MAX (t_resolved, t_progress + HOUR);
          t_closed = MAX (t_closed, t_resolved + HOUR);
          opened += shift;
          t_response += shift;
          t_progress += shift;
          t_resolved += shift;
          t_closed += shift;
          day = opened / DAY;
          d->n_current_cases++;
        }
    }

  if (d->now < t_response)
    status = 0, updated = opened;
  else if (d->now < t_progress)
    status = 1, updated = t_response;
  else if (d->now < t_resolved)
    status = 2, updated = t_progress;
  else if (d->now < t_closed)
    status = 3, updated = t_resolved;
  else
    status = 4, updated = t_closed;

  if (status == 4 && chance (d, 0.7))
    satisfaction = t_response - opened > DAY ? rnd_range (d, 1, 3) : rnd_range (d, 3, 5);

  seq = ++d->cases_per_day[CLAMP (day - d->start, 0, (Day) d->n_days - 1)];
  format_compact_date (compact, day);
  g_snprintf (no, sizeof no, "GD%s%03u", compact, seq);

  bind_id (s, 1, id);
  bind_stamps (d, s, 2, opened, updated);
  bind_text (s, 4, no);
  bind_id (s, 5, c->id);
  bind_id (s, 6, order_id);
  bind_text (s, 7, enum_value (&gdn_enum_case_type, type));
  bind_text (s, 8, type == 2 ? enum_value (&gdn_enum_complaint_category, category) : NULL);
  bind_text (s, 9, enum_value (&gdn_enum_case_priority, priority));
  bind_text (s, 10, enum_value (&gdn_enum_case_status, status));
  bind_time (d, s, 11, opened);
  bind_time (d, s, 12, status >= 1 ? t_response : NONE);
  bind_time (d, s, 13, status >= 3 ? t_resolved : NONE);
  bind_time (d, s, 14, status >= 4 ? t_closed : NONE);
  bind_text (s, 15, text->subject);
  bind_text (s, 16, text->description);
  bind_text (s, 17, status >= 3 ? text->resolution : NULL);
  if (satisfaction > 0)
    sqlite3_bind_int (s, 18, satisfaction);
  bind_text (s, 19, c->owner);
  run (d, s);
  d->counts.cases++;

  if (chance (d, 0.5))
    add_interaction (d, c, order_id, id, &gdn_demo_case_phrases[chance (d, 0.5) ? 0 : 1],
                     text->subject, opened, NONE, c->owner);
  if (status >= 1 && chance (d, 0.8))
    add_interaction (d, c, order_id, id, &gdn_demo_case_phrases[2 + rnd (d, 2)],
                     text->subject, t_response, NONE, c->owner);

  /* the 24-hour first-response reminder of the last week's cases */
  if (opened > d->now - 7 * DAY)
    {
      char title[128];

      g_snprintf (title, sizeof title, "工单首次响应：%s %s", no, text->subject);
      add_reminder (d, "case_response", title, opened + DAY, c->id, order_id, id, NONE,
                    status >= 1 ? t_response : NONE);
    }

  if (status == 4 && chance (d, 0.35))
    add_survey (d, c, order_id, id, t_closed / DAY + rnd_range (d, 1, 5),
                satisfaction > 0 && satisfaction < 3);

  /* a customer left waiting more than a day sometimes complains about that too */
  if (type != 2 && t_response - opened > DAY && chance (d, 0.3))
    add_case (d, c, order_id, 2, 3, opened + DAY + rnd_range (d, 1, 6) * HOUR, FALSE);
}

/* Contracts: large orders of bigger accounts are signed as a contract reviewed by sales,
 * finance and legal before the order is confirmed. */

typedef struct
{
  gint64  id;
  Time    t_draft;
  Time    t_submitted;
  Time    t_approved;
  Time    t_signed;
} Contract;

static void
add_approval (Demo       *d,
              gint64      contract_id,
              int         role,
              const char *decision,
              const char *comment,
              const char *who,
              Time        at,
              Time        created)
{
  sqlite3_stmt *s = d->stmts[ST_APPROVAL];

  bind_stamps (d, s, 1, created, at != NONE ? at : created);
  bind_id (s, 3, contract_id);
  bind_text (s, 4, enum_value (&gdn_enum_approval_role, role));
  bind_text (s, 5, decision);
  bind_text (s, 6, comment);
  bind_text (s, 7, who);
  bind_time (d, s, 8, at);
  run (d, s);
  d->counts.contract_approvals++;
}

/* Plans the review of a contract drafted at @t_draft, for a deal that will be lost when
 * @doomed; returns the signing time. */
static Time
plan_contract (Demo     *d,
               Contract *k,
               Time      t_draft,
               gboolean  doomed)
{
  k->id = 0;
  k->t_draft = t_draft;
  k->t_submitted = later (d, t_draft, rnd_range (d, 1, 2));
  /* most reviews take days; some wait weeks on legal */
  k->t_approved = later (d, k->t_submitted, chance (d, 0.15) ? rnd_range (d, 10, 40)
                                                             : rnd_range (d, 1, 5));
  k->t_signed = later (d, k->t_approved, rnd_range (d, 2, 10));   /* the customer's seal */

  /* of the contracts under way now, in turn: one waits for a reviewer, one for the
   * customer's seal, one was just signed, one goes as planned */
  if (!doomed && k->t_submitted < d->now - 3 * HOUR && k->t_signed > d->now - 30 * DAY)
    {
      Time approved = d->now - rnd_range (d, 2, 48) * HOUR;
      Time signed_at = d->now - rnd_range (d, 1, 24) * HOUR;
      Time waiting = d->now + rnd_range (d, 1, 7) * DAY;

      approved = MAX (approved, k->t_submitted + HOUR);
      switch (d->n_recent_contracts++ % 4)
        {
        case 0:
          k->t_approved = MAX (k->t_approved, waiting);
          k->t_signed = later (d, k->t_approved, rnd_range (d, 2, 10));
          break;
        case 1:
          k->t_approved = MIN (k->t_approved, approved);
          k->t_signed = MAX (k->t_signed, waiting);
          break;
        case 2:
          k->t_approved = MIN (k->t_approved, approved);
          k->t_signed = MAX (signed_at, k->t_approved + HOUR);
          break;
        default:
          break;
        }
    }
  return k->t_signed;
}

static void
add_contract (Demo       *d,
              Contract   *k,
              Order      *o,
              Time        t_lost,
              Day         end)
{
  static const char * const approvers[] = { NULL, "财务部 吴芳", "法务部 林晓东" };
  const char *order_status = o->status;
  Customer *c = o->customer;
  sqlite3_stmt *s = d->stmts[ST_CONTRACT];
  Time horizon, decided[3], updated = k->t_draft;
  Time amendment_at[2];
  double amendment_change[2];
  const char *status, *title_format;
  char no[32], title[160], year[11];
  double amount = round2 (o->amount);
  gboolean rejected, lost;
  int rejected_role, n_amendments = 0;

  if (k->t_draft > d->now)
    return;

  lost = t_lost != NONE && t_lost <= d->now;
  horizon = lost ? t_lost : d->now;
  rejected = chance (d, 0.15);
  rejected_role = rnd_range (d, 1, 2);

  if (strcmp (order_status, "cancelled") == 0 && k->t_signed <= d->now)
    status = "terminated";
  else if (strcmp (order_status, "closed") == 0)
    status = "completed";
  else if (strcmp (order_status, "shipped") == 0 || strcmp (order_status, "delivered") == 0)
    status = "executing";   /* signed until the goods leave, executing until paid */
  else if (lost)
    status = "draft";   /* a lost deal leaves its contract where it stopped, unsigned */
  else if (k->t_signed <= horizon)
    status = "signed";
  else if (k->t_approved <= horizon)
    status = "approved";
  else if (k->t_submitted <= horizon)
    status = "in_review";
  else
    status = "draft";

  /* sales, then finance, then legal decide; legal's approval completes the review */
  {
    Time at = k->t_submitted;

    for (int role = 0; role < 3; role++)
      {
        if (role == 2)
          decided[role] = k->t_approved;
        else
          {
            Time t = later (d, at, rnd (d, 2));
            decided[role] = MIN (t, k->t_approved);
          }
        at = decided[role];
      }
  }
  if (k->t_submitted <= horizon)
    updated = MAX (updated, MIN (k->t_approved, horizon));
  if (k->t_signed <= horizon)
    updated = MAX (updated, k->t_signed);

  /* changes after signing, while the order runs; each adjusts the amount */
  if (strcmp (status, "executing") == 0 || strcmp (status, "completed") == 0)
    {
      Time from = k->t_signed;
      Time to = o->t_delivered != NONE ? MIN (o->t_delivered, d->now) : d->now;

      if (to > from && chance (d, 0.25))
        n_amendments = rnd_range (d, 1, 2);
      for (int i = 0; i < n_amendments; i++)
        {
          int percent = rnd_range (d, -5, 10);

          amendment_at[i] = from + (Time) (g_rand_double (d->rand) * (double) (to - from));
          amendment_change[i] = round (o->amount * percent / 100.0 / 100.0) * 100.0;
          amount = round2 (amount + amendment_change[i]);
          updated = MAX (updated, amendment_at[i]);
        }
    }

  k->id = d->next_contract_id++;
  format_date (year, k->t_draft / DAY);
  year[4] = '\0';
  g_snprintf (no, sizeof no, "HT%s-%05u", year, ++d->contract_seq);
  title_format = chance (d, 0.5) ? "%s%s采购合同" : "%s%s供货合同";
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_snprintf (title, sizeof title, title_format,
              strcmp (title_format, "%s%s采购合同") == 0 ? "" : c->short_name, o->product_name);
#pragma GCC diagnostic pop

  bind_id (s, 1, k->id);
  bind_stamps (d, s, 2, k->t_draft, updated);
  bind_text (s, 4, no);
  bind_id (s, 5, c->id);
  bind_text (s, 6, title);
  sqlite3_bind_double (s, 7, MAX (amount, 0));
  bind_day (d, s, 8, k->t_signed <= horizon ? k->t_signed / DAY : NONE);
  bind_day (d, s, 9, k->t_signed <= horizon ? k->t_signed / DAY : NONE);
  bind_day (d, s, 10, end);
  bind_text (s, 11, status);
  bind_text (s, 12, lost ? "项目未成交，合同未签" : NULL);
  run (d, s);
  d->counts.contracts++;

  s = d->stmts[ST_CONTRACT_ORDER];
  bind_id (s, 1, k->id);
  bind_id (s, 2, o->id);
  run (d, s);

  /* one reviewer may first send it back with a comment */
  if (k->t_submitted <= horizon)
    for (int role = 0; role < 3; role++)
      {
        const char *who = role == 0 ? o->owner : approvers[role];

        if (rejected && role == rejected_role && decided[role] <= horizon)
          {
            Time back = decided[role] - rnd_range (d, 1, 3) * DAY;

            back = MAX (back, k->t_submitted + HOUR);
            add_approval (d, k->id, role, "rejected", PICK (d, rejection_comments)->text, who,
                          back, k->t_submitted);
          }
        if (decided[role] <= horizon)
          add_approval (d, k->id, role, "approved", PICK (d, approval_comments)->text, who,
                        decided[role], k->t_submitted);
        else
          add_approval (d, k->id, role, "pending", NULL, NULL, NONE, k->t_submitted);
      }

  for (int i = 0; i < n_amendments; i++)
    {
      sqlite3_stmt *a = d->stmts[ST_AMENDMENT];

      bind_stamps (d, a, 1, amendment_at[i], amendment_at[i]);
      bind_id (a, 3, k->id);
      bind_time (d, a, 4, amendment_at[i]);
      bind_text (a, 5, PICK (d, amendments)->text);
      sqlite3_bind_double (a, 6, amendment_change[i]);
      bind_text (a, 7, o->owner);
      run (d, a);
      d->counts.contract_amendments++;
    }
}

/* Orders */

typedef struct
{
  Time        at;
  const char *status;
  const char *note;
  const char *who;
} Stage;

static void
add_stage (Stage      *stages,
           int        *n,
           Time        at,
           const char *status,
           const char *note,
           const char *who)
{
  stages[*n].at = at;
  stages[*n].status = status;
  stages[*n].note = note;
  stages[*n].who = who;
  (*n)++;
}

static const char *
delay_note (Demo *d,
            int   reason)
{
  switch (reason)
    {
    case 0:
      return PICK (d, delay_notes_supplier)->text;
    case 1:
      return PICK (d, delay_notes_production)->text;
    case 2:
      return PICK (d, delay_notes_logistics)->text;
    case 3:
      return PICK (d, delay_notes_customer)->text;
    default:
      return PICK (d, delay_notes_other)->text;
    }
}

static int
transit_days (Demo       *d,
              const char *mode)
{
  if (strcmp (mode, "sea") == 0)
    return rnd_range (d, 10, 20);
  if (strcmp (mode, "rail") == 0)
    return rnd_range (d, 4, 7);
  if (strcmp (mode, "road") == 0)
    return rnd_range (d, 2, 5);
  if (strcmp (mode, "air") == 0)
    return rnd_range (d, 1, 2);
  return rnd_range (d, 1, 3);
}

static void
add_shipment (Demo                 *d,
              Order                *o,
              const GdnDemoCarrier *carrier,
              const char           *mode,
              Time                  booked,
              Time                  t_shipped,
              Day                   eta,
              Time                  t_delivered)
{
  sqlite3_stmt *s = d->stmts[ST_SHIPMENT];
  char tracking[32], receiver[32];
  const char *status;
  double freight, rate, minimum;
  Time updated;
  int n = 0;

  if (booked > d->now)
    return;

  n = g_strlcpy (tracking, carrier->tracking_prefix, sizeof tracking);
  for (int i = 0; i < carrier->tracking_digits && n < (int) sizeof tracking - 1; i++)
    tracking[n++] = (char) ('0' + rnd (d, 10));
  tracking[n] = '\0';
  person_name (d, receiver, sizeof receiver, NULL, NULL);

  if (strcmp (mode, "express") == 0)
    rate = 0.01, minimum = 25;
  else if (strcmp (mode, "road") == 0)
    rate = 0.015, minimum = 200;
  else if (strcmp (mode, "air") == 0)
    rate = 0.04, minimum = 150;
  else
    rate = 0.025, minimum = 800;
  freight = o->amount * rate * (0.6 + 0.8 * g_rand_double (d->rand));
  freight = round2 (MAX (minimum, freight));

  if (t_shipped > d->now)
    status = "pending", updated = booked;
  else if (t_delivered == NEVER)
    status = "exception", updated = t_shipped + rnd_range (d, 2, 6) * DAY;
  else if (t_delivered <= d->now)
    status = "delivered", updated = t_delivered;
  else if (d->anchor > eta)
    status = chance (d, 0.2) ? "exception" : "delayed", updated = (eta + 1) * DAY + 9 * HOUR;
  else
    {
      /* of the consignments on the road, the carrier reports some delayed or in trouble */
      static const char * const on_the_road[] = {
        "in_transit", "delayed", "in_transit", "exception", "in_transit",
      };
      status = on_the_road[d->n_in_transit++ % G_N_ELEMENTS (on_the_road)];
      updated = t_shipped;
    }
  updated = MIN (updated, d->now);

  bind_stamps (d, s, 1, booked, updated);
  bind_id (s, 3, o->id);
  bind_text (s, 4, carrier->name);
  bind_text (s, 5, mode);
  bind_text (s, 6, t_shipped <= d->now ? tracking : NULL);
  bind_day (d, s, 7, t_shipped <= d->now ? t_shipped / DAY : NONE);
  bind_day (d, s, 8, t_shipped <= d->now ? eta : NONE);
  bind_day (d, s, 9, t_delivered <= d->now ? t_delivered / DAY : NONE);
  sqlite3_bind_double (s, 10, freight);
  bind_text (s, 11, receiver);
  bind_text (s, 12, status);
  sqlite3_bind_int (s, 13, strcmp (status, "delivered") == 0 && chance (d, 0.9));
  run (d, s);
  d->counts.shipments++;

  if (t_shipped <= d->now && t_delivered > d->now && eta >= d->anchor - 7 &&
      eta <= d->anchor + 3)
    {
      char title[128];

      g_snprintf (title, sizeof title, "到货确认：%s（%s %s）", o->no, carrier->name, tracking);
      add_reminder (d, "eta", title, eta * DAY + 16 * HOUR, o->customer->id, o->id, NONE,
                    NONE, NONE);
    }
}

/* What was said along an order's way: calls, mails, visits, with follow-ups. */
static void
add_order_interactions (Demo  *d,
                        Order *o,
                        int    fate,
                        Time   t_quoted,
                        Time   t_conf,
                        Time   t_prod,
                        Time   t_qc,
                        Time   t_cancel)
{
  Customer *c = o->customer;
  gboolean inquiry = strcmp (o->status, "inquiry") == 0;
  gboolean quoted = strcmp (o->status, "quoted") == 0;
  /* an open deal has its next call planned, some of them already overdue */
  Day follow = inquiry || quoted ? d->anchor + rnd_range (d, -5, 4) : NONE;

  if (chance (d, 0.6))
    add_interaction (d, c, o->id, NONE, PICK (d, inquiry_phrases), o->product_name,
                     o->t_created, inquiry ? follow : NONE, o->owner);
  if (fate != 0 && chance (d, 0.5))
    {
      const GdnDemoPhrase *phrase = PICK (d, quote_phrases);
      Time at = t_quoted + rnd_range (d, 600, 4 * (int) HOUR);

      add_interaction (d, c, o->id, NONE, phrase, NULL, at, quoted ? follow : NONE, o->owner);
    }
  if (t_conf != NONE && chance (d, 0.4))
    add_interaction (d, c, o->id, NONE, PICK (d, confirm_phrases), NULL, t_conf + 600, NONE,
                     o->owner);
  if (t_prod != NONE && t_cancel == NONE && chance (d, 0.25))
    {
      const GdnDemoPhrase *phrase = PICK (d, production_phrases);
      char percent[8];

      g_snprintf (percent, sizeof percent, "%d%%", rnd_range (d, 4, 7) * 10);
      add_interaction (d, c, o->id, NONE, phrase, percent, t_prod + (t_qc - t_prod) / 2, NONE,
                       o->owner);
    }
  if (o->t_shipped != NONE && chance (d, 0.4))
    add_interaction (d, c, o->id, NONE, PICK (d, shipping_phrases), o->carrier,
                     o->t_shipped + 1800, NONE, o->owner);
  if (o->delivered != NONE && chance (d, 0.25))
    {
      const GdnDemoPhrase *phrase = PICK (d, delivered_phrases);
      Time at = later (d, o->t_delivered, 1);
      Day next = chance (d, 0.15) ? o->delivered + rnd_range (d, 7, 30) : NONE;

      add_interaction (d, c, o->id, NONE, phrase, NULL, at, next, o->owner);
    }
  if (chance (d, 0.06))
    {
      const GdnDemoPhrase *phrase = PICK (d, relation_phrases);
      Time at = work_time (d, o->t_created / DAY + rnd_range (d, 0, 60));
      Day next = chance (d, 0.3) ? at / DAY + rnd_range (d, 7, 30) : NONE;

      add_interaction (d, c, NONE, NONE, phrase, NULL, at, next, c->owner);
    }
}

static void
make_order (Demo   *d,
            Day     day,
            guint   seq)
{
  static const int type_weights[] = { 70, 18, 12 };           /* regular, urgent, custom */
  static const int source_weights[] = { 20, 35, 20, 25 };     /* written, email, online, phone */
  static const int fate_weights[] = { 10, 20, 4, 66 };        /* lost early, lost, cancel, on */
  static const int reason_weights[] = { 30, 30, 25, 10, 5 };
  static const int carrier_weights[] = { 30, 16, 16, 14, 6, 6, 8, 4 };
  static const int urgent_carriers[] = { 0, 2, 3, 7 };
  sqlite3_stmt *s = d->stmts[ST_ORDER];
  Order o = { 0 };
  Stage stages[16];
  Line lines[5];
  Contract contract = { 0 };
  const GdnDemoCarrier *carrier;
  const char *mode, *status = NULL, *delay_reason = NULL, *missing_reason = NULL;
  const char *address, *who_prod, *who_qc, *source, *notes;
  gboolean trouble, prospect, has_contract = FALSE, missing_promised = FALSE;
  gboolean missing_address = FALSE, shipped = FALSE, deleted;
  char compact[9], alt_address[256];
  int n_stages = 0, n_reached = 0, n_lines, type, fate, reason = -1, delay = 0, progress = 0;
  int prod_days, transit, buffer;
  Time t, t_quoted, t_conf = NONE, t_prod = NONE, t_qc = NONE, t_ship = NONE, t_deliv = NONE;
  Time t_lost = NONE, t_cancel = NONE, t_last, t_booked = NONE;
  Day eta = NONE, payment_due = NONE;

  o.id = d->next_order_id++;
  format_compact_date (compact, day);
  g_snprintf (o.no, sizeof o.no, "XS%s%04u", compact, seq);
  o.customer = pick_customer (d, day);
  o.owner = chance (d, 0.85) ? o.customer->owner : PICK (d, owners)->text;
  o.promised = o.delivered = NONE;
  o.t_shipped = o.t_delivered = NONE;
  prospect = strcmp (o.customer->status, "prospect") == 0;

  type = pick (d, type_weights, G_N_ELEMENTS (type_weights));
  fate = pick (d, fate_weights, G_N_ELEMENTS (fate_weights));
  if (prospect && fate >= 2)
    fate = 1;   /* prospects ask and compare; they have not bought yet */

  /* the plan: production, carrier, transit and the promise made on confirmation */
  prod_days = type == 1 ? rnd_range (d, 3, 6) : type == 2 ? rnd_range (d, 20, 40)
                                                          : rnd_range (d, 10, 20);
  carrier = &gdn_demo_carriers[type == 1 ? urgent_carriers[rnd (d, 4)]
                               : pick (d, carrier_weights, G_N_ELEMENTS (carrier_weights))];
  mode = carrier->mode;
  if (strcmp (carrier->name, "京东物流") == 0 && chance (d, 0.3))
    mode = "road";
  transit = transit_days (d, mode);
  buffer = rnd_range (d, 2, 5);
  trouble = chance (d, 0.13);
  if (trouble)
    {
      reason = pick (d, reason_weights, G_N_ELEMENTS (reason_weights));
      delay = rnd_range (d, 3, 15);
    }
  who_prod = PICK (d, planners)->text;
  who_qc = PICK (d, inspectors)->text;

  t = work_time (d, day);
  if (t >= d->now)
    t = d->now - 60 - rnd (d, 3 * (int) HOUR);   /* today's orders came in this morning */
  o.t_created = t;
  add_stage (stages, &n_stages, t, "inquiry", "新建询盘", o.owner);
  t_quoted = later (d, t, rnd_range (d, 0, 3));

  o.amount = plan_lines (d, &o, lines, &n_lines);

  if (fate == 0)
    {
      t_lost = later (d, t, rnd_range (d, 3, 12));
      add_stage (stages, &n_stages, t_lost, "lost", PICK (d, lost_reasons)->text, o.owner);
    }
  else
    {
      add_stage (stages, &n_stages, t_quoted, "quoted", "已发送报价单", o.owner);

      /* large orders of bigger accounts are signed as a contract before confirmation */
      if (!prospect && strcmp (o.customer->tier, "C") != 0 && o.amount >= 50000 &&
          chance (d, 0.45))
        has_contract = TRUE;

      if (has_contract)
        {
          Time drafted = later (d, t_quoted, 0);
          Time signed_at = plan_contract (d, &contract, drafted, fate == 1);
          t_conf = later (d, signed_at, rnd_range (d, 0, 1));
        }
      else
        t_conf = later (d, t_quoted, rnd_range (d, 1, 10));

      if (fate == 1)
        {
          t_lost = later (d, t_quoted, rnd_range (d, 5, 25));
          if (has_contract)
            t_lost = MIN (t_lost, contract.t_signed - HOUR);
          t_lost = MAX (t_lost, t_quoted + HOUR);
          add_stage (stages, &n_stages, t_lost, "lost", PICK (d, lost_reasons)->text, o.owner);
          t_conf = NONE;
        }
    }

  if (t_conf != NONE)
    {
      Day confirmed = t_conf / DAY;
      int materials = rnd_range (d, 2, 7);   /* preparing materials */

      o.promised = confirmed + materials + prod_days + 1 + 1 + transit + buffer;
      payment_due = o.promised + (chance (d, 0.5) ? 30 : chance (d, 0.5) ? 60 : 90);
      add_stage (stages, &n_stages, t_conf, "confirmed", "客户确认订单，已回传确认书", o.owner);

      t_prod = later (d, t_conf, materials);
      if (fate == 2)
        t_cancel = later (d, t_conf, rnd_range (d, 2, 20));
      if (t_cancel == NONE || t_prod < t_cancel)
        add_stage (stages, &n_stages, t_prod, "in_production", "物料齐套，已排产", who_prod);

      t_qc = later (d, t_prod, trouble && reason != 2 ? prod_days + delay : prod_days);

      if (t_cancel != NONE)
        {
          t_cancel = MIN (t_cancel, t_qc - HOUR);
          add_stage (stages, &n_stages, t_cancel, "cancelled", PICK (d, cancel_reasons)->text,
                     o.owner);
        }
      else
        {
          int transit_actual;

          /* a production delay shows as the note of the production stage */
          if (trouble && reason != 2)
            stages[n_stages - 1].note = delay_note (d, reason);
          add_stage (stages, &n_stages, t_qc, "qc", "生产完成，送质检", who_prod);
          if (chance (d, 0.06))
            {
              Time t_rework = later (d, t_qc, rnd_range (d, 0, 1));

              add_stage (stages, &n_stages, t_rework, "in_production",
                         PICK (d, qc_failures)->text, who_qc);
              t_qc = later (d, t_rework, rnd_range (d, 2, 5));
              add_stage (stages, &n_stages, t_qc, "qc", "返工完成，重新送检", who_prod);
            }

          t_ship = later (d, t_qc, rnd_range (d, 1, 4));   /* inspection and packing */
          t_booked = t_ship - rnd_range (d, 1, 120) * HOUR;
          eta = t_ship / DAY + transit;
          if (trouble && reason == 2)
            transit_actual = transit + delay;
          else
            {
              /* carriers mostly keep their ETA; one shipment in five is a day or two late */
              static const int noise_weights[] = { 25, 55, 15, 5 };   /* -1, 0, +1, +2 days */

              transit_actual = transit + pick (d, noise_weights, 4) - 1;
              transit_actual = MAX (1, transit_actual);
            }
          t_deliv = later (d, t_ship, transit_actual);
          add_stage (stages, &n_stages, t_ship, "shipped", "质检合格，已发货", o.owner);
          /* now and then a consignment is lost or damaged and waits for the claim */
          if (chance (d, 0.005))
            t_deliv = NEVER;
          else
            {
              add_stage (stages, &n_stages, t_deliv, "delivered", "客户已签收", o.owner);
              add_stage (stages, &n_stages, later (d, t_deliv, rnd_range (d, 10, 45)),
                         "closed", "货款已结清，订单关闭", o.owner);
            }
          o.t_shipped = t_ship <= d->now ? t_ship : NONE;
          o.t_delivered = t_deliv <= d->now ? t_deliv : NONE;
          o.carrier = carrier->name;
          shipped = TRUE;
        }

      /* a few orders went ahead with a field missing, most with the reason written down */
      if (chance (d, 0.03))
        {
          if (chance (d, 0.5))
            missing_promised = TRUE;
          else
            missing_address = TRUE;
          if (chance (d, 0.75))
            missing_reason = PICK (d, missing_reasons)->text;
        }
    }

  /* the order is as far as it got by now */
  while (n_reached < n_stages && stages[n_reached].at <= d->now)
    n_reached++;
  status = o.status = stages[n_reached - 1].status;
  t_last = stages[n_reached - 1].at;
  if (t_conf > d->now)
    t_conf = NONE;

  if (strcmp (status, "in_production") == 0)
    progress = (int) CLAMP ((d->now - t_prod) * 100 / MAX (t_qc - t_prod, 1), 0, 95);
  else if (strcmp (status, "qc") == 0 || strcmp (status, "shipped") == 0 ||
           strcmp (status, "delivered") == 0 || strcmp (status, "closed") == 0)
    progress = 100;

  if (o.t_delivered != NONE)
    {
      o.delivered = o.t_delivered / DAY;
      o.late = o.delivered > o.promised;
      /* most late orders have their reason written down; the rest still ask for one */
      if (o.late && trouble && chance (d, 0.85))
        delay_reason = enum_value (&gdn_enum_delay_reason, reason);
    }

  if (missing_address)
    address = NULL;
  else if (chance (d, 0.15))
    {
      street_address (d, &gdn_demo_cities[o.customer->city], o.customer->short_name, "仓库",
                      alt_address, sizeof alt_address);
      address = alt_address;
    }
  else
    address = o.customer->address;

  source = enum_value (&gdn_enum_order_source,
                       pick (d, source_weights, G_N_ELEMENTS (source_weights)));
  notes = chance (d, 0.1) ? PICK (d, order_notes)->text : NULL;
  /* duplicate inquiries that someone moved to the trash */
  deleted = (strcmp (status, "inquiry") == 0 || strcmp (status, "lost") == 0) &&
            t + 2 * DAY < d->now && chance (d, 0.01);

  bind_id (s, 1, o.id);
  bind_stamps (d, s, 2, t, t_last);
  bind_time (d, s, 4, deleted ? t + 2 * DAY : NONE);
  bind_text (s, 5, o.no);
  bind_id (s, 6, o.customer->id);
  bind_text (s, 7, enum_value (&gdn_enum_order_type, type));
  bind_text (s, 8, source);
  bind_text (s, 9, status);
  bind_day (d, s, 10, day);
  bind_day (d, s, 11, t_conf != NONE ? t_conf / DAY : NONE);
  bind_day (d, s, 12, t_conf != NONE && !missing_promised ? o.promised : NONE);
  bind_day (d, s, 13, o.delivered);
  bind_text (s, 14, address);
  bind_day (d, s, 15, t_conf != NONE ? payment_due : NONE);
  bind_text (s, 16, delay_reason);
  bind_text (s, 17, o.owner);
  bind_text (s, 18, missing_reason);
  bind_text (s, 19, notes);
  sqlite3_bind_int (s, 20, progress);
  sqlite3_bind_double (s, 21, o.amount);
  sqlite3_bind_int (s, 22, n_lines);
  bind_time (d, s, 23, t_last);
  run (d, s);
  d->counts.orders++;

  write_lines (d, &o, lines, n_lines);

  /* every stage reached is an event */
  {
    sqlite3_stmt *e = d->stmts[ST_EVENT];
    const char *from = NULL;

    for (int i = 0; i < n_reached; i++)
      {
        bind_id (e, 1, o.id);
        bind_time (d, e, 2, stages[i].at);
        bind_text (e, 3, from);
        bind_text (e, 4, stages[i].status);
        bind_text (e, 5, stages[i].note);
        bind_text (e, 6, stages[i].who);
        run (d, e);
        from = stages[i].status;
      }
    d->counts.order_events += n_reached;
  }

  if (shipped)
    add_shipment (d, &o, carrier, mode, t_booked, t_ship, eta, t_deliv);

  if (has_contract)
    add_contract (d, &contract, &o, t_lost, o.promised != NONE ? o.promised + 90 : NONE);

  add_order_interactions (d, &o, fate, t_quoted, t_conf, t_prod, t_qc, t_cancel);

  /* after-sales */
  if (o.delivered != NONE && o.late && chance (d, 0.4))
    {
      Time opened = work_time (d, o.promised + rnd_range (d, 1, 3));
      add_case (d, o.customer, o.id, 2, 1, opened, FALSE);
    }
  if (o.t_shipped != NONE && chance (d, 0.08))
    {
      static const int case_types[] = { 10, 30, 40, 20 };   /* inquiry, repair, … */
      static const int categories[] = { 20, 5, 30, 15, 15, 15 };
      int case_type = pick (d, case_types, G_N_ELEMENTS (case_types));
      int category = case_type == 2 ? pick (d, categories, G_N_ELEMENTS (categories)) : -1;
      Time from = o.t_delivered != NONE ? o.t_delivered : o.t_shipped;

      add_case (d, o.customer, o.id, case_type, category, later (d, from, rnd_range (d, 1, 30)),
                FALSE);
    }
  if (chance (d, 0.02))
    add_case (d, o.customer, NONE, 0, -1, later (d, t, rnd_range (d, 0, 20)), FALSE);
  /* the desk's current work: questions about last month's deliveries, some still open */
  if (o.delivered != NONE && o.delivered >= d->anchor - 30 && chance (d, 0.25))
    {
      static const int case_types[] = { 30, 25, 30, 15 };
      int case_type = pick (d, case_types, G_N_ELEMENTS (case_types));
      int category = case_type == 2 ? (int) (d->n_current_complaints++ % 6) : -1;

      add_case (d, o.customer, o.id, case_type, category, o.t_delivered + HOUR, TRUE);
    }

  if (o.delivered != NONE && chance (d, 0.18))
    add_survey (d, o.customer, o.id, NONE, o.delivered + rnd_range (d, 3, 15), o.late);

  /* reminders of what is due around today */
  if (t_conf != NONE && strcmp (status, "cancelled") != 0 &&
      payment_due >= d->anchor - 15 && payment_due <= d->anchor + 10)
    {
      char title[96];
      Time due = payment_due * DAY + 9 * HOUR;
      Time done = NONE;

      if (strcmp (status, "closed") == 0)
        done = MIN (t_last, d->now);
      else if (due < d->now && chance (d, 0.3))
        done = due + rnd_range (d, 1, 6) * HOUR;
      g_snprintf (title, sizeof title, "催收货款：%s", o.no);
      add_reminder (d, "payment_due", title, due, o.customer->id, o.id, NONE, NONE, done);
    }
  if (strcmp (status, "in_production") == 0 &&
      t_qc / DAY >= d->anchor - 3 && t_qc / DAY <= d->anchor + 7)
    {
      char title[96];

      g_snprintf (title, sizeof title, "生产完成确认：%s", o.no);
      add_reminder (d, "production", title, (t_qc / DAY) * DAY + 10 * HOUR, o.customer->id,
                    o.id, NONE, NONE, NONE);
    }
}

/* Day of each order: more on weekdays, fewer around the Spring Festival and the National
 * Day holiday, and a business that grows over the 18 months. */
static double
day_weight (Demo *d,
            Day   day)
{
  int y, m, dd, wd = weekday (day);
  double w = wd == 0 ? 0.1 : wd == 6 ? 0.35 : 1.0;

  civil_from_days (day, &y, &m, &dd);
  if (m == 2)
    w *= 0.55;
  if (m == 10 && dd <= 7)
    w *= 0.4;
  return w * (0.85 + 0.3 * (double) (day - d->start) / (double) (d->anchor - d->start + 1));
}

static void
finalize_statements (Demo *d)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    g_clear_pointer (&d->stmts[i], sqlite3_finalize);
}

static gboolean
prepare_statements (Demo *d)
{
  for (guint i = 0; i < N_STATEMENTS; i++)
    {
      int rc = sqlite3_prepare_v3 (d->db, statement_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                                   &d->stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          gdn_set_sqlite_error (d->db, rc, &d->error);
          return FALSE;
        }
    }
  return TRUE;
}

/* Fills search_text of @type's rows whose @column is in [@first, @last] with the class's
 * own expression; the FTS triggers index it. */
static void
refresh_search (Demo       *d,
                GType       type,
                const char *column,
                gint64      first,
                gint64      last)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (d->error != NULL || last < first)
    return;

  sql = g_strdup_printf ("UPDATE %s SET search_text = (%s) WHERE %s BETWEEN ? AND ?",
                         gdn_record_class_get_table (klass),
                         gdn_record_class_get_search_expr (klass), column);
  rc = sqlite3_prepare_v2 (d->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (d->db, rc, &d->error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, first);
  sqlite3_bind_int64 (stmt, 2, last);
  run (d, stmt);
}

static void
begin (Demo *d)
{
  exec_sql (d, "BEGIN IMMEDIATE");
}

static void
commit (Demo *d)
{
  if (d->error != NULL || !exec_sql (d, "COMMIT"))
    gdn_database_rollback (d->database);
}

static void
add_custom_reminders (Demo *d)
{
  for (guint i = 0; i < gdn_demo_n_owners; i++)
    for (int j = 0; j < 3; j++)
      {
        Customer *c = &d->customers[rnd (d, (int) d->n_customers)];
        const char *format = PICK (d, custom_reminders)->text;
        /* the first reminder of each person is due today, the others around it */
        Day day = j == 0 ? d->anchor : d->anchor + rnd_range (d, -4, 6);
        Time due = day * DAY + (j == 0 ? 10 + (Time) i % 6 : 9 + rnd (d, 8)) * HOUR;
        char title[160];

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        g_snprintf (title, sizeof title, format, c->short_name);
#pragma GCC diagnostic pop
        add_reminder (d, "custom", title, due, c->id, NONE, NONE, NONE,
                      due < d->now - DAY && chance (d, 0.5) ? due + HOUR : NONE);
      }
}

static void
write_audit (Demo    *d,
             guint32  seed)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *changes = NULL;
  char anchor[11];
  struct { const char *name; gint64 value; } counts[] = {
    { "products", d->counts.products }, { "customers", d->counts.customers },
    { "contacts", d->counts.contacts }, { "orders", d->counts.orders },
    { "order_lines", d->counts.order_lines }, { "order_events", d->counts.order_events },
    { "shipments", d->counts.shipments }, { "cases", d->counts.cases },
    { "surveys", d->counts.surveys }, { "interactions", d->counts.interactions },
    { "contracts", d->counts.contracts }, { "reminders", d->counts.reminders },
  };
  int rc;

  format_date (anchor, d->anchor);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seed");
  json_builder_add_int_value (builder, seed);
  json_builder_set_member_name (builder, "anchor");
  json_builder_add_string_value (builder, anchor);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  changes = json_generator_to_data (generator, NULL);

  if (d->error != NULL)
    return;
  /* the one moment that is not simulated: when the demo data was written */
  rc = sqlite3_prepare_v2 (d->db,
                           "INSERT INTO audit_log (at, who, table_name, record_id, action,"
                           " changes) VALUES (datetime('now','localtime'), ?, 'database', NULL,"
                           " 'demo', ?)", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (d->db, rc, &d->error);
      return;
    }
  sqlite3_bind_text (stmt, 1, g_get_user_name (), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, changes, -1, SQLITE_TRANSIENT);
  run (d, stmt);
}

/* After a failure, takes back every row this run wrote, so no half demo is left. */
static void
remove_partial (Demo *d)
{
  for (guint i = 0; i < G_N_ELEMENTS (owned_tables); i++)
    {
      g_autofree char *sql = NULL;

      /* orders take their lines, events and contract links with them (ON DELETE CASCADE) */
      sql = g_strdup_printf ("DELETE FROM %s WHERE id >= %" G_GINT64_FORMAT,
                             owned_tables[i], d->first_ids[i]);
      sqlite3_exec (d->db, sql, NULL, NULL, NULL);
    }
}

static void
demo_clear (Demo *d)
{
  finalize_statements (d);
  for (guint i = 0; i < d->n_products; i++)
    {
      g_free (d->products[i].code);
      g_free (d->products[i].name);
      g_free (d->products[i].spec);
    }
  for (guint i = 0; i < d->n_customers; i++)
    {
      g_free (d->customers[i].code);
      g_free (d->customers[i].short_name);
      g_free (d->customers[i].address);
      g_free (d->customers[i].domain);
    }
  g_free (d->products);
  g_free (d->customers);
  g_free (d->weights);
  g_free (d->cases_per_day);
  g_clear_pointer (&d->rand, g_rand_free);
  g_clear_error (&d->error);
}

static gboolean
parse_anchor (const char  *anchor,
              Day         *day,
              GError     **error)
{
  int y, m, dd;

  if (!gdn_date_is_valid (anchor) || sscanf (anchor, "%4d-%2d-%2d", &y, &m, &dd) != 3)
    {
      g_set_error (error, GDN_DEMO_ERROR, GDN_DEMO_ERROR_INVALID,
                   _("The anchor date “%s” is not a date (YYYY-MM-DD)"), anchor);
      return FALSE;
    }
  *day = days_from_civil (y, m, dd);
  return TRUE;
}

/**
 * gdn_demo_generate:
 * @seed: the seed of the generator: the same seed and anchor give the same data
 * @n_orders: how many orders; customers, shipments, cases, surveys and interactions follow
 *   in proportion (%GDN_DEMO_DEFAULT_ORDERS is a small office's year and a half)
 * @anchor: (nullable): the last day of the 18 months, 'YYYY-MM-DD'; %NULL for today
 * @progress: (nullable) (scope call): called after each committed chunk of orders
 * @counts: (out) (optional): what was written
 *
 * Fills an empty database with demo data. A database that already holds customers or
 * orders is refused (%GDN_DEMO_ERROR_NOT_EMPTY), so demo data never mixes with real data.
 * On failure, the rows already written are removed again.
 */
gboolean
gdn_demo_generate (GdnDatabase          *database,
                   guint32               seed,
                   guint                 n_orders,
                   const char           *anchor,
                   GdnDemoProgressFunc   progress,
                   gpointer              user_data,
                   GdnDemoCounts        *counts,
                   GError              **error)
{
  g_autofree char *today = NULL;
  g_autofree double *cumulative = NULL;
  Demo demo = { 0 };
  Demo *d = &demo;
  gint64 cache_size, temp_store;
  double total_weight = 0, acc = 0;
  Day day, current_day = NONE;
  guint seq = 0;
  int y, m, dd;

  g_return_val_if_fail (GDN_IS_DATABASE (database), FALSE);

  if (n_orders < 1 || n_orders > GDN_DEMO_MAX_ORDERS)
    {
      g_set_error (error, GDN_DEMO_ERROR, GDN_DEMO_ERROR_INVALID,
                   _("The number of orders must be between 1 and %d"), GDN_DEMO_MAX_ORDERS);
      return FALSE;
    }
  if (anchor == NULL)
    anchor = today = gdn_today ();
  if (!parse_anchor (anchor, &d->anchor, error))
    return FALSE;
  if (gdn_database_is_read_only (database))
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                   _("The database is open read-only; changes cannot be saved"));
      return FALSE;
    }

  d->database = database;
  d->db = gdn_database_get_handle (database);
  d->n_orders = n_orders;
  d->now = d->anchor * DAY + 12 * HOUR;
  civil_from_days (d->anchor, &y, &m, &dd);
  m -= 18;
  while (m < 1)
    {
      m += 12;
      y--;
    }
  dd = MIN (dd, g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y));
  d->start = days_from_civil (y, m, dd) + 1;
  d->n_days = (guint) (d->anchor - d->start + 1);

  if (query_int (d, "SELECT EXISTS (SELECT 1 FROM orders) OR EXISTS (SELECT 1 FROM customers)"))
    {
      g_set_error (error, GDN_DEMO_ERROR, GDN_DEMO_ERROR_NOT_EMPTY,
                   _("The database already holds customers or orders; demo data is only "
                     "added to an empty database, so it never mixes with real data. Use "
                     "--database with a new file"));
      return FALSE;
    }
  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (owned_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ifnull(max(id), 0) + 1 FROM %s",
                                              owned_tables[i]);
      d->first_ids[i] = query_int (d, sql);
    }
  d->next_contact_id = d->first_ids[T_CONTACTS];
  d->next_order_id = d->first_ids[T_ORDERS];
  d->next_contract_id = d->first_ids[T_CONTRACTS];
  d->next_case_id = d->first_ids[T_CASES];

  d->rand = g_rand_new_with_seed (seed);
  d->cases_per_day = g_new0 (guint32, d->n_days);

  /* A larger page cache while writing, since the indexes on orders take keys in random
   * order; and statement journals in memory: every insert that fires an FTS trigger inside
   * the chunk's transaction journals its pages, which otherwise goes to a temporary file. */
  cache_size = query_int (d, "PRAGMA cache_size");
  temp_store = query_int (d, "PRAGMA temp_store");
  exec_sql (d, "PRAGMA cache_size = -131072");
  exec_sql (d, "PRAGMA temp_store = MEMORY");

  if (prepare_statements (d))
    {
      begin (d);
      make_products (d);
      make_customers (d);
      refresh_search (d, GDN_TYPE_CUSTOMER, "id", d->first_ids[T_CUSTOMERS],
                      d->first_ids[T_CUSTOMERS] + d->n_customers - 1);
      add_custom_reminders (d);
      commit (d);
    }

  /* orders are spread over the days by weight, in date order, numbered per day */
  cumulative = g_new (double, d->n_days);
  for (guint i = 0; i < d->n_days; i++)
    {
      total_weight += day_weight (d, d->start + i);
      cumulative[i] = total_weight;
    }

  day = 0;
  for (guint first = 0; first < n_orders && d->error == NULL; first += CHUNK)
    {
      guint last = MIN (first + CHUNK, n_orders);
      gint64 first_order = d->next_order_id, first_case = d->next_case_id;
      gint64 first_contract = d->next_contract_id;

      begin (d);
      for (guint i = first; i < last && d->error == NULL; i++)
        {
          acc = ((double) i + 0.5) / (double) n_orders * total_weight;
          while (day < d->n_days - 1 && cumulative[day] < acc)
            day++;
          if (d->start + day != current_day)
            {
              current_day = d->start + day;
              seq = 0;
            }
          make_order (d, current_day, ++seq);
        }
      refresh_search (d, GDN_TYPE_ORDER, "id", first_order, d->next_order_id - 1);
      refresh_search (d, GDN_TYPE_SHIPMENT, "order_id", first_order, d->next_order_id - 1);
      refresh_search (d, GDN_TYPE_CASE, "id", first_case, d->next_case_id - 1);
      refresh_search (d, GDN_TYPE_CONTRACT, "id", first_contract, d->next_contract_id - 1);
      if (last == n_orders)
        write_audit (d, seed);
      commit (d);

      if (d->error == NULL && progress != NULL)
        progress (last, n_orders, user_data);
    }

  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT ";"
                                                " PRAGMA temp_store = %" G_GINT64_FORMAT,
                                                cache_size, temp_store);
    sqlite3_exec (d->db, restore, NULL, NULL, NULL);
  }

  if (d->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&d->error));
      if (sqlite3_exec (d->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
        {
          remove_partial (d);
          if (sqlite3_exec (d->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            gdn_database_rollback (database);
        }
      demo_clear (d);
      return FALSE;
    }

  if (counts != NULL)
    *counts = d->counts;
  demo_clear (d);
  return TRUE;
}

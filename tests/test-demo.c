/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "gdn-demo.h"
#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-parse.h"
#include "gdn-test-utils.h"

/* A fixed anchor, so the tests see the same data on any day. Seed 1 is gendan-cli's
 * default; at the default size it has every value of every enumeration. */
#define ANCHOR "2025-11-20"
#define SEED   1

static GdnDatabase *
generate (guint32        seed,
          guint          n_orders,
          const char    *anchor,
          GdnDemoCounts *counts)
{
  g_autoptr(GError) error = NULL;
  GdnDatabase *db = gdn_test_open_database ();

  g_assert_true (gdn_demo_generate (db, seed, n_orders, anchor, NULL, NULL, counts, &error));
  g_assert_no_error (error);
  return db;
}

static gint64
count (GdnDatabase *db,
       const char  *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = gdn_database_query_int (db, sql, &error);

  g_assert_no_error (error);
  return n;
}

/* A checksum over every row of the tables demo data fills, in id order. */
static char *
dump_checksum (GdnDatabase *db)
{
  static const char * const tables[] = {
    "products", "customers", "contacts", "orders", "order_lines", "order_events", "shipments",
    "cases", "surveys", "interactions", "contracts", "contract_orders", "contract_approvals",
    "contract_amendments", "reminders",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, sql, &error);
      gint64 rows = 0;

      g_assert_no_error (error);
      g_checksum_update (checksum, (const guchar *) tables[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const guchar *text = sqlite3_column_text (stmt, c);
              g_checksum_update (checksum, text ? text : (const guchar *) "\x01NULL", -1);
              g_checksum_update (checksum, (const guchar *) "\x1f", 1);
            }
          rows++;
        }
      g_assert_cmpint (rows, >, 0);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_deterministic (void)
{
  g_autoptr(GdnDatabase) a = generate (SEED, 400, ANCHOR, NULL);
  g_autoptr(GdnDatabase) b = generate (SEED, 400, ANCHOR, NULL);
  g_autoptr(GdnDatabase) other_seed = generate (SEED + 1, 400, ANCHOR, NULL);
  g_autoptr(GdnDatabase) other_day = generate (SEED, 400, "2025-11-21", NULL);
  g_autofree char *sum_a = dump_checksum (a);
  g_autofree char *sum_b = dump_checksum (b);
  g_autofree char *sum_seed = dump_checksum (other_seed);
  g_autofree char *sum_day = dump_checksum (other_day);

  g_assert_cmpstr (sum_a, ==, sum_b);
  g_assert_cmpstr (sum_a, !=, sum_seed);
  g_assert_cmpstr (sum_a, !=, sum_day);
}

static void
assert_all_values (GdnDatabase       *db,
                   const char        *table,
                   const char        *column,
                   const GdnEnumInfo *info)
{
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    {
      g_autofree char *sql = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", table, column);
      stmt = gdn_database_prepare (db, sql, &error);
      g_assert_no_error (error);
      sqlite3_bind_text (stmt, 1, v->value, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (sqlite3_column_int64 (stmt, 0) == 0)
        g_error ("no %s.%s is “%s”", table, column, v->value);
    }
  /* and nothing outside the enumeration */
  {
    g_autofree char *values = gdn_enum_describe (info);
    g_auto(GStrv) list = g_strsplit (values, ", ", -1);
    g_autofree char *quoted = NULL;
    g_autofree char *sql = NULL;
    GString *in = g_string_new (NULL);

    for (guint i = 0; list[i] != NULL; i++)
      g_string_append_printf (in, "%s'%s'", i ? ", " : "", list[i]);
    quoted = g_string_free (in, FALSE);
    sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS NOT NULL AND %s NOT IN (%s)",
                           table, column, column, quoted);
    g_assert_cmpint (count (db, sql), ==, 0);
  }
}

static void
test_every_value_present (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, GDN_DEMO_DEFAULT_ORDERS, ANCHOR, NULL);

  assert_all_values (db, "orders", "status", &gdn_enum_order_status);
  assert_all_values (db, "orders", "type", &gdn_enum_order_type);
  assert_all_values (db, "orders", "source", &gdn_enum_order_source);
  assert_all_values (db, "orders", "delay_reason", &gdn_enum_delay_reason);
  assert_all_values (db, "customers", "tier", &gdn_enum_customer_tier);
  assert_all_values (db, "customers", "status", &gdn_enum_customer_status);
  assert_all_values (db, "contacts", "role", &gdn_enum_contact_role);
  assert_all_values (db, "contacts", "stance", &gdn_enum_contact_stance);
  assert_all_values (db, "shipments", "mode", &gdn_enum_transport_mode);
  assert_all_values (db, "shipments", "status", &gdn_enum_shipment_status);
  assert_all_values (db, "cases", "type", &gdn_enum_case_type);
  assert_all_values (db, "cases", "category", &gdn_enum_complaint_category);
  assert_all_values (db, "cases", "priority", &gdn_enum_case_priority);
  assert_all_values (db, "cases", "status", &gdn_enum_case_status);
  assert_all_values (db, "interactions", "channel", &gdn_enum_channel);
  assert_all_values (db, "interactions", "direction", &gdn_enum_direction);
  assert_all_values (db, "contracts", "status", &gdn_enum_contract_status);
  assert_all_values (db, "contract_approvals", "role", &gdn_enum_approval_role);
  assert_all_values (db, "contract_approvals", "decision", &gdn_enum_approval_decision);
  assert_all_values (db, "reminders", "kind", &gdn_enum_reminder_kind);

  /* the units of the catalog, and the things the brief asks to be there */
  g_assert_cmpint (count (db, "SELECT count(DISTINCT unit) FROM order_lines WHERE unit IN"
                              " ('件', '台', '套', '米', '千克', '箱')"), ==, 6);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT carrier) FROM shipments"), >=, 6);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE status = 'in_production'"
                              " AND progress > 0 AND progress < 100"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE missing_reason IS NOT NULL"
                              " AND (promised_date IS NULL OR delivery_address IS NULL)"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE delivered_date > promised_date"
                              " AND delay_reason IS NOT NULL"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases WHERE first_response_at >"
                              " datetime(opened_at, '+1 day')"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM interactions WHERE next_follow_up IS NOT"
                              " NULL"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM contract_amendments"), >, 0);
  /* some customers have no economic buyer, some have an opponent */
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers c WHERE NOT EXISTS (SELECT 1"
                              " FROM contacts p WHERE p.customer_id = c.id"
                              " AND p.role = 'economic')"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT customer_id) FROM contacts"
                              " WHERE stance = 'opponent'"), >, 0);
  /* reminders due today, and overdue ones not done */
  g_assert_cmpint (count (db, "SELECT count(*) FROM reminders WHERE date(due_at) = '"
                              ANCHOR "'"), >, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM reminders WHERE done_at IS NULL AND"
                              " due_at < '" ANCHOR " 09:00:00'"), >, 0);
}

static void
test_amounts_equal_lines (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, 600, ANCHOR, NULL);

  g_assert_cmpint (count (db, "SELECT count(*) FROM orders"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE n_lines != (SELECT"
                              " count(*) FROM order_lines l WHERE l.order_id = o.id)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE abs(amount - (SELECT"
                              " total(quantity * unit_price) FROM order_lines l"
                              " WHERE l.order_id = o.id)) > 0.005"), ==, 0);
  g_assert_cmpint (count (db, "SELECT min(n_lines) FROM orders"), >=, 1);
  g_assert_cmpint (count (db, "SELECT max(n_lines) FROM orders"), <=, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM order_lines WHERE quantity <= 0"
                              " OR unit_price <= 0 OR product_code IS NULL"), ==, 0);
}

static void
test_events_match_status (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, 800, ANCHOR, NULL);

  /* every order starts as an inquiry, each event goes on from the one before, and the
   * last one is where the order is now */
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE (SELECT to_status FROM"
                              " order_events e WHERE e.order_id = o.id ORDER BY at, id"
                              " LIMIT 1) != 'inquiry'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM order_events WHERE from_status IS NULL"),
                   ==, 800);
  g_assert_cmpint (count (db, "SELECT count(*) FROM order_events e WHERE e.from_status IS NOT"
                              " (SELECT p.to_status FROM order_events p WHERE p.order_id ="
                              " e.order_id AND (p.at < e.at OR (p.at = e.at AND p.id < e.id))"
                              " ORDER BY p.at DESC, p.id DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE status != (SELECT"
                              " to_status FROM order_events e WHERE e.order_id = o.id"
                              " ORDER BY at DESC, id DESC LIMIT 1)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE status_changed_at != (SELECT"
                              " max(at) FROM order_events e WHERE e.order_id = o.id)"), ==, 0);
  /* the dates on the order agree with its events, and nothing happens after now */
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE (confirmed_date IS NOT NULL)"
                              " != EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id"
                              " AND e.to_status = 'confirmed')"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE delivered_date IS NOT"
                              " (SELECT date(at) FROM order_events e WHERE e.order_id = o.id"
                              " AND e.to_status = 'delivered')"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM order_events WHERE at > '" ANCHOR
                              " 12:00:00'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE created_date > '" ANCHOR "'"
                              " OR created_date < date('" ANCHOR "', '-18 months')"), ==, 0);
  /* shipped orders have a shipment; delivered shipments match the order's delivery */
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders o WHERE status IN ('shipped',"
                              " 'delivered', 'closed') AND NOT EXISTS (SELECT 1 FROM shipments"
                              " s WHERE s.order_id = o.id)"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM shipments s JOIN orders o ON o.id ="
                              " s.order_id WHERE s.delivered_date IS NOT o.delivered_date"),
                   ==, 0);
}

static void
test_integrity (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, 500, ANCHOR, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) check = gdn_database_prepare (db, "PRAGMA foreign_key_check", &error);
  g_autoptr(sqlite3_stmt) audit = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (check), ==, SQLITE_DONE);
  g_assert_true (gdn_database_quick_check (db, &error));
  g_assert_no_error (error);

  /* the search text is filled and the FTS index holds it */
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE search_text = ''"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers WHERE search_text = ''"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM shipments WHERE search_text = ''"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases WHERE search_text = ''"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM contracts WHERE search_text = ''"), ==, 0);
  /* (one trigram: the index keeps no positions, detail=none, so it has no phrases) */
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders_fts WHERE orders_fts MATCH"
                              " '\"有限公\"'"), ==, count (db, "SELECT count(*) FROM orders"));
  g_assert_cmpint (count (db, "INSERT INTO orders_fts(orders_fts, rank) VALUES"
                              " ('integrity-check', 1)"), ==, 0);

  /* one audit entry tells what was written */
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit_log"), ==, 1);
  audit = gdn_database_prepare (db, "SELECT action, changes FROM audit_log", &error);
  g_assert_cmpint (sqlite3_step (audit), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (audit, 0), ==, "demo");
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (audit, 1), "\"orders\":500"));
}

static void
test_counts_scale (void)
{
  GdnDemoCounts small, large;
  g_autoptr(GdnDatabase) a = generate (SEED, 500, ANCHOR, &small);
  g_autoptr(GdnDatabase) b = generate (SEED, 2000, ANCHOR, &large);
  struct { const char *name; gint64 s, l; } pairs[] = {
    { "customers", small.customers, large.customers },
    { "contacts", small.contacts, large.contacts },
    { "order_lines", small.order_lines, large.order_lines },
    { "shipments", small.shipments, large.shipments },
    { "cases", small.cases, large.cases },
    { "surveys", small.surveys, large.surveys },
    { "interactions", small.interactions, large.interactions },
  };

  g_assert_cmpint (small.orders, ==, 500);
  g_assert_cmpint (large.orders, ==, 2000);
  g_assert_cmpint (count (b, "SELECT count(*) FROM orders"), ==, 2000);
  g_assert_cmpint (count (b, "SELECT count(*) FROM shipments"), ==, large.shipments);
  g_assert_cmpint (count (b, "SELECT count(*) FROM cases"), ==, large.cases);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      double ratio = (double) pairs[i].l / (double) pairs[i].s;

      /* 4 in proportion; the small run has only some fifty surveys, whose count varies by
       * about 15 % from one random sequence to another (46 with three lines an order) */
      if (ratio < 3.0 || ratio > 5.6)
        g_error ("%s: %" G_GINT64_FORMAT " for 500 orders, %" G_GINT64_FORMAT " for 2000",
                 pairs[i].name, pairs[i].s, pairs[i].l);
    }
}

static void
test_kpis_have_data (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, GDN_DEMO_DEFAULT_ORDERS, ANCHOR, NULL);
  g_autoptr(GError) error = NULL;
  /* the last full month before the anchor */
  g_autoptr(GdnKpi) kpi = gdn_kpi_compute (db, "2025-10-01", "2025-10-31", &error);
  gint64 complaints = 0;

  g_assert_no_error (error);
  g_assert_true (gdn_kpi_has_value (kpi->on_time_delivery.rate));
  g_assert_true (gdn_kpi_has_value (kpi->satisfaction.mean));
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    g_assert_true (gdn_kpi_has_value (kpi->dimensions[d].mean));
  g_assert_true (gdn_kpi_has_value (kpi->conversion.rate));
  g_assert_true (gdn_kpi_has_value (kpi->response_24h.rate));
  g_assert_true (gdn_kpi_has_value (kpi->closure.rate));
  g_assert_cmpint (kpi->order_volume.count, >, 0);
  g_assert_cmpfloat (kpi->order_volume.amount, >, 0);
  g_assert_cmpuint (kpi->carriers->len, >, 0);
  for (guint i = 0; gdn_enum_complaint_category.values[i].value != NULL; i++)
    complaints += kpi->complaint_mix[i];
  g_assert_cmpint (complaints, >, 0);

  /* and look like a real office's: mostly on time, mostly answered within the day */
  g_assert_cmpfloat (kpi->on_time_delivery.rate, >, 0.6);
  g_assert_cmpfloat (kpi->on_time_delivery.rate, <, 1.0);
  g_assert_cmpfloat (kpi->response_24h.rate, >, 0.5);
  g_assert_cmpfloat (kpi->satisfaction.mean, >, 3.0);
  g_assert_cmpfloat (kpi->satisfaction.mean, <, 5.0);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;

  gdn_database_exec (db, "INSERT INTO customers (code, name) VALUES ('KH001',"
                         " '深圳市华强电子有限公司')", &error);
  g_assert_no_error (error);
  g_assert_false (gdn_demo_generate (db, SEED, 100, ANCHOR, NULL, NULL, NULL, &error));
  g_assert_error (error, GDN_DEMO_ERROR, GDN_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM products"), ==, 0);

  /* nor a second run over the first */
  {
    g_autoptr(GdnDatabase) demo = generate (SEED, 100, ANCHOR, NULL);
    gint64 orders = count (demo, "SELECT count(*) FROM orders");

    g_assert_false (gdn_demo_generate (demo, SEED + 1, 100, ANCHOR, NULL, NULL, NULL,
                                       &second_error));
    g_assert_error (second_error, GDN_DEMO_ERROR, GDN_DEMO_ERROR_NOT_EMPTY);
    g_assert_cmpint (count (demo, "SELECT count(*) FROM orders"), ==, orders);
  }
}

static void
test_invalid_arguments (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  g_autoptr(GError) bad_date = NULL;
  g_autoptr(GError) no_orders = NULL;

  g_assert_false (gdn_demo_generate (db, SEED, 100, "2025-02-30", NULL, NULL, NULL, &bad_date));
  g_assert_error (bad_date, GDN_DEMO_ERROR, GDN_DEMO_ERROR_INVALID);
  g_assert_false (gdn_demo_generate (db, SEED, 0, ANCHOR, NULL, NULL, NULL, &no_orders));
  g_assert_error (no_orders, GDN_DEMO_ERROR, GDN_DEMO_ERROR_INVALID);
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers"), ==, 0);
}

static void
test_realistic_names (void)
{
  g_autoptr(GdnDatabase) db = generate (SEED, 400, ANCHOR, NULL);

  /* company names are city + brand + industry + 有限公司, and unique */
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers WHERE name NOT LIKE '%有限公司%'"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT name) = count(*) FROM customers"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM customers WHERE address NOT LIKE '%市%号%'"
                              " OR phone NOT GLOB '0[1-9]*-[2-8]*' OR email NOT LIKE '%@%.com'"),
                   ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM contacts WHERE length(phone) != 11"
                              " OR phone NOT GLOB '1[3-9]*'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE order_no NOT GLOB"
                              " 'XS[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'"), ==, 0);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT owner) FROM orders"), >=, 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM orders WHERE currency != 'CNY'"), ==, 0);
  /* products carry codes, specs and units */
  g_assert_cmpint (count (db, "SELECT count(*) FROM products WHERE code NOT GLOB"
                              " '[A-Z][A-Z]-[0-9][0-9][0-9][0-9]' OR spec IS NULL"
                              " OR unit IS NULL OR unit_price <= 0"), ==, 0);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  GArray *calls = user_data;

  g_array_append_val (calls, done);
  g_assert_cmpuint (total, ==, 25000);
}

static void
test_progress (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;

  if (!g_test_slow () && g_getenv ("GDN_TEST_DEMO_PROGRESS") == NULL)
    {
      g_test_skip ("slow: 25,000 orders (run with -m slow)");
      return;
    }
  g_assert_true (gdn_demo_generate (db, SEED, 25000, ANCHOR, progress_cb, calls, NULL,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 3);   /* after each chunk of 10,000 */
  g_assert_cmpuint (g_array_index (calls, guint, 0), ==, 10000);
  g_assert_cmpuint (g_array_index (calls, guint, 2), ==, 25000);
}

/* gendan-cli demo, when the program is built */
static void
test_cli (void)
{
  const char *cli = g_getenv ("GENDAN_CLI");
  g_autofree char *path = gdn_test_tmp_path ("cli.db");
  g_autofree char *command = NULL;
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("gendan-cli is not built");
      return;
    }
  command = g_strdup_printf ("'%s' demo --database '%s' --orders 150 --seed 3 --anchor "
                             ANCHOR, cli, path);
  g_spawn_command_line_sync (command, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* a second run refuses, exit 1, and leaves the data alone */
  g_spawn_command_line_sync (command, &out2, &err2, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_cmpstr (err2, !=, "");
  {
    g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (db, "SELECT count(*) FROM orders"), ==, 150);
  }
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/coverage/every-value", test_every_value_present);
  g_test_add_func ("/demo/orders/amounts-equal-lines", test_amounts_equal_lines);
  g_test_add_func ("/demo/orders/events-match-status", test_events_match_status);
  g_test_add_func ("/demo/integrity", test_integrity);
  g_test_add_func ("/demo/scale/counts", test_counts_scale);
  g_test_add_func ("/demo/kpi/last-month-has-data", test_kpis_have_data);
  g_test_add_func ("/demo/refuses/non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/refuses/invalid-arguments", test_invalid_arguments);
  g_test_add_func ("/demo/names/realistic", test_realistic_names);
  g_test_add_func ("/demo/progress", test_progress);
  g_test_add_func ("/demo/cli/refuses-second-run", test_cli);

  return g_test_run ();
}

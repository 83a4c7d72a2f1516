/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "gdn-migrations.h"
#include "gdn-test-utils.h"

static char *
pragma_text (GdnDatabase *db,
             const char  *pragma)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, pragma, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
test_open_creates_private_file (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nested", "folder", "gendan.db", NULL);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);
  GStatBuf st;

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (gdn_database_get_version (db), ==, GDN_SCHEMA_VERSION);
}

static void
test_open_pragmas (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  g_autofree char *journal = pragma_text (db, "PRAGMA journal_mode");
  g_autofree char *fk = pragma_text (db, "PRAGMA foreign_keys");
  g_autofree char *sync = pragma_text (db, "PRAGMA synchronous");
  g_autofree char *busy = pragma_text (db, "PRAGMA busy_timeout");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpstr (fk, ==, "1");
  g_assert_cmpstr (sync, ==, "2"); /* FULL */
  g_assert_cmpint (atoi (busy), >=, 1000);
}

static void
test_refuses_newer_version (void)
{
  g_autofree char *path = gdn_test_tmp_path ("newer.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autofree char *expected_newer = g_strdup_printf ("%d", GDN_SCHEMA_VERSION + 5);
  g_autofree char *expected_known = g_strdup_printf ("%d", GDN_SCHEMA_VERSION);
  sqlite3 *raw = NULL;
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future(x); PRAGMA user_version = %d",
                                          GDN_SCHEMA_VERSION + 5);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  before = gdn_test_file_sha256 (path);

  db = gdn_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, expected_newer));
  g_assert_nonnull (strstr (error->message, expected_known));

  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_non_database (void)
{
  g_autofree char *path = gdn_test_tmp_path ("notes.db");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  const char *text = "order_no,customer_code\nSO-1,C001\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  before = gdn_test_file_sha256 (path);

  db = gdn_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE);

  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_damaged (void)
{
  g_autofree char *path = gdn_test_tmp_path ("damaged.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize len;

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 200; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO customers (code, name) VALUES ('C%04d', "
                         "'深圳华强电子有限公司 %d')", i, i);
      g_assert_true (gdn_database_exec (db, sql, NULL));
    }
  g_assert_true (gdn_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));
  g_clear_object (&db);

  /* overwrite the middle of the file: the pages of the customers table */
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  for (gsize i = 4096 + 100; i < len - 100; i += 7)
    contents[i] = (char) 0xA5;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  before = gdn_test_file_sha256 (path);

  db = gdn_database_open (path, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_true (error->code == GDN_DATABASE_ERROR_CORRUPT ||
                 error->code == GDN_DATABASE_ERROR_NOT_DATABASE);
  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migration_step_1 (void)
{
  g_autofree char *path = gdn_test_tmp_path ("steps.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) empty = gdn_database_open_at_version (path, 0, &error);
  g_autoptr(GdnDatabase) db = NULL;
  static const char * const tables[] = {
    "customers", "contacts", "products", "orders", "order_lines", "order_events",
    "contracts", "contract_orders", "contract_approvals", "contract_amendments",
    "attachments", "shipments", "cases", "interactions", "surveys", "reminders",
    "audit_log", "orders_fts", "customers_fts", "cases_fts", NULL
  };

  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (empty), ==, 0);
  g_assert_cmpint (gdn_database_query_int (empty, "SELECT count(*) FROM sqlite_master", NULL),
                   ==, 0);
  g_clear_object (&empty);

  db = gdn_database_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (db), ==, 1);
  g_assert_cmpint (gdn_database_query_int (db, "PRAGMA user_version", NULL), ==, 1);
  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE name = '%s'", tables[i]);
      g_assert_cmpint (gdn_database_query_int (db, sql, NULL), ==, 1);
    }

  /* the search index follows the table through its triggers */
  g_assert_true (gdn_database_exec (db, "INSERT INTO customers (code, name, search_text) "
                                        "VALUES ('C1', '华强', 'C1 华强电子')", NULL));
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM customers_fts "
                                               "WHERE customers_fts MATCH '\"强电子\"'",
                                           NULL), ==, 1);
}

/* Step 2 keys the done and snoozed state of derived reminders by their source record;
 * the reminders a version 1 file already holds come through as they were. */
static void
test_migration_step_2 (void)
{
  g_autofree char *path = gdn_test_tmp_path ("step2.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) old = gdn_database_open_at_version (path, 1, &error);
  g_autoptr(GdnDatabase) db = NULL;

  g_assert_no_error (error);
  g_assert_true (gdn_database_exec (old, "INSERT INTO reminders (kind, title, due_at, done_at)"
                                         " VALUES ('custom', '回访王经理',"
                                         " '2026-03-05 09:00:00', NULL)", &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_query_int (old, "SELECT count(*) FROM pragma_table_info"
                                                "('reminders') WHERE name = 'source_id'",
                                           NULL), ==, 0);
  g_clear_object (&old);

  db = gdn_database_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (db), ==, 2);
  g_assert_cmpint (gdn_database_query_int (db, "PRAGMA user_version", NULL), ==, 2);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM pragma_table_info"
                                               "('reminders') WHERE name = 'source_id'",
                                           NULL), ==, 1);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM sqlite_master"
                                               " WHERE name = 'reminders_source'", NULL),
                   ==, 1);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM reminders"
                                               " WHERE title = '回访王经理'"
                                               " AND source_id IS NULL", NULL), ==, 1);

  /* a derived reminder's state row */
  g_assert_true (gdn_database_exec (db, "INSERT INTO reminders (kind, title, due_at, source_id,"
                                        " done_at) VALUES ('payment_due', 'SO-1',"
                                        " '2026-03-05 00:00:00', 42, '2026-03-05 10:00:00')",
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT source_id FROM reminders"
                                               " WHERE kind = 'payment_due'", NULL), ==, 42);
}

static gint64
query_int (GdnDatabase *db,
           const char  *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = gdn_database_query_int (db, sql, &error);

  g_assert_no_error (error);
  return n;
}

static char *
query_text (GdnDatabase *db,
            const char  *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
exec_ok (GdnDatabase *db,
         const char  *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

/* Step 3 copies customer names and codes (and order numbers) onto the rows that list
 * them, from a version 2 file's rows and afterwards through triggers, and adds the indexes
 * of sorting, KPIs and short searches. */
static void
test_migration_step_3 (void)
{
  g_autofree char *path = gdn_test_tmp_path ("step3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) old = gdn_database_open_at_version (path, 2, &error);
  g_autoptr(GdnDatabase) db = NULL;
  static const char * const indexes[] = {
    "orders_by_customer_name", "orders_by_customer_code", "orders_by_status",
    "cases_by_customer_name", "contracts_by_customer_code", "shipments_by_customer_name",
    "orders_kpi_delivered", "orders_kpi_created", "orders_kpi_confirmed", "cases_kpi_opened",
    "shipments_kpi_shipped", "orders_search_rows", "orders_trash", NULL
  };

  g_assert_no_error (error);
  exec_ok (old, "INSERT INTO customers (id, code, name) VALUES (1, 'KH1', '华强电子'),"
                " (2, 'KH2', '利民机械');"
                "INSERT INTO orders (id, order_no, customer_id, created_date)"
                " VALUES (10, 'XS10', 1, '2026-01-05'), (11, 'XS11', 2, '2026-01-06');"
                "INSERT INTO cases (id, case_no, customer_id, order_id, type, opened_at)"
                " VALUES (20, 'SH20', 2, 10, 'repair', '2026-01-07 09:00:00');"
                "INSERT INTO shipments (id, order_id, carrier) VALUES (30, 11, 'SF');"
                "INSERT INTO contracts (id, contract_no, customer_id) VALUES (40, 'HT40', 1);");
  g_clear_object (&old);

  db = gdn_database_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (db), ==, 3);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, 3);
  for (guint i = 0; indexes[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master"
                                              " WHERE type = 'index' AND name = '%s'",
                                              indexes[i]);
      g_assert_cmpint (query_int (db, sql), ==, 1);
    }

  /* the rows of version 2 got their copies */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE id = 10"
                                  " AND customer_code = 'KH1' AND customer_name = '华强电子'"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cases WHERE id = 20"
                                  " AND customer_code = 'KH2' AND order_no = 'XS10'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shipments WHERE id = 30"
                                  " AND order_no = 'XS11' AND customer_name = '利民机械'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contracts WHERE id = 40"
                                  " AND customer_name = '华强电子'"), ==, 1);

  /* new rows, a renamed customer, an order moved to another customer, a renumbered order */
  exec_ok (db, "INSERT INTO orders (id, order_no, customer_id, created_date)"
               " VALUES (12, 'XS12', 1, '2026-01-08');"
               "INSERT INTO shipments (id, order_id, carrier) VALUES (31, 12, 'EMS');");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shipments WHERE id = 31"
                                  " AND order_no = 'XS12' AND customer_name = '华强电子'"), ==, 1);
  exec_ok (db, "UPDATE customers SET name = '华强科技', code = 'KH1A' WHERE id = 1");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE customer_id = 1"
                                  " AND customer_code = 'KH1A' AND customer_name = '华强科技'"),
                   ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shipments WHERE id = 31"
                                  " AND customer_name = '华强科技'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM contracts WHERE id = 40"
                                  " AND customer_code = 'KH1A'"), ==, 1);
  exec_ok (db, "UPDATE orders SET customer_id = 2 WHERE id = 12");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM orders WHERE id = 12"
                                  " AND customer_code = 'KH2' AND customer_name = '利民机械'"),
                   ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shipments WHERE id = 31"
                                  " AND customer_name = '利民机械'"), ==, 1);
  exec_ok (db, "UPDATE orders SET order_no = 'XS10B' WHERE id = 10");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM cases WHERE id = 20"
                                  " AND order_no = 'XS10B'"), ==, 1);
  exec_ok (db, "UPDATE cases SET customer_id = 1, order_id = 11 WHERE id = 20");
  {
    g_autofree char *copy = query_text (db, "SELECT customer_name || '/' || order_no"
                                            " FROM cases WHERE id = 20");
    g_assert_cmpstr (copy, ==, "华强科技/XS11");
  }
  exec_ok (db, "UPDATE shipments SET order_id = 10 WHERE id = 30");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM shipments WHERE id = 30"
                                  " AND order_no = 'XS10B' AND customer_name = '华强科技'"), ==, 1);
}

static void
test_migration_failure_rolls_back (void)
{
  g_autofree char *path = gdn_test_tmp_path ("half.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  sqlite3 *raw = NULL;

  /* a table in the way makes step 1 fail half-way: nothing of it may remain */
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE reminders (x)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);

  db = gdn_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED);

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (raw, "SELECT count(*) FROM sqlite_master WHERE name = 'customers'",
                        -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
    sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (raw);
}

static void
test_read_only_file (void)
{
  g_autofree char *path = gdn_test_tmp_path ("ro.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  g_clear_object (&db);

  if (getuid () == 0)
    {
      g_test_skip ("root can write to read-only files");
      return;
    }

  g_chmod (path, 0400);
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gdn_database_is_read_only (db));
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/database/open/creates-private-file", test_open_creates_private_file);
  g_test_add_func ("/database/open/pragmas", test_open_pragmas);
  g_test_add_func ("/database/open/refuses-newer-version", test_refuses_newer_version);
  g_test_add_func ("/database/open/refuses-non-database", test_refuses_non_database);
  g_test_add_func ("/database/open/refuses-damaged", test_refuses_damaged);
  g_test_add_func ("/database/open/read-only", test_read_only_file);
  g_test_add_func ("/database/migrations/step-1", test_migration_step_1);
  g_test_add_func ("/database/migrations/step-2", test_migration_step_2);
  g_test_add_func ("/database/migrations/step-3", test_migration_step_3);
  g_test_add_func ("/database/migrations/failure-rolls-back", test_migration_failure_rolls_back);

  return g_test_run ();
}

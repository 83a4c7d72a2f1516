/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "gdn-contact.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-import.h"
#include "gdn-order.h"
#include "gdn-test-utils.h"

/* Importing files as CSV.md says: every kind, keys and idempotence, whole-or-nothing,
 * problems with their line and column, and the speed of large files. */

static char *
fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("TESTS_SRCDIR");

  if (srcdir != NULL)
    return g_build_filename (srcdir, "data", "csv", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static GdnImport *
run_import (GdnStore    *store,
            const char  *kind,
            const char  *path,
            gboolean     skip_invalid,
            gboolean     dry_run,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GdnImport *import = gdn_import_new (store, kind);

  gdn_import_set_skip_invalid (import, skip_invalid);
  gdn_import_set_dry_run (import, dry_run);
  gdn_import_run (import, file, NULL, error);
  return import;
}

/* Imports a fixture that must import without errors. */
static GdnImport *
import_fixture (GdnStore   *store,
                const char *kind,
                const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  GdnImport *import = run_import (store, kind, path, FALSE, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 0);
  return import;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  char *path = gdn_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static GdnImport *
import_text (GdnStore    *store,
             const char  *kind,
             const char  *name,
             const char  *contents,
             GError     **error)
{
  g_autofree char *path = write_temp (name, contents);

  return run_import (store, kind, path, FALSE, FALSE, error);
}

static char *
query_text (GdnStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (gdn_store_get_database (store), sql,
                                                       &error);

  g_assert_no_error (error);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static double
query_double (GdnStore   *store,
              const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (gdn_store_get_database (store), sql,
                                                       &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_double (stmt, 0);
}

/* A checksum of every row of every table: proof that nothing was written. */
static char *
database_checksum (GdnStore *store)
{
  sqlite3 *db = gdn_database_get_handle (gdn_store_get_database (store));
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                                           " AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));

      g_checksum_update (sum, g_ptr_array_index (tables, i), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const guchar *blob = sqlite3_column_blob (stmt, c);
            g_checksum_update (sum, (const guchar *) "\x1f", 1);
            if (blob != NULL)
              g_checksum_update (sum, blob, sqlite3_column_bytes (stmt, c));
          }
      sqlite3_finalize (stmt);
    }
  return g_strdup (g_checksum_get_string (sum));
}

static const GdnImportProblem *
find_problem (GdnImport  *import,
              guint       line,
              const char *column)
{
  GPtrArray *problems = gdn_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      const GdnImportProblem *p = g_ptr_array_index (problems, i);
      if (p->line == line && g_strcmp0 (p->column, column) == 0)
        return p;
    }
  return NULL;
}

static void
assert_counts (GdnImport *import,
               guint      created,
               guint      updated,
               guint      unchanged)
{
  g_assert_cmpuint (gdn_import_get_n_created (import), ==, created);
  g_assert_cmpuint (gdn_import_get_n_updated (import), ==, updated);
  g_assert_cmpuint (gdn_import_get_n_unchanged (import), ==, unchanged);
}

typedef struct
{
  guint  reloads;
  GType  last_type;
} ChangeCount;

static void
store_changed_cb (GdnStore *store,
                  GType     type,
                  gint64    id,
                  int       kind,
                  gpointer  user_data)
{
  ChangeCount *count = user_data;

  if (kind == GDN_CHANGE_RELOADED)
    {
      count->reloads++;
      if (count->last_type == 0)
        count->last_type = type;
    }
}

static void
test_customers_utf8_bom (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GdnRecord) c2 = NULL;
  g_autoptr(GdnRecord) c3 = NULL;
  g_autofree char *search = NULL;
  ChangeCount changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &changes);
  import = import_fixture (store, "customers", "customers.csv");
  assert_counts (import, 4, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_lines (import), ==, 4);
  g_assert_cmpint (gdn_import_get_encoding (import), ==, GDN_CSV_ENCODING_UTF8_BOM);
  g_assert_cmpuint (gdn_import_get_problems (import)->len, ==, 0);
  g_assert_cmpfloat (gdn_import_get_progress (import), ==, 1.0);

  c2 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C002", NULL);
  g_assert_nonnull (c2);
  g_assert_cmpstr (gdn_record_get_string (c2, "name"), ==, "东莞市长安精密模具厂");
  g_assert_cmpstr (gdn_record_get_string (c2, "tier"), ==, "A");
  g_assert_cmpstr (gdn_record_get_string (c2, "status"), ==, "active");
  g_assert_cmpstr (gdn_record_get_string (c2, "address"), ==, "东莞市长安镇乌沙社区,兴发南路18号");
  g_assert_cmpstr (gdn_record_get_string (c2, "notes"), ==, "注意：\"加急\"订单需提前确认");
  g_assert_null (gdn_record_get_string (c2, "email"));

  c3 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C003", NULL);
  g_assert_cmpstr (gdn_record_get_string (c3, "notes"), ==, "首次询价\n来自2026年深圳电子展");
  g_assert_cmpstr (gdn_record_get_string (c3, "status"), ==, "prospect");

  /* search text, audit log and one reload signal for the lists */
  search = query_text (store, "SELECT search_text FROM customers WHERE code = 'C001'");
  g_assert_cmpstr (search, ==, "C001 深圳市华强电子有限公司 华强电子");
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM customers_fts "
                                          "WHERE customers_fts MATCH '华强电'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM audit_log WHERE action = 'import'"
                                          " AND table_name = 'customers' AND who = 'tester'"),
                   ==, 4);
  g_assert_cmpuint (changes.reloads, ==, 1);
  g_assert_true (changes.last_type == GDN_TYPE_CUSTOMER);
}

static void
test_customers_gb18030 (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = import_fixture (store, "customers", "customers-gb18030.csv");
  g_autoptr(GdnRecord) c101 = NULL;
  g_autoptr(GdnRecord) c103 = NULL;

  assert_counts (import, 3, 0, 0);
  g_assert_cmpint (gdn_import_get_encoding (import), ==, GDN_CSV_ENCODING_GB18030);

  c101 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C101", NULL);
  g_assert_cmpstr (gdn_record_get_string (c101, "name"), ==, "杭州西湖龙井茶业有限公司");
  g_assert_cmpstr (gdn_record_get_string (c101, "tier"), ==, "key");
  g_assert_cmpstr (gdn_record_get_string (c101, "status"), ==, "active");
  g_assert_cmpstr (gdn_record_get_string (c101, "owner"), ==, "刘洋");

  c103 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C103", NULL);
  g_assert_cmpstr (gdn_record_get_string (c103, "status"), ==, "dormant");
  g_assert_cmpstr (gdn_record_get_string (c103, "address"), ==, "广州市白云区太和镇, 永兴村");
  g_assert_cmpstr (gdn_record_get_string (c103, "notes"), ==, "“老客户”，去年停单");
}

static void
test_unknown_columns (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = import_fixture (store, "customers",
                                                "customers-extra-columns.csv");
  const GdnImportProblem *p;
  g_autoptr(GdnRecord) c201 = NULL;

  assert_counts (import, 2, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_warnings (import), ==, 2);
  p = find_problem (import, 1, "微信群");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, GDN_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (find_problem (import, 1, "Remarks2"));

  /* " 客户编码 " and "Name" were recognised, "c" is tier C */
  c201 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C201", NULL);
  g_assert_cmpstr (gdn_record_get_string (c201, "name"), ==, "温州瓯海眼镜配件有限公司");
  g_assert_cmpstr (gdn_record_get_string (c201, "tier"), ==, "C");
}

static void
test_orders_lines (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = import_fixture (store, "orders", "orders.csv");
  g_autoptr(GdnRecord) o1 = NULL;
  g_autoptr(GdnRecord) o2 = NULL;
  g_autoptr(GdnRecord) o3 = NULL;
  g_autofree char *note = NULL;
  g_autofree char *search = NULL;

  assert_counts (import, 3, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_lines (import), ==, 4);

  o1 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0001", NULL);
  g_assert_cmpstr (gdn_record_get_string (o1, "status"), ==, "confirmed");
  g_assert_cmpstr (gdn_record_get_string (o1, "source"), ==, "email");
  g_assert_cmpstr (gdn_record_get_string (o1, "confirmed_date"), ==, "2026-09-03");
  g_assert_cmpstr (gdn_record_get_string (o1, "promised_date"), ==, "2026-10-05");
  g_assert_cmpstr (gdn_record_get_string (o1, "payment_due"), ==, "2026-10-31");
  g_assert_cmpstr (gdn_record_get_string (o1, "currency"), ==, "CNY");
  g_assert_cmpint (gdn_record_get_int (o1, "n_lines"), ==, 2);
  /* 20 × ¥1,280.50 + 10 × ￥860 */
  g_assert_cmpfloat (gdn_record_get_double (o1, "amount"), ==, 34210.0);
  g_assert_nonnull (gdn_record_get_string (o1, "status_changed_at"));
  g_assert_cmpint (gdn_record_get_int (o1, "progress"), ==, 0);

  o2 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0002", NULL);
  g_assert_cmpstr (gdn_record_get_string (o2, "type"), ==, "urgent");
  g_assert_cmpstr (gdn_record_get_string (o2, "source"), ==, "phone");
  g_assert_cmpstr (gdn_record_get_string (o2, "status"), ==, "quoted");
  /* an empty currency cell keeps the default */
  g_assert_cmpstr (gdn_record_get_string (o2, "currency"), ==, "CNY");
  g_assert_cmpstr (gdn_record_get_string (o2, "notes"), ==, "客户要求\"尽快\"报价");
  g_assert_cmpfloat (gdn_record_get_double (o2, "amount"), ==, 45000.0);

  /* an order without lines is one row with empty line cells */
  o3 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0003", NULL);
  g_assert_cmpstr (gdn_record_get_string (o3, "created_date"), ==, "2026-09-15");
  g_assert_cmpint (gdn_record_get_int (o3, "n_lines"), ==, 0);
  g_assert_cmpfloat (gdn_record_get_double (o3, "amount"), ==, 0.0);
  g_assert_cmpstr (gdn_record_get_string (o3, "missing_reason"), ==, "交货地址待定");

  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 3);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines l JOIN orders o"
                                          " ON o.id = l.order_id WHERE o.order_no ="
                                          " 'SO-2026-0001' AND l.position = 2 AND"
                                          " l.product_code = 'P-1002' AND l.spec ="
                                          " '0805 100nF 50V' AND l.unit_price = 860"), ==, 1);

  /* one event per created order, with who, when and why */
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_events WHERE"
                                          " from_status IS NULL AND who = 'tester'"), ==, 3);
  note = query_text (store, "SELECT e.note FROM order_events e JOIN orders o ON"
                            " o.id = e.order_id WHERE o.order_no = 'SO-2026-0002' AND"
                            " e.to_status = 'quoted'");
  g_assert_cmpstr (note, ==, "Imported from orders.csv");

  search = query_text (store, "SELECT search_text FROM orders WHERE order_no = 'SO-2026-0001'");
  g_assert_nonnull (strstr (search, "SO-2026-0001"));
  g_assert_nonnull (strstr (search, "深圳市华强电子有限公司"));
  g_assert_nonnull (strstr (search, "贴片电容"));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders_fts "
                                          "WHERE orders_fts MATCH '注塑模'"), ==, 1);
}

static void
test_orders_utf16 (gconstpointer data)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = import_fixture (store, "orders", data);
  g_autoptr(GdnRecord) o = NULL;

  assert_counts (import, 2, 0, 0);
  g_assert_cmpint (gdn_import_get_encoding (import), ==,
                   strstr (data, "le") ? GDN_CSV_ENCODING_UTF16LE : GDN_CSV_ENCODING_UTF16BE);

  o = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "XS-2026-0101", NULL);
  g_assert_cmpstr (gdn_record_get_string (o, "type"), ==, "regular");
  g_assert_cmpstr (gdn_record_get_string (o, "source"), ==, "written");
  g_assert_cmpstr (gdn_record_get_string (o, "status"), ==, "confirmed");
  g_assert_cmpstr (gdn_record_get_string (o, "created_date"), ==, "2026-10-08");
  g_assert_cmpstr (gdn_record_get_string (o, "promised_date"), ==, "2026-11-08");
  g_assert_cmpint (gdn_record_get_int (o, "n_lines"), ==, 2);
  /* 200 × 36.5 + "1,000" × 1.2 */
  g_assert_cmpfloat (gdn_record_get_double (o, "amount"), ==, 8500.0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE status ="
                                          " 'in_production' AND type = 'urgent'"), ==, 1);
}

static void
test_idempotent (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  const char *kinds[] = { "customers", "contacts", "orders", "shipments", "cases", "surveys",
                          "interactions", "contracts" };
  const char *files[] = { "customers.csv", "contacts.csv", "orders.csv", "shipments.csv",
                          "cases.csv", "surveys.csv", "interactions.csv", "contracts.csv" };
  const guint created[] = { 4, 3, 3, 2, 2, 2, 3, 2 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GdnImport) import = import_fixture (store, kinds[i], files[i]);
      g_test_message ("first import of %s", kinds[i]);
      assert_counts (import, created[i], 0, 0);
    }

  before = database_checksum (store);
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GdnImport) import = import_fixture (store, kinds[i], files[i]);
      g_test_message ("second import of %s", kinds[i]);
      assert_counts (import, 0, 0, created[i]);
    }
  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_all_kinds_values (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) a = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) b = import_fixture (store, "contacts", "contacts.csv");
  g_autoptr(GdnImport) c = import_fixture (store, "orders", "orders.csv");
  g_autoptr(GdnImport) d = import_fixture (store, "shipments", "shipments.csv");
  g_autoptr(GdnImport) e = import_fixture (store, "cases", "cases.csv");
  g_autoptr(GdnImport) f = import_fixture (store, "surveys", "surveys.csv");
  g_autoptr(GdnImport) g = import_fixture (store, "interactions", "interactions.csv");
  g_autoptr(GdnImport) h = import_fixture (store, "contracts", "contracts.csv");

  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contacts c JOIN customers k"
                                          " ON k.id = c.customer_id WHERE k.code = 'C001'"
                                          " AND c.name = '王建国' AND c.is_primary = 1 AND"
                                          " c.birthday = '1978-05-12' AND c.role = 'economic'"
                                          " AND c.stance = 'supporter'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contacts WHERE name = '李晓燕'"
                                          " AND is_primary = 0 AND birthday = '1990-03-08'"
                                          " AND role = 'technical'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments WHERE carrier ="
                                          " '德邦物流' AND tracking_no IS NULL AND mode = 'road'"
                                          " AND freight = 1200 AND status = 'in_transit' AND"
                                          " shipped_date = '2026-09-24'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments WHERE mode = 'express'"
                                          " AND freight = 85 AND status = 'delivered'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM cases WHERE case_no ="
                                          " 'CS-2026-0001' AND type = 'complaint' AND category ="
                                          " 'spec_mismatch' AND priority = 'high' AND status ="
                                          " 'resolved' AND opened_at = '2026-10-06 09:15:00' AND"
                                          " first_response_at = '2026-10-06 10:02:30' AND"
                                          " resolved_at = '2026-10-08 16:40:00' AND"
                                          " satisfaction = 4 AND order_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM cases WHERE case_no ="
                                          " 'CS-2026-0002' AND opened_at = '2026-09-28 14:30:00'"
                                          " AND order_id IS NULL AND satisfaction IS NULL"),
                   ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM surveys WHERE overall = 3 AND"
                                          " accuracy IS NULL AND resolution = 4 AND"
                                          " recommend = 6 AND case_id IS NOT NULL AND"
                                          " order_id IS NULL"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM interactions i JOIN contacts p"
                                          " ON p.id = i.contact_id WHERE p.name = '李晓燕' AND"
                                          " i.channel = 'email' AND i.direction = 'out' AND"
                                          " i.next_follow_up = '2026-10-13' AND"
                                          " i.case_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM interactions WHERE direction ="
                                          " 'in' AND channel = 'phone'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contracts WHERE contract_no ="
                                          " 'HT-2026-001' AND amount = 500000 AND status ="
                                          " 'executing' AND end_date = '2026-12-31'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contract_orders co JOIN"
                                          " contracts c ON c.id = co.contract_id JOIN orders o"
                                          " ON o.id = co.order_id WHERE c.contract_no ="
                                          " 'HT-2026-002' AND o.order_no = 'SO-2026-0002'"),
                   ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contract_orders"), ==, 2);
  /* (not through shipments_fts: valgrind finds SQLite 3.40's trigram LIKE reading
   * uninitialised memory for an ASCII pattern) */
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments WHERE"
                                          " instr(search_text, 'SF1234567890123') > 0 AND"
                                          " instr(search_text, 'SO-2026-0001') > 0"), ==, 1);
}

static const char orders_v1[] =
  "order_no,customer_code,status,created_date,product_code,product_name,quantity,unit_price\n"
  "SO-2026-0101,C001,confirmed,2026-10-01,P-1001,贴片电阻,10,12.5\n"
  "SO-2026-0101,C001,confirmed,2026-10-01,P-1002,贴片电容,5,3\n"
  "SO-2026-0102,C002,inquiry,2026-10-02,M-2001,注塑模具,1,45000\n"
  "SO-2026-0103,C003,quoted,2026-10-03,,,,\n";

/* 0101 changes status and its lines (one line, another quantity); 0102 is the same;
 * 0103 gets a note */
static const char orders_v2[] =
  "order_no,customer_code,status,created_date,product_code,product_name,quantity,unit_price,"
  "notes\n"
  "SO-2026-0101,C001,in_production,2026-10-01,P-1001,贴片电阻,20,12.5,\n"
  "SO-2026-0102,C002,inquiry,2026/10/2,M-2001,注塑模具,1,\"45,000\",\n"
  "SO-2026-0103,C003,quoted,2026-10-03,,,,,客户确认中\n";

static void
test_reimport_updates (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) first = NULL;
  g_autoptr(GdnImport) second = NULL;
  g_autoptr(GdnRecord) o1 = NULL;
  g_autoptr(GdnRecord) o2 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version;

  first = import_text (store, "orders", "orders.csv", orders_v1, &error);
  g_assert_no_error (error);
  assert_counts (first, 3, 0, 0);
  o2 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0102", NULL);
  version = gdn_record_get_version (o2);
  g_clear_object (&o2);

  second = import_text (store, "orders", "orders-edited.csv", orders_v2, &error);
  g_assert_no_error (error);
  assert_counts (second, 0, 2, 1);

  /* the lines of 0101 were replaced by the file's */
  o1 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0101", NULL);
  g_assert_cmpstr (gdn_record_get_string (o1, "status"), ==, "in_production");
  g_assert_cmpint (gdn_record_get_int (o1, "n_lines"), ==, 1);
  g_assert_cmpfloat (gdn_record_get_double (o1, "amount"), ==, 250.0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines l JOIN orders o ON"
                                          " o.id = l.order_id WHERE o.order_no ="
                                          " 'SO-2026-0101'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines WHERE product_code"
                                          " = 'P-1002'"), ==, 0);
  /* the status change is an event */
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_events e JOIN orders o ON"
                                          " o.id = e.order_id WHERE o.order_no = 'SO-2026-0101'"
                                          " AND e.from_status = 'confirmed' AND e.to_status ="
                                          " 'in_production' AND e.note = 'Imported from"
                                          " orders-edited.csv'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_events"), ==, 4);

  /* 0102: the same values in other forms are no change */
  o2 = gdn_store_find (store, GDN_TYPE_ORDER, "order_no", "SO-2026-0102", NULL);
  g_assert_cmpint (gdn_record_get_version (o2), ==, version);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE order_no ="
                                          " 'SO-2026-0103' AND notes = '客户确认中' AND"
                                          " version = 2"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM audit_log WHERE table_name ="
                                          " 'orders' AND action = 'import'"), ==, 5);
}

static void
test_missing_columns_keep_values (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) first = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) second = NULL;
  g_autoptr(GdnRecord) c1 = NULL;
  g_autoptr(GError) error = NULL;

  /* a sheet with fewer columns changes those, and leaves the others alone */
  second = import_text (store, "customers", "owners.csv",
                        "客户编码,客户名称,负责人\nC001,深圳市华强电子有限公司,周婷\n", &error);
  g_assert_no_error (error);
  assert_counts (second, 0, 1, 0);
  c1 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C001", NULL);
  g_assert_cmpstr (gdn_record_get_string (c1, "owner"), ==, "周婷");
  g_assert_cmpstr (gdn_record_get_string (c1, "phone"), ==, "0755-83216688");
  g_assert_cmpstr (gdn_record_get_string (c1, "tier"), ==, "key");
}

static void
test_orders_scattered_lines (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *codes = NULL;
  const GdnImportProblem *p;

  import = import_text (store, "orders", "scattered.csv",
                        "order_no,customer_code,created_date,owner,product_code,quantity,"
                        "unit_price\n"
                        "SO-1,C001,2026-10-01,王丽,A,1,10\n"
                        "SO-2,C002,2026-10-01,李强,B,1,20\n"
                        "SO-1,C001,2026-10-01,,C,2,10\n"
                        "SO-1,C001,2026-10-01,张伟,D,3,10\n", &error);
  g_assert_no_error (error);
  assert_counts (import, 2, 0, 0);
  codes = query_text (store, "SELECT group_concat(product_code, '') FROM (SELECT product_code"
                             " FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE"
                             " o.order_no = 'SO-1' ORDER BY l.position)");
  g_assert_cmpstr (codes, ==, "ACD");
  g_assert_cmpfloat (query_double (store, "SELECT amount FROM orders WHERE order_no = 'SO-1'"),
                     ==, 60.0);
  /* an order's own cells come from its first row; a different value is reported */
  p = find_problem (import, 5, "owner");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, GDN_IMPORT_SEVERITY_WARNING);
  g_assert_null (find_problem (import, 4, "owner"));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE owner = '王丽'"),
                   ==, 1);
}

static void
test_bad_rows (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autofree char *path = fixture_path ("orders-bad.csv");
  g_autofree char *before = database_checksum (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const GdnImportProblem *p;

  import = run_import (store, "orders", path, FALSE, FALSE, &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "4"));

  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 4);
  p = find_problem (import, 3, "customer_code");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, GDN_IMPORT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (p->message, "C999"));
  p = find_problem (import, 4, "type");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "express"));
  g_assert_nonnull (strstr (p->message, "urgent (加急)"));
  p = find_problem (import, 5, "created_date");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "2026-13-45"));
  p = find_problem (import, 6, "quantity");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "十"));
  g_assert_null (find_problem (import, 2, "customer_code"));

  /* nothing was written */
  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders"), ==, 0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_events"), ==, 0);
}

static void
test_skip_invalid (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autofree char *path = fixture_path ("orders-bad.csv");
  g_autoptr(GError) error = NULL;

  import = run_import (store, "orders", path, TRUE, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (import, 2, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_skipped (import), ==, 4);
  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 4);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE order_no IN"
                                          " ('SO-2026-0201', 'SO-2026-0206')"), ==, 2);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders"), ==, 2);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 2);
}

static void
test_skip_invalid_order_with_bad_line (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* one bad line leaves the whole order out, not just that line */
  path = write_temp ("o.csv", "order_no,customer_code,created_date,product_code,quantity\n"
                              "SO-1,C001,2026-10-01,A,1\n"
                              "SO-1,C001,2026-10-01,B,-2\n"
                              "SO-2,C001,2026-10-01,C,3\n");
  import = run_import (store, "orders", path, TRUE, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (import, 1, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_skipped (import), ==, 1);
  g_assert_nonnull (find_problem (import, 3, "quantity"));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 1);
}

static void
test_missing_column (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autofree char *path = fixture_path ("orders-missing-column.csv");
  g_autofree char *before = database_checksum (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *problems;

  import = run_import (store, "orders", path, TRUE, FALSE, &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_MISSING_COLUMN);
  g_assert_nonnull (strstr (error->message, "created_date"));
  g_assert_nonnull (strstr (error->message, "创建日期"));
  problems = gdn_import_get_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (((GdnImportProblem *) problems->pdata[0])->line, ==, 1);

  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_dry_run (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = NULL;
  g_autofree char *path = fixture_path ("orders.csv");
  g_autofree char *before = database_checksum (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  ChangeCount changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &changes);
  import = run_import (store, "orders", path, FALSE, TRUE, &error);
  g_assert_no_error (error);
  assert_counts (import, 3, 0, 0);
  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (changes.reloads, ==, 0);

  g_clear_object (&import);
  g_clear_error (&error);
  path = (g_free (path), fixture_path ("orders-bad.csv"));
  import = run_import (store, "orders", path, FALSE, TRUE, &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 4);
}

static void
test_trash_restored (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) first = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) second = NULL;
  g_autoptr(GdnRecord) c1 = gdn_store_find (store, GDN_TYPE_CUSTOMER, "code", "C001", NULL);
  g_autoptr(GError) error = NULL;

  gdn_store_delete (store, c1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM customers WHERE deleted_at"
                                          " IS NOT NULL"), ==, 1);

  second = import_fixture (store, "customers", "customers.csv");
  assert_counts (second, 0, 1, 3);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM customers WHERE deleted_at"
                                          " IS NOT NULL"), ==, 0);
}

static void
test_references (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) contacts = NULL;
  g_autoptr(GdnImport) interactions = NULL;
  g_autoptr(GdnImport) contracts = NULL;
  g_autoptr(GError) error = NULL;
  const GdnImportProblem *p;

  contacts = import_text (store, "contacts", "contacts.csv",
                          "客户编码,姓名\nC001,王建国\nC404,刘备\n", &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  p = find_problem (contacts, 3, "客户编码");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "C404"));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contacts"), ==, 0);
  g_clear_error (&error);

  interactions = import_text (store, "interactions", "log.csv",
                              "customer_code,contact_name,channel,at,summary\n"
                              "C001,诸葛亮,phone,2026-10-01 09:00,询问交期\n", &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  p = find_problem (interactions, 2, "contact_name");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "诸葛亮"));
  g_clear_error (&error);

  contracts = import_text (store, "contracts", "contracts.csv",
                           "contract_no,customer_code,order_nos\nHT-1,C001,SO-404; SO-405\n",
                           &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  g_assert_cmpuint (gdn_import_get_n_errors (contracts), ==, 2);
  p = find_problem (contracts, 2, "order_nos");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "SO-404"));
}

static void
test_duplicate_and_required (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GError) error = NULL;
  const GdnImportProblem *p;

  import = import_text (store, "customers", "dup.csv",
                        "code,name\nC001,深圳市华强电子有限公司\n,无编码公司\n"
                        "C001,重复的公司\nC009,\n", &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  g_assert_nonnull (find_problem (import, 3, "code"));
  p = find_problem (import, 4, NULL);
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p->message, "2"));
  g_assert_nonnull (find_problem (import, 5, "name"));
  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 3);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM customers"), ==, 0);
}

static void
test_unreadable (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GdnImport) quote = NULL;
  g_autoptr(GdnImport) unknown = NULL;
  g_autofree char *missing = gdn_test_tmp_path ("nowhere.csv");
  g_autoptr(GError) error = NULL;

  import = run_import (store, "customers", missing, FALSE, FALSE, &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_READ);
  g_clear_error (&error);

  quote = import_text (store, "customers", "q.csv", "code,name\nC1,\"未闭合\nC2,x\n", &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_READ);
  g_assert_nonnull (find_problem (quote, 2, NULL));
  g_clear_error (&error);

  unknown = import_text (store, "products", "p.csv", "code,name\n", &error);
  g_assert_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_UNKNOWN_KIND);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      notifies;
  double     last;
} AsyncRun;

static void
progress_notify_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  AsyncRun *run = user_data;
  double p = gdn_import_get_progress (GDN_IMPORT (object));

  g_assert_cmpfloat (p, >=, run->last);
  run->last = p;
  run->notifies++;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->ok = gdn_import_run_finish (GDN_IMPORT (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_async (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) customers = import_fixture (store, "customers", "customers.csv");
  g_autoptr(GdnImport) import = gdn_import_new (store, "orders");
  g_autofree char *path = fixture_path ("orders.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncRun run = { loop, FALSE, NULL, 0, 0.0 };
  ChangeCount changes = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &changes);
  g_signal_connect (import, "notify::progress", G_CALLBACK (progress_notify_cb), &run);
  gdn_import_run_async (import, file, NULL, import_done_cb, &run);
  g_main_loop_run (loop);

  g_assert_no_error (run.error);
  g_assert_true (run.ok);
  assert_counts (import, 3, 0, 0);
  g_assert_cmpfloat (gdn_import_get_progress (import), ==, 1.0);
  g_assert_cmpuint (run.notifies, >=, 1);
  /* orders, their lines and their events reload in the app's lists */
  g_assert_cmpuint (changes.reloads, ==, 3);
  g_assert_true (changes.last_type == GDN_TYPE_ORDER);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders"), ==, 3);
}

static void
test_async_errors (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnImport) import = gdn_import_new (store, "orders");
  g_autofree char *path = fixture_path ("orders-bad.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncRun run = { loop, FALSE, NULL, 0, 0.0 };

  gdn_import_run_async (import, file, NULL, import_done_cb, &run);
  g_main_loop_run (loop);
  g_assert_false (run.ok);
  g_assert_error (run.error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA);
  g_clear_error (&run.error);
  /* no customers at all: every row names an unknown one */
  g_assert_cmpuint (gdn_import_get_n_errors (import), >=, 6);
}

/* A large generated orders file: 1000 customers, orders of one to five lines. */
static void
generate_orders (const char *customers_path,
                 const char *orders_path,
                 guint       n_lines,
                 guint      *n_orders,
                 double     *total)
{
  static const char * const products[][3] = {
    { "贴片电阻", "0603 10kΩ ±1%", "盘" }, { "贴片电容", "0805 100nF 50V", "盘" },
    { "电源模块", "DC-DC 24V转5V 3A", "个" }, { "排针连接器", "2.54mm 40P 双排", "个" },
    { "五金冲压件", "SPCC 1.0mm", "件" }, { "注塑外壳", "ABS 黑色 120×80mm", "套" },
  };
  GString *c = g_string_new ("code,name,tier,status\n");
  GString *o = g_string_new ("order_no,customer_code,type,source,status,created_date,"
                             "promised_date,delivery_address,product_code,product_name,spec,"
                             "unit,quantity,unit_price,owner\n");
  GRand *rand = g_rand_new_with_seed (2026);
  guint line = 0, order = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (c, "C%04u,客户%04u贸易有限公司,%s,active\n", i, i,
                            (const char *[]) { "key", "A", "B", "C" }[i % 4]);

  *total = 0;
  while (line < n_lines)
    {
      guint lines = MIN (n_lines - line, (guint) g_rand_int_range (rand, 1, 6));
      guint customer = g_rand_int_range (rand, 1, 1001);
      guint day = g_rand_int_range (rand, 1, 29);

      order++;
      for (guint k = 0; k < lines; k++, line++)
        {
          guint p = g_rand_int_range (rand, 0, G_N_ELEMENTS (products));
          guint qty = g_rand_int_range (rand, 1, 500);
          guint cents = g_rand_int_range (rand, 10, 100000);

          *total += qty * (cents / 100.0);
          g_string_append_printf (o, "SO-%07u,C%04u,regular,email,confirmed,2026-09-%02u,"
                                     "2026/10/%u,深圳市南山区科技园路%u号,P-%04u,%s,%s,%s,%u,"
                                     "\"¥%u.%02u\",王丽\n",
                                  order, customer, day, day, customer, p, products[p][0],
                                  products[p][1], products[p][2], qty, cents / 100, cents % 100);
        }
    }
  *n_orders = order;

  g_file_set_contents (customers_path, c->str, c->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (orders_path, o->str, o->len, &error);
  g_assert_no_error (error);
  g_string_free (c, TRUE);
  g_string_free (o, TRUE);
  g_rand_free (rand);
}

/* Orders first..first+n-1, of every status, over 40 customers: the import of a company's
 * order book, as writing set-based must store it exactly as writing row by row. */
static char *
write_order_book (const char *name,
                  guint       first,
                  guint       n,
                  guint       seed)
{
  static const char * const statuses[] = {
    "inquiry", "quoted", "confirmed", "in_production", "qc", "shipped", "delivered", "closed",
  };
  static const char * const types[] = { "regular", "urgent", "custom" };
  g_autoptr(GString) o = g_string_new ("order_no,customer_code,type,status,created_date,"
                                       "confirmed_date,promised_date,delivered_date,"
                                       "product_code,product_name,quantity,unit_price,owner\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = first; i < first + n; i++)
    {
      guint s = g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses));
      guint month = g_rand_int_range (rand, 1, 10), day = g_rand_int_range (rand, 1, 29);
      guint lines = g_rand_int_range (rand, 1, 4);
      g_autofree char *confirmed = s >= 2 ? g_strdup_printf ("2026-%02u-%02u", month + 1,
                                                             day) : g_strdup ("");
      g_autofree char *delivered = s >= 6 ? g_strdup_printf ("2026-%02u-%02u", month + 2,
                                                             g_rand_int_range (rand, 1, 29))
                                          : g_strdup ("");

      for (guint k = 0; k < lines; k++)
        g_string_append_printf (o, "SO-%06u,C%04u,%s,%s,2026-%02u-%02u,%s,2026-%02u-15,%s,"
                                   "P-%03u,%s,%u,%u.%02u,%s\n",
                                i, g_rand_int_range (rand, 1, 41),
                                types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                                statuses[s], month, day, confirmed, month + 2, delivered,
                                g_rand_int_range (rand, 1, 200),
                                k % 2 ? "贴片电阻" : "注塑外壳",
                                g_rand_int_range (rand, 1, 100), g_rand_int_range (rand, 1, 900),
                                g_rand_int_range (rand, 0, 100),
                                k % 2 ? "王丽" : "张伟");
    }
  return write_temp (name, o->str);
}

/* Every row of @table, without the columns that hold the time of writing */
static char *
dump_table (GdnStore   *store,
            const char *table)
{
  sqlite3 *db = gdn_database_get_handle (gdn_store_get_database (store));
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3", table);
  g_autoptr(GString) dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *column = sqlite3_column_name (stmt, c);

          /* the times of writing: created_at, status_changed_at, an event's at… */
          if (g_str_equal (column, "at") || g_str_has_suffix (column, "_at"))
            continue;
          /* sums of amounts, to the cent: added up in another order */
          if (sqlite3_column_type (stmt, c) == SQLITE_FLOAT)
            g_string_append_printf (dump, "%.4f|", sqlite3_column_double (stmt, c));
          else
            g_string_append_printf (dump, "%s|", sqlite3_column_text (stmt, c));
        }
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static char *
import_order_book (guint orders,
                   guint index_orders)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GString) c = g_string_new ("code,name,short_name\n");
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *customers = NULL;
  g_autofree char *book_1 = write_order_book ("book-1.csv", 1, 300, 1);
  /* the second book changes 50 orders of the first, and adds 450 */
  g_autofree char *book_2 = write_order_book ("book-2.csv", 251, 500, 2);
  static const char * const tables[] = {
    "sqlite_master", "orders", "order_lines", "order_events", "audit_log",
    "kpi_created_days", "kpi_confirmed_days", "kpi_delivered_days",
  };
  static const char * const words[] = { "SO-000123", "客户0007", "注塑外", "P-1", "KH12" };
  g_autoptr(GdnImport) import_1 = NULL;
  g_autoptr(GdnImport) import_2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *integrity = NULL;

  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (c, "C%04u,客户%04u贸易有限公司,KH%u\n", i, i, i);
  customers = write_temp ("book-customers.csv", c->str);
  g_clear_object (&import_1);
  import_1 = run_import (store, "customers", customers, FALSE, FALSE, &error);
  g_assert_no_error (error);

  gdn_import_set_bulk_for_testing (orders, index_orders);
  g_clear_object (&import_1);
  import_1 = run_import (store, "orders", book_1, FALSE, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (import_1, 300, 0, 0);
  import_2 = run_import (store, "orders", book_2, FALSE, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (import_2, 450, 50, 0);
  gdn_import_set_bulk_for_testing (1000, 10000);

  integrity = query_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_true (gdn_database_exec (gdn_store_get_database (store),
                                    "INSERT INTO orders_fts (orders_fts) VALUES"
                                    " ('integrity-check')", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strcmp0 (tables[i], "sqlite_master") == 0
        ? g_strdup ("(SELECT type, name, tbl_name, sql FROM sqlite_master)")
        : g_strdup (tables[i]);
      g_autofree char *dump = dump_table (store, sql);

      g_assert_cmpuint (strlen (dump), >, 0);
      g_string_append_printf (all, "%s\n%s", tables[i], dump);
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_autofree char *sql = g_strdup_printf ("(SELECT rowid, 0, 0 FROM orders_fts"
                                              " WHERE search_text LIKE '%%%s%%')", words[i]);
      g_autofree char *dump = dump_table (store, sql);

      g_assert_cmpuint (strlen (dump), >, 0);
      g_string_append_printf (all, "%s\n%s", words[i], dump);
    }
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* the first line that differs, rather than two whole dumps */
static void
assert_same_lines (const char *actual,
                   const char *expected)
{
  g_auto(GStrv) a = g_strsplit (actual, "\n", -1);
  g_auto(GStrv) e = g_strsplit (expected, "\n", -1);
  guint i;

  for (i = 0; a[i] != NULL && e[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, e[i]);
  g_assert_cmpuint (g_strv_length (a), ==, g_strv_length (e));
}

static void
test_bulk_same_as_rows (void)
{
  /* row by row; set-based; set-based with the indexes made again */
  g_autofree char *rows = import_order_book (G_MAXUINT, G_MAXUINT);
  g_autofree char *bulk = import_order_book (1, G_MAXUINT);
  g_autofree char *indexes = import_order_book (1, 1);

  assert_same_lines (bulk, rows);
  assert_same_lines (indexes, rows);
}

typedef struct
{
  double   last;
  guint    n_writing;   /* reports while the orders are written, after the checks */
} Progress;

static void
bulk_progress_cb (GObject    *object,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  Progress *progress = user_data;
  double p = gdn_import_get_progress (GDN_IMPORT (object));

  g_assert_cmpfloat (p, >=, progress->last);
  if (p > 0.6 && p < 1.0)
    progress->n_writing++;
  progress->last = p;
}

/* A large import's bar keeps moving while its orders and their indexes are written */
static void
test_bulk_progress (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GString) c = g_string_new ("code,name\n");
  g_autofree char *customers = NULL;
  g_autofree char *book = write_order_book ("book-progress.csv", 1, 1500, 3);
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (book);
  g_autoptr(GError) error = NULL;
  Progress progress = { 0.0, 0 };

  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (c, "C%04u,客户%04u贸易有限公司\n", i, i);
  customers = write_temp ("progress-customers.csv", c->str);
  g_object_unref (run_import (store, "customers", customers, FALSE, FALSE, &error));
  g_assert_no_error (error);

  /* (its indexes made again from 1,000 orders instead of 10,000) */
  gdn_import_set_bulk_for_testing (1000, 1000);
  import = gdn_import_new (store, "orders");
  g_signal_connect (import, "notify::progress", G_CALLBACK (bulk_progress_cb), &progress);
  g_assert_true (gdn_import_run (import, file, NULL, &error));
  gdn_import_set_bulk_for_testing (1000, 10000);
  g_assert_no_error (error);
  assert_counts (import, 1500, 0, 0);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  /* the rows, each index of orders and of their lines, the text, its index, the KPIs */
  g_assert_cmpuint (progress.n_writing, >=, 20);
}

static void
test_large_file (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *customers = gdn_test_tmp_path ("customers.csv");
  g_autofree char *orders = gdn_test_tmp_path ("orders.csv");
  g_autoptr(GdnImport) c = NULL;
  g_autoptr(GdnImport) o = NULL;
  g_autoptr(GdnImport) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines = g_test_perf () ? 100000 : 20000;
  guint n_orders;
  double total, seconds, cpu_seconds;
  g_autoptr(GTimer) timer = NULL;
  clock_t cpu;

  generate_orders (customers, orders, n_lines, &n_orders, &total);
  c = run_import (store, "customers", customers, FALSE, FALSE, &error);
  g_assert_no_error (error);

  /* CPU time as well as wall time: on a busy machine only the first means much */
  timer = g_timer_new ();
  cpu = clock ();
  o = run_import (store, "orders", orders, FALSE, FALSE, &error);
  seconds = g_timer_elapsed (timer, NULL);
  cpu_seconds = (double) (clock () - cpu) / CLOCKS_PER_SEC;
  g_assert_no_error (error);
  assert_counts (o, n_orders, 0, 0);
  g_assert_cmpuint (gdn_import_get_n_lines (o), ==, n_lines);
  g_test_message ("imported %u order lines (%u orders) in %.3f s (%.3f s CPU): %.0f lines/s "
                  "(%.0f lines per CPU second)", n_lines, n_orders, seconds, cpu_seconds,
                  n_lines / seconds, n_lines / cpu_seconds);
  if (g_test_perf ())
    g_test_minimized_result (seconds, "import of %u order lines: %.0f lines/s", n_lines,
                             n_lines / seconds);

  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, n_lines);
  g_assert_cmpfloat_with_epsilon (query_double (store, "SELECT sum(amount) FROM orders"),
                                  total, 0.01 * n_orders);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE search_text"
                                          " = ''"), ==, 0);

  g_timer_start (timer);
  again = run_import (store, "orders", orders, FALSE, FALSE, &error);
  g_assert_no_error (error);
  assert_counts (again, 0, 0, n_orders);
  g_test_message ("second import (nothing changed): %.3f s", g_timer_elapsed (timer, NULL));
}

static char *
cli_path (void)
{
  const char *cli = g_getenv ("GENDAN_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  return g_strdup (cli);
}

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *cli = cli_path ();
  g_autofree char *db = NULL;
  g_autofree char *customers = fixture_path ("customers.csv");
  g_autofree char *bad = fixture_path ("orders-bad.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (cli == NULL)
    {
      g_test_skip ("gendan-cli is not built");
      return;
    }
  db = gdn_test_tmp_path ("cli.db");

  {
    const char *args[] = { cli, "import", "customers", customers, "--database", db, NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_cmpstr (out, ==, "customers: 4 created, 0 updated, 0 unchanged (4 lines)\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { cli, "import", "orders", bad, "--database", db, NULL };
    g_autofree char *expected = g_strdup_printf ("%s:3: customer_code: ", bad);

    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, expected));
    g_assert_nonnull (strstr (err, "C999"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { cli, "import", "orders", bad, "--skip-invalid", "--database", db,
                           NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "C999"));
    g_assert_cmpstr (out, ==, "orders: 2 created, 0 updated, 0 unchanged, 4 skipped "
                              "(6 lines)\n");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { cli, "import", "widgets", customers, "--database", db, NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { cli, "import", "customers", "--database", db, NULL };
    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/import/customers/utf8-bom", test_customers_utf8_bom);
  g_test_add_func ("/import/customers/gb18030-chinese-headers", test_customers_gb18030);
  g_test_add_func ("/import/customers/unknown-columns", test_unknown_columns);
  g_test_add_func ("/import/customers/missing-columns-keep-values",
                   test_missing_columns_keep_values);
  g_test_add_func ("/import/orders/lines", test_orders_lines);
  g_test_add_data_func ("/import/orders/utf16le-tabs", "orders-utf16le.txt", test_orders_utf16);
  g_test_add_data_func ("/import/orders/utf16be-tabs", "orders-utf16be.txt", test_orders_utf16);
  g_test_add_func ("/import/orders/scattered-lines", test_orders_scattered_lines);
  g_test_add_func ("/import/orders/bulk-same-as-rows", test_bulk_same_as_rows);
  g_test_add_func ("/import/orders/bulk-progress", test_bulk_progress);
  g_test_add_func ("/import/orders/reimport-updates", test_reimport_updates);
  g_test_add_func ("/import/all-kinds", test_all_kinds_values);
  g_test_add_func ("/import/idempotent", test_idempotent);
  g_test_add_func ("/import/trash-restored", test_trash_restored);
  g_test_add_func ("/import/errors/bad-rows", test_bad_rows);
  g_test_add_func ("/import/errors/skip-invalid", test_skip_invalid);
  g_test_add_func ("/import/errors/skip-invalid-order", test_skip_invalid_order_with_bad_line);
  g_test_add_func ("/import/errors/missing-column", test_missing_column);
  g_test_add_func ("/import/errors/references", test_references);
  g_test_add_func ("/import/errors/duplicate-and-required", test_duplicate_and_required);
  g_test_add_func ("/import/errors/unreadable", test_unreadable);
  g_test_add_func ("/import/dry-run", test_dry_run);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/async-errors", test_async_errors);
  g_test_add_func ("/import/large-file", test_large_file);
  g_test_add_func ("/import/cli", test_cli);

  return g_test_run ();
}

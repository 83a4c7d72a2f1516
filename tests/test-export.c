/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "gdn-customer.h"
#include "gdn-export.h"
#include "gdn-import-columns.h"
#include "gdn-import.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-test-utils.h"

/* Exporting as CSV.md says, and the round trip: what is exported imports again into the
 * same records. */

static const char * const all_kinds[] = { "customers", "contacts", "orders", "shipments",
                                          "cases", "surveys", "interactions", "contracts" };
static const char * const all_files[] = { "customers.csv", "contacts.csv", "orders.csv",
                                          "shipments.csv", "cases.csv", "surveys.csv",
                                          "interactions.csv", "contracts.csv" };

static char *
fixture_path (const char *name)
{
  const char *srcdir = g_getenv ("TESTS_SRCDIR");

  if (srcdir != NULL)
    return g_build_filename (srcdir, "data", "csv", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static void
import_path (GdnStore   *store,
             const char *kind,
             const char *path,
             guint       expected_created)
{
  g_autoptr(GdnImport) import = gdn_import_new (store, kind);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gdn_import_run (import, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (gdn_import_get_n_errors (import), ==, 0);
  g_assert_cmpuint (gdn_import_get_n_warnings (import), ==, 0);
  if (expected_created != G_MAXUINT)
    g_assert_cmpuint (gdn_import_get_n_created (import), ==, expected_created);
}

static void
import_fixture (GdnStore   *store,
                const char *kind,
                const char *name)
{
  g_autofree char *path = fixture_path (name);

  import_path (store, kind, path, G_MAXUINT);
}

static void
import_all_fixtures (GdnStore *store)
{
  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    import_fixture (store, all_kinds[i], all_files[i]);
}

static char *
export_csv (GdnStore   *store,
            const char *kind,
            gboolean    chinese,
            guint      *n_rows)
{
  g_autoptr(GdnExport) export = gdn_export_new (store, kind);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  gdn_export_set_chinese_headers (export, chinese);
  g_assert_true (gdn_export_write_csv (export, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  if (n_rows != NULL)
    *n_rows = gdn_export_get_n_rows (export);
  return g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
}

static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = strstr (text, "\r\n"); p != NULL; p = strstr (p + 2, "\r\n"))
    n++;
  return n;
}

static void
test_csv_format (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *text = NULL;
  guint n_rows;

  import_fixture (store, "customers", "customers.csv");
  text = export_csv (store, "customers", FALSE, &n_rows);

  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"
                                         "code,name,short_name,industry,tier,status,address,"
                                         "phone,email,owner,notes\r\n"
                                         "C001,深圳市华强电子有限公司,华强电子,电子元器件,key,"
                                         "active,深圳市福田区华强北路1002号,0755-83216688,"
                                         "purchase@hqdz.com.cn,王丽,长期客户，付款及时\r\n"));
  g_assert_nonnull (strstr (text, "\r\nC002,东莞市长安精密模具厂,长安模具,模具制造,A,active,"
                                  "\"东莞市长安镇乌沙社区,兴发南路18号\",0769-85321234,,李强,"
                                  "\"注意：\"\"加急\"\"订单需提前确认\"\r\n"));
  g_assert_nonnull (strstr (text, ",\"首次询价\n来自2026年深圳电子展\"\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\nC004,宁波北仑港通物流有限公司,港通物流,物流,C,"
                                         "dormant,宁波市北仑区明州路99号,0574-86112233,,陈静,"
                                         "\r\n"));
}

static void
test_chinese_headers (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *orders = NULL;
  g_autofree char *contacts = NULL;

  import_fixture (store, "customers", "customers.csv");
  import_fixture (store, "contacts", "contacts.csv");
  import_fixture (store, "orders", "orders.csv");

  orders = export_csv (store, "orders", TRUE, NULL);
  g_assert_true (g_str_has_prefix (orders, "\xef\xbb\xbf订单号,客户编码,订单类型,来源,状态,"
                                           "创建日期,确认日期,交货日期,实际交付日期,交货地址,"
                                           "产品编码,产品名称,规格,单位,数量,单价,币种,"
                                           "付款截止日,延误原因,负责人,缺失原因,备注\r\n"));
  g_assert_nonnull (strstr (orders, "\r\nSO-2026-0002,C002,加急,电话,已报价,2026-09-10,,"
                                    "2026-09-25,,"));
  g_assert_nonnull (strstr (orders, "\r\nSO-2026-0003,C003,定制,在线,询盘,2026-09-15,"));

  contacts = export_csv (store, "contacts", TRUE, NULL);
  g_assert_nonnull (strstr (contacts, "\r\nC001,王建国,采购经理,采购部,13802561234,"
                                      "wangjg@hqdz.com.cn,wjg_hq,1978-05-12,经济型,支持,是\r\n"));
  g_assert_nonnull (strstr (contacts, ",技术型,中立,否\r\n"));
}

static void
test_orders_rows (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *text = NULL;
  guint n_rows;

  import_fixture (store, "customers", "customers.csv");
  import_fixture (store, "orders", "orders.csv");
  text = export_csv (store, "orders", FALSE, &n_rows);

  /* one row per line; an order without lines is one row */
  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (count_lines (text), ==, 5);
  g_assert_nonnull (strstr (text, "\r\nSO-2026-0001,C001,regular,email,confirmed,2026-09-01,"
                                  "2026-09-03,2026-10-05,,深圳市福田区华强北路1002号,P-1001,"
                                  "贴片电阻,0603 10kΩ ±1%,盘,20,1280.5,CNY,2026-10-31,,王丽,,"
                                  "\r\n"));
  g_assert_nonnull (strstr (text, ",P-1002,贴片电容,0805 100nF 50V,盘,10,860,CNY,"));
  g_assert_nonnull (strstr (text, "\r\nSO-2026-0003,C003,custom,online,inquiry,2026-09-15,,,,,"
                                  ",,,,,,CNY,,,张伟,交货地址待定,\r\n"));
}

static void
test_formula_guard (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnStore) fresh = gdn_test_open_store ();
  g_autoptr(GdnRecord) c = gdn_record_new (GDN_TYPE_CUSTOMER);
  g_autoptr(GdnRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = gdn_test_tmp_path ("customers.csv");

  gdn_record_set_string (c, "code", "C301");
  gdn_record_set_string (c, "name", "=HYPERLINK(\"http://evil.example\",\"点击\")");
  gdn_record_set_string (c, "phone", "+86 20 8888 0000");
  gdn_record_set_string (c, "notes", "@备注 -待跟进");
  gdn_record_set_string (c, "address", "-");
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);

  text = export_csv (store, "customers", FALSE, NULL);
  g_assert_nonnull (strstr (text, "\r\nC301,\"'=HYPERLINK(\"\"http://evil.example\"\","
                                  "\"\"点击\"\")\",,,,,'-,'+86 20 8888 0000,,,'@备注 -待跟进"
                                  "\r\n"));

  /* and the ' is not part of the value when it comes back */
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  import_path (fresh, "customers", path, 1);
  back = gdn_store_find (fresh, GDN_TYPE_CUSTOMER, "code", "C301", NULL);
  g_assert_cmpstr (gdn_record_get_string (back, "name"), ==,
                   "=HYPERLINK(\"http://evil.example\",\"点击\")");
  g_assert_cmpstr (gdn_record_get_string (back, "phone"), ==, "+86 20 8888 0000");
  g_assert_cmpstr (gdn_record_get_string (back, "notes"), ==, "@备注 -待跟进");
  g_assert_cmpstr (gdn_record_get_string (back, "address"), ==, "-");
}

/* Records made through the store, with the values that are hard to write. */
static void
add_tricky_records (GdnStore *store)
{
  g_autoptr(GdnRecord) c = gdn_record_new (GDN_TYPE_CUSTOMER);
  g_autoptr(GdnRecord) o = gdn_record_new (GDN_TYPE_ORDER);
  g_autoptr(GdnRecord) l = gdn_record_new (GDN_TYPE_ORDER_LINE);
  g_autoptr(GdnRecord) gone = gdn_record_new (GDN_TYPE_CUSTOMER);
  g_autoptr(GError) error = NULL;

  gdn_record_set_string (c, "code", "C-引号,逗号");
  gdn_record_set_string (c, "name", "上海\"浦江\"精密机械有限公司");
  gdn_record_set_string (c, "notes", "=1+1\n第二行，含逗号,和\"引号\"");
  gdn_record_set_string (c, "phone", "+86 21 5888 0000");
  gdn_record_set_string (c, "tier", "key");
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);

  gdn_record_set_string (o, "order_no", "SO-2026-0901");
  gdn_record_set_int (o, "customer_id", gdn_record_get_id (c));
  gdn_record_set_string (o, "type", "custom");
  gdn_record_set_string (o, "status", "delivered");
  gdn_record_set_string (o, "created_date", "2026-08-01");
  gdn_record_set_string (o, "delivered_date", "2026-09-30");
  gdn_record_set_string (o, "delay_reason", "customer_change");
  gdn_record_set_string (o, "currency", "USD");
  gdn_record_set_int (o, "progress", 100);
  gdn_record_set_double (o, "amount", 0.0);
  gdn_record_set_int (o, "n_lines", 0);
  g_assert_true (gdn_store_insert (store, o, &error));
  g_assert_no_error (error);

  /* a price that no two-decimal format would keep */
  gdn_record_set_int (l, "order_id", gdn_record_get_id (o));
  gdn_record_set_int (l, "position", 1);
  gdn_record_set_string (l, "product_code", "P-0.1");
  gdn_record_set_double (l, "quantity", 0.1);
  gdn_record_set_double (l, "unit_price", 12.345678901);
  g_assert_true (gdn_store_insert (store, l, &error));
  g_assert_no_error (error);

  /* in the trash: not exported */
  gdn_record_set_string (gone, "code", "C-TRASH");
  gdn_record_set_string (gone, "name", "已删除客户");
  g_assert_true (gdn_store_insert (store, gone, &error));
  g_assert_true (gdn_store_delete (store, gone, &error));
  g_assert_no_error (error);
}

static void
round_trip (gboolean chinese)
{
  g_autoptr(GdnStore) a = gdn_test_open_store ();
  g_autoptr(GdnStore) b = gdn_test_open_store ();
  g_autofree char *dir = gdn_test_make_tmpdir ();

  import_all_fixtures (a);
  add_tricky_records (a);

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.csv", dir, all_kinds[i]);
      g_autofree char *first = NULL;
      g_autoptr(GError) error = NULL;
      guint n_rows;

      first = export_csv (a, all_kinds[i], chinese, &n_rows);
      g_file_set_contents (path, first, -1, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u rows", all_kinds[i], n_rows);
      import_path (b, all_kinds[i], path, G_MAXUINT);
    }

  for (guint i = 0; i < G_N_ELEMENTS (all_kinds); i++)
    {
      g_autofree char *first = export_csv (a, all_kinds[i], chinese, NULL);
      g_autofree char *second = export_csv (b, all_kinds[i], chinese, NULL);

      g_test_message ("comparing %s", all_kinds[i]);
      g_assert_cmpstr (first, ==, second);
    }

  g_assert_cmpint (gdn_test_count (b, "SELECT count(*) FROM customers WHERE code = 'C-TRASH'"),
                   ==, 0);
  g_assert_cmpint (gdn_test_count (b, "SELECT count(*) FROM order_lines WHERE quantity = 0.1"
                                      " AND unit_price = 12.345678901"), ==, 1);
  g_assert_cmpint (gdn_test_count (b, "SELECT count(*) FROM customers WHERE notes ="
                                      " '=1+1' || char(10) || '第二行，含逗号,和\"引号\"'"), ==, 1);
  /* the same records: every exported column of every kind compared equal above; the
   * counts of the child tables agree too */
  g_assert_cmpint (gdn_test_count (a, "SELECT count(*) FROM order_lines"), ==,
                   gdn_test_count (b, "SELECT count(*) FROM order_lines"));
  g_assert_cmpint (gdn_test_count (a, "SELECT count(*) FROM contract_orders"), ==,
                   gdn_test_count (b, "SELECT count(*) FROM contract_orders"));
}

static void
test_round_trip (void)
{
  round_trip (FALSE);
}

static void
test_round_trip_chinese (void)
{
  round_trip (TRUE);
}

static void
test_paging (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autofree char *customers = gdn_test_tmp_path ("customers.csv");
  g_autofree char *orders = gdn_test_tmp_path ("orders.csv");
  g_autoptr(GString) c = g_string_new ("code,name\n");
  g_autoptr(GString) o = g_string_new ("order_no,customer_code,created_date,product_code,"
                                       "quantity,unit_price\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *otext = NULL;
  guint n_rows;

  for (guint i = 1; i <= 1234; i++)
    g_string_append_printf (c, "K%05u,第%u号客户有限公司\n", i, i);
  for (guint i = 1; i <= 600; i++)
    g_string_append_printf (o, "SO-%05u,K%05u,2026-10-01,A,1,2\nSO-%05u,K%05u,2026-10-01,B,3,4\n",
                            i, i, i, i);
  g_file_set_contents (customers, c->str, c->len, &error);
  g_file_set_contents (orders, o->str, o->len, &error);
  g_assert_no_error (error);
  import_path (store, "customers", customers, 1234);
  import_path (store, "orders", orders, 600);

  text = export_csv (store, "customers", FALSE, &n_rows);
  g_assert_cmpuint (n_rows, ==, 1234);
  g_assert_cmpuint (count_lines (text), ==, 1235);
  /* the page boundary (500) loses and repeats nothing */
  g_assert_nonnull (strstr (text, "\r\nK00500,第500号客户有限公司,,,,,,,,,\r\n"
                                  "K00501,第501号客户有限公司,,,,,,,,,\r\n"));
  g_assert_true (g_str_has_suffix (text, "\r\nK01234,第1234号客户有限公司,,,,,,,,,\r\n"));

  /* a page of orders keeps every line of its orders */
  otext = export_csv (store, "orders", FALSE, &n_rows);
  g_assert_cmpuint (n_rows, ==, 1200);
  g_assert_nonnull (strstr (otext, "\r\nSO-00500,K00500,regular,,inquiry,2026-10-01,,,,,A,"));
  g_assert_nonnull (strstr (otext, "\r\nSO-00500,K00500,regular,,inquiry,2026-10-01,,,,,B,"));
  g_assert_nonnull (strstr (otext, "\r\nSO-00501,K00501,regular,,inquiry,2026-10-01,,,,,A,"));
}

static void
test_to_file_csv (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnExport) export = gdn_export_new (store, "customers");
  g_autofree char *path = gdn_test_tmp_path ("客户.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;

  import_fixture (store, "customers", "customers.csv");
  expected = export_csv (store, "customers", FALSE, NULL);
  g_assert_true (gdn_export_to_file (export, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpuint (gdn_export_get_n_rows (export), ==, 4);
}

static void
test_xlsx (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnExport) export = gdn_export_new (store, "orders");
  g_autofree char *path = gdn_test_tmp_path ("orders.XLSX");
  g_autofree char *partial = g_strdup_printf ("%s.part", path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *unzip = g_find_program_in_path ("unzip");
  gsize len = 0;

  import_fixture (store, "customers", "customers.csv");
  import_fixture (store, "orders", "orders.csv");
  gdn_export_set_chinese_headers (export, TRUE);
  g_assert_cmpint (gdn_export_format_for_path (path), ==, GDN_EXPORT_FORMAT_XLSX);
  g_assert_true (gdn_export_to_file (export, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gdn_export_get_n_rows (export), ==, 4);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (memcmp (contents, "PK\x03\x04", 4) == 0);
  g_assert_true (contains_bytes (contents, len, "xl/worksheets/sheet1.xml"));

  if (unzip != NULL)
    {
      g_autofree char *sheet = NULL;
      const char *args[] = { unzip, "-p", path, "xl/worksheets/sheet1.xml", NULL };
      int status;

      g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &sheet,
                    NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (sheet, "订单号"));
      g_assert_nonnull (strstr (sheet, "SO-2026-0001"));
      g_assert_nonnull (strstr (sheet, "已确认"));
      /* numbers are numbers, not text */
      g_assert_nonnull (strstr (sheet, "<v>1280.5</v>"));
      g_assert_nonnull (strstr (sheet, "<v>45000</v>"));
    }
  else
    g_test_message ("unzip not found: the sheet's contents are not checked");
}

static void
test_unknown_kind (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnExport) export = gdn_export_new (store, "reminders");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (gdn_export_write_csv (export, out, NULL, &error));
  g_assert_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_UNKNOWN_KIND);
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("GENDAN_CLI");
  g_autofree char *db = NULL;
  g_autofree char *customers = fixture_path ("customers.csv");
  g_autofree char *xlsx = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("gendan-cli is not built");
      return;
    }
  db = gdn_test_tmp_path ("cli.db");
  xlsx = gdn_test_tmp_path ("客户.xlsx");

  {
    const char *args[] = { cli, "import", "customers", customers, "--database", db, NULL };
    g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
  {
    const char *args[] = { cli, "export", "customers", "--chinese-headers", "--database", db,
                           NULL };
    g_autofree char *out = NULL;

    g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_true (g_str_has_prefix (out, "\xef\xbb\xbf客户编码,客户名称,简称,"));
    g_assert_nonnull (strstr (out, ",重点,活跃,"));
  }
  {
    const char *args[] = { cli, "export", "customers", "-o", xlsx, "--database", db, NULL };
    g_autofree char *out = NULL;
    g_autofree char *contents = NULL;

    g_spawn_sync (NULL, (char **) args, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                  &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (out, "4"));
    g_assert_true (g_file_get_contents (xlsx, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "PK"));
  }
  {
    const char *args[] = { cli, "export", "widgets", "--database", db, NULL };
    g_spawn_sync (NULL, (char **) args, NULL,
                  G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                  NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/export/csv/format", test_csv_format);
  g_test_add_func ("/export/csv/chinese-headers", test_chinese_headers);
  g_test_add_func ("/export/csv/formula-guard", test_formula_guard);
  g_test_add_func ("/export/csv/orders-one-row-per-line", test_orders_rows);
  g_test_add_func ("/export/csv/paging", test_paging);
  g_test_add_func ("/export/csv/to-file", test_to_file_csv);
  g_test_add_func ("/export/round-trip/english", test_round_trip);
  g_test_add_func ("/export/round-trip/chinese", test_round_trip_chinese);
  g_test_add_func ("/export/xlsx", test_xlsx);
  g_test_add_func ("/export/unknown-kind", test_unknown_kind);
  g_test_add_func ("/export/cli", test_cli);

  return g_test_run ();
}

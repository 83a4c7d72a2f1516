/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gdn-contact.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-query-model.h"
#include "gdn-test-utils.h"

/* Every expectation is checked against the same question asked of SQLite directly. */

static const char * const customers[][2] = {
  { "C0001", "深圳市华强电子有限公司" },
  { "C0002", "东莞市李氏五金制品厂" },
  { "C0003", "Shanghai Brightway Trading Co., Ltd." },
  { "C0004", "广州市宏图贸易有限公司" },
  { "C0005", "苏州恒通精密机械有限公司" },
  { "C0006", "杭州西湖茶业有限公司" },
  { "C0007", "北京中关村科技发展有限公司" },
  { "C0008", "宁波港城塑料包装有限公司" },
  { "C0009", "成都蜀锦丝绸有限公司" },
  { "C0010", "厦门鹭岛电子科技有限公司" },
  { "C0011", "青岛海湾机械制造有限公司" },
  { "C0012", "武汉光谷光电有限公司" },
};

static void
exec_sql (GdnStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  gdn_database_exec (gdn_store_get_database (store), sql, &error);
  g_assert_no_error (error);
}

/* @n orders over twelve customers, one line each, with dates, owners and amounts spread
 * so that every sort has ties and NULLs to get through. */
static GdnStore *
open_store_with_orders (guint n)
{
  GdnStore *store = gdn_test_open_store ();
  g_autoptr(GdnRecordClass) orders = g_type_class_ref (GDN_TYPE_ORDER);
  g_autoptr(GdnRecordClass) customer = g_type_class_ref (GDN_TYPE_CUSTOMER);
  g_autofree char *sql = NULL;

  exec_sql (store, "BEGIN");
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autofree char *insert =
        g_strdup_printf ("INSERT INTO customers (code, name, status) VALUES ('%s', '%s',"
                         " 'active')", customers[i][0], customers[i][1]);
      exec_sql (store, insert);
    }
  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO orders (order_no, customer_id, type, status, created_date, promised_date,"
    "  owner, progress, amount, n_lines)"
    " SELECT printf('SO-2025%%05d', i), 1 + (i * 7) %% 12,"
    "  CASE i %% 3 WHEN 0 THEN 'regular' WHEN 1 THEN 'urgent' ELSE 'custom' END,"
    "  CASE i %% 5 WHEN 0 THEN 'inquiry' WHEN 1 THEN 'confirmed' WHEN 2 THEN 'in_production'"
    "   WHEN 3 THEN 'shipped' ELSE 'delivered' END,"
    "  date('2025-01-01', '+' || ((i * 37) %% 400) || ' days'),"
    "  CASE WHEN i %% 4 = 0 THEN NULL"
    "   ELSE date('2025-03-01', '+' || ((i * 53) %% 300) || ' days') END,"
    "  CASE i %% 4 WHEN 0 THEN '王芳' WHEN 1 THEN '李强' WHEN 2 THEN '张伟' END,"
    "  (i * 11) %% 101, round(((i * 7919) %% 100000) / 10.0, 1), 1"
    " FROM n", n);
  exec_sql (store, sql);
  exec_sql (store, "INSERT INTO order_lines (order_id, position, product_code, product_name,"
                   " unit, quantity, unit_price)"
                   " SELECT id, 1, printf('HQ-%04d', id % 97),"
                   "  CASE id % 4 WHEN 0 THEN '四层电路板' WHEN 1 THEN '贴片电容'"
                   "   WHEN 2 THEN '铝电解电容' ELSE 'USB-C 连接器' END, '个', 100, 1.5"
                   " FROM orders");
  g_free (sql);
  sql = g_strdup_printf ("UPDATE orders SET search_text = (%s)",
                         gdn_record_class_get_search_expr (orders));
  exec_sql (store, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE customers SET search_text = (%s)",
                         gdn_record_class_get_search_expr (customer));
  exec_sql (store, sql);
  exec_sql (store, "COMMIT");
  return store;
}

static GArray *
query_ids (GdnStore   *store,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (gdn_store_get_database (store), sql,
                                                       &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gint64
item_id (GListModel *model,
         guint       position)
{
  g_autoptr(GdnRecord) record = g_list_model_get_item (model, position);

  g_assert_nonnull (record);
  return gdn_record_get_id (record);
}

/* Writes a new order of customer 4 through the store; Returns: its id */
static gint64
insert_order (GdnStore   *store,
              const char *order_no,
              const char *created_date)
{
  g_autoptr(GdnRecord) order = gdn_record_new (GDN_TYPE_ORDER);
  g_autoptr(GError) error = NULL;

  gdn_record_set_string (order, "order_no", order_no);
  gdn_record_set_int (order, "customer_id", 4);
  gdn_record_set_string (order, "type", "custom");
  gdn_record_set_string (order, "status", "inquiry");
  gdn_record_set_string (order, "created_date", created_date);
  gdn_store_insert (store, order, &error);
  g_assert_no_error (error);
  return gdn_record_get_id (order);
}

static void
assert_ids (GArray *expected,
            GArray *actual)
{
  g_assert_cmpuint (actual->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    if (g_array_index (expected, gint64, i) != g_array_index (actual, gint64, i))
      g_error ("position %u: expected id %" G_GINT64_FORMAT ", got %" G_GINT64_FORMAT,
               i, g_array_index (expected, gint64, i), g_array_index (actual, gint64, i));
}

static GArray *
model_ids (GdnQueryModel *model)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      gint64 id = item_id (G_LIST_MODEL (model), i);
      g_array_append_val (ids, id);
    }
  return ids;
}

/* The model holds exactly the rows of @sql, in its order. */
static void
assert_model_is (GdnQueryModel *model,
                 const char    *sql)
{
  g_autoptr(GArray) expected = query_ids (gdn_query_model_get_store (model), sql);
  g_autoptr(GArray) actual = model_ids (model);

  assert_ids (expected, actual);
}

/* ─── counting and paging ─────────────────────────────────────────────────────────── */

static void
test_count_without_rows (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (5000);
  g_autoptr(GdnQueryModel) model = NULL;

  exec_sql (store, "UPDATE orders SET deleted_at = '2026-01-01 10:00:00' WHERE id % 500 = 0");
  model = gdn_query_model_new (store, GDN_TYPE_ORDER);

  g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4990);
  g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, 1);
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 0);
  g_assert_cmpuint (gdn_query_model_get_n_cached_for_testing (model), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == GDN_TYPE_ORDER);

  /* asking again does not count again */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4990);
  g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, 1);

  gdn_query_model_set_show_deleted (model, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5000);
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 5000));
}

static void
test_paging (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (5000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(GArray) truth = query_ids (store, "SELECT id FROM orders WHERE deleted_at IS NULL"
                                              " ORDER BY created_date DESC, id DESC");
  GListModel *list = G_LIST_MODEL (model);
  g_autoptr(GdnRecord) first = NULL;
  g_autoptr(GdnRecord) again = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5000);

  g_assert_cmpint (item_id (list, 0), ==, g_array_index (truth, gint64, 0));
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 1);
  g_assert_cmpint (item_id (list, 450), ==, g_array_index (truth, gint64, 450));
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 2);
  g_assert_cmpuint (gdn_query_model_get_n_cached_for_testing (model), ==, 200);

  /* within the pages already read: no query */
  g_assert_cmpint (item_id (list, 99), ==, g_array_index (truth, gint64, 99));
  g_assert_cmpint (item_id (list, 401), ==, g_array_index (truth, gint64, 401));
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 2);

  /* next to a page read: by keyset, forwards and backwards */
  g_assert_cmpint (item_id (list, 100), ==, g_array_index (truth, gint64, 100));
  g_assert_cmpint (item_id (list, 399), ==, g_array_index (truth, gint64, 399));
  g_assert_cmpint (item_id (list, 300), ==, g_array_index (truth, gint64, 300));
  g_assert_cmpint (item_id (list, 500), ==, g_array_index (truth, gint64, 500));
  g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model), ==, 5);
  g_assert_cmpuint (gdn_query_model_get_n_cached_for_testing (model), ==, 500);

  /* the same object while it is alive */
  first = g_list_model_get_item (list, 7);
  again = g_list_model_get_item (list, 7);
  g_assert_true (first == again);
}

/* Walks forwards and backwards through a sort with NULLs and ties, which is where keyset
 * paging could skip or repeat rows. */
static void
walk (GdnQueryModel *model,
      const char    *sql)
{
  g_autoptr(GArray) truth = query_ids (gdn_query_model_get_store (model), sql);
  GListModel *list = G_LIST_MODEL (model);
  guint n = g_list_model_get_n_items (list);

  g_assert_cmpuint (n, ==, truth->len);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (item_id (list, i), ==, g_array_index (truth, gint64, i));
  g_assert_cmpuint (gdn_query_model_get_n_cached_for_testing (model), <=, 2000);

  gdn_query_model_reload (model);
  for (guint i = n; i-- > 0; )
    g_assert_cmpint (item_id (list, i), ==, g_array_index (truth, gint64, i));
}

static void
test_paging_keyset (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  guint loads;

  g_assert_true (gdn_query_model_set_sort (model, "promised_date", FALSE));
  walk (model, "SELECT id FROM orders ORDER BY promised_date ASC, id ASC");
  loads = gdn_query_model_get_n_loads_for_testing (model);
  /* 30 pages each way; a page crossing the NULLs takes two queries */
  g_assert_cmpuint (loads, <=, 64);

  g_assert_true (gdn_query_model_set_sort (model, "promised-date", TRUE));
  walk (model, "SELECT id FROM orders ORDER BY promised_date DESC, id DESC");
  g_assert_true (gdn_query_model_set_sort (model, "owner", FALSE));
  walk (model, "SELECT id FROM orders ORDER BY owner ASC, id ASC");
}

/* Jumps deep into a list without filters: found through the index of the sort column and
 * corrected for the rows in the trash, which here come singly and in runs. */
static void
test_paging_deep (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (14000);
  g_autoptr(GdnQueryModel) model = NULL;
  const guint positions[] = { 7000, 6999, 7100, 9321, 5600, 8000 };
  struct { const char *field; gboolean desc; const char *order; } sorts[] = {
    { "created_date", TRUE, "created_date DESC, id DESC" },
    { "promised_date", FALSE, "promised_date ASC, id ASC" },
    { "promised_date", TRUE, "promised_date DESC, id DESC" },
    { "amount", FALSE, "amount ASC, id ASC" },
  };

  exec_sql (store, "UPDATE orders SET deleted_at = '2026-01-01 10:00:00'"
                   " WHERE id % 97 = 0 OR id BETWEEN 3000 AND 3400");
  model = gdn_query_model_new (store, GDN_TYPE_ORDER);

  for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
    for (guint deleted = 0; deleted < 2; deleted++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT id FROM orders%s ORDER BY %s",
                                                deleted ? "" : " WHERE deleted_at IS NULL",
                                                sorts[s].order);
        g_autoptr(GArray) truth = query_ids (store, sql);
        guint loads;

        gdn_query_model_set_sort (model, sorts[s].field, sorts[s].desc);
        gdn_query_model_set_show_deleted (model, deleted);
        gdn_query_model_reload (model);
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, truth->len);

        loads = gdn_query_model_get_n_loads_for_testing (model);
        for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
          {
            guint pos;

            g_assert_cmpint (item_id (G_LIST_MODEL (model), positions[i]), ==,
                             g_array_index (truth, gint64, positions[i]));
            /* and the position of a row not read */
            g_assert_true (gdn_query_model_find_position (model,
                                                          g_array_index (truth, gint64,
                                                                         positions[i] + 150),
                                                          &pos));
            g_assert_cmpuint (pos, ==, positions[i] + 150);
          }
        /* seeking reads index entries, a few times per jump at most */
        g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model) - loads, <=, 40);
      }
}

/* ─── sorting, filters, search ────────────────────────────────────────────────────── */

typedef struct
{
  GArray *events;   /* guint triples: position, removed, added */
} Recorder;

static void
on_items_changed_cb (GListModel *list,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Recorder   *rec)
{
  guint e[3] = { position, removed, added };

  g_array_append_vals (rec->events, e, 3);
}

static void
test_sort (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (1200);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint counts;
  struct { const char *field; gboolean desc; const char *sql; } sorts[] = {
    { "order_no", FALSE, "SELECT id FROM orders ORDER BY order_no, id" },
    { "amount", TRUE, "SELECT id FROM orders ORDER BY amount DESC, id DESC" },
    { "status", FALSE, "SELECT id FROM orders ORDER BY status, id" },
    { "customer_name", FALSE, "SELECT o.id FROM orders o JOIN customers c"
                              " ON c.id = o.customer_id ORDER BY c.name, o.id" },
    { "customer_code", TRUE, "SELECT o.id FROM orders o JOIN customers c"
                             " ON c.id = o.customer_id ORDER BY c.code DESC, o.id DESC" },
    { "progress", FALSE, "SELECT id FROM orders ORDER BY progress, id" },
  };

  g_assert_cmpstr (gdn_query_model_get_sort_field (model), ==, "created_date");
  g_assert_true (gdn_query_model_get_sort_descending (model));
  assert_model_is (model, "SELECT id FROM orders ORDER BY created_date DESC, id DESC");

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed_cb), &rec);
  counts = gdn_query_model_get_n_counts_for_testing (model);
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_array_set_size (rec.events, 0);
      g_assert_true (gdn_query_model_set_sort (model, sorts[i].field, sorts[i].desc));
      /* one reset of the whole list (the old rows leave, then the new ones come: a list
       * view then reads only the rows it shows), and no recount for a new order */
      g_assert_cmpuint (rec.events->len, ==, 6);
      g_assert_cmpuint (g_array_index (rec.events, guint, 0), ==, 0);
      g_assert_cmpuint (g_array_index (rec.events, guint, 1), ==, 1200);
      g_assert_cmpuint (g_array_index (rec.events, guint, 2), ==, 0);
      g_assert_cmpuint (g_array_index (rec.events, guint, 3), ==, 0);
      g_assert_cmpuint (g_array_index (rec.events, guint, 4), ==, 0);
      g_assert_cmpuint (g_array_index (rec.events, guint, 5), ==, 1200);
      g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, counts);
      assert_model_is (model, sorts[i].sql);
    }

  g_assert_false (gdn_query_model_set_sort (model, "notes", FALSE));
  g_assert_false (gdn_query_model_set_sort (model, "no_such_field", FALSE));
  g_assert_cmpstr (gdn_query_model_get_sort_field (model), ==, "progress");
  g_array_unref (rec.events);
}

static void
test_filters (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (1000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);

  g_assert_true (gdn_query_model_set_filter (model, "status", "shipped"));
  assert_model_is (model, "SELECT id FROM orders WHERE status = 'shipped'"
                          " ORDER BY created_date DESC, id DESC");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);

  g_assert_true (gdn_query_model_set_filter (model, "type", "urgent"));
  assert_model_is (model, "SELECT id FROM orders WHERE status = 'shipped' AND type = 'urgent'"
                          " ORDER BY created_date DESC, id DESC");

  g_assert_true (gdn_query_model_set_filter (model, "status", NULL));
  g_assert_true (gdn_query_model_set_filter (model, "customer-id", "3"));
  assert_model_is (model, "SELECT id FROM orders WHERE type = 'urgent' AND customer_id = 3"
                          " ORDER BY created_date DESC, id DESC");

  gdn_query_model_clear_filters (model);
  g_assert_true (gdn_query_model_set_filter (model, "owner", "李强"));
  assert_model_is (model, "SELECT id FROM orders WHERE owner = '李强'"
                          " ORDER BY created_date DESC, id DESC");
  /* "" asks for rows where the field is not set */
  g_assert_true (gdn_query_model_set_filter (model, "owner", ""));
  assert_model_is (model, "SELECT id FROM orders WHERE owner IS NULL"
                          " ORDER BY created_date DESC, id DESC");
  /* a derived field */
  g_assert_true (gdn_query_model_set_filter (model, "owner", NULL));
  g_assert_true (gdn_query_model_set_filter (model, "customer_code", "C0003"));
  assert_model_is (model, "SELECT id FROM orders WHERE customer_id = 3"
                          " ORDER BY created_date DESC, id DESC");

  g_assert_false (gdn_query_model_set_filter (model, "colour", "red"));
}

static void
assert_search (GdnQueryModel *model,
               const char    *search,
               const char    *like)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM orders WHERE deleted_at IS NULL"
                                          " AND %s ORDER BY created_date DESC, id DESC",
                                          like);
  g_autoptr(GArray) truth = query_ids (gdn_query_model_get_store (model), sql);

  gdn_query_model_set_search (model, search);
  g_assert_cmpuint (truth->len, >, 0);
  assert_model_is (model, sql);
}

static void
test_search_long (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (2000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);

  /* order number, product code, customer code, any case for Latin letters */
  assert_search (model, "SO-202501234", "order_no = 'SO-202501234'");
  assert_search (model, "so-2025012", "order_no LIKE 'SO-2025012%'");
  assert_search (model, "hq-0042", "id IN (SELECT order_id FROM order_lines"
                                   " WHERE product_code = 'HQ-0042')");
  assert_search (model, "BRIGHTWAY", "customer_id = 3");
  assert_search (model, "c0005", "customer_id = 5");
  /* Chinese customer and product names */
  assert_search (model, "华强电子", "customer_id = 1");
  assert_search (model, "铝电解电容", "id % 4 = 2");
  assert_search (model, "精密机械", "customer_id = 5");
  /* every word must occur, in any order */
  assert_search (model, "电路板 华强", "customer_id = 1 AND id % 4 = 0");
  assert_search (model, "华强\u3000电路板", "customer_id = 1 AND id % 4 = 0");

  gdn_query_model_set_search (model, "电子华强");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  gdn_query_model_set_search (model, "\"华强\" OR 电子");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  gdn_query_model_set_search (model, "100%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (gdn_query_model_get_error (model));

  gdn_query_model_set_search (model, "   ");
  g_assert_null (gdn_query_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2000);
}

static void
test_search_short (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (2000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(GdnQueryModel) model_customers = gdn_query_model_new (store, GDN_TYPE_CUSTOMER);

  /* one and two Chinese characters: too short for the trigram index */
  assert_search (model, "华强", "customer_id = 1");
  assert_search (model, "李", "customer_id = 2");
  assert_search (model, "电子", "customer_id IN (1, 10)");
  assert_search (model, "李 器", "customer_id = 2 AND id % 4 = 3");
  /* LIKE's wildcards are plain characters here */
  gdn_query_model_set_search (model, "_");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  gdn_query_model_set_search (model, "%");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  gdn_query_model_set_search (model_customers, "李");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model_customers)), ==, 1);
  gdn_query_model_set_search (model_customers, "有限公司");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model_customers)), ==, 10);
}

/* Counts the items-changed additions at the end of the list. */
static void
on_capped_items_changed_cb (GListModel *list,
                            guint       position,
                            guint       removed,
                            guint       added,
                            guint      *n_added)
{
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (position + added, ==, g_list_model_get_n_items (list));
  *n_added += added;
}

/* Reads the last item until the count is no longer capped, as a list view scrolled to its
 * end does; returns how many times the count grew. */
static guint
scroll_to_end (GdnQueryModel *model)
{
  guint n_grown = 0;

  while (gdn_query_model_get_count_capped (model))
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

      g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), n - 1));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, n);
      n_grown++;
    }
  return n_grown;
}

/* More rows than the cap: the list holds the cap's rows at first (the right ones), and
 * the rest once it is scrolled to its end, as many as SQL finds. */
static void
test_search_capped (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  static const struct { const char *search, *cond; } cases[] = {
    { "李", "instr(search_text, '李') > 0" },                  /* scanned in the text */
    { "so-2025", "search_text LIKE '%so-2025%'" },           /* trigrams, confirmed */
    { "025", "search_text LIKE '%025%'" },                   /* the index alone */
    { "四层电路板", "instr(search_text, '四层电路板') > 0" },
  };

  gdn_query_model_set_count_cap_for_testing (model, 200);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM orders WHERE deleted_at IS NULL"
                                              " AND %s ORDER BY created_date DESC, id DESC",
                                              cases[c].cond);
      g_autoptr(GArray) expected = query_ids (store, sql);
      guint n_added = 0;
      gulong handler;

      g_assert_cmpuint (expected->len, >, 200);
      gdn_query_model_set_search (model, cases[c].search);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 200);
      g_assert_true (gdn_query_model_get_count_capped (model));
      /* the first page, right away */
      for (guint i = 0; i < 100; i++)
        g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==,
                         g_array_index (expected, gint64, i));

      handler = g_signal_connect (model, "items-changed",
                                  G_CALLBACK (on_capped_items_changed_cb), &n_added);
      g_assert_cmpuint (scroll_to_end (model), >, 0);
      g_signal_handler_disconnect (model, handler);
      g_assert_cmpuint (n_added, ==, expected->len - 200);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
      assert_model_is (model, sql);
    }

  /* a record past the cap: the count reaches it */
  {
    g_autoptr(GArray) expected = query_ids (store, "SELECT id FROM orders WHERE deleted_at"
                                                   " IS NULL AND instr(search_text, '电容') > 0"
                                                   " ORDER BY created_date DESC, id DESC");
    guint pos = 0;

    gdn_query_model_set_search (model, "电容");
    g_assert_true (gdn_query_model_get_count_capped (model));
    g_assert_true (gdn_query_model_find_position (model,
                                                  g_array_index (expected, gint64,
                                                                 expected->len - 1), &pos));
    g_assert_cmpuint (pos, ==, expected->len - 1);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, pos);
    g_assert_cmpint (item_id (G_LIST_MODEL (model), pos), ==,
                     g_array_index (expected, gint64, pos));
  }
}

/* A search the index alone decides is counted in the index up to the cap and the rows in
 * the trash: right at the cap with rows of it in the trash, and one past it. */
static void
test_search_index_count (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  const char *cond = "search_text LIKE '%500%'";
  g_autofree char *all = g_strdup_printf ("SELECT count(*) FROM orders WHERE %s", cond);
  g_autofree char *trash = NULL;
  guint n_found, n_shown;

  exec_sql (store, "UPDATE orders SET deleted_at = '2026-01-01 10:00:00' WHERE id % 3 = 0");
  n_found = gdn_test_count (store, all);
  trash = g_strdup_printf ("%s AND deleted_at IS NULL", all);
  n_shown = gdn_test_count (store, trash);
  g_assert_cmpuint (n_shown, >, 2);
  g_assert_cmpuint (n_found, >, n_shown);

  for (guint cap = n_shown - 1; cap <= n_shown; cap++)
    {
      g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
      g_autofree char *sql = g_strdup_printf ("SELECT id FROM orders WHERE deleted_at IS NULL"
                                              " AND %s ORDER BY id", cond);

      gdn_query_model_set_count_cap_for_testing (model, cap);
      gdn_query_model_set_sort (model, "id", FALSE);
      gdn_query_model_set_search (model, "500");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, cap);
      g_assert_true (gdn_query_model_get_count_capped (model) == (cap < n_shown));
      scroll_to_end (model);
      assert_model_is (model, sql);
    }
}

/* Runs the main loop until the search asked for is taken (a worker prepares it) */
static void
wait_for_search (GdnQueryModel *model)
{
  gint64 end = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (gdn_query_model_get_search_pending (model))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, TRUE);
    }
}

/* A search asked for on a large table is prepared in a worker: the model keeps its rows
 * meanwhile, then takes the worker's count and reads its first page by the ids found, the
 * same rows as a search made at once. Only the last of several requests is taken, and
 * what changes meanwhile (a row, the order, a search set at once) is respected. */
static void
test_search_worker (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
#define BY_DATE(cond) "SELECT id FROM orders WHERE deleted_at IS NULL AND " cond \
                      " ORDER BY created_date DESC, id DESC"
  const char *all = BY_DATE ("search_text LIKE '%so-2025%'");
  const char *last = BY_DATE ("search_text LIKE '%2025012%'");
#undef BY_DATE
  g_autoptr(GArray) expected = query_ids (store, all);
  guint n_counts;

  gdn_query_model_set_worker_ids_for_testing (model, 1);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  n_counts = gdn_query_model_get_n_counts_for_testing (model);

  /* the rows stay until the worker is done; its count is not made again */
  gdn_query_model_request_search (model, "so-2025");
  g_assert_true (gdn_query_model_get_search_pending (model));
  g_assert_null (gdn_query_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  wait_for_search (model);
  g_assert_cmpstr (gdn_query_model_get_search (model), ==, "so-2025");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected->len);
  g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, n_counts);
  for (guint i = 0; i < 150; i++)
    g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==, g_array_index (expected, gint64, i));
  g_assert_cmpuint (gdn_query_model_get_n_prefetched_for_testing (model), ==, 1);
  assert_model_is (model, all);

  /* typed on: the last words only */
  gdn_query_model_request_search (model, "2025");
  gdn_query_model_request_search (model, "20250");
  gdn_query_model_request_search (model, "2025012");
  wait_for_search (model);
  g_assert_cmpstr (gdn_query_model_get_search (model), ==, "2025012");
  assert_model_is (model, last);

  /* a row written meanwhile is found */
  {
    gint64 id;

    gdn_query_model_request_search (model, "so-2025");
    id = insert_order (store, "SO-2025-NEW", "2027-01-02");
    wait_for_search (model);
    g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, id);
    assert_model_is (model, all);
  }

  /* another order meanwhile: the rows in that order */
  gdn_query_model_request_search (model, "2025012");
  g_assert_true (gdn_query_model_set_sort (model, "order_no", FALSE));
  wait_for_search (model);
  assert_model_is (model, "SELECT id FROM orders WHERE deleted_at IS NULL"
                          " AND search_text LIKE '%2025012%' ORDER BY order_no, id");

  /* a search set at once wins over the one asked for */
  gdn_query_model_request_search (model, "so-2025");
  gdn_query_model_set_search (model, NULL);
  g_assert_false (gdn_query_model_get_search_pending (model));
  /* the worker's result, once in, is dropped */
  g_assert_true (gdn_query_model_get_worker_busy_for_testing (model));
  while (gdn_query_model_get_worker_busy_for_testing (model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (gdn_query_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3001);

  /* a small table searches at once */
  gdn_query_model_set_worker_ids_for_testing (model, 1000000);
  gdn_query_model_request_search (model, "so-2025");
  g_assert_false (gdn_query_model_get_search_pending (model));
  g_assert_cmpstr (gdn_query_model_get_search (model), ==, "so-2025");
}

/* A search most rows match: a page is found by walking the sort order and reading the
 * text; when that walk reads for too long the index's list of rows is used instead. Both
 * read the same rows, in the same order. */
static void
test_search_walk_text (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  const char *sql = "SELECT id FROM orders WHERE deleted_at IS NULL"
                    " AND search_text LIKE '%so-2025%' ORDER BY created_date DESC, id DESC";
  g_autoptr(GArray) expected = query_ids (store, sql);

  g_assert_cmpuint (expected->len, >, 1000);
  for (guint budget = 0; budget < 2; budget++)
    {
      g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);

      gdn_query_model_set_count_cap_for_testing (model, 1000);
      if (budget == 0)
        gdn_query_model_set_walk_budget_for_testing (model, 0);
      gdn_query_model_set_sort (model, "created_date", TRUE);
      gdn_query_model_set_search (model, "so-2025");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
      for (guint i = 0; i < 350; i++)
        g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==,
                         g_array_index (expected, gint64, i));
      /* the walk ran out of time at once, or went on reading text */
      g_assert_true (gdn_query_model_get_walks_text_for_testing (model) == (budget == 1));
      scroll_to_end (model);
      assert_model_is (model, sql);
    }

  /* walking the index's list of rows, a new order the search finds is in it */
  {
    g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
    gint64 id;

    gdn_query_model_set_count_cap_for_testing (model, 1000);
    gdn_query_model_set_walk_budget_for_testing (model, 0);
    gdn_query_model_set_sort (model, "created_date", TRUE);
    gdn_query_model_set_search (model, "so-2025");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 150));

    id = insert_order (store, "SO-2025-NEW", "2024-01-02");
    scroll_to_end (model);
    assert_model_is (model, sql);
    g_assert_cmpint (item_id (G_LIST_MODEL (model),
                              g_list_model_get_n_items (G_LIST_MODEL (model)) - 1), ==, id);
  }
}

/* A search whose matches lie deep in an order that follows the ids (last year's order
 * numbers, newest first) goes to the index's list of rows at once: no walk reading text is
 * tried, which would pass every newer row first. Where the order does not follow the ids,
 * or a match is among the first ids, the walk is tried. The rows are the same either way. */
static void
test_search_first_match_far (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  g_autoptr(GdnRecordClass) orders = g_type_class_ref (GDN_TYPE_ORDER);
  g_autofree char *update = NULL;
  const struct
  {
    const char *search;
    const char *sort;
    gboolean    descending;
    gboolean    walks;  /* a walk reading text is tried */
  } cases[] = {
    { "so-2024", "created_date", TRUE, FALSE },   /* the newest 500 ids do not match */
    { "so-2025", "created_date", FALSE, FALSE },  /* the oldest 500 do not */
    { "so-2025", "created_date", TRUE, TRUE },    /* the newest match */
    { "so-2024", "created_date", FALSE, TRUE },   /* the oldest match */
    { "so-2024", "order_no", TRUE, TRUE },        /* an order of its own */
  };

  /* made in order: 2024's orders first, 2025's after them */
  exec_sql (store, "UPDATE orders SET created_date = date('2024-01-01', '+' || (id / 5) || ' days'),"
                   " order_no = printf('SO-%d%05d', CASE WHEN id <= 1500 THEN 2024 ELSE 2025 END, id)");
  update = g_strdup_printf ("UPDATE orders SET search_text = (%s)",
                            gdn_record_class_get_search_expr (orders));
  exec_sql (store, update);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
      g_autofree char *like = g_strdup_printf ("%%%s%%", cases[c].search);
      g_autofree char *sql = NULL;
      g_autoptr(GArray) expected = NULL;
      guint loads;

      sql = g_strdup_printf ("SELECT id FROM orders WHERE deleted_at IS NULL"
                             " AND search_text LIKE '%s' ORDER BY %s %s, id %s",
                             like, cases[c].sort, cases[c].descending ? "DESC" : "ASC",
                             cases[c].descending ? "DESC" : "ASC");
      expected = query_ids (store, sql);
      g_assert_cmpuint (expected->len, ==, 1500);

      gdn_query_model_set_count_cap_for_testing (model, 1000);
      gdn_query_model_set_walk_gap_for_testing (model, 500);
      /* a walk reading text runs out of time at once: tried, it costs a page query */
      gdn_query_model_set_walk_budget_for_testing (model, 0);
      gdn_query_model_set_sort (model, cases[c].sort, cases[c].descending);
      gdn_query_model_set_search (model, cases[c].search);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
      loads = gdn_query_model_get_n_loads_for_testing (model);
      g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, g_array_index (expected, gint64, 0));
      g_assert_cmpuint (gdn_query_model_get_n_loads_for_testing (model) - loads, ==,
                        cases[c].walks ? 2 : 1);
      for (guint i = 0; i < 250; i++)
        g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==,
                         g_array_index (expected, gint64, i));
      scroll_to_end (model);
      assert_model_is (model, sql);
    }
}

/* A word of one or two characters is read in the text of every row: shown after its first
 * thousand rows; a longer one the index counts, up to ten thousand */
static void
test_search_short_cap (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (3000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(GArray) short_truth = query_ids (store, "SELECT id FROM orders WHERE deleted_at"
                                                    " IS NULL AND instr(search_text, '电') > 0");

  g_assert_cmpuint (short_truth->len, >, 1000);
  gdn_query_model_set_search (model, "电");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1000);
  g_assert_true (gdn_query_model_get_count_capped (model));
  scroll_to_end (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, short_truth->len);

  gdn_query_model_set_search (model, "so-2025");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3000);
  g_assert_false (gdn_query_model_get_count_capped (model));
}

static void
test_search_without_index (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (10);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_CONTACT);

  exec_sql (store, "INSERT INTO contacts (customer_id, name, title, phone, email) VALUES"
                   " (1, '王芳', '采购经理', '13800138000', 'wangfang@huaqiang.cn'),"
                   " (1, '李明', '技术总监', '13912345678', 'liming@huaqiang.cn'),"
                   " (3, 'David Chen', 'Buyer', '+86 21 5555 0101', 'david@brightway.com')");

  gdn_query_model_set_search (model, "王");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gdn_query_model_set_search (model, "DAVID");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gdn_query_model_set_search (model, "huaqiang");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  /* the customer code is a derived field of contacts */
  gdn_query_model_set_search (model, "C0003");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gdn_query_model_set_search (model, "1391234");
  assert_model_is (model, "SELECT id FROM contacts WHERE name = '李明'");
}

/* ─── changes ─────────────────────────────────────────────────────────────────────── */

/* What a list view does with items-changed: keep its own copy of the ids, remove what was
 * removed and ask the model for what was added, at the time of the signal. */
typedef struct
{
  GdnQueryModel *model;
  GArray        *ids;
  GArray        *events;
  guint          n_notify;
} Mirror;

static void
mirror_items_changed_cb (GListModel *list,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *m)
{
  guint e[3] = { position, removed, added };

  g_array_append_vals (m->events, e, 3);
  g_assert_cmpuint (position + removed, <=, m->ids->len);
  g_array_remove_range (m->ids, position, removed);
  for (guint i = 0; i < added; i++)
    {
      gint64 id = item_id (list, position + i);
      g_array_insert_val (m->ids, position + i, id);
    }
  g_assert_cmpuint (m->ids->len, ==, g_list_model_get_n_items (list));
}

static void
mirror_notify_cb (GObject    *object,
                  GParamSpec *pspec,
                  Mirror     *m)
{
  m->n_notify++;
}

static Mirror *
mirror_new (GdnQueryModel *model,
            const char    *sql)
{
  Mirror *m = g_new0 (Mirror, 1);

  m->model = g_object_ref (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
  m->ids = query_ids (gdn_query_model_get_store (model), sql);
  m->events = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_items_changed_cb), m);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (mirror_notify_cb), m);
  return m;
}

static void
mirror_free (Mirror *m)
{
  g_signal_handlers_disconnect_by_data (m->model, m);
  g_object_unref (m->model);
  g_array_unref (m->ids);
  g_array_unref (m->events);
  g_free (m);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Mirror, mirror_free)

static void
mirror_check (Mirror     *m,
              const char *sql)
{
  g_autoptr(GArray) truth = query_ids (gdn_query_model_get_store (m->model), sql);

  assert_ids (truth, m->ids);
}

static void
assert_events (Mirror     *m,
               const guint *expected,
               guint       n_expected)
{
  if (m->events->len != n_expected ||
      memcmp (m->events->data, expected, n_expected * sizeof (guint)) != 0)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i + 2 < m->events->len; i += 3)
        g_string_append_printf (got, " (%u,%u,%u)", g_array_index (m->events, guint, i),
                                g_array_index (m->events, guint, i + 1),
                                g_array_index (m->events, guint, i + 2));
      g_error ("unexpected items-changed:%s", got->str);
    }
  g_array_set_size (m->events, 0);
}

static guint
position_in (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  g_assert_not_reached ();
}

static GdnRecord *
get_order (GdnStore *store,
           gint64    id)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *order = gdn_store_get (store, GDN_TYPE_ORDER, id, &error);

  g_assert_no_error (error);
  return order;
}

static void
update_order (GdnStore   *store,
              GdnRecord  *order)
{
  g_autoptr(GError) error = NULL;

  gdn_store_update (store, order, &error);
  g_assert_no_error (error);
}

#define DEFAULT_SQL \
  "SELECT id FROM orders WHERE deleted_at IS NULL ORDER BY created_date DESC, id DESC"

static void
test_change_in_place (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  gint64 id = g_array_index (m->ids, gint64, 42);
  g_autoptr(GdnRecord) shown = g_list_model_get_item (G_LIST_MODEL (model), 42);
  g_autoptr(GdnRecord) order = get_order (store, id);
  g_autoptr(GdnRecord) after = NULL;
  const guint expected[] = { 42, 1, 1 };

  gdn_record_set_string (order, "notes", "客户要求加急，请优先排产");
  gdn_record_set_string (order, "status", "qc");
  update_order (store, order);

  assert_events (m, expected, 3);
  mirror_check (m, DEFAULT_SQL);
  g_assert_cmpuint (m->n_notify, ==, 0);
  /* the object a view holds shows the change itself */
  after = g_list_model_get_item (G_LIST_MODEL (model), 42);
  g_assert_true (after == shown);
  g_assert_cmpstr (gdn_record_get_string (shown, "notes"), ==, "客户要求加急，请优先排产");
  g_assert_cmpstr (gdn_record_get_string (shown, "status"), ==, "qc");
}

/* A view's rows get their new records in place: the records it holds become the rows now
 * at their positions, announced as replaced by themselves, so that its widgets are bound
 * again rather than made anew. */
static void
test_recycle (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (1200);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) by_no = NULL;
  g_autoptr(GdnRecord) far = NULL;
  g_autoptr(GdnRecord) order = NULL;
  const guint sorted[] = { 30, 1170, 1170, 0, 30, 30 };
  const guint edited[] = { 3, 1, 1 };
  const guint searched[] = { 0, 1200, 0, 0, 0, 10 };
  const guint cleared[] = { 0, 10, 0, 0, 0, 1200 };
  const guint far_apart[] = { 0, 1200, 0, 0, 0, 1200 };
  const guint gapped[] = { 15, 1185, 1185, 0, 15, 15 };
  gint64 id;

  gdn_query_model_set_recycle_rows (model, TRUE);
  m = mirror_new (model, DEFAULT_SQL);
  /* what a list view showing the first 30 rows holds */
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), i));

  g_assert_true (gdn_query_model_set_sort (model, "order_no", FALSE));
  assert_events (m, sorted, G_N_ELEMENTS (sorted));
  mirror_check (m, "SELECT id FROM orders ORDER BY order_no, id");
  by_no = query_ids (store, "SELECT id FROM orders ORDER BY order_no, id");
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GdnRecord) now = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autofree char *no = g_strdup_printf ("SO-2025%05u", i + 1);

      g_assert_true (now == shown->pdata[i]);
      g_assert_cmpint (gdn_record_get_id (now), ==, g_array_index (by_no, gint64, i));
      g_assert_cmpstr (gdn_record_get_string (now, "order_no"), ==, no);
    }

  /* a record given its new row in place still follows that row's changes */
  id = gdn_record_get_id (shown->pdata[3]);
  order = get_order (store, id);
  gdn_record_set_string (order, "notes", "改用顺丰");
  update_order (store, order);
  assert_events (m, edited, G_N_ELEMENTS (edited));
  g_assert_cmpstr (gdn_record_get_string (shown->pdata[3], "notes"), ==, "改用顺丰");

  /* fewer rows than are shown: the whole list is replaced, the old rows first */
  gdn_query_model_set_search (model, "SO-20250010");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  assert_events (m, searched, G_N_ELEMENTS (searched));
  g_ptr_array_set_size (shown, 0);
  gdn_query_model_set_search (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1200);
  assert_events (m, cleared, G_N_ELEMENTS (cleared));
  mirror_check (m, "SELECT id FROM orders ORDER BY order_no, id");

  /* rows held far apart (a selection scrolled away from) are not taken in place */
  g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), 0));
  far = g_list_model_get_item (G_LIST_MODEL (model), 900);
  id = gdn_record_get_id (far);
  g_assert_true (gdn_query_model_set_sort (model, "order_no", TRUE));
  assert_events (m, far_apart, G_N_ELEMENTS (far_apart));
  mirror_check (m, "SELECT id FROM orders ORDER BY order_no DESC, id DESC");
  g_assert_cmpint (gdn_record_get_id (far), ==, id);

  /* rows held with a gap between them (a row scrolled past): the gap gets new records */
  g_clear_object (&far);
  g_ptr_array_set_size (shown, 0);
  for (guint i = 0; i < 15; i++)
    if (i < 5 || i >= 10)
      g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_assert_true (gdn_query_model_set_sort (model, "order_no", FALSE));
  assert_events (m, gapped, G_N_ELEMENTS (gapped));
  mirror_check (m, "SELECT id FROM orders ORDER BY order_no, id");
  for (guint i = 0; i < 15; i++)
    {
      g_autoptr(GdnRecord) now = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (gdn_record_get_id (now), ==, g_array_index (by_no, gint64, i));
      if (i < 5)
        g_assert_true (now == shown->pdata[i]);
      else if (i >= 10)
        g_assert_true (now == shown->pdata[i - 5]);
    }
}

static void
test_change_moves (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  gint64 id = g_array_index (m->ids, gint64, 150);
  g_autoptr(GdnRecord) order = get_order (store, id);
  g_autoptr(GArray) truth = NULL;
  guint new_pos;

  /* read around it, as a view scrolled there would */
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 150), ==, id);

  gdn_record_set_string (order, "created_date", "2025-02-10");
  update_order (store, order);
  truth = query_ids (store, DEFAULT_SQL);
  new_pos = position_in (truth, id);
  g_assert_cmpuint (new_pos, !=, 150);
  {
    const guint expected[] = { 150, 1, 0, new_pos, 0, 1 };
    assert_events (m, expected, 6);
  }
  mirror_check (m, DEFAULT_SQL);
  g_assert_cmpuint (m->n_notify, ==, 0);
}

/* A capped search: changes past the cap are not in the list yet; one that moves a row
 * into it is shown there; the whole list is right once counted to its end. */
static void
test_change_capped (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  const char *sql = "SELECT id FROM orders WHERE deleted_at IS NULL"
                    " AND search_text LIKE '%so-2025%' ORDER BY created_date DESC, id DESC";
  g_autoptr(GArray) truth = query_ids (store, sql);
  gint64 far = g_array_index (truth, gint64, 250);
  g_autoptr(GdnRecord) order = get_order (store, far);

  gdn_query_model_set_count_cap_for_testing (model, 100);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  gdn_query_model_set_search (model, "so-2025");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 99), ==, g_array_index (truth, gint64, 99));

  gdn_record_set_string (order, "created_date", "2024-01-02");
  update_order (store, order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  g_assert_true (gdn_query_model_get_count_capped (model));

  gdn_record_set_string (order, "created_date", "2027-01-02");
  update_order (store, order);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 101);
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, far);

  scroll_to_end (model);
  assert_model_is (model, sql);
}

static void
test_change_moves_uncached (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (5000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  gint64 far = g_array_index (m->ids, gint64, 3210);
  gint64 top = g_array_index (m->ids, gint64, 0);
  g_autoptr(GdnRecord) order = get_order (store, far);
  g_autoptr(GdnRecord) order2 = NULL;
  g_autoptr(GArray) truth = NULL;

  /* only the first page is read */
  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, top);

  gdn_record_set_string (order, "created_date", "2026-10-01");
  update_order (store, order);
  {
    const guint expected[] = { 3210, 1, 0, 0, 0, 1 };
    assert_events (m, expected, 6);
  }
  mirror_check (m, DEFAULT_SQL);

  /* and one far down that moves further down, not in any page read */
  order2 = get_order (store, g_array_index (m->ids, gint64, 2500));
  gdn_record_set_string (order2, "created_date", "2025-01-01");
  update_order (store, order2);
  truth = query_ids (store, DEFAULT_SQL);
  {
    const guint expected[] = { 2500, 1, 0, position_in (truth, gdn_record_get_id (order2)),
                               0, 1 };
    assert_events (m, expected, 6);
  }
  mirror_check (m, DEFAULT_SQL);
  g_assert_cmpuint (gdn_query_model_get_n_cached_for_testing (model), <=, 2 * 100 + 1);
}

static void
test_change_filter (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (500);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  const char *sql = "SELECT id FROM orders WHERE status = 'confirmed'"
                    " ORDER BY created_date DESC, id DESC";
  g_autoptr(Mirror) m = NULL;
  g_autoptr(GdnRecord) leaving = NULL;
  g_autoptr(GdnRecord) entering = NULL;
  g_autoptr(GArray) truth = NULL;
  guint pos;

  gdn_query_model_set_filter (model, "status", "confirmed");
  m = mirror_new (model, sql);
  g_assert_cmpuint (m->ids->len, ==, 100);

  /* confirmed → in production: leaves the list */
  leaving = get_order (store, g_array_index (m->ids, gint64, 17));
  gdn_record_set_string (leaving, "status", "in_production");
  update_order (store, leaving);
  {
    const guint expected[] = { 17, 1, 0 };
    assert_events (m, expected, 3);
  }
  g_assert_cmpuint (m->n_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 99);
  mirror_check (m, sql);

  /* an inquiry confirmed: enters it */
  entering = get_order (store, gdn_test_count (store, "SELECT min(id) FROM orders"
                                                      " WHERE status = 'inquiry'"));
  gdn_record_set_string (entering, "status", "confirmed");
  update_order (store, entering);
  truth = query_ids (store, sql);
  pos = position_in (truth, gdn_record_get_id (entering));
  {
    const guint expected[] = { pos, 0, 1 };
    assert_events (m, expected, 3);
  }
  g_assert_cmpuint (m->n_notify, ==, 2);
  mirror_check (m, sql);
}

static void
test_change_insert (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  g_autoptr(GdnRecord) order = gdn_record_new (GDN_TYPE_ORDER);
  g_autoptr(GdnRecord) newest = gdn_record_new (GDN_TYPE_ORDER);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) truth = NULL;

  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, g_array_index (m->ids, gint64, 0));

  gdn_record_set_string (order, "order_no", "SO-2026-0001");
  gdn_record_set_int (order, "customer_id", 4);
  gdn_record_set_string (order, "type", "custom");
  gdn_record_set_string (order, "status", "inquiry");
  gdn_record_set_string (order, "created_date", "2025-06-15");
  gdn_store_insert (store, order, &error);
  g_assert_no_error (error);
  truth = query_ids (store, DEFAULT_SQL);
  {
    const guint expected[] = { position_in (truth, gdn_record_get_id (order)), 0, 1 };
    assert_events (m, expected, 3);
  }
  g_assert_cmpuint (m->n_notify, ==, 1);
  mirror_check (m, DEFAULT_SQL);

  /* today's order goes on top, found from the first page without counting */
  gdn_record_set_string (newest, "order_no", "SO-2026-0002");
  gdn_record_set_int (newest, "customer_id", 1);
  gdn_record_set_string (newest, "type", "urgent");
  gdn_record_set_string (newest, "status", "inquiry");
  gdn_record_set_string (newest, "created_date", "2026-11-20");
  {
    guint counts = gdn_query_model_get_n_counts_for_testing (model);
    const guint expected[] = { 0, 0, 1 };

    gdn_store_insert (store, newest, &error);
    g_assert_no_error (error);
    assert_events (m, expected, 3);
    g_assert_cmpuint (gdn_query_model_get_n_counts_for_testing (model), ==, counts);
  }
  mirror_check (m, DEFAULT_SQL);

  /* a search sees it as well */
  gdn_query_model_set_search (model, "SO-2026-0002");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
test_change_delete_restore (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  g_autoptr(GdnRecord) cached = get_order (store, g_array_index (m->ids, gint64, 5));
  g_autoptr(GdnRecord) far = get_order (store, g_array_index (m->ids, gint64, 250));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (item_id (G_LIST_MODEL (model), 5), ==, gdn_record_get_id (cached));

  gdn_store_delete (store, cached, &error);
  g_assert_no_error (error);
  {
    const guint expected[] = { 5, 1, 0 };
    assert_events (m, expected, 3);
  }
  gdn_store_delete (store, far, &error);
  g_assert_no_error (error);
  {
    const guint expected[] = { 249, 1, 0 };
    assert_events (m, expected, 3);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 298);
  mirror_check (m, DEFAULT_SQL);

  gdn_store_restore (store, far, &error);
  g_assert_no_error (error);
  gdn_store_restore (store, cached, &error);
  g_assert_no_error (error);
  {
    const guint expected[] = { 249, 0, 1, 5, 0, 1 };
    assert_events (m, expected, 6);
  }
  g_assert_cmpuint (m->n_notify, ==, 4);
  mirror_check (m, DEFAULT_SQL);

  /* the trash view sees both kinds */
  gdn_query_model_set_show_deleted (model, TRUE);
  gdn_store_delete (store, cached, &error);
  g_assert_no_error (error);
  {
    const guint expected[] = { 0, 300, 0, 0, 0, 300, 5, 1, 1 };
    assert_events (m, expected, 9);
  }
}

static void
test_change_reloaded (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  const guint expected[] = { 0, 300, 0, 0, 0, 320 };

  g_assert_cmpint (item_id (G_LIST_MODEL (model), 0), ==, g_array_index (m->ids, gint64, 0));

  /* an import writes many rows its own way, then says so once */
  exec_sql (store, "INSERT INTO orders (order_no, customer_id, status, created_date)"
                   " SELECT 'IM-' || order_no, customer_id, 'inquiry', created_date"
                   " FROM orders WHERE id <= 20");
  gdn_store_emit_changed (store, GDN_TYPE_ORDER, 0, GDN_CHANGE_RELOADED);
  assert_events (m, expected, 6);
  g_assert_cmpuint (m->n_notify, ==, 1);
  mirror_check (m, DEFAULT_SQL);
}

static void
test_change_other_kind (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (300);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(Mirror) m = mirror_new (model, DEFAULT_SQL);
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GdnRecord) shown = NULL;
  guint run = 0;

  /* the first page is read; rows of customer 7 in it will change, announced in runs */
  for (guint i = 0; i <= 100; i++)
    {
      g_autoptr(GdnRecord) order = i < 100 ? g_list_model_get_item (G_LIST_MODEL (model), i)
                                           : NULL;
      gboolean hit = order != NULL && gdn_record_get_int (order, "customer_id") == 7;

      if (hit && shown == NULL)
        shown = g_object_ref (order);
      if (hit)
        run++;
      else if (run > 0)
        {
          g_array_append_vals (expected, (guint[]) { i - run, run, run }, 3);
          run = 0;
        }
    }
  g_assert_cmpuint (expected->len, >, 3);

  customer = gdn_store_get (store, GDN_TYPE_CUSTOMER, 7, &error);
  g_assert_no_error (error);
  gdn_record_set_string (customer, "name", "北京中关村科技集团有限公司");
  gdn_store_update (store, customer, &error);
  g_assert_no_error (error);

  assert_events (m, (const guint *) expected->data, expected->len);
  g_assert_cmpstr (gdn_record_get_string (shown, "customer_name"), ==,
                   "北京中关村科技集团有限公司");
  mirror_check (m, DEFAULT_SQL);

  /* sorted by customer name, the renamed rows move: the list starts again */
  gdn_query_model_set_sort (model, "customer_name", FALSE);
  g_array_set_size (m->events, 0);
  gdn_record_set_string (customer, "name", "安徽中关村科技集团有限公司");
  gdn_store_update (store, customer, &error);
  g_assert_no_error (error);
  {
    const guint reset[] = { 0, 300, 0, 0, 0, 300 };
    assert_events (m, reset, 6);
  }
}

/* ─── query plans ─────────────────────────────────────────────────────────────────── */

static gboolean
plan_scans_orders (const char *plan)
{
  g_auto(GStrv) lines = g_strsplit (plan, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *step = strchr (lines[i], ':');

      /* "SCAN t" alone reads the whole table; "SCAN t USING INDEX" walks an index in
       * the order asked for and stops after a page */
      if (step != NULL && (g_str_equal (step, ": SCAN t") ||
                           g_str_has_prefix (step, ": SCAN t USING COVERING")))
        return TRUE;
    }
  return FALSE;
}

static guint
count_lines (const char *plan,
             const char *line)
{
  guint n = 0;

  for (const char *p = strstr (plan, line); p != NULL; p = strstr (p + 1, line))
    n++;
  return n;
}

static void
test_plans (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (2000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autofree char *plan = NULL;

  exec_sql (store, "ANALYZE");

  plan = gdn_query_model_explain_for_testing (model);
  g_test_message ("default:\n%s", plan);
  /* ids are found walking the index in order; only the page's own rows are sorted */
  g_assert_nonnull (strstr (plan, "page: SCAN t USING INDEX orders_created"));
  g_assert_cmpuint (count_lines (plan, "page: USE TEMP B-TREE"), ==, 1);

  gdn_query_model_set_filter (model, "status", "shipped");
  g_free (plan);
  plan = gdn_query_model_explain_for_testing (model);
  g_test_message ("status:\n%s", plan);
  g_assert_false (plan_scans_orders (plan));
  /* orders_status (status, promised_date) or orders_by_status (status), which sorts */
  g_assert_true (strstr (plan, "count: SEARCH t USING INDEX orders_status (status=?)") != NULL ||
                 strstr (plan, "count: SEARCH t USING INDEX orders_by_status (status=?)") != NULL);

  gdn_query_model_set_filter (model, "status", NULL);
  gdn_query_model_set_search (model, "华强电子");
  g_free (plan);
  plan = gdn_query_model_explain_for_testing (model);
  g_test_message ("search:\n%s", plan);
  g_assert_false (plan_scans_orders (plan));
  /* the rows found are confirmed by id: in the table or in the narrow index of the text */
  g_assert_true (strstr (plan, "count: SEARCH t USING INTEGER PRIMARY KEY (rowid=?)") != NULL ||
                 strstr (plan, "count: SEARCH t USING COVERING INDEX orders_search_rows (id=?)")
                 != NULL);
  g_assert_nonnull (strstr (plan, "VIRTUAL TABLE INDEX"));

  gdn_query_model_set_search (model, NULL);
  gdn_query_model_set_flags_filter (model, GDN_FLAGS_OVERDUE);
  g_free (plan);
  plan = gdn_query_model_explain_for_testing (model);
  g_test_message ("overdue:\n%s", plan);
  g_assert_false (plan_scans_orders (plan));
}

static void
on_first_rows_changed_cb (GListModel *list,
                          guint       position,
                          guint       removed,
                          guint       added,
                          GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* The changes since the last call, as "position removed added" */
static char *
take_changes (GArray *changes)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i += 3)
    g_string_append_printf (s, "%s%u %u %u", s->len ? ", " : "",
                            g_array_index (changes, guint, i),
                            g_array_index (changes, guint, i + 1),
                            g_array_index (changes, guint, i + 2));
  g_array_set_size (changes, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A view's first frames: the rows a screen holds (the right ones, read walking the sort
 * order's index, not found and sorted all), then more as asked, then all of them; the list
 * only grows, and reading its last row does not count further by itself. */
static void
test_first_rows (void)
{
  g_autoptr(GdnStore) store = open_store_with_orders (2000);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  g_autoptr(GdnQueryModel) small = gdn_query_model_new (store, GDN_TYPE_CONTACT);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *all = "SELECT id FROM orders WHERE deleted_at IS NULL"
                    " ORDER BY created_date DESC, id DESC";
  const char *shipped = "SELECT id FROM orders WHERE deleted_at IS NULL AND status = 'shipped'"
                        " ORDER BY created_date DESC, id DESC";
  g_autoptr(GArray) expected = query_ids (store, all);
  g_autofree char *plan = NULL;
  g_autofree char *seen = NULL;

  exec_sql (store, "ANALYZE");
  gdn_query_model_set_first_rows (model, 30);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_first_rows_changed_cb), changes);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);
  g_assert_true (gdn_query_model_get_count_capped (model));
  for (guint i = 0; i < 30; i++)
    g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==, g_array_index (expected, gint64, i));
  plan = gdn_query_model_explain_for_testing (model);
  g_test_message ("first rows:\n%s", plan);
  g_assert_nonnull (strstr (plan, "page: SCAN t USING INDEX orders_created"));

  /* its last row read: no more until asked */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);

  gdn_query_model_set_first_rows (model, 60);
  seen = take_changes (changes);
  g_assert_cmpstr (seen, ==, "30 0 30");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 60);
  for (guint i = 0; i < 60; i++)
    g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==, g_array_index (expected, gint64, i));

  /* fewer than it holds: it holds them still */
  gdn_query_model_set_first_rows (model, 40);
  g_free (seen);
  seen = take_changes (changes);
  g_assert_cmpstr (seen, ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 60);

  /* a filter meanwhile: its first rows */
  gdn_query_model_set_filter (model, "status", "shipped");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 60);
  g_assert_true (gdn_query_model_get_count_capped (model));
  {
    g_autoptr(GArray) first = query_ids (store, shipped);

    g_assert_cmpuint (first->len, >, 60);
    for (guint i = 0; i < 60; i++)
      g_assert_cmpint (item_id (G_LIST_MODEL (model), i), ==, g_array_index (first, gint64, i));
  }
  gdn_query_model_set_filter (model, "status", NULL);
  g_array_set_size (changes, 0);

  /* then all of them */
  gdn_query_model_set_first_rows (model, 0);
  g_free (seen);
  seen = take_changes (changes);
  g_assert_cmpstr (seen, ==, "60 0 1940");
  g_assert_false (gdn_query_model_get_count_capped (model));
  assert_model_is (model, all);

  /* a search counted further than its limit meanwhile (a record looked for far down):
   * neither more first rows nor the end of them take that back */
  {
    g_autoptr(GArray) found = query_ids (store, "SELECT id FROM orders WHERE deleted_at IS NULL"
                                                " AND search_text LIKE '%so-2025%'"
                                                " ORDER BY created_date DESC, id DESC");
    guint pos = 0, n;

    gdn_query_model_set_count_cap_for_testing (model, 50);
    gdn_query_model_set_first_rows (model, 30);
    gdn_query_model_set_search (model, "so-2025");
    g_assert_true (gdn_query_model_get_count_capped (model));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=, 50);
    g_assert_true (gdn_query_model_find_position (model,
                                                  g_array_index (found, gint64, 150), &pos));
    g_assert_cmpuint (pos, ==, 150);
    n = g_list_model_get_n_items (G_LIST_MODEL (model));
    g_assert_cmpuint (n, >, 150);
    g_assert_true (gdn_query_model_get_count_capped (model));
    g_array_set_size (changes, 0);
    gdn_query_model_set_first_rows (model, 60);
    gdn_query_model_set_first_rows (model, 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, n);
    for (guint i = 0; i < changes->len; i += 3)
      g_assert_cmpuint (g_array_index (changes, guint, i + 1), ==, 0);
    g_assert_cmpint (item_id (G_LIST_MODEL (model), 150), ==, g_array_index (found, gint64, 150));
  }

  /* a table with fewer rows than a screen: all of them, no more to come */
  gdn_query_model_set_first_rows (small, 30);
  exec_sql (store, "INSERT INTO contacts (customer_id, name) VALUES (1, '王芳'), (2, '李强')");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, 2);
  g_assert_false (gdn_query_model_get_count_capped (small));
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/query-model/count/without-rows", test_count_without_rows);
  g_test_add_func ("/query-model/paging/pages", test_paging);
  g_test_add_func ("/query-model/paging/keyset", test_paging_keyset);
  g_test_add_func ("/query-model/paging/deep", test_paging_deep);
  g_test_add_func ("/query-model/sort", test_sort);
  g_test_add_func ("/query-model/filter", test_filters);
  g_test_add_func ("/query-model/search/long", test_search_long);
  g_test_add_func ("/query-model/search/short", test_search_short);
  g_test_add_func ("/query-model/search/capped", test_search_capped);
  g_test_add_func ("/query-model/search/index-count", test_search_index_count);
  g_test_add_func ("/query-model/search/worker", test_search_worker);
  g_test_add_func ("/query-model/search/walk-text", test_search_walk_text);
  g_test_add_func ("/query-model/search/first-match-far", test_search_first_match_far);
  g_test_add_func ("/query-model/search/short-cap", test_search_short_cap);
  g_test_add_func ("/query-model/search/without-index", test_search_without_index);
  g_test_add_func ("/query-model/changes/in-place", test_change_in_place);
  g_test_add_func ("/query-model/changes/recycle", test_recycle);
  g_test_add_func ("/query-model/changes/moves", test_change_moves);
  g_test_add_func ("/query-model/changes/moves-uncached", test_change_moves_uncached);
  g_test_add_func ("/query-model/changes/capped", test_change_capped);
  g_test_add_func ("/query-model/changes/filter", test_change_filter);
  g_test_add_func ("/query-model/changes/insert", test_change_insert);
  g_test_add_func ("/query-model/changes/delete-restore", test_change_delete_restore);
  g_test_add_func ("/query-model/changes/reloaded", test_change_reloaded);
  g_test_add_func ("/query-model/changes/other-kind", test_change_other_kind);
  g_test_add_func ("/query-model/plans", test_plans);
  g_test_add_func ("/query-model/first-rows", test_first_rows);

  return g_test_run ();
}

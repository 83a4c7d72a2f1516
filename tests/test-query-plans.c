/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gdn-case.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-kpi.h"
#include "gdn-order.h"
#include "gdn-query-model.h"
#include "gdn-shipment.h"
#include "gdn-test-utils.h"

/* The statements a view runs for its first page, a search and the KPIs, caught as SQLite
 * runs them and asked for their query plan: the hot ones must walk or search an index,
 * never sort a whole table ("USE TEMP B-TREE FOR ORDER BY") or scan it where an index
 * answers. The lists hold enough rows (over a thousand) that the model reads pages by
 * walking the index of the sort column, as it does on a large database. */

#define N_ROWS 2000

typedef struct
{
  GPtrArray *statements;   /* expanded SQL, in the order run */
} Trace;

static int
trace_cb (unsigned int  type,
          void         *data,
          void         *p,
          void         *x)
{
  Trace *trace = data;
  char *sql;

  if (type != SQLITE_TRACE_STMT)
    return 0;
  sql = sqlite3_expanded_sql (p);
  if (sql != NULL && !g_str_has_prefix (sql, "--"))
    g_ptr_array_add (trace->statements, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

static void
trace_start (GdnDatabase *db,
             Trace       *trace)
{
  trace->statements = g_ptr_array_new_with_free_func (g_free);
  sqlite3_trace_v2 (gdn_database_get_handle (db), SQLITE_TRACE_STMT, trace_cb, trace);
}

static void
trace_stop (GdnDatabase *db,
            Trace       *trace)
{
  sqlite3_trace_v2 (gdn_database_get_handle (db), 0, NULL, NULL);
  g_clear_pointer (&trace->statements, g_ptr_array_unref);
}

/* The KPIs run on a connection of their own: every connection opened while this is set
 * is traced into it. */
static Trace *connection_trace;

static int
trace_connection_init (sqlite3                     *handle,
                       char                       **message,
                       const sqlite3_api_routines  *api)
{
  if (connection_trace != NULL)
    sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, trace_cb, connection_trace);
  return SQLITE_OK;
}

typedef struct
{
  int   id;
  int   parent;
  char *detail;
} PlanNode;

static void
plan_node_clear (gpointer data)
{
  g_free (((PlanNode *) data)->detail);
}

static GArray *
query_plan (GdnDatabase *db,
            const char  *sql)
{
  g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, explain, &error);
  GArray *nodes = g_array_new (FALSE, TRUE, sizeof (PlanNode));

  g_array_set_clear_func (nodes, plan_node_clear);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlanNode node = { sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                        g_strdup ((const char *) sqlite3_column_text (stmt, 3)) };

      g_array_append_val (nodes, node);
    }
  return nodes;
}

static char *
plan_text (GArray *nodes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      PlanNode *n = &g_array_index (nodes, PlanNode, i);

      g_string_append_printf (s, "  %d<%d %s\n", n->id, n->parent, n->detail);
    }
  return g_string_free (s, FALSE);
}

/* A full scan of a table, not of one of its indexes (nor of the rows of a subquery, which
 * its own plan decides). */
static gboolean
is_table_scan (const char *detail)
{
  return g_str_has_prefix (detail, "SCAN ") && strstr (detail, " USING ") == NULL &&
         strstr (detail, "VIRTUAL TABLE") == NULL && strstr (detail, "CONSTANT ROW") == NULL &&
         !g_str_has_prefix (detail, "SCAN (subquery-");
}

/* A page is read as "rows WHERE id IN (the ids of the page, in order, LIMIT n)": the
 * inner query, the first subquery of the plan, is the one that must walk an index. */
static void
assert_page_walks_index (GdnDatabase *db,
                         const char  *sql,
                         const char  *what)
{
  g_autoptr(GArray) nodes = query_plan (db, sql);
  g_autofree char *text = plan_text (nodes);
  int inner = -1;
  gboolean walks = FALSE;

  for (guint i = 0; i < nodes->len && inner < 0; i++)
    {
      PlanNode *n = &g_array_index (nodes, PlanNode, i);

      if (n->parent == 0 && g_str_has_prefix (n->detail, "LIST SUBQUERY"))
        inner = n->id;
    }
  if (inner < 0)
    g_error ("%s: no page subquery in\n%s\n%s", what, sql, text);

  for (guint i = 0; i < nodes->len; i++)
    {
      PlanNode *n = &g_array_index (nodes, PlanNode, i);

      if (n->parent != inner)
        continue;
      if (strstr (n->detail, "USE TEMP B-TREE FOR ORDER BY") != NULL || is_table_scan (n->detail))
        g_error ("%s: the page sorts or scans the table:\n%s\n%s", what, sql, text);
      if (g_str_has_prefix (n->detail, "SCAN ") && strstr (n->detail, " INDEX ") != NULL)
        walks = TRUE;
    }
  if (!walks)
    g_error ("%s: the page walks no index:\n%s\n%s", what, sql, text);
}

static void
assert_no_table_scan (GdnDatabase *db,
                      const char  *sql,
                      gboolean     sorted,
                      const char  *what)
{
  g_autoptr(GArray) nodes = query_plan (db, sql);
  g_autofree char *text = plan_text (nodes);

  for (guint i = 0; i < nodes->len; i++)
    if (is_table_scan (g_array_index (nodes, PlanNode, i).detail) ||
        (!sorted && strstr (g_array_index (nodes, PlanNode, i).detail,
                            "USE TEMP B-TREE FOR ORDER BY") != NULL))
      g_error ("%s: a table is scanned or sorted:\n%s\n%s", what, sql, text);
}

static gboolean
is_page (const char *sql)
{
  return g_str_has_prefix (sql, "SELECT") && strstr (sql, " IN (SELECT t.id FROM ") != NULL &&
         strstr (sql, " LIMIT ") != NULL;
}

static gboolean
is_count (const char *sql)
{
  return g_str_has_prefix (sql, "SELECT count(*)") ||
         g_str_has_prefix (sql, "SELECT (SELECT count(*)");
}

/* The look at the first ids of an order that follows them, before a walk (see
 * first_match_far() in gdn-query-model.c): the index's rows in that range of ids,
 * confirmed in the narrow index of the text. */
static gboolean
is_gap_check (const char *sql)
{
  return g_str_has_prefix (sql, "SELECT EXISTS (SELECT 1 FROM orders_fts f");
}

static void
assert_gap_check_plan (GdnDatabase *db,
                       const char  *sql)
{
  g_autoptr(GArray) nodes = query_plan (db, sql);
  g_autofree char *text = plan_text (nodes);

  /* a range of rowids in the search index (constraint M1 is on the rowid), each row
   * looked up by id */
  if ((strstr (text, "VIRTUAL TABLE INDEX 0:M1>") == NULL &&
       strstr (text, "VIRTUAL TABLE INDEX 0:M1<") == NULL) ||
      strstr (text, "COVERING INDEX orders_search_rows (id=?)") == NULL)
    g_error ("the look at the first ids reads more than their rows:\n%s\n%s", sql, text);
  assert_no_table_scan (db, sql, FALSE, "look at the first ids");
}

/* Rows enough in every list, written as a bulk import would, with text to search. */
static GdnStore *
open_filled_store (void)
{
  GdnStore *store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO customers (code, name, industry, tier, status, owner, search_text)"
    " SELECT printf('KH%%05d', i), '华强电子' || i, 'industry' || (i %% 7), 'A', 'active',"
    "  'owner' || (i %% 5), printf('KH%%05d 华强电子%%d ABC', i, i) FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO orders (order_no, customer_id, type, status, created_date, confirmed_date,"
    "  promised_date, delivered_date, payment_due, owner, progress, amount,"
    "  status_changed_at, search_text)"
    " SELECT printf('XS%%06d', i), 1 + i %% 100, 'regular', 'confirmed',"
    "  date('2025-01-01', '+' || (i %% 500) || ' days'),"
    "  date('2025-01-02', '+' || (i %% 500) || ' days'),"
    "  date('2025-02-01', '+' || (i %% 500) || ' days'),"
    "  date('2025-02-03', '+' || (i %% 500) || ' days'),"
    "  date('2025-03-01', '+' || (i %% 500) || ' days'), 'owner' || (i %% 5), i %% 100,"
    "  i * 10.5, datetime('2025-01-02 10:00:00', '+' || (i %% 500) || ' days'),"
    "  printf('XS%%06d KH%%05d 华强电子 ABC 电阻', i, 1 + i %% 100) FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO cases (case_no, customer_id, order_id, type, category, priority, status,"
    "  opened_at, first_response_at, resolved_at, closed_at, owner, search_text)"
    " SELECT printf('SH%%06d', i), 1 + i %% 100, i, 'complaint', 'other', 'normal', 'open',"
    "  datetime('2025-01-05 09:00:00', '+' || (i %% 500) || ' days'),"
    "  datetime('2025-01-05 15:00:00', '+' || (i %% 500) || ' days'), NULL, NULL,"
    "  'owner' || (i %% 5), printf('SH%%06d ABC', i) FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO shipments (order_id, carrier, mode, tracking_no, shipped_date, eta,"
    "  delivered_date, freight, status, search_text)"
    " SELECT i, 'carrier' || (i %% 4), 'road', printf('SF%%08d', i),"
    "  date('2025-01-20', '+' || (i %% 500) || ' days'),"
    "  date('2025-01-23', '+' || (i %% 500) || ' days'),"
    "  date('2025-01-22', '+' || (i %% 500) || ' days'), 12.5, 'delivered',"
    "  printf('SF%%08d ABC', i) FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO contracts (contract_no, customer_id, title, amount, signed_date,"
    "  start_date, end_date, status, search_text)"
    " SELECT printf('HT%%06d', i), 1 + i %% 100, 'title' || i, i * 100.0,"
    "  date('2025-01-01', '+' || (i %% 500) || ' days'),"
    "  date('2025-01-01', '+' || (i %% 500) || ' days'),"
    "  date('2026-01-01', '+' || (i %% 500) || ' days'), 'signed',"
    "  printf('HT%%06d ABC', i) FROM n;"
    "UPDATE orders SET deleted_at = '2025-06-01 10:00:00' WHERE id %% 97 = 0;",
    N_ROWS, N_ROWS, N_ROWS, N_ROWS, N_ROWS);

  gdn_database_exec (db, sql, &error);
  g_assert_no_error (error);
  return store;
}

static void
first_page (GdnQueryModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_cmpuint (n, >=, 1000);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), 0));
  g_assert_null (gdn_query_model_get_error (model));
}

static void
check_sorted_pages (GType type)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  const GdnField *fields;
  guint n_fields, n_checked = 0;

  fields = gdn_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      if (!(fields[i].flags & GDN_FIELD_SORTABLE))
        continue;
      for (int descending = 0; descending <= 1; descending++)
        {
          g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, type);
          g_autofree char *what = g_strdup_printf ("%s by %s%s",
                                                   gdn_record_class_get_table (klass),
                                                   fields[i].name,
                                                   descending ? " descending" : "");
          g_autofree char *live = g_strdup_printf ("SELECT count(*) FROM %s"
                                                   " WHERE deleted_at IS NULL",
                                                   gdn_record_class_get_table (klass));
          g_autofree char *trash = g_strdup_printf ("%s_trash",
                                                    gdn_record_class_get_table (klass));
          Trace trace;
          guint n_pages = 0, n_counts = 0;

          gdn_query_model_set_sort (model, fields[i].name, descending);
          trace_start (db, &trace);
          first_page (model);
          for (guint s = 0; s < trace.statements->len; s++)
            if (is_page (trace.statements->pdata[s]))
              {
                assert_page_walks_index (db, trace.statements->pdata[s], what);
                n_pages++;
              }
            else if (is_count (trace.statements->pdata[s]))
              {
                g_autoptr(GArray) nodes = query_plan (db, trace.statements->pdata[s]);
                g_autofree char *text = plan_text (nodes);

                /* the rows in the trash are counted in its index: no row is read */
                assert_no_table_scan (db, trace.statements->pdata[s], FALSE, what);
                g_assert_nonnull (strstr (text, trash));
                n_counts++;
              }
          trace_stop (db, &trace);
          g_assert_cmpuint (n_pages, >, 0);
          g_assert_cmpuint (n_counts, ==, 1);
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                            gdn_test_count (store, live));
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
}

static void
test_plans_orders (void)
{
  check_sorted_pages (GDN_TYPE_ORDER);
}

static void
test_plans_customers (void)
{
  check_sorted_pages (GDN_TYPE_CUSTOMER);
}

static void
test_plans_cases (void)
{
  check_sorted_pages (GDN_TYPE_CASE);
}

static void
test_plans_shipments (void)
{
  check_sorted_pages (GDN_TYPE_SHIPMENT);
}

static void
test_plans_contracts (void)
{
  check_sorted_pages (GDN_TYPE_CONTRACT);
}

/* A search found in most rows: the count comes from the search index (no row read but
 * those in the trash) and the page walks the index of the sort column. */
static void
test_plans_search_trigram (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  Trace trace;
  guint n_pages = 0, n_counts = 0;

  gdn_query_model_set_sort (model, "created_date", TRUE);
  first_page (model);
  trace_start (db, &trace);
  gdn_query_model_set_search (model, "abc");
  first_page (model);
  for (guint s = 0; s < trace.statements->len; s++)
    {
      const char *sql = trace.statements->pdata[s];

      if (is_page (sql))
        {
          assert_page_walks_index (db, sql, "search abc");
          n_pages++;
        }

      else if (is_count (sql))
        {
          g_autoptr(GArray) nodes = query_plan (db, sql);
          g_autofree char *text = plan_text (nodes);

          assert_no_table_scan (db, sql, FALSE, "count of search abc");
          g_assert_nonnull (strstr (text, "orders_trash"));
          /* the rows in the trash are checked in their text, not against a list of all
           * the rows the index finds */
          g_assert_null (strstr (sql, "+t.id IN"));
          n_counts++;
        }
    }
  trace_stop (db, &trace);
  g_assert_cmpuint (n_pages, >, 0);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    gdn_test_count (store, "SELECT count(*) FROM orders WHERE deleted_at IS NULL"
                                           " AND search_text LIKE '%abc%'"));
}

/* The smallest and largest ids, which bound the set of the rows a search finds: looked up
 * at both ends of the table, never counted through an index of it (72 ms at a million
 * orders, on every search that walks its list). */
static void
assert_id_bounds_plan (GdnDatabase *db,
                       const char  *sql)
{
  g_autoptr(GArray) nodes = query_plan (db, sql);
  g_autofree char *text = plan_text (nodes);

  for (guint i = 0; i < nodes->len; i++)
    if (g_str_has_prefix (g_array_index (nodes, PlanNode, i).detail, "SCAN ") &&
        strstr (g_array_index (nodes, PlanNode, i).detail, "CONSTANT ROW") == NULL)
      g_error ("the ids' bounds are found by a scan:\n%s\n%s", sql, text);
}

/* A search many rows match, in an order that follows the ids: the first ids are looked at
 * in the search index and the narrow index of the text before a walk is tried. */
static void
test_plans_search_first_ids (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  Trace trace;
  guint n_gap_checks = 0, n_bounds = 0;

  gdn_query_model_set_count_cap_for_testing (model, 1000);
  /* a walk reading the text of rows runs out of time at once: the set is used */
  gdn_query_model_set_walk_budget_for_testing (model, 0);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  trace_start (db, &trace);
  gdn_query_model_set_search (model, "华强电子");
  first_page (model);
  for (guint s = 0; s < trace.statements->len; s++)
    {
      const char *sql = trace.statements->pdata[s];

      if (is_gap_check (sql))
        {
          assert_gap_check_plan (db, sql);
          n_gap_checks++;
        }
      if (strstr (sql, "min(id)") != NULL)
        {
          assert_id_bounds_plan (db, sql);
          n_bounds++;
        }
    }
  trace_stop (db, &trace);
  g_assert_true (gdn_query_model_get_count_capped (model));
  g_assert_cmpuint (n_gap_checks, ==, 1);
  /* the walk looked its rows up in the set of the rows the index finds */
  g_assert_cmpuint (n_bounds, ==, 1);
}

/* Four characters: the rows with both trigrams are confirmed in the narrow index of the
 * text, looked up by id, not in the table's rows. */
static void
test_plans_search_confirmed (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  Trace trace;
  guint n_counts = 0;

  gdn_query_model_set_sort (model, "created_date", TRUE);
  trace_start (db, &trace);
  gdn_query_model_set_search (model, "华强电子");
  first_page (model);
  for (guint s = 0; s < trace.statements->len; s++)
    {
      const char *sql = trace.statements->pdata[s];

      if (is_page (sql))
        assert_page_walks_index (db, sql, "search 华强电子");
      else if (is_count (sql))
        {
          g_autoptr(GArray) nodes = query_plan (db, sql);
          g_autofree char *text = plan_text (nodes);

          if (strstr (text, "COVERING INDEX orders_search_rows (id=?)") == NULL)
            g_error ("the finds of a long search are not confirmed in the text's index:\n%s\n%s",
                     sql, text);
          n_counts++;
        }
    }
  trace_stop (db, &trace);
  g_assert_cmpuint (n_counts, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==,
                    gdn_test_count (store, "SELECT count(*) FROM orders WHERE deleted_at IS NULL"
                                           " AND instr(search_text, '华强电子') > 0"));
}

/* One or two characters: the count scans the narrow index of the text, not the table. */
static void
test_plans_search_short (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnQueryModel) model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  Trace trace;
  guint n_counts = 0;

  gdn_query_model_set_sort (model, "created_date", TRUE);
  trace_start (db, &trace);
  gdn_query_model_set_search (model, "华强");
  first_page (model);
  for (guint s = 0; s < trace.statements->len; s++)
    {
      const char *sql = trace.statements->pdata[s];

      if (is_page (sql))
        assert_page_walks_index (db, sql, "search 华强");
      else if (is_count (sql))
        {
          g_autoptr(GArray) nodes = query_plan (db, sql);
          g_autofree char *text = plan_text (nodes);

          if (strstr (text, "COVERING INDEX orders_search_rows") == NULL)
            g_error ("the count of a short search does not scan the text's index:\n%s\n%s",
                     sql, text);
          n_counts++;
        }
    }
  trace_stop (db, &trace);
  g_assert_cmpuint (n_counts, ==, 1);
}

/* Every KPI of a month reads the per-day totals of its period's date by their primary key,
 * never the rows of orders, cases, shipments or surveys. */
static void
test_plans_kpi_month (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnKpi) kpi = NULL;
  g_autoptr(GError) error = NULL;
  Trace trace = { g_ptr_array_new_with_free_func (g_free) };
  guint n_checked = 0;

  connection_trace = &trace;
  sqlite3_auto_extension ((void (*) (void)) trace_connection_init);
  kpi = gdn_kpi_compute (db, "2025-05-01", "2025-05-31", &error);
  sqlite3_cancel_auto_extension ((void (*) (void)) trace_connection_init);
  connection_trace = NULL;
  g_assert_no_error (error);
  for (guint s = 0; s < trace.statements->len; s++)
    {
      const char *sql = trace.statements->pdata[s];
      g_autoptr(GArray) nodes = NULL;
      g_autofree char *text = NULL;

      if (!g_str_has_prefix (sql, "SELECT"))
        continue;
      nodes = query_plan (db, sql);
      text = plan_text (nodes);
      /* the few groups of days (carriers, statuses) may be sorted, never a table */
      assert_no_table_scan (db, sql, TRUE, "KPI");
      for (guint i = 0; i < nodes->len; i++)
        {
          const char *detail = g_array_index (nodes, PlanNode, i).detail;
          static const char *const row_tables[] = {
            "orders", "cases", "shipments", "surveys", "order_events",
          };

          for (guint t = 0; t < G_N_ELEMENTS (row_tables); t++)
            {
              g_autofree char *search = g_strdup_printf ("SEARCH %s ", row_tables[t]);
              g_autofree char *scan = g_strdup_printf ("SCAN %s", row_tables[t]);

              if (g_str_has_prefix (detail, search) || g_str_has_prefix (detail, scan))
                g_error ("KPI: %s is read row by row:\n%s\n%s", row_tables[t], sql, text);
            }
          if (g_str_has_prefix (detail, "SEARCH kpi_") &&
              strstr (detail, "USING PRIMARY KEY (day>? AND day<?)") == NULL)
            g_error ("KPI: the days are not read as a range of dates:\n%s\n%s", sql, text);
        }
      if (strstr (text, "SEARCH kpi_") == NULL)
        g_error ("KPI: the per-day totals are not read:\n%s\n%s", sql, text);
      n_checked++;
    }
  g_clear_pointer (&trace.statements, g_ptr_array_unref);
  g_assert_cmpuint (n_checked, ==, 6);
}

/* The work report's interactions of a period come from one index, without their rows */
static void
test_plans_report_interactions (void)
{
  g_autoptr(GdnStore) store = open_filled_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  static const char *const queries[] = {
    "SELECT channel, count(*), count(DISTINCT customer_id) FROM interactions"
    " WHERE at >= '2025-05-01' AND at < '2025-06-01' AND deleted_at IS NULL"
    " GROUP BY channel ORDER BY 2 DESC",
    "SELECT count(*) FROM interactions i JOIN customers c ON c.id = i.customer_id"
    " WHERE i.at >= '2025-05-01' AND i.at < '2025-06-01' AND i.deleted_at IS NULL"
    " AND (i.case_id IS NOT NULL OR c.tier = 'key')",
  };

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr(GArray) nodes = query_plan (db, queries[q]);
      g_autofree char *text = plan_text (nodes);

      if (strstr (text, "COVERING INDEX interactions_by_period (at>? AND at<?)") == NULL)
        g_error ("report: interactions read row by row:\n%s\n%s", queries[q], text);
    }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/query-plans/orders", test_plans_orders);
  g_test_add_func ("/query-plans/customers", test_plans_customers);
  g_test_add_func ("/query-plans/cases", test_plans_cases);
  g_test_add_func ("/query-plans/shipments", test_plans_shipments);
  g_test_add_func ("/query-plans/contracts", test_plans_contracts);
  g_test_add_func ("/query-plans/search/trigram", test_plans_search_trigram);
  g_test_add_func ("/query-plans/search/first-ids", test_plans_search_first_ids);
  g_test_add_func ("/query-plans/search/confirmed", test_plans_search_confirmed);
  g_test_add_func ("/query-plans/search/short", test_plans_search_short);
  g_test_add_func ("/query-plans/kpi/month", test_plans_kpi_month);
  g_test_add_func ("/query-plans/report/interactions", test_plans_report_interactions);
  return g_test_run ();
}

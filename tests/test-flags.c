/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gdn-case.h"
#include "gdn-flags.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-query-model.h"
#include "gdn-test-utils.h"

/* Hand-made orders and cases against a pinned "now" of 2026-03-10 09:00. Rows are written
 * with plain SQL so that each one can be exactly as broken as the rule needs. */

#define NOW "2026-03-10 09:00:00"

typedef struct
{
  GdnStore *store;
  gint64    customer_id;
} Fixture;

static void
exec_sql (GdnStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  gdn_database_exec (gdn_store_get_database (store), sql, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->store = gdn_test_open_store ();
  exec_sql (fx->store, "INSERT INTO customers (code, name, short_name)"
                       " VALUES ('C0001', '深圳市华强电子有限公司', '华强电子')");
  fx->customer_id = gdn_test_count (fx->store, "SELECT max(id) FROM customers");
  gdn_flags_set_now_for_testing (gdn_store_get_database (fx->store), NOW, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, param);
}

typedef struct
{
  const char *order_no;
  const char *status;
  const char *confirmed;
  const char *promised;
  const char *delivered;
  int         progress;
  const char *address;       /* NULL: the default address; "" for none */
  gboolean    no_lines;
  const char *missing_reason;
  const char *last_event;    /* NULL: an event one day before now */
} OrderSpec;

static gint64
add_order (Fixture         *fx,
           const OrderSpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (gdn_store_get_database (fx->store),
                          "INSERT INTO orders (order_no, customer_id, status, created_date,"
                          " confirmed_date, promised_date, delivered_date, progress,"
                          " delivery_address, missing_reason)"
                          " VALUES (?, ?, ?, '2026-01-05', ?, ?, ?, ?, ?, ?)", &error);
  gint64 id;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, spec->order_no, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, fx->customer_id);
  sqlite3_bind_text (stmt, 3, spec->status, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, spec->confirmed);
  bind_text_or_null (stmt, 5, spec->promised);
  bind_text_or_null (stmt, 6, spec->delivered);
  sqlite3_bind_int (stmt, 7, spec->progress);
  bind_text_or_null (stmt, 8, spec->address == NULL ? "广东省深圳市福田区华强北路1002号"
                              : *spec->address ? spec->address : NULL);
  bind_text_or_null (stmt, 9, spec->missing_reason);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  id = sqlite3_last_insert_rowid (gdn_database_get_handle (gdn_store_get_database (fx->store)));

  if (!spec->no_lines)
    {
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO order_lines (order_id, position, product_code, product_name,"
                         " unit, quantity, unit_price) VALUES (%" G_GINT64_FORMAT ", 1,"
                         " 'HQ-PCB-0402', '四层电路板', '片', 500, 12.8)", id);
      exec_sql (fx->store, sql);
    }
  {
    g_autofree char *sql =
      g_strdup_printf ("INSERT INTO order_events (order_id, at, to_status, who)"
                       " VALUES (%" G_GINT64_FORMAT ", '%s', '%s', '王芳')", id,
                       spec->last_event ? spec->last_event : "2026-03-09 15:00:00",
                       spec->status);
    exec_sql (fx->store, sql);
  }
  return id;
}

static GdnFlags
flags_of (Fixture *fx,
          GType    type,
          gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) record = NULL;
  GdnFlags flags = gdn_flags_compute (fx->store, type, id, &error);

  g_assert_no_error (error);
  /* the derived field every list shows says the same */
  record = gdn_store_get (fx->store, type, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_record_get_int (record, "flags"), ==, flags);
  return flags;
}

#define ORDER_FLAGS(...) flags_of (fx, GDN_TYPE_ORDER, add_order (fx, &(OrderSpec) { __VA_ARGS__ }))

static void
test_overdue (Fixture       *fx,
              gconstpointer  data)
{
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "in_production",
                                .confirmed = "2026-02-01", .promised = "2026-03-09",
                                .progress = 95),
                   ==, GDN_FLAGS_OVERDUE);
  /* due today is not yet overdue (but at risk) */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "qc", .confirmed = "2026-02-01",
                                .promised = "2026-03-10"),
                   ==, GDN_FLAGS_AT_RISK);
  /* shipped but not delivered still counts */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-3", .status = "shipped",
                                .confirmed = "2026-02-01", .promised = "2026-03-01"),
                   ==, GDN_FLAGS_OVERDUE);
  /* delivered on time, closed, cancelled or lost orders are never overdue */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-4", .status = "delivered",
                                .confirmed = "2026-02-01", .promised = "2026-03-01",
                                .delivered = "2026-02-27"),
                   ==, GDN_FLAGS_NONE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-5", .status = "cancelled",
                                .promised = "2026-03-01"),
                   ==, GDN_FLAGS_NONE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-6", .status = "lost", .promised = "2026-03-01"),
                   ==, GDN_FLAGS_NONE);
}

static void
test_late_delivery (Fixture       *fx,
                    gconstpointer  data)
{
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "delivered",
                                .confirmed = "2026-02-01", .promised = "2026-03-01",
                                .delivered = "2026-03-04"),
                   ==, GDN_FLAGS_LATE_DELIVERY);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "closed",
                                .confirmed = "2026-02-01", .promised = "2026-03-01",
                                .delivered = "2026-03-01"),
                   ==, GDN_FLAGS_NONE);
}

static void
test_at_risk_due_soon (Fixture       *fx,
                       gconstpointer  data)
{
  /* within three days of the promised date, not yet shipped */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "confirmed",
                                .confirmed = "2026-03-01", .promised = "2026-03-13"),
                   ==, GDN_FLAGS_AT_RISK);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "confirmed",
                                .confirmed = "2026-03-01", .promised = "2026-03-14"),
                   ==, GDN_FLAGS_NONE);
  /* shipped is out of the factory's hands; a quote is not yet an order */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-3", .status = "shipped",
                                .confirmed = "2026-03-01", .promised = "2026-03-11"),
                   ==, GDN_FLAGS_NONE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-4", .status = "quoted",
                                .promised = "2026-03-11", .no_lines = TRUE),
                   ==, GDN_FLAGS_NONE);
}

static void
test_at_risk_progress (Fixture       *fx,
                       gconstpointer  data)
{
  /* confirmed 2026-02-08, promised 2026-04-09: 30 of 60 days gone, 50 % of the lead time */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "in_production",
                                .confirmed = "2026-02-08", .promised = "2026-04-09",
                                .progress = 25),
                   ==, GDN_FLAGS_AT_RISK);
  /* exactly 20 points behind is not "more than 20" */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "in_production",
                                .confirmed = "2026-02-08", .promised = "2026-04-09",
                                .progress = 30),
                   ==, GDN_FLAGS_NONE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-3", .status = "in_production",
                                .confirmed = "2026-02-08", .promised = "2026-04-09",
                                .progress = 60),
                   ==, GDN_FLAGS_NONE);
  /* the progress rule is about production only */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-4", .status = "confirmed",
                                .confirmed = "2026-02-08", .promised = "2026-04-09",
                                .progress = 0),
                   ==, GDN_FLAGS_NONE);
}

static void
test_incomplete (Fixture       *fx,
                 gconstpointer  data)
{
  gint64 id;
  g_autofree char *sql = NULL;

  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "confirmed",
                                .confirmed = "2026-03-01", .promised = "2026-05-01",
                                .no_lines = TRUE),
                   ==, GDN_FLAGS_INCOMPLETE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "in_production",
                                .confirmed = "2026-03-01", .promised = "2026-05-01",
                                .address = ""),
                   ==, GDN_FLAGS_INCOMPLETE);
  /* a written reason explains the gap; the order stays flagged */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-3", .status = "confirmed",
                                .confirmed = "2026-03-01",
                                .missing_reason = "客户尚未确定交期"),
                   ==, GDN_FLAGS_INCOMPLETE);
  /* before confirmation nothing is required yet */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-4", .status = "inquiry", .no_lines = TRUE,
                                .address = ""),
                   ==, GDN_FLAGS_NONE);

  /* a line without a unit price */
  id = add_order (fx, &(OrderSpec) { .order_no = "SO-5", .status = "confirmed",
                                     .confirmed = "2026-03-01", .promised = "2026-05-01" });
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_NONE);
  sql = g_strdup_printf ("INSERT INTO order_lines (order_id, position, product_code,"
                         " product_name, quantity) VALUES (%" G_GINT64_FORMAT ", 2,"
                         " 'HQ-CAP-1206', '贴片电容', 2000)", id);
  exec_sql (fx->store, sql);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_INCOMPLETE);
}

static void
test_stuck (Fixture       *fx,
            gconstpointer  data)
{
  /* the last event fourteen days ago or more */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-1", .status = "in_production",
                                .confirmed = "2026-02-01", .promised = "2026-06-01",
                                .progress = 50, .last_event = "2026-02-24 17:30:00"),
                   ==, GDN_FLAGS_STUCK);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-2", .status = "in_production",
                                .confirmed = "2026-02-01", .promised = "2026-06-01",
                                .progress = 50, .last_event = "2026-02-25 08:00:00"),
                   ==, GDN_FLAGS_NONE);
  /* delivered orders are done, inquiries not yet started */
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-3", .status = "delivered",
                                .confirmed = "2026-01-06", .promised = "2026-02-01",
                                .delivered = "2026-01-30", .last_event = "2026-01-30 10:00:00"),
                   ==, GDN_FLAGS_NONE);
  g_assert_cmpint (ORDER_FLAGS (.order_no = "SO-4", .status = "inquiry", .no_lines = TRUE,
                                .last_event = "2026-01-05 10:00:00"),
                   ==, GDN_FLAGS_NONE);
}

static void
test_stuck_without_events (Fixture       *fx,
                           gconstpointer  data)
{
  gint64 id = add_order (fx, &(OrderSpec) { .order_no = "SO-1", .status = "qc",
                                            .confirmed = "2026-02-01",
                                            .promised = "2026-06-01" });

  /* imported orders have no events: the recorded status change speaks for them */
  exec_sql (fx->store, "DELETE FROM order_events");
  exec_sql (fx->store, "UPDATE orders SET status_changed_at = '2026-03-02 11:00:00'");
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_NONE);
  exec_sql (fx->store, "UPDATE orders SET status_changed_at = NULL");
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_STUCK);
}

static void
test_several_at_once (Fixture       *fx,
                      gconstpointer  data)
{
  GdnFlags flags = ORDER_FLAGS (.order_no = "SO-1", .status = "in_production",
                                .confirmed = "2026-01-10", .promised = "2026-03-01",
                                .no_lines = TRUE, .last_event = "2026-01-10 09:00:00");
  g_autofree char *text = NULL;

  g_assert_cmpint (flags, ==, GDN_FLAGS_OVERDUE | GDN_FLAGS_INCOMPLETE | GDN_FLAGS_STUCK);
  text = gdn_flags_to_string (flags);
  g_assert_cmpstr (text, ==, "Overdue, Incomplete, Stuck");
}

static gint64
add_case (Fixture    *fx,
          const char *case_no,
          const char *opened,
          const char *first_response)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (gdn_store_get_database (fx->store),
                          "INSERT INTO cases (case_no, customer_id, type, category, opened_at,"
                          " first_response_at, subject)"
                          " VALUES (?, ?, 'complaint', 'quality_defect', ?, ?,"
                          " '电路板批次虚焊')", &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, case_no, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, fx->customer_id);
  sqlite3_bind_text (stmt, 3, opened, -1, SQLITE_STATIC);
  bind_text_or_null (stmt, 4, first_response);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  return sqlite3_last_insert_rowid (gdn_database_get_handle (gdn_store_get_database (fx->store)));
}

static void
test_response_breach (Fixture       *fx,
                      gconstpointer  data)
{
  gint64 waiting_25h = add_case (fx, "CS-1", "2026-03-09 08:00:00", NULL);
  gint64 waiting_23h = add_case (fx, "CS-2", "2026-03-09 10:00:00", NULL);
  gint64 answered_late = add_case (fx, "CS-3", "2026-03-01 09:00:00", "2026-03-02 15:00:00");
  gint64 answered_2h = add_case (fx, "CS-4", "2026-03-01 09:00:00", "2026-03-01 11:00:00");
  gint64 answered_24h = add_case (fx, "CS-5", "2026-03-01 09:00:00", "2026-03-02 09:00:00");

  g_assert_cmpint (flags_of (fx, GDN_TYPE_CASE, waiting_25h), ==, GDN_FLAGS_RESPONSE_BREACH);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_CASE, waiting_23h), ==, GDN_FLAGS_NONE);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_CASE, answered_late), ==, GDN_FLAGS_RESPONSE_BREACH);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_CASE, answered_2h), ==, GDN_FLAGS_NONE);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_CASE, answered_24h), ==, GDN_FLAGS_NONE);
}

static void
test_pinned_now_moves (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = gdn_now ();
  GdnFlags by_clock;
  gint64 id = add_order (fx, &(OrderSpec) { .order_no = "SO-1", .status = "in_production",
                                            .confirmed = "2026-02-01",
                                            .promised = "2026-03-20", .progress = 90,
                                            .last_event = "2026-03-09 10:00:00" });

  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_NONE);
  gdn_flags_set_now_for_testing (gdn_store_get_database (fx->store), "2026-03-18", &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_AT_RISK);
  gdn_flags_set_now_for_testing (gdn_store_get_database (fx->store), "2026-03-21", &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, GDN_FLAGS_OVERDUE);

  /* unpinned, the clock decides */
  gdn_flags_set_now_for_testing (gdn_store_get_database (fx->store), NULL, &error);
  g_assert_no_error (error);
  by_clock = flags_of (fx, GDN_TYPE_ORDER, id);
  gdn_flags_set_now_for_testing (gdn_store_get_database (fx->store), now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (flags_of (fx, GDN_TYPE_ORDER, id), ==, by_clock);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static GPtrArray *
model_order_nos (GdnQueryModel *model)
{
  GPtrArray *nos = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdnRecord) record = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_ptr_array_add (nos, g_strdup (gdn_record_get_string (record, "order_no")));
    }
  g_ptr_array_sort (nos, compare_strings);
  g_ptr_array_add (nos, NULL);
  return nos;
}

static void
assert_nos (GdnQueryModel *model,
            const char    *expected)
{
  g_autoptr(GPtrArray) nos = model_order_nos (model);
  g_autofree char *joined = g_strjoinv (" ", (char **) nos->pdata);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_model_filter (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GdnQueryModel) orders = gdn_query_model_new (fx->store, GDN_TYPE_ORDER);
  g_autoptr(GdnQueryModel) cases = gdn_query_model_new (fx->store, GDN_TYPE_CASE);

  add_order (fx, &(OrderSpec) { .order_no = "SO-A", .status = "in_production",
                                .confirmed = "2026-02-01", .promised = "2026-03-01" });
  add_order (fx, &(OrderSpec) { .order_no = "SO-B", .status = "confirmed",
                                .confirmed = "2026-03-01", .promised = "2026-03-12" });
  add_order (fx, &(OrderSpec) { .order_no = "SO-C", .status = "in_production",
                                .confirmed = "2026-02-01", .promised = "2026-02-20",
                                .no_lines = TRUE });
  add_order (fx, &(OrderSpec) { .order_no = "SO-D", .status = "delivered",
                                .confirmed = "2026-02-01", .promised = "2026-03-01",
                                .delivered = "2026-03-03" });
  add_order (fx, &(OrderSpec) { .order_no = "SO-E", .status = "confirmed",
                                .confirmed = "2026-03-01", .promised = "2026-06-01" });
  add_case (fx, "CS-1", "2026-03-09 08:00:00", NULL);
  add_case (fx, "CS-2", "2026-03-09 10:00:00", NULL);

  assert_nos (orders, "SO-A SO-B SO-C SO-D SO-E");
  gdn_query_model_set_flags_filter (orders, GDN_FLAGS_OVERDUE);
  assert_nos (orders, "SO-A SO-C");
  gdn_query_model_set_flags_filter (orders, GDN_FLAGS_AT_RISK | GDN_FLAGS_LATE_DELIVERY);
  assert_nos (orders, "SO-B SO-D");
  gdn_query_model_set_flags_filter (orders, GDN_FLAGS_INCOMPLETE);
  assert_nos (orders, "SO-C");
  /* flags orders cannot carry match nothing */
  gdn_query_model_set_flags_filter (orders, GDN_FLAGS_RESPONSE_BREACH);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (orders)), ==, 0);

  gdn_query_model_set_flags_filter (cases, GDN_FLAGS_RESPONSE_BREACH);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cases)), ==, 1);
  {
    g_autoptr(GdnRecord) record = g_list_model_get_item (G_LIST_MODEL (cases), 0);
    g_assert_cmpstr (gdn_record_get_string (record, "case_no"), ==, "CS-1");
  }
}

static void
test_names (void)
{
  GdnFlags flags = GDN_FLAGS_NONE;
  g_autofree char *none = gdn_flags_to_string (GDN_FLAGS_NONE);
  GFlagsClass *klass = g_type_class_ref (GDN_TYPE_FLAGS);

  g_assert_cmpstr (none, ==, "");
  g_assert_true (gdn_flags_parse ("overdue, stuck", &flags));
  g_assert_cmpint (flags, ==, GDN_FLAGS_OVERDUE | GDN_FLAGS_STUCK);
  g_assert_false (gdn_flags_parse ("overdue,late", &flags));
  g_assert_cmpstr (gdn_flags_nick (GDN_FLAGS_RESPONSE_BREACH), ==, "response-breach");
  g_assert_cmpstr (gdn_flags_label (GDN_FLAGS_AT_RISK), ==, "At risk");
  g_assert_cmpuint (gdn_flags_supported (GDN_TYPE_ORDER) | gdn_flags_supported (GDN_TYPE_CASE),
                    ==, GDN_FLAGS_ALL);
  g_assert_nonnull (g_flags_get_value_by_nick (klass, "late-delivery"));
  g_assert_null (gdn_flags_sql (G_TYPE_OBJECT));
  g_type_class_unref (klass);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  ADD ("/flags/order/overdue", test_overdue);
  ADD ("/flags/order/late-delivery", test_late_delivery);
  ADD ("/flags/order/at-risk/due-soon", test_at_risk_due_soon);
  ADD ("/flags/order/at-risk/progress", test_at_risk_progress);
  ADD ("/flags/order/incomplete", test_incomplete);
  ADD ("/flags/order/stuck", test_stuck);
  ADD ("/flags/order/stuck/without-events", test_stuck_without_events);
  ADD ("/flags/order/several", test_several_at_once);
  ADD ("/flags/case/response-breach", test_response_breach);
  ADD ("/flags/now/pinned", test_pinned_now_moves);
  ADD ("/flags/model/filter", test_model_filter);
  g_test_add_func ("/flags/names", test_names);

  return g_test_run ();
}

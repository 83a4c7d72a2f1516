/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "gdn-contract-approval.h"
#include "gdn-customer.h"
#include "gdn-order-event.h"
#include "gdn-parse.h"
#include "gdn-test-utils.h"
#include "gdn-validation-error.h"
#include "gdn-workflow.h"

/* ---- fixtures ---------------------------------------------------------------------- */

static GdnRecord *
make_customer (GdnStore *store)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *c = GDN_RECORD (gdn_customer_new ());

  gdn_record_set_string (c, "code", "C0001");
  gdn_record_set_string (c, "name", "深圳市华强电子有限公司");
  gdn_record_set_string (c, "address", "广东省深圳市福田区华强北路1002号");
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);
  return c;
}

static GdnRecord *
make_line (const char *code,
           const char *name,
           double      quantity,
           double      unit_price)
{
  GdnRecord *line = GDN_RECORD (gdn_order_line_new ());

  gdn_record_set_string (line, "product_code", code);
  gdn_record_set_string (line, "product_name", name);
  gdn_record_set_string (line, "unit", "个");
  gdn_record_set_double (line, "quantity", quantity);
  gdn_record_set_double (line, "unit_price", unit_price);
  return line;
}

static GPtrArray *
standard_lines (void)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (lines, make_line ("HQ-CAP-0805", "贴片电容 0805 10uF", 5000, 0.12));
  g_ptr_array_add (lines, make_line ("HQ-RES-0603", "贴片电阻 0603 10kΩ", 20000, 0.015));
  return lines;
}

/* A complete order (lines, promised date far ahead, address), saved as an inquiry. */
static GdnOrder *
make_order (GdnStore   *store,
            GdnRecord  *customer,
            GPtrArray  *lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) own = NULL;
  g_autofree char *number = gdn_workflow_next_order_no (store, &error);
  GdnOrder *order = gdn_order_new ();
  GdnRecord *r = GDN_RECORD (order);

  g_assert_no_error (error);
  if (lines == NULL)
    lines = own = standard_lines ();
  gdn_record_set_string (r, "order_no", number);
  gdn_record_set_int (r, "customer_id", gdn_record_get_id (customer));
  gdn_record_set_string (r, "promised_date", "2099-12-31");
  gdn_record_set_string (r, "delivery_address", "广东省东莞市松山湖园区工业北路6号");
  g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
  g_assert_no_error (error);
  return order;
}

/* Puts @order (any record) in @status behind the workflow's back, to test steps from there. */
static void
force_status (GdnStore   *store,
              gpointer    order,
              const char *table,
              const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET status = ? WHERE id = ?", table);
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (gdn_store_get_database (store), sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, gdn_record_get_id (GDN_RECORD (order)));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_true (gdn_store_reload (store, GDN_RECORD (order), NULL));
}

static gint64
count_events (GdnStore  *store,
              GdnRecord *order)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM order_events WHERE order_id = %" G_GINT64_FORMAT,
                     gdn_record_get_id (order));
  return gdn_test_count (store, sql);
}

static char *
stored_text (GdnStore   *store,
             const char *sql,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (gdn_store_get_database (store), sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
assert_error_field (const GError       *error,
                    GdnValidationError  code,
                    const char         *field)
{
  g_assert_error (error, GDN_VALIDATION_ERROR, (int) code);
  g_assert_cmpstr (gdn_validation_error_get_field (error), ==, field);
}

/* ---- orders ------------------------------------------------------------------------ */

static const char * const order_statuses[] = {
  "inquiry", "quoted", "confirmed", "in_production", "qc", "shipped", "delivered", "closed",
  "cancelled", "lost", NULL
};

/* DESIGN.md's diagram, written out independently of the code under test. */
static gboolean
order_step_allowed (const char *from,
                    const char *to)
{
  static const char * const allowed[] = {
    "inquiry>quoted", "inquiry>lost", "quoted>confirmed", "quoted>lost",
    "confirmed>in_production", "confirmed>cancelled", "in_production>qc",
    "in_production>cancelled", "qc>shipped", "qc>in_production", "shipped>delivered",
    "delivered>closed", NULL
  };
  g_autofree char *step = g_strdup_printf ("%s>%s", from, to);

  return g_strv_contains (allowed, step);
}

static void
test_order_every_transition (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  guint n_allowed = 0, n_refused = 0;

  for (guint f = 0; order_statuses[f] != NULL; f++)
    for (guint t = 0; order_statuses[t] != NULL; t++)
      {
        const char *from = order_statuses[f], *to = order_statuses[t];
        g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
        GdnRecord *r = GDN_RECORD (order);
        g_autoptr(GError) error = NULL;
        gint64 events, version;
        gboolean ok;

        force_status (store, order, "orders", from);
        events = count_events (store, r);
        version = gdn_record_get_version (r);

        g_assert_true (gdn_order_workflow_can_change (from, to) == order_step_allowed (from, to));
        ok = gdn_workflow_change_order_status (store, order, to, "质检不合格：焊点虚焊，返工",
                                               &error);
        if (order_step_allowed (from, to))
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, to);
            g_assert_cmpint (count_events (store, r), ==, events + 1);
            g_assert_cmpint (gdn_record_get_version (r), ==, version + 1);
            n_allowed++;
          }
        else
          {
            g_autoptr(GdnRecord) stored = NULL;

            g_assert_false (ok);
            assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
            /* both statuses named, in the user's language (English here) */
            g_assert_nonnull (strstr (error->message,
                                      gdn_enum_label (&gdn_enum_order_status, from)));
            g_assert_nonnull (strstr (error->message,
                                      gdn_enum_label (&gdn_enum_order_status, to)));
            g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, from);
            stored = gdn_store_get (store, GDN_TYPE_ORDER, gdn_record_get_id (r), NULL);
            g_assert_cmpstr (gdn_record_get_string (stored, "status"), ==, from);
            g_assert_cmpint (gdn_record_get_version (stored), ==, version);
            g_assert_cmpint (count_events (store, r), ==, events);
            n_refused++;
          }
      }
  g_assert_cmpuint (n_allowed, ==, 12);
  g_assert_cmpuint (n_refused, ==, 88);
}

static void
test_order_next_statuses (void)
{
  const char * const *next;

  next = gdn_order_workflow_next_statuses ("inquiry");
  g_assert_cmpuint (g_strv_length ((char **) next), ==, 2);
  g_assert_cmpstr (next[0], ==, "quoted");
  g_assert_cmpstr (next[1], ==, "lost");

  next = gdn_order_workflow_next_statuses ("qc");
  g_assert_cmpstr (next[0], ==, "shipped");
  g_assert_cmpstr (next[1], ==, "in_production");
  g_assert_null (next[2]);

  g_assert_null (gdn_order_workflow_next_statuses ("closed")[0]);
  g_assert_null (gdn_order_workflow_next_statuses ("lost")[0]);
  g_assert_null (gdn_order_workflow_next_statuses ("nonsense")[0]);
  g_assert_null (gdn_order_workflow_next_statuses (NULL)[0]);
}

/* Saves @lines on @order, then tries to confirm: refused, naming @field. */
static void
assert_confirm_refused (GdnStore   *store,
                        GdnOrder   *order,
                        const char *field,
                        const char *in_message)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *r = GDN_RECORD (order);
  gint64 events = count_events (store, r);

  g_assert_false (gdn_workflow_change_order_status (store, order, "confirmed", NULL, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, field);
  if (in_message != NULL)
    g_assert_nonnull (strstr (error->message, in_message));
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "quoted");
  g_assert_false (gdn_record_is_set (r, "confirmed_date"));
  g_assert_cmpint (count_events (store, r), ==, events);
}

static void
save_lines (GdnStore  *store,
            GdnOrder  *order,
            GPtrArray *lines)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
  g_assert_no_error (error);
}

static void
test_order_confirm_requirements (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GdnOrder) order = make_order (store, customer, none);
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gdn_today ();

  g_assert_true (gdn_workflow_change_order_status (store, order, "quoted", NULL, &error));

  /* no lines */
  assert_confirm_refused (store, order, "n_lines", NULL);

  /* a line without product code */
  {
    g_autoptr(GPtrArray) lines = standard_lines ();
    gdn_record_set_string (g_ptr_array_index (lines, 1), "product_code", NULL);
    save_lines (store, order, lines);
    assert_confirm_refused (store, order, "product_code", "2");
  }
  /* a line without quantity */
  {
    g_autoptr(GPtrArray) lines = standard_lines ();
    gdn_record_set_double (g_ptr_array_index (lines, 0), "quantity", NAN);
    save_lines (store, order, lines);
    assert_confirm_refused (store, order, "quantity", "1");
  }
  /* a line without unit price */
  {
    g_autoptr(GPtrArray) lines = standard_lines ();
    gdn_record_set_double (g_ptr_array_index (lines, 1), "unit_price", NAN);
    save_lines (store, order, lines);
    assert_confirm_refused (store, order, "unit_price", "2");
  }
  /* complete lines, but no promised date, then no address */
  {
    g_autoptr(GPtrArray) lines = standard_lines ();
    gdn_record_set_string (r, "promised_date", NULL);
    save_lines (store, order, lines);
    assert_confirm_refused (store, order, "promised_date", NULL);
    gdn_record_set_string (r, "promised_date", "2026-06-30");
    gdn_record_set_string (r, "delivery_address", NULL);
    save_lines (store, order, lines);
    assert_confirm_refused (store, order, "delivery_address", NULL);
    gdn_record_set_string (r, "delivery_address", "江苏省苏州市工业园区星湖街328号");
    save_lines (store, order, lines);
  }
  /* a customer is needed too (an order being edited may have lost it) */
  gdn_record_set_int (r, "customer_id", 0);
  g_assert_false (gdn_workflow_check_order_confirmable (store, order, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "customer_id");
  g_clear_error (&error);
  gdn_record_set_int (r, "customer_id", gdn_record_get_id (customer));

  g_assert_true (gdn_workflow_change_order_status (store, order, "confirmed", "客户已回签", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "confirmed");
  g_assert_cmpstr (gdn_record_get_string (r, "confirmed_date"), ==, today);
}

static void
test_order_missing_reason (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GPtrArray) lines = standard_lines ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_workflow_change_order_status (store, order, "quoted", NULL, &error));
  gdn_record_set_string (r, "promised_date", NULL);
  gdn_record_set_string (r, "delivery_address", NULL);
  gdn_record_set_string (r, "missing_reason", "客户尚未确定收货仓库，交期待排产后回复");
  save_lines (store, order, lines);

  g_assert_true (gdn_workflow_change_order_status (store, order, "confirmed", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "confirmed");
  g_assert_false (gdn_record_is_set (r, "promised_date"));

  /* the reason excuses only the date and the address, never the lines */
  {
    g_autoptr(GdnOrder) other = make_order (store, customer, NULL);
    g_autoptr(GPtrArray) empty = g_ptr_array_new_with_free_func (g_object_unref);

    gdn_record_set_string (GDN_RECORD (other), "missing_reason", "客户电话确认，书面订单后补");
    save_lines (store, other, empty);
    force_status (store, other, "orders", "quoted");
    g_assert_false (gdn_workflow_change_order_status (store, other, "confirmed", NULL, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "n_lines");
  }
}

static void
test_order_events (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  GdnRecord *r;
  GdnRecord *last;

  gdn_store_set_user_name (store, "李娜");
  order = make_order (store, customer, NULL);
  r = GDN_RECORD (order);
  g_assert_true (gdn_workflow_change_order_status (store, order, "quoted", "报价单已邮件发送",
                                                   &error));
  gdn_store_set_user_name (store, "王强");
  g_assert_true (gdn_workflow_change_order_status (store, order, "confirmed", "客户盖章回传",
                                                   &error));
  g_assert_no_error (error);

  events = gdn_store_list_children (store, GDN_TYPE_ORDER_EVENT, "order_id",
                                    gdn_record_get_id (r), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);

  /* the timeline starts when the order was entered */
  g_assert_false (gdn_record_is_set (g_ptr_array_index (events, 0), "from_status"));
  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (events, 0), "to_status"), ==,
                   "inquiry");
  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (events, 0), "who"), ==, "李娜");

  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (events, 1), "note"), ==,
                   "报价单已邮件发送");
  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (events, 1), "who"), ==, "李娜");

  last = g_ptr_array_index (events, 2);
  g_assert_cmpstr (gdn_record_get_string (last, "from_status"), ==, "quoted");
  g_assert_cmpstr (gdn_record_get_string (last, "to_status"), ==, "confirmed");
  g_assert_cmpstr (gdn_record_get_string (last, "note"), ==, "客户盖章回传");
  g_assert_cmpstr (gdn_record_get_string (last, "who"), ==, "王强");
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (last, "at")));
  g_assert_cmpstr (gdn_record_get_string (last, "at"), ==,
                   gdn_record_get_string (r, "status_changed_at"));

  /* and the audit log has the change, by the same person */
  changes = stored_text (store, "SELECT changes FROM audit_log WHERE table_name = 'orders' AND "
                                "record_id = ? AND who = '王强' ORDER BY id DESC LIMIT 1",
                         gdn_record_get_id (r));
  g_assert_nonnull (strstr (changes, "\"status\":[\"quoted\",\"confirmed\"]"));
}

static void
test_order_qc_fail_needs_note (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  g_autoptr(GError) error = NULL;

  force_status (store, order, "orders", "qc");
  g_assert_false (gdn_workflow_change_order_status (store, order, "in_production", "", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "note");
  g_clear_error (&error);
  g_assert_cmpstr (gdn_record_get_string (GDN_RECORD (order), "status"), ==, "qc");

  g_assert_true (gdn_workflow_change_order_status (store, order, "in_production",
                                                   "外观划伤 12 件，返工抛光", &error));
  g_assert_no_error (error);
}

static void
test_order_late_delivery_needs_reason (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  g_autoptr(GdnOrder) on_time = make_order (store, customer, NULL);
  g_autoptr(GPtrArray) lines = standard_lines ();
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GdnRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events;

  gdn_record_set_string (r, "promised_date", "2026-01-10");
  save_lines (store, order, lines);
  force_status (store, order, "orders", "shipped");
  events = count_events (store, r);

  g_assert_false (gdn_workflow_deliver_order (store, order, "2026-01-15", NULL, NULL, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "delay_reason");
  g_assert_nonnull (strstr (error->message, "2026-01-10"));
  g_clear_error (&error);
  /* nothing written, and the caller's record as it was */
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "shipped");
  g_assert_false (gdn_record_is_set (r, "delivered_date"));
  stored = gdn_store_get (store, GDN_TYPE_ORDER, gdn_record_get_id (r), NULL);
  g_assert_cmpstr (gdn_record_get_string (stored, "status"), ==, "shipped");
  g_assert_false (gdn_record_is_set (stored, "delivered_date"));
  g_assert_cmpint (count_events (store, r), ==, events);

  /* a reason set on the record before the step counts too */
  gdn_record_set_string (r, "delay_reason", "logistics");
  g_assert_true (gdn_workflow_deliver_order (store, order, "2026-01-15", NULL, "春节前物流积压",
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "delivered");
  g_assert_cmpstr (gdn_record_get_string (r, "delivered_date"), ==, "2026-01-15");
  g_assert_cmpstr (gdn_record_get_string (r, "delay_reason"), ==, "logistics");

  /* on time (today, promised 2099): no reason asked */
  force_status (store, on_time, "orders", "shipped");
  g_assert_true (gdn_workflow_change_order_status (store, on_time, "delivered", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (gdn_record_is_set (GDN_RECORD (on_time), "delay_reason"));
  g_assert_true (gdn_record_is_set (GDN_RECORD (on_time), "delivered_date"));
}

static GdnShipment *
make_shipment (const char *carrier)
{
  GdnShipment *shipment = gdn_shipment_new ();
  GdnRecord *s = GDN_RECORD (shipment);

  gdn_record_set_string (s, "carrier", carrier);
  gdn_record_set_string (s, "mode", "express");
  gdn_record_set_string (s, "tracking_no", "SF1402938475612");
  gdn_record_set_string (s, "shipped_date", "2026-03-02");
  gdn_record_set_string (s, "eta", "2026-03-04");
  gdn_record_set_double (s, "freight", 86.0);
  gdn_record_set_string (s, "receiver", "陈志明 138-2345-6789");
  return shipment;
}

static void
test_order_ship_atomic (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GError) error = NULL;
  gint64 events;

  /* not yet through the quality check: refused before anything is written */
  force_status (store, order, "orders", "in_production");
  {
    g_autoptr(GdnShipment) early = make_shipment ("顺丰速运");
    g_assert_false (gdn_workflow_ship_order (store, order, early, NULL, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
    g_clear_error (&error);
    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments"), ==, 0);
  }

  /* a bad shipment (no carrier) leaves the order in the quality check */
  force_status (store, order, "orders", "qc");
  events = count_events (store, r);
  {
    g_autoptr(GdnShipment) bad = make_shipment (NULL);
    g_assert_false (gdn_workflow_ship_order (store, order, bad, NULL, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "carrier");
    g_clear_error (&error);
    g_assert_cmpint (gdn_record_get_id (GDN_RECORD (bad)), ==, 0);
    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments"), ==, 0);
    g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "qc");
    g_assert_cmpint (count_events (store, r), ==, events);
  }

  /* an order changed elsewhere meanwhile: the shipment is not written either */
  {
    g_autoptr(GdnShipment) shipment = make_shipment ("德邦物流");
    g_autoptr(GdnRecord) elsewhere = gdn_store_get (store, GDN_TYPE_ORDER,
                                                    gdn_record_get_id (r), NULL);
    gdn_record_set_string (elsewhere, "notes", "客户要求分两批发货");
    g_assert_true (gdn_store_update (store, elsewhere, NULL));
    g_assert_false (gdn_workflow_ship_order (store, order, shipment, NULL, &error));
    g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM shipments"), ==, 0);
    g_assert_true (gdn_store_reload (store, r, NULL));
  }

  {
    g_autoptr(GdnShipment) shipment = make_shipment ("顺丰速运");
    GdnRecord *s = GDN_RECORD (shipment);

    g_assert_true (gdn_workflow_ship_order (store, order, shipment, "整批发出，共 6 箱", &error));
    g_assert_no_error (error);
    g_assert_cmpint (gdn_record_get_id (s), >, 0);
    g_assert_cmpint (gdn_record_get_int (s, "order_id"), ==, gdn_record_get_id (r));
    g_assert_cmpstr (gdn_record_get_string (s, "status"), ==, "in_transit");
    g_assert_cmpstr (gdn_record_get_string (s, "order_no"), ==,
                     gdn_record_get_string (r, "order_no"));
    g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "shipped");
    g_assert_cmpint (gdn_record_get_int (r, "progress"), ==, 100);
    g_assert_cmpint (count_events (store, r), ==, events + 1);

    /* delivery brings the shipment in with the order */
    g_assert_true (gdn_workflow_deliver_order (store, order, "2026-03-04", NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (gdn_store_reload (store, s, NULL));
    g_assert_cmpstr (gdn_record_get_string (s, "status"), ==, "delivered");
    g_assert_cmpstr (gdn_record_get_string (s, "delivered_date"), ==, "2026-03-04");
  }
}

static void
test_order_save_with_lines (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GPtrArray) lines = standard_lines ();
  g_autoptr(GdnOrder) order = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  g_autofree char *today = gdn_today ();
  GdnRecord *r;
  gint64 id;

  g_ptr_array_add (lines, make_line ("HQ-IC-STM32", "单片机 STM32F103C8T6", 800, 9.8));
  order = make_order (store, customer, lines);
  r = GDN_RECORD (order);
  id = gdn_record_get_id (r);

  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "inquiry");
  g_assert_cmpstr (gdn_record_get_string (r, "type"), ==, "regular");
  g_assert_cmpstr (gdn_record_get_string (r, "created_date"), ==, today);
  g_assert_cmpint (gdn_record_get_int (r, "n_lines"), ==, 3);
  g_assert_cmpfloat_with_epsilon (gdn_record_get_double (r, "amount"),
                                  5000 * 0.12 + 20000 * 0.015 + 800 * 9.8, 1e-6);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpint (gdn_record_get_id (g_ptr_array_index (lines, i)), >, 0);

  loaded = gdn_workflow_load_order_lines (store, order, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  for (guint i = 0; i < loaded->len; i++)
    g_assert_cmpint (gdn_record_get_int (g_ptr_array_index (loaded, i), "position"), ==, i + 1);
  g_assert_cmpstr (gdn_record_get_string (g_ptr_array_index (loaded, 2), "product_code"), ==,
                   "HQ-IC-STM32");

  /* the search text knows the products */
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE search_text "
                                          "LIKE '%STM32F103%'"), ==, 1);

  /* replace the lines: two remain, the amount follows, the audit log has both versions */
  g_ptr_array_remove_index (loaded, 0);
  gdn_record_set_double (g_ptr_array_index (loaded, 0), "quantity", 30000);
  g_assert_true (gdn_workflow_save_order (store, order, loaded, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_record_get_int (r, "n_lines"), ==, 2);
  g_assert_cmpfloat_with_epsilon (gdn_record_get_double (r, "amount"),
                                  30000 * 0.015 + 800 * 9.8, 1e-6);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 2);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE search_text "
                                          "LIKE '%HQ-CAP-0805%'"), ==, 0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders WHERE search_text "
                                          "LIKE '%HQ-RES-0603%'"), ==, 1);
  audit = stored_text (store, "SELECT changes FROM audit_log WHERE table_name = 'orders' AND "
                              "record_id = ? AND changes LIKE '{\"lines\"%' ORDER BY id DESC",
                       id);
  g_assert_nonnull (audit);
  g_assert_nonnull (strstr (audit, "HQ-CAP-0805"));   /* the old lines */
  g_assert_nonnull (strstr (audit, "30000"));         /* the new quantity */

  /* bad lines are refused by number and field, and nothing changes */
  {
    g_autoptr(GPtrArray) bad = standard_lines ();
    double amount = gdn_record_get_double (r, "amount");

    gdn_record_set_double (g_ptr_array_index (bad, 1), "quantity", 0);
    g_assert_false (gdn_workflow_save_order (store, order, bad, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "quantity");
    g_assert_nonnull (strstr (error->message, "2"));
    g_clear_error (&error);

    gdn_record_set_double (g_ptr_array_index (bad, 1), "quantity", 10);
    gdn_record_set_double (g_ptr_array_index (bad, 0), "unit_price", -0.5);
    g_assert_false (gdn_workflow_save_order (store, order, bad, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "unit_price");
    g_assert_nonnull (strstr (error->message, "1"));
    g_clear_error (&error);

    gdn_record_set_double (g_ptr_array_index (bad, 0), "unit_price", 0.5);
    gdn_record_set_double (g_ptr_array_index (bad, 1), "quantity", -3);
    g_assert_false (gdn_workflow_save_order (store, order, bad, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "quantity");
    g_clear_error (&error);

    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 2);
    g_assert_cmpfloat (gdn_record_get_double (r, "amount"), ==, amount);
  }

  /* the status is not a field to save */
  {
    g_autoptr(GPtrArray) same = gdn_workflow_load_order_lines (store, order, NULL);
    gdn_record_set_string (r, "status", "confirmed");
    g_assert_false (gdn_workflow_save_order (store, order, same, &error));
    assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
    g_clear_error (&error);
    /* the record keeps what the caller set; the database keeps the real status */
    g_assert_cmpstr (gdn_record_get_string (r, "status"), ==, "confirmed");
    {
      g_autoptr(GdnRecord) stored = gdn_store_get (store, GDN_TYPE_ORDER, id, NULL);
      g_assert_cmpstr (gdn_record_get_string (stored, "status"), ==, "inquiry");
    }
    gdn_record_set_string (r, "status", "inquiry");
  }

  /* a new order that fails leaves no id behind */
  {
    g_autoptr(GdnOrder) dup = gdn_order_new ();
    g_autoptr(GPtrArray) some = standard_lines ();
    gdn_record_set_string (GDN_RECORD (dup), "order_no", gdn_record_get_string (r, "order_no"));
    gdn_record_set_int (GDN_RECORD (dup), "customer_id", gdn_record_get_id (customer));
    g_assert_false (gdn_workflow_save_order (store, dup, some, &error));
    g_assert_error (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_DUPLICATE);
    g_assert_cmpint (gdn_record_get_id (GDN_RECORD (dup)), ==, 0);
    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM orders"), ==, 1);
    g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM order_lines"), ==, 2);
  }
}

static void
test_order_progress (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;

  force_status (store, order, "orders", "confirmed");
  g_assert_false (gdn_workflow_set_order_progress (store, order, 30, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "progress");
  g_clear_error (&error);

  force_status (store, order, "orders", "in_production");
  g_assert_true (gdn_workflow_set_order_progress (store, order, 40, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_record_get_int (r, "progress"), ==, 40);
  audit = stored_text (store, "SELECT changes FROM audit_log WHERE table_name = 'orders' AND "
                              "record_id = ? ORDER BY id DESC LIMIT 1", gdn_record_get_id (r));
  g_assert_nonnull (strstr (audit, "\"progress\":[0,40]"));

  g_assert_false (gdn_workflow_set_order_progress (store, order, 120, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "progress");
  g_assert_cmpint (gdn_record_get_int (r, "progress"), ==, 40);
}

static void
test_numbers (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = gdn_workflow_next_number (store, GDN_TYPE_ORDER, "2026-03-05", &error);
  g_autofree char *today = gdn_today ();
  g_autofree char *expected_today = NULL;
  g_autofree char *next_case = NULL;
  g_autofree char *next_contract = NULL;
  g_autofree char *after = NULL;
  g_autofree char *other_day = NULL;
  const char *numbers[] = { "SO-20260305-001", "SO-20260305-007", "SO-20260305-012", NULL };

  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "SO-20260305-001");

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(GdnOrder) order = gdn_order_new ();
      g_autoptr(GPtrArray) lines = standard_lines ();
      gdn_record_set_string (GDN_RECORD (order), "order_no", numbers[i]);
      gdn_record_set_int (GDN_RECORD (order), "customer_id", gdn_record_get_id (customer));
      g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
      /* a number in the trash is still taken */
      if (i == 2)
        g_assert_true (gdn_store_delete (store, GDN_RECORD (order), &error));
    }
  after = gdn_workflow_next_number (store, GDN_TYPE_ORDER, "2026-03-05", &error);
  g_assert_cmpstr (after, ==, "SO-20260305-013");
  other_day = gdn_workflow_next_number (store, GDN_TYPE_ORDER, "2026-03-06", &error);
  g_assert_cmpstr (other_day, ==, "SO-20260306-001");

  expected_today = g_strdup_printf ("KS-%.4s%.2s%.2s-001", today, today + 5, today + 8);
  next_case = gdn_workflow_next_case_no (store, &error);
  g_assert_cmpstr (next_case, ==, expected_today);
  next_contract = gdn_workflow_next_contract_no (store, &error);
  g_assert_true (g_str_has_prefix (next_contract, "HT-"));
  g_assert_true (g_str_has_suffix (next_contract, "-001"));

  g_assert_null (gdn_workflow_next_number (store, GDN_TYPE_ORDER, "2026-02-30", &error));
  g_assert_error (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_INVALID);
}

/* ---- cases ------------------------------------------------------------------------- */

static GdnCase *
open_case (GdnStore *store,
           GdnOrder *order)
{
  g_autoptr(GError) error = NULL;
  GdnCase *kase = gdn_case_new ();
  GdnRecord *k = GDN_RECORD (kase);

  gdn_record_set_string (k, "type", "complaint");
  gdn_record_set_string (k, "category", "quality_defect");
  gdn_record_set_string (k, "subject", "到货电容批次漏电流超标");
  gdn_record_set_string (k, "opened_at", "2026-03-05 10:00:00");
  g_assert_true (gdn_workflow_open_case (store, kase, order, &error));
  g_assert_no_error (error);
  return kase;
}

static void
test_case_every_transition (void)
{
  static const char * const statuses[] = {
    "open", "responded", "in_progress", "resolved", "closed", NULL
  };
  static const char * const allowed[] = {
    "open>responded", "open>in_progress", "responded>in_progress", "in_progress>resolved",
    "resolved>closed", "resolved>in_progress", NULL
  };
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  guint n_allowed = 0;

  for (guint f = 0; statuses[f] != NULL; f++)
    for (guint t = 0; statuses[t] != NULL; t++)
      {
        g_autoptr(GdnCase) kase = open_case (store, order);
        GdnRecord *k = GDN_RECORD (kase);
        g_autofree char *step = g_strdup_printf ("%s>%s", statuses[f], statuses[t]);
        g_autoptr(GError) error = NULL;

        gdn_record_set_string (k, "resolution", "更换同型号新批次 2000 只，顺丰到付");
        g_assert_true (gdn_store_update (store, k, &error));
        force_status (store, kase, "cases", statuses[f]);

        if (g_strv_contains (allowed, step))
          {
            g_assert_true (gdn_workflow_change_case_status (store, kase, statuses[t], &error));
            g_assert_no_error (error);
            g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, statuses[t]);
            n_allowed++;
          }
        else
          {
            g_assert_false (gdn_workflow_change_case_status (store, kase, statuses[t], &error));
            assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
            g_assert_nonnull (strstr (error->message,
                                      gdn_enum_label (&gdn_enum_case_status, statuses[f])));
            g_assert_nonnull (strstr (error->message,
                                      gdn_enum_label (&gdn_enum_case_status, statuses[t])));
            g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, statuses[f]);
          }
      }
  g_assert_cmpuint (n_allowed, ==, 6);
}

static void
test_case_timestamps (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnOrder) order = make_order (store, customer, NULL);
  g_autoptr(GdnCase) kase = open_case (store, order);
  g_autoptr(GdnCase) quick = open_case (store, order);
  GdnRecord *k = GDN_RECORD (kase);
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gdn_today ();
  g_autofree char *prefix = g_strdup_printf ("KS-%.4s%.2s%.2s-", today, today + 5, today + 8);

  /* opened from the order: its customer, a number, open, normal priority */
  g_assert_cmpint (gdn_record_get_int (k, "customer_id"), ==, gdn_record_get_id (customer));
  g_assert_cmpint (gdn_record_get_int (k, "order_id"), ==,
                   gdn_record_get_id (GDN_RECORD (order)));
  g_assert_true (g_str_has_prefix (gdn_record_get_string (k, "case_no"), prefix));
  g_assert_true (g_str_has_suffix (gdn_record_get_string (k, "case_no"), "-001"));
  g_assert_true (g_str_has_suffix (gdn_record_get_string (GDN_RECORD (quick), "case_no"),
                                   "-002"));
  g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, "open");
  g_assert_cmpstr (gdn_record_get_string (k, "priority"), ==, "normal");
  g_assert_cmpstr (gdn_record_get_string (k, "customer_name"), ==, "深圳市华强电子有限公司");

  /* a first response before the case was opened is refused */
  g_assert_false (gdn_workflow_respond_case (store, kase, "2026-03-05 09:00:00", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "first_response_at");
  g_clear_error (&error);
  g_assert_false (gdn_record_is_set (k, "first_response_at"));
  g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, "open");

  g_assert_true (gdn_workflow_respond_case (store, kase, "2026-03-05 15:30:00", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (k, "first_response_at"), ==, "2026-03-05 15:30:00");

  g_assert_true (gdn_workflow_start_case (store, kase, &error));
  g_assert_cmpstr (gdn_record_get_string (k, "first_response_at"), ==, "2026-03-05 15:30:00");

  g_assert_false (gdn_workflow_resolve_case (store, kase, NULL, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "resolution");
  g_clear_error (&error);
  g_assert_true (gdn_workflow_resolve_case (store, kase, "补发新批次 2000 只，旧批次退回检测",
                                            &error));
  g_assert_no_error (error);
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (k, "resolved_at")));

  /* reopened: the resolved time goes, the resolution stays */
  g_assert_true (gdn_workflow_reopen_case (store, kase, &error));
  g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, "in_progress");
  g_assert_false (gdn_record_is_set (k, "resolved_at"));
  g_assert_true (gdn_record_is_set (k, "resolution"));
  g_assert_false (gdn_workflow_reopen_case (store, kase, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
  g_clear_error (&error);
  g_assert_true (gdn_workflow_resolve_case (store, kase, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (gdn_workflow_close_case (store, kase, 6, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "satisfaction");
  g_clear_error (&error);
  g_assert_true (gdn_workflow_close_case (store, kase, 4, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (k, "status"), ==, "closed");
  g_assert_cmpint (gdn_record_get_int (k, "satisfaction"), ==, 4);
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (k, "closed_at")));
  g_assert_null (gdn_case_workflow_next_statuses ("closed")[0]);

  /* straight from open to work: that is the first response */
  g_assert_true (gdn_workflow_start_case (store, quick, &error));
  g_assert_no_error (error);
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (GDN_RECORD (quick),
                                                               "first_response_at")));
}

/* ---- contracts --------------------------------------------------------------------- */

static GdnContract *
make_contract (GdnStore  *store,
               GdnRecord *customer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number = gdn_workflow_next_contract_no (store, &error);
  GdnContract *contract = gdn_contract_new ();
  GdnRecord *c = GDN_RECORD (contract);

  gdn_record_set_string (c, "contract_no", number);
  gdn_record_set_int (c, "customer_id", gdn_record_get_id (customer));
  gdn_record_set_string (c, "title", "2026 年度电子元器件框架采购合同");
  gdn_record_set_double (c, "amount", 100000);
  gdn_record_set_string (c, "status", "draft");
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);
  return contract;
}

static guint
count_decisions (GdnStore    *store,
                 GdnContract *contract,
                 const char  *decision)
{
  g_autoptr(GPtrArray) approvals =
    gdn_store_list_children (store, GDN_TYPE_CONTRACT_APPROVAL, "contract_id",
                             gdn_record_get_id (GDN_RECORD (contract)), NULL);
  guint n = 0;

  for (guint i = 0; i < approvals->len; i++)
    if (g_strcmp0 (gdn_record_get_string (g_ptr_array_index (approvals, i), "decision"),
                   decision) == 0)
      n++;
  return n;
}

static void
test_contract_approvals (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnContract) contract = make_contract (store, customer);
  GdnRecord *c = GDN_RECORD (contract);
  g_autoptr(GError) error = NULL;

  /* no decisions on a draft */
  g_assert_false (gdn_workflow_decide_contract (store, contract, "sales", TRUE, NULL, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
  g_clear_error (&error);

  g_assert_true (gdn_workflow_submit_contract (store, contract, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (c, "status"), ==, "in_review");
  g_assert_cmpuint (count_decisions (store, contract, "pending"), ==, 3);

  /* in review, the approvals decide; a person cannot jump ahead */
  g_assert_false (gdn_workflow_change_contract_status (store, contract, "approved", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
  g_clear_error (&error);

  /* a rejection needs a reason */
  g_assert_false (gdn_workflow_decide_contract (store, contract, "finance", FALSE, "", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "comment");
  g_clear_error (&error);

  gdn_store_set_user_name (store, "赵敏（销售）");
  g_assert_true (gdn_workflow_decide_contract (store, contract, "sales", TRUE, NULL, &error));
  g_assert_false (gdn_workflow_decide_contract (store, contract, "sales", TRUE, NULL, &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "role");
  g_clear_error (&error);

  gdn_store_set_user_name (store, "孙丽（财务）");
  g_assert_true (gdn_workflow_decide_contract (store, contract, "finance", FALSE,
                                               "付款条件 90 天月结超出授信额度，请改为 60 天",
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (c, "status"), ==, "draft");
  g_assert_cmpuint (count_decisions (store, contract, "pending"), ==, 0);
  g_assert_cmpuint (count_decisions (store, contract, "rejected"), ==, 1);

  /* resubmitted: a new round, all three must approve */
  g_assert_true (gdn_workflow_submit_contract (store, contract, &error));
  g_assert_cmpuint (count_decisions (store, contract, "pending"), ==, 3);
  g_assert_true (gdn_workflow_decide_contract (store, contract, "legal", TRUE, "条款无异议",
                                               &error));
  g_assert_true (gdn_workflow_decide_contract (store, contract, "sales", TRUE, NULL, &error));
  g_assert_cmpstr (gdn_record_get_string (c, "status"), ==, "in_review");
  g_assert_true (gdn_workflow_decide_contract (store, contract, "finance", TRUE, "已改为 60 天",
                                               &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (c, "status"), ==, "approved");
  g_assert_cmpuint (count_decisions (store, contract, "approved"), ==, 4);

  {
    g_autofree char *who = stored_text (store, "SELECT who FROM contract_approvals WHERE "
                                               "contract_id = ? AND comment = '已改为 60 天'",
                                        gdn_record_get_id (c));
    g_assert_cmpstr (who, ==, "孙丽（财务）");
  }

  /* then signed, executed, completed; terminated only from signed or executing */
  g_assert_true (gdn_workflow_sign_contract (store, contract, "2026-03-08", &error));
  g_assert_cmpstr (gdn_record_get_string (c, "signed_date"), ==, "2026-03-08");
  g_assert_true (gdn_workflow_change_contract_status (store, contract, "executing", &error));
  g_assert_true (gdn_workflow_change_contract_status (store, contract, "completed", &error));
  g_assert_no_error (error);
  g_assert_false (gdn_workflow_change_contract_status (store, contract, "terminated", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_WORKFLOW, "status");
  g_clear_error (&error);

  {
    g_autoptr(GdnContract) other = make_contract (store, customer);
    force_status (store, other, "contracts", "signed");
    g_assert_true (gdn_workflow_change_contract_status (store, other, "terminated", &error));
    g_assert_no_error (error);
    g_assert_null (gdn_contract_workflow_next_statuses ("terminated")[0]);
  }
}

static void
test_contract_amendments (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnContract) contract = make_contract (store, customer);
  g_autoptr(GdnAmendment) amendment = NULL;
  g_autoptr(GdnAmendment) refused = NULL;
  g_autoptr(GError) error = NULL;
  GdnRecord *c = GDN_RECORD (contract);

  gdn_store_set_user_name (store, "周涛");
  amendment = gdn_workflow_amend_contract (store, contract, "追加 STM32 单片机 2500 片", 25000,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (amendment);
  g_assert_cmpfloat (gdn_record_get_double (c, "amount"), ==, 125000);
  g_assert_cmpstr (gdn_record_get_string (GDN_RECORD (amendment), "who"), ==, "周涛");
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (GDN_RECORD (amendment), "at")));

  refused = gdn_workflow_amend_contract (store, contract, NULL, -5000, &error);
  g_assert_null (refused);
  assert_error_field (error, GDN_VALIDATION_ERROR_REQUIRED, "summary");
  g_clear_error (&error);
  g_assert_cmpfloat (gdn_record_get_double (c, "amount"), ==, 125000);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contract_amendments"), ==, 1);

  g_clear_object (&amendment);
  amendment = gdn_workflow_amend_contract (store, contract, "取消电阻 0603 部分", -5000.5, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (gdn_record_get_double (c, "amount"), ==, 119999.5);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

static void
test_contract_attachment_stays_inside (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) customer = make_customer (store);
  g_autoptr(GdnContract) contract = make_contract (store, customer);
  g_autofree char *source = gdn_test_tmp_path ("合同扫描件.pdf");
  g_autofree char *dir = gdn_workflow_attachments_dir (gdn_record_get_id (GDN_RECORD (contract)));
  g_autofree char *escaped = g_build_filename (g_get_user_data_dir (), "etc", "passwd", NULL);
  g_autofree char *escaped2 = g_build_filename (dir, "..", "..", "etc", "passwd", NULL);
  const char *contents = "%PDF-1.4 双方盖章页";
  const char *names[] = {
    "../../etc/passwd", "..", ".hidden", "a/b\\c.pdf", "....//....//x", "合同扫描件.pdf",
    "合同扫描件.pdf", "\x01\ttab.pdf", NULL
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (source, contents, -1, NULL));

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GdnAttachment) attachment =
        gdn_workflow_attach_file (store, contract, source, names[i], &error);
      GdnRecord *a = GDN_RECORD (attachment);
      const char *stored;
      g_autofree char *path = NULL;
      g_autofree char *parent = NULL;
      g_autofree char *copied = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (attachment);
      stored = gdn_record_get_string (a, "stored_name");
      g_test_message ("%s → %s", names[i], stored);
      g_assert_null (strchr (stored, '/'));
      g_assert_null (strstr (stored, ".."));
      g_assert_true (stored[0] != '.');
      g_assert_cmpstr (gdn_record_get_string (a, "file_name"), ==, names[i]);
      g_assert_cmpint (gdn_record_get_int (a, "size"), ==, strlen (contents));

      path = gdn_workflow_attachment_path (attachment);
      parent = g_path_get_dirname (path);
      g_assert_cmpstr (parent, ==, dir);
      g_assert_true (g_file_get_contents (path, &copied, NULL, NULL));
      g_assert_cmpstr (copied, ==, contents);
      assert_mode (path, 0600);
    }
  assert_mode (dir, 0700);
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (escaped2, G_FILE_TEST_EXISTS));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM attachments WHERE "
                                          "stored_name = '合同扫描件 (2).pdf'"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM attachments WHERE "
                                          "stored_name = 'passwd'"), ==, 1);
}

static void
test_sanitize_file_name (void)
{
  struct { const char *in, *out; } cases[] = {
    { "../../etc/passwd", "passwd" },
    { "..", "attachment" },
    { ".bashrc", "bashrc" },
    { "C:\\Users\\李雷\\报价单.xlsx", "报价单.xlsx" },
    { "a..b.pdf", "a.b.pdf" },
    { "-rf.pdf", "rf.pdf" },
    { "", "attachment" },
    { "发票\n2026.pdf", "发票_2026.pdf" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = gdn_workflow_sanitize_file_name (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
  {
    g_autoptr(GString) longname = g_string_new (NULL);
    g_autofree char *out = NULL;

    for (guint i = 0; i < 120; i++)
      g_string_append (longname, "合");
    out = gdn_workflow_sanitize_file_name (longname->str);
    g_assert_cmpuint (strlen (out), <=, 200);
    g_assert_true (g_utf8_validate (out, -1, NULL));
  }
}

/* ---- reminders --------------------------------------------------------------------- */

static void
test_reminders (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnReminder) reminder = gdn_reminder_new ();
  GdnRecord *r = GDN_RECORD (reminder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *later = g_date_time_format (tomorrow, "%Y-%m-%d %H:%M:%S");

  gdn_record_set_string (r, "kind", "follow_up");
  gdn_record_set_string (r, "title", "回访华强电子采购部王经理");
  gdn_record_set_string (r, "due_at", "2026-03-05 09:00:00");
  g_assert_true (gdn_store_insert (store, r, &error));

  g_assert_false (gdn_workflow_snooze_reminder (store, reminder, "2020-01-01 09:00:00", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "snoozed_until");
  g_clear_error (&error);
  g_assert_false (gdn_workflow_snooze_reminder (store, reminder, "明天", &error));
  assert_error_field (error, GDN_VALIDATION_ERROR_INVALID, "snoozed_until");
  g_clear_error (&error);

  g_assert_true (gdn_workflow_snooze_reminder (store, reminder, later, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (r, "snoozed_until"), ==, later);

  g_assert_true (gdn_workflow_complete_reminder (store, reminder, &error));
  g_assert_no_error (error);
  g_assert_true (gdn_datetime_is_valid (gdn_record_get_string (r, "done_at")));
  {
    g_autoptr(GdnRecord) stored = gdn_store_get (store, GDN_TYPE_REMINDER,
                                                 gdn_record_get_id (r), NULL);
    g_assert_cmpstr (gdn_record_get_string (stored, "done_at"), ==,
                     gdn_record_get_string (r, "done_at"));
  }
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/workflow/order/every-transition", test_order_every_transition);
  g_test_add_func ("/workflow/order/next-statuses", test_order_next_statuses);
  g_test_add_func ("/workflow/order/confirm-requirements", test_order_confirm_requirements);
  g_test_add_func ("/workflow/order/missing-reason", test_order_missing_reason);
  g_test_add_func ("/workflow/order/events", test_order_events);
  g_test_add_func ("/workflow/order/qc-fail-needs-note", test_order_qc_fail_needs_note);
  g_test_add_func ("/workflow/order/late-delivery-needs-reason",
                   test_order_late_delivery_needs_reason);
  g_test_add_func ("/workflow/order/ship-atomic", test_order_ship_atomic);
  g_test_add_func ("/workflow/order/save-with-lines", test_order_save_with_lines);
  g_test_add_func ("/workflow/order/progress", test_order_progress);
  g_test_add_func ("/workflow/numbers", test_numbers);
  g_test_add_func ("/workflow/case/every-transition", test_case_every_transition);
  g_test_add_func ("/workflow/case/timestamps", test_case_timestamps);
  g_test_add_func ("/workflow/contract/approvals", test_contract_approvals);
  g_test_add_func ("/workflow/contract/amendments", test_contract_amendments);
  g_test_add_func ("/workflow/contract/attachment-stays-inside",
                   test_contract_attachment_stays_inside);
  g_test_add_func ("/workflow/contract/sanitize-file-name", test_sanitize_file_name);
  g_test_add_func ("/workflow/reminders", test_reminders);

  return g_test_run ();
}

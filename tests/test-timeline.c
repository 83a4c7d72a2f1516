/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gdn-case.h"
#include "gdn-customer.h"
#include "gdn-interaction.h"
#include "gdn-order-event.h"
#include "gdn-test-utils.h"
#include "gdn-timeline.h"
#include "gdn-workflow.h"

/* ---- fixtures ---------------------------------------------------------------------- */

static gint64
make_customer (GdnStore   *store,
               const char *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) c = GDN_RECORD (gdn_customer_new ());

  gdn_record_set_string (c, "code", code);
  gdn_record_set_string (c, "name", "深圳市华强电子有限公司");
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);
  return gdn_record_get_id (c);
}

static GdnOrder *
make_order (GdnStore   *store,
            gint64      customer_id,
            const char *order_no)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  GdnRecord *line = GDN_RECORD (gdn_order_line_new ());
  GdnOrder *order = gdn_order_new ();
  GdnRecord *r = GDN_RECORD (order);

  gdn_record_set_string (line, "product_code", "HQ-CAP-0805");
  gdn_record_set_string (line, "product_name", "贴片电容 0805 10uF");
  gdn_record_set_double (line, "quantity", 5000);
  gdn_record_set_double (line, "unit_price", 0.12);
  g_ptr_array_add (lines, line);

  gdn_record_set_string (r, "order_no", order_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "promised_date", "2099-12-31");
  gdn_record_set_string (r, "delivery_address", "深圳市福田区华强北路1002号");
  g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
  g_assert_no_error (error);
  return order;
}

static void
step (GdnStore   *store,
      GdnOrder   *order,
      const char *to,
      const char *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_workflow_change_order_status (store, order, to, note, &error));
  g_assert_no_error (error);
}

static GdnRecord *
log_interaction (GdnStore   *store,
                 GdnOrder   *order,
                 const char *at,
                 const char *summary)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *i = GDN_RECORD (gdn_interaction_new ());

  gdn_record_set_int (i, "customer_id", gdn_record_get_int (GDN_RECORD (order), "customer_id"));
  gdn_record_set_int (i, "order_id", gdn_record_get_id (GDN_RECORD (order)));
  gdn_record_set_string (i, "channel", "phone");
  gdn_record_set_string (i, "direction", "out");
  gdn_record_set_string (i, "at", at);
  gdn_record_set_string (i, "summary", summary);
  gdn_record_set_string (i, "who", "王芳");
  g_assert_true (gdn_store_insert (store, i, &error));
  g_assert_no_error (error);
  return i;
}

static GdnTimelineEntry *
entry_at (GPtrArray *entries,
          guint      i)
{
  g_assert_cmpuint (i, <, entries->len);
  return g_ptr_array_index (entries, i);
}

/* ---- tests ------------------------------------------------------------------------- */

/* A new order's timeline starts with its creation, by whoever saved it */
static void
test_timeline_new_order (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnOrder) order = make_order (store, make_customer (store, "C0001"), "SO-1");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GdnTimelineEntry *e;

  entries = gdn_timeline_load (store, gdn_record_get_id (GDN_RECORD (order)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  e = entry_at (entries, 0);
  g_assert_cmpint (e->kind, ==, GDN_TIMELINE_STATUS);
  g_assert_cmpstr (e->title, ==, "Order created as “Inquiry”");
  g_assert_cmpstr (e->who, ==, "tester");
  g_assert_null (e->detail);
  g_assert_true (e->record_type == GDN_TYPE_ORDER_EVENT);
  g_assert_cmpint (e->record_id, >, 0);
  g_assert_cmpuint (strlen (e->at), ==, 19);
}

/* Events, interactions, shipments and cases merged by time, newest first */
static void
test_timeline_merged (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  gint64 customer = make_customer (store, "C0001");
  g_autoptr(GdnOrder) order = make_order (store, customer, "SO-1");
  g_autoptr(GdnOrder) other = make_order (store, customer, "SO-2");
  g_autoptr(GdnRecord) call = NULL;
  g_autoptr(GdnRecord) dropped = NULL;
  g_autoptr(GdnRecord) shipment = GDN_RECORD (gdn_shipment_new ());
  g_autoptr(GdnRecord) kase = GDN_RECORD (gdn_case_new ());
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = gdn_record_get_id (GDN_RECORD (order));
  GdnTimelineEntry *e;

  step (store, order, "quoted", NULL);
  step (store, order, "confirmed", "客户邮件确认");
  step (store, order, "in_production", NULL);
  step (store, order, "qc", NULL);
  step (store, order, "in_production", "外观划伤，返工");
  step (store, order, "qc", NULL);

  gdn_record_set_string (shipment, "carrier", "顺丰速运");
  gdn_record_set_string (shipment, "mode", "express");
  gdn_record_set_string (shipment, "tracking_no", "SF1234567890");
  gdn_record_set_string (shipment, "shipped_date", "2000-01-04");
  gdn_record_set_string (shipment, "eta", "2000-01-06");
  g_assert_true (gdn_workflow_ship_order (store, order, GDN_SHIPMENT (shipment), NULL, &error));
  g_assert_no_error (error);

  call = log_interaction (store, order, "2000-01-02 09:30:00", "确认交期");
  dropped = log_interaction (store, order, "2000-01-02 10:00:00", "录错了");
  g_assert_true (gdn_store_delete (store, dropped, &error));
  g_assert_no_error (error);

  gdn_record_set_string (kase, "type", "complaint");
  gdn_record_set_string (kase, "category", "quality_defect");
  gdn_record_set_string (kase, "subject", "外壳有划痕");
  gdn_record_set_string (kase, "opened_at", "2000-01-03 14:00:00");
  g_assert_true (gdn_workflow_open_case (store, GDN_CASE (kase), order, &error));
  g_assert_no_error (error);

  /* the other order's history stays with it */
  step (store, other, "quoted", "别的订单");
  g_clear_object (&call);
  call = log_interaction (store, other, "2000-01-05 09:00:00", "别的订单");

  entries = gdn_timeline_load (store, id, &error);
  g_assert_no_error (error);
  /* 8 events, the shipment, the case and one interaction */
  g_assert_cmpuint (entries->len, ==, 11);

  /* events of the same second keep the order they were written in, the latest first */
  e = entry_at (entries, 0);
  g_assert_cmpint (e->kind, ==, GDN_TIMELINE_STATUS);
  g_assert_cmpstr (e->title, ==, "Quality check passed and shipped");
  e = entry_at (entries, 2);
  g_assert_cmpstr (e->title, ==, "Quality check failed, back to production");
  g_assert_cmpstr (e->detail, ==, "外观划伤，返工");
  e = entry_at (entries, 5);
  g_assert_cmpstr (e->title, ==, "Confirmed");
  g_assert_cmpstr (e->detail, ==, "客户邮件确认");
  g_assert_cmpstr (e->who, ==, "tester");
  e = entry_at (entries, 7);
  g_assert_cmpstr (e->title, ==, "Order created as “Inquiry”");

  e = entry_at (entries, 8);
  g_assert_cmpint (e->kind, ==, GDN_TIMELINE_SHIPMENT);
  g_assert_cmpstr (e->at, ==, "2000-01-04");
  g_assert_cmpstr (e->title, ==, "Shipped with 顺丰速运");
  g_assert_cmpstr (e->detail, ==, "Express · tracking number SF1234567890 · ETA 2000-01-06 · "
                                  "In transit");
  g_assert_true (e->record_type == GDN_TYPE_SHIPMENT);
  g_assert_cmpint (e->record_id, ==, gdn_record_get_id (shipment));

  e = entry_at (entries, 9);
  g_assert_cmpint (e->kind, ==, GDN_TIMELINE_CASE);
  g_assert_nonnull (strstr (e->title, gdn_record_get_string (kase, "case_no")));
  g_assert_nonnull (strstr (e->title, "Complaint"));
  g_assert_cmpstr (e->detail, ==, "外壳有划痕 · Quality defect · Open");
  g_assert_true (e->record_type == GDN_TYPE_CASE);
  g_assert_cmpint (e->record_id, ==, gdn_record_get_id (kase));

  e = entry_at (entries, 10);
  g_assert_cmpint (e->kind, ==, GDN_TIMELINE_INTERACTION);
  g_assert_cmpstr (e->at, ==, "2000-01-02 09:30:00");
  g_assert_cmpstr (e->title, ==, "Phone (Outgoing)");
  g_assert_cmpstr (e->detail, ==, "确认交期");
  g_assert_cmpstr (e->who, ==, "王芳");

  /* entries are boxed: they copy whole */
  {
    g_autoptr(GdnTimelineEntry) copy = gdn_timeline_entry_copy (e);

    g_assert_cmpstr (copy->detail, ==, e->detail);
    g_assert_true (copy->detail != e->detail);
    g_assert_cmpint (copy->record_id, ==, e->record_id);
  }
}

/* An order without history (an id that does not exist) has an empty timeline */
static void
test_timeline_empty (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = gdn_timeline_load (store, 4242, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/timeline/new-order", test_timeline_new_order);
  g_test_add_func ("/timeline/merged", test_timeline_merged);
  g_test_add_func ("/timeline/empty", test_timeline_empty);

  return g_test_run ();
}

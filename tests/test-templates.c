/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "gdn-contact.h"
#include "gdn-customer.h"
#include "gdn-templates.h"
#include "gdn-test-utils.h"
#include "gdn-workflow.h"

/* ---- fixtures ---------------------------------------------------------------------- */

static gint64
make_customer (GdnStore   *store,
               const char *code,
               const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) c = GDN_RECORD (gdn_customer_new ());

  gdn_record_set_string (c, "code", code);
  gdn_record_set_string (c, "name", "深圳市华强电子有限公司");
  gdn_record_set_string (c, "email", email);
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);
  return gdn_record_get_id (c);
}

static gint64
make_contact (GdnStore   *store,
              gint64      customer_id,
              const char *name,
              const char *email,
              gboolean    primary)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) c = GDN_RECORD (gdn_contact_new ());

  gdn_record_set_int (c, "customer_id", customer_id);
  gdn_record_set_string (c, "name", name);
  gdn_record_set_string (c, "email", email);
  gdn_record_set_bool (c, "is_primary", primary);
  g_assert_true (gdn_store_insert (store, c, &error));
  g_assert_no_error (error);
  return gdn_record_get_id (c);
}

static GdnRecord *
make_line (const char *code,
           const char *name,
           const char *unit,
           double      quantity,
           double      unit_price)
{
  GdnRecord *line = GDN_RECORD (gdn_order_line_new ());

  gdn_record_set_string (line, "product_code", code);
  gdn_record_set_string (line, "product_name", name);
  gdn_record_set_string (line, "unit", unit);
  gdn_record_set_double (line, "quantity", quantity);
  gdn_record_set_double (line, "unit_price", unit_price);
  return line;
}

static GdnOrder *
make_order (GdnStore *store,
            gint64    customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  GdnOrder *order = gdn_order_new ();
  GdnRecord *r = GDN_RECORD (order);
  GdnRecord *spec_line;

  g_ptr_array_add (lines, make_line ("HQ-CAP-0805", "贴片电容", "个", 5000, 0.12));
  spec_line = make_line ("HQ-RES-0603", "贴片电阻", NULL, 20000, 0.015);
  gdn_record_set_string (spec_line, "spec", "0603 10kΩ");
  g_ptr_array_add (lines, spec_line);

  gdn_record_set_string (r, "order_no", "SO-20261102-001");
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "currency", "CNY");
  gdn_record_set_string (r, "promised_date", "2099-12-31");
  gdn_record_set_string (r, "delivery_address", "深圳市福田区华强北路1002号");
  g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
  g_assert_no_error (error);
  return order;
}

static void
step (GdnStore   *store,
      GdnOrder   *order,
      const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_workflow_change_order_status (store, order, to, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in:\n%s", part, text);
}

/* ---- tests ------------------------------------------------------------------------- */

static void
test_templates_expand (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  static const struct { const char *text; const char *expected; } cases[] = {
    { "Order {order_no} for {customer}", "Order SO-1 for 华强" },
    { "{order_no}{order_no}", "SO-1SO-1" },
    { "Tracking: {tracking_no}.", "Tracking: —." },
    { "{unknown} stays, {order_no}", "{unknown} stays, SO-1" },
    { "{{order_no}}", "{SO-1}" },
    { "open { brace", "open { brace" },
    { "ends with {", "ends with {" },
    { "", "" },
  };

  g_hash_table_insert (values, (char *) "order_no", (char *) "SO-1");
  g_hash_table_insert (values, (char *) "customer", (char *) "华强");
  g_hash_table_insert (values, (char *) "tracking_no", (char *) "");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gdn_template_expand (cases[i].text, values);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_templates_kinds (void)
{
  g_assert_cmpint (gdn_template_kind_for_status ("inquiry"), ==, GDN_TEMPLATE_CONFIRMATION);
  g_assert_cmpint (gdn_template_kind_for_status ("confirmed"), ==, GDN_TEMPLATE_CONFIRMATION);
  g_assert_cmpint (gdn_template_kind_for_status ("in_production"), ==,
                   GDN_TEMPLATE_PRODUCTION_UPDATE);
  g_assert_cmpint (gdn_template_kind_for_status ("qc"), ==, GDN_TEMPLATE_PRODUCTION_UPDATE);
  g_assert_cmpint (gdn_template_kind_for_status ("shipped"), ==, GDN_TEMPLATE_SHIPPED);
  g_assert_cmpint (gdn_template_kind_for_status ("delivered"), ==, GDN_TEMPLATE_DELIVERED);
  g_assert_cmpint (gdn_template_kind_for_status ("closed"), ==, GDN_TEMPLATE_DELIVERED);
  g_assert_cmpint (gdn_template_kind_for_status (NULL), ==, GDN_TEMPLATE_CONFIRMATION);

  /* every template has a name, a subject and a body that all say which order */
  for (GdnTemplateKind k = 0; k < GDN_TEMPLATE_N_KINDS; k++)
    {
      g_assert_cmpstr (gdn_template_kind_label (k), !=, "");
      assert_contains (gdn_template_get_subject (k), "{order_no}");
      assert_contains (gdn_template_get_body (k), "{order_no}");
      assert_contains (gdn_template_get_body (k), "{contact}");
      assert_contains (gdn_template_get_body (k), "{sender}");
    }
  assert_contains (gdn_template_get_body (GDN_TEMPLATE_SHIPPED), "{tracking_no}");
  assert_contains (gdn_template_get_body (GDN_TEMPLATE_CONFIRMATION), "{promised_date}");
}

/* The confirmation: to the primary contact, with the lines, amount and date */
static void
test_templates_confirmation (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  gint64 customer = make_customer (store, "C0001", "info@huaqiang.example");
  gint64 primary;
  g_autoptr(GdnOrder) order = NULL;
  g_autoptr(GdnMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  make_contact (store, customer, "陈晓梅", "chen@huaqiang.example", FALSE);
  primary = make_contact (store, customer, "王建国", "wang@huaqiang.example", TRUE);
  order = make_order (store, customer);
  gdn_store_set_user_name (store, "李娜");

  message = gdn_template_fill (store, order, GDN_TEMPLATE_CONFIRMATION, &error);
  g_assert_no_error (error);
  g_assert_nonnull (message);
  g_assert_cmpint (message->kind, ==, GDN_TEMPLATE_CONFIRMATION);
  g_assert_cmpstr (message->subject, ==, "Order SO-20261102-001: confirmation");
  g_assert_cmpstr (message->to, ==, "wang@huaqiang.example");
  g_assert_cmpint (message->contact_id, ==, primary);
  g_assert_cmpint (message->customer_id, ==, customer);

  assert_contains (message->body, "Dear 王建国,");
  assert_contains (message->body, "1. 贴片电容 (HQ-CAP-0805): 5,000 个 × 0.12 = 600.00\n");
  assert_contains (message->body,
                   "2. 贴片电阻 (HQ-RES-0603), 0603 10kΩ: 20,000 × 0.015 = 300.00\n");
  assert_contains (message->body, "Total amount: CNY 900.00\n");
  assert_contains (message->body, "Promised delivery date: 2099-12-31\n");
  assert_contains (message->body, "Delivery address: 深圳市福田区华强北路1002号\n");
  assert_contains (message->body, "\n李娜\n");
  g_assert_null (strchr (message->body, '{'));

  uri = gdn_message_to_mailto (message);
  g_assert_true (g_str_has_prefix (uri, "mailto:wang@huaqiang.example?subject=Order%20SO-"));
  assert_contains (uri, "&body=Dear%20");
  assert_contains (uri, "%0D%0A");
  /* nothing in it that a mail client could take for a separator */
  g_assert_null (strchr (uri + strlen ("mailto:"), ' '));
  g_assert_null (strchr (uri, '\n'));
  g_assert_cmpuint (strlen (strstr (uri, "&body=")), >, 100);
}

/* Production and shipping notices read the progress and the latest shipment */
static void
test_templates_shipped (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  gint64 customer = make_customer (store, "C0001", "info@huaqiang.example");
  g_autoptr(GdnOrder) order = make_order (store, customer);
  g_autoptr(GdnRecord) shipment = GDN_RECORD (gdn_shipment_new ());
  g_autoptr(GdnMessage) update = NULL;
  g_autoptr(GdnMessage) shipped = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;

  step (store, order, "quoted");
  step (store, order, "confirmed");
  step (store, order, "in_production");
  g_assert_true (gdn_workflow_set_order_progress (store, order, 60, &error));
  g_assert_no_error (error);

  update = gdn_template_fill (store, order, GDN_TEMPLATE_PRODUCTION_UPDATE, &error);
  g_assert_no_error (error);
  assert_contains (update->body, "is in production and 60 % complete");
  /* no contact: the customer is greeted and written to */
  assert_contains (update->body, "Dear 深圳市华强电子有限公司,");
  g_assert_cmpstr (update->to, ==, "info@huaqiang.example");
  g_assert_cmpint (update->contact_id, ==, 0);

  step (store, order, "qc");
  gdn_record_set_string (shipment, "carrier", "顺丰速运");
  gdn_record_set_string (shipment, "tracking_no", "SF1234567890");
  gdn_record_set_string (shipment, "shipped_date", "2026-11-20");
  g_assert_true (gdn_workflow_ship_order (store, order, GDN_SHIPMENT (shipment), NULL, &error));
  g_assert_no_error (error);

  values = gdn_template_collect_values (store, order, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (values, "carrier"), ==, "顺丰速运");
  g_assert_cmpstr (g_hash_table_lookup (values, "eta"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (values, "case_no"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (values, "sender"), ==, "tester");

  shipped = gdn_template_fill (store, order, GDN_TEMPLATE_SHIPPED, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shipped->subject, ==, "Order SO-20261102-001 has shipped");
  assert_contains (shipped->body, "Carrier: 顺丰速运\n");
  assert_contains (shipped->body, "Tracking number: SF1234567890\n");
  assert_contains (shipped->body, "Shipped on: 2026-11-20\n");
  /* not known yet: a dash, never a raw placeholder */
  assert_contains (shipped->body, "Expected arrival: —\n");
}

/* The contact chosen: the primary one, else the first; none for an unknown customer */
static void
test_templates_contact (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  gint64 customer = make_customer (store, "C0001", NULL);
  gint64 first;
  g_autoptr(GdnRecord) contact = NULL;
  g_autoptr(GError) error = NULL;

  contact = gdn_template_find_contact (store, customer, &error);
  g_assert_no_error (error);
  g_assert_null (contact);

  first = make_contact (store, customer, "陈晓梅", NULL, FALSE);
  make_contact (store, customer, "刘志强", NULL, FALSE);
  contact = gdn_template_find_contact (store, customer, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_record_get_id (contact), ==, first);

  g_assert_null (gdn_template_find_contact (store, 0, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/templates/expand", test_templates_expand);
  g_test_add_func ("/templates/kinds", test_templates_kinds);
  g_test_add_func ("/templates/fill/confirmation", test_templates_confirmation);
  g_test_add_func ("/templates/fill/shipped", test_templates_shipped);
  g_test_add_func ("/templates/contact", test_templates_contact);

  return g_test_run ();
}

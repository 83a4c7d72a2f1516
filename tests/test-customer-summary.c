/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-customer-summary.h"
#include "gdn-customer.h"
#include "gdn-interaction.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"
#include "gdn-test-utils.h"

/* The queries behind a customer's page: only that customer's rows, never the trash, in
 * the order the page shows them. */

static void
insert (GdnStore  *store,
        GdnRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_store_insert (store, record, &error));
  g_assert_no_error (error);
}

static void
trash (GdnStore  *store,
       GdnRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_store_delete (store, record, &error));
  g_assert_no_error (error);
}

static gint64
add_customer (GdnStore   *store,
              const char *code,
              const char *name)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CUSTOMER);

  gdn_record_set_string (r, "code", code);
  gdn_record_set_string (r, "name", name);
  gdn_record_set_string (r, "status", "active");
  insert (store, r);
  return gdn_record_get_id (r);
}

static GdnRecord *
add_contact (GdnStore   *store,
             gint64      customer_id,
             const char *name,
             const char *role,
             const char *stance,
             gboolean    primary)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_CONTACT);

  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "name", name);
  gdn_record_set_string (r, "role", role);
  gdn_record_set_string (r, "stance", stance);
  gdn_record_set_bool (r, "is_primary", primary);
  insert (store, r);
  return r;
}

static GdnRecord *
add_order (GdnStore   *store,
           const char *order_no,
           gint64      customer_id,
           const char *status,
           const char *created)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_ORDER);

  gdn_record_set_string (r, "order_no", order_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "type", "regular");
  gdn_record_set_string (r, "status", status);
  gdn_record_set_string (r, "created_date", created);
  gdn_record_set_string (r, "promised_date", "2026-12-15");
  insert (store, r);
  return r;
}

static void
add_line (GdnStore   *store,
          GdnRecord  *order,
          int         position,
          const char *code,
          double      quantity)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_ORDER_LINE);

  gdn_record_set_int (r, "order_id", gdn_record_get_id (order));
  gdn_record_set_int (r, "position", position);
  gdn_record_set_string (r, "product_code", code);
  gdn_record_set_string (r, "product_name", "贴片电阻");
  gdn_record_set_double (r, "quantity", quantity);
  gdn_record_set_double (r, "unit_price", 0.02);
  insert (store, r);
}

static GdnRecord *
add_shipment (GdnStore   *store,
              GdnRecord  *order,
              const char *status,
              const char *eta)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_SHIPMENT);

  gdn_record_set_int (r, "order_id", gdn_record_get_id (order));
  gdn_record_set_string (r, "carrier", "顺丰速运");
  gdn_record_set_string (r, "status", status);
  gdn_record_set_string (r, "eta", eta);
  insert (store, r);
  return r;
}

static GdnRecord *
add_case (GdnStore   *store,
          const char *case_no,
          gint64      customer_id,
          const char *opened_at)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_CASE);

  gdn_record_set_string (r, "case_no", case_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "type", "complaint");
  gdn_record_set_string (r, "priority", "high");
  gdn_record_set_string (r, "status", "open");
  gdn_record_set_string (r, "opened_at", opened_at);
  insert (store, r);
  return r;
}

static GdnRecord *
add_interaction (GdnStore   *store,
                 gint64      customer_id,
                 const char *at,
                 const char *summary)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_INTERACTION);

  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "channel", "phone");
  gdn_record_set_string (r, "at", at);
  gdn_record_set_string (r, "summary", summary);
  insert (store, r);
  return r;
}

static GdnRecord *
add_survey (GdnStore   *store,
            gint64      customer_id,
            const char *date,
            gint64      overall)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_SURVEY);

  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "date", date);
  gdn_record_set_int (r, "overall", overall);
  insert (store, r);
  return r;
}

static const char *
record_string (GPtrArray  *records,
               guint       i,
               const char *field)
{
  return gdn_record_get_string (g_ptr_array_index (records, i), field);
}

static void
test_contacts (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) wang = NULL, chen = NULL, liu = NULL, other = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 huaqiang = add_customer (store, "C0001", "深圳市华强电子有限公司");
  gint64 changan = add_customer (store, "C0002", "东莞市长安五金制品厂");

  wang = add_contact (store, huaqiang, "王建国", "technical", "neutral", FALSE);
  chen = add_contact (store, huaqiang, "陈晓梅", "economic", "supporter", TRUE);
  liu = add_contact (store, huaqiang, "刘志强", "user", "supporter", FALSE);
  other = add_contact (store, changan, "赵敏", "economic", "opponent", TRUE);
  trash (store, liu);

  contacts = gdn_customer_summary_contacts (store, huaqiang, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 2);
  /* the primary contact first */
  g_assert_cmpstr (record_string (contacts, 0, "name"), ==, "陈晓梅");
  g_assert_cmpstr (record_string (contacts, 1, "name"), ==, "王建国");

  g_assert_cmpint (gdn_customer_summary_count (store, GDN_TYPE_CONTACT, huaqiang, &error), ==, 2);
  g_assert_cmpint (gdn_customer_summary_count (store, GDN_TYPE_CONTACT, changan, &error), ==, 1);
  g_assert_cmpint (gdn_customer_summary_count (store, GDN_TYPE_ORDER, changan, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_contact_warnings (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) wang = NULL, chen = NULL, liu = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_customer (store, "C0001", "深圳市华强电子有限公司");

  /* Nobody known: nobody who decides either */
  contacts = gdn_customer_summary_contacts (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_customer_summary_contact_warnings (contacts), ==,
                   GDN_CONTACT_WARNING_NO_ECONOMIC);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* A contact without role or stance changes nothing */
  wang = gdn_record_new (GDN_TYPE_CONTACT);
  gdn_record_set_int (wang, "customer_id", id);
  gdn_record_set_string (wang, "name", "王建国");
  insert (store, wang);
  contacts = gdn_customer_summary_contacts (store, id, &error);
  g_assert_cmpint (gdn_customer_summary_contact_warnings (contacts), ==,
                   GDN_CONTACT_WARNING_NO_ECONOMIC);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  chen = add_contact (store, id, "陈晓梅", "economic", "supporter", TRUE);
  contacts = gdn_customer_summary_contacts (store, id, &error);
  g_assert_cmpint (gdn_customer_summary_contact_warnings (contacts), ==,
                   GDN_CONTACT_WARNING_NONE);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  liu = add_contact (store, id, "刘志强", "technical", "opponent", FALSE);
  contacts = gdn_customer_summary_contacts (store, id, &error);
  g_assert_cmpint (gdn_customer_summary_contact_warnings (contacts), ==,
                   GDN_CONTACT_WARNING_OPPONENT);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* The economic buyer leaves (to the trash): both warnings */
  trash (store, chen);
  contacts = gdn_customer_summary_contacts (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_customer_summary_contact_warnings (contacts), ==,
                   GDN_CONTACT_WARNING_NO_ECONOMIC | GDN_CONTACT_WARNING_OPPONENT);
}

static void
test_orders (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) inquiry = NULL, producing = NULL, shipped = NULL, trashed = NULL;
  g_autoptr(GdnRecord) foreign = NULL, s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL;
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  GdnCustomerOrder *o;
  gint64 id = add_customer (store, "C0001", "深圳市华强电子有限公司");
  gint64 other = add_customer (store, "C0002", "东莞市长安五金制品厂");

  inquiry = add_order (store, "SO202611-0001", id, "inquiry", "2026-11-01");
  producing = add_order (store, "SO202611-0002", id, "in_production", "2026-11-03");
  shipped = add_order (store, "SO202611-0003", id, "shipped", "2026-11-02");
  trashed = add_order (store, "SO202611-0004", id, "confirmed", "2026-11-05");
  foreign = add_order (store, "SO202611-0005", other, "confirmed", "2026-11-04");

  add_line (store, inquiry, 1, "R-0402-10K", 1000);
  add_line (store, producing, 2, "C-0603-1UF", 2000);
  add_line (store, producing, 1, "R-0603-4K7", 5000);
  add_line (store, shipped, 1, "L-1206-10UH", 300);
  add_line (store, trashed, 1, "D-SOD123", 100);
  add_line (store, foreign, 1, "Q-SOT23", 100);
  trash (store, trashed);

  /* A pending shipment of the order in production, two on the way for the shipped one
   * (the later ETA is when all of it is there) and one already delivered */
  s1 = add_shipment (store, producing, "pending", "2026-12-10");
  s2 = add_shipment (store, shipped, "in_transit", "2026-11-20");
  s3 = add_shipment (store, shipped, "delayed", "2026-11-24");
  s4 = add_shipment (store, shipped, "delivered", "2026-11-30");

  orders = gdn_customer_summary_orders (store, id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (orders->len, ==, 3);

  /* newest first */
  o = g_ptr_array_index (orders, 0);
  g_assert_cmpstr (gdn_record_get_string (o->order, "order_no"), ==, "SO202611-0002");
  g_assert_cmpuint (o->open_lines->len, ==, 2);
  g_assert_cmpstr (record_string (o->open_lines, 0, "product_code"), ==, "R-0603-4K7");
  g_assert_cmpstr (record_string (o->open_lines, 1, "product_code"), ==, "C-0603-1UF");
  g_assert_cmpstr (o->eta, ==, "2026-12-10");
  g_assert_cmpuint (o->n_shipments, ==, 1);
  /* the derived fields the list needs are read too */
  g_assert_cmpstr (gdn_record_get_string (o->order, "customer_code"), ==, "C0001");
  g_assert_true (gdn_record_get_int (o->order, "flags") >= 0);

  o = g_ptr_array_index (orders, 1);
  g_assert_cmpstr (gdn_record_get_string (o->order, "order_no"), ==, "SO202611-0003");
  g_assert_cmpuint (o->open_lines->len, ==, 0);
  g_assert_cmpstr (o->eta, ==, "2026-11-24");
  g_assert_cmpuint (o->n_shipments, ==, 2);

  /* an inquiry has nothing to ship yet */
  o = g_ptr_array_index (orders, 2);
  g_assert_cmpstr (gdn_record_get_string (o->order, "order_no"), ==, "SO202611-0001");
  g_assert_cmpuint (o->open_lines->len, ==, 0);
  g_assert_null (o->eta);

  /* A page further on */
  page = gdn_customer_summary_orders (store, id, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  o = g_ptr_array_index (page, 0);
  g_assert_cmpstr (gdn_record_get_string (o->order, "order_no"), ==, "SO202611-0003");
  g_assert_cmpstr (o->eta, ==, "2026-11-24");
  g_clear_pointer (&page, g_ptr_array_unref);

  /* A customer without orders */
  page = gdn_customer_summary_orders (store, add_customer (store, "C0003", "佛山市顺德区美的配件厂"),
                                      0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 0);
}

static void
test_cases_and_log (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) c1 = NULL, c2 = NULL, c3 = NULL;
  g_autoptr(GdnRecord) i1 = NULL, i2 = NULL, i3 = NULL, i4 = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_customer (store, "C0001", "深圳市华强电子有限公司");
  gint64 other = add_customer (store, "C0002", "东莞市长安五金制品厂");

  c1 = add_case (store, "CS202611-001", id, "2026-11-02 09:00:00");
  c2 = add_case (store, "CS202611-002", id, "2026-11-20 14:30:00");
  c3 = add_case (store, "CS202611-003", other, "2026-11-21 08:00:00");

  cases = gdn_customer_summary_cases (store, id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  g_assert_cmpstr (record_string (cases, 0, "case_no"), ==, "CS202611-002");
  g_assert_cmpstr (record_string (cases, 1, "case_no"), ==, "CS202611-001");

  i1 = add_interaction (store, id, "2026-11-02 10:15:00", "确认交期");
  i2 = add_interaction (store, id, "2026-11-20 16:40:00", "投诉跟进");
  i3 = add_interaction (store, id, "2026-11-05 11:00:00", "报价");
  i4 = add_interaction (store, other, "2026-11-21 09:00:00", "其他客户");
  trash (store, i3);

  log = gdn_customer_summary_interactions (store, id, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (record_string (log, 0, "summary"), ==, "投诉跟进");
  g_assert_cmpstr (record_string (log, 1, "summary"), ==, "确认交期");
  g_clear_pointer (&log, g_ptr_array_unref);

  log = gdn_customer_summary_interactions (store, id, 0, 1, &error);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (gdn_customer_summary_count (store, GDN_TYPE_INTERACTION, id, &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_surveys (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GdnRecord) s1 = NULL, s2 = NULL, s3 = NULL, s4 = NULL;
  g_autoptr(GPtrArray) surveys = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = add_customer (store, "C0001", "深圳市华强电子有限公司");
  gint64 other = add_customer (store, "C0002", "东莞市长安五金制品厂");

  none = gdn_customer_summary_surveys (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  /* no surveys is "no data", not a score of 0 */
  g_assert_true (isnan (gdn_customer_summary_mean_overall (none)));

  s1 = add_survey (store, id, "2026-09-30", 4);
  s2 = add_survey (store, id, "2026-11-15", 5);
  s3 = add_survey (store, id, "2026-10-31", 3);
  s4 = add_survey (store, other, "2026-11-01", 1);

  surveys = gdn_customer_summary_surveys (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (surveys->len, ==, 3);
  g_assert_cmpstr (record_string (surveys, 0, "date"), ==, "2026-11-15");
  g_assert_cmpstr (record_string (surveys, 2, "date"), ==, "2026-09-30");
  g_assert_cmpfloat_with_epsilon (gdn_customer_summary_mean_overall (surveys), 4.0, 1e-9);
  g_clear_pointer (&surveys, g_ptr_array_unref);

  trash (store, s2);
  surveys = gdn_customer_summary_surveys (store, id, &error);
  g_assert_cmpfloat_with_epsilon (gdn_customer_summary_mean_overall (surveys), 3.5, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/customer-summary/contacts", test_contacts);
  g_test_add_func ("/customer-summary/contact-warnings", test_contact_warnings);
  g_test_add_func ("/customer-summary/orders", test_orders);
  g_test_add_func ("/customer-summary/cases-and-log", test_cases_and_log);
  g_test_add_func ("/customer-summary/surveys", test_surveys);

  return g_test_run ();
}

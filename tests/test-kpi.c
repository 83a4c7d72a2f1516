/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-customer.h"
#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-order-line.h"
#include "gdn-order-workflow.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"
#include "gdn-test-utils.h"
#include "gdn-validation-error.h"

/* The fixture: two customers and every kind of row the KPIs read, with rows on both edges
 * of March 2026, just outside it, and in the trash. Computed by hand for 2026-03-01 …
 * 2026-03-31:
 *
 * on-time delivery: delivered in March = O1 (03-20, promised 03-20: on time), O2 (03-12,
 *   promised 03-10: late), O3 (03-31, no promised date: not on time); O7 is in the trash,
 *   O8 was delivered 04-01 → delivered 3, on time 1, rate 1/3
 * satisfaction: S1 (03-01) overall 5, S2 (03-31) 2, S3 (03-15) 4; S4 is 04-01, S5 in the
 *   trash → count 3, mean 11/3; accuracy (5+2)/2 = 3.5; responsiveness (4+1)/2 = 2.5;
 *   resolution 4/1 = 4; attitude 3/1 = 3; quality (4+2+5)/3 = 11/3; scores 1–5: 0, 1, 0,
 *   1, 1
 * conversion: created in March = O1 (confirmed date), O3 (confirmed date), O4 (lost),
 *   O5 (in production without a confirmed date), O6 (cancelled after its confirmation),
 *   O9 (quoted, created 03-31) → inquiries 6, converted 4 (O1, O3, O5, O6), rate 2/3;
 *   funnel: quoted 5 (all but the lost O4), delivered 2 (O1, O3)
 * 24-hour response: opened in March = K1 (03-01 00:00:00, answered exactly 24 h later:
 *   within), K2 (answered 24 h + 1 s later: not), K3 (03-31 23:59:59, answered after 8 h),
 *   K4 (no answer); K5 opened 02-28 23:59:59, K6 in the trash, K7 opened 04-01 00:00:00
 *   → opened 4, within 2, rate 1/2
 * closure: of those, K1 closed and K3 resolved → closed 2, rate 1/2
 * complaint mix: K1 late_delivery, K2 quality_defect, K4 without a category → other;
 *   K6 (spec_mismatch) is in the trash and K7 (payment_invoice) in April → 0
 * order volume: confirmed in March = O1 (03-02, regular, delivered, 1000.00), O6 (03-16,
 *   regular, cancelled, 500.00), O3 (03-31, custom, delivered, 2 × 1234.56 + 3 × 0.33 =
 *   2470.11); O2 and O8 were confirmed in February, O7 is in the trash → count 3, amount
 *   3970.11; regular 2 / 1500.00, custom 1 / 2470.11, urgent 0; delivered 2 / 3470.11,
 *   cancelled 1 / 500.00
 * carriers: 顺丰速运 shipped H1 (03-01, ETA 03-03, delivered 03-03), H2 (03-10, ETA 03-12,
 *   delivered 03-15), H3 (03-31, on the road), H7 (03-06, ETA 03-08, delivered 03-07: its
 *   order O7 is in the trash, the shipment is not, so it counts) → shipments 4, delivered
 *   3, on time 2, rate 2/3, transit (2 + 5 + 1) / 3 = 8/3 days. 德邦物流: H4 (03-20, no
 *   ETA, delivered 03-25) → 1, on time 0 of 1, rate 0, transit 5; H5 shipped 02-28, H6 in
 *   the trash. 中通快递: H8 (03-30, on the road) → 1, on time 0, rate and transit no data.
 */
static const char fixture[] =
  "INSERT INTO customers (id, code, name, owner) VALUES"
  " (1, 'KH001', '深圳市华强电子有限公司', '王丽娟'),"
  " (2, 'KH002', '宁波海天塑机有限公司', '张伟');"
  "INSERT INTO orders (id, order_no, customer_id, type, status, created_date, confirmed_date,"
  " promised_date, delivered_date, delay_reason, owner, deleted_at) VALUES"
  " (1, 'XS001', 1, 'regular', 'delivered', '2026-03-01', '2026-03-02', '2026-03-20',"
  "  '2026-03-20', NULL, '王丽娟', NULL),"
  " (2, 'XS002', 2, 'urgent', 'closed', '2026-02-20', '2026-02-25', '2026-03-10',"
  "  '2026-03-12', 'supplier', '张伟', NULL),"
  " (3, 'XS003', 1, 'custom', 'delivered', '2026-03-05', '2026-03-31', NULL,"
  "  '2026-03-31', NULL, '王丽娟', NULL),"
  " (4, 'XS004', 2, 'regular', 'lost', '2026-03-10', NULL, NULL, NULL, NULL, '张伟', NULL),"
  " (5, 'XS005', 2, 'regular', 'in_production', '2026-03-18', NULL, '2026-04-30', NULL,"
  "  NULL, '张伟', NULL),"
  " (6, 'XS006', 1, 'regular', 'cancelled', '2026-03-15', '2026-03-16', '2026-04-10', NULL,"
  "  NULL, '王丽娟', NULL),"
  " (7, 'XS007', 1, 'urgent', 'delivered', '2026-03-12', '2026-03-13', '2026-03-20',"
  "  '2026-03-14', NULL, '王丽娟', '2026-03-20 10:00:00'),"
  " (8, 'XS008', 2, 'regular', 'delivered', '2026-02-28', '2026-02-28', '2026-04-05',"
  "  '2026-04-01', NULL, NULL, NULL),"
  " (9, 'XS009', 1, 'regular', 'quoted', '2026-03-31', NULL, NULL, NULL, NULL, '王丽娟',"
  "  NULL);"
  "INSERT INTO order_lines (order_id, position, product_code, quantity, unit_price) VALUES"
  " (1, 1, 'DZ-0101', 10, 100.00),"
  " (2, 1, 'JX-0601', 5, 200.50),"
  " (3, 1, 'JX-0701', 2, 1234.56), (3, 2, 'BZ-2201', 3, 0.33),"
  " (6, 1, 'DQ-1601', 1, 500.00),"
  " (7, 1, 'DQ-1701', 1, 9999.00),"
  " (8, 1, 'WJ-1101', 4, 25.00);"
  /* what the store keeps on each order */
  "UPDATE orders SET amount = (SELECT total(quantity * unit_price) FROM order_lines l"
  " WHERE l.order_id = orders.id), n_lines = (SELECT count(*) FROM order_lines l"
  " WHERE l.order_id = orders.id);"
  "INSERT INTO cases (id, case_no, customer_id, type, category, status, opened_at,"
  " first_response_at, deleted_at) VALUES"
  " (1, 'GD001', 1, 'complaint', 'late_delivery', 'closed', '2026-03-01 00:00:00',"
  "  '2026-03-02 00:00:00', NULL),"
  " (2, 'GD002', 2, 'complaint', 'quality_defect', 'in_progress', '2026-03-10 09:00:00',"
  "  '2026-03-11 09:00:01', NULL),"
  " (3, 'GD003', 1, 'repair', NULL, 'resolved', '2026-03-31 23:59:59',"
  "  '2026-04-01 08:00:00', NULL),"
  " (4, 'GD004', 2, 'complaint', NULL, 'open', '2026-03-20 10:00:00', NULL, NULL),"
  " (5, 'GD005', 1, 'inquiry', NULL, 'closed', '2026-02-28 23:59:59',"
  "  '2026-03-01 10:00:00', NULL),"
  " (6, 'GD006', 1, 'complaint', 'spec_mismatch', 'closed', '2026-03-05 09:00:00',"
  "  '2026-03-05 10:00:00', '2026-03-06 09:00:00'),"
  " (7, 'GD007', 2, 'complaint', 'payment_invoice', 'open', '2026-04-01 00:00:00', NULL,"
  "  NULL);"
  "INSERT INTO surveys (customer_id, date, overall, accuracy, responsiveness, resolution,"
  " attitude, quality, deleted_at) VALUES"
  " (1, '2026-03-01', 5, 5, 4, NULL, 3, 4, NULL),"
  " (2, '2026-03-31', 2, 2, 1, 4, NULL, 2, NULL),"
  " (1, '2026-03-15', 4, NULL, NULL, NULL, NULL, 5, NULL),"
  " (2, '2026-04-01', 1, 1, 1, 1, 1, 1, NULL),"
  " (1, '2026-03-10', 1, 1, 1, 1, 1, 1, '2026-03-11 08:00:00');"
  "INSERT INTO shipments (order_id, carrier, shipped_date, eta, delivered_date, status,"
  " deleted_at) VALUES"
  " (1, '顺丰速运', '2026-03-01', '2026-03-03', '2026-03-03', 'delivered', NULL),"
  " (2, '顺丰速运', '2026-03-10', '2026-03-12', '2026-03-15', 'delivered', NULL),"
  " (3, '顺丰速运', '2026-03-31', '2026-04-02', NULL, 'in_transit', NULL),"
  " (3, '德邦物流', '2026-03-20', NULL, '2026-03-25', 'delivered', NULL),"
  " (8, '德邦物流', '2026-02-28', '2026-03-02', '2026-03-01', 'delivered', NULL),"
  " (1, '德邦物流', '2026-03-05', '2026-03-06', '2026-03-06', 'delivered',"
  "  '2026-03-07 09:00:00'),"
  " (7, '顺丰速运', '2026-03-06', '2026-03-08', '2026-03-07', 'delivered', NULL),"
  " (5, '中通快递', '2026-03-30', '2026-04-02', NULL, 'in_transit', NULL);";

static GdnDatabase *
open_fixture (void)
{
  g_autoptr(GError) error = NULL;
  GdnDatabase *db = gdn_test_open_database ();

  gdn_database_exec (db, fixture, &error);
  g_assert_no_error (error);
  return db;
}

static GdnKpi *
compute (GdnDatabase *db,
         const char  *from,
         const char  *to)
{
  g_autoptr(GError) error = NULL;
  GdnKpi *kpi = gdn_kpi_compute (db, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kpi);
  return kpi;
}

#define assert_rate(r, total_, hits_, value)                 \
  G_STMT_START {                                             \
    g_assert_cmpint ((r)->total, ==, (total_));              \
    g_assert_cmpint ((r)->hits, ==, (hits_));                \
    g_assert_cmpfloat_with_epsilon ((r)->rate, (value), 1e-9); \
  } G_STMT_END

#define assert_mean(m, count_, value)                        \
  G_STMT_START {                                             \
    g_assert_cmpint ((m)->count, ==, (count_));              \
    g_assert_cmpfloat_with_epsilon ((m)->mean, (value), 1e-9); \
  } G_STMT_END

static void
test_fixture_figures (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) kpi = compute (db, "2026-03-01", "2026-03-31");
  const GdnKpiCarrier *sf, *db_carrier, *zto;

  g_assert_cmpstr (kpi->from, ==, "2026-03-01");
  g_assert_cmpstr (kpi->to, ==, "2026-03-31");

  assert_rate (&kpi->on_time_delivery, 3, 1, 1.0 / 3.0);

  assert_mean (&kpi->satisfaction, 3, 11.0 / 3.0);
  assert_mean (&kpi->dimensions[GDN_KPI_ACCURACY], 2, 3.5);
  assert_mean (&kpi->dimensions[GDN_KPI_RESPONSIVENESS], 2, 2.5);
  assert_mean (&kpi->dimensions[GDN_KPI_RESOLUTION], 1, 4.0);
  assert_mean (&kpi->dimensions[GDN_KPI_ATTITUDE], 1, 3.0);
  assert_mean (&kpi->dimensions[GDN_KPI_QUALITY], 3, 11.0 / 3.0);

  g_assert_cmpint (kpi->scores[0], ==, 0);
  g_assert_cmpint (kpi->scores[1], ==, 1);
  g_assert_cmpint (kpi->scores[2], ==, 0);
  g_assert_cmpint (kpi->scores[3], ==, 1);
  g_assert_cmpint (kpi->scores[4], ==, 1);

  assert_rate (&kpi->conversion, 6, 4, 2.0 / 3.0);
  g_assert_cmpint (kpi->quoted, ==, 5);
  g_assert_cmpint (kpi->delivered, ==, 2);
  assert_rate (&kpi->response_24h, 4, 2, 0.5);
  assert_rate (&kpi->closure, 4, 2, 0.5);

  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "late_delivery"), ==, 1);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "quality_defect"), ==, 1);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "other"), ==, 1);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "spec_mismatch"), ==, 0);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "payment_invoice"), ==, 0);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "slow_response"), ==, 0);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "nonsense"), ==, -1);

  g_assert_cmpint (kpi->order_volume.count, ==, 3);
  g_assert_cmpfloat_with_epsilon (kpi->order_volume.amount, 3970.11, 1e-6);
  g_assert_cmpint (gdn_kpi_get_volume_by_type (kpi, "regular")->count, ==, 2);
  g_assert_cmpfloat_with_epsilon (gdn_kpi_get_volume_by_type (kpi, "regular")->amount,
                                  1500.0, 1e-6);
  g_assert_cmpint (gdn_kpi_get_volume_by_type (kpi, "custom")->count, ==, 1);
  g_assert_cmpfloat_with_epsilon (gdn_kpi_get_volume_by_type (kpi, "custom")->amount,
                                  2470.11, 1e-6);
  g_assert_cmpint (gdn_kpi_get_volume_by_type (kpi, "urgent")->count, ==, 0);
  g_assert_cmpint (gdn_kpi_get_volume_by_status (kpi, "delivered")->count, ==, 2);
  g_assert_cmpfloat_with_epsilon (gdn_kpi_get_volume_by_status (kpi, "delivered")->amount,
                                  3470.11, 1e-6);
  g_assert_cmpint (gdn_kpi_get_volume_by_status (kpi, "cancelled")->count, ==, 1);
  g_assert_cmpint (gdn_kpi_get_volume_by_status (kpi, "closed")->count, ==, 0);
  g_assert_null (gdn_kpi_get_volume_by_status (kpi, "nonsense"));

  g_assert_cmpuint (kpi->carriers->len, ==, 3);
  sf = g_ptr_array_index (kpi->carriers, 0);   /* most shipments first */
  g_assert_cmpstr (sf->carrier, ==, "顺丰速运");
  g_assert_cmpint (sf->shipments, ==, 4);
  assert_rate (&sf->on_time, 3, 2, 2.0 / 3.0);
  g_assert_cmpfloat_with_epsilon (sf->mean_transit_days, 8.0 / 3.0, 1e-9);

  db_carrier = gdn_kpi_get_carrier (kpi, "德邦物流");
  g_assert_nonnull (db_carrier);
  g_assert_cmpint (db_carrier->shipments, ==, 1);
  assert_rate (&db_carrier->on_time, 1, 0, 0.0);
  g_assert_cmpfloat_with_epsilon (db_carrier->mean_transit_days, 5.0, 1e-9);

  zto = gdn_kpi_get_carrier (kpi, "中通快递");
  g_assert_nonnull (zto);
  g_assert_cmpint (zto->shipments, ==, 1);
  g_assert_cmpint (zto->on_time.total, ==, 0);
  g_assert_false (gdn_kpi_has_value (zto->on_time.rate));
  g_assert_false (gdn_kpi_has_value (zto->mean_transit_days));
  g_assert_null (gdn_kpi_get_carrier (kpi, "京东物流"));
}

static void
test_empty_period (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) kpi = compute (db, "2030-01-01", "2030-12-31");

  g_assert_cmpint (kpi->on_time_delivery.total, ==, 0);
  g_assert_false (gdn_kpi_has_value (kpi->on_time_delivery.rate));
  g_assert_cmpint (kpi->satisfaction.count, ==, 0);
  g_assert_false (gdn_kpi_has_value (kpi->satisfaction.mean));
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    g_assert_false (gdn_kpi_has_value (kpi->dimensions[d].mean));
  g_assert_false (gdn_kpi_has_value (kpi->conversion.rate));
  g_assert_false (gdn_kpi_has_value (kpi->response_24h.rate));
  g_assert_false (gdn_kpi_has_value (kpi->closure.rate));
  g_assert_cmpint (kpi->order_volume.count, ==, 0);
  g_assert_cmpfloat (kpi->order_volume.amount, ==, 0.0);
  g_assert_cmpint (gdn_kpi_get_complaints (kpi, "other"), ==, 0);
  g_assert_cmpuint (kpi->carriers->len, ==, 0);

  /* and on an empty database */
  {
    g_autoptr(GdnDatabase) empty = gdn_test_open_database ();
    g_autoptr(GdnKpi) none = compute (empty, "2026-01-01", "2026-12-31");

    g_assert_false (gdn_kpi_has_value (none->on_time_delivery.rate));
    g_assert_false (gdn_kpi_has_value (none->response_24h.rate));
    g_assert_cmpint (none->conversion.total, ==, 0);
  }
}

static void
test_trash_ignored (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpi) before = compute (db, "2026-03-01", "2026-03-31");
  g_autoptr(GdnKpi) after = NULL;

  /* restoring the trashed rows brings them into the figures: they were left out because
   * they were in the trash, not by accident of their dates */
  gdn_database_exec (db,
                     "UPDATE orders SET deleted_at = NULL; UPDATE cases SET deleted_at = NULL;"
                     "UPDATE surveys SET deleted_at = NULL;"
                     "UPDATE shipments SET deleted_at = NULL", &error);
  g_assert_no_error (error);
  after = compute (db, "2026-03-01", "2026-03-31");

  g_assert_cmpint (before->on_time_delivery.total, ==, 3);
  assert_rate (&after->on_time_delivery, 4, 2, 0.5);             /* + O7, on time */
  g_assert_cmpint (after->conversion.total, ==, 7);               /* + O7 */
  g_assert_cmpint (after->order_volume.count, ==, 4);
  g_assert_cmpfloat_with_epsilon (after->order_volume.amount, 3970.11 + 9999.0, 1e-6);
  g_assert_cmpint (after->response_24h.total, ==, 5);             /* + K6 */
  g_assert_cmpint (gdn_kpi_get_complaints (after, "spec_mismatch"), ==, 1);
  g_assert_cmpint (after->satisfaction.count, ==, 4);             /* + S5 */
  g_assert_cmpint (gdn_kpi_get_carrier (after, "顺丰速运")->shipments, ==, 4);   /* as before */
  g_assert_cmpint (gdn_kpi_get_carrier (after, "德邦物流")->shipments, ==, 2);   /* + H6 */
}

static void
test_boundaries_inclusive (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) inner = compute (db, "2026-03-02", "2026-03-30");
  g_autoptr(GdnKpi) day = compute (db, "2026-03-31", "2026-03-31");
  g_autoptr(GdnKpi) april = compute (db, "2026-04-01", "2026-04-01");

  /* a day in from each edge drops the rows on the edges */
  g_assert_cmpint (inner->on_time_delivery.total, ==, 2);   /* O1 (03-20), O2; not O3 */
  g_assert_cmpint (inner->conversion.total, ==, 4);         /* not O1 (03-01), O9 (03-31) */
  g_assert_cmpint (inner->response_24h.total, ==, 2);       /* not K1, K3 */
  g_assert_cmpint (inner->satisfaction.count, ==, 1);       /* S3 */
  g_assert_cmpint (inner->order_volume.count, ==, 2);       /* O1 (03-02), O6; not O3 */
  g_assert_cmpint (gdn_kpi_get_carrier (inner, "顺丰速运")->shipments, ==, 2);   /* H2, H7 */

  /* a one-day period holds its whole day, up to 23:59:59 */
  g_assert_cmpint (day->on_time_delivery.total, ==, 1);     /* O3 */
  g_assert_cmpint (day->response_24h.total, ==, 1);         /* K3 at 23:59:59 */
  g_assert_cmpint (day->conversion.total, ==, 1);           /* O9 */
  g_assert_cmpint (day->satisfaction.count, ==, 1);         /* S2 */
  g_assert_cmpint (day->order_volume.count, ==, 1);         /* O3 */

  /* and the next day starts at 00:00:00 */
  g_assert_cmpint (april->response_24h.total, ==, 1);       /* K7 */
  g_assert_cmpint (april->on_time_delivery.total, ==, 1);   /* O8 */
  g_assert_cmpint (april->satisfaction.count, ==, 1);       /* S4 */
}

static void
test_invalid_period (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  struct { const char *from, *to, *field; } cases[] = {
    { "2026-02-30", "2026-03-31", "from" },
    { "2026/03/01", "2026-03-31", "from" },
    { NULL, "2026-03-31", "from" },
    { "2026-03-01", "2026-13-01", "to" },
    { "2026-03-01", "", "to" },
    { "2026-04-01", "2026-03-31", "from" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdnKpi) kpi = gdn_kpi_compute (db, cases[i].from, cases[i].to, &error);

      g_assert_null (kpi);
      g_assert_error (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (gdn_validation_error_get_field (error), ==, cases[i].field);
    }
}

static void
check_members (JsonObject         *object,
               const char * const *names)
{
  g_autoptr(GList) members = json_object_get_members (object);
  guint n = 0;

  for (; names[n] != NULL; n++)
    g_assert_true (json_object_has_member (object, names[n]));
  g_assert_cmpuint (g_list_length (members), ==, n);
}

static void
test_json_shape (void)
{
  static const char * const top[] = {
    "from", "to", "on_time_delivery", "satisfaction", "conversion", "response_24h",
    "funnel", "closure", "complaint_mix", "order_volume", "carriers", NULL,
  };
  static const char * const dimensions[] = {
    "accuracy", "responsiveness", "resolution", "attitude", "quality", NULL,
  };
  static const char * const categories[] = {
    "spec_mismatch", "late_delivery", "quality_defect", "slow_response", "payment_invoice",
    "other", NULL,
  };
  static const char * const carrier_keys[] = {
    "carrier", "shipments", "on_time", "on_time_rate", "mean_transit_days", NULL,
  };
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) kpi = compute (db, "2026-03-01", "2026-03-31");
  g_autoptr(GdnKpi) empty = compute (db, "2030-01-01", "2030-01-31");
  g_autofree char *text = gdn_kpi_to_json_string (kpi, FALSE);
  g_autofree char *empty_text = gdn_kpi_to_json_string (empty, TRUE);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) empty_parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *o, *volume;
  JsonArray *carriers;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  check_members (root, top);
  g_assert_cmpstr (json_object_get_string_member (root, "from"), ==, "2026-03-01");

  o = json_object_get_object_member (root, "on_time_delivery");
  check_members (o, (const char *[]) { "delivered", "on_time", "rate", NULL });
  g_assert_cmpint (json_object_get_int_member (o, "delivered"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (o, "rate"), 1.0 / 3.0, 1e-12);

  o = json_object_get_object_member (root, "satisfaction");
  check_members (o, (const char *[]) { "count", "mean", "dimensions", "scores", NULL });
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "scores")), ==, 5);
  check_members (json_object_get_object_member (root, "funnel"),
                 (const char *[]) { "inquiries", "quoted", "confirmed", "delivered", NULL });
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root, "funnel"),
                                               "quoted"), ==, 5);
  check_members (json_object_get_object_member (o, "dimensions"), dimensions);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (o,
                     "dimensions"), "accuracy"), ==, 3.5);

  check_members (json_object_get_object_member (root, "conversion"),
                 (const char *[]) { "inquiries", "converted", "rate", NULL });
  check_members (json_object_get_object_member (root, "response_24h"),
                 (const char *[]) { "opened", "within_24h", "rate", NULL });
  check_members (json_object_get_object_member (root, "closure"),
                 (const char *[]) { "opened", "closed", "rate", NULL });
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root,
                   "closure"), "closed"), ==, 2);

  o = json_object_get_object_member (root, "complaint_mix");
  check_members (o, categories);
  g_assert_cmpint (json_object_get_int_member (o, "other"), ==, 1);

  volume = json_object_get_object_member (root, "order_volume");
  check_members (volume, (const char *[]) { "count", "amount", "by_type", "by_status", NULL });
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (volume, "by_type")),
                    ==, 3);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (volume,
                    "by_status")), ==, 10);
  o = json_object_get_object_member (json_object_get_object_member (volume, "by_type"),
                                     "custom");
  check_members (o, (const char *[]) { "count", "amount", NULL });
  /* amounts in their rounded, two-decimal form, also in the text */
  g_assert_cmpfloat (json_object_get_double_member (volume, "amount"), ==, 3970.11);
  g_assert_nonnull (strstr (text, "\"amount\":3970.11,"));
  g_assert_nonnull (strstr (text, "\"amount\":2470.11}"));

  carriers = json_object_get_array_member (root, "carriers");
  g_assert_cmpuint (json_array_get_length (carriers), ==, 3);
  for (guint i = 0; i < 3; i++)
    check_members (json_array_get_object_element (carriers, i), carrier_keys);
  o = json_array_get_object_element (carriers, 0);
  g_assert_cmpstr (json_object_get_string_member (o, "carrier"), ==, "顺丰速运");
  g_assert_cmpint (json_object_get_int_member (o, "on_time"), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      o = json_array_get_object_element (carriers, i);
      if (g_strcmp0 (json_object_get_string_member (o, "carrier"), "中通快递") == 0)
        {
          g_assert_true (json_object_get_null_member (o, "on_time_rate"));
          g_assert_true (json_object_get_null_member (o, "mean_transit_days"));
        }
    }

  /* no data is null, never 0 or 1 */
  json_parser_load_from_data (empty_parser, empty_text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (empty_parser));
  check_members (root, top);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (root,
                 "on_time_delivery"), "rate"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (root,
                 "conversion"), "rate"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (root,
                 "response_24h"), "rate"));
  g_assert_true (json_object_get_null_member (json_object_get_object_member (root,
                 "closure"), "rate"));
  o = json_object_get_object_member (root, "satisfaction");
  g_assert_true (json_object_get_null_member (o, "mean"));
  for (guint i = 0; dimensions[i] != NULL; i++)
    g_assert_true (json_object_get_null_member (json_object_get_object_member (o,
                   "dimensions"), dimensions[i]));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (root,
                   "complaint_mix"), "late_delivery"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "carriers")),
                    ==, 0);
}

static void
test_series (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpiSeries) series = gdn_kpi_series_compute (db, "2026-02-15", "2026-04-10",
                                                            &error);
  g_autoptr(GdnKpiSeries) copy = NULL;
  GdnKpiMonth *feb, *mar, *apr;
  GdnKpiGroup *g;

  g_assert_no_error (error);
  g_assert_cmpuint (series->months->len, ==, 3);
  feb = &g_array_index (series->months, GdnKpiMonth, 0);
  mar = &g_array_index (series->months, GdnKpiMonth, 1);
  apr = &g_array_index (series->months, GdnKpiMonth, 2);
  g_assert_cmpstr (feb->month, ==, "2026-02");
  g_assert_cmpstr (apr->month, ==, "2026-04");

  /* deliveries: none in late February; March as in the period test; O8 on time in April */
  g_assert_false (gdn_kpi_has_value (feb->on_time_delivery.rate));
  assert_rate (&mar->on_time_delivery, 3, 1, 1.0 / 3.0);
  assert_rate (&apr->on_time_delivery, 1, 1, 1.0);
  /* surveys */
  g_assert_false (gdn_kpi_has_value (feb->satisfaction.mean));
  assert_mean (&mar->satisfaction, 3, 11.0 / 3.0);
  assert_mean (&apr->satisfaction, 1, 1.0);
  /* cases: K5 (02-28, answered within the day, closed); March; K7 (open) */
  assert_rate (&feb->response_24h, 1, 1, 1.0);
  assert_rate (&feb->closure, 1, 1, 1.0);
  assert_rate (&mar->response_24h, 4, 2, 0.5);
  assert_rate (&mar->closure, 4, 2, 0.5);
  assert_rate (&apr->response_24h, 1, 0, 0.0);
  /* inquiries and confirmed orders: March as in the period test */
  assert_rate (&mar->conversion, 6, 4, 2.0 / 3.0);
  g_assert_cmpint (mar->order_volume.count, ==, 3);
  g_assert_cmpfloat_with_epsilon (mar->order_volume.amount, 3970.11, 1e-6);

  /* late deliveries: only O2 was delivered after its promised date, for the supplier */
  g_assert_cmpuint (series->late_by_reason->len, ==, 6);
  g = g_ptr_array_index (series->late_by_reason, 0);
  g_assert_cmpstr (g->key, ==, "supplier");
  assert_rate (&g->rate, 1, 1, 1.0);
  g = g_ptr_array_index (series->late_by_reason, 5);
  g_assert_cmpstr (g->key, ==, "");
  assert_rate (&g->rate, 1, 0, 0.0);

  /* by customer: KH001 (O1, O3) and KH002 (O2, O8), one on time each */
  g_assert_cmpuint (series->on_time_by_customer->len, ==, 2);
  g = g_ptr_array_index (series->on_time_by_customer, 0);
  g_assert_cmpstr (g->key, ==, "KH001");
  g_assert_cmpstr (g->label, ==, "深圳市华强电子有限公司");
  assert_rate (&g->rate, 2, 1, 0.5);

  /* by owner: 王丽娟 2 (1 on time), then O8 without an owner, then 张伟 */
  g_assert_cmpuint (series->on_time_by_owner->len, ==, 3);
  g = g_ptr_array_index (series->on_time_by_owner, 0);
  g_assert_cmpstr (g->key, ==, "王丽娟");
  assert_rate (&g->rate, 2, 1, 0.5);
  g = g_ptr_array_index (series->on_time_by_owner, 1);
  g_assert_cmpstr (g->key, ==, "");
  assert_rate (&g->rate, 1, 1, 1.0);
  g = g_ptr_array_index (series->on_time_by_owner, 2);
  g_assert_cmpstr (g->key, ==, "张伟");
  assert_rate (&g->rate, 1, 0, 0.0);

  copy = gdn_kpi_series_copy (series);
  g_assert_cmpuint (copy->months->len, ==, 3);
  g_assert_cmpstr (((GdnKpiGroup *) g_ptr_array_index (copy->on_time_by_owner, 2))->key, ==,
                   "张伟");
}

static void
test_copy (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) kpi = compute (db, "2026-03-01", "2026-03-31");
  g_autoptr(GdnKpi) copy = gdn_kpi_copy (kpi);
  g_autofree char *a = gdn_kpi_to_json_string (kpi, FALSE);
  g_autofree char *b = gdn_kpi_to_json_string (copy, FALSE);

  g_assert_cmpstr (a, ==, b);
  g_assert_true (kpi->carriers != copy->carriers);
  g_assert_true (G_TYPE_IS_BOXED (GDN_TYPE_KPI));
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
test_async (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GdnKpi) sync = compute (db, "2026-03-01", "2026-03-31");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) series_result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(GdnKpi) kpi = NULL;
  g_autoptr(GdnKpiSeries) series = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = gdn_kpi_to_json_string (sync, FALSE);
  g_autofree char *b = NULL;

  gdn_kpi_compute_async (db, "2026-03-01", "2026-03-31", NULL, async_done_cb, &result);
  kpi = gdn_kpi_compute_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  b = gdn_kpi_to_json_string (kpi, FALSE);
  g_assert_cmpstr (a, ==, b);

  gdn_kpi_series_compute_async (db, "2026-02-15", "2026-04-10", NULL, async_done_cb,
                                &series_result);
  series = gdn_kpi_series_compute_finish (wait_for (&series_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->months->len, ==, 3);

  gdn_kpi_compute_async (db, "2026-03-31", "2026-03-01", NULL, async_done_cb, &bad_result);
  g_assert_null (gdn_kpi_compute_finish (wait_for (&bad_result), &error));
  g_assert_error (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_INVALID);
}

static void
test_async_cancelled (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpi) kpi = NULL;

  g_cancellable_cancel (cancellable);
  gdn_kpi_compute_async (db, "2026-03-01", "2026-03-31", cancellable, async_done_cb, &result);
  kpi = gdn_kpi_compute_finish (wait_for (&result), &error);
  g_assert_null (kpi);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* gendan-cli kpi, when the program is built */
static gboolean
run_cli (const char  *db_path,
         const char  *args,
         char       **out,
         char       **err,
         int         *status)
{
  const char *cli = g_getenv ("GENDAN_CLI");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  command = g_strdup_printf ("'%s' kpi --database '%s' %s", cli, db_path, args);
  g_spawn_command_line_sync (command, out, err, status, &error);
  g_assert_no_error (error);
  return TRUE;
}

static void
test_cli (void)
{
  g_autoptr(GdnDatabase) db = open_fixture ();
  const char *path = gdn_database_get_path (db);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *json_out = NULL, *json_err = NULL;
  g_autofree char *bad_out = NULL, *bad_err = NULL;
  g_autofree char *empty_out = NULL, *empty_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!run_cli (path, "--from 2026-03-01 --to 2026-03-31", &out, &err, &status))
    {
      g_test_skip ("gendan-cli is not built");
      return;
    }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "33.3 %"));     /* on-time delivery, one decimal */
  g_assert_nonnull (strstr (out, "66.7 %"));     /* conversion */
  g_assert_nonnull (strstr (out, "顺丰速运"));

  g_assert_true (run_cli (path, "--from 2030-01-01 --to 2030-01-31", &empty_out, &empty_err,
                          &status));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (empty_out, "no data"));
  g_assert_null (strstr (empty_out, "0.0 %"));

  g_assert_true (run_cli (path, "--from 2026-03-01 --to 2026-03-31 --json", &json_out,
                          &json_err, &status));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, json_out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (json_parser_get_root (parser)), "conversion"),
                   "inquiries"), ==, 6);

  g_assert_true (run_cli (path, "--from 2026-02-30 --to 2026-03-31", &bad_out, &bad_err,
                          &status));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (bad_err, "--from"));
}

/* The figures of a period against the rows themselves: the queries below compute each
 * figure from the rows, as gdn-kpi.h defines it, and every figure must come out the same
 * from them as from the per-day totals, after any mix of writes. Counts,
 * rates and means are compared exactly; amounts to 1e-9 of their size, since a sum of
 * money in floating point depends on the order it is added in (rows here, days there). */

static const char * const reference_sql[] = {
  "SELECT count(*), ifnull(sum(promised_date IS NOT NULL AND delivered_date <= promised_date),"
  " 0) FROM orders WHERE delivered_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL",
  "SELECT count(*), avg(overall),"
  " count(accuracy), avg(accuracy), count(responsiveness), avg(responsiveness),"
  " count(resolution), avg(resolution), count(attitude), avg(attitude),"
  " count(quality), avg(quality),"
  " ifnull(sum(overall = 1), 0), ifnull(sum(overall = 2), 0), ifnull(sum(overall = 3), 0),"
  " ifnull(sum(overall = 4), 0), ifnull(sum(overall = 5), 0)"
  " FROM surveys WHERE date BETWEEN ?1 AND ?2 AND deleted_at IS NULL",
  "SELECT count(*), ifnull(sum(confirmed_date IS NOT NULL"
  "  OR status IN ('confirmed', 'in_production', 'qc', 'shipped', 'delivered', 'closed')), 0),"
  " ifnull(sum(confirmed_date IS NOT NULL OR status IN ('quoted', 'confirmed',"
  "  'in_production', 'qc', 'shipped', 'delivered', 'closed')"
  "  OR EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = orders.id"
  "   AND e.to_status = 'quoted')), 0),"
  " ifnull(sum(delivered_date IS NOT NULL OR status IN ('delivered', 'closed')), 0)"
  " FROM orders WHERE created_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL",
  "SELECT type = 'complaint', category, count(*),"
  " sum(first_response_at IS NOT NULL AND first_response_at <= datetime(opened_at, '+1 day')),"
  " sum(status IN ('resolved', 'closed')) FROM cases"
  " WHERE opened_at >= ?1 AND opened_at < ?3 AND deleted_at IS NULL GROUP BY 1, 2",
  "SELECT type, status, count(*), total(amount) FROM orders"
  " WHERE confirmed_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY type, status",
  "SELECT carrier, count(*), sum(delivered_date IS NOT NULL),"
  " sum(delivered_date IS NOT NULL AND eta IS NOT NULL AND delivered_date <= eta),"
  " avg(CASE WHEN delivered_date IS NOT NULL"
  "     THEN julianday(delivered_date) - julianday(shipped_date) END)"
  " FROM shipments WHERE shipped_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL"
  " GROUP BY carrier ORDER BY count(*) DESC, carrier",
};

static int
value_index (const GdnEnumInfo *info,
             const char        *value)
{
  for (int i = 0; value != NULL && info->values[i].value != NULL; i++)
    if (strcmp (info->values[i].value, value) == 0)
      return i;
  return -1;
}

static void
reference_carrier_free (gpointer data)
{
  GdnKpiCarrier *c = data;

  g_free (c->carrier);
  g_free (c);
}

static GdnKpiRate
reference_rate (gint64 total,
                gint64 hits)
{
  GdnKpiRate r = { total, hits, total > 0 ? (double) hits / (double) total : NAN };
  return r;
}

static GdnKpiMean
reference_mean (sqlite3_stmt *stmt,
                int           col)
{
  GdnKpiMean m = { sqlite3_column_int64 (stmt, col), NAN };

  if (m.count > 0)
    m.mean = sqlite3_column_double (stmt, col + 1);
  return m;
}

/* A reference query with its period bound: from, to and (if it has it) the day after */
static sqlite3_stmt *
prepare_period (GdnDatabase *db,
                const char  *sql,
                const char  *from,
                const char  *to,
                const char  *end)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = gdn_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_text (stmt, 3, end, -1, SQLITE_STATIC);
  return stmt;
}

static GdnKpi *
reference_kpi (GdnDatabase *db,
               const char  *from,
               const char  *to)
{
  g_autofree char *end = gdn_date_add_days (to, 1);
  GdnKpi *kpi = g_new0 (GdnKpi, 1);
  int other = value_index (&gdn_enum_complaint_category, "other");

  kpi->from = g_strdup (from);
  kpi->to = g_strdup (to);
  kpi->complaint_mix = g_new0 (gint64, gdn_enum_n_values (&gdn_enum_complaint_category));
  kpi->volume_by_type = g_new0 (GdnKpiVolume, gdn_enum_n_values (&gdn_enum_order_type));
  kpi->volume_by_status = g_new0 (GdnKpiVolume, gdn_enum_n_values (&gdn_enum_order_status));
  kpi->carriers = g_ptr_array_new_with_free_func (reference_carrier_free);

  for (guint q = 0; q < G_N_ELEMENTS (reference_sql); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare_period (db, reference_sql[q], from, to, end);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *text0 = (const char *) sqlite3_column_text (stmt, 0);
          const char *text1 = (const char *) sqlite3_column_text (stmt, 1);

          switch (q)
            {
            case 0:
              kpi->on_time_delivery = reference_rate (sqlite3_column_int64 (stmt, 0),
                                                      sqlite3_column_int64 (stmt, 1));
              break;
            case 1:
              kpi->satisfaction = reference_mean (stmt, 0);
              for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
                kpi->dimensions[d] = reference_mean (stmt, 2 + 2 * d);
              for (int s = 0; s < 5; s++)
                kpi->scores[s] = sqlite3_column_int64 (stmt, 12 + s);
              break;
            case 2:
              kpi->conversion = reference_rate (sqlite3_column_int64 (stmt, 0),
                                                sqlite3_column_int64 (stmt, 1));
              kpi->quoted = sqlite3_column_int64 (stmt, 2);
              kpi->delivered = sqlite3_column_int64 (stmt, 3);
              break;
            case 3:
              {
                gint64 opened = sqlite3_column_int64 (stmt, 2);
                int i = value_index (&gdn_enum_complaint_category, text1);

                kpi->response_24h.total += opened;
                kpi->response_24h.hits += sqlite3_column_int64 (stmt, 3);
                kpi->closure.total += opened;
                kpi->closure.hits += sqlite3_column_int64 (stmt, 4);
                if (sqlite3_column_int (stmt, 0))
                  kpi->complaint_mix[i >= 0 ? i : other] += opened;
              }
              break;
            case 4:
              {
                gint64 count = sqlite3_column_int64 (stmt, 2);
                double amount = sqlite3_column_double (stmt, 3);
                int t = value_index (&gdn_enum_order_type, text0);
                int s = value_index (&gdn_enum_order_status, text1);

                kpi->order_volume.count += count;
                kpi->order_volume.amount += amount;
                if (t >= 0)
                  {
                    kpi->volume_by_type[t].count += count;
                    kpi->volume_by_type[t].amount += amount;
                  }
                if (s >= 0)
                  {
                    kpi->volume_by_status[s].count += count;
                    kpi->volume_by_status[s].amount += amount;
                  }
              }
              break;
            case 5:
              {
                GdnKpiCarrier *c = g_new0 (GdnKpiCarrier, 1);
                gint64 delivered = sqlite3_column_int64 (stmt, 2);

                c->carrier = g_strdup (text0);
                c->shipments = sqlite3_column_int64 (stmt, 1);
                c->on_time = reference_rate (delivered, sqlite3_column_int64 (stmt, 3));
                c->mean_transit_days = delivered > 0 ? sqlite3_column_double (stmt, 4) : NAN;
                g_ptr_array_add (kpi->carriers, c);
              }
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }
  kpi->response_24h = reference_rate (kpi->response_24h.total, kpi->response_24h.hits);
  kpi->closure = reference_rate (kpi->closure.total, kpi->closure.hits);
  return kpi;
}

/* the same number, or both no data */
#define assert_same_double(a, b, what)                                              \
  G_STMT_START {                                                                    \
    double a_ = (a), b_ = (b);                                                      \
    if (!(isnan (a_) && isnan (b_)) && a_ != b_)                                    \
      g_error ("%s %s: %.17g, per row %.17g", period, (what), a_, b_);              \
  } G_STMT_END

#define assert_same_int(a, b, what)                                                 \
  G_STMT_START {                                                                    \
    gint64 a_ = (a), b_ = (b);                                                      \
    if (a_ != b_)                                                                   \
      g_error ("%s %s: %" G_GINT64_FORMAT ", per row %" G_GINT64_FORMAT,            \
               period, (what), a_, b_);                                             \
  } G_STMT_END

#define assert_same_rate(a, b, what)                                                \
  G_STMT_START {                                                                    \
    assert_same_int ((a).total, (b).total, what " total");                          \
    assert_same_int ((a).hits, (b).hits, what " hits");                             \
    assert_same_double ((a).rate, (b).rate, what " rate");                          \
  } G_STMT_END

#define assert_same_amount(a, b, what)                                              \
  G_STMT_START {                                                                    \
    double a_ = (a), b_ = (b);                                                      \
    if (fabs (a_ - b_) > 1e-9 * MAX (1.0, fabs (b_)))                               \
      g_error ("%s %s: %.17g, per row %.17g", period, (what), a_, b_);              \
  } G_STMT_END

static void
assert_same_kpi (GdnDatabase *db,
                 const char  *from,
                 const char  *to)
{
  g_autoptr(GdnKpi) kpi = compute (db, from, to);
  g_autoptr(GdnKpi) ref = reference_kpi (db, from, to);
  g_autofree char *period = g_strdup_printf ("%s … %s:", from, to);

  assert_same_rate (kpi->on_time_delivery, ref->on_time_delivery, "on time");
  assert_same_int (kpi->satisfaction.count, ref->satisfaction.count, "surveys");
  assert_same_double (kpi->satisfaction.mean, ref->satisfaction.mean, "satisfaction");
  for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
    {
      assert_same_int (kpi->dimensions[d].count, ref->dimensions[d].count,
                       gdn_kpi_dimension_name (d));
      assert_same_double (kpi->dimensions[d].mean, ref->dimensions[d].mean,
                          gdn_kpi_dimension_name (d));
    }
  for (int s = 0; s < 5; s++)
    assert_same_int (kpi->scores[s], ref->scores[s], "score");
  assert_same_rate (kpi->conversion, ref->conversion, "conversion");
  assert_same_int (kpi->quoted, ref->quoted, "quoted");
  assert_same_int (kpi->delivered, ref->delivered, "delivered");
  assert_same_rate (kpi->response_24h, ref->response_24h, "24-hour response");
  assert_same_rate (kpi->closure, ref->closure, "closure");
  for (guint i = 0; i < gdn_enum_n_values (&gdn_enum_complaint_category); i++)
    assert_same_int (kpi->complaint_mix[i], ref->complaint_mix[i],
                     gdn_enum_complaint_category.values[i].value);
  assert_same_int (kpi->order_volume.count, ref->order_volume.count, "volume");
  assert_same_amount (kpi->order_volume.amount, ref->order_volume.amount, "amount");
  for (guint i = 0; i < gdn_enum_n_values (&gdn_enum_order_type); i++)
    {
      assert_same_int (kpi->volume_by_type[i].count, ref->volume_by_type[i].count,
                       gdn_enum_order_type.values[i].value);
      assert_same_amount (kpi->volume_by_type[i].amount, ref->volume_by_type[i].amount,
                          gdn_enum_order_type.values[i].value);
    }
  for (guint i = 0; i < gdn_enum_n_values (&gdn_enum_order_status); i++)
    {
      assert_same_int (kpi->volume_by_status[i].count, ref->volume_by_status[i].count,
                       gdn_enum_order_status.values[i].value);
      assert_same_amount (kpi->volume_by_status[i].amount, ref->volume_by_status[i].amount,
                          gdn_enum_order_status.values[i].value);
    }
  assert_same_int (kpi->carriers->len, ref->carriers->len, "carriers");
  for (guint i = 0; i < ref->carriers->len; i++)
    {
      GdnKpiCarrier *a = kpi->carriers->pdata[i];
      GdnKpiCarrier *b = ref->carriers->pdata[i];

      if (g_strcmp0 (a->carrier, b->carrier) != 0)
        g_error ("%s carrier %u: %s, per row %s", period, i, a->carrier, b->carrier);
      assert_same_int (a->shipments, b->shipments, "shipments");
      assert_same_rate (a->on_time, b->on_time, "carrier on time");
      assert_same_double (a->mean_transit_days, b->mean_transit_days, "transit");
    }
}

/* The monthly series as it was read from the rows, before it summed the days: per month,
 * the rows of each figure; by customer, the orders joined to their customer first */
static const char * const reference_series_sql[] = {
  "SELECT substr(delivered_date, 1, 7), count(*),"
  " ifnull(sum(promised_date IS NOT NULL AND delivered_date <= promised_date), 0) FROM orders"
  " WHERE delivered_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY 1",
  "SELECT substr(date, 1, 7), count(*), avg(overall) FROM surveys"
  " WHERE date BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY 1",
  "SELECT substr(opened_at, 1, 7), count(*),"
  " sum(first_response_at IS NOT NULL AND first_response_at <= datetime(opened_at, '+1 day')),"
  " sum(status IN ('resolved', 'closed')) FROM cases"
  " WHERE opened_at >= ?1 AND opened_at < ?3 AND deleted_at IS NULL GROUP BY 1",
  "SELECT substr(created_date, 1, 7), count(*), ifnull(sum(confirmed_date IS NOT NULL"
  "  OR status IN ('confirmed', 'in_production', 'qc', 'shipped', 'delivered', 'closed')), 0)"
  " FROM orders WHERE created_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY 1",
  "SELECT substr(confirmed_date, 1, 7), count(*), total(amount) FROM orders"
  " WHERE confirmed_date BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY 1",
  "SELECT c.code, c.name, count(*),"
  " ifnull(sum(promised_date IS NOT NULL AND delivered_date <= promised_date), 0)"
  " FROM orders o JOIN customers c ON c.id = o.customer_id"
  " WHERE o.delivered_date BETWEEN ?1 AND ?2 AND o.deleted_at IS NULL"
  " GROUP BY o.customer_id ORDER BY 3 DESC, c.code"
  " LIMIT " G_STRINGIFY (GDN_KPI_SERIES_MAX_CUSTOMERS),
};

static void
assert_same_series (GdnDatabase *db,
                    const char  *from,
                    const char  *to)
{
  g_autofree char *end = gdn_date_add_days (to, 1);
  g_autofree char *period = g_strdup_printf ("%s … %s (series):", from, to);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpiSeries) series = gdn_kpi_series_compute (db, from, to, &error);
  guint n_customers = 0;

  g_assert_no_error (error);
  for (guint q = 0; q < G_N_ELEMENTS (reference_series_sql); q++)
    {
      g_autoptr(sqlite3_stmt) stmt = prepare_period (db, reference_series_sql[q], from, to,
                                                     end);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *key = (const char *) sqlite3_column_text (stmt, 0);
          gint64 count = sqlite3_column_int64 (stmt, 1);
          GdnKpiMonth *m = NULL;

          for (guint i = 0; q < 5 && i < series->months->len; i++)
            if (strncmp (g_array_index (series->months, GdnKpiMonth, i).month, key, 7) == 0)
              m = &g_array_index (series->months, GdnKpiMonth, i);
          if (q < 5 && m == NULL)
            g_error ("%s no month %s", period, key);

          switch (q)
            {
            case 0:
              assert_same_rate (m->on_time_delivery,
                                reference_rate (count, sqlite3_column_int64 (stmt, 2)),
                                "on time");
              break;
            case 1:
              assert_same_int (m->satisfaction.count, count, "surveys");
              assert_same_double (m->satisfaction.mean, sqlite3_column_double (stmt, 2),
                                  "satisfaction");
              break;
            case 2:
              assert_same_rate (m->response_24h,
                                reference_rate (count, sqlite3_column_int64 (stmt, 2)),
                                "24-hour response");
              assert_same_rate (m->closure, reference_rate (count, sqlite3_column_int64 (stmt, 3)),
                                "closure");
              break;
            case 3:
              assert_same_rate (m->conversion,
                                reference_rate (count, sqlite3_column_int64 (stmt, 2)),
                                "conversion");
              break;
            case 4:
              assert_same_int (m->order_volume.count, count, "volume");
              assert_same_amount (m->order_volume.amount, sqlite3_column_double (stmt, 2),
                                  "amount");
              break;
            default:
              {
                GdnKpiGroup *g;

                g_assert_cmpuint (n_customers, <, series->on_time_by_customer->len);
                g = g_ptr_array_index (series->on_time_by_customer, n_customers++);
                g_assert_cmpstr (g->key, ==, key);
                g_assert_cmpstr (g->label, ==, (const char *) sqlite3_column_text (stmt, 1));
                assert_same_rate (g->rate, reference_rate (sqlite3_column_int64 (stmt, 2),
                                                           sqlite3_column_int64 (stmt, 3)),
                                  "by customer");
              }
              break;
            }
        }
    }
  g_assert_cmpuint (n_customers, ==, series->on_time_by_customer->len);
}

/* a year, a month, 17 days over a month's end, one day, nothing, and all time */
static const char * const periods[][2] = {
  { "2025-07-01", "2026-06-30" },
  { "2026-02-01", "2026-02-28" },
  { "2026-01-25", "2026-02-10" },
  { "2026-03-31", "2026-03-31" },
  { "2030-01-01", "2030-12-31" },
  { "1900-01-01", "2099-12-31" },
};

static void
assert_same_periods (GdnDatabase *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      assert_same_kpi (db, periods[i][0], periods[i][1]);
      assert_same_series (db, periods[i][0], periods[i][1]);
    }
}

static char *
random_date (GRand *rand)
{
  g_autofree char *base = g_strdup ("2025-06-15");

  return gdn_date_add_days (base, g_rand_int_range (rand, 0, 420));
}

static const char *
random_value (GRand             *rand,
              const GdnEnumInfo *info)
{
  return info->values[g_rand_int_range (rand, 0, gdn_enum_n_values (info))].value;
}

/* A random row of @table (in the trash or not) matching @where, 0 when there is none. */
static gint64
random_id_where (GdnDatabase *db,
                 GRand       *rand,
                 const char  *table,
                 const char  *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE %s ORDER BY id LIMIT 1"
                                          " OFFSET abs(%u) %% max(1, (SELECT count(*) FROM %s"
                                          " WHERE %s))",
                                          table, where, g_rand_int (rand) >> 1, table, where);

  return gdn_database_query_int (db, sql, NULL);
}

static gint64
random_id (GdnDatabase *db,
           GRand       *rand,
           const char  *table)
{
  return random_id_where (db, rand, table, "1");
}

/* a store call that must succeed, with the GError *error of the caller */
#define store_ok(call)                   \
  G_STMT_START {                         \
    gboolean ok_ = (call);               \
    g_assert_no_error (error);           \
    g_assert_true (ok_);                 \
  } G_STMT_END

static guint n_workflow_writes;

/* Writes through the store, as the app does: new rows, edits of the dates and values the
 * figures read, the trash and back, lines that change an order's amount. */
static void
random_store_write (GdnStore *store,
                    GRand    *rand,
                    gint64    customer_id,
                    gboolean  only_new)
{
  static const int new_rows[] = { 0, 0, 0, 1, 3, 5, 7 };
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) r = NULL;
  g_autofree char *d1 = random_date (rand);
  g_autofree char *d2 = gdn_date_add_days (d1, g_rand_int_range (rand, 0, 20));
  g_autofree char *d3 = gdn_date_add_days (d2, g_rand_int_range (rand, 0, 20));
  g_autofree char *t1 = g_strdup_printf ("%s %02d:%02d:%02d", d1, g_rand_int_range (rand, 0, 24),
                                         g_rand_int_range (rand, 0, 60),
                                         g_rand_int_range (rand, 0, 60));
  g_autofree char *next = gdn_date_add_days (d1, 1);
  /* answered the same day, exactly 24 hours later, or later than that */
  g_autofree char *t2 = g_rand_boolean (rand) ? g_strdup_printf ("%s 23:59:59", d1)
                        : g_rand_boolean (rand) ? g_strdup_printf ("%s%s", next, t1 + 10)
                        : g_strdup_printf ("%s 23:59:59", next);
  gint64 id;

  switch (only_new ? new_rows[g_rand_int_range (rand, 0, G_N_ELEMENTS (new_rows))]
                   : g_rand_int_range (rand, 0, 13))
    {
    case 0:   /* a new order */
      {
        g_autofree char *no = g_strdup_printf ("XS%u", g_rand_int (rand));

        r = gdn_record_new (GDN_TYPE_ORDER);
        gdn_record_set_string (r, "order_no", no);
        gdn_record_set_int (r, "customer_id", customer_id);
        gdn_record_set_string (r, "type", random_value (rand, &gdn_enum_order_type));
        gdn_record_set_string (r, "status", random_value (rand, &gdn_enum_order_status));
        gdn_record_set_string (r, "created_date", d1);
        if (g_rand_boolean (rand))
          gdn_record_set_string (r, "confirmed_date", d2);
        if (g_rand_boolean (rand))
          gdn_record_set_string (r, "promised_date", d3);
        if (g_rand_boolean (rand))
          gdn_record_set_string (r, "delivered_date", g_rand_boolean (rand) ? d2 : d3);
        store_ok (gdn_store_insert (store, r, &error));
      }
      break;
    case 1:   /* new lines: the order's amount, through the order workflow */
      if ((id = random_id (db, rand, "orders")) == 0)
        break;
      {
        g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);

        r = gdn_store_get (store, GDN_TYPE_ORDER, id, &error);
        g_assert_no_error (error);
        for (int i = g_rand_int_range (rand, 0, 3); i >= 0; i--)
          {
            GdnRecord *line = gdn_record_new (GDN_TYPE_ORDER_LINE);

            gdn_record_set_int (line, "order_id", id);
            gdn_record_set_string (line, "product_code", "DZ-0101");
            gdn_record_set_double (line, "quantity", g_rand_int_range (rand, 1, 50));
            gdn_record_set_double (line, "unit_price",
                                   g_rand_int_range (rand, 0, 100000) / 100.0);
            g_ptr_array_add (lines, line);
          }
        if (gdn_workflow_save_order (store, GDN_ORDER (r), lines, &error))
          n_workflow_writes++;
        g_clear_error (&error);   /* an order in the trash is read-only */
      }
      break;
    case 2:   /* an order's dates and status */
      if ((id = random_id (db, rand, "orders")) == 0)
        break;
      r = gdn_store_get (store, GDN_TYPE_ORDER, id, &error);
      g_assert_no_error (error);
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          /* a new promise, and nothing else */
          gdn_record_set_string (r, "promised_date", g_rand_boolean (rand) ? d3 : NULL);
          store_ok (gdn_store_update (store, r, &error));
          break;
        }
      gdn_record_set_string (r, "status", random_value (rand, &gdn_enum_order_status));
      gdn_record_set_string (r, "type", random_value (rand, &gdn_enum_order_type));
      gdn_record_set_string (r, "confirmed_date", g_rand_boolean (rand) ? d2 : NULL);
      gdn_record_set_string (r, "promised_date", g_rand_boolean (rand) ? d3 : NULL);
      gdn_record_set_string (r, "delivered_date", g_rand_boolean (rand) ? d3 : NULL);
      if (g_rand_int_range (rand, 0, 4) == 0)
        gdn_record_set_string (r, "created_date", d1);
      store_ok (gdn_store_update (store, r, &error));
      break;
    case 3:   /* a new case */
      {
        g_autofree char *no = g_strdup_printf ("GD%u", g_rand_int (rand));

        r = gdn_record_new (GDN_TYPE_CASE);
        gdn_record_set_string (r, "case_no", no);
        gdn_record_set_int (r, "customer_id", customer_id);
        gdn_record_set_string (r, "type", g_rand_boolean (rand) ? "complaint"
                                          : random_value (rand, &gdn_enum_case_type));
        if (g_rand_int_range (rand, 0, 4) > 0)
          gdn_record_set_string (r, "category",
                                 random_value (rand, &gdn_enum_complaint_category));
        gdn_record_set_string (r, "priority", random_value (rand, &gdn_enum_case_priority));
        gdn_record_set_string (r, "status", random_value (rand, &gdn_enum_case_status));
        gdn_record_set_string (r, "opened_at", t1);
        if (g_rand_boolean (rand))
          gdn_record_set_string (r, "first_response_at", t2);
        store_ok (gdn_store_insert (store, r, &error));
      }
      break;
    case 4:   /* a case answered, resolved, recategorized */
      if ((id = random_id (db, rand, "cases")) == 0)
        break;
      r = gdn_store_get (store, GDN_TYPE_CASE, id, &error);
      g_assert_no_error (error);
      gdn_record_set_string (r, "status", random_value (rand, &gdn_enum_case_status));
      gdn_record_set_string (r, "category", g_rand_boolean (rand)
                             ? random_value (rand, &gdn_enum_complaint_category) : NULL);
      /* never before it was opened (as the store checks): the same day's end, exactly 24
       * hours later, the next day's end, or no answer yet */
      {
        const char *opened = gdn_record_get_string (r, "opened_at");
        g_autofree char *day = g_strndup (opened, 10);
        g_autofree char *after = gdn_date_add_days (day, 1);
        g_autofree char *answer = NULL;

        switch (g_rand_int_range (rand, 0, 4))
          {
          case 0:
            answer = g_strdup_printf ("%s 23:59:59", day);
            break;
          case 1:
            answer = g_strdup_printf ("%s%s", after, opened + 10);
            break;
          case 2:
            answer = g_strdup_printf ("%s 23:59:59", after);
            break;
          default:
            break;
          }
        gdn_record_set_string (r, "first_response_at", answer);
      }
      store_ok (gdn_store_update (store, r, &error));
      break;
    case 5:   /* a new shipment */
      if ((id = random_id (db, rand, "orders")) == 0)
        break;
      r = gdn_record_new (GDN_TYPE_SHIPMENT);
      gdn_record_set_int (r, "order_id", id);
      gdn_record_set_string (r, "carrier", g_rand_boolean (rand) ? "顺丰速运"
                                           : g_rand_boolean (rand) ? "德邦物流" : "中通快递");
      gdn_record_set_string (r, "status", random_value (rand, &gdn_enum_shipment_status));
      gdn_record_set_string (r, "shipped_date", d1);
      if (g_rand_boolean (rand))
        gdn_record_set_string (r, "eta", d2);
      if (g_rand_boolean (rand))
        gdn_record_set_string (r, "delivered_date", g_rand_boolean (rand) ? d2 : d3);
      store_ok (gdn_store_insert (store, r, &error));
      break;
    case 6:   /* a shipment delivered, or its ETA moved */
      if ((id = random_id (db, rand, "shipments")) == 0)
        break;
      r = gdn_store_get (store, GDN_TYPE_SHIPMENT, id, &error);
      g_assert_no_error (error);
      if (gdn_record_get_string (r, "shipped_date") != NULL)
        {
          g_autofree char *eta = gdn_date_add_days (gdn_record_get_string (r, "shipped_date"),
                                                    g_rand_int_range (rand, 0, 10));
          g_autofree char *arrived = gdn_date_add_days (gdn_record_get_string (r,
                                                                               "shipped_date"),
                                                        g_rand_int_range (rand, 0, 10));

          gdn_record_set_string (r, "eta", g_rand_boolean (rand) ? eta : NULL);
          if (g_rand_boolean (rand))   /* or only the ETA moved */
            gdn_record_set_string (r, "delivered_date", g_rand_boolean (rand) ? arrived : NULL);
        }
      store_ok (gdn_store_update (store, r, &error));
      break;
    case 7:   /* a new survey */
      r = gdn_record_new (GDN_TYPE_SURVEY);
      gdn_record_set_int (r, "customer_id", customer_id);
      gdn_record_set_string (r, "date", d1);
      gdn_record_set_int (r, "overall", g_rand_int_range (rand, 1, 6));
      for (int d = 0; d < GDN_KPI_N_DIMENSIONS; d++)
        if (g_rand_boolean (rand))
          gdn_record_set_int (r, gdn_kpi_dimension_name (d), g_rand_int_range (rand, 1, 6));
      store_ok (gdn_store_insert (store, r, &error));
      break;
    case 8:   /* a survey rescored */
      if ((id = random_id (db, rand, "surveys")) == 0)
        break;
      r = gdn_store_get (store, GDN_TYPE_SURVEY, id, &error);
      g_assert_no_error (error);
      gdn_record_set_int (r, "overall", g_rand_int_range (rand, 1, 6));
      gdn_record_set_int (r, gdn_kpi_dimension_name (g_rand_int_range (rand, 0, 5)),
                          g_rand_int_range (rand, 1, 6));
      if (g_rand_int_range (rand, 0, 3) == 0)
        gdn_record_set_string (r, "date", d1);
      store_ok (gdn_store_update (store, r, &error));
      break;
    case 9:   /* the next status, through the order workflow (with its event) */
      if ((id = random_id (db, rand, "orders")) == 0)
        break;
      r = gdn_store_get (store, GDN_TYPE_ORDER, id, &error);
      g_assert_no_error (error);
      {
        const char * const *to =
          gdn_order_workflow_next_statuses (gdn_record_get_string (r, "status"));
        guint n_to = g_strv_length ((char **) to);

        if (n_to == 0)
          break;
        if (gdn_workflow_change_order_status (store, GDN_ORDER (r),
                                              to[g_rand_int_range (rand, 0, n_to)], NULL,
                                              &error))
          n_workflow_writes++;
        g_clear_error (&error);   /* what the workflow refuses changes nothing */
      }
      break;
    default:  /* into the trash, or back */
      {
        static const struct { const char *table; GType (*type) (void); } kinds[] = {
          { "orders", gdn_order_get_type }, { "cases", gdn_case_get_type },
          { "shipments", gdn_shipment_get_type }, { "surveys", gdn_survey_get_type },
        };
        guint k = g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds));

        if ((id = random_id (db, rand, kinds[k].table)) == 0)
          break;
        r = gdn_store_get (store, kinds[k].type (), id, &error);
        g_assert_no_error (error);
        if (gdn_record_get_deleted_at (r) == NULL)
          store_ok (gdn_store_delete (store, r, &error));
        else if (k > 0 && g_rand_int_range (rand, 0, 3) == 0)
          store_ok (gdn_store_purge (store, r, &error));   /* for good */
        else
          store_ok (gdn_store_restore (store, r, &error));
      }
      break;
    }
}

/* Writes behind the store's back: raw SQL, as an import or a repair would, including what
 * the store never does (quotes recorded in events, rows removed for good). */
static void
random_sql_write (GdnDatabase *db,
                  GRand       *rand)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *d1 = random_date (rand);
  g_autofree char *d2 = gdn_date_add_days (d1, g_rand_int_range (rand, 0, 20));
  g_autofree char *sql = NULL;
  gint64 order = random_id (db, rand, "orders");

  switch (g_rand_int_range (rand, 0, 12))
    {
    case 0:   /* mostly to orders whose status does not show a quote */
      if (g_rand_int_range (rand, 0, 3) > 0)
        order = random_id_where (db, rand, "orders", "confirmed_date IS NULL"
                                 " AND status IN ('inquiry', 'lost', 'cancelled')");
      /* after another event or not, which is no quote */
      sql = g_strdup_printf ("INSERT INTO order_events (order_id, at, to_status)"
                             " VALUES (%" G_GINT64_FORMAT ", '%s', '%s');"
                             "INSERT INTO order_events (order_id, at, to_status)"
                             " VALUES (%" G_GINT64_FORMAT ", '%s', 'quoted')",
                             order, d1, g_rand_boolean (rand) ? "lost" : "inquiry",
                             order, d2);
      if (g_rand_boolean (rand))
        sql[strcspn (sql, ";")] = '\0';   /* only the first */
      break;
    case 1:
      sql = g_strdup_printf ("DELETE FROM order_events WHERE id = %" G_GINT64_FORMAT,
                             random_id (db, rand, "order_events"));
      break;
    case 2:
      sql = g_strdup_printf ("UPDATE order_events SET to_status = '%s', order_id = %"
                             G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                             g_rand_boolean (rand) ? "quoted" : "lost", order,
                             random_id (db, rand, "order_events"));
      break;
    case 3:   /* status, amount and dates at once, to values the store would not write */
      sql = g_strdup_printf ("UPDATE orders SET status = '%s', amount = %d.%02d,"
                             " confirmed_date = %s, delivered_date = %s, promised_date = %s"
                             " WHERE id = %" G_GINT64_FORMAT,
                             g_rand_boolean (rand) ? "lost"
                             : g_rand_boolean (rand) ? "inquiry" : "cancelled",
                             g_rand_int_range (rand, 0, 100000), g_rand_int_range (rand, 0, 100),
                             g_rand_boolean (rand) ? "NULL" : "'2026-02-28'",
                             g_rand_boolean (rand) ? "NULL" : "'2026-03-01'",
                             g_rand_boolean (rand) ? "NULL" : "'2026-02-28'", order);
      break;
    case 4:   /* for good: its events and lines go with it */
      sql = g_strdup_printf ("DELETE FROM orders WHERE id = %" G_GINT64_FORMAT
                             " AND NOT EXISTS (SELECT 1 FROM shipments WHERE order_id = orders.id)",
                             order);
      break;
    case 5:
      sql = g_strdup_printf ("UPDATE orders SET deleted_at = CASE WHEN deleted_at IS NULL"
                             " THEN datetime('now') END WHERE id = %" G_GINT64_FORMAT, order);
      break;
    case 6:   /* a time on a day's last second, a date moved */
      sql = g_strdup_printf ("UPDATE cases SET opened_at = '%s 23:59:59', type = '%s',"
                             " category = %s WHERE id = %" G_GINT64_FORMAT, d1,
                             g_rand_boolean (rand) ? "complaint" : "repair",
                             g_rand_boolean (rand) ? "NULL" : "''",
                             random_id (db, rand, "cases"));
      break;
    case 7:
      sql = g_strdup_printf ("DELETE FROM cases WHERE id = %" G_GINT64_FORMAT,
                             random_id (db, rand, "cases"));
      break;
    case 8:
      /* (never delivered before it was shipped, which the store would refuse later) */
      sql = g_strdup_printf ("UPDATE shipments SET shipped_date = %s, carrier = '%s',"
                             " delivered_date = CASE WHEN '%s' >= '2026-02-10' THEN '%s' END"
                             " WHERE id = %" G_GINT64_FORMAT,
                             g_rand_int_range (rand, 0, 4) == 0 ? "NULL" : "'2026-02-10'",
                             g_rand_boolean (rand) ? "中铁快运" : "顺丰速运", d2, d2,
                             random_id (db, rand, "shipments"));
      break;
    case 9:
      sql = g_strdup_printf ("DELETE FROM shipments WHERE id = %" G_GINT64_FORMAT,
                             random_id (db, rand, "shipments"));
      break;
    case 10:
      sql = g_strdup_printf ("UPDATE surveys SET accuracy = NULL, quality = %d, date = '%s',"
                             " deleted_at = CASE WHEN deleted_at IS NULL AND %d"
                             " THEN datetime('now') END WHERE id = %" G_GINT64_FORMAT,
                             g_rand_int_range (rand, 1, 6), d2, g_rand_boolean (rand),
                             random_id (db, rand, "surveys"));
      break;
    default:
      sql = g_strdup_printf ("DELETE FROM surveys WHERE id = %" G_GINT64_FORMAT,
                             random_id (db, rand, "surveys"));
      break;
    }
  gdn_database_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
test_days_random_writes (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260623);
  g_autoptr(GdnRecord) customer = gdn_record_new (GDN_TYPE_CUSTOMER);
  g_autoptr(GError) error = NULL;
  gint64 n_quoted_by_event = 0;

  gdn_record_set_string (customer, "code", "KH001");
  gdn_record_set_string (customer, "name", "深圳市华强电子有限公司");
  store_ok (gdn_store_insert (store, customer, &error));

  for (int i = 0; i < 600; i++)
    random_store_write (store, rand, gdn_record_get_id (customer), TRUE);
  assert_same_periods (db);

  for (int round = 0; round < 12; round++)
    {
      for (int i = 0; i < 80; i++)
        {
          if (g_rand_int_range (rand, 0, 3) == 0)
            random_sql_write (db, rand);
          else
            random_store_write (store, rand, gdn_record_get_id (customer), FALSE);
        }
      assert_same_periods (db);
      n_quoted_by_event +=
        gdn_database_query_int (db, "SELECT count(*) FROM orders o WHERE confirmed_date IS NULL"
                                    " AND status IN ('inquiry', 'lost', 'cancelled')"
                                    " AND EXISTS (SELECT 1 FROM order_events e"
                                    " WHERE e.order_id = o.id AND e.to_status = 'quoted')",
                                NULL);
    }

  /* the rows were all there and all kinds of them were written */
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM orders", NULL), >, 100);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM cases", NULL), >, 50);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM shipments", NULL), >, 50);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM surveys", NULL), >, 50);
  g_assert_cmpint (n_quoted_by_event, >, 0);
  g_assert_cmpuint (n_workflow_writes, >, 50);

  /* and once everything is gone, every day is back to nothing */
  gdn_database_exec (db, "DELETE FROM shipments; DELETE FROM cases; DELETE FROM surveys;"
                         "DELETE FROM orders", &error);
  g_assert_no_error (error);
  assert_same_periods (db);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM kpi_created_days"
                                               " WHERE orders <> 0 OR converted <> 0"
                                               " OR quoted <> 0 OR delivered <> 0", NULL), ==, 0);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM kpi_confirmed_days"
                                               " WHERE orders <> 0 OR amount <> 0", NULL), ==, 0);
}

/* The step that brings the per-day totals fills them from the rows already there. */
static void
test_days_migration (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GdnDatabase) old = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  old = gdn_database_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  gdn_database_exec (old, fixture, &error);
  g_assert_no_error (error);
  gdn_database_exec (old, "INSERT INTO order_events (order_id, at, to_status)"
                          " VALUES (4, '2026-03-11', 'quoted')", &error);
  g_assert_no_error (error);
  g_clear_object (&old);

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (db), ==, GDN_SCHEMA_VERSION);
  assert_same_periods (db);
  assert_same_kpi (db, "2026-03-01", "2026-03-31");
  {
    g_autoptr(GdnKpi) march = compute (db, "2026-03-01", "2026-03-31");

    g_assert_cmpint (march->quoted, ==, 6);   /* the lost O4 was quoted after all */
    g_assert_cmpint (march->order_volume.count, ==, 3);
  }
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/kpi/fixture/figures", test_fixture_figures);
  g_test_add_func ("/kpi/empty-period/no-data", test_empty_period);
  g_test_add_func ("/kpi/trash/ignored", test_trash_ignored);
  g_test_add_func ("/kpi/period/boundaries-inclusive", test_boundaries_inclusive);
  g_test_add_func ("/kpi/period/invalid", test_invalid_period);
  g_test_add_func ("/kpi/json/shape", test_json_shape);
  g_test_add_func ("/kpi/series/monthly", test_series);
  g_test_add_func ("/kpi/copy", test_copy);
  g_test_add_func ("/kpi/async/same-as-sync", test_async);
  g_test_add_func ("/kpi/async/cancelled", test_async_cancelled);
  g_test_add_func ("/kpi/cli/table-and-json", test_cli);
  g_test_add_func ("/kpi/days/random-writes", test_days_random_writes);
  g_test_add_func ("/kpi/days/migration", test_days_migration);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard-ui"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "gdn-chart-view.h"
#include "gdn-dashboard-view.h"
#include "gdn-demo.h"
#include "gdn-enums.h"
#include "gdn-kpi.h"
#include "gdn-order.h"
#include "gdn-record-list.h"
#include "gdn-section-view.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"

/* The Dashboard section in the real app, in a real window (under Xvfb), on demo data: its
 * tiles and charts carry exactly the figures of gdn_kpi_compute() for the period chosen,
 * in their accessible descriptions; another period recomputes; a click on a bar or slice
 * opens the list of the records behind it; a chart exports as PNG, SVG and PDF. */

#define ANCHOR "2026-06-30"
#define FROM "2026-04-01"
#define TO "2026-06-30"

static char *
make_demo_database (void)
{
  char *path = gdn_test_tmp_path ("demo.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (gdn_demo_generate (db, 7, 600, ANCHOR, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
choose_custom_period (const char *from,
                      const char *to)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "dashboard-period", "custom");
  g_settings_set_string (settings, "dashboard-from", from);
  g_settings_set_string (settings, "dashboard-to", to);
}

static gboolean
is_idle (gpointer data)
{
  return !gdn_dashboard_view_is_busy (data);
}

static GdnDashboardView *
show_dashboard (GtkWindow *window)
{
  GtkWidget *view;

  gdn_window_set_section (GDN_WINDOW (window), "dashboard");
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "dashboard");
  view = gdn_ui_test_get_widget_of_type (GTK_WIDGET (window), GDN_TYPE_DASHBOARD_VIEW);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, view);
  gdn_ui_test_wait_for (is_idle, view);
  gdn_ui_test_settle ();
  return GDN_DASHBOARD_VIEW (view);
}

static GdnDatabase *
window_database (GtkWindow *window)
{
  return gdn_store_get_database (gdn_window_get_store (GDN_WINDOW (window)));
}

static const char *
description (GdnDashboardView *view,
             const char       *name)
{
  GdnChartView *chart = gdn_dashboard_view_get_chart (view, name);
  const char *text;

  g_assert_nonnull (chart);
  text = gdn_chart_view_get_description (chart);
  g_assert_nonnull (text);
  /* what screen readers (and the end-to-end tests) read */
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);
  return text;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” is not in “%s”", needle, haystack);
}

static void
assert_tile (GdnDashboardView *view,
             const char       *name,
             const char       *title,
             double            value,
             double            previous,
             GdnChartFormat    format)
{
  GdnChartTile tile = { title, value, previous, TRUE, format, NULL, 0 };
  g_autofree char *expected = gdn_chart_describe_tile (&tile);

  g_assert_cmpstr (description (view, name), ==, expected);
}

/* The same figures as the KPI computation (and so `gendan-cli kpi`) for [from, to] */
static void
assert_figures (GdnDashboardView *view,
                GdnDatabase      *db,
                const char       *from,
                const char       *to)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpi) kpi = gdn_kpi_compute (db, from, to, &error);
  g_autoptr(GdnKpi) prev = NULL;
  g_autoptr(GdnKpiSeries) series = NULL;
  g_autofree char *got_from = NULL, *got_to = NULL;
  GDate f, t, pf, pt;
  g_autofree char *pfs = NULL, *pts = NULL;
  const char *text;
  guint i = 0;

  g_assert_no_error (error);
  g_assert_true (gdn_dashboard_view_get_range (view, &got_from, &got_to));
  g_assert_cmpstr (got_from, ==, from);
  g_assert_cmpstr (got_to, ==, to);

  g_assert_true (gdn_dashboard_parse_date (from, &f));
  g_assert_true (gdn_dashboard_parse_date (to, &t));
  gdn_dashboard_previous_range (&f, &t, &pf, &pt);
  pfs = gdn_dashboard_format_iso (&pf);
  pts = gdn_dashboard_format_iso (&pt);
  prev = gdn_kpi_compute (db, pfs, pts, &error);
  g_assert_no_error (error);
  series = gdn_kpi_series_compute (db, from, to, &error);
  g_assert_no_error (error);

  /* the demo data has deliveries, surveys, inquiries and cases in the period */
  g_assert_cmpint (kpi->on_time_delivery.total, >, 0);
  g_assert_cmpint (kpi->satisfaction.count, >, 0);
  g_assert_cmpint (kpi->response_24h.total, >, 0);

  assert_tile (view, "tile-on-time", "On-time delivery", kpi->on_time_delivery.rate,
               prev->on_time_delivery.rate, GDN_CHART_FORMAT_PERCENT);
  assert_tile (view, "tile-satisfaction", "Satisfaction", kpi->satisfaction.mean,
               prev->satisfaction.mean, GDN_CHART_FORMAT_NUMBER);
  assert_tile (view, "tile-conversion", "Conversion rate", kpi->conversion.rate,
               prev->conversion.rate, GDN_CHART_FORMAT_PERCENT);
  assert_tile (view, "tile-response", "24-hour response", kpi->response_24h.rate,
               prev->response_24h.rate, GDN_CHART_FORMAT_PERCENT);
  assert_tile (view, "tile-closure", "Closure rate", kpi->closure.rate, prev->closure.rate,
               GDN_CHART_FORMAT_PERCENT);
  assert_tile (view, "tile-orders", "Confirmed orders", kpi->order_volume.count,
               prev->order_volume.count, GDN_CHART_FORMAT_NUMBER);
  assert_tile (view, "tile-amount", "Order amount", kpi->order_volume.amount,
               prev->order_volume.amount, GDN_CHART_FORMAT_MONEY);

  /* the funnel: inquiries → quoted → confirmed → delivered */
  {
    g_autofree char *expected = g_strdup_printf (
      "Conversion funnel. Inquiries: %" G_GINT64_FORMAT "; Quoted: %" G_GINT64_FORMAT
      "; Confirmed: %" G_GINT64_FORMAT "; Delivered: %" G_GINT64_FORMAT ".",
      kpi->conversion.total, kpi->quoted, kpi->conversion.hits, kpi->delivered);

    /* grouped thousands are not expected in a period of a few hundred orders */
    g_assert_cmpint (kpi->conversion.total, <, 1000);
    g_assert_cmpstr (description (view, "funnel"), ==, expected);
  }

  /* the complaint mix, each category with complaints */
  text = description (view, "complaints");
  for (const GdnEnumValue *v = gdn_enum_complaint_category.values; v->value; v++, i++)
    if (kpi->complaint_mix[i] > 0)
      {
        g_autofree char *part = g_strdup_printf ("%s: %" G_GINT64_FORMAT,
                                                 gdn_enum_label (&gdn_enum_complaint_category,
                                                                 v->value),
                                                 kpi->complaint_mix[i]);
        assert_contains (text, part);
      }

  /* carriers: on-time share and transit days */
  for (i = 0; i < kpi->carriers->len; i++)
    {
      const GdnKpiCarrier *c = g_ptr_array_index (kpi->carriers, i);
      g_autofree char *rate = gdn_chart_format_value (c->on_time.total ? c->on_time.rate : NAN,
                                                      GDN_CHART_FORMAT_PERCENT);
      g_autofree char *days = gdn_chart_format_value (c->mean_transit_days,
                                                      GDN_CHART_FORMAT_DAYS);
      g_autofree char *on_time = g_strdup_printf ("%s: %s", c->carrier, rate);
      g_autofree char *transit = g_strdup_printf ("%s: %s", c->carrier, days);

      assert_contains (description (view, "carrier-on-time"), on_time);
      assert_contains (description (view, "carrier-transit"), transit);
    }

  /* on time by customer, with the target of the preferences */
  text = description (view, "on-time-by-customer");
  assert_contains (text, "Target: 95.0%.");
  for (i = 0; i < series->on_time_by_customer->len; i++)
    {
      const GdnKpiGroup *g = g_ptr_array_index (series->on_time_by_customer, i);
      g_autofree char *rate = gdn_chart_format_value (g->rate.rate, GDN_CHART_FORMAT_PERCENT);
      g_autofree char *part = g_strdup_printf ("%s: %s", g->label, rate);

      assert_contains (text, part);
    }

  /* the months of the period in the monthly chart */
  text = description (view, "on-time-by-month");
  for (i = 0; i < series->months->len; i++)
    {
      const GdnKpiMonth *m = &g_array_index (series->months, GdnKpiMonth, i);
      g_autofree char *rate = gdn_chart_format_value (m->on_time_delivery.rate,
                                                      GDN_CHART_FORMAT_PERCENT);
      g_autofree char *part = g_strdup_printf ("%s: %s", m->month, rate);

      assert_contains (text, part);
    }
}

/* ---- figures and periods -------------------------------------------------------------- */

static void
check_figures (GdnApplication *app,
               GtkWindow      *window,
               gpointer        data)
{
  GdnDashboardView *view = show_dashboard (window);
  guint n;

  g_assert_cmpstr (gdn_dashboard_view_get_state (view), ==, "charts");
  assert_figures (view, window_database (window), FROM, TO);

  /* another period recomputes; a period chosen while one is computed cancels it */
  n = gdn_dashboard_view_get_n_computations (view);
  gdn_dashboard_view_set_period (view, GDN_DASHBOARD_PERIOD_CUSTOM, "2025-07-01", "2025-12-31");
  g_assert_true (gdn_dashboard_view_is_busy (view));
  gdn_dashboard_view_set_period (view, GDN_DASHBOARD_PERIOD_CUSTOM, "2026-01-01", "2026-03-31");
  g_assert_cmpuint (gdn_dashboard_view_get_n_computations (view), >, n);
  gdn_ui_test_wait_for (is_idle, view);
  assert_figures (view, window_database (window), "2026-01-01", "2026-03-31");

  /* changes to the records recompute, once after a burst of them (an import) */
  n = gdn_dashboard_view_get_n_computations (view);
  for (guint i = 0; i < 5; i++)
    g_signal_emit_by_name (gdn_window_get_store (GDN_WINDOW (window)), "changed",
                           GDN_TYPE_ORDER, (gint64) 0, GDN_CHANGE_RELOADED);
  g_assert_true (gdn_dashboard_view_is_busy (view));
  gdn_ui_test_wait_for (is_idle, view);
  g_assert_cmpuint (gdn_dashboard_view_get_n_computations (view), ==, n + 1);

  /* the choice is remembered */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *period = g_settings_get_string (settings, "dashboard-period");
    g_autofree char *from = g_settings_get_string (settings, "dashboard-from");

    g_assert_cmpstr (period, ==, "custom");
    g_assert_cmpstr (from, ==, "2026-01-01");
  }

  /* a new target in the preferences moves the target line */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_double (settings, "on-time-target", 0.9);
    assert_contains (description (view, "on-time-by-month"), "Target: 90.0%.");
    g_settings_reset (settings, "on-time-target");
  }
}

static void
test_figures (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = make_demo_database ();
  choose_custom_period (FROM, TO);
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_figures, NULL), ==, 0);
}

/* ---- from a chart to the records -------------------------------------------------------- */

static guint
list_rows (GtkWindow  *window,
           const char *section)
{
  GtkWidget *stack;
  GtkWidget *view;
  GdnQueryModel *model;

  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, section);
  stack = gdn_ui_test_get_widget_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
  view = gtk_stack_get_child_by_name (
    GTK_STACK (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), section)), "view");
  g_assert_true (GDN_IS_SECTION_VIEW (view));
  model = gdn_record_list_get_model (gdn_section_view_get_list (GDN_SECTION_VIEW (view)));
  /* a list shown for the first time holds a screenful of rows, then all of them */
  gdn_ui_test_wait_for (gdn_ui_test_counts_all_rows, model);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static gint64
count_rows (GtkWindow  *window,
            const char *sql)
{
  return gdn_test_count (gdn_window_get_store (GDN_WINDOW (window)), sql);
}

static void
activate (GdnDashboardView *view,
          const char       *name,
          int               category)
{
  GdnChartHit hit = { category, 0 };

  gdn_chart_view_activate_hit (gdn_dashboard_view_get_chart (view, name), &hit);
  gdn_ui_test_settle ();
}

static void
check_links (GdnApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  GdnDashboardView *view = show_dashboard (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnKpi) kpi = gdn_kpi_compute (window_database (window), FROM, TO, &error);
  g_autoptr(GdnKpiSeries) series = gdn_kpi_series_compute (window_database (window), FROM, TO,
                                                           &error);
  const GdnKpiGroup *customer;
  const GdnKpiCarrier *carrier;
  g_autofree char *sql = NULL;
  const char *category = NULL;
  guint i = 0;

  g_assert_no_error (error);

  /* a customer's bar: the orders of that customer delivered late */
  customer = g_ptr_array_index (series->on_time_by_customer, 0);
  activate (view, "on-time-by-customer", 0);
  sql = g_strdup_printf ("SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id"
                         " WHERE c.code = '%s' AND o.deleted_at IS NULL"
                         " AND o.delivered_date > o.promised_date", customer->key);
  g_assert_cmpint (list_rows (window, "orders"), ==, count_rows (window, sql));
  g_assert_cmpint (list_rows (window, "orders"), >, 0);
  g_clear_pointer (&sql, g_free);

  /* a carrier: its shipments */
  show_dashboard (window);
  carrier = g_ptr_array_index (kpi->carriers, 0);
  activate (view, "carrier-on-time", 0);
  sql = g_strdup_printf ("SELECT count(*) FROM shipments WHERE carrier = '%s'"
                         " AND deleted_at IS NULL", carrier->carrier);
  g_assert_cmpint (list_rows (window, "shipments"), ==, count_rows (window, sql));
  g_assert_cmpint (list_rows (window, "shipments"), >, 0);
  g_clear_pointer (&sql, g_free);

  /* a complaint category: the complaints of that category */
  show_dashboard (window);
  for (const GdnEnumValue *v = gdn_enum_complaint_category.values; v->value; v++, i++)
    if (kpi->complaint_mix[i] > 0)
      {
        category = v->value;
        break;
      }
  g_assert_nonnull (category);
  activate (view, "complaints", 0);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE type = 'complaint'"
                         " AND category = '%s' AND deleted_at IS NULL", category);
  g_assert_cmpint (list_rows (window, "cases"), ==, count_rows (window, sql));
  g_assert_cmpint (list_rows (window, "cases"), >, 0);
}

static void
test_links (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = make_demo_database ();
  choose_custom_period (FROM, TO);
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_links, NULL), ==, 0);
}

/* ---- export --------------------------------------------------------------------------- */

static void
assert_exported (GdnChartView *chart,
                 const char   *name,
                 const char   *magic)
{
  g_autofree char *path = gdn_test_tmp_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  struct stat st;

  g_assert_true (gdn_chart_view_export (chart, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200);
  if (g_strstr_len (contents, MIN (length, 512), magic) == NULL)
    g_error ("%s does not start with %s", name, magic);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
check_export (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  GdnDashboardView *view = show_dashboard (window);
  GdnChartView *chart = gdn_dashboard_view_get_chart (view, "on-time-by-month");
  g_autofree char *bad = gdn_test_tmp_path ("chart.txt");
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GError) error = NULL;

  assert_exported (chart, "chart.png", "\x89PNG");
  assert_exported (chart, "chart.svg", "<svg");
  assert_exported (chart, "chart.pdf", "%PDF");
  assert_exported (gdn_dashboard_view_get_chart (view, "tile-on-time"), "tile.png", "\x89PNG");
  assert_exported (gdn_dashboard_view_get_chart (view, "complaints"), "donut.pdf", "%PDF");

  g_assert_false (gdn_chart_view_export (chart, bad_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
}

static void
test_export (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = make_demo_database ();
  choose_custom_period (FROM, TO);
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_export, NULL), ==, 0);
}

/* ---- an empty database ---------------------------------------------------------------- */

static void
check_empty (GdnApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  GdnDashboardView *view = show_dashboard (window);

  g_assert_cmpstr (gdn_dashboard_view_get_state (view), ==, "empty");
  /* with a way to fill the database */
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (view), gdn_ui_test_has_action_name,
                                             "app.import"));
  /* "no data", never 0 % */
  g_assert_cmpstr (description (view, "tile-on-time"), ==, "On-time delivery: No data.");
}

static void
test_empty (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("empty.db");
  choose_custom_period (FROM, TO);
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_empty, NULL), ==, 0);
}

/* ---- periods, without a display ------------------------------------------------------- */

static void
test_periods (void)
{
  GDate today, from, to, prev_from, prev_to, trend;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  g_assert_true (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_THIS_MONTH, &today, NULL, NULL,
                                             &from, &to));
  gdn_dashboard_previous_range (&from, &to, &prev_from, &prev_to);
  gdn_dashboard_trend_start (&from, &to, &trend);
  a = gdn_dashboard_format_iso (&from);
  b = gdn_dashboard_format_iso (&to);
  c = gdn_dashboard_format_iso (&prev_from);
  d = gdn_dashboard_format_iso (&prev_to);
  e = gdn_dashboard_format_iso (&trend);
  g_assert_cmpstr (a, ==, "2026-11-01");
  g_assert_cmpstr (b, ==, "2026-11-23");
  g_assert_cmpstr (c, ==, "2026-10-09");   /* the 23 days before */
  g_assert_cmpstr (d, ==, "2026-10-31");
  g_assert_cmpstr (e, ==, "2025-12-01");   /* twelve months */

  g_assert_true (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_LAST_MONTH, &today, NULL, NULL,
                                             &from, &to));
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_OCTOBER);
  g_assert_cmpint (g_date_get_day (&to), ==, 31);

  g_assert_true (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_THIS_QUARTER, &today, NULL,
                                             NULL, &from, &to));
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_OCTOBER);
  g_assert_true (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_THIS_YEAR, &today, NULL, NULL,
                                             &from, &to));
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_JANUARY);

  g_assert_true (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_CUSTOM, &today, "2024-01-15",
                                             "2026-02-10", &from, &to));
  gdn_dashboard_trend_start (&from, &to, &trend);
  g_assert_cmpint (g_date_get_year (&trend), ==, 2024);   /* a longer period: all of it */
  g_assert_false (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_CUSTOM, &today, "2026-02-10",
                                              "2026-01-01", &from, &to));
  g_assert_false (gdn_dashboard_period_range (GDN_DASHBOARD_PERIOD_CUSTOM, &today, "2026-02-30",
                                              "2026-03-01", &from, &to));
  g_assert_cmpint (gdn_dashboard_period_from_string ("this-year"), ==,
                   GDN_DASHBOARD_PERIOD_THIS_YEAR);
  g_assert_cmpint (gdn_dashboard_period_from_string ("junk"), ==,
                   GDN_DASHBOARD_PERIOD_THIS_MONTH);
}

int
main (int   argc,
      char *argv[])
{
  gdn_ui_test_init (&argc, &argv);

  g_test_add_func ("/dashboard-ui/periods", test_periods);
  g_test_add_func ("/dashboard-ui/figures", test_figures);
  g_test_add_func ("/dashboard-ui/links", test_links);
  g_test_add_func ("/dashboard-ui/export", test_export);
  g_test_add_func ("/dashboard-ui/empty", test_empty);

  return g_test_run ();
}

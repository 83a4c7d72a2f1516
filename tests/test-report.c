/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gdn-demo.h"
#include "gdn-report-layout.h"
#include "gdn-report.h"
#include "gdn-test-utils.h"

#define ANCHOR "2026-06-30"

static GdnDatabase *
demo_database (guint n_orders)
{
  g_autoptr(GdnDatabase) database = gdn_test_open_database ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_demo_generate (database, 7, n_orders, ANCHOR, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&database);
}

static GdnReport *
make_report (GdnDatabase *database,
             const char  *from,
             const char  *to)
{
  GdnReportOptions options = { "Example Trading Co.", "Li Wei", "en", "2026-07-01 09:00:00",
                               0.95 };
  g_autoptr(GError) error = NULL;
  GdnReport *report = gdn_report_new (database, from, to, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* Counts the pixels of an image surface that are not white. */
static guint
count_ink (cairo_surface_t *surface)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  guint ink = 0;

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (((guint32 *) (data + y * stride))[x] != 0xffffffff)
        ink++;
  return ink;
}

static void
test_layout_table_splits (void)
{
  g_autoptr(GdnReportLayout) layout = gdn_report_layout_new ("Sans", "en");
  const GdnReportColumn columns[] = {
    { "Number", 0.2, GDN_REPORT_ALIGN_START },
    { "Text", 0.6, GDN_REPORT_ALIGN_START },
    { "Amount", 0.2, GDN_REPORT_ALIGN_END },
  };
  GdnReportTable *table;
  guint n_pages;

  gdn_report_layout_add_heading (layout, "A long table", 1);
  table = gdn_report_layout_add_table (layout, columns, G_N_ELEMENTS (columns));
  for (int i = 0; i < 300; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", i);
      /* Every seventh row wraps onto several lines. */
      g_autofree char *text = g_strnfill (i % 7 == 0 ? 400 : 10, 'x');
      const char *cells[] = { n, text, "1,280.50" };

      gdn_report_table_add_row (table, cells, i % 5 == 0);
    }
  gdn_report_layout_add_heading (layout, "After", 1);
  gdn_report_layout_add_text (layout, "The end.", FALSE);

  n_pages = gdn_report_layout_paginate (layout, 595.2756, 841.8898);
  g_assert_cmpuint (n_pages, >, 3);
  /* the table started on the first page: every later page it reaches repeats its header */
  g_assert_cmpuint (gdn_report_layout_get_n_repeated_headers (layout), >=, n_pages - 2);
  g_assert_cmpuint (gdn_report_layout_get_n_repeated_headers (layout), <=, n_pages - 1);

  for (guint p = 0; p < n_pages; p++)
    {
      double first, last, bottom;

      gdn_report_layout_get_page_extent (layout, p, &first, &last, &bottom);
      g_assert_cmpfloat (first, <, last);
      g_assert_cmpfloat (last, <=, bottom + 1e-6);
    }

  /* stable: the same size gives the same pages; a smaller page gives more */
  g_assert_cmpuint (gdn_report_layout_paginate (layout, 595.2756, 841.8898), ==, n_pages);
  g_assert_cmpuint (gdn_report_layout_paginate (layout, 612, 792), >=, n_pages);
  g_assert_cmpuint (gdn_report_layout_paginate (layout, 595.2756, 841.8898), ==, n_pages);
}

static void
test_layout_heading_kept_with_table (void)
{
  g_autoptr(GdnReportLayout) layout = gdn_report_layout_new ("Sans", "en");
  const GdnReportColumn columns[] = { { "Only", 1.0, GDN_REPORT_ALIGN_START } };
  GdnReportTable *table;
  guint n_pages;
  double first, last, bottom;
  double first1, last1, bottom1;

  /* Fill the first page almost to the end with short paragraphs. */
  for (int i = 0; i < 400; i++)
    {
      gdn_report_layout_add_text (layout, "Line", FALSE);
      n_pages = gdn_report_layout_paginate (layout, 595.2756, 841.8898);
      if (n_pages > 1)
        break;
      gdn_report_layout_get_page_extent (layout, 0, &first, &last, &bottom);
      if (bottom - last < 40)
        break;
    }
  gdn_report_layout_add_heading (layout, "Section", 1);
  table = gdn_report_layout_add_table (layout, columns, 1);
  for (int i = 0; i < 5; i++)
    {
      const char *cells[] = { "row" };
      gdn_report_table_add_row (table, cells, FALSE);
    }
  n_pages = gdn_report_layout_paginate (layout, 595.2756, 841.8898);
  g_assert_cmpuint (n_pages, ==, 2);
  /* the heading went over with the table: page 2 starts at the top of the text area */
  gdn_report_layout_get_page_extent (layout, 1, &first1, &last1, &bottom1);
  g_assert_cmpfloat (last1 - first1, >, 60.0);
}

static void
test_report_paginates (void)
{
  g_autoptr(GdnDatabase) database = demo_database (900);
  g_autoptr(GdnReport) month = make_report (database, "2026-06-01", "2026-06-30");
  g_autoptr(GdnReport) year = make_report (database, "2025-07-01", "2026-06-30");
  double w, h;
  guint month_pages, year_pages;

  gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
  month_pages = gdn_report_get_n_pages (month, w, h);
  year_pages = gdn_report_get_n_pages (year, w, h);
  g_test_message ("month: %u pages, year: %u pages", month_pages, year_pages);

  g_assert_cmpuint (month_pages, >=, 2);
  g_assert_cmpuint (year_pages, >, month_pages);
  g_assert_cmpuint (gdn_report_get_n_repeated_headers (year), >, 0);

  /* stable across calls and across another page size in between */
  gdn_report_paper_size (GDN_REPORT_PAPER_LETTER, &w, &h);
  g_assert_cmpuint (gdn_report_get_n_pages (year, w, h), >, 0);
  gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
  g_assert_cmpuint (gdn_report_get_n_pages (year, w, h), ==, year_pages);
}

static void
test_report_draws_pdf_and_image (void)
{
  g_autoptr(GdnDatabase) database = demo_database (300);
  g_autoptr(GdnReport) report = make_report (database, "2026-06-01", "2026-06-30");
  g_autofree char *path = gdn_test_tmp_path ("report.pdf");
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double w, h;
  guint n_pages;

  gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
  n_pages = gdn_report_get_n_pages (report, w, h);

  /* to an image, scaled as a printer's context would be */
  for (guint p = 0; p < n_pages; p++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                           (int) ceil (w * 1.5),
                                                           (int) ceil (h * 1.5));
      cairo_t *cr = cairo_create (image);

      cairo_scale (cr, 1.5, 1.5);
      gdn_report_draw_page (report, cr, p, w, h);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      g_assert_cmpuint (count_ink (image), >, 2000);
      cairo_surface_destroy (image);
    }
  g_assert_cmpuint (gdn_report_get_n_pages (report, w, h), ==, n_pages);

  /* to a PDF file: complete, private */
  g_assert_true (gdn_report_write_pdf (report, path, GDN_REPORT_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (st.st_size, >, 10000);
  {
    g_autofree char *data = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &data, &len, NULL));
    g_assert_true (g_str_has_prefix (data, "%PDF-"));
    g_assert_cmpuint (len, >, 16);
    g_assert_nonnull (g_strstr_len (data + len - 16, 16, "%%EOF"));
  }

  /* Letter paper writes too */
  g_assert_true (gdn_report_write_pdf (report, path, GDN_REPORT_PAPER_LETTER, &error));
  g_assert_no_error (error);
}

static void
test_report_unwritable (void)
{
  g_autoptr(GdnDatabase) database = demo_database (100);
  g_autoptr(GdnReport) report = make_report (database, "2026-06-01", "2026-06-30");
  g_autofree char *dir = gdn_test_tmp_path ("missing");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (gdn_report_write_pdf (report, path, GDN_REPORT_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_report_empty (void)
{
  g_autoptr(GdnDatabase) database = gdn_test_open_database ();
  g_autoptr(GdnReport) report = make_report (database, "2026-06-01", "2026-06-30");
  g_autoptr(GError) error = NULL;
  double w, h;

  gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
  /* every section says it has nothing: a short report, not blank pages */
  g_assert_cmpuint (gdn_report_get_n_pages (report, w, h), <=, 2);
  g_assert_cmpuint (gdn_report_get_n_repeated_headers (report), ==, 0);

  g_assert_null (gdn_report_new (database, "2026-07-01", "2026-06-01", NULL, &error));
  g_assert_nonnull (error);
}

static void
report_made_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_report_async (void)
{
  g_autoptr(GdnDatabase) database = demo_database (200);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdnReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GdnReportOptions options = { NULL, NULL, "en", NULL, NAN };
  double w, h;

  gdn_report_new_async (database, "2026-06-01", "2026-06-30", &options, NULL,
                        report_made_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = gdn_report_new_finish (result, &error);
  g_assert_no_error (error);
  gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
  g_assert_cmpuint (gdn_report_get_n_pages (report, w, h), >, 0);
  g_assert_cmpstr (gdn_report_get_from (report), ==, "2026-06-01");
}

static void
test_period_range (void)
{
  struct { GdnReportPeriod period; const char *today, *from, *to; } cases[] = {
    { GDN_REPORT_PERIOD_THIS_WEEK, "2026-11-22", "2026-11-16", "2026-11-22" },  /* a Sunday */
    { GDN_REPORT_PERIOD_THIS_WEEK, "2026-11-23", "2026-11-23", "2026-11-29" },  /* a Monday */
    { GDN_REPORT_PERIOD_LAST_WEEK, "2026-01-01", "2025-12-22", "2025-12-28" },
    { GDN_REPORT_PERIOD_THIS_MONTH, "2028-02-10", "2028-02-01", "2028-02-29" },
    { GDN_REPORT_PERIOD_LAST_MONTH, "2026-01-31", "2025-12-01", "2025-12-31" },
    { GDN_REPORT_PERIOD_LAST_MONTH, "2026-03-31", "2026-02-01", "2026-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_assert_true (gdn_report_period_range (cases[i].period, cases[i].today, &from, &to));
      g_assert_cmpstr (from, ==, cases[i].from);
      g_assert_cmpstr (to, ==, cases[i].to);
    }
  {
    char *from = NULL, *to = NULL;
    g_assert_false (gdn_report_period_range (GDN_REPORT_PERIOD_THIS_WEEK, "2026-02-30",
                                             &from, &to));
    g_assert_null (from);
  }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/report/layout/table-splits", test_layout_table_splits);
  g_test_add_func ("/report/layout/heading-kept-with-table", test_layout_heading_kept_with_table);
  g_test_add_func ("/report/paginates", test_report_paginates);
  g_test_add_func ("/report/draws-pdf-and-image", test_report_draws_pdf_and_image);
  g_test_add_func ("/report/unwritable", test_report_unwritable);
  g_test_add_func ("/report/empty", test_report_empty);
  g_test_add_func ("/report/async", test_report_async);
  g_test_add_func ("/report/period-range", test_period_range);
  return g_test_run ();
}

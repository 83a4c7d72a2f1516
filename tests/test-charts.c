/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "gdn-chart-common.h"

/* Set GENDAN_CHARTS_PNG_DIR to a folder to get a PNG of each chart in light and dark. */

typedef void (*DrawFunc) (cairo_t *, const GdnChartData *, double, double, const GdnChartStyle *);
typedef gboolean (*HitFunc) (const GdnChartData *, double, double, const GdnChartStyle *, double,
                             double, GdnChartHit *);

static const char *const months[] = { "1月", "2月", "3月", "4月", "5月", "6月",
                                      "7月", "8月", "9月", "10月", "11月", "12月" };
static const double on_time[] = { 0.92, 0.95, NAN, 0.88, 0.97, 1.0,
                                  0.91, 0.93, 0.96, 0.89, 0.94, 0.99 };
static const double response[] = { 0.81, 0.85, NAN, 0.79, 0.90, 0.87,
                                   0.84, 0.88, 0.92, 0.86, 0.83, 0.95 };
static const GdnChartSeries trend_series[] = { { "准时交付率", on_time },
                                               { "24小时响应率", response } };
static const GdnChartData trend = { "准时交付率", months, 12, trend_series, 2, 0.95,
                                    GDN_CHART_FORMAT_PERCENT };

static const double status_a[] = { 12, 30, 8, 20, 5, 14, 9, 11, 13, 7, 10, 16 };
static const double status_b[] = { 5, 9, 3, 6, 2, 8, NAN, 4, 7, 3, 5, 6 };
static const double status_c[] = { 2, 4, 1, 3, 1, 2, 2, 1, 3, 2, 1, 2 };
static const GdnChartSeries stacked_series[] = { { "出口", status_a }, { "内销", status_b },
                                                 { "样品", status_c } };
static const GdnChartData stacked = { "订单量", months, 12, stacked_series, 3, NAN,
                                      GDN_CHART_FORMAT_NUMBER };

static const char *const categories[] = { "延迟交货", "质量缺陷", "包装破损", "其他" };
static const double mix[] = { 14, 9, 4, 2 };
static const GdnChartSeries mix_series[] = { { "投诉", mix } };
static const GdnChartData donut = { "投诉构成", categories, 4, mix_series, 1, NAN,
                                    GDN_CHART_FORMAT_NUMBER };

static const char *const stages[] = { "询价", "报价", "确认", "交付" };
static const double stage_counts[] = { 120, 80, 45, 40 };
static const GdnChartSeries funnel_series[] = { { "订单", stage_counts } };
static const GdnChartData funnel = { "转化漏斗", stages, 4, funnel_series, 1, NAN,
                                     GDN_CHART_FORMAT_NUMBER };

static const char *const bins[] = { "0–1", "1–2", "2–3", "3–5", "5–7", "7+" };
static const double bin_counts[] = { 3, 12, 25, 9, NAN, 2 };
static const GdnChartSeries bin_series[] = { { "运单", bin_counts } };
static const GdnChartData histogram = { "运输天数", bins, 6, bin_series, 1, NAN,
                                        GDN_CHART_FORMAT_NUMBER };

static const char *const customers[] = { "杭州丝绸进出口有限公司", "Acme Trading GmbH",
                                         "宁波港贸易", "Sunrise Textiles Ltd." };
static const double customer_rates[] = { 0.97, 0.82, NAN, 0.64 };
static const GdnChartSeries customer_series[] = { { "准时交付率", customer_rates } };
static const GdnChartData hbars = { "按客户准时交付率", customers, 4, customer_series, 1, 0.9,
                                    GDN_CHART_FORMAT_PERCENT };

static const double nothing[] = { NAN, NAN, NAN };
static const GdnChartSeries nothing_series[] = { { "准时交付率", nothing } };
static const GdnChartData empty = { "准时交付率", months, 3, nothing_series, 1, 0.95,
                                    GDN_CHART_FORMAT_PERCENT };

static const GdnChartTile tile = { "准时交付率", 0.952, 0.93, TRUE, GDN_CHART_FORMAT_PERCENT,
                                   on_time, 12 };

typedef struct
{
  const char         *name;
  DrawFunc            draw;
  HitFunc             hit;
  const GdnChartData *data;
} Chart;

static const Chart charts[] = {
  { "bars", gdn_chart_draw_bars, gdn_chart_hit_bars, &trend },
  { "lines", gdn_chart_draw_lines, gdn_chart_hit_lines, &trend },
  { "stacked", gdn_chart_draw_stacked, gdn_chart_hit_stacked, &stacked },
  { "histogram", gdn_chart_draw_histogram, gdn_chart_hit_histogram, &histogram },
  { "donut", gdn_chart_draw_donut, gdn_chart_hit_donut, &donut },
  { "funnel", gdn_chart_draw_funnel, gdn_chart_hit_funnel, &funnel },
  { "hbars", gdn_chart_draw_hbars, gdn_chart_hit_hbars, &hbars },
};

static cairo_surface_t *
render (const Chart *chart,
        const GdnChartData *data,
        int                 width,
        int                 height,
        gboolean            dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);
  GdnChartStyle style;

  gdn_chart_style_init (&style, dark);
  chart->draw (cr, data, width, height, &style);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint8           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  rgb[0] = p >> 16 & 0xff;
  rgb[1] = p >> 8 & 0xff;
  rgb[2] = p & 0xff;
}

static gboolean
is_color (cairo_surface_t     *surface,
          int                  x,
          int                  y,
          const GdnChartColor *color)
{
  guint8 rgb[3];

  pixel (surface, x, y, rgb);
  return fabs (rgb[0] - color->red * 255) <= 2 && fabs (rgb[1] - color->green * 255) <= 2
         && fabs (rgb[2] - color->blue * 255) <= 2;
}

/* Pixels not of the background colour in a rectangle. */
static guint
ink (cairo_surface_t     *surface,
     GdnChartRect         r,
     const GdnChartColor *background)
{
  guint n = 0;

  for (int y = MAX (0, (int) r.y); y < (int) (r.y + r.height); y++)
    for (int x = MAX (0, (int) r.x); x < (int) (r.x + r.width); x++)
      n += !is_color (surface, x, y, background);
  return n;
}

static void
maybe_write_png (cairo_surface_t *surface,
                 const char      *name,
                 int              width,
                 gboolean         dark)
{
  const char *dir = g_getenv ("GENDAN_CHARTS_PNG_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  file = g_strdup_printf ("%s-%d-%s.png", name, width, dark ? "dark" : "light");
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_nice_ticks (void)
{
  static const struct { double lo, hi; guint n; double step, out_hi; } cases[] = {
    { 0, 0.97, 5, 0.2, 1.0 },
    { 0, 1.0, 2, 0.5, 1.0 },
    { 0, 123, 5, 50, 150 },
    { 0, 10, 10, 1, 10 },
    { 0, 0, 4, 0.5, 1 },
    { 0, 3.2e6, 4, 1e6, 4e6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double lo, hi, step, mantissa;

      gdn_chart_nice_ticks (cases[i].lo, cases[i].hi, cases[i].n, &lo, &hi, &step);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, 1e-9);
      g_assert_cmpfloat_with_epsilon (hi, cases[i].out_hi, 1e-9);
      g_assert_cmpfloat (lo, <=, cases[i].lo);
      g_assert_cmpfloat (round ((hi - lo) / step), <=, cases[i].n);
      mantissa = step / pow (10, floor (log10 (step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-6 || fabs (mantissa - 2) < 1e-6
                     || fabs (mantissa - 5) < 1e-6);
    }
}

static void
test_format (void)
{
  static const struct { double v; GdnChartFormat f; const char *text; } cases[] = {
    { 0.952, GDN_CHART_FORMAT_PERCENT, "95.2%" },
    { 0, GDN_CHART_FORMAT_PERCENT, "0.0%" },
    { 1234567, GDN_CHART_FORMAT_NUMBER, "1,234,567" },
    { 12300, GDN_CHART_FORMAT_MONEY, "¥12,300" },
    { 3.5, GDN_CHART_FORMAT_DAYS, "3.5 d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gdn_chart_format_value (cases[i].v, cases[i].f);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *text = gdn_chart_format_value (NAN, GDN_CHART_FORMAT_PERCENT);

    g_assert_cmpstr (text, ==, "No data");
  }
}

/* A 100 % bar reaches the 100 % line in the series colour; a month without data has no bar;
 * at both a normal and a small size. */
static void
test_bars_pixels (void)
{
  static const double values[] = { 1.0, NAN, 0.5 };
  static const char *const three[] = { "10月", "11月", "12月" };
  const GdnChartSeries series[] = { { "准时交付率", values } };
  const GdnChartData data = { NULL, three, 3, series, 1, NAN, GDN_CHART_FORMAT_PERCENT };
  static const int sizes[][2] = { { 480, 300 }, { 200, 120 } };
  GdnChartStyle style;

  gdn_chart_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      int w = sizes[i][0], h = sizes[i][1];
      cairo_surface_t *surface = render (&charts[0], &data, w, h, FALSE);
      cairo_t *cr = cairo_create (surface);
      g_autoptr (GdnChartAxes) axes = gdn_chart_axes_compute (cr, &data, w, h, &style, FALSE);
      double x0 = axes->plot.x + axes->slot_width * 0.5;
      double x1 = axes->plot.x + axes->slot_width * 1.5;
      double x2 = axes->plot.x + axes->slot_width * 2.5;
      double top = gdn_chart_axes_y (axes, 1.0), half = gdn_chart_axes_y (axes, 0.5);
      GdnChartHit hit;

      g_assert_cmpfloat (axes->y_max, ==, 1.0);
      g_assert_true (is_color (surface, x0, top + 2, &style.palette->series[0]));
      g_assert_false (is_color (surface, x0, top - 3, &style.palette->series[0]));
      g_assert_true (is_color (surface, x2, half + 2, &style.palette->series[0]));
      g_assert_false (is_color (surface, x2, half - 3, &style.palette->series[0]));
      /* no bar where there is no data, at any height */
      for (double y = axes->plot.y; y < axes->plot.y + axes->plot.height; y++)
        g_assert_false (is_color (surface, x1, y, &style.palette->series[0]));

      g_assert_true (gdn_chart_hit_bars (&data, w, h, &style, x2, half + 2, &hit));
      g_assert_cmpint (hit.category, ==, 2);
      g_assert_cmpint (hit.series, ==, 0);
      g_assert_false (gdn_chart_hit_bars (&data, w, h, &style, x1, half, &hit));

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* No value at all: "No data" in the middle, no axes, no 0 %. */
static void
test_no_data (void)
{
  GdnChartStyle style;

  gdn_chart_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      cairo_surface_t *surface = render (&charts[i], &empty, 300, 200, FALSE);
      GdnChartHit hit;

      g_assert_cmpuint (ink (surface, (GdnChartRect){ 100, 85, 100, 30 },
                             &style.palette->background), >, 20);
      g_assert_cmpuint (ink (surface, (GdnChartRect){ 0, 0, 300, 60 },
                             &style.palette->background), ==, 0);
      g_assert_cmpuint (ink (surface, (GdnChartRect){ 0, 140, 300, 60 },
                             &style.palette->background), ==, 0);
      g_assert_false (charts[i].hit (&empty, 300, 200, &style, 150, 100, &hit));
      cairo_surface_destroy (surface);
    }
}

/* Each chart: a pixel in series colour n hits category/series of that colour; every chart
 * draws something of its first colour; at a normal and a small size, light and dark. */
static void
test_render_and_hit (void)
{
  static const int sizes[][2] = { { 480, 300 }, { 200, 120 } };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      for (int dark = 0; dark <= 1; dark++)
        {
          int w = sizes[s][0], h = sizes[s][1];
          cairo_surface_t *surface = render (&charts[i], charts[i].data, w, h, dark);
          GdnChartStyle style;
          guint first = 0, checked = 0;

          gdn_chart_style_init (&style, dark);
          maybe_write_png (surface, charts[i].name, w, dark);
          for (int y = 0; y < h; y += 3)
            for (int x = 0; x < w; x += 3)
              {
                GdnChartHit hit;
                gboolean is_first = is_color (surface, x, y, &style.palette->series[0]);

                first += is_first;
                /* Bars and slices: the colour under the pointer is what the hit says. Not
                 * for lines (the hit is the nearest point) nor the legend. */
                if (!is_first || g_str_equal (charts[i].name, "lines") || (x + y) % 9 != 0)
                  continue;
                if (charts[i].hit (charts[i].data, w, h, &style, x, y, &hit))
                  {
                    checked++;
                    if (g_str_equal (charts[i].name, "donut"))
                      g_assert_cmpint (hit.category, ==, 0);
                    else
                      g_assert_cmpint (hit.series, ==, 0);
                  }
              }
          g_assert_cmpuint (first, >, 0);
          if (!g_str_equal (charts[i].name, "lines"))
            g_assert_cmpuint (checked, >, 0);
          cairo_surface_destroy (surface);
        }
}

/* Tiny, odd or empty: nothing breaks, nothing is drawn outside the chart. */
static void
test_degenerate (void)
{
  static const int sizes[][2] = { { 1, 1 }, { 40, 24 }, { 600, 30 }, { 30, 400 } };
  const GdnChartData none = { NULL, NULL, 0, NULL, 0, NAN, GDN_CHART_FORMAT_NUMBER };

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        cairo_surface_t *surface = render (&charts[i], charts[i].data, sizes[s][0],
                                           sizes[s][1], FALSE);

        cairo_surface_destroy (surface);
        surface = render (&charts[i], &none, sizes[s][0], sizes[s][1], TRUE);
        cairo_surface_destroy (surface);
      }
}

static gboolean
overlap (GdnChartRect a,
         GdnChartRect b)
{
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height
         && b.y < a.y + a.height;
}

static void
assert_apart (GArray *rects,
              double  width,
              double  height)
{
  for (guint i = 0; i < rects->len; i++)
    {
      GdnChartRect a = g_array_index (rects, GdnChartRect, i);

      g_assert_cmpfloat (a.x, >=, 0);
      g_assert_cmpfloat (a.x + a.width, <=, width + 0.01);
      g_assert_cmpfloat (a.y + a.height, <=, height + 0.01);
      for (guint j = i + 1; j < rects->len; j++)
        g_assert_false (overlap (a, g_array_index (rects, GdnChartRect, j)));
    }
}

/* At 200×120 twelve month labels cannot all fit: some are left out, none overlap, the
 * first is kept; y labels too. */
static void
test_labels_apart (void)
{
  static const char *const long_months[] = { "2026年1月", "2026年2月", "2026年3月",
                                             "2026年4月", "2026年5月", "2026年6月",
                                             "2026年7月", "2026年8月", "2026年9月",
                                             "2026年10月", "2026年11月", "2026年12月" };
  GdnChartData data = trend;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 120);
  cairo_t *cr = cairo_create (surface);
  GdnChartStyle style;

  gdn_chart_style_init (&style, FALSE);
  for (int variant = 0; variant < 2; variant++)
    {
      g_autoptr (GdnChartAxes) axes = NULL;

      if (variant == 1)
        data.categories = long_months;
      axes = gdn_chart_axes_compute (cr, &data, 200, 120, &style, FALSE);
      g_assert_cmpuint (axes->x_labels->len, >, 0);
      g_assert_cmpuint (axes->x_labels->len, <, 12);
      g_assert_cmpuint (g_array_index (axes->x_labels, guint, 0), ==, 0);
      g_assert_cmpuint (axes->y_ticks->len, >=, 2);
      assert_apart (axes->x_label_rects, 200, 120);
      assert_apart (axes->y_label_rects, 200, 120);
      for (guint i = 0; i < axes->y_label_rects->len; i++)
        for (guint j = 0; j < axes->x_label_rects->len; j++)
          g_assert_false (overlap (g_array_index (axes->y_label_rects, GdnChartRect, i),
                                   g_array_index (axes->x_label_rects, GdnChartRect, j)));
    }

  /* Wide enough: every label is drawn. */
  {
    g_autoptr (GdnChartAxes) axes = gdn_chart_axes_compute (cr, &trend, 900, 300, &style, FALSE);

    g_assert_cmpuint (axes->x_labels->len, ==, 12);
    assert_apart (axes->x_label_rects, 900, 300);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_hbars_no_data_row (void)
{
  GdnChartStyle style;
  cairo_surface_t *surface = render (&charts[6], &hbars, 480, 160, FALSE);
  GdnChartHit hit;

  gdn_chart_style_init (&style, FALSE);
  /* Rows are 40 high here (two lines each, 160 / 4); row 2 has no data: ink in the bar area
   * but none of the bar colour. */
  g_assert_true (gdn_chart_hit_hbars (&hbars, 480, 160, &style, 300, 100, &hit));
  g_assert_cmpint (hit.category, ==, 2);
  g_assert_cmpuint (ink (surface, (GdnChartRect){ 200, 80, 200, 40 },
                         &style.palette->background), >, 20);
  for (int x = 200; x < 400; x++)
    g_assert_false (is_color (surface, x, 100, &style.palette->series[0]));
  cairo_surface_destroy (surface);
}

static void
test_tile (void)
{
  static const int sizes[][2] = { { 240, 140 }, { 140, 80 } };
  GdnChartTile nan_tile = tile;
  g_autofree char *text = gdn_chart_describe_tile (&tile);

  g_assert_cmpstr (text, ==, "准时交付率: 95.2% (previous period: 93.0%).");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark <= 1; dark++)
      {
        int w = sizes[s][0], h = sizes[s][1];
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
        cairo_t *cr = cairo_create (surface);
        GdnChartStyle style;

        gdn_chart_style_init (&style, dark);
        gdn_chart_draw_tile (cr, &tile, w, h, &style);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        maybe_write_png (surface, "tile", w, dark);
        /* the value, the change (better: its colour), the sparkline */
        g_assert_cmpuint (ink (surface, (GdnChartRect){ 0, h * 0.2, w, h * 0.3 },
                               &style.palette->background), >, 50);
        {
          guint better = 0;

          for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++)
              better += is_color (surface, x, y, &style.palette->better);
          g_assert_cmpuint (better, >, 0);
        }
        cairo_surface_destroy (surface);
      }

  nan_tile.value = NAN;
  g_clear_pointer (&text, g_free);
  text = gdn_chart_describe_tile (&nan_tile);
  g_assert_cmpstr (text, ==, "准时交付率: No data.");
}

static void
test_describe (void)
{
  g_autofree char *text = gdn_chart_describe (&hbars);
  g_autofree char *none = gdn_chart_describe (&empty);

  g_assert_cmpstr (text, ==,
                   "按客户准时交付率. 杭州丝绸进出口有限公司: 97.0%; Acme Trading GmbH: 82.0%; "
                   "宁波港贸易: No data; Sunrise Textiles Ltd.: 64.0%. Target: 90.0%.");
  g_assert_cmpstr (none, ==, "准时交付率. No data Target: 95.0%.");
}

static void
draw_all (cairo_t *cr,
          double   width,
          double   height)
{
  GdnChartStyle style;

  gdn_chart_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      charts[i].draw (cr, charts[i].data, width, height, &style);
      cairo_show_page (cr);
    }
  gdn_chart_draw_tile (cr, &tile, width, height, &style);
  cairo_show_page (cr);
}

static void
test_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("gendan-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *contents = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 420, 280);
  cairo_t *cr = cairo_create (surface);
  gsize len;

  draw_all (cr, 420, 280);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  char **root = user_data;

  if (*root == NULL)
    *root = g_strdup (element);
}

static void
test_svg (void)
{
  static const GMarkupParser parser = { svg_start_cb, NULL, NULL, NULL, NULL };
  g_autofree char *dir = g_dir_make_tmp ("gendan-charts-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "charts.svg", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *root = NULL;
  g_autoptr (GError) error = NULL;
  GMarkupParseContext *context;
  cairo_surface_t *surface = cairo_svg_surface_create (path, 420, 280);
  cairo_t *cr = cairo_create (surface);
  GdnChartStyle style;
  gsize len;

  gdn_chart_style_init (&style, TRUE);
  gdn_chart_draw_bars (cr, &trend, 420, 280, &style);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 0);
  context = g_markup_parse_context_new (&parser, 0, &root, NULL);
  g_markup_parse_context_parse (context, contents, len, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_assert_cmpstr (root, ==, "svg");
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/ticks/nice", test_nice_ticks);
  g_test_add_func ("/charts/format", test_format);
  g_test_add_func ("/charts/bars/pixels", test_bars_pixels);
  g_test_add_func ("/charts/no-data", test_no_data);
  g_test_add_func ("/charts/render-and-hit", test_render_and_hit);
  g_test_add_func ("/charts/degenerate", test_degenerate);
  g_test_add_func ("/charts/axes/labels-apart", test_labels_apart);
  g_test_add_func ("/charts/hbars/no-data-row", test_hbars_no_data_row);
  g_test_add_func ("/charts/tile", test_tile);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/pdf", test_pdf);
  g_test_add_func ("/charts/svg", test_svg);

  status = g_test_run ();
  /* Lets valgrind see fontconfig's caches released rather than lost. */
  pango_cairo_font_map_set_default (NULL);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

typedef struct
{
  double       cx, cy, outer, inner;
  GdnChartRect legend;
  double       total;
} DonutLayout;

static double
slice_value (const GdnChartData *data,
             guint               category)
{
  double v = data->n_series > 0 ? gdn_chart_value (data, 0, category) : NAN;

  return isnan (v) || v < 0 ? 0 : v;
}

/* The legend goes right of the ring when the chart is wide, below it otherwise. */
static void
donut_layout (cairo_t             *cr,
              const GdnChartData  *data,
              double               width,
              double               height,
              const GdnChartStyle *style,
              DonutLayout         *l)
{
  double line_h = gdn_chart_line_height (cr, style);
  double legend_w = 0;

  l->total = 0;
  for (guint c = 0; c < data->n_categories; c++)
    {
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE,
                                                           data->categories[c]);
      double w;

      l->total += slice_value (data, c);
      gdn_chart_text_size (layout, &w, NULL);
      legend_w = MAX (legend_w, w);
    }
  /* swatch, label, a share like "100%" */
  {
    g_autoptr (PangoLayout) share = gdn_chart_text_new (cr, style, 1, FALSE, "100%");
    double w;

    gdn_chart_text_size (share, &w, NULL);
    legend_w += line_h * 0.6 + w + 4 * GDN_CHART_PAD;
  }

  if (width >= height * 1.3)
    {
      double ring = MIN (height, width - MIN (legend_w, width / 2) - GDN_CHART_PAD * 4);
      double lw = MIN (legend_w, width - ring - GDN_CHART_PAD * 4);
      /* ring and legend together, centred */
      double x0 = MAX (0, (width - ring - GDN_CHART_PAD * 3 - lw) / 2);

      l->legend = (GdnChartRect){ x0 + ring + GDN_CHART_PAD * 3, 0, lw, height };
      l->cx = x0 + ring / 2;
      l->cy = height / 2;
      l->outer = ring / 2 - GDN_CHART_PAD;
    }
  else
    {
      guint rows = MIN (data->n_categories, (guint) (height / 2 / line_h));
      double ring = MIN (width, height - rows * line_h - GDN_CHART_PAD);

      l->legend = (GdnChartRect){ 0, height - rows * line_h, width, rows * line_h };
      l->cx = width / 2;
      l->cy = ring / 2;
      l->outer = ring / 2 - GDN_CHART_PAD;
    }
  l->outer = MAX (l->outer, 2);
  l->inner = l->outer * 0.6;
}

/**
 * gdn_chart_draw_donut:
 * Shares of a whole (e.g. the complaint mix): a ring with the total in the middle and a
 * legend with each share. Slices are separated by a gap so they do not rely on colour.
 */
void
gdn_chart_draw_donut (cairo_t             *cr,
                      const GdnChartData  *data,
                      double               width,
                      double               height,
                      const GdnChartStyle *style)
{
  DonutLayout l;
  double angle = -G_PI / 2, line_h, swatch, y;

  cairo_save (cr);
  gdn_chart_begin (cr, width, height, style);
  donut_layout (cr, data, width, height, style, &l);
  if (l.total <= 0)
    {
      gdn_chart_draw_no_data (cr, (GdnChartRect){ 0, 0, width, height }, style);
      cairo_restore (cr);
      return;
    }

  for (guint c = 0; c < data->n_categories; c++)
    {
      double sweep = slice_value (data, c) / l.total * 2 * G_PI;

      if (sweep <= 0)
        continue;
      gdn_chart_set_color (cr, gdn_chart_series_color (style, c), 1);
      cairo_new_path (cr);
      cairo_arc (cr, l.cx, l.cy, l.outer, angle, angle + sweep);
      cairo_arc_negative (cr, l.cx, l.cy, l.inner, angle + sweep, angle);
      cairo_close_path (cr);
      cairo_fill_preserve (cr);
      gdn_chart_set_color (cr, &style->palette->background, 1);
      cairo_set_line_width (cr, sweep < 2 * G_PI - 1e-6 ? 1.5 : 0);
      cairo_stroke (cr);
      angle += sweep;
    }

  {
    g_autofree char *total = gdn_chart_format_value (l.total, data->format);
    double scale = 1.4, w, h;
    g_autoptr (PangoLayout) layout = NULL;

    /* The largest size at which the total fits in the hole. */
    do
      {
        g_clear_object (&layout);
        layout = gdn_chart_text_new (cr, style, scale, TRUE, total);
        gdn_chart_text_size (layout, &w, &h);
        scale -= 0.1;
      }
    while (w > l.inner * 1.7 && scale > 0.5);
    if (w <= l.inner * 1.8)
      gdn_chart_text_draw (cr, layout, l.cx - w / 2, l.cy - h / 2, &style->palette->foreground);
  }

  line_h = gdn_chart_line_height (cr, style);
  swatch = line_h * 0.6;
  y = l.legend.y + MAX (0, (l.legend.height - data->n_categories * line_h) / 2);
  for (guint c = 0; c < data->n_categories; c++)
    {
      g_autofree char *share = g_strdup_printf ("%.0f%%", slice_value (data, c) / l.total * 100);
      g_autoptr (PangoLayout) name = NULL;
      g_autoptr (PangoLayout) pct = NULL;
      double w, x = l.legend.x;

      if (y + line_h > l.legend.y + l.legend.height + 0.5)
        break;
      gdn_chart_set_color (cr, gdn_chart_series_color (style, c), 1);
      cairo_rectangle (cr, x, y + (line_h - swatch) / 2, swatch, swatch);
      cairo_fill (cr);
      x += swatch + GDN_CHART_PAD;
      pct = gdn_chart_text_new (cr, style, 1, FALSE, share);
      gdn_chart_text_size (pct, &w, NULL);
      name = gdn_chart_text_new (cr, style, 1, FALSE, data->categories[c]);
      pango_layout_set_width (name, MAX (1, (l.legend.x + l.legend.width - w - x
                                             - 2 * GDN_CHART_PAD)) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      gdn_chart_text_draw (cr, name, x, y, &style->palette->foreground);
      gdn_chart_text_draw (cr, pct, l.legend.x + l.legend.width - w - GDN_CHART_PAD, y,
                           &style->palette->muted);
      y += line_h;
    }
  cairo_restore (cr);
}

gboolean
gdn_chart_hit_donut (const GdnChartData  *data,
                     double               width,
                     double               height,
                     const GdnChartStyle *style,
                     double               x,
                     double               y,
                     GdnChartHit         *hit)
{
  cairo_t *cr = gdn_chart_scratch_cr ();
  DonutLayout l;
  double r, angle, start = 0;
  gboolean found = FALSE;

  donut_layout (cr, data, width, height, style, &l);
  cairo_destroy (cr);
  r = hypot (x - l.cx, y - l.cy);
  if (l.total <= 0 || r < l.inner || r > l.outer)
    return FALSE;

  /* Clockwise from 12 o'clock, as drawn. */
  angle = atan2 (y - l.cy, x - l.cx) + G_PI / 2;
  if (angle < 0)
    angle += 2 * G_PI;
  for (guint c = 0; c < data->n_categories && !found; c++)
    {
      double sweep = slice_value (data, c) / l.total * 2 * G_PI;

      if (sweep > 0 && angle >= start && angle < start + sweep)
        {
          *hit = (GdnChartHit){ (int) c, 0 };
          found = TRUE;
        }
      start += sweep;
    }
  return found;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

static gboolean
bar_rect (const GdnChartData *data,
          const GdnChartAxes *axes,
          gboolean            touching,
          guint               series,
          guint               category,
          GdnChartRect       *rect)
{
  double v = gdn_chart_value (data, series, category);
  double group = axes->slot_width * (touching ? 1.0 : 0.72);
  double bar = group / MAX (1, data->n_series);
  double base = gdn_chart_axes_y (axes, CLAMP (0, axes->y_min, axes->y_max));
  double top;

  if (isnan (v))
    return FALSE;
  top = gdn_chart_axes_y (axes, v);
  rect->x = axes->plot.x + axes->slot_width * category + (axes->slot_width - group) / 2
            + bar * series;
  rect->width = bar;
  if (touching && bar > 3)
    {
      rect->x += 0.5;
      rect->width -= 1;
    }
  rect->y = MIN (top, base);
  rect->height = fabs (base - top);
  return TRUE;
}

void
gdn_chart_bars_render (cairo_t             *cr,
                       const GdnChartData  *data,
                       double               width,
                       double               height,
                       const GdnChartStyle *style,
                       gboolean             touching)
{
  g_autoptr (GdnChartAxes) axes = NULL;

  cairo_save (cr);
  gdn_chart_begin (cr, width, height, style);
  if (!gdn_chart_data_has_values (data))
    {
      gdn_chart_draw_no_data (cr, (GdnChartRect){ 0, 0, width, height }, style);
      cairo_restore (cr);
      return;
    }

  axes = gdn_chart_axes_compute (cr, data, width, height, style, FALSE);
  gdn_chart_draw_axes (cr, data, axes, style);

  for (guint c = 0; c < data->n_categories; c++)
    {
      gboolean any = FALSE;

      for (guint s = 0; s < data->n_series; s++)
        {
          GdnChartRect r;

          if (!bar_rect (data, axes, touching, s, c, &r))
            continue;
          any = TRUE;
          gdn_chart_set_color (cr, gdn_chart_series_color (style, s), 1);
          cairo_rectangle (cr, r.x, r.y, r.width, MAX (r.height, 1));
          cairo_fill (cr);
        }

      /* A month without data shows a hollow dashed slot, not a bar of 0. */
      if (!any)
        {
          double w = axes->slot_width * 0.5, h = MIN (axes->plot.height / 4, 16);
          double x = axes->plot.x + axes->slot_width * c + (axes->slot_width - w) / 2;
          double base = gdn_chart_axes_y (axes, CLAMP (0, axes->y_min, axes->y_max));

          cairo_save (cr);
          gdn_chart_set_color (cr, &style->palette->muted, 1);
          cairo_set_line_width (cr, 1);
          cairo_set_dash (cr, (double[]){ 2, 2 }, 2, 0);
          cairo_rectangle (cr, round (x) + 0.5, round (base - h) + 0.5, round (w) - 1,
                           round (h) - 1);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }

  gdn_chart_draw_target (cr, data, axes, style);
  cairo_restore (cr);
}

gboolean
gdn_chart_bars_hit (const GdnChartData  *data,
                    double               width,
                    double               height,
                    const GdnChartStyle *style,
                    gboolean             touching,
                    double               x,
                    double               y,
                    GdnChartHit         *hit)
{
  cairo_t *cr;
  GdnChartAxes *axes;
  gboolean found = FALSE;

  if (!gdn_chart_data_has_values (data))
    return FALSE;
  cr = gdn_chart_scratch_cr ();
  axes = gdn_chart_axes_compute (cr, data, width, height, style, FALSE);
  for (guint c = 0; c < data->n_categories && !found; c++)
    for (guint s = 0; s < data->n_series && !found; s++)
      {
        GdnChartRect r;

        /* The whole column above a bar counts, so short bars are easy to point at. */
        if (bar_rect (data, axes, touching, s, c, &r))
          {
            r.height += r.y - axes->plot.y;
            r.y = axes->plot.y;
            found = gdn_chart_rect_contains (r, x, y);
            if (found)
              *hit = (GdnChartHit){ (int) c, (int) s };
          }
      }
  gdn_chart_axes_free (axes);
  cairo_destroy (cr);
  return found;
}

/**
 * gdn_chart_draw_bars:
 * A trend as grouped bars, one colour per series, the target as a dashed line.
 */
void
gdn_chart_draw_bars (cairo_t             *cr,
                     const GdnChartData  *data,
                     double               width,
                     double               height,
                     const GdnChartStyle *style)
{
  gdn_chart_bars_render (cr, data, width, height, style, FALSE);
}

gboolean
gdn_chart_hit_bars (const GdnChartData  *data,
                    double               width,
                    double               height,
                    const GdnChartStyle *style,
                    double               x,
                    double               y,
                    GdnChartHit         *hit)
{
  return gdn_chart_bars_hit (data, width, height, style, FALSE, x, y, hit);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

/* Negative values and NAN add nothing to a stack. */
static gboolean
segment_rect (const GdnChartData *data,
              const GdnChartAxes *axes,
              guint               series,
              guint               category,
              GdnChartRect       *rect)
{
  double below = 0, v = gdn_chart_value (data, series, category);
  double w = axes->slot_width * 0.72;

  if (isnan (v) || v <= 0)
    return FALSE;
  for (guint s = 0; s < series; s++)
    {
      double b = gdn_chart_value (data, s, category);

      if (!isnan (b) && b > 0)
        below += b;
    }
  rect->x = axes->plot.x + axes->slot_width * category + (axes->slot_width - w) / 2;
  rect->width = w;
  rect->y = gdn_chart_axes_y (axes, below + v);
  rect->height = gdn_chart_axes_y (axes, below) - rect->y;
  return TRUE;
}

/**
 * gdn_chart_draw_stacked:
 * Series stacked per category (e.g. orders by status per month), a thin background line
 * between segments so neighbours stay apart without relying on colour alone.
 */
void
gdn_chart_draw_stacked (cairo_t             *cr,
                        const GdnChartData  *data,
                        double               width,
                        double               height,
                        const GdnChartStyle *style)
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

  axes = gdn_chart_axes_compute (cr, data, width, height, style, TRUE);
  gdn_chart_draw_axes (cr, data, axes, style);

  for (guint c = 0; c < data->n_categories; c++)
    for (guint s = 0; s < data->n_series; s++)
      {
        GdnChartRect r;

        if (!segment_rect (data, axes, s, c, &r))
          continue;
        gdn_chart_set_color (cr, gdn_chart_series_color (style, s), 1);
        cairo_rectangle (cr, r.x, r.y, r.width, r.height);
        cairo_fill (cr);
        if (r.height > 3)
          {
            gdn_chart_set_color (cr, &style->palette->background, 1);
            cairo_rectangle (cr, r.x, r.y, r.width, 1);
            cairo_fill (cr);
          }
      }

  gdn_chart_draw_target (cr, data, axes, style);
  cairo_restore (cr);
}

gboolean
gdn_chart_hit_stacked (const GdnChartData  *data,
                       double               width,
                       double               height,
                       const GdnChartStyle *style,
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
  axes = gdn_chart_axes_compute (cr, data, width, height, style, TRUE);
  for (guint c = 0; c < data->n_categories && !found; c++)
    for (guint s = 0; s < data->n_series && !found; s++)
      {
        GdnChartRect r;

        if (segment_rect (data, axes, s, c, &r) && gdn_chart_rect_contains (r, x, y))
          {
            *hit = (GdnChartHit){ (int) c, (int) s };
            found = TRUE;
          }
      }
  gdn_chart_axes_free (axes);
  cairo_destroy (cr);
  return found;
}

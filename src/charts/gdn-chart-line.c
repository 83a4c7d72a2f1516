/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

static double
point_x (const GdnChartAxes *axes,
         guint               category)
{
  return axes->plot.x + axes->slot_width * (category + 0.5);
}

/**
 * gdn_chart_draw_lines:
 * A trend as lines with a dot per value; a month without data breaks the line (never drops
 * to 0) and its slot is marked with a dashed hollow dot.
 */
void
gdn_chart_draw_lines (cairo_t             *cr,
                      const GdnChartData  *data,
                      double               width,
                      double               height,
                      const GdnChartStyle *style)
{
  g_autoptr (GdnChartAxes) axes = NULL;
  double dot;

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
  gdn_chart_draw_target (cr, data, axes, style);
  dot = CLAMP (axes->slot_width / 6, 1.5, 3.5);

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint s = 0; s < data->n_series; s++)
    {
      gboolean pen_down = FALSE;

      gdn_chart_set_color (cr, gdn_chart_series_color (style, s), 1);
      cairo_set_line_width (cr, 2);
      for (guint c = 0; c < data->n_categories; c++)
        {
          double v = gdn_chart_value (data, s, c);

          if (isnan (v))
            {
              pen_down = FALSE;
              continue;
            }
          if (pen_down)
            cairo_line_to (cr, point_x (axes, c), gdn_chart_axes_y (axes, v));
          else
            cairo_move_to (cr, point_x (axes, c), gdn_chart_axes_y (axes, v));
          pen_down = TRUE;
        }
      cairo_stroke (cr);

      for (guint c = 0; c < data->n_categories; c++)
        {
          double v = gdn_chart_value (data, s, c);

          if (isnan (v))
            continue;
          cairo_arc (cr, point_x (axes, c), gdn_chart_axes_y (axes, v), dot, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }

  /* Slots where no series has a value. */
  cairo_save (cr);
  gdn_chart_set_color (cr, &style->palette->muted, 1);
  cairo_set_line_width (cr, 1);
  for (guint c = 0; c < data->n_categories; c++)
    {
      gboolean any = FALSE;

      for (guint s = 0; s < data->n_series; s++)
        any |= !isnan (gdn_chart_value (data, s, c));
      if (any)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, point_x (axes, c), axes->plot.y + axes->plot.height - dot - 1, dot, 0,
                 2 * G_PI);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  cairo_restore (cr);
}

/* The nearest category by x, then the series whose point is nearest by y. */
gboolean
gdn_chart_hit_lines (const GdnChartData  *data,
                     double               width,
                     double               height,
                     const GdnChartStyle *style,
                     double               x,
                     double               y,
                     GdnChartHit         *hit)
{
  cairo_t *cr;
  GdnChartAxes *axes;
  double best = G_MAXDOUBLE;
  int c, found = -1;

  if (!gdn_chart_data_has_values (data) || data->n_categories == 0)
    return FALSE;
  cr = gdn_chart_scratch_cr ();
  axes = gdn_chart_axes_compute (cr, data, width, height, style, FALSE);
  c = (int) floor ((x - axes->plot.x) / axes->slot_width);
  if (c >= 0 && c < (int) data->n_categories && y >= axes->plot.y
      && y <= axes->plot.y + axes->plot.height)
    for (guint s = 0; s < data->n_series; s++)
      {
        double v = gdn_chart_value (data, s, c);

        if (!isnan (v) && fabs (gdn_chart_axes_y (axes, v) - y) < best)
          {
            best = fabs (gdn_chart_axes_y (axes, v) - y);
            found = (int) s;
          }
      }
  if (found >= 0)
    *hit = (GdnChartHit){ c, found };
  gdn_chart_axes_free (axes);
  cairo_destroy (cr);
  return found >= 0;
}

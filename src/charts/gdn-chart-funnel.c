/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

/**
 * gdn_chart_draw_funnel:
 * Stages top first (inquiries → confirmed → shipped → delivered): centred bars as wide as
 * their value, the figure and its share of the first stage on the right.
 */
void
gdn_chart_draw_funnel (cairo_t             *cr,
                       const GdnChartData  *data,
                       double               width,
                       double               height,
                       const GdnChartStyle *style)
{
  GdnChartRows rows;
  double first = NAN;

  cairo_save (cr);
  gdn_chart_begin (cr, width, height, style);
  if (!gdn_chart_data_has_values (data))
    {
      gdn_chart_draw_no_data (cr, (GdnChartRect){ 0, 0, width, height }, style);
      cairo_restore (cr);
      return;
    }

  gdn_chart_rows_compute (cr, data, width, height, style,
                          data->format != GDN_CHART_FORMAT_PERCENT, &rows);
  if (data->n_categories > 0)
    first = gdn_chart_value (data, 0, 0);

  for (guint r = 0; r < rows.n_rows; r++)
    {
      double v = gdn_chart_value (data, 0, r);
      double y = rows.top + rows.row_h * r;
      double w = isnan (v) ? 0 : MAX (1, rows.bar_w * CLAMP (v / rows.max, 0, 1));
      g_autofree char *figure = gdn_chart_format_value (v, data->format);
      g_autofree char *text = NULL;

      if (isnan (v))
        {
          gdn_chart_rows_draw_texts (cr, data, &rows, style, r, "");
          gdn_chart_draw_no_data (cr, (GdnChartRect){ rows.bar_x, y, rows.bar_w, rows.row_h },
                                  style);
          continue;
        }
      /* One hue fading down the stages: reads in grey and for colour-blind readers. */
      gdn_chart_set_color (cr, gdn_chart_series_color (style, 0),
                           1 - 0.5 * r / MAX (1, rows.n_rows));
      cairo_rectangle (cr, rows.bar_x + (rows.bar_w - w) / 2, y + rows.row_h * 0.1, w,
                       rows.row_h * 0.8);
      cairo_fill (cr);

      if (r > 0 && !isnan (first) && first > 0 && data->format != GDN_CHART_FORMAT_PERCENT)
        text = g_strdup_printf ("%s (%.0f%%)", figure, v / first * 100);
      gdn_chart_rows_draw_texts (cr, data, &rows, style, r, text != NULL ? text : figure);
    }
  cairo_restore (cr);
}

gboolean
gdn_chart_hit_funnel (const GdnChartData  *data,
                      double               width,
                      double               height,
                      const GdnChartStyle *style,
                      double               x,
                      double               y,
                      GdnChartHit         *hit)
{
  int row = gdn_chart_rows_hit (data, width, height, style,
                                data->format != GDN_CHART_FORMAT_PERCENT, x, y);

  if (row < 0)
    return FALSE;
  *hit = (GdnChartHit){ row, 0 };
  return TRUE;
}

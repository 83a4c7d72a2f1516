/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include "gdn-chart-private.h"

/**
 * gdn_chart_draw_histogram:
 * Bins as touching bars (e.g. transit days, response hours); a bin without data is drawn
 * as a hollow slot.
 */
void
gdn_chart_draw_histogram (cairo_t             *cr,
                          const GdnChartData  *data,
                          double               width,
                          double               height,
                          const GdnChartStyle *style)
{
  gdn_chart_bars_render (cr, data, width, height, style, TRUE);
}

gboolean
gdn_chart_hit_histogram (const GdnChartData  *data,
                         double               width,
                         double               height,
                         const GdnChartStyle *style,
                         double               x,
                         double               y,
                         GdnChartHit         *hit)
{
  return gdn_chart_bars_hit (data, width, height, style, TRUE, x, y, hit);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <math.h>

#include "gdn-chart-private.h"

/**
 * gdn_chart_rows_compute:
 * Label column (at most 40 % of the width), bar area, value column; as many rows as fit at
 * one line each, up to two lines tall.
 */
void
gdn_chart_rows_compute (cairo_t             *cr,
                        const GdnChartData  *data,
                        double               width,
                        double               height,
                        const GdnChartStyle *style,
                        gboolean             with_share,
                        GdnChartRows        *rows)
{
  double line_h = gdn_chart_line_height (cr, style);
  double label_w = 0, value_w = 0;

  rows->max = isnan (data->target) ? 0 : data->target;
  for (guint c = 0; c < data->n_categories; c++)
    {
      g_autoptr (PangoLayout) label = gdn_chart_text_new (cr, style, 1, FALSE,
                                                          data->categories[c]);
      double v = data->n_series > 0 ? gdn_chart_value (data, 0, c) : NAN;
      g_autofree char *figure = gdn_chart_format_value (v, data->format);
      g_autofree char *text = with_share ? g_strdup_printf ("%s (100%%)", figure)
                                         : g_strdup (figure);
      g_autoptr (PangoLayout) value = gdn_chart_text_new (cr, style, 1, FALSE, text);
      double w;

      gdn_chart_text_size (label, &w, NULL);
      label_w = MAX (label_w, w);
      gdn_chart_text_size (value, &w, NULL);
      value_w = MAX (value_w, w);
      if (!isnan (v))
        rows->max = MAX (rows->max, v);
    }
  if (rows->max <= 0)
    rows->max = data->format == GDN_CHART_FORMAT_PERCENT ? 1 : 1;
  if (data->format == GDN_CHART_FORMAT_PERCENT && rows->max < 1)
    rows->max = 1;

  rows->label_x = GDN_CHART_PAD;
  rows->label_w = MIN (label_w, width * 0.4);
  rows->value_w = MIN (value_w, width * 0.3);
  rows->value_x = width - GDN_CHART_PAD - rows->value_w;
  rows->bar_x = rows->label_x + rows->label_w + GDN_CHART_PAD * 2;
  rows->bar_w = MAX (1, rows->value_x - GDN_CHART_PAD * 2 - rows->bar_x);
  /* A line on top for the target's figure. */
  rows->header = isnan (data->target) || with_share ? 0 : line_h;
  height -= rows->header;
  rows->row_h = data->n_categories > 0 ? CLAMP (height / data->n_categories, line_h,
                                                line_h * 2) : line_h;
  rows->n_rows = MIN (data->n_categories, (guint) floor (height / rows->row_h));
  rows->top = rows->header + MAX (0, (height - rows->n_rows * rows->row_h) / 2);
}

int
gdn_chart_rows_hit (const GdnChartData  *data,
                    double               width,
                    double               height,
                    const GdnChartStyle *style,
                    gboolean             with_share,
                    double               x,
                    double               y)
{
  cairo_t *cr;
  GdnChartRows rows;
  int row;

  if (!gdn_chart_data_has_values (data))
    return -1;
  cr = gdn_chart_scratch_cr ();
  gdn_chart_rows_compute (cr, data, width, height, style, with_share, &rows);
  cairo_destroy (cr);
  if (x < 0 || x >= width || y < rows.top)
    return -1;
  row = (int) floor ((y - rows.top) / rows.row_h);
  return row < (int) rows.n_rows ? row : -1;
}

void
gdn_chart_rows_draw_texts (cairo_t             *cr,
                           const GdnChartData  *data,
                           const GdnChartRows  *rows,
                           const GdnChartStyle *style,
                           guint                row,
                           const char          *value)
{
  g_autoptr (PangoLayout) label = gdn_chart_text_new (cr, style, 1, FALSE,
                                                      data->categories[row]);
  g_autoptr (PangoLayout) figure = gdn_chart_text_new (cr, style, 1, FALSE, value);
  double w, h, y = rows->top + rows->row_h * row;

  pango_layout_set_width (label, MAX (1, rows->label_w) * PANGO_SCALE);
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
  gdn_chart_text_size (label, NULL, &h);
  gdn_chart_text_draw (cr, label, rows->label_x, y + (rows->row_h - h) / 2,
                       &style->palette->foreground);

  pango_layout_set_width (figure, MAX (1, rows->value_w) * PANGO_SCALE);
  pango_layout_set_ellipsize (figure, PANGO_ELLIPSIZE_END);
  gdn_chart_text_size (figure, &w, &h);
  gdn_chart_text_draw (cr, figure, rows->value_x + rows->value_w - MIN (w, rows->value_w),
                       y + (rows->row_h - h) / 2, &style->palette->muted);
}

/**
 * gdn_chart_draw_hbars:
 * A comparison of rows (on-time rate per customer or owner): label, bar, figure; the
 * target as a dashed vertical line. A row without data says so where its bar would be.
 */
void
gdn_chart_draw_hbars (cairo_t             *cr,
                      const GdnChartData  *data,
                      double               width,
                      double               height,
                      const GdnChartStyle *style)
{
  GdnChartRows rows;

  cairo_save (cr);
  gdn_chart_begin (cr, width, height, style);
  if (!gdn_chart_data_has_values (data))
    {
      gdn_chart_draw_no_data (cr, (GdnChartRect){ 0, 0, width, height }, style);
      cairo_restore (cr);
      return;
    }

  gdn_chart_rows_compute (cr, data, width, height, style, FALSE, &rows);
  for (guint r = 0; r < rows.n_rows; r++)
    {
      double v = gdn_chart_value (data, 0, r);
      double y = rows.top + rows.row_h * r;
      g_autofree char *text = gdn_chart_format_value (v, data->format);

      if (!isnan (v))
        {
          gdn_chart_set_color (cr, gdn_chart_series_color (style, 0), 1);
          cairo_rectangle (cr, rows.bar_x, y + rows.row_h * 0.2,
                           MAX (1, rows.bar_w * CLAMP (v / rows.max, 0, 1)), rows.row_h * 0.6);
          cairo_fill (cr);
          gdn_chart_rows_draw_texts (cr, data, &rows, style, r, text);
        }
      else
        {
          /* The figure column stays empty; the text sits where the bar would be. */
          gdn_chart_rows_draw_texts (cr, data, &rows, style, r, "");
          gdn_chart_draw_no_data (cr, (GdnChartRect){ rows.bar_x, y, rows.bar_w, rows.row_h },
                                  style);
        }
    }

  if (!isnan (data->target) && rows.n_rows > 0)
    {
      double x = round (rows.bar_x + rows.bar_w * CLAMP (data->target / rows.max, 0, 1)) + 0.5;

      cairo_save (cr);
      gdn_chart_set_color (cr, &style->palette->target, 1);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, (double[]){ 4, 3 }, 2, 0);
      cairo_move_to (cr, x, rows.top);
      cairo_line_to (cr, x, rows.top + rows.row_h * rows.n_rows);
      cairo_stroke (cr);
      cairo_restore (cr);

      {
        g_autofree char *figure = gdn_chart_format_value (data->target, data->format);
        g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, figure);
        double w, h;

        gdn_chart_text_size (layout, &w, &h);
        gdn_chart_text_draw (cr, layout, CLAMP (x - w / 2, 0, width - w),
                             rows.top - h - GDN_CHART_PAD / 2, &style->palette->target);
      }
    }
  cairo_restore (cr);
}

gboolean
gdn_chart_hit_hbars (const GdnChartData  *data,
                     double               width,
                     double               height,
                     const GdnChartStyle *style,
                     double               x,
                     double               y,
                     GdnChartHit         *hit)
{
  int row = gdn_chart_rows_hit (data, width, height, style, FALSE, x, y);

  if (row < 0)
    return FALSE;
  *hit = (GdnChartHit){ row, 0 };
  return TRUE;
}

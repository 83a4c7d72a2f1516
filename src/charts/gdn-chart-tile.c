/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gdn-chart-private.h"

/* A layout of @text in bold at the largest scale ≤ @scale that fits @max_w. */
static PangoLayout *
fitted_text (cairo_t             *cr,
             const GdnChartStyle *style,
             double               scale,
             gboolean             bold,
             const char          *text,
             double               max_w,
             double               max_h)
{
  PangoLayout *layout = NULL;
  double w, h;

  for (; ; scale *= 0.9)
    {
      g_clear_object (&layout);
      layout = gdn_chart_text_new (cr, style, scale, bold, text);
      gdn_chart_text_size (layout, &w, &h);
      if ((w <= max_w && h <= max_h) || scale < 0.6)
        break;
    }
  if (w > max_w)
    {
      pango_layout_set_width (layout, MAX (1, max_w) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
draw_sparkline (cairo_t             *cr,
                const GdnChartTile  *tile,
                GdnChartRect         r,
                const GdnChartStyle *style)
{
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  gboolean pen_down = FALSE;
  guint n = 0;

  for (guint i = 0; i < tile->n_spark; i++)
    if (!isnan (tile->spark[i]))
      {
        lo = MIN (lo, tile->spark[i]);
        hi = MAX (hi, tile->spark[i]);
        n++;
      }
  if (n == 0 || r.height < 4 || r.width < 8)
    return;
  if (hi - lo < 1e-9)
    {
      lo -= 1;
      hi += 1;
    }

  cairo_save (cr);
  gdn_chart_set_color (cr, gdn_chart_series_color (style, 0), 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < tile->n_spark; i++)
    {
      double v = tile->spark[i];
      double x = r.x + (tile->n_spark > 1 ? r.width * i / (tile->n_spark - 1) : r.width / 2);
      double y = r.y + r.height * (1 - (v - lo) / (hi - lo));

      if (isnan (v))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
      if (i + 1 == tile->n_spark || isnan (tile->spark[i + 1]))
        {
          cairo_stroke (cr);
          cairo_arc (cr, x, y, 2, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * gdn_chart_draw_tile:
 * A KPI tile: the title, the value large, the change against the previous period with an
 * arrow (shape and colour, so it reads without colour), a sparkline under it.
 */
void
gdn_chart_draw_tile (cairo_t             *cr,
                     const GdnChartTile  *tile,
                     double               width,
                     double               height,
                     const GdnChartStyle *style)
{
  double pad = MIN (12, MAX (GDN_CHART_PAD, width / 20));
  double inner_w = width - 2 * pad, y = pad, w, h;
  g_autofree char *value = gdn_chart_format_value (tile->value, tile->format);
  g_autoptr (PangoLayout) title = NULL;
  g_autoptr (PangoLayout) figure = NULL;

  cairo_save (cr);
  gdn_chart_begin (cr, width, height, style);

  title = fitted_text (cr, style, 1, FALSE, tile->title != NULL ? tile->title : "", inner_w,
                       height);
  gdn_chart_text_size (title, NULL, &h);
  gdn_chart_text_draw (cr, title, pad, y, &style->palette->muted);
  y += h;

  figure = fitted_text (cr, style, isnan (tile->value) ? 1.4 : 2.4, !isnan (tile->value), value,
                        inner_w, MAX (1, height - y - pad));
  gdn_chart_text_size (figure, &w, &h);
  gdn_chart_text_draw (cr, figure, pad, y,
                       isnan (tile->value) ? &style->palette->muted : &style->palette->foreground);
  y += h;

  if (!isnan (tile->value) && !isnan (tile->previous))
    {
      double delta = tile->value - tile->previous;
      gboolean up = delta > 0, flat = fabs (delta) < 1e-9;
      gboolean better = tile->higher_is_better ? up : !up;
      g_autofree char *amount = gdn_chart_format_value (fabs (delta), tile->format);
      g_autofree char *text = g_strdup_printf ("%s %s", flat ? "=" : up ? "▲" : "▼", amount);
      g_autoptr (PangoLayout) change = gdn_chart_text_new (cr, style, 1, FALSE, text);

      gdn_chart_text_size (change, NULL, &h);
      if (y + h <= height)
        gdn_chart_text_draw (cr, change, pad, y,
                             flat ? &style->palette->muted
                                  : better ? &style->palette->better : &style->palette->worse);
      y += h;
    }

  if (tile->spark != NULL)
    draw_sparkline (cr, tile,
                    (GdnChartRect){ pad, y + GDN_CHART_PAD, inner_w,
                                    MIN (height - y - GDN_CHART_PAD - pad, height / 3) },
                    style);
  cairo_restore (cr);
}

/**
 * gdn_chart_describe_tile:
 * "On-time delivery: 95.2% (previous period 93.0%)."
 */
char *
gdn_chart_describe_tile (const GdnChartTile *tile)
{
  g_autofree char *value = gdn_chart_format_value (tile->value, tile->format);

  if (!isnan (tile->value) && !isnan (tile->previous))
    {
      g_autofree char *previous = gdn_chart_format_value (tile->previous, tile->format);

      /* TRANSLATORS: a KPI tile for screen readers: "On-time delivery: 95.2% (previous
       * period: 93.0%)." */
      return g_strdup_printf (_("%s: %s (previous period: %s)."),
                              tile->title != NULL ? tile->title : "", value, previous);
    }
  return g_strdup_printf ("%s: %s.", tile->title != NULL ? tile->title : "", value);
}

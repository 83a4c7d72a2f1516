/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "gdn-chart-private.h"

#define RGB(hex) \
  { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Okabe–Ito, ordered so the first colours contrast best with the background. */
static const GdnChartPalette light_palette = {
  .background = RGB (0xffffff),
  .foreground = RGB (0x1e1e1e),
  .muted = RGB (0x5e5c64),
  .grid = RGB (0xdeddda),
  .target = RGB (0x1e1e1e),
  .better = RGB (0x007a5a),
  .worse = RGB (0xb54a00),
  .series = { RGB (0x0072b2), RGB (0xe69f00), RGB (0x009e73), RGB (0xd55e00),
              RGB (0xcc79a7), RGB (0x56b4e9), RGB (0xf0e442) },
};

static const GdnChartPalette dark_palette = {
  .background = RGB (0x242424),
  .foreground = RGB (0xf6f5f4),
  .muted = RGB (0xc0bfbc),
  .grid = RGB (0x48484c),
  .target = RGB (0xf6f5f4),
  .better = RGB (0x3fd4a4),
  .worse = RGB (0xff8a4c),
  .series = { RGB (0x56b4e9), RGB (0xe69f00), RGB (0x009e73), RGB (0xf0e442),
              RGB (0xcc79a7), RGB (0xd55e00), RGB (0x0072b2) },
};

const GdnChartPalette *
gdn_chart_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

/**
 * gdn_chart_style_init:
 * Fills @style with the defaults: the light or dark palette, Noto Sans CJK SC (falling back
 * to Sans) at 11 units, background painted.
 */
void
gdn_chart_style_init (GdnChartStyle *style,
                      gboolean       dark)
{
  style->palette = gdn_chart_palette_get (dark);
  style->font_family = "Noto Sans CJK SC, Sans";
  style->font_size = 11.0;
  style->fill_background = TRUE;
}

static char *
format_compact (double value,
                double step)
{
  double a = fabs (value);

  if (a >= 1e6)
    return g_strdup_printf ("%.*fM", fmod (value, 1e6) == 0 ? 0 : 1, value / 1e6);
  if (a >= 1e4)
    return g_strdup_printf ("%.*fk", fmod (value, 1e3) == 0 ? 0 : 1, value / 1e3);
  if (step > 0 && step < 1)
    return g_strdup_printf ("%.*f", step < 0.1 ? 2 : 1, value);
  if (value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.1f", value);
}

static char *
format_grouped (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (value));
  GString *out = g_string_new (value < 0 && digits[0] != '0' ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
format_axis (double         value,
             GdnChartFormat format,
             double         step)
{
  g_autofree char *number = NULL;

  switch (format)
    {
    case GDN_CHART_FORMAT_PERCENT:
      return g_strdup_printf ("%.*f%%", step * 100 < 1 ? 1 : 0, value * 100);
    case GDN_CHART_FORMAT_MONEY:
      number = format_compact (value, step);
      return g_strdup_printf ("¥%s", number);
    case GDN_CHART_FORMAT_NUMBER:
    case GDN_CHART_FORMAT_DAYS:
    default:
      return format_compact (value, step);
    }
}

/**
 * gdn_chart_format_value:
 * A figure as shown beside a bar or on a tile: "95.2%", "1,234", "¥12,300", "3.5 d";
 * "No data" for NAN.
 */
char *
gdn_chart_format_value (double         value,
                        GdnChartFormat format)
{
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("No data"));

  switch (format)
    {
    case GDN_CHART_FORMAT_PERCENT:
      return g_strdup_printf ("%.1f%%", value * 100);
    case GDN_CHART_FORMAT_MONEY:
      number = format_grouped (value);
      return g_strdup_printf ("¥%s", number);
    case GDN_CHART_FORMAT_DAYS:
      number = g_strdup_printf ("%.1f", value);
      /* TRANSLATORS: a duration in days on a chart, e.g. "3.5 d" */
      return g_strdup_printf (_("%s d"), number);
    case GDN_CHART_FORMAT_NUMBER:
    default:
      if (value == floor (value))
        return format_grouped (value);
      return g_strdup_printf ("%.1f", value);
    }
}

/**
 * gdn_chart_nice_ticks:
 * Widens [@lo, @hi] to multiples of a step of 1, 2 or 5 × 10ⁿ giving at most @max_ticks
 * intervals.
 */
void
gdn_chart_nice_ticks (double  lo,
                      double  hi,
                      guint   max_ticks,
                      double *out_lo,
                      double *out_hi,
                      double *out_step)
{
  double step = 1;

  if (max_ticks < 1)
    max_ticks = 1;
  if (!(hi > lo))
    hi = lo + (lo == 0 ? 1 : fabs (lo) * 0.5);

  for (double mag = pow (10, floor (log10 ((hi - lo) / max_ticks))); ; mag *= 10)
    {
      static const double nice[] = { 1, 2, 5 };
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (nice) && !found; i++)
        {
          step = nice[i] * mag;
          found = ceil (hi / step - 1e-9) - floor (lo / step + 1e-9) <= max_ticks;
        }
      if (found)
        break;
    }

  *out_lo = floor (lo / step + 1e-9) * step;
  *out_hi = ceil (hi / step - 1e-9) * step;
  *out_step = step;
}

gboolean
gdn_chart_data_has_values (const GdnChartData *data)
{
  for (guint s = 0; s < data->n_series; s++)
    for (guint c = 0; c < data->n_categories; c++)
      if (!isnan (data->series[s].values[c]))
        return TRUE;
  return FALSE;
}

/**
 * gdn_chart_describe:
 * The figures as text for screen readers and the report: the title, then per category each
 * series' value ("No data" where there is none), then the target.
 */
char *
gdn_chart_describe (const GdnChartData *data)
{
  GString *out = g_string_new (NULL);

  if (data->title != NULL)
    g_string_append_printf (out, "%s. ", data->title);
  if (!gdn_chart_data_has_values (data))
    g_string_append (out, _("No data"));

  for (guint c = 0; c < data->n_categories && gdn_chart_data_has_values (data); c++)
    {
      g_string_append_printf (out, "%s: ", data->categories[c]);
      for (guint s = 0; s < data->n_series; s++)
        {
          g_autofree char *value = gdn_chart_format_value (data->series[s].values[c],
                                                           data->format);
          if (data->n_series > 1 && data->series[s].label != NULL)
            g_string_append_printf (out, "%s%s %s", s > 0 ? ", " : "", data->series[s].label,
                                    value);
          else
            g_string_append_printf (out, "%s%s", s > 0 ? ", " : "", value);
        }
      g_string_append (out, c + 1 < data->n_categories ? "; " : ".");
    }

  if (!isnan (data->target))
    {
      g_autofree char *target = gdn_chart_format_value (data->target, data->format);
      /* TRANSLATORS: the target line of a chart, e.g. "Target: 95.0%" */
      g_string_append_printf (out, " %s: %s.", _("Target"), target);
    }
  return g_string_free (out, FALSE);
}

/* Text */

PangoLayout *
gdn_chart_text_new (cairo_t             *cr,
                    const GdnChartStyle *style,
                    double               scale,
                    gboolean             bold,
                    const char          *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, style->font_size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

void
gdn_chart_text_size (PangoLayout *layout,
                     double      *width,
                     double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

void
gdn_chart_text_draw (cairo_t             *cr,
                     PangoLayout         *layout,
                     double               x,
                     double               y,
                     const GdnChartColor *color)
{
  cairo_save (cr);
  gdn_chart_set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

double
gdn_chart_line_height (cairo_t             *cr,
                       const GdnChartStyle *style)
{
  g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, "0%月");
  double h;

  gdn_chart_text_size (layout, NULL, &h);
  return h;
}

void
gdn_chart_set_color (cairo_t             *cr,
                     const GdnChartColor *color,
                     double               alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

const GdnChartColor *
gdn_chart_series_color (const GdnChartStyle *style,
                        guint                index)
{
  return &style->palette->series[index % GDN_CHART_N_SERIES_COLORS];
}

void
gdn_chart_begin (cairo_t             *cr,
                 double               width,
                 double               height,
                 const GdnChartStyle *style)
{
  if (style->fill_background)
    {
      gdn_chart_set_color (cr, &style->palette->background, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }
}

void
gdn_chart_draw_no_data (cairo_t             *cr,
                        GdnChartRect         rect,
                        const GdnChartStyle *style)
{
  g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, _("No data"));
  double w, h;

  gdn_chart_text_size (layout, &w, &h);
  gdn_chart_text_draw (cr, layout, rect.x + (rect.width - w) / 2, rect.y + (rect.height - h) / 2,
                       &style->palette->muted);
}

cairo_t *
gdn_chart_scratch_cr (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

double
gdn_chart_value (const GdnChartData *data,
                 guint               series,
                 guint               category)
{
  return data->series[series].values[category];
}

gboolean
gdn_chart_rect_contains (GdnChartRect rect,
                         double       x,
                         double       y)
{
  return x >= rect.x && x < rect.x + rect.width && y >= rect.y && y < rect.y + rect.height;
}

/* Axes */

static double
legend_height (cairo_t             *cr,
               const GdnChartData  *data,
               double               width,
               const GdnChartStyle *style,
               double               line_h,
               gboolean             draw)
{
  double x = GDN_CHART_PAD, y = 0, swatch = line_h * 0.6;
  guint n = data->n_series + (isnan (data->target) ? 0 : 1);

  if (n < 2 && isnan (data->target))
    return 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean is_target = i == data->n_series;
      const char *label = is_target ? _("Target") : data->series[i].label;
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE,
                                                           label != NULL ? label : "");
      double w, entry;

      gdn_chart_text_size (layout, &w, NULL);
      entry = swatch + GDN_CHART_PAD + w + 3 * GDN_CHART_PAD;
      if (x > GDN_CHART_PAD && x + entry > width)
        {
          x = GDN_CHART_PAD;
          y += line_h;
        }
      if (draw)
        {
          if (is_target)
            {
              cairo_save (cr);
              gdn_chart_set_color (cr, &style->palette->target, 1);
              cairo_set_line_width (cr, 1.5);
              cairo_set_dash (cr, (double[]){ 4, 3 }, 2, 0);
              cairo_move_to (cr, x, y + line_h / 2);
              cairo_line_to (cr, x + swatch, y + line_h / 2);
              cairo_stroke (cr);
              cairo_restore (cr);
            }
          else
            {
              gdn_chart_set_color (cr, gdn_chart_series_color (style, i), 1);
              cairo_rectangle (cr, x, y + (line_h - swatch) / 2, swatch, swatch);
              cairo_fill (cr);
            }
          gdn_chart_text_draw (cr, layout, x + swatch + GDN_CHART_PAD, y,
                               &style->palette->foreground);
        }
      x += entry;
    }
  return y + line_h + GDN_CHART_PAD;
}

static void
value_range (const GdnChartData *data,
             gboolean            stacked,
             double             *lo,
             double             *hi)
{
  *lo = 0;
  *hi = 0;
  for (guint c = 0; c < data->n_categories; c++)
    {
      double sum = 0;

      for (guint s = 0; s < data->n_series; s++)
        {
          double v = gdn_chart_value (data, s, c);

          if (isnan (v))
            continue;
          if (stacked)
            sum += MAX (v, 0);
          else
            {
              *lo = MIN (*lo, v);
              *hi = MAX (*hi, v);
            }
        }
      *hi = MAX (*hi, sum);
    }
  if (!isnan (data->target))
    *hi = MAX (*hi, data->target);
  if (*hi <= *lo)
    *hi = data->format == GDN_CHART_FORMAT_PERCENT ? 1 : *lo + 1;
}

/**
 * gdn_chart_axes_compute:
 * Lays out a chart with axes in @width × @height: the legend on top, y labels on the left
 * at "nice" ticks as many as fit, x labels below, every nth when they would overlap.
 * @cr only measures text.
 */
GdnChartAxes *
gdn_chart_axes_compute (cairo_t             *cr,
                        const GdnChartData  *data,
                        double               width,
                        double               height,
                        const GdnChartStyle *style,
                        gboolean             stacked)
{
  GdnChartAxes *axes = g_new0 (GdnChartAxes, 1);
  double line_h = gdn_chart_line_height (cr, style);
  double lo, hi, top, bottom, left, y_label_w = 0, last_right = -G_MAXDOUBLE;
  guint max_ticks;

  axes->y_ticks = g_array_new (FALSE, FALSE, sizeof (double));
  axes->y_label_rects = g_array_new (FALSE, FALSE, sizeof (GdnChartRect));
  axes->x_labels = g_array_new (FALSE, FALSE, sizeof (guint));
  axes->x_label_rects = g_array_new (FALSE, FALSE, sizeof (GdnChartRect));

  axes->legend = (GdnChartRect){ 0, 0, width,
                                 legend_height (cr, data, width, style, line_h, FALSE) };
  /* A legend taking more than a third of the chart is dropped; the description has it. */
  if (axes->legend.height > height / 3)
    axes->legend.height = 0;

  top = axes->legend.height + line_h / 2;
  bottom = height - line_h - GDN_CHART_PAD;
  if (bottom - top < line_h)
    bottom = top + line_h;

  /* Labels at least 1.5 lines apart. */
  value_range (data, stacked, &lo, &hi);
  max_ticks = MAX (1, (guint) ((bottom - top) / (line_h * 1.5)));
  gdn_chart_nice_ticks (lo, hi, max_ticks, &axes->y_min, &axes->y_max, &axes->y_step);

  for (double v = axes->y_min; v <= axes->y_max + axes->y_step / 2; v += axes->y_step)
    {
      double tick = fabs (v) < axes->y_step * 1e-6 ? 0 : v;
      g_autofree char *text = format_axis (tick, data->format, axes->y_step);
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, text);
      double w;

      gdn_chart_text_size (layout, &w, NULL);
      y_label_w = MAX (y_label_w, w);
      g_array_append_val (axes->y_ticks, tick);
    }

  left = y_label_w + GDN_CHART_PAD * 2;
  axes->plot = (GdnChartRect){ left, top, MAX (1, width - left - GDN_CHART_PAD), bottom - top };
  axes->slot_width = axes->plot.width / MAX (1, data->n_categories);

  for (guint i = 0; i < axes->y_ticks->len; i++)
    {
      double tick = g_array_index (axes->y_ticks, double, i);
      g_autofree char *text = format_axis (tick, data->format, axes->y_step);
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, text);
      GdnChartRect r;

      gdn_chart_text_size (layout, &r.width, &r.height);
      r.x = left - GDN_CHART_PAD - r.width;
      r.y = gdn_chart_axes_y (axes, tick) - r.height / 2;
      g_array_append_val (axes->y_label_rects, r);
    }

  /* x labels: centred under their slot, clamped into the chart, skipped when they would
   * touch the previous one; with a regular step so the kept ones read as a scale. */
  {
    double max_w = 0;
    guint step;

    for (guint c = 0; c < data->n_categories; c++)
      {
        g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE,
                                                             data->categories[c]);
        double w;

        gdn_chart_text_size (layout, &w, NULL);
        max_w = MAX (max_w, w);
      }
    step = MAX (1, (guint) ceil ((max_w + 2 * GDN_CHART_PAD) / axes->slot_width));

    for (guint c = 0; c < data->n_categories; c += step)
      {
        g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE,
                                                             data->categories[c]);
        GdnChartRect r;

        gdn_chart_text_size (layout, &r.width, &r.height);
        r.x = left + axes->slot_width * (c + 0.5) - r.width / 2;
        /* not under the y labels */
        r.x = CLAMP (r.x, left - GDN_CHART_PAD, MAX (0, width - r.width));
        r.y = bottom + GDN_CHART_PAD / 2;
        if (r.x < last_right + GDN_CHART_PAD)
          continue;
        last_right = r.x + r.width;
        g_array_append_val (axes->x_labels, c);
        g_array_append_val (axes->x_label_rects, r);
      }
  }

  return axes;
}

void
gdn_chart_axes_free (GdnChartAxes *axes)
{
  g_array_unref (axes->y_ticks);
  g_array_unref (axes->y_label_rects);
  g_array_unref (axes->x_labels);
  g_array_unref (axes->x_label_rects);
  g_free (axes);
}

double
gdn_chart_axes_y (const GdnChartAxes *axes,
                  double              value)
{
  double f = (value - axes->y_min) / (axes->y_max - axes->y_min);

  return axes->plot.y + axes->plot.height * (1 - f);
}

void
gdn_chart_draw_axes (cairo_t             *cr,
                     const GdnChartData  *data,
                     const GdnChartAxes  *axes,
                     const GdnChartStyle *style)
{
  double line_h = gdn_chart_line_height (cr, style);

  if (axes->legend.height > 0)
    legend_height (cr, data, axes->legend.width, style, line_h, TRUE);

  cairo_save (cr);
  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < axes->y_ticks->len; i++)
    {
      double tick = g_array_index (axes->y_ticks, double, i);
      GdnChartRect r = g_array_index (axes->y_label_rects, GdnChartRect, i);
      g_autofree char *text = format_axis (tick, data->format, axes->y_step);
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE, text);
      double y = round (gdn_chart_axes_y (axes, tick)) + 0.5;

      gdn_chart_set_color (cr, tick == 0 ? &style->palette->muted : &style->palette->grid, 1);
      cairo_move_to (cr, axes->plot.x, y);
      cairo_line_to (cr, axes->plot.x + axes->plot.width, y);
      cairo_stroke (cr);
      gdn_chart_text_draw (cr, layout, r.x, r.y, &style->palette->muted);
    }

  for (guint i = 0; i < axes->x_labels->len; i++)
    {
      guint c = g_array_index (axes->x_labels, guint, i);
      GdnChartRect r = g_array_index (axes->x_label_rects, GdnChartRect, i);
      g_autoptr (PangoLayout) layout = gdn_chart_text_new (cr, style, 1, FALSE,
                                                           data->categories[c]);

      gdn_chart_text_draw (cr, layout, r.x, r.y, &style->palette->muted);
    }
  cairo_restore (cr);
}

void
gdn_chart_draw_target (cairo_t             *cr,
                       const GdnChartData  *data,
                       const GdnChartAxes  *axes,
                       const GdnChartStyle *style)
{
  double y;

  if (isnan (data->target))
    return;
  y = gdn_chart_axes_y (axes, data->target);
  cairo_save (cr);
  gdn_chart_set_color (cr, &style->palette->target, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, (double[]){ 4, 3 }, 2, 0);
  cairo_move_to (cr, axes->plot.x, y);
  cairo_line_to (cr, axes->plot.x + axes->plot.width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

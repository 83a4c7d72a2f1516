/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Chart renderers: cairo + pango only, no GTK. Each draws onto any cairo_t (screen, image,
 * PDF, SVG, printer) into the rectangle (0, 0, width, height) of the current user space.
 * The data is borrowed: the caller keeps it alive while drawing. NAN means "no data" and is
 * drawn as such, never as 0. */

typedef enum
{
  GDN_CHART_FORMAT_NUMBER,
  GDN_CHART_FORMAT_PERCENT, /* values are fractions: 0.95 is drawn as 95% */
  GDN_CHART_FORMAT_MONEY,
  GDN_CHART_FORMAT_DAYS,
} GdnChartFormat;

typedef struct
{
  const char   *label;
  const double *values; /* one per category; NAN = no data */
} GdnChartSeries;

typedef struct
{
  const char           *title;      /* for the accessible description; may be NULL */
  const char *const    *categories; /* x-axis labels, slices, stages or rows */
  guint                 n_categories;
  const GdnChartSeries *series;
  guint                 n_series;
  double                target;     /* NAN: no target line */
  GdnChartFormat        format;
} GdnChartData;

typedef struct
{
  double red, green, blue;
} GdnChartColor;

#define GDN_CHART_N_SERIES_COLORS 7

typedef struct
{
  GdnChartColor background;
  GdnChartColor foreground; /* text */
  GdnChartColor muted;      /* axis labels, "no data" */
  GdnChartColor grid;
  GdnChartColor target;
  GdnChartColor better;     /* KPI tile change arrows */
  GdnChartColor worse;
  GdnChartColor series[GDN_CHART_N_SERIES_COLORS]; /* Okabe–Ito, colour-blind safe */
} GdnChartPalette;

typedef struct
{
  const GdnChartPalette *palette;
  const char            *font_family;     /* "Noto Sans CJK SC, Sans" by default */
  double                 font_size;       /* in user-space units (pixels on screen) */
  gboolean               fill_background; /* paint palette->background first */
} GdnChartStyle;

typedef struct
{
  double x, y, width, height;
} GdnChartRect;

/* What is under a point: the category (bar, slice, stage, row) and the series. */
typedef struct
{
  int category;
  int series;
} GdnChartHit;

const GdnChartPalette *gdn_chart_palette_get (gboolean dark);
void   gdn_chart_style_init          (GdnChartStyle        *style,
                                      gboolean              dark);
char  *gdn_chart_format_value        (double                value,
                                      GdnChartFormat        format);
void   gdn_chart_nice_ticks          (double                lo,
                                      double                hi,
                                      guint                 max_ticks,
                                      double               *out_lo,
                                      double               *out_hi,
                                      double               *out_step);
char  *gdn_chart_describe            (const GdnChartData   *data);
gboolean gdn_chart_data_has_values   (const GdnChartData   *data);

/* The layout of a chart with axes (trend, stacked, histogram), exposed so the dashboard and
 * the tests see where labels went. Only labels that fit are kept: no two rects overlap. */
typedef struct
{
  GdnChartRect plot;
  double       y_min, y_max, y_step;
  GArray      *y_ticks;       /* double, the values of the labelled ticks */
  GArray      *y_label_rects; /* GdnChartRect per y tick */
  GArray      *x_labels;      /* guint, the categories whose label is drawn */
  GArray      *x_label_rects; /* GdnChartRect per drawn x label */
  GdnChartRect legend;        /* height 0 when there is no legend */
  double       slot_width;    /* plot width / categories */
} GdnChartAxes;

GdnChartAxes *gdn_chart_axes_compute (cairo_t              *cr,
                                      const GdnChartData   *data,
                                      double                width,
                                      double                height,
                                      const GdnChartStyle  *style,
                                      gboolean              stacked);
void          gdn_chart_axes_free    (GdnChartAxes         *axes);
double        gdn_chart_axes_y       (const GdnChartAxes   *axes,
                                      double                value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnChartAxes, gdn_chart_axes_free)

/* Trend over categories (months): grouped bars or lines, with the target as a dashed line. */
void     gdn_chart_draw_bars         (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
void     gdn_chart_draw_lines        (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_bars          (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);
gboolean gdn_chart_hit_lines         (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* Series stacked per category. */
void     gdn_chart_draw_stacked      (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_stacked       (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* Bins as categories, the counts in series[0], bars touching. */
void     gdn_chart_draw_histogram    (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_histogram     (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* Slices as categories, the values in series[0]. */
void     gdn_chart_draw_donut        (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_donut         (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* Stages as categories, top first, the values in series[0]. */
void     gdn_chart_draw_funnel       (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_funnel        (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* Rows as categories (customers, owners), the values in series[0], target as a line. */
void     gdn_chart_draw_hbars        (cairo_t *cr, const GdnChartData *data, double width,
                                      double height, const GdnChartStyle *style);
gboolean gdn_chart_hit_hbars         (const GdnChartData *data, double width, double height,
                                      const GdnChartStyle *style, double x, double y,
                                      GdnChartHit *hit);

/* A KPI tile: the value, the change against the previous period, a sparkline. */
typedef struct
{
  const char     *title;
  double          value;            /* NAN: no data */
  double          previous;         /* NAN: no change shown */
  gboolean        higher_is_better;
  GdnChartFormat  format;
  const double   *spark;            /* may be NULL; NAN points break the line */
  guint           n_spark;
} GdnChartTile;

void     gdn_chart_draw_tile         (cairo_t *cr, const GdnChartTile *tile, double width,
                                      double height, const GdnChartStyle *style);
char    *gdn_chart_describe_tile     (const GdnChartTile *tile);

G_END_DECLS

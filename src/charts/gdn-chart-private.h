/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "gdn-chart-common.h"

G_BEGIN_DECLS

#define GDN_CHART_PAD 4.0

PangoLayout *gdn_chart_text_new        (cairo_t              *cr,
                                        const GdnChartStyle  *style,
                                        double                scale,
                                        gboolean              bold,
                                        const char           *text);
void         gdn_chart_text_size       (PangoLayout          *layout,
                                        double               *width,
                                        double               *height);
void         gdn_chart_text_draw       (cairo_t              *cr,
                                        PangoLayout          *layout,
                                        double                x,
                                        double                y,
                                        const GdnChartColor  *color);
double       gdn_chart_line_height     (cairo_t              *cr,
                                        const GdnChartStyle  *style);
void         gdn_chart_set_color       (cairo_t              *cr,
                                        const GdnChartColor  *color,
                                        double                alpha);
const GdnChartColor *gdn_chart_series_color (const GdnChartStyle *style,
                                             guint                index);
void         gdn_chart_begin           (cairo_t              *cr,
                                        double                width,
                                        double                height,
                                        const GdnChartStyle  *style);
void         gdn_chart_draw_no_data    (cairo_t              *cr,
                                        GdnChartRect          rect,
                                        const GdnChartStyle  *style);
void         gdn_chart_draw_axes       (cairo_t              *cr,
                                        const GdnChartData   *data,
                                        const GdnChartAxes   *axes,
                                        const GdnChartStyle  *style);
void         gdn_chart_draw_target     (cairo_t              *cr,
                                        const GdnChartData   *data,
                                        const GdnChartAxes   *axes,
                                        const GdnChartStyle  *style);
cairo_t     *gdn_chart_scratch_cr      (void);
double       gdn_chart_value           (const GdnChartData   *data,
                                        guint                 series,
                                        guint                 category);
gboolean     gdn_chart_rect_contains   (GdnChartRect          rect,
                                        double                x,
                                        double                y);

/* Grouped bars, shared by the bar trend (gap between categories) and the histogram (none). */
void         gdn_chart_bars_render     (cairo_t              *cr,
                                        const GdnChartData   *data,
                                        double                width,
                                        double                height,
                                        const GdnChartStyle  *style,
                                        gboolean              touching);
gboolean     gdn_chart_bars_hit        (const GdnChartData   *data,
                                        double                width,
                                        double                height,
                                        const GdnChartStyle  *style,
                                        gboolean              touching,
                                        double                x,
                                        double                y,
                                        GdnChartHit          *hit);

/* Rows of label, bar and value, shared by the funnel and the horizontal bars. */
typedef struct
{
  double label_x, label_w;
  double bar_x, bar_w;
  double value_x, value_w;
  double header;     /* above the rows: the target's figure */
  double top, row_h;
  guint  n_rows;     /* the rows that fit, from the first */
  double max;        /* the value of a full-width bar */
} GdnChartRows;

void         gdn_chart_rows_compute    (cairo_t              *cr,
                                        const GdnChartData   *data,
                                        double                width,
                                        double                height,
                                        const GdnChartStyle  *style,
                                        gboolean              with_share,
                                        GdnChartRows         *rows);
int          gdn_chart_rows_hit        (const GdnChartData   *data,
                                        double                width,
                                        double                height,
                                        const GdnChartStyle  *style,
                                        gboolean              with_share,
                                        double                x,
                                        double                y);
void         gdn_chart_rows_draw_texts (cairo_t              *cr,
                                        const GdnChartData   *data,
                                        const GdnChartRows   *rows,
                                        const GdnChartStyle  *style,
                                        guint                 row,
                                        const char           *value);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-chart-common.h"

G_BEGIN_DECLS

/* Which gendan-charts renderer a GdnChartView draws with. */
typedef enum
{
  GDN_CHART_KIND_BARS,
  GDN_CHART_KIND_LINES,
  GDN_CHART_KIND_STACKED,
  GDN_CHART_KIND_HISTOGRAM,
  GDN_CHART_KIND_DONUT,
  GDN_CHART_KIND_FUNNEL,
  GDN_CHART_KIND_HBARS,
  GDN_CHART_KIND_TILE,
} GdnChartKind;

#define GDN_TYPE_CHART_VIEW (gdn_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnChartView, gdn_chart_view, GDN, CHART_VIEW, GtkWidget)

GtkWidget    *gdn_chart_view_new             (GdnChartKind         kind,
                                              const char          *title);
GdnChartKind  gdn_chart_view_get_kind        (GdnChartView        *self);
const char   *gdn_chart_view_get_title       (GdnChartView        *self);
void          gdn_chart_view_set_data        (GdnChartView        *self,
                                              const GdnChartData  *data);
void          gdn_chart_view_set_details     (GdnChartView        *self,
                                              const char * const  *details);
void          gdn_chart_view_set_tile        (GdnChartView        *self,
                                              const GdnChartTile  *tile);
const char   *gdn_chart_view_get_description (GdnChartView        *self);
char         *gdn_chart_view_describe_hit    (GdnChartView        *self,
                                              const GdnChartHit   *hit);
gboolean      gdn_chart_view_hit             (GdnChartView        *self,
                                              double               x,
                                              double               y,
                                              GdnChartHit         *hit);
void          gdn_chart_view_activate_hit    (GdnChartView        *self,
                                              const GdnChartHit   *hit);
void          gdn_chart_view_set_activatable (GdnChartView        *self,
                                              gboolean             activatable);
gboolean      gdn_chart_view_export          (GdnChartView        *self,
                                              GFile               *file,
                                              GError             **error);

G_END_DECLS

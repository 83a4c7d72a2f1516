/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-chart-view.h"
#include "gdn-dashboard-period.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_DASHBOARD_VIEW (gdn_dashboard_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnDashboardView, gdn_dashboard_view, GDN, DASHBOARD_VIEW, GtkWidget)

GtkWidget     *gdn_dashboard_view_new        (GdnStore           *store);
void           gdn_dashboard_view_set_period (GdnDashboardView   *self,
                                              GdnDashboardPeriod  period,
                                              const char         *custom_from,
                                              const char         *custom_to);
gboolean       gdn_dashboard_view_get_range  (GdnDashboardView   *self,
                                              char              **from,
                                              char              **to);
const char    *gdn_dashboard_view_get_state  (GdnDashboardView   *self);
gboolean       gdn_dashboard_view_is_busy    (GdnDashboardView   *self);
guint          gdn_dashboard_view_get_n_computations (GdnDashboardView *self);
GdnChartView  *gdn_dashboard_view_get_chart  (GdnDashboardView   *self,
                                              const char         *name);

G_END_DECLS

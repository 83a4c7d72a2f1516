/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The dashboard's periods, as the "dashboard-period" setting stores them. */
typedef enum
{
  GDN_DASHBOARD_PERIOD_THIS_MONTH,
  GDN_DASHBOARD_PERIOD_LAST_MONTH,
  GDN_DASHBOARD_PERIOD_THIS_QUARTER,
  GDN_DASHBOARD_PERIOD_THIS_YEAR,
  GDN_DASHBOARD_PERIOD_CUSTOM,
  GDN_DASHBOARD_N_PERIODS
} GdnDashboardPeriod;

const char         *gdn_dashboard_period_to_string   (GdnDashboardPeriod  period);
GdnDashboardPeriod  gdn_dashboard_period_from_string (const char         *text);
gboolean            gdn_dashboard_period_range       (GdnDashboardPeriod  period,
                                                      const GDate        *today,
                                                      const char         *custom_from,
                                                      const char         *custom_to,
                                                      GDate              *from,
                                                      GDate              *to);
void                gdn_dashboard_previous_range     (const GDate        *from,
                                                      const GDate        *to,
                                                      GDate              *previous_from,
                                                      GDate              *previous_to);
void                gdn_dashboard_trend_start        (const GDate        *from,
                                                      const GDate        *to,
                                                      GDate              *trend_from);
gboolean            gdn_dashboard_parse_date         (const char         *text,
                                                      GDate              *date);
char               *gdn_dashboard_format_iso         (const GDate        *date);

G_END_DECLS

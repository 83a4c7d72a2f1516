/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-dashboard"

#include "config.h"

#include "gdn-dashboard-period.h"
#include <stdio.h>


/* The periods of the dashboard as date ranges, kept apart from the widget so that they
 * can be checked without a display. Periods run to today: "this month" is the month so
 * far, and its change is measured against the same number of days just before it. */

static const char * const period_names[] = {
  "this-month", "last-month", "this-quarter", "this-year", "custom",
};

const char *
gdn_dashboard_period_to_string (GdnDashboardPeriod period)
{
  g_return_val_if_fail (period < GDN_DASHBOARD_N_PERIODS, NULL);
  return period_names[period];
}

/**
 * gdn_dashboard_period_from_string:
 *
 * Returns: the period named @text, or this month for an unknown name
 */
GdnDashboardPeriod
gdn_dashboard_period_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    if (g_strcmp0 (text, period_names[i]) == 0)
      return (GdnDashboardPeriod) i;
  return GDN_DASHBOARD_PERIOD_THIS_MONTH;
}

/**
 * gdn_dashboard_parse_date:
 * @text: (nullable): "YYYY-MM-DD"
 * @date: (out): the date
 *
 * Returns: whether @text is a valid date
 */
gboolean
gdn_dashboard_parse_date (const char *text,
                          GDate      *date)
{
  int y, m, d;
  char end;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

/**
 * gdn_dashboard_period_range:
 * @today: the day the periods are relative to
 * @custom_from: (nullable): "YYYY-MM-DD", the first day of a custom period
 * @custom_to: (nullable): its last day
 * @from: (out): the first day
 * @to: (out): the last day (both included)
 *
 * Returns: %FALSE when a custom period is not two valid dates in order
 */
gboolean
gdn_dashboard_period_range (GdnDashboardPeriod  period,
                            const GDate        *today,
                            const char         *custom_from,
                            const char         *custom_to,
                            GDate              *from,
                            GDate              *to)
{
  GDateYear year;
  GDateMonth month;

  g_date_clear (from, 1);
  g_date_clear (to, 1);
  if (period == GDN_DASHBOARD_PERIOD_CUSTOM)
    return gdn_dashboard_parse_date (custom_from, from) &&
           gdn_dashboard_parse_date (custom_to, to) && g_date_compare (from, to) <= 0;

  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  year = g_date_get_year (today);
  month = g_date_get_month (today);
  *to = *today;

  switch (period)
    {
    case GDN_DASHBOARD_PERIOD_THIS_MONTH:
      g_date_set_dmy (from, 1, month, year);
      return TRUE;

    case GDN_DASHBOARD_PERIOD_LAST_MONTH:
      g_date_set_dmy (from, 1, month, year);
      g_date_subtract_months (from, 1);
      *to = *from;
      g_date_set_day (to, g_date_get_days_in_month (g_date_get_month (from),
                                                    g_date_get_year (from)));
      return TRUE;

    case GDN_DASHBOARD_PERIOD_THIS_QUARTER:
      g_date_set_dmy (from, 1, (GDateMonth) (((month - 1) / 3) * 3 + 1), year);
      return TRUE;

    case GDN_DASHBOARD_PERIOD_THIS_YEAR:
      g_date_set_dmy (from, 1, G_DATE_JANUARY, year);
      return TRUE;

    case GDN_DASHBOARD_PERIOD_CUSTOM:
      return gdn_dashboard_parse_date (custom_from, from) &&
             gdn_dashboard_parse_date (custom_to, to) &&
             g_date_compare (from, to) <= 0;

    case GDN_DASHBOARD_N_PERIODS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * gdn_dashboard_previous_range:
 *
 * The period of the same number of days that ends the day before @from: what a KPI's
 * change is measured against.
 */
void
gdn_dashboard_previous_range (const GDate *from,
                              const GDate *to,
                              GDate       *previous_from,
                              GDate       *previous_to)
{
  int days = g_date_days_between (from, to) + 1;

  *previous_to = *from;
  g_date_subtract_days (previous_to, 1);
  *previous_from = *from;
  g_date_subtract_days (previous_from, (guint) days);
}

/**
 * gdn_dashboard_trend_start:
 * @trend_from: (out): the first day of the monthly charts and sparklines
 *
 * The monthly charts show the twelve months that end with the period's last month, or
 * every month of a longer period.
 */
void
gdn_dashboard_trend_start (const GDate *from,
                           const GDate *to,
                           GDate       *trend_from)
{
  g_date_clear (trend_from, 1);
  g_date_set_dmy (trend_from, 1, g_date_get_month (to), g_date_get_year (to));
  g_date_subtract_months (trend_from, 11);
  if (g_date_compare (from, trend_from) < 0)
    g_date_set_dmy (trend_from, 1, g_date_get_month (from), g_date_get_year (from));
}

/**
 * gdn_dashboard_format_iso:
 *
 * Returns: (transfer full): @date as "YYYY-MM-DD"
 */
char *
gdn_dashboard_format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-case-clock"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "gdn-case-clock.h"
#include "gdn-parse.h"

/* Times are stored as local wall-clock text without a zone, and the flag's SQL adds 24
 * hours to that text; counting them all as UTC gives the same arithmetic, whatever the
 * zone of the desktop. */
static gboolean
parse_time (const char *text,
            gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, mo, d, h = 0, mi = 0, s = 0;

  if (text == NULL)
    return FALSE;
  if (gdn_datetime_is_valid (text))
    {
      if (sscanf (text, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6)
        return FALSE;
    }
  else if (gdn_date_is_valid (text))
    {
      if (sscanf (text, "%d-%d-%d", &y, &mo, &d) != 3)
        return FALSE;
    }
  else
    return FALSE;

  dt = g_date_time_new_utc (y, mo, d, h, mi, s);
  if (dt == NULL)
    return FALSE;
  *out = g_date_time_to_unix (dt);
  return TRUE;
}

/**
 * gdn_case_clock_compute:
 * @opened_at: when the case was opened ('YYYY-MM-DD HH:MM:SS')
 * @first_response_at: (nullable): when the customer got the first answer
 * @now: the time to measure against, as gdn_now() gives it
 *
 * Where the case stands against its 24-hour first response. The deadline itself still
 * counts as in time, as in the response-breach flag.
 *
 * Returns: the state and its seconds
 */
GdnCaseClock
gdn_case_clock_compute (const char *opened_at,
                        const char *first_response_at,
                        const char *now)
{
  GdnCaseClock clock = { GDN_CASE_CLOCK_INVALID, 0 };
  gint64 opened, responded, current, deadline;

  if (!parse_time (opened_at, &opened))
    return clock;
  deadline = opened + GDN_CASE_RESPONSE_SECONDS;

  if (first_response_at != NULL && *first_response_at != '\0')
    {
      if (!parse_time (first_response_at, &responded))
        return clock;
      clock.seconds = MAX (0, responded - opened);
      clock.state = responded > deadline ? GDN_CASE_CLOCK_MISSED : GDN_CASE_CLOCK_MET;
      return clock;
    }

  if (!parse_time (now, &current))
    return clock;
  if (current > deadline)
    {
      clock.state = GDN_CASE_CLOCK_OVERDUE;
      clock.seconds = current - deadline;
    }
  else
    {
      clock.state = GDN_CASE_CLOCK_RUNNING;
      clock.seconds = deadline - current;
    }
  return clock;
}

/**
 * gdn_case_clock_deadline:
 * @opened_at: when the case was opened
 *
 * Returns: (transfer full) (nullable): when the first response is due,
 *   'YYYY-MM-DD HH:MM:SS'; %NULL when @opened_at is not a time
 */
char *
gdn_case_clock_deadline (const char *opened_at)
{
  g_autoptr(GDateTime) deadline = NULL;
  gint64 opened;

  if (!parse_time (opened_at, &opened))
    return NULL;
  deadline = g_date_time_new_from_unix_utc (opened + GDN_CASE_RESPONSE_SECONDS);
  return g_date_time_format (deadline, "%Y-%m-%d %H:%M:%S");
}

/**
 * gdn_case_clock_format_duration:
 * @seconds: a length of time, ≥ 0
 *
 * A length as a person reads it at a glance, to the minute (cut, not rounded, so that a
 * countdown never promises more time than is left): "5 h 12 min", "3 h", "45 min",
 * "26 h 5 min" (hours up to two days), "2 d 3 h", "less than a minute".
 *
 * Returns: (transfer full): the text
 */
char *
gdn_case_clock_format_duration (gint64 seconds)
{
  gint64 total = MAX (0, seconds) / 60;
  int days = (int) MIN (total / (24 * 60), G_MAXINT);
  int hours = (int) (total / 60 % 24);
  int minutes = (int) (total % 60);

  /* hours read better than "1 d 2 h" within the first two days */
  if (days == 1)
    {
      days = 0;
      hours += 24;
    }
  if (days > 0)
    return hours > 0 ? g_strdup_printf (C_("duration", "%d d %d h"), days, hours)
                     : g_strdup_printf (C_("duration", "%d d"), days);
  if (hours > 0)
    return minutes > 0 ? g_strdup_printf (C_("duration", "%d h %d min"), hours, minutes)
                       : g_strdup_printf (C_("duration", "%d h"), hours);
  if (minutes > 0)
    return g_strdup_printf (C_("duration", "%d min"), minutes);
  return g_strdup (C_("duration", "less than a minute"));
}

/**
 * gdn_case_clock_describe:
 *
 * Returns: (transfer full): one line for the case page: "Respond within 5 h 12 min",
 *   "Response overdue by 3 h", "Responded in 2 h 5 min",
 *   "Responded after 26 h, later than 24 hours"
 */
char *
gdn_case_clock_describe (GdnCaseClock clock)
{
  g_autofree char *duration = gdn_case_clock_format_duration (clock.seconds);

  switch (clock.state)
    {
    case GDN_CASE_CLOCK_RUNNING:
      return g_strdup_printf (_("Respond within %s"), duration);
    case GDN_CASE_CLOCK_OVERDUE:
      return g_strdup_printf (_("Response overdue by %s"), duration);
    case GDN_CASE_CLOCK_MET:
      return g_strdup_printf (_("Responded in %s"), duration);
    case GDN_CASE_CLOCK_MISSED:
      return g_strdup_printf (_("Responded after %s, later than 24 hours"), duration);
    case GDN_CASE_CLOCK_INVALID:
    default:
      return g_strdup (_("The opening time is not known"));
    }
}

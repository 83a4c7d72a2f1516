/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The 24-hour first-response promise of an after-sales case, as plain arithmetic over
 * the stored times, so that the case page's countdown and the response-breach flag agree. */

#define GDN_CASE_RESPONSE_SECONDS (24 * 60 * 60)

typedef enum
{
  GDN_CASE_CLOCK_INVALID,   /* no usable opening time */
  GDN_CASE_CLOCK_RUNNING,   /* not answered yet, still within the 24 hours */
  GDN_CASE_CLOCK_OVERDUE,   /* not answered, and the 24 hours have passed */
  GDN_CASE_CLOCK_MET,       /* answered within the 24 hours */
  GDN_CASE_CLOCK_MISSED,    /* answered, but after the 24 hours */
} GdnCaseClockState;

typedef struct
{
  GdnCaseClockState state;
  /* RUNNING: seconds left; OVERDUE: seconds since the deadline; MET and MISSED: seconds
   * from opening to the first response; INVALID: 0 */
  gint64            seconds;
} GdnCaseClock;

GdnCaseClock  gdn_case_clock_compute          (const char   *opened_at,
                                               const char   *first_response_at,
                                               const char   *now);
char         *gdn_case_clock_deadline         (const char   *opened_at);
char         *gdn_case_clock_format_duration  (gint64        seconds);
char         *gdn_case_clock_describe         (GdnCaseClock  clock);

G_END_DECLS

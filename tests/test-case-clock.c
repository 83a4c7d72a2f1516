/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gdn-case-clock.h"
#include "gdn-test-utils.h"

/* The 24-hour first-response countdown, against the same edges as the response-breach
 * flag: the deadline itself is still in time. */

#define OPENED "2026-03-09 09:00:00"

static void
assert_clock (GdnCaseClock       clock,
              GdnCaseClockState  state,
              gint64             seconds)
{
  g_assert_cmpint (clock.state, ==, state);
  g_assert_cmpint (clock.seconds, ==, seconds);
}

static void
test_running (void)
{
  g_autofree char *text = NULL;
  GdnCaseClock clock;

  /* 18 h 48 min after opening: 5 h 12 min left */
  clock = gdn_case_clock_compute (OPENED, NULL, "2026-03-10 03:48:00");
  assert_clock (clock, GDN_CASE_CLOCK_RUNNING, 5 * 3600 + 12 * 60);
  text = gdn_case_clock_describe (clock);
  g_assert_cmpstr (text, ==, "Respond within 5 h 12 min");

  /* just opened: the whole day; an empty response time is no response */
  clock = gdn_case_clock_compute (OPENED, "", OPENED);
  assert_clock (clock, GDN_CASE_CLOCK_RUNNING, 24 * 3600);

  /* the deadline itself still counts as in time */
  clock = gdn_case_clock_compute (OPENED, NULL, "2026-03-10 09:00:00");
  assert_clock (clock, GDN_CASE_CLOCK_RUNNING, 0);
}

static void
test_overdue (void)
{
  g_autofree char *text = NULL;
  GdnCaseClock clock;

  clock = gdn_case_clock_compute (OPENED, NULL, "2026-03-10 09:00:01");
  assert_clock (clock, GDN_CASE_CLOCK_OVERDUE, 1);

  /* across a month end */
  clock = gdn_case_clock_compute ("2026-02-28 22:30:00", NULL, "2026-03-02 01:30:00");
  assert_clock (clock, GDN_CASE_CLOCK_OVERDUE, 3 * 3600);
  text = gdn_case_clock_describe (clock);
  g_assert_cmpstr (text, ==, "Response overdue by 3 h");
}

static void
test_answered (void)
{
  g_autofree char *met = NULL;
  g_autofree char *missed = NULL;
  GdnCaseClock clock;

  /* once answered, "now" no longer matters */
  clock = gdn_case_clock_compute (OPENED, "2026-03-09 11:05:00", "2027-01-01 00:00:00");
  assert_clock (clock, GDN_CASE_CLOCK_MET, 2 * 3600 + 5 * 60);
  met = gdn_case_clock_describe (clock);
  g_assert_cmpstr (met, ==, "Responded in 2 h 5 min");

  clock = gdn_case_clock_compute (OPENED, "2026-03-10 09:00:00", NULL);
  assert_clock (clock, GDN_CASE_CLOCK_MET, 24 * 3600);

  clock = gdn_case_clock_compute (OPENED, "2026-03-10 11:00:00", NULL);
  assert_clock (clock, GDN_CASE_CLOCK_MISSED, 26 * 3600);
  missed = gdn_case_clock_describe (clock);
  g_assert_cmpstr (missed, ==, "Responded after 26 h, later than 24 hours");
}

static void
test_invalid (void)
{
  g_autofree char *text = NULL;

  assert_clock (gdn_case_clock_compute (NULL, NULL, "2026-03-10 09:00:00"),
                GDN_CASE_CLOCK_INVALID, 0);
  assert_clock (gdn_case_clock_compute ("yesterday", NULL, "2026-03-10 09:00:00"),
                GDN_CASE_CLOCK_INVALID, 0);
  assert_clock (gdn_case_clock_compute (OPENED, "soon", "2026-03-10 09:00:00"),
                GDN_CASE_CLOCK_INVALID, 0);
  assert_clock (gdn_case_clock_compute (OPENED, NULL, NULL), GDN_CASE_CLOCK_INVALID, 0);
  /* a date alone counts from midnight */
  assert_clock (gdn_case_clock_compute ("2026-03-09", NULL, "2026-03-09 12:00:00"),
                GDN_CASE_CLOCK_RUNNING, 12 * 3600);
  text = gdn_case_clock_describe (gdn_case_clock_compute (NULL, NULL, NULL));
  g_assert_cmpstr (text, ==, "The opening time is not known");
}

static void
test_deadline (void)
{
  g_autofree char *plain = gdn_case_clock_deadline (OPENED);
  g_autofree char *leap = gdn_case_clock_deadline ("2028-02-28 23:15:00");

  g_assert_cmpstr (plain, ==, "2026-03-10 09:00:00");
  g_assert_cmpstr (leap, ==, "2028-02-29 23:15:00");
  g_assert_null (gdn_case_clock_deadline ("not a time"));
  g_assert_null (gdn_case_clock_deadline (NULL));
}

static void
test_format_duration (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { -5, "less than a minute" },
    { 0, "less than a minute" },
    { 59, "less than a minute" },
    { 60, "1 min" },
    { 45 * 60 + 59, "45 min" },
    { 3600, "1 h" },
    { 5 * 3600 + 12 * 60 + 59, "5 h 12 min" },
    { 24 * 3600, "24 h" },
    { 47 * 3600 + 59 * 60, "47 h 59 min" },
    { 48 * 3600, "2 d" },
    { 2 * 24 * 3600 + 3 * 3600 + 59 * 60, "2 d 3 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gdn_case_clock_format_duration (cases[i].seconds);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/case-clock/running", test_running);
  g_test_add_func ("/case-clock/overdue", test_overdue);
  g_test_add_func ("/case-clock/answered", test_answered);
  g_test_add_func ("/case-clock/invalid", test_invalid);
  g_test_add_func ("/case-clock/deadline", test_deadline);
  g_test_add_func ("/case-clock/format-duration", test_format_duration);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "gdn-parse.h"
#include "gdn-test-utils.h"

static void
assert_formatted (char       *text,
                  const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static void
test_money (void)
{
  assert_formatted (gdn_format_money (1280.5, "CNY"), "¥1,280.50");
  assert_formatted (gdn_format_money (1280.5, NULL), "¥1,280.50");
  assert_formatted (gdn_format_money (1234567.891, "usd"), "$1,234,567.89");
  assert_formatted (gdn_format_money (-45, "EUR"), "-€45.00");
  assert_formatted (gdn_format_money (0.5, "GBP"), "GBP 0.50");
  assert_formatted (gdn_format_money (NAN, "CNY"), "");
}

static void
test_amount_and_quantity (void)
{
  assert_formatted (gdn_format_amount (12805), "12,805.00");
  assert_formatted (gdn_format_amount (999.999), "1,000.00");
  assert_formatted (gdn_format_quantity (12.5), "12.5");
  assert_formatted (gdn_format_quantity (1000000), "1,000,000");
  assert_formatted (gdn_format_quantity (NAN), "");
}

static void
test_date (void)
{
  /* untranslated (C locale): the stored form */
  assert_formatted (gdn_format_date ("2026-11-22"), "2026-11-22");
  assert_formatted (gdn_format_date ("2026-11-22 14:30:00"), "2026-11-22");
  assert_formatted (gdn_format_date ("not a date"), "not a date");
  assert_formatted (gdn_format_date ("2026-02-30"), "2026-02-30");
  assert_formatted (gdn_format_date (NULL), "");
}

static void
test_datetime (void)
{
  assert_formatted (gdn_format_datetime ("2026-11-22 14:05:09"), "2026-11-22 14:05");
  assert_formatted (gdn_format_datetime ("2026-11-22T09:30"), "2026-11-22 09:30");
  assert_formatted (gdn_format_datetime ("2026-11-22"), "2026-11-22");
  assert_formatted (gdn_format_datetime ("2026-11-22 25:00:00"), "2026-11-22");
  assert_formatted (gdn_format_datetime ("yesterday"), "yesterday");
  assert_formatted (gdn_format_datetime (NULL), "");
}

/* The forms shown in Chinese are read back as stored when a form is saved unchanged */
static void
test_round_trip (void)
{
  assert_formatted (gdn_parse_date ("2026年11月2日"), "2026-11-02");
  assert_formatted (gdn_parse_datetime ("2026年11月22日 14:05"), "2026-11-22 14:05:00");
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/format/money", test_money);
  g_test_add_func ("/format/amount-and-quantity", test_amount_and_quantity);
  g_test_add_func ("/format/date", test_date);
  g_test_add_func ("/format/datetime", test_datetime);
  g_test_add_func ("/format/round-trip", test_round_trip);

  return g_test_run ();
}

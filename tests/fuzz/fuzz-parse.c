/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the lenient date, time, number and yes/no parsers, and what is done
 * with what they accept (stored forms, Julian days, formatting). */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "gdn-parse.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* a critical or a warning is a bug found, as in the test suite (G_DEBUG=fatal-criticals) */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static void
check_date (const char *text,
            int         days)
{
  g_autofree char *date = gdn_parse_date (text);
  g_autofree char *datetime = gdn_parse_datetime (text);

  g_autofree char *shown_text = gdn_format_datetime (text);

  (void) gdn_date_is_valid (text);
  (void) gdn_datetime_is_valid (text);
  g_assert (shown_text != NULL);

  if (date != NULL)
    {
      g_autofree char *shown = NULL;
      g_autofree char *later = NULL;
      g_autofree char *again = NULL;

      /* what the parser accepts is the strict stored form, and reads back the same */
      g_assert (gdn_date_is_valid (date));
      again = gdn_parse_date (date);
      g_assert (again != NULL && strcmp (again, date) == 0);
      g_assert (gdn_date_to_julian (date) > 0);
      shown = gdn_format_date (date);
      g_assert (shown != NULL);
      /* near dates and far ones, up to the ends of int */
      later = gdn_date_add_days (date, days);
      if (later != NULL)
        {
          int y, m, d;

          g_assert (sscanf (later, "%d-%d-%d", &y, &m, &d) == 3);
          g_assert (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31);
        }
    }
  if (datetime != NULL)
    {
      g_autofree char *again = gdn_parse_datetime (datetime);

      g_assert (gdn_datetime_is_valid (datetime));
      g_assert (again != NULL && strcmp (again, datetime) == 0);
    }
}

static void
check_number (const char *text)
{
  double value = 0;
  gboolean b;

  if (gdn_parse_number (text, &value))
    {
      g_assert (isfinite (value));
      if (fabs (value) < 1e15)
        {
          g_autofree char *amount = gdn_format_amount (value);
          g_autofree char *quantity = gdn_format_quantity (value);
          g_autofree char *money = gdn_format_money (value, "CNY");
          g_autofree char *other = gdn_format_money (value, text);
          double back = 0;

          /* a formatted amount parses back to itself, to the cent */
          g_assert (gdn_parse_number (amount, &back));
          g_assert (fabs (back - value) <= 0.005 + fabs (value) * 1e-12);
          g_assert (quantity != NULL && money != NULL && other != NULL);
        }
    }
  (void) gdn_parse_bool (text, &b);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* the parsers take NUL-terminated text; an inner NUL simply ends it */
  g_autofree char *text = g_strndup ((const char *) data, size);
  int days = 0;

  /* the last bytes, past a NUL, give a number of days to add */
  for (size_t i = strlen (text) + 1; i < size && i < strlen (text) + 5; i++)
    days = (int) ((guint) days << 8 | data[i]);
  if (days == 0)
    days = (int) (size % 4001) - 2000;

  check_date (text, days);
  check_number (text);
  return 0;
}

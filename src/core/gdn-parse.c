/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-parse"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gdn-parse.h"

static gboolean
valid_ymd (int y,
           int m,
           int d)
{
  return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y);
}

static gboolean
read_digits (const char **p,
             int          min_len,
             int          max_len,
             int         *out)
{
  int n = 0, v = 0;

  while (g_ascii_isdigit (**p) && n < max_len)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n < min_len)
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
gdn_date_is_valid (const char *iso)
{
  int y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  return valid_ymd (y, m, d);
}

gboolean
gdn_datetime_is_valid (const char *iso)
{
  int hh, mm, ss;

  if (iso == NULL || strlen (iso) != 19 || iso[10] != ' ')
    return FALSE;
  {
    char date[11];
    memcpy (date, iso, 10);
    date[10] = '\0';
    if (!gdn_date_is_valid (date))
      return FALSE;
  }
  if (iso[13] != ':' || iso[16] != ':')
    return FALSE;
  for (int i = 11; i < 19; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (sscanf (iso + 11, "%2d:%2d:%2d", &hh, &mm, &ss) != 3)
    return FALSE;
  return hh < 24 && mm < 60 && ss < 60;
}

/* Parses the date part and leaves *p after it. */
static gboolean
parse_date_part (const char **p,
                 int         *y,
                 int         *m,
                 int         *d)
{
  const char *s = *p;

  if (!read_digits (&s, 4, 4, y))
    return FALSE;

  if (g_str_has_prefix (s, "年"))
    {
      s += strlen ("年");
      if (!read_digits (&s, 1, 2, m) || !g_str_has_prefix (s, "月"))
        return FALSE;
      s += strlen ("月");
      if (!read_digits (&s, 1, 2, d))
        return FALSE;
      if (g_str_has_prefix (s, "日"))
        s += strlen ("日");
      else if (g_str_has_prefix (s, "号"))
        s += strlen ("号");
      else
        return FALSE;
    }
  else
    {
      char sep = *s;

      if (sep != '-' && sep != '/' && sep != '.')
        return FALSE;
      s++;
      if (!read_digits (&s, 1, 2, m) || *s != sep)
        return FALSE;
      s++;
      if (!read_digits (&s, 1, 2, d))
        return FALSE;
    }

  *p = s;
  return valid_ymd (*y, *m, *d);
}

static const char *
skip_spaces (const char *s)
{
  while (*s == ' ' || *s == '\t')
    s++;
  if (g_str_has_prefix (s, "\u3000"))
    return skip_spaces (s + strlen ("\u3000"));
  return s;
}

static gboolean
parse_time_part (const char **p,
                 int         *hh,
                 int         *mm,
                 int         *ss)
{
  const char *s = *p;

  *ss = 0;
  if (!read_digits (&s, 1, 2, hh) || *s != ':')
    return FALSE;
  s++;
  if (!read_digits (&s, 2, 2, mm))
    return FALSE;
  if (*s == ':')
    {
      s++;
      if (!read_digits (&s, 2, 2, ss))
        return FALSE;
    }
  *p = s;
  return *hh < 24 && *mm < 60 && *ss < 60;
}

/**
 * gdn_parse_date:
 *
 * Returns: (nullable): the date as 'YYYY-MM-DD', or %NULL when @text is not a real date.
 *   A time after the date is accepted and dropped.
 */
char *
gdn_parse_date (const char *text)
{
  const char *p;
  int y, m, d, hh, mm, ss;

  if (text == NULL)
    return NULL;
  p = skip_spaces (text);
  if (!parse_date_part (&p, &y, &m, &d))
    return NULL;
  p = skip_spaces (p);
  if (*p != '\0')
    {
      if (!parse_time_part (&p, &hh, &mm, &ss))
        return NULL;
      p = skip_spaces (p);
      if (*p != '\0')
        return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/**
 * gdn_parse_datetime:
 *
 * Returns: (nullable): 'YYYY-MM-DD HH:MM:SS' (midnight when @text has no time), or %NULL
 */
char *
gdn_parse_datetime (const char *text)
{
  const char *p;
  int y, m, d, hh = 0, mm = 0, ss = 0;

  if (text == NULL)
    return NULL;
  p = skip_spaces (text);
  if (!parse_date_part (&p, &y, &m, &d))
    return NULL;
  p = skip_spaces (p);
  if (*p == 'T')
    p++;
  if (*p != '\0')
    {
      if (!parse_time_part (&p, &hh, &mm, &ss))
        return NULL;
      p = skip_spaces (p);
      if (*p != '\0')
        return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d:%02d", y, m, d, hh, mm, ss);
}

/**
 * gdn_parse_number:
 *
 * Accepts a leading currency sign (¥ ￥ $ € £, RMB, CNY), thousands separators (',' or
 * spaces) between digit groups, and a decimal point.
 */
gboolean
gdn_parse_number (const char *text,
                  double     *out)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *s;
  char *end = NULL;
  gboolean negative = FALSE;
  gboolean seen_digit = FALSE, seen_point = FALSE;
  double v;

  if (text == NULL)
    return FALSE;

  s = skip_spaces (text);
  if (*s == '-')
    {
      negative = TRUE;
      s = skip_spaces (s + 1);
    }
  else if (*s == '+')
    s = skip_spaces (s + 1);

  {
    static const char * const signs[] = { "¥", "￥", "$", "€", "£", "RMB", "CNY", NULL };
    for (guint i = 0; signs[i] != NULL; i++)
      if (g_str_has_prefix (s, signs[i]))
        {
          s = skip_spaces (s + strlen (signs[i]));
          break;
        }
  }
  if (!negative && *s == '-')
    {
      negative = TRUE;
      s++;
    }

  for (; *s != '\0'; s++)
    {
      if (g_ascii_isdigit (*s))
        {
          g_string_append_c (clean, *s);
          seen_digit = TRUE;
        }
      else if (*s == '.' && !seen_point)
        {
          g_string_append_c (clean, '.');
          seen_point = TRUE;
        }
      else if ((*s == ',' || *s == ' ') && seen_digit && !seen_point &&
               g_ascii_isdigit (s[1]))
        continue;
      else
        break;
    }
  s = skip_spaces (s);
  if (*s != '\0' || !seen_digit)
    return FALSE;

  v = g_ascii_strtod (clean->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;

  *out = negative ? -v : v;
  return TRUE;
}

gboolean
gdn_parse_bool (const char *text,
                gboolean   *out)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "是", "√", "x", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "否", "", NULL };
  g_autofree char *stripped = NULL;
  g_autofree char *t = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  t = g_ascii_strdown (stripped, -1);
  for (guint i = 0; yes[i]; i++)
    if (strcmp (t, yes[i]) == 0)
      return (*out = TRUE);
  for (guint i = 0; no[i]; i++)
    if (strcmp (t, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

static char *
group_thousands (const char *digits_and_rest)
{
  const struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep != NULL && *lc->thousands_sep ? lc->thousands_sep : ",";
  const char *point = lc->decimal_point != NULL && *lc->decimal_point ? lc->decimal_point : ".";
  const char *s = digits_and_rest;
  GString *out = g_string_new (NULL);
  gsize n_int = 0;

  if (*s == '-')
    g_string_append_c (out, *s++);
  while (g_ascii_isdigit (s[n_int]))
    n_int++;
  for (gsize i = 0; i < n_int; i++)
    {
      if (i > 0 && (n_int - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, s[i]);
    }
  if (s[n_int] == '.')
    {
      g_string_append (out, point);
      g_string_append (out, s + n_int + 1);
    }
  return g_string_free (out, FALSE);
}

/**
 * gdn_format_amount:
 *
 * Returns: @value with two decimals and the locale's thousands separator ("" for NAN)
 */
char *
gdn_format_amount (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  return group_thousands (buf);
}

/**
 * gdn_format_quantity:
 *
 * Returns: @value without trailing zeros ("12.5", "1,000"), "" for NAN
 */
char *
gdn_format_quantity (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  if (isnan (value))
    return g_strdup ("");
  g_ascii_formatd (buf, sizeof buf, "%.4f", value);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  return group_thousands (buf);
}

/**
 * gdn_format_money:
 * @currency: (nullable): an ISO 4217 code; %NULL means CNY, the default of orders
 *
 * Returns: @value as money with its sign, "" for NAN
 */
char *
gdn_format_money (double      value,
                  const char *currency)
{
  static const struct { const char *code; const char *sign; } signs[] = {
    { "CNY", "¥" }, { "RMB", "¥" }, { "USD", "$" }, { "EUR", "€" }, { "HKD", "HK$" },
  };
  g_autofree char *amount = NULL;
  const char *code = currency != NULL && *currency != '\0' ? currency : "CNY";

  if (isnan (value))
    return g_strdup ("");
  amount = gdn_format_amount (fabs (value));
  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    if (g_ascii_strcasecmp (code, signs[i].code) == 0)
      return g_strdup_printf ("%s%s%s", value < 0 ? "-" : "", signs[i].sign, amount);
  return g_strdup_printf ("%s%s %s", value < 0 ? "-" : "", code, amount);
}

/**
 * gdn_format_date:
 * @iso: (nullable): 'YYYY-MM-DD', or a time whose date part is shown
 *
 * Returns: the date in the user's language's way ("" for %NULL; the text itself when it
 *   is not a date)
 */
char *
gdn_format_date (const char *iso)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;

  if (iso == NULL)
    return g_strdup ("");
  if (sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !valid_ymd (y, m, d))
    return g_strdup (iso);

  dt = g_date_time_new_local (y, m, d, 0, 0, 0);
  /* Translators: how a date is written in lists (see g_date_time_format()); Chinese
   * writes %Y年%-m月%-d日 */
  return g_date_time_format (dt, C_("date format", "%Y-%m-%d"));
}

/**
 * gdn_format_datetime:
 * @iso: (nullable): 'YYYY-MM-DD HH:MM[:SS]' as stored, or a date alone
 *
 * Returns: the date as gdn_format_date() writes it, followed by the hour and minute
 *   ("2026年11月22日 14:05"); "" for %NULL, the text itself when it is not a date
 */
char *
gdn_format_datetime (const char *iso)
{
  g_autofree char *date = NULL;
  int y, m, d, h, mi;

  if (iso == NULL)
    return g_strdup ("");
  date = gdn_format_date (iso);
  if (sscanf (iso, "%4d-%2d-%2d%*1[ T]%2d:%2d", &y, &m, &d, &h, &mi) != 5 ||
      !valid_ymd (y, m, d) || h < 0 || h > 23 || mi < 0 || mi > 59)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s %02d:%02d", date, h, mi);
}

char *
gdn_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
gdn_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
}

/**
 * gdn_date_to_julian:
 *
 * Returns: a day number for the date part of @iso, or 0 when it is not a date
 */
gint64
gdn_date_to_julian (const char *iso)
{
  int y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !valid_ymd (y, m, d))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_get_julian (&date);
}

char *
gdn_date_add_days (const char *iso,
                   int         days)
{
  gint64 j = gdn_date_to_julian (iso);
  GDate date;

  if (j == 0)
    return NULL;
  /* GDate holds years 1 to 65535; past them its year silently wraps */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 31, G_DATE_DECEMBER, G_MAXUINT16);
  if (j + days < 1 || j + days > g_date_get_julian (&date))
    return NULL;
  g_date_set_julian (&date, (guint32) (j + days));
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

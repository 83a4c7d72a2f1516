/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-format"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "gdn-format.h"

/**
 * gdn_format_count:
 * @n: a number of records
 *
 * Formats @n with the locale's thousands separator ("1,234"). The C locale has none, but
 * a count of thousands is hard to read without one, so "," stands in there.
 *
 * Returns: (transfer full): the formatted number
 */
char *
gdn_format_count (gint64 n)
{
  const struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep != NULL && *lc->thousands_sep ? lc->thousands_sep : ",";
  guint64 magnitude = n < 0 ? (guint64) (-(n + 1)) + 1 : (guint64) n;
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  gsize len = strlen (digits);
  GString *out = g_string_sized_new (len + len / 3 * strlen (sep) + 1);

  if (n < 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

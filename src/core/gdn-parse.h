/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict forms as stored: 'YYYY-MM-DD' and 'YYYY-MM-DD HH:MM:SS'. */
gboolean  gdn_date_is_valid        (const char  *iso);
gboolean  gdn_datetime_is_valid    (const char  *iso);

/* Lenient forms people type and spreadsheets write (see CSV.md): 2026-10-05, 2026/10/5,
 * 2026.10.05, 2026年10月5日, each optionally followed by 14:30 or 14:30:00. */
char     *gdn_parse_date           (const char  *text);
char     *gdn_parse_datetime       (const char  *text);
/* Numbers with thousands separators and a currency sign: ¥1,280.50, -3.5, 1 280 */
gboolean  gdn_parse_number         (const char  *text,
                                    double      *out);
gboolean  gdn_parse_bool           (const char  *text,
                                    gboolean    *out);

/* Money and quantities as people read them: thousands separators, two decimals for
 * amounts ("1,280.50"), no needless decimals for quantities ("12.5", "100"). */
char     *gdn_format_amount        (double       value);
char     *gdn_format_quantity      (double       value);
/* "¥1,280.50" for CNY, "$" USD, "€" EUR, otherwise "GBP 1,280.50" (no currency: CNY) */
char     *gdn_format_money         (double       value,
                                    const char  *currency);
/* A stored date as the locale writes it: 2026年11月22日 in Chinese, 2026-11-22 in English */
char     *gdn_format_date          (const char  *iso);
/* A stored time as the locale writes it: 2026年11月22日 14:05 in Chinese */
char     *gdn_format_datetime      (const char  *iso);

char     *gdn_today                (void);
char     *gdn_now                  (void);
gint64    gdn_date_to_julian       (const char  *iso);
char     *gdn_date_add_days        (const char  *iso,
                                    int          days);

G_END_DECLS

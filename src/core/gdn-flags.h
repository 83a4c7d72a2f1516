/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gdn-store.h"

G_BEGIN_DECLS

/* The warning flags of DESIGN.md. Values are fixed: they are stored in exports and used as
 * literal numbers in the SQL below. */
typedef enum /*< flags >*/
{
  GDN_FLAGS_NONE            = 0,
  GDN_FLAGS_OVERDUE         = 1 << 0,
  GDN_FLAGS_AT_RISK         = 1 << 1,
  GDN_FLAGS_LATE_DELIVERY   = 1 << 2,
  GDN_FLAGS_INCOMPLETE      = 1 << 3,
  GDN_FLAGS_STUCK           = 1 << 4,
  GDN_FLAGS_RESPONSE_BREACH = 1 << 5,
} GdnFlags;

#define GDN_FLAGS_ALL  0x3f

#define GDN_TYPE_FLAGS (gdn_flags_get_type ())
GType gdn_flags_get_type (void) G_GNUC_CONST;

/* "Now" of every rule. A settings row pins it (tests, and reproducing a report of a past
 * day); SQL rather than a registered function, so that worker connections, the export and
 * the report read the same rules without any set-up. */
#define GDN_FLAGS_NOW_SQL                                                         \
  "ifnull((SELECT datetime(s.value) FROM settings s WHERE s.key = 'gdn.flags.now'),"   \
  " datetime('now','localtime'))"
#define GDN_FLAGS_TODAY_SQL "date(" GDN_FLAGS_NOW_SQL ")"

/* Each rule as a condition over an orders row `t`. Statuses are listed (not negated) so
 * that the status index can serve a filter on them. */
#define GDN_FLAGS_ORDER_OVERDUE_SQL                                               \
  "(t.status IN ('inquiry','quoted','confirmed','in_production','qc','shipped')"  \
  " AND t.promised_date < " GDN_FLAGS_TODAY_SQL ")"

/* Confirmed, not shipped, not yet overdue, and either due within 3 days or in production
 * with progress more than 20 points behind the share of the lead time already gone. */
#define GDN_FLAGS_ORDER_AT_RISK_SQL                                               \
  "(t.status IN ('confirmed','in_production','qc')"                               \
  " AND t.promised_date >= " GDN_FLAGS_TODAY_SQL                                  \
  " AND (julianday(t.promised_date) - julianday(" GDN_FLAGS_TODAY_SQL ") <= 3"    \
  "  OR (t.status = 'in_production' AND t.confirmed_date IS NOT NULL"             \
  "   AND t.promised_date > t.confirmed_date"                                     \
  "   AND ifnull(t.progress, 0) < 100.0 * (julianday(" GDN_FLAGS_TODAY_SQL ")"    \
  "     - julianday(t.confirmed_date))"                                           \
  "     / (julianday(t.promised_date) - julianday(t.confirmed_date)) - 20)))"

#define GDN_FLAGS_ORDER_LATE_DELIVERY_SQL                                         \
  "(t.delivered_date IS NOT NULL AND t.promised_date IS NOT NULL"                 \
  " AND t.delivered_date > t.promised_date)"

/* Required for confirmation, so only checked from confirmation on; a missing_reason
 * explains the gap but the order stays flagged. */
#define GDN_FLAGS_ORDER_INCOMPLETE_SQL                                            \
  "(t.status IN ('confirmed','in_production','qc','shipped','delivered','closed')"\
  " AND (t.promised_date IS NULL OR ifnull(trim(t.delivery_address), '') = ''"    \
  "  OR NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = t.id)"         \
  "  OR EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = t.id"              \
  "   AND (ifnull(trim(l.product_code), '') = '' OR l.quantity IS NULL"           \
  "    OR l.unit_price IS NULL))))"

/* The last sign of life is the latest status event; orders imported without events fall
 * back to the recorded status change, confirmation and creation dates. */
#define GDN_FLAGS_ORDER_STUCK_SQL                                                 \
  "(t.status IN ('confirmed','in_production','qc','shipped')"                     \
  " AND date(max(ifnull((SELECT max(e.at) FROM order_events e"                    \
  "   WHERE e.order_id = t.id), ''), ifnull(t.status_changed_at, ''),"            \
  "  ifnull(t.confirmed_date, ''), ifnull(t.created_date, '')))"                  \
  " <= date(" GDN_FLAGS_TODAY_SQL ", '-14 days'))"

/* Over a cases row `t`: no first response within 24 hours of opening. */
#define GDN_FLAGS_CASE_RESPONSE_BREACH_SQL                                        \
  "((t.first_response_at IS NULL"                                                 \
  "  AND t.opened_at < datetime(" GDN_FLAGS_NOW_SQL ", '-24 hours'))"             \
  " OR t.first_response_at > datetime(t.opened_at, '+24 hours'))"

/* The bitmask, as the expression of the derived "flags" field of orders and cases. */
#define GDN_FLAGS_ORDER_SQL                                                       \
  "(CASE WHEN " GDN_FLAGS_ORDER_OVERDUE_SQL " THEN 1 ELSE 0 END"                  \
  " | CASE WHEN " GDN_FLAGS_ORDER_AT_RISK_SQL " THEN 2 ELSE 0 END"                \
  " | CASE WHEN " GDN_FLAGS_ORDER_LATE_DELIVERY_SQL " THEN 4 ELSE 0 END"          \
  " | CASE WHEN " GDN_FLAGS_ORDER_INCOMPLETE_SQL " THEN 8 ELSE 0 END"             \
  " | CASE WHEN " GDN_FLAGS_ORDER_STUCK_SQL " THEN 16 ELSE 0 END)"
#define GDN_FLAGS_CASE_SQL                                                        \
  "(CASE WHEN " GDN_FLAGS_CASE_RESPONSE_BREACH_SQL " THEN 32 ELSE 0 END)"

GdnFlags     gdn_flags_supported               (GType         type);
const char  *gdn_flags_sql                     (GType         type);
const char  *gdn_flags_condition_sql           (GType         type,
                                                GdnFlags      flag);
const char  *gdn_flags_label                   (GdnFlags      flag);
const char  *gdn_flags_nick                    (GdnFlags      flag);
char        *gdn_flags_to_string               (GdnFlags      flags);
gboolean     gdn_flags_parse                   (const char   *text,
                                                GdnFlags     *flags);
GdnFlags     gdn_flags_compute                 (GdnStore     *store,
                                                GType         type,
                                                gint64        id,
                                                GError      **error);
gboolean     gdn_flags_set_now_for_testing     (GdnDatabase  *database,
                                                const char   *now,
                                                GError      **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One value of an enumeration as stored (English value), shown (translatable label) and
 * written in Chinese spreadsheets (fixed CSV labels; aliases separated by '|'). */
typedef struct
{
  const char *value;
  const char *label;
  const char *csv_zh;
} GdnEnumValue;

typedef struct
{
  const char         *name;
  const GdnEnumValue *values;   /* ends with a { NULL } entry */
} GdnEnumInfo;

extern const GdnEnumInfo gdn_enum_order_type;
extern const GdnEnumInfo gdn_enum_order_source;
extern const GdnEnumInfo gdn_enum_order_status;
extern const GdnEnumInfo gdn_enum_delay_reason;
extern const GdnEnumInfo gdn_enum_customer_tier;
extern const GdnEnumInfo gdn_enum_customer_status;
extern const GdnEnumInfo gdn_enum_contact_role;
extern const GdnEnumInfo gdn_enum_contact_stance;
extern const GdnEnumInfo gdn_enum_transport_mode;
extern const GdnEnumInfo gdn_enum_shipment_status;
extern const GdnEnumInfo gdn_enum_case_type;
extern const GdnEnumInfo gdn_enum_complaint_category;
extern const GdnEnumInfo gdn_enum_case_priority;
extern const GdnEnumInfo gdn_enum_case_status;
extern const GdnEnumInfo gdn_enum_channel;
extern const GdnEnumInfo gdn_enum_direction;
extern const GdnEnumInfo gdn_enum_contract_status;
extern const GdnEnumInfo gdn_enum_approval_role;
extern const GdnEnumInfo gdn_enum_approval_decision;
extern const GdnEnumInfo gdn_enum_reminder_kind;

gboolean     gdn_enum_is_valid   (const GdnEnumInfo *info,
                                  const char        *value);
const char  *gdn_enum_label      (const GdnEnumInfo *info,
                                  const char        *value);
const char  *gdn_enum_csv_zh     (const GdnEnumInfo *info,
                                  const char        *value);
const char  *gdn_enum_parse      (const GdnEnumInfo *info,
                                  const char        *text);
guint        gdn_enum_n_values   (const GdnEnumInfo *info);
char        *gdn_enum_describe   (const GdnEnumInfo *info);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The columns of CSV.md, shared by import and export. */

typedef enum
{
  GDN_CSV_VALUE_FIELD,       /* a field of the record, by its own type */
  GDN_CSV_VALUE_CUSTOMER,    /* customer code ⇄ customer_id */
  GDN_CSV_VALUE_ORDER,       /* order number ⇄ order_id */
  GDN_CSV_VALUE_CASE,        /* case number ⇄ case_id */
  GDN_CSV_VALUE_CONTACT,     /* contact name (of the row's customer) ⇄ contact_id */
  GDN_CSV_VALUE_LINE,        /* a field of an order line (orders: one row per line) */
  GDN_CSV_VALUE_ORDER_LIST,  /* order numbers separated by ';' ⇄ contract_orders */
} GdnCsvValue;

typedef enum
{
  GDN_CSV_KEY_UNIQUE,        /* one unique text field: code, order_no, case_no, contract_no */
  GDN_CSV_KEY_CONTACT,       /* customer + name */
  GDN_CSV_KEY_SHIPMENT,      /* order + tracking_no, or order + carrier + shipped_date */
  GDN_CSV_KEY_SURVEY,        /* customer + order + case + date */
  GDN_CSV_KEY_INTERACTION,   /* customer + at + channel + summary */
} GdnCsvKey;

typedef struct
{
  const char  *name;       /* English header, as in CSV.md */
  const char  *zh;         /* Chinese header; further accepted spellings after '|' */
  const char  *field;      /* the record field (or order line field) it fills */
  GdnCsvValue  value;
  gboolean     required;
} GdnCsvColumn;

typedef struct
{
  const char         *name;        /* "orders" */
  GType             (*get_type) (void);
  GdnCsvKey           key;
  const char         *key_field;   /* GDN_CSV_KEY_UNIQUE */
  const GdnCsvColumn *columns;
  guint               n_columns;
} GdnCsvKind;

const GdnCsvKind *gdn_csv_kind_lookup        (const char        *name);
const GdnCsvKind *gdn_csv_kinds              (guint             *n_kinds);
char             *gdn_csv_kind_names         (void);
int               gdn_csv_kind_find_column   (const GdnCsvKind  *kind,
                                              const char        *header);
const char       *gdn_csv_column_header      (const GdnCsvColumn *column,
                                              gboolean            chinese);

G_END_DECLS

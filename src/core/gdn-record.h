/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

#include "gdn-enums.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_FIELD_TEXT,
  GDN_FIELD_INT,       /* -1 means not set (every count and score here is ≥ 0) */
  GDN_FIELD_REAL,      /* NAN means not set */
  GDN_FIELD_BOOL,
  GDN_FIELD_DATE,      /* 'YYYY-MM-DD' */
  GDN_FIELD_DATETIME,  /* 'YYYY-MM-DD HH:MM:SS' */
  GDN_FIELD_ENUM,      /* stored English value of enum_info */
  GDN_FIELD_REF,       /* id of a row in ref_table; 0 means none */
} GdnFieldType;

typedef enum
{
  GDN_FIELD_REQUIRED = 1 << 0,
  GDN_FIELD_SEARCH   = 1 << 1,  /* its text goes into the row's search_text */
  GDN_FIELD_SORTABLE = 1 << 2,
  GDN_FIELD_DERIVED  = 1 << 3,  /* computed by expr when read, never written */
  GDN_FIELD_STORE    = 1 << 4,  /* written by the store only (amounts, progress) */
  GDN_FIELD_MONEY    = 1 << 5,  /* an amount of money, shown with its currency sign */
  GDN_FIELD_FOLLOWS_ID = 1 << 6, /* rows are numbered in about the order of its values (the
                                   * day a row was made): a hint for searches */
} GdnFieldFlags;

typedef struct
{
  const char        *name;       /* column; the property is the same with '-' for '_' */
  GdnFieldType       type;
  GdnFieldFlags      flags;
  const char        *label;      /* N_() */
  const GdnEnumInfo *enum_info;  /* ENUM */
  const char        *ref_table;  /* REF */
  const char        *expr;       /* DERIVED: SQL over the table alias t */
  double             min;        /* INT and REAL range, checked when min < max */
  double             max;
} GdnField;

#define GDN_TYPE_RECORD (gdn_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (GdnRecord, gdn_record, GDN, RECORD, GObject)

struct _GdnRecordClass
{
  GObjectClass     parent_class;

  /*< private >*/
  const char      *table;
  const GdnField  *fields;
  guint            n_fields;
  guint            plain : 1;   /* the table has only id, no created/updated/deleted/version */
  GParamSpec     **field_pspecs;
  /* SQL for the row's search_text, over the table's own name; NULL when not searchable */
  const char      *search_expr;

  /*< public >*/
  /* Checks beyond required fields, ranges, dates and enumerations. */
  gboolean (*validate) (GdnRecord  *self,
                        GError    **error);

  gpointer padding[4];
};

void             gdn_record_class_set_table     (GdnRecordClass  *klass,
                                                 const char      *table,
                                                 const GdnField  *fields,
                                                 guint            n_fields,
                                                 gboolean         plain);
const char      *gdn_record_class_get_table     (GdnRecordClass  *klass);
const GdnField  *gdn_record_class_get_fields    (GdnRecordClass  *klass,
                                                 guint           *n_fields);
int              gdn_record_class_find_field    (GdnRecordClass  *klass,
                                                 const char      *name);
const char      *gdn_record_class_get_search_expr (GdnRecordClass *klass);
char            *gdn_record_class_select_list   (GdnRecordClass  *klass);

GdnRecord       *gdn_record_new                 (GType            type);
GdnRecord       *gdn_record_new_from_statement  (GType            type,
                                                 sqlite3_stmt    *stmt);
void             gdn_record_load                (GdnRecord       *self,
                                                 sqlite3_stmt    *stmt);

gint64           gdn_record_get_id              (GdnRecord       *self);
void             gdn_record_set_id              (GdnRecord       *self,
                                                 gint64           id);
gint64           gdn_record_get_version         (GdnRecord       *self);
const char      *gdn_record_get_created_at      (GdnRecord       *self);
const char      *gdn_record_get_updated_at      (GdnRecord       *self);
const char      *gdn_record_get_deleted_at      (GdnRecord       *self);

const char      *gdn_record_get_string          (GdnRecord       *self,
                                                 const char      *field);
void             gdn_record_set_string          (GdnRecord       *self,
                                                 const char      *field,
                                                 const char      *value);
gint64           gdn_record_get_int             (GdnRecord       *self,
                                                 const char      *field);
void             gdn_record_set_int             (GdnRecord       *self,
                                                 const char      *field,
                                                 gint64           value);
double           gdn_record_get_double          (GdnRecord       *self,
                                                 const char      *field);
void             gdn_record_set_double          (GdnRecord       *self,
                                                 const char      *field,
                                                 double           value);
gboolean         gdn_record_get_bool            (GdnRecord       *self,
                                                 const char      *field);
void             gdn_record_set_bool            (GdnRecord       *self,
                                                 const char      *field,
                                                 gboolean         value);
gboolean         gdn_record_is_set              (GdnRecord       *self,
                                                 const char      *field);
const GValue    *gdn_record_get_value_at        (GdnRecord       *self,
                                                 guint            index);
void             gdn_record_set_value_at        (GdnRecord       *self,
                                                 guint            index,
                                                 const GValue    *value);
char            *gdn_record_format_at           (GdnRecord       *self,
                                                 guint            index);
gboolean         gdn_record_validate            (GdnRecord       *self,
                                                 GError         **error);
void             gdn_record_assign              (GdnRecord       *self,
                                                 GdnRecord       *from);
void             gdn_record_copy_fields         (GdnRecord       *self,
                                                 GdnRecord       *from);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gdn-parse.h"
#include "gdn-record.h"
#include "gdn-validation-error.h"

/* A row of one table as a GObject. Subclasses describe their columns with a GdnField
 * table; each field becomes a property with change notification, and the values live in
 * one GValue array so stores, import, export and lists can treat every entity alike. */

typedef struct
{
  gint64   id;
  gint64   version;
  char    *created_at;
  char    *updated_at;
  char    *deleted_at;
  GValue  *values;
  guint    n_values;
} GdnRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DELETED_AT,
  PROP_VERSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GdnRecord, gdn_record, G_TYPE_OBJECT)

static GType
gtype_for_field (const GdnField *field)
{
  switch (field->type)
    {
    case GDN_FIELD_INT:
    case GDN_FIELD_REF:
      return G_TYPE_INT64;
    case GDN_FIELD_REAL:
      return G_TYPE_DOUBLE;
    case GDN_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_ENUM:
    default:
      return G_TYPE_STRING;
    }
}

static void
init_value (GValue         *value,
            const GdnField *field)
{
  g_value_init (value, gtype_for_field (field));
  if (field->type == GDN_FIELD_INT)
    g_value_set_int64 (value, -1);
  else if (field->type == GDN_FIELD_REAL)
    g_value_set_double (value, NAN);
}

static GValue *
ensure_values (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (self);

  if (priv->values == NULL && klass->n_fields > 0)
    {
      priv->n_values = klass->n_fields;
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        init_value (&priv->values[i], &klass->fields[i]);
    }
  return priv->values;
}

static int
field_index (GdnRecord  *self,
             const char *name)
{
  int i = gdn_record_class_find_field (GDN_RECORD_GET_CLASS (self), name);

  if (i < 0)
    g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), name);
  return i;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_DOUBLE:
      {
        double x = g_value_get_double (a), y = g_value_get_double (b);
        return (isnan (x) && isnan (y)) || x == y;
      }
    default:
      return FALSE;
    }
}

static void
gdn_record_field_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GdnRecord *self = GDN_RECORD (object);
  GValue *values = ensure_values (self);

  g_value_copy (&values[prop_id - 1], value);
}

static void
gdn_record_field_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  gdn_record_set_value_at (GDN_RECORD (object), prop_id - 1, value);
}

static void
gdn_record_finalize (GObject *object)
{
  GdnRecord *self = (GdnRecord *)object;
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);
  g_clear_pointer (&priv->deleted_at, g_free);

  G_OBJECT_CLASS (gdn_record_parent_class)->finalize (object);
}

static void
gdn_record_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GdnRecord *self = GDN_RECORD (object);
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_DELETED_AT:
      g_value_set_string (value, priv->deleted_at);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GdnRecord *self = GDN_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      gdn_record_set_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_class_init (GdnRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdn_record_finalize;
  object_class->get_property = gdn_record_get_property;
  object_class->set_property = gdn_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED_AT] =
    g_param_spec_string ("deleted-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_record_init (GdnRecord *self)
{
}

/**
 * gdn_record_class_set_table:
 * @fields: (array length=n_fields): the columns, in the order of the table
 * @plain: %TRUE when the table has no created/updated/deleted/version columns
 *
 * Called from a subclass's class_init: installs one property per field.
 */
void
gdn_record_class_set_table (GdnRecordClass *klass,
                            const char     *table,
                            const GdnField *fields,
                            guint           n_fields,
                            gboolean        plain)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->plain = !!plain;
  klass->field_pspecs = g_new0 (GParamSpec *, n_fields);

  object_class->get_property = gdn_record_field_get_property;
  object_class->set_property = gdn_record_field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      const GdnField *f = &fields[i];
      g_autofree char *prop = g_strdelimit (g_strdup (f->name), "_", '-');
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      switch (f->type)
        {
        case GDN_FIELD_INT:
        case GDN_FIELD_REF:
          pspec = g_param_spec_int64 (prop, NULL, NULL, f->type == GDN_FIELD_INT ? -1 : 0,
                                      G_MAXINT64, f->type == GDN_FIELD_INT ? -1 : 0, flags);
          break;
        case GDN_FIELD_REAL:
          /* GParamSpecDouble refuses a NAN default; values start as NAN all the same */
          pspec = g_param_spec_double (prop, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                                       flags);
          break;
        case GDN_FIELD_BOOL:
          pspec = g_param_spec_boolean (prop, NULL, NULL, FALSE, flags);
          break;
        case GDN_FIELD_TEXT:
        case GDN_FIELD_DATE:
        case GDN_FIELD_DATETIME:
        case GDN_FIELD_ENUM:
        default:
          pspec = g_param_spec_string (prop, NULL, NULL, NULL, flags);
          break;
        }
      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const char *
gdn_record_class_get_table (GdnRecordClass *klass)
{
  return klass->table;
}

const GdnField *
gdn_record_class_get_fields (GdnRecordClass *klass,
                             guint          *n_fields)
{
  if (n_fields)
    *n_fields = klass->n_fields;
  return klass->fields;
}

int
gdn_record_class_find_field (GdnRecordClass *klass,
                             const char     *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *a = klass->fields[i].name, *b = name;

      /* property spelling ('-') and column spelling ('_') both name the field */
      while (*a && *b && (*a == *b || (*a == '_' && *b == '-')))
        a++, b++;
      if (*a == '\0' && *b == '\0')
        return (int) i;
    }
  return -1;
}

const char *
gdn_record_class_get_search_expr (GdnRecordClass *klass)
{
  return klass->search_expr;
}

/**
 * gdn_record_class_select_list:
 *
 * Returns: the columns gdn_record_load() reads, over the table alias `t`
 */
char *
gdn_record_class_select_list (GdnRecordClass *klass)
{
  GString *s = g_string_new (NULL);

  if (klass->plain)
    g_string_append (s, "t.id, NULL, NULL, NULL, 1");
  else
    g_string_append (s, "t.id, t.created_at, t.updated_at, t.deleted_at, t.version");

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];

      if (f->flags & GDN_FIELD_DERIVED)
        g_string_append_printf (s, ", (%s)", f->expr);
      else
        g_string_append_printf (s, ", t.%s", f->name);
    }
  return g_string_free (s, FALSE);
}

GdnRecord *
gdn_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, GDN_TYPE_RECORD), NULL);
  return g_object_new (type, NULL);
}

/**
 * gdn_record_new_from_statement:
 * @stmt: a row whose columns follow gdn_record_class_select_list()
 */
GdnRecord *
gdn_record_new_from_statement (GType         type,
                               sqlite3_stmt *stmt)
{
  GdnRecord *self = gdn_record_new (type);

  gdn_record_load (self, stmt);
  return self;
}

static void
set_text (char       **slot,
          const char  *value)
{
  if (g_strcmp0 (*slot, value) != 0)
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
}

/**
 * gdn_record_load:
 *
 * Reads a row (columns from gdn_record_class_select_list()) into @self, notifying the
 * fields that changed.
 */
void
gdn_record_load (GdnRecord    *self,
                 sqlite3_stmt *stmt)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (self);

  g_object_freeze_notify (G_OBJECT (self));

  gdn_record_set_id (self, sqlite3_column_int64 (stmt, 0));
  set_text (&priv->created_at, (const char *) sqlite3_column_text (stmt, 1));
  set_text (&priv->updated_at, (const char *) sqlite3_column_text (stmt, 2));
  set_text (&priv->deleted_at, (const char *) sqlite3_column_text (stmt, 3));
  priv->version = sqlite3_column_int64 (stmt, 4);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];
      int col = 5 + (int) i;
      gboolean null = sqlite3_column_type (stmt, col) == SQLITE_NULL;
      g_auto(GValue) v = G_VALUE_INIT;

      init_value (&v, f);
      switch (f->type)
        {
        case GDN_FIELD_INT:
          g_value_set_int64 (&v, null ? -1 : sqlite3_column_int64 (stmt, col));
          break;
        case GDN_FIELD_REF:
          g_value_set_int64 (&v, null ? 0 : sqlite3_column_int64 (stmt, col));
          break;
        case GDN_FIELD_REAL:
          g_value_set_double (&v, null ? NAN : sqlite3_column_double (stmt, col));
          break;
        case GDN_FIELD_BOOL:
          g_value_set_boolean (&v, !null && sqlite3_column_int (stmt, col) != 0);
          break;
        case GDN_FIELD_TEXT:
        case GDN_FIELD_DATE:
        case GDN_FIELD_DATETIME:
        case GDN_FIELD_ENUM:
        default:
          g_value_set_string (&v, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
      gdn_record_set_value_at (self, i, &v);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
gdn_record_get_id (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);

  g_return_val_if_fail (GDN_IS_RECORD (self), 0);
  return priv->id;
}

void
gdn_record_set_id (GdnRecord *self,
                   gint64     id)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);

  g_return_if_fail (GDN_IS_RECORD (self));
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
gdn_record_get_version (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  return priv->version;
}

const char *
gdn_record_get_created_at (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  return priv->created_at;
}

const char *
gdn_record_get_updated_at (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  return priv->updated_at;
}

const char *
gdn_record_get_deleted_at (GdnRecord *self)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  return priv->deleted_at;
}

const GValue *
gdn_record_get_value_at (GdnRecord *self,
                         guint      index)
{
  g_return_val_if_fail (index < GDN_RECORD_GET_CLASS (self)->n_fields, NULL);
  return &ensure_values (self)[index];
}

void
gdn_record_set_value_at (GdnRecord    *self,
                         guint         index,
                         const GValue *value)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (self);
  GValue *slot;

  g_return_if_fail (index < klass->n_fields);

  slot = &ensure_values (self)[index];
  if (values_equal (slot, value))
    return;

  g_value_copy (value, slot);
  g_object_notify_by_pspec (G_OBJECT (self), klass->field_pspecs[index]);
}

const char *
gdn_record_get_string (GdnRecord  *self,
                       const char *field)
{
  int i = field_index (self, field);

  if (i < 0 || !G_VALUE_HOLDS_STRING (&ensure_values (self)[i]))
    return NULL;
  return g_value_get_string (&ensure_values (self)[i]);
}

void
gdn_record_set_string (GdnRecord  *self,
                       const char *field,
                       const char *value)
{
  int i = field_index (self, field);
  g_auto(GValue) v = G_VALUE_INIT;

  if (i < 0)
    return;
  g_value_init (&v, G_TYPE_STRING);
  /* An empty text is no text: forms and spreadsheets use "" for "not given". */
  g_value_set_string (&v, value != NULL && *value != '\0' ? value : NULL);
  gdn_record_set_value_at (self, i, &v);
}

gint64
gdn_record_get_int (GdnRecord  *self,
                    const char *field)
{
  int i = field_index (self, field);
  const GValue *v;

  if (i < 0)
    return -1;
  v = &ensure_values (self)[i];
  if (G_VALUE_HOLDS_INT64 (v))
    return g_value_get_int64 (v);
  if (G_VALUE_HOLDS_BOOLEAN (v))
    return g_value_get_boolean (v);
  return -1;
}

void
gdn_record_set_int (GdnRecord  *self,
                    const char *field,
                    gint64      value)
{
  int i = field_index (self, field);
  g_auto(GValue) v = G_VALUE_INIT;

  if (i < 0)
    return;
  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  gdn_record_set_value_at (self, i, &v);
}

double
gdn_record_get_double (GdnRecord  *self,
                       const char *field)
{
  int i = field_index (self, field);
  const GValue *v;

  if (i < 0)
    return NAN;
  v = &ensure_values (self)[i];
  if (G_VALUE_HOLDS_DOUBLE (v))
    return g_value_get_double (v);
  if (G_VALUE_HOLDS_INT64 (v))
    return g_value_get_int64 (v) < 0 ? NAN : (double) g_value_get_int64 (v);
  return NAN;
}

void
gdn_record_set_double (GdnRecord  *self,
                       const char *field,
                       double      value)
{
  int i = field_index (self, field);
  g_auto(GValue) v = G_VALUE_INIT;

  if (i < 0)
    return;
  g_value_init (&v, G_TYPE_DOUBLE);
  g_value_set_double (&v, value);
  gdn_record_set_value_at (self, i, &v);
}

gboolean
gdn_record_get_bool (GdnRecord  *self,
                     const char *field)
{
  return gdn_record_get_int (self, field) > 0;
}

void
gdn_record_set_bool (GdnRecord  *self,
                     const char *field,
                     gboolean    value)
{
  int i = field_index (self, field);
  g_auto(GValue) v = G_VALUE_INIT;

  if (i < 0)
    return;
  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  gdn_record_set_value_at (self, i, &v);
}

static gboolean
value_is_set (const GdnField *f,
              const GValue   *v)
{
  switch (f->type)
    {
    case GDN_FIELD_INT:
      return g_value_get_int64 (v) >= 0;
    case GDN_FIELD_REF:
      return g_value_get_int64 (v) > 0;
    case GDN_FIELD_REAL:
      return !isnan (g_value_get_double (v));
    case GDN_FIELD_BOOL:
      return TRUE;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_ENUM:
    default:
      {
        const char *s = g_value_get_string (v);
        return s != NULL && *s != '\0';
      }
    }
}

gboolean
gdn_record_is_set (GdnRecord  *self,
                   const char *field)
{
  int i = field_index (self, field);

  if (i < 0)
    return FALSE;
  return value_is_set (&GDN_RECORD_GET_CLASS (self)->fields[i], &ensure_values (self)[i]);
}

/**
 * gdn_record_format_at:
 *
 * Returns: the field as text, as written to a spreadsheet ("" when not set)
 */
char *
gdn_record_format_at (GdnRecord *self,
                      guint      index)
{
  const GdnField *f = &GDN_RECORD_GET_CLASS (self)->fields[index];
  const GValue *v = gdn_record_get_value_at (self, index);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!value_is_set (f, v))
    return g_strdup ("");

  switch (f->type)
    {
    case GDN_FIELD_INT:
    case GDN_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (v));
    case GDN_FIELD_REAL:
      {
        double d = g_value_get_double (v);
        /* two decimals for money-like values, no trailing noise */
        g_ascii_formatd (buf, sizeof buf, "%.4f", d);
        {
          char *end = buf + strlen (buf) - 1;
          while (end > buf && *end == '0')
            *end-- = '\0';
          if (*end == '.')
            *end = '\0';
        }
        return g_strdup (buf);
      }
    case GDN_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (v) ? "yes" : "no");
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_ENUM:
    default:
      return g_value_dup_string (v);
    }
}

/* Translated only for a message: an import validates a hundred thousand records, and
 * looking the label up for every field of each cost more than all the checks. */
static const char *
field_label (const GdnField *f)
{
  return g_dgettext (GETTEXT_PACKAGE, f->label);
}

static gboolean
validate_field (GdnRecord       *self,
                const GdnField  *f,
                const GValue    *v,
                GError         **error)
{
  if (f->flags & GDN_FIELD_DERIVED)
    return TRUE;

  if (!value_is_set (f, v))
    {
      if (f->flags & GDN_FIELD_REQUIRED)
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, f->name,
                                    _("%s is required"), field_label (f));
          return FALSE;
        }
      return TRUE;
    }

  switch (f->type)
    {
    case GDN_FIELD_DATE:
      if (!gdn_date_is_valid (g_value_get_string (v)))
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, f->name,
                                    _("%s: “%s” is not a real date"),
                                    field_label (f), g_value_get_string (v));
          return FALSE;
        }
      break;
    case GDN_FIELD_DATETIME:
      if (!gdn_datetime_is_valid (g_value_get_string (v)))
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, f->name,
                                    _("%s: “%s” is not a real date and time"),
                                    field_label (f), g_value_get_string (v));
          return FALSE;
        }
      break;
    case GDN_FIELD_ENUM:
      if (!gdn_enum_is_valid (f->enum_info, g_value_get_string (v)))
        {
          g_autofree char *known = gdn_enum_describe (f->enum_info);
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, f->name,
                                    _("%s: “%s” is not one of %s"),
                                    field_label (f), g_value_get_string (v), known);
          return FALSE;
        }
      break;
    case GDN_FIELD_INT:
    case GDN_FIELD_REAL:
      if (f->min < f->max)
        {
          double d = f->type == GDN_FIELD_INT ? (double) g_value_get_int64 (v)
                                              : g_value_get_double (v);
          if (d < f->min || d > f->max)
            {
              gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, f->name,
                                        _("%s must be between %g and %g"),
                                        field_label (f), f->min, f->max);
              return FALSE;
            }
        }
      break;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_BOOL:
    case GDN_FIELD_REF:
    default:
      break;
    }

  return TRUE;
}

/**
 * gdn_record_validate:
 *
 * Checks required fields, dates, enumerations and ranges, then the entity's own rules.
 * The error names the field (gdn_validation_error_get_field()) in the user's language.
 */
gboolean
gdn_record_validate (GdnRecord  *self,
                     GError    **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (self);
  GValue *values = ensure_values (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!validate_field (self, &klass->fields[i], &values[i], error))
      return FALSE;

  if (klass->validate != NULL)
    return klass->validate (self, error);

  return TRUE;
}

/**
 * gdn_record_assign:
 * @from: a record of the same type
 *
 * Makes @self the record @from is: its id, times, version and every field, notifying
 * what changed.
 */
void
gdn_record_assign (GdnRecord *self,
                   GdnRecord *from)
{
  GdnRecordPrivate *priv = gdn_record_get_instance_private (self);
  GdnRecordPrivate *from_priv = gdn_record_get_instance_private (from);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  g_object_freeze_notify (G_OBJECT (self));
  gdn_record_set_id (self, from_priv->id);
  set_text (&priv->created_at, from_priv->created_at);
  set_text (&priv->updated_at, from_priv->updated_at);
  set_text (&priv->deleted_at, from_priv->deleted_at);
  priv->version = from_priv->version;
  gdn_record_copy_fields (self, from);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * gdn_record_copy_fields:
 *
 * Copies every field (not the id) of @from, which must be of the same type.
 */
void
gdn_record_copy_fields (GdnRecord *self,
                        GdnRecord *from)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (self);

  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < klass->n_fields; i++)
    gdn_record_set_value_at (self, i, gdn_record_get_value_at (from, i));
  g_object_thaw_notify (G_OBJECT (self));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "gdn-case.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-store.h"
#include "gdn-validation-error.h"

/* Writes records of every entity: validation first, then one transaction per operation
 * (nested operations share the outermost one through savepoints), an audit entry per
 * change, and a "changed" signal once the outermost transaction has committed. */

typedef struct
{
  GType          type;
  gint64         id;
  GdnChangeKind  kind;
} PendingChange;

struct _GdnStore
{
  GObject       parent_instance;

  GdnDatabase  *database;
  char         *user_name;
  guint         depth;
  GArray       *pending;   /* PendingChange, emitted on the outermost commit */
  GArray       *marks;     /* guint: pending->len when each savepoint began */
  GHashTable   *statements; /* SQL text → the prepared sqlite3_stmt not lent out now */
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_USER_NAME,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnStore, gdn_store, G_TYPE_OBJECT)

static sqlite3 *
handle (GdnStore *self)
{
  return gdn_database_get_handle (self->database);
}

/* A statement lent from the cache of prepared statements: reset, unbound and given back
 * when it goes out of scope. Preparing costs more than running most of these statements
 * (a row by its id, an audit entry), and a form or an import runs the same few again and
 * again. The SQL of a statement that the schema changed under is prepared again by SQLite
 * itself. A statement in use when the same SQL is asked for again (a nested call) is not
 * shared: the second one is prepared afresh, and the later one given back stays cached. */
typedef struct
{
  GdnStore     *store;
  char         *sql;
  sqlite3_stmt *stmt;
} CachedStmt;

static void
cached_stmt_release (CachedStmt *c)
{
  if (c->stmt != NULL)
    {
      sqlite3_reset (c->stmt);
      sqlite3_clear_bindings (c->stmt);
      if (c->store->statements != NULL)
        g_hash_table_replace (c->store->statements, g_steal_pointer (&c->sql),
                              g_steal_pointer (&c->stmt));
      else
        g_clear_pointer (&c->stmt, sqlite3_finalize);
    }
  g_clear_pointer (&c->sql, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CachedStmt, cached_stmt_release)

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
prepare_cached (GdnStore     *self,
                const char   *sql,
                CachedStmt   *out,
                GError      **error)
{
  gpointer key, value;

  out->store = self;
  if (g_hash_table_steal_extended (self->statements, sql, &key, &value))
    {
      out->sql = key;
      out->stmt = value;
      return TRUE;
    }
  out->stmt = gdn_database_prepare (self->database, sql, error);
  if (out->stmt == NULL)
    return FALSE;
  out->sql = g_strdup (sql);
  return TRUE;
}

static gboolean step_done (GdnStore      *self,
                           sqlite3_stmt  *stmt,
                           GError       **error);

static gboolean
exec_sql (GdnStore    *self,
          const char  *sql,
          GError     **error)
{
  g_auto(CachedStmt) c = { 0 };

  return prepare_cached (self, sql, &c, error) && step_done (self, c.stmt, error);
}

/* Binds one field value; text that is empty is stored as NULL. */
static void
bind_value (sqlite3_stmt   *stmt,
            int             param,
            const GdnField *field,
            const GValue   *value)
{
  switch (field->type)
    {
    case GDN_FIELD_INT:
      if (g_value_get_int64 (value) < 0)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;
    case GDN_FIELD_REF:
      if (g_value_get_int64 (value) <= 0)
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_int64 (stmt, param, g_value_get_int64 (value));
      break;
    case GDN_FIELD_REAL:
      if (isnan (g_value_get_double (value)))
        sqlite3_bind_null (stmt, param);
      else
        sqlite3_bind_double (stmt, param, g_value_get_double (value));
      break;
    case GDN_FIELD_BOOL:
      sqlite3_bind_int (stmt, param, g_value_get_boolean (value) ? 1 : 0);
      break;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_ENUM:
    default:
      {
        const char *s = g_value_get_string (value);
        if (s == NULL || *s == '\0')
          sqlite3_bind_null (stmt, param);
        else
          sqlite3_bind_text (stmt, param, s, -1, SQLITE_TRANSIENT);
      }
      break;
    }
}

static gboolean
is_written (const GdnField *f)
{
  return !(f->flags & GDN_FIELD_DERIVED);
}

/**
 * gdn_store_bind_record:
 * @first_param: the parameter number of the first written field
 *
 * Binds every written (not derived) field of @record in order, for statements built
 * over the same column list.
 */
gboolean
gdn_store_bind_record (GdnStore      *self,
                       sqlite3_stmt  *stmt,
                       GdnRecord     *record,
                       int            first_param,
                       GError       **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);
  int param = first_param;

  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (!is_written (&klass->fields[i]))
        continue;
      bind_value (stmt, param++, &klass->fields[i], gdn_record_get_value_at (record, i));
    }
  return TRUE;
}

static gboolean
step_done (GdnStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        gdn_set_validation_error (error, GDN_VALIDATION_ERROR_DUPLICATE, NULL,
                                  _("A record with the same number or code already exists"));
      else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
        gdn_set_validation_error (error, GDN_VALIDATION_ERROR_NOT_FOUND, NULL,
                                  _("The record refers to one that does not exist, or "
                                    "others still refer to it"));
      else
        gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, NULL,
                                  _("The record breaks a rule of the database: %s"),
                                  sqlite3_errmsg (handle (self)));
      return FALSE;
    }

  gdn_database_set_error (self->database, rc, error);
  return FALSE;
}

static void
add_json_value (JsonBuilder    *builder,
                const GdnField *field,
                const GValue   *value)
{
  switch (field->type)
    {
    case GDN_FIELD_INT:
    case GDN_FIELD_REF:
      if (g_value_get_int64 (value) < (field->type == GDN_FIELD_REF ? 1 : 0))
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, g_value_get_int64 (value));
      break;
    case GDN_FIELD_REAL:
      if (isnan (g_value_get_double (value)))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, g_value_get_double (value));
      break;
    case GDN_FIELD_BOOL:
      json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      break;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_ENUM:
    default:
      if (g_value_get_string (value) == NULL)
        json_builder_add_null_value (builder);
      else
        json_builder_add_string_value (builder, g_value_get_string (value));
      break;
    }
}

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) != 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) != g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) != g_value_get_boolean (b);
  if (G_VALUE_HOLDS_DOUBLE (a))
    {
      double x = g_value_get_double (a), y = g_value_get_double (b);
      return !((isnan (x) && isnan (y)) || x == y);
    }
  return TRUE;
}

/* {"field": [old, new], …} for the written fields that differ; @old may be NULL (insert). */
static char *
describe_changes (GdnRecord *old,
                  GdnRecord *record)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];
      const GValue *nv = gdn_record_get_value_at (record, i);

      if (!is_written (f) || (f->flags & GDN_FIELD_STORE))
        continue;
      if (old != NULL && !values_differ (gdn_record_get_value_at (old, i), nv))
        continue;
      if (old == NULL && !gdn_record_is_set (record, f->name) && f->type != GDN_FIELD_BOOL)
        continue;

      json_builder_set_member_name (builder, f->name);
      json_builder_begin_array (builder);
      if (old != NULL)
        add_json_value (builder, f, gdn_record_get_value_at (old, i));
      else
        json_builder_add_null_value (builder);
      add_json_value (builder, f, nv);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static void
gdn_store_dispose (GObject *object)
{
  GdnStore *self = (GdnStore *)object;

  /* the statements go before the connection they belong to */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (gdn_store_parent_class)->dispose (object);
}

static void
gdn_store_finalize (GObject *object)
{
  GdnStore *self = (GdnStore *)object;

  g_clear_pointer (&self->user_name, g_free);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->marks, g_array_unref);

  G_OBJECT_CLASS (gdn_store_parent_class)->finalize (object);
}

static void
gdn_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  GdnStore *self = GDN_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  GdnStore *self = GDN_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_USER_NAME:
      gdn_store_set_user_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_store_class_init (GdnStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gdn_store_dispose;
  object_class->finalize = gdn_store_finalize;
  object_class->get_property = gdn_store_get_property;
  object_class->set_property = gdn_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, GDN_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnStore::changed:
   * @type: the record type
   * @id: the record, or 0 with %GDN_CHANGE_RELOADED
   * @kind: a #GdnChangeKind
   *
   * Emitted after a change has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_GTYPE, G_TYPE_INT64, G_TYPE_INT);
}

static void
gdn_store_init (GdnStore *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->marks = g_array_new (FALSE, FALSE, sizeof (guint));
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_stmt);
}

GdnStore *
gdn_store_new (GdnDatabase *database)
{
  g_return_val_if_fail (GDN_IS_DATABASE (database), NULL);
  return g_object_new (GDN_TYPE_STORE, "database", database, NULL);
}

GdnDatabase *
gdn_store_get_database (GdnStore *self)
{
  g_return_val_if_fail (GDN_IS_STORE (self), NULL);
  return self->database;
}

const char *
gdn_store_get_user_name (GdnStore *self)
{
  g_return_val_if_fail (GDN_IS_STORE (self), NULL);
  return self->user_name ? self->user_name : g_get_real_name ();
}

void
gdn_store_set_user_name (GdnStore   *self,
                         const char *user_name)
{
  g_return_if_fail (GDN_IS_STORE (self));

  if (g_strcmp0 (self->user_name, user_name) == 0)
    return;
  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
}

/**
 * gdn_store_begin:
 *
 * Starts a transaction, or a savepoint inside the running one.
 */
gboolean
gdn_store_begin (GdnStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (GDN_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!gdn_database_begin (self->database, error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT gdn_%u", self->depth);
      if (!exec_sql (self, sql, error))
        return FALSE;
      g_array_append_val (self->marks, self->pending->len);
    }
  self->depth++;
  return TRUE;
}

gboolean
gdn_store_commit (GdnStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GArray) pending = NULL;

  g_return_val_if_fail (GDN_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      sql = g_strdup_printf ("RELEASE gdn_%u", self->depth - 1);
      if (!exec_sql (self, sql, error))
        return FALSE;
      g_array_set_size (self->marks, self->marks->len - 1);
      self->depth--;
      return TRUE;
    }

  if (!gdn_database_commit (self->database, error))
    {
      gdn_store_rollback (self);
      return FALSE;
    }
  self->depth = 0;

  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  for (guint i = 0; i < pending->len; i++)
    {
      PendingChange *c = &g_array_index (pending, PendingChange, i);
      g_signal_emit (self, signals[CHANGED], 0, c->type, c->id, (int) c->kind);
    }

  return TRUE;
}

void
gdn_store_rollback (GdnStore *self)
{
  g_return_if_fail (GDN_IS_STORE (self));

  if (self->depth > 1)
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO gdn_%u", self->depth - 1);
      g_autofree char *release = g_strdup_printf ("RELEASE gdn_%u", self->depth - 1);

      sqlite3_exec (handle (self), sql, NULL, NULL, NULL);
      sqlite3_exec (handle (self), release, NULL, NULL, NULL);
      /* what the savepoint undid is not announced at the outer commit */
      g_array_set_size (self->pending,
                        g_array_index (self->marks, guint, self->marks->len - 1));
      g_array_set_size (self->marks, self->marks->len - 1);
      self->depth--;
      return;
    }

  gdn_database_rollback (self->database);
  self->depth = 0;
  g_array_set_size (self->pending, 0);
  g_array_set_size (self->marks, 0);
}

/**
 * gdn_store_emit_changed:
 *
 * Queues a "changed" emission for the end of the running transaction (or emits at once
 * outside one).
 */
void
gdn_store_emit_changed (GdnStore      *self,
                        GType          type,
                        gint64         id,
                        GdnChangeKind  kind)
{
  PendingChange c = { type, id, kind };

  if (self->depth == 0)
    {
      g_signal_emit (self, signals[CHANGED], 0, type, id, (int) kind);
      return;
    }
  g_array_append_val (self->pending, c);
}

gboolean
gdn_store_audit (GdnStore    *self,
                 const char  *table,
                 gint64       record_id,
                 const char  *action,
                 const char  *changes,
                 GError     **error)
{
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;

  if (!prepare_cached (self,
                       "INSERT INTO audit_log (at, who, table_name, record_id, action, changes)"
                       " VALUES (datetime('now','localtime'), ?, ?, ?, ?, ?)",
                       &c, error))
    return FALSE;
  stmt = c.stmt;

  sqlite3_bind_text (stmt, 1, gdn_store_get_user_name (self), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, table, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, record_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, changes, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

/* Customer names and codes are part of other tables' search text. */
static gboolean
refresh_dependent_search (GdnStore   *self,
                          GdnRecord  *record,
                          GError    **error)
{
  GType types[] = { GDN_TYPE_ORDER, GDN_TYPE_CASE, GDN_TYPE_CONTRACT };

  if (!GDN_IS_CUSTOMER (record))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *sql = NULL;
      g_auto(CachedStmt) c = { 0 };
      sqlite3_stmt *stmt;
      g_autoptr(GdnRecordClass) klass = g_type_class_ref (types[i]);

      sql = g_strdup_printf ("UPDATE %s SET search_text = (%s) WHERE customer_id = ?",
                             klass->table, klass->search_expr);

      if (!prepare_cached (self, sql, &c, error))
        return FALSE;
      stmt = c.stmt;
      sqlite3_bind_int64 (stmt, 1, gdn_record_get_id (record));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * gdn_store_refresh_search:
 *
 * Recomputes the search text of one row (after its lines or its customer changed).
 */
gboolean
gdn_store_refresh_search (GdnStore  *self,
                          GType      type,
                          gint64     id,
                          GError   **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;

  if (klass->search_expr == NULL)
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET search_text = (%s) WHERE id = ?",
                         klass->table, klass->search_expr);
  if (!prepare_cached (self, sql, &c, error))
    return FALSE;
  stmt = c.stmt;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

static gboolean
check_references (GdnStore   *self,
                  GdnRecord  *record,
                  GError    **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];
      gint64 ref;
      g_autofree char *sql = NULL;
      g_auto(CachedStmt) c = { 0 };
      sqlite3_stmt *stmt;

      if (f->type != GDN_FIELD_REF || (ref = gdn_record_get_int (record, f->name)) <= 0)
        continue;

      sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", f->ref_table);
      if (!prepare_cached (self, sql, &c, error))
        return FALSE;
      stmt = c.stmt;
      sqlite3_bind_int64 (stmt, 1, ref);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_NOT_FOUND, f->name,
                                    _("%s: the record it refers to does not exist"),
                                    g_dgettext (GETTEXT_PACKAGE, f->label));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_record (GdnStore   *self,
              GdnRecord  *record,
              gboolean    insert,
              GError    **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  g_autoptr(GdnRecord) old = NULL;
  g_autofree char *changes = NULL;
  guint n_written = 0;
  gint64 id;

  if (!gdn_record_validate (record, error) || !check_references (self, record, error))
    return FALSE;

  if (!insert)
    {
      old = gdn_store_get (self, G_OBJECT_TYPE (record), gdn_record_get_id (record), error);
      if (old == NULL)
        return FALSE;
      if (!klass->plain && gdn_record_get_version (record) != 0 &&
          gdn_record_get_version (old) != gdn_record_get_version (record))
        {
          g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT,
                       _("This record was changed elsewhere (at %s) since it was opened; "
                         "reload it to see the changes before saving"),
                       gdn_record_get_updated_at (old));
          return FALSE;
        }
    }

  if (insert)
    {
      /* fields not set are left out, so the table's defaults apply (progress 0, currency
       * CNY…) instead of a NULL their NOT NULL columns refuse */
      g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        if (is_written (&klass->fields[i]) && gdn_record_is_set (record, klass->fields[i].name))
          g_string_append_printf (sql, "%s%s", n_written++ ? ", " : "", klass->fields[i].name);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < n_written; i++)
        g_string_append (sql, i ? ", ?" : "?");
      g_string_append (sql, ")");
      if (n_written == 0)
        g_string_printf (sql, "INSERT INTO %s DEFAULT VALUES", klass->table);
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
      for (guint i = 0; i < klass->n_fields; i++)
        if (is_written (&klass->fields[i]))
          g_string_append_printf (sql, "%s%s = ?", n_written++ ? ", " : "",
                                  klass->fields[i].name);
      if (!klass->plain)
        g_string_append (sql, ", version = version + 1, "
                              "updated_at = datetime('now','localtime')");
      g_string_append_printf (sql, " WHERE id = ?");
    }

  if (!prepare_cached (self, sql->str, &c, error))
    return FALSE;
  stmt = c.stmt;
  if (insert)
    {
      int param = 1;

      for (guint i = 0; i < klass->n_fields; i++)
        if (is_written (&klass->fields[i]) && gdn_record_is_set (record, klass->fields[i].name))
          bind_value (stmt, param++, &klass->fields[i], gdn_record_get_value_at (record, i));
    }
  else
    {
      gdn_store_bind_record (self, stmt, record, 1, error);
      sqlite3_bind_int64 (stmt, n_written + 1, gdn_record_get_id (record));
    }

  if (!step_done (self, stmt, error))
    return FALSE;

  id = insert ? sqlite3_last_insert_rowid (handle (self)) : gdn_record_get_id (record);
  if (insert)
    gdn_record_set_id (record, id);

  if (!gdn_store_refresh_search (self, G_OBJECT_TYPE (record), id, error))
    return FALSE;
  if (!insert && !refresh_dependent_search (self, record, error))
    return FALSE;

  changes = describe_changes (old, record);
  if (!gdn_store_audit (self, klass->table, id, insert ? "insert" : "update", changes, error))
    return FALSE;

  gdn_store_emit_changed (self, G_OBJECT_TYPE (record), id,
                          insert ? GDN_CHANGE_INSERTED : GDN_CHANGE_UPDATED);
  return TRUE;
}

static gboolean
in_transaction (GdnStore   *self,
                GdnRecord  *record,
                gboolean  (*func) (GdnStore *, GdnRecord *, gboolean, GError **),
                gboolean    flag,
                GError    **error)
{
  if (gdn_database_is_read_only (self->database))
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                   _("The database is open read-only; changes cannot be saved"));
      return FALSE;
    }

  if (!gdn_store_begin (self, error))
    return FALSE;

  if (!func (self, record, flag, error) || !gdn_store_commit (self, error))
    {
      gdn_store_rollback (self);
      return FALSE;
    }

  /* read back what the database set: times, version, derived fields */
  if (self->depth == 0)
    gdn_store_reload (self, record, NULL);
  return TRUE;
}

/**
 * gdn_store_insert:
 *
 * Validates and inserts @record, setting its id.
 */
gboolean
gdn_store_insert (GdnStore   *self,
                  GdnRecord  *record,
                  GError    **error)
{
  g_return_val_if_fail (GDN_IS_STORE (self), FALSE);
  g_return_val_if_fail (GDN_IS_RECORD (record), FALSE);

  return in_transaction (self, record, write_record, TRUE, error);
}

/**
 * gdn_store_update:
 *
 * Validates and writes @record. When the row changed since @record was read (its version
 * differs), nothing is written and a %GDN_DATABASE_ERROR_CONFLICT error is returned.
 */
gboolean
gdn_store_update (GdnStore   *self,
                  GdnRecord  *record,
                  GError    **error)
{
  g_return_val_if_fail (GDN_IS_STORE (self), FALSE);
  g_return_val_if_fail (GDN_IS_RECORD (record), FALSE);
  g_return_val_if_fail (gdn_record_get_id (record) > 0, FALSE);

  return in_transaction (self, record, write_record, FALSE, error);
}

gboolean
gdn_store_save (GdnStore   *self,
                GdnRecord  *record,
                GError    **error)
{
  if (gdn_record_get_id (record) > 0)
    return gdn_store_update (self, record, error);
  return gdn_store_insert (self, record, error);
}

static gboolean
set_deleted (GdnStore   *self,
             GdnRecord  *record,
             gboolean    deleted,
             GError    **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);
  g_autofree char *sql = NULL;
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = gdn_record_get_id (record);

  if (klass->plain)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                   _("These records cannot be moved to the trash"));
      return FALSE;
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted_at = %s, version = version + 1,"
                         " updated_at = datetime('now','localtime') WHERE id = ?",
                         klass->table, deleted ? "datetime('now','localtime')" : "NULL");
  if (!prepare_cached (self, sql, &c, error))
    return FALSE;
  stmt = c.stmt;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (handle (self)) == 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_NOT_FOUND, NULL,
                                _("The record no longer exists"));
      return FALSE;
    }

  if (!gdn_store_audit (self, klass->table, id, deleted ? "delete" : "restore", NULL, error))
    return FALSE;

  gdn_store_emit_changed (self, G_OBJECT_TYPE (record), id,
                          deleted ? GDN_CHANGE_DELETED : GDN_CHANGE_RESTORED);
  return TRUE;
}

/**
 * gdn_store_delete:
 *
 * Moves @record to the trash: it leaves lists and searches but can be restored.
 */
gboolean
gdn_store_delete (GdnStore   *self,
                  GdnRecord  *record,
                  GError    **error)
{
  return in_transaction (self, record, set_deleted, TRUE, error);
}

gboolean
gdn_store_restore (GdnStore   *self,
                   GdnRecord  *record,
                   GError    **error)
{
  return in_transaction (self, record, set_deleted, FALSE, error);
}

static gboolean
purge_record (GdnStore   *self,
              GdnRecord  *record,
              gboolean    unused,
              GError    **error)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (record);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  gint64 id = gdn_record_get_id (record);

  if (!prepare_cached (self, sql, &c, error))
    return FALSE;
  stmt = c.stmt;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (!gdn_store_audit (self, klass->table, id, "purge", NULL, error))
    return FALSE;
  gdn_store_emit_changed (self, G_OBJECT_TYPE (record), id, GDN_CHANGE_DELETED);
  return TRUE;
}

/**
 * gdn_store_purge:
 *
 * Removes @record for good (order lines, and records of plain tables).
 */
gboolean
gdn_store_purge (GdnStore   *self,
                 GdnRecord  *record,
                 GError    **error)
{
  return in_transaction (self, record, purge_record, FALSE, error);
}

static GdnRecord *
get_one (GdnStore    *self,
         GType        type,
         const char  *where,
         const char  *text,
         gint64       id,
         GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *cols = gdn_record_class_select_list (klass);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s t WHERE %s",
                                          cols, klass->table, where);
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  if (!prepare_cached (self, sql, &c, error))
    return NULL;
  stmt = c.stmt;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return gdn_record_new_from_statement (type, stmt);
  if (rc != SQLITE_DONE)
    gdn_database_set_error (self->database, rc, error);
  else
    gdn_set_validation_error (error, GDN_VALIDATION_ERROR_NOT_FOUND, NULL,
                              _("The record was not found"));
  return NULL;
}

/**
 * gdn_store_get:
 *
 * Returns: (transfer full): the record with @id (also when it is in the trash)
 */
GdnRecord *
gdn_store_get (GdnStore  *self,
               GType      type,
               gint64     id,
               GError   **error)
{
  g_return_val_if_fail (GDN_IS_STORE (self), NULL);
  return get_one (self, type, "t.id = ?", NULL, id, error);
}

/**
 * gdn_store_find:
 * @field: a unique text field (code, order_no, case_no, contract_no)
 *
 * Returns: (transfer full) (nullable): the record whose @field is @value; %NULL without
 *   an error when there is none
 */
GdnRecord *
gdn_store_find (GdnStore    *self,
                GType        type,
                const char  *field,
                const char  *value,
                GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *where = NULL;
  g_autoptr(GError) local_error = NULL;
  GdnRecord *record;
  int i = gdn_record_class_find_field (klass, field);

  g_return_val_if_fail (i >= 0, NULL);

  where = g_strdup_printf ("t.%s = ?", klass->fields[i].name);
  record = get_one (self, type, where, value, 0, &local_error);
  if (record == NULL && !g_error_matches (local_error, GDN_VALIDATION_ERROR,
                                          GDN_VALIDATION_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record;
}

/**
 * gdn_store_list_children:
 * @ref_field: the field of @type that refers to the parent
 *
 * Returns: (transfer full) (element-type GdnRecord): the records (not in the trash) whose
 *   @ref_field is @parent_id, in id order. For small sets (lines, contacts, events).
 */
GPtrArray *
gdn_store_list_children (GdnStore    *self,
                         GType        type,
                         const char  *ref_field,
                         gint64       parent_id,
                         GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *cols = gdn_record_class_select_list (klass);
  g_autofree char *sql = NULL;
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  int i = gdn_record_class_find_field (klass, ref_field);
  int rc;

  g_return_val_if_fail (i >= 0, NULL);

  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.%s = ?%s ORDER BY t.id",
                         cols, klass->table, klass->fields[i].name,
                         klass->plain ? "" : " AND t.deleted_at IS NULL");
  if (!prepare_cached (self, sql, &c, error))
    return NULL;
  stmt = c.stmt;
  sqlite3_bind_int64 (stmt, 1, parent_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, gdn_record_new_from_statement (type, stmt));
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (self->database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * gdn_store_reload:
 *
 * Reads @record again from the database.
 */
gboolean
gdn_store_reload (GdnStore   *self,
                  GdnRecord  *record,
                  GError    **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (G_OBJECT_TYPE (record));
  g_autofree char *cols = gdn_record_class_select_list (klass);
  g_autofree char *sql = NULL;
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id = ?", cols, klass->table);
  if (!prepare_cached (self, sql, &c, error))
    return FALSE;
  stmt = c.stmt;
  sqlite3_bind_int64 (stmt, 1, gdn_record_get_id (record));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_NOT_FOUND, NULL,
                                _("The record was not found"));
      return FALSE;
    }
  gdn_record_load (record, stmt);
  return TRUE;
}

/**
 * gdn_store_count:
 *
 * Counts the records of @type that are not in the trash, for overviews that need a number
 * without loading rows.
 *
 * Returns: the number of records, or -1 with @error set
 */
gint64
gdn_store_count (GdnStore  *self,
                 GType      type,
                 GError   **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (self), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s t%s", klass->table,
                         klass->plain ? "" : " WHERE t.deleted_at IS NULL");
  if (!prepare_cached (self, sql, &c, error))
    return -1;
  stmt = c.stmt;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdn_database_set_error (self->database, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * gdn_store_list_values:
 * @field: a written field of @type with an index of its own
 *
 * The different values of @field among the records of @type that are not in the trash
 * (the owners of orders, for a filter), empty ones left out. Read from the field's index
 * one value at a time, so the cost follows the number of values, not of records.
 *
 * Returns: (transfer full): the values, in the index's order; %NULL with @error set
 */
GStrv
gdn_store_list_values (GdnStore    *self,
                       GType        type,
                       const char  *field,
                       GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(CachedStmt) c = { 0 };
  g_autofree char *sql = NULL;
  const char *name;
  const char *live;
  int i, rc;

  g_return_val_if_fail (GDN_IS_STORE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  i = gdn_record_class_find_field (klass, field);
  g_return_val_if_fail (i >= 0 && is_written (&klass->fields[i]), NULL);
  name = klass->fields[i].name;
  live = klass->plain ? "" : " AND t.deleted_at IS NULL";

  /* the next value after the last one found, until there is none */
  sql = g_strdup_printf ("WITH RECURSIVE v(value) AS ("
                         " SELECT (SELECT min(t.%s) FROM %s t WHERE t.%s > ''%s)"
                         " UNION ALL"
                         " SELECT (SELECT min(t.%s) FROM %s t WHERE t.%s > v.value%s)"
                         " FROM v WHERE v.value IS NOT NULL)"
                         " SELECT value FROM v WHERE value IS NOT NULL",
                         name, klass->table, name, live, name, klass->table, name, live);
  if (!prepare_cached (self, sql, &c, error))
    return NULL;

  while ((rc = sqlite3_step (c.stmt)) == SQLITE_ROW)
    g_strv_builder_add (values, (const char *) sqlite3_column_text (c.stmt, 0));
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (self->database, rc, error);
      return NULL;
    }
  return g_strv_builder_end (values);
}

/**
 * gdn_store_count_by:
 * @field: a written field of @type
 *
 * Counts the records of @type that are not in the trash per value of @field, in one pass
 * over the table (an overview showing several figures of one table asks once).
 *
 * Returns: (transfer full) (element-type utf8 gint64): each stored value of @field, as
 *   text ("" for records where it is not set), to a #gint64 count; %NULL with @error set
 */
GHashTable *
gdn_store_count_by (GdnStore    *self,
                    GType        type,
                    const char  *field,
                    GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) counts = NULL;
  g_auto(CachedStmt) c = { 0 };
  sqlite3_stmt *stmt;
  g_autofree char *sql = NULL;
  int i, rc;

  g_return_val_if_fail (GDN_IS_STORE (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  i = gdn_record_class_find_field (klass, field);
  g_return_val_if_fail (i >= 0 && is_written (&klass->fields[i]), NULL);

  sql = g_strdup_printf ("SELECT ifnull(t.%s, ''), count(*) FROM %s t%s GROUP BY 1",
                         klass->fields[i].name, klass->table,
                         klass->plain ? "" : " WHERE t.deleted_at IS NULL");
  if (!prepare_cached (self, sql, &c, error))
    return NULL;
  stmt = c.stmt;

  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 n = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (counts, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_memdup2 (&n, sizeof n));
    }
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (self->database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&counts);
}

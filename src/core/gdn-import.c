/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-import-job.h"
#include "gdn-import.h"
#include "gdn-order-event.h"
#include "gdn-order-line.h"
#include "gdn-order.h"

/* Imports one file of one kind (CSV.md). gdn_import_run() works on the store's own
 * connection; gdn_import_run_async() opens a second connection to the same file in a
 * worker thread (WAL lets the app go on reading), reports progress on the caller's main
 * context, and emits the store's "changed" there when the import has committed. */

struct _GdnImport
{
  GObject            parent_instance;

  GdnStore          *store;
  char              *kind;
  gboolean           skip_invalid;
  gboolean           dry_run;
  double             progress;
  gboolean           running;

  GdnImportResults   results;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_SKIP_INVALID,
  PROP_DRY_RUN,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnImport, gdn_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (gdn-import-error-quark, gdn_import_error)

typedef struct
{
  GFile            *file;
  char             *database_path;
  char             *user_name;
  const GdnCsvKind *kind;
  gboolean          skip_invalid;
  gboolean          dry_run;
  GMainContext     *context;
  GdnImport        *self;            /* for progress only: touched on the main context */
  GdnImportResults  results;
} ImportData;

typedef struct
{
  GdnImport *self;
  double     fraction;
} ProgressUpdate;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->self);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_clear_pointer (&data->results.problems, g_ptr_array_unref);
  g_free (data->database_path);
  g_free (data->user_name);
  g_free (data);
}

static void
set_progress (GdnImport *self,
              double     fraction)
{
  if (self->progress == fraction)
    return;
  self->progress = fraction;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
progress_update_cb (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  /* a late update must not move the bar back after the run finished */
  if (update->self->running)
    set_progress (update->self, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->self);
  g_free (update);
}

static void
sync_progress_cb (double   fraction,
                  gpointer user_data)
{
  set_progress (GDN_IMPORT (user_data), fraction);
}

static void
thread_progress_cb (double   fraction,
                    gpointer user_data)
{
  ImportData *data = user_data;
  ProgressUpdate *update = g_new (ProgressUpdate, 1);

  update->self = g_object_ref (data->self);
  update->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, progress_update_cb, update,
                              progress_update_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GdnStore) store = NULL;
  GError *error = NULL;

  database = gdn_database_open (data->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  store = gdn_store_new (database);
  gdn_store_set_user_name (store, data->user_name);

  if (!gdn_import_job_run (store, data->kind, data->file, data->skip_invalid, data->dry_run,
                           thread_progress_cb, data, &data->results, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
gdn_import_dispose (GObject *object)
{
  GdnImport *self = (GdnImport *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_import_parent_class)->dispose (object);
}

static void
gdn_import_finalize (GObject *object)
{
  GdnImport *self = (GdnImport *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->results.problems, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_import_parent_class)->finalize (object);
}

static void
gdn_import_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GdnImport *self = GDN_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SKIP_INVALID:
      g_value_set_boolean (value, self->skip_invalid);
      break;
    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_import_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GdnImport *self = GDN_IMPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_SKIP_INVALID:
      gdn_import_set_skip_invalid (self, g_value_get_boolean (value));
      break;
    case PROP_DRY_RUN:
      gdn_import_set_dry_run (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_import_class_init (GdnImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gdn_import_dispose;
  object_class->finalize = gdn_import_finalize;
  object_class->get_property = gdn_import_get_property;
  object_class->set_property = gdn_import_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnImport:skip-invalid:
   *
   * Import the valid rows of a file with errors, and report the others.
   */
  properties[PROP_SKIP_INVALID] =
    g_param_spec_boolean ("skip-invalid", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnImport:dry-run:
   *
   * Check the file and count what would be created and updated, without writing.
   */
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnImport:progress:
   *
   * How far the running import is, from 0 to 1; notified on the main context.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_import_init (GdnImport *self)
{
  gdn_import_results_clear (&self->results);
}

/**
 * gdn_import_new:
 * @kind: "customers", "orders", … (see gdn_csv_kind_lookup())
 */
GdnImport *
gdn_import_new (GdnStore   *store,
                const char *kind)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (GDN_TYPE_IMPORT, "store", store, "kind", kind, NULL);
}

GdnStore *
gdn_import_get_store (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), NULL);
  return self->store;
}

const char *
gdn_import_get_kind (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), NULL);
  return self->kind;
}

gboolean
gdn_import_get_skip_invalid (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), FALSE);
  return self->skip_invalid;
}

void
gdn_import_set_skip_invalid (GdnImport *self,
                             gboolean   skip_invalid)
{
  g_return_if_fail (GDN_IS_IMPORT (self));

  skip_invalid = !!skip_invalid;
  if (self->skip_invalid == skip_invalid)
    return;
  self->skip_invalid = skip_invalid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_INVALID]);
}

gboolean
gdn_import_get_dry_run (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), FALSE);
  return self->dry_run;
}

void
gdn_import_set_dry_run (GdnImport *self,
                        gboolean   dry_run)
{
  g_return_if_fail (GDN_IS_IMPORT (self));

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;
  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

double
gdn_import_get_progress (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0.0);
  return self->progress;
}

static const GdnCsvKind *
check_kind (GdnImport  *self,
            GError    **error)
{
  const GdnCsvKind *kind = gdn_csv_kind_lookup (self->kind);

  if (kind == NULL)
    {
      g_autofree char *names = gdn_csv_kind_names ();
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_UNKNOWN_KIND,
                   _("“%s” cannot be imported; the kinds are %s"), self->kind, names);
    }
  return kind;
}

/**
 * gdn_import_run:
 *
 * Imports @file on the store's connection. With errors in rows and without
 * #GdnImport:skip-invalid nothing is written and a %GDN_IMPORT_ERROR_INVALID_DATA error
 * is returned; the problems (gdn_import_get_problems()) say where.
 *
 * Returns: %TRUE when the file was imported (or checked, with #GdnImport:dry-run)
 */
gboolean
gdn_import_run (GdnImport     *self,
                GFile         *file,
                GCancellable  *cancellable,
                GError       **error)
{
  const GdnCsvKind *kind;
  gboolean ok;

  g_return_val_if_fail (GDN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!self->running, FALSE);

  gdn_import_results_clear (&self->results);
  if ((kind = check_kind (self, error)) == NULL)
    return FALSE;

  self->running = TRUE;
  ok = gdn_import_job_run (self->store, kind, file, self->skip_invalid, self->dry_run,
                           sync_progress_cb, self, &self->results, cancellable, error);
  self->running = FALSE;
  return ok;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GdnImport *self = g_task_get_source_object (outer);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  self->running = FALSE;
  g_clear_pointer (&self->results.problems, g_ptr_array_unref);
  self->results = data->results;
  data->results.problems = NULL;

  /* the worker's store had no listeners: tell the app's lists on its own store */
  if (ok && self->results.wrote)
    {
      GType type = gdn_csv_kind_lookup (self->kind)->get_type ();

      gdn_store_emit_changed (self->store, type, 0, GDN_CHANGE_RELOADED);
      if (type == GDN_TYPE_ORDER)
        {
          gdn_store_emit_changed (self->store, GDN_TYPE_ORDER_LINE, 0, GDN_CHANGE_RELOADED);
          gdn_store_emit_changed (self->store, GDN_TYPE_ORDER_EVENT, 0, GDN_CHANGE_RELOADED);
        }
    }
  if (ok)
    set_progress (self, 1.0);

  if (ok)
    g_task_return_boolean (outer, TRUE);
  else
    g_task_return_error (outer, error);
}

/**
 * gdn_import_run_async:
 *
 * Imports @file in a worker thread on a connection of its own. #GdnImport:progress is
 * notified on the thread-default main context of the caller.
 */
void
gdn_import_run_async (GdnImport           *self,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) inner = NULL;
  const GdnCsvKind *kind;
  ImportData *data;
  GError *error = NULL;

  g_return_if_fail (GDN_IS_IMPORT (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, gdn_import_run_async);

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("An import is already running"));
      return;
    }
  gdn_import_results_clear (&self->results);
  if ((kind = check_kind (self, &error)) == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  data = g_new0 (ImportData, 1);
  data->file = g_object_ref (file);
  data->database_path = g_strdup (gdn_database_get_path (gdn_store_get_database (self->store)));
  data->user_name = g_strdup (gdn_store_get_user_name (self->store));
  data->kind = kind;
  data->skip_invalid = self->skip_invalid;
  data->dry_run = self->dry_run;
  data->context = g_main_context_ref_thread_default ();
  data->self = g_object_ref (self);
  gdn_import_results_clear (&data->results);

  self->running = TRUE;
  set_progress (self, 0.0);

  inner = g_task_new (self, cancellable, import_done_cb, g_steal_pointer (&outer));
  g_task_set_source_tag (inner, import_thread);
  g_task_set_task_data (inner, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (inner, import_thread);
}

gboolean
gdn_import_run_finish (GdnImport     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gdn_import_run_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
gdn_import_get_n_created (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_created;
}

guint
gdn_import_get_n_updated (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_updated;
}

guint
gdn_import_get_n_unchanged (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_unchanged;
}

/**
 * gdn_import_get_n_skipped:
 *
 * Returns: the records left out because of errors (with #GdnImport:skip-invalid)
 */
guint
gdn_import_get_n_skipped (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_skipped;
}

/**
 * gdn_import_get_n_lines:
 *
 * Returns: the data rows of the file (without the header and empty rows)
 */
guint
gdn_import_get_n_lines (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_lines;
}

guint
gdn_import_get_n_errors (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_errors;
}

guint
gdn_import_get_n_warnings (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), 0);
  return self->results.n_warnings;
}

/**
 * gdn_import_get_problems:
 *
 * Returns: (transfer none) (element-type GdnImportProblem): the errors and warnings of
 *   the last run, in the order of the file
 */
GPtrArray *
gdn_import_get_problems (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), NULL);
  return self->results.problems;
}

GdnCsvEncoding
gdn_import_get_encoding (GdnImport *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT (self), GDN_CSV_ENCODING_UTF8);
  return self->results.encoding;
}

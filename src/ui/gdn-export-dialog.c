/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-export-dialog.h"
#include "gdn-export.h"
#include "gdn-file-save.h"
#include "gdn-format.h"
#include "gdn-import-columns.h"
#include "gdn-kind.h"
#include "gdn-parse.h"
#include "gdn-window.h"

/* Export one kind to CSV or XLSX, with English or Chinese headers (gdn-export): choose,
 * then where to save. The export runs in a worker on a connection of its own, so a large
 * table does not freeze the window; the result is a toast on the main window. */

enum {
  FORMAT_XLSX,
  FORMAT_CSV,
};

struct _GdnExportDialog
{
  AdwWindow             parent_instance;

  GdnStore             *store;
  GPtrArray            *kinds;        /* (element-type utf8) the kind of each combo item */
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;
  GdnExportDialogState  state;
  gboolean              disposed;

  GtkWidget            *export_button;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwComboRow          *kind_row;
  AdwComboRow          *format_row;
  GtkSwitch            *chinese_switch;
};

typedef struct
{
  char     *database_path;
  char     *kind;
  gboolean  chinese;
  GFile    *file;
} ExportJob;

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnExportDialog, gdn_export_dialog, ADW_TYPE_WINDOW)

static void
export_job_free (ExportJob *job)
{
  g_free (job->database_path);
  g_free (job->kind);
  g_clear_object (&job->file);
  g_free (job);
}

static const char *
kind_label (const char *kind)
{
  const GdnKind *info = gdn_kind_lookup (kind);

  return info != NULL ? _(info->label) : kind;
}

static const char *
current_kind (GdnExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < self->kinds->len ? g_ptr_array_index (self->kinds, i) : NULL;
}

static gboolean
is_xlsx (GdnExportDialog *self)
{
  return adw_combo_row_get_selected (self->format_row) == FORMAT_XLSX;
}

static void
set_state (GdnExportDialog      *self,
           GdnExportDialogState  state)
{
  gboolean busy = state == GDN_EXPORT_DIALOG_EXPORTING;

  self->state = state;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chinese_switch), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnExport) export = NULL;
  GError *error = NULL;

  /* a connection of this thread's own: SQLite connections are not shared across threads */
  database = gdn_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  store = gdn_store_new (database);
  export = gdn_export_new (store, job->kind);
  gdn_export_set_chinese_headers (export, job->chinese);
  if (!gdn_export_to_file (export, job->file, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, gdn_export_get_n_rows (export));
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n_rows = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *name = NULL;
  g_autofree char *count = NULL;
  g_autofree char *message = NULL;
  GtkWindow *parent;

  if (self->disposed)
    return;

  if (n_rows < 0)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      set_state (self, GDN_EXPORT_DIALOG_FAILED);
      return;
    }

  set_state (self, GDN_EXPORT_DIALOG_DONE);
  name = g_file_get_basename (job->file);
  count = gdn_format_count (n_rows);
  /* Translators: "Exported 1,234 rows of Orders to “orders.xlsx”" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported %s row of %s to “%s”",
                                          "Exported %s rows of %s to “%s”", (gulong) n_rows),
                             count, kind_label (job->kind), name);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (GDN_IS_WINDOW (parent))
    gdn_window_add_toast (GDN_WINDOW (parent), adw_toast_new (message));
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
with_suffix (GFile      *file,
             const char *suffix)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *lower = path != NULL ? g_ascii_strdown (path, -1) : NULL;

  if (path == NULL || g_str_has_suffix (lower, suffix))
    return g_steal_pointer (&path);
  return g_strconcat (path, suffix, NULL);
}

static void
on_chooser_response_cb (GdnExportDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gdn_file_save_get_file (chooser, response);

  if (file != NULL)
    gdn_export_dialog_export_to (self, file);
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (widget);
  g_autofree char *today = gdn_today ();
  g_autofree char *name = NULL;

  if (self->chooser != NULL || current_kind (self) == NULL)
    return;

  name = g_strdup_printf ("%s-%s.%s", current_kind (self), today, is_xlsx (self) ? "xlsx"
                                                                                  : "csv");
  if (is_xlsx (self))
    self->chooser = gdn_file_save_chooser_new (GTK_WIDGET (self), _("Export"), _("_Save"), name,
                                               _("Excel workbooks"), "xlsx", NULL);
  else
    self->chooser = gdn_file_save_chooser_new (GTK_WIDGET (self), _("Export"), _("_Save"), name,
                                               _("CSV files"), "csv", NULL);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
gdn_export_dialog_dispose (GObject *object)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (gdn_export_dialog_parent_class)->dispose (object);
}

static void
gdn_export_dialog_finalize (GObject *object)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_export_dialog_parent_class)->finalize (object);
}

static void
gdn_export_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_export_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnExportDialog *self = GDN_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_export_dialog_class_init (GdnExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_export_dialog_dispose;
  object_class->finalize = gdn_export_dialog_finalize;
  object_class->get_property = gdn_export_dialog_get_property;
  object_class->set_property = gdn_export_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, GdnExportDialog, chinese_switch);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_export_dialog_init (GdnExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *languages = g_get_language_names ();
  const GdnCsvKind *kinds;
  guint n_kinds;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kinds = g_ptr_array_new ();
  kinds = gdn_csv_kinds (&n_kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      g_ptr_array_add (self->kinds, (gpointer) kinds[i].name);
      gtk_string_list_append (labels, kind_label (kinds[i].name));
    }
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (labels));

  /* a Chinese desktop gets the headers its spreadsheets use */
  gtk_switch_set_active (self->chinese_switch,
                         languages[0] != NULL && g_str_has_prefix (languages[0], "zh"));
  set_state (self, GDN_EXPORT_DIALOG_READY);
}

/**
 * gdn_export_dialog_new:
 * @parent: (nullable): the window it belongs to, where the result is shown
 * @store: what to export
 */
GtkWidget *
gdn_export_dialog_new (GtkWindow *parent,
                       GdnStore  *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

void
gdn_export_dialog_set_kind (GdnExportDialog *self,
                            const char      *kind)
{
  g_return_if_fail (GDN_IS_EXPORT_DIALOG (self));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kinds, i), kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

void
gdn_export_dialog_set_xlsx (GdnExportDialog *self,
                            gboolean         xlsx)
{
  g_return_if_fail (GDN_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, xlsx ? FORMAT_XLSX : FORMAT_CSV);
}

/**
 * gdn_export_dialog_export_to:
 * @file: where to write, as chosen in the file chooser; the format's suffix is added
 *   when missing
 *
 * Exports the chosen kind to @file. On success the dialog closes and the main window
 * says how many rows were written.
 */
void
gdn_export_dialog_export_to (GdnExportDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  ExportJob *job;

  g_return_if_fail (GDN_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->state == GDN_EXPORT_DIALOG_EXPORTING)
    return;

  path = with_suffix (file, is_xlsx (self) ? ".xlsx" : ".csv");
  job = g_new0 (ExportJob, 1);
  job->database_path = g_strdup (gdn_database_get_path (gdn_store_get_database (self->store)));
  job->kind = g_strdup (current_kind (self));
  job->chinese = gtk_switch_get_active (self->chinese_switch);
  job->file = path != NULL ? g_file_new_for_path (path) : g_object_ref (file);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_state (self, GDN_EXPORT_DIALOG_EXPORTING);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, gdn_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

GdnExportDialogState
gdn_export_dialog_get_state (GdnExportDialog *self)
{
  g_return_val_if_fail (GDN_IS_EXPORT_DIALOG (self), GDN_EXPORT_DIALOG_READY);
  return self->state;
}

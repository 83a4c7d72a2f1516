/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-csv-reader.h"
#include "gdn-format.h"
#include "gdn-import-columns.h"
#include "gdn-import-dialog.h"
#include "gdn-import.h"
#include "gdn-kind.h"

/* Import a CSV file of one kind. Choosing the file runs the import as a dry run (in a
 * worker, gdn_import_run_async with dry-run): the first rows are shown with every problem
 * by line and column, and what would be created and updated. Import then runs it for real
 * with a progress bar. A file the core refuses leaves the database as it was, and the
 * dialog says why. */

#define PREVIEW_ROWS 6
#define PREVIEW_CHARS 20
#define MAX_PROBLEMS 100

struct _GdnImportDialog
{
  AdwWindow             parent_instance;

  GdnStore             *store;
  GPtrArray            *kinds;         /* (element-type utf8) the kind of each combo item */
  GFile                *file;
  GdnImport            *check;         /* the dry run of the file as it is chosen now */
  GdnImport            *import;
  GCancellable         *cancellable;   /* of the check, the preview or the import */
  GtkFileChooserNative *chooser;
  GdnImportDialogState  state;
  gboolean              disposed;

  AdwWindowTitle       *window_title;
  GtkWidget            *cancel_button;
  GtkWidget            *import_button;
  GtkWidget            *close_button;
  GtkStack             *stack;
  AdwComboRow          *kind_row;
  AdwActionRow         *file_row;
  GtkSwitch            *skip_switch;
  GtkWidget            *check_box;
  GtkSpinner           *check_spinner;
  GtkLabel             *check_label;
  GtkWidget            *preview_box;
  GtkGrid              *preview_grid;
  GtkWidget            *problems_box;
  GtkLabel             *problems_heading;
  GtkListBox           *problems_list;
  GtkProgressBar       *progress_bar;
  AdwStatusPage        *result_page;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnImportDialog, gdn_import_dialog, ADW_TYPE_WINDOW)

static void start_check (GdnImportDialog *self);

static void
set_state (GdnImportDialog      *self,
           GdnImportDialogState  state)
{
  gboolean busy = state == GDN_IMPORT_DIALOG_IMPORTING;
  gboolean finished = state == GDN_IMPORT_DIALOG_DONE || state == GDN_IMPORT_DIALOG_FAILED;

  self->state = state;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 state == GDN_IMPORT_DIALOG_READY);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose",
                                 !busy && !finished);
  gtk_widget_set_visible (self->import_button, !finished);
  gtk_widget_set_visible (self->cancel_button, !finished);
  gtk_widget_set_visible (self->close_button, finished);
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), !busy && !finished);
  gtk_widget_set_sensitive (GTK_WIDGET (self->skip_switch), !busy && !finished);

  gtk_stack_set_visible_child_name (self->stack, busy ? "progress"
                                                 : finished ? "result" : "setup");
  if (finished)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->close_button);
  else
    gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}

static const char *
current_kind (GdnImportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i < self->kinds->len ? g_ptr_array_index (self->kinds, i) : NULL;
}

static const char *
kind_label (const char *kind)
{
  const GdnKind *info = gdn_kind_lookup (kind);

  return info != NULL ? _(info->label) : kind;
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_grid_remove (GTK_GRID (container), child);
    }
}

static void
cancel_running (GdnImportDialog *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/* ---- the preview: the first rows as they are in the file -------------------------- */

static void
preview_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static void
preview_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GdnCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GError *error = NULL;

  reader = gdn_csv_reader_new_for_file (file, cancellable, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  while (rows->len <= PREVIEW_ROWS && gdn_csv_reader_read_record (reader, &error))
    {
      guint n = gdn_csv_reader_get_n_fields (reader);
      char **row = g_new0 (char *, n + 2);

      /* the line first, as the problems name it */
      row[0] = g_strdup_printf ("%u", gdn_csv_reader_get_line (reader));
      for (guint i = 0; i < n; i++)
        row[i + 1] = g_strdup (gdn_csv_reader_get_field (reader, i));
      g_ptr_array_add (rows, row);
    }
  if (error != NULL && rows->len == 0)
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  g_task_return_pointer (task, g_steal_pointer (&rows), preview_free);
}

static GtkWidget *
preview_cell (const char *text,
              gboolean    header,
              gboolean    line)
{
  g_autofree char *shown = NULL;
  GtkWidget *label;

  /* cut here rather than ellipsized by the label: a cell keeps its width, and the grid
   * scrolls sideways when the file is wide */
  if (g_utf8_strlen (text, -1) > PREVIEW_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text, 0, PREVIEW_CHARS - 1);

      shown = g_strconcat (start, "…", NULL);
    }
  label = gtk_label_new (shown != NULL ? shown : text);
  gtk_label_set_xalign (GTK_LABEL (label), line ? 1.0 : 0.0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (shown != NULL)
    gtk_widget_set_tooltip_text (label, text);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (line)
    {
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
    }
  return label;
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (source);
  g_autoptr(GPtrArray) rows = g_task_propagate_pointer (G_TASK (result), NULL);

  if (rows == NULL || self->disposed || g_task_get_task_data (G_TASK (result)) != self->file)
    return;

  clear_container (GTK_WIDGET (self->preview_grid));
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        gtk_grid_attach (self->preview_grid,
                         preview_cell (c == 0 && r == 0 ? _("Line") : row[c], r == 0, c == 0),
                         (int) c, (int) r, 1, 1);
    }
  gtk_widget_set_visible (self->preview_box, rows->len > 0);
}

static void
start_preview (GdnImportDialog *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, preview_done_cb, NULL);

  g_task_set_source_tag (task, start_preview);
  g_task_set_task_data (task, g_object_ref (self->file), g_object_unref);
  g_task_run_in_thread (task, preview_thread);
}

/* ---- the check: a dry run of the whole file ---------------------------------------- */

static void
show_problems (GdnImportDialog *self,
               GdnImport       *import)
{
  GPtrArray *problems = gdn_import_get_problems (import);
  guint n = problems != NULL ? problems->len : 0;
  g_autofree char *heading = NULL;

  clear_container (GTK_WIDGET (self->problems_list));
  for (guint i = 0; i < n && i < MAX_PROBLEMS; i++)
    {
      GdnImportProblem *problem = g_ptr_array_index (problems, i);
      gboolean is_error = problem->severity == GDN_IMPORT_SEVERITY_ERROR;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (is_error ? "dialog-error-symbolic"
                                                               : "dialog-warning-symbolic");
      g_autofree char *where = NULL;

      if (problem->line > 0 && problem->column != NULL && *problem->column != '\0')
        where = g_strdup_printf (_("Line %u, column “%s”"), problem->line, problem->column);
      else if (problem->line > 0)
        where = g_strdup_printf (_("Line %u"), problem->line);
      else if (problem->column != NULL && *problem->column != '\0')
        where = g_strdup_printf (_("Column “%s”"), problem->column);
      else
        where = g_strdup (_("The whole file"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problem->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (icon, is_error ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      is_error ? _("Error") : _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problems_list, row);
    }
  if (n > MAX_PROBLEMS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "and %u more problem",
                                                            "and %u more problems",
                                                            n - MAX_PROBLEMS),
                                               n - MAX_PROBLEMS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->problems_list, row);
    }

  heading = g_strdup_printf ("%s  %u", _("Problems"), n);
  gtk_label_set_label (self->problems_heading, heading);
  gtk_widget_set_visible (self->problems_box, n > 0);
}

static char *
describe_counts (GdnImport *import,
                 gboolean   dry_run)
{
  GString *s = g_string_new (NULL);
  guint created = gdn_import_get_n_created (import);
  guint updated = gdn_import_get_n_updated (import);
  guint unchanged = gdn_import_get_n_unchanged (import);
  guint skipped = gdn_import_get_n_skipped (import);
  guint warnings = gdn_import_get_n_warnings (import);

  if (dry_run)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                            "%u row checked: %u new, %u to update, "
                                            "%u unchanged.",
                                            "%u rows checked: %u new, %u to update, "
                                            "%u unchanged.",
                                            gdn_import_get_n_lines (import)),
                            gdn_import_get_n_lines (import), created, updated, unchanged);
  else
    g_string_append_printf (s, _("%u new, %u updated, %u unchanged."),
                            created, updated, unchanged);
  if (skipped > 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, dry_run
                              ? g_dngettext (GETTEXT_PACKAGE,
                                             "%u record with errors will be left out.",
                                             "%u records with errors will be left out.",
                                             skipped)
                              : g_dngettext (GETTEXT_PACKAGE,
                                             "%u record with errors was left out.",
                                             "%u records with errors were left out.",
                                             skipped),
                              skipped);
    }
  if (warnings > 0)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u warning.",
                                              "%u warnings.", warnings), warnings);
    }
  if (dry_run)
    {
      g_string_append_c (s, ' ');
      g_string_append_printf (s, _("Read as %s."),
                              gdn_csv_encoding_to_string (gdn_import_get_encoding (import)));
    }
  return g_string_free (s, FALSE);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GdnImportDialog) self = user_data;
  GdnImport *check = GDN_IMPORT (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = gdn_import_run_finish (check, result, &error);
  g_autofree char *text = NULL;

  /* a check of a file or kind no longer chosen, or of a closed dialog */
  if (self->disposed || check != self->check || self->state != GDN_IMPORT_DIALOG_CHECKING ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->check_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  show_problems (self, check);

  if (ok)
    {
      text = describe_counts (check, TRUE);
      gtk_label_set_label (self->check_label, text);
      set_state (self, GDN_IMPORT_DIALOG_READY);
      return;
    }

  if (g_error_matches (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA))
    {
      guint n = gdn_import_get_n_errors (check);

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The file has %u error, listed below. Nothing can "
                                           "be imported until it is fixed, unless you skip "
                                           "the rows with errors.",
                                           "The file has %u errors, listed below. Nothing can "
                                           "be imported until they are fixed, unless you skip "
                                           "the rows with errors.", n), n);
      gtk_label_set_label (self->check_label, text);
    }
  else
    gtk_label_set_label (self->check_label, error->message);
  gtk_widget_add_css_class (GTK_WIDGET (self->check_label), "error");
  set_state (self, GDN_IMPORT_DIALOG_REFUSED);
}

static void
start_check (GdnImportDialog *self)
{
  const char *kind = current_kind (self);

  if (self->file == NULL || kind == NULL)
    return;

  cancel_running (self);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->check);
  self->check = gdn_import_new (self->store, kind);
  gdn_import_set_dry_run (self->check, TRUE);
  gdn_import_set_skip_invalid (self->check, gtk_switch_get_active (self->skip_switch));

  gtk_label_set_label (self->check_label, _("Checking the file…"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->check_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->check_spinner), TRUE);
  gtk_spinner_start (self->check_spinner);
  gtk_widget_set_visible (self->check_box, TRUE);
  set_state (self, GDN_IMPORT_DIALOG_CHECKING);

  start_preview (self);
  gdn_import_run_async (self->check, self->file, self->cancellable, check_done_cb,
                        g_object_ref (self));
}

/* ---- the import --------------------------------------------------------------------- */

static void
on_progress_changed_cb (GdnImportDialog *self,
                        GParamSpec      *pspec,
                        GdnImport       *import)
{
  double fraction = gdn_import_get_progress (import);
  g_autofree char *text = g_strdup_printf ("%.0f %%", fraction * 100.0);

  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GdnImportDialog) self = user_data;
  GdnImport *import = GDN_IMPORT (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok = gdn_import_run_finish (import, result, &error);

  if (self->disposed)
    return;

  if (!ok)
    {
      g_autofree char *description = NULL;
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      adw_status_page_set_icon_name (self->result_page, cancelled ? "process-stop-symbolic"
                                                                  : "dialog-error-symbolic");
      adw_status_page_set_title (self->result_page, cancelled ? _("Import Cancelled")
                                                              : _("Nothing Was Imported"));
      description = cancelled
                    ? g_strdup (_("The database was left as it was."))
                    : g_strdup_printf ("%s\n\n%s", error->message,
                                       _("The database was left as it was."));
      adw_status_page_set_description (self->result_page, description);
      set_state (self, GDN_IMPORT_DIALOG_FAILED);
      return;
    }

  text = describe_counts (import, FALSE);
  adw_status_page_set_icon_name (self->result_page, "object-select-symbolic");
  adw_status_page_set_title (self->result_page, _("Import Complete"));
  adw_status_page_set_description (self->result_page, text);
  set_state (self, GDN_IMPORT_DIALOG_DONE);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (widget);
  g_autofree char *basename = NULL;

  if (self->state != GDN_IMPORT_DIALOG_READY)
    return;

  cancel_running (self);
  self->cancellable = g_cancellable_new ();
  g_clear_object (&self->import);
  self->import = gdn_import_new (self->store, current_kind (self));
  gdn_import_set_skip_invalid (self->import, gtk_switch_get_active (self->skip_switch));
  g_signal_connect_object (self->import, "notify::progress",
                           G_CALLBACK (on_progress_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);

  basename = g_file_get_basename (self->file);
  adw_status_page_set_description (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack,
                                                                               "progress")),
                                   basename);
  set_state (self, GDN_IMPORT_DIALOG_IMPORTING);
  gdn_import_run_async (self->import, self->file, self->cancellable, import_done_cb,
                        g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (widget);

  /* while importing, Cancel stops the import (nothing is written); else it closes */
  if (self->state == GDN_IMPORT_DIALOG_IMPORTING)
    cancel_running (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- choosing ----------------------------------------------------------------------- */

static void
on_chooser_response_cb (GdnImportDialog *self,
                        int              response,
                        GtkNativeDialog *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gdn_import_dialog_set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose a CSV File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_kind_changed_cb (GdnImportDialog *self)
{
  const char *kind = current_kind (self);

  if (kind == NULL)
    return;
  adw_window_title_set_subtitle (self->window_title, kind_label (kind));
  start_check (self);
}

static void
on_skip_changed_cb (GdnImportDialog *self)
{
  start_check (self);
}

static gboolean
gdn_import_dialog_close_request (GtkWindow *window)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (window);

  /* closing stops what runs: an import cancelled writes nothing */
  cancel_running (self);
  return GTK_WINDOW_CLASS (gdn_import_dialog_parent_class)->close_request (window);
}

static void
gdn_import_dialog_dispose (GObject *object)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  cancel_running (self);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (gdn_import_dialog_parent_class)->dispose (object);
}

static void
gdn_import_dialog_finalize (GObject *object)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->check);
  g_clear_object (&self->import);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_import_dialog_parent_class)->finalize (object);
}

static void
gdn_import_dialog_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (object);

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
gdn_import_dialog_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnImportDialog *self = GDN_IMPORT_DIALOG (object);

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
gdn_import_dialog_class_init (GdnImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = gdn_import_dialog_dispose;
  object_class->finalize = gdn_import_dialog_finalize;
  object_class->get_property = gdn_import_dialog_get_property;
  object_class->set_property = gdn_import_dialog_set_property;
  window_class->close_request = gdn_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, check_box);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, check_label);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, preview_box);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, problems_heading);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GdnImportDialog, result_page);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "import.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
gdn_import_dialog_init (GdnImportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
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
  adw_window_title_set_subtitle (self->window_title, kind_label (current_kind (self)));

  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (on_kind_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_switch, "notify::active",
                           G_CALLBACK (on_skip_changed_cb), self, G_CONNECT_SWAPPED);
  set_state (self, GDN_IMPORT_DIALOG_EMPTY);
}

/**
 * gdn_import_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: where to import
 */
GtkWidget *
gdn_import_dialog_new (GtkWindow *parent,
                       GdnStore  *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * gdn_import_dialog_set_kind:
 * @kind: "customers", "orders" … (see gdn_csv_kind_lookup())
 */
void
gdn_import_dialog_set_kind (GdnImportDialog *self,
                            const char      *kind)
{
  g_return_if_fail (GDN_IS_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kinds, i), kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

/**
 * gdn_import_dialog_set_file:
 *
 * Chooses @file, as the file chooser does, and checks it.
 */
void
gdn_import_dialog_set_file (GdnImportDialog *self,
                            GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GDN_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_parse_name (file);
  adw_action_row_set_subtitle (self->file_row, name);
  gtk_widget_set_visible (self->preview_box, FALSE);
  gtk_widget_set_visible (self->problems_box, FALSE);
  start_check (self);
}

GdnImportDialogState
gdn_import_dialog_get_state (GdnImportDialog *self)
{
  g_return_val_if_fail (GDN_IS_IMPORT_DIALOG (self), GDN_IMPORT_DIALOG_EMPTY);
  return self->state;
}

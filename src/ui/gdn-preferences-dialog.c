/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-preferences-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gdn-application.h"
#include "gdn-backup.h"
#include "gdn-parse.h"
#include "gdn-preferences-dialog.h"

/* Every row is bound to its GSettings key, so a change applies at once and there is no
 * Save button; the application follows "user-name" into the store. Backups: "Back up now"
 * copies the database into the backup folder in a worker; "Restore" puts a chosen backup
 * in place of the database, after asking, through the application (which closes and
 * reopens it). */

struct _GdnPreferencesDialog
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkFileChooserNative *chooser;

  AdwPreferencesGroup  *you_group;
  AdwEntryRow          *user_name_row;
  AdwEntryRow          *company_name_row;
  GtkSpinButton        *on_time_spin;
  AdwActionRow         *backup_folder_row;
  GtkWidget            *backup_reset_button;
  AdwActionRow         *backup_now_row;
  GtkSpinner           *backup_spinner;
  GtkFileChooserNative *restore_chooser;
  char                 *backup_name;  /* of the backup being written */
  gboolean              backing_up;
  gboolean              disposed;
};

typedef struct
{
  GdnApplication       *app;
  char                 *path;
  GdnPreferencesDialog *dialog;   /* weak: gone once the restore closed the windows */
} Restore;

G_DEFINE_FINAL_TYPE (GdnPreferencesDialog, gdn_preferences_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The target is stored as a share (0.95) and shown as a percentage (95) */
static gboolean
share_to_percent (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100.0);
  return TRUE;
}

static GVariant *
percent_to_share (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_double (CLAMP (g_value_get_double (value) / 100.0, 0.0, 1.0));
}

static void
update_backup_folder (GdnPreferencesDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  gboolean is_default = *folder == '\0';

  adw_action_row_set_subtitle (self->backup_folder_row,
                               is_default ? _("Gendan’s default folder")
                                          : folder);
  gtk_widget_set_visible (self->backup_reset_button, !is_default);
}

static void update_last_backup (GdnPreferencesDialog *self);

static void
on_backup_folder_changed_cb (GdnPreferencesDialog *self,
                             const char           *key,
                             GSettings            *settings)
{
  update_backup_folder (self);
  update_last_backup (self);
}

static void
on_chooser_response_cb (GdnPreferencesDialog *self,
                        int                   response,
                        GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "backup-folder", path);
    }
  g_clear_object (&self->chooser);
}

static void
on_backup_choose_clicked_cb (GdnPreferencesDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Backup Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (*folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_backup_reset_clicked_cb (GdnPreferencesDialog *self)
{
  g_settings_reset (self->settings, "backup-folder");
}

static char *
backup_folder (GdnPreferencesDialog *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  return *folder != '\0' ? g_steal_pointer (&folder) : gdn_backup_default_folder ();
}

static GdnStore *
app_store (void)
{
  GApplication *app = g_application_get_default ();

  return GDN_IS_APPLICATION (app) ? gdn_application_get_store (GDN_APPLICATION (app)) : NULL;
}

/* "Last backup: 2026-03-05 14:02, gendan-2026-03-05.db", the newest in the folder */
static void
update_last_backup (GdnPreferencesDialog *self)
{
  g_autofree char *folder = backup_folder (self);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *newest = NULL;
  g_autofree char *subtitle = NULL;
  gint64 newest_time = 0;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, "gendan-") || !g_str_has_suffix (name, ".db"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) == 0 && (gint64) st.st_mtime > newest_time)
        {
          newest_time = st.st_mtime;
          g_free (newest);
          newest = g_strdup (name);
        }
    }

  if (newest != NULL)
    {
      g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (newest_time);
      g_autofree char *iso = g_date_time_format (time, "%Y-%m-%d %H:%M");
      g_autofree char *when = gdn_format_datetime (iso);

      subtitle = g_strdup_printf (_("Last backup: %s, %s"), when, newest);
    }
  else
    subtitle = g_strdup (_("There is no backup in this folder yet"));
  adw_action_row_set_subtitle (self->backup_now_row, subtitle);
}

static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GdnPreferencesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!gdn_backup_create_finish (GDN_DATABASE (source), result, &error))
    message = g_strdup_printf (_("The backup failed: %s"), error->message);
  else
    message = g_strdup_printf (_("Backed up to “%s”"), self->backup_name);

  self->backing_up = FALSE;
  if (self->disposed)
    return;
  gtk_spinner_stop (self->backup_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_spinner), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup", TRUE);
  update_last_backup (self);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnPreferencesDialog *self = GDN_PREFERENCES_DIALOG (widget);
  GdnStore *store = app_store ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *folder = backup_folder (self);
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;

  if (store == NULL || self->backing_up)
    return;

  /* not a daily name: a backup made by hand is kept until you remove it */
  name = g_strdup_printf ("gendan-%s.db", stamp);
  dest = g_build_filename (folder, name, NULL);
  g_free (self->backup_name);
  self->backup_name = g_strdup (name);
  self->backing_up = TRUE;
  gtk_widget_action_set_enabled (widget, "prefs.backup", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->backup_spinner), TRUE);
  gtk_spinner_start (self->backup_spinner);
  gdn_backup_create_async (gdn_store_get_database (store), dest, NULL, NULL, NULL,
                           backup_done_cb, g_object_ref (self));
}

static void
restore_free (Restore *restore)
{
  g_clear_object (&restore->app);
  g_free (restore->path);
  g_clear_weak_pointer (&restore->dialog);
  g_free (restore);
}

static gboolean
restore_idle_cb (gpointer user_data)
{
  Restore *restore = user_data;
  g_autoptr(GError) error = NULL;

  /* out of the dialog's handlers: restoring closes every window, this one too */
  if (!gdn_application_restore_backup (restore->app, restore->path, &error) &&
      restore->dialog != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 0);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (restore->dialog), toast);
    }
  return G_SOURCE_REMOVE;
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Restore          *restore)
{
  if (g_strcmp0 (response, "restore") == 0)
    g_idle_add_full (G_PRIORITY_DEFAULT, restore_idle_cb, restore,
                     (GDestroyNotify) restore_free);
  else
    restore_free (restore);
}

static void
confirm_restore (GdnPreferencesDialog *self,
                 const char           *path)
{
  GApplication *app = g_application_get_default ();
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *body = NULL;
  g_autofree char *when = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GtkWidget *dialog;
  Restore *restore;

  if (!GDN_IS_APPLICATION (app))
    return;

  if (info != NULL)
    {
      g_autoptr(GDateTime) time = g_file_info_get_modification_date_time (info);

      if (time != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (time);
          g_autofree char *iso = g_date_time_format (local, "%Y-%m-%d %H:%M");

          when = gdn_format_datetime (iso);
        }
    }
  body = g_strdup_printf (_("The database is replaced by the backup “%s”, saved %s. What "
                            "was changed since then is lost. The database it replaces is "
                            "kept beside it."), name, when != NULL ? when : "");

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  restore = g_new0 (Restore, 1);
  restore->app = g_object_ref (GDN_APPLICATION (app));
  restore->path = g_strdup (path);
  g_set_weak_pointer (&restore->dialog, self);
  g_signal_connect (dialog, "response", G_CALLBACK (on_restore_response_cb), restore);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_restore_chooser_response_cb (GdnPreferencesDialog *self,
                                int                   response,
                                GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        confirm_restore (self, path);
    }
  g_clear_object (&self->restore_chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GdnPreferencesDialog *self = GDN_PREFERENCES_DIALOG (widget);
  g_autofree char *folder = backup_folder (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->restore_chooser != NULL)
    return;

  self->restore_chooser = gtk_file_chooser_native_new (_("Choose a Backup"), GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->restore_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Gendan databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->restore_chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->restore_chooser), all);
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->restore_chooser), dir,
                                           NULL);
    }
  g_signal_connect_object (self->restore_chooser, "response",
                           G_CALLBACK (on_restore_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->restore_chooser));
}

static void
gdn_preferences_dialog_dispose (GObject *object)
{
  GdnPreferencesDialog *self = GDN_PREFERENCES_DIALOG (object);

  self->disposed = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->restore_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->restore_chooser));
  g_clear_object (&self->restore_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_PREFERENCES_DIALOG);

  G_OBJECT_CLASS (gdn_preferences_dialog_parent_class)->dispose (object);
}

static void
gdn_preferences_dialog_finalize (GObject *object)
{
  GdnPreferencesDialog *self = GDN_PREFERENCES_DIALOG (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->backup_name, g_free);

  G_OBJECT_CLASS (gdn_preferences_dialog_parent_class)->finalize (object);
}

static void
gdn_preferences_dialog_class_init (GdnPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_preferences_dialog_dispose;
  object_class->finalize = gdn_preferences_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/"
                                               "gdn-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, you_group);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, company_name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, on_time_spin);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, backup_folder_row);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog,
                                        backup_reset_button);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, backup_now_row);
  gtk_widget_class_bind_template_child (widget_class, GdnPreferencesDialog, backup_spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_reset_clicked_cb);

  gtk_widget_class_install_action (widget_class, "prefs.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "prefs.restore", NULL, restore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
gdn_preferences_dialog_init (GdnPreferencesDialog *self)
{
  const char *real_name = g_get_real_name ();
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "user-name", self->user_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "company-name", self->company_name_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "on-time-target", self->on_time_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, share_to_percent, percent_to_share,
                                NULL, NULL);
  g_signal_connect_object (self->settings, "changed::backup-folder",
                           G_CALLBACK (on_backup_folder_changed_cb), self, G_CONNECT_SWAPPED);
  update_backup_folder (self);
  update_last_backup (self);
  if (app_store () == NULL)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.backup", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.restore", FALSE);
    }

  if (g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  description = g_strdup_printf (_("Recorded as “who” on every status change, approval and "
                                   "amendment you make. When empty, “%s” is used."), real_name);
  adw_preferences_group_set_description (self->you_group, description);
}

/**
 * gdn_preferences_dialog_new:
 * @parent: (nullable): the window it belongs to
 */
GdnPreferencesDialog *
gdn_preferences_dialog_new (GtkWindow *parent)
{
  return g_object_new (GDN_TYPE_PREFERENCES_DIALOG,
                       "transient-for", parent,
                       NULL);
}

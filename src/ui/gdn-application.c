/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-backup.h"
#include "gdn-export-dialog.h"
#include "gdn-import-dialog.h"
#include "gdn-parse.h"
#include "gdn-preferences-dialog.h"
#include "gdn-window.h"

/* One instance per desktop session: opens the database once (from --database or the
 * default place), keeps the store every window shares, and owns the application-wide
 * actions. A file that cannot be opened is explained in a dialog, never a crash. */

struct _GdnApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GdnStore       *store;
  guint           backup_id;     /* the timer of the daily backup */
  char           *backed_up_on;  /* the day of the last daily backup, 'YYYY-MM-DD' */
  gboolean        backing_up;
};

/* The daily backup waits a little after the start, so that opening the app does not wait
 * on the disk (and a quick look does not cost a copy of a large file), then looks once an
 * hour whether the day has changed. */
#define DAILY_BACKUP_DELAY_S 30
#define DAILY_BACKUP_CHECK_S 3600

G_DEFINE_FINAL_TYPE (GdnApplication, gdn_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database to open (default: the one in your data folder)"), N_("FILE") },
  { NULL }
};

static GdnWindow *
get_main_window (GdnApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (GDN_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
update_user_name (GdnApplication *self)
{
  g_autofree char *name = NULL;

  if (self->store == NULL)
    return;

  name = g_strstrip (g_settings_get_string (self->settings, "user-name"));
  if (*name == '\0')
    {
      const char *real_name = g_get_real_name ();

      g_free (name);
      /* GLib says "Unknown" when the account has no full name */
      name = g_strdup (g_strcmp0 (real_name, "Unknown") != 0 ? real_name : g_get_user_name ());
    }
  gdn_store_set_user_name (self->store, name);
}

static void
on_user_name_changed_cb (GdnApplication *self,
                         const char     *key,
                         GSettings      *settings)
{
  update_user_name (self);
}

static const char *
heading_for_error (const GError *error)
{
  if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NEWER_VERSION))
    return _("The Database Needs a Newer Gendan");
  if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE) ||
      g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT))
    return _("The Database Cannot Be Read");
  return _("Cannot Open the Database");
}

static void
on_error_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Returns once the dialog is answered: nothing else runs yet, and waiting here lets the
 * command line return the failure as its exit status (GApplication resets the status to 0
 * once its main loop has run). */
static void
show_open_error (GdnApplication *self,
                 const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (NULL, heading_for_error (error), error->message);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_error_dialog_response_cb), NULL);

  /* The application's only window, so that app.quit and the shell see it */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Gendan"));
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (dialog));
  g_main_loop_run (loop);
}

static void
present_main_window (GdnApplication *self)
{
  GdnWindow *window = get_main_window (self);

  if (window == NULL)
    {
      window = gdn_window_new (GTK_APPLICATION (self), self->store);
      if (gdn_database_is_read_only (gdn_store_get_database (self->store)))
        {
          AdwToast *toast = adw_toast_new (_("The database is read-only: you can look, but "
                                             "not change anything"));
          adw_toast_set_timeout (toast, 0);
          gdn_window_add_toast (window, toast);
        }
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GdnApplication *self = user_data;

  GList *windows = NULL;

  /* Closing (not destroying) lets each window save its size; a copy, since closing one
   * window can destroy others (its dialogs) */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GdnApplication *self = user_data;
  static const char *developers[] = {
    "The Gendan developers https://github.com/gendan/gendan",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "destroy-with-parent", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Gendan"),
                        "developer-name", _("The Gendan developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Follow customer orders from inquiry to after-sales, "
                                      "and report on them"),
                        "website", "https://github.com/gendan/gendan",
                        "issue-url", "https://github.com/gendan/gendan/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Gendan developers"),
                        "developers", developers,
                        /* Translators: your names, one per line, as "Name <e-mail>" */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GdnApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GdnPreferencesDialog *dialog = gdn_preferences_dialog_new (parent);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GdnApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_main_window (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (gdn_import_dialog_new (parent, self->store)));
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  GdnApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_main_window (self));

  if (self->store != NULL)
    gtk_window_present (GTK_WINDOW (gdn_export_dialog_new (parent, self->store)));
}

/* From a notification: "orders:42" opens the order, "today" shows a section */
static void
open_record_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GdnApplication *self = user_data;
  const char *target = g_variant_get_string (parameter, NULL);
  GdnWindow *window;

  if (self->store == NULL)
    return;
  present_main_window (self);
  window = get_main_window (self);
  if (strchr (target, ':') != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", target);
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", target);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "import", .activate = import_action },
  { .name = "export", .activate = export_action },
  { .name = "open-record", .activate = open_record_action, .parameter_type = "s" },
};

static char *
backup_folder (GdnApplication *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");

  return *folder != '\0' ? g_steal_pointer (&folder) : gdn_backup_default_folder ();
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GdnApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = gdn_backup_daily_finish (GDN_DATABASE (source), result, &error);

  self->backing_up = FALSE;
  if (path == NULL)
    {
      GdnWindow *window = get_main_window (self);
      g_autofree char *message = g_strdup_printf (_("The daily backup failed: %s"),
                                                  error->message);

      g_warning ("%s", message);
      if (window != NULL)
        gdn_window_add_toast (window, adw_toast_new (message));
      return;
    }
  g_debug ("Daily backup written to %s", path);
}

/**
 * gdn_application_backup_daily:
 *
 * Writes today's backup of the database into the backup folder (in a worker), unless
 * it was written today already. Runs by itself after the start and when the day changes.
 *
 * Returns: %TRUE when a backup was started
 */
gboolean
gdn_application_backup_daily (GdnApplication *self)
{
  g_autofree char *today = gdn_today ();
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GDN_IS_APPLICATION (self), FALSE);

  if (self->store == NULL || self->backing_up || g_strcmp0 (self->backed_up_on, today) == 0)
    return FALSE;

  /* once a day, also across restarts: today's file is there already */
  folder = backup_folder (self);
  name = g_strdup_printf ("gendan-%s.db", today);
  path = g_build_filename (folder, name, NULL);
  g_free (self->backed_up_on);
  self->backed_up_on = g_strdup (today);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  self->backing_up = TRUE;
  gdn_backup_daily_async (gdn_store_get_database (self->store), folder, NULL, NULL, NULL,
                          daily_backup_done_cb, g_object_ref (self));
  return TRUE;
}

static gboolean
daily_backup_cb (gpointer user_data)
{
  GdnApplication *self = user_data;

  gdn_application_backup_daily (self);
  self->backup_id = g_timeout_add_seconds (DAILY_BACKUP_CHECK_S, daily_backup_cb, self);
  return G_SOURCE_REMOVE;
}

static void
gdn_application_startup (GApplication *application)
{
  GdnApplication *self = GDN_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (gdn_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (on_user_name_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
}

static void
gdn_application_activate (GApplication *application)
{
  GdnApplication *self = GDN_APPLICATION (application);

  /* Activated without a command line (D-Bus activation): the default database */
  if (self->store == NULL)
    {
      g_autofree char *path = gdn_database_default_path ();
      g_autoptr(GError) error = NULL;

      if (!gdn_application_open_database (self, path, &error))
        {
          show_open_error (self, error);
          return;
        }
    }
  present_main_window (self);
}

static int
gdn_application_command_line (GApplication            *application,
                              GApplicationCommandLine *command_line)
{
  GdnApplication *self = GDN_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *path = NULL;
  const char *arg = NULL;
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &arg) && arg != NULL && *arg)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                              arg);
      path = g_file_get_path (file);
    }
  else
    path = gdn_database_default_path ();

  if (self->store != NULL)
    {
      const char *open_path = gdn_database_get_path (gdn_store_get_database (self->store));
      g_autoptr(GFile) open_file = g_file_new_for_path (open_path);
      g_autoptr(GFile) asked_file = g_file_new_for_path (path);

      present_main_window (self);
      if (!g_file_equal (open_file, asked_file))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Gendan is already open with “%s”; quit it first to "
                                       "open another database"), open_path);
          gdn_window_add_toast (get_main_window (self), adw_toast_new (message));
          return 1;
        }
      return 0;
    }

  if (!gdn_application_open_database (self, path, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      show_open_error (self, error);
      return 1;
    }

  g_application_activate (application);
  return 0;
}

static void
gdn_application_dispose (GObject *object)
{
  GdnApplication *self = GDN_APPLICATION (object);

  g_clear_handle_id (&self->backup_id, g_source_remove);
  g_clear_pointer (&self->backed_up_on, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (gdn_application_parent_class)->dispose (object);
}

static void
gdn_application_class_init (GdnApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = gdn_application_dispose;
  app_class->startup = gdn_application_startup;
  app_class->activate = gdn_application_activate;
  app_class->command_line = gdn_application_command_line;
}

static void
gdn_application_init (GdnApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Follow customer orders from inquiry to "
                                              "after-sales."));
}

GdnApplication *
gdn_application_new (void)
{
  return g_object_new (GDN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/gendan/Gendan",
                       NULL);
}

/**
 * gdn_application_get_store:
 *
 * Returns: (transfer none) (nullable): the store of the open database
 */
GdnStore *
gdn_application_get_store (GdnApplication *self)
{
  g_return_val_if_fail (GDN_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * gdn_application_open_database:
 * @path: the database file, created when missing
 *
 * Opens @path (refusing newer, damaged and foreign files, see gdn_database_open()) and
 * makes it the database of the application. Call it once, after startup.
 */
gboolean
gdn_application_open_database (GdnApplication  *self,
                               const char      *path,
                               GError         **error)
{
  g_autoptr(GdnDatabase) database = NULL;

  g_return_val_if_fail (GDN_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->settings != NULL, FALSE);
  g_return_val_if_fail (self->store == NULL, FALSE);

  database = gdn_database_open (path, error);
  if (database == NULL)
    return FALSE;

  self->store = gdn_store_new (database);
  update_user_name (self);
  g_settings_set_string (self->settings, "last-database", gdn_database_get_path (database));
  if (self->backup_id == 0 && !gdn_database_is_read_only (database))
    self->backup_id = g_timeout_add_seconds (DAILY_BACKUP_DELAY_S, daily_backup_cb, self);
  return TRUE;
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * gdn_application_restore_backup:
 * @backup_path: a backup made by Gendan (or any Gendan database)
 *
 * Puts @backup_path in place of the open database (gdn_backup_restore()): the windows
 * close, the database is closed, replaced (the replaced file is kept beside it) and
 * opened again in a new window, which says what happened. A backup that is refused is
 * refused before anything closes (the caller says so); a database still in use is left
 * as it was.
 *
 * Returns: %TRUE when the backup was restored
 */
gboolean
gdn_application_restore_backup (GdnApplication  *self,
                                const char      *backup_path,
                                GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) open_error = NULL;
  GdnDatabase *database;
  GList *windows = NULL;
  gint64 deadline;
  guint wake;
  gboolean restored = FALSE;

  g_return_val_if_fail (GDN_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  /* a backup that cannot be used is refused before anything closes */
  if (!gdn_backup_verify (backup_path, error))
    return FALSE;

  database = gdn_store_get_database (self->store);
  path = g_strdup (gdn_database_get_path (database));
  g_object_add_weak_pointer (G_OBJECT (database), (gpointer *) &database);

  /* every window, view and list lets go of the store, so that SQLite closes the file */
  g_application_hold (G_APPLICATION (self));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  g_clear_object (&self->store);

  /* a backup running in a worker holds the database until it is done */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  wake = g_timeout_add (50, wake_cb, NULL);
  while (database != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  if (database != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (database), (gpointer *) &database);
      g_set_error_literal (&local_error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_BUSY,
                           _("The database is still in use, so it was not replaced. Try "
                             "again in a moment."));
    }
  else
    restored = gdn_backup_restore_full (path, backup_path, &kept, &local_error);

  /* open what is in place now: the backup, or the database as it was */
  if (!gdn_application_open_database (self, path, &open_error))
    {
      show_open_error (self, open_error);
      g_application_release (G_APPLICATION (self));
      g_application_quit (G_APPLICATION (self));
      if (local_error == NULL)
        local_error = g_steal_pointer (&open_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  present_main_window (self);
  g_application_release (G_APPLICATION (self));

  if (restored)
    {
      g_autofree char *backup_name = g_path_get_basename (backup_path);
      g_autofree char *kept_name = kept != NULL ? g_path_get_basename (kept) : NULL;

      message = kept_name != NULL
                ? g_strdup_printf (_("Restored “%s”; the replaced database was kept as “%s”"),
                                   backup_name, kept_name)
                : g_strdup_printf (_("Restored “%s”"), backup_name);
    }
  else
    message = g_strdup_printf (_("Nothing was restored: %s"), local_error->message);
  gdn_window_add_toast (get_main_window (self), adw_toast_new (message));

  if (!restored)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return restored;
}

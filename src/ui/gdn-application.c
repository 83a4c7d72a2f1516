/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-backup.h"
#include "gdn-banner.h"
#include "gdn-export-dialog.h"
#include "gdn-fs-check.h"
#include "gdn-import-dialog.h"
#include "gdn-parse.h"
#include "gdn-preferences-dialog.h"
#include "gdn-window.h"

/* One instance per desktop session: opens the database once (from --database or the
 * default place), keeps the store every window shares, and owns the application-wide
 * actions. A file that cannot be opened is explained in a dialog, never a crash.
 *
 * A damaged file, found when it is opened or later (GdnDatabase::damaged), is never
 * written to: every window closes, the file is moved aside ("NAME.corrupt-TIME") and the
 * person chooses between the newest backup that passes the check and an empty database.
 * A read-only file, or one on a network or FUSE drive, gets a banner in the window. */

struct _GdnApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GdnStore       *store;
  guint           backup_id;     /* the timer of the daily backup */
  guint           check_id;      /* the timer of the check of a large file */
  char           *backed_up_on;  /* the day of the last daily backup, 'YYYY-MM-DD' */
  gboolean        backing_up;
  gboolean        read_only;     /* --read-only */
  gboolean        recovering;    /* closing a damaged database and replacing it */
  char           *pending_toast; /* said once the next main window is up */
};

/* The daily backup waits a little after the start, so that opening the app does not wait
 * on the disk (and a quick look does not cost a copy of a large file), then looks once an
 * hour whether the day has changed. */
#define DAILY_BACKUP_DELAY_S 30
#define DAILY_BACKUP_CHECK_S 3600

/* The check of a large file reads all of it: it starts once the window has shown its
 * first rows, rather than take the disk and the second core from them. */
#define CHECK_DELAY_S 3

G_DEFINE_FINAL_TYPE (GdnApplication, gdn_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database to open (default: the one in your data folder)"), N_("FILE") },
  { "read-only", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the database read-only: look, but change nothing"), NULL },
  { NULL }
};

static void on_database_damaged_cb (GdnApplication *self,
                                    GdnDatabase    *database);

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
  /* (a main window sets the default icon after its first frame: there is none here) */
  gtk_window_set_icon_name (GTK_WINDOW (dialog), APP_ID);
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (dialog));
  g_main_loop_run (loop);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GdnApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  /* damage is handled by on_database_damaged_cb(); anything else only logged */
  if (!gdn_database_check_finish (GDN_DATABASE (source), result, &error) &&
      !g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT))
    g_message ("The check of the database could not run: %s", error->message);
}

static gboolean
start_check_cb (gpointer user_data)
{
  GdnApplication *self = user_data;
  GdnDatabase *database;

  self->check_id = 0;
  if (self->store == NULL)
    return G_SOURCE_REMOVE;
  database = gdn_store_get_database (self->store);
  if (gdn_database_get_check_pending (database))
    gdn_database_check_async (database, NULL, check_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
add_banners (GdnApplication *self,
             GdnWindow      *window)
{
  GdnDatabase *database = gdn_store_get_database (self->store);
  g_autofree char *shared = gdn_fs_shared_warning (gdn_database_get_path (database));

  if (gdn_database_is_read_only (database))
    {
      g_autofree char *message = NULL;

      message = self->read_only
                ? g_strdup (_("This database is read-only: it was opened with --read-only. "
                              "You can look at everything, but not change anything."))
                : g_strdup_printf (_("This database is read-only: you may not write to "
                                     "“%s” or its folder. You can look at everything, but not "
                                     "change anything; ask for write access to work in it."),
                                   gdn_database_get_path (database));
      gdn_window_add_banner (window, gdn_banner_new (GTK_MESSAGE_INFO,
                                                     _("Read-only"), message));
      gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.new-record", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.undo", FALSE);
    }
  if (shared != NULL)
    gdn_window_add_banner (window, gdn_banner_new (GTK_MESSAGE_WARNING,
                                                   _("Unsafe for shared use"), shared));
}

static void
present_main_window (GdnApplication *self)
{
  GdnWindow *window = get_main_window (self);

  if (window == NULL)
    {
      GdnDatabase *database = gdn_store_get_database (self->store);

      window = gdn_window_new (GTK_APPLICATION (self), self->store);
      add_banners (self, window);
      if (self->pending_toast != NULL)
        {
          AdwToast *toast = adw_toast_new (self->pending_toast);

          adw_toast_set_timeout (toast, 0);
          gdn_window_add_toast (window, toast);
          g_clear_pointer (&self->pending_toast, g_free);
        }
      /* a large file was not checked while it opened: check it soon, in a worker */
      if (gdn_database_get_check_pending (database) && self->check_id == 0)
        self->check_id = g_timeout_add_seconds (CHECK_DELAY_S, start_check_cb, self);
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

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
on_choice_cb (AdwMessageDialog *dialog,
              const char       *response,
              gpointer          user_data)
{
  char **choice = user_data;

  g_free (*choice);
  *choice = g_strdup (response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Asks what to do with a damaged file that was moved aside; returns the response id
 * ("restore", "empty" or "quit") once it is answered. */
static char *
ask_about_damage (GdnApplication *self,
                  const char     *path,
                  const GError   *damage,
                  const char     *aside,
                  const char     *backup)
{
  g_autofree char *path_name = g_path_get_basename (path);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *aside_name = g_path_get_basename (aside);
  g_autofree char *body = NULL;
  char *choice = NULL;
  GtkWidget *dialog;

  g_message ("%s", damage->message);
  if (backup != NULL)
    {
      g_autofree char *backup_name = g_path_get_basename (backup);

      body = g_strdup_printf (_("“%s” is damaged and cannot be read safely. Gendan did not "
                                "write to it: it was moved aside as “%s”, so that nothing "
                                "in it is lost.\n\nYou can restore the newest backup that "
                                "passes the check, “%s”; what was entered after it was made "
                                "is not in it. Or start with an empty database."),
                              path_name, aside_name, backup_name);
    }
  else
    body = g_strdup_printf (_("“%s” is damaged and cannot be read safely. Gendan did not "
                              "write to it: it was moved aside as “%s”, so that nothing in "
                              "it is lost.\n\nNo backup that passes the check was found. "
                              "You can start with an empty database, or quit and look for a "
                              "copy of the file."),
                            path_name, aside_name);

  dialog = adw_message_dialog_new (NULL, _("The Database Is Damaged"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "empty",
                                   _("Start _Empty"));
  if (backup != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore",
                                       _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
    }
  else
    adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "empty");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_choice_cb), &choice);

  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Gendan"));
  g_signal_connect_swapped (dialog, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (dialog));
  g_main_loop_run (loop);

  return choice != NULL ? choice : g_strdup ("quit");
}

/* @path is damaged (@damage says how) and not open: moves it aside, asks, restores the
 * newest verified backup or starts empty, and opens the result. Explains every failure
 * in a dialog itself. Returns: whether a database is open now. */
static gboolean
recover_damaged (GdnApplication *self,
                 const char     *path,
                 const GError   *damage)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *choice = NULL;
  g_autofree char *aside_name = NULL;

  aside = gdn_database_move_aside (path, &error);
  if (aside == NULL)
    {
      show_open_error (self, error);
      return FALSE;
    }
  g_message ("The damaged database was moved aside as %s", aside);
  aside_name = g_path_get_basename (aside);

  folder = backup_folder (self);
  backup = gdn_backup_find_newest (folder);
  choice = ask_about_damage (self, path, damage, aside, backup);

  if (g_strcmp0 (choice, "restore") == 0 && backup != NULL)
    {
      g_autofree char *backup_name = g_path_get_basename (backup);

      if (!gdn_backup_restore_full (path, backup, NULL, &error))
        {
          show_open_error (self, error);
          return FALSE;
        }
      g_free (self->pending_toast);
      self->pending_toast = g_strdup_printf (_("Restored the backup “%s”; the damaged "
                                               "database is kept as “%s”"),
                                             backup_name, aside_name);
    }
  else if (g_strcmp0 (choice, "empty") == 0)
    {
      g_free (self->pending_toast);
      self->pending_toast = g_strdup_printf (_("Started with an empty database; the damaged "
                                               "one is kept as “%s”"), aside_name);
    }
  else
    return FALSE;

  if (!gdn_application_open_database (self, path, &error))
    {
      g_clear_pointer (&self->pending_toast, g_free);
      show_open_error (self, error);
      return FALSE;
    }
  return TRUE;
}

/* Closes every window and the database; waits (up to 30 s) for workers to let go of it.
 * Returns: whether it is closed. */
static gboolean
close_database (GdnApplication *self)
{
  GdnDatabase *database = gdn_store_get_database (self->store);
  GList *windows = NULL;
  gint64 deadline;
  guint wake;

  g_object_add_weak_pointer (G_OBJECT (database), (gpointer *) &database);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);
  g_clear_object (&self->store);
  g_clear_handle_id (&self->backup_id, g_source_remove);

  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  wake = g_timeout_add (50, wake_cb, NULL);
  while (database != NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);

  if (database != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (database), (gpointer *) &database);
      return FALSE;
    }
  return TRUE;
}

static gboolean
recover_in_use_cb (gpointer data)
{
  g_autoptr(GdnApplication) self = data;
  g_autoptr(GError) damage = NULL;
  g_autofree char *path = NULL;

  if (self->store == NULL)
    {
      self->recovering = FALSE;
      return G_SOURCE_REMOVE;
    }

  path = g_strdup (gdn_database_get_path (gdn_store_get_database (self->store)));
  g_set_error (&damage, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
               _("“%s” is damaged: a part of it could not be read while it was in use."),
               path);

  g_application_hold (G_APPLICATION (self));
  if (!close_database (self))
    {
      g_autoptr(GError) error = NULL;

      /* still held somewhere: quit rather than go on with a damaged file */
      g_set_error (&error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
                   _("%s Gendan could not close it to move it aside; it will quit now. "
                     "Start it again to restore a backup."), damage->message);
      show_open_error (self, error);
      g_application_quit (G_APPLICATION (self));
    }
  else if (recover_damaged (self, path, damage))
    present_main_window (self);
  else
    g_application_quit (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
  self->recovering = FALSE;
  return G_SOURCE_REMOVE;
}

/* Damage found after the file was opened: stop writing to it at once, and recover once
 * the code that met it has returned. */
static void
on_database_damaged_cb (GdnApplication *self,
                        GdnDatabase    *database)
{
  if (self->recovering || self->store == NULL ||
      gdn_store_get_database (self->store) != database)
    return;

  self->recovering = TRUE;
  g_idle_add (recover_in_use_cb, g_object_ref (self));
}

static void
gdn_application_startup (GApplication *application)
{
  GdnApplication *self = GDN_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (gdn_application_parent_class)->startup (application);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::user-name",
                           G_CALLBACK (on_user_name_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         help_overlay_accels);
}

/* Writing through the application's actions is off on a read-only database. */
static void
update_actions (GdnApplication *self)
{
  gboolean writable = self->store != NULL &&
                      !gdn_database_is_read_only (gdn_store_get_database (self->store));
  GAction *import = g_action_map_lookup_action (G_ACTION_MAP (self), "import");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (import), writable);
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
          if (!g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT))
            show_open_error (self, error);
          else if (recover_damaged (self, path, error))
            present_main_window (self);
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

  self->read_only = g_variant_dict_contains (options, "read-only");
  if (!gdn_application_open_database (self, path, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      if (!g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT))
        {
          show_open_error (self, error);
          return 1;
        }
      if (!recover_damaged (self, path, error))
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
  g_clear_handle_id (&self->check_id, g_source_remove);
  g_clear_pointer (&self->backed_up_on, g_free);
  g_clear_pointer (&self->pending_toast, g_free);
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

  database = gdn_database_open_full (path, GDN_SCHEMA_VERSION,
                                     self->read_only ? GDN_DATABASE_OPEN_READ_ONLY
                                                     : GDN_DATABASE_OPEN_DEFAULT,
                                     error);
  if (database == NULL)
    return FALSE;

  g_signal_connect_object (database, "damaged", G_CALLBACK (on_database_damaged_cb), self,
                           G_CONNECT_SWAPPED);
  self->store = gdn_store_new (database);
  update_actions (self);
  update_user_name (self);
  g_settings_set_string (self->settings, "last-database", gdn_database_get_path (database));
  if (self->backup_id == 0 && !gdn_database_is_read_only (database))
    self->backup_id = g_timeout_add_seconds (DAILY_BACKUP_DELAY_S, daily_backup_cb, self);
  return TRUE;
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

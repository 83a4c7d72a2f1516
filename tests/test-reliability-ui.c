/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The application with a read-only file, a file on a shared drive and a damaged file. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <unistd.h>
#include <string.h>

#include "gdn-backup.h"
#include "gdn-banner.h"
#include "gdn-case-page.h"
#include "gdn-case.h"
#include "gdn-contract-page.h"
#include "gdn-contract.h"
#include "gdn-customer-page.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-order-page.h"
#include "gdn-record-page.h"
#include "gdn-shipment-page.h"
#include "gdn-shipment.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"

#define PAGE_SIZE 4096

/* ---- running the application, answering its dialogs ---- */

typedef void (*CheckFunc) (GdnApplication *app,
                           GdnWindow      *window,
                           gpointer        data);

typedef struct
{
  GdnApplication *app;
  const char     *answer;     /* the response given to a message dialog */
  guint           n_windows;  /* main windows seen */
  guint           n_checked;
  char           *heading;    /* of the message dialog answered */
  char           *body;
  guint           check_window; /* which main window to check: 0 for the first */
  CheckFunc       check;
  gpointer        data;
} Run;

static gboolean
answer_cb (gpointer data)
{
  AdwMessageDialog *dialog = data;
  Run *run = g_object_get_data (G_OBJECT (dialog), "gdn-test-run");

  if (!gtk_widget_get_mapped (GTK_WIDGET (dialog)))
    return G_SOURCE_CONTINUE;
  g_free (run->heading);
  g_free (run->body);
  run->heading = g_strdup (adw_message_dialog_get_heading (dialog));
  run->body = g_strdup (adw_message_dialog_get_body (dialog));
  g_assert_true (adw_message_dialog_has_response (dialog, run->answer));
  adw_message_dialog_response (dialog, run->answer);
  return G_SOURCE_REMOVE;
}

static gboolean
check_cb (gpointer data)
{
  GdnWindow *window = data;
  Run *run = g_object_get_data (G_OBJECT (window), "gdn-test-run");

  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  run->check (run->app, window, run->data);
  run->n_checked++;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    Run            *run)
{
  g_object_set_data (G_OBJECT (window), "gdn-test-run", run);
  if (ADW_IS_MESSAGE_DIALOG (window) && run->answer != NULL)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 10, answer_cb, g_object_ref (window),
                        g_object_unref);
  else if (GDN_IS_WINDOW (window) && run->n_windows++ == run->check_window)
    g_timeout_add_full (G_PRIORITY_DEFAULT, 10, check_cb, g_object_ref (window),
                        g_object_unref);
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("the application did not finish in time");
  return G_SOURCE_REMOVE;
}

static int
run_app (Run        *run,
         const char *db_path,
         gboolean    read_only)
{
  g_autoptr(GdnApplication) app = gdn_application_new ();
  char *argv[] = { (char *) "gendan", (char *) "--database", (char *) db_path,
                   read_only ? (char *) "--read-only" : NULL, NULL };
  guint give_up;
  int status;

  run->app = app;
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), run);

  give_up = g_timeout_add_seconds (120, give_up_cb, NULL);
  status = g_application_run (G_APPLICATION (app), read_only ? 4 : 3, argv);
  g_source_remove (give_up);
  run->app = NULL;
  return status;
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->heading, g_free);
  g_clear_pointer (&run->body, g_free);
}

/* ---- files ---- */

static char *
make_database (const char *dir,
               guint       n)
{
  g_autofree char *path = g_build_filename (dir, "gendan.db", NULL);

  return gdn_test_make_customers_database (path, n);
}

static void
flip_table_page (const char *path,
                 const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len, start;
  gint64 page;

  {
    g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

    g_assert_no_error (error);
    g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema "
                                            "WHERE name = '%s'", table);

    page = gdn_database_query_int (db, sql, &error);
    g_assert_no_error (error);
  }
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  start = (gsize) (page - 1) * PAGE_SIZE;
  for (gsize i = start + 1; i < start + 40; i++)
    contents[i] ^= 0x5A;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static char *
find_aside (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, "gendan.db.corrupt-") && !g_str_has_suffix (name, "-wal") &&
        !g_str_has_suffix (name, "-shm"))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

static gboolean
is_banner_titled (GtkWidget     *widget,
                  gconstpointer  title)
{
  return GDN_IS_BANNER (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gdn_banner_get_title (GDN_BANNER (widget)), title) == 0;
}

/* ---- read-only ---- */

static void
check_read_only (GdnApplication *app,
                 GdnWindow      *window,
                 gpointer        data)
{
  static const char * const new_actions[] = {
    "orders.new", "win.new-record", "today.new-reminder"
  };
  GtkWidget *banner;
  GtkWidget *save;
  GtkWidget *owner;
  GtkWidget *order_page;
  GdnStore *store = gdn_application_get_store (app);

  g_assert_true (gdn_database_is_read_only (gdn_store_get_database (store)));
  banner = gdn_ui_test_find_widget (GTK_WIDGET (window), is_banner_titled, "Read-only");
  g_assert_nonnull (banner);
  /* shown above the content (mapped once the content pane is, in a narrow window) */
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (banner)));
  g_assert_true (g_str_has_prefix (gdn_banner_get_message (GDN_BANNER (banner)),
                                   "This database is read-only:"));

  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "import"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "export"));

  /* nothing new: not from the sections' New buttons, nor from Today's New Reminder (the
   * views are made when first shown) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "orders");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "customers");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "today");
  for (guint i = 0; i < G_N_ELEMENTS (new_actions); i++)
    {
      GtkWidget *button = gdn_ui_test_find_widget (GTK_WIDGET (window),
                                                   gdn_ui_test_has_action_name,
                                                   new_actions[i]);

      if (button == NULL)
        g_error ("no button runs %s", new_actions[i]);
      g_assert_false (gtk_widget_is_sensitive (button));
    }
  /* Ctrl+N does nothing either: the page stays on the list */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "orders");
  gdn_ui_test_settle ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL);
  gdn_ui_test_settle ();
  /* (the order page is made when first needed: not at all here) */
  order_page = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_is_of_type,
                                        GSIZE_TO_POINTER (GDN_TYPE_ORDER_PAGE));
  g_assert_true (order_page == NULL || !gtk_widget_get_mapped (order_page));

  /* a record opens to be read, but its page cannot save or delete */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", "customers:1");
  gdn_ui_test_settle ();
  save = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_has_action_name,
                                  "customer.save");
  g_assert_nonnull (save);
  g_assert_false (gtk_widget_is_sensitive (save));

  /* typing in the form does not make it savable */
  owner = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_is_entry_row_titled,
                                   "Owner");
  g_assert_nonnull (owner);
  gtk_editable_set_text (GTK_EDITABLE (owner), "王丽");
  gdn_ui_test_settle ();
  g_assert_false (gtk_widget_is_sensitive (save));

  save = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_has_action_name,
                                  "customer.delete");
  if (save != NULL)
    g_assert_false (gtk_widget_is_sensitive (save));
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Run run = { .check = check_read_only };

  if (!gdn_ui_test_have_display ())
    return;

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 30);
  before = gdn_test_file_sha256 (path);

  /* --read-only, since chmod 0444 does not stop root (who runs CI) from writing */
  g_assert_cmpint (run_app (&run, path, TRUE), ==, 0);
  g_assert_cmpuint (run.n_checked, ==, 1);

  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  run_clear (&run);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Run run = { .check = check_read_only };

  if (!gdn_ui_test_have_display ())
    return;
  if (geteuid () == 0)
    {
      g_test_skip ("root may write to a file of mode 0444 (covered by --read-only)");
      return;
    }

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 30);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_cmpint (run_app (&run, path, FALSE), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_cmpuint (run.n_checked, ==, 1);
  run_clear (&run);
}

/* ---- shared drive ---- */

static void
check_shared (GdnApplication *app,
              GdnWindow      *window,
              gpointer        data)
{
  GtkWidget *banner = gdn_ui_test_find_widget (GTK_WIDGET (window), is_banner_titled,
                                               "Unsafe for shared use");

  g_assert_nonnull (banner);
  /* shown above the content (mapped once the content pane is, in a narrow window) */
  g_assert_true (gtk_widget_get_visible (banner));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (banner)));
  g_assert_nonnull (strstr (gdn_banner_get_message (GDN_BANNER (banner)),
                            "network drive (nfs)"));
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (window), is_banner_titled, "Read-only"));
}

static void
check_no_banner (GdnApplication *app,
                 GdnWindow      *window,
                 gpointer        data)
{
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (window),
                                          gdn_ui_test_is_of_type,
                                          GSIZE_TO_POINTER (GDN_TYPE_BANNER)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "import"));
}

static void
test_shared_drive (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Run run = { .check = check_shared };
  Run local = { .check = check_no_banner };

  if (!gdn_ui_test_have_display ())
    return;

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 5);

  /* the documented test hook of gdn_fs_check_path() stands for an NFS mount */
  g_setenv ("GENDAN_TEST_FS_TYPE", "0x6969", TRUE);
  g_assert_cmpint (run_app (&run, path, FALSE), ==, 0);
  g_unsetenv ("GENDAN_TEST_FS_TYPE");
  g_assert_cmpuint (run.n_checked, ==, 1);
  run_clear (&run);

  g_setenv ("GENDAN_TEST_FS_TYPE", "0xEF53", TRUE);
  g_assert_cmpint (run_app (&local, path, FALSE), ==, 0);
  g_unsetenv ("GENDAN_TEST_FS_TYPE");
  g_assert_cmpuint (local.n_checked, ==, 1);
  run_clear (&local);
}

/* ---- damaged ---- */

static void
check_count (GdnApplication *app,
             GdnWindow      *window,
             gpointer        data)
{
  GdnDatabase *db = gdn_store_get_database (gdn_application_get_store (app));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM customers", &error), ==,
                   GPOINTER_TO_INT (data));
  g_assert_no_error (error);
}

static char *
prepare_backup_folder (const char *dir,
                       const char *path)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *good = g_build_filename (folder, "gendan-2026-11-20.db", NULL);
  g_autofree char *bad = g_build_filename (folder, "gendan-2026-11-21.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  {
    g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (gdn_backup_create (db, good, &error));
    g_assert_no_error (error);
  }
  /* the newest backup is not a database: it is skipped */
  g_assert_true (g_file_set_contents (bad, "not a database", -1, NULL));
  g_settings_set_string (settings, "backup-folder", folder);
  return g_steal_pointer (&good);
}

static void
test_damaged_restore (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_sha = NULL;
  g_autoptr(GSettings) settings = NULL;
  Run run = { .answer = "restore", .check = check_count, .data = GINT_TO_POINTER (400) };

  if (!gdn_ui_test_have_display ())
    return;

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 400);
  backup = prepare_backup_folder (dir, path);
  flip_table_page (path, "customers");
  before = gdn_test_file_sha256 (path);

  g_assert_cmpint (run_app (&run, path, FALSE), ==, 0);
  g_assert_cmpstr (run.heading, ==, "The Database Is Damaged");
  g_assert_nonnull (strstr (run.body, "gendan.db.corrupt-"));
  g_assert_nonnull (strstr (run.body, "gendan-2026-11-20.db"));
  g_assert_cmpuint (run.n_checked, ==, 1);

  /* the damaged bytes are kept, untouched, beside the restored database */
  aside = find_aside (dir);
  g_assert_nonnull (aside);
  aside_sha = gdn_test_file_sha256 (aside);
  g_assert_cmpstr (aside_sha, ==, before);
  g_assert_true (gdn_backup_check (path, NULL));
  run_clear (&run);

  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "backup-folder");
}

static void
test_damaged_found_in_use (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *aside = NULL;
  g_autofree char *aside_sha = NULL;
  /* the second window: the first one closes when the damage is found */
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *backups = NULL;
  Run run = { .answer = "empty", .check_window = 1, .check = check_count,
              .data = GINT_TO_POINTER (0) };

  if (!gdn_ui_test_have_display ())
    return;

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 400);
  /* a table the window does not read when it opens: only the check finds it */
  flip_table_page (path, "contract_amendments");
  before = gdn_test_file_sha256 (path);
  /* an empty backup folder (not the real one in the user's data folder) */
  settings = g_settings_new (APP_ID);
  backups = g_build_filename (dir, "backups", NULL);
  g_settings_set_string (settings, "backup-folder", backups);

  /* as with a large file: it opens without the check, which then runs in a worker, finds
   * the damage, and the application recovers; the person starts empty */
  gdn_database_set_sync_check_limit (0);
  g_assert_cmpint (run_app (&run, path, FALSE), ==, 0);
  gdn_database_set_sync_check_limit (GDN_DATABASE_SYNC_CHECK_LIMIT);

  g_assert_cmpstr (run.heading, ==, "The Database Is Damaged");
  g_assert_nonnull (strstr (run.body, "No backup that passes the check"));
  g_settings_reset (settings, "backup-folder");
  g_assert_cmpuint (run.n_windows, ==, 2);
  g_assert_cmpuint (run.n_checked, ==, 1);
  aside = find_aside (dir);
  g_assert_nonnull (aside);
  aside_sha = gdn_test_file_sha256 (aside);
  g_assert_cmpstr (aside_sha, ==, before);
  run_clear (&run);
}

/* ---- changed elsewhere ---- */

/* One kind of record page, and the text field the test changes on both sides */
typedef struct
{
  const char *uri;          /* for win.open-record */
  GType     (*record_type) (void);
  GType     (*page_type) (void);
  const char *row_title;    /* of the entry row in the page */
  const char *field;        /* that it edits */
  const char *save_action;
} ConflictPage;

static const ConflictPage order_page = {
  "orders:1", gdn_order_get_type, gdn_order_page_get_type, "Owner", "owner", "order.save"
};
static const ConflictPage customer_page = {
  "customers:1", gdn_customer_get_type, gdn_customer_page_get_type, "Owner", "owner",
  "customer.save"
};
static const ConflictPage case_page = {
  "cases:1", gdn_case_get_type, gdn_case_page_get_type, "Subject", "subject", "case-page.save"
};
static const ConflictPage shipment_page = {
  "shipments:1", gdn_shipment_get_type, gdn_shipment_page_get_type, "Carrier", "carrier",
  "shipment-page.save"
};
static const ConflictPage contract_page = {
  "contracts:1", gdn_contract_get_type, gdn_contract_page_get_type, "Title", "title",
  "contract-page.save"
};

typedef struct
{
  const ConflictPage *page;
  const char         *answer;
  const char         *expected;   /* the field in the database after the answer */
} Conflict;

static gboolean
dialog_shown (gpointer data)
{
  return gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
check_conflict (GdnApplication *app,
                GdnWindow      *window,
                gpointer        data)
{
  const Conflict *conflict = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnRecord) now = NULL;
  GdnStore *store = gdn_application_get_store (app);
  const char *path = gdn_database_get_path (gdn_store_get_database (store));
  const ConflictPage *kind = conflict->page;
  AdwMessageDialog *dialog;
  GtkWidget *page, *row, *save;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s", kind->uri);
  gdn_ui_test_settle ();
  page = gdn_ui_test_get_widget_of_type (GTK_WIDGET (window), kind->page_type ());
  g_assert_cmpint (gdn_record_page_get_record_id (GDN_RECORD_PAGE (page)), ==, 1);
  row = gdn_ui_test_find_widget (page, gdn_ui_test_is_entry_row_titled, kind->row_title);
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "王丽");
  gdn_ui_test_settle ();

  /* meanwhile gendan-cli (another connection, another program) changes the record */
  {
    g_autoptr(GdnDatabase) other = gdn_database_open (path, &error);
    g_autoptr(GdnStore) other_store = NULL;
    g_autoptr(GdnRecord) record = NULL;

    g_assert_no_error (error);
    other_store = gdn_store_new (other);
    record = gdn_store_get (other_store, kind->record_type (), 1, &error);
    g_assert_no_error (error);
    gdn_record_set_string (record, kind->field, "李强");
    gdn_store_update (other_store, record, &error);
    g_assert_no_error (error);
  }

  /* saving asks, and writes nothing until answered */
  g_assert_true (gtk_widget_activate_action (page, kind->save_action, NULL));
  gdn_ui_test_wait_for (dialog_shown, NULL);
  dialog = ADW_MESSAGE_DIALOG (gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed Elsewhere");
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  now = gdn_store_get (store, kind->record_type (), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (now, kind->field), ==, "李强");
  g_clear_object (&now);

  /* as a click does: the response, then the dialog closes */
  adw_message_dialog_response (dialog, conflict->answer);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gdn_ui_test_wait_for (dialog_gone, NULL);
  gdn_ui_test_settle ();

  now = gdn_store_get (store, kind->record_type (), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (now, kind->field), ==, conflict->expected);
  /* Reload shows the other change; Overwrite and Cancel keep what was typed, and only
   * Cancel leaves it unsaved */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==,
                   g_strcmp0 (conflict->answer, "reload") == 0 ? "李强" : "王丽");
  save = gdn_ui_test_find_widget (page, gdn_ui_test_has_action_name, kind->save_action);
  g_assert_nonnull (save);
  g_assert_cmpint (gtk_widget_is_sensitive (save), ==,
                   g_strcmp0 (conflict->answer, "cancel") == 0);
}

static void
test_changed_elsewhere (gconstpointer data)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  Run run = { .check = check_conflict, .data = (gpointer) data };

  if (!gdn_ui_test_have_display ())
    return;

  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, 3);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (gdn_database_exec (db, "INSERT INTO orders (order_no, customer_id, "
                                          "created_date, owner) VALUES ('XS202611010001', 1, "
                                          "'2026-11-01', '张伟');"
                                          "UPDATE customers SET owner = '张伟' WHERE id = 1;"
                                          "INSERT INTO cases (case_no, customer_id, type, "
                                          "opened_at, subject) VALUES ('SH202611010001', 1, "
                                          "'repair', '2026-11-01 09:00:00', '张伟');"
                                          "INSERT INTO shipments (order_id, carrier) "
                                          "VALUES (1, '张伟');"
                                          "INSERT INTO contracts (contract_no, customer_id, "
                                          "title) VALUES ('HT202611010001', 1, '张伟')",
                                      NULL));
  }
  g_assert_cmpint (run_app (&run, path, FALSE), ==, 0);
  g_assert_cmpuint (run.n_checked, ==, 1);
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  static const Conflict conflicts[] = {
    { &order_page, "reload", "李强" },
    { &order_page, "overwrite", "王丽" },
    { &customer_page, "reload", "李强" },
    { &customer_page, "overwrite", "王丽" },
    { &customer_page, "cancel", "李强" },
    { &case_page, "reload", "李强" },
    { &case_page, "overwrite", "王丽" },
    { &case_page, "cancel", "李强" },
    { &shipment_page, "reload", "李强" },
    { &shipment_page, "overwrite", "王丽" },
    { &contract_page, "reload", "李强" },
    { &contract_page, "overwrite", "王丽" },
  };

  /* as test-window: the "test" accessibility backend, no session bus of its own, and the
   * real XDG dirs (for the MIME database); each test makes its own temporary folder */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reliability-ui/read-only/option", test_read_only);
  g_test_add_func ("/reliability-ui/read-only/file-mode", test_read_only_file);
  g_test_add_func ("/reliability-ui/shared-drive/banner", test_shared_drive);
  g_test_add_func ("/reliability-ui/damaged/restore-backup", test_damaged_restore);
  g_test_add_func ("/reliability-ui/damaged/found-in-use", test_damaged_found_in_use);
  for (gsize i = 0; i < G_N_ELEMENTS (conflicts); i++)
    {
      g_autofree char *kind = g_strndup (conflicts[i].page->uri,
                                         strcspn (conflicts[i].page->uri, ":"));
      g_autofree char *name = g_strdup_printf ("/reliability-ui/changed-elsewhere/%s/%s",
                                               kind, conflicts[i].answer);

      g_test_add_data_func (name, &conflicts[i], test_changed_elsewhere);
    }

  return g_test_run ();
}

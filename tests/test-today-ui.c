/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-today-ui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-export-dialog.h"
#include "gdn-import-dialog.h"
#include "gdn-parse.h"
#include "gdn-preferences-dialog.h"
#include "gdn-reminder-dialog.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-today-view.h"
#include "gdn-window.h"

/* The Today section, the import and export dialogs and backup/restore, in the real app
 * in a real window (under Xvfb), driven the way a person would, and checked in the
 * database. The fixture's dates are relative to the real today: snoozing works from the
 * clock. */

static gboolean
is_today_view (GtkWidget     *widget,
               gconstpointer  data)
{
  return GDN_IS_TODAY_VIEW (widget);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget);
}

static gboolean
is_row_with_subtitle (GtkWidget     *widget,
                      gconstpointer  subtitle)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)), subtitle) == 0;
}

static gboolean
agenda_read (gpointer data)
{
  return !gdn_today_view_is_loading (data);
}

/* The agenda is read in a worker: waits for what it found to be shown */
static void
settle (GdnTodayView *view)
{
  gdn_ui_test_wait_for (agenda_read, view);
}

static GdnTodayView *
get_today_view (GtkWindow *window)
{
  GtkWidget *view = gdn_ui_test_find_widget (GTK_WIDGET (window), is_today_view, NULL);

  g_assert_nonnull (view);
  settle (GDN_TODAY_VIEW (view));
  return GDN_TODAY_VIEW (view);
}

/* The list box of a group: the n-th list box of the view (overdue, today, next 7 days) */
static GtkWidget *
group_list (GdnTodayView *view,
            guint         group)
{
  GtkWidget *lists[3] = { NULL };
  guint n = 0;
  GPtrArray *stack = g_ptr_array_new ();

  g_ptr_array_add (stack, view);
  /* depth first, in order */
  while (stack->len > 0 && n < 3)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);
      GPtrArray *children = g_ptr_array_new ();

      if (GTK_IS_LIST_BOX (w))
        {
          lists[n++] = w;
          g_ptr_array_unref (children);
          continue;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (children, c);
      for (guint i = children->len; i > 0; i--)
        g_ptr_array_add (stack, g_ptr_array_index (children, i - 1));
      g_ptr_array_unref (children);
    }
  g_ptr_array_unref (stack);
  g_assert_cmpuint (n, ==, 3);
  return lists[group];
}

static GtkWidget *
find_row (GdnTodayView *view,
          guint         group,
          const char   *title)
{
  return gdn_ui_test_find_widget (group_list (view, group), is_row_titled, title);
}

static void
set_entry (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = gdn_ui_test_find_widget (root, gdn_ui_test_is_entry_row_titled, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static char *
day (int offset)
{
  g_autofree char *today = gdn_today ();

  return gdn_date_add_days (today, offset);
}

/* ---- the fixture ---------------------------------------------------------------------- */

typedef struct
{
  char   *path;
  gint64  order_id;
  gint64  shipment_id;
} Fixture;

static void
fixture_init (Fixture *f)
{
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = day (-3);
  g_autofree char *eta = day (-1);
  g_autofree char *created = day (-30);
  g_autofree char *sql = NULL;

  f->path = gdn_test_tmp_path ("today.db");
  {
    g_autoptr(GdnDatabase) db = gdn_database_open (f->path, &error);

    g_assert_no_error (error);
    store = gdn_store_new (db);
  }
  sql = g_strdup_printf (
    "INSERT INTO customers (id, code, name) VALUES (1, 'C001', '华强电子');\n"
    "INSERT INTO orders (id, order_no, customer_id, status, created_date, promised_date,"
    " payment_due) VALUES (1, 'SO-001', 1, 'confirmed', '%s', '%s', '%s'),"
    " (2, 'SO-002', 1, 'shipped', '%s', '%s', NULL);\n"
    "INSERT INTO shipments (id, order_id, carrier, tracking_no, eta, status)"
    " VALUES (1, 2, '顺丰', 'SF100', '%s', 'in_transit');\n",
    created, due, due, created, eta, eta);
  g_assert_true (gdn_database_exec (gdn_store_get_database (store), sql, &error));
  g_assert_no_error (error);
  f->order_id = 1;
  f->shipment_id = 1;
}

static void
fixture_clear (Fixture *f)
{
  g_free (f->path);
}

static gint64
count (GdnApplication *app,
       const char     *sql)
{
  return gdn_test_count (gdn_application_get_store (app), sql);
}

/* ---- Today: done, snooze, new reminder -------------------------------------------- */

static void
check_agenda (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  GdnTodayView *view = get_today_view (window);
  GtkWidget *row, *done, *menu;
  GtkWidget *dialog;
  g_autofree char *expected_day = day (1);

  /* the window opens on Today, which lists what is overdue */
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "today");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (view)));
  row = find_row (view, 0, "Payment due for order SO-001");
  g_assert_nonnull (row);
  g_assert_nonnull (find_row (view, 0, "Shipment of order SO-002 to arrive"));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Payment due for order SO-001");

  /* Done (its button has a name of its own) takes it off the list, and records it */
  done = gdn_ui_test_find_widget (row, has_action_name, "today.done");
  g_assert_nonnull (done);
  gtk_test_accessible_assert_property (done, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Mark “Payment due for order SO-001” as done");
  g_signal_emit_by_name (done, "clicked");
  g_assert_cmpint (count (app, "SELECT count(*) FROM reminders WHERE kind = 'payment_due'"
                               " AND source_id = 1 AND done_at IS NOT NULL"), ==, 1);
  g_assert_null (find_row (view, 0, "Payment due for order SO-001"));
  g_assert_null (find_row (view, 1, "Payment due for order SO-001"));
  g_assert_null (find_row (view, 2, "Payment due for order SO-001"));

  /* Snooze for a day, as the menu of the row does: it moves to tomorrow */
  row = find_row (view, 0, "Shipment of order SO-002 to arrive");
  menu = gdn_ui_test_find_widget (row, is_menu_button, NULL);
  g_assert_nonnull (menu);
  gtk_test_accessible_assert_property (menu, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Snooze “Shipment of order SO-002 to arrive”");
  g_assert_true (gtk_widget_activate_action (menu, "today.snooze-day", "s", "eta:1"));
  g_assert_null (find_row (view, 0, "Shipment of order SO-002 to arrive"));
  settle (view);
  g_assert_nonnull (find_row (view, 2, "Shipment of order SO-002 to arrive"));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM reminders WHERE kind = 'eta'"
                                            " AND source_id = 1 AND snoozed_until ="
                                            " '%s 00:00:00'", expected_day);
    g_assert_cmpint (count (app, sql), ==, 1);
  }

  /* Ctrl+N on Today: a new reminder; a title is required, and nothing is saved without */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  dialog = GTK_WIDGET (gdn_ui_test_find_visible_toplevel (GDN_TYPE_REMINDER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "reminder.save", NULL));
  g_assert_true (gtk_widget_has_css_class (gdn_ui_test_find_widget (dialog, gdn_ui_test_is_entry_row_titled, "Title"),
                                           "error"));
  g_assert_cmpint (count (app, "SELECT count(*) FROM reminders WHERE kind = 'custom'"), ==, 0);

  set_entry (dialog, "Title", "回访王经理");
  set_entry (dialog, "Time (HH:MM, empty for the whole day)", "25:99");
  g_assert_true (gtk_widget_activate_action (dialog, "reminder.save", NULL));
  g_assert_cmpint (count (app, "SELECT count(*) FROM reminders WHERE kind = 'custom'"), ==, 0);
  g_assert_true (gtk_widget_has_css_class (gdn_ui_test_find_widget (dialog, gdn_ui_test_is_entry_row_titled,
                                                        "Time (HH:MM, empty for the whole day)"),
                                           "error"));
  set_entry (dialog, "Time (HH:MM, empty for the whole day)", "");
  g_assert_true (gtk_widget_activate_action (dialog, "reminder.save", NULL));
  g_assert_cmpint (count (app, "SELECT count(*) FROM reminders WHERE kind = 'custom'"
                               " AND title = '回访王经理' AND due_at = date('now','localtime')"
                               " || ' 00:00:00'"), ==, 1);
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_REMINDER_DIALOG));

  /* the view follows the store: the reminder is due today */
  gdn_today_view_refresh (view);
  settle (view);
  g_assert_nonnull (find_row (view, 1, "回访王经理"));
}

static void
check_reloaded (GdnApplication *app,
                GtkWindow      *window,
                gpointer        data)
{
  GdnTodayView *view = get_today_view (window);

  /* done stays done, snoozed stays moved */
  for (guint g = 0; g < 3; g++)
    g_assert_null (find_row (view, g, "Payment due for order SO-001"));
  g_assert_nonnull (find_row (view, 2, "Shipment of order SO-002 to arrive"));
  g_assert_nonnull (find_row (view, 1, "回访王经理"));
}

static void
test_agenda (void)
{
  Fixture f;

  if (!gdn_ui_test_have_display ())
    return;
  fixture_init (&f);
  g_assert_cmpint (gdn_ui_test_run_app_full (f.path, GDN_TYPE_WINDOW, check_agenda, NULL), ==, 0);
  g_assert_cmpint (gdn_ui_test_run_app_full (f.path, GDN_TYPE_WINDOW, check_reloaded, NULL), ==, 0);
  fixture_clear (&f);
}

/* A file with more overdue dates than the list shows at first */
static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static void
check_many (GdnApplication *app,
            GtkWindow      *window,
            gpointer        data)
{
  GdnTodayView *view = get_today_view (window);
  GtkWidget *overdue = group_list (view, 0);
  GtkWidget *more;
  GdnStore *store = gdn_application_get_store (app);
  g_autoptr(GError) error = NULL;

  /* the first 20, and a row to show more */
  g_assert_cmpuint (count_rows (overdue), ==, 21);
  more = gdn_ui_test_find_widget (overdue, has_action_name, "today.show-all");
  g_assert_nonnull (more);
  gtk_test_accessible_assert_property (more, GTK_ACCESSIBLE_PROPERTY_LABEL, "Show 200 More");

  /* 200 more at a time, at once: what was read is shown, nothing is read again */
  g_assert_true (gtk_widget_activate_action (more, "today.show-all", "i", 0));
  g_assert_false (gdn_today_view_is_loading (view));
  g_assert_cmpuint (count_rows (overdue), ==, 221);
  more = gdn_ui_test_find_widget (overdue, has_action_name, "today.show-all");
  gtk_test_accessible_assert_property (more, GTK_ACCESSIBLE_PROPERTY_LABEL, "Show 30 More");
  g_assert_true (gtk_widget_activate_action (more, "today.show-all", "i", 0));
  g_assert_cmpuint (count_rows (overdue), ==, 250);
  g_assert_null (gdn_ui_test_find_widget (overdue, has_action_name, "today.show-all"));

  /* a change while the agenda is read: read once more when that read is done */
  gdn_today_view_refresh (view);
  g_assert_true (gdn_today_view_is_loading (view));
  g_assert_true (gdn_database_exec (gdn_store_get_database (store),
                                    "INSERT INTO reminders (kind, title, due_at) VALUES"
                                    " ('custom', '寄样品给华强', datetime('now', 'localtime',"
                                    " '-1 hour'))", &error));
  g_assert_no_error (error);
  gdn_today_view_refresh (view);
  settle (view);
  g_assert_nonnull (find_row (view, 0, "寄样品给华强"));
}

static void
test_many (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = day (-5);
  g_autofree char *sql = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("many.db");
  {
    g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

    g_assert_no_error (error);
    sql = g_strdup_printf (
      "INSERT INTO customers (id, code, name) VALUES (1, 'C001', '华强电子');\n"
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)"
      " INSERT INTO orders (order_no, customer_id, status, created_date, payment_due)"
      " SELECT printf('SO-%%04d', i), 1, 'delivered', '%s', '%s' FROM n;",
      due, due);
    g_assert_true (gdn_database_exec (db, sql, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_many, NULL), ==, 0);
}

/* An empty file: the empty state offers to import */
static void
check_empty (GdnApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  GdnTodayView *view = get_today_view (window);
  GtkWidget *import = gdn_ui_test_find_widget (GTK_WIDGET (view), has_action_name, "app.import");
  GtkWidget *page;

  g_assert_cmpuint (gdn_today_view_get_entries (view)->len, ==, 0);
  g_assert_nonnull (import);
  g_assert_true (gtk_widget_get_visible (import));
  page = gtk_widget_get_ancestor (import, ADW_TYPE_STATUS_PAGE);
  g_assert_true (gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_parent (page))) == page);
}

static void
test_empty (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("empty.db");
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_empty, NULL), ==, 0);
}

/* ---- import ------------------------------------------------------------------------- */

static gboolean
import_settled (gpointer data)
{
  GdnImportDialogState state = gdn_import_dialog_get_state (data);

  return state != GDN_IMPORT_DIALOG_CHECKING && state != GDN_IMPORT_DIALOG_IMPORTING;
}

static GFile *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *path = gdn_test_tmp_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  return g_file_new_for_path (path);
}

static void
check_import (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  g_autoptr(GFile) good = write_file ("customers.csv",
                                      "客户编码,客户名称,客户等级\n"
                                      "C101,杭州西湖丝绸有限公司,A\n"
                                      "C102,成都天府软件园科技有限公司,B\n");
  g_autoptr(GFile) bad = write_file ("bad.csv",
                                     "code,name,tier\n"
                                     "C201,温州瓯海眼镜配件有限公司,X\n"
                                     "C202,,B\n");
  g_autoptr(GFile) missing = write_file ("missing.csv", "name\n华强电子\n");
  GdnImportDialog *dialog;
  GtkWidget *problems;

  /* the main menu's Import… */
  g_action_group_activate_action (G_ACTION_GROUP (app), "import", NULL);
  dialog = GDN_IMPORT_DIALOG (gdn_ui_test_find_visible_toplevel (GDN_TYPE_IMPORT_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);
  g_assert_cmpint (gdn_import_dialog_get_state (dialog), ==, GDN_IMPORT_DIALOG_EMPTY);
  gdn_import_dialog_set_kind (dialog, "customers");

  /* a refused file: every problem by line, and nothing written */
  gdn_import_dialog_set_file (dialog, bad);
  gdn_ui_test_wait_for (import_settled, dialog);
  g_assert_cmpint (gdn_import_dialog_get_state (dialog), ==, GDN_IMPORT_DIALOG_REFUSED);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL) &&
                  gdn_import_dialog_get_state (dialog) != GDN_IMPORT_DIALOG_REFUSED);
  problems = gdn_ui_test_find_widget (GTK_WIDGET (dialog), is_row_with_subtitle, "Line 2, column “tier”");
  g_assert_nonnull (problems);
  g_assert_true (gtk_widget_is_visible (problems));
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (dialog), is_row_with_subtitle,
                                 "Line 3, column “name”"));
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers"), ==, 0);

  /* a missing column is said at once */
  gdn_import_dialog_set_file (dialog, missing);
  gdn_ui_test_wait_for (import_settled, dialog);
  g_assert_cmpint (gdn_import_dialog_get_state (dialog), ==, GDN_IMPORT_DIALOG_REFUSED);

  /* a good file: checked, then imported */
  gdn_import_dialog_set_file (dialog, good);
  gdn_ui_test_wait_for (import_settled, dialog);
  g_assert_cmpint (gdn_import_dialog_get_state (dialog), ==, GDN_IMPORT_DIALOG_READY);
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers"), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  gdn_ui_test_wait_for (import_settled, dialog);
  g_assert_cmpint (gdn_import_dialog_get_state (dialog), ==, GDN_IMPORT_DIALOG_DONE);
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers WHERE code IN ('C101', 'C102')"),
                   ==, 2);
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers WHERE code = 'C101'"
                               " AND tier = 'A'"), ==, 1);
  gtk_window_close (GTK_WINDOW (dialog));
  gdn_ui_test_spin (50);
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_IMPORT_DIALOG));
}

static void
test_import (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("import.db");
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_import, NULL), ==, 0);
}

/* ---- export ------------------------------------------------------------------------- */

static gboolean
export_settled (gpointer data)
{
  return gdn_export_dialog_get_state (data) != GDN_EXPORT_DIALOG_EXPORTING;
}

static void
check_export (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  const char *dir = data;
  g_autofree char *csv = g_build_filename (dir, "orders-out", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "orders.xlsx", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr(GFile) xlsx_file = g_file_new_for_path (xlsx);
  g_autoptr(GdnExportDialog) dialog = NULL;
  g_autofree char *contents = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "export", NULL);
  dialog = g_object_ref (GDN_EXPORT_DIALOG (gdn_ui_test_find_visible_toplevel (GDN_TYPE_EXPORT_DIALOG)));
  gdn_export_dialog_set_kind (dialog, "orders");
  gdn_export_dialog_set_xlsx (dialog, FALSE);
  gdn_export_dialog_export_to (dialog, csv_file);
  gdn_ui_test_wait_for (export_settled, dialog);
  g_assert_cmpint (gdn_export_dialog_get_state (dialog), ==, GDN_EXPORT_DIALOG_DONE);
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_EXPORT_DIALOG));

  /* the format's suffix is added; the headers are English by default in English */
  g_clear_pointer (&csv, g_free);
  csv = g_build_filename (dir, "orders-out.csv", NULL);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "order_no,") ||
                 g_str_has_prefix (contents, "\xef\xbb\xbforder_no,"));
  g_assert_nonnull (strstr (contents, "SO-001"));

  g_clear_object (&dialog);
  g_action_group_activate_action (G_ACTION_GROUP (app), "export", NULL);
  dialog = g_object_ref (GDN_EXPORT_DIALOG (gdn_ui_test_find_visible_toplevel (GDN_TYPE_EXPORT_DIALOG)));
  gdn_export_dialog_set_kind (dialog, "customers");
  gdn_export_dialog_set_xlsx (dialog, TRUE);
  gdn_export_dialog_export_to (dialog, xlsx_file);
  gdn_ui_test_wait_for (export_settled, dialog);
  g_assert_cmpint (gdn_export_dialog_get_state (dialog), ==, GDN_EXPORT_DIALOG_DONE);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_IS_REGULAR));
}

static void
test_export (void)
{
  Fixture f;
  g_autofree char *dir = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  fixture_init (&f);
  dir = g_path_get_dirname (f.path);
  g_assert_cmpint (gdn_ui_test_run_app_full (f.path, GDN_TYPE_WINDOW, check_export, dir), ==, 0);
  fixture_clear (&f);
}

/* ---- backup and restore ------------------------------------------------------------- */

typedef struct
{
  const char *folder;
  char       *backup;
} BackupCheck;

static char *
find_backup (const char *folder,
             gboolean    daily)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "gendan-") && g_str_has_suffix (name, ".db") &&
        (strlen (name) == strlen ("gendan-YYYY-MM-DD.db")) == daily)
      return g_build_filename (folder, name, NULL);
  return NULL;
}

static gboolean
has_manual_backup (gpointer data)
{
  g_autofree char *path = find_backup (data, FALSE);

  return path != NULL;
}

static gboolean
has_daily_backup (gpointer data)
{
  g_autofree char *path = find_backup (data, TRUE);

  return path != NULL;
}

static void
check_backup (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  BackupCheck *check = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  GtkWindow *prefs;
  GtkWindow *new_window;
  GtkWindow *old_window;

  /* Preferences → Back up now */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = gdn_ui_test_find_visible_toplevel (GDN_TYPE_PREFERENCES_DIALOG);
  g_assert_nonnull (prefs);
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (prefs), has_action_name, "prefs.restore"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (prefs), "prefs.backup", NULL));
  gdn_ui_test_wait_for (has_manual_backup, (gpointer) check->folder);
  backup = find_backup (check->folder, FALSE);
  gdn_ui_test_spin (200);
  gtk_window_destroy (prefs);

  /* the daily one, into the same folder, once */
  g_assert_true (gdn_application_backup_daily (app));
  gdn_ui_test_wait_for (has_daily_backup, (gpointer) check->folder);
  g_assert_false (gdn_application_backup_daily (app));

  /* a change after the backup, then the backup put back: the change is gone */
  g_assert_true (gdn_database_exec (gdn_store_get_database (gdn_application_get_store (app)),
                                    "INSERT INTO customers (code, name) VALUES ('C999', '新客户')",
                                    &error));
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers"), ==, 2);

  /* a file that is no backup is refused before anything closes */
  {
    g_autofree char *junk = gdn_test_tmp_path ("junk.db");

    g_assert_true (g_file_set_contents (junk, "not a database", -1, NULL));
    g_assert_false (gdn_application_restore_backup (app, junk, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_true (gdn_ui_test_find_visible_toplevel (GDN_TYPE_WINDOW) == window);
  }

  /* the restore frees the window (it lets go of the store, so that SQLite closes the file):
   * watched through a weak pointer, since the new window may well take its address */
  old_window = window;
  g_object_add_weak_pointer (G_OBJECT (old_window), (gpointer *) &old_window);
  g_assert_true (gdn_application_restore_backup (app, backup, &error));
  g_assert_no_error (error);
  g_assert_null (old_window);
  g_assert_cmpint (count (app, "SELECT count(*) FROM customers"), ==, 1);
  new_window = gdn_ui_test_find_visible_toplevel (GDN_TYPE_WINDOW);
  g_assert_nonnull (new_window);
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (new_window), is_today_view, NULL));
}

static void
test_backup_restore (void)
{
  Fixture f;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDir) listing = NULL;
  BackupCheck check;
  const char *name;
  gboolean kept = FALSE;

  if (!gdn_ui_test_have_display ())
    return;
  fixture_init (&f);
  dir = g_path_get_dirname (f.path);
  folder = g_build_filename (dir, "backups", NULL);
  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "backup-folder", folder);

  check.folder = folder;
  check.backup = NULL;
  g_assert_cmpint (gdn_ui_test_run_app_full (f.path, GDN_TYPE_WINDOW, check_backup, &check), ==, 0);

  /* the replaced database was kept beside it */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    kept |= g_str_has_prefix (name, "today.db.before-restore-");
  g_assert_true (kept);

  g_settings_reset (settings, "backup-folder");
  fixture_clear (&f);
}

int
main (int   argc,
      char *argv[])
{
  /* as in test-window: the "test" accessibility backend, and no session bus of our own */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/today-ui/agenda", test_agenda);
  g_test_add_func ("/today-ui/empty", test_empty);
  g_test_add_func ("/today-ui/many", test_many);
  g_test_add_func ("/today-ui/import", test_import);
  g_test_add_func ("/today-ui/export", test_export);
  g_test_add_func ("/today-ui/backup-restore", test_backup_restore);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gdn-query-model.h"
#include "gdn-ui-test-utils.h"

void
gdn_ui_test_init (int    *argc,
                  char ***argv)
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

gboolean
gdn_ui_test_have_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return TRUE;
  g_test_skip ("no display (run under Xvfb)");
  return FALSE;
}

/* ---- the main loop ------------------------------------------------------------------- */

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
gdn_ui_test_wait_for (GdnUiTestCondition cond,
                      gpointer           data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, tick_cb, NULL);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
}

void
gdn_ui_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint tick = g_timeout_add (5, tick_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

void
gdn_ui_test_settle (void)
{
  for (int i = 0; i < 20 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

gboolean
gdn_ui_test_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

gboolean
gdn_ui_test_counts_all_rows (gpointer model)
{
  return gdn_query_model_get_first_rows (model) == 0;
}

/* ---- running the application --------------------------------------------------------- */

typedef struct
{
  GdnApplication     *app;
  GType               window_type;
  GdnUiTestCheckFunc  check;
  gpointer            data;
  GtkWindow          *window;
  gboolean            checked;
} AppRun;

static gboolean
run_check_cb (gpointer user_data)
{
  AppRun *run = user_data;

  if (!gtk_widget_get_mapped (GTK_WIDGET (run->window)))
    return G_SOURCE_CONTINUE;

  run->check (run->app, run->window, run->data);
  run->checked = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_window_added_cb (GtkApplication *application,
                    GtkWindow      *window,
                    AppRun         *run)
{
  if (run->window != NULL || !G_TYPE_CHECK_INSTANCE_TYPE (window, run->window_type))
    return;
  run->window = window;
  g_timeout_add (10, run_check_cb, run);
}

static gboolean
give_up_cb (gpointer data)
{
  g_error ("the application did not finish in time");
  return G_SOURCE_REMOVE;
}

int
gdn_ui_test_run_app_full (const char         *db_path,
                          GType               window_type,
                          GdnUiTestCheckFunc  check,
                          gpointer            data)
{
  g_autoptr(GdnApplication) app = gdn_application_new ();
  char *argv[] = { (char *) "gendan", (char *) "--database", (char *) db_path, NULL };
  AppRun run = { app, window_type, check, data, NULL, FALSE };
  guint give_up;
  int status;

  /* Several instances run one after the other in this process */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), &run);

  give_up = g_timeout_add_seconds (120, give_up_cb, NULL);
  status = g_application_run (G_APPLICATION (app), 3, argv);
  g_source_remove (give_up);

  g_assert_true (run.checked);
  return status;
}

int
gdn_ui_test_run_app (const char         *db_path,
                     GdnUiTestCheckFunc  check,
                     gpointer            data)
{
  return gdn_ui_test_run_app_full (db_path, GTK_TYPE_WINDOW, check, data);
}

/* ---- toplevels ----------------------------------------------------------------------- */

static GtkWindow *
find_toplevel (GType    type,
               gboolean visible_only)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          (!visible_only || gtk_widget_get_visible (GTK_WIDGET (window))))
        return window;
    }
  return NULL;
}

GtkWindow *
gdn_ui_test_find_toplevel (GType type)
{
  return find_toplevel (type, FALSE);
}

GtkWindow *
gdn_ui_test_find_visible_toplevel (GType type)
{
  return find_toplevel (type, TRUE);
}

/* ---- finding widgets ----------------------------------------------------------------- */

GtkWidget *
gdn_ui_test_find_widget (GtkWidget                *root,
                         GdnUiTestWidgetPredicate  predicate,
                         gconstpointer             data)
{
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gdn_ui_test_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
gdn_ui_test_get_widget_of_type (GtkWidget *root,
                                GType      type)
{
  GtkWidget *widget = gdn_ui_test_find_widget (root, gdn_ui_test_is_of_type,
                                               GSIZE_TO_POINTER (type));

  if (widget == NULL)
    g_error ("no %s", g_type_name (type));
  return widget;
}

gboolean
gdn_ui_test_is_of_type (GtkWidget     *widget,
                        gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

gboolean
gdn_ui_test_is_row_titled (GtkWidget     *widget,
                           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
gdn_ui_test_is_entry_row_titled (GtkWidget     *widget,
                                 gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

gboolean
gdn_ui_test_is_button_labelled (GtkWidget     *widget,
                                gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

gboolean
gdn_ui_test_has_action_name (GtkWidget     *widget,
                             gconstpointer  action_name)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-application.h"

G_BEGIN_DECLS

/* The harness of the UI tests: the real application in a real window (under Xvfb). */

/* Sets up a UI test program: the "test" accessibility backend (every property readable,
 * no AT-SPI bus), no session bus of its own unless one is given, the user's locale; then
 * g_test_init() */
void         gdn_ui_test_init                     (int                *argc,
                                                   char             ***argv);

/* Skips the current test (and returns FALSE) when there is no display to show windows on */
gboolean     gdn_ui_test_have_display             (void);

/* ---- the main loop ---- */

typedef gboolean (*GdnUiTestCondition) (gpointer data);

/* Runs the main loop until @cond holds, failing after 20 s */
void         gdn_ui_test_wait_for                 (GdnUiTestCondition  cond,
                                                   gpointer            data);
/* Runs the main loop for @ms milliseconds */
void         gdn_ui_test_spin                     (guint               ms);
/* Lets pending idles (refreshes, redraws) run */
void         gdn_ui_test_settle                   (void);
/* A GdnUiTestCondition: @widget is mapped */
gboolean     gdn_ui_test_is_mapped                (gpointer            widget);
/* A GdnUiTestCondition: the GdnQueryModel @model counts all its rows, past a view's first
 * frames (gdn_query_model_set_first_rows()) */
gboolean     gdn_ui_test_counts_all_rows          (gpointer            model);

/* ---- running the application ---- */

typedef void (*GdnUiTestCheckFunc) (GdnApplication *app,
                                    GtkWindow      *window,
                                    gpointer        data);

/* Runs a GdnApplication on @db_path (g_application_run with --database); @check runs
 * once the first window of @window_type the application adds is mapped, then the
 * application quits. Asserts that @check ran. Returns: the exit status */
int          gdn_ui_test_run_app_full             (const char         *db_path,
                                                   GType               window_type,
                                                   GdnUiTestCheckFunc  check,
                                                   gpointer            data);
/* The same, in the first window of any type (a main window, or an error dialog) */
int          gdn_ui_test_run_app                  (const char         *db_path,
                                                   GdnUiTestCheckFunc  check,
                                                   gpointer            data);

/* ---- toplevels ---- */

/* Dialogs are transient for the window, not windows of the application: the first
 * toplevel of @type, shown or not */
GtkWindow   *gdn_ui_test_find_toplevel            (GType               type);
/* The first visible toplevel of @type */
GtkWindow   *gdn_ui_test_find_visible_toplevel    (GType               type);

/* ---- finding widgets ---- */

typedef gboolean (*GdnUiTestWidgetPredicate) (GtkWidget     *widget,
                                              gconstpointer  data);

/* Depth first, @root included; Returns: (nullable): the first widget @predicate accepts */
GtkWidget   *gdn_ui_test_find_widget              (GtkWidget                *root,
                                                   GdnUiTestWidgetPredicate  predicate,
                                                   gconstpointer             data);
/* The first widget of @type under @root; fails the test if there is none */
GtkWidget   *gdn_ui_test_get_widget_of_type       (GtkWidget                *root,
                                                   GType                     type);

/* Predicates; the data is GSIZE_TO_POINTER (type), a title, a label or an action name */
gboolean     gdn_ui_test_is_of_type               (GtkWidget     *widget,
                                                   gconstpointer  type);
/* A visible AdwPreferencesRow of that title */
gboolean     gdn_ui_test_is_row_titled            (GtkWidget     *widget,
                                                   gconstpointer  title);
gboolean     gdn_ui_test_is_entry_row_titled      (GtkWidget     *widget,
                                                   gconstpointer  title);
/* A visible GtkButton of that label */
gboolean     gdn_ui_test_is_button_labelled       (GtkWidget     *widget,
                                                   gconstpointer  label);
/* A GtkButton bound to that action */
gboolean     gdn_ui_test_has_action_name          (GtkWidget     *widget,
                                                   gconstpointer  action_name);

G_END_DECLS

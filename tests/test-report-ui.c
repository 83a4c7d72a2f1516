/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gdn-database.h"
#include "gdn-demo.h"
#include "gdn-parse.h"
#include "gdn-report-dialog.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"

/* The Work Report dialog in the real application: opened by win.report (Ctrl+P, the primary
 * menu), a period filled in, a custom range checked, and the PDF written off the main
 * thread. */

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_IS_REGULAR);
}

/* The message under the description says the file was saved, not an error. */
static gboolean
saved_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && !gtk_widget_has_css_class (data, "error") &&
         strlen (gtk_label_get_text (GTK_LABEL (data))) > 0;
}

static gboolean
is_label (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") == GPOINTER_TO_INT (data)
         && gtk_widget_get_visible (widget) && gtk_label_get_selectable (GTK_LABEL (widget));
}

static void
check_report_dialog (GdnApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  const char *pdf = data;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  GtkWindow *dialog;
  GtkWidget *from_row, *to_row, *period_row, *message;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_null (gdn_ui_test_find_toplevel (GDN_TYPE_REPORT_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.report", NULL));
  dialog = gdn_ui_test_find_toplevel (GDN_TYPE_REPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, dialog);

  /* a usual period is filled in: a whole week */
  g_assert_true (gdn_report_dialog_get_period (GDN_REPORT_DIALOG (dialog), &from, &to));
  g_assert_cmpint (gdn_date_to_julian (to) - gdn_date_to_julian (from), ==, 6);

  period_row = gdn_ui_test_find_widget (GTK_WIDGET (dialog), gdn_ui_test_is_row_titled,
                                        "P_eriod");
  from_row = gdn_ui_test_find_widget (GTK_WIDGET (dialog), gdn_ui_test_is_entry_row_titled,
                                      "_From");
  to_row = gdn_ui_test_find_widget (GTK_WIDGET (dialog), gdn_ui_test_is_entry_row_titled,
                                    "_To");
  g_assert_nonnull (period_row);
  g_assert_nonnull (from_row);
  g_assert_nonnull (to_row);
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (dialog),
                                             gdn_ui_test_has_action_name, "report.preview"));
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (dialog),
                                             gdn_ui_test_has_action_name, "report.print"));
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (dialog),
                                             gdn_ui_test_has_action_name, "report.save"));

  /* last month: the dates follow the choice */
  adw_combo_row_set_selected (ADW_COMBO_ROW (period_row), 3);
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (gdn_report_dialog_get_period (GDN_REPORT_DIALOG (dialog), &from, &to));
  g_assert_true (g_str_has_suffix (from, "-01"));

  /* typing a date makes the range a custom one; the wrong way round it is refused, and
   * nothing is written */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2026-06-30");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (period_row)), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (to_row), "2026-06-01");
  g_assert_false (gdn_report_dialog_get_period (GDN_REPORT_DIALOG (dialog), &from, &to));
  gdn_report_dialog_save_to (GDN_REPORT_DIALOG (dialog), file);
  message = gdn_ui_test_find_widget (GTK_WIDGET (dialog), is_label, GINT_TO_POINTER (TRUE));
  g_assert_nonnull (message);
  gdn_ui_test_spin (200);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* a month of the demo data, in the forms people type */
  gtk_editable_set_text (GTK_EDITABLE (from_row), "2026/6/1");
  gtk_editable_set_text (GTK_EDITABLE (to_row), "2026年6月30日");
  gdn_report_dialog_save_to (GDN_REPORT_DIALOG (dialog), file);
  gdn_ui_test_wait_for (file_exists, (gpointer) pdf);
  gdn_ui_test_wait_for (saved_shown, message);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), pdf));

  g_assert_true (g_file_get_contents (pdf, &contents, &len, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (len, >, 10000);

  gtk_window_close (dialog);
}

static void
test_report_dialog (void)
{
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("gendan.db");
  pdf = gdn_test_tmp_path ("report.pdf");
  {
    g_autoptr(GdnDatabase) database = gdn_database_open (path, NULL);
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (database);
    g_assert_true (gdn_demo_generate (database, 3, 300, "2026-06-30", NULL, NULL, NULL,
                                      &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (gdn_ui_test_run_app_full (path, GDN_TYPE_WINDOW, check_report_dialog, pdf),
                   ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gdn_ui_test_init (&argc, &argv);

  g_test_add_func ("/report-dialog/save", test_report_dialog);

  return g_test_run ();
}

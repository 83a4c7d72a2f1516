/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-file-save"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-file-save.h"

/**
 * gdn_file_save_chooser_new:
 * @parent: the widget whose window the chooser is modal for
 * @title: the chooser's title
 * @accept_label: its button that saves, e.g. "_Save"
 * @name: the file name it offers
 * @first_filter_name: the name of the first file filter, then its suffix (without the
 *   dot), then more pairs of a name and a suffix, ending with %NULL
 *
 * A modal chooser that asks where to save a file; show it once its "response" is
 * connected, and read the file with gdn_file_save_get_file().
 *
 * Returns: (transfer full): the chooser
 */
GtkFileChooserNative *
gdn_file_save_chooser_new (GtkWidget  *parent,
                           const char *title,
                           const char *accept_label,
                           const char *name,
                           const char *first_filter_name,
                           ...)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  GtkFileChooserNative *chooser;
  va_list args;

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  va_start (args, first_filter_name);
  for (const char *filter_name = first_filter_name; filter_name != NULL;
       filter_name = va_arg (args, const char *))
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, filter_name);
      gtk_file_filter_add_suffix (filter, va_arg (args, const char *));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  va_end (args);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

/**
 * gdn_file_save_get_file:
 * @chooser: a chooser from gdn_file_save_chooser_new()
 * @response: the response it gave
 *
 * Returns: (transfer full) (nullable): the file to save to, or %NULL when none was chosen
 */
GFile *
gdn_file_save_get_file (GtkNativeDialog *chooser,
                        int              response)
{
  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;
  return gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
}

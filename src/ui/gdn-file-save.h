/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkFileChooserNative *gdn_file_save_chooser_new (GtkWidget  *parent,
                                                 const char *title,
                                                 const char *accept_label,
                                                 const char *name,
                                                 const char *first_filter_name,
                                                 ...) G_GNUC_NULL_TERMINATED;

GFile                *gdn_file_save_get_file    (GtkNativeDialog *chooser,
                                                 int              response);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void gdn_tooltip_set_quietly (GtkWidget  *widget,
                              const char *text);

G_END_DECLS

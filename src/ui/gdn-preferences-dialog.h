/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define GDN_TYPE_PREFERENCES_DIALOG (gdn_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnPreferencesDialog, gdn_preferences_dialog, GDN, PREFERENCES_DIALOG,
                      AdwPreferencesWindow)

GdnPreferencesDialog *gdn_preferences_dialog_new (GtkWindow *parent);

G_END_DECLS

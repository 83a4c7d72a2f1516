/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTACT_DIALOG (gdn_contact_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnContactDialog, gdn_contact_dialog, GDN, CONTACT_DIALOG, AdwWindow)

GtkWidget *gdn_contact_dialog_new (GtkWindow *parent,
                                   GdnStore  *store,
                                   gint64     customer_id,
                                   gint64     contact_id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_INTERACTION_DIALOG (gdn_interaction_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnInteractionDialog, gdn_interaction_dialog, GDN, INTERACTION_DIALOG,
                      AdwWindow)

GtkWidget *gdn_interaction_dialog_new         (GtkWindow            *parent,
                                               GdnStore             *store,
                                               gint64                customer_id);
void       gdn_interaction_dialog_set_order   (GdnInteractionDialog *self,
                                               gint64                order_id);
void       gdn_interaction_dialog_set_case    (GdnInteractionDialog *self,
                                               gint64                case_id);
void       gdn_interaction_dialog_set_contact (GdnInteractionDialog *self,
                                               gint64                contact_id);

G_END_DECLS

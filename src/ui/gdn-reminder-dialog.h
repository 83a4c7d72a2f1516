/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_REMINDER_DIALOG (gdn_reminder_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnReminderDialog, gdn_reminder_dialog, GDN, REMINDER_DIALOG, AdwWindow)

GtkWidget *gdn_reminder_dialog_new           (GtkWindow         *parent,
                                              GdnStore          *store);
void       gdn_reminder_dialog_set_customer  (GdnReminderDialog *self,
                                              gint64             customer_id);

G_END_DECLS

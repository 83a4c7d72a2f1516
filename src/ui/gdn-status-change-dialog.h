/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-order.h"

G_BEGIN_DECLS

#define GDN_TYPE_STATUS_CHANGE_DIALOG (gdn_status_change_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnStatusChangeDialog, gdn_status_change_dialog, GDN,
                      STATUS_CHANGE_DIALOG, AdwWindow)

const char            *gdn_status_change_dialog_action_label      (const char             *from,
                                                                    const char             *to);
GdnStatusChangeDialog *gdn_status_change_dialog_new               (GtkWindow              *parent,
                                                                    GdnOrder               *order,
                                                                    const char             *to);
const char            *gdn_status_change_dialog_get_target        (GdnStatusChangeDialog  *self);
char                  *gdn_status_change_dialog_get_note          (GdnStatusChangeDialog  *self);
int                    gdn_status_change_dialog_get_progress      (GdnStatusChangeDialog  *self);
char                  *gdn_status_change_dialog_get_delivered_date (GdnStatusChangeDialog *self,
                                                                    GError                **error);
const char            *gdn_status_change_dialog_get_delay_reason  (GdnStatusChangeDialog  *self);
gboolean               gdn_status_change_dialog_show_error        (GdnStatusChangeDialog  *self,
                                                                    const GError           *error);

G_END_DECLS

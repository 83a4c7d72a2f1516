/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-order.h"
#include "gdn-shipment.h"

G_BEGIN_DECLS

#define GDN_TYPE_SHIP_DIALOG (gdn_ship_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnShipDialog, gdn_ship_dialog, GDN, SHIP_DIALOG, AdwWindow)

GdnShipDialog *gdn_ship_dialog_new             (GtkWindow      *parent,
                                                GdnOrder       *order);
GdnShipment   *gdn_ship_dialog_build_shipment  (GdnShipDialog  *self,
                                                GError        **error);
char          *gdn_ship_dialog_get_note        (GdnShipDialog  *self);
gboolean       gdn_ship_dialog_show_error      (GdnShipDialog  *self,
                                                const GError   *error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-shipment.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_SHIPMENT_PAGE (gdn_shipment_page_get_type ())
G_DECLARE_FINAL_TYPE (GdnShipmentPage, gdn_shipment_page, GDN, SHIPMENT_PAGE, GtkWidget)

GdnShipmentPage *gdn_shipment_page_new          (GdnStore         *store);
gboolean         gdn_shipment_page_load         (GdnShipmentPage  *self,
                                                 gint64            id,
                                                 GError          **error);
void             gdn_shipment_page_new_shipment (GdnShipmentPage  *self);
GdnShipment     *gdn_shipment_page_get_shipment (GdnShipmentPage  *self);

G_END_DECLS

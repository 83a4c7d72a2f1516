/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_SHIPMENT (gdn_shipment_get_type ())
G_DECLARE_FINAL_TYPE (GdnShipment, gdn_shipment, GDN, SHIPMENT, GdnRecord)

GdnShipment *gdn_shipment_new (void);

G_END_DECLS

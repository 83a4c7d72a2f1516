/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_ORDER_EVENT (gdn_order_event_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrderEvent, gdn_order_event, GDN, ORDER_EVENT, GdnRecord)

GdnOrderEvent *gdn_order_event_new (void);

G_END_DECLS

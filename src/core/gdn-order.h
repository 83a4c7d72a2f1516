/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_ORDER (gdn_order_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrder, gdn_order, GDN, ORDER, GdnRecord)

GdnOrder *gdn_order_new (void);

G_END_DECLS

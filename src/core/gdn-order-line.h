/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_ORDER_LINE (gdn_order_line_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrderLine, gdn_order_line, GDN, ORDER_LINE, GdnRecord)

GdnOrderLine *gdn_order_line_new (void);

G_END_DECLS

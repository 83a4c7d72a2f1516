/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_PRODUCT (gdn_product_get_type ())
G_DECLARE_FINAL_TYPE (GdnProduct, gdn_product, GDN, PRODUCT, GdnRecord)

GdnProduct *gdn_product_new (void);

G_END_DECLS

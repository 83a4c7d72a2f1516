/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_CUSTOMER (gdn_customer_get_type ())
G_DECLARE_FINAL_TYPE (GdnCustomer, gdn_customer, GDN, CUSTOMER, GdnRecord)

GdnCustomer *gdn_customer_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTACT (gdn_contact_get_type ())
G_DECLARE_FINAL_TYPE (GdnContact, gdn_contact, GDN, CONTACT, GdnRecord)

GdnContact *gdn_contact_new (void);

G_END_DECLS

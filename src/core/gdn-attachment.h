/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_ATTACHMENT (gdn_attachment_get_type ())
G_DECLARE_FINAL_TYPE (GdnAttachment, gdn_attachment, GDN, ATTACHMENT, GdnRecord)

GdnAttachment *gdn_attachment_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_AMENDMENT (gdn_amendment_get_type ())
G_DECLARE_FINAL_TYPE (GdnAmendment, gdn_amendment, GDN, AMENDMENT, GdnRecord)

GdnAmendment *gdn_amendment_new (void);

G_END_DECLS

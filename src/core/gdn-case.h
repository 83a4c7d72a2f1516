/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_CASE (gdn_case_get_type ())
G_DECLARE_FINAL_TYPE (GdnCase, gdn_case, GDN, CASE, GdnRecord)

GdnCase *gdn_case_new (void);

G_END_DECLS

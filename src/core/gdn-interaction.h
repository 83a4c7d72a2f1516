/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_INTERACTION (gdn_interaction_get_type ())
G_DECLARE_FINAL_TYPE (GdnInteraction, gdn_interaction, GDN, INTERACTION, GdnRecord)

GdnInteraction *gdn_interaction_new (void);

G_END_DECLS

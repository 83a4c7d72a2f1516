/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTRACT (gdn_contract_get_type ())
G_DECLARE_FINAL_TYPE (GdnContract, gdn_contract, GDN, CONTRACT, GdnRecord)

GdnContract *gdn_contract_new (void);

G_END_DECLS

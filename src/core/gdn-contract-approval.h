/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTRACT_APPROVAL (gdn_contract_approval_get_type ())
G_DECLARE_FINAL_TYPE (GdnContractApproval, gdn_contract_approval, GDN, CONTRACT_APPROVAL, GdnRecord)

GdnContractApproval *gdn_contract_approval_new (void);

G_END_DECLS

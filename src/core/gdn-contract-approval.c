/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contract-approval"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-contract-approval.h"

struct _GdnContractApproval
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnContractApproval, gdn_contract_approval, GDN_TYPE_RECORD)

static const GdnField contract_approval_fields[] = {
  { "contract_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Contract"), NULL, "contracts", NULL },
  { "role", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED, N_("Role"), &gdn_enum_approval_role, NULL, NULL },
  { "decision", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED, N_("Decision"), &gdn_enum_approval_decision, NULL, NULL },
  { "comment", GDN_FIELD_TEXT, 0, N_("Comment"), NULL, NULL, NULL },
  { "who", GDN_FIELD_TEXT, 0, N_("By"), NULL, NULL, NULL },
  { "at", GDN_FIELD_DATETIME, 0, N_("Time"), NULL, NULL, NULL },
};

static void
gdn_contract_approval_class_init (GdnContractApprovalClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "contract_approvals", contract_approval_fields,
                              G_N_ELEMENTS (contract_approval_fields), FALSE);
}

static void
gdn_contract_approval_init (GdnContractApproval *self)
{
}

GdnContractApproval *
gdn_contract_approval_new (void)
{
  return g_object_new (GDN_TYPE_CONTRACT_APPROVAL, NULL);
}

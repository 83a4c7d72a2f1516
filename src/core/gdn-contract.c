/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-contract.h"

struct _GdnContract
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnContract, gdn_contract, GDN_TYPE_RECORD)

static const GdnField contract_fields[] = {
  { "contract_no", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Contract number"), NULL, NULL, NULL },
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "title", GDN_FIELD_TEXT, GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Title"), NULL, NULL, NULL },
  { "amount", GDN_FIELD_REAL, GDN_FIELD_SORTABLE | GDN_FIELD_MONEY, N_("Amount"), NULL, NULL, NULL, 0.0, 1e15 },
  { "signed_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Signed"), NULL, NULL, NULL },
  { "start_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Start"), NULL, NULL, NULL },
  { "end_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("End"), NULL, NULL, NULL },
  { "status", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Status"), &gdn_enum_contract_status, NULL, NULL },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "t.customer_code" },
  { "customer_name", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer name"), NULL, NULL, "t.customer_name" },
  { "order_nos", GDN_FIELD_TEXT, GDN_FIELD_DERIVED, N_("Linked orders"), NULL, NULL, "SELECT group_concat(o.order_no, ';') FROM contract_orders co JOIN orders o ON o.id = co.order_id WHERE co.contract_id = t.id" },
};

static void
gdn_contract_class_init (GdnContractClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "contracts", contract_fields,
                              G_N_ELEMENTS (contract_fields), FALSE);
  record_class->search_expr = "contracts.contract_no || ' ' || ifnull(contracts.title, '') || ' ' || ifnull((SELECT c.code || ' ' || c.name FROM customers c WHERE c.id = contracts.customer_id), '')";
}

static void
gdn_contract_init (GdnContract *self)
{
}

GdnContract *
gdn_contract_new (void)
{
  return g_object_new (GDN_TYPE_CONTRACT, NULL);
}

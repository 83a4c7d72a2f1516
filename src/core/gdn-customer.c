/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-customer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-customer.h"

struct _GdnCustomer
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnCustomer, gdn_customer, GDN_TYPE_RECORD)

static const GdnField customer_fields[] = {
  { "code", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, NULL },
  { "name", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Customer name"), NULL, NULL, NULL },
  { "short_name", GDN_FIELD_TEXT, GDN_FIELD_SEARCH, N_("Short name"), NULL, NULL, NULL },
  { "industry", GDN_FIELD_TEXT, GDN_FIELD_SORTABLE, N_("Industry"), NULL, NULL, NULL },
  { "tier", GDN_FIELD_ENUM, GDN_FIELD_SORTABLE, N_("Tier"), &gdn_enum_customer_tier, NULL, NULL },
  { "status", GDN_FIELD_ENUM, GDN_FIELD_SORTABLE, N_("Status"), &gdn_enum_customer_status, NULL, NULL },
  { "address", GDN_FIELD_TEXT, 0, N_("Address"), NULL, NULL, NULL },
  { "phone", GDN_FIELD_TEXT, 0, N_("Phone"), NULL, NULL, NULL },
  { "email", GDN_FIELD_TEXT, 0, N_("E-mail"), NULL, NULL, NULL },
  { "owner", GDN_FIELD_TEXT, GDN_FIELD_SORTABLE, N_("Owner"), NULL, NULL, NULL },
  { "preferences", GDN_FIELD_TEXT, 0, N_("Preferences"), NULL, NULL, NULL },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
};

static void
gdn_customer_class_init (GdnCustomerClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "customers", customer_fields,
                              G_N_ELEMENTS (customer_fields), FALSE);
  record_class->search_expr = "customers.code || ' ' || customers.name || ' ' || ifnull(customers.short_name, '')";
}

static void
gdn_customer_init (GdnCustomer *self)
{
}

GdnCustomer *
gdn_customer_new (void)
{
  return g_object_new (GDN_TYPE_CUSTOMER, NULL);
}

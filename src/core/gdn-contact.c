/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-contact.h"

struct _GdnContact
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnContact, gdn_contact, GDN_TYPE_RECORD)

static const GdnField contact_fields[] = {
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "name", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Name"), NULL, NULL, NULL },
  { "title", GDN_FIELD_TEXT, 0, N_("Title"), NULL, NULL, NULL },
  { "department", GDN_FIELD_TEXT, 0, N_("Department"), NULL, NULL, NULL },
  { "phone", GDN_FIELD_TEXT, 0, N_("Phone"), NULL, NULL, NULL },
  { "email", GDN_FIELD_TEXT, 0, N_("E-mail"), NULL, NULL, NULL },
  { "im", GDN_FIELD_TEXT, 0, N_("WeChat"), NULL, NULL, NULL },
  { "birthday", GDN_FIELD_DATE, 0, N_("Birthday"), NULL, NULL, NULL },
  { "role", GDN_FIELD_ENUM, 0, N_("Buying role"), &gdn_enum_contact_role, NULL, NULL },
  { "stance", GDN_FIELD_ENUM, 0, N_("Stance"), &gdn_enum_contact_stance, NULL, NULL },
  { "is_primary", GDN_FIELD_BOOL, 0, N_("Primary contact"), NULL, NULL, NULL },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "SELECT c.code FROM customers c WHERE c.id = t.customer_id" },
};

static void
gdn_contact_class_init (GdnContactClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "contacts", contact_fields,
                              G_N_ELEMENTS (contact_fields), FALSE);
}

static void
gdn_contact_init (GdnContact *self)
{
}

GdnContact *
gdn_contact_new (void)
{
  return g_object_new (GDN_TYPE_CONTACT, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-interaction"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-interaction.h"

struct _GdnInteraction
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnInteraction, gdn_interaction, GDN_TYPE_RECORD)

static const GdnField interaction_fields[] = {
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "contact_id", GDN_FIELD_REF, 0, N_("Contact"), NULL, "contacts", NULL },
  { "order_id", GDN_FIELD_REF, 0, N_("Order"), NULL, "orders", NULL },
  { "case_id", GDN_FIELD_REF, 0, N_("Case"), NULL, "cases", NULL },
  { "channel", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Channel"), &gdn_enum_channel, NULL, NULL },
  { "direction", GDN_FIELD_ENUM, 0, N_("Direction"), &gdn_enum_direction, NULL, NULL },
  { "at", GDN_FIELD_DATETIME, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Time"), NULL, NULL, NULL },
  { "summary", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED, N_("Summary"), NULL, NULL, NULL },
  { "next_follow_up", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Next follow-up"), NULL, NULL, NULL },
  { "who", GDN_FIELD_TEXT, 0, N_("By"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "SELECT c.code FROM customers c WHERE c.id = t.customer_id" },
  { "contact_name", GDN_FIELD_TEXT, GDN_FIELD_DERIVED, N_("Contact"), NULL, NULL, "SELECT p.name FROM contacts p WHERE p.id = t.contact_id" },
  { "order_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Order number"), NULL, NULL, "SELECT o.order_no FROM orders o WHERE o.id = t.order_id" },
  { "case_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED, N_("Case number"), NULL, NULL, "SELECT k.case_no FROM cases k WHERE k.id = t.case_id" },
};

static void
gdn_interaction_class_init (GdnInteractionClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "interactions", interaction_fields,
                              G_N_ELEMENTS (interaction_fields), FALSE);
}

static void
gdn_interaction_init (GdnInteraction *self)
{
}

GdnInteraction *
gdn_interaction_new (void)
{
  return g_object_new (GDN_TYPE_INTERACTION, NULL);
}

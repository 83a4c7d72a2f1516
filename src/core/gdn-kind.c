/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-kind"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-interaction.h"
#include "gdn-kind.h"
#include "gdn-order.h"
#include "gdn-product.h"
#include "gdn-reminder.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"

static const GdnKind kinds[] = {
  { "customers", gdn_customer_get_type, N_("Customers") },
  { "contacts", gdn_contact_get_type, N_("Contacts") },
  { "products", gdn_product_get_type, N_("Products") },
  { "orders", gdn_order_get_type, N_("Orders") },
  { "shipments", gdn_shipment_get_type, N_("Shipments") },
  { "cases", gdn_case_get_type, N_("Cases") },
  { "surveys", gdn_survey_get_type, N_("Surveys") },
  { "interactions", gdn_interaction_get_type, N_("Communication log") },
  { "contracts", gdn_contract_get_type, N_("Contracts") },
  { "reminders", gdn_reminder_get_type, N_("Reminders") },
};

const GdnKind *
gdn_kind_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const GdnKind *
gdn_kind_for_type (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].get_type () == type)
      return &kinds[i];
  return NULL;
}

const GdnKind *
gdn_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

/**
 * gdn_kind_names:
 *
 * Returns: "customers, contacts, …" for usage messages
 */
char *
gdn_kind_names (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", kinds[i].name);
  return g_string_free (s, FALSE);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-flags.h"
#include "gdn-order.h"

struct _GdnOrder
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnOrder, gdn_order, GDN_TYPE_RECORD)

static const GdnField order_fields[] = {
  { "order_no", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Order number"), NULL, NULL, NULL },
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "type", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Order type"), &gdn_enum_order_type, NULL, NULL },
  { "source", GDN_FIELD_ENUM, 0, N_("Source"), &gdn_enum_order_source, NULL, NULL },
  { "status", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Status"), &gdn_enum_order_status, NULL, NULL },
  { "created_date", GDN_FIELD_DATE, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE | GDN_FIELD_FOLLOWS_ID, N_("Created"), NULL, NULL, NULL },
  { "confirmed_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Confirmed"), NULL, NULL, NULL },
  { "promised_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Promised delivery date"), NULL, NULL, NULL },
  { "delivered_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Delivered"), NULL, NULL, NULL },
  { "delivery_address", GDN_FIELD_TEXT, 0, N_("Delivery address"), NULL, NULL, NULL },
  { "currency", GDN_FIELD_TEXT, 0, N_("Currency"), NULL, NULL, NULL },
  { "payment_due", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Payment due"), NULL, NULL, NULL },
  { "delay_reason", GDN_FIELD_ENUM, 0, N_("Delay reason"), &gdn_enum_delay_reason, NULL, NULL },
  { "owner", GDN_FIELD_TEXT, GDN_FIELD_SORTABLE, N_("Owner"), NULL, NULL, NULL },
  { "missing_reason", GDN_FIELD_TEXT, 0, N_("Reason for missing data"), NULL, NULL, NULL },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
  { "progress", GDN_FIELD_INT, GDN_FIELD_SORTABLE, N_("Production progress"), NULL, NULL, NULL, 0.0, 100.0 },
  { "amount", GDN_FIELD_REAL, GDN_FIELD_STORE | GDN_FIELD_SORTABLE | GDN_FIELD_MONEY, N_("Amount"), NULL, NULL, NULL },
  { "n_lines", GDN_FIELD_INT, GDN_FIELD_STORE, N_("Lines"), NULL, NULL, NULL },
  { "status_changed_at", GDN_FIELD_DATETIME, GDN_FIELD_STORE | GDN_FIELD_SORTABLE, N_("Status changed"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "t.customer_code" },
  { "customer_name", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer name"), NULL, NULL, "t.customer_name" },
  /* the warning flags of DESIGN.md as a GdnFlags bitmask */
  { "flags", GDN_FIELD_INT, GDN_FIELD_DERIVED, N_("Flags"), NULL, NULL, GDN_FLAGS_ORDER_SQL },
};

static void
gdn_order_class_init (GdnOrderClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "orders", order_fields,
                              G_N_ELEMENTS (order_fields), FALSE);
  record_class->search_expr = "orders.order_no || ' ' || ifnull((SELECT c.code || ' ' || c.name || ' ' || ifnull(c.short_name, '') FROM customers c WHERE c.id = orders.customer_id), '') || ' ' || ifnull((SELECT group_concat(ifnull(l.product_code, '') || ' ' || ifnull(l.product_name, ''), ' ') FROM order_lines l WHERE l.order_id = orders.id), '')";
}

static void
gdn_order_init (GdnOrder *self)
{
}

GdnOrder *
gdn_order_new (void)
{
  return g_object_new (GDN_TYPE_ORDER, NULL);
}

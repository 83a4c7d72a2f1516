/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order-line"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-order-line.h"

struct _GdnOrderLine
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnOrderLine, gdn_order_line, GDN_TYPE_RECORD)

static const GdnField order_line_fields[] = {
  { "order_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Order"), NULL, "orders", NULL },
  { "position", GDN_FIELD_INT, 0, N_("Position"), NULL, NULL, NULL },
  { "product_code", GDN_FIELD_TEXT, 0, N_("Product code"), NULL, NULL, NULL },
  { "product_name", GDN_FIELD_TEXT, 0, N_("Product name"), NULL, NULL, NULL },
  { "spec", GDN_FIELD_TEXT, 0, N_("Specification"), NULL, NULL, NULL },
  { "unit", GDN_FIELD_TEXT, 0, N_("Unit"), NULL, NULL, NULL },
  { "quantity", GDN_FIELD_REAL, 0, N_("Quantity"), NULL, NULL, NULL, 0.0, 1e12 },
  { "unit_price", GDN_FIELD_REAL, GDN_FIELD_MONEY, N_("Unit price"), NULL, NULL, NULL, 0.0, 1e12 },
};

static void
gdn_order_line_class_init (GdnOrderLineClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "order_lines", order_line_fields,
                              G_N_ELEMENTS (order_line_fields), TRUE);
}

static void
gdn_order_line_init (GdnOrderLine *self)
{
}

GdnOrderLine *
gdn_order_line_new (void)
{
  return g_object_new (GDN_TYPE_ORDER_LINE, NULL);
}

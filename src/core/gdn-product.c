/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-product"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-product.h"

struct _GdnProduct
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnProduct, gdn_product, GDN_TYPE_RECORD)

static const GdnField product_fields[] = {
  { "code", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Product code"), NULL, NULL, NULL },
  { "name", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Product name"), NULL, NULL, NULL },
  { "spec", GDN_FIELD_TEXT, 0, N_("Specification"), NULL, NULL, NULL },
  { "unit", GDN_FIELD_TEXT, 0, N_("Unit"), NULL, NULL, NULL },
  { "unit_price", GDN_FIELD_REAL, GDN_FIELD_MONEY, N_("Unit price"), NULL, NULL, NULL, 0.0, 1e12 },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
};

static void
gdn_product_class_init (GdnProductClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "products", product_fields,
                              G_N_ELEMENTS (product_fields), FALSE);
}

static void
gdn_product_init (GdnProduct *self)
{
}

GdnProduct *
gdn_product_new (void)
{
  return g_object_new (GDN_TYPE_PRODUCT, NULL);
}

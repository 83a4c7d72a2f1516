/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-shipment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-shipment.h"
#include "gdn-validation-error.h"

struct _GdnShipment
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnShipment, gdn_shipment, GDN_TYPE_RECORD)

static const GdnField shipment_fields[] = {
  { "order_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Order"), NULL, "orders", NULL },
  { "carrier", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Carrier"), NULL, NULL, NULL },
  { "mode", GDN_FIELD_ENUM, GDN_FIELD_SORTABLE, N_("Transport mode"), &gdn_enum_transport_mode, NULL, NULL },
  { "tracking_no", GDN_FIELD_TEXT, GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Tracking number"), NULL, NULL, NULL },
  { "shipped_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Shipped"), NULL, NULL, NULL },
  { "eta", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("ETA"), NULL, NULL, NULL },
  { "delivered_date", GDN_FIELD_DATE, GDN_FIELD_SORTABLE, N_("Delivered"), NULL, NULL, NULL },
  { "freight", GDN_FIELD_REAL, GDN_FIELD_SORTABLE | GDN_FIELD_MONEY, N_("Freight"), NULL, NULL, NULL, 0.0, 1e12 },
  { "receiver", GDN_FIELD_TEXT, 0, N_("Receiver"), NULL, NULL, NULL },
  { "status", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Status"), &gdn_enum_shipment_status, NULL, NULL },
  { "receipt_confirmed", GDN_FIELD_BOOL, 0, N_("Receipt confirmed"), NULL, NULL, NULL },
  { "order_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Order number"), NULL, NULL, "t.order_no" },
  { "customer_name", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer name"), NULL, NULL, "t.customer_name" },
};

/* A parcel cannot arrive before it left. */
static gboolean
shipment_validate (GdnRecord  *record,
                   GError    **error)
{
  const char *shipped = gdn_record_get_string (record, "shipped_date");
  const char *delivered = gdn_record_get_string (record, "delivered_date");

  if (shipped != NULL && delivered != NULL && g_strcmp0 (delivered, shipped) < 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "delivered_date",
                                _("Delivered: %s is before the shipped date %s"),
                                delivered, shipped);
      return FALSE;
    }
  return TRUE;
}

static void
gdn_shipment_class_init (GdnShipmentClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "shipments", shipment_fields,
                              G_N_ELEMENTS (shipment_fields), FALSE);
  record_class->search_expr = "ifnull(shipments.tracking_no, '') || ' ' || shipments.carrier || ' ' || ifnull((SELECT o.order_no || ' ' || ifnull((SELECT c.name FROM customers c WHERE c.id = o.customer_id), '') FROM orders o WHERE o.id = shipments.order_id), '')";
  record_class->validate = shipment_validate;
}

static void
gdn_shipment_init (GdnShipment *self)
{
}

GdnShipment *
gdn_shipment_new (void)
{
  return g_object_new (GDN_TYPE_SHIPMENT, NULL);
}

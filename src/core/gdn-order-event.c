/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-order-event.h"

struct _GdnOrderEvent
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnOrderEvent, gdn_order_event, GDN_TYPE_RECORD)

static const GdnField order_event_fields[] = {
  { "order_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Order"), NULL, "orders", NULL },
  { "at", GDN_FIELD_DATETIME, GDN_FIELD_REQUIRED, N_("Time"), NULL, NULL, NULL },
  { "from_status", GDN_FIELD_ENUM, 0, N_("From"), &gdn_enum_order_status, NULL, NULL },
  { "to_status", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED, N_("To"), &gdn_enum_order_status, NULL, NULL },
  { "note", GDN_FIELD_TEXT, 0, N_("Note"), NULL, NULL, NULL },
  { "who", GDN_FIELD_TEXT, 0, N_("By"), NULL, NULL, NULL },
};

static void
gdn_order_event_class_init (GdnOrderEventClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "order_events", order_event_fields,
                              G_N_ELEMENTS (order_event_fields), TRUE);
}

static void
gdn_order_event_init (GdnOrderEvent *self)
{
}

GdnOrderEvent *
gdn_order_event_new (void)
{
  return g_object_new (GDN_TYPE_ORDER_EVENT, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-store.h"

G_BEGIN_DECLS

/* What a customer's page shows besides the customer itself: its contacts, orders with the
 * lines still to ship, cases, communication log and satisfaction surveys. Records in the
 * trash are left out everywhere. */

typedef enum /*< flags >*/
{
  GDN_CONTACT_WARNING_NONE        = 0,
  GDN_CONTACT_WARNING_NO_ECONOMIC = 1 << 0,  /* nobody is known to decide on the money */
  GDN_CONTACT_WARNING_OPPONENT    = 1 << 1,  /* someone opposes us */
} GdnContactWarnings;

/* One order of the customer, with what is still to be delivered */
typedef struct
{
  GdnRecord  *order;        /* a GdnOrder, with its flags */
  GPtrArray  *open_lines;   /* GdnOrderLine: its lines when confirmed but not shipped yet */
  char       *eta;          /* the latest ETA of its shipments not yet delivered, or NULL */
  guint       n_shipments;  /* its shipments not yet delivered */
} GdnCustomerOrder;

void                gdn_customer_order_free              (GdnCustomerOrder  *order);

gint64              gdn_customer_summary_count           (GdnStore          *store,
                                                          GType              type,
                                                          gint64             customer_id,
                                                          GError           **error);
GPtrArray          *gdn_customer_summary_contacts        (GdnStore          *store,
                                                          gint64             customer_id,
                                                          GError           **error);
GPtrArray          *gdn_customer_summary_orders          (GdnStore          *store,
                                                          gint64             customer_id,
                                                          guint              offset,
                                                          guint              limit,
                                                          GError           **error);
GPtrArray          *gdn_customer_summary_cases           (GdnStore          *store,
                                                          gint64             customer_id,
                                                          guint              offset,
                                                          guint              limit,
                                                          GError           **error);
GPtrArray          *gdn_customer_summary_interactions    (GdnStore          *store,
                                                          gint64             customer_id,
                                                          guint              offset,
                                                          guint              limit,
                                                          GError           **error);
GPtrArray          *gdn_customer_summary_surveys         (GdnStore          *store,
                                                          gint64             customer_id,
                                                          GError           **error);

double              gdn_customer_summary_mean_overall    (GPtrArray         *surveys);
GdnContactWarnings  gdn_customer_summary_contact_warnings (GPtrArray        *contacts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnCustomerOrder, gdn_customer_order_free)

G_END_DECLS

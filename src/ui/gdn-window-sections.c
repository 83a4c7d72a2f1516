/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-window"

#include "config.h"

#include "gdn-cases-view.h"
#include "gdn-contracts-view.h"
#include "gdn-customers-view.h"
#include "gdn-orders-view.h"
#include "gdn-shipments-view.h"
#include "gdn-today-view.h"
#include "gdn-window-private.h"

/* Each section's view, in place of its overview. One line per section. */
void
gdn_window_add_section_views (GdnWindow *self,
                              GdnStore  *store)
{
  gdn_window_set_section_view (self, "cases", gdn_cases_view_new (store));
  gdn_window_set_section_view (self, "customers", gdn_customers_view_new (store));
  gdn_window_set_section_view (self, "orders", gdn_orders_view_new (store));
  gdn_window_set_section_view (self, "today", gdn_today_view_new (store));
  gdn_window_set_section_view (self, "shipments", gdn_shipments_view_new (store));
  gdn_window_set_section_view (self, "contracts", gdn_contracts_view_new (store));
}

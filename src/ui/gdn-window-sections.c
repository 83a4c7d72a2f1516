/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-window"

#include "config.h"

#include "gdn-dashboard-view.h"
#include "gdn-sections.h"
#include "gdn-today-view.h"
#include "gdn-window-private.h"

/* Each section's view, in place of its overview. One line per section. */
void
gdn_window_add_section_views (GdnWindow *self,
                              GdnStore  *store)
{
  gdn_window_set_section_view (self, "cases", gdn_section_view_new_cases (store));
  gdn_window_set_section_view (self, "customers", gdn_section_view_new_customers (store));
  gdn_window_set_section_view (self, "orders", gdn_section_view_new_orders (store));
  gdn_window_set_section_view (self, "today", gdn_today_view_new (store));
  gdn_window_set_section_view (self, "dashboard", gdn_dashboard_view_new (store));
  gdn_window_set_section_view (self, "shipments", gdn_section_view_new_shipments (store));
  gdn_window_set_section_view (self, "contracts", gdn_section_view_new_contracts (store));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-window"

#include "config.h"

#include "gdn-dashboard-view.h"
#include "gdn-sections.h"
#include "gdn-today-view.h"
#include "gdn-window-private.h"

/* Each section's view, in place of its overview. One line per section. Each is made when
 * first shown, so that a window on a file of years of orders opens without reading lists
 * it does not show (the reminders' notifications come from the window's
 * GdnReminderNotifier, not from Today). */
void
gdn_window_add_section_views (GdnWindow *self,
                              GdnStore  *store)
{
  gdn_window_set_section_view_new (self, "today", gdn_today_view_new);
  gdn_window_set_section_view_new (self, "dashboard", gdn_dashboard_view_new);
  gdn_window_set_section_view_new (self, "orders", gdn_section_view_new_orders);
  gdn_window_set_section_view_new (self, "customers", gdn_section_view_new_customers);
  gdn_window_set_section_view_new (self, "cases", gdn_section_view_new_cases);
  gdn_window_set_section_view_new (self, "shipments", gdn_section_view_new_shipments);
  gdn_window_set_section_view_new (self, "contracts", gdn_section_view_new_contracts);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

GtkWidget *gdn_section_view_new_orders    (GdnStore *store);
GtkWidget *gdn_section_view_new_customers (GdnStore *store);
GtkWidget *gdn_section_view_new_cases     (GdnStore *store);
GtkWidget *gdn_section_view_new_shipments (GdnStore *store);
GtkWidget *gdn_section_view_new_contracts (GdnStore *store);

G_END_DECLS

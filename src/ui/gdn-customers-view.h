/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CUSTOMERS_VIEW (gdn_customers_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnCustomersView, gdn_customers_view, GDN, CUSTOMERS_VIEW, GtkWidget)

GtkWidget *gdn_customers_view_new (GdnStore *store);

G_END_DECLS

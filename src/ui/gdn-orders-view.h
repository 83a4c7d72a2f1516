/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_ORDERS_VIEW (gdn_orders_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrdersView, gdn_orders_view, GDN, ORDERS_VIEW, GtkWidget)

GtkWidget *gdn_orders_view_new (GdnStore *store);

G_END_DECLS

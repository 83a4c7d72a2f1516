/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_SHIPMENTS_VIEW (gdn_shipments_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnShipmentsView, gdn_shipments_view, GDN, SHIPMENTS_VIEW, GtkWidget)

GtkWidget *gdn_shipments_view_new (GdnStore *store);

G_END_DECLS

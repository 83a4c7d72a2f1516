/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-order.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_ORDER_PAGE (gdn_order_page_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrderPage, gdn_order_page, GDN, ORDER_PAGE, GtkWidget)

GtkWidget *gdn_order_page_new            (GdnStore      *store);
gboolean   gdn_order_page_load           (GdnOrderPage  *self,
                                          gint64         id,
                                          GError       **error);
void       gdn_order_page_new_order      (GdnOrderPage  *self);
GdnOrder  *gdn_order_page_get_order      (GdnOrderPage  *self);
gboolean   gdn_order_page_get_modified   (GdnOrderPage  *self);
gboolean   gdn_order_page_save           (GdnOrderPage  *self);
void       gdn_order_page_request_close  (GdnOrderPage  *self);
void       gdn_order_page_focus_first    (GdnOrderPage  *self);

G_END_DECLS

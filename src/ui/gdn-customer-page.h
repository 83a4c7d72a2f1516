/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CUSTOMER_PAGE (gdn_customer_page_get_type ())
G_DECLARE_FINAL_TYPE (GdnCustomerPage, gdn_customer_page, GDN, CUSTOMER_PAGE, GtkWidget)

GtkWidget  *gdn_customer_page_new              (GdnStore        *store);
gboolean    gdn_customer_page_load             (GdnCustomerPage *self,
                                                gint64           customer_id,
                                                GError         **error);
void        gdn_customer_page_start_new        (GdnCustomerPage *self);
gint64      gdn_customer_page_get_customer_id  (GdnCustomerPage *self);
const char *gdn_customer_page_get_title        (GdnCustomerPage *self);
gboolean    gdn_customer_page_get_dirty        (GdnCustomerPage *self);
gboolean    gdn_customer_page_save             (GdnCustomerPage *self);
void        gdn_customer_page_focus_form       (GdnCustomerPage *self);
void        gdn_customer_page_focus_tabs       (GdnCustomerPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-case.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CASE_PAGE (gdn_case_page_get_type ())
G_DECLARE_FINAL_TYPE (GdnCasePage, gdn_case_page, GDN, CASE_PAGE, GtkWidget)

GdnCasePage *gdn_case_page_new        (GdnStore     *store);
gboolean     gdn_case_page_load       (GdnCasePage  *self,
                                       gint64        id,
                                       GError      **error);
void         gdn_case_page_new_case   (GdnCasePage  *self);
GdnCase     *gdn_case_page_get_case   (GdnCasePage  *self);
void         gdn_case_page_refresh_clock (GdnCasePage *self);

G_END_DECLS

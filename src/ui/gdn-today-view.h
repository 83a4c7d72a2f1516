/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_TODAY_VIEW (gdn_today_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnTodayView, gdn_today_view, GDN, TODAY_VIEW, GtkWidget)

GtkWidget *gdn_today_view_new      (GdnStore     *store);
void       gdn_today_view_refresh  (GdnTodayView *self);
GPtrArray *gdn_today_view_get_entries (GdnTodayView *self);
gboolean   gdn_today_view_is_loading  (GdnTodayView *self);

G_END_DECLS

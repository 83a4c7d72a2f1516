/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GDN_TYPE_BANNER (gdn_banner_get_type ())
G_DECLARE_FINAL_TYPE (GdnBanner, gdn_banner, GDN, BANNER, GtkWidget)

GtkWidget   *gdn_banner_new          (GtkMessageType  message_type,
                                      const char     *title,
                                      const char     *message);
const char  *gdn_banner_get_title    (GdnBanner      *self);
const char  *gdn_banner_get_message  (GdnBanner      *self);

G_END_DECLS

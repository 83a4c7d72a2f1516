/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GDN_TYPE_STAT_CARD (gdn_stat_card_get_type ())
G_DECLARE_FINAL_TYPE (GdnStatCard, gdn_stat_card, GDN, STAT_CARD, GtkWidget)

GtkWidget   *gdn_stat_card_new             (const char  *caption);
gint64       gdn_stat_card_get_value       (GdnStatCard *self);
void         gdn_stat_card_set_value       (GdnStatCard *self,
                                            gint64       value);
const char  *gdn_stat_card_get_value_text  (GdnStatCard *self);
const char  *gdn_stat_card_get_caption     (GdnStatCard *self);
void         gdn_stat_card_set_caption     (GdnStatCard *self,
                                            const char  *caption);
gboolean     gdn_stat_card_get_highlight   (GdnStatCard *self);
void         gdn_stat_card_set_highlight   (GdnStatCard *self,
                                            gboolean     highlight);

G_END_DECLS

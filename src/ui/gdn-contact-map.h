/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GDN_TYPE_CONTACT_MAP (gdn_contact_map_get_type ())
G_DECLARE_FINAL_TYPE (GdnContactMap, gdn_contact_map, GDN, CONTACT_MAP, GtkWidget)

GtkWidget   *gdn_contact_map_new            (void);
void         gdn_contact_map_set_contacts   (GdnContactMap *self,
                                             GPtrArray     *contacts);
guint        gdn_contact_map_get_n_placed   (GdnContactMap *self);
char        *gdn_contact_map_describe_cell  (GdnContactMap *self,
                                             const char    *role,
                                             const char    *stance);

G_END_DECLS

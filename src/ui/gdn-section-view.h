/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-record-list.h"
#include "gdn-record-page.h"

G_BEGIN_DECLS

#define GDN_TYPE_SECTION_VIEW (gdn_section_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnSectionView, gdn_section_view, GDN, SECTION_VIEW, GtkWidget)

/* Makes the page of a section (a #GdnRecordPage, floating), for the store of its list */
typedef GtkWidget *(*GdnRecordPageNew) (GdnStore *store);

GtkWidget      *gdn_section_view_new                (const char             *section,
                                                     GdnRecordList          *list,
                                                     GdnRecordPageNew        page_new);
const char     *gdn_section_view_get_section        (GdnSectionView         *self);
GdnRecordList  *gdn_section_view_get_list           (GdnSectionView         *self);
GdnRecordPage  *gdn_section_view_get_page           (GdnSectionView         *self);
gboolean        gdn_section_view_has_page           (GdnSectionView         *self);
void            gdn_section_view_set_transition     (GdnSectionView         *self,
                                                     GtkStackTransitionType  type,
                                                     guint                  duration);
void            gdn_section_view_add_back_shortcuts (GdnSectionView         *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-window.h"

G_BEGIN_DECLS

/* Makes the view of a section, for the store of the window */
typedef GtkWidget *(*GdnSectionViewNew) (GdnStore *store);

void gdn_window_add_section_views (GdnWindow         *self,
                                   GdnStore          *store);
void gdn_window_set_section_view_new (GdnWindow         *self,
                                      const char        *section,
                                      GdnSectionViewNew  view_new);

G_END_DECLS

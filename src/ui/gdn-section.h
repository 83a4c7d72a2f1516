/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GDN_TYPE_SECTION (gdn_section_get_type ())
G_DECLARE_INTERFACE (GdnSection, gdn_section, GDN, SECTION, GtkWidget)

/* What the window asks of the view of one sidebar section (Orders, Customers …), so that
 * Ctrl+N, Ctrl+F and links between records work the same everywhere. */
struct _GdnSectionInterface
{
  GTypeInterface parent_iface;

  void (*open_record)  (GdnSection *self,
                        gint64      id);
  void (*new_record)   (GdnSection *self);
  void (*focus_search) (GdnSection *self);
};

void gdn_section_open_record  (GdnSection *self,
                               gint64      id);
void gdn_section_new_record   (GdnSection *self);
void gdn_section_focus_search (GdnSection *self);

G_END_DECLS

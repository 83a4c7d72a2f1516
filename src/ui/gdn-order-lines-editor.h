/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define GDN_TYPE_ORDER_LINES_EDITOR (gdn_order_lines_editor_get_type ())
G_DECLARE_FINAL_TYPE (GdnOrderLinesEditor, gdn_order_lines_editor, GDN, ORDER_LINES_EDITOR,
                      GtkWidget)

GtkWidget   *gdn_order_lines_editor_new          (void);
void         gdn_order_lines_editor_set_lines    (GdnOrderLinesEditor  *self,
                                                  GPtrArray            *lines);
GPtrArray   *gdn_order_lines_editor_get_lines    (GdnOrderLinesEditor  *self,
                                                  GError              **error);
guint        gdn_order_lines_editor_get_n_lines  (GdnOrderLinesEditor  *self);
guint        gdn_order_lines_editor_add_line     (GdnOrderLinesEditor  *self);
void         gdn_order_lines_editor_remove_line  (GdnOrderLinesEditor  *self,
                                                  guint                 line);
GtkEditable *gdn_order_lines_editor_get_entry    (GdnOrderLinesEditor  *self,
                                                  guint                 line,
                                                  const char           *field);
double       gdn_order_lines_editor_get_total    (GdnOrderLinesEditor  *self);
void         gdn_order_lines_editor_show_error   (GdnOrderLinesEditor  *self,
                                                  guint                 line,
                                                  const char           *field);
void         gdn_order_lines_editor_clear_errors (GdnOrderLinesEditor  *self);

G_END_DECLS

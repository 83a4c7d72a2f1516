/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-query-model.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_RECORD_LIST (gdn_record_list_get_type ())
G_DECLARE_FINAL_TYPE (GdnRecordList, gdn_record_list, GDN, RECORD_LIST, GtkWidget)

GdnRecordList  *gdn_record_list_new              (GdnStore       *store,
                                                  GType           item_type);
void            gdn_record_list_add_column       (GdnRecordList  *self,
                                                  const char     *field,
                                                  const char     *title,
                                                  int             width_chars,
                                                  gboolean        expand);
void            gdn_record_list_add_filter       (GdnRecordList  *self,
                                                  const char     *field,
                                                  const char     *all_label);
void            gdn_record_list_add_value_filter (GdnRecordList      *self,
                                                  const char         *field,
                                                  const char         *all_label,
                                                  const char * const *values);
void            gdn_record_list_set_flag_filters (GdnRecordList  *self,
                                                  GdnFlags        flags);
void            gdn_record_list_set_sort         (GdnRecordList  *self,
                                                  const char     *field,
                                                  gboolean        descending);
void            gdn_record_list_set_empty_state  (GdnRecordList  *self,
                                                  const char     *icon_name,
                                                  const char     *title,
                                                  const char     *description);
GdnQueryModel  *gdn_record_list_get_model        (GdnRecordList  *self);
GdnRecord      *gdn_record_list_get_selected     (GdnRecordList  *self);
void            gdn_record_list_focus_search     (GdnRecordList  *self);
void            gdn_record_list_select_id        (GdnRecordList  *self,
                                                  gint64          id);
void            gdn_record_list_add_toolbar_widget (GdnRecordList *self,
                                                    GtkWidget     *widget);
void            gdn_record_list_set_flag_label   (GdnRecordList  *self,
                                                  GdnFlags        flag,
                                                  const char     *label);
void            gdn_record_list_show_filtered    (GdnRecordList      *self,
                                                  const char         *description,
                                                  const char * const *fields,
                                                  const char * const *values,
                                                  GdnFlags            flags);

G_END_DECLS

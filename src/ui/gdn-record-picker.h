/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-query-model.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_RECORD_PICKER (gdn_record_picker_get_type ())
G_DECLARE_FINAL_TYPE (GdnRecordPicker, gdn_record_picker, GDN, RECORD_PICKER, AdwActionRow)

GdnRecordPicker *gdn_record_picker_new            (GdnStore         *store,
                                                   GType             item_type,
                                                   const char       *title);
void             gdn_record_picker_set_store      (GdnRecordPicker  *self,
                                                   GdnStore         *store);
void             gdn_record_picker_set_fields     (GdnRecordPicker  *self,
                                                   const char       *primary,
                                                   const char       *secondary);
void             gdn_record_picker_set_placeholder (GdnRecordPicker *self,
                                                   const char       *placeholder);
void             gdn_record_picker_set_optional   (GdnRecordPicker  *self,
                                                   gboolean          optional);
GdnQueryModel   *gdn_record_picker_get_model      (GdnRecordPicker  *self);
gint64           gdn_record_picker_get_record_id  (GdnRecordPicker  *self);
GdnRecord       *gdn_record_picker_get_record     (GdnRecordPicker  *self);
void             gdn_record_picker_set_record_id  (GdnRecordPicker  *self,
                                                   gint64            id);
void             gdn_record_picker_set_search     (GdnRecordPicker  *self,
                                                   const char       *text);
gboolean         gdn_record_picker_pick_position  (GdnRecordPicker  *self,
                                                   guint             position);

G_END_DECLS

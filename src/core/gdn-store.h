/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-database.h"
#include "gdn-record.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_CHANGE_INSERTED,
  GDN_CHANGE_UPDATED,
  GDN_CHANGE_DELETED,
  GDN_CHANGE_RESTORED,
  GDN_CHANGE_RELOADED,   /* many rows of the type changed (an import): reload everything */
} GdnChangeKind;

#define GDN_TYPE_STORE (gdn_store_get_type ())
G_DECLARE_FINAL_TYPE (GdnStore, gdn_store, GDN, STORE, GObject)

GdnStore     *gdn_store_new                (GdnDatabase    *database);
GdnDatabase  *gdn_store_get_database       (GdnStore       *self);
const char   *gdn_store_get_user_name      (GdnStore       *self);
void          gdn_store_set_user_name      (GdnStore       *self,
                                            const char     *user_name);

gboolean      gdn_store_begin              (GdnStore       *self,
                                            GError        **error);
gboolean      gdn_store_commit             (GdnStore       *self,
                                            GError        **error);
void          gdn_store_rollback           (GdnStore       *self);

gboolean      gdn_store_insert             (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gboolean      gdn_store_update             (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gboolean      gdn_store_save               (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gboolean      gdn_store_delete             (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gboolean      gdn_store_restore            (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gboolean      gdn_store_purge              (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);

GdnRecord    *gdn_store_get                (GdnStore       *self,
                                            GType           type,
                                            gint64          id,
                                            GError        **error);
GdnRecord    *gdn_store_find               (GdnStore       *self,
                                            GType           type,
                                            const char     *field,
                                            const char     *value,
                                            GError        **error);
GPtrArray    *gdn_store_list_children      (GdnStore       *self,
                                            GType           type,
                                            const char     *ref_field,
                                            gint64          parent_id,
                                            GError        **error);
gboolean      gdn_store_reload             (GdnStore       *self,
                                            GdnRecord      *record,
                                            GError        **error);
gint64        gdn_store_count              (GdnStore       *self,
                                            GType           type,
                                            GError        **error);
GStrv         gdn_store_list_values        (GdnStore       *self,
                                            GType           type,
                                            const char     *field,
                                            GError        **error);
GHashTable   *gdn_store_count_by           (GdnStore       *self,
                                            GType           type,
                                            const char     *field,
                                            GError        **error);

gboolean      gdn_store_refresh_search     (GdnStore       *self,
                                            GType           type,
                                            gint64          id,
                                            GError        **error);
gboolean      gdn_store_audit              (GdnStore       *self,
                                            const char     *table,
                                            gint64          record_id,
                                            const char     *action,
                                            const char     *changes,
                                            GError        **error);
void          gdn_store_emit_changed       (GdnStore       *self,
                                            GType           type,
                                            gint64          id,
                                            GdnChangeKind   kind);

gboolean      gdn_store_bind_record        (GdnStore       *self,
                                            sqlite3_stmt   *stmt,
                                            GdnRecord      *record,
                                            int             first_param,
                                            GError        **error);

G_END_DECLS

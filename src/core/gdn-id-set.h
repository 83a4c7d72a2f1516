/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* A set of row ids, built once and then asked about many times: the rows a search's index
 * finds, which a walk along the sort order checks row by row. */
typedef struct _GdnIdSet GdnIdSet;

/* the pointer type of a set bound to a statement (sqlite3_bind_pointer()) */
#define GDN_ID_SET_POINTER_TYPE "gdn-id-set"

typedef gboolean (*GdnIdSetFillFunc) (GdnIdSet *set,
                                      gint64    from,
                                      gint64    to,
                                      gpointer  user_data);

GdnIdSet *gdn_id_set_new          (void);
GdnIdSet *gdn_id_set_new_lazy     (gint64           min,
                                   gint64           max,
                                   GdnIdSetFillFunc fill,
                                   gpointer         user_data);
void      gdn_id_set_free         (GdnIdSet *self);
void      gdn_id_set_add          (GdnIdSet *self,
                                   gint64    id);
void      gdn_id_set_seal         (GdnIdSet *self);
gboolean  gdn_id_set_contains     (GdnIdSet *self,
                                   gint64    id);
gboolean  gdn_id_set_failed       (const GdnIdSet *self);
void      gdn_id_set_get_known    (const GdnIdSet *self,
                                   gint64         *from,
                                   gint64         *to);
guint     gdn_id_set_get_size     (const GdnIdSet *self);
gsize     gdn_id_set_get_bytes    (const GdnIdSet *self);
gboolean  gdn_id_set_fill         (GdnIdSet      *self,
                                   sqlite3_stmt  *stmt,
                                   int           *rc);
int       gdn_id_set_register_sql (sqlite3 *db);

void      gdn_id_array_sort_unique (GArray *ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnIdSet, gdn_id_set_free)

G_END_DECLS

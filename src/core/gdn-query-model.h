/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-flags.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_QUERY_MODEL (gdn_query_model_get_type ())
G_DECLARE_FINAL_TYPE (GdnQueryModel, gdn_query_model, GDN, QUERY_MODEL, GObject)

GdnQueryModel *gdn_query_model_new               (GdnStore       *store,
                                                  GType           item_type);
GdnStore      *gdn_query_model_get_store         (GdnQueryModel  *self);

const char    *gdn_query_model_get_search        (GdnQueryModel  *self);
void           gdn_query_model_set_search        (GdnQueryModel  *self,
                                                  const char     *search);
void           gdn_query_model_request_search    (GdnQueryModel  *self,
                                                  const char     *search);
gboolean       gdn_query_model_get_search_pending (GdnQueryModel *self);
const char    *gdn_query_model_get_sort_field    (GdnQueryModel  *self);
gboolean       gdn_query_model_get_sort_descending (GdnQueryModel *self);
gboolean       gdn_query_model_set_sort          (GdnQueryModel  *self,
                                                  const char     *field,
                                                  gboolean        descending);
gboolean       gdn_query_model_set_filter        (GdnQueryModel  *self,
                                                  const char     *field,
                                                  const char     *value);
void           gdn_query_model_clear_filters     (GdnQueryModel  *self);
GdnFlags       gdn_query_model_get_flags_filter  (GdnQueryModel  *self);
void           gdn_query_model_set_flags_filter  (GdnQueryModel  *self,
                                                  GdnFlags        flags);
gboolean       gdn_query_model_get_show_deleted  (GdnQueryModel  *self);
void           gdn_query_model_set_show_deleted  (GdnQueryModel  *self,
                                                  gboolean        show_deleted);

void           gdn_query_model_set_first_rows    (GdnQueryModel  *self,
                                                  guint           rows);
guint          gdn_query_model_get_first_rows    (GdnQueryModel  *self);
gboolean       gdn_query_model_get_count_capped  (GdnQueryModel  *self);
gboolean       gdn_query_model_find_position     (GdnQueryModel  *self,
                                                  gint64          id,
                                                  guint          *position);
void           gdn_query_model_set_recycle_rows  (GdnQueryModel  *self,
                                                  gboolean        recycle);
void           gdn_query_model_reload            (GdnQueryModel  *self);
const GError  *gdn_query_model_get_error         (GdnQueryModel  *self);

/* For tests: how many row queries (pages) and count queries ran, the rows held, and the
 * query plans of the current count and first-page queries. */
guint          gdn_query_model_get_n_loads_for_testing  (GdnQueryModel *self);
guint          gdn_query_model_get_n_counts_for_testing (GdnQueryModel *self);
void           gdn_query_model_set_count_cap_for_testing (GdnQueryModel *self,
                                                          guint          cap);
guint          gdn_query_model_get_n_cached_for_testing (GdnQueryModel *self);
void           gdn_query_model_set_walk_budget_for_testing (GdnQueryModel *self,
                                                            guint          calls);
void           gdn_query_model_set_walk_gap_for_testing (GdnQueryModel *self,
                                                          guint          ids);
gboolean       gdn_query_model_get_walks_text_for_testing (GdnQueryModel *self);
char          *gdn_query_model_explain_for_testing      (GdnQueryModel *self);
void           gdn_query_model_set_worker_ids_for_testing (GdnQueryModel *self,
                                                           gint64         ids);
guint          gdn_query_model_get_n_prefetched_for_testing (GdnQueryModel *self);
gboolean       gdn_query_model_get_worker_busy_for_testing (GdnQueryModel *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

gboolean gdn_migration_apply (sqlite3  *handle,
                              int       step,
                              GError  **error);

gboolean gdn_migration_add_order_days (sqlite3  *handle,
                                       gint64    after_id,
                                       GError  **error);

gboolean gdn_migration_copies_from (const char *table,
                                    const char *column,
                                    const char *source);

G_END_DECLS

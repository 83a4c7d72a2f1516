/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-database.h"

G_BEGIN_DECLS

/* How many daily backups gdn_backup_daily() keeps. */
#define GDN_BACKUP_KEEP_DAILY 7

/* Called on the thread that started the operation, with 0.0 … 1.0. */
typedef void (*GdnBackupProgressFunc) (double   fraction,
                                       gpointer user_data);

char      *gdn_backup_default_folder  (void);

gboolean   gdn_backup_create          (GdnDatabase            *database,
                                       const char             *dest,
                                       GError                **error);
char      *gdn_backup_daily           (GdnDatabase            *database,
                                       const char             *folder,
                                       GError                **error);

void       gdn_backup_create_async    (GdnDatabase            *database,
                                       const char             *dest,
                                       GCancellable           *cancellable,
                                       GdnBackupProgressFunc   progress,
                                       gpointer                progress_data,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
gboolean   gdn_backup_create_finish   (GdnDatabase            *database,
                                       GAsyncResult           *result,
                                       GError                **error);
void       gdn_backup_daily_async     (GdnDatabase            *database,
                                       const char             *folder,
                                       GCancellable           *cancellable,
                                       GdnBackupProgressFunc   progress,
                                       gpointer                progress_data,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
char      *gdn_backup_daily_finish    (GdnDatabase            *database,
                                       GAsyncResult           *result,
                                       GError                **error);

gboolean   gdn_backup_verify          (const char             *path,
                                       GError                **error);
gboolean   gdn_backup_restore         (const char             *database_path,
                                       const char             *backup_path,
                                       GError                **error);
gboolean   gdn_backup_restore_full    (const char             *database_path,
                                       const char             *backup_path,
                                       char                  **kept_path,
                                       GError                **error);
gboolean   gdn_backup_check           (const char             *path,
                                       GError                **error);
char      *gdn_backup_find_newest     (const char             *folder);

G_END_DECLS

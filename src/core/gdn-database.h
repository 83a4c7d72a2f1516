/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define GDN_DATABASE_ERROR (gdn_database_error_quark ())

typedef enum
{
  GDN_DATABASE_ERROR_OPEN,
  GDN_DATABASE_ERROR_NOT_DATABASE,
  GDN_DATABASE_ERROR_NEWER_VERSION,
  GDN_DATABASE_ERROR_CORRUPT,
  GDN_DATABASE_ERROR_BUSY,
  GDN_DATABASE_ERROR_READ_ONLY,
  GDN_DATABASE_ERROR_FULL,
  GDN_DATABASE_ERROR_CONFLICT,
  GDN_DATABASE_ERROR_FAILED,
  GDN_DATABASE_ERROR_IO,
} GdnDatabaseError;

typedef enum
{
  GDN_DATABASE_OPEN_DEFAULT   = 0,
  GDN_DATABASE_OPEN_READ_ONLY = 1 << 0,  /* never write, even where the file could be */
} GdnDatabaseOpenFlags;

/* Files up to this size get PRAGMA quick_check while they are opened; bigger ones are
 * checked afterwards with gdn_database_check_async(). */
#define GDN_DATABASE_SYNC_CHECK_LIMIT (G_GINT64_CONSTANT (64) * 1024 * 1024)

/* The schema version this program writes; files with a newer one are refused. */
#define GDN_SCHEMA_VERSION 6

#define GDN_TYPE_DATABASE (gdn_database_get_type ())
G_DECLARE_FINAL_TYPE (GdnDatabase, gdn_database, GDN, DATABASE, GObject)

GQuark        gdn_database_error_quark        (void);

GdnDatabase  *gdn_database_open               (const char   *path,
                                               GError      **error);
GdnDatabase  *gdn_database_open_at_version    (const char   *path,
                                               int           version,
                                               GError      **error);
GdnDatabase  *gdn_database_open_full          (const char   *path,
                                               int           version,
                                               GdnDatabaseOpenFlags flags,
                                               GError      **error);
char         *gdn_database_default_path       (void);
const char   *gdn_database_get_path           (GdnDatabase  *self);
sqlite3      *gdn_database_get_handle         (GdnDatabase  *self);
gboolean      gdn_database_is_read_only       (GdnDatabase  *self);
int           gdn_database_get_version        (GdnDatabase  *self);

gboolean      gdn_database_exec               (GdnDatabase  *self,
                                               const char   *sql,
                                               GError      **error);
sqlite3_stmt *gdn_database_prepare            (GdnDatabase  *self,
                                               const char   *sql,
                                               GError      **error);
gboolean      gdn_database_begin              (GdnDatabase  *self,
                                               GError      **error);
gboolean      gdn_database_commit             (GdnDatabase  *self,
                                               GError      **error);
void          gdn_database_rollback           (GdnDatabase  *self);
gboolean      gdn_database_quick_check        (GdnDatabase  *self,
                                               GError      **error);
gboolean      gdn_database_get_check_pending  (GdnDatabase  *self);
gboolean      gdn_database_is_damaged         (GdnDatabase  *self);
void          gdn_database_check_async        (GdnDatabase  *self,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer      user_data);
gboolean      gdn_database_check_finish       (GdnDatabase  *self,
                                               GAsyncResult *result,
                                               GError      **error);
void          gdn_database_set_sync_check_limit (gint64      bytes);
gint64        gdn_database_query_int          (GdnDatabase  *self,
                                               const char   *sql,
                                               GError      **error);

sqlite3      *gdn_database_open_reader        (const char   *path,
                                               GCancellable *cancellable,
                                               GError      **error);
void          gdn_database_close_reader       (sqlite3      *db);

void          gdn_database_set_error          (GdnDatabase  *self,
                                               int           rc,
                                               GError      **error);
void          gdn_set_sqlite_error            (sqlite3      *db,
                                               int           rc,
                                               GError      **error);
gboolean      gdn_check_database_file         (const char   *path,
                                               GError      **error);
gboolean      gdn_check_database_header       (const char   *path,
                                               gint64       *file_size,
                                               GError      **error);
char         *gdn_database_move_aside         (const char   *path,
                                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "gdn-database.h"
#include "gdn-migrations.h"

struct _GdnDatabase
{
  GObject   parent_instance;

  char     *path;
  sqlite3  *handle;
  int       version;
  guint     read_only : 1;
};

G_DEFINE_FINAL_TYPE (GdnDatabase, gdn_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (gdn-database-error-quark, gdn_database_error)

static const char sqlite_magic[16] = "SQLite format 3";

void
gdn_set_sqlite_error (sqlite3  *db,
                      int       rc,
                      GError  **error)
{
  int code = GDN_DATABASE_ERROR_FAILED;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_BUSY,
                   _("The database is busy with another program; try again in a moment"));
      return;
    case SQLITE_READONLY:
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                   _("The database is read-only; changes cannot be saved"));
      return;
    case SQLITE_FULL:
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FULL,
                   _("The disk is full; nothing was saved. Free some space and try again"));
      return;
    case SQLITE_CORRUPT:
      code = GDN_DATABASE_ERROR_CORRUPT;
      break;
    case SQLITE_NOTADB:
      code = GDN_DATABASE_ERROR_NOT_DATABASE;
      break;
    default:
      break;
    }

  g_set_error (error, GDN_DATABASE_ERROR, code, _("Database error: %s"), detail);
}

void
gdn_database_set_error (GdnDatabase  *self,
                        int           rc,
                        GError      **error)
{
  gdn_set_sqlite_error (self ? self->handle : NULL, rc, error);
}

/* Refuses files that are not SQLite databases before SQLite gets to touch them. */
gboolean
gdn_check_database_file (const char  *path,
                         GError     **error)
{
  char header[16];
  gssize n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }

  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    return TRUE;

  if (n != (gssize) sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Gendan database; it was left as it is"), path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_parent_folder (const char  *path,
                      GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* SQLite creates the file with the process umask; make it private before anything is
 * written into it. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      if (errno == EEXIST)
        return TRUE;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot create “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static int
read_user_version (sqlite3 *handle)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (handle, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
migrate (GdnDatabase  *self,
         int           target,
         GError      **error)
{
  for (int step = self->version; step < target; step++)
    {
      g_autofree char *pragma = NULL;

      if (!gdn_database_begin (self, error))
        return FALSE;

      if (!gdn_migration_apply (self->handle, step + 1, error))
        {
          gdn_database_rollback (self);
          return FALSE;
        }

      pragma = g_strdup_printf ("PRAGMA user_version = %d", step + 1);
      if (!gdn_database_exec (self, pragma, error) || !gdn_database_commit (self, error))
        {
          gdn_database_rollback (self);
          return FALSE;
        }

      self->version = step + 1;
    }

  return TRUE;
}

static void
gdn_database_finalize (GObject *object)
{
  GdnDatabase *self = (GdnDatabase *)object;

  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (gdn_database_parent_class)->finalize (object);
}

static void
gdn_database_class_init (GdnDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdn_database_finalize;
}

static void
gdn_database_init (GdnDatabase *self)
{
}

/**
 * gdn_database_open_at_version:
 * @path: the database file, created when missing
 * @version: the schema version to migrate to (tests use older ones)
 *
 * Opens @path, refusing files that are not databases, are damaged, or come from a newer
 * Gendan, and migrates it forward to @version one step at a time.
 */
GdnDatabase *
gdn_database_open_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  g_autoptr(GdnDatabase) self = NULL;
  gboolean exists;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!gdn_check_database_file (path, error))
    return NULL;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (!ensure_parent_folder (path, error) || !create_private_file (path, error)))
    return NULL;

  self = g_object_new (GDN_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_READONLY || (rc == SQLITE_CANTOPEN && exists && g_access (path, W_OK) != 0))
    {
      sqlite3_close_v2 (self->handle);
      self->handle = NULL;
      rc = sqlite3_open_v2 (path, &self->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
      self->read_only = TRUE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   self->handle ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  self->version = read_user_version (self->handle);
  if (self->version < 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Gendan database or is damaged; it was left as it is"),
                   path);
      return NULL;
    }

  if (self->version > GDN_SCHEMA_VERSION)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer Gendan (database version %d; this "
                     "version understands up to %d). Update Gendan to open it; the file "
                     "was left as it is"),
                   path, self->version, GDN_SCHEMA_VERSION);
      return NULL;
    }

  if (!gdn_database_quick_check (self, error))
    return NULL;

  if (!self->read_only)
    {
      if (!gdn_database_exec (self, "PRAGMA journal_mode=WAL", error))
        return NULL;
    }
  if (!gdn_database_exec (self, "PRAGMA foreign_keys=ON", error) ||
      !gdn_database_exec (self, "PRAGMA synchronous=FULL", error))
    return NULL;

  if (self->version < version)
    {
      if (self->read_only)
        {
          g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                       _("“%s” is read-only and needs to be upgraded; open it once where it "
                         "can be written"), path);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * gdn_database_open:
 * @path: the database file, created (0600, in a 0700 folder) when missing
 *
 * Opens and migrates @path to the current schema.
 */
GdnDatabase *
gdn_database_open (const char  *path,
                   GError     **error)
{
  return gdn_database_open_at_version (path, GDN_SCHEMA_VERSION, error);
}

/**
 * gdn_database_default_path:
 *
 * Returns: `$XDG_DATA_HOME/gendan/gendan.db`
 */
char *
gdn_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "gendan", "gendan.db", NULL);
}

const char *
gdn_database_get_path (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
gdn_database_get_handle (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), NULL);
  return self->handle;
}

gboolean
gdn_database_is_read_only (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), TRUE);
  return self->read_only;
}

int
gdn_database_get_version (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), -1);
  return self->version;
}

gboolean
gdn_database_exec (GdnDatabase  *self,
                   const char   *sql,
                   GError      **error)
{
  int rc;

  g_return_val_if_fail (GDN_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
gdn_database_prepare (GdnDatabase  *self,
                      const char   *sql,
                      GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (GDN_IS_DATABASE (self), NULL);

  rc = sqlite3_prepare_v2 (self->handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare statement: %s", sqlite3_errmsg (self->handle));
      gdn_database_set_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
gdn_database_begin (GdnDatabase  *self,
                    GError      **error)
{
  /* IMMEDIATE takes the write lock up front so a busy database fails before any work. */
  return gdn_database_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
gdn_database_commit (GdnDatabase  *self,
                     GError      **error)
{
  return gdn_database_exec (self, "COMMIT", error);
}

void
gdn_database_rollback (GdnDatabase *self)
{
  g_return_if_fail (GDN_IS_DATABASE (self));

  if (!sqlite3_get_autocommit (self->handle))
    sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
gdn_database_quick_check (GdnDatabase  *self,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->handle, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_database_set_error (self, rc, error);
      if (error && *error && (*error)->code == GDN_DATABASE_ERROR_FAILED)
        (*error)->code = GDN_DATABASE_ERROR_CORRUPT;
      return FALSE;
    }

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdn_database_set_error (self, rc, error);
      return FALSE;
    }

  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s); it was left as it is. Restore a backup"),
                   self->path, (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }

  return TRUE;
}

gint64
gdn_database_query_int (GdnDatabase  *self,
                        const char   *sql,
                        GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    gdn_database_set_error (self, rc, error);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "gdn-database.h"
#include "gdn-id-set.h"
#include "gdn-migrations.h"

struct _GdnDatabase
{
  GObject       parent_instance;

  char         *path;
  sqlite3      *handle;
  GMainContext *context;        /* where "damaged" is emitted */
  int           version;
  guint         read_only : 1;
  guint         check_pending : 1;
  gint          damaged;        /* atomic: set once, by any thread */
};

enum {
  DAMAGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnDatabase, gdn_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (gdn-database-error-quark, gdn_database_error)

static const char sqlite_magic[16] = "SQLite format 3";

static gint64 sync_check_limit = GDN_DATABASE_SYNC_CHECK_LIMIT;

/* The open databases by their SQLite handle, so that damage met by any statement on a
 * handle (whoever reports it, through gdn_set_sqlite_error()) reaches its GdnDatabase. */
static GMutex handles_lock;
static GHashTable *handles;

static gboolean
emit_damaged_cb (gpointer data)
{
  GdnDatabase *self = data;

  g_signal_emit (self, signals[DAMAGED], 0);
  return G_SOURCE_REMOVE;
}

/* Marks the database damaged; the first time, "damaged" is emitted (from an idle in the
 * context that opened it, so that a handler can close the database safely). */
static void
mark_damaged (GdnDatabase *self)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  if (!g_atomic_int_compare_and_exchange (&self->damaged, 0, 1))
    return;
  g_debug ("The database %s is damaged", self->path);
  /* never from inside the statement that met the damage: its caller is still running */
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, emit_damaged_cb, g_object_ref (self), g_object_unref);
  g_source_set_static_name (source, "[gendan] database damaged");
  g_source_attach (source, self->context);
}

static void
report_damage (sqlite3 *db)
{
  g_autoptr(GdnDatabase) self = NULL;

  if (db == NULL)
    return;
  g_mutex_lock (&handles_lock);
  if (handles != NULL)
    self = g_hash_table_lookup (handles, db);
  if (self != NULL)
    g_object_ref (self);
  g_mutex_unlock (&handles_lock);

  if (self != NULL)
    mark_damaged (self);
}

static void
register_handle (GdnDatabase *self)
{
  g_mutex_lock (&handles_lock);
  if (handles == NULL)
    handles = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (handles, self->handle, self);
  g_mutex_unlock (&handles_lock);
}

static void
unregister_handle (GdnDatabase *self)
{
  g_mutex_lock (&handles_lock);
  if (handles != NULL && g_hash_table_lookup (handles, self->handle) == self)
    g_hash_table_remove (handles, self->handle);
  g_mutex_unlock (&handles_lock);
}

static char *
folder_of_database (sqlite3 *db)
{
  const char *file = db != NULL ? sqlite3_db_filename (db, "main") : NULL;

  return file != NULL && *file != '\0' ? g_path_get_dirname (file) : NULL;
}

void
gdn_set_sqlite_error (sqlite3  *db,
                      int       rc,
                      GError  **error)
{
  int code = GDN_DATABASE_ERROR_FAILED;
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *folder = NULL;

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
      folder = folder_of_database (db);
      if (folder != NULL)
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FULL,
                     _("The disk is full: free space on “%s” and try again. Nothing was "
                       "saved"), folder);
      else
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FULL,
                     _("The disk is full: free some space and try again. Nothing was "
                       "saved"));
      return;
    case SQLITE_IOERR:
      folder = folder_of_database (db);
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_IO,
                   _("The disk could not be written or read (%s): it may be full, removed "
                     "or failing. Free space on “%s” or check the disk, and try again. "
                     "Nothing was saved"), detail, folder != NULL ? folder : "?");
      return;
    case SQLITE_CORRUPT:
      code = GDN_DATABASE_ERROR_CORRUPT;
      report_damage (db);
      break;
    case SQLITE_NOTADB:
      code = GDN_DATABASE_ERROR_NOT_DATABASE;
      report_damage (db);
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

static int
reader_progress_cb (gpointer data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/**
 * gdn_database_open_reader:
 * @path: a database file the app's own connection has already opened (so checked and
 *   migrated)
 * @cancellable: (nullable): stops a running statement when cancelled
 *
 * Opens a read-only connection of its own to @path for a worker thread, with one read
 * transaction begun: what it reads is one consistent state of the file while the app goes
 * on writing through its own connection. Close it with gdn_database_close_reader().
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
sqlite3 *
gdn_database_open_reader (const char    *path,
                          GCancellable  *cancellable,
                          GError       **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      if (cancellable != NULL)
        sqlite3_progress_handler (db, 10000, reader_progress_cb, cancellable);
      /* no memory map: the pages read would count against the app's memory */
      rc = sqlite3_exec (db, "PRAGMA cache_size = -16384; BEGIN", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (db, rc, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

void
gdn_database_close_reader (sqlite3 *db)
{
  if (db == NULL)
    return;
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close_v2 (db);
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

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
has_content (const char *path,
             const char *suffix)
{
  g_autofree char *companion = g_strconcat (path, suffix, NULL);
  GStatBuf st;

  return g_stat (companion, &st) == 0 && st.st_size > 0;
}

/* The first problem quick_check lists (the others mostly follow from it), without the
 * "*** in database main ***" heading. */
static char *
first_problem (const char *result)
{
  g_auto(GStrv) lines = g_strsplit (result != NULL ? result : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && !g_str_has_prefix (lines[i], "*** in database"))
      return g_strdup (lines[i]);
  return g_strdup ("?");
}

static gboolean
set_damaged_error (GError     **error,
                   const char  *path,
                   const char  *why)
{
  g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
               _("“%s” is damaged (%s); it was left as it is. Restore a backup"), path, why);
  return FALSE;
}

/**
 * gdn_check_database_header:
 * @path: a database file
 * @file_size: (out) (optional): the size of @path, 0 when it does not exist
 *
 * The checks that cost nothing, before SQLite opens the file: the magic string, a valid
 * page size, a size that is a whole number of pages, and (when the header's page count is
 * valid and no -wal or -journal may hold the rest) no fewer pages than the header counts.
 * A missing or empty file passes: it is a new database.
 */
gboolean
gdn_check_database_header (const char  *path,
                           gint64      *file_size,
                           GError     **error)
{
  guint8 header[100];
  GStatBuf st;
  guint32 page_size, page_count;
  gssize n;
  int fd;

  if (file_size != NULL)
    *file_size = 0;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      close (fd);
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (file_size != NULL)
    *file_size = st.st_size;
  if (st.st_size == 0)
    return TRUE;

  if (n < (gssize) sizeof sqlite_magic || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Gendan database; it was left as it is"), path);
      return FALSE;
    }
  if (n < (gssize) sizeof header)
    return set_damaged_error (error, path, _("it is cut short"));

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || page_size > 65536 || (page_size & (page_size - 1)) != 0)
    return set_damaged_error (error, path, _("its header is invalid"));

  if (st.st_size % page_size != 0)
    return set_damaged_error (error, path, _("it is cut short"));

  /* The header's page count is valid when the change counter matches the version it was
   * written at; a -wal or hot -journal may still hold pages the file lacks. */
  page_count = read_be32 (header + 28);
  if (page_count != 0 && read_be32 (header + 24) == read_be32 (header + 92) &&
      !has_content (path, "-wal") && !has_content (path, "-journal") &&
      (guint64) st.st_size < (guint64) page_count * page_size)
    return set_damaged_error (error, path, _("it is cut short"));

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
    {
      unregister_handle (self);
      sqlite3_close_v2 (self->handle);
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (gdn_database_parent_class)->finalize (object);
}

static void
gdn_database_class_init (GdnDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdn_database_finalize;

  /**
   * GdnDatabase::damaged:
   *
   * The file turned out to be damaged after it was opened: the check of a large file
   * (gdn_database_check_async()) failed, or SQLite met a damaged page while it was in use.
   * Emitted once, in the main context of the thread that opened it. Write nothing more to
   * it: close it and move it aside (gdn_database_move_aside()).
   */
  signals[DAMAGED] = g_signal_new ("damaged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gdn_database_init (GdnDatabase *self)
{
}

/**
 * gdn_database_open_full:
 * @path: the database file, created when missing (unless @flags asks for read-only)
 * @version: the schema version to migrate to (tests use older ones; 0 leaves it as it is)
 * @flags: %GDN_DATABASE_OPEN_READ_ONLY to open it read-only even where it can be written
 *
 * Opens @path, refusing files that are not databases, are damaged, or come from a newer
 * Gendan, and migrates it forward to @version one step at a time. The damage check is the
 * header (gdn_check_database_header()) and, for files up to
 * %GDN_DATABASE_SYNC_CHECK_LIMIT, PRAGMA quick_check; a bigger file opens at once and
 * gdn_database_get_check_pending() says that gdn_database_check_async() should follow.
 * A file that cannot be written opens read-only (gdn_database_is_read_only()).
 */
GdnDatabase *
gdn_database_open_full (const char            *path,
                        int                    version,
                        GdnDatabaseOpenFlags   flags,
                        GError               **error)
{
  g_autoptr(GdnDatabase) self = NULL;
  gboolean exists;
  gint64 size = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!gdn_check_database_header (path, &size, error))
    return NULL;

  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && (flags & GDN_DATABASE_OPEN_READ_ONLY) != 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s” read-only: there is no such file"), path);
      return NULL;
    }
  if (!exists && (!ensure_parent_folder (path, error) || !create_private_file (path, error)))
    return NULL;

  self = g_object_new (GDN_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);
  self->context = g_main_context_ref_thread_default ();

  if ((flags & GDN_DATABASE_OPEN_READ_ONLY) != 0)
    rc = SQLITE_READONLY;
  else
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
  /* lists look rows up in the set of a search's matches (gdn-query-model.c) */
  gdn_id_set_register_sql (self->handle);

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

  if (size <= sync_check_limit)
    {
      if (!gdn_database_quick_check (self, error))
        return NULL;
    }
  else
    self->check_pending = TRUE;

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

  register_handle (self);
  return g_steal_pointer (&self);
}

/**
 * gdn_database_open_at_version:
 * @path: the database file, created when missing
 * @version: the schema version to migrate to (tests use older ones)
 *
 * gdn_database_open_full() without flags.
 */
GdnDatabase *
gdn_database_open_at_version (const char  *path,
                              int          version,
                              GError     **error)
{
  return gdn_database_open_full (path, version, GDN_DATABASE_OPEN_DEFAULT, error);
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
      g_autofree char *first = first_problem ((const char *) sqlite3_column_text (stmt, 0));

      set_damaged_error (error, self->path, first);
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

/**
 * gdn_database_get_check_pending:
 *
 * Returns: %TRUE when the file was too large to be checked while it was opened: run
 *   gdn_database_check_async() once the window is up
 */
gboolean
gdn_database_get_check_pending (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), FALSE);
  return self->check_pending;
}

/**
 * gdn_database_is_damaged:
 *
 * Returns: %TRUE once damage was found after the file was opened (see
 *   #GdnDatabase::damaged)
 */
gboolean
gdn_database_is_damaged (GdnDatabase *self)
{
  g_return_val_if_fail (GDN_IS_DATABASE (self), FALSE);
  return g_atomic_int_get (&self->damaged) != 0;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  int rc;

  /* its own read-only connection: the window goes on reading and writing meanwhile */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *result = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (result, "ok") != 0)
            {
              g_autofree char *first = first_problem (result);

              set_damaged_error (&error, path, first);
            }
        }
    }
  if (error == NULL && rc != SQLITE_ROW)
    {
      gdn_set_sqlite_error (db, rc, &error);
      if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        error->code = GDN_DATABASE_ERROR_CORRUPT;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close_v2 (db);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Reading every page of a file of years of orders takes a while: the window, the lists
 * and the agenda go first. */
static gpointer
check_thread_main (gpointer data)
{
  g_autoptr(GTask) task = data;

#ifdef __linux__
  /* on Linux, PRIO_PROCESS with a thread id sets the priority of that thread alone */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), 19);
#endif
  check_thread (task, g_task_get_source_object (task), g_task_get_task_data (task),
                g_task_get_cancellable (task));
  return NULL;
}

/**
 * gdn_database_check_async:
 *
 * Runs PRAGMA quick_check on a worker thread, with a read-only connection of its own.
 * When it finds damage, the database is marked damaged and #GdnDatabase::damaged is
 * emitted (as well as the error of gdn_database_check_finish()).
 */
void
gdn_database_check_async (GdnDatabase         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GDN_IS_DATABASE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, gdn_database_check_async);
  g_task_set_task_data (task, g_strdup (self->path), g_free);
  /* a thread of its own, not one of the shared pool: it runs at the lowest priority */
  g_thread_unref (g_thread_new ("gdn-check", check_thread_main, g_steal_pointer (&task)));
}

gboolean
gdn_database_check_finish (GdnDatabase   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  self->check_pending = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      if (g_error_matches (local_error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT))
        mark_damaged (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_database_set_sync_check_limit:
 * @bytes: the largest file that gets PRAGMA quick_check while it is opened
 *
 * Changes %GDN_DATABASE_SYNC_CHECK_LIMIT for this process (tests and benchmarks).
 */
void
gdn_database_set_sync_check_limit (gint64 bytes)
{
  sync_check_limit = bytes;
}

/**
 * gdn_database_move_aside:
 * @path: a damaged database that is not open
 *
 * Renames @path, with its -wal, -shm and -journal, to "NAME.corrupt-YYYYMMDD-HHMMSS"
 * (and the same suffixes), so that nothing writes to it any more and a new or restored
 * database can take its place. The bytes are kept as they were, for recovery.
 *
 * Returns: (transfer full): the new name of @path, or %NULL
 */
char *
gdn_database_move_aside (const char  *path,
                         GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  for (guint n = 1; aside == NULL || g_file_test (aside, G_FILE_TEST_EXISTS); n++)
    {
      g_free (aside);
      aside = n == 1 ? g_strdup_printf ("%s.corrupt-%s", path, stamp)
                     : g_strdup_printf ("%s.corrupt-%s-%u", path, stamp, n);
    }

  /* the companions first: a -wal left behind would be applied to the next database */
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (path, companions[i], NULL);
      g_autofree char *to = g_strconcat (aside, companions[i], NULL);

      if (g_rename (from, to) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                       _("Cannot move the damaged “%s” aside: %s"), from, g_strerror (saved));
          return NULL;
        }
    }
  if (g_rename (path, aside) != 0)
    {
      int saved = errno;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot move the damaged “%s” aside: %s"), path, g_strerror (saved));
      return NULL;
    }
  return g_steal_pointer (&aside);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gdn-backup.h"
#include "gdn-parse.h"

/* Backups are made with SQLite's online backup API, so they are consistent while the app
 * keeps writing, into a temporary file beside the destination that is checked and synced
 * before it is renamed into place: a backup on disk is always a whole, verified database.
 * Restoring checks the backup before touching anything, keeps the database it replaces,
 * and swaps the file in with one rename. */

#define PAGES_PER_STEP 256
#define MAX_PROBLEMS 5

typedef struct
{
  GdnBackupProgressFunc  func;
  gpointer               data;
  GMainContext          *context;
} Progress;

/* @format has two %s: the path and the system's reason. */
static gboolean G_GNUC_PRINTF (3, 0)
set_errno_error (GError      **error,
                 int           saved,
                 const char   *format,
                 const char   *path)
{
  g_autofree char *message = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  message = g_strdup_printf (format, path, g_strerror (saved));
#pragma GCC diagnostic pop
  g_set_error_literal (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED, message);
  return FALSE;
}

/* A folder we create for backups is private; one the person chose is left as it is. */
static gboolean
ensure_folder (const char  *dir,
               GError     **error)
{
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    return set_errno_error (error, errno, _("Cannot create the folder “%s”: %s"), dir);
  return TRUE;
}

static gboolean
sync_path (const char  *path,
           gboolean     is_dir,
           GError     **error)
{
  int fd = g_open (path, (is_dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC, 0);

  if (fd < 0)
    return set_errno_error (error, errno, _("Cannot open “%s”: %s"), path);
  if (fsync (fd) != 0 && !is_dir)
    {
      int saved = errno;
      close (fd);
      return set_errno_error (error, saved, _("Cannot write “%s”: %s"), path);
    }
  close (fd);
  return TRUE;
}

/* An empty private file beside @dest for SQLite to fill. */
static char *
make_temp_beside (const char  *dest,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *base = g_path_get_basename (dest);
  g_autofree char *name = g_strdup_printf (".%s.tmp-XXXXXX", base);
  char *tmpl = g_build_filename (dir, name, NULL);
  int fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      set_errno_error (error, errno, _("Cannot create a file in “%s”: %s"), dir);
      g_free (tmpl);
      return NULL;
    }
  close (fd);
  return tmpl;
}

static void
remove_temp (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (journal);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
report_progress_cb (gpointer data)
{
  Progress *p = data;

  p->func (*(double *) (p + 1), p->data);
  return G_SOURCE_REMOVE;
}

static void
report_progress (const Progress *progress,
                 double          fraction)
{
  Progress *copy;

  if (progress == NULL || progress->func == NULL)
    return;
  if (progress->context == NULL)
    {
      progress->func (fraction, progress->data);
      return;
    }

  /* the fraction travels right after the struct */
  copy = g_malloc (sizeof (Progress) + sizeof (double));
  *copy = *progress;
  *(double *) (copy + 1) = fraction;
  g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, report_progress_cb,
                              copy, g_free);
}

/* PRAGMA quick_check or integrity_check; the problems SQLite lists, joined. */
static gboolean
run_check (sqlite3     *db,
           const char  *pragma,
           const char  *path,
           GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint n_problems = 0;
  int rc;

  rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *row = (const char *) sqlite3_column_text (stmt, 0);
          g_auto(GStrv) lines = g_strsplit (row ? row : "?", "\n", -1);

          /* a row may hold several problems, one a line */
          for (guint i = 0; lines[i] != NULL; i++)
            {
              if (*lines[i] == '\0' || strcmp (lines[i], "ok") == 0 ||
                  g_str_has_prefix (lines[i], "*** in database"))
                continue;
              /* the first few say what is wrong; the rest are mostly their consequences */
              if (++n_problems > MAX_PROBLEMS)
                continue;
              if (problems->len > 0)
                g_string_append (problems, "; ");
              g_string_append (problems, lines[i]);
            }
        }
    }
  sqlite3_finalize (stmt);
  if (n_problems > MAX_PROBLEMS)
    g_string_append_printf (problems, g_dngettext (GETTEXT_PACKAGE, "; and %u more problem",
                                                   "; and %u more problems",
                                                   n_problems - MAX_PROBLEMS),
                            n_problems - MAX_PROBLEMS);

  if (rc != SQLITE_DONE && problems->len == 0)
    g_string_append (problems, sqlite3_errmsg (db));
  if (problems->len > 0)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                     _("“%s” is not a database (%s)"), path, problems->str);
      else
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
                     _("“%s” is damaged: %s"), path, problems->str);
      return FALSE;
    }
  return TRUE;
}

/* A read-only view of a WAL-mode database that has no -wal file. Such a file is complete
 * by itself, but SQLite would create an empty -wal and a -shm beside it to read it, even on
 * a read-only connection; this VFS shows it as a rollback-journal database instead (bytes 18
 * and 19 of the header read as 1), so checking it leaves its folder exactly as it was. It
 * is used only when no -wal exists, so no committed change is ever skipped. */

typedef struct
{
  sqlite3_file   base;
  sqlite3_file  *real;   /* follows this struct in the same allocation */
} ViewFile;

static sqlite3_vfs *
real_vfs (sqlite3_vfs *vfs)
{
  return vfs->pAppData;
}

static int
view_close (sqlite3_file *file)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods ? v->real->pMethods->xClose (v->real) : SQLITE_OK;
}

static int
view_read (sqlite3_file  *file,
           void          *buf,
           int            amount,
           sqlite3_int64  offset)
{
  ViewFile *v = (ViewFile *) file;
  int rc = v->real->pMethods->xRead (v->real, buf, amount, offset);

  if (rc == SQLITE_OK || rc == SQLITE_IOERR_SHORT_READ)
    for (sqlite3_int64 i = 18; i <= 19; i++)
      if (i >= offset && i < offset + amount && ((guchar *) buf)[i - offset] == 2)
        ((guchar *) buf)[i - offset] = 1;
  return rc;
}

static int
view_write (sqlite3_file  *file,
            const void    *buf,
            int            amount,
            sqlite3_int64  offset)
{
  return SQLITE_READONLY;
}

static int
view_truncate (sqlite3_file  *file,
               sqlite3_int64  size)
{
  return SQLITE_READONLY;
}

static int
view_sync (sqlite3_file *file,
           int           flags)
{
  return SQLITE_OK;
}

static int
view_file_size (sqlite3_file  *file,
                sqlite3_int64 *size)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xFileSize (v->real, size);
}

static int
view_lock (sqlite3_file *file,
           int           lock)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xLock (v->real, lock);
}

static int
view_unlock (sqlite3_file *file,
             int           lock)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xUnlock (v->real, lock);
}

static int
view_check_reserved_lock (sqlite3_file *file,
                          int          *out)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xCheckReservedLock (v->real, out);
}

static int
view_file_control (sqlite3_file *file,
                   int           op,
                   void         *arg)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xFileControl (v->real, op, arg);
}

static int
view_sector_size (sqlite3_file *file)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xSectorSize (v->real);
}

static int
view_device_characteristics (sqlite3_file *file)
{
  ViewFile *v = (ViewFile *) file;
  return v->real->pMethods->xDeviceCharacteristics (v->real);
}

/* Version 1: no shared memory and no memory mapping, so every read goes through view_read. */
static const sqlite3_io_methods view_methods = {
  1,
  view_close,
  view_read,
  view_write,
  view_truncate,
  view_sync,
  view_file_size,
  view_lock,
  view_unlock,
  view_check_reserved_lock,
  view_file_control,
  view_sector_size,
  view_device_characteristics,
};

static int
view_open (sqlite3_vfs   *vfs,
           const char    *name,
           sqlite3_file  *file,
           int            flags,
           int           *out_flags)
{
  ViewFile *v = (ViewFile *) file;
  int rc;

  /* temporary files (sorting for the check) are the real VFS's business */
  if (!(flags & SQLITE_OPEN_MAIN_DB))
    return real_vfs (vfs)->xOpen (real_vfs (vfs), name, file, flags, out_flags);

  flags &= ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_READONLY;
  v->real = (sqlite3_file *) (v + 1);
  v->real->pMethods = NULL;
  rc = real_vfs (vfs)->xOpen (real_vfs (vfs), name, v->real, flags, out_flags);
  v->base.pMethods = rc == SQLITE_OK ? &view_methods : NULL;
  return rc;
}

static int
view_delete (sqlite3_vfs *vfs,
             const char  *name,
             int          sync_dir)
{
  return real_vfs (vfs)->xDelete (real_vfs (vfs), name, sync_dir);
}

static int
view_access (sqlite3_vfs *vfs,
             const char  *name,
             int          flags,
             int         *out)
{
  return real_vfs (vfs)->xAccess (real_vfs (vfs), name, flags, out);
}

static int
view_full_pathname (sqlite3_vfs *vfs,
                    const char  *name,
                    int          n,
                    char        *out)
{
  return real_vfs (vfs)->xFullPathname (real_vfs (vfs), name, n, out);
}

static int
view_randomness (sqlite3_vfs *vfs,
                 int          n,
                 char        *out)
{
  return real_vfs (vfs)->xRandomness (real_vfs (vfs), n, out);
}

static int
view_sleep (sqlite3_vfs *vfs,
            int          microseconds)
{
  return real_vfs (vfs)->xSleep (real_vfs (vfs), microseconds);
}

static int
view_current_time (sqlite3_vfs *vfs,
                   double      *out)
{
  return real_vfs (vfs)->xCurrentTime (real_vfs (vfs), out);
}

static int
view_get_last_error (sqlite3_vfs *vfs,
                     int          n,
                     char        *out)
{
  return real_vfs (vfs)->xGetLastError (real_vfs (vfs), n, out);
}

static int
view_current_time_int64 (sqlite3_vfs   *vfs,
                         sqlite3_int64 *out)
{
  return real_vfs (vfs)->xCurrentTimeInt64 (real_vfs (vfs), out);
}

#define VIEW_VFS_NAME "gendan-wal-less-view"

static gpointer
register_view_vfs (gpointer unused)
{
  static sqlite3_vfs view;
  sqlite3_vfs *real = sqlite3_vfs_find (NULL);

  view.iVersion = 2;
  view.szOsFile = sizeof (ViewFile) + real->szOsFile;
  view.mxPathname = real->mxPathname;
  view.zName = VIEW_VFS_NAME;
  view.pAppData = real;
  view.xOpen = view_open;
  view.xDelete = view_delete;
  view.xAccess = view_access;
  view.xFullPathname = view_full_pathname;
  view.xRandomness = view_randomness;
  view.xSleep = view_sleep;
  view.xCurrentTime = view_current_time;
  view.xGetLastError = view_get_last_error;
  view.xCurrentTimeInt64 = view_current_time_int64;
  /* extensions are not loaded through this VFS */
  g_assert (sqlite3_vfs_register (&view, 0) == SQLITE_OK);
  return NULL;
}

/* The VFS to read @path with: the default one, unless @path is a WAL-mode database without
 * its -wal file (see above). */
static const char *
read_only_vfs_for (const char *path)
{
  static GOnce once = G_ONCE_INIT;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  guchar header[20];
  gssize n = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      n = read (fd, header, sizeof header);
      close (fd);
    }
  if (n != (gssize) sizeof header || header[18] != 2 || header[19] != 2 ||
      g_file_test (wal, G_FILE_TEST_EXISTS))
    return NULL;

  g_once (&once, register_view_vfs, NULL);
  return VIEW_VFS_NAME;
}

/* Opens @path without writing to it: read-only, and refusing what is not an SQLite file
 * before SQLite reads it. A database with a -wal file is read with it. */
static sqlite3 *
open_read_only (const char  *path,
                GError     **error)
{
  sqlite3 *db = NULL;
  GStatBuf st;
  int rc;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size == 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Gendan database"), path);
      return NULL;
    }
  if (!gdn_check_database_file (path, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX,
                        read_only_vfs_for (path));
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), path,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Copies @src into the empty file @tmp and checks the copy. The copy is left in rollback
 * journal mode, so it is one self-contained file. */
static gboolean
copy_database (sqlite3         *src,
               const char      *tmp,
               const Progress  *progress,
               GCancellable    *cancellable,
               GError         **error)
{
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_OPEN,
                   _("Cannot create the backup “%s”: %s"), tmp,
                   dst ? sqlite3_errmsg (dst) : sqlite3_errstr (rc));
      sqlite3_close (dst);
      return FALSE;
    }
  sqlite3_extended_result_codes (dst, 1);

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      gdn_set_sqlite_error (dst, sqlite3_errcode (dst), error);
      sqlite3_close (dst);
      return FALSE;
    }

  report_progress (progress, 0.0);
  do
    {
      int total, remaining;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      rc = sqlite3_backup_step (backup, PAGES_PER_STEP);
      total = sqlite3_backup_pagecount (backup);
      remaining = sqlite3_backup_remaining (backup);
      if (total > 0 && rc != SQLITE_DONE)
        report_progress (progress, 0.95 * (total - remaining) / total);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_close (dst);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      gdn_set_sqlite_error (src, rc, error);
      sqlite3_close (dst);
      return FALSE;
    }

  rc = sqlite3_exec (dst, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (dst, rc, error);
      sqlite3_close (dst);
      return FALSE;
    }
  if (!run_check (dst, "PRAGMA quick_check", tmp, error))
    {
      sqlite3_close (dst);
      return FALSE;
    }
  if (sqlite3_close (dst) != SQLITE_OK)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                   _("Cannot finish the backup “%s”"), tmp);
      return FALSE;
    }
  return TRUE;
}

/* Backs @src up into @dest through a temporary file renamed into place. */
static gboolean
backup_to (sqlite3         *src,
           const char      *dest,
           const Progress  *progress,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autofree char *dir = g_path_get_dirname (dest);
  g_autofree char *tmp = NULL;

  if (!ensure_folder (dir, error))
    return FALSE;
  tmp = make_temp_beside (dest, error);
  if (tmp == NULL)
    return FALSE;

  if (!copy_database (src, tmp, progress, cancellable, error) ||
      !sync_path (tmp, FALSE, error))
    {
      remove_temp (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      remove_temp (tmp);
      return set_errno_error (error, saved, _("Cannot write the backup “%s”: %s"), dest);
    }
  sync_path (dir, TRUE, NULL);
  report_progress (progress, 1.0);
  return TRUE;
}

/**
 * gdn_backup_default_folder:
 *
 * Returns: `$XDG_DATA_HOME/gendan/backups`
 */
char *
gdn_backup_default_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "gendan", "backups", NULL);
}

/**
 * gdn_backup_create:
 * @dest: the backup file; replaced when it exists. A missing folder is created (0700).
 *
 * Copies @database to @dest (0600) while it stays open, checks the copy with
 * PRAGMA quick_check and only then puts it in place. Runs on the calling thread, on
 * @database's own connection; see gdn_backup_create_async() for the app.
 */
gboolean
gdn_backup_create (GdnDatabase  *database,
                   const char   *dest,
                   GError      **error)
{
  g_return_val_if_fail (GDN_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  return backup_to (gdn_database_get_handle (database), dest, NULL, NULL, error);
}

static gboolean
is_daily_name (const char *name)
{
  g_autofree char *date = NULL;

  if (strlen (name) != strlen ("gendan-YYYY-MM-DD.db") || !g_str_has_prefix (name, "gendan-") ||
      !g_str_has_suffix (name, ".db"))
    return FALSE;
  date = g_strndup (name + strlen ("gendan-"), 10);
  return gdn_date_is_valid (date);
}

static int
compare_names_desc (gconstpointer a,
                    gconstpointer b)
{
  return -strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Keeps the newest GDN_BACKUP_KEEP_DAILY daily files; other files are not ours to touch. */
static void
rotate (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names_desc);
  for (guint i = GDN_BACKUP_KEEP_DAILY; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) != 0)
        g_warning ("Cannot remove the old backup “%s”: %s", path, g_strerror (errno));
    }
}

static char *
daily_path (const char *folder)
{
  g_autofree char *today = gdn_today ();
  g_autofree char *name = g_strdup_printf ("gendan-%s.db", today);

  return g_build_filename (folder, name, NULL);
}

/**
 * gdn_backup_daily:
 * @folder: (nullable): where daily backups go; %NULL for gdn_backup_default_folder()
 *
 * Writes today's backup, `gendan-YYYY-MM-DD.db` (a second one the same day replaces the
 * first), then removes all but the newest %GDN_BACKUP_KEEP_DAILY daily backups.
 *
 * Returns: (transfer full): the backup written, or %NULL with @error set
 */
char *
gdn_backup_daily (GdnDatabase  *database,
                  const char   *folder,
                  GError      **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (GDN_IS_DATABASE (database), NULL);

  if (folder == NULL)
    folder = default_folder = gdn_backup_default_folder ();
  path = daily_path (folder);
  if (!gdn_backup_create (database, path, error))
    return NULL;
  rotate (folder);
  return g_steal_pointer (&path);
}

typedef struct
{
  char      *database_path;
  char      *dest;       /* a file, or the folder of daily backups */
  gboolean   daily;
  Progress   progress;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->database_path);
  g_free (job->dest);
  g_clear_pointer (&job->progress.context, g_main_context_unref);
  g_free (job);
}

/* A worker has its own connection: SQLite connections are not shared between threads
 * here, and WAL lets this reader run beside the app's writes. The read transaction keeps
 * one snapshot for the whole copy. */
static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = NULL;
  sqlite3 *src;
  int rc;

  src = open_read_only (job->database_path, &error);
  if (src == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rc = sqlite3_exec (src, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (src, rc, &error);
      sqlite3_close (src);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dest = job->daily ? daily_path (job->dest) : g_strdup (job->dest);
  if (!backup_to (src, dest, &job->progress, cancellable, &error))
    {
      sqlite3_exec (src, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (src);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sqlite3_exec (src, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (src);

  if (job->daily)
    rotate (job->dest);
  g_task_return_pointer (task, g_steal_pointer (&dest), g_free);
}

static void
start_job (GdnDatabase            *database,
           const char             *dest,
           gboolean                daily,
           GCancellable           *cancellable,
           GdnBackupProgressFunc   progress,
           gpointer                progress_data,
           GAsyncReadyCallback     callback,
           gpointer                user_data,
           gpointer                source_tag)
{
  g_autoptr(GTask) task = g_task_new (database, cancellable, callback, user_data);
  BackupJob *job = g_new0 (BackupJob, 1);

  g_task_set_source_tag (task, source_tag);
  job->database_path = g_strdup (gdn_database_get_path (database));
  job->dest = daily && dest == NULL ? gdn_backup_default_folder () : g_strdup (dest);
  job->daily = daily;
  job->progress.func = progress;
  job->progress.data = progress_data;
  job->progress.context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * gdn_backup_create_async:
 * @progress: (nullable): called on the calling thread's main context as pages are copied
 * @progress_data: for @progress; must stay valid until @callback runs
 *
 * Like gdn_backup_create(), on a worker thread with its own connection to @database's
 * file. Cancelling leaves no file behind.
 */
void
gdn_backup_create_async (GdnDatabase            *database,
                         const char             *dest,
                         GCancellable           *cancellable,
                         GdnBackupProgressFunc   progress,
                         gpointer                progress_data,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_return_if_fail (GDN_IS_DATABASE (database));
  g_return_if_fail (dest != NULL);

  start_job (database, dest, FALSE, cancellable, progress, progress_data, callback, user_data,
             gdn_backup_create_async);
}

gboolean
gdn_backup_create_finish (GdnDatabase   *database,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_autofree char *dest = NULL;

  g_return_val_if_fail (g_task_is_valid (result, database), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gdn_backup_create_async,
                        FALSE);

  dest = g_task_propagate_pointer (G_TASK (result), error);
  return dest != NULL;
}

/**
 * gdn_backup_daily_async:
 * @folder: (nullable): as for gdn_backup_daily()
 *
 * gdn_backup_daily() on a worker thread; see gdn_backup_create_async().
 */
void
gdn_backup_daily_async (GdnDatabase            *database,
                        const char             *folder,
                        GCancellable           *cancellable,
                        GdnBackupProgressFunc   progress,
                        gpointer                progress_data,
                        GAsyncReadyCallback     callback,
                        gpointer                user_data)
{
  g_return_if_fail (GDN_IS_DATABASE (database));

  start_job (database, folder, TRUE, cancellable, progress, progress_data, callback, user_data,
             gdn_backup_daily_async);
}

/**
 * gdn_backup_daily_finish:
 *
 * Returns: (transfer full): the backup written, or %NULL with @error set
 */
char *
gdn_backup_daily_finish (GdnDatabase   *database,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, database), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gdn_backup_daily_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static int
read_user_version (sqlite3  *db,
                   int      *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  *rc_out = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (*rc_out == SQLITE_OK)
    {
      *rc_out = sqlite3_step (stmt);
      if (*rc_out == SQLITE_ROW)
        version = sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return version;
}

/* The checks a backup passes before it may replace a database. */
static gboolean
verify_open (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  int rc;
  int version = read_user_version (db, &rc);

  if (version < 0)
    {
      if ((rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                     _("“%s” is not a Gendan database"), path);
      else
        g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT,
                     _("“%s” is damaged: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }
  if (version == 0)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Gendan database"), path);
      return FALSE;
    }
  if (version > GDN_SCHEMA_VERSION)
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NEWER_VERSION,
                   _("“%s” was written by a newer Gendan (database version %d; this version "
                     "understands up to %d). Update Gendan to restore it"),
                   path, version, GDN_SCHEMA_VERSION);
      return FALSE;
    }
  return run_check (db, "PRAGMA quick_check", path, error);
}

/**
 * gdn_backup_verify:
 *
 * Checks that @path can be restored: an SQLite file written by this or an older Gendan,
 * passing PRAGMA quick_check. Reads only.
 */
gboolean
gdn_backup_verify (const char  *path,
                   GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  db = open_read_only (path, error);
  if (db == NULL)
    return FALSE;
  ok = verify_open (db, path, error);
  sqlite3_close (db);
  return ok;
}

/* Moves @from to @to when it exists. */
static gboolean
move_if_present (const char  *from,
                 const char  *to,
                 GError     **error)
{
  if (!g_file_test (from, G_FILE_TEST_EXISTS))
    return TRUE;
  if (g_rename (from, to) != 0)
    return set_errno_error (error, errno, _("Cannot move “%s”: %s"), from);
  g_chmod (to, 0600);
  return TRUE;
}

/* Keeps the database about to be replaced, with its -wal and -journal, under a name that
 * SQLite pairs them by: "<name>.before-restore-YYYYMMDD-HHMMSS". The database path stays
 * in place (a hard link) until the restored file replaces it. */
static char *
keep_replaced (const char  *database_path,
               GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *kept = NULL;
  static const char * const companions[] = { "-wal", "-journal" };

  for (guint n = 1; kept == NULL || g_file_test (kept, G_FILE_TEST_EXISTS); n++)
    {
      g_free (kept);
      kept = n == 1 ? g_strdup_printf ("%s.before-restore-%s", database_path, stamp)
                    : g_strdup_printf ("%s.before-restore-%s-%u", database_path, stamp, n);
    }

  if (link (database_path, kept) != 0 && g_rename (database_path, kept) != 0)
    {
      set_errno_error (error, errno, _("Cannot keep the replaced database “%s”: %s"),
                       database_path);
      return NULL;
    }
  g_chmod (kept, 0600);

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *from = g_strconcat (database_path, companions[i], NULL);
      g_autofree char *to = g_strconcat (kept, companions[i], NULL);

      if (!move_if_present (from, to, error))
        return NULL;
    }
  return g_steal_pointer (&kept);
}

/**
 * gdn_backup_restore_full:
 * @database_path: the database to replace (or create); it must not be open
 * @backup_path: a backup, checked with gdn_backup_verify() before anything changes
 * @kept_path: (out) (optional) (transfer full): where the replaced database was kept, or
 *   %NULL when there was none
 *
 * Puts @backup_path in place of @database_path. The backup is copied into a temporary
 * file beside the database, checked and synced; the current database (with its -wal) is
 * kept as "<name>.before-restore-YYYYMMDD-HHMMSS" (0600), its stale -shm removed, and the
 * copy renamed into place. When the backup is refused nothing is touched.
 */
gboolean
gdn_backup_restore_full (const char   *database_path,
                         const char   *backup_path,
                         char        **kept_path,
                         GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *shm = NULL;
  sqlite3 *src;
  gboolean ok;

  g_return_val_if_fail (database_path != NULL, FALSE);
  g_return_val_if_fail (backup_path != NULL, FALSE);

  if (kept_path != NULL)
    *kept_path = NULL;

  src = open_read_only (backup_path, error);
  if (src == NULL)
    return FALSE;
  if (!verify_open (src, backup_path, error))
    {
      sqlite3_close (src);
      return FALSE;
    }

  dir = g_path_get_dirname (database_path);
  if (!ensure_folder (dir, error))
    {
      sqlite3_close (src);
      return FALSE;
    }
  tmp = make_temp_beside (database_path, error);
  if (tmp == NULL)
    {
      sqlite3_close (src);
      return FALSE;
    }
  ok = copy_database (src, tmp, NULL, NULL, error);
  sqlite3_close (src);
  if (!ok || !sync_path (tmp, FALSE, error))
    {
      remove_temp (tmp);
      return FALSE;
    }

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      kept = keep_replaced (database_path, error);
      if (kept == NULL)
        {
          remove_temp (tmp);
          return FALSE;
        }
    }
  /* a -shm left from the replaced file would describe the wrong database */
  shm = g_strconcat (database_path, "-shm", NULL);
  g_unlink (shm);

  if (g_rename (tmp, database_path) != 0)
    {
      int saved = errno;
      remove_temp (tmp);
      return set_errno_error (error, saved, _("Cannot put the backup in place of “%s”: %s"),
                              database_path);
    }
  sync_path (dir, TRUE, NULL);

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}

/**
 * gdn_backup_restore:
 *
 * gdn_backup_restore_full() without asking where the replaced database was kept.
 */
gboolean
gdn_backup_restore (const char  *database_path,
                    const char  *backup_path,
                    GError     **error)
{
  return gdn_backup_restore_full (database_path, backup_path, NULL, error);
}

/**
 * gdn_backup_check:
 *
 * Runs PRAGMA integrity_check on @path, read-only: the file (and its -wal, if any) is not
 * written. A damaged file is a %GDN_DATABASE_ERROR_CORRUPT error naming the problems SQLite
 * found; a file that is not a database, %GDN_DATABASE_ERROR_NOT_DATABASE.
 */
gboolean
gdn_backup_check (const char  *path,
                  GError     **error)
{
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  /* a file cut short at a page boundary can pass integrity_check where the header tells */
  if (!gdn_check_database_header (path, NULL, error))
    return FALSE;

  db = open_read_only (path, error);
  if (db == NULL)
    return FALSE;
  ok = run_check (db, "PRAGMA integrity_check", path, error);
  sqlite3_close (db);
  return ok;
}

/**
 * gdn_backup_find_newest:
 * @folder: (nullable): the backup folder; %NULL for gdn_backup_default_folder()
 *
 * Looks for the newest daily backup in @folder that passes gdn_backup_verify(), newest
 * first; the ones that do not pass are skipped (and left as they are).
 *
 * Returns: (transfer full) (nullable): its path, or %NULL when there is none
 */
char *
gdn_backup_find_newest (const char *folder)
{
  g_autofree char *default_folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    folder = default_folder = gdn_backup_default_folder ();
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (is_daily_name (name))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, compare_names_desc);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) error = NULL;

      if (gdn_backup_verify (path, &error))
        return g_steal_pointer (&path);
      g_debug ("Skipping the backup %s: %s", path, error->message);
    }
  return NULL;
}

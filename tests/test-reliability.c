/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damaged files, full disks, shared drives and two writers: the database fails safe. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/vfs.h>
#include <sys/wait.h>

#include "gdn-backup.h"
#include "gdn-customer.h"
#include "gdn-fs-check.h"
#include "gdn-record.h"
#include "gdn-test-utils.h"

#define PAGE_SIZE 4096

static GdnCustomer *
new_customer (const char *code,
              const char *name,
              const char *notes)
{
  GdnRecord *record = gdn_record_new (GDN_TYPE_CUSTOMER);

  gdn_record_set_string (record, "code", code);
  gdn_record_set_string (record, "name", name);
  if (notes != NULL)
    gdn_record_set_string (record, "notes", notes);
  return GDN_CUSTOMER (record);
}

/* A database of @n customers, checkpointed into the main file, and closed. */
static char *
make_database (guint n)
{
  g_autofree char *path = gdn_test_tmp_path ("gendan.db");

  return gdn_test_make_customers_database (path, n);
}

static gint64
root_page_of (const char *path,
              const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);
  g_autofree char *sql = g_strdup_printf ("SELECT rootpage FROM sqlite_schema WHERE name = '%s'",
                                          table);
  gint64 page;

  g_assert_no_error (error);
  page = gdn_database_query_int (db, sql, &error);
  g_assert_no_error (error);
  g_assert_cmpint (page, >, 1);
  return page;
}

/* Overwrites the b-tree page header and cell pointers of @page: the header of the file
 * stays valid, only a look inside the b-tree finds it. */
static void
flip_btree_page (const char *path,
                 gint64      page)
{
  g_autofree char *contents = NULL;
  gsize len;
  gsize start = (gsize) (page - 1) * PAGE_SIZE;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, start + PAGE_SIZE);
  for (gsize i = start + 1; i < start + 40; i++)
    contents[i] ^= 0x5A;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static void
truncate_to (const char *path,
             gsize       size)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, size);
  g_assert_true (g_file_set_contents (path, contents, size, NULL));
}

static void
on_damaged_cb (GdnDatabase *db,
               gpointer     user_data)
{
  (*(guint *) user_data)++;
}

/* ---- shared drives ---- */

static void
test_fs_classify (void)
{
  const char *name = NULL;

  g_assert_cmpint (gdn_fs_classify (0x6969, &name), ==, GDN_FS_NETWORK);
  g_assert_cmpstr (name, ==, "nfs");
  g_assert_cmpint (gdn_fs_classify (0x517B, &name), ==, GDN_FS_NETWORK);
  g_assert_cmpstr (name, ==, "smb");
  /* statfs's f_type is signed: CIFS's magic can come as a negative number */
  g_assert_cmpint (gdn_fs_classify ((gint64) (gint32) 0xFF534D42, &name), ==, GDN_FS_NETWORK);
  g_assert_cmpstr (name, ==, "cifs");
  g_assert_cmpint (gdn_fs_classify (0xFE534D42, &name), ==, GDN_FS_NETWORK);
  g_assert_cmpstr (name, ==, "smb2");
  g_assert_cmpint (gdn_fs_classify (0x5346414F, NULL), ==, GDN_FS_NETWORK);
  g_assert_cmpint (gdn_fs_classify (0x00C36400, NULL), ==, GDN_FS_NETWORK);
  g_assert_cmpint (gdn_fs_classify (0x01021997, NULL), ==, GDN_FS_NETWORK);
  g_assert_cmpint (gdn_fs_classify (0x73757245, NULL), ==, GDN_FS_NETWORK);
  g_assert_cmpint (gdn_fs_classify (0x65735546, &name), ==, GDN_FS_FUSE);
  g_assert_cmpstr (name, ==, "fuse");

  /* ext4, xfs, btrfs, tmpfs, overlayfs: local */
  g_assert_cmpint (gdn_fs_classify (0xEF53, &name), ==, GDN_FS_LOCAL);
  g_assert_null (name);
  g_assert_cmpint (gdn_fs_classify (0x58465342, NULL), ==, GDN_FS_LOCAL);
  g_assert_cmpint (gdn_fs_classify (0x9123683E, NULL), ==, GDN_FS_LOCAL);
  g_assert_cmpint (gdn_fs_classify (0x01021994, NULL), ==, GDN_FS_LOCAL);
  g_assert_cmpint (gdn_fs_classify (0x794C7630, NULL), ==, GDN_FS_LOCAL);
}

static void
test_fs_check_path (void)
{
  g_autofree char *path = gdn_test_tmp_path ("gendan.db");
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *warning = NULL;
  struct statfs st;
  const char *name = NULL;

  /* the folder's own type, as the kernel says it */
  g_assert_cmpint (statfs (dir, &st), ==, 0);
  g_assert_cmpint (gdn_fs_check_path (path, NULL), ==, gdn_fs_classify (st.f_type, NULL));

  /* the documented test hook stands in for a network mount */
  g_setenv ("GENDAN_TEST_FS_TYPE", "0x6969", TRUE);
  g_assert_cmpint (gdn_fs_check_path (path, &name), ==, GDN_FS_NETWORK);
  g_assert_cmpstr (name, ==, "nfs");
  warning = gdn_fs_shared_warning (path);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "network drive (nfs)"));
  g_clear_pointer (&warning, g_free);

  g_setenv ("GENDAN_TEST_FS_TYPE", "0x65735546", TRUE);
  warning = gdn_fs_shared_warning (path);
  g_assert_nonnull (strstr (warning, "(fuse)"));
  g_clear_pointer (&warning, g_free);

  g_setenv ("GENDAN_TEST_FS_TYPE", "0xEF53", TRUE);
  g_assert_null (gdn_fs_shared_warning (path));
  g_unsetenv ("GENDAN_TEST_FS_TYPE");
}

/* ---- damaged files ---- */

static void
assert_refused_untouched (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autofree char *before = gdn_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  db = gdn_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT);
  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_clear_error (&error);
  g_assert_false (gdn_backup_check (path, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT);
}

static void
test_truncated_mid_page (void)
{
  g_autofree char *path = make_database (400);
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  truncate_to (path, st.st_size - PAGE_SIZE / 2);
  assert_refused_untouched (path);
}

static void
test_truncated_at_page (void)
{
  g_autofree char *path = make_database (400);
  GStatBuf st;

  /* whole pages missing at the end: only the header's page count tells */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  truncate_to (path, st.st_size - 3 * PAGE_SIZE);
  assert_refused_untouched (path);
}

static void
test_truncated_header (void)
{
  g_autofree char *path = make_database (10);

  truncate_to (path, 60);
  assert_refused_untouched (path);
}

static void
test_bad_page_size (void)
{
  g_autofree char *path = make_database (10);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  contents[16] = 0x03;   /* 768 bytes: not a power of two */
  contents[17] = 0x00;
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  assert_refused_untouched (path);
}

static void
test_flipped_btree_page (void)
{
  g_autofree char *path = make_database (400);

  flip_btree_page (path, root_page_of (path, "customers"));
  assert_refused_untouched (path);
}

static void
test_large_file_checked_later (void)
{
  g_autofree char *path = make_database (400);
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  guint n_damaged = 0;

  flip_btree_page (path, root_page_of (path, "customers"));

  /* every file counts as large: it opens without the check, which then runs in a worker */
  gdn_database_set_sync_check_limit (0);
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gdn_database_get_check_pending (db));
  g_assert_false (gdn_database_is_damaged (db));
  gdn_database_set_sync_check_limit (GDN_DATABASE_SYNC_CHECK_LIMIT);
  g_signal_connect (db, "damaged", G_CALLBACK (on_damaged_cb), &n_damaged);

  /* what is not damaged reads as usual meanwhile */
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM orders", &error), ==, 0);
  g_assert_no_error (error);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (n_damaged, ==, 0);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_large_file_damage_found (void)
{
  g_autofree char *path = make_database (400);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint n_damaged = 0;

  flip_btree_page (path, root_page_of (path, "customers"));
  before = gdn_test_file_sha256 (path);

  gdn_database_set_sync_check_limit (0);
  db = gdn_database_open (path, &error);
  gdn_database_set_sync_check_limit (GDN_DATABASE_SYNC_CHECK_LIMIT);
  g_assert_no_error (error);
  g_assert_true (gdn_database_get_check_pending (db));
  g_signal_connect (db, "damaged", G_CALLBACK (on_damaged_cb), &n_damaged);

  gdn_database_check_async (db, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gdn_database_check_finish (db, result, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT);
  g_object_unref (result);
  g_assert_true (gdn_database_is_damaged (db));
  g_assert_false (gdn_database_get_check_pending (db));
  while (n_damaged == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_damaged, ==, 1);
  g_clear_object (&db);

  /* the worker only read */
  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_large_file_sound (void)
{
  g_autofree char *path = make_database (400);
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;

  gdn_database_set_sync_check_limit (0);
  db = gdn_database_open (path, &error);
  gdn_database_set_sync_check_limit (GDN_DATABASE_SYNC_CHECK_LIMIT);
  g_assert_no_error (error);

  gdn_database_check_async (db, NULL, check_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gdn_database_check_finish (db, result, &error));
  g_assert_no_error (error);
  g_object_unref (result);
  g_assert_false (gdn_database_is_damaged (db));
}

static void
test_damage_met_in_use (void)
{
  g_autofree char *path = make_database (400);
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;
  guint n_damaged = 0;

  flip_btree_page (path, root_page_of (path, "customers"));
  gdn_database_set_sync_check_limit (0);
  db = gdn_database_open (path, &error);
  gdn_database_set_sync_check_limit (GDN_DATABASE_SYNC_CHECK_LIMIT);
  g_assert_no_error (error);
  g_signal_connect (db, "damaged", G_CALLBACK (on_damaged_cb), &n_damaged);

  store = gdn_store_new (db);
  n = gdn_database_query_int (db, "SELECT count(*) FROM customers WHERE notes LIKE '%9%'",
                              &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT);
  g_assert_true (gdn_database_is_damaged (db));
  while (n_damaged == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_damaged, ==, 1);
}

static void
test_move_aside (void)
{
  g_autofree char *path = make_database (10);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *before = gdn_test_file_sha256 (path);
  g_autofree char *aside = NULL;
  g_autofree char *aside_wal = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (wal, "wal", -1, NULL));
  g_assert_true (g_file_set_contents (shm, "shm", -1, NULL));

  aside = gdn_database_move_aside (path, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (aside);
  g_assert_true (g_str_has_prefix (base, "gendan.db.corrupt-"));
  /* gendan.db.corrupt-YYYYMMDD-HHMMSS */
  g_assert_cmpuint (strlen (base), ==, strlen ("gendan.db.corrupt-") + 15);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  aside_wal = g_strconcat (aside, "-wal", NULL);
  g_assert_true (g_file_test (aside_wal, G_FILE_TEST_EXISTS));
  after = gdn_test_file_sha256 (aside);
  g_assert_cmpstr (before, ==, after);
}

/* ---- full disk ---- */

static void
assert_customers_unchanged (GdnStore *store,
                            gint64    count)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM customers"), ==, count);
  g_assert_true (gdn_database_quick_check (gdn_store_get_database (store), &error));
  g_assert_no_error (error);
}

/* Many customers with long notes, in one transaction, as an import writes them. */
static gboolean
save_many (GdnStore   *store,
           const char *prefix,
           guint       n,
           GError    **error)
{
  g_autofree char *notes = NULL;
  g_autoptr(GString) long_notes = g_string_new (NULL);

  for (guint i = 0; i < 200; i++)
    g_string_append (long_notes, "交货前一周电话确认，");
  notes = g_string_free (g_steal_pointer (&long_notes), FALSE);

  if (!gdn_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *code = g_strdup_printf ("%s%05u", prefix, i);
      g_autoptr(GdnCustomer) customer = new_customer (code, "浙江宁波模具有限公司", notes);

      if (!gdn_store_insert (store, GDN_RECORD (customer), error))
        {
          gdn_store_rollback (store);
          return FALSE;
        }
    }
  return gdn_store_commit (store, error);
}

static void
test_disk_full_page_limit (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autofree char *dir = g_path_get_dirname (gdn_database_get_path (db));
  g_autofree char *limit = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pages;

  g_assert_true (save_many (store, "A", 20, &error));
  g_assert_no_error (error);

  /* the file may not grow: SQLite reports SQLITE_FULL in the middle of the transaction */
  pages = gdn_test_count (store, "PRAGMA page_count");
  limit = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 2);
  g_assert_true (gdn_database_exec (db, limit, NULL));

  g_assert_false (save_many (store, "B", 500, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "The disk is full: free space on"));
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);
  assert_customers_unchanged (store, 20);

  /* space again: the same save goes through, on the same connection */
  g_assert_true (gdn_database_exec (db, "PRAGMA max_page_count = 1073741823", NULL));
  g_assert_true (save_many (store, "B", 500, &error));
  g_assert_no_error (error);
  assert_customers_unchanged (store, 520);
}

static void
test_disk_full_file_size_limit (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GError) error = NULL;
  struct rlimit saved, limited;
  void (*old_handler) (int);

  g_assert_true (save_many (store, "A", 20, &error));
  g_assert_no_error (error);
  g_assert_true (gdn_database_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL));

  /* no file of this process may grow past 256 KiB: writing the -wal fails with EFBIG */
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  limited = saved;
  limited.rlim_cur = 256 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limited), ==, 0);

  g_assert_false (save_many (store, "B", 2000, &error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_IO) ||
                 g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FULL));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);
  assert_customers_unchanged (store, 20);

  g_assert_true (save_many (store, "B", 2000, &error));
  g_assert_no_error (error);
  assert_customers_unchanged (store, 2020);
}

/* ---- two writers ---- */

static char *
write_customers_csv (const char *dir,
                     guint       n)
{
  g_autofree char *path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("code,name,tier,status,notes\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "I%05u,宁波甬江轴承有限公司 %u,B,active,导入批次 %u\n", i, i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

static void
test_two_writers (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autofree char *dir = g_path_get_dirname (gdn_database_get_path (db));
  g_autofree char *csv = write_customers_csv (dir, 5000);
  g_autoptr(GSubprocess) cli = NULL;
  g_autoptr(GdnCustomer) customer = new_customer ("E1", "杭州西湖茶叶有限公司", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  guint n_saved = 0, n_busy = 0, n_during = 0;
  gint64 imported;

  g_assert_true (gdn_store_insert (store, GDN_RECORD (customer), &error));
  g_assert_no_error (error);

  cli = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                          &error, g_getenv ("GENDAN_CLI"), "import", "customers", csv,
                          "--database", gdn_database_get_path (db), NULL);
  g_assert_no_error (error);

  /* the window's edits go on while the import writes */
  while (n_saved + n_busy < 400 || g_subprocess_get_identifier (cli) != NULL)
    {
      g_autofree char *notes = g_strdup_printf ("第 %u 次修改", n_saved + n_busy);
      g_autoptr(GError) save_error = NULL;

      gdn_record_set_string (GDN_RECORD (customer), "notes", notes);
      if (g_subprocess_get_identifier (cli) != NULL)
        n_during++;
      if (gdn_store_update (store, GDN_RECORD (customer), &save_error))
        n_saved++;
      else
        {
          g_assert_error (save_error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_BUSY);
          g_assert_nonnull (strstr (save_error->message, "busy"));
          n_busy++;
        }
      g_main_context_iteration (NULL, FALSE);
      if (n_saved + n_busy > 100000)
        break;
    }

  g_assert_true (g_subprocess_communicate_utf8 (cli, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (cli) != 0)
    g_assert_nonnull (strstr (err, "busy"));
  g_test_message ("edits saved %u (%u while the import ran), busy %u; import: %s%s",
                  n_saved, n_during, n_busy, out, err);
  g_assert_cmpuint (n_saved, >, 0);
  g_assert_cmpuint (n_during, >, 0);

  /* all or nothing of the import, every saved edit there, and no damage */
  imported = gdn_test_count (store, "SELECT count(*) FROM customers WHERE code LIKE 'I%'");
  if (g_subprocess_get_exit_status (cli) == 0)
    g_assert_cmpint (imported, ==, 5000);
  else
    g_assert_cmpint (imported, ==, 0);
  g_assert_cmpint (gdn_test_count (store, "SELECT version FROM customers WHERE code = 'E1'"),
                   ==, 1 + n_saved);
  g_assert_true (gdn_database_quick_check (db, &error));
  g_assert_no_error (error);
}

static void
test_changed_elsewhere (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnCustomer) customer = new_customer ("E2", "苏州工业园区精工机械厂", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GdnRecord) now = NULL;
  int status;

  g_assert_true (gdn_store_insert (store, GDN_RECORD (customer), &error));
  g_assert_no_error (error);

  /* someone else changes it with gendan-cli while it is open here */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, gdn_record_get_id (GDN_RECORD (customer)));
  {
    const char *argv[] = { g_getenv ("GENDAN_CLI"), "set", "customers", id,
                           "phone=0512-66881234", "notes=改由采购部对接",
                           "--database", gdn_database_get_path (db), NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  /* this copy is stale: saving it would undo the other change, so it is refused */
  gdn_record_set_string (GDN_RECORD (customer), "notes", "本地修改");
  g_assert_false (gdn_store_update (store, GDN_RECORD (customer), &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  now = gdn_store_get (store, GDN_TYPE_CUSTOMER, gdn_record_get_id (GDN_RECORD (customer)),
                       &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gdn_record_get_string (now, "notes"), ==, "改由采购部对接");
  g_assert_cmpstr (gdn_record_get_string (now, "phone"), ==, "0512-66881234");
}

/* gendan-cli set refuses a bad value before anything is written, and check exits 1 */
static void
test_cli_set_and_check (void)
{
  g_autofree char *path = make_database (400);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;
  const char *set_argv[] = { g_getenv ("GENDAN_CLI"), "set", "customers", "1",
                             "name=", "notes=x", "--database", path, NULL };
  const char *check_argv[] = { g_getenv ("GENDAN_CLI"), "check", "--database", path, NULL };

  /* a required field emptied: refused, exit 1, nothing written */
  g_assert_true (g_spawn_sync (NULL, (char **) set_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_true (g_spawn_sync (NULL, (char **) check_argv, NULL, G_SPAWN_DEFAULT, NULL,
                               NULL, &out, &err, &status, &error));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* shared drive: a warning, and the command still runs */
  {
    g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "GENDAN_TEST_FS_TYPE", "0xFF534D42",
                                          TRUE);
    g_assert_true (g_spawn_sync (NULL, (char **) check_argv, env, G_SPAWN_DEFAULT, NULL,
                                 NULL, &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    g_assert_nonnull (strstr (err, "warning"));
    g_assert_nonnull (strstr (err, "(cifs)"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  flip_btree_page (path, root_page_of (path, "customers"));
  g_assert_true (g_spawn_sync (NULL, (char **) check_argv, NULL, G_SPAWN_DEFAULT, NULL,
                               NULL, &out, &err, &status, &error));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "damaged"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a copy cut short by whole pages: check exits 1 too */
  {
    g_autofree char *cut = make_database (400);
    const char *cut_argv[] = { g_getenv ("GENDAN_CLI"), "check", "--database", cut, NULL };
    GStatBuf st;

    g_assert_cmpint (g_stat (cut, &st), ==, 0);
    truncate_to (cut, st.st_size - 2 * PAGE_SIZE);
    g_assert_true (g_spawn_sync (NULL, (char **) cut_argv, NULL, G_SPAWN_DEFAULT, NULL,
                                 NULL, &out, &err, &status, &error));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
    g_assert_nonnull (strstr (err, "cut short"));
  }
}

int
main (int    argc,
      char **argv)
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/reliability/shared-drive/classify", test_fs_classify);
  g_test_add_func ("/reliability/shared-drive/check-path", test_fs_check_path);
  g_test_add_func ("/reliability/damaged/truncated-mid-page", test_truncated_mid_page);
  g_test_add_func ("/reliability/damaged/truncated-at-page", test_truncated_at_page);
  g_test_add_func ("/reliability/damaged/truncated-header", test_truncated_header);
  g_test_add_func ("/reliability/damaged/bad-page-size", test_bad_page_size);
  g_test_add_func ("/reliability/damaged/flipped-btree-page", test_flipped_btree_page);
  g_test_add_func ("/reliability/damaged/large-file-opens-at-once", test_large_file_checked_later);
  g_test_add_func ("/reliability/damaged/large-file-checked-in-worker",
                   test_large_file_damage_found);
  g_test_add_func ("/reliability/damaged/large-file-sound", test_large_file_sound);
  g_test_add_func ("/reliability/damaged/met-in-use", test_damage_met_in_use);
  g_test_add_func ("/reliability/damaged/move-aside", test_move_aside);
  g_test_add_func ("/reliability/disk-full/page-limit", test_disk_full_page_limit);
  g_test_add_func ("/reliability/disk-full/file-size-limit", test_disk_full_file_size_limit);
  g_test_add_func ("/reliability/two-writers/import-while-editing", test_two_writers);
  g_test_add_func ("/reliability/two-writers/changed-elsewhere", test_changed_elsewhere);
  g_test_add_func ("/reliability/cli/set-and-check", test_cli_set_and_check);

  return g_test_run ();
}

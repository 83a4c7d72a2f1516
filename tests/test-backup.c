/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "gdn-backup.h"
#include "gdn-customer.h"
#include "gdn-parse.h"
#include "gdn-test-utils.h"

/* ---- fixtures ---------------------------------------------------------------------- */

static const char * const cities[] = { "深圳", "东莞", "苏州", "宁波", "佛山", "厦门" };

static void
add_customers (GdnDatabase *db,
               guint        first,
               guint        n)
{
  g_autoptr(GdnStore) store = gdn_store_new (db);
  g_autoptr(GError) error = NULL;

  gdn_store_set_user_name (store, "tester");
  g_assert_true (gdn_store_begin (store, &error));
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(GdnCustomer) c = gdn_customer_new ();
      g_autofree char *code = g_strdup_printf ("C%05u", i);
      g_autofree char *name = g_strdup_printf ("%s市华强电子第%u分公司",
                                               cities[i % G_N_ELEMENTS (cities)], i);

      gdn_record_set_string (GDN_RECORD (c), "code", code);
      gdn_record_set_string (GDN_RECORD (c), "name", name);
      gdn_record_set_string (GDN_RECORD (c), "address", "广东省深圳市福田区华强北路1002号");
      g_assert_true (gdn_store_insert (store, GDN_RECORD (c), &error));
    }
  g_assert_true (gdn_store_commit (store, &error));
  g_assert_no_error (error);
}

/* A closed database file with @n customers (its WAL checkpointed away). */
static char *
make_database (const char *dir,
               const char *name,
               guint       n)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  add_customers (db, 0, n);
  return path;
}

static gint64
count_customers (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);
  gint64 n;

  g_assert_no_error (error);
  n = gdn_database_query_int (db, "SELECT count(*) FROM customers", &error);
  g_assert_no_error (error);
  return n;
}

static int
raw_query_int (const char *path,
               const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  /* read-write, so that closing the only connection removes the WAL files it made */
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return value;
}

/* Flips every bit of the page-type byte of the customers table's root page: a damage
 * that PRAGMA quick_check and integrity_check both see. */
static void
flip_customers_root (const char *path)
{
  int root = raw_query_int (path, "SELECT rootpage FROM sqlite_master WHERE name = 'customers'");
  int page_size = raw_query_int (path, "PRAGMA page_size");
  g_autofree char *contents = NULL;
  gsize len;
  gsize offset = (gsize) (root - 1) * page_size;

  g_assert_cmpint (root, >, 1);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (offset, <, len);
  contents[offset] = (char) ~contents[offset];
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sorted (GPtrArray *names)
{
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* The names in @dir, sorted and joined, to see that nothing appeared or vanished. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  return join_sorted (names);
}

/* Bytes 18 and 19 of an SQLite header: 1 for a rollback journal, 2 for WAL. */
static void
assert_rollback_mode (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_cmpint (contents[18], ==, 1);
  g_assert_cmpint (contents[19], ==, 1);
}

static void
assert_mode (const char *path,
             guint       mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, mode);
}

/* ---- create ------------------------------------------------------------------------ */

static void
test_create_verified (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gendan.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "备份", "2026", NULL);
  g_autofree char *dest = g_build_filename (folder, "gendan-copy.db", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) copy = NULL;

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  add_customers (db, 0, 300);

  /* taken while the database is open, with its writes still in the WAL */
  g_assert_true (gdn_backup_create (db, dest, &error));
  g_assert_no_error (error);

  assert_mode (dest, 0600);
  assert_mode (folder, 0700);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, "gendan-copy.db");   /* no temporary file left */
  /* a self-contained file: rollback journal mode, no WAL beside it */
  assert_rollback_mode (dest);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (gdn_backup_verify (dest, &error));
  g_assert_no_error (error);

  copy = gdn_database_open (dest, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_query_int (copy, "SELECT count(*) FROM customers", NULL), ==,
                   300);
  g_assert_cmpint (gdn_database_get_version (copy), ==, GDN_SCHEMA_VERSION);

  /* a second backup over the first replaces it */
  g_clear_object (&copy);
  add_customers (db, 300, 5);
  g_assert_true (gdn_backup_create (db, dest, &error));
  g_assert_cmpint (count_customers (dest), ==, 305);
}

static void
write_daily (const char *folder,
             const char *date,
             const char *contents)
{
  g_autofree char *name = g_strdup_printf ("gendan-%s.db", date);
  g_autofree char *path = g_build_filename (folder, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static void
test_daily_rotation (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *path = make_database (dir, "gendan.db", 40);
  g_autofree char *today = gdn_today ();
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  /* ten earlier days, and files that are not daily backups */
  for (int i = 1; i <= 10; i++)
    {
      g_autofree char *day = gdn_date_add_days (today, -i);
      write_daily (folder, day, "old");
    }
  write_daily (folder, "2026-13-01", "not a date: not ours");
  {
    g_autofree char *notes = g_build_filename (folder, "说明.txt", NULL);
    g_assert_true (g_file_set_contents (notes, "每日自动备份", -1, NULL));
  }

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  written = gdn_backup_daily (db, folder, &error);
  g_assert_no_error (error);
  base = g_path_get_basename (written);
  g_assert_true (g_str_has_prefix (base, "gendan-"));
  g_assert_true (g_str_has_prefix (base + strlen ("gendan-"), today));
  g_assert_cmpstr (base + strlen ("gendan-") + strlen (today), ==, ".db");
  assert_mode (written, 0600);

  /* today and the six days before it are kept; the rest is left alone */
  for (int i = 0; i <= 6; i++)
    {
      g_autofree char *day = gdn_date_add_days (today, -i);
      g_ptr_array_add (names, g_strdup_printf ("gendan-%s.db", day));
    }
  g_ptr_array_add (names, g_strdup ("gendan-2026-13-01.db"));
  g_ptr_array_add (names, g_strdup ("说明.txt"));
  expected = join_sorted (names);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, expected);
  g_assert_cmpint (count_customers (written), ==, 40);

  /* the same day again replaces today's file */
  add_customers (db, 40, 2);
  again = gdn_backup_daily (db, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, written);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (folder);
  g_assert_cmpstr (listing, ==, expected);
  g_assert_cmpint (count_customers (again), ==, 42);
}

typedef struct
{
  GPtrArray *fractions;
  gboolean   done;
  GError    *error;
  char      *written;
} AsyncState;

static void
progress_cb (double   fraction,
             gpointer data)
{
  AsyncState *state = data;
  double *copy = g_new (double, 1);

  /* progress comes on the thread that asked, not the worker */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *copy = fraction;
  g_ptr_array_add (state->fractions, copy);
}

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  AsyncState *state = data;

  if (gdn_backup_create_finish (GDN_DATABASE (source), result, &state->error))
    state->written = g_strdup ("ok");
  state->done = TRUE;
}

static void
daily_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  AsyncState *state = data;

  state->written = gdn_backup_daily_finish (GDN_DATABASE (source), result, &state->error);
  state->done = TRUE;
}

static void
test_async (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "gendan.db", NULL);
  g_autofree char *dest = g_build_filename (dir, "async.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "daily", NULL);
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  AsyncState state = { g_ptr_array_new_with_free_func (g_free), FALSE, NULL, NULL };
  double last = -1;

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  add_customers (db, 0, 2000);

  g_main_context_push_thread_default (NULL);
  gdn_backup_create_async (db, dest, NULL, progress_cb, &state, created_cb, &state);
  /* the app goes on writing while the worker copies */
  add_customers (db, 2000, 10);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_main_context_pop_thread_default (NULL);

  g_assert_no_error (state.error);
  g_assert_cmpstr (state.written, ==, "ok");
  g_assert_cmpuint (state.fractions->len, >=, 2);
  for (guint i = 0; i < state.fractions->len; i++)
    {
      double f = *(double *) g_ptr_array_index (state.fractions, i);
      g_assert_cmpfloat (f, >=, last);
      last = f;
    }
  g_assert_cmpfloat (last, ==, 1.0);
  /* one consistent snapshot: all of the first batch, none or all of the second */
  g_assert_true (count_customers (dest) == 2000 || count_customers (dest) == 2010);
  assert_mode (dest, 0600);

  /* daily, and a cancelled run that leaves nothing behind */
  g_ptr_array_set_size (state.fractions, 0);
  state.done = FALSE;
  g_free (state.written);
  state.written = NULL;
  gdn_backup_daily_async (db, folder, NULL, NULL, NULL, daily_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (state.error);
  g_assert_true (g_str_has_prefix (state.written, folder));
  g_assert_cmpint (count_customers (state.written), ==, 2010);

  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autofree char *cancelled = g_build_filename (dir, "cancelled", "never.db", NULL);
    g_autofree char *cancelled_dir = g_path_get_dirname (cancelled);
    g_autofree char *listing = NULL;

    g_cancellable_cancel (cancellable);
    state.done = FALSE;
    gdn_backup_create_async (db, cancelled, cancellable, NULL, NULL, created_cb, &state);
    while (!state.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_error (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&state.error);
    g_assert_false (g_file_test (cancelled, G_FILE_TEST_EXISTS));
    listing = list_dir (cancelled_dir);
    g_assert_cmpstr (listing, ==, "");
  }

  g_ptr_array_unref (state.fractions);
  g_free (state.written);
}

/* ---- restore ----------------------------------------------------------------------- */

static void
test_restore_keeps_replaced (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = make_database (dir, "gendan.db", 120);
  g_autofree char *backup = g_build_filename (dir, "昨天.db", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *kept_wal = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *backup_sum = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gdn_backup_create (db, backup, &error));
  backup_sum = gdn_test_file_sha256 (backup);

  /* later work, left in the WAL as after a crash: it must stay with the kept file */
  add_customers (db, 120, 30);
  g_assert_cmpint (sqlite3_db_config (gdn_database_get_handle (db),
                                      SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL), ==, SQLITE_OK);
  g_clear_object (&db);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_assert_true (gdn_backup_restore_full (path, backup, &kept, &error));
  g_assert_no_error (error);

  g_assert_nonnull (kept);
  {
    g_autofree char *base = g_path_get_basename (kept);
    g_assert_true (g_str_has_prefix (base, "gendan.db.before-restore-"));
    /* YYYYMMDD-HHMMSS */
    g_assert_cmpuint (strlen (base), ==, strlen ("gendan.db.before-restore-") + 15);
  }
  assert_mode (kept, 0600);
  assert_mode (path, 0600);
  kept_wal = g_strconcat (kept, "-wal", NULL);
  g_assert_true (g_file_test (kept_wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* the database is the backup; the replaced one has everything it had */
  g_assert_cmpint (count_customers (path), ==, 120);
  g_assert_cmpint (count_customers (kept), ==, 150);
  /* the backup itself was only read */
  {
    g_autofree char *after = gdn_test_file_sha256 (backup);
    g_assert_cmpstr (after, ==, backup_sum);
  }

  /* restoring where there is no database yet keeps nothing */
  {
    g_autofree char *fresh = g_build_filename (dir, "新机器", "gendan.db", NULL);
    g_autofree char *none = NULL;

    g_assert_true (gdn_backup_restore_full (fresh, backup, &none, &error));
    g_assert_no_error (error);
    g_assert_null (none);
    g_assert_cmpint (count_customers (fresh), ==, 120);
  }
}

static void
assert_restore_refused (const char *dir,
                        const char *database,
                        const char *backup,
                        int         code)
{
  g_autofree char *before = gdn_test_file_sha256 (database);
  g_autofree char *backup_before = gdn_test_file_sha256 (backup);
  g_autofree char *listing = list_dir (dir);
  g_autofree char *listing_after = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup_after = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (gdn_backup_restore_full (database, backup, &kept, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, code);
  g_assert_nonnull (strstr (error->message, backup));
  g_assert_null (kept);

  after = gdn_test_file_sha256 (database);
  backup_after = gdn_test_file_sha256 (backup);
  listing_after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (backup_after, ==, backup_before);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_restore_refuses (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = make_database (dir, "gendan.db", 50);
  g_autofree char *damaged = make_database (dir, "damaged.db", 300);
  g_autofree char *newer = make_database (dir, "newer.db", 5);
  g_autofree char *text = g_build_filename (dir, "orders.csv", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", GDN_SCHEMA_VERSION + 1);
  sqlite3 *raw = NULL;

  flip_customers_root (damaged);
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_set_contents (text, "订单号,客户编码\nSO-20260305-001,C0001\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));

  assert_restore_refused (dir, path, damaged, GDN_DATABASE_ERROR_CORRUPT);
  assert_restore_refused (dir, path, newer, GDN_DATABASE_ERROR_NEWER_VERSION);
  assert_restore_refused (dir, path, text, GDN_DATABASE_ERROR_NOT_DATABASE);
  assert_restore_refused (dir, path, empty, GDN_DATABASE_ERROR_NOT_DATABASE);
  g_assert_cmpint (count_customers (path), ==, 50);
}

/* ---- check ------------------------------------------------------------------------- */

static void
test_check (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *good = make_database (dir, "good.db", 300);
  g_autofree char *bad = make_database (dir, "bad.db", 300);
  g_autofree char *text = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;
  g_autoptr(GError) error = NULL;

  flip_customers_root (bad);
  g_assert_true (g_file_set_contents (text, "这不是数据库", -1, NULL));
  before = gdn_test_file_sha256 (bad);
  listing = list_dir (dir);

  g_assert_true (gdn_backup_check (good, &error));
  g_assert_no_error (error);

  g_assert_false (gdn_backup_check (bad, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, bad));
  g_clear_error (&error);

  g_assert_false (gdn_backup_check (text, &error));
  g_assert_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_NOT_DATABASE);
  g_clear_error (&error);

  after = gdn_test_file_sha256 (bad);
  listing_after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing_after, ==, listing);   /* no -wal or -shm made */
}

/* ---- gendan-cli -------------------------------------------------------------------- */

static int
run_cli (const char * const *args,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("GENDAN_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* the test's isolated folders are not in the environment by themselves */
  envp = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_test_message ("gendan-cli %s → %d\n%s%s", args[0], WEXITSTATUS (status), *out, *err);
  return WEXITSTATUS (status);
}

static gboolean
have_cli (void)
{
  const char *cli = g_getenv ("GENDAN_CLI");

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("gendan-cli is not built");
      return FALSE;
    }
  return TRUE;
}

static void
test_cli_check (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *listing_after = NULL;

  if (!have_cli ())
    return;
  dir = gdn_test_make_tmpdir ();
  good = make_database (dir, "good.db", 300);
  bad = make_database (dir, "bad.db", 300);
  text = g_build_filename (dir, "notes.db", NULL);
  flip_customers_root (bad);
  g_assert_true (g_file_set_contents (text, "客户编码,客户名称\n", -1, NULL));
  before = gdn_test_file_sha256 (bad);
  listing = list_dir (dir);

  {
    const char *args[] = { "check", "--database", good, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  }
  {
    const char *args[] = { "check", "--database", bad, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bad.db"));
  }
  {
    const char *args[] = { "check", "--database", text, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
  }
  {
    g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
    const char *args[] = { "check", "--database", missing, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  after = gdn_test_file_sha256 (bad);
  listing_after = list_dir (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (listing_after, ==, listing);
}

static void
test_cli_backup_restore (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *today = gdn_today ();
  g_autofree char *daily = NULL;

  if (!have_cli ())
    return;
  dir = gdn_test_make_tmpdir ();
  path = make_database (dir, "gendan.db", 25);
  dest = g_build_filename (dir, "手动备份.db", NULL);

  {
    const char *args[] = { "backup", "--database", path, "-o", dest, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, dest));
    g_assert_cmpint (count_customers (dest), ==, 25);
  }
  {
    /* by default: today's rotated backup under $XDG_DATA_HOME (isolated by the test) */
    const char *args[] = { "backup", "--database", path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *name = g_strdup_printf ("gendan-%s.db", today);
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    daily = g_build_filename (g_get_user_data_dir (), "gendan", "backups", name, NULL);
    g_assert_true (g_file_test (daily, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (count_customers (daily), ==, 25);
  }

  {
    g_autoptr(GdnDatabase) db = gdn_database_open (path, NULL);
    add_customers (db, 25, 4);
  }
  {
    const char *args[] = { "restore", "--database", path, dest, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "before-restore-"));
    g_assert_cmpint (count_customers (path), ==, 25);
  }
  {
    const char *args[] = { "restore", "--database", path, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  }
  {
    g_autofree char *damaged = make_database (dir, "坏的.db", 300);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    const char *args[] = { "restore", "--database", path, damaged, NULL };
    g_autofree char *out = NULL, *err = NULL;

    flip_customers_root (damaged);
    before = gdn_test_file_sha256 (path);
    g_assert_cmpint (run_cli (args, &out, &err), ==, 1);
    after = gdn_test_file_sha256 (path);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/backup/create/verified", test_create_verified);
  g_test_add_func ("/backup/daily/rotation", test_daily_rotation);
  g_test_add_func ("/backup/async", test_async);
  g_test_add_func ("/backup/restore/keeps-replaced", test_restore_keeps_replaced);
  g_test_add_func ("/backup/restore/refuses", test_restore_refuses);
  g_test_add_func ("/backup/check", test_check);
  g_test_add_func ("/backup/cli/check", test_cli_check);
  g_test_add_func ("/backup/cli/backup-restore", test_cli_backup_restore);

  return g_test_run ();
}

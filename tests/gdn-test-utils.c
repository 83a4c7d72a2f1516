/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "gdn-test-utils.h"

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
remove_tree_cb (gpointer data)
{
  remove_tree (data);
  g_free (data);
}

/**
 * gdn_test_make_tmpdir:
 *
 * Returns: a new empty folder that is removed when the current test ends
 */
char *
gdn_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("gendan-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_test_queue_destroy (remove_tree_cb, g_strdup (dir));
  return dir;
}

char *
gdn_test_tmp_path (const char *name)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  return g_build_filename (dir, name, NULL);
}

GdnDatabase *
gdn_test_open_database (void)
{
  g_autofree char *path = gdn_test_tmp_path ("test.db");
  g_autoptr(GError) error = NULL;
  GdnDatabase *db = gdn_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

GdnStore *
gdn_test_open_store (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  GdnStore *store = gdn_store_new (db);

  gdn_store_set_user_name (store, "tester");
  return store;
}

gint64
gdn_test_count (GdnStore   *store,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n = gdn_database_query_int (gdn_store_get_database (store), sql, &error);

  g_assert_no_error (error);
  return n;
}

char *
gdn_test_file_sha256 (const char *path)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
}

void
gdn_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness: the import mapping (header → columns, cells → record fields, keys,
 * references, order lines), as a dry run of GdnImport against a small demo database.
 * The first byte picks the kind; the rest is the file. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "gdn-demo.h"
#include "gdn-import-columns.h"
#include "gdn-import.h"
#include "gdn-import-problem.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *tmpdir;
static char *csv_path;
static GdnStore *store;

static void
remove_tmpdir (void)
{
  const char *names[] = { "import.csv", "fuzz.db", "fuzz.db-wal", "fuzz.db-shm", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (tmpdir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (tmpdir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autofree char *db_path = NULL;

  /* a critical or a warning is a bug found, as in the test suite (G_DEBUG=fatal-criticals) */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  tmpdir = g_dir_make_tmp ("gendan-fuzz-import-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_tmpdir);
  db_path = g_build_filename (tmpdir, "fuzz.db", NULL);
  csv_path = g_build_filename (tmpdir, "import.csv", NULL);

  db = gdn_database_open (db_path, &error);
  g_assert_no_error (error);
  /* customers, orders, cases and contacts for the references to find */
  if (!gdn_demo_generate (db, 7, 40, "2026-11-02", NULL, NULL, NULL, &error))
    g_error ("demo data: %s", error->message);
  store = gdn_store_new (db);
  gdn_store_set_user_name (store, "fuzz");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const GdnCsvKind *kinds;
  guint n_kinds;
  FILE *out;
  gboolean ok;
  gint64 total_changes;

  if (size < 1)
    return 0;

  kinds = gdn_csv_kinds (&n_kinds);
  out = fopen (csv_path, "wb");
  g_assert (out != NULL);
  if (size > 1)
    g_assert (fwrite (data + 1, 1, size - 1, out) == size - 1);
  fclose (out);

  import = gdn_import_new (store, kinds[data[0] % n_kinds].name);
  gdn_import_set_dry_run (import, TRUE);
  gdn_import_set_skip_invalid (import, (data[0] / n_kinds) % 2 == 1);
  file = g_file_new_for_path (csv_path);
  total_changes = gdn_database_query_int (gdn_store_get_database (store),
                                          "SELECT total_changes()", NULL);
  ok = gdn_import_run (import, file, NULL, &error);

  /* every failure says why, and every bad row is listed */
  g_assert (ok || error != NULL);
  if (error != NULL && g_error_matches (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA))
    g_assert (gdn_import_get_n_errors (import) > 0);
  {
    GPtrArray *problems = gdn_import_get_problems (import);

    for (guint i = 0; problems != NULL && i < problems->len; i++)
      {
        const GdnImportProblem *problem = g_ptr_array_index (problems, i);
        g_autofree char *text = gdn_import_problem_format (problem, "import.csv");

        g_assert (g_utf8_validate (problem->message, -1, NULL));
        g_assert (text != NULL && g_utf8_validate (text, -1, NULL));
      }
  }
  /* a dry run writes nothing */
  g_assert (gdn_database_query_int (gdn_store_get_database (store),
                                    "SELECT total_changes()", NULL) == total_changes);

  /* the header lookup alone, with the file's first bytes as a header */
  {
    g_autofree char *header = g_strndup ((const char *) data + 1, MIN (size - 1, 64));

    for (guint k = 0; k < n_kinds; k++)
      {
        int column = gdn_csv_kind_find_column (&kinds[k], header);

        g_assert (column >= -1 && column < (int) kinds[k].n_columns);
        if (column >= 0)
          {
            (void) gdn_csv_column_header (&kinds[k].columns[column], TRUE);
            (void) gdn_csv_column_header (&kinds[k].columns[column], FALSE);
          }
      }
  }
  return 0;
}

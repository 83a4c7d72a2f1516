/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GdnIdSet: the rows a search's index finds, asked about row by row during a walk. */
#include "config.h"

#include <sqlite3.h>

#include "gdn-id-set.h"

/* Ids packed closely become a bitmap: every id in and around the range answers as added. */
static void
test_dense (void)
{
  g_autoptr(GdnIdSet) set = gdn_id_set_new ();

  for (gint64 id = 10; id <= 3000; id += 3)
    gdn_id_set_add (set, id);
  gdn_id_set_seal (set);

  g_assert_cmpuint (gdn_id_set_get_size (set), ==, 997);
  /* one bit per id of the range, not eight bytes per id */
  g_assert_cmpuint (gdn_id_set_get_bytes (set), <=, (3000 - 10) / 8 + 1);
  for (gint64 id = -5; id <= 3100; id++)
    g_assert_true (gdn_id_set_contains (set, id) == (id >= 10 && id <= 3000 && (id - 10) % 3 == 0));
}

/* Ids far apart, out of order and repeated stay a sorted list without duplicates. */
static void
test_sparse (void)
{
  g_autoptr(GdnIdSet) set = gdn_id_set_new ();
  const gint64 ids[] = { 1000000000000, 7, -5, 42, 1000000000000, 7, G_MAXINT64, G_MININT64 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    gdn_id_set_add (set, ids[i]);
  gdn_id_set_seal (set);

  g_assert_cmpuint (gdn_id_set_get_size (set), ==, 6);
  g_assert_cmpuint (gdn_id_set_get_bytes (set), ==, 6 * sizeof (gint64));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (gdn_id_set_contains (set, ids[i]));
  g_assert_false (gdn_id_set_contains (set, 0));
  g_assert_false (gdn_id_set_contains (set, 8));
  g_assert_false (gdn_id_set_contains (set, 41));
  g_assert_false (gdn_id_set_contains (set, 999999999999));
  g_assert_false (gdn_id_set_contains (set, G_MAXINT64 - 1));
  g_assert_false (gdn_id_set_contains (set, G_MININT64 + 1));
}

static void
test_empty (void)
{
  g_autoptr(GdnIdSet) set = gdn_id_set_new ();

  gdn_id_set_seal (set);
  g_assert_cmpuint (gdn_id_set_get_size (set), ==, 0);
  g_assert_false (gdn_id_set_contains (set, 0));
  g_assert_false (gdn_id_set_contains (set, 1));
}

/* A lazy set's ids: every fifth of 1 … 100,000, but none of fail_from … */
typedef struct
{
  guint  n_fills;
  gint64 asked;      /* ids asked for in all */
  gint64 fail_from;
} Source;

static gboolean
fill_fifths_cb (GdnIdSet *set,
                gint64    from,
                gint64    to,
                gpointer  user_data)
{
  Source *source = user_data;

  g_assert_cmpint (from, <=, to);
  source->n_fills++;
  source->asked += to - from + 1;
  if (to >= source->fail_from)
    return FALSE;
  for (gint64 id = from; id <= to; id++)
    if (id % 5 == 0)
      gdn_id_set_add (set, id);
  return TRUE;
}

/* Asked along an order that follows the ids, a lazy set reads only the stretch of ids
 * passed, in a few growing stretches; asked anywhere, it reads each id once. */
static void
test_lazy (void)
{
  Source source = { 0, 0, G_MAXINT64 };
  g_autoptr(GdnIdSet) set = gdn_id_set_new_lazy (1, 100000, fill_fifths_cb, &source);
  gint64 from, to;

  /* newest first, down to 70,000 */
  for (gint64 id = 100000; id >= 70000; id--)
    g_assert_true (gdn_id_set_contains (set, id) == (id % 5 == 0));
  gdn_id_set_get_known (set, &from, &to);
  g_assert_cmpint (to, ==, 100000);
  g_assert_cmpint (from, <=, 70000);
  g_assert_cmpint (from, >, 1);
  g_assert_cmpint (source.asked, ==, to - from + 1);
  g_assert_cmpuint (source.n_fills, <=, 4);

  /* then anywhere: every id is read once in all (from 4, the first asked) */
  for (gint64 id = -3; id <= 100003; id += 7)
    g_assert_true (gdn_id_set_contains (set, id) == (id >= 1 && id <= 100000 && id % 5 == 0));
  gdn_id_set_get_known (set, &from, &to);
  g_assert_cmpint (from, ==, 4);
  g_assert_cmpint (to, ==, 100000);
  g_assert_cmpint (source.asked, ==, 100000 - 3);
  g_assert_cmpuint (gdn_id_set_get_size (set), ==, 20000);
  g_assert_false (gdn_id_set_failed (set));
}

/* A fill that fails leaves the set failed: it answers no and says so. */
static void
test_lazy_failed (void)
{
  Source source = { 0, 0, 90000 };
  g_autoptr(GdnIdSet) set = gdn_id_set_new_lazy (1, 100000, fill_fifths_cb, &source);

  g_assert_true (gdn_id_set_contains (set, 50000));
  g_assert_false (gdn_id_set_failed (set));
  g_assert_false (gdn_id_set_contains (set, 95000));
  g_assert_true (gdn_id_set_failed (set));
  /* and asks no more */
  g_assert_false (gdn_id_set_contains (set, 99000));
  g_assert_cmpuint (source.n_fills, ==, 2);
}

/* Filled from a statement, then asked in SQL through a bound pointer, as lists do. */
static void
test_sql (void)
{
  g_autoptr(GdnIdSet) set = gdn_id_set_new ();
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_OK;

  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (gdn_id_set_register_sql (db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (id INTEGER PRIMARY KEY);"
                                     " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL"
                                     "  SELECT i + 1 FROM n WHERE i < 500)"
                                     " INSERT INTO t SELECT i FROM n", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  /* every seventh row, in descending order */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM t WHERE id % 7 = 0 ORDER BY id DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_true (gdn_id_set_fill (set, stmt, &rc));
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (gdn_id_set_get_size (set), ==, 71);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), sum(id) FROM t"
                                           " WHERE gdn_id_in(?, id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_pointer (stmt, 1, set, GDN_ID_SET_POINTER_TYPE, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 71);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 1), ==, 7 * 71 * 72 / 2);

  /* a set of another type, or none, is no set: NULL, never a row */
  sqlite3_reset (stmt);
  sqlite3_bind_null (stmt, 1);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
  sqlite3_bind_pointer (stmt, 1, set, "another-type", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, "not a set", -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  /* a lazy set whose fill fails makes the statement fail */
  {
    Source source = { 0, 0, 200 };
    g_autoptr(GdnIdSet) lazy = gdn_id_set_new_lazy (1, 500, fill_fifths_cb, &source);

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM t WHERE gdn_id_in(?, id)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    sqlite3_bind_pointer (stmt, 1, lazy, GDN_ID_SET_POINTER_TYPE, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ERROR);
    g_assert_true (gdn_id_set_failed (lazy));
    sqlite3_finalize (stmt);
  }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/id-set/dense", test_dense);
  g_test_add_func ("/id-set/sparse", test_sparse);
  g_test_add_func ("/id-set/empty", test_empty);
  g_test_add_func ("/id-set/lazy", test_lazy);
  g_test_add_func ("/id-set/lazy-failed", test_lazy_failed);
  g_test_add_func ("/id-set/sql", test_sql);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-id-set"

#include "config.h"

#include <string.h>

#include "gdn-id-set.h"

/* Ids are collected in a sorted array; sealed, a set whose ids are packed closely enough
 * becomes a bitmap (one bit per id up to the largest, a look-up is one test), otherwise
 * it stays a sorted array (a look-up is a binary search). A bitmap is chosen when it is no
 * larger than the array: at most 64 ids' range per id, so a million ids of a million rows
 * take 125 kB.
 *
 * In SQL, gdn_id_in(SET, ID) is 1 when ID is in SET, a set bound to the statement with
 * sqlite3_bind_pointer() and the type GDN_ID_SET_POINTER_TYPE; NULL when SET or ID is
 * missing. */

struct _GdnIdSet
{
  GArray  *ids;     /* gint64, ascending once sealed; NULL as a bitmap */
  guint8  *bits;    /* bit i: id min + i */
  gint64   min;
  gint64   max;
  guint    size;
  gboolean sorted;  /* the ids so far were added in ascending order */
  gboolean sealed;
};

/* ids per element of the array that a bitmap may span (8 bytes of id, 64 bits) */
#define BITS_PER_ID 64

GdnIdSet *
gdn_id_set_new (void)
{
  GdnIdSet *self = g_new0 (GdnIdSet, 1);

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sorted = TRUE;
  return self;
}

void
gdn_id_set_free (GdnIdSet *self)
{
  if (self == NULL)
    return;
  if (self->ids != NULL)
    g_array_unref (self->ids);
  g_free (self->bits);
  g_free (self);
}

void
gdn_id_set_add (GdnIdSet *self,
                gint64    id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);

  if (self->ids->len > 0 && id <= g_array_index (self->ids, gint64, self->ids->len - 1))
    self->sorted = FALSE;
  g_array_append_val (self->ids, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Sorts an array of gint64 ids and drops the repeated ones. */
void
gdn_id_array_sort_unique (GArray *ids)
{
  guint n = 0;

  g_return_if_fail (ids != NULL);

  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    if (n == 0 || g_array_index (ids, gint64, i) != g_array_index (ids, gint64, n - 1))
      g_array_index (ids, gint64, n++) = g_array_index (ids, gint64, i);
  g_array_set_size (ids, n);
}

/**
 * gdn_id_set_seal:
 *
 * Ends the adding: duplicates go, and the set takes its final form. Call it once before
 * gdn_id_set_contains().
 */
void
gdn_id_set_seal (GdnIdSet *self)
{
  guint n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->sealed);

  self->sealed = TRUE;
  /* (ids read from an index come in order, each once) */
  if (!self->sorted)
    gdn_id_array_sort_unique (self->ids);
  n = self->size = self->ids->len;
  if (n == 0)
    return;

  self->min = g_array_index (self->ids, gint64, 0);
  self->max = g_array_index (self->ids, gint64, n - 1);
  /* (the difference of two ids may not fit in a gint64: compared as unsigned) */
  if ((guint64) self->max - (guint64) self->min < (guint64) n * BITS_PER_ID)
    {
      guint64 span = (guint64) self->max - (guint64) self->min + 1;

      self->bits = g_malloc0 ((gsize) ((span + 7) / 8));
      for (guint i = 0; i < n; i++)
        {
          guint64 bit = (guint64) g_array_index (self->ids, gint64, i) - (guint64) self->min;

          self->bits[bit / 8] |= (guint8) (1u << (bit % 8));
        }
      g_clear_pointer (&self->ids, g_array_unref);
    }
}

gboolean
gdn_id_set_contains (const GdnIdSet *self,
                     gint64          id)
{
  guint lo, hi;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->sealed, FALSE);

  if (self->size == 0 || id < self->min || id > self->max)
    return FALSE;
  if (self->bits != NULL)
    {
      guint64 bit = (guint64) id - (guint64) self->min;

      return (self->bits[bit / 8] >> (bit % 8)) & 1;
    }

  lo = 0;
  hi = self->ids->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      gint64 at = g_array_index (self->ids, gint64, mid);

      if (at == id)
        return TRUE;
      if (at < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* The number of distinct ids (once sealed). */
guint
gdn_id_set_get_size (const GdnIdSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sealed ? self->size : self->ids->len;
}

/* What the set takes in memory, for tests and the benchmark. */
gsize
gdn_id_set_get_bytes (const GdnIdSet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->bits != NULL)
    return (gsize) (((guint64) self->max - (guint64) self->min + 8) / 8);
  return self->ids->len * sizeof (gint64);
}

/**
 * gdn_id_set_fill:
 * @stmt: a statement whose first column is an id
 * @rc: (out): the last result of sqlite3_step()
 *
 * Adds the id of every row of @stmt and seals the set.
 *
 * Returns: whether @stmt ran to its end (%SQLITE_DONE)
 */
gboolean
gdn_id_set_fill (GdnIdSet     *self,
                 sqlite3_stmt *stmt,
                 int          *rc)
{
  int step;

  g_return_val_if_fail (self != NULL, FALSE);

  while ((step = sqlite3_step (stmt)) == SQLITE_ROW)
    gdn_id_set_add (self, sqlite3_column_int64 (stmt, 0));
  gdn_id_set_seal (self);
  if (rc != NULL)
    *rc = step;
  return step == SQLITE_DONE;
}

static void
id_in_func (sqlite3_context  *context,
            int               argc,
            sqlite3_value   **argv)
{
  const GdnIdSet *set = sqlite3_value_pointer (argv[0], GDN_ID_SET_POINTER_TYPE);

  if (set == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  sqlite3_result_int (context, gdn_id_set_contains (set, sqlite3_value_int64 (argv[1])));
}

/* Makes gdn_id_in(SET, ID) known to @db; returns an SQLite result code. */
int
gdn_id_set_register_sql (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "gdn_id_in", 2,
                                     SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     NULL, id_in_func, NULL, NULL, NULL);
}

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
 * A lazy set (gdn_id_set_new_lazy()) is a bitmap of a known range of ids from the start,
 * and learns its ids a part of the range at a time: asked about an id it does not know
 * yet, it has its fill function add the ids of a stretch next to what it knows, twice as
 * long as that (at least LAZY_STRETCH ids). A walk along an order that follows the ids
 * learns only the stretch it passes.
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

  /* lazy: ids min … max are in the bitmap; those of known_from … known_to are known */
  GdnIdSetFillFunc fill;
  gpointer         fill_data;
  gint64           known_from;
  gint64           known_to;
  gboolean         failed;    /* a fill failed: the set answers no more */
};

#define LAZY_STRETCH 16384

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

/**
 * gdn_id_set_new_lazy:
 * @min: the smallest id the set may hold
 * @max: the largest
 * @fill: adds the ids from … to (gdn_id_set_add()); returns %FALSE when it cannot
 *
 * A set that learns its ids as it is asked about them, a stretch at a time. It takes a
 * bit per id of @min … @max at once. Ids outside that range are never in it.
 *
 * Returns: (transfer full): the set, sealed
 */
GdnIdSet *
gdn_id_set_new_lazy (gint64           min,
                     gint64           max,
                     GdnIdSetFillFunc fill,
                     gpointer         user_data)
{
  GdnIdSet *self = g_new0 (GdnIdSet, 1);

  g_return_val_if_fail (min <= max, NULL);
  g_return_val_if_fail (fill != NULL, NULL);

  self->min = min;
  self->max = max;
  self->bits = g_malloc0 ((gsize) (((guint64) max - (guint64) min) / 8 + 1));
  self->fill = fill;
  self->fill_data = user_data;
  self->known_from = max + 1;
  self->known_to = max;
  self->sealed = TRUE;
  return self;
}

static void
set_bit (GdnIdSet *self,
         gint64    id)
{
  guint64 bit = (guint64) id - (guint64) self->min;

  if ((self->bits[bit / 8] & (1u << (bit % 8))) == 0)
    self->size++;
  self->bits[bit / 8] |= (guint8) (1u << (bit % 8));
}

/* Makes the lazy set know @id, and the ids between it and what it knew. */
static gboolean
learn (GdnIdSet *self,
       gint64    id)
{
  gint64 known = self->known_to >= self->known_from ? self->known_to - self->known_from + 1 : 0;
  gint64 stretch = MAX (known, LAZY_STRETCH);
  gint64 from, to;

  if (self->failed)
    return FALSE;
  if (known == 0)
    {
      /* the first: a stretch around the id */
      from = MAX (self->min, id - stretch / 2);
      to = MIN (self->max, from + stretch - 1);
    }
  else if (id < self->known_from)
    {
      from = MAX (self->min, MIN (id, self->known_from - stretch));
      to = self->known_from - 1;
    }
  else
    {
      from = self->known_to + 1;
      to = MIN (self->max, MAX (id, self->known_to + stretch));
    }
  if (!self->fill (self, from, to, self->fill_data))
    {
      self->failed = TRUE;
      return FALSE;
    }
  self->known_from = MIN (self->known_from, from);
  self->known_to = known == 0 ? to : MAX (self->known_to, to);
  return TRUE;
}

void
gdn_id_set_add (GdnIdSet *self,
                gint64    id)
{
  g_return_if_fail (self != NULL);

  if (self->fill != NULL)
    {
      if (id >= self->min && id <= self->max)
        set_bit (self, id);
      return;
    }
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
gdn_id_set_contains (GdnIdSet *self,
                     gint64    id)
{
  guint lo, hi;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->sealed, FALSE);

  if (self->fill != NULL && id >= self->min && id <= self->max &&
      (id < self->known_from || id > self->known_to) && !learn (self, id))
    return FALSE;
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

/* Whether a fill of the lazy set failed (it then holds no more than it knew). */
gboolean
gdn_id_set_failed (const GdnIdSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->failed;
}

/* The ids a lazy set knows: @from … @to, empty when @from > @to. */
void
gdn_id_set_get_known (const GdnIdSet *self,
                      gint64         *from,
                      gint64         *to)
{
  g_return_if_fail (self != NULL);

  *from = self->fill != NULL ? self->known_from : self->min;
  *to = self->fill != NULL ? self->known_to : self->max;
}

/* The number of distinct ids (once sealed; a lazy set's known ones). */
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
  GdnIdSet *set = sqlite3_value_pointer (argv[0], GDN_ID_SET_POINTER_TYPE);
  gboolean in;

  if (set == NULL || sqlite3_value_type (argv[1]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  in = gdn_id_set_contains (set, sqlite3_value_int64 (argv[1]));
  if (set->failed)
    sqlite3_result_error (context, "the rows of the search could not be read", -1);
  else
    sqlite3_result_int (context, in);
}

/* Makes gdn_id_in(SET, ID) known to @db; returns an SQLite result code. */
int
gdn_id_set_register_sql (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "gdn_id_in", 2,
                                     SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     NULL, id_in_func, NULL, NULL, NULL);
}

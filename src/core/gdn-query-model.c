/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-query-model"

#include "config.h"

#include <math.h>
#include <string.h>

#include "gdn-id-set.h"
#include "gdn-migrations.h"
#include "gdn-query-model.h"

/* A GListModel over the records of one kind, as SQL sees them: it counts first, then reads
 * fixed-size pages on demand and keeps a bounded number of rows. Sorting, filters and
 * search are part of the query, so a million orders cost a count and a page, never a
 * million objects.
 *
 * Pages are kept as segments: runs of consecutive positions, each row with its sort key.
 * A page next to a cached one is read by keyset (rows after the neighbour's last key),
 * which an index answers directly at any depth; a jump reads by OFFSET.
 *
 * Changes arrive from GdnStore::changed after the commit, when the old state is gone. A
 * temporary trigger on the table therefore snapshots each row (still a member? under
 * which sort key?) just before the store writes it; with that, a change becomes an exact
 * removal at the old position and an insertion at the new one, found from the cached
 * rows or by counting the rows that sort before it.
 *
 * On a large table a search typed in a list is prepared in a worker first
 * (gdn_query_model_request_search()): a copy of the model on a read-only connection of its
 * own counts the rows and finds the first page, while the list keeps showing the rows it
 * had; the model then takes the search with that count and the first page's ids, so the
 * main loop only reads a page of rows by id. */

#define PAGE_SIZE        100
#define MAX_CACHED_ROWS  (20 * PAGE_SIZE)
#define RECYCLE_ROWS     (4 * PAGE_SIZE)
#define MAX_SNAPSHOTS    10000
/* below this many rows skipped, an OFFSET is cheaper than seeking through the index */
#define SEEK_THRESHOLD   (50 * PAGE_SIZE)
/* from this many ids on, a search typed in a list is prepared in a worker: at a hundred
 * thousand orders a search's count and first page take tens of milliseconds */
#define WORKER_SEARCH_IDS 100000

typedef struct
{
  gint64         id;
  GdnRecord     *record;
  sqlite3_value *key;
} Row;

typedef struct
{
  guint      start;
  GPtrArray *rows;   /* Row, in model order */
  guint64    used;
} Segment;

typedef struct
{
  gboolean       member;
  sqlite3_value *key;
} Snapshot;

typedef struct
{
  GdnQueryModel *model;
  gint64         id;
  GdnRecord     *record;   /* not a reference: dropped when the record goes */
} LiveEntry;

typedef struct
{
  gboolean  is_int;
  gint64    num;
  char     *text;
} Param;

/* A condition on rows after a sort key, one of at most two per direction (NULL keys are
 * kept apart so that each part stays a plain index range). */
typedef enum
{
  RANGE_NULL_ID_ABOVE,   /* key IS NULL AND id > ? */
  RANGE_NULL_ID_BELOW,   /* key IS NULL AND id < ? */
  RANGE_NOT_NULL,
  RANGE_NULL,
  RANGE_ABOVE,           /* (key, id) > (?, ?) */
  RANGE_BELOW,           /* (key, id) < (?, ?) */
} KeyRange;

struct _GdnQueryModel
{
  GObject          parent_instance;

  GdnStore        *store;
  GType            item_type;
  GdnRecordClass  *klass;
  gulong           changed_id;

  char            *search;
  int              sort_index;   /* -1: by id */
  gboolean         sort_descending;
  GHashTable      *filters;      /* column → value ("" means not set) */
  GdnFlags         flags_filter;
  gboolean         show_deleted;

  /* SQL of the above: the WHERE for lists (with the FTS index) and for one row */
  char            *where;
  gboolean         base;         /* no filter, flag or search: every row not in the trash */
  gboolean         index_only;   /* only a search the index alone answers */
  gboolean         text_scan;    /* a search the index cannot narrow (short words) */
  gboolean         text_confirm; /* a search whose finds are confirmed in the text */
  gboolean         search_rows;  /* the table has a narrow index of its text by id */
  gboolean         sparse;       /* few rows match: find them first, then sort them */
  gboolean         dense;        /* nearly all rows match */
  gboolean         walk_text;    /* a walk reads the text of rows, not the index's list */
  guint            walk_budget;  /* for how long, in calls of the progress handler */
  guint            walk_gap;     /* rows without a match before a walk is not tried */
  char            *found;        /* ids of a short search's rows, as a JSON array, from its
                                  * count until the next change: no second scan of the text */
  char            *match;        /* the trigrams of the search, for the FTS index */
  GdnIdSet        *matches;      /* the rows the index finds, for this search and these
                                  * rows (NULL until a walk needs them) */
  char            *text_where;   /* the search's conditions in row_where (its last params) */
  GArray          *where_params;
  char            *row_where;    /* the same, the search as conditions on the text: for one
                                  * row, and for walking the index of the sort column */
  GArray          *row_where_params;
  char            *sort_expr;
  gboolean         sort_indexed;
  GHashTable      *indexed;      /* columns with an index of their own */
  GPtrArray       *trash;        /* Row without record: the rows in the trash, in order */
  GHashTable      *counts;       /* WHERE and its values → count, until the next change */
  char            *columns;      /* select list, then the sort key */
  int              key_column;

  guint            n_items;
  gboolean         counted;
  guint            count_limit;  /* a search is counted up to this many rows (0: all) */
  gboolean         capped;       /* more rows match than n_items: counted further at the end */
  guint            extend_id;    /* idle that counts further */
  gint64           exclude_id;   /* hidden between the removal and insertion of a move */

  GPtrArray       *segments;     /* Segment, by start, disjoint */
  guint            n_cached;
  guint64          tick;
  GHashTable      *live;         /* id → LiveEntry: records handed out and still alive */
  gboolean         recycle;      /* a reset gives the rows shown their new records in place */

  char            *function;     /* the snapshot SQL function and trigger name */
  GHashTable      *snapshots;    /* id → Snapshot */
  gboolean         snapshots_lost;

  GError          *error;
  guint            n_loads;
  guint            n_counts;
  guint            count_cap;    /* the first count_limit of a search */
  guint            first_rows;   /* any count goes up to this many rows, until 0 (see
                                  * gdn_query_model_set_first_rows()) */

  /* a search prepared in a worker (gdn_query_model_request_search()) */
  char            *wanted_search;      /* the latest asked for */
  gboolean         search_wanted;      /* asked for, not yet taken */
  gboolean         search_running;     /* a worker prepares one */
  guint            data_serial;        /* changes of the rows seen, to know a result old */
  gint64           worker_ids;         /* from how many ids a search goes to a worker */
  GdnStore        *worker_store;       /* the worker's connection (touched by it alone) */
  gboolean         shadow;             /* a worker's copy: adds nothing to the main loop */
  char            *prefetch_state;     /* the rows and order the ids below were found for */
  GArray          *prefetch;           /* the first page's ids, in order */
  gboolean         prefetch_complete;  /* all the rows there are */
  guint            n_prefetched;       /* pages read from a worker's ids */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_SEARCH,
  PROP_SORT_FIELD,
  PROP_SORT_DESCENDING,
  PROP_FLAGS_FILTER,
  PROP_SHOW_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnQueryModel, gdn_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* ─── small helpers ─────────────────────────────────────────────────────────────────── */

static void
row_free (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->record);
  g_clear_pointer (&row->key, sqlite3_value_free);
  g_free (row);
}

static void
segment_free (gpointer data)
{
  Segment *seg = data;

  g_ptr_array_unref (seg->rows);
  g_free (seg);
}

static void
snapshot_free (gpointer data)
{
  Snapshot *snap = data;

  g_clear_pointer (&snap->key, sqlite3_value_free);
  g_free (snap);
}

static void
param_clear (gpointer data)
{
  Param *p = data;

  g_clear_pointer (&p->text, g_free);
}

static GArray *
params_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (Param));

  g_array_set_clear_func (a, param_clear);
  return a;
}

static void
params_add_text (GArray     *params,
                 const char *text)
{
  Param p = { FALSE, 0, g_strdup (text) };

  g_array_append_val (params, p);
}

static void
params_add_int (GArray *params,
                gint64  num)
{
  Param p = { TRUE, num, NULL };

  g_array_append_val (params, p);
}

static int
bind_params (sqlite3_stmt *stmt,
             GArray       *params,
             int           first)
{
  for (guint i = 0; i < params->len; i++)
    {
      Param *p = &g_array_index (params, Param, i);

      if (p->is_int)
        sqlite3_bind_int64 (stmt, first++, p->num);
      else
        sqlite3_bind_text (stmt, first++, p->text, -1, SQLITE_TRANSIENT);
    }
  return first;
}

static guint
segment_end (const Segment *seg)
{
  return seg->start + seg->rows->len;
}

static sqlite3 *
handle (GdnQueryModel *self)
{
  return gdn_database_get_handle (gdn_store_get_database (self->store));
}

static const char *
table (GdnQueryModel *self)
{
  return self->klass->table;
}

/* Whether @sql names @name as a whole word (a table in a subquery). */
static gboolean
mentions (const char *sql,
          const char *name)
{
  gsize len = strlen (name);

  for (const char *p = sql ? strstr (sql, name) : NULL; p != NULL; p = strstr (p + 1, name))
    {
      gboolean start_ok = p == sql || !(g_ascii_isalnum (p[-1]) || p[-1] == '_');
      gboolean end_ok = !(g_ascii_isalnum (p[len]) || p[len] == '_');

      if (start_ok && end_ok)
        return TRUE;
    }
  return FALSE;
}

/* The order SQLite gives values under the BINARY collation: NULL, numbers, text, blobs. */
static int
compare_values (sqlite3_value *a,
                sqlite3_value *b)
{
  static const int type_order[] = { 0, 1, 1, 2, 3, 0 };  /* SQLITE_INTEGER … SQLITE_NULL */
  int ta = sqlite3_value_type (a), tb = sqlite3_value_type (b);

  if (type_order[ta] != type_order[tb])
    return type_order[ta] - type_order[tb];

  switch (ta)
    {
    case SQLITE_NULL:
      return 0;
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
      if (ta == SQLITE_INTEGER && tb == SQLITE_INTEGER)
        {
          sqlite3_int64 x = sqlite3_value_int64 (a), y = sqlite3_value_int64 (b);
          return x < y ? -1 : x > y;
        }
      else
        {
          double x = sqlite3_value_double (a), y = sqlite3_value_double (b);
          return x < y ? -1 : x > y;
        }
    case SQLITE_TEXT:
    case SQLITE_BLOB:
    default:
      {
        const void *x = ta == SQLITE_TEXT ? (const void *) sqlite3_value_text (a)
                                          : sqlite3_value_blob (a);
        const void *y = ta == SQLITE_TEXT ? (const void *) sqlite3_value_text (b)
                                          : sqlite3_value_blob (b);
        int nx = sqlite3_value_bytes (a), ny = sqlite3_value_bytes (b);
        int c = memcmp (x, y, MIN (nx, ny));

        return c != 0 ? c : nx - ny;
      }
    }
}

/* Where (key, id) sorts against @row in the model's order. */
static int
compare_to_row (GdnQueryModel *self,
                sqlite3_value *key,
                gint64         id,
                const Row     *row)
{
  int c = compare_values (key, row->key);

  if (c == 0)
    c = id < row->id ? -1 : id > row->id;
  return self->sort_descending ? -c : c;
}

static void
set_error (GdnQueryModel *self,
           GError        *error)
{
  g_warning ("%s: %s", table (self), error->message);
  g_clear_error (&self->error);
  self->error = error;
}

static sqlite3_stmt *
prepare (GdnQueryModel *self,
         const char    *sql)
{
  GError *error = NULL;
  sqlite3_stmt *stmt = gdn_database_prepare (gdn_store_get_database (self->store), sql,
                                             &error);

  if (stmt == NULL)
    set_error (self, error);
  return stmt;
}

static void
step_failed (GdnQueryModel *self,
             int            rc)
{
  GError *error = NULL;

  gdn_database_set_error (gdn_store_get_database (self->store), rc, &error);
  set_error (self, error);
}

/* The column of the table a field is read from: its own, or a copy kept by triggers
 * (a derived field read as "t.column"); NULL when it is computed. */
static const char *
field_column (const GdnField *field)
{
  if (!(field->flags & GDN_FIELD_DERIVED))
    return field->name;
  if (!g_str_has_prefix (field->expr, "t."))
    return NULL;
  for (const char *p = field->expr + 2; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return NULL;
  return field->expr + 2;
}

/* Whether @sql reads something a write to the table @name may change: that table itself,
 * or a column copied from it. */
static gboolean
depends_on (GdnQueryModel *self,
            const char    *sql,
            const char    *name)
{
  if (mentions (sql, name))
    return TRUE;
  for (guint i = 0; i < self->klass->n_fields; i++)
    {
      const char *column = field_column (&self->klass->fields[i]);

      if (column != NULL && (self->klass->fields[i].flags & GDN_FIELD_DERIVED) &&
          gdn_migration_copies_from (table (self), column, name) && mentions (sql, column))
        return TRUE;
    }
  return FALSE;
}

/* ─── building the SQL ──────────────────────────────────────────────────────────────── */

static char *
like_pattern (const char *term)
{
  GString *s = g_string_new ("%");

  for (const char *p = term; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Words of the search, split at any white space (also the ideographic space that
 * Chinese input methods type). Past MAX_SEARCH_TERMS words (a pasted page, not a search)
 * the rest is left out: each word is a condition, and SQLite refuses a query of thousands. */
#define MAX_SEARCH_TERMS 32

/* A search that more rows match is shown as soon as this many are counted; one of one or
 * two characters, found by reading text, sooner. */
#define COUNT_CAP 10000
#define SHORT_COUNT_CAP 1000

/* How long a walk reading the text of rows may look for a page: in calls of the
 * progress handler, each after WALK_TEXT_STEPS steps of SQLite's machine (a few thousand
 * rows read in all, some milliseconds). */
#define WALK_TEXT_STEPS  10000

#define WALK_TEXT_BUDGET 20

static GPtrArray *
search_terms (const char *search)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = search; terms->len < MAX_SEARCH_TERMS; p = g_utf8_next_char (p))
    {
      gboolean end = *p == '\0' || g_unichar_isspace (g_utf8_get_char (p));

      if (end && start != NULL)
        {
          g_ptr_array_add (terms, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!end && start == NULL)
        start = p;
      if (*p == '\0')
        break;
    }
  return terms;
}

/* Appends trigrams of @term as FTS5 strings to @match. The index has no positions
 * (detail=none), so a phrase cannot be asked for: every trigram must occur, and the
 * LIKE beside it confirms they occur in order. The more trigrams, the fewer candidates
 * to confirm; past a dozen, evenly spread ones (the first and last among them) do. */
#define MAX_TRIGRAMS 12

static void
add_trigrams (GString    *match,
              const char *term)
{
  glong n_chars = g_utf8_strlen (term, -1);
  glong n_trigrams = n_chars - 2;
  glong starts[MAX_TRIGRAMS];
  guint n_starts = 0;

  if (n_trigrams <= MAX_TRIGRAMS)
    for (glong i = 0; i < n_trigrams; i++)
      starts[n_starts++] = i;
  else
    for (guint i = 0; i < MAX_TRIGRAMS; i++)
      starts[n_starts++] = i * (n_trigrams - 1) / (MAX_TRIGRAMS - 1);

  for (guint i = 0; i < n_starts; i++)
    {
      const char *from = g_utf8_offset_to_pointer (term, starts[i]);
      const char *to = g_utf8_offset_to_pointer (from, 3);

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = from; p < to; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append_c (match, '"');
    }
}

static gboolean
has_ascii_letters (const char *text)
{
  for (const char *p = text; *p; p++)
    if (g_ascii_isalpha (*p))
      return TRUE;
  return FALSE;
}

/* Whether the index alone decides if @term occurs: a single trigram (nothing to put in
 * order) whose letters the index folds as LIKE does, ASCII ones; other characters must
 * have no case at all (Chinese), since instr and LIKE do not fold them. */
static gboolean
index_decides (const char *term)
{
  if (g_utf8_strlen (term, -1) != 3)
    return FALSE;
  for (const char *p = term; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0x80 && (g_unichar_tolower (c) != c || g_unichar_toupper (c) != c ||
                        g_unichar_totitle (c) != c))
        return FALSE;
    }
  return TRUE;
}

/* Returns whether the search is the index's match alone (no text to confirm). */
static gboolean
add_search (GdnQueryModel *self,
            GString       *where,
            GString       *row_where)
{
  g_autoptr(GPtrArray) terms = search_terms (self->search);
  g_autoptr(GString) match = g_string_new (NULL);
  const char *search_expr = self->klass->search_expr;
  gboolean index_only = TRUE;

  if (search_expr != NULL)
    {
      for (guint i = 0; i < terms->len; i++)
        if (g_utf8_strlen (terms->pdata[i], -1) >= 3)
          add_trigrams (match, terms->pdata[i]);

      /* The index finds the candidates; when they are many, walking the index of the
       * sort column and checking each row reaches a page sooner than sorting them all:
       * the walking form is row_where, with the index as a list to look rows up in
       * (never as the driver) unless nearly every row matches (see walk_in_index()). */
      self->text_scan = match->len == 0 && terms->len > 0;
      self->text_confirm = FALSE;
      if (match->len > 0)
        {
          g_string_append_printf (where, " AND t.id IN (SELECT rowid FROM %s_fts"
                                  " WHERE %s_fts MATCH ?)", table (self), table (self));
          params_add_text (self->where_params, match->str);
          g_free (self->match);
          self->match = g_strdup (match->str);
        }

      /* One- and two-character words (华强, 李) have no trigram: they are found by
       * scanning the text (a narrow index of it, for orders), with instr where case does
       * not matter (faster) and LIKE, which ignores the case of Latin letters, where it
       * does. Longer ones the index found are confirmed the same way, unless it alone
       * decides; the text is read for one row at a time anyway (row_where). */
      for (guint i = 0; i < terms->len; i++)
        {
          const char *term = terms->pdata[i];
          g_autofree char *pattern = NULL;
          const char *cond;

          if (has_ascii_letters (term))
            {
              pattern = like_pattern (term);
              cond = " AND t.search_text LIKE ? ESCAPE '\\'";
            }
          else
            {
              pattern = g_strdup (term);
              cond = " AND instr(t.search_text, ?) > 0";
            }
          g_string_append (row_where, cond);
          params_add_text (self->row_where_params, pattern);
          if (index_decides (term))
            continue;
          index_only = FALSE;
          self->text_confirm = match->len > 0;
          g_string_append (where, cond);
          params_add_text (self->where_params, pattern);
        }
      return index_only && match->len > 0;
    }

  /* Kinds without a search index (contacts, products, the communication log …) are
   * searched in their text fields, including derived ones such as the customer code. */
  for (guint i = 0; i < terms->len; i++)
    {
      g_autofree char *pattern = like_pattern (terms->pdata[i]);
      const char *glue = "";

      g_string_append (where, " AND (");
      g_string_append (row_where, " AND (");
      for (guint f = 0; f < self->klass->n_fields; f++)
        {
          const GdnField *field = &self->klass->fields[f];
          g_autofree char *expr = NULL;

          if (field->type != GDN_FIELD_TEXT)
            continue;
          if (field->flags & GDN_FIELD_DERIVED)
            expr = g_strdup_printf ("ifnull((%s), '') LIKE ? ESCAPE '\\'", field->expr);
          else
            expr = g_strdup_printf ("ifnull(t.%s, '') LIKE ? ESCAPE '\\'", field->name);
          g_string_append_printf (where, "%s%s", glue, expr);
          g_string_append_printf (row_where, "%s%s", glue, expr);
          params_add_text (self->where_params, pattern);
          params_add_text (self->row_where_params, pattern);
          glue = " OR ";
        }
      if (*glue == '\0')
        {
          g_string_append (where, "0");
          g_string_append (row_where, "0");
        }
      g_string_append (where, ")");
      g_string_append (row_where, ")");
    }
  return FALSE;
}

/* How far the rows are counted */
static void
choose_count_limit (GdnQueryModel *self)
{
  /* Searches the index alone cannot count are counted up to a limit: a page shows
   * without scanning every match, and the rest is counted as the list reaches its end. */
  self->count_limit = self->text_scan || self->text_confirm || self->index_only ?
                      self->count_cap : 0;
  /* one or two characters are read in the text of every row until the limit: a common one
   * (华, 电子) is shown after its first thousand, the rest counted as the list is scrolled */
  if (self->text_scan)
    self->count_limit = MIN (self->count_limit, SHORT_COUNT_CAP);
  /* a view's first frame: what it shows, not the whole table */
  if (self->first_rows > 0)
    self->count_limit = self->count_limit > 0 ? MIN (self->count_limit, self->first_rows)
                                              : self->first_rows;
}

static void
rebuild_sql (GdnQueryModel *self)
{
  g_autoptr(GString) where = g_string_new ("1");
  g_autoptr(GString) row_where = g_string_new ("1");
  g_autofree char *select_list = NULL;
  gsize text_start;

  g_clear_pointer (&self->where_params, g_array_unref);
  g_clear_pointer (&self->row_where_params, g_array_unref);
  self->where_params = params_new ();
  self->row_where_params = params_new ();

  if (!self->klass->plain && !self->show_deleted)
    {
      g_string_append (where, " AND t.deleted_at IS NULL");
      g_string_append (row_where, " AND t.deleted_at IS NULL");
    }

  for (guint i = 0; i < self->klass->n_fields; i++)
    {
      const GdnField *f = &self->klass->fields[i];
      const char *value = g_hash_table_lookup (self->filters, f->name);
      g_autofree char *expr = NULL;

      if (value == NULL)
        continue;

      expr = (f->flags & GDN_FIELD_DERIVED) ? g_strdup_printf ("(%s)", f->expr)
                                            : g_strdup_printf ("t.%s", f->name);
      if (*value == '\0')
        {
          g_string_append_printf (where, " AND %s IS NULL", expr);
          g_string_append_printf (row_where, " AND %s IS NULL", expr);
          continue;
        }

      g_string_append_printf (where, " AND %s = ?", expr);
      g_string_append_printf (row_where, " AND %s = ?", expr);
      if (f->type == GDN_FIELD_INT || f->type == GDN_FIELD_REF || f->type == GDN_FIELD_BOOL)
        {
          gint64 num = g_ascii_strtoll (value, NULL, 10);

          if (f->type == GDN_FIELD_BOOL)
            num = (num != 0 || g_ascii_strcasecmp (value, "true") == 0 ||
                   g_ascii_strcasecmp (value, "yes") == 0);
          params_add_int (self->where_params, num);
          params_add_int (self->row_where_params, num);
        }
      else
        {
          params_add_text (self->where_params, value);
          params_add_text (self->row_where_params, value);
        }
    }

  if (self->flags_filter != GDN_FLAGS_NONE)
    {
      g_autoptr(GString) any = g_string_new (NULL);

      for (guint bit = 0; bit < 32; bit++)
        {
          const char *cond;

          if (!(self->flags_filter & (1u << bit)))
            continue;
          cond = gdn_flags_condition_sql (self->item_type, (GdnFlags) (1u << bit));
          if (cond != NULL)
            g_string_append_printf (any, "%s%s", any->len ? " OR " : "", cond);
        }
      if (any->len == 0)
        g_string_append_c (any, '0');
      g_string_append_printf (where, " AND (%s)", any->str);
      g_string_append_printf (row_where, " AND (%s)", any->str);
    }

  self->index_only = FALSE;
  self->text_scan = FALSE;
  self->text_confirm = FALSE;
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->found, g_free);
  g_free (self->text_where);
  text_start = row_where->len;
  if (self->search != NULL)
    self->index_only = add_search (self, where, row_where) &&
                       g_hash_table_size (self->filters) == 0 &&
                       self->flags_filter == GDN_FLAGS_NONE && !self->show_deleted &&
                       !self->klass->plain;
  choose_count_limit (self);
  self->text_where = g_strdup (row_where->str + text_start);

  g_free (self->where);
  self->where = g_strdup (where->str);
  self->sparse = FALSE;
  self->base = g_hash_table_size (self->filters) == 0 && self->flags_filter == GDN_FLAGS_NONE &&
               self->search == NULL;
  g_free (self->row_where);
  self->row_where = g_strdup (row_where->str);

  g_free (self->sort_expr);
  if (self->sort_index < 0)
    self->sort_expr = g_strdup ("t.id");
  else if (self->klass->fields[self->sort_index].flags & GDN_FIELD_DERIVED)
    self->sort_expr = g_strdup_printf ("(%s)", self->klass->fields[self->sort_index].expr);
  else
    self->sort_expr = g_strdup_printf ("t.%s", self->klass->fields[self->sort_index].name);
  if (self->sort_index < 0)
    self->sort_indexed = TRUE;
  else
    {
      const char *column = field_column (&self->klass->fields[self->sort_index]);

      self->sort_indexed = column != NULL && g_hash_table_contains (self->indexed, column);
    }

  select_list = gdn_record_class_select_list (self->klass);
  g_free (self->columns);
  self->columns = g_strdup_printf ("%s, %s", select_list, self->sort_expr);
  self->key_column = 5 + (int) self->klass->n_fields;
}

static char *
exclusion (GdnQueryModel *self)
{
  if (self->exclude_id == 0)
    return g_strdup ("");
  return g_strdup_printf (" AND t.id <> %" G_GINT64_FORMAT, self->exclude_id);
}

static const char *
direction (gboolean descending)
{
  return descending ? "DESC" : "ASC";
}

/* The rows after (key, id) in the given direction: with ascending order NULL keys come
 * first, as in SQLite, and descending is its exact reverse. */
static guint
key_ranges (gboolean        descending,
            sqlite3_value  *key,
            KeyRange        ranges[2])
{
  gboolean null_key = sqlite3_value_type (key) == SQLITE_NULL;

  if (!descending && null_key)
    {
      ranges[0] = RANGE_NULL_ID_ABOVE;
      ranges[1] = RANGE_NOT_NULL;
      return 2;
    }
  if (!descending)
    {
      ranges[0] = RANGE_ABOVE;
      return 1;
    }
  if (null_key)
    {
      ranges[0] = RANGE_NULL_ID_BELOW;
      return 1;
    }
  ranges[0] = RANGE_BELOW;
  ranges[1] = RANGE_NULL;
  return 2;
}

static char *
range_condition (KeyRange    range,
                 const char *key)
{
  switch (range)
    {
    case RANGE_NULL_ID_ABOVE:
      return g_strdup_printf ("%s IS NULL AND t.id > ?", key);
    case RANGE_NULL_ID_BELOW:
      return g_strdup_printf ("%s IS NULL AND t.id < ?", key);
    case RANGE_NOT_NULL:
      return g_strdup_printf ("%s IS NOT NULL", key);
    case RANGE_NULL:
      return g_strdup_printf ("%s IS NULL", key);
    case RANGE_ABOVE:
      return g_strdup_printf ("(%s, t.id) > (?, ?)", key);
    case RANGE_BELOW:
    default:
      return g_strdup_printf ("(%s, t.id) < (?, ?)", key);
    }
}

static int
bind_range (sqlite3_stmt  *stmt,
            KeyRange       range,
            sqlite3_value *key,
            gint64         id,
            int            param)
{
  if (range == RANGE_ABOVE || range == RANGE_BELOW)
    sqlite3_bind_value (stmt, param++, key);
  if (range != RANGE_NOT_NULL && range != RANGE_NULL)
    sqlite3_bind_int64 (stmt, param++, id);
  return param;
}

/* ─── counting and positions ────────────────────────────────────────────────────────── */

/* A search typed and cleared again needs no second count of the whole table. */
static char *
count_signature (GdnQueryModel *self,
                 const char    *excl)
{
  GString *s = g_string_new (self->where);

  g_string_append (s, excl);
  for (guint i = 0; i < self->where_params->len; i++)
    {
      Param *p = &g_array_index (self->where_params, Param, i);

      if (p->is_int)
        g_string_append_printf (s, "\x1f%" G_GINT64_FORMAT, p->num);
      else
        g_string_append_printf (s, "\x1f%s", p->text);
    }
  g_string_append_printf (s, "\x1e%u", self->count_limit);
  return g_string_free (s, FALSE);
}

/* The number of rows, or count_limit + 1 when there are more than count_limit. */
static guint
count_rows (GdnQueryModel *self)
{
  g_autofree char *excl = exclusion (self);
  g_autofree char *signature = count_signature (self, excl);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GArray *params = self->where_params;
  gboolean limited = FALSE, limit_second = FALSE;
  gpointer cached;
  guint n;
  int param = 1, rc;

  if (g_hash_table_lookup_extended (self->counts, signature, NULL, &cached))
    return GPOINTER_TO_UINT (cached);

  /* Without filters, every row but those in the trash: counted in the smallest index,
   * less the trash counted in its own (deep jumps and positions read the trash's sort
   * keys when they first need them: a row each, which a window opening need not wait
   * for) */
  if (self->base && !self->klass->plain && !self->show_deleted && self->exclude_id == 0 &&
      self->count_limit == 0)
    sql = g_strdup_printf ("SELECT count(*) - (SELECT count(*) FROM %s"
                           " WHERE deleted_at IS NOT NULL) FROM %s", table (self),
                           table (self));
  /* the index's count of the rows it finds, less those of them in the trash: no row of
   * the table is read but the few in the trash. Up to the limit and the whole trash:
   * when the index finds that many, more than the limit are outside the trash, and a
   * common trigram ("XS2", every order) is not counted through all its rows. */
  else if (self->index_only && self->exclude_id == 0)
    {
      /* the words' conditions on the text, which decide as the index does: in the trash,
       * not among all the rows the index finds */
      sql = g_strdup_printf ("SELECT (SELECT count(*) FROM (SELECT 1 FROM %s_fts"
                             "  WHERE %s_fts MATCH ?1 LIMIT ?2 + (SELECT count(*) FROM %s"
                             "  WHERE deleted_at IS NOT NULL))) -"
                             " (SELECT count(*) FROM %s t WHERE t.deleted_at IS NOT NULL%s)",
                             table (self), table (self), table (self), table (self),
                             self->text_where);
      params = self->row_where_params;
      limit_second = TRUE;
    }
  /* the rows the trigrams find, in the index's order, each confirmed in the narrow index
   * of the text by id (SQLite would read each wide row instead, as that looks cheaper to
   * it), up to the limit: a frequent trigram costs no more than the limit's rows, where
   * a list of all its rows would be built first to look ids up in */
  else if (self->text_confirm && self->search_rows && self->match != NULL &&
           g_hash_table_size (self->filters) == 0 && self->flags_filter == GDN_FLAGS_NONE &&
           !self->show_deleted && !self->klass->plain)
    {
      sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s_fts f"
                             " CROSS JOIN %s t INDEXED BY %s_search_rows"
                             " WHERE f.%s_fts MATCH ? AND t.id = f.rowid AND %s%s LIMIT ?)",
                             table (self), table (self), table (self), table (self),
                             self->row_where, excl);
      params = self->row_where_params;
      limited = TRUE;
    }
  /* a short search scans all the text: the rows it finds are kept for the pages */
  else if (self->count_limit > 0 && self->count_limit <= self->count_cap && self->text_scan &&
           self->exclude_id == 0)
    {
      sql = g_strdup_printf ("SELECT count(*), json_group_array(id) FROM"
                             " (SELECT t.id AS id FROM %s t WHERE %s LIMIT ?)",
                             table (self), self->where);
      limited = TRUE;
    }
  else if (self->count_limit > 0)
    {
      sql = g_strdup_printf ("SELECT count(*) FROM (SELECT 1 FROM %s t WHERE %s%s LIMIT ?)",
                             table (self), self->where, excl);
      limited = TRUE;
    }
  else
    sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE %s%s", table (self), self->where,
                           excl);
  stmt = prepare (self, sql);
  self->n_counts++;
  if (stmt == NULL)
    return 0;
  if (params == self->row_where_params)
    sqlite3_bind_text (stmt, param++, self->match, -1, SQLITE_TRANSIENT);
  if (limit_second)
    sqlite3_bind_int64 (stmt, param++,
                        self->count_limit > 0 ? (gint64) self->count_limit + 1 : -1);
  param = bind_params (stmt, params, param);
  if (limited)
    sqlite3_bind_int64 (stmt, param, self->count_limit > 0 ? (gint64) self->count_limit + 1 : -1);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      step_failed (self, rc);
      return 0;
    }
  n = (guint) sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&self->found, g_free);
  if (sqlite3_column_count (stmt) > 1 && n <= self->count_limit)
    self->found = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  g_hash_table_insert (self->counts, g_steal_pointer (&signature), GUINT_TO_POINTER (n));
  return n;
}

/* Whether a walk along the sort order would pass many rows before its first match, as far
 * as the ids tell: when the order follows them (the day an order was made) and none of the
 * WALK_TEXT_GAP newest ids (oldest, ascending) matches, a walk reading the text of rows
 * would pass at least as many (every order since January for "XS2025", newest first) and
 * run out of time, so the index's list is used at once. The rows the index finds among
 * them are confirmed in the narrow index of the text, up to the first that matches. */
#define WALK_TEXT_GAP 10000

static gboolean
first_match_far (GdnQueryModel *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!self->search_rows ||
      (self->sort_index >= 0 &&
       !(self->klass->fields[self->sort_index].flags & GDN_FIELD_FOLLOWS_ID)))
    return FALSE;

  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s_fts f"
                         " CROSS JOIN %s t INDEXED BY %s_search_rows"
                         " WHERE f.%s_fts MATCH ? AND f.rowid %s (SELECT %s(id) FROM %s) %s %u"
                         " AND t.id = f.rowid AND %s)",
                         table (self), table (self), table (self), table (self),
                         self->sort_descending ? ">=" : "<=",
                         self->sort_descending ? "max" : "min", table (self),
                         self->sort_descending ? "-" : "+", self->walk_gap, self->row_where);
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->match, -1, SQLITE_TRANSIENT);
  bind_params (stmt, self->row_where_params, 2);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0;
}

/* With the number of rows known, decide how pages are read. When they are a fair share
 * of the table, walking the index of the sort column and checking each row finds a page
 * quickly; when they are few (a rare status, a precise search), that walk would pass over
 * most of the table, so the rows are found first (by the filter's or the search's index)
 * and only they are sorted. */
static void
choose_plan (GdnQueryModel *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  self->sparse = TRUE;
  self->dense = FALSE;
  self->walk_text = FALSE;
  /* few rows: sorted at once (a capped count has more) */
  if (!self->sort_indexed || (self->n_items < 10 * PAGE_SIZE && !self->capped))
    return;
  /* a capped count: more rows than the limit, a fair share of any table; a walk reading
   * the text is tried first (see fetch()) */
  if (self->base || self->capped)
    {
      self->sparse = FALSE;
      self->walk_text = self->capped && self->match != NULL && !first_match_far (self);
      return;
    }

  /* The largest id estimates the size of the table without counting it. Finding the rows
   * of a short search first is a scan of all the text, so walking is worth it down to
   * fewer rows: a page of a 0.5 % match costs 20,000 rows checked, a scan all of them. */
  sql = g_strdup_printf ("SELECT max(id) FROM %s", table (self));
  stmt = prepare (self, sql);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 max_id = sqlite3_column_int64 (stmt, 0);

      self->sparse = (gint64) self->n_items * (self->text_scan ? 200 : 50) <= max_id;
      self->dense = self->index_only && (gint64) self->n_items * 10 >= max_id * 9;
    }
}

/* Whether a walk checks rows against the index's list of the rows it finds (built once,
 * then each row is a look-up in it) rather than in their text (each row read): the list
 * costs as many rows as the index finds, but a walk reading the text of rows passes over
 * as many rows as sort before the first matches, many when the words go with the order
 * (a year in order numbers, sorted by date). Only when nearly every row matches does the
 * text win for sure. */
static gboolean
walk_in_index (GdnQueryModel *self)
{
  return !self->sparse && self->match != NULL && !self->dense && !self->walk_text;
}

/* Sets n_items from a count: the rows up to count_limit, and whether there are more. */
static void
update_n_items (GdnQueryModel *self)
{
  guint n = count_rows (self);

  self->capped = self->count_limit > 0 && n > self->count_limit;
  self->n_items = self->capped ? self->count_limit : n;
}

static void
ensure_counted (GdnQueryModel *self)
{
  if (self->counted)
    return;
  update_n_items (self);
  self->counted = TRUE;
  choose_plan (self);
}

static void clear_cache (GdnQueryModel *self);

/* Announces that every row may have changed: the @old_n rows leave in one change and the
 * new ones come in a second, with no rows in between. A list view of GTK 4.8 looks for
 * the widgets of the rows it showed among all the rows one change adds, which over a
 * query is a read of every row it finds (a million orders without a search). */
static void
announce_reset (GdnQueryModel *self,
                guint          old_n)
{
  guint new_n = self->n_items;

  if (old_n > 0)
    {
      self->n_items = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);
      self->n_items = new_n;
    }
  if (new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, new_n);
}

/* After a count further than the last one (@old_n rows), announces the rows it found */
static void
announce_count (GdnQueryModel *self,
                guint          old_n)
{
  choose_plan (self);
  if (self->n_items < old_n)
    {
      /* rows left since the count: read everything again */
      clear_cache (self);
      announce_reset (self, old_n);
    }
  else if (self->n_items > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->n_items - old_n);
  if (self->n_items != old_n)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Counts a capped search further (four times as far each time) until it is no longer
 * capped or @position is within it, and announces the rows found. */
static void
extend_count (GdnQueryModel *self,
              guint          position)
{
  guint old_n = self->n_items;

  while (self->capped)
    {
      self->count_limit = self->count_limit > G_MAXUINT / 8 ? G_MAXUINT - 1
                                                            : self->count_limit * 4;
      update_n_items (self);
      if (position < self->n_items)
        break;
    }
  announce_count (self, old_n);
}

static gboolean
extend_count_cb (gpointer user_data)
{
  GdnQueryModel *self = user_data;

  self->extend_id = 0;
  if (self->counted && self->capped)
    extend_count (self, 0);
  return G_SOURCE_REMOVE;
}

/* ─── the trash, for counting in the index alone ──────────────────────────────────── */

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Row *x = *(Row * const *) a;
  const Row *y = *(Row * const *) b;

  return compare_to_row (user_data, x->key, x->id, y);
}

/* The rows in the trash, in the model's order: what the index of the sort column holds
 * beyond the rows of a model without filters. Read once per sort order (a scan of the
 * table), then kept up to date by row_changed(). */
static GPtrArray *
ensure_trash (GdnQueryModel *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (self->trash != NULL)
    return self->trash;
  self->trash = g_ptr_array_new_with_free_func (row_free);
  if (self->klass->plain)
    return self->trash;

  sql = g_strdup_printf ("SELECT %s, t.id FROM %s t WHERE t.deleted_at IS NOT NULL",
                         self->sort_expr, table (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return self->trash;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);

      row->key = sqlite3_value_dup (sqlite3_column_value (stmt, 0));
      row->id = sqlite3_column_int64 (stmt, 1);
      g_ptr_array_add (self->trash, row);
    }
  if (rc != SQLITE_DONE)
    step_failed (self, rc);
  g_ptr_array_sort_with_data (self->trash, compare_rows_cb, self);
  return self->trash;
}

static guint
trash_lower_bound (GdnQueryModel *self,
                   sqlite3_value *key,
                   gint64         id)
{
  GPtrArray *trash = ensure_trash (self);
  guint lo = 0, hi = trash->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_to_row (self, key, id, trash->pdata[mid]) > 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
trash_find (GdnQueryModel *self,
            gint64         id)
{
  GPtrArray *trash = ensure_trash (self);

  for (guint i = 0; i < trash->len; i++)
    if (((Row *) trash->pdata[i])->id == id)
      return (int) i;
  return -1;
}

/* The number of rows in the trash that sort before (key, id), other than @id. */
static guint
trash_before (GdnQueryModel *self,
              sqlite3_value *key,
              gint64         id)
{
  guint n = trash_lower_bound (self, key, id);
  int own = trash_find (self, id);

  return own >= 0 && (guint) own < n ? n - 1 : n;
}

/* Follows a change of one row (@stmt from query_row(), NULL when it is gone). */
static void
trash_update (GdnQueryModel *self,
              gint64         id,
              sqlite3_stmt  *stmt)
{
  int own;

  if (self->trash == NULL)
    return;
  if ((own = trash_find (self, id)) >= 0)
    g_ptr_array_remove_index (self->trash, own);
  if (stmt != NULL && sqlite3_column_type (stmt, 3) != SQLITE_NULL)
    {
      Row *row = g_new0 (Row, 1);

      row->key = sqlite3_value_dup (sqlite3_column_value (stmt, self->key_column));
      row->id = id;
      g_ptr_array_insert (self->trash, trash_lower_bound (self, row->key, id), row);
    }
}

/* Without filters, the rows before (key, id) are counted in the index of the sort column
 * without reading the table, less those in the trash. */
static guint
rank_by_index (GdnQueryModel *self,
               sqlite3_value *key,
               gint64         id)
{
  KeyRange ranges[2];
  guint n_ranges = key_ranges (!self->sort_descending, key, ranges);
  guint n = 0;

  for (guint r = 0; r < n_ranges; r++)
    {
      g_autofree char *cond = range_condition (ranges[r], self->sort_expr);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE t.id <> ?"
                                              " AND %s", table (self), cond);
      g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);
      int rc;

      self->n_counts++;
      if (stmt == NULL)
        return n;
      sqlite3_bind_int64 (stmt, 1, id);
      bind_range (stmt, ranges[r], key, id, 2);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          step_failed (self, rc);
          return n;
        }
      n += (guint) sqlite3_column_int64 (stmt, 0);
    }
  if (!self->klass->plain && !self->show_deleted)
    n -= MIN (n, trash_before (self, key, id));
  return n;
}

/* The row at @position of a model without filters, found by skipping entries of the
 * index of the sort column (no table rows read) and correcting for the trash: a deep
 * jump in a million rows costs milliseconds instead of seconds. */
static Row *
seek (GdnQueryModel *self,
      guint          position)
{
  const char *dir = direction (self->sort_descending);
  g_autofree char *sql = g_strdup_printf ("SELECT %s, t.id FROM %s t ORDER BY %s %s, t.id %s"
                                          " LIMIT 1 OFFSET ?", self->sort_expr,
                                          table (self), self->sort_expr, dir, dir);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);
  gboolean trash_counts = !self->klass->plain && !self->show_deleted;
  gint64 q = position;

  if (stmt == NULL)
    return NULL;

  for (guint i = 0; i < 32; i++)
    {
      sqlite3_value *key;
      gint64 id, live;
      guint before;
      gboolean deleted;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, q);
      self->n_loads++;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return NULL;
      key = sqlite3_column_value (stmt, 0);
      id = sqlite3_column_int64 (stmt, 1);
      before = trash_counts ? trash_before (self, key, id) : 0;
      deleted = trash_counts && trash_find (self, id) >= 0;
      live = q - before;

      if (live == position && !deleted)
        {
          Row *row = g_new0 (Row, 1);

          row->key = sqlite3_value_dup (key);
          row->id = id;
          return row;
        }
      if (live < position)
        q += position - live;
      else if (live == position)
        q++;
      else
        return NULL;
    }
  return NULL;
}

/* The number of rows other than @id that sort before (key, id): its position. */
static guint
rank (GdnQueryModel *self,
      sqlite3_value *key,
      gint64         id)
{
  KeyRange ranges[2];
  guint n_ranges = key_ranges (!self->sort_descending, key, ranges);
  g_autofree char *excl = exclusion (self);
  guint n = 0;

  if (self->base && self->sort_indexed && self->exclude_id == 0)
    return rank_by_index (self, key, id);

  for (guint r = 0; r < n_ranges; r++)
    {
      g_autofree char *cond = range_condition (ranges[r], self->sort_expr);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE %s%s"
                                              " AND t.id <> ? AND %s",
                                              table (self), self->where, excl, cond);
      g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);
      int param, rc;

      self->n_counts++;
      if (stmt == NULL)
        return n;
      param = bind_params (stmt, self->where_params, 1);
      sqlite3_bind_int64 (stmt, param++, id);
      bind_range (stmt, ranges[r], key, id, param);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          step_failed (self, rc);
          return n;
        }
      n += (guint) sqlite3_column_int64 (stmt, 0);
    }
  return n;
}

/* One row by id with its sort key and whether it belongs to the model; NULL when the row
 * does not exist. */
static sqlite3_stmt *
query_row (GdnQueryModel *self,
           gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s, coalesce((%s), 0) FROM %s t"
                                          " WHERE t.id = ?",
                                          self->columns, self->row_where, table (self));
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);
  int param, rc;

  if (stmt == NULL)
    return NULL;
  param = bind_params (stmt, self->row_where_params, 1);
  sqlite3_bind_int64 (stmt, param, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_steal_pointer (&stmt);
  if (rc != SQLITE_DONE)
    step_failed (self, rc);
  return NULL;
}

/* ─── the cache ─────────────────────────────────────────────────────────────────────── */

static void
live_entry_gone_cb (gpointer  data,
                    GObject  *where_the_object_was)
{
  LiveEntry *entry = data;

  g_hash_table_remove (entry->model->live, &entry->id);
}

static void
live_entry_free (gpointer data)
{
  g_free (data);
}

/* Makes the row the statement is on into a Row, reusing the record already handed out
 * for that id, so that a view holding it sees the new values through notify. */
static Row *
row_from_statement (GdnQueryModel *self,
                    sqlite3_stmt  *stmt)
{
  Row *row = g_new0 (Row, 1);
  LiveEntry *entry;

  row->id = sqlite3_column_int64 (stmt, 0);
  row->key = sqlite3_value_dup (sqlite3_column_value (stmt, self->key_column));

  entry = g_hash_table_lookup (self->live, &row->id);
  if (entry != NULL)
    {
      row->record = g_object_ref (entry->record);
      gdn_record_load (row->record, stmt);
    }
  else
    {
      row->record = gdn_record_new_from_statement (self->item_type, stmt);
      entry = g_new0 (LiveEntry, 1);
      entry->model = self;
      entry->id = row->id;
      entry->record = row->record;
      g_object_weak_ref (G_OBJECT (row->record), live_entry_gone_cb, entry);
      g_hash_table_insert (self->live, &entry->id, entry);
    }
  return row;
}

static void
clear_cache (GdnQueryModel *self)
{
  g_ptr_array_set_size (self->segments, 0);
  self->n_cached = 0;
  g_clear_pointer (&self->matches, gdn_id_set_free);
}

/* The rows the index finds among ids from … to, added to a set of them. */
static gboolean
fill_matches_cb (GdnIdSet *set,
                 gint64    from,
                 gint64    to,
                 gpointer  user_data)
{
  GdnQueryModel *self = user_data;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?"
                         " AND rowid BETWEEN ? AND ?", table (self), table (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->match, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    gdn_id_set_add (set, sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      step_failed (self, rc);
      return FALSE;
    }
  return TRUE;
}

/* A lazy set's bitmap takes a bit per id of the table: up to 8 MB. */
#define MAX_LAZY_IDS (G_GINT64_CONSTANT (64) * 1024 * 1024)

/* The rows the index finds for the search, once per search and state of the rows: a walk
 * looks each row up there, where a query of its own would list them all again for every
 * page (640,000 rows for "XS2025" at a million orders). Held in memory, not in a table:
 * a set that reads the index's rows a stretch of ids at a time, as the walk reaches them
 * (gdn_id_set_new_lazy()), so that a walk along an order that follows the ids reads only
 * the stretch it passes (the orders since January, not all of them), and a look-up is a
 * bit to test. */
static gboolean
ensure_matches (GdnQueryModel *self)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GdnIdSet) matches = NULL;
  int rc;

  if (self->matches != NULL)
    return TRUE;

  /* (each in a query of its own: together they would scan the table for both) */
  sql = g_strdup_printf ("SELECT (SELECT min(id) FROM %s), (SELECT max(id) FROM %s)",
                         table (self), table (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      step_failed (self, rc);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL &&
      sqlite3_column_int64 (stmt, 0) >= 0 &&
      sqlite3_column_int64 (stmt, 1) - sqlite3_column_int64 (stmt, 0) < MAX_LAZY_IDS)
    {
      self->matches = gdn_id_set_new_lazy (sqlite3_column_int64 (stmt, 0),
                                           sqlite3_column_int64 (stmt, 1),
                                           fill_matches_cb, self);
      return TRUE;
    }

  /* ids far apart: all at once, in a set of their own size */
  g_clear_pointer (&stmt, sqlite3_finalize);
  g_free (sql);
  sql = g_strdup_printf ("SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?",
                         table (self), table (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->match, -1, SQLITE_TRANSIENT);
  matches = gdn_id_set_new ();
  if (!gdn_id_set_fill (matches, stmt, &rc))
    {
      step_failed (self, rc);
      return FALSE;
    }
  self->matches = g_steal_pointer (&matches);
  return TRUE;
}

static Row *
find_cached (GdnQueryModel *self,
             gint64         id,
             guint         *position)
{
  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];

      for (guint i = 0; i < seg->rows->len; i++)
        {
          Row *row = seg->rows->pdata[i];

          if (row->id == id)
            {
              *position = seg->start + i;
              return row;
            }
        }
    }
  return NULL;
}

static void
evict (GdnQueryModel *self,
       Segment       *keep)
{
  while (self->n_cached > MAX_CACHED_ROWS && self->segments->len > 1)
    {
      guint oldest = G_MAXUINT;

      for (guint s = 0; s < self->segments->len; s++)
        {
          Segment *seg = self->segments->pdata[s];

          if (seg != keep && (oldest == G_MAXUINT ||
                              seg->used < ((Segment *) self->segments->pdata[oldest])->used))
            oldest = s;
        }
      self->n_cached -= ((Segment *) self->segments->pdata[oldest])->rows->len;
      g_ptr_array_remove_index (self->segments, oldest);
    }
}

/* The sort key as pages order by it: a "+" keeps SQLite from walking the index of the
 * sort column when the rows are better found another way (see choose_plan()). */
static char *
page_key (GdnQueryModel *self)
{
  return g_strdup_printf ("%s%s", self->sparse ? "+" : "", self->sort_expr);
}

/* Finds the ids of a page first and only then reads their columns: the derived ones
 * (customer names, flags) are computed for a page, not for every row sorted or skipped.
 * Without @cond the page starts at an OFFSET. */
static char *
page_sql (GdnQueryModel *self,
          gboolean       descending,
          const char    *cond)
{
  g_autofree char *excl = exclusion (self);
  g_autofree char *key = page_key (self);
  const char *dir = direction (descending);
  g_autofree char *in_index = NULL;

  if (walk_in_index (self))
    in_index = g_strdup (" AND gdn_id_in(?, t.id)");
  /* the rows a short search's count found: read by id, not found again in the text */
  else if (self->sparse && self->found != NULL)
    in_index = g_strdup (" AND t.id IN (SELECT value FROM json_each(?))");
  return g_strdup_printf ("SELECT %s FROM %s t WHERE t.id IN"
                          " (SELECT t.id FROM %s t WHERE %s%s%s%s%s ORDER BY %s %s, t.id %s"
                          "  LIMIT ?%s)"
                          " ORDER BY %s %s, t.id %s",
                          self->columns, table (self), table (self),
                          self->sparse ? self->where : self->row_where,
                          in_index != NULL ? in_index : "", excl,
                          cond != NULL ? " AND " : "", cond != NULL ? cond : "",
                          key, dir, dir, cond == NULL ? " OFFSET ?" : "",
                          self->sort_expr, dir, dir);
}

typedef struct
{
  guint calls;
  guint budget;
} WalkBudget;

static int
walk_budget_cb (gpointer data)
{
  WalkBudget *b = data;

  return ++b->calls > b->budget;
}

/* The rows and order a page is read for: what a worker's first page must match. */
static char *
rows_state (GdnQueryModel *self)
{
  g_autofree char *excl = exclusion (self);
  g_autofree char *count = count_signature (self, excl);

  return g_strdup_printf ("%s\x1d%s %s", count, self->sort_expr,
                          direction (self->sort_descending));
}

static void
clear_prefetch (GdnQueryModel *self)
{
  g_clear_pointer (&self->prefetch, g_array_unref);
  g_clear_pointer (&self->prefetch_state, g_free);
}

/* The first page from the ids a worker found for the same rows and order: read by id, in
 * the order of the page. Once; FALSE (nothing added) when they do not serve. */
static gboolean
fetch_prefetched (GdnQueryModel *self,
                  guint          limit,
                  GPtrArray     *rows)
{
  g_autoptr(GArray) ids = g_steal_pointer (&self->prefetch);
  g_autofree char *state = g_steal_pointer (&self->prefetch_state);
  g_autofree char *current = rows_state (self);
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *dir = direction (self->sort_descending);
  guint first = rows->len, n;
  int rc;

  n = MIN (limit, ids->len);
  if (strcmp (state, current) != 0 || (n < limit && !self->prefetch_complete))
    return FALSE;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');

  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id IN (SELECT value FROM json_each(?))"
                         " ORDER BY %s %s, t.id %s",
                         self->columns, table (self), self->sort_expr, dir, dir);
  self->n_loads++;
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json->str, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_statement (self, stmt));

  /* a row gone or moved since: the usual way */
  for (guint i = 0; rc == SQLITE_DONE && i < rows->len - first; i++)
    if (((Row *) rows->pdata[first + i])->id != g_array_index (ids, gint64, i))
      rc = SQLITE_ABORT;
  if (rc != SQLITE_DONE || rows->len - first != n)
    {
      g_ptr_array_set_size (rows, first);
      return FALSE;
    }
  self->n_prefetched++;
  return TRUE;
}

/* Reads up to @limit rows in the given direction after @after, or from @offset when
 * @after is NULL, appending them to @rows.
 *
 * A search that many rows match (a capped count) walks the sort order reading the text
 * of rows first: common words fill a page at once, while the index's list of the rows it
 * finds costs as many rows as it finds (every order for "XS20"). When the walk has read
 * for a while without filling the page (the words go with another order: last year's
 * order numbers, sorted newest first), the index's list is used from then on. */
static void
fetch (GdnQueryModel *self,
       gboolean       descending,
       const Row     *after,
       guint          offset,
       guint          limit,
       GPtrArray     *rows)
{
  KeyRange ranges[2];
  guint n_ranges = after != NULL ? key_ranges (descending, after->key, ranges) : 1;
  guint first = rows->len;
  sqlite3 *db = gdn_database_get_handle (gdn_store_get_database (self->store));
  WalkBudget budget = { 0, self->walk_budget };

  if (after == NULL && offset == 0 && descending == self->sort_descending &&
      self->prefetch != NULL && fetch_prefetched (self, limit, rows))
    return;

  for (guint r = 0; r < n_ranges && rows->len < limit; r++)
    {
      g_autofree char *cond = NULL;
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int param, rc;

      if (after != NULL)
        {
          g_autofree char *key = page_key (self);
          cond = range_condition (ranges[r], key);
        }
      if (walk_in_index (self) && !ensure_matches (self))
        return;
      sql = page_sql (self, descending, cond);

      self->n_loads++;
      stmt = prepare (self, sql);
      if (stmt == NULL)
        return;
      param = bind_params (stmt, self->sparse ? self->where_params : self->row_where_params, 1);
      if (walk_in_index (self))
        sqlite3_bind_pointer (stmt, param++, self->matches, GDN_ID_SET_POINTER_TYPE, NULL);
      else if (self->sparse && self->found != NULL)
        sqlite3_bind_text (stmt, param++, self->found, -1, SQLITE_STATIC);
      if (after != NULL)
        param = bind_range (stmt, ranges[r], after->key, after->id, param);
      sqlite3_bind_int64 (stmt, param++, limit - rows->len);
      if (after == NULL)
        sqlite3_bind_int64 (stmt, param, offset);

      if (self->walk_text)
        sqlite3_progress_handler (db, WALK_TEXT_STEPS, walk_budget_cb, &budget);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (rows, row_from_statement (self, stmt));
      if (self->walk_text)
        sqlite3_progress_handler (db, 0, NULL, NULL);
      if (rc == SQLITE_INTERRUPT && budget.calls > budget.budget)
        {
          self->walk_text = FALSE;
          g_ptr_array_set_size (rows, first);
          fetch (self, descending, after, offset, limit, rows);
          return;
        }
      if (rc != SQLITE_DONE)
        {
          step_failed (self, rc);
          return;
        }
    }
}

static void
insert_segment (GdnQueryModel *self,
                Segment       *seg)
{
  guint i = 0;

  while (i < self->segments->len && ((Segment *) self->segments->pdata[i])->start < seg->start)
    i++;
  g_ptr_array_insert (self->segments, i, seg);
  self->n_cached += seg->rows->len;
}

static void
reverse_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len / 2; i++)
    {
      gpointer tmp = rows->pdata[i];

      rows->pdata[i] = rows->pdata[rows->len - 1 - i];
      rows->pdata[rows->len - 1 - i] = tmp;
    }
}

/* Reads the page around @position into the cache: after or before a cached neighbour by
 * keyset when there is one, else by offset, never overlapping what is cached. */
static Segment *
load (GdnQueryModel *self,
      guint          position)
{
  Segment *prev = NULL, *next = NULL, *seg;
  guint gap_start, gap_end, start, limit;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);

  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *cur = self->segments->pdata[s];

      if (segment_end (cur) <= position)
        prev = cur;
      else if (cur->start > position && next == NULL)
        next = cur;
    }
  gap_start = prev != NULL ? segment_end (prev) : 0;
  gap_end = next != NULL ? next->start : self->n_items;

  if (prev != NULL && prev->rows->len > 0 && gap_start == position)
    {
      start = position;
      limit = MIN (PAGE_SIZE, gap_end - position);
      fetch (self, self->sort_descending, g_ptr_array_index (prev->rows, prev->rows->len - 1),
             0, limit, rows);
    }
  else if (next != NULL && next->rows->len > 0 && next->start == position + 1)
    {
      limit = MIN (PAGE_SIZE, position + 1 - gap_start);
      start = position + 1 - limit;
      fetch (self, !self->sort_descending, g_ptr_array_index (next->rows, 0), 0, limit, rows);
      reverse_rows (rows);
      if (rows->len < limit)
        start = position + 1 - rows->len;
    }
  else
    {
      guint aligned = position - position % PAGE_SIZE;

      start = MAX (aligned, gap_start);
      limit = MIN (aligned + PAGE_SIZE, gap_end) - start;
      Row *first = NULL;

      if (MIN (start, self->n_items - start - limit) > SEEK_THRESHOLD && self->base &&
          self->sort_indexed && self->exclude_id == 0)
        first = seek (self, start);

      if (first != NULL)
        {
          /* the rows after a key just before the one found: from that row on */
          first->id += self->sort_descending ? 1 : -1;
          fetch (self, self->sort_descending, first, 0, limit, rows);
          row_free (first);
        }
      /* an offset costs a step per row skipped: come from the nearer end */
      else if (start > self->n_items / 2 && !self->capped)
        {
          fetch (self, !self->sort_descending, NULL, self->n_items - start - limit, limit,
                 rows);
          reverse_rows (rows);
        }
      else
        fetch (self, self->sort_descending, NULL, start, limit, rows);
    }

  if (rows->len == 0 || start > position || start + rows->len <= position)
    {
      g_debug ("%s: position %u could not be read; the table changed unannounced",
               table (self), position);
      return NULL;
    }

  seg = g_new0 (Segment, 1);
  seg->start = start;
  seg->rows = g_steal_pointer (&rows);
  seg->used = ++self->tick;
  insert_segment (self, seg);
  evict (self, seg);
  return seg;
}

static Row *
lookup (GdnQueryModel *self,
        guint          position)
{
  Segment *found = NULL;

  for (guint s = 0; s < self->segments->len && found == NULL; s++)
    {
      Segment *seg = self->segments->pdata[s];

      if (seg->start <= position && position < segment_end (seg))
        found = seg;
    }
  if (found == NULL && (found = load (self, position)) == NULL)
    return NULL;
  found->used = ++self->tick;
  return found->rows->pdata[position - found->start];
}

static void
remove_cached_at (GdnQueryModel *self,
                  guint          position)
{
  for (guint s = 0; s < self->segments->len; )
    {
      Segment *seg = self->segments->pdata[s];

      if (seg->start <= position && position < segment_end (seg))
        {
          g_ptr_array_remove_index (seg->rows, position - seg->start);
          self->n_cached--;
          if (seg->rows->len == 0)
            {
              g_ptr_array_remove_index (self->segments, s);
              continue;
            }
        }
      else if (seg->start > position)
        seg->start--;
      s++;
    }
}

/* Takes @row into the segment it continues, if any, and moves the later ones down. */
static void
insert_cached_at (GdnQueryModel *self,
                  guint          position,
                  Row           *row)
{
  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];

      if (row != NULL && seg->start < position && position <= segment_end (seg))
        {
          g_ptr_array_insert (seg->rows, position - seg->start, g_steal_pointer (&row));
          self->n_cached++;
        }
      else if (seg->start >= position)
        seg->start++;
    }
  g_clear_pointer (&row, row_free);
}

/* The position of a row that is not cached, when cached rows enclose its key. */
static gboolean
position_from_cache (GdnQueryModel *self,
                     sqlite3_value *key,
                     gint64         id,
                     guint         *position)
{
  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];
      guint n = seg->rows->len;

      if (n == 0)
        continue;
      if (compare_to_row (self, key, id, seg->rows->pdata[0]) < 0)
        {
          if (seg->start != 0)
            continue;
          *position = 0;
          return TRUE;
        }
      if (compare_to_row (self, key, id, seg->rows->pdata[n - 1]) > 0)
        {
          if (segment_end (seg) != self->n_items || self->capped)
            continue;
          *position = self->n_items;
          return TRUE;
        }
      for (guint i = 1; i < n; i++)
        if (compare_to_row (self, key, id, seg->rows->pdata[i]) < 0)
          {
            *position = seg->start + i;
            return TRUE;
          }
    }
  return FALSE;
}

/* ─── reacting to changes ───────────────────────────────────────────────────────────── */

/* ─── rows shown, given their new records in place ────────────────────────────────── */

static void
forget_live (GdnQueryModel *self,
             GdnRecord     *record)
{
  gint64 id = gdn_record_get_id (record);
  LiveEntry *entry = g_hash_table_lookup (self->live, &id);

  if (entry == NULL || entry->record != record)
    return;
  g_object_weak_unref (G_OBJECT (record), live_entry_gone_cb, entry);
  g_hash_table_remove (self->live, &id);
}

static void
remember_live (GdnQueryModel *self,
               GdnRecord     *record)
{
  LiveEntry *entry = g_new0 (LiveEntry, 1);

  entry->model = self;
  entry->id = gdn_record_get_id (record);
  entry->record = record;
  g_object_weak_ref (G_OBJECT (record), live_entry_gone_cb, entry);
  g_hash_table_insert (self->live, &entry->id, entry);
}

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* The records of the rows a view shows (held by someone besides the cache), by position
 * from *@first: NULL unless every record handed out and alive is in the cache and they
 * lie within RECYCLE_ROWS rows. They are no longer the live records of their ids. */
static GPtrArray *
take_shown (GdnQueryModel *self,
            guint         *first)
{
  guint lo = G_MAXUINT, hi = 0, n_records = 0;
  GPtrArray *shown;

  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];

      for (guint i = 0; i < seg->rows->len; i++)
        {
          Row *row = seg->rows->pdata[i];

          if (row->record == NULL)
            continue;
          n_records++;
          if (g_atomic_int_get (&G_OBJECT (row->record)->ref_count) > 1)
            {
              lo = MIN (lo, seg->start + i);
              hi = MAX (hi, seg->start + i + 1);
            }
        }
    }
  /* a record held elsewhere, at a position no longer known */
  if (lo == G_MAXUINT || hi - lo > RECYCLE_ROWS || g_hash_table_size (self->live) > n_records)
    return NULL;

  /* (positions between them that no one holds stay NULL) */
  shown = g_ptr_array_new_full (hi - lo, unref_if_set);
  g_ptr_array_set_size (shown, hi - lo);
  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];

      for (guint i = 0; i < seg->rows->len; i++)
        {
          Row *row = seg->rows->pdata[i];
          guint position = seg->start + i;

          if (row->record == NULL || position < lo || position >= hi ||
              g_atomic_int_get (&G_OBJECT (row->record)->ref_count) <= 1)
            continue;
          forget_live (self, row->record);
          shown->pdata[position - lo] = g_object_ref (row->record);
        }
    }
  *first = lo;
  return shown;
}

/* Gives the records of @shown (see take_shown()) the rows now at their positions and
 * announces them as replaced by themselves: a list view of GTK 4.8 then binds the
 * widgets it has to their new values, where new records would have it make new widgets
 * for every row shown. The rows after them and before them are announced apart, with
 * no widgets among them. FALSE when the rows shown are no longer all there. */
static gboolean
replace_shown (GdnQueryModel *self,
               GPtrArray     *shown,
               guint          first,
               guint          old_n)
{
  guint end = first + shown->len;
  guint new_n = self->n_items;

  if (end > new_n)
    return FALSE;
  for (guint position = first; position < end; position++)
    {
      GdnRecord *record = shown->pdata[position - first];
      Row *row;

      if (record == NULL)
        continue;
      if ((row = lookup (self, position)) == NULL)
        return FALSE;
      if (row->record == record)
        continue;
      gdn_record_assign (record, row->record);
      forget_live (self, row->record);
      g_object_unref (row->record);
      row->record = g_object_ref (record);
      remember_live (self, record);
    }

  if (old_n > end || new_n > end)
    g_list_model_items_changed (G_LIST_MODEL (self), end, old_n - end, new_n - end);
  g_list_model_items_changed (G_LIST_MODEL (self), first, end - first, end - first);
  if (first > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, first, first);
  return TRUE;
}

/* Everything may have changed: start again from a count. */
static void
reset (GdnQueryModel *self,
       gboolean       recount)
{
  guint old_n = self->n_items;
  g_autoptr(GPtrArray) shown = NULL;
  guint first = 0;

  if (self->recycle && self->counted)
    shown = take_shown (self, &first);
  clear_cache (self);
  g_hash_table_remove_all (self->snapshots);
  self->snapshots_lost = FALSE;
  self->exclude_id = 0;

  if (!self->counted)
    return;

  if (recount)
    update_n_items (self);
  choose_plan (self);
  if (shown == NULL || !replace_shown (self, shown, first, old_n))
    announce_reset (self, old_n);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
row_changed (GdnQueryModel *self,
             gint64         id,
             GdnChangeKind  kind,
             Snapshot      *snapshot)
{
  g_autoptr(sqlite3_stmt) stmt = query_row (self, id);
  gboolean new_member = stmt != NULL && sqlite3_column_int (stmt, self->key_column + 1) != 0;
  sqlite3_value *new_key = stmt != NULL ? sqlite3_column_value (stmt, self->key_column) : NULL;
  gboolean old_member;
  sqlite3_value *old_key = NULL;
  guint cached_pos = 0, old_pos = 0, new_pos, n_before = self->n_items;
  Row *cached = find_cached (self, id, &cached_pos);

  trash_update (self, id, stmt);

  if (cached != NULL)
    {
      old_member = TRUE;
      old_key = cached->key;
    }
  else if (snapshot != NULL)
    {
      old_member = snapshot->member;
      old_key = snapshot->key;
    }
  else if (kind == GDN_CHANGE_INSERTED)
    old_member = FALSE;
  else if (self->snapshots_lost)
    {
      reset (self, TRUE);
      return;
    }
  else
    {
      /* not written on this connection since we last looked: as it was */
      old_member = new_member;
      old_key = new_key;
    }

  if (old_member && new_member && compare_values (old_key, new_key) == 0)
    {
      old_pos = cached != NULL ? cached_pos : rank (self, old_key, id);
      if (cached != NULL)
        {
          gdn_record_load (cached->record, stmt);
          g_clear_pointer (&cached->key, sqlite3_value_free);
          cached->key = sqlite3_value_dup (new_key);
        }
      if (old_pos < self->n_items)
        g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 1);
      return;
    }

  if (old_member)
    {
      old_pos = cached != NULL ? cached_pos : rank (self, old_key, id);
      /* past a capped count, a row is not in the list yet */
      if (self->capped && old_pos >= self->n_items)
        old_member = FALSE;
    }
  if (old_member)
    {
      remove_cached_at (self, old_pos);
      self->n_items--;
      /* until the insertion, the model is the new state without this row */
      if (new_member)
        self->exclude_id = id;
      g_list_model_items_changed (G_LIST_MODEL (self), old_pos, 1, 0);
      self->exclude_id = 0;
    }

  if (new_member)
    {
      if (!position_from_cache (self, new_key, id, &new_pos))
        new_pos = rank (self, new_key, id);
      if (self->capped && new_pos >= self->n_items)
        new_member = FALSE;
    }
  if (new_member)
    {
      new_pos = MIN (new_pos, self->n_items);
      insert_cached_at (self, new_pos, row_from_statement (self, stmt));
      self->n_items++;
      g_list_model_items_changed (G_LIST_MODEL (self), new_pos, 0, 1);
    }

  if (self->n_items != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
records_differ (GdnRecord *a,
                GdnRecord *b)
{
  GdnRecordClass *klass = GDN_RECORD_GET_CLASS (a);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GValue *x = gdn_record_get_value_at (a, i);
      const GValue *y = gdn_record_get_value_at (b, i);

      if (G_VALUE_HOLDS_STRING (x) &&
          g_strcmp0 (g_value_get_string (x), g_value_get_string (y)) != 0)
        return TRUE;
      if (G_VALUE_HOLDS_INT64 (x) && g_value_get_int64 (x) != g_value_get_int64 (y))
        return TRUE;
      if (G_VALUE_HOLDS_BOOLEAN (x) && g_value_get_boolean (x) != g_value_get_boolean (y))
        return TRUE;
      if (G_VALUE_HOLDS_DOUBLE (x))
        {
          double dx = g_value_get_double (x), dy = g_value_get_double (y);
          if (!((isnan (dx) && isnan (dy)) || dx == dy))
            return TRUE;
        }
    }
  return FALSE;
}

/* Another kind changed that appears in derived columns (a customer renamed shows in the
 * orders' customer_name): re-read the cached rows and announce the ones that differ. */
static void
refresh_cached (GdnQueryModel *self)
{
  g_autoptr(GString) ids = g_string_new ("[");
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                         NULL, NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (self->n_cached == 0)
    return;

  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];

      for (guint i = 0; i < seg->rows->len; i++)
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                                ((Row *) seg->rows->pdata[i])->id);
    }
  g_string_append_c (ids, ']');

  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id IN (SELECT value FROM json_each(?))",
                         self->columns, table (self));
  stmt = prepare (self, sql);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, ids->str, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GdnRecord) fresh = gdn_record_new_from_statement (self->item_type, stmt);
      guint pos;
      Row *row = find_cached (self, gdn_record_get_id (fresh), &pos);

      if (row != NULL && records_differ (row->record, fresh))
        {
          gdn_record_load (row->record, stmt);
          g_hash_table_add (changed, &row->id);
        }
    }
  if (rc != SQLITE_DONE)
    step_failed (self, rc);

  /* announce in runs of consecutive positions */
  for (guint s = 0; s < self->segments->len; s++)
    {
      Segment *seg = self->segments->pdata[s];
      guint run_start = 0, run_len = 0;

      for (guint i = 0; i <= seg->rows->len; i++)
        {
          gboolean hit = i < seg->rows->len &&
                         g_hash_table_contains (changed, &((Row *) seg->rows->pdata[i])->id);

          if (hit && run_len++ == 0)
            run_start = seg->start + i;
          if (!hit && run_len > 0)
            {
              g_list_model_items_changed (G_LIST_MODEL (self), run_start, run_len, run_len);
              run_len = 0;
            }
        }
    }
}

static void
other_type_changed (GdnQueryModel *self,
                    GType          type)
{
  g_autoptr(GdnRecordClass) other = NULL;
  const char *name;
  gboolean membership = FALSE, shown = FALSE;

  if (!self->counted || !g_type_is_a (type, GDN_TYPE_RECORD))
    return;
  other = g_type_class_ref (type);
  name = gdn_record_class_get_table (other);
  if (name == NULL)
    return;

  /* does the other table decide which rows belong, or their order? */
  membership = depends_on (self, self->where, name) || depends_on (self, self->sort_expr, name) ||
               (self->search != NULL && mentions (self->klass->search_expr, name));
  if (membership)
    {
      reset (self, TRUE);
      return;
    }

  for (guint i = 0; i < self->klass->n_fields && !shown; i++)
    if (self->klass->fields[i].flags & GDN_FIELD_DERIVED)
      shown = depends_on (self, self->klass->fields[i].expr, name);
  if (shown)
    refresh_cached (self);
}

static void
on_store_changed_cb (GdnStore *store,
                     GType     type,
                     gint64    id,
                     int       kind,
                     gpointer  user_data)
{
  GdnQueryModel *self = user_data;
  Snapshot *snapshot = NULL;
  gint64 *snapshot_id = NULL;

  self->data_serial++;
  clear_prefetch (self);
  g_hash_table_remove_all (self->counts);
  g_clear_pointer (&self->found, g_free);
  /* a write of another kind can change the text of these rows too (a customer's name) */
  g_clear_pointer (&self->matches, gdn_id_set_free);

  if (type != self->item_type)
    {
      other_type_changed (self, type);
      return;
    }
  if (kind == GDN_CHANGE_RELOADED || id <= 0)
    {
      g_clear_pointer (&self->trash, g_ptr_array_unref);
      reset (self, TRUE);
      return;
    }

  g_hash_table_steal_extended (self->snapshots, &id, (gpointer *) &snapshot_id,
                               (gpointer *) &snapshot);
  if (self->counted)
    row_changed (self, id, (GdnChangeKind) kind, snapshot);
  g_clear_pointer (&snapshot, snapshot_free);
  g_free (snapshot_id);
}

/* Called by the temporary trigger just before the store writes or removes a row. */
static void
snapshot_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  GdnQueryModel *self = sqlite3_user_data (context);
  gint64 id = sqlite3_value_int64 (argv[0]);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Snapshot *snapshot;
  gint64 *key;

  sqlite3_result_null (context);
  if (!self->counted || self->snapshots_lost || g_hash_table_contains (self->snapshots, &id))
    return;
  if (g_hash_table_size (self->snapshots) >= MAX_SNAPSHOTS)
    {
      /* a bulk write that never announced itself row by row */
      g_hash_table_remove_all (self->snapshots);
      self->snapshots_lost = TRUE;
      return;
    }

  sql = g_strdup_printf ("SELECT coalesce((%s), 0), %s FROM %s t WHERE t.id = ?",
                         self->row_where, self->sort_expr, table (self));
  if (sqlite3_prepare_v2 (handle (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      self->snapshots_lost = TRUE;
      return;
    }
  sqlite3_bind_int64 (stmt, bind_params (stmt, self->row_where_params, 1), id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;

  snapshot = g_new0 (Snapshot, 1);
  snapshot->member = sqlite3_column_int (stmt, 0) != 0;
  snapshot->key = sqlite3_value_dup (sqlite3_column_value (stmt, 1));
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (self->snapshots, key, snapshot);
}

static void
install_triggers (GdnQueryModel *self)
{
  static int serial;
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autofree char *sql = NULL;
  char *message = NULL;

  /* (a worker makes models too) */
  self->function = g_strdup_printf ("gdn_query_model_%d", g_atomic_int_add (&serial, 1) + 1);
  if (sqlite3_create_function_v2 (handle (self), self->function, 1, SQLITE_UTF8, self,
                                  snapshot_func, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_clear_pointer (&self->function, g_free);
      self->snapshots_lost = TRUE;
      return;
    }

  /* Only writes of the record's own columns: the store's search-text refreshes (all
   * orders of a renamed customer) are not changes of the rows themselves. */
  for (guint i = 0; i < self->klass->n_fields; i++)
    if (!(self->klass->fields[i].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (columns, "%s%s", columns->len ? ", " : "",
                              self->klass->fields[i].name);
  if (!self->klass->plain)
    g_string_append_printf (columns, "%sdeleted_at", columns->len ? ", " : "");

  sql = g_strdup_printf ("CREATE TEMP TRIGGER %s_u BEFORE UPDATE OF %s ON main.%s"
                         " BEGIN SELECT %s(old.id); END;"
                         "CREATE TEMP TRIGGER %s_d BEFORE DELETE ON main.%s"
                         " BEGIN SELECT %s(old.id); END;",
                         self->function, columns->str, table (self), self->function,
                         self->function, table (self), self->function);
  if (sqlite3_exec (handle (self), sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_debug ("%s: cannot watch changes: %s", table (self), message);
      sqlite3_free (message);
      self->snapshots_lost = TRUE;
    }
}

static void
remove_triggers (GdnQueryModel *self)
{
  g_autofree char *sql = NULL;

  if (self->function == NULL)
    return;
  sql = g_strdup_printf ("DROP TRIGGER IF EXISTS temp.%s_u; DROP TRIGGER IF EXISTS temp.%s_d;",
                         self->function, self->function);
  sqlite3_exec (handle (self), sql, NULL, NULL, NULL);
  sqlite3_create_function_v2 (handle (self), self->function, 1, SQLITE_UTF8, NULL, NULL,
                              NULL, NULL, NULL);
  g_clear_pointer (&self->function, g_free);
}

/* ─── GListModel ────────────────────────────────────────────────────────────────────── */

static GType
gdn_query_model_get_item_type (GListModel *model)
{
  return GDN_QUERY_MODEL (model)->item_type;
}

static guint
gdn_query_model_get_n_items (GListModel *model)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (model);

  ensure_counted (self);
  return self->n_items;
}

static gpointer
gdn_query_model_get_item (GListModel *model,
                          guint       position)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (model);
  Row *row;

  ensure_counted (self);
  if (position >= self->n_items)
    return NULL;
  /* the last page of a capped count: count further, outside of this call */
  if (self->capped && position + PAGE_SIZE >= self->n_items && self->extend_id == 0 &&
      !self->shadow && self->first_rows == 0)
    self->extend_id = g_idle_add (extend_count_cb, self);
  row = lookup (self, position);
  return row != NULL ? g_object_ref (row->record) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = gdn_query_model_get_item_type;
  iface->get_n_items = gdn_query_model_get_n_items;
  iface->get_item = gdn_query_model_get_item;
}

/* ─── GObject ───────────────────────────────────────────────────────────────────────── */

static int
default_sort_index (GdnRecordClass *klass)
{
  /* newest first by the first date, else by the first sortable field */
  for (guint i = 0; i < klass->n_fields; i++)
    if ((klass->fields[i].flags & GDN_FIELD_SORTABLE) &&
        (klass->fields[i].type == GDN_FIELD_DATE ||
         klass->fields[i].type == GDN_FIELD_DATETIME))
      return (int) i;
  for (guint i = 0; i < klass->n_fields; i++)
    if (klass->fields[i].flags & GDN_FIELD_SORTABLE)
      return (int) i;
  return -1;
}

/* The columns with an index of their own, whose entries are (column, id): sorting by
 * them needs no sort step, and counting or skipping in their order no table rows. */
static void
read_indexes (GdnQueryModel *self)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "SELECT ii.name FROM pragma_index_list(?1) il, pragma_index_info(il.name) ii"
                   " WHERE il.partial = 0"
                   " AND (SELECT count(*) FROM pragma_index_info(il.name)) = 1");

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, table (self), -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->indexed, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));

  {
    g_autofree char *name = g_strdup_printf ("%s_search_rows", table (self));
    g_autoptr(sqlite3_stmt) check = prepare (self, "SELECT count(*) FROM sqlite_schema"
                                                   " WHERE type = 'index' AND name = ?");

    if (check != NULL)
      {
        sqlite3_bind_text (check, 1, name, -1, SQLITE_STATIC);
        self->search_rows = sqlite3_step (check) == SQLITE_ROW &&
                            sqlite3_column_int (check, 0) > 0;
      }
  }
}

static void
gdn_query_model_constructed (GObject *object)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (object);

  G_OBJECT_CLASS (gdn_query_model_parent_class)->constructed (object);

  g_return_if_fail (GDN_IS_STORE (self->store));
  g_return_if_fail (g_type_is_a (self->item_type, GDN_TYPE_RECORD));

  self->klass = g_type_class_ref (self->item_type);
  read_indexes (self);
  self->sort_index = default_sort_index (self->klass);
  self->sort_descending = self->sort_index >= 0 &&
    (self->klass->fields[self->sort_index].type == GDN_FIELD_DATE ||
     self->klass->fields[self->sort_index].type == GDN_FIELD_DATETIME);
  rebuild_sql (self);

  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (on_store_changed_cb), self);
  install_triggers (self);
}

static void
gdn_query_model_dispose (GObject *object)
{
  GdnQueryModel *self = (GdnQueryModel *)object;
  GHashTableIter iter;
  LiveEntry *entry;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      remove_triggers (self);
    }

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      g_object_weak_unref (G_OBJECT (entry->record), live_entry_gone_cb, entry);
      g_hash_table_iter_remove (&iter);
    }

  g_clear_handle_id (&self->extend_id, g_source_remove);
  clear_cache (self);
  g_hash_table_remove_all (self->snapshots);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_query_model_parent_class)->dispose (object);
}

static void
gdn_query_model_finalize (GObject *object)
{
  GdnQueryModel *self = (GdnQueryModel *)object;

  g_clear_pointer (&self->klass, g_type_class_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->filters, g_hash_table_unref);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->match, g_free);
  g_clear_pointer (&self->matches, gdn_id_set_free);
  g_clear_pointer (&self->found, g_free);
  g_clear_pointer (&self->text_where, g_free);
  g_clear_pointer (&self->indexed, g_hash_table_unref);
  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_clear_pointer (&self->trash, g_ptr_array_unref);
  g_clear_pointer (&self->where_params, g_array_unref);
  g_clear_pointer (&self->row_where, g_free);
  g_clear_pointer (&self->row_where_params, g_array_unref);
  g_clear_pointer (&self->sort_expr, g_free);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
  g_clear_pointer (&self->wanted_search, g_free);
  g_clear_object (&self->worker_store);
  clear_prefetch (self);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (gdn_query_model_parent_class)->finalize (object);
}

static void
gdn_query_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;
    case PROP_SORT_FIELD:
      g_value_set_string (value, gdn_query_model_get_sort_field (self));
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->sort_descending);
      break;
    case PROP_FLAGS_FILTER:
      g_value_set_flags (value, self->flags_filter);
      break;
    case PROP_SHOW_DELETED:
      g_value_set_boolean (value, self->show_deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_query_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    case PROP_SEARCH:
      gdn_query_model_set_search (self, g_value_get_string (value));
      break;
    case PROP_SORT_FIELD:
      if (!gdn_query_model_set_sort (self, g_value_get_string (value), self->sort_descending))
        g_warning ("%s cannot be sorted by “%s”", table (self), g_value_get_string (value));
      break;
    case PROP_SORT_DESCENDING:
      gdn_query_model_set_sort (self, gdn_query_model_get_sort_field (self),
                                g_value_get_boolean (value));
      break;
    case PROP_FLAGS_FILTER:
      gdn_query_model_set_flags_filter (self, g_value_get_flags (value));
      break;
    case PROP_SHOW_DELETED:
      gdn_query_model_set_show_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_query_model_class_init (GdnQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gdn_query_model_constructed;
  object_class->dispose = gdn_query_model_dispose;
  object_class->finalize = gdn_query_model_finalize;
  object_class->get_property = gdn_query_model_get_property;
  object_class->set_property = gdn_query_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, GDN_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_FIELD] =
    g_param_spec_string ("sort-field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS_FILTER] =
    g_param_spec_flags ("flags-filter", NULL, NULL, GDN_TYPE_FLAGS, GDN_FLAGS_NONE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_DELETED] =
    g_param_spec_boolean ("show-deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_query_model_init (GdnQueryModel *self)
{
  self->item_type = G_TYPE_NONE;
  self->count_cap = COUNT_CAP;
  self->walk_budget = WALK_TEXT_BUDGET;
  self->walk_gap = WALK_TEXT_GAP;
  self->worker_ids = WORKER_SEARCH_IDS;
  self->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->indexed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->segments = g_ptr_array_new_with_free_func (segment_free);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, live_entry_free);
  self->snapshots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, snapshot_free);
}

/* ─── searching in a worker ────────────────────────────────────────────────────────── */

/* @search's words, as the model keeps them; NULL for none */
static char *
normalize_search (const char *search)
{
  g_autofree char *valid = NULL;
  g_autoptr(GPtrArray) terms = NULL;

  if (search == NULL)
    return NULL;
  valid = g_utf8_make_valid (search, -1);
  terms = search_terms (valid);
  if (terms->len == 0)
    return NULL;
  g_ptr_array_add (terms, NULL);
  return g_strjoinv (" ", (char **) terms->pdata);
}

typedef struct
{
  /* asked for, as the model was when it was asked */
  char       *path;
  char       *search;
  GType       item_type;
  int         sort_index;
  gboolean    sort_descending;
  GHashTable *filters;
  GdnFlags    flags_filter;
  gboolean    show_deleted;
  guint       count_cap;
  guint       walk_budget;
  guint       walk_gap;
  guint       data_serial;

  /* found by the worker */
  GHashTable *counts;
  char       *found;
  char       *state;
  GArray     *ids;
  gboolean    complete;
} SearchJob;

static void take_search (GdnQueryModel *self,
                         const char    *search,
                         SearchJob     *job);

static void
search_job_free (gpointer data)
{
  SearchJob *job = data;

  g_free (job->path);
  g_free (job->search);
  g_clear_pointer (&job->filters, g_hash_table_unref);
  g_clear_pointer (&job->counts, g_hash_table_unref);
  g_free (job->found);
  g_free (job->state);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

static gboolean
same_filters (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* Whether the model is still as it was when @job was asked for */
static gboolean
job_still_fits (GdnQueryModel   *self,
                const SearchJob *job)
{
  return job->data_serial == self->data_serial && job->sort_index == self->sort_index &&
         job->sort_descending == self->sort_descending &&
         job->flags_filter == self->flags_filter && job->show_deleted == self->show_deleted &&
         job->count_cap == self->count_cap && job->walk_budget == self->walk_budget &&
         job->walk_gap == self->walk_gap && same_filters (job->filters, self->filters) &&
         g_strcmp0 (job->search, self->wanted_search) == 0;
}

/* A large table in a file: a second connection can read it meanwhile */
static gboolean
search_in_worker (GdnQueryModel *self)
{
  const char *path = gdn_database_get_path (gdn_store_get_database (self->store));
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->shadow || path == NULL || *path == '\0' || strcmp (path, ":memory:") == 0)
    return FALSE;
  sql = g_strdup_printf ("SELECT max(id) FROM %s", table (self));
  stmt = prepare (self, sql);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW &&
         sqlite3_column_int64 (stmt, 0) >= self->worker_ids;
}

/* In the worker: a copy of the model on the worker's connection, set as the model was,
 * searched, counted and read up to its first page. Only @self->worker_store is touched. */
static void
search_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GdnQueryModel *self = source_object;
  SearchJob *job = task_data;
  g_autoptr(GdnQueryModel) copy = NULL;
  GError *error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  if (self->worker_store == NULL)
    {
      g_autoptr(GdnDatabase) database = gdn_database_open_full (job->path, 0,
                                                                GDN_DATABASE_OPEN_READ_ONLY,
                                                                &error);

      if (database == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      self->worker_store = gdn_store_new (database);
    }

  copy = gdn_query_model_new (self->worker_store, job->item_type);
  copy->shadow = TRUE;
  copy->count_cap = job->count_cap;
  copy->walk_budget = job->walk_budget;
  copy->walk_gap = job->walk_gap;
  gdn_query_model_set_sort (copy, job->sort_index < 0 ? "id" :
                                  copy->klass->fields[job->sort_index].name,
                            job->sort_descending);
  g_hash_table_iter_init (&iter, job->filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gdn_query_model_set_filter (copy, key, value);
  gdn_query_model_set_flags_filter (copy, job->flags_filter);
  gdn_query_model_set_show_deleted (copy, job->show_deleted);
  gdn_query_model_set_search (copy, job->search);

  n = g_list_model_get_n_items (G_LIST_MODEL (copy));
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < MIN (n, PAGE_SIZE) && copy->error == NULL; i++)
    {
      g_autoptr(GdnRecord) record = g_list_model_get_item (G_LIST_MODEL (copy), i);
      gint64 id;

      if (record == NULL)
        break;
      id = gdn_record_get_id (record);
      g_array_append_val (job->ids, id);
    }
  if (copy->error != NULL)
    {
      g_task_return_error (task, g_error_copy (copy->error));
      return;
    }
  job->complete = job->ids->len == n && !copy->capped;
  job->counts = g_hash_table_ref (copy->counts);
  job->found = g_strdup (copy->found);
  job->state = rows_state (copy);
  g_task_return_boolean (task, TRUE);
}

static void search_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

static void
start_search (GdnQueryModel *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, search_done_cb, NULL);
  SearchJob *job = g_new0 (SearchJob, 1);
  GHashTableIter iter;
  gpointer key, value;

  job->path = g_strdup (gdn_database_get_path (gdn_store_get_database (self->store)));
  job->search = g_strdup (self->wanted_search);
  job->item_type = self->item_type;
  job->sort_index = self->sort_index;
  job->sort_descending = self->sort_descending;
  job->filters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->filters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (job->filters, g_strdup (key), g_strdup (value));
  job->flags_filter = self->flags_filter;
  job->show_deleted = self->show_deleted;
  job->count_cap = self->count_cap;
  job->walk_budget = self->walk_budget;
  job->walk_gap = self->walk_gap;
  job->data_serial = self->data_serial;

  self->search_running = TRUE;
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, job, search_job_free);
  g_task_run_in_thread (task, search_thread);
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GdnQueryModel *self = GDN_QUERY_MODEL (source);
  SearchJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean prepared = g_task_propagate_boolean (G_TASK (result), &error);

  self->search_running = FALSE;
  if (!self->search_wanted)
    return;

  if (!prepared)
    {
      /* no second connection (or it failed): search here */
      g_debug ("%s: searching here, not in a worker: %s", table (self), error->message);
      self->worker_ids = G_MAXINT64;
      self->search_wanted = FALSE;
      take_search (self, self->wanted_search, NULL);
    }
  else if (job_still_fits (self, job))
    {
      self->search_wanted = FALSE;
      take_search (self, job->search, job);
    }
  else
    /* the rows, their order or the words changed meanwhile: again, as they are now */
    start_search (self);
}

/* Sets the search; with @job, the counts, short search's rows and first page a worker
 * found for it, so that they are not read again. */
static void
take_search (GdnQueryModel *self,
             const char    *search,
             SearchJob     *job)
{
  g_autofree char *text = normalize_search (search);

  if (g_strcmp0 (text, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&text);
  rebuild_sql (self);
  clear_prefetch (self);
  if (job != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, job->counts);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (!g_hash_table_contains (self->counts, key))
          g_hash_table_insert (self->counts, g_strdup (key), value);
      g_free (self->found);
      self->found = g_strdup (job->found);
      self->prefetch = g_steal_pointer (&job->ids);
      self->prefetch_state = g_steal_pointer (&job->state);
      self->prefetch_complete = job->complete;
    }
  reset (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

/* ─── public API ────────────────────────────────────────────────────────────────────── */

/**
 * gdn_query_model_new:
 * @item_type: a #GdnRecord subclass, e.g. %GDN_TYPE_ORDER
 *
 * Returns: (transfer full): a list of the records of @item_type not in the trash, newest
 *   first by their first date (else by their first sortable field)
 */
GdnQueryModel *
gdn_query_model_new (GdnStore *store,
                     GType     item_type)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (item_type, GDN_TYPE_RECORD), NULL);

  return g_object_new (GDN_TYPE_QUERY_MODEL, "store", store, "item-type", item_type, NULL);
}

GdnStore *
gdn_query_model_get_store (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), NULL);
  return self->store;
}

const char *
gdn_query_model_get_search (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), NULL);
  return self->search;
}

/**
 * gdn_query_model_set_search:
 * @search: (nullable): words that must all occur in a row (order number, customer name
 *   or code, product …), any case for Latin letters; %NULL or blank for no search
 */
void
gdn_query_model_set_search (GdnQueryModel *self,
                            const char    *search)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  /* what a worker prepares for an earlier request is not taken */
  self->search_wanted = FALSE;
  take_search (self, search, NULL);
}

/**
 * gdn_query_model_request_search:
 * @search: (nullable): as for gdn_query_model_set_search()
 *
 * Searches as gdn_query_model_set_search() does, but on a large table (and a file, not a
 * database in memory) the search is prepared in a worker first: the model keeps its rows
 * until the count and first page are known, then takes the search. Only the latest of
 * several requests is taken; gdn_query_model_set_search() and changes of the rows or
 * of the order and filters meanwhile are respected.
 */
void
gdn_query_model_request_search (GdnQueryModel *self,
                                const char    *search)
{
  g_autofree char *text = NULL;

  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  if (!search_in_worker (self))
    {
      gdn_query_model_set_search (self, search);
      return;
    }
  text = normalize_search (search);
  g_free (self->wanted_search);
  self->wanted_search = g_strdup (search);
  /* back to the search shown before the worker is done: nothing to prepare */
  self->search_wanted = self->search_running || g_strcmp0 (text, self->search) != 0;
  if (self->search_wanted && !self->search_running)
    start_search (self);
}

/**
 * gdn_query_model_get_search_pending:
 *
 * Returns: whether a search asked for with gdn_query_model_request_search() is still
 *   being prepared
 */
gboolean
gdn_query_model_get_search_pending (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);
  return self->search_wanted;
}

/**
 * gdn_query_model_get_sort_field:
 *
 * Returns: (nullable): the column the rows are sorted by (then by id), or %NULL when only
 *   by id
 */
const char *
gdn_query_model_get_sort_field (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), NULL);
  return self->sort_index >= 0 ? self->klass->fields[self->sort_index].name : NULL;
}

gboolean
gdn_query_model_get_sort_descending (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);
  return self->sort_descending;
}

/**
 * gdn_query_model_set_sort:
 * @field: (nullable): a field marked sortable (column or property spelling), or %NULL
 *   for the default order
 *
 * Returns: %FALSE, changing nothing, when @field is unknown or not sortable
 */
gboolean
gdn_query_model_set_sort (GdnQueryModel *self,
                          const char    *field,
                          gboolean       descending)
{
  guint count_limit = self->count_limit;
  int index;

  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);

  if (field == NULL)
    index = default_sort_index (self->klass);
  else if (strcmp (field, "id") == 0)
    index = -1;
  else
    {
      index = gdn_record_class_find_field (self->klass, field);
      if (index < 0 || !(self->klass->fields[index].flags & GDN_FIELD_SORTABLE))
        return FALSE;
    }
  descending = !!descending;
  if (index == self->sort_index && descending == self->sort_descending)
    return TRUE;

  g_object_freeze_notify (G_OBJECT (self));
  if (index != self->sort_index)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
  if (descending != self->sort_descending)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
  self->sort_index = index;
  self->sort_descending = descending;
  g_clear_pointer (&self->trash, g_ptr_array_unref);
  rebuild_sql (self);
  /* the same rows in another order: no need to count again */
  self->count_limit = count_limit;
  reset (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

/**
 * gdn_query_model_set_filter:
 * @field: any field of the kind (status, type, owner, customer_id …)
 * @value: (nullable): the stored value rows must have ("" for not set), or %NULL to
 *   drop the filter on @field
 *
 * Returns: %FALSE, changing nothing, when @field is unknown
 */
gboolean
gdn_query_model_set_filter (GdnQueryModel *self,
                            const char    *field,
                            const char    *value)
{
  const char *old;
  int index;

  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  index = gdn_record_class_find_field (self->klass, field);
  if (index < 0)
    return FALSE;
  field = self->klass->fields[index].name;

  old = g_hash_table_lookup (self->filters, field);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  if (value == NULL)
    g_hash_table_remove (self->filters, field);
  else
    g_hash_table_insert (self->filters, g_strdup (field), g_strdup (value));
  rebuild_sql (self);
  reset (self, TRUE);
  return TRUE;
}

void
gdn_query_model_clear_filters (GdnQueryModel *self)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  if (g_hash_table_size (self->filters) == 0)
    return;
  g_hash_table_remove_all (self->filters);
  rebuild_sql (self);
  reset (self, TRUE);
}

GdnFlags
gdn_query_model_get_flags_filter (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), GDN_FLAGS_NONE);
  return self->flags_filter;
}

/**
 * gdn_query_model_set_flags_filter:
 * @flags: keep the rows carrying any of these flags; %GDN_FLAGS_NONE for all rows
 *
 * Flags the kind cannot carry match no row.
 */
void
gdn_query_model_set_flags_filter (GdnQueryModel *self,
                                  GdnFlags       flags)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  if (flags == self->flags_filter)
    return;
  self->flags_filter = flags;
  rebuild_sql (self);
  reset (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS_FILTER]);
}

gboolean
gdn_query_model_get_show_deleted (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);
  return self->show_deleted;
}

/**
 * gdn_query_model_set_show_deleted:
 *
 * Whether records in the trash are listed too.
 */
void
gdn_query_model_set_show_deleted (GdnQueryModel *self,
                                  gboolean       show_deleted)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  show_deleted = !!show_deleted;
  if (show_deleted == self->show_deleted)
    return;
  self->show_deleted = show_deleted;
  rebuild_sql (self);
  reset (self, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_DELETED]);
}

/**
 * gdn_query_model_set_first_rows:
 * @rows: how many rows a count goes up to; 0 for all of them
 *
 * A view opening on a large table need not count it all, nor make a widget for each of
 * the many rows a list view of GTK 4.8 makes ahead: until its first frame it can ask for
 * the rows it shows, then for more (the list grows), then for all (0). A count already
 * past @rows stays; the list never shrinks for it.
 */
void
gdn_query_model_set_first_rows (GdnQueryModel *self,
                                guint          rows)
{
  guint old_n;

  g_return_if_fail (GDN_IS_QUERY_MODEL (self));

  if (rows > 0 && self->counted && rows <= self->n_items)
    rows = self->n_items + (self->capped ? 0 : 1);
  if (rows == self->first_rows)
    return;
  self->first_rows = rows;
  choose_count_limit (self);
  if (!self->counted || !self->capped)
    return;
  /* counted further already (a record looked for past the limit): that stays */
  if (self->count_limit > 0 && self->count_limit < self->n_items)
    self->count_limit = self->n_items;
  old_n = self->n_items;
  update_n_items (self);
  announce_count (self, old_n);
}

/**
 * gdn_query_model_get_first_rows:
 *
 * Returns: how many rows a count goes up to for a view's first frames; 0 when it counts
 *   all of them
 */
guint
gdn_query_model_get_first_rows (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), 0);
  return self->first_rows;
}

/**
 * gdn_query_model_get_count_capped:
 *
 * A search that many rows match is counted only up to a limit, so that its first rows
 * show at once; the list then holds that many, and grows when its last rows are read.
 *
 * Returns: whether more rows match than the list holds yet
 */
gboolean
gdn_query_model_get_count_capped (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);

  ensure_counted (self);
  return self->capped;
}

/**
 * gdn_query_model_find_position:
 * @position: (out): where the record is
 *
 * Returns: %FALSE when the record with @id is not in the list
 */
gboolean
gdn_query_model_find_position (GdnQueryModel *self,
                               gint64         id,
                               guint         *position)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint pos;

  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);

  ensure_counted (self);
  if (find_cached (self, id, &pos) == NULL)
    {
      stmt = query_row (self, id);
      if (stmt == NULL || sqlite3_column_int (stmt, self->key_column + 1) == 0)
        return FALSE;
      pos = rank (self, sqlite3_column_value (stmt, self->key_column), id);
      /* past a capped count: count as far as the record */
      if (pos >= self->n_items && self->capped)
        extend_count (self, pos);
    }
  if (position != NULL)
    *position = pos;
  return TRUE;
}

/**
 * gdn_query_model_set_recycle_rows:
 *
 * Whether a new search, sort or filter gives the records a view holds (the rows it
 * shows, when they are near each other) the rows now at their positions, announcing
 * them as replaced by themselves, so that a list view binds the widgets it has again
 * instead of making new ones. For views only: a record taken from the model may then
 * become another one.
 */
void
gdn_query_model_set_recycle_rows (GdnQueryModel *self,
                                  gboolean       recycle)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));
  self->recycle = recycle;
}

/**
 * gdn_query_model_reload:
 *
 * Reads everything again, for changes the store could not announce (another program
 * wrote the file, or the day changed and with it the flags).
 */
void
gdn_query_model_reload (GdnQueryModel *self)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));
  g_hash_table_remove_all (self->counts);
  g_clear_pointer (&self->trash, g_ptr_array_unref);
  reset (self, TRUE);
}

/**
 * gdn_query_model_get_error:
 *
 * Returns: (nullable): why the last query failed, if it did
 */
const GError *
gdn_query_model_get_error (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), NULL);
  return self->error;
}

guint
gdn_query_model_get_n_loads_for_testing (GdnQueryModel *self)
{
  return self->n_loads;
}

/* Sets the limit of the next search's count (10,000 until then). */
void
gdn_query_model_set_count_cap_for_testing (GdnQueryModel *self,
                                           guint          cap)
{
  self->count_cap = MAX (cap, 1);
}

/* How long a walk reading text may look for a page (0: never) */
void
gdn_query_model_set_walk_budget_for_testing (GdnQueryModel *self,
                                             guint          calls)
{
  self->walk_budget = calls;
}

/* The number of ids at the start of an order that follows them, none of them a match,
 * past which a walk reading text is not tried (WALK_TEXT_GAP). */
void
gdn_query_model_set_walk_gap_for_testing (GdnQueryModel *self,
                                          guint          ids)
{
  self->walk_gap = ids;
}

gboolean
gdn_query_model_get_walks_text_for_testing (GdnQueryModel *self)
{
  return self->walk_text;
}

guint
gdn_query_model_get_n_counts_for_testing (GdnQueryModel *self)
{
  return self->n_counts;
}

guint
gdn_query_model_get_n_cached_for_testing (GdnQueryModel *self)
{
  return self->n_cached;
}

static void
explain (GdnQueryModel *self,
         GString       *out,
         const char    *label,
         const char    *sql,
         gboolean       page)
{
  g_autofree char *plan_sql = g_strdup_printf ("EXPLAIN QUERY PLAN %s", sql);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, plan_sql);
  int param;

  if (stmt == NULL)
    return;
  param = bind_params (stmt, self->where_params, 1);
  if (page)
    {
      sqlite3_bind_int64 (stmt, param++, PAGE_SIZE);
      sqlite3_bind_int64 (stmt, param, 0);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s: %s\n", label, sqlite3_column_text (stmt, 3));
}

/**
 * gdn_query_model_explain_for_testing:
 *
 * Returns: the query plans of counting and of reading the first page, one step a line,
 *   each line starting with "count: " or "page: "
 */
char *
gdn_query_model_explain_for_testing (GdnQueryModel *self)
{
  GString *out = g_string_new (NULL);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE %s",
                                                table (self), self->where);
  g_autofree char *page = NULL;

  page = page_sql (self, self->sort_descending, NULL);

  explain (self, out, "count", count_sql, FALSE);
  explain (self, out, "page", page, TRUE);
  return g_string_free (out, FALSE);
}

/**
 * gdn_query_model_set_worker_ids_for_testing:
 * @ids: from how many ids (the table's largest) a requested search goes to a worker
 */
void
gdn_query_model_set_worker_ids_for_testing (GdnQueryModel *self,
                                            gint64         ids)
{
  g_return_if_fail (GDN_IS_QUERY_MODEL (self));
  self->worker_ids = ids;
}

/**
 * gdn_query_model_get_n_prefetched_for_testing:
 *
 * Returns: how many first pages were read from the ids a worker found
 */
guint
gdn_query_model_get_n_prefetched_for_testing (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), 0);
  return self->n_prefetched;
}

/**
 * gdn_query_model_get_worker_busy_for_testing:
 *
 * Returns: whether a worker is preparing a search, even one no longer wanted
 */
gboolean
gdn_query_model_get_worker_busy_for_testing (GdnQueryModel *self)
{
  g_return_val_if_fail (GDN_IS_QUERY_MODEL (self), FALSE);
  return self->search_running;
}

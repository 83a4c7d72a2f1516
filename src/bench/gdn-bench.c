/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-bench"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "gdn-database.h"
#include "gdn-demo.h"
#include "gdn-export.h"
#include "gdn-import.h"
#include "gdn-kpi.h"
#include "gdn-order.h"
#include "gdn-query-model.h"
#include "gdn-store.h"

/* gendan-bench: the figures of the "Scale: a million orders" issue, one `name value unit`
 * line each on standard output (progress goes to standard error). Databases are built by
 * the demo generator with a fixed seed and anchor, so runs are comparable; an existing
 * database of the right size in --dir is reused.
 *
 * The few SQL statements here only sample the data for realistic search queries and
 * measure sizes; every figure about the app goes through the same core API the views use. */

#define SEED          1
#define ANCHOR        "2026-06-30"
#define MONTH_FROM    "2026-05-01"
#define MONTH_TO      "2026-05-31"
#define YEAR_FROM     "2025-07-01"
#define YEAR_TO       "2026-06-30"
/* rows a list view shows at once: the first page a person waits for */
#define VISIBLE_ROWS  40
#define N_QUERIES     40
/* a search slower than this is named on standard error */
#define SLOW_SEARCH_MS 100.0

typedef struct
{
  gint64 wall;   /* µs, monotonic */
  double cpu;    /* s, user + system */
} Mark;

typedef struct
{
  const char *name;
  gboolean    chinese;
  guint       min_chars;
  guint       max_chars;
} QueryClass;

static const QueryClass query_classes[] = {
  { "zh_1char", TRUE, 1, 1 },
  { "zh_2char", TRUE, 2, 2 },
  { "zh_3char", TRUE, 3, 4 },
  { "latin_1char", FALSE, 1, 1 },
  { "latin_2char", FALSE, 2, 2 },
  { "latin_3char", FALSE, 3, 6 },
};

static double
cpu_seconds (int who)
{
  struct rusage ru;

  if (getrusage (who, &ru) != 0)
    return 0;
  return (double) ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
         (double) ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static Mark
mark_now (void)
{
  Mark m = { g_get_monotonic_time (), cpu_seconds (RUSAGE_SELF) };

  return m;
}

static double
ms_since (const Mark *m)
{
  return (double) (g_get_monotonic_time () - m->wall) / 1000.0;
}

static double
cpu_since (const Mark *m)
{
  return cpu_seconds (RUSAGE_SELF) - m->cpu;
}

static void
emit (const char *prefix,
      const char *name,
      double      value,
      const char *unit)
{
  int decimals = fabs (value) >= 100 || value == floor (value) ? 0 : fabs (value) >= 10 ? 1 : 2;

  g_print ("%s.%s %.*f %s\n", prefix, name, decimals, value, unit);
  fflush (stdout);
}

static void
progress (const char *format,
          ...) G_GNUC_PRINTF (1, 2);

static void
progress (const char *format,
          ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("gendan-bench: %s\n", text);
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_remove (file) != 0 && errno != ENOENT)
        g_warning ("Cannot remove %s: %s", file, g_strerror (errno));
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* nearest rank */
static double
percentile (GArray *sorted,
            double  p)
{
  guint rank = (guint) ceil (p * sorted->len);

  return g_array_index (sorted, double, MAX (rank, 1) - 1);
}

/* A view's first page: the count, then the rows on screen. */
static guint
first_page (GdnQueryModel *model)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < MIN (n, VISIBLE_ROWS); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  return n;
}

/* ─── building the database ───────────────────────────────────────────────────────── */

static void
demo_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  if (total >= 100000 && done % 50000 < 10000)
    progress ("generating: %u of %u orders", done, total);
}

static gboolean
database_has_orders (const char *path,
                     guint       n_orders)
{
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;
  database = gdn_database_open (path, &error);
  if (database == NULL)
    return FALSE;
  return gdn_database_query_int (database, "SELECT count(*) FROM orders", NULL) == n_orders;
}

/* Generates (or reuses) the database; the generation figures are kept beside it so that a
 * rerun on the same --dir still prints them. */
static gboolean
build_database (const char  *prefix,
                const char  *path,
                guint        n_orders,
                GError     **error)
{
  g_autofree char *figures_path = g_strconcat (path, ".demo", NULL);
  g_autoptr(GKeyFile) figures = g_key_file_new ();
  double seconds, cpu;

  if (database_has_orders (path, n_orders) &&
      g_key_file_load_from_file (figures, figures_path, G_KEY_FILE_NONE, NULL) &&
      g_key_file_get_integer (figures, "demo", "version", NULL) == GDN_DEMO_VERSION)
    {
      progress ("reusing %s", path);
      seconds = g_key_file_get_double (figures, "demo", "seconds", NULL);
      cpu = g_key_file_get_double (figures, "demo", "cpu", NULL);
    }
  else
    {
      g_autoptr(GdnDatabase) database = NULL;
      GdnDemoCounts counts;
      Mark m;

      remove_database (path);
      database = gdn_database_open (path, error);
      if (database == NULL)
        return FALSE;
      progress ("generating %u orders into %s", n_orders, path);
      m = mark_now ();
      if (!gdn_demo_generate (database, SEED, n_orders, ANCHOR, demo_progress_cb, NULL,
                              &counts, error))
        return FALSE;
      seconds = ms_since (&m) / 1000.0;
      cpu = cpu_since (&m);
      g_key_file_set_double (figures, "demo", "seconds", seconds);
      g_key_file_set_double (figures, "demo", "cpu", cpu);
      g_key_file_set_integer (figures, "demo", "version", GDN_DEMO_VERSION);
      if (!g_key_file_save_to_file (figures, figures_path, error))
        return FALSE;
    }

  emit (prefix, "demo_rate", n_orders / seconds, "orders/s");
  emit (prefix, "demo_wall", seconds, "s");
  emit (prefix, "demo_cpu", cpu, "s");
  return TRUE;
}

static void
print_counts (const char  *prefix,
              GdnDatabase *database)
{
  static const char *const tables[] = {
    "order_lines", "customers", "shipments", "cases", "surveys",
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_autofree char *name = g_strdup_printf ("rows_%s", tables[i]);

      emit (prefix, name, (double) gdn_database_query_int (database, sql, NULL), "rows");
    }
}

/* ─── search queries drawn from the data ─────────────────────────────────────────── */

static GPtrArray *
column_values (GdnDatabase *database,
               const char  *sql)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (database, sql, NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    if (sqlite3_column_text (stmt, 0) != NULL)
      g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  return values;
}

/* The first column for @n random ids up to the largest, reproducibly. */
static GPtrArray *
sample_values (GdnDatabase *database,
               const char  *sql,
               const char  *max_sql,
               guint        n,
               GRand       *rand)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (database, sql, NULL);
  gint64 max = gdn_database_query_int (database, max_sql, NULL);

  for (guint i = 0; stmt != NULL && max > 0 && i < n; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, 1 + (gint64) (g_rand_double (rand) * max) % max);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
        g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  return values;
}

static gboolean
fragment_fits (const char *fragment,
               gboolean    chinese)
{
  for (const char *p = fragment; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chinese ? c < 0x2E80 : !g_ascii_isalnum (c))
        return FALSE;
    }
  return TRUE;
}

/* Distinct fragments of the class's length, cut at random from @sources; Latin ones are
 * typed in lower case half the time, as people do. */
static GPtrArray *
make_queries (const QueryClass *qc,
              GPtrArray        *sources,
              GRand            *rand)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (sources->len == 0)
    return queries;
  for (guint attempt = 0; attempt < 200 * N_QUERIES && queries->len < N_QUERIES; attempt++)
    {
      const char *source = g_ptr_array_index (sources,
                                              g_rand_int_range (rand, 0, (int) sources->len));
      glong n_chars = g_utf8_strlen (source, -1);
      glong len = g_rand_int_range (rand, (int) qc->min_chars, (int) qc->max_chars + 1);
      const char *from, *to;
      char *fragment;

      if (n_chars < len)
        continue;
      from = g_utf8_offset_to_pointer (source, g_rand_int_range (rand, 0, n_chars - len + 1));
      to = g_utf8_offset_to_pointer (from, len);
      fragment = g_strndup (from, to - from);
      if (!qc->chinese && g_rand_boolean (rand))
        {
          char *lower = g_ascii_strdown (fragment, -1);

          g_free (fragment);
          fragment = lower;
        }
      if (!fragment_fits (fragment, qc->chinese) || g_hash_table_contains (seen, fragment))
        {
          g_free (fragment);
          continue;
        }
      g_hash_table_add (seen, fragment);
      g_ptr_array_add (queries, fragment);
    }
  return queries;
}

static void
bench_search (const char    *prefix,
              GdnDatabase   *database,
              GdnQueryModel *model)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) product_codes = NULL;

  /* customer names as orders carry them (busy customers weigh more), order numbers and
   * product codes of random orders and lines */
  names = sample_values (database, "SELECT c.name FROM orders o, customers c"
                                   " WHERE o.id = ? AND c.id = o.customer_id",
                         "SELECT max(id) FROM orders", 2000, rand);
  codes = sample_values (database, "SELECT order_no FROM orders WHERE id = ?",
                         "SELECT max(id) FROM orders", 1000, rand);
  product_codes = sample_values (database, "SELECT product_code FROM order_lines WHERE id = ?",
                                 "SELECT max(id) FROM order_lines", 1000, rand);
  g_ptr_array_extend_and_steal (codes, g_steal_pointer (&product_codes));

  for (guint c = 0; c < G_N_ELEMENTS (query_classes); c++)
    {
      const QueryClass *qc = &query_classes[c];
      g_autoptr(GPtrArray) queries = make_queries (qc, qc->chinese ? names : codes, rand);
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *p50 = g_strdup_printf ("search_p50_%s", qc->name);
      g_autofree char *p95 = g_strdup_printf ("search_p95_%s", qc->name);
      g_autofree char *max = g_strdup_printf ("search_max_%s", qc->name);
      g_autofree char *hits = g_strdup_printf ("search_hits_p50_%s", qc->name);
      g_autofree char *count = g_strdup_printf ("search_n_%s", qc->name);
      g_autoptr(GArray) n_hits = g_array_new (FALSE, FALSE, sizeof (double));

      if (queries->len == 0)
        continue;
      for (guint i = 0; i < queries->len; i++)
        {
          Mark m = mark_now ();
          double ms, n;

          gdn_query_model_set_search (model, g_ptr_array_index (queries, i));
          n = first_page (model);
          ms = ms_since (&m);
          if (ms > SLOW_SEARCH_MS)
            fprintf (stderr, "slow search %s \"%s\": %.1f ms, %.0f rows\n", qc->name,
                     (const char *) g_ptr_array_index (queries, i), ms, n);
          g_array_append_val (times, ms);
          g_array_append_val (n_hits, n);
        }
      gdn_query_model_set_search (model, NULL);
      g_array_sort (times, compare_doubles);
      g_array_sort (n_hits, compare_doubles);
      emit (prefix, p50, percentile (times, 0.5), "ms");
      emit (prefix, p95, percentile (times, 0.95), "ms");
      emit (prefix, max, g_array_index (times, double, times->len - 1), "ms");
      emit (prefix, hits, percentile (n_hits, 0.5), "rows");
      emit (prefix, count, queries->len, "queries");
    }
}

/* ─── the order list ──────────────────────────────────────────────────────────────── */

static gboolean
bench_list (const char  *prefix,
            const char  *path,
            GError     **error)
{
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnQueryModel) model = NULL;
  g_autoptr(GObject) last = NULL;
  GdnRecordClass *klass;
  const GdnField *fields;
  guint n_fields, n;
  Mark m;

  m = mark_now ();
  database = gdn_database_open (path, error);
  if (database == NULL)
    return FALSE;
  emit (prefix, "open", ms_since (&m), "ms");
  store = gdn_store_new (database);
  model = gdn_query_model_new (store, GDN_TYPE_ORDER);
  n = first_page (model);
  emit (prefix, "open_first_page", ms_since (&m), "ms");
  if (gdn_query_model_get_error (model) != NULL)
    {
      g_set_error_literal (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                           gdn_query_model_get_error (model)->message);
      return FALSE;
    }

  m = mark_now ();
  last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);
  emit (prefix, "jump_last_row", ms_since (&m), "ms");

  klass = g_type_class_ref (GDN_TYPE_ORDER);
  fields = gdn_record_class_get_fields (klass, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = NULL;

      if (!(fields[i].flags & GDN_FIELD_SORTABLE))
        continue;
      name = g_strdup_printf ("sort_%s", fields[i].name);
      m = mark_now ();
      gdn_query_model_set_sort (model, fields[i].name, FALSE);
      first_page (model);
      emit (prefix, name, ms_since (&m), "ms");
    }
  g_type_class_unref (klass);
  gdn_query_model_set_sort (model, "created_date", TRUE);
  first_page (model);

  bench_search (prefix, database, model);
  return TRUE;
}

/* ─── KPIs ────────────────────────────────────────────────────────────────────────── */

static gboolean
bench_kpis (const char  *prefix,
            const char  *path,
            GError     **error)
{
  g_autoptr(GdnDatabase) database = gdn_database_open (path, error);
  g_autoptr(GdnKpi) month = NULL;
  g_autoptr(GdnKpi) year = NULL;
  g_autoptr(GdnKpiSeries) series = NULL;
  Mark m;

  if (database == NULL)
    return FALSE;

  m = mark_now ();
  if ((month = gdn_kpi_compute (database, MONTH_FROM, MONTH_TO, error)) == NULL)
    return FALSE;
  emit (prefix, "kpi_month", ms_since (&m), "ms");

  m = mark_now ();
  if ((year = gdn_kpi_compute (database, YEAR_FROM, YEAR_TO, error)) == NULL)
    return FALSE;
  emit (prefix, "kpi_year", ms_since (&m), "ms");

  /* the dashboard's charts beside the year's figures */
  m = mark_now ();
  if ((series = gdn_kpi_series_compute (database, YEAR_FROM, YEAR_TO, error)) == NULL)
    return FALSE;
  emit (prefix, "kpi_series_year", ms_since (&m), "ms");
  return TRUE;
}

/* ─── size ────────────────────────────────────────────────────────────────────────── */

static gint64
file_bytes (sqlite3 *db)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 bytes = -1;

  if (sqlite3_prepare_v2 (db, "SELECT page_count * page_size FROM pragma_page_count(),"
                              " pragma_page_size()", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    bytes = sqlite3_column_int64 (stmt, 0);
  return bytes;
}

/* The search index without dbstat: a vacuumed copy, then the same without the FTS tables. */
static gboolean
fts_bytes_by_copy (GdnDatabase  *database,
                   const char   *path,
                   gint64       *fts,
                   GError      **error)
{
  g_autofree char *copy = g_strconcat (path, ".nofts", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  sqlite3 *db = NULL;
  gint64 with, without;
  gboolean ok = FALSE;

  remove_database (copy);
  sql = sqlite3_mprintf ("VACUUM INTO %Q", copy);
  if (!gdn_database_exec (database, sql, error))
    return FALSE;
  if (sqlite3_open (copy, &db) != SQLITE_OK)
    {
      gdn_set_sqlite_error (db, sqlite3_errcode (db), error);
      goto out;
    }
  with = file_bytes (db);
  tables = column_values (database, "SELECT name FROM sqlite_schema WHERE type = 'table'"
                                    " AND sql LIKE 'CREATE VIRTUAL TABLE%fts5%'");
  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE \"%s\"",
                                               (char *) g_ptr_array_index (tables, i));
      if (sqlite3_exec (db, drop, NULL, NULL, NULL) != SQLITE_OK)
        {
          gdn_set_sqlite_error (db, sqlite3_errcode (db), error);
          goto out;
        }
    }
  if (sqlite3_exec (db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK)
    {
      gdn_set_sqlite_error (db, sqlite3_errcode (db), error);
      goto out;
    }
  without = file_bytes (db);
  *fts = with - without;
  ok = TRUE;

out:
  sqlite3_close (db);
  remove_database (copy);
  return ok;
}

static gboolean
bench_size (const char  *prefix,
            const char  *path,
            GError     **error)
{
  g_autoptr(GdnDatabase) database = gdn_database_open (path, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 total, fts = -1, search_text = 0;
  static const char *const searchable[] = {
    "customers", "orders", "contracts", "shipments", "cases",
  };

  if (database == NULL)
    return FALSE;
  if (!gdn_database_exec (database, "PRAGMA wal_checkpoint(TRUNCATE)", error))
    return FALSE;
  total = file_bytes (gdn_database_get_handle (database));

  /* the FTS5 tables and their shadow tables (name_fts, name_fts_data, …) */
  if (sqlite3_prepare_v2 (gdn_database_get_handle (database),
                          "SELECT sum(pgsize) FROM dbstat WHERE name GLOB '*_fts'"
                          " OR name GLOB '*_fts_*'", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    fts = sqlite3_column_int64 (stmt, 0);
  else if (!fts_bytes_by_copy (database, path, &fts, error))
    return FALSE;

  /* the text the index is built from, kept in a column of each searchable table */
  for (guint i = 0; i < G_N_ELEMENTS (searchable); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ifnull(sum(length(CAST(search_text AS"
                                              " BLOB))), 0) FROM %s", searchable[i]);
      search_text += gdn_database_query_int (database, sql, NULL);
    }

  emit (prefix, "db_size", total / 1048576.0, "MiB");
  emit (prefix, "db_size_without_fts", (total - fts) / 1048576.0, "MiB");
  emit (prefix, "fts_size", fts / 1048576.0, "MiB");
  /* the narrow index of the text that one- and two-character searches scan, and the
   * indexes of the database (sorting, KPIs, searching) */
  emit (prefix, "short_search_index_size",
        gdn_database_query_int (database, "SELECT ifnull(sum(pgsize), 0) FROM dbstat"
                                          " WHERE name = 'orders_search_rows'", NULL) /
        1048576.0, "MiB");
  emit (prefix, "index_size",
        gdn_database_query_int (database, "SELECT ifnull(sum(pgsize), 0) FROM dbstat d"
                                          " JOIN sqlite_schema s ON s.name = d.name"
                                          " WHERE s.type = 'index'", NULL) / 1048576.0,
        "MiB");
  emit (prefix, "search_text_bytes", search_text / 1048576.0, "MiB");
  return TRUE;
}

/* ─── import ──────────────────────────────────────────────────────────────────────── */

static gboolean
export_kind (GdnStore    *store,
             const char  *kind,
             const char  *csv,
             guint       *n_rows,
             GError     **error)
{
  g_autoptr(GdnExport) export = gdn_export_new (store, kind);
  g_autoptr(GFile) file = g_file_new_for_path (csv);

  if (!gdn_export_to_file (export, file, NULL, error))
    return FALSE;
  *n_rows = gdn_export_get_n_rows (export);
  return TRUE;
}

static gboolean
import_kind (const char  *prefix,
             GdnStore    *store,
             const char  *kind,
             const char  *csv,
             guint       *n_lines,
             double      *seconds,
             GError     **error)
{
  g_autoptr(GdnImport) import = gdn_import_new (store, kind);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autofree char *name = g_strdup_printf ("import_%s_cpu", kind);
  g_autofree char *skipped = g_strdup_printf ("import_%s_skipped", kind);
  Mark m = mark_now ();

  /* a problem is counted and shown, never the end of the run */
  gdn_import_set_skip_invalid (import, TRUE);
  if (!gdn_import_run (import, file, NULL, error))
    return FALSE;
  *seconds = ms_since (&m) / 1000.0;
  *n_lines = gdn_import_get_n_lines (import);
  emit (prefix, name, cpu_since (&m), "s");
  if (gdn_import_get_n_skipped (import) > 0 || gdn_import_get_n_errors (import) > 0)
    emit (prefix, skipped, gdn_import_get_n_skipped (import), "rows");
  return TRUE;
}

/* The floor of an import that leaves what Gendan's import leaves: sqlite3 alone reads both
 * files into plain tables, then writes the orders and their lines into the same tables with
 * the same indexes and search index (their statements read off the imported database) and
 * the same pragmas. Left out: the checks of every value, the KPI day tables, the audit log
 * and the orders' history. */
static gboolean
sqlite3_import_indexed (GdnDatabase  *imported,
                        const char   *plain,
                        const char   *customers_csv,
                        const char   *orders_csv,
                        GError      **error)
{
  GdnRecordClass *klass = g_type_class_ref (GDN_TYPE_ORDER);
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) indexes = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) sqlite = NULL;

  tables = column_values (imported, "SELECT sql FROM sqlite_schema WHERE type = 'table'"
                                    " AND name IN ('orders', 'order_lines', 'orders_fts')"
                                    " ORDER BY name = 'orders_fts', name = 'order_lines'");
  indexes = column_values (imported, "SELECT sql FROM sqlite_schema WHERE type = 'index'"
                                     " AND tbl_name IN ('orders', 'order_lines')");
  g_ptr_array_add (argv, g_strdup ("sqlite3"));
  g_ptr_array_add (argv, g_strdup ("-bail"));
  g_ptr_array_add (argv, g_strdup (plain));
  g_ptr_array_add (argv, g_strdup ("PRAGMA journal_mode = WAL"));
  g_ptr_array_add (argv, g_strdup ("PRAGMA synchronous = FULL; PRAGMA cache_size = -131072;"
                                   " PRAGMA temp_store = MEMORY"));
  g_ptr_array_add (argv, g_strdup (".mode csv"));
  g_ptr_array_add (argv, g_strdup_printf (".import '%s' tc", customers_csv));
  g_ptr_array_add (argv, g_strdup_printf (".import '%s' t", orders_csv));
  g_ptr_array_add (argv, g_strdup ("BEGIN"));
  g_ptr_array_add (argv, g_strdup ("CREATE TABLE customers (id INTEGER PRIMARY KEY,"
                                   " code TEXT UNIQUE, name TEXT, short_name TEXT);"
                                   " INSERT INTO customers SELECT rowid, code, name,"
                                   " nullif(short_name, '') FROM tc"));
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (argv, g_strdup (g_ptr_array_index (tables, i)));
  g_ptr_array_add (argv, g_strdup (
    "INSERT INTO orders (order_no, customer_id, customer_code, customer_name, type, source,"
    " status, created_date, confirmed_date, promised_date, delivered_date, delivery_address,"
    " currency, payment_due, delay_reason, owner, missing_reason, notes, amount, n_lines)"
    " SELECT t.order_no, c.id, c.code, c.name, t.type, nullif(t.source, ''), t.status,"
    " t.created_date, nullif(t.confirmed_date, ''), nullif(t.promised_date, ''),"
    " nullif(t.delivered_date, ''), nullif(t.delivery_address, ''), t.currency,"
    " nullif(t.payment_due, ''), nullif(t.delay_reason, ''), nullif(t.owner, ''),"
    " nullif(t.missing_reason, ''), nullif(t.notes, ''),"
    " round(total(t.quantity * t.unit_price), 2), count(*)"
    " FROM t JOIN customers c ON c.code = t.customer_code"
    " GROUP BY t.order_no ORDER BY min(t.rowid)"));
  g_ptr_array_add (argv, g_strdup (
    "INSERT INTO order_lines (order_id, position, product_code, product_name, spec, unit,"
    " quantity, unit_price) SELECT o.id, t.rowid, nullif(t.product_code, ''),"
    " nullif(t.product_name, ''), nullif(t.spec, ''), nullif(t.unit, ''), t.quantity,"
    " t.unit_price FROM t JOIN orders o ON o.order_no = t.order_no ORDER BY t.rowid"));
  for (guint i = 0; i < indexes->len; i++)
    if (strstr (g_ptr_array_index (indexes, i), "order_lines") != NULL)
      g_ptr_array_add (argv, g_strdup (g_ptr_array_index (indexes, i)));
  g_ptr_array_add (argv, g_strdup_printf ("UPDATE orders SET search_text = (%s)",
                                          gdn_record_class_get_search_expr (klass)));
  for (guint i = 0; i < indexes->len; i++)
    if (strstr (g_ptr_array_index (indexes, i), "order_lines") == NULL)
      g_ptr_array_add (argv, g_strdup (g_ptr_array_index (indexes, i)));
  g_ptr_array_add (argv, g_strdup ("INSERT INTO orders_fts (rowid, search_text)"
                                   " SELECT id, search_text FROM orders ORDER BY id"));
  g_ptr_array_add (argv, g_strdup ("COMMIT"));
  g_ptr_array_add (argv, NULL);
  g_type_class_unref (klass);

  sqlite = g_subprocess_newv ((const char * const *) argv->pdata,
                              G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error);
  return sqlite != NULL && g_subprocess_wait_check (sqlite, NULL, error);
}

static gboolean
bench_import (const char  *prefix,
              const char  *dir,
              const char  *path,
              guint        n_orders,
              GError     **error)
{
  g_autofree char *base = g_strdup_printf ("import-%u", n_orders);
  g_autofree char *orders_csv = g_strdup_printf ("%s/%s-orders.csv", dir, base);
  g_autofree char *customers_csv = g_strdup_printf ("%s/%s-customers.csv", dir, base);
  g_autofree char *target = g_strdup_printf ("%s/%s.db", dir, base);
  g_autofree char *plain = g_strdup_printf ("%s/%s-plain.db", dir, base);
  g_autofree char *import_command = g_strdup_printf (".import '%s' t", orders_csv);
  g_autoptr(GSubprocess) sqlite = NULL;
  guint n_rows, n_customers, n_lines;
  double seconds, gendan_rate, sqlite_rate, indexed_rate, children_cpu;
  Mark m;

  {
    g_autoptr(GdnDatabase) database = gdn_database_open (path, error);
    g_autoptr(GdnStore) store = NULL;

    if (database == NULL)
      return FALSE;
    store = gdn_store_new (database);
    progress ("exporting %u orders", n_orders);
    m = mark_now ();
    if (!export_kind (store, "orders", orders_csv, &n_rows, error))
      return FALSE;
    emit (prefix, "export_rate", n_rows / (ms_since (&m) / 1000.0), "lines/s");
    if (!export_kind (store, "customers", customers_csv, &n_customers, error))
      return FALSE;
  }

  {
    g_autoptr(GdnDatabase) database = NULL;
    g_autoptr(GdnStore) store = NULL;

    remove_database (target);
    database = gdn_database_open (target, error);
    if (database == NULL)
      return FALSE;
    store = gdn_store_new (database);
    progress ("importing %u customers, then %u order lines", n_customers, n_rows);
    if (!import_kind (prefix, store, "customers", customers_csv, &n_lines, &seconds, error))
      return FALSE;
    emit (prefix, "import_customers", seconds, "s");
    if (!import_kind (prefix, store, "orders", orders_csv, &n_lines, &seconds, error))
      return FALSE;
    gendan_rate = n_lines / seconds;
    emit (prefix, "import_rate", gendan_rate, "lines/s");

    remove_database (plain);
    progress ("sqlite3 alone, to the same tables, indexes and search index");
    children_cpu = cpu_seconds (RUSAGE_CHILDREN);
    m = mark_now ();
    if (!sqlite3_import_indexed (database, plain, customers_csv, orders_csv, error))
      return FALSE;
    indexed_rate = n_rows / (ms_since (&m) / 1000.0);
    emit (prefix, "sqlite3_indexed_import_rate", indexed_rate, "lines/s");
    emit (prefix, "sqlite3_indexed_import_cpu",
          cpu_seconds (RUSAGE_CHILDREN) - children_cpu, "s");
    emit (prefix, "import_vs_sqlite3_indexed", gendan_rate / indexed_rate, "ratio");
  }

  /* the floor: the same file into one plain table, no parsing, checks or indexes */
  remove_database (plain);
  progress ("sqlite3 .import of the same file");
  children_cpu = cpu_seconds (RUSAGE_CHILDREN);
  m = mark_now ();
  sqlite = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, error, "sqlite3", plain,
                             ".mode csv", import_command, NULL);
  if (sqlite == NULL || !g_subprocess_wait_check (sqlite, NULL, error))
    return FALSE;
  seconds = ms_since (&m) / 1000.0;
  sqlite_rate = n_rows / seconds;
  emit (prefix, "sqlite3_import_rate", sqlite_rate, "lines/s");
  emit (prefix, "sqlite3_import_cpu", cpu_seconds (RUSAGE_CHILDREN) - children_cpu, "s");
  emit (prefix, "import_vs_sqlite3", gendan_rate / sqlite_rate, "ratio");
  /* the time sqlite3 itself takes to the same indexes and search index, against the 3× that
   * the plain file into one table is given */
  emit (prefix, "sqlite3_indexed_time_vs_plain", sqlite_rate / indexed_rate, "times");

  remove_database (target);
  remove_database (plain);
  g_remove (orders_csv);
  g_remove (customers_csv);
  return TRUE;
}

/* ─── main ────────────────────────────────────────────────────────────────────────── */

/* the parts of a measurement --only names; NULL: all */
static GStrv only;

static gboolean
measures (const char *part)
{
  return only == NULL || g_strv_contains ((const char * const *) only, part);
}

static gboolean
bench_size_n (const char  *dir,
              guint        n_orders,
              GError     **error)
{
  g_autofree char *prefix = g_strdup_printf ("orders_%u", n_orders);
  g_autofree char *path = g_strdup_printf ("%s/orders-%u.db", dir, n_orders);

  if (!build_database (prefix, path, n_orders, error))
    return FALSE;
  {
    g_autoptr(GdnDatabase) database = gdn_database_open (path, error);

    if (database == NULL)
      return FALSE;
    print_counts (prefix, database);
  }
  if (measures ("size"))
    {
      progress ("measuring the size");
      if (!bench_size (prefix, path, error))
        return FALSE;
    }
  if (measures ("list"))
    {
      progress ("measuring the order list");
      if (!bench_list (prefix, path, error))
        return FALSE;
    }
  if (measures ("kpi"))
    {
      progress ("measuring the KPIs");
      if (!bench_kpis (prefix, path, error))
        return FALSE;
    }
  return !measures ("import") || bench_import (prefix, dir, path, n_orders, error);
}

static gboolean
parse_sizes (const char  *text,
             GArray      *sizes,
             GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      guint64 n;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, GDN_DEMO_MAX_ORDERS,
                                       &n, error))
        return FALSE;
      guint value = (guint) n;

      g_array_append_val (sizes, value);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *sizes_text = NULL;
  g_autofree char *dir = NULL;
  gboolean quick = FALSE;
  g_autofree char *only_text = NULL;
  const GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_text,
      "Numbers of orders, comma separated (default: 10000,100000,1000000)", "N,…" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      "Keep the databases in DIR and reuse them (default: a new temporary folder)", "DIR" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Only 10000 orders", NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only_text,
      "Measure only these parts, comma separated: size, list, kpi, import", "PART,…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  gboolean temporary = FALSE;

  g_option_context_set_summary (context, "Measures Gendan on databases of demo orders and "
                                "prints one “name value unit” line per figure.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !parse_sizes (quick ? "10000" : sizes_text != NULL ? sizes_text : "10000,100000,1000000",
                    sizes, &error))
    {
      g_printerr ("gendan-bench: %s\n", error->message);
      return 2;
    }

  if (only_text != NULL)
    only = g_strsplit (only_text, ",", -1);

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("gendan-bench-XXXXXX", &error);
      temporary = TRUE;
    }
  else if (g_mkdir_with_parents (dir, 0755) != 0)
    g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir,
                 g_strerror (errno));
  if (error != NULL)
    {
      g_printerr ("gendan-bench: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < sizes->len; i++)
    if (!bench_size_n (dir, g_array_index (sizes, guint, i), &error))
      {
        g_printerr ("gendan-bench: %s\n", error->message);
        return 1;
      }

  if (temporary)
    {
      for (guint i = 0; i < sizes->len; i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/orders-%u.db", dir,
                                                   g_array_index (sizes, guint, i));
          g_autofree char *figures = g_strconcat (path, ".demo", NULL);

          remove_database (path);
          g_remove (figures);
        }
      g_rmdir (dir);
    }
  g_clear_pointer (&only, g_strfreev);
  return 0;
}

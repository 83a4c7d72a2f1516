/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gdn-id-set.h"
#include "gdn-import-private.h"
#include "gdn-import.h"
#include "gdn-order-event.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-parse.h"

/* How a file becomes records (CSV.md):
 *
 * The whole file is read first (the reader keeps every cell in one buffer), then it is
 * processed one unit at a time: a row, or for orders every row with the same order number.
 * A unit is parsed, its references resolved, its key looked up, the record built on top of
 * the existing one and validated; if it differs from what is stored it is written at once,
 * inside one transaction for the whole file. The first error stops the writing (but not
 * the checking, so every problem is reported) and the transaction is rolled back: nothing
 * of a bad file is written. With skip_invalid each unit is written inside a savepoint, so
 * a unit that fails halfway leaves no trace. Search text is refreshed once at the end for
 * every record the import touched, and the audit log gets one "import" row per record. */

static const struct
{
  const char *kind;
  const char *field;
  const char *value;
} defaults[] = {
  /* the DEFAULTs of the schema, which an empty cell keeps */
  { "orders", "type", "regular" },
  { "orders", "status", "inquiry" },
  { "orders", "currency", "CNY" },
  { "shipments", "status", "pending" },
  { "cases", "priority", "normal" },
  { "cases", "status", "open" },
  { "contracts", "status", "draft" },
};

void
gdn_import_results_clear (GdnImportResults *results)
{
  g_clear_pointer (&results->problems, g_ptr_array_unref);
  memset (results, 0, sizeof *results);
  results->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) gdn_import_problem_free);
}

static void
job_free (Job *job)
{
  sqlite3_stmt **stmts[] = {
    &job->find_customer, &job->find_order, &job->find_case, &job->find_contact,
    &job->select_existing, &job->select_existing_alt, &job->insert, &job->update,
    &job->audit, &job->mark, &job->select_lines, &job->delete_lines, &job->insert_line,
    &job->insert_event, &job->select_links, &job->delete_links, &job->insert_link,
    &job->savepoint, &job->release, &job->rollback_to, &job->stage_line,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stmts); i++)
    g_clear_pointer (stmts[i], sqlite3_finalize);

  if (job->values != NULL)
    for (guint c = 0; c < job->kind->n_columns; c++)
      if (G_IS_VALUE (&job->values[c]))
        g_value_unset (&job->values[c]);
  g_free (job->values);
  if (job->unset != NULL)
    for (guint i = 0; i < job->klass->n_fields; i++)
      g_value_unset (&job->unset[i]);
  g_free (job->unset);
  if (job->enum_caches != NULL)
    for (guint c = 0; c < job->kind->n_columns; c++)
      g_clear_pointer (&job->enum_caches[c], g_hash_table_unref);
  g_free (job->enum_caches);

  g_free (job->given);
  g_free (job->has_default);
  g_free (job->col_to_file);
  g_free (job->col_to_field);
  g_free (job->note);
  g_free (job->now);
  g_clear_pointer (&job->scratch, g_string_chunk_free);
  g_clear_pointer (&job->lines, g_array_unref);
  g_clear_pointer (&job->list_ids, g_array_unref);
  g_clear_pointer (&job->cells, g_ptr_array_unref);
  g_clear_pointer (&job->rows, g_array_unref);
  g_clear_pointer (&job->headers, g_ptr_array_unref);
  g_clear_pointer (&job->customers, g_hash_table_unref);
  g_clear_pointer (&job->orders, g_hash_table_unref);
  g_clear_pointer (&job->cases, g_hash_table_unref);
  g_clear_pointer (&job->contacts, g_hash_table_unref);
  g_clear_pointer (&job->keys, g_hash_table_unref);
  g_clear_object (&job->row);
  g_clear_object (&job->existing);
  g_clear_object (&job->blank);
  g_clear_object (&job->line_record);
  g_clear_object (&job->reader);
  if (job->line_klass != NULL)
    g_type_class_unref (job->line_klass);
  if (job->klass != NULL)
    g_type_class_unref (job->klass);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

/* One unit: a row, or the rows of one order. Returns FALSE only when the import must end. */
static gboolean
process_unit (Job          *job,
              const guint  *indexes,
              guint         n,
              GError      **error)
{
  const Row *first = &g_array_index (job->rows, Row, indexes[0]);
  g_autofree char *key = NULL;
  g_autofree char *old_status = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *find;
  gboolean found, insert, changed, replace_lines = FALSE, replace_links = FALSE;
  gpointer seen;

  g_string_chunk_clear (job->scratch);
  g_array_set_size (job->lines, 0);
  g_array_set_size (job->list_ids, 0);
  job->unit_bad = FALSE;

  gdn_import_parse_record_columns (job, first);

  /* required columns first: the key is made of them */
  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];

      if (col->required && !job->given[c] && *gdn_import_cell (job, first, (int) c) == '\0')
        {
          const GdnField *f = &job->klass->fields[job->col_to_field[c]];
          gdn_import_row_error (job, first->line, (int) c, _("%s is required"),
                                g_dgettext (GETTEXT_PACKAGE, f->label));
        }
    }

  if (job->is_orders)
    for (guint i = 0; i < n; i++)
      {
        const Row *row = &g_array_index (job->rows, Row, indexes[i]);

        if (i > 0)
          for (guint c = 0; c < job->kind->n_columns; c++)
            {
              const char *a, *b;

              if (job->kind->columns[c].value == GDN_CSV_VALUE_LINE || job->col_to_file[c] < 0)
                continue;
              a = gdn_import_cell (job, first, (int) c);
              b = gdn_import_cell (job, row, (int) c);
              if (*b != '\0' && strcmp (a, b) != 0)
                gdn_import_row_warning (job, row->line,
                                        g_ptr_array_index (job->headers, job->col_to_file[c]),
                                        _("Differs from line %u of the same order; the value "
                                          "of line %u is used"), first->line, first->line);
            }
        gdn_import_parse_line (job, row);
      }

  if (job->unit_bad)
    goto bad;

  find = gdn_import_bind_key (job, &key);
  if (g_hash_table_lookup_extended (job->keys, key, NULL, &seen))
    {
      sqlite3_reset (find);
      sqlite3_clear_bindings (find);
      gdn_import_row_error (job, first->line, -1,
                            _("The same record is already on line %u; each may appear only once"),
                            GPOINTER_TO_UINT (seen));
      goto bad;
    }
  g_hash_table_insert (job->keys, g_steal_pointer (&key), GUINT_TO_POINTER (first->line));

  found = sqlite3_step (find) == SQLITE_ROW;
  if (found)
    gdn_record_load (job->existing, find);
  sqlite3_reset (find);
  sqlite3_clear_bindings (find);
  insert = !found;

  /* the record as it will be: the stored one (or the defaults) with the file's cells */
  if (found)
    {
      gdn_record_copy_fields (job->row, job->existing);
      gdn_record_set_id (job->row, gdn_record_get_id (job->existing));
    }
  else
    {
      gdn_record_copy_fields (job->row, job->blank);
      gdn_record_set_id (job->row, 0);
    }

  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];
      int fi = job->col_to_field[c];

      if (job->col_to_file[c] < 0 || col->value == GDN_CSV_VALUE_LINE ||
          col->value == GDN_CSV_VALUE_ORDER_LIST)
        continue;
      if (job->given[c])
        gdn_record_set_value_at (job->row, fi, &job->values[c]);
      else if (!job->has_default[fi])
        gdn_record_set_value_at (job->row, fi, &job->unset[fi]);
    }

  if (job->is_orders)
    {
      old_status = found ? g_strdup (gdn_record_get_string (job->existing, "status")) : NULL;
      replace_lines = job->has_line_columns &&
                      (insert || gdn_import_lines_differ (job, gdn_record_get_id (job->existing)));
      if (replace_lines || insert)
        {
          gdn_record_set_double (job->row, "amount", gdn_import_lines_amount (job->lines));
          gdn_record_set_int (job->row, "n_lines", job->lines->len);
        }
      if (insert || g_strcmp0 (old_status, gdn_record_get_string (job->row, "status")) != 0)
        gdn_record_set_string (job->row, "status_changed_at", job->now);
    }

  if (job->list_column >= 0 && job->col_to_file[job->list_column] >= 0)
    {
      gdn_id_array_sort_unique (job->list_ids);
      replace_links = insert ? job->list_ids->len > 0
                             : gdn_import_links_differ (job, gdn_record_get_id (job->existing));
    }

  if (!gdn_record_validate (job->row, &local_error))
    {
      gdn_import_validation_problem (job, first->line, local_error, FALSE);
      goto bad;
    }

  changed = insert || replace_lines || replace_links || gdn_import_record_differs (job);
  if (!changed)
    {
      job->results->n_unchanged++;
      return TRUE;
    }

  if (job->writing && !job->failed)
    {
      gboolean written;

      if (!gdn_import_write_unit_guarded (job, first->line, insert, replace_lines, replace_links,
                                          old_status, &written, error))
        return FALSE;
      if (!written)
        goto bad;
    }

  if (insert)
    job->results->n_created++;
  else
    job->results->n_updated++;
  return TRUE;

bad:
  if (job->skip_invalid)
    job->results->n_skipped++;
  else
    job->failed = TRUE;
  return TRUE;
}

static void
init_records (Job *job)
{
  GdnRecordClass *klass = job->klass;

  job->row = gdn_record_new (job->type);
  job->existing = gdn_record_new (job->type);
  job->blank = gdn_record_new (job->type);
  if (job->is_orders)
    job->line_record = gdn_record_new (GDN_TYPE_ORDER_LINE);

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (strcmp (defaults[i].kind, job->kind->name) == 0)
      gdn_record_set_string (job->blank, defaults[i].field, defaults[i].value);
  if (job->is_orders)
    {
      gdn_record_set_int (job->blank, "progress", 0);
      gdn_record_set_double (job->blank, "amount", 0.0);
      gdn_record_set_int (job->blank, "n_lines", 0);
    }

  job->unset = g_new0 (GValue, klass->n_fields);
  job->has_default = g_new0 (gboolean, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];
      const GValue *v = gdn_record_get_value_at (job->blank, i);

      g_value_init (&job->unset[i], G_VALUE_TYPE (v));
      if (f->type == GDN_FIELD_INT)
        g_value_set_int64 (&job->unset[i], -1);
      else if (f->type == GDN_FIELD_REAL)
        g_value_set_double (&job->unset[i], NAN);
      job->has_default[i] = f->type != GDN_FIELD_BOOL && gdn_record_is_set (job->blank, f->name);
    }

  job->values = g_new0 (GValue, job->kind->n_columns);
  job->given = g_new0 (gboolean, job->kind->n_columns);
  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];

      if (col->value == GDN_CSV_VALUE_FIELD)
        g_value_init (&job->values[c],
                      G_VALUE_TYPE (gdn_record_get_value_at (job->blank, job->col_to_field[c])));
      else if (col->value != GDN_CSV_VALUE_LINE && col->value != GDN_CSV_VALUE_ORDER_LIST)
        g_value_init (&job->values[c], G_TYPE_INT64);
    }
}

static gboolean
read_file (Job      *job,
           GFile    *file,
           GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  gboolean blank;

  job->reader = gdn_csv_reader_new_for_file (file, job->cancellable, &local_error);
  if (job->reader == NULL)
    {
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  job->results->encoding = gdn_csv_reader_get_encoding (job->reader);

  job->cells = g_ptr_array_new ();
  job->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  while (gdn_csv_reader_read_record (job->reader, &local_error))
    {
      guint n = gdn_csv_reader_get_n_fields (job->reader);
      Row row = { gdn_csv_reader_get_line (job->reader), job->cells->len, n };

      /* spreadsheets write empty rows as ",,,,"; they are not records */
      blank = TRUE;
      for (guint i = 0; i < n && blank; i++)
        {
          const char *f = gdn_csv_reader_get_field (job->reader, i);
          blank = strspn (f, " \t\r\n") == strlen (f);
        }
      if (blank)
        continue;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (job->cells, (gpointer) gdn_csv_reader_get_field (job->reader, i));
      g_array_append_val (job->rows, row);
    }

  if (local_error != NULL)
    {
      gdn_import_add_problem (job, gdn_csv_reader_get_line (job->reader), NULL,
                              GDN_IMPORT_SEVERITY_ERROR,
                              _("The quoted text that starts on this line is never closed"));
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_READ, _("Cannot read “%s”: %s"),
                   name, local_error->message);
      return FALSE;
    }
  if (job->rows->len == 0)
    {
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_READ,
                   _("“%s” is empty: it has no header line"), name);
      return FALSE;
    }
  return TRUE;
}

/* The header row: which column of the file is which column of the kind. */
static gboolean
map_header (Job      *job,
            GError  **error)
{
  const Row *header = &g_array_index (job->rows, Row, 0);
  g_autoptr(GString) missing = g_string_new (NULL);

  job->header_line = header->line;
  job->headers = g_ptr_array_new_with_free_func (g_free);
  job->col_to_file = g_new (int, job->kind->n_columns);
  job->col_to_field = g_new (int, job->kind->n_columns);
  job->list_column = -1;
  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];

      job->col_to_file[c] = -1;
      job->col_to_field[c] =
        gdn_record_class_find_field (col->value == GDN_CSV_VALUE_LINE ? job->line_klass
                                                                       : job->klass,
                                     col->field);
      if (col->value == GDN_CSV_VALUE_ORDER_LIST)
        job->list_column = (int) c;
      g_assert (job->col_to_field[c] >= 0);
    }

  for (guint i = 0; i < header->n; i++)
    {
      const char *raw = g_ptr_array_index (job->cells, header->first + i);
      char *text = g_strstrip (g_strdup (raw));
      int c = gdn_csv_kind_find_column (job->kind, text);

      g_ptr_array_add (job->headers, text);
      if (c < 0)
        {
          if (*text != '\0')
            gdn_import_row_warning (job, job->header_line, text,
                                    _("Unknown column; it is ignored"));
          continue;
        }
      if (job->col_to_file[c] >= 0)
        {
          gdn_import_row_warning (job, job->header_line, text,
                                  _("The column appears twice; only the first one is read"));
          continue;
        }
      job->col_to_file[c] = (int) i;
      if (job->kind->columns[c].value == GDN_CSV_VALUE_LINE)
        job->has_line_columns = TRUE;
    }

  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];
      g_autofree char *message = NULL;

      if (!col->required || job->col_to_file[c] >= 0)
        continue;
      message = g_strdup_printf (_("The required column %s (%s) is missing"),
                                 col->name, gdn_csv_column_header (col, TRUE));
      gdn_import_add_problem (job, job->header_line, NULL, GDN_IMPORT_SEVERITY_ERROR, message);
      g_string_append_printf (missing, "%s%s (%s)", missing->len ? ", " : "", col->name,
                              gdn_csv_column_header (col, TRUE));
    }

  if (missing->len > 0)
    {
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_MISSING_COLUMN,
                   _("Required columns are missing: %s; nothing was imported"), missing->str);
      return FALSE;
    }
  return TRUE;
}

/* Orders: the rows of one order number form one unit, wherever they are in the file. */
static GPtrArray *
group_units (Job *job)
{
  GPtrArray *units = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int key_column = gdn_import_column_for_field (job, "order_no", FALSE);

  for (guint i = 1; i < job->rows->len; i++)
    {
      GArray *unit = NULL;

      if (job->is_orders)
        {
          const Row *row = &g_array_index (job->rows, Row, i);
          const char *key = gdn_import_cell (job, row, key_column);
          gpointer index;

          if (*key != '\0' && g_hash_table_lookup_extended (by_key, key, NULL, &index))
            unit = g_ptr_array_index (units, GPOINTER_TO_UINT (index));
          else if (*key != '\0')
            g_hash_table_insert (by_key, g_strdup (key), GUINT_TO_POINTER (units->len));
          g_string_chunk_clear (job->scratch);
        }
      if (unit == NULL)
        {
          unit = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (units, unit);
        }
      g_array_append_val (unit, i);
    }
  return units;
}

static void
restore_cache_size (Job    *job,
                    gint64  size)
{
  g_autofree char *sql = NULL;

  if (size == 0)
    return;
  sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);
  gdn_database_exec (job->db, sql, NULL);
}

/* Every write of the import is a statement inside one transaction, and SQLite journals
 * the pages each one touches so it can be undone alone. That sub-journal moves to a file
 * once a statement has touched 64 KB (FTS5 flushing its index does), and stays there: every
 * later row then costs some twenty writes to /var/tmp. In memory it costs a copy. The
 * setting can change only outside a transaction, and it drops the connection's temporary
 * tables, so it is changed only when there are none. Returns the old setting, or -1. */
static gint64
memory_temp_store (Job *job)
{
  sqlite3 *handle = gdn_database_get_handle (job->db);
  gint64 old;

  if (!sqlite3_get_autocommit (handle) ||
      gdn_database_query_int (job->db, "SELECT count(*) FROM sqlite_temp_master"
                                       " WHERE tbl_name NOT LIKE 'gdn\\_import\\_%' ESCAPE '\\'",
                                       NULL) != 0)
    return -1;
  old = gdn_database_query_int (job->db, "PRAGMA temp_store", NULL);
  if (old == 2 || !gdn_database_exec (job->db, "PRAGMA temp_store = MEMORY", NULL))
    return -1;
  return old;
}

static void
restore_temp_store (Job    *job,
                    gint64  old)
{
  g_autofree char *sql = NULL;

  if (old < 0 || !sqlite3_get_autocommit (gdn_database_get_handle (job->db)))
    return;
  /* this drops our temporary table too */
  sql = g_strdup_printf ("PRAGMA temp_store = %" G_GINT64_FORMAT, old);
  gdn_database_exec (job->db, sql, NULL);
}

void
gdn_import_report_progress (Job    *job,
                            double  fraction)
{
  if (job->progress != NULL)
    job->progress (fraction, job->progress_data);
}

/**
 * gdn_import_job_run:
 *
 * Imports @file into the database of @store, filling @results.
 */
gboolean
gdn_import_job_run (GdnStore              *store,
                    const GdnCsvKind      *kind,
                    GFile                 *file,
                    gboolean               skip_invalid,
                    gboolean               dry_run,
                    GdnImportProgressFunc  progress,
                    gpointer               progress_data,
                    GdnImportResults      *results,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autoptr(Job) job = g_new0 (Job, 1);
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *base = g_file_get_basename (file);
  gboolean in_transaction = FALSE;
  gint64 old_cache_size = 0;
  gint64 old_temp_store = -1;
  guint step;

  job->store = store;
  job->db = gdn_store_get_database (store);
  job->kind = kind;
  job->type = kind->get_type ();
  job->klass = g_type_class_ref (job->type);
  job->is_orders = job->type == GDN_TYPE_ORDER;
  if (job->is_orders)
    job->line_klass = g_type_class_ref (GDN_TYPE_ORDER_LINE);
  job->skip_invalid = skip_invalid;
  job->dry_run = dry_run;
  job->writing = !dry_run;
  job->results = results;
  job->cancellable = cancellable;
  job->now = gdn_now ();
  job->who = gdn_store_get_user_name (store);
  job->note = g_strdup_printf (_("Imported from %s"), base);
  job->scratch = g_string_chunk_new (4096);
  job->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  job->list_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->enum_caches = g_new0 (GHashTable *, kind->n_columns);
  job->customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  job->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  job->progress = progress;
  job->progress_data = progress_data;
  gdn_import_report_progress (job, 0.0);

  if (!read_file (job, file, error) || !map_header (job, error))
    return FALSE;
  results->n_lines = job->rows->len - 1;

  if (job->writing && gdn_database_is_read_only (job->db))
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                   _("The database is open read-only; changes cannot be saved"));
      return FALSE;
    }

  init_records (job);
  if (job->writing)
    {
      old_temp_store = memory_temp_store (job);
      if (!gdn_store_begin (store, error))
        {
          restore_temp_store (job, old_temp_store);
          return FALSE;
        }
      in_transaction = TRUE;

      /* One transaction holds every page the import dirties; with the default 2 MB cache
       * SQLite spills them to the WAL half-way, and writes them again at the commit. */
      old_cache_size = gdn_database_query_int (job->db, "PRAGMA cache_size", NULL);
      gdn_database_exec (job->db, "PRAGMA cache_size = -131072", NULL);
    }
  if (!gdn_import_prepare_statements (job, error))
    goto fail;
  if (job->writing)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT ifnull(max(id), 0) FROM %s",
                                              job->klass->table);
      job->last_old_id = gdn_database_query_int (job->db, sql, error);
      if (job->last_old_id < 0)
        goto fail;
      job->next_id = job->last_old_id + 1;
    }

  units = group_units (job);
  step = MAX (1, units->len / 100);
  /* writing many orders set-based takes a good part of the time, at the end */
  job->write_from = gdn_import_may_write_bulk (job, units->len) ? 0.6 : 0.99;
  for (guint u = 0; u < units->len; u++)
    {
      GArray *unit = g_ptr_array_index (units, u);

      if (u % 64 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (!process_unit (job, (const guint *) unit->data, unit->len, error))
        goto fail;
      if ((u + 1) % step == 0)
        gdn_import_report_progress (job, job->write_from * (u + 1) / units->len);
    }

  if (job->failed)
    {
      g_set_error (error, GDN_IMPORT_ERROR, GDN_IMPORT_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u row has errors; nothing was imported",
                                "%u rows have errors; nothing was imported", job->n_bad_rows),
                   job->n_bad_rows);
      goto fail;
    }

  if (in_transaction)
    {
      if (results->n_created + results->n_updated > 0)
        {
          if (!gdn_import_write_staged (job, error) || !gdn_import_write_created (job, error) ||
              !gdn_import_refresh_search (job, error))
            goto fail;
          gdn_store_emit_changed (store, job->type, 0, GDN_CHANGE_RELOADED);
          if (job->is_orders)
            {
              gdn_store_emit_changed (store, GDN_TYPE_ORDER_LINE, 0, GDN_CHANGE_RELOADED);
              gdn_store_emit_changed (store, GDN_TYPE_ORDER_EVENT, 0, GDN_CHANGE_RELOADED);
            }
        }
      gdn_database_exec (job->db, "DELETE FROM temp.gdn_import_ids", NULL);
      if (!gdn_store_commit (store, error))
        {
          in_transaction = FALSE;   /* the store rolled back */
          goto fail;
        }
      results->wrote = results->n_created + results->n_updated > 0;
    }

  restore_cache_size (job, old_cache_size);
  restore_temp_store (job, old_temp_store);
  gdn_import_report_progress (job, 1.0);
  return TRUE;

fail:
  if (in_transaction)
    gdn_store_rollback (store);
  restore_cache_size (job, old_cache_size);
  restore_temp_store (job, old_temp_store);
  return FALSE;
}

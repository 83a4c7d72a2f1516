/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contract.h"
#include "gdn-import.h"
#include "gdn-import-private.h"
#include "gdn-migrations.h"
#include "gdn-order.h"
#include "gdn-shipment.h"
#include "gdn-validation-error.h"

/* The unit's record against the stored one, and the statements that write it: prepared
 * once per import, run per unit, and a few that run once at the end for every record. */

/* SQL helpers */

static sqlite3_stmt *
prepare (Job         *job,
         const char  *sql,
         GError     **error)
{
  return gdn_database_prepare (job->db, sql, error);
}

static gboolean
exec_stmt (Job           *job,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, NULL,
                              _("The database refused the record: %s"),
                              sqlite3_errmsg (gdn_database_get_handle (job->db)));
  else
    gdn_database_set_error (job->db, rc, error);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           param,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, param);
  else
    sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
}

static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           param,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, param, id);
  else
    sqlite3_bind_null (stmt, param);
}

static void
bind_line (Job          *job,
           sqlite3_stmt *stmt,
           const Line   *line,
           gint64        order_id,
           guint         position)
{
  sqlite3_clear_bindings (stmt);
  sqlite3_bind_int64 (stmt, job->line_params[0], order_id);
  sqlite3_bind_int64 (stmt, job->line_params[1], position);
  for (guint i = 0; i < G_N_ELEMENTS (gdn_import_line_text_fields); i++)
    bind_text_or_null (stmt, job->line_params[2 + i], line->texts[i]);
  if (!isnan (line->quantity))
    sqlite3_bind_double (stmt, job->line_params[6], line->quantity);
  if (!isnan (line->unit_price))
    sqlite3_bind_double (stmt, job->line_params[7], line->unit_price);
}

double
gdn_import_lines_amount (GArray *lines)
{
  double amount = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      if (!isnan (l->quantity) && !isnan (l->unit_price))
        amount += l->quantity * l->unit_price;
    }
  /* to the cent, so that 0.1 × 3 is stored (and compared) as 0.3 */
  return round (amount * 100.0) / 100.0;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
gdn_import_lines_differ (Job    *job,
                         gint64  order_id)
{
  sqlite3_stmt *stmt = job->select_lines;
  gboolean differ = FALSE;
  guint i = 0;

  sqlite3_bind_int64 (stmt, 1, order_id);
  while (!differ && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const Line *l;

      if (i >= job->lines->len)
        {
          differ = TRUE;
          break;
        }
      l = &g_array_index (job->lines, Line, i++);
      for (guint k = 0; k < G_N_ELEMENTS (gdn_import_line_text_fields); k++)
        if (g_strcmp0 (l->texts[k], (const char *) sqlite3_column_text (stmt, k)) != 0)
          differ = TRUE;
      if (!same_double (l->quantity, sqlite3_column_type (stmt, 4) == SQLITE_NULL
                                       ? NAN : sqlite3_column_double (stmt, 4)) ||
          !same_double (l->unit_price, sqlite3_column_type (stmt, 5) == SQLITE_NULL
                                         ? NAN : sqlite3_column_double (stmt, 5)))
        differ = TRUE;
    }
  sqlite3_reset (stmt);
  return differ || i != job->lines->len;
}

gboolean
gdn_import_links_differ (Job    *job,
                         gint64  contract_id)
{
  sqlite3_stmt *stmt = job->select_links;
  guint i = 0;
  gboolean differ = FALSE;

  sqlite3_bind_int64 (stmt, 1, contract_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (i >= job->list_ids->len ||
        g_array_index (job->list_ids, gint64, i++) != sqlite3_column_int64 (stmt, 0))
      differ = TRUE;
  sqlite3_reset (stmt);
  return differ || i != job->list_ids->len;
}

/* Keys */

static const char *
given_text (Job        *job,
            const char *field)
{
  int c = gdn_import_column_for_field (job, field, FALSE);

  return c >= 0 && job->given[c] ? g_value_get_string (&job->values[c]) : NULL;
}

static gint64
given_ref (Job        *job,
           const char *field)
{
  return gdn_import_given_id (job, gdn_import_column_for_field (job, field, FALSE));
}

/* A composite key as one text, for finding a record twice in one file. */
static char *
composite_key (gint64      a,
               gint64      b,
               gint64      c,
               const char *x,
               const char *y,
               const char *z)
{
#define S GDN_IMPORT_KEY_SEP
  return g_strdup_printf ("%" G_GINT64_FORMAT S "%" G_GINT64_FORMAT S "%" G_GINT64_FORMAT
                          S "%s" S "%s" S "%s", a, b, c, x ? x : "", y ? y : "", z ? z : "");
#undef S
}

/* Binds the unit's key to the statement that finds its record; returns the statement and
 * a text form of the key for finding repeats within the file. */
sqlite3_stmt *
gdn_import_bind_key (Job   *job,
                     char **key_text)
{
  sqlite3_stmt *stmt = job->select_existing;

  switch (job->kind->key)
    {
    case GDN_CSV_KEY_UNIQUE:
      *key_text = g_strdup (given_text (job, job->kind->key_field));
      sqlite3_bind_text (stmt, 1, *key_text, -1, SQLITE_TRANSIENT);
      break;

    case GDN_CSV_KEY_CONTACT:
      *key_text = composite_key (given_ref (job, "customer_id"), 0, 0,
                                 given_text (job, "name"), NULL, NULL);
      sqlite3_bind_int64 (stmt, 1, given_ref (job, "customer_id"));
      sqlite3_bind_text (stmt, 2, given_text (job, "name"), -1, SQLITE_TRANSIENT);
      break;

    case GDN_CSV_KEY_SHIPMENT:
      if (given_text (job, "tracking_no") != NULL)
        {
          *key_text = composite_key (given_ref (job, "order_id"), 0, 0,
                                     given_text (job, "tracking_no"), NULL, NULL);
          sqlite3_bind_int64 (stmt, 1, given_ref (job, "order_id"));
          sqlite3_bind_text (stmt, 2, given_text (job, "tracking_no"), -1, SQLITE_TRANSIENT);
        }
      else
        {
          const char *shipped = given_text (job, "shipped_date");

          stmt = job->select_existing_alt;
          /* (a tracking number is never empty: this key cannot meet the one above) */
          *key_text = composite_key (given_ref (job, "order_id"), 0, 0, "",
                                     given_text (job, "carrier"), shipped);
          sqlite3_bind_int64 (stmt, 1, given_ref (job, "order_id"));
          sqlite3_bind_text (stmt, 2, given_text (job, "carrier"), -1, SQLITE_TRANSIENT);
          bind_text_or_null (stmt, 3, shipped);
        }
      break;

    case GDN_CSV_KEY_SURVEY:
      *key_text = composite_key (given_ref (job, "customer_id"), given_ref (job, "order_id"),
                                 given_ref (job, "case_id"), given_text (job, "date"), NULL,
                                 NULL);
      sqlite3_bind_int64 (stmt, 1, given_ref (job, "customer_id"));
      bind_id_or_null (stmt, 2, given_ref (job, "order_id"));
      bind_id_or_null (stmt, 3, given_ref (job, "case_id"));
      sqlite3_bind_text (stmt, 4, given_text (job, "date"), -1, SQLITE_TRANSIENT);
      break;

    case GDN_CSV_KEY_INTERACTION:
    default:
      *key_text = composite_key (given_ref (job, "customer_id"), 0, 0, given_text (job, "at"),
                                 given_text (job, "channel"), given_text (job, "summary"));
      sqlite3_bind_int64 (stmt, 1, given_ref (job, "customer_id"));
      sqlite3_bind_text (stmt, 2, given_text (job, "at"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, given_text (job, "channel"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, given_text (job, "summary"), -1, SQLITE_TRANSIENT);
      break;
    }
  return stmt;
}

/* Writing */

static gboolean
run_control (Job           *job,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  return exec_stmt (job, stmt, error);
}

static gboolean
write_unit (Job       *job,
            gboolean   insert,
            gboolean   replace_lines,
            gboolean   replace_links,
            const char *old_status,
            GError   **error)
{
  GdnRecordClass *klass = job->klass;
  gint64 id;
  guint n_written = 0;

  for (guint i = 0; i < klass->n_fields; i++)
    if (!(klass->fields[i].flags & GDN_FIELD_DERIVED))
      n_written++;

  if (insert && job->staging)
    {
      id = job->next_id++;
      sqlite3_bind_int64 (job->insert, 1, id);
      gdn_store_bind_record (job->store, job->insert, job->row, 2, NULL);
      if (!exec_stmt (job, job->insert, error))
        return FALSE;
      gdn_record_set_id (job->row, id);
    }
  else if (insert)
    {
      gdn_store_bind_record (job->store, job->insert, job->row, 1, NULL);
      if (!exec_stmt (job, job->insert, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (gdn_database_get_handle (job->db));
      gdn_record_set_id (job->row, id);
    }
  else
    {
      id = gdn_record_get_id (job->row);
      gdn_store_bind_record (job->store, job->update, job->row, 1, NULL);
      sqlite3_bind_int64 (job->update, (int) n_written + 1, id);
      if (!exec_stmt (job, job->update, error))
        return FALSE;
    }

  if (job->is_orders)
    {
      const char *status = gdn_record_get_string (job->row, "status");

      if (replace_lines)
        {
          sqlite3_stmt *line_stmt = insert && job->staging ? job->stage_line : job->insert_line;

          if (!insert)
            {
              sqlite3_bind_int64 (job->delete_lines, 1, id);
              if (!exec_stmt (job, job->delete_lines, error))
                return FALSE;
            }
          for (guint i = 0; i < job->lines->len; i++)
            {
              bind_line (job, line_stmt, &g_array_index (job->lines, Line, i), id, i + 1);
              if (!exec_stmt (job, line_stmt, error))
                return FALSE;
            }
        }

      /* (the events of created orders are written together at the end) */
      if (!insert && g_strcmp0 (old_status, status) != 0)
        {
          sqlite3_stmt *e = job->insert_event;

          sqlite3_bind_int64 (e, 1, id);
          sqlite3_bind_text (e, 2, job->now, -1, SQLITE_STATIC);
          bind_text_or_null (e, 3, old_status);
          sqlite3_bind_text (e, 4, status, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (e, 5, job->note, -1, SQLITE_STATIC);
          sqlite3_bind_text (e, 6, job->who, -1, SQLITE_STATIC);
          if (!exec_stmt (job, e, error))
            return FALSE;
        }
    }

  if (replace_links)
    {
      if (!insert)
        {
          sqlite3_bind_int64 (job->delete_links, 1, id);
          if (!exec_stmt (job, job->delete_links, error))
            return FALSE;
        }
      for (guint i = 0; i < job->list_ids->len; i++)
        {
          sqlite3_bind_int64 (job->insert_link, 1, id);
          sqlite3_bind_int64 (job->insert_link, 2, g_array_index (job->list_ids, gint64, i));
          if (!exec_stmt (job, job->insert_link, error))
            return FALSE;
        }
    }

  /* Created records are those above job->last_old_id, and get their audit rows at the
   * end in one statement; updated ones are remembered for the search text. */
  if (insert)
    return TRUE;
  sqlite3_bind_int64 (job->audit, 1, id);
  if (!exec_stmt (job, job->audit, error))
    return FALSE;
  sqlite3_bind_int64 (job->mark, 1, id);
  return exec_stmt (job, job->mark, error);
}

/* Returns FALSE only for failures that end the whole import (the disk, a lock). */
gboolean
gdn_import_write_unit_guarded (Job         *job,
                               guint        line,
                               gboolean     insert,
                               gboolean     replace_lines,
                               gboolean     replace_links,
                               const char  *old_status,
                               gboolean    *written,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  *written = FALSE;
  if (job->skip_invalid && !run_control (job, job->savepoint, error))
    return FALSE;

  if (write_unit (job, insert, replace_lines, replace_links, old_status, &local_error))
    {
      *written = TRUE;
      return !job->skip_invalid || run_control (job, job->release, error);
    }

  if (job->skip_invalid)
    {
      run_control (job, job->rollback_to, NULL);
      run_control (job, job->release, NULL);
    }
  if (local_error->domain != GDN_VALIDATION_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  gdn_import_row_error (job, line, -1, "%s", local_error->message);
  return TRUE;
}

gboolean
gdn_import_record_differs (Job *job)
{
  GdnRecordClass *klass = job->klass;

  if (gdn_record_get_deleted_at (job->existing) != NULL)
    return TRUE;   /* in the trash: restored */

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const GdnField *f = &klass->fields[i];
      const GValue *a, *b;

      if (f->flags & (GDN_FIELD_DERIVED | GDN_FIELD_STORE))
        continue;
      a = gdn_record_get_value_at (job->existing, i);
      b = gdn_record_get_value_at (job->row, i);
      switch (f->type)
        {
        case GDN_FIELD_INT:
        case GDN_FIELD_REF:
          if (g_value_get_int64 (a) != g_value_get_int64 (b))
            return TRUE;
          break;
        case GDN_FIELD_REAL:
          if (!same_double (g_value_get_double (a), g_value_get_double (b)))
            return TRUE;
          break;
        case GDN_FIELD_BOOL:
          if (g_value_get_boolean (a) != g_value_get_boolean (b))
            return TRUE;
          break;
        case GDN_FIELD_TEXT:
        case GDN_FIELD_DATE:
        case GDN_FIELD_DATETIME:
        case GDN_FIELD_ENUM:
        default:
          {
            const char *x = g_value_get_string (a), *y = g_value_get_string (b);
            if (g_strcmp0 (x && *x ? x : NULL, y && *y ? y : NULL) != 0)
              return TRUE;
          }
          break;
        }
    }
  return FALSE;
}

/* Setting up */

static char *
select_list (GdnRecordClass *klass)
{
  GString *s = g_string_new ("t.id, t.created_at, t.updated_at, t.deleted_at, t.version");

  /* derived columns are not needed to compare or write, and can be costly */
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (klass->fields[i].flags & GDN_FIELD_DERIVED)
        g_string_append (s, ", NULL");
      else
        g_string_append_printf (s, ", t.%s", klass->fields[i].name);
    }
  return g_string_free (s, FALSE);
}

static char *
insert_sql (GdnRecordClass *klass)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (s, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!(klass->fields[i].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (s, "%s%s", n++ ? ", " : "", klass->fields[i].name);
  g_string_append (s, ") VALUES (");
  for (guint i = 0; i < n; i++)
    g_string_append (s, i ? ", ?" : "?");
  g_string_append (s, ")");
  return g_string_free (s, FALSE);
}

/* The written columns of @klass, with a prefix */
static char *
column_list (GdnRecordClass *klass,
             const char     *first)
{
  GString *s = g_string_new (first);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!(klass->fields[i].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (s, "%s%s", s->len ? ", " : "", klass->fields[i].name);
  return g_string_free (s, FALSE);
}

static char *
update_sql (GdnRecordClass *klass)
{
  GString *s = g_string_new (NULL);
  guint n = 0;

  g_string_append_printf (s, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < klass->n_fields; i++)
    if (!(klass->fields[i].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (s, "%s%s = ?", n++ ? ", " : "", klass->fields[i].name);
  g_string_append (s, ", version = version + 1, updated_at = datetime('now','localtime'),"
                      " deleted_at = NULL WHERE id = ?");
  return g_string_free (s, FALSE);
}

static char *
find_sql (Job        *job,
          const char *where)
{
  g_autofree char *cols = select_list (job->klass);

  /* a live record before one in the trash, should both match a composite key */
  return g_strdup_printf ("SELECT %s FROM %s t WHERE %s"
                          " ORDER BY t.deleted_at IS NOT NULL, t.id LIMIT 1",
                          cols, job->klass->table, where);
}

gboolean
gdn_import_prepare_statements (Job     *job,
                               GError **error)
{
  g_autofree char *find = NULL;
  g_autofree char *find_alt = NULL;
  g_autofree char *insert = insert_sql (job->klass);
  g_autofree char *update = update_sql (job->klass);
  g_autofree char *line_insert = NULL;
  g_autofree char *key_where = NULL;

  switch (job->kind->key)
    {
    case GDN_CSV_KEY_UNIQUE:
      key_where = g_strdup_printf ("t.%s = ?1", job->kind->key_field);
      find = find_sql (job, key_where);
      break;
    case GDN_CSV_KEY_CONTACT:
      find = find_sql (job, "t.customer_id = ?1 AND t.name = ?2");
      break;
    case GDN_CSV_KEY_SHIPMENT:
      find = find_sql (job, "t.order_id = ?1 AND t.tracking_no = ?2");
      find_alt = find_sql (job, "t.order_id = ?1 AND t.tracking_no IS NULL AND t.carrier = ?2"
                                " AND t.shipped_date IS ?3");
      break;
    case GDN_CSV_KEY_SURVEY:
      find = find_sql (job, "t.customer_id = ?1 AND t.order_id IS ?2 AND t.case_id IS ?3"
                            " AND t.date = ?4");
      break;
    case GDN_CSV_KEY_INTERACTION:
    default:
      find = find_sql (job, "t.customer_id = ?1 AND t.at = ?2 AND t.channel = ?3"
                            " AND t.summary = ?4");
      break;
    }

  /* Created orders are written at the end, all in one statement, and their lines in
   * another: row by row, each insert fires its triggers inside a statement journal, at
   * whose every start FTS5 writes out the words it holds, and SQLite writes the same rows
   * four times as fast in one statement. Until then they wait in temporary tables of the
   * same columns, with the ids they will have (nothing else writes orders meanwhile). */
  job->staging = job->writing && job->is_orders;
  if (job->staging)
    {
      g_autofree char *cols = column_list (job->klass, "id");
      g_autofree char *line_cols = column_list (job->line_klass, "");
      g_autofree char *sql = NULL;
      g_autoptr(GString) params = g_string_new ("?1");

      sql = g_strdup_printf ("CREATE TEMP TABLE IF NOT EXISTS gdn_import_new AS"
                             " SELECT %s FROM main.orders WHERE 0;"
                             "DELETE FROM temp.gdn_import_new;"
                             "CREATE TEMP TABLE IF NOT EXISTS gdn_import_new_lines AS"
                             " SELECT %s FROM main.order_lines WHERE 0;"
                             "DELETE FROM temp.gdn_import_new_lines;", cols, line_cols);
      if (!gdn_database_exec (job->db, sql, error))
        return FALSE;
      for (guint i = 0, n = 1; i < job->klass->n_fields; i++)
        if (!(job->klass->fields[i].flags & GDN_FIELD_DERIVED))
          g_string_append_printf (params, ", ?%u", ++n);
      g_free (insert);
      insert = g_strdup_printf ("INSERT INTO temp.gdn_import_new (%s) VALUES (%s)", cols,
                                params->str);
    }

  /* the records this import wrote, for refreshing search text in one statement */
  if (job->writing &&
      (!gdn_database_exec (job->db, "CREATE TEMP TABLE IF NOT EXISTS gdn_import_ids"
                                    " (id INTEGER PRIMARY KEY)", error) ||
       !gdn_database_exec (job->db, "DELETE FROM temp.gdn_import_ids", error)))
    return FALSE;

#define PREPARE(member, sql) \
  if ((job->member = prepare (job, sql, error)) == NULL) \
    return FALSE

  PREPARE (find_customer, "SELECT id FROM customers WHERE code = ?");
  PREPARE (find_order, "SELECT id FROM orders WHERE order_no = ?");
  PREPARE (find_case, "SELECT id FROM cases WHERE case_no = ?");
  PREPARE (find_contact, "SELECT id FROM contacts WHERE customer_id = ? AND name = ?");
  PREPARE (select_existing, find);
  if (find_alt != NULL)
    PREPARE (select_existing_alt, find_alt);
  PREPARE (insert, insert);
  PREPARE (update, update);
  PREPARE (audit, "INSERT INTO audit_log (at, who, table_name, record_id, action)"
                  " VALUES (?2, ?3, ?4, ?1, 'import')");
  if (job->writing)
    PREPARE (mark, "INSERT OR IGNORE INTO temp.gdn_import_ids (id) VALUES (?)");
  PREPARE (savepoint, "SAVEPOINT gdn_import_unit");
  PREPARE (release, "RELEASE gdn_import_unit");
  PREPARE (rollback_to, "ROLLBACK TO gdn_import_unit");

  sqlite3_bind_text (job->audit, 2, job->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (job->audit, 3, job->who, -1, SQLITE_STATIC);
  sqlite3_bind_text (job->audit, 4, job->klass->table, -1, SQLITE_STATIC);

  if (job->is_orders)
    {
      static const char * const line_fields[] = {
        "order_id", "position", "product_code", "product_name", "spec", "unit", "quantity",
        "unit_price",
      };

      /* the parameter of each field in insert_sql()'s column list */
      for (guint k = 0; k < G_N_ELEMENTS (line_fields); k++)
        {
          int param = 0;

          for (guint i = 0; i < job->line_klass->n_fields; i++)
            {
              if (job->line_klass->fields[i].flags & GDN_FIELD_DERIVED)
                continue;
              param++;
              if (strcmp (job->line_klass->fields[i].name, line_fields[k]) == 0)
                break;
            }
          job->line_params[k] = param;
        }
      line_insert = insert_sql (job->line_klass);
      PREPARE (select_lines, "SELECT product_code, product_name, spec, unit, quantity,"
                             " unit_price FROM order_lines WHERE order_id = ?"
                             " ORDER BY position, id");
      PREPARE (delete_lines, "DELETE FROM order_lines WHERE order_id = ?");
      PREPARE (insert_line, line_insert);
      if (job->staging)
        {
          g_autofree char *stage = g_strdup_printf ("INSERT INTO temp.gdn_import_new_lines%s",
                                                    strstr (line_insert, " ("));
          PREPARE (stage_line, stage);
        }
      PREPARE (insert_event, "INSERT INTO order_events (order_id, at, from_status, to_status,"
                             " note, who) VALUES (?, ?, ?, ?, ?, ?)");
    }
  if (job->list_column >= 0)
    {
      PREPARE (select_links, "SELECT order_id FROM contract_orders WHERE contract_id = ?"
                             " ORDER BY order_id");
      PREPARE (delete_links, "DELETE FROM contract_orders WHERE contract_id = ?");
      PREPARE (insert_link, "INSERT OR IGNORE INTO contract_orders (contract_id, order_id)"
                            " VALUES (?, ?)");
    }
#undef PREPARE
  return TRUE;
}

gboolean
gdn_import_refresh_search (Job     *job,
                           GError **error)
{
  static const struct
  {
    const char *kind;
    GType     (*type) (void);
    const char *where;
  } refresh[] = {
    /* the imported records themselves: created (see job->last_old_id) or updated */
    { NULL, NULL, "id > %1$s OR id IN (SELECT id FROM temp.gdn_import_ids)" },
    /* a customer's code and name are part of the search text of its records */
    { "customers", gdn_order_get_type, "customer_id IN (SELECT id FROM temp.gdn_import_ids)" },
    { "customers", gdn_case_get_type, "customer_id IN (SELECT id FROM temp.gdn_import_ids)" },
    { "customers", gdn_contract_get_type,
      "customer_id IN (SELECT id FROM temp.gdn_import_ids)" },
    { "customers", gdn_shipment_get_type,
      "order_id IN (SELECT o.id FROM orders o WHERE o.customer_id IN"
      " (SELECT id FROM temp.gdn_import_ids))" },
    /* and an order's number and customer are part of its shipments' */
    { "orders", gdn_shipment_get_type, "order_id IN (SELECT id FROM temp.gdn_import_ids)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refresh); i++)
    {
      g_autoptr(GdnRecordClass) klass = NULL;
      g_autofree char *sql = NULL;

      if (refresh[i].kind != NULL && strcmp (refresh[i].kind, job->kind->name) != 0)
        continue;
      klass = g_type_class_ref (refresh[i].type ? refresh[i].type () : job->type);
      if (klass->search_expr == NULL)
        continue;
      sql = g_strdup_printf ("UPDATE %s SET search_text = (%s) WHERE %s",
                             klass->table, klass->search_expr, refresh[i].where);
      if (strstr (sql, "%1$s") != NULL && job->bulk)
        {
          /* the created ones were written with theirs */
          g_autoptr(GString) s = g_string_new (sql);

          g_string_replace (s, "id > %1$s OR ", "", 0);
          g_free (sql);
          sql = g_string_free (g_steal_pointer (&s), FALSE);
        }
      else if (strstr (sql, "%1$s") != NULL)
        {
          g_autofree char *last = g_strdup_printf ("%" G_GINT64_FORMAT, job->last_old_id);
          g_autoptr(GString) s = g_string_new (sql);

          g_string_replace (s, "%1$s", last, 0);
          g_free (sql);
          sql = g_string_free (g_steal_pointer (&s), FALSE);
        }
      if (!gdn_database_exec (job->db, sql, error))
        return FALSE;
    }
  return TRUE;
}

/* A large import writes its created orders set-based: the triggers that would copy the
 * customer into each row, index its search text and add its KPI shares one row at a time
 * are dropped inside the import's transaction, and what they do is done once for all the
 * rows; when the import at least doubles the orders, their indexes are dropped too and
 * made again by sorting, which is several times faster than growing them row by row. The
 * schema comes back as it was, in the same transaction: a failure or a crash leaves the
 * file as it was before. */
static guint bulk_orders = 1000;
static guint bulk_index_orders = 10000;

/**
 * gdn_import_set_bulk_for_testing:
 * @orders: from how many created orders an import writes them set-based
 * @index_orders: and from how many it makes the orders' indexes again
 *
 * For tests that compare the ways of writing.
 */
void
gdn_import_set_bulk_for_testing (guint orders,
                                 guint index_orders)
{
  bulk_orders = orders;
  bulk_index_orders = index_orders;
}

/**
 * gdn_import_may_write_bulk:
 * @n_units: the records of the file
 *
 * Whether the import may write its orders set-based (if most of them are created).
 */
gboolean
gdn_import_may_write_bulk (Job   *job,
                           guint  n_units)
{
  return job->staging && n_units >= bulk_orders;
}

/* From job->write_from to the end, as the steps of the writing are done */
static void
report_write_step (Job   *job,
                   guint  done,
                   guint  n_steps)
{
  gdn_import_report_progress (job, job->write_from + (0.99 - job->write_from) * done / n_steps);
}

/* the orders' triggers on INSERT, and the one on UPDATE OF search_text */
static const char * const bulk_triggers[] = {
  "orders_customer_ai", "orders_fts_ai", "orders_kpi_ai", "orders_fts_au",
};

/* Saves the SQL of what @where selects in sqlite_master into @saved, and drops it */
static gboolean
drop_saved (Job         *job,
            const char  *type,
            const char  *where,
            GPtrArray   *saved,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name, sql FROM sqlite_master"
                                          " WHERE type = '%s' AND sql IS NOT NULL AND %s"
                                          " ORDER BY rowid", type, where);
  g_autoptr(sqlite3_stmt) stmt = prepare (job, sql, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (job->db, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP %s %s", type,
                                               (const char *) names->pdata[i]);

      if (!gdn_database_exec (job->db, drop, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs what drop_saved() saved (or only what mentions @only), each a step of @n_steps
 * when @done is given */
static gboolean
exec_saved (Job         *job,
            GPtrArray   *saved,
            const char  *only,
            guint       *done,
            guint        n_steps,
            GError     **error)
{
  for (guint i = 0; i < saved->len; i++)
    {
      const char *sql = saved->pdata[i];

      if (sql == NULL || (only != NULL && strstr (sql, only) == NULL))
        continue;
      if (!gdn_database_exec (job->db, sql, error))
        return FALSE;
      g_clear_pointer (&saved->pdata[i], g_free);
      if (done != NULL)
        report_write_step (job, ++*done, n_steps);
    }
  return TRUE;
}

/* Drops the triggers (and, for an import that at least doubles the orders, the indexes)
 * that would do row by row what finish_bulk() does once */
static gboolean
start_bulk (Job        *job,
            gint64      n_created,
            GPtrArray  *triggers,
            GPtrArray  *indexes,
            GError    **error)
{
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *where = NULL;
  gint64 n_old;

  for (guint i = 0; i < G_N_ELEMENTS (bulk_triggers); i++)
    g_string_append_printf (names, "%s'%s'", i ? ", " : "", bulk_triggers[i]);
  where = g_strdup_printf ("name IN (%s)", names->str);
  if (!drop_saved (job, "trigger", where, triggers, error))
    return FALSE;

  n_old = gdn_database_query_int (job->db, "SELECT count(*) FROM orders", error);
  if (n_old < 0)
    return FALSE;
  return n_created < bulk_index_orders || n_created < n_old ||
         drop_saved (job, "index", "tbl_name IN ('orders', 'order_lines')", indexes, error);
}

/* After the rows: their lines' index, the search text, the other indexes, the text's
 * index, the KPI totals, and the triggers back */
static gboolean
finish_bulk (Job        *job,
             GPtrArray  *triggers,
             GPtrArray  *indexes,
             GError    **error)
{
  /* the rows, each index, the search text, its index, the KPI totals */
  guint done = 1, n_steps = 4 + indexes->len;
  g_autofree char *sql = NULL;

  report_write_step (job, done, n_steps);
  /* the search text reads the lines by their order */
  if (!exec_saved (job, indexes, " ON order_lines", &done, n_steps, error))
    return FALSE;
  sql = g_strdup_printf ("UPDATE orders SET search_text = (%s) WHERE id > %" G_GINT64_FORMAT,
                         job->klass->search_expr, job->last_old_id);
  if (!gdn_database_exec (job->db, sql, error))
    return FALSE;
  report_write_step (job, ++done, n_steps);
  if (!exec_saved (job, indexes, NULL, &done, n_steps, error))
    return FALSE;

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO orders_fts (rowid, search_text)"
                         " SELECT id, search_text FROM orders WHERE id > %" G_GINT64_FORMAT
                         " ORDER BY id", job->last_old_id);
  if (!gdn_database_exec (job->db, sql, error))
    return FALSE;
  report_write_step (job, ++done, n_steps);
  if (!gdn_migration_add_order_days (gdn_database_get_handle (job->db), job->last_old_id,
                                     error))
    return FALSE;
  job->bulk = TRUE;
  /* (the triggers come back at once: no step of their own) */
  if (!exec_saved (job, triggers, NULL, NULL, 0, error))
    return FALSE;
  report_write_step (job, ++done, n_steps);
  return TRUE;
}

/* The created orders, with their customer's code and name, then their lines, from the
 * temporary tables (see above). */
gboolean
gdn_import_write_staged (Job     *job,
                         GError **error)
{
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) select = g_string_new ("n.id");
  g_autofree char *cols = NULL;
  g_autofree char *line_cols = NULL;
  g_autofree char *sql = NULL;
  gint64 n_created = job->next_id - job->last_old_id - 1;
  gboolean bulk = n_created >= bulk_orders;

  if (!job->staging)
    return TRUE;
  if (bulk && !start_bulk (job, n_created, triggers, indexes, error))
    return FALSE;

  cols = column_list (job->klass, "id");
  line_cols = column_list (job->line_klass, "");
  for (guint i = 0; i < job->klass->n_fields; i++)
    if (!(job->klass->fields[i].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (select, ", n.%s", job->klass->fields[i].name);
  sql = g_strdup_printf ("INSERT INTO main.orders (%s, customer_code, customer_name)"
                         " SELECT %s, c.code, c.name FROM temp.gdn_import_new n"
                         " LEFT JOIN main.customers c ON c.id = n.customer_id ORDER BY n.id;"
                         "INSERT INTO main.order_lines (%s) SELECT %s"
                         " FROM temp.gdn_import_new_lines ORDER BY rowid;"
                         "DELETE FROM temp.gdn_import_new;"
                         "DELETE FROM temp.gdn_import_new_lines;",
                         cols, select->str, line_cols, line_cols);
  if (!gdn_database_exec (job->db, sql, error))
    return FALSE;
  return !bulk || finish_bulk (job, triggers, indexes, error);
}

/* What every created record gets: an audit row, and for an order its first event. One
 * statement each instead of one per record. */
gboolean
gdn_import_write_created (Job     *job,
                          GError **error)
{
  g_autofree char *audit = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  audit = g_strdup_printf ("INSERT INTO audit_log (at, who, table_name, record_id, action)"
                           " SELECT ?1, ?2, '%s', id, 'import' FROM %s WHERE id > ?3"
                           " ORDER BY id", job->klass->table, job->klass->table);
  if ((stmt = prepare (job, audit, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->who, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, job->last_old_id);
  if (!exec_stmt (job, stmt, error))
    return FALSE;

  if (!job->is_orders)
    return TRUE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  if ((stmt = prepare (job, "INSERT INTO order_events (order_id, at, from_status, to_status,"
                            " note, who) SELECT id, ?1, NULL, status, ?2, ?3 FROM orders"
                            " WHERE id > ?4 ORDER BY id", error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, job->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, job->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, job->who, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, job->last_old_id);
  return exec_stmt (job, stmt, error);
}

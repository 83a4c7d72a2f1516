/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "gdn-import-private.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"

/* The cells of one unit become values: cleaned, parsed in every form CSV.md allows,
 * references looked up; whatever is wrong becomes a problem naming line and column. */

const char * const gdn_import_line_text_fields[4] = {
  "product_code", "product_name", "spec", "unit"
};

/* Problems */

void
gdn_import_add_problem (Job               *job,
                        guint              line,
                        const char        *column,
                        GdnImportSeverity  severity,
                        const char        *message)
{
  g_ptr_array_add (job->results->problems,
                   gdn_import_problem_new (line, column, message, severity));
  if (severity == GDN_IMPORT_SEVERITY_WARNING)
    {
      job->results->n_warnings++;
      return;
    }

  job->results->n_errors++;
  job->unit_bad = TRUE;
  if (line != job->last_error_line)
    {
      job->n_bad_rows++;
      job->last_error_line = line;
    }
}

void
gdn_import_row_error (Job        *job,
                      guint       line,
                      int         column,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  const char *header = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (column >= 0 && job->col_to_file[column] >= 0)
    header = g_ptr_array_index (job->headers, job->col_to_file[column]);
  else if (column >= 0)
    header = job->kind->columns[column].name;
  gdn_import_add_problem (job, line, header, GDN_IMPORT_SEVERITY_ERROR, message);
}

void
gdn_import_row_warning (Job        *job,
                        guint       line,
                        const char *header,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  gdn_import_add_problem (job, line, header, GDN_IMPORT_SEVERITY_WARNING, message);
}

/* The kind column that fills @field (of the record, or of an order line with @line). */
int
gdn_import_column_for_field (Job        *job,
                             const char *field,
                             gboolean    line)
{
  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];

      if ((col->value == GDN_CSV_VALUE_LINE) == line && strcmp (col->field, field) == 0)
        return (int) c;
    }
  return -1;
}

void
gdn_import_validation_problem (Job          *job,
                               guint         line,
                               const GError *error,
                               gboolean      in_line)
{
  const char *field = gdn_validation_error_get_field (error);
  int column = field ? gdn_import_column_for_field (job, field, in_line) : -1;

  if (column < 0 && field != NULL)
    {
      /* a field without a column of its own: name it as the schema does */
      gdn_import_add_problem (job, line, field, GDN_IMPORT_SEVERITY_ERROR, error->message);
      return;
    }
  gdn_import_row_error (job, line, column, "%s", error->message);
}

/* Cells */

static gboolean
is_space (const char *p,
          gsize      *len)
{
  if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    {
      *len = 1;
      return TRUE;
    }
  if (g_str_has_prefix (p, "\u3000"))
    {
      *len = strlen ("\u3000");
      return TRUE;
    }
  return FALSE;
}

/* A cell without surrounding spaces, and without the ' an export put before a formula
 * character (see gdn_csv_append_field()). */
static const char *
clean_cell (Job        *job,
            const char *raw)
{
  const char *start = raw, *end;
  gsize n;

  if (*raw == '\0')
    return raw;

  while (*start != '\0' && is_space (start, &n))
    start += n;
  end = start + strlen (start);
  while (end > start)
    {
      const char *p = end - 1;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        end = p;
      else if (end - start >= 3 && memcmp (end - 3, "\u3000", 3) == 0)
        end -= 3;
      else
        break;
    }

  if (*start == '\'' && start[1] != '\0' && strchr ("=+-@\t\r", start[1]) != NULL)
    start++;

  if (start == raw && *end == '\0')
    return raw;
  return g_string_chunk_insert_len (job->scratch, start, end - start);
}

const char *
gdn_import_cell (Job       *job,
                 const Row *row,
                 int        column)
{
  int f;

  if (column < 0 || (f = job->col_to_file[column]) < 0 || (guint) f >= row->n)
    return "";
  return clean_cell (job, g_ptr_array_index (job->cells, row->first + f));
}

/* References: looked up once per distinct value (sheets repeat the same customer). */
static gint64
lookup_id (Job          *job,
           GHashTable   *cache,
           sqlite3_stmt *stmt,
           const char   *key,
           gint64        scope,
           const char   *text)
{
  gpointer value;
  gint64 id = 0;

  if (g_hash_table_lookup_extended (cache, key, NULL, &value))
    return (gint64) GPOINTER_TO_SIZE (value);

  if (scope > 0)
    {
      sqlite3_bind_int64 (stmt, 1, scope);
      sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
    }
  else
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  g_hash_table_insert (cache, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

/* Parsing one cell */

static char *
describe_enum (const GdnEnumInfo *info)
{
  GString *s = g_string_new (NULL);

  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    {
      g_autofree char *zh = g_strdup (v->csv_zh);

      g_strdelimit (zh, "|", '/');
      g_string_append_printf (s, "%s%s (%s)", s->len ? ", " : "", v->value, zh);
    }
  return g_string_free (s, FALSE);
}

static const char *
parse_enum (Job               *job,
            guint              column,
            const GdnEnumInfo *info,
            const char        *text)
{
  GHashTable *cache = job->enum_caches[column];
  const char *value;

  if (cache == NULL)
    cache = job->enum_caches[column] = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  value = g_hash_table_lookup (cache, text);
  if (value == NULL)
    {
      /* "" remembers that the text names no value */
      value = gdn_enum_parse (info, text);
      if (value == NULL)
        value = "";
      g_hash_table_insert (cache, g_strdup (text), (gpointer) value);
    }
  return *value != '\0' ? value : NULL;
}

/* Parses @text for @field into @v (initialised to the field's type); FALSE after
 * reporting the problem. */
static gboolean
parse_field (Job            *job,
             const Row      *row,
             guint           column,
             const GdnField *field,
             const char     *text,
             GValue         *v)
{
  double d;
  gboolean b;

  switch (field->type)
    {
    case GDN_FIELD_TEXT:
      g_value_set_string (v, text);
      return TRUE;

    case GDN_FIELD_DATE:
      {
        char *iso = gdn_date_is_valid (text) ? g_strdup (text) : gdn_parse_date (text);

        if (iso == NULL)
          {
            gdn_import_row_error (job, row->line, column,
                                  _("“%s” is not a date; write it as 2026-10-05, 2026/10/5, "
                                    "2026.10.05 or 2026年10月5日"), text);
            return FALSE;
          }
        g_value_take_string (v, iso);
        return TRUE;
      }

    case GDN_FIELD_DATETIME:
      {
        char *iso = gdn_datetime_is_valid (text) ? g_strdup (text)
                                                 : gdn_parse_datetime (text);

        if (iso == NULL)
          {
            gdn_import_row_error (job, row->line, column,
                                  _("“%s” is not a date and time; write it as 2026-10-05 "
                                    "14:30"), text);
            return FALSE;
          }
        g_value_take_string (v, iso);
        return TRUE;
      }

    case GDN_FIELD_ENUM:
      {
        const char *value = parse_enum (job, column, field->enum_info, text);

        if (value == NULL)
          {
            g_autofree char *known = describe_enum (field->enum_info);
            gdn_import_row_error (job, row->line, column, _("“%s” is not one of %s"), text, known);
            return FALSE;
          }
        g_value_set_string (v, value);
        return TRUE;
      }

    case GDN_FIELD_INT:
      if (!gdn_parse_number (text, &d) || d != floor (d) || fabs (d) > 1e15)
        {
          gdn_import_row_error (job, row->line, column, _("“%s” is not a whole number"), text);
          return FALSE;
        }
      if (d < 0)
        {
          gdn_import_row_error (job, row->line, column, _("“%s” is negative"), text);
          return FALSE;
        }
      g_value_set_int64 (v, (gint64) d);
      return TRUE;

    case GDN_FIELD_REAL:
      if (!gdn_parse_number (text, &d))
        {
          gdn_import_row_error (job, row->line, column, _("“%s” is not a number"), text);
          return FALSE;
        }
      g_value_set_double (v, d);
      return TRUE;

    case GDN_FIELD_BOOL:
      if (!gdn_parse_bool (text, &b))
        {
          gdn_import_row_error (job, row->line, column, _("“%s” is not yes or no (是 or 否)"), text);
          return FALSE;
        }
      g_value_set_boolean (v, b);
      return TRUE;

    case GDN_FIELD_REF:
    default:
      g_return_val_if_reached (FALSE);
    }
}

gint64
gdn_import_given_id (Job *job,
                     int  column)
{
  return column >= 0 && job->given[column] ? g_value_get_int64 (&job->values[column]) : 0;
}

static int
find_column_by_value (Job         *job,
                      GdnCsvValue  value)
{
  for (guint c = 0; c < job->kind->n_columns; c++)
    if (job->kind->columns[c].value == value)
      return (int) c;
  return -1;
}

/* Order numbers of a contract, "D2026-0001; D2026-0002" (also with full-width '；'). */
static gboolean
parse_order_list (Job        *job,
                  const Row  *row,
                  guint       column,
                  const char *text)
{
  g_autofree char *copy = g_strdup (text);
  g_auto(GStrv) parts = NULL;
  gboolean ok = TRUE;
  char *p;

  while ((p = strstr (copy, "；")) != NULL)
    {
      memmove (p + 1, p + strlen ("；"), strlen (p + strlen ("；")) + 1);
      *p = ';';
    }
  parts = g_strsplit (copy, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *no = g_strstrip (parts[i]);
      gint64 id;

      if (*no == '\0')
        continue;
      id = lookup_id (job, job->orders, job->find_order, no, 0, no);
      if (id <= 0)
        {
          gdn_import_row_error (job, row->line, column, _("Order “%s” does not exist"), no);
          ok = FALSE;
          continue;
        }
      g_array_append_val (job->list_ids, id);
    }
  return ok;
}

/* Parses the record columns of @row into job->values. */
void
gdn_import_parse_record_columns (Job       *job,
                                 const Row *row)
{
  int customer_column = find_column_by_value (job, GDN_CSV_VALUE_CUSTOMER);

  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];
      const char *text;
      gint64 id = 0;

      job->given[c] = FALSE;
      if (col->value == GDN_CSV_VALUE_LINE || job->col_to_file[c] < 0)
        continue;

      text = gdn_import_cell (job, row, (int) c);
      if (*text == '\0')
        continue;

      switch (col->value)
        {
        case GDN_CSV_VALUE_FIELD:
          job->given[c] = parse_field (job, row, c,
                                       &job->klass->fields[job->col_to_field[c]], text,
                                       &job->values[c]);
          continue;

        case GDN_CSV_VALUE_ORDER_LIST:
          job->given[c] = TRUE;
          parse_order_list (job, row, c, text);
          continue;

        case GDN_CSV_VALUE_CUSTOMER:
          id = lookup_id (job, job->customers, job->find_customer, text, 0, text);
          if (id <= 0)
            gdn_import_row_error (job, row->line, c, _("Customer “%s” does not exist"), text);
          break;

        case GDN_CSV_VALUE_ORDER:
          id = lookup_id (job, job->orders, job->find_order, text, 0, text);
          if (id <= 0)
            gdn_import_row_error (job, row->line, c, _("Order “%s” does not exist"), text);
          break;

        case GDN_CSV_VALUE_CASE:
          id = lookup_id (job, job->cases, job->find_case, text, 0, text);
          if (id <= 0)
            gdn_import_row_error (job, row->line, c, _("Case “%s” does not exist"), text);
          break;

        case GDN_CSV_VALUE_CONTACT:
          {
            gint64 customer = gdn_import_given_id (job, customer_column);
            g_autofree char *key = NULL;

            if (customer <= 0)
              continue;   /* the customer's own problem is reported */
            key = g_strdup_printf ("%" G_GINT64_FORMAT GDN_IMPORT_KEY_SEP "%s", customer, text);
            id = lookup_id (job, job->contacts, job->find_contact, key, customer, text);
            if (id <= 0)
              gdn_import_row_error (job, row->line, c,
                                    _("Contact “%s” of this customer does not exist"), text);
          }
          break;

        case GDN_CSV_VALUE_LINE:
        default:
          g_assert_not_reached ();
        }

      if (id > 0)
        {
          g_value_set_int64 (&job->values[c], id);
          job->given[c] = TRUE;
        }
    }
}

/* Order lines */

static void
set_line_record (Job        *job,
                 const Line *line,
                 gint64      order_id,
                 guint       position)
{
  GdnRecord *r = job->line_record;

  gdn_record_set_int (r, "order_id", order_id);
  gdn_record_set_int (r, "position", position);
  for (guint i = 0; i < G_N_ELEMENTS (gdn_import_line_text_fields); i++)
    gdn_record_set_string (r, gdn_import_line_text_fields[i], line->texts[i]);
  gdn_record_set_double (r, "quantity", line->quantity);
  gdn_record_set_double (r, "unit_price", line->unit_price);
}

/* The checks of gdn_record_validate() for a line, without building a record for each of
 * a hundred thousand lines; a line class with rules of its own gets the full check. */
static gboolean
validate_line (Job        *job,
               const Line *line)
{
  const double values[] = { line->quantity, line->unit_price };
  const char * const names[] = { "quantity", "unit_price" };
  g_autoptr(GError) error = NULL;

  if (job->line_klass->validate != NULL)
    {
      /* the order is not written yet; any id lets the line's own rules be checked */
      set_line_record (job, line, G_MAXINT32, job->lines->len + 1);
      if (!gdn_record_validate (job->line_record, &error))
        {
          gdn_import_validation_problem (job, line->line, error, TRUE);
          return FALSE;
        }
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      const GdnField *f =
        &job->line_klass->fields[gdn_record_class_find_field (job->line_klass, names[i])];

      if (!isnan (values[i]) && f->min < f->max && (values[i] < f->min || values[i] > f->max))
        {
          gdn_set_validation_error (&error, GDN_VALIDATION_ERROR_INVALID, f->name,
                                    _("%s must be between %g and %g"),
                                    g_dgettext (GETTEXT_PACKAGE, f->label), f->min, f->max);
          gdn_import_validation_problem (job, line->line, error, TRUE);
          return FALSE;
        }
    }
  return TRUE;
}

void
gdn_import_parse_line (Job       *job,
                       const Row *row)
{
  Line line = { { NULL }, NAN, NAN, row->line };
  gboolean any = FALSE, ok = TRUE;

  for (guint c = 0; c < job->kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &job->kind->columns[c];
      const char *text;

      if (col->value != GDN_CSV_VALUE_LINE)
        continue;
      text = gdn_import_cell (job, row, (int) c);
      if (*text == '\0')
        continue;
      any = TRUE;

      if (strcmp (col->field, "quantity") == 0 || strcmp (col->field, "unit_price") == 0)
        {
          g_auto(GValue) v = G_VALUE_INIT;

          g_value_init (&v, G_TYPE_DOUBLE);
          if (!parse_field (job, row, c, &job->line_klass->fields[job->col_to_field[c]], text,
                            &v))
            ok = FALSE;
          else if (col->field[0] == 'q')
            line.quantity = g_value_get_double (&v);
          else
            line.unit_price = g_value_get_double (&v);
        }
      else
        {
          for (guint i = 0; i < G_N_ELEMENTS (gdn_import_line_text_fields); i++)
            if (strcmp (col->field, gdn_import_line_text_fields[i]) == 0)
              line.texts[i] = text;
        }
    }

  if (!any || !ok)
    return;

  if (!validate_line (job, &line))
    return;
  g_array_append_val (job->lines, line);
}

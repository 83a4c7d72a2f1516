/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "gdn-csv-writer.h"
#include "gdn-export.h"
#include "gdn-import-columns.h"
#include "gdn-kind.h"
#include "gdn-order-line.h"

/* Writes one kind with the columns of CSV.md, so that what it writes imports again into
 * the same records. Rows are read in pages of PAGE_SIZE records by id (orders: PAGE_SIZE
 * orders with their lines), so memory stays flat however large the table. */

#define PAGE_SIZE 500
#define XLSX_MAX_ROWS 1048576

struct _GdnExport
{
  GObject    parent_instance;

  GdnStore  *store;
  char      *kind;
  gboolean   chinese_headers;
  guint      n_rows;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIND,
  PROP_CHINESE_HEADERS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnExport, gdn_export, G_TYPE_OBJECT)

G_DEFINE_QUARK (gdn-export-error-quark, gdn_export_error)

/* A cursor over the rows of one kind, one page at a time. */
typedef struct
{
  const GdnCsvKind  *kind;
  GdnRecordClass    *klass;
  GdnRecordClass    *line_klass;
  const GdnField   **fields;     /* per column: the field whose type formats it, or NULL */
  gboolean           chinese;
  sqlite3_stmt      *page;
  GdnDatabase       *db;
  gint64             last_id;
  guint              n_in_page;
  char             **cells;      /* per column, the current row; NULL when empty */
  double            *numbers;    /* per column, when is_number */
  gboolean          *is_number;
} Cursor;

static void
cursor_free (Cursor *cursor)
{
  if (cursor->cells != NULL)
    for (guint c = 0; c < cursor->kind->n_columns; c++)
      g_free (cursor->cells[c]);
  g_free (cursor->cells);
  g_free (cursor->numbers);
  g_free (cursor->is_number);
  g_free (cursor->fields);
  g_clear_pointer (&cursor->page, sqlite3_finalize);
  if (cursor->klass != NULL)
    g_type_class_unref (cursor->klass);
  if (cursor->line_klass != NULL)
    g_type_class_unref (cursor->line_klass);
  g_free (cursor);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cursor, cursor_free)

static char *
column_sql (const GdnCsvColumn *col)
{
  switch (col->value)
    {
    case GDN_CSV_VALUE_FIELD:
      return g_strdup_printf ("t.%s", col->field);
    case GDN_CSV_VALUE_CUSTOMER:
      return g_strdup ("(SELECT c.code FROM customers c WHERE c.id = t.customer_id)");
    case GDN_CSV_VALUE_ORDER:
      return g_strdup ("(SELECT o.order_no FROM orders o WHERE o.id = t.order_id)");
    case GDN_CSV_VALUE_CASE:
      return g_strdup ("(SELECT k.case_no FROM cases k WHERE k.id = t.case_id)");
    case GDN_CSV_VALUE_CONTACT:
      return g_strdup ("(SELECT p.name FROM contacts p WHERE p.id = t.contact_id)");
    case GDN_CSV_VALUE_LINE:
      return g_strdup_printf ("l.%s", col->field);
    case GDN_CSV_VALUE_ORDER_LIST:
      /* orders in the trash are not exported, so they are not listed either */
      return g_strdup ("(SELECT group_concat(o.order_no, ';') FROM contract_orders co"
                       " JOIN orders o ON o.id = co.order_id"
                       " WHERE co.contract_id = t.id AND o.deleted_at IS NULL)");
    default:
      g_return_val_if_reached (NULL);
    }
}

static Cursor *
cursor_new (GdnExport         *self,
            const GdnCsvKind  *kind,
            GError           **error)
{
  g_autoptr(Cursor) cursor = g_new0 (Cursor, 1);
  g_autoptr(GString) cols = g_string_new ("t.id");
  g_autofree char *sql = NULL;
  gboolean lines = FALSE;

  cursor->kind = kind;
  cursor->chinese = self->chinese_headers;
  cursor->db = gdn_store_get_database (self->store);
  cursor->klass = g_type_class_ref (kind->get_type ());
  cursor->fields = g_new0 (const GdnField *, kind->n_columns);
  cursor->cells = g_new0 (char *, kind->n_columns);
  cursor->numbers = g_new0 (double, kind->n_columns);
  cursor->is_number = g_new0 (gboolean, kind->n_columns);

  for (guint c = 0; c < kind->n_columns; c++)
    {
      const GdnCsvColumn *col = &kind->columns[c];
      g_autofree char *expr = column_sql (col);

      g_string_append_printf (cols, ", %s", expr);
      if (col->value == GDN_CSV_VALUE_LINE)
        {
          lines = TRUE;
          if (cursor->line_klass == NULL)
            cursor->line_klass = g_type_class_ref (GDN_TYPE_ORDER_LINE);
          cursor->fields[c] = &cursor->line_klass->fields[
            gdn_record_class_find_field (cursor->line_klass, col->field)];
        }
      else if (col->value == GDN_CSV_VALUE_FIELD)
        cursor->fields[c] = &cursor->klass->fields[
          gdn_record_class_find_field (cursor->klass, col->field)];
    }

  if (lines)
    sql = g_strdup_printf ("SELECT %s FROM (SELECT * FROM %s WHERE deleted_at IS NULL"
                           " AND id > ?1 ORDER BY id LIMIT %d) t"
                           " LEFT JOIN order_lines l ON l.order_id = t.id"
                           " ORDER BY t.id, l.position, l.id",
                           cols->str, cursor->klass->table, PAGE_SIZE);
  else
    sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.deleted_at IS NULL AND t.id > ?1"
                           " ORDER BY t.id LIMIT %d",
                           cols->str, cursor->klass->table, PAGE_SIZE);

  cursor->page = gdn_database_prepare (cursor->db, sql, error);
  if (cursor->page == NULL)
    return NULL;
  sqlite3_bind_int64 (cursor->page, 1, 0);
  return g_steal_pointer (&cursor);
}

/* The shortest decimal text that reads back as the same double: 1280.5, not 1280.5000. */
static char *
format_real (double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];

  if (fabs (d) < 1e15)
    for (int decimals = 0; decimals <= 12; decimals++)
      {
        char format[16];

        g_snprintf (format, sizeof format, "%%.%df", decimals);
        g_ascii_formatd (buf, sizeof buf, format, d);
        if (g_ascii_strtod (buf, NULL) == d)
          return g_strdup (buf);
      }
  g_ascii_formatd (buf, sizeof buf, "%.17g", d);
  return g_strdup (buf);
}

static void
format_cell (Cursor *cursor,
             guint   c,
             int     col)
{
  sqlite3_stmt *stmt = cursor->page;
  const GdnField *f = cursor->fields[c];

  g_clear_pointer (&cursor->cells[c], g_free);
  cursor->is_number[c] = FALSE;
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return;

  switch (f ? f->type : GDN_FIELD_TEXT)
    {
    case GDN_FIELD_INT:
      cursor->numbers[c] = (double) sqlite3_column_int64 (stmt, col);
      cursor->cells[c] = g_strdup_printf ("%" G_GINT64_FORMAT,
                                          (gint64) sqlite3_column_int64 (stmt, col));
      cursor->is_number[c] = TRUE;
      break;
    case GDN_FIELD_REAL:
      cursor->numbers[c] = sqlite3_column_double (stmt, col);
      cursor->cells[c] = format_real (cursor->numbers[c]);
      cursor->is_number[c] = TRUE;
      break;
    case GDN_FIELD_BOOL:
      if (sqlite3_column_int (stmt, col) != 0)
        cursor->cells[c] = g_strdup (cursor->chinese ? "是" : "yes");
      else
        cursor->cells[c] = g_strdup (cursor->chinese ? "否" : "no");
      break;
    case GDN_FIELD_ENUM:
      {
        const char *value = (const char *) sqlite3_column_text (stmt, col);
        cursor->cells[c] = g_strdup (cursor->chinese ? gdn_enum_csv_zh (f->enum_info, value)
                                                     : value);
      }
      break;
    case GDN_FIELD_TEXT:
    case GDN_FIELD_DATE:
    case GDN_FIELD_DATETIME:
    case GDN_FIELD_REF:
    default:
      cursor->cells[c] = g_strdup ((const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

/* Returns TRUE with the next row in cursor->cells, FALSE at the end or on error. */
static gboolean
cursor_next (Cursor  *cursor,
             GError **error)
{
  for (;;)
    {
      int rc = sqlite3_step (cursor->page);

      if (rc == SQLITE_ROW)
        {
          cursor->last_id = sqlite3_column_int64 (cursor->page, 0);
          cursor->n_in_page++;
          for (guint c = 0; c < cursor->kind->n_columns; c++)
            format_cell (cursor, c, (int) c + 1);
          return TRUE;
        }

      sqlite3_reset (cursor->page);
      if (rc != SQLITE_DONE)
        {
          gdn_database_set_error (cursor->db, rc, error);
          return FALSE;
        }
      if (cursor->n_in_page == 0)
        return FALSE;

      /* the next page starts after the last record of this one */
      cursor->n_in_page = 0;
      sqlite3_bind_int64 (cursor->page, 1, cursor->last_id);
    }
}

static const GdnCsvKind *
check_kind (GdnExport  *self,
            GError    **error)
{
  const GdnCsvKind *kind = gdn_csv_kind_lookup (self->kind);

  if (kind == NULL)
    {
      g_autofree char *names = gdn_csv_kind_names ();
      g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_UNKNOWN_KIND,
                   _("“%s” cannot be exported; the kinds are %s"), self->kind, names);
    }
  return kind;
}

static void
gdn_export_dispose (GObject *object)
{
  GdnExport *self = (GdnExport *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_export_parent_class)->dispose (object);
}

static void
gdn_export_finalize (GObject *object)
{
  GdnExport *self = (GdnExport *)object;

  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (gdn_export_parent_class)->finalize (object);
}

static void
gdn_export_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GdnExport *self = GDN_EXPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CHINESE_HEADERS:
      g_value_set_boolean (value, self->chinese_headers);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_export_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GdnExport *self = GDN_EXPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_CHINESE_HEADERS:
      gdn_export_set_chinese_headers (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_export_class_init (GdnExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gdn_export_dispose;
  object_class->finalize = gdn_export_finalize;
  object_class->get_property = gdn_export_get_property;
  object_class->set_property = gdn_export_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnExport:chinese-headers:
   *
   * Write the Chinese headers of CSV.md, and enumerations as their Chinese labels.
   */
  properties[PROP_CHINESE_HEADERS] =
    g_param_spec_boolean ("chinese-headers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_export_init (GdnExport *self)
{
}

/**
 * gdn_export_format_for_path:
 *
 * Returns: XLSX for a name ending in .xlsx (any case), otherwise CSV
 */
GdnExportFormat
gdn_export_format_for_path (const char *path)
{
  g_autofree char *lower = path ? g_ascii_strdown (path, -1) : NULL;

  if (lower != NULL && g_str_has_suffix (lower, ".xlsx"))
    return GDN_EXPORT_FORMAT_XLSX;
  return GDN_EXPORT_FORMAT_CSV;
}

/**
 * gdn_export_new:
 * @kind: "customers", "orders", … (see gdn_csv_kind_lookup())
 */
GdnExport *
gdn_export_new (GdnStore   *store,
                const char *kind)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  return g_object_new (GDN_TYPE_EXPORT, "store", store, "kind", kind, NULL);
}

gboolean
gdn_export_get_chinese_headers (GdnExport *self)
{
  g_return_val_if_fail (GDN_IS_EXPORT (self), FALSE);
  return self->chinese_headers;
}

void
gdn_export_set_chinese_headers (GdnExport *self,
                                gboolean   chinese_headers)
{
  g_return_if_fail (GDN_IS_EXPORT (self));

  chinese_headers = !!chinese_headers;
  if (self->chinese_headers == chinese_headers)
    return;
  self->chinese_headers = chinese_headers;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHINESE_HEADERS]);
}

/**
 * gdn_export_get_n_rows:
 *
 * Returns: the data rows the last export wrote (orders: one per line)
 */
guint
gdn_export_get_n_rows (GdnExport *self)
{
  g_return_val_if_fail (GDN_IS_EXPORT (self), 0);
  return self->n_rows;
}

/**
 * gdn_export_write_csv:
 * @stream: where the CSV goes; it is flushed, not closed
 *
 * Writes every record of the kind that is not in the trash, as CSV.md describes.
 */
gboolean
gdn_export_write_csv (GdnExport      *self,
                      GOutputStream  *stream,
                      GCancellable   *cancellable,
                      GError        **error)
{
  const GdnCsvKind *kind;
  g_autoptr(Cursor) cursor = NULL;
  g_autoptr(GdnCsvWriter) writer = NULL;
  g_autofree const char **headers = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (GDN_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  self->n_rows = 0;
  if ((kind = check_kind (self, error)) == NULL)
    return FALSE;
  if ((cursor = cursor_new (self, kind, error)) == NULL)
    return FALSE;

  writer = gdn_csv_writer_new (stream);
  headers = g_new0 (const char *, kind->n_columns);
  for (guint c = 0; c < kind->n_columns; c++)
    headers[c] = gdn_csv_column_header (&kind->columns[c], self->chinese_headers);
  if (!gdn_csv_writer_write_row (writer, headers, kind->n_columns, cancellable, error))
    return FALSE;

  while (cursor_next (cursor, &local_error))
    {
      if (!gdn_csv_writer_write_row (writer, (const char * const *) cursor->cells,
                                     kind->n_columns, cancellable, error))
        return FALSE;
      self->n_rows++;
      if (self->n_rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return gdn_csv_writer_flush (writer, cancellable, error) &&
         g_output_stream_flush (stream, cancellable, error);
}

static gboolean
xlsx_failed (lxw_error   err,
             const char *path,
             GError    **error)
{
  if (err == LXW_NO_ERROR)
    return FALSE;
  g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_WRITE,
               _("Cannot write “%s”: %s"), path, lxw_strerror (err));
  return TRUE;
}

static gboolean
write_xlsx_rows (GdnExport         *self,
                 const GdnCsvKind  *kind,
                 Cursor            *cursor,
                 lxw_workbook      *workbook,
                 const char        *path,
                 GCancellable      *cancellable,
                 GError           **error)
{
  const GdnKind *info = gdn_kind_lookup (kind->name);
  lxw_worksheet *sheet;
  lxw_format *bold;
  GError *local_error = NULL;
  lxw_row_t row = 0;

  sheet = workbook_add_worksheet (workbook, g_dgettext (GETTEXT_PACKAGE, info->label));
  if (sheet == NULL)
    sheet = workbook_add_worksheet (workbook, kind->name);
  bold = workbook_add_format (workbook);
  format_set_bold (bold);

  worksheet_freeze_panes (sheet, 1, 0);
  for (guint c = 0; c < kind->n_columns; c++)
    {
      const char *header = gdn_csv_column_header (&kind->columns[c], self->chinese_headers);
      double width = MAX (10.0, 1.2 * g_utf8_strlen (header, -1) *
                                  (self->chinese_headers ? 2.0 : 1.0));

      worksheet_set_column (sheet, c, c, width, NULL);
      if (xlsx_failed (worksheet_write_string (sheet, row, c, header, bold), path, error))
        return FALSE;
    }

  while (cursor_next (cursor, &local_error))
    {
      if (++row >= XLSX_MAX_ROWS)
        {
          g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_WRITE,
                       _("Too many rows for one Excel sheet; export as CSV instead"));
          return FALSE;
        }
      for (guint c = 0; c < kind->n_columns; c++)
        {
          lxw_error err = LXW_NO_ERROR;

          if (cursor->is_number[c])
            err = worksheet_write_number (sheet, row, c, cursor->numbers[c], NULL);
          else if (cursor->cells[c] != NULL)
            err = worksheet_write_string (sheet, row, c, cursor->cells[c], NULL);
          if (xlsx_failed (err, path, error))
            return FALSE;
        }
      self->n_rows++;
      if (self->n_rows % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_export_write_xlsx:
 * @path: the workbook to write; it is replaced only once complete
 *
 * Writes an Excel workbook with one sheet: a bold header row, numbers as numbers, dates
 * and everything else as text.
 */
gboolean
gdn_export_write_xlsx (GdnExport     *self,
                       const char    *path,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const GdnCsvKind *kind;
  g_autoptr(Cursor) cursor = NULL;
  g_autofree char *partial = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *workbook;
  gboolean ok;
  lxw_error err;

  g_return_val_if_fail (GDN_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  self->n_rows = 0;
  if ((kind = check_kind (self, error)) == NULL)
    return FALSE;
  if ((cursor = cursor_new (self, kind, error)) == NULL)
    return FALSE;

  /* written beside the target and renamed, so a failure never leaves half a workbook */
  partial = g_strdup_printf ("%s.part", path);
  /* created private (0600) before libxlsxwriter opens it, which keeps the mode */
  {
    int fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);

    if (fd < 0 || fchmod (fd, 0600) != 0)
      {
        int saved = errno;
        if (fd >= 0)
          close (fd);
        g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_WRITE,
                     _("Cannot write “%s”: %s"), path, g_strerror (saved));
        return FALSE;
      }
    close (fd);
  }
  workbook = workbook_new_opt (partial, &options);
  if (workbook == NULL)
    {
      g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”"), path);
      return FALSE;
    }

  ok = write_xlsx_rows (self, kind, cursor, workbook, path, cancellable, error);
  err = workbook_close (workbook);
  if (ok && xlsx_failed (err, path, error))
    ok = FALSE;

  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, GDN_EXPORT_ERROR, GDN_EXPORT_ERROR_WRITE,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

/**
 * gdn_export_to_file:
 *
 * Writes @file as XLSX when its name ends in .xlsx, otherwise as CSV. The file is
 * replaced only once complete.
 */
gboolean
gdn_export_to_file (GdnExport     *self,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (GDN_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL && gdn_export_format_for_path (path) == GDN_EXPORT_FORMAT_XLSX)
    return gdn_export_write_xlsx (self, path, cancellable, error);

  /* private: an export holds the customers' data (0600, whatever the umask) */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;
  if (!gdn_export_write_csv (self, G_OUTPUT_STREAM (stream), cancellable, error))
    {
      /* cancelling the close keeps the old file in place */
      g_autoptr(GCancellable) abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

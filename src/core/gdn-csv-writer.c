/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-csv-writer"

#include "config.h"

#include <string.h>

#include "gdn-csv-writer.h"

/* Writes CSV as CSV.md asks: UTF-8 with a BOM (without it Excel reads UTF-8 as the local
 * code page), RFC 4180 quoting, CRLF line ends, and a leading ' on any cell a spreadsheet
 * would run as a formula. */

#define FLUSH_SIZE (64 * 1024)

struct _GdnCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  guint          n_rows;
  gboolean       started;
};

enum {
  PROP_0,
  PROP_STREAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnCsvWriter, gdn_csv_writer, G_TYPE_OBJECT)

static void
gdn_csv_writer_dispose (GObject *object)
{
  GdnCsvWriter *self = (GdnCsvWriter *)object;

  g_clear_object (&self->stream);

  G_OBJECT_CLASS (gdn_csv_writer_parent_class)->dispose (object);
}

static void
gdn_csv_writer_finalize (GObject *object)
{
  GdnCsvWriter *self = (GdnCsvWriter *)object;

  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (gdn_csv_writer_parent_class)->finalize (object);
}

static void
gdn_csv_writer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnCsvWriter *self = GDN_CSV_WRITER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_csv_writer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GdnCsvWriter *self = GDN_CSV_WRITER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_csv_writer_class_init (GdnCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gdn_csv_writer_dispose;
  object_class->finalize = gdn_csv_writer_finalize;
  object_class->get_property = gdn_csv_writer_get_property;
  object_class->set_property = gdn_csv_writer_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, G_TYPE_OUTPUT_STREAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_csv_writer_init (GdnCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
}

/**
 * gdn_csv_writer_new:
 * @stream: where the file goes; the writer does not close it
 */
GdnCsvWriter *
gdn_csv_writer_new (GOutputStream *stream)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  return g_object_new (GDN_TYPE_CSV_WRITER, "stream", stream, NULL);
}

/**
 * gdn_csv_append_field:
 *
 * Appends one cell: a leading ' when it starts with = + - @ tab or CR (so no spreadsheet
 * runs it as a formula), and quotes when it holds a comma, a quote or a line break.
 */
void
gdn_csv_append_field (GString    *out,
                      const char *value)
{
  gboolean guard, quote;

  if (value == NULL || *value == '\0')
    return;

  guard = strchr ("=+-@\t\r", value[0]) != NULL;
  quote = strpbrk (value, ",\"\r\n") != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  if (quote)
    {
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

/**
 * gdn_csv_writer_flush:
 *
 * Writes what is buffered to the stream (and the BOM of an empty file).
 */
gboolean
gdn_csv_writer_flush (GdnCsvWriter  *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (GDN_IS_CSV_WRITER (self), FALSE);

  if (!self->started)
    {
      g_string_prepend (self->buffer, "\xef\xbb\xbf");
      self->started = TRUE;
    }
  if (self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/**
 * gdn_csv_writer_write_row:
 * @fields: (array length=n_fields) (element-type utf8) (nullable): the cells; %NULL is empty
 *
 * Buffers one row; call gdn_csv_writer_flush() at the end.
 */
gboolean
gdn_csv_writer_write_row (GdnCsvWriter        *self,
                          const char * const  *fields,
                          guint                n_fields,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_return_val_if_fail (GDN_IS_CSV_WRITER (self), FALSE);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, ',');
      gdn_csv_append_field (self->buffer, fields[i]);
    }
  g_string_append (self->buffer, "\r\n");
  self->n_rows++;

  if (self->buffer->len >= FLUSH_SIZE)
    return gdn_csv_writer_flush (self, cancellable, error);
  return TRUE;
}

guint
gdn_csv_writer_get_n_rows (GdnCsvWriter *self)
{
  g_return_val_if_fail (GDN_IS_CSV_WRITER (self), 0);
  return self->n_rows;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-csv-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-csv-reader.h"

/* Reads the CSV files people bring from Excel and WPS: the text is decoded once into
 * UTF-8 and then split in place, so a field is a pointer into one buffer that stays valid
 * as long as the reader (an import keeps every row of a file without copying it). */

struct _GdnCsvReader
{
  GObject         parent_instance;

  char           *buffer;      /* owns text */
  char           *text;        /* UTF-8, NUL-terminated, rewritten in place by parsing */
  gsize           len;
  gsize           pos;         /* where the next record starts */
  guint           line;        /* the physical line at pos, from 1 */
  char            separator;
  GdnCsvEncoding  encoding;

  GPtrArray      *fields;      /* (element-type utf8): the current record, into text */
  guint           record_line;
};

G_DEFINE_FINAL_TYPE (GdnCsvReader, gdn_csv_reader, G_TYPE_OBJECT)

G_DEFINE_QUARK (gdn-csv-error-quark, gdn_csv_error)

static gboolean
has_prefix (const guint8 *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Excel always writes a BOM in UTF-16, but other programs may not: text that is mostly
 * ASCII has a zero in every other byte. */
static gboolean
guess_utf16 (const guint8   *data,
             gsize           len,
             GdnCsvEncoding *encoding)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  guint zero_even = 0, zero_odd = 0;

  if (n < 4)
    return FALSE;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }
  if (zero_odd > n / 4 && zero_even == 0)
    *encoding = GDN_CSV_ENCODING_UTF16LE;
  else if (zero_even > n / 4 && zero_odd == 0)
    *encoding = GDN_CSV_ENCODING_UTF16BE;
  else
    return FALSE;
  return TRUE;
}

static char *
convert (const guint8  *data,
         gsize          len,
         const char    *from,
         gsize         *out_len,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = g_convert ((const char *) data, len, "UTF-8", from, NULL, out_len, &local_error);

  if (text == NULL)
    g_set_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_ENCODING,
                 _("The file is not text in UTF-8, GB18030 or UTF-16 (%s)"),
                 local_error->message);
  return text;
}

/* @data: the file, with one spare byte after @len; taken over when it is UTF-8 already,
 * so a large file is not copied */
static gboolean
decode (GdnCsvReader  *self,
        char          *data_owned,
        gsize          len,
        GError       **error)
{
  g_autofree char *owned = data_owned;
  const guint8 *data = (const guint8 *) owned;
  const char *from = NULL;
  gsize skip = 0;

  if (has_prefix (data, len, "PK\x03\x04", 4) ||
      has_prefix (data, len, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      g_set_error_literal (error, GDN_CSV_ERROR, GDN_CSV_ERROR_SPREADSHEET,
                           _("This is an Excel or WPS workbook, not a CSV file; save it as "
                             "“CSV (comma delimited)” or “Unicode text” first"));
      return FALSE;
    }

  if (has_prefix (data, len, "\xef\xbb\xbf", 3))
    {
      self->encoding = GDN_CSV_ENCODING_UTF8_BOM;
      skip = 3;
    }
  else if (has_prefix (data, len, "\xff\xfe", 2))
    {
      self->encoding = GDN_CSV_ENCODING_UTF16LE;
      from = "UTF-16LE";
      skip = 2;
    }
  else if (has_prefix (data, len, "\xfe\xff", 2))
    {
      self->encoding = GDN_CSV_ENCODING_UTF16BE;
      from = "UTF-16BE";
      skip = 2;
    }
  else if (guess_utf16 (data, len, &self->encoding))
    from = self->encoding == GDN_CSV_ENCODING_UTF16LE ? "UTF-16LE" : "UTF-16BE";
  else if (g_utf8_validate_len ((const char *) data, len, NULL))
    self->encoding = GDN_CSV_ENCODING_UTF8;
  else
    {
      /* What Chinese Excel writes as "CSV"; GB18030 is a superset of GBK and GB2312. */
      self->encoding = GDN_CSV_ENCODING_GB18030;
      from = "GB18030";
    }

  if (from != NULL)
    {
      self->buffer = convert (data + skip, len - skip, from, &self->len, error);
      if (self->buffer == NULL)
        return FALSE;
      self->text = self->buffer;
      if (g_str_has_prefix (self->text, "\xef\xbb\xbf"))
        {
          self->len -= 3;
          self->text += 3;
        }
    }
  else
    {
      self->buffer = g_steal_pointer (&owned);
      self->buffer[len] = '\0';
      self->text = self->buffer + skip;
      self->len = len - skip;
    }

  if (memchr (self->text, '\0', self->len) != NULL ||
      (self->encoding == GDN_CSV_ENCODING_UTF8_BOM &&
       !g_utf8_validate_len (self->text, self->len, NULL)))
    {
      g_set_error_literal (error, GDN_CSV_ERROR, GDN_CSV_ERROR_ENCODING,
                           _("The file is not a text file"));
      return FALSE;
    }
  return TRUE;
}

/* The separator is the one the header line uses: tab (Excel's "Unicode text") or comma.
 * Excel also honours a first line "sep=;", so we do too. */
static void
detect_separator (GdnCsvReader *self)
{
  guint commas = 0, tabs = 0;
  gboolean quoted = FALSE;

  if (g_str_has_prefix (self->text, "sep=") && self->len >= 5 &&
      (self->text[5] == '\n' || self->text[5] == '\r' || self->text[5] == '\0'))
    {
      self->separator = self->text[4];
      self->pos = 5;
      if (self->text[self->pos] == '\r')
        self->pos++;
      if (self->text[self->pos] == '\n')
        self->pos++;
      self->line = 2;
      return;
    }

  for (const char *p = self->text; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == '\t')
        tabs++;
    }

  if (tabs > commas)
    self->separator = '\t';
  else
    self->separator = ',';
}

static void
gdn_csv_reader_finalize (GObject *object)
{
  GdnCsvReader *self = (GdnCsvReader *)object;

  g_clear_pointer (&self->buffer, g_free);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_csv_reader_parent_class)->finalize (object);
}

static void
gdn_csv_reader_class_init (GdnCsvReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gdn_csv_reader_finalize;
}

static void
gdn_csv_reader_init (GdnCsvReader *self)
{
  self->fields = g_ptr_array_new ();
  self->separator = ',';
  self->line = 1;
}

const char *
gdn_csv_encoding_to_string (GdnCsvEncoding encoding)
{
  switch (encoding)
    {
    case GDN_CSV_ENCODING_UTF8:
      return "UTF-8";
    case GDN_CSV_ENCODING_UTF8_BOM:
      return "UTF-8 (BOM)";
    case GDN_CSV_ENCODING_GB18030:
      return "GB18030";
    case GDN_CSV_ENCODING_UTF16LE:
      return "UTF-16LE";
    case GDN_CSV_ENCODING_UTF16BE:
      return "UTF-16BE";
    default:
      return "?";
    }
}

/**
 * gdn_csv_reader_new:
 * @data: the bytes of a whole file
 *
 * Detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE, otherwise GB18030) and
 * the separator (comma or tab, from the header line).
 *
 * Returns: (transfer full) (nullable): a reader positioned before the first record
 */
static GdnCsvReader *
reader_new_take (char    *data,
                 gsize    len,
                 GError **error)
{
  g_autoptr(GdnCsvReader) self = g_object_new (GDN_TYPE_CSV_READER, NULL);

  if (!decode (self, data, len, error))
    return NULL;
  detect_separator (self);
  return g_steal_pointer (&self);
}

GdnCsvReader *
gdn_csv_reader_new (GBytes  *data,
                    GError **error)
{
  gsize len = 0;
  const char *bytes;
  char *copy;

  g_return_val_if_fail (data != NULL, NULL);

  bytes = g_bytes_get_data (data, &len);
  copy = g_malloc (len + 1);
  if (len > 0)
    memcpy (copy, bytes, len);
  return reader_new_take (copy, len, error);
}

GdnCsvReader *
gdn_csv_reader_new_for_file (GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  char *contents = NULL;
  gsize len = 0;

  /* a local file in one read (g_file_get_contents() adds the spare NUL byte) */
  if (path != NULL)
    {
      if (!g_file_get_contents (path, &contents, &len, error))
        return NULL;
    }
  else if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, error))
    return NULL;
  return reader_new_take (contents, len, error);
}

GdnCsvEncoding
gdn_csv_reader_get_encoding (GdnCsvReader *self)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), GDN_CSV_ENCODING_UTF8);
  return self->encoding;
}

char
gdn_csv_reader_get_separator (GdnCsvReader *self)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), ',');
  return self->separator;
}

/**
 * gdn_csv_reader_read_record:
 *
 * Reads the next record (RFC 4180: quoted fields may hold separators, doubled quotes and
 * line breaks; CRLF, LF and CR end a line). Line breaks inside a field become "\n". A
 * stray quote inside an unquoted field is kept as text, as spreadsheets do.
 *
 * Returns: %TRUE when a record was read; %FALSE at the end of the file, or with @error set
 *   when a quoted field is never closed
 */
gboolean
gdn_csv_reader_read_record (GdnCsvReader  *self,
                            GError       **error)
{
  char *t = self->text;
  const char sep = self->separator;
  gsize r = self->pos, w = self->pos;

  g_return_val_if_fail (GDN_IS_CSV_READER (self), FALSE);

  g_ptr_array_set_size (self->fields, 0);
  if (r >= self->len)
    return FALSE;

  self->record_line = self->line;

  /* Unescaping never makes a field longer than its text plus the character after it, so
   * the write position w never passes the read position r. */
  for (;;)
    {
      gsize start = w;
      char end;

      if (t[r] == '"')
        {
          r++;
          for (;;)
            {
              char c = t[r];

              if (r >= self->len)
                {
                  g_set_error (error, GDN_CSV_ERROR, GDN_CSV_ERROR_QUOTE,
                               _("Line %u: the quoted text that starts here is never closed"),
                               self->record_line);
                  self->pos = self->len;
                  return FALSE;
                }
              if (c == '"')
                {
                  if (t[r + 1] != '"')
                    {
                      r++;
                      break;
                    }
                  t[w++] = '"';
                  r += 2;
                  continue;
                }
              if (c == '\r')
                {
                  t[w++] = '\n';
                  r += t[r + 1] == '\n' ? 2 : 1;
                  self->line++;
                  continue;
                }
              if (c == '\n')
                self->line++;
              t[w++] = c;
              r++;
            }
        }

      while (r < self->len && t[r] != sep && t[r] != '\n' && t[r] != '\r')
        t[w++] = t[r++];

      end = r < self->len ? t[r] : '\0';
      t[w++] = '\0';
      g_ptr_array_add (self->fields, t + start);

      if (end == sep)
        {
          r++;
          continue;
        }
      if (end == '\r')
        {
          r++;
          if (r < self->len && t[r] == '\n')
            r++;
          self->line++;
        }
      else if (end == '\n')
        {
          r++;
          self->line++;
        }
      break;
    }

  self->pos = r;
  return TRUE;
}

/**
 * gdn_csv_reader_get_line:
 *
 * Returns: the line of the file where the current record starts, from 1
 */
guint
gdn_csv_reader_get_line (GdnCsvReader *self)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), 0);
  return self->record_line;
}

guint
gdn_csv_reader_get_n_fields (GdnCsvReader *self)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), 0);
  return self->fields->len;
}

/**
 * gdn_csv_reader_get_field:
 *
 * Returns: the field @index of the current record, or "" past its end. The text stays
 *   valid as long as the reader.
 */
const char *
gdn_csv_reader_get_field (GdnCsvReader *self,
                          guint         index)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), NULL);

  if (index >= self->fields->len)
    return "";
  return g_ptr_array_index (self->fields, index);
}

/**
 * gdn_csv_reader_get_fraction:
 *
 * Returns: how much of the file has been read, 0 to 1
 */
double
gdn_csv_reader_get_fraction (GdnCsvReader *self)
{
  g_return_val_if_fail (GDN_IS_CSV_READER (self), 0.0);
  return self->len == 0 ? 1.0 : (double) self->pos / (double) self->len;
}

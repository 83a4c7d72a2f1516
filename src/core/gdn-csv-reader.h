/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GDN_CSV_ERROR (gdn_csv_error_quark ())

typedef enum
{
  GDN_CSV_ERROR_ENCODING,      /* not text in an encoding we read */
  GDN_CSV_ERROR_SPREADSHEET,   /* an .xlsx or .xls workbook, not a CSV file */
  GDN_CSV_ERROR_QUOTE,         /* a quoted field is never closed */
} GdnCsvError;

typedef enum
{
  GDN_CSV_ENCODING_UTF8,
  GDN_CSV_ENCODING_UTF8_BOM,
  GDN_CSV_ENCODING_GB18030,
  GDN_CSV_ENCODING_UTF16LE,
  GDN_CSV_ENCODING_UTF16BE,
} GdnCsvEncoding;

#define GDN_TYPE_CSV_READER (gdn_csv_reader_get_type ())
G_DECLARE_FINAL_TYPE (GdnCsvReader, gdn_csv_reader, GDN, CSV_READER, GObject)

GQuark          gdn_csv_error_quark            (void);
const char     *gdn_csv_encoding_to_string     (GdnCsvEncoding  encoding);

GdnCsvReader   *gdn_csv_reader_new             (GBytes         *data,
                                                GError        **error);
GdnCsvReader   *gdn_csv_reader_new_for_file    (GFile          *file,
                                                GCancellable   *cancellable,
                                                GError        **error);
GdnCsvEncoding  gdn_csv_reader_get_encoding    (GdnCsvReader   *self);
char            gdn_csv_reader_get_separator   (GdnCsvReader   *self);

gboolean        gdn_csv_reader_read_record     (GdnCsvReader   *self,
                                                GError        **error);
guint           gdn_csv_reader_get_line        (GdnCsvReader   *self);
guint           gdn_csv_reader_get_n_fields    (GdnCsvReader   *self);
const char     *gdn_csv_reader_get_field       (GdnCsvReader   *self,
                                                guint           index);
double          gdn_csv_reader_get_fraction    (GdnCsvReader   *self);

G_END_DECLS

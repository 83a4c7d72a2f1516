/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GDN_TYPE_CSV_WRITER (gdn_csv_writer_get_type ())
G_DECLARE_FINAL_TYPE (GdnCsvWriter, gdn_csv_writer, GDN, CSV_WRITER, GObject)

GdnCsvWriter *gdn_csv_writer_new          (GOutputStream       *stream);
gboolean      gdn_csv_writer_write_row    (GdnCsvWriter        *self,
                                           const char * const  *fields,
                                           guint                n_fields,
                                           GCancellable        *cancellable,
                                           GError             **error);
gboolean      gdn_csv_writer_flush        (GdnCsvWriter        *self,
                                           GCancellable        *cancellable,
                                           GError             **error);
guint         gdn_csv_writer_get_n_rows   (GdnCsvWriter        *self);

void          gdn_csv_append_field        (GString             *out,
                                           const char          *value);

G_END_DECLS

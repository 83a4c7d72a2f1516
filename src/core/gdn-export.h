/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_EXPORT_ERROR (gdn_export_error_quark ())

typedef enum
{
  GDN_EXPORT_ERROR_UNKNOWN_KIND,
  GDN_EXPORT_ERROR_WRITE,
} GdnExportError;

typedef enum
{
  GDN_EXPORT_FORMAT_CSV,
  GDN_EXPORT_FORMAT_XLSX,
} GdnExportFormat;

#define GDN_TYPE_EXPORT (gdn_export_get_type ())
G_DECLARE_FINAL_TYPE (GdnExport, gdn_export, GDN, EXPORT, GObject)

GQuark           gdn_export_error_quark          (void);
GdnExportFormat  gdn_export_format_for_path      (const char     *path);

GdnExport       *gdn_export_new                  (GdnStore       *store,
                                                  const char     *kind);
gboolean         gdn_export_get_chinese_headers  (GdnExport      *self);
void             gdn_export_set_chinese_headers  (GdnExport      *self,
                                                  gboolean        chinese_headers);

gboolean         gdn_export_write_csv            (GdnExport      *self,
                                                  GOutputStream  *stream,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
gboolean         gdn_export_write_xlsx           (GdnExport      *self,
                                                  const char     *path,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
gboolean         gdn_export_to_file              (GdnExport      *self,
                                                  GFile          *file,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
guint            gdn_export_get_n_rows           (GdnExport      *self);

G_END_DECLS

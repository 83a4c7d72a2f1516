/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-csv-reader.h"
#include "gdn-import-problem.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_IMPORT_ERROR (gdn_import_error_quark ())

typedef enum
{
  GDN_IMPORT_ERROR_UNKNOWN_KIND,     /* the kind cannot be imported */
  GDN_IMPORT_ERROR_READ,             /* the file cannot be read or is not CSV text */
  GDN_IMPORT_ERROR_MISSING_COLUMN,   /* a required column is missing; nothing written */
  GDN_IMPORT_ERROR_INVALID_DATA,     /* rows have errors; nothing written */
} GdnImportError;

#define GDN_TYPE_IMPORT (gdn_import_get_type ())
G_DECLARE_FINAL_TYPE (GdnImport, gdn_import, GDN, IMPORT, GObject)

GQuark          gdn_import_error_quark       (void);

GdnImport      *gdn_import_new               (GdnStore             *store,
                                              const char           *kind);
GdnStore       *gdn_import_get_store         (GdnImport            *self);
const char     *gdn_import_get_kind          (GdnImport            *self);
gboolean        gdn_import_get_skip_invalid  (GdnImport            *self);
void            gdn_import_set_skip_invalid  (GdnImport            *self,
                                              gboolean              skip_invalid);
gboolean        gdn_import_get_dry_run       (GdnImport            *self);
void            gdn_import_set_dry_run       (GdnImport            *self,
                                              gboolean              dry_run);
double          gdn_import_get_progress      (GdnImport            *self);

gboolean        gdn_import_run               (GdnImport            *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GError              **error);
void            gdn_import_run_async         (GdnImport            *self,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean        gdn_import_run_finish        (GdnImport            *self,
                                              GAsyncResult         *result,
                                              GError              **error);

/* Results of the last run */
guint           gdn_import_get_n_created     (GdnImport            *self);
guint           gdn_import_get_n_updated     (GdnImport            *self);
guint           gdn_import_get_n_unchanged   (GdnImport            *self);
guint           gdn_import_get_n_skipped     (GdnImport            *self);
guint           gdn_import_get_n_lines       (GdnImport            *self);
guint           gdn_import_get_n_errors      (GdnImport            *self);
guint           gdn_import_get_n_warnings    (GdnImport            *self);
GPtrArray      *gdn_import_get_problems      (GdnImport            *self);
GdnCsvEncoding  gdn_import_get_encoding      (GdnImport            *self);

void            gdn_import_set_bulk_for_testing (guint                orders,
                                                 guint                index_orders);

G_END_DECLS

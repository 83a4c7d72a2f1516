/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Private to gdn-import.c: one import of one file, run on whatever thread owns @store. */

#include <gio/gio.h>

#include "gdn-csv-reader.h"
#include "gdn-import-columns.h"
#include "gdn-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint           n_created;
  guint           n_updated;
  guint           n_unchanged;
  guint           n_skipped;
  guint           n_lines;
  guint           n_errors;
  guint           n_warnings;
  GPtrArray      *problems;     /* (element-type GdnImportProblem) */
  GdnCsvEncoding  encoding;
  gboolean        wrote;        /* something was committed */
} GdnImportResults;

typedef void (*GdnImportProgressFunc) (double   fraction,
                                       gpointer user_data);

void      gdn_import_results_clear  (GdnImportResults      *results);

gboolean  gdn_import_job_run        (GdnStore              *store,
                                     const GdnCsvKind      *kind,
                                     GFile                 *file,
                                     gboolean               skip_invalid,
                                     gboolean               dry_run,
                                     GdnImportProgressFunc  progress,
                                     gpointer               progress_data,
                                     GdnImportResults      *results,
                                     GCancellable          *cancellable,
                                     GError               **error);

G_END_DECLS

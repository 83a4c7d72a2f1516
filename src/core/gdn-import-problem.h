/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  GDN_IMPORT_SEVERITY_WARNING,   /* reported; the row is imported anyway */
  GDN_IMPORT_SEVERITY_ERROR,     /* the row (or the file) cannot be imported */
} GdnImportSeverity;

/* One thing wrong with a file, where a person can find it: line and column. */
typedef struct
{
  guint              line;      /* line of the file, from 1; 0 for the whole file */
  char              *column;    /* the header as written in the file, or NULL */
  char              *message;   /* translated */
  GdnImportSeverity  severity;
} GdnImportProblem;

#define GDN_TYPE_IMPORT_PROBLEM (gdn_import_problem_get_type ())

GType             gdn_import_problem_get_type  (void) G_GNUC_CONST;
GdnImportProblem *gdn_import_problem_new       (guint                    line,
                                                const char              *column,
                                                const char              *message,
                                                GdnImportSeverity        severity);
GdnImportProblem *gdn_import_problem_copy      (const GdnImportProblem  *self);
void              gdn_import_problem_free      (GdnImportProblem        *self);
char             *gdn_import_problem_format    (const GdnImportProblem  *self,
                                                const char              *file_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnImportProblem, gdn_import_problem_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-import-problem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-import-problem.h"

G_DEFINE_BOXED_TYPE (GdnImportProblem, gdn_import_problem,
                     gdn_import_problem_copy, gdn_import_problem_free)

GdnImportProblem *
gdn_import_problem_new (guint              line,
                        const char        *column,
                        const char        *message,
                        GdnImportSeverity  severity)
{
  GdnImportProblem *self = g_new0 (GdnImportProblem, 1);

  self->line = line;
  self->column = g_strdup (column);
  self->message = g_strdup (message);
  self->severity = severity;
  return self;
}

GdnImportProblem *
gdn_import_problem_copy (const GdnImportProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return gdn_import_problem_new (self->line, self->column, self->message, self->severity);
}

void
gdn_import_problem_free (GdnImportProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->column);
  g_free (self->message);
  g_free (self);
}

/**
 * gdn_import_problem_format:
 * @file_name: (nullable): the file as the person named it
 *
 * Returns: "FILE:LINE: COLUMN: reason", the form compilers use, so editors and terminals
 *   can jump to the line; warnings say so
 */
char *
gdn_import_problem_format (const GdnImportProblem *self,
                           const char             *file_name)
{
  GString *s = g_string_new (NULL);

  if (file_name != NULL)
    g_string_append_printf (s, "%s:", file_name);
  if (self->line > 0)
    g_string_append_printf (s, "%u:", self->line);
  if (s->len > 0)
    g_string_append_c (s, ' ');
  if (self->column != NULL && *self->column != '\0')
    g_string_append_printf (s, "%s: ", self->column);
  if (self->severity == GDN_IMPORT_SEVERITY_WARNING)
    g_string_append (s, _("warning: "));
  g_string_append (s, self->message);
  return g_string_free (s, FALSE);
}

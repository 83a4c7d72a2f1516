/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "gdn-cli.h"
#include "gdn-export.h"
#include "gdn-import-columns.h"
#include "gdn-import.h"

/* import and export: spreadsheets in and out (CSV.md). Problems go to stderr as
 * FILE:LINE: COLUMN: reason, the summary to stdout. */

static int
unknown_kind (const char *command,
              const char *kind)
{
  g_autofree char *names = gdn_csv_kind_names ();

  return gdn_cli_usage_error (command, _("unknown kind “%s”; the kinds are %s"), kind, names);
}

static void
print_summary (GdnImport  *import,
               const char *kind)
{
  guint n_lines = gdn_import_get_n_lines (import);
  g_autofree char *lines = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u line",
                                                         "%u lines", n_lines), n_lines);

  if (gdn_import_get_dry_run (import))
    g_print (_("%s (dry run, nothing written): %u to create, %u to update, %u unchanged "
               "(%s)\n"),
             kind, gdn_import_get_n_created (import), gdn_import_get_n_updated (import),
             gdn_import_get_n_unchanged (import), lines);
  else if (gdn_import_get_n_skipped (import) > 0)
    g_print (_("%s: %u created, %u updated, %u unchanged, %u skipped (%s)\n"),
             kind, gdn_import_get_n_created (import), gdn_import_get_n_updated (import),
             gdn_import_get_n_unchanged (import), gdn_import_get_n_skipped (import), lines);
  else
    g_print (_("%s: %u created, %u updated, %u unchanged (%s)\n"),
             kind, gdn_import_get_n_created (import), gdn_import_get_n_updated (import),
             gdn_import_get_n_unchanged (import), lines);
}

int
gdn_cli_import (int    argc,
                char **argv)
{
  gboolean skip_invalid = FALSE;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows and report the others (default: import nothing when a row "
         "has errors)"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and say what would change, without writing"), NULL },
    { NULL }
  };
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnImport) import = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *names = gdn_csv_kind_names ();
  const char *kind, *path;
  GPtrArray *problems;
  gboolean ok;

  summary = g_strdup_printf (_("Import a CSV file (UTF-8, GB18030 or UTF-16; comma or tab "
                               "separated) of one kind: %s."), names);
  if (!gdn_cli_parse ("import", _("KIND FILE"), summary, entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc < 2)
    return gdn_cli_usage_error ("import", _("the kind and the file to import are missing"));
  kind = argv[1];
  if (gdn_csv_kind_lookup (kind) == NULL)
    return unknown_kind ("import", kind);
  if (argc < 3)
    return gdn_cli_usage_error ("import", _("the file to import is missing"));
  if (argc > 3)
    return gdn_cli_usage_error ("import", _("unexpected argument “%s”"), argv[3]);
  path = argv[2];

  store = gdn_cli_open_store (&error);
  if (store == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  import = gdn_import_new (store, kind);
  gdn_import_set_skip_invalid (import, skip_invalid);
  gdn_import_set_dry_run (import, dry_run);
  file = g_file_new_for_commandline_arg (path);
  ok = gdn_import_run (import, file, NULL, &error);

  problems = gdn_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = gdn_import_problem_format (g_ptr_array_index (problems, i), path);
      g_printerr ("%s\n", line);
    }

  if (!ok)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  print_summary (import, kind);
  /* with --skip-invalid the reported rows were left out on purpose; it failed only when
   * no row at all could be imported */
  if (gdn_import_get_n_errors (import) > 0 &&
      gdn_import_get_n_created (import) + gdn_import_get_n_updated (import) +
      gdn_import_get_n_unchanged (import) == 0)
    return GDN_EXIT_DATA;
  return GDN_EXIT_OK;
}

int
gdn_cli_export (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  gboolean chinese_headers = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE: .xlsx for an Excel workbook, otherwise CSV (default: CSV on "
         "standard output)"), N_("FILE") },
    { "chinese-headers", 0, 0, G_OPTION_ARG_NONE, &chinese_headers,
      N_("Write the Chinese column names and values (订单号, 已确认, …)"), NULL },
    { NULL }
  };
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *names = gdn_csv_kind_names ();
  const char *kind;
  gboolean ok;

  summary = g_strdup_printf (_("Export one kind as CSV (UTF-8 with BOM, for Excel and WPS) "
                               "or XLSX: %s."), names);
  if (!gdn_cli_parse ("export", _("KIND"), summary, entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc < 2)
    return gdn_cli_usage_error ("export", _("the kind to export is missing"));
  kind = argv[1];
  if (gdn_csv_kind_lookup (kind) == NULL)
    return unknown_kind ("export", kind);
  if (argc > 2)
    return gdn_cli_usage_error ("export", _("unexpected argument “%s”"), argv[2]);

  store = gdn_cli_open_store (&error);
  if (store == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  export = gdn_export_new (store, kind);
  gdn_export_set_chinese_headers (export, chinese_headers);

  if (output != NULL && g_strcmp0 (output, "-") != 0)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = gdn_export_to_file (export, file, NULL, &error);
      if (ok)
        {
          guint n = gdn_export_get_n_rows (export);
          g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u row written to %s\n",
                                "%s: %u rows written to %s\n", n), kind, n, output);
        }
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = gdn_export_write_csv (export, out, NULL, &error);
    }

  if (!ok)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }
  return GDN_EXIT_OK;
}

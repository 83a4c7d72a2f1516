/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-bench-report"

#include "config.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>

#include "gdn-database.h"
#include "gdn-report.h"

/* gendan-bench-report: the time to make the work report of a month and write it as PDF,
 * one `name value unit` line each on standard output. The database given is copied first
 * and the copy is used, so the original is never touched (opening may migrate or back up).
 *
 *   gendan-bench-report --database orders-10000.db [--from 2026-05-01 --to 2026-05-31]
 *                       [--runs 3] [--lang en|zh_CN|zh_TW] [--keep FILE.pdf] */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *database_path = NULL;
  g_autofree char *from = g_strdup ("2026-05-01");
  g_autofree char *to = g_strdup ("2026-05-31");
  g_autofree char *lang = g_strdup ("en");
  g_autofree char *keep = NULL;
  int runs = 3;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path, "The database (copied)", "FILE" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, "The first day of the month", "YYYY-MM-DD" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, "The last day", "YYYY-MM-DD" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many times (the median is printed)", "N" },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "zh_CN, zh_TW or en", "LANG" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the PDF of the last run here", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the work report");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) gathers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *db_copy = NULL;
  g_autofree char *pdf = NULL;
  GdnReportOptions options = { "Gendan Bench Co.", "Bench", NULL, NULL, 0.95 };
  guint n_pages = 0;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database_path == NULL)
    {
      g_printerr ("gendan-bench-report: %s\n",
                  error != NULL ? error->message : "--database FILE is required");
      return 2;
    }

  g_setenv ("LANGUAGE", lang, TRUE);
  if (g_str_has_prefix (lang, "zh_CN"))
    setlocale (LC_ALL, "zh_CN.UTF-8");
  else if (g_str_has_prefix (lang, "zh_TW"))
    setlocale (LC_ALL, "zh_TW.UTF-8");
  else
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  options.language = lang;

  dir = g_dir_make_tmp ("gendan-bench-report-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("gendan-bench-report: %s\n", error->message);
      return 1;
    }
  db_copy = g_build_filename (dir, "bench.db", NULL);
  pdf = g_build_filename (dir, "report.pdf", NULL);
  source = g_file_new_for_path (database_path);
  copy = g_file_new_for_path (db_copy);
  if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error) ||
      (database = gdn_database_open (db_copy, &error)) == NULL)
    {
      g_printerr ("gendan-bench-report: %s\n", error->message);
      return 1;
    }

  for (int i = 0; i < MAX (runs, 1); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(GdnReport) report = gdn_report_new (database, from, to, &options, &error);
      gint64 t1 = g_get_monotonic_time ();
      double w, h, total, gather;

      if (report == NULL || !gdn_report_write_pdf (report, pdf, GDN_REPORT_PAPER_A4, &error))
        {
          g_printerr ("gendan-bench-report: %s\n", error->message);
          return 1;
        }
      total = (double) (g_get_monotonic_time () - t0) / 1000.0;
      gather = (double) (t1 - t0) / 1000.0;
      g_array_append_val (totals, total);
      g_array_append_val (gathers, gather);
      gdn_report_paper_size (GDN_REPORT_PAPER_A4, &w, &h);
      n_pages = gdn_report_get_n_pages (report, w, h);
      g_printerr ("run %d: %.0f ms (gather %.0f ms)\n", i + 1, total, gather);
    }
  g_array_sort (totals, compare_double);
  g_array_sort (gathers, compare_double);

  g_print ("report_month_pdf %.0f ms\n", g_array_index (totals, double, totals->len / 2));
  g_print ("report_month_gather %.0f ms\n", g_array_index (gathers, double, gathers->len / 2));
  g_print ("report_month_pages %u pages\n", n_pages);
  if (g_stat (pdf, &st) == 0)
    g_print ("report_month_pdf_size %" G_GINT64_FORMAT " bytes\n", (gint64) st.st_size);

  if (keep != NULL)
    {
      g_autoptr(GFile) kept = g_file_new_for_path (keep);
      g_autoptr(GFile) made = g_file_new_for_path (pdf);

      if (!g_file_copy (made, kept, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
        g_printerr ("gendan-bench-report: %s\n", error->message);
      g_clear_error (&error);
    }

  g_clear_object (&database);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (dir);
  }
  return 0;
}

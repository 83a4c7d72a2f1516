/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "gdn-cli.h"
#include "gdn-parse.h"
#include "gdn-report.h"

/* report: the period work report as a PDF file. */

#define ON_TIME_TARGET 0.95   /* the default of the app's on-time-target setting */

static const struct
{
  const char *lang;
  const char *locale;
} languages[] = {
  { "zh_CN", "zh_CN.UTF-8" },
  { "zh_TW", "zh_TW.UTF-8" },
  { "en", NULL },
};

/* --lang must take effect before the first translated message (the options' help
 * included), so it is read here, ahead of the option parser. Returns the language, or NULL
 * when none was asked for; "" when the value is unknown (the parser reports it). */
static const char *
switch_language (int    argc,
                 char **argv)
{
  const char *value = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        value = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        value = argv[i] + strlen ("--lang=");
    }
  if (value == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_ascii_strcasecmp (value, languages[i].lang) == 0)
      {
        g_setenv ("LANGUAGE", languages[i].lang, TRUE);
        /* gettext ignores LANGUAGE in the C locale: Chinese needs a Chinese locale (dates
         * are written by it too); English needs nothing but the untranslated messages. */
        if (languages[i].locale == NULL ||
            setlocale (LC_ALL, languages[i].locale) == NULL)
          setlocale (LC_ALL, "");
        return languages[i].lang;
      }
  return "";
}

static char *
date_option (const char *option,
             const char *text)
{
  char *date;

  if (text == NULL)
    {
      gdn_cli_usage_error ("report", _("%s is required (YYYY-MM-DD)"), option);
      return NULL;
    }
  date = gdn_parse_date (text);
  if (date == NULL)
    gdn_cli_usage_error ("report", _("%s: “%s” is not a date; use YYYY-MM-DD"), option, text);
  return date;
}

int
gdn_cli_report (int    argc,
                char **argv)
{
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *output = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *author = NULL;
  g_autofree char *company = NULL;
  g_autofree char *paper_text = NULL;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GdnReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GdnReportPaper paper = GDN_REPORT_PAPER_A4;
  const char *lang;
  const char *path;
  double width, height;
  GdnReportOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day of the period"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day of the period (included)"), N_("YYYY-MM-DD") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("The language of the report: zh_CN, zh_TW or en (default: the user’s)"),
      N_("LANG") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author,
      N_("Who prepared the report"), N_("NAME") },
    { "company", 0, 0, G_OPTION_ARG_STRING, &company,
      N_("The company named in the page header"), N_("NAME") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text,
      N_("The paper size: a4 or letter (default: a4)"), N_("SIZE") },
    { NULL }
  };

  lang = switch_language (argc, argv);

  if (!gdn_cli_parse ("report", NULL,
                      _("Write the work report of a period as PDF: summary of the KPIs, order "
                        "follow-up, customer communication, logistics, problems and "
                        "solutions, and the plan for the next period."),
                      entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc > 1)
    return gdn_cli_usage_error ("report", _("unexpected argument “%s”"), argv[1]);
  if (lang != NULL && *lang == '\0')
    return gdn_cli_usage_error ("report", _("--lang: “%s” is not one of zh_CN, zh_TW, en"),
                                lang_text);
  if (paper_text != NULL && !gdn_report_parse_paper (paper_text, &paper))
    return gdn_cli_usage_error ("report", _("--paper: “%s” is not a4 or letter"), paper_text);
  if (output == NULL)
    return gdn_cli_usage_error ("report", _("-o FILE.pdf is required"));

  /* A wrong period is wrong data, not a wrong command line: nothing is written. */
  if ((from = date_option ("--from", from_text)) == NULL ||
      (to = date_option ("--to", to_text)) == NULL)
    return GDN_EXIT_DATA;
  if (strcmp (from, to) > 0)
    {
      gdn_cli_usage_error ("report", _("--from (%s) is after --to (%s)"), from, to);
      return GDN_EXIT_DATA;
    }

  path = gdn_cli_database_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr (_("gendan-cli %s: there is no database at “%s”\n"), "report", path);
      return GDN_EXIT_DATA;
    }

  options.company = company;
  options.author = author;
  options.language = lang;
  options.on_time_target = ON_TIME_TARGET;

  gdn_cli_warn_shared (path);
  database = gdn_database_open (path, &error);
  if (database != NULL)
    report = gdn_report_new (database, from, to, &options, &error);
  if (report == NULL || !gdn_report_write_pdf (report, output, paper, &error))
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  gdn_report_paper_size (paper, &width, &height);
  g_print (ngettext ("Wrote %s (%u page)\n", "Wrote %s (%u pages)\n",
                     gdn_report_get_n_pages (report, width, height)),
           output, gdn_report_get_n_pages (report, width, height));
  return GDN_EXIT_OK;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gendan-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "gdn-cli.h"
#include "gdn-i18n.h"

typedef struct
{
  const char     *name;
  GdnCliCommand   run;
  const char     *summary;
} Command;

static const Command commands[] = {
  { "import", gdn_cli_import, N_("Import a CSV file of one kind (customers, orders, …)") },
  { "export", gdn_cli_export, N_("Export one kind as CSV or XLSX") },
  { "set", gdn_cli_set, N_("Change fields of one record") },
  { "list", gdn_cli_list, N_("List records, with search and sort") },
  { "count", gdn_cli_count, N_("Count the records of one kind") },
  { "kpi", gdn_cli_kpi, N_("Compute the KPIs of a period") },
  { "report", gdn_cli_report, N_("Write the work report of a period as PDF") },
  { "backup", gdn_cli_backup, N_("Back up the database") },
  { "restore", gdn_cli_restore, N_("Restore the database from a backup") },
  { "check", gdn_cli_check, N_("Check the database for damage") },
  { "demo", gdn_cli_demo, N_("Fill the database with demo data") },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: gendan-cli [--version] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Gendan follows customer orders from inquiry to after-sales."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-9s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “gendan-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  gdn_i18n_init ();

  if (argc < 2)
    {
      print_usage (stderr);
      return GDN_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--version") == 0 || strcmp (argv[1], "-V") == 0)
    {
      g_print ("gendan-cli %s\n", PACKAGE_VERSION);
      return GDN_EXIT_OK;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return GDN_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("gendan-cli: unknown command “%s”\n\n"), argv[1]);
  print_usage (stderr);
  return GDN_EXIT_USAGE;
}

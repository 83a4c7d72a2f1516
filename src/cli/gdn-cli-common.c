/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gdn-cli.h"
#include "gdn-fs-check.h"

static char *database_path;

/**
 * gdn_cli_parse:
 * @parameters: what follows the options in the usage line, e.g. "KIND FILE"
 *
 * Parses the options of one command. --database FILE is common to all.
 */
gboolean
gdn_cli_parse (const char          *command,
               const char          *parameters,
               const char          *summary,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv)
{
  const GOptionEntry common[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
      N_("The database file (default: ~/.local/share/gendan/gendan.db)"), N_("FILE") },
    { NULL }
  };
  g_autofree char *usage = g_strdup_printf ("%s %s", command, parameters ? parameters : "");
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, common, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
      g_printerr ("gendan-cli %s: %s\n\n%s", command, error->message, help);
      return FALSE;
    }
  return TRUE;
}

const char *
gdn_cli_database_path (void)
{
  if (database_path == NULL)
    database_path = gdn_database_default_path ();
  return database_path;
}

/**
 * gdn_cli_warn_shared:
 *
 * Warns on stderr when @path is on a network or FUSE file system, where SQLite's locking
 * does not hold and sharing the file can damage it.
 */
void
gdn_cli_warn_shared (const char *path)
{
  g_autofree char *warning = gdn_fs_shared_warning (path);

  if (warning != NULL)
    g_printerr (_("gendan-cli: warning: %s\n"), warning);
}

GdnStore *
gdn_cli_open_store (GError **error)
{
  g_autoptr(GdnDatabase) database = NULL;
  GdnStore *store;

  gdn_cli_warn_shared (gdn_cli_database_path ());
  database = gdn_database_open (gdn_cli_database_path (), error);

  if (database == NULL)
    return NULL;
  store = gdn_store_new (database);
  gdn_store_set_user_name (store, g_get_user_name ());
  return store;
}

void
gdn_cli_print_error (const GError *error)
{
  g_printerr ("gendan-cli: %s\n", error->message);
}

int
gdn_cli_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("gendan-cli %s: %s\n", command, message);
  g_printerr (_("Try “gendan-cli %s --help”.\n"), command);
  return GDN_EXIT_USAGE;
}

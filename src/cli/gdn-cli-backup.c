/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-backup.h"
#include "gdn-cli.h"

/* backup, restore and check: the database file's safety, from the command line. */

static gboolean
database_exists (const char  *command,
                 const char  *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;
  g_printerr (_("gendan-cli %s: there is no database at “%s”\n"), command, path);
  return FALSE;
}

int
gdn_cli_backup (int    argc,
                char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GdnDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the backup to FILE (default: today’s backup in "
         "~/.local/share/gendan/backups, keeping the last 7 days)"), N_("FILE") },
    { NULL }
  };

  if (!gdn_cli_parse ("backup", NULL, _("Back up the database while it may be in use."),
                      entries, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc > 1)
    return gdn_cli_usage_error ("backup", _("unexpected argument “%s”"), argv[1]);

  path = gdn_cli_database_path ();
  if (!database_exists ("backup", path))
    return GDN_EXIT_DATA;
  gdn_cli_warn_shared (path);

  /* version 0: back the file up as it is, without upgrading it first */
  database = gdn_database_open_at_version (path, 0, &error);
  if (database == NULL)
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  if (output != NULL)
    {
      if (!gdn_backup_create (database, output, &error))
        {
          gdn_cli_print_error (error);
          return GDN_EXIT_DATA;
        }
      written = g_strdup (output);
    }
  else
    {
      written = gdn_backup_daily (database, NULL, &error);
      if (written == NULL)
        {
          gdn_cli_print_error (error);
          return GDN_EXIT_DATA;
        }
    }

  g_print (_("Backed up “%s” to “%s”\n"), path, written);
  return GDN_EXIT_OK;
}

int
gdn_cli_restore (int    argc,
                 char **argv)
{
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!gdn_cli_parse ("restore", _("FILE"),
                      _("Replace the database with a backup. The backup is checked first; "
                        "the replaced database is kept beside it. Close Gendan first."),
                      NULL, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc < 2)
    return gdn_cli_usage_error ("restore", _("name the backup file to restore"));
  if (argc > 2)
    return gdn_cli_usage_error ("restore", _("unexpected argument “%s”"), argv[2]);

  path = gdn_cli_database_path ();
  if (!gdn_backup_restore_full (path, argv[1], &kept, &error))
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  if (kept != NULL)
    g_print (_("Restored “%s” from “%s”; the replaced database was kept as “%s”\n"),
             path, argv[1], kept);
  else
    g_print (_("Restored “%s” from “%s”\n"), path, argv[1]);
  return GDN_EXIT_OK;
}

int
gdn_cli_check (int    argc,
               char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *path;

  if (!gdn_cli_parse ("check", NULL,
                      _("Check the database for damage without changing it. Exits with 0 "
                        "when it is sound, 1 when it is damaged or not a database."),
                      NULL, &argc, &argv))
    return GDN_EXIT_USAGE;
  if (argc > 1)
    return gdn_cli_usage_error ("check", _("unexpected argument “%s”"), argv[1]);

  path = gdn_cli_database_path ();
  if (!database_exists ("check", path))
    return GDN_EXIT_DATA;
  gdn_cli_warn_shared (path);

  if (!gdn_backup_check (path, &error))
    {
      gdn_cli_print_error (error);
      return GDN_EXIT_DATA;
    }

  g_print (_("“%s”: no damage found\n"), path);
  return GDN_EXIT_OK;
}

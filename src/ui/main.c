/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "gdn-application.h"
#include "gdn-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GdnApplication) app = NULL;

  gdn_i18n_init ();

  /* Run from the build tree (no installed schema): use the one compiled beside it */
  if (g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL &&
      !g_file_test (SCHEMADIR "/" APP_ID ".gschema.xml", G_FILE_TEST_EXISTS) &&
      g_file_test (BUILD_SCHEMADIR "/gschemas.compiled", G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_SCHEMADIR, TRUE);

  g_set_application_name (_("Gendan"));
  app = gdn_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

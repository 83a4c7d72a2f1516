/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-i18n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "gdn-i18n.h"

/**
 * gdn_i18n_init:
 *
 * Sets the locale and binds Gendan's translations: GENDAN_LOCALEDIR when set, the
 * installed ones, or — for a program run from the build tree — the ones built beside it.
 */
void
gdn_i18n_init (void)
{
  const char *dir = g_getenv ("GENDAN_LOCALEDIR");

  setlocale (LC_ALL, "");

  if (dir == NULL)
    {
      g_autofree char *installed = g_build_filename (LOCALEDIR, "zh_CN", "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);
      dir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;
    }

  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

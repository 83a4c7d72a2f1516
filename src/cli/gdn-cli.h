/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-store.h"

G_BEGIN_DECLS

/* Exit statuses of gendan-cli */
enum {
  GDN_EXIT_OK = 0,
  GDN_EXIT_DATA = 1,    /* a data error: nothing was written */
  GDN_EXIT_USAGE = 2,
};

typedef int (*GdnCliCommand) (int    argc,
                              char **argv);

/* Parses argv with @entries plus the common --database option. On a usage error it prints
 * the message and the help to stderr and returns FALSE. */
gboolean     gdn_cli_parse            (const char          *command,
                                       const char          *parameters,
                                       const char          *summary,
                                       const GOptionEntry  *entries,
                                       int                 *argc,
                                       char              ***argv);
const char  *gdn_cli_database_path    (void);
GdnStore    *gdn_cli_open_store       (GError             **error);
void         gdn_cli_warn_shared      (const char          *path);
void         gdn_cli_print_error      (const GError        *error);
int          gdn_cli_usage_error      (const char          *command,
                                       const char          *format,
                                       ...) G_GNUC_PRINTF (2, 3);

int gdn_cli_import  (int argc, char **argv);
int gdn_cli_export  (int argc, char **argv);
int gdn_cli_list    (int argc, char **argv);
int gdn_cli_count   (int argc, char **argv);
int gdn_cli_kpi     (int argc, char **argv);
int gdn_cli_report  (int argc, char **argv);
int gdn_cli_backup  (int argc, char **argv);
int gdn_cli_restore (int argc, char **argv);
int gdn_cli_check   (int argc, char **argv);
int gdn_cli_demo    (int argc, char **argv);
int gdn_cli_set     (int argc, char **argv);

G_END_DECLS

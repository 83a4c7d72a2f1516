/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_APPLICATION (gdn_application_get_type ())
G_DECLARE_FINAL_TYPE (GdnApplication, gdn_application, GDN, APPLICATION, AdwApplication)

GdnApplication *gdn_application_new            (void);
GdnStore       *gdn_application_get_store      (GdnApplication  *self);
gboolean        gdn_application_open_database  (GdnApplication  *self,
                                                const char      *path,
                                                GError         **error);
gboolean        gdn_application_backup_daily   (GdnApplication  *self);
gboolean        gdn_application_restore_backup (GdnApplication  *self,
                                                const char      *backup_path,
                                                GError         **error);

G_END_DECLS

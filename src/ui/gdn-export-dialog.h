/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_EXPORT_DIALOG_READY,
  GDN_EXPORT_DIALOG_EXPORTING,
  GDN_EXPORT_DIALOG_DONE,
  GDN_EXPORT_DIALOG_FAILED,
} GdnExportDialogState;

#define GDN_TYPE_EXPORT_DIALOG (gdn_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnExportDialog, gdn_export_dialog, GDN, EXPORT_DIALOG, AdwWindow)

GtkWidget            *gdn_export_dialog_new        (GtkWindow       *parent,
                                                    GdnStore        *store);
void                  gdn_export_dialog_set_kind   (GdnExportDialog *self,
                                                    const char      *kind);
void                  gdn_export_dialog_set_xlsx   (GdnExportDialog *self,
                                                    gboolean         xlsx);
void                  gdn_export_dialog_export_to  (GdnExportDialog *self,
                                                    GFile           *file);
GdnExportDialogState  gdn_export_dialog_get_state  (GdnExportDialog *self);

G_END_DECLS

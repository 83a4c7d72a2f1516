/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_IMPORT_DIALOG_EMPTY,      /* no file chosen yet */
  GDN_IMPORT_DIALOG_CHECKING,   /* the dry run is reading the file */
  GDN_IMPORT_DIALOG_READY,      /* checked: Import would write what the summary says */
  GDN_IMPORT_DIALOG_REFUSED,    /* checked: the file cannot be imported as it is */
  GDN_IMPORT_DIALOG_IMPORTING,
  GDN_IMPORT_DIALOG_DONE,       /* imported */
  GDN_IMPORT_DIALOG_FAILED,     /* refused or cancelled: nothing was written */
} GdnImportDialogState;

#define GDN_TYPE_IMPORT_DIALOG (gdn_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnImportDialog, gdn_import_dialog, GDN, IMPORT_DIALOG, AdwWindow)

GtkWidget            *gdn_import_dialog_new        (GtkWindow       *parent,
                                                    GdnStore        *store);
void                  gdn_import_dialog_set_kind   (GdnImportDialog *self,
                                                    const char      *kind);
void                  gdn_import_dialog_set_file   (GdnImportDialog *self,
                                                    GFile           *file);
GdnImportDialogState  gdn_import_dialog_get_state  (GdnImportDialog *self);

G_END_DECLS

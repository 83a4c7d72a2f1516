/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_REPORT_DIALOG (gdn_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (GdnReportDialog, gdn_report_dialog, GDN, REPORT_DIALOG, AdwWindow)

GtkWidget *gdn_report_dialog_new         (GtkWindow        *parent,
                                          GdnStore         *store);
/* The period chosen, as 'YYYY-MM-DD' dates; FALSE when the custom dates are not valid. */
gboolean   gdn_report_dialog_get_period  (GdnReportDialog  *self,
                                          char            **from,
                                          char            **to);
/* Writes the PDF without asking where (the file chooser's answer, or a test's). */
void       gdn_report_dialog_save_to     (GdnReportDialog  *self,
                                          GFile            *file);

G_END_DECLS

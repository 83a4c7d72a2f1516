/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CASES_VIEW (gdn_cases_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnCasesView, gdn_cases_view, GDN, CASES_VIEW, GtkWidget)

GtkWidget *gdn_cases_view_new (GdnStore *store);

G_END_DECLS

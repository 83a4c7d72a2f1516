/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTRACTS_VIEW (gdn_contracts_view_get_type ())
G_DECLARE_FINAL_TYPE (GdnContractsView, gdn_contracts_view, GDN, CONTRACTS_VIEW, GtkWidget)

GtkWidget *gdn_contracts_view_new (GdnStore *store);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-contract.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_CONTRACT_PAGE (gdn_contract_page_get_type ())
G_DECLARE_FINAL_TYPE (GdnContractPage, gdn_contract_page, GDN, CONTRACT_PAGE, GtkWidget)

GdnContractPage *gdn_contract_page_new           (GdnStore         *store);
gboolean         gdn_contract_page_load          (GdnContractPage  *self,
                                                  gint64            id,
                                                  GError          **error);
void             gdn_contract_page_new_contract  (GdnContractPage  *self);
GdnContract     *gdn_contract_page_get_contract  (GdnContractPage  *self);
gboolean         gdn_contract_page_attach_file   (GdnContractPage  *self,
                                                  GFile            *file,
                                                  GError          **error);

G_END_DECLS

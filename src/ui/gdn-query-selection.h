/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-query-model.h"

G_BEGIN_DECLS

GtkSingleSelection *gdn_query_selection_new (GdnQueryModel *model);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-window.h"

G_BEGIN_DECLS

void gdn_window_add_section_views (GdnWindow *self,
                                   GdnStore  *store);

G_END_DECLS

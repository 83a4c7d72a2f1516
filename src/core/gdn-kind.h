/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The kinds of record a person lists, imports and exports, by their plural name. */
typedef struct
{
  const char *name;        /* "orders", as on the command line and in CSV.md */
  GType     (*get_type) (void);
  const char *label;       /* N_() */
} GdnKind;

const GdnKind *gdn_kind_lookup   (const char *name);
const GdnKind *gdn_kind_for_type (GType       type);
const GdnKind *gdn_kinds         (guint      *n_kinds);
char          *gdn_kind_names    (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-enums.h"
#include "gdn-record.h"
#include "gdn-store.h"

G_BEGIN_DECLS

/* Shared by gdn-order-workflow.c, gdn-case-workflow.c and gdn-contract-workflow.c. */

/* One allowed step of a workflow; a NULL-terminated list of targets per source status. */
typedef struct
{
  const char *from;
  const char *to[4];
} GdnTransition;

const char * const *gdn_workflow_transitions_from (const GdnTransition *table,
                                                   guint                n,
                                                   const char          *from);
gboolean   gdn_workflow_strv_has            (const char * const *list,
                                             const char         *value);
char      *gdn_workflow_describe_targets    (const GdnEnumInfo  *info,
                                             const char * const *targets);

GdnRecord *gdn_workflow_snapshot            (GdnRecord          *record);
void       gdn_workflow_put_back            (GdnStore           *store,
                                             GdnRecord          *record,
                                             GdnRecord          *snapshot);
gboolean   gdn_workflow_check_writable      (GdnStore           *store,
                                             GError            **error);

G_END_DECLS

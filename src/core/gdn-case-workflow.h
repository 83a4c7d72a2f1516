/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-case.h"
#include "gdn-order.h"
#include "gdn-store.h"

G_BEGIN_DECLS

const char * const *gdn_case_workflow_next_statuses (const char  *status);
gboolean  gdn_case_workflow_can_change        (const char  *from,
                                               const char  *to);

gboolean  gdn_workflow_open_case              (GdnStore    *store,
                                               GdnCase     *kase,
                                               GdnOrder    *order,
                                               GError     **error);
gboolean  gdn_workflow_change_case_status     (GdnStore    *store,
                                               GdnCase     *kase,
                                               const char  *to,
                                               GError     **error);
gboolean  gdn_workflow_respond_case           (GdnStore    *store,
                                               GdnCase     *kase,
                                               const char  *at,
                                               GError     **error);
gboolean  gdn_workflow_start_case             (GdnStore    *store,
                                               GdnCase     *kase,
                                               GError     **error);
gboolean  gdn_workflow_resolve_case           (GdnStore    *store,
                                               GdnCase     *kase,
                                               const char  *resolution,
                                               GError     **error);
gboolean  gdn_workflow_reopen_case            (GdnStore    *store,
                                               GdnCase     *kase,
                                               GError     **error);
gboolean  gdn_workflow_close_case             (GdnStore    *store,
                                               GdnCase     *kase,
                                               int          satisfaction,
                                               GError     **error);

G_END_DECLS

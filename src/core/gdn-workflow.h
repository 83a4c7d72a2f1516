/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-store.h"
#include "gdn-reminder.h"

#include "gdn-case-workflow.h"
#include "gdn-contract-workflow.h"
#include "gdn-order-workflow.h"

G_BEGIN_DECLS

/* Numbers people read on the phone: PREFIX-YYYYMMDD-NNN, counted per day. */
char     *gdn_workflow_next_number         (GdnStore     *store,
                                            GType         type,
                                            const char   *date,
                                            GError      **error);
char     *gdn_workflow_next_order_no       (GdnStore     *store,
                                            GError      **error);
char     *gdn_workflow_next_case_no        (GdnStore     *store,
                                            GError      **error);
char     *gdn_workflow_next_contract_no    (GdnStore     *store,
                                            GError      **error);

gboolean  gdn_workflow_complete_reminder   (GdnStore     *store,
                                            GdnReminder  *reminder,
                                            GError      **error);
gboolean  gdn_workflow_snooze_reminder     (GdnStore     *store,
                                            GdnReminder  *reminder,
                                            const char   *until,
                                            GError      **error);

G_END_DECLS

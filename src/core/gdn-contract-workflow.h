/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-amendment.h"
#include "gdn-attachment.h"
#include "gdn-contract.h"
#include "gdn-order.h"
#include "gdn-store.h"

G_BEGIN_DECLS

const char * const *gdn_contract_workflow_next_statuses (const char  *status);
gboolean  gdn_contract_workflow_can_change     (const char   *from,
                                                const char   *to);

gboolean  gdn_workflow_change_contract_status  (GdnStore     *store,
                                                GdnContract  *contract,
                                                const char   *to,
                                                GError      **error);
gboolean  gdn_workflow_submit_contract         (GdnStore     *store,
                                                GdnContract  *contract,
                                                GError      **error);
gboolean  gdn_workflow_decide_contract         (GdnStore     *store,
                                                GdnContract  *contract,
                                                const char   *role,
                                                gboolean      approve,
                                                const char   *comment,
                                                GError      **error);
gboolean  gdn_workflow_sign_contract           (GdnStore     *store,
                                                GdnContract  *contract,
                                                const char   *signed_date,
                                                GError      **error);
GdnAmendment *gdn_workflow_amend_contract      (GdnStore     *store,
                                                GdnContract  *contract,
                                                const char   *summary,
                                                double        amount_change,
                                                GError      **error);
gboolean  gdn_workflow_link_contract_order     (GdnStore     *store,
                                                GdnContract  *contract,
                                                GdnOrder     *order,
                                                GError      **error);
gboolean  gdn_workflow_unlink_contract_order   (GdnStore     *store,
                                                GdnContract  *contract,
                                                GdnOrder     *order,
                                                GError      **error);

char     *gdn_workflow_attachments_dir         (gint64        contract_id);
char     *gdn_workflow_sanitize_file_name      (const char   *name);
GdnAttachment *gdn_workflow_attach_file        (GdnStore     *store,
                                                GdnContract  *contract,
                                                const char   *source_path,
                                                const char   *file_name,
                                                GError      **error);
char     *gdn_workflow_attachment_path         (GdnAttachment *attachment);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-order.h"
#include "gdn-order-line.h"
#include "gdn-shipment.h"
#include "gdn-store.h"

G_BEGIN_DECLS

const char * const *gdn_order_workflow_next_statuses (const char   *status);
gboolean  gdn_order_workflow_can_change        (const char   *from,
                                                const char   *to);

gboolean  gdn_workflow_check_order_confirmable (GdnStore     *store,
                                                GdnOrder     *order,
                                                GError      **error);
gboolean  gdn_workflow_change_order_status     (GdnStore     *store,
                                                GdnOrder     *order,
                                                const char   *to,
                                                const char   *note,
                                                GError      **error);
gboolean  gdn_workflow_save_order              (GdnStore     *store,
                                                GdnOrder     *order,
                                                GPtrArray    *lines,
                                                GError      **error);
GPtrArray *gdn_workflow_load_order_lines       (GdnStore     *store,
                                                GdnOrder     *order,
                                                GError      **error);
gboolean  gdn_workflow_set_order_progress      (GdnStore     *store,
                                                GdnOrder     *order,
                                                int           progress,
                                                GError      **error);
gboolean  gdn_workflow_ship_order              (GdnStore     *store,
                                                GdnOrder     *order,
                                                GdnShipment  *shipment,
                                                const char   *note,
                                                GError      **error);
gboolean  gdn_workflow_deliver_order           (GdnStore     *store,
                                                GdnOrder     *order,
                                                const char   *delivered_date,
                                                const char   *delay_reason,
                                                const char   *note,
                                                GError      **error);

G_END_DECLS

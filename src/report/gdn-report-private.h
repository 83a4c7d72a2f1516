/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "gdn-kpi.h"
#include "gdn-report-layout.h"
#include "gdn-report.h"

G_BEGIN_DECLS

/* Fills @layout with the title and the six sections, querying @db (a read transaction is
 * open) for the period [from, to]. */
gboolean gdn_report_content_build (GdnReportLayout         *layout,
                                   sqlite3                 *db,
                                   const GdnKpi            *kpi,
                                   const char              *from,
                                   const char              *to,
                                   const GdnReportOptions  *options,
                                   GError                 **error);

G_END_DECLS

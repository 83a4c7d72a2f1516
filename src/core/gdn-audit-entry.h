/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_AUDIT_ENTRY (gdn_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (GdnAuditEntry, gdn_audit_entry, GDN, AUDIT_ENTRY, GdnRecord)

GdnAuditEntry *gdn_audit_entry_new (void);

G_END_DECLS

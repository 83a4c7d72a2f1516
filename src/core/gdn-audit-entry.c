/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-audit-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-audit-entry.h"

struct _GdnAuditEntry
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnAuditEntry, gdn_audit_entry, GDN_TYPE_RECORD)

static const GdnField audit_entry_fields[] = {
  { "at", GDN_FIELD_DATETIME, 0, N_("Time"), NULL, NULL, NULL },
  { "who", GDN_FIELD_TEXT, 0, N_("By"), NULL, NULL, NULL },
  { "table_name", GDN_FIELD_TEXT, 0, N_("Table"), NULL, NULL, NULL },
  { "record_id", GDN_FIELD_INT, 0, N_("Record"), NULL, NULL, NULL },
  { "action", GDN_FIELD_TEXT, 0, N_("Action"), NULL, NULL, NULL },
  { "changes", GDN_FIELD_TEXT, 0, N_("Changes"), NULL, NULL, NULL },
};

static void
gdn_audit_entry_class_init (GdnAuditEntryClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "audit_log", audit_entry_fields,
                              G_N_ELEMENTS (audit_entry_fields), TRUE);
}

static void
gdn_audit_entry_init (GdnAuditEntry *self)
{
}

GdnAuditEntry *
gdn_audit_entry_new (void)
{
  return g_object_new (GDN_TYPE_AUDIT_ENTRY, NULL);
}

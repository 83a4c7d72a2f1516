/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-reminder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-reminder.h"

struct _GdnReminder
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnReminder, gdn_reminder, GDN_TYPE_RECORD)

static const GdnField reminder_fields[] = {
  { "kind", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED, N_("Kind"), &gdn_enum_reminder_kind, NULL, NULL },
  { "title", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED, N_("Title"), NULL, NULL, NULL },
  { "due_at", GDN_FIELD_DATETIME, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Due"), NULL, NULL, NULL },
  { "customer_id", GDN_FIELD_REF, 0, N_("Customer"), NULL, "customers", NULL },
  { "order_id", GDN_FIELD_REF, 0, N_("Order"), NULL, "orders", NULL },
  { "case_id", GDN_FIELD_REF, 0, N_("Case"), NULL, "cases", NULL },
  { "contact_id", GDN_FIELD_REF, 0, N_("Contact"), NULL, "contacts", NULL },
  { "done_at", GDN_FIELD_DATETIME, 0, N_("Done"), NULL, NULL, NULL },
  { "snoozed_until", GDN_FIELD_DATETIME, 0, N_("Snoozed until"), NULL, NULL, NULL },
  { "notes", GDN_FIELD_TEXT, 0, N_("Notes"), NULL, NULL, NULL },
  /* schema step 2: the record a reminder derived from a date comes from (gdn-agenda) */
  { "source_id", GDN_FIELD_INT, 0, N_("Source"), NULL, NULL, NULL },
};

static void
gdn_reminder_class_init (GdnReminderClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "reminders", reminder_fields,
                              G_N_ELEMENTS (reminder_fields), FALSE);
}

static void
gdn_reminder_init (GdnReminder *self)
{
}

GdnReminder *
gdn_reminder_new (void)
{
  return g_object_new (GDN_TYPE_REMINDER, NULL);
}

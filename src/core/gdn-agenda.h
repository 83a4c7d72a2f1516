/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gdn-store.h"

G_BEGIN_DECLS

/* How many days after today the agenda looks ahead. */
#define GDN_AGENDA_DAYS_AHEAD 7

typedef enum
{
  GDN_AGENDA_OVERDUE,    /* due before now (all-day ones: before today) */
  GDN_AGENDA_TODAY,      /* due later today */
  GDN_AGENDA_UPCOMING,   /* due in the next GDN_AGENDA_DAYS_AHEAD days */
} GdnAgendaGroup;

/* One reminder that is due: derived from a date of a record (payment due of an order, ETA
 * of a shipment …), or a row of the reminders table a person added. */
typedef struct
{
  char           *key;           /* unique in a list: "payment_due:42", "reminder:7" */
  char           *kind;          /* a value of gdn_enum_reminder_kind */
  gint64          source_id;     /* the record it is derived from; 0 for a person's own */
  gint64          reminder_id;   /* its row in the reminders table, 0 when it has none yet */
  char           *title;         /* translated */
  char           *detail;        /* customer, subject …; may be empty */
  char           *due;           /* 'YYYY-MM-DD HH:MM:SS': when it falls due, snooze included */
  char           *original_due;  /* the date it comes from, before any snooze */
  gboolean        all_day;       /* due on a day, not at a time: @due's time is meaningless */
  gboolean        snoozed;
  char           *link;          /* the record to open, "orders:42", or NULL */
  GdnAgendaGroup  group;
  /*< private >*/
  gint64          customer_id;
  gint64          order_id;
  gint64          case_id;
  gint64          contact_id;
} GdnAgendaEntry;

#define GDN_TYPE_AGENDA_ENTRY (gdn_agenda_entry_get_type ())

GType            gdn_agenda_entry_get_type   (void) G_GNUC_CONST;
GdnAgendaEntry  *gdn_agenda_entry_ref        (GdnAgendaEntry  *entry);
void             gdn_agenda_entry_unref      (GdnAgendaEntry  *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnAgendaEntry, gdn_agenda_entry_unref)

char            *gdn_agenda_now              (GdnStore        *store,
                                              GError         **error);
GPtrArray       *gdn_agenda_list             (GdnStore        *store,
                                              const char      *now,
                                              GError         **error);
void             gdn_agenda_list_async       (GdnStore        *store,
                                              const char      *now,
                                              GCancellable    *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer         user_data);
GPtrArray       *gdn_agenda_list_finish      (GdnStore        *store,
                                              GAsyncResult    *result,
                                              GError         **error);
guint            gdn_agenda_count_group      (GPtrArray       *entries,
                                              GdnAgendaGroup   group);
GPtrArray       *gdn_agenda_falling_due      (GPtrArray       *entries,
                                              const char      *since,
                                              const char      *now);
GdnAgendaEntry  *gdn_agenda_find             (GPtrArray       *entries,
                                              const char      *key);

gboolean         gdn_agenda_complete         (GdnStore        *store,
                                              GdnAgendaEntry  *entry,
                                              const char      *now,
                                              GError         **error);
gboolean         gdn_agenda_reopen           (GdnStore        *store,
                                              GdnAgendaEntry  *entry,
                                              GError         **error);
gboolean         gdn_agenda_snooze           (GdnStore        *store,
                                              GdnAgendaEntry  *entry,
                                              const char      *until,
                                              GError         **error);
char            *gdn_agenda_snooze_until     (GdnAgendaEntry  *entry,
                                              const char      *now,
                                              int              days);

G_END_DECLS

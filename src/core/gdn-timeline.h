/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gdn-store.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_TIMELINE_STATUS,        /* an order_events row: a step of the workflow */
  GDN_TIMELINE_INTERACTION,   /* a call, mail, meeting … logged against the order */
  GDN_TIMELINE_SHIPMENT,      /* a shipment of the order, at its shipped date */
  GDN_TIMELINE_CASE,          /* an after-sales case about the order, when opened */
} GdnTimelineKind;

/* One moment in an order's history, ready to show: the title and detail are in the
 * user's language. record_type and record_id name the row it comes from, so a view can
 * link to it (a case opens in the Cases section). */
typedef struct
{
  GdnTimelineKind  kind;
  char            *at;           /* 'YYYY-MM-DD HH:MM:SS', or 'YYYY-MM-DD' for dates */
  char            *title;
  char            *detail;       /* nullable: the note, summary, tracking number … */
  char            *who;          /* nullable */
  GType            record_type;
  gint64           record_id;
} GdnTimelineEntry;

#define GDN_TYPE_TIMELINE_ENTRY (gdn_timeline_entry_get_type ())
GType              gdn_timeline_entry_get_type  (void) G_GNUC_CONST;
GdnTimelineEntry  *gdn_timeline_entry_copy      (const GdnTimelineEntry  *entry);
void               gdn_timeline_entry_free      (GdnTimelineEntry        *entry);

GPtrArray         *gdn_timeline_load            (GdnStore                *store,
                                                 gint64                   order_id,
                                                 GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnTimelineEntry, gdn_timeline_entry_free)

G_END_DECLS

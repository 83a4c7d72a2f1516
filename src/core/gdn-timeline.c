/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-interaction.h"
#include "gdn-order-event.h"
#include "gdn-parse.h"
#include "gdn-shipment.h"
#include "gdn-timeline.h"

/* An order's history in one list: its status events, the interactions, shipments and
 * cases recorded against it, merged by time, newest first. Each kind is a small set per
 * order, read with the store's child queries and merged here. */

G_DEFINE_BOXED_TYPE (GdnTimelineEntry, gdn_timeline_entry,
                     gdn_timeline_entry_copy, gdn_timeline_entry_free)

/* While merging: the entry and the order it was read in, to keep ties stable */
typedef struct
{
  GdnTimelineEntry *entry;
  guint             seq;
} Sortable;

static GdnTimelineEntry *
entry_new (GdnTimelineKind  kind,
           GdnRecord       *record,
           const char      *at,
           char            *title,
           char            *detail,
           const char      *who)
{
  GdnTimelineEntry *entry = g_new0 (GdnTimelineEntry, 1);

  entry->kind = kind;
  entry->at = g_strdup (at);
  entry->title = title;
  if (detail != NULL && *detail != '\0')
    entry->detail = detail;
  else
    g_free (detail);
  entry->who = who != NULL && *who != '\0' ? g_strdup (who) : NULL;
  entry->record_type = G_OBJECT_TYPE (record);
  entry->record_id = gdn_record_get_id (record);
  return entry;
}

/* "a · b · c", skipping the parts not given */
static char *
join_parts (const char *first,
            ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != (const char *) 1; part = va_arg (args, const char *))
    if (part != NULL && *part != '\0')
      {
        if (s->len > 0)
          g_string_append (s, " · ");
        g_string_append (s, part);
      }
  va_end (args);
  return g_string_free (s, FALSE);
}

#define JOIN(...) join_parts (__VA_ARGS__, (const char *) 1)

static GdnTimelineEntry *
status_entry (GdnRecord *event)
{
  const char *from = gdn_record_get_string (event, "from_status");
  const char *to = gdn_record_get_string (event, "to_status");
  char *title;

  if (from == NULL)
    title = g_strdup_printf (_("Order created as “%s”"),
                             gdn_enum_label (&gdn_enum_order_status, to));
  else if (g_strcmp0 (from, "qc") == 0 && g_strcmp0 (to, "in_production") == 0)
    title = g_strdup (_("Quality check failed, back to production"));
  else if (g_strcmp0 (from, "qc") == 0 && g_strcmp0 (to, "shipped") == 0)
    title = g_strdup (_("Quality check passed and shipped"));
  else
    title = g_strdup (gdn_enum_label (&gdn_enum_order_status, to));

  return entry_new (GDN_TIMELINE_STATUS, event, gdn_record_get_string (event, "at"), title,
                    g_strdup (gdn_record_get_string (event, "note")),
                    gdn_record_get_string (event, "who"));
}

static GdnTimelineEntry *
interaction_entry (GdnRecord *interaction)
{
  const char *channel = gdn_enum_label (&gdn_enum_channel,
                                        gdn_record_get_string (interaction, "channel"));
  const char *direction = gdn_record_get_string (interaction, "direction");
  const char *contact = gdn_record_get_string (interaction, "contact_name");
  const char *follow_up = gdn_record_get_string (interaction, "next_follow_up");
  g_autofree char *with = NULL;
  g_autofree char *next = NULL;
  char *title;

  if (direction != NULL)
    /* TRANSLATORS: an interaction in the timeline: "E-mail (Outgoing)" */
    title = g_strdup_printf (_("%s (%s)"), channel,
                             gdn_enum_label (&gdn_enum_direction, direction));
  else
    title = g_strdup (channel);
  if (contact != NULL)
    /* TRANSLATORS: the contact person of an interaction */
    with = g_strdup_printf (_("with %s"), contact);
  if (follow_up != NULL)
    {
      g_autofree char *date = gdn_format_date (follow_up);

      next = g_strdup_printf (_("next follow-up %s"), date);
    }

  return entry_new (GDN_TIMELINE_INTERACTION, interaction,
                    gdn_record_get_string (interaction, "at"), title,
                    JOIN (gdn_record_get_string (interaction, "summary"), with, next),
                    gdn_record_get_string (interaction, "who"));
}

static GdnTimelineEntry *
shipment_entry (GdnRecord *shipment)
{
  const char *carrier = gdn_record_get_string (shipment, "carrier");
  const char *mode = gdn_record_get_string (shipment, "mode");
  const char *tracking = gdn_record_get_string (shipment, "tracking_no");
  const char *eta = gdn_record_get_string (shipment, "eta");
  const char *status = gdn_record_get_string (shipment, "status");
  const char *at = gdn_record_get_string (shipment, "shipped_date");
  g_autofree char *tracking_text = NULL;
  g_autofree char *eta_text = NULL;
  char *title;

  title = g_strdup_printf (_("Shipped with %s"), carrier != NULL ? carrier : "");
  if (tracking != NULL)
    tracking_text = g_strdup_printf (_("tracking number %s"), tracking);
  if (eta != NULL)
    {
      g_autofree char *date = gdn_format_date (eta);

      eta_text = g_strdup_printf (_("ETA %s"), date);
    }

  /* a shipment not yet gone is shown when it was recorded */
  if (at == NULL)
    at = gdn_record_get_created_at (shipment);

  return entry_new (GDN_TIMELINE_SHIPMENT, shipment, at, title,
                    JOIN (mode != NULL ? gdn_enum_label (&gdn_enum_transport_mode, mode) : NULL,
                          tracking_text, eta_text,
                          gdn_enum_label (&gdn_enum_shipment_status, status)),
                    NULL);
}

static GdnTimelineEntry *
case_entry (GdnRecord *kase)
{
  const char *type = gdn_record_get_string (kase, "type");
  const char *category = gdn_record_get_string (kase, "category");
  char *title;

  /* TRANSLATORS: "Case KS-20261102-001 opened: Complaint" */
  title = g_strdup_printf (_("Case %s opened: %s"), gdn_record_get_string (kase, "case_no"),
                           gdn_enum_label (&gdn_enum_case_type, type));

  return entry_new (GDN_TIMELINE_CASE, kase, gdn_record_get_string (kase, "opened_at"), title,
                    JOIN (gdn_record_get_string (kase, "subject"),
                          category != NULL
                            ? gdn_enum_label (&gdn_enum_complaint_category, category) : NULL,
                          gdn_enum_label (&gdn_enum_case_status,
                                          gdn_record_get_string (kase, "status"))),
                    gdn_record_get_string (kase, "owner"));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const Sortable *x = a;
  const Sortable *y = b;
  int c = g_strcmp0 (y->entry->at, x->entry->at);

  if (c != 0)
    return c;
  return x->seq < y->seq ? 1 : x->seq > y->seq ? -1 : 0;
}

/**
 * gdn_timeline_entry_copy:
 */
GdnTimelineEntry *
gdn_timeline_entry_copy (const GdnTimelineEntry *entry)
{
  GdnTimelineEntry *copy = g_new0 (GdnTimelineEntry, 1);

  *copy = *entry;
  copy->at = g_strdup (entry->at);
  copy->title = g_strdup (entry->title);
  copy->detail = g_strdup (entry->detail);
  copy->who = g_strdup (entry->who);
  return copy;
}

void
gdn_timeline_entry_free (GdnTimelineEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry->who);
  g_free (entry);
}

/**
 * gdn_timeline_load:
 * @order_id: an order
 *
 * Reads the order's history: each status event (with who and the note), each
 * interaction logged against the order, each shipment (at its shipped date) and each case
 * about the order (when it was opened). Records in the trash are left out. Entries at the
 * same time keep the order they were written in (the later first).
 *
 * Returns: (transfer full) (element-type GdnTimelineEntry): the entries, newest first;
 *   %NULL with @error set when the database cannot be read
 */
GPtrArray *
gdn_timeline_load (GdnStore  *store,
                   gint64     order_id,
                   GError   **error)
{
  static const struct
  {
    GType            (*get_type) (void);
    GdnTimelineEntry *(*make) (GdnRecord *record);
  } sources[] = {
    { gdn_order_event_get_type, status_entry },
    { gdn_interaction_get_type, interaction_entry },
    { gdn_shipment_get_type, shipment_entry },
    { gdn_case_get_type, case_entry },
  };
  g_autoptr(GArray) merged = g_array_new (FALSE, FALSE, sizeof (Sortable));
  GPtrArray *entries;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GPtrArray) records = gdn_store_list_children (store, sources[s].get_type (),
                                                              "order_id", order_id, error);

      if (records == NULL)
        {
          for (guint i = 0; i < merged->len; i++)
            gdn_timeline_entry_free (g_array_index (merged, Sortable, i).entry);
          return NULL;
        }
      for (guint i = 0; i < records->len; i++)
        {
          Sortable item = { sources[s].make (g_ptr_array_index (records, i)), merged->len };

          g_array_append_val (merged, item);
        }
    }

  g_array_sort (merged, compare_newest_first);

  entries = g_ptr_array_new_full (merged->len, (GDestroyNotify) gdn_timeline_entry_free);
  for (guint i = 0; i < merged->len; i++)
    g_ptr_array_add (entries, g_array_index (merged, Sortable, i).entry);
  return entries;
}

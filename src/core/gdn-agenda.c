/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-agenda"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-agenda.h"
#include "gdn-flags.h"
#include "gdn-parse.h"
#include "gdn-reminder.h"
#include "gdn-validation-error.h"

/* What is due: reminders derived from the dates of records, and the ones people added.
 *
 * A derived reminder has no row until someone acts on it: marking it done or snoozing it
 * writes a row of the reminders table with its kind, the id of the record it comes from
 * (source_id) and the date it was due. That state holds for that date only, so a payment
 * due date that moves, or next year's birthday, comes back as a new reminder. Rows of a
 * derived kind without a source_id (written by older versions and by the demo generator)
 * are matched to their reminder by the record they name and their date.
 *
 * "Now" comes from the caller, or from the database (GDN_FLAGS_NOW_SQL: the clock, or the
 * time pinned for tests), the same as the flags. */

G_DEFINE_BOXED_TYPE (GdnAgendaEntry, gdn_agenda_entry, gdn_agenda_entry_ref,
                     gdn_agenda_entry_unref)

/* The kinds derived from dates, with what they come from:
 *   payment_due    orders.payment_due of orders not closed, cancelled or lost
 *   production     orders.promised_date of orders in production
 *   eta            shipments.eta of shipments in transit or delayed, not yet delivered
 *   case_response  cases.opened_at + 24 h of open cases without a first response
 *   follow_up      interactions.next_follow_up, unless the customer was contacted since
 *   birthday       contacts.birthday, this year's (next year's once a week has passed)
 * Each row: kind, source_id, due, all_day, a, b, c (texts for the title), link table and
 * id, customer, order, case and contact ids, and the reference a row without source_id
 * names its source by (legacy_ref). */
#define BIRTHDAY_IN(year)                                                             \
  "date(printf('%04d-01-01', " year "),"                                              \
  " printf('+%d months', substr(p.birthday, 6, 2) - 1),"                              \
  " printf('+%d days', substr(p.birthday, 9, 2) - 1))"

static const char derived_sql[] =
  "WITH n AS (SELECT ?1 AS now, date(?1) AS today, date(?1, '+7 days') AS horizon,"
  "   date(?1, '-7 days') AS week_ago,"
  "   strftime('%m', ?1, '-7 days', 'start of month', '-1 month') AS birthday_month_1,"
  "   strftime('%m', ?1, '-7 days') AS birthday_month_2,"
  "   strftime('%m', ?1, '+7 days') AS birthday_month_3),\n"
  /* the rows without source_id, by what they name: one pass, then an automatic index,
   * instead of a look-up among all of them for each reminder */
  "legacy AS MATERIALIZED (SELECT r.kind, date(r.due_at) AS day,"
  "   CASE r.kind WHEN 'case_response' THEN r.case_id WHEN 'birthday' THEN r.contact_id"
  "    WHEN 'follow_up' THEN r.customer_id ELSE r.order_id END AS ref, max(r.id) AS id"
  " FROM reminders r WHERE r.source_id IS NULL AND r.deleted_at IS NULL GROUP BY 1, 2, 3),\n"
  "cand AS (\n"
  /* legacy_ref has no affinity, like the legacy rows' ref: the automatic index on those
   * rows can then look it up along with the kind and the day */
  " SELECT 'payment_due' AS kind, o.id AS source_id, o.payment_due || ' 00:00:00' AS due,"
  "   1 AS all_day, o.order_no AS a, cu.name AS b, NULL AS c, 'orders' AS link_table,"
  "   o.id AS link_id, o.customer_id AS customer_id, o.id AS order_id, 0 AS case_id,"
  "   0 AS contact_id, +o.id AS legacy_ref\n"
  " FROM orders o JOIN customers cu ON cu.id = o.customer_id, n\n"
  " WHERE o.deleted_at IS NULL AND o.payment_due IS NOT NULL AND o.payment_due <= n.horizon"
  "   AND o.status NOT IN ('closed', 'cancelled', 'lost')\n"
  " UNION ALL\n"
  " SELECT 'production', o.id, o.promised_date || ' 00:00:00', 1, o.order_no, cu.name, NULL,"
  "   'orders', o.id, o.customer_id, o.id, 0, 0, o.id\n"
  " FROM orders o JOIN customers cu ON cu.id = o.customer_id, n\n"
  " WHERE o.deleted_at IS NULL AND o.status = 'in_production'"
  "   AND o.promised_date IS NOT NULL AND o.promised_date <= n.horizon\n"
  " UNION ALL\n"
  " SELECT 'eta', s.id, s.eta || ' 00:00:00', 1, o.order_no, cu.name,"
  "   trim(s.carrier || ' ' || ifnull(s.tracking_no, '')), 'shipments', s.id,"
  "   o.customer_id, o.id, 0, 0, o.id\n"
  " FROM shipments s JOIN orders o ON o.id = s.order_id"
  "   JOIN customers cu ON cu.id = o.customer_id, n\n"
  " WHERE s.deleted_at IS NULL AND s.status IN ('in_transit', 'delayed')"
  "   AND s.delivered_date IS NULL AND s.eta IS NOT NULL AND s.eta <= n.horizon\n"
  " UNION ALL\n"
  " SELECT 'case_response', k.id, datetime(k.opened_at, '+24 hours'), 0, k.case_no, cu.name,"
  "   k.subject, 'cases', k.id, k.customer_id, ifnull(k.order_id, 0), k.id, 0, k.id\n"
  " FROM cases k JOIN customers cu ON cu.id = k.customer_id, n\n"
  " WHERE k.deleted_at IS NULL AND k.status = 'open' AND k.first_response_at IS NULL"
  "   AND date(k.opened_at, '+24 hours') <= n.horizon\n"
  " UNION ALL\n"
  " SELECT 'follow_up', i.id, i.next_follow_up || ' 00:00:00', 1, cu.name, p.name, i.summary,"
  "   'customers', i.customer_id, i.customer_id, ifnull(i.order_id, 0),"
  "   ifnull(i.case_id, 0), ifnull(i.contact_id, 0), i.customer_id\n"
  " FROM interactions i JOIN customers cu ON cu.id = i.customer_id"
  "   LEFT JOIN contacts p ON p.id = i.contact_id, n\n"
  " WHERE i.deleted_at IS NULL AND i.next_follow_up IS NOT NULL"
  "   AND i.next_follow_up <= n.horizon"
  "   AND NOT EXISTS (SELECT 1 FROM interactions j WHERE j.customer_id = i.customer_id"
  "     AND j.deleted_at IS NULL AND j.at > i.at)\n"
  " UNION ALL\n"
  " SELECT 'birthday', b.id, b.day || ' 00:00:00', 1, b.name, cu.name, NULL, 'customers',"
  "   b.customer_id, b.customer_id, 0, 0, b.id, b.id\n"
  " FROM (SELECT p.id, p.name, p.customer_id,"
  "     CASE WHEN " BIRTHDAY_IN ("strftime('%Y', n.today) + 0") " < n.week_ago"
  "     THEN " BIRTHDAY_IN ("strftime('%Y', n.today) + 1")
  "     ELSE " BIRTHDAY_IN ("strftime('%Y', n.today) + 0") " END AS day"
  "   FROM contacts p, n"
  "   WHERE p.deleted_at IS NULL AND p.birthday IS NOT NULL AND length(p.birthday) >= 10"
  /* a birthday written with a month 01-12 and a day 01-31 falls in that month or in the
   * first days of the next: unless its month is that of a week ago, the one before it,
   * or that of a week ahead, it cannot be on the list. Only the birthdays written
   * otherwise need their day worked out to tell. */
  "     AND (substr(p.birthday, 6, 2) IN (n.birthday_month_1, n.birthday_month_2,"
  "         n.birthday_month_3)"
  "       OR NOT (substr(p.birthday, 6, 2) GLOB '[0-9][0-9]'"
  "         AND substr(p.birthday, 6, 2) BETWEEN '01' AND '12'"
  "         AND substr(p.birthday, 9, 2) GLOB '[0-9][0-9]'"
  "         AND substr(p.birthday, 9, 2) BETWEEN '01' AND '31'))) b"
  "   JOIN customers cu ON cu.id = b.customer_id, n\n"
  " WHERE cu.deleted_at IS NULL AND b.day <= n.horizon\n"
  ")\n"
  "SELECT c.kind, c.source_id, ifnull(st.id, 0), c.due, c.all_day, c.a, c.b, c.c,"
  "  c.link_table, c.link_id, st.snoozed_until, c.customer_id, c.order_id, c.case_id,"
  "  c.contact_id\n"
  "FROM cand c CROSS JOIN n\n"
  /* its own row first, by the index on kind and source_id, then an older one that names
   * its source */
  "LEFT JOIN reminders st ON st.id = ifnull("
  " (SELECT r.id FROM reminders r WHERE r.kind = c.kind AND r.source_id = c.source_id"
  "   AND r.deleted_at IS NULL AND date(r.due_at) = date(c.due) ORDER BY r.id DESC LIMIT 1),"
  " (SELECT l.id FROM legacy l WHERE l.kind = c.kind AND l.ref = c.legacy_ref"
  "   AND l.day = date(c.due)))\n"
  "WHERE st.done_at IS NULL"
  "  AND date(max(c.due, ifnull(st.snoozed_until, ''))) <= n.horizon";

/* The reminders people added; rows of derived kinds are the state of derived ones. */
static const char own_sql[] =
  "SELECT r.kind, 0, r.id, r.due_at, substr(r.due_at, 12) = '00:00:00', r.title, cu.name,"
  "  r.notes, NULL, 0, r.snoozed_until, ifnull(r.customer_id, 0), ifnull(r.order_id, 0),"
  "  ifnull(r.case_id, 0), ifnull(r.contact_id, 0)\n"
  "FROM reminders r LEFT JOIN customers cu ON cu.id = r.customer_id\n"
  "WHERE r.deleted_at IS NULL AND r.done_at IS NULL AND r.source_id IS NULL"
  "  AND r.kind = 'custom'"
  "  AND date(max(r.due_at, ifnull(r.snoozed_until, ''))) <= date(?1, '+7 days')";

GdnAgendaEntry *
gdn_agenda_entry_ref (GdnAgendaEntry *entry)
{
  return g_atomic_rc_box_acquire (entry);
}

static void
entry_clear (GdnAgendaEntry *entry)
{
  g_free (entry->key);
  g_free (entry->kind);
  g_free (entry->title);
  g_free (entry->detail);
  g_free (entry->due);
  g_free (entry->original_due);
  g_free (entry->link);
}

void
gdn_agenda_entry_unref (GdnAgendaEntry *entry)
{
  g_atomic_rc_box_release_full (entry, (GDestroyNotify) entry_clear);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? text : "";
}

/* "a · b", leaving out the empty ones */
static char *
join_details (const char *first,
              ...)
{
  GString *s = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    {
      g_autofree char *clean = g_strstrip (g_strdup (part));

      if (*clean == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, clean);
    }
  va_end (args);
  return g_string_free (s, FALSE);
}

static char *
derived_title (const char *kind,
               const char *a)
{
  if (g_str_equal (kind, "payment_due"))
    return g_strdup_printf (_("Payment due for order %s"), a);
  if (g_str_equal (kind, "production"))
    return g_strdup_printf (_("Production of order %s to be completed"), a);
  if (g_str_equal (kind, "eta"))
    return g_strdup_printf (_("Shipment of order %s to arrive"), a);
  if (g_str_equal (kind, "case_response"))
    return g_strdup_printf (_("First response to case %s"), a);
  if (g_str_equal (kind, "follow_up"))
    return g_strdup_printf (_("Follow up with %s"), a);
  if (g_str_equal (kind, "birthday"))
    return g_strdup_printf (_("Birthday of %s"), a);
  return g_strdup (a);
}

static GdnAgendaEntry *
entry_from_row (sqlite3_stmt *stmt,
                const char   *now)
{
  GdnAgendaEntry *entry = g_atomic_rc_box_new0 (GdnAgendaEntry);
  const char *kind = column_text (stmt, 0);
  const char *a = column_text (stmt, 5);
  const char *b = column_text (stmt, 6);
  const char *c = column_text (stmt, 7);
  const char *link_table = (const char *) sqlite3_column_text (stmt, 8);
  const char *snoozed = (const char *) sqlite3_column_text (stmt, 10);
  g_autofree char *today = g_strndup (now, 10);
  g_autofree char *due_day = NULL;

  entry->kind = g_strdup (kind);
  entry->source_id = sqlite3_column_int64 (stmt, 1);
  entry->reminder_id = sqlite3_column_int64 (stmt, 2);
  entry->original_due = g_strdup (column_text (stmt, 3));
  entry->all_day = sqlite3_column_int (stmt, 4) != 0;
  entry->customer_id = sqlite3_column_int64 (stmt, 11);
  entry->order_id = sqlite3_column_int64 (stmt, 12);
  entry->case_id = sqlite3_column_int64 (stmt, 13);
  entry->contact_id = sqlite3_column_int64 (stmt, 14);

  if (entry->source_id > 0)
    {
      entry->key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, entry->source_id);
      entry->title = derived_title (kind, a);
      entry->detail = join_details (b, c, NULL);
    }
  else
    {
      entry->key = g_strdup_printf ("reminder:%" G_GINT64_FORMAT, entry->reminder_id);
      entry->title = g_strdup (a);
      entry->detail = join_details (b, c, NULL);
    }

  /* snoozing earlier than the due time would only hide nothing */
  if (snoozed != NULL && strcmp (snoozed, entry->original_due) > 0)
    {
      entry->snoozed = TRUE;
      entry->due = g_strdup (snoozed);
      entry->all_day = entry->all_day && g_str_has_suffix (snoozed, " 00:00:00");
    }
  else
    entry->due = g_strdup (entry->original_due);

  if (link_table != NULL)
    entry->link = g_strdup_printf ("%s:%" G_GINT64_FORMAT, link_table,
                                   (gint64) sqlite3_column_int64 (stmt, 9));
  else if (entry->case_id > 0)
    entry->link = g_strdup_printf ("cases:%" G_GINT64_FORMAT, entry->case_id);
  else if (entry->order_id > 0)
    entry->link = g_strdup_printf ("orders:%" G_GINT64_FORMAT, entry->order_id);
  else if (entry->customer_id > 0)
    entry->link = g_strdup_printf ("customers:%" G_GINT64_FORMAT, entry->customer_id);

  due_day = g_strndup (entry->due, 10);
  if (entry->all_day)
    {
      int cmp = strcmp (due_day, today);

      entry->group = cmp < 0 ? GDN_AGENDA_OVERDUE : cmp == 0 ? GDN_AGENDA_TODAY
                                                             : GDN_AGENDA_UPCOMING;
    }
  else if (strcmp (entry->due, now) < 0)
    entry->group = GDN_AGENDA_OVERDUE;
  else
    entry->group = g_str_equal (due_day, today) ? GDN_AGENDA_TODAY : GDN_AGENDA_UPCOMING;

  return entry;
}

/* An entry with the collation key of its title, made when a comparison first needs it:
 * thousands of overdue payments share a day, and collating their titles pair by pair
 * normalized them again at each comparison. Keys compare as the titles collate. */
typedef struct
{
  GdnAgendaEntry *entry;
  char           *title_key;
} SortItem;

static const char *
title_key (SortItem *item)
{
  if (item->title_key == NULL)
    item->title_key = g_utf8_collate_key (item->entry->title, -1);
  return item->title_key;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortItem *p = *(SortItem * const *) a;
  SortItem *q = *(SortItem * const *) b;
  const GdnAgendaEntry *x = p->entry;
  const GdnAgendaEntry *y = q->entry;
  int cmp;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  /* a day's all-day reminders come before its timed ones: they are for the whole day */
  if ((cmp = strncmp (x->due, y->due, 10)) != 0)
    return cmp;
  if (x->all_day != y->all_day)
    return x->all_day ? -1 : 1;
  if ((cmp = strcmp (x->due, y->due)) != 0)
    return cmp;
  if ((cmp = strcmp (x->kind, y->kind)) != 0)
    return cmp;
  if ((cmp = strcmp (title_key (p), title_key (q))) != 0)
    return cmp;
  return strcmp (x->key, y->key);
}

/* (the sort moves pointers to the items, so that a key made on the way stays with its
 * item) */
static void
sort_entries (GPtrArray *entries)
{
  guint n = entries->len;
  g_autofree SortItem *items = g_new0 (SortItem, MAX (n, 1));
  g_autofree SortItem **order = g_new (SortItem *, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      items[i].entry = g_ptr_array_index (entries, i);
      order[i] = &items[i];
    }
  g_qsort_with_data (order, n, sizeof (SortItem *), compare_items, NULL);
  for (guint i = 0; i < n; i++)
    {
      entries->pdata[i] = order[i]->entry;
      g_free (items[i].title_key);
    }
}

static gboolean
add_rows (sqlite3      *db,
          const char   *sql,
          const char   *now,
          GPtrArray    *entries,
          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      gdn_set_sqlite_error (db, rc, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt, now));
  if (rc != SQLITE_DONE)
    {
      gdn_set_sqlite_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_on (sqlite3     *db,
         const char  *now,
         GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) gdn_agenda_entry_unref);
  if (!add_rows (db, derived_sql, now, entries, error) ||
      !add_rows (db, own_sql, now, entries, error))
    return NULL;

  sort_entries (entries);
  return g_steal_pointer (&entries);
}

/**
 * gdn_agenda_now:
 *
 * Returns: (transfer full): the time of the flags and the agenda, 'YYYY-MM-DD HH:MM:SS':
 *   the clock, unless a test pinned it (gdn_flags_set_now_for_testing())
 */
char *
gdn_agenda_now (GdnStore  *store,
                GError   **error)
{
  GdnDatabase *database;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  database = gdn_store_get_database (store);
  stmt = gdn_database_prepare (database, "SELECT " GDN_FLAGS_NOW_SQL, error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdn_database_set_error (database, rc, error);
      return NULL;
    }
  return g_strdup (column_text (stmt, 0));
}

/**
 * gdn_agenda_list:
 * @now: (nullable): 'YYYY-MM-DD HH:MM:SS', or %NULL for gdn_agenda_now()
 *
 * Everything that is overdue or due by the end of the %GDN_AGENDA_DAYS_AHEAD-th day after
 * @now, not done, and not snoozed beyond that: overdue first, then by due time.
 *
 * Returns: (transfer full) (element-type GdnAgendaEntry): the entries, or %NULL with
 *   @error set
 */
GPtrArray *
gdn_agenda_list (GdnStore    *store,
                 const char  *now,
                 GError     **error)
{
  g_autofree char *db_now = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (now == NULL || gdn_datetime_is_valid (now), NULL);

  if (now == NULL && (now = db_now = gdn_agenda_now (store, error)) == NULL)
    return NULL;

  return list_on (gdn_database_get_handle (gdn_store_get_database (store)), now, error);
}

typedef struct
{
  char *path;
  char *now;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *ld = data;

  g_free (ld->path);
  g_free (ld->now);
  g_free (ld);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListData *ld = task_data;
  GError *error = NULL;
  GPtrArray *entries = NULL;
  sqlite3 *db;

  if ((db = gdn_database_open_reader (ld->path, cancellable, &error)) != NULL)
    {
      entries = list_on (db, ld->now, &error);
      gdn_database_close_reader (db);
    }
  if (entries == NULL)
    {
      /* a statement stopped by the cancellable fails as interrupted */
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_clear_error (&error);
          g_task_return_error_if_cancelled (task);
        }
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * gdn_agenda_list_async:
 * @now: (nullable): as for gdn_agenda_list()
 *
 * Lists the agenda like gdn_agenda_list(), in a worker thread on a read-only connection of
 * its own: on a file of years of orders, reading everything that is overdue takes longer
 * than a frame. What the store has written before the call is what it sees.
 */
void
gdn_agenda_list_async (GdnStore            *store,
                       const char          *now,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *db_now = NULL;
  GError *error = NULL;
  const char *path;
  ListData *ld;

  g_return_if_fail (GDN_IS_STORE (store));
  g_return_if_fail (now == NULL || gdn_datetime_is_valid (now));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, gdn_agenda_list_async);

  if (now == NULL && (now = db_now = gdn_agenda_now (store, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* a database in memory has no second connection: read it here */
  path = gdn_database_get_path (gdn_store_get_database (store));
  if (path == NULL || *path == '\0' || g_str_equal (path, ":memory:"))
    {
      GPtrArray *entries = gdn_agenda_list (store, now, &error);

      if (entries == NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  ld = g_new0 (ListData, 1);
  ld->path = g_strdup (path);
  ld->now = g_strdup (now);
  g_task_set_task_data (task, ld, list_data_free);
  g_task_run_in_thread (task, list_thread);
}

/**
 * gdn_agenda_list_finish:
 *
 * Returns: (transfer full) (element-type GdnAgendaEntry): the entries, or %NULL with
 *   @error set (%G_IO_ERROR_CANCELLED when cancelled)
 */
GPtrArray *
gdn_agenda_list_finish (GdnStore      *store,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == gdn_agenda_list_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
gdn_agenda_count_group (GPtrArray      *entries,
                        GdnAgendaGroup  group)
{
  guint n = 0;

  g_return_val_if_fail (entries != NULL, 0);

  for (guint i = 0; i < entries->len; i++)
    if (((GdnAgendaEntry *) g_ptr_array_index (entries, i))->group == group)
      n++;
  return n;
}

/* All-day reminders fall due when the office day starts, not at midnight */
static char *
falls_due_at (GdnAgendaEntry *entry)
{
  if (entry->all_day)
    return g_strdup_printf ("%.10s 09:00:00", entry->due);
  return g_strdup (entry->due);
}

/**
 * gdn_agenda_falling_due:
 * @since: 'YYYY-MM-DD HH:MM:SS', the last time this was asked
 * @now: 'YYYY-MM-DD HH:MM:SS'
 *
 * The entries that fell due after @since and by @now: what to notify about. All-day
 * reminders fall due at 09:00 of their day.
 *
 * Returns: (transfer container) (element-type GdnAgendaEntry): the entries
 */
GPtrArray *
gdn_agenda_falling_due (GPtrArray  *entries,
                        const char *since,
                        const char *now)
{
  GPtrArray *due = g_ptr_array_new_with_free_func ((GDestroyNotify) gdn_agenda_entry_unref);

  g_return_val_if_fail (entries != NULL, due);
  g_return_val_if_fail (since != NULL && now != NULL, due);

  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *at = falls_due_at (entry);

      if (strcmp (at, since) > 0 && strcmp (at, now) <= 0)
        g_ptr_array_add (due, gdn_agenda_entry_ref (entry));
    }
  return due;
}

/**
 * gdn_agenda_find:
 *
 * Returns: (transfer none) (nullable): the entry of @entries with @key
 */
GdnAgendaEntry *
gdn_agenda_find (GPtrArray  *entries,
                 const char *key)
{
  g_return_val_if_fail (entries != NULL, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *entry = g_ptr_array_index (entries, i);

      if (g_strcmp0 (entry->key, key) == 0)
        return entry;
    }
  return NULL;
}

static gint64
find_state_row (GdnStore        *store,
                GdnAgendaEntry  *entry,
                GError         **error)
{
  GdnDatabase *database = gdn_store_get_database (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = gdn_database_prepare (database,
                               "SELECT id FROM reminders WHERE kind = ? AND source_id = ?"
                               " AND deleted_at IS NULL ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, entry->kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, entry->source_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (database, rc, error);
      return -1;
    }
  return 0;
}

/* The row that holds @entry's state: its own, the one of its source, or a new one (not
 * yet inserted) for a derived reminder nobody acted on. */
static GdnRecord *
state_row (GdnStore        *store,
           GdnAgendaEntry  *entry,
           GError         **error)
{
  g_autoptr(GdnRecord) row = NULL;
  gint64 id = entry->reminder_id;

  if (id <= 0 && entry->source_id > 0 && (id = find_state_row (store, entry, error)) < 0)
    return NULL;

  if (id > 0)
    {
      row = gdn_store_get (store, GDN_TYPE_REMINDER, id, error);
      if (row == NULL)
        return NULL;
    }
  else if (entry->source_id > 0)
    {
      row = GDN_RECORD (gdn_reminder_new ());
      gdn_record_set_string (row, "kind", entry->kind);
      gdn_record_set_int (row, "customer_id", entry->customer_id);
      gdn_record_set_int (row, "order_id", entry->order_id);
      gdn_record_set_int (row, "case_id", entry->case_id);
      gdn_record_set_int (row, "contact_id", entry->contact_id);
    }
  else
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                   _("The reminder “%s” no longer exists"), entry->title);
      return NULL;
    }

  if (entry->source_id > 0)
    {
      /* the state of another date (a payment due date that moved, last year's birthday)
       * does not carry over */
      if (g_strcmp0 (gdn_record_get_string (row, "due_at"), entry->original_due) != 0)
        {
          gdn_record_set_string (row, "due_at", entry->original_due);
          gdn_record_set_string (row, "done_at", NULL);
          gdn_record_set_string (row, "snoozed_until", NULL);
        }
      gdn_record_set_string (row, "title", entry->title);
      gdn_record_set_int (row, "source_id", entry->source_id);
    }
  return g_steal_pointer (&row);
}

static gboolean
save_state (GdnStore        *store,
            GdnAgendaEntry  *entry,
            GdnRecord       *row,
            GError         **error)
{
  gboolean ok = gdn_record_get_id (row) > 0 ? gdn_store_update (store, row, error)
                                            : gdn_store_insert (store, row, error);

  if (ok)
    entry->reminder_id = gdn_record_get_id (row);
  return ok;
}

/**
 * gdn_agenda_complete:
 * @now: (nullable): the time it was done, 'YYYY-MM-DD HH:MM:SS'; %NULL for the clock
 *
 * Marks @entry done, so that it leaves the agenda (a derived one until its date changes).
 */
gboolean
gdn_agenda_complete (GdnStore        *store,
                     GdnAgendaEntry  *entry,
                     const char      *now,
                     GError         **error)
{
  g_autoptr(GdnRecord) row = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if ((row = state_row (store, entry, error)) == NULL)
    return FALSE;
  gdn_record_set_string (row, "done_at", now != NULL ? now : (clock = gdn_now ()));
  return save_state (store, entry, row, error);
}

/**
 * gdn_agenda_reopen:
 *
 * Undoes gdn_agenda_complete(): @entry is due again.
 */
gboolean
gdn_agenda_reopen (GdnStore        *store,
                   GdnAgendaEntry  *entry,
                   GError         **error)
{
  g_autoptr(GdnRecord) row = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if ((row = state_row (store, entry, error)) == NULL)
    return FALSE;
  gdn_record_set_string (row, "done_at", NULL);
  return save_state (store, entry, row, error);
}

/**
 * gdn_agenda_snooze:
 * @until: 'YYYY-MM-DD HH:MM:SS'
 *
 * Moves @entry to @until (see gdn_agenda_snooze_until()).
 */
gboolean
gdn_agenda_snooze (GdnStore        *store,
                   GdnAgendaEntry  *entry,
                   const char      *until,
                   GError         **error)
{
  g_autoptr(GdnRecord) row = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!gdn_datetime_is_valid (until))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "snoozed_until",
                                _("Snoozed until: “%s” is not a real date and time"),
                                until ? until : "");
      return FALSE;
    }

  if ((row = state_row (store, entry, error)) == NULL)
    return FALSE;
  gdn_record_set_string (row, "snoozed_until", until);
  gdn_record_set_string (row, "done_at", NULL);
  return save_state (store, entry, row, error);
}

/**
 * gdn_agenda_snooze_until:
 * @now: 'YYYY-MM-DD HH:MM:SS'
 * @days: 1 for a day, 7 for a week
 *
 * Returns: (transfer full): when to snooze @entry to: @days after @now, on the day
 *   itself for an all-day reminder
 */
char *
gdn_agenda_snooze_until (GdnAgendaEntry *entry,
                         const char     *now,
                         int             days)
{
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (gdn_datetime_is_valid (now), NULL);

  today = g_strndup (now, 10);
  day = gdn_date_add_days (today, days);
  if (entry->all_day)
    return g_strdup_printf ("%s 00:00:00", day);
  /* to the minute: "snoozed until 14:32", not 14:32:17 */
  return g_strdup_printf ("%s %.5s:00", day, now + 11);
}

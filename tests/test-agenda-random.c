/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-agenda-random"

#include "config.h"

#include <string.h>

#include "gdn-agenda.h"
#include "gdn-parse.h"
#include "gdn-test-utils.h"

/* The agenda on random records (garbage birthdays, the trash, legacy reminder rows, dates
 * around the turn of a year and 29 February) against the statements it ran before schema
 * step 6 gave it indexes of its own: the same entries, in the same order. */

/* The statements of gdn-agenda.c before step 6, word for word */
#define BEFORE_BIRTHDAY_IN(year)                                                      \
  "date(printf('%04d-01-01', " year "),"                                              \
  " printf('+%d months', substr(p.birthday, 6, 2) - 1),"                              \
  " printf('+%d days', substr(p.birthday, 9, 2) - 1))"

static const char before_derived_sql[] =
  "WITH n AS (SELECT ?1 AS now, date(?1) AS today, date(?1, '+7 days') AS horizon,"
  "   date(?1, '-7 days') AS week_ago),\n"
  "legacy AS MATERIALIZED (SELECT r.kind, date(r.due_at) AS day,"
  "   CASE r.kind WHEN 'case_response' THEN r.case_id WHEN 'birthday' THEN r.contact_id"
  "    WHEN 'follow_up' THEN r.customer_id ELSE r.order_id END AS ref, max(r.id) AS id"
  " FROM reminders r WHERE r.source_id IS NULL AND r.deleted_at IS NULL GROUP BY 1, 2, 3),\n"
  "cand AS (\n"
  " SELECT 'payment_due' AS kind, o.id AS source_id, o.payment_due || ' 00:00:00' AS due,"
  "   1 AS all_day, o.order_no AS a, cu.name AS b, NULL AS c, 'orders' AS link_table,"
  "   o.id AS link_id, o.customer_id AS customer_id, o.id AS order_id, 0 AS case_id,"
  "   0 AS contact_id, o.id AS legacy_ref\n"
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
  "     CASE WHEN " BEFORE_BIRTHDAY_IN ("strftime('%Y', n.today) + 0") " < n.week_ago"
  "     THEN " BEFORE_BIRTHDAY_IN ("strftime('%Y', n.today) + 1")
  "     ELSE " BEFORE_BIRTHDAY_IN ("strftime('%Y', n.today) + 0") " END AS day"
  "   FROM contacts p, n"
  "   WHERE p.deleted_at IS NULL AND p.birthday IS NOT NULL AND length(p.birthday) >= 10) b"
  "   JOIN customers cu ON cu.id = b.customer_id, n\n"
  " WHERE cu.deleted_at IS NULL AND b.day <= n.horizon\n"
  ")\n"
  "SELECT c.kind, c.source_id, ifnull(st.id, 0), c.due, c.all_day, c.a, c.b, c.c,"
  "  c.link_table, c.link_id, st.snoozed_until, c.customer_id, c.order_id, c.case_id,"
  "  c.contact_id\n"
  "FROM cand c CROSS JOIN n\n"
  "LEFT JOIN reminders st ON st.id = ifnull("
  " (SELECT r.id FROM reminders r WHERE r.kind = c.kind AND r.source_id = c.source_id"
  "   AND r.deleted_at IS NULL AND date(r.due_at) = date(c.due) ORDER BY r.id DESC LIMIT 1),"
  " (SELECT l.id FROM legacy l WHERE l.kind = c.kind AND l.ref = c.legacy_ref"
  "   AND l.day = date(c.due)))\n"
  "WHERE st.done_at IS NULL"
  "  AND date(max(c.due, ifnull(st.snoozed_until, ''))) <= n.horizon";

static const char before_own_sql[] =
  "SELECT r.kind, 0, r.id, r.due_at, substr(r.due_at, 12) = '00:00:00', r.title, cu.name,"
  "  r.notes, NULL, 0, r.snoozed_until, ifnull(r.customer_id, 0), ifnull(r.order_id, 0),"
  "  ifnull(r.case_id, 0), ifnull(r.contact_id, 0)\n"
  "FROM reminders r LEFT JOIN customers cu ON cu.id = r.customer_id\n"
  "WHERE r.deleted_at IS NULL AND r.done_at IS NULL AND r.source_id IS NULL"
  "  AND r.kind = 'custom'"
  "  AND date(max(r.due_at, ifnull(r.snoozed_until, ''))) <= date(?1, '+7 days')";

/* ─── the agenda as it was read before step 6 ───────────────────────────────────────── */

static char *
row_string (const char *key,
            gint64      reminder_id,
            const char *original_due,
            const char *due,
            gboolean    all_day,
            gboolean    snoozed,
            gint64      customer_id,
            gint64      order_id,
            gint64      case_id,
            gint64      contact_id)
{
  return g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%s|%d|%d|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT,
                          key, reminder_id, original_due, due, all_day, snoozed,
                          customer_id, order_id, case_id, contact_id);
}

/* The rows of @sql at @now, as "key|reminder|original due|due|all day|snoozed|ids" */
static void
add_before_rows (GdnDatabase *db,
                 const char  *sql,
                 const char  *now,
                 GPtrArray   *rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 0);
      gint64 source_id = sqlite3_column_int64 (stmt, 1);
      gint64 reminder_id = sqlite3_column_int64 (stmt, 2);
      const char *original_due = (const char *) sqlite3_column_text (stmt, 3);
      const char *snoozed_until = (const char *) sqlite3_column_text (stmt, 10);
      gboolean all_day = sqlite3_column_int (stmt, 4) != 0;
      gboolean snoozed = snoozed_until != NULL && strcmp (snoozed_until, original_due) > 0;
      g_autofree char *key = source_id > 0
        ? g_strdup_printf ("%s:%" G_GINT64_FORMAT, kind, source_id)
        : g_strdup_printf ("reminder:%" G_GINT64_FORMAT, reminder_id);

      if (snoozed)
        all_day = all_day && g_str_has_suffix (snoozed_until, " 00:00:00");
      g_ptr_array_add (rows, row_string (key, reminder_id, original_due,
                                         snoozed ? snoozed_until : original_due, all_day,
                                         snoozed, sqlite3_column_int64 (stmt, 11),
                                         sqlite3_column_int64 (stmt, 12),
                                         sqlite3_column_int64 (stmt, 13),
                                         sqlite3_column_int64 (stmt, 14)));
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* How the entries were ordered: titles collated pair by pair */
static int
compare_before (gconstpointer a,
                gconstpointer b)
{
  const GdnAgendaEntry *x = *(GdnAgendaEntry * const *) a;
  const GdnAgendaEntry *y = *(GdnAgendaEntry * const *) b;
  int cmp;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if ((cmp = strncmp (x->due, y->due, 10)) != 0)
    return cmp;
  if (x->all_day != y->all_day)
    return x->all_day ? -1 : 1;
  if ((cmp = strcmp (x->due, y->due)) != 0)
    return cmp;
  if ((cmp = strcmp (x->kind, y->kind)) != 0)
    return cmp;
  if ((cmp = g_utf8_collate (x->title, y->title)) != 0)
    return cmp;
  return strcmp (x->key, y->key);
}

/* The agenda of @store at @now is the one read as before; returns its length */
static guint
assert_same_as_before (GdnStore   *store,
                       const char *now)
{
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gdn_agenda_list (store, now, &error);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) want = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *e = g_ptr_array_index (entries, i);

      g_ptr_array_add (got, row_string (e->key, e->reminder_id, e->original_due, e->due,
                                        e->all_day, e->snoozed, e->customer_id, e->order_id,
                                        e->case_id, e->contact_id));
    }
  add_before_rows (db, before_derived_sql, now, want);
  add_before_rows (db, before_own_sql, now, want);
  g_ptr_array_sort (got, compare_strings);
  g_ptr_array_sort (want, compare_strings);
  for (guint i = 0; i < MIN (got->len, want->len); i++)
    if (strcmp (got->pdata[i], want->pdata[i]) != 0)
      g_error ("at %s: %s, before %s", now, (char *) got->pdata[i], (char *) want->pdata[i]);
  g_assert_cmpuint (got->len, ==, want->len);

  /* and in the same order */
  sorted = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, entries->pdata[i]);
  g_ptr_array_sort (sorted, compare_before);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpstr (((GdnAgendaEntry *) entries->pdata[i])->key, ==,
                     ((GdnAgendaEntry *) sorted->pdata[i])->key);
  return entries->len;
}

/* ─── random records ───────────────────────────────────────────────────────────────── */

/* the turn of a year, seen from both sides; 29 February of a leap year and the days
 * around it; the middle of a month; a month's last second */
static const char * const nows[] = {
  "2026-12-28 10:00:00", "2026-12-31 23:59:59", "2027-01-01 00:00:00", "2027-01-03 08:00:00",
  "2027-01-08 12:00:00", "2028-02-22 09:00:00", "2028-02-29 09:00:00", "2028-03-04 18:30:00",
  "2027-02-25 09:00:00", "2026-03-05 14:00:00", "2026-06-30 23:59:59", "2026-11-23 08:00:00",
  /* a week after the first of a month: birthdays on days its month before does not have */
  "2027-03-08 09:00:00", "2026-05-08 09:00:00", "2026-10-08 12:00:00", "2026-12-10 09:00:00",
  "2027-02-03 09:00:00",
};

static const char * const odd_birthdays[] = {
  "1980-02-29", "1970-02-31", "1977-04-31", "1990-12-31", "1985-01-01", "2000-13-05",
  "1999-00-10", "1988-12-00", "1966-01-32", "abcd-ef-gh", "1988-1-5 1234", "1979-12-9x",
  "1979-1x-09", "1992- 2-28", "1960-07-07T00", "1975-06-", "12345", "",
};

static char *
random_day (GRand *rand)
{
  g_autofree char *base = g_strdup ("2025-12-01");

  return gdn_date_add_days (base, g_rand_int_range (rand, 0, 850));
}

static char *
random_birthday (GRand *rand)
{
  if (g_rand_int_range (rand, 0, 3) == 0)
    return g_strdup (odd_birthdays[g_rand_int_range (rand, 0, G_N_ELEMENTS (odd_birthdays))]);
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1950, 2005),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 32));
}

static const char *
pick (GRand             *rand,
      const char * const *values,
      guint               n)
{
  return values[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, ...) \
  pick (rand, (const char * const[]) { __VA_ARGS__ }, \
        G_N_ELEMENTS (((const char * const[]) { __VA_ARGS__ })))

/* 'x' or NULL */
static char *
maybe (GRand      *rand,
       int         one_in,
       const char *value)
{
  return g_rand_int_range (rand, 0, one_in) == 0 ? g_strdup ("NULL")
                                                 : g_strdup_printf ("'%s'", value);
}

static void
fill_random (GdnDatabase *db,
             GRand       *rand)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;\n");
  g_autoptr(GError) error = NULL;
  const int n_customers = 13, n_contacts = 160, n_orders = 400, n_shipments = 120;
  const int n_cases = 80, n_interactions = 300;

  for (int i = 1; i <= n_customers; i++)
    g_string_append_printf (sql, "INSERT INTO customers (id, code, name, deleted_at)"
                                 " VALUES (%d, 'C%03d', '客户%d号', %s);\n", i, i, i,
                            i % 6 == 0 ? "'2026-01-01 00:00:00'" : "NULL");
  for (int i = 1; i <= n_contacts; i++)
    {
      g_autofree char *birthday = random_birthday (rand);
      g_autofree char *value = maybe (rand, 8, birthday);

      g_string_append_printf (sql, "INSERT INTO contacts (id, customer_id, name, birthday,"
                                   " deleted_at) VALUES (%d, %d, '联系人%d', %s, %s);\n",
                              i, g_rand_int_range (rand, 1, n_customers + 1), i, value,
                              g_rand_int_range (rand, 0, 10) == 0 ? "'2026-02-01 00:00:00'"
                                                                 : "NULL");
    }
  for (int i = 1; i <= n_orders; i++)
    {
      g_autofree char *due = random_day (rand);
      g_autofree char *promised = random_day (rand);
      g_autofree char *due_value = maybe (rand, 5, due);
      g_autofree char *promised_value = maybe (rand, 5, promised);

      g_string_append_printf (sql, "INSERT INTO orders (id, order_no, customer_id, status,"
                                   " created_date, promised_date, payment_due, deleted_at)"
                                   " VALUES (%d, 'SO-%04d', %d, '%s', '2025-11-01', %s, %s, %s);\n",
                              i, g_rand_int_range (rand, 0, 3) == 0 ? i : 1000 - i,
                              g_rand_int_range (rand, 1, n_customers + 1),
                              PICK (rand, "inquiry", "quoted", "confirmed", "in_production",
                                    "qc", "shipped", "delivered", "closed", "cancelled",
                                    "lost"),
                              promised_value, due_value,
                              g_rand_int_range (rand, 0, 12) == 0 ? "'2026-02-01 00:00:00'"
                                                                 : "NULL");
    }
  for (int i = 1; i <= n_shipments; i++)
    {
      g_autofree char *eta = random_day (rand);
      g_autofree char *eta_value = maybe (rand, 6, eta);

      g_string_append_printf (sql, "INSERT INTO shipments (id, order_id, carrier, tracking_no,"
                                   " eta, status, delivered_date, deleted_at) VALUES"
                                   " (%d, %d, '顺丰', %s, %s, '%s', %s, %s);\n",
                              i, g_rand_int_range (rand, 1, n_orders + 1),
                              g_rand_boolean (rand) ? "'SF1'" : "NULL", eta_value,
                              PICK (rand, "pending", "in_transit", "delayed", "in_transit",
                                    "delivered"),
                              g_rand_int_range (rand, 0, 5) == 0 ? "'2026-03-01'" : "NULL",
                              g_rand_int_range (rand, 0, 10) == 0 ? "'2026-02-01 00:00:00'"
                                                                 : "NULL");
    }
  for (int i = 1; i <= n_cases; i++)
    {
      g_autofree char *day = random_day (rand);

      g_string_append_printf (sql, "INSERT INTO cases (id, case_no, customer_id, order_id, type,"
                                   " status, opened_at, first_response_at, subject, deleted_at)"
                                   " VALUES (%d, 'CS-%03d', %d, %s, 'complaint', '%s',"
                                   " '%s %02d:%02d:00', %s, '主题', %s);\n",
                              i, i, g_rand_int_range (rand, 1, n_customers + 1),
                              g_rand_boolean (rand) ? "NULL" : "3",
                              PICK (rand, "open", "open", "responded", "closed"), day,
                              g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 0, 60),
                              g_rand_int_range (rand, 0, 3) == 0 ? "'2026-01-01 00:00:00'"
                                                                : "NULL",
                              g_rand_int_range (rand, 0, 10) == 0 ? "'2026-02-01 00:00:00'"
                                                                 : "NULL");
    }
  for (int i = 1; i <= n_interactions; i++)
    {
      g_autofree char *day = random_day (rand);
      g_autofree char *next = random_day (rand);
      g_autofree char *next_value = maybe (rand, 3, next);

      /* several at the same time, some in the trash */
      g_string_append_printf (sql, "INSERT INTO interactions (id, customer_id, contact_id,"
                                   " channel, at, summary, next_follow_up, deleted_at) VALUES"
                                   " (%d, %d, %s, 'phone', '%s %02d:00:00', '通话', %s, %s);\n",
                              i, g_rand_int_range (rand, 1, n_customers + 1),
                              g_rand_boolean (rand) ? "NULL" : "7", day,
                              g_rand_int_range (rand, 0, 3) * 8, next_value,
                              g_rand_int_range (rand, 0, 6) == 0 ? "'2026-02-01 00:00:00'"
                                                                : "NULL");
    }

  /* the state of derived reminders: rows of their own (by source_id) and legacy rows that
   * name their record, on their day or another, done, snoozed, in the trash */
  g_string_append (sql,
    "INSERT INTO reminders (kind, title, due_at, order_id, source_id, done_at, snoozed_until,"
    "  deleted_at)"
    "  SELECT 'payment_due', 'x', payment_due || ' 09:00:00', id,"
    "    CASE WHEN id % 4 = 0 THEN id END, CASE WHEN id % 3 = 0 THEN '2026-01-01' END,"
    "    CASE WHEN id % 5 = 1 THEN date(payment_due, '+' || (id % 20) || ' days')"
    "      || ' 00:00:00' END, CASE WHEN id % 11 = 0 THEN '2026-01-01' END"
    "  FROM orders WHERE id % 2 = 0 AND payment_due IS NOT NULL;\n"
    "INSERT INTO reminders (kind, title, due_at, order_id, source_id, done_at)"
    "  SELECT 'payment_due', 'x', date(payment_due, '-3 days') || ' 09:00:00', id, NULL,"
    "    '2026-01-01' FROM orders WHERE id % 7 = 0 AND payment_due IS NOT NULL;\n"
    "INSERT INTO reminders (kind, title, due_at, order_id, source_id, snoozed_until)"
    "  SELECT 'production', 'x', promised_date || ' 00:00:00', id,"
    "    CASE WHEN id % 2 = 0 THEN id END, promised_date || ' 15:30:00'"
    "  FROM orders WHERE id % 3 = 1 AND promised_date IS NOT NULL;\n"
    "INSERT INTO reminders (kind, title, due_at, order_id, source_id, done_at)"
    "  SELECT 'eta', 'x', s.eta || ' 08:00:00', s.order_id, CASE WHEN s.id % 2 = 0 THEN s.id END,"
    "    '2026-01-01' FROM shipments s WHERE s.id % 3 = 0 AND s.eta IS NOT NULL;\n"
    "INSERT INTO reminders (kind, title, due_at, case_id, source_id, done_at, snoozed_until)"
    "  SELECT 'case_response', 'x', datetime(opened_at, '+24 hours'), id,"
    "    CASE WHEN id % 2 = 0 THEN id END, CASE WHEN id % 3 = 0 THEN '2026-01-01' END,"
    "    CASE WHEN id % 3 = 1 THEN datetime(opened_at, '+30 hours') END"
    "  FROM cases WHERE id % 2 = 0 OR id % 5 = 0;\n"
    "INSERT INTO reminders (kind, title, due_at, customer_id, source_id, done_at)"
    "  SELECT 'follow_up', 'x', next_follow_up || ' 10:00:00', customer_id,"
    "    CASE WHEN id % 2 = 0 THEN id END, '2026-01-01'"
    "  FROM interactions WHERE id % 4 = 0 AND next_follow_up IS NOT NULL;\n"
    "INSERT INTO reminders (kind, title, due_at, contact_id, source_id, done_at)"
    "  SELECT 'birthday', 'x', y || substr(birthday, 5, 6) || ' 09:00:00', id,"
    "    CASE WHEN id % 2 = 0 THEN id END, '2026-01-01'"
    "  FROM contacts, (SELECT '2026' AS y UNION ALL SELECT '2027' UNION ALL SELECT '2028')"
    "  WHERE id % 3 = 0 AND length(birthday) >= 10;\n"
    "INSERT INTO reminders (kind, title, due_at, customer_id, done_at, snoozed_until)"
    "  SELECT 'custom', '自己的提醒' || id, date('2026-12-20', '+' || (id * 7 % 500) || ' days')"
    "    || CASE WHEN id % 2 = 0 THEN ' 00:00:00' ELSE ' 16:45:00' END, nullif(id % 13, 0),"
    "    CASE WHEN id % 5 = 0 THEN '2026-01-01' END,"
    "    CASE WHEN id % 4 = 1 THEN '2027-01-02 09:00:00' END"
    "  FROM orders WHERE id <= 60;\n"
    "COMMIT;\n");
  gdn_database_exec (db, sql->str, &error);
  g_assert_no_error (error);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (int round = 0; round < 4; round++)
    {
      g_autoptr(GdnStore) store = gdn_test_open_store ();
      guint n = 0;

      fill_random (gdn_store_get_database (store), rand);
      for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
        n += assert_same_as_before (store, nows[i]);
      g_assert_cmpuint (n, >, 1000);
    }
}

/* Step 6 adds the indexes to a file of the version before, with the same agenda after */
static void
test_migration (void)
{
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  g_autoptr(GdnDatabase) old = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  old = gdn_database_open_at_version (path, 5, &error);
  g_assert_no_error (error);
  fill_random (old, rand);
  g_clear_object (&old);

  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdn_database_get_version (db), ==, GDN_SCHEMA_VERSION);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM sqlite_master"
                                               " WHERE type = 'index' AND name IN"
                                               " ('orders_payment_open',"
                                               " 'orders_production_open',"
                                               " 'interactions_follow_up_open',"
                                               " 'contacts_birthday', 'reminders_legacy')",
                                           NULL), ==, 5);
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*)"
                                               " FROM pragma_index_info('interactions_customer')",
                                           NULL), ==, 3);
  /* the partial indexes hold exactly their rows */
  g_assert_cmpint (gdn_database_query_int (db, "SELECT count(*) FROM orders"
                                               " INDEXED BY orders_payment_open"
                                               " WHERE deleted_at IS NULL"
                                               " AND payment_due IS NOT NULL"
                                               " AND status NOT IN ('closed', 'cancelled', 'lost')",
                                           NULL), ==,
                   gdn_database_query_int (db, "SELECT count(*) FROM orders"
                                               " WHERE deleted_at IS NULL"
                                               " AND payment_due IS NOT NULL"
                                               " AND status NOT IN ('closed', 'cancelled', 'lost')",
                                           NULL));
  store = gdn_store_new (db);
  for (guint i = 0; i < G_N_ELEMENTS (nows); i++)
    assert_same_as_before (store, nows[i]);
}

/* The candidates are read from their indexes, not from the tables */
static void
test_plans (void)
{
  g_autoptr(GdnDatabase) db = gdn_test_open_database ();
  static const struct { const char *sql; const char *index; } plans[] = {
    { "SELECT o.id, o.order_no, o.customer_id FROM orders o WHERE o.deleted_at IS NULL"
      " AND o.payment_due IS NOT NULL AND o.payment_due <= '2026-03-12'"
      " AND o.status NOT IN ('closed', 'cancelled', 'lost')",
      "USING COVERING INDEX orders_payment_open" },
    { "SELECT o.id, o.order_no, o.customer_id FROM orders o WHERE o.deleted_at IS NULL"
      " AND o.status = 'in_production' AND o.promised_date IS NOT NULL"
      " AND o.promised_date <= '2026-03-12'",
      "USING COVERING INDEX orders_production_open" },
    { "SELECT i.id FROM interactions i WHERE i.deleted_at IS NULL"
      " AND i.next_follow_up IS NOT NULL AND i.next_follow_up <= '2026-03-12'",
      "USING COVERING INDEX interactions_follow_up_open" },
    { "SELECT 1 FROM interactions j WHERE j.customer_id = 3 AND j.deleted_at IS NULL"
      " AND j.at > '2026-03-01'",
      "USING COVERING INDEX interactions_customer" },
    { "SELECT p.id, p.name, p.customer_id, p.birthday FROM contacts p"
      " WHERE p.deleted_at IS NULL AND p.birthday IS NOT NULL AND length(p.birthday) >= 10",
      "USING COVERING INDEX contacts_birthday" },
    { "SELECT r.kind, date(r.due_at), CASE r.kind WHEN 'case_response' THEN r.case_id"
      " WHEN 'birthday' THEN r.contact_id WHEN 'follow_up' THEN r.customer_id"
      " ELSE r.order_id END, max(r.id) FROM reminders r"
      " WHERE r.source_id IS NULL AND r.deleted_at IS NULL GROUP BY 1, 2, 3",
      "USING COVERING INDEX reminders_legacy" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", plans[i].sql, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (db, sql, &error);
      g_autoptr(GString) plan = g_string_new (NULL);

      g_assert_no_error (error);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      if (strstr (plan->str, plans[i].index) == NULL)
        g_error ("%s:\n%s", plans[i].sql, plan->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/agenda/random/same-as-before", test_random);
  g_test_add_func ("/agenda/migration/step-6", test_migration);
  g_test_add_func ("/agenda/plans/indexes", test_plans);

  return g_test_run ();
}

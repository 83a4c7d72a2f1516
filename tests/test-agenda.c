/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-agenda"

#include "config.h"

#include "gdn-agenda.h"
#include "gdn-flags.h"
#include "gdn-reminder.h"
#include "gdn-test-utils.h"
#include "gdn-validation-error.h"

/* The agenda against hand-made records and a pinned "now": Thursday 2026-03-05, 14:00. */

#define NOW "2026-03-05 14:00:00"

static const char fixture[] =
  "INSERT INTO customers (id, code, name) VALUES (1, 'C001', '华强电子'),"
  " (2, 'C002', '远航物流');\n"
  "INSERT INTO contacts (id, customer_id, name, birthday) VALUES"
  " (1, 1, '王经理', '1980-03-07'),"      /* in two days */
  " (2, 1, '李工', '1990-03-01'),"        /* four days ago: still on the list */
  " (3, 2, '陈总', '1985-02-20'),"        /* two weeks ago: next year's, not yet */
  " (4, 2, '赵会计', '1992-02-29');\n"    /* 2026 has no 29 February: 1 March */
  "INSERT INTO orders (id, order_no, customer_id, status, created_date, promised_date,"
  " payment_due) VALUES"
  " (1, 'SO-001', 1, 'confirmed', '2026-02-01', '2026-03-20', '2026-03-01'),"
  " (2, 'SO-002', 1, 'in_production', '2026-02-01', '2026-03-05', NULL),"
  " (3, 'SO-003', 2, 'closed', '2026-01-01', '2026-02-01', '2026-03-02'),"
  " (4, 'SO-004', 2, 'delivered', '2026-01-01', '2026-02-01', '2026-03-20'),"
  " (5, 'SO-005', 2, 'delivered', '2026-01-01', '2026-02-01', '2026-03-10'),"
  " (6, 'SO-006', 2, 'shipped', '2026-01-01', '2026-04-01', '2026-03-02'),"
  " (7, 'SO-007', 1, 'in_production', '2026-01-01', '2026-03-30', NULL);\n"
  "UPDATE orders SET deleted_at = '2026-03-01 10:00:00' WHERE id = 7;\n"
  "INSERT INTO shipments (id, order_id, carrier, tracking_no, eta, status, delivered_date)"
  " VALUES (1, 6, '顺丰', 'SF100', '2026-03-04', 'in_transit', NULL),"
  " (2, 4, '德邦', 'DB200', '2026-03-06', 'delivered', '2026-03-04');\n"
  "INSERT INTO cases (id, case_no, customer_id, type, status, opened_at, first_response_at,"
  " subject) VALUES"
  " (1, 'CS-001', 1, 'complaint', 'open', '2026-03-04 15:00:00', NULL, '规格不符'),"
  " (2, 'CS-002', 2, 'repair', 'open', '2026-03-03 09:00:00', NULL, '设备故障'),"
  " (3, 'CS-003', 2, 'inquiry', 'responded', '2026-03-05 08:00:00',"
  "  '2026-03-05 09:00:00', '询价');\n"
  "INSERT INTO interactions (id, customer_id, contact_id, channel, at, summary,"
  " next_follow_up) VALUES"
  " (1, 1, 1, 'phone', '2026-03-01 10:00:00', '询问交期', '2026-03-06'),"
  " (2, 1, NULL, 'email', '2026-03-02 11:00:00', '发送报价单', NULL),"
  " (3, 2, 3, 'visit', '2026-03-01 15:00:00', '拜访陈总', '2026-03-06');\n"
  "INSERT INTO reminders (id, kind, title, due_at, customer_id, done_at) VALUES"
  " (1, 'custom', '准备季度报告', '2026-03-05 09:00:00', NULL, NULL),"
  " (2, 'custom', '整理样品', '2026-03-05 00:00:00', 1, NULL),"
  " (3, 'custom', '已经做完', '2026-03-04 09:00:00', NULL, '2026-03-04 10:00:00'),"
  " (4, 'custom', '参加展会', '2026-03-08 10:00:00', 2, NULL),"
  " (5, 'custom', '下个月的事', '2026-04-08 10:00:00', NULL, NULL);\n"
  /* written by an older version or the demo: the state of SO-006's payment */
  "INSERT INTO reminders (id, kind, title, due_at, order_id, done_at) VALUES"
  " (6, 'payment_due', '催收货款：SO-006', '2026-03-02 09:00:00', 6, '2026-03-02 11:00:00');\n";

static GdnStore *
open_fixture (void)
{
  GdnStore *store = gdn_test_open_store ();
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_database_exec (gdn_store_get_database (store), fixture, &error));
  g_assert_no_error (error);
  return store;
}

static GPtrArray *
list (GdnStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = gdn_agenda_list (store, NOW, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static GdnAgendaEntry *
get (GPtrArray  *entries,
     const char *key)
{
  GdnAgendaEntry *entry = gdn_agenda_find (entries, key);

  if (entry == NULL)
    g_error ("no entry %s in the agenda", key);
  return entry;
}

static void
assert_entry (GPtrArray      *entries,
              const char     *key,
              GdnAgendaGroup  group,
              const char     *due,
              gboolean        all_day,
              const char     *link)
{
  GdnAgendaEntry *entry = get (entries, key);

  g_assert_cmpint (entry->group, ==, group);
  g_assert_cmpstr (entry->due, ==, due);
  g_assert_cmpint (entry->all_day, ==, all_day);
  g_assert_cmpstr (entry->link, ==, link);
}

static void
test_derived (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);

  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *e = g_ptr_array_index (entries, i);
      g_test_message ("%s %d %s %s | %s", e->key, e->group, e->due, e->title, e->detail);
    }

  /* payment due of open orders only: not closed (SO-003), not beyond the week (SO-004),
   * not done (SO-006, by the older row that names its order) */
  assert_entry (entries, "payment_due:1", GDN_AGENDA_OVERDUE, "2026-03-01 00:00:00", TRUE,
                "orders:1");
  assert_entry (entries, "payment_due:5", GDN_AGENDA_UPCOMING, "2026-03-10 00:00:00", TRUE,
                "orders:5");
  g_assert_null (gdn_agenda_find (entries, "payment_due:3"));
  g_assert_null (gdn_agenda_find (entries, "payment_due:4"));
  g_assert_null (gdn_agenda_find (entries, "payment_due:6"));
  g_assert_cmpstr (get (entries, "payment_due:1")->title, ==, "Payment due for order SO-001");
  g_assert_cmpstr (get (entries, "payment_due:1")->detail, ==, "华强电子");

  /* production: the promised date of orders in production, not of deleted ones */
  assert_entry (entries, "production:2", GDN_AGENDA_TODAY, "2026-03-05 00:00:00", TRUE,
                "orders:2");
  g_assert_null (gdn_agenda_find (entries, "production:7"));

  /* ETA of shipments on the way, not of delivered ones */
  assert_entry (entries, "eta:1", GDN_AGENDA_OVERDUE, "2026-03-04 00:00:00", TRUE,
                "shipments:1");
  g_assert_cmpstr (get (entries, "eta:1")->detail, ==, "远航物流 · 顺丰 SF100");
  g_assert_null (gdn_agenda_find (entries, "eta:2"));

  /* 24 hours after opening, to the minute; answered cases drop out */
  assert_entry (entries, "case_response:1", GDN_AGENDA_TODAY, "2026-03-05 15:00:00", FALSE,
                "cases:1");
  assert_entry (entries, "case_response:2", GDN_AGENDA_OVERDUE, "2026-03-04 09:00:00", FALSE,
                "cases:2");
  g_assert_null (gdn_agenda_find (entries, "case_response:3"));

  /* a follow-up is over once the customer was contacted again */
  g_assert_null (gdn_agenda_find (entries, "follow_up:1"));
  assert_entry (entries, "follow_up:3", GDN_AGENDA_UPCOMING, "2026-03-06 00:00:00", TRUE,
                "customers:2");
  g_assert_cmpstr (get (entries, "follow_up:3")->title, ==, "Follow up with 远航物流");
  g_assert_cmpstr (get (entries, "follow_up:3")->detail, ==, "陈总 · 拜访陈总");

  /* birthdays: this year's date, for a week after it */
  assert_entry (entries, "birthday:1", GDN_AGENDA_UPCOMING, "2026-03-07 00:00:00", TRUE,
                "customers:1");
  assert_entry (entries, "birthday:2", GDN_AGENDA_OVERDUE, "2026-03-01 00:00:00", TRUE,
                "customers:1");
  g_assert_null (gdn_agenda_find (entries, "birthday:3"));
  assert_entry (entries, "birthday:4", GDN_AGENDA_OVERDUE, "2026-03-01 00:00:00", TRUE,
                "customers:2");
  g_assert_cmpstr (get (entries, "birthday:1")->title, ==, "Birthday of 王经理");
}

static void
test_own (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);

  /* a time earlier today is overdue; midnight means the whole day */
  assert_entry (entries, "reminder:1", GDN_AGENDA_OVERDUE, "2026-03-05 09:00:00", FALSE, NULL);
  assert_entry (entries, "reminder:2", GDN_AGENDA_TODAY, "2026-03-05 00:00:00", TRUE,
                "customers:1");
  assert_entry (entries, "reminder:4", GDN_AGENDA_UPCOMING, "2026-03-08 10:00:00", FALSE,
                "customers:2");
  g_assert_null (gdn_agenda_find (entries, "reminder:3"));
  g_assert_null (gdn_agenda_find (entries, "reminder:5"));
  /* the row of a derived kind is a state, never listed itself */
  g_assert_null (gdn_agenda_find (entries, "reminder:6"));
  g_assert_cmpstr (get (entries, "reminder:2")->title, ==, "整理样品");
  g_assert_cmpstr (get (entries, "reminder:2")->detail, ==, "华强电子");
}

static void
test_order (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);
  static const char * const expected[] = {
    /* overdue, oldest first; all-day before timed on the same day */
    "birthday:2", "birthday:4", "payment_due:1", "eta:1", "case_response:2", "reminder:1",
    /* today */
    "reminder:2", "production:2", "case_response:1",
    /* next 7 days */
    "follow_up:3", "birthday:1", "reminder:4", "payment_due:5",
  };

  g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((GdnAgendaEntry *) g_ptr_array_index (entries, i))->key, ==,
                     expected[i]);
  g_assert_cmpuint (gdn_agenda_count_group (entries, GDN_AGENDA_OVERDUE), ==, 6);
  g_assert_cmpuint (gdn_agenda_count_group (entries, GDN_AGENDA_TODAY), ==, 3);
  g_assert_cmpuint (gdn_agenda_count_group (entries, GDN_AGENDA_UPCOMING), ==, 4);
}

/* Without a time from the caller the agenda takes the database's, pinned for tests */
static void
test_pinned_now (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *now = NULL;

  g_assert_true (gdn_flags_set_now_for_testing (gdn_store_get_database (store), NOW, &error));
  g_assert_no_error (error);
  now = gdn_agenda_now (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (now, ==, NOW);

  entries = gdn_agenda_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 13);
  g_assert_cmpint (get (entries, "case_response:1")->group, ==, GDN_AGENDA_TODAY);
}

static void
test_complete (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  GdnAgendaEntry *payment = get (entries, "payment_due:1");
  GdnAgendaEntry *birthday = get (entries, "birthday:2");
  GdnAgendaEntry *own = get (entries, "reminder:1");

  /* a derived reminder gets a row keyed by its source, a person's own row is updated */
  g_assert_cmpint (payment->reminder_id, ==, 0);
  g_assert_true (gdn_agenda_complete (store, payment, "2026-03-05 14:01:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (payment->reminder_id, >, 0);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM reminders WHERE"
                                          " kind = 'payment_due' AND source_id = 1"
                                          " AND order_id = 1 AND customer_id = 1"
                                          " AND due_at = '2026-03-01 00:00:00'"
                                          " AND done_at = '2026-03-05 14:01:00'"), ==, 1);
  g_assert_true (gdn_agenda_complete (store, birthday, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (gdn_agenda_complete (store, own, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM reminders WHERE id = 1"
                                          " AND done_at IS NOT NULL"), ==, 1);

  again = list (store);
  g_assert_null (gdn_agenda_find (again, "payment_due:1"));
  g_assert_null (gdn_agenda_find (again, "birthday:2"));
  g_assert_null (gdn_agenda_find (again, "reminder:1"));
  g_assert_cmpuint (again->len, ==, entries->len - 3);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* done twice is one row; undone, it is back */
  g_assert_true (gdn_agenda_complete (store, payment, NULL, &error));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM reminders WHERE"
                                          " kind = 'payment_due' AND source_id = 1"), ==, 1);
  g_assert_true (gdn_agenda_reopen (store, payment, &error));
  g_assert_no_error (error);
  again = list (store);
  g_assert_nonnull (gdn_agenda_find (again, "payment_due:1"));
  g_assert_cmpint (get (again, "payment_due:1")->reminder_id, ==, payment->reminder_id);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* done for 1 March; a new due date is a new reminder, with the same row */
  g_assert_true (gdn_agenda_complete (store, payment, NULL, &error));
  g_assert_true (gdn_database_exec (gdn_store_get_database (store),
                                    "UPDATE orders SET payment_due = '2026-03-04' WHERE id = 1",
                                    &error));
  again = list (store);
  assert_entry (again, "payment_due:1", GDN_AGENDA_OVERDUE, "2026-03-04 00:00:00", TRUE,
                "orders:1");
  g_assert_true (gdn_agenda_complete (store, get (again, "payment_due:1"), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM reminders WHERE"
                                          " kind = 'payment_due' AND source_id = 1"
                                          " AND due_at = '2026-03-04 00:00:00'"), ==, 1);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = list (store);
  g_assert_null (gdn_agenda_find (again, "payment_due:1"));
}

/* An older row of a derived kind is taken over, not doubled */
static void
test_complete_legacy (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_true (gdn_database_exec (gdn_store_get_database (store),
                                    "INSERT INTO reminders (id, kind, title, due_at, order_id)"
                                    " VALUES (10, 'payment_due', '催收货款：SO-005',"
                                    " '2026-03-10 09:00:00', 5)", &error));
  entries = list (store);
  g_assert_cmpint (get (entries, "payment_due:5")->reminder_id, ==, 10);
  g_assert_true (gdn_agenda_complete (store, get (entries, "payment_due:5"), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM reminders WHERE"
                                          " kind = 'payment_due' AND order_id = 5"), ==, 1);
  g_assert_cmpint (gdn_test_count (store, "SELECT source_id FROM reminders WHERE id = 10"),
                   ==, 5);
}

static void
test_snooze (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *week = NULL;
  g_autofree char *timed = NULL;
  g_autofree char *own = NULL;

  /* an all-day reminder moves to a day, a timed one by whole days from now */
  day = gdn_agenda_snooze_until (get (entries, "eta:1"), NOW, 1);
  g_assert_cmpstr (day, ==, "2026-03-06 00:00:00");
  week = gdn_agenda_snooze_until (get (entries, "payment_due:1"), NOW, 7);
  g_assert_cmpstr (week, ==, "2026-03-12 00:00:00");
  timed = gdn_agenda_snooze_until (get (entries, "case_response:2"), "2026-03-05 14:00:37", 1);
  g_assert_cmpstr (timed, ==, "2026-03-06 14:00:00");
  own = gdn_agenda_snooze_until (get (entries, "reminder:1"), NOW, 7);

  g_assert_true (gdn_agenda_snooze (store, get (entries, "eta:1"), day, &error));
  g_assert_true (gdn_agenda_snooze (store, get (entries, "payment_due:1"), week, &error));
  g_assert_true (gdn_agenda_snooze (store, get (entries, "case_response:2"), timed, &error));
  g_assert_true (gdn_agenda_snooze (store, get (entries, "reminder:1"), own, &error));
  g_assert_no_error (error);

  again = list (store);
  g_assert_cmpuint (again->len, ==, entries->len);
  assert_entry (again, "eta:1", GDN_AGENDA_UPCOMING, "2026-03-06 00:00:00", TRUE,
                "shipments:1");
  g_assert_true (get (again, "eta:1")->snoozed);
  g_assert_cmpstr (get (again, "eta:1")->original_due, ==, "2026-03-04 00:00:00");
  assert_entry (again, "payment_due:1", GDN_AGENDA_UPCOMING, "2026-03-12 00:00:00", TRUE,
                "orders:1");
  assert_entry (again, "case_response:2", GDN_AGENDA_UPCOMING, "2026-03-06 14:00:00", FALSE,
                "cases:2");
  assert_entry (again, "reminder:1", GDN_AGENDA_UPCOMING, "2026-03-12 14:00:00", FALSE, NULL);
  g_assert_cmpuint (gdn_agenda_count_group (again, GDN_AGENDA_OVERDUE), ==, 2);

  /* a snooze ends: the reminder is due again on that day, then overdue */
  {
    g_autoptr(GPtrArray) later = NULL;

    later = gdn_agenda_list (store, "2026-03-06 08:00:00", &error);
    g_assert_no_error (error);
    assert_entry (later, "eta:1", GDN_AGENDA_TODAY, "2026-03-06 00:00:00", TRUE,
                  "shipments:1");
    g_clear_pointer (&later, g_ptr_array_unref);
    later = gdn_agenda_list (store, "2026-03-07 08:00:00", &error);
    assert_entry (later, "eta:1", GDN_AGENDA_OVERDUE, "2026-03-06 00:00:00", TRUE,
                  "shipments:1");
  }

  /* snoozed beyond the week: off the list until then */
  g_clear_pointer (&week, g_free);
  week = g_strdup ("2026-03-20 00:00:00");
  g_assert_true (gdn_agenda_snooze (store, get (again, "eta:1"), week, &error));
  g_clear_pointer (&again, g_ptr_array_unref);
  again = list (store);
  g_assert_null (gdn_agenda_find (again, "eta:1"));

  g_assert_false (gdn_agenda_snooze (store, get (entries, "birthday:1"), "明天", &error));
  g_assert_error (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (gdn_validation_error_get_field (error), ==, "snoozed_until");
}

static void
test_falling_due (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) entries = list (store);
  g_autoptr(GPtrArray) due = NULL;

  /* the case's 24 hours end at 15:00 */
  due = gdn_agenda_falling_due (entries, "2026-03-05 14:59:00", "2026-03-05 15:00:00");
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpstr (((GdnAgendaEntry *) g_ptr_array_index (due, 0))->key, ==,
                   "case_response:1");
  g_clear_pointer (&due, g_ptr_array_unref);

  /* nothing between 15:00 and 15:01 */
  due = gdn_agenda_falling_due (entries, "2026-03-05 15:00:00", "2026-03-05 15:01:00");
  g_assert_cmpuint (due->len, ==, 0);
  g_clear_pointer (&due, g_ptr_array_unref);

  /* the day's all-day reminders fall due at 09:00, with the one set for 09:00 */
  due = gdn_agenda_falling_due (entries, "2026-03-05 08:59:00", "2026-03-05 09:00:00");
  g_assert_cmpuint (due->len, ==, 3);
  g_assert_nonnull (gdn_agenda_find (due, "production:2"));
  g_assert_nonnull (gdn_agenda_find (due, "reminder:2"));
  g_assert_nonnull (gdn_agenda_find (due, "reminder:1"));
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static GPtrArray *
list_async (GdnStore      *store,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  gdn_agenda_list_async (store, NOW, cancellable, on_listed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return gdn_agenda_list_finish (store, result, error);
}

/* Read in a worker on a connection of its own: the same entries, in the same order, as
 * read on the store's, including what the store wrote just before */
static void
test_async (void)
{
  g_autoptr(GdnStore) store = open_fixture ();
  g_autoptr(GPtrArray) before = list (store);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  entries = list_async (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, before->len);
  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *a = g_ptr_array_index (before, i);
      GdnAgendaEntry *b = g_ptr_array_index (entries, i);

      g_assert_cmpstr (a->key, ==, b->key);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (a->due, ==, b->due);
      g_assert_cmpint (a->group, ==, b->group);
    }

  g_assert_true (gdn_agenda_complete (store, g_ptr_array_index (before, 0), NOW, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = list_async (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, before->len - 1);
  g_assert_null (gdn_agenda_find (entries,
                                  ((GdnAgendaEntry *) g_ptr_array_index (before, 0))->key));

  /* cancelled: no entries, and says so */
  g_cancellable_cancel (cancellable);
  after = list_async (store, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (after);
}

static void
test_empty (void)
{
  g_autoptr(GdnStore) store = gdn_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = gdn_agenda_list (store, NOW, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gdn_test_init (&argc, &argv);

  g_test_add_func ("/agenda/derived", test_derived);
  g_test_add_func ("/agenda/own", test_own);
  g_test_add_func ("/agenda/order", test_order);
  g_test_add_func ("/agenda/pinned-now", test_pinned_now);
  g_test_add_func ("/agenda/complete", test_complete);
  g_test_add_func ("/agenda/complete-legacy", test_complete_legacy);
  g_test_add_func ("/agenda/snooze", test_snooze);
  g_test_add_func ("/agenda/falling-due", test_falling_due);
  g_test_add_func ("/agenda/empty", test_empty);
  g_test_add_func ("/agenda/async", test_async);

  return g_test_run ();
}

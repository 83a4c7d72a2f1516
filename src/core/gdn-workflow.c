/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contract.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"
#include "gdn-workflow-private.h"
#include "gdn-workflow.h"

/* What the order, case and contract workflows share: transition tables, putting a record
 * back as the caller had it when a change is refused, record numbers, and reminders. */

const char * const *
gdn_workflow_transitions_from (const GdnTransition *table,
                               guint                n,
                               const char          *from)
{
  static const char * const none[] = { NULL };

  for (guint i = 0; from != NULL && i < n; i++)
    if (strcmp (table[i].from, from) == 0)
      return (const char * const *) table[i].to;
  return none;
}

gboolean
gdn_workflow_strv_has (const char * const *list,
                       const char         *value)
{
  for (guint i = 0; value != NULL && list[i] != NULL; i++)
    if (strcmp (list[i], value) == 0)
      return TRUE;
  return FALSE;
}

/* "Quoted, Lost" in the user's language, or "none" for a final status. */
char *
gdn_workflow_describe_targets (const GdnEnumInfo  *info,
                               const char * const *targets)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; targets[i] != NULL; i++)
    {
      if (i > 0)
        /* TRANSLATORS: separates the statuses in "it can go to: Quoted, Lost" */
        g_string_append (s, _(", "));
      g_string_append_printf (s, "“%s”", gdn_enum_label (info, targets[i]));
    }
  if (s->len == 0)
    /* TRANSLATORS: "From “Closed” it can go to: nowhere, it is final" */
    g_string_append (s, _("nowhere, it is final"));
  return g_string_free (s, FALSE);
}

/**
 * gdn_workflow_snapshot:
 *
 * Returns: (transfer full): a copy of @record's fields and id, to put back with
 *   gdn_workflow_put_back() when a change is refused
 */
GdnRecord *
gdn_workflow_snapshot (GdnRecord *record)
{
  GdnRecord *copy = gdn_record_new (G_OBJECT_TYPE (record));

  gdn_record_copy_fields (copy, record);
  gdn_record_set_id (copy, gdn_record_get_id (record));
  return copy;
}

/* After a rollback: the version and times come back from the database (the row is as it
 * was), the fields as the caller had set them, so a form keeps what the person typed. */
void
gdn_workflow_put_back (GdnStore  *store,
                       GdnRecord *record,
                       GdnRecord *snapshot)
{
  if (gdn_record_get_id (snapshot) > 0)
    gdn_store_reload (store, record, NULL);
  gdn_record_set_id (record, gdn_record_get_id (snapshot));
  gdn_record_copy_fields (record, snapshot);
}

gboolean
gdn_workflow_check_writable (GdnStore  *store,
                             GError   **error)
{
  if (gdn_database_is_read_only (gdn_store_get_database (store)))
    {
      g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_READ_ONLY,
                   _("The database is open read-only; changes cannot be saved"));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GType     (*get_type) (void);
  const char *prefix;
  const char *table;
  const char *column;
} NumberScheme;

static const NumberScheme number_schemes[] = {
  /* SO: sales order; KS: 客诉 (customer case); HT: 合同 (contract) */
  { gdn_order_get_type, "SO", "orders", "order_no" },
  { gdn_case_get_type, "KS", "cases", "case_no" },
  { gdn_contract_get_type, "HT", "contracts", "contract_no" },
};

/**
 * gdn_workflow_next_number:
 * @type: %GDN_TYPE_ORDER, %GDN_TYPE_CASE or %GDN_TYPE_CONTRACT
 * @date: (nullable): the day ('YYYY-MM-DD') the number is for; %NULL for today
 *
 * Gives the next free number of the day: SO-20260305-001, KS-…, HT-…. Records in the
 * trash keep their numbers, so those are never given again.
 *
 * Returns: (transfer full): the number, or %NULL with @error set
 */
char *
gdn_workflow_next_number (GdnStore    *store,
                          GType        type,
                          const char  *date,
                          GError     **error)
{
  const NumberScheme *scheme = NULL;
  g_autofree char *today = NULL;
  g_autofree char *day = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *pattern = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 last = 0;
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (number_schemes); i++)
    if (type == number_schemes[i].get_type ())
      scheme = &number_schemes[i];
  g_return_val_if_fail (scheme != NULL, NULL);

  if (date == NULL)
    date = today = gdn_today ();
  if (!gdn_date_is_valid (date))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, NULL,
                                _("“%s” is not a real date"), date);
      return NULL;
    }

  day = g_strdup_printf ("%.4s%.2s%.2s", date, date + 5, date + 8);
  prefix = g_strdup_printf ("%s-%s-", scheme->prefix, day);
  pattern = g_strdup_printf ("%s[0-9]*", prefix);
  sql = g_strdup_printf ("SELECT max(CAST(substr(%s, ?) AS INTEGER)) FROM %s WHERE %s GLOB ?",
                         scheme->column, scheme->table, scheme->column);
  stmt = gdn_database_prepare (gdn_store_get_database (store), sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, (int) strlen (prefix) + 1);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdn_database_set_error (gdn_store_get_database (store), rc, error);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = sqlite3_column_int64 (stmt, 0);

  return g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, last + 1);
}

char *
gdn_workflow_next_order_no (GdnStore  *store,
                            GError   **error)
{
  return gdn_workflow_next_number (store, GDN_TYPE_ORDER, NULL, error);
}

char *
gdn_workflow_next_case_no (GdnStore  *store,
                           GError   **error)
{
  return gdn_workflow_next_number (store, GDN_TYPE_CASE, NULL, error);
}

char *
gdn_workflow_next_contract_no (GdnStore  *store,
                               GError   **error)
{
  return gdn_workflow_next_number (store, GDN_TYPE_CONTRACT, NULL, error);
}

static gboolean
save_reminder (GdnStore     *store,
               GdnReminder  *reminder,
               GdnRecord    *snapshot,
               GError      **error)
{
  if (!gdn_store_update (store, GDN_RECORD (reminder), error))
    {
      gdn_workflow_put_back (store, GDN_RECORD (reminder), snapshot);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_workflow_complete_reminder:
 *
 * Marks @reminder done now. A reminder already done keeps its first time.
 */
gboolean
gdn_workflow_complete_reminder (GdnStore     *store,
                                GdnReminder  *reminder,
                                GError      **error)
{
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autofree char *now = gdn_now ();

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (gdn_record_get_id (GDN_RECORD (reminder)) > 0, FALSE);

  if (gdn_record_is_set (GDN_RECORD (reminder), "done_at"))
    return TRUE;

  snapshot = gdn_workflow_snapshot (GDN_RECORD (reminder));
  gdn_record_set_string (GDN_RECORD (reminder), "done_at", now);
  return save_reminder (store, reminder, snapshot, error);
}

/**
 * gdn_workflow_snooze_reminder:
 * @until: 'YYYY-MM-DD HH:MM:SS', later than now
 *
 * Hides @reminder until @until.
 */
gboolean
gdn_workflow_snooze_reminder (GdnStore     *store,
                              GdnReminder  *reminder,
                              const char   *until,
                              GError      **error)
{
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autofree char *now = gdn_now ();

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_REMINDER (reminder), FALSE);
  g_return_val_if_fail (gdn_record_get_id (GDN_RECORD (reminder)) > 0, FALSE);

  if (!gdn_datetime_is_valid (until))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "snoozed_until",
                                _("Snoozed until: “%s” is not a real date and time"),
                                until ? until : "");
      return FALSE;
    }
  if (strcmp (until, now) <= 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "snoozed_until",
                                _("Snoozed until: choose a time later than now (%s)"), now);
      return FALSE;
    }

  snapshot = gdn_workflow_snapshot (GDN_RECORD (reminder));
  gdn_record_set_string (GDN_RECORD (reminder), "snoozed_until", until);
  return save_reminder (store, reminder, snapshot, error);
}

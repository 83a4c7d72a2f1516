/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-flags"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-flags.h"
#include "gdn-order.h"

/* The overdue / at-risk / late / incomplete / stuck / response-breach rules. They live in
 * SQL only (gdn-flags.h), so that lists, filters, the order page, KPIs and the report can
 * never disagree; this file names them and evaluates them for one record. */

typedef struct
{
  GdnFlags    flag;
  const char *nick;
  const char *label;
  const char *order_sql;
  const char *case_sql;
} FlagInfo;

static const FlagInfo flag_info[] = {
  { GDN_FLAGS_OVERDUE, "overdue", N_("Overdue"), GDN_FLAGS_ORDER_OVERDUE_SQL, NULL },
  { GDN_FLAGS_AT_RISK, "at-risk", N_("At risk"), GDN_FLAGS_ORDER_AT_RISK_SQL, NULL },
  { GDN_FLAGS_LATE_DELIVERY, "late-delivery", N_("Late delivery"),
    GDN_FLAGS_ORDER_LATE_DELIVERY_SQL, NULL },
  { GDN_FLAGS_INCOMPLETE, "incomplete", N_("Incomplete"), GDN_FLAGS_ORDER_INCOMPLETE_SQL,
    NULL },
  { GDN_FLAGS_STUCK, "stuck", N_("Stuck"), GDN_FLAGS_ORDER_STUCK_SQL, NULL },
  { GDN_FLAGS_RESPONSE_BREACH, "response-breach", N_("Response breach"), NULL,
    GDN_FLAGS_CASE_RESPONSE_BREACH_SQL },
};

G_DEFINE_FLAGS_TYPE (GdnFlags, gdn_flags,
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_OVERDUE, "overdue"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_AT_RISK, "at-risk"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_LATE_DELIVERY, "late-delivery"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_INCOMPLETE, "incomplete"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_STUCK, "stuck"),
                     G_DEFINE_ENUM_VALUE (GDN_FLAGS_RESPONSE_BREACH, "response-breach"))

static const FlagInfo *
find_flag (GdnFlags flag)
{
  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    if (flag_info[i].flag == flag)
      return &flag_info[i];
  return NULL;
}

/**
 * gdn_flags_supported:
 *
 * Returns: the flags that records of @type can carry (none for most kinds)
 */
GdnFlags
gdn_flags_supported (GType type)
{
  if (type == GDN_TYPE_ORDER)
    return GDN_FLAGS_OVERDUE | GDN_FLAGS_AT_RISK | GDN_FLAGS_LATE_DELIVERY |
           GDN_FLAGS_INCOMPLETE | GDN_FLAGS_STUCK;
  if (type == GDN_TYPE_CASE)
    return GDN_FLAGS_RESPONSE_BREACH;
  return GDN_FLAGS_NONE;
}

/**
 * gdn_flags_sql:
 *
 * Returns: (nullable): the bitmask of every flag of @type as an SQL expression over the
 *   table alias `t`, or %NULL when @type has no flags
 */
const char *
gdn_flags_sql (GType type)
{
  if (type == GDN_TYPE_ORDER)
    return GDN_FLAGS_ORDER_SQL;
  if (type == GDN_TYPE_CASE)
    return GDN_FLAGS_CASE_SQL;
  return NULL;
}

/**
 * gdn_flags_condition_sql:
 * @flag: a single flag
 *
 * Returns: (nullable): the condition of @flag over the table alias `t`, written so that
 *   indexes can serve it where possible; %NULL when @type cannot carry @flag
 */
const char *
gdn_flags_condition_sql (GType    type,
                         GdnFlags flag)
{
  const FlagInfo *info = find_flag (flag);

  if (info == NULL)
    return NULL;
  if (type == GDN_TYPE_ORDER)
    return info->order_sql;
  if (type == GDN_TYPE_CASE)
    return info->case_sql;
  return NULL;
}

/**
 * gdn_flags_label:
 * @flag: a single flag
 *
 * Returns: its translated name, for badges and filters
 */
const char *
gdn_flags_label (GdnFlags flag)
{
  const FlagInfo *info = find_flag (flag);

  return info != NULL ? g_dgettext (GETTEXT_PACKAGE, info->label) : "";
}

/**
 * gdn_flags_nick:
 * @flag: a single flag
 *
 * Returns: its stable English name ("overdue", "at-risk", …), for files and options
 */
const char *
gdn_flags_nick (GdnFlags flag)
{
  const FlagInfo *info = find_flag (flag);

  return info != NULL ? info->nick : "";
}

/**
 * gdn_flags_to_string:
 *
 * Returns: the translated names of @flags, separated as the language separates a list
 *   ("" when none is set)
 */
char *
gdn_flags_to_string (GdnFlags flags)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (flag_info); i++)
    {
      if (!(flags & flag_info[i].flag))
        continue;
      if (s->len > 0)
        /* TRANSLATORS: separates the names of warning flags, as in "Overdue, Stuck" */
        g_string_append (s, _(", "));
      g_string_append (s, g_dgettext (GETTEXT_PACKAGE, flag_info[i].label));
    }
  return g_string_free (s, FALSE);
}

/**
 * gdn_flags_parse:
 * @text: nicks separated by commas, e.g. "overdue,at-risk"
 *
 * Returns: %FALSE when a name is unknown
 */
gboolean
gdn_flags_parse (const char *text,
                 GdnFlags   *flags)
{
  g_auto(GStrv) names = g_strsplit (text, ",", -1);
  GdnFlags result = GDN_FLAGS_NONE;

  for (guint n = 0; names[n] != NULL; n++)
    {
      const char *name = g_strstrip (names[n]);
      gboolean found = FALSE;

      if (*name == '\0')
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (flag_info) && !found; i++)
        if (strcmp (flag_info[i].nick, name) == 0)
          {
            result |= flag_info[i].flag;
            found = TRUE;
          }
      if (!found)
        return FALSE;
    }
  *flags = result;
  return TRUE;
}

/**
 * gdn_flags_compute:
 * @type: %GDN_TYPE_ORDER or %GDN_TYPE_CASE (other kinds have no flags)
 *
 * Evaluates the rules for one saved record, e.g. for the order page after an edit.
 *
 * Returns: the flags of the record, or %GDN_FLAGS_NONE with @error set when it does not
 *   exist
 */
GdnFlags
gdn_flags_compute (GdnStore  *store,
                   GType      type,
                   gint64     id,
                   GError   **error)
{
  g_autoptr(GdnRecordClass) klass = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *expr = gdn_flags_sql (type);
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (store), GDN_FLAGS_NONE);

  if (expr == NULL)
    return GDN_FLAGS_NONE;

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.id = ?", expr,
                         gdn_record_class_get_table (klass));
  stmt = gdn_database_prepare (gdn_store_get_database (store), sql, error);
  if (stmt == NULL)
    return GDN_FLAGS_NONE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return (GdnFlags) sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_FAILED,
                 _("The record was not found"));
  else
    gdn_database_set_error (gdn_store_get_database (store), rc, error);
  return GDN_FLAGS_NONE;
}

/**
 * gdn_flags_set_now_for_testing:
 * @now: (nullable): 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS', or %NULL to follow the clock
 *
 * Pins the "now" of every rule in this database file.
 */
gboolean
gdn_flags_set_now_for_testing (GdnDatabase  *database,
                               const char   *now,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (now == NULL)
    stmt = gdn_database_prepare (database,
                                 "DELETE FROM settings WHERE key = 'gdn.flags.now'", error);
  else
    stmt = gdn_database_prepare (database,
                                 "INSERT OR REPLACE INTO settings (key, value)"
                                 " VALUES ('gdn.flags.now', ?)", error);
  if (stmt == NULL)
    return FALSE;
  if (now != NULL)
    sqlite3_bind_text (stmt, 1, now, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-customer-summary"

#include "config.h"

#include <math.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-customer-summary.h"
#include "gdn-interaction.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-survey.h"

/* The queries of a customer's page. Each is a handful of rows read through the indexes
 * on customer_id, so they run on the main thread when the page opens. */

/* An order's lines still count as "to ship" from confirmation until it leaves */
#define UNSHIPPED_STATUSES "('confirmed','in_production','qc')"
/* A shipment that has not arrived yet */
#define OPEN_SHIPMENT_STATUSES "('pending','in_transit','delayed','exception')"

void
gdn_customer_order_free (GdnCustomerOrder *order)
{
  if (order == NULL)
    return;
  g_clear_object (&order->order);
  g_clear_pointer (&order->open_lines, g_ptr_array_unref);
  g_free (order->eta);
  g_free (order);
}

/* Reads rows of @type, columns as gdn_record_class_select_list(), for one customer.
 * @rest follows "FROM table t WHERE t.customer_id = ?1 AND t.deleted_at IS NULL". */
static GPtrArray *
list_records (GdnStore    *store,
              GType        type,
              gint64       customer_id,
              const char  *rest,
              guint        offset,
              guint        limit,
              GError     **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *cols = gdn_record_class_select_list (klass);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GdnDatabase *database = gdn_store_get_database (store);
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM %s t WHERE t.customer_id = ?1"
                         " AND t.deleted_at IS NULL %s LIMIT ?2 OFFSET ?3",
                         cols, gdn_record_class_get_table (klass), rest);
  stmt = gdn_database_prepare (database, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, limit == 0 ? -1 : (sqlite3_int64) limit);
  sqlite3_bind_int64 (stmt, 3, offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, gdn_record_new_from_statement (type, stmt));
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (database, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/**
 * gdn_customer_summary_count:
 * @type: a kind of record with a customer_id field (contacts, orders, cases, the
 *   communication log, surveys, contracts)
 *
 * Returns: how many records of @type (not in the trash) belong to the customer, or -1
 *   with @error set
 */
gint64
gdn_customer_summary_count (GdnStore  *store,
                            GType      type,
                            gint64     customer_id,
                            GError   **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (type);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GdnDatabase *database;
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (store), -1);
  g_return_val_if_fail (gdn_record_class_find_field (klass, "customer_id") >= 0, -1);

  database = gdn_store_get_database (store);
  sql = g_strdup_printf ("SELECT count(*) FROM %s t WHERE t.customer_id = ?"
                         " AND t.deleted_at IS NULL", gdn_record_class_get_table (klass));
  stmt = gdn_database_prepare (database, sql, error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      gdn_database_set_error (database, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * gdn_customer_summary_contacts:
 *
 * Returns: (transfer full) (element-type GdnContact): the customer's contacts, the
 *   primary contact first, then in the order they were entered
 */
GPtrArray *
gdn_customer_summary_contacts (GdnStore  *store,
                               gint64     customer_id,
                               GError   **error)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return list_records (store, GDN_TYPE_CONTACT, customer_id,
                       "ORDER BY t.is_primary DESC, t.id", 0, 0, error);
}

static GdnCustomerOrder *
find_order (GPtrArray *orders,
            gint64     id)
{
  for (guint i = 0; i < orders->len; i++)
    {
      GdnCustomerOrder *o = g_ptr_array_index (orders, i);

      if (gdn_record_get_id (o->order) == id)
        return o;
    }
  return NULL;
}

/* The lines of the customer's orders that are confirmed but not shipped, for the orders
 * in @orders only (a page of them). */
static gboolean
add_open_lines (GdnStore   *store,
                gint64      customer_id,
                GPtrArray  *orders,
                GError    **error)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (GDN_TYPE_ORDER_LINE);
  g_autofree char *cols = gdn_record_class_select_list (klass);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GdnDatabase *database = gdn_store_get_database (store);
  int rc;

  sql = g_strdup_printf ("SELECT %s FROM order_lines t JOIN orders o ON o.id = t.order_id"
                         " WHERE o.customer_id = ? AND o.deleted_at IS NULL"
                         " AND o.status IN " UNSHIPPED_STATUSES
                         " ORDER BY t.order_id, t.position, t.id", cols);
  stmt = gdn_database_prepare (database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GdnRecord) line = gdn_record_new_from_statement (GDN_TYPE_ORDER_LINE, stmt);
      GdnCustomerOrder *order = find_order (orders, gdn_record_get_int (line, "order_id"));

      if (order != NULL)
        g_ptr_array_add (order->open_lines, g_steal_pointer (&line));
    }
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_etas (GdnStore   *store,
          gint64      customer_id,
          GPtrArray  *orders,
          GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GdnDatabase *database = gdn_store_get_database (store);
  int rc;

  stmt = gdn_database_prepare (database,
                               "SELECT s.order_id, max(s.eta), count(*) FROM shipments s"
                               " JOIN orders o ON o.id = s.order_id"
                               " WHERE o.customer_id = ? AND o.deleted_at IS NULL"
                               " AND s.deleted_at IS NULL"
                               " AND s.status IN " OPEN_SHIPMENT_STATUSES
                               " GROUP BY s.order_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      GdnCustomerOrder *order = find_order (orders, sqlite3_column_int64 (stmt, 0));

      if (order == NULL)
        continue;
      order->eta = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      order->n_shipments = (guint) sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (database, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_customer_summary_orders:
 * @offset: how many of the newest orders to skip
 * @limit: how many orders at most; 0 for all
 *
 * Returns: (transfer full) (element-type GdnCustomerOrder): the customer's orders, newest
 *   first, each with its lines not shipped yet and the ETA of its shipments on the way
 */
GPtrArray *
gdn_customer_summary_orders (GdnStore  *store,
                             gint64     customer_id,
                             guint      offset,
                             guint      limit,
                             GError   **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) orders = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  records = list_records (store, GDN_TYPE_ORDER, customer_id,
                          "ORDER BY t.created_date DESC, t.id DESC", offset, limit, error);
  if (records == NULL)
    return NULL;

  orders = g_ptr_array_new_with_free_func ((GDestroyNotify) gdn_customer_order_free);
  for (guint i = 0; i < records->len; i++)
    {
      GdnCustomerOrder *order = g_new0 (GdnCustomerOrder, 1);

      order->order = g_object_ref (g_ptr_array_index (records, i));
      order->open_lines = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (orders, order);
    }
  if (orders->len == 0)
    return g_steal_pointer (&orders);

  if (!add_open_lines (store, customer_id, orders, error) ||
      !add_etas (store, customer_id, orders, error))
    return NULL;
  return g_steal_pointer (&orders);
}

/**
 * gdn_customer_summary_cases:
 * @limit: 0 for all
 *
 * Returns: (transfer full) (element-type GdnCase): the customer's cases, the most
 *   recently opened first
 */
GPtrArray *
gdn_customer_summary_cases (GdnStore  *store,
                            gint64     customer_id,
                            guint      offset,
                            guint      limit,
                            GError   **error)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return list_records (store, GDN_TYPE_CASE, customer_id,
                       "ORDER BY t.opened_at DESC, t.id DESC", offset, limit, error);
}

/**
 * gdn_customer_summary_interactions:
 * @limit: 0 for all
 *
 * Returns: (transfer full) (element-type GdnInteraction): the customer's communication
 *   log, newest first
 */
GPtrArray *
gdn_customer_summary_interactions (GdnStore  *store,
                                   gint64     customer_id,
                                   guint      offset,
                                   guint      limit,
                                   GError   **error)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return list_records (store, GDN_TYPE_INTERACTION, customer_id,
                       "ORDER BY t.at DESC, t.id DESC", offset, limit, error);
}

/**
 * gdn_customer_summary_surveys:
 *
 * Returns: (transfer full) (element-type GdnSurvey): the customer's satisfaction
 *   surveys, newest first
 */
GPtrArray *
gdn_customer_summary_surveys (GdnStore  *store,
                              gint64     customer_id,
                              GError   **error)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return list_records (store, GDN_TYPE_SURVEY, customer_id,
                       "ORDER BY t.date DESC, t.id DESC", 0, 0, error);
}

/**
 * gdn_customer_summary_mean_overall:
 * @surveys: (element-type GdnSurvey): surveys
 *
 * Returns: the mean overall score, or NAN when there is no score ("no data", not 0)
 */
double
gdn_customer_summary_mean_overall (GPtrArray *surveys)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (surveys != NULL, NAN);

  for (guint i = 0; i < surveys->len; i++)
    {
      GdnRecord *survey = g_ptr_array_index (surveys, i);

      if (!gdn_record_is_set (survey, "overall"))
        continue;
      sum += (double) gdn_record_get_int (survey, "overall");
      n++;
    }
  return n > 0 ? sum / n : NAN;
}

/**
 * gdn_customer_summary_contact_warnings:
 * @contacts: (element-type GdnContact): a customer's contacts
 *
 * Returns: what the account manager should know about the buying centre: no economic
 *   decision-maker known, an opponent among the contacts
 */
GdnContactWarnings
gdn_customer_summary_contact_warnings (GPtrArray *contacts)
{
  GdnContactWarnings warnings = GDN_CONTACT_WARNING_NO_ECONOMIC;

  g_return_val_if_fail (contacts != NULL, GDN_CONTACT_WARNING_NONE);

  for (guint i = 0; i < contacts->len; i++)
    {
      GdnRecord *contact = g_ptr_array_index (contacts, i);

      if (g_strcmp0 (gdn_record_get_string (contact, "role"), "economic") == 0)
        warnings &= ~GDN_CONTACT_WARNING_NO_ECONOMIC;
      if (g_strcmp0 (gdn_record_get_string (contact, "stance"), "opponent") == 0)
        warnings |= GDN_CONTACT_WARNING_OPPONENT;
    }
  return warnings;
}

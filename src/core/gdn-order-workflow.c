/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "gdn-order-event.h"
#include "gdn-order-workflow.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"
#include "gdn-workflow-private.h"

/* An order moves along DESIGN.md's diagram, one step at a time. Each step is written in
 * one transaction: the order (status, status_changed_at and the dates that belong to the
 * step), an order_events row for the timeline, and the store's audit entry. A refused step
 * leaves the database and the caller's record as they were. */

static const GdnTransition order_transitions[] = {
  { "inquiry", { "quoted", "lost", NULL } },
  { "quoted", { "confirmed", "lost", NULL } },
  { "confirmed", { "in_production", "cancelled", NULL } },
  { "in_production", { "qc", "cancelled", NULL } },
  /* a failed quality check sends the order back to production for rework */
  { "qc", { "shipped", "in_production", NULL } },
  { "shipped", { "delivered", NULL } },
  { "delivered", { "closed", NULL } },
};

/* Shipments still on the way are delivered with the order (see gdn_workflow_deliver_order). */
static const char * const moving_shipment_statuses[] = { "in_transit", "delayed", NULL };

/**
 * gdn_order_workflow_next_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses an order in @status may
 *   move to, in the order the app shows them; empty for a final status
 */
const char * const *
gdn_order_workflow_next_statuses (const char *status)
{
  return gdn_workflow_transitions_from (order_transitions, G_N_ELEMENTS (order_transitions),
                                        status);
}

gboolean
gdn_order_workflow_can_change (const char *from,
                               const char *to)
{
  return gdn_workflow_strv_has (gdn_order_workflow_next_statuses (from), to);
}

static void
set_transition_error (const char  *from,
                      const char  *to,
                      GError     **error)
{
  g_autofree char *targets =
    gdn_workflow_describe_targets (&gdn_enum_order_status,
                                   gdn_order_workflow_next_statuses (from));
  const char *from_label = gdn_enum_label (&gdn_enum_order_status, from);

  gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                            _("The order cannot go from “%s” to “%s”. From “%s” it can go "
                              "to: %s"),
                            from_label, gdn_enum_label (&gdn_enum_order_status, to),
                            from_label, targets);
}

/* A line complete enough for a confirmed order: what the factory and the invoice need. */
static gboolean
check_line_complete (GdnRecord  *line,
                     guint       number,
                     GError    **error)
{
  if (!gdn_record_is_set (line, "product_code"))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "product_code",
                                _("Line %u has no product code; enter it before confirming "
                                  "the order"), number);
      return FALSE;
    }
  if (!gdn_record_is_set (line, "quantity") || gdn_record_get_double (line, "quantity") <= 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "quantity",
                                _("Line %u has no quantity; enter a quantity above 0 before "
                                  "confirming the order"), number);
      return FALSE;
    }
  if (!gdn_record_is_set (line, "unit_price") || gdn_record_get_double (line, "unit_price") < 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "unit_price",
                                _("Line %u has no unit price; enter it (0 for a free item) "
                                  "before confirming the order"), number);
      return FALSE;
    }
  return TRUE;
}

/**
 * gdn_workflow_check_order_confirmable:
 *
 * Checks what DESIGN.md requires of a confirmed order: a customer, at least one complete
 * line (product code, quantity above 0, unit price of 0 or more) as saved in the database,
 * a promised delivery date and a delivery address. The date and the address may be missing
 * when the order has a reason for the missing data (it is then an incomplete order).
 *
 * Returns: %TRUE when @order may be confirmed; otherwise the error names the field
 */
gboolean
gdn_workflow_check_order_confirmable (GdnStore   *store,
                                      GdnOrder   *order,
                                      GError    **error)
{
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GPtrArray) lines = NULL;
  gboolean has_reason = gdn_record_is_set (r, "missing_reason");

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);

  if (!gdn_record_is_set (r, "customer_id"))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "customer_id",
                                _("Choose the customer before confirming the order"));
      return FALSE;
    }

  if (gdn_record_get_id (r) > 0)
    {
      lines = gdn_store_list_children (store, GDN_TYPE_ORDER_LINE, "order_id",
                                       gdn_record_get_id (r), error);
      if (lines == NULL)
        return FALSE;
    }
  if (lines == NULL || lines->len == 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "n_lines",
                                _("Add at least one order line with product code, quantity "
                                  "and unit price before confirming the order"));
      return FALSE;
    }
  for (guint i = 0; i < lines->len; i++)
    if (!check_line_complete (g_ptr_array_index (lines, i), i + 1, error))
      return FALSE;

  if (!gdn_record_is_set (r, "promised_date") && !has_reason)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "promised_date",
                                _("The promised delivery date is missing. Enter it, or write "
                                  "why it is missing in “Reason for missing data” to confirm "
                                  "the order as incomplete"));
      return FALSE;
    }
  if (!gdn_record_is_set (r, "delivery_address") && !has_reason)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "delivery_address",
                                _("The delivery address is missing. Enter it, or write why it "
                                  "is missing in “Reason for missing data” to confirm the "
                                  "order as incomplete"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_event (GdnStore    *store,
              gint64       order_id,
              const char  *at,
              const char  *from,
              const char  *to,
              const char  *note,
              GError     **error)
{
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(sqlite3_stmt) stmt =
    gdn_database_prepare (db,
                          "INSERT INTO order_events (order_id, at, from_status, to_status, note,"
                          " who) VALUES (?, ?, ?, ?, ?, ?)",
                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, order_id);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_TRANSIENT);
  if (from != NULL)
    sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, to, -1, SQLITE_TRANSIENT);
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, gdn_store_get_user_name (store), -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (db, rc, error);
      return FALSE;
    }
  gdn_store_emit_changed (store, GDN_TYPE_ORDER_EVENT,
                          sqlite3_last_insert_rowid (gdn_database_get_handle (db)),
                          GDN_CHANGE_INSERTED);
  return TRUE;
}

/* Shipments still moving arrive with the order, on its delivery date. One that says it left
 * after that date is left for a person to look at rather than made inconsistent. */
static gboolean
deliver_shipments (GdnStore    *store,
                   GdnRecord   *order,
                   GError     **error)
{
  const char *delivered = gdn_record_get_string (order, "delivered_date");
  g_autoptr(GPtrArray) shipments =
    gdn_store_list_children (store, GDN_TYPE_SHIPMENT, "order_id", gdn_record_get_id (order),
                             error);

  if (shipments == NULL)
    return FALSE;

  for (guint i = 0; i < shipments->len; i++)
    {
      GdnRecord *s = g_ptr_array_index (shipments, i);
      const char *shipped = gdn_record_get_string (s, "shipped_date");

      if (!gdn_workflow_strv_has (moving_shipment_statuses, gdn_record_get_string (s, "status")))
        continue;
      if (shipped != NULL && strcmp (shipped, delivered) > 0)
        continue;

      gdn_record_set_string (s, "status", "delivered");
      if (!gdn_record_is_set (s, "delivered_date"))
        gdn_record_set_string (s, "delivered_date", delivered);
      if (!gdn_store_update (store, s, error))
        return FALSE;
    }
  return TRUE;
}

/* One step, inside the caller's transaction. */
static gboolean
apply_status (GdnStore    *store,
              GdnOrder    *order,
              const char  *to,
              const char  *note,
              GError     **error)
{
  GdnRecord *r = GDN_RECORD (order);
  g_autofree char *from = g_strdup (gdn_record_get_string (r, "status"));
  g_autofree char *now = gdn_now ();
  g_autofree char *today = gdn_today ();

  if (!gdn_order_workflow_can_change (from, to))
    {
      set_transition_error (from, to, error);
      return FALSE;
    }

  if (strcmp (to, "confirmed") == 0)
    {
      if (!gdn_workflow_check_order_confirmable (store, order, error))
        return FALSE;
      if (!gdn_record_is_set (r, "confirmed_date"))
        gdn_record_set_string (r, "confirmed_date", today);
    }
  else if (strcmp (from, "qc") == 0 && strcmp (to, "in_production") == 0)
    {
      if (note == NULL || *note == '\0')
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "note",
                                    _("Write what failed in the quality check, so the rework "
                                      "is on record"));
          return FALSE;
        }
    }
  else if (strcmp (to, "shipped") == 0)
    {
      /* passing the quality check finishes production */
      gdn_record_set_int (r, "progress", 100);
    }
  else if (strcmp (to, "delivered") == 0)
    {
      const char *promised = gdn_record_get_string (r, "promised_date");
      const char *delivered;

      if (!gdn_record_is_set (r, "delivered_date"))
        gdn_record_set_string (r, "delivered_date", today);
      if (!gdn_record_validate (r, error))
        return FALSE;

      delivered = gdn_record_get_string (r, "delivered_date");
      if (promised != NULL && strcmp (delivered, promised) > 0 &&
          !gdn_record_is_set (r, "delay_reason"))
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "delay_reason",
                                    _("The order was delivered on %s, after the promised date "
                                      "%s; choose a delay reason"), delivered, promised);
          return FALSE;
        }
    }

  gdn_record_set_string (r, "status", to);
  gdn_record_set_string (r, "status_changed_at", now);

  if (!gdn_store_update (store, r, error) ||
      !insert_event (store, gdn_record_get_id (r), now, from, to, note, error))
    return FALSE;

  if (strcmp (to, "delivered") == 0 && !deliver_shipments (store, r, error))
    return FALSE;

  return TRUE;
}

/**
 * gdn_workflow_change_order_status:
 * @to: one of gdn_order_workflow_next_statuses() of the order's status
 * @note: (nullable): why, for the timeline; required when a quality check fails
 *
 * Moves @order one step, with what the step implies: confirming checks
 * gdn_workflow_check_order_confirmable() and sets the confirmed date; passing the quality
 * check (qc → shipped) sets progress to 100; delivering sets the delivered date (today
 * unless already set), asks for a delay reason when it is after the promised date, and
 * delivers the order's shipments in transit. Fields set on @order beforehand (a delay
 * reason, a delivered date) are saved with the step.
 *
 * A refused step is a %GDN_VALIDATION_ERROR_WORKFLOW error naming both statuses; a missing
 * requirement names its field. Either way nothing is written and @order is left as it was.
 */
gboolean
gdn_workflow_change_order_status (GdnStore    *store,
                                  GdnOrder    *order,
                                  const char  *to,
                                  const char  *note,
                                  GError     **error)
{
  g_autoptr(GdnRecord) snapshot = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);
  g_return_val_if_fail (gdn_record_get_id (GDN_RECORD (order)) > 0, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  snapshot = gdn_workflow_snapshot (GDN_RECORD (order));
  if (!gdn_store_begin (store, error))
    return FALSE;
  if (!apply_status (store, order, to, note, error) || !gdn_store_commit (store, error))
    {
      gdn_store_rollback (store);
      gdn_workflow_put_back (store, GDN_RECORD (order), snapshot);
      return FALSE;
    }
  gdn_store_reload (store, GDN_RECORD (order), NULL);
  return TRUE;
}

/**
 * gdn_workflow_deliver_order:
 * @delivered_date: (nullable): 'YYYY-MM-DD'; %NULL for the order's own, or today
 * @delay_reason: (nullable): a #gdn_enum_delay_reason value, needed when late
 *
 * Moves a shipped order to delivered (see gdn_workflow_change_order_status()). Its
 * shipments still in transit or delayed are marked delivered on the same date; one in
 * exception is left for a person to settle.
 */
gboolean
gdn_workflow_deliver_order (GdnStore    *store,
                            GdnOrder    *order,
                            const char  *delivered_date,
                            const char  *delay_reason,
                            const char  *note,
                            GError     **error)
{
  g_autoptr(GdnRecord) snapshot = NULL;
  GdnRecord *r = GDN_RECORD (order);

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  snapshot = gdn_workflow_snapshot (r);
  if (delivered_date != NULL)
    gdn_record_set_string (r, "delivered_date", delivered_date);
  if (delay_reason != NULL)
    gdn_record_set_string (r, "delay_reason", delay_reason);

  if (!gdn_store_begin (store, error))
    {
      gdn_workflow_put_back (store, r, snapshot);
      return FALSE;
    }
  if (!apply_status (store, order, "delivered", note, error) ||
      !gdn_store_commit (store, error))
    {
      gdn_store_rollback (store);
      gdn_workflow_put_back (store, r, snapshot);
      return FALSE;
    }
  gdn_store_reload (store, r, NULL);
  return TRUE;
}

/**
 * gdn_workflow_ship_order:
 * @shipment: a new shipment: carrier, mode, tracking number, ETA… as the person entered
 *   them; the order, the status (in transit) and, when empty, the shipped date (today) are
 *   filled in
 *
 * Records @shipment and moves @order from the quality check to shipped, in one
 * transaction: either both are written or neither.
 */
gboolean
gdn_workflow_ship_order (GdnStore     *store,
                         GdnOrder     *order,
                         GdnShipment  *shipment,
                         const char   *note,
                         GError      **error)
{
  GdnRecord *r = GDN_RECORD (order);
  GdnRecord *s = GDN_RECORD (shipment);
  g_autoptr(GdnRecord) order_snapshot = NULL;
  g_autoptr(GdnRecord) shipment_snapshot = NULL;
  g_autofree char *today = gdn_today ();
  const char *from;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);
  g_return_val_if_fail (GDN_IS_SHIPMENT (shipment), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);
  g_return_val_if_fail (gdn_record_get_id (s) == 0, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  /* the workflow's refusal is the clearer message when both would fail */
  from = gdn_record_get_string (r, "status");
  if (!gdn_order_workflow_can_change (from, "shipped"))
    {
      set_transition_error (from, "shipped", error);
      return FALSE;
    }

  order_snapshot = gdn_workflow_snapshot (r);
  shipment_snapshot = gdn_workflow_snapshot (s);

  gdn_record_set_int (s, "order_id", gdn_record_get_id (r));
  gdn_record_set_string (s, "status", "in_transit");
  if (!gdn_record_is_set (s, "shipped_date"))
    gdn_record_set_string (s, "shipped_date", today);

  if (!gdn_store_begin (store, error))
    {
      gdn_workflow_put_back (store, s, shipment_snapshot);
      return FALSE;
    }
  if (!gdn_store_insert (store, s, error) ||
      !apply_status (store, order, "shipped", note, error) ||
      !gdn_store_commit (store, error))
    {
      gdn_store_rollback (store);
      gdn_workflow_put_back (store, r, order_snapshot);
      gdn_workflow_put_back (store, s, shipment_snapshot);
      return FALSE;
    }
  gdn_store_reload (store, r, NULL);
  gdn_store_reload (store, s, NULL);
  return TRUE;
}

/**
 * gdn_workflow_set_order_progress:
 * @progress: 0 to 100
 *
 * Records how far production is, while @order is in production. Audited like any change.
 */
gboolean
gdn_workflow_set_order_progress (GdnStore   *store,
                                 GdnOrder   *order,
                                 int         progress,
                                 GError    **error)
{
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GdnRecord) snapshot = NULL;
  const char *status;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);

  status = gdn_record_get_string (r, "status");
  if (g_strcmp0 (status, "in_production") != 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "progress",
                                _("Production progress can be recorded only while the order "
                                  "is “%s”; it is “%s”"),
                                gdn_enum_label (&gdn_enum_order_status, "in_production"),
                                gdn_enum_label (&gdn_enum_order_status, status));
      return FALSE;
    }
  if (progress < 0 || progress > 100)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "progress",
                                _("Production progress must be between 0 and 100 %%"));
      return FALSE;
    }

  snapshot = gdn_workflow_snapshot (r);
  gdn_record_set_int (r, "progress", progress);
  if (!gdn_store_update (store, r, error))
    {
      gdn_workflow_put_back (store, r, snapshot);
      return FALSE;
    }
  return TRUE;
}

/* Refuses what can never be right on a line, whatever the order's stage. */
static gboolean
check_line (GdnRecord  *line,
            guint       number,
            GError    **error)
{
  if (!gdn_record_is_set (line, "product_code") && !gdn_record_is_set (line, "product_name"))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "product_code",
                                _("Line %u: enter a product code or name"), number);
      return FALSE;
    }
  if (gdn_record_is_set (line, "quantity") && !(gdn_record_get_double (line, "quantity") > 0))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "quantity",
                                _("Line %u: the quantity must be more than 0"), number);
      return FALSE;
    }
  if (gdn_record_is_set (line, "unit_price") && !(gdn_record_get_double (line, "unit_price") >= 0))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "unit_price",
                                _("Line %u: the unit price cannot be negative"), number);
      return FALSE;
    }
  return TRUE;
}

/* [{position, product_code, …}, …] for the audit log. */
static JsonNode *
lines_to_json (GPtrArray *lines)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      GdnRecord *line = g_ptr_array_index (lines, i);
      GdnRecordClass *klass = GDN_RECORD_GET_CLASS (line);

      json_builder_begin_object (builder);
      for (guint f = 0; f < klass->n_fields; f++)
        {
          const GdnField *field = &klass->fields[f];
          g_autofree char *text = NULL;

          if ((field->flags & GDN_FIELD_DERIVED) || strcmp (field->name, "order_id") == 0)
            continue;
          json_builder_set_member_name (builder, field->name);
          if (strcmp (field->name, "position") == 0)
            {
              json_builder_add_int_value (builder, i + 1);
              continue;
            }
          text = gdn_record_format_at (line, f);
          if (*text == '\0')
            json_builder_add_null_value (builder);
          else if (field->type == GDN_FIELD_REAL)
            json_builder_add_double_value (builder, gdn_record_get_double (line, field->name));
          else
            json_builder_add_string_value (builder, text);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* Replaces the order's lines; returns the new rows' ids through @ids. */
static gboolean
replace_lines (GdnStore   *store,
               gint64      order_id,
               GPtrArray  *lines,
               GArray     *ids,
               GError    **error)
{
  GdnDatabase *db = gdn_store_get_database (store);
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (GDN_TYPE_ORDER_LINE);
  g_autoptr(GString) sql = g_string_new ("INSERT INTO order_lines (");
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  guint n_written = 0;
  int rc;

  del = gdn_database_prepare (db, "DELETE FROM order_lines WHERE order_id = ?", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, order_id);
  rc = sqlite3_step (del);
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (db, rc, error);
      return FALSE;
    }

  for (guint f = 0; f < klass->n_fields; f++)
    if (!(klass->fields[f].flags & GDN_FIELD_DERIVED))
      g_string_append_printf (sql, "%s%s", n_written++ ? ", " : "", klass->fields[f].name);
  g_string_append (sql, ") VALUES (");
  for (guint f = 0; f < n_written; f++)
    g_string_append (sql, f ? ", ?" : "?");
  g_string_append (sql, ")");

  ins = gdn_database_prepare (db, sql->str, error);
  if (ins == NULL)
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      GdnRecord *line = g_ptr_array_index (lines, i);
      gint64 id;

      gdn_record_set_int (line, "order_id", order_id);
      gdn_record_set_int (line, "position", i + 1);
      if (!gdn_record_validate (line, error))
        {
          g_prefix_error (error, _("Line %u: "), i + 1);
          return FALSE;
        }

      sqlite3_reset (ins);
      sqlite3_clear_bindings (ins);
      gdn_store_bind_record (store, ins, line, 1, NULL);
      rc = sqlite3_step (ins);
      if (rc != SQLITE_DONE)
        {
          gdn_database_set_error (db, rc, error);
          return FALSE;
        }
      id = sqlite3_last_insert_rowid (gdn_database_get_handle (db));
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/**
 * gdn_workflow_save_order:
 * @lines: (element-type GdnOrderLine): the order's lines, in the order shown
 *
 * Inserts or updates @order and replaces its lines, in one transaction: the lines are
 * written with their position (1, 2, …), the order's amount (Σ quantity × unit price) and
 * number of lines are recomputed and its search text refreshed. A new order without a
 * status, created date or type gets inquiry, today and regular, and its timeline starts
 * with an event. The status is not changed here: use gdn_workflow_change_order_status().
 *
 * A line without product code and name, with a quantity of 0 or less or a negative price
 * is refused, naming the line and the field; nothing is written then.
 */
gboolean
gdn_workflow_save_order (GdnStore   *store,
                         GdnOrder   *order,
                         GPtrArray  *lines,
                         GError    **error)
{
  GdnRecord *r = GDN_RECORD (order);
  gboolean insert = gdn_record_get_id (r) == 0;
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autoptr(GPtrArray) old_lines = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) old_parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(JsonNode) old_json = NULL;
  g_autoptr(JsonNode) new_json = NULL;
  g_autofree char *now = gdn_now ();
  g_autofree char *today = gdn_today ();
  double amount = 0;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_ORDER (order), FALSE);
  g_return_val_if_fail (lines != NULL, FALSE);

  for (guint i = 0; i < lines->len; i++)
    {
      GdnRecord *line = g_ptr_array_index (lines, i);
      gint64 parent;

      g_return_val_if_fail (GDN_IS_ORDER_LINE (line), FALSE);
      if (!check_line (line, i + 1, error))
        return FALSE;
      if (gdn_record_is_set (line, "quantity") && gdn_record_is_set (line, "unit_price"))
        amount += gdn_record_get_double (line, "quantity") *
                  gdn_record_get_double (line, "unit_price");
      parent = gdn_record_get_int (line, "order_id");
      g_array_append_val (old_parents, parent);
    }

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  snapshot = gdn_workflow_snapshot (r);
  if (insert)
    {
      if (!gdn_record_is_set (r, "status"))
        gdn_record_set_string (r, "status", "inquiry");
      if (!gdn_record_is_set (r, "created_date"))
        gdn_record_set_string (r, "created_date", today);
      if (!gdn_record_is_set (r, "type"))
        gdn_record_set_string (r, "type", "regular");
      gdn_record_set_string (r, "status_changed_at", now);
    }
  gdn_record_set_double (r, "amount", amount);
  gdn_record_set_int (r, "n_lines", lines->len);

  if (!gdn_store_begin (store, error))
    goto failed;

  if (!insert)
    {
      g_autoptr(GdnRecord) stored = gdn_store_get (store, GDN_TYPE_ORDER, gdn_record_get_id (r),
                                                   error);
      if (stored == NULL)
        goto rollback;
      if (g_strcmp0 (gdn_record_get_string (stored, "status"),
                     gdn_record_get_string (r, "status")) != 0)
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                                    _("The status of an order changes only through its next "
                                      "steps (it is “%s”)"),
                                    gdn_enum_label (&gdn_enum_order_status,
                                                    gdn_record_get_string (stored, "status")));
          goto rollback;
        }
      old_lines = gdn_store_list_children (store, GDN_TYPE_ORDER_LINE, "order_id",
                                           gdn_record_get_id (r), error);
      if (old_lines == NULL)
        goto rollback;
    }

  if (insert)
    {
      if (!gdn_store_insert (store, r, error) ||
          !insert_event (store, gdn_record_get_id (r), now, NULL,
                         gdn_record_get_string (r, "status"), NULL, error))
        goto rollback;
    }
  else if (!gdn_store_update (store, r, error))
    goto rollback;

  if (!replace_lines (store, gdn_record_get_id (r), lines, ids, error) ||
      !gdn_store_refresh_search (store, GDN_TYPE_ORDER, gdn_record_get_id (r), error))
    goto rollback;

  old_json = lines_to_json (old_lines);
  new_json = lines_to_json (lines);
  if (!json_node_equal (old_json, new_json))
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *changes = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "lines");
      json_builder_begin_array (builder);
      json_builder_add_value (builder, g_steal_pointer (&old_json));
      json_builder_add_value (builder, g_steal_pointer (&new_json));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      changes = json_to_string (root, FALSE);
      if (!gdn_store_audit (store, "orders", gdn_record_get_id (r), "update", changes, error))
        goto rollback;
    }

  if (!gdn_store_commit (store, error))
    goto rollback;

  gdn_store_reload (store, r, NULL);
  for (guint i = 0; i < lines->len; i++)
    gdn_record_set_id (g_ptr_array_index (lines, i), g_array_index (ids, gint64, i));
  return TRUE;

rollback:
  gdn_store_rollback (store);
failed:
  gdn_workflow_put_back (store, r, snapshot);
  for (guint i = 0; i < lines->len; i++)
    gdn_record_set_int (g_ptr_array_index (lines, i), "order_id",
                        g_array_index (old_parents, gint64, i));
  return FALSE;
}

/**
 * gdn_workflow_load_order_lines:
 *
 * Returns: (transfer full) (element-type GdnOrderLine): @order's lines in position order
 */
GPtrArray *
gdn_workflow_load_order_lines (GdnStore   *store,
                               GdnOrder   *order,
                               GError    **error)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDN_IS_ORDER (order), NULL);

  /* lines are written in position order, so their ids follow it */
  return gdn_store_list_children (store, GDN_TYPE_ORDER_LINE, "order_id",
                                  gdn_record_get_id (GDN_RECORD (order)), error);
}

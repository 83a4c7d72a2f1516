/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-case-workflow"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "gdn-case-workflow.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"
#include "gdn-workflow-private.h"
#include "gdn-workflow.h"

/* After-sales cases: open → responded → in progress → resolved → closed. The times of the
 * steps are what the 24-hour response and closure KPIs are computed from, so each step
 * records its own. Every change goes through the store, so the audit log keeps the trail. */

static const GdnTransition case_transitions[] = {
  /* starting work straight away is also the first response */
  { "open", { "responded", "in_progress", NULL } },
  { "responded", { "in_progress", NULL } },
  { "in_progress", { "resolved", NULL } },
  /* reopened when the customer says the fix did not hold */
  { "resolved", { "closed", "in_progress", NULL } },
};

/**
 * gdn_case_workflow_next_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses a case in @status may
 *   move to; empty for a closed case
 */
const char * const *
gdn_case_workflow_next_statuses (const char *status)
{
  return gdn_workflow_transitions_from (case_transitions, G_N_ELEMENTS (case_transitions),
                                        status);
}

gboolean
gdn_case_workflow_can_change (const char *from,
                              const char *to)
{
  return gdn_workflow_strv_has (gdn_case_workflow_next_statuses (from), to);
}

/**
 * gdn_workflow_open_case:
 * @kase: a new case with at least its type; what is empty is filled in: the number (next
 *   free KS-YYYYMMDD-NNN), status open, opened now, priority normal
 * @order: (nullable): the order the case is about; its customer becomes the case's
 *
 * Inserts @kase.
 */
gboolean
gdn_workflow_open_case (GdnStore   *store,
                        GdnCase    *kase,
                        GdnOrder   *order,
                        GError    **error)
{
  GdnRecord *r = GDN_RECORD (kase);
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autofree char *now = gdn_now ();

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_CASE (kase), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) == 0, FALSE);
  g_return_val_if_fail (order == NULL || gdn_record_get_id (GDN_RECORD (order)) > 0, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  snapshot = gdn_workflow_snapshot (r);
  if (order != NULL)
    {
      gdn_record_set_int (r, "order_id", gdn_record_get_id (GDN_RECORD (order)));
      gdn_record_set_int (r, "customer_id",
                          gdn_record_get_int (GDN_RECORD (order), "customer_id"));
    }
  gdn_record_set_string (r, "status", "open");
  if (!gdn_record_is_set (r, "opened_at"))
    gdn_record_set_string (r, "opened_at", now);
  if (!gdn_record_is_set (r, "priority"))
    gdn_record_set_string (r, "priority", "normal");

  if (!gdn_store_begin (store, error))
    goto failed;
  if (!gdn_record_is_set (r, "case_no"))
    {
      g_autofree char *number = gdn_workflow_next_case_no (store, error);
      if (number == NULL)
        goto rollback;
      gdn_record_set_string (r, "case_no", number);
    }
  if (!gdn_store_insert (store, r, error) || !gdn_store_commit (store, error))
    goto rollback;

  gdn_store_reload (store, r, NULL);
  return TRUE;

rollback:
  gdn_store_rollback (store);
failed:
  gdn_workflow_put_back (store, r, snapshot);
  return FALSE;
}

/* The step itself, after the caller has set what belongs to it. */
static gboolean
apply_status (GdnStore    *store,
              GdnCase     *kase,
              GdnRecord   *snapshot,
              const char  *to,
              GError     **error)
{
  GdnRecord *r = GDN_RECORD (kase);
  const char *from = gdn_record_get_string (snapshot, "status");
  g_autofree char *now = gdn_now ();

  if (!gdn_case_workflow_can_change (from, to))
    {
      g_autofree char *targets =
        gdn_workflow_describe_targets (&gdn_enum_case_status,
                                       gdn_case_workflow_next_statuses (from));
      const char *from_label = gdn_enum_label (&gdn_enum_case_status, from);

      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                                _("The case cannot go from “%s” to “%s”. From “%s” it can "
                                  "go to: %s"),
                                from_label, gdn_enum_label (&gdn_enum_case_status, to),
                                from_label, targets);
      goto failed;
    }

  if (strcmp (to, "responded") == 0 || strcmp (to, "in_progress") == 0)
    {
      if (!gdn_record_is_set (r, "first_response_at"))
        gdn_record_set_string (r, "first_response_at", now);
      if (strcmp (from, "resolved") == 0)
        gdn_record_set_string (r, "resolved_at", NULL);
    }
  else if (strcmp (to, "resolved") == 0)
    {
      if (!gdn_record_is_set (r, "resolution"))
        {
          gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "resolution",
                                    _("Describe how the case was resolved before marking it "
                                      "resolved"));
          goto failed;
        }
      gdn_record_set_string (r, "resolved_at", now);
    }
  else if (strcmp (to, "closed") == 0)
    {
      gdn_record_set_string (r, "closed_at", now);
    }

  gdn_record_set_string (r, "status", to);
  if (!gdn_store_update (store, r, error))
    goto failed;
  return TRUE;

failed:
  gdn_workflow_put_back (store, r, snapshot);
  return FALSE;
}

static gboolean
change (GdnStore    *store,
        GdnCase     *kase,
        const char  *to,
        const char  *first_response_at,
        const char  *resolution,
        int          satisfaction,
        GError     **error)
{
  GdnRecord *r = GDN_RECORD (kase);
  g_autoptr(GdnRecord) snapshot = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_CASE (kase), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  snapshot = gdn_workflow_snapshot (r);
  if (first_response_at != NULL)
    gdn_record_set_string (r, "first_response_at", first_response_at);
  if (resolution != NULL)
    gdn_record_set_string (r, "resolution", resolution);
  if (satisfaction >= 0)
    gdn_record_set_int (r, "satisfaction", satisfaction);

  return apply_status (store, kase, snapshot, to, error);
}

/**
 * gdn_workflow_change_case_status:
 * @to: one of gdn_case_workflow_next_statuses() of the case's status
 *
 * Moves @kase one step, recording the step's time: the first response (responded, or in
 * progress straight from open) unless already recorded, resolved (needs a resolution text,
 * set on @kase beforehand), closed. Reopening (resolved → in progress) clears the resolved
 * time. A refused step is a %GDN_VALIDATION_ERROR_WORKFLOW error naming both statuses, and
 * leaves the database and @kase as they were.
 */
gboolean
gdn_workflow_change_case_status (GdnStore    *store,
                                 GdnCase     *kase,
                                 const char  *to,
                                 GError     **error)
{
  g_return_val_if_fail (to != NULL, FALSE);
  return change (store, kase, to, NULL, NULL, -1, error);
}

/**
 * gdn_workflow_respond_case:
 * @at: (nullable): when the customer got the first answer ('YYYY-MM-DD HH:MM:SS'), if
 *   not now; it cannot be before the case was opened
 */
gboolean
gdn_workflow_respond_case (GdnStore    *store,
                           GdnCase     *kase,
                           const char  *at,
                           GError     **error)
{
  return change (store, kase, "responded", at, NULL, -1, error);
}

gboolean
gdn_workflow_start_case (GdnStore   *store,
                         GdnCase    *kase,
                         GError    **error)
{
  return change (store, kase, "in_progress", NULL, NULL, -1, error);
}

/**
 * gdn_workflow_resolve_case:
 * @resolution: (nullable): how it was resolved; %NULL keeps the case's own, which must
 *   then be set
 */
gboolean
gdn_workflow_resolve_case (GdnStore    *store,
                           GdnCase     *kase,
                           const char  *resolution,
                           GError     **error)
{
  return change (store, kase, "resolved", NULL, resolution, -1, error);
}

/**
 * gdn_workflow_reopen_case:
 *
 * Sends a resolved case back to in progress, clearing its resolved time.
 */
gboolean
gdn_workflow_reopen_case (GdnStore   *store,
                          GdnCase    *kase,
                          GError    **error)
{
  const char *status = gdn_record_get_string (GDN_RECORD (kase), "status");

  if (g_strcmp0 (status, "resolved") != 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                                _("Only a resolved case can be reopened; this one is “%s”"),
                                gdn_enum_label (&gdn_enum_case_status, status));
      return FALSE;
    }
  return change (store, kase, "in_progress", NULL, NULL, -1, error);
}

/**
 * gdn_workflow_close_case:
 * @satisfaction: the customer's score 1–5, or -1 when not given
 */
gboolean
gdn_workflow_close_case (GdnStore   *store,
                         GdnCase    *kase,
                         int         satisfaction,
                         GError    **error)
{
  if (satisfaction != -1 && (satisfaction < 1 || satisfaction > 5))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "satisfaction",
                                _("The satisfaction score goes from 1 to 5"));
      return FALSE;
    }
  return change (store, kase, "closed", NULL, NULL, satisfaction, error);
}

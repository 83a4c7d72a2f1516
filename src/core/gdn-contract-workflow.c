/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contract-workflow"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gdn-contract-approval.h"
#include "gdn-contract-workflow.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"
#include "gdn-workflow-private.h"

/* Contracts: draft → in review → approved → signed → executing → completed, or
 * terminated once signed. Review means three approvals (sales, finance, legal) created
 * when the contract is submitted; the last approval approves the contract, any rejection
 * sends it back to draft. Amendments change the amount after the fact; signed files are
 * copied into a private folder per contract. */

/* The steps a person takes; in review → approved / draft follow from the approvals. */
static const GdnTransition contract_transitions[] = {
  { "draft", { "in_review", NULL } },
  { "approved", { "signed", NULL } },
  { "signed", { "executing", "terminated", NULL } },
  { "executing", { "completed", "terminated", NULL } },
};

static const char * const review_roles[] = { "sales", "finance", "legal", NULL };

/**
 * gdn_contract_workflow_next_statuses:
 *
 * Returns: (transfer none) (array zero-terminated=1): the statuses a person may move a
 *   contract in @status to; empty while in review (the approvals decide) and when final
 */
const char * const *
gdn_contract_workflow_next_statuses (const char *status)
{
  return gdn_workflow_transitions_from (contract_transitions,
                                        G_N_ELEMENTS (contract_transitions), status);
}

gboolean
gdn_contract_workflow_can_change (const char *from,
                                  const char *to)
{
  return gdn_workflow_strv_has (gdn_contract_workflow_next_statuses (from), to);
}

static void
set_transition_error (const char  *from,
                      const char  *to,
                      GError     **error)
{
  g_autofree char *targets =
    gdn_workflow_describe_targets (&gdn_enum_contract_status,
                                   gdn_contract_workflow_next_statuses (from));
  const char *from_label = gdn_enum_label (&gdn_enum_contract_status, from);

  if (g_strcmp0 (from, "in_review") == 0)
    gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                              _("The contract cannot go from “%s” to “%s”: it is approved "
                                "when sales, finance and legal have all approved it, and "
                                "goes back to “%s” when one of them rejects it"),
                              from_label, gdn_enum_label (&gdn_enum_contract_status, to),
                              gdn_enum_label (&gdn_enum_contract_status, "draft"));
  else
    gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                              _("The contract cannot go from “%s” to “%s”. From “%s” it can "
                                "go to: %s"),
                              from_label, gdn_enum_label (&gdn_enum_contract_status, to),
                              from_label, targets);
}

static gboolean
create_approvals (GdnStore     *store,
                  GdnContract  *contract,
                  GError      **error)
{
  for (guint i = 0; review_roles[i] != NULL; i++)
    {
      g_autoptr(GdnContractApproval) approval = gdn_contract_approval_new ();
      GdnRecord *a = GDN_RECORD (approval);

      gdn_record_set_int (a, "contract_id", gdn_record_get_id (GDN_RECORD (contract)));
      gdn_record_set_string (a, "role", review_roles[i]);
      gdn_record_set_string (a, "decision", "pending");
      if (!gdn_store_insert (store, a, error))
        return FALSE;
    }
  return TRUE;
}

/* Runs @to inside the caller's transaction; @contract may carry fields set for the step. */
static gboolean
apply_status (GdnStore     *store,
              GdnContract  *contract,
              const char   *from,
              const char   *to,
              GError      **error)
{
  GdnRecord *r = GDN_RECORD (contract);
  g_autofree char *today = gdn_today ();

  if (strcmp (to, "in_review") == 0 && !create_approvals (store, contract, error))
    return FALSE;
  if (strcmp (to, "signed") == 0 && !gdn_record_is_set (r, "signed_date"))
    gdn_record_set_string (r, "signed_date", today);

  gdn_record_set_string (r, "status", to);
  return gdn_store_update (store, r, error);
}

static gboolean
change (GdnStore     *store,
        GdnContract  *contract,
        const char   *to,
        const char   *signed_date,
        GError      **error)
{
  GdnRecord *r = GDN_RECORD (contract);
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autofree char *from = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  from = g_strdup (gdn_record_get_string (r, "status"));
  if (!gdn_contract_workflow_can_change (from, to))
    {
      set_transition_error (from, to, error);
      return FALSE;
    }

  snapshot = gdn_workflow_snapshot (r);
  if (signed_date != NULL)
    gdn_record_set_string (r, "signed_date", signed_date);

  if (!gdn_store_begin (store, error))
    {
      gdn_workflow_put_back (store, r, snapshot);
      return FALSE;
    }
  if (!apply_status (store, contract, from, to, error) || !gdn_store_commit (store, error))
    {
      gdn_store_rollback (store);
      gdn_workflow_put_back (store, r, snapshot);
      return FALSE;
    }
  gdn_store_reload (store, r, NULL);
  return TRUE;
}

/**
 * gdn_workflow_change_contract_status:
 * @to: one of gdn_contract_workflow_next_statuses() of the contract's status
 *
 * Moves @contract one step: submitting (→ in review) creates the three pending approvals;
 * signing sets the signed date (today unless set). A refused step is a
 * %GDN_VALIDATION_ERROR_WORKFLOW error naming both statuses and changes nothing.
 */
gboolean
gdn_workflow_change_contract_status (GdnStore     *store,
                                     GdnContract  *contract,
                                     const char   *to,
                                     GError      **error)
{
  return change (store, contract, to, NULL, error);
}

gboolean
gdn_workflow_submit_contract (GdnStore     *store,
                              GdnContract  *contract,
                              GError      **error)
{
  return change (store, contract, "in_review", NULL, error);
}

/**
 * gdn_workflow_sign_contract:
 * @signed_date: (nullable): 'YYYY-MM-DD'; %NULL for today
 */
gboolean
gdn_workflow_sign_contract (GdnStore     *store,
                            GdnContract  *contract,
                            const char   *signed_date,
                            GError      **error)
{
  return change (store, contract, "signed", signed_date, error);
}

static gboolean
apply_decision (GdnStore     *store,
                GdnContract  *contract,
                const char   *role,
                gboolean      approve,
                const char   *comment,
                GError      **error)
{
  GdnRecord *r = GDN_RECORD (contract);
  g_autoptr(GPtrArray) approvals = NULL;
  g_autofree char *now = gdn_now ();
  GdnRecord *mine = NULL;
  guint n_pending = 0;

  approvals = gdn_store_list_children (store, GDN_TYPE_CONTRACT_APPROVAL, "contract_id",
                                       gdn_record_get_id (r), error);
  if (approvals == NULL)
    return FALSE;

  /* the current round is the approvals still pending */
  for (guint i = 0; i < approvals->len; i++)
    {
      GdnRecord *a = g_ptr_array_index (approvals, i);

      if (g_strcmp0 (gdn_record_get_string (a, "decision"), "pending") != 0)
        continue;
      if (g_strcmp0 (gdn_record_get_string (a, "role"), role) == 0)
        mine = a;
      else
        n_pending++;
    }
  if (mine == NULL)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "role",
                                _("%s has already decided on this contract"),
                                gdn_enum_label (&gdn_enum_approval_role, role));
      return FALSE;
    }

  gdn_record_set_string (mine, "decision", approve ? "approved" : "rejected");
  gdn_record_set_string (mine, "comment", comment);
  gdn_record_set_string (mine, "who", gdn_store_get_user_name (store));
  gdn_record_set_string (mine, "at", now);
  if (!gdn_store_update (store, mine, error))
    return FALSE;

  if (!approve)
    {
      /* the round is over: the others need not decide on a contract being reworked */
      for (guint i = 0; i < approvals->len; i++)
        {
          GdnRecord *a = g_ptr_array_index (approvals, i);

          if (a != mine && g_strcmp0 (gdn_record_get_string (a, "decision"), "pending") == 0 &&
              !gdn_store_delete (store, a, error))
            return FALSE;
        }
      gdn_record_set_string (r, "status", "draft");
      return gdn_store_update (store, r, error);
    }

  if (n_pending == 0)
    {
      gdn_record_set_string (r, "status", "approved");
      return gdn_store_update (store, r, error);
    }
  return TRUE;
}

/**
 * gdn_workflow_decide_contract:
 * @role: "sales", "finance" or "legal"
 * @comment: (nullable): required when rejecting
 *
 * Records one reviewer's decision on a contract in review. The last of the three
 * approvals approves the contract; a rejection sends it back to draft (the approvals still
 * pending are withdrawn; resubmitting starts a new round).
 */
gboolean
gdn_workflow_decide_contract (GdnStore     *store,
                              GdnContract  *contract,
                              const char   *role,
                              gboolean      approve,
                              const char   *comment,
                              GError      **error)
{
  GdnRecord *r = GDN_RECORD (contract);
  g_autoptr(GdnRecord) snapshot = NULL;
  const char *status;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_CONTRACT (contract), FALSE);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, FALSE);

  if (!gdn_workflow_check_writable (store, error))
    return FALSE;

  if (!gdn_enum_is_valid (&gdn_enum_approval_role, role))
    {
      g_autofree char *known = gdn_enum_describe (&gdn_enum_approval_role);
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "role",
                                _("Role: “%s” is not one of %s"), role ? role : "", known);
      return FALSE;
    }
  status = gdn_record_get_string (r, "status");
  if (g_strcmp0 (status, "in_review") != 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                                _("Approvals are given while the contract is “%s”; it is “%s”"),
                                gdn_enum_label (&gdn_enum_contract_status, "in_review"),
                                gdn_enum_label (&gdn_enum_contract_status, status));
      return FALSE;
    }
  if (!approve && (comment == NULL || *comment == '\0'))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_REQUIRED, "comment",
                                _("Write why the contract is rejected, so it can be reworked"));
      return FALSE;
    }

  snapshot = gdn_workflow_snapshot (r);
  if (!gdn_store_begin (store, error))
    return FALSE;
  if (!apply_decision (store, contract, role, approve, comment, error) ||
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
 * gdn_workflow_amend_contract:
 * @summary: what changed
 * @amount_change: what the change adds to the amount (negative to reduce it); NAN when
 *   the amount stays
 *
 * Records an amendment (who, now) and adjusts the contract's amount, in one transaction.
 * Completed and terminated contracts are not amended.
 *
 * Returns: (transfer full) (nullable): the amendment
 */
GdnAmendment *
gdn_workflow_amend_contract (GdnStore     *store,
                             GdnContract  *contract,
                             const char   *summary,
                             double        amount_change,
                             GError      **error)
{
  GdnRecord *r = GDN_RECORD (contract);
  g_autoptr(GdnAmendment) amendment = NULL;
  g_autoptr(GdnRecord) snapshot = NULL;
  g_autofree char *now = gdn_now ();
  const char *status;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDN_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (gdn_record_get_id (r) > 0, NULL);

  if (!gdn_workflow_check_writable (store, error))
    return NULL;

  status = gdn_record_get_string (r, "status");
  if (g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "terminated") == 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_WORKFLOW, "status",
                                _("A contract that is “%s” cannot be amended"),
                                gdn_enum_label (&gdn_enum_contract_status, status));
      return NULL;
    }

  amendment = gdn_amendment_new ();
  gdn_record_set_int (GDN_RECORD (amendment), "contract_id", gdn_record_get_id (r));
  gdn_record_set_string (GDN_RECORD (amendment), "at", now);
  gdn_record_set_string (GDN_RECORD (amendment), "summary", summary);
  gdn_record_set_double (GDN_RECORD (amendment), "amount_change", amount_change);
  gdn_record_set_string (GDN_RECORD (amendment), "who", gdn_store_get_user_name (store));

  snapshot = gdn_workflow_snapshot (r);
  if (!isnan (amount_change) && amount_change != 0)
    {
      double amount = gdn_record_get_double (r, "amount");
      gdn_record_set_double (r, "amount", (isnan (amount) ? 0 : amount) + amount_change);
    }

  if (!gdn_store_begin (store, error))
    {
      gdn_workflow_put_back (store, r, snapshot);
      return NULL;
    }
  if (!gdn_store_insert (store, GDN_RECORD (amendment), error) ||
      !gdn_store_update (store, r, error) ||
      !gdn_store_commit (store, error))
    {
      gdn_store_rollback (store);
      gdn_workflow_put_back (store, r, snapshot);
      return NULL;
    }
  gdn_store_reload (store, r, NULL);
  gdn_store_reload (store, GDN_RECORD (amendment), NULL);
  return g_steal_pointer (&amendment);
}

static gboolean
set_link (GdnStore     *store,
          GdnContract  *contract,
          GdnOrder     *order,
          gboolean      linked,
          GError      **error)
{
  GdnDatabase *db = gdn_store_get_database (store);
  gint64 contract_id = gdn_record_get_id (GDN_RECORD (contract));
  gint64 order_id = gdn_record_get_id (GDN_RECORD (order));
  const char *order_no = gdn_record_get_string (GDN_RECORD (order), "order_no");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *changes = NULL;
  int rc;

  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (contract_id > 0 && order_id > 0, FALSE);

  if (!gdn_workflow_check_writable (store, error) || !gdn_store_begin (store, error))
    return FALSE;

  stmt = gdn_database_prepare (db, linked ? "INSERT OR IGNORE INTO contract_orders "
                                            "(contract_id, order_id) VALUES (?, ?)"
                                          : "DELETE FROM contract_orders "
                                            "WHERE contract_id = ? AND order_id = ?",
                               error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, contract_id);
  sqlite3_bind_int64 (stmt, 2, order_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      gdn_database_set_error (db, rc, error);
      goto failed;
    }
  if (sqlite3_changes (gdn_database_get_handle (db)) == 0)
    return gdn_store_commit (store, error);

  {
    g_autoptr(JsonBuilder) builder = json_builder_new ();
    g_autoptr(JsonGenerator) generator = json_generator_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (builder);
    json_builder_set_member_name (builder, "order_nos");
    json_builder_begin_array (builder);
    if (linked)
      json_builder_add_null_value (builder);
    json_builder_add_string_value (builder, order_no ? order_no : "");
    if (!linked)
      json_builder_add_null_value (builder);
    json_builder_end_array (builder);
    json_builder_end_object (builder);
    root = json_builder_get_root (builder);
    json_generator_set_root (generator, root);
    changes = json_generator_to_data (generator, NULL);
  }
  if (!gdn_store_audit (store, "contracts", contract_id, "update", changes, error))
    goto failed;
  gdn_store_emit_changed (store, GDN_TYPE_CONTRACT, contract_id, GDN_CHANGE_UPDATED);
  if (!gdn_store_commit (store, error))
    goto failed;
  gdn_store_reload (store, GDN_RECORD (contract), NULL);
  return TRUE;

failed:
  gdn_store_rollback (store);
  return FALSE;
}

/**
 * gdn_workflow_link_contract_order:
 *
 * Adds @order to the orders the contract covers (its order_nos). Linking twice is harmless.
 */
gboolean
gdn_workflow_link_contract_order (GdnStore     *store,
                                  GdnContract  *contract,
                                  GdnOrder     *order,
                                  GError      **error)
{
  return set_link (store, contract, order, TRUE, error);
}

gboolean
gdn_workflow_unlink_contract_order (GdnStore     *store,
                                    GdnContract  *contract,
                                    GdnOrder     *order,
                                    GError      **error)
{
  return set_link (store, contract, order, FALSE, error);
}

/**
 * gdn_workflow_attachments_dir:
 *
 * Returns: `$XDG_DATA_HOME/gendan/attachments/<contract id>`
 */
char *
gdn_workflow_attachments_dir (gint64 contract_id)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, contract_id);

  return g_build_filename (g_get_user_data_dir (), "gendan", "attachments", id, NULL);
}

/* Keeps at most @max bytes of @s, cutting between characters. */
static void
truncate_utf8 (GString *s,
               gsize    max)
{
  if (s->len <= max)
    return;
  g_string_truncate (s, g_utf8_find_prev_char (s->str, s->str + max + 1) - s->str);
}

/**
 * gdn_workflow_sanitize_file_name:
 * @name: a file name as a person or another program gave it
 *
 * Makes a name that is safe to create inside an attachments folder: the last component
 * only, no '/' or '\\', no control characters, no "..", no leading '.', at most 200 bytes.
 *
 * Returns: (transfer full): the name; "attachment" when nothing usable is left
 */
char *
gdn_workflow_sanitize_file_name (const char *name)
{
  g_autofree char *valid = NULL;
  const char *base;
  GString *s = g_string_new (NULL);
  char *p;

  valid = g_utf8_make_valid (name ? name : "", -1);
  base = valid;
  for (const char *c = valid; *c != '\0'; c++)
    if (*c == '/' || *c == '\\')
      base = c + 1;

  for (const char *c = base; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      /* control characters, and what Windows and SMB shares refuse in a name */
      if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) ||
          (u < 0x80 && strchr (":*?\"<>|", (int) u) != NULL))
        g_string_append_c (s, '_');
      else
        g_string_append_unichar (s, u);
    }

  while ((p = strstr (s->str, "..")) != NULL)
    g_string_erase (s, p - s->str, 1);
  while (s->len > 0 && (s->str[0] == '.' || s->str[0] == ' ' || s->str[0] == '-'))
    g_string_erase (s, 0, 1);
  while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '.'))
    g_string_truncate (s, s->len - 1);
  truncate_utf8 (s, 200);

  if (s->len == 0)
    g_string_assign (s, "attachment");
  /* CON, nul.txt, COM1.pdf … name devices on Windows, where the folder may be copied */
  {
    static const char * const devices[] = { "CON", "PRN", "AUX", "NUL", "COM", "LPT" };
    gsize stem = strcspn (s->str, ". ");

    for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
      if (g_ascii_strncasecmp (s->str, devices[i], 3) == 0 &&
          ((i < 4 && stem == 3) ||
           (i >= 4 && stem == 4 && s->str[3] >= '1' && s->str[3] <= '9')))
        {
          g_string_prepend_c (s, '_');
          break;
        }
  }
  return g_string_free (s, FALSE);
}

/* "报价单.pdf", "报价单 (2).pdf", … : the first name not taken in @dir, created 0600. */
static int
create_unique (const char  *dir,
               const char  *name,
               char       **out_name,
               GError     **error)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *stem = dot && dot != name ? g_strndup (name, dot - name) : g_strdup (name);
  const char *ext = dot && dot != name ? dot : "";

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *candidate =
        n == 1 ? g_strdup (name) : g_strdup_printf ("%s (%u)%s", stem, n, ext);
      g_autofree char *path = g_build_filename (dir, candidate, NULL);
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

      if (fd >= 0)
        {
          *out_name = g_steal_pointer (&candidate);
          return fd;
        }
      if (errno != EEXIST)
        {
          int saved = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Cannot create “%s”: %s"), path, g_strerror (saved));
          return -1;
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("Too many attachments are called “%s”"), name);
  return -1;
}

static gboolean
copy_into (const char  *source,
           int          out,
           gint64      *size,
           GError     **error)
{
  char buf[64 * 1024];
  int in = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  gssize n;

  *size = 0;
  if (in < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), source, g_strerror (saved));
      return FALSE;
    }

  while ((n = read (in, buf, sizeof buf)) != 0)
    {
      gssize done = 0;

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto io_error;
      while (done < n)
        {
          gssize w = write (out, buf + done, n - done);
          if (w < 0 && errno == EINTR)
            continue;
          if (w < 0)
            goto io_error;
          done += w;
        }
      *size += n;
    }
  close (in);

  if (fsync (out) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot save the attachment: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;

io_error:
  {
    int saved = errno;
    close (in);
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                 _("Cannot copy “%s”: %s"), source, g_strerror (saved));
    return FALSE;
  }
}

/**
 * gdn_workflow_attach_file:
 * @source_path: the file to keep with the contract (a signed scan, …)
 * @file_name: (nullable): the name to show; %NULL for the source's own name
 *
 * Copies @source_path into gdn_workflow_attachments_dir() (folder 0700, file 0600) under
 * a sanitized, unused name, and records it with the original name, size and type.
 *
 * Returns: (transfer full) (nullable): the attachment
 */
GdnAttachment *
gdn_workflow_attach_file (GdnStore     *store,
                          GdnContract  *contract,
                          const char   *source_path,
                          const char   *file_name,
                          GError      **error)
{
  gint64 contract_id = gdn_record_get_id (GDN_RECORD (contract));
  g_autofree char *dir = NULL;
  g_autofree char *original = NULL;
  g_autofree char *safe = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *path = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *mime = NULL;
  g_autoptr(GdnAttachment) attachment = NULL;
  GdnRecord *a;
  gint64 size = 0;
  int fd;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (GDN_IS_CONTRACT (contract), NULL);
  g_return_val_if_fail (contract_id > 0, NULL);
  g_return_val_if_fail (source_path != NULL, NULL);

  if (!gdn_workflow_check_writable (store, error))
    return NULL;

  original = file_name ? g_strdup (file_name) : g_path_get_basename (source_path);
  safe = gdn_workflow_sanitize_file_name (original);
  dir = gdn_workflow_attachments_dir (contract_id);

  if (g_mkdir_with_parents (dir, 0700) != 0 || g_chmod (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  fd = create_unique (dir, safe, &stored, error);
  if (fd < 0)
    return NULL;
  path = g_build_filename (dir, stored, NULL);
  if (!copy_into (source_path, fd, &size, error))
    {
      close (fd);
      g_unlink (path);
      return NULL;
    }
  close (fd);

  content_type = g_content_type_guess (stored, NULL, 0, NULL);
  mime = g_content_type_get_mime_type (content_type);

  attachment = gdn_attachment_new ();
  a = GDN_RECORD (attachment);
  gdn_record_set_int (a, "contract_id", contract_id);
  gdn_record_set_string (a, "file_name", original);
  gdn_record_set_string (a, "stored_name", stored);
  gdn_record_set_int (a, "size", size);
  gdn_record_set_string (a, "content_type", mime);
  if (!gdn_store_insert (store, a, error))
    {
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&attachment);
}

/**
 * gdn_workflow_attachment_path:
 *
 * Returns: (transfer full) (nullable): where @attachment's file is; %NULL when its stored
 *   name would lead outside its folder (a tampered database)
 */
char *
gdn_workflow_attachment_path (GdnAttachment *attachment)
{
  GdnRecord *a = GDN_RECORD (attachment);
  const char *stored = gdn_record_get_string (a, "stored_name");
  g_autofree char *dir = NULL;

  if (stored == NULL || *stored == '.' || strchr (stored, '/') != NULL)
    return NULL;
  dir = gdn_workflow_attachments_dir (gdn_record_get_int (a, "contract_id"));
  return g_build_filename (dir, stored, NULL);
}

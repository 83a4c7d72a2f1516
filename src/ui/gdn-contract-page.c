/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contract-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "gdn-amendment.h"
#include "gdn-attachment.h"
#include "gdn-contract-approval.h"
#include "gdn-contract-page.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-record-page.h"
#include "gdn-record-picker.h"
#include "gdn-tooltip.h"
#include "gdn-validation-error.h"
#include "gdn-window.h"
#include "gdn-workflow.h"

/* One contract: its details and linked orders, the review by sales, finance and legal,
 * the steps from draft to completed, amendments and the files kept with it. The same page,
 * with a customer to choose, writes a new contract. Every change goes through the contract
 * workflow; edits to the details are written first, or the change is not made. */

struct _GdnContractPage
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *delete_button;
  GtkButton            *save_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkScrolledWindow    *scroller;
  AdwPreferencesGroup  *status_group;
  GtkLabel             *status_label;
  GtkBox               *workflow_box;
  AdwPreferencesGroup  *review_group;
  GtkListBox           *review_list;
  AdwPreferencesGroup  *details_group;
  AdwActionRow         *customer_row;
  GdnRecordPicker      *customer_picker;
  AdwEntryRow          *number_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *amount_row;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  AdwEntryRow          *signed_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *orders_group;
  GtkListBox           *orders_list;
  AdwPreferencesGroup  *amendments_group;
  GtkListBox           *amendments_list;
  GtkEntry             *amend_summary_entry;
  GtkEntry             *amend_amount_entry;
  AdwPreferencesGroup  *attachments_group;
  GtkListBox           *attachments_list;

  GdnStore             *store;
  GdnContract          *contract;        /* NULL while a new one is being written */
  GdnRecordPicker      *link_picker;     /* the last row of the linked orders */
  GHashTable           *comment_rows;    /* role → the entry row of its pending decision */
  GtkWidget            *error_widget;
  GtkFileChooserNative *chooser;
  gboolean              loading;
  gboolean              dirty;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CLOSED,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void gdn_contract_page_record_page_init (GdnRecordPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnContractPage, gdn_contract_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_RECORD_PAGE,
                                                      gdn_contract_page_record_page_init))

/* The steps a person takes, as buttons */
typedef struct
{
  const char *to;
  const char *label;
} Step;

static const Step steps[] = {
  { "in_review", N_("Submit for _Review") },
  { "signed", N_("_Sign") },
  { "executing", N_("Start _Execution") },
  { "completed", N_("Mark _Completed") },
  { "terminated", N_("_Terminate…") },
};

static const char * const review_roles[] = { "sales", "finance", "legal", NULL };

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* A stored date as the user's language writes it; collect_date () reads that form back */
static void
set_date_entry (AdwEntryRow *row,
                const char  *iso)
{
  g_autofree char *text = gdn_format_date (iso);

  set_entry (row, text);
}

static char *
get_entry (gpointer row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static GdnWindow *
get_window (GdnContractPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GDN_IS_WINDOW (root) ? GDN_WINDOW (root) : NULL;
}

static void
toast (GdnContractPage *self,
       const char      *text)
{
  GdnWindow *window = get_window (self);

  if (window != NULL)
    gdn_window_add_toast (window, adw_toast_new (text));
}

static void
clear_error (GdnContractPage *self)
{
  if (self->error_widget != NULL)
    gtk_widget_remove_css_class (self->error_widget, "error");
  g_clear_weak_pointer (&self->error_widget);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static GtkWidget *
widget_for_field (GdnContractPage *self,
                  const char      *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
    { "customer_id", G_STRUCT_OFFSET (GdnContractPage, customer_picker) },
    { "contract_no", G_STRUCT_OFFSET (GdnContractPage, number_row) },
    { "title", G_STRUCT_OFFSET (GdnContractPage, title_row) },
    { "amount", G_STRUCT_OFFSET (GdnContractPage, amount_row) },
    { "start_date", G_STRUCT_OFFSET (GdnContractPage, start_row) },
    { "end_date", G_STRUCT_OFFSET (GdnContractPage, end_row) },
    { "signed_date", G_STRUCT_OFFSET (GdnContractPage, signed_row) },
    { "notes", G_STRUCT_OFFSET (GdnContractPage, notes_row) },
    { "summary", G_STRUCT_OFFSET (GdnContractPage, amend_summary_entry) },
    { "amount_change", G_STRUCT_OFFSET (GdnContractPage, amend_amount_entry) },
    { "status", G_STRUCT_OFFSET (GdnContractPage, status_label) },
  };

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

/* The message above the page; @widget, or the field the error names, marked and focused */
static void
show_error_at (GdnContractPage *self,
               const GError    *error,
               GtkWidget       *widget)
{
  if (widget == NULL)
    widget = widget_for_field (self, gdn_validation_error_get_field (error));

  clear_error (self);
  gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (widget != NULL && gtk_widget_get_visible (widget))
    {
      gtk_widget_add_css_class (widget, "error");
      g_set_weak_pointer (&self->error_widget, widget);
      gtk_widget_grab_focus (widget);
    }
}

static void
show_error (GdnContractPage *self,
            const GError    *error)
{
  show_error_at (self, error, NULL);
}

/* the store comes after the widget's init */
static gboolean
read_only (GdnContractPage *self)
{
  return self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store));
}

static void
set_dirty (GdnContractPage *self,
           gboolean         dirty)
{
  self->dirty = dirty;
  /* on a read-only database nothing is saved, whatever is typed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contract-page.save",
                                 (dirty || self->contract == NULL) &&
                                 !read_only (self));
}

static void
on_form_changed_cb (GdnContractPage *self)
{
  if (!self->loading)
    set_dirty (self, TRUE);
}

static char *
format_amount_or_empty (double amount)
{
  return isnan (amount) ? g_strdup ("") : gdn_format_amount (amount);
}

/* The review: the latest decision of each role, and a comment field with Approve and
 * Reject for a role still to decide */

static GtkWidget *
decision_row (GdnContractPage *self,
              GdnRecord       *approval)
{
  const char *role = gdn_record_get_string (approval, "role");
  const char *decision = gdn_record_get_string (approval, "decision");
  const char *role_label = gdn_enum_label (&gdn_enum_approval_role, role);
  GtkWidget *row;

  if (g_strcmp0 (decision, "pending") == 0 &&
      g_strcmp0 (gdn_record_get_string (GDN_RECORD (self->contract), "status"), "in_review") == 0)
    {
      GtkWidget *approve = gtk_button_new_with_label (_("Approve"));
      GtkWidget *reject = gtk_button_new_with_label (_("Reject"));
      /* Translators: the comment field of one reviewer, e.g. "Finance: comment" */
      g_autofree char *title = g_strdup_printf (_("%s: comment"), role_label);
      /* Translators: the accessible names of the buttons, e.g. "Approve as Finance" */
      g_autofree char *approve_name = g_strdup_printf (_("Approve as %s"), role_label);
      g_autofree char *reject_name = g_strdup_printf (_("Reject as %s"), role_label);

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

      gtk_widget_set_valign (approve, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (approve, "suggested-action");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (approve), "contract-page.approve");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (approve), "s", role);
      gtk_accessible_update_property (GTK_ACCESSIBLE (approve), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      approve_name, -1);
      gdn_tooltip_set_quietly (approve, approve_name);

      gtk_widget_set_valign (reject, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (reject), "contract-page.reject");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (reject), "s", role);
      gtk_accessible_update_property (GTK_ACCESSIBLE (reject), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      reject_name, -1);
      gdn_tooltip_set_quietly (reject, reject_name);

      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), reject);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), approve);
      g_hash_table_insert (self->comment_rows, g_strdup (role), row);
    }
  else
    {
      const char *who = gdn_record_get_string (approval, "who");
      const char *at = gdn_record_get_string (approval, "at");
      const char *comment = gdn_record_get_string (approval, "comment");
      g_autofree char *when = at != NULL ? gdn_format_datetime (at) : NULL;
      GString *subtitle = g_string_new (NULL);
      GtkWidget *label = gtk_label_new (gdn_enum_label (&gdn_enum_approval_decision, decision));
      GtkWidget *icon;

      if (who != NULL)
        g_string_append (subtitle, who);
      if (when != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", when);
      if (comment != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len ? " — " : "", comment);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), role_label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      g_string_free (subtitle, TRUE);

      icon = gtk_image_new_from_icon_name (g_strcmp0 (decision, "approved") == 0
                                           ? "emblem-ok-symbolic"
                                           : g_strcmp0 (decision, "rejected") == 0
                                           ? "dialog-error-symbolic"
                                           : "content-loading-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gdn_enum_label (&gdn_enum_approval_decision, decision),
                                      -1);
      if (g_strcmp0 (decision, "approved") == 0)
        {
          gtk_widget_add_css_class (icon, "success");
          gtk_widget_add_css_class (label, "success");
        }
      else if (g_strcmp0 (decision, "rejected") == 0)
        {
          gtk_widget_add_css_class (icon, "error");
          gtk_widget_add_css_class (label, "error");
        }
      else
        gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

static void
load_review (GdnContractPage *self)
{
  g_autoptr(GPtrArray) approvals = NULL;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  clear_list (self->review_list);
  g_hash_table_remove_all (self->comment_rows);

  approvals = gdn_store_list_children (self->store, GDN_TYPE_CONTRACT_APPROVAL, "contract_id",
                                       gdn_record_get_id (GDN_RECORD (self->contract)), &error);
  if (approvals == NULL)
    {
      g_warning ("Cannot list the approvals: %s", error->message);
      return;
    }

  for (guint r = 0; review_roles[r] != NULL; r++)
    {
      GdnRecord *latest = NULL;

      /* rounds follow each other: the newest approval of a role is its current one */
      for (guint i = 0; i < approvals->len; i++)
        {
          GdnRecord *a = g_ptr_array_index (approvals, i);

          if (g_strcmp0 (gdn_record_get_string (a, "role"), review_roles[r]) == 0 &&
              (latest == NULL || gdn_record_get_id (a) > gdn_record_get_id (latest)))
            latest = a;
        }
      if (latest != NULL)
        {
          gtk_list_box_append (self->review_list, decision_row (self, latest));
          any = TRUE;
        }
    }

  if (!any)
    gtk_list_box_append (self->review_list,
                         placeholder_row (_("Not submitted for review yet")));
}

/* Linked orders, each opening its order, and the picker that links one more */

static void
on_order_link_activated_cb (AdwActionRow    *row,
                            GdnContractPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "gdn-order-id"));
  g_autofree char *target = g_strdup_printf ("orders:%" G_GINT64_FORMAT, id);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
}

static void
load_orders (GdnContractPage *self)
{
  const char *order_nos = gdn_record_get_string (GDN_RECORD (self->contract), "order_nos");
  g_auto(GStrv) numbers = g_strsplit (order_nos ? order_nos : "", ";", -1);
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               gdn_record_get_int (GDN_RECORD (self->contract),
                                                                   "customer_id"));

  g_object_ref (self->link_picker);
  clear_list (self->orders_list);

  for (guint i = 0; numbers[i] != NULL; i++)
    {
      g_autoptr(GdnRecord) order = NULL;
      GtkWidget *row, *unlink;
      g_autofree char *subtitle = NULL;
      g_autofree char *unlink_name = NULL;
      g_autofree char *promised = NULL;

      if (*numbers[i] == '\0')
        continue;
      order = gdn_store_find (self->store, GDN_TYPE_ORDER, "order_no", numbers[i], NULL);
      if (order == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), numbers[i]);
      promised = gdn_format_date (gdn_record_get_string (order, "promised_date"));
      subtitle = g_strdup_printf ("%s · %s",
                                  gdn_enum_label (&gdn_enum_order_status,
                                                  gdn_record_get_string (order, "status")),
                                  *promised != '\0' ? promised : "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "gdn-order-id",
                         GSIZE_TO_POINTER ((gsize) gdn_record_get_id (order)));
      g_signal_connect_object (row, "activated", G_CALLBACK (on_order_link_activated_cb), self,
                               0);

      unlink = gtk_button_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_set_valign (unlink, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (unlink, "flat");
      /* Translators: %s is an order number */
      unlink_name = g_strdup_printf (_("Unlink %s"), numbers[i]);
      gdn_tooltip_set_quietly (unlink, unlink_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (unlink), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      unlink_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (unlink), "contract-page.unlink");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (unlink), "x", gdn_record_get_id (order));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), unlink);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->orders_list, row);
    }

  /* the orders offered are the customer's own */
  gdn_query_model_set_filter (gdn_record_picker_get_model (self->link_picker), "customer_id",
                              customer);
  gtk_list_box_append (self->orders_list, GTK_WIDGET (self->link_picker));
  g_object_unref (self->link_picker);
}

static void
load_amendments (GdnContractPage *self)
{
  g_autoptr(GPtrArray) amendments = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->amendments_list);
  amendments = gdn_store_list_children (self->store, GDN_TYPE_AMENDMENT, "contract_id",
                                        gdn_record_get_id (GDN_RECORD (self->contract)),
                                        &error);
  if (amendments == NULL)
    {
      g_warning ("Cannot list the amendments: %s", error->message);
      return;
    }

  for (guint i = 0; i < amendments->len; i++)
    {
      GdnRecord *a = g_ptr_array_index (amendments, i);
      const char *who = gdn_record_get_string (a, "who");
      const char *at = gdn_record_get_string (a, "at");
      double change = gdn_record_get_double (a, "amount_change");
      g_autofree char *when = at != NULL ? gdn_format_datetime (at) : NULL;
      g_autofree char *subtitle = who ? g_strdup_printf ("%s · %s", who, when ? when : "")
                                      : g_strdup (when ? when : "");
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     gdn_record_get_string (a, "summary"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!isnan (change) && change != 0)
        {
          g_autofree char *amount = gdn_format_amount (fabs (change));
          g_autofree char *text = g_strdup_printf ("%s%s", change > 0 ? "+" : "−", amount);
          GtkWidget *label = gtk_label_new (text);

          gtk_widget_add_css_class (label, "numeric");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (self->amendments_list, row);
    }
  if (amendments->len == 0)
    gtk_list_box_append (self->amendments_list, placeholder_row (_("No amendments")));
}

static void
load_attachments (GdnContractPage *self)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->attachments_list);
  attachments = gdn_store_list_children (self->store, GDN_TYPE_ATTACHMENT, "contract_id",
                                         gdn_record_get_id (GDN_RECORD (self->contract)),
                                         &error);
  if (attachments == NULL)
    {
      g_warning ("Cannot list the attachments: %s", error->message);
      return;
    }

  for (guint i = 0; i < attachments->len; i++)
    {
      GdnRecord *a = g_ptr_array_index (attachments, i);
      const char *name = gdn_record_get_string (a, "file_name");
      const char *type = gdn_record_get_string (a, "content_type");
      gint64 size = gdn_record_get_int (a, "size");
      g_autofree char *size_text = size >= 0 ? g_format_size ((guint64) size) : NULL;
      g_autofree char *description = type ? g_content_type_get_description (type) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *open_name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autoptr(GIcon) icon = type ? g_content_type_get_symbolic_icon (type) : NULL;

      subtitle = g_strjoin (" · ", size_text ? size_text : "",
                            description ? description : "", NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (icon != NULL)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_gicon (icon));

      /* Translators: %s is a file name */
      open_name = g_strdup_printf (_("Open %s"), name);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gdn_tooltip_set_quietly (open, open_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      open_name, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "contract-page.open-attachment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", gdn_record_get_id (a));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      gtk_list_box_append (self->attachments_list, row);
    }
  if (attachments->len == 0)
    gtk_list_box_append (self->attachments_list,
                         placeholder_row (_("No files yet: add the signed contract here")));
}

static void
rebuild_workflow_buttons (GdnContractPage *self)
{
  const char *status = gdn_record_get_string (GDN_RECORD (self->contract), "status");
  const char * const *next = gdn_contract_workflow_next_statuses (status);
  GtkWidget *child;
  gboolean first = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workflow_box))) != NULL)
    gtk_box_remove (self->workflow_box, child);

  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        GtkWidget *button;

        if (g_strcmp0 (steps[s].to, next[i]) != 0)
          continue;
        button = gtk_button_new_with_mnemonic (_(steps[s].label));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "contract-page.step");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", next[i]);
        if (g_str_equal (next[i], "terminated"))
          gtk_widget_add_css_class (button, "destructive-action");
        else if (first)
          gtk_widget_add_css_class (button, "suggested-action");
        first = FALSE;
        gtk_box_append (self->workflow_box, button);
        break;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_box), !first);
}

static void
load_form (GdnContractPage *self)
{
  GdnRecord *r = GDN_RECORD (self->contract);
  const char *customer = gdn_record_get_string (r, "customer_name");
  const char *code = gdn_record_get_string (r, "customer_code");
  const char *title = gdn_record_get_string (r, "title");
  const char *status = gdn_record_get_string (r, "status");
  g_autofree char *customer_text = NULL;
  g_autofree char *amount = format_amount_or_empty (gdn_record_get_double (r, "amount"));
  gboolean final;

  self->loading = TRUE;
  clear_error (self);

  gtk_label_set_text (self->title_label, gdn_record_get_string (r, "contract_no"));
  gtk_label_set_text (self->subtitle_label, title ? title : customer ? customer : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), title != NULL || customer != NULL);
  gtk_label_set_text (self->status_label, gdn_enum_label (&gdn_enum_contract_status, status));
  rebuild_workflow_buttons (self);

  customer_text = code && customer ? g_strdup_printf ("%s · %s", code, customer)
                                   : g_strdup (customer ? customer : "");
  adw_action_row_set_subtitle (self->customer_row, customer_text);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), FALSE);
  adw_preferences_group_set_description (self->details_group, NULL);

  set_entry (self->number_row, gdn_record_get_string (r, "contract_no"));
  set_entry (self->title_row, title);
  set_entry (self->amount_row, amount);
  set_date_entry (self->start_row, gdn_record_get_string (r, "start_date"));
  set_date_entry (self->end_row, gdn_record_get_string (r, "end_date"));
  set_date_entry (self->signed_row, gdn_record_get_string (r, "signed_date"));
  set_entry (self->notes_row, gdn_record_get_string (r, "notes"));

  load_review (self);
  load_orders (self);
  load_amendments (self);
  load_attachments (self);

  final = g_strcmp0 (status, "completed") == 0 || g_strcmp0 (status, "terminated") == 0;
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->orders_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_group), TRUE);
  /* a closed contract is not amended any more */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->amend_summary_entry)), !final);
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_button_set_label (self->save_button, _("_Save"));

  self->loading = FALSE;
  set_dirty (self, FALSE);
}

static void
collect_date (GdnRecord   *r,
              const char  *field,
              AdwEntryRow *row)
{
  g_autofree char *text = get_entry (row);
  g_autofree char *date = *text ? gdn_parse_date (text) : NULL;

  gdn_record_set_string (r, field, date ? date : text);
}

static gboolean
collect_form (GdnContractPage  *self,
              GdnRecord        *r,
              GError          **error)
{
  g_autofree char *number = get_entry (self->number_row);
  g_autofree char *title = get_entry (self->title_row);
  g_autofree char *amount_text = get_entry (self->amount_row);
  g_autofree char *notes = get_entry (self->notes_row);
  double amount = NAN;

  if (*amount_text != '\0' && !gdn_parse_number (amount_text, &amount))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "amount",
                                _("Amount: “%s” is not an amount"), amount_text);
      return FALSE;
    }

  gdn_record_set_string (r, "contract_no", number);
  gdn_record_set_string (r, "title", title);
  gdn_record_set_double (r, "amount", amount);
  collect_date (r, "start_date", self->start_row);
  collect_date (r, "end_date", self->end_row);
  collect_date (r, "signed_date", self->signed_row);
  gdn_record_set_string (r, "notes", notes);
  return TRUE;
}

/* Writes the details as typed, when they changed; on failure the record stays as stored
 * (the form keeps what was typed) and the error is shown */
static gboolean save_again (GdnRecordPage *page);

static gboolean
save_details (GdnContractPage *self)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *r = GDN_RECORD (self->contract);

  if (!self->dirty)
    return TRUE;
  if (!collect_form (self, r, &error) || !gdn_store_update (self->store, r, &error))
    {
      gdn_store_reload (self->store, r, NULL);
      show_error (self, error);
      if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT))
        gdn_record_page_ask_conflict (GDN_RECORD_PAGE (self), error, save_again);
      return FALSE;
    }
  set_dirty (self, FALSE);
  return TRUE;
}

static void
finish_change (GdnContractPage *self)
{
  gdn_store_reload (self->store, GDN_RECORD (self->contract), NULL);
  load_form (self);
  g_signal_emit (self, signals[SAVED], 0, gdn_record_get_id (GDN_RECORD (self->contract)));
}

/* "Overwrite" after a conflict: the contract was reloaded, so this save goes through */
static gboolean
save_again (GdnRecordPage *page)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (page);

  if (!save_details (self))
    return FALSE;
  finish_change (self);
  return TRUE;
}

static void
create_contract (GdnContractPage *self)
{
  g_autoptr(GdnContract) contract = gdn_contract_new ();
  GdnRecord *r = GDN_RECORD (contract);
  gint64 customer_id = gdn_record_picker_get_record_id (self->customer_picker);
  g_autoptr(GError) error = NULL;

  if (!collect_form (self, r, &error))
    {
      show_error (self, error);
      return;
    }
  if (customer_id > 0)
    gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "status", "draft");

  /* the number and the row together, or neither */
  if (!gdn_store_begin (self->store, &error))
    goto failed;
  if (!gdn_record_is_set (r, "contract_no"))
    {
      g_autofree char *number = gdn_workflow_next_contract_no (self->store, &error);

      if (number == NULL)
        goto rollback;
      gdn_record_set_string (r, "contract_no", number);
    }
  if (!gdn_store_insert (self->store, r, &error) || !gdn_store_commit (self->store, &error))
    goto rollback;

  g_set_object (&self->contract, contract);
  finish_change (self);
  return;

rollback:
  gdn_store_rollback (self->store);
failed:
  gdn_record_set_id (r, 0);
  show_error (self, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);

  clear_error (self);
  if (self->contract == NULL)
    create_contract (self);
  else if (save_details (self))
    finish_change (self);
}

static void
run_step (GdnContractPage *self,
          const char      *to)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *r = GDN_RECORD (self->contract);
  gboolean ok;

  clear_error (self);
  if (!save_details (self))
    return;

  if (g_str_equal (to, "signed"))
    ok = gdn_workflow_sign_contract (self->store, self->contract,
                                     gdn_record_get_string (r, "signed_date"), &error);
  else
    ok = gdn_workflow_change_contract_status (self->store, self->contract, to, &error);
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  finish_change (self);
}

static void
on_terminate_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GdnContractPage  *self)
{
  if (g_strcmp0 (response, "terminate") == 0 && self->contract != NULL)
    run_step (self, "terminated");
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  const char *to = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  if (self->contract == NULL)
    return;
  if (!g_str_equal (to, "terminated") || !GTK_IS_WINDOW (root))
    {
      run_step (self, to);
      return;
    }

  /* there is no way back from terminated */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                       _("Terminate the Contract?"),
                                                       _("A terminated contract cannot be "
                                                         "executed or amended any more.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "terminate", _("_Terminate"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "terminate", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_terminate_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
decide (GdnContractPage *self,
        const char      *role,
        gboolean         approve)
{
  GtkWidget *row = g_hash_table_lookup (self->comment_rows, role);
  g_autofree char *comment = row ? get_entry (row) : NULL;
  g_autoptr(GError) error = NULL;

  if (self->contract == NULL)
    return;
  clear_error (self);
  if (!save_details (self))
    return;

  if (!gdn_workflow_decide_contract (self->store, self->contract, role, approve,
                                     comment && *comment ? comment : NULL, &error))
    {
      show_error_at (self, error,
                     g_strcmp0 (gdn_validation_error_get_field (error), "comment") == 0
                     ? row : NULL);
      return;
    }
  finish_change (self);
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  decide (GDN_CONTRACT_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE);
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  decide (GDN_CONTRACT_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
amend_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  g_autofree char *summary = get_entry (self->amend_summary_entry);
  g_autofree char *amount_text = get_entry (self->amend_amount_entry);
  g_autoptr(GdnAmendment) amendment = NULL;
  g_autoptr(GError) error = NULL;
  double change = NAN;

  if (self->contract == NULL)
    return;
  clear_error (self);

  if (*amount_text != '\0' && !gdn_parse_number (amount_text, &change))
    {
      gdn_set_validation_error (&error, GDN_VALIDATION_ERROR_INVALID, "amount_change",
                                _("Amount change: “%s” is not an amount"), amount_text);
      show_error (self, error);
      return;
    }
  if (!save_details (self))
    return;

  amendment = gdn_workflow_amend_contract (self->store, self->contract, summary, change, &error);
  if (amendment == NULL)
    {
      show_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->amend_summary_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->amend_amount_entry), "");
  finish_change (self);
}

static void
on_amend_activate_cb (GdnContractPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "contract-page.amend", NULL);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  g_autoptr(GdnRecord) order = NULL;
  g_autoptr(GError) error = NULL;

  if (self->contract == NULL)
    return;
  clear_error (self);
  if (!save_details (self))
    return;

  order = gdn_store_get (self->store, GDN_TYPE_ORDER, g_variant_get_int64 (parameter), &error);
  if (order == NULL ||
      !gdn_workflow_unlink_contract_order (self->store, self->contract, GDN_ORDER (order),
                                           &error))
    {
      show_error (self, error);
      return;
    }
  finish_change (self);
}

static void
on_link_picked_cb (GdnContractPage *self)
{
  GdnRecord *order = gdn_record_picker_get_record (self->link_picker);
  g_autoptr(GError) error = NULL;

  if (order == NULL || self->contract == NULL || self->loading)
    return;
  clear_error (self);
  if (save_details (self) &&
      !gdn_workflow_link_contract_order (self->store, self->contract, GDN_ORDER (order), &error))
    show_error (self, error);

  /* the picker is only a way to add a row: empty it again */
  self->loading = TRUE;
  gdn_record_picker_set_record_id (self->link_picker, 0);
  self->loading = FALSE;
  if (error == NULL && !self->dirty)
    finish_change (self);
}

static void
open_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  g_autoptr(GdnRecord) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;

  attachment = gdn_store_get (self->store, GDN_TYPE_ATTACHMENT, g_variant_get_int64 (parameter),
                              &error);
  if (attachment != NULL)
    {
      path = gdn_workflow_attachment_path (GDN_ATTACHMENT (attachment));
      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The file of “%s” is missing from the attachments folder"),
                     gdn_record_get_string (attachment, "file_name"));
    }
  if (error == NULL)
    {
      uri = g_filename_to_uri (path, NULL, &error);
      context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
      if (uri != NULL)
        g_app_info_launch_default_for_uri (uri, G_APP_LAUNCH_CONTEXT (context), &error);
    }
  if (error != NULL)
    toast (self, error->message);
}

/**
 * gdn_contract_page_attach_file:
 * @file: a local file to keep with the contract
 *
 * Copies @file into the contract's attachments folder and lists it, as choosing it in
 * "Add File…" does.
 */
gboolean
gdn_contract_page_attach_file (GdnContractPage  *self,
                               GFile            *file,
                               GError          **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnAttachment) attachment = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (GDN_IS_CONTRACT_PAGE (self), FALSE);
  g_return_val_if_fail (self->contract != NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be attached"));
      return FALSE;
    }
  attachment = gdn_workflow_attach_file (self->store, self->contract, path, NULL, error);
  if (attachment == NULL)
    return FALSE;

  load_attachments (self);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("“%s” attached"),
                             gdn_record_get_string (GDN_RECORD (attachment), "file_name"));
  toast (self, message);
  return TRUE;
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        GdnContractPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->contract != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      if (file != NULL && !gdn_contract_page_attach_file (self, file, &error))
        show_error (self, error);
    }
  g_clear_object (&self->chooser);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->contract == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Attach a File"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
discard_edits (GdnRecordPage *page)
{
  set_dirty (GDN_CONTRACT_PAGE (page), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->contract == NULL)
    return;

  /* Translators: %s is a contract number */
  message = g_strdup_printf (_("Contract %s moved to the trash"),
                             gdn_record_get_string (GDN_RECORD (self->contract), "contract_no"));
  if (!gdn_record_page_trash (GDN_RECORD_PAGE (self), self->store, GDN_RECORD (self->contract),
                              message, discard_edits, &error))
    show_error (self, error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (widget);

  gdn_record_page_confirm_discard (GDN_RECORD_PAGE (self), self->dirty,
                                   _("The changes to this contract have "
                                     "not been saved."),
                                   discard_edits);
}

static void
on_customer_row_activated_cb (GdnContractPage *self)
{
  g_autofree char *target = NULL;
  gint64 id;

  if (self->contract == NULL)
    return;
  id = gdn_record_get_int (GDN_RECORD (self->contract), "customer_id");
  target = g_strdup_printf ("customers:%" G_GINT64_FORMAT, id);
  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
}

static void
on_store_changed_cb (GdnContractPage *self,
                     GType            type,
                     gint64           id,
                     GdnChangeKind    kind)
{
  if (self->contract == NULL || type != GDN_TYPE_CONTRACT || kind == GDN_CHANGE_DELETED ||
      (id != gdn_record_get_id (GDN_RECORD (self->contract)) && kind != GDN_CHANGE_RELOADED))
    return;

  if (!self->dirty && gdn_store_reload (self->store, GDN_RECORD (self->contract), NULL))
    load_form (self);
}

static void
gdn_contract_page_constructed (GObject *object)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (object);

  G_OBJECT_CLASS (gdn_contract_page_parent_class)->constructed (object);

  gdn_record_picker_set_store (self->customer_picker, self->store);
  gdn_record_picker_set_fields (self->customer_picker, "name", "code");
  gdn_query_model_set_sort (gdn_record_picker_get_model (self->customer_picker), "name", FALSE);
  g_signal_connect_object (self->customer_picker, "notify::record-id",
                           G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);

  self->link_picker = gdn_record_picker_new (self->store, GDN_TYPE_ORDER, _("Link an order"));
  g_object_ref_sink (self->link_picker);
  gdn_record_picker_set_fields (self->link_picker, "order_no", "customer_name");
  gdn_query_model_set_sort (gdn_record_picker_get_model (self->link_picker), "created_date",
                            TRUE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self->link_picker), "list-add-symbolic");
  gdn_record_picker_set_placeholder (self->link_picker,
                                     _("Add one of the customer’s orders to this contract"));
  g_signal_connect_object (self->link_picker, "notify::record-id",
                           G_CALLBACK (on_link_picked_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GdnRecordPage ---------------------------------------------------------------- */

static gboolean
record_page_load (GdnRecordPage  *page,
                  gint64          id,
                  GError        **error)
{
  return gdn_contract_page_load (GDN_CONTRACT_PAGE (page), id, error);
}

static void
record_page_new_record (GdnRecordPage *page)
{
  gdn_contract_page_new_contract (GDN_CONTRACT_PAGE (page));
}

static gint64
record_page_get_record_id (GdnRecordPage *page)
{
  GdnContract *contract = gdn_contract_page_get_contract (GDN_CONTRACT_PAGE (page));

  return contract != NULL ? gdn_record_get_id (GDN_RECORD (contract)) : 0;
}

static void
gdn_contract_page_record_page_init (GdnRecordPageInterface *iface)
{
  iface->load = record_page_load;
  iface->new_record = record_page_new_record;
  iface->get_record_id = record_page_get_record_id;
}

static void
gdn_contract_page_dispose (GObject *object)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_weak_pointer (&self->error_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CONTRACT_PAGE);
  g_clear_object (&self->link_picker);
  g_clear_object (&self->contract);
  g_clear_object (&self->store);
  g_clear_pointer (&self->comment_rows, g_hash_table_unref);

  G_OBJECT_CLASS (gdn_contract_page_parent_class)->dispose (object);
}

static void
gdn_contract_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_contract_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnContractPage *self = GDN_CONTRACT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_contract_page_class_init (GdnContractPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_contract_page_constructed;
  object_class->dispose = gdn_contract_page_dispose;
  object_class->get_property = gdn_contract_page_get_property;
  object_class->set_property = gdn_contract_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (GDN_TYPE_RECORD_PICKER);
  g_type_ensure (GDN_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-contract-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, box);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, workflow_box);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, number_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, amount_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, signed_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, orders_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, orders_list);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, amendments_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, amendments_list);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, amend_summary_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, amend_amount_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, GdnContractPage, attachments_list);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_amend_activate_cb);

  gtk_widget_class_install_action (widget_class, "contract-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "contract-page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "contract-page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "contract-page.step", "s", step_action);
  gtk_widget_class_install_action (widget_class, "contract-page.approve", "s", approve_action);
  gtk_widget_class_install_action (widget_class, "contract-page.reject", "s", reject_action);
  gtk_widget_class_install_action (widget_class, "contract-page.amend", NULL, amend_action);
  gtk_widget_class_install_action (widget_class, "contract-page.unlink", "x", unlink_action);
  gtk_widget_class_install_action (widget_class, "contract-page.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "contract-page.open-attachment", "x",
                                   open_attachment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "contract-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "contract-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "contract-page.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_contract_page_init (GdnContractPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->comment_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

GdnContractPage *
gdn_contract_page_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_CONTRACT_PAGE, "store", store, NULL);
}

/**
 * gdn_contract_page_load:
 * @id: a contract
 *
 * Shows contract @id, as the database has it now.
 */
gboolean
gdn_contract_page_load (GdnContractPage  *self,
                        gint64            id,
                        GError          **error)
{
  g_autoptr(GdnRecord) contract = NULL;

  g_return_val_if_fail (GDN_IS_CONTRACT_PAGE (self), FALSE);

  contract = gdn_store_get (self->store, GDN_TYPE_CONTRACT, id, error);
  if (contract == NULL)
    return FALSE;
  g_set_object (&self->contract, GDN_CONTRACT (contract));
  gtk_editable_set_text (GTK_EDITABLE (self->amend_summary_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->amend_amount_entry), "");
  load_form (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/**
 * gdn_contract_page_new_contract:
 *
 * Empties the page for a new contract, in draft, of a customer still to choose.
 */
void
gdn_contract_page_new_contract (GdnContractPage *self)
{
  g_return_if_fail (GDN_IS_CONTRACT_PAGE (self));

  self->loading = TRUE;
  g_clear_object (&self->contract);
  clear_error (self);

  gtk_label_set_text (self->title_label, _("New Contract"));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->review_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->orders_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->amendments_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), TRUE);
  gdn_record_picker_set_record_id (self->customer_picker, 0);
  adw_preferences_group_set_description (self->details_group,
                                         _("Left empty, the contract number is the next "
                                           "free one"));

  set_entry (self->number_row, NULL);
  set_entry (self->title_row, NULL);
  set_entry (self->amount_row, NULL);
  set_entry (self->start_row, NULL);
  set_entry (self->end_row, NULL);
  set_entry (self->signed_row, NULL);
  set_entry (self->notes_row, NULL);

  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_button_set_label (self->save_button, _("C_reate"));

  self->loading = FALSE;
  set_dirty (self, FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
}

/**
 * gdn_contract_page_get_contract:
 *
 * Returns: (transfer none) (nullable): the contract shown; %NULL for a new one
 */
GdnContract *
gdn_contract_page_get_contract (GdnContractPage *self)
{
  g_return_val_if_fail (GDN_IS_CONTRACT_PAGE (self), NULL);
  return self->contract;
}

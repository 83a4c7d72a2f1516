/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-case-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gdn-case-clock.h"
#include "gdn-case-page.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-record-page.h"
#include "gdn-record-picker.h"
#include "gdn-validation-error.h"
#include "gdn-window.h"
#include "gdn-workflow.h"

/* One after-sales case: its 24-hour first-response countdown, the workflow steps the case
 * can take next, what it is about and how it ended. The same page, with a customer and an
 * order to choose, opens a new case. Edits are kept in the form until Save or a workflow
 * step, which writes them together with the step, or not at all. */

struct _GdnCasePage
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
  AdwPreferencesGroup  *progress_group;
  AdwActionRow         *clock_row;
  GtkLabel             *clock_label;
  GtkLabel             *status_label;
  GtkBox               *workflow_box;
  AdwPreferencesGroup  *parties_group;
  AdwActionRow         *customer_row;
  AdwActionRow         *order_row;
  AdwComboRow          *type_row;
  AdwComboRow          *category_row;
  AdwComboRow          *priority_row;
  AdwEntryRow          *subject_row;
  GtkTextView          *description_view;
  AdwPreferencesGroup  *resolution_group;
  GtkTextView          *resolution_view;
  AdwPreferencesGroup  *satisfaction_group;
  AdwComboRow          *satisfaction_row;
  AdwPreferencesGroup  *times_group;
  GtkLabel             *opened_label;
  GtkLabel             *responded_label;
  GtkLabel             *resolved_label;
  GtkLabel             *closed_label;

  GdnStore             *store;
  GdnCase              *kase;            /* NULL while a new case is being written */
  GdnRecordPicker      *customer_picker;
  GdnRecordPicker      *order_picker;
  GtkWidget            *error_widget;    /* the field the last error named */
  guint                 clock_id;
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

static void gdn_case_page_record_page_init (GdnRecordPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnCasePage, gdn_case_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_RECORD_PAGE,
                                                      gdn_case_page_record_page_init))

/* The workflow steps as buttons: what the person reads, for the target status */
typedef struct
{
  const char *from;    /* NULL: any */
  const char *to;
  const char *label;
} Step;

static const Step steps[] = {
  { NULL, "responded", N_("_Respond") },
  { "resolved", "in_progress", N_("Re_open") },
  { NULL, "in_progress", N_("_Start Work") },
  { NULL, "resolved", N_("Re_solve") },
  { NULL, "closed", N_("_Close Case") },
};

static void
setup_enum_row (AdwComboRow       *row,
                const GdnEnumInfo *info,
                const char        *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (none_label != NULL)
    gtk_string_list_append (labels, none_label);
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    gtk_string_list_append (labels, gdn_enum_label (info, v->value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
set_enum_row (AdwComboRow       *row,
              const GdnEnumInfo *info,
              gboolean           has_none,
              const char        *value)
{
  guint i = 0;

  for (const GdnEnumValue *v = info->values; v->value != NULL; v++, i++)
    if (g_strcmp0 (v->value, value) == 0)
      {
        adw_combo_row_set_selected (row, i + (has_none ? 1 : 0));
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static const char *
get_enum_row (AdwComboRow       *row,
              const GdnEnumInfo *info,
              gboolean           has_none)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || (has_none && selected == 0))
    return NULL;
  if (has_none)
    selected--;
  return selected < gdn_enum_n_values (info) ? info->values[selected].value : NULL;
}

static char *
get_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* Minutes are enough on screen; the seconds stay in the database */
static void
set_time_label (GtkLabel   *label,
                const char *time)
{
  g_autofree char *text = time && strlen (time) >= 16 ? gdn_format_datetime (time) : NULL;

  gtk_label_set_text (label, text ? text : "—");
}

static void
clear_error (GdnCasePage *self)
{
  if (self->error_widget != NULL)
    gtk_widget_remove_css_class (self->error_widget, "error");
  g_clear_weak_pointer (&self->error_widget);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static GtkWidget *
widget_for_field (GdnCasePage *self,
                  const char  *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
    { "type", G_STRUCT_OFFSET (GdnCasePage, type_row) },
    { "category", G_STRUCT_OFFSET (GdnCasePage, category_row) },
    { "priority", G_STRUCT_OFFSET (GdnCasePage, priority_row) },
    { "subject", G_STRUCT_OFFSET (GdnCasePage, subject_row) },
    { "description", G_STRUCT_OFFSET (GdnCasePage, description_view) },
    { "resolution", G_STRUCT_OFFSET (GdnCasePage, resolution_view) },
    { "satisfaction", G_STRUCT_OFFSET (GdnCasePage, satisfaction_row) },
    { "customer_id", G_STRUCT_OFFSET (GdnCasePage, customer_picker) },
    { "order_id", G_STRUCT_OFFSET (GdnCasePage, order_picker) },
    { "status", G_STRUCT_OFFSET (GdnCasePage, status_label) },
  };

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

/* The message above the form, and the field it names marked and focused */
static void
show_error (GdnCasePage  *self,
            const GError *error)
{
  GtkWidget *widget = widget_for_field (self, gdn_validation_error_get_field (error));

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

/* the store comes after the widget's init */
static gboolean
read_only (GdnCasePage *self)
{
  return self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store));
}

static void
set_dirty (GdnCasePage *self,
           gboolean     dirty)
{
  self->dirty = dirty;
  /* a new case can always be tried: the error says what is missing; on a read-only
   * database nothing is saved, whatever is typed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case-page.save",
                                 (dirty || self->kase == NULL) &&
                                 !read_only (self));
}

static void
on_form_changed_cb (GdnCasePage *self)
{
  if (self->loading)
    return;
  set_dirty (self, TRUE);
}

static void
on_type_selected_cb (GdnCasePage *self)
{
  const char *type = get_enum_row (self->type_row, &gdn_enum_case_type, FALSE);

  /* the complaint category means nothing for other cases */
  gtk_widget_set_visible (GTK_WIDGET (self->category_row), g_strcmp0 (type, "complaint") == 0);
  on_form_changed_cb (self);
}

static void
on_buffer_changed_cb (GdnCasePage   *self,
                      GtkTextBuffer *buffer)
{
  on_form_changed_cb (self);
}

/* The countdown, each minute while the page is shown */

static gboolean
case_is_finished (GdnCasePage *self)
{
  const char *status = gdn_record_get_string (GDN_RECORD (self->kase), "status");

  return g_strcmp0 (status, "resolved") == 0 || g_strcmp0 (status, "closed") == 0;
}

static void
update_clock (GdnCasePage *self)
{
  GdnRecord *r;
  g_autofree char *now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *subtitle = NULL;
  GdnCaseClock clock;

  if (self->kase == NULL)
    return;

  r = GDN_RECORD (self->kase);
  now = gdn_now ();
  clock = gdn_case_clock_compute (gdn_record_get_string (r, "opened_at"),
                                  gdn_record_get_string (r, "first_response_at"), now);
  if (clock.state == GDN_CASE_CLOCK_OVERDUE && case_is_finished (self))
    text = g_strdup (_("No first response was recorded"));
  else
    text = gdn_case_clock_describe (clock);

  gtk_label_set_text (self->clock_label, text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "success");
  switch (clock.state)
    {
    case GDN_CASE_CLOCK_OVERDUE:
      gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
      break;
    case GDN_CASE_CLOCK_RUNNING:
      /* the last four hours of the day stand out before they run out */
      if (clock.seconds < 4 * 3600)
        gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "warning");
      break;
    case GDN_CASE_CLOCK_MISSED:
      gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "warning");
      break;
    case GDN_CASE_CLOCK_MET:
      gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "success");
      break;
    case GDN_CASE_CLOCK_INVALID:
    default:
      break;
    }

  deadline = gdn_case_clock_deadline (gdn_record_get_string (r, "opened_at"));
  if (deadline != NULL)
    {
      g_autofree char *by = gdn_format_datetime (deadline);

      /* Translators: %s is a date and time, e.g. 2026-11-21 09:30 */
      subtitle = g_strdup_printf (_("Due within 24 hours of opening, by %s"), by);
    }
  adw_action_row_set_subtitle (self->clock_row, subtitle ? subtitle : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clock_row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  GdnCasePage *self = user_data;

  update_clock (self);
  return G_SOURCE_CONTINUE;
}

static void
sync_clock_timer (GdnCasePage *self)
{
  gboolean ticking = self->kase != NULL &&
                     gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                     !gdn_record_is_set (GDN_RECORD (self->kase), "first_response_at");

  if (ticking && self->clock_id == 0)
    self->clock_id = g_timeout_add_seconds (60, clock_tick_cb, self);
  else if (!ticking)
    g_clear_handle_id (&self->clock_id, g_source_remove);
}

static void
rebuild_workflow_buttons (GdnCasePage *self)
{
  const char *status = gdn_record_get_string (GDN_RECORD (self->kase), "status");
  const char * const *next = gdn_case_workflow_next_statuses (status);
  GtkWidget *child;
  gboolean first = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->workflow_box))) != NULL)
    gtk_box_remove (self->workflow_box, child);

  for (guint i = 0; next != NULL && next[i] != NULL; i++)
    for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
      {
        GtkWidget *button;

        if (g_strcmp0 (steps[s].to, next[i]) != 0 ||
            (steps[s].from != NULL && g_strcmp0 (steps[s].from, status) != 0))
          continue;

        button = gtk_button_new_with_mnemonic (_(steps[s].label));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case-page.step");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", next[i]);
        /* the usual next step is the one to press */
        if (first)
          gtk_widget_add_css_class (button, "suggested-action");
        first = FALSE;
        gtk_box_append (self->workflow_box, button);
        break;
      }
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_box), !first);
}

static void
load_form (GdnCasePage *self)
{
  GdnRecord *r = GDN_RECORD (self->kase);
  const char *customer = gdn_record_get_string (r, "customer_name");
  const char *code = gdn_record_get_string (r, "customer_code");
  const char *order_no = gdn_record_get_string (r, "order_no");
  const char *subject = gdn_record_get_string (r, "subject");
  g_autofree char *customer_text = NULL;
  gint64 satisfaction = gdn_record_get_int (r, "satisfaction");
  const char *status = gdn_record_get_string (r, "status");
  gboolean finished;

  self->loading = TRUE;
  clear_error (self);

  gtk_label_set_text (self->title_label, gdn_record_get_string (r, "case_no"));
  gtk_label_set_text (self->subtitle_label, subject ? subject : customer ? customer : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subject != NULL || customer != NULL);

  gtk_label_set_text (self->status_label, gdn_enum_label (&gdn_enum_case_status, status));
  rebuild_workflow_buttons (self);

  customer_text = code && customer ? g_strdup_printf ("%s · %s", code, customer)
                                   : g_strdup (customer ? customer : "");
  adw_action_row_set_subtitle (self->customer_row, customer_text);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), TRUE);
  adw_action_row_set_subtitle (self->order_row, order_no ? order_no : "");
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), order_no != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_picker), FALSE);

  set_enum_row (self->type_row, &gdn_enum_case_type, FALSE, gdn_record_get_string (r, "type"));
  set_enum_row (self->category_row, &gdn_enum_complaint_category, TRUE,
                gdn_record_get_string (r, "category"));
  set_enum_row (self->priority_row, &gdn_enum_case_priority, FALSE,
                gdn_record_get_string (r, "priority"));
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject ? subject : "");
  set_text_view (self->description_view, gdn_record_get_string (r, "description"));
  set_text_view (self->resolution_view, gdn_record_get_string (r, "resolution"));
  adw_combo_row_set_selected (self->satisfaction_row,
                              satisfaction >= 1 && satisfaction <= 5 ? (guint) satisfaction : 0);

  set_time_label (self->opened_label, gdn_record_get_string (r, "opened_at"));
  set_time_label (self->responded_label, gdn_record_get_string (r, "first_response_at"));
  set_time_label (self->resolved_label, gdn_record_get_string (r, "resolved_at"));
  set_time_label (self->closed_label, gdn_record_get_string (r, "closed_at"));

  /* what belongs to the end of a case shows up when the case gets there */
  finished = g_strcmp0 (status, "in_progress") == 0 || case_is_finished (self);
  gtk_widget_set_visible (GTK_WIDGET (self->resolution_group), finished);
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_group), case_is_finished (self));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->times_group), TRUE);
  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_button_set_label (self->save_button, _("_Save"));

  update_clock (self);
  sync_clock_timer (self);

  self->loading = FALSE;
  set_dirty (self, FALSE);
}

/* Puts the form's values into @r; the customer and order are set apart */
static void
collect_form (GdnCasePage *self,
              GdnRecord   *r)
{
  const char *type = get_enum_row (self->type_row, &gdn_enum_case_type, FALSE);
  g_autofree char *description = get_text_view (self->description_view);
  g_autofree char *resolution = get_text_view (self->resolution_view);
  g_autofree char *subject = g_strstrip (g_strdup (gtk_editable_get_text (
                                           GTK_EDITABLE (self->subject_row))));
  guint satisfaction = adw_combo_row_get_selected (self->satisfaction_row);

  gdn_record_set_string (r, "type", type);
  gdn_record_set_string (r, "category",
                         g_strcmp0 (type, "complaint") == 0
                         ? get_enum_row (self->category_row, &gdn_enum_complaint_category, TRUE)
                         : NULL);
  gdn_record_set_string (r, "priority",
                         get_enum_row (self->priority_row, &gdn_enum_case_priority, FALSE));
  gdn_record_set_string (r, "subject", subject);
  gdn_record_set_string (r, "description", description);
  if (gtk_widget_get_visible (GTK_WIDGET (self->resolution_group)))
    gdn_record_set_string (r, "resolution", resolution);
  if (gtk_widget_get_visible (GTK_WIDGET (self->satisfaction_group)))
    gdn_record_set_int (r, "satisfaction",
                        satisfaction >= 1 && satisfaction <= 5 ? (gint64) satisfaction : -1);
}

static void
finish_change (GdnCasePage *self)
{
  load_form (self);
  g_signal_emit (self, signals[SAVED], 0, gdn_record_get_id (GDN_RECORD (self->kase)));
}

static void
create_case (GdnCasePage *self)
{
  g_autoptr(GdnCase) kase = gdn_case_new ();
  g_autoptr(GError) error = NULL;
  GdnRecord *order = gdn_record_picker_get_record (self->order_picker);
  gint64 customer_id = gdn_record_picker_get_record_id (self->customer_picker);

  collect_form (self, GDN_RECORD (kase));
  if (customer_id > 0)
    gdn_record_set_int (GDN_RECORD (kase), "customer_id", customer_id);

  if (!gdn_workflow_open_case (self->store, kase, order ? GDN_ORDER (order) : NULL, &error))
    {
      show_error (self, error);
      return;
    }
  g_set_object (&self->kase, kase);
  finish_change (self);
}

static gboolean save_case (GdnCasePage *self);

/* "Overwrite" after a conflict: the case was reloaded, so this save goes through */
static gboolean
save_again (GdnRecordPage *page)
{
  return save_case (GDN_CASE_PAGE (page));
}

static gboolean
save_case (GdnCasePage *self)
{
  g_autoptr(GError) error = NULL;

  collect_form (self, GDN_RECORD (self->kase));
  if (!gdn_store_update (self->store, GDN_RECORD (self->kase), &error))
    {
      show_error (self, error);
      if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT))
        {
          /* the form keeps what was typed; the case takes the stored version */
          gdn_store_reload (self->store, GDN_RECORD (self->kase), NULL);
          gdn_record_page_ask_conflict (GDN_RECORD_PAGE (self), error, save_again);
        }
      return FALSE;
    }
  finish_change (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);

  clear_error (self);
  if (self->kase == NULL)
    create_case (self);
  else
    save_case (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);
  const char *to = g_variant_get_string (parameter, NULL);
  GdnRecord *r;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  gboolean ok;

  if (self->kase == NULL)
    return;

  r = GDN_RECORD (self->kase);
  from = g_strdup (gdn_record_get_string (r, "status"));
  clear_error (self);
  /* what the person changed goes in with the step, in the same write */
  collect_form (self, r);

  if (g_str_equal (to, "responded"))
    ok = gdn_workflow_respond_case (self->store, self->kase, NULL, &error);
  else if (g_str_equal (to, "in_progress") && g_strcmp0 (from, "resolved") == 0)
    ok = gdn_workflow_reopen_case (self->store, self->kase, &error);
  else if (g_str_equal (to, "in_progress"))
    ok = gdn_workflow_start_case (self->store, self->kase, &error);
  else if (g_str_equal (to, "resolved"))
    {
      g_autofree char *resolution = get_text_view (self->resolution_view);
      ok = gdn_workflow_resolve_case (self->store, self->kase, resolution, &error);
    }
  else if (g_str_equal (to, "closed"))
    {
      guint score = adw_combo_row_get_selected (self->satisfaction_row);
      ok = gdn_workflow_close_case (self->store, self->kase,
                                    score >= 1 && score <= 5 ? (int) score : -1, &error);
    }
  else
    ok = gdn_workflow_change_case_status (self->store, self->kase, to, &error);

  if (!ok)
    {
      show_error (self, error);
      return;
    }
  finish_change (self);
}

static void
discard_edits (GdnRecordPage *page)
{
  set_dirty (GDN_CASE_PAGE (page), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->kase == NULL)
    return;

  /* Translators: %s is a case number */
  message = g_strdup_printf (_("Case %s moved to the trash"),
                             gdn_record_get_string (GDN_RECORD (self->kase), "case_no"));
  if (!gdn_record_page_trash (GDN_RECORD_PAGE (self), self->store, GDN_RECORD (self->kase),
                              message, discard_edits, &error))
    show_error (self, error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);

  gdn_record_page_confirm_discard (GDN_RECORD_PAGE (self), self->dirty,
                                   _("The changes to this case have "
                                     "not been saved."),
                                   discard_edits);
}

static void
open_link (GdnCasePage *self,
           const char  *section,
           gint64       id)
{
  g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT, section, id);

  if (id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
}

static void
on_customer_row_activated_cb (GdnCasePage *self)
{
  if (self->kase != NULL)
    open_link (self, "customers", gdn_record_get_int (GDN_RECORD (self->kase), "customer_id"));
}

static void
on_order_row_activated_cb (GdnCasePage *self)
{
  if (self->kase != NULL)
    open_link (self, "orders", gdn_record_get_int (GDN_RECORD (self->kase), "order_id"));
}

/* A new case: the order's customer is the case's; the orders offered are the customer's */
static void
on_customer_picked_cb (GdnCasePage *self)
{
  gint64 customer_id = gdn_record_picker_get_record_id (self->customer_picker);
  GdnRecord *order = gdn_record_picker_get_record (self->order_picker);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);

  gdn_query_model_set_filter (gdn_record_picker_get_model (self->order_picker), "customer_id",
                              customer_id > 0 ? id : NULL);
  if (order != NULL && customer_id > 0 &&
      gdn_record_get_int (order, "customer_id") != customer_id)
    gdn_record_picker_set_record_id (self->order_picker, 0);
  on_form_changed_cb (self);
}

static void
on_order_picked_cb (GdnCasePage *self)
{
  GdnRecord *order = gdn_record_picker_get_record (self->order_picker);

  if (order != NULL)
    gdn_record_picker_set_record_id (self->customer_picker,
                                     gdn_record_get_int (order, "customer_id"));
  on_form_changed_cb (self);
}

static void
on_store_changed_cb (GdnCasePage   *self,
                     GType          type,
                     gint64         id,
                     GdnChangeKind  kind)
{
  g_autoptr(GError) error = NULL;

  if (self->kase == NULL || type != GDN_TYPE_CASE ||
      (id != gdn_record_get_id (GDN_RECORD (self->kase)) && kind != GDN_CHANGE_RELOADED))
    return;

  /* another window or the command line changed it: show the new state, unless the
   * person is in the middle of an edit */
  if (kind == GDN_CHANGE_DELETED)
    return;
  if (!self->dirty && gdn_store_reload (self->store, GDN_RECORD (self->kase), &error))
    load_form (self);
}

static void
gdn_case_page_map (GtkWidget *widget)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);

  GTK_WIDGET_CLASS (gdn_case_page_parent_class)->map (widget);
  /* the time went on while the page was hidden */
  update_clock (self);
  sync_clock_timer (self);
}

static void
gdn_case_page_unmap (GtkWidget *widget)
{
  GdnCasePage *self = GDN_CASE_PAGE (widget);

  GTK_WIDGET_CLASS (gdn_case_page_parent_class)->unmap (widget);
  sync_clock_timer (self);
}

static void
gdn_case_page_constructed (GObject *object)
{
  GdnCasePage *self = GDN_CASE_PAGE (object);

  G_OBJECT_CLASS (gdn_case_page_parent_class)->constructed (object);

  self->customer_picker = gdn_record_picker_new (self->store, GDN_TYPE_CUSTOMER, _("Customer"));
  gdn_record_picker_set_fields (self->customer_picker, "name", "code");
  gdn_query_model_set_sort (gdn_record_picker_get_model (self->customer_picker), "name", FALSE);
  g_signal_connect_object (self->customer_picker, "notify::record-id",
                           G_CALLBACK (on_customer_picked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->parties_group, GTK_WIDGET (self->customer_picker));

  self->order_picker = gdn_record_picker_new (self->store, GDN_TYPE_ORDER, _("Order"));
  gdn_record_picker_set_fields (self->order_picker, "order_no", "customer_name");
  gdn_record_picker_set_optional (self->order_picker, TRUE);
  gdn_query_model_set_sort (gdn_record_picker_get_model (self->order_picker), "created_date",
                            TRUE);
  g_signal_connect_object (self->order_picker, "notify::record-id",
                           G_CALLBACK (on_order_picked_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->parties_group, GTK_WIDGET (self->order_picker));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GdnRecordPage ---------------------------------------------------------------- */

static gboolean
record_page_load (GdnRecordPage  *page,
                  gint64          id,
                  GError        **error)
{
  return gdn_case_page_load (GDN_CASE_PAGE (page), id, error);
}

static void
record_page_new_record (GdnRecordPage *page)
{
  gdn_case_page_new_case (GDN_CASE_PAGE (page));
}

static gint64
record_page_get_record_id (GdnRecordPage *page)
{
  GdnCase *kase = gdn_case_page_get_case (GDN_CASE_PAGE (page));

  return kase != NULL ? gdn_record_get_id (GDN_RECORD (kase)) : 0;
}

static void
gdn_case_page_record_page_init (GdnRecordPageInterface *iface)
{
  iface->load = record_page_load;
  iface->new_record = record_page_new_record;
  iface->get_record_id = record_page_get_record_id;
}

static void
gdn_case_page_dispose (GObject *object)
{
  GdnCasePage *self = GDN_CASE_PAGE (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  g_clear_weak_pointer (&self->error_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CASE_PAGE);
  g_clear_object (&self->kase);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_case_page_parent_class)->dispose (object);
}

static void
gdn_case_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GdnCasePage *self = GDN_CASE_PAGE (object);

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
gdn_case_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GdnCasePage *self = GDN_CASE_PAGE (object);

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
gdn_case_page_class_init (GdnCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_case_page_constructed;
  object_class->dispose = gdn_case_page_dispose;
  object_class->get_property = gdn_case_page_get_property;
  object_class->set_property = gdn_case_page_set_property;
  widget_class->map = gdn_case_page_map;
  widget_class->unmap = gdn_case_page_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnCasePage::closed:
   *
   * The person is done with the page (back, or the case went to the trash).
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * GdnCasePage::saved:
   * @id: the case written (created, saved or moved a step)
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, box);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, progress_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, clock_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, clock_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, workflow_box);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, parties_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, customer_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, order_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, type_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, category_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, subject_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, description_view);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, resolution_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, resolution_view);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, satisfaction_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, times_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, opened_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, responded_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, resolved_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCasePage, closed_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_order_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "case-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "case-page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "case-page.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "case-page.step", "s", step_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "case-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "case-page.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_case_page_init (GdnCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_enum_row (self->type_row, &gdn_enum_case_type, NULL);
  setup_enum_row (self->category_row, &gdn_enum_complaint_category, _("Not set"));
  setup_enum_row (self->priority_row, &gdn_enum_case_priority, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->resolution_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, G_CONNECT_SWAPPED);
}

GdnCasePage *
gdn_case_page_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_CASE_PAGE, "store", store, NULL);
}

/**
 * gdn_case_page_load:
 * @id: a case
 *
 * Shows case @id, as the database has it now.
 */
gboolean
gdn_case_page_load (GdnCasePage  *self,
                    gint64        id,
                    GError      **error)
{
  g_autoptr(GdnRecord) kase = NULL;

  g_return_val_if_fail (GDN_IS_CASE_PAGE (self), FALSE);

  kase = gdn_store_get (self->store, GDN_TYPE_CASE, id, error);
  if (kase == NULL)
    return FALSE;
  g_set_object (&self->kase, GDN_CASE (kase));
  load_form (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/**
 * gdn_case_page_new_case:
 *
 * Empties the page for a new case: a customer (or an order) to choose, what it is about.
 */
void
gdn_case_page_new_case (GdnCasePage *self)
{
  g_return_if_fail (GDN_IS_CASE_PAGE (self));

  self->loading = TRUE;
  g_clear_object (&self->kase);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  clear_error (self);

  gtk_label_set_text (self->title_label, _("New Case"));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_picker), TRUE);
  gdn_record_picker_set_record_id (self->order_picker, 0);
  gdn_record_picker_set_record_id (self->customer_picker, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->resolution_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->times_group), FALSE);
  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_button_set_label (self->save_button, _("C_reate"));

  set_enum_row (self->type_row, &gdn_enum_case_type, FALSE, "complaint");
  set_enum_row (self->category_row, &gdn_enum_complaint_category, TRUE, NULL);
  set_enum_row (self->priority_row, &gdn_enum_case_priority, FALSE, "normal");
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  set_text_view (self->description_view, NULL);
  set_text_view (self->resolution_view, NULL);
  adw_combo_row_set_selected (self->satisfaction_row, 0);

  self->loading = FALSE;
  set_dirty (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));
}

/**
 * gdn_case_page_get_case:
 *
 * Returns: (transfer none) (nullable): the case shown; %NULL for a new one
 */
GdnCase *
gdn_case_page_get_case (GdnCasePage *self)
{
  g_return_val_if_fail (GDN_IS_CASE_PAGE (self), NULL);
  return self->kase;
}

/**
 * gdn_case_page_refresh_clock:
 *
 * Recomputes the countdown now rather than at the next minute.
 */
void
gdn_case_page_refresh_clock (GdnCasePage *self)
{
  g_return_if_fail (GDN_IS_CASE_PAGE (self));
  update_clock (self);
}

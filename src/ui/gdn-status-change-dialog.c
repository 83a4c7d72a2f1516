/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-status-change-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdn-enums.h"
#include "gdn-parse.h"
#include "gdn-status-change-dialog.h"
#include "gdn-validation-error.h"

/* Asks what one step of an order's workflow needs: always an optional note (required
 * when a quality check fails), the progress when production starts, and the delivery
 * date with a delay reason when the order arrives late. It only collects: the page runs
 * the step on ::apply and shows a refusal here with show_error(), so nothing typed is
 * lost. */

struct _GdnStatusChangeDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkButton       *apply_button;
  GtkLabel        *description_label;
  AdwEntryRow     *delivered_row;
  AdwComboRow     *delay_row;
  AdwActionRow    *progress_row;
  GtkSpinButton   *progress_spin;
  AdwEntryRow     *note_row;
  GtkLabel        *error_label;

  char            *from;
  char            *to;
  char            *promised_date;
  gboolean         note_required;
};

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnStatusChangeDialog, gdn_status_change_dialog, ADW_TYPE_WINDOW)

static void
clear_error (GdnStatusChangeDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->delivered_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->delay_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->progress_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

/* The delay reason is asked for only when the date typed is after the promised date */
static void
update_delay_row (GdnStatusChangeDialog *self)
{
  g_autofree char *date = NULL;
  gboolean late;

  if (g_strcmp0 (self->to, "delivered") != 0)
    return;
  date = gdn_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->delivered_row)));
  late = date != NULL && self->promised_date != NULL && strcmp (date, self->promised_date) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->delay_row), late);
  if (late)
    {
      g_autofree char *promised = gdn_format_date (self->promised_date);
      g_autofree char *subtitle = g_strdup_printf (_("Promised for %s"), promised);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delay_row), subtitle);
    }
}

static void
on_delivered_changed_cb (GdnStatusChangeDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->delivered_row), "error");
  update_delay_row (self);
}

static void
on_delay_selected_cb (GdnStatusChangeDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->delay_row), "error");
}

static void
on_note_changed_cb (GdnStatusChangeDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->note_row), "error");
}

static void
on_apply_clicked_cb (GdnStatusChangeDialog *self)
{
  clear_error (self);

  /* a required note is asked for here, before the order's workflow says the same */
  if (self->note_required)
    {
      g_autofree char *note = gdn_status_change_dialog_get_note (self);

      if (note == NULL)
        {
          g_autoptr(GError) error = NULL;

          gdn_set_validation_error (&error, GDN_VALIDATION_ERROR_REQUIRED, "note",
                                    _("Write what failed in the quality check, so the rework "
                                      "is on record"));
          gdn_status_change_dialog_show_error (self, error);
          return;
        }
    }
  g_signal_emit (self, signals[APPLY], 0);
}

static void
gdn_status_change_dialog_finalize (GObject *object)
{
  GdnStatusChangeDialog *self = GDN_STATUS_CHANGE_DIALOG (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->promised_date);

  G_OBJECT_CLASS (gdn_status_change_dialog_parent_class)->finalize (object);
}

static void
gdn_status_change_dialog_class_init (GdnStatusChangeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gdn_status_change_dialog_finalize;

  /**
   * GdnStatusChangeDialog::apply:
   *
   * The person asked for the step. The dialog stays open until its owner closes it, so
   * that a refusal can be shown with gdn_status_change_dialog_show_error().
   */
  signals[APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/gendan/Gendan/gdn-status-change-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, description_label);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, delay_row);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, GdnStatusChangeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delivered_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delay_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_status_change_dialog_init (GdnStatusChangeDialog *self)
{
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (reasons, _("Choose a reason"));
  for (const GdnEnumValue *v = gdn_enum_delay_reason.values; v->value != NULL; v++)
    gtk_string_list_append (reasons, gdn_enum_label (&gdn_enum_delay_reason, v->value));
  adw_combo_row_set_model (self->delay_row, G_LIST_MODEL (reasons));
}

/**
 * gdn_status_change_dialog_action_label:
 * @from: the order's status
 * @to: one of its next statuses
 *
 * Returns: the translated name of the step, as a button says it ("Start Production")
 */
const char *
gdn_status_change_dialog_action_label (const char *from,
                                       const char *to)
{
  static const struct { const char *to; const char *label; } labels[] = {
    { "quoted", N_("Mark _Quoted") },
    { "confirmed", N_("_Confirm") },
    { "qc", N_("Send to _Quality Check") },
    { "shipped", N_("QC Passed, _Ship…") },
    { "delivered", N_("Mark _Delivered…") },
    { "closed", N_("C_lose Order") },
    { "cancelled", N_("Cancel _Order") },
    { "lost", N_("Mark _Lost") },
  };

  if (g_strcmp0 (to, "in_production") == 0)
    return g_strcmp0 (from, "qc") == 0 ? _("QC _Failed…") : _("Start _Production");
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].to, to) == 0)
      return _(labels[i].label);
  return gdn_enum_label (&gdn_enum_order_status, to);
}

/**
 * gdn_status_change_dialog_new:
 * @parent: the window it is transient for
 * @order: the order, as saved
 * @to: one of the next statuses of the order's status
 */
GdnStatusChangeDialog *
gdn_status_change_dialog_new (GtkWindow  *parent,
                              GdnOrder   *order,
                              const char *to)
{
  GdnStatusChangeDialog *self;
  GdnRecord *r = GDN_RECORD (order);
  const char *from = gdn_record_get_string (r, "status");
  const char *from_label = gdn_enum_label (&gdn_enum_order_status, from);
  const char *to_label = gdn_enum_label (&gdn_enum_order_status, to);
  g_autofree char *description = NULL;
  g_autofree char *apply = NULL;

  g_return_val_if_fail (GDN_IS_ORDER (order), NULL);
  g_return_val_if_fail (to != NULL, NULL);

  self = g_object_new (GDN_TYPE_STATUS_CHANGE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->promised_date = g_strdup (gdn_record_get_string (r, "promised_date"));

  /* the page's button opens this dialog ("…"); this one does the step */
  apply = g_strdup (gdn_status_change_dialog_action_label (from, to));
  if (g_str_has_suffix (apply, "…"))
    apply[strlen (apply) - strlen ("…")] = '\0';
  gtk_button_set_label (self->apply_button, apply);
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button),
                            g_strcmp0 (to, "cancelled") == 0 || g_strcmp0 (to, "lost") == 0
                              ? "destructive-action" : "suggested-action");
  adw_window_title_set_title (self->window_title, to_label);
  adw_window_title_set_subtitle (self->window_title, gdn_record_get_string (r, "order_no"));
  gtk_window_set_title (GTK_WINDOW (self), to_label);

  /* TRANSLATORS: "The order moves from “Quoted” to “Confirmed”." */
  description = g_strdup_printf (_("The order moves from “%s” to “%s”."),
                                 from_label, to_label);
  if (g_strcmp0 (to, "confirmed") == 0)
    {
      g_autofree char *more = g_strdup_printf ("%s %s", description,
                                               _("Today becomes its confirmed date, and the "
                                                 "promised delivery date is what it will be "
                                                 "measured against."));
      g_free (description);
      description = g_steal_pointer (&more);
    }
  else if (g_strcmp0 (to, "in_production") == 0 && g_strcmp0 (from, "qc") == 0)
    {
      g_free (description);
      description = g_strdup (_("The order failed the quality check and goes back to "
                                "production for rework. Write what failed, so that it is on "
                                "record."));
      self->note_required = TRUE;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row),
                                     _("What failed"));
    }
  else if (g_strcmp0 (to, "delivered") == 0)
    {
      g_autofree char *today = gdn_today ();
      const char *delivered = gdn_record_get_string (r, "delivered_date");
      g_autofree char *shown = gdn_format_date (delivered != NULL ? delivered : today);

      gtk_widget_set_visible (GTK_WIDGET (self->delivered_row), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->delivered_row), shown);
      if (gdn_record_is_set (r, "delay_reason"))
        {
          guint i = 1;

          for (const GdnEnumValue *v = gdn_enum_delay_reason.values; v->value != NULL; v++, i++)
            if (g_strcmp0 (v->value, gdn_record_get_string (r, "delay_reason")) == 0)
              adw_combo_row_set_selected (self->delay_row, i);
        }
      update_delay_row (self);
    }
  else if (g_strcmp0 (to, "cancelled") == 0 || g_strcmp0 (to, "lost") == 0)
    {
      g_autofree char *more = g_strdup_printf ("%s %s", description,
                                               _("This is final: the order cannot move on "
                                                 "afterwards."));
      g_free (description);
      description = g_steal_pointer (&more);
    }

  if (g_strcmp0 (to, "in_production") == 0 && g_strcmp0 (from, "confirmed") == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->progress_row), TRUE);
      gtk_spin_button_set_value (self->progress_spin,
                                 MAX (0, gdn_record_get_int (r, "progress")));
    }

  gtk_label_set_text (self->description_label, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description, -1);
  return self;
}

const char *
gdn_status_change_dialog_get_target (GdnStatusChangeDialog *self)
{
  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), NULL);
  return self->to;
}

/**
 * gdn_status_change_dialog_get_note:
 *
 * Returns: (transfer full) (nullable): the note, %NULL when none was written
 */
char *
gdn_status_change_dialog_get_note (GdnStatusChangeDialog *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), NULL);

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row))));
  return *note != '\0' ? g_steal_pointer (&note) : NULL;
}

/**
 * gdn_status_change_dialog_get_progress:
 *
 * Returns: the production progress entered (0 to 100), or -1 when the step does not ask
 */
int
gdn_status_change_dialog_get_progress (GdnStatusChangeDialog *self)
{
  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), -1);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->progress_row)))
    return -1;
  gtk_spin_button_update (self->progress_spin);
  return gtk_spin_button_get_value_as_int (self->progress_spin);
}

/**
 * gdn_status_change_dialog_get_delivered_date:
 *
 * Returns: (transfer full) (nullable): the delivery date as stored ('YYYY-MM-DD'); %NULL
 *   when the step does not ask for it, or with @error set when it is not a date
 */
char *
gdn_status_change_dialog_get_delivered_date (GdnStatusChangeDialog  *self,
                                             GError                **error)
{
  const char *text;
  char *date;

  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->delivered_row)))
    return NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->delivered_row));
  date = gdn_parse_date (text);
  if (date == NULL)
    gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "delivered_date",
                              _("Delivered on: “%s” is not a date; write it as 2026-03-05"),
                              text);
  return date;
}

/**
 * gdn_status_change_dialog_get_delay_reason:
 *
 * Returns: (nullable): the delay reason chosen (a #gdn_enum_delay_reason value)
 */
const char *
gdn_status_change_dialog_get_delay_reason (GdnStatusChangeDialog *self)
{
  guint selected;

  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->delay_row);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->delay_row)) ||
      selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > gdn_enum_n_values (&gdn_enum_delay_reason))
    return NULL;
  return gdn_enum_delay_reason.values[selected - 1].value;
}

/**
 * gdn_status_change_dialog_show_error:
 * @error: why the step was refused
 *
 * Shows @error under the inputs and marks the one it names.
 *
 * Returns: %TRUE when the error is about what this dialog asks (or about no field);
 *   %FALSE when it names a field of the order, which the page should show instead
 */
gboolean
gdn_status_change_dialog_show_error (GdnStatusChangeDialog *self,
                                     const GError          *error)
{
  const char *field;
  GtkWidget *row = NULL;

  g_return_val_if_fail (GDN_IS_STATUS_CHANGE_DIALOG (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  field = gdn_validation_error_get_field (error);
  if (g_strcmp0 (field, "note") == 0)
    row = GTK_WIDGET (self->note_row);
  else if (g_strcmp0 (field, "delivered_date") == 0)
    row = GTK_WIDGET (self->delivered_row);
  else if (g_strcmp0 (field, "delay_reason") == 0)
    {
      row = GTK_WIDGET (self->delay_row);
      gtk_widget_set_visible (row, TRUE);
    }
  else if (g_strcmp0 (field, "progress") == 0 &&
           gtk_widget_get_visible (GTK_WIDGET (self->progress_row)))
    row = GTK_WIDGET (self->progress_row);
  else if (field != NULL && g_strcmp0 (field, "status") != 0)
    return FALSE;

  clear_error (self);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  return TRUE;
}

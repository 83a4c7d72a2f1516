/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-ship-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-enums.h"
#include "gdn-parse.h"
#include "gdn-ship-dialog.h"
#include "gdn-validation-error.h"

/* Asks how an order leaves once it passed the quality check: carrier, transport mode,
 * tracking number, shipped date and expected arrival. The page records the shipment and
 * the step together (gdn_workflow_ship_order) on ::apply, and shows a refusal here. */

struct _GdnShipDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  AdwEntryRow     *carrier_row;
  AdwComboRow     *mode_row;
  AdwEntryRow     *tracking_row;
  AdwEntryRow     *shipped_row;
  AdwEntryRow     *eta_row;
  AdwEntryRow     *note_row;
  GtkLabel        *error_label;
};

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnShipDialog, gdn_ship_dialog, ADW_TYPE_WINDOW)

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* A date row: empty is "not given"; FALSE with @error when it is not a date */
static gboolean
read_date (AdwEntryRow  *row,
           const char   *field,
           char        **date,
           GError      **error)
{
  g_autofree char *text = row_text (row);

  *date = NULL;
  if (*text == '\0')
    return TRUE;
  *date = gdn_parse_date (text);
  if (*date == NULL)
    {
      /* TRANSLATORS: "Shipped on: “3/5” is not a date; …" */
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, field,
                                _("%s: “%s” is not a date; write it as 2026-03-05"),
                                adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), text);
      return FALSE;
    }
  return TRUE;
}

static void
on_row_changed_cb (GtkWidget     *row,
                   GdnShipDialog *self)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
on_ship_clicked_cb (GdnShipDialog *self)
{
  g_signal_emit (self, signals[APPLY], 0);
}

/* The carrier is focused once the window is shown: focusing it before makes GTK 4.8 give the
 * window to AT-SPI as a "filler" that is never "showing", which screen readers pass over */
static void
gdn_ship_dialog_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gdn_ship_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (GDN_SHIP_DIALOG (widget)->carrier_row));
}

static void
gdn_ship_dialog_class_init (GdnShipDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = gdn_ship_dialog_map;

  /**
   * GdnShipDialog::apply:
   *
   * The person asked to ship. The dialog stays open until its owner closes it.
   */
  signals[APPLY] =
    g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-ship-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, tracking_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, shipped_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, eta_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ship_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_ship_dialog_init (GdnShipDialog *self)
{
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  g_autofree char *iso = gdn_today ();
  g_autofree char *today = gdn_format_date (iso);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (const GdnEnumValue *v = gdn_enum_transport_mode.values; v->value != NULL; v++)
    gtk_string_list_append (modes, gdn_enum_label (&gdn_enum_transport_mode, v->value));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (modes));
  adw_combo_row_set_selected (self->mode_row, 0);   /* express: what most orders use */
  gtk_editable_set_text (GTK_EDITABLE (self->shipped_row), today);
}

/**
 * gdn_ship_dialog_new:
 * @parent: the window it is transient for
 * @order: the order shipped
 */
GdnShipDialog *
gdn_ship_dialog_new (GtkWindow *parent,
                     GdnOrder  *order)
{
  GdnShipDialog *self;

  g_return_val_if_fail (GDN_IS_ORDER (order), NULL);

  self = g_object_new (GDN_TYPE_SHIP_DIALOG, "transient-for", parent, NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 gdn_record_get_string (GDN_RECORD (order), "order_no"));
  return self;
}

/**
 * gdn_ship_dialog_build_shipment:
 *
 * Returns: (transfer full): a new shipment with what was entered, or %NULL when a date
 *   is not a date (the error names it, and it is shown)
 */
GdnShipment *
gdn_ship_dialog_build_shipment (GdnShipDialog  *self,
                                GError        **error)
{
  g_autoptr(GdnRecord) shipment = GDN_RECORD (gdn_shipment_new ());
  g_autofree char *carrier = row_text (self->carrier_row);
  g_autofree char *tracking = row_text (self->tracking_row);
  g_autofree char *shipped = NULL;
  g_autofree char *eta = NULL;
  g_autoptr(GError) local_error = NULL;
  guint mode = adw_combo_row_get_selected (self->mode_row);

  g_return_val_if_fail (GDN_IS_SHIP_DIALOG (self), NULL);

  if (!read_date (self->shipped_row, "shipped_date", &shipped, &local_error) ||
      !read_date (self->eta_row, "eta", &eta, &local_error))
    {
      gdn_ship_dialog_show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  gdn_record_set_string (shipment, "carrier", carrier);
  gdn_record_set_string (shipment, "tracking_no", tracking);
  gdn_record_set_string (shipment, "shipped_date", shipped);
  gdn_record_set_string (shipment, "eta", eta);
  if (mode < gdn_enum_n_values (&gdn_enum_transport_mode))
    gdn_record_set_string (shipment, "mode", gdn_enum_transport_mode.values[mode].value);
  return GDN_SHIPMENT (g_steal_pointer (&shipment));
}

/**
 * gdn_ship_dialog_get_note:
 *
 * Returns: (transfer full) (nullable): the note for the order's timeline
 */
char *
gdn_ship_dialog_get_note (GdnShipDialog *self)
{
  g_autofree char *note = NULL;

  g_return_val_if_fail (GDN_IS_SHIP_DIALOG (self), NULL);

  note = row_text (self->note_row);
  return *note != '\0' ? g_steal_pointer (&note) : NULL;
}

/**
 * gdn_ship_dialog_show_error:
 *
 * Shows @error and marks the input it names.
 *
 * Returns: %TRUE when the error is about the shipment (or about no field); %FALSE when
 *   it names a field of the order, which the page should show instead
 */
gboolean
gdn_ship_dialog_show_error (GdnShipDialog *self,
                            const GError  *error)
{
  static const char * const order_fields[] = {
    "order_no", "customer_id", "promised_date", "delivery_address", "n_lines",
    "product_code", "quantity", "unit_price", NULL
  };
  const char *field;
  GtkWidget *row = NULL;

  g_return_val_if_fail (GDN_IS_SHIP_DIALOG (self), FALSE);
  g_return_val_if_fail (error != NULL, FALSE);

  field = gdn_validation_error_get_field (error);
  if (field != NULL && g_strv_contains (order_fields, field))
    return FALSE;

  if (g_strcmp0 (field, "carrier") == 0)
    row = GTK_WIDGET (self->carrier_row);
  else if (g_strcmp0 (field, "tracking_no") == 0)
    row = GTK_WIDGET (self->tracking_row);
  else if (g_strcmp0 (field, "shipped_date") == 0)
    row = GTK_WIDGET (self->shipped_row);
  else if (g_strcmp0 (field, "eta") == 0)
    row = GTK_WIDGET (self->eta_row);
  else if (g_strcmp0 (field, "mode") == 0)
    row = GTK_WIDGET (self->mode_row);

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  return TRUE;
}

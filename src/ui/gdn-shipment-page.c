/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-shipment-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <math.h>

#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-record-page.h"
#include "gdn-record-picker.h"
#include "gdn-shipment-page.h"
#include "gdn-validation-error.h"
#include "gdn-window.h"
#include "gdn-workflow.h"

/* One shipment: carrier, transport mode, tracking number, dates, freight, receiver, status
 * and the customer's receipt, with a link to its order. The same page, with an order to
 * choose, records a new shipment; for an order that passed its quality check that also
 * moves the order to shipped, in the same transaction. */

struct _GdnShipmentPage
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
  AdwPreferencesGroup  *order_group;
  AdwActionRow         *order_row;
  AdwEntryRow          *carrier_row;
  AdwComboRow          *mode_row;
  AdwEntryRow          *tracking_row;
  AdwComboRow          *status_row;
  GtkSwitch            *receipt_switch;
  AdwEntryRow          *shipped_row;
  AdwEntryRow          *eta_row;
  AdwEntryRow          *delivered_row;
  AdwEntryRow          *freight_row;
  AdwEntryRow          *receiver_row;

  GdnStore             *store;
  GdnShipment          *shipment;        /* NULL while a new one is being written */
  GdnRecordPicker      *order_picker;
  GtkWidget            *error_widget;
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

static void gdn_shipment_page_record_page_init (GdnRecordPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnShipmentPage, gdn_shipment_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_RECORD_PAGE,
                                                      gdn_shipment_page_record_page_init))

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

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
get_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
clear_error (GdnShipmentPage *self)
{
  if (self->error_widget != NULL)
    gtk_widget_remove_css_class (self->error_widget, "error");
  g_clear_weak_pointer (&self->error_widget);
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static GtkWidget *
widget_for_field (GdnShipmentPage *self,
                  const char      *field)
{
  static const struct { const char *field; gsize offset; } map[] = {
    { "order_id", G_STRUCT_OFFSET (GdnShipmentPage, order_picker) },
    { "carrier", G_STRUCT_OFFSET (GdnShipmentPage, carrier_row) },
    { "mode", G_STRUCT_OFFSET (GdnShipmentPage, mode_row) },
    { "tracking_no", G_STRUCT_OFFSET (GdnShipmentPage, tracking_row) },
    { "status", G_STRUCT_OFFSET (GdnShipmentPage, status_row) },
    { "receipt_confirmed", G_STRUCT_OFFSET (GdnShipmentPage, receipt_switch) },
    { "shipped_date", G_STRUCT_OFFSET (GdnShipmentPage, shipped_row) },
    { "eta", G_STRUCT_OFFSET (GdnShipmentPage, eta_row) },
    { "delivered_date", G_STRUCT_OFFSET (GdnShipmentPage, delivered_row) },
    { "freight", G_STRUCT_OFFSET (GdnShipmentPage, freight_row) },
    { "receiver", G_STRUCT_OFFSET (GdnShipmentPage, receiver_row) },
  };

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].field, field))
      return G_STRUCT_MEMBER (GtkWidget *, self, map[i].offset);
  return NULL;
}

static void
show_error (GdnShipmentPage *self,
            const GError    *error)
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
read_only (GdnShipmentPage *self)
{
  return self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store));
}

static void
set_dirty (GdnShipmentPage *self,
           gboolean         dirty)
{
  self->dirty = dirty;
  /* on a read-only database nothing is saved, whatever is typed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "shipment-page.save",
                                 (dirty || self->shipment == NULL) &&
                                 !read_only (self));
}

static void
on_form_changed_cb (GdnShipmentPage *self)
{
  if (!self->loading)
    set_dirty (self, TRUE);
}

static void
update_title (GdnShipmentPage *self)
{
  GdnRecord *r = GDN_RECORD (self->shipment);
  const char *tracking = gdn_record_get_string (r, "tracking_no");
  const char *carrier = gdn_record_get_string (r, "carrier");
  const char *order_no = gdn_record_get_string (r, "order_no");
  const char *customer = gdn_record_get_string (r, "customer_name");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: a shipment's title, carrier and tracking number: 顺丰速运 SF1234567890 */
  title = tracking ? g_strdup_printf (_("%s %s"), carrier ? carrier : "", tracking)
                   : g_strdup_printf (_("Shipment by %s"), carrier ? carrier : "");
  subtitle = order_no && customer ? g_strdup_printf ("%s · %s", order_no, customer)
                                  : g_strdup (order_no ? order_no : "");
  gtk_label_set_text (self->title_label, g_strstrip (title));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), *subtitle != '\0');
}

static void
load_form (GdnShipmentPage *self)
{
  GdnRecord *r = GDN_RECORD (self->shipment);
  const char *order_no = gdn_record_get_string (r, "order_no");
  const char *customer = gdn_record_get_string (r, "customer_name");
  g_autofree char *order_text = NULL;
  double freight = gdn_record_get_double (r, "freight");
  g_autofree char *freight_text = isnan (freight) ? NULL : gdn_format_amount (freight);
  /* dates as the user's language writes them; collect_date () reads that form back */
  g_autofree char *shipped = gdn_format_date (gdn_record_get_string (r, "shipped_date"));
  g_autofree char *eta = gdn_format_date (gdn_record_get_string (r, "eta"));
  g_autofree char *delivered = gdn_format_date (gdn_record_get_string (r, "delivered_date"));

  self->loading = TRUE;
  clear_error (self);
  update_title (self);

  order_text = order_no && customer ? g_strdup_printf ("%s · %s", order_no, customer)
                                    : g_strdup (order_no ? order_no : "");
  adw_action_row_set_subtitle (self->order_row, order_text);
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_picker), FALSE);

  set_entry (self->carrier_row, gdn_record_get_string (r, "carrier"));
  set_enum_row (self->mode_row, &gdn_enum_transport_mode, TRUE,
                gdn_record_get_string (r, "mode"));
  set_entry (self->tracking_row, gdn_record_get_string (r, "tracking_no"));
  set_enum_row (self->status_row, &gdn_enum_shipment_status, FALSE,
                gdn_record_get_string (r, "status"));
  gtk_switch_set_active (self->receipt_switch, gdn_record_get_bool (r, "receipt_confirmed"));
  set_entry (self->shipped_row, shipped);
  set_entry (self->eta_row, eta);
  set_entry (self->delivered_row, delivered);
  set_entry (self->freight_row, freight_text);
  set_entry (self->receiver_row, gdn_record_get_string (r, "receiver"));

  gtk_widget_set_visible (self->delete_button, TRUE);
  gtk_button_set_label (self->save_button, _("_Save"));

  self->loading = FALSE;
  set_dirty (self, FALSE);
}

/* A date as typed (2026/10/5, 2026年10月5日 …) as stored; what cannot be read is kept as
 * typed, so that the record's check names the field */
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
collect_form (GdnShipmentPage  *self,
              GdnRecord        *r,
              GError          **error)
{
  g_autofree char *carrier = get_entry (self->carrier_row);
  g_autofree char *tracking = get_entry (self->tracking_row);
  g_autofree char *freight = get_entry (self->freight_row);
  g_autofree char *receiver = get_entry (self->receiver_row);
  double amount = NAN;

  if (*freight != '\0' && !gdn_parse_number (freight, &amount))
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "freight",
                                _("Freight: “%s” is not an amount"), freight);
      return FALSE;
    }

  gdn_record_set_string (r, "carrier", carrier);
  gdn_record_set_string (r, "mode", get_enum_row (self->mode_row, &gdn_enum_transport_mode, TRUE));
  gdn_record_set_string (r, "tracking_no", tracking);
  gdn_record_set_string (r, "status",
                         get_enum_row (self->status_row, &gdn_enum_shipment_status, FALSE));
  gdn_record_set_bool (r, "receipt_confirmed", gtk_switch_get_active (self->receipt_switch));
  collect_date (r, "shipped_date", self->shipped_row);
  collect_date (r, "eta", self->eta_row);
  collect_date (r, "delivered_date", self->delivered_row);
  gdn_record_set_double (r, "freight", amount);
  gdn_record_set_string (r, "receiver", receiver);
  return TRUE;
}

static void
finish_change (GdnShipmentPage *self)
{
  load_form (self);
  g_signal_emit (self, signals[SAVED], 0, gdn_record_get_id (GDN_RECORD (self->shipment)));
}

static void
create_shipment (GdnShipmentPage *self)
{
  g_autoptr(GdnShipment) shipment = gdn_shipment_new ();
  GdnRecord *s = GDN_RECORD (shipment);
  GdnRecord *order = gdn_record_picker_get_record (self->order_picker);
  g_autoptr(GError) error = NULL;
  const char *order_status;
  gboolean ok;

  if (!collect_form (self, s, &error))
    {
      show_error (self, error);
      return;
    }
  if (order == NULL)
    {
      gdn_set_validation_error (&error, GDN_VALIDATION_ERROR_REQUIRED, "order_id",
                                _("Choose the order that is shipped"));
      show_error (self, error);
      return;
    }

  /* the first parcel of an order ships it; later parcels only add to it */
  order_status = gdn_record_get_string (order, "status");
  if (g_strcmp0 (order_status, "shipped") == 0 || g_strcmp0 (order_status, "delivered") == 0 ||
      g_strcmp0 (order_status, "closed") == 0)
    {
      gdn_record_set_int (s, "order_id", gdn_record_get_id (order));
      ok = gdn_store_insert (self->store, s, &error);
    }
  else
    ok = gdn_workflow_ship_order (self->store, GDN_ORDER (order), shipment, NULL, &error);

  if (!ok)
    {
      show_error (self, error);
      return;
    }
  gdn_store_reload (self->store, s, NULL);
  g_set_object (&self->shipment, shipment);
  finish_change (self);
}

static gboolean save_shipment (GdnShipmentPage *self);

/* "Overwrite" after a conflict: the shipment was reloaded, so this save goes through */
static gboolean
save_again (GdnRecordPage *page)
{
  return save_shipment (GDN_SHIPMENT_PAGE (page));
}

static gboolean
save_shipment (GdnShipmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!collect_form (self, GDN_RECORD (self->shipment), &error) ||
      !gdn_store_update (self->store, GDN_RECORD (self->shipment), &error))
    {
      show_error (self, error);
      if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT))
        {
          /* the form keeps what was typed; the shipment takes the stored version */
          gdn_store_reload (self->store, GDN_RECORD (self->shipment), NULL);
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
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (widget);

  clear_error (self);
  if (self->shipment == NULL)
    create_shipment (self);
  else
    save_shipment (self);
}

static void
discard_edits (GdnRecordPage *page)
{
  set_dirty (GDN_SHIPMENT_PAGE (page), FALSE);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *tracking;

  if (self->shipment == NULL)
    return;

  tracking = gdn_record_get_string (GDN_RECORD (self->shipment), "tracking_no");
  /* Translators: %s is a tracking number */
  message = tracking ? g_strdup_printf (_("Shipment %s moved to the trash"), tracking)
                     : g_strdup (_("Shipment moved to the trash"));
  if (!gdn_record_page_trash (GDN_RECORD_PAGE (self), self->store, GDN_RECORD (self->shipment),
                              message, discard_edits, &error))
    show_error (self, error);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (widget);

  gdn_record_page_confirm_discard (GDN_RECORD_PAGE (self), self->dirty,
                                   _("The changes to this shipment have "
                                     "not been saved."),
                                   discard_edits);
}

static void
on_order_row_activated_cb (GdnShipmentPage *self)
{
  g_autofree char *target = NULL;
  gint64 order_id;

  if (self->shipment == NULL)
    return;
  order_id = gdn_record_get_int (GDN_RECORD (self->shipment), "order_id");
  target = g_strdup_printf ("orders:%" G_GINT64_FORMAT, order_id);
  if (order_id > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
}

static void
on_store_changed_cb (GdnShipmentPage *self,
                     GType            type,
                     gint64           id,
                     GdnChangeKind    kind)
{
  if (self->shipment == NULL || type != GDN_TYPE_SHIPMENT || kind == GDN_CHANGE_DELETED ||
      (id != gdn_record_get_id (GDN_RECORD (self->shipment)) && kind != GDN_CHANGE_RELOADED))
    return;

  /* delivered with its order elsewhere: show it, unless the person is editing */
  if (!self->dirty && gdn_store_reload (self->store, GDN_RECORD (self->shipment), NULL))
    load_form (self);
}

static void
gdn_shipment_page_constructed (GObject *object)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (object);

  G_OBJECT_CLASS (gdn_shipment_page_parent_class)->constructed (object);

  self->order_picker = gdn_record_picker_new (self->store, GDN_TYPE_ORDER, _("Order"));
  gdn_record_picker_set_fields (self->order_picker, "order_no", "customer_name");
  gdn_query_model_set_sort (gdn_record_picker_get_model (self->order_picker), "created_date",
                            TRUE);
  g_signal_connect_object (self->order_picker, "notify::record-id",
                           G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->order_group, GTK_WIDGET (self->order_picker));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GdnRecordPage ---------------------------------------------------------------- */

static gboolean
record_page_load (GdnRecordPage  *page,
                  gint64          id,
                  GError        **error)
{
  return gdn_shipment_page_load (GDN_SHIPMENT_PAGE (page), id, error);
}

static void
record_page_new_record (GdnRecordPage *page)
{
  gdn_shipment_page_new_shipment (GDN_SHIPMENT_PAGE (page));
}

static gint64
record_page_get_record_id (GdnRecordPage *page)
{
  GdnShipment *shipment = gdn_shipment_page_get_shipment (GDN_SHIPMENT_PAGE (page));

  return shipment != NULL ? gdn_record_get_id (GDN_RECORD (shipment)) : 0;
}

static void
gdn_shipment_page_record_page_init (GdnRecordPageInterface *iface)
{
  iface->load = record_page_load;
  iface->new_record = record_page_new_record;
  iface->get_record_id = record_page_get_record_id;
}

static void
gdn_shipment_page_dispose (GObject *object)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (object);

  g_clear_weak_pointer (&self->error_widget);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_SHIPMENT_PAGE);
  g_clear_object (&self->shipment);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_shipment_page_parent_class)->dispose (object);
}

static void
gdn_shipment_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (object);

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
gdn_shipment_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnShipmentPage *self = GDN_SHIPMENT_PAGE (object);

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
gdn_shipment_page_class_init (GdnShipmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_shipment_page_constructed;
  object_class->dispose = gdn_shipment_page_dispose;
  object_class->get_property = gdn_shipment_page_get_property;
  object_class->set_property = gdn_shipment_page_set_property;

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-shipment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, box);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, order_group);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, order_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, carrier_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, tracking_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, receipt_switch);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, shipped_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, eta_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, freight_row);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentPage, receiver_row);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_order_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "shipment-page.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "shipment-page.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "shipment-page.delete", NULL, delete_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "shipment-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "shipment-page.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "shipment-page.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_shipment_page_init (GdnShipmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_enum_row (self->mode_row, &gdn_enum_transport_mode, _("Not set"));
  setup_enum_row (self->status_row, &gdn_enum_shipment_status, NULL);
}

GdnShipmentPage *
gdn_shipment_page_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_SHIPMENT_PAGE, "store", store, NULL);
}

/**
 * gdn_shipment_page_load:
 * @id: a shipment
 *
 * Shows shipment @id, as the database has it now.
 */
gboolean
gdn_shipment_page_load (GdnShipmentPage  *self,
                        gint64            id,
                        GError          **error)
{
  g_autoptr(GdnRecord) shipment = NULL;

  g_return_val_if_fail (GDN_IS_SHIPMENT_PAGE (self), FALSE);

  shipment = gdn_store_get (self->store, GDN_TYPE_SHIPMENT, id, error);
  if (shipment == NULL)
    return FALSE;
  g_set_object (&self->shipment, GDN_SHIPMENT (shipment));
  load_form (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/**
 * gdn_shipment_page_new_shipment:
 *
 * Empties the page for a new shipment of an order still to choose.
 */
void
gdn_shipment_page_new_shipment (GdnShipmentPage *self)
{
  g_autofree char *today = gdn_today ();

  g_return_if_fail (GDN_IS_SHIPMENT_PAGE (self));

  self->loading = TRUE;
  g_clear_object (&self->shipment);
  clear_error (self);

  gtk_label_set_text (self->title_label, _("New Shipment"));
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->order_picker), TRUE);
  gdn_record_picker_set_record_id (self->order_picker, 0);

  set_entry (self->carrier_row, NULL);
  set_enum_row (self->mode_row, &gdn_enum_transport_mode, TRUE, "express");
  set_entry (self->tracking_row, NULL);
  set_enum_row (self->status_row, &gdn_enum_shipment_status, FALSE, "in_transit");
  gtk_switch_set_active (self->receipt_switch, FALSE);
  {
    g_autofree char *shipped = gdn_format_date (today);

    set_entry (self->shipped_row, shipped);
  }
  set_entry (self->eta_row, NULL);
  set_entry (self->delivered_row, NULL);
  set_entry (self->freight_row, NULL);
  set_entry (self->receiver_row, NULL);

  gtk_widget_set_visible (self->delete_button, FALSE);
  gtk_button_set_label (self->save_button, _("C_reate"));

  self->loading = FALSE;
  set_dirty (self, FALSE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->order_picker));
}

/**
 * gdn_shipment_page_get_shipment:
 *
 * Returns: (transfer none) (nullable): the shipment shown; %NULL for a new one
 */
GdnShipment *
gdn_shipment_page_get_shipment (GdnShipmentPage *self)
{
  g_return_val_if_fail (GDN_IS_SHIPMENT_PAGE (self), NULL);
  return self->shipment;
}

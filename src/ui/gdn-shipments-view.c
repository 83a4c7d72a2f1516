/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-shipments-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-shipment-page.h"
#include "gdn-shipments-view.h"
#include "gdn-record-list.h"
#include "gdn-section.h"
#include "gdn-window.h"

/* The Shipments section: every parcel sent for an order, and one shipment's page. */

struct _GdnShipmentsView
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkBox        *list_box;
  GtkBox        *page_box;

  GdnStore      *store;
  GdnRecordList *list;
  GdnShipmentPage   *page;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gdn_shipments_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnShipmentsView, gdn_shipments_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_shipments_view_section_init))

static void
show_record (GdnShipmentsView *self,
             gint64        id)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!gdn_shipment_page_load (self->page, id, &error))
    {
      if (GDN_IS_WINDOW (root))
        gdn_window_add_toast (GDN_WINDOW (root), adw_toast_new (error->message));
      else
        g_warning ("Cannot open shipment %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }
  gdn_record_list_select_id (self->list, id);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

static void
on_record_activated_cb (GdnShipmentsView  *self,
                        GdnRecord     *record,
                        GdnRecordList *list)
{
  show_record (self, gdn_record_get_id (record));
}

static void
on_page_closed_cb (GdnShipmentsView *self,
                   GdnShipmentPage  *page)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

static void
on_page_saved_cb (GdnShipmentsView *self,
                  gint64        id,
                  GdnShipmentPage  *page)
{
  gdn_record_list_select_id (self->list, id);
}

static void
gdn_shipments_view_open_record (GdnSection *section,
                            gint64      id)
{
  show_record (GDN_SHIPMENTS_VIEW (section), id);
}

static void
gdn_shipments_view_new_record (GdnSection *section)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (section);

  gdn_shipment_page_new_shipment (self->page);
  gtk_stack_set_visible_child_name (self->stack, "record");
}

static void
gdn_shipments_view_focus_search (GdnSection *section)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (section);

  gtk_stack_set_visible_child_name (self->stack, "list");
  gdn_record_list_focus_search (self->list);
}

static void
gdn_shipments_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_shipments_view_open_record;
  iface->new_record = gdn_shipments_view_new_record;
  iface->focus_search = gdn_shipments_view_focus_search;
}

static void
gdn_shipments_view_constructed (GObject *object)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (object);
  GtkWidget *new_button, *content;

  G_OBJECT_CLASS (gdn_shipments_view_parent_class)->constructed (object);

  self->list = gdn_record_list_new (self->store, GDN_TYPE_SHIPMENT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->list), TRUE);
  gdn_record_list_add_column (self->list, "tracking_no", _("Tracking number"), 14, FALSE);
  gdn_record_list_add_column (self->list, "order_no", _("Order"), 14, FALSE);
  gdn_record_list_add_column (self->list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (self->list, "carrier", _("Carrier"), 7, FALSE);
  gdn_record_list_add_column (self->list, "mode", _("Mode"), 8, FALSE);
  gdn_record_list_add_column (self->list, "shipped_date", _("Shipped"), 10, FALSE);
  gdn_record_list_add_column (self->list, "eta", _("ETA"), 10, FALSE);
  gdn_record_list_add_column (self->list, "status", _("Status"), 9, FALSE);
  gdn_record_list_add_filter (self->list, "mode", _("All modes"));
  gdn_record_list_add_filter (self->list, "status", _("All statuses"));
  gdn_record_list_set_sort (self->list, "shipped_date", TRUE);
  gdn_record_list_set_empty_state (self->list, "gdn-shipments-symbolic", _("No Shipments"),
                                   _("Shipments recorded for orders appear here, with their "
                                     "carrier, tracking number and arrival."));
  g_signal_connect_object (self->list, "record-activated",
                           G_CALLBACK (on_record_activated_cb), self, G_CONNECT_SWAPPED);

  new_button = gtk_button_new ();
  content = adw_button_content_new ();
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Shipment"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (new_button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "win.new-record");
  gtk_widget_set_tooltip_text (new_button, _("Record a shipment (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (new_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Shipment"), -1);
  gdn_record_list_add_toolbar_widget (self->list, new_button);
  gtk_box_append (self->list_box, GTK_WIDGET (self->list));

  self->page = gdn_shipment_page_new (self->store);
  gtk_widget_set_vexpand (GTK_WIDGET (self->page), TRUE);
  g_signal_connect_object (self->page, "closed", G_CALLBACK (on_page_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "saved", G_CALLBACK (on_page_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->page_box, GTK_WIDGET (self->page));
}

static void
gdn_shipments_view_dispose (GObject *object)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_SHIPMENTS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_shipments_view_parent_class)->dispose (object);
}

static void
gdn_shipments_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (object);

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
gdn_shipments_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GdnShipmentsView *self = GDN_SHIPMENTS_VIEW (object);

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
gdn_shipments_view_class_init (GdnShipmentsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_shipments_view_constructed;
  object_class->dispose = gdn_shipments_view_dispose;
  object_class->get_property = gdn_shipments_view_get_property;
  object_class->set_property = gdn_shipments_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-shipments-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentsView, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentsView, list_box);
  gtk_widget_class_bind_template_child (widget_class, GdnShipmentsView, page_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_shipments_view_init (GdnShipmentsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_shipments_view_new:
 *
 * Returns: (transfer floating): the view of the Shipments section
 */
GtkWidget *
gdn_shipments_view_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_SHIPMENTS_VIEW, "store", store, NULL);
}

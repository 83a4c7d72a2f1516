/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-orders-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-order-page.h"
#include "gdn-order.h"
#include "gdn-orders-view.h"
#include "gdn-record-list.h"
#include "gdn-section.h"

/* The Orders section: the list of orders, and one order's page in its place when a row
 * is opened. Going elsewhere from a page with unsaved changes asks first. */

typedef enum
{
  PENDING_NONE,
  PENDING_OPEN,
  PENDING_NEW,
  PENDING_SEARCH,
} Pending;

struct _GdnOrdersView
{
  GtkWidget       parent_instance;

  GtkStack       *stack;

  GdnStore       *store;
  GdnRecordList  *list;
  GdnOrderPage   *page;
  Pending         pending;
  gint64          pending_id;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gdn_orders_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnOrdersView, gdn_orders_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_orders_view_section_init))

static gboolean
page_shown (GdnOrdersView *self)
{
  return gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->page);
}

static gint64
page_order_id (GdnOrdersView *self)
{
  GdnOrder *order = gdn_order_page_get_order (self->page);

  return order != NULL ? gdn_record_get_id (GDN_RECORD (order)) : 0;
}

static void
show_page (GdnOrdersView *self)
{
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->page));
  gdn_order_page_focus_first (self->page);
}

static void
open_order (GdnOrdersView *self,
            gint64         id)
{
  g_autoptr(GError) error = NULL;

  if (!gdn_order_page_load (self->page, id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      g_warning ("Cannot open order %" G_GINT64_FORMAT ": %s", id, error->message);
      if (ADW_IS_APPLICATION_WINDOW (root))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-section", "s", "orders");
      return;
    }
  show_page (self);
}

static void
new_order (GdnOrdersView *self)
{
  gdn_order_page_new_order (self->page);
  show_page (self);
}

static void
show_list (GdnOrdersView *self)
{
  gint64 id = page_order_id (self);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  if (id > 0)
    gdn_record_list_select_id (self->list, id);
}

/* Leaves the page (asking about unsaved changes), then does @pending */
static void
leave_page_then (GdnOrdersView *self,
                 Pending        pending,
                 gint64         id)
{
  self->pending = pending;
  self->pending_id = id;
  gdn_order_page_request_close (self->page);
}

static void
on_page_closed_cb (GdnOrdersView *self,
                   GdnOrderPage  *page)
{
  Pending pending = self->pending;

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_OPEN:
      open_order (self, self->pending_id);
      break;
    case PENDING_NEW:
      new_order (self);
      break;
    case PENDING_SEARCH:
      show_list (self);
      gdn_record_list_focus_search (self->list);
      break;
    case PENDING_NONE:
    default:
      show_list (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->list));
      break;
    }
}

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The people who own orders, for the owner filter */
static GStrv
list_owners (GdnOrdersView *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  counts = gdn_store_count_by (self->store, GDN_TYPE_ORDER, "owner", &error);
  if (counts == NULL)
    {
      g_warning ("Cannot list the owners of orders: %s", error->message);
      return g_new0 (char *, 1);
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(const char *) key != '\0')
      g_ptr_array_add (owners, g_strdup (key));
  g_ptr_array_sort (owners, compare_owners);
  g_ptr_array_add (owners, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&owners), FALSE);
}

static void
on_page_close_cancelled_cb (GdnOrdersView *self,
                            GdnOrderPage  *page)
{
  self->pending = PENDING_NONE;
}

static void
on_record_activated_cb (GdnOrdersView *self,
                        GdnRecord     *record,
                        GdnRecordList *list)
{
  open_order (self, gdn_record_get_id (record));
}

static void
new_order_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gdn_section_new_record (GDN_SECTION (widget));
}

/* ---- GdnSection --------------------------------------------------------------------- */

static void
gdn_orders_view_open_record (GdnSection *section,
                             gint64      id)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (section);

  if (page_shown (self) && page_order_id (self) == id)
    return;
  if (page_shown (self) && gdn_order_page_get_modified (self->page))
    leave_page_then (self, PENDING_OPEN, id);
  else
    open_order (self, id);
}

static void
gdn_orders_view_new_record (GdnSection *section)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (section);

  if (page_shown (self) && gdn_order_page_get_modified (self->page))
    leave_page_then (self, PENDING_NEW, 0);
  else
    new_order (self);
}

static void
gdn_orders_view_focus_search (GdnSection *section)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (section);

  if (page_shown (self))
    leave_page_then (self, PENDING_SEARCH, 0);
  else
    gdn_record_list_focus_search (self->list);
}

static void
gdn_orders_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_orders_view_open_record;
  iface->new_record = gdn_orders_view_new_record;
  iface->focus_search = gdn_orders_view_focus_search;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
gdn_orders_view_constructed (GObject *object)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (object);
  g_auto(GStrv) owners = NULL;
  GtkWidget *new_button;

  G_OBJECT_CLASS (gdn_orders_view_parent_class)->constructed (object);

  self->list = gdn_record_list_new (self->store, GDN_TYPE_ORDER);
  gdn_record_list_add_column (self->list, "order_no", _("Order Number"), 15, FALSE);
  gdn_record_list_add_column (self->list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (self->list, "type", _("Type"), 7, FALSE);
  gdn_record_list_add_column (self->list, "status", _("Status"), 10, FALSE);
  gdn_record_list_add_column (self->list, "promised_date", _("Promised"), 10, FALSE);
  gdn_record_list_add_column (self->list, "amount", _("Amount"), 11, FALSE);
  gdn_record_list_add_column (self->list, "owner", _("Owner"), 8, FALSE);
  gdn_record_list_add_filter (self->list, "status", _("All Statuses"));
  gdn_record_list_add_filter (self->list, "type", _("All Types"));
  owners = list_owners (self);
  if (owners[0] != NULL)
    gdn_record_list_add_value_filter (self->list, "owner", _("All Owners"),
                                      (const char * const *) owners);
  gdn_record_list_set_flag_filters (self->list, GDN_FLAGS_OVERDUE | GDN_FLAGS_AT_RISK);
  gdn_record_list_set_sort (self->list, "created_date", TRUE);
  gdn_record_list_set_empty_state (self->list, "gdn-orders-symbolic", _("No Orders Yet"),
                                   _("Start one with New Order (Ctrl+N), or import your order "
                                     "spreadsheet with gendan-cli import."));

  new_button = gtk_button_new_with_mnemonic (_("_New Order"));
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "orders.new");
  gtk_widget_set_tooltip_text (new_button, _("Start a new order (Ctrl+N)"));
  gdn_record_list_add_toolbar_widget (self->list, new_button);

  g_signal_connect_object (self->list, "record-activated", G_CALLBACK (on_record_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");

  self->page = GDN_ORDER_PAGE (gdn_order_page_new (self->store));
  g_signal_connect_object (self->page, "closed", G_CALLBACK (on_page_closed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "close-cancelled",
                           G_CALLBACK (on_page_close_cancelled_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "page");
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
}

static void
gdn_orders_view_dispose (GObject *object)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_ORDERS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_orders_view_parent_class)->dispose (object);
}

static void
gdn_orders_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (object);

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
gdn_orders_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GdnOrdersView *self = GDN_ORDERS_VIEW (object);

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
gdn_orders_view_class_init (GdnOrdersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_orders_view_constructed;
  object_class->dispose = gdn_orders_view_dispose;
  object_class->get_property = gdn_orders_view_get_property;
  object_class->set_property = gdn_orders_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-orders-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnOrdersView, stack);

  gtk_widget_class_install_action (widget_class, "orders.new", NULL, new_order_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_orders_view_init (GdnOrdersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_orders_view_new:
 * @store: where the orders are read and written
 *
 * Returns: the view of the Orders section, a #GdnSection
 */
GtkWidget *
gdn_orders_view_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_ORDERS_VIEW, "store", store, NULL);
}

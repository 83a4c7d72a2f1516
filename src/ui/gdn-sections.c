/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-sections"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-case-page.h"
#include "gdn-contract-page.h"
#include "gdn-customer-page.h"
#include "gdn-customer.h"
#include "gdn-order-page.h"
#include "gdn-section-view.h"
#include "gdn-sections.h"
#include "gdn-shipment-page.h"
#include "gdn-tooltip.h"

/* The sections of records: for each, its list's columns and filters, its page, and its
 * New button. Everything else they share in GdnSectionView. */

/* An icon-and-label New button that runs the window's Ctrl+N */
static GtkWidget *
new_record_button (const char *label,
                   const char *accessible_name,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-record");
  gdn_tooltip_set_quietly (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return button;
}

/* ---- Orders ------------------------------------------------------------------------- */

static int
compare_owners (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The people who own orders, for the owner filter */
static GStrv
list_owners (GdnStore *store)
{
  g_autoptr(GError) error = NULL;
  GStrv owners = gdn_store_list_values (store, GDN_TYPE_ORDER, "owner", &error);

  if (owners == NULL)
    {
      g_warning ("Cannot list the owners of orders: %s", error->message);
      return g_new0 (char *, 1);
    }
  qsort (owners, g_strv_length (owners), sizeof (char *), compare_owners);
  return owners;
}

/**
 * gdn_section_view_new_orders:
 * @store: where the orders are read and written
 *
 * Returns: (transfer floating): the view of the Orders section
 */
GtkWidget *
gdn_section_view_new_orders (GdnStore *store)
{
  GdnRecordList *list;
  GtkWidget *new_button, *view;
  g_auto(GStrv) owners = NULL;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  list = gdn_record_list_new (store, GDN_TYPE_ORDER);
  gdn_record_list_add_column (list, "order_no", _("Order Number"), 15, FALSE);
  gdn_record_list_add_column (list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (list, "type", _("Type"), 7, FALSE);
  gdn_record_list_add_column (list, "status", _("Status"), 10, FALSE);
  gdn_record_list_add_column (list, "promised_date", _("Promised"), 10, FALSE);
  gdn_record_list_add_column (list, "amount", _("Amount"), 11, FALSE);
  gdn_record_list_add_column (list, "owner", _("Owner"), 8, FALSE);
  gdn_record_list_add_filter (list, "status", _("All Statuses"));
  gdn_record_list_add_filter (list, "type", _("All Types"));
  owners = list_owners (store);
  if (owners[0] != NULL)
    gdn_record_list_add_value_filter (list, "owner", _("All Owners"),
                                      (const char * const *) owners);
  gdn_record_list_set_flag_filters (list, GDN_FLAGS_OVERDUE | GDN_FLAGS_AT_RISK);
  gdn_record_list_set_sort (list, "created_date", TRUE);
  gdn_record_list_set_empty_state (list, "gdn-orders-symbolic", _("No Orders Yet"),
                                   _("Start one with New Order (Ctrl+N), or import your order "
                                     "spreadsheet with gendan-cli import."));

  new_button = gtk_button_new_with_mnemonic (_("_New Order"));
  gtk_widget_add_css_class (new_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (new_button), "orders.new");
  gdn_tooltip_set_quietly (new_button, _("Start a new order (Ctrl+N)"));
  gdn_record_list_add_toolbar_widget (list, new_button);

  view = gdn_section_view_new ("orders", list, gdn_order_page_new);
  gdn_section_view_set_transition (GDN_SECTION_VIEW (view),
                                   GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT, 150);
  return view;
}

/* ---- Customers ---------------------------------------------------------------------- */

static const struct
{
  const char *field;
  const char *title;
  int         width_chars;
  gboolean    expand;
} customer_columns[] = {
  { "code", NC_("customer list", "Code"), 10, FALSE },
  { "name", NC_("customer list", "Name"), 0, TRUE },
  { "short_name", NC_("customer list", "Short Name"), 11, FALSE },
  { "tier", NC_("customer list", "Tier"), 11, FALSE },
  { "status", NC_("customer list", "Status"), 8, FALSE },
  { "industry", NC_("customer list", "Industry"), 11, FALSE },
  { "owner", NC_("customer list", "Owner"), 8, FALSE },
};

/**
 * gdn_section_view_new_customers:
 * @store: where the customers are read and written
 *
 * Returns: (transfer floating): the view of the Customers section
 */
GtkWidget *
gdn_section_view_new_customers (GdnStore *store)
{
  GdnRecordList *list;
  GtkWidget *new_button, *view;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  list = gdn_record_list_new (store, GDN_TYPE_CUSTOMER);
  for (guint i = 0; i < G_N_ELEMENTS (customer_columns); i++)
    gdn_record_list_add_column (list, customer_columns[i].field,
                                g_dpgettext2 (GETTEXT_PACKAGE, "customer list",
                                              customer_columns[i].title),
                                customer_columns[i].width_chars, customer_columns[i].expand);
  gdn_record_list_add_filter (list, "tier", _("All tiers"));
  gdn_record_list_add_filter (list, "status", _("All statuses"));
  gdn_record_list_set_sort (list, "code", FALSE);
  gdn_record_list_set_empty_state (list, "system-users-symbolic", _("No Customers Yet"),
                                   _("Add a customer with New Customer (Ctrl+N), or import "
                                     "your customer list with gendan-cli import."));
  new_button = new_record_button (_("_New Customer"), _("New Customer"),
                                  _("Add a customer (Ctrl+N)"));
  gtk_widget_add_css_class (new_button, "suggested-action");
  gdn_record_list_add_toolbar_widget (list, new_button);

  view = gdn_section_view_new ("customers", list, gdn_customer_page_new);
  gdn_section_view_set_transition (GDN_SECTION_VIEW (view), GTK_STACK_TRANSITION_TYPE_CROSSFADE,
                                   200);
  /* the customer page leaves going back to the view: "customers.back" */
  gdn_section_view_add_back_shortcuts (GDN_SECTION_VIEW (view));
  return view;
}

/* ---- Cases -------------------------------------------------------------------------- */

static GtkWidget *
case_page_new (GdnStore *store)
{
  return GTK_WIDGET (gdn_case_page_new (store));
}

/**
 * gdn_section_view_new_cases:
 * @store: where the cases are read and written
 *
 * Returns: (transfer floating): the view of the Cases section
 */
GtkWidget *
gdn_section_view_new_cases (GdnStore *store)
{
  GdnRecordList *list;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  list = gdn_record_list_new (store, GDN_TYPE_CASE);
  gdn_record_list_add_column (list, "case_no", _("Case number"), 14, FALSE);
  gdn_record_list_add_column (list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (list, "type", _("Type"), 9, FALSE);
  gdn_record_list_add_column (list, "category", _("Category"), 12, FALSE);
  gdn_record_list_add_column (list, "priority", _("Priority"), 7, FALSE);
  gdn_record_list_add_column (list, "status", _("Status"), 9, FALSE);
  gdn_record_list_add_column (list, "opened_at", _("Opened"), 15, FALSE);
  gdn_record_list_add_filter (list, "type", _("All types"));
  gdn_record_list_add_filter (list, "category", _("All categories"));
  gdn_record_list_add_filter (list, "priority", _("All priorities"));
  gdn_record_list_add_filter (list, "status", _("All statuses"));
  gdn_record_list_set_flag_filters (list, GDN_FLAGS_RESPONSE_BREACH);
  gdn_record_list_set_flag_label (list, GDN_FLAGS_RESPONSE_BREACH, _("Response overdue"));
  gdn_record_list_set_sort (list, "opened_at", TRUE);
  gdn_record_list_set_empty_state (list, "gdn-cases-symbolic", _("No Cases"),
                                   _("After-sales requests and complaints appear here. "
                                     "Open one with Ctrl+N."));
  gdn_record_list_add_toolbar_widget (list, new_record_button (_("_New Case"), _("New Case"),
                                                               _("Open a new case (Ctrl+N)")));

  return gdn_section_view_new ("cases", list, case_page_new);
}

/* ---- Shipments ---------------------------------------------------------------------- */

static GtkWidget *
shipment_page_new (GdnStore *store)
{
  return GTK_WIDGET (gdn_shipment_page_new (store));
}

/**
 * gdn_section_view_new_shipments:
 * @store: where the shipments are read and written
 *
 * Returns: (transfer floating): the view of the Shipments section
 */
GtkWidget *
gdn_section_view_new_shipments (GdnStore *store)
{
  GdnRecordList *list;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  list = gdn_record_list_new (store, GDN_TYPE_SHIPMENT);
  gdn_record_list_add_column (list, "tracking_no", _("Tracking number"), 15, FALSE);
  gdn_record_list_add_column (list, "order_no", _("Order"), 14, FALSE);
  gdn_record_list_add_column (list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (list, "carrier", _("Carrier"), 12, FALSE);
  gdn_record_list_add_column (list, "mode", _("Mode"), 8, FALSE);
  gdn_record_list_add_column (list, "shipped_date", _("Shipped"), 10, FALSE);
  gdn_record_list_add_column (list, "eta", _("ETA"), 10, FALSE);
  gdn_record_list_add_column (list, "status", _("Status"), 10, FALSE);
  gdn_record_list_add_filter (list, "mode", _("All modes"));
  gdn_record_list_add_filter (list, "status", _("All statuses"));
  gdn_record_list_set_sort (list, "shipped_date", TRUE);
  gdn_record_list_set_empty_state (list, "gdn-shipments-symbolic", _("No Shipments"),
                                   _("Shipments recorded for orders appear here, with their "
                                     "carrier, tracking number and arrival."));
  gdn_record_list_add_toolbar_widget (list,
                                      new_record_button (_("_New Shipment"), _("New Shipment"),
                                                         _("Record a shipment (Ctrl+N)")));

  return gdn_section_view_new ("shipments", list, shipment_page_new);
}

/* ---- Contracts ---------------------------------------------------------------------- */

static GtkWidget *
contract_page_new (GdnStore *store)
{
  return GTK_WIDGET (gdn_contract_page_new (store));
}

/**
 * gdn_section_view_new_contracts:
 * @store: where the contracts are read and written
 *
 * Returns: (transfer floating): the view of the Contracts section
 */
GtkWidget *
gdn_section_view_new_contracts (GdnStore *store)
{
  GdnRecordList *list;

  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  list = gdn_record_list_new (store, GDN_TYPE_CONTRACT);
  gdn_record_list_add_column (list, "contract_no", _("Contract number"), 14, FALSE);
  gdn_record_list_add_column (list, "customer_name", _("Customer"), 0, TRUE);
  gdn_record_list_add_column (list, "title", _("Title"), 0, TRUE);
  gdn_record_list_add_column (list, "amount", _("Amount"), 12, FALSE);
  gdn_record_list_add_column (list, "signed_date", _("Signed"), 10, FALSE);
  gdn_record_list_add_column (list, "status", _("Status"), 9, FALSE);
  gdn_record_list_add_filter (list, "status", _("All statuses"));
  gdn_record_list_set_sort (list, "contract_no", TRUE);
  gdn_record_list_set_empty_state (list, "gdn-contracts-symbolic", _("No Contracts"),
                                   _("Contracts with their review, amendments and signed "
                                     "files appear here. Write one with Ctrl+N."));
  gdn_record_list_add_toolbar_widget (list,
                                      new_record_button (_("_New Contract"), _("New Contract"),
                                                         _("Write a new contract (Ctrl+N)")));

  return gdn_section_view_new ("contracts", list, contract_page_new);
}

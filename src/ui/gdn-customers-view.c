/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-customers-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-customer-page.h"
#include "gdn-customer.h"
#include "gdn-customers-view.h"
#include "gdn-record-list.h"
#include "gdn-section.h"
#include "gdn-window.h"

/* The Customers section: the list of customers, and one customer's page in its place when
 * a row is opened. Leaving a page with unsaved changes asks first. */

typedef enum
{
  NEXT_LIST,     /* back to the list */
  NEXT_OPEN,     /* another customer's page */
  NEXT_NEW,      /* an empty form */
  NEXT_SEARCH,   /* the list, with the cursor in its search field */
} Next;

struct _GdnCustomersView
{
  GtkWidget         parent_instance;

  GdnStore         *store;
  GdnRecordList    *list;
  GdnCustomerPage  *page;
  GtkWidget        *confirm;    /* the "Save changes?" dialog while it is open */
  Next              next;
  gint64            next_id;

  GtkStack         *stack;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *field;
  const char *title;
  int         width_chars;
  gboolean    expand;
} columns[] = {
  { "code", NC_("customer list", "Code"), 10, FALSE },
  { "name", NC_("customer list", "Name"), 0, TRUE },
  { "short_name", NC_("customer list", "Short Name"), 11, FALSE },
  { "tier", NC_("customer list", "Tier"), 11, FALSE },
  { "status", NC_("customer list", "Status"), 8, FALSE },
  { "industry", NC_("customer list", "Industry"), 11, FALSE },
  { "owner", NC_("customer list", "Owner"), 8, FALSE },
};

static void gdn_customers_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnCustomersView, gdn_customers_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_customers_view_section_init))

static gboolean
showing_page (GdnCustomersView *self)
{
  return gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->page);
}

static void
show_list (GdnCustomersView *self)
{
  gint64 id = gdn_customer_page_get_customer_id (self->page);

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  /* back where the person left: on the row of the customer just seen */
  if (id > 0)
    gdn_record_list_select_id (self->list, id);
}

static void
go_next (GdnCustomersView *self)
{
  g_autoptr(GError) error = NULL;

  switch (self->next)
    {
    case NEXT_LIST:
      show_list (self);
      gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
      break;

    case NEXT_SEARCH:
      show_list (self);
      gdn_record_list_focus_search (self->list);
      break;

    case NEXT_NEW:
      gdn_customer_page_start_new (self->page);
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->page));
      gdn_customer_page_focus_form (self->page);
      break;

    case NEXT_OPEN:
      if (!gdn_customer_page_load (self->page, self->next_id, &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

          if (GDN_IS_WINDOW (root))
            gdn_window_add_toast (GDN_WINDOW (root), adw_toast_new (error->message));
          return;
        }
      gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->page));
      gdn_customer_page_focus_tabs (self->page);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
on_confirm_response_cb (GdnCustomersView *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  self->confirm = NULL;
  if (g_str_equal (response, "save"))
    {
      if (gdn_customer_page_save (self->page))
        go_next (self);
    }
  else if (g_str_equal (response, "discard"))
    go_next (self);
}

/* Runs @next at once, or after asking what to do with the changes typed on the page */
static void
leave_page_then (GdnCustomersView *self,
                 Next              next,
                 gint64            id)
{
  AdwMessageDialog *dialog;
  GtkRoot *root;

  self->next = next;
  self->next_id = id;

  /* already there */
  if (next == NEXT_OPEN && showing_page (self) &&
      id == gdn_customer_page_get_customer_id (self->page))
    return;

  if (!showing_page (self) || !gdn_customer_page_get_dirty (self->page))
    {
      go_next (self);
      return;
    }
  if (self->confirm != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Save Changes?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, _("The details of “%s” were changed but not saved."),
                                  gdn_customer_page_get_title (self->page));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->confirm = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  leave_page_then (GDN_CUSTOMERS_VIEW (widget), NEXT_LIST, 0);
}

static void
on_record_activated_cb (GdnCustomersView *self,
                        GdnRecord        *record,
                        GdnRecordList    *list)
{
  leave_page_then (self, NEXT_OPEN, gdn_record_get_id (record));
}

static void
on_page_deleted_cb (GdnCustomersView *self,
                    GdnCustomerPage  *page)
{
  self->next = NEXT_LIST;
  go_next (self);
}

static void
on_visible_child_changed_cb (GdnCustomersView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.back", showing_page (self));
}

static void
gdn_customers_view_open_record (GdnSection *section,
                                gint64      id)
{
  leave_page_then (GDN_CUSTOMERS_VIEW (section), NEXT_OPEN, id);
}

static void
gdn_customers_view_new_record (GdnSection *section)
{
  leave_page_then (GDN_CUSTOMERS_VIEW (section), NEXT_NEW, 0);
}

static void
gdn_customers_view_focus_search (GdnSection *section)
{
  leave_page_then (GDN_CUSTOMERS_VIEW (section), NEXT_SEARCH, 0);
}

static void
gdn_customers_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_customers_view_open_record;
  iface->new_record = gdn_customers_view_new_record;
  iface->focus_search = gdn_customers_view_focus_search;
}

static GtkWidget *
new_customer_button (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_New Customer"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.new-record");
  gtk_widget_set_tooltip_text (button, _("Add a customer (Ctrl+N)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New Customer"), -1);
  gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
gdn_customers_view_constructed (GObject *object)
{
  GdnCustomersView *self = GDN_CUSTOMERS_VIEW (object);

  G_OBJECT_CLASS (gdn_customers_view_parent_class)->constructed (object);

  self->list = gdn_record_list_new (self->store, GDN_TYPE_CUSTOMER);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    gdn_record_list_add_column (self->list, columns[i].field,
                                g_dpgettext2 (GETTEXT_PACKAGE, "customer list", columns[i].title),
                                columns[i].width_chars, columns[i].expand);
  gdn_record_list_add_filter (self->list, "tier", _("All tiers"));
  gdn_record_list_add_filter (self->list, "status", _("All statuses"));
  gdn_record_list_set_sort (self->list, "code", FALSE);
  gdn_record_list_set_empty_state (self->list, "system-users-symbolic", _("No Customers Yet"),
                                   _("Add a customer with New Customer (Ctrl+N), or import "
                                     "your customer list with gendan-cli import."));
  gdn_record_list_add_toolbar_widget (self->list, new_customer_button ());
  g_signal_connect_object (self->list, "record-activated", G_CALLBACK (on_record_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");

  self->page = GDN_CUSTOMER_PAGE (gdn_customer_page_new (self->store));
  g_signal_connect_object (self->page, "deleted", G_CALLBACK (on_page_deleted_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "page");

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  on_visible_child_changed_cb (self);
}

static void
gdn_customers_view_dispose (GObject *object)
{
  GdnCustomersView *self = GDN_CUSTOMERS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CUSTOMERS_VIEW);
  self->list = NULL;
  self->page = NULL;
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_customers_view_parent_class)->dispose (object);
}

static void
gdn_customers_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GdnCustomersView *self = GDN_CUSTOMERS_VIEW (object);

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
gdn_customers_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GdnCustomersView *self = GDN_CUSTOMERS_VIEW (object);

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
gdn_customers_view_class_init (GdnCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_customers_view_constructed;
  object_class->dispose = gdn_customers_view_dispose;
  object_class->get_property = gdn_customers_view_get_property;
  object_class->set_property = gdn_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnCustomersView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customers.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "customers.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "customers.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_customers_view_init (GdnCustomersView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_customers_view_new:
 *
 * Returns: the view of the Customers section
 */
GtkWidget *
gdn_customers_view_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_CUSTOMERS_VIEW, "store", store, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-customers-ui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-contact-dialog.h"
#include "gdn-contact-map.h"
#include "gdn-customer-page.h"
#include "gdn-customer.h"
#include "gdn-section-view.h"
#include "gdn-interaction-dialog.h"
#include "gdn-record-list.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"

/* The Customers section in a real window, driven as a person would: typing into the rows,
 * pressing the buttons, and reading the database afterwards. */

static gboolean
is_combo_row_titled (GtkWidget     *widget,
                     gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_visible_warning_label (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "warning") &&
         gtk_widget_is_visible (widget);
}

static gboolean
is_visible_error_label (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error") &&
         gtk_widget_is_visible (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

static gboolean
is_customers_view (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GDN_IS_SECTION_VIEW (widget) &&
         g_strcmp0 (gdn_section_view_get_section (GDN_SECTION_VIEW (widget)), "customers") == 0;
}

/* The section view around the customer page: the Customers section's */
static GtkWidget *
find_customers_view (GtkWindow *window)
{
  GtkWidget *view = gdn_ui_test_find_widget (GTK_WIDGET (window), is_customers_view, NULL);

  g_assert_nonnull (view);
  return view;
}

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = gdn_ui_test_find_widget (root, gdn_ui_test_is_entry_row_titled, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  return row;
}

static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = gdn_ui_test_find_widget (root, is_combo_row_titled, title);

  if (row == NULL)
    g_error ("no combo row “%s”", title);
  return ADW_COMBO_ROW (row);
}

/* Clicks the button bound to @action_name, as a person would */
static void
click (GtkWidget  *root,
       const char *action_name)
{
  GtkWidget *button = gdn_ui_test_find_widget (root, gdn_ui_test_has_action_name, action_name);

  if (button == NULL)
    g_error ("no button for %s", action_name);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_entry_row (root, title)), text);
}

/* Picks the item of a combo row by its label */
static void
choose (GtkWidget  *root,
        const char *title,
        const char *label)
{
  AdwComboRow *row = find_combo_row (root, title);
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("no “%s” in “%s”", label, title);
}

static gboolean
no_toplevel (gpointer type)
{
  return gdn_ui_test_find_toplevel (GPOINTER_TO_SIZE (type)) == NULL;
}

static gint64
count (GdnStore   *store,
       const char *sql)
{
  return gdn_test_count (store, sql);
}

/* ------------------------------------------------------------------------------------- */

static void
add_contact_through_dialog (GtkWindow  *window,
                            const char *name,
                            const char *role,
                            const char *stance)
{
  GtkWindow *dialog;

  click (GTK_WIDGET (window), "customer.add-contact");
  dialog = gdn_ui_test_find_toplevel (GDN_TYPE_CONTACT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == window);
  g_assert_true (gtk_window_get_modal (dialog));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, dialog);

  type_into (GTK_WIDGET (dialog), "Name", name);
  type_into (GTK_WIDGET (dialog), "Title", "采购经理");
  choose (GTK_WIDGET (dialog), "Buying role", role);
  choose (GTK_WIDGET (dialog), "Stance", stance);
  click (GTK_WIDGET (dialog), "contact.save");
  gdn_ui_test_wait_for (no_toplevel, GSIZE_TO_POINTER (GDN_TYPE_CONTACT_DIALOG));
}

static gboolean
warning_shown (gpointer page)
{
  return gdn_ui_test_find_widget (page, is_visible_warning_label, NULL) != NULL;
}

static gboolean
warning_hidden (gpointer page)
{
  return !warning_shown (page);
}

typedef struct
{
  GdnRecordList *list;
  guint          n;
} ListCount;

static gboolean
list_has_n (gpointer data)
{
  ListCount *c = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gdn_record_list_get_model (c->list))) == c->n;
}

static gboolean
showing_list (gpointer data)
{
  GdnRecordList *list = data;

  return gtk_widget_get_mapped (GTK_WIDGET (list));
}

static gboolean
is_action_row_titled (GtkWidget     *widget,
                      gconstpointer  title)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
log_has_entry (gpointer page)
{
  return gdn_ui_test_find_widget (page, is_action_row_titled, "确认12月交期，客户要求分两批发货") != NULL;
}

static void
check_customer_file (GdnApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  GdnStore *store = gdn_application_get_store (app);
  GtkWidget *view, *page, *error_label, *name_row, *search, *warning;
  GdnContactMap *map;
  GdnRecordList *list;
  GtkWindow *dialog;
  GtkTextBuffer *buffer;
  g_autofree char *economic = NULL;
  g_autofree char *opponent = NULL;
  g_autofree char *sql = NULL;
  ListCount one;
  gint64 id;

  gdn_window_set_section (GDN_WINDOW (window), "customers");
  view = find_customers_view (window);
  list = GDN_RECORD_LIST (gdn_ui_test_get_widget_of_type (view, GDN_TYPE_RECORD_LIST));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gdn_record_list_get_model (list))),
                    ==, 1);

  /* New customer (the toolbar button, as Ctrl+N): an empty form */
  click (view, "win.new-record");
  page = gdn_ui_test_get_widget_of_type (view, GDN_TYPE_CUSTOMER_PAGE);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_cmpstr (gdn_customer_page_get_title (GDN_CUSTOMER_PAGE (page)), ==, "New Customer");

  /* Without a name: the error names the field, its row is marked, nothing is saved */
  type_into (page, "Customer code", "C0101");
  type_into (page, "Short name", "华强电子");
  click (page, "customer.save");
  error_label = gdn_ui_test_find_widget (page, is_visible_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Customer name"));
  name_row = find_entry_row (page, "Customer name");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers"), ==, 1);
  /* what was typed stays */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (page, "Customer code"))),
                   ==, "C0101");

  /* With the name: saved, and the mark goes */
  type_into (page, "Customer name", "深圳市华强电子有限公司");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  choose (page, "Tier", "Key account");
  click (page, "customer.save");
  g_assert_null (gdn_ui_test_find_widget (page, is_visible_error_label, NULL));
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers"), ==, 2);
  id = gdn_customer_page_get_customer_id (GDN_CUSTOMER_PAGE (page));
  g_assert_cmpint (id, >, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE id = %" G_GINT64_FORMAT
                         " AND code = 'C0101' AND name = '深圳市华强电子有限公司'"
                         " AND short_name = '华强电子' AND tier = 'key' AND status = 'active'",
                         id);
  g_assert_cmpint (count (store, sql), ==, 1);
  g_assert_cmpstr (gdn_customer_page_get_title (GDN_CUSTOMER_PAGE (page)), ==,
                   "深圳市华强电子有限公司");
  g_assert_false (gdn_customer_page_get_dirty (GDN_CUSTOMER_PAGE (page)));

  /* No contact yet: no economic buyer known */
  gdn_ui_test_wait_for (warning_shown, page);

  /* Two contacts: the economic buyer on our side, and a technical buyer against us */
  add_contact_through_dialog (window, "陈晓梅", "Economic buyer", "Supporter");
  gdn_ui_test_wait_for (warning_hidden, page);
  add_contact_through_dialog (window, "刘志强", "Technical buyer", "Opponent");
  gdn_ui_test_wait_for (warning_shown, page);
  warning = gdn_ui_test_find_widget (page, is_visible_warning_label, NULL);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (warning)), "刘志强"));

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contacts WHERE customer_id = %" G_GINT64_FORMAT
                         " AND ((name = '陈晓梅' AND role = 'economic' AND stance = 'supporter'"
                         " AND is_primary = 1)"
                         " OR (name = '刘志强' AND role = 'technical' AND stance = 'opponent'"
                         " AND is_primary = 0))", id);
  g_assert_cmpint (count (store, sql), ==, 2);

  /* The map puts each name in its cell */
  map = GDN_CONTACT_MAP (gdn_ui_test_get_widget_of_type (page, GDN_TYPE_CONTACT_MAP));
  economic = gdn_contact_map_describe_cell (map, "economic", "supporter");
  opponent = gdn_contact_map_describe_cell (map, "technical", "opponent");
  g_assert_cmpstr (economic, ==, "陈晓梅");
  g_assert_cmpstr (opponent, ==, "刘志强");

  /* A log entry, with the primary contact chosen for us */
  click (page, "customer.add-entry");
  dialog = gdn_ui_test_find_toplevel (GDN_TYPE_INTERACTION_DIALOG);
  g_assert_nonnull (dialog);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, dialog);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gdn_ui_test_get_widget_of_type (GTK_WIDGET (dialog),
                                                                  GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (buffer, "确认12月交期，客户要求分两批发货", -1);
  type_into (GTK_WIDGET (dialog), "Next follow-up", "2026/12/1");
  click (GTK_WIDGET (dialog), "interaction.save");
  gdn_ui_test_wait_for (no_toplevel, GSIZE_TO_POINTER (GDN_TYPE_INTERACTION_DIALOG));

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM interactions i JOIN contacts c"
                         " ON c.id = i.contact_id WHERE i.customer_id = %" G_GINT64_FORMAT
                         " AND c.name = '陈晓梅' AND i.channel = 'phone'"
                         " AND i.direction = 'out' AND i.next_follow_up = '2026-12-01'"
                         " AND i.summary = '确认12月交期，客户要求分两批发货'"
                         " AND i.who IS NOT NULL", id);
  g_assert_cmpint (count (store, sql), ==, 1);
  gdn_ui_test_wait_for (log_has_entry, page);

  /* Back to the list (Escape), where a two-character Chinese search finds the customer */
  g_assert_true (gtk_widget_activate_action (page, "customers.back", NULL));
  gdn_ui_test_wait_for (showing_list, list);
  search = gdn_ui_test_get_widget_of_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "华强");
  one.list = list;
  one.n = 1;
  gdn_ui_test_wait_for (list_has_n, &one);
  {
    GListModel *model = G_LIST_MODEL (gdn_record_list_get_model (list));
    g_autoptr(GdnRecord) found = g_list_model_get_item (model, 0);

    g_assert_cmpint (gdn_record_get_id (found), ==, id);
  }

  /* Enter opens the match; deleting it moves it to the trash, and Undo brings it back */
  g_signal_emit_by_name (search, "activate");
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_cmpint (gdn_customer_page_get_customer_id (GDN_CUSTOMER_PAGE (page)), ==, id);
  click (page, "customer.delete");
  gdn_ui_test_wait_for (showing_list, list);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE id = %" G_GINT64_FORMAT
                         " AND deleted_at IS NOT NULL", id);
  g_assert_cmpint (count (store, sql), ==, 1);
  one.n = 0;
  gdn_ui_test_wait_for (list_has_n, &one);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (count (store, sql), ==, 0);
  one.n = 1;
  gdn_ui_test_wait_for (list_has_n, &one);
}

static void
test_customer_file (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) other = NULL;
  g_autoptr(GError) error = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  /* Another customer, so that the search has something to leave out */
  path = gdn_test_tmp_path ("gendan.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  other = gdn_record_new (GDN_TYPE_CUSTOMER);
  gdn_record_set_string (other, "code", "C0002");
  gdn_record_set_string (other, "name", "东莞市长安五金制品厂");
  g_assert_true (gdn_store_insert (store, other, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_customer_file, NULL), ==, 0);
}

/* Leaving a page with unsaved changes asks; Discard leaves the database as it was */

static gboolean
has_message_dialog (gpointer data)
{
  return gdn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
check_unsaved_changes (GdnApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  GdnStore *store = gdn_application_get_store (app);
  GtkWidget *view, *page;
  GdnRecordList *list;
  AdwMessageDialog *dialog;

  gdn_window_set_section (GDN_WINDOW (window), "customers");
  view = find_customers_view (window);
  list = GDN_RECORD_LIST (gdn_ui_test_get_widget_of_type (view, GDN_TYPE_RECORD_LIST));

  /* win.open-record, as a link from an order does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             "customers:1"));
  page = gdn_ui_test_get_widget_of_type (view, GDN_TYPE_CUSTOMER_PAGE);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_entry_row (page, "Customer name"))),
                   ==, "东莞市长安五金制品厂");
  g_assert_false (gdn_customer_page_get_dirty (GDN_CUSTOMER_PAGE (page)));

  type_into (page, "Customer name", "东莞市长安五金");
  g_assert_true (gdn_customer_page_get_dirty (GDN_CUSTOMER_PAGE (page)));
  g_assert_true (gtk_widget_activate_action (page, "customers.back", NULL));
  gdn_ui_test_wait_for (has_message_dialog, NULL);
  dialog = ADW_MESSAGE_DIALOG (gdn_ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  adw_message_dialog_response (dialog, "discard");
  gdn_ui_test_wait_for (showing_list, list);
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers WHERE name = '东莞市长安五金制品厂'"),
                   ==, 1);

  /* Ctrl+S saves from anywhere on the page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             "customers:1"));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  type_into (page, "Phone", "0769-85321234");
  g_assert_true (gtk_widget_activate_action (page, "customer.save", NULL));
  g_assert_cmpint (count (store, "SELECT count(*) FROM customers WHERE phone = '0769-85321234'"),
                   ==, 1);
  g_assert_false (gdn_customer_page_get_dirty (GDN_CUSTOMER_PAGE (page)));
}

static void
test_unsaved_changes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  path = gdn_test_tmp_path ("gendan.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  customer = gdn_record_new (GDN_TYPE_CUSTOMER);
  gdn_record_set_string (customer, "code", "C0002");
  gdn_record_set_string (customer, "name", "东莞市长安五金制品厂");
  g_assert_true (gdn_store_insert (store, customer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gdn_record_get_id (customer), ==, 1);
  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_unsaved_changes, NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/customers-ui/customer-file", test_customer_file);
  g_test_add_func ("/customers-ui/unsaved-changes", test_unsaved_changes);

  return g_test_run ();
}

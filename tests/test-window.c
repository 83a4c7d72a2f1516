/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-format.h"
#include "gdn-order.h"
#include "gdn-preferences-dialog.h"
#include "gdn-shipment.h"
#include "gdn-record-list.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-section-view.h"
#include "gdn-section.h"
#include "gdn-today-view.h"
#include "gdn-window.h"

/* The application runs for real (g_application_run with --database) in a real window;
 * each test's checks run once the first window is mapped, then the app is quit. */

static const char * const section_titles[] = {
  "Today", "Dashboard", "Orders", "Customers", "Cases", "Shipments", "Contracts"
};
static const char * const section_names[] = {
  "today", "dashboard", "orders", "customers", "cases", "shipments", "contracts"
};

static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static gboolean
is_view_stack (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_VIEW_STACK (widget);
}

static gboolean
is_record_list (GtkWidget     *widget,
                gconstpointer  data)
{
  return GDN_IS_RECORD_LIST (widget);
}

static gboolean
is_spin_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_SPIN_BUTTON (widget);
}

static GtkListBox *
get_sidebar (GtkWindow *window)
{
  GtkWidget *sidebar = gdn_ui_test_find_widget (GTK_WIDGET (window), is_sidebar, NULL);

  g_assert_nonnull (sidebar);
  return GTK_LIST_BOX (sidebar);
}

static AdwViewStack *
get_stack (GtkWindow *window)
{
  GtkWidget *stack = gdn_ui_test_find_widget (GTK_WIDGET (window), is_view_stack, NULL);

  g_assert_nonnull (stack);
  return ADW_VIEW_STACK (stack);
}

/* The number of records the section's list shows */
static guint
list_count (GtkWindow  *window,
            const char *section)
{
  GtkWidget *page = adw_view_stack_get_child_by_name (get_stack (window), section);
  GtkWidget *list;

  g_assert_nonnull (page);
  /* a section's view is made when it is first shown */
  gdn_window_set_section (GDN_WINDOW (window), section);
  list = gdn_ui_test_find_widget (page, is_record_list, NULL);
  if (list == NULL)
    g_error ("no list in the section “%s”", section);
  /* a list shown for the first time holds a screenful of rows, then all of them */
  gdn_ui_test_wait_for (gdn_ui_test_counts_all_rows,
                        gdn_record_list_get_model (GDN_RECORD_LIST (list)));
  return g_list_model_get_n_items (G_LIST_MODEL (gdn_record_list_get_model (GDN_RECORD_LIST (list))));
}

static void
assert_accel (GdnApplication *app,
              const char     *action,
              const char     *accel)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

  g_assert_true (g_strv_contains ((const char * const *) accels, accel));
}

/* The main menu's button, and whether a menu, or a section of it, has an item for an
 * action */

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i,
                                                                   G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* The sidebar: six sections, each with its accessible name, and selecting one shows it */

static void
check_sections (GdnApplication *app,
                GtkWindow      *window,
                gpointer        data)
{
  GtkListBox *sidebar = get_sidebar (window);
  AdwViewStack *stack = get_stack (window);
  GtkListBoxRow *orders_row;
  GtkWidget *page, *search_button, *menu;
  GtkMenuButton *menu_button;
  GMenuModel *model;
  AdwAboutWindow *about;

  g_assert_true (GDN_IS_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Gendan");

  for (guint i = 0; i < G_N_ELEMENTS (section_titles); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) i);

      g_assert_nonnull (row);
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           section_titles[i]);
      g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (row)));
    }
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, (int) G_N_ELEMENTS (section_titles)));

  /* The window opens on Today, with the sidebar in step */
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "today");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) ==
                 gtk_list_box_get_row_at_index (sidebar, 0));

  /* The sections not shown yet have no view: opening reads no list */
  g_assert_null (gdn_ui_test_find_widget (adw_view_stack_get_child_by_name (stack, "orders"),
                                          is_record_list, NULL));
  g_assert_null (gdn_ui_test_find_widget (adw_view_stack_get_child_by_name (stack, "customers"),
                                          is_record_list, NULL));

  /* Choosing Orders in the sidebar (as a click or Enter does) shows the Orders page */
  orders_row = gtk_list_box_get_row_at_index (sidebar, 2);
  g_signal_emit_by_name (orders_row, "activate");
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "orders");
  /* each section shows its own view (a GdnSection) in place of its overview */
  page = gtk_stack_get_visible_child (GTK_STACK (adw_view_stack_get_visible_child (stack)));
  g_assert_true (GDN_IS_SECTION (page));
  g_assert_true (GDN_IS_SECTION_VIEW (page));
  g_assert_cmpstr (gdn_section_view_get_section (GDN_SECTION_VIEW (page)), ==, "orders");
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_false (gtk_widget_get_mapped (adw_view_stack_get_child_by_name (stack, "today")));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == orders_row);

  /* The Alt+number actions move the sidebar selection along */
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                                 section_names[i]));
      g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, section_names[i]);
      g_assert_true (gtk_list_box_get_selected_row (sidebar) ==
                     gtk_list_box_get_row_at_index (sidebar, (int) i));
    }

  /* The application's shortcuts */
  assert_accel (app, "app.quit", "<Control>q");
  assert_accel (app, "app.preferences", "<Control>comma");
  assert_accel (app, "win.show-help-overlay", "<Control>question");

  /* Ctrl+?: the shortcuts window, made when asked for (not with the window) */
  g_assert_null (gdn_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  {
    GtkWindow *shortcuts = GTK_WINDOW (gdn_ui_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

    g_assert_nonnull (shortcuts);
    g_assert_true (gtk_window_get_transient_for (shortcuts) == window);
    gtk_window_destroy (shortcuts);
  }

  /* About: the name, version and licence */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = ADW_ABOUT_WINDOW (gdn_ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Gendan");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == window);
  gtk_window_destroy (GTK_WINDOW (about));

  /* The search button (Ctrl+F) searches the section shown */
  search_button = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_has_action_name, "win.search");
  g_assert_nonnull (search_button);
  g_assert_true (gtk_widget_get_visible (search_button));
  g_assert_true (gtk_widget_is_sensitive (search_button));
  /* its tooltip, set in code rather than in the template */
  g_assert_true (gtk_widget_get_has_tooltip (search_button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (search_button), ==, "Search");

  /* The main menu (F10) is made when it first opens, with the application's items */
  menu_button = GTK_MENU_BUTTON (gdn_ui_test_find_widget (GTK_WIDGET (window),
                                                          is_primary_menu_button, NULL));
  g_assert_nonnull (menu_button);
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  gtk_menu_button_popup (menu_button);
  menu = GTK_WIDGET (gtk_menu_button_get_popover (menu_button));
  g_assert_true (GTK_IS_POPOVER_MENU (menu));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, menu);
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_nonnull (model);
  g_assert_true (menu_has_action (model, "app.preferences"));
  g_assert_true (menu_has_action (model, "win.report"));
  g_assert_false (menu_has_action (model, "app.quit"));
  gtk_menu_button_popdown (menu_button);
  /* opened again, it is the same menu */
  gtk_menu_button_popup (menu_button);
  g_assert_true (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)) == menu);
  gtk_menu_button_popdown (menu_button);
}

static void
test_sidebar_sections (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("gendan.db");
  g_assert_cmpint (gdn_ui_test_run_app (path, check_sections, NULL), ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

/* A window shown on another section than Today (as a link from a notification does) makes
 * only that section's view, and no record page before a record is opened; the reminders
 * falling due are still looked after, by the window's notifier */

static gboolean
is_today_view (GtkWidget     *widget,
               gconstpointer  data)
{
  return GDN_IS_TODAY_VIEW (widget);
}

static gboolean
has_icon_name (gpointer data)
{
  return gtk_window_get_icon_name (data) != NULL;
}

static void
check_first_section_only (GdnApplication *app,
                          GtkWindow      *window,
                          gpointer        data)
{
  GdnWindow *other = gdn_window_new (GTK_APPLICATION (app),
                                     gdn_window_get_store (GDN_WINDOW (window)));
  GdnReminderNotifier *notifier = gdn_window_get_reminder_notifier (other);
  g_autoptr(GPtrArray) nothing = g_ptr_array_new ();
  g_autofree char *until = NULL;
  AdwViewStack *stack;
  GtkWidget *orders;

  /* what is due when the window opens is no news: from now on */
  g_assert_nonnull (notifier);
  g_assert_nonnull (gdn_reminder_notifier_get_notified_until (notifier));
  until = g_strdup (gdn_reminder_notifier_get_notified_until (notifier));
  gdn_reminder_notifier_update (notifier, nothing, "2000-01-01 00:00:00");
  g_assert_cmpstr (gdn_reminder_notifier_get_notified_until (notifier), ==, until);
  gdn_reminder_notifier_update (notifier, nothing, "2999-01-01 00:00:00");
  g_assert_cmpstr (gdn_reminder_notifier_get_notified_until (notifier), ==,
                   "2999-01-01 00:00:00");

  gdn_window_set_section (other, "orders");
  gtk_window_present (GTK_WINDOW (other));
  /* the window manager's icon comes once the first frame is out, and stays the default */
  g_assert_null (gtk_window_get_icon_name (GTK_WINDOW (other)));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, other);
  gdn_ui_test_wait_for (has_icon_name, other);
  g_assert_cmpstr (gtk_window_get_icon_name (GTK_WINDOW (other)), ==, APP_ID);
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  stack = get_stack (GTK_WINDOW (other));

  orders = gtk_stack_get_child_by_name (GTK_STACK (adw_view_stack_get_child_by_name (stack,
                                                                                      "orders")),
                                        "view");
  g_assert_true (GDN_IS_SECTION_VIEW (orders));
  g_assert_nonnull (gdn_ui_test_find_widget (orders, is_record_list, NULL));
  g_assert_false (gdn_section_view_has_page (GDN_SECTION_VIEW (orders)));
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (other), is_today_view, NULL));

  /* Today is made when first shown (Alt+1) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (other), "win.show-section", "s",
                                             "today"));
  g_assert_nonnull (gdn_ui_test_find_widget (GTK_WIDGET (other), is_today_view, NULL));

  gtk_window_destroy (GTK_WINDOW (other));
}

static void
test_first_section_only (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("gendan.db");
  g_assert_cmpint (gdn_ui_test_run_app (path, check_first_section_only, NULL), ==, 0);
}

/* The overview counts are the rows in the store */

static void
insert (GdnStore  *store,
        GdnRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gdn_store_insert (store, record, &error));
  g_assert_no_error (error);
}

static gint64
add_customer (GdnStore   *store,
              const char *code,
              const char *name,
              const char *status)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CUSTOMER);

  gdn_record_set_string (r, "code", code);
  gdn_record_set_string (r, "name", name);
  gdn_record_set_string (r, "status", status);
  insert (store, r);
  return gdn_record_get_id (r);
}

static void
add_contact (GdnStore   *store,
             gint64      customer_id,
             const char *name)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CONTACT);

  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "name", name);
  insert (store, r);
}

static GdnRecord *
add_order (GdnStore   *store,
           const char *order_no,
           gint64      customer_id,
           const char *status)
{
  GdnRecord *r = gdn_record_new (GDN_TYPE_ORDER);

  gdn_record_set_string (r, "order_no", order_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "type", "regular");
  gdn_record_set_string (r, "source", "email");
  gdn_record_set_string (r, "status", status);
  gdn_record_set_string (r, "created_date", "2026-11-02");
  gdn_record_set_string (r, "promised_date", "2026-12-15");
  gdn_record_set_string (r, "delivery_address", "深圳市福田区华强北路1019号华强广场B座12楼");
  gdn_record_set_string (r, "missing_reason", "订单明细待客户邮件确认");
  insert (store, r);
  return r;
}

static void
add_case (GdnStore   *store,
          const char *case_no,
          gint64      customer_id,
          const char *type,
          const char *status)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CASE);

  gdn_record_set_string (r, "case_no", case_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "type", type);
  gdn_record_set_string (r, "priority", "normal");
  gdn_record_set_string (r, "status", status);
  gdn_record_set_string (r, "opened_at", "2026-11-20 09:30:00");
  insert (store, r);
}

static void
add_shipment (GdnStore   *store,
              gint64      order_id,
              const char *status)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_SHIPMENT);

  gdn_record_set_int (r, "order_id", order_id);
  gdn_record_set_string (r, "carrier", "顺丰速运");
  gdn_record_set_string (r, "status", status);
  insert (store, r);
}

static void
add_contract (GdnStore   *store,
              const char *contract_no,
              gint64      customer_id,
              const char *status)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CONTRACT);

  gdn_record_set_string (r, "contract_no", contract_no);
  gdn_record_set_int (r, "customer_id", customer_id);
  gdn_record_set_string (r, "status", status);
  insert (store, r);
}

static gboolean
orders_list_has_five (gpointer window)
{
  return list_count (window, "orders") == 5;
}

static void
check_counts (GdnApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  GdnStore *store = gdn_application_get_store (app);
  g_autoptr(GdnRecord) order = NULL;

  /* every list shows what the store holds, without the trash */
  g_assert_cmpuint (list_count (window, "orders"), ==, 4);
  g_assert_cmpuint (list_count (window, "customers"), ==, 2);
  g_assert_cmpuint (list_count (window, "cases"), ==, 2);
  g_assert_cmpuint (list_count (window, "shipments"), ==, 3);
  g_assert_cmpuint (list_count (window, "contracts"), ==, 2);

  /* A row written while the window is open shows up without any further action */
  g_assert_nonnull (store);
  order = add_order (store, "SO202611-0006", 1, "in_production");
  gdn_ui_test_wait_for (orders_list_has_five, window);
}

static void
test_counts_match_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) o1 = NULL, o2 = NULL, o3 = NULL, o4 = NULL, o5 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 huaqiang, changan;

  if (!gdn_ui_test_have_display ())
    return;

  path = gdn_test_tmp_path ("华强跟单.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  gdn_store_set_user_name (store, "李娜");

  huaqiang = add_customer (store, "C0001", "深圳市华强电子有限公司", "active");
  changan = add_customer (store, "C0002", "东莞市长安五金制品厂", "prospect");
  add_contact (store, huaqiang, "王建国");
  add_contact (store, huaqiang, "陈晓梅");
  add_contact (store, changan, "刘志强");

  o1 = add_order (store, "SO202611-0001", huaqiang, "inquiry");
  o2 = add_order (store, "SO202611-0002", changan, "quoted");
  o3 = add_order (store, "SO202611-0003", huaqiang, "in_production");
  o4 = add_order (store, "SO202611-0004", huaqiang, "shipped");
  o5 = add_order (store, "SO202611-0005", changan, "closed");
  /* In the trash: counted nowhere */
  g_assert_true (gdn_store_delete (store, o5, &error));
  g_assert_no_error (error);

  add_case (store, "CS202611-001", huaqiang, "complaint", "open");
  add_case (store, "CS202611-002", changan, "repair", "closed");

  add_shipment (store, gdn_record_get_id (o4), "in_transit");
  add_shipment (store, gdn_record_get_id (o3), "delayed");
  add_shipment (store, gdn_record_get_id (o4), "delivered");

  add_contract (store, "HT2026-018", huaqiang, "in_review");
  add_contract (store, "HT2026-019", huaqiang, "executing");

  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_counts, NULL), ==, 0);
}

/* An empty database: zeros, and a hint on Today about how to fill it */

static void
check_empty (GdnApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  GtkWidget *today = adw_view_stack_get_child_by_name (get_stack (window), "today");
  GtkWidget *view = gtk_stack_get_visible_child (GTK_STACK (today));

  g_assert_cmpstr (G_OBJECT_TYPE_NAME (view), ==, "GdnTodayView");
  g_assert_cmpuint (list_count (window, "orders"), ==, 0);
  g_assert_cmpuint (list_count (window, "customers"), ==, 0);
}

static void
test_counts_empty (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("gendan.db");
  g_assert_cmpint (gdn_ui_test_run_app (path, check_empty, NULL), ==, 0);
}

/* A file that cannot be opened: a dialog with the reason, exit status 1, file untouched */

typedef struct
{
  const char *heading;
  const char *body_part;
} ExpectedError;

static void
check_error_dialog (GdnApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  const ExpectedError *expected = data;
  AdwMessageDialog *dialog;

  g_assert_true (ADW_IS_MESSAGE_DIALOG (window));
  dialog = ADW_MESSAGE_DIALOG (window);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected->heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected->body_part));
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_null (gdn_application_get_store (app));
  /* No main window behind it: the dialog has the app's icon itself */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpstr (gtk_window_get_icon_name (window), ==, APP_ID);
}

static void
test_open_not_a_database (void)
{
  ExpectedError expected = { "The Database Cannot Be Read", "not a Gendan database" };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  path = gdn_test_tmp_path ("订单台账.db");
  for (int i = 0; i < 400; i++)
    g_string_append (junk, "深圳市华强电子有限公司,SO202611-0001,已发货\n");
  g_file_set_contents (path, junk->str, (gssize) junk->len, &error);
  g_assert_no_error (error);
  before = gdn_test_file_sha256 (path);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_error_dialog, &expected), ==, 1);

  after = gdn_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_newer_version (void)
{
  ExpectedError expected = { "The Database Needs a Newer Gendan", "newer Gendan" };
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  path = gdn_test_tmp_path ("gendan.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("PRAGMA user_version = %d", GDN_SCHEMA_VERSION + 1);
  g_assert_true (gdn_database_exec (db, sql, &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_error_dialog, &expected), ==, 1);
}

static void
assert_setting (GSettings  *settings,
                const char *key,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

/* The window comes back at the size it was closed with */

static void
check_size (GdnApplication *app,
            GtkWindow      *window,
            gpointer        data)
{
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 1111);
  g_assert_cmpint (height, ==, 777);
  g_assert_false (gtk_window_is_maximized (window));

  gtk_window_set_default_size (window, 1024, 700);
}

static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", 1111);
  g_settings_set_int (settings, "window-height", 777);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  path = gdn_test_tmp_path ("gendan.db");
  g_assert_cmpint (gdn_ui_test_run_app (path, check_size, NULL), ==, 0);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1024);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  assert_setting (settings, "last-database", path);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "last-database");
}

/* Preferences are bound to GSettings, and "your name" is who the store records */



static void
check_preferences (GdnApplication *app,
                   GtkWindow      *window,
                   gpointer        data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GdnStore *store = gdn_application_get_store (app);
  const char *real_name = g_get_real_name ();
  GtkWindow *preferences;
  GtkWidget *name_row, *company_row, *spin;

  if (g_strcmp0 (real_name, "Unknown") == 0)
    real_name = g_get_user_name ();
  g_assert_cmpstr (gdn_store_get_user_name (store), ==, real_name);

  g_assert_null (gdn_ui_test_find_toplevel (GDN_TYPE_PREFERENCES_DIALOG));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = gdn_ui_test_find_toplevel (GDN_TYPE_PREFERENCES_DIALOG);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, preferences);

  name_row = gdn_ui_test_find_widget (GTK_WIDGET (preferences), gdn_ui_test_is_entry_row_titled, "Your name");
  company_row = gdn_ui_test_find_widget (GTK_WIDGET (preferences), gdn_ui_test_is_entry_row_titled, "Company name");
  spin = gdn_ui_test_find_widget (GTK_WIDGET (preferences), is_spin_button, NULL);
  g_assert_nonnull (name_row);
  g_assert_nonnull (company_row);
  g_assert_nonnull (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), ==, 95.0);

  gtk_editable_set_text (GTK_EDITABLE (name_row), "王芳");
  assert_setting (settings, "user-name", "王芳");
  g_assert_cmpstr (gdn_store_get_user_name (store), ==, "王芳");

  gtk_editable_set_text (GTK_EDITABLE (company_row), "深圳市华强电子有限公司");
  assert_setting (settings, "company-name", "深圳市华强电子有限公司");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 90.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "on-time-target"),
                                  0.90, 1e-9);

  /* Emptied again: back to the account's name */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  g_assert_cmpstr (gdn_store_get_user_name (store), ==, real_name);

  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "company-name");
  g_settings_reset (settings, "on-time-target");
}

static void
test_preferences (void)
{
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = gdn_test_tmp_path ("gendan.db");
  g_assert_cmpint (gdn_ui_test_run_app (path, check_preferences, NULL), ==, 0);
}

/* Large counts are grouped, also in the C locale the tests run in */

static void
test_format_count (void)
{
  static const struct { gint64 n; const char *text; } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 1234, "1,234" },
    { 65536, "65,536" },
    { 1234567, "1,234,567" },
    { -1234, "-1,234" },
    { G_MININT64, "-9,223,372,036,854,775,808" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = gdn_format_count (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The "test" accessibility backend keeps every property readable and needs no AT-SPI
   * bus; and without a session bus of its own the app must not start one */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);

  /* Not gdn_test_init(): isolated XDG dirs would hide the MIME database, and GTK could then
   * not tell an SVG icon from any other file */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/format-count", test_format_count);
  g_test_add_func ("/window/sidebar/sections", test_sidebar_sections);
  g_test_add_func ("/window/sections/shown-first-only", test_first_section_only);
  g_test_add_func ("/window/lists/match-store", test_counts_match_store);
  g_test_add_func ("/window/lists/empty", test_counts_empty);
  g_test_add_func ("/window/open/not-a-database", test_open_not_a_database);
  g_test_add_func ("/window/open/newer-version", test_open_newer_version);
  g_test_add_func ("/window/settings/size", test_window_size_remembered);
  g_test_add_func ("/window/preferences", test_preferences);

  return g_test_run ();
}

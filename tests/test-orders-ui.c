/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-orders-ui"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-contact.h"
#include "gdn-customer.h"
#include "gdn-order-event.h"
#include "gdn-order-lines-editor.h"
#include "gdn-order-page.h"
#include "gdn-section-view.h"
#include "gdn-parse.h"
#include "gdn-record-list.h"
#include "gdn-record-picker.h"
#include "gdn-ship-dialog.h"
#include "gdn-status-change-dialog.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"
#include "gdn-workflow.h"

/* The Orders section in a real window, driven as a person would: typing into the rows,
 * pressing the buttons, answering the dialogs; the database is checked after each step. */

#define CLERK "李娜"

/* ---- finding widgets ----------------------------------------------------------------- */

static gboolean
is_step_button (GtkWidget     *widget,
                gconstpointer  status)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                 "order.change-status") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), status) == 0;
}

static gboolean
is_error_message (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         gtk_widget_has_css_class (widget, "error") &&
         *gtk_label_get_text (GTK_LABEL (widget)) != '\0';
}

/* The error message shown on a page or in a dialog */
static const char *
shown_error (GtkWidget *root)
{
  GtkWidget *label = gdn_ui_test_find_widget (root, is_error_message, NULL);

  if (label == NULL)
    g_error ("no error is shown");
  return gtk_label_get_text (GTK_LABEL (label));
}

static GtkWidget *
get_row (GtkWidget  *root,
         const char *title)
{
  GtkWidget *row = gdn_ui_test_find_widget (root, gdn_ui_test_is_row_titled, title);

  if (row == NULL)
    g_error ("no row “%s”", title);
  return row;
}

static void
set_row_text (GtkWidget  *root,
              const char *title,
              const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_row (root, title)), text);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gdn_ui_test_settle ();
}

/* Presses the page's button of the step to @status */
static void
click_step (GdnOrderPage *page,
            const char   *status)
{
  GtkWidget *button = gdn_ui_test_find_widget (GTK_WIDGET (page), is_step_button, status);

  if (button == NULL)
    g_error ("no button for the step to “%s”", status);
  g_assert_true (gtk_widget_get_mapped (button));
  click (button);
}

/* The suggested (or destructive) button of a dialog's header bar */
static void
click_dialog_button (GtkWindow  *dialog,
                     const char *label)
{
  GtkWidget *button = gdn_ui_test_find_widget (GTK_WIDGET (dialog), gdn_ui_test_is_button_labelled, label);

  if (button == NULL)
    g_error ("no button “%s” in the dialog", label);
  click (button);
}

/* ---- the database ------------------------------------------------------------------- */

static gint64
count (GdnStore   *store,
       const char *sql)
{
  return gdn_test_count (store, sql);
}

static GdnRecord *
get_order (GdnStore *store,
           gint64    id)
{
  g_autoptr(GError) error = NULL;
  GdnRecord *order = gdn_store_get (store, GDN_TYPE_ORDER, id, &error);

  g_assert_no_error (error);
  return order;
}

static void
assert_status (GdnStore   *store,
               gint64      id,
               const char *status)
{
  g_autoptr(GdnRecord) order = get_order (store, id);

  g_assert_cmpstr (gdn_record_get_string (order, "status"), ==, status);
}

/* The latest event of the order went to @status, by the clerk, with @note */
static void
assert_last_event (GdnStore   *store,
                   gint64      id,
                   const char *from,
                   const char *to,
                   const char *note)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GdnRecord *event;

  events = gdn_store_list_children (store, GDN_TYPE_ORDER_EVENT, "order_id", id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (gdn_record_get_string (event, "from_status"), ==, from);
  g_assert_cmpstr (gdn_record_get_string (event, "to_status"), ==, to);
  g_assert_cmpstr (gdn_record_get_string (event, "who"), ==, CLERK);
  g_assert_cmpstr (gdn_record_get_string (event, "note"), ==, note);
}

static gint64
add_customer (GdnStore *store)
{
  g_autoptr(GdnRecord) customer = GDN_RECORD (gdn_customer_new ());
  g_autoptr(GdnRecord) contact = GDN_RECORD (gdn_contact_new ());
  g_autoptr(GdnRecord) other = GDN_RECORD (gdn_customer_new ());
  g_autoptr(GError) error = NULL;

  gdn_record_set_string (other, "code", "C0002");
  gdn_record_set_string (other, "name", "东莞市长安五金制品厂");
  g_assert_true (gdn_store_insert (store, other, &error));

  gdn_record_set_string (customer, "code", "C0001");
  gdn_record_set_string (customer, "name", "深圳市华强电子有限公司");
  gdn_record_set_string (customer, "email", "info@huaqiang.example");
  g_assert_true (gdn_store_insert (store, customer, &error));
  g_assert_no_error (error);

  gdn_record_set_int (contact, "customer_id", gdn_record_get_id (customer));
  gdn_record_set_string (contact, "name", "王建国");
  gdn_record_set_string (contact, "email", "wang@huaqiang.example");
  gdn_record_set_bool (contact, "is_primary", TRUE);
  g_assert_true (gdn_store_insert (store, contact, &error));
  g_assert_no_error (error);
  return gdn_record_get_id (customer);
}

/* ---- the views ---------------------------------------------------------------------- */

static gboolean
is_orders_view (GtkWidget     *widget,
                gconstpointer  data)
{
  return GDN_IS_SECTION_VIEW (widget) &&
         g_strcmp0 (gdn_section_view_get_section (GDN_SECTION_VIEW (widget)), "orders") == 0;
}

/* The section view around the order page: the Orders section's */
static GdnSectionView *
get_orders_view (GtkWindow *window)
{
  GtkWidget *view = gdn_ui_test_find_widget (GTK_WIDGET (window), is_orders_view, NULL);

  g_assert_nonnull (view);
  return GDN_SECTION_VIEW (view);
}

static GdnSectionView *
show_orders (GtkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "orders"));
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "orders");
  return get_orders_view (window);
}

static void
set_line (GdnOrderLinesEditor *editor,
          guint                line,
          const char          *field,
          const char          *text)
{
  GtkEditable *entry = gdn_order_lines_editor_get_entry (editor, line, field);

  g_assert_nonnull (entry);
  gtk_editable_set_text (entry, text);
}

typedef struct
{
  GdnQueryModel *model;
  guint          n;
} ModelCount;

static gboolean
model_has_n (gpointer data)
{
  ModelCount *c = data;

  return g_list_model_get_n_items (G_LIST_MODEL (c->model)) == c->n;
}

/* ---- tests -------------------------------------------------------------------------- */

/* A new order through the widgets, then every step of its workflow to delivery */
static void
check_workflow (GdnApplication *app,
                GtkWindow      *window,
                gpointer        data)
{
  GdnStore *store = gdn_application_get_store (app);
  gint64 customer_id = *(gint64 *) data;
  GdnSectionView *view;
  GdnOrderPage *page;
  GdnRecordPicker *picker;
  GdnOrderLinesEditor *editor;
  GdnRecordList *list;
  GtkWidget *promised_row, *search;
  GtkWindow *dialog;
  g_autoptr(GdnRecord) order = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gdn_today ();
  g_autofree char *sql = NULL;
  ModelCount shown;
  gint64 id;

  g_assert_cmpstr (gdn_store_get_user_name (store), ==, CLERK);
  view = show_orders (window);
  list = GDN_RECORD_LIST (gdn_ui_test_get_widget_of_type (GTK_WIDGET (view), GDN_TYPE_RECORD_LIST));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gdn_record_list_get_model (list))),
                    ==, 0);
  /* the order page is made when first needed, not with the list */
  g_assert_false (gdn_section_view_has_page (view));
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_is_of_type,
                                          GSIZE_TO_POINTER (GDN_TYPE_ORDER_PAGE)));

  /* Ctrl+N: a new order, numbered, on its page */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  g_assert_true (gdn_section_view_has_page (view));
  page = GDN_ORDER_PAGE (gdn_ui_test_get_widget_of_type (GTK_WIDGET (view), GDN_TYPE_ORDER_PAGE));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (get_row (GTK_WIDGET (page),
                                                                                  "Order number"))),
                                   "SO-"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_row (GTK_WIDGET (page), "Owner"))),
                   ==, CLERK);

  editor = GDN_ORDER_LINES_EDITOR (gdn_ui_test_get_widget_of_type (GTK_WIDGET (page), GDN_TYPE_ORDER_LINES_EDITOR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lines.add", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "lines.add", NULL));
  g_assert_cmpuint (gdn_order_lines_editor_get_n_lines (editor), ==, 2);
  set_line (editor, 0, "product_code", "HQ-CAP-0805");
  set_line (editor, 0, "product_name", "贴片电容 0805 10uF");
  set_line (editor, 0, "unit", "个");
  set_line (editor, 0, "quantity", "5,000");
  set_line (editor, 0, "unit_price", "0.12");
  set_line (editor, 1, "product_code", "HQ-RES-0603");
  set_line (editor, 1, "product_name", "贴片电阻 0603 10kΩ");
  set_line (editor, 1, "quantity", "20000");
  set_line (editor, 1, "unit_price", "0.015");
  g_assert_cmpfloat_with_epsilon (gdn_order_lines_editor_get_total (editor), 900.0, 1e-9);
  set_row_text (GTK_WIDGET (page), "Delivery address", "深圳市福田区华强北路1002号");

  /* No customer yet: refused, the customer row named and marked; nothing written */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.save", NULL));
  picker = GDN_RECORD_PICKER (gdn_ui_test_get_widget_of_type (GTK_WIDGET (page), GDN_TYPE_RECORD_PICKER));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (picker), "error"));
  g_assert_cmpstr (shown_error (GTK_WIDGET (page)), ==, "Customer is required");
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders"), ==, 0);

  /* The customer, found by two Chinese characters of its name */
  gdn_record_picker_set_search (picker, "华强");
  g_assert_true (gdn_record_picker_pick_position (picker, 0));
  g_assert_cmpint (gdn_record_picker_get_record_id (picker), ==, customer_id);

  /* A quantity that is not a number: the line and field are named, nothing written */
  set_line (editor, 1, "quantity", "二万");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.save", NULL));
  g_assert_true (gtk_widget_has_css_class (
    GTK_WIDGET (gdn_order_lines_editor_get_entry (editor, 1, "quantity")), "error"));
  g_assert_cmpstr (shown_error (GTK_WIDGET (page)), ==,
                   "Line 2: Quantity “二万” is not a number");
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM order_lines"), ==, 0);
  g_assert_true (gdn_order_page_get_modified (page));

  /* Corrected and saved: the order, its two lines and the first event */
  set_line (editor, 1, "quantity", "20000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.save", NULL));
  g_assert_false (gdn_order_page_get_modified (page));
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders"), ==, 1);
  id = count (store, "SELECT id FROM orders");
  order = get_order (store, id);
  g_assert_cmpstr (gdn_record_get_string (order, "status"), ==, "inquiry");
  g_assert_cmpint (gdn_record_get_int (order, "customer_id"), ==, customer_id);
  g_assert_cmpstr (gdn_record_get_string (order, "created_date"), ==, today);
  g_assert_cmpstr (gdn_record_get_string (order, "owner"), ==, CLERK);
  g_assert_cmpfloat_with_epsilon (gdn_record_get_double (order, "amount"), 900.0, 1e-9);
  sql = g_strdup_printf ("SELECT count(*) FROM order_lines WHERE order_id = %" G_GINT64_FORMAT,
                         id);
  g_assert_cmpint (count (store, sql), ==, 2);
  g_assert_cmpint (count (store, "SELECT count(*) FROM order_lines WHERE position = 2 AND "
                                 "product_code = 'HQ-RES-0603' AND quantity = 20000"), ==, 1);
  assert_last_event (store, id, NULL, "inquiry", NULL);

  /* Quoted, with a note */
  click_step (page, "quoted");
  dialog = gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG);
  g_assert_nonnull (dialog);
  set_row_text (GTK_WIDGET (dialog), "Note (optional)", "报价单已发邮件");
  click_dialog_button (dialog, "Mark _Quoted");
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG));
  assert_status (store, id, "quoted");
  assert_last_event (store, id, "inquiry", "quoted", "报价单已发邮件");

  /* Confirming without a promised date: said at once, on the page, naming the field */
  click_step (page, "confirmed");
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG));
  promised_row = get_row (GTK_WIDGET (page), "Promised delivery date");
  g_assert_true (gtk_widget_has_css_class (promised_row, "error"));
  g_assert_true (gtk_widget_has_focus (promised_row) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), promised_row));
  g_assert_nonnull (strstr (shown_error (GTK_WIDGET (page)), "promised delivery date"));
  assert_status (store, id, "quoted");

  /* With the date (as people type it): saved, then confirmed */
  set_row_text (GTK_WIDGET (page), "Promised delivery date", "2099/12/31");
  click_step (page, "confirmed");
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders WHERE promised_date = '2099-12-31'"),
                   ==, 1);
  dialog = gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG);
  g_assert_nonnull (dialog);
  click_dialog_button (dialog, "_Confirm");
  assert_status (store, id, "confirmed");
  assert_last_event (store, id, "quoted", "confirmed", NULL);
  g_clear_object (&order);
  order = get_order (store, id);
  g_assert_cmpstr (gdn_record_get_string (order, "confirmed_date"), ==, today);

  /* Production starts at 30 %, and the page's control moves it on */
  click_step (page, "in_production");
  dialog = gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gdn_ui_test_get_widget_of_type (get_row (GTK_WIDGET (dialog),
                                                                   "Production progress"),
                                                          GTK_TYPE_SPIN_BUTTON)), 30);
  click_dialog_button (dialog, "Start _Production");
  assert_status (store, id, "in_production");
  assert_last_event (store, id, "confirmed", "in_production", NULL);
  g_assert_cmpint (count (store, "SELECT progress FROM orders"), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gdn_ui_test_get_widget_of_type (get_row (GTK_WIDGET (page),
                                                                   "Production progress"),
                                                          GTK_TYPE_SPIN_BUTTON)), 60);
  g_assert_cmpint (count (store, "SELECT progress FROM orders"), ==, 60);

  /* To the quality check, which passes: shipped with the shipment, in one step */
  click_step (page, "qc");
  click_dialog_button (gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG), "Send to _Quality Check");
  assert_status (store, id, "qc");
  assert_last_event (store, id, "in_production", "qc", NULL);

  click_step (page, "shipped");
  dialog = gdn_ui_test_find_visible_toplevel (GDN_TYPE_SHIP_DIALOG);
  g_assert_nonnull (dialog);
  /* no carrier: refused in the dialog, nothing written */
  click_dialog_button (dialog, "_Ship");
  g_assert_true (gtk_widget_has_css_class (get_row (GTK_WIDGET (dialog), "Carrier"), "error"));
  g_assert_cmpstr (shown_error (GTK_WIDGET (dialog)), ==, "Carrier is required");
  assert_status (store, id, "qc");
  g_assert_cmpint (count (store, "SELECT count(*) FROM shipments"), ==, 0);
  set_row_text (GTK_WIDGET (dialog), "Carrier", "顺丰速运");
  set_row_text (GTK_WIDGET (dialog), "Tracking number", "SF1234567890");
  set_row_text (GTK_WIDGET (dialog), "Expected arrival (ETA)", "2099-12-20");
  click_dialog_button (dialog, "_Ship");
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_SHIP_DIALOG));
  assert_status (store, id, "shipped");
  assert_last_event (store, id, "qc", "shipped", NULL);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM shipments WHERE order_id = %" G_GINT64_FORMAT
                         " AND carrier = '顺丰速运' AND tracking_no = 'SF1234567890'"
                         " AND eta = '2099-12-20' AND shipped_date = '%s'"
                         " AND status = 'in_transit' AND mode = 'express'", id, today);
  g_assert_cmpint (count (store, sql), ==, 1);

  /* Delivered after the promised date: the delay reason is asked for in the dialog */
  click_step (page, "delivered");
  dialog = gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG);
  set_row_text (GTK_WIDGET (dialog), "Delivered on", "2100-01-05");
  click_dialog_button (dialog, "Mark _Delivered");
  g_assert_nonnull (gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG));
  g_assert_true (gtk_widget_has_css_class (get_row (GTK_WIDGET (dialog), "Delay reason"),
                                           "error"));
  g_assert_nonnull (strstr (shown_error (GTK_WIDGET (dialog)), "choose a delay reason"));
  assert_status (store, id, "shipped");
  adw_combo_row_set_selected (ADW_COMBO_ROW (get_row (GTK_WIDGET (dialog), "Delay reason")), 3);
  click_dialog_button (dialog, "Mark _Delivered");
  g_assert_null (gdn_ui_test_find_visible_toplevel (GDN_TYPE_STATUS_CHANGE_DIALOG));
  assert_status (store, id, "delivered");
  assert_last_event (store, id, "shipped", "delivered", NULL);
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders WHERE delivered_date = '2100-01-05'"
                                 " AND delay_reason = 'logistics'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM shipments WHERE status = 'delivered'"),
                   ==, 1);
  /* every step is on record, by the clerk */
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM order_events WHERE order_id = %" G_GINT64_FORMAT
                         " AND who = '" CLERK "'", id);
  g_assert_cmpint (count (store, sql), ==, 7);

  /* Back to the list: the order is there, and two Chinese characters find it */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.back", NULL));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, list);
  shown.model = gdn_record_list_get_model (list);
  shown.n = 1;
  gdn_ui_test_wait_for (model_has_n, &shown);
  search = gdn_ui_test_get_widget_of_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "长安");
  shown.n = 0;
  gdn_ui_test_wait_for (model_has_n, &shown);
  gtk_editable_set_text (GTK_EDITABLE (search), "华强");
  shown.n = 1;
  gdn_ui_test_wait_for (model_has_n, &shown);
  {
    g_autoptr(GdnRecord) row = g_list_model_get_item (G_LIST_MODEL (shown.model), 0);

    g_assert_cmpint (gdn_record_get_id (row), ==, id);
  }
}

static void
test_orders_workflow (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 customer_id;

  if (!gdn_ui_test_have_display ())
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "user-name", CLERK);

  path = gdn_test_tmp_path ("订单.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  customer_id = add_customer (store);
  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_workflow, &customer_id), ==, 0);
  g_settings_reset (settings, "user-name");
}

/* The cells of the rows shown, mapped: (element-type GtkInscription) */
static GPtrArray *
shown_cells (GtkWidget *root)
{
  GPtrArray *cells = g_ptr_array_new ();
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (GTK_IS_INSCRIPTION (w) && gtk_widget_get_mapped (w))
        g_ptr_array_add (cells, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (stack, c);
    }
  return cells;
}

static GtkWidget *
shown_cell_with_text (GPtrArray  *cells,
                      const char *text)
{
  for (guint i = 0; i < cells->len; i++)
    if (g_strcmp0 (gtk_inscription_get_text (cells->pdata[i]), text) == 0)
      return cells->pdata[i];
  return NULL;
}

/* The cell showing @text is at least as wide as @room in its font */
static void
assert_cell_has_room (GPtrArray  *cells,
                      const char *text,
                      const char *room)
{
  GtkWidget *cell = shown_cell_with_text (cells, text);
  g_autoptr(PangoLayout) layout = NULL;
  int room_width = 0;

  g_assert_nonnull (cell);
  layout = gtk_widget_create_pango_layout (cell, room);
  pango_layout_get_pixel_size (layout, &room_width, NULL);
  g_assert_cmpint (gtk_widget_get_width (cell), >=, room_width);
}

/* A new sort shows its rows in the cells the list had: bound again, none made anew; an
 * overdue order's cells are marked */
static guint
count_of_type (GtkWidget *widget,
               GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_of_type (child, type);
  return n;
}

/* the count of records, in any language, starts with the number */
static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  start)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), start);
}

static void
check_list_rebinds (GdnApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  GdnSectionView *view;
  GdnRecordList *list;
  GdnQueryModel *model;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  ModelCount shown;
  GtkWidget *cell, *count;
  guint n_first;
  int width, height;
  g_autofree char *first = NULL;
  g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record",
                                                       "%s records", 200), "200");

  view = show_orders (window);
  list = GDN_RECORD_LIST (gdn_ui_test_get_widget_of_type (GTK_WIDGET (view),
                                                          GDN_TYPE_RECORD_LIST));
  model = gdn_record_list_get_model (list);
  shown = (ModelCount) { model, 200 };
  n_first = g_list_model_get_n_items (G_LIST_MODEL (model));
  first = g_strdup_printf ("%u", n_first);

  /* Before its first frame the list holds the rows its window shows (its height less its
   * header bar, the list's toolbar and column titles, in rows of 25 px), not those of the
   * taller screen, and GTK makes the cells of those alone (not of the 200 rows it makes
   * ahead); the count waits */
  height = gtk_widget_get_height (GTK_WIDGET (window));
  if (height <= 0)
    gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (height, >, 400);
  g_assert_cmpuint (n_first, >=, (height - 175) / 25);
  g_assert_cmpuint (n_first, <=, (height - 160) / 24 + 1);
  g_assert_true (gdn_query_model_get_count_capped (model));
  g_assert_cmpuint (count_of_type (GTK_WIDGET (list), GTK_TYPE_INSCRIPTION), <=, 7 * (n_first + 4));
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (list), is_label_starting, "200"));
  g_assert_null (gdn_ui_test_find_widget (GTK_WIDGET (list), is_label_starting, first));
  /* then, frame by frame, all of them */
  gdn_ui_test_wait_for (model_has_n, &shown);
  g_assert_false (gdn_query_model_get_count_capped (model));
  count = gdn_ui_test_find_widget (GTK_WIDGET (list), is_label_starting, "200");
  g_assert_nonnull (count);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, all);
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, list);
  gdn_ui_test_spin (300);
  before = shown_cells (GTK_WIDGET (list));
  g_assert_cmpuint (before->len, >, 50);
  /* the newest orders first: the first one is far below */
  g_assert_null (shown_cell_with_text (before, "SO-000001"));
  g_assert_nonnull (shown_cell_with_text (before, "SO-000200"));

  g_assert_true (gdn_query_model_set_sort (model, "order_no", FALSE));
  gdn_ui_test_spin (300);
  after = shown_cells (GTK_WIDGET (list));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    g_assert_true (g_ptr_array_find (before, after->pdata[i], NULL));
  cell = shown_cell_with_text (after, "SO-000001");
  g_assert_nonnull (cell);
  /* SO-000001 was promised in 2020 and is not delivered */
  g_assert_true (gtk_widget_has_css_class (cell, "error"));
  g_assert_null (shown_cell_with_text (after, "SO-000200"));
  cell = shown_cell_with_text (after, "SO-000002");
  g_assert_nonnull (cell);
  g_assert_false (gtk_widget_has_css_class (cell, "error"));

  /* in a window too narrow for every column, the customer's column keeps room for seven
   * characters of a name (the list scrolls sideways), not squeezed to two */
  gtk_window_set_default_size (window, 560, 600);
  gdn_ui_test_spin (300);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = shown_cells (GTK_WIDGET (list));
  assert_cell_has_room (after, "东莞市长安五金制品厂", "东莞市长安五金");

  /* a shipment's carrier is shown whole: six characters of an airline's freight arm (run
   * in zh_CN too, whose fonts measure a character narrower) */
  gtk_window_set_default_size (window, 1180, 700);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "shipments"));
  gdn_ui_test_spin (300);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = shown_cells (GTK_WIDGET (window));
  assert_cell_has_room (after, "东方航空物流", "东方航空物流");
}

static void
test_orders_list_rebinds (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!gdn_ui_test_have_display ())
    return;

  path = gdn_test_tmp_path ("rebind.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  add_customer (store);
  /* 200 orders, the later ones created later; the first promised long ago */
  g_assert_true (gdn_database_exec (db,
                                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1"
                                    " FROM n WHERE i < 200)"
                                    " INSERT INTO orders (order_no, customer_id, status,"
                                    "  created_date, promised_date)"
                                    " SELECT printf('SO-%06d', i), 1,"
                                    "  CASE i WHEN 1 THEN 'confirmed' ELSE 'inquiry' END,"
                                    "  date('2026-01-01', '+' || i || ' days'),"
                                    "  CASE i WHEN 1 THEN '2020-01-01' ELSE '2100-01-01' END"
                                    " FROM n", &error));
  g_assert_no_error (error);
  g_assert_true (gdn_database_exec (db, "INSERT INTO shipments (order_id, carrier, mode)"
                                        " VALUES (200, '东方航空物流', 'air')", &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_list_rebinds, NULL), ==, 0);
}

/* An order opened from elsewhere: its message, a case about it, unsaved changes, and
 * deleting it with Undo */
static void
check_order_actions (GdnApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  GdnStore *store = gdn_application_get_store (app);
  gint64 id = *(gint64 *) data;
  g_autofree char *target = g_strdup_printf ("orders:%" G_GINT64_FORMAT, id);
  GdnSectionView *view;
  GdnOrderPage *page;
  GdnRecordList *list;
  AdwMessageDialog *dialog;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *body = NULL;
  ModelCount shown;

  /* as a link from another page does */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             target));
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "orders");
  view = get_orders_view (window);
  page = GDN_ORDER_PAGE (gdn_ui_test_get_widget_of_type (GTK_WIDGET (view), GDN_TYPE_ORDER_PAGE));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_cmpint (gdn_record_get_id (GDN_RECORD (gdn_order_page_get_order (page))), ==, id);

  /* The message of the stage, filled from the order, to the primary contact */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.show-message", NULL));
  dialog = ADW_MESSAGE_DIALOG (gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Order confirmation");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "To wang@huaqiang.example");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (gdn_ui_test_get_widget_of_type (GTK_WIDGET (dialog),
                                                                GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (body, "Dear 王建国,"));
  g_assert_nonnull (strstr (body, "SO-20261102-001"));
  g_assert_nonnull (strstr (body, "1. 贴片电容 (HQ-CAP-0805): 5,000 个 × 0.12 = 600.00"));
  g_assert_nonnull (strstr (body, "\n" CLERK "\n"));
  click_dialog_button (GTK_WINDOW (dialog), "C_opy");
  gdn_ui_test_settle ();
  g_assert_null (gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (count (store, "SELECT count(*) FROM interactions"), ==, 0);

  /* A case about the order: opened, and shown in the Cases section */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.new-case", "s",
                                             "complaint"));
  g_assert_cmpint (count (store, "SELECT count(*) FROM cases WHERE type = 'complaint'"
                                 " AND status = 'open' AND order_id IS NOT NULL"
                                 " AND customer_id IS NOT NULL AND owner = '" CLERK "'"), ==, 1);
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "cases");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "orders"));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* Unsaved changes are asked about; discarding them writes nothing */
  set_row_text (GTK_WIDGET (page), "Notes", "客户要求分两批发货");
  g_assert_true (gdn_order_page_get_modified (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.back", NULL));
  dialog = ADW_MESSAGE_DIALOG (gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  click_dialog_button (GTK_WINDOW (dialog), "_Cancel");
  gdn_ui_test_settle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.back", NULL));
  dialog = ADW_MESSAGE_DIALOG (gdn_ui_test_find_visible_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  click_dialog_button (GTK_WINDOW (dialog), "_Discard");
  gdn_ui_test_settle ();
  list = GDN_RECORD_LIST (gdn_ui_test_get_widget_of_type (GTK_WIDGET (view), GDN_TYPE_RECORD_LIST));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, list);
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders WHERE notes IS NULL"), ==, 1);

  /* Delete moves the order to the trash; Undo (Ctrl+Z) brings it back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             target));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "order.delete", NULL));
  gdn_ui_test_wait_for (gdn_ui_test_is_mapped, list);
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders WHERE deleted_at IS NOT NULL"),
                   ==, 1);
  shown.model = gdn_record_list_get_model (list);
  shown.n = 0;
  gdn_ui_test_wait_for (model_has_n, &shown);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (count (store, "SELECT count(*) FROM orders WHERE deleted_at IS NULL"), ==, 1);
  shown.n = 1;
  gdn_ui_test_wait_for (model_has_n, &shown);
}

static void
test_orders_actions (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdnDatabase) db = NULL;
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnOrder) order = gdn_order_new ();
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_object_unref);
  GdnRecord *line = GDN_RECORD (gdn_order_line_new ());
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!gdn_ui_test_have_display ())
    return;

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "user-name", CLERK);

  path = gdn_test_tmp_path ("订单.db");
  db = gdn_database_open (path, &error);
  g_assert_no_error (error);
  store = gdn_store_new (db);
  gdn_store_set_user_name (store, CLERK);

  gdn_record_set_string (line, "product_code", "HQ-CAP-0805");
  gdn_record_set_string (line, "product_name", "贴片电容");
  gdn_record_set_string (line, "unit", "个");
  gdn_record_set_double (line, "quantity", 5000);
  gdn_record_set_double (line, "unit_price", 0.12);
  g_ptr_array_add (lines, line);
  gdn_record_set_string (GDN_RECORD (order), "order_no", "SO-20261102-001");
  gdn_record_set_int (GDN_RECORD (order), "customer_id", add_customer (store));
  g_assert_true (gdn_workflow_save_order (store, order, lines, &error));
  g_assert_no_error (error);
  id = gdn_record_get_id (GDN_RECORD (order));
  g_clear_object (&store);
  g_clear_object (&db);

  g_assert_cmpint (gdn_ui_test_run_app (path, check_order_actions, &id), ==, 0);
  g_settings_reset (settings, "user-name");
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

  g_test_add_func ("/orders-ui/workflow", test_orders_workflow);
  g_test_add_func ("/orders-ui/actions", test_orders_actions);
  g_test_add_func ("/orders-ui/list-rebinds", test_orders_list_rebinds);

  return g_test_run ();
}

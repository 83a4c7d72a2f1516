/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cases-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "gdn-application.h"
#include "gdn-case-page.h"
#include "gdn-contract-page.h"
#include "gdn-contract.h"
#include "gdn-customer.h"
#include "gdn-order.h"
#include "gdn-record-picker.h"
#include "gdn-shipment-page.h"
#include "gdn-shipment.h"
#include "gdn-test-utils.h"
#include "gdn-ui-test-utils.h"
#include "gdn-window.h"

/* The Cases, Shipments and Contracts sections in a real window: a complaint opened,
 * answered, resolved and closed through the page's own buttons, a contract taken through
 * its review, a shipment edited; each checked in the database afterwards. */

typedef struct
{
  gint64 customer_id;
  gint64 order_id;
  gint64 contract_id;
  gint64 shipment_id;
} Fixture;

/* Widgets, found the way a person sees them: by type, title and label */

static gboolean
has_accessible_label (GtkWidget  *widget,
                      const char *name)
{
  g_autofree char *mismatch = NULL;

  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                         GTK_ACCESSIBLE_PROPERTY_LABEL))
    return FALSE;
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, name);
  return mismatch == NULL;
}

/* Icon-only buttons and text fields, by their accessible name */
static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         has_accessible_label (widget, name);
}

static gboolean
is_named (GtkWidget     *widget,
          gconstpointer  name)
{
  return (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget)) &&
         gtk_widget_get_visible (widget) && has_accessible_label (widget, name);
}

static gboolean
is_label_with_prefix (GtkWidget     *widget,
                      gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

static GtkWidget *
find_in (GtkWidget       *root,
         GdnUiTestWidgetPredicate  predicate,
         gconstpointer    data,
         const char      *what)
{
  GtkWidget *widget = gdn_ui_test_find_widget (root, predicate, data);

  if (widget == NULL)
    g_error ("no %s “%s”", what, (const char *) data);
  return widget;
}

static GtkWidget *
find_page (GtkWindow *window,
           GType      type)
{
  GtkWidget *page = gdn_ui_test_find_widget (GTK_WIDGET (window), gdn_ui_test_is_of_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (page);
  return page;
}

/* Presses a button as a click does: through its action, if it is enabled */
static void
click (GtkWidget *page,
       const char *label)
{
  GtkWidget *button = find_in (page, gdn_ui_test_is_button_labelled, label, "button");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
click_named (GtkWidget  *page,
             const char *name)
{
  GtkWidget *button = find_in (page, is_button_named, name, "button named");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (GtkWidget  *page,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_in (page, gdn_ui_test_is_row_titled, title, "row")), text);
}

static void
choose (GtkWidget  *page,
        const char *title,
        guint       position)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_in (page, gdn_ui_test_is_row_titled, title, "row"));

  adw_combo_row_set_selected (row, position);
}

static GtkLabel *
error_label (GtkWidget *page)
{
  GtkWidget *revealer = gdn_ui_test_find_widget (page, gdn_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER));

  g_assert_nonnull (revealer);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  return GTK_LABEL (gdn_ui_test_find_widget (revealer, gdn_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL)));
}

static void
assert_no_error (GtkWidget *page)
{
  GtkWidget *revealer = gdn_ui_test_find_widget (page, gdn_ui_test_is_of_type, GSIZE_TO_POINTER (GTK_TYPE_REVEALER));

  if (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)))
    g_error ("unexpected error on the page: %s",
             gtk_label_get_text (GTK_LABEL (gdn_ui_test_find_widget (revealer, gdn_ui_test_is_of_type,
                                                         GSIZE_TO_POINTER (GTK_TYPE_LABEL)))));
}

static char *
query_text (GdnStore   *store,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = gdn_database_prepare (gdn_store_get_database (store), sql,
                                                       &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = (const char *) sqlite3_column_text (stmt, 0);
  return g_strdup (text);
}

static gint64
add_customer (GdnStore   *store,
              const char *code,
              const char *name)
{
  g_autoptr(GdnRecord) r = gdn_record_new (GDN_TYPE_CUSTOMER);
  g_autoptr(GError) error = NULL;

  gdn_record_set_string (r, "code", code);
  gdn_record_set_string (r, "name", name);
  gdn_record_set_string (r, "status", "active");
  g_assert_true (gdn_store_insert (store, r, &error));
  g_assert_no_error (error);
  return gdn_record_get_id (r);
}

static char *
prepare_database (Fixture *fx)
{
  g_autofree char *path = gdn_test_tmp_path ("售后.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnDatabase) db = gdn_database_open (path, &error);
  g_autoptr(GdnStore) store = NULL;
  g_autoptr(GdnRecord) order = gdn_record_new (GDN_TYPE_ORDER);
  g_autoptr(GdnRecord) contract = gdn_record_new (GDN_TYPE_CONTRACT);
  g_autoptr(GdnRecord) shipment = gdn_record_new (GDN_TYPE_SHIPMENT);

  g_assert_no_error (error);
  store = gdn_store_new (db);
  gdn_store_set_user_name (store, "李娜");

  add_customer (store, "C0002", "东莞市长安五金制品厂");
  fx->customer_id = add_customer (store, "C0001", "深圳市华强电子有限公司");

  gdn_record_set_string (order, "order_no", "SO202611-0001");
  gdn_record_set_int (order, "customer_id", fx->customer_id);
  gdn_record_set_string (order, "type", "regular");
  gdn_record_set_string (order, "status", "shipped");
  gdn_record_set_string (order, "created_date", "2026-11-02");
  gdn_record_set_string (order, "promised_date", "2026-12-15");
  g_assert_true (gdn_store_insert (store, order, &error));
  g_assert_no_error (error);
  fx->order_id = gdn_record_get_id (order);

  gdn_record_set_string (contract, "contract_no", "HT2026-018");
  gdn_record_set_int (contract, "customer_id", fx->customer_id);
  gdn_record_set_string (contract, "title", "华强电子年度采购合同");
  gdn_record_set_double (contract, "amount", 128000);
  gdn_record_set_string (contract, "status", "draft");
  g_assert_true (gdn_store_insert (store, contract, &error));
  g_assert_no_error (error);
  fx->contract_id = gdn_record_get_id (contract);

  gdn_record_set_int (shipment, "order_id", fx->order_id);
  gdn_record_set_string (shipment, "carrier", "顺丰速运");
  gdn_record_set_string (shipment, "status", "in_transit");
  gdn_record_set_string (shipment, "shipped_date", "2026-11-20");
  g_assert_true (gdn_store_insert (store, shipment, &error));
  g_assert_no_error (error);
  fx->shipment_id = gdn_record_get_id (shipment);

  return g_steal_pointer (&path);
}

/* A complaint from its opening to its closing */

static gboolean
search_taken (gpointer model)
{
  return !gdn_query_model_get_search_pending (model);
}

static void
check_case_lifecycle (GdnApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  Fixture *fx = data;
  GdnStore *store = gdn_application_get_store (app);
  GtkWidget *page, *picker, *resolution;
  g_autofree char *opened = NULL, *responded = NULL, *resolved = NULL, *closed = NULL;
  g_autofree char *sql = NULL;
  GdnCase *kase;
  gint64 id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "cases"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  page = find_page (window, GDN_TYPE_CASE_PAGE);
  g_assert_true (gtk_widget_get_child_visible (page));
  g_assert_null (gdn_case_page_get_case (GDN_CASE_PAGE (page)));

  /* Creating without a customer: the error names it, nothing is written */
  click (page, "C_reate");
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (page)), "Customer"));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM cases"), ==, 0);

  /* The customer, found by two characters of its name */
  picker = find_in (page, gdn_ui_test_is_row_titled, "Customer", "picker");
  g_assert_true (GDN_IS_RECORD_PICKER (picker));

  /* Typed into its field: on a table as large as a million orders (this one is taken for
   * one) the choices are prepared in a worker while typing goes on; Enter takes the first
   * match of what is typed, whether the worker is done or not */
  {
    GdnQueryModel *choices = gdn_record_picker_get_model (GDN_RECORD_PICKER (picker));
    GtkWidget *field = gdn_ui_test_get_widget_of_type (picker, GTK_TYPE_SEARCH_ENTRY);

    gdn_query_model_set_worker_ids_for_testing (choices, 1);
    gtk_editable_set_text (GTK_EDITABLE (field), "华强");
    g_signal_emit_by_name (field, "search-changed");
    g_assert_true (gdn_query_model_get_search_pending (choices));
    gdn_ui_test_wait_for (search_taken, choices);
    g_assert_cmpstr (gdn_query_model_get_search (choices), ==, "华强");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (choices)), ==, 1);

    gtk_editable_set_text (GTK_EDITABLE (field), "");
    g_signal_emit_by_name (field, "search-changed");
    gtk_editable_set_text (GTK_EDITABLE (field), "华强电子");
    g_signal_emit_by_name (field, "activate");
    g_assert_cmpint (gdn_record_picker_get_record_id (GDN_RECORD_PICKER (picker)), ==,
                     fx->customer_id);
    gdn_ui_test_wait_for (search_taken, choices);
    g_assert_cmpstr (gdn_query_model_get_search (choices), ==, "华强电子");
    gdn_query_model_set_worker_ids_for_testing (choices, G_MAXINT64);
  }

  gdn_record_picker_set_search (GDN_RECORD_PICKER (picker), "华强");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gdn_record_picker_get_model (
    GDN_RECORD_PICKER (picker)))), ==, 1);
  g_assert_true (gdn_record_picker_pick_position (GDN_RECORD_PICKER (picker), 0));
  g_assert_cmpint (gdn_record_picker_get_record_id (GDN_RECORD_PICKER (picker)), ==,
                   fx->customer_id);

  choose (page, "Case type", 2);            /* Complaint */
  choose (page, "Complaint category", 3);   /* Quality defect */
  choose (page, "Priority", 1);             /* High */
  type_into (page, "Subject", "来料外壳划伤");
  click (page, "C_reate");
  assert_no_error (page);

  kase = gdn_case_page_get_case (GDN_CASE_PAGE (page));
  g_assert_nonnull (kase);
  id = gdn_record_get_id (GDN_RECORD (kase));
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND customer_id = %" G_GINT64_FORMAT " AND type = 'complaint'"
                         " AND category = 'quality_defect' AND priority = 'high'"
                         " AND status = 'open' AND subject = '来料外壳划伤'"
                         " AND opened_at IS NOT NULL AND first_response_at IS NULL",
                         id, fx->customer_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  /* The countdown has just started */
  g_assert_nonnull (find_in (page, is_label_with_prefix, "Respond within ", "label"));

  click (page, "_Respond");
  assert_no_error (page);
  click (page, "_Start Work");
  assert_no_error (page);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'in_progress' AND first_response_at IS NOT NULL", id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  /* Resolving needs a resolution: the error names it, the case stays in progress */
  click (page, "Re_solve");
  g_assert_cmpstr (gtk_label_get_text (error_label (page)), ==,
                   "Describe how the case was resolved before marking it resolved");
  resolution = find_in (page, is_named, "Resolution", "text view");
  g_assert_nonnull (resolution);
  g_assert_true (gtk_widget_has_css_class (resolution, "error"));
  g_assert_true (gtk_widget_has_focus (resolution));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'in_progress' AND resolved_at IS NULL", id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (resolution)),
                            "补发新外壳 200 件，顺丰到付", -1);
  click (page, "Re_solve");
  assert_no_error (page);
  g_assert_false (gtk_widget_has_css_class (resolution, "error"));

  /* Closing with the customer's score */
  choose (page, "Customer satisfaction", 4);
  click (page, "_Close Case");
  assert_no_error (page);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'closed' AND satisfaction = 4"
                         " AND resolution = '补发新外壳 200 件，顺丰到付'", id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT opened_at FROM cases WHERE id = %" G_GINT64_FORMAT, id);
  opened = query_text (store, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT first_response_at FROM cases WHERE id = %" G_GINT64_FORMAT, id);
  responded = query_text (store, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT resolved_at FROM cases WHERE id = %" G_GINT64_FORMAT, id);
  resolved = query_text (store, sql);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT closed_at FROM cases WHERE id = %" G_GINT64_FORMAT, id);
  closed = query_text (store, sql);
  g_assert_nonnull (opened);
  g_assert_nonnull (responded);
  g_assert_nonnull (resolved);
  g_assert_nonnull (closed);
  g_assert_cmpstr (opened, <=, responded);
  g_assert_cmpstr (responded, <=, resolved);
  g_assert_cmpstr (resolved, <=, closed);
  /* answered at once: within the 24 hours */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND first_response_at <= datetime(opened_at, '+24 hours')", id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  /* A closed case has no further step */
  g_assert_null (gdn_ui_test_find_widget (page, gdn_ui_test_is_button_labelled, "Re_open"));
  g_assert_null (gdn_ui_test_find_widget (page, gdn_ui_test_is_button_labelled, "_Close Case"));

  /* Delete moves it to the trash, and Undo brings it back */
  click_named (page, "Delete");
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                         " AND deleted_at IS NOT NULL", id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (gdn_test_count (store, sql), ==, 0);
}

static void
test_case_lifecycle (void)
{
  Fixture fx = { 0 };
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = prepare_database (&fx);
  g_assert_cmpint (gdn_ui_test_run_app (path, check_case_lifecycle, &fx), ==, 0);
}

/* A contract through its review: submitted, a rejection refused without a comment, then
 * approved by sales, finance and legal; an amendment and an attachment */

static void
check_contract_review (GdnApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  Fixture *fx = data;
  GdnStore *store = gdn_application_get_store (app);
  g_autofree char *target = g_strdup_printf ("contracts:%" G_GINT64_FORMAT, fx->contract_id);
  g_autofree char *sql = NULL;
  g_autofree char *dir = gdn_test_make_tmpdir ();
  g_autofree char *scan = g_build_filename (dir, "合同扫描件.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             target));
  g_assert_cmpstr (gdn_window_get_section (GDN_WINDOW (window)), ==, "contracts");
  page = find_page (window, GDN_TYPE_CONTRACT_PAGE);
  g_assert_nonnull (gdn_contract_page_get_contract (GDN_CONTRACT_PAGE (page)));

  click (page, "Submit for _Review");
  assert_no_error (page);
  sql = g_strdup_printf ("SELECT count(*) FROM contract_approvals WHERE contract_id = %"
                         G_GINT64_FORMAT " AND decision = 'pending' AND deleted_at IS NULL",
                         fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 3);

  /* A rejection needs a comment: refused, and nothing changes */
  click_named (page, "Reject as Finance");
  g_assert_cmpstr (gtk_label_get_text (error_label (page)), ==,
                   "Write why the contract is rejected, so it can be reworked");
  g_assert_true (gtk_widget_has_css_class (find_in (page, gdn_ui_test_is_row_titled, "Finance: comment",
                                                    "row"), "error"));
  g_assert_cmpint (gdn_test_count (store, sql), ==, 3);

  type_into (page, "Sales: comment", "价格与报价单一致");
  click_named (page, "Approve as Sales");
  assert_no_error (page);
  click_named (page, "Approve as Finance");
  assert_no_error (page);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'in_review'", fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  click_named (page, "Approve as Legal");
  assert_no_error (page);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE id = %" G_GINT64_FORMAT
                         " AND status = 'approved'", fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contract_approvals WHERE contract_id = %"
                         G_GINT64_FORMAT " AND decision = 'approved'"
                         " AND at IS NOT NULL", fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 3);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contract_approvals WHERE contract_id = %"
                         G_GINT64_FORMAT " AND role = 'sales' AND comment = '价格与报价单一致'",
                         fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_assert_nonnull (find_in (find_in (page, gdn_ui_test_is_row_titled, "Status", "row"),
                             is_label_with_prefix, "Approved", "label"));
  /* the approved contract's next step is signing */
  g_assert_nonnull (gdn_ui_test_find_widget (page, gdn_ui_test_is_button_labelled, "_Sign"));

  /* An amendment changes the amount */
  gtk_editable_set_text (GTK_EDITABLE (find_in (page, is_named, "Amendment summary", "entry")),
                         "增加 500 件备品");
  gtk_editable_set_text (GTK_EDITABLE (find_in (page, is_named, "Amount change", "entry")),
                         "¥12,500.00");
  click (page, "_Add Amendment");
  assert_no_error (page);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contracts WHERE id = %" G_GINT64_FORMAT
                         " AND amount = 140500", fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM contract_amendments WHERE contract_id = %"
                         G_GINT64_FORMAT " AND summary = '增加 500 件备品'"
                         " AND amount_change = 12500", fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  /* A file chosen in "Add File…" is copied and listed */
  g_assert_true (g_file_set_contents (scan, "%PDF-1.4 signed", -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (scan);
  g_assert_true (gdn_contract_page_attach_file (GDN_CONTRACT_PAGE (page), file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM attachments WHERE contract_id = %"
                         G_GINT64_FORMAT " AND file_name = '合同扫描件.pdf' AND size = 15",
                         fx->contract_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_assert_nonnull (gdn_ui_test_find_widget (page, is_button_named, "Open 合同扫描件.pdf"));

  /* A new contract: numbered, in draft */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  g_assert_null (gdn_contract_page_get_contract (GDN_CONTRACT_PAGE (page)));
  {
    GtkWidget *picker = find_in (page, gdn_ui_test_is_row_titled, "Customer", "picker");

    gdn_record_picker_set_search (GDN_RECORD_PICKER (picker), "长安");
    g_assert_true (gdn_record_picker_pick_position (GDN_RECORD_PICKER (picker), 0));
  }
  type_into (page, "Title", "长安五金模具加工合同");
  type_into (page, "Amount", "56,000");
  click (page, "C_reate");
  assert_no_error (page);
  g_assert_nonnull (gdn_contract_page_get_contract (GDN_CONTRACT_PAGE (page)));
  g_assert_cmpint (gdn_test_count (store, "SELECT count(*) FROM contracts"
                                          " WHERE title = '长安五金模具加工合同'"
                                          " AND status = 'draft' AND amount = 56000"
                                          " AND contract_no <> ''"), ==, 1);
  g_assert_nonnull (gdn_ui_test_find_widget (page, gdn_ui_test_is_button_labelled, "Submit for _Review"));
}

static void
test_contract_review (void)
{
  Fixture fx = { 0 };
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = prepare_database (&fx);
  g_assert_cmpint (gdn_ui_test_run_app (path, check_contract_review, &fx), ==, 0);
}

/* A shipment edited on its page: an unreadable date is named, nothing half-saved */

static void
check_shipment_edit (GdnApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  Fixture *fx = data;
  GdnStore *store = gdn_application_get_store (app);
  g_autofree char *target = g_strdup_printf ("shipments:%" G_GINT64_FORMAT, fx->shipment_id);
  g_autofree char *sql = NULL;
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "s",
                                             target));
  page = find_page (window, GDN_TYPE_SHIPMENT_PAGE);

  type_into (page, "Tracking number", "SF1402265563821");
  type_into (page, "Freight", "¥1,280.50");
  type_into (page, "ETA", "下周三");
  click (page, "_Save");
  g_assert_nonnull (strstr (gtk_label_get_text (error_label (page)), "ETA"));
  g_assert_true (gtk_widget_has_css_class (find_in (page, gdn_ui_test_is_row_titled, "ETA", "row"),
                                           "error"));
  sql = g_strdup_printf ("SELECT count(*) FROM shipments WHERE id = %" G_GINT64_FORMAT
                         " AND tracking_no IS NULL AND freight IS NULL", fx->shipment_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);

  type_into (page, "ETA", "2026/11/24");
  choose (page, "Status", 4);    /* Delivered */
  type_into (page, "Delivered", "2026年11月23日");
  click (page, "_Save");
  assert_no_error (page);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM shipments WHERE id = %" G_GINT64_FORMAT
                         " AND tracking_no = 'SF1402265563821' AND freight = 1280.5"
                         " AND eta = '2026-11-24' AND delivered_date = '2026-11-23'"
                         " AND status = 'delivered'", fx->shipment_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
  g_assert_false (gtk_widget_has_css_class (find_in (page, gdn_ui_test_is_row_titled, "ETA", "row"),
                                            "error"));

  /* A second parcel of the shipped order, with Ctrl+N */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-record", NULL));
  g_assert_null (gdn_shipment_page_get_shipment (GDN_SHIPMENT_PAGE (page)));
  {
    GtkWidget *picker = find_in (page, gdn_ui_test_is_row_titled, "Order", "picker");

    g_assert_true (GDN_IS_RECORD_PICKER (picker));
    gdn_record_picker_set_search (GDN_RECORD_PICKER (picker), "0001");
    g_assert_true (gdn_record_picker_pick_position (GDN_RECORD_PICKER (picker), 0));
  }
  type_into (page, "Carrier", "德邦物流");
  choose (page, "Transport mode", 2);   /* Road */
  click (page, "C_reate");
  assert_no_error (page);
  g_assert_nonnull (gdn_shipment_page_get_shipment (GDN_SHIPMENT_PAGE (page)));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM shipments WHERE order_id = %" G_GINT64_FORMAT
                         " AND carrier = '德邦物流' AND mode = 'road' AND status = 'in_transit'",
                         fx->order_id);
  g_assert_cmpint (gdn_test_count (store, sql), ==, 1);
}

static void
test_shipment_edit (void)
{
  Fixture fx = { 0 };
  g_autofree char *path = NULL;

  if (!gdn_ui_test_have_display ())
    return;
  path = prepare_database (&fx);
  g_assert_cmpint (gdn_ui_test_run_app (path, check_shipment_edit, &fx), ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
            !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("gendan-cases-ui-XXXXXX", NULL);
  int status;

  /* As in test-window: accessible names readable without an AT-SPI bus, no session bus */
  g_setenv ("GTK_A11Y", "test", TRUE);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/gendan-test-bus", TRUE);
  /* attachments are copied under the data folder: a private one (the MIME database stays
   * readable in the system data folders) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cases-ui/case/lifecycle", test_case_lifecycle);
  g_test_add_func ("/cases-ui/contract/review", test_contract_review);
  g_test_add_func ("/cases-ui/shipment/edit", test_shipment_edit);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-order-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gdn-case.h"
#include "gdn-contact.h"
#include "gdn-customer.h"
#include "gdn-flags.h"
#include "gdn-interaction.h"
#include "gdn-order-lines-editor.h"
#include "gdn-order-page.h"
#include "gdn-parse.h"
#include "gdn-record-page.h"
#include "gdn-record-picker.h"
#include "gdn-ship-dialog.h"
#include "gdn-status-change-dialog.h"
#include "gdn-templates.h"
#include "gdn-timeline.h"
#include "gdn-validation-error.h"
#include "gdn-window.h"
#include "gdn-workflow.h"

/* One order, as a clerk works on it all day: its warnings, the next steps of its
 * workflow, the header fields and lines (saved together with Save), the message for the
 * customer at this stage, and its timeline. The form holds what was typed until it is
 * saved; a refused save or step names the field, marks it and keeps everything typed. */

struct _GdnOrderPage
{
  GtkWidget             parent_instance;

  GtkWidget            *box;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *case_button;
  GtkWidget            *delete_button;
  GtkWidget            *save_button;
  GtkScrolledWindow    *scroller;
  GtkBox               *flags_box;
  GtkLabel             *status_title;
  GtkLabel             *status_description;
  GtkBox               *steps_box;
  GtkWidget            *progress_list;
  AdwActionRow         *progress_row;
  GtkLevelBar          *progress_bar;
  GtkSpinButton        *progress_spin;
  GtkLabel             *error_label;
  AdwPreferencesGroup  *customer_group;
  AdwEntryRow          *order_no_row;
  AdwComboRow          *type_row;
  AdwComboRow          *source_row;
  AdwEntryRow          *owner_row;
  AdwEntryRow          *currency_row;
  AdwEntryRow          *created_row;
  AdwEntryRow          *promised_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *payment_row;
  AdwActionRow         *confirmed_row;
  AdwActionRow         *delivered_row;
  AdwEntryRow          *missing_row;
  AdwEntryRow          *notes_row;
  AdwPreferencesGroup  *lines_group;
  GdnOrderLinesEditor  *lines_editor;
  AdwComboRow          *template_row;
  AdwPreferencesGroup  *timeline_group;
  GtkListBox           *timeline_list;

  GdnStore             *store;
  GdnRecordPicker      *customer_row;
  GdnOrder             *order;
  GPtrArray            *marked;     /* widgets marked with the "error" style */
  guint                 refresh_id;
  gboolean              loading;
  gboolean              modified;
  gboolean              busy;       /* writing: the store's signals are our own */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CLOSED,
  CLOSE_CANCELLED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void gdn_order_page_record_page_init (GdnRecordPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnOrderPage, gdn_order_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_RECORD_PAGE,
                                                      gdn_order_page_record_page_init))

/* The text fields of the form: which order field each row edits */
typedef struct
{
  const char *field;
  gsize       offset;
  gboolean    date;
} TextField;

static const TextField text_fields[] = {
  { "order_no", G_STRUCT_OFFSET (GdnOrderPage, order_no_row), FALSE },
  { "owner", G_STRUCT_OFFSET (GdnOrderPage, owner_row), FALSE },
  { "currency", G_STRUCT_OFFSET (GdnOrderPage, currency_row), FALSE },
  { "created_date", G_STRUCT_OFFSET (GdnOrderPage, created_row), TRUE },
  { "promised_date", G_STRUCT_OFFSET (GdnOrderPage, promised_row), TRUE },
  { "delivery_address", G_STRUCT_OFFSET (GdnOrderPage, address_row), FALSE },
  { "payment_due", G_STRUCT_OFFSET (GdnOrderPage, payment_row), TRUE },
  { "missing_reason", G_STRUCT_OFFSET (GdnOrderPage, missing_row), FALSE },
  { "notes", G_STRUCT_OFFSET (GdnOrderPage, notes_row), FALSE },
};

static const char * const line_fields[] = {
  "product_code", "product_name", "spec", "unit", "quantity", "unit_price", NULL
};

#define TEXT_ROW(self, i) G_STRUCT_MEMBER (AdwEntryRow *, self, text_fields[i].offset)

static void refresh_all (GdnOrderPage *self);

/* ---- helpers ------------------------------------------------------------------------ */

static GdnRecord *
order_record (GdnOrderPage *self)
{
  return GDN_RECORD (self->order);
}

static gint64
order_id (GdnOrderPage *self)
{
  return self->order != NULL ? gdn_record_get_id (order_record (self)) : 0;
}

static GtkWindow *
parent_window (GdnOrderPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (GdnOrderPage *self,
           const char   *text)
{
  GtkWindow *window = parent_window (self);

  if (GDN_IS_WINDOW (window))
    gdn_window_add_toast (GDN_WINDOW (window), adw_toast_new (text));
}

/* the store comes after the widget's init */
static gboolean
read_only (GdnOrderPage *self)
{
  return self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store));
}

static void
set_modified (GdnOrderPage *self,
              gboolean      modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  /* on a read-only database nothing is saved, whatever is typed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.save",
                                 (modified || order_id (self) == 0) &&
                                 !read_only (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_actions (GdnOrderPage *self)
{
  gboolean saved = order_id (self) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.save",
                                 (self->modified || !saved) &&
                                 !read_only (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.new-case", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "order.show-message", saved);
  gtk_widget_set_visible (self->delete_button, saved);
  gtk_widget_set_visible (self->case_button, saved);
}

static void
mark (GdnOrderPage *self,
      GtkWidget    *widget)
{
  gtk_widget_add_css_class (widget, "error");
  g_ptr_array_add (self->marked, g_object_ref (widget));
}

static void
clear_errors (GdnOrderPage *self)
{
  for (guint i = 0; i < self->marked->len; i++)
    gtk_widget_remove_css_class (g_ptr_array_index (self->marked, i), "error");
  g_ptr_array_set_size (self->marked, 0);
  gdn_order_lines_editor_clear_errors (self->lines_editor);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* "Line 2: …" in any language: the first number of the message is the line's */
static guint
line_of_message (const char *message)
{
  for (const char *p = message; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return (guint) g_ascii_strtoull (p, NULL, 10);
  return 0;
}

static GtkWidget *
widget_for_field (GdnOrderPage *self,
                  const char   *field)
{
  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (strcmp (text_fields[i].field, field) == 0)
      return GTK_WIDGET (TEXT_ROW (self, i));
  if (strcmp (field, "customer_id") == 0)
    return GTK_WIDGET (self->customer_row);
  if (strcmp (field, "type") == 0)
    return GTK_WIDGET (self->type_row);
  if (strcmp (field, "source") == 0)
    return GTK_WIDGET (self->source_row);
  if (strcmp (field, "progress") == 0)
    return GTK_WIDGET (self->progress_row);
  if (strcmp (field, "delivered_date") == 0 || strcmp (field, "delay_reason") == 0)
    return GTK_WIDGET (self->delivered_row);
  if (strcmp (field, "n_lines") == 0)
    return GTK_WIDGET (self->lines_editor);
  return NULL;
}

/**
 * show_error:
 *
 * Shows @error under the status, marks the field it names and moves the focus there
 * (which scrolls it into sight).
 */
static void
show_error (GdnOrderPage *self,
            const GError *error)
{
  const char *field = gdn_validation_error_get_field (error);
  GtkWidget *widget;

  clear_errors (self);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (field != NULL && g_strv_contains (line_fields, field))
    {
      guint line = line_of_message (error->message);

      if (line > 0)
        gdn_order_lines_editor_show_error (self->lines_editor, line - 1, field);
      return;
    }

  widget = widget_for_field (self, field);
  if (widget == NULL)
    return;
  mark (self, widget);
  gtk_widget_set_tooltip_text (widget, error->message);
  if (widget == GTK_WIDGET (self->lines_editor))
    gtk_widget_activate_action (widget, "lines.add", NULL);
  else
    gtk_widget_grab_focus (widget);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Sets the text only when it differs, so that the cursor of a row being edited stays */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static guint
enum_index (const GdnEnumInfo *info,
            const char        *value)
{
  guint i = 0;

  for (const GdnEnumValue *v = info->values; v->value != NULL; v++, i++)
    if (g_strcmp0 (v->value, value) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static GtkStringList *
enum_labels (const GdnEnumInfo *info,
             const char        *none)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (none != NULL)
    gtk_string_list_append (list, none);
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    gtk_string_list_append (list, gdn_enum_label (info, v->value));
  return list;
}

/* Writes the form into the order. Dates are read as people type them. */
static gboolean
read_form (GdnOrderPage  *self,
           GError       **error)
{
  GdnRecord *r = order_record (self);
  guint type = adw_combo_row_get_selected (self->type_row);
  guint source = adw_combo_row_get_selected (self->source_row);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      AdwEntryRow *row = TEXT_ROW (self, i);
      g_autofree char *text = row_text (row);

      if (text_fields[i].date && *text != '\0')
        {
          g_autofree char *date = gdn_parse_date (text);

          if (date == NULL)
            {
              /* TRANSLATORS: "Promised delivery date: “3/5” is not a date; write it as …" */
              gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID,
                                        text_fields[i].field,
                                        _("%s: “%s” is not a date; write it as 2026-03-05"),
                                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                        text);
              return FALSE;
            }
          g_free (text);
          text = g_steal_pointer (&date);
        }
      gdn_record_set_string (r, text_fields[i].field, text);
    }

  gdn_record_set_int (r, "customer_id", gdn_record_picker_get_record_id (self->customer_row));
  if (type < gdn_enum_n_values (&gdn_enum_order_type))
    gdn_record_set_string (r, "type", gdn_enum_order_type.values[type].value);
  gdn_record_set_string (r, "source",
                         source > 0 && source <= gdn_enum_n_values (&gdn_enum_order_source)
                           ? gdn_enum_order_source.values[source - 1].value : NULL);
  return TRUE;
}

/* ---- showing the order -------------------------------------------------------------- */

static void
update_header (GdnOrderPage *self)
{
  GdnRecord *r = order_record (self);
  const char *order_no = gdn_record_get_string (r, "order_no");
  const char *customer = gdn_record_get_string (r, "customer_name");
  g_autofree char *title = NULL;
  g_autofree char *amount = gdn_format_money (gdn_record_get_double (r, "amount"),
                                              gdn_record_get_string (r, "currency"));
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (order_id (self) == 0)
    title = g_strdup (_("New Order"));
  else
    /* TRANSLATORS: the title of an order's page, e.g. "Order SO-20261102-001" */
    title = g_strdup_printf (_("Order %s"), order_no ? order_no : "");
  gtk_label_set_text (self->title_label, title);

  if (customer != NULL)
    g_string_append (subtitle, customer);
  if (order_id (self) > 0)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, gdn_enum_label (&gdn_enum_order_status,
                                                 gdn_record_get_string (r, "status")));
      if (*amount != '\0')
        g_string_append_printf (subtitle, " · %s", amount);
    }
  else
    g_string_append (subtitle, _("Not saved yet"));
  gtk_label_set_text (self->subtitle_label, subtitle->str);
}

static void
add_flag_row (GdnOrderPage *self,
              const char   *icon_name,
              const char   *style,
              const char   *title,
              const char   *text,
              GtkWidget    *button)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *body = gtk_label_new (text);

  gtk_widget_add_css_class (image, style);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, style);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), heading);
  gtk_box_append (GTK_BOX (labels), body);
  gtk_box_append (GTK_BOX (row), image);
  gtk_box_append (GTK_BOX (row), labels);
  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (row), button);
    }
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_widget_set_margin_top (row, 6);
  gtk_widget_set_margin_bottom (row, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  gtk_box_append (self->flags_box, row);
}

static void
on_write_reason_clicked_cb (GdnOrderPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->missing_row));
}

/* What an incomplete order lacks, as a list for a sentence */
static char *
describe_missing (GdnOrderPage *self)
{
  GdnRecord *r = order_record (self);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) lines = NULL;
  gboolean lines_complete = TRUE;

  if (!gdn_record_is_set (r, "promised_date"))
    g_ptr_array_add (parts, _("the promised delivery date"));
  if (!gdn_record_is_set (r, "delivery_address"))
    g_ptr_array_add (parts, _("the delivery address"));

  lines = gdn_workflow_load_order_lines (self->store, self->order, NULL);
  if (lines == NULL || lines->len == 0)
    g_ptr_array_add (parts, _("the order lines"));
  else
    {
      for (guint i = 0; i < lines->len; i++)
        {
          GdnRecord *line = g_ptr_array_index (lines, i);

          if (!gdn_record_is_set (line, "product_code") || !gdn_record_is_set (line, "quantity") ||
              !gdn_record_is_set (line, "unit_price"))
            lines_complete = FALSE;
        }
      if (!lines_complete)
        g_ptr_array_add (parts, _("product codes, quantities or prices of some lines"));
    }
  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: separates the missing items: "the delivery address, the order lines" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
update_flags (GdnOrderPage *self)
{
  GdnRecord *r = order_record (self);
  GdnFlags flags = order_id (self) > 0 ? (GdnFlags) MAX (0, gdn_record_get_int (r, "flags")) : 0;
  g_autofree char *promised = gdn_format_date (gdn_record_get_string (r, "promised_date"));
  g_autofree char *delivered = gdn_format_date (gdn_record_get_string (r, "delivered_date"));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flags_box))) != NULL)
    gtk_box_remove (self->flags_box, child);

  if (flags & GDN_FLAGS_OVERDUE)
    {
      g_autofree char *text =
        g_strdup_printf (_("The promised delivery date %s has passed and the order is not "
                           "delivered yet. Tell the customer, and agree on a new date."),
                         promised);
      add_flag_row (self, "dialog-error-symbolic", "error",
                    gdn_flags_label (GDN_FLAGS_OVERDUE), text, NULL);
    }
  if (flags & GDN_FLAGS_AT_RISK)
    {
      g_autofree char *text = NULL;

      if (g_strcmp0 (gdn_record_get_string (r, "status"), "in_production") == 0 &&
          gdn_record_is_set (r, "progress"))
        text = g_strdup_printf (_("Delivery is promised for %s and production is at %d %%: "
                                  "it may not be ready in time."),
                                promised, (int) gdn_record_get_int (r, "progress"));
      else
        text = g_strdup_printf (_("Delivery is promised for %s and the order has not shipped "
                                  "yet."), promised);
      add_flag_row (self, "dialog-warning-symbolic", "warning",
                    gdn_flags_label (GDN_FLAGS_AT_RISK), text, NULL);
    }
  if (flags & GDN_FLAGS_LATE_DELIVERY)
    {
      const char *reason = gdn_record_get_string (r, "delay_reason");
      g_autofree char *text =
        reason != NULL
        ? g_strdup_printf (_("Delivered on %s, after the promised %s. Delay reason: %s."),
                           delivered, promised,
                           gdn_enum_label (&gdn_enum_delay_reason, reason))
        : g_strdup_printf (_("Delivered on %s, after the promised %s. No delay reason is "
                             "recorded."),
                           delivered, promised);
      add_flag_row (self, "dialog-warning-symbolic", "warning",
                    gdn_flags_label (GDN_FLAGS_LATE_DELIVERY), text, NULL);
    }
  if (flags & GDN_FLAGS_INCOMPLETE)
    {
      g_autofree char *missing = describe_missing (self);
      const char *reason = gdn_record_get_string (r, "missing_reason");
      g_autofree char *text = NULL;
      GtkWidget *button = NULL;

      if (reason != NULL)
        text = g_strdup_printf (_("Missing: %s. Reason given: “%s”."), missing, reason);
      else
        {
          text = g_strdup_printf (_("Missing: %s. Complete the order, or write why the data "
                                    "is missing."), missing);
          button = gtk_button_new_with_mnemonic (_("Write a _Reason"));
          g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_write_reason_clicked_cb),
                                    self);
        }
      add_flag_row (self, "dialog-warning-symbolic", "warning",
                    gdn_flags_label (GDN_FLAGS_INCOMPLETE), text, button);
    }
  if (flags & GDN_FLAGS_STUCK)
    {
      g_autofree char *changed = gdn_format_date (gdn_record_get_string (r, "status_changed_at"));
      g_autofree char *text =
        g_strdup_printf (_("Nothing has moved for 14 days or more (last status change %s). "
                           "Ask the factory or the carrier where it stands."), changed);
      add_flag_row (self, "dialog-warning-symbolic", "warning",
                    gdn_flags_label (GDN_FLAGS_STUCK), text, NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->flags_box), flags != 0);
}

static void
update_workflow (GdnOrderPage *self)
{
  GdnRecord *r = order_record (self);
  const char *status = gdn_record_get_string (r, "status");
  const char * const *next = gdn_order_workflow_next_statuses (status);
  const char *changed_at = gdn_record_get_string (r, "status_changed_at");
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;
  gboolean in_production;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box))) != NULL)
    gtk_box_remove (self->steps_box, child);

  if (order_id (self) == 0)
    {
      gtk_label_set_text (self->status_title, _("New Order"));
      gtk_label_set_text (self->status_description,
                          _("A new order starts as an inquiry. Save it to move it on."));
      gtk_widget_set_visible (self->progress_list, FALSE);
      return;
    }

  /* TRANSLATORS: the heading of the workflow part of an order's page: "Status: Confirmed" */
  title = g_strdup_printf (_("Status: %s"), gdn_enum_label (&gdn_enum_order_status, status));
  gtk_label_set_text (self->status_title, title);
  if (next[0] == NULL)
    description = g_strdup (_("This is a final status: the order does not move on."));
  else if (changed_at != NULL)
    {
      g_autofree char *since = gdn_format_datetime (changed_at);

      /* TRANSLATORS: "Since 2026-11-02 14:30. Next step:" */
      description = g_strdup_printf (_("Since %s. Next step:"), since);
    }
  else
    description = g_strdup (_("Next step:"));
  gtk_label_set_text (self->status_description, description);

  for (guint i = 0; next[i] != NULL; i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (
        gdn_status_change_dialog_action_label (status, next[i]));
      gboolean leaves = g_strcmp0 (next[i], "cancelled") == 0 || g_strcmp0 (next[i], "lost") == 0;
      gboolean back = g_strcmp0 (status, "qc") == 0 && g_strcmp0 (next[i], "in_production") == 0;

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "order.change-status");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", next[i]);
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      if (leaves || back)
        gtk_widget_set_halign (button, GTK_ALIGN_END);
      gtk_box_append (self->steps_box, button);
    }
  /* the ways out of the normal path sit at the end */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_halign (child) == GTK_ALIGN_END)
      {
        gtk_widget_set_hexpand (child, TRUE);
        break;
      }
  gtk_widget_set_margin_top (GTK_WIDGET (self->steps_box), next[0] != NULL ? 6 : 0);

  in_production = g_strcmp0 (status, "in_production") == 0;
  gtk_widget_set_visible (self->progress_list, in_production);
  if (in_production)
    {
      int progress = MAX (0, (int) gdn_record_get_int (r, "progress"));
      gboolean loading = self->loading;

      /* showing the progress is not changing it */
      self->loading = TRUE;
      gtk_spin_button_set_value (self->progress_spin, progress);
      self->loading = loading;
      gtk_level_bar_set_value (self->progress_bar, progress);
    }
}

static const char *
timeline_icon (GdnTimelineKind kind)
{
  switch (kind)
    {
    case GDN_TIMELINE_INTERACTION:
      return "system-users-symbolic";
    case GDN_TIMELINE_SHIPMENT:
      return "gdn-shipments-symbolic";
    case GDN_TIMELINE_CASE:
      return "gdn-cases-symbolic";
    case GDN_TIMELINE_STATUS:
    default:
      return "object-select-symbolic";
    }
}

static void
update_timeline (GdnOrderPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->timeline_list))) != NULL)
    gtk_list_box_remove (self->timeline_list, child);

  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), order_id (self) > 0);
  if (order_id (self) == 0)
    return;

  entries = gdn_timeline_load (self->store, order_id (self), &error);
  if (entries == NULL)
    {
      g_warning ("Cannot read the timeline of order %" G_GINT64_FORMAT ": %s",
                 order_id (self), error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      GdnTimelineEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (timeline_icon (entry->kind));
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *at = gdn_format_datetime (entry->at);

      g_string_append (subtitle, at);
      if (entry->who != NULL)
        g_string_append_printf (subtitle, " · %s", entry->who);
      if (entry->detail != NULL)
        g_string_append_printf (subtitle, "\n%s", entry->detail);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (entry->kind == GDN_TIMELINE_CASE)
        {
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_widget_set_tooltip_text (row, _("Open the case"));
          g_object_set_data_full (G_OBJECT (row), "gdn-case-id",
                                  g_memdup2 (&entry->record_id, sizeof (gint64)), g_free);
        }
      gtk_list_box_append (self->timeline_list, row);
    }
}

static void
fill_form (GdnOrderPage *self,
           gboolean      with_lines)
{
  GdnRecord *r = order_record (self);

  self->loading = TRUE;

  /* dates as the user's language writes them; read_form () parses that form back */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const char *value = gdn_record_get_string (r, text_fields[i].field);
      g_autofree char *date = text_fields[i].date && value != NULL ? gdn_format_date (value) : NULL;

      set_row_text (TEXT_ROW (self, i), date != NULL ? date : value);
    }

  gdn_record_picker_set_record_id (self->customer_row,
                                   MAX (0, gdn_record_get_int (r, "customer_id")));
  {
    guint type = enum_index (&gdn_enum_order_type, gdn_record_get_string (r, "type"));

    adw_combo_row_set_selected (self->type_row, type != GTK_INVALID_LIST_POSITION ? type : 0);
  }
  {
    guint source = enum_index (&gdn_enum_order_source, gdn_record_get_string (r, "source"));

    adw_combo_row_set_selected (self->source_row,
                                source != GTK_INVALID_LIST_POSITION ? source + 1 : 0);
  }

  {
    g_autofree char *confirmed = gdn_format_date (gdn_record_get_string (r, "confirmed_date"));

    adw_action_row_set_subtitle (self->confirmed_row, confirmed);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->confirmed_row),
                          gdn_record_is_set (r, "confirmed_date"));
  if (gdn_record_is_set (r, "delivered_date"))
    {
      const char *reason = gdn_record_get_string (r, "delay_reason");
      g_autofree char *delivered = gdn_format_date (gdn_record_get_string (r, "delivered_date"));
      g_autofree char *text =
        reason != NULL
        /* TRANSLATORS: "2026-11-20 · delay reason: Logistics delay" */
        ? g_strdup_printf (_("%s · delay reason: %s"), delivered,
                           gdn_enum_label (&gdn_enum_delay_reason, reason))
        : g_steal_pointer (&delivered);

      adw_action_row_set_subtitle (self->delivered_row, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->delivered_row),
                          gdn_record_is_set (r, "delivered_date"));

  if (with_lines)
    {
      g_autoptr(GPtrArray) lines = NULL;
      g_autoptr(GError) error = NULL;

      if (order_id (self) > 0)
        {
          lines = gdn_workflow_load_order_lines (self->store, self->order, &error);
          if (lines == NULL)
            g_warning ("Cannot read the lines of order %" G_GINT64_FORMAT ": %s",
                       order_id (self), error->message);
        }
      gdn_order_lines_editor_set_lines (self->lines_editor, lines);
    }

  adw_combo_row_set_selected (self->template_row,
                              gdn_template_kind_for_status (gdn_record_get_string (r, "status")));

  self->loading = FALSE;
  set_modified (self, FALSE);
  refresh_all (self);
}

static void
refresh_all (GdnOrderPage *self)
{
  update_header (self);
  update_flags (self);
  update_workflow (self);
  update_timeline (self);
  update_actions (self);
}

/* ---- saving ------------------------------------------------------------------------- */

static gboolean save (GdnOrderPage *self);

/* "Overwrite" after a conflict: the order was reloaded, so this save goes through */
static gboolean
save_again (GdnRecordPage *page)
{
  return save (GDN_ORDER_PAGE (page));
}

static gboolean
save (GdnOrderPage *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  clear_errors (self);

  lines = gdn_order_lines_editor_get_lines (self->lines_editor, &error);
  ok = lines != NULL && read_form (self, &error);
  if (ok)
    {
      self->busy = TRUE;
      ok = gdn_workflow_save_order (self->store, self->order, lines, &error);
      self->busy = FALSE;
    }
  if (!ok)
    {
      /* the form keeps what was typed; the order goes back to what is saved, so that a
       * step or a progress update cannot write half of a refused edit */
      if (order_id (self) > 0)
        gdn_store_reload (self->store, order_record (self), NULL);
      show_error (self, error);
      if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT))
        gdn_record_page_ask_conflict (GDN_RECORD_PAGE (self), error, save_again);
      return FALSE;
    }

  /* the lines stay as typed; the header shows the dates as stored */
  fill_form (self, FALSE);
  return TRUE;
}

/* Steps, messages and cases work on the order as saved */
static gboolean
save_if_needed (GdnOrderPage *self)
{
  if (self->modified || order_id (self) == 0)
    return save (self);
  return TRUE;
}

/* After a step: the workflow has reloaded the order */
static void
step_done (GdnOrderPage *self)
{
  g_autofree char *text = NULL;

  fill_form (self, TRUE);
  /* TRANSLATORS: a toast after a step, e.g. "SO-20261102-001 is now “Confirmed”" */
  text = g_strdup_printf (_("%s is now “%s”"),
                          gdn_record_get_string (order_record (self), "order_no"),
                          gdn_enum_label (&gdn_enum_order_status,
                                          gdn_record_get_string (order_record (self), "status")));
  add_toast (self, text);
}

/* ---- signal callbacks ----------------------------------------------------------------- */

static void
on_field_changed_cb (GtkWidget    *widget,
                     GParamSpec   *pspec,
                     GdnOrderPage *self)
{
  if (self->loading)
    return;
  gtk_widget_remove_css_class (widget, "error");
  set_modified (self, TRUE);
}

static void
on_entry_changed_cb (GtkEditable  *editable,
                     GdnOrderPage *self)
{
  on_field_changed_cb (GTK_WIDGET (editable), NULL, self);
}

static void
on_lines_changed_cb (GdnOrderLinesEditor *editor,
                     GdnOrderPage        *self)
{
  on_field_changed_cb (GTK_WIDGET (editor), NULL, self);
}

static void
on_progress_changed_cb (GdnOrderPage *self)
{
  g_autoptr(GError) error = NULL;
  int progress = gtk_spin_button_get_value_as_int (self->progress_spin);
  gboolean ok;

  if (self->loading || self->order == NULL ||
      progress == gdn_record_get_int (order_record (self), "progress"))
    return;

  self->busy = TRUE;
  ok = gdn_workflow_set_order_progress (self->store, self->order, progress, &error);
  self->busy = FALSE;
  if (!ok)
    {
      show_error (self, error);
      return;
    }
  gtk_level_bar_set_value (self->progress_bar, progress);
  gdn_store_reload (self->store, order_record (self), NULL);
  update_flags (self);
}

static void
on_status_dialog_apply_cb (GdnStatusChangeDialog *dialog,
                           GdnOrderPage          *self)
{
  const char *to = gdn_status_change_dialog_get_target (dialog);
  g_autofree char *note = gdn_status_change_dialog_get_note (dialog);
  int progress = gdn_status_change_dialog_get_progress (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  self->busy = TRUE;
  if (g_strcmp0 (to, "delivered") == 0)
    {
      g_autofree char *date = gdn_status_change_dialog_get_delivered_date (dialog, &error);

      ok = date != NULL &&
           gdn_workflow_deliver_order (self->store, self->order, date,
                                       gdn_status_change_dialog_get_delay_reason (dialog), note,
                                       &error);
    }
  else
    ok = gdn_workflow_change_order_status (self->store, self->order, to, note, &error);
  self->busy = FALSE;

  if (!ok)
    {
      if (!gdn_status_change_dialog_show_error (dialog, error))
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
          show_error (self, error);
        }
      return;
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (progress > 0)
    {
      self->busy = TRUE;
      if (!gdn_workflow_set_order_progress (self->store, self->order, progress, &error))
        g_warning ("Cannot record the progress: %s", error->message);
      self->busy = FALSE;
    }
  step_done (self);
}

static void
on_ship_dialog_apply_cb (GdnShipDialog *dialog,
                         GdnOrderPage  *self)
{
  g_autoptr(GdnShipment) shipment = NULL;
  g_autofree char *note = gdn_ship_dialog_get_note (dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  shipment = gdn_ship_dialog_build_shipment (dialog, &error);
  if (shipment == NULL)
    return;

  self->busy = TRUE;
  ok = gdn_workflow_ship_order (self->store, self->order, shipment, note, &error);
  self->busy = FALSE;
  if (!ok)
    {
      if (!gdn_ship_dialog_show_error (dialog, error))
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
          show_error (self, error);
        }
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  step_done (self);
}

static void
on_timeline_row_activated_cb (GdnOrderPage  *self,
                              GtkListBoxRow *row)
{
  const gint64 *case_id = g_object_get_data (G_OBJECT (row), "gdn-case-id");
  g_autofree char *target = NULL;

  if (case_id == NULL)
    return;
  target = g_strdup_printf ("cases:%" G_GINT64_FORMAT, *case_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", target);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GdnOrderPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->refresh_id = 0;
  if (self->order == NULL || order_id (self) == 0)
    return G_SOURCE_REMOVE;

  /* changed elsewhere (another section, an undo): show it, unless edits would be lost */
  if (!self->modified)
    {
      if (!gdn_store_reload (self->store, order_record (self), &error))
        {
          /* moved to the trash */
          return G_SOURCE_REMOVE;
        }
      fill_form (self, TRUE);
    }
  else
    {
      update_timeline (self);
    }
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (GdnOrderPage  *self,
                     GType          type,
                     gint64         id,
                     GdnChangeKind  kind)
{
  if (self->busy || self->order == NULL || order_id (self) == 0)
    return;
  if (type == GDN_TYPE_ORDER && id != order_id (self) && kind != GDN_CHANGE_RELOADED)
    return;
  if (type == GDN_TYPE_CUSTOMER || type == GDN_TYPE_CONTACT)
    return;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

/* ---- the message dialog ------------------------------------------------------------- */

typedef struct
{
  GdnOrderPage  *self;
  GtkEditable   *subject;
  GtkTextBuffer *body;
  GdnMessage    *message;
  gint64         order_id;
} MessageState;

static void
message_state_free (gpointer data)
{
  MessageState *state = data;

  g_clear_object (&state->self);
  g_clear_pointer (&state->message, gdn_message_free);
  g_free (state);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
log_sent_message (GdnOrderPage *self,
                  MessageState *state)
{
  g_autoptr(GdnRecord) interaction = GDN_RECORD (gdn_interaction_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *now = gdn_now ();

  gdn_record_set_int (interaction, "customer_id", state->message->customer_id);
  if (state->message->contact_id > 0)
    gdn_record_set_int (interaction, "contact_id", state->message->contact_id);
  gdn_record_set_int (interaction, "order_id", state->order_id);
  gdn_record_set_string (interaction, "channel", "email");
  gdn_record_set_string (interaction, "direction", "out");
  gdn_record_set_string (interaction, "at", now);
  gdn_record_set_string (interaction, "summary", state->message->subject);
  gdn_record_set_string (interaction, "who", gdn_store_get_user_name (self->store));
  if (!gdn_store_insert (self->store, interaction, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The message was not logged: %s"),
                                               error->message);
      add_toast (self, text);
      return;
    }
  add_toast (self, _("Message opened in your mail program and logged"));
}

static void
on_mail_launched_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  MessageState *state = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("No mail program could be opened: %s"),
                                               error->message);
      add_toast (state->self, text);
    }
  else
    log_sent_message (state->self, state);
  message_state_free (state);
}

static void
on_message_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        MessageState     *state)
{
  g_autofree char *body = buffer_text (state->body);

  if (g_strcmp0 (response, "copy") == 0)
    {
      gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (state->self)), body);
      add_toast (state->self, _("Message copied"));
    }
  else if (g_strcmp0 (response, "email") == 0)
    {
      MessageState *launch = g_new0 (MessageState, 1);
      g_autofree char *uri = NULL;
      g_autoptr(GdkAppLaunchContext) context = NULL;

      /* what was edited in the dialog is what goes out, and what is logged */
      g_free (state->message->subject);
      g_free (state->message->body);
      state->message->subject = g_strdup (gtk_editable_get_text (state->subject));
      state->message->body = g_steal_pointer (&body);
      uri = gdn_message_to_mailto (state->message);

      launch->self = g_object_ref (state->self);
      launch->message = g_steal_pointer (&state->message);
      launch->order_id = state->order_id;
      context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (dialog)));
      g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                               on_mail_launched_cb, launch);
    }
}

static void
show_message (GdnOrderPage *self)
{
  GdnTemplateKind kind = adw_combo_row_get_selected (self->template_row);
  g_autoptr(GdnMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *subject, *scrolled, *view;
  MessageState *state;

  if (kind >= GDN_TEMPLATE_N_KINDS)
    kind = GDN_TEMPLATE_CONFIRMATION;

  message = gdn_template_fill (self->store, self->order, kind, &error);
  if (message == NULL)
    {
      show_error (self, error);
      return;
    }

  if (message->to != NULL)
    /* TRANSLATORS: the recipient of a message, an e-mail address */
    body = g_strdup_printf (_("To %s"), message->to);
  else
    body = g_strdup (_("No e-mail address is on file for this customer: your mail program "
                       "will ask for one."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       gdn_template_kind_label (kind), body));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  subject = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (subject), message->subject);
  gtk_accessible_update_property (GTK_ACCESSIBLE (subject), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Subject"), -1);
  gtk_widget_set_tooltip_text (subject, _("Subject"));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), message->body, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Message"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 440);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_box_append (GTK_BOX (box), subject);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "copy", _("C_opy"),
                                    "email", _("Send by _E-mail"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "email", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "email");
  adw_message_dialog_set_close_response (dialog, "close");

  state = g_new0 (MessageState, 1);
  state->self = g_object_ref (self);
  state->subject = GTK_EDITABLE (subject);
  state->body = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  state->message = g_steal_pointer (&message);
  state->order_id = order_id (self);
  g_object_set_data_full (G_OBJECT (dialog), "gdn-message-state", state, message_state_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_message_response_cb), state);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- unsaved changes ------------------------------------------------------------------ */

static void
on_unsaved_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GdnOrderPage     *self)
{
  if (g_strcmp0 (response, "save") == 0)
    {
      if (!save (self))
        {
          g_signal_emit (self, signals[CLOSE_CANCELLED], 0);
          return;
        }
    }
  else if (g_strcmp0 (response, "discard") != 0)
    {
      g_signal_emit (self, signals[CLOSE_CANCELLED], 0);
      return;
    }

  set_modified (self, FALSE);
  g_signal_emit (self, signals[CLOSED], 0);
}

/* ---- actions -------------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (widget);

  if (self->order != NULL && save (self))
    add_toast (self, _("Order saved"));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdn_order_page_request_close (GDN_ORDER_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (widget);
  GtkWindow *window = parent_window (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdnOrder) order = NULL;
  g_autofree char *message = NULL;

  if (order_id (self) == 0)
    return;

  order = g_object_ref (self->order);
  self->busy = TRUE;
  if (!gdn_store_delete (self->store, GDN_RECORD (order), &error))
    {
      self->busy = FALSE;
      show_error (self, error);
      return;
    }
  self->busy = FALSE;

  /* TRANSLATORS: a toast with an Undo button */
  message = g_strdup_printf (_("Order %s moved to the trash"),
                             gdn_record_get_string (GDN_RECORD (order), "order_no"));
  if (GDN_IS_WINDOW (window))
    gdn_window_show_undo (GDN_WINDOW (window), GDN_RECORD (order), message);
  set_modified (self, FALSE);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
change_status_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (widget);
  const char *to = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  if (!save_if_needed (self))
    return;
  clear_errors (self);

  /* what confirming needs is said at once, on the page, before any dialog */
  if (g_strcmp0 (to, "confirmed") == 0 &&
      !gdn_workflow_check_order_confirmable (self->store, self->order, &error))
    {
      show_error (self, error);
      return;
    }

  if (g_strcmp0 (to, "shipped") == 0)
    {
      dialog = GTK_WINDOW (gdn_ship_dialog_new (parent_window (self), self->order));
      g_signal_connect_object (dialog, "apply", G_CALLBACK (on_ship_dialog_apply_cb), self, 0);
    }
  else
    {
      dialog = GTK_WINDOW (gdn_status_change_dialog_new (parent_window (self), self->order, to));
      g_signal_connect_object (dialog, "apply", G_CALLBACK (on_status_dialog_apply_cb), self, 0);
    }
  gtk_window_present (dialog);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (widget);
  g_autoptr(GdnRecord) kase = GDN_RECORD (gdn_case_new ());
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (!save_if_needed (self))
    return;

  gdn_record_set_string (kase, "type", g_variant_get_string (parameter, NULL));
  gdn_record_set_string (kase, "owner", gdn_store_get_user_name (self->store));
  self->busy = TRUE;
  ok = gdn_workflow_open_case (self->store, GDN_CASE (kase), self->order, &error);
  self->busy = FALSE;
  if (!ok)
    {
      show_error (self, error);
      return;
    }

  update_timeline (self);
  /* TRANSLATORS: a toast, e.g. "Case KS-20261102-001 opened" */
  text = g_strdup_printf (_("Case %s opened"), gdn_record_get_string (kase, "case_no"));
  add_toast (self, text);
  target = g_strdup_printf ("cases:%" G_GINT64_FORMAT, gdn_record_get_id (kase));
  gtk_widget_activate_action (widget, "win.open-record", "s", target);
}

static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (widget);

  if (save_if_needed (self))
    show_message (self);
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
gdn_order_page_constructed (GObject *object)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (object);

  G_OBJECT_CLASS (gdn_order_page_parent_class)->constructed (object);

  self->customer_row = gdn_record_picker_new (self->store, GDN_TYPE_CUSTOMER, _("Customer"));
  gdn_record_picker_set_fields (self->customer_row, "name", "code");
  adw_preferences_group_add (self->customer_group, GTK_WIDGET (self->customer_row));
  g_signal_connect (self->customer_row, "notify::record-id", G_CALLBACK (on_field_changed_cb),
                    self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GdnRecordPage ---------------------------------------------------------------- */

static gboolean
record_page_load (GdnRecordPage  *page,
                  gint64          id,
                  GError        **error)
{
  return gdn_order_page_load (GDN_ORDER_PAGE (page), id, error);
}

static void
record_page_new_record (GdnRecordPage *page)
{
  gdn_order_page_new_order (GDN_ORDER_PAGE (page));
}

static gint64
record_page_get_record_id (GdnRecordPage *page)
{
  GdnOrder *order = gdn_order_page_get_order (GDN_ORDER_PAGE (page));

  return order != NULL ? gdn_record_get_id (GDN_RECORD (order)) : 0;
}

static void
record_page_focus (GdnRecordPage *page)
{
  gdn_order_page_focus_first (GDN_ORDER_PAGE (page));
}

static gboolean
record_page_get_modified (GdnRecordPage *page)
{
  return gdn_order_page_get_modified (GDN_ORDER_PAGE (page));
}

static void
record_page_request_close (GdnRecordPage *page)
{
  gdn_order_page_request_close (GDN_ORDER_PAGE (page));
}

static void
gdn_order_page_record_page_init (GdnRecordPageInterface *iface)
{
  iface->load = record_page_load;
  iface->new_record = record_page_new_record;
  iface->get_record_id = record_page_get_record_id;
  iface->focus = record_page_focus;
  iface->get_modified = record_page_get_modified;
  iface->request_close = record_page_request_close;
}

static void
gdn_order_page_dispose (GObject *object)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_ORDER_PAGE);
  g_clear_object (&self->order);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_order_page_parent_class)->dispose (object);
}

static void
gdn_order_page_finalize (GObject *object)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (object);

  g_clear_pointer (&self->marked, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_order_page_parent_class)->finalize (object);
}

static void
gdn_order_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_order_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GdnOrderPage *self = GDN_ORDER_PAGE (object);

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
gdn_order_page_class_init (GdnOrderPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_order_page_constructed;
  object_class->dispose = gdn_order_page_dispose;
  object_class->finalize = gdn_order_page_finalize;
  object_class->get_property = gdn_order_page_get_property;
  object_class->set_property = gdn_order_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnOrderPage:modified:
   *
   * Whether the form holds changes that are not saved.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnOrderPage::closed:
   *
   * The person is done with the order (Back, after saving or discarding, or Delete).
   */
  signals[CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  /**
   * GdnOrderPage::close-cancelled:
   *
   * Asked whether to save or discard changes, the person chose to stay (or the save was
   * refused).
   */
  signals[CLOSE_CANCELLED] =
    g_signal_new ("close-cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GDN_TYPE_ORDER_LINES_EDITOR);
  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-order-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, box);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, case_button);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, flags_box);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, status_title);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, status_description);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, progress_list);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, steps_box);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, progress_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, progress_spin);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, customer_group);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, order_no_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, type_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, created_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, promised_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, payment_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, confirmed_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, delivered_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, missing_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, lines_group);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, lines_editor);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, template_row);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, GdnOrderPage, timeline_list);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_timeline_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "order.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "order.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "order.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "order.change-status", "s",
                                   change_status_action);
  gtk_widget_class_install_action (widget_class, "order.new-case", "s", new_case_action);
  gtk_widget_class_install_action (widget_class, "order.show-message", NULL,
                                   show_message_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "order.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "order.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "order.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_order_page_init (GdnOrderPage *self)
{
  g_autoptr(GtkStringList) types = enum_labels (&gdn_enum_order_type, NULL);
  g_autoptr(GtkStringList) sources = enum_labels (&gdn_enum_order_source, _("Not given"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *placeholder;
  GtkWidget *viewport;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->marked = g_ptr_array_new_with_free_func (g_object_unref);

  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (sources));
  for (GdnTemplateKind k = 0; k < GDN_TEMPLATE_N_KINDS; k++)
    gtk_string_list_append (kinds, gdn_template_kind_label (k));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (kinds));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    g_signal_connect (TEXT_ROW (self, i), "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect (self->type_row, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->source_row, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
  g_signal_connect (self->lines_editor, "changed", G_CALLBACK (on_lines_changed_cb), self);

  placeholder = gtk_label_new (_("Nothing has happened to this order yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->timeline_list, placeholder);

  /* a field marked with an error is scrolled into sight when it takes the focus */
  viewport = gtk_scrolled_window_get_child (self->scroller);
  if (GTK_IS_VIEWPORT (viewport))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), TRUE);
}

/**
 * gdn_order_page_new:
 * @store: where the order is read and written
 */
GtkWidget *
gdn_order_page_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  return g_object_new (GDN_TYPE_ORDER_PAGE, "store", store, NULL);
}

/**
 * gdn_order_page_load:
 * @id: an order
 *
 * Shows order @id, dropping what the form held.
 */
gboolean
gdn_order_page_load (GdnOrderPage  *self,
                     gint64         id,
                     GError       **error)
{
  g_autoptr(GdnRecord) order = NULL;

  g_return_val_if_fail (GDN_IS_ORDER_PAGE (self), FALSE);

  order = gdn_store_get (self->store, GDN_TYPE_ORDER, id, error);
  if (order == NULL)
    return FALSE;

  g_set_object (&self->order, GDN_ORDER (order));
  clear_errors (self);
  fill_form (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  return TRUE;
}

/**
 * gdn_order_page_new_order:
 *
 * Starts a new order: the next free number, regular, created today, owned by the user.
 */
void
gdn_order_page_new_order (GdnOrderPage *self)
{
  g_autoptr(GdnOrder) order = gdn_order_new ();
  GdnRecord *r = GDN_RECORD (order);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *today = gdn_today ();

  g_return_if_fail (GDN_IS_ORDER_PAGE (self));

  number = gdn_workflow_next_order_no (self->store, &error);
  if (number == NULL)
    g_warning ("Cannot number the new order: %s", error->message);
  gdn_record_set_string (r, "order_no", number);
  gdn_record_set_string (r, "type", "regular");
  gdn_record_set_string (r, "status", "inquiry");
  gdn_record_set_string (r, "created_date", today);
  gdn_record_set_string (r, "currency", "CNY");
  gdn_record_set_string (r, "owner", gdn_store_get_user_name (self->store));

  g_set_object (&self->order, order);
  clear_errors (self);
  fill_form (self, TRUE);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * gdn_order_page_get_order:
 *
 * Returns: (transfer none) (nullable): the order shown, as last saved or loaded
 */
GdnOrder *
gdn_order_page_get_order (GdnOrderPage *self)
{
  g_return_val_if_fail (GDN_IS_ORDER_PAGE (self), NULL);
  return self->order;
}

gboolean
gdn_order_page_get_modified (GdnOrderPage *self)
{
  g_return_val_if_fail (GDN_IS_ORDER_PAGE (self), FALSE);
  return self->modified;
}

/**
 * gdn_order_page_save:
 *
 * Saves the form as Save does.
 *
 * Returns: %FALSE when it was refused (the field is marked on the page)
 */
gboolean
gdn_order_page_save (GdnOrderPage *self)
{
  g_return_val_if_fail (GDN_IS_ORDER_PAGE (self), FALSE);
  return self->order != NULL && save (self);
}

/**
 * gdn_order_page_request_close:
 *
 * Emits ::closed at once when nothing is unsaved; otherwise asks whether to save or
 * discard the changes first, and emits ::closed or ::close-cancelled after the answer.
 */
void
gdn_order_page_request_close (GdnOrderPage *self)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GDN_IS_ORDER_PAGE (self));

  if (!self->modified)
    {
      g_signal_emit (self, signals[CLOSED], 0);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _("Save Changes?"),
                                                       _("The order has changes that are not "
                                                         "saved yet.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gdn_order_page_focus_first:
 *
 * Moves the focus to where work on the order starts: the customer of a new order, the
 * first next step of a saved one.
 */
void
gdn_order_page_focus_first (GdnOrderPage *self)
{
  GtkWidget *first_step;

  g_return_if_fail (GDN_IS_ORDER_PAGE (self));

  first_step = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
  if (order_id (self) > 0 && first_step != NULL)
    gtk_widget_grab_focus (first_step);
  else if (order_id (self) == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->order_no_row));
}

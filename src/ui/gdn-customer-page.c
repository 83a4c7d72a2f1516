/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-customer-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gdn-case.h"
#include "gdn-contact-dialog.h"
#include "gdn-contact-map.h"
#include "gdn-contact.h"
#include "gdn-customer-page.h"
#include "gdn-customer-summary.h"
#include "gdn-customer.h"
#include "gdn-enums.h"
#include "gdn-flags.h"
#include "gdn-format.h"
#include "gdn-interaction-dialog.h"
#include "gdn-interaction.h"
#include "gdn-order-event.h"
#include "gdn-order-line.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-record-page.h"
#include "gdn-shipment.h"
#include "gdn-survey.h"
#include "gdn-tooltip.h"
#include "gdn-validation-error.h"
#include "gdn-window.h"

/* One customer's file: the details form, the contacts and their buying-centre map, the
 * orders with what is still to ship, the cases, the communication log and the
 * satisfaction history. The form is written only by Save; the other parts follow the
 * store, so a log entry or a contact added anywhere shows up here. */

/* How many orders, cases and log entries a part shows before "Show More" */
#define PAGE_SIZE 50

typedef enum
{
  PART_CUSTOMER = 1 << 0,
  PART_CONTACTS = 1 << 1,
  PART_ORDERS   = 1 << 2,
  PART_CASES    = 1 << 3,
  PART_LOG      = 1 << 4,
  PART_SURVEYS  = 1 << 5,
  PART_ALL      = 0x3f,
} Part;

struct _GdnCustomerPage
{
  GtkWidget            parent_instance;

  GdnStore            *store;
  GdnRecord           *customer;      /* as read (or new), and what Save writes */
  char                *title;
  gboolean             dirty;
  gboolean             filling;       /* the form is being filled, not typed into */
  guint                refresh_id;
  Part                 pending;       /* parts to read again */
  guint                n_orders;      /* how many of each part are shown */
  guint                n_cases;
  guint                n_log;

  GtkWidget           *box;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkWidget           *delete_button;
  GtkWidget           *save_button;
  GtkWidget           *switcher;
  AdwViewStack        *view_stack;
  AdwPreferencesPage  *details_page;
  GtkLabel            *error_label;
  AdwEntryRow         *code_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *short_name_row;
  AdwEntryRow         *industry_row;
  AdwComboRow         *tier_row;
  AdwComboRow         *status_row;
  AdwEntryRow         *owner_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *preferences_row;
  AdwEntryRow         *notes_row;
  AdwViewStackPage    *contacts_stack_page;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  GdnContactMap       *contact_map;
  AdwPreferencesGroup *contacts_group;
  GtkListBox          *contacts_list;
  AdwViewStackPage    *orders_stack_page;
  AdwPreferencesGroup *open_group;
  GtkListBox          *open_list;
  AdwPreferencesGroup *orders_group;
  GtkListBox          *orders_list;
  GtkWidget           *orders_more_button;
  AdwViewStackPage    *cases_stack_page;
  AdwPreferencesGroup *cases_group;
  GtkListBox          *cases_list;
  GtkWidget           *cases_more_button;
  AdwViewStackPage    *log_stack_page;
  AdwPreferencesGroup *log_group;
  GtkListBox          *log_list;
  GtkWidget           *log_more_button;
  AdwViewStackPage    *surveys_stack_page;
  GtkLabel            *mean_label;
  GtkLabel            *mean_stars_label;
  GtkLabel            *mean_caption_label;
  GtkListBox          *surveys_list;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_DIRTY,
  PROP_TITLE,
  N_PROPS
};

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void gdn_customer_page_record_page_init (GdnRecordPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnCustomerPage, gdn_customer_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_RECORD_PAGE,
                                                      gdn_customer_page_record_page_init))

/* The form: each written field of a customer and its row */
typedef struct
{
  const char        *field;
  gsize              offset;
  const GdnEnumInfo *enum_info;   /* a combo row; NULL for an entry row */
} FormRow;

static const FormRow form_rows[] = {
  { "code", G_STRUCT_OFFSET (GdnCustomerPage, code_row), NULL },
  { "name", G_STRUCT_OFFSET (GdnCustomerPage, name_row), NULL },
  { "short_name", G_STRUCT_OFFSET (GdnCustomerPage, short_name_row), NULL },
  { "industry", G_STRUCT_OFFSET (GdnCustomerPage, industry_row), NULL },
  { "tier", G_STRUCT_OFFSET (GdnCustomerPage, tier_row), &gdn_enum_customer_tier },
  { "status", G_STRUCT_OFFSET (GdnCustomerPage, status_row), &gdn_enum_customer_status },
  { "owner", G_STRUCT_OFFSET (GdnCustomerPage, owner_row), NULL },
  { "address", G_STRUCT_OFFSET (GdnCustomerPage, address_row), NULL },
  { "phone", G_STRUCT_OFFSET (GdnCustomerPage, phone_row), NULL },
  { "email", G_STRUCT_OFFSET (GdnCustomerPage, email_row), NULL },
  { "preferences", G_STRUCT_OFFSET (GdnCustomerPage, preferences_row), NULL },
  { "notes", G_STRUCT_OFFSET (GdnCustomerPage, notes_row), NULL },
};

static GtkWidget *
form_row (GdnCustomerPage *self,
          guint            i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, form_rows[i].offset);
}

static gint64
customer_id (GdnCustomerPage *self)
{
  return self->customer != NULL ? gdn_record_get_id (self->customer) : 0;
}

static GdnWindow *
get_window (GdnCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GDN_IS_WINDOW (root) ? GDN_WINDOW (root) : NULL;
}

static void
toast (GdnCustomerPage *self,
       const char      *message)
{
  GdnWindow *window = get_window (self);

  if (window != NULL)
    gdn_window_add_toast (window, adw_toast_new (message));
}

/* ------------------------------------------------------------------------------------- */
/* Small builders for the rows of the parts                                               */

static void
list_clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
add_suffix_label (GtkWidget  *row,
                  const char *text,
                  const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return label;
}

static void
make_link (GtkWidget  *row,
           const char *section,
           gint64      id)
{
  g_autofree char *target = g_strdup_printf ("%s:%" G_GINT64_FORMAT, section, id);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
}

/* " · " between the parts of a subtitle, leaving out the empty ones */
static void
append_part (GString    *s,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (s->len > 0)
    g_string_append (s, " · ");
  g_string_append (s, part);
}

static char *
format_money (double      amount,
              const char *currency)
{
  return gdn_format_money (isnan (amount) ? 0 : amount, currency);
}

static char *
describe_flags (GdnFlags flags)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; bit < 6; bit++)
    if (flags & (1u << bit))
      {
        if (s->len > 0)
          g_string_append (s, _(", "));
        g_string_append (s, gdn_flags_label (1u << bit));
      }
  return g_string_free (s, FALSE);
}

/* Overdue and response breaches in red, the other warnings in amber */
static void
add_flags_icon (GtkWidget *row,
                GdnFlags   flags)
{
  g_autofree char *text = NULL;
  gboolean severe = (flags & (GDN_FLAGS_OVERDUE | GDN_FLAGS_RESPONSE_BREACH)) != 0;
  GtkWidget *image;

  if (flags == 0)
    return;

  text = describe_flags (flags);
  image = gtk_image_new_from_icon_name (severe ? "dialog-error-symbolic"
                                               : "dialog-warning-symbolic");
  gtk_widget_add_css_class (image, severe ? "error" : "warning");
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gdn_tooltip_set_quietly (image, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
}

static GdnFlags
record_flags (GdnRecord *record)
{
  return (GdnFlags) MAX (0, gdn_record_get_int (record, "flags"));
}

/* minutes are enough to read */
static char *
short_time (const char *datetime)
{
  return gdn_format_datetime (datetime);
}

static const char *
enum_label (GdnRecord         *record,
            const char        *field,
            const GdnEnumInfo *info)
{
  const char *value = gdn_record_get_string (record, field);

  return value != NULL ? gdn_enum_label (info, value) : NULL;
}

/* ------------------------------------------------------------------------------------- */
/* The header                                                                              */

static void
update_header (GdnCustomerPage *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *name = NULL;

  if (customer_id (self) > 0)
    {
      name = gdn_record_get_string (self->customer, "name");
      append_part (subtitle, gdn_record_get_string (self->customer, "code"));
      append_part (subtitle, enum_label (self->customer, "tier", &gdn_enum_customer_tier));
      append_part (subtitle, enum_label (self->customer, "status", &gdn_enum_customer_status));
      append_part (subtitle, gdn_record_get_string (self->customer, "industry"));
    }
  else
    append_part (subtitle, _("Not saved yet"));

  g_free (self->title);
  self->title = g_strdup (name != NULL ? name : _("New Customer"));
  gtk_label_set_text (self->title_label, self->title);
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static gboolean
read_only (GdnCustomerPage *self)
{
  /* the store comes after the widget's init */
  return self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store));
}

static void
set_dirty (GdnCustomerPage *self,
           gboolean         dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  /* on a read-only database nothing is saved, whatever is typed */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save",
                                 (dirty || customer_id (self) == 0) && !read_only (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

/* ------------------------------------------------------------------------------------- */
/* The details form                                                                        */

static void
setup_enum_row (AdwComboRow       *row,
                const GdnEnumInfo *info)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, C_("tier or status", "Not set"));
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    gtk_string_list_append (labels, gdn_enum_label (info, v->value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
clear_errors (GdnCustomerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    gtk_widget_remove_css_class (form_row (self, i), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
fill_form (GdnCustomerPage *self)
{
  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    {
      const char *value = gdn_record_get_string (self->customer, form_rows[i].field);

      if (form_rows[i].enum_info != NULL)
        {
          const GdnEnumInfo *info = form_rows[i].enum_info;
          guint selected = 0;

          for (guint v = 0; value != NULL && info->values[v].value != NULL; v++)
            if (g_str_equal (info->values[v].value, value))
              selected = v + 1;
          adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (self, i)), selected);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (form_row (self, i)), value ? value : "");
    }
  self->filling = FALSE;
  clear_errors (self);
  set_dirty (self, FALSE);
}

static void
read_form (GdnCustomerPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    {
      if (form_rows[i].enum_info != NULL)
        {
          guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (form_row (self, i)));
          const GdnEnumInfo *info = form_rows[i].enum_info;

          gdn_record_set_string (self->customer, form_rows[i].field,
                                 selected > 0 && selected != GTK_INVALID_LIST_POSITION &&
                                 selected <= gdn_enum_n_values (info)
                                   ? info->values[selected - 1].value : NULL);
        }
      else
        {
          g_autofree char *text =
            g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (form_row (self, i)))));

          gdn_record_set_string (self->customer, form_rows[i].field, *text ? text : NULL);
        }
    }
}

static void
show_error (GdnCustomerPage *self,
            const GError    *error)
{
  const char *field = gdn_validation_error_get_field (error);
  g_autofree char *message = g_strdup (error->message);

  /* Codes are unique, also against customers in the trash */
  if (g_error_matches (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_DUPLICATE))
    {
      const char *code = gdn_record_get_string (self->customer, "code");
      g_autoptr(GdnRecord) other = gdn_store_find (self->store, GDN_TYPE_CUSTOMER, "code", code,
                                                   NULL);

      field = "code";
      g_free (message);
      if (other != NULL && gdn_record_get_deleted_at (other) != NULL)
        message = g_strdup_printf (_("Customer code: “%s” belongs to a customer in the trash"),
                                   code);
      else if (other != NULL)
        message = g_strdup_printf (_("Customer code: “%s” is already used by %s"), code,
                                   gdn_record_get_string (other, "name"));
      else
        message = g_strdup_printf (_("Customer code: “%s” is already used"), code);
    }

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (form_rows); i++)
    if (g_str_equal (form_rows[i].field, field))
      {
        gtk_widget_add_css_class (form_row (self, i), "error");
        gtk_widget_grab_focus (form_row (self, i));
      }

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  adw_view_stack_set_visible_child_name (self->view_stack, "details");
}

static void
on_form_changed_cb (GdnCustomerPage *self,
                    GtkWidget       *row)
{
  if (self->filling)
    return;
  gtk_widget_remove_css_class (row, "error");
  set_dirty (self, TRUE);
}

static void
on_combo_changed_cb (GdnCustomerPage *self,
                     GParamSpec      *pspec,
                     GtkWidget       *row)
{
  on_form_changed_cb (self, row);
}

/* ------------------------------------------------------------------------------------- */
/* Contacts                                                                                */

static void
on_contact_activated_cb (GdnCustomerPage *self,
                         AdwActionRow    *row)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "gdn-id"));
  GtkWidget *dialog;

  dialog = gdn_contact_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->store, customer_id (self), id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_contact_delete_clicked_cb (GdnCustomerPage *self,
                              GtkButton       *button)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "gdn-id"));
  g_autoptr(GdnRecord) contact = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GdnWindow *window = get_window (self);

  contact = gdn_store_get (self->store, GDN_TYPE_CONTACT, id, &error);
  if (contact == NULL || !gdn_store_delete (self->store, contact, &error))
    {
      toast (self, error->message);
      return;
    }
  message = g_strdup_printf (_("Contact “%s” moved to the trash"),
                             gdn_record_get_string (contact, "name"));
  if (window != NULL)
    gdn_window_show_undo (window, contact, message);
}

static GtkWidget *
contact_row (GdnCustomerPage *self,
             GdnRecord       *contact)
{
  const char *name = gdn_record_get_string (contact, "name");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *delete_label = NULL;
  GtkWidget *row, *avatar, *button;

  append_part (subtitle, gdn_record_get_string (contact, "title"));
  append_part (subtitle, gdn_record_get_string (contact, "department"));
  append_part (subtitle, enum_label (contact, "role", &gdn_enum_contact_role));
  append_part (subtitle, enum_label (contact, "stance", &gdn_enum_contact_stance));
  append_part (subtitle, gdn_record_get_string (contact, "phone"));

  row = new_row (name, subtitle->str);
  g_object_set_data (G_OBJECT (row), "gdn-id", GSIZE_TO_POINTER (gdn_record_get_id (contact)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gdn_tooltip_set_quietly (row, _("Edit the contact"));
  g_signal_connect_object (row, "activated", G_CALLBACK (on_contact_activated_cb), self,
                           G_CONNECT_SWAPPED);

  avatar = adw_avatar_new (36, name, TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (gdn_record_get_bool (contact, "is_primary"))
    add_suffix_label (row, _("Primary"), "accent");

  /* TRANSLATORS: the accessible name of a contact's delete button */
  delete_label = g_strdup_printf (_("Move %s to the trash"), name);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gdn_tooltip_set_quietly (button, _("Move to Trash"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  delete_label, -1);
  g_object_set_data (G_OBJECT (button), "gdn-id", GSIZE_TO_POINTER (gdn_record_get_id (contact)));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_contact_delete_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static char *
describe_warnings (GdnContactWarnings  warnings,
                   GPtrArray          *contacts)
{
  GString *s = g_string_new (NULL);

  if (warnings & GDN_CONTACT_WARNING_NO_ECONOMIC)
    g_string_append (s, _("No economic buyer is known: find out who decides on the budget."));

  if (warnings & GDN_CONTACT_WARNING_OPPONENT)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n = 0;

      for (guint i = 0; i < contacts->len; i++)
        {
          GdnRecord *contact = g_ptr_array_index (contacts, i);

          if (g_strcmp0 (gdn_record_get_string (contact, "stance"), "opponent") != 0)
            continue;
          if (n++ > 0)
            g_string_append (names, _(", "));
          g_string_append (names, gdn_record_get_string (contact, "name"));
        }
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                              "%s opposes buying from you.",
                                              "%s oppose buying from you.", n),
                              names->str);
    }
  return g_string_free (s, FALSE);
}

static void
refresh_contacts (GdnCustomerPage *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  GdnContactWarnings warnings;

  list_clear (self->contacts_list);
  contacts = gdn_customer_summary_contacts (self->store, customer_id (self), &error);
  if (contacts == NULL)
    {
      g_warning ("Cannot read the contacts: %s", error->message);
      return;
    }

  for (guint i = 0; i < contacts->len; i++)
    gtk_list_box_append (self->contacts_list, contact_row (self, g_ptr_array_index (contacts, i)));
  gdn_contact_map_set_contacts (self->contact_map, contacts);

  warnings = gdn_customer_summary_contact_warnings (contacts);
  gtk_widget_set_visible (self->warning_box, warnings != GDN_CONTACT_WARNING_NONE);
  if (warnings != GDN_CONTACT_WARNING_NONE)
    {
      g_autofree char *text = describe_warnings (warnings, contacts);

      gtk_label_set_text (self->warning_label, text);
    }
  adw_view_stack_page_set_needs_attention (self->contacts_stack_page,
                                           warnings != GDN_CONTACT_WARNING_NONE);
}

/* ------------------------------------------------------------------------------------- */
/* Orders                                                                                  */

static GtkWidget *
order_row (GdnCustomerOrder *o)
{
  GdnRecord *order = o->order;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *promised = NULL;
  g_autofree char *eta = NULL;
  g_autofree char *amount = NULL;
  GtkWidget *row;

  append_part (subtitle, enum_label (order, "status", &gdn_enum_order_status));
  if (gdn_record_is_set (order, "promised_date"))
    {
      g_autofree char *date = gdn_format_date (gdn_record_get_string (order, "promised_date"));

      promised = g_strdup_printf (_("Promised %s"), date);
      append_part (subtitle, promised);
    }
  if (o->eta != NULL)
    {
      g_autofree char *date = gdn_format_date (o->eta);

      eta = g_strdup_printf (_("ETA %s"), date);
      append_part (subtitle, eta);
    }

  row = new_row (gdn_record_get_string (order, "order_no"), subtitle->str);
  add_flags_icon (row, record_flags (order));
  amount = format_money (gdn_record_get_double (order, "amount"),
                         gdn_record_get_string (order, "currency"));
  add_suffix_label (row, amount, "numeric");
  make_link (row, "orders", gdn_record_get_id (order));
  return row;
}

static GtkWidget *
open_line_row (GdnCustomerOrder *o,
               GdnRecord        *line)
{
  const char *code = gdn_record_get_string (line, "product_code");
  const char *name = gdn_record_get_string (line, "product_name");
  const char *unit = gdn_record_get_string (line, "unit");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *quantity = NULL;
  g_autofree char *when = NULL;
  GtkWidget *row;

  append_part (subtitle, gdn_record_get_string (o->order, "order_no"));
  if (name != NULL)
    append_part (subtitle, code);
  append_part (subtitle, gdn_record_get_string (line, "spec"));

  row = new_row (name != NULL ? name : code, subtitle->str);

  if (gdn_record_is_set (line, "quantity"))
    {
      g_autofree char *number = gdn_format_quantity (gdn_record_get_double (line, "quantity"));

      quantity = unit != NULL ? g_strdup_printf ("%s %s", number, unit) : g_steal_pointer (&number);
      add_suffix_label (row, quantity, "numeric");
    }

  if (o->eta != NULL)
    {
      g_autofree char *date = gdn_format_date (o->eta);

      when = g_strdup_printf (_("ETA %s"), date);
    }
  else if (gdn_record_is_set (o->order, "promised_date"))
    {
      g_autofree char *date = gdn_format_date (gdn_record_get_string (o->order, "promised_date"));

      when = g_strdup_printf (_("Promised %s"), date);
    }
  else
    when = g_strdup (_("No date yet"));
  add_suffix_label (row, when, "dim-label");
  add_flags_icon (row, record_flags (o->order) & (GDN_FLAGS_OVERDUE | GDN_FLAGS_AT_RISK));
  make_link (row, "orders", gdn_record_get_id (o->order));
  return row;
}

static void
refresh_orders (GdnCustomerPage *self)
{
  g_autoptr(GPtrArray) orders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *grouped = NULL;
  gint64 total;
  guint n_open = 0;

  list_clear (self->orders_list);
  list_clear (self->open_list);

  total = gdn_customer_summary_count (self->store, GDN_TYPE_ORDER, customer_id (self), &error);
  orders = total < 0 ? NULL : gdn_customer_summary_orders (self->store, customer_id (self), 0,
                                                           self->n_orders, &error);
  if (orders == NULL)
    {
      g_warning ("Cannot read the orders: %s", error->message);
      return;
    }

  for (guint i = 0; i < orders->len; i++)
    {
      GdnCustomerOrder *o = g_ptr_array_index (orders, i);

      gtk_list_box_append (self->orders_list, order_row (o));
      for (guint l = 0; l < o->open_lines->len; l++, n_open++)
        gtk_list_box_append (self->open_list, open_line_row (o, g_ptr_array_index (o->open_lines,
                                                                                   l)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->open_group), n_open > 0);
  grouped = gdn_format_count (MAX (total, 0));
  description = total > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s order, newest first",
                                    "%s orders, newest first", (gulong) total), grouped)
    : NULL;
  adw_preferences_group_set_description (self->orders_group, description);
  gtk_widget_set_visible (self->orders_more_button, (gint64) orders->len < total);
}

/* ------------------------------------------------------------------------------------- */
/* Cases                                                                                   */

static gboolean
case_is_open (GdnRecord *record)
{
  const char *status = gdn_record_get_string (record, "status");

  return g_strcmp0 (status, "resolved") != 0 && g_strcmp0 (status, "closed") != 0;
}

static GtkWidget *
case_row (GdnRecord *record)
{
  const char *subject = gdn_record_get_string (record, "subject");
  const char *priority = gdn_record_get_string (record, "priority");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *opened = short_time (gdn_record_get_string (record, "opened_at"));
  g_autofree char *opened_text = g_strdup_printf (_("Opened %s"), opened);
  GtkWidget *row;

  append_part (subtitle, gdn_record_get_string (record, "case_no"));
  append_part (subtitle, enum_label (record, "type", &gdn_enum_case_type));
  append_part (subtitle, enum_label (record, "category", &gdn_enum_complaint_category));
  append_part (subtitle, opened_text);

  row = new_row (subject != NULL ? subject : enum_label (record, "type", &gdn_enum_case_type),
                 subtitle->str);
  add_flags_icon (row, record_flags (record));
  if (case_is_open (record) &&
      (g_strcmp0 (priority, "urgent") == 0 || g_strcmp0 (priority, "high") == 0))
    add_suffix_label (row, gdn_enum_label (&gdn_enum_case_priority, priority), "warning");
  add_suffix_label (row, enum_label (record, "status", &gdn_enum_case_status),
                    case_is_open (record) ? NULL : "dim-label");
  make_link (row, "cases", gdn_record_get_id (record));
  return row;
}

static void
refresh_cases (GdnCustomerPage *self)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *grouped = NULL;
  gint64 total;
  guint n_open = 0;

  list_clear (self->cases_list);
  total = gdn_customer_summary_count (self->store, GDN_TYPE_CASE, customer_id (self), &error);
  cases = total < 0 ? NULL : gdn_customer_summary_cases (self->store, customer_id (self), 0,
                                                         self->n_cases, &error);
  if (cases == NULL)
    {
      g_warning ("Cannot read the cases: %s", error->message);
      return;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      GdnRecord *record = g_ptr_array_index (cases, i);

      n_open += case_is_open (record);
      gtk_list_box_append (self->cases_list, case_row (record));
    }

  grouped = gdn_format_count (MAX (total, 0));
  description = total > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s case, newest first",
                                    "%s cases, newest first", (gulong) total), grouped)
    : NULL;
  adw_preferences_group_set_description (self->cases_group, description);
  gtk_widget_set_visible (self->cases_more_button, (gint64) cases->len < total);
  /* the open ones among those shown (the newest): what needs an answer */
  adw_view_stack_page_set_badge_number (self->cases_stack_page, n_open);
}

/* ------------------------------------------------------------------------------------- */
/* Communication log                                                                       */

static const char *
channel_icon (const char *channel)
{
  static const struct { const char *channel; const char *icon; } icons[] = {
    { "phone", "call-start-symbolic" },
    { "email", "mail-unread-symbolic" },
    { "meeting", "system-users-symbolic" },
    { "visit", "find-location-symbolic" },
    { "im", "chat-message-new-symbolic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (icons); i++)
    if (g_strcmp0 (icons[i].channel, channel) == 0)
      return icons[i].icon;
  return "chat-message-new-symbolic";
}

static GtkWidget *
log_row (GdnRecord  *record,
         const char *today,
         gboolean    pending)
{
  const char *channel = gdn_record_get_string (record, "channel");
  const char *follow_up = gdn_record_get_string (record, "next_follow_up");
  const char *who = gdn_record_get_string (record, "who");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *at = short_time (gdn_record_get_string (record, "at"));
  g_autofree char *by = who != NULL ? g_strdup_printf (_("by %s"), who) : NULL;
  GtkWidget *row, *icon;

  append_part (subtitle, at);
  append_part (subtitle, enum_label (record, "direction", &gdn_enum_direction));
  append_part (subtitle, gdn_record_get_string (record, "contact_name"));
  append_part (subtitle, gdn_record_get_string (record, "order_no"));
  append_part (subtitle, gdn_record_get_string (record, "case_no"));
  append_part (subtitle, by);

  row = new_row (gdn_record_get_string (record, "summary"), subtitle->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  icon = gtk_image_new_from_icon_name (channel_icon (channel));
  gdn_tooltip_set_quietly (icon, gdn_enum_label (&gdn_enum_channel, channel));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gdn_enum_label (&gdn_enum_channel, channel), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (follow_up != NULL)
    {
      g_autofree char *date = gdn_format_date (follow_up);
      g_autofree char *text = g_strdup_printf (_("Follow up %s"), date);

      /* a follow-up that a later entry took care of is history */
      add_suffix_label (row, text, !pending ? "dim-label"
                                   : g_strcmp0 (follow_up, today) <= 0 ? "warning" : NULL);
    }
  return row;
}

static void
refresh_log (GdnCustomerPage *self)
{
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = gdn_today ();
  g_autofree char *description = NULL;
  g_autofree char *grouped = NULL;
  gint64 total;

  list_clear (self->log_list);
  total = gdn_customer_summary_count (self->store, GDN_TYPE_INTERACTION, customer_id (self),
                                      &error);
  log = total < 0 ? NULL : gdn_customer_summary_interactions (self->store, customer_id (self), 0,
                                                              self->n_log, &error);
  if (log == NULL)
    {
      g_warning ("Cannot read the communication log: %s", error->message);
      return;
    }

  for (guint i = 0; i < log->len; i++)
    {
      GdnRecord *entry = g_ptr_array_index (log, i);
      const char *follow_up = gdn_record_get_string (entry, "next_follow_up");
      /* still to do unless something was logged after it, before the date it named */
      gboolean pending = i == 0 ||
        (follow_up != NULL &&
         g_strcmp0 (follow_up, gdn_record_get_string (g_ptr_array_index (log, 0), "at")) > 0);

      gtk_list_box_append (self->log_list, log_row (entry, today, pending));
    }

  grouped = gdn_format_count (MAX (total, 0));
  description = total > 0
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s entry, newest first",
                                    "%s entries, newest first", (gulong) total), grouped)
    : NULL;
  adw_preferences_group_set_description (self->log_group, description);
  gtk_widget_set_visible (self->log_more_button, (gint64) log->len < total);
}

/* ------------------------------------------------------------------------------------- */
/* Satisfaction                                                                            */

static char *
stars (double score)
{
  GString *s = g_string_new (NULL);
  int full = (int) floor (score + 0.5);

  for (int i = 1; i <= 5; i++)
    g_string_append (s, i <= full ? "★" : "☆");
  return g_string_free (s, FALSE);
}

static GtkWidget *
survey_row (GdnRecord *record)
{
  gint64 overall = gdn_record_get_int (record, "overall");
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *score = stars ((double) overall);
  g_autofree char *score_label = NULL;
  g_autofree char *date = gdn_format_date (gdn_record_get_string (record, "date"));
  GtkWidget *row, *label;

  append_part (subtitle, gdn_record_get_string (record, "order_no"));
  append_part (subtitle, gdn_record_get_string (record, "case_no"));
  append_part (subtitle, gdn_record_get_string (record, "comment"));

  row = new_row (date, subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  /* TRANSLATORS: a satisfaction score, read out instead of the stars */
  score_label = g_strdup_printf (_("%d out of 5"), (int) overall);
  label = add_suffix_label (row, score, overall <= 2 ? "error" : "accent");
  gdn_tooltip_set_quietly (label, score_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  score_label, -1);
  return row;
}

static void
refresh_surveys (GdnCustomerPage *self)
{
  g_autoptr(GPtrArray) surveys = NULL;
  g_autoptr(GError) error = NULL;
  double mean;

  list_clear (self->surveys_list);
  surveys = gdn_customer_summary_surveys (self->store, customer_id (self), &error);
  if (surveys == NULL)
    {
      g_warning ("Cannot read the surveys: %s", error->message);
      return;
    }

  for (guint i = 0; i < surveys->len; i++)
    gtk_list_box_append (self->surveys_list, survey_row (g_ptr_array_index (surveys, i)));

  mean = gdn_customer_summary_mean_overall (surveys);
  if (isnan (mean))
    {
      /* no data, not a score of 0 */
      gtk_label_set_text (self->mean_label, "—");
      gtk_label_set_text (self->mean_stars_label, "");
      gtk_label_set_text (self->mean_caption_label, _("No surveys yet"));
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%.1f", mean);
      g_autofree char *score = stars (mean);
      g_autofree char *caption =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Mean overall score of %u survey, out of 5",
                                      "Mean overall score of %u surveys, out of 5",
                                      surveys->len), surveys->len);

      gtk_label_set_text (self->mean_label, number);
      gtk_label_set_text (self->mean_stars_label, score);
      gtk_label_set_text (self->mean_caption_label, caption);
    }
}

/* ------------------------------------------------------------------------------------- */
/* Following the store                                                                     */

static void
refresh (GdnCustomerPage *self,
         Part             parts)
{
  if (customer_id (self) <= 0)
    return;

  if (parts & PART_CUSTOMER && !self->dirty)
    {
      g_autoptr(GError) error = NULL;

      if (gdn_store_reload (self->store, self->customer, &error))
        {
          fill_form (self);
          update_header (self);
        }
    }
  if (parts & PART_CONTACTS)
    refresh_contacts (self);
  if (parts & PART_ORDERS)
    refresh_orders (self);
  if (parts & PART_CASES)
    refresh_cases (self);
  if (parts & PART_LOG)
    refresh_log (self);
  if (parts & PART_SURVEYS)
    refresh_surveys (self);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GdnCustomerPage *self = user_data;
  Part parts = self->pending;

  self->refresh_id = 0;
  /* a hidden page catches up when it is shown again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  self->pending = 0;
  refresh (self, parts);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GdnCustomerPage *self,
               Part             parts)
{
  self->pending |= parts;
  if (self->refresh_id == 0)
    /* before the next relayout, so that a frame never shows the part out of date */
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_store_changed_cb (GdnCustomerPage *self,
                     GType            type,
                     gint64           id,
                     GdnChangeKind    kind)
{
  Part parts = 0;

  if (customer_id (self) <= 0)
    return;

  if (type == GDN_TYPE_CUSTOMER)
    parts = id == customer_id (self) || kind == GDN_CHANGE_RELOADED ? PART_CUSTOMER : 0;
  else if (type == GDN_TYPE_CONTACT)
    parts = PART_CONTACTS;
  else if (type == GDN_TYPE_ORDER || type == GDN_TYPE_ORDER_LINE ||
           type == GDN_TYPE_ORDER_EVENT || type == GDN_TYPE_SHIPMENT)
    parts = PART_ORDERS;
  else if (type == GDN_TYPE_CASE)
    parts = PART_CASES;
  else if (type == GDN_TYPE_INTERACTION)
    parts = PART_LOG;
  else if (type == GDN_TYPE_SURVEY)
    parts = PART_SURVEYS;

  if (parts != 0)
    queue_refresh (self, parts);
}

/* ------------------------------------------------------------------------------------- */
/* Actions                                                                                 */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gdn_customer_page_save (GDN_CUSTOMER_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (widget);
  g_autoptr(GdnRecord) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GdnWindow *window = get_window (self);

  if (customer_id (self) <= 0)
    return;

  /* what is in the database, not what may have been typed since */
  customer = gdn_store_get (self->store, GDN_TYPE_CUSTOMER, customer_id (self), &error);
  if (customer == NULL || !gdn_store_delete (self->store, customer, &error))
    {
      toast (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Customer “%s” moved to the trash"),
                             gdn_record_get_string (customer, "name"));
  if (window != NULL)
    gdn_window_show_undo (window, customer, message);
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[DELETED], 0);
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (customer_id (self) <= 0)
    return;
  dialog = gdn_contact_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                   customer_id (self), 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_entry_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (widget);
  GtkWidget *dialog;

  if (customer_id (self) <= 0)
    return;
  dialog = gdn_interaction_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                       customer_id (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_orders_more_clicked_cb (GdnCustomerPage *self)
{
  self->n_orders += PAGE_SIZE;
  refresh_orders (self);
}

static void
on_cases_more_clicked_cb (GdnCustomerPage *self)
{
  self->n_cases += PAGE_SIZE;
  refresh_cases (self);
}

static void
on_log_more_clicked_cb (GdnCustomerPage *self)
{
  self->n_log += PAGE_SIZE;
  refresh_log (self);
}

static void
update_mode (GdnCustomerPage *self)
{
  gboolean saved = customer_id (self) > 0;

  /* a customer not saved yet has nothing but its details */
  gtk_widget_set_visible (self->switcher, saved);
  gtk_widget_set_visible (self->delete_button, saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.delete", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-contact", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.add-entry", saved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save",
                                 (self->dirty || !saved) && !read_only (self));
  if (!saved)
    adw_view_stack_set_visible_child_name (self->view_stack, "details");
}

/* ------------------------------------------------------------------------------------- */

static void
gdn_customer_page_map (GtkWidget *widget)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (widget);

  GTK_WIDGET_CLASS (gdn_customer_page_parent_class)->map (widget);

  if (self->pending != 0)
    queue_refresh (self, 0);
}

static void
gdn_customer_page_constructed (GObject *object)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (object);

  G_OBJECT_CLASS (gdn_customer_page_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ---- GdnRecordPage ---------------------------------------------------------------- */

static gboolean
record_page_load (GdnRecordPage  *page,
                  gint64          id,
                  GError        **error)
{
  return gdn_customer_page_load (GDN_CUSTOMER_PAGE (page), id, error);
}

static void
record_page_new_record (GdnRecordPage *page)
{
  gdn_customer_page_start_new (GDN_CUSTOMER_PAGE (page));
}

static gint64
record_page_get_record_id (GdnRecordPage *page)
{
  return gdn_customer_page_get_customer_id (GDN_CUSTOMER_PAGE (page));
}

/* a new customer's form, or the tabs of one just opened: not a button Enter would press */
static void
record_page_focus (GdnRecordPage *page)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (page);

  if (gdn_customer_page_get_customer_id (self) > 0)
    gdn_customer_page_focus_tabs (self);
  else
    gdn_customer_page_focus_form (self);
}

static gboolean
record_page_get_modified (GdnRecordPage *page)
{
  return gdn_customer_page_get_dirty (GDN_CUSTOMER_PAGE (page));
}

static const char *
record_page_get_title (GdnRecordPage *page)
{
  return gdn_customer_page_get_title (GDN_CUSTOMER_PAGE (page));
}

static gboolean
record_page_save (GdnRecordPage *page)
{
  return gdn_customer_page_save (GDN_CUSTOMER_PAGE (page));
}

static void
gdn_customer_page_record_page_init (GdnRecordPageInterface *iface)
{
  iface->load = record_page_load;
  iface->new_record = record_page_new_record;
  iface->get_record_id = record_page_get_record_id;
  iface->focus = record_page_focus;
  iface->get_modified = record_page_get_modified;
  iface->get_title = record_page_get_title;
  iface->save = record_page_save;
}

static void
gdn_customer_page_dispose (GObject *object)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CUSTOMER_PAGE);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_customer_page_parent_class)->dispose (object);
}

static void
gdn_customer_page_finalize (GObject *object)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (object);

  g_free (self->title);

  G_OBJECT_CLASS (gdn_customer_page_parent_class)->finalize (object);
}

static void
gdn_customer_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_customer_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnCustomerPage *self = GDN_CUSTOMER_PAGE (object);

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
gdn_customer_page_class_init (GdnCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_customer_page_constructed;
  object_class->dispose = gdn_customer_page_dispose;
  object_class->finalize = gdn_customer_page_finalize;
  object_class->get_property = gdn_customer_page_get_property;
  object_class->set_property = gdn_customer_page_set_property;
  widget_class->map = gdn_customer_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnCustomerPage:dirty:
   *
   * Whether the form holds changes not saved yet.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnCustomerPage:title:
   *
   * The customer's name, or "New Customer".
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnCustomerPage::saved:
   * @id: the customer written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * GdnCustomerPage::deleted:
   *
   * The customer was moved to the trash: the page has nothing left to show.
   */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (GDN_TYPE_CONTACT_MAP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, box);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, switcher);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, details_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, short_name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, industry_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, preferences_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, contacts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, contact_map);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, orders_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, open_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, open_list);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, orders_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, orders_list);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, orders_more_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, cases_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, cases_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, cases_list);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, cases_more_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, log_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, log_list);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, log_more_button);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, surveys_stack_page);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, mean_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, mean_stars_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, mean_caption_label);
  gtk_widget_class_bind_template_child (widget_class, GdnCustomerPage, surveys_list);
  gtk_widget_class_bind_template_callback (widget_class, on_orders_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cases_more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_log_more_clicked_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customer.add-contact", NULL,
                                   add_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.add-entry", NULL, add_entry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_customer_page_init (GdnCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->n_orders = self->n_cases = self->n_log = PAGE_SIZE;

  setup_enum_row (self->tier_row, &gdn_enum_customer_tier);
  setup_enum_row (self->status_row, &gdn_enum_customer_status);
  for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
    {
      if (form_rows[i].enum_info != NULL)
        g_signal_connect_object (form_row (self, i), "notify::selected",
                                 G_CALLBACK (on_combo_changed_cb), self, G_CONNECT_SWAPPED);
      else
        g_signal_connect_object (form_row (self, i), "changed",
                                 G_CALLBACK (on_form_changed_cb), self, G_CONNECT_SWAPPED);
    }

  set_placeholder (self->contacts_list,
                   _("No contacts yet. Add the people you deal with, and their part in "
                     "the purchase."));
  set_placeholder (self->open_list, "");
  set_placeholder (self->orders_list, _("No orders from this customer yet"));
  set_placeholder (self->cases_list, _("No after-sales cases or complaints"));
  set_placeholder (self->log_list,
                   _("Nothing logged yet. Add an entry after each call, e-mail, meeting "
                     "or visit."));
  set_placeholder (self->surveys_list, _("No satisfaction surveys yet"));

  update_header (self);
  update_mode (self);
}

/**
 * gdn_customer_page_new:
 */
GtkWidget *
gdn_customer_page_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_CUSTOMER_PAGE, "store", store, NULL);
}

/**
 * gdn_customer_page_load:
 * @customer_id: the customer to show
 *
 * Shows the customer, dropping what was typed into the form.
 *
 * Returns: %FALSE with @error set when it cannot be read
 */
gboolean
gdn_customer_page_load (GdnCustomerPage  *self,
                        gint64            id,
                        GError          **error)
{
  g_autoptr(GdnRecord) customer = NULL;
  gboolean same;

  g_return_val_if_fail (GDN_IS_CUSTOMER_PAGE (self), FALSE);

  customer = gdn_store_get (self->store, GDN_TYPE_CUSTOMER, id, error);
  if (customer == NULL)
    return FALSE;

  same = id == customer_id (self);
  g_set_object (&self->customer, customer);
  if (!same)
    {
      self->n_orders = self->n_cases = self->n_log = PAGE_SIZE;
      adw_view_stack_set_visible_child_name (self->view_stack, "details");
    }
  fill_form (self);
  update_header (self);
  update_mode (self);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->pending = 0;
  refresh (self, PART_ALL & ~PART_CUSTOMER);
  return TRUE;
}

/**
 * gdn_customer_page_start_new:
 *
 * Shows an empty form for a new customer.
 */
void
gdn_customer_page_start_new (GdnCustomerPage *self)
{
  const char *user;

  g_return_if_fail (GDN_IS_CUSTOMER_PAGE (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->pending = 0;
  g_clear_object (&self->customer);
  self->customer = gdn_record_new (GDN_TYPE_CUSTOMER);

  /* a new customer is usually one being served now, by the person entering it */
  gdn_record_set_string (self->customer, "status", "active");
  user = gdn_store_get_user_name (self->store);
  if (user != NULL && *user != '\0')
    gdn_record_set_string (self->customer, "owner", user);

  fill_form (self);
  update_header (self);
  update_mode (self);
  list_clear (self->contacts_list);
  list_clear (self->orders_list);
  list_clear (self->open_list);
  list_clear (self->cases_list);
  list_clear (self->log_list);
  list_clear (self->surveys_list);
}

gint64
gdn_customer_page_get_customer_id (GdnCustomerPage *self)
{
  g_return_val_if_fail (GDN_IS_CUSTOMER_PAGE (self), 0);
  return customer_id (self);
}

const char *
gdn_customer_page_get_title (GdnCustomerPage *self)
{
  g_return_val_if_fail (GDN_IS_CUSTOMER_PAGE (self), NULL);
  return self->title;
}

gboolean
gdn_customer_page_get_dirty (GdnCustomerPage *self)
{
  g_return_val_if_fail (GDN_IS_CUSTOMER_PAGE (self), FALSE);
  return self->dirty;
}

/* "Overwrite" after a conflict: the customer was reloaded, so this save goes through */
static gboolean
save_again (GdnRecordPage *page)
{
  return gdn_customer_page_save (GDN_CUSTOMER_PAGE (page));
}

/**
 * gdn_customer_page_save:
 *
 * Writes the form. A refusal marks the field named by the error and shows the message;
 * nothing is written then, and what was typed stays.
 *
 * Returns: whether the customer was saved
 */
gboolean
gdn_customer_page_save (GdnCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean was_new;

  g_return_val_if_fail (GDN_IS_CUSTOMER_PAGE (self), FALSE);

  if (self->customer == NULL)
    return FALSE;

  was_new = customer_id (self) == 0;
  clear_errors (self);
  read_form (self);

  if (!gdn_store_save (self->store, self->customer, &error))
    {
      if (was_new)
        gdn_record_set_id (self->customer, 0);
      show_error (self, error);
      if (g_error_matches (error, GDN_DATABASE_ERROR, GDN_DATABASE_ERROR_CONFLICT))
        {
          /* the form keeps what was typed; the customer takes the stored version, so
           * that "Overwrite" goes through */
          gdn_store_reload (self->store, self->customer, NULL);
          gdn_record_page_ask_conflict (GDN_RECORD_PAGE (self), error, save_again);
        }
      return FALSE;
    }

  set_dirty (self, FALSE);
  update_header (self);
  update_mode (self);
  if (was_new)
    {
      refresh (self, PART_ALL & ~PART_CUSTOMER);
      message = g_strdup_printf (_("Customer “%s” added"),
                                 gdn_record_get_string (self->customer, "name"));
    }
  else
    message = g_strdup (_("Changes saved"));
  toast (self, message);

  g_signal_emit (self, signals[SAVED], 0, customer_id (self));
  return TRUE;
}

/**
 * gdn_customer_page_focus_tabs:
 *
 * Puts the focus on the tabs (Details, Contacts …) of a page just opened: not on a
 * button that would act on Enter.
 */
void
gdn_customer_page_focus_tabs (GdnCustomerPage *self)
{
  g_return_if_fail (GDN_IS_CUSTOMER_PAGE (self));

  if (!gtk_widget_child_focus (self->switcher, GTK_DIR_TAB_FORWARD))
    gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * gdn_customer_page_focus_form:
 *
 * Shows the details and puts the cursor in the first field.
 */
void
gdn_customer_page_focus_form (GdnCustomerPage *self)
{
  g_return_if_fail (GDN_IS_CUSTOMER_PAGE (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "details");
  gtk_widget_grab_focus (customer_id (self) > 0 ? GTK_WIDGET (self->name_row)
                                                : GTK_WIDGET (self->code_row));
}

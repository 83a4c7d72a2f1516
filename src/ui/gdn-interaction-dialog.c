/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-interaction-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gdn-case.h"
#include "gdn-customer-summary.h"
#include "gdn-enums.h"
#include "gdn-interaction-dialog.h"
#include "gdn-interaction.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"

/* "Add entry" to a customer's communication log: a call, mail, meeting, visit or message,
 * who it was with, when, what was said, and when to follow up. Used from the customer's
 * page, and from an order's or a case's page with that order or case filled in. */

struct _GdnInteractionDialog
{
  AdwWindow       parent_instance;

  GdnStore       *store;
  gint64          customer_id;
  gint64          order_id;
  gint64          case_id;
  GPtrArray      *contacts;   /* the customer's, in the order of the contact row */
  gboolean        syncing_calendar;

  AdwPreferencesPage *page;
  GtkLabel       *error_label;
  AdwComboRow    *channel_row;
  AdwComboRow    *direction_row;
  AdwComboRow    *contact_row;
  AdwEntryRow    *at_row;
  AdwActionRow   *order_row;
  AdwActionRow   *case_row;
  GtkFrame       *summary_frame;
  GtkTextView    *summary_view;
  AdwEntryRow    *follow_up_row;
  GtkMenuButton  *calendar_button;
  GtkCalendar    *calendar;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnInteractionDialog, gdn_interaction_dialog, ADW_TYPE_WINDOW)

static void
setup_enum_row (AdwComboRow       *row,
                const GdnEnumInfo *info,
                const char        *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (none_label != NULL)
    gtk_string_list_append (labels, none_label);
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    gtk_string_list_append (labels, gdn_enum_label (info, v->value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static const char *
get_enum_row (AdwComboRow       *row,
              const GdnEnumInfo *info,
              gboolean           has_none)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (has_none)
    {
      if (selected == 0)
        return NULL;
      selected--;
    }
  if (selected >= gdn_enum_n_values (info))
    return NULL;
  return info->values[selected].value;
}

static char *
get_summary (GdnInteractionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
mark_summary (GdnInteractionDialog *self,
              gboolean              invalid)
{
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_frame), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_frame), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->summary_view),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
clear_errors (GdnInteractionDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->channel_row), GTK_WIDGET (self->direction_row),
    GTK_WIDGET (self->contact_row), GTK_WIDGET (self->at_row),
    GTK_WIDGET (self->follow_up_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");
  mark_summary (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (GdnInteractionDialog *self,
            const GError         *error)
{
  const char *field = gdn_validation_error_get_field (error);
  GtkWidget *row = NULL;

  if (g_strcmp0 (field, "channel") == 0)
    row = GTK_WIDGET (self->channel_row);
  else if (g_strcmp0 (field, "direction") == 0)
    row = GTK_WIDGET (self->direction_row);
  else if (g_strcmp0 (field, "contact_id") == 0)
    row = GTK_WIDGET (self->contact_row);
  else if (g_strcmp0 (field, "at") == 0)
    row = GTK_WIDGET (self->at_row);
  else if (g_strcmp0 (field, "next_follow_up") == 0)
    row = GTK_WIDGET (self->follow_up_row);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  else if (g_strcmp0 (field, "summary") == 0)
    {
      mark_summary (self, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
    }

  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* A lenient date or time as typed; what cannot be read is kept as typed for the
 * validation to name */
static char *
normalize (const char *text,
           char      *(*parse) (const char *))
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *parsed;

  if (*stripped == '\0')
    return NULL;
  parsed = parse (stripped);
  return parsed != NULL ? parsed : g_steal_pointer (&stripped);
}

static GdnRecord *
read_form (GdnInteractionDialog *self)
{
  GdnRecord *record = gdn_record_new (GDN_TYPE_INTERACTION);
  GtkEditable *at_row = GTK_EDITABLE (self->at_row);
  GtkEditable *follow_up_row = GTK_EDITABLE (self->follow_up_row);
  g_autofree char *at = normalize (gtk_editable_get_text (at_row), gdn_parse_datetime);
  g_autofree char *follow_up = normalize (gtk_editable_get_text (follow_up_row), gdn_parse_date);
  g_autofree char *summary = get_summary (self);
  guint contact = adw_combo_row_get_selected (self->contact_row);

  gdn_record_set_int (record, "customer_id", self->customer_id);
  if (self->order_id > 0)
    gdn_record_set_int (record, "order_id", self->order_id);
  if (self->case_id > 0)
    gdn_record_set_int (record, "case_id", self->case_id);
  if (contact != GTK_INVALID_LIST_POSITION && contact > 0 && contact <= self->contacts->len)
    gdn_record_set_int (record, "contact_id",
                        gdn_record_get_id (g_ptr_array_index (self->contacts, contact - 1)));
  gdn_record_set_string (record, "channel", get_enum_row (self->channel_row,
                                                          &gdn_enum_channel, FALSE));
  gdn_record_set_string (record, "direction", get_enum_row (self->direction_row,
                                                            &gdn_enum_direction, TRUE));
  gdn_record_set_string (record, "at", at);
  gdn_record_set_string (record, "summary", *summary ? summary : NULL);
  gdn_record_set_string (record, "next_follow_up", follow_up);
  gdn_record_set_string (record, "who", gdn_store_get_user_name (self->store));
  return record;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnInteractionDialog *self = GDN_INTERACTION_DIALOG (widget);
  g_autoptr(GdnRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  record = read_form (self);
  if (!gdn_store_insert (self->store, record, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, record);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_day_selected_cb (GdnInteractionDialog *self,
                    GtkCalendar          *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;
  iso = g_date_time_format (date, "%Y-%m-%d");
  text = gdn_format_date (iso);
  gtk_editable_set_text (GTK_EDITABLE (self->follow_up_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
on_calendar_shown_cb (GdnInteractionDialog *self)
{
  GtkEditable *row = GTK_EDITABLE (self->follow_up_row);
  g_autofree char *date = gdn_parse_date (gtk_editable_get_text (row));
  int y, m, d;

  /* open on the date typed, if any */
  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return;
  {
    g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
    g_autoptr(GDateTime) day = g_date_time_new (tz, y, m, d, 0, 0, 0);

    if (day == NULL)
      return;
    self->syncing_calendar = TRUE;
    gtk_calendar_select_day (self->calendar, day);
    self->syncing_calendar = FALSE;
  }
}

static void
on_row_changed_cb (GdnInteractionDialog *self,
                   GtkWidget            *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
on_summary_changed_cb (GdnInteractionDialog *self,
                       GtkTextBuffer        *buffer)
{
  mark_summary (self, FALSE);
}

static void
fill_contacts (GdnInteractionDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  self->contacts = gdn_customer_summary_contacts (self->store, self->customer_id, &error);
  if (self->contacts == NULL)
    {
      g_warning ("Cannot read the contacts: %s", error->message);
      self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
    }

  gtk_string_list_append (names, _("No one in particular"));
  for (guint i = 0; i < self->contacts->len; i++)
    {
      GdnRecord *contact = g_ptr_array_index (self->contacts, i);
      const char *title = gdn_record_get_string (contact, "title");

      if (title != NULL && *title != '\0')
        {
          /* TRANSLATORS: a contact's name and job title */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"),
                                                    gdn_record_get_string (contact, "name"),
                                                    title);
          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, gdn_record_get_string (contact, "name"));
    }
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  /* most calls are with the primary contact, listed first */
  adw_combo_row_set_selected (self->contact_row,
                              self->contacts->len > 0 &&
                              gdn_record_get_bool (g_ptr_array_index (self->contacts, 0),
                                                   "is_primary") ? 1 : 0);
}

static void
gdn_interaction_dialog_constructed (GObject *object)
{
  GdnInteractionDialog *self = GDN_INTERACTION_DIALOG (object);
  g_autofree char *iso = gdn_now ();
  /* minutes are precise enough for a log */
  g_autofree char *now = gdn_format_datetime (iso);

  G_OBJECT_CLASS (gdn_interaction_dialog_parent_class)->constructed (object);

  fill_contacts (self);
  gtk_editable_set_text (GTK_EDITABLE (self->at_row), now);
  gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
}

static void
gdn_interaction_dialog_dispose (GObject *object)
{
  GdnInteractionDialog *self = GDN_INTERACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_INTERACTION_DIALOG);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_interaction_dialog_parent_class)->dispose (object);
}

static void
gdn_interaction_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  GdnInteractionDialog *self = GDN_INTERACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_interaction_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  GdnInteractionDialog *self = GDN_INTERACTION_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_interaction_dialog_class_init (GdnInteractionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_interaction_dialog_constructed;
  object_class->dispose = gdn_interaction_dialog_dispose;
  object_class->get_property = gdn_interaction_dialog_get_property;
  object_class->set_property = gdn_interaction_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnInteractionDialog::saved:
   * @interaction: the log entry as written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GDN_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/gendan/Gendan/gdn-interaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, page);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, at_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, order_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, case_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, summary_frame);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, GdnInteractionDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "interaction.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "interaction.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "interaction.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_interaction_dialog_init (GdnInteractionDialog *self)
{
  GtkWidget *rows[2];
  GtkPopover *popover;

  gtk_widget_init_template (GTK_WIDGET (self));

  setup_enum_row (self->channel_row, &gdn_enum_channel, NULL);
  setup_enum_row (self->direction_row, &gdn_enum_direction,
                  C_("direction of a call or mail", "Not recorded"));
  /* a person mostly logs the calls they make */
  adw_combo_row_set_selected (self->direction_row, 2);

  rows[0] = GTK_WIDGET (self->at_row);
  rows[1] = GTK_WIDGET (self->follow_up_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (on_row_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (on_summary_changed_cb), self, G_CONNECT_SWAPPED);

  popover = gtk_menu_button_get_popover (self->calendar_button);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_shown_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * gdn_interaction_dialog_new:
 * @parent: the window the dialog is modal for
 * @customer_id: whose log the entry goes into
 *
 * Returns: (transfer floating): a dialog; present it with gtk_window_present()
 */
GtkWidget *
gdn_interaction_dialog_new (GtkWindow *parent,
                            GdnStore  *store,
                            gint64     customer_id)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  return g_object_new (GDN_TYPE_INTERACTION_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "customer-id", customer_id,
                       NULL);
}

static void
show_reference (AdwActionRow *row,
                GdnStore     *store,
                GType         type,
                gint64        id,
                const char   *number_field)
{
  g_autoptr(GdnRecord) record = NULL;

  gtk_widget_set_visible (GTK_WIDGET (row), id > 0);
  if (id <= 0)
    return;
  record = gdn_store_get (store, type, id, NULL);
  adw_action_row_set_subtitle (row, record != NULL ? gdn_record_get_string (record, number_field)
                                                   : "");
}

/**
 * gdn_interaction_dialog_set_order:
 * @order_id: the order the conversation was about, or 0
 */
void
gdn_interaction_dialog_set_order (GdnInteractionDialog *self,
                                  gint64                order_id)
{
  g_return_if_fail (GDN_IS_INTERACTION_DIALOG (self));

  self->order_id = order_id;
  show_reference (self->order_row, self->store, GDN_TYPE_ORDER, order_id, "order_no");
}

/**
 * gdn_interaction_dialog_set_case:
 * @case_id: the after-sales case the conversation was about, or 0
 */
void
gdn_interaction_dialog_set_case (GdnInteractionDialog *self,
                                 gint64                case_id)
{
  g_return_if_fail (GDN_IS_INTERACTION_DIALOG (self));

  self->case_id = case_id;
  show_reference (self->case_row, self->store, GDN_TYPE_CASE, case_id, "case_no");
}

/**
 * gdn_interaction_dialog_set_contact:
 * @contact_id: one of the customer's contacts, or 0 for no one in particular
 */
void
gdn_interaction_dialog_set_contact (GdnInteractionDialog *self,
                                    gint64                contact_id)
{
  g_return_if_fail (GDN_IS_INTERACTION_DIALOG (self));

  adw_combo_row_set_selected (self->contact_row, 0);
  for (guint i = 0; i < self->contacts->len; i++)
    if (gdn_record_get_id (g_ptr_array_index (self->contacts, i)) == contact_id)
      adw_combo_row_set_selected (self->contact_row, i + 1);
}

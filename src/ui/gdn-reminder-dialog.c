/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-reminder-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "gdn-customer.h"
#include "gdn-parse.h"
#include "gdn-record-picker.h"
#include "gdn-reminder-dialog.h"
#include "gdn-reminder.h"
#include "gdn-validation-error.h"

/* "New reminder" (Ctrl+N on Today): a title, a day and an optional time, optionally a
 * customer. A reminder without a time is for the whole day, stored at midnight. Nothing
 * is saved until every field is right; what was typed stays. */

struct _GdnReminderDialog
{
  AdwWindow          parent_instance;

  GdnStore          *store;
  GdnRecordPicker   *customer_row;
  gboolean           syncing_calendar;

  AdwPreferencesGroup *main_group;
  GtkLabel          *error_label;
  AdwEntryRow       *title_row;
  AdwEntryRow       *date_row;
  AdwEntryRow       *time_row;
  AdwEntryRow       *notes_row;
  GtkMenuButton     *calendar_button;
  GtkCalendar       *calendar;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnReminderDialog, gdn_reminder_dialog, ADW_TYPE_WINDOW)

static void
clear_errors (GdnReminderDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row),
    GTK_WIDGET (self->notes_row), GTK_WIDGET (self->customer_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL)
      gtk_widget_remove_css_class (rows[i], "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (GdnReminderDialog *self,
            GtkWidget         *row,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static GtkWidget *
row_for_field (GdnReminderDialog *self,
               const char        *field)
{
  if (g_strcmp0 (field, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (field, "due_at") == 0)
    return GTK_WIDGET (self->date_row);
  if (g_strcmp0 (field, "customer_id") == 0)
    return GTK_WIDGET (self->customer_row);
  if (g_strcmp0 (field, "notes") == 0)
    return GTK_WIDGET (self->notes_row);
  return NULL;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* 'YYYY-MM-DD HH:MM:SS' from the date and time rows, or NULL after showing the error */
static char *
read_due (GdnReminderDialog *self)
{
  g_autofree char *date_text = g_strstrip (g_strdup (row_text (self->date_row)));
  g_autofree char *time_text = g_strstrip (g_strdup (row_text (self->time_row)));
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  int hour, minute;
  char extra;

  if (*date_text == '\0')
    {
      show_error (self, GTK_WIDGET (self->date_row), _("Date: required"));
      return NULL;
    }
  date = gdn_parse_date (date_text);
  if (date == NULL)
    {
      message = g_strdup_printf (_("Date: “%s” is not a date; write it as 2026-03-05"),
                                 date_text);
      show_error (self, GTK_WIDGET (self->date_row), message);
      return NULL;
    }

  if (*time_text == '\0')
    return g_strdup_printf ("%s 00:00:00", date);

  /* "9:30", "09:30", "14:05" */
  if (sscanf (time_text, "%d:%d%c", &hour, &minute, &extra) != 2 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    {
      message = g_strdup_printf (_("Time: “%s” is not a time of day; write it as 14:30, or "
                                   "leave it empty for the whole day"), time_text);
      show_error (self, GTK_WIDGET (self->time_row), message);
      return NULL;
    }
  return g_strdup_printf ("%s %02d:%02d:00", date, hour, minute);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnReminderDialog *self = GDN_REMINDER_DIALOG (widget);
  g_autoptr(GdnReminder) reminder = gdn_reminder_new ();
  GdnRecord *record = GDN_RECORD (reminder);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (row_text (self->title_row)));
  g_autofree char *notes = g_strstrip (g_strdup (row_text (self->notes_row)));
  g_autofree char *due = NULL;

  clear_errors (self);
  if ((due = read_due (self)) == NULL)
    return;

  gdn_record_set_string (record, "kind", "custom");
  gdn_record_set_string (record, "title", *title != '\0' ? title : NULL);
  gdn_record_set_string (record, "due_at", due);
  gdn_record_set_string (record, "notes", *notes != '\0' ? notes : NULL);
  gdn_record_set_int (record, "customer_id",
                      gdn_record_picker_get_record_id (self->customer_row));

  if (!gdn_store_insert (self->store, record, &error))
    {
      show_error (self, row_for_field (self, gdn_validation_error_get_field (error)),
                  error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_day_selected_cb (GdnReminderDialog *self,
                    GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *iso = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;
  iso = g_date_time_format (date, "%Y-%m-%d");
  text = gdn_format_date (iso);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
on_calendar_shown_cb (GdnReminderDialog *self)
{
  g_autofree char *date = gdn_parse_date (row_text (self->date_row));
  int y, m, d;

  if (date != NULL && sscanf (date, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 0, 0, 0);

      self->syncing_calendar = TRUE;
      gtk_calendar_select_day (self->calendar, day);
      self->syncing_calendar = FALSE;
    }
}

static void
gdn_reminder_dialog_constructed (GObject *object)
{
  GdnReminderDialog *self = GDN_REMINDER_DIALOG (object);
  g_autofree char *iso = gdn_today ();
  g_autofree char *today = gdn_format_date (iso);

  G_OBJECT_CLASS (gdn_reminder_dialog_parent_class)->constructed (object);

  /* the picker runs its search on the store: made here, once the store is known */
  self->customer_row = gdn_record_picker_new (self->store, GDN_TYPE_CUSTOMER, _("Customer"));
  gdn_record_picker_set_fields (self->customer_row, "name", "code");
  gdn_record_picker_set_optional (self->customer_row, TRUE);
  adw_preferences_group_add (self->main_group, GTK_WIDGET (self->customer_row));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
gdn_reminder_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GDN_TYPE_REMINDER_DIALOG);

  G_OBJECT_CLASS (gdn_reminder_dialog_parent_class)->dispose (object);
}

static void
gdn_reminder_dialog_finalize (GObject *object)
{
  GdnReminderDialog *self = GDN_REMINDER_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_reminder_dialog_parent_class)->finalize (object);
}

static void
gdn_reminder_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  GdnReminderDialog *self = GDN_REMINDER_DIALOG (object);

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
gdn_reminder_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  GdnReminderDialog *self = GDN_REMINDER_DIALOG (object);

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
gdn_reminder_dialog_class_init (GdnReminderDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_reminder_dialog_constructed;
  object_class->dispose = gdn_reminder_dialog_dispose;
  object_class->finalize = gdn_reminder_dialog_finalize;
  object_class->get_property = gdn_reminder_dialog_get_property;
  object_class->set_property = gdn_reminder_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/"
                                               "gdn-reminder-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, GdnReminderDialog, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_shown_cb);

  gtk_widget_class_install_action (widget_class, "reminder.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "reminder.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_reminder_dialog_init (GdnReminderDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_reminder_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: where the reminder is added
 */
GtkWidget *
gdn_reminder_dialog_new (GtkWindow *parent,
                         GdnStore  *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_REMINDER_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * gdn_reminder_dialog_set_customer:
 * @customer_id: the customer the reminder is about, or 0
 */
void
gdn_reminder_dialog_set_customer (GdnReminderDialog *self,
                                  gint64             customer_id)
{
  g_return_if_fail (GDN_IS_REMINDER_DIALOG (self));
  gdn_record_picker_set_record_id (self->customer_row, customer_id);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-contact-dialog.h"
#include "gdn-contact.h"
#include "gdn-customer-summary.h"
#include "gdn-enums.h"
#include "gdn-parse.h"
#include "gdn-validation-error.h"

/* Adds or edits one contact of a customer. Saving writes the contact (and, when it becomes
 * the primary contact, takes the flag from the others) in one transaction; a refusal names
 * the field, marks its row and keeps everything typed. */

struct _GdnContactDialog
{
  AdwWindow       parent_instance;

  GdnStore       *store;
  gint64          customer_id;
  gint64          contact_id;
  GdnRecord      *draft;     /* a copy of the contact as read, written on save */

  AdwWindowTitle *window_title;
  AdwPreferencesPage *page;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *department_row;
  AdwComboRow    *role_row;
  AdwComboRow    *stance_row;
  AdwActionRow   *primary_row;
  GtkSwitch      *primary_switch;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *im_row;
  AdwEntryRow    *birthday_row;
  AdwEntryRow    *notes_row;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  PROP_CONTACT_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnContactDialog, gdn_contact_dialog, ADW_TYPE_WINDOW)

/* The text fields and the rows they are typed into */
typedef struct
{
  const char *field;
  gsize       offset;
} TextRow;

static const TextRow text_rows[] = {
  { "name", G_STRUCT_OFFSET (GdnContactDialog, name_row) },
  { "title", G_STRUCT_OFFSET (GdnContactDialog, title_row) },
  { "department", G_STRUCT_OFFSET (GdnContactDialog, department_row) },
  { "phone", G_STRUCT_OFFSET (GdnContactDialog, phone_row) },
  { "email", G_STRUCT_OFFSET (GdnContactDialog, email_row) },
  { "im", G_STRUCT_OFFSET (GdnContactDialog, im_row) },
  { "birthday", G_STRUCT_OFFSET (GdnContactDialog, birthday_row) },
  { "notes", G_STRUCT_OFFSET (GdnContactDialog, notes_row) },
};

static GtkWidget *
text_row (GdnContactDialog *self,
          guint             i)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, text_rows[i].offset);
}

/* An optional enumeration: "Not known" first, then its values */
static void
setup_enum_row (AdwComboRow       *row,
                const GdnEnumInfo *info)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, C_("buying role or stance", "Not known"));
  for (const GdnEnumValue *v = info->values; v->value != NULL; v++)
    gtk_string_list_append (labels, gdn_enum_label (info, v->value));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
set_enum_row (AdwComboRow       *row,
              const GdnEnumInfo *info,
              const char        *value)
{
  guint selected = 0;

  for (guint i = 0; value != NULL && info->values[i].value != NULL; i++)
    if (g_str_equal (info->values[i].value, value))
      selected = i + 1;
  adw_combo_row_set_selected (row, selected);
}

static const char *
get_enum_row (AdwComboRow       *row,
              const GdnEnumInfo *info)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > gdn_enum_n_values (info))
    return NULL;
  return info->values[selected - 1].value;
}

static void
clear_errors (GdnContactDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    gtk_widget_remove_css_class (text_row (self, i), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->role_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->stance_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static GtkWidget *
row_for_field (GdnContactDialog *self,
               const char       *field)
{
  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    if (g_str_equal (text_rows[i].field, field))
      return text_row (self, i);
  if (g_str_equal (field, "role"))
    return GTK_WIDGET (self->role_row);
  if (g_str_equal (field, "stance"))
    return GTK_WIDGET (self->stance_row);
  return NULL;
}

static void
show_error (GdnContactDialog *self,
            const GError     *error)
{
  const char *field = gdn_validation_error_get_field (error);
  const char *message = error->message;
  GtkWidget *row;

  /* The database refuses a second contact of the same name at one customer */
  if (g_error_matches (error, GDN_VALIDATION_ERROR, GDN_VALIDATION_ERROR_DUPLICATE))
    {
      field = "name";
      message = _("Name: this customer already has a contact of that name");
    }

  row = row_for_field (self, field);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
fill_form (GdnContactDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      const char *value = gdn_record_get_string (self->draft, text_rows[i].field);
      /* the birthday as the user's language writes it; read back by gdn_parse_date () */
      g_autofree char *date = g_str_equal (text_rows[i].field, "birthday") && value != NULL
                              ? gdn_format_date (value) : NULL;

      gtk_editable_set_text (GTK_EDITABLE (text_row (self, i)),
                             date != NULL ? date : value ? value : "");
    }
  set_enum_row (self->role_row, &gdn_enum_contact_role,
                gdn_record_get_string (self->draft, "role"));
  set_enum_row (self->stance_row, &gdn_enum_contact_stance,
                gdn_record_get_string (self->draft, "stance"));
  gtk_switch_set_active (self->primary_switch, gdn_record_get_bool (self->draft, "is_primary"));
}

static void
read_form (GdnContactDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      g_autofree char *text =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (text_row (self, i)))));

      if (g_str_equal (text_rows[i].field, "birthday") && *text != '\0')
        {
          /* 1985/3/12 and 1985年3月12日 are dates too; anything else is left for the
           * validation to name */
          g_autofree char *date = gdn_parse_date (text);

          if (date != NULL)
            {
              g_free (text);
              text = g_steal_pointer (&date);
            }
        }
      gdn_record_set_string (self->draft, text_rows[i].field, *text ? text : NULL);
    }
  gdn_record_set_string (self->draft, "role", get_enum_row (self->role_row,
                                                            &gdn_enum_contact_role));
  gdn_record_set_string (self->draft, "stance", get_enum_row (self->stance_row,
                                                              &gdn_enum_contact_stance));
  gdn_record_set_bool (self->draft, "is_primary", gtk_switch_get_active (self->primary_switch));
}

/* Only one primary contact per customer */
static gboolean
take_primary_flag (GdnContactDialog  *self,
                   GError           **error)
{
  g_autoptr(GPtrArray) contacts = NULL;

  contacts = gdn_customer_summary_contacts (self->store, self->customer_id, error);
  if (contacts == NULL)
    return FALSE;
  for (guint i = 0; i < contacts->len; i++)
    {
      GdnRecord *other = g_ptr_array_index (contacts, i);

      if (gdn_record_get_id (other) == self->contact_id ||
          !gdn_record_get_bool (other, "is_primary"))
        continue;
      gdn_record_set_bool (other, "is_primary", FALSE);
      if (!gdn_store_update (self->store, other, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_contact (GdnContactDialog  *self,
               GError           **error)
{
  if (!gdn_store_begin (self->store, error))
    return FALSE;

  if ((gdn_record_get_bool (self->draft, "is_primary") && !take_primary_flag (self, error)) ||
      !gdn_store_save (self->store, self->draft, error) ||
      !gdn_store_commit (self->store, error))
    {
      gdn_store_rollback (self->store);
      /* nothing was written: a new contact is still new */
      if (self->contact_id == 0)
        gdn_record_set_id (self->draft, 0);
      return FALSE;
    }
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnContactDialog *self = GDN_CONTACT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  clear_errors (self);
  read_form (self);

  if (!write_contact (self, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, self->draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_row_changed_cb (GdnContactDialog *self,
                   GtkWidget        *row)
{
  /* the mark goes once the person corrects the field */
  gtk_widget_remove_css_class (row, "error");
}

static void
gdn_contact_dialog_constructed (GObject *object)
{
  GdnContactDialog *self = GDN_CONTACT_DIALOG (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (gdn_contact_dialog_parent_class)->constructed (object);

  if (self->contact_id > 0)
    self->draft = gdn_store_get (self->store, GDN_TYPE_CONTACT, self->contact_id, &error);
  if (self->draft == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot read contact %" G_GINT64_FORMAT ": %s", self->contact_id,
                   error->message);
      self->contact_id = 0;
      self->draft = gdn_record_new (GDN_TYPE_CONTACT);
      gdn_record_set_int (self->draft, "customer_id", self->customer_id);
      /* the first contact of a customer is the one to call */
      if (gdn_customer_summary_count (self->store, GDN_TYPE_CONTACT, self->customer_id,
                                      NULL) == 0)
        gdn_record_set_bool (self->draft, "is_primary", TRUE);
    }

  adw_window_title_set_title (self->window_title,
                              self->contact_id > 0 ? _("Edit Contact") : _("New Contact"));
  gtk_window_set_title (GTK_WINDOW (self),
                        self->contact_id > 0 ? _("Edit Contact") : _("New Contact"));
  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
gdn_contact_dialog_dispose (GObject *object)
{
  GdnContactDialog *self = GDN_CONTACT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CONTACT_DIALOG);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_contact_dialog_parent_class)->dispose (object);
}

static void
gdn_contact_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GdnContactDialog *self = GDN_CONTACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_CONTACT_ID:
      g_value_set_int64 (value, self->contact_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_contact_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GdnContactDialog *self = GDN_CONTACT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;
    case PROP_CONTACT_ID:
      self->contact_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_contact_dialog_class_init (GdnContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_contact_dialog_constructed;
  object_class->dispose = gdn_contact_dialog_dispose;
  object_class->get_property = gdn_contact_dialog_get_property;
  object_class->set_property = gdn_contact_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ID] =
    g_param_spec_int64 ("contact-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnContactDialog::saved:
   * @contact: the contact as written
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GDN_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-contact-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, page);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, stance_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, primary_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, primary_switch);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, im_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, GdnContactDialog, notes_row);

  gtk_widget_class_install_action (widget_class, "contact.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "contact.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
gdn_contact_dialog_init (GdnContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_enum_row (self->role_row, &gdn_enum_contact_role);
  setup_enum_row (self->stance_row, &gdn_enum_contact_stance);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_signal_connect_object (text_row (self, i), "changed", G_CALLBACK (on_row_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/**
 * gdn_contact_dialog_new:
 * @parent: the window the dialog is modal for
 * @customer_id: whose contact it is
 * @contact_id: the contact to edit, or 0 for a new one
 */
GtkWidget *
gdn_contact_dialog_new (GtkWindow *parent,
                        GdnStore  *store,
                        gint64     customer_id,
                        gint64     contact_id)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  return g_object_new (GDN_TYPE_CONTACT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "customer-id", customer_id,
                       "contact-id", contact_id,
                       NULL);
}

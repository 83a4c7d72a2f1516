/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-record-picker.h"
#include "gdn-query-selection.h"

/* A form row that chooses one record (a customer, an order) among many: a search field
 * over the kind's lazy query model in a popover, so that the search runs in SQL and only
 * the rows in sight are loaded, however many customers the file holds. */

struct _GdnRecordPicker
{
  AdwActionRow        parent_instance;

  GtkButton          *clear_button;
  GtkMenuButton      *button;
  GtkPopover         *popover;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;

  GdnStore           *store;
  GType               item_type;
  GdnQueryModel      *model;
  GdnRecord          *record;
  char               *primary;
  char               *secondary;
  char               *placeholder;
  gboolean            optional;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  PROP_RECORD_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnRecordPicker, gdn_record_picker, ADW_TYPE_ACTION_ROW)

static char *
describe (GdnRecordPicker *self,
          GdnRecord       *record)
{
  const char *primary = gdn_record_get_string (record, self->primary);
  const char *secondary = self->secondary ? gdn_record_get_string (record, self->secondary)
                                          : NULL;

  if (secondary != NULL && primary != NULL)
    return g_strdup_printf ("%s · %s", primary, secondary);
  return g_strdup (primary != NULL ? primary : secondary != NULL ? secondary : "");
}

static void
update_display (GdnRecordPicker *self)
{
  g_autofree char *text = self->record ? describe (self, self->record) : NULL;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               text != NULL ? text
                               : self->placeholder != NULL ? self->placeholder
                               : self->optional ? _("None") : _("Not chosen"));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          self->optional && self->record != NULL);
}

static void
update_accessible_names (GdnRecordPicker *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  /* Translators: the accessible name of the button that chooses, e.g., the Customer */
  g_autofree char *choose = g_strdup_printf (_("Choose %s"), title ? title : "");
  /* Translators: the accessible name of the button that empties, e.g., the Order field */
  g_autofree char *clear = g_strdup_printf (_("Clear %s"), title ? title : "");
  /* Translators: the search field in the popover that chooses, e.g., a Customer */
  g_autofree char *search = g_strdup_printf (_("Search for %s"), title ? title : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, choose, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clear, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->clear_button), clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search, -1);
}

static void
update_stack (GdnRecordPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    self->model != NULL &&
                                    g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0
                                    ? "list" : "empty");
}

static void
set_record (GdnRecordPicker *self,
            GdnRecord       *record)
{
  gint64 old = self->record ? gdn_record_get_id (self->record) : 0;

  g_set_object (&self->record, record);
  update_display (self);
  if (old != (record ? gdn_record_get_id (record) : 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD_ID]);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               GdnRecordPicker          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *primary = gtk_label_new (NULL);
  GtkWidget *secondary = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (primary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (primary), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (secondary), 0);
  gtk_label_set_ellipsize (GTK_LABEL (secondary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (secondary, "dim-label");
  gtk_widget_add_css_class (secondary, "caption");
  gtk_box_append (GTK_BOX (box), primary);
  gtk_box_append (GTK_BOX (box), secondary);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              GdnRecordPicker          *self)
{
  GdnRecord *record = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *primary = gtk_widget_get_first_child (box);
  GtkWidget *secondary = gtk_widget_get_next_sibling (primary);
  const char *p, *s;

  if (record == NULL)
    return;
  p = gdn_record_get_string (record, self->primary);
  s = self->secondary ? gdn_record_get_string (record, self->secondary) : NULL;
  gtk_label_set_text (GTK_LABEL (primary), p ? p : "");
  gtk_label_set_text (GTK_LABEL (secondary), s ? s : "");
  gtk_widget_set_visible (secondary, s != NULL);
}

/* The choices for the search field's text, at once */
static void
search_now (GdnRecordPicker *self)
{
  if (self->model == NULL)
    return;
  gdn_query_model_set_search (self->model,
                              gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_stack (self);
}

static void
on_search_changed_cb (GdnRecordPicker *self,
                      GtkSearchEntry  *entry)
{
  if (self->model == NULL)
    return;
  /* on a large table (a million orders) the choices come from a worker: typing goes on */
  gdn_query_model_request_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_stack (self);
}

static void
on_search_activate_cb (GdnRecordPicker *self,
                       GtkSearchEntry  *entry)
{
  /* Enter takes the first match of what is typed, as in the lists */
  search_now (self);
  gdn_record_picker_pick_position (self, 0);
}

static void
on_list_activate_cb (GdnRecordPicker *self,
                     guint            position,
                     GtkListView     *view)
{
  gdn_record_picker_pick_position (self, position);
}

static void
on_popover_show_cb (GdnRecordPicker *self,
                    GtkPopover      *popover)
{
  update_stack (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_clear_clicked_cb (GdnRecordPicker *self,
                     GtkButton       *button)
{
  set_record (self, NULL);
}

static void
on_title_changed_cb (GdnRecordPicker *self,
                     GParamSpec      *pspec)
{
  update_accessible_names (self);
}

static void
set_store (GdnRecordPicker *self,
           GdnStore        *store)
{
  GtkSingleSelection *selection;

  g_return_if_fail (self->store == NULL);
  if (store == NULL)
    return;

  self->store = g_object_ref (store);
  self->model = gdn_query_model_new (self->store, self->item_type);
  gdn_query_model_set_recycle_rows (self->model, TRUE);
  selection = gdn_query_selection_new (self->model);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  /* a search prepared in a worker arrives later than the field's change */
  g_signal_connect_object (self->model, "notify::search", G_CALLBACK (update_stack), self,
                           G_CONNECT_SWAPPED);
}

static void
gdn_record_picker_constructed (GObject *object)
{
  GdnRecordPicker *self = GDN_RECORD_PICKER (object);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (gdn_record_picker_parent_class)->constructed (object);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  update_display (self);
  update_accessible_names (self);
}

static void
gdn_record_picker_dispose (GObject *object)
{
  GdnRecordPicker *self = GDN_RECORD_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_RECORD_PICKER);
  g_clear_object (&self->record);
  g_clear_object (&self->model);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gdn_record_picker_parent_class)->dispose (object);
}

static void
gdn_record_picker_finalize (GObject *object)
{
  GdnRecordPicker *self = GDN_RECORD_PICKER (object);

  g_free (self->primary);
  g_free (self->secondary);
  g_free (self->placeholder);

  G_OBJECT_CLASS (gdn_record_picker_parent_class)->finalize (object);
}

static void
gdn_record_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  GdnRecordPicker *self = GDN_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, gdn_record_picker_get_record_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  GdnRecordPicker *self = GDN_RECORD_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    case PROP_RECORD_ID:
      gdn_record_picker_set_record_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_picker_class_init (GdnRecordPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_record_picker_constructed;
  object_class->dispose = gdn_record_picker_dispose;
  object_class->finalize = gdn_record_picker_finalize;
  object_class->get_property = gdn_record_picker_get_property;
  object_class->set_property = gdn_record_picker_set_property;

  /**
   * GdnRecordPicker:store:
   *
   * Where the choices come from; set once (a template sets it after construction).
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, GDN_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * GdnRecordPicker:record-id:
   *
   * The chosen record; 0 for none.
   */
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-record-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, clear_button);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, button);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
gdn_record_picker_init (GdnRecordPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->primary = g_strdup ("name");
  g_signal_connect (self, "notify::title", G_CALLBACK (on_title_changed_cb), NULL);
}

/**
 * gdn_record_picker_new:
 * @item_type: the kind of record chosen (customers, orders …)
 * @title: the translated row title, e.g. "Customer"
 */
GdnRecordPicker *
gdn_record_picker_new (GdnStore   *store,
                       GType       item_type,
                       const char *title)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_RECORD_PICKER,
                       "store", store,
                       "item-type", item_type,
                       "title", title,
                       NULL);
}

/**
 * gdn_record_picker_set_fields:
 * @primary: the field that names a record ("name", "order_no")
 * @secondary: (nullable): a second field shown beside it ("code", "customer_name")
 */
void
gdn_record_picker_set_fields (GdnRecordPicker *self,
                              const char      *primary,
                              const char      *secondary)
{
  g_return_if_fail (GDN_IS_RECORD_PICKER (self));

  g_free (self->primary);
  g_free (self->secondary);
  self->primary = g_strdup (primary);
  self->secondary = g_strdup (secondary);
  update_display (self);
}

/**
 * gdn_record_picker_set_optional:
 *
 * An optional choice can be emptied again, and reads "None" when empty.
 */
void
gdn_record_picker_set_optional (GdnRecordPicker *self,
                                gboolean         optional)
{
  g_return_if_fail (GDN_IS_RECORD_PICKER (self));

  self->optional = !!optional;
  update_display (self);
}

/**
 * gdn_record_picker_get_model:
 *
 * Returns: (transfer none) (nullable): the model of the choices, to sort or filter them
 */
GdnQueryModel *
gdn_record_picker_get_model (GdnRecordPicker *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_PICKER (self), NULL);
  return self->model;
}

gint64
gdn_record_picker_get_record_id (GdnRecordPicker *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_PICKER (self), 0);
  return self->record ? gdn_record_get_id (self->record) : 0;
}

/**
 * gdn_record_picker_get_record:
 *
 * Returns: (transfer none) (nullable): the chosen record
 */
GdnRecord *
gdn_record_picker_get_record (GdnRecordPicker *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_PICKER (self), NULL);
  return self->record;
}

/**
 * gdn_record_picker_set_record_id:
 * @id: a record of the picker's kind, or 0 for none
 */
void
gdn_record_picker_set_record_id (GdnRecordPicker *self,
                                 gint64           id)
{
  g_autoptr(GdnRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GDN_IS_RECORD_PICKER (self));

  if (id == gdn_record_picker_get_record_id (self))
    return;
  if (id > 0 && self->store != NULL)
    {
      record = gdn_store_get (self->store, self->item_type, id, &error);
      if (record == NULL)
        g_warning ("Cannot show record %" G_GINT64_FORMAT ": %s", id, error->message);
    }
  set_record (self, record);
}

/**
 * gdn_record_picker_set_search:
 *
 * Narrows the choices as typing in the picker's search field does.
 */
void
gdn_record_picker_set_search (GdnRecordPicker *self,
                              const char      *text)
{
  g_return_if_fail (GDN_IS_RECORD_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_now (self);
}

/**
 * gdn_record_picker_pick_position:
 * @position: a row of the choices as they are listed now
 *
 * Chooses that row, as clicking it does, and closes the popover.
 *
 * Returns: %FALSE when there is no such row
 */
gboolean
gdn_record_picker_pick_position (GdnRecordPicker *self,
                                 guint            position)
{
  g_autoptr(GdnRecord) record = NULL;

  g_return_val_if_fail (GDN_IS_RECORD_PICKER (self), FALSE);

  if (self->model == NULL)
    return FALSE;
  record = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (record == NULL)
    return FALSE;
  set_record (self, record);
  gtk_popover_popdown (self->popover);
  return TRUE;
}

/**
 * gdn_record_picker_set_store:
 *
 * Gives a picker built from a template its store; once.
 */
void
gdn_record_picker_set_store (GdnRecordPicker *self,
                             GdnStore        *store)
{
  g_return_if_fail (GDN_IS_RECORD_PICKER (self));
  g_return_if_fail (GDN_IS_STORE (store));

  set_store (self, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * gdn_record_picker_set_placeholder:
 * @placeholder: (nullable): what the row says while nothing is chosen
 */
void
gdn_record_picker_set_placeholder (GdnRecordPicker *self,
                                   const char      *placeholder)
{
  g_return_if_fail (GDN_IS_RECORD_PICKER (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  update_display (self);
}

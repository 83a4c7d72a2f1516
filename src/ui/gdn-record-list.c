/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gdn-parse.h"
#include "gdn-query-selection.h"
#include "gdn-record-list.h"
#include "gdn-tooltip.h"

/* A searchable, filterable, sortable table over one kind of record. The rows come from a
 * GdnQueryModel, so sorting, filtering and search run in SQL and only the visible pages
 * are loaded; the column headers only tell the model which order the person asked for. */

typedef struct
{
  GdnRecordList *self;
  char          *field;
  int            index;   /* in the record class's field table */
} Column;

typedef struct
{
  char         *field;
  GtkDropDown  *dropdown;
  GStrv         values;   /* values[i] is the stored value of item i + 1 (item 0 is "all") */
} Filter;

struct _GdnRecordList
{
  GtkWidget           parent_instance;

  GtkBox             *box;
  GtkSearchEntry     *search_entry;
  GtkFlowBox         *filter_box;
  GtkBox             *flag_box;
  GtkLabel           *count_label;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;

  GdnStore           *store;
  GType               item_type;
  GdnQueryModel      *model;
  GtkSingleSelection *selection;
  GPtrArray          *columns;   /* Column */
  GPtrArray          *filters;   /* Filter */
  GPtrArray          *flag_buttons;
  Column             *probe_hit; /* the column whose sorter the view asked first */
  GObject            *probe_a;
  GObject            *probe_b;
  char               *empty_icon;
  char               *empty_title;
  char               *empty_description;
  int                 flags_index;
  int                 cell_height;    /* of a cell's text, Chinese included */
  int                 char_width;     /* of the list's font, for the columns' widths */
  guint               grow_id;        /* tick callback: more rows at each frame */
  guint               grow_frames;
  GStrv               link_fields; /* filters set by gdn_record_list_show_filtered() */
  GdnFlags            link_flags;
  GtkWidget          *link_chip;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_ITEM_TYPE,
  N_PROPS
};

enum {
  RECORD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnRecordList, gdn_record_list, GTK_TYPE_WIDGET)

static void
column_free (gpointer data)
{
  Column *column = data;

  g_free (column->field);
  g_free (column);
}

static void
filter_free (gpointer data)
{
  Filter *filter = data;

  g_free (filter->field);
  g_strfreev (filter->values);
  g_free (filter);
}

static char *
format_value (GdnRecord      *record,
              const GdnField *field,
              int             index)
{
  const GValue *value = gdn_record_get_value_at (record, index);

  switch (field->type)
    {
    case GDN_FIELD_ENUM:
      return g_strdup (gdn_enum_label (field->enum_info, g_value_get_string (value)));
    case GDN_FIELD_REAL:
      if (field->flags & GDN_FIELD_MONEY)
        {
          int currency = gdn_record_class_find_field (GDN_RECORD_GET_CLASS (record), "currency");
          return gdn_format_money (g_value_get_double (value),
                                   currency >= 0 ? gdn_record_get_string (record, "currency")
                                                 : NULL);
        }
      return gdn_format_amount (g_value_get_double (value));
    case GDN_FIELD_BOOL:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
    case GDN_FIELD_DATE:
      return gdn_format_date (g_value_get_string (value));
    case GDN_FIELD_DATETIME:
      /* minutes are enough in a table: 2026年12月28日 23:59 */
      return gdn_format_datetime (g_value_get_string (value));
    case GDN_FIELD_TEXT:
    case GDN_FIELD_INT:
    case GDN_FIELD_REF:
    default:
      return gdn_record_format_at (record, index);
    }
}

static char *
describe_flags (GdnFlags flags)
{
  GString *s = g_string_new (NULL);

  for (guint bit = 0; bit < 6; bit++)
    if (flags & (1u << bit))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, gdn_flags_label (1u << bit));
      }
  return g_string_free (s, FALSE);
}

static GdnFlags
record_flags (GdnRecordList *self,
              GdnRecord     *record)
{
  if (self->flags_index < 0)
    return 0;
  return (GdnFlags) MAX (0, g_value_get_int64 (gdn_record_get_value_at (record,
                                                                       self->flags_index)));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               Column                   *column)
{
  /* sized by the column, not by its text: a new sort or search shapes the texts shown
   * once, to draw them, where labels would measure each one first */
  GtkInscription *cell = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  GdnRecordList *self = column->self;

  /* as high as a line with Chinese in it: the font's own line can be lower */
  if (self->cell_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                      "国Ag");

      pango_layout_get_pixel_size (layout, NULL, &self->cell_height);
    }
  gtk_widget_set_size_request (GTK_WIDGET (cell), -1, self->cell_height);
  gtk_inscription_set_text_overflow (cell, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (cell, 16);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              Column                   *column)
{
  GdnRecord *record = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  GdnRecordClass *klass;
  const GdnField *fields;
  g_autofree char *text = NULL;
  GdnFlags flags;

  if (record == NULL)
    return;

  klass = GDN_RECORD_GET_CLASS (record);
  fields = gdn_record_class_get_fields (klass, NULL);
  text = format_value (record, &fields[column->index], column->index);
  gtk_inscription_set_text (GTK_INSCRIPTION (label), text);
  if (fields[column->index].type == GDN_FIELD_REAL || fields[column->index].type == GDN_FIELD_INT)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }

  flags = record_flags (column->self, record);
  if (flags & GDN_FLAGS_OVERDUE || flags & GDN_FLAGS_RESPONSE_BREACH)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (flags & GDN_FLAGS_AT_RISK && !(flags & GDN_FLAGS_OVERDUE))
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_remove_css_class (label, "warning");
}

/* The tooltip is made when asked for: setting one on each bind makes GTK look for the
 * widget under the pointer again, for every cell of every row a new search shows. */
static gboolean
on_flag_query_tooltip_cb (GtkWidget  *image,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  GdnFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (image), "gdn-flags"));
  g_autofree char *text = NULL;

  if (flags == 0)
    return FALSE;
  text = describe_flags (flags);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_flag_cell_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GdnRecordList            *self)
{
  GtkWidget *image = gtk_image_new ();

  gtk_widget_set_has_tooltip (image, TRUE);
  g_signal_connect (image, "query-tooltip", G_CALLBACK (on_flag_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, image);
}

static void
bind_flag_cell_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   GdnRecordList            *self)
{
  GdnRecord *record = gtk_list_item_get_item (item);
  GtkWidget *image = gtk_list_item_get_child (item);
  GdnFlags flags;
  g_autofree char *description = NULL;

  if (record == NULL)
    return;

  flags = record_flags (self, record);
  g_object_set_data (G_OBJECT (image), "gdn-flags", GUINT_TO_POINTER ((guint) flags));
  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "warning");
  if (flags == 0)
    {
      gtk_image_clear (GTK_IMAGE (image));
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      "", -1);
      return;
    }

  description = describe_flags (flags);
  gtk_image_set_from_icon_name (GTK_IMAGE (image),
                                flags & (GDN_FLAGS_OVERDUE | GDN_FLAGS_RESPONSE_BREACH)
                                  ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_add_css_class (image, flags & (GDN_FLAGS_OVERDUE | GDN_FLAGS_RESPONSE_BREACH)
                                     ? "error" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Column *column = user_data;

  if (column->self->probe_hit == NULL)
    column->self->probe_hit = column;
  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8 does not say which column the person sorted by; ask the view's sorter to
 * compare two placeholders and see which column's sorter it consults first, and whether
 * it inverts the answer. */
static void
on_view_sorter_changed_cb (GdnRecordList *self,
                           GtkSorterChange change,
                           GtkSorter     *sorter)
{
  GtkOrdering order;

  self->probe_hit = NULL;
  order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
  if (self->probe_hit == NULL)
    return;

  gdn_query_model_set_sort (self->model, self->probe_hit->field, order == GTK_ORDERING_LARGER);
}

static void
update_count (GdnRecordList *self)
{
  g_autofree char *grouped = NULL;
  g_autofree char *text = NULL;
  const char *search = gdn_query_model_get_search (self->model);
  gboolean filtered = (search != NULL && *search != '\0') ||
                      gdn_query_model_get_flags_filter (self->model) != 0 ||
                      (self->link_fields != NULL && self->link_fields[0] != NULL);
  guint n;

  /* not in a window yet: its first count waits for the window's size (see first_rows()) */
  if (self->selection == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  grouped = gdn_format_quantity (n);

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = g_ptr_array_index (self->filters, i);
      filtered |= gtk_drop_down_get_selected (filter->dropdown) > 0;
    }

  /* the first frames' rows are no count at all (see grow_cb()); a search that many
   * records match is counted further as the list is scrolled */
  if (!gdn_query_model_get_count_capped (self->model))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record", "%s records", n), grouped);
  else if (gdn_query_model_get_first_rows (self->model) == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s+ record", "%s+ records", n), grouped);
  gtk_label_set_text (self->count_label, text != NULL ? text : "");

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    {
      if (filtered)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Matching Records"));
          adw_status_page_set_description (self->empty_page,
                                           _("Try other words, or clear the filters"));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page,
                                         self->empty_icon ? self->empty_icon
                                                          : "folder-documents-symbolic");
          adw_status_page_set_title (self->empty_page,
                                     self->empty_title ? self->empty_title : _("Nothing Here Yet"));
          adw_status_page_set_description (self->empty_page, self->empty_description);
        }
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
}

static void
on_items_changed_cb (GdnRecordList *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *model)
{
  if (removed != added)
    update_count (self);
}

static void
on_search_changed_cb (GdnRecordList  *self,
                      GtkSearchEntry *entry)
{
  /* on a large table the rows found are shown once a worker has them: typing goes on */
  gdn_query_model_request_search (self->model, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_count (self);
}

static void
on_search_activate_cb (GdnRecordList  *self,
                       GtkSearchEntry *entry)
{
  /* Enter in the search field opens the first match, like a launcher */
  g_autoptr(GdnRecord) record = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

  if (record != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, record);
}

static void
on_column_view_activate_cb (GdnRecordList *self,
                            guint          position,
                            GtkColumnView *view)
{
  g_autoptr(GdnRecord) record = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (record != NULL)
    g_signal_emit (self, signals[RECORD_ACTIVATED], 0, record);
}

static void
on_filter_selected_cb (GdnRecordList *self,
                       GParamSpec    *pspec,
                       GtkDropDown   *dropdown)
{
  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = g_ptr_array_index (self->filters, i);
      guint selected;

      if (filter->dropdown != dropdown)
        continue;
      selected = gtk_drop_down_get_selected (dropdown);
      gdn_query_model_set_filter (self->model, filter->field,
                                  selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                    ? NULL : filter->values[selected - 1]);
    }
  update_count (self);
}

static void
on_flag_toggled_cb (GdnRecordList   *self,
                    GtkToggleButton *button)
{
  GdnFlags mask = 0;

  for (guint i = 0; i < self->flag_buttons->len; i++)
    {
      GtkToggleButton *b = g_ptr_array_index (self->flag_buttons, i);
      if (gtk_toggle_button_get_active (b))
        mask |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), "gdn-flag"));
    }
  gdn_query_model_set_flags_filter (self->model, mask | self->link_flags);
  update_count (self);
}

static void
append_filter_widget (GdnRecordList *self,
                      GtkWidget     *widget)
{
  GtkWidget *child;

  gtk_flow_box_append (self->filter_box, widget);
  /* the flow box's own child would be one more Tab stop before each filter */
  child = gtk_widget_get_parent (widget);
  gtk_widget_set_focusable (child, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box), TRUE);
}

/* A list view of GTK 4.8 makes and fills the widgets of some 200 rows around the first it
 * shows, however few fit: a window opening on a long list would wait for all of them
 * before its first frame. Until then the model counts the rows a screen holds; each frame
 * after it adds a few more, and past the rows the view makes ahead, the list counts them
 * all. */
#define ROW_HEIGHT_MIN 24
#define CHROME_MIN     160   /* header bar, toolbar and column titles above the rows */
#define ROWS_PER_FRAME 24
#define ROWS_AHEAD     240

/* As many rows as fit below the window's header bar, the list's toolbar and its column
 * titles: in the window the list is shown in, at the size it has or opens at, or on the
 * tallest screen when that window is maximized or not known yet */
static guint
first_rows (GdnRecordList *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width, height = 0;

  if (GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root)) &&
      !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      height = gtk_widget_get_height (GTK_WIDGET (root));
      if (height <= 0)
        gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }
  if (height <= 0)
    {
      GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

      for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
          GdkRectangle geometry;

          gdk_monitor_get_geometry (monitor, &geometry);
          height = MAX (height, geometry.height);
        }
    }
  return height > 0 ? (guint) MAX (height - CHROME_MIN, 0) / ROW_HEIGHT_MIN + 1 : ROWS_AHEAD / 4;
}

static gboolean
grow_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  GdnRecordList *self = GDN_RECORD_LIST (widget);
  guint rows = gdn_query_model_get_first_rows (self->model);

  /* the frame that shows the first rows */
  if (self->grow_frames++ == 0)
    return G_SOURCE_CONTINUE;
  /* all of them already (a short list) or the rows GTK makes ahead */
  rows = !gdn_query_model_get_count_capped (self->model) || rows + ROWS_PER_FRAME >= ROWS_AHEAD
         ? 0 : rows + ROWS_PER_FRAME;
  gdn_query_model_set_first_rows (self->model, rows);
  if (rows > 0)
    return G_SOURCE_CONTINUE;
  self->grow_id = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* The view gets its rows once the list is in a window, whose size says how many the first
 * frame shows (or when a row is selected before then); a count made earlier by a caller of
 * the model stands, as the list never shrinks */
static void
ensure_view_model (GdnRecordList *self)
{
  if (self->selection != NULL)
    return;
  gdn_query_model_set_first_rows (self->model, first_rows (self));
  self->selection = gdn_query_selection_new (self->model);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  update_count (self);
}

static void
gdn_record_list_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (gdn_record_list_parent_class)->root (widget);

  ensure_view_model (GDN_RECORD_LIST (widget));
}

static void
gdn_record_list_map (GtkWidget *widget)
{
  GdnRecordList *self = GDN_RECORD_LIST (widget);

  GTK_WIDGET_CLASS (gdn_record_list_parent_class)->map (widget);

  if (self->grow_id == 0 && gdn_query_model_get_first_rows (self->model) > 0)
    {
      self->grow_frames = 0;
      self->grow_id = gtk_widget_add_tick_callback (widget, grow_cb, NULL, NULL);
    }
}

static void
gdn_record_list_unmap (GtkWidget *widget)
{
  GdnRecordList *self = GDN_RECORD_LIST (widget);

  /* hidden before its rows were all counted: the rest when it shows again */
  if (self->grow_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->grow_id);
      self->grow_id = 0;
    }

  GTK_WIDGET_CLASS (gdn_record_list_parent_class)->unmap (widget);
}

static void
gdn_record_list_constructed (GObject *object)
{
  GdnRecordList *self = (GdnRecordList *)object;
  g_autoptr(GdnRecordClass) klass = NULL;
  GtkSorter *sorter;

  G_OBJECT_CLASS (gdn_record_list_parent_class)->constructed (object);

  klass = g_type_class_ref (self->item_type);
  self->flags_index = gdn_record_class_find_field (klass, "flags");

  self->model = gdn_query_model_new (self->store, self->item_type);
  gdn_query_model_set_recycle_rows (self->model, TRUE);
  /* a cap for whoever counts the model before the list is in a window */
  gdn_query_model_set_first_rows (self->model, first_rows (self));

  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* a search prepared in a worker arrives later than the entry's change */
  g_signal_connect_object (self->model, "notify::search", G_CALLBACK (update_count),
                           self, G_CONNECT_SWAPPED);

  if (self->flags_index >= 0)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_flag_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_flag_cell_cb), self);
      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_fixed_width (column, 32);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }

  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (on_view_sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  update_count (self);
}

static void
gdn_record_list_dispose (GObject *object)
{
  GdnRecordList *self = (GdnRecordList *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_RECORD_LIST);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->store);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);

  G_OBJECT_CLASS (gdn_record_list_parent_class)->dispose (object);
}

static void
gdn_record_list_finalize (GObject *object)
{
  GdnRecordList *self = (GdnRecordList *)object;

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->link_fields, g_strfreev);
  g_clear_pointer (&self->flag_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->empty_icon, g_free);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->empty_description, g_free);

  G_OBJECT_CLASS (gdn_record_list_parent_class)->finalize (object);
}

static void
gdn_record_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GdnRecordList *self = GDN_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GdnRecordList *self = GDN_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_record_list_class_init (GdnRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_record_list_constructed;
  object_class->dispose = gdn_record_list_dispose;
  object_class->finalize = gdn_record_list_finalize;
  object_class->get_property = gdn_record_list_get_property;
  object_class->set_property = gdn_record_list_set_property;
  widget_class->root = gdn_record_list_root;
  widget_class->map = gdn_record_list_map;
  widget_class->unmap = gdn_record_list_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, GDN_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnRecordList::record-activated:
   * @record: the record a person opened (double click, Enter)
   */
  signals[RECORD_ACTIVATED] =
    g_signal_new ("record-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, GDN_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-record-list.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, box);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, filter_box);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, flag_box);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, count_label);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, column_view);
  gtk_widget_class_bind_template_child (widget_class, GdnRecordList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gdn_record_list_init (GdnRecordList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->columns = g_ptr_array_new_with_free_func (column_free);
  self->filters = g_ptr_array_new_with_free_func (filter_free);
  self->flag_buttons = g_ptr_array_new ();
  self->probe_a = g_object_new (G_TYPE_OBJECT, NULL);
  self->probe_b = g_object_new (G_TYPE_OBJECT, NULL);
  self->flags_index = -1;
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

/**
 * gdn_record_list_new:
 * @item_type: a #GdnRecord subclass
 */
GdnRecordList *
gdn_record_list_new (GdnStore *store,
                     GType     item_type)
{
  return g_object_new (GDN_TYPE_RECORD_LIST, "store", store, "item-type", item_type, NULL);
}

/* A column's width in characters is in those of the list's font: the wider of its digits
 * and its average character (codes are mostly digits), plus the cell's margins. */
#define CELL_PADDING     24
#define EXPAND_MIN_CHARS 12

static int
char_width (GdnRecordList *self)
{
  PangoFontMetrics *metrics;
  int width;

  /* the font's metrics are worked out anew at each call (a line of text shaped) */
  if (self->char_width > 0)
    return self->char_width;
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (self)),
                                       NULL, NULL);
  width = MAX (pango_font_metrics_get_approximate_digit_width (metrics),
               pango_font_metrics_get_approximate_char_width (metrics));
  pango_font_metrics_unref (metrics);
  self->char_width = PANGO_PIXELS_CEIL (width);
  return self->char_width;
}

/**
 * gdn_record_list_add_column:
 * @field: the record field shown; sortable fields get a sorting header
 * @title: the translated header
 */
void
gdn_record_list_add_column (GdnRecordList *self,
                            const char    *field,
                            const char    *title,
                            int            width_chars,
                            gboolean       expand)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (self->item_type);
  GtkListItemFactory *factory;
  GtkColumnViewColumn *view_column;
  Column *column;
  int index = gdn_record_class_find_field (klass, field);
  const GdnField *f;

  g_return_if_fail (index >= 0);
  f = &gdn_record_class_get_fields (klass, NULL)[index];

  column = g_new0 (Column, 1);
  column->self = self;
  column->field = g_strdup (f->name);
  column->index = index;
  g_ptr_array_add (self->columns, column);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), column);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  /* an expanding column keeps room for a short name: when the window is too narrow for
   * every column, the list scrolls sideways rather than squeeze it to "泉州…" */
  if (width_chars <= 0 && expand)
    width_chars = EXPAND_MIN_CHARS;
  if (width_chars > 0)
    {
      int width = width_chars * char_width (self) + CELL_PADDING;

      /* dates are written in the user's language (2026年12月28日 is wider than ISO) */
      if (f->type == GDN_FIELD_DATE || f->type == GDN_FIELD_DATETIME)
        {
          g_autofree char *sample = f->type == GDN_FIELD_DATE
                                    ? gdn_format_date ("2026-12-28")
                                    : gdn_format_datetime ("2026-12-28 23:59:59");
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                                          sample);
          int text_width = 0;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          width = MAX (width, text_width + CELL_PADDING);
        }
      gtk_column_view_column_set_fixed_width (view_column, width);
    }

  if (f->flags & GDN_FIELD_SORTABLE)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
    }

  g_object_set_data_full (G_OBJECT (view_column), "gdn-field", g_strdup (f->name), g_free);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

/**
 * gdn_record_list_add_filter:
 * @field: an enumeration field
 * @all_label: the translated first entry, e.g. "All statuses"
 */
void
gdn_record_list_add_filter (GdnRecordList *self,
                            const char    *field,
                            const char    *all_label)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (self->item_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  int index = gdn_record_class_find_field (klass, field);
  const GdnField *f;
  Filter *filter;

  g_return_if_fail (index >= 0);
  f = &gdn_record_class_get_fields (klass, NULL)[index];
  g_return_if_fail (f->type == GDN_FIELD_ENUM);

  gtk_string_list_append (labels, all_label);
  for (const GdnEnumValue *v = f->enum_info->values; v->value != NULL; v++)
    {
      gtk_string_list_append (labels, gdn_enum_label (f->enum_info, v->value));
      g_strv_builder_add (values, v->value);
    }

  filter = g_new0 (Filter, 1);
  filter->field = g_strdup (f->name);
  filter->values = g_strv_builder_end (values);
  filter->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                       NULL));
  gdn_tooltip_set_quietly (GTK_WIDGET (filter->dropdown),
                           g_dgettext (GETTEXT_PACKAGE, f->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (filter->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_dgettext (GETTEXT_PACKAGE, f->label), -1);
  g_signal_connect_object (filter->dropdown, "notify::selected",
                           G_CALLBACK (on_filter_selected_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->filters, filter);
  append_filter_widget (self, GTK_WIDGET (filter->dropdown));
}

/**
 * gdn_record_list_add_value_filter:
 * @field: a text field (owner …)
 * @all_label: the translated first entry, e.g. "All owners"
 * @values: the values offered, shown as they are stored
 *
 * Like gdn_record_list_add_filter(), for a field whose values are the data's own.
 */
void
gdn_record_list_add_value_filter (GdnRecordList      *self,
                                  const char         *field,
                                  const char         *all_label,
                                  const char * const *values)
{
  g_autoptr(GdnRecordClass) klass = g_type_class_ref (self->item_type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int index = gdn_record_class_find_field (klass, field);
  const GdnField *f;
  Filter *filter;

  g_return_if_fail (index >= 0);
  g_return_if_fail (values != NULL);
  f = &gdn_record_class_get_fields (klass, NULL)[index];

  gtk_string_list_append (labels, all_label);
  gtk_string_list_splice (labels, 1, 0, values);

  filter = g_new0 (Filter, 1);
  filter->field = g_strdup (f->name);
  filter->values = g_strdupv ((char **) values);
  filter->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                       NULL));
  gdn_tooltip_set_quietly (GTK_WIDGET (filter->dropdown),
                           g_dgettext (GETTEXT_PACKAGE, f->label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (filter->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  g_dgettext (GETTEXT_PACKAGE, f->label), -1);
  g_signal_connect_object (filter->dropdown, "notify::selected",
                           G_CALLBACK (on_filter_selected_cb), self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->filters, filter);
  append_filter_widget (self, GTK_WIDGET (filter->dropdown));
}

/**
 * gdn_record_list_set_flag_filters:
 * @flags: the flags offered as toggle filters (overdue, at risk …)
 */
void
gdn_record_list_set_flag_filters (GdnRecordList *self,
                                  GdnFlags       flags)
{
  for (guint bit = 0; bit < 6; bit++)
    {
      GdnFlags flag = 1u << bit;
      GtkWidget *button;

      if (!(flags & flag))
        continue;
      button = gtk_toggle_button_new_with_label (gdn_flags_label (flag));
      g_object_set_data (G_OBJECT (button), "gdn-flag", GUINT_TO_POINTER (flag));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_flag_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->flag_buttons, button);
      gtk_box_append (self->flag_box, button);
    }
}

/**
 * gdn_record_list_set_sort:
 *
 * Sorts by @field and shows it in the column header.
 */
void
gdn_record_list_set_sort (GdnRecordList *self,
                          const char    *field,
                          gboolean       descending)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), "gdn-field"), field) == 0)
        {
          gtk_column_view_sort_by_column (self->column_view, column,
                                          descending ? GTK_SORT_DESCENDING
                                                     : GTK_SORT_ASCENDING);
          return;
        }
    }
  gdn_query_model_set_sort (self->model, field, descending);
}

void
gdn_record_list_set_empty_state (GdnRecordList *self,
                                 const char    *icon_name,
                                 const char    *title,
                                 const char    *description)
{
  g_free (self->empty_icon);
  g_free (self->empty_title);
  g_free (self->empty_description);
  self->empty_icon = g_strdup (icon_name);
  self->empty_title = g_strdup (title);
  self->empty_description = g_strdup (description);
  update_count (self);
}

GdnQueryModel *
gdn_record_list_get_model (GdnRecordList *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_LIST (self), NULL);
  return self->model;
}

/**
 * gdn_record_list_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected record
 */
GdnRecord *
gdn_record_list_get_selected (GdnRecordList *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_LIST (self), NULL);
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection)
                                 : NULL;
}

void
gdn_record_list_focus_search (GdnRecordList *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * gdn_record_list_select_id:
 *
 * Selects the row of record @id, if it is in the list, and scrolls to it.
 */
void
gdn_record_list_select_id (GdnRecordList *self,
                           gint64         id)
{
  guint position;

  ensure_view_model (self);
  if (gdn_query_model_find_position (self->model, id, &position))
    gtk_single_selection_set_selected (self->selection, position);
}

/**
 * gdn_record_list_add_toolbar_widget:
 * @widget: a button of the section ("New Customer" …)
 *
 * Adds @widget at the end of the toolbar, after the count of records.
 */
void
gdn_record_list_add_toolbar_widget (GdnRecordList *self,
                                    GtkWidget     *widget)
{
  g_return_if_fail (GDN_IS_RECORD_LIST (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->count_label))), widget);
}

/**
 * gdn_record_list_set_flag_label:
 * @flag: one of the flags given to gdn_record_list_set_flag_filters()
 * @label: the translated text of its toggle, where the section has a plainer word for it
 *   ("Response overdue" for the response breach)
 */
void
gdn_record_list_set_flag_label (GdnRecordList *self,
                                GdnFlags       flag,
                                const char    *label)
{
  g_return_if_fail (GDN_IS_RECORD_LIST (self));

  for (guint i = 0; i < self->flag_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->flag_buttons, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gdn-flag")) == flag)
        gtk_button_set_label (GTK_BUTTON (button), label);
    }
}

static void
clear_link_filters (GdnRecordList *self)
{
  for (guint i = 0; self->link_fields != NULL && self->link_fields[i] != NULL; i++)
    gdn_query_model_set_filter (self->model, self->link_fields[i], NULL);
  g_clear_pointer (&self->link_fields, g_strfreev);
  self->link_flags = 0;
  if (self->link_chip != NULL)
    {
      gtk_flow_box_remove (self->filter_box, gtk_widget_get_parent (self->link_chip));
      self->link_chip = NULL;
    }
  on_flag_toggled_cb (self, NULL);
}

/**
 * gdn_record_list_show_filtered:
 * @description: what the filter keeps, for the button that clears it ("Late for 华强电子")
 * @fields: (array zero-terminated=1): the fields to filter on
 * @values: (array zero-terminated=1): the stored value of each field ("" for not set)
 * @flags: keep only the rows carrying one of these flags, or 0
 *
 * Replaces the search and the filters with these, as a link from elsewhere (a chart of the
 * dashboard) asks. Fields and flags offered as filters are shown there; the others are
 * shown as one button that clears them.
 */
void
gdn_record_list_show_filtered (GdnRecordList      *self,
                               const char         *description,
                               const char * const *fields,
                               const char * const *values,
                               GdnFlags            flags)
{
  g_autoptr(GStrvBuilder) link_fields = g_strv_builder_new ();
  GdnFlags offered = 0;
  gboolean linked = FALSE;

  g_return_if_fail (GDN_IS_RECORD_LIST (self));
  g_return_if_fail (g_strv_length ((char **) fields) == g_strv_length ((char **) values));

  clear_link_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gdn_query_model_set_search (self->model, NULL);
  for (guint i = 0; i < self->filters->len; i++)
    gtk_drop_down_set_selected (((Filter *) g_ptr_array_index (self->filters, i))->dropdown, 0);
  gdn_query_model_clear_filters (self->model);

  for (guint f = 0; fields[f] != NULL; f++)
    {
      gboolean shown = FALSE;

      for (guint i = 0; i < self->filters->len && !shown; i++)
        {
          Filter *filter = g_ptr_array_index (self->filters, i);

          if (g_strcmp0 (filter->field, fields[f]) != 0)
            continue;
          for (guint v = 0; filter->values[v] != NULL && !shown; v++)
            if (g_strcmp0 (filter->values[v], values[f]) == 0)
              {
                gtk_drop_down_set_selected (filter->dropdown, v + 1);
                shown = TRUE;
              }
        }
      if (!shown && gdn_query_model_set_filter (self->model, fields[f], values[f]))
        {
          g_strv_builder_add (link_fields, fields[f]);
          linked = TRUE;
        }
    }

  for (guint i = 0; i < self->flag_buttons->len; i++)
    {
      GtkToggleButton *button = g_ptr_array_index (self->flag_buttons, i);
      GdnFlags flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "gdn-flag"));

      offered |= flag;
      gtk_toggle_button_set_active (button, (flags & flag) != 0);
    }
  self->link_flags = flags & ~offered;
  linked |= self->link_flags != 0;
  self->link_fields = g_strv_builder_end (link_fields);

  if (linked)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "window-close-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), description);
      self->link_chip = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->link_chip), content);
      gtk_widget_add_css_class (self->link_chip, "pill");
      gtk_widget_add_css_class (self->link_chip, "small");
      gdn_tooltip_set_quietly (self->link_chip, _("Clear this filter"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_chip),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Clear this filter"), -1);
      g_signal_connect_object (self->link_chip, "clicked", G_CALLBACK (clear_link_filters),
                               self, G_CONNECT_SWAPPED);
      append_filter_widget (self, self->link_chip);
    }
  on_flag_toggled_cb (self, NULL);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-chart-view"

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>

#include "gdn-chart-view.h"
#include "gdn-file-save.h"

/* One gendan-charts renderer as a widget: a title with an Export button above the chart,
 * drawn in snapshot with cairo in the light or dark palette. Hovering shows the exact
 * figures, a click (or Enter on the item chosen with the arrow keys) emits "activated",
 * and the accessible description is the chart's own description, figures included. */

#define HEADER_SPACING 6
#define CHART_HEIGHT 240
#define TILE_HEIGHT 112

struct _GdnChartView
{
  GtkWidget      parent_instance;

  GtkWidget     *header;
  GtkLabel      *title_label;
  GtkWidget     *export_button;
  GtkLabel      *caption;
  GMenuModel    *context_menu;
  GtkWidget     *popover;

  GdnChartKind   kind;
  char          *title;
  char          *description;
  gboolean       activatable;
  int            cursor;       /* the category chosen with the keyboard, or -1 */

  /* the data, owned; chart_data and tile point into it */
  GStrv          categories;
  GPtrArray     *series_labels;  /* char * */
  GPtrArray     *series_values;  /* GArray of double */
  GArray        *series;         /* GdnChartSeries */
  GdnChartData   chart_data;
  GdnChartTile   tile;
  GArray        *spark;          /* double */
  GStrv          details;        /* per category, for the tooltip; may be NULL */

  GtkFileChooserNative *chooser;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (GdnChartView, gdn_chart_view, GTK_TYPE_WIDGET)

typedef void     (*DrawFunc) (cairo_t *cr, const GdnChartData *data, double width,
                              double height, const GdnChartStyle *style);
typedef gboolean (*HitFunc)  (const GdnChartData *data, double width, double height,
                              const GdnChartStyle *style, double x, double y,
                              GdnChartHit *hit);

static const struct
{
  DrawFunc draw;
  HitFunc  hit;
} renderers[] = {
  [GDN_CHART_KIND_BARS] = { gdn_chart_draw_bars, gdn_chart_hit_bars },
  [GDN_CHART_KIND_LINES] = { gdn_chart_draw_lines, gdn_chart_hit_lines },
  [GDN_CHART_KIND_STACKED] = { gdn_chart_draw_stacked, gdn_chart_hit_stacked },
  [GDN_CHART_KIND_HISTOGRAM] = { gdn_chart_draw_histogram, gdn_chart_hit_histogram },
  [GDN_CHART_KIND_DONUT] = { gdn_chart_draw_donut, gdn_chart_hit_donut },
  [GDN_CHART_KIND_FUNNEL] = { gdn_chart_draw_funnel, gdn_chart_hit_funnel },
  [GDN_CHART_KIND_HBARS] = { gdn_chart_draw_hbars, gdn_chart_hit_hbars },
  [GDN_CHART_KIND_TILE] = { NULL, NULL },
};

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static int
header_height (GdnChartView *self,
               int           width)
{
  int min, nat;

  if (!gtk_widget_get_visible (self->header))
    return 0;
  gtk_widget_measure (self->header, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat + HEADER_SPACING;
}

static int
caption_height (GdnChartView *self,
                int           width)
{
  int min, nat;

  if (!gtk_widget_get_visible (GTK_WIDGET (self->caption)))
    return 0;
  gtk_widget_measure (GTK_WIDGET (self->caption), GTK_ORIENTATION_VERTICAL, width, &min, &nat,
                      NULL, NULL);
  return nat + HEADER_SPACING;
}

/* Where the chart goes, in widget coordinates */
static graphene_rect_t
chart_rect (GdnChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int top = header_height (self, width);
  int bottom = caption_height (self, width);

  return GRAPHENE_RECT_INIT (0, top, width, MAX (0, height - top - bottom));
}

static void
draw_chart (GdnChartView        *self,
            cairo_t             *cr,
            double               width,
            double               height,
            const GdnChartStyle *style)
{
  if (self->kind == GDN_CHART_KIND_TILE)
    gdn_chart_draw_tile (cr, &self->tile, width, height, style);
  else
    renderers[self->kind].draw (cr, &self->chart_data, width, height, style);
}

static void
update_description (GdnChartView *self)
{
  g_free (self->description);
  if (self->kind == GDN_CHART_KIND_TILE)
    self->description = gdn_chart_describe_tile (&self->tile);
  else
    self->description = gdn_chart_describe (&self->chart_data);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

static void
clear_data (GdnChartView *self)
{
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->details, g_strfreev);
  g_ptr_array_set_size (self->series_labels, 0);
  g_ptr_array_set_size (self->series_values, 0);
  g_array_set_size (self->series, 0);
  g_array_set_size (self->spark, 0);
  memset (&self->chart_data, 0, sizeof self->chart_data);
  self->chart_data.target = NAN;
  self->cursor = -1;
}

static void
update_caption (GdnChartView *self)
{
  g_autofree char *text = NULL;

  if (self->cursor >= 0 && gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      GdnChartHit hit = { self->cursor, 0 };

      text = gdn_chart_view_describe_hit (self, &hit);
    }
  gtk_label_set_text (self->caption, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->caption), text != NULL);
}

static cairo_status_t
write_to_stream_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  gpointer *stream_and_error = closure;

  if (*(GError **) stream_and_error[1] != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (stream_and_error[0], data, length, NULL, NULL,
                                  stream_and_error[1]))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* Signal callbacks */

static void
on_dark_changed_cb (GdnChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_export_response_cb (GdnChartView         *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = gdn_file_save_get_file (GTK_NATIVE_DIALOG (chooser), response);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (!gdn_chart_view_export (self, file, &error))
    {
      GtkWidget *dialog;
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Could Not Export the Chart"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnChartView *self = GDN_CHART_VIEW (widget);
  g_autofree char *name = NULL;

  if (self->chooser != NULL)
    return;

  /* the file name's extension chooses the format */
  name = g_strdup_printf ("%s.png", self->title ? self->title : _("Chart"));
  g_strdelimit (name, "/\\:", '-');
  self->chooser = gdn_file_save_chooser_new (widget, _("Export Chart"), _("_Export"), name,
                                             _("PNG Image"), "png", _("SVG Image"), "svg",
                                             _("PDF Document"), "pdf", NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
show_context_menu (GdnChartView *self,
                   double        x,
                   double        y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GdnChartView *self = GDN_CHART_VIEW (widget);
  graphene_rect_t rect = chart_rect (self);

  show_context_menu (self, rect.origin.x + rect.size.width / 2,
                     rect.origin.y + rect.size.height / 2);
}

static void
on_click_pressed_cb (GdnChartView *self,
                     int           n_press,
                     double        x,
                     double        y,
                     GtkGesture   *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdnChartHit hit;

  if (button == GDK_BUTTON_SECONDARY)
    {
      show_context_menu (self, x, y);
      gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (button != GDK_BUTTON_PRIMARY || !gdn_chart_view_hit (self, x, y, &hit))
    return;
  self->cursor = hit.category;
  update_caption (self);
  gdn_chart_view_activate_hit (self, &hit);
}

static void
on_motion_cb (GdnChartView             *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *controller)
{
  GdnChartHit hit;
  gboolean over = self->activatable && gdn_chart_view_hit (self, x, y, &hit);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

static gboolean
on_key_pressed_cb (GdnChartView          *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  int n = (int) self->chart_data.n_categories;

  if (self->kind == GDN_CHART_KIND_TILE || n == 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      self->cursor = self->cursor <= 0 ? n - 1 : self->cursor - 1;
      update_caption (self);
      return TRUE;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      self->cursor = self->cursor < 0 || self->cursor >= n - 1 ? 0 : self->cursor + 1;
      update_caption (self);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->cursor >= 0)
        {
          GdnChartHit hit = { self->cursor, 0 };

          gdn_chart_view_activate_hit (self, &hit);
          return TRUE;
        }
      return FALSE;

    default:
      return FALSE;
    }
}

static void
on_focus_changed_cb (GdnChartView *self)
{
  update_caption (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_query_tooltip_cb (GdnChartView *self,
                     int           x,
                     int           y,
                     gboolean      keyboard,
                     GtkTooltip   *tooltip)
{
  GdnChartHit hit;
  g_autofree char *text = NULL;

  if (keyboard)
    {
      if (self->cursor < 0)
        return FALSE;
      hit.category = self->cursor;
      hit.series = 0;
    }
  else if (!gdn_chart_view_hit (self, x, y, &hit))
    return FALSE;

  text = gdn_chart_view_describe_hit (self, &hit);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* GtkWidget */

static void
gdn_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  GdnChartView *self = GDN_CHART_VIEW (widget);
  int header_min = 0, header_nat = 0;

  if (gtk_widget_get_visible (self->header))
    gtk_widget_measure (self->header, orientation, for_size, &header_min, &header_nat,
                        NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min_width = self->kind == GDN_CHART_KIND_TILE ? 140 : 300;

      *minimum = MAX (header_min, min_width);
      *natural = MAX (header_nat, min_width);
    }
  else
    {
      int width = for_size > 0 ? for_size : 320;
      int chart = self->kind == GDN_CHART_KIND_TILE ? TILE_HEIGHT : CHART_HEIGHT;
      int extra = header_height (self, width) + caption_height (self, width);

      /* rows of a comparison need their own height */
      if (self->kind == GDN_CHART_KIND_HBARS)
        chart = MAX (chart, 48 + 18 * (int) self->chart_data.n_categories);

      *minimum = chart + extra;
      *natural = chart + extra;
    }
}

static void
gdn_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  GdnChartView *self = GDN_CHART_VIEW (widget);
  int top = header_height (self, width);
  int bottom = caption_height (self, width);

  if (gtk_widget_get_visible (self->header))
    gtk_widget_size_allocate (self->header,
                              &(GtkAllocation) { 0, 0, width, top - HEADER_SPACING }, -1);
  if (bottom > 0)
    gtk_widget_size_allocate (GTK_WIDGET (self->caption),
                              &(GtkAllocation) { 0, height - bottom + HEADER_SPACING, width,
                                                 bottom - HEADER_SPACING }, -1);
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
gdn_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  GdnChartView *self = GDN_CHART_VIEW (widget);
  graphene_rect_t rect = chart_rect (self);
  GdnChartStyle style;
  cairo_t *cr;

  GTK_WIDGET_CLASS (gdn_chart_view_parent_class)->snapshot (widget, snapshot);

  if (rect.size.width < 1 || rect.size.height < 1)
    return;

  gdn_chart_style_init (&style, is_dark ());
  style.fill_background = FALSE;

  cr = gtk_snapshot_append_cairo (snapshot, &rect);
  cairo_translate (cr, rect.origin.x, rect.origin.y);
  draw_chart (self, cr, rect.size.width, rect.size.height, &style);

  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;

      /* the focus ring of the chart: the widget draws no frame of its own */
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &accent);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, rect.size.width - 2, rect.size.height - 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

/* GObject */

static void
gdn_chart_view_dispose (GObject *object)
{
  GdnChartView *self = GDN_CHART_VIEW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_CHART_VIEW);

  G_OBJECT_CLASS (gdn_chart_view_parent_class)->dispose (object);
}

static void
gdn_chart_view_finalize (GObject *object)
{
  GdnChartView *self = GDN_CHART_VIEW (object);

  clear_data (self);
  g_clear_pointer (&self->series_labels, g_ptr_array_unref);
  g_clear_pointer (&self->series_values, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_array_unref);
  g_clear_pointer (&self->spark, g_array_unref);
  g_free ((char *) self->tile.title);
  g_free (self->title);
  g_free (self->description);

  G_OBJECT_CLASS (gdn_chart_view_parent_class)->finalize (object);
}

static void
gdn_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnChartView *self = GDN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GdnChartView *self = GDN_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      gtk_widget_set_visible (self->header, self->kind != GDN_CHART_KIND_TILE);
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      gtk_label_set_text (self->title_label, self->title ? self->title : "");
      update_description (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_chart_view_class_init (GdnChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_chart_view_dispose;
  object_class->finalize = gdn_chart_view_finalize;
  object_class->get_property = gdn_chart_view_get_property;
  object_class->set_property = gdn_chart_view_set_property;
  widget_class->measure = gdn_chart_view_measure;
  widget_class->size_allocate = gdn_chart_view_size_allocate;
  widget_class->snapshot = gdn_chart_view_snapshot;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, GDN_CHART_KIND_BARS, GDN_CHART_KIND_TILE,
                      GDN_CHART_KIND_BARS,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GdnChartView::activated:
   * @category: the bar, slice, stage or row clicked
   * @series: its series
   */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnChartView, header);
  gtk_widget_class_bind_template_child (widget_class, GdnChartView, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnChartView, export_button);
  gtk_widget_class_bind_template_child (widget_class, GdnChartView, caption);
  gtk_widget_class_bind_template_child (widget_class, GdnChartView, context_menu);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "chart.context-menu", NULL,
                                   context_menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "chart.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "chart.context-menu", NULL);
  gtk_widget_class_set_css_name (widget_class, "chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gdn_chart_view_init (GdnChartView *self)
{
  GtkGesture *click;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cursor = -1;
  self->series_labels = g_ptr_array_new_with_free_func (g_free);
  self->series_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->series = g_array_new (FALSE, TRUE, sizeof (GdnChartSeries));
  self->spark = g_array_new (FALSE, TRUE, sizeof (double));
  self->chart_data.target = NAN;
  self->tile.value = NAN;
  self->tile.previous = NAN;

  self->popover = gtk_popover_menu_new_from_model (self->context_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_click_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (on_focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_focus_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

/**
 * gdn_chart_view_new:
 * @kind: the renderer
 * @title: the chart's title, shown above it and given to screen readers
 *
 * Returns: (transfer floating): a chart without data until gdn_chart_view_set_data() or,
 *   for %GDN_CHART_KIND_TILE, gdn_chart_view_set_tile()
 */
GtkWidget *
gdn_chart_view_new (GdnChartKind  kind,
                    const char   *title)
{
  return g_object_new (GDN_TYPE_CHART_VIEW, "kind", kind, "title", title, NULL);
}

GdnChartKind
gdn_chart_view_get_kind (GdnChartView *self)
{
  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), GDN_CHART_KIND_BARS);
  return self->kind;
}

const char *
gdn_chart_view_get_title (GdnChartView *self)
{
  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), NULL);
  return self->title;
}

/**
 * gdn_chart_view_set_data:
 * @data: the figures, copied; its title is replaced by the view's
 *
 * Shows @data and describes it to screen readers.
 */
void
gdn_chart_view_set_data (GdnChartView       *self,
                         const GdnChartData *data)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (GDN_IS_CHART_VIEW (self));
  g_return_if_fail (self->kind != GDN_CHART_KIND_TILE);
  g_return_if_fail (data != NULL);

  clear_data (self);
  for (guint c = 0; c < data->n_categories; c++)
    g_strv_builder_add (builder, data->categories[c]);
  self->categories = g_strv_builder_end (builder);

  for (guint s = 0; s < data->n_series; s++)
    {
      GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), data->n_categories);

      g_array_append_vals (values, data->series[s].values, data->n_categories);
      g_ptr_array_add (self->series_labels, g_strdup (data->series[s].label));
      g_ptr_array_add (self->series_values, values);
    }
  for (guint s = 0; s < data->n_series; s++)
    {
      GdnChartSeries series = {
        g_ptr_array_index (self->series_labels, s),
        (const double *) ((GArray *) g_ptr_array_index (self->series_values, s))->data,
      };

      g_array_append_val (self->series, series);
    }

  self->chart_data.title = self->title;
  self->chart_data.categories = (const char * const *) self->categories;
  self->chart_data.n_categories = data->n_categories;
  self->chart_data.series = (const GdnChartSeries *) self->series->data;
  self->chart_data.n_series = data->n_series;
  self->chart_data.target = data->target;
  self->chart_data.format = data->format;

  update_description (self);
  update_caption (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gdn_chart_view_set_details:
 * @details: (nullable): one line per category with the exact figures behind it (such as
 *   "12 of 15 delivered on time"), shown on hover
 */
void
gdn_chart_view_set_details (GdnChartView       *self,
                            const char * const *details)
{
  g_return_if_fail (GDN_IS_CHART_VIEW (self));

  g_strfreev (self->details);
  self->details = g_strdupv ((char **) details);
}

/**
 * gdn_chart_view_set_tile:
 * @tile: the KPI tile, copied; its title is replaced by the view's
 */
void
gdn_chart_view_set_tile (GdnChartView       *self,
                         const GdnChartTile *tile)
{
  g_return_if_fail (GDN_IS_CHART_VIEW (self));
  g_return_if_fail (self->kind == GDN_CHART_KIND_TILE);
  g_return_if_fail (tile != NULL);

  g_free ((char *) self->tile.title);
  self->tile = *tile;
  self->tile.title = g_strdup (self->title);
  g_array_set_size (self->spark, 0);
  if (tile->spark != NULL)
    g_array_append_vals (self->spark, tile->spark, tile->n_spark);
  self->tile.spark = (const double *) self->spark->data;
  self->tile.n_spark = self->spark->len;

  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * gdn_chart_view_get_description:
 *
 * Returns: the text given to screen readers: the title and every figure
 */
const char *
gdn_chart_view_get_description (GdnChartView *self)
{
  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), NULL);
  return self->description;
}

/**
 * gdn_chart_view_describe_hit:
 * @hit: a bar, slice, stage or row
 *
 * Returns: (transfer full) (nullable): its exact figures, as the tooltip shows them
 */
char *
gdn_chart_view_describe_hit (GdnChartView      *self,
                             const GdnChartHit *hit)
{
  GString *text;

  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), NULL);
  g_return_val_if_fail (hit != NULL, NULL);

  if (self->kind == GDN_CHART_KIND_TILE)
    return g_strdup (self->description);
  if (hit->category < 0 || (guint) hit->category >= self->chart_data.n_categories)
    return NULL;

  text = g_string_new (self->chart_data.categories[hit->category]);
  for (guint s = 0; s < self->chart_data.n_series; s++)
    {
      const GdnChartSeries *series = &self->chart_data.series[s];
      g_autofree char *value = gdn_chart_format_value (series->values[hit->category],
                                                       self->chart_data.format);

      g_string_append_c (text, '\n');
      if (series->label != NULL && *series->label != '\0')
        /* TRANSLATORS: a line of a chart's tooltip: "On time: 95.0%" */
        g_string_append_printf (text, _("%s: %s"), series->label, value);
      else
        g_string_append (text, value);
    }
  if (self->details != NULL && (guint) hit->category < g_strv_length (self->details) &&
      *self->details[hit->category] != '\0')
    g_string_append_printf (text, "\n%s", self->details[hit->category]);
  return g_string_free (text, FALSE);
}

/**
 * gdn_chart_view_hit:
 * @x: in widget coordinates
 * @y: in widget coordinates
 * @hit: (out): what is there
 *
 * Returns: whether a bar, slice, stage or row is at (@x, @y)
 */
gboolean
gdn_chart_view_hit (GdnChartView *self,
                    double        x,
                    double        y,
                    GdnChartHit  *hit)
{
  graphene_rect_t rect;
  GdnChartStyle style;

  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), FALSE);

  if (self->kind == GDN_CHART_KIND_TILE || self->chart_data.n_categories == 0)
    return FALSE;
  rect = chart_rect (self);
  if (!graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y)))
    return FALSE;
  gdn_chart_style_init (&style, is_dark ());
  return renderers[self->kind].hit (&self->chart_data, rect.size.width, rect.size.height,
                                    &style, x - rect.origin.x, y - rect.origin.y, hit);
}

/**
 * gdn_chart_view_activate_hit:
 * @hit: a bar, slice, stage or row of the chart
 *
 * Does what a click on @hit does: emits #GdnChartView::activated when the chart is
 * activatable.
 */
void
gdn_chart_view_activate_hit (GdnChartView      *self,
                             const GdnChartHit *hit)
{
  g_return_if_fail (GDN_IS_CHART_VIEW (self));
  g_return_if_fail (hit != NULL);

  if (!self->activatable || hit->category < 0 ||
      (guint) hit->category >= self->chart_data.n_categories)
    return;
  g_signal_emit (self, signals[ACTIVATED], 0, hit->category, hit->series);
}

/**
 * gdn_chart_view_set_activatable:
 *
 * Whether clicking a bar or slice means something (opens a list); the pointer shows it.
 */
void
gdn_chart_view_set_activatable (GdnChartView *self,
                                gboolean      activatable)
{
  g_return_if_fail (GDN_IS_CHART_VIEW (self));
  self->activatable = activatable;
}

/**
 * gdn_chart_view_export:
 * @file: where to write; its extension (.png, .svg or .pdf) chooses the format
 *
 * Writes the chart, with its title, in the light palette, readable by the owner only.
 */
gboolean
gdn_chart_view_export (GdnChartView  *self,
                       GFile         *file,
                       GError       **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) write_error = NULL;
  gpointer closure[2];
  cairo_surface_t *surface = NULL;
  cairo_status_t status;
  GdnChartStyle style;
  double width, height, title_height = 0;
  cairo_t *cr;
  enum { PNG, SVG, PDF } format;

  g_return_val_if_fail (GDN_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  basename = g_file_get_basename (file);
  lower = g_ascii_strdown (basename ? basename : "", -1);
  if (g_str_has_suffix (lower, ".png"))
    format = PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    format = SVG;
  else if (g_str_has_suffix (lower, ".pdf"))
    format = PDF;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” does not end in .png, .svg or .pdf"), basename);
      return FALSE;
    }

  /* the size on screen, but never smaller than a readable page figure */
  width = MAX (gtk_widget_get_width (GTK_WIDGET (self)),
               self->kind == GDN_CHART_KIND_TILE ? 280 : 560);
  height = self->kind == GDN_CHART_KIND_TILE ? 130 : MAX (chart_rect (self).size.height, 320);
  if (self->kind != GDN_CHART_KIND_TILE && self->title != NULL)
    title_height = 28;

  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, error);
  if (stream == NULL)
    return FALSE;

  closure[0] = stream;
  closure[1] = &write_error;
  switch (format)
    {
    case PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * 2),
                                            (int) ceil ((height + title_height) * 2));
      cairo_surface_set_device_scale (surface, 2, 2);
      break;
    case SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_stream_cb, closure, width,
                                                     height + title_height);
      break;
    case PDF:
      surface = cairo_pdf_surface_create_for_stream (write_to_stream_cb, closure, width,
                                                     height + title_height);
      break;
    default:
      g_assert_not_reached ();
    }

  gdn_chart_style_init (&style, FALSE);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, style.palette->background.red, style.palette->background.green,
                        style.palette->background.blue);
  cairo_paint (cr);
  if (title_height > 0)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);
      PangoFontDescription *font = pango_font_description_from_string (style.font_family);

      pango_font_description_set_absolute_size (font, 14 * PANGO_SCALE);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, self->title, -1);
      pango_layout_set_width (layout, (int) (width - 16) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      cairo_set_source_rgb (cr, style.palette->foreground.red,
                            style.palette->foreground.green, style.palette->foreground.blue);
      cairo_move_to (cr, 8, 6);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }
  cairo_translate (cr, 0, title_height);
  draw_chart (self, cr, width, height, &style);
  cairo_destroy (cr);

  if (format == PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_stream_cb, closure);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (write_error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      if (write_error != NULL)
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
                     cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

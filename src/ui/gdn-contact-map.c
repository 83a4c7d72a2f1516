/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-contact-map"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-contact-map.h"
#include "gdn-enums.h"
#include "gdn-record.h"

/* The buying centre at a glance: the buying roles across, the stances down, and each
 * contact's name in its cell, so that an account manager sees who decides and who is
 * against. Drawn with cairo; contacts without a role or stance are listed underneath. */

#define N_ROLES    5
#define N_STANCES  3
#define PADDING    12
#define GAP        4
#define CELL_PAD   6
#define MAX_NAMES  4    /* names shown in a cell before "+N" */

struct _GdnContactMap
{
  GtkWidget   parent_instance;

  GPtrArray  *contacts;                        /* GdnRecord (contacts) */
  GPtrArray  *cells[N_STANCES][N_ROLES];       /* GdnRecord, borrowed from contacts */
  GPtrArray  *unplaced;                        /* GdnRecord, borrowed */
  gboolean    has_economic;
};

G_DEFINE_FINAL_TYPE (GdnContactMap, gdn_contact_map, GTK_TYPE_WIDGET)

typedef struct
{
  int label_w;    /* the stance labels' column */
  int header_h;   /* the role labels' row */
  int line_h;     /* one name */
  int row_h[N_STANCES];
  int footer_h;
} Metrics;

static const char *
role_value (guint i)
{
  return gdn_enum_contact_role.values[i].value;
}

static const char *
stance_value (guint i)
{
  return gdn_enum_contact_stance.values[i].value;
}

static int
find_value (const GdnEnumInfo *info,
            const char        *value)
{
  if (value == NULL)
    return -1;
  for (int i = 0; info->values[i].value != NULL; i++)
    if (g_str_equal (info->values[i].value, value))
      return i;
  return -1;
}

static PangoLayout *
create_layout (GdnContactMap *self,
               const char    *text,
               gboolean       small_bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small_bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static int
text_width (GdnContactMap *self,
            const char    *text,
            gboolean       small_bold)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, small_bold);
  int w;

  pango_layout_get_pixel_size (layout, &w, NULL);
  return w;
}

static void
compute_metrics (GdnContactMap *self,
                 int            col_w,
                 Metrics       *m)
{
  g_autoptr(PangoLayout) line = create_layout (self, "Mg王", FALSE);

  pango_layout_get_pixel_size (line, NULL, &m->line_h);

  m->label_w = 0;
  for (guint s = 0; s < N_STANCES; s++)
    m->label_w = MAX (m->label_w,
                      text_width (self, gdn_enum_label (&gdn_enum_contact_stance,
                                                        stance_value (s)), TRUE));
  m->label_w += 2 * CELL_PAD;

  /* Role names may take two lines in a narrow column */
  m->header_h = 0;
  for (guint r = 0; r < N_ROLES; r++)
    {
      g_autoptr(PangoLayout) layout =
        create_layout (self, gdn_enum_label (&gdn_enum_contact_role, role_value (r)), TRUE);
      int h;

      pango_layout_set_width (layout, MAX (1, col_w - 2 * CELL_PAD) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (layout, NULL, &h);
      m->header_h = MAX (m->header_h, h);
    }
  m->header_h += 2 * CELL_PAD;

  for (guint s = 0; s < N_STANCES; s++)
    {
      guint most = 1;

      for (guint r = 0; r < N_ROLES; r++)
        most = MAX (most, MIN (self->cells[s][r]->len, MAX_NAMES + 1));
      /* room for two names at least, so the grid does not jump for the first contacts */
      m->row_h[s] = MAX (2u, most) * m->line_h + 2 * CELL_PAD;
    }

  m->footer_h = self->unplaced->len > 0 ? m->line_h + CELL_PAD * 2 : 0;
}

static int
column_width (GdnContactMap *self,
              int            width,
              int            label_w)
{
  return MAX (1, (width - 2 * PADDING - label_w - N_ROLES * GAP) / N_ROLES);
}

static void
clear_cells (GdnContactMap *self)
{
  for (guint s = 0; s < N_STANCES; s++)
    for (guint r = 0; r < N_ROLES; r++)
      g_ptr_array_set_size (self->cells[s][r], 0);
  g_ptr_array_set_size (self->unplaced, 0);
  self->has_economic = FALSE;
}

static char *
join_names (GPtrArray *contacts,
            gboolean   with_titles)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < contacts->len; i++)
    {
      GdnRecord *contact = g_ptr_array_index (contacts, i);
      const char *title = gdn_record_get_string (contact, "title");

      if (i > 0)
        /* TRANSLATORS: between the names of a list */
        g_string_append (s, _(", "));
      g_string_append (s, gdn_record_get_string (contact, "name"));
      if (with_titles && title != NULL && *title != '\0')
        g_string_append_printf (s, " (%s)", title);
    }
  return g_string_free (s, FALSE);
}

static char *
describe (GdnContactMap *self)
{
  GString *s = g_string_new (NULL);

  for (guint r = 0; r < N_ROLES; r++)
    for (guint st = 0; st < N_STANCES; st++)
      {
        g_autofree char *names = NULL;

        if (self->cells[st][r]->len == 0)
          continue;
        names = join_names (self->cells[st][r], FALSE);
        if (s->len > 0)
          g_string_append (s, "; ");
        /* TRANSLATORS: a cell of the buying-centre map: role, stance: names */
        g_string_append_printf (s, _("%s, %s: %s"),
                                gdn_enum_label (&gdn_enum_contact_role, role_value (r)),
                                gdn_enum_label (&gdn_enum_contact_stance, stance_value (st)),
                                names);
      }
  if (self->unplaced->len > 0)
    {
      g_autofree char *names = join_names (self->unplaced, FALSE);

      if (s->len > 0)
        g_string_append (s, "; ");
      g_string_append_printf (s, _("Role or stance not recorded: %s"), names);
    }
  if (s->len == 0)
    g_string_append (s, _("No contacts yet"));
  return g_string_free (s, FALSE);
}

static GdkRGBA
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback)
{
  GdkRGBA color;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, &color))
    gdk_rgba_parse (&color, fallback);
G_GNUC_END_IGNORE_DEPRECATIONS
  return color;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (cairo_t     *cr,
           PangoLayout *layout,
           double       x,
           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cell_names (GdnContactMap *self,
                 cairo_t       *cr,
                 GPtrArray     *names,
                 double         x,
                 double         y,
                 int            w,
                 int            line_h,
                 const GdkRGBA *fg)
{
  guint shown = names->len > MAX_NAMES + 1 ? MAX_NAMES : names->len;

  for (guint i = 0; i < shown; i++)
    {
      GdnRecord *contact = g_ptr_array_index (names, i);
      g_autoptr(PangoLayout) layout = create_layout (self, gdn_record_get_string (contact,
                                                                                  "name"),
                                                     FALSE);

      /* the primary contact stands out */
      if (gdn_record_get_bool (contact, "is_primary"))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
      pango_layout_set_width (layout, MAX (1, w - 2 * CELL_PAD) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_source (cr, fg, 1.0);
      draw_text (cr, layout, x + CELL_PAD, y + CELL_PAD + i * line_h);
    }

  if (shown < names->len)
    {
      g_autofree char *more = g_strdup_printf (_("+%u more"), names->len - shown);
      g_autoptr(PangoLayout) layout = create_layout (self, more, TRUE);

      pango_layout_set_width (layout, MAX (1, w - 2 * CELL_PAD) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_source (cr, fg, 0.6);
      draw_text (cr, layout, x + CELL_PAD, y + CELL_PAD + shown * line_h);
    }
}

static void
gdn_contact_map_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  GdnContactMap *self = GDN_CONTACT_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA fg, success, error, warning, accent;
  Metrics m;
  int col_w;
  double y;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  success = lookup_color (widget, "success_color", "#26a269");
  error = lookup_color (widget, "error_color", "#c01c28");
  warning = lookup_color (widget, "warning_color", "#9c6e03");
  accent = lookup_color (widget, "accent_color", "#1c71d8");

  compute_metrics (self, 100, &m);
  col_w = column_width (self, width, m.label_w);
  compute_metrics (self, col_w, &m);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Role headers */
  for (guint r = 0; r < N_ROLES; r++)
    {
      double x = PADDING + m.label_w + GAP + r * (col_w + GAP);
      g_autoptr(PangoLayout) layout =
        create_layout (self, gdn_enum_label (&gdn_enum_contact_role, role_value (r)), TRUE);

      pango_layout_set_width (layout, MAX (1, col_w - 2 * CELL_PAD) * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      /* the economic buyer's column is the one that matters most */
      if (r == 0)
        set_source (cr, self->has_economic ? &accent : &warning, 1.0);
      else
        set_source (cr, &fg, 0.7);
      draw_text (cr, layout, x + CELL_PAD, PADDING + CELL_PAD / 2.0);
    }

  y = PADDING + m.header_h;
  for (guint s = 0; s < N_STANCES; s++)
    {
      const GdkRGBA *tint = s == 0 ? &success : s == 2 ? &error : &fg;
      double tint_alpha = s == 1 ? 0.06 : 0.15;
      g_autoptr(PangoLayout) label =
        create_layout (self, gdn_enum_label (&gdn_enum_contact_stance, stance_value (s)), TRUE);
      int label_h;

      pango_layout_get_pixel_size (label, NULL, &label_h);
      set_source (cr, s == 1 ? &fg : tint, s == 1 ? 0.7 : 1.0);
      draw_text (cr, label, PADDING, y + (m.row_h[s] - label_h) / 2.0);

      for (guint r = 0; r < N_ROLES; r++)
        {
          double x = PADDING + m.label_w + GAP + r * (col_w + GAP);

          rounded_rectangle (cr, x, y, col_w, m.row_h[s], 6);
          set_source (cr, tint, tint_alpha);
          cairo_fill_preserve (cr);

          /* Nobody known for the economic column: a dashed outline asks for one */
          if (r == 0 && !self->has_economic)
            {
              static const double dashes[] = { 4.0, 3.0 };

              cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
              cairo_set_line_width (cr, 1.0);
              set_source (cr, &warning, 0.8);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
            }
          else
            cairo_new_path (cr);

          draw_cell_names (self, cr, self->cells[s][r], x, y, col_w, m.line_h, &fg);
        }
      y += m.row_h[s] + GAP;
    }

  if (self->unplaced->len > 0)
    {
      g_autofree char *names = join_names (self->unplaced, FALSE);
      g_autofree char *text = g_strdup_printf (_("Role or stance not recorded: %s"), names);
      g_autoptr(PangoLayout) layout = create_layout (self, text, FALSE);

      pango_layout_set_width (layout, MAX (1, width - 2 * PADDING) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      set_source (cr, &fg, 0.7);
      draw_text (cr, layout, PADDING, y + CELL_PAD / 2.0);
    }

  cairo_destroy (cr);
}

static void
gdn_contact_map_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GdnContactMap *self = GDN_CONTACT_MAP (widget);
  Metrics m;

  compute_metrics (self, 100, &m);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PADDING + m.label_w + N_ROLES * (56 + GAP);
      *natural = 2 * PADDING + m.label_w + N_ROLES * (120 + GAP);
    }
  else
    {
      int col_w = for_size > 0 ? column_width (self, for_size, m.label_w) : 100;
      int h;

      compute_metrics (self, col_w, &m);
      h = 2 * PADDING + m.header_h + m.footer_h;
      for (guint s = 0; s < N_STANCES; s++)
        h += m.row_h[s] + GAP;
      *minimum = *natural = h;
    }
}

static GtkSizeRequestMode
gdn_contact_map_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
gdn_contact_map_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard,
                               GtkTooltip *tooltip)
{
  GdnContactMap *self = GDN_CONTACT_MAP (widget);
  Metrics m;
  int col_w, top;

  if (keyboard)
    return FALSE;

  compute_metrics (self, 100, &m);
  col_w = column_width (self, gtk_widget_get_width (widget), m.label_w);
  compute_metrics (self, col_w, &m);

  top = PADDING + m.header_h;
  for (guint s = 0; s < N_STANCES; s++)
    {
      if (y >= top && y < top + m.row_h[s])
        for (guint r = 0; r < N_ROLES; r++)
          {
            int left = PADDING + m.label_w + GAP + r * (col_w + GAP);

            if (x >= left && x < left + col_w && self->cells[s][r]->len > 0)
              {
                g_autofree char *names = join_names (self->cells[s][r], TRUE);
                /* TRANSLATORS: a cell of the buying-centre map: role, stance: names */
                g_autofree char *text =
                  g_strdup_printf (_("%s, %s: %s"),
                                   gdn_enum_label (&gdn_enum_contact_role, role_value (r)),
                                   gdn_enum_label (&gdn_enum_contact_stance, stance_value (s)),
                                   names);

                gtk_tooltip_set_text (tooltip, text);
                return TRUE;
              }
          }
      top += m.row_h[s] + GAP;
    }
  return FALSE;
}

static void
gdn_contact_map_finalize (GObject *object)
{
  GdnContactMap *self = GDN_CONTACT_MAP (object);

  for (guint s = 0; s < N_STANCES; s++)
    for (guint r = 0; r < N_ROLES; r++)
      g_clear_pointer (&self->cells[s][r], g_ptr_array_unref);
  g_clear_pointer (&self->unplaced, g_ptr_array_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (gdn_contact_map_parent_class)->finalize (object);
}

static void
gdn_contact_map_class_init (GdnContactMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = gdn_contact_map_finalize;
  widget_class->snapshot = gdn_contact_map_snapshot;
  widget_class->measure = gdn_contact_map_measure;
  widget_class->get_request_mode = gdn_contact_map_get_request_mode;
  widget_class->query_tooltip = gdn_contact_map_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "contactmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
gdn_contact_map_init (GdnContactMap *self)
{
  for (guint s = 0; s < N_STANCES; s++)
    for (guint r = 0; r < N_ROLES; r++)
      self->cells[s][r] = g_ptr_array_new ();
  self->unplaced = g_ptr_array_new ();
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert (gdn_enum_n_values (&gdn_enum_contact_role) == N_ROLES);
  g_assert (gdn_enum_n_values (&gdn_enum_contact_stance) == N_STANCES);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Buying roles and stances"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No contacts yet"),
                                  -1);
}

GtkWidget *
gdn_contact_map_new (void)
{
  return g_object_new (GDN_TYPE_CONTACT_MAP, NULL);
}

/**
 * gdn_contact_map_set_contacts:
 * @contacts: (element-type GdnContact): a customer's contacts
 *
 * Places each contact in the cell of its buying role and stance.
 */
void
gdn_contact_map_set_contacts (GdnContactMap *self,
                              GPtrArray     *contacts)
{
  g_autofree char *description = NULL;

  g_return_if_fail (GDN_IS_CONTACT_MAP (self));
  g_return_if_fail (contacts != NULL);

  clear_cells (self);
  g_ptr_array_set_size (self->contacts, 0);

  for (guint i = 0; i < contacts->len; i++)
    {
      GdnRecord *contact = g_ptr_array_index (contacts, i);
      int r = find_value (&gdn_enum_contact_role, gdn_record_get_string (contact, "role"));
      int s = find_value (&gdn_enum_contact_stance, gdn_record_get_string (contact, "stance"));

      g_ptr_array_add (self->contacts, g_object_ref (contact));
      if (r == 0)
        self->has_economic = TRUE;
      if (r < 0 || s < 0)
        g_ptr_array_add (self->unplaced, contact);
      else
        g_ptr_array_add (self->cells[s][r], contact);
    }

  description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * gdn_contact_map_get_n_placed:
 *
 * Returns: how many contacts have a cell (a role and a stance)
 */
guint
gdn_contact_map_get_n_placed (GdnContactMap *self)
{
  g_return_val_if_fail (GDN_IS_CONTACT_MAP (self), 0);
  return self->contacts->len - self->unplaced->len;
}

/**
 * gdn_contact_map_describe_cell:
 * @role: a stored buying role ("economic" …)
 * @stance: a stored stance ("opponent" …)
 *
 * Returns: the names in that cell, separated by commas ("" when empty)
 */
char *
gdn_contact_map_describe_cell (GdnContactMap *self,
                               const char    *role,
                               const char    *stance)
{
  int r, s;

  g_return_val_if_fail (GDN_IS_CONTACT_MAP (self), NULL);

  r = find_value (&gdn_enum_contact_role, role);
  s = find_value (&gdn_enum_contact_stance, stance);
  g_return_val_if_fail (r >= 0 && s >= 0, NULL);

  return join_names (self->cells[s][r], FALSE);
}

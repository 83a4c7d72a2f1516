/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-stat-card"

#include "config.h"

#include "gdn-format.h"
#include "gdn-stat-card.h"

/* One figure of an overview: a large number over a short caption, e.g. "1,234" over
 * "All orders". A highlighted card shows a number above zero in the warning colour, for
 * figures that ask for attention (delayed shipments, open cases). */

struct _GdnStatCard
{
  GtkWidget  parent_instance;

  gint64     value;
  gboolean   highlight;

  GtkLabel  *value_label;
  GtkLabel  *caption_label;
};

enum {
  PROP_0,
  PROP_VALUE,
  PROP_CAPTION,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnStatCard, gdn_stat_card, GTK_TYPE_WIDGET)

static void
update_value (GdnStatCard *self)
{
  g_autofree char *text = NULL;
  gboolean warn = self->highlight && self->value > 0;

  /* -1 is "not counted (yet)": a dash, never a misleading 0 */
  text = self->value < 0 ? g_strdup ("—") : gdn_format_count (self->value);
  gtk_label_set_label (self->value_label, text);

  if (warn)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "warning");

  /* Read as one phrase ("3, Open cases") rather than two unrelated labels */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_label (self->caption_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
gdn_stat_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GDN_TYPE_STAT_CARD);

  G_OBJECT_CLASS (gdn_stat_card_parent_class)->dispose (object);
}

static void
gdn_stat_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  GdnStatCard *self = GDN_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int64 (value, self->value);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, gdn_stat_card_get_caption (self));
      break;
    case PROP_HIGHLIGHT:
      g_value_set_boolean (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_stat_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  GdnStatCard *self = GDN_STAT_CARD (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      gdn_stat_card_set_value (self, g_value_get_int64 (value));
      break;
    case PROP_CAPTION:
      gdn_stat_card_set_caption (self, g_value_get_string (value));
      break;
    case PROP_HIGHLIGHT:
      gdn_stat_card_set_highlight (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_stat_card_class_init (GdnStatCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_stat_card_dispose;
  object_class->get_property = gdn_stat_card_get_property;
  object_class->set_property = gdn_stat_card_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int64 ("value", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT] =
    g_param_spec_boolean ("highlight", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-stat-card.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnStatCard, value_label);
  gtk_widget_class_bind_template_child (widget_class, GdnStatCard, caption_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
gdn_stat_card_init (GdnStatCard *self)
{
  GtkLayoutManager *layout;

  self->value = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
}

/**
 * gdn_stat_card_new:
 * @caption: what the number counts
 */
GtkWidget *
gdn_stat_card_new (const char *caption)
{
  return g_object_new (GDN_TYPE_STAT_CARD, "caption", caption, NULL);
}

gint64
gdn_stat_card_get_value (GdnStatCard *self)
{
  g_return_val_if_fail (GDN_IS_STAT_CARD (self), -1);
  return self->value;
}

/**
 * gdn_stat_card_set_value:
 * @value: the number, or -1 when it is not known
 */
void
gdn_stat_card_set_value (GdnStatCard *self,
                         gint64       value)
{
  g_return_if_fail (GDN_IS_STAT_CARD (self));

  value = MAX (value, -1);
  if (self->value == value)
    return;
  self->value = value;
  update_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

/**
 * gdn_stat_card_get_value_text:
 *
 * Returns: the number as shown ("1,234", or "—" when unknown)
 */
const char *
gdn_stat_card_get_value_text (GdnStatCard *self)
{
  g_return_val_if_fail (GDN_IS_STAT_CARD (self), NULL);
  return gtk_label_get_label (self->value_label);
}

const char *
gdn_stat_card_get_caption (GdnStatCard *self)
{
  g_return_val_if_fail (GDN_IS_STAT_CARD (self), NULL);
  return gtk_label_get_label (self->caption_label);
}

void
gdn_stat_card_set_caption (GdnStatCard *self,
                           const char  *caption)
{
  g_return_if_fail (GDN_IS_STAT_CARD (self));

  if (g_strcmp0 (caption, gtk_label_get_label (self->caption_label)) == 0)
    return;
  gtk_label_set_label (self->caption_label, caption != NULL ? caption : "");
  update_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

gboolean
gdn_stat_card_get_highlight (GdnStatCard *self)
{
  g_return_val_if_fail (GDN_IS_STAT_CARD (self), FALSE);
  return self->highlight;
}

void
gdn_stat_card_set_highlight (GdnStatCard *self,
                             gboolean     highlight)
{
  g_return_if_fail (GDN_IS_STAT_CARD (self));

  highlight = !!highlight;
  if (self->highlight == highlight)
    return;
  self->highlight = highlight;
  update_value (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-banner"

#include "config.h"

#include "gdn-banner.h"

/* A lasting message at the top of the window's content, for what holds as long as the
 * database is open: it is read-only, or on a drive where sharing it is unsafe. A toast
 * would be gone before it is read; libadwaita 1.2 has no AdwBanner. */

struct _GdnBanner
{
  GtkWidget    parent_instance;

  GtkInfoBar  *info_bar;
  GtkImage    *icon;
  GtkLabel    *title_label;
  GtkLabel    *message_label;
};

G_DEFINE_FINAL_TYPE (GdnBanner, gdn_banner, GTK_TYPE_WIDGET)

static void
gdn_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), GDN_TYPE_BANNER);

  G_OBJECT_CLASS (gdn_banner_parent_class)->dispose (object);
}

static void
gdn_banner_class_init (GdnBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = gdn_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnBanner, info_bar);
  gtk_widget_class_bind_template_child (widget_class, GdnBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, GdnBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, GdnBanner, message_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
gdn_banner_init (GdnBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_banner_new:
 * @message_type: %GTK_MESSAGE_WARNING, %GTK_MESSAGE_INFO or %GTK_MESSAGE_ERROR
 * @title: a short first line, in bold
 * @message: what it means and what to do
 */
GtkWidget *
gdn_banner_new (GtkMessageType  message_type,
                const char     *title,
                const char     *message)
{
  GdnBanner *self = g_object_new (GDN_TYPE_BANNER, NULL);
  const char *icon_name;

  switch (message_type)
    {
    case GTK_MESSAGE_ERROR:
      icon_name = "dialog-error-symbolic";
      break;
    case GTK_MESSAGE_WARNING:
      icon_name = "dialog-warning-symbolic";
      break;
    case GTK_MESSAGE_INFO:
    case GTK_MESSAGE_QUESTION:
    case GTK_MESSAGE_OTHER:
    default:
      icon_name = "dialog-information-symbolic";
      break;
    }

  gtk_info_bar_set_message_type (self->info_bar, message_type);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->message_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  return GTK_WIDGET (self);
}

const char *
gdn_banner_get_title (GdnBanner *self)
{
  g_return_val_if_fail (GDN_IS_BANNER (self), NULL);
  return gtk_label_get_text (self->title_label);
}

const char *
gdn_banner_get_message (GdnBanner *self)
{
  g_return_val_if_fail (GDN_IS_BANNER (self), NULL);
  return gtk_label_get_text (self->message_label);
}

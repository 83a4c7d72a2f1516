/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-window"

#include "config.h"

#include <glib/gi18n.h>

#include "gdn-report-dialog.h"
#include "gdn-section-view.h"
#include "gdn-section.h"
#include "gdn-tooltip.h"
#include "gdn-window-private.h"

/* The main window: a sidebar of sections and a stack with one page per section. The
 * sidebar is built from the stack's own pages, so that a section is declared once (name,
 * title, icon) in gdn-window.ui; each section's view (a GdnSection) is put in its page by
 * gdn-window-sections.c. */

/* Alt+1 … Alt+7, in sidebar order */
static const char * const section_names[] = {
  "today", "dashboard", "orders", "customers", "cases", "shipments", "contracts"
};

struct _GdnWindow
{
  AdwApplicationWindow  parent_instance;

  GdnStore             *store;
  GdnReminderNotifier  *notifier;
  GHashTable           *view_new;       /* section → GdnSectionViewNew, until made */
  GSettings            *settings;
  GtkSelectionModel    *pages;
  GdnRecord            *undo_record;     /* the last record moved to the trash */

  AdwToastOverlay      *toast_overlay;
  AdwLeaflet           *leaflet;
  GtkWidget            *content_box;
  GtkListBox           *sidebar;
  AdwViewStack         *stack;
  AdwWindowTitle       *content_title;
  GtkWidget            *search_button;
  GtkWidget            *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *back_button;
  guint                 icon_frames;    /* frames shown before the icon was set */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnWindow, gdn_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  AdwViewStackPage *page = item;
  const char *title = adw_view_stack_page_get_title (page);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = gtk_image_new_from_icon_name (adw_view_stack_page_get_icon_name (page));
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A row's name is not taken from its content by every screen reader: say it */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return row;
}

static void
save_window_state (GdnWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_apply (self->settings);
}

static void
restore_window_state (GdnWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}


/* Makes the view of @section if it is still to be made */
static void
ensure_section_view (GdnWindow  *self,
                     const char *section)
{
  GdnSectionViewNew view_new;

  if (section == NULL || self->view_new == NULL ||
      (view_new = g_hash_table_lookup (self->view_new, section)) == NULL)
    return;
  g_hash_table_remove (self->view_new, section);
  gdn_window_set_section_view (self, section, view_new (self->store));
}

static void
on_stack_visible_child_changed_cb (GdnWindow  *self,
                                   GParamSpec *pspec)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);
  AdwViewStackPage *page;
  guint n_pages;

  if (child == NULL)
    return;
  ensure_section_view (self, adw_view_stack_get_visible_child_name (self->stack));

  page = adw_view_stack_get_page (self->stack, child);
  adw_window_title_set_title (self->content_title, adw_view_stack_page_get_title (page));

  n_pages = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwViewStackPage) item = g_list_model_get_item (G_LIST_MODEL (self->pages), i);

      if (item == page)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, (int) i);

          if (row != NULL && row != gtk_list_box_get_selected_row (self->sidebar))
            gtk_list_box_select_row (self->sidebar, row);
          break;
        }
    }
}

static void
on_sidebar_row_selected_cb (GdnWindow     *self,
                            GtkListBoxRow *row)
{
  if (row == NULL)
    return;
  gtk_selection_model_select_item (self->pages, (guint) gtk_list_box_row_get_index (row), TRUE);
}

static void
on_sidebar_row_activated_cb (GdnWindow     *self,
                             GtkListBoxRow *row)
{
  /* When folded the sidebar fills the window: going to a section shows its page */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
create_primary_menu_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  GdnWindow *self = user_data;

  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
  gtk_menu_button_set_menu_model (button, self->primary_menu);
}

static void
on_back_clicked_cb (GdnWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);

  gdn_window_set_section (self, g_variant_get_string (parameter, NULL));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static GdnSection *
current_section_view (GdnWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->stack);
  GtkWidget *stack = name ? adw_view_stack_get_child_by_name (self->stack, name) : NULL;
  GtkWidget *view = stack ? gtk_stack_get_child_by_name (GTK_STACK (stack), "view") : NULL;

  return view != NULL && GDN_IS_SECTION (view) ? GDN_SECTION (view) : NULL;
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);
  GdnSection *section = current_section_view (self);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  if (section != NULL)
    gdn_section_focus_search (section);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);
  GdnSection *section = current_section_view (self);

  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  if (section != NULL)
    gdn_section_new_record (section);
}

/* "orders:42" shows order 42 in the Orders section: how pages link to each other */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  g_auto(GStrv) parts = g_strsplit (target, ":", 2);
  GdnSection *section;

  if (g_strv_length (parts) != 2)
    return;

  gdn_window_set_section (self, parts[0]);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  section = current_section_view (self);
  if (section != NULL)
    gdn_section_open_record (section, g_ascii_strtoll (parts[1], NULL, 10));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->undo_record == NULL)
    return;

  if (!gdn_store_restore (self->store, self->undo_record, &error))
    gdn_window_add_toast (self, adw_toast_new (error->message));
  g_clear_object (&self->undo_record);
  gtk_widget_action_set_enabled (widget, "win.undo", FALSE);
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GdnWindow *self = GDN_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (gdn_report_dialog_new (GTK_WINDOW (self), self->store)));
}

/* The shortcuts window is made when asked for: GtkApplication would build it with every
 * window, before the window's first frame */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/gendan/Gendan/gdn-shortcuts.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

static void
on_undo_toast_dismissed_cb (GdnWindow *self,
                            AdwToast  *toast)
{
  if (g_object_get_data (G_OBJECT (toast), "gdn-record") == self->undo_record)
    {
      g_clear_object (&self->undo_record);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
    }
}

static gboolean
gdn_window_close_request (GtkWindow *window)
{
  save_window_state (GDN_WINDOW (window));

  return GTK_WINDOW_CLASS (gdn_window_parent_class)->close_request (window);
}

static void
gdn_window_constructed (GObject *object)
{
  GdnWindow *self = GDN_WINDOW (object);

  G_OBJECT_CLASS (gdn_window_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      GdnDatabase *database = gdn_store_get_database (self->store);
      g_autofree char *basename = g_path_get_basename (gdn_database_get_path (database));

      adw_window_title_set_subtitle (self->content_title, basename);
      gdn_tooltip_set_quietly (GTK_WIDGET (self->content_title),
                               gdn_database_get_path (database));
      /* the notifications of reminders falling due, whether Today is shown or not */
      self->notifier = gdn_reminder_notifier_new (self->store);
      gdn_window_add_section_views (self, self->store);
      /* nothing new on a read-only database */
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record",
                                     !gdn_database_is_read_only (database));
    }
}

/* The icon a window manager shows for the window (on X11; Wayland takes it from the
 * desktop file) is drawn from the app's SVG icon at several sizes: loading the SVG renderer
 * for it alone held the first frame back by some 17 ms. It is set once that frame is out,
 * and becomes the default of the windows that come after. */
static gboolean
set_icon_cb (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  GdnWindow *self = GDN_WINDOW (widget);

  if (self->icon_frames++ == 0)
    return G_SOURCE_CONTINUE;
  gtk_window_set_default_icon_name (APP_ID);
  gtk_window_set_icon_name (GTK_WINDOW (self), APP_ID);
  return G_SOURCE_REMOVE;
}

/* The section shown first is made as the window is shown, not before: one chosen in
 * between (by a link from a notification) is then the only one made */
static void
gdn_window_map (GtkWidget *widget)
{
  GdnWindow *self = GDN_WINDOW (widget);

  ensure_section_view (self, adw_view_stack_get_visible_child_name (self->stack));

  GTK_WIDGET_CLASS (gdn_window_parent_class)->map (widget);

  if (gtk_window_get_icon_name (GTK_WINDOW (self)) == NULL && self->icon_frames == 0)
    gtk_widget_add_tick_callback (widget, set_icon_cb, NULL, NULL);
}

static void
gdn_window_dispose (GObject *object)
{
  GdnWindow *self = GDN_WINDOW (object);

  /* no view is made while the pages go */
  g_clear_pointer (&self->view_new, g_hash_table_unref);
  if (self->sidebar != NULL)
    gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
  g_clear_object (&self->pages);
  g_clear_object (&self->notifier);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_WINDOW);

  G_OBJECT_CLASS (gdn_window_parent_class)->dispose (object);
}

static void
gdn_window_finalize (GObject *object)
{
  GdnWindow *self = GDN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo_record);

  G_OBJECT_CLASS (gdn_window_parent_class)->finalize (object);
}

static void
gdn_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  GdnWindow *self = GDN_WINDOW (object);

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
gdn_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  GdnWindow *self = GDN_WINDOW (object);

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
gdn_window_class_init (GdnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = gdn_window_constructed;
  object_class->dispose = gdn_window_dispose;
  object_class->finalize = gdn_window_finalize;
  object_class->get_property = gdn_window_get_property;
  object_class->set_property = gdn_window_set_property;
  widget_class->map = gdn_window_map;
  window_class->close_request = gdn_window_close_request;

  /**
   * GdnWindow:store:
   *
   * Where the window reads and writes its records.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, content_box);
  /* no struct field: found with gtk_widget_get_template_child() when a banner comes */
  gtk_widget_class_bind_template_child_full (widget_class, "banner_box", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, GdnWindow, back_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "s", open_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.report", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-section", "s", section_names[i]);
}

static void
gdn_window_init (GdnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* not in the template, where each would make GTK ask the display for the pointer */
  gdn_tooltip_set_quietly (self->search_button, _("Search"));
  gdn_tooltip_set_quietly (self->primary_menu_button, _("Main Menu"));
  gdn_tooltip_set_quietly (self->back_button, _("Back"));
  /* the main menu's popover is made when it first opens, not before the first frame */
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->primary_menu_button),
                                         create_primary_menu_cb, self, NULL);

  self->settings = g_settings_new (APP_ID);

  self->pages = adw_view_stack_get_pages (self->stack);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (self->pages),
                           create_sidebar_row, NULL, NULL);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_stack_visible_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_stack_visible_child_changed_cb (self, NULL);
  /* Start in the sidebar, so that the arrow keys move between sections at once */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", FALSE);
  restore_window_state (self);
}

/**
 * gdn_window_new:
 * @store: where the window reads and writes its records
 */
GdnWindow *
gdn_window_new (GtkApplication *application,
                GdnStore       *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

GdnStore *
gdn_window_get_store (GdnWindow *self)
{
  g_return_val_if_fail (GDN_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * gdn_window_get_reminder_notifier:
 *
 * Returns: (transfer none) (nullable): what sends the notifications of reminders falling
 *   due, for the window's store
 */
GdnReminderNotifier *
gdn_window_get_reminder_notifier (GdnWindow *self)
{
  g_return_val_if_fail (GDN_IS_WINDOW (self), NULL);
  return self->notifier;
}

/**
 * gdn_window_get_section:
 *
 * Returns: the name of the section shown ("today", "dashboard", "orders", "customers",
 *   "cases", "shipments" or "contracts")
 */
const char *
gdn_window_get_section (GdnWindow *self)
{
  g_return_val_if_fail (GDN_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * gdn_window_set_section:
 * @section: a section name, as gdn_window_get_section() returns
 *
 * Shows @section and selects it in the sidebar.
 */
void
gdn_window_set_section (GdnWindow  *self,
                        const char *section)
{
  g_return_if_fail (GDN_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, section) == NULL)
    {
      g_warning ("No section “%s” in the window", section);
      return;
    }
  adw_view_stack_set_visible_child_name (self->stack, section);
}

/**
 * gdn_window_add_toast:
 * @toast: (transfer full): a toast
 */
void
gdn_window_add_toast (GdnWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (GDN_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * gdn_window_add_banner:
 * @banner: a widget (a GdnBanner) that stays at the top of the content until removed
 *
 * For what holds while the database is open: it is read-only, or on a shared drive.
 */
void
gdn_window_add_banner (GdnWindow *self,
                       GtkWidget *banner)
{
  GtkWidget *banner_box;

  g_return_if_fail (GDN_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_WIDGET (banner));

  banner_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), GDN_TYPE_WINDOW,
                                                          "banner_box"));
  gtk_box_append (GTK_BOX (banner_box), banner);
  gtk_widget_set_visible (banner_box, TRUE);
}


/**
 * gdn_window_set_section_view:
 * @section: a section name ("orders" …)
 * @view: the section's view, a #GdnSection
 *
 * Puts @view in place of the section's overview.
 */
void
gdn_window_set_section_view (GdnWindow  *self,
                             const char *section,
                             GtkWidget  *view)
{
  GtkWidget *stack;

  g_return_if_fail (GDN_IS_WINDOW (self));
  g_return_if_fail (GDN_IS_SECTION (view));

  stack = adw_view_stack_get_child_by_name (self->stack, section);
  g_return_if_fail (GTK_IS_STACK (stack));

  gtk_stack_add_named (GTK_STACK (stack), view, "view");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "view");
}

/**
 * gdn_window_set_section_view_new:
 * @section: a section name ("orders" …)
 * @view_new: makes the section's view
 *
 * Puts the view @view_new makes in place of the section's overview when the section is
 * first shown.
 */
void
gdn_window_set_section_view_new (GdnWindow         *self,
                                 const char        *section,
                                 GdnSectionViewNew  view_new)
{
  g_return_if_fail (GDN_IS_WINDOW (self));
  g_return_if_fail (section != NULL && view_new != NULL);

  if (self->view_new == NULL)
    self->view_new = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (self->view_new, g_strdup (section), view_new);
}

/**
 * gdn_window_show_undo:
 * @record: a record just moved to the trash
 * @message: the toast's text, e.g. "Order SO-2410-001 moved to the trash"
 *
 * Offers to undo the deletion, with a toast and with Ctrl+Z.
 */
void
gdn_window_show_undo (GdnWindow  *self,
                      GdnRecord  *record,
                      const char *message)
{
  AdwToast *toast;

  g_return_if_fail (GDN_IS_WINDOW (self));

  g_set_object (&self->undo_record, record);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", TRUE);

  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "gdn-record", record);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * gdn_window_show_filtered:
 * @section: a section of records ("orders", "cases", "shipments" …)
 * @description: what the filter keeps, shown on the button that clears it
 * @fields: (array zero-terminated=1): fields of the section's records
 * @values: (array zero-terminated=1): the stored value of each field ("" for not set)
 * @flags: keep only the records carrying one of these flags, or 0
 *
 * Shows the list of @section with only the records that match: how the dashboard's
 * charts link to the records behind a bar or a slice.
 */
void
gdn_window_show_filtered (GdnWindow          *self,
                          const char         *section,
                          const char         *description,
                          const char * const *fields,
                          const char * const *values,
                          GdnFlags            flags)
{
  GdnSection *view;
  g_autofree char *back = NULL;

  g_return_if_fail (GDN_IS_WINDOW (self));
  g_return_if_fail (section != NULL);

  gdn_window_set_section (self, section);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  view = current_section_view (self);
  if (view == NULL || !GDN_IS_SECTION_VIEW (view))
    return;

  /* from a record's page back to the list (asking about unsaved changes) */
  back = g_strdup_printf ("%s.back", section);
  gtk_widget_activate_action (GTK_WIDGET (view), back, NULL);
  gdn_record_list_show_filtered (gdn_section_view_get_list (GDN_SECTION_VIEW (view)),
                                 description, fields, values, flags);
}

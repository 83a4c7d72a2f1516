/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-section-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-section-view.h"
#include "gdn-section.h"
#include "gdn-window.h"

/* The view of a section of records (Orders, Customers, Cases …): its list, and one
 * record's page in the list's place when a row is opened. The page is made when a record
 * is first opened (or a new one started): a list shows sooner without a form behind it.
 * Going elsewhere from a page with unsaved changes asks first, by the page itself when it
 * can, or here.
 *
 * The section's actions live in a group named after it: "orders.new" opens an empty
 * page, "orders.back" goes back to the list. */

typedef enum
{
  NEXT_LIST,     /* back to the list */
  NEXT_OPEN,     /* another record's page */
  NEXT_NEW,      /* an empty page */
  NEXT_SEARCH,   /* the list, with the cursor in its search field */
} Next;

struct _GdnSectionView
{
  GtkWidget           parent_instance;

  GtkStack           *stack;

  char               *section;
  GdnRecordList      *list;
  GdnRecordPageNew    page_new;
  GdnRecordPage      *page;       /* (nullable): until a record is first opened */
  GSimpleActionGroup *actions;
  GtkWidget          *confirm;    /* the "Save changes?" dialog while it is open */
  Next                next;       /* what to do once the page is closed */
  gint64              next_id;
};

enum {
  PROP_0,
  PROP_SECTION,
  PROP_LIST,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gdn_section_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnSectionView, gdn_section_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_section_view_section_init))

static GdnRecordPage *ensure_page (GdnSectionView *self);

static gboolean
page_shown (GdnSectionView *self)
{
  return self->page != NULL &&
         gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->page);
}

static void
show_page (GdnSectionView *self)
{
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->page));
  gdn_record_page_focus (self->page);
}

static void
show_list (GdnSectionView *self)
{
  gint64 id = self->page != NULL ? gdn_record_page_get_record_id (self->page) : 0;

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  /* back where the person left: on the row of the record just seen */
  if (id > 0)
    gdn_record_list_select_id (self->list, id);
}

static void
open_record (GdnSectionView *self,
             gint64          id)
{
  g_autoptr(GError) error = NULL;

  if (!gdn_record_page_load (ensure_page (self), id, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (GDN_IS_WINDOW (root))
        gdn_window_add_toast (GDN_WINDOW (root), adw_toast_new (error->message));
      else
        g_warning ("Cannot open record %" G_GINT64_FORMAT " of %s: %s", id, self->section,
                   error->message);
      return;
    }
  gdn_record_list_select_id (self->list, id);
  show_page (self);
}

static void
go (GdnSectionView *self,
    Next            next,
    gint64          id)
{
  switch (next)
    {
    case NEXT_LIST:
      show_list (self);
      if (!gtk_widget_grab_focus (GTK_WIDGET (self->list)))
        gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
      break;

    case NEXT_SEARCH:
      show_list (self);
      gdn_record_list_focus_search (self->list);
      break;

    case NEXT_NEW:
      gdn_record_page_new_record (ensure_page (self));
      show_page (self);
      break;

    case NEXT_OPEN:
      open_record (self, id);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Does what was waiting for the page to be closed */
static void
go_next (GdnSectionView *self)
{
  Next next = self->next;

  self->next = NEXT_LIST;
  go (self, next, self->next_id);
}

static void
on_confirm_response_cb (GdnSectionView   *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  self->confirm = NULL;
  if (g_str_equal (response, "save"))
    {
      if (gdn_record_page_save (self->page))
        go_next (self);
      else
        self->next = NEXT_LIST;
    }
  else if (g_str_equal (response, "discard"))
    go_next (self);
  else
    self->next = NEXT_LIST;
}

static void
ask_to_save (GdnSectionView *self)
{
  AdwMessageDialog *dialog;
  GtkRoot *root;

  if (self->confirm != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root), _("Save Changes?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog, _("The details of “%s” were changed but not saved."),
                                  gdn_record_page_get_title (self->page));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->confirm = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Does @next at once, or after asking what to do with the changes made on the page */
static void
leave_page_then (GdnSectionView *self,
                 Next            next,
                 gint64          id)
{
  if (!page_shown (self))
    {
      go (self, next, id);
      return;
    }
  /* already there */
  if (next == NEXT_OPEN && id == gdn_record_page_get_record_id (self->page))
    return;
  if (!gdn_record_page_get_modified (self->page))
    {
      go (self, next, id);
      return;
    }

  self->next = next;
  self->next_id = id;
  if (gdn_record_page_can_request_close (self->page))
    gdn_record_page_request_close (self->page);   /* then "closed" or "close-cancelled" */
  else
    ask_to_save (self);
}

static void
back_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  leave_page_then (GDN_SECTION_VIEW (user_data), NEXT_LIST, 0);
}

static void
new_activated_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  gdn_section_new_record (GDN_SECTION (user_data));
}

static void
on_record_activated_cb (GdnSectionView *self,
                        GdnRecord      *record,
                        GdnRecordList  *list)
{
  leave_page_then (self, NEXT_OPEN, gdn_record_get_id (record));
}

static void
on_page_closed_cb (GdnSectionView *self,
                   GdnRecordPage  *page)
{
  go_next (self);
}

static void
on_page_close_cancelled_cb (GdnSectionView *self,
                            GdnRecordPage  *page)
{
  self->next = NEXT_LIST;
}

static void
on_page_deleted_cb (GdnSectionView *self,
                    GdnRecordPage  *page)
{
  self->next = NEXT_LIST;
  go_next (self);
}

static void
on_page_saved_cb (GdnSectionView *self,
                  gint64          id,
                  GdnRecordPage  *page)
{
  gdn_record_list_select_id (self->list, id);
}

static void
on_visible_child_changed_cb (GdnSectionView *self)
{
  GAction *back = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "back");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (back), page_shown (self));
}

/* The pages keep their own signals; not every page has every one */
static void
connect_page_signal (GdnSectionView *self,
                     const char     *signal,
                     GCallback       callback)
{
  if (g_signal_lookup (signal, G_OBJECT_TYPE (self->page)) != 0)
    g_signal_connect_object (self->page, signal, callback, self, G_CONNECT_SWAPPED);
}

static GdnRecordPage *
ensure_page (GdnSectionView *self)
{
  g_autoptr(GdnStore) store = NULL;

  if (self->page != NULL)
    return self->page;

  g_object_get (self->list, "store", &store, NULL);
  /* made for the view alone, it arrives floating */
  self->page = g_object_ref_sink (GDN_RECORD_PAGE (self->page_new (store)));
  connect_page_signal (self, "closed", G_CALLBACK (on_page_closed_cb));
  connect_page_signal (self, "close-cancelled", G_CALLBACK (on_page_close_cancelled_cb));
  connect_page_signal (self, "deleted", G_CALLBACK (on_page_deleted_cb));
  connect_page_signal (self, "saved", G_CALLBACK (on_page_saved_cb));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->page), "page");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  return self->page;
}

/* ---- GdnSection --------------------------------------------------------------------- */

static void
gdn_section_view_open_record (GdnSection *section,
                              gint64      id)
{
  leave_page_then (GDN_SECTION_VIEW (section), NEXT_OPEN, id);
}

static void
gdn_section_view_new_record (GdnSection *section)
{
  leave_page_then (GDN_SECTION_VIEW (section), NEXT_NEW, 0);
}

static void
gdn_section_view_focus_search (GdnSection *section)
{
  leave_page_then (GDN_SECTION_VIEW (section), NEXT_SEARCH, 0);
}

static void
gdn_section_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_section_view_open_record;
  iface->new_record = gdn_section_view_new_record;
  iface->focus_search = gdn_section_view_focus_search;
}

/* ---- GObject ------------------------------------------------------------------------ */

static void
gdn_section_view_constructed (GObject *object)
{
  GdnSectionView *self = GDN_SECTION_VIEW (object);
  const GActionEntry entries[] = {
    { .name = "back", .activate = back_activated_cb },
    { .name = "new", .activate = new_activated_cb },
  };
  g_autoptr(GdnStore) store = NULL;

  G_OBJECT_CLASS (gdn_section_view_parent_class)->constructed (object);

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  /* nothing new on a read-only database */
  g_object_get (self->list, "store", &store, NULL);
  if (store != NULL && gdn_database_is_read_only (gdn_store_get_database (store)))
    {
      GAction *new_action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "new");

      g_simple_action_set_enabled (G_SIMPLE_ACTION (new_action), FALSE);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), self->section,
                                  G_ACTION_GROUP (self->actions));

  g_signal_connect_object (self->list, "record-activated", G_CALLBACK (on_record_activated_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->list), "list");

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->list));
  on_visible_child_changed_cb (self);
}

static void
gdn_section_view_dispose (GObject *object)
{
  GdnSectionView *self = GDN_SECTION_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_SECTION_VIEW);
  g_clear_object (&self->list);
  g_clear_object (&self->page);
  g_clear_object (&self->actions);

  G_OBJECT_CLASS (gdn_section_view_parent_class)->dispose (object);
}

static void
gdn_section_view_finalize (GObject *object)
{
  GdnSectionView *self = GDN_SECTION_VIEW (object);

  g_free (self->section);

  G_OBJECT_CLASS (gdn_section_view_parent_class)->finalize (object);
}

static void
gdn_section_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  GdnSectionView *self = GDN_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;
    case PROP_LIST:
      g_value_set_object (value, self->list);
      break;
    case PROP_PAGE:
      g_value_set_object (value, self->page);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_section_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  GdnSectionView *self = GDN_SECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_dup_string (value);
      break;
    case PROP_LIST:
      /* the list is made for the view alone, and arrives floating */
      self->list = g_object_ref_sink (g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gdn_section_view_class_init (GdnSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_section_view_constructed;
  object_class->dispose = gdn_section_view_dispose;
  object_class->finalize = gdn_section_view_finalize;
  object_class->get_property = gdn_section_view_get_property;
  object_class->set_property = gdn_section_view_set_property;

  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIST] =
    g_param_spec_object ("list", NULL, NULL, GDN_TYPE_RECORD_LIST,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* NULL until a record is first opened */
  properties[PROP_PAGE] =
    g_param_spec_object ("page", NULL, NULL, GDN_TYPE_RECORD_PAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-section-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnSectionView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_child_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
gdn_section_view_init (GdnSectionView *self)
{
  self->next = NEXT_LIST;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * gdn_section_view_new:
 * @section: the section's name ("orders" …), also the prefix of its actions
 * @list: the section's list of records
 * @page_new: makes the page that shows one of them, when a record is first opened
 *
 * Returns: (transfer floating): the view of the section, a #GdnSection
 */
GtkWidget *
gdn_section_view_new (const char       *section,
                      GdnRecordList    *list,
                      GdnRecordPageNew  page_new)
{
  GdnSectionView *self;

  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (GDN_IS_RECORD_LIST (list), NULL);
  g_return_val_if_fail (page_new != NULL, NULL);

  self = g_object_new (GDN_TYPE_SECTION_VIEW, "section", section, "list", list, NULL);
  self->page_new = page_new;
  return GTK_WIDGET (self);
}

/**
 * gdn_section_view_get_section:
 *
 * Returns: the section's name ("orders" …)
 */
const char *
gdn_section_view_get_section (GdnSectionView *self)
{
  g_return_val_if_fail (GDN_IS_SECTION_VIEW (self), NULL);
  return self->section;
}

/**
 * gdn_section_view_get_list:
 *
 * Returns: (transfer none): the section's list of records
 */
GdnRecordList *
gdn_section_view_get_list (GdnSectionView *self)
{
  g_return_val_if_fail (GDN_IS_SECTION_VIEW (self), NULL);
  return self->list;
}

/**
 * gdn_section_view_get_page:
 *
 * Returns: (transfer none): the page that shows one record, made now if no record was
 *   opened yet
 */
GdnRecordPage *
gdn_section_view_get_page (GdnSectionView *self)
{
  g_return_val_if_fail (GDN_IS_SECTION_VIEW (self), NULL);
  return ensure_page (self);
}

/**
 * gdn_section_view_has_page:
 *
 * Returns: whether the page that shows one record was made (it is when a record is first
 *   opened or a new one started)
 */
gboolean
gdn_section_view_has_page (GdnSectionView *self)
{
  g_return_val_if_fail (GDN_IS_SECTION_VIEW (self), FALSE);
  return self->page != NULL;
}

/**
 * gdn_section_view_set_transition:
 * @duration: in milliseconds
 *
 * How the page takes the list's place, and back.
 */
void
gdn_section_view_set_transition (GdnSectionView         *self,
                                 GtkStackTransitionType  type,
                                 guint                   duration)
{
  g_return_if_fail (GDN_IS_SECTION_VIEW (self));

  gtk_stack_set_transition_type (self->stack, type);
  gtk_stack_set_transition_duration (self->stack, duration);
}

/**
 * gdn_section_view_add_back_shortcuts:
 *
 * Escape, Alt+Left and the Back key go back from the page to the list (with the
 * section's "back" action), for pages that do not handle them themselves.
 */
void
gdn_section_view_add_back_shortcuts (GdnSectionView *self)
{
  g_autofree char *back = NULL;
  GtkEventController *controller;
  const struct
  {
    guint           key;
    GdkModifierType modifiers;
  } keys[] = {
    { GDK_KEY_Escape, 0 },
    { GDK_KEY_Left, GDK_ALT_MASK },
    { GDK_KEY_Back, 0 },
  };

  g_return_if_fail (GDN_IS_SECTION_VIEW (self));

  back = g_strconcat (self->section, ".back", NULL);
  controller = gtk_shortcut_controller_new ();
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keys[i].key, keys[i].modifiers);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger,
                                                              gtk_named_action_new (back)));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

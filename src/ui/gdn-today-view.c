/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-today-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "gdn-agenda.h"
#include "gdn-customer.h"
#include "gdn-enums.h"
#include "gdn-order.h"
#include "gdn-parse.h"
#include "gdn-reminder-dialog.h"
#include "gdn-reminder-notifier.h"
#include "gdn-section.h"
#include "gdn-today-view.h"
#include "gdn-tooltip.h"
#include "gdn-window.h"

/* The Today section: what is overdue, due today and due in the next seven days (see
 * gdn-agenda), each with Done and Snooze. The agenda is read again when the store changes
 * and once a minute, which also moves reminders between the groups as time passes; each
 * read is handed to the window's GdnReminderNotifier, which sends the notifications. */

#define MAX_ROWS 20    /* per group, until "Show more": the next groups stay in reach */
#define MORE_ROWS 200  /* what "Show more" adds: a file of years can hold 100,000 dates */

struct _GdnTodayView
{
  GtkWidget       parent_instance;

  GdnStore       *store;
  GPtrArray      *entries;          /* (element-type GdnAgendaEntry) */
  char           *signature;        /* of what the rows show, to rebuild only on a change */
  char           *shown_now;        /* the time of the agenda shown */
  guint           refresh_id;
  guint           tick_id;
  GCancellable   *loading;          /* the agenda being read in a worker, or NULL */
  char           *loading_now;      /* the time it is read for */
  gboolean        load_again;       /* something changed while it was read */
  guint           limit[3];         /* rows shown per GdnAgendaGroup, until "Show more" */

  GtkStack       *stack;
  GtkScrolledWindow *scrolled;
  GtkLabel       *date_label;
  GtkLabel       *summary_label;
  GtkWidget      *overdue_box;
  GtkWidget      *today_box;
  GtkWidget      *upcoming_box;
  GtkLabel       *overdue_heading;
  GtkLabel       *today_heading;
  GtkLabel       *upcoming_heading;
  GtkListBox     *overdue_list;
  GtkListBox     *today_list;
  GtkListBox     *upcoming_list;
  AdwStatusPage  *empty_page;
  GtkWidget      *empty_new_button;
  GtkWidget      *empty_import_button;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void gdn_today_view_section_init (GdnSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GdnTodayView, gdn_today_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GDN_TYPE_SECTION,
                                                      gdn_today_view_section_init))

static GDateTime *
parse_time (const char *iso)
{
  int y, mo, d, h = 0, mi = 0, s = 0;

  if (iso == NULL || sscanf (iso, "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) < 3)
    return NULL;
  return g_date_time_new_local (y, mo, d, h, mi, s);
}

static char *
format_time (const char *iso,
             const char *format)
{
  g_autoptr(GDateTime) time = parse_time (iso);

  return time != NULL ? g_date_time_format (time, format) : g_strdup (iso);
}

/* "Yesterday", "3 days ago", "Today 15:00", "Tomorrow", "Saturday", "2026-03-12" */
static char *
describe_due (GdnAgendaEntry *entry,
              const char     *now)
{
  gint64 days = gdn_date_to_julian (entry->due) - gdn_date_to_julian (now);
  g_autofree char *day = NULL;
  g_autofree char *hm = g_strndup (entry->due + 11, 5);

  if (days < -1)
    day = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago",
                                        (gulong) -days),
                           (int) -days);
  else if (days == -1)
    day = g_strdup (_("Yesterday"));
  else if (days == 0)
    day = g_strdup (_("Today"));
  else if (days == 1)
    day = g_strdup (_("Tomorrow"));
  else if (days < 7)
    day = format_time (entry->due, "%A");
  else
    day = gdn_format_date (entry->due);

  if (entry->all_day || days < -1)
    return g_steal_pointer (&day);
  /* Translators: a day and a time, "Today 15:00" */
  return g_strdup_printf (C_("day and time", "%s %s"), day, hm);
}

static char *
describe_full_due (GdnAgendaEntry *entry)
{
  g_autofree char *due = entry->all_day ? gdn_format_date (entry->due)
                                        : gdn_format_datetime (entry->due);

  if (entry->snoozed)
    {
      g_autofree char *original = entry->all_day ? gdn_format_date (entry->original_due)
                                                 : gdn_format_datetime (entry->original_due);

      return g_strdup_printf (_("Snoozed until %s (due %s)"), due, original);
    }
  return g_strdup_printf (_("Due %s"), due);
}

static GdnAgendaEntry *
lookup_entry (GdnTodayView *self,
              const char   *key)
{
  if (self->entries == NULL)
    return NULL;
  return gdn_agenda_find (self->entries, key);
}

static void
add_toast (GdnTodayView *self,
           AdwToast     *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GDN_IS_WINDOW (root))
    gdn_window_add_toast (GDN_WINDOW (root), toast);
  else
    g_object_unref (toast);
}

static void
show_error (GdnTodayView *self,
            const GError *error)
{
  add_toast (self, adw_toast_new (error->message));
}


static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *accessible_label,
                    const char *action_name,
                    const char *key)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gdn_tooltip_set_quietly (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return button;
}

static GtkWidget *
create_snooze_button (GdnAgendaEntry *entry)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) day = g_menu_item_new (_("For 1 _Day"), NULL);
  g_autoptr(GMenuItem) week = g_menu_item_new (_("For 1 _Week"), NULL);
  g_autofree char *label = g_strdup_printf (_("Snooze “%s”"), entry->title);
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target_value (day, "today.snooze-day",
                                           g_variant_new_string (entry->key));
  g_menu_item_set_action_and_target_value (week, "today.snooze-week",
                                           g_variant_new_string (entry->key));
  g_menu_append_item (menu, day);
  g_menu_append_item (menu, week);

  /* a clock: later, as mail clients show a snooze */
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-open-recent-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gdn_tooltip_set_quietly (button, _("Snooze"));
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  return button;
}

static GtkWidget *
create_row (GdnTodayView   *self,
            GdnAgendaEntry *entry,
            const char     *now)
{
  GtkWidget *row = adw_action_row_new ();
  const char *kind_label = gdn_enum_label (&gdn_enum_reminder_kind, entry->kind);
  GtkWidget *icon = gtk_image_new_from_icon_name (gdn_reminder_kind_icon_name (entry->kind));
  g_autofree char *due_text = describe_due (entry, now);
  g_autofree char *due_tip = describe_full_due (entry);
  g_autofree char *done_label = g_strdup_printf (_("Mark “%s” as done"), entry->title);
  g_autofree char *description = NULL;
  GtkWidget *due_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *due_label = gtk_label_new (due_text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title);
  if (entry->detail != NULL && *entry->detail != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), entry->detail);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);

  gdn_tooltip_set_quietly (icon, kind_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, kind_label,
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* the due time, red when overdue, with the snooze shown */
  gtk_widget_set_valign (due_box, GTK_ALIGN_CENTER);
  gdn_tooltip_set_quietly (due_box, due_tip);
  if (entry->snoozed)
    {
      GtkWidget *snoozed = gtk_image_new_from_icon_name ("document-open-recent-symbolic");

      gtk_widget_add_css_class (snoozed, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (snoozed),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Snoozed"),
                                      -1);
      gtk_box_append (GTK_BOX (due_box), snoozed);
    }
  gtk_widget_add_css_class (due_label, "numeric");
  if (entry->group == GDN_AGENDA_OVERDUE)
    {
      gtk_widget_add_css_class (due_label, "error");
      gtk_widget_add_css_class (icon, "error");
      gtk_widget_add_css_class (row, "gdn-overdue");
    }
  else if (entry->group == GDN_AGENDA_TODAY)
    gtk_widget_add_css_class (due_label, "accent");
  else
    gtk_widget_add_css_class (due_label, "dim-label");
  gtk_box_append (GTK_BOX (due_box), due_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), due_box);

  if (entry->link != NULL)
    {
      g_autofree char *open_label = g_strdup_printf (_("Open “%s”"), entry->title);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 create_icon_button ("go-next-symbolic", _("Open the Record"),
                                                     open_label, "today.open", entry->key));
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_snooze_button (entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             create_icon_button ("object-select-symbolic", _("Mark as Done"),
                                                 done_label, "today.done", entry->key));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), entry->link != NULL);
  description = g_strdup_printf ("%s · %s%s%s", kind_label, due_tip,
                                 entry->detail && *entry->detail ? " · " : "",
                                 entry->detail ? entry->detail : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "gdn-key", g_strdup (entry->key), g_free);
  return row;
}

static GtkWidget *
create_more_row (GdnAgendaGroup group,
                 guint          n)
{
  GtkWidget *row = gtk_list_box_row_new ();
  g_autofree char *number = gdn_format_quantity (n);
  /* Translators: %s is a number, digits grouped ("1,180") */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %s More",
                                                        "Show %s More", n), number);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "accent");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "today.show-all");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (int) group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkListBox *
list_for_group (GdnTodayView   *self,
                GdnAgendaGroup  group)
{
  switch (group)
    {
    case GDN_AGENDA_OVERDUE:
      return self->overdue_list;
    case GDN_AGENDA_TODAY:
      return self->today_list;
    case GDN_AGENDA_UPCOMING:
    default:
      return self->upcoming_list;
    }
}

/* The row (of any group) the focus is in, and its place */
static const char *
focused_key (GdnTodayView    *self,
             GdnAgendaGroup  *group,
             int             *index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)
                                 : NULL;

  for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; row != NULL && g <= GDN_AGENDA_UPCOMING; g++)
    if (gtk_widget_get_parent (row) == GTK_WIDGET (list_for_group (self, g)))
      {
        *group = g;
        *index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
        return g_object_get_data (G_OBJECT (row), "gdn-key");
      }
  return NULL;
}

static GtkListBoxRow *
find_row (GdnTodayView *self,
          const char   *key)
{
  for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; g <= GDN_AGENDA_UPCOMING; g++)
    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list_for_group (self, g)));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "gdn-key"), key) == 0)
        return GTK_LIST_BOX_ROW (child);
  return NULL;
}

static char *
make_signature (GPtrArray  *entries,
                const char *now)
{
  GString *s = g_string_new (NULL);

  /* the day changes the words ("Tomorrow"), the rest the rows */
  g_string_append_len (s, now, 10);
  for (guint i = 0; i < entries->len; i++)
    {
      GdnAgendaEntry *e = g_ptr_array_index (entries, i);

      g_string_append_printf (s, "\n%s|%d|%s|%d|%s|%s|%s", e->key, e->group, e->due,
                              e->snoozed, e->title, e->detail, e->link ? e->link : "");
    }
  return g_string_free (s, FALSE);
}

static void
update_header (GdnTodayView *self,
               const char   *now)
{
  guint n_overdue = gdn_agenda_count_group (self->entries, GDN_AGENDA_OVERDUE);
  guint n_today = gdn_agenda_count_group (self->entries, GDN_AGENDA_TODAY);
  guint n_upcoming = gdn_agenda_count_group (self->entries, GDN_AGENDA_UPCOMING);
  g_autofree char *date = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *heading = NULL;

  /* Translators: the date at the top of the Today section, see g_date_time_format() */
  date = format_time (now, _("%A, %B %-d, %Y"));
  gtk_label_set_label (self->date_label, date);

  /* Translators: %s is a number, digits grouped ("12,345") */
  if (n_overdue > 0)
    {
      g_autofree char *n = gdn_format_quantity (n_overdue);

      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s overdue",
                                                    "%s overdue", n_overdue), n);
    }
  if (n_today > 0)
    {
      g_autofree char *n = gdn_format_quantity (n_today);

      if (summary->len > 0)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%s due today",
                                                    "%s due today", n_today), n);
    }
  if (n_upcoming > 0)
    {
      g_autofree char *n = gdn_format_quantity (n_upcoming);

      if (summary->len > 0)
        g_string_append (summary, " · ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE,
                                                    "%s in the next 7 days",
                                                    "%s in the next 7 days", n_upcoming),
                              n);
    }
  gtk_label_set_label (self->summary_label, summary->str);

  heading = gdn_format_quantity (n_overdue);
  gtk_label_set_label (self->overdue_heading, heading);
  g_free (heading);
  heading = gdn_format_quantity (n_today);
  gtk_label_set_label (self->today_heading, heading);
  g_free (heading);
  heading = gdn_format_quantity (n_upcoming);
  gtk_label_set_label (self->upcoming_heading, heading);

  gtk_widget_set_visible (self->overdue_box, n_overdue > 0);
  gtk_widget_set_visible (self->today_box, n_today > 0);
  gtk_widget_set_visible (self->upcoming_box, n_upcoming > 0);
}

static void
update_empty_state (GdnTodayView *self)
{
  gint64 customers = gdn_store_count (self->store, GDN_TYPE_CUSTOMER, NULL);
  gint64 orders = gdn_store_count (self->store, GDN_TYPE_ORDER, NULL);
  gboolean empty_file = customers == 0 && orders == 0;

  /* a new file: importing comes first */
  gtk_widget_set_visible (self->empty_import_button, empty_file);
  if (empty_file)
    {
      gtk_widget_add_css_class (self->empty_import_button, "suggested-action");
      gtk_widget_remove_css_class (self->empty_new_button, "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->empty_import_button, "suggested-action");
      gtk_widget_add_css_class (self->empty_new_button, "suggested-action");
    }
  adw_status_page_set_icon_name (self->empty_page, empty_file ? "document-open-symbolic"
                                                              : "object-select-symbolic");
  adw_status_page_set_title (self->empty_page, empty_file ? _("Start With Your Data")
                                                          : _("Nothing Due"));
  adw_status_page_set_description (self->empty_page,
                                   empty_file
                                   ? _("The database is still empty. Import your customers "
                                       "and orders from spreadsheets (CSV files), and what "
                                       "is due shows up here. Or add a reminder of your own.")
                                   : _("Nothing is overdue or due in the next 7 days. "
                                       "Payments due, production to complete, shipments to "
                                       "arrive, cases to answer within 24 hours, follow-ups "
                                       "and birthdays appear here by themselves."));
}

static void
rebuild (GdnTodayView *self,
         const char   *now)
{
  GdnAgendaGroup focus_group = GDN_AGENDA_OVERDUE;
  int focus_index = -1;
  g_autofree char *focus_key = g_strdup (focused_key (self, &focus_group, &focus_index));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double scroll = gtk_adjustment_get_value (vadjustment);

  for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; g <= GDN_AGENDA_UPCOMING; g++)
    clear_list (list_for_group (self, g));
  for (guint i = 0, shown[3] = { 0 }, hidden[3] = { 0 }; i <= self->entries->len; i++)
    {
      GdnAgendaEntry *entry = i < self->entries->len ? g_ptr_array_index (self->entries, i)
                                                     : NULL;

      /* a file that was never cleaned up can hold thousands of overdue dates: the first
       * ones, and a row to show the rest */
      if (entry == NULL)
        {
          for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; g <= GDN_AGENDA_UPCOMING; g++)
            if (hidden[g] > 0)
              gtk_list_box_append (list_for_group (self, g),
                                   create_more_row (g, MIN (hidden[g], MORE_ROWS)));
          break;
        }
      if (shown[entry->group] >= self->limit[entry->group])
        {
          hidden[entry->group]++;
          continue;
        }
      shown[entry->group]++;
      gtk_list_box_append (list_for_group (self, entry->group),
                           create_row (self, entry, now));
    }
  gtk_adjustment_set_value (vadjustment, scroll);

  /* the focus stays on its reminder, or goes to the one that took its place */
  if (focus_key != NULL)
    {
      GtkListBoxRow *row = find_row (self, focus_key);
      GtkListBox *list = list_for_group (self, focus_group);

      for (int i = focus_index; row == NULL && i >= 0; i--)
        row = gtk_list_box_get_row_at_index (list, i);
      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
      else
        gdn_section_focus_search (GDN_SECTION (self));
    }

  if (self->entries->len == 0)
    update_empty_state (self);
  gtk_stack_set_visible_child_name (self->stack, self->entries->len > 0 ? "agenda" : "empty");
}

static void
show_entries (GdnTodayView *self,
              GPtrArray    *entries,
              const char   *now)
{
  g_autofree char *signature = NULL;

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);

  signature = make_signature (self->entries, now);
  if (g_strcmp0 (signature, self->signature) != 0)
    {
      rebuild (self, now);
      g_free (self->signature);
      self->signature = g_steal_pointer (&signature);
    }
  update_header (self, now);

  if (self->shown_now == NULL || strcmp (now, self->shown_now) > 0)
    {
      g_free (self->shown_now);
      self->shown_now = g_strdup (now);
    }
}

/* The notifications of what falls due come from this read: the agenda is read once */
static void
hand_to_notifier (GdnTodayView *self,
                  GPtrArray    *entries,
                  const char   *now)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GdnReminderNotifier *notifier;

  if (GDN_IS_WINDOW (root) &&
      (notifier = gdn_window_get_reminder_notifier (GDN_WINDOW (root))) != NULL)
    gdn_reminder_notifier_update (notifier, entries, now);
}

static void refresh (GdnTodayView *self);

static void
on_agenda_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GdnTodayView) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = gdn_agenda_list_finish (GDN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (entries == NULL)
    {
      g_warning ("Cannot read the agenda: %s", error->message);
      gtk_label_set_label (self->summary_label, error->message);
      if (self->entries == NULL)
        gtk_stack_set_visible_child_name (self->stack, "agenda");
    }
  else
    {
      show_entries (self, entries, self->loading_now);
      hand_to_notifier (self, entries, self->loading_now);
    }

  if (self->load_again)
    {
      self->load_again = FALSE;
      refresh (self);
    }
}

/* Reads the agenda again, in a worker: a file of years of orders can hold a hundred
 * thousand overdue dates, seconds of reading. A change while it is read makes it read
 * once more when done (not at once: edits in a row would never let a read finish). */
static void
refresh (GdnTodayView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL)
    return;

  if ((now = gdn_agenda_now (self->store, &error)) == NULL)
    {
      g_warning ("Cannot read the agenda: %s", error->message);
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  if (self->loading != NULL)
    {
      self->load_again = TRUE;
      return;
    }
  self->loading = g_cancellable_new ();
  g_free (self->loading_now);
  self->loading_now = g_strdup (now);
  gdn_agenda_list_async (self->store, now, self->loading, on_agenda_listed_cb,
                         g_object_ref (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  GdnTodayView *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (GdnTodayView *self)
{
  /* an import changes thousands of rows: read the agenda once, after the burst */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_LOW, refresh_idle_cb, self, NULL);
}

static gboolean
tick_cb (gpointer user_data)
{
  queue_refresh (GDN_TODAY_VIEW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
on_store_changed_cb (GdnTodayView  *self,
                     GType          type,
                     gint64         id,
                     GdnChangeKind  kind)
{
  queue_refresh (self);
}

static void
on_row_activated_cb (GdnTodayView  *self,
                     GtkListBoxRow *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "gdn-key");

  /* the "Show more" rows run their own action */
  if (key != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "today.open", "s", key);
}

static void
on_undo_done_cb (GdnTodayView *self,
                 AdwToast     *toast)
{
  GdnAgendaEntry *entry = g_object_get_data (G_OBJECT (toast), "gdn-entry");
  g_autoptr(GError) error = NULL;

  if (!gdn_agenda_reopen (self->store, entry, &error))
    show_error (self, error);
}

static void
new_reminder_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GdnTodayView *self = GDN_TODAY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = gdn_reminder_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                    self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnTodayView *self = GDN_TODAY_VIEW (widget);
  GdnAgendaEntry *entry = lookup_entry (self, g_variant_get_string (parameter, NULL));

  if (entry != NULL && entry->link != NULL)
    gtk_widget_activate_action (widget, "win.open-record", "s", entry->link);
}

/* What was done or snoozed leaves the list at once, then the agenda is read again. */
static void
take_off (GdnTodayView *self,
          const char   *key)
{
  g_autofree char *owned_key = g_strdup (key);
  g_autofree char *now = NULL;

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    if (g_str_equal (((GdnAgendaEntry *) g_ptr_array_index (self->entries, i))->key, owned_key))
      {
        g_ptr_array_remove_index (self->entries, i);
        now = g_strdup (self->shown_now);
        if (now != NULL)
          {
            g_autoptr(GPtrArray) entries = g_ptr_array_ref (self->entries);

            show_entries (self, entries, now);
          }
        break;
      }
  refresh (self);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  GdnTodayView *self = GDN_TODAY_VIEW (widget);
  GdnAgendaEntry *entry = lookup_entry (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (entry == NULL)
    return;

  /* the entry outlives the list it came from: the toast keeps it for Undo */
  gdn_agenda_entry_ref (entry);
  if (!gdn_agenda_complete (self->store, entry, NULL, &error))
    {
      show_error (self, error);
      gdn_agenda_entry_unref (entry);
      return;
    }

  toast = adw_toast_new_format (_("“%s” done"), entry->title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "gdn-entry", entry,
                          (GDestroyNotify) gdn_agenda_entry_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_done_cb), self,
                           G_CONNECT_SWAPPED);
  add_toast (self, toast);
  take_off (self, entry->key);
}

static void
snooze (GdnTodayView *self,
        const char   *key,
        int           days)
{
  GdnAgendaEntry *entry = lookup_entry (self, key);
  g_autoptr(GError) error = NULL;
  g_autofree char *now = gdn_now ();
  g_autofree char *until = NULL;
  g_autofree char *when = NULL;

  if (entry == NULL)
    return;

  /* from the clock, not the pinned time of the flags: a snooze is for the person */
  until = gdn_agenda_snooze_until (entry, now, days);
  if (!gdn_agenda_snooze (self->store, entry, until, &error))
    {
      show_error (self, error);
      return;
    }

  when = entry->all_day ? gdn_format_date (until) : gdn_format_datetime (until);
  add_toast (self, adw_toast_new_format (_("“%s” snoozed until %s"), entry->title, when));
  /* back in its new place when the agenda has been read again */
  take_off (self, entry->key);
}

static void
snooze_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  snooze (GDN_TODAY_VIEW (widget), g_variant_get_string (parameter, NULL), 1);
}

static void
snooze_week_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  snooze (GDN_TODAY_VIEW (widget), g_variant_get_string (parameter, NULL), 7);
}

/* "Show more": the next rows of the group after those shown, in place of that row; the
 * rows shown stay as they are (what was read is what there is to show) */
static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  GdnTodayView *self = GDN_TODAY_VIEW (widget);
  int group = g_variant_get_int32 (parameter);
  GtkListBox *list;
  GtkListBoxRow *more;
  GtkWidget *first_new = NULL;
  gboolean had_focus;
  guint from, index = 0, hidden = 0;

  if (group < GDN_AGENDA_OVERDUE || group > GDN_AGENDA_UPCOMING ||
      self->entries == NULL || self->shown_now == NULL)
    return;

  list = list_for_group (self, group);
  from = self->limit[group];
  self->limit[group] += MORE_ROWS;
  more = gtk_list_box_get_row_at_index (list, (int) from);
  if (more == NULL)
    return;
  had_focus = gtk_widget_has_focus (GTK_WIDGET (more));
  gtk_list_box_remove (list, GTK_WIDGET (more));

  for (guint i = 0; i < self->entries->len; i++)
    {
      GdnAgendaEntry *entry = g_ptr_array_index (self->entries, i);

      if ((int) entry->group != group)
        continue;
      if (index >= self->limit[group])
        hidden++;
      else if (index >= from)
        {
          GtkWidget *row = create_row (self, entry, self->shown_now);

          gtk_list_box_append (list, row);
          if (first_new == NULL)
            first_new = row;
        }
      index++;
    }
  if (hidden > 0)
    gtk_list_box_append (list, create_more_row (group, MIN (hidden, MORE_ROWS)));
  if (had_focus && first_new != NULL)
    gtk_widget_grab_focus (first_new);
}

static void
gdn_today_view_open_record (GdnSection *section,
                            gint64      id)
{
  /* nothing to open here: "today:0" only shows the section (from a notification) */
}

static void
gdn_today_view_new_record (GdnSection *section)
{
  gtk_widget_activate_action (GTK_WIDGET (section), "today.new-reminder", NULL);
}

static void
gdn_today_view_focus_search (GdnSection *section)
{
  GdnTodayView *self = GDN_TODAY_VIEW (section);

  /* no search here: the first reminder takes the focus */
  for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; g <= GDN_AGENDA_UPCOMING; g++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list_for_group (self, g), 0);

      if (row != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }
}

static void
gdn_today_view_section_init (GdnSectionInterface *iface)
{
  iface->open_record = gdn_today_view_open_record;
  iface->new_record = gdn_today_view_new_record;
  iface->focus_search = gdn_today_view_focus_search;
}

static void
gdn_today_view_constructed (GObject *object)
{
  GdnTodayView *self = GDN_TODAY_VIEW (object);

  G_OBJECT_CLASS (gdn_today_view_parent_class)->constructed (object);

  if (self->store != NULL)
    g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  /* a read-only database shows the reminders, but takes no new ones and marks none */
  if (self->store != NULL && gdn_database_is_read_only (gdn_store_get_database (self->store)))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.new-reminder", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.done", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.snooze-day", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.snooze-week", FALSE);
    }
  refresh (self);
  self->tick_id = g_timeout_add_seconds (60, tick_cb, self);
}

static void
gdn_today_view_dispose (GObject *object)
{
  GdnTodayView *self = GDN_TODAY_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  gtk_widget_dispose_template (GTK_WIDGET (self), GDN_TYPE_TODAY_VIEW);

  G_OBJECT_CLASS (gdn_today_view_parent_class)->dispose (object);
}

static void
gdn_today_view_finalize (GObject *object)
{
  GdnTodayView *self = GDN_TODAY_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->shown_now, g_free);
  g_clear_pointer (&self->loading_now, g_free);

  G_OBJECT_CLASS (gdn_today_view_parent_class)->finalize (object);
}

static void
gdn_today_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  GdnTodayView *self = GDN_TODAY_VIEW (object);

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
gdn_today_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  GdnTodayView *self = GDN_TODAY_VIEW (object);

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
gdn_today_view_class_init (GdnTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = gdn_today_view_constructed;
  object_class->dispose = gdn_today_view_dispose;
  object_class->finalize = gdn_today_view_finalize;
  object_class->get_property = gdn_today_view_get_property;
  object_class->set_property = gdn_today_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/gendan/Gendan/gdn-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, date_label);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, today_box);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, upcoming_box);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, overdue_heading);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, today_heading);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, upcoming_heading);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, today_list);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, empty_new_button);
  gtk_widget_class_bind_template_child (widget_class, GdnTodayView, empty_import_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "today.new-reminder", NULL,
                                   new_reminder_action);
  gtk_widget_class_install_action (widget_class, "today.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "today.done", "s", done_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-day", "s", snooze_day_action);
  gtk_widget_class_install_action (widget_class, "today.snooze-week", "s",
                                   snooze_week_action);
  gtk_widget_class_install_action (widget_class, "today.show-all", "i", show_all_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "gdntodayview");
}

static void
gdn_today_view_init (GdnTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (GdnAgendaGroup g = GDN_AGENDA_OVERDUE; g <= GDN_AGENDA_UPCOMING; g++)
    self->limit[g] = MAX_ROWS;
}

/**
 * gdn_today_view_new:
 * @store: where the reminders and the records they come from are
 */
GtkWidget *
gdn_today_view_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_TODAY_VIEW, "store", store, NULL);
}

/**
 * gdn_today_view_refresh:
 *
 * Reads the agenda again at once (it also does by itself, on changes and every minute).
 */
void
gdn_today_view_refresh (GdnTodayView *self)
{
  g_return_if_fail (GDN_IS_TODAY_VIEW (self));
  refresh (self);
}

/**
 * gdn_today_view_get_entries:
 *
 * Returns: (transfer none) (element-type GdnAgendaEntry): what the view shows
 */
GPtrArray *
gdn_today_view_get_entries (GdnTodayView *self)
{
  g_return_val_if_fail (GDN_IS_TODAY_VIEW (self), NULL);
  return self->entries;
}

/**
 * gdn_today_view_is_loading:
 *
 * Returns: whether the agenda is being read (what the view shows may change when done)
 */
gboolean
gdn_today_view_is_loading (GdnTodayView *self)
{
  g_return_val_if_fail (GDN_IS_TODAY_VIEW (self), FALSE);
  return self->loading != NULL || self->refresh_id != 0;
}

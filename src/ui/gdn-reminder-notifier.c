/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-reminder-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gdn-agenda.h"
#include "gdn-enums.h"
#include "gdn-reminder-notifier.h"

/* Sends a desktop notification for each reminder that falls due while the app runs
 * (nothing at start: the Today section shows what is already due). It looks once a
 * minute; while the Today section is shown it is handed that section's reads instead
 * (gdn_reminder_notifier_update()), so that a file of years of orders is not read twice. */

#define MAX_SINGLE_NOTIFICATIONS 3
#define TICK_SECONDS 60

struct _GdnReminderNotifier
{
  GObject       parent_instance;

  GdnStore     *store;
  char         *notified_until;   /* reminders due up to this time were notified */
  guint         tick_id;
  GCancellable *loading;          /* the agenda being read in a worker, or NULL */
  char         *loading_now;      /* the time it is read for */
  gboolean      updated;          /* handed a read since the last tick */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (GdnReminderNotifier, gdn_reminder_notifier, G_TYPE_OBJECT)

static const struct
{
  const char *kind;
  const char *icon;
} kind_icons[] = {
  { "payment_due", "gdn-payment-symbolic" },
  { "production", "emblem-system-symbolic" },
  { "eta", "gdn-shipments-symbolic" },
  { "case_response", "gdn-cases-symbolic" },
  { "follow_up", "call-outgoing-symbolic" },
  { "birthday", "gdn-birthday-symbolic" },
};

static void
send_notifications (GPtrArray *due)
{
  GApplication *app = g_application_get_default ();

  if (app == NULL || due->len == 0)
    return;

  if (due->len <= MAX_SINGLE_NOTIFICATIONS)
    for (guint i = 0; i < due->len; i++)
      {
        GdnAgendaEntry *entry = g_ptr_array_index (due, i);
        g_autoptr(GNotification) notification = g_notification_new (entry->title);
        g_autoptr(GIcon) icon = g_themed_icon_new (gdn_reminder_kind_icon_name (entry->kind));
        g_autofree char *id = g_strdup_printf ("gdn-reminder-%s", entry->key);
        const char *kind_label = gdn_enum_label (&gdn_enum_reminder_kind, entry->kind);
        g_autofree char *body = NULL;

        body = entry->detail && *entry->detail
               ? g_strdup_printf ("%s · %s", kind_label, entry->detail)
               : g_strdup (kind_label);
        g_notification_set_body (notification, body);
        g_notification_set_icon (notification, icon);
        if (g_str_equal (entry->kind, "case_response"))
          g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
        g_notification_set_default_action_and_target (notification, "app.open-record", "s",
                                                      entry->link ? entry->link : "today");
        g_application_send_notification (app, id, notification);
      }
  else
    {
      g_autofree char *title = NULL;
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GNotification) notification = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u reminder is due",
                                            "%u reminders are due", due->len), due->len);
      notification = g_notification_new (title);
      for (guint i = 0; i < due->len && i < MAX_SINGLE_NOTIFICATIONS; i++)
        g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "",
                                ((GdnAgendaEntry *) g_ptr_array_index (due, i))->title);
      if (due->len > MAX_SINGLE_NOTIFICATIONS)
        g_string_append (body, "\n…");
      g_notification_set_body (notification, body->str);
      g_notification_set_default_action_and_target (notification, "app.open-record", "s",
                                                    "today");
      g_application_send_notification (app, "gdn-reminders", notification);
    }
}

/* What fell due since the last look, as the agenda read at @now says */
static void
notify_due (GdnReminderNotifier *self,
            GPtrArray           *entries,
            const char          *now)
{
  if (self->notified_until != NULL && strcmp (now, self->notified_until) <= 0)
    return;   /* a read older than one already looked at */

  if (self->notified_until != NULL)
    {
      g_autoptr(GPtrArray) due = gdn_agenda_falling_due (entries, self->notified_until, now);

      send_notifications (due);
    }
  g_free (self->notified_until);
  self->notified_until = g_strdup (now);
}

static void
on_agenda_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GdnReminderNotifier) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = gdn_agenda_list_finish (GDN_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (entries == NULL)
    g_warning ("Cannot read the agenda: %s", error->message);
  else
    notify_due (self, entries, self->loading_now);
}

static gboolean
tick_cb (gpointer user_data)
{
  GdnReminderNotifier *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;

  /* the Today section read the agenda meanwhile */
  if (self->updated)
    {
      self->updated = FALSE;
      return G_SOURCE_CONTINUE;
    }
  if (self->loading != NULL)
    return G_SOURCE_CONTINUE;

  if ((now = gdn_agenda_now (self->store, &error)) == NULL)
    {
      g_warning ("Cannot read the agenda: %s", error->message);
      return G_SOURCE_CONTINUE;
    }
  self->loading = g_cancellable_new ();
  g_free (self->loading_now);
  self->loading_now = g_steal_pointer (&now);
  gdn_agenda_list_async (self->store, self->loading_now, self->loading, on_agenda_listed_cb,
                         g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

static void
gdn_reminder_notifier_constructed (GObject *object)
{
  GdnReminderNotifier *self = GDN_REMINDER_NOTIFIER (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (gdn_reminder_notifier_parent_class)->constructed (object);

  /* what is due already is no news: from now on (else from the first read) */
  self->notified_until = gdn_agenda_now (self->store, &error);
  if (self->notified_until == NULL)
    g_warning ("Cannot read the agenda: %s", error->message);
  self->tick_id = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);
}

static void
gdn_reminder_notifier_dispose (GObject *object)
{
  GdnReminderNotifier *self = GDN_REMINDER_NOTIFIER (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (gdn_reminder_notifier_parent_class)->dispose (object);
}

static void
gdn_reminder_notifier_finalize (GObject *object)
{
  GdnReminderNotifier *self = GDN_REMINDER_NOTIFIER (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->notified_until, g_free);
  g_clear_pointer (&self->loading_now, g_free);

  G_OBJECT_CLASS (gdn_reminder_notifier_parent_class)->finalize (object);
}

static void
gdn_reminder_notifier_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  GdnReminderNotifier *self = GDN_REMINDER_NOTIFIER (object);

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
gdn_reminder_notifier_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  GdnReminderNotifier *self = GDN_REMINDER_NOTIFIER (object);

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
gdn_reminder_notifier_class_init (GdnReminderNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gdn_reminder_notifier_constructed;
  object_class->dispose = gdn_reminder_notifier_dispose;
  object_class->finalize = gdn_reminder_notifier_finalize;
  object_class->get_property = gdn_reminder_notifier_get_property;
  object_class->set_property = gdn_reminder_notifier_set_property;

  /**
   * GdnReminderNotifier:store:
   *
   * Where the reminders and the records they come from are.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GDN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gdn_reminder_notifier_init (GdnReminderNotifier *self)
{
}

/**
 * gdn_reminder_notifier_new:
 * @store: where the reminders and the records they come from are
 *
 * Starts looking for reminders falling due, once a minute.
 */
GdnReminderNotifier *
gdn_reminder_notifier_new (GdnStore *store)
{
  g_return_val_if_fail (GDN_IS_STORE (store), NULL);

  return g_object_new (GDN_TYPE_REMINDER_NOTIFIER, "store", store, NULL);
}

/**
 * gdn_reminder_notifier_update:
 * @entries: (element-type GdnAgendaEntry): the agenda, as gdn_agenda_list() read it
 * @now: the time it was read for, 'YYYY-MM-DD HH:MM:SS'
 *
 * Notifies what fell due since the last look, from an agenda read elsewhere (by the Today
 * section); the next look of its own is skipped.
 */
void
gdn_reminder_notifier_update (GdnReminderNotifier *self,
                              GPtrArray           *entries,
                              const char          *now)
{
  g_return_if_fail (GDN_IS_REMINDER_NOTIFIER (self));
  g_return_if_fail (entries != NULL && now != NULL);

  self->updated = TRUE;
  notify_due (self, entries, now);
}

/**
 * gdn_reminder_notifier_get_notified_until:
 *
 * Returns: (nullable): 'YYYY-MM-DD HH:MM:SS': the reminders due up to this time were
 *   notified, or were due when the app started
 */
const char *
gdn_reminder_notifier_get_notified_until (GdnReminderNotifier *self)
{
  g_return_val_if_fail (GDN_IS_REMINDER_NOTIFIER (self), NULL);
  return self->notified_until;
}

/**
 * gdn_reminder_kind_icon_name:
 * @kind: a reminder's kind ("payment_due", "eta" …)
 *
 * Returns: the icon of reminders of @kind, in the agenda and in their notifications
 */
const char *
gdn_reminder_kind_icon_name (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_icons); i++)
    if (g_strcmp0 (kind_icons[i].kind, kind) == 0)
      return kind_icons[i].icon;
  return "alarm-symbolic";
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_REMINDER_NOTIFIER (gdn_reminder_notifier_get_type ())
G_DECLARE_FINAL_TYPE (GdnReminderNotifier, gdn_reminder_notifier, GDN, REMINDER_NOTIFIER,
                      GObject)

GdnReminderNotifier *gdn_reminder_notifier_new        (GdnStore            *store);
void                 gdn_reminder_notifier_update     (GdnReminderNotifier *self,
                                                       GPtrArray           *entries,
                                                       const char          *now);
const char          *gdn_reminder_notifier_get_notified_until (GdnReminderNotifier *self);

const char          *gdn_reminder_kind_icon_name      (const char          *kind);

G_END_DECLS

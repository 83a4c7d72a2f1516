/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gdn-flags.h"
#include "gdn-reminder-notifier.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_WINDOW (gdn_window_get_type ())
G_DECLARE_FINAL_TYPE (GdnWindow, gdn_window, GDN, WINDOW, AdwApplicationWindow)

GdnWindow   *gdn_window_new          (GtkApplication *application,
                                      GdnStore       *store);
GdnStore    *gdn_window_get_store    (GdnWindow      *self);
GdnReminderNotifier *gdn_window_get_reminder_notifier (GdnWindow *self);
const char  *gdn_window_get_section  (GdnWindow      *self);
void         gdn_window_set_section  (GdnWindow      *self,
                                      const char     *section);
void         gdn_window_add_toast    (GdnWindow      *self,
                                      AdwToast       *toast);
void         gdn_window_add_banner   (GdnWindow      *self,
                                      GtkWidget      *banner);
void         gdn_window_set_section_view (GdnWindow  *self,
                                          const char *section,
                                          GtkWidget  *view);
void         gdn_window_show_undo    (GdnWindow      *self,
                                      GdnRecord      *record,
                                      const char     *message);
void         gdn_window_show_filtered (GdnWindow          *self,
                                       const char         *section,
                                       const char         *description,
                                       const char * const *fields,
                                       const char * const *values,
                                       GdnFlags            flags);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_REMINDER (gdn_reminder_get_type ())
G_DECLARE_FINAL_TYPE (GdnReminder, gdn_reminder, GDN, REMINDER, GdnRecord)

GdnReminder *gdn_reminder_new (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-record.h"

G_BEGIN_DECLS

#define GDN_TYPE_SURVEY (gdn_survey_get_type ())
G_DECLARE_FINAL_TYPE (GdnSurvey, gdn_survey, GDN, SURVEY, GdnRecord)

GdnSurvey *gdn_survey_new (void);

G_END_DECLS

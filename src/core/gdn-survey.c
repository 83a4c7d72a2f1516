/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-survey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-survey.h"

struct _GdnSurvey
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnSurvey, gdn_survey, GDN_TYPE_RECORD)

static const GdnField survey_fields[] = {
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "order_id", GDN_FIELD_REF, 0, N_("Order"), NULL, "orders", NULL },
  { "case_id", GDN_FIELD_REF, 0, N_("Case"), NULL, "cases", NULL },
  { "date", GDN_FIELD_DATE, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Date"), NULL, NULL, NULL },
  { "overall", GDN_FIELD_INT, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Overall score"), NULL, NULL, NULL, 1.0, 5.0 },
  { "accuracy", GDN_FIELD_INT, 0, N_("Accuracy"), NULL, NULL, NULL, 1.0, 5.0 },
  { "responsiveness", GDN_FIELD_INT, 0, N_("Response speed"), NULL, NULL, NULL, 1.0, 5.0 },
  { "resolution", GDN_FIELD_INT, 0, N_("Problem solving"), NULL, NULL, NULL, 1.0, 5.0 },
  { "attitude", GDN_FIELD_INT, 0, N_("Service attitude"), NULL, NULL, NULL, 1.0, 5.0 },
  { "quality", GDN_FIELD_INT, 0, N_("Product quality"), NULL, NULL, NULL, 1.0, 5.0 },
  { "recommend", GDN_FIELD_INT, 0, N_("Willingness to recommend"), NULL, NULL, NULL, 0.0, 10.0 },
  { "comment", GDN_FIELD_TEXT, 0, N_("Comment"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "SELECT c.code FROM customers c WHERE c.id = t.customer_id" },
  { "order_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Order number"), NULL, NULL, "SELECT o.order_no FROM orders o WHERE o.id = t.order_id" },
  { "case_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED, N_("Case number"), NULL, NULL, "SELECT k.case_no FROM cases k WHERE k.id = t.case_id" },
};

static void
gdn_survey_class_init (GdnSurveyClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "surveys", survey_fields,
                              G_N_ELEMENTS (survey_fields), FALSE);
}

static void
gdn_survey_init (GdnSurvey *self)
{
}

GdnSurvey *
gdn_survey_new (void)
{
  return g_object_new (GDN_TYPE_SURVEY, NULL);
}

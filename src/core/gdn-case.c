/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-case.h"
#include "gdn-flags.h"
#include "gdn-validation-error.h"

struct _GdnCase
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnCase, gdn_case, GDN_TYPE_RECORD)

static const GdnField case_fields[] = {
  { "case_no", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED | GDN_FIELD_SEARCH | GDN_FIELD_SORTABLE, N_("Case number"), NULL, NULL, NULL },
  { "customer_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Customer"), NULL, "customers", NULL },
  { "order_id", GDN_FIELD_REF, 0, N_("Order"), NULL, "orders", NULL },
  { "type", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Case type"), &gdn_enum_case_type, NULL, NULL },
  { "category", GDN_FIELD_ENUM, GDN_FIELD_SORTABLE, N_("Complaint category"), &gdn_enum_complaint_category, NULL, NULL },
  { "priority", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Priority"), &gdn_enum_case_priority, NULL, NULL },
  { "status", GDN_FIELD_ENUM, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Status"), &gdn_enum_case_status, NULL, NULL },
  { "opened_at", GDN_FIELD_DATETIME, GDN_FIELD_REQUIRED | GDN_FIELD_SORTABLE, N_("Opened"), NULL, NULL, NULL },
  { "first_response_at", GDN_FIELD_DATETIME, GDN_FIELD_SORTABLE, N_("First response"), NULL, NULL, NULL },
  { "resolved_at", GDN_FIELD_DATETIME, GDN_FIELD_SORTABLE, N_("Resolved"), NULL, NULL, NULL },
  { "closed_at", GDN_FIELD_DATETIME, GDN_FIELD_SORTABLE, N_("Closed"), NULL, NULL, NULL },
  { "subject", GDN_FIELD_TEXT, GDN_FIELD_SEARCH, N_("Subject"), NULL, NULL, NULL },
  { "description", GDN_FIELD_TEXT, 0, N_("Description"), NULL, NULL, NULL },
  { "resolution", GDN_FIELD_TEXT, 0, N_("Resolution"), NULL, NULL, NULL },
  { "satisfaction", GDN_FIELD_INT, 0, N_("Satisfaction"), NULL, NULL, NULL, 1.0, 5.0 },
  { "owner", GDN_FIELD_TEXT, GDN_FIELD_SORTABLE, N_("Owner"), NULL, NULL, NULL },
  { "customer_code", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer code"), NULL, NULL, "t.customer_code" },
  { "customer_name", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Customer name"), NULL, NULL, "t.customer_name" },
  { "order_no", GDN_FIELD_TEXT, GDN_FIELD_DERIVED | GDN_FIELD_SORTABLE, N_("Order number"), NULL, NULL, "t.order_no" },
  /* the warning flags of DESIGN.md as a GdnFlags bitmask */
  { "flags", GDN_FIELD_INT, GDN_FIELD_DERIVED, N_("Flags"), NULL, NULL, GDN_FLAGS_CASE_SQL },
};

/* The 24-hour response rate is measured from these two times. */
static gboolean
case_validate (GdnRecord  *record,
               GError    **error)
{
  const char *opened = gdn_record_get_string (record, "opened_at");
  const char *first = gdn_record_get_string (record, "first_response_at");

  if (opened != NULL && first != NULL && g_strcmp0 (first, opened) < 0)
    {
      gdn_set_validation_error (error, GDN_VALIDATION_ERROR_INVALID, "first_response_at",
                                _("First response: %s is before the case was opened (%s)"),
                                first, opened);
      return FALSE;
    }
  return TRUE;
}

static void
gdn_case_class_init (GdnCaseClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "cases", case_fields,
                              G_N_ELEMENTS (case_fields), FALSE);
  record_class->search_expr = "cases.case_no || ' ' || ifnull(cases.subject, '') || ' ' || ifnull((SELECT c.code || ' ' || c.name FROM customers c WHERE c.id = cases.customer_id), '') || ' ' || ifnull((SELECT o.order_no FROM orders o WHERE o.id = cases.order_id), '')";
  record_class->validate = case_validate;
}

static void
gdn_case_init (GdnCase *self)
{
}

GdnCase *
gdn_case_new (void)
{
  return g_object_new (GDN_TYPE_CASE, NULL);
}

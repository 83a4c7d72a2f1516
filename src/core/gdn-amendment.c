/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-amendment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-amendment.h"

struct _GdnAmendment
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnAmendment, gdn_amendment, GDN_TYPE_RECORD)

static const GdnField amendment_fields[] = {
  { "contract_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Contract"), NULL, "contracts", NULL },
  { "at", GDN_FIELD_DATETIME, GDN_FIELD_REQUIRED, N_("Time"), NULL, NULL, NULL },
  { "summary", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED, N_("Change"), NULL, NULL, NULL },
  { "amount_change", GDN_FIELD_REAL, GDN_FIELD_MONEY, N_("Amount change"), NULL, NULL, NULL },
  { "who", GDN_FIELD_TEXT, 0, N_("By"), NULL, NULL, NULL },
};

static void
gdn_amendment_class_init (GdnAmendmentClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "contract_amendments", amendment_fields,
                              G_N_ELEMENTS (amendment_fields), FALSE);
}

static void
gdn_amendment_init (GdnAmendment *self)
{
}

GdnAmendment *
gdn_amendment_new (void)
{
  return g_object_new (GDN_TYPE_AMENDMENT, NULL);
}

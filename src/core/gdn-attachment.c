/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-attachment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "gdn-attachment.h"

struct _GdnAttachment
{
  GdnRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (GdnAttachment, gdn_attachment, GDN_TYPE_RECORD)

static const GdnField attachment_fields[] = {
  { "contract_id", GDN_FIELD_REF, GDN_FIELD_REQUIRED, N_("Contract"), NULL, "contracts", NULL },
  { "file_name", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED, N_("File name"), NULL, NULL, NULL },
  { "stored_name", GDN_FIELD_TEXT, GDN_FIELD_REQUIRED, N_("Stored file"), NULL, NULL, NULL },
  { "size", GDN_FIELD_INT, 0, N_("Size"), NULL, NULL, NULL },
  { "content_type", GDN_FIELD_TEXT, 0, N_("Content type"), NULL, NULL, NULL },
};

static void
gdn_attachment_class_init (GdnAttachmentClass *klass)
{
  GdnRecordClass *record_class = GDN_RECORD_CLASS (klass);

  gdn_record_class_set_table (record_class, "attachments", attachment_fields,
                              G_N_ELEMENTS (attachment_fields), FALSE);
}

static void
gdn_attachment_init (GdnAttachment *self)
{
}

GdnAttachment *
gdn_attachment_new (void)
{
  return g_object_new (GDN_TYPE_ATTACHMENT, NULL);
}

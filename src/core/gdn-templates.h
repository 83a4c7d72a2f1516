/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gdn-order.h"
#include "gdn-store.h"

G_BEGIN_DECLS

typedef enum
{
  GDN_TEMPLATE_CONFIRMATION,
  GDN_TEMPLATE_PRODUCTION_UPDATE,
  GDN_TEMPLATE_SHIPPED,
  GDN_TEMPLATE_DELIVERED,
  GDN_TEMPLATE_CASE_REPLY,
  GDN_TEMPLATE_N_KINDS
} GdnTemplateKind;

/* A message filled from an order: who it goes to and what it says. */
typedef struct
{
  GdnTemplateKind  kind;
  char            *subject;
  char            *body;
  char            *to;           /* nullable: the contact's (or customer's) e-mail */
  gint64           customer_id;
  gint64           contact_id;   /* 0 when the customer has no contact */
} GdnMessage;

const char      *gdn_template_kind_label       (GdnTemplateKind   kind);
GdnTemplateKind  gdn_template_kind_for_status  (const char       *status);
const char      *gdn_template_get_subject      (GdnTemplateKind   kind);
const char      *gdn_template_get_body         (GdnTemplateKind   kind);

char            *gdn_template_expand           (const char       *text,
                                                GHashTable       *values);
GHashTable      *gdn_template_collect_values   (GdnStore         *store,
                                                GdnOrder         *order,
                                                GError          **error);
GdnRecord       *gdn_template_find_contact     (GdnStore         *store,
                                                gint64            customer_id,
                                                GError          **error);
GdnMessage      *gdn_template_fill             (GdnStore         *store,
                                                GdnOrder         *order,
                                                GdnTemplateKind   kind,
                                                GError          **error);
char            *gdn_message_to_mailto         (const GdnMessage *message);
void             gdn_message_free              (GdnMessage       *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdnMessage, gdn_message_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-section"

#include "config.h"

#include "gdn-section.h"

G_DEFINE_INTERFACE (GdnSection, gdn_section, GTK_TYPE_WIDGET)

static void
gdn_section_default_init (GdnSectionInterface *iface)
{
}

/**
 * gdn_section_open_record:
 * @id: a record of the section's kind
 *
 * Shows the page of record @id.
 */
void
gdn_section_open_record (GdnSection *self,
                         gint64      id)
{
  GdnSectionInterface *iface;

  g_return_if_fail (GDN_IS_SECTION (self));

  iface = GDN_SECTION_GET_IFACE (self);
  if (iface->open_record != NULL)
    iface->open_record (self, id);
}

/**
 * gdn_section_new_record:
 *
 * Starts a new record of the section's kind (Ctrl+N).
 */
void
gdn_section_new_record (GdnSection *self)
{
  GdnSectionInterface *iface;

  g_return_if_fail (GDN_IS_SECTION (self));

  iface = GDN_SECTION_GET_IFACE (self);
  if (iface->new_record != NULL)
    iface->new_record (self);
}

/**
 * gdn_section_focus_search:
 *
 * Moves the focus to the section's search field (Ctrl+F).
 */
void
gdn_section_focus_search (GdnSection *self)
{
  GdnSectionInterface *iface;

  g_return_if_fail (GDN_IS_SECTION (self));

  iface = GDN_SECTION_GET_IFACE (self);
  if (iface->focus_search != NULL)
    iface->focus_search (self);
}

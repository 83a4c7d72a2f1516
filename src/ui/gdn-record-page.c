/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record-page"

#include "config.h"

#include "gdn-record-page.h"

G_DEFINE_INTERFACE (GdnRecordPage, gdn_record_page, GTK_TYPE_WIDGET)

static void
gdn_record_page_default_init (GdnRecordPageInterface *iface)
{
}

/**
 * gdn_record_page_load:
 * @id: the record to show
 *
 * Returns: whether the record could be read and is now shown
 */
gboolean
gdn_record_page_load (GdnRecordPage  *self,
                      gint64          id,
                      GError        **error)
{
  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return GDN_RECORD_PAGE_GET_IFACE (self)->load (self, id, error);
}

/**
 * gdn_record_page_new_record:
 *
 * Empties the page for a record not yet written.
 */
void
gdn_record_page_new_record (GdnRecordPage *self)
{
  g_return_if_fail (GDN_IS_RECORD_PAGE (self));

  GDN_RECORD_PAGE_GET_IFACE (self)->new_record (self);
}

/**
 * gdn_record_page_get_record_id:
 *
 * Returns: the id of the record shown, or 0 for none or a record not yet written
 */
gint64
gdn_record_page_get_record_id (GdnRecordPage *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), 0);

  return GDN_RECORD_PAGE_GET_IFACE (self)->get_record_id (self);
}

/**
 * gdn_record_page_focus:
 *
 * Puts the keyboard focus where work on the record starts, once the page is shown.
 */
void
gdn_record_page_focus (GdnRecordPage *self)
{
  GdnRecordPageInterface *iface;

  g_return_if_fail (GDN_IS_RECORD_PAGE (self));

  iface = GDN_RECORD_PAGE_GET_IFACE (self);
  if (iface->focus != NULL)
    iface->focus (self);
}

/**
 * gdn_record_page_get_modified:
 *
 * Returns: whether the page holds changes not yet saved (never, for pages that save
 *   every change at once)
 */
gboolean
gdn_record_page_get_modified (GdnRecordPage *self)
{
  GdnRecordPageInterface *iface;

  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), FALSE);

  iface = GDN_RECORD_PAGE_GET_IFACE (self);
  return iface->get_modified != NULL && iface->get_modified (self);
}

/**
 * gdn_record_page_get_title:
 *
 * Returns: (nullable): the name of the record shown, for questions about it
 */
const char *
gdn_record_page_get_title (GdnRecordPage *self)
{
  GdnRecordPageInterface *iface;

  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), NULL);

  iface = GDN_RECORD_PAGE_GET_IFACE (self);
  return iface->get_title != NULL ? iface->get_title (self) : NULL;
}

/**
 * gdn_record_page_save:
 *
 * Returns: whether the changes were written (TRUE when there is nothing to write)
 */
gboolean
gdn_record_page_save (GdnRecordPage *self)
{
  GdnRecordPageInterface *iface;

  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), FALSE);

  iface = GDN_RECORD_PAGE_GET_IFACE (self);
  return iface->save == NULL || iface->save (self);
}

/**
 * gdn_record_page_can_request_close:
 *
 * Returns: whether the page asks about its unsaved changes itself (see
 *   gdn_record_page_request_close()); if not, the view asks
 */
gboolean
gdn_record_page_can_request_close (GdnRecordPage *self)
{
  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), FALSE);

  return GDN_RECORD_PAGE_GET_IFACE (self)->request_close != NULL;
}

/**
 * gdn_record_page_request_close:
 *
 * Asks the page to let go of its record, asking about unsaved changes first. The page
 * then emits "closed", or "close-cancelled" when the person chooses to stay.
 */
void
gdn_record_page_request_close (GdnRecordPage *self)
{
  GdnRecordPageInterface *iface;

  g_return_if_fail (GDN_IS_RECORD_PAGE (self));

  iface = GDN_RECORD_PAGE_GET_IFACE (self);
  g_return_if_fail (iface->request_close != NULL);
  iface->request_close (self);
}

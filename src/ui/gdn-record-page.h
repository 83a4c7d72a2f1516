/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gdn-record.h"
#include "gdn-store.h"

G_BEGIN_DECLS

#define GDN_TYPE_RECORD_PAGE (gdn_record_page_get_type ())
G_DECLARE_INTERFACE (GdnRecordPage, gdn_record_page, GDN, RECORD_PAGE, GtkWidget)

/* What a GdnSectionView asks of the page that shows one record of its section.
 *
 * The pages keep their own signals, which the view connects to when a page has them:
 * "closed" (the person went back to the list), "close-cancelled" (after request_close,
 * the person chose to stay), "saved" (gint64 id) and "deleted". */
struct _GdnRecordPageInterface
{
  GTypeInterface parent_iface;

  gboolean    (*load)          (GdnRecordPage  *self,
                                gint64          id,
                                GError        **error);
  void        (*new_record)    (GdnRecordPage  *self);
  gint64      (*get_record_id) (GdnRecordPage  *self);

  /* optional */
  void        (*focus)         (GdnRecordPage  *self);
  gboolean    (*get_modified)  (GdnRecordPage  *self);
  const char *(*get_title)     (GdnRecordPage  *self);
  gboolean    (*save)          (GdnRecordPage  *self);
  void        (*request_close) (GdnRecordPage  *self);
};

gboolean    gdn_record_page_load             (GdnRecordPage  *self,
                                              gint64          id,
                                              GError        **error);
void        gdn_record_page_new_record       (GdnRecordPage  *self);
gint64      gdn_record_page_get_record_id    (GdnRecordPage  *self);
void        gdn_record_page_focus            (GdnRecordPage  *self);
gboolean    gdn_record_page_get_modified     (GdnRecordPage  *self);
const char *gdn_record_page_get_title        (GdnRecordPage  *self);
gboolean    gdn_record_page_save             (GdnRecordPage  *self);
gboolean    gdn_record_page_can_request_close (GdnRecordPage *self);
void        gdn_record_page_request_close    (GdnRecordPage  *self);

/* Helpers for the pages themselves. @discard puts the page's edits aside (e.g. clears
 * its dirty state); both emit the page's "closed" signal after it. */
typedef void (*GdnRecordPageDiscardFunc) (GdnRecordPage *self);

void        gdn_record_page_confirm_discard  (GdnRecordPage            *self,
                                              gboolean                  modified,
                                              const char               *body,
                                              GdnRecordPageDiscardFunc  discard);
/* Saves the page's edits again; returns whether they were written */
typedef gboolean (*GdnRecordPageSaveFunc) (GdnRecordPage *self);

void        gdn_record_page_ask_conflict     (GdnRecordPage            *self,
                                              const GError             *error,
                                              GdnRecordPageSaveFunc     overwrite);
gboolean    gdn_record_page_trash            (GdnRecordPage            *self,
                                              GdnStore                 *store,
                                              GdnRecord                *record,
                                              const char               *message,
                                              GdnRecordPageDiscardFunc  discard,
                                              GError                  **error);

G_END_DECLS

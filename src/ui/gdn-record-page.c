/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "gdn-record-page.h"
#include "gdn-window.h"

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

typedef struct
{
  GdnRecordPageDiscardFunc discard;
} DiscardData;

static void
discard_and_close (GdnRecordPage            *self,
                   GdnRecordPageDiscardFunc  discard)
{
  if (discard != NULL)
    discard (self);
  g_signal_emit_by_name (self, "closed");
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GdnRecordPage    *self)
{
  DiscardData *data = g_object_get_data (G_OBJECT (dialog), "gdn-discard-data");

  if (g_strcmp0 (response, "discard") == 0)
    discard_and_close (self, data != NULL ? data->discard : NULL);
}

/**
 * gdn_record_page_confirm_discard:
 * @modified: whether the page holds unsaved changes
 * @body: the dialog's body, naming what would be lost
 * @discard: (nullable): called before "closed" when the person discards the changes
 *
 * Goes back to the list: at once without unsaved changes (or without a window to ask
 * in), else after asking whether to discard them. Emits the page's "closed" signal.
 */
void
gdn_record_page_confirm_discard (GdnRecordPage            *self,
                                 gboolean                  modified,
                                 const char               *body,
                                 GdnRecordPageDiscardFunc  discard)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;
  DiscardData *data;

  g_return_if_fail (GDN_IS_RECORD_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!modified || !GTK_IS_WINDOW (root))
    {
      g_signal_emit_by_name (self, "closed");
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (root),
                                                       _("Discard Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data = g_new0 (DiscardData, 1);
  data->discard = discard;
  g_object_set_data_full (G_OBJECT (dialog), "gdn-discard-data", data, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * gdn_record_page_trash:
 * @store: the store holding @record
 * @record: the record shown, to move to the trash
 * @message: the text of the undo toast
 * @discard: (nullable): called before "closed" once the record is in the trash
 *
 * Moves @record to the trash, offers to undo that in the page's window and emits the
 * page's "closed" signal.
 *
 * Returns: whether the record was moved to the trash; if not, nothing else happened
 */
gboolean
gdn_record_page_trash (GdnRecordPage            *self,
                       GdnStore                 *store,
                       GdnRecord                *record,
                       const char               *message,
                       GdnRecordPageDiscardFunc  discard,
                       GError                  **error)
{
  g_autoptr(GdnRecord) held = NULL;
  GtkRoot *root;

  g_return_val_if_fail (GDN_IS_RECORD_PAGE (self), FALSE);
  g_return_val_if_fail (GDN_IS_STORE (store), FALSE);
  g_return_val_if_fail (GDN_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  held = g_object_ref (record);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!gdn_store_delete (store, held, error))
    return FALSE;
  if (GDN_IS_WINDOW (root))
    gdn_window_show_undo (GDN_WINDOW (root), held, message);
  discard_and_close (self, discard);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gdn-record-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "gdn-record-page.h"
#include "gdn-window.h"

G_DEFINE_INTERFACE (GdnRecordPage, gdn_record_page, GTK_TYPE_WIDGET)

static void
gdn_record_page_default_init (GdnRecordPageInterface *iface)
{
}

/* The actions of the pages that write, by the last part of their name ("order.save") */
static const char * const editing_actions[] = {
  "save", "delete", "step", "change-status", "new-case", "amend", "approve", "reject",
  "attach", "unlink", "add-contact", "add-entry", NULL
};

/* On a read-only database the page shows the record, but its writing actions are off. */
static void
disable_editing_if_read_only (GdnRecordPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GDN_TYPE_WINDOW);
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (self);
  const char *name = NULL;
  const GVariantType *parameter_type = NULL;
  const char *property_name = NULL;
  GType owner;
  GdnStore *store;

  if (window == NULL)
    return;
  store = gdn_window_get_store (GDN_WINDOW (window));
  if (store == NULL || !gdn_database_is_read_only (gdn_store_get_database (store)))
    return;

  /* GTK 4.8 writes every out argument: none may be NULL */
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type,
                                                   &property_name); i++)
    {
      const char *dot = strrchr (name, '.');

      if (dot != NULL && g_strv_contains (editing_actions, dot + 1))
        gtk_widget_action_set_enabled (GTK_WIDGET (self), name, FALSE);
    }
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

  if (!GDN_RECORD_PAGE_GET_IFACE (self)->load (self, id, error))
    return FALSE;
  disable_editing_if_read_only (self);
  return TRUE;
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
  disable_editing_if_read_only (self);
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

static void
on_conflict_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         GdnRecordPage    *self)
{
  GdnRecordPageSaveFunc overwrite = g_object_get_data (G_OBJECT (dialog), "gdn-overwrite");

  if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr(GError) error = NULL;
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GDN_TYPE_WINDOW);

      if (!gdn_record_page_load (self, gdn_record_page_get_record_id (self), &error) &&
          window != NULL)
        gdn_window_add_toast (GDN_WINDOW (window), adw_toast_new (error->message));
    }
  else if (g_strcmp0 (response, "overwrite") == 0)
    overwrite (self);
}

/**
 * gdn_record_page_ask_conflict:
 * @error: the %GDN_DATABASE_ERROR_CONFLICT of the refused save
 * @overwrite: saves the page's edits again, over the other change (the page has reloaded
 *   the record's version after the refusal)
 *
 * The record was changed elsewhere (another window, gendan-cli, another person) since the
 * page read it: asks whether to reload it (the page's edits are dropped), overwrite the
 * other change with the page's edits, or cancel (the edits stay in the page, unsaved).
 * Never decides for the person.
 */
void
gdn_record_page_ask_conflict (GdnRecordPage         *self,
                              const GError          *error,
                              GdnRecordPageSaveFunc  overwrite)
{
  GtkRoot *root;
  AdwMessageDialog *dialog;

  g_return_if_fail (GDN_IS_RECORD_PAGE (self));
  g_return_if_fail (overwrite != NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Changed Elsewhere"), NULL));
  adw_message_dialog_format_body (dialog, _("%s\n\nReload it to see the other change (what "
                                            "you typed here is dropped), or overwrite the "
                                            "other change with yours."),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "reload");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "gdn-overwrite", overwrite);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

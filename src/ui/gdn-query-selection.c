/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gdn-query-selection.h"

/* When a change covers the selected row, GtkSingleSelection looks for its item among all
 * the rows the change adds: over a query, a read of every record a new search or sort
 * finds (a million of them without a search). The records of a new query are new objects,
 * so the item is never found; the selection is cleared before the selection sees the
 * change instead. A change of one row (a record edited in place) keeps it. */
static void
on_items_changed_cb (GListModel         *model,
                     guint               position,
                     guint               removed,
                     guint               added,
                     GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (added <= 1 || selected == GTK_INVALID_LIST_POSITION ||
      selected < position || selected - position >= removed)
    return;
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
}

/* A selection over @model that starts with nothing selected, selects only what the user
 * picks, and never reads more rows of @model than the view shows. */
GtkSingleSelection *
gdn_query_selection_new (GdnQueryModel *model)
{
  GtkSingleSelection *selection;

  g_return_val_if_fail (GDN_IS_QUERY_MODEL (model), NULL);

  selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  /* connected before the selection's own handler, so it runs first */
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb),
                           selection, 0);
  gtk_single_selection_set_model (selection, G_LIST_MODEL (model));
  return selection;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "gdn-tooltip.h"

/**
 * gdn_tooltip_set_quietly:
 *
 * Sets the tooltip of @widget while it is hidden. On a visible widget GTK 4.8 asks the
 * display where the pointer is (a round trip to the X server) to update a tooltip
 * showing: for the rows of a long list or agenda that is most of the time spent making
 * them.
 */
void
gdn_tooltip_set_quietly (GtkWidget  *widget,
                         const char *text)
{
  gboolean visible = gtk_widget_get_visible (widget);

  gtk_widget_set_visible (widget, FALSE);
  gtk_widget_set_tooltip_text (widget, text);
  gtk_widget_set_visible (widget, visible);
}

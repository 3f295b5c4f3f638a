/* shouhu-column-view.c — what the list pages do with their GtkColumnView
 *
 * The Annex 2 and the volunteers' pages bring a row into sight after a
 * save; GTK 4.12 can do it itself, GTK 4.8 (Debian 12) cannot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-column-view.h"

/**
 * shouhu_column_view_scroll_to:
 * @position: a row of @view's model
 *
 * Scrolls @view until the row at @position is in sight.  Before GTK
 * 4.12 the rows are all one height, so the adjustment is enough.
 */
void
shouhu_column_view_scroll_to (GtkColumnView *view,
                              guint          position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
#else
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  guint n = model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
  double row, target;

  if (adj == NULL || n == 0)
    return;
  row = gtk_adjustment_get_upper (adj) / n;
  target = position * row;
  if (target < gtk_adjustment_get_value (adj) ||
      target + row > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, target - gtk_adjustment_get_page_size (adj) / 2);
#endif
}

/* shouhu-test-widget.c — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-widget.h"

/* @widget itself or the first widget of @type under it, depth first. */
GtkWidget *
shouhu_test_find_widget (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = shouhu_test_find_widget (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Until the page has read the records again after a change. */
void
shouhu_test_wait_annex2_loaded (ShouhuAnnex2Page *page)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (shouhu_annex2_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
}

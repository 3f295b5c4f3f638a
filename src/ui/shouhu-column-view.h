/* shouhu-column-view.h — what the list pages do with their GtkColumnView
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void shouhu_column_view_scroll_to (GtkColumnView *view,
                                   guint          position);

G_END_DECLS

/* shouhu-accessible.h — names for screen readers that GTK 4.8 leaves out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void shouhu_accessible_name_inner_buttons (GtkWidget  *root);
void shouhu_accessible_name_inner_button  (GtkWidget  *widget,
                                           const char *name);

G_END_DECLS

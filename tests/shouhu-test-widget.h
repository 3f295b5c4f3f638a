/* shouhu-test-widget.h — helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-annex2-page.h"

G_BEGIN_DECLS

GtkWidget *shouhu_test_find_widget        (GtkWidget        *widget,
                                           GType             type);
void       shouhu_test_wait_annex2_loaded (ShouhuAnnex2Page *page);

G_END_DECLS

/* shouhu-close-question.h — before a window closes with something unsaved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean   shouhu_close_transient_windows (GtkWindow *parent);
GtkWidget *shouhu_close_question_new      (GtkWindow *parent,
                                           GPtrArray *lines);

G_END_DECLS

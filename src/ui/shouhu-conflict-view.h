/* shouhu-conflict-view.h — what changed elsewhere while a record was edited
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOUHU_TYPE_CONFLICT_VIEW (shouhu_conflict_view_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuConflictView, shouhu_conflict_view, SHOUHU, CONFLICT_VIEW, GtkWidget)

GtkWidget  *shouhu_conflict_view_new        (const char         *reload_action,
                                             const char         *overwrite_action);
void        shouhu_conflict_view_clear      (ShouhuConflictView *self);
void        shouhu_conflict_view_add_row    (ShouhuConflictView *self,
                                             const char         *field,
                                             const char         *yours,
                                             const char         *stored);
guint       shouhu_conflict_view_get_n_rows (ShouhuConflictView *self);
const char *shouhu_conflict_view_get_row    (ShouhuConflictView *self,
                                             guint               row,
                                             const char        **yours,
                                             const char        **stored);

G_END_DECLS

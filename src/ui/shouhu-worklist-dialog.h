/* shouhu-worklist-dialog.h — 待结对: a district's families without a ready
 * 保底 guardian, paired from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_WORKLIST_DIALOG (shouhu_worklist_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuWorklistDialog, shouhu_worklist_dialog, SHOUHU, WORKLIST_DIALOG, GtkWindow)

/* @district_id: 1..41.  Pairings are announced through @parent's
 * win.notify-undo action, their Undo is win.undo-pairing((xx)) there. */
ShouhuWorklistDialog *shouhu_worklist_dialog_new              (GtkWindow            *parent,
                                                               ShouhuStore          *store,
                                                               int                   district_id);
/* The families listed, in order (gint64 worker ids as pointers' targets
 * are not used: the worker ids are returned one per position). */
guint                 shouhu_worklist_dialog_get_n_families   (ShouhuWorklistDialog *self);
gint64                shouhu_worklist_dialog_get_family       (ShouhuWorklistDialog *self,
                                                               guint                 position);
/* The selected family's position, or G_MAXUINT. */
guint                 shouhu_worklist_dialog_get_selected     (ShouhuWorklistDialog *self);
/* The volunteer highlighted for the 保底 role (0 if none) and its reason. */
gint64                shouhu_worklist_dialog_get_highlighted  (ShouhuWorklistDialog *self,
                                                               const char          **reason);
/* Lists the families with unmet needs (guarded or not) instead of those
 * without a ready 保底 guardian. */
void                  shouhu_worklist_dialog_set_show_unmet   (ShouhuWorklistDialog *self,
                                                               gboolean              unmet);

G_END_DECLS

/* shouhu-proposal-dialog.h — 为全区生成结对建议: a proposal for a whole
 * district, edited in a preview and applied in one step that can be undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_PROPOSAL_DIALOG (shouhu_proposal_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuProposalDialog, shouhu_proposal_dialog, SHOUHU, PROPOSAL_DIALOG, GtkWindow)

ShouhuProposalDialog *shouhu_proposal_dialog_new           (GtkWindow            *parent,
                                                            ShouhuStore          *store,
                                                            int                   district_id);
/* Computes the preview again with these settings; writes nothing. */
void                  shouhu_proposal_dialog_preview       (ShouhuProposalDialog *self,
                                                            guint                 max_per_volunteer,
                                                            gboolean              with_needs);
guint                 shouhu_proposal_dialog_get_n_rows    (ShouhuProposalDialog *self);
/* The volunteer proposed on row @position, 0 past the end. */
gint64                shouhu_proposal_dialog_get_volunteer (ShouhuProposalDialog *self,
                                                            guint                 position);
gint64                shouhu_proposal_dialog_get_worker    (ShouhuProposalDialog *self,
                                                            guint                 position);
void                  shouhu_proposal_dialog_remove_row    (ShouhuProposalDialog *self,
                                                            guint                 position);
/* Stores the rows left in one transaction, announces it through the
 * parent's win.notify-undo (Undo: win.undo-proposal(u)) and closes.
 * Returns: the id win.undo-proposal takes, 0 with @error set or when
 * no row is left. */
guint                 shouhu_proposal_dialog_apply         (ShouhuProposalDialog *self,
                                                            GError              **error);

/* What win.undo-proposal(@id) does: puts back the pairings as they were
 * before the proposal @id was applied.  An id is undone once. */
gboolean              shouhu_proposal_dialog_undo          (ShouhuStore          *store,
                                                            guint                 id,
                                                            GError              **error);

G_END_DECLS

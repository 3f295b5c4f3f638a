/* shouhu-worker-editor.h — adds or edits one Annex 2 record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-annex2.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_WORKER_EDITOR (shouhu_worker_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuWorkerEditor, shouhu_worker_editor, SHOUHU, WORKER_EDITOR, GtkWindow)

ShouhuWorkerEditor *shouhu_worker_editor_new        (GtkWindow          *parent,
                                                     ShouhuStore        *store,
                                                     gint64              worker_id,
                                                     int                 district_id);
GtkWidget          *shouhu_worker_editor_get_field  (ShouhuWorkerEditor *self,
                                                     ShouhuAnnex2Field   field);
void                shouhu_worker_editor_add_volunteer (ShouhuWorkerEditor *self,
                                                     gint64              id,
                                                     const char         *name);
gboolean            shouhu_worker_editor_save       (ShouhuWorkerEditor *self);
const char         *shouhu_worker_editor_get_error  (ShouhuWorkerEditor *self);
GtkWidget          *shouhu_worker_editor_get_conflict (ShouhuWorkerEditor *self);
GtkWindow          *shouhu_worker_editor_get_question (ShouhuWorkerEditor *self);
const ShouhuWorker *shouhu_worker_editor_get_shown  (ShouhuWorkerEditor *self,
                                                     GArray            **volunteer_ids);

G_END_DECLS

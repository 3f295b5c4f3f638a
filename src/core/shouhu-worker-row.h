/* shouhu-worker-row.h — one row of the Annex 2 list, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shouhu-annex2-index.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_WORKER_ROW (shouhu_worker_row_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuWorkerRow, shouhu_worker_row, SHOUHU, WORKER_ROW, GObject)

ShouhuWorkerRow       *shouhu_worker_row_new          (ShouhuAnnex2Index *index,
                                                       guint              position);
void                   shouhu_worker_row_set_position (ShouhuWorkerRow   *self,
                                                       guint              position);
guint                  shouhu_worker_row_get_position (ShouhuWorkerRow   *self);
ShouhuAnnex2Index     *shouhu_worker_row_get_index    (ShouhuWorkerRow   *self);
const ShouhuAnnex2Row *shouhu_worker_row_get_row      (ShouhuWorkerRow   *self);
gint64                 shouhu_worker_row_get_id       (ShouhuWorkerRow   *self);

G_END_DECLS

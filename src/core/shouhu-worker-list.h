/* shouhu-worker-list.h — the Annex 2 list: filtered, searched, sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shouhu-annex2-index.h"
#include "shouhu-worker-row.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_WORKER_LIST (shouhu_worker_list_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuWorkerList, shouhu_worker_list, SHOUHU, WORKER_LIST, GObject)

/* Compares two ShouhuWorkerRow items. */
typedef int (*ShouhuWorkerCompare) (ShouhuWorkerRow *a,
                                    ShouhuWorkerRow *b,
                                    gpointer         user_data);

ShouhuWorkerList  *shouhu_worker_list_new          (void);
gboolean           shouhu_worker_list_load         (ShouhuWorkerList    *self,
                                                    ShouhuStore         *store,
                                                    GError             **error);
void               shouhu_worker_list_set_index    (ShouhuWorkerList    *self,
                                                    ShouhuAnnex2Index   *index);
ShouhuAnnex2Index *shouhu_worker_list_get_index    (ShouhuWorkerList    *self);
void               shouhu_worker_list_set_filter   (ShouhuWorkerList    *self,
                                                    int                  district_id,
                                                    const char          *query);
void               shouhu_worker_list_set_unpaired_only (ShouhuWorkerList *self,
                                                    gboolean             unpaired_only);
void               shouhu_worker_list_set_needs_filter (ShouhuWorkerList *self,
                                                        guint             needs);
void               shouhu_worker_list_set_sort     (ShouhuWorkerList    *self,
                                                    ShouhuWorkerCompare  compare,
                                                    gpointer             user_data,
                                                    GDestroyNotify       destroy);
gboolean           shouhu_worker_list_find_id      (ShouhuWorkerList    *self,
                                                    gint64               id,
                                                    guint               *position);

G_END_DECLS

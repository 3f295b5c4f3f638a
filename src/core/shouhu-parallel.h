/* shouhu-parallel.h — the sheets of a workbook read on a few threads
 * (core/ only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Does item @index of @data; %FALSE when it failed (the item keeps its
 * error), so that no further item is started. */
typedef gboolean (*ShouhuParallelFunc) (gpointer data,
                                        guint    index);

guint    shouhu_parallel_threads (guint              n_items,
                                  guint64            work,
                                  guint64            min_work);
gboolean shouhu_parallel_run     (guint              n_items,
                                  guint              n_threads,
                                  ShouhuParallelFunc func,
                                  gpointer           data);

G_END_DECLS

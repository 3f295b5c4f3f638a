/* shouhu-list-order.h — what the in-memory lists share: rows by district,
 * searching them, and showing the matches in a sort order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "shouhu-district.h"

G_BEGIN_DECLS

/* Compares the rows at two positions of an index. */
typedef int      (*ShouhuPositionCompare) (guint    a,
                                           guint    b,
                                           gpointer user_data);
/* Whether the row at @position is one a search keeps. */
typedef gboolean (*ShouhuPositionKeep)    (guint    position,
                                           gpointer user_data);

void     shouhu_list_district_starts (const GArray          *rows,
                                      gsize                  district_offset,
                                      guint                  starts[SHOUHU_N_DISTRICTS + 2]);
void     shouhu_list_district_range  (const guint           starts[SHOUHU_N_DISTRICTS + 2],
                                      guint                  n_rows,
                                      int                    district_id,
                                      guint                 *start,
                                      guint                 *end);
GArray  *shouhu_list_search          (guint                  start,
                                      guint                  end,
                                      const GArray          *within,
                                      ShouhuPositionKeep     keep,
                                      gpointer               user_data);
guint   *shouhu_list_order_new       (guint                  n_rows,
                                      ShouhuPositionCompare  compare,
                                      gpointer               user_data);
void     shouhu_list_order_pick      (GArray                *visible,
                                      const GArray          *matches,
                                      const guint           *order,
                                      guint                  n_rows);

G_END_DECLS

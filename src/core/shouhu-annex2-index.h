/* shouhu-annex2-index.h — all Annex 2 rows in memory, for the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"

G_BEGIN_DECLS

/* One row of the list: its columns are the Annex 2 form's fields. */
typedef struct
{
  gint64      id;
  int         district_id;
  guint       n_volunteers;
  guint       n_ready;                        /* of them, ready for duty today (可上岗) */
  guint       needs;                          /* the family's needs (ShouhuFamilyNeed) */
  const char *text[SHOUHU_ANNEX2_N_FIELDS];  /* by field; 区县 as its name, 结对志愿者 the names */
  const char *haystack;                       /* folded text that search looks in */
} ShouhuAnnex2Row;

typedef struct _ShouhuAnnex2Index ShouhuAnnex2Index;

ShouhuAnnex2Index     *shouhu_annex2_index_load       (ShouhuStore        *store,
                                                       GError            **error);
ShouhuAnnex2Index     *shouhu_annex2_index_ref        (ShouhuAnnex2Index  *index);
void                   shouhu_annex2_index_unref      (ShouhuAnnex2Index  *index);
guint                  shouhu_annex2_index_get_n_rows (ShouhuAnnex2Index  *index);
const ShouhuAnnex2Row *shouhu_annex2_index_get_row    (ShouhuAnnex2Index  *index,
                                                       guint               position);
gboolean               shouhu_annex2_index_find_id    (ShouhuAnnex2Index  *index,
                                                       gint64              id,
                                                       guint              *position);
GArray                *shouhu_annex2_index_search     (ShouhuAnnex2Index  *index,
                                                       int                 district_id,
                                                       const char         *query,
                                                       const GArray       *within);
const char            *shouhu_annex2_index_sort_key   (ShouhuAnnex2Index  *index,
                                                       guint               position,
                                                       guint               column);
char                  *shouhu_annex2_fold             (const char         *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex2Index, shouhu_annex2_index_unref)

G_END_DECLS

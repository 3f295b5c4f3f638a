/* shouhu-annex1-draft.h — Annex 1 figures typed but not stored yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1.h"

G_BEGIN_DECLS

typedef struct _ShouhuAnnex1Draft ShouhuAnnex1Draft;

typedef enum
{
  SHOUHU_ANNEX1_PAIR_STORED,   /* nothing typed differs from the store */
  SHOUHU_ANNEX1_PAIR_WAITING,  /* typed, not stored: checked once complete or left */
  SHOUHU_ANNEX1_PAIR_INVALID,  /* typed, not stored: it breaks a rule */
} ShouhuAnnex1PairState;

/* A pair of one district and batch with something typed in it. */
typedef struct
{
  int district_id;
  int batch;
} ShouhuAnnex1PairRef;

ShouhuAnnex1Draft    *shouhu_annex1_draft_new        (void);
void                  shouhu_annex1_draft_free       (ShouhuAnnex1Draft        *draft);
const char           *shouhu_annex1_draft_get_text   (ShouhuAnnex1Draft        *draft,
                                                      const char               *as_of,
                                                      int                       district_id,
                                                      int                       batch,
                                                      ShouhuAnnex1Field         field);
gboolean              shouhu_annex1_draft_type       (ShouhuAnnex1Draft        *draft,
                                                      ShouhuStore              *store,
                                                      const ShouhuAnnex1Table  *table,
                                                      int                       district_id,
                                                      int                       batch,
                                                      ShouhuAnnex1Field         field,
                                                      const char               *text,
                                                      GError                  **error);
void                  shouhu_annex1_draft_leave_row  (ShouhuAnnex1Draft        *draft,
                                                      const char               *as_of,
                                                      int                       district_id);
ShouhuAnnex1PairState shouhu_annex1_draft_get_state  (ShouhuAnnex1Draft        *draft,
                                                      const ShouhuAnnex1Table  *table,
                                                      int                       district_id,
                                                      int                       batch,
                                                      gboolean                  bad[2],
                                                      char                    **message);
GArray               *shouhu_annex1_draft_list       (ShouhuAnnex1Draft        *draft,
                                                      const char               *as_of);
gboolean              shouhu_annex1_draft_has_batch  (ShouhuAnnex1Draft        *draft,
                                                      const char               *as_of,
                                                      int                       batch);
GStrv                 shouhu_annex1_draft_dates      (ShouhuAnnex1Draft        *draft);
gboolean              shouhu_annex1_draft_flush      (ShouhuAnnex1Draft        *draft,
                                                      ShouhuStore              *store,
                                                      const ShouhuAnnex1Table  *table,
                                                      GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex1Draft, shouhu_annex1_draft_free)

G_END_DECLS

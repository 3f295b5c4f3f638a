/* shouhu-annex1-page.h — the Annex 1 grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-annex1.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_ANNEX1_PAGE (shouhu_annex1_page_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuAnnex1Page, shouhu_annex1_page, SHOUHU, ANNEX1_PAGE, GtkWidget)

/* Column of a district row that is not a batch count. */
#define SHOUHU_ANNEX1_NOTE_BATCH 0

void        shouhu_annex1_page_set_date          (ShouhuAnnex1Page  *self,
                                                  const char        *as_of);
const char *shouhu_annex1_page_get_date          (ShouhuAnnex1Page  *self);
GtkEditable *shouhu_annex1_page_get_cell         (ShouhuAnnex1Page  *self,
                                                  int                district_id,
                                                  int                batch,
                                                  ShouhuAnnex1Field  field);
const char *shouhu_annex1_page_get_sum_text      (ShouhuAnnex1Page  *self,
                                                  int                column);
const char *shouhu_annex1_page_get_error_message (ShouhuAnnex1Page  *self);
const char *shouhu_annex1_page_get_unsaved_message (ShouhuAnnex1Page *self);
GPtrArray  *shouhu_annex1_page_store_typed       (ShouhuAnnex1Page  *self);
void        shouhu_annex1_page_show_unstored     (ShouhuAnnex1Page  *self);

G_END_DECLS

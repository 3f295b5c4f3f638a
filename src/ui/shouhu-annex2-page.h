/* shouhu-annex2-page.h — the Annex 2 list of workers and their volunteers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_ANNEX2_PAGE (shouhu_annex2_page_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuAnnex2Page, shouhu_annex2_page, SHOUHU, ANNEX2_PAGE, GtkWidget)

void        shouhu_annex2_page_set_district_filter (ShouhuAnnex2Page *self,
                                                    int               district_id);
int         shouhu_annex2_page_get_district_filter (ShouhuAnnex2Page *self);
void        shouhu_annex2_page_set_need_filter     (ShouhuAnnex2Page *self,
                                                    guint             need);
void        shouhu_annex2_page_set_search          (ShouhuAnnex2Page *self,
                                                    const char       *text);
GListModel *shouhu_annex2_page_get_model           (ShouhuAnnex2Page *self);
gboolean    shouhu_annex2_page_is_loading          (ShouhuAnnex2Page *self);
gboolean    shouhu_annex2_page_select_id           (ShouhuAnnex2Page *self,
                                                    gint64            id);
GtkWindow  *shouhu_annex2_page_add_worker          (ShouhuAnnex2Page *self);
void        shouhu_annex2_page_delete_selected     (ShouhuAnnex2Page *self);
int         shouhu_annex2_page_get_form_district   (ShouhuAnnex2Page *self);
const char *shouhu_annex2_page_get_form_error      (ShouhuAnnex2Page *self);
char       *shouhu_annex2_page_store_typed         (ShouhuAnnex2Page *self);
void        shouhu_annex2_page_show_unstored       (ShouhuAnnex2Page *self);
GtkWindow  *shouhu_annex2_page_erase_selected      (ShouhuAnnex2Page *self);
void        shouhu_annex2_page_forget_changes      (ShouhuAnnex2Page *self,
                                                    gint64            id);

G_END_DECLS

/* shouhu-annex1-page-private.h — what the files of the Annex 1 page share
 *
 * The page is one class in four files: shouhu-annex1-page.c (the cells,
 * what they show and store), shouhu-annex1-page-grid.c (laying the grid
 * out), shouhu-annex1-page-actions.c (dates and batches) and
 * shouhu-annex1-page-undo.c (taking a stored change back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1-draft.h"
#include "shouhu-annex1-page.h"

G_BEGIN_DECLS

struct _ShouhuAnnex1Page
{
  GtkWidget          parent_instance;

  ShouhuStore       *store;
  gulong             changed_id;
  char              *as_of;
  char             **dates;
  ShouhuAnnex1Table *table;
  ShouhuAnnex1Draft *draft;      /* counts typed and not stored yet */
  int                built_batches;
  gboolean           filling;
  guint              focus_idle; /* see focus_moved_cb() */

  /* district_id - 1 → entries; [0] is the note, [2b-1] and [2b] batch b */
  GPtrArray         *cells;
  GPtrArray         *row_sums;   /* 41 × 2 labels: 共计 总人数, 支援湖北 */
  GPtrArray         *grand;      /* 合计 row labels, left to right */

  GtkStack          *content_stack;
  GtkScrolledWindow *table_scroller;   /* sideways: headers, rows, 合计 */
  GtkScrolledWindow *rows_scroller;    /* downwards: the rows */
  GtkGrid           *header;
  GtkGrid           *grid;
  GtkGrid           *footer;
  GPtrArray         *columns;    /* a GtkSizeGroup per column: the three grids align */
  GtkDropDown       *date_dropdown;
  GtkStringList     *date_list;
  GtkMenuButton     *new_date_button;
  GtkEntry          *new_date_entry;
  GtkLabel          *new_date_error;
  GtkButton         *add_batch_button;
  GtkLabel          *unsaved_label;
  GtkPopover        *error_popover;
  GtkLabel          *error_label;
};

GtkEditable *shouhu_annex1_page_cell_at              (ShouhuAnnex1Page *self,
                                                      int               district_id,
                                                      int               index);
GtkWidget   *shouhu_annex1_page_new_cell             (ShouhuAnnex1Page *self,
                                                      int               district_id,
                                                      int               batch,
                                                      int               field,
                                                      int               index);
void         shouhu_annex1_page_refresh              (ShouhuAnnex1Page *self);
void         shouhu_annex1_page_build_grid           (ShouhuAnnex1Page *self,
                                                      int               n_batches);
void         shouhu_annex1_page_clear_grid           (ShouhuAnnex1Page *self);
void         shouhu_annex1_page_init_scrolling       (ShouhuAnnex1Page *self);
void         shouhu_annex1_page_update_batch_actions (ShouhuAnnex1Page *self);
void         shouhu_annex1_page_class_add_actions    (GtkWidgetClass   *widget_class);
void         shouhu_annex1_page_register_pair        (ShouhuAnnex1Page *self,
                                                      int               district_id,
                                                      int               batch,
                                                      ShouhuCount       before,
                                                      ShouhuCount       after);
void         shouhu_annex1_page_register_note        (ShouhuAnnex1Page *self,
                                                      int               district_id,
                                                      const char       *before,
                                                      const char       *after);
void         shouhu_annex1_page_class_add_undo       (GtkWidgetClass   *widget_class);

G_END_DECLS

/* shouhu-annex2-page-private.h — what the files of the Annex 2 page share
 *
 * The page is one class in three files: shouhu-annex2-page.c (the list
 * and its filters), shouhu-annex2-page-header.c (the district's form
 * header) and shouhu-annex2-page-changes.c (what the user changes: saves
 * from the editor, deletions and erasures, and their Undo).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2-page.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"

G_BEGIN_DECLS

/* What shouhu_annex2_page_reveal() does next. */
typedef enum
{
  REVEAL_SCROLL,
  REVEAL_FOCUS,
  REVEAL_STAY,
} RevealStep;

struct _ShouhuAnnex2Page
{
  GtkWidget            parent_instance;

  ShouhuStore         *store;
  gulong               changed_id;
  ShouhuWorkerList    *list;
  GtkSingleSelection  *selection;
  GCancellable        *loading;
  int                  district_id;
  int                  form_district_id;   /* whose 填报人 the header shows; 0: none */

  /* Once the list is read again: the record to select, the row to give
   * the focus (position + 1), and what to say about a record just saved. */
  gint64               select_after_load;
  guint                focus_after_load;
  gboolean             focus_selected_after_load;
  guint                reveal_position;    /* + 1: see shouhu_annex2_page_reveal() */
  gboolean             reveal_focus;
  int                  reveal_step;        /* RevealStep */
  double               reveal_value;
  guint                reveal_tries;
  guint                reveal_tick_id;
  gint64               saved_id;
  char                *saved_message;
  char                *saved_undo;

  GHashTable          *changes;            /* serial → what Ctrl+Z takes back */
  guint                last_change;

  GtkDropDown         *district_dropdown;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *unpaired_button;
  GtkDropDown         *need_dropdown;      /* every family, or those with one need */
  GtkWidget           *form_header;
  GtkLabel            *form_district_label;
  GtkEntry            *reporter_entry;
  GtkEntry            *reporter_phone_entry;
  GtkLabel            *form_hint;
  GtkLabel            *form_error;
  GtkLabel            *status_label;
  GtkStack            *content_stack;
  GtkLabel            *empty_title;
  GtkLabel            *no_results_label;
  GtkColumnView       *column_view;
};

/* shouhu-annex2-page.c */
ShouhuWorkerRow *shouhu_annex2_page_get_selected_row  (ShouhuAnnex2Page   *self);
void             shouhu_annex2_page_reveal             (ShouhuAnnex2Page   *self,
                                                        guint               position,
                                                        gboolean            focus);

/* shouhu-annex2-page-header.c */
void             shouhu_annex2_page_init_header        (ShouhuAnnex2Page   *self);
void             shouhu_annex2_page_class_add_header   (GtkWidgetClass     *widget_class);
void             shouhu_annex2_page_load_form_header   (ShouhuAnnex2Page   *self);

/* shouhu-annex2-page-changes.c */
void             shouhu_annex2_page_init_changes       (ShouhuAnnex2Page   *self);
void             shouhu_annex2_page_finalize_changes   (ShouhuAnnex2Page   *self);
void             shouhu_annex2_page_class_add_changes  (GtkWidgetClass     *widget_class);
void             shouhu_annex2_page_watch_editor       (ShouhuAnnex2Page   *self,
                                                        ShouhuWorkerEditor *editor);
void             shouhu_annex2_page_after_load         (ShouhuAnnex2Page   *self,
                                                        gint64              was_selected);

G_END_DECLS

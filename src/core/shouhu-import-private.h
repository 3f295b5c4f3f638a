/* shouhu-import-private.h — what the import's files share (core/ only)
 *
 * The sheet helpers both annex readers use, and the parts of an import
 * that one file makes and another frees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-import.h"
#include "shouhu-store-private.h"

G_BEGIN_DECLS

/* How far down the header may have been pushed. */
#define SHOUHU_IMPORT_HEADER_SEARCH_ROWS 100

/* Rows: the xlsx reader counts them from 0, people from 1, and so do the
 * rows that the import reports (ShouhuImportRejection,
 * ShouhuAnnex2ImportRow, ShouhuAnnex2ImportForm, messages). */
static inline guint
shouhu_import_shown_row (guint sheet_row)
{
  return sheet_row + 1;
}

void        shouhu_import_rejection_free (gpointer               data);
void        shouhu_import_reject         (GPtrArray             *rejected,
                                          const char            *sheet,
                                          guint                  shown_row,
                                          const char            *reason);
void        shouhu_import_reject_counted (GPtrArray             *rejected,
                                          guint                 *n_rejected,
                                          const char            *sheet,
                                          guint                  shown_row,
                                          const char            *reason);
char       *shouhu_import_hidden_rows_note (const ShouhuXlsxSheet *sheet);
char       *shouhu_import_normalise      (const char            *text);
gboolean    shouhu_import_is_blank       (const char            *text);
gboolean    shouhu_import_may_be_heading (const char            *text,
                                          const char *const     *headings);
gsize       shouhu_import_row_start      (const ShouhuXlsxCell  *cells,
                                          gsize                  n,
                                          guint                  row);
gboolean    shouhu_import_row_empty      (const ShouhuXlsxSheet *sheet,
                                          guint                  row,
                                          const gint64          *cols,
                                          guint                  n_cols);
gboolean    shouhu_import_is_masked      (const char            *text);
char       *shouhu_import_cell_date      (const ShouhuXlsxCell  *cell);

/* A ShouhuAnnex2ImportChange (shouhu-import-match.c). */
void        shouhu_import_change_free    (gpointer               data);
void        shouhu_import_missing_free   (gpointer               data);
char       *shouhu_import_volunteers_text (GStrv                 volunteers);

/* ShouhuAnnex2Import.previewed: the database and the decisions the last
 * preview was made on.  The write previews again only when either
 * changed since. */
void        shouhu_import_annex2_note_preview (const ShouhuStoreMark *mark,
                                               ShouhuAnnex2Import    *import);
gboolean    shouhu_import_annex2_preview_holds (ShouhuStore        *store,
                                                ShouhuAnnex2Import *import,
                                                gboolean           *holds,
                                                gboolean           *decided_since,
                                                GError            **error);

/* Annex 2's write (shouhu-import-write.c) */
gboolean    shouhu_import_annex2_check_preview (ShouhuAnnex2Import *import,
                                                GHashTable         *before,
                                                guint               n_rejected_before,
                                                gboolean            decided_since,
                                                GError            **error);

G_END_DECLS

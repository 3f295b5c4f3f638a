/* shouhu-import.h — taking in the annex workbooks districts send upward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1.h"
#include "shouhu-store.h"
#include "shouhu-xlsx-reader.h"

G_BEGIN_DECLS

#define SHOUHU_IMPORT_ERROR (shouhu_import_error_quark ())

typedef enum
{
  SHOUHU_IMPORT_ERROR_NOT_ANNEX1,  /* no sheet in the Annex 1 layout */
  SHOUHU_IMPORT_ERROR_LAYOUT,      /* the layout is there but broken (date, header) */
} ShouhuImportError;

typedef struct
{
  char  *sheet;   /* the sheet's name */
  guint  row;     /* 1-based, as the spreadsheet program shows it */
  char  *reason;  /* translated */
} ShouhuImportRejection;

typedef struct
{
  char              *file_name;     /* for messages */
  ShouhuAnnex1Table *table;         /* districts not in the file hold 0 */
  guint              n_districts;   /* district rows accepted */
  GPtrArray         *rejected;      /* ShouhuImportRejection, in file order */
  /* Filled by shouhu_import_annex1_preview (): */
  gboolean           date_exists;   /* the store has a table of that date */
  gboolean           date_differs;  /* ... whose figures or notes differ */
} ShouhuAnnex1Import;

GQuark              shouhu_import_error_quark     (void);

ShouhuAnnex1Import *shouhu_import_annex1_read      (const ShouhuXlsxWorkbook  *workbook,
                                                    GError                   **error);
ShouhuAnnex1Import *shouhu_import_annex1_from_file (const char                *path,
                                                    GError                   **error);
gboolean            shouhu_import_annex1_preview   (ShouhuStore               *store,
                                                    ShouhuAnnex1Import        *import,
                                                    GError                   **error);
gboolean            shouhu_import_annex1_write     (ShouhuStore               *store,
                                                    const ShouhuAnnex1Import  *import,
                                                    GError                   **error);
void                shouhu_annex1_import_free      (ShouhuAnnex1Import        *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex1Import, shouhu_annex1_import_free)

G_END_DECLS

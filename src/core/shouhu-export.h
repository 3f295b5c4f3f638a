/* shouhu-export.h — the official xlsx layouts (upward reporting)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1.h"
#include "shouhu-annex2-form.h"
#include "shouhu-district.h"
#include "shouhu-figures.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_EXPORT_ERROR (shouhu_export_error_quark ())

typedef enum
{
  SHOUHU_EXPORT_ERROR_WRITE,    /* the file could not be written */
  SHOUHU_EXPORT_ERROR_NO_DATA,  /* nothing to export */
  SHOUHU_EXPORT_ERROR_INVALID,  /* a bad choice (district, date, workbook) */
  SHOUHU_EXPORT_ERROR_REFUSED,  /* the target is the database or another SQLite file */
} ShouhuExportError;

typedef enum
{
  SHOUHU_EXPORT_ANNEX1,   /* 附件1 */
  SHOUHU_EXPORT_ANNEX2,   /* 附件2 */
  SHOUHU_EXPORT_SUMMARY,  /* 汇总 */
  SHOUHU_EXPORT_VOLUNTEERS,  /* 志愿者花名册 (shouhu-export-roster.h) */
} ShouhuExportKind;

/* One worker's row: the text of each column of the sheet, by field (区县,
 * on the form's line, is left out). */
typedef struct
{
  char *cells[SHOUHU_ANNEX2_N_FIELDS];   /* never NULL */
} ShouhuExportAnnex2Row;

/* One district's form: the header line and its rows. */
typedef struct
{
  int     district_id;
  char   *reporter;   /* 填报人 */
  char   *phone;      /* 联系电话 */
  GArray *rows;       /* of ShouhuExportAnnex2Row */
} ShouhuExportAnnex2Sheet;

GQuark                   shouhu_export_error_quark       (void);

ShouhuExportAnnex2Sheet *shouhu_export_annex2_sheet_new  (int         district_id,
                                                          const char *reporter,
                                                          const char *phone);
void                     shouhu_export_annex2_sheet_add  (ShouhuExportAnnex2Sheet *sheet,
                                                          const char *const        cells[SHOUHU_ANNEX2_N_FIELDS]);
void                     shouhu_export_annex2_sheet_free (ShouhuExportAnnex2Sheet *sheet);

/* Writers: each writes a private temporary file beside @path and renames
 * it (see shouhu-export-file.c); @masked passes every text of the workbook
 * through shouhu_mask_text(). */
gboolean                 shouhu_export_annex1            (const ShouhuAnnex1Table  *table,
                                                          gboolean                  masked,
                                                          const char               *path,
                                                          GError                  **error);
gboolean                 shouhu_export_annex2            (GPtrArray                *sheets,
                                                          gboolean                  masked,
                                                          const char               *path,
                                                          GError                  **error);
gboolean                 shouhu_export_summary           (const ShouhuFigures       *figures,
                                                          gboolean                  masked,
                                                          const char               *path,
                                                          GError                  **error);

/* Readers of the store for the writers above. */
GPtrArray               *shouhu_export_load_annex2       (ShouhuStore  *store,
                                                          int           district_id,
                                                          GError      **error);

/* The whole job, as the command line and the window run it: @as_of NULL
 * means the latest Annex 1 date, @district_id 0 all districts. */
gboolean                 shouhu_export_run               (ShouhuStore       *store,
                                                          ShouhuExportKind   kind,
                                                          const char        *as_of,
                                                          int                district_id,
                                                          gboolean           masked,
                                                          const char        *path,
                                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuExportAnnex2Sheet, shouhu_export_annex2_sheet_free)

G_END_DECLS

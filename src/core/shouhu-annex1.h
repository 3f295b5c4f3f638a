/* shouhu-annex1.h — Annex 1: frontline medical staff per district
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1-batch.h"
#include "shouhu-district.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_ANNEX1_ERROR (shouhu_annex1_error_quark ())

typedef enum
{
  SHOUHU_ANNEX1_ERROR_EXISTS,     /* a table for that date is already there */
  SHOUHU_ANNEX1_ERROR_NO_TABLE,   /* no table for that date */
  SHOUHU_ANNEX1_ERROR_INVALID,    /* a figure breaks a rule */
} ShouhuAnnex1Error;

/* The date of the figures printed in the notice. */
#define SHOUHU_NOTICE_DATE "2020-02-07"

typedef enum
{
  SHOUHU_ANNEX1_TOTAL,  /* 总人数 */
  SHOUHU_ANNEX1_HUBEI,  /* 其中：支援湖北 */
} ShouhuAnnex1Field;

typedef struct
{
  gint64 total;
  gint64 hubei;
} ShouhuCount;

typedef struct
{
  int          district_id;
  ShouhuCount *batches;      /* n_batches entries, batch 1 first */
  char        *note;         /* 备注, never NULL */
} ShouhuAnnex1Row;

typedef struct
{
  char            *as_of;    /* YYYY-MM-DD */
  int              n_batches;
  ShouhuAnnex1Row  rows[SHOUHU_N_DISTRICTS];  /* official order */
} ShouhuAnnex1Table;

GQuark             shouhu_annex1_error_quark  (void);

void               shouhu_annex1_table_free   (ShouhuAnnex1Table *table);
ShouhuCount        shouhu_annex1_row_sum      (const ShouhuAnnex1Table *table,
                                               int                      row);
ShouhuCount        shouhu_annex1_batch_sum    (const ShouhuAnnex1Table *table,
                                               int                      batch);
ShouhuCount        shouhu_annex1_grand_total  (const ShouhuAnnex1Table *table);
gboolean           shouhu_annex1_check        (int                      batch,
                                               gint64                   total,
                                               gint64                   hubei,
                                               GError                 **error);

char             **shouhu_annex1_list_dates   (ShouhuStore  *store,
                                               GError      **error);
char              *shouhu_annex1_latest_date  (ShouhuStore  *store,
                                               GError      **error);
gboolean           shouhu_annex1_new_date     (ShouhuStore  *store,
                                               const char   *as_of,
                                               GError      **error);
ShouhuAnnex1Table *shouhu_annex1_load         (ShouhuStore  *store,
                                               const char   *as_of,
                                               GError      **error);
gboolean           shouhu_annex1_set_count    (ShouhuStore       *store,
                                               const char        *as_of,
                                               int                district_id,
                                               int                batch,
                                               ShouhuAnnex1Field  field,
                                               const char        *text,
                                               GError           **error);
gboolean           shouhu_annex1_parse_count  (int                batch,
                                               ShouhuAnnex1Field  field,
                                               const char        *text,
                                               gint64            *value,
                                               GError           **error);
gboolean           shouhu_annex1_set_pair     (ShouhuStore       *store,
                                               const char        *as_of,
                                               int                district_id,
                                               int                batch,
                                               gint64             total,
                                               gint64             hubei,
                                               GError           **error);
gboolean           shouhu_annex1_set_note     (ShouhuStore  *store,
                                               const char   *as_of,
                                               int           district_id,
                                               const char   *note,
                                               GError      **error);
gboolean           shouhu_annex1_confirm_report (ShouhuStore *store,
                                                 const char  *as_of,
                                                 int          district_id,
                                                 GError     **error);
gboolean           shouhu_annex1_add_batch    (ShouhuStore  *store,
                                               const char   *as_of,
                                               GError      **error);
gboolean           shouhu_annex1_remove_last_batch (ShouhuStore  *store,
                                                    const char   *as_of,
                                                    GError      **error);
gboolean           shouhu_annex1_save_table   (ShouhuStore              *store,
                                               const ShouhuAnnex1Table  *table,
                                               GError                  **error);

ShouhuAnnex1Table *shouhu_annex1_notice_figures      (GError      **error);
gboolean           shouhu_annex1_check_notice_table  (ShouhuStore  *store,
                                                      gboolean     *exists,
                                                      gboolean     *as_is,
                                                      GError      **error);
gboolean           shouhu_annex1_load_notice_figures (ShouhuStore  *store,
                                                      GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex1Table, shouhu_annex1_table_free)

G_END_DECLS

/* shouhu-import-ledger.h — taking in the lines of a service ledger (服务台账)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-import.h"
#include "shouhu-ledger.h"

G_BEGIN_DECLS

/* One line of the ledger, read and checked as far as the file alone can
 * tell; the preview finds its family and volunteers. */
typedef struct
{
  char              *sheet;
  guint              row;          /* 1-based */
  char              *day;          /* 日期, YYYY-MM-DD */
  char              *family;       /* 医护人员 as written */
  char              *phone;        /* 本人联系电话 normalised, "" when not given */
  GStrv              volunteers;   /* 志愿者, the names */
  ShouhuServiceKind  kind;         /* 服务类型 */
  char              *content;      /* 服务内容 */
  int                minutes;      /* 时长（分钟） */
  char              *need;         /* 需求 */
  gboolean           solved;       /* 是否解决 */
  /* Filled by shouhu_import_ledger_preview (): */
  ShouhuService     *service;      /* the record to add; NULL when rejected */
  gboolean           already;      /* the same record is stored already */
} ShouhuLedgerImportRow;

struct _ShouhuLedgerImport
{
  char      *file_name;
  char      *sha256;            /* of the file */
  gint64     event_id;          /* the import_event written, once written */
  GPtrArray *rows;              /* ShouhuLedgerImportRow, the lines read */
  GPtrArray *rejected;          /* ShouhuImportRejection */
  guint      n_read_rejected;   /* rejections found by reading */
  /* Filled by shouhu_import_ledger_preview (): */
  guint      n_new;
  guint      n_already;
};

ShouhuLedgerImport *shouhu_import_ledger_read    (const ShouhuXlsxWorkbook  *workbook,
                                                  GError                   **error);
gboolean            shouhu_import_ledger_preview (ShouhuStore               *store,
                                                  ShouhuLedgerImport        *import,
                                                  GError                   **error);
gboolean            shouhu_import_ledger_write   (ShouhuStore               *store,
                                                  ShouhuLedgerImport        *import,
                                                  GError                   **error);
void                shouhu_ledger_import_free    (ShouhuLedgerImport        *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuLedgerImport, shouhu_ledger_import_free)

G_END_DECLS

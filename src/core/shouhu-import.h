/* shouhu-import.h — taking in the annex workbooks and ledgers districts send upward
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-import-roster.h"
#include "shouhu-store.h"
#include "shouhu-xlsx-reader.h"

G_BEGIN_DECLS

#define SHOUHU_IMPORT_ERROR (shouhu_import_error_quark ())

typedef enum
{
  SHOUHU_IMPORT_ERROR_NOT_ANNEX1,  /* no sheet in the Annex 1 layout */
  SHOUHU_IMPORT_ERROR_NOT_ANNEX2,  /* no sheet in the Annex 2 layout */
  SHOUHU_IMPORT_ERROR_LAYOUT,      /* the layout is there but broken (date, header) */
  SHOUHU_IMPORT_ERROR_MASKED,      /* an export with masked phone numbers */
  SHOUHU_IMPORT_ERROR_NOT_ANNEX,   /* neither an annex workbook nor a roster nor a ledger */
  SHOUHU_IMPORT_ERROR_NOT_ROSTER,  /* no sheet with a volunteers' roster header */
  SHOUHU_IMPORT_ERROR_NOT_LEDGER,  /* no sheet with a ledger's header row */
  SHOUHU_IMPORT_ERROR_REJECTED,    /* rows were rejected: nothing may be written */
  SHOUHU_IMPORT_ERROR_UNDECIDED,   /* a likely duplicate nobody decided about */
  SHOUHU_IMPORT_ERROR_CHANGED,     /* the records changed between preview and write */
} ShouhuImportError;

/* Rejected rows past this many are counted, not listed: a file of a
 * million broken rows stays cheap. */
#define SHOUHU_IMPORT_MAX_LISTED 1000

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
  guint              n_rejected;    /* all of them: rejected lists the first
                                     * SHOUHU_IMPORT_MAX_LISTED */
  GPtrArray         *notes;         /* char *, translated: hidden sheets … */
  char              *sha256;        /* of the file */
  gint64             event_id;      /* set by the write */
  /* Filled by shouhu_import_annex1_preview (): */
  gboolean           date_exists;   /* the store has a table of that date */
  gboolean           date_differs;  /* ... whose figures or notes differ */
} ShouhuAnnex1Import;

/* One row of an Annex 2 form (附件2), checked but not yet stored. */
typedef struct
{
  const char   *sheet;        /* the form's sheet name */
  guint         row;          /* 1-based */
  ShouhuWorker *worker;       /* id 0, validated: 区县 from the form's 区县：
                               * line or the sheet's name, text trimmed,
                               * phones normalised; a field whose column
                               * the form lacks is "" */
  char         *volunteers;   /* 结对志愿者 (with 结对志愿者联系电话), read:
                               * "姓名\x1f电话" per volunteer, joined by
                               * \x1e; NULL without the column */
  guint32       present;      /* 1 << ShouhuAnnex2Field for each column the form has */
  int           choice;       /* a ShouhuImportChoice, for a likely duplicate */
} ShouhuAnnex2ImportRow;

/* The header of one district's form. */
typedef struct
{
  char      *sheet;
  int        district_id;
  char      *reporter;        /* 填报人 */
  char      *phone;           /* 联系电话, as written */
  guint      row;             /* 1-based row of the 区县： line, 0 when the
                               * district came from the sheet's name */
  guint32    present;         /* 1 << ShouhuAnnex2Field for each column found */
  GPtrArray *ignored;         /* char *: headings that are no column of the form,
                               * with their cell ("家庭地址x (G8)") */
} ShouhuAnnex2ImportForm;

typedef enum
{
  SHOUHU_IMPORT_NEW,        /* no such record yet: it will be created */
  SHOUHU_IMPORT_UPDATE,     /* the record is there and will be updated */
  SHOUHU_IMPORT_UNCHANGED,  /* the record is there as the file has it */
  SHOUHU_IMPORT_UNDECIDED,  /* probably a record already there: someone decides */
} ShouhuImportAction;

/* What to do with a likely duplicate. */
typedef enum
{
  SHOUHU_IMPORT_CHOICE_NONE,     /* not decided */
  SHOUHU_IMPORT_CHOICE_UPDATE,   /* it is that record: update it */
  SHOUHU_IMPORT_CHOICE_NEW,      /* another person: add a record */
} ShouhuImportChoice;

/* One field a row changes, as stored before and after. */
typedef struct
{
  ShouhuAnnex2Field  field;      /* SHOUHU_ANNEX2_FIELD_VOLUNTEERS for the pairings */
  char              *old_value;  /* the volunteers as "姓名 电话、姓名" */
  char              *new_value;
} ShouhuImportFieldChange;

/* What the write will do with one valid row (filled by the preview). */
typedef struct
{
  const ShouhuAnnex2ImportRow *row;   /* owned by the import's rows */
  ShouhuImportAction           action;
  gint64                       worker_id;   /* the record updated, or 0 */
  GPtrArray                   *fields;      /* ShouhuImportFieldChange, in the form's order:
                                             * what an update (or, for a likely
                                             * duplicate, updating) changes */
  char                        *changes;     /* their translated labels, NULL for none */
  gint64                       probable_id; /* a likely duplicate: the record it
                                             * probably is, else 0 */
  char                        *probable_reason;  /* translated: why */
} ShouhuAnnex2ImportChange;

/* A stored record of a district whose form the file holds, that no row
 * of the file is (在库中但不在此文件中). */
typedef struct
{
  gint64  worker_id;
  int     district_id;
  char   *name;
  char   *hospital;
  char   *phone;
} ShouhuAnnex2ImportMissing;

typedef struct
{
  char      *file_name;
  char      *sha256;     /* of the file */
  GPtrArray *forms;      /* ShouhuAnnex2ImportForm, one per sheet read */
  GPtrArray *rows;       /* ShouhuAnnex2ImportRow, the valid rows */
  GPtrArray *rejected;   /* ShouhuImportRejection, the first SHOUHU_IMPORT_MAX_LISTED */
  guint      n_rejected; /* all of them */
  GPtrArray *notes;      /* char *, translated: what the file lacks or hides
                          * (absent columns, ignored headings, hidden rows
                          * and sheets) */
  /* Set by the caller before the write: */
  gboolean   remove_missing;  /* delete the missing records (with history) */
  int        duplicates;      /* ShouhuImportChoice for every likely duplicate
                               * whose row has none of its own */
  /* Filled by shouhu_import_annex2_preview (): */
  GPtrArray *changes;    /* ShouhuAnnex2ImportChange, in file order */
  GPtrArray *missing;    /* ShouhuAnnex2ImportMissing */
  guint      n_new;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_undecided;
  guint      n_read_rejected;   /* rejections found by reading, before
                                 * those of the preview */
  guint      n_read_listed;     /* of which listed */
  /* Filled by shouhu_import_annex2_write (): */
  gint64     event_id;
  guint      n_removed;
  /* The core's own: what the last preview saw (NULL before one) */
  gpointer   previewed;
} ShouhuAnnex2Import;

typedef enum
{
  SHOUHU_IMPORT_ANNEX1 = 1,
  SHOUHU_IMPORT_ANNEX2,
  SHOUHU_IMPORT_ROSTER,   /* 志愿者花名册 (shouhu-import-roster.h) */
  SHOUHU_IMPORT_LEDGER,   /* 服务台账 (shouhu-import-ledger.h) */
} ShouhuImportKind;

/* A service ledger's lines (服务台账), see shouhu-import-ledger.h. */
typedef struct _ShouhuLedgerImport ShouhuLedgerImport;

/* A workbook of either annex, a volunteers' roster or a service ledger,
 * as shouhu_import_from_file () found it. */
typedef struct
{
  ShouhuImportKind    kind;
  ShouhuAnnex1Import *annex1;   /* set for SHOUHU_IMPORT_ANNEX1 */
  ShouhuAnnex2Import *annex2;   /* set for SHOUHU_IMPORT_ANNEX2 */
  ShouhuRosterImport *roster;   /* set for SHOUHU_IMPORT_ROSTER */
  ShouhuLedgerImport *ledger;   /* set for SHOUHU_IMPORT_LEDGER */
} ShouhuImport;

GQuark              shouhu_import_error_quark     (void);

ShouhuAnnex1Import *shouhu_import_annex1_read      (const ShouhuXlsxWorkbook  *workbook,
                                                    GError                   **error);
ShouhuAnnex1Import *shouhu_import_annex1_from_file (const char                *path,
                                                    GError                   **error);
gboolean            shouhu_import_annex1_preview   (ShouhuStore               *store,
                                                    ShouhuAnnex1Import        *import,
                                                    GError                   **error);
gboolean            shouhu_import_annex1_write     (ShouhuStore               *store,
                                                    ShouhuAnnex1Import        *import,
                                                    GError                   **error);
void                shouhu_annex1_import_free      (ShouhuAnnex1Import        *import);

ShouhuAnnex2Import *shouhu_import_annex2_read      (const ShouhuXlsxWorkbook  *workbook,
                                                    GError                   **error);
ShouhuAnnex2Import *shouhu_import_annex2_from_file (const char                *path,
                                                    GError                   **error);
gboolean            shouhu_import_annex2_preview   (ShouhuStore               *store,
                                                    ShouhuAnnex2Import        *import,
                                                    GError                   **error);
gboolean            shouhu_import_annex2_write     (ShouhuStore               *store,
                                                    ShouhuAnnex2Import        *import,
                                                    GError                   **error);
void                shouhu_annex2_import_free      (ShouhuAnnex2Import        *import);

ShouhuImport       *shouhu_import_read             (const ShouhuXlsxWorkbook  *workbook,
                                                    GError                   **error);
ShouhuImport       *shouhu_import_from_file        (const char                *path,
                                                    GError                   **error);
gboolean            shouhu_import_preview          (ShouhuStore               *store,
                                                    ShouhuImport              *import,
                                                    GError                   **error);
gboolean            shouhu_import_write            (ShouhuStore               *store,
                                                    ShouhuImport              *import,
                                                    GError                   **error);
guint               shouhu_import_n_rejected       (const ShouhuImport        *import);
const char         *shouhu_import_action_label     (ShouhuImportAction         action);
void                shouhu_import_free             (ShouhuImport              *import);
char               *shouhu_import_phone            (const char                *field,
                                                    const char                *text,
                                                    gboolean                   stored_as_number,
                                                    GError                   **error);
char               *shouhu_import_parse_volunteers (const char                *names,
                                                    const char                *phones,
                                                    char                     **reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex1Import, shouhu_annex1_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuAnnex2Import, shouhu_annex2_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuImport, shouhu_import_free)

G_END_DECLS

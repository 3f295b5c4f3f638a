/* shouhu-import-roster.h — taking in a volunteers' roster (志愿者花名册)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"
#include "shouhu-xlsx-reader.h"

G_BEGIN_DECLS

/* One volunteer's row, checked but not yet stored. */
typedef struct
{
  char            *sheet;
  guint            row;         /* 1-based */
  ShouhuVolunteer *volunteer;   /* id 0; the row's values, validated */
  guint64          given;       /* (1 << ShouhuVolunteerField) of each field the row gives a value for */
} ShouhuRosterImportRow;

/* What the write will do with one row (filled by the preview). */
typedef struct
{
  const ShouhuRosterImportRow *row;           /* owned by the import's rows */
  int                          action;        /* a ShouhuImportAction */
  gint64                       volunteer_id;  /* the record updated, or 0 */
  char                        *changes;       /* translated field labels, "" for none */
} ShouhuRosterImportChange;

typedef struct
{
  char      *file_name;
  char      *sha256;            /* of the file */
  gint64     event_id;          /* the import_event written, once written */
  guint      n_sheets;          /* sheets read as rosters */
  GPtrArray *rows;              /* ShouhuRosterImportRow, the valid rows */
  GPtrArray *rejected;          /* ShouhuImportRejection */
  GPtrArray *ignored_headings;  /* char *: columns the roster does not know, passed over */
  /* Filled by shouhu_import_roster_preview (): */
  GPtrArray *changes;           /* ShouhuRosterImportChange, in file order */
  guint      n_new;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_read_rejected;   /* rejections found by reading, before those of the preview */
} ShouhuRosterImport;

ShouhuRosterImport *shouhu_import_roster_read      (const ShouhuXlsxWorkbook  *workbook,
                                                    GError                   **error);
ShouhuRosterImport *shouhu_import_roster_from_file (const char                *path,
                                                    GError                   **error);
gboolean            shouhu_import_roster_preview   (ShouhuStore               *store,
                                                    ShouhuRosterImport        *import,
                                                    GError                   **error);
gboolean            shouhu_import_roster_write     (ShouhuStore               *store,
                                                    ShouhuRosterImport        *import,
                                                    GError                   **error);
void                shouhu_roster_import_free      (ShouhuRosterImport        *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuRosterImport, shouhu_roster_import_free)

G_END_DECLS

/* shouhu-xlsx-reader.h — reading the cells of an xlsx workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SHOUHU_XLSX_ERROR (shouhu_xlsx_error_quark ())

typedef enum
{
  SHOUHU_XLSX_ERROR_IO,         /* the file cannot be read */
  SHOUHU_XLSX_ERROR_NOT_XLSX,   /* not a zip archive, or no workbook in it */
  SHOUHU_XLSX_ERROR_DAMAGED,    /* truncated, bad checksum, malformed XML, bad references */
  SHOUHU_XLSX_ERROR_TOO_LARGE,  /* a size or count above the reader's limits */
  SHOUHU_XLSX_ERROR_OTHER_FORMAT, /* another kind of file: .xls, .et, .ods, .csv … */
  SHOUHU_XLSX_ERROR_NOT_REGULAR,  /* a folder, a pipe or a device, not a file */
} ShouhuXlsxError;

/* Limits: a file beyond them is refused rather than read. */
#define SHOUHU_XLSX_MAX_FILE_SIZE   (128 * 1024 * 1024)  /* the xlsx file itself */
#define SHOUHU_XLSX_MAX_ENTRY_SIZE  (256 * 1024 * 1024)  /* one part, uncompressed */
#define SHOUHU_XLSX_MAX_TOTAL_SIZE  (512 * 1024 * 1024)  /* all parts read, uncompressed */
#define SHOUHU_XLSX_MAX_ENTRIES     10000                /* entries in the zip */
#define SHOUHU_XLSX_MAX_SHEETS      256
#define SHOUHU_XLSX_MAX_ROWS        1048576              /* as Excel: row 1048576 */
#define SHOUHU_XLSX_MAX_COLUMNS     16384                /* as Excel: column XFD */
#define SHOUHU_XLSX_MAX_CELLS       4000000              /* in the whole workbook */
#define SHOUHU_XLSX_MAX_STRINGS     2000000              /* shared strings */
#define SHOUHU_XLSX_MAX_TEXT        (32767 * 4)          /* bytes of one cell's text kept; a longer
                                                          * one is cut and marked too_long */
#define SHOUHU_XLSX_MAX_FORMATS     65536                /* cell formats (xf) and number formats */
#define SHOUHU_XLSX_MAX_MERGED      65536                /* merged ranges per sheet */
#define SHOUHU_XLSX_MAX_DEPTH       64                   /* XML element nesting */

typedef enum
{
  SHOUHU_XLSX_CELL_STRING,   /* shared, inline or a formula's text result */
  SHOUHU_XLSX_CELL_NUMBER,   /* text: the stored value exactly, e.g. "1.3812345678E+10" */
  SHOUHU_XLSX_CELL_BOOLEAN,  /* text: "TRUE" or "FALSE" */
  SHOUHU_XLSX_CELL_ERROR,    /* text: the error code, e.g. "#DIV/0!" */
  SHOUHU_XLSX_CELL_DATE,     /* text: an ISO 8601 date as stored (t="d") */
} ShouhuXlsxCellType;

/* Sixteen bytes: a sheet may hold millions. */
typedef struct
{
  guint               row : 20;         /* 0-based, below SHOUHU_XLSX_MAX_ROWS */
  ShouhuXlsxCellType  type : 8;
  guint               has_formula : 1;  /* text is then the formula's cached value */
  guint               too_long : 1;     /* the text had more than SHOUHU_XLSX_MAX_TEXT
                                         * bytes: text holds their start */
  guint               col : 14;         /* 0-based, below SHOUHU_XLSX_MAX_COLUMNS */
  guint               style : 17;       /* the cell's format (s=): see
                                         * shouhu_xlsx_sheet_get_shown(); one past
                                         * the formats a workbook may define is
                                         * kept as SHOUHU_XLSX_MAX_FORMATS */
  const char         *text;             /* UTF-8 without control characters but tab
                                         * and newline; never NULL; owned by the workbook */
} ShouhuXlsxCell;

typedef struct
{
  guint32 first_row;
  guint32 first_col;
  guint32 last_row;   /* inclusive */
  guint32 last_col;
} ShouhuXlsxRange;

typedef struct _ShouhuXlsxWorkbook ShouhuXlsxWorkbook;
typedef struct _ShouhuXlsxSheet    ShouhuXlsxSheet;

GQuark                 shouhu_xlsx_error_quark          (void);

ShouhuXlsxWorkbook    *shouhu_xlsx_workbook_new_from_file (const char     *path,
                                                           GError        **error);
ShouhuXlsxWorkbook    *shouhu_xlsx_workbook_new_from_data (const guint8   *data,
                                                           gsize           size,
                                                           const char     *display_name,
                                                           GError        **error);
void                   shouhu_xlsx_workbook_free        (ShouhuXlsxWorkbook *workbook);
const char            *shouhu_xlsx_workbook_get_name    (const ShouhuXlsxWorkbook *workbook);
const char            *shouhu_xlsx_workbook_get_sha256  (const ShouhuXlsxWorkbook *workbook);
guint                  shouhu_xlsx_workbook_get_n_sheets (const ShouhuXlsxWorkbook *workbook);
const ShouhuXlsxSheet *shouhu_xlsx_workbook_get_sheet   (const ShouhuXlsxWorkbook *workbook,
                                                         guint                     index);

const char            *shouhu_xlsx_sheet_get_name       (const ShouhuXlsxSheet *sheet);
gboolean               shouhu_xlsx_sheet_is_hidden      (const ShouhuXlsxSheet *sheet);
guint                  shouhu_xlsx_sheet_get_n_rows     (const ShouhuXlsxSheet *sheet);
guint                  shouhu_xlsx_sheet_get_n_columns  (const ShouhuXlsxSheet *sheet);
const ShouhuXlsxCell  *shouhu_xlsx_sheet_get_cells      (const ShouhuXlsxSheet *sheet,
                                                         gsize                 *n_cells);
const ShouhuXlsxCell  *shouhu_xlsx_sheet_get_cell       (const ShouhuXlsxSheet *sheet,
                                                         guint                  row,
                                                         guint                  col);
const ShouhuXlsxRange *shouhu_xlsx_sheet_get_merged     (const ShouhuXlsxSheet *sheet,
                                                         guint                 *n_ranges);
const ShouhuXlsxRange *shouhu_xlsx_sheet_find_merged    (const ShouhuXlsxSheet *sheet,
                                                         guint                  row,
                                                         guint                  col);
const guint32         *shouhu_xlsx_sheet_get_hidden_rows (const ShouhuXlsxSheet *sheet,
                                                         guint                 *n_rows);
const char            *shouhu_xlsx_sheet_get_format     (const ShouhuXlsxSheet *sheet,
                                                         const ShouhuXlsxCell  *cell);
const char            *shouhu_xlsx_sheet_get_shown      (const ShouhuXlsxSheet *sheet,
                                                         const ShouhuXlsxCell  *cell,
                                                         GString               *scratch);
char                  *shouhu_xlsx_sheet_get_date       (const ShouhuXlsxSheet *sheet,
                                                         const ShouhuXlsxCell  *cell);

/* Number formats (shouhu-xlsx-format.c) */
const char            *shouhu_xlsx_builtin_format       (guint        id);
char                  *shouhu_xlsx_format_number        (double       value,
                                                         const char  *code,
                                                         gboolean     date1904);
gboolean               shouhu_xlsx_format_is_date       (const char  *code);
char                  *shouhu_xlsx_serial_to_date       (double       serial,
                                                         gboolean     date1904);

char                  *shouhu_xlsx_cell_name            (guint        row,
                                                         guint        col);
gboolean               shouhu_xlsx_parse_cell_name      (const char  *name,
                                                         gsize        length,
                                                         guint       *row,
                                                         guint       *col);
char                  *shouhu_xlsx_number_digits        (const char  *stored);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuXlsxWorkbook, shouhu_xlsx_workbook_free)

G_END_DECLS

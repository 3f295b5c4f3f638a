/* shouhu-export-private.h — what the workbooks of core share (core/ only)
 *
 * The one way a workbook is written (shouhu-export.c), its formats and
 * the cell helpers that mask a masked workbook, for the exports kept in
 * files of their own (the volunteers' roster, the summary, the work report).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-export.h"

#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct
{
  lxw_workbook *wb;
  gboolean      masked;   /* every text goes through shouhu_mask_text() */
  lxw_error     status;   /* the first failure of a write, if any */
  lxw_format   *mark;     /* 附件1 */
  lxw_format   *title;
  lxw_format   *line;     /* the date line, centred */
  lxw_format   *line_left;
  lxw_format   *header;
  lxw_format   *text;
  lxw_format   *centre;
  lxw_format   *number;
  lxw_format   *percent;
  lxw_format   *total_label;
  lxw_format   *total_number;
  lxw_format   *note;
  lxw_format   *text_top;   /* text of a row too tall to print whole */
  /* Annex 1, smaller to hold its 41 rows on one page */
  lxw_format   *a1_title;
  lxw_format   *a1_line;
  lxw_format   *a1_header;
  lxw_format   *a1_text;
  lxw_format   *a1_centre;
  lxw_format   *a1_number;
  lxw_format   *a1_total_label;
  lxw_format   *a1_total_number;
} ShouhuExportBook;

/* Broken where the notice's form breaks it, so that a narrow column never
 * leaves "北" alone on a line.  (Imports read headings without their
 * line breaks.) */
#define SHOUHU_EXPORT_HUBEI_HEADING "其中：\n支援湖北"

typedef gboolean (*ShouhuExportBuildFunc) (ShouhuExportBook  *book,
                                           gpointer           data,
                                           GError           **error);

gboolean shouhu_export_write_book    (const char            *path,
                                      gboolean               constant_memory,
                                      gboolean               masked,
                                      ShouhuExportBuildFunc  build,
                                      gpointer               data,
                                      GError               **error);
lxw_format *shouhu_export_new_cell_format (ShouhuExportBook *book,
                                           gboolean          bold,
                                           uint8_t           align);
void     shouhu_export_put_text      (ShouhuExportBook      *book,
                                      lxw_worksheet         *ws,
                                      int                    row,
                                      int                    col,
                                      const char            *text,
                                      lxw_format            *format);
void     shouhu_export_put_number    (ShouhuExportBook      *book,
                                      lxw_worksheet         *ws,
                                      int                    row,
                                      int                    col,
                                      double                 value,
                                      lxw_format            *format);
void     shouhu_export_put_merged    (ShouhuExportBook      *book,
                                      lxw_worksheet         *ws,
                                      int                    first_row,
                                      int                    first_col,
                                      int                    last_row,
                                      int                    last_col,
                                      const char            *text,
                                      lxw_format            *format);
void     shouhu_export_set_page      (ShouhuExportBook      *book,
                                      lxw_worksheet         *ws,
                                      int                    header_first,
                                      int                    header_last);
double   shouhu_export_text_width    (const char            *text);
void     shouhu_export_fit_width     (double                *width,
                                      const char            *text);
int      shouhu_export_wrapped_lines (const char            *text,
                                      double                 width);
double   shouhu_export_row_height    (ShouhuExportBook      *book,
                                      int                    lines,
                                      lxw_format           **format);

/* The Annex 2 fields that are columns of the official sheet, in its
 * order after 序号; returns how many (shouhu-export-load.c). */
int shouhu_export_sheet_fields (ShouhuAnnex2Field fields[SHOUHU_ANNEX2_N_FIELDS]);

G_END_DECLS

/* shouhu-export-private.h — the workbook writer that every export shares (core/ only)
 *
 * Workbooks other than the annexes (the work report, …) are built in files
 * of their own but written through the same writer as the annexes: a
 * private temporary file beside the target, renamed when whole, under the
 * "C" numeric locale, every text through the masking when asked.  Their
 * cells go through the writer's put functions, so that a masked workbook
 * masks every cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-export.h"

#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct _ShouhuExportBook ShouhuExportBook;

/* The writer's cell formats: 宋体, the forms' sizes. */
typedef enum
{
  SHOUHU_EXPORT_STYLE_MARK,          /* 附件1, bold */
  SHOUHU_EXPORT_STYLE_TITLE,         /* the form's title, 18 points, centred */
  SHOUHU_EXPORT_STYLE_LINE,          /* a line under the title, centred */
  SHOUHU_EXPORT_STYLE_LINE_LEFT,
  SHOUHU_EXPORT_STYLE_HEADER,        /* a bordered heading cell, bold, wrapping */
  SHOUHU_EXPORT_STYLE_TEXT,          /* a bordered text cell, wrapping */
  SHOUHU_EXPORT_STYLE_CENTRE,
  SHOUHU_EXPORT_STYLE_NUMBER,        /* a bordered whole number */
  SHOUHU_EXPORT_STYLE_TOTAL_LABEL,   /* the 合计 row */
  SHOUHU_EXPORT_STYLE_TOTAL_NUMBER,
  SHOUHU_EXPORT_STYLE_NOTE,          /* 说明 lines under the table */
} ShouhuExportStyle;

typedef gboolean (*ShouhuExportBuildFunc) (ShouhuExportBook  *book,
                                           gpointer           data,
                                           GError           **error);

gboolean       shouhu_export_write_book        (const char            *path,
                                                gboolean               masked,
                                                ShouhuExportBuildFunc  build,
                                                gpointer               data,
                                                GError               **error);

lxw_worksheet *shouhu_export_book_add_sheet    (ShouhuExportBook      *book,
                                                const char            *name,
                                                GError               **error);
lxw_format    *shouhu_export_book_style        (ShouhuExportBook      *book,
                                                ShouhuExportStyle      style);
lxw_format    *shouhu_export_book_new_format   (ShouhuExportBook      *book,
                                                ShouhuExportStyle      like);
void           shouhu_export_book_text         (ShouhuExportBook      *book,
                                                lxw_worksheet         *ws,
                                                int                    row,
                                                int                    col,
                                                const char            *text,
                                                lxw_format            *format);
void           shouhu_export_book_number       (ShouhuExportBook      *book,
                                                lxw_worksheet         *ws,
                                                int                    row,
                                                int                    col,
                                                double                 value,
                                                lxw_format            *format);
void           shouhu_export_book_merged       (ShouhuExportBook      *book,
                                                lxw_worksheet         *ws,
                                                int                    first_row,
                                                int                    first_col,
                                                int                    last_row,
                                                int                    last_col,
                                                const char            *text,
                                                lxw_format            *format);
void           shouhu_export_book_page         (ShouhuExportBook      *book,
                                                lxw_worksheet         *ws,
                                                int                    header_first,
                                                int                    header_last);
double         shouhu_export_text_width        (const char            *text);
int            shouhu_export_wrapped_lines     (const char            *text,
                                                double                 width);

/* Points per line of 11-point text in a wrapping cell. */
#define SHOUHU_EXPORT_LINE_HEIGHT 15.0

G_END_DECLS

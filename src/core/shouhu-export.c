/* shouhu-export.c — the official xlsx layouts (upward reporting)
 *
 * The sheets are the notice's own forms, so their words are Chinese
 * whatever the language of the interface, and never go through gettext;
 * only the messages a user reads when something goes wrong do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-export.h"
#include "shouhu-export-file.h"
#include "shouhu-export-private.h"
#include "shouhu-export-roster.h"
#include "shouhu-mask.h"
#include "shouhu-store-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (shouhu-export-error-quark, shouhu_export_error)

/* GB2312, so that spreadsheet programs pick the Chinese face of the font. */
#define CHARSET_GB2312 134
#define FONT_NAME "宋体"
#define PAPER_A4 9

/* Keeps pages printable: longer text wraps inside its cell. */
#define MAX_COLUMN_WIDTH 36.0
/* Points per line of 11-point text in a wrapping cell: 宋体 takes 14.25,
 * the CJK faces that stand in for it elsewhere up to 16. */
#define LINE_HEIGHT 16.0
/* The tallest row a spreadsheet keeps (Excel's limit). */
#define MAX_ROW_HEIGHT 409.0

/* Printed legibly means body text of 9 points or more once the sheet is
 * scaled to the width of A4 landscape (29.7 cm less 2 × 0.4 inch of
 * margin: 784 points).  A column of width w (in the widths of the default
 * font's digits) takes 7w + 5 pixels of 0.75 point.
 *
 * Annex 2 is 11-point text, so its columns may take 784 points at most
 * to print at full size: they wrap within widths whose caps add up to
 * that (see annex2_max_widths).  Annex 1 has 41 rows that go on one page:
 * its text is 10 points in 12-point rows, which one A4 landscape page
 * holds at 92 %, 9.2 points printed. */
#define A1_FONT_SIZE 10
#define A1_ROW_HEIGHT 12.0
#define A1_PAGE_SCALE 0.92

/* ---- Workbook helpers -------------------------------------------------- */

/* The workbook being built: ShouhuExportBook of shouhu-export-private.h. */
typedef ShouhuExportBook Book;

static lxw_format *
new_format (Book    *book,
            double   size,
            gboolean bold)
{
  lxw_format *f = workbook_add_format (book->wb);

  format_set_font_name (f, FONT_NAME);
  format_set_font_charset (f, CHARSET_GB2312);
  format_set_font_size (f, size);
  format_set_align (f, LXW_ALIGN_VERTICAL_CENTER);
  if (bold)
    format_set_bold (f);
  return f;
}

static lxw_format *
new_cell_format_sized (Book          *book,
                       double         size,
                       gboolean       bold,
                       uint8_t        align)
{
  lxw_format *f = new_format (book, size, bold);

  format_set_border (f, LXW_BORDER_THIN);
  format_set_align (f, align);
  format_set_text_wrap (f);
  return f;
}

static lxw_format *
new_cell_format (Book          *book,
                 gboolean       bold,
                 uint8_t        align)
{
  return new_cell_format_sized (book, 11, bold, align);
}

static void
book_add_annex1_formats (Book *book)
{
  book->a1_title = new_format (book, 16, TRUE);
  format_set_align (book->a1_title, LXW_ALIGN_CENTER);
  book->a1_line = new_format (book, 11, FALSE);
  format_set_align (book->a1_line, LXW_ALIGN_CENTER);
  book->a1_header = new_cell_format_sized (book, A1_FONT_SIZE, TRUE, LXW_ALIGN_CENTER);
  book->a1_text = new_cell_format_sized (book, A1_FONT_SIZE, FALSE, LXW_ALIGN_LEFT);
  book->a1_centre = new_cell_format_sized (book, A1_FONT_SIZE, FALSE, LXW_ALIGN_CENTER);
  book->a1_number = new_cell_format_sized (book, A1_FONT_SIZE, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (book->a1_number, "0");
  book->a1_total_label = new_cell_format_sized (book, A1_FONT_SIZE, TRUE, LXW_ALIGN_CENTER);
  book->a1_total_number = new_cell_format_sized (book, A1_FONT_SIZE, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (book->a1_total_number, "0");
}

static void
book_add_formats (Book *book)
{
  book->mark = new_format (book, 12, TRUE);
  book->title = new_format (book, 18, TRUE);
  format_set_align (book->title, LXW_ALIGN_CENTER);
  book->line = new_format (book, 12, FALSE);
  format_set_align (book->line, LXW_ALIGN_CENTER);
  book->line_left = new_format (book, 12, FALSE);
  book->header = new_cell_format (book, TRUE, LXW_ALIGN_CENTER);
  book->text = new_cell_format (book, FALSE, LXW_ALIGN_LEFT);
  book->centre = new_cell_format (book, FALSE, LXW_ALIGN_CENTER);
  book->number = new_cell_format (book, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (book->number, "0");
  book->percent = new_cell_format (book, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (book->percent, "0.0%");
  book->total_label = new_cell_format (book, TRUE, LXW_ALIGN_CENTER);
  book->total_number = new_cell_format (book, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (book->total_number, "0");
  book->note = new_format (book, 11, FALSE);
  book->text_top = new_cell_format (book, FALSE, LXW_ALIGN_LEFT);
  format_set_align (book->text_top, LXW_ALIGN_VERTICAL_TOP);
  book_add_annex1_formats (book);
}

/* Writes go on after a failure (libxlsxwriter returns a status for each);
 * the first failure is what the export reports. */
static void
remember_failure (Book      *book,
                  lxw_error  err)
{
  if (book->status == LXW_NO_ERROR)
    book->status = err;
}

/* Text exactly as given: only for text that has been through masking
 * already when the workbook is masked. */
static void
put_text_as_is (Book          *book,
                lxw_worksheet *ws,
                int            row,
                int            col,
                const char    *text,
                lxw_format    *format)
{
  remember_failure (book, worksheet_write_string (ws, row, col, text, format));
}

/* Every other text of a workbook is written by put_text() or
 * put_merged(), so that a masked workbook masks every cell, whatever its
 * column. */
static void
put_text (Book          *book,
          lxw_worksheet *ws,
          int            row,
          int            col,
          const char    *text,
          lxw_format    *format)
{
  g_autofree char *masked = book->masked ? shouhu_mask_text (text) : NULL;

  put_text_as_is (book, ws, row, col, masked != NULL ? masked : text, format);
}

static void
put_number (Book          *book,
            lxw_worksheet *ws,
            int            row,
            int            col,
            double         value,
            lxw_format    *format)
{
  remember_failure (book, worksheet_write_number (ws, row, col, value, format));
}

static void
put_merged (Book          *book,
            lxw_worksheet *ws,
            int            first_row,
            int            first_col,
            int            last_row,
            int            last_col,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *masked = book->masked ? shouhu_mask_text (text) : NULL;

  remember_failure (book, worksheet_merge_range (ws, first_row, first_col, last_row, last_col,
                                     masked != NULL ? masked : text, format));
}

/* A4 landscape, @pages_tall pages tall at most (0: as many as it takes),
 * one page wide, the column header rows on every page. */
static void
set_page (Book          *book,
          lxw_worksheet *ws,
          int            header_first,
          int            header_last,
          int            pages_tall)
{
  worksheet_set_paper (ws, PAPER_A4);
  worksheet_set_landscape (ws);
  worksheet_fit_to_pages (ws, 1, pages_tall);
  worksheet_center_horizontally (ws);
  /* One page of Annex 1 needs the height that a page number would take. */
  if (pages_tall == 1)
    worksheet_set_margins (ws, 0.4, 0.4, 0.3, 0.3);
  else
    worksheet_set_margins (ws, 0.4, 0.4, 0.6, 0.6);
  remember_failure (book, worksheet_repeat_rows (ws, header_first, header_last));
}

/* Width in spreadsheet units of 11-point text: a Chinese character is
 * about two digits wide. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2.1 : 1.1;
  return width;
}

/* The height of a row of @lines lines, as tall as a spreadsheet allows at
 * most: longer text stays whole in its cell, and prints cut. */
static double
row_height (int    lines,
            double line_height)
{
  return MIN (lines * line_height, MAX_ROW_HEIGHT);
}

static void
fit_width (double     *width,
           const char *text)
{
  *width = MAX (*width, MIN (text_width (text) + 2, MAX_COLUMN_WIDTH));
}

/* Filling the lines of a wrapping cell, as spreadsheets do: a Chinese
 * character may start a line anywhere, a run of digits or Latin letters
 * (a phone number) moves to the next line whole, unless it is longer
 * than a line. */
typedef struct
{
  double usable;  /* the width of a line */
  double line;    /* taken on the current line */
  int    lines;   /* lines filled before the current one */
} Wrap;

static void
wrap_piece (Wrap   *w,
            double  piece)
{
  if (piece <= 0)
    return;
  if (w->line > 0 && w->line + piece > w->usable)
    {
      w->lines++;
      w->line = 0;
    }
  while (piece > w->usable)
    {
      w->lines++;
      piece -= w->usable;
    }
  w->line += piece;
}

/* The lines @text of @size points takes in a wrapping cell @width wide:
 * a cell pads its text with a few pixels (fit_width() gives it two units
 * more than it needs), and a hard line break starts a line. */
static int
wrapped_lines_sized (const char *text,
                     double      width,
                     double      size)
{
  Wrap w = { MAX (1.0, width - 1), 0, 0 };
  double word = 0;

  /* One pass, no copies: it runs for every cell of every row. */
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ' || c == '\n' || c == '\0' || g_unichar_iswide (c))
        {
          wrap_piece (&w, word);
          word = 0;
        }
      if (c == '\n' || c == '\0')
        {
          w.lines++;
          w.line = 0;
          if (c == '\0')
            break;
        }
      else if (c == ' ')
        w.line = MIN (w.line + 1.1 * size / 11, w.usable);
      else if (g_unichar_iswide (c))
        wrap_piece (&w, 2.1 * size / 11);
      else
        word += 1.1 * size / 11;
    }
  return w.lines;
}

static int
wrapped_lines (const char *text,
               double      width)
{
  return wrapped_lines_sized (text, width, 11);
}

/* "2020-02-07" → "（截至2020年2月7日）" */
static char *
as_of_line (const char *as_of)
{
  guint y = 0, m = 0, d = 0;

  if (as_of == NULL || sscanf (as_of, "%u-%u-%u", &y, &m, &d) != 3)
    return g_strdup ("");
  return g_strdup_printf ("（截至%u年%u月%u日）", y, m, d);
}

static char *
column_name (int col)
{
  char name[LXW_MAX_COL_NAME_LENGTH];

  lxw_col_to_name (name, (lxw_col_t) col, FALSE);
  return g_strdup (name);
}

/* ---- Writing beside the target, then renaming -------------------------- */

typedef ShouhuExportBuildFunc BuildFunc;

/* A translated reason for a failure of libxlsxwriter: its own text is
 * English and speaks of its internals. */
static const char *
describe_lxw_error (lxw_error status)
{
  switch (status)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      return g_strerror (ENOMEM);
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return _("a cell holds more than 32,767 characters, more than a spreadsheet cell can hold; "
               "shorten that text");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
      return _("the table has more rows or columns than a spreadsheet can hold");
    case LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED:
    case LXW_ERROR_INVALID_SHEETNAME_CHARACTER:
    case LXW_ERROR_SHEETNAME_START_END_APOSTROPHE:
    case LXW_ERROR_SHEETNAME_ALREADY_USED:
      return _("a sheet name is not allowed in a spreadsheet");
    default:
      return NULL;
    }
}

/* libxlsxwriter prints numbers (values, column widths, margins) with the
 * thread's LC_NUMERIC, so a comma-decimal locale would break the file: the
 * whole workbook is built and written under the "C" locale. */
static gboolean
write_workbook (const char  *path,
                gboolean     constant_memory,
                gboolean     masked,
                BuildFunc    build,
                gpointer     data,
                GError     **error)
{
  g_autoptr(ShouhuExportFile) file = shouhu_export_file_new (path, error);
  lxw_workbook_options options = { .constant_memory = constant_memory };
  Book book = { .masked = masked };
  locale_t c_locale, old_locale;
  lxw_error status = LXW_NO_ERROR;
  gboolean built;
  int saved = 0;

  if (file == NULL)
    return FALSE;
  /* The library's own temporary files stay in the private folder too. */
  options.tmpdir = (char *) shouhu_export_file_get_temp_dir (file);

  c_locale = newlocale (LC_ALL_MASK, "C", (locale_t) 0);
  old_locale = uselocale (c_locale);

  book.wb = workbook_new_opt (shouhu_export_file_get_temp_path (file), &options);
  if (book.wb == NULL)
    {
      uselocale (old_locale);
      freelocale (c_locale);
      shouhu_export_file_set_error (file, ENOMEM, NULL, error);
      return FALSE;
    }
  book_add_formats (&book);
  built = build (&book, data, error);
  if (built && book.status != LXW_NO_ERROR)
    {
      shouhu_export_file_set_error (file, 0, describe_lxw_error (book.status), error);
      built = FALSE;
    }
  if (built)
    {
      errno = 0;
      status = workbook_close (book.wb);
      saved = errno;
    }
  else
    lxw_workbook_free (book.wb);

  uselocale (old_locale);
  freelocale (c_locale);

  if (!built)
    return FALSE;
  if (status != LXW_NO_ERROR)
    {
      shouhu_export_file_set_error (file, saved, describe_lxw_error (status), error);
      return FALSE;
    }
  return shouhu_export_file_commit (file, error);
}

/* ---- Annex 1 ----------------------------------------------------------- */

#define ANNEX1_FIRST_DATA_ROW 5

#define HUBEI_HEADING SHOUHU_EXPORT_HUBEI_HEADING

/* The batches the form shows: the notice's two, and later ones up to the
 * last that holds a figure.  An empty batch added at the end is left out. */
static int
annex1_batches_shown (const ShouhuAnnex1Table *table)
{
  int n = table->n_batches;

  while (n > 2)
    {
      ShouhuCount last = shouhu_annex1_batch_sum (table, n);

      if (last.total != 0 || last.hubei != 0)
        break;
      n--;
    }
  return n;
}

/* The title lines and the two-row header as the notice prints them. */
static void
write_annex1_header (Book          *book,
                     lxw_worksheet *ws,
                     const char    *as_of,
                     int            n_batches)
{
  int note_col = 4 + 2 * n_batches;
  g_autofree char *date_line = as_of_line (as_of);

  put_text (book, ws, 0, 0, "附件1", book->mark);
  worksheet_set_row (ws, 0, 16, NULL);
  worksheet_set_row (ws, 1, 24, NULL);
  put_merged (book, ws, 1, 0, 1, note_col, "重庆市一线医护人员信息统计表", book->a1_title);
  worksheet_set_row (ws, 2, 16, NULL);
  put_merged (book, ws, 2, 0, 2, note_col, date_line, book->a1_line);

  worksheet_set_row (ws, 3, 14, NULL);
  worksheet_set_row (ws, 4, 26, NULL);
  put_merged (book, ws, 3, 0, 4, 0, "序号", book->a1_header);
  put_merged (book, ws, 3, 1, 4, 1, "区县", book->a1_header);
  put_merged (book, ws, 3, 2, 4, 2, "共计", book->a1_header);
  put_merged (book, ws, 3, 3, 4, 3, HUBEI_HEADING, book->a1_header);
  for (int b = 0; b < n_batches; b++)
    {
      g_autofree char *name = shouhu_annex1_batch_heading (b + 1);
      int col = 4 + 2 * b;

      put_merged (book, ws, 3, col, 3, col + 1, name, book->a1_header);
      put_text (book, ws, 4, col, "总人数", book->a1_header);
      put_text (book, ws, 4, col + 1, HUBEI_HEADING, book->a1_header);
    }
  put_merged (book, ws, 3, note_col, 4, note_col, "备注", book->a1_header);
}

/* 合计: formulas, each carrying its value for viewers that do not
 * recalculate. */
static void
write_annex1_total (Book                    *book,
                    lxw_worksheet           *ws,
                    const ShouhuAnnex1Table *table,
                    int                      n_batches)
{
  int note_col = 4 + 2 * n_batches;
  int total_row = ANNEX1_FIRST_DATA_ROW + SHOUHU_N_DISTRICTS;

  worksheet_set_row (ws, total_row, A1_ROW_HEIGHT, NULL);
  put_merged (book, ws, total_row, 0, total_row, 1, "合计", book->a1_total_label);
  for (int col = 2; col < note_col; col++)
    {
      g_autofree char *name = column_name (col);
      g_autofree char *formula = g_strdup_printf ("=SUM(%s%d:%s%d)", name, ANNEX1_FIRST_DATA_ROW + 1,
                                                  name, total_row);
      ShouhuCount sum = col < 4 ? shouhu_annex1_grand_total (table)
                                : shouhu_annex1_batch_sum (table, (col - 4) / 2 + 1);

      remember_failure (book, worksheet_write_formula_num (ws, total_row, col, formula, book->a1_total_number,
                                                           col % 2 == 0 ? sum.total : sum.hubei));
    }
  put_text (book, ws, total_row, note_col, "", book->a1_total_label);
}

/* The pixels of a column @width wide. */
static double
column_pixels (double width)
{
  return (int) (width * 7 + 0.5) + 5;
}

/* Count columns share the width the page leaves them at the scale its
 * height sets (A1_PAGE_SCALE): as wide as 支援湖北 in bold at least, with
 * some air while there is room.  Past five batches they make the page
 * print smaller. */
static double
annex1_count_width (int    n_batches,
                    double district_width,
                    double note_width)
{
  double page = 784 / A1_PAGE_SCALE / 0.75;
  double room = page - column_pixels (5) - column_pixels (district_width) - column_pixels (note_width);
  int n = 2 + 2 * n_batches;

  return CLAMP ((room / n - 5) / 7, 9, 12);
}

static gboolean
build_annex1 (Book      *book,
              gpointer   data,
              GError   **error)
{
  const ShouhuAnnex1Table *table = data;
  lxw_worksheet *ws = workbook_add_worksheet (book->wb, "附件1");
  int n_batches = annex1_batches_shown (table);
  int note_col = 4 + 2 * n_batches;
  double district_width = 8;
  double note_width = 12;
  double scale = (double) A1_FONT_SIZE / 11;

  if (ws == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("The sheet could not be added to the workbook"));
      return FALSE;
    }

  set_page (book, ws, 3, 4, 1);
  write_annex1_header (book, ws, table->as_of, n_batches);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      const ShouhuDistrict *d = shouhu_district_get (table->rows[i].district_id);

      district_width = MAX (district_width, text_width (d->name) * scale + 2);
      note_width = MAX (note_width, MIN (text_width (table->rows[i].note) * scale + 2, MAX_COLUMN_WIDTH));
    }

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      const ShouhuAnnex1Row *r = &table->rows[i];
      const ShouhuDistrict *d = shouhu_district_get (r->district_id);
      ShouhuCount sum = shouhu_annex1_row_sum (table, i);
      int row = ANNEX1_FIRST_DATA_ROW + i;
      int lines = wrapped_lines_sized (r->note, note_width, A1_FONT_SIZE);

      /* A long remark makes its row taller: the page then prints smaller
       * rather than cut it. */
      worksheet_set_row (ws, row, row_height (lines, A1_ROW_HEIGHT), NULL);
      put_number (book, ws, row, 0, d->id, book->a1_number);
      put_text (book, ws, row, 1, d->name, book->a1_centre);
      put_number (book, ws, row, 2, sum.total, book->a1_number);
      put_number (book, ws, row, 3, sum.hubei, book->a1_number);
      for (int b = 0; b < n_batches; b++)
        {
          put_number (book, ws, row, 4 + 2 * b, r->batches[b].total, book->a1_number);
          put_number (book, ws, row, 5 + 2 * b, r->batches[b].hubei, book->a1_number);
        }
      put_text (book, ws, row, note_col, r->note, book->a1_text);
    }
  write_annex1_total (book, ws, table, n_batches);

  worksheet_set_column (ws, 0, 0, 5, NULL);
  worksheet_set_column (ws, 1, 1, district_width, NULL);
  worksheet_set_column (ws, 2, note_col - 1, annex1_count_width (n_batches, district_width, note_width), NULL);
  worksheet_set_column (ws, note_col, note_col, note_width, NULL);
  return TRUE;
}

/**
 * shouhu_export_annex1:
 * @masked: mask what the 备注 column may hold, as shouhu_export_annex2() does
 *
 * Writes the 附件1 workbook of @table to @path.
 */
gboolean
shouhu_export_annex1 (const ShouhuAnnex1Table  *table,
                      gboolean                  masked,
                      const char               *path,
                      GError                  **error)
{
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* The merged two-row header needs the default (in-memory) mode. */
  return write_workbook (path, FALSE, masked, build_annex1, (gpointer) table, error);
}

/* ---- Annex 2 ----------------------------------------------------------- */

/* The sheet as a masked workbook shows it, so that column widths and row
 * heights fit what is written: every text masked by content, and the
 * home address cut at its 乡镇（街道）. */
static ShouhuExportAnnex2Sheet *
masked_sheet (const ShouhuExportAnnex2Sheet *sheet)
{
  g_autofree char *reporter = shouhu_mask_text (sheet->reporter);
  g_autofree char *phone = shouhu_mask_text (sheet->phone);
  ShouhuExportAnnex2Sheet *copy = shouhu_export_annex2_sheet_new (sheet->district_id, reporter, phone);

  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const ShouhuExportAnnex2Row *rw = &g_array_index (sheet->rows, ShouhuExportAnnex2Row, r);
      ShouhuExportAnnex2Row masked;

      /* Each column by its rule in the form's table. */
      for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        {
          gboolean cut = shouhu_annex2_form_column (f)->mask == SHOUHU_MASK_ADDRESS;
          g_autofree char *address = cut ? shouhu_mask_address (rw->cells[f]) : NULL;

          masked.cells[f] = shouhu_mask_text (address != NULL ? address : rw->cells[f]);
        }
      g_array_append_val (copy->rows, masked);
    }
  return copy;
}

/* The widest each column of Annex 2 gets: with 序号's 5, 139 units, 771
 * points, so that 11-point text prints at full size on A4 landscape (see
 * A1_FONT_SIZE).  Addresses, places, volunteers and remarks wrap; a
 * mobile number (11 digits) fits its column. */
#define ANNEX2_NUMBER_WIDTH 5.0
static const double annex2_max_widths[SHOUHU_ANNEX2_N_FIELDS] = {
  [SHOUHU_ANNEX2_FIELD_HOSPITAL] = 16,
  [SHOUHU_ANNEX2_FIELD_NAME] = 8,
  [SHOUHU_ANNEX2_FIELD_GENDER] = 5,
  [SHOUHU_ANNEX2_FIELD_TITLE] = 8,
  [SHOUHU_ANNEX2_FIELD_WORK_PLACE] = 13,
  [SHOUHU_ANNEX2_FIELD_HOME_ADDRESS] = 20,
  [SHOUHU_ANNEX2_FIELD_PHONE] = 15,
  [SHOUHU_ANNEX2_FIELD_FAMILY_PHONE] = 15,
  [SHOUHU_ANNEX2_FIELD_VOLUNTEERS] = 18,
  [SHOUHU_ANNEX2_FIELD_NOTE] = 16,
};

/* Column widths as the texts need them, within their caps (a column
 * without one, added to the form later, gets the widest).  Headers wrap,
 * so they count only for their longest half. */
static void
annex2_widths (const ShouhuExportAnnex2Sheet *sheet,
               const ShouhuAnnex2Field       *fields,
               int                            n_fields,
               double                        *widths)
{
  widths[0] = ANNEX2_NUMBER_WIDTH;
  for (int c = 0; c < n_fields; c++)
    widths[c + 1] = MAX (5, text_width (shouhu_annex2_form_column (fields[c])->heading) / 2 + 3);
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      const ShouhuExportAnnex2Row *rw = &g_array_index (sheet->rows, ShouhuExportAnnex2Row, r);

      for (int c = 0; c < n_fields; c++)
        fit_width (&widths[c + 1], rw->cells[fields[c]]);
    }
  for (int c = 0; c < n_fields; c++)
    if (annex2_max_widths[fields[c]] > 0)
      widths[c + 1] = MIN (widths[c + 1], annex2_max_widths[fields[c]]);
}

/* Rows go strictly downwards: the sheet is streamed (constant memory). */
static gboolean
write_annex2_sheet (Book                          *book,
                    const ShouhuExportAnnex2Sheet *stored,
                    GError                       **error)
{
  g_autoptr(ShouhuExportAnnex2Sheet) masked = book->masked ? masked_sheet (stored) : NULL;
  const ShouhuExportAnnex2Sheet *sheet = masked != NULL ? masked : stored;
  const ShouhuDistrict *d = shouhu_district_get (sheet->district_id);
  ShouhuAnnex2Field fields[SHOUHU_ANNEX2_N_FIELDS];
  const int n_fields = shouhu_export_sheet_fields (fields);
  const int last_col = n_fields;   /* after 序号 */
  double widths[SHOUHU_ANNEX2_N_FIELDS + 1];
  lxw_worksheet *ws;
  lxw_format *text;
  g_autofree char *line = NULL;
  int header_lines = 1;
  int row;

  if (d == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("There is no district number %d"), sheet->district_id);
      return FALSE;
    }
  ws = workbook_add_worksheet (book->wb, d->name);
  if (ws == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("The sheet of %s could not be added to the workbook; is it there twice?"), d->name);
      return FALSE;
    }

  /* Column widths come first: a streamed sheet cannot change them later. */
  annex2_widths (sheet, fields, n_fields, widths);
  for (int c = 0; c <= last_col; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);

  set_page (book, ws, 3, 3, 0);
  put_text (book, ws, 0, 0, "附件2", book->mark);
  worksheet_set_row (ws, 1, 32, NULL);
  put_merged (book, ws, 1, 0, 1, last_col, "重庆志愿者精准守护一线医护人员工作信息表", book->title);
  line = g_strdup_printf ("区县：%s　　　　填报人：%s　　　　联系电话：%s",
                          d->name, sheet->reporter, sheet->phone);
  put_merged (book, ws, 2, 0, 2, last_col, line, book->line_left);
  put_text (book, ws, 3, 0, SHOUHU_ANNEX2_FORM_NUMBER_HEADING, book->header);
  for (int c = 0; c < n_fields; c++)
    {
      const char *heading = shouhu_annex2_form_column (fields[c])->heading;

      header_lines = MAX (header_lines, wrapped_lines (heading, widths[c + 1]));
      put_text (book, ws, 3, c + 1, heading, book->header);
    }
  worksheet_set_row (ws, 3, row_height (header_lines, LINE_HEIGHT), NULL);

  row = 4;
  for (guint r = 0; r < sheet->rows->len; r++, row++)
    {
      const ShouhuExportAnnex2Row *rw = &g_array_index (sheet->rows, ShouhuExportAnnex2Row, r);
      int lines = 1;

      for (int c = 0; c < n_fields; c++)
        lines = MAX (lines, wrapped_lines (rw->cells[fields[c]], widths[c + 1]));
      /* Spreadsheets keep a row at one line unless told otherwise, and
       * the wrapped rest of a long address would be cut off.  A text too
       * long for the tallest row stays whole in its cell; it prints from
       * its start, cut at the foot of the row. */
      if (lines > 1)
        worksheet_set_row (ws, row, row_height (lines, LINE_HEIGHT), NULL);
      text = lines * LINE_HEIGHT > MAX_ROW_HEIGHT ? book->text_top : book->text;
      put_number (book, ws, row, 0, r + 1, book->number);
      /* In a masked workbook, @sheet is masked_sheet()'s copy. */
      for (int c = 0; c < n_fields; c++)
        put_text_as_is (book, ws, row, c + 1, rw->cells[fields[c]],
                        shouhu_annex2_form_column (fields[c])->kind == SHOUHU_FIELD_GENDER ? book->centre : text);
    }

  put_merged (book, ws, row, 0, row, last_col, "说明：1．本着就近就便原则安排对接服务志愿者；", book->note);
  row++;
  put_merged (book, ws, row, 0, row, last_col, "　　　2．表格信息实行动态更新管理。", book->note);
  return TRUE;
}

static gboolean
build_annex2 (Book      *book,
              gpointer   data,
              GError   **error)
{
  GPtrArray *sheets = data;

  for (guint i = 0; i < sheets->len; i++)
    if (!write_annex2_sheet (book, g_ptr_array_index (sheets, i), error))
      return FALSE;
  return TRUE;
}

/**
 * shouhu_export_annex2:
 * @sheets: (element-type ShouhuExportAnnex2Sheet): one per district, in the
 *   order the sheets should have
 * @masked: mask personal data: phone and ID numbers in any cell, house
 *   numbers, home addresses below their 乡镇（街道）
 *
 * Writes the 附件2 workbook, one sheet per district named after it.
 */
gboolean
shouhu_export_annex2 (GPtrArray   *sheets,
                      gboolean     masked,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (sheets != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (sheets->len == 0)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA,
                   _("There are no Annex 2 records to export"));
      return FALSE;
    }
  return write_workbook (path, TRUE, masked, build_annex2, sheets, error);
}

/* ---- The whole job ----------------------------------------------------- */

static gboolean
export_annex1 (ShouhuStore  *store,
               const char   *as_of,
               gboolean      masked,
               const char   *path,
               GError      **error)
{
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date = as_of ? g_strdup (as_of) : shouhu_annex1_latest_date (store, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (date == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA,
                   _("There is no Annex 1 table to export yet; enter the figures of a date first"));
      return FALSE;
    }
  table = shouhu_annex1_load (store, date, error);
  return table != NULL && shouhu_export_annex1 (table, masked, path, error);
}

/**
 * shouhu_export_run:
 *
 * Reads what the chosen workbook needs from @store and writes it.  The
 * date applies to Annex 1 and the summary, the district to Annex 2 and
 * the volunteers' roster, and masking to every workbook.  A @path that is
 * the database, one of its companion files or backups, or any SQLite file
 * is refused before anything is written.
 */
gboolean
shouhu_export_run (ShouhuStore       *store,
                   ShouhuExportKind   kind,
                   const char        *as_of,
                   int                district_id,
                   gboolean           masked,
                   const char        *path,
                   GError           **error)
{
  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (district_id < 0 || district_id > SHOUHU_N_DISTRICTS)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("There is no district number %d"), district_id);
      return FALSE;
    }
  /* Before anything is read: a workbook must never land on the store. */
  if (!shouhu_export_check_target (path, shouhu_store_get_path (store), error))
    return FALSE;

  switch (kind)
    {
    case SHOUHU_EXPORT_ANNEX1:
      return export_annex1 (store, as_of, masked, path, error);

    case SHOUHU_EXPORT_ANNEX2:
      {
        g_autoptr(GPtrArray) sheets = shouhu_export_load_annex2 (store, district_id, error);
        return sheets != NULL && shouhu_export_annex2 (sheets, masked, path, error);
      }

    case SHOUHU_EXPORT_SUMMARY:
      {
        g_autoptr(ShouhuFigures) figures = shouhu_figures_compute (store, as_of, error);
        return figures != NULL && shouhu_export_summary (figures, masked, path, error);
      }

    case SHOUHU_EXPORT_VOLUNTEERS:
      return shouhu_export_volunteers (store, district_id, NULL, masked, path, error);

    default:
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("Unknown workbook"));
      return FALSE;
    }
}

/* ---- For the other workbooks of core (shouhu-export-private.h) ----------- */

/* Writes a workbook the way every export does (privately beside the
 * target, then renamed; numbers under the "C" locale; masked when asked). */
gboolean
shouhu_export_write_book (const char             *path,
                          gboolean                constant_memory,
                          gboolean                masked,
                          ShouhuExportBuildFunc   build,
                          gpointer                data,
                          GError                **error)
{
  return write_workbook (path, constant_memory, masked, build, data, error);
}

lxw_format *
shouhu_export_new_cell_format (ShouhuExportBook *book,
                               gboolean          bold,
                               uint8_t           align)
{
  return new_cell_format (book, bold, align);
}

void
shouhu_export_put_text (ShouhuExportBook *book,
                        lxw_worksheet    *ws,
                        int               row,
                        int               col,
                        const char       *text,
                        lxw_format       *format)
{
  put_text (book, ws, row, col, text, format);
}

void
shouhu_export_put_number (ShouhuExportBook *book,
                          lxw_worksheet    *ws,
                          int               row,
                          int               col,
                          double            value,
                          lxw_format       *format)
{
  put_number (book, ws, row, col, value, format);
}

void
shouhu_export_put_merged (ShouhuExportBook *book,
                          lxw_worksheet    *ws,
                          int               first_row,
                          int               first_col,
                          int               last_row,
                          int               last_col,
                          const char       *text,
                          lxw_format       *format)
{
  put_merged (book, ws, first_row, first_col, last_row, last_col, text, format);
}

void
shouhu_export_set_page (ShouhuExportBook *book,
                        lxw_worksheet    *ws,
                        int               header_first,
                        int               header_last)
{
  set_page (book, ws, header_first, header_last, 0);
}

double
shouhu_export_text_width (const char *text)
{
  return text_width (text);
}

void
shouhu_export_fit_width (double     *width,
                         const char *text)
{
  fit_width (width, text);
}

int
shouhu_export_wrapped_lines (const char *text,
                             double      width)
{
  return wrapped_lines (text, width);
}

/* The height of a data row of @lines lines, at most a spreadsheet's
 * tallest; *format is the text format such a row needs. */
double
shouhu_export_row_height (ShouhuExportBook  *book,
                          int                lines,
                          lxw_format       **format)
{
  *format = lines * LINE_HEIGHT > MAX_ROW_HEIGHT ? book->text_top : book->text;
  return row_height (lines, LINE_HEIGHT);
}

/* shouhu-export-summary.c — the summary workbook: the overview's figures
 * per district, their definitions, and the districts that need attention
 *
 * Two sheets: 汇总 with every district, the city and a 说明 that defines
 * each figure, and 需关注 with each district that needs something and why.
 * The figures, their definitions and the reasons come from
 * shouhu-figures.c, as on the overview, so the two never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-export.h"
#include "shouhu-export-private.h"
#include "shouhu-date.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define TITLE "重庆市一线医护人员家庭志愿守护情况汇总表"
#define NEEDS_TITLE "需关注的区县"

typedef enum
{
  COL_NUMBER,
  COL_DISTRICT,
  COL_REPORTED,
  COL_TOTAL,
  COL_TOTAL_DELTA,
  COL_HUBEI,
  COL_HUBEI_DELTA,
  COL_WORKERS,
  COL_REGISTERED,
  COL_PAIRED,
  COL_PAIRED_RATE,
  COL_GUARDED,
  COL_GUARDED_RATE,
  COL_VOLUNTEERS,
  COL_CHANGED,
  COL_NEEDS,
  N_COLUMNS
} Column;

/* A rate column takes its heading from the rate's definition. */
static const struct
{
  const char *heading;
  int         rate;    /* ShouhuRate, or -1 */
  double      width;
} columns[N_COLUMNS] = {
  [COL_NUMBER]       = { "序号", -1, 6 },
  [COL_DISTRICT]     = { "区县", -1, 22 },
  [COL_REPORTED]     = { "附件1报送", -1, 13 },
  [COL_TOTAL]        = { "一线医护人员（附件1总人数）", -1, 15 },
  [COL_TOTAL_DELTA]  = { "较上期", -1, 8 },
  [COL_HUBEI]        = { SHOUHU_EXPORT_HUBEI_HEADING, -1, 10 },
  [COL_HUBEI_DELTA]  = { "较上期", -1, 8 },
  [COL_WORKERS]      = { "已登记医护人员（附件2）", -1, 12 },
  [COL_REGISTERED]   = { NULL, SHOUHU_RATE_REGISTERED, 9 },
  [COL_PAIRED]       = { "已有结对志愿者的家庭", -1, 11 },
  [COL_PAIRED_RATE]  = { NULL, SHOUHU_RATE_PAIRED, 9 },
  [COL_GUARDED]      = { "有可上岗志愿者守护的家庭", -1, 12 },
  [COL_GUARDED_RATE] = { NULL, SHOUHU_RATE_GUARDED, 9 },
  [COL_VOLUNTEERS]   = { "志愿者人数", -1, 9 },
  [COL_CHANGED]      = { "附件2最近变动", -1, 24 },
  [COL_NEEDS]        = { "需关注", -1, 32 },
};

#define FIRST_ROW 3
#define CITY_ROW (FIRST_ROW + SHOUHU_N_DISTRICTS)

typedef struct
{
  ShouhuExportBook    *book;
  const ShouhuFigures *figures;
  lxw_format          *delta;
  lxw_format          *over;          /* a rate over 100 %: flagged in red */
  lxw_format          *city_percent;
  lxw_format          *city_over;
  lxw_format          *city_delta;
  lxw_format          *wrapped;       /* 说明 lines */
} Summary;

static lxw_format *
number_format (ShouhuExportBook *book,
               gboolean          bold,
               const char       *num_format,
               gboolean          red)
{
  lxw_format *f = shouhu_export_new_cell_format (book, bold, LXW_ALIGN_CENTER);

  format_set_num_format (f, num_format);
  if (red)
    format_set_font_color (f, LXW_COLOR_RED);
  return f;
}

static void
add_formats (Summary *s)
{
  s->delta = number_format (s->book, FALSE, "+0;-0;0", FALSE);
  s->over = number_format (s->book, FALSE, "0.0%", TRUE);
  s->city_percent = number_format (s->book, TRUE, "0.0%", FALSE);
  s->city_over = number_format (s->book, TRUE, "0.0%", TRUE);
  s->city_delta = number_format (s->book, TRUE, "+0;-0;0", FALSE);
  s->wrapped = workbook_add_format (s->book->wb);
  format_set_font_name (s->wrapped, "宋体");
  format_set_font_size (s->wrapped, 11);
  format_set_text_wrap (s->wrapped);
  format_set_align (s->wrapped, LXW_ALIGN_VERTICAL_TOP);
}

/* A row tall enough for @lines lines of wrapped text. */
static void
set_row_lines (Summary       *s,
               lxw_worksheet *ws,
               int            row,
               int            lines)
{
  lxw_format *unused;

  if (lines > 1)
    worksheet_set_row (ws, row, shouhu_export_row_height (s->book, lines, &unused), NULL);
}

static const char *
heading (Column c)
{
  return columns[c].rate >= 0 ? shouhu_rate_name_zh (columns[c].rate) : columns[c].heading;
}

static char *
needs_names (guint needs)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    if (needs & (1u << i))
      {
        if (names->len > 0)
          g_string_append (names, "、");
        g_string_append (names, shouhu_need_name_zh (1u << i));
      }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
put_rate (Summary                     *s,
          lxw_worksheet               *ws,
          int                          row,
          Column                       col,
          const ShouhuDistrictFigures *f,
          gboolean                     city)
{
  double rate = shouhu_figures_rate (f, columns[col].rate);
  lxw_format *format;

  if (rate < 0)
    {
      shouhu_export_put_text (s->book, ws, row, col, "—", city ? s->book->total_label : s->book->centre);
      return;
    }
  if (city)
    format = rate > 1.0 ? s->city_over : s->city_percent;
  else
    format = rate > 1.0 ? s->over : s->book->percent;
  shouhu_export_put_number (s->book, ws, row, col, rate, format);
}

static void
put_delta (Summary       *s,
           lxw_worksheet *ws,
           int            row,
           Column         col,
           gint64         delta,
           gboolean       city)
{
  if (s->figures->previous == NULL)
    shouhu_export_put_text (s->book, ws, row, col, "—", city ? s->book->total_label : s->book->centre);
  else
    shouhu_export_put_number (s->book, ws, row, col, delta, city ? s->city_delta : s->delta);
}

static char *
reported_text (const ShouhuFigures         *figures,
               const ShouhuDistrictFigures *f,
               gboolean                     city)
{
  if (figures->as_of == NULL)
    return g_strdup ("—");
  if (city)
    return g_strdup_printf ("%u/%d已报送",
                            SHOUHU_N_DISTRICTS - shouhu_figures_count_needing (figures, SHOUHU_NEEDS_REPORT),
                            SHOUHU_N_DISTRICTS);
  return g_strdup (f->reported ? "已报送" : "未报送");
}

static void
write_row (Summary                     *s,
           lxw_worksheet               *ws,
           int                          row,
           const ShouhuDistrictFigures *f)
{
  ShouhuExportBook *book = s->book;
  gboolean city = f->district_id == 0;
  lxw_format *number = city ? book->total_number : book->number;
  lxw_format *text = city ? book->total_label : book->centre;
  g_autofree char *reported = reported_text (s->figures, f, city);
  g_autofree char *changed = shouhu_figures_describe_change (s->figures, f, TRUE);
  g_autofree char *needs = NULL;

  if (city)
    {
      guint n = shouhu_figures_count_needing (s->figures, ~0u);

      shouhu_export_put_merged (book, ws, row, COL_NUMBER, row, COL_DISTRICT, "全市合计", text);
      needs = n > 0 ? g_strdup_printf ("%u个区县", n) : g_strdup ("");
    }
  else
    {
      shouhu_export_put_number (book, ws, row, COL_NUMBER, f->district_id, number);
      shouhu_export_put_text (book, ws, row, COL_DISTRICT, shouhu_district_get (f->district_id)->name, text);
      needs = needs_names (f->needs);
    }
  shouhu_export_put_text (book, ws, row, COL_REPORTED, reported, text);
  shouhu_export_put_number (book, ws, row, COL_TOTAL, f->annex1_total, number);
  put_delta (s, ws, row, COL_TOTAL_DELTA, f->total_delta, city);
  shouhu_export_put_number (book, ws, row, COL_HUBEI, f->annex1_hubei, number);
  put_delta (s, ws, row, COL_HUBEI_DELTA, f->hubei_delta, city);
  shouhu_export_put_number (book, ws, row, COL_WORKERS, f->workers, number);
  put_rate (s, ws, row, COL_REGISTERED, f, city);
  shouhu_export_put_number (book, ws, row, COL_PAIRED, f->paired, number);
  put_rate (s, ws, row, COL_PAIRED_RATE, f, city);
  shouhu_export_put_number (book, ws, row, COL_GUARDED, f->guarded, number);
  put_rate (s, ws, row, COL_GUARDED_RATE, f, city);
  shouhu_export_put_number (book, ws, row, COL_VOLUNTEERS, f->volunteers, number);
  shouhu_export_put_text (book, ws, row, COL_CHANGED, changed, text);
  shouhu_export_put_text (book, ws, row, COL_NEEDS, needs, text);
  /* A district may need all four, an import's file have a long name:
   * its row grows rather than cut them. */
  set_row_lines (s, ws, row, MAX (shouhu_export_wrapped_lines (needs, columns[COL_NEEDS].width),
                                  shouhu_export_wrapped_lines (changed, columns[COL_CHANGED].width)));
}

/* "附件1（截至2020年2月7日），上期2020年2月5日；附件2为2020年2月12日的记录" */
static char *
date_line (const ShouhuFigures *figures)
{
  g_autofree char *today = shouhu_format_date_chinese (figures->today);
  g_autofree char *previous = shouhu_format_date_chinese (figures->previous);
  g_autofree char *annex1 = NULL;

  if (figures->as_of == NULL)
    return g_strdup_printf ("（附件1尚无数据）；附件2为%s的记录", today);
  annex1 = shouhu_format_date_chinese (figures->as_of);
  if (figures->previous == NULL)
    return g_strdup_printf ("附件1（截至%s），无上期；附件2为%s的记录", annex1, today);
  return g_strdup_printf ("附件1（截至%s），上期%s；附件2为%s的记录", annex1, previous, today);
}

/* A sheet of the workbook: its columns, the title, the date line and the
 * headings (wrapped, in a row as tall as the tallest), all printable. */
static lxw_worksheet *
add_sheet (Summary           *s,
           const char        *name,
           const char        *title,
           int                n_columns,
           const char *const *headings,
           const double      *widths,
           GError           **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (s->book->wb, name);
  g_autofree char *line = date_line (s->figures);
  int lines = 1;

  if (ws == NULL)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("The sheet could not be added to the workbook"));
      return NULL;
    }

  shouhu_export_set_page (s->book, ws, 2, 2);
  worksheet_set_row (ws, 0, 32, NULL);
  shouhu_export_put_merged (s->book, ws, 0, 0, 0, n_columns - 1, title, s->book->title);
  shouhu_export_put_merged (s->book, ws, 1, 0, 1, n_columns - 1, line, s->book->line);
  for (int c = 0; c < n_columns; c++)
    {
      worksheet_set_column (ws, c, c, widths[c], NULL);
      shouhu_export_put_text (s->book, ws, 2, c, headings[c], s->book->header);
      lines = MAX (lines, shouhu_export_wrapped_lines (headings[c], widths[c]));
    }
  set_row_lines (s, ws, 2, lines);
  return ws;
}

static double
sum_widths (const double *widths,
            int           n)
{
  double width = 0;

  for (int c = 0; c < n; c++)
    width += widths[c];
  return width;
}

/* The 说明 under a table: a heading line, then one merged and wrapped
 * row per note, tall enough for its lines. */
static void
write_notes (Summary        *s,
             lxw_worksheet  *ws,
             int             row,
             int             last_col,
             double          width,
             GPtrArray      *notes)
{
  shouhu_export_put_merged (s->book, ws, row, 0, row, last_col, "说明：", s->book->note);
  for (guint i = 0; i < notes->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, (const char *) notes->pdata[i]);
      int lines = shouhu_export_wrapped_lines (line, width);

      row++;
      set_row_lines (s, ws, row, lines);
      shouhu_export_put_merged (s->book, ws, row, 0, row, last_col, line, s->wrapped);
    }
}

static GPtrArray *
summary_notes (const ShouhuFigures *figures)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *as_of = shouhu_format_date_chinese (figures->as_of);

  for (int r = 0; r < SHOUHU_N_RATES; r++)
    g_ptr_array_add (notes, g_strdup (shouhu_rate_definition_zh (r)));
  if (figures->as_of != NULL)
    g_ptr_array_add (notes, g_strdup_printf ("可上岗按%s判断：防护培训合格、防护用品（口罩、酒精、消毒液）"
                                             "已发放、保险在有效期内，三项均满足。", as_of));
  g_ptr_array_add (notes, g_strdup ("较上期 = 本截至日期附件1数字减去上一截至日期的数字；无上期时显示“—”。"));
  g_ptr_array_add (notes, g_strdup ("附件1报送：“已报送”指该截至日期的数字已录入、修改或确认；"
                                    "“未报送”指仅沿用上一日期的数字。"));
  g_ptr_array_add (notes, g_strdup_printf ("附件2最近变动：该区县附件2记录（含结对、删除）最近一次变动的日期及方式："
                                           "“录入”指在本软件中录入、修改、删除或撤销；“导入”指导入报送的表格"
                                           "（在窗口中或用命令行），其后为所导入文件的名称。"
                                           "连续%d天以上未变动标为“需更新”。", figures->stale_days));
  g_ptr_array_add (notes, g_strdup ("比率超过100%时如实列出并以红色标出，不作截断；"
                                    "需关注的区县及原因见“需关注”表。"));
  return notes;
}

static gboolean
build_figures_sheet (Summary  *s,
                     GError  **error)
{
  const ShouhuFigures *figures = s->figures;
  g_autoptr(GPtrArray) notes = summary_notes (figures);
  const char *headings[N_COLUMNS];
  double widths[N_COLUMNS];
  lxw_worksheet *ws;

  for (int c = 0; c < N_COLUMNS; c++)
    {
      headings[c] = heading (c);
      widths[c] = columns[c].width;
    }
  ws = add_sheet (s, "汇总", TITLE, N_COLUMNS, headings, widths, error);
  if (ws == NULL)
    return FALSE;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    write_row (s, ws, FIRST_ROW + i, &figures->districts[i]);
  write_row (s, ws, CITY_ROW, &figures->city);

  write_notes (s, ws, CITY_ROW + 2, N_COLUMNS - 1, sum_widths (widths, N_COLUMNS), notes);
  return TRUE;
}

/* 需关注: one row per district that needs anything, a column per need
 * so that the sheet can be filtered, and the reasons with their figures. */
static const struct
{
  const char *heading;
  double      width;
} needs_columns[] = {
  { "序号", 6 }, { "区县", 22 }, { NULL, 10 }, { NULL, 10 }, { NULL, 10 }, { NULL, 11 }, { "原因", 70 },
};

#define NEEDS_N_COLUMNS ((int) G_N_ELEMENTS (needs_columns))
G_STATIC_ASSERT (NEEDS_N_COLUMNS == SHOUHU_N_NEEDS + 3);

static void
write_need_row (Summary                     *s,
                lxw_worksheet               *ws,
                int                          row,
                int                          number,
                const ShouhuDistrictFigures *f)
{
  g_autofree char *reasons = shouhu_figures_describe_needs (s->figures, f, TRUE);
  int lines = shouhu_export_wrapped_lines (reasons, needs_columns[NEEDS_N_COLUMNS - 1].width);

  set_row_lines (s, ws, row, lines);
  shouhu_export_put_number (s->book, ws, row, 0, number, s->book->number);
  shouhu_export_put_text (s->book, ws, row, 1, shouhu_district_get (f->district_id)->name, s->book->centre);
  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    shouhu_export_put_text (s->book, ws, row, 2 + i, f->needs & (1u << i) ? "是" : "", s->book->centre);
  shouhu_export_put_text (s->book, ws, row, NEEDS_N_COLUMNS - 1, reasons, s->book->text);
}

static gboolean
build_needs_sheet (Summary  *s,
                   GError  **error)
{
  const ShouhuFigures *figures = s->figures;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  const char *headings[NEEDS_N_COLUMNS];
  double widths[NEEDS_N_COLUMNS];
  const int last_col = NEEDS_N_COLUMNS - 1;
  int row = FIRST_ROW;
  lxw_worksheet *ws;

  for (int c = 0; c < NEEDS_N_COLUMNS; c++)
    {
      headings[c] = needs_columns[c].heading != NULL ? needs_columns[c].heading
                                                     : shouhu_need_name_zh (1u << (c - 2));
      widths[c] = needs_columns[c].width;
    }
  ws = add_sheet (s, "需关注", NEEDS_TITLE, NEEDS_N_COLUMNS, headings, widths, error);
  if (ws == NULL)
    return FALSE;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    if (figures->districts[i].needs != 0)
      {
        write_need_row (s, ws, row, row - FIRST_ROW + 1, &figures->districts[i]);
        row++;
      }
  if (row == FIRST_ROW)
    {
      shouhu_export_put_merged (s->book, ws, row, 0, row, last_col, "各区县均无需关注的事项。", s->book->centre);
      row++;
    }

  for (int i = 0; i < SHOUHU_N_NEEDS; i++)
    {
      if (1u << i == SHOUHU_NEEDS_UPDATE)
        g_ptr_array_add (notes, g_strdup_printf ("%s（现设定为%d天）", shouhu_need_definition_zh (1u << i),
                                                 figures->stale_days));
      else
        g_ptr_array_add (notes, g_strdup (shouhu_need_definition_zh (1u << i)));
    }
  write_notes (s, ws, row + 1, last_col, sum_widths (widths, NEEDS_N_COLUMNS), notes);
  return TRUE;
}

static gboolean
build_summary (ShouhuExportBook  *book,
               gpointer           data,
               GError           **error)
{
  Summary s = { .book = book, .figures = data };

  add_formats (&s);
  return build_figures_sheet (&s, error) && build_needs_sheet (&s, error);
}

/**
 * shouhu_export_summary:
 * @masked: pass every text through the masking, as shouhu_export_annex2() does
 *
 * Writes the overview's figures per district and for the city with their
 * definitions (sheet 汇总), and the districts that need something with
 * the reasons (sheet 需关注).
 */
gboolean
shouhu_export_summary (const ShouhuFigures  *figures,
                       gboolean              masked,
                       const char           *path,
                       GError              **error)
{
  g_return_val_if_fail (figures != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return shouhu_export_write_book (path, FALSE, masked, build_summary, (gpointer) figures, error);
}

/* shouhu-import-annex1.c — reading an Annex 1 workbook (附件1)
 *
 * Annex 1 comes in the official layout, either as Shouhu exports it or as
 * people fill it in by hand: title and header rows may sit lower, empty
 * rows and columns may be added, headings merged or not, digits typed
 * full-width and names with stray spaces.  The layout is therefore found
 * by its headings (区县, 总人数, 其中：支援湖北, 第一批 …), never by fixed
 * positions.  Reading never writes: the caller previews, then writes the
 * whole table in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-import-event.h"
#include "shouhu-store-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

/* How many rows an Annex 1 table may have below its header (41
 * districts, 合计, some slack). */
#define MAX_DATA_ROWS      1000
#define MAX_BATCHES        20

/* The two columns of 共计 or of one batch: 总人数 and 其中：支援湖北. */
typedef struct
{
  int   batch;      /* 0 for 共计, else 1-based */
  guint total_col;
  guint hubei_col;
} BatchColumns;

typedef struct
{
  int          district_id;
  ShouhuCount  batches[MAX_BATCHES];
  char        *note;
} ParsedRow;

typedef struct
{
  const ShouhuXlsxSheet *sheet;
  guint                  header_row;
  guint                  sub_row;
  guint                  district_col;
  gint64                 note_col;     /* -1: none */
  GArray                *columns;      /* BatchColumns, 共计 and each batch */
  int                    n_batches;
  char                  *as_of;
} Layout;

void
shouhu_annex1_import_free (ShouhuAnnex1Import *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  g_free (import->sha256);
  shouhu_annex1_table_free (import->table);
  g_ptr_array_unref (import->rejected);
  g_clear_pointer (&import->notes, g_ptr_array_unref);
  g_free (import);
}

/* The text shown at a cell: a merged range shows its top-left cell. */
static const char *
text_at (const ShouhuXlsxSheet *sheet,
         guint                  row,
         guint                  col)
{
  const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (sheet, row, col);
  const ShouhuXlsxRange *range;

  if (cell == NULL && (range = shouhu_xlsx_sheet_find_merged (sheet, row, col)) != NULL)
    cell = shouhu_xlsx_sheet_get_cell (sheet, range->first_row, range->first_col);
  return cell != NULL ? cell->text : "";
}

static gboolean
layout_error (GError                   **error,
              const ShouhuXlsxSheet     *sheet,
              const char                *message)
{
  g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
               _("Sheet “%s” is not in the Annex 1 layout: %s"),
               shouhu_xlsx_sheet_get_name (sheet), message);
  return FALSE;
}

/* The date that a 截至 line gives: in its text as shown (a date cell in
 * a format such as "（截至"yyyy"年"m"月"d"日）" shows it too), or, after a
 * bare 截至, in the next cell of the row (a date cell, or text). */
static gboolean
date_after (const ShouhuXlsxSheet *sheet,
            const ShouhuXlsxCell  *cells,
            gsize                  n,
            gsize                  i,
            GString               *scratch,
            char                 **as_of)
{
  const char *shown = shouhu_xlsx_sheet_get_shown (sheet, &cells[i], scratch);
  g_autofree char *text = shouhu_import_normalise (strstr (shown, "截至") + strlen ("截至"));
  char *p = text, *cut;

  for (const char *const *mark = (const char *const[]) { "（", "(", "：", ":", NULL }; *mark != NULL; mark++)
    if (g_str_has_prefix (p, *mark))
      p += strlen (*mark);
  if (*p == '\0' || strcmp (p, "）") == 0 || strcmp (p, ")") == 0)
    {
      g_autofree char *date = NULL;

      if (i + 1 >= n || cells[i + 1].row != cells[i].row)
        return FALSE;
      if ((date = shouhu_xlsx_sheet_get_date (sheet, &cells[i + 1])) != NULL)
        {
          *as_of = g_steal_pointer (&date);
          return TRUE;
        }
      g_free (text);
      text = shouhu_import_normalise (shouhu_xlsx_sheet_get_shown (sheet, &cells[i + 1], scratch));
      p = text;
    }
  if ((cut = strstr (p, "日")) != NULL)
    cut[strlen ("日")] = '\0';
  if ((cut = strchr (p, ')')) != NULL)
    *cut = '\0';
  if ((cut = strstr (p, "）")) != NULL)
    *cut = '\0';
  return shouhu_validate_date ("截至", p, as_of, NULL);
}

/* The 截至 line: "（截至2020年2月7日）" and the like. */
static gboolean
find_date (Layout  *layout,
           GError **error)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);
  g_autoptr(GString) scratch = g_string_new (NULL);

  for (gsize i = 0; i < n && cells[i].row <= layout->sub_row; i++)
    {
      if (strstr (shouhu_xlsx_sheet_get_shown (layout->sheet, &cells[i], scratch), "截至") == NULL)
        continue;
      if (!date_after (layout->sheet, cells, n, i, scratch, &layout->as_of))
        {
          g_autofree char *cell = shouhu_xlsx_cell_name (cells[i].row, cells[i].col);
          g_autofree char *msg = g_strdup_printf (_("the date line in %s does not give a date such as （截至2020年2月7日）"),
                                                  cell);
          return layout_error (error, layout->sheet, msg);
        }
      return TRUE;
    }
  return layout_error (error, layout->sheet,
                       _("there is no date line such as （截至2020年2月7日） above the header"));
}

static gboolean
find_batch_columns (Layout  *layout,
                    GError **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  guint seen = 0;

  for (gsize i = shouhu_import_row_start (cells, n, layout->sub_row); i < n && cells[i].row == layout->sub_row; i++)
    {
      g_autofree char *heading = shouhu_import_normalise (cells[i].text);
      g_autofree char *next = NULL;
      g_autofree char *label = NULL;
      BatchColumns cols = { 0, cells[i].col, cells[i].col + 1 };

      if (strcmp (heading, "总人数") != 0)
        continue;
      next = shouhu_import_normalise (text_at (sheet, layout->sub_row, cols.hubei_col));
      if (strstr (next, "支援湖北") == NULL)
        return layout_error (error, sheet, _("the column right of each 总人数 must be 其中：支援湖北"));

      /* The heading above: on this column, merged over it, or (not
       * merged) on the column to the left. */
      label = shouhu_import_normalise (text_at (sheet, layout->header_row, cols.total_col));
      for (guint c = cols.total_col; *label == '\0' && c > layout->district_col + 1 && c + 2 > cols.total_col; c--)
        {
          g_free (label);
          label = shouhu_import_normalise (text_at (sheet, layout->header_row, c - 1));
        }

      if (strcmp (label, "共计") == 0)
        cols.batch = 0;
      else if ((cols.batch = shouhu_annex1_batch_parse (label)) < 1 || cols.batch > MAX_BATCHES)
        {
          g_autofree char *msg = g_strdup_printf (_("the heading “%s” above 总人数 is neither 共计 nor a batch such as 第一批"),
                                                  label);
          return layout_error (error, sheet, msg);
        }
      if (seen & (1u << cols.batch))
        {
          g_autofree char *msg = g_strdup_printf (_("the heading “%s” appears twice"), label);
          return layout_error (error, sheet, msg);
        }
      seen |= 1u << cols.batch;
      layout->n_batches = MAX (layout->n_batches, cols.batch);
      g_array_append_val (layout->columns, cols);
    }

  /* The notice's own layout: 共计 and 其中：支援湖北 are headings of the
   * first header row, merged down over the second. */
  if (!(seen & 1u))
    for (gsize i = shouhu_import_row_start (cells, n, layout->header_row); i < n && cells[i].row == layout->header_row; i++)
      {
        g_autofree char *heading = shouhu_import_normalise (cells[i].text);
        g_autofree char *next = NULL;
        g_autofree char *below = NULL;
        BatchColumns cols = { 0, cells[i].col, cells[i].col + 1 };

        if (strcmp (heading, "共计") != 0)
          continue;
        next = shouhu_import_normalise (text_at (sheet, layout->header_row, cols.hubei_col));
        below = shouhu_import_normalise (shouhu_xlsx_sheet_get_cell (sheet, layout->sub_row, cols.total_col) != NULL
                                         ? shouhu_xlsx_sheet_get_cell (sheet, layout->sub_row, cols.total_col)->text : "");
        if (strstr (next, "支援湖北") == NULL || *below != '\0')
          return layout_error (error, sheet, _("the column right of 共计 must be 其中：支援湖北"));
        seen |= 1u;
        g_array_append_val (layout->columns, cols);
        break;
      }

  if (layout->n_batches == 0)
    return layout_error (error, sheet, _("no batch columns (第一批, 第二批 …) with 总人数 and 其中：支援湖北"));
  for (int b = 1; b <= layout->n_batches; b++)
    if (!(seen & (1u << b)))
      {
        g_autofree char *label = shouhu_annex1_batch_label (b);
        g_autofree char *msg = g_strdup_printf (_("the columns of %s are missing"), label);
        return layout_error (error, sheet, msg);
      }
  return TRUE;
}

/* Returns: %FALSE when the sheet has no 区县 heading (not an Annex 1
 * sheet; @error stays unset) or when its layout is broken (@error set). */
static gboolean
find_layout (Layout  *layout,
             GError **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  gboolean found = FALSE;

  for (i = 0; i < n && cells[i].row < SHOUHU_IMPORT_HEADER_SEARCH_ROWS && !found; i++)
    {
      g_autofree char *text = shouhu_import_normalise (cells[i].text);

      if (cells[i].type == SHOUHU_XLSX_CELL_STRING && strcmp (text, "区县") == 0)
        {
          layout->header_row = cells[i].row;
          layout->district_col = cells[i].col;
          found = TRUE;
        }
    }
  if (!found)
    return FALSE;

  /* The second header row: the next row holding 总人数, empty rows between
   * tolerated. */
  found = FALSE;
  for (i = shouhu_import_row_start (cells, n, layout->header_row + 1);
       i < n && cells[i].row <= layout->header_row + 4 && !found; i++)
    {
      g_autofree char *text = shouhu_import_normalise (cells[i].text);

      if (strcmp (text, "总人数") == 0)
        {
          layout->sub_row = cells[i].row;
          found = TRUE;
        }
    }
  if (!found)
    return layout_error (error, sheet, _("there is no header row with 总人数 below the one with 区县"));

  layout->note_col = -1;
  for (i = shouhu_import_row_start (cells, n, layout->header_row); i < n && cells[i].row == layout->header_row; i++)
    {
      g_autofree char *text = shouhu_import_normalise (cells[i].text);

      if (strcmp (text, "备注") == 0)
        layout->note_col = cells[i].col;
    }

  return find_batch_columns (layout, error) && find_date (layout, error);
}

/* One count cell: a number, or text with full-width digits and spaces;
 * empty is 0.  @present tells whether anything was there. */
static gboolean
read_count (const ShouhuXlsxSheet  *sheet,
            guint                   row,
            guint                   col,
            const char             *field,
            gint64                 *value,
            gboolean               *present,
            GError                **error)
{
  const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (sheet, row, col);
  int parsed;
  double v;

  *value = 0;
  *present = FALSE;
  if (cell == NULL)
    return TRUE;

  switch (cell->type)
    {
    case SHOUHU_XLSX_CELL_NUMBER:
      *present = TRUE;
      v = g_ascii_strtod (cell->text, NULL);
      if (!isfinite (v) || v != floor (v))
        break;
      if (!shouhu_validate_count_value (field, v < 0 ? -1 : (v > SHOUHU_COUNT_MAX ? SHOUHU_COUNT_MAX + 1 : (gint64) v),
                                        error))
        return FALSE;
      *value = (gint64) v;
      return TRUE;

    case SHOUHU_XLSX_CELL_STRING:
      if (!shouhu_validate_count (field, cell->text, &parsed, error))
        return FALSE;
      {
        g_autofree char *text = shouhu_import_normalise (cell->text);
        *present = *text != '\0';
      }
      *value = parsed;
      return TRUE;

    case SHOUHU_XLSX_CELL_BOOLEAN:
    case SHOUHU_XLSX_CELL_ERROR:
    case SHOUHU_XLSX_CELL_DATE:
    default:
      break;
    }

  g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
               _("%s must be a whole number, such as 12 (not “%s”)"), field, cell->text);
  return FALSE;
}

static char *
batch_field_name (const BatchColumns *cols,
                  gboolean            hubei)
{
  g_autofree char *label = cols->batch == 0 ? g_strdup ("共计") : shouhu_annex1_batch_label (cols->batch);

  return g_strdup_printf (hubei ? _("%s: Supporting Hubei") : _("%s: Total"), label);
}

/* Reads one district row into @parsed; FALSE with @reason on a rule
 * broken. */
static gboolean
read_row (const Layout  *layout,
          guint          row,
          ParsedRow     *parsed,
          char         **reason)
{
  g_autoptr(GError) error = NULL;
  ShouhuCount sum = { 0, 0 }, stated = { -1, -1 };

  for (guint i = 0; i < layout->columns->len; i++)
    {
      const BatchColumns *cols = &g_array_index (layout->columns, BatchColumns, i);
      g_autofree char *total_field = batch_field_name (cols, FALSE);
      g_autofree char *hubei_field = batch_field_name (cols, TRUE);
      ShouhuCount count;
      gboolean total_present, hubei_present;

      if (!read_count (layout->sheet, row, cols->total_col, total_field, &count.total, &total_present, &error) ||
          !read_count (layout->sheet, row, cols->hubei_col, hubei_field, &count.hubei, &hubei_present, &error))
        break;
      if (cols->batch == 0)
        {
          stated.total = total_present ? count.total : -1;
          stated.hubei = hubei_present ? count.hubei : -1;
          continue;
        }
      if (!shouhu_annex1_check (cols->batch, count.total, count.hubei, &error))
        break;
      parsed->batches[cols->batch - 1] = count;
      sum.total += count.total;
      sum.hubei += count.hubei;
    }
  if (error != NULL)
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }

  /* 共计 is derived: when the file states it, it must agree. */
  if (stated.total >= 0 && stated.total != sum.total)
    {
      *reason = g_strdup_printf (_("%s: 共计 says %lld, but the batches add up to %lld"),
                                 shouhu_district_get (parsed->district_id)->name,
                                 (long long) stated.total, (long long) sum.total);
      return FALSE;
    }
  if (stated.hubei >= 0 && stated.hubei != sum.hubei)
    {
      *reason = g_strdup_printf (_("%s: 共计 其中：支援湖北 says %lld, but the batches add up to %lld"),
                                 shouhu_district_get (parsed->district_id)->name,
                                 (long long) stated.hubei, (long long) sum.hubei);
      return FALSE;
    }

  if (layout->note_col >= 0)
    {
      const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->note_col);

      parsed->note = g_strstrip (g_strdup (cell != NULL ? cell->text : ""));
    }
  else
    parsed->note = g_strdup ("");
  return TRUE;
}

/* The 合计 row agrees with the districts above it? */
static void
check_total_row (const Layout       *layout,
                 guint               row,
                 GArray             *rows,
                 guint               first,
                 ShouhuAnnex1Import *import)
{
  for (guint i = 0; i < layout->columns->len; i++)
    {
      const BatchColumns *cols = &g_array_index (layout->columns, BatchColumns, i);
      ShouhuCount sum = { 0, 0 };
      gint64 stated[2];
      gboolean present[2];

      for (guint r = first; r < rows->len; r++)
        {
          const ParsedRow *p = &g_array_index (rows, ParsedRow, r);

          for (int b = (cols->batch == 0 ? 1 : cols->batch); b <= (cols->batch == 0 ? layout->n_batches : cols->batch); b++)
            {
              sum.total += p->batches[b - 1].total;
              sum.hubei += p->batches[b - 1].hubei;
            }
        }
      if (!read_count (layout->sheet, row, cols->total_col, "", &stated[0], &present[0], NULL) ||
          !read_count (layout->sheet, row, cols->hubei_col, "", &stated[1], &present[1], NULL) ||
          (present[0] && stated[0] != sum.total) || (present[1] && stated[1] != sum.hubei))
        {
          gboolean hubei = !(present[0] && stated[0] != sum.total);
          g_autofree char *field = batch_field_name (cols, hubei);
          g_autofree char *reason =
            g_strdup_printf (_("合计 of %s says %lld, but the districts above it add up to %lld"),
                             field, (long long) stated[hubei ? 1 : 0], (long long) (hubei ? sum.hubei : sum.total));
          shouhu_import_reject_counted (import->rejected, &import->n_rejected,
                                        shouhu_xlsx_sheet_get_name (layout->sheet),
                                        shouhu_import_shown_row (row), reason);
          return;
        }
    }
}

static gboolean
read_sheet_rows (const Layout       *layout,
                 GArray             *rows,
                 int                *row_of_district,
                 ShouhuAnnex1Import *import,
                 GError            **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  guint first = rows->len, rejected_before = import->rejected->len, examined = 0;

  for (i = shouhu_import_row_start (cells, n, layout->sub_row + 1); i < n;)
    {
      guint row = cells[i].row;
      gsize end = i;
      gboolean empty = TRUE;
      g_autofree char *name = NULL;
      g_autofree char *reason = NULL;
      const ShouhuDistrict *district;
      ParsedRow parsed = { 0 };

      for (; end < n && cells[end].row == row; end++)
        {
          g_autofree char *t = shouhu_import_normalise (cells[end].text);
          empty = empty && *t == '\0';
        }
      if (empty)
        {
          i = end;
          continue;
        }
      if (++examined > MAX_DATA_ROWS)
        return layout_error (error, sheet, _("it has more rows below the header than an Annex 1 table can have"));

      name = shouhu_import_normalise (text_at (sheet, row, layout->district_col));
      if (*name == '\0' && cells[i].col < layout->district_col)
        {
          g_free (name);
          name = shouhu_import_normalise (cells[i].text);   /* 合计 written in the 序号 column */
        }
      i = end;

      if (strcmp (name, "合计") == 0 || strcmp (name, "总计") == 0)
        {
          if (import->rejected->len == rejected_before)
            check_total_row (layout, row, rows, first, import);
          break;
        }
      if (g_str_has_prefix (name, "说明") || g_str_has_prefix (name, "注："))
        break;

      district = shouhu_district_lookup (name);
      if (district == NULL)
        {
          g_autofree char *msg = *name == '\0'
            ? g_strdup (_("the 区县 cell is empty"))
            : g_strdup_printf (_("“%s” is not a district of Chongqing: write its official name, such as 渝中区"), name);
          shouhu_import_reject_counted (import->rejected, &import->n_rejected, shouhu_xlsx_sheet_get_name (sheet),
                                shouhu_import_shown_row (row), msg);
          continue;
        }
      if (row_of_district[district->id - 1] > 0)
        {
          g_autofree char *msg = g_strdup_printf (_("%s already appears in row %d"), district->name,
                                                  row_of_district[district->id - 1]);
          shouhu_import_reject_counted (import->rejected, &import->n_rejected, shouhu_xlsx_sheet_get_name (sheet),
                                shouhu_import_shown_row (row), msg);
          continue;
        }
      parsed.district_id = district->id;
      if (!read_row (layout, row, &parsed, &reason))
        {
          shouhu_import_reject_counted (import->rejected, &import->n_rejected, shouhu_xlsx_sheet_get_name (sheet),
                                shouhu_import_shown_row (row), reason);
          g_free (parsed.note);
          continue;
        }
      row_of_district[district->id - 1] = (int) shouhu_import_shown_row (row);
      g_array_append_val (rows, parsed);
    }
  return TRUE;
}

static void
parsed_row_clear (gpointer data)
{
  ParsedRow *p = data;

  g_free (p->note);
}

/**
 * shouhu_import_annex1_read:
 *
 * Finds the Annex 1 sheets of @workbook (hidden sheets are left out) and
 * reads their district rows.  Rows breaking a rule are listed in
 * ShouhuAnnex1Import.rejected, the others go into its table.  Writes
 * nothing.
 *
 * Returns: (transfer full): the import, or %NULL when no sheet is in the
 * Annex 1 layout or a layout is broken
 */
ShouhuAnnex1Import *
shouhu_import_annex1_read (const ShouhuXlsxWorkbook  *workbook,
                           GError                   **error)
{
  g_autoptr(ShouhuAnnex1Import) import = g_new0 (ShouhuAnnex1Import, 1);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (ParsedRow));
  g_autofree char *as_of = NULL;
  int row_of_district[SHOUHU_N_DISTRICTS] = { 0 };
  int n_batches = 0;
  ShouhuAnnex1Table *table;

  g_array_set_clear_func (rows, parsed_row_clear);
  import->file_name = g_strdup (shouhu_xlsx_workbook_get_name (workbook));
  import->sha256 = g_strdup (shouhu_xlsx_workbook_get_sha256 (workbook));
  import->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);
  import->notes = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (workbook); s++)
    {
      Layout layout = { shouhu_xlsx_workbook_get_sheet (workbook, s) };
      g_autoptr(GError) local_error = NULL;
      g_autofree char *hidden_rows = NULL;
      gboolean ok;

      if (shouhu_xlsx_sheet_is_hidden (layout.sheet))
        {
          g_ptr_array_add (import->notes, g_strdup_printf (_("Sheet “%s” is hidden: it was not read. Show it in the "
                                                             "workbook and import again to take it in."),
                                                           shouhu_xlsx_sheet_get_name (layout.sheet)));
          continue;
        }
      layout.columns = g_array_new (FALSE, FALSE, sizeof (BatchColumns));
      ok = find_layout (&layout, &local_error);
      if (ok && as_of != NULL && strcmp (as_of, layout.as_of) != 0)
        {
          g_autofree char *msg = g_strdup_printf (_("its date (%s) differs from that of the sheets before it (%s)"),
                                                  layout.as_of, as_of);
          ok = layout_error (&local_error, layout.sheet, msg);
        }
      if (ok)
        ok = read_sheet_rows (&layout, rows, row_of_district, import, &local_error);
      if (ok && as_of == NULL)
        as_of = g_strdup (layout.as_of);
      if (ok && (hidden_rows = shouhu_import_hidden_rows_note (layout.sheet)) != NULL)
        g_ptr_array_add (import->notes, g_strdup_printf (_("Sheet “%s” has hidden rows (%s): they are imported "
                                                           "like the others."),
                                                         shouhu_xlsx_sheet_get_name (layout.sheet), hidden_rows));
      n_batches = MAX (n_batches, layout.n_batches);
      g_array_unref (layout.columns);
      g_free (layout.as_of);
      if (local_error != NULL)
        {
          /* Translators: a file's name before why it cannot be imported */
          g_prefix_error (&local_error, _("%s: "), import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (as_of == NULL)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX1,
                   _("%s: no sheet is in the Annex 1 layout (重庆市一线医护人员信息统计表 with a 区县 column)"),
                   import->file_name);
      return NULL;
    }

  table = g_new0 (ShouhuAnnex1Table, 1);
  table->as_of = g_steal_pointer (&as_of);
  table->n_batches = n_batches;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      table->rows[i].district_id = i + 1;
      table->rows[i].batches = g_new0 (ShouhuCount, n_batches);
      table->rows[i].note = g_strdup ("");
    }
  for (guint r = 0; r < rows->len; r++)
    {
      ParsedRow *p = &g_array_index (rows, ParsedRow, r);
      ShouhuAnnex1Row *row = &table->rows[p->district_id - 1];

      memcpy (row->batches, p->batches, sizeof (ShouhuCount) * (gsize) n_batches);
      g_free (row->note);
      row->note = g_steal_pointer (&p->note);
    }
  import->table = table;
  import->n_districts = rows->len;
  return g_steal_pointer (&import);
}

/**
 * shouhu_import_annex1_from_file:
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
ShouhuAnnex1Import *
shouhu_import_annex1_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = shouhu_xlsx_workbook_new_from_file (path, error);

  if (workbook == NULL)
    return NULL;
  return shouhu_import_annex1_read (workbook, error);
}

/**
 * shouhu_import_annex1_preview:
 *
 * Sets @import's date_exists and date_differs, so that the user can be
 * asked before figures already stored are replaced.
 */
gboolean
shouhu_import_annex1_preview (ShouhuStore         *store,
                              ShouhuAnnex1Import  *import,
                              GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ShouhuAnnex1Table) stored = NULL;
  const ShouhuAnnex1Table *table = import->table;

  import->date_exists = FALSE;
  import->date_differs = FALSE;
  stored = shouhu_annex1_load (store, table->as_of, &local_error);
  if (stored == NULL)
    {
      if (g_error_matches (local_error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  import->date_exists = TRUE;
  import->date_differs = stored->n_batches != table->n_batches;
  for (int i = 0; i < SHOUHU_N_DISTRICTS && !import->date_differs; i++)
    import->date_differs =
      memcmp (stored->rows[i].batches, table->rows[i].batches, sizeof (ShouhuCount) * (gsize) table->n_batches) != 0 ||
      strcmp (stored->rows[i].note, table->rows[i].note) != 0;
  return TRUE;
}

/**
 * shouhu_import_annex1_write:
 *
 * Stores the import's table under its date in one transaction, replacing
 * what that date held.
 */
gboolean
shouhu_import_annex1_write (ShouhuStore         *store,
                            ShouhuAnnex1Import  *import,
                            GError             **error)
{
  ShouhuImportEvent event = { 0 };
  gint64 id;

  event.kind = "annex1";
  event.file_name = import->file_name;
  event.sha256 = import->sha256;
  event.n_new = import->date_exists ? 0 : import->n_districts;
  event.n_updated = import->date_differs ? import->n_districts : 0;
  event.n_unchanged = import->date_exists && !import->date_differs ? import->n_districts : 0;
  event.n_rejected = import->n_rejected;
  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_annex1_save_table (store, import->table, error) ||
      (id = shouhu_import_event_add (store, &event, error)) == 0 ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }
  import->event_id = id;
  return TRUE;
}

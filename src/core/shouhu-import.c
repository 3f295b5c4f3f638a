/* shouhu-import.c — taking in the annex workbooks districts send upward
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

#include "shouhu-import.h"
#include "shouhu-annex2.h"
#include "shouhu-phone.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-import-error-quark, shouhu_import_error)

/* How far down the header may have been pushed, and how many rows an
 * Annex 1 table may have below it (41 districts, 合计, some slack). */
#define HEADER_SEARCH_ROWS 100
#define MAX_DATA_ROWS      1000
#define MAX_BATCHES        20

typedef struct
{
  int   batch;      /* 0 for 共计, else 1-based */
  guint total_col;
  guint hubei_col;
} Pair;

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
  GArray                *pairs;        /* Pair */
  int                    n_batches;
  char                  *as_of;
} Layout;

static void
rejection_free (gpointer data)
{
  ShouhuImportRejection *r = data;

  g_free (r->sheet);
  g_free (r->reason);
  g_free (r);
}

void
shouhu_annex1_import_free (ShouhuAnnex1Import *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  shouhu_annex1_table_free (import->table);
  g_ptr_array_unref (import->rejected);
  g_free (import);
}

static void
add_rejection (GPtrArray             *rejected,
               const ShouhuXlsxSheet *sheet,
               guint                  row,
               const char            *reason)
{
  ShouhuImportRejection *r = g_new0 (ShouhuImportRejection, 1);

  r->sheet = g_strdup (shouhu_xlsx_sheet_get_name (sheet));
  r->row = row + 1;
  r->reason = g_strdup (reason);
  g_ptr_array_add (rejected, r);
}

static void
reject (ShouhuAnnex1Import    *import,
        const ShouhuXlsxSheet *sheet,
        guint                  row,
        const char            *reason)
{
  add_rejection (import->rejected, sheet, row, reason);
}

/* Text as compared with headings and names: ASCII digits, no spaces of
 * any width, no line breaks. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = shouhu_validate_fold_digits (text);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
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

/* Index of the first cell at or below @row. */
static gsize
row_start (const ShouhuXlsxCell *cells,
           gsize                 n,
           guint                 row)
{
  gsize lo = 0, hi = n;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (cells[mid].row < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* 第一批, 第十二批, 第3批 → 1, 12, 3; 0 when it is no batch heading. */
static int
parse_batch_label (const char *label)
{
  static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  const char *p, *end;
  int value = 0, pending = 0;

  if (!g_str_has_prefix (label, "第") || !g_str_has_suffix (label, "批"))
    return 0;
  p = label + strlen ("第");
  end = label + strlen (label) - strlen ("批");
  if (p >= end)
    return 0;

  if (g_ascii_isdigit (*p))
    {
      for (; p < end; p++)
        {
          if (!g_ascii_isdigit (*p) || value > MAX_BATCHES)
            return 0;
          value = value * 10 + (*p - '0');
        }
      return value;
    }

  while (p < end)
    {
      guint i;

      if (g_str_has_prefix (p, "十"))
        {
          value += (pending == 0 ? 1 : pending) * 10;
          pending = 0;
          p += strlen ("十");
          continue;
        }
      for (i = 0; i < G_N_ELEMENTS (digits) && !g_str_has_prefix (p, digits[i]); i++)
        ;
      if (i == G_N_ELEMENTS (digits) || pending != 0)
        return 0;
      pending = (int) i + 1;
      p += strlen (digits[i]);
    }
  return value + pending;
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

/* The 截至 line: "（截至2020年2月7日）" and the like. */
static gboolean
find_date (Layout  *layout,
           GError **error)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);

  for (gsize i = 0; i < n && cells[i].row <= layout->sub_row; i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(GError) local_error = NULL;
      char *p, *cut;

      if (cells[i].type != SHOUHU_XLSX_CELL_STRING || strstr (cells[i].text, "截至") == NULL)
        continue;
      text = normalise (strstr (cells[i].text, "截至") + strlen ("截至"));
      p = text;
      if ((cut = strstr (p, "日")) != NULL)
        cut[strlen ("日")] = '\0';
      if ((cut = strchr (p, ')')) != NULL)
        *cut = '\0';
      if ((cut = strstr (p, "）")) != NULL)
        *cut = '\0';
      if (!shouhu_validate_date ("截至", p, &layout->as_of, &local_error))
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
find_pairs (Layout  *layout,
            GError **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  guint seen = 0;

  for (gsize i = row_start (cells, n, layout->sub_row); i < n && cells[i].row == layout->sub_row; i++)
    {
      g_autofree char *heading = normalise (cells[i].text);
      g_autofree char *next = NULL;
      g_autofree char *label = NULL;
      Pair pair = { 0, cells[i].col, cells[i].col + 1 };

      if (strcmp (heading, "总人数") != 0)
        continue;
      next = normalise (text_at (sheet, layout->sub_row, pair.hubei_col));
      if (strstr (next, "支援湖北") == NULL)
        return layout_error (error, sheet, _("the column right of each 总人数 must be 其中：支援湖北"));

      /* The heading above: on this column, merged over it, or (not
       * merged) on the column to the left. */
      label = normalise (text_at (sheet, layout->header_row, pair.total_col));
      for (guint c = pair.total_col; *label == '\0' && c > layout->district_col + 1 && c + 2 > pair.total_col; c--)
        {
          g_free (label);
          label = normalise (text_at (sheet, layout->header_row, c - 1));
        }

      if (strcmp (label, "共计") == 0)
        pair.batch = 0;
      else if ((pair.batch = parse_batch_label (label)) < 1 || pair.batch > MAX_BATCHES)
        {
          g_autofree char *msg = g_strdup_printf (_("the heading “%s” above 总人数 is neither 共计 nor a batch such as 第一批"),
                                                  label);
          return layout_error (error, sheet, msg);
        }
      if (seen & (1u << pair.batch))
        {
          g_autofree char *msg = g_strdup_printf (_("the heading “%s” appears twice"), label);
          return layout_error (error, sheet, msg);
        }
      seen |= 1u << pair.batch;
      layout->n_batches = MAX (layout->n_batches, pair.batch);
      g_array_append_val (layout->pairs, pair);
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

  for (i = 0; i < n && cells[i].row < HEADER_SEARCH_ROWS && !found; i++)
    {
      g_autofree char *text = normalise (cells[i].text);

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
  for (i = row_start (cells, n, layout->header_row + 1);
       i < n && cells[i].row <= layout->header_row + 4 && !found; i++)
    {
      g_autofree char *text = normalise (cells[i].text);

      if (strcmp (text, "总人数") == 0)
        {
          layout->sub_row = cells[i].row;
          found = TRUE;
        }
    }
  if (!found)
    return layout_error (error, sheet, _("there is no header row with 总人数 below the one with 区县"));

  layout->note_col = -1;
  for (i = row_start (cells, n, layout->header_row); i < n && cells[i].row == layout->header_row; i++)
    {
      g_autofree char *text = normalise (cells[i].text);

      if (strcmp (text, "备注") == 0)
        layout->note_col = cells[i].col;
    }

  return find_pairs (layout, error) && find_date (layout, error);
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
        g_autofree char *text = normalise (cell->text);
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
pair_field (const Pair *pair,
            gboolean    hubei)
{
  g_autofree char *label = pair->batch == 0 ? g_strdup ("共计") : shouhu_annex1_batch_label (pair->batch);

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

  for (guint i = 0; i < layout->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (layout->pairs, Pair, i);
      g_autofree char *total_field = pair_field (pair, FALSE);
      g_autofree char *hubei_field = pair_field (pair, TRUE);
      ShouhuCount count;
      gboolean total_present, hubei_present;

      if (!read_count (layout->sheet, row, pair->total_col, total_field, &count.total, &total_present, &error) ||
          !read_count (layout->sheet, row, pair->hubei_col, hubei_field, &count.hubei, &hubei_present, &error))
        break;
      if (pair->batch == 0)
        {
          stated.total = total_present ? count.total : -1;
          stated.hubei = hubei_present ? count.hubei : -1;
          continue;
        }
      if (!shouhu_annex1_check (pair->batch, count.total, count.hubei, &error))
        break;
      parsed->batches[pair->batch - 1] = count;
      sum.total += count.total;
      sum.hubei += count.hubei;
    }
  if (error != NULL)
    {
      *reason = g_strdup (error->message);
      return FALSE;
    }

  /* 共计 is derived: when the file states it, it must agree. */
  if ((stated.total >= 0 && stated.total != sum.total) || (stated.hubei >= 0 && stated.hubei != sum.hubei))
    {
      *reason = g_strdup_printf (_("共计 (%lld / %lld) is not the sum of the batches (%lld / %lld)"),
                                 (long long) MAX (stated.total, 0), (long long) MAX (stated.hubei, 0),
                                 (long long) sum.total, (long long) sum.hubei);
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
  for (guint i = 0; i < layout->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (layout->pairs, Pair, i);
      ShouhuCount sum = { 0, 0 };
      gint64 stated[2];
      gboolean present[2];

      for (guint r = first; r < rows->len; r++)
        {
          const ParsedRow *p = &g_array_index (rows, ParsedRow, r);

          for (int b = (pair->batch == 0 ? 1 : pair->batch); b <= (pair->batch == 0 ? layout->n_batches : pair->batch); b++)
            {
              sum.total += p->batches[b - 1].total;
              sum.hubei += p->batches[b - 1].hubei;
            }
        }
      if (!read_count (layout->sheet, row, pair->total_col, "", &stated[0], &present[0], NULL) ||
          !read_count (layout->sheet, row, pair->hubei_col, "", &stated[1], &present[1], NULL) ||
          (present[0] && stated[0] != sum.total) || (present[1] && stated[1] != sum.hubei))
        {
          g_autofree char *field = pair_field (pair, FALSE);
          g_autofree char *reason =
            g_strdup_printf (_("合计 of %s does not match the districts above it (they add up to %lld / %lld)"),
                             field, (long long) sum.total, (long long) sum.hubei);
          reject (import, layout->sheet, row, reason);
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

  for (i = row_start (cells, n, layout->sub_row + 1); i < n;)
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
          g_autofree char *t = normalise (cells[end].text);
          empty = empty && *t == '\0';
        }
      if (empty)
        {
          i = end;
          continue;
        }
      if (++examined > MAX_DATA_ROWS)
        return layout_error (error, sheet, _("it has more rows below the header than an Annex 1 table can have"));

      name = normalise (text_at (sheet, row, layout->district_col));
      if (*name == '\0' && cells[i].col < layout->district_col)
        {
          g_free (name);
          name = normalise (cells[i].text);   /* 合计 written in the 序号 column */
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
          reject (import, sheet, row, msg);
          continue;
        }
      if (row_of_district[district->id - 1] > 0)
        {
          g_autofree char *msg = g_strdup_printf (_("%s already appears in row %d"), district->name,
                                                  row_of_district[district->id - 1]);
          reject (import, sheet, row, msg);
          continue;
        }
      parsed.district_id = district->id;
      if (!read_row (layout, row, &parsed, &reason))
        {
          reject (import, sheet, row, reason);
          g_free (parsed.note);
          continue;
        }
      row_of_district[district->id - 1] = (int) row + 1;
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
  import->rejected = g_ptr_array_new_with_free_func (rejection_free);

  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (workbook); s++)
    {
      Layout layout = { shouhu_xlsx_workbook_get_sheet (workbook, s) };
      g_autoptr(GError) local_error = NULL;
      gboolean ok;

      if (shouhu_xlsx_sheet_is_hidden (layout.sheet))
        continue;
      layout.pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
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
      n_batches = MAX (n_batches, layout.n_batches);
      g_array_unref (layout.pairs);
      g_free (layout.as_of);
      if (local_error != NULL)
        {
          g_prefix_error (&local_error, "%s: ", import->file_name);
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
shouhu_import_annex1_write (ShouhuStore               *store,
                            const ShouhuAnnex1Import  *import,
                            GError                   **error)
{
  return shouhu_annex1_save_table (store, import->table, error);
}

/* Annex 2 ----------------------------------------------------------------
 *
 * One form per district: the 区县：/填报人：/联系电话： line, a header row
 * (序号, 医院, 姓名, 性别, …) and one row per frontline worker.  Rows are
 * checked here; storing them is the Annex 2 model's job.
 */

typedef enum
{
  COL_HOSPITAL,
  COL_NAME,
  COL_GENDER,
  COL_TITLE,
  COL_WORK_PLACE,
  COL_HOME,
  COL_PHONE,
  COL_FAMILY_PHONE,
  COL_VOLUNTEERS,
  COL_NOTE,
  N_COLS
} Annex2Column;

static const char *const annex2_headings[N_COLS] = {
  "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
  "本人联系电话", "家属联系电话", "结对志愿者", "备注",
};

typedef struct
{
  const ShouhuXlsxSheet *sheet;
  guint                  header_row;
  gint64                 cols[N_COLS];   /* -1: not in the form */
} Annex2Layout;

static void
annex2_row_free (gpointer data)
{
  ShouhuAnnex2ImportRow *r = data;

  g_free (r->sheet);
  g_free (r->hospital);
  g_free (r->name);
  g_free (r->gender);
  g_free (r->title);
  g_free (r->work_place);
  g_free (r->home_address);
  g_free (r->phone);
  g_free (r->family_phone);
  g_free (r->volunteers);
  g_free (r->note);
  g_free (r);
}

static void
annex2_form_free (gpointer data)
{
  ShouhuAnnex2ImportForm *f = data;

  g_free (f->sheet);
  g_free (f->reporter);
  g_free (f->phone);
  g_free (f);
}

static void
annex2_change_free (gpointer data)
{
  ShouhuAnnex2ImportChange *c = data;

  g_free (c->changes);
  g_ptr_array_unref (c->volunteers);
  g_free (c);
}

void
shouhu_annex2_import_free (ShouhuAnnex2Import *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  g_ptr_array_unref (import->forms);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->rejected);
  g_ptr_array_unref (import->changes);
  g_free (import);
}

/**
 * shouhu_import_phone:
 * @field: the column's name, for messages
 * @text: the cell's text; for a number, its stored value
 * @stored_as_number: whether the cell holds a number rather than text
 *
 * A phone number as a spreadsheet may hold it: as text in any writing
 * shouhu_phone_normalise() reads, or as a number (13812345678, or
 * 1.3812345678E+10 when every digit is still there).  A masked number
 * (138****5678) is refused: its digits are gone.  Empty is allowed.
 *
 * Returns: (transfer full): the stored form, or %NULL with @error set
 */
char *
shouhu_import_phone (const char  *field,
                     const char  *text,
                     gboolean     stored_as_number,
                     GError     **error)
{
  g_autofree char *folded = normalise (text);
  g_autofree char *digits = NULL;

  if (strchr (folded, '*') != NULL || strstr (folded, "＊") != NULL)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s is masked (“%s”): import the file exported without masking"), field, folded);
      return NULL;
    }

  if (!stored_as_number && strpbrk (folded, "eE") != NULL)
    {
      char *end = NULL;

      g_ascii_strtod (folded, &end);
      stored_as_number = end != NULL && *end == '\0';   /* 1.38E+10 typed or pasted as text */
    }
  if (!stored_as_number)
    return shouhu_phone_normalise (field, text, NULL, error);

  digits = shouhu_xlsx_number_digits (folded);
  if (digits == NULL)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s holds %s, a number whose digits were lost: type the phone number as text"),
                   field, folded);
      return NULL;
    }
  return shouhu_phone_normalise (field, digits, NULL, error);
}

/* The header row: the one holding 姓名 and 医院. */
static gboolean
find_annex2_layout (Annex2Layout  *layout,
                    GError       **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  gboolean found = FALSE;
  gint64 checked_row = -1;

  for (i = 0; i < n && cells[i].row < HEADER_SEARCH_ROWS && !found; i++)
    {
      g_autofree char *text = normalise (cells[i].text);

      /* Each row is looked at once, however many 姓名 it holds. */
      if (strcmp (text, "姓名") != 0 || cells[i].row == checked_row)
        continue;
      checked_row = cells[i].row;
      for (int c = 0; c < N_COLS; c++)
        layout->cols[c] = -1;
      for (gsize j = row_start (cells, n, cells[i].row); j < n && cells[j].row == cells[i].row; j++)
        {
          g_autofree char *heading = normalise (cells[j].text);

          for (int c = 0; c < N_COLS; c++)
            if (strcmp (heading, annex2_headings[c]) == 0 && layout->cols[c] < 0)
              layout->cols[c] = cells[j].col;
        }
      if (layout->cols[COL_HOSPITAL] >= 0)
        {
          layout->header_row = cells[i].row;
          found = TRUE;
        }
    }
  if (!found)
    return FALSE;

  for (int c = 0; c < N_COLS; c++)
    if (layout->cols[c] < 0 && (c == COL_GENDER || c == COL_PHONE))
      {
        g_autofree char *msg = g_strdup_printf (_("the header row has no “%s” column"), annex2_headings[c]);

        g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                     _("Sheet “%s” is not in the Annex 2 layout: %s"),
                     shouhu_xlsx_sheet_get_name (sheet), msg);
        return FALSE;
      }
  return TRUE;
}

/* Text between @label and the next label of the form's line. */
static char *
form_value (const char *line,
            const char *label)
{
  static const char *const labels[] = { "区县：", "填报人：", "联系电话：" };
  const char *start = strstr (line, label), *end;

  if (start == NULL)
    return g_strdup ("");
  start += strlen (label);
  end = start + strlen (start);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *next = strstr (start, labels[i]);

      if (next != NULL && next < end)
        end = next;
    }
  return g_strndup (start, (gsize) (end - start));
}

/* The 区县：/填报人：/联系电话： line above the header, in one cell or
 * spread over several. */
static ShouhuAnnex2ImportForm *
read_form_header (const Annex2Layout  *layout,
                  GError             **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *district_text = NULL;
  ShouhuAnnex2ImportForm *form;
  const ShouhuDistrict *district;
  guint line_row = 0;

  for (gsize i = 0; i < n && cells[i].row < layout->header_row; i++)
    {
      g_autofree char *text = normalise (cells[i].text);
      char *colon;

      while ((colon = strchr (text, ':')) != NULL)
        {
          char *fixed = g_strdup_printf ("%.*s：%s", (int) (colon - text), text, colon + 1);
          g_free (text);
          text = fixed;
        }
      if (strstr (text, "区县：") != NULL)
        g_string_assign (line, "");
      if (line->len + strlen (text) < 4096)
        g_string_append (line, text);
      if (i + 1 == n || cells[i + 1].row != cells[i].row)
        {
          if (strstr (line->str, "区县：") != NULL)
            {
              line_row = cells[i].row + 1;
              break;
            }
          g_string_truncate (line, 0);
        }
    }

  district_text = form_value (line->str, "区县：");
  district = shouhu_district_lookup (district_text);
  if (district == NULL && *district_text == '\0')
    {
      g_autofree char *sheet_name = normalise (shouhu_xlsx_sheet_get_name (sheet));
      district = shouhu_district_lookup (sheet_name);
    }
  if (district == NULL)
    {
      if (*district_text != '\0')
        g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                     _("Sheet “%s”: “%s” on the 区县： line is not a district of Chongqing"),
                     shouhu_xlsx_sheet_get_name (sheet), district_text);
      else
        g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                     _("Sheet “%s” does not say which district it is from: fill in the 区县： line above the table"),
                     shouhu_xlsx_sheet_get_name (sheet));
      return NULL;
    }

  form = g_new0 (ShouhuAnnex2ImportForm, 1);
  form->sheet = g_strdup (shouhu_xlsx_sheet_get_name (sheet));
  form->district_id = district->id;
  form->reporter = form_value (line->str, "填报人：");
  form->phone = form_value (line->str, "联系电话：");
  form->row = line_row;
  return form;
}

/* Cells merged down a column in the rows, as people do for the hospital
 * or the address that several workers share: per form column, the ranges
 * that start in it below the header, sorted by their first row. */
typedef struct
{
  GArray *down[N_COLS];
} Annex2Merges;

static int
compare_first_row (gconstpointer a,
                   gconstpointer b)
{
  const ShouhuXlsxRange *ra = a, *rb = b;

  return ra->first_row < rb->first_row ? -1 : ra->first_row > rb->first_row;
}

static void
annex2_merges_init (Annex2Merges       *merges,
                    const Annex2Layout *layout)
{
  guint n = 0;
  const ShouhuXlsxRange *ranges = shouhu_xlsx_sheet_get_merged (layout->sheet, &n);

  for (int c = 0; c < N_COLS; c++)
    {
      merges->down[c] = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxRange));
      if (layout->cols[c] < 0)
        continue;
      for (guint i = 0; i < n; i++)
        if (ranges[i].first_col == (guint) layout->cols[c] &&
            ranges[i].first_row > layout->header_row &&
            ranges[i].last_row > ranges[i].first_row)
          g_array_append_val (merges->down[c], ranges[i]);
      g_array_sort (merges->down[c], compare_first_row);
    }
}

static void
annex2_merges_clear (Annex2Merges *merges)
{
  for (int c = 0; c < N_COLS; c++)
    g_clear_pointer (&merges->down[c], g_array_unref);
}

/* The cell shown at @row in the form column @col: its own, or the top of
 * the range merged down over it.  A binary search, since a sheet of many
 * rows may hold as many merged ranges. */
static const ShouhuXlsxCell *
field_cell (const Annex2Layout *layout,
            const Annex2Merges *merges,
            guint               row,
            Annex2Column        col)
{
  const ShouhuXlsxCell *cell;
  GArray *down = merges->down[col];
  guint lo = 0, hi;

  if (layout->cols[col] < 0)
    return NULL;
  cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[col]);
  if (cell != NULL || down->len == 0)
    return cell;

  /* The last range starting at or above @row. */
  hi = down->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (down, ShouhuXlsxRange, mid).first_row <= row)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo > 0)
    {
      const ShouhuXlsxRange *r = &g_array_index (down, ShouhuXlsxRange, lo - 1);

      if (row <= r->last_row)
        return shouhu_xlsx_sheet_get_cell (layout->sheet, r->first_row, r->first_col);
    }
  return NULL;
}

static char *
field_text (const Annex2Layout *layout,
            const Annex2Merges *merges,
            guint               row,
            Annex2Column        col)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);

  return shouhu_validate_fold_digits (cell != NULL ? cell->text : "");
}

static char *
field_phone (const Annex2Layout  *layout,
             const Annex2Merges  *merges,
             guint                row,
             Annex2Column         col,
             GError             **error)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);

  if (cell == NULL)
    return g_strdup ("");
  return shouhu_import_phone (annex2_headings[col], cell->text,
                              cell->type == SHOUHU_XLSX_CELL_NUMBER, error);
}

/* Checks one worker row; %NULL with @reason when a rule is broken. */
static ShouhuAnnex2ImportRow *
read_annex2_row (const Annex2Layout  *layout,
                 const Annex2Merges  *merges,
                 int                  district_id,
                 guint                row,
                 char               **reason)
{
  g_autoptr(GError) error = NULL;
  ShouhuAnnex2ImportRow *r = g_new0 (ShouhuAnnex2ImportRow, 1);
  g_autofree char *gender = NULL;

  r->sheet = g_strdup (shouhu_xlsx_sheet_get_name (layout->sheet));
  r->row = row + 1;
  r->district_id = district_id;
  r->hospital = field_text (layout, merges, row, COL_HOSPITAL);
  r->name = field_text (layout, merges, row, COL_NAME);
  r->title = field_text (layout, merges, row, COL_TITLE);
  r->work_place = field_text (layout, merges, row, COL_WORK_PLACE);
  r->home_address = field_text (layout, merges, row, COL_HOME);
  r->volunteers = field_text (layout, merges, row, COL_VOLUNTEERS);
  r->note = field_text (layout, merges, row, COL_NOTE);
  gender = field_text (layout, merges, row, COL_GENDER);

  if (*r->name == '\0')
    *reason = g_strdup (_("姓名 is empty: every row needs the worker's name"));
  else if (*r->hospital == '\0')
    *reason = g_strdup (_("医院 is empty: fill in the worker's hospital"));
  else if (strcmp (gender, "男") != 0 && strcmp (gender, "女") != 0 &&
           strcmp (gender, "男性") != 0 && strcmp (gender, "女性") != 0)
    *reason = g_strdup_printf (_("性别 must be 男 or 女 (not “%s”)"), gender);
  else if ((r->phone = field_phone (layout, merges, row, COL_PHONE, &error)) == NULL ||
           (r->family_phone = field_phone (layout, merges, row, COL_FAMILY_PHONE, &error)) == NULL)
    *reason = g_strdup (error->message);
  else
    {
      r->gender = g_strndup (gender, strlen ("男"));   /* 男性 → 男 */
      return r;
    }
  annex2_row_free (r);
  return NULL;
}

/* Whether the row holds anything in the form's own columns (the printed
 * form numbers its empty rows in 序号). */
static gboolean
annex2_row_empty (const Annex2Layout *layout,
                  guint               row)
{
  for (int c = 0; c < N_COLS; c++)
    {
      const ShouhuXlsxCell *cell;
      g_autofree char *text = NULL;

      if (layout->cols[c] < 0)
        continue;
      cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[c]);
      if (cell == NULL)
        continue;
      text = normalise (cell->text);
      if (*text != '\0')
        return FALSE;
    }
  return TRUE;
}

/* A phone hidden the way a masked export writes it: digits and a run of
 * asterisks (138****5678, 023-****1234). */
static gboolean
is_masked (const char *text)
{
  g_autofree char *folded = normalise (text);
  g_auto(GStrv) parts = g_strsplit (folded, "＊", -1);
  g_autofree char *plain = g_strjoinv ("*", parts);

  return strstr (plain, "**") != NULL && strpbrk (plain, "0123456789") != NULL;
}

static gboolean
check_not_masked (const Annex2Layout  *layout,
                  guint                row,
                  GError             **error)
{
  static const Annex2Column phone_cols[] = { COL_PHONE, COL_FAMILY_PHONE, COL_VOLUNTEERS };

  for (guint c = 0; c < G_N_ELEMENTS (phone_cols); c++)
    {
      const ShouhuXlsxCell *cell;
      g_autofree char *name = NULL;

      if (layout->cols[phone_cols[c]] < 0)
        continue;
      cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[phone_cols[c]]);
      if (cell == NULL || !is_masked (cell->text))
        continue;
      name = shouhu_xlsx_cell_name (row, (guint) layout->cols[phone_cols[c]]);
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED,
                   _("This is a masked export: the phone numbers are hidden (“%s” in cell %s of sheet “%s”), "
                     "so the records could not be matched or kept. Import the file exported without masking."),
                   cell->text, name, shouhu_xlsx_sheet_get_name (layout->sheet));
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_annex2_rows (const Annex2Layout  *layout,
                  int                  district_id,
                  ShouhuAnnex2Import  *import,
                  GError             **error)
{
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);
  Annex2Merges merges;
  gboolean ok = TRUE;

  annex2_merges_init (&merges, layout);
  for (i = row_start (cells, n, layout->header_row + 1); i < n;)
    {
      guint row = cells[i].row;
      g_autofree char *first = normalise (cells[i].text);
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportRow *r;

      while (i < n && cells[i].row == row)
        i++;
      if (g_str_has_prefix (first, "说明") || g_str_has_prefix (first, "注："))
        break;
      if (annex2_row_empty (layout, row))
        continue;
      /* A masked file as a whole, not row by row: every row would fail. */
      if (!check_not_masked (layout, row, error))
        {
          ok = FALSE;
          break;
        }
      r = read_annex2_row (layout, &merges, district_id, row, &reason);
      if (r == NULL)
        add_rejection (import->rejected, layout->sheet, row, reason);
      else
        g_ptr_array_add (import->rows, r);
    }
  annex2_merges_clear (&merges);
  return ok;
}

/**
 * shouhu_import_annex2_read:
 *
 * Reads every visible sheet in the Annex 2 layout (one district's form
 * each), checking each row.  Writes nothing.
 *
 * Returns: (transfer full): the rows read and those rejected, or %NULL
 * when no sheet is an Annex 2 form or a form's header is broken
 */
ShouhuAnnex2Import *
shouhu_import_annex2_read (const ShouhuXlsxWorkbook  *workbook,
                           GError                   **error)
{
  g_autoptr(ShouhuAnnex2Import) import = g_new0 (ShouhuAnnex2Import, 1);

  import->file_name = g_strdup (shouhu_xlsx_workbook_get_name (workbook));
  import->forms = g_ptr_array_new_with_free_func (annex2_form_free);
  import->rows = g_ptr_array_new_with_free_func (annex2_row_free);
  import->rejected = g_ptr_array_new_with_free_func (rejection_free);
  import->changes = g_ptr_array_new_with_free_func (annex2_change_free);

  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (workbook); s++)
    {
      Annex2Layout layout = { shouhu_xlsx_workbook_get_sheet (workbook, s) };
      g_autoptr(GError) local_error = NULL;
      ShouhuAnnex2ImportForm *form;

      if (shouhu_xlsx_sheet_is_hidden (layout.sheet))
        continue;
      if (!find_annex2_layout (&layout, &local_error) ||
          (form = read_form_header (&layout, &local_error)) == NULL)
        {
          if (local_error == NULL)
            continue;
          g_prefix_error (&local_error, "%s: ", import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (import->forms, form);
      if (!read_annex2_rows (&layout, form->district_id, import, &local_error))
        {
          g_prefix_error (&local_error, "%s: ", import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (import->forms->len == 0)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX2,
                   _("%s: no sheet is in the Annex 2 layout (a header row with 医院 and 姓名)"),
                   import->file_name);
      return NULL;
    }
  import->n_read_rejected = import->rejected->len;
  return g_steal_pointer (&import);
}

/**
 * shouhu_import_annex2_from_file:
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
ShouhuAnnex2Import *
shouhu_import_annex2_from_file (const char  *path,
                                GError     **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = shouhu_xlsx_workbook_new_from_file (path, error);

  if (workbook == NULL)
    return NULL;
  return shouhu_import_annex2_read (workbook, error);
}

/* Annex 2: preview and write ---------------------------------------------
 *
 * A row matches a stored record of the same district with the same 姓名
 * and 本人联系电话; it then updates that record instead of adding a
 * second one.  The preview says what the write will do; the write runs
 * the preview again inside its transaction, so that what it does is
 * decided on the data it changes.
 */

static void
reject_at (GPtrArray  *rejected,
           const char *sheet,
           guint       row,
           const char *reason)
{
  ShouhuImportRejection *r = g_new0 (ShouhuImportRejection, 1);

  r->sheet = g_strdup (sheet);
  r->row = row;
  r->reason = g_strdup (reason);
  g_ptr_array_add (rejected, r);
}

/* Splits the 结对志愿者 cell ("张三 13812345678、李四") into volunteers
 * with a name and, when written, a phone in its stored form. */
static GPtrArray *
parse_volunteers (const char  *text,
                  char       **reason)
{
  static const char *const separators[] = { "，", ",", "；", ";", "\n", "／", "/" };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  g_autofree char *joined = shouhu_validate_fold_digits (text);
  g_auto(GStrv) items = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) parts = g_strsplit (joined, separators[i], -1);

      g_free (joined);
      joined = g_strjoinv ("、", parts);
    }
  items = g_strsplit (joined, "、", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(ShouhuVolunteer) v = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *clean = NULL;
      char *item = g_strstrip (items[i]);
      const char *digit = item;

      if (*item == '\0')
        continue;
      while (*digit != '\0' && !g_ascii_isdigit (*digit) && *digit != '+')
        digit++;
      name = g_strndup (item, (gsize) (digit - item));
      phone = g_strdup (digit);
      /* "张三（13812345678）", "张三：13812345678" */
      for (const char *const *mark = (const char *const[]) { "（", "(", "：", ":", NULL }; *mark != NULL; mark++)
        if (g_str_has_suffix (g_strstrip (name), *mark))
          name[strlen (name) - strlen (*mark)] = '\0';
      for (const char *const *mark = (const char *const[]) { "）", ")", NULL }; *mark != NULL; mark++)
        if (g_str_has_suffix (g_strstrip (phone), *mark))
          phone[strlen (phone) - strlen (*mark)] = '\0';
      g_strstrip (name);

      v = shouhu_volunteer_new ();
      g_free (v->name);
      v->name = g_steal_pointer (&name);
      if (!shouhu_validate_phone ("", phone, &clean, &error) || *v->name == '\0')
        {
          *reason = g_strdup_printf (_("结对志愿者 “%s” must be written as a name and a phone number, "
                                       "such as 张三 13812345678, several separated by 、"), item);
          return NULL;
        }
      g_free (v->phone);
      v->phone = g_steal_pointer (&clean);
      g_ptr_array_add (found, g_steal_pointer (&v));
    }
  return g_steal_pointer (&found);
}

static ShouhuWorker *
worker_from_row (const ShouhuAnnex2ImportRow *row)
{
  ShouhuWorker *w = shouhu_worker_new ();

#define SET(field) g_free (w->field); w->field = g_strdup (row->field)
  SET (hospital);
  SET (name);
  SET (gender);
  SET (title);
  SET (work_place);
  SET (home_address);
  SET (phone);
  SET (family_phone);
  SET (note);
#undef SET
  w->district_id = row->district_id;
  return w;
}

/* The stored records of the district with that 姓名 and 本人联系电话:
 * fills at most two ids, returns how many there are (0, 1 or 2). */
static int
find_matches (ShouhuStore         *store,
              const ShouhuWorker  *w,
              gint64               ids[2],
              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n = 0, rc;

  stmt = shouhu_store_prepare (store, "SELECT id FROM worker WHERE district_id = ? AND name = ? AND phone = ? "
                                      "ORDER BY id LIMIT 2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, w->district_id);
  sqlite3_bind_text (stmt, 2, w->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, w->phone, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return n;
}

/* Whether the file's volunteers are those paired already: a volunteer
 * written without a phone matches one of that name. */
static gboolean
same_volunteers (GPtrArray *stored,
                 GPtrArray *wanted)
{
  g_autofree gboolean *used = g_new0 (gboolean, stored->len + 1);

  if (stored->len != wanted->len)
    return FALSE;
  for (guint i = 0; i < wanted->len; i++)
    {
      const ShouhuVolunteer *w = g_ptr_array_index (wanted, i);
      gboolean found = FALSE;

      for (guint j = 0; j < stored->len && !found; j++)
        {
          const ShouhuVolunteer *s = g_ptr_array_index (stored, j);

          if (!used[j] && strcmp (s->name, w->name) == 0 && (*w->phone == '\0' || strcmp (s->phone, w->phone) == 0))
            found = used[j] = TRUE;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Fills @change's action and the labels of the fields that will change. */
static gboolean
compare_with_stored (ShouhuStore               *store,
                     const ShouhuWorker        *w,
                     ShouhuAnnex2ImportChange  *change,
                     GError                   **error)
{
  g_autoptr(ShouhuWorker) old = shouhu_annex2_get_worker (store, change->worker_id, error);
  g_autoptr(GPtrArray) paired = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);

  if (old == NULL || (paired = shouhu_annex2_worker_volunteers (store, change->worker_id, error)) == NULL)
    return FALSE;
  for (guint f = 0; f < SHOUHU_N_WORKER_FIELDS; f++)
    if (strcmp (shouhu_worker_get_field (old, f), shouhu_worker_get_field (w, f)) != 0)
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "", shouhu_worker_field_label (f));
  if (!same_volunteers (paired, change->volunteers))
    g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "",
                            shouhu_annex2_column_label ("worker", "volunteer"));
  change->action = labels->len > 0 ? SHOUHU_IMPORT_UPDATE : SHOUHU_IMPORT_UNCHANGED;
  change->changes = g_string_free (g_steal_pointer (&labels), FALSE);
  return TRUE;
}

/* Checks one row against the store and the rows before it; %NULL with
 * @reason set when it cannot be taken. */
static ShouhuAnnex2ImportChange *
preview_row (ShouhuStore                  *store,
             const ShouhuAnnex2ImportRow  *row,
             GHashTable                   *seen,
             char                        **reason,
             GError                      **error)
{
  g_autoptr(ShouhuWorker) w = worker_from_row (row);
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autofree char *key = NULL;
  ShouhuAnnex2ImportChange *change;
  gint64 ids[2] = { 0, 0 }, elsewhere = 0;
  int n;

  if (!shouhu_worker_validate (w, &invalid))
    {
      *reason = g_strdup (invalid->message);
      return NULL;
    }
  if ((volunteers = parse_volunteers (row->volunteers, reason)) == NULL)
    return NULL;

  /* Across districts too: one person is one record. */
  key = g_strdup_printf ("%s\x1f%s", w->name, w->phone);
  if (*w->phone != '\0' && g_hash_table_contains (seen, key))
    {
      const ShouhuAnnex2ImportRow *first = g_hash_table_lookup (seen, key);

      *reason = g_strdup_printf (_("%s with the phone %s is already in sheet “%s”, row %u of this file"),
                                 w->name, w->phone, first->sheet, first->row);
      return NULL;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), (gpointer) row);

  if ((n = find_matches (store, w, ids, error)) < 0)
    return NULL;
  if (n > 1)
    {
      *reason = g_strdup_printf (_("%s is recorded more than once in %s with this phone: "
                                   "merge those records on the Annex 2 page first"),
                                 w->name, shouhu_district_get (w->district_id)->name);
      return NULL;
    }
  if (n == 0 && !shouhu_annex2_find_duplicate (store, w->name, w->phone, 0, &elsewhere, error))
    return NULL;
  if (n == 0 && elsewhere != 0)
    {
      g_autoptr(ShouhuWorker) other = shouhu_annex2_get_worker (store, elsewhere, error);

      if (other == NULL)
        return NULL;
      *reason = g_strdup_printf (_("%s with the phone %s is already recorded in %s: "
                                   "a worker belongs to one district's form"),
                                 w->name, w->phone, shouhu_district_get (other->district_id)->name);
      return NULL;
    }

  change = g_new0 (ShouhuAnnex2ImportChange, 1);
  change->row = row;
  change->volunteers = g_steal_pointer (&volunteers);
  change->worker_id = ids[0];
  if (n == 0)
    {
      change->action = SHOUHU_IMPORT_NEW;
      change->changes = g_strdup ("");
    }
  else if (!compare_with_stored (store, w, change, error))
    {
      annex2_change_free (change);
      return NULL;
    }
  return change;
}

/**
 * shouhu_import_annex2_preview:
 *
 * Decides for each valid row whether it adds a record, updates one
 * (ShouhuAnnex2ImportChange.changes names the fields) or leaves one as
 * it is.  Rows that cannot be taken (a worker already in another
 * district, twice in the file, a 结对志愿者 cell that cannot be read) are
 * added to the rejected rows.  Writes nothing; may be run again.
 */
gboolean
shouhu_import_annex2_preview (ShouhuStore         *store,
                              ShouhuAnnex2Import  *import,
                              GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);

  g_ptr_array_set_size (import->changes, 0);
  g_ptr_array_set_size (import->rejected, import->n_read_rejected);
  import->n_new = import->n_updated = import->n_unchanged = 0;

  for (guint i = 0; i < import->forms->len; i++)
    {
      const ShouhuAnnex2ImportForm *form = g_ptr_array_index (import->forms, i);
      g_autofree char *phone = NULL;
      g_autoptr(GError) invalid = NULL;

      if (!shouhu_validate_phone ("联系电话", form->phone, &phone, &invalid))
        reject_at (import->rejected, form->sheet, form->row, invalid->message);
    }

  for (guint i = 0; i < import->rows->len; i++)
    {
      const ShouhuAnnex2ImportRow *row = g_ptr_array_index (import->rows, i);
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportChange *change = preview_row (store, row, seen, &reason, error);

      if (change == NULL && reason == NULL)
        return FALSE;
      if (change == NULL)
        {
          reject_at (import->rejected, row->sheet, row->row, reason);
          continue;
        }
      g_ptr_array_add (import->changes, change);
      if (change->action == SHOUHU_IMPORT_NEW)
        import->n_new++;
      else if (change->action == SHOUHU_IMPORT_UPDATE)
        import->n_updated++;
      else
        import->n_unchanged++;
    }
  return TRUE;
}

/* An existing volunteer: same name and phone; without a phone, one of
 * that name in the district (就近就便). */
static gboolean
find_volunteer (ShouhuStore            *store,
                const ShouhuVolunteer  *v,
                int                     district_id,
                gint64                 *id,
                GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *id = 0;
  if (*v->phone != '\0')
    stmt = shouhu_store_prepare (store, "SELECT id FROM volunteer WHERE name = ?1 AND phone = ?2 "
                                        "ORDER BY id LIMIT 1", error);
  else
    stmt = shouhu_store_prepare (store, "SELECT id FROM volunteer WHERE name = ?1 AND district_id = ?3 "
                                        "ORDER BY phone <> '', id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v->name, -1, SQLITE_STATIC);
  if (*v->phone != '\0')
    sqlite3_bind_text (stmt, 2, v->phone, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int (stmt, 3, district_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_change (ShouhuStore                     *store,
              const ShouhuAnnex2ImportChange  *change,
              GError                         **error)
{
  g_autoptr(ShouhuWorker) w = worker_from_row (change->row);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < change->volunteers->len; i++)
    {
      ShouhuVolunteer *v = g_ptr_array_index (change->volunteers, i);
      gint64 id;

      if (!find_volunteer (store, v, w->district_id, &id, error))
        return FALSE;
      if (id == 0)
        {
          v->district_id = w->district_id;
          if ((id = shouhu_annex2_save_volunteer (store, v, error)) == 0)
            return FALSE;
        }
      g_array_append_val (ids, id);
    }
  w->id = change->worker_id;
  return shouhu_annex2_save_worker (store, w, (const gint64 *) (gpointer) ids->data, ids->len,
                                    FALSE, error) != 0;
}

static gboolean
write_form (ShouhuStore                   *store,
            const ShouhuAnnex2ImportForm  *form,
            GError                       **error)
{
  g_autofree char *reporter = NULL, *phone = NULL, *clean = NULL;
  g_autofree char *given_reporter = g_strstrip (g_strdup (form->reporter));

  if (!shouhu_annex2_get_district_form (store, form->district_id, &reporter, &phone, error))
    return FALSE;
  /* What the file leaves empty keeps what was stored. */
  if (shouhu_validate_phone ("", form->phone, &clean, NULL) && *clean != '\0')
    {
      g_free (phone);
      phone = g_steal_pointer (&clean);
    }
  if (*given_reporter != '\0')
    {
      g_free (reporter);
      reporter = g_steal_pointer (&given_reporter);
    }
  return shouhu_annex2_set_district_form (store, form->district_id, reporter, phone, error);
}

/**
 * shouhu_import_annex2_write:
 *
 * Previews @import again, then writes it in one transaction through the
 * Annex 2 model (so the history records every change): the forms'
 * 填报人 and 联系电话 where given, updated and new records, their
 * volunteers (found, or created in the row's district) and pairings.
 * Rejected rows are left out; nothing is written when anything fails.
 */
gboolean
shouhu_import_annex2_write (ShouhuStore         *store,
                            ShouhuAnnex2Import  *import,
                            GError             **error)
{
  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_import_annex2_preview (store, import, error))
    goto fail;
  for (guint i = 0; i < import->forms->len; i++)
    if (!write_form (store, g_ptr_array_index (import->forms, i), error))
      goto fail;
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *change = g_ptr_array_index (import->changes, i);

      if (change->action == SHOUHU_IMPORT_UNCHANGED)
        continue;
      if (!write_change (store, change, error))
        {
          g_prefix_error (error, _("Sheet “%s”, row %u: "), change->row->sheet, change->row->row);
          goto fail;
        }
    }
  if (!shouhu_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/* Either annex ------------------------------------------------------------ */

void
shouhu_import_free (ShouhuImport *import)
{
  if (import == NULL)
    return;
  shouhu_annex1_import_free (import->annex1);
  shouhu_annex2_import_free (import->annex2);
  g_free (import);
}

/**
 * shouhu_import_read:
 *
 * Tells an Annex 2 workbook (a header row with 医院 and 姓名) from an
 * Annex 1 one (a 区县 column with batches) and reads it.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
ShouhuImport *
shouhu_import_read (const ShouhuXlsxWorkbook  *workbook,
                    GError                   **error)
{
  g_autoptr(ShouhuImport) import = g_new0 (ShouhuImport, 1);
  g_autoptr(GError) local_error = NULL;

  import->annex2 = shouhu_import_annex2_read (workbook, &local_error);
  if (import->annex2 != NULL)
    {
      import->kind = SHOUHU_IMPORT_ANNEX2;
      return g_steal_pointer (&import);
    }
  if (!g_error_matches (local_error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX2))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  import->annex1 = shouhu_import_annex1_read (workbook, &local_error);
  if (import->annex1 != NULL)
    {
      import->kind = SHOUHU_IMPORT_ANNEX1;
      return g_steal_pointer (&import);
    }
  if (!g_error_matches (local_error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX1))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX,
               _("%s is neither an Annex 1 nor an Annex 2 workbook: no sheet has the header of "
                 "重庆市一线医护人员信息统计表 (区县, 总人数 …) or of the Annex 2 form (医院, 姓名 …)"),
               shouhu_xlsx_workbook_get_name (workbook));
  return NULL;
}

/**
 * shouhu_import_from_file:
 *
 * Returns: (transfer full): the import, or %NULL with @error set (the
 *   message names the file)
 */
ShouhuImport *
shouhu_import_from_file (const char  *path,
                         GError     **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = shouhu_xlsx_workbook_new_from_file (path, error);

  if (workbook == NULL)
    return NULL;
  return shouhu_import_read (workbook, error);
}

gboolean
shouhu_import_preview (ShouhuStore   *store,
                       ShouhuImport  *import,
                       GError       **error)
{
  if (import->kind == SHOUHU_IMPORT_ANNEX1)
    return shouhu_import_annex1_preview (store, import->annex1, error);
  return shouhu_import_annex2_preview (store, import->annex2, error);
}

gboolean
shouhu_import_write (ShouhuStore   *store,
                     ShouhuImport  *import,
                     GError       **error)
{
  if (import->kind == SHOUHU_IMPORT_ANNEX1)
    return shouhu_import_annex1_write (store, import->annex1, error);
  return shouhu_import_annex2_write (store, import->annex2, error);
}

guint
shouhu_import_n_rejected (const ShouhuImport *import)
{
  return import->kind == SHOUHU_IMPORT_ANNEX1 ? import->annex1->rejected->len
                                              : import->annex2->rejected->len;
}

/* shouhu-xlsx-sheet.c — reading one worksheet part: its rows, cells and
 * merged ranges, and what a sheet tells about them
 *
 * Rows and cells may come without their r= references, in any order,
 * typed as numbers, shared or inline strings, formulas' cached results,
 * booleans, errors or dates; every reference and index is checked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

typedef enum
{
  T_NUMBER,
  T_SHARED,
  T_INLINE,
  T_FORMULA_STRING,
  T_BOOLEAN,
  T_ERROR,
  T_DATE,
} StoredType;

typedef struct
{
  Parse            base;
  ShouhuXlsxSheet *sheet;
  gint64           row;        /* current row, -1 before the first */
  guint            next_col;
  gboolean         row_given;  /* the row element carried r= */
  /* The cell being read */
  guint            c_row;
  guint            c_col;
  StoredType       c_type;
  guint32          c_style;
  gboolean         c_formula;
  gboolean         c_has_value;
  gboolean         c_has_inline;
  GString         *value;
  GString         *inline_text;
  /* Cells read, not yet in the sheet's array: appended a batch at a
   * time, not one call per cell. */
  ShouhuXlsxCell   pending[64];
  guint            n_pending;
} SheetParse;

static void
flush_cells (SheetParse *sp)
{
  g_array_append_vals (sp->sheet->cells, sp->pending, sp->n_pending);
  sp->n_pending = 0;
}

static gboolean
parse_row_number (const char *text,
                  gint64     *row)
{
  guint64 n;

  if (!shouhu_xlsx_parse_decimal (text, 1, SHOUHU_XLSX_MAX_ROWS, &n))
    return FALSE;
  *row = (gint64) n - 1;
  return TRUE;
}

/* Empties @text: as g_string_truncate (), without a call. */
static inline void
clear_text (GString *text)
{
  text->len = 0;
  text->str[0] = '\0';
}

static void
start_row (SheetParse  *sp,
           const char **names,
           const char **values,
           GError     **error)
{
  const char *r = NULL, *hidden = NULL;

  /* One pass over the attributes (a sheet has a million rows); the first
   * of a name counts, as shouhu_xlsx_attribute () finds it. */
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] == 'r' && names[i][1] == '\0')
      {
        if (r == NULL)
          r = values[i];
      }
    else if (names[i][0] == 'h' && hidden == NULL && strcmp (names[i], "hidden") == 0)
      hidden = values[i];

  sp->next_col = 0;
  sp->row_given = r != NULL;
  if (r != NULL)
    {
      if (!parse_row_number (r, &sp->row))
        {
          shouhu_xlsx_damaged (error, _("sheet “%s” has a row numbered “%s”, outside rows 1 to %d"),
                               sp->sheet->name, r, SHOUHU_XLSX_MAX_ROWS);
          return;
        }
    }
  else if (sp->row + 1 >= SHOUHU_XLSX_MAX_ROWS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("sheet “%s” has more than %d rows"), sp->sheet->name, SHOUHU_XLSX_MAX_ROWS);
      return;
    }
  else
    sp->row++;
  if (hidden != NULL && (strcmp (hidden, "1") == 0 || strcmp (hidden, "true") == 0))
    {
      guint32 row = (guint32) sp->row;

      g_array_append_val (sp->sheet->hidden_rows, row);
    }
}

/* The type t= names; %FALSE for one no file should write. */
static gboolean
stored_type (const char *t,
             StoredType *type)
{
  if (t[0] != '\0' && t[1] == '\0')
    switch (t[0])
      {
      case 'n': *type = T_NUMBER; return TRUE;
      case 's': *type = T_SHARED; return TRUE;
      case 'b': *type = T_BOOLEAN; return TRUE;
      case 'e': *type = T_ERROR; return TRUE;
      case 'd': *type = T_DATE; return TRUE;
      default: return FALSE;
      }
  if (strcmp (t, "inlineStr") == 0)
    *type = T_INLINE;
  else if (strcmp (t, "str") == 0)
    *type = T_FORMULA_STRING;
  else
    return FALSE;
  return TRUE;
}

static void
start_cell (SheetParse  *sp,
            const char **names,
            const char **values,
            GError     **error)
{
  const char *r = NULL, *t = NULL, *style = NULL;
  guint64 style_index = 0;
  guint row, col;

  /* One pass over the attributes (a sheet has a million cells); the
   * first of a name counts, as shouhu_xlsx_attribute () finds it. */
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0' && names[i][1] == '\0')
      {
        if (names[i][0] == 'r' && r == NULL)
          r = values[i];
        else if (names[i][0] == 't' && t == NULL)
          t = values[i];
        else if (names[i][0] == 's' && style == NULL)
          style = values[i];
      }

  if (sp->row < 0)
    sp->row = 0;
  if (r != NULL)
    {
      if (!shouhu_xlsx_parse_cell_name (r, strlen (r), &row, &col))
        {
          shouhu_xlsx_damaged (error, _("sheet “%s” refers to a cell “%s” outside A1 to XFD1048576"),
                               sp->sheet->name, r);
          return;
        }
      if (sp->row_given && row != sp->row)
        {
          shouhu_xlsx_damaged (error, _("sheet “%s” has cell %s in row %u"), sp->sheet->name, r,
                               (guint) sp->row + 1);
          return;
        }
      sp->row = row;
    }
  else
    {
      if (sp->next_col >= SHOUHU_XLSX_MAX_COLUMNS)
        {
          g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                       _("sheet “%s” has more than %d columns"), sp->sheet->name,
                       SHOUHU_XLSX_MAX_COLUMNS);
          return;
        }
      row = (guint) sp->row;
      col = sp->next_col;
    }
  sp->next_col = col + 1;

  sp->c_row = row;
  sp->c_col = col;
  sp->c_type = T_NUMBER;
  if (t != NULL && !stored_type (t, &sp->c_type))
    {
      g_autofree char *cell = shouhu_xlsx_cell_name (row, col);
      shouhu_xlsx_damaged (error, _("cell %s of sheet “%s” has an unknown type “%s”"), cell,
                           sp->sheet->name, t);
      return;
    }
  /* A style the file does not define shows as General. */
  if (style != NULL && !shouhu_xlsx_parse_decimal (style, 0, G_MAXUINT32, &style_index))
    style_index = 0;
  /* No workbook defines more formats: one past them is as far as any. */
  sp->c_style = (guint32) MIN (style_index, SHOUHU_XLSX_MAX_FORMATS);
  sp->c_formula = FALSE;
  sp->base.overflow = FALSE;
  sp->c_has_value = FALSE;
  sp->c_has_inline = FALSE;
  clear_text (sp->value);
  clear_text (sp->inline_text);
}

static void
start_merge (SheetParse  *sp,
             const char **names,
             const char **values,
             GError     **error)
{
  const char *ref = shouhu_xlsx_attribute (names, values, "ref");
  ShouhuXlsxRange range;

  if (sp->sheet->merged->len >= SHOUHU_XLSX_MAX_MERGED)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("sheet “%s” has more than %d merged ranges"), sp->sheet->name,
                   SHOUHU_XLSX_MAX_MERGED);
      return;
    }
  if (ref == NULL || !shouhu_xlsx_parse_range (ref, &range))
    {
      shouhu_xlsx_damaged (error, _("sheet “%s” merges “%s”, which is not a range within A1:XFD1048576"),
                           sp->sheet->name, ref != NULL ? ref : "");
      return;
    }
  g_array_append_val (sp->sheet->merged, range);
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetParse *sp = user_data;
  Element e, up;

  if (!shouhu_xlsx_push (&sp->base, name, error))
    return;
  e = shouhu_xlsx_parent (&sp->base, 0);
  up = shouhu_xlsx_parent (&sp->base, 1);

  if (e == E_ROW && up == E_SHEET_DATA)
    start_row (sp, names, values, error);
  else if (e == E_C && up == E_ROW)
    start_cell (sp, names, values, error);
  else if (e == E_V && up == E_C)
    {
      sp->c_has_value = TRUE;
      sp->base.target = sp->value;
    }
  else if (e == E_F && up == E_C)
    sp->c_formula = TRUE;
  else if (e == E_IS && up == E_C)
    sp->c_has_inline = TRUE;
  else if (e == E_T && (up == E_IS || (up == E_R && shouhu_xlsx_parent (&sp->base, 2) == E_IS)))
    sp->base.target = sp->inline_text;
  else if (e == E_MERGE_CELL && up == E_MERGE_CELLS)
    start_merge (sp, names, values, error);
}

/* @value trimmed in place; most values have nothing to trim. */
static char *
strip_value (GString *value)
{
  if (value->len == 0 ||
      (!g_ascii_isspace (value->str[0]) && !g_ascii_isspace (value->str[value->len - 1])))
    return value->str;
  return g_strstrip (value->str);
}

/* Turns the cell just read into a ShouhuXlsxCell; empty cells (styled
 * only) are dropped. */
static void
end_cell (SheetParse  *sp,
          GError     **error)
{
  ShouhuXlsxWorkbook *workbook = sp->base.workbook;
  /* Named only in messages: made then. */
#define cell_name (cell_name_text != NULL ? cell_name_text : \
                   (cell_name_text = shouhu_xlsx_cell_name (sp->c_row, sp->c_col)))
  g_autofree char *cell_name_text = NULL;
  ShouhuXlsxCell cell = { 0 };
  /* For numbers and codes: trimmed in place (a formula's text keeps its
   * spaces, and its length). */
  char *v = sp->c_type == T_FORMULA_STRING ? sp->value->str : strip_value (sp->value);
  guint64 index;

  cell.row = sp->c_row;
  cell.col = sp->c_col;
  cell.type = SHOUHU_XLSX_CELL_STRING;
  cell.has_formula = sp->c_formula;
  cell.too_long = sp->base.overflow;
  cell.style = sp->c_style;

  switch (sp->c_type)
    {
    case T_INLINE:
      if (!sp->c_has_inline)
        return;
      /* The scanner checked the text's UTF-8, piece by piece. */
      if (shouhu_xlsx_plain_text (sp->inline_text, !sp->base.overflow))
        cell.text = g_string_chunk_insert_len (workbook->chunk, sp->inline_text->str, (gssize) sp->inline_text->len);
      else
        {
          g_autofree char *text = shouhu_xlsx_decode_xstring (sp->inline_text);
          cell.text = g_string_chunk_insert (workbook->chunk, text);
        }
      break;

    case T_SHARED:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (!shouhu_xlsx_parse_decimal (v, 0, G_MAXUINT32, &index) ||
          index >= workbook->strings->len)
        {
          shouhu_xlsx_damaged (error, _("cell %s of sheet “%s” refers to shared string “%s”, but the file has %u"),
                               cell_name, sp->sheet->name, v, workbook->strings->len);
          return;
        }
      cell.text = g_ptr_array_index (workbook->strings, index);
      cell.too_long = workbook->long_strings != NULL &&
                      g_hash_table_contains (workbook->long_strings, GUINT_TO_POINTER ((guint) index));
      break;

    case T_FORMULA_STRING:
      if (!sp->c_has_value)
        return;
      {
        g_autofree char *text = shouhu_xlsx_decode_xstring (sp->value);
        cell.text = g_string_chunk_insert (workbook->chunk, text);
      }
      break;

    case T_NUMBER:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (!shouhu_xlsx_is_number (v))
        {
          shouhu_xlsx_damaged (error, _("cell %s of sheet “%s” should hold a number, not “%s”"),
                               cell_name, sp->sheet->name, v);
          return;
        }
      cell.type = SHOUHU_XLSX_CELL_NUMBER;
      cell.text = g_string_chunk_insert (workbook->chunk, v);
      break;

    case T_BOOLEAN:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (strcmp (v, "0") != 0 && strcmp (v, "1") != 0)
        {
          shouhu_xlsx_damaged (error, _("cell %s of sheet “%s” should hold 0 or 1, not “%s”"),
                               cell_name, sp->sheet->name, v);
          return;
        }
      cell.type = SHOUHU_XLSX_CELL_BOOLEAN;
      cell.text = v[0] == '1' ? "TRUE" : "FALSE";
      break;

    case T_ERROR:
    case T_DATE:
      if (!sp->c_has_value || *v == '\0')
        return;
      cell.type = sp->c_type == T_ERROR ? SHOUHU_XLSX_CELL_ERROR : SHOUHU_XLSX_CELL_DATE;
      cell.text = g_string_chunk_insert (workbook->chunk, v);
      break;

    default:
      g_assert_not_reached ();
    }

  if (g_atomic_int_add (&workbook->counts->n_cells, 1) >= SHOUHU_XLSX_MAX_CELLS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the workbook has more than %d cells"), SHOUHU_XLSX_MAX_CELLS);
      return;
    }
  if (sp->n_pending == G_N_ELEMENTS (sp->pending))
    flush_cells (sp);
  sp->pending[sp->n_pending++] = cell;
  sp->sheet->n_rows = MAX (sp->sheet->n_rows, (guint) cell.row + 1);
  sp->sheet->n_cols = MAX (sp->sheet->n_cols, (guint) cell.col + 1);
}

#undef cell_name

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  SheetParse *sp = user_data;
  Element e = shouhu_xlsx_parent (&sp->base, 0);

  if (e == E_V || e == E_T)
    sp->base.target = NULL;
  else if (e == E_C && shouhu_xlsx_parent (&sp->base, 1) == E_ROW)
    end_cell (sp, error);
  sp->base.depth--;
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, shouhu_xlsx_text_cb, NULL, NULL };

int
shouhu_xlsx_compare_cells (gconstpointer a,
                           gconstpointer b)
{
  const ShouhuXlsxCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return 0;
}

void
shouhu_xlsx_sheet_free (gpointer data)
{
  ShouhuXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->merged);
  g_array_unref (sheet->hidden_rows);
  if (sheet->chunk != NULL)
    g_string_chunk_free (sheet->chunk);
  g_free (sheet);
}

G_STATIC_ASSERT (SHOUHU_XLSX_MAX_ROWS <= 1 << 20 && SHOUHU_XLSX_MAX_COLUMNS <= 1 << 14 &&
                  SHOUHU_XLSX_MAX_FORMATS < 1 << 17);

/* Whether each of the @n cells comes after the one before it. */
static gboolean
strictly_in_order (const ShouhuXlsxCell *cells,
                   guint                 n)
{
  for (guint i = 1; i < n; i++)
    if (cells[i - 1].row > cells[i].row || (cells[i - 1].row == cells[i].row && cells[i - 1].col >= cells[i].col))
      return FALSE;
  return TRUE;
}

gboolean
shouhu_xlsx_read_sheet (ShouhuXlsxWorkbook  *workbook,
                        ShouhuXlsxSheet     *sheet,
                        const char          *part,
                        GError             **error)
{
  SheetParse sp = { { 0 } };
  gboolean found, ok;

  sp.sheet = sheet;
  sp.row = -1;
  sp.value = g_string_new (NULL);
  sp.inline_text = g_string_new (NULL);
  ok = shouhu_xlsx_scan_part (workbook, part, &sheet_parser, &sp.base, &found, error);
  flush_cells (&sp);
  g_string_free (sp.value, TRUE);
  g_string_free (sp.inline_text, TRUE);
  if (!ok)
    return FALSE;
  if (!found)
    return shouhu_xlsx_damaged (error, _("sheet “%s” is missing from the file (%s)"), sheet->name, part);

  /* Spreadsheet programs write cells in order, each once: sorting (which
   * takes as much memory again) and looking for a cell written twice
   * only when a file did not. */
  if (strictly_in_order ((const ShouhuXlsxCell *) (gpointer) sheet->cells->data, sheet->cells->len))
    return TRUE;
  for (guint i = 1; i < sheet->cells->len; i++)
    if (shouhu_xlsx_compare_cells (&g_array_index (sheet->cells, ShouhuXlsxCell, i - 1),
                                   &g_array_index (sheet->cells, ShouhuXlsxCell, i)) > 0)
      {
        g_array_sort (sheet->cells, shouhu_xlsx_compare_cells);
        break;
      }
  for (guint i = 1; i < sheet->cells->len; i++)
    {
      const ShouhuXlsxCell *c = &g_array_index (sheet->cells, ShouhuXlsxCell, i);

      if (shouhu_xlsx_compare_cells (c - 1, c) == 0)
        {
          g_autofree char *cell_name = shouhu_xlsx_cell_name (c->row, c->col);
          return shouhu_xlsx_damaged (error, _("cell %s of sheet “%s” appears twice"), cell_name, sheet->name);
        }
    }
  return TRUE;
}

const char *
shouhu_xlsx_sheet_get_name (const ShouhuXlsxSheet *sheet)
{
  return sheet->name;
}

gboolean
shouhu_xlsx_sheet_is_hidden (const ShouhuXlsxSheet *sheet)
{
  return sheet->hidden;
}

/**
 * shouhu_xlsx_sheet_get_hidden_rows:
 *
 * Returns: the hidden rows (0-based, ascending)
 */
const guint32 *
shouhu_xlsx_sheet_get_hidden_rows (const ShouhuXlsxSheet *sheet,
                                   guint                 *n_rows)
{
  *n_rows = sheet->hidden_rows->len;
  return (const guint32 *) (gpointer) sheet->hidden_rows->data;
}

/**
 * shouhu_xlsx_sheet_get_format:
 *
 * Returns: the number format code of @cell ("General" when it has none)
 */
const char *
shouhu_xlsx_sheet_get_format (const ShouhuXlsxSheet *sheet,
                              const ShouhuXlsxCell  *cell)
{
  const ShouhuXlsxWorkbook *workbook = sheet->workbook;
  guint32 id;
  const char *code;

  if (workbook == NULL || cell->style >= workbook->xf_formats->len)
    return "General";
  id = g_array_index (workbook->xf_formats, guint32, cell->style);
  code = g_hash_table_lookup (workbook->formats, GUINT_TO_POINTER (id));
  return code != NULL ? code : shouhu_xlsx_builtin_format (id);
}

/* Whether @text is a whole number General shows as it is stored. */
static gboolean
plain_integer (const char *text)
{
  gsize n = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return n > 0 && n <= 11 && (text[0] != '0' || n == 1);
}

/**
 * shouhu_xlsx_sheet_get_shown:
 * @scratch: where a formatted number is written
 *
 * The text a spreadsheet program shows in @cell: a number in its number
 * format (43871 as 2月10日 under m"月"d"日", 0.5 as 50% under 0%), a
 * boolean as TRUE or FALSE, text as it is.
 *
 * Returns: the text, @cell's own or @scratch's
 */
const char *
shouhu_xlsx_sheet_get_shown (const ShouhuXlsxSheet *sheet,
                             const ShouhuXlsxCell  *cell,
                             GString               *scratch)
{
  const char *code;
  g_autofree char *shown = NULL;
  double value;

  if (cell->type != SHOUHU_XLSX_CELL_NUMBER && cell->type != SHOUHU_XLSX_CELL_DATE)
    return cell->text;
  code = shouhu_xlsx_sheet_get_format (sheet, cell);
  if (cell->type == SHOUHU_XLSX_CELL_DATE)
    {
      /* t="d": an ISO date; shown in the cell's format when it has one */
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (cell->text, utc);
      g_autoptr(GDateTime) epoch = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);

      if (at == NULL || g_ascii_strcasecmp (code, "General") == 0)
        return cell->text;
      value = (double) g_date_time_difference (at, epoch) / G_TIME_SPAN_DAY;
      if (value < 61)
        value -= 1;
    }
  else
    {
      if (g_ascii_strcasecmp (code, "General") == 0 && plain_integer (cell->text))
        return cell->text;
      value = g_ascii_strtod (cell->text, NULL);
    }
  shown = shouhu_xlsx_format_number (value, code, sheet->workbook != NULL && sheet->workbook->date1904);
  g_string_assign (scratch, shown);
  return scratch->str;
}

/**
 * shouhu_xlsx_sheet_get_date:
 *
 * Returns: (transfer full) (nullable): the day @cell holds as a date
 *   (a number in a date format, or t="d"), as YYYY-MM-DD; %NULL when it
 *   holds none
 */
char *
shouhu_xlsx_sheet_get_date (const ShouhuXlsxSheet *sheet,
                            const ShouhuXlsxCell  *cell)
{
  if (cell->type == SHOUHU_XLSX_CELL_DATE)
    return strlen (cell->text) >= 10 ? g_strndup (cell->text, 10) : NULL;
  if (cell->type != SHOUHU_XLSX_CELL_NUMBER || !shouhu_xlsx_format_is_date (shouhu_xlsx_sheet_get_format (sheet, cell)))
    return NULL;
  return shouhu_xlsx_serial_to_date (g_ascii_strtod (cell->text, NULL),
                                     sheet->workbook != NULL && sheet->workbook->date1904);
}

/* Returns: 1 + the last row holding a cell; 0 for an empty sheet */
guint
shouhu_xlsx_sheet_get_n_rows (const ShouhuXlsxSheet *sheet)
{
  return sheet->n_rows;
}

guint
shouhu_xlsx_sheet_get_n_columns (const ShouhuXlsxSheet *sheet)
{
  return sheet->n_cols;
}

/* Returns: the non-empty cells, by row then column */
const ShouhuXlsxCell *
shouhu_xlsx_sheet_get_cells (const ShouhuXlsxSheet *sheet,
                             gsize                 *n_cells)
{
  *n_cells = sheet->cells->len;
  return (const ShouhuXlsxCell *) sheet->cells->data;
}

/* Returns: (nullable): the cell, or %NULL when it is empty */
const ShouhuXlsxCell *
shouhu_xlsx_sheet_get_cell (const ShouhuXlsxSheet *sheet,
                            guint                  row,
                            guint                  col)
{
  guint lo = 0, hi = sheet->cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const ShouhuXlsxCell *c = &g_array_index (sheet->cells, ShouhuXlsxCell, mid);

      if (row == c->row && col == c->col)
        return c;
      if (row < c->row || (row == c->row && col < c->col))
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const ShouhuXlsxRange *
shouhu_xlsx_sheet_get_merged (const ShouhuXlsxSheet *sheet,
                              guint                 *n_ranges)
{
  *n_ranges = sheet->merged->len;
  return (const ShouhuXlsxRange *) sheet->merged->data;
}

/**
 * shouhu_xlsx_sheet_find_merged:
 *
 * A linear search: meant for the few cells of titles and headers.
 *
 * Returns: (nullable): the merged range holding the cell, if any
 */
const ShouhuXlsxRange *
shouhu_xlsx_sheet_find_merged (const ShouhuXlsxSheet *sheet,
                               guint                  row,
                               guint                  col)
{
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const ShouhuXlsxRange *r = &g_array_index (sheet->merged, ShouhuXlsxRange, i);

      if (row >= r->first_row && row <= r->last_row && col >= r->first_col && col <= r->last_col)
        return r;
    }
  return NULL;
}

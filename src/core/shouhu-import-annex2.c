/* shouhu-import-annex2.c — reading an Annex 2 workbook (附件2)
 *
 * One form per district: the 区县：/填报人：/联系电话： line, a header row
 * (序号, 医院, 姓名, 性别, …) and one row per frontline worker.  Rows are
 * checked here; matching them with stored records is
 * shouhu-import-match.c's job, writing them shouhu-import-write.c's.
 *
 * Headings are those of the form's table (shouhu-annex2-form.c) with the
 * variants people write.  A column the form lacks is noted, and the
 * preview keeps the stored values of its field; a heading that names no
 * column is listed as ignored; a missing column that a record needs
 * refuses the file, naming it.  Text cells are read as the spreadsheet
 * shows them (a date in its format), phones by their stored digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-parallel.h"
#include "shouhu-pairing.h"
#include "shouhu-phone.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Where the form's columns are; its headings and the variants people
 * write come from the form's table (shouhu-annex2-form.c). */
typedef struct
{
  const ShouhuXlsxSheet *sheet;
  guint                  header_row;
  gint64                 cols[SHOUHU_ANNEX2_N_IMPORT_FIELDS]; /* -1: not in the form */
  gint64                 extras[SHOUHU_ANNEX2_N_EXTRAS];       /* -1: not in the form */
  GPtrArray             *ignored;                              /* char *: "heading (cell)" */
  GString               *scratch;                              /* shown numbers */
  struct _RowCells      *current;                              /* the row being read */
  /* Found once for the rows (annex2_layout_index ()): */
  guint8                 by_col[64];       /* form column + 1 of each of the first sheet columns, 0: none */
  int                    phone_fields[SHOUHU_ANNEX2_N_FIELDS];  /* the columns a masked export hides */
  guint                  n_phone_fields;
} Annex2Layout;

/* The cells of the row being read, by form column: a row's cells are
 * next to each other, so each is found once, not searched for. */
typedef struct _RowCells
{
  guint                 row;
  const ShouhuXlsxCell *at[SHOUHU_ANNEX2_N_IMPORT_FIELDS + SHOUHU_ANNEX2_N_EXTRAS];
} RowCells;

static void
annex2_row_free (gpointer data)
{
  ShouhuAnnex2ImportRow *r = data;

  shouhu_worker_free (r->worker);
  g_free (r->volunteers);
  g_free (r);
}

static void
annex2_form_free (gpointer data)
{
  ShouhuAnnex2ImportForm *f = data;

  g_free (f->sheet);
  g_free (f->reporter);
  g_free (f->phone);
  g_clear_pointer (&f->ignored, g_ptr_array_unref);
  g_free (f);
}

void
shouhu_annex2_import_free (ShouhuAnnex2Import *import)
{
  if (import == NULL)
    return;
  g_free (import->file_name);
  g_free (import->sha256);
  /* Rows point to their form's sheet name: rows go first. */
  g_ptr_array_unref (import->changes);
  g_ptr_array_unref (import->rows);
  g_ptr_array_unref (import->forms);
  g_ptr_array_unref (import->rejected);
  g_ptr_array_unref (import->notes);
  g_ptr_array_unref (import->missing);
  shouhu_import_annex2_note_preview (NULL, import);
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
  g_autofree char *folded = shouhu_import_normalise (text);
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

/* The heading shown in a cell, as headings are compared. */
static char *
heading_text (const Annex2Layout   *layout,
              const ShouhuXlsxCell *cell)
{
  return shouhu_import_normalise (shouhu_xlsx_sheet_get_shown (layout->sheet, cell, layout->scratch));
}

/* Reads the headings of @row into @layout; returns how many name a
 * column of the form. */
static guint
read_headings (Annex2Layout *layout,
               guint         row)
{
  gsize n;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);
  guint found = 0;

  for (int f = 0; f < SHOUHU_ANNEX2_N_IMPORT_FIELDS; f++)
    layout->cols[f] = -1;
  for (int e = 0; e < SHOUHU_ANNEX2_N_EXTRAS; e++)
    layout->extras[e] = -1;
  g_ptr_array_set_size (layout->ignored, 0);
  for (gsize j = shouhu_import_row_start (cells, n, row); j < n && cells[j].row == row; j++)
    {
      g_autofree char *heading = heading_text (layout, &cells[j]);
      const ShouhuFormColumn *c = shouhu_annex2_form_find_heading (heading);
      const ShouhuFormExtraColumn *extra = c == NULL ? shouhu_annex2_form_find_extra (heading) : NULL;

      if (c != NULL && layout->cols[c->field] < 0)
        {
          layout->cols[c->field] = cells[j].col;
          found++;
        }
      else if (extra != NULL && layout->extras[extra->extra] < 0)
        layout->extras[extra->extra] = cells[j].col;
      else if (*heading != '\0')
        {
          g_autofree char *cell_name = shouhu_xlsx_cell_name (cells[j].row, cells[j].col);
          g_autofree char *shown = g_strstrip (g_strdup (shouhu_xlsx_sheet_get_shown (layout->sheet, &cells[j],
                                                                                       layout->scratch)));

          g_ptr_array_add (layout->ignored, g_strdup_printf ("%s (%s)", shown, cell_name));
        }
    }
  return found;
}

/* The variants of a heading, for the message that misses it. */
static char *
heading_variants (const ShouhuFormColumn *c)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint v = 0; c->variants != NULL && c->variants[v] != NULL; v++)
    g_string_append_printf (list, "%s%s", v > 0 ? "、" : "", c->variants[v]);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* The header row: the first holding 姓名 (or a heading people write for
 * it) and at least two other headings of the form.  Then every column a
 * record needs, and those that tell one person from another, must be
 * there: without them a row could only erase or duplicate. */
static gboolean
find_annex2_layout (Annex2Layout  *layout,
                    GError       **error)
{
  const ShouhuXlsxSheet *sheet = layout->sheet;
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (sheet, &n);
  gboolean found = FALSE;
  gint64 checked_row = -1;

  for (i = 0; i < n && cells[i].row < SHOUHU_IMPORT_HEADER_SEARCH_ROWS && !found; i++)
    {
      g_autofree char *text = NULL;
      const ShouhuFormColumn *column;

      if (cells[i].row == checked_row || cells[i].type != SHOUHU_XLSX_CELL_STRING)
        continue;
      text = heading_text (layout, &cells[i]);
      column = shouhu_annex2_form_find_heading (text);
      /* Each row is looked at once, however many 姓名 it holds. */
      if (column == NULL || column->field != SHOUHU_ANNEX2_FIELD_NAME)
        continue;
      checked_row = cells[i].row;
      if (read_headings (layout, cells[i].row) >= 3)
        {
          layout->header_row = cells[i].row;
          found = TRUE;
        }
    }
  if (!found)
    return FALSE;

  for (int f = 0; f < SHOUHU_ANNEX2_N_IMPORT_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (layout->cols[f] < 0 && c->in_sheet && (c->required || c->identifies))
        {
          g_autofree char *variants = heading_variants (c);

          if (*variants != '\0')
            g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                         _("Sheet “%s” cannot be imported: its header row (row %u) has no “%s” column (nor %s). "
                           "Add the column, or give the one that holds it that heading."),
                         shouhu_xlsx_sheet_get_name (sheet), shouhu_import_shown_row (layout->header_row),
                         c->heading, variants);
          else
            g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                         _("Sheet “%s” cannot be imported: its header row (row %u) has no “%s” column. "
                           "Add the column, or give the one that holds it that heading."),
                         shouhu_xlsx_sheet_get_name (sheet), shouhu_import_shown_row (layout->header_row),
                         c->heading);
          return FALSE;
        }
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
      g_autofree char *text = heading_text (layout, &cells[i]);
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
              line_row = shouhu_import_shown_row (cells[i].row);
              break;
            }
          g_string_truncate (line, 0);
        }
    }

  district_text = form_value (line->str, "区县：");
  district = shouhu_district_lookup (district_text);
  {
    g_autofree char *sheet_name = shouhu_import_normalise (shouhu_xlsx_sheet_get_name (sheet));
    const ShouhuDistrict *named = shouhu_district_lookup (sheet_name);

    if (district == NULL && *district_text == '\0')
      district = named;
    else if (district != NULL && named != NULL && named != district)
      {
        g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                     _("Sheet “%s” is named for %s, but its 区县： line says %s (“%s”): correct the one that "
                       "is wrong, so that the records go to the right district"),
                     shouhu_xlsx_sheet_get_name (sheet), named->name, district->name, district_text);
        return NULL;
      }
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
  form->ignored = g_ptr_array_new_with_free_func (g_free);
  for (int f = 0; f < SHOUHU_ANNEX2_N_IMPORT_FIELDS; f++)
    if (layout->cols[f] >= 0)
      form->present |= 1u << f;
  for (guint i = 0; i < layout->ignored->len; i++)
    g_ptr_array_add (form->ignored, g_strdup (g_ptr_array_index (layout->ignored, i)));
  return form;
}

/* Cells merged down a column in the rows, as people do for the hospital
 * or the address that several workers share: per form column, the ranges
 * that start in it below the header, sorted by their first row. */
#define N_COLUMNS (SHOUHU_ANNEX2_N_IMPORT_FIELDS + SHOUHU_ANNEX2_N_EXTRAS)

/* The sheet column of a form field, or (from SHOUHU_ANNEX2_N_IMPORT_FIELDS on)
 * of an extra column; -1 when the form has none. */
static gint64
column_of (const Annex2Layout *layout,
           int                 c)
{
  return c < SHOUHU_ANNEX2_N_IMPORT_FIELDS ? layout->cols[c] : layout->extras[c - SHOUHU_ANNEX2_N_IMPORT_FIELDS];
}

typedef struct
{
  GArray *down[N_COLUMNS];
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

  for (int c = 0; c < N_COLUMNS; c++)
    {
      merges->down[c] = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxRange));
      if (column_of (layout, c) < 0)
        continue;
      for (guint i = 0; i < n; i++)
        if (ranges[i].first_col == (guint) column_of (layout, c) &&
            ranges[i].first_row > layout->header_row &&
            ranges[i].last_row > ranges[i].first_row)
          g_array_append_val (merges->down[c], ranges[i]);
      g_array_sort (merges->down[c], compare_first_row);
    }
}

static void
annex2_merges_clear (Annex2Merges *merges)
{
  for (int c = 0; c < N_COLUMNS; c++)
    g_clear_pointer (&merges->down[c], g_array_unref);
}

/* The cell shown at @row in the form column @col: its own, or the top of
 * the range merged down over it.  A binary search, since a sheet of many
 * rows may hold as many merged ranges. */
static const ShouhuXlsxCell *
field_cell (const Annex2Layout *layout,
            const Annex2Merges *merges,
            guint               row,
            int                 col)
{
  const ShouhuXlsxCell *cell;
  GArray *down = merges->down[col];
  guint lo = 0, hi;

  if (column_of (layout, col) < 0)
    return NULL;
  cell = layout->current != NULL && layout->current->row == row
    ? layout->current->at[col]
    : shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) column_of (layout, col));
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

/* The text shown in a form column at @row, trimmed at its ends; %NULL
 * with @reason when it is longer than the field may hold, naming the
 * cell. */
static char *
field_text (const Annex2Layout  *layout,
            const Annex2Merges  *merges,
            guint                row,
            int                  col,
            char               **reason)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);
  const ShouhuFormColumn *column = col < SHOUHU_ANNEX2_N_IMPORT_FIELDS ? shouhu_annex2_form_column (col) : NULL;
  g_autofree char *text = NULL;
  glong length;

  if (cell == NULL)
    return g_strdup ("");
  text = g_strstrip (shouhu_validate_fold_digits (shouhu_xlsx_sheet_get_shown (layout->sheet, cell,
                                                                                layout->scratch)));
  if (column == NULL || column->max_chars == 0)
    return g_steal_pointer (&text);
  length = g_utf8_strlen (text, -1);
  if (cell->too_long || length > (glong) column->max_chars)
    {
      g_autofree char *name = shouhu_xlsx_cell_name (cell->row, cell->col);

      if (cell->too_long)
        *reason = g_strdup_printf (_("cell %s holds more than 32767 characters, more than a cell may hold: "
                                     "%s takes at most %u"), name, column->heading, column->max_chars);
      else
        *reason = g_strdup_printf (_("cell %s holds %ld characters: %s takes at most %u"), name, length,
                                   column->heading, column->max_chars);
      return NULL;
    }
  return g_steal_pointer (&text);
}

static char *
field_phone (const Annex2Layout  *layout,
             const Annex2Merges  *merges,
             guint                row,
             ShouhuAnnex2Field    col,
             GError             **error)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);

  if (cell == NULL)
    return g_strdup ("");
  if (cell->too_long || g_utf8_strlen (cell->text, -1) > (glong) shouhu_annex2_form_column (col)->max_chars)
    {
      g_autofree char *name = shouhu_xlsx_cell_name (cell->row, cell->col);

      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("cell %s is too long for %s: write one phone number"), name,
                   shouhu_annex2_form_column (col)->heading);
      return NULL;
    }
  return shouhu_import_phone (shouhu_annex2_form_column (col)->heading, cell->text,
                              cell->type == SHOUHU_XLSX_CELL_NUMBER, error);
}

/* Whether the full reading of a cell holding @text (trimmed, @length
 * bytes) sees the same text: nothing inside that it would remove (a
 * space, tab, newline or ideographic space), valid UTF-8. */
static gboolean
read_as_is (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' ||
        /* U+3000, the ideographic space */
        ((guchar) text[i] == 0xe3 && i + 2 < length && (guchar) text[i + 1] == 0x80 && (guchar) text[i + 2] == 0x80))
      return FALSE;
  return g_utf8_validate_len (text, length, NULL);
}

/* Whether a row breaks a rule by a required cell left empty or a 性别
 * neither 男 nor 女; then @reason (unless %NULL) says which.  Past the
 * rejections listed (SHOUHU_IMPORT_MAX_LISTED) only their count is kept,
 * and a million messages would cost more than the rest of reading their
 * rows: the caller passes no @reason. */
static gboolean
quick_reason (const Annex2Layout  *layout,
              const Annex2Merges  *merges,
              guint                row,
              char               **reason)
{
  for (int f = 0; f <= SHOUHU_ANNEX2_FIELD_GENDER; f++)
    {
      const ShouhuFormColumn *column;
      const ShouhuXlsxCell *cell;
      const char *start, *end;
      char text[32];
      gsize length;

      if (layout->cols[f] < 0 || !(column = shouhu_annex2_form_column (f))->in_sheet)
        continue;
      cell = field_cell (layout, merges, row, f);
      if (cell == NULL && column->required && column->kind != SHOUHU_FIELD_GENDER)
        {
          if (reason != NULL)
            *reason = g_strdup_printf (_("%s is empty: %s"), column->heading, _(column->missing));
          return TRUE;
        }
      if (column->kind != SHOUHU_FIELD_GENDER || cell == NULL || cell->type != SHOUHU_XLSX_CELL_STRING ||
          (length = strlen (cell->text)) >= sizeof text)
        continue;
      /* The text as g_strstrip () leaves it, without a copy to strip. */
      start = cell->text;
      end = start + length;
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      memcpy (text, start, (gsize) (end - start));
      text[end - start] = '\0';
      if (shouhu_form_parse_gender (text) == NULL && read_as_is (text, (gsize) (end - start)))
        {
          if (reason != NULL)
            *reason = g_strdup_printf (_("性别 must be 男 or 女 (not “%s”)"), text);
          return TRUE;
        }
    }
  return FALSE;
}

/* The family's needs (需求, a column the notice's form does not have), as
 * people write them; SHOUHU_WORKER_NEEDS_UNKNOWN when the sheet has no
 * such column, so that importing it keeps the needs already stored. */
static int
row_needs (const Annex2Layout  *layout,
           const Annex2Merges  *merges,
           guint                row,
           char               **reason)
{
  const ShouhuXlsxCell *cell;
  g_autoptr(GError) error = NULL;
  guint needs;

  if (layout->cols[SHOUHU_ANNEX2_FIELD_NEEDS] < 0)
    return SHOUHU_WORKER_NEEDS_UNKNOWN;
  cell = field_cell (layout, merges, row, SHOUHU_ANNEX2_FIELD_NEEDS);
  if (!shouhu_family_needs_parse (cell != NULL ? cell->text : "", &needs, &error))
    {
      *reason = g_strdup (error->message);
      return SHOUHU_WORKER_NEEDS_UNKNOWN;
    }
  return (int) needs;
}

/* Checks one worker row; %NULL with @reason when a rule is broken.  A
 * required field left empty is named by its heading, as the form
 * prints it.  Unless @named, a row broken in the commonest ways (see
 * quick_reason ()) comes back with no @reason. */
static ShouhuAnnex2ImportRow *
read_annex2_row (const Annex2Layout     *layout,
                 const Annex2Merges     *merges,
                 const ShouhuAnnex2ImportForm *form,
                 guint                   row,
                 gboolean                named,
                 char                  **reason)
{
  g_autoptr(GError) error = NULL;
  ShouhuAnnex2ImportRow *r;

  /* What most often breaks a row, seen without building its record: a
   * file of a million broken rows stays cheap. */
  if (quick_reason (layout, merges, row, named ? reason : NULL))
    return NULL;
  r = g_new0 (ShouhuAnnex2ImportRow, 1);
  r->sheet = form->sheet;
  r->row = shouhu_import_shown_row (row);
  r->worker = shouhu_worker_new ();
  r->worker->district_id = form->district_id;
  r->present = form->present;

  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS && *reason == NULL; f++)
    {
      const ShouhuFormColumn *column = shouhu_annex2_form_column (f);
      g_autofree char *text = NULL;

      if (!column->in_sheet || layout->cols[f] < 0)
        continue;
      if (column->kind == SHOUHU_FIELD_PHONE)
        {
          if ((text = field_phone (layout, merges, row, f, &error)) == NULL)
            *reason = g_strdup (error->message);
        }
      else
        text = field_text (layout, merges, row, f, reason);

      if (*reason != NULL)
        break;
      if (column->kind == SHOUHU_FIELD_GENDER)
        {
          const char *gender = shouhu_form_parse_gender (text);

          if (gender == NULL && (column->required || *text != '\0'))
            *reason = g_strdup_printf (_("性别 must be 男 or 女 (not “%s”)"), text);
          g_free (text);
          text = g_strdup (gender != NULL ? gender : "");
        }
      else if (column->required && *text == '\0')
        /* Translators: the first %s is a heading of the form (such as 姓名), the second what it needs */
        *reason = g_strdup_printf (_("%s is empty: %s"), column->heading, _(column->missing));

      if (column->kind == SHOUHU_FIELD_VOLUNTEERS)
        r->volunteers = g_steal_pointer (&text);
      else
        shouhu_worker_take_field (r->worker, f, g_steal_pointer (&text));
    }
  if (*reason == NULL)
    r->worker->needs = row_needs (layout, merges, row, reason);
  /* The rules of a record, and the volunteers read once, here: the
   * preview and the write (which previews again) only match. */
  if (*reason == NULL && !shouhu_worker_validate (r->worker, &error))
    *reason = g_strdup (error->message);
  if (*reason == NULL && r->volunteers != NULL)
    {
      g_autofree char *phones = NULL;
      char *read;

      if (layout->extras[SHOUHU_ANNEX2_EXTRA_VOLUNTEER_PHONES] >= 0)
        phones = field_text (layout, merges, row, SHOUHU_ANNEX2_N_IMPORT_FIELDS + SHOUHU_ANNEX2_EXTRA_VOLUNTEER_PHONES,
                             reason);
      if (*reason == NULL && (read = shouhu_import_parse_volunteers (r->volunteers, phones, reason)) != NULL)
        {
          g_free (r->volunteers);
          r->volunteers = read;
        }
    }
  if (*reason == NULL)
    return r;
  annex2_row_free (r);
  return NULL;
}

/* Whether the row holds anything in the form's own columns (the printed
 * form numbers its empty rows in 序号). */
static gboolean
annex2_row_empty (const RowCells *cells)
{
  for (int c = 0; c < N_COLUMNS; c++)
    {
      const ShouhuXlsxCell *cell = cells->at[c];

      if (cell == NULL || c == SHOUHU_ANNEX2_N_IMPORT_FIELDS + SHOUHU_ANNEX2_EXTRA_NUMBER)
        continue;
      if (!shouhu_import_is_blank (cell->text))
        return FALSE;
    }
  return TRUE;
}

/* What the rows need of @layout, found once: which form column each of
 * the first sheet columns is (the first, if several were), and which
 * columns hold phone numbers. */
static void
annex2_layout_index (Annex2Layout *layout)
{
  memset (layout->by_col, 0, sizeof layout->by_col);
  for (int c = N_COLUMNS - 1; c >= 0; c--)
    if (column_of (layout, c) >= 0 && column_of (layout, c) < (gint64) G_N_ELEMENTS (layout->by_col))
      layout->by_col[column_of (layout, c)] = (guint8) (c + 1);
  layout->n_phone_fields = 0;
  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      ShouhuFieldKind kind = shouhu_annex2_form_column (f)->kind;

      if (layout->cols[f] >= 0 && (kind == SHOUHU_FIELD_PHONE || kind == SHOUHU_FIELD_VOLUNTEERS))
        layout->phone_fields[layout->n_phone_fields++] = f;
    }
}

/* Fills @cells with the form's cells of the row starting at @cells[@i];
 * returns the index past it. */
static gsize
gather_row (const Annex2Layout   *layout,
            const ShouhuXlsxCell *all,
            gsize                 n,
            gsize                 i,
            RowCells             *cells)
{
  guint row = all[i].row;

  memset (cells, 0, sizeof *cells);
  cells->row = row;
  for (; i < n && all[i].row == row; i++)
    if (all[i].col < G_N_ELEMENTS (layout->by_col))
      {
        if (layout->by_col[all[i].col] > 0)
          cells->at[layout->by_col[all[i].col] - 1] = &all[i];
      }
    else
      for (int c = 0; c < N_COLUMNS; c++)
        if (column_of (layout, c) == (gint64) all[i].col)
          {
            cells->at[c] = &all[i];
            break;
          }
  return i;
}

/* A masked file as a whole, not row by row: every row would fail.  The
 * columns that hold phone numbers show it. */
static gboolean
check_not_masked (const Annex2Layout  *layout,
                  const RowCells      *cells,
                  GError             **error)
{
  guint row = cells->row;

  for (guint i = 0; i < layout->n_phone_fields; i++)
    {
      int f = layout->phone_fields[i];
      const ShouhuXlsxCell *cell = cells->at[f];
      g_autofree char *name = NULL;

      if (cell == NULL || !shouhu_import_is_masked (cell->text))
        continue;
      name = shouhu_xlsx_cell_name (row, (guint) layout->cols[f]);
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED,
                   _("This is a masked export: the phone numbers are hidden (“%s” in cell %s of sheet “%s”), "
                     "so the records could not be matched or kept. Import the file exported without masking."),
                   cell->text, name, shouhu_xlsx_sheet_get_name (layout->sheet));
      return FALSE;
    }
  return TRUE;
}

/* Whether a row whose first cell holds @first starts the form's notes
 * (说明, 注：), below its rows. */
static gboolean
starts_notes (const char *first)
{
  g_autofree char *normal = NULL;

  if (strstr (first, "说明") == NULL && strstr (first, "注") == NULL)
    return FALSE;
  normal = shouhu_import_normalise (first);
  return g_str_has_prefix (normal, "说明") || g_str_has_prefix (normal, "注：");
}

static gboolean
read_annex2_rows (Annex2Layout                  *layout,
                  const ShouhuAnnex2ImportForm  *form,
                  GPtrArray                     *rows,
                  GPtrArray                     *rejected,
                  guint                         *n_rejected,
                  GError                       **error)
{
  gsize n, i;
  const ShouhuXlsxCell *cells = shouhu_xlsx_sheet_get_cells (layout->sheet, &n);
  Annex2Merges merges;
  RowCells current;
  const char *not_notes = NULL;   /* a first cell's text that starts no notes */
  gboolean ok = TRUE;

  annex2_merges_init (&merges, layout);
  annex2_layout_index (layout);
  layout->current = &current;
  for (i = shouhu_import_row_start (cells, n, layout->header_row + 1); i < n;)
    {
      guint row = cells[i].row;
      const char *first = cells[i].text;
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportRow *r;

      i = gather_row (layout, cells, n, i, &current);
      if (first != not_notes)
        {
          if (starts_notes (first))
            break;
          /* A shared string: the same text, row after row. */
          not_notes = first;
        }
      if (annex2_row_empty (&current))
        continue;
      if (!check_not_masked (layout, &current, error))
        {
          ok = FALSE;
          break;
        }
      r = read_annex2_row (layout, &merges, form, row, rejected->len < SHOUHU_IMPORT_MAX_LISTED, &reason);
      if (r == NULL)
        shouhu_import_reject_counted (rejected, n_rejected, form->sheet, shouhu_import_shown_row (row), reason);
      else
        g_ptr_array_add (rows, r);
    }
  layout->current = NULL;
  annex2_merges_clear (&merges);
  return ok;
}

/* What the preview says of a form besides its rows: the columns it
 * lacks (their stored values are kept), the headings it ignored, its
 * hidden rows (imported all the same). */
static void
add_form_notes (GPtrArray                    *notes,
                const ShouhuAnnex2ImportForm *form,
                const ShouhuXlsxSheet        *sheet)
{
  g_autoptr(GString) absent = g_string_new (NULL);
  g_autofree char *hidden = shouhu_import_hidden_rows_note (sheet);

  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (c->in_sheet && !(form->present & (1u << f)))
        g_string_append_printf (absent, "%s%s", absent->len > 0 ? "、" : "", c->heading);
    }
  if (absent->len > 0)
    g_ptr_array_add (notes, g_strdup_printf (_("Sheet “%s” has no column %s: the values stored for "
                                                       "them are kept, and new records leave them empty."),
                                                     form->sheet, absent->str));
  for (guint i = 0; i < form->ignored->len; i++)
    g_ptr_array_add (notes, g_strdup_printf (_("Sheet “%s”: the column “%s” is no column of the form "
                                                       "and was ignored."),
                                                     form->sheet, (const char *) g_ptr_array_index (form->ignored, i)));
  if (hidden != NULL)
    g_ptr_array_add (notes, g_strdup_printf (_("Sheet “%s” has hidden rows (%s): they are imported "
                                                       "like the others."), form->sheet, hidden));
}

/* What one sheet gave, read on any of the threads (nothing is shared
 * but the workbook, which is only read); put together with the others
 * in the workbook's order. */
typedef struct
{
  const ShouhuXlsxSheet  *sheet;
  ShouhuAnnex2ImportForm *form;       /* NULL: hidden, or no form */
  GPtrArray              *rows;
  GPtrArray              *rejected;   /* the sheet's first SHOUHU_IMPORT_MAX_LISTED */
  guint                   n_rejected;
  GPtrArray              *notes;
  GError                 *error;
} Annex2Sheet;

static void
annex2_sheet_clear (Annex2Sheet *out)
{
  g_clear_pointer (&out->form, annex2_form_free);
  g_clear_pointer (&out->rows, g_ptr_array_unref);
  g_clear_pointer (&out->rejected, g_ptr_array_unref);
  g_clear_pointer (&out->notes, g_ptr_array_unref);
  g_clear_error (&out->error);
}

static gboolean
read_annex2_sheet (gpointer data,
                   guint    index)
{
  Annex2Sheet *out = (Annex2Sheet *) data + index;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GPtrArray) ignored = g_ptr_array_new_with_free_func (g_free);
  Annex2Layout layout = { out->sheet, 0, { 0 }, { 0 }, ignored, scratch };

  if (shouhu_xlsx_sheet_is_hidden (out->sheet))
    return TRUE;
  if (!find_annex2_layout (&layout, &out->error) ||
      (out->form = read_form_header (&layout, &out->error)) == NULL)
    return out->error == NULL;
  out->rows = g_ptr_array_new_with_free_func (annex2_row_free);
  out->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);
  out->notes = g_ptr_array_new_with_free_func (g_free);
  if (!read_annex2_rows (&layout, out->form, out->rows, out->rejected, &out->n_rejected, &out->error))
    return FALSE;
  add_form_notes (out->notes, out->form, out->sheet);
  return TRUE;
}

/* Below this many cells, threads cost more than they save. */
#define PARALLEL_MIN_CELLS 20000

/**
 * shouhu_import_annex2_read:
 *
 * Reads every visible sheet in the Annex 2 layout (one district's form
 * each), checking each row.  Writes nothing.  The sheets of a large
 * workbook are read on a few threads, and put together in their order:
 * the rows, the rejections listed (the first SHOUHU_IMPORT_MAX_LISTED of
 * the file) and the first error are those of reading them in order.
 *
 * Returns: (transfer full): the rows read and those rejected, or %NULL
 * when no sheet is an Annex 2 form or a form's header is broken
 */
ShouhuAnnex2Import *
shouhu_import_annex2_read (const ShouhuXlsxWorkbook  *workbook,
                           GError                   **error)
{
  g_autoptr(ShouhuAnnex2Import) import = g_new0 (ShouhuAnnex2Import, 1);
  g_autoptr(GPtrArray) hidden_sheets = g_ptr_array_new ();
  guint n_sheets = shouhu_xlsx_workbook_get_n_sheets (workbook);
  g_autofree Annex2Sheet *sheets = g_new0 (Annex2Sheet, n_sheets);
  guint64 n_cells = 0;
  gboolean ok = TRUE;

  import->file_name = g_strdup (shouhu_xlsx_workbook_get_name (workbook));
  import->sha256 = g_strdup (shouhu_xlsx_workbook_get_sha256 (workbook));
  import->forms = g_ptr_array_new_with_free_func (annex2_form_free);
  import->rows = g_ptr_array_new_with_free_func (annex2_row_free);
  import->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);
  import->notes = g_ptr_array_new_with_free_func (g_free);
  import->changes = g_ptr_array_new_with_free_func (shouhu_import_change_free);
  import->missing = g_ptr_array_new_with_free_func (shouhu_import_missing_free);

  for (guint s = 0; s < n_sheets; s++)
    {
      gsize n;

      sheets[s].sheet = shouhu_xlsx_workbook_get_sheet (workbook, s);
      shouhu_xlsx_sheet_get_cells (sheets[s].sheet, &n);
      n_cells += n;
    }
  shouhu_parallel_run (n_sheets, shouhu_parallel_threads (n_sheets, n_cells, PARALLEL_MIN_CELLS),
                       read_annex2_sheet, sheets);

  /* Every sheet before the first that failed was read to its end. */
  for (guint s = 0; s < n_sheets && ok; s++)
    {
      Annex2Sheet *out = &sheets[s];
      gpointer *rejected;
      gsize n_rejected;

      if (out->error != NULL)
        {
          /* Translators: a file's name before why it cannot be imported */
          g_prefix_error (&out->error, _("%s: "), import->file_name);
          g_propagate_error (error, g_steal_pointer (&out->error));
          ok = FALSE;
          break;
        }
      if (shouhu_xlsx_sheet_is_hidden (out->sheet))
        {
          g_ptr_array_add (hidden_sheets, (gpointer) shouhu_xlsx_sheet_get_name (out->sheet));
          continue;
        }
      if (out->form == NULL)
        continue;
      g_ptr_array_add (import->forms, g_steal_pointer (&out->form));
      g_ptr_array_extend_and_steal (import->rows, g_steal_pointer (&out->rows));
      rejected = g_ptr_array_steal (out->rejected, &n_rejected);
      for (gsize i = 0; i < n_rejected; i++)
        if (import->rejected->len < SHOUHU_IMPORT_MAX_LISTED)
          g_ptr_array_add (import->rejected, rejected[i]);
        else
          shouhu_import_rejection_free (rejected[i]);
      g_free (rejected);
      import->n_rejected += out->n_rejected;
      g_ptr_array_extend_and_steal (import->notes, g_steal_pointer (&out->notes));
    }
  for (guint s = 0; s < n_sheets; s++)
    annex2_sheet_clear (&sheets[s]);
  if (!ok)
    return NULL;

  if (import->forms->len == 0)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX2,
                   _("%s: no sheet is in the Annex 2 layout (a header row with 医院 and 姓名)"),
                   import->file_name);
      return NULL;
    }
  for (guint i = 0; i < hidden_sheets->len; i++)
    g_ptr_array_add (import->notes, g_strdup_printf (_("Sheet “%s” is hidden: it was not read. Show it in the "
                                                       "workbook and import again to take it in."),
                                                     (const char *) g_ptr_array_index (hidden_sheets, i)));
  import->n_read_rejected = import->n_rejected;
  import->n_read_listed = import->rejected->len;
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

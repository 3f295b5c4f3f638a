/* shouhu-import-annex2.c — reading an Annex 2 workbook (附件2)
 *
 * One form per district: the 区县：/填报人：/联系电话： line, a header row
 * (序号, 医院, 姓名, 性别, …) and one row per frontline worker.  Rows are
 * checked here; matching them with stored records is
 * shouhu-import-match.c's job, storing them the Annex 2 model's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
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
  gint64                 cols[SHOUHU_ANNEX2_N_IMPORT_FIELDS];   /* -1: not in the form */
} Annex2Layout;

static void
annex2_row_free (gpointer data)
{
  ShouhuAnnex2ImportRow *r = data;

  g_free (r->sheet);
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
  g_free (f);
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

/* The header row: the one holding 姓名 and 医院 (or a heading people
 * write for it).  Then every column a record needs, and those that tell
 * one person from another, must be there. */
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
      g_autofree char *text = shouhu_import_normalise (cells[i].text);
      const ShouhuFormColumn *column = shouhu_annex2_form_find_heading (text);

      /* Each row is looked at once, however many 姓名 it holds. */
      if (column == NULL || column->field != SHOUHU_ANNEX2_FIELD_NAME || cells[i].row == checked_row)
        continue;
      checked_row = cells[i].row;
      for (int f = 0; f < SHOUHU_ANNEX2_N_IMPORT_FIELDS; f++)
        layout->cols[f] = -1;
      for (gsize j = shouhu_import_row_start (cells, n, cells[i].row); j < n && cells[j].row == cells[i].row; j++)
        {
          g_autofree char *heading = shouhu_import_normalise (cells[j].text);
          const ShouhuFormColumn *c = shouhu_annex2_form_find_heading (heading);

          if (c != NULL && layout->cols[c->field] < 0)
            layout->cols[c->field] = cells[j].col;
        }
      if (layout->cols[SHOUHU_ANNEX2_FIELD_HOSPITAL] >= 0)
        {
          layout->header_row = cells[i].row;
          found = TRUE;
        }
    }
  if (!found)
    return FALSE;

  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *c = shouhu_annex2_form_column (f);

      if (layout->cols[f] < 0 && c->in_sheet && (c->required || c->identifies))
        {
          g_autofree char *msg = g_strdup_printf (_("the header row has no “%s” column"), c->heading);

          g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT,
                       _("Sheet “%s” is not in the Annex 2 layout: %s"),
                       shouhu_xlsx_sheet_get_name (sheet), msg);
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
      g_autofree char *text = shouhu_import_normalise (cells[i].text);
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
  if (district == NULL && *district_text == '\0')
    {
      g_autofree char *sheet_name = shouhu_import_normalise (shouhu_xlsx_sheet_get_name (sheet));
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
  GArray *down[SHOUHU_ANNEX2_N_FIELDS];
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

  for (int c = 0; c < SHOUHU_ANNEX2_N_FIELDS; c++)
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
  for (int c = 0; c < SHOUHU_ANNEX2_N_FIELDS; c++)
    g_clear_pointer (&merges->down[c], g_array_unref);
}

/* The cell shown at @row in the form column @col: its own, or the top of
 * the range merged down over it.  A binary search, since a sheet of many
 * rows may hold as many merged ranges. */
static const ShouhuXlsxCell *
field_cell (const Annex2Layout *layout,
            const Annex2Merges *merges,
            guint               row,
            ShouhuAnnex2Field    col)
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
            ShouhuAnnex2Field    col)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);

  return shouhu_validate_fold_digits (cell != NULL ? cell->text : "");
}

static char *
field_phone (const Annex2Layout  *layout,
             const Annex2Merges  *merges,
             guint                row,
             ShouhuAnnex2Field     col,
             GError             **error)
{
  const ShouhuXlsxCell *cell = field_cell (layout, merges, row, col);

  if (cell == NULL)
    return g_strdup ("");
  return shouhu_import_phone (shouhu_annex2_form_column (col)->heading, cell->text,
                              cell->type == SHOUHU_XLSX_CELL_NUMBER, error);
}

/* The family's needs (需求, a column the notice's form does not have), as
 * people write them; SHOUHU_WORKER_NEEDS_UNKNOWN when the sheet has no
 * such column, so that importing it keeps the needs already stored. */
static int
row_needs (const Annex2Layout  *layout,
           guint                row,
           char               **reason)
{
  const ShouhuXlsxCell *cell;
  g_autoptr(GError) error = NULL;
  guint needs;

  if (layout->cols[SHOUHU_ANNEX2_FIELD_NEEDS] < 0)
    return SHOUHU_WORKER_NEEDS_UNKNOWN;
  cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[SHOUHU_ANNEX2_FIELD_NEEDS]);
  if (!shouhu_family_needs_parse (cell != NULL ? cell->text : "", &needs, &error))
    {
      *reason = g_strdup (error->message);
      return SHOUHU_WORKER_NEEDS_UNKNOWN;
    }
  return (int) needs;
}

/* Checks one worker row; %NULL with @reason when a rule is broken.  A
 * required field left empty is named by its heading, as the form
 * prints it. */
static ShouhuAnnex2ImportRow *
read_annex2_row (const Annex2Layout  *layout,
                 const Annex2Merges  *merges,
                 int                  district_id,
                 guint                row,
                 char               **reason)
{
  g_autoptr(GError) error = NULL;
  ShouhuAnnex2ImportRow *r = g_new0 (ShouhuAnnex2ImportRow, 1);

  r->sheet = g_strdup (shouhu_xlsx_sheet_get_name (layout->sheet));
  r->row = shouhu_import_shown_row (row);
  r->worker = shouhu_worker_new ();
  r->worker->district_id = district_id;

  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS && *reason == NULL; f++)
    {
      const ShouhuFormColumn *column = shouhu_annex2_form_column (f);
      g_autofree char *text = NULL;

      if (!column->in_sheet)
        continue;
      if (column->kind == SHOUHU_FIELD_PHONE)
        {
          if ((text = field_phone (layout, merges, row, f, &error)) == NULL)
            *reason = g_strdup (error->message);
        }
      else
        text = field_text (layout, merges, row, f);

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
        shouhu_worker_set_field (r->worker, f, text);
    }
  if (*reason == NULL)
    r->worker->needs = row_needs (layout, row, reason);
  if (*reason == NULL)
    return r;
  annex2_row_free (r);
  return NULL;
}

/* Whether the row holds anything in the form's own columns (the printed
 * form numbers its empty rows in 序号). */
static gboolean
annex2_row_empty (const Annex2Layout *layout,
                  guint               row)
{
  return shouhu_import_row_empty (layout->sheet, row, layout->cols, SHOUHU_ANNEX2_N_FIELDS);
}

/* A masked file as a whole, not row by row: every row would fail.  The
 * columns that hold phone numbers show it. */
static gboolean
check_not_masked (const Annex2Layout  *layout,
                  guint                row,
                  GError             **error)
{
  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      ShouhuFieldKind kind = shouhu_annex2_form_column (f)->kind;
      const ShouhuXlsxCell *cell;
      g_autofree char *name = NULL;

      if (layout->cols[f] < 0 || (kind != SHOUHU_FIELD_PHONE && kind != SHOUHU_FIELD_VOLUNTEERS))
        continue;
      cell = shouhu_xlsx_sheet_get_cell (layout->sheet, row, (guint) layout->cols[f]);
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
  for (i = shouhu_import_row_start (cells, n, layout->header_row + 1); i < n;)
    {
      guint row = cells[i].row;
      g_autofree char *first = shouhu_import_normalise (cells[i].text);
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportRow *r;

      while (i < n && cells[i].row == row)
        i++;
      if (g_str_has_prefix (first, "说明") || g_str_has_prefix (first, "注："))
        break;
      if (annex2_row_empty (layout, row))
        continue;
      if (!check_not_masked (layout, row, error))
        {
          ok = FALSE;
          break;
        }
      r = read_annex2_row (layout, &merges, district_id, row, &reason);
      if (r == NULL)
        shouhu_import_reject (import->rejected, shouhu_xlsx_sheet_get_name (layout->sheet),
                              shouhu_import_shown_row (row), reason);
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
  import->rejected = g_ptr_array_new_with_free_func (shouhu_import_rejection_free);
  import->changes = g_ptr_array_new_with_free_func (shouhu_import_change_free);

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
          /* Translators: a file's name before why it cannot be imported */
          g_prefix_error (&local_error, _("%s: "), import->file_name);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_ptr_array_add (import->forms, form);
      if (!read_annex2_rows (&layout, form->district_id, import, &local_error))
        {
          /* Translators: a file's name before why it cannot be imported */
          g_prefix_error (&local_error, _("%s: "), import->file_name);
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

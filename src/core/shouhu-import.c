/* shouhu-import.c — taking in the annex workbooks districts send upward
 *
 * The way in: shouhu_import_read () tells a volunteers' roster, an
 * Annex 2 workbook and an Annex 1 one apart and hands it to its reader
 * (shouhu-import-roster.c, shouhu-import-annex1.c,
 * shouhu-import-annex2.c; the Annex 2 preview and write are in
 * shouhu-import-match.c).  Here too are the sheet
 * helpers both readers share (shouhu-import-private.h).  Reading never
 * writes: the caller previews, then writes in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-import-ledger.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-import-error-quark, shouhu_import_error)

/* Sheet helpers ---------------------------------------------------------- */

void
shouhu_import_rejection_free (gpointer data)
{
  ShouhuImportRejection *r = data;

  g_free (r->sheet);
  g_free (r->reason);
  g_free (r);
}

/**
 * shouhu_import_reject:
 * @shown_row: 1-based, as the spreadsheet program shows it (see
 *   shouhu_import_shown_row()); 0 when the rejection is about no row
 *
 * Adds a ShouhuImportRejection to @rejected.
 */
void
shouhu_import_reject (GPtrArray  *rejected,
                      const char *sheet,
                      guint       shown_row,
                      const char *reason)
{
  ShouhuImportRejection *r = g_new0 (ShouhuImportRejection, 1);

  r->sheet = g_strdup (sheet);
  r->row = shown_row;
  r->reason = g_strdup (reason);
  g_ptr_array_add (rejected, r);
}

/**
 * shouhu_import_reject_counted:
 * @n_rejected: the count of rejections, listed or not
 *
 * As shouhu_import_reject(), but past %SHOUHU_IMPORT_MAX_LISTED
 * rejections only counts them.
 */
void
shouhu_import_reject_counted (GPtrArray  *rejected,
                              guint      *n_rejected,
                              const char *sheet,
                              guint       shown_row,
                              const char *reason)
{
  (*n_rejected)++;
  if (rejected->len < SHOUHU_IMPORT_MAX_LISTED)
    shouhu_import_reject (rejected, sheet, shown_row, reason);
}

/* The hidden rows of @sheet as "5, 7–9", or %NULL for none. */
char *
shouhu_import_hidden_rows_note (const ShouhuXlsxSheet *sheet)
{
  guint n;
  const guint32 *rows = shouhu_xlsx_sheet_get_hidden_rows (sheet, &n);
  g_autoptr(GString) out = NULL;
  guint listed = 0;

  if (n == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < n;)
    {
      guint j = i;

      while (j + 1 < n && rows[j + 1] == rows[j] + 1)
        j++;
      if (listed++ == 20)
        {
          g_string_append (out, "…");
          break;
        }
      if (out->len > 0)
        g_string_append (out, ", ");
      if (j == i)
        g_string_append_printf (out, "%u", shouhu_import_shown_row (rows[i]));
      else
        g_string_append_printf (out, "%u–%u", shouhu_import_shown_row (rows[i]), shouhu_import_shown_row (rows[j]));
      i = j + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A character shouhu_import_normalise() removes: a space of any width,
 * a line break, a zero-width space or BOM. */
static inline gboolean
removed_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Text as compared with headings and names: ASCII digits, no spaces of
 * any width, no line breaks. */
char *
shouhu_import_normalise (const char *text)
{
  char *folded = shouhu_validate_fold_digits (text);
  char *out = folded;

  /* In place: what is removed only shortens the text.  ASCII bytes are
   * judged as they are, others decoded. */
  for (const char *p = folded; *p != '\0';)
    {
      guchar b = (guchar) *p;
      const char *next;

      if (b < 0x80)
        {
          if (!removed_char (b))
            *out++ = (char) b;
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (!removed_char (g_utf8_get_char (p)))
        {
          memmove (out, p, (gsize) (next - p));
          out += next - p;
        }
      p = next;
    }
  *out = '\0';
  return folded;
}

/* Whether shouhu_import_normalise() makes @text empty, found without
 * making it. */
gboolean
shouhu_import_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;

      /* U+4000 to U+9FFF (Chinese text), where no space is: found
       * without decoding, for the million cells of a big sheet. */
      if (b >= 0xe4 && b <= 0xe9)
        return FALSE;
      if (!removed_char (b < 0x80 ? (gunichar) b : g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

/* Whether @row holds nothing in the columns @cols (-1: not in the
 * sheet): a printed form numbers its empty rows in 序号. */
gboolean
shouhu_import_row_empty (const ShouhuXlsxSheet *sheet,
                         guint                  row,
                         const gint64          *cols,
                         guint                  n_cols)
{
  for (guint c = 0; c < n_cols; c++)
    {
      const ShouhuXlsxCell *cell;

      if (cols[c] < 0)
        continue;
      cell = shouhu_xlsx_sheet_get_cell (sheet, row, (guint) cols[c]);
      if (cell != NULL && !shouhu_import_is_blank (cell->text))
        return FALSE;
    }
  return TRUE;
}

/* A phone hidden the way a masked export writes it: digits and a run of
 * asterisks (138****5678, 023-****1234). */
gboolean
shouhu_import_is_masked (const char *text)
{
  g_autofree char *folded = NULL;

  /* Most cells hold no asterisk at all: no need to fold them. */
  if (strchr (text, '*') == NULL && strstr (text, "＊") == NULL)
    return FALSE;
  folded = shouhu_import_normalise (text);
  g_auto(GStrv) parts = g_strsplit (folded, "＊", -1);
  g_autofree char *plain = g_strjoinv ("*", parts);

  return strstr (plain, "**") != NULL && strpbrk (plain, "0123456789") != NULL;
}

/* Index of the first cell at or below @row. */
gsize
shouhu_import_row_start (const ShouhuXlsxCell *cells,
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

/* A date as a spreadsheet holds it: a date cell, a number of days since
 * 1899-12-30 (what a cell formatted as a date stores), or text
 * (2020-02-10, 2020年2月10日, 2020/2/10), left to the validation.
 * Shared by the readers of rosters and ledgers. */
char *
shouhu_import_cell_date (const ShouhuXlsxCell *cell)
{
  if (cell->type == SHOUHU_XLSX_CELL_DATE)
    return g_strndup (cell->text, 10);
  if (cell->type == SHOUHU_XLSX_CELL_NUMBER)
    {
      double serial = g_ascii_strtod (cell->text, NULL);
      GDate date;

      if (serial >= 1 && serial < 2958466)
        {
          g_date_clear (&date, 1);
          g_date_set_dmy (&date, 30, G_DATE_DECEMBER, 1899);
          g_date_add_days (&date, (guint) serial);
          return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date));
        }
    }
  /* A date with a time of day, as some programs write a date cell. */
  {
    char *text = g_strstrip (g_strdup (cell->text));
    char *time = strpbrk (text, " T");

    if (time != NULL && time - text >= 8 && time - text <= 10 && g_ascii_isdigit (time[1]))
      *time = '\0';
    return text;
  }
}

/* Either annex ------------------------------------------------------------ */

void
shouhu_import_free (ShouhuImport *import)
{
  if (import == NULL)
    return;
  shouhu_annex1_import_free (import->annex1);
  shouhu_annex2_import_free (import->annex2);
  shouhu_ledger_import_free (import->ledger);
  shouhu_roster_import_free (import->roster);
  g_free (import);
}

/**
 * shouhu_import_may_be_heading:
 * @headings: NULL-terminated
 *
 * Whether @text may be one of @headings once normalised
 * (shouhu_import_normalise() and the like remove characters and fold
 * digits and brackets, never add an ideograph): it holds the last
 * ideograph of one of them.  Finding a header row, most cells of a
 * sheet's first hundred rows are data, which this turns away for the
 * cost of a search.
 */
gboolean
shouhu_import_may_be_heading (const char        *text,
                              const char *const *headings)
{
  for (guint h = 0; headings[h] != NULL; h++)
    {
      const char *last = NULL;
      char needle[8] = { 0 };

      for (const char *p = headings[h]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c >= 0x4e00 && c <= 0x9fff)
            last = p;
        }
      if (last == NULL)
        return TRUE;
      memcpy (needle, last, (gsize) (g_utf8_next_char (last) - last));
      if (strstr (text, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/**
 * shouhu_import_read:
 *
 * Tells a service ledger (a header row with 日期, 医护人员 and 服务类型)
 * from a volunteers' roster (a header row with 姓名 and 联系电话 and no
 * column of the Annex 2 form), from an Annex 2 workbook (a header row
 * with 医院 and 姓名) and from an Annex 1 one (a 区县 column with
 * batches), and reads it.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
ShouhuImport *
shouhu_import_read (const ShouhuXlsxWorkbook  *workbook,
                    GError                   **error)
{
  g_autoptr(ShouhuImport) import = g_new0 (ShouhuImport, 1);
  g_autoptr(GError) local_error = NULL;

  /* A ledger first: its header has no 医院, but may well have a 姓名. */
  import->ledger = shouhu_import_ledger_read (workbook, &local_error);
  if (import->ledger != NULL)
    {
      import->kind = SHOUHU_IMPORT_LEDGER;
      return g_steal_pointer (&import);
    }
  if (!g_error_matches (local_error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_LEDGER))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

  import->roster = shouhu_import_roster_read (workbook, &local_error);
  if (import->roster != NULL)
    {
      import->kind = SHOUHU_IMPORT_ROSTER;
      return g_steal_pointer (&import);
    }
  if (!g_error_matches (local_error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ROSTER))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  g_clear_error (&local_error);

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
               _("%s is neither an Annex 1 nor an Annex 2 workbook, nor a volunteers’ roster nor a service "
                 "ledger: no sheet has the header of 重庆市一线医护人员信息统计表 (区县, 总人数 …), of the Annex 2 "
                 "form (医院, 姓名 …), of a roster (姓名, 联系电话 …) or of a ledger (日期, 医护人员, 服务类型 …)"),
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
  if (import->kind == SHOUHU_IMPORT_LEDGER)
    return shouhu_import_ledger_preview (store, import->ledger, error);
  if (import->kind == SHOUHU_IMPORT_ROSTER)
    return shouhu_import_roster_preview (store, import->roster, error);
  return shouhu_import_annex2_preview (store, import->annex2, error);
}

gboolean
shouhu_import_write (ShouhuStore   *store,
                     ShouhuImport  *import,
                     GError       **error)
{
  if (import->kind == SHOUHU_IMPORT_ANNEX1)
    return shouhu_import_annex1_write (store, import->annex1, error);
  if (import->kind == SHOUHU_IMPORT_LEDGER)
    return shouhu_import_ledger_write (store, import->ledger, error);
  if (import->kind == SHOUHU_IMPORT_ROSTER)
    return shouhu_import_roster_write (store, import->roster, error);
  return shouhu_import_annex2_write (store, import->annex2, error);
}

/* Returns: the action as the preview names it, translated */
const char *
shouhu_import_action_label (ShouhuImportAction action)
{
  switch (action)
    {
    case SHOUHU_IMPORT_NEW:
      return _("New");
    case SHOUHU_IMPORT_UPDATE:
      return _("To Update");
    case SHOUHU_IMPORT_UNCHANGED:
      return _("Unchanged");
    case SHOUHU_IMPORT_UNDECIDED:
    default:
      return _("Likely Duplicate");
    }
}

guint
shouhu_import_n_rejected (const ShouhuImport *import)
{
  switch (import->kind)
    {
    case SHOUHU_IMPORT_ANNEX1:
      return import->annex1->n_rejected;
    case SHOUHU_IMPORT_LEDGER:
      return import->ledger->rejected->len;
    case SHOUHU_IMPORT_ROSTER:
      return import->roster->rejected->len;
    case SHOUHU_IMPORT_ANNEX2:
    default:
      return import->annex2->n_rejected;
    }
}

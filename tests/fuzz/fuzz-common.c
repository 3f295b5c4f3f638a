/* fuzz-common.c — what every fuzz target checks on a workbook's bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fuzz-common.h"
#include "shouhu-import.h"
#include "shouhu-xlsx-reader.h"

#include <string.h>

/* Touches everything the reader hands out, so that a bad pointer or
 * length shows up here rather than in the import code. */
static void
walk (const ShouhuXlsxWorkbook *wb)
{
  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (wb); s++)
    {
      const ShouhuXlsxSheet *sheet = shouhu_xlsx_workbook_get_sheet (wb, s);
      const ShouhuXlsxCell *cells;
      const ShouhuXlsxRange *merged;
      gsize n_cells;
      guint n_merged;

      g_assert (g_utf8_validate (shouhu_xlsx_sheet_get_name (sheet), -1, NULL));
      cells = shouhu_xlsx_sheet_get_cells (sheet, &n_cells);
      for (gsize i = 0; i < n_cells; i++)
        {
          const ShouhuXlsxCell *c = &cells[i];
          g_autofree char *name = shouhu_xlsx_cell_name (c->row, c->col);
          guint row, col;

          g_assert (c->row < shouhu_xlsx_sheet_get_n_rows (sheet));
          g_assert (c->col < shouhu_xlsx_sheet_get_n_columns (sheet));
          g_assert (g_utf8_validate (c->text, -1, NULL));
          g_assert (shouhu_xlsx_parse_cell_name (name, strlen (name), &row, &col));
          g_assert (row == c->row && col == c->col);
          g_assert (shouhu_xlsx_sheet_get_cell (sheet, c->row, c->col) == c);
          if (c->type == SHOUHU_XLSX_CELL_NUMBER)
            g_free (shouhu_xlsx_number_digits (c->text));
        }
      merged = shouhu_xlsx_sheet_get_merged (sheet, &n_merged);
      for (guint i = 0; i < n_merged; i++)
        {
          g_assert (merged[i].first_row <= merged[i].last_row);
          g_assert (merged[i].first_col <= merged[i].last_col);
          g_assert (merged[i].last_row < SHOUHU_XLSX_MAX_ROWS);
          g_assert (merged[i].last_col < SHOUHU_XLSX_MAX_COLUMNS);
        }
      if (n_merged > 0)
        g_assert (shouhu_xlsx_sheet_find_merged (sheet, merged[0].first_row, merged[0].first_col) != NULL);
    }
}

void
shouhu_fuzz_check_workbook (const guint8 *data,
                            gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;

  wb = shouhu_xlsx_workbook_new_from_data (data, size, "fuzz.xlsx", &error);
  if (wb == NULL)
    {
      g_assert (error != NULL && error->domain == SHOUHU_XLSX_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (strstr (error->message, "fuzz.xlsx") != NULL);
      return;
    }
  g_assert (error == NULL);
  g_assert (shouhu_xlsx_workbook_get_n_sheets (wb) > 0);
  walk (wb);

  /* The Annex 1 import reads headings and rows at positions the file
   * chooses: it must cope with any workbook the reader accepts. */
  {
    g_autoptr(ShouhuAnnex1Import) import = shouhu_import_annex1_read (wb, &error);

    if (import == NULL)
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
    else
      g_assert (import->n_districts <= SHOUHU_N_DISTRICTS && import->table->n_batches >= 1);
    g_clear_error (&error);
  }
  {
    g_autoptr(ShouhuAnnex2Import) import = shouhu_import_annex2_read (wb, &error);

    if (import == NULL)
      g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
    else
      for (guint i = 0; i < import->rows->len; i++)
        {
          const ShouhuAnnex2ImportRow *r = g_ptr_array_index (import->rows, i);
          g_assert (r->worker->district_id >= 1 && r->worker->district_id <= SHOUHU_N_DISTRICTS);
          g_assert (g_utf8_validate (r->worker->name, -1, NULL) && *r->worker->name != '\0');
        }
  }
}

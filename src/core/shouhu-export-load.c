/* shouhu-export-load.c — what the Annex 2 workbook is written from: one
 * district form's header and rows (the input structs of the writer), and
 * reading them from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-export.h"
#include "shouhu-export-private.h"
#include "shouhu-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The fields that are columns of the sheet, in its order after 序号;
 * returns how many. */
int
shouhu_export_sheet_fields (ShouhuAnnex2Field fields[SHOUHU_ANNEX2_N_FIELDS])
{
  int n = 0;

  for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_form_column (f)->in_sheet)
      fields[n++] = f;
  return n;
}

/* ---- Input structs ----------------------------------------------------- */

ShouhuExportAnnex2Sheet *
shouhu_export_annex2_sheet_new (int         district_id,
                                const char *reporter,
                                const char *phone)
{
  ShouhuExportAnnex2Sheet *sheet = g_new0 (ShouhuExportAnnex2Sheet, 1);

  sheet->district_id = district_id;
  sheet->reporter = g_strdup (reporter ? reporter : "");
  sheet->phone = g_strdup (phone ? phone : "");
  sheet->rows = g_array_new (FALSE, FALSE, sizeof (ShouhuExportAnnex2Row));
  return sheet;
}

void
shouhu_export_annex2_sheet_add (ShouhuExportAnnex2Sheet *sheet,
                                const char *const        cells[SHOUHU_ANNEX2_N_FIELDS])
{
  ShouhuExportAnnex2Row row;

  for (int i = 0; i < SHOUHU_ANNEX2_N_FIELDS; i++)
    row.cells[i] = g_strdup (cells[i] ? cells[i] : "");
  g_array_append_val (sheet->rows, row);
}

void
shouhu_export_annex2_sheet_free (ShouhuExportAnnex2Sheet *sheet)
{
  if (sheet == NULL)
    return;
  for (guint r = 0; r < sheet->rows->len; r++)
    {
      ShouhuExportAnnex2Row *row = &g_array_index (sheet->rows, ShouhuExportAnnex2Row, r);
      for (int i = 0; i < SHOUHU_ANNEX2_N_FIELDS; i++)
        g_free (row->cells[i]);
    }
  g_array_unref (sheet->rows);
  g_free (sheet->reporter);
  g_free (sheet->phone);
  g_free (sheet);
}

/* ---- Reading the store ------------------------------------------------- */

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text ? text : "";
}

static gboolean
load_forms (ShouhuStore              *store,
            ShouhuExportAnnex2Sheet **by_district,
            GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    shouhu_store_prepare (store, "SELECT district_id, reporter, phone FROM district_form", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);

      if (id < 1 || id > SHOUHU_N_DISTRICTS)
        continue;
      g_clear_pointer (&by_district[id - 1], shouhu_export_annex2_sheet_free);
      by_district[id - 1] = shouhu_export_annex2_sheet_new (id, column_text (stmt, 1),
                                                            column_text (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The pairing column lists each volunteer as "姓名 电话", in the order
 * they were entered. */
#define VOLUNTEERS_SQL \
  "(SELECT group_concat (label, '、') FROM" \
  "   (SELECT v.name || CASE WHEN v.phone <> '' THEN ' ' || v.phone ELSE '' END AS label" \
  "      FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id" \
  "     WHERE p.worker_id = w.id ORDER BY v.id))"

static gboolean
load_workers (ShouhuStore              *store,
              int                       district_id,
              ShouhuExportAnnex2Sheet **by_district,
              GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT w.district_id");
  ShouhuAnnex2Field fields[SHOUHU_ANNEX2_N_FIELDS];
  const int n_fields = shouhu_export_sheet_fields (fields);
  int rc;

  for (int c = 0; c < n_fields; c++)
    {
      const ShouhuFormColumn *column = shouhu_annex2_form_column (fields[c]);

      if (column->kind == SHOUHU_FIELD_VOLUNTEERS)
        g_string_append (sql, ", " VOLUNTEERS_SQL);
      else
        g_string_append_printf (sql, ", w.%s", column->key);
    }
  g_string_append (sql, " FROM worker w WHERE ?1 = 0 OR w.district_id = ?1 ORDER BY w.district_id, w.id");
  stmt = shouhu_store_prepare (store, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, district_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      const char *cells[SHOUHU_ANNEX2_N_FIELDS] = { NULL, };

      if (id < 1 || id > SHOUHU_N_DISTRICTS)
        continue;
      for (int c = 0; c < n_fields; c++)
        cells[fields[c]] = column_text (stmt, c + 1);
      if (by_district[id - 1] == NULL)
        by_district[id - 1] = shouhu_export_annex2_sheet_new (id, "", "");
      shouhu_export_annex2_sheet_add (by_district[id - 1], cells);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_export_load_annex2:
 * @district_id: 1..41 for that district's form (even without records), 0
 *   for every district that has records
 *
 * Returns: (transfer full) (element-type ShouhuExportAnnex2Sheet): the
 * sheets in official order
 */
GPtrArray *
shouhu_export_load_annex2 (ShouhuStore  *store,
                           int           district_id,
                           GError      **error)
{
  ShouhuExportAnnex2Sheet *by_district[SHOUHU_N_DISTRICTS] = { NULL, };
  GPtrArray *sheets;
  gboolean ok;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);
  g_return_val_if_fail (district_id >= 0 && district_id <= SHOUHU_N_DISTRICTS, NULL);

  ok = load_forms (store, by_district, error) &&
       load_workers (store, district_id, by_district, error);

  sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      ShouhuExportAnnex2Sheet *sheet = g_steal_pointer (&by_district[i]);
      gboolean wanted = district_id == 0 ? (sheet != NULL && sheet->rows->len > 0)
                                         : i + 1 == district_id;

      if (wanted && sheet == NULL)
        sheet = shouhu_export_annex2_sheet_new (i + 1, "", "");
      if (ok && wanted)
        g_ptr_array_add (sheets, sheet);
      else
        shouhu_export_annex2_sheet_free (sheet);
    }
  if (!ok)
    g_clear_pointer (&sheets, g_ptr_array_unref);
  return sheets;
}


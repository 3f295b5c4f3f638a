/* bench-export.c — exporting Annex 2 for all districts, 100,000 workers
 *
 * Reports the time of shouhu_export_annex2() (every district, formats,
 * widths, print set-up) against a plain libxlsxwriter program writing the
 * same cells without any formatting (both streamed in constant-memory
 * mode), measured in the same run; then the same export masked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-export.h"

#include <glib/gstdio.h>
#include <xlsxwriter.h>

#define N_WORKERS 100000

static const char *const hospitals[] = {
  "重庆医科大学附属第一医院", "重庆市急救医疗中心", "重庆三峡中心医院", "重庆市人民医院",
};

static void
fake_row (int    i,
          char **cells)
{
  cells[SHOUHU_ANNEX2_FIELD_HOSPITAL] = g_strdup (hospitals[i % G_N_ELEMENTS (hospitals)]);
  cells[SHOUHU_ANNEX2_FIELD_NAME] = g_strdup_printf ("医护%05d", i);
  cells[SHOUHU_ANNEX2_FIELD_GENDER] = g_strdup (i % 3 ? "女" : "男");
  cells[SHOUHU_ANNEX2_FIELD_TITLE] = g_strdup (i % 2 ? "护士" : "医生");
  cells[SHOUHU_ANNEX2_FIELD_WORK_PLACE] = g_strdup ("发热门诊");
  cells[SHOUHU_ANNEX2_FIELD_HOME_ADDRESS] = g_strdup_printf ("重庆市渝中区解放碑街道民族路%d号", i % 500);
  cells[SHOUHU_ANNEX2_FIELD_PHONE] = g_strdup_printf ("138%08d", i);
  cells[SHOUHU_ANNEX2_FIELD_FAMILY_PHONE] = g_strdup_printf ("023-6%07d", i);
  cells[SHOUHU_ANNEX2_FIELD_VOLUNTEERS] = g_strdup_printf ("志愿者%05d 139%08d", i, i);
  cells[SHOUHU_ANNEX2_FIELD_NOTE] = g_strdup ("");
}

static GPtrArray *
make_sheets (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);

  for (int d = 1; d <= SHOUHU_N_DISTRICTS; d++)
    g_ptr_array_add (sheets, shouhu_export_annex2_sheet_new (d, "填报人", "023-63891234"));
  for (int i = 0; i < N_WORKERS; i++)
    {
      char *cells[SHOUHU_ANNEX2_N_FIELDS] = { NULL, };

      fake_row (i, cells);
      shouhu_export_annex2_sheet_add (sheets->pdata[i % SHOUHU_N_DISTRICTS], (const char *const *) cells);
      for (int f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        g_free (cells[f]);
    }
  return sheets;
}

/* The baseline: the same cells, no formats, no merges, no print set-up. */
static void
write_plain (GPtrArray  *sheets,
             const char *path)
{
  lxw_workbook_options options = { .constant_memory = TRUE };
  lxw_workbook *wb = workbook_new_opt (path, &options);

  for (guint s = 0; s < sheets->len; s++)
    {
      ShouhuExportAnnex2Sheet *sheet = sheets->pdata[s];
      lxw_worksheet *ws = workbook_add_worksheet (wb, shouhu_district_get (sheet->district_id)->name);
      g_autofree char *line = g_strdup_printf ("区县：%s　　　　填报人：%s　　　　联系电话：%s",
                                               shouhu_district_get (sheet->district_id)->name,
                                               sheet->reporter, sheet->phone);
      guint row = 4;

      worksheet_write_string (ws, 0, 0, "附件2", NULL);
      worksheet_write_string (ws, 1, 0, "重庆志愿者精准守护一线医护人员工作信息表", NULL);
      worksheet_write_string (ws, 2, 0, line, NULL);
      worksheet_write_string (ws, 3, 0, "表头", NULL);
      for (int f = 0, c = 1; f < SHOUHU_ANNEX2_N_FIELDS; f++)
        if (shouhu_annex2_form_column (f)->in_sheet)
          worksheet_write_string (ws, 3, c++, "表头", NULL);
      for (guint r = 0; r < sheet->rows->len; r++, row++)
        {
          ShouhuExportAnnex2Row *rw = &g_array_index (sheet->rows, ShouhuExportAnnex2Row, r);

          worksheet_write_number (ws, row, 0, r + 1, NULL);
          for (int f = 0, c = 1; f < SHOUHU_ANNEX2_N_FIELDS; f++)
            {
              if (!shouhu_annex2_form_column (f)->in_sheet)
                continue;
              if (*rw->cells[f])
                worksheet_write_string (ws, row, c, rw->cells[f], NULL);
              c++;
            }
        }
      worksheet_write_string (ws, row, 0, "说明：1．本着就近就便原则安排对接服务志愿者；", NULL);
      worksheet_write_string (ws, row + 1, 0, "　　　2．表格信息实行动态更新管理。", NULL);
    }
  if (workbook_close (wb) != LXW_NO_ERROR)
    g_error ("the baseline could not write %s", path);
}

static double
file_mb (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size / 1e6 : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouhu-bench-XXXXXX", &error);
  g_autofree char *plain = g_build_filename (dir, "plain.xlsx", NULL);
  g_autofree char *ours = g_build_filename (dir, "annex2.xlsx", NULL);
  g_autofree char *masked = g_build_filename (dir, "annex2-masked.xlsx", NULL);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  double t_plain, t_ours, t_masked;

  g_assert_no_error (error);
  sheets = make_sheets ();

  g_timer_start (timer);
  write_plain (sheets, plain);
  t_plain = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  if (!shouhu_export_annex2 (sheets, FALSE, ours, &error))
    g_error ("%s", error->message);
  t_ours = g_timer_elapsed (timer, NULL);

  g_timer_start (timer);
  if (!shouhu_export_annex2 (sheets, TRUE, masked, &error))
    g_error ("%s", error->message);
  t_masked = g_timer_elapsed (timer, NULL);

  g_print ("Annex 2, %d workers in %d district sheets\n", N_WORKERS, SHOUHU_N_DISTRICTS);
  g_print ("  plain libxlsxwriter (baseline): %6.2f s  %5.1f MB\n", t_plain, file_mb (plain));
  g_print ("  shouhu_export_annex2:           %6.2f s  %5.1f MB  ratio %.2f\n",
           t_ours, file_mb (ours), t_ours / t_plain);
  g_print ("  shouhu_export_annex2, masked:   %6.2f s  %5.1f MB  ratio %.2f\n",
           t_masked, file_mb (masked), t_masked / t_plain);

  g_unlink (plain);
  g_unlink (ours);
  g_unlink (masked);
  g_rmdir (dir);
  return 0;
}

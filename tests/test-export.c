/* test-export.c — the official workbooks, read back with openpyxl
 *
 * Every workbook is written, then read back by xlsx-dump.py with Debian's
 * openpyxl (PYTHON_WITH_OPENPYXL) and compared here cell by cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "shouhu-store-private.h"

#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-test-notice.h"
#include "shouhu-test-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* Records of three districts, entered out of official order. */
static const char annex2_fixture[] =
  "INSERT INTO district_form VALUES (4, '王芳', '023-63891234');"
  "INSERT INTO district_form VALUES (1, '李强', '13900001111');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (1, 4, '重庆医科大学附属第一医院', '张敏', '女', '护士长', '发热门诊',"
  "  '重庆市渝中区解放碑街道民族路123号5栋', '13812345678', '023-61234567', '', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (2, 1, '重庆三峡中心医院', '刘伟', '男', '医生', '湖北孝感',"
  "  '重庆市万州区龙沙镇五桥村3组', '13698765432', '13511112222', '支援湖北', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (3, 4, '重庆市急救医疗中心', '陈静', '女', '护士', '隔离病房',"
  "  '重庆市渝中区七星岗街道中山一路8号', '18623456789', '', '', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (4, 39, '重庆市第六人民医院', '赵磊', '男', '医生', '感染科',"
  "  '重庆市渝北区人和街道', '0123456789', '', '', 'x', 'x');"
  /* 周小红 and 孙丽 are ready to go on duty (trained, equipped, insured),
   * so their families count as guarded; 吴刚 and 郑浩 are not. */
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed,"
  "  trained_on, gear_on, gear, insured_from, insured_until)"
  "  VALUES (1, '周小红', '13300001234', 4, '解放碑街道', '', '', 'x', 'x',"
  "  '2020-02-01', '2020-02-01', 7, '2020-02-01', '2099-12-31');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed) VALUES (2, '吴刚', '', 4, '七星岗街道', '', '', 'x', 'x');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed,"
  "  trained_on, gear_on, gear, insured_from, insured_until)"
  "  VALUES (3, '孙丽', '15000005678', 1, '龙沙镇', '', '', 'x', 'x',"
  "  '2020-02-01', '2020-02-01', 7, '2020-02-01', '2099-12-31');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed) VALUES (4, '郑浩', '', NULL, '', '', '', 'x', 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (1, 1, 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (1, 2, 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (2, 3, 'x');";

/* ---- Reading a workbook back ------------------------------------------- */

typedef struct
{
  GHashTable *facts;   /* "kind\tsheet\tkey" → the rest of the line */
  int         n_cells;
} Dump;

static void
dump_free (Dump *dump)
{
  g_hash_table_unref (dump->facts);
  g_free (dump);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Dump, dump_free)

static Dump *
dump_xlsx (const char *path)
{
  g_autofree char *out = shouhu_test_read_xlsx ("xlsx-dump.py", path);
  g_auto(GStrv) lines = NULL;
  Dump *dump = g_new0 (Dump, 1);

  dump->facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (int i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 4);
      guint n = g_strv_length (f);

      if (n == 0)
        continue;
      if (g_str_equal (f[0], "sheets"))
        g_hash_table_insert (dump->facts, g_strdup ("sheets"), g_strjoinv ("\t", f + 1));
      else if (n >= 3)
        g_hash_table_insert (dump->facts, g_strdup_printf ("%s\t%s\t%s", f[0], f[1], f[2]),
                             g_strdup (n == 4 ? f[3] : ""));
      if (g_str_equal (f[0], "cell"))
        dump->n_cells++;
    }
  return dump;
}

static const char *
fact (Dump       *dump,
      const char *kind,
      const char *sheet,
      const char *key)
{
  g_autofree char *k = g_strdup_printf ("%s\t%s\t%s", kind, sheet, key);

  return g_hash_table_lookup (dump->facts, k);
}

static void
assert_text (Dump       *dump,
             const char *sheet,
             const char *cell,
             const char *text)
{
  g_autofree char *expected = g_strdup_printf ("s\t%s", text);
  g_assert_cmpstr (fact (dump, "cell", sheet, cell), ==, expected);
}

static void
assert_number (Dump       *dump,
               const char *sheet,
               const char *cell,
               const char *number)
{
  g_autofree char *expected = g_strdup_printf ("n\t%s", number);
  g_assert_cmpstr (fact (dump, "cell", sheet, cell), ==, expected);
}

static void
assert_int (Dump       *dump,
            const char *sheet,
            const char *cell,
            gint64      value)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  assert_number (dump, sheet, cell, number);
}

static void
assert_empty (Dump       *dump,
              const char *sheet,
              const char *cell)
{
  g_assert_null (fact (dump, "cell", sheet, cell));
}

/* A number the dump holds: a number cell's value, a width or a height. */
static double
number_fact (Dump       *dump,
             const char *kind,
             const char *sheet,
             const char *key)
{
  const char *found = fact (dump, kind, sheet, key);

  g_assert_nonnull (found);
  if (g_str_equal (kind, "cell"))
    {
      g_assert_true (g_str_has_prefix (found, "n\t"));
      found += 2;
    }
  return g_ascii_strtod (found, NULL);
}

/* A column set @chars characters wide holds, in the file, the width Excel
 * uses: whole pixels of the default font's 7-pixel digit plus 5 pixels of
 * padding, counted in 1/256 of a digit (13 becomes 13.7109375). */
static double
stored_column_width (double chars)
{
  double pixels = floor (chars * 7 + 0.5) + 5;

  return floor (pixels / 7 * 256) / 256;
}

static void
assert_merged (Dump       *dump,
               const char *sheet,
               const char *range)
{
  g_assert_nonnull (fact (dump, "merge", sheet, range));
}

static int
count_facts (Dump       *dump,
             const char *kind,
             const char *sheet)
{
  g_autofree char *prefix = g_strdup_printf ("%s\t%s\t", kind, sheet);
  GHashTableIter iter;
  gpointer key;
  int n = 0;

  g_hash_table_iter_init (&iter, dump->facts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += g_str_has_prefix (key, prefix) ? 1 : 0;
  return n;
}

/* A4 (paper size 9), landscape, one page wide and @pages_tall tall (0:
 * as many as it takes), @titles repeated. */
static void
assert_print_setup (Dump       *dump,
                    const char *sheet,
                    const char *titles,
                    const char *pages_tall)
{
  g_assert_cmpstr (fact (dump, "print", sheet, "paper"), ==, "9");
  g_assert_cmpstr (fact (dump, "print", sheet, "orientation"), ==, "landscape");
  g_assert_cmpstr (fact (dump, "print", sheet, "fit"), ==, "1");
  g_assert_cmpstr (fact (dump, "print", sheet, "fit-width"), ==, "1");
  g_assert_cmpstr (fact (dump, "print", sheet, "fit-height"), ==, pages_tall);
  g_assert_cmpstr (fact (dump, "print", sheet, "titles"), ==, titles);
}

/* A header cell: Chinese font, bold, wrapped, thin border. */
static void
assert_header_style (Dump       *dump,
                     const char *sheet,
                     const char *cell)
{
  g_assert_cmpstr (fact (dump, "font", sheet, cell), ==, "宋体\t1\t1\tthin");
}

static char *
cell_name (char col,
           int  row)
{
  return g_strdup_printf ("%c%d", col, row);
}

/* ---- Annex 1 ----------------------------------------------------------- */

/* 其中：支援湖北 as dumped: broken after the colon, as the notice breaks
 * it, so that no character is left alone on a line. */
#define HUBEI "其中：\\n支援湖北"

static void
assert_annex1_notice (Dump *dump)
{
  static const char *const headers[][2] = {
    { "A4", "序号" }, { "B4", "区县" }, { "C4", "共计" }, { "D4", HUBEI },
    { "E4", "第一批" }, { "G4", "第二批" }, { "I4", "备注" },
    { "E5", "总人数" }, { "F5", HUBEI }, { "G5", "总人数" }, { "H5", HUBEI },
  };
  static const char *const merges[] = {
    "A2:I2", "A3:I3", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:H4", "I4:I5", "A47:B47",
  };

  g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "附件1");
  assert_text (dump, "附件1", "A1", "附件1");
  assert_text (dump, "附件1", "A2", "重庆市一线医护人员信息统计表");
  assert_text (dump, "附件1", "A3", "（截至2020年2月7日）");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      assert_text (dump, "附件1", headers[i][0], headers[i][1]);
      assert_header_style (dump, "附件1", headers[i][0]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (merges); i++)
    assert_merged (dump, "附件1", merges[i]);
  g_assert_cmpint (count_facts (dump, "merge", "附件1"), ==, G_N_ELEMENTS (merges));

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      int row = 6 + i;
      g_autofree char *a = cell_name ('A', row), *b = cell_name ('B', row);

      assert_int (dump, "附件1", a, i + 1);
      assert_text (dump, "附件1", b, shouhu_test_notice[i].name);
      for (int c = 0; c < 6; c++)
        {
          g_autofree char *cell = cell_name ('C' + c, row);
          assert_int (dump, "附件1", cell, (int) shouhu_test_notice[i].v[c]);
        }
    }

  assert_text (dump, "附件1", "A47", "合计");
  for (int c = 0; c < 6; c++)
    {
      char col = 'C' + c;
      g_autofree char *cell = cell_name (col, 47);
      g_autofree char *formula = g_strdup_printf ("f\t=SUM(%c6:%c46)", col, col);
      g_autofree char *value = g_strdup_printf ("%d", (int) shouhu_test_notice_sum[c]);

      g_assert_cmpstr (fact (dump, "cell", "附件1", cell), ==, formula);
      g_assert_cmpstr (fact (dump, "cached", "附件1", cell), ==, value);
    }

  /* Titles, 11 header cells, 41 rows of 8 cells, 合计 and its 6 sums;
   * the empty 备注 cells hold nothing. */
  g_assert_cmpint (dump->n_cells, ==, 3 + 11 + 41 * 8 + 7);
  /* Annex 1 goes on one page. */
  assert_print_setup (dump, "附件1", "$4:$5", "1");
}

static void
test_annex1_notice (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *path = g_build_filename (dir, "附件1.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  /* No date: the latest table. */
  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, path, &error));
  g_assert_no_error (error);

  dump = dump_xlsx (path);
  assert_annex1_notice (dump);
  /* Column widths fit the longest district name. */
  g_assert_cmpfloat (number_fact (dump, "width", "附件1", "B"), >=, 20);

  shouhu_test_rm_rf (dir);
}

static void
test_annex1_no_table (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *path = g_build_filename (dir, "附件1.xlsx", NULL);

  g_assert_false (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, path, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  shouhu_test_rm_rf (dir);
}

/* ---- Annex 2 from plain structs ---------------------------------------- */

static GPtrArray *
annex2_sheets (void)
{
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);
  ShouhuExportAnnex2Sheet *yuzhong = shouhu_export_annex2_sheet_new (4, "王芳", "023-63891234");
  ShouhuExportAnnex2Sheet *wanzhou = shouhu_export_annex2_sheet_new (1, "", "");
  /* By field: 区县 first, which is on the form's line, not in the row. */
  const char *row1[] = { "", "重庆医科大学附属第一医院", "张敏", "女", "护士长", "发热门诊",
                         "重庆市渝中区解放碑街道民族路123号5栋", "13812345678", "023-61234567",
                         "周小红 13300001234", "" };
  const char *row2[] = { "", "重庆市急救医疗中心", "陈静", "女", "护士", "隔离病房",
                         "重庆市渝中区七星岗街道中山一路8号", "18623456789", "", "", "12" };
  const char *row3[] = { "", "重庆三峡中心医院", "刘伟", "男", "医生", "湖北孝感",
                         "重庆市万州区龙沙镇五桥村3组", "13698765432", "13511112222", "", "支援湖北" };

  shouhu_export_annex2_sheet_add (yuzhong, row1);
  shouhu_export_annex2_sheet_add (yuzhong, row2);
  shouhu_export_annex2_sheet_add (wanzhou, row3);
  g_ptr_array_add (sheets, yuzhong);
  g_ptr_array_add (sheets, wanzhou);
  return sheets;
}

static void
assert_annex2_frame (Dump       *dump,
                     const char *sheet,
                     const char *header_line,
                     int         n_rows)
{
  static const char *const headers[] = {
    "序号", "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
    "本人联系电话", "家属联系电话", "结对志愿者", "备注",
  };
  int notes_row = 5 + n_rows;
  g_autofree char *note1 = cell_name ('A', notes_row), *note2 = cell_name ('A', notes_row + 1);
  g_autofree char *merge1 = g_strdup_printf ("A%d:K%d", notes_row, notes_row);
  g_autofree char *merge2 = g_strdup_printf ("A%d:K%d", notes_row + 1, notes_row + 1);

  assert_text (dump, sheet, "A1", "附件2");
  assert_text (dump, sheet, "A2", "重庆志愿者精准守护一线医护人员工作信息表");
  assert_text (dump, sheet, "A3", header_line);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      g_autofree char *cell = cell_name ('A' + c, 4);
      assert_text (dump, sheet, cell, headers[c]);
      assert_header_style (dump, sheet, cell);
    }
  for (int r = 0; r < n_rows; r++)
    {
      g_autofree char *cell = cell_name ('A', 5 + r);
      assert_int (dump, sheet, cell, r + 1);
    }
  assert_text (dump, sheet, note1, "说明：1．本着就近就便原则安排对接服务志愿者；");
  assert_text (dump, sheet, note2, "　　　2．表格信息实行动态更新管理。");
  assert_merged (dump, sheet, "A2:K2");
  assert_merged (dump, sheet, "A3:K3");
  assert_merged (dump, sheet, merge1);
  assert_merged (dump, sheet, merge2);
  g_assert_cmpint (count_facts (dump, "merge", sheet), ==, 4);
  assert_print_setup (dump, sheet, "$4:$4", "0");
}

/* The official form has ten columns after 序号: 医院 (B) to 备注 (K). */
#define ANNEX2_SHEET_COLUMNS 10

static void
assert_row (Dump              *dump,
            const char        *sheet,
            int                row,
            const char *const  cells[ANNEX2_SHEET_COLUMNS])
{
  for (int f = 0; f < ANNEX2_SHEET_COLUMNS; f++)
    {
      g_autofree char *cell = cell_name ('B' + f, row);

      if (*cells[f] == '\0')
        assert_empty (dump, sheet, cell);
      else
        assert_text (dump, sheet, cell, cells[f]);
    }
}

static void
test_annex2_struct (void)
{
  g_autoptr(GPtrArray) sheets = annex2_sheets ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;
  const char *row1[] = { "重庆医科大学附属第一医院", "张敏", "女", "护士长", "发热门诊",
                         "重庆市渝中区解放碑街道民族路123号5栋", "13812345678", "023-61234567",
                         "周小红 13300001234", "" };
  const char *row2[] = { "重庆市急救医疗中心", "陈静", "女", "护士", "隔离病房",
                         "重庆市渝中区七星岗街道中山一路8号", "18623456789", "", "", "12" };
  const char *row3[] = { "重庆三峡中心医院", "刘伟", "男", "医生", "湖北孝感",
                         "重庆市万州区龙沙镇五桥村3组", "13698765432", "13511112222", "", "支援湖北" };

  g_assert_true (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);

  /* The sheets in the order given, named after their districts. */
  g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "渝中区\t万州区");
  assert_annex2_frame (dump, "渝中区", "区县：渝中区　　　　填报人：王芳　　　　联系电话：023-63891234", 2);
  assert_annex2_frame (dump, "万州区", "区县：万州区　　　　填报人：　　　　联系电话：", 1);
  assert_row (dump, "渝中区", 5, row1);
  assert_row (dump, "渝中区", 6, row2);
  assert_row (dump, "万州区", 5, row3);
  /* Digit strings stay text: phone numbers and a note that is not a count. */
  assert_text (dump, "渝中区", "H5", "13812345678");
  assert_text (dump, "渝中区", "K6", "12");
  /* 渝中区: titles 3, header 11, rows 10 + 9 (empty cells hold nothing),
   * notes 2; 万州区: 3 + 11 + 10 + 2. */
  g_assert_cmpint (dump->n_cells, ==, 35 + 26);
  shouhu_test_rm_rf (dir);
}

/* A long address or volunteer list wraps inside its column; the row is
 * made tall enough for every line, or the rest would be cut off. */
static void
test_annex2_tall_rows (void)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);
  ShouhuExportAnnex2Sheet *beibei = shouhu_export_annex2_sheet_new (10, "王五", "023-68201234");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tall.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;
  /* By field: 区县 first, which is on the form's line, not in the row. */
  const char *short_row[] = { "", "北碚区人民医院", "甲", "男", "医生", "发热门诊",
                              "北碚区天生街道1号", "13812345670", "", "", "" };
  /* 48 Chinese characters: three lines in a column at most 36 wide. */
  const char *long_row[] = { "", "北碚区人民医院", "乙", "女", "护士", "发热门诊",
                             ("北碚区天生街道天生路二号西南大学教师公寓小区十八栋三单元十二楼二号"
                              "门前左转第三家"), "13812345671", "",
                             "欧阳志愿 13900001234、司马志愿 023-68201111、诸葛志愿 13900005678", "" };
  const char *height;

  shouhu_export_annex2_sheet_add (beibei, short_row);
  shouhu_export_annex2_sheet_add (beibei, long_row);
  g_ptr_array_add (sheets, beibei);
  g_assert_true (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);

  assert_text (dump, "北碚区", "G5", "北碚区天生街道1号");
  g_assert_null (fact (dump, "height", "北碚区", "5"));
  height = fact (dump, "height", "北碚区", "6");
  g_assert_nonnull (height);
  g_assert_cmpfloat (g_ascii_strtod (height, NULL), >=, 3 * 14.0);
  shouhu_test_rm_rf (dir);
}

static void
test_annex2_masked (void)
{
  g_autoptr(GPtrArray) sheets = annex2_sheets ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2-masked.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;
  const char *row1[] = { "重庆医科大学附属第一医院", "张敏", "女", "护士长", "发热门诊",
                         "重庆市渝中区解放碑街道", "138****5678", "023-****4567",
                         "周小红 133****1234", "" };
  const char *row3[] = { "重庆三峡中心医院", "刘伟", "男", "医生", "湖北孝感",
                         "重庆市万州区龙沙镇", "136****5432", "135****2222", "", "支援湖北" };
  /* Masking goes by what a cell holds, not by its column (by field: 区县
   * first, which is on the form's line). */
  const char *nasty[] = { "", "重庆市第一人民医院 总机 023 6888 1234", "李娜", "女", "护士",
                          "发热门诊 联系 139-8765-4321", "民族路88号附3号 解放碑街道", "", "",
                          "", "身份证50010119900101123X，2020-02-07到岗" };
  const char *nasty_masked[] = { "重庆市第一人民医院 总机 023-****1234", "李娜", "女", "护士",
                                 "发热门诊 联系 139****4321", "解放碑街道", "", "",
                                 "", "身份证500101********123X，2020-02-07到岗" };

  shouhu_export_annex2_sheet_add (g_ptr_array_index (sheets, 1), nasty);
  g_assert_true (shouhu_export_annex2 (sheets, TRUE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);
  assert_row (dump, "渝中区", 5, row1);
  assert_row (dump, "万州区", 5, row3);
  assert_row (dump, "万州区", 6, nasty_masked);
  /* The header line is masked like any other cell. */
  assert_annex2_frame (dump, "渝中区", "区县：渝中区　　　　填报人：王芳　　　　联系电话：023-****1234", 2);
  shouhu_test_rm_rf (dir);
}

static void
test_annex2_empty (void)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);

  g_assert_false (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  shouhu_test_rm_rf (dir);
}

/* ---- Summary ----------------------------------------------------------- */

/* A date after the notice's: 万州区 typed new figures, 渝中区 only carried
 * its figures over and has no record, 高新区 has more records than its
 * Annex 1 counts, 万盛经开区 reported 0 and has one record.  The other
 * districts count nobody and need nothing. */
static ShouhuFigures *
summary_figures (void)
{
  ShouhuFigures *figures = g_new0 (ShouhuFigures, 1);

  figures->as_of = g_strdup ("2020-02-10");
  figures->previous = g_strdup ("2020-02-07");
  figures->day = g_strdup ("2020-02-10");
  figures->today = g_strdup ("2020-02-12");
  figures->stale_days = 3;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    figures->districts[i] = (ShouhuDistrictFigures) { .district_id = i + 1, .reported = TRUE, .annex2_age = -1 };
  figures->districts[0] = (ShouhuDistrictFigures) {
    .district_id = 1, .annex1_total = 7, .annex1_hubei = 2, .total_delta = 2, .hubei_delta = 2,
    .reported = TRUE, .workers = 5, .paired = 5, .guarded = 4, .volunteers = 2,
    .annex2_changed = "2020-02-11T10:00:00", .annex2_age = 1, .annex2_source = SHOUHU_CHANGE_TYPED,
    .needs = SHOUHU_NEEDS_GUARDS };
  figures->districts[3] = (ShouhuDistrictFigures) {
    .district_id = 4, .annex1_total = 109, .annex1_hubei = 68, .reported = FALSE,
    .workers = 4, .paired = 3, .guarded = 1, .volunteers = 5, .annex2_age = -1,
    .needs = SHOUHU_NEEDS_REPORT | SHOUHU_NEEDS_UPDATE | SHOUHU_NEEDS_GUARDS };
  figures->districts[39] = (ShouhuDistrictFigures) {
    .district_id = 40, .annex1_total = 2, .annex1_hubei = 1, .reported = TRUE,
    .workers = 3, .paired = 3, .guarded = 3, .volunteers = 1,
    .annex2_changed = "2020-02-12T08:00:00", .annex2_age = 0, .annex2_source = SHOUHU_CHANGE_IMPORT,
    .annex2_file = "高新区附件2（2月12日）.xlsx", .annex2_import_at = "2020-02-12T08:00:00",
    .needs = SHOUHU_NEEDS_CHECK };
  figures->districts[40] = (ShouhuDistrictFigures) {
    .district_id = 41, .total_delta = -1, .hubei_delta = -1, .reported = TRUE,
    .workers = 1, .volunteers = 0, .annex2_changed = "2020-02-08T09:00:00", .annex2_age = 4,
    .annex2_source = SHOUHU_CHANGE_IMPORT, .annex2_import_at = "2020-02-08T09:00:00",
    .annex2_file = "万盛经开区一线医护人员家庭志愿守护信息表（第三批，含新增支援湖北人员）更新版.xlsx",
    .needs = SHOUHU_NEEDS_UPDATE | SHOUHU_NEEDS_GUARDS | SHOUHU_NEEDS_CHECK };
  figures->city = (ShouhuDistrictFigures) {
    .annex1_total = 118, .annex1_hubei = 71, .total_delta = 1, .hubei_delta = 1,
    .workers = 13, .paired = 11, .guarded = 8, .volunteers = 9,
    .annex2_changed = "2020-02-12T08:00:00", .annex2_age = 0, .annex2_source = SHOUHU_CHANGE_IMPORT,
    .annex2_file = "高新区附件2（2月12日）.xlsx", .annex2_import_at = "2020-02-12T08:00:00",
    .needs = SHOUHU_NEEDS_REPORT | SHOUHU_NEEDS_UPDATE | SHOUHU_NEEDS_GUARDS | SHOUHU_NEEDS_CHECK };
  return figures;
}

/* A rate: its value, as a percentage. */
static void
assert_rate (Dump       *dump,
             const char *cell,
             double      rate)
{
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (fact (dump, "cell", "汇总", cell) + 2, NULL), rate, 1e-15);
  g_assert_cmpstr (fact (dump, "numfmt", "汇总", cell), ==, "0.0%");
}

static void
assert_summary (Dump *dump)
{
  static const char *const headers[] = {
    "序号", "区县", "附件1报送", "一线医护人员（附件1总人数）", "较上期", HUBEI, "较上期",
    "已登记医护人员（附件2）", "登记率", "已有结对志愿者的家庭", "结对率", "有可上岗志愿者守护的家庭", "守护率",
    "志愿者人数", "附件2最近变动", "需关注",
  };

  g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "汇总\t需关注");
  assert_text (dump, "汇总", "A1", "重庆市一线医护人员家庭志愿守护情况汇总表");
  assert_text (dump, "汇总", "A2", "附件1（截至2020年2月10日），上期2020年2月7日；附件2为2020年2月12日的记录");
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      g_autofree char *cell = cell_name ('A' + c, 3);
      assert_text (dump, "汇总", cell, headers[c]);
      assert_header_style (dump, "汇总", cell);
    }
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      g_autofree char *b = cell_name ('B', 4 + i);
      assert_text (dump, "汇总", b, shouhu_district_get (i + 1)->name);
    }

  /* 万州区: 5 of 7 recorded, all 5 paired, 4 guarded. */
  assert_int (dump, "汇总", "A4", 1);
  assert_text (dump, "汇总", "C4", "已报送");
  assert_int (dump, "汇总", "D4", 7);
  assert_int (dump, "汇总", "E4", 2);
  g_assert_cmpstr (fact (dump, "numfmt", "汇总", "E4"), ==, "+0;-0;0");
  assert_int (dump, "汇总", "F4", 2);
  assert_int (dump, "汇总", "H4", 5);
  assert_rate (dump, "I4", 5.0 / 7.0);
  assert_int (dump, "汇总", "J4", 5);
  assert_rate (dump, "K4", 1.0);
  assert_int (dump, "汇总", "L4", 4);
  assert_rate (dump, "M4", 4.0 / 7.0);
  assert_int (dump, "汇总", "N4", 2);
  /* When Annex 2 last changed, and through what: typed here. */
  assert_text (dump, "汇总", "O4", "2020-02-11 录入");
  assert_text (dump, "汇总", "P4", "守护不足");

  /* 渝中区: carried over, nothing recorded yet. */
  assert_text (dump, "汇总", "C7", "未报送");
  assert_int (dump, "汇总", "E7", 0);
  assert_rate (dump, "I7", 4.0 / 109.0);
  assert_rate (dump, "K7", 0.75);
  assert_rate (dump, "M7", 1.0 / 109.0);
  assert_text (dump, "汇总", "O7", "无记录");
  assert_text (dump, "汇总", "P7", "未报送、需更新、守护不足");

  /* 大渡口区 counts nobody: no rate, nothing needed. */
  assert_int (dump, "汇总", "D8", 0);
  assert_text (dump, "汇总", "I8", "—");
  assert_text (dump, "汇总", "K8", "—");
  assert_text (dump, "汇总", "M8", "—");
  assert_empty (dump, "汇总", "P8");

  /* 高新区: 150 %, flagged in red and listed, never capped. */
  assert_rate (dump, "I43", 1.5);
  g_assert_cmpstr (fact (dump, "color", "汇总", "I43"), ==, "FFFF0000");
  g_assert_null (fact (dump, "color", "汇总", "I4"));
  assert_text (dump, "汇总", "P43", "人数待核对");
  /* Imported, with the file's name. */
  assert_text (dump, "汇总", "O43", "2020-02-12 导入 高新区附件2（2月12日）.xlsx");

  /* 万盛经开区: Annex 1 is 0, one record. */
  assert_int (dump, "汇总", "D44", 0);
  assert_int (dump, "汇总", "E44", -1);
  assert_text (dump, "汇总", "I44", "—");
  assert_rate (dump, "K44", 0.0);
  assert_text (dump, "汇总", "M44", "—");
  assert_text (dump, "汇总", "P44", "需更新、守护不足、人数待核对");
  /* A long file name is written whole, its row as tall as its lines. */
  assert_text (dump, "汇总", "O44", "2020-02-08 导入 万盛经开区一线医护人员家庭志愿守护信息表"
                                   "（第三批，含新增支援湖北人员）更新版.xlsx");
  g_assert_null (fact (dump, "height", "汇总", "4"));
  g_assert_cmpfloat (number_fact (dump, "height", "汇总", "44"), >=, 3 * 13.5);

  assert_text (dump, "汇总", "A45", "全市合计");
  assert_merged (dump, "汇总", "A45:B45");
  assert_text (dump, "汇总", "C45", "40/41已报送");
  assert_int (dump, "汇总", "D45", 118);
  assert_int (dump, "汇总", "E45", 1);
  assert_int (dump, "汇总", "H45", 13);
  assert_rate (dump, "I45", 13.0 / 118.0);
  assert_rate (dump, "K45", 11.0 / 13.0);
  assert_rate (dump, "M45", 8.0 / 118.0);
  assert_int (dump, "汇总", "N45", 9);
  assert_text (dump, "汇总", "P45", "4个区县");
  assert_text (dump, "汇总", "O45", "2020-02-12 导入 高新区附件2（2月12日）.xlsx");

  /* 说明: each rate defined as on the overview, then the other columns. */
  assert_text (dump, "汇总", "A47", "说明：");
  assert_merged (dump, "汇总", "A48:P48");
  g_assert_true (g_str_has_prefix (fact (dump, "cell", "汇总", "A48"), "s\t1. 登记率 = 附件2已登记人数 ÷ "));
  g_assert_true (g_str_has_prefix (fact (dump, "cell", "汇总", "A49"), "s\t2. 守护率 = "));
  g_assert_true (g_str_has_prefix (fact (dump, "cell", "汇总", "A50"), "s\t3. 结对率 = "));
  g_assert_nonnull (strstr (fact (dump, "cell", "汇总", "A51"), "可上岗按2020年2月10日判断"));
  g_assert_nonnull (strstr (fact (dump, "cell", "汇总", "A54"), "连续3天以上未变动标为“需更新”"));
  g_assert_nonnull (strstr (fact (dump, "cell", "汇总", "A54"), "“录入”指在本软件中录入、修改、删除或撤销；"
                                                               "“导入”指导入报送的表格（在窗口中或用命令行），"
                                                               "其后为所导入文件的名称"));
  assert_print_setup (dump, "汇总", "$3:$3", "0");
  g_assert_cmpfloat (number_fact (dump, "width", "汇总", "D"), ==, stored_column_width (15));

  /* 需关注: the four districts, a column per need, and why. */
  assert_text (dump, "需关注", "A1", "需关注的区县");
  assert_text (dump, "需关注", "C3", "未报送");
  assert_text (dump, "需关注", "F3", "人数待核对");
  assert_text (dump, "需关注", "G3", "原因");
  assert_text (dump, "需关注", "B4", "万州区");
  assert_empty (dump, "需关注", "C4");
  assert_text (dump, "需关注", "E4", "是");
  assert_text (dump, "需关注", "G4", "守护不足：4户有可上岗志愿者守护，应守护7户");
  assert_text (dump, "需关注", "B5", "渝中区");
  assert_text (dump, "需关注", "C5", "是");
  assert_text (dump, "需关注", "G5", "未报送：2020年2月10日的附件1数字沿用2020年2月7日的数字；\\n"
                                     "需更新：附件2尚无任何记录；\\n"
                                     "守护不足：1户有可上岗志愿者守护，应守护109户");
  assert_text (dump, "需关注", "G6", "人数待核对：附件2登记3人，附件1为2人");
  assert_int (dump, "需关注", "A7", 4);
  assert_text (dump, "需关注", "B7", "万盛经开区");
  assert_text (dump, "需关注", "G7", "需更新：附件2已4天未变动（最近一次2020年2月8日）；\\n"
                                     "守护不足：0户有可上岗志愿者守护，应守护1户；\\n"
                                     "人数待核对：附件2登记1人，附件1为0人");
  assert_empty (dump, "需关注", "B8");
  assert_text (dump, "需关注", "A9", "说明：");
  g_assert_nonnull (strstr (fact (dump, "cell", "需关注", "A11"), "（现设定为3天）"));
  assert_print_setup (dump, "需关注", "$3:$3", "0");
}

static void
test_summary_struct (void)
{
  g_autoptr(ShouhuFigures) figures = summary_figures ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "汇总.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;

  g_assert_true (shouhu_export_summary (figures, FALSE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);
  assert_summary (dump);
  shouhu_test_rm_rf (dir);
}

/* Nobody needs anything: the sheet says so rather than stay empty. */
static void
test_summary_nothing_needed (void)
{
  g_autoptr(ShouhuFigures) figures = summary_figures ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "汇总.xlsx", NULL);
  g_autoptr(Dump) dump = NULL;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    figures->districts[i].needs = 0;
  g_assert_true (shouhu_export_summary (figures, FALSE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);
  assert_text (dump, "需关注", "A4", "各区县均无需关注的事项。");
  assert_merged (dump, "需关注", "A4:G4");
  assert_empty (dump, "汇总", "P45");
  shouhu_test_rm_rf (dir);
}

/* ---- From the store and the command line ------------------------------- */

static ShouhuStore *
store_with_records (char **db_out)
{
  ShouhuStore *store = shouhu_test_new_store (db_out);
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_store_exec (store, annex2_fixture, &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_load_annex2 (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&db);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = shouhu_export_load_annex2 (store, 0, &error);
  g_autoptr(GPtrArray) one = NULL;
  ShouhuExportAnnex2Sheet *sheet;
  g_autofree char *dir = g_path_get_dirname (db);

  g_assert_no_error (error);
  /* Districts with records, in official order. */
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((ShouhuExportAnnex2Sheet *) all->pdata[0])->district_id, ==, 1);
  g_assert_cmpint (((ShouhuExportAnnex2Sheet *) all->pdata[1])->district_id, ==, 4);
  g_assert_cmpint (((ShouhuExportAnnex2Sheet *) all->pdata[2])->district_id, ==, 39);
  sheet = all->pdata[1];
  g_assert_cmpstr (sheet->reporter, ==, "王芳");
  g_assert_cmpstr (sheet->phone, ==, "023-63891234");
  g_assert_cmpuint (sheet->rows->len, ==, 2);
  g_assert_cmpstr (g_array_index (sheet->rows, ShouhuExportAnnex2Row, 0).cells[SHOUHU_ANNEX2_FIELD_NAME], ==, "张敏");
  g_assert_cmpstr (g_array_index (sheet->rows, ShouhuExportAnnex2Row, 0).cells[SHOUHU_ANNEX2_FIELD_VOLUNTEERS],
                   ==, "周小红 13300001234、吴刚");
  g_assert_cmpstr (g_array_index (sheet->rows, ShouhuExportAnnex2Row, 1).cells[SHOUHU_ANNEX2_FIELD_VOLUNTEERS], ==, "");

  /* One district: its form even without records. */
  one = shouhu_export_load_annex2 (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (((ShouhuExportAnnex2Sheet *) one->pdata[0])->district_id, ==, 2);
  g_assert_cmpuint (((ShouhuExportAnnex2Sheet *) one->pdata[0])->rows->len, ==, 0);
  shouhu_test_rm_rf (dir);
}

static void
test_collect_figures (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&db);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuFigures) f = shouhu_figures_compute (store, NULL, &error);
  g_autofree char *dir = g_path_get_dirname (db);

  g_assert_no_error (error);
  g_assert_cmpstr (f->as_of, ==, "2020-02-07");
  /* 渝中区: 109 in Annex 1, 2 records, 1 family with volunteers. */
  g_assert_cmpint (f->districts[3].annex1_total, ==, 109);
  g_assert_cmpint (f->districts[3].annex1_hubei, ==, 68);
  g_assert_cmpint (f->districts[3].workers, ==, 2);
  g_assert_cmpint (f->districts[3].paired, ==, 1);
  /* 张敏 has 周小红, ready since 2020-02-01, and 吴刚, not ready. */
  g_assert_cmpint (f->districts[3].guarded, ==, 1);
  g_assert_cmpint (f->districts[3].volunteers, ==, 2);
  g_assert_true (f->districts[3].needs & SHOUHU_NEEDS_GUARDS);
  g_assert_cmpint (f->districts[0].workers, ==, 1);
  g_assert_cmpint (f->districts[0].paired, ==, 1);
  g_assert_cmpint (f->city.annex1_total, ==, 1972);
  g_assert_cmpint (f->city.workers, ==, 4);
  g_assert_cmpint (f->city.paired, ==, 2);
  g_assert_cmpint (f->city.guarded, ==, 2);
  /* Every volunteer counts for the city, also one without a district. */
  g_assert_cmpint (f->city.volunteers, ==, 4);
  shouhu_test_rm_rf (dir);
}

static void
test_cli (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *all = g_build_filename (dir, "all.xlsx", NULL);
  g_autofree char *one = g_build_filename (dir, "one.xlsx", NULL);
  g_autofree char *a1 = g_build_filename (dir, "a1.xlsx", NULL);
  g_autofree char *sum = g_build_filename (dir, "sum.xlsx", NULL);
  g_autofree char *err = NULL;
  g_autoptr(Dump) dump = NULL;

  g_clear_object (&store);

  {
    const char *args[] = { "--database", db, "--export", "annex2", "--output", all, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
    dump = dump_xlsx (all);
    g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "万州区\t渝中区\t两江新区");
    assert_annex2_frame (dump, "两江新区", "区县：两江新区　　　　填报人：　　　　联系电话：", 1);
    assert_text (dump, "两江新区", "H5", "0123456789");
    assert_text (dump, "渝中区", "J5", "周小红 13300001234、吴刚");
    g_clear_pointer (&dump, dump_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex2", "--district", "渝中",
                           "--masked", "--output", one, NULL };
    const char *row1[] = { "重庆医科大学附属第一医院", "张敏", "女", "护士长", "发热门诊",
                           "重庆市渝中区解放碑街道", "138****5678", "023-****4567",
                           "周小红 133****1234、吴刚", "" };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
    dump = dump_xlsx (one);
    g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "渝中区");
    assert_row (dump, "渝中区", 5, row1);
    g_clear_pointer (&dump, dump_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex1", "--date", "2020-02-07",
                           "--output", a1, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
    dump = dump_xlsx (a1);
    assert_annex1_notice (dump);
    g_clear_pointer (&dump, dump_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "summary", "--output", sum, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
    dump = dump_xlsx (sum);
    assert_int (dump, "汇总", "D7", 109);
    assert_int (dump, "汇总", "H7", 2);
    assert_number (dump, "汇总", "K7", "0.5");
    assert_int (dump, "汇总", "D45", 1972);
    assert_int (dump, "汇总", "N45", 4);
    g_assert_nonnull (fact (dump, "cell", "需关注", "A1"));
    g_clear_pointer (&dump, dump_free);
  }

  /* Failures: a status other than 0 and a message. */
  {
    const char *args[] = { "--database", db, "--export", "annex1", "--date", "2020-03-01",
                           "--output", a1, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), !=, 0);
    g_assert_cmpstr (err, !=, "");
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex2", "--district", "成都",
                           "--output", one, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), !=, 0);
    g_assert_nonnull (strstr (err, "成都"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex3", "--output", one, NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), !=, 0);
    g_assert_nonnull (strstr (err, "annex3"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex1", NULL };
    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), !=, 0);
    g_assert_nonnull (strstr (err, "--output"));
    g_clear_pointer (&err, g_free);
  }
  shouhu_test_rm_rf (dir);
}

/* ---- Writing beside the target ----------------------------------------- */

static void
assert_no_temporary_files (const char *dir,
                           int         expected_entries)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  int n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "."));
      n++;
    }
  g_assert_cmpint (n, ==, expected_entries);
}

static void
test_unwritable (void)
{
  g_autoptr(GPtrArray) sheets = annex2_sheets ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *inside_file = g_build_filename (file, "附件2.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "附件2.xlsx", NULL);
  g_autofree char *as_folder = g_build_filename (dir, "目录.xlsx", NULL);

  g_assert_true (g_file_set_contents (file, "old", -1, NULL));
  g_assert_no_errno (g_mkdir (as_folder, 0755));

  /* Even root cannot write below a regular file or a missing folder. */
  g_assert_false (shouhu_export_annex2 (sheets, FALSE, inside_file, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "附件2.xlsx"));
  g_clear_error (&error);

  g_assert_false (shouhu_export_annex2 (sheets, FALSE, missing, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* A folder in the way stays as it was. */
  g_assert_false (shouhu_export_annex2 (sheets, FALSE, as_folder, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "目录.xlsx"));
  g_assert_true (g_file_test (as_folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  assert_no_temporary_files (dir, 2);
  shouhu_test_rm_rf (dir);
}

static void
test_failure_keeps_old_file (void)
{
  g_autoptr(GPtrArray) sheets = annex2_sheets ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);
  g_autofree char *contents = NULL;
  GString *huge = g_string_new (NULL);
  const char *row[SHOUHU_ANNEX2_N_FIELDS] = {
    [SHOUHU_ANNEX2_FIELD_HOSPITAL] = "医院", [SHOUHU_ANNEX2_FIELD_NAME] = "姓名", [SHOUHU_ANNEX2_FIELD_GENDER] = "女",
  };
  g_autoptr(Dump) dump = NULL;

  g_assert_true (g_file_set_contents (path, "the old report", -1, NULL));

  /* A cell longer than a spreadsheet allows fails half-way through. */
  for (int i = 0; i < 40000; i++)
    g_string_append_c (huge, 'x');
  row[SHOUHU_ANNEX2_FIELD_NOTE] = huge->str;
  shouhu_export_annex2_sheet_add (sheets->pdata[1], row);
  g_string_free (huge, TRUE);

  g_assert_false (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "附件2.xlsx"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the old report");
  assert_no_temporary_files (dir, 1);

  /* A good export replaces the old file. */
  g_ptr_array_remove_index (sheets, 1);
  g_clear_error (&error);
  g_assert_true (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_no_error (error);
  dump = dump_xlsx (path);
  g_assert_cmpstr (g_hash_table_lookup (dump->facts, "sheets"), ==, "渝中区");
  assert_no_temporary_files (dir, 1);
  shouhu_test_rm_rf (dir);
}

/* ---- A comma-decimal locale -------------------------------------------- */

/* Builds de_DE.UTF-8 (comma as decimal mark) into @dir, so the test does
 * not depend on which locales the system has generated.  Returns why it
 * could not, or NULL. */
static char *
make_german_locale (const char *dir)
{
  g_autofree char *target = g_build_filename (dir, "de_DE.UTF-8", NULL);
  const char *argv[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", target, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, &err, &status, &error))
    return g_strdup_printf ("localedef (package “locales”) cannot run: %s", error->message);
  if (!g_file_test (target, G_FILE_TEST_IS_DIR))
    return g_strdup_printf ("localedef could not build de_DE.UTF-8 (package “locales”): %s",
                            g_strdelimit (g_strstrip (err), "\n", ' '));
  return NULL;
}

static void
test_comma_locale (void)
{
  g_autoptr(ShouhuFigures) figures = summary_figures ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *locales = g_build_filename (dir, "locale", NULL);
  g_autofree char *path = g_build_filename (dir, "汇总.xlsx", NULL);
  g_autofree char *db = NULL;
  g_autofree char *cli_out = g_build_filename (dir, "cli.xlsx", NULL);
  g_autofree char *old = g_strdup (setlocale (LC_ALL, NULL));
  g_autoptr(Dump) dump = NULL;
  g_autofree char *no_locale = NULL;

  g_assert_no_errno (g_mkdir (locales, 0755));
  no_locale = make_german_locale (locales);
  if (no_locale != NULL)
    {
      g_test_skip (no_locale);
      shouhu_test_rm_rf (dir);
      return;
    }

  g_setenv ("LOCPATH", locales, TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  g_assert_true (shouhu_export_summary (figures, FALSE, path, &error));
  setlocale (LC_ALL, old);
  g_unsetenv ("LOCPATH");
  g_assert_no_error (error);

  dump = dump_xlsx (path);
  assert_summary (dump);
  g_clear_pointer (&dump, dump_free);

  /* The command line under the same locale. */
  {
    g_autoptr(ShouhuStore) store = store_with_records (&db);
    g_autofree char *db_dir = g_path_get_dirname (db);
    const char *args[] = { "--database", db, "--export", "summary", "--output", cli_out, NULL };
    const char *env[] = { "LOCPATH", locales, "LC_ALL", "de_DE.UTF-8", NULL };

    g_clear_object (&store);
    g_assert_cmpint (shouhu_test_run_cli (args, env, NULL, NULL), ==, 0);
    dump = dump_xlsx (cli_out);
    /* 渝中区: one of its two records paired. */
    assert_number (dump, "汇总", "K7", "0.5");
    g_assert_cmpfloat (number_fact (dump, "width", "汇总", "D"), ==, stored_column_width (15));
    shouhu_test_rm_rf (db_dir);
  }
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  shouhu_test_add_openpyxl ("/export/annex1/notice", test_annex1_notice);
  shouhu_test_add ("/export/annex1/no-table", test_annex1_no_table);
  shouhu_test_add_openpyxl ("/export/annex2/struct", test_annex2_struct);
  shouhu_test_add_openpyxl ("/export/annex2/tall-rows", test_annex2_tall_rows);
  shouhu_test_add_openpyxl ("/export/annex2/masked", test_annex2_masked);
  shouhu_test_add ("/export/annex2/empty", test_annex2_empty);
  shouhu_test_add_openpyxl ("/export/summary/struct", test_summary_struct);
  shouhu_test_add_openpyxl ("/export/summary/nothing-needed", test_summary_nothing_needed);
  shouhu_test_add ("/export/store/annex2", test_load_annex2);
  shouhu_test_add ("/export/store/figures", test_collect_figures);
  shouhu_test_add_openpyxl ("/export/cli", test_cli);
  shouhu_test_add ("/export/file/unwritable", test_unwritable);
  shouhu_test_add_openpyxl ("/export/file/failure-keeps-old", test_failure_keeps_old_file);
  shouhu_test_add_openpyxl ("/export/locale/comma", test_comma_locale);
  return g_test_run ();
}

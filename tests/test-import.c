/* test-import.c — Annex 1 workbooks as districts fill them in, and the CLI
 *
 * The workbooks are made here with openpyxl, with the irregularities of
 * hand-filled forms; the figures are the notice's own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-export.h"
#include "shouhu-import.h"
#include "shouhu-import-private.h"
#include "shouhu-test-util.h"
#include "shouhu-validate.h"
#include "shouhu-store-private.h"

#include <string.h>

static char *tmp_dir;

/* Writes an Annex 1 workbook with the notice's figures.  @tweaks is
 * Python run on the rows (list of [name, t1, h1, t2, h2]) before writing. */
static char *
make_annex1_full (const char *file_name,
                  const char *tweaks,
                  const char *post)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "..", "src", "core", "notice-2020-02-07.csv", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autofree char *csv_literal = g_shell_quote (csv);   /* a Python string literal too */
  g_autofree char *path_literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl, sys\n"
    "rows = []\n"
    "for line in open(%s, encoding='utf-8'):\n"
    "    f = line.strip().split(',')\n"
    "    if len(f) == 6 and f[0].isdigit():\n"
    "        rows.append([f[1]] + [int(x) for x in f[2:]])\n"
    "date_line = '（截至２０２０年２月７日）'\n"
    "extra = []\n"
    "%s\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '附件1'\n"
    "notes = wb.create_sheet('说明', 0); notes['A1'] = '填表说明'\n"
    "# Two empty rows, an empty column A: the form starts at B3.\n"
    "ws['B3'] = '附件1'\n"
    "ws['B4'] = ' 重庆市一线医护人员信息统计表 '; ws.merge_cells('B4:K4')\n"
    "ws['B5'] = date_line; ws.merge_cells('B5:K5')\n"
    "for col, text in zip('BCDFHK', ['序号', '区  县', '共计', '第一批', '第二批', '备注']):\n"
    "    ws[col + '6'] = text\n"
    "for a, b in ['DE', 'FG', 'HI']:\n"
    "    ws.merge_cells(a + '6:' + b + '6')\n"
    "    ws[a + '7'] = '总人数'; ws[b + '7'] = '其中：\\n支援湖北'\n"
    "ws.merge_cells('B6:B7'); ws.merge_cells('C6:C7'); ws.merge_cells('K6:K7')\n"
    "r = 9   # row 8 left empty\n"
    "for i, (name, t1, h1, t2, h2) in enumerate(rows):\n"
    "    ws.cell(r, 2, i + 1); ws.cell(r, 3, name)\n"
    "    ws.cell(r, 4, '=F%%d+H%%d' %% (r, r)); ws.cell(r, 5, h1 + h2)\n"
    "    ws.cell(r, 6, t1); ws.cell(r, 7, h1); ws.cell(r, 8, t2); ws.cell(r, 9, h2)\n"
    "    r += 1\n"
    "    if i == 20: r += 1   # an empty row in the middle\n"
    "for e in extra:\n"
    "    for c, v in enumerate(e): ws.cell(r, 3 + c, v)\n"
    "    r += 1\n"
    "ws.cell(r, 2, '合计'); ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=3)\n"
    "def n(v):\n"
    "    try: return int(float(str(v).strip().translate({0xFF10 + d: 0x30 + d for d in range(10)})))\n"
    "    except ValueError: return 0\n"
    "for c in range(4):\n"
    "    ws.cell(r, 6 + c, sum(n(x[1 + c]) for x in rows))\n"
    "ws.cell(r + 2, 2, '说明：本表由区县填报')\n"
    "%s\n"
    "wb.save(%s)\n",
    csv_literal, tweaks, post, path_literal);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

static char *
make_annex1 (const char *file_name,
             const char *tweaks)
{
  return make_annex1_full (file_name, tweaks, "");
}

/* Everything Annex 1 holds, as one string, read straight from SQLite. */
static char *
dump (ShouhuStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (shouhu_store_get_db (store),
    "SELECT (SELECT group_concat(as_of || ':' || batch_count, ';') FROM annex1_table) || '|' ||"
    " (SELECT group_concat(table_id || ',' || district_id || ',' || batch || ',' || total || ',' || hubei, ';')"
    "  FROM (SELECT * FROM annex1_figure ORDER BY 1, 2, 3)) || '|' ||"
    " (SELECT group_concat(table_id || ',' || district_id || ',' || note, ';')"
    "  FROM (SELECT * FROM annex1_note ORDER BY 1, 2))",
    -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text != NULL ? text : g_strdup ("");
}

static void
assert_notice_figures (const ShouhuAnnex1Table *table)
{
  g_autoptr(ShouhuAnnex1Table) notice = shouhu_annex1_notice_figures (NULL);

  g_assert_cmpstr (table->as_of, ==, "2020-02-07");
  g_assert_cmpint (table->n_batches, ==, 2);
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    for (int b = 0; b < 2; b++)
      {
        g_assert_cmpint (table->rows[i].batches[b].total, ==, notice->rows[i].batches[b].total);
        g_assert_cmpint (table->rows[i].batches[b].hubei, ==, notice->rows[i].batches[b].hubei);
      }
  g_assert_cmpint (shouhu_annex1_grand_total (table).total, ==, 1972);
  g_assert_cmpint (shouhu_annex1_grand_total (table).hubei, ==, 467);
}

/* Short names, stray and full-width spaces, full-width digits in text
 * cells, numbers with a decimal point: all read as the notice's figures. */
static void
test_hand_made (void)
{
  g_autofree char *path = make_annex1 ("hand.xlsx",
    "rows[0][0] = '万州'\n"
    "rows[3][0] = ' 渝中区 '\n"
    "rows[5][0] = '江　北'\n"
    "rows[34][0] = '石柱县'\n"
    "rows[3][1] = '６０'\n"
    "rows[6][1] = ' 234 '\n"
    "rows[7][3] = 65.0\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuAnnex1Import) import = shouhu_import_annex1_from_file (path, &error);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuAnnex1Table) stored = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < import->rejected->len; i++)
    {
      ShouhuImportRejection *r = g_ptr_array_index (import->rejected, i);
      g_test_message ("row %u: %s", r->row, r->reason);
    }
  g_assert_cmpuint (import->rejected->len, ==, 0);
  g_assert_cmpuint (import->n_districts, ==, SHOUHU_N_DISTRICTS);
  assert_notice_figures (import->table);

  g_assert_true (shouhu_import_annex1_preview (store, import, &error));
  g_assert_false (import->date_exists);
  g_assert_true (shouhu_import_annex1_write (store, import, &error));
  g_assert_no_error (error);
  stored = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_no_error (error);
  assert_notice_figures (stored);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1972);

  g_assert_true (shouhu_import_annex1_preview (store, import, &error));
  g_assert_true (import->date_exists);
  g_assert_false (import->date_differs);
}

static void
test_rejected_rows (void)
{
  /* Row numbers: data start at row 9, a gap after the 21st district. */
  g_autofree char *path = make_annex1 ("rejects.xlsx",
    "rows[1][2] = 30\n"            /* 黔江区 row 10: hubei > total */
    "rows[2][1] = '十九'\n"        /* 涪陵区 row 11: not a number */
    "rows[4][0] = '大渡'\n"        /* row 13: no such district */
    "extra.append(['渝中区', None, None, 1, 0, 0, 0])\n");  /* twice */
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuAnnex1Import) import = shouhu_import_annex1_from_file (path, &error);
  const ShouhuImportRejection *r;

  g_assert_no_error (error);
  g_assert_cmpuint (import->rejected->len, ==, 4);
  r = g_ptr_array_index (import->rejected, 0);
  g_assert_cmpuint (r->row, ==, 10);
  g_assert_cmpstr (r->sheet, ==, "附件1");
  r = g_ptr_array_index (import->rejected, 1);
  g_assert_cmpuint (r->row, ==, 11);
  g_assert_nonnull (strstr (r->reason, "十九"));
  r = g_ptr_array_index (import->rejected, 2);
  g_assert_cmpuint (r->row, ==, 13);
  g_assert_nonnull (strstr (r->reason, "大渡"));
  r = g_ptr_array_index (import->rejected, 3);
  g_assert_cmpuint (r->row, ==, 51);
  g_assert_nonnull (strstr (r->reason, "12"));   /* 渝中区 first seen in row 12 */
  g_assert_cmpuint (import->n_districts, ==, SHOUHU_N_DISTRICTS - 3);
  /* Rejected districts stay empty. */
  g_assert_cmpint (import->table->rows[1].batches[0].total, ==, 0);
  g_assert_cmpint (import->table->rows[3].batches[0].total, ==, 60);
}

/* Several districts' sheets in one workbook, a hidden sheet left out. */
static void
test_several_sheets (void)
{
  g_autofree char *path = make_annex1_full ("sheets.xlsx", "",
    "second = wb.copy_worksheet(ws); second.title = '其余区县'\n"
    "hidden = wb.copy_worksheet(ws); hidden.title = '旧表'; hidden.sheet_state = 'hidden'\n"
    "hidden['F9'] = 999\n"
    "def clear(sheet, row, col):\n"
    "    if type(sheet.cell(row, col)).__name__ != 'MergedCell': sheet.cell(row, col).value = None\n"
    "for row in range(9, 53):\n"
    "    for col in range(2, 12):\n"
    "        if row <= 29 or row >= 51: clear(second, row, col)\n"
    "        if row > 29: clear(ws, row, col)\n");
  g_autofree char *other_date = make_annex1_full ("dates.xlsx", "",
    "second = wb.copy_worksheet(ws); second.title = '另一天'\n"
    "second['B5'] = '（截至2020年2月8日）'\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuAnnex1Import) import = shouhu_import_annex1_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (import->rejected->len, ==, 0);
  g_assert_cmpuint (import->n_districts, ==, SHOUHU_N_DISTRICTS);
  assert_notice_figures (import->table);

  g_clear_pointer (&import, shouhu_annex1_import_free);
  import = shouhu_import_annex1_from_file (other_date, &error);
  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "2020-02-08"));
}

static void
test_layout_errors (void)
{
  static const struct { const char *tweak; int code; const char *detail; } cases[] = {
    { "date_line = '（2020年2月7日）'", SHOUHU_IMPORT_ERROR_LAYOUT, "截至" },
    { "date_line = '（截至2020年2月30日）'", SHOUHU_IMPORT_ERROR_LAYOUT, "截至" },
  };
  g_autofree char *annex2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuAnnex1Import) import = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("layout%u.xlsx", i);
      g_autofree char *path = make_annex1 (name, cases[i].tweak);
      g_autoptr(GError) e = NULL;
      g_autoptr(ShouhuAnnex1Import) imp = shouhu_import_annex1_from_file (path, &e);

      g_assert_null (imp);
      g_assert_error (e, SHOUHU_IMPORT_ERROR, cases[i].code);
      g_assert_nonnull (strstr (e->message, name));
      g_assert_nonnull (strstr (e->message, cases[i].detail));
    }

  /* Another form altogether: no 区县 column heading. */
  annex2 = make_annex1_full ("other-form.xlsx", "", "ws['C6'] = '医院'; ws['C3'] = '区县：渝中区'");
  import = shouhu_import_annex1_from_file (annex2, &error);
  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX1);
  g_assert_nonnull (strstr (error->message, "other-form.xlsx"));
}

static void
test_cli (void)
{
  g_autofree char *good = make_annex1 ("cli-good.xlsx", "");
  g_autofree char *bad = make_annex1 ("cli-bad.xlsx", "rows[1][2] = 30\n");
  g_autofree char *changed = make_annex1 ("cli-changed.xlsx", "rows[0][1] = 6\n");
  g_autofree char *not_zip = g_build_filename (tmp_dir, "cli-text.xlsx", NULL);
  g_autofree char *db_path = NULL;
  g_autofree char *before = NULL, *after = NULL, *out = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);

  g_assert_true (g_file_set_contents (not_zip, "not a workbook", -1, NULL));
  g_clear_object (&store);

  /* Broken input leaves the database as it was. */
  store = shouhu_store_open (db_path, NULL);
  before = dump (store);
  g_clear_object (&store);
  g_assert_cmpint (shouhu_test_run_import (db_path, not_zip, TRUE, &out), !=, 0);
  g_assert_nonnull (strstr (out, "cli-text.xlsx"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (shouhu_test_run_import (db_path, bad, FALSE, &out), !=, 0);
  g_assert_nonnull (strstr (out, "--accept-valid"));
  g_assert_nonnull (strstr (out, "10"));
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&store);

  /* The good file goes in whole. */
  g_assert_cmpint (shouhu_test_run_import (db_path, good, FALSE, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1972);
  g_free (before);
  before = dump (store);
  g_clear_object (&store);

  /* Different figures for the same date: refused until confirmed. */
  g_assert_cmpint (shouhu_test_run_import (db_path, changed, FALSE, &out), !=, 0);
  g_assert_nonnull (strstr (out, "--accept-valid"));
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  g_free (after);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&store);

  g_assert_cmpint (shouhu_test_run_import (db_path, changed, TRUE, &out), ==, 0);
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1973);
  g_clear_object (&store);

  /* --accept-valid takes the valid rows of a file with rejected ones. */
  g_assert_cmpint (shouhu_test_run_import (db_path, bad, TRUE, &out), ==, 0);
  store = shouhu_store_open (db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1972 - 19);
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    shouhu_test_rm_rf (dir);
  }
}

/* The spreadsheet's part of reading a phone; the grammar itself is
 * test-phone.c's table, which this shares. */
static void
test_phone (void)
{
  static const struct { const char *text; gboolean number; const char *stored; } cases[] = {
    { "13812345678", TRUE, "13812345678" },
    { "1.3812345678E+10", TRUE, "13812345678" },
    { "1.38E+10", TRUE, NULL },
    { "1.38E+10", FALSE, NULL },
    { " １３８ １２３４ ５６７８ ", FALSE, "13812345678" },
    { "+86 138-1234-5678", FALSE, "13812345678" },
    { "023-63891234", FALSE, "023-63891234" },
    { "(023)63891234", FALSE, "023-63891234" },
    { "63891234", FALSE, "023-63891234" },
    { "2363891234", TRUE, "023-63891234" },
    { "023-63891234转123", FALSE, "023-63891234-123" },
    { "138＊＊＊＊5678", FALSE, NULL },
    { "", FALSE, "" },
    { "138****5678", FALSE, NULL },
    { "1381234567", FALSE, NULL },
    { "138123456789", FALSE, NULL },
    { "call me", FALSE, NULL },
    { "3.5", TRUE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = shouhu_import_phone ("本人联系电话", cases[i].text, cases[i].number, &error);

      g_assert_cmpstr (stored, ==, cases[i].stored);
      if (stored == NULL)
        {
          g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "本人联系电话"));
        }
    }
}

/* Two districts' forms in one workbook, filled in by hand. */
static void
test_annex2 (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "annex2.xlsx", NULL);
  g_autofree char *path_literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '表一'\n"
    "ws['A1'] = '重庆志愿者精准守护一线医护人员工作信息表'; ws.merge_cells('A1:K1')\n"
    "ws['A2'] = '区县：渝中区        填报人：张三        联系电话：023-63891234'; ws.merge_cells('A2:K2')\n"
    "heads = ['序号', '医院', '姓名', '性别', '职务', '一线工作具体地点', '家庭地址', '本人\\n联系电话', '家属\\n联系电话', '结对\\n志愿者', '备注']\n"
    "for c, h in enumerate(heads): ws.cell(3, 1 + c, h)\n"
    "rows = [\n"
    "  [1, '市人民医院', '李四', '男', '护士', '隔离病房', '渝中区某路1号', 13812345678, '１３９ ０００ ０００００', '王五', ''],\n"
    "  [2, ' 市中医院 ', ' 赵六 ', '女性', '', '', '', '023-6389 1234', None, None, None],\n"
    "  [3, '医院', '钱七', '男', '', '', '', '1381234567', None, None, None],\n"
    "  [4, '医院', '孙八', '未知', '', '', '', '13812345670', None, None, None],\n"
    "  [5, '医院', '周九', '女', '', '', '', '1.38E+10', None, None, None],\n"
    "  [6],\n"
    "  [7, '医院', None, '男', '', '', '', '13812345671', None, None, None],\n"
    "]\n"
    "for r, row in enumerate(rows):\n"
    "    for c, v in enumerate(row): ws.cell(4 + r, 1 + c, v)\n"
    "ws.cell(12, 1, '说明：1﹒本着就近就便原则安排对接服务志愿者；')\n"
    "ws2 = wb.create_sheet('表二')\n"
    "ws2['A2'] = '区县：'; ws2['B2'] = '江北'; ws2['E2'] = '填报人：'; ws2['F2'] = '吴十'\n"
    "for c, h in enumerate(heads): ws2.cell(4, 2 + c, h)\n"
    "for c, v in enumerate([1, '江北区医院', '郑一', '女', '', '', '', 13900000000]): ws2.cell(6, 2 + c, v)\n"
    "old = wb.create_sheet('旧'); old.sheet_state = 'hidden'\n"
    "for c, h in enumerate(heads): old.cell(1, 1 + c, h)\n"
    "wb.save(%s)\n", path_literal);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autoptr(ShouhuAnnex2Import) import = NULL;
  const ShouhuAnnex2ImportRow *r;
  const ShouhuAnnex2ImportForm *f;
  static const guint rejected_rows[] = { 6, 7, 8, 10 };

  shouhu_test_run_python (tmp_dir, script);

  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  import = shouhu_import_annex2_read (wb, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (import->forms->len, ==, 2);
  f = g_ptr_array_index (import->forms, 0);
  g_assert_cmpint (f->district_id, ==, shouhu_district_lookup ("渝中区")->id);
  g_assert_cmpstr (f->reporter, ==, "张三");
  g_assert_cmpstr (f->phone, ==, "023-63891234");
  f = g_ptr_array_index (import->forms, 1);
  g_assert_cmpint (f->district_id, ==, shouhu_district_lookup ("江北区")->id);
  g_assert_cmpstr (f->reporter, ==, "吴十");

  g_assert_cmpuint (import->rows->len, ==, 3);
  r = g_ptr_array_index (import->rows, 0);
  g_assert_cmpuint (r->row, ==, 4);
  g_assert_cmpstr (r->worker->name, ==, "李四");
  g_assert_cmpstr (r->worker->gender, ==, "男");
  g_assert_cmpstr (r->worker->phone, ==, "13812345678");
  g_assert_cmpstr (r->worker->family_phone, ==, "13900000000");
  g_assert_cmpstr (r->volunteers, ==, "王五\x1f");   /* read: 姓名 and no phone */
  r = g_ptr_array_index (import->rows, 1);
  g_assert_cmpstr (r->worker->hospital, ==, "市中医院");
  g_assert_cmpstr (r->worker->name, ==, "赵六");
  g_assert_cmpstr (r->worker->gender, ==, "女");
  g_assert_cmpstr (r->worker->phone, ==, "023-63891234");
  g_assert_cmpstr (r->worker->family_phone, ==, "");
  r = g_ptr_array_index (import->rows, 2);
  g_assert_cmpstr (r->sheet, ==, "表二");
  g_assert_cmpuint (r->row, ==, 6);
  g_assert_cmpstr (r->worker->phone, ==, "13900000000");
  g_assert_cmpint (r->worker->district_id, ==, shouhu_district_lookup ("江北区")->id);

  g_assert_cmpuint (import->rejected->len, ==, G_N_ELEMENTS (rejected_rows));
  for (guint i = 0; i < G_N_ELEMENTS (rejected_rows); i++)
    {
      const ShouhuImportRejection *rej = g_ptr_array_index (import->rejected, i);

      g_test_message ("row %u: %s", rej->row, rej->reason);
      g_assert_cmpuint (rej->row, ==, rejected_rows[i]);
    }
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->rejected, 1))->reason, "未知"));

  /* An Annex 1 workbook is no Annex 2 form. */
  {
    g_autofree char *annex1 = make_annex1 ("not-annex2.xlsx", "");
    g_autoptr(ShouhuXlsxWorkbook) wb1 = shouhu_xlsx_workbook_new_from_file (annex1, &error);
    g_autoptr(ShouhuAnnex2Import) none = shouhu_import_annex2_read (wb1, &error);

    g_assert_null (none);
    g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_NOT_ANNEX2);
  }
}

/* Annex 1 in the notice's own layout, as Shouhu exports it: 共计 and its
 * 支援湖北 on the first header row.  A 共计 that is not the sum of the
 * batches, or a 合计 that is not the sum of the districts, is a rejected
 * row naming the district and both figures; a 截至 line written as a
 * date cell is read. */
static void
test_notice_layout (void)
{
  g_autoptr(ShouhuStore) source = shouhu_test_new_store (NULL);
  g_autofree char *exported = g_build_filename (tmp_dir, "notice-layout.xlsx", NULL);
  g_autofree char *wrong = g_build_filename (tmp_dir, "wrong-total.xlsx", NULL);
  g_autofree char *quoted = g_shell_quote (exported);
  g_autofree char *wrong_quoted = g_shell_quote (wrong);
  g_autofree char *wrong_sum = g_build_filename (tmp_dir, "wrong-sum.xlsx", NULL);
  g_autofree char *sum_quoted = g_shell_quote (wrong_sum);
  g_autofree char *script = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuImport) import = NULL;
  const ShouhuImportRejection *r;

  g_assert_true (shouhu_annex1_load_notice_figures (source, &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_export_run (source, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, exported, &error));
  g_assert_no_error (error);

  /* Shouhu's own file comes back whole. */
  import = shouhu_import_from_file (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ANNEX1);
  g_assert_cmpuint (import->annex1->n_rejected, ==, 0);
  g_assert_cmpuint (import->annex1->n_districts, ==, SHOUHU_N_DISTRICTS);
  g_clear_pointer (&import, shouhu_import_free);

  /* 万州区's 共计 changed (C6), 黔江区's 支援湖北 of 共计 (D7), and the
   * 合计 of 第一批 (E47) written as a wrong number; the date line a date
   * cell in a format that shows 截至. */
  script = g_strdup_printf (
    "import openpyxl, datetime\n"
    "wb = openpyxl.load_workbook(%s); ws = wb.active\n"
    "assert ws['C4'].value == '共计' and ws['B6'].value == '万州区'\n"
    "ws['C6'] = ws['C6'].value + 100\n"
    "ws['D7'] = 3\n"
    "ws['A3'] = datetime.datetime(2020, 2, 7)\n"
    "ws['A3'].number_format = '\"（截至\"yyyy\"年\"m\"月\"d\"日）\"'\n"
    "wb.save(%s)\n"
    "wb = openpyxl.load_workbook(%s); ws = wb.active\n"
    "assert ws['A47'].value == '合计'\n"
    "ws['E47'] = 1\n"
    "ws.unmerge_cells('A3:I3'); ws['A3'] = '截至'; ws['B3'] = datetime.datetime(2020, 2, 7)\n"
    "wb.save(%s)\n", quoted, wrong_quoted, quoted, sum_quoted);
  shouhu_test_run_python (tmp_dir, script);
  import = shouhu_import_from_file (wrong, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (import->annex1->table->as_of, ==, "2020-02-07");
  for (guint i = 0; i < import->annex1->rejected->len; i++)
    g_test_message ("rejected: row %u: %s", ((ShouhuImportRejection *) g_ptr_array_index (import->annex1->rejected, i))->row,
                    ((ShouhuImportRejection *) g_ptr_array_index (import->annex1->rejected, i))->reason);
  g_assert_cmpuint (import->annex1->n_rejected, ==, 2);
  r = g_ptr_array_index (import->annex1->rejected, 0);
  g_assert_cmpuint (r->row, ==, 6);
  g_assert_nonnull (strstr (r->reason, "万州区"));
  g_assert_nonnull (strstr (r->reason, "105"));
  g_assert_nonnull (strstr (r->reason, " 5"));
  r = g_ptr_array_index (import->annex1->rejected, 1);
  g_assert_cmpuint (r->row, ==, 7);
  g_assert_nonnull (strstr (r->reason, "黔江区"));
  g_assert_nonnull (strstr (r->reason, "支援湖北"));
  g_clear_pointer (&import, shouhu_import_free);

  /* 截至 in one cell, the date in the next as a date cell; 合计 wrong. */
  import = shouhu_import_from_file (wrong_sum, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (import->annex1->table->as_of, ==, "2020-02-07");
  g_assert_cmpuint (import->annex1->n_rejected, ==, 1);
  r = g_ptr_array_index (import->annex1->rejected, 0);
  g_test_message ("%s", r->reason);
  g_assert_cmpuint (r->row, ==, 47);
  g_assert_nonnull (strstr (r->reason, "合计"));
  g_assert_nonnull (strstr (r->reason, "says 1,"));
  g_assert_nonnull (strstr (r->reason, "1300"));
}

/* Cells that cannot be a heading are turned away before the heading is
 * looked up; the headings themselves, written any way, never are. */
static void
test_may_be_heading (void)
{
  const char *const day[] = { "日期", "服务日期", NULL };
  const char *const numbered[] = { "No.", NULL };

  g_assert_true (shouhu_import_may_be_heading ("日期", day));
  g_assert_true (shouhu_import_may_be_heading (" 服 务 日 期 ", day));
  g_assert_true (shouhu_import_may_be_heading ("服务日期（必填）", day));
  g_assert_false (shouhu_import_may_be_heading ("2020年2月7日", day));
  g_assert_false (shouhu_import_may_be_heading ("渝中区人民医院", day));
  g_assert_false (shouhu_import_may_be_heading ("", day));
  /* Without an ideograph to look for, every text may be it. */
  g_assert_true (shouhu_import_may_be_heading ("张三", numbered));
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = shouhu_test_temp_dir ();

  shouhu_test_add_openpyxl ("/import/annex1/hand-made", test_hand_made);
  shouhu_test_add_openpyxl ("/import/annex1/rejected-rows", test_rejected_rows);
  shouhu_test_add_openpyxl ("/import/annex1/several-sheets", test_several_sheets);
  shouhu_test_add_openpyxl ("/import/annex1/layout-errors", test_layout_errors);
  shouhu_test_add_openpyxl ("/import/annex1/cli", test_cli);
  shouhu_test_add_openpyxl ("/import/annex1/notice-layout", test_notice_layout);
  shouhu_test_add ("/import/phone", test_phone);
  shouhu_test_add ("/import/may-be-heading", test_may_be_heading);
  shouhu_test_add_openpyxl ("/import/annex2/hand-made", test_annex2);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

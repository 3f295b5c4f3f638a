/* test-import-annex2.c — taking in Annex 2 forms: preview, write, round trip
 *
 * The hand-made workbooks are written here with openpyxl, with the
 * irregularities of forms filled in by hand; the round trip goes through
 * Shouhu's own export.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-export.h"
#include "shouhu-import.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

#include <gio/gio.h>
#include <string.h>
#include <xlsxwriter.h>

static char *tmp_dir;

/* The form's heading row, shared by the scripts. */
#define HEADS "heads = ['序号', '医院', '姓名', '性别', '职务', '一线工作具体地点', '家庭地址', " \
              "'本人\\n联系电话', '家属联系电话', '结对志愿者', '备注']\n"

/* A workbook of two districts' forms, filled in by hand: empty rows and
 * columns, the form shifted to C5, merged title, line and header cells,
 * phones as numbers, full-width digits, stray spaces.  @rows_py is the
 * Python list of the first sheet's rows (after 序号). */
static char *
make_form (const char *file_name,
           const char *rows_py)
{
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  g_autofree char *path_literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    HEADS
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '渝中'\n"
    "ws['C4'] = '附件2'\n"
    "ws['C5'] = ' 重庆志愿者精准守护一线医护人员工作信息表 '; ws.merge_cells('C5:M5')\n"
    "ws['C6'] = '区县： 渝中区　　填报人： 张 三　　联系电话：０２３-6389 1234'; ws.merge_cells('C6:M6')\n"
    "for c, h in enumerate(heads): ws.cell(8, 3 + c, h)\n"
    "ws.merge_cells('C8:C9'); ws.merge_cells('D8:D9')   # a two-row header\n"
    "rows = %s\n"
    "r = 10\n"
    "for i, row in enumerate(rows):\n"
    "    for c, v in enumerate([i + 1] + row): ws.cell(r, 3 + c, v)\n"
    "    r += 2 if i == 0 else 1   # an empty row after the first\n"
    "ws.cell(r + 1, 3, '说明：1．本着就近就便原则安排对接服务志愿者；'); ws.merge_cells(start_row=r + 1, start_column=3, end_row=r + 1, end_column=13)\n"
    "ws2 = wb.create_sheet('第二张')\n"
    "ws2['B2'] = '区县：'; ws2['C2'] = '江北'; ws2['F2'] = '填报人：'; ws2['G2'] = '吴十'\n"
    "for c, h in enumerate(heads): ws2.cell(3, 2 + c, h)\n"
    "for c, v in enumerate([1, '江北区人民医院', '郑一', '女', '护师', '', '', 13900000001, '', '', '']): ws2.cell(4, 2 + c, v)\n"
    "wb.save(%s)\n", rows_py, path_literal);

  shouhu_test_run_python (tmp_dir, script);
  return g_steal_pointer (&path);
}

/* Everything Annex 2 holds, as one string, read straight from SQLite. */
static char *
dump (ShouhuStore *store)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (shouhu_store_get_db (store),
    "SELECT coalesce ((SELECT group_concat (id || ',' || district_id || ',' || hospital || ',' || name || ','"
    "   || gender || ',' || title || ',' || work_place || ',' || home_address || ',' || phone || ','"
    "   || family_phone || ',' || note, ';') FROM (SELECT * FROM worker ORDER BY id)), '') || '|' ||"
    " coalesce ((SELECT group_concat (id || ',' || name || ',' || phone || ',' || coalesce (district_id, 0), ';')"
    "   FROM (SELECT * FROM volunteer ORDER BY id)), '') || '|' ||"
    " coalesce ((SELECT group_concat (worker_id || ',' || volunteer_id, ';')"
    "   FROM (SELECT * FROM pairing ORDER BY 1, 2)), '') || '|' ||"
    " coalesce ((SELECT group_concat (district_id || ',' || reporter || ',' || phone, ';')"
    "   FROM (SELECT * FROM district_form ORDER BY 1)), '') || '|' ||"
    " (SELECT count (*) FROM history)",
    -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static const char good_rows[] =
  "[\n"
  " ['市人民医院', '李四', '男', '护士', '隔离病房', '渝中区某路1号', 13812345678, '１３９ ０００ ０００００', '王五 13700000001、赵钱', ''],\n"
  " [' 市中医院 ', ' 赵六 ', '女性', '', '', '', '1.3812345679E+10', None, '王五 13700000001', '备注一'],\n"
  " ['市第一人民医院', '孙八', '女', '', '', '', ' 138 1234 5670 ', '023-63891235', None, None],\n"
  "]";

/* Every irregularity at once; then a second file that changes one record
 * updates it instead of adding another. */
static void
test_hand_made (void)
{
  g_autofree char *path = make_form ("hand.xlsx", good_rows);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reporter = NULL, *phone = NULL;
  ShouhuAnnex2Import *a2;
  int yuzhong = shouhu_district_lookup ("渝中区")->id;
  int jiangbei = shouhu_district_lookup ("江北区")->id;

  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ANNEX2);
  a2 = import->annex2;
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < a2->rejected->len; i++)
    g_test_message ("rejected: %s", ((ShouhuImportRejection *) g_ptr_array_index (a2->rejected, i))->reason);
  g_assert_cmpuint (a2->rejected->len, ==, 0);
  g_assert_cmpuint (a2->n_new, ==, 4);
  g_assert_cmpuint (a2->n_updated, ==, 0);
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);

  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 4);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE district_id = 4 AND "
                                                 "phone IN ('13812345678', '13812345679', '13812345670')"), ==, 3);
  g_assert_cmpint (yuzhong, ==, 4);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '赵六' AND "
                                                 "hospital = '市中医院' AND gender = '女' AND note = '备注一'"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '李四' AND "
                                                 "family_phone = '13900000000'"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '孙八' AND "
                                                 "family_phone = '023-63891235'"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM worker WHERE name = '郑一' AND "
                                            "district_id = %d AND phone = '13900000001'", jiangbei);
    g_assert_cmpint (shouhu_test_query_int (store, sql), ==, 1);
  }
  /* 王五 is one volunteer paired with two families; 赵钱 has no phone. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id "
                                                 "WHERE v.name = '王五' AND v.phone = '13700000001'"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer WHERE name = '赵钱' AND phone = '' "
                                                 "AND district_id = 4"), ==, 1);
  g_assert_true (shouhu_annex2_get_district_form (store, yuzhong, &reporter, &phone, &error));
  g_assert_cmpstr (reporter, ==, "张三");
  g_assert_cmpstr (phone, ==, "023-63891234");
  /* One event; the records it created point to it, with no history rows
   * of their own. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM import_event WHERE kind = 'annex2' AND "
                                                 "file_name = 'hand.xlsx' AND length (sha256) = 64 AND n_new = 4"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE import_id = "
                                                 "(SELECT id FROM import_event)"), ==, 4);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer WHERE import_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE entity IN ('worker', 'volunteer')"), ==, 0);

  /* The same people again, one of them changed: an update, no duplicate. */
  {
    g_autofree char *again = make_form ("again.xlsx",
      "[\n"
      " ['市人民医院', '李四', '男', '主管护师', '隔离病房', '渝中区某路1号', 13812345678, '13900000000', '王五 13700000001、赵钱', ''],\n"
      " ['市中医院', '赵六', '女', '', '', '', 13812345679, '', '王五 13700000001', '备注一'],\n"
      " ['市第一人民医院', '孙八', '女', '', '', '', 13812345670, '023-63891235', '', ''],\n"
      " ['市第一人民医院', '周九', '男', '', '', '', 13812345671, '', '赵钱', ''],\n"
      "]");
    g_autoptr(ShouhuImport) second = shouhu_import_from_file (again, &error);
    const ShouhuAnnex2ImportChange *change;

    g_assert_no_error (error);
    g_assert_true (shouhu_import_preview (store, second, &error));
    g_assert_cmpuint (second->annex2->n_new, ==, 1);
    g_assert_cmpuint (second->annex2->n_updated, ==, 1);
    g_assert_cmpuint (second->annex2->n_unchanged, ==, 3);
    change = g_ptr_array_index (second->annex2->changes, 0);
    g_assert_cmpint (change->action, ==, SHOUHU_IMPORT_UPDATE);
    g_assert_nonnull (strstr (change->changes, shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_TITLE)));
    g_assert_true (shouhu_import_write (store, second, &error));
    g_assert_no_error (error);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 5);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE title = '主管护师'"), ==, 1);
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE action = 'edit' "
                                                   "AND field = 'title' AND new_value = '主管护师'"), ==, 1);
    /* 周九's 赵钱 is the one of 渝中区 already there. */
    g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 2);
  }
}

/* Rows that cannot be taken, each with its row number and reason. */
static void
test_rejected (void)
{
  g_autofree char *path = make_form ("rejected.xlsx",
    "[\n"
    " ['市人民医院', '李四', '男', '', '', '', 13812345678, '', '', ''],\n"
    " ['市人民医院', '周九', '女', '', '', '', '1.38E+10', '', '', ''],\n"
    " ['市人民医院', '吴二', '未知', '', '', '', 13812345672, '', '', ''],\n"
    " ['市人民医院', '李四', '男', '', '', '', 13812345678, '', '', ''],\n"
    " ['市人民医院', '郑三', '男', '', '', '', 13812345673, '', '王五 12', ''],\n"
    "]");
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;
  /* Rows the reader rejects, in file order, then those of the preview
   * (李四 twice). */
  static const guint rows[] = { 12, 13, 15, 14 };

  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_cmpuint (import->annex2->rejected->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const ShouhuImportRejection *r = g_ptr_array_index (import->annex2->rejected, i);

      g_test_message ("row %u: %s", r->row, r->reason);
      g_assert_cmpuint (r->row, ==, rows[i]);
      g_assert_cmpstr (r->sheet, ==, "渝中");
    }
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, 0))->reason,
                            "1.38E+10"));
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, 1))->reason,
                            "未知"));
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, 3))->reason,
                            "10"));
  g_assert_nonnull (strstr (((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, 2))->reason,
                            "王五 12"));
  /* Preview twice: the same verdict, not twice the rejections. */
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_cmpuint (import->annex2->rejected->len, ==, G_N_ELEMENTS (rows));
  g_assert_cmpuint (import->annex2->n_new, ==, 2);
}

/* On the command line a rejected row means nothing is written, unless
 * --accept-valid; broken files leave the database as it was. */
static void
test_cli (void)
{
  g_autofree char *bad = make_form ("cli-bad.xlsx",
    "[['市人民医院', '李四', '男', '', '', '', 13812345678, '', '王五 13700000001', ''],"
    " ['市人民医院', '周九', '女', '', '', '', '1.38E+10', '', '', '']]");
  g_autofree char *not_zip = g_build_filename (tmp_dir, "not-zip.xlsx", NULL);
  g_autofree char *no_sheet = g_build_filename (tmp_dir, "no-sheet.xlsx", NULL);
  g_autofree char *truncated = g_build_filename (tmp_dir, "truncated.xlsx", NULL);
  g_autofree char *db_path = NULL, *before = NULL, *after = NULL, *out = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *script = g_strdup_printf ("import zipfile\n"
                                             "z = zipfile.ZipFile(%s, 'w')\n"
                                             "z.writestr('[Content_Types].xml', '<Types/>')\n"
                                             "z.writestr('xl/workbook.xml', '<workbook><sheets/></workbook>')\n"
                                             "z.close()\n", "'no-sheet.xlsx'");
  gsize length;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);

  shouhu_test_annex2_insert_set (store);
  before = dump (store);
  g_clear_object (&store);

  g_assert_true (g_file_set_contents (not_zip, "PK\003\004 not really", -1, NULL));
  shouhu_test_run_python (tmp_dir, script);
  g_assert_true (g_file_get_contents (bad, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (truncated, contents, (gssize) (length * 2 / 3), NULL));

  for (const char *const *file = (const char *const[]) { not_zip, no_sheet, truncated, NULL }; *file != NULL; file++)
    {
      g_autofree char *base = g_path_get_basename (*file);

      g_assert_cmpint (shouhu_test_run_import (db_path, *file, TRUE, &out), !=, 0);
      g_assert_nonnull (strstr (out, base));
      g_clear_pointer (&out, g_free);
    }

  g_assert_cmpint (shouhu_test_run_import (db_path, bad, FALSE, &out), !=, 0);
  g_assert_nonnull (strstr (out, "--accept-valid"));
  g_assert_nonnull (strstr (out, "12"));   /* the row of 1.38E+10 */
  g_clear_pointer (&out, g_free);
  store = shouhu_store_open (db_path, NULL);
  after = dump (store);
  g_assert_cmpstr (before, ==, after);
  g_clear_object (&store);

  g_assert_cmpint (shouhu_test_run_import (db_path, bad, TRUE, &out), ==, 0);
  store = shouhu_store_open (db_path, NULL);
  /* 李四 and 郑一 of the second sheet; 周九 stays out. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 11 + 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '周九'"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing p JOIN worker w ON w.id = p.worker_id "
                                                 "WHERE w.name = '李四'"), ==, 1);
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    shouhu_test_rm_rf (dir);
  }
}

/* Records in several districts, as the Annex 2 page stores them. */
static void
fill_store (ShouhuStore *store)
{
  static const struct
  {
    const char *district, *hospital, *name, *gender, *title, *place, *home, *phone, *family, *note;
    const char *volunteers[3][2];
  } workers[] = {
    { "渝中区", "重庆医科大学附属第一医院", "陈一", "女", "护士长", "发热门诊", "渝中区解放碑街道某路2号",
      "13800000001", "023-63800001", "", { { "刘志愿", "13700000001" }, { "黄志愿", "" } } },
    { "渝中区", "重庆市急救医疗中心", "陈二", "男", "医师", "隔离病区", "", "13800000002", "", "援鄂",
      { { "刘志愿", "13700000001" } } },
    { "万州区", "重庆三峡中心医院", "陈三", "女", "", "", "万州区某镇", "13800000003", "13900000003", "",
      { { "何志愿", "13700000003" }, { "黄志愿", "" } } },
    { "高新区", "高新区人民医院", "陈四", "男", "护师", "", "", "", "", "", { { NULL } } },
    { "万盛经开区", "万盛人民医院", "陈五", "女", "", "", "", "023-48200005", "", "", { { NULL } } },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (workers); i++)
    {
      g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      w->district_id = shouhu_district_lookup (workers[i].district)->id;
#define SET(field, value) g_free (w->field); w->field = g_strdup (workers[i].value)
      SET (hospital, hospital); SET (name, name); SET (gender, gender); SET (title, title);
      SET (work_place, place); SET (home_address, home); SET (phone, phone);
      SET (family_phone, family); SET (note, note);
#undef SET
      for (guint v = 0; v < 3 && workers[i].volunteers[v][0] != NULL; v++)
        {
          g_autoptr(GPtrArray) found = shouhu_annex2_find_volunteers (store, workers[i].volunteers[v][0], 0, 1, &error);
          gint64 id;

          g_assert_no_error (error);
          if (found->len > 0)
            id = ((ShouhuVolunteer *) g_ptr_array_index (found, 0))->id;
          else
            {
              g_autoptr(ShouhuVolunteer) vol = shouhu_volunteer_new ();

              g_free (vol->name);
              vol->name = g_strdup (workers[i].volunteers[v][0]);
              g_free (vol->phone);
              vol->phone = g_strdup (workers[i].volunteers[v][1]);
              vol->district_id = w->district_id;
              id = shouhu_annex2_save_volunteer (store, vol, &error);
              g_assert_no_error (error);
            }
          g_array_append_val (ids, id);
        }
      shouhu_annex2_save_worker (store, w, (gint64 *) (gpointer) ids->data, ids->len, FALSE, &error);
      g_assert_no_error (error);
    }
  shouhu_annex2_set_district_form (store, 4, "张填报", "023-63800000", &error);
  g_assert_no_error (error);
  shouhu_annex2_set_district_form (store, 1, "李填报", "", &error);
  g_assert_no_error (error);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What a round trip keeps of a workbook, as xlsx-dump.py lists it: the
 * sheets in order, their cells and merges, sorted. */
static char *
kept_facts (const char *path,
            guint      *n_cells)
{
  g_autofree char *text = shouhu_test_read_xlsx ("xlsx-dump.py", path);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  *n_cells = 0;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "cell\t"))
        (*n_cells)++;
      else if (!g_str_has_prefix (lines[i], "sheets\t") && !g_str_has_prefix (lines[i], "merge\t"))
        continue;
      g_ptr_array_add (kept, lines[i]);
    }
  g_ptr_array_sort (kept, compare_lines);
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("\n", (char **) kept->pdata);
}

/* Both workbooks hold the same cells, sheet by sheet, and the same merges. */
static void
assert_same_cells (const char *a,
                   const char *b)
{
  guint a_cells, b_cells;
  g_autofree char *a_facts = kept_facts (a, &a_cells);
  g_autofree char *b_facts = kept_facts (b, &b_cells);

  g_assert_cmpstr (a_facts, ==, b_facts);
  g_assert_cmpuint (a_cells, >=, 60);
}

static void
test_round_trip (void)
{
  g_autofree char *first = g_build_filename (tmp_dir, "round-1.xlsx", NULL);
  g_autofree char *second = g_build_filename (tmp_dir, "round-2.xlsx", NULL);
  g_autoptr(ShouhuStore) source = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuStore) target = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;

  shouhu_test_annex2_insert_set (source);   /* its own ids first */
  fill_store (source);
  g_assert_true (shouhu_export_run (source, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, first, &error));
  g_assert_no_error (error);

  import = shouhu_import_from_file (first, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_import_preview (target, import, &error));
  g_assert_cmpuint (import->annex2->rejected->len, ==, 0);
  g_assert_cmpuint (import->annex2->n_new, ==, 16);
  g_assert_true (shouhu_import_write (target, import, &error));
  g_assert_no_error (error);
  /* The target's tables were empty: their indexes, built at the end of
   * the import, are those of the schema, and whole. */
  {
    const char *indexes = "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                          "AND tbl_name IN ('worker', 'volunteer', 'pairing')";

    g_assert_cmpint (shouhu_test_query_int (target, indexes), ==, shouhu_test_query_int (source, indexes));
    g_assert_cmpint (shouhu_test_query_int (target, indexes), >=, 6);
    g_assert_cmpint (shouhu_test_query_int (target, "SELECT count(*) FROM pragma_integrity_check "
                                                    "WHERE integrity_check <> 'ok'"), ==, 0);
    g_assert_cmpint (shouhu_test_query_int (target, "SELECT count(*) FROM worker INDEXED BY worker_name_phone "
                                                    "WHERE name > ''"), ==, 16);
  }

  g_assert_true (shouhu_export_run (target, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, second, &error));
  g_assert_no_error (error);
  assert_same_cells (first, second);

  /* Importing the same file again changes nothing. */
  {
    g_autofree char *before = dump (target);
    g_autofree char *after = NULL;

    g_assert_true (shouhu_import_preview (target, import, &error));
    g_assert_cmpuint (import->annex2->n_unchanged, ==, 16);
    g_assert_true (shouhu_import_write (target, import, &error));
    after = dump (target);
    g_assert_cmpstr (before, ==, after);
  }
}

/* A masked export is refused as a whole, with the reason. */
static void
test_masked (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "masked.xlsx", NULL);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;

  fill_store (store);
  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX2, NULL, 0, TRUE, path, &error));
  g_assert_no_error (error);
  import = shouhu_import_from_file (path, &error);
  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED);
  g_assert_nonnull (strstr (error->message, "masked.xlsx"));
  g_assert_nonnull (strstr (error->message, "****"));
}

/* Hand-filled forms merge a cell down the rows that share it (one
 * hospital for several workers): each of those rows takes the merged
 * value; a cell merged across columns belongs to its first column only. */
static void
test_merged_rows (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "merged-rows.xlsx", NULL);
  g_autofree char *path_literal = g_shell_quote (path);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    HEADS
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '黔江'\n"
    "ws['A1'] = '附件2'; ws['A2'] = '重庆志愿者精准守护一线医护人员工作信息表'\n"
    "ws['A3'] = '区县：黔江区　填报人：李一　联系电话：13900000000'\n"
    "for c, h in enumerate(heads): ws.cell(4, 1 + c, h)\n"
    "rows = [[1, '黔江中心医院', '甲', '男', '医生', '发热门诊', '黔江区城西街道1号', 13900000001, 13900000009, '', ''],\n"
    "        [2, None, '乙', '女', '护士', None, '黔江区城西街道2号', 13900000002, None, '', ''],\n"
    "        [3, None, '丙', '女', '护士', '隔离病房', '黔江区城东街道', None, '', '', '']]\n"
    "for r, row in enumerate(rows):\n"
    "    for c, v in enumerate(row): ws.cell(5 + r, 1 + c, v)\n"
    "ws.merge_cells('B5:B7')   # one hospital for three rows\n"
    "ws.merge_cells('F5:F6')   # one work place for two\n"
    "ws.merge_cells('I5:I6')   # one family phone for two\n"
    "ws.merge_cells('G7:H7')   # across columns: 本人联系电话 does not take the address\n"
    "wb.save(%s)\n", path_literal);
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;

  shouhu_test_run_python (tmp_dir, script);
  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (shouhu_import_preview (store, import, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < import->annex2->rejected->len; i++)
    g_test_message ("rejected: %s", ((ShouhuImportRejection *) g_ptr_array_index (import->annex2->rejected, i))->reason);
  g_assert_cmpuint (import->annex2->rejected->len, ==, 0);
  g_assert_cmpuint (import->annex2->n_new, ==, 3);
  g_assert_true (shouhu_import_write (store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE hospital = '黔江中心医院'"), ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE work_place = '发热门诊' "
                                                 "AND family_phone = '13900000009'"), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name = '丙' AND "
                                                 "work_place = '隔离病房' AND home_address = '黔江区城东街道' AND "
                                                 "phone = '' AND family_phone = ''"), ==, 1);
}

static GSubprocess *
start_cli (const char *db_path,
           const char *file)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE, &error,
                                           g_getenv ("SHOUHU_BIN"), "--database", db_path, "--import", file, NULL);

  g_assert_no_error (error);
  return process;
}

static void
assert_cli_succeeds (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", out);
  g_assert_true (g_subprocess_get_successful (process));
}

/* Two imports at once, while the window writes too: each waits for the
 * write before it, none fails. */
static void
test_cli_at_once (void)
{
  g_autofree char *first = make_form ("at-once-1.xlsx",
    "[['市人民医院', '李四', '男', '', '', '', 13812345678, '', '', ''],"
    " ['市人民医院', '周九', '女', '', '', '', 13812345679, '', '', '']]");
  g_autofree char *second = make_form ("at-once-2.xlsx",
    "[['市中医院', '赵六', '女', '', '', '', 13812345670, '', '', ''],"
    " ['市中医院', '孙八', '女', '', '', '', 13812345671, '', '', '']]");
  g_autofree char *db_path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db_path);
  g_autoptr(GSubprocess) one = NULL, two = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("SHOUHU_BIN"));
  g_assert_true (shouhu_store_begin (store, &error));
  g_assert_true (shouhu_annex2_set_district_form (store, 4, "张三", "023-63891234", &error));
  one = start_cli (db_path, first);
  two = start_cli (db_path, second);
  /* Time for both to reach the lock; the test holds however long it is. */
  g_usleep (G_USEC_PER_SEC);
  g_assert_true (shouhu_store_commit (store, &error));

  assert_cli_succeeds (one);
  assert_cli_succeeds (two);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE name IN "
                                                 "('李四', '周九', '赵六', '孙八', '郑一')"), ==, 5);
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (db_path);

    shouhu_test_rm_rf (dir);
  }
}

/* Writes a workbook of several districts' forms with libxlsxwriter:
 * rows good and bad (more rejections than are listed), a hidden form,
 * a sheet that is no form; @masked_sheet and @bad_sheet (or -1) hold a
 * masked phone and an unknown district. */
static char *
make_many_forms (const char *file_name,
                 int         masked_sheet,
                 int         bad_sheet)
{
  static const char *const districts[] = { "渝中区", "江北区", "沙坪坝区", "九龙坡区", "南岸区", "北碚区" };
  static const char *const heads[] = { "序号", "医院", "姓名", "性别", "职务", "一线工作具体地点", "家庭地址",
                                       "本人联系电话", "家属联系电话", "结对志愿者", "备注" };
  g_autofree char *path = g_build_filename (tmp_dir, file_name, NULL);
  lxw_workbook_options options = { .constant_memory = FALSE, .tmpdir = tmp_dir };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *ws;

  for (int s = 0; s < (int) G_N_ELEMENTS (districts); s++)
    {
      g_autofree char *name = g_strdup_printf ("表%d", s + 1);

      ws = workbook_add_worksheet (wb, name);
      worksheet_write_string (ws, 0, 0, "区县：", NULL);
      worksheet_write_string (ws, 0, 1, s == bad_sheet ? "火星区" : districts[s], NULL);
      for (int c = 0; c < (int) G_N_ELEMENTS (heads); c++)
        worksheet_write_string (ws, 1, c, heads[c], NULL);
      /* From 200 to 950 rows: sheets of different sizes. */
      for (int r = 0; r < 200 + 150 * s; r++)
        {
          g_autofree char *person = g_strdup_printf ("员工%d-%d", s, r);
          g_autofree char *phone = g_strdup_printf ("139%02d%06d", s, r);

          worksheet_write_number (ws, r + 2, 0, r + 1, NULL);
          worksheet_write_string (ws, r + 2, 1, "市人民医院", NULL);
          worksheet_write_string (ws, r + 2, 2, person, NULL);
          /* Every third row breaks a rule seen early, every fifth one
           * seen in the record. */
          worksheet_write_string (ws, r + 2, 3, r % 3 == 1 ? "未知" : (r % 2 ? "男" : "女"), NULL);
          worksheet_write_string (ws, r + 2, 7, r % 5 == 2 ? "12345" : phone, NULL);
          if (s == masked_sheet && r == 40)
            worksheet_write_string (ws, r + 2, 7, "139****1234", NULL);
          if (r % 4 == 0)
            worksheet_write_string (ws, r + 2, 9, "王五 13700000001", NULL);
        }
      if (s == 4)
        worksheet_hide (ws);
    }
  ws = workbook_add_worksheet (wb, "填表说明");
  worksheet_write_string (ws, 0, 0, "每区一张表", NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return g_steal_pointer (&path);
}

/* The file's SHA-256, which a big file has computed on a thread of its
 * own beside the reading, is the file's. */
static void
test_checksum (void)
{
  const guint n_cells[] = { 10, 120000 };

  for (guint i = 0; i < G_N_ELEMENTS (n_cells); i++)
    {
      g_autofree char *name = g_strdup_printf ("checksum-%u.xlsx", n_cells[i]);
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      lxw_workbook_options options = { .constant_memory = TRUE, .tmpdir = tmp_dir };
      lxw_workbook *wb = workbook_new_opt (path, &options);
      lxw_worksheet *ws = workbook_add_worksheet (wb, "渝中区");
      GRand *rand = g_rand_new_with_seed (n_cells[i]);
      g_autoptr(ShouhuXlsxWorkbook) workbook = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *expected = NULL;
      gsize length;

      for (guint c = 0; c < n_cells[i]; c++)
        {
          /* Random text: it does not compress much. */
          g_autofree char *text = g_strdup_printf ("%08x%08x%08x", g_rand_int (rand), g_rand_int (rand),
                                                   g_rand_int (rand));

          worksheet_write_string (ws, c / 10, (lxw_col_t) (c % 10), text, NULL);
        }
      g_rand_free (rand);
      g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* One below the size that takes a thread, one above it. */
      g_assert_cmpuint (length > 1024 * 1024, ==, i == 1);
      expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      workbook = shouhu_xlsx_workbook_new_from_file (path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (shouhu_xlsx_workbook_get_sha256 (workbook), ==, expected);
    }
}

static ShouhuAnnex2Import *
read_forms_with_threads (const ShouhuXlsxWorkbook  *workbook,
                         const char                *threads,
                         GError                   **error)
{
  ShouhuAnnex2Import *import;

  g_assert_true (g_setenv ("SHOUHU_XLSX_THREADS", threads, TRUE));
  import = shouhu_import_annex2_read (workbook, error);
  g_unsetenv ("SHOUHU_XLSX_THREADS");
  return import;
}

/* The forms of a workbook read on threads give what reading them one
 * after the other gives: rows, rejections (those listed and their
 * count), notes, in the same order; and the same first error. */
static void
test_threads (void)
{
  g_autofree char *path = make_many_forms ("many-forms.xlsx", -1, -1);
  g_autofree char *masked = make_many_forms ("many-forms-masked.xlsx", 3, 5);
  g_autoptr(ShouhuXlsxWorkbook) workbook = NULL;
  g_autoptr(ShouhuAnnex2Import) one = NULL;
  g_autoptr(GError) error = NULL;
  const char *threads[] = { "2", "3", "16" };
  g_autofree char *one_message = NULL;

  workbook = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  one = read_forms_with_threads (workbook, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->forms->len, ==, 5);
  g_assert_cmpuint (one->n_rejected, >, SHOUHU_IMPORT_MAX_LISTED);
  g_assert_cmpuint (one->rejected->len, ==, SHOUHU_IMPORT_MAX_LISTED);
  g_assert_cmpuint (one->rows->len, >, 500);

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr(ShouhuAnnex2Import) other = read_forms_with_threads (workbook, threads[t], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (other->forms->len, ==, one->forms->len);
      for (guint i = 0; i < one->forms->len; i++)
        {
          const ShouhuAnnex2ImportForm *a = g_ptr_array_index (one->forms, i);
          const ShouhuAnnex2ImportForm *b = g_ptr_array_index (other->forms, i);

          g_assert_cmpstr (a->sheet, ==, b->sheet);
          g_assert_cmpint (a->district_id, ==, b->district_id);
          g_assert_cmpuint (a->present, ==, b->present);
        }
      g_assert_cmpuint (other->rows->len, ==, one->rows->len);
      for (guint i = 0; i < one->rows->len; i++)
        {
          const ShouhuAnnex2ImportRow *a = g_ptr_array_index (one->rows, i);
          const ShouhuAnnex2ImportRow *b = g_ptr_array_index (other->rows, i);

          g_assert_cmpstr (a->sheet, ==, b->sheet);
          g_assert_cmpuint (a->row, ==, b->row);
          g_assert_cmpstr (a->worker->name, ==, b->worker->name);
          g_assert_cmpstr (a->worker->phone, ==, b->worker->phone);
          g_assert_cmpint (a->worker->district_id, ==, b->worker->district_id);
          g_assert_cmpstr (a->volunteers, ==, b->volunteers);
        }
      g_assert_cmpuint (other->n_rejected, ==, one->n_rejected);
      g_assert_cmpuint (other->n_read_rejected, ==, one->n_read_rejected);
      g_assert_cmpuint (other->n_read_listed, ==, one->n_read_listed);
      g_assert_cmpuint (other->rejected->len, ==, one->rejected->len);
      for (guint i = 0; i < one->rejected->len; i++)
        {
          const ShouhuImportRejection *a = g_ptr_array_index (one->rejected, i);
          const ShouhuImportRejection *b = g_ptr_array_index (other->rejected, i);

          g_assert_cmpstr (a->sheet, ==, b->sheet);
          g_assert_cmpuint (a->row, ==, b->row);
          g_assert_cmpstr (a->reason, ==, b->reason);
          g_assert_cmpstr (a->reason, !=, "");
        }
      g_assert_cmpuint (other->notes->len, ==, one->notes->len);
      for (guint i = 0; i < one->notes->len; i++)
        g_assert_cmpstr (g_ptr_array_index (other->notes, i), ==, g_ptr_array_index (one->notes, i));
    }

  /* A masked form, and after it a form of no district: the masked one's
   * error, whichever thread reads which. */
  g_clear_pointer (&workbook, shouhu_xlsx_workbook_free);
  workbook = shouhu_xlsx_workbook_new_from_file (masked, &error);
  g_assert_no_error (error);
  g_assert_null (read_forms_with_threads (workbook, "1", &error));
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED);
  one_message = g_strdup (error->message);
  g_clear_error (&error);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_assert_null (read_forms_with_threads (workbook, threads[t], &error));
      g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED);
      g_assert_cmpstr (error->message, ==, one_message);
      g_clear_error (&error);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = shouhu_test_temp_dir ();

  shouhu_test_add_openpyxl ("/import/annex2/hand-made", test_hand_made);
  shouhu_test_add_openpyxl ("/import/annex2/rejected", test_rejected);
  shouhu_test_add_openpyxl ("/import/annex2/cli", test_cli);
  shouhu_test_add_openpyxl ("/import/annex2/cli-at-once", test_cli_at_once);
  shouhu_test_add_openpyxl ("/import/annex2/round-trip", test_round_trip);
  shouhu_test_add ("/import/annex2/masked", test_masked);
  shouhu_test_add ("/import/annex2/threads", test_threads);
  shouhu_test_add ("/import/annex2/checksum", test_checksum);
  shouhu_test_add_openpyxl ("/import/annex2/merged-rows", test_merged_rows);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

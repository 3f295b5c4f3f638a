/* test-export-print.c — the official workbooks print legibly on A4
 *
 * Each workbook is written, then print-scale.py reads it with Debian's
 * openpyxl (PYTHON_WITH_OPENPYXL) and works out, from its column widths,
 * row heights, paper, margins, fit-to-page settings and font sizes, at
 * what scale it prints and how large its smallest text comes out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-test-util.h"
#include "shouhu-xlsx-reader.h"

#include <string.h>

/* The smallest text a clerk reads on paper without effort. */
#define LEGIBLE_POINTS 9.0
/* The tallest row a spreadsheet keeps. */
#define MAX_ROW_POINTS 409.0

/* "kind\tsheet" → the rest of the line */
static GHashTable *
print_facts (const char *path)
{
  g_autofree char *out = shouhu_test_read_xlsx ("print-scale.py", path);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *facts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 3);

      if (g_strv_length (f) == 3)
        g_hash_table_insert (facts, g_strdup_printf ("%s\t%s", f[0], f[1]), g_strdup (f[2]));
    }
  return facts;
}

static double
fact (GHashTable *facts,
      const char *kind,
      const char *sheet)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", kind, sheet);
  const char *value = g_hash_table_lookup (facts, key);

  g_assert_nonnull (value);
  return g_ascii_strtod (value, NULL);
}

/* A4 landscape, text at least 9 points once scaled, rows no taller than
 * a spreadsheet keeps. */
static void
assert_legible (GHashTable *facts,
                const char *sheet)
{
  g_test_message ("%s: printed at %g %%, smallest text %g points on paper",
                  sheet, fact (facts, "scale", sheet), fact (facts, "printed", sheet));
  g_assert_cmpfloat (fact (facts, "printed", sheet), >=, LEGIBLE_POINTS);
  g_assert_cmpfloat (fact (facts, "tallest", sheet), <=, MAX_ROW_POINTS);
}

/* A store holding the notice's Annex 1, and where to write a workbook. */
typedef struct
{
  ShouhuStore       *store;
  ShouhuAnnex1Table *notice;
  char              *dir;
  char              *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;

  f->store = shouhu_test_new_store (&db);
  f->dir = g_path_get_dirname (db);
  f->path = g_build_filename (f->dir, "附件1.xlsx", NULL);
  g_assert_true (shouhu_annex1_load_notice_figures (f->store, &error));
  g_assert_no_error (error);
  f->notice = shouhu_annex1_load (f->store, SHOUHU_NOTICE_DATE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->notice, shouhu_annex1_table_free);
  shouhu_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Annex 1 of the notice: one page, its 41 rows at 9 points or more. */
static void
test_annex1 (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_export_annex1 (f->notice, FALSE, f->path, &error));
  g_assert_no_error (error);
  facts = print_facts (f->path);
  g_assert_cmpfloat (fact (facts, "pages-tall", "附件1"), ==, 1);
  assert_legible (facts, "附件1");
}

/* Up to five batches, the one page stays legible: more columns are
 * narrower, down to the width of 支援湖北. */
static void
test_annex1_more_batches (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (int n = 3; n <= 5; n++)
    {
      g_autoptr(ShouhuAnnex1Table) more = NULL;
      g_autoptr(GHashTable) facts = NULL;

      g_assert_true (shouhu_annex1_add_batch (f->store, SHOUHU_NOTICE_DATE, &error));
      g_assert_true (shouhu_annex1_set_pair (f->store, SHOUHU_NOTICE_DATE, 7, n, 1234, 567, &error));
      g_assert_no_error (error);
      more = shouhu_annex1_load (f->store, SHOUHU_NOTICE_DATE, &error);
      g_assert_true (shouhu_export_annex1 (more, FALSE, f->path, &error));
      g_assert_no_error (error);
      facts = print_facts (f->path);
      assert_legible (facts, "附件1");
    }
}

/* The batch headings of the exported Annex 1, left to right. */
static char *
batch_headings (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) book = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_autoptr(GString) headings = g_string_new (NULL);
  const ShouhuXlsxSheet *sheet;

  g_assert_no_error (error);
  sheet = shouhu_xlsx_workbook_get_sheet (book, 0);
  for (guint col = 4; col < shouhu_xlsx_sheet_get_n_columns (sheet); col++)
    {
      const ShouhuXlsxCell *cell = shouhu_xlsx_sheet_get_cell (sheet, 3, col);

      if (cell != NULL)
        g_string_append_printf (headings, "%s%s", headings->len ? " " : "", cell->text);
    }
  return g_strdup (headings->str);
}

/* An empty batch added at the end is not in the form; one with figures
 * is, and so are the notice's two, empty or not. */
static void
test_annex1_empty_batch (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL, *third = NULL;

  g_assert_true (shouhu_annex1_add_batch (f->store, SHOUHU_NOTICE_DATE, &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_export_run (f->store, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, f->path, &error));
  g_assert_no_error (error);
  first = batch_headings (f->path);
  g_assert_cmpstr (first, ==, "第一批 第二批 备注");

  g_assert_true (shouhu_annex1_set_pair (f->store, SHOUHU_NOTICE_DATE, 40, 3, 2, 0, &error));
  g_assert_true (shouhu_annex1_add_batch (f->store, SHOUHU_NOTICE_DATE, &error));
  g_assert_true (shouhu_export_run (f->store, SHOUHU_EXPORT_ANNEX1, NULL, 0, FALSE, f->path, &error));
  g_assert_no_error (error);
  second = batch_headings (f->path);
  g_assert_cmpstr (second, ==, "第一批 第二批 第三批 备注");

  /* A new date with no figures at all keeps the notice's form. */
  g_assert_true (shouhu_annex1_new_date (f->store, "2020-02-14", &error));
  g_assert_no_error (error);
  {
    g_autoptr(ShouhuAnnex1Table) zero = shouhu_annex1_load (f->store, "2020-02-14", &error);

    for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
      for (int b = 0; b < zero->n_batches; b++)
        zero->rows[i].batches[b] = (ShouhuCount) { 0, 0 };
    g_assert_true (shouhu_export_annex1 (zero, FALSE, f->path, &error));
    g_assert_no_error (error);
  }
  third = batch_headings (f->path);
  g_assert_cmpstr (third, ==, "第一批 第二批 备注");
}

/* Annex 2 with every column as long as it gets, and a remark of 5,000
 * characters: the columns wrap within A4's width at full size, and the
 * tall row stops at the tallest a spreadsheet keeps. */
static void
test_annex2 (void)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_export_annex2_sheet_free);
  ShouhuExportAnnex2Sheet *sheet = shouhu_export_annex2_sheet_new (7, "李明", "023-65361234");
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "附件2.xlsx", NULL);
  g_autofree char *masked_path = g_build_filename (dir, "附件2-脱敏.xlsx", NULL);
  g_autoptr(GString) remark = g_string_new (NULL);
  g_autoptr(GHashTable) facts = NULL;
  g_autoptr(GError) error = NULL;
  /* The district is the sheet's, not a column. */
  const char *longest[] = {
    "", "陆军军医大学第一附属医院（西南医院）呼吸与危重症医学科", "欧阳晓燕", "女", "副主任护师",
    "湖北省孝感市第一人民医院重症医学科隔离病区", "重庆市沙坪坝区天星桥街道新桥新村35号附6号7栋3单元12-4",
    "+86 138 1234 5678", "023-65361234-8012",
    "周小红 13300001234、吴刚 023-61234567、郑浩 13900005678、冯雪 13300000003", "",
  };
  const char *plain[] = {
    "", "重庆市沙坪坝区人民医院", "张敏", "男", "医生", "发热门诊", "重庆市沙坪坝区土主镇",
    "13812345678", "", "", "",
  };

  while (g_utf8_strlen (remark->str, -1) < 5000)
    g_string_append (remark, "家中有老人需要照料，孩子需要学业辅导。");
  shouhu_export_annex2_sheet_add (sheet, longest);
  shouhu_export_annex2_sheet_add (sheet, plain);
  longest[SHOUHU_ANNEX2_FIELD_NOTE] = remark->str;
  shouhu_export_annex2_sheet_add (sheet, longest);
  g_ptr_array_add (sheets, sheet);

  g_assert_true (shouhu_export_annex2 (sheets, FALSE, path, &error));
  g_assert_no_error (error);
  facts = print_facts (path);
  g_assert_cmpfloat (fact (facts, "pages-tall", "沙坪坝区"), ==, 0);
  assert_legible (facts, "沙坪坝区");
  g_assert_cmpfloat (fact (facts, "tallest", "沙坪坝区"), ==, MAX_ROW_POINTS);
  /* The long remark is in its cell whole, only its row is capped. */
  g_assert_cmpfloat (fact (facts, "longest", "沙坪坝区"), ==, g_utf8_strlen (remark->str, -1));
  g_clear_pointer (&facts, g_hash_table_unref);

  g_assert_true (shouhu_export_annex2 (sheets, TRUE, masked_path, &error));
  g_assert_no_error (error);
  facts = print_facts (masked_path);
  assert_legible (facts, "沙坪坝区");

  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shouhu_test_add_openpyxl_fixture ("/export-print/annex1", Fixture,
                                    fixture_set_up, test_annex1, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/export-print/annex1-more-batches", Fixture,
                                    fixture_set_up, test_annex1_more_batches, fixture_tear_down);
  shouhu_test_add_fixture ("/export-print/annex1-empty-batch", Fixture,
                           fixture_set_up, test_annex1_empty_batch, fixture_tear_down);
  shouhu_test_add_openpyxl ("/export-print/annex2", test_annex2);
  return g_test_run ();
}

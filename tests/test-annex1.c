/* test-annex1.c — Annex 1 figures, rules, totals, dates and batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-test-util.h"
#include "shouhu-validate.h"

#include <string.h>

/* The notice's table as printed, 共计 columns included:
 * 共计 总人数, 支援湖北, 第一批 总人数, 支援湖北, 第二批 总人数, 支援湖北. */
static const struct {
  const char *name;
  gint64      v[6];
} notice[] = {
  { "万州区", { 5, 0, 5, 0, 0, 0 } },
  { "黔江区", { 19, 0, 19, 0, 0, 0 } },
  { "涪陵区", { 28, 11, 19, 2, 9, 9 } },
  { "渝中区", { 109, 68, 60, 44, 49, 24 } },
  { "大渡口区", { 62, 13, 23, 5, 39, 8 } },
  { "江北区", { 84, 26, 64, 21, 20, 5 } },
  { "沙坪坝区", { 299, 90, 234, 80, 65, 10 } },
  { "九龙坡区", { 154, 52, 89, 42, 65, 10 } },
  { "南岸区", { 81, 41, 45, 31, 36, 10 } },
  { "北碚区", { 62, 11, 8, 2, 54, 9 } },
  { "渝北区", { 125, 27, 91, 21, 34, 6 } },
  { "巴南区", { 38, 9, 26, 7, 12, 2 } },
  { "长寿区", { 50, 1, 32, 1, 18, 0 } },
  { "江津区", { 65, 19, 19, 15, 46, 4 } },
  { "合川区", { 50, 7, 31, 1, 19, 6 } },
  { "永川区", { 52, 0, 49, 0, 3, 0 } },
  { "南川区", { 9, 9, 0, 0, 9, 9 } },
  { "綦江区", { 56, 13, 48, 6, 8, 7 } },
  { "大足区", { 51, 9, 41, 0, 10, 9 } },
  { "璧山区", { 31, 20, 8, 6, 23, 14 } },
  { "铜梁区", { 126, 11, 63, 1, 63, 10 } },
  { "潼南区", { 1, 0, 1, 0, 0, 0 } },
  { "荣昌区", { 25, 0, 25, 0, 0, 0 } },
  { "开州区", { 44, 0, 44, 0, 0, 0 } },
  { "梁平区", { 1, 0, 1, 0, 0, 0 } },
  { "武隆区", { 33, 1, 16, 0, 17, 1 } },
  { "城口县", { 34, 1, 34, 1, 0, 0 } },
  { "丰都县", { 57, 0, 36, 0, 21, 0 } },
  { "垫江县", { 28, 10, 16, 1, 12, 9 } },
  { "忠县", { 27, 2, 24, 2, 3, 0 } },
  { "云阳县", { 37, 1, 22, 1, 15, 0 } },
  { "奉节县", { 8, 0, 8, 0, 0, 0 } },
  { "巫山县", { 5, 0, 4, 0, 1, 0 } },
  { "巫溪县", { 23, 1, 22, 1, 1, 0 } },
  { "石柱土家族自治县", { 5, 0, 4, 0, 1, 0 } },
  { "秀山土家族苗族自治县", { 14, 0, 14, 0, 0, 0 } },
  { "酉阳土家族苗族自治县", { 1, 1, 1, 1, 0, 0 } },
  { "彭水苗族土家族自治县", { 10, 0, 10, 0, 0, 0 } },
  { "两江新区", { 60, 11, 42, 11, 18, 0 } },
  { "高新区", { 2, 1, 1, 1, 1, 0 } },
  { "万盛经开区", { 1, 1, 1, 1, 0, 0 } },
};

static const gint64 notice_sum[6] = { 1972, 467, 1300, 305, 672, 162 };

static void
row_values (const ShouhuAnnex1Table *t,
            int                      row,
            gint64                   v[6])
{
  ShouhuCount sum = shouhu_annex1_row_sum (t, row);

  v[0] = sum.total;
  v[1] = sum.hubei;
  v[2] = t->rows[row].batches[0].total;
  v[3] = t->rows[row].batches[0].hubei;
  v[4] = t->rows[row].batches[1].total;
  v[5] = t->rows[row].batches[1].hubei;
}

static void
test_notice_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Table) t = NULL;
  gboolean exists = TRUE;
  ShouhuCount grand, b1, b2;

  g_assert_false (shouhu_annex1_notice_loaded_as_is (store, &exists, &error));
  g_assert_no_error (error);
  g_assert_false (exists);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_annex1_notice_loaded_as_is (store, &exists, &error));
  g_assert_true (exists);

  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->n_batches, ==, 2);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      gint64 v[6];

      g_assert_cmpstr (shouhu_district_get (t->rows[i].district_id)->name, ==, notice[i].name);
      row_values (t, i, v);
      for (int k = 0; k < 6; k++)
        g_assert_cmpint (v[k], ==, notice[i].v[k]);
    }

  grand = shouhu_annex1_grand_total (t);
  b1 = shouhu_annex1_batch_sum (t, 1);
  b2 = shouhu_annex1_batch_sum (t, 2);
  g_assert_cmpint (grand.total, ==, notice_sum[0]);
  g_assert_cmpint (grand.hubei, ==, notice_sum[1]);
  g_assert_cmpint (b1.total, ==, notice_sum[2]);
  g_assert_cmpint (b1.hubei, ==, notice_sum[3]);
  g_assert_cmpint (b2.total, ==, notice_sum[4]);
  g_assert_cmpint (b2.hubei, ==, notice_sum[5]);

  /* Totals are derived: the database holds batch figures only. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_figure"), ==, 82);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1972);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_check_rules (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_annex1_check (1, 0, 0, &error));
  g_assert_true (shouhu_annex1_check (1, 5, 5, &error));
  g_assert_true (shouhu_annex1_check (2, 1000000, 0, &error));
  g_assert_no_error (error);

  g_assert_false (shouhu_annex1_check (1, 5, 6, &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_check (1, -1, 0, &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_check (1, 3, -1, &error));
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_check (1, 1000001, 0, &error));
  g_clear_error (&error);
}

static void
count_change_cb (ShouhuStore *store,
                 guint       *changes)
{
  (*changes)++;
}

static void
test_set_count (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Table) t = NULL;
  guint changes = 0;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_signal_connect (store, "changed::annex1", G_CALLBACK (count_change_cb), &changes);

  /* 渝中区 第一批 60/44: raise to 70 (full-width digits as typed). */
  g_assert_true (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_TOTAL, "７０", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  /* 支援湖北 up to its 总人数 (70) is fine, one more is not. */
  g_assert_true (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_HUBEI, "70", &error));
  g_assert_false (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_HUBEI, "71", &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID);
  g_clear_error (&error);
  /* Lowering 总人数 below 支援湖北 is refused as well. */
  g_assert_false (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_TOTAL, "69", &error));
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_TOTAL, "-1", &error));
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_set_count (store, "2020-02-07", 4, 1, SHOUHU_ANNEX1_TOTAL, "1.5", &error));
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_set_count (store, "2020-02-07", 4, 3, SHOUHU_ANNEX1_TOTAL, "1", &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_set_count (store, "2020-01-01", 4, 1, SHOUHU_ANNEX1_TOTAL, "1", &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 2);

  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpint (t->rows[3].batches[0].total, ==, 70);
  g_assert_cmpint (t->rows[3].batches[0].hubei, ==, 70);
  g_assert_cmpint (shouhu_annex1_grand_total (t).total, ==, 1982);
  g_assert_cmpint (shouhu_annex1_grand_total (t).hubei, ==, 493);

  g_assert_true (shouhu_annex1_set_note (store, "2020-02-07", 4, "  含援鄂队员 ", &error));
  g_clear_pointer (&t, shouhu_annex1_table_free);
  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpstr (t->rows[3].note, ==, "含援鄂队员");

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_new_date_copies_latest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Table) old = NULL;
  g_autoptr(ShouhuAnnex1Table) fresh = NULL;
  g_auto(GStrv) dates = NULL;
  g_autofree char *latest = NULL;

  /* With nothing stored, a new date starts from zeros. */
  g_assert_true (shouhu_annex1_new_date (store, "2020-02-01", &error));
  g_assert_no_error (error);
  fresh = shouhu_annex1_load (store, "2020-02-01", &error);
  g_assert_cmpint (shouhu_annex1_grand_total (fresh).total, ==, 0);
  g_clear_pointer (&fresh, shouhu_annex1_table_free);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (shouhu_annex1_set_note (store, "2020-02-07", 7, "备注随表复制", &error));
  g_assert_true (shouhu_annex1_new_date (store, "2020/2/14", &error));
  g_assert_no_error (error);

  dates = shouhu_annex1_list_dates (store, &error);
  g_assert_cmpuint (g_strv_length (dates), ==, 3);
  g_assert_cmpstr (dates[0], ==, "2020-02-14");
  g_assert_cmpstr (dates[1], ==, "2020-02-07");
  g_assert_cmpstr (dates[2], ==, "2020-02-01");
  latest = shouhu_annex1_latest_date (store, &error);
  g_assert_cmpstr (latest, ==, "2020-02-14");

  fresh = shouhu_annex1_load (store, "2020-02-14", &error);
  g_assert_cmpint (shouhu_annex1_grand_total (fresh).total, ==, 1972);
  g_assert_cmpstr (fresh->rows[6].note, ==, "备注随表复制");

  /* The copy is independent: the earlier date keeps its figures. */
  g_assert_true (shouhu_annex1_set_count (store, "2020-02-14", 1, 1, SHOUHU_ANNEX1_TOTAL, "6", &error));
  old = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpint (old->rows[0].batches[0].total, ==, 5);

  g_assert_false (shouhu_annex1_new_date (store, "2020-02-14", &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (shouhu_annex1_new_date (store, "2020-02-30", &error));
  g_assert_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_third_batch (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Table) t = NULL;
  g_autofree char *label = shouhu_annex1_batch_label (3);
  int version = shouhu_store_get_schema_version (store);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (shouhu_annex1_add_batch (store, "2020-02-07", &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_annex1_set_count (store, "2020-02-07", 7, 3, SHOUHU_ANNEX1_TOTAL, "30", &error));
  g_assert_true (shouhu_annex1_set_count (store, "2020-02-07", 7, 3, SHOUHU_ANNEX1_HUBEI, "12", &error));
  g_assert_no_error (error);

  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpint (t->n_batches, ==, 3);
  g_assert_cmpint (shouhu_annex1_row_sum (t, 6).total, ==, 299 + 30);
  g_assert_cmpint (shouhu_annex1_row_sum (t, 6).hubei, ==, 90 + 12);
  g_assert_cmpint (shouhu_annex1_batch_sum (t, 3).total, ==, 30);
  g_assert_cmpint (shouhu_annex1_grand_total (t).total, ==, 2002);
  g_assert_cmpint (shouhu_annex1_grand_total (t).hubei, ==, 479);
  g_assert_nonnull (label);

  /* Same schema: a batch is data, not a column. */
  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, version);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_save_table_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuAnnex1Table) t = NULL;
  g_autoptr(ShouhuAnnex1Table) after = NULL;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  t = shouhu_annex1_load (store, "2020-02-07", &error);

  /* A bad row at the end: nothing of the table is written. */
  t->rows[0].batches[0].total = 500;
  t->rows[40].batches[0].hubei = 9;
  g_assert_false (shouhu_annex1_save_table (store, t, &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "万盛经开区"));

  after = shouhu_annex1_load (store, "2020-02-07", NULL);
  g_assert_cmpint (after->rows[0].batches[0].total, ==, 5);
  g_assert_cmpint (shouhu_annex1_grand_total (after).total, ==, 1972);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/annex1/notice-figures", test_notice_figures);
  g_test_add_func ("/annex1/check-rules", test_check_rules);
  g_test_add_func ("/annex1/set-count", test_set_count);
  g_test_add_func ("/annex1/new-date-copies-latest", test_new_date_copies_latest);
  g_test_add_func ("/annex1/third-batch", test_third_batch);
  g_test_add_func ("/annex1/save-table-all-or-nothing", test_save_table_all_or_nothing);
  return g_test_run ();
}

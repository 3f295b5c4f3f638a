/* test-annex1.c — Annex 1 figures, rules, totals, dates and batches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-store-private.h"
#include "shouhu-test-notice.h"
#include "shouhu-test-util.h"
#include "shouhu-validate.h"

#include <string.h>

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
  gboolean exists = TRUE, as_is = TRUE;
  ShouhuCount grand, b1, b2;

  g_assert_true (shouhu_annex1_check_notice_table (store, &exists, &as_is, &error));
  g_assert_no_error (error);
  g_assert_false (exists);
  g_assert_false (as_is);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_no_error (error);
  g_assert_true (shouhu_annex1_check_notice_table (store, &exists, &as_is, &error));
  g_assert_true (exists);
  g_assert_true (as_is);

  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_no_error (error);
  g_assert_cmpint (t->n_batches, ==, 2);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      gint64 v[6];

      g_assert_cmpstr (shouhu_district_get (t->rows[i].district_id)->name, ==, shouhu_test_notice[i].name);
      row_values (t, i, v);
      for (int k = 0; k < 6; k++)
        g_assert_cmpint (v[k], ==, shouhu_test_notice[i].v[k]);
    }

  grand = shouhu_annex1_grand_total (t);
  b1 = shouhu_annex1_batch_sum (t, 1);
  b2 = shouhu_annex1_batch_sum (t, 2);
  g_assert_cmpint (grand.total, ==, shouhu_test_notice_sum[0]);
  g_assert_cmpint (grand.hubei, ==, shouhu_test_notice_sum[1]);
  g_assert_cmpint (b1.total, ==, shouhu_test_notice_sum[2]);
  g_assert_cmpint (b1.hubei, ==, shouhu_test_notice_sum[3]);
  g_assert_cmpint (b2.total, ==, shouhu_test_notice_sum[4]);
  g_assert_cmpint (b2.hubei, ==, shouhu_test_notice_sum[5]);

  /* Totals are derived: the database holds batch figures only. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_figure"), ==, 82);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum(total) FROM annex1_figure"), ==, 1972);

  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* The form's batch headings and the parser read each other back. */
static void
test_batch_round_trip (void)
{
  static const struct { const char *heading; int batch; } written[] = {
    { "第一批", 1 }, { "第十批", 10 }, { "第十一批", 11 }, { "第二十批", 20 }, { "第二十一批", 21 },
    /* As people write it by hand. */
    { "第1批", 1 }, { "第3批", 3 }, { "第三批", 3 }, { "第12批", 12 },
    /* No batch. */
    { "共计", 0 }, { "第批", 0 }, { "批", 0 }, { "第x批", 0 }, { "第一", 0 }, { "第一二批", 0 },
  };

  for (int b = 1; b <= 20; b++)
    {
      g_autofree char *heading = shouhu_annex1_batch_heading (b);

      g_assert_true (g_str_has_prefix (heading, "第") && g_str_has_suffix (heading, "批"));
      g_assert_cmpint (shouhu_annex1_batch_parse (heading), ==, b);
    }
  for (guint i = 0; i < G_N_ELEMENTS (written); i++)
    g_assert_cmpint (shouhu_annex1_batch_parse (written[i].heading), ==, written[i].batch);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *heading = shouhu_annex1_batch_heading (written[i].batch);

      g_assert_cmpstr (heading, ==, written[i].heading);
    }
}

/* A store that cannot be read is a failure, never the answer "no table". */
static void
test_notice_table_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  gboolean exists = TRUE, as_is = TRUE;

  g_assert_true (shouhu_store_exec (store, "ALTER TABLE annex1_table RENAME TO annex1_away", &error));
  g_assert_false (shouhu_annex1_check_notice_table (store, &exists, &as_is, &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
  g_assert_false (exists);
  g_assert_false (as_is);
  g_clear_error (&error);

  g_assert_false (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED);
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

  /* A batch with figures is never taken back; an empty one is. */
  g_assert_false (shouhu_annex1_remove_last_batch (store, "2020-02-07", &error));
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (shouhu_annex1_add_batch (store, "2020-02-07", &error));
  g_assert_true (shouhu_annex1_remove_last_batch (store, "2020-02-07", &error));
  g_assert_no_error (error);
  g_clear_pointer (&t, shouhu_annex1_table_free);
  t = shouhu_annex1_load (store, "2020-02-07", &error);
  g_assert_cmpint (t->n_batches, ==, 3);
  g_assert_cmpint (shouhu_annex1_grand_total (t).total, ==, 2002);

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
  g_test_add_func ("/annex1/batch-round-trip", test_batch_round_trip);
  g_test_add_func ("/annex1/notice-table-unreadable", test_notice_table_unreadable);
  g_test_add_func ("/annex1/check-rules", test_check_rules);
  g_test_add_func ("/annex1/set-count", test_set_count);
  g_test_add_func ("/annex1/new-date-copies-latest", test_new_date_copies_latest);
  g_test_add_func ("/annex1/third-batch", test_third_batch);
  g_test_add_func ("/annex1/save-table-all-or-nothing", test_save_table_all_or_nothing);
  return g_test_run ();
}

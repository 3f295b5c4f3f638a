/* test-figures.c — the counts per district against sums worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-figures.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

typedef struct
{
  char        *path;
  ShouhuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);

  g_clear_object (&fx->store);
  shouhu_test_rm_rf (dir);
  g_free (fx->path);
}

static void
load_notice (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_annex1_load_notice_figures (fx->store, &error));
  g_assert_no_error (error);
}

static ShouhuFigures *
compute (Fixture    *fx,
         const char *as_of)
{
  g_autoptr(GError) error = NULL;
  ShouhuFigures *figures = shouhu_figures_compute (fx->store, as_of, &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static void
assert_district (const ShouhuDistrictFigures *f,
                 int                          district_id,
                 gint64                       total,
                 gint64                       hubei,
                 gint64                       workers,
                 gint64                       covered,
                 gint64                       volunteers,
                 gboolean                     needs_attention)
{
  g_assert_cmpint (f->district_id, ==, district_id);
  g_assert_cmpint (f->annex1_total, ==, total);
  g_assert_cmpint (f->annex1_hubei, ==, hubei);
  g_assert_cmpint (f->workers, ==, workers);
  g_assert_cmpint (f->covered, ==, covered);
  g_assert_cmpint (f->uncovered, ==, workers - covered);
  g_assert_cmpint (f->volunteers, ==, volunteers);
  g_assert_cmpint (f->needs_attention, ==, needs_attention);
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = compute (fx, NULL);

  g_assert_null (figures->as_of);
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    assert_district (&figures->districts[i], i + 1, 0, 0, 0, 0, 0, FALSE);
  assert_district (&figures->city, 0, 0, 0, 0, 0, 0, FALSE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->city), ==, 0.0);
}

/* Before the Annex 2 schema exists, and right after it is created, there
 * is nothing recorded: every district with staff in Annex 1 needs a look. */
static void
test_notice_only (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(ShouhuAnnex1Table) notice = NULL;

  load_notice (fx);
  figures = compute (fx, NULL);
  notice = shouhu_annex1_notice_figures (NULL);

  g_assert_cmpstr (figures->as_of, ==, "2020-02-07");
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      ShouhuCount sum = shouhu_annex1_row_sum (notice, i);

      assert_district (&figures->districts[i], i + 1, sum.total, sum.hubei, 0, 0, 0, TRUE);
    }
  assert_district (&figures->districts[0], 1, 5, 0, 0, 0, 0, TRUE);        /* 万州区 5 + 0 */
  assert_district (&figures->districts[3], 4, 109, 68, 0, 0, 0, TRUE);     /* 渝中区 60 + 49, 44 + 24 */
  assert_district (&figures->districts[6], 7, 299, 90, 0, 0, 0, TRUE);     /* 沙坪坝区 234 + 65, 80 + 10 */
  assert_district (&figures->districts[16], 17, 9, 9, 0, 0, 0, TRUE);      /* 南川区 0 + 9, 0 + 9 */
  assert_district (&figures->districts[39], 40, 2, 1, 0, 0, 0, TRUE);      /* 高新区 1 + 1, 1 + 0 */
  assert_district (&figures->city, 0, 1972, 467, 0, 0, 0, TRUE);
}

static void
test_annex2_set (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  int attention = 0;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  figures = compute (fx, NULL);

  /* 万州区: 5 recorded of 5, all with a volunteer (w1 has two); vA, vB. */
  assert_district (&figures->districts[0], 1, 5, 0, 5, 5, 2, FALSE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->districts[0]), ==, 1.0);
  /* 黔江区: 2 recorded of 19, one without a volunteer; vC. */
  assert_district (&figures->districts[1], 2, 19, 0, 2, 1, 1, TRUE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->districts[1]), ==, 0.5);
  /* 渝中区: none recorded of 109; vF lives there but looks after nobody. */
  assert_district (&figures->districts[3], 4, 109, 68, 0, 0, 1, TRUE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->districts[3]), ==, 0.0);
  /* 高新区: 3 recorded, more than its 2, all covered (w10 by vA of 万州区). */
  assert_district (&figures->districts[39], 40, 2, 1, 3, 3, 1, FALSE);
  /* 万盛经开区: 1 recorded of 1, but without a volunteer. */
  assert_district (&figures->districts[40], 41, 1, 1, 1, 0, 0, TRUE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->districts[40]), ==, 0.0);

  /* City: 5 + 2 + 3 + 1 = 11 recorded, 5 + 1 + 3 + 0 = 9 covered, all 6
   * volunteers (vE has no district). */
  assert_district (&figures->city, 0, 1972, 467, 11, 9, 6, TRUE);
  g_assert_cmpfloat_with_epsilon (shouhu_figures_coverage (&figures->city), 9.0 / 11.0, 1e-12);

  /* Every district but 万州区 and 高新区 has fewer records than staff or a
   * family without a volunteer. */
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    attention += figures->districts[i].needs_attention;
  g_assert_cmpint (attention, ==, 39);

  /* Taking away w7 and pairing w11 clears 万盛经开区 and the uncovered count. */
  g_assert_true (sqlite3_exec (shouhu_store_get_db (fx->store),
                               "DELETE FROM worker WHERE id = 7;"
                               "INSERT INTO pairing (worker_id, volunteer_id, created)"
                               " VALUES (11, 5, '2020-02-09T08:00:00');",
                               NULL, NULL, NULL) == SQLITE_OK);
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL);
  assert_district (&figures->districts[1], 2, 19, 0, 1, 1, 1, TRUE);
  assert_district (&figures->districts[40], 41, 1, 1, 1, 1, 0, FALSE);
  assert_district (&figures->city, 0, 1972, 467, 10, 10, 6, TRUE);
  g_assert_cmpfloat (shouhu_figures_coverage (&figures->city), ==, 1.0);
}

/* The gate: a family whose volunteers are not ready (待上岗) is paired
 * but not guarded, and counts as uncovered. */
static void
test_gate (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);

  /* vA's insurance ended yesterday: w2, w3 (万州区) and w10 (高新区) had
   * only vA; w1 keeps vB. */
  g_assert_true (sqlite3_exec (shouhu_store_get_db (fx->store),
                               "UPDATE volunteer SET insured_until = date ('now', 'localtime', '-1 day') "
                               "WHERE id = 1", NULL, NULL, NULL) == SQLITE_OK);
  figures = compute (fx, NULL);
  assert_district (&figures->districts[0], 1, 5, 0, 5, 3, 2, TRUE);
  assert_district (&figures->districts[39], 40, 2, 1, 3, 2, 1, TRUE);
  assert_district (&figures->city, 0, 1972, 467, 11, 6, 6, TRUE);

  /* Insured until today is enough; gear without 消毒液 is not (vD). */
  g_assert_true (sqlite3_exec (shouhu_store_get_db (fx->store),
                               "UPDATE volunteer SET insured_until = date ('now', 'localtime') WHERE id = 1;"
                               "UPDATE volunteer SET gear = 3 WHERE id = 4;", NULL, NULL, NULL) == SQLITE_OK);
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL);
  assert_district (&figures->districts[0], 1, 5, 0, 5, 5, 2, FALSE);
  assert_district (&figures->districts[39], 40, 2, 1, 3, 1, 1, TRUE);

  /* Training missing: nobody vB guards is guarded by vB any more. */
  g_assert_true (sqlite3_exec (shouhu_store_get_db (fx->store),
                               "UPDATE volunteer SET trained_on = '' WHERE id = 2", NULL, NULL, NULL) == SQLITE_OK);
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL);
  assert_district (&figures->districts[0], 1, 5, 0, 5, 3, 2, TRUE);   /* w4, w5 had only vB */
}

static void
test_dates (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(ShouhuFigures) latest = NULL;
  g_autoptr(ShouhuFigures) notice = NULL;
  g_autoptr(ShouhuFigures) missing = NULL;
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_no_error (error);
  /* 万州区 第一批 5 → 7, 支援湖北 0 → 2; a third batch adds 高新区 3 more. */
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 1, 1, SHOUHU_ANNEX1_TOTAL, "7", &error));
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 1, 1, SHOUHU_ANNEX1_HUBEI, "2", &error));
  g_assert_true (shouhu_annex1_add_batch (fx->store, "2020-02-10", &error));
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 40, 3, SHOUHU_ANNEX1_TOTAL, "3", &error));
  g_assert_no_error (error);

  latest = compute (fx, NULL);
  g_assert_cmpstr (latest->as_of, ==, "2020-02-10");
  assert_district (&latest->districts[0], 1, 7, 2, 0, 0, 0, TRUE);
  assert_district (&latest->districts[39], 40, 5, 1, 0, 0, 0, TRUE);
  assert_district (&latest->city, 0, 1972 + 2 + 3, 467 + 2, 0, 0, 0, TRUE);

  notice = compute (fx, "2020-02-07");
  g_assert_cmpstr (notice->as_of, ==, "2020-02-07");
  assert_district (&notice->districts[0], 1, 5, 0, 0, 0, 0, TRUE);
  assert_district (&notice->city, 0, 1972, 467, 0, 0, 0, TRUE);

  missing = shouhu_figures_compute (fx->store, "2020-03-01", &error);
  g_assert_null (missing);
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/figures/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/figures/notice-only", Fixture, NULL, fixture_set_up, test_notice_only, fixture_tear_down);
  g_test_add ("/figures/annex2-set", Fixture, NULL, fixture_set_up, test_annex2_set, fixture_tear_down);
  g_test_add ("/figures/gate", Fixture, NULL, fixture_set_up, test_gate, fixture_tear_down);
  g_test_add ("/figures/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  return g_test_run ();
}

/* test-figures.c — the figures per district against values worked out by
 * hand: rates over 100 % and without a base, carried-over dates, changes
 * since the date before, and Annex 2 that went stale
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-export.h"
#include "shouhu-figures.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-store-private.h"

#include <string.h>

/* The fixture's Annex 2 set was written on 2020-02-08: "today" is fixed
 * so that the days since are known. */
#define TODAY "2020-02-12"

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
         const char *as_of,
         const char *today,
         int         stale_days)
{
  g_autoptr(GError) error = NULL;
  ShouhuFigures *figures = shouhu_figures_compute_full (fx->store, as_of, today, stale_days, &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  return figures;
}

static void
exec (Fixture    *fx,
      const char *sql)
{
  g_assert_cmpint (sqlite3_exec (shouhu_store_get_db (fx->store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
set_count (Fixture           *fx,
           const char        *as_of,
           int                district_id,
           int                batch,
           ShouhuAnnex1Field  field,
           const char        *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_annex1_set_count (fx->store, as_of, district_id, batch, field, text, &error));
  g_assert_no_error (error);
}

static void
assert_counts (const ShouhuDistrictFigures *f,
               int                          district_id,
               gint64                       total,
               gint64                       hubei,
               gint64                       workers,
               gint64                       paired,
               gint64                       guarded,
               gint64                       volunteers)
{
  g_assert_cmpint (f->district_id, ==, district_id);
  g_assert_cmpint (f->annex1_total, ==, total);
  g_assert_cmpint (f->annex1_hubei, ==, hubei);
  g_assert_cmpint (f->workers, ==, workers);
  g_assert_cmpint (f->paired, ==, paired);
  g_assert_cmpint (f->guarded, ==, guarded);
  g_assert_cmpint (f->volunteers, ==, volunteers);
}

static void
assert_rate (const ShouhuDistrictFigures *f,
             ShouhuRate                   rate,
             double                       expected,
             const char                  *shown)
{
  g_autofree char *text = shouhu_format_rate (shouhu_figures_rate (f, rate));

  g_assert_cmpfloat_with_epsilon (shouhu_figures_rate (f, rate), expected, 1e-12);
  g_assert_cmpstr (text, ==, shown);
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = compute (fx, NULL, TODAY, 3);

  g_assert_null (figures->as_of);
  g_assert_null (figures->previous);
  /* Without an Annex 1 date readiness is counted on today. */
  g_assert_cmpstr (figures->day, ==, TODAY);
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      assert_counts (&figures->districts[i], i + 1, 0, 0, 0, 0, 0, 0);
      /* Nothing to report for, nothing counted, nothing to update. */
      g_assert_cmpuint (figures->districts[i].needs, ==, 0);
      g_assert_cmpint (figures->districts[i].annex2_age, ==, -1);
    }
  assert_counts (&figures->city, 0, 0, 0, 0, 0, 0, 0);
  for (int r = 0; r < SHOUHU_N_RATES; r++)
    assert_rate (&figures->city, r, -1.0, "—");
}

/* The notice alone: every district reported (the notice's table was
 * stored whole), nobody is recorded, so each one with staff needs an
 * update and guardians. */
static void
test_notice_only (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(ShouhuAnnex1Table) notice = NULL;

  load_notice (fx);
  figures = compute (fx, NULL, TODAY, 3);
  notice = shouhu_annex1_notice_figures (NULL);

  g_assert_cmpstr (figures->as_of, ==, "2020-02-07");
  g_assert_null (figures->previous);
  g_assert_cmpstr (figures->day, ==, "2020-02-07");
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      ShouhuCount sum = shouhu_annex1_row_sum (notice, i);

      assert_counts (&figures->districts[i], i + 1, sum.total, sum.hubei, 0, 0, 0, 0);
      g_assert_true (figures->districts[i].reported);
      g_assert_cmpuint (figures->districts[i].needs, ==, SHOUHU_NEEDS_UPDATE | SHOUHU_NEEDS_GUARDS);
    }
  assert_counts (&figures->districts[0], 1, 5, 0, 0, 0, 0, 0);        /* 万州区 5 + 0 */
  assert_counts (&figures->districts[3], 4, 109, 68, 0, 0, 0, 0);     /* 渝中区 60 + 49, 44 + 24 */
  assert_counts (&figures->districts[16], 17, 9, 9, 0, 0, 0, 0);      /* 南川区 0 + 9, 0 + 9 */
  assert_counts (&figures->city, 0, 1972, 467, 0, 0, 0, 0);
  g_assert_true (figures->city.reported);
  assert_rate (&figures->city, SHOUHU_RATE_REGISTERED, 0.0, "0%");
  assert_rate (&figures->city, SHOUHU_RATE_PAIRED, -1.0, "—");
  g_assert_cmpuint (shouhu_figures_count_needing (figures, SHOUHU_NEEDS_REPORT), ==, 0);
  g_assert_cmpuint (shouhu_figures_count_needing (figures, SHOUHU_NEEDS_UPDATE), ==, 41);
}

/* shouhu-test-annex2.c's set against the notice:
 *   万州区 (1):     5 of 5 recorded, all paired; vA, vB live there
 *   黔江区 (2):     2 of 19, one paired; vC
 *   渝中区 (4):     0 of 109; vF lives there
 *   高新区 (40):    3 recorded but Annex 1 counts 2: 150 %, all paired; vD
 *   万盛经开区 (41): 1 of 1, not paired
 * Its volunteers are ready (trained, equipped, insured) from 2020-02-08:
 * as of the notice's 2020-02-07 nobody was yet, so no family is guarded
 * on that date however it is paired. */
static void
test_annex2_set (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  const ShouhuDistrictFigures *d;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  figures = compute (fx, NULL, TODAY, 3);

  d = &figures->districts[0];
  assert_counts (d, 1, 5, 0, 5, 5, 0, 2);
  assert_rate (d, SHOUHU_RATE_REGISTERED, 1.0, "100%");
  assert_rate (d, SHOUHU_RATE_PAIRED, 1.0, "100%");
  assert_rate (d, SHOUHU_RATE_GUARDED, 0.0, "0%");

  d = &figures->districts[1];
  assert_counts (d, 2, 19, 0, 2, 1, 0, 1);
  assert_rate (d, SHOUHU_RATE_REGISTERED, 2.0 / 19.0, "10%");
  assert_rate (d, SHOUHU_RATE_PAIRED, 0.5, "50%");

  d = &figures->districts[3];
  assert_counts (d, 4, 109, 68, 0, 0, 0, 1);
  assert_rate (d, SHOUHU_RATE_REGISTERED, 0.0, "0%");
  assert_rate (d, SHOUHU_RATE_PAIRED, -1.0, "—");

  /* Over 100 %: shown as it is and flagged, never capped. */
  d = &figures->districts[39];
  assert_counts (d, 40, 2, 1, 3, 3, 0, 1);
  assert_rate (d, SHOUHU_RATE_REGISTERED, 1.5, "150%");
  g_assert_true (d->needs & SHOUHU_NEEDS_CHECK);

  d = &figures->districts[40];
  assert_counts (d, 41, 1, 1, 1, 0, 0, 0);
  assert_rate (d, SHOUHU_RATE_PAIRED, 0.0, "0%");
  g_assert_false (d->needs & SHOUHU_NEEDS_CHECK);

  /* City: 11 recorded of 1972, 5 + 1 + 3 = 9 paired of 11, and all six
   * volunteers (vE has no district). */
  assert_counts (&figures->city, 0, 1972, 467, 11, 9, 0, 6);
  assert_rate (&figures->city, SHOUHU_RATE_REGISTERED, 11.0 / 1972.0, "0%");
  assert_rate (&figures->city, SHOUHU_RATE_PAIRED, 9.0 / 11.0, "81%");
  assert_rate (&figures->city, SHOUHU_RATE_GUARDED, 0.0, "0%");

  /* Only 高新区 has more records than staff; no family is guarded. */
  g_assert_cmpuint (shouhu_figures_count_needing (figures, SHOUHU_NEEDS_CHECK), ==, 1);
  g_assert_cmpuint (shouhu_figures_count_needing (figures, SHOUHU_NEEDS_GUARDS), ==, 41);
  g_assert_cmpuint (figures->city.needs, ==, SHOUHU_NEEDS_UPDATE | SHOUHU_NEEDS_GUARDS | SHOUHU_NEEDS_CHECK);

  /* Taking away w7 and pairing w11 change the pairs, not the guards. */
  exec (fx, "DELETE FROM worker WHERE id = 7;"
            "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (11, 5, '2020-02-09T08:00:00');");
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL, TODAY, 3);
  assert_counts (&figures->districts[1], 2, 19, 0, 1, 1, 0, 1);
  assert_counts (&figures->districts[40], 41, 1, 1, 1, 1, 0, 0);
  assert_counts (&figures->city, 0, 1972, 467, 10, 10, 0, 6);
  assert_rate (&figures->city, SHOUHU_RATE_PAIRED, 1.0, "100%");
}

/* The gate (绝不上岗): a family is guarded on the chosen date only by a
 * volunteer ready on that date; paired with volunteers not ready (待上岗)
 * it is paired, not guarded. */
static void
test_gate (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_no_error (error);

  /* vA's insurance ended the day before: w2, w3 (万州区) and w10 (高新区)
   * had only vA; w1 keeps vB. */
  exec (fx, "UPDATE volunteer SET insured_until = '2020-02-09' WHERE id = 1");
  figures = compute (fx, NULL, TODAY, 3);
  assert_counts (&figures->districts[0], 1, 5, 0, 5, 5, 3, 2);
  assert_counts (&figures->districts[39], 40, 2, 1, 3, 3, 2, 1);
  assert_counts (&figures->city, 0, 1972, 467, 11, 9, 6, 6);
  assert_rate (&figures->districts[0], SHOUHU_RATE_GUARDED, 3.0 / 5.0, "60%");
  g_assert_true (figures->districts[0].needs & SHOUHU_NEEDS_GUARDS);

  /* Insured until the date itself is enough; gear without 消毒液 is not
   * (vD). */
  exec (fx, "UPDATE volunteer SET insured_until = '2020-02-10' WHERE id = 1;"
            "UPDATE volunteer SET gear = 3 WHERE id = 4;");
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL, TODAY, 3);
  assert_counts (&figures->districts[0], 1, 5, 0, 5, 5, 5, 2);
  g_assert_false (figures->districts[0].needs & SHOUHU_NEEDS_GUARDS);
  assert_counts (&figures->districts[39], 40, 2, 1, 3, 3, 1, 1);

  /* Training missing: the families only vB guards are not guarded. */
  exec (fx, "UPDATE volunteer SET trained_on = '' WHERE id = 2");
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL, TODAY, 3);
  assert_counts (&figures->districts[0], 1, 5, 0, 5, 5, 3, 2);   /* w4, w5 had only vB */

  /* As of the notice's date, before anyone was trained, nobody. */
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, "2020-02-07", TODAY, 3);
  g_assert_cmpstr (figures->day, ==, "2020-02-07");
  assert_counts (&figures->city, 0, 1972, 467, 11, 9, 0, 6);
}

/* A new date copies the figures: nobody has reported for it until a
 * figure is typed or the report confirmed.  万州区 types 7 (+2) and 2
 * (+2), 黔江区 confirms its 19, 万盛经开区 reports 0 (−1, −1). */
static void
test_carried_over (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(ShouhuFigures) latest = NULL;
  g_autoptr(ShouhuFigures) notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delta = NULL;
  const ShouhuDistrictFigures *d;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_no_error (error);

  latest = compute (fx, NULL, TODAY, 3);
  g_assert_cmpstr (latest->as_of, ==, "2020-02-10");
  g_assert_cmpstr (latest->previous, ==, "2020-02-07");
  g_assert_cmpuint (shouhu_figures_count_needing (latest, SHOUHU_NEEDS_REPORT), ==, 41);
  g_assert_false (latest->city.reported);
  /* Equal figures: no change anywhere, and that is shown as 0. */
  g_assert_cmpint (latest->city.total_delta, ==, 0);
  delta = shouhu_format_delta (latest, latest->city.total_delta);
  g_assert_cmpstr (delta, ==, "0");
  g_clear_pointer (&latest, shouhu_figures_free);

  set_count (fx, "2020-02-10", 1, 1, SHOUHU_ANNEX1_TOTAL, "7");
  set_count (fx, "2020-02-10", 1, 1, SHOUHU_ANNEX1_HUBEI, "2");
  g_assert_true (shouhu_annex1_confirm_report (fx->store, "2020-02-10", 2, &error));
  g_assert_no_error (error);
  set_count (fx, "2020-02-10", 41, 1, SHOUHU_ANNEX1_HUBEI, "0");
  set_count (fx, "2020-02-10", 41, 1, SHOUHU_ANNEX1_TOTAL, "0");

  latest = compute (fx, NULL, TODAY, 3);
  g_assert_cmpuint (shouhu_figures_count_needing (latest, SHOUHU_NEEDS_REPORT), ==, 38);
  g_assert_true (latest->districts[0].reported);
  g_assert_true (latest->districts[1].reported);
  g_assert_true (latest->districts[40].reported);
  g_assert_false (latest->districts[3].reported);
  g_assert_true (latest->districts[3].needs & SHOUHU_NEEDS_REPORT);

  /* On 2020-02-10 the volunteers are ready: paired families are guarded. */
  d = &latest->districts[0];
  assert_counts (d, 1, 7, 2, 5, 5, 5, 2);
  g_assert_cmpint (d->total_delta, ==, 2);
  g_assert_cmpint (d->hubei_delta, ==, 2);
  assert_rate (d, SHOUHU_RATE_REGISTERED, 5.0 / 7.0, "71%");

  /* Annex 1 counts nobody: no rate against it, and one record is more
   * than it counts. */
  d = &latest->districts[40];
  assert_counts (d, 41, 0, 0, 1, 0, 0, 0);
  g_assert_cmpint (d->total_delta, ==, -1);
  g_assert_cmpint (d->hubei_delta, ==, -1);
  assert_rate (d, SHOUHU_RATE_REGISTERED, -1.0, "—");
  assert_rate (d, SHOUHU_RATE_GUARDED, -1.0, "—");
  assert_rate (d, SHOUHU_RATE_PAIRED, 0.0, "0%");
  g_assert_true (d->needs & SHOUHU_NEEDS_CHECK);
  g_clear_pointer (&delta, g_free);
  delta = shouhu_format_delta (latest, d->total_delta);
  g_assert_cmpstr (delta, ==, "−1");

  /* City: 1972 + 2 − 1, 467 + 2 − 1. */
  assert_counts (&latest->city, 0, 1973, 468, 11, 9, 9, 6);
  g_assert_cmpint (latest->city.total_delta, ==, 1);
  g_assert_cmpint (latest->city.hubei_delta, ==, 1);

  /* The date before is as it was: reported, without a date before it,
   * and nobody guarded on it. */
  notice = compute (fx, "2020-02-07", TODAY, 3);
  g_assert_null (notice->previous);
  g_assert_cmpuint (shouhu_figures_count_needing (notice, SHOUHU_NEEDS_REPORT), ==, 0);
  assert_counts (&notice->districts[0], 1, 5, 0, 5, 5, 0, 2);
  g_clear_pointer (&delta, g_free);
  delta = shouhu_format_delta (notice, notice->districts[0].total_delta);
  g_assert_cmpstr (delta, ==, "—");

  g_clear_pointer (&latest, shouhu_figures_free);
  latest = shouhu_figures_compute_full (fx->store, "2020-03-01", TODAY, 3, &error);
  g_assert_null (latest);
  g_assert_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE);
}

/* A whole table stored (the notice, an import) is a report for every
 * district, also for a date that was carried over. */
static void
test_saved_table_reports (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(ShouhuAnnex1Table) table = NULL;
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  table = shouhu_annex1_load (fx->store, "2020-02-10", &error);
  g_assert_no_error (error);
  table->rows[6].batches[0].total = 240;
  g_assert_true (shouhu_annex1_save_table (fx->store, table, &error));
  g_assert_no_error (error);

  figures = compute (fx, NULL, TODAY, 3);
  g_assert_cmpuint (shouhu_figures_count_needing (figures, SHOUHU_NEEDS_REPORT), ==, 0);
  g_assert_true (figures->city.reported);
  /* 沙坪坝区 第一批 234 → 240. */
  g_assert_cmpint (figures->districts[6].total_delta, ==, 6);
  g_assert_cmpint (figures->city.total_delta, ==, 6);
}

/* When Annex 2 last changed, per district: its records' own stamps,
 * their history, records deleted or moved out, the form's header. */
static void
test_annex2_changes (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);

  /* Two days after 2020-02-08 is not yet stale at 3 days, but is at 2. */
  figures = compute (fx, NULL, "2020-02-10", 3);
  g_assert_cmpstr (figures->districts[0].annex2_changed, ==, "2020-02-08T09:00:00");
  g_assert_cmpint (figures->districts[0].annex2_age, ==, 2);
  g_assert_false (figures->districts[0].needs & SHOUHU_NEEDS_UPDATE);
  /* Nothing recorded while Annex 1 counts staff: needs an update. */
  g_assert_cmpstr (figures->districts[3].annex2_changed, ==, "");
  g_assert_true (figures->districts[3].needs & SHOUHU_NEEDS_UPDATE);
  g_clear_pointer (&figures, shouhu_figures_free);
  figures = compute (fx, NULL, "2020-02-10", 2);
  g_assert_true (figures->districts[0].needs & SHOUHU_NEEDS_UPDATE);
  reason = shouhu_figures_describe_need (figures, &figures->districts[0], SHOUHU_NEEDS_UPDATE, TRUE);
  g_assert_cmpstr (reason, ==, "需更新：附件2已2天未变动（最近一次2020年2月8日）");
  g_clear_pointer (&figures, shouhu_figures_free);

  /* An edit of 乙一 (黔江区) later than its record's stamp, a record of
   * 渝中区 deleted (its history keeps the district's name), a record
   * moved from 万州区 to 江北区 (6), and 北碚区's (9) form header. */
  exec (fx, "INSERT INTO history (at, entity, entity_id, action, field, old_value, new_value) VALUES"
            " ('2020-02-11T10:00:00', 'worker', 6, 'edit', 'title', '', '护士'),"
            " ('2020-02-09T10:00:00', 'worker', 99, 'delete', 'district_id', '渝中区', NULL),"
            " ('2020-02-10T10:00:00', 'volunteer', 3, 'edit', 'district_id', '渝中区', '黔江区'),"
            " ('2020-02-11T09:00:00', 'district_form', 9, 'edit', 'reporter', '', '王芳');"
            "UPDATE worker SET district_id = 6, changed = '2020-02-10T08:00:00' WHERE id = 5;"
            "INSERT INTO history (at, entity, entity_id, action, field, old_value, new_value) VALUES"
            " ('2020-02-10T08:00:00', 'worker', 5, 'edit', 'district_id', '万州区', '江北区');");
  figures = compute (fx, NULL, TODAY, 3);
  g_assert_cmpstr (figures->districts[1].annex2_changed, ==, "2020-02-11T10:00:00");
  g_assert_cmpint (figures->districts[1].annex2_age, ==, 1);
  /* A volunteer moving is no change of 渝中区's Annex 2. */
  g_assert_cmpstr (figures->districts[3].annex2_changed, ==, "2020-02-09T10:00:00");
  g_assert_cmpint (figures->districts[3].annex2_age, ==, 3);
  g_assert_true (figures->districts[3].needs & SHOUHU_NEEDS_UPDATE);
  g_assert_cmpstr (figures->districts[0].annex2_changed, ==, "2020-02-10T08:00:00");
  g_assert_cmpstr (figures->districts[5].annex2_changed, ==, "2020-02-10T08:00:00");
  g_assert_cmpstr (figures->districts[8].annex2_changed, ==, "2020-02-11T09:00:00");
  g_assert_cmpstr (figures->districts[41 - 1].annex2_changed, ==, "2020-02-08T09:00:00");
  g_assert_cmpstr (figures->city.annex2_changed, ==, "2020-02-11T10:00:00");
  g_clear_pointer (&figures, shouhu_figures_free);

  /* Through the model: deleting 丙一 changes 高新区 today. */
  deleted = shouhu_annex2_delete_worker (fx->store, 8, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deleted);
  figures = compute (fx, NULL, NULL, 3);
  g_assert_cmpint (figures->districts[39].annex2_age, ==, 0);
  g_assert_false (figures->districts[39].needs & SHOUHU_NEEDS_UPDATE);
}

static void
test_reasons (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ShouhuFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  const ShouhuNeeds all[] = {
    SHOUHU_NEEDS_REPORT, SHOUHU_NEEDS_UPDATE, SHOUHU_NEEDS_GUARDS, SHOUHU_NEEDS_CHECK,
  };
  const struct { int district; ShouhuNeeds need; const char *zh; } reasons[] = {
    { 4, SHOUHU_NEEDS_REPORT, "未报送：2020年2月10日的附件1数字沿用2020年2月7日的数字" },
    { 4, SHOUHU_NEEDS_UPDATE, "需更新：附件2尚无任何记录" },
    { 4, SHOUHU_NEEDS_GUARDS, "守护不足：0户有可上岗志愿者守护，应守护109户" },
    { 41, SHOUHU_NEEDS_GUARDS, "守护不足：0户有可上岗志愿者守护，应守护1户" },
    { 40, SHOUHU_NEEDS_CHECK, "人数待核对：附件2登记3人，附件1为2人" },
    { 1, SHOUHU_NEEDS_UPDATE, "需更新：附件2已4天未变动（最近一次2020年2月8日）" },
  };

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_no_error (error);
  figures = compute (fx, NULL, TODAY, 3);

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      const ShouhuDistrictFigures *f = &figures->districts[reasons[i].district - 1];
      g_autofree char *zh = shouhu_figures_describe_need (figures, f, reasons[i].need, TRUE);
      g_autofree char *shown = shouhu_figures_describe_need (figures, f, reasons[i].need, FALSE);

      g_assert_true (f->needs & reasons[i].need);
      g_assert_cmpstr (zh, ==, reasons[i].zh);
      /* On screen in the UI language (C here), with the same figures. */
      g_assert_nonnull (shown);
      g_assert_cmpstr (shown, !=, zh);
    }
  /* Every need and rate has a name and a definition in both languages. */
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      g_assert_cmpstr (shouhu_need_name (all[i]), !=, "");
      g_assert_nonnull (strstr (shouhu_need_definition_zh (all[i]), shouhu_need_name_zh (all[i])));
    }
  for (int r = 0; r < SHOUHU_N_RATES; r++)
    {
      g_assert_true (g_str_has_prefix (shouhu_rate_definition_zh (r), shouhu_rate_name_zh (r)));
      g_assert_true (g_str_has_prefix (shouhu_rate_definition (r), shouhu_rate_name (r)));
    }
}

static void
assert_source (ShouhuStore        *store,
               const char         *district,
               ShouhuChangeSource  source,
               const char         *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuFigures) figures = shouhu_figures_compute_full (store, NULL, TODAY, 3, &error);
  const ShouhuDistrictFigures *f;

  g_assert_no_error (error);
  f = &figures->districts[shouhu_district_lookup (district)->id - 1];
  g_assert_cmpint (f->annex2_source, ==, source);
  g_assert_cmpstr (f->annex2_file, ==, file);
  if (source == SHOUHU_CHANGE_IMPORT)
    {
      /* Two imports of one file may share a second. */
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM import_event WHERE at = '%s' AND file_name = '%s'",
                                              f->annex2_import_at, file);

      g_assert_cmpint (shouhu_test_query_int (store, sql), >=, 1);
      g_assert_cmpstr (f->annex2_import_at, <=, f->annex2_changed);
    }
  else
    g_assert_cmpstr (f->annex2_import_at, ==, "");
  if (source == SHOUHU_CHANGE_NONE)
    g_assert_cmpstr (f->annex2_changed, ==, "");
  else
    g_assert_cmpstr (f->annex2_changed, !=, "");
}

static void
set_title (ShouhuStore *store,
           gint64       id,
           const char  *title)
{
  g_autoptr(ShouhuWorker) worker = NULL;
  g_autoptr(GError) error = NULL;

  worker = shouhu_annex2_get_worker (store, id, &error);
  g_assert_no_error (error);
  g_free (worker->title);
  worker->title = g_strdup (title);
  g_assert_cmpint (shouhu_annex2_save_worker (store, worker, NULL, 0, FALSE, &error), ==, id);
  g_assert_no_error (error);
}

/* Through what each district's Annex 2 last changed: typed in the
 * window (editor, delete, undo) or an import, in the window or by the
 * command line, with the file's name.  A change of a second after
 * another counts as later: the tests run faster than the clock ticks. */
static void
test_change_source (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);
  g_autofree char *file = g_build_filename (dir, "渝中区附件2（11月28日）.xlsx", NULL);
  g_autofree char *target_path = NULL;
  g_autoptr(ShouhuStore) target = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 yuzhong_id, jiangbei_id;

  /* Typed: two families saved through the editor's call, one edited. */
  yuzhong_id = shouhu_test_annex2_add_family (fx->store, 4, "甲", "渝中区某路1号", "", "", 0);
  shouhu_test_annex2_add_family (fx->store, 6, "乙", "江北区某路2号", "", "", 0);
  set_title (fx->store, yuzhong_id, "护士");
  assert_source (fx->store, "渝中区", SHOUHU_CHANGE_TYPED, "");
  assert_source (fx->store, "江北区", SHOUHU_CHANGE_TYPED, "");
  assert_source (fx->store, "大渡口区", SHOUHU_CHANGE_NONE, "");

  /* Imported: the same records, from a file, into another database. */
  g_assert_true (shouhu_export_run (fx->store, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, file, &error));
  g_assert_no_error (error);
  target = shouhu_test_new_store (&target_path);
  shouhu_test_import_file (target, file);
  assert_source (target, "渝中区", SHOUHU_CHANGE_IMPORT, "渝中区附件2（11月28日）.xlsx");
  assert_source (target, "江北区", SHOUHU_CHANGE_IMPORT, "渝中区附件2（11月28日）.xlsx");
  assert_source (target, "大渡口区", SHOUHU_CHANGE_NONE, "");

  /* A later typed change replaces the import as the source, in that
   * district only. */
  yuzhong_id = shouhu_test_query_int (target, "SELECT id FROM worker WHERE name = '甲'");
  jiangbei_id = shouhu_test_query_int (target, "SELECT id FROM worker WHERE name = '乙'");
  set_title (target, yuzhong_id, "护士长");
  assert_source (target, "渝中区", SHOUHU_CHANGE_TYPED, "");
  assert_source (target, "江北区", SHOUHU_CHANGE_IMPORT, "渝中区附件2（11月28日）.xlsx");

  /* A delete in the window is a change of its district, typed; so is
   * its undo. */
  deleted = shouhu_annex2_delete_worker (target, jiangbei_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (target, "SELECT count (*) FROM worker WHERE district_id = 6"), ==, 0);
  assert_source (target, "江北区", SHOUHU_CHANGE_TYPED, "");
  g_assert_true (shouhu_annex2_restore_worker (target, deleted, &error));
  g_assert_no_error (error);
  assert_source (target, "江北区", SHOUHU_CHANGE_TYPED, "");

  /* The command line imports the first file again: 渝中区's record gets
   * its old 职务 back from it, 江北区's is as the file has it. */
  g_clear_object (&target);
  g_assert_cmpint (shouhu_test_run_import (target_path, file, FALSE, NULL), ==, 0);
  target = shouhu_store_open (target_path, &error);
  g_assert_no_error (error);
  assert_source (target, "渝中区", SHOUHU_CHANGE_IMPORT, "渝中区附件2（11月28日）.xlsx");
  assert_source (target, "江北区", SHOUHU_CHANGE_TYPED, "");

  /* A name longer than the figures keep ends in "…", cut after a whole
   * character. */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *sql = NULL;
    g_autoptr(ShouhuFigures) figures = NULL;
    const char *kept;

    for (int i = 0; i < 100; i++)
      g_string_append (name, "渝");
    sql = g_strdup_printf ("UPDATE import_event SET file_name = '%s.xlsx'", name->str);
    g_assert_true (shouhu_store_exec (target, sql, &error));
    g_assert_no_error (error);
    figures = shouhu_figures_compute_full (target, NULL, TODAY, 3, &error);
    g_assert_no_error (error);
    kept = figures->districts[3].annex2_file;
    g_assert_true (g_utf8_validate (kept, -1, NULL));
    g_assert_true (g_str_has_suffix (kept, "渝…"));
    g_assert_cmpuint (strlen (kept), <, SHOUHU_FILE_NAME_SIZE);
    g_assert_cmpuint (strlen (kept), >=, SHOUHU_FILE_NAME_SIZE - 6);
  }

  g_clear_object (&target);
  {
    g_autofree char *target_dir = g_path_get_dirname (target_path);

    shouhu_test_rm_rf (target_dir);
  }
}

/* The migration that records who reported, found by what it creates so
 * that no schema number is written here. */
static int
reporting_migration (void)
{
  for (int v = 1; shouhu_store_get_migration_sql (v) != NULL; v++)
    if (strstr (shouhu_store_get_migration_sql (v), "CREATE TABLE annex1_report") != NULL)
      return v;
  g_assert_not_reached ();
}

/* A database file as a release before @version left it. */
static void
write_database_before (const char *path,
                       int         version,
                       const char *data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (int v = 1; v < version; v++)
    g_assert_cmpint (sqlite3_exec (db, shouhu_store_get_migration_sql (v), NULL, NULL, NULL), ==, SQLITE_OK);
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO district (id, name) VALUES (%d, '%s')",
                                              id, shouhu_district_get (id)->name);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_exec (db, data, NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version - 1);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  sqlite3_close (db);
}

/* Tables from before the reporting record: a later date whose figures of
 * a district equal the date before's counts as carried over. */
static void
test_migration (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(ShouhuFigures) figures = NULL;

  write_database_before (path, reporting_migration (),
                         "INSERT INTO annex1_table (id, as_of, batch_count, created) VALUES"
                         "  (1, '2020-02-07', 2, '2020-02-07T18:00:00'),"
                         "  (2, '2020-02-10', 2, '2020-02-10T18:00:00');"
                         "INSERT INTO annex1_figure VALUES (1, 1, 1, 5, 0), (1, 1, 2, 0, 0),"
                         "  (1, 2, 1, 19, 0), (1, 2, 2, 0, 0),"
                         "  (2, 1, 1, 5, 0), (2, 1, 2, 0, 0),"
                         "  (2, 2, 1, 20, 0), (2, 2, 2, 0, 0);");

  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_store_get_schema_version (store), ==, shouhu_store_latest_schema_version ());
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count (*) FROM annex1_report"), ==, 2 * 41);
  /* The first date was reported, and 黔江区 on the second (19 → 20);
   * 万州区's 5 on the second date is only carried over. */
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count (*) FROM annex1_report"
                                                 " WHERE table_id = 1 AND entered = '2020-02-07T18:00:00'"), ==, 41);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT entered IS NULL FROM annex1_report"
                                                 " WHERE table_id = 2 AND district_id = 1"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT entered IS NULL FROM annex1_report"
                                                 " WHERE table_id = 2 AND district_id = 2"), ==, 0);

  figures = shouhu_figures_compute_full (store, NULL, TODAY, 3, &error);
  g_assert_no_error (error);
  g_assert_false (figures->districts[0].reported);
  g_assert_true (figures->districts[1].reported);
  g_assert_cmpint (figures->districts[1].total_delta, ==, 1);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/figures/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/figures/notice-only", Fixture, NULL, fixture_set_up, test_notice_only, fixture_tear_down);
  g_test_add ("/figures/annex2-set", Fixture, NULL, fixture_set_up, test_annex2_set, fixture_tear_down);
  g_test_add ("/figures/carried-over", Fixture, NULL, fixture_set_up, test_carried_over, fixture_tear_down);
  g_test_add ("/figures/saved-table-reports", Fixture, NULL, fixture_set_up, test_saved_table_reports,
              fixture_tear_down);
  g_test_add ("/figures/annex2-changes", Fixture, NULL, fixture_set_up, test_annex2_changes, fixture_tear_down);
  g_test_add ("/figures/change-source", Fixture, NULL, fixture_set_up, test_change_source, fixture_tear_down);
  g_test_add ("/figures/reasons", Fixture, NULL, fixture_set_up, test_reasons, fixture_tear_down);
  g_test_add_func ("/figures/migration", test_migration);
  g_test_add ("/figures/gate", Fixture, NULL, fixture_set_up, test_gate, fixture_tear_down);
  return g_test_run ();
}

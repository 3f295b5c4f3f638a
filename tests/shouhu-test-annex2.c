/* shouhu-test-annex2.c — a small Annex 2 set written straight into the
 * database, and a worker record to save through the model
 *
 * The rows are written with plain SQL, apart from any model code, so that
 * the figures computed from them are checked against sums worked out by
 * hand (see test-figures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-test-annex2.h"
#include "shouhu-store-private.h"

/* 11 workers in 4 districts, 6 volunteers, 9 families with a volunteer:
 *   万州区 (1):     w1..w5, all paired; vA has w1 w2 w3 (one-to-many),
 *                   vB has w4 w5 and also w1 (many-to-one)
 *   黔江区 (2):     w6 paired with vC, w7 without a volunteer
 *   高新区 (40):    w8 w9 paired with vD, w10 with vA of 万州区
 *   万盛经开区 (41): w11 without a volunteer
 *   vE has no district, vF is in 渝中区 (4); neither is paired.
 * Every volunteer is ready (trained, equipped, insured until 2099). */
static const char annex2_set[] =
  "INSERT INTO worker (id, district_id, hospital, name, gender, created, changed) VALUES"
  " (1, 1, '重庆三峡中心医院', '甲一', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (2, 1, '重庆三峡中心医院', '甲二', '男', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (3, 1, '重庆三峡中心医院', '甲三', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (4, 1, '万州区人民医院', '甲四', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (5, 1, '万州区人民医院', '甲五', '男', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (6, 2, '黔江中心医院', '乙一', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (7, 2, '黔江中心医院', '乙二', '男', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (8, 40, '高新区人民医院', '丙一', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (9, 40, '高新区人民医院', '丙二', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (10, 40, '高新区人民医院', '丙三', '男', '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (11, 41, '万盛经开区人民医院', '丁一', '女', '2020-02-08T09:00:00', '2020-02-08T09:00:00');"
  "INSERT INTO volunteer (id, name, district_id, created, changed) VALUES"
  " (1, '志愿者A', 1, '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (2, '志愿者B', 1, '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (3, '志愿者C', 2, '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (4, '志愿者D', 40, '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (5, '志愿者E', NULL, '2020-02-08T09:00:00', '2020-02-08T09:00:00'),"
  " (6, '志愿者F', 4, '2020-02-08T09:00:00', '2020-02-08T09:00:00');"
  /* All of them ready (可上岗) today, for years to come. */
  "UPDATE volunteer SET trained_on = '2020-02-08', gear_on = '2020-02-08', gear = 7,"
  " insured_from = '2020-02-08', insured_until = '2099-12-31';"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES"
  " (1, 1, '2020-02-08T10:00:00'), (2, 1, '2020-02-08T10:00:00'), (3, 1, '2020-02-08T10:00:00'),"
  " (4, 2, '2020-02-08T10:00:00'), (5, 2, '2020-02-08T10:00:00'), (1, 2, '2020-02-08T10:00:00'),"
  " (6, 3, '2020-02-08T10:00:00'),"
  " (8, 4, '2020-02-08T10:00:00'), (9, 4, '2020-02-08T10:00:00'), (10, 1, '2020-02-08T10:00:00');";

static void
exec_or_fail (ShouhuStore *store,
              const char  *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (shouhu_store_get_db (store), sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s", message);
}

void
shouhu_test_annex2_insert_set (ShouhuStore *store)
{
  exec_or_fail (store, annex2_set);
}

/* A worker of 重庆医科大学附属第一医院, 女, with the fields given, not stored. */
ShouhuWorker *
shouhu_test_make_worker (int         district_id,
                         const char *name,
                         const char *phone)
{
  ShouhuWorker *w = shouhu_worker_new ();

  w->district_id = district_id;
  g_free (w->hospital);
  w->hospital = g_strdup ("重庆医科大学附属第一医院");
  g_free (w->name);
  w->name = g_strdup (name);
  g_free (w->gender);
  w->gender = g_strdup ("女");
  g_free (w->phone);
  w->phone = g_strdup (phone);
  return w;
}

gint64
shouhu_test_annex2_add_family (ShouhuStore *store,
                               int          district_id,
                               const char  *name,
                               const char  *home_address,
                               const char  *work_place,
                               const char  *note,
                               guint        needs)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = g_strdup_printf ("138%08u", g_str_hash (name) % 100000000u);
  gint64 id;

  w->district_id = district_id;
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_HOSPITAL, "重庆医科大学附属第一医院");
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_NAME, name);
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_GENDER, "女");
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS, home_address);
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_WORK_PLACE, work_place);
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_NOTE, note);
  shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_PHONE, phone);
  w->needs = (int) needs;
  id = shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
shouhu_test_annex2_add_volunteer (ShouhuStore *store,
                                  int          district_id,
                                  const char  *name,
                                  const char  *town,
                                  const char  *village,
                                  guint        skills,
                                  const char  *insured_until)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_free (v->name), v->name = g_strdup (name);
  g_free (v->town), v->town = g_strdup (town);
  g_free (v->village), v->village = g_strdup (village);
  v->district_id = district_id;
  v->skills = skills;
  if (insured_until != NULL)
    {
      g_free (v->trained_on), v->trained_on = g_strdup ("2020-02-01");
      g_free (v->gear_on), v->gear_on = g_strdup ("2020-02-01");
      v->gear = SHOUHU_GEAR_ALL;
      g_free (v->insured_from), v->insured_from = g_strdup ("2020-02-01");
      g_free (v->insured_until), v->insured_until = g_strdup (insured_until);
    }
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

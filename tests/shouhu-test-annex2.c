/* shouhu-test-annex2.c — a small Annex 2 set written straight into the
 * database, and a worker record to save through the model
 *
 * The rows are written with plain SQL, apart from any model code, so that
 * the figures computed from them are checked against sums worked out by
 * hand (see test-figures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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

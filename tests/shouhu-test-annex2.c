/* shouhu-test-annex2.c — a small Annex 2 set written straight into the database
 *
 * The rows are written with plain SQL, apart from any model code, so that
 * the figures computed from them are checked against sums worked out by
 * hand (see test-figures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-annex2.h"

/* The agreed Annex 2 schema (migration 2), word for word: used only when
 * the store's migrations do not create it yet. */
static const char annex2_schema[] =
  "CREATE TABLE worker (                 -- 一线医护人员 (one row of 附件2)\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  district_id  INTEGER NOT NULL REFERENCES district (id),   -- 区县\n"
  "  hospital     TEXT NOT NULL,                               -- 医院\n"
  "  name         TEXT NOT NULL,                               -- 姓名\n"
  "  gender       TEXT NOT NULL CHECK (gender IN ('男', '女')), -- 性别\n"
  "  title        TEXT NOT NULL DEFAULT '',                    -- 职务\n"
  "  work_place   TEXT NOT NULL DEFAULT '',                    -- 一线工作具体地点\n"
  "  home_address TEXT NOT NULL DEFAULT '',                    -- 家庭地址\n"
  "  phone        TEXT NOT NULL DEFAULT '',                    -- 本人联系电话 (normalised)\n"
  "  family_phone TEXT NOT NULL DEFAULT '',                    -- 家属联系电话 (normalised)\n"
  "  note         TEXT NOT NULL DEFAULT '',                    -- 备注\n"
  "  created      TEXT NOT NULL,                               -- ISO 8601 local time\n"
  "  changed      TEXT NOT NULL);\n"
  "CREATE INDEX worker_district ON worker (district_id);\n"
  "CREATE INDEX worker_name_phone ON worker (name, phone);\n"
  "\n"
  "CREATE TABLE volunteer (              -- 志愿者\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  name         TEXT NOT NULL,                               -- 姓名\n"
  "  phone        TEXT NOT NULL DEFAULT '',                    -- 联系电话 (normalised)\n"
  "  district_id  INTEGER REFERENCES district (id),            -- 区县 (may be NULL)\n"
  "  town         TEXT NOT NULL DEFAULT '',                    -- 乡镇（街道）\n"
  "  village      TEXT NOT NULL DEFAULT '',                    -- 村（社区）\n"
  "  note         TEXT NOT NULL DEFAULT '',                    -- 备注\n"
  "  created      TEXT NOT NULL,\n"
  "  changed      TEXT NOT NULL);\n"
  "\n"
  "CREATE TABLE pairing (                -- 结对: many-to-many\n"
  "  worker_id    INTEGER NOT NULL REFERENCES worker (id) ON DELETE CASCADE,\n"
  "  volunteer_id INTEGER NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,\n"
  "  created      TEXT NOT NULL,\n"
  "  PRIMARY KEY (worker_id, volunteer_id));\n"
  "CREATE INDEX pairing_volunteer ON pairing (volunteer_id);\n"
  "\n"
  "CREATE TABLE district_form (          -- the form's header per district\n"
  "  district_id  INTEGER PRIMARY KEY REFERENCES district (id),\n"
  "  reporter     TEXT NOT NULL DEFAULT '',                    -- 填报人\n"
  "  phone        TEXT NOT NULL DEFAULT '');                   -- 联系电话\n"
  "\n"
  "CREATE TABLE history (                -- 动态更新管理: every change\n"
  "  id           INTEGER PRIMARY KEY,\n"
  "  at           TEXT NOT NULL,\n"
  "  entity       TEXT NOT NULL,         -- 'worker' | 'volunteer' | 'district_form'\n"
  "  entity_id    INTEGER NOT NULL,\n"
  "  action       TEXT NOT NULL,         -- 'create' | 'edit' | 'delete' | 'restore' | 'pair' | 'unpair'\n"
  "  field        TEXT,                  -- column name, NULL for whole-record actions\n"
  "  old_value    TEXT,\n"
  "  new_value    TEXT);\n"
  "CREATE INDEX history_entity ON history (entity, entity_id);\n";

/* 11 workers in 4 districts, 6 volunteers, 9 families with a volunteer:
 *   万州区 (1):     w1..w5, all paired; vA has w1 w2 w3 (one-to-many),
 *                   vB has w4 w5 and also w1 (many-to-one)
 *   黔江区 (2):     w6 paired with vC, w7 without a volunteer
 *   高新区 (40):    w8 w9 paired with vD, w10 with vA of 万州区
 *   万盛经开区 (41): w11 without a volunteer
 *   vE has no district, vF is in 渝中区 (4); neither is paired. */
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

/* Creates the Annex 2 tables when this build's migrations do not. */
void
shouhu_test_annex2_ensure_tables (ShouhuStore *store)
{
  if (shouhu_store_latest_schema_version () < 2)
    exec_or_fail (store, annex2_schema);
}

void
shouhu_test_annex2_insert_set (ShouhuStore *store)
{
  shouhu_test_annex2_ensure_tables (store);
  exec_or_fail (store, annex2_set);
}

/* test-roster.c — the volunteers' roster (志愿者花名册): export, the round
 * trip through the import, a list made by hand, the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-district.h"
#include "shouhu-export.h"
#include "shouhu-export-roster.h"
#include "shouhu-import.h"
#include "shouhu-store-private.h"
#include "shouhu-test-util.h"
#include "shouhu-test-volunteer.h"

#include <string.h>

#define D "2020-02-10"

typedef struct
{
  char        *dir;
  char        *db_path;
  ShouhuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->db_path);
  fx->dir = g_path_get_dirname (fx->db_path);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  shouhu_test_rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->db_path);
}

/* In ShouhuVolunteerField order: 姓名 性别 联系电话 区县 乡镇 村 来源 专长
 * 培训 防护用品日期 防护用品 保险公司 保单号 起 止 备注. */
static void
add_people (Fixture *fx)
{
  const char *const zhou[] = { "周小红", "女", "13300001234", "渝中区", "解放碑街道", "民生路社区", "党员",
                               "照料老人小孩、学业辅导", "2020-02-05", "2020-02-06", "口罩、酒精、消毒液",
                               "中国人寿", "P2020-7", "2020-02-01", "2020-12-31", "可周末服务" };
  const char *const wu[] = { "吴刚", "男", "13800001111", "渝中区", "七星岗街道", NULL, "大学生",
                             "交通出行/驾驶", "2020-02-05", "2020-02-06", "口罩", NULL, NULL, NULL, NULL, NULL };
  const char *const sun[] = { "孙丽", NULL, "023-61234567", "万州区", "龙沙镇", NULL, NULL, NULL, NULL, NULL,
                              NULL, NULL, NULL, "2020-02-01", "2020-02-12", "家住龙沙镇1号" };
  const char *const zheng[] = { "郑浩", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL, NULL };
  gint64 z = shouhu_test_add_volunteer (fx->store, zhou);

  shouhu_test_add_volunteer (fx->store, wu);
  shouhu_test_add_volunteer (fx->store, sun);
  shouhu_test_add_volunteer (fx->store, zheng);
  g_assert_true (shouhu_annex2_pair (fx->store, shouhu_test_add_worker (fx->store, "渝中区", "张丽", "13900001111"),
                                    z, NULL));
  g_assert_true (shouhu_annex2_pair (fx->store, shouhu_test_add_worker (fx->store, "渝中区", "王芳", "13900002222"),
                                    z, NULL));
}

/* Everything stored about volunteers, as one text. */
static char *
snapshot (ShouhuStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, "SELECT * FROM volunteer ORDER BY id", NULL);
  GString *out = g_string_new (NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static gboolean
has_line (const char *dump,
          const char *line)
{
  g_autofree char *needle = g_strconcat ("\n", line, "\n", NULL);
  g_autofree char *hay = g_strconcat ("\n", dump, NULL);

  return strstr (hay, needle) != NULL;
}

static void
test_export (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "志愿者花名册.xlsx", NULL);
  g_autofree char *dump = NULL;
  g_autoptr(GError) error = NULL;

  add_people (fx);
  g_assert_true (shouhu_export_volunteers (fx->store, 0, D, FALSE, path, &error));
  g_assert_no_error (error);
  dump = shouhu_test_read_xlsx ("xlsx-dump.py", path);

  /* Official order, those without a district last. */
  g_assert_true (has_line (dump, "sheets\t万州区\t渝中区\t区县未填"));
  g_assert_true (has_line (dump, "cell\t渝中区\tA1\ts\t志愿者花名册"));
  g_assert_true (has_line (dump, "cell\t渝中区\tA2\ts\t区县：渝中区　　　　上岗状态截至2020年2月10日"));
  g_assert_true (has_line (dump, "cell\t渝中区\tB3\ts\t姓名"));
  g_assert_true (has_line (dump, "cell\t渝中区\tI3\ts\t专长"));
  g_assert_true (has_line (dump, "cell\t渝中区\tR3\ts\t上岗状态"));
  g_assert_true (has_line (dump, "cell\t渝中区\tS3\ts\t守护家庭数"));
  /* 周小红: every field, ready, two families; phones are text. */
  g_assert_true (has_line (dump, "cell\t渝中区\tB4\ts\t周小红"));
  g_assert_true (has_line (dump, "cell\t渝中区\tD4\ts\t13300001234"));
  g_assert_true (has_line (dump, "cell\t渝中区\tI4\ts\t照料老人小孩、学业辅导"));
  g_assert_true (has_line (dump, "cell\t渝中区\tL4\ts\t口罩、酒精、消毒液"));
  g_assert_true (has_line (dump, "cell\t渝中区\tR4\ts\t可上岗"));
  g_assert_true (has_line (dump, "cell\t渝中区\tS4\tn\t2"));
  /* 吴刚 lacks gear and insurance; 孙丽's insurance ends in 2 days but she lacks the rest. */
  g_assert_true (has_line (dump, "cell\t渝中区\tR5\ts\t待上岗（缺：防护用品／保险）"));
  g_assert_true (has_line (dump, "cell\t万州区\tR4\ts\t待上岗（缺：培训／防护用品）"));
  g_assert_true (has_line (dump, "cell\t区县未填\tB4\ts\t郑浩"));

  /* One district alone. */
  g_assert_true (shouhu_export_run (fx->store, SHOUHU_EXPORT_VOLUNTEERS, NULL,
                                    shouhu_district_lookup ("万州区")->id, FALSE, path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&dump, g_free);
  dump = shouhu_test_read_xlsx ("xlsx-dump.py", path);
  g_assert_true (has_line (dump, "sheets\t万州区"));

  /* A district without volunteers: nothing to export. */
  g_assert_false (shouhu_export_volunteers (fx->store, shouhu_district_lookup ("綦江区")->id, D, FALSE, path,
                                            &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_NO_DATA);
}

/* The masked roster gives no phone away, and is refused by the import. */
static void
test_masked (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "masked.xlsx", NULL);
  g_autofree char *scan = NULL;
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;

  add_people (fx);
  g_assert_true (shouhu_export_volunteers (fx->store, 0, D, TRUE, path, &error));
  g_assert_no_error (error);
  scan = shouhu_test_read_xlsx ("xlsx-scan-masked.py", path);
  g_assert_null (strstr (scan, "\nleak"));
  g_assert_null (strstr (scan, "13300001234"));
  g_assert_null (strstr (scan, "61234567"));
  g_assert_nonnull (strstr (scan, "周小红"));
  g_assert_nonnull (strstr (scan, "133****1234"));

  import = shouhu_import_from_file (path, &error);
  g_assert_null (import);
  g_assert_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_MASKED);
}

/* Export, import: nothing changes, not even the history. */
static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "roster.xlsx", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 history;

  add_people (fx);
  before = snapshot (fx->store);
  history = shouhu_test_query_int (fx->store, "SELECT count(*) FROM history");
  g_assert_true (shouhu_export_run (fx->store, SHOUHU_EXPORT_VOLUNTEERS, NULL, 0, FALSE, path, &error));
  g_assert_no_error (error);

  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ROSTER);
  g_assert_cmpuint (import->roster->n_sheets, ==, 3);
  g_assert_cmpuint (import->roster->ignored_headings->len, ==, 0);
  g_assert_true (shouhu_import_preview (fx->store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_import_n_rejected (import), ==, 0);
  g_assert_cmpuint (import->roster->n_new, ==, 0);
  g_assert_cmpuint (import->roster->n_updated, ==, 0);
  g_assert_cmpuint (import->roster->n_unchanged, ==, 4);
  g_assert_true (shouhu_import_write (fx->store, import, &error));
  g_assert_no_error (error);

  after = snapshot (fx->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM history"), ==, history);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM pairing"), ==, 2);
  /* Even an import that changes nothing is recorded, once. */
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count(*) FROM import_event WHERE kind = 'roster'"
                                          " AND length (sha256) = 64 AND n_unchanged = 4 AND n_new = 0"), ==, 1);
}

/* A list as a school sends it: its own title, headings and order, a
 * column of its own, dates as date cells and as text. */
static char *
make_hand_roster (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "学校志愿者名单.xlsx", NULL);
  g_autofree char *script = g_strdup_printf (
    "import datetime, openpyxl\n"
    "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '名单'\n"
    "ws.append(['重庆某大学青年志愿者名单（2020年2月）'])\n"
    "ws.append(['序号', '姓名', '性别', '手机号码', '学院', '区县', '乡镇', '社区', '来源', '特长',\n"
    "           '培训合格日期', '防护用品发放日期', '保险到期日'])\n"
    "ws.append([1, '张三', '男', 13800000001, '土木学院', '渝中区', None, None, None, None,\n"
    "           datetime.date(2020, 2, 8), None, None])\n"
    "ws.append([2, '刘洋', None, '139 0000 0002', '外语学院', '渝中区', '七星岗街道', None, '共青团员', '学业辅导',\n"
    "           datetime.datetime(2020, 2, 9, 8, 30), '2020-02-09 08:30:00'])\n"
    "ws.append([3, '王芳', '女性', '13900000003', '医学院', '沙坪坝区', '沙坪坝街道', '正街社区', '学生',\n"
    "           '医学/心理，照顾老人', '2020年2月10日', '2020/2/10', '2020-08-09'])\n"
    "ws.append([4, '赵敏', '女', '13900000004', '文学院', '渝中区', None, None, None, None, '2020-02-30'])\n"
    "ws.append([5, '钱七', '男', '139-0000-0003', '理学院', '渝中区'])\n"
    "ws.append([])\n"
    "ws.append(['说明：名单由学校团委提供'])\n"
    "wb.save(%s)\n", "'学校志愿者名单.xlsx'");

  shouhu_test_run_python (dir, script);
  return g_steal_pointer (&path);
}

static const ShouhuRosterImportChange *
change_of (ShouhuRosterImport *import,
           const char         *name)
{
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuRosterImportChange *c = import->changes->pdata[i];

      if (strcmp (c->row->volunteer->name, name) == 0)
        return c;
    }
  g_assert_not_reached ();
}

static gboolean
rejected_row (ShouhuRosterImport *import,
              guint               row,
              const char         *words)
{
  for (guint i = 0; i < import->rejected->len; i++)
    {
      const ShouhuImportRejection *r = import->rejected->pdata[i];

      if (r->row == row && strstr (r->reason, words) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_hand_made (Fixture       *fx,
                gconstpointer  data)
{
  const char *const zhang[] = { "张三", NULL, "13800000001", "渝中区", "解放碑街道", NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL, NULL, NULL, NULL, "原备注" };
  const char *const liu[] = { "刘洋", NULL, NULL, "渝中区", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                              NULL, NULL, NULL };
  g_autofree char *path = make_hand_roster (fx->dir);
  g_autoptr(ShouhuImport) import = NULL;
  g_autoptr(ShouhuVolunteer) v1 = NULL;
  g_autoptr(ShouhuVolunteer) v2 = NULL;
  g_autoptr(ShouhuVolunteer) v3 = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  ShouhuRosterImport *roster;
  gint64 id1 = shouhu_test_add_volunteer (fx->store, zhang);
  gint64 id2 = shouhu_test_add_volunteer (fx->store, liu);

  import = shouhu_import_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (import->kind, ==, SHOUHU_IMPORT_ROSTER);
  roster = import->roster;
  g_assert_cmpuint (roster->ignored_headings->len, ==, 1);
  g_assert_cmpstr (roster->ignored_headings->pdata[0], ==, "学院");
  /* Read: 赵敏's date does not exist; 钱七 has 王芳's phone written otherwise. */
  g_assert_true (rejected_row (roster, 6, "Training Passed On"));
  g_assert_true (rejected_row (roster, 7, "row 5"));

  g_assert_true (shouhu_import_preview (fx->store, import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (roster->rejected->len, ==, 2);
  g_assert_cmpuint (roster->n_new, ==, 1);
  g_assert_cmpuint (roster->n_updated, ==, 2);
  g_assert_cmpint (change_of (roster, "张三")->volunteer_id, ==, id1);   /* by phone */
  g_assert_cmpint (change_of (roster, "刘洋")->volunteer_id, ==, id2);   /* by name in 渝中区 */
  g_assert_cmpstr (change_of (roster, "张三")->changes, ==, "Gender, Training Passed On");
  g_assert_cmpint (change_of (roster, "王芳")->action, ==, SHOUHU_IMPORT_NEW);

  g_assert_true (shouhu_import_write (fx->store, import, &error));
  g_assert_no_error (error);

  v1 = shouhu_annex2_get_volunteer (fx->store, id1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v1->trained_on, ==, "2020-02-08");
  g_assert_cmpstr (v1->gender, ==, "男");
  /* Columns the list does not have, and empty cells, erase nothing. */
  g_assert_cmpstr (v1->note, ==, "原备注");
  g_assert_cmpstr (v1->town, ==, "解放碑街道");
  v2 = shouhu_annex2_get_volunteer (fx->store, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (v2->phone, ==, "13900000002");
  g_assert_cmpstr (v2->source, ==, "青年志愿者");
  g_assert_cmpuint (v2->skills, ==, SHOUHU_SKILL_TUTORING);
  /* A date with a time of day, as a date cell and as text. */
  g_assert_cmpstr (v2->trained_on, ==, "2020-02-09");
  g_assert_cmpstr (v2->gear_on, ==, "2020-02-09");

  found = shouhu_annex2_find_volunteers (fx->store, "王芳", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  v3 = shouhu_annex2_get_volunteer (fx->store, ((ShouhuVolunteer *) found->pdata[0])->id, &error);
  g_assert_cmpstr (v3->gender, ==, "女");
  /* The volunteer the list created points to the list's import event;
   * those it changed have history rows that do. */
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count(*) FROM volunteer v JOIN import_event e ON e.id = v.import_id"
                                          " WHERE v.name = '王芳' AND e.kind = 'roster'"
                                          " AND e.file_name = '学校志愿者名单.xlsx' AND e.n_new = 1 AND e.n_updated = 2"
                                          " AND e.n_rejected = 2"), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count(DISTINCT h.entity_id) FROM history h"
                                          " JOIN import_event e ON e.id = h.import_id"
                                          " WHERE h.entity = 'volunteer' AND h.action = 'edit'"), ==, 2);
  g_assert_cmpstr (v3->source, ==, "大学生");
  g_assert_cmpuint (v3->skills, ==, SHOUHU_SKILL_MEDICAL | SHOUHU_SKILL_CARE);
  g_assert_cmpstr (v3->trained_on, ==, "2020-02-10");
  g_assert_cmpstr (v3->gear_on, ==, "2020-02-10");
  g_assert_cmpstr (v3->insured_until, ==, "2020-08-09");
  g_assert_cmpstr (v3->village, ==, "正街社区");
  g_assert_cmpint (v3->district_id, ==, shouhu_district_lookup ("沙坪坝区")->id);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer"), ==, 3);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM history WHERE entity = 'volunteer' "
                                                     "AND action = 'edit' AND field = 'trained_on'"), ==, 2);
}

static int
run_cli (const char *const  *args,
         char              **out)
{
  g_autofree char *std_out = NULL, *std_err = NULL;
  int status = shouhu_test_run_cli (args, NULL, &std_out, &std_err);

  *out = g_strconcat (std_out, std_err, NULL);
  return status;
}

/* --import recognises a roster and writes nothing while a row is
 * rejected; --export volunteers takes --district and --masked. */
static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *hand = make_hand_roster (fx->dir);
  g_autofree char *out_path = g_build_filename (fx->dir, "渝中区花名册.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *dump = NULL;

  g_clear_object (&fx->store);
  g_assert_cmpint (run_cli ((const char *[]) { "--database", fx->db_path, "--import", hand, NULL }, &out), ==, 1);
  g_assert_nonnull (strstr (out, "New volunteers: 3"));
  g_assert_nonnull (strstr (out, "Columns passed over (not fields of a volunteer): 学院"));
  g_assert_nonnull (strstr (out, "Nothing was written: 2 rows were rejected"));
  fx->store = shouhu_store_open (fx->db_path, NULL);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count(*) FROM volunteer"), ==, 0);
  g_clear_object (&fx->store);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--database", fx->db_path, "--import", hand, "--accept-valid",
                                               NULL }, &out), ==, 0);
  g_assert_nonnull (strstr (out, "3 new and 0 updated volunteers"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--database", fx->db_path, "--export", "volunteers",
                                               "--district", "渝中区", "--masked", "--output", out_path, NULL },
                            &out), ==, 0);
  dump = shouhu_test_read_xlsx ("xlsx-dump.py", out_path);
  g_assert_true (has_line (dump, "sheets\t渝中区"));
  g_assert_true (has_line (dump, "cell\t渝中区\tD4\ts\t138****0001"));

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli ((const char *[]) { "--database", fx->db_path, "--export", "summary",
                                               "--district", "渝中区", "--output", out_path, NULL }, &out), ==, 2);
  g_assert_nonnull (strstr (out, "--district applies to the Annex 2 workbook, the volunteers’ roster and the work report only"));
  fx->store = shouhu_store_open (fx->db_path, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  shouhu_test_add_openpyxl_fixture ("/roster/export", Fixture,
                                    fixture_set_up, test_export, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/roster/masked", Fixture,
                                    fixture_set_up, test_masked, fixture_tear_down);
  shouhu_test_add_fixture ("/roster/round-trip", Fixture,
                           fixture_set_up, test_round_trip, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/roster/hand-made", Fixture,
                                    fixture_set_up, test_hand_made, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/roster/cli", Fixture,
                                    fixture_set_up, test_cli, fixture_tear_down);

  return g_test_run ();
}

/* test-work-report.c — the work report's figures against sums worked out by hand
 *
 * The services are written with plain SQL, apart from the ledger code, and
 * the workbook is read back with openpyxl (xlsx-dump.py, and
 * xlsx-scan-masked.py for the masked variant).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-ledger.h"
#include "shouhu-store-private.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-work-report.h"

#include <string.h>

/* The period is 2020-02-10 to 2020-02-16.  Workers (shouhu-test-annex2.c,
 * whose volunteers are all ready until the readiness is set below):
 * 万州区 w1..w5, 黔江区 w6 w7, 高新区 w8 w9 w10, 万盛经开区 w11.
 *   万州区:  s1 w1 greeting 20', s2 w1 supplies 60' need solved,
 *           s3 w2 care 120' need open 典型; s4 w4 on 02-09 (outside)
 *   黔江区:  s5 w6 transport 30' need solved 典型; s6 w6 on 02-17 (outside)
 *   高新区:  s7 w8 tutoring 90', s8 w8 other 15' need open
 *   万盛经开区: s9 w11 greeting 5'
 *   s10 belongs to worker 99, whose record is gone: not counted. */
static const char services[] =
  "INSERT INTO service (id, worker_id, day, kind, content, minutes, need, solved, typical, story,"
  "  created, changed) VALUES"
  " (1, 1, '2020-02-10', 'greeting', '电话问候', 20, '', 0, 0, '', 'x', 'x'),"
  " (2, 1, '2020-02-12', 'supplies', '代购降压药', 60, '买药', 1, 0, '', 'x', 'x'),"
  " (3, 2, '2020-02-16', 'care', '照看两个孩子', 120, '接送孩子', 0, 1,"
  "  '志愿者每天照看孩子，孩子外婆电话13812345678，住民族路123号5栋', 'x', 'x'),"
  " (4, 4, '2020-02-09', 'tutoring', '网课辅导', 45, '', 0, 0, '', 'x', 'x'),"
  " (5, 6, '2020-02-11', 'transport', '接送上下班', 30, '上下班接送', 1, 1,"
  "  '雷锋的士司机连续七天凌晨接送', 'x', 'x'),"
  " (6, 6, '2020-02-17', 'greeting', '视频问候', 10, '', 0, 0, '', 'x', 'x'),"
  " (7, 8, '2020-02-14', 'tutoring', '数学辅导', 90, '', 0, 0, '', 'x', 'x'),"
  " (8, 8, '2020-02-15', 'other', '心理疏导', 15, '心理疏导', 0, 0, '', 'x', 'x'),"
  " (9, 11, '2020-02-13', 'greeting', '电话问候', 5, '', 0, 0, '', 'x', 'x'),"
  " (10, 99, '2020-02-12', 'care', '照料', 30, '', 0, 0, '', 'x', 'x');"
  "INSERT INTO service_volunteer (service_id, volunteer_id) VALUES"
  " (1, 1), (2, 1), (3, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (8, 4), (9, 5), (10, 1);"
  /* Readiness on the period's last day, 2020-02-16: 志愿者A (万州区), C
   * (黔江区) and E (no district) are ready; B's insurance ended on the
   * 15th; D was never trained; F has nothing.  So 万州区 guards w1 w2 w3
   * (A) but not w4 w5 (B alone), 黔江区 w6, 高新区 w10 (A), 万盛经开区
   * nobody. */
  "UPDATE volunteer SET trained_on = '2020-02-01', gear_on = '2020-02-02', gear = 7,"
  "  insured_from = '2020-02-01', insured_until = '2020-02-29' WHERE id IN (1, 3, 5);"
  "UPDATE volunteer SET trained_on = '2020-02-01', gear_on = '2020-02-02', gear = 7,"
  "  insured_from = '2020-02-01', insured_until = '2020-02-15' WHERE id = 2;"
  "UPDATE volunteer SET trained_on = '' WHERE id = 4;"
  "UPDATE volunteer SET trained_on = '', gear_on = '', gear = 0, insured_from = '', insured_until = ''"
  "  WHERE id = 6;";

typedef struct
{
  char        *path;
  char        *dir;
  ShouhuStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  char *message = NULL;

  fx->store = shouhu_test_new_store (&fx->path);
  fx->dir = g_path_get_dirname (fx->path);
  shouhu_test_annex2_insert_set (fx->store);
  if (sqlite3_exec (shouhu_store_get_db (fx->store), services, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  shouhu_test_rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

typedef struct
{
  gint64 families;
  gint64 guarded;
  gint64 on_duty;
  gint64 kinds[SHOUHU_N_SERVICE_KINDS];  /* care, tutoring, supplies, transport, greeting, other */
  gint64 total;
  gint64 minutes;
  gint64 raised;
  gint64 solved;
  gint64 not_contacted;
} Expected;

static void
assert_row (const ShouhuWorkReportRow *row,
            const Expected            *e)
{
  g_assert_cmpint (row->families, ==, e->families);
  g_assert_cmpint (row->guarded, ==, e->guarded);
  g_assert_cmpint (row->on_duty, ==, e->on_duty);
  for (int k = 0; k < SHOUHU_N_SERVICE_KINDS; k++)
    g_assert_cmpint (row->services[k], ==, e->kinds[k]);
  g_assert_cmpint (row->services_total, ==, e->total);
  g_assert_cmpint (row->minutes, ==, e->minutes);
  g_assert_cmpint (row->needs_raised, ==, e->raised);
  g_assert_cmpint (row->needs_solved, ==, e->solved);
  g_assert_cmpint (row->not_contacted, ==, e->not_contacted);
}

static const Expected wanzhou = { 5, 3, 1, { 1, 0, 1, 0, 1, 0 }, 3, 200, 2, 1, 3 };
static const Expected qianjiang = { 2, 1, 1, { 0, 0, 0, 1, 0, 0 }, 1, 30, 1, 1, 1 };
static const Expected gaoxin = { 3, 1, 0, { 0, 1, 0, 0, 0, 1 }, 2, 105, 1, 0, 2 };
static const Expected wansheng = { 1, 0, 0, { 0, 0, 0, 0, 1, 0 }, 1, 5, 0, 0, 0 };
/* 在岗 in all: A, C, and E, who has no district. */
static const Expected city = { 11, 5, 3, { 1, 1, 1, 1, 2, 1 }, 7, 340, 4, 2, 6 };
static const Expected nothing = { 0, 0, 0, { 0, }, 0, 0, 0, 0, 0 };

static ShouhuWorkReport *
compute (Fixture    *fx,
         int         district_id)
{
  g_autoptr(GError) error = NULL;
  ShouhuWorkReport *report = shouhu_work_report_compute (fx->store, "2020-02-10", "2020年2月16日",
                                                         district_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_figures (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ShouhuWorkReport) report = compute (fx, 0);

  g_assert_cmpstr (report->to, ==, "2020-02-16");
  assert_row (&report->districts[0], &wanzhou);
  assert_row (&report->districts[1], &qianjiang);
  assert_row (&report->districts[39], &gaoxin);
  assert_row (&report->districts[40], &wansheng);
  assert_row (&report->districts[3], &nothing);
  assert_row (&report->city, &city);
  g_assert_cmpint (report->city.district_id, ==, 0);

  g_assert_cmpint (report->typical->len, ==, 2);
  g_assert_cmpint (((ShouhuService *) report->typical->pdata[0])->id, ==, 3);
  g_assert_cmpstr (((ShouhuService *) report->typical->pdata[0])->volunteer_names, ==, "志愿者A、志愿者B");
  g_assert_cmpint (((ShouhuService *) report->typical->pdata[1])->id, ==, 5);
}

/* A short period takes the other way through SQLite (the index on day):
 * the same figures. */
static void
test_one_day (Fixture       *fx,
              gconstpointer  data)
{
  /* On the 12th 志愿者B is insured still: w4 and w5 are guarded too. */
  static const Expected wanzhou_day = { 5, 5, 2, { 0, 0, 1, 0, 0, 0 }, 1, 60, 1, 1, 4 };
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorkReport) report = shouhu_work_report_compute (fx->store, "2020-02-12", "2020-02-12", 0, &error);

  g_assert_no_error (error);
  assert_row (&report->districts[0], &wanzhou_day);
  g_assert_cmpint (report->city.services_total, ==, 1);
  g_assert_cmpint (report->city.not_contacted, ==, 10);
  g_assert_cmpint (report->city.on_duty, ==, 4);
}

static void
test_one_district (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(ShouhuWorkReport) report = compute (fx, 40);

  assert_row (&report->districts[39], &gaoxin);
  assert_row (&report->districts[0], &nothing);
  assert_row (&report->city, &gaoxin);
  g_assert_cmpint (report->typical->len, ==, 0);
}

static void
test_bad_period (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorkReport) report = shouhu_work_report_compute (fx->store, "2020-02-16", "2020-02-10", 0, &error);

  g_assert_null (report);
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID);
  g_clear_error (&error);
  report = shouhu_work_report_compute (fx->store, "2020-02-30", "2020-03-01", 0, &error);
  g_assert_null (report);
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID);
}

/* Reading the workbook back ------------------------------------------------ */

/* "SHEET!A1" → the value openpyxl read */
static GHashTable *
read_cells (const char *path)
{
  g_autofree char *out = shouhu_test_read_xlsx ("xlsx-dump.py", path);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 5);

      if (g_strv_length (f) == 5 && strcmp (f[0], "cell") == 0)
        g_hash_table_insert (cells, g_strdup_printf ("%s!%s", f[1], f[2]), g_strdup (f[4]));
      else if (g_strv_length (f) >= 3 && strcmp (f[0], "merge") == 0)
        g_hash_table_insert (cells, g_strdup_printf ("merge!%s!%s", f[1], f[2]), g_strdup (""));
    }
  return cells;
}

static void
assert_cell (GHashTable *cells,
             const char *sheet,
             const char *ref,
             const char *value)
{
  g_autofree char *key = g_strdup_printf ("%s!%s", sheet, ref);

  g_assert_cmpstr (g_hash_table_lookup (cells, key), ==, value);
}

static void
assert_number (GHashTable *cells,
               const char *ref,
               double      value)
{
  g_autofree char *key = g_strdup_printf ("工作情况统计表!%s", ref);
  const char *text = g_hash_table_lookup (cells, key);

  g_assert_nonnull (text);
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (text, NULL), value, 1e-9);
}

/* A line of the sheet: 区县 in B, then C..P as the Expected figures. */
static void
assert_sheet_row (GHashTable     *cells,
                  int             row,
                  const char     *name,
                  const Expected *e)
{
  const gint64 counts[] = { e->families, e->guarded, e->on_duty, e->kinds[0], e->kinds[1], e->kinds[2],
                            e->kinds[3], e->kinds[4], e->kinds[5], e->total };
  char ref[8];

  /* 合计 is merged over 序号 and 区县. */
  g_snprintf (ref, sizeof ref, "%c%d", strcmp (name, "合计") == 0 ? 'A' : 'B', row);
  assert_cell (cells, "工作情况统计表", ref, name);
  for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
    {
      g_snprintf (ref, sizeof ref, "%c%d", 'C' + c, row);
      assert_number (cells, ref, (double) counts[c]);
    }
  g_snprintf (ref, sizeof ref, "M%d", row);
  assert_number (cells, ref, e->minutes / 60.0);
  g_snprintf (ref, sizeof ref, "N%d", row);
  assert_number (cells, ref, (double) e->raised);
  g_snprintf (ref, sizeof ref, "O%d", row);
  assert_number (cells, ref, (double) e->solved);
  g_snprintf (ref, sizeof ref, "P%d", row);
  assert_number (cells, ref, (double) e->not_contacted);
}

static void
test_workbook (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "工作情况统计表.xlsx", NULL);
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_work_report_run (fx->store, "2020-02-10", "2020-02-16", 0, FALSE, path, &error));
  g_assert_no_error (error);
  cells = read_cells (path);

  assert_cell (cells, "工作情况统计表", "A1", "重庆市志愿者精准守护一线医护人员家庭工作情况统计表");
  assert_cell (cells, "工作情况统计表", "A2", "统计时段：2020年2月10日至2020年2月16日　　　　区县：全市");
  assert_cell (cells, "工作情况统计表", "D3", "已守护家庭");
  assert_cell (cells, "工作情况统计表", "E3", "在岗志愿者");
  assert_cell (cells, "工作情况统计表", "F3", "服务次数");
  assert_cell (cells, "工作情况统计表", "F4", "照料老人小孩");
  assert_cell (cells, "工作情况统计表", "J4", "电话/视频问候");
  assert_cell (cells, "工作情况统计表", "L4", "合计");
  assert_cell (cells, "工作情况统计表", "M3", "服务时长（小时）");
  assert_cell (cells, "工作情况统计表", "N3", "家庭需求");
  assert_cell (cells, "工作情况统计表", "P3", "期内未联系家庭");
  g_assert_true (g_hash_table_contains (cells, "merge!工作情况统计表!F3:L3"));
  g_assert_true (g_hash_table_contains (cells, "merge!工作情况统计表!N3:O3"));
  g_assert_true (g_hash_table_contains (cells, "merge!工作情况统计表!A3:A4"));

  /* Rows 5..45: the 41 districts in official order, then 合计. */
  assert_sheet_row (cells, 5, "万州区", &wanzhou);
  assert_sheet_row (cells, 6, "黔江区", &qianjiang);
  assert_sheet_row (cells, 8, "渝中区", &nothing);
  assert_sheet_row (cells, 44, "高新区", &gaoxin);
  assert_sheet_row (cells, 45, "万盛经开区", &wansheng);
  assert_sheet_row (cells, 46, "合计", &city);

  assert_cell (cells, "典型", "A3", "序号");
  assert_cell (cells, "典型", "B4", "万州区");
  assert_cell (cells, "典型", "C4", "2020-02-16");
  assert_cell (cells, "典型", "D4", "甲二");
  assert_cell (cells, "典型", "E4", "志愿者A、志愿者B");
  assert_cell (cells, "典型", "F4", "照料老人小孩");
  assert_cell (cells, "典型", "H4", "志愿者每天照看孩子，孩子外婆电话13812345678，住民族路123号5栋");
  assert_cell (cells, "典型", "B5", "黔江区");
  assert_cell (cells, "典型", "F5", "交通出行");
  assert_cell (cells, "典型", "A6", NULL);
}

static void
test_workbook_one_district (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "高新区.xlsx", NULL);
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_work_report_run (fx->store, "2020-02-10", "2020-02-16", 40, FALSE, path, &error));
  g_assert_no_error (error);
  cells = read_cells (path);
  assert_cell (cells, "工作情况统计表", "A2", "统计时段：2020年2月10日至2020年2月16日　　　　区县：高新区");
  assert_sheet_row (cells, 5, "高新区", &gaoxin);
  /* No 合计 for one district: the 说明 follows. */
  g_assert_true (g_str_has_prefix (g_hash_table_lookup (cells, "工作情况统计表!A6"), "说明"));
  assert_cell (cells, "典型", "A4", "（本统计时段没有记为典型的服务记录）");
}

/* Masked: no phone digits or house numbers in any cell of either sheet. */
static void
test_workbook_masked (Fixture       *fx,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "masked.xlsx", NULL);
  g_autofree char *plain = g_build_filename (fx->dir, "plain.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *scan = NULL;
  g_autofree char *plain_scan = NULL;

  g_assert_true (shouhu_work_report_run (fx->store, "2020-02-10", "2020-02-16", 0, TRUE, path, &error));
  g_assert_no_error (error);
  scan = shouhu_test_read_xlsx ("xlsx-scan-masked.py", path);
  g_assert_null (strstr (scan, "\nleak\t"));
  g_assert_false (g_str_has_prefix (scan, "leak\t"));
  g_assert_null (strstr (scan, "13812345678"));
  g_assert_nonnull (strstr (scan, "138****5678"));
  g_assert_nonnull (strstr (scan, "text\t典型\tB4\t万州区"));

  /* The scan does find the digits in the plain workbook: it can fail. */
  g_assert_true (shouhu_work_report_run (fx->store, "2020-02-10", "2020-02-16", 0, FALSE, plain, &error));
  plain_scan = shouhu_test_read_xlsx ("xlsx-scan-masked.py", plain);
  g_assert_nonnull (strstr (plain_scan, "leak\t典型\tH4\tdigits: 13812345678"));
}

/* The command line: --export work-report, and what it refuses. */
static void
test_cli (Fixture       *fx,
          gconstpointer  data)
{
  g_autofree char *out_path = g_build_filename (fx->dir, "cli.xlsx", NULL);
  g_autoptr(GHashTable) cells = NULL;
  g_autofree char *err = NULL;

  {
    const char *args[] = { "--database", fx->path, "--export", "work-report", "--from", "2020-02-10",
                           "--to", "2020年2月16日", "--district", "高新区", "--masked", "--output", out_path, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
  }
  cells = read_cells (out_path);
  assert_sheet_row (cells, 5, "高新区", &gaoxin);

  {
    const char *args[] = { "--database", fx->path, "--export", "work-report", "--to", "2020-02-16",
                           "--output", out_path, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--from"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", fx->path, "--export", "work-report", "--from", "2020-02-16",
                           "--to", "2020-02-10", "--output", out_path, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "2020-02-16"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", fx->path, "--export", "work-report", "--from", "2020-02-10",
                           "--to", "2020-02-16", "--date", "2020-02-07", "--output", out_path, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--date"));
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", fx->path, "--export", "annex1", "--from", "2020-02-10",
                           "--output", out_path, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--from"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  shouhu_test_add_fixture ("/work-report/figures", Fixture, fixture_set_up, test_figures, fixture_tear_down);
  shouhu_test_add_fixture ("/work-report/one-day", Fixture, fixture_set_up, test_one_day, fixture_tear_down);
  shouhu_test_add_fixture ("/work-report/one-district", Fixture, fixture_set_up, test_one_district, fixture_tear_down);
  shouhu_test_add_fixture ("/work-report/bad-period", Fixture, fixture_set_up, test_bad_period, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/work-report/workbook", Fixture, fixture_set_up, test_workbook, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/work-report/workbook-one-district", Fixture, fixture_set_up, test_workbook_one_district,
              fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/work-report/cli", Fixture, fixture_set_up, test_cli, fixture_tear_down);
  shouhu_test_add_openpyxl_fixture ("/work-report/workbook-masked", Fixture, fixture_set_up, test_workbook_masked,
              fixture_tear_down);

  return g_test_run ();
}

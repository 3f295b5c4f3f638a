/* test-mask.c — masking by content: the rules, and every cell of every
 * masked workbook read back with openpyxl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-mask.h"
#include "shouhu-phone.h"
#include "shouhu-store-private.h"
#include "shouhu-test-util.h"

#include <locale.h>
#include <string.h>

static void
check_mask (char       *(*mask) (const char *),
            const char  *in,
            const char  *expected)
{
  g_autofree char *out = mask (in);
  g_autofree char *again = mask (out);

  g_assert_cmpstr (out, ==, expected);
  /* Masking a masked text changes nothing. */
  g_assert_cmpstr (again, ==, expected);
}

static void
test_phone (void)
{
  check_mask (shouhu_mask_phone, "13812345678", "138****5678");
  check_mask (shouhu_mask_phone, "138 1234 5678", "138****5678");
  check_mask (shouhu_mask_phone, "+86 13812345678", "138****5678");
  check_mask (shouhu_mask_phone, "023-61234567", "023-****4567");
  check_mask (shouhu_mask_phone, "02361234567", "023-****4567");
  check_mask (shouhu_mask_phone, "010-62345678", "010-****5678");
  check_mask (shouhu_mask_phone, "0571-87654321", "0571-****4321");
  check_mask (shouhu_mask_phone, "61234567", "023-****4567");
  check_mask (shouhu_mask_phone, "023-61234567-88", "023-****4567转88");
  check_mask (shouhu_mask_phone, "", "");
  check_mask (shouhu_mask_phone, "无", "无");
  /* Not one number: masked as text. */
  check_mask (shouhu_mask_phone, "13812345678 或 13912345678", "138****5678 或 139****5678");
  check_mask (shouhu_mask_phone, "1381234567", "******4567");
}

static void
test_text (void)
{
  check_mask (shouhu_mask_phones_in_text, "周小红 13300001234、吴刚 023-61234567",
              "周小红 133****1234、吴刚 023-****4567");
  check_mask (shouhu_mask_phones_in_text, "家属 139-8765-4321 或 138 1234 5678",
              "家属 139****4321 或 138****5678");
  check_mask (shouhu_mask_phones_in_text, "13812345678 13912345678", "138****5678 139****5678");
  check_mask (shouhu_mask_phones_in_text, "电话１３８１２３４５６７８转", "电话138****5678转");
  check_mask (shouhu_mask_phones_in_text, "（023）68881234 转 12 找王主任", "023-****1234转12 找王主任");
  /* ID numbers, with a final X in either case. */
  check_mask (shouhu_mask_phones_in_text, "身份证500101199001011234", "身份证500101********1234");
  check_mask (shouhu_mask_phones_in_text, "身份证：50010119900101123x。", "身份证：500101********123X。");
  check_mask (shouhu_mask_phones_in_text, "500101 19900101 1234", "500101********1234");
  /* Other long numbers keep their last four digits. */
  check_mask (shouhu_mask_phones_in_text, "卡号 6222 0212 3456 7890 123", "卡号 **** **** **** ***0 123");
  check_mask (shouhu_mask_phones_in_text, "编号 1000 2000", "编号 **** 2000");
  /* Dates, counts and postcodes are not personal. */
  check_mask (shouhu_mask_phones_in_text, "2020-02-07到岗，共3人", "2020-02-07到岗，共3人");
  check_mask (shouhu_mask_phones_in_text, "2020.2.7 13812345678", "2020.2.7 138****5678");
  check_mask (shouhu_mask_phones_in_text, "邮编400010，3人", "邮编400010，3人");
  check_mask (shouhu_mask_phones_in_text, "", "");
}

static void
test_house_numbers (void)
{
  check_mask (shouhu_mask_house_numbers, "民族路88号附3号", "民族路");
  check_mask (shouhu_mask_house_numbers, "幸福小区5栋2单元301室", "幸福小区");
  check_mask (shouhu_mask_house_numbers, "幸福小区5栋2单元301", "幸福小区");
  check_mask (shouhu_mask_house_numbers, "金山路12-3，小区 3-2-1，3-2", "金山路，小区 ，3-2");
  check_mask (shouhu_mask_house_numbers, "住民族路８８号 家中老人", "住民族路 家中老人");
  check_mask (shouhu_mask_house_numbers, "附属医院 3号楼", "附属医院 ");
  /* Dates, ranges and counts stay. */
  check_mask (shouhu_mask_house_numbers, "2月3号到岗，需1-2名志愿者，2020-02-07", "2月3号到岗，需1-2名志愿者，2020-02-07");
  check_mask (shouhu_mask_house_numbers, "138****5678、023-****1234转12", "138****5678、023-****1234转12");
}

static void
test_address (void)
{
  check_mask (shouhu_mask_address, "重庆市渝中区解放碑街道民族路123号5栋", "重庆市渝中区解放碑街道");
  check_mask (shouhu_mask_address, "重庆市万州区龙沙镇五桥村3组", "重庆市万州区龙沙镇");
  check_mask (shouhu_mask_address, "重庆市城口县岚天乡岚溪村2组", "重庆市城口县岚天乡");
  /* The first town-level word wins, later ones are part of the street. */
  check_mask (shouhu_mask_address, "北碚区天生街道新镇路8号", "北碚区天生街道");
  /* The 乡镇（街道） wherever it stands. */
  check_mask (shouhu_mask_address, "民族路88号附3号 解放碑街道", "解放碑街道");
  check_mask (shouhu_mask_address, "渝中区 民族路88号附3号 解放碑街道", "渝中区解放碑街道");
  check_mask (shouhu_mask_address, "两江新区金山路12-3礼嘉街道", "两江新区礼嘉街道");
  /* Without a 乡镇（街道）, only the 区县 stays; without that, nothing. */
  check_mask (shouhu_mask_address, "重庆市渝北区金港小区5栋", "重庆市渝北区");
  check_mask (shouhu_mask_address, "5栋2单元301", "");
  check_mask (shouhu_mask_address, "", "");
}

/* Every match of the finder, as "kind:value" lines. */
static char *
find_all (const char *text)
{
  GString *out = g_string_new (NULL);
  ShouhuPhoneMatch match;
  gsize pos = 0;

  while (shouhu_phone_find (text, pos, &match))
    {
      g_assert_cmpuint (match.end, >, match.start);
      g_assert_cmpuint (match.start, >=, pos);
      g_string_append_printf (out, "%d:%.*s:%s\n", match.kind, (int) (match.end - match.start),
                              text + match.start, match.value);
      pos = match.end;
    }
  return g_string_free (out, FALSE);
}

static void
test_find (void)
{
  static const struct { const char *text; const char *found; } cases[] = {
    { "张三 13812345678、李四 023-61234567", "1:13812345678:13812345678\n2:023-61234567:023-61234567\n" },
    { "+86 138 1234 5678。", "1:+86 138 1234 5678:13812345678\n" },
    { "（023）68881234转12", "3:（023）68881234转12:023-68881234-12\n" },
    { "ID 50010119900101123X", "4:50010119900101123X:50010119900101123X\n" },
    { "1 13812345678", "1:13812345678:13812345678\n" },
    { "1381234567", "5:1381234567:\n" },
    { "2020-02-07 共3人 400010", "" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = find_all (cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].found);
    }
  g_assert_false (shouhu_phone_find (NULL, 0, &(ShouhuPhoneMatch) { 0 }));
}

/* ---- Every cell of every masked workbook -------------------------------- */

/* Personal data where nobody would look for it. */
static const char nasty_fixture[] =
  "INSERT INTO district_form VALUES (4, '王芳 13900001111', '023-63891234');"
  "INSERT INTO district_form VALUES (1, '李强', '+86 139 0000 2222');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (1, 4, '重庆医科大学附属第一医院 总机 023 6888 1234', '张敏', '女',"
  "  '护士长 身份证500101199001011234', '发热门诊 联系人 138 1234 5678',"
  "  '民族路88号附3号 解放碑街道', '13812345678', '023-61234567-123',"
  "  '家属电话 139-8765-4321，2020-02-07到岗，2月3号休', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (2, 4, '重庆市急救医疗中心', '陈静', '女', '护士', '（023）68881234 转 12',"
  "  '重庆市渝中区七星岗街道中山一路8号', '18623456789', '',"
  "  '１３８１２３４５６７８ / +86 138 1234 5678 / 8613812345678 / 0086 13812345678', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (3, 1, '重庆三峡中心医院', '刘伟', '男', '医生', '湖北孝感',"
  "  '重庆市万州区龙沙镇五桥村3组', '13698765432', '',"
  "  '家属身份证50010119900101123X；住幸福小区5栋2单元301室', 'x', 'x');"
  "INSERT INTO worker (id, district_id, hospital, name, gender, title, work_place, home_address, phone,"
  " family_phone, note, created, changed) VALUES (4, 39, '重庆市第六人民医院', '赵磊', '男', '医生', '感染科',"
  "  '两江新区金山路12-3 礼嘉街道', '68881234', '2368881234',"
  "  '座机 6888 1234 或 2368881234，小区 3-2-1，卡号 6222 0212 3456 7890 123，旧号 1381234567', 'x', 'x');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed) VALUES (1, '周小红', '13300001234', 4, '解放碑街道', '', '', 'x', 'x');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed) VALUES (2, '吴刚', '023-61234567', 4, '七星岗街道', '', '', 'x', 'x');"
  "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, changed) VALUES (3, '孙丽', '15000005678', 1, '龙沙镇', '', '', 'x', 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (1, 1, 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (1, 2, 'x');"
  "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (3, 3, 'x');";

/* What the scan must find in the same data exported without masking. */
static const char *const unmasked_leaks[] = {
  "digits: 13900001111", "digits: 023-63891234", "139 0000 2222", "digits: 023 6888 1234",
  "digits: 500101199001011234", "digits: 138 1234 5678", "house number: 8号",
  "house number after 附: 附3", "digits: 023-61234567-123", "digits: 139-8765-4321",
  "023)68881234", "digits: 8613812345678", "digits: 0086 13812345678",
  "digits: 50010119900101123", "house number: 5栋", "house number: 2单元", "house number: 1室",
  "house number N-N: 路12-3", "digits: 6888 1234", "digits: 2368881234",
  "house number N-N: 区 3-2-1", "digits: 6222 0212 3456 7890 123", "digits: 1381234567",
  "digits: 13300001234",
};

typedef struct
{
  char  *texts;    /* every text cell, one a line */
  char  *leaks;    /* what the scan found, one a line */
  guint  n_cells;
} Scan;

static void
scan_free (Scan *scan)
{
  g_free (scan->texts);
  g_free (scan->leaks);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scan, scan_free)

static Scan *
scan_xlsx (const char *path)
{
  g_autofree char *out = shouhu_test_read_xlsx ("xlsx-scan-masked.py", path);
  g_autoptr(GString) texts = g_string_new (NULL), leaks = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  Scan *scan = g_new0 (Scan, 1);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", 4);

      if (g_strv_length (f) >= 4 && g_str_equal (f[0], "text"))
        g_string_append_printf (texts, "%s\n", f[3]);
      else if (g_strv_length (f) >= 4 && g_str_equal (f[0], "leak"))
        g_string_append_printf (leaks, "%s\n", lines[i]);
      else if (g_strv_length (f) == 2 && g_str_equal (f[0], "cells"))
        scan->n_cells = (guint) g_ascii_strtoull (f[1], NULL, 10);
    }
  scan->texts = g_string_free (g_steal_pointer (&texts), FALSE);
  scan->leaks = g_string_free (g_steal_pointer (&leaks), FALSE);
  return scan;
}

static void
assert_holds (const Scan *scan,
              const char *text)
{
  if (strstr (scan->texts, text) == NULL)
    g_error ("no cell holds “%s”; the cells:\n%s", text, scan->texts);
}

static void
assert_lacks (const Scan *scan,
              const char *text)
{
  if (strstr (scan->texts, text) != NULL)
    g_error ("a masked cell still holds “%s”", text);
}

static Scan *
export_masked (ShouhuStore      *store,
               ShouhuExportKind  kind,
               const char       *path)
{
  g_autoptr(GError) error = NULL;
  Scan *scan;

  g_assert_true (shouhu_export_run (store, kind, NULL, 0, TRUE, path, &error));
  g_assert_no_error (error);
  scan = scan_xlsx (path);
  if (*scan->leaks != '\0')
    g_error ("the masked workbook %s gives people away:\n%s", path, scan->leaks);
  return scan;
}

static void
test_masked_workbooks (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *annex1 = g_build_filename (dir, "附件1-脱敏.xlsx", NULL);
  g_autofree char *annex2 = g_build_filename (dir, "附件2-脱敏.xlsx", NULL);
  g_autofree char *summary = g_build_filename (dir, "汇总-脱敏.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(Scan) scan = NULL;

  g_assert_true (shouhu_store_exec (store, nasty_fixture, &error));
  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (shouhu_annex1_set_note (store, "2020-02-07", 4, "联系人 13812345678，民族路88号附3号", &error));
  g_assert_no_error (error);

  scan = export_masked (store, SHOUHU_EXPORT_ANNEX2, annex2);
  /* Every cell was read: three sheets of 附件2, title, header line, 11
   * headings and 2 notes, and the four rows' cells that are not empty
   * (序号 and 10 fields, less 2 in row 2 and 1 in rows 3 and 4). */
  g_assert_cmpuint (scan->n_cells, ==, 3 * (1 + 1 + 1 + 11 + 2) + 4 * 11 - 2 - 1 - 1);
  /* The masks are there, and what is not personal stayed. */
  assert_holds (scan, "联系电话：023-****1234");
  assert_holds (scan, "联系电话：139****2222");
  assert_holds (scan, "王芳 139****1111");
  assert_holds (scan, "总机 023-****1234");
  assert_holds (scan, "身份证500101********1234");
  assert_holds (scan, "家属身份证500101********123X");
  assert_holds (scan, "发热门诊 联系人 138****5678");
  assert_holds (scan, "023-****4567转123");
  assert_holds (scan, "023-****1234转12");
  assert_holds (scan, "家属电话 139****4321，2020-02-07到岗，2月3号休");
  assert_holds (scan, "138****5678 / 138****5678 / 138****5678 / 138****5678");
  assert_holds (scan, "\n解放碑街道\n");
  assert_holds (scan, "重庆市渝中区七星岗街道");
  assert_holds (scan, "重庆市万州区龙沙镇\n");
  assert_holds (scan, "两江新区礼嘉街道");
  assert_holds (scan, "周小红 133****1234、吴刚 023-****4567");
  assert_holds (scan, "重庆医科大学附属第一医院");
  assert_lacks (scan, "民族路");
  assert_lacks (scan, "五桥村");
  g_clear_pointer (&scan, scan_free);

  /* The scan sees what masking hides: unmasked, the same data leaks. */
  g_assert_true (shouhu_export_run (store, SHOUHU_EXPORT_ANNEX2, NULL, 0, FALSE, annex2, &error));
  g_assert_no_error (error);
  scan = scan_xlsx (annex2);
  for (guint i = 0; i < G_N_ELEMENTS (unmasked_leaks); i++)
    if (strstr (scan->leaks, unmasked_leaks[i]) == NULL)
      g_error ("the scan of the unmasked workbook missed “%s”:\n%s", unmasked_leaks[i], scan->leaks);
  g_clear_pointer (&scan, scan_free);

  scan = export_masked (store, SHOUHU_EXPORT_ANNEX1, annex1);
  assert_holds (scan, "联系人 138****5678，民族路");
  assert_holds (scan, "渝中区");
  g_clear_pointer (&scan, scan_free);

  scan = export_masked (store, SHOUHU_EXPORT_SUMMARY, summary);
  assert_holds (scan, "全市合计");

  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* Failures print the cells: in UTF-8, not as question marks. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  shouhu_test_add ("/mask/phone", test_phone);
  shouhu_test_add ("/mask/text", test_text);
  shouhu_test_add ("/mask/house-numbers", test_house_numbers);
  shouhu_test_add ("/mask/address", test_address);
  shouhu_test_add ("/mask/find", test_find);
  shouhu_test_add_openpyxl ("/mask/workbooks", test_masked_workbooks);
  return g_test_run ();
}

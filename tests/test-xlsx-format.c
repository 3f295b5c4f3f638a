/* test-xlsx-format.c — numbers as a spreadsheet shows them
 *
 * Each example is what Excel (zh-CN) shows for the value in the format.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-test-util.h"
#include "shouhu-xlsx-reader.h"

static const struct
{
  double      value;
  const char *code;
  const char *shown;
} examples[] = {
  /* General */
  { 13812345678, "General", "13812345678" },
  { 138123456789, "General", "1.38123E+11" },
  { 0.5, "General", "0.5" },
  { -2.25, "General", "-2.25" },
  { 1.0 / 3, "General", "0.333333333" },
  { 0, "General", "0" },
  /* Digits, grouping, scaling */
  { 5, "0", "5" },
  { 5.5, "0", "6" },
  { 1234.5, "#,##0", "1,235" },
  { 1234567.891, "#,##0.00", "1,234,567.89" },
  { 0.5, "0.00", "0.50" },
  { 0.5, "#.##", ".5" },
  { 7, "000", "007" },
  { 1234567, "#,##0,", "1,235" },
  { 12, "0.0#", "12.0" },
  { -12.5, "0.0", "-12.5" },
  { -12.5, "0.0;(0.0)", "(12.5)" },
  { 0, "0;-0;\"零\"", "零" },
  { 150, "[>100]\"多\";\"少\"", "多" },
  { 50, "[>100]\"多\";\"少\"", "少" },
  { 3, "0\"人\"", "3人" },
  { 1234, "[$¥-804]#,##0", "¥1,234" },
  { 42, "[Red]0", "42" },
  /* Percentages and scientific */
  { 0.5, "0%", "50%" },
  { 0.1234, "0.00%", "12.34%" },
  { 12345, "0.00E+00", "1.23E+04" },
  { 0.00012, "0.00E+00", "1.20E-04" },
  /* Fractions */
  { 1.5, "# ?/?", "1 1/2" },
  { 0.75, "# ?/?", "3/4" },
  /* Dates: 43871 is 2020-02-10, 43868 2020-02-07 */
  { 43871, "m\"月\"d\"日\"", "2月10日" },
  { 43868, "yyyy\"年\"m\"月\"d\"日\"", "2020年2月7日" },
  { 43868, "\"（截至\"yyyy\"年\"m\"月\"d\"日）\"", "（截至2020年2月7日）" },
  { 43871, "yyyy/m/d", "2020/2/10" },
  { 43871, "yyyy-mm-dd", "2020-02-10" },
  { 43871, "d-mmm-yy", "10-Feb-20" },
  { 43871, "dddd", "Monday" },
  { 43871, "aaaa", "星期一" },
  { 43871, "[$-804]mmmm", "二月" },
  { 43871.75, "yyyy/m/d h:mm", "2020/2/10 18:00" },
  { 60, "yyyy-mm-dd", "1900-02-29" },
  { 59, "yyyy-mm-dd", "1900-02-28" },
  { 61, "yyyy-mm-dd", "1900-03-01" },
  /* Times */
  { 0.75, "h:mm", "18:00" },
  { 0.75, "h:mm AM/PM", "6:00 PM" },
  { 0.25, "上午/下午h\"时\"mm\"分\"", "上午6时00分" },
  { 0.5 + 1.0 / 1440, "h\"时\"mm\"分\"", "12时01分" },
  { 1.5, "[h]:mm:ss", "36:00:00" },
  { 0.000011574, "mm:ss.0", "00:01.0" },
  { 0.5 / 86400, "h:mm:ss", "0:00:01" },
  /* Escapes, spaces, fill */
  { 5, "\\$0_)", "$5 " },
  { 5, "* 0", "5" },
  { 0.5, "@", "0.5" },
};

static void
test_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *shown = shouhu_xlsx_format_number (examples[i].value, examples[i].code, FALSE);

      g_test_message ("%.10g in %s → %s", examples[i].value, examples[i].code, shown);
      g_assert_cmpstr (shown, ==, examples[i].shown);
    }
}

static void
test_builtin (void)
{
  g_autofree char *a = shouhu_xlsx_format_number (43871, shouhu_xlsx_builtin_format (58), FALSE);
  g_autofree char *b = shouhu_xlsx_format_number (0.5, shouhu_xlsx_builtin_format (9), FALSE);
  g_autofree char *c = shouhu_xlsx_format_number (43871, shouhu_xlsx_builtin_format (14), FALSE);
  g_autofree char *d = shouhu_xlsx_format_number (42, shouhu_xlsx_builtin_format (163), FALSE);

  g_assert_cmpstr (a, ==, "2月10日");
  g_assert_cmpstr (b, ==, "50%");
  g_assert_cmpstr (c, ==, "2020/2/10");
  g_assert_cmpstr (d, ==, "42");   /* unknown ids show as General */
}

static void
test_dates (void)
{
  g_autofree char *a = shouhu_xlsx_serial_to_date (43868, FALSE);
  g_autofree char *b = shouhu_xlsx_serial_to_date (42406, TRUE);
  g_autofree char *c = shouhu_xlsx_format_number (42406, "yyyy-mm-dd", TRUE);

  g_assert_cmpstr (a, ==, "2020-02-07");
  g_assert_cmpstr (b, ==, "2020-02-07");
  g_assert_cmpstr (c, ==, "2020-02-07");
  g_assert_null (shouhu_xlsx_serial_to_date (-1, FALSE));
  g_assert_null (shouhu_xlsx_serial_to_date (1e9, FALSE));
  g_assert_true (shouhu_xlsx_format_is_date ("m\"月\"d\"日\""));
  g_assert_true (shouhu_xlsx_format_is_date ("[h]:mm"));
  g_assert_false (shouhu_xlsx_format_is_date ("0.00%"));
  g_assert_false (shouhu_xlsx_format_is_date ("\"d\"0"));
  g_assert_false (shouhu_xlsx_format_is_date ("General"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  shouhu_test_add ("/xlsx-format/examples", test_examples);
  shouhu_test_add ("/xlsx-format/builtin", test_builtin);
  shouhu_test_add ("/xlsx-format/dates", test_dates);
  return g_test_run ();
}

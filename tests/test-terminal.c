/* test-terminal.c — the command line never prints control characters from data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-terminal.h"
#include "shouhu-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static void
test_safe_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "张敏 13812345678", "张敏 13812345678" },
    { "\033[31m红\033[0m", "\xef\xbf\xbd[31m红\xef\xbf\xbd[0m" },          /* ESC */
    { "\033]0;pwned\007", "\xef\xbf\xbd]0;pwned\xef\xbf\xbd" },            /* title, BEL */
    { "第一行\n第二行\r\t完", "第一行 第二行  完" },                        /* white space */
    { "a\v\fb", "a  b" },
    { "back\bspace\177", "back\xef\xbf\xbdspace\xef\xbf\xbd" },           /* BS, DEL */
    { "\302\2332J", "\xef\xbf\xbd" "2J" },                                /* U+009B CSI */
    { "\2332J", "\xef\xbf\xbd" "2J" },                                    /* a lone 0x9B byte */
    { "\342\200\256evil", "\xef\xbf\xbd" "evil" },                        /* U+202E */
    { "line\342\200\250sep", "line sep" },                                /* U+2028 */
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = shouhu_terminal_safe (cases[i].in);

      g_assert_cmpstr (safe, ==, cases[i].out);
    }
}

/* Any control byte but the program's own line feeds, or a C1 control. */
static void
assert_no_controls (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      if ((*p < 0x20 && *p != '\n') || *p == 0x7f || *p == 0x9b)
        g_error ("control byte 0x%02x in: %s", *p, text);
      if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        g_error ("C1 control in: %s", text);
    }
}

/* A district's form whose sheet name, a name and a phone hold escape
 * sequences (openpyxl refuses them, so they go in after it wrote). */
static const char evil_form[] =
  "import openpyxl, zipfile\n"
  "heads = ['序号', '医院', '姓名', '性别', '职务', '一线工作具体地点', '家庭地址', '本人联系电话',"
  "         '家属联系电话', '结对志愿者', '备注']\n"
  "wb = openpyxl.Workbook(); ws = wb.active; ws.title = '江北@ESC@2J'\n"
  "ws['B2'] = '区县：'; ws['C2'] = '江北'\n"
  "for c, h in enumerate(heads): ws.cell(3, 2 + c, h)\n"
  "rows = [[1, '江北区人民医院', '郑@ESC@]0;pwned@BEL@一', '女', '护师', '', '', 13900000001, '', '', ''],\n"
  "        [2, '江北区人民医院', '王二', '女', '', '', '', '139@ESC@[31m', '', '', '']]\n"
  "for r, row in enumerate(rows):\n"
  "    for c, v in enumerate(row): ws.cell(4 + r, 2 + c, v)\n"
  "wb.save('plain.xlsx')\n"
  "zin = zipfile.ZipFile('plain.xlsx'); zout = zipfile.ZipFile('evil.xlsx', 'w')\n"
  "for item in zin.infolist():\n"
  "    zout.writestr(item, zin.read(item.filename).replace(b'@ESC@', b'\\x1b').replace(b'@BEL@', b'\\x07'))\n"
  "zout.close()\n";

static void
test_cli_prints_no_controls (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *db = g_build_filename (dir, "shouhu.db", NULL);
  g_autofree char *evil = g_build_filename (dir, "evil.xlsx", NULL);
  g_autofree char *evil_name = g_build_filename (dir, "\033]0;pwned\007\033[2J附件1.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "\033[31mmissing.xlsx", NULL);
  g_autofree char *out = NULL, *err = NULL;

  shouhu_test_run_python (dir, evil_form);

  /* Cells: the new record's name, the rejected phone, the sheet name. */
  {
    const char *args[] = { "--database", db, "--import", evil, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, &out, &err), ==, 1);
    g_test_message ("%s%s", out, err);
    g_assert_nonnull (strstr (out, "pwned"));
    g_assert_nonnull (strstr (out, "[31m"));
    assert_no_controls (out);
    assert_no_controls (err);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  /* File names, in a message and in the job's report. */
  {
    const char *args[] = { "--database", db, "--import", missing, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "missing.xlsx"));
    assert_no_controls (out);
    assert_no_controls (err);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", db, "--load-notice-figures", NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, NULL, NULL), ==, 0);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex1", "--output", evil_name, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, &out, &err), ==, 0);
    g_assert_true (g_file_test (evil_name, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (out, "附件1.xlsx"));
    assert_no_controls (out);
    assert_no_controls (err);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "--database", db, "--export", "annex2", "--district", "\033[2J渝中",
                           "--output", evil_name, NULL };

    g_assert_cmpint (shouhu_test_run_cli (args, NULL, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "渝中"));
    assert_no_controls (err);
  }
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  shouhu_test_add ("/terminal/safe-text", test_safe_text);
  /* Its hostile workbook is made with openpyxl. */
  shouhu_test_add_openpyxl ("/terminal/cli-prints-no-controls", test_cli_prints_no_controls);

  return g_test_run ();
}

/* test-xlsx-reader.c — the xlsx reader on good, odd and hostile files
 *
 * Good files are written by openpyxl and libxlsxwriter, the programs whose
 * output districts send; odd and hostile ones are assembled here part by
 * part with libzip, and some have their zip headers patched to lie.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-test-util.h"
#include "shouhu-xlsx-reader.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <xlsxwriter.h>
#include SHOUHU_LIBZIP_H   /* libzip's zip.h by its full path: see meson.build */

static char *tmp_dir;

static const char content_types[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";
static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>";
static const char workbook_one_sheet[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
  "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
  "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char workbook_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
  "</Relationships>";
static const char strings_two[] =
  "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\">"
  "<si><t>甲</t></si><si><r><t>乙</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 丙</t></r>"
  "<rPh sb=\"0\" eb=\"1\"><t>yi</t></rPh></si></sst>";

#define SHEET_OPEN "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
#define SHEET_CLOSE "</sheetData></worksheet>"

/* Writes a zip of (name, content) pairs, NULL-terminated; returns its path. */
static char *
make_zip (const char *file_name,
          ...)
{
  char *path = g_build_filename (tmp_dir, file_name, NULL);
  int zerr = 0;
  zip_t *za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
  const char *name;
  va_list args;

  g_assert_nonnull (za);
  va_start (args, file_name);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *content = va_arg (args, const char *);
      zip_source_t *src = zip_source_buffer (za, content, strlen (content), 0);

      g_assert_nonnull (src);
      g_assert_cmpint (zip_file_add (za, name, src, ZIP_FL_ENC_UTF_8), >=, 0);
    }
  va_end (args);
  g_assert_cmpint (zip_close (za), ==, 0);
  return path;
}

/* A workbook of one sheet "S" whose sheetData is @rows. */
static char *
make_sheet (const char *file_name,
            const char *rows)
{
  g_autofree char *sheet = g_strconcat (SHEET_OPEN, rows, SHEET_CLOSE, NULL);

  return make_zip (file_name,
                   "[Content_Types].xml", content_types,
                   "_rels/.rels", root_rels,
                   "xl/workbook.xml", workbook_one_sheet,
                   "xl/_rels/workbook.xml.rels", workbook_rels,
                   "xl/sharedStrings.xml", strings_two,
                   "xl/worksheets/sheet1.xml", sheet,
                   NULL);
}

static const ShouhuXlsxCell *
cell (const ShouhuXlsxSheet *sheet,
      const char            *name)
{
  guint row, col;

  g_assert_true (shouhu_xlsx_parse_cell_name (name, strlen (name), &row, &col));
  return shouhu_xlsx_sheet_get_cell (sheet, row, col);
}

static void
assert_cell (const ShouhuXlsxSheet *sheet,
             const char            *name,
             ShouhuXlsxCellType     type,
             const char            *text)
{
  const ShouhuXlsxCell *c = cell (sheet, name);

  g_assert_nonnull (c);
  g_assert_cmpint (c->type, ==, type);
  g_assert_cmpstr (c->text, ==, text);
}

static void
test_cell_names (void)
{
  static const struct { const char *name; guint row, col; } good[] = {
    { "A1", 0, 0 }, { "Z9", 8, 25 }, { "AA10", 9, 26 }, { "xfd1048576", 1048575, 16383 },
  };
  static const char *bad[] = { "", "A", "1", "A0", "A01", "XFE1", "A1048577", "AAAA1",
                               "A12345678", "$A$1", "A1 ", "A-1" };
  guint row, col;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *name = NULL;

      g_assert_true (shouhu_xlsx_parse_cell_name (good[i].name, strlen (good[i].name), &row, &col));
      g_assert_cmpuint (row, ==, good[i].row);
      g_assert_cmpuint (col, ==, good[i].col);
      name = shouhu_xlsx_cell_name (row, col);
      g_assert_cmpstr (name, ==, i == 3 ? "XFD1048576" : good[i].name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (shouhu_xlsx_parse_cell_name (bad[i], strlen (bad[i]), &row, &col));
}

static void
test_number_digits (void)
{
  static const struct { const char *stored, *digits; } cases[] = {
    { "13812345678", "13812345678" },
    { "1.3812345678E+10", "13812345678" },
    { "1.3812345678e10", "13812345678" },
    { "13812345678.0", "13812345678" },
    { "138123456.78E2", "13812345678" },
    { "1381234567800E-2", "13812345678" },
    { "0", "0" },
    { "007", "7" },
    { "1.38E+10", NULL },      /* digits lost */
    { "1.5", NULL },
    { "-13812345678", NULL },
    { "1E-1", NULL },
    { "1E+99999", NULL },
    { "abc", NULL },
    { "", NULL },
    { "1e", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *digits = shouhu_xlsx_number_digits (cases[i].stored);
      g_assert_cmpstr (digits, ==, cases[i].digits);
    }
}

/* A workbook as openpyxl writes it: shared strings, numbers, merges, and
 * sheets whose order differs from their part names. */
static void
test_openpyxl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "openpyxl.xlsx", NULL);
  const ShouhuXlsxSheet *sheet;
  const ShouhuXlsxRange *range;
  guint n;

  shouhu_test_run_python (tmp_dir, "import openpyxl\n"
              "wb = openpyxl.Workbook()\n"
              "a = wb.active; a.title = '附件1'\n"
              "a['A1'] = '重庆市一线医护人员信息统计表'; a.merge_cells('A1:I1')\n"
              "a['B3'] = 13812345678; a['C3'] = 2.5; a['D3'] = True; a['E3'] = ' 渝中区 '\n"
              "a['A2'] = '（截至2020年2月7日）'\n"
              "a['XFD1048576'] = 'corner'\n"
              "b = wb.create_sheet('第二'); b['A1'] = '第二'\n"
              "c = wb.create_sheet('Hidden'); c.sheet_state = 'hidden'; c['C2'] = 7\n"
              "wb.move_sheet('第二', offset=-1)\n"
              "wb.save('openpyxl.xlsx')\n");

  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_xlsx_workbook_get_n_sheets (wb), ==, 3);
  g_assert_cmpstr (shouhu_xlsx_sheet_get_name (shouhu_xlsx_workbook_get_sheet (wb, 0)), ==, "第二");
  g_assert_cmpstr (shouhu_xlsx_sheet_get_name (shouhu_xlsx_workbook_get_sheet (wb, 1)), ==, "附件1");
  g_assert_true (shouhu_xlsx_sheet_is_hidden (shouhu_xlsx_workbook_get_sheet (wb, 2)));
  g_assert_false (shouhu_xlsx_sheet_is_hidden (shouhu_xlsx_workbook_get_sheet (wb, 1)));

  sheet = shouhu_xlsx_workbook_get_sheet (wb, 1);
  assert_cell (sheet, "A1", SHOUHU_XLSX_CELL_STRING, "重庆市一线医护人员信息统计表");
  assert_cell (sheet, "A2", SHOUHU_XLSX_CELL_STRING, "（截至2020年2月7日）");
  assert_cell (sheet, "B3", SHOUHU_XLSX_CELL_NUMBER, "13812345678");
  assert_cell (sheet, "C3", SHOUHU_XLSX_CELL_NUMBER, "2.5");
  assert_cell (sheet, "D3", SHOUHU_XLSX_CELL_BOOLEAN, "TRUE");
  assert_cell (sheet, "E3", SHOUHU_XLSX_CELL_STRING, " 渝中区 ");
  assert_cell (sheet, "XFD1048576", SHOUHU_XLSX_CELL_STRING, "corner");
  g_assert_null (cell (sheet, "B1"));
  g_assert_cmpuint (shouhu_xlsx_sheet_get_n_rows (sheet), ==, 1048576);
  g_assert_cmpuint (shouhu_xlsx_sheet_get_n_columns (sheet), ==, 16384);

  shouhu_xlsx_sheet_get_merged (sheet, &n);
  g_assert_cmpuint (n, ==, 1);
  range = shouhu_xlsx_sheet_find_merged (sheet, 0, 5);
  g_assert_nonnull (range);
  g_assert_cmpuint (range->first_col, ==, 0);
  g_assert_cmpuint (range->last_col, ==, 8);
  g_assert_null (shouhu_xlsx_sheet_find_merged (sheet, 1, 0));

  assert_cell (shouhu_xlsx_workbook_get_sheet (wb, 2), "C2", SHOUHU_XLSX_CELL_NUMBER, "7");
}

/* libxlsxwriter: formulas with cached values, rich strings (shared) and,
 * in constant_memory mode, inline strings. */
static void
test_xlsxwriter (void)
{
  for (int constant_memory = 0; constant_memory <= 1; constant_memory++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, "lxw.xlsx", NULL);
      lxw_workbook_options options = { .constant_memory = constant_memory, .tmpdir = tmp_dir };
      lxw_workbook *wb = workbook_new_opt (path, &options);
      lxw_worksheet *ws = workbook_add_worksheet (wb, "数据");
      lxw_format *bold = workbook_add_format (wb);
      lxw_rich_string_tuple f1 = { NULL, "黔江" }, f2 = { bold, "区" };
      lxw_rich_string_tuple *rich[] = { &f1, &f2, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(ShouhuXlsxWorkbook) book = NULL;
      const ShouhuXlsxSheet *sheet;
      const ShouhuXlsxCell *c;

      format_set_bold (bold);
      worksheet_write_string (ws, 0, 0, "张三", NULL);
      worksheet_write_number (ws, 0, 1, 13812345678.0, NULL);
      worksheet_write_formula_num (ws, 1, 0, "=1+2", NULL, 3);
      worksheet_write_formula_str (ws, 1, 1, "=\"a\"&\"b\"", NULL, "ab");
      worksheet_write_rich_string (ws, 2, 0, rich, NULL);
      worksheet_write_boolean (ws, 2, 1, 0, NULL);
      g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

      book = shouhu_xlsx_workbook_new_from_file (path, &error);
      g_assert_no_error (error);
      sheet = shouhu_xlsx_workbook_get_sheet (book, 0);
      g_assert_cmpstr (shouhu_xlsx_sheet_get_name (sheet), ==, "数据");
      assert_cell (sheet, "A1", SHOUHU_XLSX_CELL_STRING, "张三");
      assert_cell (sheet, "B1", SHOUHU_XLSX_CELL_NUMBER, "13812345678");
      assert_cell (sheet, "A2", SHOUHU_XLSX_CELL_NUMBER, "3");
      assert_cell (sheet, "B2", SHOUHU_XLSX_CELL_STRING, "ab");
      assert_cell (sheet, "A3", SHOUHU_XLSX_CELL_STRING, "黔江区");
      assert_cell (sheet, "B3", SHOUHU_XLSX_CELL_BOOLEAN, "FALSE");
      c = cell (sheet, "A2");
      g_assert_true (c->has_formula);
      g_assert_false (cell (sheet, "A1")->has_formula);
    }
}

/* What Excel and other programs write but openpyxl does not: phones in
 * exponent form, inline rich text, escapes, cells without references,
 * prefixed element names, phonetic runs, error values. */
static void
test_crafted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autofree char *path = make_sheet ("crafted.xlsx",
    "<row r=\"2\"><c r=\"A2\"><v>1.3812345678E+10</v></c>"
    "<c r=\"B2\" t=\"s\"><v>1</v></c>"
    "<c r=\"C2\" t=\"inlineStr\"><is><r><t>第</t></r><r><t>一批</t></r></is></c>"
    "<c r=\"D2\" t=\"inlineStr\"><is><t>a_x000D_b_x005F_x0041_</t></is></c>"
    "<c r=\"E2\" t=\"e\"><v>#N/A</v></c><c r=\"F2\" s=\"3\"/><c r=\"G2\" t=\"s\"><v>0</v></c></row>"
    "<row><c><v>1</v></c><c t=\"str\"><f>A3</f><v> x </v></c></row>"
    "<row r=\"9\" hidden=\"1\"><c r=\"C9\"><v>5</v></c><c><v>6</v></c>"
    /* Control characters: ESC sequences, NUL, C1; tab and newline stay. */
    "<c r=\"E9\" t=\"inlineStr\"><is><t>王_x001B_[31m五_x0000_六\xc2\x85" "\t七&#10;八</t></is></c></row>"
    "<row r=\"10\" hidden=\"true\"><c r=\"A10\" t=\"inlineStr\"><is><t>&#x1b;]0;title&#7;</t></is></c></row>");
  const ShouhuXlsxSheet *sheet;
  g_autofree char *digits = NULL;

  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  sheet = shouhu_xlsx_workbook_get_sheet (wb, 0);
  assert_cell (sheet, "A2", SHOUHU_XLSX_CELL_NUMBER, "1.3812345678E+10");
  digits = shouhu_xlsx_number_digits (cell (sheet, "A2")->text);
  g_assert_cmpstr (digits, ==, "13812345678");
  assert_cell (sheet, "B2", SHOUHU_XLSX_CELL_STRING, "乙 丙");
  assert_cell (sheet, "G2", SHOUHU_XLSX_CELL_STRING, "甲");
  assert_cell (sheet, "C2", SHOUHU_XLSX_CELL_STRING, "第一批");
  assert_cell (sheet, "D2", SHOUHU_XLSX_CELL_STRING, "a\nb_x0041_");
  assert_cell (sheet, "E2", SHOUHU_XLSX_CELL_ERROR, "#N/A");
  g_assert_null (cell (sheet, "F2"));
  assert_cell (sheet, "A3", SHOUHU_XLSX_CELL_NUMBER, "1");
  assert_cell (sheet, "B3", SHOUHU_XLSX_CELL_STRING, " x ");
  assert_cell (sheet, "C9", SHOUHU_XLSX_CELL_NUMBER, "5");
  assert_cell (sheet, "D9", SHOUHU_XLSX_CELL_NUMBER, "6");
  assert_cell (sheet, "E9", SHOUHU_XLSX_CELL_STRING, "王[31m五六\t七\n八");
  assert_cell (sheet, "A10", SHOUHU_XLSX_CELL_STRING, "]0;title");
  g_assert_cmpuint (shouhu_xlsx_sheet_get_n_rows (sheet), ==, 10);
  {
    guint n_hidden;
    const guint32 *hidden = shouhu_xlsx_sheet_get_hidden_rows (sheet, &n_hidden);

    g_assert_cmpuint (n_hidden, ==, 2);
    g_assert_cmpuint (hidden[0], ==, 8);
    g_assert_cmpuint (hidden[1], ==, 9);
  }
}

/* The same cells in the tags files write (read in one pass) and in the
 * shapes left to the full reading: spaces, tabs and line breaks between
 * attributes, single quotes, values holding '>', the other quote or an
 * entity, prefixes, comments, CDATA, empty elements.  Rows of uneven
 * length put every shape across the boundaries of the pieces the part
 * is inflated in. */
static void
test_tag_shapes (void)
{
  static const char *const shapes[] = {
    "<row r=\"@\"><c r=\"A@\"><v>@</v></c><c r=\"B@\" t=\"s\"><v>0</v></c>"
    "<c r=\"C@\" t=\"inlineStr\"><is><t>x@</t></is></c></row>",
    "<row\tr=\"@\"\n><c  r=\"A@\" ><v>@</v ></c><c r='B@' t='s'><v>0</v></c >"
    "<c r=\"C@\"\r\nt=\"inlineStr\"><is><t>x@</t></is></c></row >",
    "<row r=\"@\" x=\"a>b\" y='say \"@\"' z=\"&amp;&#x41;\"><c r=\"A@\" s=\"0\"><v>@</v></c>"
    "<c r=\"B@\" t=\"s\" w=\"it's\"><v>0</v></c><c r=\"C@\" t=\"inlineStr\"><is><t>x@</t></is></c></row>",
    "<x:row r=\"@\"><x:c r=\"A@\"><x:v>@</x:v></x:c><x:c r=\"B@\" t=\"s\"><x:v>0</x:v></x:c>"
    "<x:c r=\"C@\" t=\"inlineStr\"><x:is><x:t>x@</x:t></x:is></x:c></x:row>",
    "<row r=\"@\"><!-- <c r=\"D@\"> --><c r=\"A@\"><v>@</v></c><c r=\"B@\" t=\"s\"><v>0</v></c>"
    "<c r=\"C@\" t=\"inlineStr\"><is><t><![CDATA[x@]]></t></is></c><c r=\"D@\"/><c r=\"E@\" s=\"1\" /></row>",
    "<row r=\"@\"><c r=\"A@\"><v> @</v></c><c r=\"B@\" t=\"s\"><v>0 </v></c>"
    "<c r=\"C@\" t=\"inlineStr\"><is><r><t>x</t></r><r><t>@</t></r></is></c></row>",
  };
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autofree char *path = NULL;
  const ShouhuXlsxSheet *sheet;
  const guint n_rows = 3000;
  gsize n_cells;

  for (guint i = 1; i <= n_rows; i++)
    {
      g_autoptr(GString) row = g_string_new (shapes[i % G_N_ELEMENTS (shapes)]);
      g_autofree char *number = g_strdup_printf ("%u", i);

      g_string_replace (row, "@", number, 0);
      g_string_append (rows, row->str);
      for (guint pad = 0; pad < i % 13; pad++)
        g_string_append_c (rows, pad % 2 ? ' ' : '\n');
    }
  g_assert_cmpuint (rows->len, >, 4 * 64 * 1024);
  path = make_sheet ("shapes.xlsx", rows->str);
  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  sheet = shouhu_xlsx_workbook_get_sheet (wb, 0);
  g_assert_cmpuint (shouhu_xlsx_sheet_get_n_rows (sheet), ==, n_rows);
  shouhu_xlsx_sheet_get_cells (sheet, &n_cells);
  g_assert_cmpuint (n_cells, ==, 3 * n_rows);
  for (guint i = 1; i <= n_rows; i++)
    {
      g_autofree char *a = g_strdup_printf ("A%u", i);
      g_autofree char *b = g_strdup_printf ("B%u", i);
      g_autofree char *c = g_strdup_printf ("C%u", i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *text = g_strdup_printf ("x%u", i);

      assert_cell (sheet, a, SHOUHU_XLSX_CELL_NUMBER, number);
      assert_cell (sheet, b, SHOUHU_XLSX_CELL_STRING, "甲");
      assert_cell (sheet, c, SHOUHU_XLSX_CELL_STRING, text);
    }
}

static void
assert_refused (const char      *path,
                ShouhuXlsxError  code,
                const char      *detail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autofree char *base = g_path_get_basename (path);

  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_null (wb);
  g_assert_error (error, SHOUHU_XLSX_ERROR, (int) code);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), <, 2000);
  g_assert_nonnull (strstr (error->message, base));
  if (detail != NULL && strstr (error->message, detail) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, detail);
}

/* Other spreadsheet files, under their own names or an .xlsx one: the
 * message names the format and says to save it as an Excel workbook. */
static void
test_other_formats (void)
{
  static const guint8 ole2[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0 };
  static const struct { const char *name; const char *detail; } ole_files[] = {
    { "old.xls", ".xls" }, { "wps.et", ".et" }, { "doc.wps", ".wps" }, { "renamed.xlsx", ".xls, .et" },
  };
  g_autofree char *ods = make_zip ("sheet.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                   "content.xml", "<office:document-content/>", NULL);
  g_autofree char *ods_renamed = make_zip ("ods-renamed.xlsx", "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                                           "content.xml", "<office:document-content/>", NULL);
  g_autofree char *csv = g_build_filename (tmp_dir, "list.csv", NULL);
  g_autofree char *html = g_build_filename (tmp_dir, "web.xls", NULL);
  g_autofree char *fifo = g_build_filename (tmp_dir, "fifo.xlsx", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ole_files); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, ole_files[i].name, NULL);

      g_assert_true (g_file_set_contents (path, (const char *) ole2, sizeof ole2, NULL));
      assert_refused (path, SHOUHU_XLSX_ERROR_OTHER_FORMAT, ole_files[i].detail);
      assert_refused (path, SHOUHU_XLSX_ERROR_OTHER_FORMAT, "另存为");
    }
  assert_refused (ods, SHOUHU_XLSX_ERROR_OTHER_FORMAT, ".ods");
  assert_refused (ods_renamed, SHOUHU_XLSX_ERROR_OTHER_FORMAT, ".ods");
  assert_refused (ods_renamed, SHOUHU_XLSX_ERROR_OTHER_FORMAT, "Excel 工作簿");
  g_assert_true (g_file_set_contents (csv, "\xef\xbb\xbf序号,姓名\r\n1,张三\r\n", -1, NULL));
  assert_refused (csv, SHOUHU_XLSX_ERROR_OTHER_FORMAT, ".csv");
  g_assert_true (g_file_set_contents (html, "<html><body><table><tr><td>1</td></tr></table></body></html>", -1, NULL));
  assert_refused (html, SHOUHU_XLSX_ERROR_OTHER_FORMAT, "HTML");

  /* Only files: a FIFO without a writer and an endless device are
   * refused at once, not read. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_refused (fifo, SHOUHU_XLSX_ERROR_NOT_REGULAR, "fifo.xlsx");
  assert_refused ("/dev/zero", SHOUHU_XLSX_ERROR_NOT_REGULAR, "zero");
  assert_refused (tmp_dir, SHOUHU_XLSX_ERROR_NOT_REGULAR, NULL);
}

/* A text longer than a cell may hold is kept cut and marked, in shared
 * strings and inline, so that the reader of the cell can name it. */
static void
test_long_text (void)
{
  g_autoptr(GString) strings = g_string_new ("<sst><si><t>甲</t></si><si><t>");
  g_autoptr(GString) sheet = g_string_new (SHEET_OPEN "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>"
                                           "<c r=\"B1\" t=\"inlineStr\"><is><t>");
  g_autofree char *path = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = NULL;
  g_autoptr(GError) error = NULL;
  const ShouhuXlsxSheet *ws;

  for (int i = 0; i < 100000; i++)
    {
      g_string_append (strings, "长");
      g_string_append (sheet, "文");
    }
  g_string_append (strings, "</t></si></sst>");
  g_string_append (sheet, "</t></is></c><c r=\"C1\" t=\"s\"><v>0</v></c></row>" SHEET_CLOSE);
  path = make_zip ("long.xlsx",
                   "_rels/.rels", root_rels,
                   "xl/workbook.xml", workbook_one_sheet,
                   "xl/_rels/workbook.xml.rels", workbook_rels,
                   "xl/sharedStrings.xml", strings->str,
                   "xl/worksheets/sheet1.xml", sheet->str,
                   NULL);
  wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  ws = shouhu_xlsx_workbook_get_sheet (wb, 0);
  for (const char *const *name = (const char *const[]) { "A1", "B1", NULL }; *name != NULL; name++)
    {
      const ShouhuXlsxCell *c = cell (ws, *name);

      g_assert_true (c->too_long);
      g_assert_cmpuint (strlen (c->text), <=, SHOUHU_XLSX_MAX_TEXT);
      g_assert_cmpuint (strlen (c->text), >, SHOUHU_XLSX_MAX_TEXT - 4);
      g_assert_true (g_utf8_validate (c->text, -1, NULL));
    }
  g_assert_false (cell (ws, "C1")->too_long);
  g_assert_cmpstr (cell (ws, "C1")->text, ==, "甲");
}

/* Numbers as the file's formats show them: built-in ids, the file's
 * own codes, days counted from 1904. */
static void
test_shown (void)
{
  static const char styles[] =
    "<styleSheet><numFmts count=\"2\"><numFmt numFmtId=\"176\" formatCode=\"m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"177\" formatCode=\"0.0%\"/></numFmts>"
    "<cellStyleXfs><xf numFmtId=\"10\"/></cellStyleXfs>"
    "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"176\"/><xf numFmtId=\"9\"/><xf numFmtId=\"177\"/>"
    "<xf numFmtId=\"14\"/><xf numFmtId=\"49\"/></cellXfs></styleSheet>";
  static const char rels[] =
    "<Relationships>"
    "<Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
  g_autofree char *sheet = g_strconcat (SHEET_OPEN,
    "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43871</v></c><c r=\"B1\" s=\"2\"><v>0.5</v></c>"
    "<c r=\"C1\" s=\"3\"><v>0.125</v></c><c r=\"D1\" s=\"4\"><v>43868</v></c>"
    "<c r=\"E1\" s=\"0\"><v>1.3812345678E+10</v></c><c r=\"F1\" s=\"99\"><v>7</v></c>"
    "<c r=\"G1\" t=\"b\"><v>1</v></c><c r=\"H1\" s=\"5\"><v>12</v></c></row>", SHEET_CLOSE, NULL);
  g_autofree char *workbook_1904 = g_strdup ("<workbook><workbookPr date1904=\"1\"/><sheets>"
                                             "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
  g_autofree char *path = make_zip ("shown.xlsx", "_rels/.rels", root_rels, "xl/workbook.xml", workbook_one_sheet,
                                    "xl/_rels/workbook.xml.rels", rels, "xl/styles.xml", styles,
                                    "xl/worksheets/sheet1.xml", sheet, NULL);
  g_autofree char *path_1904 = make_zip ("shown-1904.xlsx", "_rels/.rels", root_rels, "xl/workbook.xml", workbook_1904,
                                         "xl/_rels/workbook.xml.rels", rels, "xl/styles.xml", styles,
                                         "xl/worksheets/sheet1.xml", sheet, NULL);
  static const struct { const char *cell, *shown; } expected[] = {
    { "A1", "2月10日" }, { "B1", "50%" }, { "C1", "12.5%" }, { "D1", "2020/2/7" },
    { "E1", "13812345678" }, { "F1", "7" }, { "G1", "TRUE" }, { "H1", "12" },
  };
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuXlsxWorkbook) wb = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_autoptr(ShouhuXlsxWorkbook) wb_1904 = NULL;
  const ShouhuXlsxSheet *ws;
  g_autofree char *date = NULL, *date_1904 = NULL;

  g_assert_no_error (error);
  ws = shouhu_xlsx_workbook_get_sheet (wb, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (shouhu_xlsx_sheet_get_shown (ws, cell (ws, expected[i].cell), scratch), ==, expected[i].shown);
  date = shouhu_xlsx_sheet_get_date (ws, cell (ws, "D1"));
  g_assert_cmpstr (date, ==, "2020-02-07");
  g_assert_null (shouhu_xlsx_sheet_get_date (ws, cell (ws, "B1")));

  wb_1904 = shouhu_xlsx_workbook_new_from_file (path_1904, &error);
  g_assert_no_error (error);
  ws = shouhu_xlsx_workbook_get_sheet (wb_1904, 0);
  date_1904 = shouhu_xlsx_sheet_get_date (ws, cell (ws, "D1"));
  g_assert_cmpstr (date_1904, ==, "2024-02-08");
}

static void
test_not_zip (void)
{
  g_autofree char *text = g_build_filename (tmp_dir, "text.xlsx", NULL);
  g_autofree char *empty = g_build_filename (tmp_dir, "empty.xlsx", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.xlsx", NULL);
  g_autofree char *no_book = make_zip ("nobook.xlsx", "hello.txt", "hello", NULL);
  g_autofree char *no_sheet = make_zip ("nosheet.xlsx",
    "_rels/.rels", root_rels,
    "xl/workbook.xml", "<workbook><sheets/></workbook>",
    "xl/_rels/workbook.xml.rels", workbook_rels, NULL);
  g_autofree char *sheet_gone = make_zip ("sheetgone.xlsx",
    "_rels/.rels", root_rels,
    "xl/workbook.xml", workbook_one_sheet,
    "xl/_rels/workbook.xml.rels", workbook_rels, NULL);

  g_assert_true (g_file_set_contents (text, "序号,区县\n1,万州区\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (text, SHOUHU_XLSX_ERROR_OTHER_FORMAT, "CSV");
  assert_refused (empty, SHOUHU_XLSX_ERROR_NOT_XLSX, NULL);
  assert_refused (missing, SHOUHU_XLSX_ERROR_IO, NULL);
  assert_refused (no_book, SHOUHU_XLSX_ERROR_NOT_XLSX, "xl/workbook.xml");
  assert_refused (no_sheet, SHOUHU_XLSX_ERROR_NOT_XLSX, "worksheet");
  assert_refused (sheet_gone, SHOUHU_XLSX_ERROR_DAMAGED, "sheet1.xml");
}

/* Every prefix of a good file is refused cleanly, never read. */
static void
test_truncated (void)
{
  g_autofree char *good = make_sheet ("good.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
  g_autofree char *cut = g_build_filename (tmp_dir, "cut.xlsx", NULL);
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  for (gsize n = 1; n < len; n += (n < 64 || len - n < 64) ? 1 : 37)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShouhuXlsxWorkbook) wb = NULL;

      g_assert_true (g_file_set_contents (cut, data, (gssize) n, NULL));
      wb = shouhu_xlsx_workbook_new_from_file (cut, &error);
      g_assert_null (wb);
      g_assert_error (error, SHOUHU_XLSX_ERROR, error->code);
      g_assert_nonnull (strstr (error->message, "cut.xlsx"));
    }
}

static void
test_bad_sheets (void)
{
  static const struct { const char *rows; ShouhuXlsxError code; const char *detail; } cases[] = {
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c>", SHOUHU_XLSX_ERROR_DAMAGED, "XML" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><junk>&bogus;</junk>", SHOUHU_XLSX_ERROR_DAMAGED, "XML" },
    { "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "XFE1" },
    { "<row r=\"1048577\"><c><v>1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "1048577" },
    { "<row r=\"0\"/>", SHOUHU_XLSX_ERROR_DAMAGED, NULL },
    { "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A0" },
    { "<row r=\"1\"><c r=\"A2\"><v>1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A2" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>-1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A1" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>99999999999999999999</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, NULL },
    { "<row r=\"1\"><c r=\"A1\"><v>12abc</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "12abc" },
    { "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>2</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, NULL },
    { "<row r=\"1\"><c r=\"A1\" t=\"zz\"><v>2</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "zz" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref=\"B2:A1\"/></mergeCells><sheetData>",
      SHOUHU_XLSX_ERROR_DAMAGED, "B2:A1" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData><mergeCells><mergeCell ref=\"A1:XFE2\"/></mergeCells><sheetData>",
      SHOUHU_XLSX_ERROR_DAMAGED, "XFE2" },
    { "<row r=\"1\"><c r=\"A1\"><v>\xff\xfe</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, NULL },
    /* Tags as files write them, but for one flaw */
    { "<row r=\"1\"><c r=\"A1\"t=\"s\"><v>0</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "space" },
    { "<row r=\"1\"><c r=\"A1\" t=s><v>0</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "quotes" },
    { "<row r=\"1\"><c r=\"A1\" t=\"s><v>0</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "XML" },
    { "<row r=\"1\"><c r=\"A<1\"><v>0</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "attribute value" },
    { "<row r=\"1\"><c r=\"A1\" t=\"\xff\"><v>0</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "attribute value" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></cc></row>", SHOUHU_XLSX_ERROR_DAMAGED, "does not match" },
    { "<row r=\"1\"><c r=\"A1\"><v>1</v></c/></row>", SHOUHU_XLSX_ERROR_DAMAGED, "end tag" },
    { "<row r=\"1\"><c r=\"A&lt;1\"><v>1</v></c></row>", SHOUHU_XLSX_ERROR_DAMAGED, "A<1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad%u.xlsx", i);
      g_autofree char *path = make_sheet (name, cases[i].rows);

      assert_refused (path, cases[i].code, cases[i].detail);
    }
}

static void
test_limits (void)
{
  g_autoptr(GString) deep = g_string_new ("<row r=\"1\"><c r=\"A1\"><is>");
  g_autoptr(GString) wide = g_string_new ("<row r=\"1\">");
  g_autofree char *deep_path = NULL, *wide_path = NULL, *traversal = NULL;

  for (int i = 0; i < 200; i++)
    g_string_append (deep, "<r>");
  deep_path = make_sheet ("deep.xlsx", deep->str);
  assert_refused (deep_path, SHOUHU_XLSX_ERROR_TOO_LARGE, "64");

  /* Cells without references run off the grid's right edge. */
  for (int i = 0; i < SHOUHU_XLSX_MAX_COLUMNS + 1; i++)
    g_string_append (wide, "<c><v>1</v></c>");
  g_string_append (wide, "</row>");
  wide_path = make_sheet ("wide.xlsx", wide->str);
  assert_refused (wide_path, SHOUHU_XLSX_ERROR_TOO_LARGE, "16384");

  traversal = make_zip ("traversal.xlsx",
    "_rels/.rels", root_rels,
    "xl/workbook.xml", workbook_one_sheet,
    "xl/_rels/workbook.xml.rels",
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"../../../etc/passwd\"/></Relationships>",
    NULL);
  assert_refused (traversal, SHOUHU_XLSX_ERROR_DAMAGED, "outside");
}

/* Finds the zip headers of entry @name and sets their uncompressed size. */
static void
patch_size (char       *data,
            gsize       len,
            const char *name,
            guint32     size)
{
  gsize name_len = strlen (name);
  guint patched = 0;

  for (gsize i = 0; i + 46 + name_len <= len; i++)
    {
      guint8 *p = (guint8 *) data + i;
      gsize size_at, name_at;

      if (memcmp (p, "PK\3\4", 4) == 0)
        size_at = 22, name_at = 30;
      else if (memcmp (p, "PK\1\2", 4) == 0)
        size_at = 24, name_at = 46;
      else
        continue;
      if (memcmp (p + name_at, name, name_len) != 0)
        continue;
      p[size_at] = size & 0xff;
      p[size_at + 1] = (size >> 8) & 0xff;
      p[size_at + 2] = (size >> 16) & 0xff;
      p[size_at + 3] = (size >> 24) & 0xff;
      patched++;
    }
  g_assert_cmpuint (patched, ==, 2);
}

static void
test_sizes (void)
{
  g_autofree char *small = make_sheet ("declared.xlsx", "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>");
  g_autofree char *data = NULL;
  g_autofree char *bomb_rows = NULL;
  g_autofree char *bomb = NULL;
  g_autofree char *limit = g_strdup_printf ("%d MiB", SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
  gsize len;

  /* A header declaring 4 GiB for a tiny part. */
  g_assert_true (g_file_get_contents (small, &data, &len, NULL));
  patch_size (data, len, "xl/worksheets/sheet1.xml", 0xfffffff0u);
  g_assert_true (g_file_set_contents (small, data, (gssize) len, NULL));
  assert_refused (small, SHOUHU_XLSX_ERROR_TOO_LARGE, limit);
  g_clear_pointer (&data, g_free);

  /* A part that really inflates past the limit while its header claims
   * a few bytes: reading stops at the limit, or at the lie. */
  bomb_rows = g_malloc (SHOUHU_XLSX_MAX_ENTRY_SIZE + 2);
  memset (bomb_rows, ' ', SHOUHU_XLSX_MAX_ENTRY_SIZE + 1);
  bomb_rows[SHOUHU_XLSX_MAX_ENTRY_SIZE + 1] = '\0';
  bomb = make_sheet ("bomb.xlsx", bomb_rows);
  assert_refused (bomb, SHOUHU_XLSX_ERROR_TOO_LARGE, limit);

  g_assert_true (g_file_get_contents (bomb, &data, &len, NULL));
  g_assert_cmpuint (len, <, 1024 * 1024);
  patch_size (data, len, "xl/worksheets/sheet1.xml", 1000);
  g_assert_true (g_file_set_contents (bomb, data, (gssize) len, NULL));
  assert_refused (bomb, SHOUHU_XLSX_ERROR_TOO_LARGE, limit);
}

/* Reads @path with SHOUHU_XLSX_THREADS set to @threads (1: one sheet
 * after the other). */
static ShouhuXlsxWorkbook *
read_with_threads (const char  *path,
                   const char  *threads,
                   GError     **error)
{
  ShouhuXlsxWorkbook *wb;

  g_assert_true (g_setenv ("SHOUHU_XLSX_THREADS", threads, TRUE));
  wb = shouhu_xlsx_workbook_new_from_file (path, error);
  g_unsetenv ("SHOUHU_XLSX_THREADS");
  return wb;
}

static void
assert_same_workbook (const ShouhuXlsxWorkbook *a,
                      const ShouhuXlsxWorkbook *b)
{
  g_autoptr(GString) xs = g_string_new (NULL);
  g_autoptr(GString) ys = g_string_new (NULL);

  g_assert_cmpuint (shouhu_xlsx_workbook_get_n_sheets (a), ==, shouhu_xlsx_workbook_get_n_sheets (b));
  for (guint s = 0; s < shouhu_xlsx_workbook_get_n_sheets (a); s++)
    {
      const ShouhuXlsxSheet *x = shouhu_xlsx_workbook_get_sheet (a, s);
      const ShouhuXlsxSheet *y = shouhu_xlsx_workbook_get_sheet (b, s);
      const ShouhuXlsxCell *xc, *yc;
      const ShouhuXlsxRange *xm, *ym;
      const guint32 *xh, *yh;
      gsize nx, ny;
      guint hx, hy;

      g_assert_cmpstr (shouhu_xlsx_sheet_get_name (x), ==, shouhu_xlsx_sheet_get_name (y));
      g_assert_cmpint (shouhu_xlsx_sheet_is_hidden (x), ==, shouhu_xlsx_sheet_is_hidden (y));
      g_assert_cmpuint (shouhu_xlsx_sheet_get_n_rows (x), ==, shouhu_xlsx_sheet_get_n_rows (y));
      g_assert_cmpuint (shouhu_xlsx_sheet_get_n_columns (x), ==, shouhu_xlsx_sheet_get_n_columns (y));
      xc = shouhu_xlsx_sheet_get_cells (x, &nx);
      yc = shouhu_xlsx_sheet_get_cells (y, &ny);
      g_assert_cmpuint (nx, ==, ny);
      for (gsize i = 0; i < nx; i++)
        {
          g_assert_cmpuint (xc[i].row, ==, yc[i].row);
          g_assert_cmpuint (xc[i].col, ==, yc[i].col);
          g_assert_cmpint (xc[i].type, ==, yc[i].type);
          g_assert_cmpuint (xc[i].style, ==, yc[i].style);
          g_assert_cmpstr (xc[i].text, ==, yc[i].text);
          g_assert_cmpstr (shouhu_xlsx_sheet_get_shown (x, &xc[i], xs), ==, shouhu_xlsx_sheet_get_shown (y, &yc[i], ys));
        }
      xm = shouhu_xlsx_sheet_get_merged (x, &hx);
      ym = shouhu_xlsx_sheet_get_merged (y, &hy);
      g_assert_cmpuint (hx, ==, hy);
      g_assert_cmpmem (xm, hx * sizeof *xm, ym, hy * sizeof *ym);
      xh = shouhu_xlsx_sheet_get_hidden_rows (x, &hx);
      yh = shouhu_xlsx_sheet_get_hidden_rows (y, &hy);
      g_assert_cmpmem (xh, hx * sizeof *xh, yh, hy * sizeof *yh);
    }
}

/* Several worksheets read on threads give what reading them one after
 * the other gives: the same sheets in the same order, the same cells;
 * and the same error, the first in the workbook's order. */
static void
test_threads (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "threads.xlsx", NULL);
  lxw_workbook_options options = { .constant_memory = FALSE, .tmpdir = tmp_dir };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_format *date = workbook_add_format (wb);
  lxw_row_col_options hidden = { .hidden = 1 };
  g_autoptr(ShouhuXlsxWorkbook) one = NULL, four = NULL, two = NULL;
  g_autoptr(GError) error = NULL;
  const char *threads[] = { "2", "4", "16" };
  g_autoptr(GString) bad_workbook = g_string_new (NULL), bad_rels = g_string_new (NULL);
  g_autofree char *bad = NULL, *missing = NULL;
  g_autofree char *one_message = NULL;

  format_set_num_format (date, "yyyy-mm-dd");
  for (guint s = 0; s < 9; s++)
    {
      g_autofree char *name = g_strdup_printf ("区%u", s);
      lxw_worksheet *ws = workbook_add_worksheet (wb, name);

      /* Sheets of very different sizes, one of them empty. */
      for (guint r = 0; r < (s == 4 ? 0 : 40u * s * s + 3); r++)
        {
          g_autofree char *text = g_strdup_printf ("第%u表第%u行", s, r);

          worksheet_write_string (ws, r, 0, text, NULL);
          worksheet_write_number (ws, r, 1, r * 1.5 + s, NULL);
          worksheet_write_number (ws, r, 2, 45000 + r, date);
          if (r % 7 == s % 7)
            worksheet_write_boolean (ws, r, 3, r % 2, NULL);
          if (r % 11 == 3)
            worksheet_set_row_opt (ws, r, LXW_DEF_ROW_HEIGHT, NULL, &hidden);
        }
      if (s % 3 == 1)
        worksheet_merge_range (ws, 0, 5, 2, 6, "合并", NULL);
      if (s == 6)
        worksheet_hide (ws);
    }
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);

  one = read_with_threads (path, "1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_xlsx_workbook_get_n_sheets (one), ==, 9);
  g_assert_cmpstr (shouhu_xlsx_sheet_get_name (shouhu_xlsx_workbook_get_sheet (one, 8)), ==, "区8");
  assert_cell (shouhu_xlsx_workbook_get_sheet (one, 8), "A2563", SHOUHU_XLSX_CELL_STRING, "第8表第2562行");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(ShouhuXlsxWorkbook) other = read_with_threads (path, threads[i], &error);

      g_assert_no_error (error);
      assert_same_workbook (one, other);
    }
  /* Unset, the reader chooses (this workbook is small: one thread). */
  four = shouhu_xlsx_workbook_new_from_file (path, &error);
  g_assert_no_error (error);
  assert_same_workbook (one, four);
  g_clear_pointer (&one, shouhu_xlsx_workbook_free);

  /* Six sheets, the third and fifth damaged: the third's error, always. */
  g_string_append (bad_workbook, "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                   "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
  g_string_append (bad_rels, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  for (guint s = 1; s <= 6; s++)
    {
      g_string_append_printf (bad_workbook, "<sheet name=\"S%u\" sheetId=\"%u\" r:id=\"rId%u\"/>", s, s, s);
      g_string_append_printf (bad_rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                              "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%u.xml\"/>", s, s);
    }
  g_string_append (bad_workbook, "</sheets></workbook>");
  g_string_append (bad_rels, "</Relationships>");
  bad = make_zip ("bad-later.xlsx",
                  "_rels/.rels", root_rels,
                  "xl/workbook.xml", bad_workbook->str,
                  "xl/_rels/workbook.xml.rels", bad_rels->str,
                  "xl/worksheets/sheet1.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" SHEET_CLOSE,
                  "xl/worksheets/sheet2.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>" SHEET_CLOSE,
                  "xl/worksheets/sheet3.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>3x</v></c></row>" SHEET_CLOSE,
                  "xl/worksheets/sheet4.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>4</v></c></row>" SHEET_CLOSE,
                  "xl/worksheets/sheet5.xml", SHEET_OPEN "<row r=\"1\"><c r=\"Q0\"><v>5</v></c></row>" SHEET_CLOSE,
                  "xl/worksheets/sheet6.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>6</v></c></row>" SHEET_CLOSE,
                  NULL);
  one = read_with_threads (bad, "1", &error);
  g_assert_null (one);
  g_assert_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_DAMAGED);
  g_assert_nonnull (strstr (error->message, "3x"));
  one_message = g_strdup (error->message);
  g_clear_error (&error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      two = read_with_threads (bad, threads[i], &error);
      g_assert_null (two);
      g_assert_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_DAMAGED);
      g_assert_cmpstr (error->message, ==, one_message);
      g_clear_error (&error);
    }

  /* A sheet whose part is missing after a damaged one: the damaged one's
   * error; before it: the missing part's. */
  missing = make_zip ("missing-part.xlsx",
                      "_rels/.rels", root_rels,
                      "xl/workbook.xml", bad_workbook->str,
                      "xl/_rels/workbook.xml.rels", bad_rels->str,
                      "xl/worksheets/sheet1.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" SHEET_CLOSE,
                      "xl/worksheets/sheet3.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>3x</v></c></row>" SHEET_CLOSE,
                      "xl/worksheets/sheet4.xml", SHEET_OPEN "<row r=\"1\"><c r=\"A1\"><v>4</v></c></row>" SHEET_CLOSE,
                      NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      two = read_with_threads (missing, threads[i], &error);
      g_assert_null (two);
      g_assert_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "S2"));
      g_assert_null (strstr (error->message, "3x"));
      g_clear_error (&error);
    }
}

/* The cell limit counts the cells of all sheets, whichever thread reads
 * them: four sheets of a million cells and a few pass it, three do not. */
static void
test_threads_cell_limit (void)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GString) workbook = g_string_new (NULL), rels = g_string_new (NULL);
  g_autofree char *limit = g_strdup_printf ("%d cells", SHOUHU_XLSX_MAX_CELLS);
  g_autofree char *path = g_build_filename (tmp_dir, "many-cells.xlsx", NULL);
  const guint per_sheet = SHOUHU_XLSX_MAX_CELLS / 4 + 1000;
  const char *threads[] = { "1", "4" };
  int zerr = 0;
  zip_t *za;

  g_string_append (rows, SHEET_OPEN);
  for (guint r = 0; r < per_sheet / 1000; r++)
    {
      g_string_append (rows, "<row>");
      for (guint c = 0; c < 1000; c++)
        g_string_append (rows, "<c><v>1</v></c>");
      g_string_append (rows, "</row>");
    }
  g_string_append (rows, SHEET_CLOSE);

  for (guint n_sheets = 3; n_sheets <= 4; n_sheets++)
    {
      g_string_assign (workbook, "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
      g_string_assign (rels, "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
      za = zip_open (path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
      g_assert_nonnull (za);
      for (guint s = 1; s <= n_sheets; s++)
        {
          g_autofree char *name = g_strdup_printf ("xl/worksheets/sheet%u.xml", s);

          g_string_append_printf (workbook, "<sheet name=\"S%u\" sheetId=\"%u\" r:id=\"rId%u\"/>", s, s, s);
          g_string_append_printf (rels, "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/"
                                  "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%u.xml\"/>",
                                  s, s);
          g_assert_cmpint (zip_file_add (za, name, zip_source_buffer (za, rows->str, rows->len, 0), 0), >=, 0);
        }
      g_string_append (workbook, "</sheets></workbook>");
      g_string_append (rels, "</Relationships>");
      g_assert_cmpint (zip_file_add (za, "_rels/.rels", zip_source_buffer (za, root_rels, strlen (root_rels), 0), 0), >=, 0);
      g_assert_cmpint (zip_file_add (za, "xl/workbook.xml", zip_source_buffer (za, workbook->str, workbook->len, 0), 0),
                       >=, 0);
      g_assert_cmpint (zip_file_add (za, "xl/_rels/workbook.xml.rels", zip_source_buffer (za, rels->str, rels->len, 0), 0),
                       >=, 0);
      g_assert_cmpint (zip_close (za), ==, 0);

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ShouhuXlsxWorkbook) wb = read_with_threads (path, threads[i], &error);

          if (n_sheets == 4)
            {
              g_assert_null (wb);
              g_assert_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE);
              g_assert_nonnull (strstr (error->message, limit));
              continue;
            }
          g_assert_no_error (error);
          g_assert_cmpuint (shouhu_xlsx_workbook_get_n_sheets (wb), ==, 3);
          for (guint s = 0; s < 3; s++)
            {
              gsize n;

              shouhu_xlsx_sheet_get_cells (shouhu_xlsx_workbook_get_sheet (wb, s), &n);
              g_assert_cmpuint (n, ==, per_sheet / 1000 * 1000);
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = shouhu_test_temp_dir ();

  shouhu_test_add ("/xlsx-reader/cell-names", test_cell_names);
  shouhu_test_add ("/xlsx-reader/number-digits", test_number_digits);
  shouhu_test_add_openpyxl ("/xlsx-reader/openpyxl", test_openpyxl);
  shouhu_test_add ("/xlsx-reader/xlsxwriter", test_xlsxwriter);
  shouhu_test_add ("/xlsx-reader/crafted", test_crafted);
  shouhu_test_add ("/xlsx-reader/tag-shapes", test_tag_shapes);
  shouhu_test_add ("/xlsx-reader/not-zip", test_not_zip);
  shouhu_test_add ("/xlsx-reader/other-formats", test_other_formats);
  shouhu_test_add ("/xlsx-reader/long-text", test_long_text);
  shouhu_test_add ("/xlsx-reader/shown", test_shown);
  shouhu_test_add ("/xlsx-reader/truncated", test_truncated);
  shouhu_test_add ("/xlsx-reader/bad-sheets", test_bad_sheets);
  shouhu_test_add ("/xlsx-reader/limits", test_limits);
  shouhu_test_add ("/xlsx-reader/sizes", test_sizes);
  shouhu_test_add ("/xlsx-reader/threads", test_threads);
  shouhu_test_add ("/xlsx-reader/threads-cell-limit", test_threads_cell_limit);

  status = g_test_run ();
  shouhu_test_rm_rf (tmp_dir);
  g_free (tmp_dir);
  return status;
}

/* fuzz-xlsx-sheet.c — libFuzzer target: arbitrary bytes as a worksheet
 *
 * Mutated zip archives mostly fail their checksums before a sheet is
 * ever read whole, so this target wraps the input, as xl/worksheets/
 * sheet1.xml, into a valid archive with a fixed workbook and shared
 * strings holding the annexes' headings: the sheet parser and the
 * imports then see every mutation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

#include <string.h>
#include SHOUHU_LIBZIP_H   /* libzip's zip.h by its full path: see meson.build */

static const char *const parts[] = {
  "[Content_Types].xml",
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
  "_rels/.rels",
  "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
  "xl/workbook.xml",
  "<workbook xmlns:r=\"r\"><sheets><sheet name=\"附件\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
  "xl/_rels/workbook.xml.rels",
  "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
  "xl/sharedStrings.xml",
  "<sst>"
  "<si><t>重庆市一线医护人员信息统计表</t></si>"   /* 0 */
  "<si><t>（截至2020年2月7日）</t></si>"           /* 1 */
  "<si><t>序号</t></si>"                           /* 2 */
  "<si><t>区县</t></si>"                           /* 3 */
  "<si><t>共计</t></si>"                           /* 4 */
  "<si><t>第一批</t></si>"                         /* 5 */
  "<si><t>第二批</t></si>"                         /* 6 */
  "<si><t>总人数</t></si>"                         /* 7 */
  "<si><t>其中：支援湖北</t></si>"                 /* 8 */
  "<si><t>备注</t></si>"                           /* 9 */
  "<si><t>万州区</t></si>"                         /* 10 */
  "<si><t>渝中</t></si>"                           /* 11 */
  "<si><t>合计</t></si>"                           /* 12 */
  "<si><t>医院</t></si>"                           /* 13 */
  "<si><t>姓名</t></si>"                           /* 14 */
  "<si><t>性别</t></si>"                           /* 15 */
  "<si><t>本人联系电话</t></si>"                   /* 16 */
  "<si><t>家属联系电话</t></si>"                   /* 17 */
  "<si><t>区县：渝中区 填报人：张三 联系电话：023-63891234</t></si>"  /* 18 */
  "<si><t>男</t></si>"                             /* 19 */
  "<si><t>１３８ １２３４ ５６７８</t></si>"       /* 20 */
  "<si><t>说明：</t></si>"                         /* 21 */
  "</sst>",
};

static void
store (zip_t      *za,
       const char *name,
       const void *data,
       gsize       size)
{
  zip_int64_t index = zip_file_add (za, name, zip_source_buffer (za, data, size, 0), 0);

  if (index >= 0)
    zip_set_file_compression (za, (zip_uint64_t) index, ZIP_CM_STORE, 0);
}

/* The archive's bytes, built in memory; %NULL if libzip refuses. */
static guint8 *
build_archive (const uint8_t *sheet,
               size_t         size,
               gsize         *length)
{
  zip_error_t ze;
  zip_source_t *src;
  zip_t *za;
  zip_stat_t st;
  guint8 *bytes = NULL;

  zip_error_init (&ze);
  src = zip_source_buffer_create (NULL, 0, 0, &ze);
  za = src != NULL ? zip_open_from_source (src, ZIP_TRUNCATE, &ze) : NULL;
  zip_error_fini (&ze);
  if (za == NULL)
    {
      if (src != NULL)
        zip_source_free (src);
      return NULL;
    }
  zip_source_keep (src);

  /* Stored, not deflated: setting up zlib for every part would cost
   * more than reading the workbook. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i += 2)
    store (za, parts[i], parts[i + 1], strlen (parts[i + 1]));
  store (za, "xl/worksheets/sheet1.xml", sheet, size);
  if (zip_close (za) != 0)
    {
      zip_discard (za);
      zip_source_free (src);
      return NULL;
    }

  zip_stat_init (&st);
  if (zip_source_stat (src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open (src) == 0)
    {
      bytes = g_malloc (st.size);
      if (zip_source_read (src, bytes, st.size) != (zip_int64_t) st.size)
        g_clear_pointer (&bytes, g_free);
      zip_source_close (src);
      *length = st.size;
    }
  zip_source_free (src);
  return bytes;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree guint8 *archive = NULL;
  gsize length = 0;

  archive = build_archive (data, size, &length);
  g_assert (archive != NULL);
  shouhu_fuzz_check_workbook (archive, length);
  return 0;
}

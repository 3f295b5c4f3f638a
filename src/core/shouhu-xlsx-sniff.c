/* shouhu-xlsx-sniff.c — telling other spreadsheet files from an xlsx
 *
 * Districts send what their program saves: Excel 97–2003 (.xls), WPS
 * (.et, .wps), LibreOffice (.ods), CSV, web pages saved as .xls — and
 * any of these renamed to .xlsx.  The first bytes say what a file is,
 * whatever its name; the message names the format and says how to save
 * it as an Excel workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem () */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const guint8 ole2_magic[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

static gboolean
other_format (GError     **error,
              const char  *format)
{
  g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_OTHER_FORMAT,
               /* Translators: %s names a kind of file, such as “an Excel 97–2003 workbook (.xls)” */
               _("it is %s, not an Excel workbook (.xlsx): open it in WPS, Excel or LibreOffice, "
                 "save it with 另存为 (Save As) as Excel 工作簿 (*.xlsx), and import that file"),
               format);
  return TRUE;
}

static gboolean
name_ends (const char *name,
           const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, suffix);
}

/* Whether the start of @data finds @needle, ignoring ASCII case. */
static gboolean
starts_with_text (const guint8 *data,
                  gsize         size,
                  const char   *needle)
{
  gsize i = 0, n = strlen (needle);

  /* A byte order mark and white space may come first. */
  if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
    i = 3;
  while (i < size && g_ascii_isspace (data[i]))
    i++;
  return size - i >= n && g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0;
}

static gboolean
contains (const guint8 *data,
          gsize         size,
          const char   *needle)
{
  return memmem (data, MIN (size, 64 * 1024), needle, strlen (needle)) != NULL;
}

/* Text: no NUL and no other control bytes but tab and line ends in its
 * first kilobytes (UTF-8, GBK and the like all pass). */
static gboolean
looks_like_text (const guint8 *data,
                 gsize         size)
{
  gsize n = MIN (size, 8192);

  if (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    return TRUE;   /* UTF-16, as some programs save "Unicode text" */
  for (gsize i = 0; i < n; i++)
    if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\n' && data[i] != '\r') || data[i] == 0x7f)
      return FALSE;
  return n > 0;
}

/**
 * shouhu_xlsx_sniff:
 * @display_name: the file's name, for the format its extension names
 *
 * Returns: %TRUE with @error set when @data is a known file of another
 *   kind; %FALSE when it may be an xlsx (a zip, or something unknown)
 */
gboolean
shouhu_xlsx_sniff (const guint8  *data,
                   gsize          size,
                   const char    *display_name,
                   GError       **error)
{
  if (size >= 4 && data[0] == 'P' && data[1] == 'K')
    return FALSE;
  if (size >= sizeof ole2_magic && memcmp (data, ole2_magic, sizeof ole2_magic) == 0)
    {
      if (name_ends (display_name, ".et") || name_ends (display_name, ".ett"))
        return other_format (error, _("a WPS spreadsheet (.et)"));
      if (name_ends (display_name, ".wps"))
        return other_format (error, _("a WPS text document (.wps)"));
      if (name_ends (display_name, ".xls"))
        return other_format (error, _("an Excel 97–2003 workbook (.xls)"));
      return other_format (error, _("an Excel 97–2003 or WPS workbook (.xls, .et), or a workbook "
                                    "protected by a password"));
    }
  if (starts_with_text (data, size, "<?xml") && contains (data, size, "urn:schemas-microsoft-com:office:spreadsheet"))
    return other_format (error, _("an XML spreadsheet of Excel 2003"));
  if (starts_with_text (data, size, "<html") || starts_with_text (data, size, "<!DOCTYPE html") ||
      starts_with_text (data, size, "<table") || starts_with_text (data, size, "<meta"))
    return other_format (error, _("a web page (HTML) saved under a spreadsheet's name"));
  if (starts_with_text (data, size, "%PDF"))
    return other_format (error, _("a PDF document"));
  if (starts_with_text (data, size, "{\\rtf"))
    return other_format (error, _("a rich text document (.rtf)"));
  if (looks_like_text (data, size))
    return other_format (error, name_ends (display_name, ".csv") ? _("a CSV file (.csv)")
                                                                 : _("a text file (CSV or tab-separated)"));
  return FALSE;
}

/**
 * shouhu_xlsx_sniff_zip:
 *
 * A zip that holds no Excel workbook: says what it holds instead when
 * that is known (an OpenDocument file, a Word or PowerPoint file).
 *
 * Returns: %TRUE with @error set when the zip is a known other format
 */
gboolean
shouhu_xlsx_sniff_zip (zip_t   *zip,
                       GError **error)
{
  zip_int64_t index = zip_name_locate (zip, "mimetype", 0);

  if (index >= 0)
    {
      char type[128] = { 0 };
      zip_file_t *file = zip_fopen_index (zip, (zip_uint64_t) index, 0);

      if (file != NULL)
        {
          zip_fread (file, type, sizeof type - 1);
          zip_fclose (file);
        }
      if (g_str_has_prefix (type, "application/vnd.oasis.opendocument.spreadsheet"))
        return other_format (error, _("an OpenDocument spreadsheet (.ods)"));
      if (g_str_has_prefix (type, "application/vnd.oasis.opendocument"))
        return other_format (error, _("an OpenDocument file (.odt, .odp)"));
    }
  if (zip_name_locate (zip, "word/document.xml", 0) >= 0)
    return other_format (error, _("a Word document (.docx)"));
  if (zip_name_locate (zip, "ppt/presentation.xml", 0) >= 0)
    return other_format (error, _("a PowerPoint presentation (.pptx)"));
  return FALSE;
}

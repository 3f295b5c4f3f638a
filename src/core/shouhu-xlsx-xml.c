/* shouhu-xlsx-xml.c — streaming one part of an xlsx zip through GMarkup
 *
 * What the parsers of the workbook, its shared strings and its sheets
 * share: the element names they look for, the element path, the text of
 * the current element, attributes, and the loop that feeds a zip entry
 * to GMarkup in small pieces while counting what really comes out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const struct
{
  const char *name;
  Element     element;
} element_names[] = {
  { "c", E_C }, { "f", E_F }, { "is", E_IS }, { "mergeCell", E_MERGE_CELL },
  { "mergeCells", E_MERGE_CELLS }, { "r", E_R }, { "Relationship", E_RELATIONSHIP },
  { "Relationships", E_RELATIONSHIPS }, { "row", E_ROW }, { "sheet", E_SHEET },
  { "sheetData", E_SHEET_DATA }, { "sheets", E_SHEETS }, { "si", E_SI },
  { "sst", E_SST }, { "t", E_T }, { "v", E_V }, { "workbook", E_WORKBOOK },
  { "worksheet", E_WORKSHEET },
};

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static Element
element_of (const char *name)
{
  const char *local = local_name (name);

  for (guint i = 0; i < G_N_ELEMENTS (element_names); i++)
    if (strcmp (local, element_names[i].name) == 0)
      return element_names[i].element;
  return E_OTHER;
}

/* The element @up levels above the current one (0: the current one). */
Element
shouhu_xlsx_parent (const Parse *p,
                    guint        up)
{
  if (p->depth < up + 1)
    return E_OTHER;
  return p->stack[p->depth - 1 - up];
}

gboolean
shouhu_xlsx_push (Parse       *p,
                  const char  *name,
                  GError     **error)
{
  if (p->depth >= SHOUHU_XLSX_MAX_DEPTH)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s nests its elements more than %d levels deep"),
                   p->part, SHOUHU_XLSX_MAX_DEPTH);
      return FALSE;
    }
  p->stack[p->depth++] = element_of (name);
  return TRUE;
}

static gboolean
collect_text (Parse       *p,
              const char  *text,
              gsize        length,
              GError     **error)
{
  if (p->target == NULL)
    return TRUE;
  if (p->target->len + length > SHOUHU_XLSX_MAX_TEXT)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s holds a text longer than a cell can hold (%d characters)"),
                   p->part, 32767);
      return FALSE;
    }
  g_string_append_len (p->target, text, length);
  return TRUE;
}

const char *
shouhu_xlsx_attribute (const char  **names,
                       const char  **values,
                       const char   *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* The r:id attribute, whatever prefix the file binds to the namespace. */
const char *
shouhu_xlsx_relationship_attribute (const char **names,
                                    const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && strcmp (local_name (names[i]), "id") == 0)
      return values[i];
  return NULL;
}

gboolean
shouhu_xlsx_damaged (GError    **error,
                     const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_DAMAGED, format, args);
  va_end (args);
  return FALSE;
}

/* Excel writes characters XML cannot carry as _xHHHH_ (and a literal
 * "_x" that would look like one as _x005F_x). */
char *
shouhu_xlsx_decode_xstring (const GString *in)
{
  GString *out = g_string_sized_new (in->len);

  for (gsize i = 0; i < in->len; i++)
    {
      if (in->str[i] == '_' && i + 6 < in->len && in->str[i + 1] == 'x' &&
          g_ascii_isxdigit (in->str[i + 2]) && g_ascii_isxdigit (in->str[i + 3]) &&
          g_ascii_isxdigit (in->str[i + 4]) && g_ascii_isxdigit (in->str[i + 5]) &&
          in->str[i + 6] == '_')
        {
          gunichar c = 0;

          for (int k = 2; k < 6; k++)
            c = c * 16 + (gunichar) g_ascii_xdigit_value (in->str[i + k]);
          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              i += 6;
              continue;
            }
        }
      g_string_append_c (out, in->str[i]);
    }
  return g_string_free (out, FALSE);
}

/* Reading parts of the zip ---------------------------------------------- */

gboolean
shouhu_xlsx_parse_part (ShouhuXlsxWorkbook  *workbook,
                        const char          *part,
                        const GMarkupParser *parser,
                        Parse               *p,
                        gboolean            *found,
                        GError             **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  zip_file_t *file;
  zip_stat_t st;
  zip_int64_t index;
  guint64 entry_read = 0;
  char buffer[65536];

  p->workbook = workbook;
  p->part = part;
  *found = FALSE;

  index = zip_name_locate (workbook->zip, part, ZIP_FL_NOCASE);
  if (index < 0)
    return TRUE;
  *found = TRUE;

  zip_stat_init (&st);
  if (zip_stat_index (workbook->zip, (zip_uint64_t) index, 0, &st) != 0)
    return shouhu_xlsx_damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));
  if ((st.valid & ZIP_STAT_SIZE) && st.size > SHOUHU_XLSX_MAX_ENTRY_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s is larger than %d MiB once uncompressed"),
                   part, SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
      return FALSE;
    }

  file = zip_fopen_index (workbook->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    return shouhu_xlsx_damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));

  context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, p, NULL);
  for (;;)
    {
      zip_int64_t n = zip_fread (file, buffer, sizeof buffer);

      if (n < 0)
        {
          shouhu_xlsx_damaged (&local_error, _("%s cannot be read: %s"), part, zip_file_strerror (file));
          break;
        }
      if (n == 0)
        {
          g_markup_parse_context_end_parse (context, &local_error);
          break;
        }
      /* The declared size may lie: count what really comes out. */
      entry_read += (guint64) n;
      workbook->total_read += (guint64) n;
      if (entry_read > SHOUHU_XLSX_MAX_ENTRY_SIZE)
        {
          g_set_error (&local_error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                       _("%s is larger than %d MiB once uncompressed"),
                       part, SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
          break;
        }
      if (workbook->total_read > SHOUHU_XLSX_MAX_TOTAL_SIZE)
        {
          g_set_error (&local_error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                       _("the workbook is larger than %d MiB once uncompressed"),
                       SHOUHU_XLSX_MAX_TOTAL_SIZE / (1024 * 1024));
          break;
        }
      if (!g_markup_parse_context_parse (context, buffer, (gssize) n, &local_error))
        break;
    }
  zip_fclose (file);

  if (local_error == NULL)
    return TRUE;
  if (local_error->domain == SHOUHU_XLSX_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    shouhu_xlsx_damaged (error, _("%s is not well-formed XML: %s"), part, local_error->message);
  return FALSE;
}

void
shouhu_xlsx_end_element_pop (GMarkupParseContext  *context,
                             const char           *name,
                             gpointer              user_data,
                             GError              **error)
{
  Parse *p = user_data;

  p->depth--;
}

void
shouhu_xlsx_text_cb (GMarkupParseContext  *context,
                     const char           *text,
                     gsize                 length,
                     gpointer              user_data,
                     GError              **error)
{
  collect_text (user_data, text, length, error);
}

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
  { "c", E_C }, { "cellXfs", E_CELL_XFS }, { "f", E_F }, { "is", E_IS }, { "mergeCell", E_MERGE_CELL },
  { "mergeCells", E_MERGE_CELLS }, { "numFmt", E_NUM_FMT }, { "numFmts", E_NUM_FMTS }, { "r", E_R }, { "Relationship", E_RELATIONSHIP },
  { "Relationships", E_RELATIONSHIPS }, { "row", E_ROW }, { "sheet", E_SHEET },
  { "sheetData", E_SHEET_DATA }, { "sheets", E_SHEETS }, { "si", E_SI },
  { "sst", E_SST }, { "styleSheet", E_STYLE_SHEET }, { "t", E_T }, { "v", E_V },
  { "workbook", E_WORKBOOK }, { "workbookPr", E_WORKBOOK_PR }, { "worksheet", E_WORKSHEET }, { "xf", E_XF },
};

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

/* @name (two bytes or more) without a prefix, as the table has it. */
static Element
element_in_table (const char *name)
{
  if (name[0] == 'r' && name[1] == 'o' && name[2] == 'w' && name[3] == '\0')
    return E_ROW;
  if (name[2] == '\0' && ((name[0] == 'i' && name[1] == 's') || (name[0] == 's' && name[1] == 'i')))
    return name[0] == 'i' ? E_IS : E_SI;
  for (guint i = 0; i < G_N_ELEMENTS (element_names); i++)
    if (strcmp (name, element_names[i].name) == 0)
      return element_names[i].element;
  return E_OTHER;
}

/**
 * shouhu_xlsx_element_by_name:
 *
 * As shouhu_xlsx_element(), for a name of two bytes or more.
 */
Element
shouhu_xlsx_element_by_name (const char *name)
{
  Element e = element_in_table (name);

  /* No name of the table holds a ':': a name that does is looked for by
   * its local name (x:row is a row). */
  if (e == E_OTHER && strchr (name, ':') != NULL)
    return shouhu_xlsx_element (local_name (name));
  return e;
}

/* The error of shouhu_xlsx_push (). */
gboolean
shouhu_xlsx_too_deep (Parse   *p,
                      GError **error)
{
  g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
               _("%s nests its elements more than %d levels deep"),
               p->part, SHOUHU_XLSX_MAX_DEPTH);
  return FALSE;
}

static gboolean
collect_text (Parse       *p,
              const char  *text,
              gsize        length,
              GError     **error)
{
  GString *target = p->target;

  if (target == NULL)
    return TRUE;
  /* A longer text is kept cut, and marked: the reader of the cell names
   * it by its reference, which is not known here. */
  if (target->len + length > SHOUHU_XLSX_MAX_TEXT)
    {
      length = SHOUHU_XLSX_MAX_TEXT - MIN (target->len, SHOUHU_XLSX_MAX_TEXT);
      p->overflow = TRUE;
    }
  /* Most texts are a few bytes, and fit: a million cells' values. */
  if (target->len + length < target->allocated_len)
    {
      memcpy (target->str + target->len, text, length);
      target->len += length;
      target->str[target->len] = '\0';
    }
  else
    g_string_append_len (target, text, (gssize) length);
  return TRUE;
}

const char *
shouhu_xlsx_attribute (const char  **names,
                       const char  **values,
                       const char   *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] == wanted[0] && strcmp (names[i], wanted) == 0)
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

/**
 * shouhu_xlsx_clean_text:
 * @text: valid UTF-8, changed in place
 *
 * Removes control characters (C0 but tab and newline, DEL, C1): a cell
 * may hold ESC sequences or NULs that would reach a terminal or cut a
 * name short.  A carriage return becomes a newline, CR LF one newline.
 * A text cut in the middle of a character loses that character.
 */
void
shouhu_xlsx_clean_text (char *text)
{
  const char *end = NULL;
  char *out = text;

  g_utf8_validate (text, -1, &end);
  for (const char *p = text; p < end;)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          *out++ = '\n';
          p += p[1] == '\n' ? 2 : 1;
        }
      else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
        p++;
      else if (c == 0xc2 && (guchar) p[1] >= 0x80 && (guchar) p[1] <= 0x9f)
        p += 2;
      else
        *out++ = *p++;
    }
  *out = '\0';
}

/**
 * shouhu_xlsx_plain_text:
 * @valid_utf8: @in is known to be valid UTF-8 (the parser checked every
 *   piece of it, and nothing cut it at SHOUHU_XLSX_MAX_TEXT)
 *
 * Whether @in needs neither decoding nor cleaning: no _x escape, no
 * control character, valid UTF-8.  Most cells are such.
 */
gboolean
shouhu_xlsx_plain_text (const GString *in,
                        gboolean       valid_utf8)
{
  for (gsize i = 0; i < in->len; i++)
    {
      guchar c = (guchar) in->str[i];

      if (c < 0x20 || c == 0x7f || c == 0xc2 || (c == '_' && i + 1 < in->len && in->str[i + 1] == 'x'))
        return FALSE;
    }
  return valid_utf8 || g_utf8_validate_len (in->str, in->len, NULL);
}

/* Excel writes characters XML cannot carry as _xHHHH_ (and a literal
 * "_x" that would look like one as _x005F_x); NUL and the other control
 * characters are then removed. */
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
          if (c == 0)
            {
              i += 6;   /* a NUL: dropped, the text goes on */
              continue;
            }
          if (g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              i += 6;
              continue;
            }
        }
      g_string_append_c (out, in->str[i]);
    }
  shouhu_xlsx_clean_text (out->str);
  out->len = strlen (out->str);
  return g_string_free (out, FALSE);
}

/* Reading parts of the zip ---------------------------------------------- */

/**
 * shouhu_xlsx_open_part:
 * @found: (out): whether the zip holds @part
 *
 * Opens @part for reading, refusing a declared size above the limit.
 *
 * Returns: (nullable): the open entry; %NULL with @found %FALSE when the
 *   part is not there, or with @error set
 */
zip_file_t *
shouhu_xlsx_open_part (ShouhuXlsxWorkbook  *workbook,
                       const char          *part,
                       gboolean            *found,
                       GError             **error)
{
  zip_file_t *file;
  zip_stat_t st;
  zip_int64_t index;

  *found = FALSE;
  index = zip_name_locate (workbook->zip, part, ZIP_FL_NOCASE);
  if (index < 0)
    return NULL;
  *found = TRUE;

  zip_stat_init (&st);
  if (zip_stat_index (workbook->zip, (zip_uint64_t) index, 0, &st) != 0)
    {
      shouhu_xlsx_damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));
      return NULL;
    }
  if ((st.valid & ZIP_STAT_SIZE) && st.size > SHOUHU_XLSX_MAX_ENTRY_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s is larger than %d MiB once uncompressed"),
                   part, SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
      return NULL;
    }
  file = zip_fopen_index (workbook->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    shouhu_xlsx_damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));
  return file;
}

/**
 * shouhu_xlsx_count_read:
 * @entry_read: (inout): what @part gave so far
 * @n: what it gave now
 *
 * The declared size may lie: counts what really comes out of a part and
 * of the whole workbook.
 *
 * Returns: %FALSE with @error set past a limit
 */
gboolean
shouhu_xlsx_count_read (ShouhuXlsxWorkbook  *workbook,
                        const char          *part,
                        guint64             *entry_read,
                        guint64              n,
                        GError             **error)
{
  gint total;

  *entry_read += n;
  /* n is one read's worth (a few dozen KiB); the total stops the read
   * just past the limit, far below G_MAXINT. */
  total = g_atomic_int_add (&workbook->counts->total_read, (gint) n) + (gint) n;
  if (*entry_read > SHOUHU_XLSX_MAX_ENTRY_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s is larger than %d MiB once uncompressed"),
                   part, SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (total > SHOUHU_XLSX_MAX_TOTAL_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the workbook is larger than %d MiB once uncompressed"),
                   SHOUHU_XLSX_MAX_TOTAL_SIZE / (1024 * 1024));
      return FALSE;
    }
  return TRUE;
}

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
  guint64 entry_read = 0;
  char buffer[65536];

  p->workbook = workbook;
  p->part = part;
  file = shouhu_xlsx_open_part (workbook, part, found, error);
  if (file == NULL)
    return !*found;

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
      if (!shouhu_xlsx_count_read (workbook, part, &entry_read, (guint64) n, &local_error))
        break;
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

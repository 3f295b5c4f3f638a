/* shouhu-xlsx-reader.c — reading the cells of an xlsx workbook
 *
 * The files come from other offices and from spreadsheet programs we do
 * not control, so nothing in them is trusted: every size, count, index and
 * reference is checked before use, each part is streamed through the XML
 * parser in small pieces (never inflated whole), and any breach ends in a
 * GError naming the file.  GMarkup knows no DTDs or entity definitions, so
 * entity expansion attacks have nothing to expand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include SHOUHU_LIBZIP_H   /* libzip's zip.h by its full path: see meson.build */

G_DEFINE_QUARK (shouhu-xlsx-error-quark, shouhu_xlsx_error)

struct _ShouhuXlsxSheet
{
  char      *name;
  gboolean   hidden;
  GArray    *cells;    /* ShouhuXlsxCell, sorted by row then column */
  GArray    *merged;   /* ShouhuXlsxRange */
  guint      n_rows;
  guint      n_cols;
};

struct _ShouhuXlsxWorkbook
{
  char         *name;       /* for messages: the file's display name */
  GPtrArray    *sheets;     /* ShouhuXlsxSheet, in the workbook's order */
  GPtrArray    *strings;    /* shared strings, pointing into chunk */
  GStringChunk *chunk;      /* every cell text */
  zip_t        *zip;        /* only while loading */
  guint64       total_read;
  gsize         n_cells;
};

/* Elements the parsers care about; everything else is OTHER. */
typedef enum
{
  E_OTHER,
  E_C,
  E_F,
  E_IS,
  E_MERGE_CELL,
  E_MERGE_CELLS,
  E_R,
  E_RELATIONSHIP,
  E_RELATIONSHIPS,
  E_ROW,
  E_SHEET,
  E_SHEET_DATA,
  E_SHEETS,
  E_SI,
  E_SST,
  E_T,
  E_V,
  E_WORKBOOK,
  E_WORKSHEET,
} Element;

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

/* What every parser keeps: the element path and where text goes. */
typedef struct
{
  ShouhuXlsxWorkbook *workbook;
  const char         *part;
  Element             stack[SHOUHU_XLSX_MAX_DEPTH];
  guint               depth;
  GString            *target;    /* text of the current element goes here, or NULL */
} Parse;

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
static Element
parent (const Parse *p,
        guint        up)
{
  if (p->depth < up + 1)
    return E_OTHER;
  return p->stack[p->depth - 1 - up];
}

static gboolean
push (Parse       *p,
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

static const char *
attribute (const char  **names,
           const char  **values,
           const char   *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* The r:id attribute, whatever prefix the file binds to the namespace. */
static const char *
relationship_attribute (const char **names,
                        const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strchr (names[i], ':') != NULL && strcmp (local_name (names[i]), "id") == 0)
      return values[i];
  return NULL;
}

static gboolean
damaged (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
damaged (GError    **error,
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

/* Cell names and numbers ------------------------------------------------ */

/**
 * shouhu_xlsx_cell_name:
 * @row: 0-based
 * @col: 0-based
 *
 * Returns: (transfer full): the cell's name as Excel shows it, e.g. "B5"
 */
char *
shouhu_xlsx_cell_name (guint row,
                       guint col)
{
  char letters[8];
  int i = (int) sizeof letters - 1;
  guint n = col + 1;

  letters[i] = '\0';
  while (n > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (n - 1) % 26);
      n = (n - 1) / 26;
    }
  return g_strdup_printf ("%s%u", &letters[i], row + 1);
}

/**
 * shouhu_xlsx_parse_cell_name:
 * @name: e.g. "B5"; not necessarily nul-terminated
 * @length: bytes of @name to read
 *
 * Accepts only names inside Excel's grid (A1 to XFD1048576).
 */
gboolean
shouhu_xlsx_parse_cell_name (const char *name,
                             gsize       length,
                             guint      *row,
                             guint      *col)
{
  guint c = 0, r = 0;
  gsize i = 0, letters, digits;

  for (; i < length && g_ascii_isalpha (name[i]) && i < 3; i++)
    c = c * 26 + (guint) (g_ascii_toupper (name[i]) - 'A' + 1);
  letters = i;
  for (; i < length && g_ascii_isdigit (name[i]) && i - letters < 7; i++)
    r = r * 10 + (guint) (name[i] - '0');
  digits = i - letters;

  if (i != length || letters == 0 || digits == 0 || name[letters] == '0')
    return FALSE;
  if (c > SHOUHU_XLSX_MAX_COLUMNS || r > SHOUHU_XLSX_MAX_ROWS)
    return FALSE;
  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

static gboolean
parse_range (const char      *text,
             ShouhuXlsxRange *range)
{
  const char *colon = strchr (text, ':');
  gsize len = strlen (text);

  if (colon == NULL)
    {
      if (!shouhu_xlsx_parse_cell_name (text, len, &range->first_row, &range->first_col))
        return FALSE;
      range->last_row = range->first_row;
      range->last_col = range->first_col;
      return TRUE;
    }
  return shouhu_xlsx_parse_cell_name (text, (gsize) (colon - text), &range->first_row, &range->first_col) &&
         shouhu_xlsx_parse_cell_name (colon + 1, len - (gsize) (colon - text) - 1,
                                      &range->last_row, &range->last_col) &&
         range->first_row <= range->last_row && range->first_col <= range->last_col;
}

static gboolean
is_number (const char *s)
{
  guint digits = 0;

  if (*s == '-' || *s == '+')
    s++;
  for (; g_ascii_isdigit (*s); s++)
    digits++;
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++)
      digits++;
  if (digits == 0)
    return FALSE;
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '-' || *s == '+')
        s++;
      if (!g_ascii_isdigit (*s))
        return FALSE;
      while (g_ascii_isdigit (*s))
        s++;
    }
  return *s == '\0';
}

/**
 * shouhu_xlsx_number_digits:
 * @stored: a number as the file stores it, e.g. "1.3812345678E+10"
 *
 * The digits of a whole, non-negative number, provided every one of them
 * is in @stored: "1.3812345678E+10" gives "13812345678", but "1.38E+10"
 * gives %NULL, since the exponent would make up digits that were lost.
 *
 * Returns: (transfer full) (nullable): the digits, or %NULL
 */
char *
shouhu_xlsx_number_digits (const char *stored)
{
  g_autoptr(GString) mantissa = g_string_new (NULL);
  const char *s = stored;
  gint64 point, exponent = 0;
  gboolean negative_exp = FALSE;
  guint int_digits = 0;

  if (s == NULL || !is_number (s))
    return NULL;
  if (*s == '+')
    s++;
  if (*s == '-')
    return NULL;
  for (; g_ascii_isdigit (*s); s++, int_digits++)
    g_string_append_c (mantissa, *s);
  if (*s == '.')
    for (s++; g_ascii_isdigit (*s); s++)
      g_string_append_c (mantissa, *s);
  if (*s == 'e' || *s == 'E')
    {
      s++;
      if (*s == '-' || *s == '+')
        negative_exp = (*s++ == '-');
      for (; g_ascii_isdigit (*s); s++)
        {
          exponent = exponent * 10 + (*s - '0');
          if (exponent > 1000)
            return NULL;
        }
    }

  point = (gint64) int_digits + (negative_exp ? -exponent : exponent);
  if (point < 0 || point > (gint64) mantissa->len)
    return NULL;  /* digits would have to be made up */
  for (gsize i = (gsize) point; i < mantissa->len; i++)
    if (mantissa->str[i] != '0')
      return NULL;  /* not a whole number */
  g_string_truncate (mantissa, (gsize) point);
  while (mantissa->len > 1 && mantissa->str[0] == '0')
    g_string_erase (mantissa, 0, 1);
  if (mantissa->len == 0)
    g_string_assign (mantissa, "0");
  return g_string_free (g_steal_pointer (&mantissa), FALSE);
}

/* Excel writes characters XML cannot carry as _xHHHH_ (and a literal
 * "_x" that would look like one as _x005F_x). */
static char *
decode_xstring (const GString *in)
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

static gboolean
parse_part (ShouhuXlsxWorkbook  *workbook,
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
    return damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));
  if ((st.valid & ZIP_STAT_SIZE) && st.size > SHOUHU_XLSX_MAX_ENTRY_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s is larger than %d MiB once uncompressed"),
                   part, SHOUHU_XLSX_MAX_ENTRY_SIZE / (1024 * 1024));
      return FALSE;
    }

  file = zip_fopen_index (workbook->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    return damaged (error, _("%s cannot be read: %s"), part, zip_strerror (workbook->zip));

  context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, p, NULL);
  for (;;)
    {
      zip_int64_t n = zip_fread (file, buffer, sizeof buffer);

      if (n < 0)
        {
          damaged (&local_error, _("%s cannot be read: %s"), part, zip_file_strerror (file));
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
    damaged (error, _("%s is not well-formed XML: %s"), part, local_error->message);
  return FALSE;
}

static void
end_element_pop (GMarkupParseContext  *context,
                 const char           *name,
                 gpointer              user_data,
                 GError              **error)
{
  Parse *p = user_data;

  p->depth--;
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  collect_text (user_data, text, length, error);
}

/* Relationships (_rels/.rels, xl/_rels/workbook.xml.rels) --------------- */

typedef struct
{
  char *id;
  char *type;
  char *target;
} Relationship;

static void
relationship_free (gpointer data)
{
  Relationship *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->target);
  g_free (r);
}

typedef struct
{
  Parse      base;
  GPtrArray *rels;
} RelsParse;

static void
rels_start (GMarkupParseContext  *context,
            const char           *name,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  RelsParse *rp = user_data;
  const char *id, *type, *target, *mode;
  Relationship *r;

  if (!push (&rp->base, name, error))
    return;
  if (parent (&rp->base, 0) != E_RELATIONSHIP || parent (&rp->base, 1) != E_RELATIONSHIPS)
    return;
  if (rp->rels->len >= SHOUHU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("%s lists more than %d relationships"), rp->base.part, SHOUHU_XLSX_MAX_ENTRIES);
      return;
    }
  id = attribute (names, values, "Id");
  type = attribute (names, values, "Type");
  target = attribute (names, values, "Target");
  mode = attribute (names, values, "TargetMode");
  if (id == NULL || type == NULL || target == NULL ||
      (mode != NULL && strcmp (mode, "External") == 0))
    return;

  r = g_new0 (Relationship, 1);
  r->id = g_strdup (id);
  r->type = g_strdup (type);
  r->target = g_strdup (target);
  g_ptr_array_add (rp->rels, r);
}

static const GMarkupParser rels_parser = { rels_start, end_element_pop, NULL, NULL, NULL };

static GPtrArray *
read_rels (ShouhuXlsxWorkbook  *workbook,
           const char          *part,
           GError             **error)
{
  RelsParse rp = { { 0 }, g_ptr_array_new_with_free_func (relationship_free) };
  gboolean found;

  if (!parse_part (workbook, part, &rels_parser, &rp.base, &found, error))
    {
      g_ptr_array_unref (rp.rels);
      return NULL;
    }
  return rp.rels;
}

static const Relationship *
find_rel_by_type (GPtrArray  *rels,
                  const char *type_suffix)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *r = g_ptr_array_index (rels, i);

      if (g_str_has_suffix (r->type, type_suffix))
        return r;
    }
  return NULL;
}

static const Relationship *
find_rel_by_id (GPtrArray  *rels,
                const char *id)
{
  for (guint i = 0; i < rels->len; i++)
    {
      const Relationship *r = g_ptr_array_index (rels, i);

      if (strcmp (r->id, id) == 0)
        return r;
    }
  return NULL;
}

/* A relationship's target as a zip entry name, relative to @base_dir
 * ("" for the root); %NULL when it climbs above the root. */
static char *
resolve_target (const char *base_dir,
                const char *target)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) base = NULL;
  g_auto(GStrv) rel = NULL;
  GString *out;

  if (target[0] == '/')
    {
      base = g_new0 (char *, 1);
      target++;
    }
  else
    base = g_strsplit (base_dir, "/", -1);
  rel = g_strsplit (target, "/", -1);

  for (GStrv list = base; list != NULL; list = (list == base ? rel : NULL))
    for (guint i = 0; list[i] != NULL; i++)
      {
        if (list[i][0] == '\0' || strcmp (list[i], ".") == 0)
          continue;
        if (strcmp (list[i], "..") == 0)
          {
            if (parts->len == 0)
              return NULL;
            g_ptr_array_remove_index (parts, parts->len - 1);
            continue;
          }
        g_ptr_array_add (parts, list[i]);
      }

  if (parts->len == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < parts->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '/');
      g_string_append (out, g_ptr_array_index (parts, i));
    }
  return g_string_free (out, FALSE);
}

/* Workbook (xl/workbook.xml): the sheets' names and order --------------- */

typedef struct
{
  char     *name;
  char     *rel_id;
  gboolean  hidden;
} SheetEntry;

static void
sheet_entry_free (gpointer data)
{
  SheetEntry *e = data;

  g_free (e->name);
  g_free (e->rel_id);
  g_free (e);
}

typedef struct
{
  Parse      base;
  GPtrArray *entries;
} WorkbookParse;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *name,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  WorkbookParse *wp = user_data;
  const char *sheet_name, *rel_id, *state;
  SheetEntry *e;

  if (!push (&wp->base, name, error))
    return;
  if (parent (&wp->base, 0) != E_SHEET || parent (&wp->base, 1) != E_SHEETS)
    return;
  if (wp->entries->len >= SHOUHU_XLSX_MAX_SHEETS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the workbook has more than %d sheets"), SHOUHU_XLSX_MAX_SHEETS);
      return;
    }
  sheet_name = attribute (names, values, "name");
  rel_id = relationship_attribute (names, values);
  state = attribute (names, values, "state");
  if (sheet_name == NULL || rel_id == NULL)
    {
      damaged (error, _("%s lists a sheet without a name or a part"), wp->base.part);
      return;
    }
  e = g_new0 (SheetEntry, 1);
  e->name = g_strdup (sheet_name);
  e->rel_id = g_strdup (rel_id);
  e->hidden = state != NULL && strcmp (state, "visible") != 0;
  g_ptr_array_add (wp->entries, e);
}

static const GMarkupParser workbook_parser = { workbook_start, end_element_pop, NULL, NULL, NULL };

/* Shared strings (xl/sharedStrings.xml) --------------------------------- */

typedef struct
{
  Parse    base;
  GString *text;
} StringsParse;

static void
strings_start (GMarkupParseContext  *context,
               const char           *name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  StringsParse *sp = user_data;
  Element e;

  if (!push (&sp->base, name, error))
    return;
  e = parent (&sp->base, 0);
  if (e == E_SI && parent (&sp->base, 1) == E_SST)
    {
      if (sp->base.workbook->strings->len >= SHOUHU_XLSX_MAX_STRINGS)
        g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                     _("%s holds more than %d strings"), sp->base.part, SHOUHU_XLSX_MAX_STRINGS);
      g_string_truncate (sp->text, 0);
    }
  /* Plain text or rich-text runs; phonetic runs (rPh) are left out. */
  else if (e == E_T && (parent (&sp->base, 1) == E_SI ||
                        (parent (&sp->base, 1) == E_R && parent (&sp->base, 2) == E_SI)))
    sp->base.target = sp->text;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  StringsParse *sp = user_data;
  ShouhuXlsxWorkbook *workbook = sp->base.workbook;
  Element e = parent (&sp->base, 0);

  if (e == E_T)
    sp->base.target = NULL;
  else if (e == E_SI && parent (&sp->base, 1) == E_SST)
    {
      g_autofree char *text = decode_xstring (sp->text);

      g_ptr_array_add (workbook->strings, g_string_chunk_insert (workbook->chunk, text));
    }
  sp->base.depth--;
}

static const GMarkupParser strings_parser = { strings_start, strings_end, text_cb, NULL, NULL };

/* Worksheets ------------------------------------------------------------- */

typedef enum
{
  T_NUMBER,
  T_SHARED,
  T_INLINE,
  T_FORMULA_STRING,
  T_BOOLEAN,
  T_ERROR,
  T_DATE,
} StoredType;

typedef struct
{
  Parse            base;
  ShouhuXlsxSheet *sheet;
  gint64           row;        /* current row, -1 before the first */
  guint            next_col;
  gboolean         row_given;  /* the row element carried r= */
  /* The cell being read */
  guint            c_row;
  guint            c_col;
  StoredType       c_type;
  gboolean         c_formula;
  gboolean         c_has_value;
  gboolean         c_has_inline;
  GString         *value;
  GString         *inline_text;
} SheetParse;

static gboolean
parse_row_number (const char *text,
                  gint64     *row)
{
  guint64 n;

  if (!g_ascii_string_to_unsigned (text, 10, 1, SHOUHU_XLSX_MAX_ROWS, &n, NULL))
    return FALSE;
  *row = (gint64) n - 1;
  return TRUE;
}

static void
start_row (SheetParse  *sp,
           const char **names,
           const char **values,
           GError     **error)
{
  const char *r = attribute (names, values, "r");

  sp->next_col = 0;
  sp->row_given = r != NULL;
  if (r != NULL)
    {
      if (!parse_row_number (r, &sp->row))
        damaged (error, _("sheet “%s” has a row numbered “%s”, outside rows 1 to %d"),
                 sp->sheet->name, r, SHOUHU_XLSX_MAX_ROWS);
      return;
    }
  if (sp->row + 1 >= SHOUHU_XLSX_MAX_ROWS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("sheet “%s” has more than %d rows"), sp->sheet->name, SHOUHU_XLSX_MAX_ROWS);
      return;
    }
  sp->row++;
}

static void
start_cell (SheetParse  *sp,
            const char **names,
            const char **values,
            GError     **error)
{
  static const struct { const char *name; StoredType type; } types[] = {
    { "n", T_NUMBER }, { "s", T_SHARED }, { "inlineStr", T_INLINE },
    { "str", T_FORMULA_STRING }, { "b", T_BOOLEAN }, { "e", T_ERROR }, { "d", T_DATE },
  };
  const char *r = attribute (names, values, "r");
  const char *t = attribute (names, values, "t");
  guint row, col;

  if (sp->row < 0)
    sp->row = 0;
  if (r != NULL)
    {
      if (!shouhu_xlsx_parse_cell_name (r, strlen (r), &row, &col))
        {
          damaged (error, _("sheet “%s” refers to a cell “%s” outside A1 to XFD1048576"),
                   sp->sheet->name, r);
          return;
        }
      if (sp->row_given && row != sp->row)
        {
          damaged (error, _("sheet “%s” has cell %s in row %u"), sp->sheet->name, r,
                   (guint) sp->row + 1);
          return;
        }
      sp->row = row;
    }
  else
    {
      if (sp->next_col >= SHOUHU_XLSX_MAX_COLUMNS)
        {
          g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                       _("sheet “%s” has more than %d columns"), sp->sheet->name,
                       SHOUHU_XLSX_MAX_COLUMNS);
          return;
        }
      row = (guint) sp->row;
      col = sp->next_col;
    }
  sp->next_col = col + 1;

  sp->c_row = row;
  sp->c_col = col;
  sp->c_type = T_NUMBER;
  if (t != NULL)
    {
      guint i;

      for (i = 0; i < G_N_ELEMENTS (types) && strcmp (t, types[i].name) != 0; i++)
        ;
      if (i == G_N_ELEMENTS (types))
        {
          g_autofree char *cell = shouhu_xlsx_cell_name (row, col);
          damaged (error, _("cell %s of sheet “%s” has an unknown type “%s”"), cell,
                   sp->sheet->name, t);
          return;
        }
      sp->c_type = types[i].type;
    }
  sp->c_formula = FALSE;
  sp->c_has_value = FALSE;
  sp->c_has_inline = FALSE;
  g_string_truncate (sp->value, 0);
  g_string_truncate (sp->inline_text, 0);
}

static void
start_merge (SheetParse  *sp,
             const char **names,
             const char **values,
             GError     **error)
{
  const char *ref = attribute (names, values, "ref");
  ShouhuXlsxRange range;

  if (sp->sheet->merged->len >= SHOUHU_XLSX_MAX_MERGED)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("sheet “%s” has more than %d merged ranges"), sp->sheet->name,
                   SHOUHU_XLSX_MAX_MERGED);
      return;
    }
  if (ref == NULL || !parse_range (ref, &range))
    {
      damaged (error, _("sheet “%s” merges “%s”, which is not a range within A1:XFD1048576"),
               sp->sheet->name, ref != NULL ? ref : "");
      return;
    }
  g_array_append_val (sp->sheet->merged, range);
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *name,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  SheetParse *sp = user_data;
  Element e, up;

  if (!push (&sp->base, name, error))
    return;
  e = parent (&sp->base, 0);
  up = parent (&sp->base, 1);

  if (e == E_ROW && up == E_SHEET_DATA)
    start_row (sp, names, values, error);
  else if (e == E_C && up == E_ROW)
    start_cell (sp, names, values, error);
  else if (e == E_V && up == E_C)
    {
      sp->c_has_value = TRUE;
      sp->base.target = sp->value;
    }
  else if (e == E_F && up == E_C)
    sp->c_formula = TRUE;
  else if (e == E_IS && up == E_C)
    sp->c_has_inline = TRUE;
  else if (e == E_T && (up == E_IS || (up == E_R && parent (&sp->base, 2) == E_IS)))
    sp->base.target = sp->inline_text;
  else if (e == E_MERGE_CELL && up == E_MERGE_CELLS)
    start_merge (sp, names, values, error);
}

/* Turns the cell just read into a ShouhuXlsxCell; empty cells (styled
 * only) are dropped. */
static void
end_cell (SheetParse  *sp,
          GError     **error)
{
  ShouhuXlsxWorkbook *workbook = sp->base.workbook;
  g_autofree char *cell_name = shouhu_xlsx_cell_name (sp->c_row, sp->c_col);
  ShouhuXlsxCell cell = { sp->c_row, sp->c_col, SHOUHU_XLSX_CELL_STRING, sp->c_formula, NULL };
  g_autofree char *v = g_strstrip (g_strdup (sp->value->str));  /* for numbers and codes */
  guint64 index;

  switch (sp->c_type)
    {
    case T_INLINE:
      if (!sp->c_has_inline)
        return;
      {
        g_autofree char *text = decode_xstring (sp->inline_text);
        cell.text = g_string_chunk_insert (workbook->chunk, text);
      }
      break;

    case T_SHARED:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (!g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT32, &index, NULL) ||
          index >= workbook->strings->len)
        {
          damaged (error, _("cell %s of sheet “%s” refers to shared string “%s”, but the file has %u"),
                   cell_name, sp->sheet->name, v, workbook->strings->len);
          return;
        }
      cell.text = g_ptr_array_index (workbook->strings, index);
      break;

    case T_FORMULA_STRING:
      if (!sp->c_has_value)
        return;
      {
        g_autofree char *text = decode_xstring (sp->value);
        cell.text = g_string_chunk_insert (workbook->chunk, text);
      }
      break;

    case T_NUMBER:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (!is_number (v))
        {
          damaged (error, _("cell %s of sheet “%s” should hold a number, not “%s”"),
                   cell_name, sp->sheet->name, v);
          return;
        }
      cell.type = SHOUHU_XLSX_CELL_NUMBER;
      cell.text = g_string_chunk_insert (workbook->chunk, v);
      break;

    case T_BOOLEAN:
      if (!sp->c_has_value || *v == '\0')
        return;
      if (strcmp (v, "0") != 0 && strcmp (v, "1") != 0)
        {
          damaged (error, _("cell %s of sheet “%s” should hold 0 or 1, not “%s”"),
                   cell_name, sp->sheet->name, v);
          return;
        }
      cell.type = SHOUHU_XLSX_CELL_BOOLEAN;
      cell.text = v[0] == '1' ? "TRUE" : "FALSE";
      break;

    case T_ERROR:
    case T_DATE:
      if (!sp->c_has_value || *v == '\0')
        return;
      cell.type = sp->c_type == T_ERROR ? SHOUHU_XLSX_CELL_ERROR : SHOUHU_XLSX_CELL_DATE;
      cell.text = g_string_chunk_insert (workbook->chunk, v);
      break;

    default:
      g_assert_not_reached ();
    }

  if (workbook->n_cells >= SHOUHU_XLSX_MAX_CELLS)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the workbook has more than %d cells"), SHOUHU_XLSX_MAX_CELLS);
      return;
    }
  workbook->n_cells++;
  g_array_append_val (sp->sheet->cells, cell);
  sp->sheet->n_rows = MAX (sp->sheet->n_rows, cell.row + 1);
  sp->sheet->n_cols = MAX (sp->sheet->n_cols, cell.col + 1);
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *name,
           gpointer              user_data,
           GError              **error)
{
  SheetParse *sp = user_data;
  Element e = parent (&sp->base, 0);

  if (e == E_V || e == E_T)
    sp->base.target = NULL;
  else if (e == E_C && parent (&sp->base, 1) == E_ROW)
    end_cell (sp, error);
  sp->base.depth--;
}

static const GMarkupParser sheet_parser = { sheet_start, sheet_end, text_cb, NULL, NULL };

static int
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const ShouhuXlsxCell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return 0;
}

static void
sheet_free (gpointer data)
{
  ShouhuXlsxSheet *sheet = data;

  g_free (sheet->name);
  g_array_unref (sheet->cells);
  g_array_unref (sheet->merged);
  g_free (sheet);
}

static gboolean
read_sheet (ShouhuXlsxWorkbook  *workbook,
            ShouhuXlsxSheet     *sheet,
            const char          *part,
            GError             **error)
{
  SheetParse sp = { { 0 } };
  gboolean found, ok;

  sp.sheet = sheet;
  sp.row = -1;
  sp.value = g_string_new (NULL);
  sp.inline_text = g_string_new (NULL);
  ok = parse_part (workbook, part, &sheet_parser, &sp.base, &found, error);
  g_string_free (sp.value, TRUE);
  g_string_free (sp.inline_text, TRUE);
  if (!ok)
    return FALSE;
  if (!found)
    return damaged (error, _("sheet “%s” is missing from the file (%s)"), sheet->name, part);

  g_array_sort (sheet->cells, compare_cells);
  for (guint i = 1; i < sheet->cells->len; i++)
    {
      const ShouhuXlsxCell *c = &g_array_index (sheet->cells, ShouhuXlsxCell, i);

      if (compare_cells (c - 1, c) == 0)
        {
          g_autofree char *cell_name = shouhu_xlsx_cell_name (c->row, c->col);
          return damaged (error, _("cell %s of sheet “%s” appears twice"), cell_name, sheet->name);
        }
    }
  return TRUE;
}

/* The workbook ----------------------------------------------------------- */

static gboolean
read_workbook (ShouhuXlsxWorkbook  *workbook,
               GError             **error)
{
  g_autoptr(GPtrArray) root_rels = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_base = NULL;
  g_autofree char *rels_part = NULL;
  WorkbookParse wp = { { 0 }, NULL };
  const Relationship *rel;
  gboolean found;

  root_rels = read_rels (workbook, "_rels/.rels", error);
  if (root_rels == NULL)
    return FALSE;
  rel = find_rel_by_type (root_rels, "/officeDocument");
  workbook_part = rel != NULL ? resolve_target ("", rel->target) : g_strdup ("xl/workbook.xml");
  if (workbook_part == NULL)
    return damaged (error, _("_rels/.rels points outside the file"));

  wp.entries = g_ptr_array_new_with_free_func (sheet_entry_free);
  if (!parse_part (workbook, workbook_part, &workbook_parser, &wp.base, &found, error))
    {
      g_ptr_array_unref (wp.entries);
      return FALSE;
    }
  if (!found)
    {
      g_ptr_array_unref (wp.entries);
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                   _("it is a zip archive but holds no Excel workbook (%s)"), workbook_part);
      return FALSE;
    }

  workbook_dir = g_path_get_dirname (workbook_part);
  if (strcmp (workbook_dir, ".") == 0)
    workbook_dir[0] = '\0';
  workbook_base = g_path_get_basename (workbook_part);
  rels_part = *workbook_dir != '\0'
    ? g_strdup_printf ("%s/_rels/%s.rels", workbook_dir, workbook_base)
    : g_strdup_printf ("_rels/%s.rels", workbook_base);
  rels = read_rels (workbook, rels_part, error);
  if (rels == NULL)
    {
      g_ptr_array_unref (wp.entries);
      return FALSE;
    }

  rel = find_rel_by_type (rels, "/sharedStrings");
  if (rel != NULL)
    {
      g_autofree char *part = resolve_target (workbook_dir, rel->target);
      StringsParse sp = { { 0 }, NULL };
      gboolean ok;

      if (part == NULL)
        {
          g_ptr_array_unref (wp.entries);
          return damaged (error, _("%s points outside the file"), rels_part);
        }
      sp.text = g_string_new (NULL);
      ok = parse_part (workbook, part, &strings_parser, &sp.base, &found, error);
      g_string_free (sp.text, TRUE);
      if (!ok)
        {
          g_ptr_array_unref (wp.entries);
          return FALSE;
        }
    }

  for (guint i = 0; i < wp.entries->len; i++)
    {
      const SheetEntry *e = g_ptr_array_index (wp.entries, i);
      g_autofree char *part = NULL;
      ShouhuXlsxSheet *sheet;

      rel = find_rel_by_id (rels, e->rel_id);
      if (rel == NULL)
        {
          damaged (error, _("sheet “%s” has no part in the file"), e->name);
          g_ptr_array_unref (wp.entries);
          return FALSE;
        }
      /* Chart sheets and dialog sheets hold no cells. */
      if (!g_str_has_suffix (rel->type, "/worksheet"))
        continue;
      part = resolve_target (workbook_dir, rel->target);
      if (part == NULL)
        {
          g_ptr_array_unref (wp.entries);
          return damaged (error, _("%s points outside the file"), rels_part);
        }

      sheet = g_new0 (ShouhuXlsxSheet, 1);
      sheet->name = g_strdup (e->name);
      sheet->hidden = e->hidden;
      sheet->cells = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxCell));
      sheet->merged = g_array_new (FALSE, FALSE, sizeof (ShouhuXlsxRange));
      g_ptr_array_add (workbook->sheets, sheet);
      if (!read_sheet (workbook, sheet, part, error))
        {
          g_ptr_array_unref (wp.entries);
          return FALSE;
        }
    }
  g_ptr_array_unref (wp.entries);

  if (workbook->sheets->len == 0)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                   _("the workbook holds no worksheet"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_zip (ShouhuXlsxWorkbook  *workbook,
          const guint8        *data,
          gsize                size,
          GError             **error)
{
  zip_error_t zerr;
  zip_source_t *source;

  if (size == 0)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX, _("the file is empty"));
      return FALSE;
    }

  zip_error_init (&zerr);
  source = zip_source_buffer_create (data, size, 0, &zerr);
  if (source != NULL)
    {
      workbook->zip = zip_open_from_source (source, ZIP_RDONLY, &zerr);
      if (workbook->zip == NULL)
        zip_source_free (source);
    }
  if (workbook->zip == NULL)
    {
      int code = zip_error_code_zip (&zerr);

      if (code == ZIP_ER_NOZIP)
        g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_NOT_XLSX,
                     _("it is not an Excel workbook (.xlsx), or it was cut short: it holds no complete zip archive"));
      else
        damaged (error, _("it is damaged or truncated: %s"), zip_error_strerror (&zerr));
      zip_error_fini (&zerr);
      return FALSE;
    }
  zip_error_fini (&zerr);

  if (zip_get_num_entries (workbook->zip, 0) > SHOUHU_XLSX_MAX_ENTRIES)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("it holds more than %d parts"), SHOUHU_XLSX_MAX_ENTRIES);
      return FALSE;
    }
  return TRUE;
}

/* Messages quote the file's own bytes (and GMarkup's quote them raw):
 * keep them valid UTF-8 and of a readable length. */
static void
tidy_message (GError *error)
{
  char *valid = g_utf8_make_valid (error->message, -1);

  if (g_utf8_strlen (valid, -1) > 300)
    {
      char *end = g_utf8_offset_to_pointer (valid, 300);

      *end = '\0';
      g_free (error->message);
      error->message = g_strconcat (valid, "…", NULL);
      g_free (valid);
      return;
    }
  g_free (error->message);
  error->message = valid;
}

void
shouhu_xlsx_workbook_free (ShouhuXlsxWorkbook *workbook)
{
  if (workbook == NULL)
    return;
  if (workbook->zip != NULL)
    zip_discard (workbook->zip);
  g_ptr_array_unref (workbook->sheets);
  g_ptr_array_unref (workbook->strings);
  g_string_chunk_free (workbook->chunk);
  g_free (workbook->name);
  g_free (workbook);
}

/**
 * shouhu_xlsx_workbook_new_from_data:
 * @data: the bytes of an xlsx file; only read during the call
 * @display_name: how messages name the file
 *
 * Reads every worksheet of the workbook.
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
ShouhuXlsxWorkbook *
shouhu_xlsx_workbook_new_from_data (const guint8  *data,
                                    gsize          size,
                                    const char    *display_name,
                                    GError       **error)
{
  g_autoptr(ShouhuXlsxWorkbook) workbook = g_new0 (ShouhuXlsxWorkbook, 1);
  g_autoptr(GError) local_error = NULL;

  workbook->name = g_strdup (display_name);
  workbook->sheets = g_ptr_array_new_with_free_func (sheet_free);
  workbook->strings = g_ptr_array_new ();
  workbook->chunk = g_string_chunk_new (4096);

  if (size > SHOUHU_XLSX_MAX_FILE_SIZE)
    g_set_error (&local_error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                 _("the file is larger than %d MiB"), SHOUHU_XLSX_MAX_FILE_SIZE / (1024 * 1024));
  else if (open_zip (workbook, data, size, &local_error))
    read_workbook (workbook, &local_error);

  /* The zip points into @data, which the caller keeps only for the call. */
  g_clear_pointer (&workbook->zip, zip_discard);

  if (local_error != NULL)
    {
      tidy_message (local_error);
      g_prefix_error (&local_error, _("Cannot read “%s”: "), display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&workbook);
}

/**
 * shouhu_xlsx_workbook_new_from_file:
 *
 * Returns: (transfer full): the workbook, or %NULL with @error set
 */
ShouhuXlsxWorkbook *
shouhu_xlsx_workbook_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > SHOUHU_XLSX_MAX_FILE_SIZE)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("Cannot read “%s”: the file is larger than %d MiB"),
                   display_name, SHOUHU_XLSX_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_IO,
                   _("Cannot read “%s”: %s"), display_name, local_error->message);
      return NULL;
    }
  return shouhu_xlsx_workbook_new_from_data ((const guint8 *) contents, length, display_name, error);
}

const char *
shouhu_xlsx_workbook_get_name (const ShouhuXlsxWorkbook *workbook)
{
  return workbook->name;
}

guint
shouhu_xlsx_workbook_get_n_sheets (const ShouhuXlsxWorkbook *workbook)
{
  return workbook->sheets->len;
}

const ShouhuXlsxSheet *
shouhu_xlsx_workbook_get_sheet (const ShouhuXlsxWorkbook *workbook,
                                guint                     index)
{
  g_return_val_if_fail (index < workbook->sheets->len, NULL);
  return g_ptr_array_index (workbook->sheets, index);
}

const char *
shouhu_xlsx_sheet_get_name (const ShouhuXlsxSheet *sheet)
{
  return sheet->name;
}

gboolean
shouhu_xlsx_sheet_is_hidden (const ShouhuXlsxSheet *sheet)
{
  return sheet->hidden;
}

/* Returns: 1 + the last row holding a cell; 0 for an empty sheet */
guint
shouhu_xlsx_sheet_get_n_rows (const ShouhuXlsxSheet *sheet)
{
  return sheet->n_rows;
}

guint
shouhu_xlsx_sheet_get_n_columns (const ShouhuXlsxSheet *sheet)
{
  return sheet->n_cols;
}

/* Returns: the non-empty cells, by row then column */
const ShouhuXlsxCell *
shouhu_xlsx_sheet_get_cells (const ShouhuXlsxSheet *sheet,
                             gsize                 *n_cells)
{
  *n_cells = sheet->cells->len;
  return (const ShouhuXlsxCell *) sheet->cells->data;
}

/* Returns: (nullable): the cell, or %NULL when it is empty */
const ShouhuXlsxCell *
shouhu_xlsx_sheet_get_cell (const ShouhuXlsxSheet *sheet,
                            guint                  row,
                            guint                  col)
{
  ShouhuXlsxCell key = { row, col };
  guint lo = 0, hi = sheet->cells->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const ShouhuXlsxCell *c = &g_array_index (sheet->cells, ShouhuXlsxCell, mid);
      int cmp = compare_cells (&key, c);

      if (cmp == 0)
        return c;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return NULL;
}

const ShouhuXlsxRange *
shouhu_xlsx_sheet_get_merged (const ShouhuXlsxSheet *sheet,
                              guint                 *n_ranges)
{
  *n_ranges = sheet->merged->len;
  return (const ShouhuXlsxRange *) sheet->merged->data;
}

/**
 * shouhu_xlsx_sheet_find_merged:
 *
 * A linear search: meant for the few cells of titles and headers.
 *
 * Returns: (nullable): the merged range holding the cell, if any
 */
const ShouhuXlsxRange *
shouhu_xlsx_sheet_find_merged (const ShouhuXlsxSheet *sheet,
                               guint                  row,
                               guint                  col)
{
  for (guint i = 0; i < sheet->merged->len; i++)
    {
      const ShouhuXlsxRange *r = &g_array_index (sheet->merged, ShouhuXlsxRange, i);

      if (row >= r->first_row && row <= r->last_row && col >= r->first_col && col <= r->last_col)
        return r;
    }
  return NULL;
}

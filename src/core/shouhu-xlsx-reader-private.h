/* shouhu-xlsx-reader-private.h — what the xlsx reader's files share
 * (core/ only)
 *
 * The workbook and sheet structures, the XML streaming of
 * shouhu-xlsx-xml.c, the cell helpers of shouhu-xlsx-cell.c and the
 * worksheet reader of shouhu-xlsx-sheet.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "config.h"   /* SHOUHU_LIBZIP_H */
#include "shouhu-xlsx-reader.h"

#include SHOUHU_LIBZIP_H   /* libzip's zip.h by its full path: see meson.build */

G_BEGIN_DECLS

struct _ShouhuXlsxSheet
{
  const ShouhuXlsxWorkbook *workbook;
  char      *name;
  gboolean   hidden;
  GArray    *cells;        /* ShouhuXlsxCell, sorted by row then column */
  GArray    *merged;       /* ShouhuXlsxRange */
  GArray    *hidden_rows;  /* guint32, 0-based, ascending */
  guint      n_rows;
  guint      n_cols;
  GStringChunk *chunk;     /* its cell texts when read on a thread, or NULL */
};

/* What the limits count across the workbook while it is read; the
 * threads reading worksheets add to it with g_atomic_int_add (). */
typedef struct
{
  gint total_read;   /* bytes, below SHOUHU_XLSX_MAX_TOTAL_SIZE plus a few reads */
  gint n_cells;
} ShouhuXlsxCounts;

struct _ShouhuXlsxWorkbook
{
  char         *name;       /* for messages: the file's display name */
  char         *sha256;     /* of the file's bytes */
  GPtrArray    *sheets;     /* ShouhuXlsxSheet, in the workbook's order */
  GPtrArray    *strings;    /* shared strings, pointing into chunk */
  GHashTable   *long_strings; /* indices of shared strings cut at SHOUHU_XLSX_MAX_TEXT */
  GStringChunk *chunk;      /* every cell text */
  GArray       *xf_formats; /* guint32: the numFmtId of each cell format (s=) */
  GHashTable   *formats;    /* numFmtId → code, the file's own formats */
  gboolean      date1904;   /* days counted from 1904 */
  zip_t        *zip;        /* only while loading */
  const guint8 *data;       /* only while loading: the bytes the zip reads */
  gsize         size;
  ShouhuXlsxCounts *counts; /* only while loading */
};

/* Elements the parsers care about; everything else is OTHER. */
typedef enum
{
  E_OTHER,
  E_C,
  E_CELL_XFS,
  E_F,
  E_IS,
  E_MERGE_CELL,
  E_MERGE_CELLS,
  E_NUM_FMT,
  E_NUM_FMTS,
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
  E_STYLE_SHEET,
  E_WORKBOOK,
  E_WORKBOOK_PR,
  E_WORKSHEET,
  E_XF,
} Element;

/* What every parser keeps: the element path and where text goes. */
typedef struct
{
  ShouhuXlsxWorkbook *workbook;
  const char         *part;
  Element             stack[SHOUHU_XLSX_MAX_DEPTH];
  guint               depth;
  GString            *target;    /* text of the current element goes here, or NULL */
  gboolean            overflow;  /* target reached SHOUHU_XLSX_MAX_TEXT: the rest was dropped */
} Parse;


/* A decimal number of digits only (no sign, no space), as
 * g_ascii_string_to_unsigned () reads it with base 10; inline, for the
 * few numbers of every cell. */
static inline gboolean
shouhu_xlsx_parse_decimal (const char *text,
                           guint64     min,
                           guint64     max,
                           guint64    *out)
{
  guint64 n = 0;

  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    {
      if (*text < '0' || *text > '9')
        return FALSE;
      n = n * 10 + (guint64) (*text - '0');
      if (n > max)   /* max is far below G_MAXUINT64 / 10: no overflow */
        return FALSE;
    }
  if (n < min)
    return FALSE;
  *out = n;
  return TRUE;
}

Element     shouhu_xlsx_element_by_name        (const char          *name);

/* The element @name is, by its local name (x:row is a row).  The
 * cells' own elements, without a prefix as files write them, are found
 * inline: a sheet has a million of them. */
static inline Element
shouhu_xlsx_element (const char *name)
{
  if (name[0] == '\0' || name[1] != '\0')
    return name[0] == '\0' ? E_OTHER : shouhu_xlsx_element_by_name (name);
  switch (name[0])
    {
    case 'c': return E_C;
    case 'v': return E_V;
    case 't': return E_T;
    case 'f': return E_F;
    case 'r': return E_R;
    default: return E_OTHER;
    }
}

gboolean    shouhu_xlsx_too_deep               (Parse               *p,
                                                GError             **error);

/* Enters the element @name; %FALSE with @error set past the depth
 * limit.  Inline: called for each of a sheet's million elements. */
static inline gboolean
shouhu_xlsx_push (Parse       *p,
                  const char  *name,
                  GError     **error)
{
  if (G_UNLIKELY (p->depth >= SHOUHU_XLSX_MAX_DEPTH))
    return shouhu_xlsx_too_deep (p, error);
  p->stack[p->depth++] = shouhu_xlsx_element (name);
  return TRUE;
}

/* The element @up levels above the current one (0: the current one). */
static inline Element
shouhu_xlsx_parent (const Parse *p,
                    guint        up)
{
  if (p->depth < up + 1)
    return E_OTHER;
  return p->stack[p->depth - 1 - up];
}

/* XML parts (shouhu-xlsx-xml.c) */
gboolean    shouhu_xlsx_damaged                (GError             **error,
                                                const char          *format,
                                                ...) G_GNUC_PRINTF (2, 3);
const char *shouhu_xlsx_attribute              (const char         **names,
                                                const char         **values,
                                                const char          *wanted);
const char *shouhu_xlsx_relationship_attribute (const char         **names,
                                                const char         **values);
char       *shouhu_xlsx_decode_xstring         (const GString       *in);
gboolean    shouhu_xlsx_plain_text             (const GString       *in,
                                                gboolean             valid_utf8);
void        shouhu_xlsx_clean_text             (char                *text);
gboolean    shouhu_xlsx_parse_part             (ShouhuXlsxWorkbook  *workbook,
                                                const char          *part,
                                                const GMarkupParser *parser,
                                                Parse               *p,
                                                gboolean            *found,
                                                GError             **error);
zip_file_t *shouhu_xlsx_open_part              (ShouhuXlsxWorkbook  *workbook,
                                                const char          *part,
                                                gboolean            *found,
                                                GError             **error);
gboolean    shouhu_xlsx_count_read             (ShouhuXlsxWorkbook  *workbook,
                                                const char          *part,
                                                guint64             *entry_read,
                                                guint64              n,
                                                GError             **error);
gboolean    shouhu_xlsx_scan_part              (ShouhuXlsxWorkbook  *workbook,
                                                const char          *part,
                                                const GMarkupParser *parser,
                                                Parse               *p,
                                                gboolean            *found,
                                                GError             **error);
void        shouhu_xlsx_end_element_pop        (GMarkupParseContext *context,
                                                const char          *name,
                                                gpointer             user_data,
                                                GError             **error);
void        shouhu_xlsx_text_cb                (GMarkupParseContext *context,
                                                const char          *text,
                                                gsize                length,
                                                gpointer             user_data,
                                                GError             **error);

/* Cells (shouhu-xlsx-cell.c) */
gboolean    shouhu_xlsx_is_number              (const char          *s);
gboolean    shouhu_xlsx_parse_range            (const char          *text,
                                                ShouhuXlsxRange     *range);

/* Other formats (shouhu-xlsx-sniff.c) */
gboolean    shouhu_xlsx_sniff                  (const guint8        *data,
                                                gsize                size,
                                                const char          *display_name,
                                                GError             **error);
gboolean    shouhu_xlsx_sniff_zip              (zip_t               *zip,
                                                GError             **error);

/* Worksheets (shouhu-xlsx-sheet.c) */
int         shouhu_xlsx_compare_cells          (gconstpointer        a,
                                                gconstpointer        b);
void        shouhu_xlsx_sheet_free             (gpointer             data);
gboolean    shouhu_xlsx_read_sheet             (ShouhuXlsxWorkbook  *workbook,
                                                ShouhuXlsxSheet     *sheet,
                                                const char          *part,
                                                GError             **error);

G_END_DECLS

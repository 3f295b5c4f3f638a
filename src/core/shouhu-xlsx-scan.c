/* shouhu-xlsx-scan.c — the big parts of an xlsx, scanned fast
 *
 * A city's 41 forms hold a million cells: their worksheets and shared
 * strings are tens of megabytes of XML.  GMarkup reads them a character
 * at a time; this scanner finds the next '<' or '&' with memchr and
 * hands the same GMarkupParser callbacks the same elements, attributes
 * and text, so the parsers of shouhu-xlsx-reader.c and
 * shouhu-xlsx-sheet.c serve both.  It streams: the part is inflated in
 * pieces, a text of any length reaches the callback in pieces (which
 * keep at most SHOUHU_XLSX_MAX_TEXT of it), and a comment or CDATA of
 * any length is passed through without being held.
 *
 * What a worksheet part may not do is refused as malformed XML: end tags
 * that do not match, attributes without quotes, text that is not UTF-8,
 * unknown entities, a document that stops before its end.  DTDs are not
 * expanded (there is nothing to expand: no entity but the five and
 * character references is known).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem (), memrchr () */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define CHUNK          (64 * 1024)
#define MAX_TAG        (64 * 1024)   /* one start tag with its attributes */
#define MAX_ATTRIBUTES 64
#define MAX_NAME       64            /* element names compared at their end tags */
#define SLACK          16            /* bytes the buffer has past its size: its closing NUL,
                                      * and see same_name () */

typedef enum
{
  IN_CONTENT,
  IN_COMMENT,
  IN_CDATA,
  IN_PI,
} ScanState;

typedef struct
{
  const GMarkupParser *parser;
  gpointer             user_data;
  char                *buf;
  gsize                len;
  gsize                size;
  ScanState            state;
  guint                depth;
  gboolean             seen_root;
  char                 names[SHOUHU_XLSX_MAX_DEPTH][MAX_NAME];
  guint8               name_lengths[SHOUHU_XLSX_MAX_DEPTH];  /* of names[], at most MAX_NAME - 1 */
  GString             *text;
} Scan;

static gboolean
malformed (GError    **error,
           const char *what)
{
  g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE, "%s", what);
  return FALSE;
}

/* Decodes the entities of @text in place; %FALSE for an unknown one. */
static gboolean
decode_entities (char  *text,
                 gsize *length)
{
  char *out = text, *p = text, *end = text + *length;

  /* Most texts hold no entity: nothing to move. */
  if (memchr (text, '&', *length) == NULL)
    return TRUE;
  while (p < end)
    {
      char *amp = memchr (p, '&', (gsize) (end - p));
      char *semi;
      gsize n;

      if (amp == NULL)
        {
          memmove (out, p, (gsize) (end - p));
          out += end - p;
          break;
        }
      memmove (out, p, (gsize) (amp - p));
      out += amp - p;
      semi = memchr (amp, ';', MIN ((gsize) (end - amp), 12));
      if (semi == NULL)
        return FALSE;
      n = (gsize) (semi - amp - 1);
      if (n == 2 && strncmp (amp + 1, "lt", 2) == 0)
        *out++ = '<';
      else if (n == 2 && strncmp (amp + 1, "gt", 2) == 0)
        *out++ = '>';
      else if (n == 3 && strncmp (amp + 1, "amp", 3) == 0)
        *out++ = '&';
      else if (n == 4 && strncmp (amp + 1, "quot", 4) == 0)
        *out++ = '"';
      else if (n == 4 && strncmp (amp + 1, "apos", 4) == 0)
        *out++ = '\'';
      else if (n >= 2 && amp[1] == '#')
        {
          gboolean hex = amp[2] == 'x' || amp[2] == 'X';
          guint64 c = 0;
          char digits[12] = { 0 };
          char *stop = NULL;
          char encoded[8];
          int k;

          memcpy (digits, amp + (hex ? 3 : 2), MIN (n - (hex ? 2 : 1), sizeof digits - 1));
          c = g_ascii_strtoull (digits, &stop, hex ? 16 : 10);
          if (*digits == '\0' || stop == NULL || *stop != '\0' || c == 0 || c > 0x10FFFF ||
              !g_unichar_validate ((gunichar) c))
            return FALSE;
          /* A character reference is never longer than its encoding. */
          k = g_unichar_to_utf8 ((gunichar) c, encoded);
          memcpy (out, encoded, (gsize) k);
          out += k;
        }
      else
        return FALSE;
      p = semi + 1;
    }
  *length = (gsize) (out - text);
  return TRUE;
}

/* Hands @length bytes of text to the parser, decoded and checked. */
static gboolean
emit_text (Scan     *s,
           char     *text,
           gsize     length,
           gboolean  raw,
           GError  **error)
{
  if (length == 0 || s->parser->text == NULL)
    return TRUE;
  if (s->depth == 0)
    {
      /* Only white space may stand outside the root element. */
      for (gsize i = 0; i < length; i++)
        if (!g_ascii_isspace (text[i]))
          return malformed (error, _("text outside the document's element"));
      return TRUE;
    }
  if (!raw && !decode_entities (text, &length))
    return malformed (error, _("an unknown entity or a cut one"));
  if (!g_utf8_validate_len (text, length, NULL))
    return malformed (error, _("text that is not UTF-8"));
  s->parser->text (NULL, text, length, s->user_data, error);
  return error == NULL || *error == NULL;
}

/* The end of the complete UTF-8 characters in @text: a character cut by
 * the end of the buffer waits for the next piece. */
static gsize
complete_utf8 (const char *text,
               gsize       length)
{
  gsize back = 0;

  while (back < length && back < 4 && ((guchar) text[length - 1 - back] & 0xc0) == 0x80)
    back++;
  if (back < length && ((guchar) text[length - 1 - back] & 0x80))
    {
      guchar lead = (guchar) text[length - 1 - back];
      gsize need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;

      if (back + 1 < need)
        return length - back - 1;
    }
  return length;
}

/* Bytes of names: ASCII letters and digits, ':', '_', '-', '.', and
 * every byte of a non-ASCII character.  A table: names are scanned a
 * byte at a time, millions of them. */
static const guint8 name_chars[256] = {
  ['-'] = 1, ['.'] = 1, [':'] = 1, ['_'] = 1,
  ['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1, [0x80 ... 0xff] = 1,
};

static inline gboolean
is_name_char (char c)
{
  return name_chars[(guchar) c];
}

/* Whether @text is ASCII without NUL, '<' or '&': an attribute value
 * that needs no decoding nor checking (r="B5", t="s"). */
static inline gboolean
plain_ascii (const char *text,
             gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) text[i] >= 0x80 || text[i] == '\0' || text[i] == '<' || text[i] == '&')
      return FALSE;
  return TRUE;
}

/* Whether another element may open here; checked before its attributes
 * are read, so that these errors come first. */
static gboolean
may_open (Scan     *s,
          GError  **error)
{
  if (s->depth == 0 && s->seen_root)
    return malformed (error, _("a second document element"));
  if (s->depth >= SHOUHU_XLSX_MAX_DEPTH)
    {
      g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                   _("the part nests its elements more than %d levels deep"), SHOUHU_XLSX_MAX_DEPTH);
      return FALSE;
    }
  return TRUE;
}

/* Whether the element name @name, of @length bytes (at most
 * MAX_NAME - 1), is @kept.  Both are read SLACK bytes far whatever their
 * length: the names of the stack have MAX_NAME bytes, and the buffer
 * SLACK bytes past its size. */
static inline gboolean
same_name (const char *kept,
           const char *name,
           gsize       length)
{
  guint64 a, b;

  if (length > sizeof a)
    return memcmp (kept, name, length) == 0;
  memcpy (&a, kept, sizeof a);
  memcpy (&b, name, sizeof b);
  /* The first @length bytes: the low ones, read little-endian. */
  a = GUINT64_FROM_LE (a ^ b);
  return length == sizeof a ? a == 0 : (a & ((G_GUINT64_CONSTANT (1) << (8 * length)) - 1)) == 0;
}

/* The element @name (@length bytes, NUL-terminated) opens, with its
 * attributes read; @empty: it closes at once (<c/>). */
static inline gboolean
open_element (Scan        *s,
              const char  *name,
              gsize        length,
              const char **names,
              const char **values,
              gboolean     empty,
              GError     **error)
{
  /* A longer name is compared by its first MAX_NAME - 1 bytes.  A short
   * one is copied SLACK bytes long: one move, not a call. */
  length = MIN (length, MAX_NAME - 1);
  if (length < SLACK)
    memcpy (s->names[s->depth], name, SLACK);
  else
    memcpy (s->names[s->depth], name, length);
  s->name_lengths[s->depth] = (guint8) length;
  s->depth++;
  s->seen_root = TRUE;
  if (s->parser->start_element != NULL)
    {
      s->parser->start_element (NULL, name, names, values, s->user_data, error);
      if (error != NULL && *error != NULL)
        return FALSE;
    }
  if (empty)
    {
      s->depth--;
      if (s->parser->end_element != NULL)
        s->parser->end_element (NULL, name, s->user_data, error);
    }
  return error == NULL || *error == NULL;
}

/* A start tag, @tag to @end (the '>'), NUL-terminated in place. */
static gboolean
start_tag (Scan     *s,
           char     *tag,
           char     *end,
           GError  **error)
{
  const char *names[MAX_ATTRIBUTES + 1];
  const char *values[MAX_ATTRIBUTES + 1];
  gboolean empty = end[-1] == '/';
  char *p = tag + 1, *name = p, *name_end;
  guint n = 0;

  if (empty)
    end--;
  while (p < end && is_name_char (*p))
    p++;
  if (p == name)
    return malformed (error, _("an element without a name"));
  if (!may_open (s, error))
    return FALSE;
  while (p < end)
    {
      char *attr, *value, quote;
      gsize value_len;

      if (!g_ascii_isspace (*p))
        return malformed (error, _("an attribute not separated by a space"));
      while (p < end && g_ascii_isspace (*p))
        *p++ = '\0';
      if (p == end)
        break;
      attr = p;
      while (p < end && is_name_char (*p))
        p++;
      if (p == attr)
        return malformed (error, _("an attribute without a name"));
      while (p < end && g_ascii_isspace (*p))
        *p++ = '\0';
      if (p >= end || *p != '=')
        return malformed (error, _("an attribute without a value"));
      *p++ = '\0';
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || (*p != '"' && *p != '\''))
        return malformed (error, _("an attribute value without quotes"));
      quote = *p++;
      value = p;
      p = memchr (p, quote, (gsize) (end - p));
      if (p == NULL)
        return malformed (error, _("an attribute value without its closing quote"));
      value_len = (gsize) (p - value);
      if (!plain_ascii (value, value_len) &&
          (memchr (value, '<', value_len) != NULL || !decode_entities (value, &value_len) ||
           !g_utf8_validate_len (value, value_len, NULL)))
        return malformed (error, _("an attribute value that cannot be read"));
      value[value_len] = '\0';
      p++;
      if (n == MAX_ATTRIBUTES)
        return malformed (error, _("an element with too many attributes"));
      names[n] = attr;
      values[n++] = value;
    }
  *end = '\0';
  names[n] = values[n] = NULL;
  for (name_end = name; is_name_char (*name_end); name_end++)
    ;
  *name_end = '\0';
  return open_element (s, name, (gsize) (name_end - name), names, values, empty, error);
}

/* Bytes an attribute value may hold to be taken as it is, in the start
 * tags files write (r="B5" t="s"): ASCII but NUL, '<', '&' and quotes. */
static const guint8 plain_value_chars[256] = {
  [0x01 ... '"' - 1] = 1, ['"' + 1 ... '&' - 1] = 1, ['\'' + 1 ... '<' - 1] = 1, ['<' + 1 ... 0x7f] = 1,
};

/* Undoes what quick_start_tag () did to the @n attributes it read:
 * their '=' and closing quotes.  Returns 0, for quick_start_tag (). */
static int
unread_attributes (const char **names,
                   const char **values,
                   guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      char *equals = (char *) names[i] + strlen (names[i]);

      *equals = '=';
      ((char *) values[i])[strlen (values[i])] = equals[1];
    }
  return 0;
}

/* The start tag at @tag as files write it: its attributes after single
 * spaces, their values in plain_value_chars.  Read in one pass, which
 * finds its end, its names and its values at once.  The buffer ends
 * with a NUL, which no name or value holds: the loops over their bytes
 * stop there without looking for @end.
 *
 * Returns: 1 when it was read (@next is past it), -1 with @error set; 0
 *   for any other tag, or one the buffer cuts, which tag_end () and
 *   start_tag () then read (the tag is left as it was). */
static int
quick_start_tag (Scan     *s,
                 char     *tag,
                 char     *end,
                 char    **next,
                 GError  **error)
{
  const char *names[MAX_ATTRIBUTES + 1];
  const char *values[MAX_ATTRIBUTES + 1];
  char *name = tag + 1, *p = name, *name_end;
  gboolean empty;
  guint n = 0;

  while (is_name_char (*p))
    p++;
  if (p == name)
    return 0;
  name_end = p;
  while (p < end && *p == ' ')
    {
      char *equals, quote;

      if (n == MAX_ATTRIBUTES)
        return unread_attributes (names, values, n);
      names[n] = ++p;
      while (is_name_char (*p))
        p++;
      if (p == names[n] || end - p < 2 || *p != '=' || (p[1] != '"' && p[1] != '\''))
        return unread_attributes (names, values, n);
      equals = p;
      quote = p[1];
      p += 2;
      values[n] = p;
      while (plain_value_chars[(guchar) *p])
        p++;
      if (p >= end || *p != quote)
        return unread_attributes (names, values, n);
      *equals = '\0';
      *p++ = '\0';
      n++;
    }
  if (p < end && *p == '>')
    empty = FALSE;
  else if (end - p >= 2 && p[0] == '/' && p[1] == '>')
    {
      empty = TRUE;
      p++;
    }
  else
    return unread_attributes (names, values, n);

  if ((s->depth == 0 || s->depth >= SHOUHU_XLSX_MAX_DEPTH) && !may_open (s, error))
    return -1;
  *next = p + 1;
  *name_end = '\0';
  names[n] = values[n] = NULL;
  return open_element (s, name, (gsize) (name_end - name), names, values, empty, error) ? 1 : -1;
}

/* The element whose end tag names @name, up to @name_end, closes. */
static inline gboolean
close_element (Scan     *s,
               char     *name,
               char     *name_end,
               GError  **error)
{
  *name_end = '\0';
  if (s->depth == 0 ||
      MIN ((gsize) (name_end - name), MAX_NAME - 1) != s->name_lengths[s->depth - 1] ||
      !same_name (s->names[s->depth - 1], name, s->name_lengths[s->depth - 1]))
    return malformed (error, _("an end tag that does not match its element"));
  s->depth--;
  if (s->parser->end_element != NULL)
    s->parser->end_element (NULL, name, s->user_data, error);
  return error == NULL || *error == NULL;
}

static gboolean
end_tag (Scan     *s,
         char     *tag,
         char     *end,
         GError  **error)
{
  char *name = tag + 2, *p = name;

  while (p < end && is_name_char (*p))
    p++;
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p != end || p == name)
    return malformed (error, _("an end tag that cannot be read"));
  *end = '\0';
  for (p = name; is_name_char (*p); p++)
    ;
  return close_element (s, name, p, error);
}

/* An end tag without spaces (</c>), as end_tag () reads it, without
 * looking for its end first.  Returns as quick_start_tag () does. */
static int
quick_end_tag (Scan     *s,
               char     *tag,
               char     *end,
               char    **next,
               GError  **error)
{
  char *name = tag + 2, *p = name;

  while (is_name_char (*p))
    p++;
  if (p >= end || *p != '>' || p == name)
    return 0;
  *next = p + 1;
  return close_element (s, name, p, error) ? 1 : -1;
}

/* Bytes of a text passed on as it is, with nothing to decode or check:
 * ASCII but NUL, '<' and '&'. */
static const guint8 plain_text_chars[256] = {
  [0x01 ... '&' - 1] = 1, ['&' + 1 ... '<' - 1] = 1, ['<' + 1 ... 0x7f] = 1,
};

/* Texts longer than this are found with memchr (). */
#define QUICK_TEXT 64

/* The '>' that ends the tag at @p, past quoted attribute values (which
 * may hold one); %NULL when the buffer ends first. */
static char *
tag_end (char *p,
         char *end)
{
  for (; p < end; p++)
    {
      if (*p == '>')
        return p;
      if (*p == '"' || *p == '\'')
        {
          /* A quoted value, passed over whole. */
          p = memchr (p + 1, *p, (gsize) (end - p - 1));
          if (p == NULL)
            return NULL;
        }
    }
  return NULL;
}

/* Scans what the buffer holds; leaves in it what needs more bytes.
 * @last: no more bytes will come. */
static gboolean
scan (Scan     *s,
      gboolean  last,
      GError  **error)
{
  char *p = s->buf, *end = s->buf + s->len;

  while (p < end)
    {
      if (s->state != IN_CONTENT)
        {
          const char *close = s->state == IN_COMMENT ? "-->" : s->state == IN_PI ? "?>" : "]]>";
          gsize close_len = strlen (close);
          char *at = memmem (p, (gsize) (end - p), close, close_len);
          gsize upto = at != NULL ? (gsize) (at - p) : (gsize) (end - p) > close_len ? (gsize) (end - p) - close_len + 1 : 0;

          if (s->state == IN_CDATA)
            {
              gsize n = at != NULL ? upto : complete_utf8 (p, upto);

              if (!emit_text (s, p, n, TRUE, error))
                return FALSE;
              upto = n;
            }
          if (at == NULL)
            {
              p += upto;
              break;
            }
          p = at + close_len;
          s->state = IN_CONTENT;
          continue;
        }

      if (*p != '<')
        {
          char *lt;
          gsize n;

          if (s->depth > 0)
            {
              /* A short text of plain ASCII (<v>0</v>): passed on as
               * it is, found without memchr (). */
              char *q = p, *stop = end - p > QUICK_TEXT ? p + QUICK_TEXT : end;

              while (q < stop && plain_text_chars[(guchar) *q])
                q++;
              if (q < end && *q == '<')
                {
                  if (s->parser->text != NULL)
                    {
                      s->parser->text (NULL, p, (gsize) (q - p), s->user_data, error);
                      if (error != NULL && *error != NULL)
                        return FALSE;
                    }
                  p = q;
                  continue;
                }
            }
          lt = memchr (p, '<', (gsize) (end - p));
          n = lt != NULL ? (gsize) (lt - p) : (gsize) (end - p);

          if (lt == NULL && !last)
            {
              /* Keep a cut entity or character for the next piece. */
              char *amp = memrchr (p, '&', n);

              if (amp != NULL && memchr (amp, ';', (gsize) (end - amp)) == NULL)
                n = (gsize) (amp - p);
              n = complete_utf8 (p, n);
            }
          if (!emit_text (s, p, n, FALSE, error))
            return FALSE;
          p += n;
          if (lt == NULL)
            break;
          continue;
        }

      /* Markup */
      if ((gsize) (end - p) < 9 && !last)
        break;
      if (is_name_char (p[1]) || p[1] == '/')
        {
          char *next = NULL;
          int quick = p[1] == '/' ? quick_end_tag (s, p, end, &next, error)
                                  : quick_start_tag (s, p, end, &next, error);

          if (quick < 0)
            return FALSE;
          if (quick > 0)
            {
              p = next;
              continue;
            }
        }
      if (p[1] == '!' && strncmp (p, "<!--", MIN (4, (gsize) (end - p))) == 0 && end - p >= 4)
        {
          s->state = IN_COMMENT;
          p += 4;
          continue;
        }
      if (p[1] == '!' && end - p >= 9 && strncmp (p, "<![CDATA[", 9) == 0)
        {
          if (s->depth == 0)
            return malformed (error, _("CDATA outside the document's element"));
          s->state = IN_CDATA;
          p += 9;
          continue;
        }
      if (end - p >= 2 && p[1] == '?')
        {
          s->state = IN_PI;
          p += 2;
          continue;
        }
      {
        char *gt = tag_end (p, end);

        if (gt == NULL)
          {
            if ((gsize) (end - p) > MAX_TAG)
              {
                g_set_error (error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                             _("an element’s tag is longer than %d bytes"), MAX_TAG);
                return FALSE;
              }
            break;
          }
        if (p[1] == '!')
          ;   /* a declaration (<!DOCTYPE …>): passed over, nothing expanded */
        else if (p[1] == '/')
          {
            if (!end_tag (s, p, gt, error))
              return FALSE;
          }
        else if (!start_tag (s, p, gt, error))
          return FALSE;
        p = gt + 1;
      }
    }

  if (last && (p < end || s->state != IN_CONTENT))
    return malformed (error, _("the document ends in the middle of an element"));
  memmove (s->buf, p, (gsize) (end - p));
  s->len = (gsize) (end - p);
  return TRUE;
}

/**
 * shouhu_xlsx_scan_part:
 *
 * As shouhu_xlsx_parse_part(), with the scanner of this file: for the
 * worksheets and shared strings, where the cells are.
 */
gboolean
shouhu_xlsx_scan_part (ShouhuXlsxWorkbook  *workbook,
                       const char          *part,
                       const GMarkupParser *parser,
                       Parse               *p,
                       gboolean            *found,
                       GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  Scan s = { parser, p };
  zip_file_t *file;
  guint64 entry_read = 0;

  p->workbook = workbook;
  p->part = part;
  file = shouhu_xlsx_open_part (workbook, part, found, error);
  if (file == NULL)
    return !*found;

  s.size = CHUNK + MAX_TAG + 16;
  s.buf = g_malloc0 (s.size + SLACK);
  for (;;)
    {
      zip_int64_t n;

      if (s.len + CHUNK > s.size)
        {
          g_set_error (&local_error, SHOUHU_XLSX_ERROR, SHOUHU_XLSX_ERROR_TOO_LARGE,
                       _("%s holds a tag longer than %d bytes"), part, MAX_TAG);
          break;
        }
      n = zip_fread (file, s.buf + s.len, CHUNK);
      if (n < 0)
        {
          shouhu_xlsx_damaged (&local_error, _("%s cannot be read: %s"), part, zip_file_strerror (file));
          break;
        }
      if (!shouhu_xlsx_count_read (workbook, part, &entry_read, (guint64) n, &local_error))
        break;
      s.len += (gsize) n;
      s.buf[s.len] = '\0';   /* ends the quick loops: see quick_start_tag () */
      if (!scan (&s, n == 0, &local_error) || n == 0)
        break;
    }
  if (local_error == NULL && (s.depth != 0 || !s.seen_root))
    malformed (&local_error, _("the document ends before its element does"));
  zip_fclose (file);
  g_free (s.buf);

  if (local_error == NULL)
    return TRUE;
  if (local_error->domain == SHOUHU_XLSX_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    shouhu_xlsx_damaged (error, _("%s is not well-formed XML: %s"), part, local_error->message);
  return FALSE;
}

/* shouhu-xlsx-cell.c — xlsx cell names (B5), ranges (A1:C3) and the
 * digits of stored numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader-private.h"


#include <string.h>

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
  const char *p = name, *end = name + length, *stop;
  guint c = 0, r = 0;
  gsize i, letters, digits;

  /* Every cell of a sheet has its name read: no calls per character. */
  for (stop = name + MIN (length, 3); p < stop; p++)
    {
      /* An ASCII letter, either case, as its capital: no other byte
       * becomes one when bit 5 is cleared. */
      guint letter = (guint) (guchar) *p & ~0x20u;

      if (letter < 'A' || letter > 'Z')
        break;
      c = c * 26 + (letter - 'A' + 1);
    }
  letters = (gsize) (p - name);
  for (stop = p + MIN ((gsize) (end - p), 7); p < stop; p++)
    {
      guint digit = (guint) (guchar) *p - '0';

      if (digit > 9)
        break;
      r = r * 10 + digit;
    }
  i = (gsize) (p - name);
  digits = i - letters;

  if (i != length || letters == 0 || digits == 0 || name[letters] == '0')
    return FALSE;
  if (c > SHOUHU_XLSX_MAX_COLUMNS || r > SHOUHU_XLSX_MAX_ROWS)
    return FALSE;
  *row = r - 1;
  *col = c - 1;
  return TRUE;
}

gboolean
shouhu_xlsx_parse_range (const char      *text,
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

gboolean
shouhu_xlsx_is_number (const char *s)
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

  if (s == NULL || !shouhu_xlsx_is_number (s))
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

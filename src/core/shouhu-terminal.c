/* shouhu-terminal.c — text from data made safe to print on a terminal
 *
 * A name, a cell or a file name comes from elsewhere (a workbook sent in
 * by a district, a file someone named): printed as it is, an escape
 * sequence in it would be obeyed by the terminal, recolouring, moving the
 * cursor or hiding the lines around it.  The command line passes every
 * piece of data through shouhu_terminal_safe() before printing; only the
 * program's own text carries line breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-terminal.h"

#include <string.h>

#define REPLACEMENT 0xFFFD

/* Bidirectional controls reorder what the terminal shows, so that a name
 * could read as another. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

/**
 * shouhu_terminal_safe:
 * @text: (nullable): text from data, in any encoding
 *
 * White space controls (line feed, carriage return, tab, vertical tab,
 * form feed) and the line and paragraph separators become a space; every
 * other C0 or C1 control, DEL, ESC and bidirectional control becomes
 * U+FFFD, as do bytes that are not UTF-8.
 *
 * Returns: (transfer full): the text, one line without control characters
 */
char *
shouhu_terminal_safe (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' ||
          c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || is_bidi_control (c))
        g_string_append_unichar (out, REPLACEMENT);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

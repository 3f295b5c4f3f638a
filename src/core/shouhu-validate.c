/* shouhu-validate.c — checks shared by every table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-validate.h"
#include "shouhu-phone.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-validate-error-quark, shouhu_validate_error)

/**
 * shouhu_validate_fold_digits:
 *
 * Turns full-width digits, hyphens, plus signs and spaces (as typed with a
 * Chinese input method) into their ASCII forms and trims the result.
 *
 * Returns: (transfer full): the folded text
 */
char *
shouhu_validate_fold_digits (const char *text)
{
  char *out, *o;
  const char *p, *run;

  if (text == NULL)
    return g_strdup ("");
  /* Folding only shortens: the copy is the size of the text, as records
   * keep it. */
  out = o = g_malloc (strlen (text) + 1);
  /* Text is copied by runs, up to the characters that fold: all of them
   * start with 0xC2, 0xE2, 0xE3 or 0xEF, bytes that never continue a
   * character. */
  for (p = run = text; *p != '\0';)
    {
      guchar b = (guchar) *p;
      gunichar c;
      char folded;

      if (b != 0xc2 && b != 0xe2 && b != 0xe3 && b != 0xef)
        {
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (c >= 0xFF10 && c <= 0xFF19)          /* ０-９ */
        folded = (char) ('0' + (c - 0xFF10));
      else if (c == 0xFF0D || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
               c == 0x2013 || c == 0x2014 || c == 0x2212)   /* －‐‑‒–—− */
        folded = '-';
      else if (c == 0xFF0B)                    /* ＋ */
        folded = '+';
      else if (c == 0x3000 || c == 0x00A0)     /* ideographic, no-break space */
        folded = ' ';
      else
        folded = '\0';
      if (folded != '\0')
        {
          memcpy (o, run, (gsize) (p - run));
          o += p - run;
          *o++ = folded;
          run = g_utf8_next_char (p);
        }
      p = g_utf8_next_char (p);
    }
  memcpy (o, run, (gsize) (p - run));
  o[p - run] = '\0';

  return g_strstrip (out);
}

gboolean
shouhu_validate_count_value (const char  *field,
                             gint64       value,
                             GError     **error)
{
  if (value < 0)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s cannot be negative: enter 0 or more"), field);
      return FALSE;
    }
  if (value > SHOUHU_COUNT_MAX)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s is too large: enter at most %d"), field, SHOUHU_COUNT_MAX);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_validate_count:
 * @field: the field's name as the user sees it
 * @text: what was typed; empty means 0
 *
 * A count of people: a whole number from 0 to %SHOUHU_COUNT_MAX.
 */
gboolean
shouhu_validate_count (const char  *field,
                       const char  *text,
                       int         *value,
                       GError     **error)
{
  g_autofree char *folded = shouhu_validate_fold_digits (text);
  gint64 parsed = 0;
  gboolean negative = FALSE;
  const char *p = folded;

  if (*p == '\0')
    {
      *value = 0;
      return TRUE;
    }

  if (*p == '-' || *p == '+')
    {
      negative = (*p == '-');
      p++;
    }

  if (*p == '\0')
    goto not_whole;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        goto not_whole;
      parsed = parsed * 10 + (*p - '0');
      if (parsed > SHOUHU_COUNT_MAX)
        parsed = SHOUHU_COUNT_MAX + 1;  /* saturate: only the message matters */
    }

  if (negative && parsed > 0)
    parsed = -parsed;

  if (!shouhu_validate_count_value (field, parsed, error))
    return FALSE;

  *value = (int) parsed;
  return TRUE;

not_whole:
  g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
               _("%s must be a whole number, such as 12 (not “%s”)"), field, folded);
  return FALSE;
}

/**
 * shouhu_validate_date:
 *
 * A calendar date as YYYY-MM-DD (also YYYY/M/D and YYYY年M月D日);
 * @normalised receives the YYYY-MM-DD form.
 */
gboolean
shouhu_validate_date (const char  *field,
                      const char  *text,
                      char       **normalised,
                      GError     **error)
{
  g_autofree char *folded = shouhu_validate_fold_digits (text);
  guint y = 0, m = 0, d = 0;
  char rest[8] = "";

  g_strdelimit (folded, "/.", '-');
  if (sscanf (folded, "%u-%u-%u%7s", &y, &m, &d, rest) != 3 &&
      sscanf (folded, "%u年%u月%u日%7s", &y, &m, &d, rest) != 3)
    goto bad;

  if (y < 1900 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    goto bad;

  *normalised = g_strdup_printf ("%04u-%02u-%02u", y, m, d);
  return TRUE;

bad:
  g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
               _("%s must be a real date written as 2020-02-07 (not “%s”)"), field, folded);
  return FALSE;
}

/**
 * shouhu_validate_phone:
 * @field: the field's name as the user sees it
 * @text: what was typed; empty is accepted (the number is not known yet)
 * @normalised: (out): the stored form: "13812345678", "023-68881234" or
 *   "023-68881234-123"
 *
 * A phone number as shouhu_phone_normalise() reads it.
 */
gboolean
shouhu_validate_phone (const char  *field,
                       const char  *text,
                       char       **normalised,
                       GError     **error)
{
  char *stored = shouhu_phone_normalise (field, text, NULL, error);

  if (stored == NULL)
    return FALSE;
  *normalised = stored;
  return TRUE;
}

/**
 * shouhu_validate_required:
 * @normalised: (out): @text trimmed
 *
 * Text that must not be empty (spaces alone count as empty).
 */
gboolean
shouhu_validate_required (const char  *field,
                          const char  *text,
                          char       **normalised,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = trimmed;

  /* The ideographic space (U+3000) is what a Chinese input method types. */
  while (g_str_has_prefix (p, "　"))
    p += strlen ("　");
  if (*p == '\0')
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s is required: fill it in"), field);
      return FALSE;
    }
  *normalised = g_steal_pointer (&trimmed);
  return TRUE;
}

/* shouhu-validate.c — checks shared by every table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-validate.h"

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
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)          /* ０-９ */
        g_string_append_c (out, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0D || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
               c == 0x2013 || c == 0x2014 || c == 0x2212)   /* －‐‑‒–—− */
        g_string_append_c (out, '-');
      else if (c == 0xFF0B)                    /* ＋ */
        g_string_append_c (out, '+');
      else if (c == 0x3000 || c == 0x00A0)     /* ideographic, no-break space */
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  return g_strstrip (g_string_free (out, FALSE));
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

/* Mainland area codes are 3 digits for 010 and 02x, 4 for the others. */
static guint
area_code_length (const char *digits)
{
  return (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
}

static gboolean
all_digits (const char *s,
            gsize       min_len,
            gsize       max_len)
{
  gsize len = strlen (s);

  if (len < min_len || len > max_len)
    return FALSE;
  for (; *s != '\0'; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* Area code and a local number of 7 or 8 digits that does not start with
 * 0 or 1, given as digits only; the extension, if any, is 1 to 6 digits. */
static char *
format_landline (const char *digits,
                 const char *ext)
{
  guint alen;

  if (!all_digits (digits, 10, 12) || digits[0] != '0')
    return NULL;
  alen = area_code_length (digits);
  if (!all_digits (digits + alen, 7, 8) || digits[alen] == '0' || digits[alen] == '1')
    return NULL;
  if (ext == NULL)
    return g_strdup_printf ("%.*s-%s", (int) alen, digits, digits + alen);
  if (!all_digits (ext, 1, 6))
    return NULL;
  return g_strdup_printf ("%.*s-%s-%s", (int) alen, digits, digits + alen, ext);
}

static char *
strip_hyphens (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/* Hyphens are spacing, except that the last group of three or more may be
 * an extension ("023-68881234-123"). */
static char *
normalise_landline (const char *main_part,
                    const char *ext)
{
  g_autofree char *digits = strip_hyphens (main_part);
  const char *last_hyphen = strrchr (main_part, '-');

  if (ext == NULL && last_hyphen != NULL && last_hyphen[1] != '\0')
    {
      g_autofree char *before = g_strndup (main_part, last_hyphen - main_part);
      g_autofree char *head = strip_hyphens (before);
      g_auto(GStrv) groups = g_strsplit (main_part, "-", -1);
      guint n_groups = 0;

      for (guint i = 0; groups[i] != NULL; i++)
        n_groups += groups[i][0] != '\0';
      if (n_groups >= 3)
        {
          char *with_ext = format_landline (head, last_hyphen + 1);

          if (with_ext != NULL)
            return with_ext;
        }
    }
  return format_landline (digits, ext);
}

/**
 * shouhu_validate_phone:
 * @field: the field's name as the user sees it
 * @text: what was typed; empty is accepted (the number is not known yet)
 * @normalised: (out): the stored form: "13812345678", "023-68881234" or
 *   "023-68881234-123"
 *
 * A mainland mobile number (11 digits, 1[3-9]…) or a landline with its
 * area code and an optional extension.  Spaces and hyphens may be typed
 * anywhere, full-width digits are converted; "转", "ext" or "#" may stand
 * before an extension.
 */
gboolean
shouhu_validate_phone (const char  *field,
                       const char  *text,
                       char       **normalised,
                       GError     **error)
{
  g_autofree char *folded = shouhu_validate_fold_digits (text != NULL ? text : "");
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autofree char *digits = NULL;
  char *hash;
  char *result = NULL;

  for (const char *p = folded; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t')
        continue;
      if (g_str_has_prefix (p, "转"))
        {
          g_string_append_c (compact, '#');
          p += strlen ("转") - 1;
        }
      else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
        {
          g_string_append_c (compact, '#');
          p += 2;
        }
      else if (g_ascii_isdigit (*p) || *p == '-' || *p == '#')
        g_string_append_c (compact, *p);
      else
        goto bad;
    }

  if (compact->len == 0)
    {
      *normalised = g_strdup ("");
      return TRUE;
    }

  hash = strchr (compact->str, '#');
  if (hash != NULL)
    {
      *hash = '\0';
      if (strchr (hash + 1, '#') != NULL)
        goto bad;
    }
  digits = strip_hyphens (compact->str);

  if (digits[0] == '1' && hash == NULL)
    {
      if (all_digits (digits, 11, 11) && digits[1] >= '3' && digits[1] <= '9')
        {
          *normalised = g_steal_pointer (&digits);
          return TRUE;
        }
    }
  else if (digits[0] == '0')
    {
      g_autofree char *ext = hash != NULL ? strip_hyphens (hash + 1) : NULL;

      result = normalise_landline (compact->str, ext);
      if (result != NULL)
        {
          *normalised = result;
          return TRUE;
        }
    }

bad:
  g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
               _("%s must be a mobile number of 11 digits (such as 13812345678) or a "
                 "landline with its area code (such as 023-68881234), not “%s”"),
               field, folded);
  return FALSE;
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

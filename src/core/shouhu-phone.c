/* shouhu-phone.c — what a phone number is: parsing, stored forms,
 * masking, and finding numbers inside free text
 *
 * One grammar for every caller: the editor's validation, the import, the
 * masked exports.  A number may be typed with spaces, hyphens, dots and
 * parentheses, in full-width digits, with +86, 86 or 0086 before it;
 * "转", "分机", "ext" or "#" stand before an extension.  Stored forms:
 * "13812345678", "023-68881234", "023-68881234-123".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-phone.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* Room for what one number may hold once folded (digits and marks). */
#define COMPACT_MAX 48
/* The finder: how many groups of digits a run may hold, how many
 * separator characters may stand between two groups of one number, and
 * how long a candidate number may be. */
#define RUN_MAX_GROUPS 32
#define SEPARATORS_MAX 3
#define CANDIDATE_MAX_GROUPS 6
#define CANDIDATE_MAX_DIGITS 22
/* Fewer digits than this are counts, house numbers, postcodes: never
 * personal enough to hide. */
#define DIGITS_MIN 7
#define ID_NUMBER_LENGTH 18

typedef enum
{
  PARSE_OK,
  PARSE_EMPTY,
  PARSE_NOT_A_NUMBER,
  PARSE_MOBILE_LENGTH,   /* starts like a mobile, has not 11 digits */
  PARSE_NOT_MOBILE,      /* 11 digits from 1, but no mobile prefix */
  PARSE_NO_AREA_CODE,    /* a local number of 7 digits */
} ParseResult;

typedef struct
{
  ShouhuPhoneKind kind;
  guint           n_digits;   /* of the number itself, for messages */
  gboolean        guessed;    /* written without its area code or its 0 */
  char            value[SHOUHU_PHONE_VALUE_MAX];
} Parsed;

/* ---- Characters --------------------------------------------------------- */

/* The digit @c stands for (ASCII or full-width), or -1. */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xFF10 && c <= 0xFF19)
    return (int) (c - 0xFF10);
  return -1;
}

/* Spaces of every width, line breaks, and the invisible characters that
 * come along when text is pasted. */
static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* Hyphens of every width, dots and parentheses: they split a number into
 * groups ("023-6888-1234", "(023)68881234", "138.1234.5678"). */
static gboolean
is_joint (gunichar c)
{
  return c == '-' || c == 0xFF0D || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 ||
         c == '.' || c == 0xFF0E ||
         c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09;
}

static gboolean
is_hyphen_or_dot (gunichar c)
{
  return is_joint (c) && c != '(' && c != ')' && c != 0xFF08 && c != 0xFF09;
}

static gboolean
is_separator (gunichar c)
{
  return is_space (c) || is_joint (c);
}

/* The length of an extension mark at @p ("转", "分机", "ext", "#"), or 0. */
static gsize
extension_mark (const char *p,
                const char *end)
{
  static const char *const marks[] = { "转", "分机", "ext.", "ext", "#", "＃" };
  gsize left = (gsize) (end - p);

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      gsize len = strlen (marks[i]);

      if (len <= left && g_ascii_strncasecmp (p, marks[i], len) == 0)
        return len;
    }
  return 0;
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

/* @compact without its hyphens, into @out (COMPACT_MAX bytes). */
static void
digits_of (const char *compact,
           char       *out)
{
  gsize n = 0;

  for (const char *p = compact; *p != '\0' && n + 1 < COMPACT_MAX; p++)
    if (g_ascii_isdigit (*p))
      out[n++] = *p;
  out[n] = '\0';
}

/* Removes the first @count digits of @compact and the hyphens among them. */
static void
drop_digits (char  *compact,
             guint  count)
{
  char *p = compact;

  while (*p != '\0' && count > 0)
    {
      if (g_ascii_isdigit (*p))
        count--;
      p++;
    }
  while (*p == '-')
    p++;
  memmove (compact, p, strlen (p) + 1);
}

static gboolean
prepend (char       *compact,
         gsize       size,
         const char *head)
{
  gsize len = strlen (compact), head_len = strlen (head);

  if (len + head_len + 1 > size)
    return FALSE;
  memmove (compact + head_len, compact, len + 1);
  memcpy (compact, head, head_len);
  return TRUE;
}

/* ---- Parsing one number ------------------------------------------------- */

/* Folds @text to digits, '-' where groups meet and '#' before an
 * extension; @plus tells whether it began with a plus sign. */
static ParseResult
compact_span (const char *text,
              gsize       len,
              char        compact[COMPACT_MAX],
              gboolean   *plus)
{
  const char *p = text, *end = text + len;
  gsize n = 0;

  *plus = FALSE;
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      int digit = digit_value (c);
      gsize mark = 0;
      char put;

      if (is_space (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if ((c == '+' || c == 0xFF0B) && n == 0 && !*plus)
        {
          *plus = TRUE;
          p = g_utf8_next_char (p);
          continue;
        }
      if (digit >= 0)
        put = (char) ('0' + digit);
      else if (is_joint (c))
        put = '-';
      else if ((mark = extension_mark (p, end)) > 0)
        put = '#';
      else
        return PARSE_NOT_A_NUMBER;
      if (n + 1 >= COMPACT_MAX)
        return PARSE_NOT_A_NUMBER;
      compact[n++] = put;
      p = mark > 0 ? p + mark : g_utf8_next_char (p);
    }
  compact[n] = '\0';
  return PARSE_OK;
}

/* Mainland area codes are 3 digits for 010 and 02x, 4 for the others. */
static guint
area_code_length (const char *digits)
{
  return (digits[1] == '1' || digits[1] == '2') ? 3 : 4;
}

/* Area code and a local number of 7 or 8 digits that does not start with
 * 0 or 1, as digits only; the extension, if any, is 1 to 6 digits. */
static gboolean
format_landline (const char *digits,
                 const char *ext,
                 Parsed     *out)
{
  guint alen;

  if (!all_digits (digits, 10, 12) || digits[0] != '0')
    return FALSE;
  alen = area_code_length (digits);
  if (!all_digits (digits + alen, 7, 8) || digits[alen] == '0' || digits[alen] == '1')
    return FALSE;
  if (ext == NULL)
    {
      out->kind = SHOUHU_PHONE_LANDLINE;
      g_snprintf (out->value, sizeof out->value, "%.*s-%s", (int) alen, digits, digits + alen);
      return TRUE;
    }
  if (!all_digits (ext, 1, 6))
    return FALSE;
  out->kind = SHOUHU_PHONE_EXTENSION;
  g_snprintf (out->value, sizeof out->value, "%.*s-%s-%s", (int) alen, digits, digits + alen, ext);
  return TRUE;
}

/* Hyphens are spacing, except that after three or more groups the last
 * may be an extension ("023-68881234-123"). */
static gboolean
format_landline_groups (const char *main_part,
                        const char *ext,
                        Parsed     *out)
{
  char digits[COMPACT_MAX];
  const char *last_hyphen = strrchr (main_part, '-');

  if (ext == NULL && last_hyphen != NULL && last_hyphen[1] != '\0')
    {
      char head[COMPACT_MAX];
      guint n_groups = 0;

      for (const char *p = main_part; *p != '\0'; p++)
        n_groups += g_ascii_isdigit (*p) && (p == main_part || p[-1] == '-');
      g_strlcpy (head, main_part, MIN (sizeof head, (gsize) (last_hyphen - main_part) + 1));
      digits_of (head, digits);
      if (n_groups >= 3 && format_landline (digits, last_hyphen + 1, out))
        return TRUE;
    }
  digits_of (main_part, digits);
  return format_landline (digits, ext, out);
}

/* +86, 0086, and 86 before a mobile number are the country code.  After
 * one, a landline has lost its leading 0 ("+86 23 6888 1234"). */
static gboolean
strip_country_code (char     *main_part,
                    gboolean  plus)
{
  char digits[COMPACT_MAX];

  digits_of (main_part, digits);
  if (plus)
    {
      if (!g_str_has_prefix (digits, "86"))
        return FALSE;
      drop_digits (main_part, 2);
    }
  else if (g_str_has_prefix (digits, "0086"))
    drop_digits (main_part, 4);
  else
    {
      if (g_str_has_prefix (digits, "861") && strlen (digits) == 13)
        drop_digits (main_part, 2);
      return TRUE;
    }

  digits_of (main_part, digits);
  if (digits[0] == '\0')
    return FALSE;
  if (digits[0] != '0' && (digits[0] != '1' || digits[1] == '0'))
    return prepend (main_part, COMPACT_MAX, "0");
  return TRUE;
}

/* Whether @text is @len ASCII digits. */
static gboolean
plain_digits (const char *text,
              gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static ParseResult
parse_span (const char *text,
            gsize       len,
            Parsed     *out)
{
  char compact[COMPACT_MAX], main_part[COMPACT_MAX], digits[COMPACT_MAX];
  char *hash, *ext = NULL;
  gboolean plus;
  ParseResult result;
  gsize n;

  memset (out, 0, sizeof *out);
  out->kind = SHOUHU_PHONE_NONE;
  /* Most numbers are a mobile written as its 11 digits, which is already
   * its stored form: a city's forms hold hundreds of thousands. */
  if (len == 11 && text[0] == '1' && text[1] >= '3' && text[1] <= '9' && plain_digits (text, len))
    {
      out->kind = SHOUHU_PHONE_MOBILE;
      out->n_digits = 11;
      memcpy (out->value, text, 11);
      out->value[11] = '\0';
      return PARSE_OK;
    }
  if ((result = compact_span (text, len, compact, &plus)) != PARSE_OK)
    return result;
  if (compact[0] == '\0')
    return plus ? PARSE_NOT_A_NUMBER : PARSE_EMPTY;

  hash = strchr (compact, '#');
  if (hash != NULL)
    {
      char ext_digits[COMPACT_MAX];

      *hash = '\0';
      if (strchr (hash + 1, '#') != NULL)
        return PARSE_NOT_A_NUMBER;
      digits_of (hash + 1, ext_digits);
      strcpy (hash + 1, ext_digits);
      ext = hash + 1;
      if (!all_digits (ext, 1, 6))
        return PARSE_NOT_A_NUMBER;
    }
  g_strlcpy (main_part, compact, sizeof main_part);
  if (!strip_country_code (main_part, plus))
    return PARSE_NOT_A_NUMBER;
  digits_of (main_part, digits);
  n = strlen (digits);
  out->n_digits = (guint) n;
  if (n == 0)
    return PARSE_NOT_A_NUMBER;

  if (digits[0] == '1')
    {
      if (ext != NULL)
        return PARSE_NOT_A_NUMBER;
      if (n != 11)
        return PARSE_MOBILE_LENGTH;
      if (digits[1] < '3')
        return PARSE_NOT_MOBILE;
      out->kind = SHOUHU_PHONE_MOBILE;
      g_strlcpy (out->value, digits, sizeof out->value);
      return PARSE_OK;
    }

  /* Without its area code: Chongqing's 8-digit local numbers, or a
   * landline whose leading 0 a spreadsheet dropped ("2368881234"). */
  if (digits[0] != '0')
    {
      if (n == 7)
        return PARSE_NO_AREA_CODE;
      out->guessed = TRUE;
      if (n == 8)
        prepend (main_part, sizeof main_part, SHOUHU_PHONE_LOCAL_AREA_CODE "-");
      else if (n == 10)
        prepend (main_part, sizeof main_part, "0");
      else
        return PARSE_NOT_A_NUMBER;
    }
  return format_landline_groups (main_part, ext, out) ? PARSE_OK : PARSE_NOT_A_NUMBER;
}

static void
set_parse_error (GError      **error,
                 ParseResult   result,
                 const char   *field,
                 const char   *text,
                 guint         n_digits)
{
  g_autofree char *shown = g_strstrip (g_strdup (text));

  switch (result)
    {
    case PARSE_MOBILE_LENGTH:
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   /* Translators: %s the field, “%s” what was typed, %u its number of digits */
                   _("%s: a mobile number has 11 digits, and “%s” has %u. "
                     "Check the number and type all 11 digits, such as 13812345678."),
                   field, shown, n_digits);
      break;
    case PARSE_NOT_MOBILE:
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s: “%s” is not a mobile number (those start with 13 to 19). Type a mobile "
                     "number such as 13812345678, or a landline with its area code such as 023-68881234."),
                   field, shown);
      break;
    case PARSE_NO_AREA_CODE:
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s: “%s” has no area code. Type the full number with its area code, "
                     "such as 023-68881234."),
                   field, shown);
      break;
    case PARSE_OK:
    case PARSE_EMPTY:
    case PARSE_NOT_A_NUMBER:
    default:
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s must be a mobile number of 11 digits (such as 13812345678) or a "
                     "landline with its area code (such as 023-68881234), not “%s”"),
                   field, shown);
      break;
    }
}

/**
 * shouhu_phone_normalise:
 * @field: the field's name as the user sees it, for messages
 * @text: what was typed; empty is accepted (the number is not known yet)
 * @kind: (out) (optional): what the number is
 *
 * A mainland mobile number (11 digits, 13…19…) or a landline with its
 * area code and an optional extension, in any of the ways people write
 * them.  A local number of 8 digits is Chongqing's (023); 10 digits from
 * 2 to 9 are a landline whose leading 0 was lost.
 *
 * Returns: (transfer full): the stored form ("13812345678",
 *   "023-68881234", "023-68881234-123", or "" for empty), or %NULL with
 *   @error set: the message names @field, gives an example and says
 *   what to do.
 */
char *
shouhu_phone_normalise (const char       *field,
                        const char       *text,
                        ShouhuPhoneKind  *kind,
                        GError          **error)
{
  Parsed parsed;
  ParseResult result;

  if (text == NULL)
    text = "";
  result = parse_span (text, strlen (text), &parsed);
  if (result != PARSE_OK && result != PARSE_EMPTY)
    {
      set_parse_error (error, result, field, text, parsed.n_digits);
      return NULL;
    }
  if (kind != NULL)
    *kind = parsed.kind;
  return g_strdup (parsed.value);
}

/**
 * shouhu_phone_classify:
 *
 * Returns: what @text is as a whole: %SHOUHU_PHONE_NONE when empty, a
 *   mobile, a landline or a landline with extension, or
 *   %SHOUHU_PHONE_INVALID
 */
ShouhuPhoneKind
shouhu_phone_classify (const char *text)
{
  Parsed parsed;
  ParseResult result = parse_span (text ? text : "", text ? strlen (text) : 0, &parsed);

  if (result == PARSE_OK || result == PARSE_EMPTY)
    return parsed.kind;
  return SHOUHU_PHONE_INVALID;
}

/* ---- Masking ------------------------------------------------------------ */

/* A mobile keeps its first three and last four digits, a landline its
 * area code and the last four of its local number (an extension is no
 * one's own and stays, after 转 so that no long run of digits remains),
 * an ID number its region and last four. */
static char *
mask_value (ShouhuPhoneKind  kind,
            const char      *value)
{
  switch (kind)
    {
    case SHOUHU_PHONE_MOBILE:
      return g_strdup_printf ("%.3s****%s", value, value + 7);
    case SHOUHU_PHONE_LANDLINE:
    case SHOUHU_PHONE_EXTENSION:
      {
        const char *local = strchr (value, '-') + 1;
        const char *ext = strchr (local, '-');
        gsize local_len = ext != NULL ? (gsize) (ext - local) : strlen (local);

        return g_strdup_printf ("%.*s-****%.4s%s%s", (int) (local - 1 - value), value,
                                local + local_len - 4, ext != NULL ? "转" : "",
                                ext != NULL ? ext + 1 : "");
      }
    case SHOUHU_PHONE_ID_NUMBER:
      return g_strdup_printf ("%.6s********%s", value, value + 14);
    case SHOUHU_PHONE_NONE:
      return g_strdup ("");
    case SHOUHU_PHONE_DIGITS:
    case SHOUHU_PHONE_INVALID:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * shouhu_phone_mask:
 * @text: a phone number in any writing shouhu_phone_normalise() accepts
 *
 * Returns: (transfer full) (nullable): the masked stored form
 *   ("138****5678", "023-****1234", "023-****1234转123"), "" for empty
 *   text, or %NULL when @text is not a phone number
 */
char *
shouhu_phone_mask (const char *text)
{
  Parsed parsed;
  ParseResult result = parse_span (text ? text : "", text ? strlen (text) : 0, &parsed);

  if (result != PARSE_OK && result != PARSE_EMPTY)
    return NULL;
  return mask_value (parsed.kind, parsed.value);
}

/**
 * shouhu_phone_match_mask:
 * @text: the text shouhu_phone_find() searched
 * @match: what it found
 *
 * What stands in a masked text for @match: a phone or an ID number's
 * masked form, and for other digits the run as written with every digit
 * but the last four replaced by '*'.
 *
 * Returns: (transfer full): the replacement
 */
char *
shouhu_phone_match_mask (const char             *text,
                         const ShouhuPhoneMatch *match)
{
  GString *out;
  guint n_digits = 0, seen = 0;

  if (match->kind != SHOUHU_PHONE_DIGITS)
    return mask_value (match->kind, match->value);

  for (const char *p = text + match->start; p < text + match->end; p = g_utf8_next_char (p))
    n_digits += digit_value (g_utf8_get_char (p)) >= 0;
  out = g_string_new (NULL);
  for (const char *p = text + match->start; p < text + match->end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (digit_value (c) >= 0 && seen++ < n_digits - 4)
        g_string_append_c (out, '*');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- Finding numbers in text -------------------------------------------- */

/* Groups of digits joined by at most SEPARATORS_MAX separators. */
typedef struct
{
  gsize    start;
  gsize    end;
  guint    n_digits;
  gunichar joint;   /* the one separator before the next group, else 0 */
  gsize    x_end;   /* after an X that follows directly, else 0 */
  gboolean masked;  /* the digits a mask kept ("138" of 138****5678) */
} Group;

typedef struct
{
  gsize start;      /* a '+' or '(' just before the first digit, or that digit */
  gsize end;
  Group groups[RUN_MAX_GROUPS];
  guint n_groups;
} Run;

static gboolean
is_check_x (gunichar c)
{
  return c == 'X' || c == 'x' || c == 0xFF38 || c == 0xFF58;
}

static gboolean
is_star (gunichar c)
{
  return c == '*' || c == 0xFF0A;
}

/* A mask keeps at most 6 digits together (the region of an ID number). */
#define MASK_KEPT_MAX 6

static gboolean
is_mask_part (const char  *text,
              const Group *g)
{
  return g->n_digits <= MASK_KEPT_MAX &&
         ((g->start > 0 && is_star (g_utf8_get_char (g_utf8_prev_char (text + g->start)))) ||
          is_star (g_utf8_get_char (text + g->end)));
}

static const char *
skip_spaces (const char *p)
{
  while (*p != '\0' && is_space (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Finds the run that starts at or after @from. */
static gboolean
read_run (const char *text,
          gsize       from,
          Run        *run)
{
  const char *p = text + from;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      run->start = (gsize) (p - text);
      if (digit_value (c) >= 0)
        break;
      if ((c == '+' || c == 0xFF0B || c == '(' || c == 0xFF08) && digit_value (g_utf8_get_char (next)) >= 0)
        {
          p = next;
          break;
        }
    }
  if (*p == '\0')
    return FALSE;

  run->n_groups = 0;
  for (;;)
    {
      Group *g = &run->groups[run->n_groups++];
      const char *q;
      gunichar first = 0;
      guint n_sep = 0;

      memset (g, 0, sizeof *g);
      g->start = (gsize) (p - text);
      for (; *p != '\0' && digit_value (g_utf8_get_char (p)) >= 0; p = g_utf8_next_char (p))
        g->n_digits++;
      g->end = (gsize) (p - text);
      g->masked = is_mask_part (text, g);
      if (is_check_x (g_utf8_get_char (p)))
        {
          g->x_end = (gsize) (g_utf8_next_char (p) - text);
          break;
        }
      if (run->n_groups == RUN_MAX_GROUPS)
        break;
      for (q = p; n_sep < SEPARATORS_MAX && *q != '\0' && is_separator (g_utf8_get_char (q));
           q = g_utf8_next_char (q))
        first = n_sep++ == 0 ? g_utf8_get_char (q) : first;
      if (n_sep == 0 || digit_value (g_utf8_get_char (q)) < 0)
        break;
      g->joint = n_sep == 1 ? first : 0;
      p = q;
    }
  run->end = run->groups[run->n_groups - 1].end;
  return TRUE;
}

/* The digits of groups @i to @j as ASCII; 0 when there are too many. */
static guint
collect_digits (const char *text,
                const Run  *run,
                guint       i,
                guint       j,
                char        out[CANDIDATE_MAX_DIGITS + 2])
{
  guint n = 0;

  for (guint k = i; k <= j; k++)
    {
      if (n + run->groups[k].n_digits > CANDIDATE_MAX_DIGITS)
        return 0;
      for (const char *p = text + run->groups[k].start; p < text + run->groups[k].end; p = g_utf8_next_char (p))
        out[n++] = (char) ('0' + digit_value (g_utf8_get_char (p)));
    }
  out[n] = '\0';
  return n;
}

static guint
number_of (const char *digits,
           guint       len)
{
  guint value = 0;

  for (guint i = 0; i < len; i++)
    value = value * 10 + (guint) (digits[i] - '0');
  return value;
}

/* A resident ID: 6 digits of region, a birth date, 3 digits, and a check
 * character that may be X.  The check sum is not computed: a mistyped
 * ID is still someone's. */
static gboolean
is_id_number (const char *chars)
{
  guint year = number_of (chars + 6, 4), month = number_of (chars + 10, 2), day = number_of (chars + 12, 2);

  return chars[0] != '0' && year >= 1900 && year <= 2099 && month >= 1 && month <= 12 &&
         day >= 1 && day <= 31;
}

/* 2020-02-07 or 2020.2.7: a date, not a number to hide. */
static gboolean
is_date (const char *text,
         const Run  *run,
         guint       i)
{
  const Group *g = &run->groups[i];
  char digits[CANDIDATE_MAX_DIGITS + 2];
  guint year, month, day;

  if (i + 2 >= run->n_groups || g[0].n_digits != 4 || g[1].n_digits > 2 || g[2].n_digits > 2 ||
      g[0].joint == 0 || g[0].joint != g[1].joint || !is_hyphen_or_dot (g[0].joint))
    return FALSE;
  collect_digits (text, run, i, i + 2, digits);
  year = number_of (digits, 4);
  month = number_of (digits + 4, g[1].n_digits);
  day = number_of (digits + 4 + g[1].n_digits, g[2].n_digits);
  return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/* "023-68881234转123": an extension written after a landline. */
static void
take_extension (const char       *text,
                ShouhuPhoneMatch *match)
{
  const char *p = skip_spaces (text + match->end);
  gsize mark = extension_mark (p, p + strlen (p));
  char ext[8];
  guint n = 0;

  if (match->kind != SHOUHU_PHONE_LANDLINE || mark == 0)
    return;
  for (p = skip_spaces (p + mark); *p != '\0' && digit_value (g_utf8_get_char (p)) >= 0;
       p = g_utf8_next_char (p))
    {
      if (n == 6)
        return;
      ext[n++] = (char) ('0' + digit_value (g_utf8_get_char (p)));
    }
  if (n == 0)
    return;
  ext[n] = '\0';
  match->kind = SHOUHU_PHONE_EXTENSION;
  g_strlcat (match->value, "-", sizeof match->value);
  g_strlcat (match->value, ext, sizeof match->value);
  match->end = (gsize) (p - text);
}

/* The longest number that starts at group @i. */
static gboolean
match_at (const char       *text,
          const Run        *run,
          guint             i,
          ShouhuPhoneMatch *match)
{
  guint last = i;

  while (last + 1 < MIN (run->n_groups, i + CANDIDATE_MAX_GROUPS) && !run->groups[last + 1].masked)
    last++;
  for (guint j = last + 1; j-- > i;)
    {
      char digits[CANDIDATE_MAX_DIGITS + 2];
      guint n = collect_digits (text, run, i, j, digits);
      gsize start = i == 0 ? run->start : run->groups[i].start;
      Parsed parsed;

      if (n == 0)
        continue;
      if (n == ID_NUMBER_LENGTH - 1 && run->groups[j].x_end != 0)
        {
          digits[n++] = 'X';
          digits[n] = '\0';
        }
      if (n == ID_NUMBER_LENGTH && is_id_number (digits))
        {
          match->kind = SHOUHU_PHONE_ID_NUMBER;
          match->start = run->groups[i].start;
          match->end = digits[n - 1] == 'X' ? run->groups[j].x_end : run->groups[j].end;
          g_strlcpy (match->value, digits, sizeof match->value);
          return TRUE;
        }
      /* Without its area code, a number is one only when it stands
       * alone: "6222 0212 3456 7890" is no pair of landlines. */
      if (parse_span (text + start, run->groups[j].end - start, &parsed) == PARSE_OK &&
          (!parsed.guessed || (i == 0 && j + 1 == run->n_groups)))
        {
          match->kind = parsed.kind;
          match->start = start;
          match->end = run->groups[j].end;
          g_strlcpy (match->value, parsed.value, sizeof match->value);
          take_extension (text, match);
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
digits_match (const Run        *run,
              guint             first,
              guint             last,
              ShouhuPhoneMatch *match)
{
  match->kind = SHOUHU_PHONE_DIGITS;
  match->start = run->groups[first].start;
  match->end = run->groups[last].end;
  match->value[0] = '\0';
  return TRUE;
}

/* Left to right, the longest number at each group; groups that belong to
 * none are kept together, and reported when they hold DIGITS_MIN digits
 * or more; dates and what masks kept are passed over. */
static gboolean
find_in_run (const char       *text,
             const Run        *run,
             ShouhuPhoneMatch *match)
{
  guint first = 0, n_digits = 0;
  guint i = 0;

  while (i < run->n_groups)
    {
      ShouhuPhoneMatch found;
      guint skip = run->groups[i].masked ? 1 : is_date (text, run, i) ? 3 : 0;
      gboolean hit = skip == 0 && match_at (text, run, i, &found);

      if (skip == 0 && !hit)
        {
          if (n_digits == 0)
            first = i;
          n_digits += run->groups[i].n_digits;
          i++;
          continue;
        }
      if (n_digits >= DIGITS_MIN)
        return digits_match (run, first, i - 1, match);
      if (hit)
        {
          *match = found;
          return TRUE;
        }
      n_digits = 0;
      i += skip;
    }
  return n_digits >= DIGITS_MIN && digits_match (run, first, run->n_groups - 1, match);
}

/**
 * shouhu_phone_find:
 * @text: free text, such as a 备注 cell
 * @from: the byte offset to search from (0, then the last match's end)
 * @match: (out caller-allocates): what was found
 *
 * Finds the next phone number, 18-digit ID number, or other run of 7 or
 * more digits in @text, however it is written: with spaces, hyphens (one
 * or several), dots or parentheses between its groups, in full-width
 * digits, with a country code, with an extension after 转.  Dates such
 * as 2020-02-07 are not reported.
 *
 * Returns: whether a match was found
 */
gboolean
shouhu_phone_find (const char       *text,
                   gsize             from,
                   ShouhuPhoneMatch *match)
{
  Run run;

  g_return_val_if_fail (match != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  while (read_run (text, from, &run))
    {
      if (find_in_run (text, &run, match))
        return TRUE;
      from = run.end;
    }
  return FALSE;
}

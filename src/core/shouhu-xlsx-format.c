/* shouhu-xlsx-format.c — a number as a spreadsheet shows it
 *
 * A cell stores 43871 and shows 2月10日; it stores 0.5 and shows 50%.
 * People read the shown text, and that is what a text field of a form
 * must take in.  This is the number format language of Excel (the same
 * in LibreOffice and WPS): the built-in formats by id, as a Chinese
 * (zh-CN) Excel shows them, and custom codes with up to four sections
 * (positive; negative; zero; text), conditions ([>100]), colours and
 * locales in brackets, quoted and escaped literals, dates and times
 * (y m d h s, AM/PM, 上午/下午, elapsed [h]:mm, fractions of a second,
 * weekdays), digits (0 # ?), grouping and scaling commas, percentages,
 * scientific notation and fractions.  [DBNum] numerals are shown as
 * plain digits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-xlsx-reader.h"

#include <math.h>
#include <string.h>

/* The built-in formats of a zh-CN Excel; ids missing here show as
 * General. */
static const struct
{
  guint       id;
  const char *code;
} builtin_formats[] = {
  { 0, "General" }, { 1, "0" }, { 2, "0.00" }, { 3, "#,##0" }, { 4, "#,##0.00" },
  { 5, "\"¥\"#,##0;\"¥\"-#,##0" }, { 6, "\"¥\"#,##0;[Red]\"¥\"-#,##0" },
  { 7, "\"¥\"#,##0.00;\"¥\"-#,##0.00" }, { 8, "\"¥\"#,##0.00;[Red]\"¥\"-#,##0.00" },
  { 9, "0%" }, { 10, "0.00%" }, { 11, "0.00E+00" }, { 12, "# ?/?" }, { 13, "# ?\?/?\?" },
  { 14, "yyyy/m/d" }, { 15, "d-mmm-yy" }, { 16, "d-mmm" }, { 17, "mmm-yy" },
  { 18, "h:mm AM/PM" }, { 19, "h:mm:ss AM/PM" }, { 20, "h:mm" }, { 21, "h:mm:ss" },
  { 22, "yyyy/m/d h:mm" },
  { 27, "yyyy\"年\"m\"月\"" }, { 28, "m\"月\"d\"日\"" }, { 29, "m\"月\"d\"日\"" },
  { 30, "m-d-yy" }, { 31, "yyyy\"年\"m\"月\"d\"日\"" }, { 32, "h\"时\"mm\"分\"" },
  { 33, "h\"时\"mm\"分\"ss\"秒\"" }, { 34, "上午/下午h\"时\"mm\"分\"" },
  { 35, "上午/下午h\"时\"mm\"分\"ss\"秒\"" }, { 36, "yyyy\"年\"m\"月\"" },
  { 37, "#,##0 ;(#,##0)" }, { 38, "#,##0 ;[Red](#,##0)" }, { 39, "#,##0.00;(#,##0.00)" },
  { 40, "#,##0.00;[Red](#,##0.00)" }, { 45, "mm:ss" }, { 46, "[h]:mm:ss" }, { 47, "mm:ss.0" },
  { 48, "##0.0E+0" }, { 49, "@" },
  { 50, "yyyy\"年\"m\"月\"" }, { 51, "m\"月\"d\"日\"" }, { 52, "yyyy\"年\"m\"月\"" },
  { 53, "m\"月\"d\"日\"" }, { 54, "m\"月\"d\"日\"" }, { 55, "上午/下午h\"时\"mm\"分\"" },
  { 56, "上午/下午h\"时\"mm\"分\"ss\"秒\"" }, { 57, "yyyy\"年\"m\"月\"" }, { 58, "m\"月\"d\"日\"" },
};

/**
 * shouhu_xlsx_builtin_format:
 * @id: a numFmtId below 164
 *
 * Returns: the code of the built-in format, "General" when unknown
 */
const char *
shouhu_xlsx_builtin_format (guint id)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_formats); i++)
    if (builtin_formats[i].id == id)
      return builtin_formats[i].code;
  return "General";
}

/* One section of a code, split into what it prints. */
typedef enum
{
  TOK_LITERAL,     /* text: printed as is */
  TOK_YEAR,        /* n: 2 or 4 */
  TOK_MONTH,       /* n: 1 (m), 2 (mm), 3 (mmm), 4 (mmmm), 5 (mmmmm) */
  TOK_DAY,         /* n: 1, 2, 3 (ddd), 4 (dddd) */
  TOK_WEEKDAY_CN,  /* n: 3 (aaa: 一), 4 (aaaa: 星期一) */
  TOK_HOUR,        /* n: 1 or 2 */
  TOK_MINUTE,
  TOK_SECOND,
  TOK_SUBSECOND,   /* n: digits after the point */
  TOK_ELAPSED,     /* [h], [m], [s]: text holds the unit, n the width */
  TOK_AMPM,        /* text: "AM/PM", "A/P" or "上午/下午" */
  TOK_NUMBER,      /* the digits: handled by format_plain_number() */
  TOK_TEXT,        /* @ */
} TokenKind;

typedef struct
{
  TokenKind kind;
  int       n;
  char     *text;
} Token;

typedef struct
{
  GArray   *tokens;        /* Token */
  gboolean  is_date;
  gboolean  has_condition;
  char      op[3];
  double    operand;
  gboolean  chinese;       /* [$-804] and the like: month and weekday names */
  GString  *number;        /* the digit placeholders and what sits among them */
} Section;

static void
token_clear (gpointer data)
{
  g_free (((Token *) data)->text);
}

static void
section_clear (Section *s)
{
  g_clear_pointer (&s->tokens, g_array_unref);
  if (s->number != NULL)
    g_string_free (s->number, TRUE);
  s->number = NULL;
}

static void
add_token (Section    *s,
           TokenKind   kind,
           int         n,
           const char *text,
           gssize      length)
{
  Token t = { kind, n, text != NULL ? g_strndup (text, length < 0 ? strlen (text) : (gsize) length) : NULL };

  /* Literals run together into one token. */
  if (kind == TOK_LITERAL && s->tokens->len > 0)
    {
      Token *last = &g_array_index (s->tokens, Token, s->tokens->len - 1);

      if (last->kind == TOK_LITERAL)
        {
          char *joined = g_strconcat (last->text, t.text, NULL);

          g_free (last->text);
          g_free (t.text);
          last->text = joined;
          return;
        }
    }
  g_array_append_val (s->tokens, t);
}

static gboolean
is_digit_placeholder (char c)
{
  return c == '0' || c == '#' || c == '?';
}

/* The bracketed part at @p ("[Red]", "[>100]", "[$-804]", "[h]"). */
static const char *
parse_bracket (Section    *s,
               const char *p)
{
  const char *end = strchr (p, ']');
  g_autofree char *inside = NULL;

  if (end == NULL)
    return p + strlen (p);
  inside = g_strndup (p + 1, (gsize) (end - p - 1));
  if (inside[0] == '<' || inside[0] == '>' || inside[0] == '=')
    {
      int len = (inside[1] == '=' || inside[1] == '>') ? 2 : 1;

      memcpy (s->op, inside, (gsize) len);
      s->op[len] = '\0';
      s->operand = g_ascii_strtod (inside + len, NULL);
      s->has_condition = TRUE;
    }
  else if (inside[0] == '$')
    {
      const char *dash = strchr (inside, '-');
      g_autofree char *symbol = g_strndup (inside + 1, dash != NULL ? (gsize) (dash - inside - 1) : strlen (inside + 1));

      if (*symbol != '\0')
        add_token (s, TOK_LITERAL, 0, symbol, -1);
      if (dash != NULL)
        {
          guint64 lcid = g_ascii_strtoull (dash + 1, NULL, 16) & 0xffff;

          s->chinese = (lcid & 0x3ff) == 0x04;
        }
    }
  else if (g_ascii_strncasecmp (inside, "h", 1) == 0 || g_ascii_strncasecmp (inside, "m", 1) == 0 ||
           g_ascii_strncasecmp (inside, "s", 1) == 0)
    {
      gboolean all_same = TRUE;

      for (const char *c = inside; *c != '\0'; c++)
        all_same = all_same && g_ascii_tolower (*c) == g_ascii_tolower (inside[0]);
      if (all_same)
        {
          char unit[2] = { g_ascii_tolower (inside[0]), '\0' };

          add_token (s, TOK_ELAPSED, (int) strlen (inside), unit, -1);
          s->is_date = TRUE;
        }
    }
  /* Colours, [DBNum1] and anything else: nothing to print. */
  return end + 1;
}

/* Counts the run of @c (any case) at @p. */
static int
run_length (const char *p,
            char        c)
{
  int n = 0;

  while (g_ascii_tolower (p[n]) == c)
    n++;
  return n;
}

/* Splits one section of a code into tokens. */
static void
parse_section (Section    *s,
               const char *code,
               gsize       length)
{
  g_autofree char *text = g_strndup (code, length);
  const char *p = text;

  s->tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (s->tokens, token_clear);
  s->number = g_string_new (NULL);

  while (*p != '\0')
    {
      char c = g_ascii_tolower (*p);
      int n;

      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');

          if (end == NULL)
            end = p + strlen (p);
          add_token (s, TOK_LITERAL, 0, p + 1, end - p - 1);
          p = *end != '\0' ? end + 1 : end;
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          const char *next = g_utf8_next_char (p + 1);

          add_token (s, TOK_LITERAL, 0, p + 1, next - p - 1);
          p = next;
        }
      else if (*p == '_' && p[1] != '\0')
        {
          add_token (s, TOK_LITERAL, 0, " ", 1);
          p = g_utf8_next_char (p + 1);
        }
      else if (*p == '*' && p[1] != '\0')
        p = g_utf8_next_char (p + 1);   /* fill to the column's width: nothing here */
      else if (*p == '[')
        p = parse_bracket (s, p);
      else if (*p == '@')
        {
          add_token (s, TOK_TEXT, 0, NULL, 0);
          p++;
        }
      else if (g_str_has_prefix (p, "上午/下午"))
        {
          add_token (s, TOK_AMPM, 0, "上午/下午", -1);
          p += strlen ("上午/下午");
          s->is_date = TRUE;
        }
      else if (g_ascii_strncasecmp (p, "AM/PM", 5) == 0 || g_ascii_strncasecmp (p, "A/P", 3) == 0)
        {
          int len = g_ascii_strncasecmp (p, "AM/PM", 5) == 0 ? 5 : 3;

          add_token (s, TOK_AMPM, 0, len == 5 ? "AM/PM" : "A/P", -1);
          p += len;
          s->is_date = TRUE;
        }
      else if (c == 'y' || c == 'e')
        {
          n = run_length (p, c);
          add_token (s, TOK_YEAR, c == 'e' || n > 2 ? 4 : 2, NULL, 0);
          p += n;
          s->is_date = TRUE;
        }
      else if (c == 'm' || c == 'd' || c == 'h' || c == 's' || c == 'a')
        {
          static const TokenKind kinds[] = { TOK_MONTH, TOK_DAY, TOK_HOUR, TOK_SECOND, TOK_WEEKDAY_CN };
          const char *letters = "mdhsa";

          n = run_length (p, c);
          if (c == 'a' && n < 3)
            {
              add_token (s, TOK_LITERAL, 0, p, n);
              p += n;
              continue;
            }
          add_token (s, kinds[strchr (letters, c) - letters], n, NULL, 0);
          p += n;
          s->is_date = TRUE;
        }
      else if (*p == '.' && p[1] == '0' && s->is_date)
        {
          n = run_length (p + 1, '0');
          add_token (s, TOK_SUBSECOND, n, NULL, 0);
          p += 1 + n;
        }
      else if (is_digit_placeholder (*p) || ((*p == '.' || *p == ',' || *p == '%' || *p == '/') && !s->is_date) ||
               ((c == 'e') && (p[1] == '+' || p[1] == '-')))
        {
          /* The number's part: gathered whole, printed at its first place. */
          gboolean first = s->number->len == 0;

          while (*p != '\0' && (is_digit_placeholder (*p) || *p == '.' || *p == ',' || *p == '%' || *p == '/' ||
                                g_ascii_isdigit (*p) || *p == ' ' ||
                                ((*p == 'E' || *p == 'e') && (p[1] == '+' || p[1] == '-'))))
            {
              /* A space belongs to the number only inside a fraction
               * ("# ?/?"); elsewhere it is a literal. */
              if (*p == ' ' && !(is_digit_placeholder (p[1]) && strchr (p, '/') != NULL))
                break;
              if (*p == 'E' || *p == 'e')
                {
                  g_string_append_len (s->number, p, 2);
                  p += 2;
                  continue;
                }
              g_string_append_c (s->number, *p++);
            }
          if (first)
            add_token (s, TOK_NUMBER, 0, NULL, 0);
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          add_token (s, TOK_LITERAL, 0, p, next - p);
          p = next;
        }
    }

  /* m after h (or before s) is minutes, not months. */
  for (guint i = 0; i < s->tokens->len; i++)
    {
      Token *t = &g_array_index (s->tokens, Token, i);
      gboolean after_hour = FALSE, before_second = FALSE;

      if (t->kind != TOK_MONTH || t->n > 2)
        continue;
      for (gint j = (gint) i - 1; j >= 0; j--)
        {
          TokenKind k = g_array_index (s->tokens, Token, j).kind;

          if (k == TOK_LITERAL)
            continue;
          after_hour = k == TOK_HOUR || (k == TOK_ELAPSED && strcmp (g_array_index (s->tokens, Token, j).text, "h") == 0);
          break;
        }
      for (guint j = i + 1; j < s->tokens->len; j++)
        {
          TokenKind k = g_array_index (s->tokens, Token, j).kind;

          if (k == TOK_LITERAL)
            continue;
          before_second = k == TOK_SECOND;
          break;
        }
      if (after_hour || before_second)
        t->kind = TOK_MINUTE;
    }
}

/* The parts of a date serial. */
typedef struct
{
  int    year, month, day, weekday;   /* weekday: 1 Monday … 7 Sunday */
  int    hour, minute, second;
  double subsecond;
  double serial;
} DateParts;

static gboolean
date_parts (double     serial,
            gboolean   date1904,
            int        subsecond_digits,
            DateParts *out)
{
  double scale = pow (10, subsecond_digits);
  double whole_days, ticks;
  gint64 days, total;
  g_autoptr(GDate) date = NULL;

  if (!isfinite (serial) || serial < 0 || serial >= 2958466)   /* past 9999-12-31 */
    return FALSE;
  /* Excel rounds to what the format shows. */
  ticks = round (serial * 86400.0 * scale);
  total = (gint64) ticks;
  days = total / (gint64) (86400 * scale);
  whole_days = (double) days;
  total -= (gint64) (whole_days * 86400 * scale);
  out->serial = serial;
  out->subsecond = fmod ((double) total, scale) / scale;
  total = (gint64) ((double) total / scale);
  out->hour = (int) (total / 3600);
  out->minute = (int) (total / 60 % 60);
  out->second = (int) (total % 60);

  if (date1904)
    {
      date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
      g_date_add_days (date, (guint) days);
    }
  else if (days == 0)
    {
      /* Excel's day 0: "1900-01-00" */
      out->year = 1900, out->month = 1, out->day = 0, out->weekday = 6;
      return TRUE;
    }
  else if (days == 60)
    {
      /* Excel's 1900-02-29, which never was */
      out->year = 1900, out->month = 2, out->day = 29, out->weekday = 3;
      return TRUE;
    }
  else
    {
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      g_date_add_days (date, (guint) (days < 60 ? days : days - 1));
    }
  out->year = g_date_get_year (date);
  out->month = g_date_get_month (date);
  out->day = g_date_get_day (date);
  out->weekday = g_date_get_weekday (date);
  return TRUE;
}

static const char *const month_names[] = { "January", "February", "March", "April", "May", "June", "July",
                                           "August", "September", "October", "November", "December" };
static const char *const day_names[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                                         "Sunday" };
static const char *const cn_digits[] = { "日", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
                                         "十一", "十二" };

static gboolean
has_token (const Section *s,
           TokenKind      kind)
{
  for (guint i = 0; i < s->tokens->len; i++)
    if (g_array_index (s->tokens, Token, i).kind == kind)
      return TRUE;
  return FALSE;
}

static gboolean
format_date (const Section *s,
             double         value,
             gboolean       date1904,
             GString       *out)
{
  DateParts d;
  int sub_digits = 0;
  gboolean twelve = has_token (s, TOK_AMPM);

  for (guint i = 0; i < s->tokens->len; i++)
    if (g_array_index (s->tokens, Token, i).kind == TOK_SUBSECOND)
      sub_digits = MAX (sub_digits, g_array_index (s->tokens, Token, i).n);
  if (!date_parts (value, date1904, sub_digits, &d))
    return FALSE;

  for (guint i = 0; i < s->tokens->len; i++)
    {
      const Token *t = &g_array_index (s->tokens, Token, i);
      int hour12 = d.hour % 12 == 0 ? 12 : d.hour % 12;

      switch (t->kind)
        {
        case TOK_LITERAL:
          g_string_append (out, t->text);
          break;
        case TOK_YEAR:
          if (t->n == 2)
            g_string_append_printf (out, "%02d", d.year % 100);
          else
            g_string_append_printf (out, "%d", d.year);
          break;
        case TOK_MONTH:
          if (t->n <= 2)
            g_string_append_printf (out, t->n == 2 ? "%02d" : "%d", d.month);
          else if (s->chinese && t->n == 3)
            g_string_append_printf (out, "%d月", d.month);
          else if (s->chinese)
            g_string_append_printf (out, "%s月", cn_digits[d.month]);
          else if (t->n == 3)
            g_string_append_len (out, month_names[d.month - 1], 3);
          else if (t->n == 4)
            g_string_append (out, month_names[d.month - 1]);
          else
            g_string_append_len (out, month_names[d.month - 1], 1);
          break;
        case TOK_DAY:
          if (t->n <= 2)
            g_string_append_printf (out, t->n == 2 ? "%02d" : "%d", d.day);
          else if (s->chinese)
            g_string_append_printf (out, "%s%s", t->n == 3 ? "周" : "星期", cn_digits[d.weekday % 7]);
          else if (t->n == 3)
            g_string_append_len (out, day_names[d.weekday - 1], 3);
          else
            g_string_append (out, day_names[d.weekday - 1]);
          break;
        case TOK_WEEKDAY_CN:
          g_string_append_printf (out, "%s%s", t->n == 3 ? "" : "星期", cn_digits[d.weekday % 7]);
          break;
        case TOK_HOUR:
          g_string_append_printf (out, t->n >= 2 ? "%02d" : "%d", twelve ? hour12 : d.hour);
          break;
        case TOK_MINUTE:
          g_string_append_printf (out, t->n >= 2 ? "%02d" : "%d", d.minute);
          break;
        case TOK_SECOND:
          g_string_append_printf (out, t->n >= 2 ? "%02d" : "%d", d.second);
          break;
        case TOK_SUBSECOND:
          {
            char digits[32];

            g_snprintf (digits, sizeof digits, "%.*f", t->n, d.subsecond);
            g_string_append (out, strchr (digits, '.') != NULL ? strchr (digits, '.') : "");
          }
          break;
        case TOK_ELAPSED:
          {
            double seconds = round (value * 86400.0);
            double amount = strcmp (t->text, "h") == 0 ? floor (seconds / 3600)
                          : strcmp (t->text, "m") == 0 ? floor (seconds / 60) : seconds;

            g_string_append_printf (out, "%0*.0f", t->n, amount);
          }
          break;
        case TOK_AMPM:
          if (strcmp (t->text, "上午/下午") == 0)
            g_string_append (out, d.hour < 12 ? "上午" : "下午");
          else if (strcmp (t->text, "A/P") == 0)
            g_string_append (out, d.hour < 12 ? "A" : "P");
          else
            g_string_append (out, d.hour < 12 ? "AM" : "PM");
          break;
        case TOK_NUMBER:
        case TOK_TEXT:
        default:
          break;
        }
    }
  return TRUE;
}

/* @v rounded to @decimals places as Excel does: half away from zero, on
 * the 15 significant digits it keeps (2.675 shows 2.68 with 0.00). */
static double
excel_round (double v,
             int    decimals)
{
  char buf[64];
  double scale = pow (10, decimals), scaled;

  g_snprintf (buf, sizeof buf, "%.15g", v);
  scaled = g_ascii_strtod (buf, NULL) * scale;
  g_snprintf (buf, sizeof buf, "%.15g", scaled);
  return round (g_ascii_strtod (buf, NULL)) / scale;
}

/* Excel's General: up to 11 characters, scientific beyond. */
static void
format_general (double   value,
                GString *out)
{
  double a = fabs (value);
  char buf[64];

  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  if (a >= 1e11 || a < 1e-9)
    {
      int exponent = (int) floor (log10 (a));
      double mantissa = value / pow (10, exponent);
      char *end;

      g_snprintf (buf, sizeof buf, "%.5f", excel_round (mantissa, 5));
      if (fabs (g_ascii_strtod (buf, NULL)) >= 10)
        {
          exponent++;
          g_snprintf (buf, sizeof buf, "%.5f", excel_round (value / pow (10, exponent), 5));
        }
      end = buf + strlen (buf) - 1;
      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
      g_string_append_printf (out, "%sE%c%02d", buf, exponent < 0 ? '-' : '+', ABS (exponent));
      return;
    }
  {
    int int_digits = a < 1 ? 1 : (int) floor (log10 (a)) + 1;
    int decimals = MAX (0, 10 - int_digits - (value < 0 ? 1 : 0));
    char *end;

    g_snprintf (buf, sizeof buf, "%.*f", decimals, excel_round (value, decimals));
    if (strchr (buf, '.') != NULL)
      {
        end = buf + strlen (buf) - 1;
        while (*end == '0')
          *end-- = '\0';
        if (*end == '.')
          *end = '\0';
      }
    if (strcmp (buf, "-0") == 0)
      strcpy (buf, "0");
    g_string_append (out, buf);
  }
}

/* Digits of @digits right-aligned into the placeholders of @pattern
 * (0 pads with 0, ? with a space, # with nothing), with grouping. */
static void
fill_integer (const char *pattern,
              const char *digits,
              gboolean    group,
              GString    *out)
{
  int n_places = 0, n_zero = 0;
  int len = (int) strlen (digits);
  g_autoptr(GString) body = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    if (is_digit_placeholder (*p))
      {
        n_places++;
        if (*p != '#' && n_zero == 0)
          n_zero = n_places;   /* first 0 or ? counted from the left */
      }
  /* Leading zeros dropped: "0" alone is printed only where 0 or ? ask. */
  if (strcmp (digits, "0") == 0)
    len = 0;
  {
    int min_digits = n_zero > 0 ? n_places - n_zero + 1 : 0;
    int width = MAX (len, min_digits);

    for (int i = 0; i < width; i++)
      {
        int from_right = width - i;   /* 1-based position from the right */
        char ch;

        if (i < width - len)
          {
            /* padding: 0 or ?, by the placeholder at that place */
            int place = n_places - from_right;   /* 0-based from the left */
            int k = 0;

            ch = '0';
            for (const char *p = pattern; *p != '\0'; p++)
              if (is_digit_placeholder (*p) && k++ == place)
                ch = *p == '?' ? ' ' : '0';
          }
        else
          ch = digits[i - (width - len)];
        g_string_append_c (body, ch);
        if (group && from_right > 1 && (from_right - 1) % 3 == 0 && ch != ' ')
          g_string_append_c (body, ',');
      }
  }
  g_string_append (out, body->str);
}

static void
format_fraction (const char *pattern,
                 double      value,
                 GString    *out)
{
  const char *slash = strchr (pattern, '/');
  const char *space = strchr (pattern, ' ');
  gboolean has_whole = space != NULL && space < slash;
  int den_digits = 0, fixed = 0;
  double whole = has_whole ? floor (value) : 0, frac = value - whole;
  int best_num = 0, best_den = 1;

  for (const char *p = slash + 1; *p != '\0'; p++)
    {
      if (is_digit_placeholder (*p))
        den_digits++;
      else if (g_ascii_isdigit (*p))
        fixed = fixed * 10 + (*p - '0');
    }
  if (fixed > 0)
    {
      best_den = fixed;
      best_num = (int) round (frac * fixed);
    }
  else
    {
      int max_den = den_digits >= 3 ? 999 : den_digits == 2 ? 99 : 9;
      double best_err = 2;

      for (int den = 1; den <= max_den; den++)
        {
          int num = (int) round (frac * den);
          double err = fabs (frac - (double) num / den);

          if (err < best_err - 1e-12)
            {
              best_err = err;
              best_num = num;
              best_den = den;
            }
        }
    }
  if (best_num == best_den && has_whole)
    {
      whole += 1;
      best_num = 0;
    }
  if (has_whole && whole != 0)
    g_string_append_printf (out, "%.0f", whole);
  if (best_num != 0 || !has_whole || whole == 0)
    g_string_append_printf (out, "%s%d/%d", has_whole && whole != 0 ? " " : "", best_num, best_den);
}

/* The number part of a section: @pattern is the placeholders and what
 * sits among them ("#,##0.00", "0%", "0.00E+00", "# ?/?"). */
static void
format_plain_number (const char *pattern,
                     double      value,
                     GString    *out)
{
  g_autoptr(GString) int_pattern = g_string_new (NULL);
  g_autoptr(GString) dec_pattern = g_string_new (NULL);
  const char *exp = NULL;
  gboolean group = FALSE, seen_point = FALSE;
  int percents = 0, scale_commas = 0, decimals;
  char buf[400];
  char *point;

  if (strchr (pattern, '/') != NULL)
    {
      format_fraction (pattern, value, out);
      return;
    }
  for (const char *p = pattern; *p != '\0'; p++)
    {
      if (*p == 'E' || *p == 'e')
        {
          exp = p;
          break;
        }
      if (*p == '%')
        percents++;
      else if (*p == '.')
        seen_point = TRUE;
      else if (*p == ',')
        {
          /* A comma after the last placeholder scales by 1000. */
          const char *q = p + 1;

          while (*q == ',')
            q++;
          if (!is_digit_placeholder (*q) && !seen_point)
            {
              scale_commas += (int) (q - p);
              p = q - 1;
            }
          else if (!seen_point)
            group = TRUE;
        }
      else if (is_digit_placeholder (*p))
        g_string_append_c (seen_point ? dec_pattern : int_pattern, *p);
    }
  for (int i = 0; i < percents; i++)
    value *= 100;
  for (int i = 0; i < scale_commas; i++)
    value /= 1000;

  decimals = (int) dec_pattern->len;
  if (exp != NULL)
    {
      int exponent = value == 0 ? 0 : (int) floor (log10 (fabs (value)));
      int int_places = MAX (1, (int) int_pattern->len);
      double mantissa;

      /* ##0.0E+0: the exponent a multiple of the integer places */
      if (int_pattern->len > 1 && strchr (int_pattern->str, '#') != NULL)
        exponent = (int) (floor ((double) exponent / int_places) * int_places);
      else
        exponent -= int_places - 1;
      mantissa = excel_round (value / pow (10, exponent), decimals);
      g_snprintf (buf, sizeof buf, "%.*f", decimals, mantissa);
      g_string_append (out, buf);
      {
        const char *sign = exp + 1;
        int exp_digits = 0;

        for (const char *q = exp + 2; is_digit_placeholder (*q); q++)
          exp_digits++;
        g_string_append_c (out, exp[0]);
        if (exponent < 0)
          g_string_append_c (out, '-');
        else if (*sign == '+')
          g_string_append_c (out, '+');
        g_string_append_printf (out, "%0*d", MAX (1, exp_digits), ABS (exponent));
      }
      return;
    }

  if (fabs (value) >= 1e300)
    {
      format_general (value, out);
      return;
    }
  g_snprintf (buf, sizeof buf, "%.*f", decimals, excel_round (fabs (value), decimals));
  point = strchr (buf, '.');
  if (point != NULL)
    *point = '\0';
  fill_integer (int_pattern->str, buf, group, out);
  if (point != NULL || seen_point)
    {
      g_autoptr(GString) frac = g_string_new (point != NULL ? point + 1 : "");

      /* Trailing zeros go where the placeholder is # (or ? as a space). */
      for (int i = (int) frac->len - 1; i >= 0; i--)
        {
          char ph = dec_pattern->str[i];

          if (frac->str[i] != '0' || ph == '0')
            break;
          if (ph == '#')
            g_string_truncate (frac, (gsize) i);
          else
            frac->str[i] = ' ';
        }
      g_string_append_c (out, '.');
      g_string_append (out, frac->str);
    }
  for (int i = 0; i < percents; i++)
    g_string_append_c (out, '%');
}

static gboolean
condition_holds (const Section *s,
                 double         v)
{
  if (strcmp (s->op, "<") == 0)  return v < s->operand;
  if (strcmp (s->op, "<=") == 0) return v <= s->operand;
  if (strcmp (s->op, ">") == 0)  return v > s->operand;
  if (strcmp (s->op, ">=") == 0) return v >= s->operand;
  if (strcmp (s->op, "<>") == 0) return v != s->operand;
  return v == s->operand;
}

/* The ends of each ;-separated section of @code. */
static guint
split_sections (const char *code,
                const char *starts[4],
                gsize       lengths[4])
{
  guint n = 0;
  const char *start = code, *p = code;

  while (n < 4)
    {
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');
          p = end != NULL ? end + 1 : p + strlen (p);
          continue;
        }
      if (*p == '\\' && p[1] != '\0')
        {
          p += 2;
          continue;
        }
      if (*p == '[')
        {
          const char *end = strchr (p, ']');
          p = end != NULL ? end + 1 : p + strlen (p);
          continue;
        }
      if (*p == ';' || *p == '\0')
        {
          starts[n] = start;
          lengths[n] = (gsize) (p - start);
          n++;
          if (*p == '\0')
            break;
          start = ++p;
          continue;
        }
      p++;
    }
  return n;
}

/**
 * shouhu_xlsx_format_number:
 * @value: the stored number
 * @code: a number format code ("General", "0.00%", "m\"月\"d\"日\"" …)
 * @date1904: the workbook counts days from 1904
 *
 * Returns: (transfer full): the text a spreadsheet program shows for
 *   @value in @code; General's text when @code cannot show it (a date
 *   before 1900 or after 9999)
 */
char *
shouhu_xlsx_format_number (double      value,
                           const char *code,
                           gboolean    date1904)
{
  GString *out = g_string_new (NULL);
  const char *starts[4];
  gsize lengths[4];
  Section sections[4] = { { 0 } };
  guint n, chosen;
  double shown = value;
  gboolean sign = FALSE;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0 || *code == '\0' || strcmp (code, "@") == 0)
    {
      format_general (value, out);
      return g_string_free (out, FALSE);
    }
  n = split_sections (code, starts, lengths);
  for (guint i = 0; i < n; i++)
    parse_section (&sections[i], starts[i], lengths[i]);

  /* Which section: by its condition when the code has any, else by sign. */
  if (sections[0].has_condition)
    {
      chosen = condition_holds (&sections[0], value) ? 0
             : n > 1 && (!sections[1].has_condition || condition_holds (&sections[1], value)) ? 1
             : n > 2 ? 2 : 1;
      if (chosen >= n || (n == 1 && chosen != 0))
        chosen = 0, sign = value < 0;
      shown = chosen == 0 && !sign ? value : fabs (value);
      if (chosen == 0 && value < 0 && n > 1)
        shown = value;
    }
  else if (value < 0 && n >= 2)
    chosen = 1, shown = -value;
  else if (value == 0 && n >= 3)
    chosen = 2;
  else
    {
      chosen = 0;
      sign = value < 0;
      shown = fabs (value);
    }
  /* A text section (@) is for text: numbers take the first. */
  if (has_token (&sections[chosen], TOK_TEXT) && !has_token (&sections[chosen], TOK_NUMBER))
    chosen = 0;

  if (sections[chosen].is_date)
    {
      if (!format_date (&sections[chosen], value, date1904, out))
        {
          g_string_truncate (out, 0);
          format_general (value, out);
        }
    }
  else
    {
      g_autoptr(GString) number = g_string_new (NULL);
      gboolean printed = FALSE;

      if (sections[chosen].number->len > 0)
        {
          format_plain_number (sections[chosen].number->str, shown, number);
          /* "-0" is not shown: the sign goes with a digit other than 0. */
          if (sign && strpbrk (number->str, "123456789") == NULL)
            sign = FALSE;
        }
      if (sign)
        g_string_append_c (out, '-');
      for (guint i = 0; i < sections[chosen].tokens->len; i++)
        {
          const Token *t = &g_array_index (sections[chosen].tokens, Token, i);

          if (t->kind == TOK_LITERAL)
            g_string_append (out, t->text);
          else if (t->kind == TOK_NUMBER && !printed)
            {
              g_string_append (out, number->str);
              printed = TRUE;
            }
        }
    }
  for (guint i = 0; i < n; i++)
    section_clear (&sections[i]);
  return g_string_free (out, FALSE);
}

/**
 * shouhu_xlsx_format_is_date:
 *
 * Returns: whether @code shows a number as a date or a time
 */
gboolean
shouhu_xlsx_format_is_date (const char *code)
{
  const char *starts[4];
  gsize lengths[4];
  Section s = { 0 };
  gboolean is_date;

  if (code == NULL || g_ascii_strcasecmp (code, "General") == 0)
    return FALSE;
  split_sections (code, starts, lengths);
  parse_section (&s, starts[0], lengths[0]);
  is_date = s.is_date;
  section_clear (&s);
  return is_date;
}

/**
 * shouhu_xlsx_serial_to_date:
 * @serial: a date serial, as a date cell stores it
 *
 * Returns: (transfer full) (nullable): the day as YYYY-MM-DD, %NULL when
 *   @serial is no day between 1900 and 9999
 */
char *
shouhu_xlsx_serial_to_date (double   serial,
                            gboolean date1904)
{
  DateParts d;

  if (serial < 1 || !date_parts (serial, date1904, 0, &d) || d.day == 0 || (d.month == 2 && d.day == 29 && d.year == 1900))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", d.year, d.month, d.day);
}

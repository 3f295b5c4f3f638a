/* shouhu-mask.c — masking personal data in files that go to wider circles
 *
 * A masked workbook masks by content: every text it holds goes through
 * shouhu_mask_text(), whatever its column, so a phone number written in
 * 备注 or an ID number in 医院 is hidden as well as one in 本人联系电话.
 * Home addresses are cut at their 乡镇（街道） on top of that.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-mask.h"
#include "shouhu-district.h"
#include "shouhu-phone.h"

#include <string.h>

/* After a number: what makes it a house number. */
static const char *const house_units[] = { "号楼", "号院", "号", "栋", "幢", "单元", "室" };
/* Before "12-3": a road, a compound, a building or a house number. */
static const gunichar house_places[] = {
  0x8DEF, 0x8857, 0x5DF7, 0x9053, 0x5F04, 0x91CC,   /* 路 街 巷 道 弄 里 */
  0x6751, 0x7EC4, 0x533A, 0x82D1, 0x56ED, 0x9662,   /* 村 组 区 苑 园 院 */
  0x697C, 0x680B, 0x53F7, 0x5143, 0x5BA4, 0x53A6,   /* 楼 栋 号 元 室 厦 */
};
/* Where the name of a 乡镇（街道） cannot go on backwards. */
static const gunichar town_bounds[] = {
  0x7701, 0x5E02, 0x533A, 0x53BF,                   /* 省 市 区 县 */
  0x53F7, 0x680B, 0x5E62, 0x5BA4, 0x5143,           /* 号 栋 幢 室 元 */
};
static const char *const town_levels[] = { "街道", "镇", "乡" };

#define MONTH 0x6708   /* 月: "2月3号" is a date */

static gboolean
is_digit_char (gunichar c)
{
  return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
}

/* Whether @text holds an ASCII or a full-width digit (０-９ are
 * EF BC 90 to EF BC 99 in UTF-8). */
static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p) ||
        (p[0] == '\xEF' && p[1] == '\xBC' && p[2] >= '\x90' && p[2] <= '\x99'))
      return TRUE;
  return FALSE;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0xFF0D || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static gboolean
is_ideograph (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
}

static gboolean
in_set (gunichar        c,
        const gunichar *set,
        gsize           n)
{
  for (gsize i = 0; i < n; i++)
    if (set[i] == c)
      return TRUE;
  return FALSE;
}

/**
 * shouhu_mask_phones_in_text:
 *
 * Replaces every number shouhu_phone_find() finds in @text by its masked
 * form: "张三 138 1234 5678" gives "张三 138****5678"; dates and short
 * figures stay.
 */
char *
shouhu_mask_phones_in_text (const char *text)
{
  GString *out = g_string_new (NULL);
  ShouhuPhoneMatch match;
  gsize pos = 0;

  if (text == NULL)
    return g_string_free (out, FALSE);
  while (shouhu_phone_find (text, pos, &match))
    {
      g_autofree char *masked = shouhu_phone_match_mask (text, &match);

      g_string_append_len (out, text + pos, (gssize) (match.start - pos));
      g_string_append (out, masked);
      pos = match.end;
    }
  g_string_append (out, text + pos);
  return g_string_free (out, FALSE);
}

/* Digits, then "-digits" any number of times: "88", "3-2-1".  Returns
 * its end and the number of groups. */
static const char *
read_numeral (const char *p,
              guint      *n_groups)
{
  *n_groups = 0;
  for (;;)
    {
      const char *next;

      if (!is_digit_char (g_utf8_get_char (p)))
        return p;
      while (is_digit_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      (*n_groups)++;
      next = g_utf8_next_char (p);
      if (!is_hyphen (g_utf8_get_char (p)) || !is_digit_char (g_utf8_get_char (next)))
        return p;
      p = next;
    }
}

/* The end of a house unit (号, 栋, 单元, …) at @p, or NULL. */
static const char *
unit_end (const char *p)
{
  for (guint i = 0; i < G_N_ELEMENTS (house_units); i++)
    if (g_str_has_prefix (p, house_units[i]))
      return p + strlen (house_units[i]);
  return NULL;
}

/* Whether the numeral [start, end) with its unit is a house number. */
static gboolean
is_house_number (const char *start,
                 const char *end,
                 guint       n_groups,
                 const char *unit,
                 gunichar    before,
                 gboolean    after_house)
{
  guint first_len = 0;

  for (const char *p = start; is_digit_char (g_utf8_get_char (p)); p = g_utf8_next_char (p))
    first_len++;
  if (unit != NULL)
    return !(before == MONTH && g_str_has_prefix (end, "号"));
  if (after_house)
    return TRUE;
  /* 2020-02-07 is a date; 88-3 after a road is a house number. */
  return n_groups > 1 && !(n_groups == 3 && first_len == 4) &&
         in_set (before, house_places, G_N_ELEMENTS (house_places));
}

/**
 * shouhu_mask_house_numbers:
 *
 * Removes house numbers from @text: a number followed by 号, 栋, 幢,
 * 单元 or 室, one after 附, "88-3" after a road or a building, and a
 * number right after one of those ("5栋2单元301").  "2月3号" stays.
 */
char *
shouhu_mask_house_numbers (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text != NULL ? text : "";
  gunichar before = 0;           /* the last character kept, spaces passed over */
  gboolean after_house = FALSE;  /* right after a house number removed */

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      gboolean annex = g_str_has_prefix (p, "附") && is_digit_char (g_utf8_get_char (p + strlen ("附")));

      if (annex || is_digit_char (c))
        {
          const char *start = annex ? p + strlen ("附") : p;
          guint n_groups;
          const char *end = read_numeral (start, &n_groups);
          const char *unit = unit_end (end);

          if (annex || is_house_number (start, end, n_groups, unit, before, after_house))
            {
              p = unit != NULL ? unit : end;
              after_house = TRUE;
              continue;
            }
          g_string_append_len (out, p, end - p);
          before = g_utf8_get_char (g_utf8_prev_char (end));
          after_house = FALSE;
          p = end;
          continue;
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      if (!g_unichar_isspace (c))
        before = c;
      after_house = FALSE;
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/**
 * shouhu_mask_text:
 *
 * What a masked workbook writes for any text: phone numbers, ID numbers
 * and other long numbers masked, house numbers removed.
 */
char *
shouhu_mask_text (const char *text)
{
  g_autofree char *phones = NULL;

  /* Most cells (names, hospitals, titles) hold no digit at all. */
  if (text == NULL || !has_digit (text))
    return g_strdup (text != NULL ? text : "");
  phones = shouhu_mask_phones_in_text (text);
  return shouhu_mask_house_numbers (phones);
}

/**
 * shouhu_mask_phone:
 *
 * A phone number cell: its masked stored form when it is one number
 * ("138 1234 5678" gives 138****5678, "023-61234567" gives
 * 023-****4567), else the text masked by shouhu_mask_text().
 */
char *
shouhu_mask_phone (const char *phone)
{
  char *masked = shouhu_phone_mask (phone);

  return masked != NULL ? masked : shouhu_mask_text (phone);
}

/* The name of the 乡镇（街道） whose level word starts at @level: the
 * ideographs before it, back to a 区 or 县 or anything that is not an
 * ideograph. */
static const char *
town_name_start (const char *text,
                 const char *level)
{
  const char *start = level;

  while (start > text)
    {
      const char *prev = g_utf8_prev_char (start);
      gunichar c = g_utf8_get_char (prev);

      if (!is_ideograph (c) || in_set (c, town_bounds, G_N_ELEMENTS (town_bounds)))
        break;
      start = prev;
    }
  return start;
}

/* The first 乡镇（街道） of @address, wherever it stands. */
static gboolean
find_town (const char  *address,
           const char **start,
           const char **end)
{
  for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
    for (guint i = 0; i < G_N_ELEMENTS (town_levels); i++)
      {
        if (!g_str_has_prefix (p, town_levels[i]))
          continue;
        *start = town_name_start (address, p);
        *end = p + strlen (town_levels[i]);
        if (*start < p)
          return TRUE;
      }
  return FALSE;
}

/* The district unit named first in @address: every unit's name ends in
 * 区 or 县, so only the text before those is compared. */
static const ShouhuDistrict *
find_district (const char *address)
{
  for (const char *p = address; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize end;

      if (!g_str_has_prefix (p, "区") && !g_str_has_prefix (p, "县"))
        continue;
      end = (gsize) (p - address) + strlen ("区");
      for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
        {
          const ShouhuDistrict *d = shouhu_district_get (id);
          gsize len = strlen (d->name);

          if (len <= end && memcmp (address + end - len, d->name, len) == 0)
            return d;
        }
    }
  return NULL;
}

/**
 * shouhu_mask_address:
 *
 * Keeps of a home address its 区县 (one of the 41 units) and its
 * 乡镇（街道）, wherever that stands ("民族路88号附3号 解放碑街道" gives
 * "解放碑街道"), after "重庆市" if the address has it; the road, the
 * house number and the 村（社区） go.  Without either, nothing stays.
 */
char *
shouhu_mask_address (const char *address)
{
  GString *out = g_string_new (NULL);
  const ShouhuDistrict *district;
  const char *town_start, *town_end;

  if (address == NULL)
    return g_string_free (out, FALSE);
  district = find_district (address);
  if (district != NULL)
    {
      if (strstr (address, "重庆市") != NULL)
        g_string_append (out, "重庆市");
      g_string_append (out, district->name);
    }
  if (find_town (address, &town_start, &town_end))
    g_string_append_len (out, town_start, town_end - town_start);
  return g_string_free (out, FALSE);
}

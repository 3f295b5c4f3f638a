/* shouhu-date.c — dates as stored and as people read them
 *
 * The store keeps dates as YYYY-MM-DD and moments as YYYY-MM-DDTHH:MM:SS.
 * Everything a person reads — the window, its notifications and dialogs,
 * the command line's messages — shows them through these functions, so a
 * date reads the same everywhere: 2020年2月14日 in Chinese.  (The exported
 * forms print their own "（截至2020年2月7日）" line, in Chinese whatever the
 * language of the interface.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-date.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

static char *
format_ymd (int y,
            int m,
            int d)
{
  /* Translators: a date; %1$d is the year, %2$d the month, %3$d the day.
   * Chinese writes 2020年2月14日. */
  return g_strdup_printf (_("%1$d-%2$02d-%3$02d"), y, m, d);
}

/**
 * shouhu_format_date:
 * @date: (nullable): a date as stored, YYYY-MM-DD (anything after the
 *   day, such as a time, is left out)
 *
 * Returns: (transfer full) (nullable): the date as people read it in the
 * UI language (2020年2月14日 in Chinese); text that is not a date comes
 * back as it is
 */
char *
shouhu_format_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date);
  return format_ymd (y, m, d);
}

/**
 * shouhu_format_date_time:
 * @date_time: (nullable): a moment as stored, YYYY-MM-DDTHH:MM:SS
 *
 * Returns: (transfer full) (nullable): the date as shouhu_format_date()
 * writes it, then the time to the minute (2020年2月14日 09:05)
 */
char *
shouhu_format_date_time (const char *date_time)
{
  int y, m, d, hour, minute;
  g_autofree char *day = NULL;

  if (date_time == NULL ||
      sscanf (date_time, "%d-%d-%d%*1[T ]%d:%d", &y, &m, &d, &hour, &minute) != 5)
    return shouhu_format_date (date_time);
  day = format_ymd (y, m, d);
  /* Translators: a date as written above, then a time (24 hours) */
  return g_strdup_printf (_("%s %02d:%02d"), day, hour, minute);
}

/**
 * shouhu_format_today:
 *
 * Returns: (transfer full): today's date as shouhu_format_date() writes it
 */
char *
shouhu_format_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return format_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                     g_date_time_get_day_of_month (now));
}

/**
 * shouhu_format_date_chinese:
 * @date: (nullable): a date as stored, YYYY-MM-DD (a time after it is
 *   left out)
 *
 * For the workbooks sent upward, Chinese whatever the language of the
 * interface.
 *
 * Returns: (transfer full): 2020年2月14日; "" for no date
 */
char *
shouhu_format_date_chinese (const char *date)
{
  unsigned y, m, d;

  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3)
    return g_strdup (date != NULL ? date : "");
  return g_strdup_printf ("%u年%u月%u日", y, m, d);
}

/**
 * shouhu_format_month_day:
 * @date: (nullable): a date as stored, YYYY-MM-DD (a time after it is
 *   left out)
 *
 * For a date of this year, where the year goes without saying.
 *
 * Returns: (transfer full) (nullable): the month and day as people read
 * them in the UI language (11月28日 in Chinese); text that is not a date
 * comes back as it is
 */
char *
shouhu_format_month_day (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date);
  /* Translators: a day of this year; %1$d is the month, %2$d the day.
   * Chinese writes 11月28日. */
  return g_strdup_printf (_("%1$d/%2$d"), m, d);
}

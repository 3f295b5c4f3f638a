/* shouhu-date.h — dates as stored and as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *shouhu_format_date      (const char *date);
char *shouhu_format_date_time (const char *date_time);
char *shouhu_format_today     (void);
char *shouhu_format_date_chinese (const char *date);
char *shouhu_format_month_day (const char *date);

G_END_DECLS

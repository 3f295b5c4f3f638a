/* shouhu-test-notice.h — the notice's Annex 1, typed in from the notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-district.h"

G_BEGIN_DECLS

/* 区县, then 共计 总人数, 其中：支援湖北, 第一批 总人数, 其中：支援湖北,
 * 第二批 总人数, 其中：支援湖北 — as printed, official order. */
typedef struct
{
  const char *name;
  gint64      v[6];
} ShouhuTestNoticeRow;

extern const ShouhuTestNoticeRow shouhu_test_notice[SHOUHU_N_DISTRICTS];
extern const gint64              shouhu_test_notice_sum[6];  /* 合计 */

G_END_DECLS

/* shouhu-export-roster.h — the volunteers' roster workbook (志愿者花名册)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2-form.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

/* The roster's columns after 序号: every volunteer field in the order of
 * the column table, then two that are computed, never read back. */
enum
{
  SHOUHU_ROSTER_COLUMN_STATUS = SHOUHU_N_VOLUNTEER_FIELDS,  /* 上岗状态 on the day of the export */
  SHOUHU_ROSTER_COLUMN_N_FAMILIES,                          /* 守护家庭数 */
  SHOUHU_ROSTER_N_COLUMNS
};

#define SHOUHU_ROSTER_STATUS_HEADING     "上岗状态"
#define SHOUHU_ROSTER_N_FAMILIES_HEADING "守护家庭数"

gboolean shouhu_export_volunteers (ShouhuStore  *store,
                                   int           district_id,
                                   const char   *day,
                                   gboolean      masked,
                                   const char   *path,
                                   GError      **error);

G_END_DECLS

/* shouhu-volunteer-index.h — all volunteers in memory, for the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-annex2.h"

G_BEGIN_DECLS

/* The columns of the volunteers' list, in the page's order. */
typedef enum
{
  SHOUHU_VOLUNTEER_COLUMN_NAME,        /* 姓名 */
  SHOUHU_VOLUNTEER_COLUMN_GENDER,      /* 性别 */
  SHOUHU_VOLUNTEER_COLUMN_PHONE,       /* 联系电话 */
  SHOUHU_VOLUNTEER_COLUMN_DISTRICT,    /* 区县 (sorted in official order) */
  SHOUHU_VOLUNTEER_COLUMN_TOWN,        /* 乡镇（街道） */
  SHOUHU_VOLUNTEER_COLUMN_VILLAGE,     /* 村（社区） */
  SHOUHU_VOLUNTEER_COLUMN_SOURCE,      /* 来源 */
  SHOUHU_VOLUNTEER_COLUMN_SKILLS,      /* 专长 */
  SHOUHU_VOLUNTEER_COLUMN_STATUS,      /* 上岗状态 (ready first, then by what is lacking) */
  SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES,  /* 守护家庭数 */
  SHOUHU_VOLUNTEER_N_COLUMNS
} ShouhuVolunteerColumn;

/* One volunteer of the list, with what the page shows and filters on. */
typedef struct
{
  gint64           id;
  int              district_id;
  guint            skills;        /* ShouhuSkill flags */
  guint            gear;          /* ShouhuGear flags */
  guint            n_families;    /* 守护家庭数: families paired with the volunteer */
  ShouhuReadiness  readiness;     /* on the index's day */
  const char      *text[SHOUHU_N_VOLUNTEER_FIELDS];  /* by field, as shouhu_volunteer_get_field() writes it */
  const char      *haystack;      /* folded text that search looks in */
} ShouhuVolunteerEntry;

/* Which volunteers a readiness filter keeps. */
typedef enum
{
  SHOUHU_READINESS_FILTER_ALL,
  SHOUHU_READINESS_FILTER_READY,              /* 可上岗, warned or not */
  SHOUHU_READINESS_FILTER_NOT_READY,          /* 待上岗 */
  SHOUHU_READINESS_FILTER_INSURANCE_ENDING,   /* ready, insurance ends within SHOUHU_INSURANCE_WARN_DAYS */
} ShouhuReadinessFilter;

typedef struct
{
  int                    district_id;       /* 1..41, or 0 for all */
  const char            *town;              /* (nullable): one 乡镇（街道）, or NULL/"" for all */
  ShouhuReadinessFilter  readiness;
  gboolean               without_families;  /* only those who guard no family yet */
  const char            *query;             /* (nullable): part of 姓名, 联系电话 (digits), 乡镇, 村 */
} ShouhuVolunteerFilter;

typedef struct _ShouhuVolunteerIndex ShouhuVolunteerIndex;

ShouhuVolunteerIndex       *shouhu_volunteer_index_load       (ShouhuStore            *store,
                                                               const char             *day,
                                                               GError                **error);
ShouhuVolunteerIndex       *shouhu_volunteer_index_ref        (ShouhuVolunteerIndex   *index);
void                        shouhu_volunteer_index_unref      (ShouhuVolunteerIndex   *index);
const char                 *shouhu_volunteer_index_get_day    (ShouhuVolunteerIndex   *index);
guint                       shouhu_volunteer_index_get_n_rows (ShouhuVolunteerIndex   *index);
const ShouhuVolunteerEntry *shouhu_volunteer_index_get_row    (ShouhuVolunteerIndex   *index,
                                                               guint                   position);
gboolean                    shouhu_volunteer_index_find_id    (ShouhuVolunteerIndex   *index,
                                                               gint64                  id,
                                                               guint                  *position);
GArray                     *shouhu_volunteer_index_search     (ShouhuVolunteerIndex   *index,
                                                               const ShouhuVolunteerFilter *filter,
                                                               const GArray           *within);
const char                 *shouhu_volunteer_index_sort_key   (ShouhuVolunteerIndex   *index,
                                                               guint                   position,
                                                               ShouhuVolunteerColumn   column);
char                      **shouhu_volunteer_index_towns      (ShouhuVolunteerIndex   *index,
                                                               int                     district_id);
void                        shouhu_volunteer_index_count      (ShouhuVolunteerIndex   *index,
                                                               int                     district_id,
                                                               guint                  *n_ready,
                                                               guint                  *n_insurance_ending,
                                                               guint                  *n_not_ready);
char                       *shouhu_volunteer_fold_query       (const char             *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuVolunteerIndex, shouhu_volunteer_index_unref)

G_END_DECLS

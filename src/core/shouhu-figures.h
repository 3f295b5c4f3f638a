/* shouhu-figures.h — the figures per district: what Annex 1 counts, what
 * Annex 2 holds, and who has not reported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-district.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

/* What a district needs (flags); the order is the order they are listed. */
typedef enum
{
  SHOUHU_NEEDS_REPORT = 1 << 0,  /* 未报送: Annex 1 of the date only carried over */
  SHOUHU_NEEDS_UPDATE = 1 << 1,  /* 需更新: Annex 2 unchanged for the set days */
  SHOUHU_NEEDS_GUARDS = 1 << 2,  /* 守护不足: families without a ready guardian */
  SHOUHU_NEEDS_CHECK  = 1 << 3,  /* 超出附件1: more records than Annex 1 counts */
} ShouhuNeeds;

#define SHOUHU_N_NEEDS 4

/* The three rates, each defined once (shouhu_rate_definition()). */
typedef enum
{
  SHOUHU_RATE_REGISTERED,  /* 登记率 = Annex 2 records ÷ Annex 1 共计 */
  SHOUHU_RATE_GUARDED,     /* 守护率 = families with a ready guardian ÷ Annex 1 共计 */
  SHOUHU_RATE_PAIRED,      /* 结对率 = families with any guardian ÷ Annex 2 records */
  SHOUHU_N_RATES
} ShouhuRate;

/* "YYYY-MM-DDTHH:MM:SS" and its NUL. */
#define SHOUHU_STAMP_SIZE 20

/* A file's base name and its NUL: a longer one is cut at a character
 * and ends in "…". */
#define SHOUHU_FILE_NAME_SIZE 256

/* Through what a district's Annex 2 last changed. */
typedef enum
{
  SHOUHU_CHANGE_NONE,    /* it never changed: nothing recorded */
  SHOUHU_CHANGE_TYPED,   /* typed: in the window's editor, a delete, an undo */
  SHOUHU_CHANGE_IMPORT,  /* an import of a file, in the window or by the command line */
} ShouhuChangeSource;

/* Plain values only, so that a copy is a whole copy. */
typedef struct
{
  int      district_id;      /* 1..41; 0 for the city */
  gint64   annex1_total;     /* Annex 1 共计 总人数 of the chosen date */
  gint64   annex1_hubei;     /* Annex 1 共计 其中：支援湖北 */
  gint64   total_delta;      /* annex1_total minus that of the date before */
  gint64   hubei_delta;      /* annex1_hubei minus that of the date before */
  gboolean reported;         /* Annex 1 entered or changed for the date, not
                              * only carried over (city: every district) */
  gint64   workers;          /* Annex 2 records of the district */
  gint64   paired;           /* of them, families with at least one volunteer */
  gint64   guarded;          /* of them, families with a volunteer ready (可上岗) on the day */
  gint64   volunteers;       /* volunteer records of the district (city: all volunteers) */
  char     annex2_changed[SHOUHU_STAMP_SIZE];  /* the last change of its Annex 2
                                                * (local time), "" when never */
  int      annex2_age;       /* whole days from that change to today; -1 never */
  ShouhuChangeSource annex2_source;                /* through what it changed */
  char     annex2_file[SHOUHU_FILE_NAME_SIZE];     /* an import's file (base name), else "" */
  char     annex2_import_at[SHOUHU_STAMP_SIZE];    /* when that import was written, else "" */
  guint    needs;            /* ShouhuNeeds (city: those of any district) */
  gint64   basic_guarded;    /* families with a ready 保底 guardian on the day
                              * (shouhu-pairing.h: the "1" of "1+N") */
  gint64   needs_registered; /* family needs registered (each need of each family) */
  gint64   needs_met;        /* of them, met by a ready volunteer paired for it */
} ShouhuDistrictFigures;

typedef struct
{
  char                  *as_of;     /* the Annex 1 date used; NULL when there is none */
  char                  *previous;  /* the Annex 1 date before it; NULL when none */
  char                  *day;       /* readiness is counted on this day: as_of, else today */
  char                  *today;
  int                    stale_days;
  ShouhuDistrictFigures  districts[SHOUHU_N_DISTRICTS];  /* official order */
  ShouhuDistrictFigures  city;      /* the sums; district_id 0 */
} ShouhuFigures;

ShouhuFigures *shouhu_figures_compute       (ShouhuStore                 *store,
                                             const char                  *as_of,
                                             GError                     **error);
ShouhuFigures *shouhu_figures_compute_full  (ShouhuStore                 *store,
                                             const char                  *as_of,
                                             const char                  *today,
                                             int                          stale_days,
                                             GError                     **error);
ShouhuFigures *shouhu_figures_copy          (const ShouhuFigures         *figures);
void           shouhu_figures_free          (ShouhuFigures               *figures);
guint          shouhu_figures_count_needing (const ShouhuFigures         *figures,
                                             guint                        needs);

double         shouhu_figures_rate          (const ShouhuDistrictFigures *f,
                                             ShouhuRate                   rate);
gboolean       shouhu_figures_rate_parts    (const ShouhuDistrictFigures *f,
                                             ShouhuRate                   rate,
                                             gint64                      *part,
                                             gint64                      *whole);
char          *shouhu_format_rate           (double                       rate);
char          *shouhu_format_delta          (const ShouhuFigures         *figures,
                                             gint64                       delta);

const char    *shouhu_rate_name             (ShouhuRate                   rate);
const char    *shouhu_rate_definition       (ShouhuRate                   rate);
const char    *shouhu_rate_name_zh          (ShouhuRate                   rate);
const char    *shouhu_rate_definition_zh    (ShouhuRate                   rate);

const char    *shouhu_need_name             (ShouhuNeeds                  need);
const char    *shouhu_need_definition       (ShouhuNeeds                  need);
const char    *shouhu_need_name_zh          (ShouhuNeeds                  need);
const char    *shouhu_need_definition_zh    (ShouhuNeeds                  need);
char          *shouhu_figures_describe_need (const ShouhuFigures         *figures,
                                             const ShouhuDistrictFigures *f,
                                             ShouhuNeeds                  need,
                                             gboolean                     in_chinese);
char          *shouhu_figures_describe_needs (const ShouhuFigures        *figures,
                                             const ShouhuDistrictFigures *f,
                                             gboolean                     in_chinese);
char          *shouhu_figures_describe_change (const ShouhuFigures       *figures,
                                               const ShouhuDistrictFigures *f,
                                               gboolean                   in_chinese);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuFigures, shouhu_figures_free)

G_END_DECLS

/* shouhu-figures.h — the counts per district shown at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-district.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

typedef struct
{
  int      district_id;      /* 1..41; 0 for the city */
  gint64   annex1_total;     /* Annex 1 共计 总人数 of the chosen date */
  gint64   annex1_hubei;     /* Annex 1 共计 其中：支援湖北 */
  gint64   workers;          /* Annex 2 records of the district */
  gint64   covered;          /* of them, families guarded today: a paired volunteer is ready (可上岗) */
  gint64   uncovered;        /* workers - covered */
  gint64   volunteers;       /* volunteer records of the district (city: all volunteers) */
  gboolean needs_attention;  /* workers < annex1_total || uncovered > 0 */
} ShouhuDistrictFigures;

typedef struct
{
  char                  *as_of;   /* the Annex 1 date used; NULL when there is none */
  ShouhuDistrictFigures  districts[SHOUHU_N_DISTRICTS];  /* official order */
  ShouhuDistrictFigures  city;    /* the sums; district_id 0 */
} ShouhuFigures;

ShouhuFigures *shouhu_figures_compute  (ShouhuStore                 *store,
                                        const char                  *as_of,
                                        GError                     **error);
void           shouhu_figures_free     (ShouhuFigures               *figures);
double         shouhu_figures_coverage (const ShouhuDistrictFigures *f);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuFigures, shouhu_figures_free)

G_END_DECLS

/* shouhu-district-chart.h — the 41 district units as bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-figures.h"

G_BEGIN_DECLS

typedef enum
{
  SHOUHU_CHART_SORT_OFFICIAL,    /* 序号 */
  SHOUHU_CHART_SORT_TOTAL,       /* Annex 1 共计, largest first */
  SHOUHU_CHART_SORT_HUBEI,       /* 支援湖北, largest first */
  SHOUHU_CHART_SORT_WORKERS,     /* Annex 2 records, largest first */
  SHOUHU_CHART_SORT_UNGUARDED,   /* families without a ready volunteer, most first */
  SHOUHU_CHART_SORT_VOLUNTEERS,  /* volunteers, most first */
  SHOUHU_CHART_SORT_GUARDING,    /* 守护率, lowest first */
} ShouhuChartSort;

#define SHOUHU_TYPE_DISTRICT_CHART (shouhu_district_chart_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuDistrictChart, shouhu_district_chart, SHOUHU, DISTRICT_CHART, GtkWidget)

void            shouhu_district_chart_set_figures   (ShouhuDistrictChart         *self,
                                                     const ShouhuFigures         *figures);
void            shouhu_district_chart_set_sort      (ShouhuDistrictChart         *self,
                                                     ShouhuChartSort              sort);
ShouhuChartSort shouhu_district_chart_get_sort      (ShouhuDistrictChart         *self);
int             shouhu_district_chart_get_cursor    (ShouhuDistrictChart         *self);
void            shouhu_district_chart_set_cursor    (ShouhuDistrictChart         *self,
                                                     int                          district_id);
int             shouhu_district_chart_get_district_at_row (ShouhuDistrictChart   *self,
                                                     int                          row);
char           *shouhu_district_chart_describe      (ShouhuDistrictChart         *self,
                                                     int                          district_id);

char           *shouhu_describe_district            (const ShouhuFigures         *figures,
                                                     const ShouhuDistrictFigures *f);
char           *shouhu_district_accessible_name     (const ShouhuFigures         *figures,
                                                     const ShouhuDistrictFigures *f);
char           *shouhu_format_annex2_change         (const ShouhuDistrictFigures *f);

G_END_DECLS

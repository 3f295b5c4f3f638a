/* shouhu-dashboard-page.h — 概览: the district counts at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-district-chart.h"
#include "shouhu-figures.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

/* The city totals at the top of the page. */
typedef enum
{
  SHOUHU_DASHBOARD_STAFF,        /* Annex 1 共计 总人数 */
  SHOUHU_DASHBOARD_STAFF_DELTA,  /* its change since the date before */
  SHOUHU_DASHBOARD_HUBEI,        /* Annex 1 其中：支援湖北 */
  SHOUHU_DASHBOARD_HUBEI_DELTA,
  SHOUHU_DASHBOARD_WORKERS,      /* recorded in Annex 2 */
  SHOUHU_DASHBOARD_REGISTERED,   /* 登记率 */
  SHOUHU_DASHBOARD_PAIRED,       /* families with a paired volunteer */
  SHOUHU_DASHBOARD_PAIRING,      /* 结对率 */
  SHOUHU_DASHBOARD_GUARDED,      /* families with a volunteer ready for duty */
  SHOUHU_DASHBOARD_GUARDING,     /* 守护率 */
  SHOUHU_DASHBOARD_VOLUNTEERS,
  SHOUHU_DASHBOARD_ATTENTION,    /* districts needing something */
  SHOUHU_DASHBOARD_N_TOTALS
} ShouhuDashboardTotal;

#define SHOUHU_TYPE_DASHBOARD_PAGE (shouhu_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuDashboardPage, shouhu_dashboard_page, SHOUHU, DASHBOARD_PAGE, GtkWidget)

void                 shouhu_dashboard_page_set_date       (ShouhuDashboardPage  *self,
                                                           const char           *as_of);
const ShouhuFigures *shouhu_dashboard_page_get_figures    (ShouhuDashboardPage  *self);
const char          *shouhu_dashboard_page_get_total_text (ShouhuDashboardPage  *self,
                                                           ShouhuDashboardTotal  total);
ShouhuDistrictChart *shouhu_dashboard_page_get_chart      (ShouhuDashboardPage  *self);
GtkColumnView       *shouhu_dashboard_page_get_table      (ShouhuDashboardPage  *self);
void                 shouhu_dashboard_page_set_shown_needs (ShouhuDashboardPage *self,
                                                            guint                needs);

G_END_DECLS

/* shouhu-work-report.h — the work report upward (工作情况统计表)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-export.h"
#include "shouhu-ledger.h"

G_BEGIN_DECLS

/* One district's line of the report, or the 合计 line (district_id 0). */
typedef struct
{
  int    district_id;
  gint64 families;                          /* 医护人员家庭: Annex 2 records */
  gint64 guarded;                           /* 已守护家庭: a volunteer paired with it is
                                             * ready (可上岗) on the period's last day */
  gint64 on_duty;                           /* 在岗志愿者: the district's volunteers ready
                                             * on the period's last day (合计: all) */
  gint64 services[SHOUHU_N_SERVICE_KINDS];  /* 服务次数 by kind (index kind - 1) */
  gint64 services_total;
  gint64 minutes;                           /* 服务时长, in minutes */
  gint64 needs_raised;                      /* 提出需求 in the period */
  gint64 needs_solved;                      /* of them, solved */
  gint64 not_contacted;                     /* families without a service in the period */
} ShouhuWorkReportRow;

typedef struct
{
  char                *from;         /* YYYY-MM-DD, the first day */
  char                *to;           /* the last day */
  int                  district_id;  /* 1..41, or 0 for every district */
  ShouhuWorkReportRow  districts[SHOUHU_N_DISTRICTS];   /* official order */
  ShouhuWorkReportRow  city;         /* the sums: district_id 0 */
  GPtrArray           *typical;      /* ShouhuService marked 典型 in the period */
} ShouhuWorkReport;

ShouhuWorkReport *shouhu_work_report_compute (ShouhuStore             *store,
                                              const char              *from,
                                              const char              *to,
                                              int                      district_id,
                                              GError                 **error);
void              shouhu_work_report_free    (ShouhuWorkReport        *report);
gboolean          shouhu_work_report_export  (const ShouhuWorkReport  *report,
                                              gboolean                 masked,
                                              const char              *path,
                                              GError                 **error);
gboolean          shouhu_work_report_run     (ShouhuStore             *store,
                                              const char              *from,
                                              const char              *to,
                                              int                      district_id,
                                              gboolean                 masked,
                                              const char              *path,
                                              GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuWorkReport, shouhu_work_report_free)

G_END_DECLS

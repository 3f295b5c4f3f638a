/* shouhu-work-report.c — the work report upward (工作情况统计表)
 *
 * Part 四(四) of the notice: 有关工作情况，要及时总结上报市文明办, and the
 * 先进典型 found in the work are to be told.  The report counts, per
 * district and for a period, what the ledger holds: the families, the
 * services by kind, their hours, the needs raised and solved, and the
 * families nobody contacted in the period; with them the families guarded
 * and the volunteers on duty on the period's last day, by the readiness
 * rule of the volunteers (shouhu_volunteer_ready_sql()).  A second sheet
 * tells the records marked 典型.  Like the annexes, the sheets are Chinese
 * whatever the interface language, and are written through the shared
 * workbook writer (shouhu-export-private.h), masked when asked.
 *
 * Everything is counted by SQLite from the records, in a few statements
 * over the period's rows (the index on service.day), so a report over a
 * million records takes seconds, not minutes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-work-report.h"
#include "shouhu-export-file.h"
#include "shouhu-export-private.h"
#include "shouhu-store-private.h"
#include "shouhu-validate.h"
#include "shouhu-volunteer.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* Computing --------------------------------------------------------------- */

void
shouhu_work_report_free (ShouhuWorkReport *report)
{
  if (report == NULL)
    return;
  g_free (report->from);
  g_free (report->to);
  g_clear_pointer (&report->typical, g_ptr_array_unref);
  g_free (report);
}

static ShouhuWorkReportRow *
district_row (ShouhuWorkReport *report,
              int               district_id)
{
  if (district_id < 1 || district_id > SHOUHU_N_DISTRICTS)
    return NULL;
  return &report->districts[district_id - 1];
}

static sqlite3_stmt *
prepare_period (ShouhuStore             *store,
                const ShouhuWorkReport  *report,
                const char              *sql,
                GError                 **error)
{
  sqlite3_stmt *stmt = shouhu_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, report->from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, report->to, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, report->district_id);
  return stmt;
}

/* The families, and those without any service in the period (one look
 * per family into the index on (worker_id, day)). */
static gboolean
count_families (ShouhuStore       *store,
                ShouhuWorkReport  *report,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare_period (store, report,
                         "SELECT w.district_id, count (*),"
                         "       sum (NOT EXISTS (SELECT 1 FROM service s WHERE s.worker_id = w.id"
                         "                          AND s.day BETWEEN ?1 AND ?2))"
                         "  FROM worker w WHERE ?3 = 0 OR w.district_id = ?3"
                         " GROUP BY w.district_id",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuWorkReportRow *row = district_row (report, sqlite3_column_int (stmt, 0));

      if (row == NULL)
        continue;
      row->families = sqlite3_column_int64 (stmt, 1);
      row->not_contacted = sqlite3_column_int64 (stmt, 2);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether the period holds more than a quarter of the ledger: then
 * reading the table in order beats looking each of its rows up from the
 * index on day, about twice over a million records. */
static gboolean
period_is_large (ShouhuStore             *store,
                 const ShouhuWorkReport  *report,
                 gboolean                *large,
                 GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare_period (store, report,
                         "SELECT (SELECT count (*) FROM service WHERE day BETWEEN ?1 AND ?2) * 4"
                         "       > (SELECT count (*) FROM service)",
                         error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  *large = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The services of the period, by district and kind: "+s.day" keeps
 * SQLite from the index on day when the period is large. */
static gboolean
count_services (ShouhuStore       *store,
                ShouhuWorkReport  *report,
                GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean large = FALSE;
  int rc;

  if (!period_is_large (store, report, &large, error))
    return FALSE;
  sql = g_strdup_printf ("SELECT w.district_id, s.kind, count (*), sum (s.minutes),"
                         "       sum (s.need <> ''), sum (s.need <> '' AND s.solved = 1)"
                         "  FROM service s JOIN worker w ON w.id = s.worker_id"
                         " WHERE %ss.day BETWEEN ?1 AND ?2 AND (?3 = 0 OR w.district_id = ?3)"
                         " GROUP BY w.district_id, s.kind",
                         large ? "+" : "");
  stmt = prepare_period (store, report, sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuWorkReportRow *row = district_row (report, sqlite3_column_int (stmt, 0));
      ShouhuServiceKind kind = shouhu_service_kind_from_key ((const char *) sqlite3_column_text (stmt, 1));
      gint64 n = sqlite3_column_int64 (stmt, 2);

      if (row == NULL || kind == SHOUHU_SERVICE_KIND_NONE)
        continue;
      row->services[kind - 1] += n;
      row->services_total += n;
      row->minutes += sqlite3_column_int64 (stmt, 3);
      row->needs_raised += sqlite3_column_int64 (stmt, 4);
      row->needs_solved += sqlite3_column_int64 (stmt, 5);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* Runs "SELECT district_id, count" with :day the period's last day and
 * :district the report's; a count without a district adds to @city only. */
static gboolean
count_on_last_day (ShouhuStore       *store,
                   ShouhuWorkReport  *report,
                   const char        *sql,
                   gsize              field,
                   gint64            *city,
                   GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), report->to, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":district"), report->district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuWorkReportRow *row = district_row (report, sqlite3_column_int (stmt, 0));
      gint64 n = sqlite3_column_int64 (stmt, 1);

      if (row != NULL)
        G_STRUCT_MEMBER (gint64, row, field) = n;
      *city += n;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The families guarded and the volunteers on duty (在岗) on the period's
 * last day: the notice's rule, 防护培训不合格的绝不上岗、防护措施不到位的绝不上岗,
 * and insured. */
static gboolean
count_ready (ShouhuStore       *store,
             ShouhuWorkReport  *report,
             GError           **error)
{
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *guarded = g_strdup_printf ("SELECT w.district_id,"
                                              "       sum (EXISTS (SELECT 1 FROM pairing p"
                                              "                    JOIN volunteer v ON v.id = p.volunteer_id"
                                              "                    WHERE p.worker_id = w.id AND %s))"
                                              "  FROM worker w WHERE :district = 0 OR w.district_id = :district"
                                              " GROUP BY w.district_id", ready);
  g_autofree char *on_duty = g_strdup_printf ("SELECT v.district_id, count (*) FROM volunteer v"
                                              " WHERE %s AND (:district = 0 OR v.district_id = :district)"
                                              " GROUP BY v.district_id", ready);

  return count_on_last_day (store, report, guarded, G_STRUCT_OFFSET (ShouhuWorkReportRow, guarded),
                            &report->city.guarded, error) &&
         count_on_last_day (store, report, on_duty, G_STRUCT_OFFSET (ShouhuWorkReportRow, on_duty),
                            &report->city.on_duty, error);
}

/* The sums of the 合计 line, but those of the last day (count_ready ()). */
static void
add_to_city (ShouhuWorkReportRow       *city,
             const ShouhuWorkReportRow *row)
{
  city->families += row->families;
  for (int k = 0; k < SHOUHU_N_SERVICE_KINDS; k++)
    city->services[k] += row->services[k];
  city->services_total += row->services_total;
  city->minutes += row->minutes;
  city->needs_raised += row->needs_raised;
  city->needs_solved += row->needs_solved;
  city->not_contacted += row->not_contacted;
}

/* Checks and normalises the period. */
static gboolean
check_period (const char  *from,
              const char  *to,
              char       **from_day,
              char       **to_day,
              GError     **error)
{
  g_autoptr(GError) inner = NULL;

  if (!shouhu_validate_date (_("The period’s first day"), from, from_day, &inner) ||
      !shouhu_validate_date (_("The period’s last day"), to, to_day, &inner))
    {
      g_set_error_literal (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID, inner->message);
      return FALSE;
    }
  if (strcmp (*from_day, *to_day) > 0)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("The period’s first day %s is after its last day %s: swap them"), *from_day, *to_day);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_work_report_compute:
 * @from: the period's first day (YYYY-MM-DD, or as shouhu_validate_date()
 *   reads it)
 * @to: its last day
 * @district_id: 1..41 for one district, 0 for all
 *
 * Returns: (transfer full): the report's figures and 典型 records, or
 *   %NULL with @error set
 */
ShouhuWorkReport *
shouhu_work_report_compute (ShouhuStore  *store,
                            const char   *from,
                            const char   *to,
                            int           district_id,
                            GError      **error)
{
  g_autoptr(ShouhuWorkReport) report = g_new0 (ShouhuWorkReport, 1);

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);

  if (district_id < 0 || district_id > SHOUHU_N_DISTRICTS)
    {
      g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                   _("There is no district number %d"), district_id);
      return NULL;
    }
  if (!check_period (from, to, &report->from, &report->to, error))
    return NULL;
  report->district_id = district_id;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    report->districts[i].district_id = i + 1;

  if (!count_families (store, report, error) ||
      !count_services (store, report, error) ||
      !count_ready (store, report, error))
    return NULL;
  report->typical = shouhu_ledger_typical_services (store, report->from, report->to, district_id, error);
  if (report->typical == NULL)
    return NULL;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    add_to_city (&report->city, &report->districts[i]);
  return g_steal_pointer (&report);
}

/* The workbook ------------------------------------------------------------ */

typedef enum
{
  VALUE_FAMILIES,
  VALUE_GUARDED,
  VALUE_ON_DUTY,
  VALUE_KIND,
  VALUE_SERVICES_TOTAL,
  VALUE_HOURS,
  VALUE_NEEDS_RAISED,
  VALUE_NEEDS_SOLVED,
  VALUE_NOT_CONTACTED,
} Value;

/* The figure columns after 序号 and 区县; a group heading spans the
 * columns that share it, above their own headings. */
static const struct
{
  const char        *group;
  const char        *heading;   /* NULL: the kind's name */
  Value              value;
  ShouhuServiceKind  kind;
} columns[] = {
  { NULL, "医护人员家庭", VALUE_FAMILIES, 0 },
  { NULL, "已守护家庭", VALUE_GUARDED, 0 },
  { NULL, "在岗志愿者", VALUE_ON_DUTY, 0 },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_CARE },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_TUTORING },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_SUPPLIES },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_TRANSPORT },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_GREETING },
  { "服务次数", NULL, VALUE_KIND, SHOUHU_SERVICE_OTHER },
  { "服务次数", "合计", VALUE_SERVICES_TOTAL, 0 },
  { NULL, "服务时长（小时）", VALUE_HOURS, 0 },
  { "家庭需求", "提出", VALUE_NEEDS_RAISED, 0 },
  { "家庭需求", "已解决", VALUE_NEEDS_SOLVED, 0 },
  { NULL, "期内未联系家庭", VALUE_NOT_CONTACTED, 0 },
};

#define FIRST_FIGURE_COL 2
#define LAST_COL ((int) (FIRST_FIGURE_COL + G_N_ELEMENTS (columns) - 1))
#define FIRST_DATA_ROW 4

static const char *const typical_headers[] = {
  "序号", "区县", "日期", "医护人员", "志愿者", "服务类型", "服务内容", "典型事迹",
};

#define TYPICAL_LAST_COL ((int) G_N_ELEMENTS (typical_headers) - 1)
#define MAX_TEXT_WIDTH 40.0

typedef struct
{
  const ShouhuWorkReport *report;
  lxw_format             *hours;
  lxw_format             *total_hours;
} Build;

static lxw_worksheet *
add_sheet (ShouhuExportBook  *book,
           const char        *name,
           GError           **error)
{
  lxw_worksheet *ws = workbook_add_worksheet (book->wb, name);

  if (ws == NULL)
    g_set_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_INVALID,
                 _("The sheet could not be added to the workbook"));
  return ws;
}

static double
row_value (const ShouhuWorkReportRow *row,
           guint                      col)
{
  switch (columns[col].value)
    {
    case VALUE_FAMILIES:       return (double) row->families;
    case VALUE_GUARDED:        return (double) row->guarded;
    case VALUE_ON_DUTY:        return (double) row->on_duty;
    case VALUE_KIND:           return (double) row->services[columns[col].kind - 1];
    case VALUE_SERVICES_TOTAL: return (double) row->services_total;
    case VALUE_HOURS:          return (double) row->minutes / 60.0;
    case VALUE_NEEDS_RAISED:   return (double) row->needs_raised;
    case VALUE_NEEDS_SOLVED:   return (double) row->needs_solved;
    case VALUE_NOT_CONTACTED:  return (double) row->not_contacted;
    default:
      g_return_val_if_reached (0);
    }
}

/* "2020-02-10" → "2020年2月10日" */
static char *
chinese_date (const char *day)
{
  guint y = 0, m = 0, d = 0;

  if (sscanf (day, "%u-%u-%u", &y, &m, &d) != 3)
    return g_strdup (day);
  return g_strdup_printf ("%u年%u月%u日", y, m, d);
}

static char *
period_line (const ShouhuWorkReport *report)
{
  g_autofree char *from = chinese_date (report->from);
  g_autofree char *to = chinese_date (report->to);
  const ShouhuDistrict *d = shouhu_district_get (report->district_id);

  return g_strdup_printf ("统计时段：%s至%s　　　　区县：%s", from, to, d != NULL ? d->name : "全市");
}

static void
write_header (ShouhuExportBook *book,
              lxw_worksheet    *ws)
{
  lxw_format *header = book->header;

  shouhu_export_put_merged (book, ws, 2, 0, 3, 0, "序号", header);
  shouhu_export_put_merged (book, ws, 2, 1, 3, 1, "区县", header);
  for (guint c = 0; c < G_N_ELEMENTS (columns);)
    {
      int col = FIRST_FIGURE_COL + (int) c;
      const char *heading = columns[c].heading != NULL ? columns[c].heading
                                                        : shouhu_service_kind_name (columns[c].kind);
      guint span = 1;

      if (columns[c].group == NULL)
        {
          shouhu_export_put_merged (book, ws, 2, col, 3, col, heading, header);
          c++;
          continue;
        }
      while (c + span < G_N_ELEMENTS (columns) && g_strcmp0 (columns[c + span].group, columns[c].group) == 0)
        span++;
      shouhu_export_put_merged (book, ws, 2, col, 2, col + (int) span - 1, columns[c].group, header);
      for (guint i = 0; i < span; i++)
        {
          const char *own = columns[c + i].heading != NULL ? columns[c + i].heading
                                                            : shouhu_service_kind_name (columns[c + i].kind);

          shouhu_export_put_text (book, ws, 3, col + (int) i, own, header);
        }
      c += span;
    }
}

static void
write_figures (ShouhuExportBook          *book,
               Build                     *b,
               lxw_worksheet             *ws,
               int                        row,
               int                        seq,
               const ShouhuWorkReportRow *figures)
{
  gboolean city = figures->district_id == 0;
  lxw_format *number = city ? book->total_number : book->number;

  if (city)
    shouhu_export_put_merged (book, ws, row, 0, row, 1, "合计",
                               book->total_label);
  else
    {
      shouhu_export_put_number (book, ws, row, 0, seq, number);
      shouhu_export_put_text (book, ws, row, 1, shouhu_district_get (figures->district_id)->name,
                               book->centre);
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    shouhu_export_put_number (book, ws, row, FIRST_FIGURE_COL + (int) c, row_value (figures, c),
                               columns[c].value == VALUE_HOURS ? (city ? b->total_hours : b->hours) : number);
}

static gboolean
build_figures_sheet (ShouhuExportBook  *book,
                     Build             *b,
                     GError           **error)
{
  const ShouhuWorkReport *report = b->report;
  lxw_worksheet *ws = add_sheet (book, "工作情况统计表", error);
  g_autofree char *line = NULL;
  int row = FIRST_DATA_ROW;

  if (ws == NULL)
    return FALSE;
  shouhu_export_set_page (book, ws, 2, 3);
  worksheet_set_row (ws, 0, 32, NULL);
  shouhu_export_put_merged (book, ws, 0, 0, 0, LAST_COL, "重庆市志愿者精准守护一线医护人员家庭工作情况统计表",
                             book->title);
  line = period_line (report);
  shouhu_export_put_merged (book, ws, 1, 0, 1, LAST_COL, line,
                             book->line);
  worksheet_set_row (ws, 3, 30, NULL);
  write_header (book, ws);

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    if (report->district_id == 0 || report->district_id == i + 1)
      {
        write_figures (book, b, ws, row, row - FIRST_DATA_ROW + 1, &report->districts[i]);
        row++;
      }
  if (report->district_id == 0)
    write_figures (book, b, ws, row++, 0, &report->city);

  shouhu_export_put_merged (book, ws, row, 0, row, LAST_COL,
                             "说明：1．服务次数、时长和家庭需求按服务台账中日期在统计时段内的记录统计；",
                             book->note);
  row++;
  shouhu_export_put_merged (book, ws, row, 0, row, LAST_COL,
                             "　　　2．期内未联系家庭为统计时段内没有任何服务记录的医护人员家庭；",
                             book->note);
  row++;
  shouhu_export_put_merged (book, ws, row, 0, row, LAST_COL,
                            "　　　3．在岗志愿者为统计时段最后一天防护培训合格、防护用品齐全且保险有效的志愿者，"
                            "已守护家庭为当天至少有一名在岗志愿者结对的家庭。",
                            book->note);

  worksheet_set_column (ws, 0, 0, 6, NULL);
  worksheet_set_column (ws, 1, 1, 12, NULL);
  worksheet_set_column (ws, FIRST_FIGURE_COL, LAST_COL, 10, NULL);
  return TRUE;
}

static void
typical_cells (const ShouhuService *s,
               const char          *cells[TYPICAL_LAST_COL])
{
  const ShouhuDistrict *d = shouhu_district_get (s->district_id);

  cells[0] = d != NULL ? d->name : "";
  cells[1] = s->day;
  cells[2] = s->family_name;
  cells[3] = s->volunteer_names;
  cells[4] = shouhu_service_kind_name (s->kind);
  cells[5] = s->content;
  cells[6] = s->story;
}

static gboolean
build_typical_sheet (ShouhuExportBook  *book,
                     Build             *b,
                     GError           **error)
{
  GPtrArray *typical = b->report->typical;
  lxw_worksheet *ws = add_sheet (book, "典型", error);
  lxw_format *text = book->text;
  lxw_format *centre = book->centre;
  double widths[G_N_ELEMENTS (typical_headers)] = { 6, };
  g_autofree char *line = period_line (b->report);
  const char *cells[TYPICAL_LAST_COL];

  if (ws == NULL)
    return FALSE;
  for (int c = 1; c <= TYPICAL_LAST_COL; c++)
    widths[c] = shouhu_export_text_width (typical_headers[c]) + 4;
  for (guint i = 0; i < typical->len; i++)
    {
      typical_cells (typical->pdata[i], cells);
      for (int c = 1; c <= TYPICAL_LAST_COL; c++)
        widths[c] = MAX (widths[c], MIN (shouhu_export_text_width (cells[c - 1]) + 2, MAX_TEXT_WIDTH));
    }
  for (int c = 0; c <= TYPICAL_LAST_COL; c++)
    worksheet_set_column (ws, c, c, widths[c], NULL);

  shouhu_export_set_page (book, ws, 2, 2);
  worksheet_set_row (ws, 0, 32, NULL);
  shouhu_export_put_merged (book, ws, 0, 0, 0, TYPICAL_LAST_COL, "重庆市志愿者精准守护一线医护人员家庭典型事例",
                             book->title);
  shouhu_export_put_merged (book, ws, 1, 0, 1, TYPICAL_LAST_COL, line,
                             book->line);
  for (int c = 0; c <= TYPICAL_LAST_COL; c++)
    shouhu_export_put_text (book, ws, 2, c, typical_headers[c],
                             book->header);

  for (guint i = 0; i < typical->len; i++)
    {
      int row = 3 + (int) i, lines = 1;
      lxw_format *wrapped = text;

      typical_cells (typical->pdata[i], cells);
      for (int c = 1; c <= TYPICAL_LAST_COL; c++)
        lines = MAX (lines, shouhu_export_wrapped_lines (cells[c - 1], widths[c]));
      if (lines > 1)
        worksheet_set_row (ws, row, shouhu_export_row_height (book, lines, &wrapped), NULL);
      shouhu_export_put_number (book, ws, row, 0, i + 1, book->number);
      for (int c = 1; c <= TYPICAL_LAST_COL; c++)
        shouhu_export_put_text (book, ws, row, c, cells[c - 1], c <= 2 || c == 5 ? centre : wrapped);
    }
  if (typical->len == 0)
    shouhu_export_put_merged (book, ws, 3, 0, 3, TYPICAL_LAST_COL, "（本统计时段没有记为典型的服务记录）",
                               book->note);
  return TRUE;
}

static gboolean
build_report (ShouhuExportBook  *book,
              gpointer           data,
              GError           **error)
{
  Build b = { data, NULL, NULL };

  b.hours = shouhu_export_new_cell_format (book, FALSE, LXW_ALIGN_CENTER);
  format_set_num_format (b.hours, "0.0");
  b.total_hours = shouhu_export_new_cell_format (book, TRUE, LXW_ALIGN_CENTER);
  format_set_num_format (b.total_hours, "0.0");
  return build_figures_sheet (book, &b, error) && build_typical_sheet (book, &b, error);
}

/**
 * shouhu_work_report_export:
 * @masked: pass every text through shouhu_mask_text(), as the annexes do
 *
 * Writes the report as a workbook of two sheets: 工作情况统计表 (a line
 * per district, or the one district, and 合计) and 典型.
 */
gboolean
shouhu_work_report_export (const ShouhuWorkReport  *report,
                           gboolean                 masked,
                           const char              *path,
                           GError                 **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return shouhu_export_write_book (path, FALSE, masked, build_report, (gpointer) report, error);
}

/**
 * shouhu_work_report_run:
 *
 * The whole job, as the command line and the window run it: computes the
 * report of the period and writes it to @path.
 */
gboolean
shouhu_work_report_run (ShouhuStore  *store,
                        const char   *from,
                        const char   *to,
                        int           district_id,
                        gboolean      masked,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(ShouhuWorkReport) report = NULL;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* As every export: never onto the store (see shouhu-export-file.c). */
  if (!shouhu_export_check_target (path, shouhu_store_get_path (store), error))
    return FALSE;
  report = shouhu_work_report_compute (store, from, to, district_id, error);
  return report != NULL && shouhu_work_report_export (report, masked, path, error);
}

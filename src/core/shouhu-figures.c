/* shouhu-figures.c — the counts per district shown at a glance
 *
 * Everything is counted by SQLite in one statement per call, so the figures
 * are never kept anywhere and cannot drift from the records.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-figures.h"
#include "shouhu-annex1.h"
#include "shouhu-date.h"
#include "shouhu-store-private.h"
#include "shouhu-volunteer.h"

#include <glib/gi18n-lib.h>

/* Annex 1 共计 of one date: the sum of the batches the table has. */
static const char annex1_sums[] =
  "SELECT f.district_id, sum (f.total) AS total, sum (f.hubei) AS hubei"
  "  FROM annex1_figure f JOIN annex1_table t ON t.id = f.table_id"
  "  WHERE t.as_of = ?1 AND f.batch <= t.batch_count"
  "  GROUP BY f.district_id";

/* A family counts as covered (guarded) when at least one volunteer
 * paired with it is ready on :day, however many look after it: a pairing
 * with a volunteer not ready (待上岗) guards nobody. */
static char *
worker_counts (void)
{
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");

  return g_strdup_printf ("SELECT w.district_id, count (*) AS workers,"
                          "       sum (EXISTS (SELECT 1 FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id"
                          "                    WHERE p.worker_id = w.id AND %s)) AS covered"
                          "  FROM worker w GROUP BY w.district_id", ready);
}

static const char volunteer_counts[] =
  "SELECT district_id, count (*) AS volunteers"
  "  FROM volunteer WHERE district_id IS NOT NULL GROUP BY district_id";

/* Picks the Annex 1 date: @as_of when there is a table of that date, the
 * newest when @as_of is %NULL.  *date stays %NULL when there is no table. */
static gboolean
choose_date (ShouhuStore  *store,
             const char   *as_of,
             char        **date,
             GError      **error)
{
  g_auto(GStrv) dates = shouhu_annex1_list_dates (store, error);

  *date = NULL;
  if (dates == NULL)
    return FALSE;
  if (as_of == NULL)
    {
      *date = g_strdup (dates[0]);
      return TRUE;
    }
  if (!g_strv_contains ((const char * const *) dates, as_of))
    {
      g_autofree char *shown = shouhu_format_date (as_of);

      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_NO_TABLE,
                   _("There is no Annex 1 table dated %s"), shown);
      return FALSE;
    }
  *date = g_strdup (as_of);
  return TRUE;
}

static void
set_attention (ShouhuDistrictFigures *f)
{
  f->uncovered = f->workers - f->covered;
  f->needs_attention = f->workers < f->annex1_total || f->uncovered > 0;
}

static gboolean
count_districts (ShouhuStore    *store,
                 ShouhuFigures  *figures,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *workers = worker_counts ();
  g_autofree char *today = shouhu_volunteer_today ();
  int rc;

  sql = g_strdup_printf ("SELECT d.id, coalesce (a.total, 0), coalesce (a.hubei, 0),"
                         "       coalesce (w.workers, 0), coalesce (w.covered, 0),"
                         "       coalesce (v.volunteers, 0)"
                         "  FROM district d"
                         "  LEFT JOIN (%s) a ON a.district_id = d.id"
                         "  LEFT JOIN (%s) w ON w.district_id = d.id"
                         "  LEFT JOIN (%s) v ON v.district_id = d.id"
                         "  ORDER BY d.id",
                         annex1_sums, workers, volunteer_counts);

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (figures->as_of != NULL)
    sqlite3_bind_text (stmt, 1, figures->as_of, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), today, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      ShouhuDistrictFigures *f;

      if (id < 1 || id > SHOUHU_N_DISTRICTS)
        continue;
      f = &figures->districts[id - 1];
      f->annex1_total = sqlite3_column_int64 (stmt, 1);
      f->annex1_hubei = sqlite3_column_int64 (stmt, 2);
      f->workers = sqlite3_column_int64 (stmt, 3);
      f->covered = sqlite3_column_int64 (stmt, 4);
      f->volunteers = sqlite3_column_int64 (stmt, 5);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The city counts every volunteer, also those not tied to a district. */
static gboolean
count_all_volunteers (ShouhuStore  *store,
                      gint64       *count,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store, "SELECT count (*) FROM volunteer", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  *count = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/**
 * shouhu_figures_compute:
 * @as_of: (nullable): the Annex 1 date; %NULL for the newest
 *
 * Counts, per district and for the city, the Annex 1 共计 of the date and
 * the Annex 2 records, their pairings and the volunteers.  Without any
 * Annex 1 table, the Annex 1 counts are 0 and as_of is %NULL.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set (also
 * when there is no table dated @as_of)
 */
ShouhuFigures *
shouhu_figures_compute (ShouhuStore  *store,
                        const char   *as_of,
                        GError      **error)
{
  g_autoptr(ShouhuFigures) figures = g_new0 (ShouhuFigures, 1);
  ShouhuDistrictFigures *city = &figures->city;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);

  if (!choose_date (store, as_of, &figures->as_of, error))
    return NULL;

  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    figures->districts[i].district_id = i + 1;

  if (!count_districts (store, figures, error) ||
      !count_all_volunteers (store, &city->volunteers, error))
    return NULL;

  city->district_id = 0;
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    {
      ShouhuDistrictFigures *f = &figures->districts[i];

      set_attention (f);
      city->annex1_total += f->annex1_total;
      city->annex1_hubei += f->annex1_hubei;
      city->workers += f->workers;
      city->covered += f->covered;
    }
  set_attention (city);

  return g_steal_pointer (&figures);
}

void
shouhu_figures_free (ShouhuFigures *figures)
{
  if (figures == NULL)
    return;
  g_free (figures->as_of);
  g_free (figures);
}

/**
 * shouhu_figures_coverage:
 *
 * Returns: the share of recorded families with a volunteer, 0 to 1; 0 when
 * no worker is recorded
 */
double
shouhu_figures_coverage (const ShouhuDistrictFigures *f)
{
  g_return_val_if_fail (f != NULL, 0.0);

  if (f->workers <= 0)
    return 0.0;
  return (double) f->covered / (double) f->workers;
}

/* bench-ledger.c — the service ledger with a million records
 *
 * Fills a temporary database with 100,000 families (workers), as many
 * volunteers, one pairing each, and ten services per family spread over
 * February and March 2020 (a million records), with plain SQL.  Then
 * measures, each against a baseline measured in the same run:
 *   entry:     shouhu_ledger_save() of one record (validation, names,
 *              history, its own transaction) against a bare INSERT of the
 *              record and its volunteer in a transaction of its own;
 *   lists:     a family's and a volunteer's ledger against a bare SELECT
 *              of the same rows;
 *   overview:  the open needs and families 需回访 per district against a
 *              bare aggregate of the last contact per family;
 *   report:    the work report of both months for all districts (figures,
 *              and figures written as xlsx) against a bare sqlite3
 *              aggregate over the same rows, as SQLite plans it and
 *              reading the table in order.
 * The ratios are what to compare between machines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "bench-util.h"
#include "shouhu-store-private.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "shouhu-ledger.h"
#include "shouhu-work-report.h"

/* SHOUHU_BENCH_FAMILIES=1000 makes a quick trial run. */
#define N_FAMILIES ((guint) (g_getenv ("SHOUHU_BENCH_FAMILIES") ? atoi (g_getenv ("SHOUHU_BENCH_FAMILIES")) : 100000))
#define PER_FAMILY 10
#define N_ENTRIES  200
#define N_LISTS    1000
#define REPEAT     5

static const char *const kinds[] = { "care", "tutoring", "supplies", "transport", "greeting", "greeting", "other" };

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_done (sqlite3      *db,
           sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* A day of February or March 2020. */
static char *
day_of (guint n)
{
  guint d = n % 60;

  return d < 29 ? g_strdup_printf ("2020-02-%02u", d + 1) : g_strdup_printf ("2020-03-%02u", d - 28);
}

static void
populate (ShouhuStore *store)
{
  sqlite3 *db = shouhu_store_get_db (store);
  sqlite3_stmt *worker, *volunteer, *pairing, *service, *service_volunteer;

  exec (db, "BEGIN");
  worker = prepare (db, "INSERT INTO worker (id, district_id, hospital, name, gender, phone, created, changed)"
                        " VALUES (?1, ?2, '重庆市人民医院', '医护' || ?1, '女', printf ('138%08d', ?1),"
                        " '2020-02-01T08:00:00', '2020-02-01T08:00:00')");
  volunteer = prepare (db, "INSERT INTO volunteer (id, name, phone, district_id, created, changed)"
                           " VALUES (?1, '志愿者' || ?1, printf ('139%08d', ?1), ?2, 'x', 'x')");
  pairing = prepare (db, "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (?1, ?1, 'x')");
  for (guint i = 1; i <= N_FAMILIES; i++)
    {
      sqlite3_bind_int (worker, 1, (int) i);
      sqlite3_bind_int (worker, 2, (int) (i % SHOUHU_N_DISTRICTS) + 1);
      step_done (db, worker);
      sqlite3_bind_int (volunteer, 1, (int) i);
      sqlite3_bind_int (volunteer, 2, (int) (i % SHOUHU_N_DISTRICTS) + 1);
      step_done (db, volunteer);
      sqlite3_bind_int (pairing, 1, (int) i);
      step_done (db, pairing);
    }
  service = prepare (db, "INSERT INTO service (id, worker_id, day, kind, content, minutes, need, solved, typical,"
                         " story, created, changed) VALUES (?1, ?2, ?3, ?4, '电话了解家中情况', ?5, ?6, ?7, ?8, ?9,"
                         " 'x', 'x')");
  service_volunteer = prepare (db, "INSERT INTO service_volunteer (service_id, volunteer_id) VALUES (?1, ?2)");
  for (guint i = 0; i < N_FAMILIES * PER_FAMILY; i++)
    {
      guint family = i / PER_FAMILY + 1;
      g_autofree char *day = day_of (i * 7 + family);
      gboolean need = i % 5 == 0, typical = i % 997 == 0;

      sqlite3_bind_int (service, 1, (int) i + 1);
      sqlite3_bind_int (service, 2, (int) family);
      sqlite3_bind_text (service, 3, day, -1, SQLITE_STATIC);
      sqlite3_bind_text (service, 4, kinds[i % G_N_ELEMENTS (kinds)], -1, SQLITE_STATIC);
      sqlite3_bind_int (service, 5, 10 + (int) (i % 50));
      sqlite3_bind_text (service, 6, need ? "买药" : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (service, 7, need && i % 3 != 0);
      sqlite3_bind_int (service, 8, typical);
      sqlite3_bind_text (service, 9, typical ? "志愿者连续多日接送医护人员上下班" : "", -1, SQLITE_STATIC);
      step_done (db, service);
      sqlite3_bind_int (service_volunteer, 1, (int) i + 1);
      sqlite3_bind_int (service_volunteer, 2, (int) family);
      step_done (db, service_volunteer);
    }
  sqlite3_finalize (worker);
  sqlite3_finalize (volunteer);
  sqlite3_finalize (pairing);
  sqlite3_finalize (service);
  sqlite3_finalize (service_volunteer);
  exec (db, "COMMIT");
  exec (db, "ANALYZE");
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static void
report (const char *what,
        double      ours,
        double      base,
        const char *baseline)
{
  g_print ("| %s | %.3f ms | %.3f ms: %s | %.2f |\n", what, ours, base, baseline, ours / MAX (base, 1e-6));
}

/* Entry ------------------------------------------------------------------- */

static double
entry_ours (ShouhuStore *store)
{
  double times[N_ENTRIES];

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      g_autoptr(ShouhuService) s = shouhu_service_new ();
      g_autoptr(GError) error = NULL;
      gint64 family = (gint64) (i * 7919 % N_FAMILIES) + 1;
      gint64 start;

      s->worker_id = family;
      shouhu_service_add_volunteer (s, family);
      g_free (s->day);
      s->day = g_strdup ("2020-03-31");
      s->kind = SHOUHU_SERVICE_GREETING;
      s->minutes = 15;
      g_free (s->content);
      s->content = g_strdup ("电话问候");
      start = g_get_monotonic_time ();
      if (shouhu_ledger_save (store, s, &error) == 0)
        g_error ("%s", error->message);
      times[i] = ms_since (start);
    }
  return median (times, N_ENTRIES);
}

static double
entry_baseline (ShouhuStore *store)
{
  sqlite3 *db = shouhu_store_get_db (store);
  sqlite3_stmt *service = prepare (db, "INSERT INTO service (worker_id, day, kind, content, minutes, created, changed)"
                                       " VALUES (?1, '2020-03-31', 'greeting', '电话问候', 15, 'x', 'x')");
  sqlite3_stmt *volunteer = prepare (db, "INSERT INTO service_volunteer (service_id, volunteer_id) VALUES (?1, ?2)");
  double times[N_ENTRIES];

  for (guint i = 0; i < N_ENTRIES; i++)
    {
      gint64 family = (gint64) (i * 6007 % N_FAMILIES) + 1;
      gint64 start = g_get_monotonic_time ();

      exec (db, "BEGIN IMMEDIATE");
      sqlite3_bind_int64 (service, 1, family);
      step_done (db, service);
      sqlite3_bind_int64 (volunteer, 1, sqlite3_last_insert_rowid (db));
      sqlite3_bind_int64 (volunteer, 2, family);
      step_done (db, volunteer);
      exec (db, "COMMIT");
      times[i] = ms_since (start);
    }
  sqlite3_finalize (service);
  sqlite3_finalize (volunteer);
  return median (times, N_ENTRIES);
}

/* Lists ------------------------------------------------------------------- */

static double
list_ours (ShouhuStore *store,
           gboolean     volunteer)
{
  gint64 start = g_get_monotonic_time ();
  guint rows = 0;

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = (gint64) (i * 104729 % N_FAMILIES) + 1;
      g_autoptr(GPtrArray) list = volunteer ? shouhu_ledger_volunteer_services (store, id, &error)
                                            : shouhu_ledger_family_services (store, id, FALSE, &error);

      if (list == NULL)
        g_error ("%s", error->message);
      rows += list->len;
    }
  g_assert_cmpuint (rows, >=, N_LISTS * PER_FAMILY);
  return ms_since (start) / N_LISTS;
}

static double
list_baseline (ShouhuStore *store,
               gboolean     volunteer)
{
  sqlite3 *db = shouhu_store_get_db (store);
  sqlite3_stmt *stmt = prepare (db, volunteer
                                      ? "SELECT s.* FROM service_volunteer v JOIN service s ON s.id = v.service_id"
                                        " WHERE v.volunteer_id = ?"
                                      : "SELECT * FROM service WHERE worker_id = ?");
  gint64 start = g_get_monotonic_time ();
  guint rows = 0;

  for (guint i = 0; i < N_LISTS; i++)
    {
      sqlite3_bind_int64 (stmt, 1, (gint64) (i * 104729 % N_FAMILIES) + 1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  g_assert_cmpuint (rows, >=, N_LISTS * PER_FAMILY);
  return ms_since (start) / N_LISTS;
}

/* Overview and report ----------------------------------------------------- */

static double
overview_ours (ShouhuStore *store)
{
  double times[REPEAT];

  for (guint r = 0; r < REPEAT; r++)
    {
      g_autoptr(GError) error = NULL;
      ShouhuLedgerCounts counts;
      gint64 start = g_get_monotonic_time ();

      if (!shouhu_ledger_count_districts (store, "2020-04-01", SHOUHU_REVISIT_DAYS_DEFAULT, &counts, &error))
        g_error ("%s", error->message);
      times[r] = ms_since (start);
      g_assert_cmpint (counts.city_open_needs, >, 0);
    }
  return median (times, REPEAT);
}

static double
bare_aggregate (ShouhuStore *store,
                const char  *sql)
{
  double times[REPEAT];

  for (guint r = 0; r < REPEAT; r++)
    {
      sqlite3_stmt *stmt = prepare (shouhu_store_get_db (store), sql);
      gint64 start = g_get_monotonic_time ();
      guint rows = 0;

      while (sqlite3_step (stmt) == SQLITE_ROW)
        rows++;
      times[r] = ms_since (start);
      sqlite3_finalize (stmt);
      g_assert_cmpuint (rows, >, 0);
    }
  return median (times, REPEAT);
}

static double
report_ours (ShouhuStore *store,
             const char  *path)
{
  double times[REPEAT];

  for (guint r = 0; r < REPEAT; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShouhuWorkReport) report = NULL;
      gint64 start = g_get_monotonic_time ();
      gboolean ok;

      if (path != NULL)
        ok = shouhu_work_report_run (store, "2020-02-01", "2020-03-31", 0, FALSE, path, &error);
      else
        ok = (report = shouhu_work_report_compute (store, "2020-02-01", "2020-03-31", 0, &error)) != NULL;
      if (!ok)
        g_error ("%s", error->message);
      times[r] = ms_since (start);
    }
  return median (times, REPEAT);
}

/* As SQLite plans it by itself: the index on day. */
static const char bare_report[] =
  "SELECT w.district_id, s.kind, count (*), sum (s.minutes), sum (s.need <> ''), sum (s.solved)"
  "  FROM service s JOIN worker w ON w.id = s.worker_id"
  " WHERE s.day BETWEEN '2020-02-01' AND '2020-03-31' GROUP BY w.district_id, s.kind";

/* The same, reading the table in order. */
static const char bare_report_scan[] =
  "SELECT w.district_id, s.kind, count (*), sum (s.minutes), sum (s.need <> ''), sum (s.solved)"
  "  FROM service s JOIN worker w ON w.id = s.worker_id"
  " WHERE +s.day BETWEEN '2020-02-01' AND '2020-03-31' GROUP BY w.district_id, s.kind";

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouhu-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  populate (store);
  g_print ("Filled %u families, %u volunteers and %u services in %.1f s\n\n", N_FAMILIES, N_FAMILIES,
           N_FAMILIES * PER_FAMILY, ms_since (start) / 1000.0);

  g_print ("| bench-ledger: %u families, %u services | Shouhu | baseline | ratio |\n", N_FAMILIES,
           N_FAMILIES * PER_FAMILY);
  g_print ("|---|---|---|---|\n");
  report ("entry: save one record (median of 200)", entry_ours (store), entry_baseline (store),
          "bare INSERT of the record and its volunteer, one transaction");
  report ("a family's ledger (average of 1000)", list_ours (store, FALSE), list_baseline (store, FALSE),
          "bare SELECT of the family's rows");
  report ("a volunteer's ledger (average of 1000)", list_ours (store, TRUE), list_baseline (store, TRUE),
          "bare SELECT of the volunteer's rows");
  report ("overview: open needs and 需回访 per district (median of 5)", overview_ours (store),
          bare_aggregate (store, "SELECT worker_id, max (day) FROM service GROUP BY worker_id"),
          "bare aggregate: last contact per family");
  {
    double figures = report_ours (store, NULL);
    double written = report_ours (store, xlsx);

    report ("work report, two months, all districts: figures (median of 5)", figures,
            bare_aggregate (store, bare_report), "bare aggregate of the same rows by district and kind");
    report ("work report, the same", figures, bare_aggregate (store, bare_report_scan),
            "the bare aggregate reading the table in order");
    report ("work report, the same written as xlsx (median of 5)", written,
            bare_aggregate (store, bare_report_scan), "the bare aggregate reading the table in order");
  }

  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}

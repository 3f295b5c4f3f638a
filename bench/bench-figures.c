/* bench-figures.c — how fast the overview's figures are with 100,000
 * records
 *
 * Writes 100,000 families and as many volunteers straight into a
 * temporary database, with the history the window would have written:
 * four in five typed (a row per field of each new record, a few edited
 * since, some moved to another district or deleted), one in five
 * imported from a district's file (no history rows, the record points
 * to its import).  Then computes the figures as the overview does —
 * counts, rates, readiness, and for each district when its Annex 2 last
 * changed and through what — against a baseline measured in the same
 * run: a bare query that finds the last history row of every record,
 * the least any per-record lookup of the last change costs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "shouhu-store-private.h"

#include <locale.h>

#include "bench-util.h"
#include "shouhu-district.h"
#include "shouhu-figures.h"

#define REPEAT 5

/* The fields a typed record's creation writes a history row for. */
static const char *const fields[] = { "district_id", "hospital", "name", "gender", "title", "work_place",
                                      "home_address", "phone" };

static sqlite3_stmt *
prepare (ShouhuStore *store,
         const char  *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = shouhu_store_prepare (store, sql, &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  return stmt;
}

static void
run (ShouhuStore  *store,
     sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  if (!shouhu_store_run_statement (store, stmt, &error))
    g_error ("%s", error->message);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

static void
add_history (ShouhuStore  *store,
             sqlite3_stmt *stmt,
             const char   *at,
             gint64        id,
             const char   *action,
             const char   *field,
             const char   *old_value)
{
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, old_value, -1, SQLITE_TRANSIENT);
  run (store, stmt);
}

/* A moment in November 2026, the same for the same @i. */
static char *
moment (guint i)
{
  return g_strdup_printf ("2026-11-%02uT%02u:%02u:%02u", 1 + i % 28, i % 24, i % 60, (i / 60) % 60);
}

static void
populate (ShouhuStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *event = prepare (store, "INSERT INTO import_event (id, at, kind, file_name, sha256) "
                                        "VALUES (?, ?, 'annex2', ?, '')");
  sqlite3_stmt *volunteer = prepare (store, "INSERT INTO volunteer (id, name, phone, district_id, created, changed) "
                                            "VALUES (?, ?, ?, ?, '2026-11-01T08:00:00', '2026-11-01T08:00:00')");
  sqlite3_stmt *worker = prepare (store, "INSERT INTO worker (id, district_id, hospital, name, gender, phone, "
                                         "created, changed, import_id) VALUES (?, ?, '重庆市人民医院', ?, '女', ?, ?, ?, ?)");
  sqlite3_stmt *pairing = prepare (store, "INSERT INTO pairing (worker_id, volunteer_id, created) "
                                          "VALUES (?, ?, '2026-11-01T08:00:00')");
  sqlite3_stmt *history = prepare (store, "INSERT INTO history (at, entity, entity_id, action, field, old_value) "
                                          "VALUES (?, 'worker', ?, ?, ?, ?)");
  guint n = bench_n_records ();

  if (!shouhu_store_begin (store, &error))
    g_error ("%s", error->message);
  for (int d = 1; d <= SHOUHU_N_DISTRICTS; d++)
    {
      g_autofree char *file = g_strdup_printf ("%s附件2（11月%d日）.xlsx", shouhu_district_get (d)->name, d % 28 + 1);
      g_autofree char *at = moment ((guint) d * 7919);

      sqlite3_bind_int (event, 1, d);
      sqlite3_bind_text (event, 2, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (event, 3, file, -1, SQLITE_TRANSIENT);
      run (store, event);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = bench_person_name (i);
      g_autofree char *phone = g_strdup_printf ("138%08u", i);
      g_autofree char *at = moment (i);
      int district = (int) (i % SHOUHU_N_DISTRICTS) + 1;
      gboolean imported = i % 5 == 0;

      sqlite3_bind_int64 (volunteer, 1, i + 1);
      sqlite3_bind_text (volunteer, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (volunteer, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (volunteer, 4, district);
      run (store, volunteer);

      sqlite3_bind_int64 (worker, 1, i + 1);
      sqlite3_bind_int (worker, 2, district);
      sqlite3_bind_text (worker, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (worker, 4, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (worker, 5, at, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (worker, 6, at, -1, SQLITE_TRANSIENT);
      if (imported)
        sqlite3_bind_int (worker, 7, district);
      run (store, worker);
      if (i % 10 != 0)
        {
          sqlite3_bind_int64 (pairing, 1, i + 1);
          sqlite3_bind_int64 (pairing, 2, i + 1);
          run (store, pairing);
        }
      if (!imported)
        for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
          add_history (store, history, at, i + 1, "create", fields[f], NULL);
      if (i % 50 == 1)
        add_history (store, history, "2026-11-27T09:00:00", i + 1, "edit", "title", "护士");
      /* Records deleted or moved out: history keeps the district's name. */
      if (i % 500 == 7)
        add_history (store, history, at, n + i + 1, "delete", "district_id", shouhu_district_get (district)->name);
    }
  sqlite3_finalize (event);
  sqlite3_finalize (volunteer);
  sqlite3_finalize (worker);
  sqlite3_finalize (pairing);
  sqlite3_finalize (history);
  if (!shouhu_store_commit (store, &error))
    g_error ("%s", error->message);
  /* As the database is after a while: its log written back. */
  if (!shouhu_store_exec (store, "PRAGMA wal_checkpoint (TRUNCATE)", &error))
    g_error ("%s", error->message);
}

/* The last history row of every record, read and thrown away. */
static double
baseline_last_rows (ShouhuStore *store)
{
  sqlite3_stmt *stmt = prepare (store, "SELECT w.id, (SELECT max (id) FROM history "
                                       "WHERE entity = 'worker' AND entity_id = w.id) FROM worker w");
  gint64 start = g_get_monotonic_time ();
  gint64 sum = 0;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    sum += sqlite3_column_int64 (stmt, 1);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sum, >, 0);
  return bench_ms_since (start);
}

static double
compute_figures (ShouhuStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuFigures) figures = NULL;
  gint64 start = g_get_monotonic_time ();
  double ms;

  figures = shouhu_figures_compute_full (store, NULL, "2026-11-29", 3, &error);
  ms = bench_ms_since (start);
  if (figures == NULL)
    g_error ("%s", error->message);
  /* Every district changed, typed or imported. */
  for (int i = 0; i < SHOUHU_N_DISTRICTS; i++)
    g_assert_cmpint (figures->districts[i].annex2_source, !=, SHOUHU_CHANGE_NONE);
  return ms;
}

int
main (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  double figures[REPEAT], baseline[REPEAT];
  gint64 start;

  setlocale (LC_ALL, "");
  store = bench_open_store (&dir);
  start = g_get_monotonic_time ();
  populate (store);
  g_print ("# %u families, volunteers and their history written in %.0f ms\n", bench_n_records (),
           bench_ms_since (start));

  for (int r = 0; r < REPEAT; r++)
    {
      figures[r] = compute_figures (store);
      baseline[r] = baseline_last_rows (store);
    }
  g_print ("# the overview's figures, with each district's last change and its source (median of %d): "
           "%.0f ms; the bare lookup of every record's last history row: %.0f ms\n",
           REPEAT, bench_median (figures, REPEAT), bench_median (baseline, REPEAT));

  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}

/* bench-volunteers.c — how the volunteers' list copes with 100,000 volunteers
 *
 * Creates 100,000 volunteers with their place, source, skills and
 * readiness fields, and 100,000 families paired with them, in a temporary
 * database (with plain SQL: the data set is the point, not how it is
 * made), then measures the page's model against baselines measured in the
 * same run:
 *   load:    a bare sqlite3 loop reading the same rows, doing nothing
 *   search:  a bare strstr() loop over the same strings
 *   sort:    qsort() of the same number of positions by a precomputed key
 * The ratios are what to compare between machines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "shouhu-store-private.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "shouhu-annex2.h"
#include "shouhu-annex2-index.h"
#include "shouhu-volunteer-list.h"

#define N_RECORDS bench_n_records ()
#define REPEAT    5
#define DAY       "2020-02-20"

static const char *const sources[] = { "党员", "教师", "大学生", "社会工作者", "青年志愿者", "群众", "其他" };

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

/* Volunteer i: a name, a phone, a district, one of 30 towns and 8
 * villages in it; most trained and equipped, insured until a day around
 * DAY, so that every readiness shows. */
static void
populate (ShouhuStore *store)
{
  sqlite3 *db = shouhu_store_get_db (store);
  g_autoptr(sqlite3_stmt) v = NULL;
  g_autoptr(sqlite3_stmt) w = NULL;
  g_autoptr(sqlite3_stmt) p = NULL;

  exec_or_die (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO volunteer (id, name, phone, district_id, town, village, note, created, "
                          "changed, gender, source, skills, trained_on, gear_on, gear, insurer, policy_no, "
                          "insured_from, insured_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, '', '2020-02-08T09:00:00', "
                          "'2020-02-08T09:00:00', ?7, ?8, ?9, ?10, ?11, ?12, '中国人寿', ?13, '2020-02-01', ?14)",
                      -1, &v, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO worker (id, district_id, hospital, name, gender, phone, created, changed) "
                          "VALUES (?1, ?2, '重庆市人民医院', ?3, '女', ?4, '2020-02-08T09:00:00', "
                          "'2020-02-08T09:00:00')", -1, &w, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (?1, ?2, "
                          "'2020-02-08T10:00:00')", -1, &p, NULL);
  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autofree char *name = bench_person_name (i);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);
      g_autofree char *town = g_strdup_printf ("第%u街道", (i / 41) % 30);
      g_autofree char *village = g_strdup_printf ("第%u社区", (i / 1230) % 8);
      g_autofree char *policy = g_strdup_printf ("P2020%06u", i);
      g_autofree char *until = g_strdup_printf ("2020-%02u-%02u", 2 + i % 3, 1 + i % 28);

      sqlite3_reset (v);
      sqlite3_bind_int64 (v, 1, i + 1);
      sqlite3_bind_text (v, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (v, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (v, 4, (int) (i % SHOUHU_N_DISTRICTS) + 1);
      sqlite3_bind_text (v, 5, town, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (v, 6, village, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (v, 7, i % 2 ? "男" : "女", -1, SQLITE_STATIC);
      sqlite3_bind_text (v, 8, sources[i % G_N_ELEMENTS (sources)], -1, SQLITE_STATIC);
      sqlite3_bind_int (v, 9, (int) (i % 64));
      sqlite3_bind_text (v, 10, i % 9 == 0 ? "" : "2020-02-05", -1, SQLITE_STATIC);
      sqlite3_bind_text (v, 11, "2020-02-06", -1, SQLITE_STATIC);
      sqlite3_bind_int (v, 12, i % 7 == 0 ? 3 : 7);
      sqlite3_bind_text (v, 13, policy, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (v, 14, until, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (v) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));

      sqlite3_reset (w);
      sqlite3_bind_int64 (w, 1, i + 1);
      sqlite3_bind_int (w, 2, (int) (i % SHOUHU_N_DISTRICTS) + 1);
      sqlite3_bind_text (w, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (w, 4, phone, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (w) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
    }
  for (guint i = 0; i < N_RECORDS; i++)
    {
      /* Family i by volunteer i (every tenth has none), and also by
       * volunteer i + 1 for every third (一对多, 多对一). */
      for (guint k = 0; k < (i % 10 == 0 ? 0u : (i % 3 == 0 ? 2u : 1u)); k++)
        {
          sqlite3_reset (p);
          sqlite3_bind_int64 (p, 1, i + 1);
          sqlite3_bind_int64 (p, 2, (i + k) % N_RECORDS + 1);
          if (sqlite3_step (p) != SQLITE_DONE)
            g_error ("%s", sqlite3_errmsg (db));
        }
    }
  exec_or_die (db, "COMMIT");
}

/* The same rows as the index, read and thrown away. */
static double
baseline_read (ShouhuStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize bytes = 0;

  sqlite3_prepare_v2 (shouhu_store_get_db (store),
                      "SELECT v.id, v.district_id, v.skills, v.gear, coalesce (c.n, 0), v.name, v.gender, v.phone, "
                      "  v.town, v.village, v.source, v.trained_on, v.gear_on, v.insurer, v.policy_no, "
                      "  v.insured_from, v.insured_until, v.note "
                      "FROM volunteer v LEFT JOIN (SELECT volunteer_id, count (*) AS n FROM pairing "
                      "GROUP BY volunteer_id) c ON c.volunteer_id = v.id "
                      "ORDER BY coalesce (v.district_id, 0), v.id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 5; c < 18; c++)
      bytes += (gsize) sqlite3_column_bytes (stmt, c);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (bytes, >, 0);
  return bench_ms_since (start);
}

static double
model_load (ShouhuStore *store)
{
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!shouhu_volunteer_list_load (list, store, DAY, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECORDS);
  return bench_ms_since (start);
}

static double
baseline_strstr (ShouhuVolunteerIndex *index,
                 const char           *needle,
                 guint                *hits)
{
  guint n = shouhu_volunteer_index_get_n_rows (index);
  gint64 start = g_get_monotonic_time ();

  *hits = 0;
  for (guint i = 0; i < n; i++)
    *hits += strstr (shouhu_volunteer_index_get_row (index, i)->haystack, needle) != NULL;
  return bench_ms_since (start);
}

static guint
keystroke (const char *typed,
           gpointer    user_data)
{
  ShouhuVolunteerList *list = user_data;

  shouhu_volunteer_list_set_query (list, typed);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static double
baseline_keystroke (const char *typed,
                    guint      *hits,
                    gpointer    user_data)
{
  g_autofree char *folded = shouhu_volunteer_fold_query (typed);

  return baseline_strstr (shouhu_volunteer_list_get_index (user_data), folded, hits);
}

/* Types @word into the page's model, as the search entry does. */
static void
type_word (ShouhuVolunteerList *list,
           const char          *word,
           int                  district_id)
{
  ShouhuVolunteerFilter filter = { district_id, NULL, SHOUHU_READINESS_FILTER_ALL, FALSE, "" };

  shouhu_volunteer_list_set_filter (list, &filter);
  bench_type_word (word, keystroke, baseline_keystroke, list);
  shouhu_volunteer_list_set_query (list, "");
}

static int
compare_keys (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const char **keys = user_data;

  return strcmp (keys[*(const guint *) a], keys[*(const guint *) b]);
}

/* The first sort by a column makes its keys; later ones reuse them. */
static void
sort_by (ShouhuVolunteerList   *list,
         ShouhuVolunteerColumn  column,
         const char            *what)
{
  ShouhuVolunteerIndex *index = shouhu_volunteer_list_get_index (list);
  guint n = shouhu_volunteer_index_get_n_rows (index);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree const char **keys = g_new (const char *, MAX (n, 1));
  gint64 start = g_get_monotonic_time ();
  double first, again, base;

  shouhu_volunteer_list_sort_by_column (list, column, FALSE);
  first = bench_ms_since (start);
  start = g_get_monotonic_time ();
  shouhu_volunteer_list_sort_by_column (list, column, TRUE);
  again = bench_ms_since (start);

  for (guint i = 0; i < n; i++)
    {
      order[i] = i;
      keys[i] = shouhu_volunteer_index_sort_key (index, i, column);
    }
  start = g_get_monotonic_time ();
  g_qsort_with_data (order, (int) n, sizeof (guint), compare_keys, keys);
  base = bench_ms_since (start);
  g_print ("  by %s: first %.1f ms (makes the keys), again %.1f ms; baseline (qsort by the keys) %.1f ms; "
           "ratio %.2f\n", what, first, again, base, again / base);
  shouhu_volunteer_list_sort_by_column (list, SHOUHU_VOLUNTEER_N_COLUMNS, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();
  double load[REPEAT], base[REPEAT];
  double load_ms, base_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  store = bench_open_store (&dir);

  g_print ("Volunteers' list with %u volunteers and %u families\n", N_RECORDS, N_RECORDS);
  start = g_get_monotonic_time ();
  populate (store);
  g_print ("  created the data set in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  baseline_read (store);  /* warm the page cache for both */
  for (int r = 0; r < REPEAT; r++)
    {
      base[r] = baseline_read (store);
      load[r] = model_load (store);
    }
  load_ms = bench_median (load, REPEAT);
  base_ms = bench_median (base, REPEAT);
  g_print ("Loading the page's model (median of %d):\n"
           "  model %.1f ms; baseline (bare sqlite3 read of the same rows) %.1f ms; ratio %.2f\n",
           REPEAT, load_ms, base_ms, load_ms / base_ms);

  g_assert_true (shouhu_volunteer_list_load (list, store, DAY, NULL));
  g_print ("Typing a name, all districts:\n");
  type_word (list, "王磊平", 0);
  g_print ("Typing a phone number with a space, all districts:\n");
  type_word (list, "139 0004", 0);
  g_print ("Typing a name within one district (%s):\n", shouhu_district_get (2)->name);
  type_word (list, "王磊平", 2);
  g_print ("Sorting all rows:\n");
  sort_by (list, SHOUHU_VOLUNTEER_COLUMN_NAME, "姓名");
  sort_by (list, SHOUHU_VOLUNTEER_COLUMN_STATUS, "上岗状态");
  sort_by (list, SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES, "守护家庭数");

  g_clear_object (&list);
  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}

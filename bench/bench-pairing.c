/* bench-pairing.c — suggestions and a district's proposal with 100,000
 * volunteers
 *
 * Puts 100,000 volunteers and 3,000 families into ONE district (万州区,
 * the worst case: every volunteer is a candidate for every family), in
 * real towns and villages of the gazetteer, most of the volunteers ready,
 * with skills; a quarter of the families with needs.  Then measures
 * against plain scans done in the same run:
 *   suggestions for one family: the index (built once) against a plain
 *     scan that reads the district's ready volunteers from SQLite, looks
 *     each one's place up and sorts them all, for every family;
 *   a district proposal (3,000 families, cap 3): shouhu_pairing_propose()
 *     against a plain greedy loop that scans every volunteer for every
 *     family (places looked up beforehand, not timed).
 * Times are wall-clock; the ratios are what to compare between machines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"
#include "shouhu-store-private.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "shouhu-address.h"
#include "shouhu-pairing.h"

/* SHOUHU_BENCH_RECORDS=1000 makes a quick trial run. */
#define N_VOLUNTEERS ((guint) (g_getenv ("SHOUHU_BENCH_RECORDS") ? atoi (g_getenv ("SHOUHU_BENCH_RECORDS")) : 100000))
#define N_FAMILIES   3000
#define N_SUGGEST    50
#define N_BASELINE   5
#define DISTRICT     1
#define DAY          "2020-02-20"
#define CAP          3

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
}

static const ShouhuPlace *
random_village (const ShouhuGazetteer *gazetteer,
                GRand                 *rand)
{
  const GPtrArray *villages = shouhu_gazetteer_get_district_villages (gazetteer, DISTRICT);

  return g_ptr_array_index (villages, g_rand_int_range (rand, 0, villages->len));
}

static void
populate (ShouhuStore           *store,
          const ShouhuGazetteer *gazetteer)
{
  sqlite3 *db = shouhu_store_get_db (store);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2020);
  g_autoptr(sqlite3_stmt) v = NULL;
  g_autoptr(sqlite3_stmt) w = NULL;

  exec_or_die (db, "BEGIN");
  sqlite3_prepare_v2 (db, "INSERT INTO volunteer (id, name, phone, district_id, town, village, created, changed, "
                          "skills, trained_on, gear_on, gear, insured_from, insured_until) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, '2020-02-08T09:00:00', '2020-02-08T09:00:00', ?7, "
                          "?8, '2020-02-06', 7, '2020-02-01', '2020-12-31')", -1, &v, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO worker (id, district_id, hospital, name, gender, phone, home_address, "
                          "note, needs, created, changed) VALUES (?1, ?2, '重庆三峡中心医院', ?3, '女', ?4, ?5, ?6, ?7, "
                          "?8, ?8)", -1, &w, NULL);
  for (guint i = 0; i < N_VOLUNTEERS; i++)
    {
      const ShouhuPlace *village = random_village (gazetteer, rand);
      g_autofree char *name = g_strdup_printf ("志愿者%u", i);
      g_autofree char *phone = g_strdup_printf ("139%08u", i);
      /* Written the ways rosters write them: full names, short ones, no village. */
      const char *town = i % 3 == 0 ? village->town->short_name : village->town->name;
      const char *place = i % 5 == 0 ? "" : i % 2 ? village->name : village->short_name;

      sqlite3_reset (v);
      sqlite3_bind_int64 (v, 1, i + 1);
      sqlite3_bind_text (v, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (v, 3, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (v, 4, DISTRICT);
      sqlite3_bind_text (v, 5, town, -1, SQLITE_STATIC);
      sqlite3_bind_text (v, 6, place, -1, SQLITE_STATIC);
      sqlite3_bind_int (v, 7, (int) (1u << (i % 6)) | (i % 4 == 0 ? SHOUHU_SKILL_CARE : 0));
      sqlite3_bind_text (v, 8, i % 10 == 0 ? "" : "2020-02-05", -1, SQLITE_STATIC);
      if (sqlite3_step (v) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
    }
  for (guint i = 0; i < N_FAMILIES; i++)
    {
      const ShouhuPlace *village = random_village (gazetteer, rand);
      g_autofree char *name = g_strdup_printf ("家庭%u", i);
      g_autofree char *phone = g_strdup_printf ("138%08u", i);
      g_autofree char *address = g_strdup_printf ("重庆市万州区%s%s%u组", village->town->name, village->name,
                                                  i % 12 + 1);
      g_autofree char *created = g_strdup_printf ("2020-02-%02uT%02u:00:00", 8 + i % 10, i % 24);

      sqlite3_reset (w);
      sqlite3_bind_int64 (w, 1, i + 1);
      sqlite3_bind_int (w, 2, DISTRICT);
      sqlite3_bind_text (w, 3, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (w, 4, phone, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (w, 5, address, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (w, 6, i % 20 == 0 ? "援鄂医疗队" : "", -1, SQLITE_STATIC);
      sqlite3_bind_int (w, 7, i % 4 == 0 ? (int) (SHOUHU_FAMILY_NEED_TUTORING | SHOUHU_FAMILY_NEED_SUPPLIES) : 0);
      sqlite3_bind_text (w, 8, created, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (w) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
    }
  exec_or_die (db, "COMMIT");
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Sorts @values in place. */
static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* ---- The plain scan ---------------------------------------------------- */

typedef struct
{
  gint64             id;
  const ShouhuPlace *town;
  const ShouhuPlace *village;
  guint              load;
  int                rank;
} Plain;

static int
compare_plain (gconstpointer a,
               gconstpointer b)
{
  const Plain *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank - y->rank;
  if (x->load != y->load)
    return x->load < y->load ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static int
rank_of (const ShouhuAddressMatch *family,
         const Plain              *p)
{
  if (family->village != NULL && p->village == family->village)
    return 0;
  if (family->town != NULL && p->town == family->town)
    return 1;
  return 2;
}

/* Everything read and looked up again for one family, all sorted. */
static gint64
plain_suggest (ShouhuStore           *store,
               const ShouhuGazetteer *gazetteer,
               const char            *home_address)
{
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *sql = g_strdup_printf ("SELECT v.id, v.town, v.village, (SELECT count(*) FROM pairing p "
                                          "WHERE p.volunteer_id = v.id) FROM volunteer v "
                                          "WHERE v.district_id = %d AND %s", DISTRICT, ready);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Plain));
  sqlite3_stmt *stmt = NULL;
  ShouhuAddressMatch family;

  shouhu_address_read (gazetteer, home_address, DISTRICT, &family);
  sqlite3_prepare_v2 (shouhu_store_get_db (store), sql, -1, &stmt, NULL);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), DAY, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Plain p = { sqlite3_column_int64 (stmt, 0), NULL, NULL, (guint) sqlite3_column_int (stmt, 3), 0 };
      const char *village = (const char *) sqlite3_column_text (stmt, 2);

      p.town = shouhu_gazetteer_find_town (gazetteer, DISTRICT, (const char *) sqlite3_column_text (stmt, 1));
      p.village = *village != '\0' ? shouhu_gazetteer_find_village (gazetteer, DISTRICT, p.town, village) : NULL;
      if (p.village != NULL)
        p.town = p.village->town;
      p.rank = rank_of (&family, &p);
      g_array_append_val (all, p);
    }
  sqlite3_finalize (stmt);
  g_array_sort (all, compare_plain);
  return all->len > 0 ? g_array_index (all, Plain, 0).id : 0;
}

/* The greedy proposal as a plain loop: every volunteer looked at for
 * every family (places and addresses read beforehand). */
static guint
plain_propose (GArray                  *volunteers,
               const ShouhuAddressMatch *families,
               guint                    n_families)
{
  guint proposed = 0;

  for (guint f = 0; f < n_families; f++)
    {
      Plain *best = NULL;

      for (guint i = 0; i < volunteers->len; i++)
        {
          Plain *p = &g_array_index (volunteers, Plain, i);

          if (p->load >= CAP)
            continue;
          p->rank = rank_of (&families[f], p);
          if (best == NULL || compare_plain (p, best) < 0)
            best = p;
        }
      if (best != NULL)
        {
          best->load++;
          proposed++;
        }
    }
  return proposed;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("shouhu-bench-pairing-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(ShouhuPairingIndex) index = NULL;
  g_autoptr(GPtrArray) proposals = NULL;
  g_autoptr(GArray) volunteers = g_array_new (FALSE, FALSE, sizeof (Plain));
  g_autofree ShouhuAddressMatch *families = g_new0 (ShouhuAddressMatch, N_FAMILIES);
  const ShouhuGazetteer *gazetteer = shouhu_gazetteer_get_default (&error);
  double suggest_ms[N_SUGGEST], need_ms[N_SUGGEST], plain_ms[N_BASELINE];
  double build_ms, propose_ms, basic_ms, plain_propose_ms;
  guint plain_proposed, n_basic;
  gint64 start;

  g_assert_no_error (error);
  store = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  populate (store, gazetteer);

  start = g_get_monotonic_time ();
  index = shouhu_pairing_index_new (store, NULL, DISTRICT, DAY, &error);
  g_assert_no_error (error);
  build_ms = ms_since (start);

  for (guint i = 0; i < N_SUGGEST; i++)
    {
      g_autoptr(GPtrArray) basic = NULL;
      g_autoptr(GPtrArray) need = NULL;
      gint64 worker = (gint64) (i * (N_FAMILIES / N_SUGGEST)) + 1;

      start = g_get_monotonic_time ();
      basic = shouhu_pairing_index_suggest (index, store, worker, SHOUHU_PAIRING_BASIC, 10, &error);
      suggest_ms[i] = ms_since (start);
      g_assert_no_error (error);
      g_assert_cmpuint (basic->len, ==, 10);
      start = g_get_monotonic_time ();
      need = shouhu_pairing_index_suggest (index, store, worker, SHOUHU_FAMILY_NEED_TUTORING, 10, &error);
      need_ms[i] = ms_since (start);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < N_BASELINE; i++)
    {
      g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, (gint64) i * 100 + 1, &error);
      gint64 first;

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      first = plain_suggest (store, gazetteer, w->home_address);
      plain_ms[i] = ms_since (start);
      g_assert_cmpint (first, >, 0);
    }

  start = g_get_monotonic_time ();
  proposals = shouhu_pairing_propose (store, NULL, DISTRICT, DAY, CAP, TRUE, &error);
  propose_ms = ms_since (start);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) basic_only = NULL;

    start = g_get_monotonic_time ();
    basic_only = shouhu_pairing_propose (store, NULL, DISTRICT, DAY, CAP, FALSE, &error);
    basic_ms = ms_since (start);
    g_assert_no_error (error);
    n_basic = basic_only->len;
  }

  /* The plain loop's data, read and looked up untimed. */
  {
    g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
    g_autofree char *sql = g_strdup_printf ("SELECT v.id, v.town, v.village FROM volunteer v "
                                            "WHERE v.district_id = %d AND %s ORDER BY v.id", DISTRICT, ready);
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (shouhu_store_get_db (store), sql, -1, &stmt, NULL);
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), DAY, -1, SQLITE_STATIC);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        Plain p = { sqlite3_column_int64 (stmt, 0), NULL, NULL, 0, 0 };
        const char *village = (const char *) sqlite3_column_text (stmt, 2);

        p.town = shouhu_gazetteer_find_town (gazetteer, DISTRICT, (const char *) sqlite3_column_text (stmt, 1));
        p.village = *village != '\0' ? shouhu_gazetteer_find_village (gazetteer, DISTRICT, p.town, village) : NULL;
        if (p.village != NULL)
          p.town = p.village->town;
        g_array_append_val (volunteers, p);
      }
    sqlite3_finalize (stmt);
    for (guint i = 0; i < N_FAMILIES; i++)
      {
        g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, (gint64) i + 1, &error);

        g_assert_no_error (error);
        shouhu_address_read (gazetteer, w->home_address, DISTRICT, &families[i]);
      }
  }
  start = g_get_monotonic_time ();
  plain_proposed = plain_propose (volunteers, families, N_FAMILIES);
  plain_propose_ms = ms_since (start);

  g_print ("%u ready volunteers of %u, %u families, one district\n",
           shouhu_pairing_index_get_n_ready (index), N_VOLUNTEERS, N_FAMILIES);
  g_print ("build the district's index (once)              %8.1f ms\n", build_ms);
  g_print ("suggest basic guardian, one family (median of %u)%8.2f ms   plain scan (median of %u) %8.1f ms   ratio %.3f\n",
           N_SUGGEST, median (suggest_ms, N_SUGGEST), N_BASELINE, median (plain_ms, N_BASELINE),
           median (suggest_ms, N_SUGGEST) / median (plain_ms, N_BASELINE));
  g_print ("suggest for a need, tutoring (median of %u)   %8.2f ms\n", N_SUGGEST, median (need_ms, N_SUGGEST));
  g_print ("propose for the district, with needs, cap %d   %8.1f ms (%u proposals)\n",
           CAP, propose_ms, proposals->len);
  g_print ("propose for the district, basic only, cap %d  %8.1f ms (%u proposals)\n", CAP, basic_ms, n_basic);
  g_print ("plain greedy loop, basic only, cap %d          %8.1f ms (%u proposals)   ratio %.3f\n",
           CAP, plain_propose_ms, plain_proposed, basic_ms / plain_propose_ms);

  g_clear_object (&store);
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
  return 0;
}

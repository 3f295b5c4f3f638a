/* bench-annex2.c — how the Annex 2 list copes with 100,000 records
 *
 * Creates 100,000 workers and 100,000 volunteers with pairings in a
 * temporary database (through core/, as the app would), then measures the
 * page's model — loading it, and one search per keystroke while a name is
 * typed — each against a baseline measured in the same run:
 *   load:   a bare sqlite3 loop that reads the same rows, doing nothing
 *   search: a bare strstr() loop over the same strings
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
#include "shouhu-worker-list.h"

#define N_RECORDS bench_n_records ()
#define REPEAT    5

static const char *const hospitals[] = { "重庆医科大学附属第一医院", "重庆市人民医院", "陆军军医大学西南医院",
                                         "重庆市中医院", "重庆市公共卫生医疗救治中心", "万州区人民医院" };

static void
populate (ShouhuStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_store_begin (store, &error));
  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();

      g_free (v->name);
      v->name = bench_person_name (i * 7 + 3);
      g_free (v->phone);
      v->phone = g_strdup_printf ("139%08u", i);
      v->district_id = (int) (i % SHOUHU_N_DISTRICTS) + 1;
      if (shouhu_annex2_save_volunteer (store, v, &error) == 0)
        g_error ("%s", error->message);
    }
  for (guint i = 0; i < N_RECORDS; i++)
    {
      g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
      /* One volunteer for most families, two for every third, none for
       * every tenth; volunteer i also guards family i + 1 (多对一). */
      gint64 ids[2] = { i + 1, (i + 1) % N_RECORDS + 1 };
      gsize n = i % 10 == 0 ? 0 : (i % 3 == 0 ? 2 : 1);

      w->district_id = (int) (i % SHOUHU_N_DISTRICTS) + 1;
      g_free (w->hospital);
      w->hospital = g_strdup (hospitals[i % G_N_ELEMENTS (hospitals)]);
      g_free (w->name);
      w->name = bench_person_name (i);
      g_free (w->gender);
      w->gender = g_strdup (i % 2 ? "男" : "女");
      g_free (w->home_address);
      w->home_address = g_strdup_printf ("重庆市某区某街道%u号", i);
      g_free (w->phone);
      w->phone = g_strdup_printf ("138%08u", i);
      g_free (w->family_phone);
      w->family_phone = g_strdup_printf ("023-6%07u", i);
      if (shouhu_annex2_save_worker (store, w, ids, n, TRUE, &error) == 0)
        g_error ("%s", error->message);
    }
  g_assert_true (shouhu_store_commit (store, &error));
}

/* The same query as the index, read and thrown away. */
static double
baseline_read (ShouhuStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  gsize bytes = 0;

  sqlite3_prepare_v2 (shouhu_store_get_db (store),
                      "SELECT w.id, w.district_id, w.hospital, w.name, w.gender, w.title, "
                      "  w.work_place, w.home_address, w.phone, w.family_phone, w.note, "
                      "  (SELECT count (*) || ' ' || coalesce (group_concat (v.name, '、'), '') "
                      "   FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id "
                      "   WHERE p.worker_id = w.id) "
                      "FROM worker w ORDER BY w.district_id, w.id", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 2; c < 12; c++)
      bytes += (gsize) sqlite3_column_bytes (stmt, c);
  sqlite3_finalize (stmt);
  g_assert_cmpuint (bytes, >, 0);
  return bench_ms_since (start);
}

static double
model_load (ShouhuStore *store)
{
  g_autoptr(ShouhuWorkerList) list = shouhu_worker_list_new ();
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!shouhu_worker_list_load (list, store, &error))
    g_error ("%s", error->message);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_RECORDS);
  return bench_ms_since (start);
}

/* strstr over the same strings, with no folding and no result list. */
static double
baseline_strstr (ShouhuAnnex2Index *index,
                 const char        *needle,
                 guint             *hits)
{
  guint n = shouhu_annex2_index_get_n_rows (index);
  gint64 start = g_get_monotonic_time ();

  *hits = 0;
  for (guint i = 0; i < n; i++)
    *hits += strstr (shouhu_annex2_index_get_row (index, i)->haystack, needle) != NULL;
  return bench_ms_since (start);
}

typedef struct
{
  ShouhuWorkerList *list;
  int               district_id;
} Typing;

static guint
keystroke (const char *typed,
           gpointer    user_data)
{
  Typing *t = user_data;

  shouhu_worker_list_set_filter (t->list, t->district_id, typed);
  return g_list_model_get_n_items (G_LIST_MODEL (t->list));
}

static double
baseline_keystroke (const char *typed,
                    guint      *hits,
                    gpointer    user_data)
{
  Typing *t = user_data;
  g_autofree char *folded = shouhu_annex2_fold (typed);

  return baseline_strstr (shouhu_worker_list_get_index (t->list), folded, hits);
}

/* Types @word into the page's model, as the search entry does. */
static void
type_word (ShouhuStore *store,
           const char  *word,
           int          district_id)
{
  g_autoptr(ShouhuWorkerList) list = shouhu_worker_list_new ();
  Typing typing = { list, district_id };

  g_assert_true (shouhu_worker_list_load (list, store, NULL));
  shouhu_worker_list_set_filter (list, district_id, "");
  bench_type_word (word, keystroke, baseline_keystroke, &typing);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  double load[REPEAT], base[REPEAT];
  double load_ms, base_ms;
  gint64 start;

  setlocale (LC_ALL, "");
  store = bench_open_store (&dir);

  g_print ("Annex 2 list with %u workers and %u volunteers\n", N_RECORDS, N_RECORDS);
  start = g_get_monotonic_time ();
  populate (store);
  g_print ("  created the data set in %.1f s (one transaction, through core/)\n",
           (g_get_monotonic_time () - start) / 1e6);

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

  g_print ("Typing a name, all districts:\n");
  type_word (store, "王磊平", 0);
  g_print ("Typing Latin letters and digits, all districts:\n");
  type_word (store, "1380004", 0);
  g_print ("Typing a name within one district (%s):\n", shouhu_district_get (2)->name);
  type_word (store, "王磊平", 2);

  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}

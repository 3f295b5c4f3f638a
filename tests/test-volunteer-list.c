/* test-volunteer-list.c — the volunteers' list: rows, readiness, 守护家庭数,
 * filters, search, sort and loading on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex2.h"
#include "shouhu-district.h"
#include "shouhu-test-util.h"
#include "shouhu-test-volunteer.h"
#include "shouhu-volunteer-list.h"

#include <string.h>

#define D "2020-02-10"

typedef struct
{
  char        *dir;
  ShouhuStore *store;
  gint64       ids[5];
  gint64       workers[2];
} Fixture;

static gint64
add_volunteer (ShouhuStore *store,
               const char  *name,
               const char  *phone,
               const char  *district,
               const char  *town,
               gboolean     ready,
               const char  *insured_until)
{
  const char *values[SHOUHU_N_VOLUNTEER_FIELDS] = {
    [SHOUHU_VOLUNTEER_FIELD_NAME] = name,
    [SHOUHU_VOLUNTEER_FIELD_PHONE] = phone,
    [SHOUHU_VOLUNTEER_FIELD_DISTRICT] = district,
    [SHOUHU_VOLUNTEER_FIELD_TOWN] = town,
    [SHOUHU_VOLUNTEER_FIELD_SKILLS] = "驾驶、辅导",
    [SHOUHU_VOLUNTEER_FIELD_TRAINED_ON] = "2020-02-01",
    [SHOUHU_VOLUNTEER_FIELD_GEAR_ON] = "2020-02-01",
    [SHOUHU_VOLUNTEER_FIELD_GEAR] = ready ? "齐全" : "口罩",
    [SHOUHU_VOLUNTEER_FIELD_INSURED_FROM] = "2020-02-01",
    [SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL] = insured_until,
  };

  return shouhu_test_add_volunteer (store, values);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fx->store = shouhu_test_new_store (&path);
  fx->dir = g_path_get_dirname (path);
  fx->ids[0] = add_volunteer (fx->store, "周小红", "133 0000 1234", "渝中区", "解放碑街道", TRUE, "2020-12-31");
  fx->ids[1] = add_volunteer (fx->store, "吴刚", "13800001111", "渝中区", "七星岗街道", FALSE, "2020-12-31");
  fx->ids[2] = add_volunteer (fx->store, "孙丽", "15000005678", "万州区", "龙沙镇", TRUE, "2020-02-12");
  fx->ids[3] = add_volunteer (fx->store, "郑浩", "", "", "", TRUE, "2020-02-09");
  fx->ids[4] = add_volunteer (fx->store, "阿红", "13900009999", "渝中区", "解放碑街道", TRUE, "2020-06-30");
  fx->workers[0] = shouhu_test_add_worker (fx->store, "渝中区", "张丽", "13900001111");
  fx->workers[1] = shouhu_test_add_worker (fx->store, "渝中区", "王芳", "13900002222");
  g_assert_true (shouhu_annex2_pair (fx->store, fx->workers[0], fx->ids[0], NULL));
  g_assert_true (shouhu_annex2_pair (fx->store, fx->workers[1], fx->ids[0], NULL));
  g_assert_true (shouhu_annex2_pair (fx->store, fx->workers[1], fx->ids[1], NULL));
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  shouhu_test_rm_rf (fx->dir);
  g_free (fx->dir);
}

static ShouhuVolunteerRow *
row_of (ShouhuVolunteerList *list,
        gint64               id)
{
  guint position;

  g_assert_true (shouhu_volunteer_list_find_id (list, id, &position));
  return g_list_model_get_item (G_LIST_MODEL (list), position);
}

static void
test_rows (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteerRow) zhou = NULL;
  g_autoptr(ShouhuVolunteerRow) wu = NULL;
  g_autoptr(ShouhuVolunteerRow) sun = NULL;
  g_autofree char *status = NULL;
  g_autofree char *skills = NULL;
  g_autofree char *district = NULL;
  guint n_families = 0;
  gboolean ready = FALSE;

  g_assert_true (shouhu_volunteer_list_load (list, fx->store, D, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == SHOUHU_TYPE_VOLUNTEER_ROW);
  /* No district first, then in official order. */
  {
    g_autoptr(ShouhuVolunteerRow) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (shouhu_volunteer_row_get_id (first), ==, fx->ids[3]);
  }

  zhou = row_of (list, fx->ids[0]);
  g_object_get (zhou, "status-label", &status, "skills-label", &skills, "district", &district,
                "n-families", &n_families, "ready", &ready, NULL);
  g_assert_cmpstr (status, ==, "Ready");
  g_assert_cmpstr (skills, ==, "Tutoring, Transport / driving");
  g_assert_cmpstr (district, ==, "渝中区");
  g_assert_cmpuint (n_families, ==, 2);
  g_assert_true (ready);
  g_assert_cmpstr (shouhu_volunteer_row_get_phone (zhou), ==, "13300001234");
  g_assert_cmpstr (shouhu_volunteer_row_get_town (zhou), ==, "解放碑街道");

  wu = row_of (list, fx->ids[1]);
  g_clear_pointer (&status, g_free);
  g_object_get (wu, "status-label", &status, NULL);
  g_assert_cmpstr (status, ==, "Not ready (lacks: protective gear)");
  g_assert_false (shouhu_volunteer_row_get_ready (wu));
  g_assert_cmpuint (shouhu_volunteer_row_get_lacks (wu), ==, SHOUHU_LACKS_GEAR);
  g_assert_cmpuint (shouhu_volunteer_row_get_n_families (wu), ==, 1);

  sun = row_of (list, fx->ids[2]);
  g_clear_pointer (&status, g_free);
  status = shouhu_volunteer_row_dup_status_label (sun);
  g_assert_cmpstr (status, ==, "Insurance ends in 2 days");
  g_assert_true (shouhu_volunteer_row_get_insurance_warns (sun));
  g_assert_cmpuint (shouhu_volunteer_row_get_n_families (sun), ==, 0);

  {
    guint n_ready, n_ending, n_not_ready;

    shouhu_volunteer_index_count (shouhu_volunteer_list_get_index (list), 0, &n_ready, &n_ending, &n_not_ready);
    g_assert_cmpuint (n_ready, ==, 3);
    g_assert_cmpuint (n_ending, ==, 1);
    g_assert_cmpuint (n_not_ready, ==, 2);
  }
}

static guint
n_shown (ShouhuVolunteerList *list)
{
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_filters (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();
  ShouhuVolunteerFilter filter = { 0 };
  g_auto(GStrv) towns = NULL;
  int yuzhong = shouhu_district_lookup ("渝中区")->id;

  g_assert_true (shouhu_volunteer_list_load (list, fx->store, D, NULL));

  filter.district_id = yuzhong;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 3);
  filter.town = "解放碑街道";
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 2);
  filter.without_families = TRUE;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 1);
  filter = (ShouhuVolunteerFilter) { 0 };

  filter.readiness = SHOUHU_READINESS_FILTER_NOT_READY;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 2);   /* 吴刚 (gear), 郑浩 (insurance ended the day before) */
  filter.readiness = SHOUHU_READINESS_FILTER_READY;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 3);
  filter.readiness = SHOUHU_READINESS_FILTER_INSURANCE_ENDING;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 1);
  filter.readiness = SHOUHU_READINESS_FILTER_ALL;
  shouhu_volunteer_list_set_filter (list, &filter);
  g_assert_cmpuint (n_shown (list), ==, 5);

  /* Search: a name, a phone typed with spaces, a town; one more key only narrows. */
  shouhu_volunteer_list_set_query (list, "红");
  g_assert_cmpuint (n_shown (list), ==, 2);
  shouhu_volunteer_list_set_query (list, "小红");
  g_assert_cmpuint (n_shown (list), ==, 1);
  shouhu_volunteer_list_set_query (list, "1330 000");
  g_assert_cmpuint (n_shown (list), ==, 1);
  shouhu_volunteer_list_set_query (list, "１３８");   /* full-width digits */
  g_assert_cmpuint (n_shown (list), ==, 1);
  shouhu_volunteer_list_set_query (list, "龙沙");
  g_assert_cmpuint (n_shown (list), ==, 1);
  shouhu_volunteer_list_set_query (list, "无此人");
  g_assert_cmpuint (n_shown (list), ==, 0);
  shouhu_volunteer_list_set_query (list, "");
  g_assert_cmpuint (n_shown (list), ==, 5);

  towns = shouhu_volunteer_index_towns (shouhu_volunteer_list_get_index (list), yuzhong);
  g_assert_cmpuint (g_strv_length (towns), ==, 2);
  g_assert_true (g_strv_contains ((const char *const *) towns, "解放碑街道"));
  g_assert_true (g_strv_contains ((const char *const *) towns, "七星岗街道"));
}

static gint64
id_at (ShouhuVolunteerList *list,
       guint                position)
{
  g_autoptr(ShouhuVolunteerRow) row = g_list_model_get_item (G_LIST_MODEL (list), position);

  return shouhu_volunteer_row_get_id (row);
}

static void
test_sort (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();

  g_assert_true (shouhu_volunteer_list_load (list, fx->store, D, NULL));

  shouhu_volunteer_list_sort_by_column (list, SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES, TRUE);
  g_assert_cmpint (id_at (list, 0), ==, fx->ids[0]);
  g_assert_cmpint (id_at (list, 1), ==, fx->ids[1]);

  /* Ready first, then ready with insurance ending, then not ready. */
  shouhu_volunteer_list_sort_by_column (list, SHOUHU_VOLUNTEER_COLUMN_STATUS, FALSE);
  g_assert_cmpint (id_at (list, 2), ==, fx->ids[2]);
  {
    g_autoptr(ShouhuVolunteerRow) last = g_list_model_get_item (G_LIST_MODEL (list), 4);
    g_assert_false (shouhu_volunteer_row_get_ready (last));
  }

  /* Sorted, a search keeps the order. */
  shouhu_volunteer_list_sort_by_column (list, SHOUHU_VOLUNTEER_COLUMN_DISTRICT, TRUE);
  shouhu_volunteer_list_set_query (list, "红");
  g_assert_cmpuint (n_shown (list), ==, 2);
  shouhu_volunteer_list_sort_by_column (list, SHOUHU_VOLUNTEER_N_COLUMNS, FALSE);
  g_assert_cmpint (id_at (list, 0), ==, fx->ids[0]);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  shouhu_volunteer_list_load_finish (SHOUHU_VOLUNTEER_LIST (source), result, error);
  g_main_context_wakeup (NULL);
  *(gboolean *) g_object_get_data (source, "done") = TRUE;
}

static void
test_load_async (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(ShouhuVolunteerList) list = shouhu_volunteer_list_new ();
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (list), "done", &done);
  shouhu_volunteer_list_load_async (list, fx->store, NULL, NULL, loaded_cb, &error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (n_shown (list), ==, 5);
  /* Today, not 2020: every insurance of the fixture has ended. */
  {
    guint n_ready = 99;

    shouhu_volunteer_index_count (shouhu_volunteer_list_get_index (list), 0, &n_ready, NULL, NULL);
    g_assert_cmpuint (n_ready, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/volunteer-list/rows", Fixture, NULL, fixture_set_up, test_rows, fixture_tear_down);
  g_test_add ("/volunteer-list/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/volunteer-list/sort", Fixture, NULL, fixture_set_up, test_sort, fixture_tear_down);
  g_test_add ("/volunteer-list/load-async", Fixture, NULL, fixture_set_up, test_load_async, fixture_tear_down);

  return g_test_run ();
}

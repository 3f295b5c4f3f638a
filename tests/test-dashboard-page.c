/* test-dashboard-page.c — the dashboard's totals, following changes, and
 * activating a district from the chart, the table and through the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "shouhu-annex1.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-test-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"

typedef struct
{
  char                *path;
  ShouhuStore         *store;
  ShouhuDashboardPage *page;
  GArray              *activated;
} Fixture;

static void
activated_cb (ShouhuDashboardPage *page,
              int                  district_id,
              Fixture             *fx)
{
  g_array_append_val (fx->activated, district_id);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->path);
  fx->activated = g_array_new (FALSE, FALSE, sizeof (int));
  fx->page = g_object_ref_sink (g_object_new (SHOUHU_TYPE_DASHBOARD_PAGE, NULL));
  g_signal_connect (fx->page, "district-activated", G_CALLBACK (activated_cb), fx);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);

  g_clear_object (&fx->page);
  g_clear_object (&fx->store);
  g_array_unref (fx->activated);
  shouhu_test_rm_rf (dir);
  g_free (fx->path);
}

static void
load_notice (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_annex1_load_notice_figures (fx->store, &error));
  g_assert_no_error (error);
}

static void
assert_totals (Fixture    *fx,
               const char *staff,
               const char *hubei,
               const char *workers,
               const char *covered,
               const char *uncovered,
               const char *volunteers,
               const char *coverage)
{
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_STAFF), ==, staff);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_HUBEI), ==, hubei);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_WORKERS), ==, workers);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_COVERED), ==, covered);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_UNCOVERED), ==, uncovered);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_VOLUNTEERS), ==, volunteers);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (fx->page, SHOUHU_DASHBOARD_COVERAGE), ==, coverage);
}

static void
test_totals (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  ShouhuDistrictChart *chart = shouhu_dashboard_page_get_chart (fx->page);

  g_object_set (fx->page, "store", fx->store, NULL);
  assert_totals (fx, "0", "0", "0", "0", "0", "0", "—");
  g_assert_null (shouhu_dashboard_page_get_figures (fx->page)->as_of);

  /* Each change below reaches the page through the store's signal only. */
  load_notice (fx);
  assert_totals (fx, "1972", "467", "0", "0", "0", "0", "—");
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-07");

  shouhu_test_annex2_insert_set (fx->store);
  shouhu_store_emit_changed (fx->store, "annex2");
  /* 11 recorded, 9 covered: 81.8 %, shown rounded down. */
  assert_totals (fx, "1972", "467", "11", "9", "2", "6", "81%");

  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-07", 1, 1, SHOUHU_ANNEX1_TOTAL, "7", &error));
  g_assert_no_error (error);
  assert_totals (fx, "1974", "467", "11", "9", "2", "6", "81%");

  described = shouhu_district_chart_describe (chart, 2);
  g_assert_nonnull (strstr (described, "<b>黔江区</b>"));
  g_assert_nonnull (strstr (described, "Recorded in Annex 2: 2\n"));
  g_assert_nonnull (strstr (described, "Families without a volunteer: 1\n"));
  g_assert_nonnull (strstr (described, "Coverage: 50%"));
}

static void
test_dates (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  g_object_set (fx->page, "store", fx->store, NULL);

  /* Following the latest date, a new table with other figures shows. */
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 7, 2, SHOUHU_ANNEX1_TOTAL, "75", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-10");
  assert_totals (fx, "1982", "467", "0", "0", "0", "0", "—");

  /* A chosen date stays chosen. */
  shouhu_dashboard_page_set_date (fx->page, "2020-02-07");
  assert_totals (fx, "1972", "467", "0", "0", "0", "0", "—");
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 7, 2, SHOUHU_ANNEX1_TOTAL, "85", &error));
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-07");
  assert_totals (fx, "1972", "467", "0", "0", "0", "0", "—");

  shouhu_dashboard_page_set_date (fx->page, NULL);
  assert_totals (fx, "1992", "467", "0", "0", "0", "0", "—");
}

static void
test_chart_keyboard (Fixture       *fx,
                     gconstpointer  data)
{
  GtkWidget *chart = GTK_WIDGET (shouhu_dashboard_page_get_chart (fx->page));

  load_notice (fx);
  g_object_set (fx->page, "store", fx->store, NULL);

  /* The actions behind the arrow keys and Enter. */
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", 1));
  g_assert_cmpint (shouhu_district_chart_get_cursor (SHOUHU_DISTRICT_CHART (chart)), ==, 1);
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", 3));
  g_assert_cmpint (shouhu_district_chart_get_cursor (SHOUHU_DISTRICT_CHART (chart)), ==, 4);
  g_assert_true (gtk_widget_activate_action (chart, "chart.activate", NULL));
  g_assert_cmpuint (fx->activated->len, ==, 1);
  g_assert_cmpint (g_array_index (fx->activated, int, 0), ==, 4);

  /* Sorted by the Annex 1 total, 沙坪坝区 (299) leads and 渝中区 (109)
   * keeps the cursor; the top row is 沙坪坝区. */
  shouhu_district_chart_set_sort (SHOUHU_DISTRICT_CHART (chart), SHOUHU_CHART_SORT_TOTAL);
  g_assert_cmpint (shouhu_district_chart_get_district_at_row (SHOUHU_DISTRICT_CHART (chart), 0), ==, 7);
  g_assert_cmpint (shouhu_district_chart_get_district_at_row (SHOUHU_DISTRICT_CHART (chart), 1), ==, 8);
  g_assert_cmpint (shouhu_district_chart_get_cursor (SHOUHU_DISTRICT_CHART (chart)), ==, 4);
  g_assert_true (gtk_widget_activate_action (chart, "chart.move", "i", -SHOUHU_N_DISTRICTS));
  g_assert_true (gtk_widget_activate_action (chart, "chart.activate", NULL));
  g_assert_cmpint (g_array_index (fx->activated, int, 1), ==, 7);

  /* Lowest coverage first: nobody is recorded yet, so official order. */
  shouhu_district_chart_set_sort (SHOUHU_DISTRICT_CHART (chart), SHOUHU_CHART_SORT_COVERAGE);
  g_assert_cmpint (shouhu_district_chart_get_district_at_row (SHOUHU_DISTRICT_CHART (chart), 0), ==, 1);
  g_assert_cmpint (shouhu_district_chart_get_district_at_row (SHOUHU_DISTRICT_CHART (chart), 40), ==, 41);
}

static void
test_table_activate (Fixture       *fx,
                     gconstpointer  data)
{
  GtkColumnView *table = shouhu_dashboard_page_get_table (fx->page);
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GtkColumnViewColumn) total = NULL;

  load_notice (fx);
  g_object_set (fx->page, "store", fx->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 41);

  g_signal_emit_by_name (table, "activate", 3);
  g_assert_cmpuint (fx->activated->len, ==, 1);
  g_assert_cmpint (g_array_index (fx->activated, int, 0), ==, 4);

  /* Sorted by 共计, the first row is 沙坪坝区. */
  total = g_list_model_get_item (columns, 1);
  g_assert_cmpstr (gtk_column_view_column_get_title (total), ==, "Total");
  gtk_column_view_sort_by_column (table, total, GTK_SORT_ASCENDING);
  g_signal_emit_by_name (table, "activate", 0);
  g_assert_cmpint (g_array_index (fx->activated, int, 1), ==, 7);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window (Fixture       *fx,
             gconstpointer  data)
{
  ShouhuWindow *window;
  GtkWidget *page, *chart;
  GtkWidget *annex2;

  load_notice (fx);
  window = shouhu_window_new (NULL, fx->store, NULL);
  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "dashboard");

  page = find_descendant (GTK_WIDGET (window), SHOUHU_TYPE_DASHBOARD_PAGE);
  g_assert_nonnull (page);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (SHOUHU_DASHBOARD_PAGE (page), SHOUHU_DASHBOARD_STAFF),
                   ==, "1972");

  /* Alt+1 and Alt+2. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "annex1"));
  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "annex1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "dashboard");

  /* Enter on 渝中区 in the chart opens the Annex 2 page filtered to it. */
  annex2 = find_descendant (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE);
  g_assert_nonnull (annex2);
  g_assert_cmpint (shouhu_annex2_page_get_district_filter (SHOUHU_ANNEX2_PAGE (annex2)), ==, 0);
  chart = GTK_WIDGET (shouhu_dashboard_page_get_chart (SHOUHU_DASHBOARD_PAGE (page)));
  shouhu_district_chart_set_cursor (SHOUHU_DISTRICT_CHART (chart), 4);
  g_assert_true (gtk_widget_activate_action (chart, "chart.activate", NULL));
  g_assert_cmpstr (shouhu_window_get_visible_page (window), ==, "annex2");
  g_assert_cmpint (shouhu_annex2_page_get_district_filter (SHOUHU_ANNEX2_PAGE (annex2)), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add ("/dashboard-page/totals", Fixture, NULL, fixture_set_up, test_totals, fixture_tear_down);
  g_test_add ("/dashboard-page/dates", Fixture, NULL, fixture_set_up, test_dates, fixture_tear_down);
  g_test_add ("/dashboard-page/chart-keyboard", Fixture, NULL, fixture_set_up, test_chart_keyboard, fixture_tear_down);
  g_test_add ("/dashboard-page/table-activate", Fixture, NULL, fixture_set_up, test_table_activate, fixture_tear_down);
  g_test_add ("/dashboard-page/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  return g_test_run ();
}

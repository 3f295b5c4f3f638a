/* test-dashboard-page.c — the dashboard's totals, following changes, and
 * activating a district from the chart, the table and through the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "shouhu-annex1.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-export.h"
#include "shouhu-test-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"

typedef struct
{
  char                *path;
  ShouhuStore         *store;
  ShouhuDashboardPage *page;
  GtkWindow           *window;
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
  /* Shown, as the overview is: a page not shown counts changes only
   * when it is shown again. */
  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->page));
  gtk_window_present (fx->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (fx->page)))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);

  gtk_window_destroy (fx->window);
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

/* The cards, left to right: each count and the figure under it. */
static void
assert_totals (Fixture    *fx,
               const char *expected)
{
  static const ShouhuDashboardTotal order[] = {
    SHOUHU_DASHBOARD_STAFF, SHOUHU_DASHBOARD_STAFF_DELTA, SHOUHU_DASHBOARD_HUBEI, SHOUHU_DASHBOARD_HUBEI_DELTA,
    SHOUHU_DASHBOARD_WORKERS, SHOUHU_DASHBOARD_REGISTERED, SHOUHU_DASHBOARD_PAIRED, SHOUHU_DASHBOARD_PAIRING,
    SHOUHU_DASHBOARD_GUARDED, SHOUHU_DASHBOARD_GUARDING, SHOUHU_DASHBOARD_VOLUNTEERS,
    SHOUHU_DASHBOARD_ATTENTION,
  };
  g_autoptr(GString) shown = g_string_new (NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (order) == SHOUHU_DASHBOARD_N_TOTALS);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_string_append_printf (shown, "%s%s", i > 0 ? " " : "",
                            shouhu_dashboard_page_get_total_text (fx->page, order[i]));
  g_assert_cmpstr (shown->str, ==, expected);
}

static void
test_totals (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  ShouhuDistrictChart *chart = shouhu_dashboard_page_get_chart (fx->page);

  g_object_set (fx->page, "store", fx->store, NULL);
  assert_totals (fx, "0 — 0 — 0 — 0 — 0 — 0 0");
  g_assert_null (shouhu_dashboard_page_get_figures (fx->page)->as_of);

  /* Each change below reaches the page through the store's signal only.
   * No date before the notice's, nobody recorded: every district needs
   * an update and guardians. */
  load_notice (fx);
  assert_totals (fx, "1972 — 467 — 0 0% 0 — 0 0% 0 41");
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-07");

  /* 11 of 1972 recorded (0.56 %, rounded down), 9 of the 11 paired
   * (81.8 %), none guarded: no volunteer is ready. */
  shouhu_test_annex2_insert_set (fx->store);
  shouhu_store_emit_changed (fx->store, "annex2");
  assert_totals (fx, "1972 — 467 — 11 0% 9 81% 0 0% 6 41");

  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-07", 1, 1, SHOUHU_ANNEX1_TOTAL, "7", &error));
  g_assert_no_error (error);
  assert_totals (fx, "1974 — 467 — 11 0% 9 81% 0 0% 6 41");

  described = shouhu_district_chart_describe (chart, 2);
  g_assert_nonnull (strstr (described, "<b>黔江区</b>"));
  g_assert_nonnull (strstr (described, "Recorded in Annex 2: 2 (Registration rate 10%)\n"));
  g_assert_nonnull (strstr (described, "Families with a paired volunteer: 1 (Pairing rate 50%)\n"));
  g_assert_nonnull (strstr (described, "Families with a volunteer ready for duty: 0 (Guarding rate 0%)\n"));
  g_assert_nonnull (strstr (described, "Guardians lacking: 0 of 19 families"));
}

static void
test_dates (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  g_object_set (fx->page, "store", fx->store, NULL);

  /* Following the latest date, a new table with other figures shows,
   * with the change since the notice's: 沙坪坝区 第二批 65 → 75. */
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 7, 2, SHOUHU_ANNEX1_TOTAL, "75", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-10");
  assert_totals (fx, "1982 +10 467 0 0 0% 0 — 0 0% 0 41");
  /* Only 沙坪坝区 reported for the new date. */
  g_assert_cmpuint (shouhu_figures_count_needing (shouhu_dashboard_page_get_figures (fx->page),
                                                  SHOUHU_NEEDS_REPORT), ==, 40);

  /* A chosen date stays chosen. */
  shouhu_dashboard_page_set_date (fx->page, "2020-02-07");
  assert_totals (fx, "1972 — 467 — 0 0% 0 — 0 0% 0 41");
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 7, 2, SHOUHU_ANNEX1_TOTAL, "85", &error));
  g_assert_cmpstr (shouhu_dashboard_page_get_figures (fx->page)->as_of, ==, "2020-02-07");
  assert_totals (fx, "1972 — 467 — 0 0% 0 — 0 0% 0 41");

  shouhu_dashboard_page_set_date (fx->page, NULL);
  assert_totals (fx, "1992 +20 467 0 0 0% 0 — 0 0% 0 41");
}

/* Only the districts that need something, and a report confirmed from
 * the table. */
static void
test_needs_filter (Fixture       *fx,
                   gconstpointer  data)
{
  GtkColumnView *table = shouhu_dashboard_page_get_table (fx->page);
  GListModel *model;
  g_autoptr(GError) error = NULL;

  load_notice (fx);
  g_assert_true (shouhu_annex1_new_date (fx->store, "2020-02-10", &error));
  g_assert_true (shouhu_annex1_set_count (fx->store, "2020-02-10", 7, 2, SHOUHU_ANNEX1_TOTAL, "75", &error));
  g_assert_no_error (error);
  g_object_set (fx->page, "store", fx->store, NULL);
  model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 41);

  shouhu_dashboard_page_set_shown_needs (fx->page, SHOUHU_NEEDS_REPORT);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);
  shouhu_dashboard_page_set_shown_needs (fx->page, SHOUHU_NEEDS_CHECK);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  shouhu_dashboard_page_set_shown_needs (fx->page, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 41);

  /* 万州区 (row 0) reports its figures unchanged: 39 left, and the
   * filtered table follows. */
  shouhu_dashboard_page_set_shown_needs (fx->page, SHOUHU_NEEDS_REPORT);
  /* Nothing selected: nothing to confirm. */
  gtk_widget_activate_action (GTK_WIDGET (fx->page), "dashboard.confirm-report", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 40);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "dashboard.confirm-report", NULL));
  g_assert_true (shouhu_dashboard_page_get_figures (fx->page)->districts[0].reported);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 39);
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The right edge of the rightmost column heading, in @view's coordinates. */
static float
headings_right (GtkWidget *widget,
                GtkWidget *view)
{
  float right = 0;

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewTitle"))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (widget, view, &bounds));
      return bounds.origin.x + bounds.size.width;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    right = MAX (right, headings_right (child, view));
  return right;
}

static gboolean
deadline_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The columns take the whole width they are given; a rate over 100 % is
 * shown as it is, flagged, and says how it was counted. */
static void
test_table_cells (Fixture       *fx,
                  gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkColumnView *table = shouhu_dashboard_page_get_table (fx->page);
  g_autoptr(GtkColumnViewColumn) registered = NULL;
  g_autofree char *tooltip = NULL;
  gboolean too_late = FALSE;
  GtkWidget *cell = NULL;
  guint deadline;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  g_object_set (fx->page, "store", fx->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (fx->window, NULL);   /* into a window of the size this test needs */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fx->page));
  gtk_window_present (GTK_WINDOW (window));

  /* Registration rate, highest first: 高新区's 3 of 2 on top. */
  registered = g_list_model_get_item (gtk_column_view_get_columns (table), 7);
  g_assert_cmpstr (gtk_column_view_column_get_title (registered), ==, "Registration rate");
  gtk_column_view_sort_by_column (table, registered, GTK_SORT_DESCENDING);

  deadline = g_timeout_add_seconds (60, deadline_cb, &too_late);
  while ((cell = find_label (GTK_WIDGET (table), "150%")) == NULL ||
         gtk_widget_get_width (GTK_WIDGET (table)) == 0)
    {
      g_assert_false (too_late);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (too_late);
  g_source_remove (deadline);

  g_assert_true (gtk_widget_has_css_class (cell, "attention"));
  tooltip = g_strdup (gtk_widget_get_tooltip_text (cell));
  g_assert_true (g_str_has_prefix (tooltip, "3 ÷ 2\nRegistration rate = "));
  /* The table has the larger part of the window (the screen may be
   * narrower than asked), and its columns share all of it. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (table)), >, gtk_widget_get_width (window) / 2);
  g_assert_cmpfloat (headings_right (GTK_WIDGET (table), GTK_WIDGET (table)), >=,
                     gtk_widget_get_width (GTK_WIDGET (table)) - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cell found by its text once the table has laid it out. */
static GtkWidget *
wait_for_label (GtkWidget  *table,
                const char *text)
{
  gboolean too_late = FALSE;
  guint deadline = g_timeout_add_seconds (60, deadline_cb, &too_late);
  GtkWidget *label;

  while ((label = find_label (table, text)) == NULL || gtk_widget_get_width (label) == 0)
    {
      g_assert_false (too_late);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (deadline);
  return label;
}

/* Annex 2 changed: the day and through what, typed or the file an import
 * read; a long file name ends in "…" in a 1280 px window, and the tooltip
 * has the whole moment and name. */
static void
test_changed_cell (Fixture       *fx,
                   gconstpointer  data)
{
  static const char file[] = "黔江区一线医护人员家庭志愿守护信息表（第三批，含新增支援湖北人员）更新版.xlsx";
  GtkWidget *window = gtk_window_new ();
  GtkWidget *table = GTK_WIDGET (shouhu_dashboard_page_get_table (fx->page));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = g_path_get_dirname (fx->path);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *source_path = NULL;
  g_autoptr(ShouhuStore) source = shouhu_test_new_store (&source_path);
  g_autofree char *imported = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *label;
  const char *tooltip;

  load_notice (fx);
  shouhu_test_annex2_insert_set (fx->store);
  /* 黔江区 sends two more families in a file, imported today. */
  shouhu_test_annex2_add_family (source, 2, "乙三", "黔江区某路3号", "", "", 0);
  shouhu_test_annex2_add_family (source, 2, "乙四", "黔江区某路4号", "", "", 0);
  g_assert_true (shouhu_export_run (source, SHOUHU_EXPORT_ANNEX2, NULL, 2, FALSE, path, &error));
  g_assert_no_error (error);
  shouhu_test_import_file (fx->store, path);
  g_clear_object (&source);
  {
    g_autofree char *source_dir = g_path_get_dirname (source_path);

    shouhu_test_rm_rf (source_dir);
  }

  g_object_set (fx->page, "store", fx->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (fx->window, NULL);   /* into a window of the size this test needs */
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (fx->page));
  gtk_window_present (GTK_WINDOW (window));

  /* 万州区 was typed in on a day of another year: the whole date. */
  label = wait_for_label (table, "2020-02-08 typed");
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  tooltip = gtk_widget_get_tooltip_text (label);
  g_assert_true (g_str_has_prefix (tooltip, "2020-02-08 09:00 ("));
  g_assert_true (g_str_has_suffix (tooltip, "), typed in (editor, delete or undo)"));

  /* 黔江区: today's day of this year, the import and its file, cut
   * with "…". */
  imported = g_strdup_printf ("%d/%d imported %s", g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), file);
  label = wait_for_label (table, imported);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (label)), ==, PANGO_ELLIPSIZE_END);
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  tooltip = gtk_widget_get_tooltip_text (label);
  g_assert_nonnull (strstr (tooltip, " (today), imported from “黔江区一线医护人员"));
  g_assert_true (g_str_has_suffix (tooltip, "更新版.xlsx”"));

  gtk_window_destroy (GTK_WINDOW (window));
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
  shouhu_district_chart_set_sort (SHOUHU_DISTRICT_CHART (chart), SHOUHU_CHART_SORT_GUARDING);
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
  total = g_list_model_get_item (columns, 2);
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

  /* A change made while another page is shown is counted when the
   * overview is shown again, not at once. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "annex1"));
  while (gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (shouhu_annex1_set_pair (fx->store, "2020-02-07", 1, 1, 1300, 305, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (SHOUHU_DASHBOARD_PAGE (page), SHOUHU_DASHBOARD_STAFF),
                   ==, "1972");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "dashboard"));
  while (!gtk_widget_get_mapped (page))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (shouhu_dashboard_page_get_total_text (SHOUHU_DASHBOARD_PAGE (page), SHOUHU_DASHBOARD_STAFF),
                   !=, "1972");

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
  g_test_add ("/dashboard-page/needs-filter", Fixture, NULL, fixture_set_up, test_needs_filter, fixture_tear_down);
  g_test_add ("/dashboard-page/table-cells", Fixture, NULL, fixture_set_up, test_table_cells, fixture_tear_down);
  g_test_add ("/dashboard-page/changed-cell", Fixture, NULL, fixture_set_up, test_changed_cell, fixture_tear_down);
  g_test_add ("/dashboard-page/chart-keyboard", Fixture, NULL, fixture_set_up, test_chart_keyboard, fixture_tear_down);
  g_test_add ("/dashboard-page/table-activate", Fixture, NULL, fixture_set_up, test_table_activate, fixture_tear_down);
  g_test_add ("/dashboard-page/window", Fixture, NULL, fixture_set_up, test_window, fixture_tear_down);
  return g_test_run ();
}

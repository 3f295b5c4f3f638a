/* test-volunteer-page.c — the 志愿者 page, its editor and merge dialog, and
 * readiness wherever a volunteer appears: the chooser, a worker's
 * pairings and the overview
 *
 * Readiness is computed for today, so the volunteers' dates are made
 * relative to today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-volunteer-chooser.h"
#include "shouhu-volunteer-editor.h"
#include "shouhu-volunteer-list.h"
#include "shouhu-volunteer-merge-dialog.h"
#include "shouhu-volunteer-page.h"
#include "shouhu-window.h"
#include "shouhu-worker-editor.h"

typedef struct
{
  ShouhuStore  *store;
  ShouhuWindow *window;
  ShouhuVolunteerPage *page;
  gint64        ready;      /* 可上岗, guards a family */
  gint64        untrained;  /* 待上岗: lacks training */
  gint64        ending;     /* 可上岗, insurance ends in 3 days */
  gint64        elsewhere;  /* 待上岗, in another district, nothing recorded */
  gint64        worker;
} Fixture;

/* Today plus @days, as stored. */
static char *
day (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static gint64
add_volunteer (ShouhuStore *store,
               const char  *name,
               const char  *phone,
               const char  *district,
               gboolean     trained,
               int          insured_days)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = day (-10);
  g_autofree char *until = day (insured_days);
  gint64 id;

  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_NAME, name, NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_PHONE, phone, NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_DISTRICT, district, NULL));
  g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_TOWN, "解放碑街道", NULL));
  if (insured_days >= 0)
    {
      g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, trained ? before : "", NULL));
      g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GEAR_ON, before, NULL));
      g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GEAR, "口罩、酒精、消毒液", NULL));
      g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, before, NULL));
      g_assert_true (shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, until, NULL));
    }
  id = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);
  return id;
}

/* Whether a label under @widget reads @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static guint
n_rows (Fixture *fx)
{
  return g_list_model_get_n_items (shouhu_volunteer_page_get_model (fx->page));
}

static ShouhuVolunteerRow *
row_of (Fixture *fx,
        gint64   id)
{
  GListModel *model = shouhu_volunteer_page_get_model (fx->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      ShouhuVolunteerRow *row = g_list_model_get_item (model, i);

      if (shouhu_volunteer_row_get_id (row) == id)
        return row;
      g_object_unref (row);
    }
  return NULL;
}

static char *
status_of (Fixture *fx,
           gint64   id)
{
  g_autoptr(ShouhuVolunteerRow) row = row_of (fx, id);

  g_assert_nonnull (row);
  return shouhu_volunteer_row_dup_status_label (row);
}

static char *
readiness_label_of (ShouhuStore *store,
                    gint64       id)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (store, id, NULL);
  ShouhuReadiness r;

  g_assert_nonnull (v);
  r = shouhu_volunteer_readiness (v, NULL);
  return shouhu_readiness_label (&r);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;

  fx->store = shouhu_test_new_store (NULL);
  if (data == NULL)
    {
      fx->ready = add_volunteer (fx->store, "周小红", "13300001234", "渝中区", TRUE, 60);
      fx->untrained = add_volunteer (fx->store, "吴刚", "13800001111", "渝中区", FALSE, 60);
      fx->ending = add_volunteer (fx->store, "孙丽", "15000005678", "渝中区", TRUE, 3);
      fx->elsewhere = add_volunteer (fx->store, "郑浩", "13900009999", "万州区", FALSE, -1);
      w->district_id = shouhu_district_lookup ("渝中区")->id;
      shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_HOSPITAL, "重庆市人民医院");
      shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_NAME, "张丽");
      shouhu_worker_set_field (w, SHOUHU_ANNEX2_FIELD_GENDER, "女");
      fx->worker = shouhu_annex2_save_worker (fx->store, w, &fx->ready, 1, FALSE, &error);
      g_assert_no_error (error);
    }

  fx->window = shouhu_window_new (NULL, fx->store, NULL);
  gtk_window_present (GTK_WINDOW (fx->window));
  shouhu_window_show_page (fx->window, "volunteers");
  g_assert_cmpstr (shouhu_window_get_visible_page (fx->window), ==, "volunteers");
  fx->page = SHOUHU_VOLUNTEER_PAGE (shouhu_test_find_widget (GTK_WIDGET (fx->window), SHOUHU_TYPE_VOLUNTEER_PAGE));
  g_assert_nonnull (fx->page);
  shouhu_test_wait_volunteers_loaded (fx->page);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  g_clear_object (&fx->store);
}

/* The page lists every volunteer with its readiness, searches as one
 * types and filters; with nothing to show it says why. */
static void
test_list (Fixture       *fx,
           gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (shouhu_test_find_widget (GTK_WIDGET (fx->page), GTK_TYPE_COLUMN_VIEW));
  GListModel *view_columns;
  g_autoptr(ShouhuVolunteerRow) first = NULL;
  g_autoptr(ShouhuVolunteerRow) ready = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *status = NULL;

  g_assert_cmpuint (n_rows (fx), ==, 4);
  g_assert_cmpstr (shouhu_volunteer_page_get_state (fx->page), ==, "list");
  expected = readiness_label_of (fx->store, fx->untrained);
  status = status_of (fx, fx->untrained);
  g_assert_cmpstr (status, ==, expected);
  g_assert_nonnull (strstr (expected, "training"));
  ready = row_of (fx, fx->ready);
  g_assert_true (shouhu_volunteer_row_get_ready (ready));
  g_assert_cmpuint (shouhu_volunteer_row_get_n_families (ready), ==, 1);
  /* The insurance that ends within a week is warned about on the page. */
  g_assert_nonnull (shouhu_volunteer_page_get_warning (fx->page));
  g_assert_nonnull (strstr (shouhu_volunteer_page_get_warning (fx->page), "1 volunteer"));

  /* Search as one types: a name, digits of a phone, a town; a miss. */
  shouhu_volunteer_page_set_search (fx->page, "孙");
  g_assert_cmpuint (n_rows (fx), ==, 1);
  shouhu_volunteer_page_set_search (fx->page, "0000 1234");
  g_assert_cmpuint (n_rows (fx), ==, 1);
  shouhu_volunteer_page_set_search (fx->page, "解放碑");
  g_assert_cmpuint (n_rows (fx), ==, 4);
  shouhu_volunteer_page_set_search (fx->page, "王五");
  g_assert_cmpuint (n_rows (fx), ==, 0);
  g_assert_cmpstr (shouhu_volunteer_page_get_state (fx->page), ==, "no-results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "volunteers.clear-filters", NULL));
  g_assert_cmpuint (n_rows (fx), ==, 4);
  g_assert_cmpstr (shouhu_volunteer_page_get_state (fx->page), ==, "list");

  /* Filters: readiness, guarding no family, district, town. */
  shouhu_volunteer_page_set_readiness_filter (fx->page, SHOUHU_READINESS_FILTER_READY);
  g_assert_cmpuint (n_rows (fx), ==, 2);
  shouhu_volunteer_page_set_readiness_filter (fx->page, SHOUHU_READINESS_FILTER_NOT_READY);
  g_assert_cmpuint (n_rows (fx), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->page), "volunteers.show-insurance-ending", NULL));
  g_assert_cmpuint (n_rows (fx), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (shouhu_volunteer_page_get_model (fx->page), 0);
  g_assert_cmpint (shouhu_volunteer_row_get_id (first), ==, fx->ending);
  shouhu_volunteer_page_set_readiness_filter (fx->page, SHOUHU_READINESS_FILTER_ALL);
  shouhu_volunteer_page_set_without_families (fx->page, TRUE);
  g_assert_cmpuint (n_rows (fx), ==, 3);
  shouhu_volunteer_page_set_without_families (fx->page, FALSE);
  shouhu_volunteer_page_set_district_filter (fx->page, shouhu_district_lookup ("万州区")->id);
  g_assert_cmpuint (n_rows (fx), ==, 1);
  shouhu_volunteer_page_set_district_filter (fx->page, shouhu_district_lookup ("渝中区")->id);
  shouhu_volunteer_page_set_town_filter (fx->page, "解放碑街道");
  g_assert_cmpuint (n_rows (fx), ==, 3);
  shouhu_volunteer_page_set_district_filter (fx->page, 0);
  g_assert_cmpuint (n_rows (fx), ==, 4);

  /* Sorting by 上岗状态 (a click on its heading) puts the ready first. */
  view_columns = gtk_column_view_get_columns (view);
  g_assert_cmpuint (g_list_model_get_n_items (view_columns), ==, SHOUHU_VOLUNTEER_N_COLUMNS);
  {
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, SHOUHU_VOLUNTEER_COLUMN_STATUS);
    g_autoptr(ShouhuVolunteerRow) last = NULL;

    gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
    g_clear_object (&first);
    first = g_list_model_get_item (shouhu_volunteer_page_get_model (fx->page), 0);
    last = g_list_model_get_item (shouhu_volunteer_page_get_model (fx->page), 3);
    g_assert_cmpint (shouhu_volunteer_row_get_id (first), ==, fx->ready);
    g_assert_false (shouhu_volunteer_row_get_ready (last));
  }
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_assert_cmpuint (n_rows (fx), ==, 0);
  g_assert_cmpstr (shouhu_volunteer_page_get_state (fx->page), ==, "empty");
  g_assert_null (shouhu_volunteer_page_get_warning (fx->page));
}

static void
set_text (ShouhuVolunteerEditor *editor,
          ShouhuVolunteerField   field,
          const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shouhu_volunteer_editor_get_field (editor, field)), text);
}

static gboolean
has_focus_in (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The editor shows readiness as the fields change, refuses a field with
 * the message at the field, and saves a volunteer the page then shows
 * as ready. */
static void
test_editor (Fixture       *fx,
             gconstpointer  data)
{
  ShouhuVolunteerEditor *editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_add_volunteer (fx->page));
  ShouhuReadiness ready = { TRUE, 0, 90 };
  ShouhuReadiness untrained = { FALSE, SHOUHU_LACKS_TRAINING, 90 };
  g_autofree char *ready_label = shouhu_readiness_label (&ready);
  g_autofree char *untrained_label = shouhu_readiness_label (&untrained);
  g_autofree char *before = day (-3);
  g_autofree char *until = day (90);
  g_autoptr(ShouhuVolunteerRow) row = NULL;
  g_autofree char *status = NULL;
  GListModel *model;

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_nonnull (strstr (shouhu_volunteer_editor_get_readiness (editor), "Not ready"));

  /* 姓名 is missing: refused, said at the field, which gets the focus. */
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, "138 0000 5555");
  g_assert_false (shouhu_volunteer_editor_save (editor));
  g_assert_nonnull (strstr (shouhu_volunteer_editor_get_field_error (editor, SHOUHU_VOLUNTEER_FIELD_NAME), "Name"));
  g_assert_true (has_focus_in (GTK_WINDOW (editor),
                               shouhu_volunteer_editor_get_field (editor, SHOUHU_VOLUNTEER_FIELD_NAME)));
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_NAME, "李新");
  g_assert_cmpstr (shouhu_volunteer_editor_get_field_error (editor, SHOUHU_VOLUNTEER_FIELD_NAME), ==, "");

  /* Gear and insurance, but no training yet: what is lacking, live. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_volunteer_editor_get_field (editor, SHOUHU_VOLUNTEER_FIELD_DISTRICT)),
                              (guint) shouhu_district_lookup ("渝中区")->id);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_TOWN, "七星岗街道");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (shouhu_volunteer_editor_get_skill (editor, SHOUHU_SKILL_TUTORING)),
                               TRUE);
  for (guint item = SHOUHU_GEAR_MASKS; item <= SHOUHU_GEAR_DISINFECTANT; item <<= 1)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (shouhu_volunteer_editor_get_gear_item (editor, item)), TRUE);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_GEAR_ON, before);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_INSURER, "中国人寿重庆分公司");
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, before);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, "2020-02-30");
  g_assert_nonnull (strstr (shouhu_volunteer_editor_get_readiness (editor), "Not ready"));

  /* A date that does not exist: refused at its field. */
  g_assert_false (shouhu_volunteer_editor_save (editor));
  g_assert_cmpstr (shouhu_volunteer_editor_get_field_error (editor, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL), !=, "");
  g_assert_true (has_focus_in (GTK_WINDOW (editor),
                               shouhu_volunteer_editor_get_field (editor, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL)));
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL, until);
  g_assert_nonnull (strstr (shouhu_volunteer_editor_get_readiness (editor), untrained_label));

  /* Training passed: the date field opens with today, and it is ready. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (shouhu_volunteer_editor_get_trained (editor)), TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shouhu_volunteer_editor_get_field (editor,
                                                                                          SHOUHU_VOLUNTEER_FIELD_TRAINED_ON))),
                   !=, "");
  g_assert_nonnull (strstr (shouhu_volunteer_editor_get_readiness (editor), ready_label));

  g_assert_true (shouhu_volunteer_editor_save (editor));
  g_assert_null (editor);

  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_cmpuint (n_rows (fx), ==, 5);
  model = shouhu_volunteer_page_get_model (fx->page);
  for (guint i = 0; i < g_list_model_get_n_items (model) && row == NULL; i++)
    {
      g_autoptr(ShouhuVolunteerRow) r = g_list_model_get_item (model, i);

      if (g_strcmp0 (shouhu_volunteer_row_get_name (r), "李新") == 0)
        row = g_steal_pointer (&r);
    }
  g_assert_nonnull (row);
  status = shouhu_volunteer_row_dup_status_label (row);
  g_assert_cmpstr (status, ==, ready_label);
  g_assert_cmpstr (shouhu_volunteer_row_get_phone (row), ==, "13800005555");
  /* The page selects what was saved, and the history has its creation. */
  {
    GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (shouhu_test_find_widget (GTK_WIDGET (fx->page),
                                                                                           GTK_TYPE_COLUMN_VIEW)));
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (selection);
    g_autoptr(ShouhuVolunteerRow) chosen = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    chosen = g_list_model_get_item (G_LIST_MODEL (selection), gtk_bitset_get_nth (selected, 0));
    g_assert_cmpint (shouhu_volunteer_row_get_id (chosen), ==, shouhu_volunteer_row_get_id (row));
  }
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM history WHERE entity = 'volunteer' "
                                          "AND action = 'create' AND new_value = '李新'"), >=, 1);
}

/* Escape closes at once when nothing changed, and asks when something did. */
static void
test_editor_escape (Fixture       *fx,
                    gconstpointer  data)
{
  ShouhuVolunteerEditor *editor;
  g_autoptr(ShouhuVolunteer) stored = NULL;

  g_assert_true (shouhu_volunteer_page_select_id (fx->page, fx->untrained, FALSE));
  editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_edit_selected (fx->page));
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (shouhu_volunteer_editor_is_changed (editor));
  /* Escape is bound to window.close. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_null (editor);

  editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_edit_selected (fx->page));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, "13800002222");
  g_assert_true (shouhu_volunteer_editor_is_changed (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_nonnull (editor);
  g_assert_nonnull (shouhu_volunteer_editor_get_question (editor));

  /* Keep editing: nothing lost. */
  gtk_dialog_response (GTK_DIALOG (shouhu_volunteer_editor_get_question (editor)), GTK_RESPONSE_CANCEL);
  g_assert_nonnull (editor);
  g_assert_null (shouhu_volunteer_editor_get_question (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shouhu_volunteer_editor_get_field (editor,
                                                                                          SHOUHU_VOLUNTEER_FIELD_PHONE))),
                   ==, "13800002222");

  /* Putting the value back is no change. */
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, "13800001111");
  g_assert_false (shouhu_volunteer_editor_is_changed (editor));

  /* Discard: closed, nothing stored. */
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, "13800002222");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  gtk_dialog_response (GTK_DIALOG (shouhu_volunteer_editor_get_question (editor)), GTK_RESPONSE_REJECT);
  g_assert_null (editor);
  stored = shouhu_annex2_get_volunteer (fx->store, fx->untrained, NULL);
  g_assert_cmpstr (stored->phone, ==, "13800001111");
  g_clear_pointer (&stored, shouhu_volunteer_free);

  /* Save, from the question: stored and closed. */
  editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_edit_selected (fx->page));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, "13800003333");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  gtk_dialog_response (GTK_DIALOG (shouhu_volunteer_editor_get_question (editor)), GTK_RESPONSE_ACCEPT);
  g_assert_null (editor);
  stored = shouhu_annex2_get_volunteer (fx->store, fx->untrained, NULL);
  g_assert_cmpstr (stored->phone, ==, "13800003333");
}

/* The chooser lists the ready first and says what the others lack; a
 * worker's pairing with a volunteer not ready says 待上岗. */
static void
test_chooser_and_pairings (Fixture       *fx,
                           gconstpointer  data)
{
  GtkWidget *chooser = g_object_ref_sink (shouhu_volunteer_chooser_new (fx->store));
  ShouhuWorkerEditor *editor;
  g_autofree char *untrained = readiness_label_of (fx->store, fx->untrained);
  g_autofree char *ending = readiness_label_of (fx->store, fx->ending);
  g_autofree char *ready = readiness_label_of (fx->store, fx->ready);
  const char *status = NULL;
  gboolean seen_not_ready = FALSE;
  gint64 id = 0;

  shouhu_volunteer_chooser_set_district (SHOUHU_VOLUNTEER_CHOOSER (chooser), shouhu_district_lookup ("渝中区")->id);
  shouhu_volunteer_chooser_search (SHOUHU_VOLUNTEER_CHOOSER (chooser), "");
  for (guint i = 0; shouhu_volunteer_chooser_get_result (SHOUHU_VOLUNTEER_CHOOSER (chooser), i, &id, &status); i++)
    {
      g_autofree char *expected = readiness_label_of (fx->store, id);
      g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (fx->store, id, NULL);

      g_assert_cmpstr (status, ==, expected);
      if (!shouhu_volunteer_readiness (v, NULL).ready)
        seen_not_ready = TRUE;
      else
        g_assert_false (seen_not_ready);   /* ready first */
    }
  g_assert_true (seen_not_ready);
  shouhu_volunteer_chooser_search (SHOUHU_VOLUNTEER_CHOOSER (chooser), "孙丽");
  g_assert_true (shouhu_volunteer_chooser_get_result (SHOUHU_VOLUNTEER_CHOOSER (chooser), 0, &id, &status));
  g_assert_cmpint (id, ==, fx->ending);
  g_assert_cmpstr (status, ==, ending);
  g_assert_false (shouhu_volunteer_chooser_get_result (SHOUHU_VOLUNTEER_CHOOSER (chooser), 1, NULL, NULL));
  g_object_unref (chooser);

  /* The gate: pairing one not ready is allowed, and shown as such. */
  editor = shouhu_worker_editor_new (GTK_WINDOW (fx->window), fx->store, fx->worker, 0);
  g_assert_false (shows_label (GTK_WIDGET (editor), ready));
  shouhu_worker_editor_add_volunteer (editor, fx->untrained, "吴刚");
  g_assert_true (shows_label (GTK_WIDGET (editor), untrained));
  g_assert_true (shouhu_worker_editor_save (editor));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM pairing"), ==, 2);
}

/* Two records of one person become one, with the families of both. */
static void
test_merge (Fixture       *fx,
            gconstpointer  data)
{
  gint64 twin = add_volunteer (fx->store, "周小红", "", "渝中区", FALSE, -1);
  ShouhuVolunteerMergeDialog *dialog;
  g_autoptr(ShouhuVolunteerRow) row = NULL;
  g_autoptr(GArray) workers = NULL;

  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_true (shouhu_annex2_pair (fx->store, fx->worker, twin, NULL));
  shouhu_test_wait_volunteers_loaded (fx->page);

  /* One selected is not enough. */
  g_assert_true (shouhu_volunteer_page_select_id (fx->page, fx->ready, FALSE));
  g_assert_null (shouhu_volunteer_page_merge_selected (fx->page));
  g_assert_true (shouhu_volunteer_page_select_id (fx->page, twin, TRUE));
  dialog = SHOUHU_VOLUNTEER_MERGE_DIALOG (shouhu_volunteer_page_merge_selected (fx->page));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  /* Both shown: the phone only one of them has. */
  g_assert_cmpstr (shouhu_volunteer_merge_dialog_get_value (dialog, 0, SHOUHU_VOLUNTEER_FIELD_PHONE), ==,
                   "13300001234");
  g_assert_cmpstr (shouhu_volunteer_merge_dialog_get_value (dialog, 1, SHOUHU_VOLUNTEER_FIELD_PHONE), ==, "");
  /* Equal families: the older record is proposed. */
  g_assert_cmpint (shouhu_volunteer_merge_dialog_get_keep (dialog), ==, fx->ready);
  g_assert_true (shouhu_volunteer_merge_dialog_merge (dialog));
  g_assert_null (dialog);

  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_cmpuint (n_rows (fx), ==, 4);
  g_assert_null (row_of (fx, twin));
  row = row_of (fx, fx->ready);
  g_assert_true (shouhu_volunteer_row_get_ready (row));
  workers = shouhu_annex2_volunteer_workers (fx->store, fx->ready, NULL);
  g_assert_cmpuint (workers->len, ==, 1);
  g_assert_nonnull (shouhu_notification_get_message (shouhu_window_get_notification (fx->window)));
}

static const char *
message (Fixture *fx)
{
  return shouhu_notification_get_message (shouhu_window_get_notification (fx->window));
}

/* Ctrl+Z, and the list read again. */
static void
undo (Fixture *fx)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  shouhu_test_wait_volunteers_loaded (fx->page);
}

static char *
stored_phone (Fixture *fx,
              gint64   id)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (fx->store, id, NULL);

  return v != NULL ? g_strdup (v->phone) : NULL;
}

/* Saves @phone for @id in the page's editor. */
static void
edit_phone (Fixture    *fx,
            gint64      id,
            const char *phone)
{
  ShouhuVolunteerEditor *editor;

  g_assert_true (shouhu_volunteer_page_select_id (fx->page, id, FALSE));
  editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_edit_selected (fx->page));
  g_assert_nonnull (editor);
  set_text (editor, SHOUHU_VOLUNTEER_FIELD_PHONE, phone);
  g_assert_true (shouhu_volunteer_editor_save (editor));
  shouhu_test_wait_volunteers_loaded (fx->page);
}

/* A save from the editor is told with an Undo; Ctrl+Z puts the values
 * back, with history, and never over a change made since. */
static void
test_undo_edit (Fixture       *fx,
                gconstpointer  data)
{
  g_autofree char *phone = NULL;
  g_autofree char *after_undo = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(ShouhuVolunteer) outside = NULL;

  edit_phone (fx, fx->ready, "13300009999");
  g_assert_cmpstr (message (fx), ==, "Changed the volunteer 周小红");
  phone = stored_phone (fx, fx->ready);
  g_assert_cmpstr (phone, ==, "13300009999");

  undo (fx);
  after_undo = stored_phone (fx, fx->ready);
  g_assert_cmpstr (after_undo, ==, "13300001234");
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM history WHERE entity = 'volunteer' "
                                          "AND action = 'edit' AND field = 'phone' AND new_value = '13300001234'"),
                   ==, 1);
  undo (fx);
  g_assert_cmpstr (message (fx), ==, "Nothing to undo");

  /* Changed since (another window): the undo says so and keeps it. */
  edit_phone (fx, fx->ready, "13300009999");
  outside = shouhu_annex2_get_volunteer (fx->store, fx->ready, NULL);
  g_assert_true (shouhu_volunteer_set_field (outside, SHOUHU_VOLUNTEER_FIELD_NOTE, "另一窗口", NULL));
  g_assert_cmpint (shouhu_annex2_save_volunteer (fx->store, outside, NULL), ==, fx->ready);
  undo (fx);
  g_assert_nonnull (strstr (message (fx), "changed again since"));
  kept = stored_phone (fx, fx->ready);
  g_assert_cmpstr (kept, ==, "13300009999");
}

/* A new volunteer: its Undo takes it away while nothing names it. */
static void
test_undo_add (Fixture       *fx,
               gconstpointer  data)
{
  ShouhuVolunteerEditor *editor = SHOUHU_VOLUNTEER_EDITOR (shouhu_volunteer_page_add_volunteer (fx->page));

  set_text (editor, SHOUHU_VOLUNTEER_FIELD_NAME, "李新");
  g_assert_true (shouhu_volunteer_editor_save (editor));
  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_cmpuint (n_rows (fx), ==, 5);
  g_assert_cmpstr (message (fx), ==, "Added the volunteer 李新");

  shouhu_notification_activate_button (shouhu_window_get_notification (fx->window));
  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_cmpuint (n_rows (fx), ==, 4);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM volunteer WHERE name = '李新'"), ==, 0);
}

/* A merge is told with an Undo, and Ctrl+Z brings the removed record
 * back with its family. */
static void
test_undo_merge (Fixture       *fx,
                 gconstpointer  data)
{
  gint64 twin = add_volunteer (fx->store, "周小红", "", "渝中区", FALSE, -1);
  ShouhuVolunteerMergeDialog *dialog;
  g_autoptr(GArray) workers = NULL;
  g_autoptr(GArray) twin_workers = NULL;
  g_autoptr(ShouhuWorker) family = shouhu_test_make_worker (shouhu_district_lookup ("渝中区")->id, "王芳",
                                                            "13900002222");
  gint64 other = shouhu_annex2_save_worker (fx->store, family, &twin, 1, FALSE, NULL);

  g_assert_cmpint (other, >, 0);
  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_true (shouhu_volunteer_page_select_id (fx->page, fx->ready, FALSE));
  g_assert_true (shouhu_volunteer_page_select_id (fx->page, twin, TRUE));
  dialog = SHOUHU_VOLUNTEER_MERGE_DIALOG (shouhu_volunteer_page_merge_selected (fx->page));
  shouhu_volunteer_merge_dialog_set_keep (dialog, fx->ready);
  g_assert_true (shouhu_volunteer_merge_dialog_merge (dialog));
  shouhu_test_wait_volunteers_loaded (fx->page);
  g_assert_cmpuint (n_rows (fx), ==, 4);
  g_assert_cmpstr (message (fx), ==, "Merged the two records of 周小红 into one");

  undo (fx);
  g_assert_cmpuint (n_rows (fx), ==, 5);
  workers = shouhu_annex2_volunteer_workers (fx->store, fx->ready, NULL);
  twin_workers = shouhu_annex2_volunteer_workers (fx->store, twin, NULL);
  g_assert_cmpuint (workers->len, ==, 1);
  g_assert_cmpint (g_array_index (workers, gint64, 0), ==, fx->worker);
  g_assert_cmpuint (twin_workers->len, ==, 1);
  g_assert_cmpint (g_array_index (twin_workers, gint64, 0), ==, other);

  /* Once: the notification's Undo has nothing left to take back. */
  undo (fx);
  g_assert_cmpstr (message (fx), ==, "Nothing to undo");
}

/* The overview counts those not ready and warns about insurance ending. */
static void
test_overview (Fixture       *fx,
               gconstpointer  data)
{
  ShouhuDashboardPage *dashboard = SHOUHU_DASHBOARD_PAGE (shouhu_test_find_widget (GTK_WIDGET (fx->window),
                                                                      SHOUHU_TYPE_DASHBOARD_PAGE));
  const char *warning;

  shouhu_window_show_page (fx->window, "dashboard");
  warning = shouhu_dashboard_page_get_volunteer_warning (dashboard);
  g_assert_nonnull (warning);
  g_assert_nonnull (strstr (warning, "2 volunteers are not ready"));
  g_assert_nonnull (strstr (warning, "1 volunteer ends within"));

  /* Its button shows the page (Alt+4 does too). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dashboard), "win.show-page", "s", "volunteers"));
  g_assert_cmpstr (shouhu_window_get_visible_page (fx->window), ==, "volunteers");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/volunteer-page/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/volunteer-page/empty", Fixture, "empty", fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/volunteer-page/editor", Fixture, NULL, fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/volunteer-page/editor-escape", Fixture, NULL, fixture_set_up, test_editor_escape, fixture_tear_down);
  g_test_add ("/volunteer-page/chooser-and-pairings", Fixture, NULL, fixture_set_up, test_chooser_and_pairings,
              fixture_tear_down);
  g_test_add ("/volunteer-page/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/volunteer-page/overview", Fixture, NULL, fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/volunteer-page/undo-edit", Fixture, NULL, fixture_set_up, test_undo_edit, fixture_tear_down);
  g_test_add ("/volunteer-page/undo-add", Fixture, NULL, fixture_set_up, test_undo_add, fixture_tear_down);
  g_test_add ("/volunteer-page/undo-merge", Fixture, NULL, fixture_set_up, test_undo_merge, fixture_tear_down);

  return g_test_run ();
}

/* test-annex1-page.c — editing Annex 1 through the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex1-page.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"

typedef struct
{
  char             *dir;
  ShouhuStore      *store;
  GtkWindow        *window;
  ShouhuAnnex1Page *page;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (c, type) ? c : find_descendant (c, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->store = shouhu_test_new_store (&path);
  f->dir = g_path_get_dirname (path);
  g_assert_true (shouhu_annex1_load_notice_figures (f->store, &error));
  g_assert_no_error (error);

  f->window = GTK_WINDOW (shouhu_window_new (NULL, f->store, NULL));
  f->page = SHOUHU_ANNEX1_PAGE (find_descendant (GTK_WIDGET (f->window), SHOUHU_TYPE_ANNEX1_PAGE));
  g_assert_nonnull (f->page);
  shouhu_window_show_page (SHOUHU_WINDOW (f->window), "annex1");
  gtk_window_present (f->window);
  iterate ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->store);
  shouhu_test_rm_rf (f->dir);
  g_free (f->dir);
}

static void
type_into (GtkEditable *cell,
           const char  *text)
{
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_set_text (cell, text);
  g_signal_emit_by_name (cell, "activate");
  iterate ();
}

static void
test_edit_updates_sum_and_store (Fixture       *f,
                                 gconstpointer  data)
{
  GtkEditable *cell;

  g_assert_cmpstr (shouhu_annex1_page_get_date (f->page), ==, "2020-02-07");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 0), ==, "1972");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 1), ==, "467");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 2), ==, "1300");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 5), ==, "162");

  /* 渝中区 第一批 总人数 60 → 70 */
  cell = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "60");
  type_into (cell, "70");

  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 0), ==, "1982");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 2), ==, "1310");
  g_assert_cmpint (shouhu_test_query_int (f->store,
                                          "SELECT total FROM annex1_figure WHERE district_id = 4 AND batch = 1"),
                   ==, 70);
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));

  /* Enter moved the focus down to 大渡口区, same column. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (shouhu_annex1_page_get_cell (f->page, 5, 1, SHOUHU_ANNEX1_TOTAL))) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)),
                                         GTK_WIDGET (shouhu_annex1_page_get_cell (f->page, 5, 1, SHOUHU_ANNEX1_TOTAL))));

  /* Full-width digits are taken and shown as stored. */
  cell = shouhu_annex1_page_get_cell (f->page, 1, 2, SHOUHU_ANNEX1_TOTAL);
  type_into (cell, "１２");
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "12");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 4), ==, "684");
}

static void
test_rejected_value (Fixture       *f,
                     gconstpointer  data)
{
  GtkEditable *cell;
  const char *message;

  /* 渝中区 第一批 支援湖北 may not pass its 总人数 (60). */
  cell = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_HUBEI);
  type_into (cell, "61");

  message = shouhu_annex1_page_get_error_message (f->page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "渝中区"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "61");
  g_assert_cmpint (shouhu_test_query_int (f->store,
                                          "SELECT hubei FROM annex1_figure WHERE district_id = 4 AND batch = 1"),
                   ==, 44);
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 1), ==, "467");

  /* Not a number at all. */
  cell = shouhu_annex1_page_get_cell (f->page, 7, 2, SHOUHU_ANNEX1_TOTAL);
  type_into (cell, "-3");
  g_assert_nonnull (shouhu_annex1_page_get_error_message (f->page));
  g_assert_cmpint (shouhu_test_query_int (f->store,
                                          "SELECT total FROM annex1_figure WHERE district_id = 7 AND batch = 2"),
                   ==, 65);

  /* A correct value clears the mark and is stored. */
  type_into (cell, "66");
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (cell), "error"));
  g_assert_cmpint (shouhu_test_query_int (f->store,
                                          "SELECT total FROM annex1_figure WHERE district_id = 7 AND batch = 2"),
                   ==, 66);
}

static void
test_note_and_new_batch (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *cell = shouhu_annex1_page_get_cell (f->page, 39, SHOUHU_ANNEX1_NOTE_BATCH, 0);

  type_into (cell, "含两江新区各医院");
  g_assert_cmpint (shouhu_test_query_int (f->store,
                                          "SELECT count(*) FROM annex1_note WHERE district_id = 39"
                                          " AND note = '含两江新区各医院'"), ==, 1);

  /* A third batch added elsewhere shows up as new columns. */
  g_assert_null (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));
  g_assert_true (shouhu_annex1_add_batch (f->store, "2020-02-07", &error));
  iterate ();
  g_assert_nonnull (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 6), ==, "0");
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = NULL;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Adding a batch by mistake is taken back with the notification's Undo,
 * and never once figures are in it. */
static void
test_add_batch_undo (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuNotification *notification = shouhu_window_get_notification (SHOUHU_WINDOW (f->window));
  GtkWidget *add = find_button (GTK_WIDGET (f->page), "Add _Batch");

  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  g_assert_nonnull (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));
  g_assert_nonnull (shouhu_notification_get_message (notification));
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 3);

  shouhu_notification_activate_button (notification);
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 2);
  g_assert_null (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));

  /* With a figure in the new batch, undo keeps it and says why. */
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  g_assert_true (shouhu_annex1_set_count (f->store, "2020-02-07", 7, 3, SHOUHU_ANNEX1_TOTAL, "4", &error));
  shouhu_notification_activate_button (notification);
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 3);
  g_assert_nonnull (shouhu_notification_get_message (notification));
}

/* win.notify-undo from any page of the window: the message reaches the
 * notification's revealer with an Undo button, and the button activates
 * the action on the page that has it, here this page's. */
static void
test_undo_through_window (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuNotification *notification = shouhu_window_get_notification (SHOUHU_WINDOW (f->window));
  GtkRevealer *revealer = GTK_REVEALER (find_descendant (GTK_WIDGET (notification), GTK_TYPE_REVEALER));
  GtkWidget *dashboard = find_descendant (GTK_WIDGET (f->window), SHOUHU_TYPE_DASHBOARD_PAGE);
  GtkWidget *undo;

  g_assert_nonnull (dashboard);
  g_assert_true (shouhu_annex1_add_batch (f->store, "2020-02-07", &error));
  g_assert_no_error (error);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  g_assert_true (gtk_widget_activate_action (dashboard, "win.notify-undo", "(ss)",
                                             "加了一批", "annex1.remove-last-batch('2020-02-07')"));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==, "加了一批");
  undo = find_button (GTK_WIDGET (revealer), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_visible (undo));

  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 3);
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 2);
  /* It says what it undid, and offers nothing more. */
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==, "Undone: 加了一批");
  g_assert_false (gtk_widget_get_visible (undo));
}

/* Types @text into @cell, then moves the focus to @next as Tab or a
 * click would: the cell is taken when the focus leaves it. */
static void
type_then_focus (GtkEditable *cell,
                 const char  *text,
                 GtkEditable *next)
{
  gtk_widget_grab_focus (GTK_WIDGET (cell));
  iterate ();
  gtk_editable_set_text (cell, text);
  gtk_widget_grab_focus (GTK_WIDGET (next));
  iterate ();
}

static gint64
stored (Fixture    *f,
        int         district_id,
        int         batch,
        const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM annex1_figure WHERE district_id = %d AND batch = %d",
                                          column, district_id, batch);

  return shouhu_test_query_int (f->store, sql);
}

static gboolean
has_class (GtkEditable *cell,
           const char  *name)
{
  return gtk_widget_has_css_class (GTK_WIDGET (cell), name);
}

/* 渝中区's first batch goes down from 60 / 44 to 30 / 20, typed left to
 * right: 30 is below the stored 44, so it waits, marked as not saved,
 * until 20 completes the pair; then both are stored at once. */
static void
test_typed_left_to_right (Fixture       *f,
                          gconstpointer  data)
{
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_HUBEI);
  GtkEditable *next = shouhu_annex1_page_get_cell (f->page, 4, 2, SHOUHU_ANNEX1_TOTAL);
  const char *unsaved;

  g_assert_null (shouhu_annex1_page_get_unsaved_message (f->page));
  type_then_focus (total, "30", hubei);
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 60);
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "30");
  g_assert_true (has_class (total, "unsaved"));
  g_assert_false (has_class (total, "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (total)));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  unsaved = shouhu_annex1_page_get_unsaved_message (f->page);
  g_assert_nonnull (unsaved);
  g_assert_nonnull (strstr (unsaved, "渝中区"));
  /* The sums are the stored figures'. */
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 2), ==, "1300");

  type_then_focus (hubei, "20", next);
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 30);
  g_assert_cmpint (stored (f, 4, 1, "hubei"), ==, 20);
  g_assert_false (has_class (total, "unsaved"));
  g_assert_false (has_class (hubei, "unsaved"));
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (total)));
  g_assert_null (shouhu_annex1_page_get_unsaved_message (f->page));
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 2), ==, "1270");
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 3), ==, "281");

  /* Right to left works the same. */
  type_then_focus (hubei, "2", total);
  g_assert_cmpint (stored (f, 4, 1, "hubei"), ==, 2);
  type_then_focus (total, "5", hubei);
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 5);
  g_assert_cmpint (stored (f, 4, 1, "hubei"), ==, 2);
}

/* A pair left wrong stays marked, nothing of it stored; its reason shows
 * at the cell only while the cell has the focus, and goes once fixed. */
static void
test_wrong_row_stays_marked (Fixture       *f,
                             gconstpointer  data)
{
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 4, 2, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 4, 2, SHOUHU_ANNEX1_HUBEI);
  GtkEditable *other_row = shouhu_annex1_page_get_cell (f->page, 8, 2, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *note = shouhu_annex1_page_get_cell (f->page, 4, SHOUHU_ANNEX1_NOTE_BATCH, 0);
  const char *message;

  /* 10 is below the stored 24; in the row, the pair only waits. */
  type_then_focus (total, "10", note);
  g_assert_false (has_class (total, "error"));
  g_assert_true (has_class (total, "unsaved"));

  /* Leaving the row checks it: both halves are marked, nothing stored,
   * and no reason hangs over the cell the focus went to. */
  gtk_widget_grab_focus (GTK_WIDGET (other_row));
  iterate ();
  g_assert_true (has_class (total, "error"));
  g_assert_true (has_class (hubei, "error"));
  g_assert_false (has_class (hubei, "unsaved"));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  g_assert_cmpint (stored (f, 4, 2, "total"), ==, 49);
  g_assert_cmpint (stored (f, 4, 2, "hubei"), ==, 24);
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "10");

  /* Back in the row, the reason shows at the cell that has the focus. */
  gtk_widget_grab_focus (GTK_WIDGET (hubei));
  iterate ();
  message = shouhu_annex1_page_get_error_message (f->page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "渝中区"));

  /* A store change elsewhere keeps the typed figure and its marks. */
  type_into (shouhu_annex1_page_get_cell (f->page, 1, 1, SHOUHU_ANNEX1_TOTAL), "6");
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "10");
  g_assert_true (has_class (total, "error"));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));

  /* Fixing the other half stores the pair and clears every mark. */
  type_then_focus (hubei, "5", note);
  g_assert_cmpint (stored (f, 4, 2, "total"), ==, 10);
  g_assert_cmpint (stored (f, 4, 2, "hubei"), ==, 5);
  g_assert_false (has_class (total, "error"));
  g_assert_false (has_class (hubei, "error"));
  g_assert_false (has_class (total, "unsaved"));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  g_assert_null (shouhu_annex1_page_get_unsaved_message (f->page));
}

/* A key as the cell's key controller of @phase sees it (capture: before
 * the text's own handling); returns whether it was taken. */
static gboolean
press_key (GtkEditable         *cell,
           GtkPropagationPhase  phase,
           guint                keyval,
           GdkModifierType      state)
{
  gboolean handled = FALSE;

  for (guint i = 0; ; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (gtk_widget_observe_controllers (GTK_WIDGET (cell)), i);

      if (controller == NULL)
        return FALSE;
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) == phase)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          iterate ();
          return handled;
        }
    }
}

static gboolean
press_escape (GtkEditable *cell)
{
  return press_key (cell, GTK_PHASE_BUBBLE, GDK_KEY_Escape, 0);
}

/* Escape brings the stored figure back; the typed other half, now good
 * with it, is stored. */
static void
test_escape_brings_back_stored (Fixture       *f,
                                gconstpointer  data)
{
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 7, 1, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 7, 1, SHOUHU_ANNEX1_HUBEI);

  /* 沙坪坝区 234 / 80: both typed, and wrong together. */
  type_then_focus (total, "50", hubei);
  type_then_focus (hubei, "70", total);
  g_assert_true (has_class (total, "error"));
  g_assert_nonnull (shouhu_annex1_page_get_error_message (f->page));

  g_assert_true (press_escape (total));
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "234");
  g_assert_cmpint (stored (f, 7, 1, "total"), ==, 234);
  g_assert_cmpint (stored (f, 7, 1, "hubei"), ==, 70);
  g_assert_false (has_class (total, "error"));
  g_assert_false (has_class (hubei, "unsaved"));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  g_assert_null (shouhu_annex1_page_get_unsaved_message (f->page));
}

/* Enter on a refused figure keeps the focus once; Enter again moves on
 * and leaves the row marked. */
static void
test_enter_refused_once (Fixture       *f,
                         gconstpointer  data)
{
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_HUBEI);
  GtkEditable *below = shouhu_annex1_page_get_cell (f->page, 5, 1, SHOUHU_ANNEX1_HUBEI);
  GtkWidget *focus;

  type_into (hubei, "61");
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (hubei) || gtk_widget_is_ancestor (focus, GTK_WIDGET (hubei)));
  g_assert_nonnull (shouhu_annex1_page_get_error_message (f->page));

  g_signal_emit_by_name (hubei, "activate");
  iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (focus == GTK_WIDGET (below) || gtk_widget_is_ancestor (focus, GTK_WIDGET (below)));
  g_assert_true (has_class (hubei, "error"));
  g_assert_null (shouhu_annex1_page_get_error_message (f->page));
  g_assert_cmpint (stored (f, 4, 1, "hubei"), ==, 44);
}

/* What was typed and not stored survives the grid being rebuilt (a batch
 * added), and an empty batch with such a figure is not taken back. */
static void
test_typed_survives_rebuild (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *note = shouhu_annex1_page_get_cell (f->page, 4, SHOUHU_ANNEX1_NOTE_BATCH, 0);
  GtkWidget *remove = find_button (GTK_WIDGET (f->page), "_Remove Empty Last Batch");
  GtkEditable *cell;

  g_assert_nonnull (remove);
  type_then_focus (total, "30", note);
  g_assert_true (shouhu_annex1_add_batch (f->store, "2020-02-07", &error));
  iterate ();
  total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "30");
  g_assert_true (has_class (total, "unsaved"));
  g_assert_true (gtk_widget_is_sensitive (remove));

  /* Not a number typed in the new batch: it is kept, and so is the batch,
   * by the button and by the Undo of adding it alike. */
  cell = shouhu_annex1_page_get_cell (f->page, 9, 3, SHOUHU_ANNEX1_TOTAL);
  note = shouhu_annex1_page_get_cell (f->page, 9, SHOUHU_ANNEX1_NOTE_BATCH, 0);
  type_then_focus (cell, "十", note);
  g_assert_true (has_class (cell, "error"));
  g_assert_true (has_class (cell, "unsaved"));
  g_assert_false (gtk_widget_is_sensitive (remove));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "annex1.remove-last-batch", "s", "2020-02-07");
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (cell), ==, "十");
}

/* An empty last batch is taken back at any time, not only through the
 * Undo of its notification, and that is undone in turn. */
static void
test_remove_empty_batch (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuNotification *notification = shouhu_window_get_notification (SHOUHU_WINDOW (f->window));
  GtkWidget *remove = find_button (GTK_WIDGET (f->page), "_Remove Empty Last Batch");

  /* The notice's two batches stay. */
  g_assert_nonnull (remove);
  g_assert_false (gtk_widget_is_sensitive (remove));

  g_assert_true (shouhu_annex1_add_batch (f->store, "2020-02-07", &error));
  iterate ();
  g_assert_true (gtk_widget_is_sensitive (remove));
  g_assert_null (shouhu_notification_get_message (notification));

  g_signal_emit_by_name (remove, "clicked");
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 2);
  g_assert_null (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));
  g_assert_false (gtk_widget_is_sensitive (remove));
  g_assert_nonnull (shouhu_notification_get_message (notification));

  /* Undo brings the empty batch back. */
  shouhu_notification_activate_button (notification);
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT batch_count FROM annex1_table"), ==, 3);
  g_assert_nonnull (shouhu_annex1_page_get_cell (f->page, 1, 3, SHOUHU_ANNEX1_TOTAL));

  /* Once a figure is in it, it stays. */
  type_into (shouhu_annex1_page_get_cell (f->page, 2, 3, SHOUHU_ANNEX1_TOTAL), "3");
  g_assert_cmpint (stored (f, 2, 3, "total"), ==, 3);
  g_assert_false (gtk_widget_is_sensitive (remove));
}

static gboolean
press_ctrl_z (GtkEditable *cell)
{
  return press_key (cell, GTK_PHASE_CAPTURE, GDK_KEY_z, GDK_CONTROL_MASK);
}

static gboolean
focus_in (Fixture     *f,
          GtkEditable *cell)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == GTK_WIDGET (cell) || gtk_widget_is_ancestor (focus, GTK_WIDGET (cell)));
}

/* A figure typed and left with Tab is stored; Ctrl+Z in the next cell,
 * where nothing is typed, takes it back through the window's undo: the
 * old figure is stored and shown, and the focus is on its cell.  In a
 * cell being typed in, Ctrl+Z is left to the text. */
static void
test_ctrl_z_undoes_figure (Fixture       *f,
                           gconstpointer  data)
{
  ShouhuNotification *notification = shouhu_window_get_notification (SHOUHU_WINDOW (f->window));
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_HUBEI);
  GtkEditable *note = shouhu_annex1_page_get_cell (f->page, 4, SHOUHU_ANNEX1_NOTE_BATCH, SHOUHU_ANNEX1_TOTAL);

  type_then_focus (total, "70", hubei);
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 70);

  /* Being typed in: the text's own. */
  gtk_editable_set_text (hubei, "4");
  g_assert_false (press_ctrl_z (hubei));
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 70);
  gtk_editable_set_text (hubei, "44");

  g_assert_true (press_ctrl_z (hubei));
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 60);
  g_assert_cmpint (stored (f, 4, 1, "hubei"), ==, 44);
  total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "60");
  g_assert_true (focus_in (f, total));
  g_assert_cmpstr (shouhu_annex1_page_get_sum_text (f->page, 0), ==, "1972");
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==, "Undone: Changed the figures of 渝中区, Batch 1");

  /* A remark, through the window's action. */
  type_then_focus (note, "已核对", total);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM annex1_note WHERE district_id = 4 "
                                                    "AND note = '已核对'"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM annex1_note WHERE district_id = 4 "
                                                    "AND note <> ''"), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "");
  g_assert_true (focus_in (f, note));

  /* Nothing left to take back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==, "Nothing to undo");
}

/* A figure changed since by another program is not overwritten: the
 * Undo says so and changes nothing. */
static void
test_undo_after_outside_change (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  ShouhuNotification *notification = shouhu_window_get_notification (SHOUHU_WINDOW (f->window));
  GtkEditable *total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  GtkEditable *hubei = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_HUBEI);
  const char *message;

  type_then_focus (total, "70", hubei);
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 70);
  g_assert_true (shouhu_annex1_set_pair (f->store, "2020-02-07", 4, 1, 80, 44, &error));
  g_assert_no_error (error);
  iterate ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpint (stored (f, 4, 1, "total"), ==, 80);
  total = shouhu_annex1_page_get_cell (f->page, 4, 1, SHOUHU_ANNEX1_TOTAL);
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "80");
  message = shouhu_notification_get_message (notification);
  g_assert_nonnull (strstr (message, "渝中区"));
  g_assert_nonnull (strstr (message, "changed again since"));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/annex1-page/edit-updates-sum-and-store", Fixture, NULL,
              fixture_set_up, test_edit_updates_sum_and_store, fixture_tear_down);
  g_test_add ("/annex1-page/rejected-value", Fixture, NULL,
              fixture_set_up, test_rejected_value, fixture_tear_down);
  g_test_add ("/annex1-page/note-and-new-batch", Fixture, NULL,
              fixture_set_up, test_note_and_new_batch, fixture_tear_down);
  g_test_add ("/annex1-page/add-batch-undo", Fixture, NULL,
              fixture_set_up, test_add_batch_undo, fixture_tear_down);
  g_test_add ("/annex1-page/undo-through-window", Fixture, NULL,
              fixture_set_up, test_undo_through_window, fixture_tear_down);
  g_test_add ("/annex1-page/typed-left-to-right", Fixture, NULL,
              fixture_set_up, test_typed_left_to_right, fixture_tear_down);
  g_test_add ("/annex1-page/wrong-row-stays-marked", Fixture, NULL,
              fixture_set_up, test_wrong_row_stays_marked, fixture_tear_down);
  g_test_add ("/annex1-page/escape-brings-back-stored", Fixture, NULL,
              fixture_set_up, test_escape_brings_back_stored, fixture_tear_down);
  g_test_add ("/annex1-page/enter-refused-once", Fixture, NULL,
              fixture_set_up, test_enter_refused_once, fixture_tear_down);
  g_test_add ("/annex1-page/typed-survives-rebuild", Fixture, NULL,
              fixture_set_up, test_typed_survives_rebuild, fixture_tear_down);
  g_test_add ("/annex1-page/remove-empty-batch", Fixture, NULL,
              fixture_set_up, test_remove_empty_batch, fixture_tear_down);
  g_test_add ("/annex1-page/ctrl-z-undoes-figure", Fixture, NULL,
              fixture_set_up, test_ctrl_z_undoes_figure, fixture_tear_down);
  g_test_add ("/annex1-page/undo-after-outside-change", Fixture, NULL,
              fixture_set_up, test_undo_after_outside_change, fixture_tear_down);
  return g_test_run ();
}

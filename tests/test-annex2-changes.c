/* test-annex2-changes.c — the Annex 2 page's changes as the clerk sees
 * them: Ctrl+Z takes back deletes, edits and additions in turn; the focus
 * stays near a deleted row; a record saved under another district says
 * where it went; Escape in the editor asks before throwing away what was
 * typed; the form header's errors stay at the field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-pairing.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-undo-stack.h"
#include "shouhu-window.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"

#define YUZHONG 4
#define JIANGBEI 6

typedef struct
{
  ShouhuStore      *store;
  ShouhuWindow     *window;
  ShouhuAnnex2Page *page;
  gint64            ids[3];   /* 甲, 乙, 丙 of 渝中区, in that order */
  gint64            other;    /* 丁 of 江北区 */
} Fixture;

static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The 序号 shown in the row that has the keyboard focus, 0 if none: the
 * main loop runs until a row has it (the deadline only ends a test that
 * would otherwise hang). */
static guint
focused_row_number (Fixture *f)
{
  gboolean too_late = FALSE;
  guint deadline = g_timeout_add_seconds (30, deadline_cb, &too_late);
  GtkWidget *view = shouhu_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *focus = NULL;

  while (!too_late)
    {
      focus = gtk_window_get_focus (GTK_WINDOW (f->window));
      if (focus != NULL && gtk_widget_is_ancestor (focus, view) && shouhu_test_find_widget (focus, GTK_TYPE_LABEL) != NULL)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!too_late)
    g_source_remove (deadline);
  if (too_late)
    return 0;
  /* The row's first cell is its 序号. */
  return (guint) g_ascii_strtoull (gtk_label_get_text (GTK_LABEL (shouhu_test_find_widget (focus, GTK_TYPE_LABEL))), NULL, 10);
}

static gint64
add_worker (ShouhuStore *store,
            int          district_id,
            const char  *name)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  w->district_id = district_id;
  g_free (w->hospital);
  w->hospital = g_strdup ("重庆市人民医院");
  g_free (w->name);
  w->name = g_strdup (name);
  g_free (w->gender);
  w->gender = g_strdup ("女");
  id = shouhu_annex2_save_worker (store, w, NULL, 0, FALSE, &error);
  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = shouhu_test_new_store (NULL);
  f->ids[0] = add_worker (f->store, YUZHONG, "甲");
  f->ids[1] = add_worker (f->store, YUZHONG, "乙");
  f->ids[2] = add_worker (f->store, YUZHONG, "丙");
  f->other = add_worker (f->store, JIANGBEI, "丁");
  f->window = shouhu_window_new (NULL, f->store, NULL);
  gtk_window_present (GTK_WINDOW (f->window));
  shouhu_window_show_page (f->window, "annex2");
  f->page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (f->window), SHOUHU_TYPE_ANNEX2_PAGE));
  shouhu_annex2_page_set_district_filter (f->page, YUZHONG);
  shouhu_test_wait_annex2_loaded (f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (shouhu_annex2_page_get_model (f->page));
}

static const char *
message (Fixture *f)
{
  return shouhu_notification_get_message (shouhu_window_get_notification (f->window));
}

static char *
stored_hospital (Fixture *f,
                 gint64   id)
{
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (f->store, id, NULL);

  return w != NULL ? g_strdup (w->hospital) : NULL;
}

/* The editor the page opened, found among the toplevels. */
static ShouhuWorkerEditor *
open_editor (Fixture    *f,
             const char *action)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SHOUHU_IS_WORKER_EDITOR (window))
        return SHOUHU_WORKER_EDITOR (window);
    }
  g_assert_not_reached ();
  return NULL;
}

/* A new record of @district_id in the editor, ready to save. */
static ShouhuWorkerEditor *
add_in_editor (Fixture    *f,
               int         district_id,
               const char *name)
{
  ShouhuWorkerEditor *editor = open_editor (f, "annex2.add");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_DISTRICT)),
                              (guint) district_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_GENDER)), 1);
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL)),
                         "江北区人民医院");
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_NAME)), name);
  return editor;
}

static void
undo (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  shouhu_test_wait_annex2_loaded (f->page);
}

/* Deleting keeps the focus where it was: on the row below, or the one
 * above for the last. */
static void
test_focus_after_delete (Fixture       *f,
                         gconstpointer  data)
{
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[1]));
  shouhu_annex2_page_delete_selected (f->page);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpuint (n_rows (f), ==, 2);
  g_assert_cmpstr (message (f), ==, "Deleted the record of 乙");
  g_assert_cmpuint (focused_row_number (f), ==, 2);

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[2]));
  shouhu_annex2_page_delete_selected (f->page);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpuint (n_rows (f), ==, 1);
  g_assert_cmpuint (focused_row_number (f), ==, 1);
}

/* Ctrl+Z takes back the newest change first, then the one before, each
 * through core: an edit of a record (its history shows it), a delete; it
 * says what it undid, and when nothing is left. */
static void
test_undo_in_turn (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *hospital = NULL;
  ShouhuWorkerEditor *editor;
  g_autoptr(GError) error = NULL;
  guint edits = 0;

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[0]));
  shouhu_annex2_page_delete_selected (f->page);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpuint (n_rows (f), ==, 2);

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[1]));
  editor = open_editor (f, "annex2.edit");
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL)),
                         "重庆医科大学附属第一医院");
  g_assert_true (shouhu_worker_editor_save (editor));
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpstr (message (f), ==, "Saved the changes to the record of 乙");
  hospital = stored_hospital (f, f->ids[1]);
  g_assert_cmpstr (hospital, ==, "重庆医科大学附属第一医院");
  g_clear_pointer (&hospital, g_free);

  /* The edit first, the record it was left as: that is in its history. */
  undo (f);
  hospital = stored_hospital (f, f->ids[1]);
  g_assert_cmpstr (hospital, ==, "重庆市人民医院");
  g_clear_pointer (&hospital, g_free);
  g_assert_cmpstr (message (f), ==, "Undone: Saved the changes to the record of 乙");
  history = shouhu_annex2_history (f->store, "worker", f->ids[1], &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      ShouhuHistoryEntry *entry = history->pdata[i];

      edits += g_strcmp0 (entry->action, "edit") == 0 && g_strcmp0 (entry->field, "hospital") == 0;
    }
  g_assert_cmpuint (edits, ==, 2);

  /* Then the delete: the record is back, selected. */
  undo (f);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpstr (message (f), ==, "Undone: Deleted the record of 甲");
  g_assert_cmpuint (focused_row_number (f), ==, 1);

  undo (f);
  g_assert_cmpstr (message (f), ==, "Nothing to undo");
  g_assert_cmpuint (n_rows (f), ==, 3);
}

/* Ctrl+Z after a delete brings the family's pairings back as they were:
 * the one for a need stays for that need, not 保底. */
static void
test_undo_delete_keeps_roles (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 basic = shouhu_test_annex2_add_volunteer (f->store, YUZHONG, "周小红", "七星岗街道", "华一坡社区", 0,
                                                   "2020-12-31");
  gint64 tutor = shouhu_test_annex2_add_volunteer (f->store, YUZHONG, "吴刚", "七星岗街道", "华一坡社区",
                                                   SHOUHU_SKILL_TUTORING, "2020-12-31");
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM pairing WHERE worker_id = %" G_GINT64_FORMAT
                                          " AND ((volunteer_id = %" G_GINT64_FORMAT " AND role = %d)"
                                          "   OR (volunteer_id = %" G_GINT64_FORMAT " AND role = %d))",
                                          f->ids[0], basic, SHOUHU_PAIRING_BASIC, tutor,
                                          SHOUHU_FAMILY_NEED_TUTORING);

  g_assert_true (shouhu_pairing_set_needs (f->store, f->ids[0], SHOUHU_FAMILY_NEED_TUTORING, &error));
  g_assert_true (shouhu_pairing_pair (f->store, f->ids[0], basic, SHOUHU_PAIRING_BASIC, &error));
  g_assert_true (shouhu_pairing_pair (f->store, f->ids[0], tutor, SHOUHU_FAMILY_NEED_TUTORING, &error));
  g_assert_no_error (error);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpint (shouhu_test_query_int (f->store, sql), ==, 2);

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[0]));
  shouhu_annex2_page_delete_selected (f->page);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count (*) FROM pairing"), ==, 0);

  undo (f);
  g_assert_cmpint (shouhu_test_query_int (f->store, sql), ==, 2);
}

/* An Undo never overwrites a change made since (here by another
 * program): it says so and leaves the record alone. */
static void
test_undo_after_outside_change (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(ShouhuWorker) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hospital = NULL;
  ShouhuWorkerEditor *editor;

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[2]));
  editor = open_editor (f, "annex2.edit");
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL)),
                         "第一医院");
  g_assert_true (shouhu_worker_editor_save (editor));
  shouhu_test_wait_annex2_loaded (f->page);

  theirs = shouhu_annex2_get_worker (f->store, f->ids[2], &error);
  g_free (theirs->hospital);
  theirs->hospital = g_strdup ("第二医院");
  g_assert_cmpint (shouhu_annex2_save_worker (f->store, theirs, NULL, 0, TRUE, &error), ==, f->ids[2]);
  shouhu_test_wait_annex2_loaded (f->page);

  undo (f);
  g_assert_nonnull (strstr (message (f), "was changed again since"));
  hospital = stored_hospital (f, f->ids[2]);
  g_assert_cmpstr (hospital, ==, "第二医院");
}

/* A record added under another district than the one shown does not
 * vanish: the message names the district, its button shows the record,
 * and Ctrl+Z takes the addition back. */
static void
test_saved_elsewhere (Fixture       *f,
                      gconstpointer  data)
{
  ShouhuNotification *notification = shouhu_window_get_notification (f->window);
  g_autofree char *expected = g_strdup_printf ("Saved to %s, not shown under the current filter",
                                               shouhu_district_get (JIANGBEI)->name);
  ShouhuWorkerEditor *editor = add_in_editor (f, JIANGBEI, "戊");
  ShouhuWorkerRow *row;
  gint64 id;

  g_assert_true (shouhu_worker_editor_save (editor));
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpstr (message (f), ==, expected);
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker WHERE name = '戊'"), ==, 1);
  id = shouhu_test_query_int (f->store, "SELECT id FROM worker WHERE name = '戊'");

  /* 显示: the filter goes to 江北区, with the record selected. */
  shouhu_notification_activate_button (notification);
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpint (shouhu_annex2_page_get_district_filter (f->page), ==, JIANGBEI);
  g_assert_cmpuint (n_rows (f), ==, 2);
  row = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (
          gtk_column_view_get_model (GTK_COLUMN_VIEW (shouhu_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW)))));
  g_assert_nonnull (row);
  g_assert_cmpint (shouhu_worker_row_get_id (row), ==, id);

  /* A search that hides the saved record: said too, and 显示 clears it. */
  shouhu_annex2_page_set_search (f->page, "丁");
  editor = add_in_editor (f, JIANGBEI, "己");
  g_assert_true (shouhu_worker_editor_save (editor));
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpstr (message (f), ==, "Saved the record of 己, not shown under the current search or filter");
  shouhu_notification_activate_button (notification);
  g_assert_cmpuint (n_rows (f), ==, 3);

  /* Ctrl+Z: 己 then 戊 are taken back. */
  undo (f);
  undo (f);
  g_assert_cmpstr (message (f), ==, "Undone: Added the record of 戊");
  g_assert_cmpint (shouhu_test_query_int (f->store, "SELECT count(*) FROM worker WHERE name IN ('戊', '己')"), ==, 0);
  g_assert_cmpuint (n_rows (f), ==, 1);
}

/* A refused 联系电话 of the form header is said at the field, which keeps
 * the focus; with all districts shown, the header is the selected
 * record's district's. */
static void
test_form_header (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *reporter = shouhu_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_ENTRY);
  GtkWidget *phone = shouhu_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (reporter)), GTK_TYPE_ENTRY);
  GtkWidget *focus;

  g_assert_cmpint (shouhu_annex2_page_get_form_district (f->page), ==, YUZHONG);
  g_assert_true (gtk_widget_grab_focus (phone));
  gtk_editable_set_text (GTK_EDITABLE (phone), "12345");
  g_signal_emit_by_name (phone, "activate");
  g_assert_nonnull (shouhu_annex2_page_get_form_error (f->page));
  g_assert_nonnull (strstr (shouhu_annex2_page_get_form_error (f->page), "12345"));
  g_assert_null (message (f));
  focus = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (focus == phone || gtk_widget_is_ancestor (focus, phone));

  gtk_editable_set_text (GTK_EDITABLE (phone), "023-68881234");
  g_signal_emit_by_name (phone, "activate");
  g_assert_null (shouhu_annex2_page_get_form_error (f->page));

  /* All districts: none until a record is selected, then its district's.
   * (Choosing the district takes the focus from the header.) */
  g_assert_true (gtk_widget_grab_focus (shouhu_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN)));
  shouhu_annex2_page_set_district_filter (f->page, 0);
  g_assert_cmpint (shouhu_annex2_page_get_form_district (f->page), ==, 0);
  g_assert_true (shouhu_annex2_page_select_id (f->page, f->other));
  g_assert_cmpint (shouhu_annex2_page_get_form_district (f->page), ==, JIANGBEI);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "");
  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[0]));
  g_assert_cmpint (shouhu_annex2_page_get_form_district (f->page), ==, YUZHONG);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "023-68881234");
}

/* Escape (window.close) in the editor closes it at once when nothing
 * changed; else it asks, and each answer does what it says. */
static void
test_editor_escape (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ShouhuWorker) stored = NULL;
  ShouhuWorkerEditor *editor;
  GtkWidget *note;

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[0]));
  editor = open_editor (f, "annex2.edit");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_null (editor);

  /* Typed, then Escape: a question; 继续编辑 keeps what was typed. */
  editor = open_editor (f, "annex2.edit");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  note = shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_NOTE);
  gtk_editable_set_text (GTK_EDITABLE (note), "夜班");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_nonnull (editor);
  g_assert_nonnull (shouhu_worker_editor_get_question (editor));
  gtk_dialog_response (GTK_DIALOG (shouhu_worker_editor_get_question (editor)), GTK_RESPONSE_CANCEL);
  g_assert_nonnull (editor);
  g_assert_null (shouhu_worker_editor_get_question (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note)), ==, "夜班");

  /* 放弃: closed, nothing stored. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  gtk_dialog_response (GTK_DIALOG (shouhu_worker_editor_get_question (editor)), GTK_RESPONSE_REJECT);
  g_assert_null (editor);
  stored = shouhu_annex2_get_worker (f->store, f->ids[0], NULL);
  g_assert_cmpstr (stored->note, ==, "");
  g_clear_pointer (&stored, shouhu_worker_free);

  /* 保存: stored and closed, as Save does. */
  editor = open_editor (f, "annex2.edit");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_NOTE)), "夜班");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  gtk_dialog_response (GTK_DIALOG (shouhu_worker_editor_get_question (editor)), GTK_RESPONSE_ACCEPT);
  g_assert_null (editor);
  stored = shouhu_annex2_get_worker (f->store, f->ids[0], NULL);
  g_assert_cmpstr (stored->note, ==, "夜班");
  shouhu_test_wait_annex2_loaded (f->page);
  g_assert_cmpstr (message (f), ==, "Saved the changes to the record of 甲");

  /* A new record with only its district chosen for it is no change. */
  editor = open_editor (f, "annex2.add");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL));
  g_assert_null (editor);
}

/* The volunteer chooser: Down from its search field moves into the
 * results. */
static void
test_chooser_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GListModel) controllers = NULL;
  ShouhuWorkerEditor *editor;
  GtkWidget *chooser, *search, *focus;
  gboolean handled = FALSE;

  g_free (v->name);
  v->name = g_strdup ("志愿者王");
  v->district_id = YUZHONG;
  g_assert_cmpint (shouhu_annex2_save_volunteer (f->store, v, NULL), >, 0);

  g_assert_true (shouhu_annex2_page_select_id (f->page, f->ids[0]));
  editor = open_editor (f, "annex2.edit");
  chooser = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (shouhu_test_find_widget (GTK_WIDGET (editor),
                                                                                  GTK_TYPE_MENU_BUTTON))));
  gtk_menu_button_popup (GTK_MENU_BUTTON (shouhu_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_MENU_BUTTON)));
  shouhu_test_wait_annex2_loaded (f->page);
  search = shouhu_test_find_widget (chooser, GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (gtk_widget_is_focus (search) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (editor)), search));

  controllers = gtk_widget_observe_controllers (search);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
    }
  g_assert_true (handled);
  focus = gtk_root_get_focus (GTK_ROOT (editor));
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, chooser));
  gtk_popover_popdown (GTK_POPOVER (chooser));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* The stack hands changes back newest first, or the one asked for, and
 * keeps a hundred. */
static void
test_undo_stack (void)
{
  g_autoptr(ShouhuUndoStack) stack = shouhu_undo_stack_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  guint first, second, taken = 0;

  g_assert_cmpuint (shouhu_undo_stack_push (stack, "x", "not an action(", &error), ==, 0);
  g_assert_nonnull (error);
  first = shouhu_undo_stack_push (stack, "一", "page.undo(uint32 1)", NULL);
  second = shouhu_undo_stack_push (stack, "二", "page.undo(uint32 2)", NULL);
  g_assert_cmpuint (first, !=, 0);
  g_assert_cmpuint (second, !=, first);

  g_assert_true (shouhu_undo_stack_take (stack, first, &taken, &description, &action, &target));
  g_assert_cmpuint (taken, ==, first);
  g_assert_cmpstr (description, ==, "一");
  g_assert_cmpstr (action, ==, "page.undo");
  g_assert_cmpuint (g_variant_get_uint32 (target), ==, 1);
  g_assert_false (shouhu_undo_stack_take (stack, first, NULL, NULL, NULL, NULL));
  g_assert_true (shouhu_undo_stack_take (stack, 0, &taken, NULL, NULL, NULL));
  g_assert_cmpuint (taken, ==, second);
  g_assert_false (shouhu_undo_stack_take (stack, 0, NULL, NULL, NULL, NULL));

  for (guint i = 0; i < 150; i++)
    shouhu_undo_stack_push (stack, "n", "page.undo", NULL);
  g_assert_cmpuint (shouhu_undo_stack_get_n_items (stack), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex2-changes/undo-stack", test_undo_stack);
  g_test_add ("/annex2-changes/focus-after-delete", Fixture, NULL,
              fixture_set_up, test_focus_after_delete, fixture_tear_down);
  g_test_add ("/annex2-changes/undo-delete-keeps-roles", Fixture, NULL, fixture_set_up,
              test_undo_delete_keeps_roles, fixture_tear_down);
  g_test_add ("/annex2-changes/undo-in-turn", Fixture, NULL,
              fixture_set_up, test_undo_in_turn, fixture_tear_down);
  g_test_add ("/annex2-changes/undo-after-outside-change", Fixture, NULL,
              fixture_set_up, test_undo_after_outside_change, fixture_tear_down);
  g_test_add ("/annex2-changes/saved-elsewhere", Fixture, NULL,
              fixture_set_up, test_saved_elsewhere, fixture_tear_down);
  g_test_add ("/annex2-changes/editor-escape", Fixture, NULL,
              fixture_set_up, test_editor_escape, fixture_tear_down);
  g_test_add ("/annex2-changes/chooser-down", Fixture, NULL,
              fixture_set_up, test_chooser_down, fixture_tear_down);
  g_test_add ("/annex2-changes/form-header", Fixture, NULL,
              fixture_set_up, test_form_header, fixture_tear_down);

  return g_test_run ();
}

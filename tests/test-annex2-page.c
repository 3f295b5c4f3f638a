/* test-annex2-page.c — the Annex 2 page: add through the editor, filter,
 * search, delete and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-conflict-view.h"
#include "shouhu-annex2-page.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-window.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"

static guint
n_rows (ShouhuAnnex2Page *page)
{
  return g_list_model_get_n_items (shouhu_annex2_page_get_model (page));
}

static const ShouhuAnnex2Row *
first_row (ShouhuAnnex2Page *page,
           ShouhuWorkerRow **keep)
{
  *keep = g_list_model_get_item (shouhu_annex2_page_get_model (page), 0);
  return shouhu_worker_row_get_row (*keep);
}

static void
set_entry (ShouhuWorkerEditor *editor,
           ShouhuAnnex2Field   field,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, field)), text);
}

/* The first label under @widget whose text contains @part. */
static GtkLabel *
label_containing (GtkWidget  *widget,
                  const char *part)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (c) && strstr (gtk_label_get_text (GTK_LABEL (c)), part) != NULL)
        return GTK_LABEL (c);
      if ((found = label_containing (c, part)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_page (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuAnnex2Page *page;
  ShouhuWorkerEditor *editor;
  g_autoptr(ShouhuWorkerRow) row = NULL;
  GtkWidget *focus;
  gint64 vid;

  g_free (v->name);
  v->name = g_strdup ("志愿者李四");
  vid = shouhu_annex2_save_volunteer (store, v, &error);
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  shouhu_window_show_page (window, "annex2");
  page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE));
  g_assert_nonnull (page);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 0);

  /* The editor: a missing 医院 is refused, named, and gets the focus. */
  editor = SHOUHU_WORKER_EDITOR (shouhu_annex2_page_add_worker (page));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_DISTRICT)), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_GENDER)), 2);
  set_entry (editor, SHOUHU_ANNEX2_FIELD_NAME, "张三");
  set_entry (editor, SHOUHU_ANNEX2_FIELD_PHONE, "１３８ 1234 5678");
  set_entry (editor, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS, "渝中区解放碑 ABC");
  shouhu_worker_editor_add_volunteer (editor, vid, "志愿者李四");
  g_assert_false (shouhu_worker_editor_save (editor));
  g_assert_nonnull (strstr (shouhu_worker_editor_get_error (editor), "Hospital"));
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL) ||
                 gtk_widget_is_ancestor (focus, shouhu_worker_editor_get_field (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL)));

  set_entry (editor, SHOUHU_ANNEX2_FIELD_HOSPITAL, "重庆市人民医院");
  g_assert_true (shouhu_worker_editor_save (editor));
  g_assert_null (editor);  /* closed once stored */

  /* In the list, with its volunteer and its phone normalised. */
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_ANNEX2_FIELD_NAME], ==, "张三");
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_ANNEX2_FIELD_PHONE], ==, "13812345678");
  g_assert_cmpuint (first_row (page, &row)->n_volunteers, ==, 1);
  g_clear_object (&row);
  /* Its volunteer is not trained, equipped or insured: paired, not guarded,
   * in the cell and in the counts under the list. */
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "志愿者李四 (not ready for duty)"));
  g_assert_nonnull (label_containing (GTK_WIDGET (page), "0 families without a volunteer · 1 without one ready"));

  /* District filter. */
  shouhu_annex2_page_set_district_filter (page, 3);
  g_assert_cmpuint (n_rows (page), ==, 0);
  shouhu_annex2_page_set_district_filter (page, 2);
  g_assert_cmpuint (n_rows (page), ==, 1);
  shouhu_annex2_page_set_district_filter (page, 0);
  g_assert_cmpuint (n_rows (page), ==, 1);

  /* Search: by phone, volunteer and address (any case); a miss. */
  shouhu_annex2_page_set_search (page, "5678");
  g_assert_cmpuint (n_rows (page), ==, 1);
  shouhu_annex2_page_set_search (page, "李四");
  g_assert_cmpuint (n_rows (page), ==, 1);
  shouhu_annex2_page_set_search (page, "abc");
  g_assert_cmpuint (n_rows (page), ==, 1);
  shouhu_annex2_page_set_search (page, "王五");
  g_assert_cmpuint (n_rows (page), ==, 0);
  shouhu_annex2_page_set_search (page, "");
  g_assert_cmpuint (n_rows (page), ==, 1);

  /* Delete, then Undo in the notification. */
  first_row (page, &row);
  g_assert_true (shouhu_annex2_page_select_id (page, shouhu_worker_row_get_id (row)));
  g_clear_object (&row);
  shouhu_annex2_page_delete_selected (page);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_nonnull (shouhu_notification_get_message (shouhu_window_get_notification (window)));
  shouhu_notification_activate_button (shouhu_window_get_notification (window));
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_ANNEX2_FIELD_NAME], ==, "张三");
  g_assert_cmpuint (first_row (page, &row)->n_volunteers, ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 1);
  g_clear_object (&row);

  /* The form header of one district: a rejected 联系电话 stays marked in
   * its field, and the 填报人 typed beside it is stored all the same. */
  shouhu_annex2_page_set_district_filter (page, 2);
  {
    GtkWidget *reporter = shouhu_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY);
    GtkWidget *phone = shouhu_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (reporter)),
                                   GTK_TYPE_ENTRY);
    g_autofree char *stored_reporter = NULL;
    g_autofree char *stored_phone = NULL;

    g_assert_nonnull (phone);
    gtk_editable_set_text (GTK_EDITABLE (reporter), "王填报");
    gtk_editable_set_text (GTK_EDITABLE (phone), "12345");
    g_signal_emit_by_name (phone, "activate");
    g_assert_true (gtk_widget_has_css_class (phone, "error"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "12345");
    g_assert_true (shouhu_annex2_get_district_form (store, 2, &stored_reporter, &stored_phone, NULL));
    g_assert_cmpstr (stored_reporter, ==, "王填报");
    g_assert_cmpstr (stored_phone, ==, "");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
save_elsewhere (ShouhuStore *other,
                const char  *name)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(GError) error = NULL;

  w->district_id = 4;
  g_free (w->hospital);
  w->hospital = g_strdup ("重庆市人民医院");
  g_free (w->name);
  w->name = g_strdup (name);
  g_free (w->gender);
  w->gender = g_strdup ("女");
  g_assert_cmpint (shouhu_annex2_save_worker (other, w, NULL, 0, FALSE, &error), >, 0);
  g_assert_no_error (error);
}

static gboolean
deadline_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Records another program (here a second connection, as the command line
 * has) stores show in the list without the user doing anything: at the
 * window's check, which runs when it gets the focus and on a timer. */
static void
test_outside_changes (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorkerRow) row = NULL;
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuAnnex2Page *page;
  gboolean too_late = FALSE;
  guint deadline;

  gtk_window_present (GTK_WINDOW (window));
  shouhu_window_show_page (window, "annex2");
  page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE));
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 0);

  other = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  save_elsewhere (other, "外来甲");
  shouhu_window_check_outside_changes (window);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_ANNEX2_FIELD_NAME], ==, "外来甲");
  g_clear_object (&row);

  /* The timer alone: the main loop runs until the list shows it (the
   * deadline only ends a test that would otherwise hang). */
  save_elsewhere (other, "外来乙");
  deadline = g_timeout_add_seconds (60, deadline_cb, &too_late);
  while (n_rows (page) < 2 && !too_late)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (too_late);
  g_source_remove (deadline);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&other);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
assert_conflict_row (ShouhuWorkerEditor *editor,
                     guint               row,
                     const char         *field,
                     const char         *yours,
                     const char         *stored)
{
  ShouhuConflictView *view = SHOUHU_CONFLICT_VIEW (shouhu_worker_editor_get_conflict (editor));
  const char *shown_yours = NULL, *shown_stored = NULL;

  g_assert_cmpuint (row, <, shouhu_conflict_view_get_n_rows (view));
  g_assert_cmpstr (shouhu_conflict_view_get_row (view, row, &shown_yours, &shown_stored), ==, field);
  g_assert_cmpstr (shown_yours, ==, yours);
  g_assert_cmpstr (shown_stored, ==, stored);
}

static const char *
entry_text (ShouhuWorkerEditor *editor,
            ShouhuAnnex2Field   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, field)));
}

/* Another program changes a record while its editor is open: Save
 * writes nothing and shows what changed; Reload takes the stored values
 * of those fields and keeps the rest of what was typed; Overwrite saves
 * over what was shown, and only that. */
static void
test_editor_conflict (void)
{
  g_autofree char *path = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(ShouhuStore) other = NULL;
  g_autoptr(ShouhuWorker) w = shouhu_worker_new ();
  g_autoptr(ShouhuWorker) theirs = NULL, stored = NULL;
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuWorkerEditor *editor;
  gint64 id, v1, v2;

  g_free (v->name);
  v->name = g_strdup ("王五");
  v1 = shouhu_annex2_save_volunteer (store, v, &error);
  g_free (v->name);
  v->name = g_strdup ("赵钱");
  v2 = shouhu_annex2_save_volunteer (store, v, &error);
  w->district_id = 4;
  g_free (w->hospital);
  w->hospital = g_strdup ("重庆市人民医院");
  g_free (w->name);
  w->name = g_strdup ("刘医生");
  g_free (w->gender);
  w->gender = g_strdup ("女");
  g_free (w->home_address);
  w->home_address = g_strdup ("渝中区解放碑");
  id = shouhu_annex2_save_worker (store, w, &v1, 1, FALSE, &error);
  g_assert_no_error (error);
  other = shouhu_store_open (path, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));

  editor = shouhu_worker_editor_new (GTK_WINDOW (window), store, id, 0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_false (gtk_widget_get_visible (shouhu_worker_editor_get_conflict (editor)));
  set_entry (editor, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS, "我的地址");
  set_entry (editor, SHOUHU_ANNEX2_FIELD_NOTE, "新备注");

  theirs = shouhu_annex2_get_worker (other, id, &error);
  g_free (theirs->home_address);
  theirs->home_address = g_strdup ("渝北区新地址");
  g_assert_cmpint (shouhu_annex2_save_worker (other, theirs, (gint64[]) { v1, v2 }, 2, FALSE, &error), ==, id);

  g_assert_false (shouhu_worker_editor_save (editor));
  g_assert_nonnull (editor);
  g_assert_nonnull (strstr (shouhu_worker_editor_get_error (editor), "刘医生"));
  g_assert_true (gtk_widget_get_visible (shouhu_worker_editor_get_conflict (editor)));
  g_assert_cmpuint (shouhu_conflict_view_get_n_rows (SHOUHU_CONFLICT_VIEW (shouhu_worker_editor_get_conflict (editor))), ==, 2);
  assert_conflict_row (editor, 0, "Home Address", "我的地址", "渝北区新地址");
  assert_conflict_row (editor, 1, "Paired Volunteers", "王五", "王五、赵钱");
  stored = shouhu_annex2_get_worker (store, id, &error);
  g_assert_cmpstr (stored->home_address, ==, "渝北区新地址");
  g_assert_cmpstr (stored->note, ==, "");
  g_clear_pointer (&stored, shouhu_worker_free);

  /* Reload: their address and volunteers, my remark; then Save works. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.reload", NULL));
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (shouhu_worker_editor_get_conflict (editor)));
  g_assert_cmpstr (entry_text (editor, SHOUHU_ANNEX2_FIELD_HOME_ADDRESS), ==, "渝北区新地址");
  g_assert_cmpstr (entry_text (editor, SHOUHU_ANNEX2_FIELD_NOTE), ==, "新备注");
  g_assert_true (shouhu_worker_editor_save (editor));
  g_assert_null (editor);
  stored = shouhu_annex2_get_worker (store, id, &error);
  g_assert_cmpstr (stored->home_address, ==, "渝北区新地址");
  g_assert_cmpstr (stored->note, ==, "新备注");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 2);
  g_clear_pointer (&stored, shouhu_worker_free);

  /* Overwrite: mine over theirs, but not over a change made after the
   * conflict was shown: that is shown in its turn. */
  editor = shouhu_worker_editor_new (GTK_WINDOW (window), store, id, 0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  set_entry (editor, SHOUHU_ANNEX2_FIELD_PHONE, "13900000000");
  g_clear_pointer (&theirs, shouhu_worker_free);
  theirs = shouhu_annex2_get_worker (other, id, &error);
  g_free (theirs->phone);
  theirs->phone = g_strdup ("13700000000");
  g_assert_cmpint (shouhu_annex2_save_worker (other, theirs, (gint64[]) { v1, v2 }, 2, FALSE, &error), ==, id);
  g_assert_false (shouhu_worker_editor_save (editor));
  assert_conflict_row (editor, 0, "Own Phone", "13900000000", "13700000000");

  g_free (theirs->title);
  theirs->title = g_strdup ("护士长");
  g_assert_cmpint (shouhu_annex2_save_worker (other, theirs, (gint64[]) { v1, v2 }, 2, FALSE, &error), ==, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.overwrite", NULL));
  g_assert_nonnull (editor);
  g_assert_cmpuint (shouhu_conflict_view_get_n_rows (SHOUHU_CONFLICT_VIEW (shouhu_worker_editor_get_conflict (editor))), ==, 1);
  assert_conflict_row (editor, 0, "Position", "", "护士长");
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE phone = '13700000000'"), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.overwrite", NULL));
  g_assert_null (editor);
  stored = shouhu_annex2_get_worker (store, id, &error);
  g_assert_cmpstr (stored->phone, ==, "13900000000");
  g_assert_cmpstr (stored->title, ==, "");
  g_assert_cmpstr (stored->home_address, ==, "渝北区新地址");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&other);
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* A message of the page (History without a record) reaches the window's
 * notification revealer through win.notify, without a button. */
static void
test_notify (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuNotification *notification = shouhu_window_get_notification (window);
  GtkRevealer *revealer = GTK_REVEALER (shouhu_test_find_widget (GTK_WIDGET (notification), GTK_TYPE_REVEALER));
  GtkWidget *page = shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE);

  g_assert_nonnull (page);
  shouhu_test_wait_annex2_loaded (SHOUHU_ANNEX2_PAGE (page));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (page, "annex2.history", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==,
                   "Select a record first to see its change history");
  g_assert_false (gtk_widget_get_visible (shouhu_test_find_widget (GTK_WIDGET (revealer), GTK_TYPE_BUTTON)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex2-page/add-filter-search-delete-undo", test_page);
  g_test_add_func ("/annex2-page/notify", test_notify);
  g_test_add_func ("/annex2-page/outside-changes", test_outside_changes);
  g_test_add_func ("/annex2-page/editor-conflict", test_editor_conflict);

  return g_test_run ();
}

/* test-annex2-page.c — the Annex 2 page: add through the editor, filter,
 * search, delete and undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_child (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
wait_loaded (ShouhuAnnex2Page *page)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (shouhu_annex2_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);
}

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
           ShouhuWorkerField   field,
           const char         *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shouhu_worker_editor_get_field (editor, field)), text);
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
  page = SHOUHU_ANNEX2_PAGE (find_child (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE));
  g_assert_nonnull (page);
  wait_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 0);

  /* The editor: a missing 医院 is refused, named, and gets the focus. */
  editor = SHOUHU_WORKER_EDITOR (shouhu_annex2_page_add_worker (page));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_WORKER_FIELD_DISTRICT)), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (shouhu_worker_editor_get_field (editor, SHOUHU_WORKER_FIELD_GENDER)), 2);
  set_entry (editor, SHOUHU_WORKER_FIELD_NAME, "张三");
  set_entry (editor, SHOUHU_WORKER_FIELD_PHONE, "１３８ 1234 5678");
  set_entry (editor, SHOUHU_WORKER_FIELD_HOME_ADDRESS, "渝中区解放碑 ABC");
  shouhu_worker_editor_add_volunteer (editor, vid, "志愿者李四");
  g_assert_false (shouhu_worker_editor_save (editor));
  g_assert_nonnull (strstr (shouhu_worker_editor_get_error (editor), "Hospital"));
  focus = gtk_window_get_focus (GTK_WINDOW (editor));
  g_assert_nonnull (focus);
  g_assert_true (focus == shouhu_worker_editor_get_field (editor, SHOUHU_WORKER_FIELD_HOSPITAL) ||
                 gtk_widget_is_ancestor (focus, shouhu_worker_editor_get_field (editor, SHOUHU_WORKER_FIELD_HOSPITAL)));

  set_entry (editor, SHOUHU_WORKER_FIELD_HOSPITAL, "重庆市人民医院");
  g_assert_true (shouhu_worker_editor_save (editor));
  g_assert_null (editor);  /* closed once stored */

  /* In the list, with its volunteer and its phone normalised. */
  wait_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_WORKER_FIELD_NAME], ==, "张三");
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_WORKER_FIELD_PHONE], ==, "13812345678");
  g_assert_cmpuint (first_row (page, &row)->n_volunteers, ==, 1);
  g_clear_object (&row);

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
  wait_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_nonnull (shouhu_notification_get_message (shouhu_window_get_notification (window)));
  shouhu_notification_activate_button (shouhu_window_get_notification (window));
  wait_loaded (page);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (first_row (page, &row)->text[SHOUHU_WORKER_FIELD_NAME], ==, "张三");
  g_assert_cmpuint (first_row (page, &row)->n_volunteers, ==, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing"), ==, 1);
  g_clear_object (&row);

  /* The form header of one district: a rejected 联系电话 stays marked in
   * its field, and the 填报人 typed beside it is stored all the same. */
  shouhu_annex2_page_set_district_filter (page, 2);
  {
    GtkWidget *reporter = find_child (GTK_WIDGET (page), GTK_TYPE_ENTRY);
    GtkWidget *phone = find_child (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (reporter)),
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

/* A message of the page (History without a record) reaches the window's
 * notification revealer through win.notify, without a button. */
static void
test_notify (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuNotification *notification = shouhu_window_get_notification (window);
  GtkRevealer *revealer = GTK_REVEALER (find_child (GTK_WIDGET (notification), GTK_TYPE_REVEALER));
  GtkWidget *page = find_child (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE);

  g_assert_nonnull (page);
  wait_loaded (SHOUHU_ANNEX2_PAGE (page));
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_assert_true (gtk_widget_activate_action (page, "annex2.history", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==,
                   "Select a record first to see its change history");
  g_assert_false (gtk_widget_get_visible (find_child (GTK_WIDGET (revealer), GTK_TYPE_BUTTON)));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/annex2-page/add-filter-search-delete-undo", test_page);
  g_test_add_func ("/annex2-page/notify", test_notify);

  return g_test_run ();
}

/* test-purge-dialog.c — erasing in the window: 彻底删除 of a record, and
 * 清除个人信息 after a confirmation that states the counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-purge-dialog.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-window.h"
#include "shouhu-worker-list.h"

static ShouhuStore *
store_with_records (char **dir_out)
{
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  ShouhuStore *store = shouhu_test_new_store (&db);

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  shouhu_test_annex2_insert_set (store);
  g_assert_true (shouhu_annex2_set_district_form (store, 40, "王芳", "023-63891234", &error));
  g_assert_no_error (error);
  *dir_out = g_path_get_dirname (db);
  return store;
}

static void
count_cb (ShouhuStore *store,
          guint       *count)
{
  (*count)++;
}

/* ---- 清除个人信息 ---------------------------------------------------------------- */

static void
test_dialog_counts_and_erases (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&dir);
  g_autoptr(GError) error = NULL;
  gint64 annex1 = shouhu_test_query_int (store, "SELECT sum (total) FROM annex1_figure");
  ShouhuPurgeDialog *dialog = shouhu_purge_dialog_new (NULL, store);
  guint changed = 0;

  g_signal_connect (store, "changed::annex2", G_CALLBACK (count_cb), &changed);

  /* All districts: every count, before anything is done. */
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "all districts"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Records of frontline workers: 11"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Volunteers: 6"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Pairings of a volunteer with a family: 10"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Form headers (reporter and phone): 1"));
  g_assert_true (shouhu_purge_dialog_can_erase (dialog));

  /* A district without records: nothing to erase, the button is off. */
  shouhu_purge_dialog_set_district (dialog, 3);
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "no personal data"));
  g_assert_false (shouhu_purge_dialog_can_erase (dialog));

  /* 高新区: its three records, 志愿者D, three pairings (志愿者A of 万州区
   * stays), its form header. */
  shouhu_purge_dialog_set_district (dialog, 40);
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "高新区"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Records of frontline workers: 3"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Volunteers: 1"));
  g_assert_nonnull (strstr (shouhu_purge_dialog_get_summary (dialog), "Pairings of a volunteer with a family: 3"));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 11);

  g_assert_true (shouhu_purge_dialog_erase (dialog, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, >=, 1);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE district_id = 40"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker"), ==, 8);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM volunteer"), ==, 5);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM district_form"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT sum (total) FROM annex1_figure"), ==, annex1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

static void
test_window_menu (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&dir);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = FALSE;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.purge-personal", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SHOUHU_IS_PURGE_DIALOG (w))
        {
          g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window));
          gtk_window_destroy (GTK_WINDOW (w));
          found = TRUE;
        }
    }
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* A record deleted with Undo, then its district purged: Ctrl+Z must not
 * bring the erased record back from the window's memory. */
static void
test_purge_forgets_undo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&dir);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  ShouhuPurgeDialog *dialog = NULL;
  ShouhuAnnex2Page *page;

  gtk_window_present (GTK_WINDOW (window));
  shouhu_window_show_page (window, "annex2");
  page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE));
  shouhu_test_wait_annex2_loaded (page);
  g_assert_true (shouhu_annex2_page_select_id (page, 4));
  shouhu_annex2_page_delete_selected (page);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE id = 4"), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.purge-personal", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SHOUHU_IS_PURGE_DIALOG (w))
        dialog = SHOUHU_PURGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  shouhu_purge_dialog_set_district (dialog, 1);
  g_assert_true (shouhu_purge_dialog_erase (dialog, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (strstr (shouhu_notification_get_message (shouhu_window_get_notification (window)),
                            "万州区"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE id = 4"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM history WHERE old_value = '甲四'"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* ---- 彻底删除 ------------------------------------------------------------------ */

static void
test_erase_record (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(ShouhuStore) store = store_with_records (&dir);
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GPtrArray) history = NULL;
  ShouhuAnnex2Page *page;
  GtkWindow *question;

  /* 甲二 has a history: deleted and put back. */
  deleted = shouhu_annex2_delete_worker (store, 2, &error);
  g_assert_true (shouhu_annex2_restore_worker (store, deleted, &error));
  g_assert_no_error (error);

  gtk_window_present (GTK_WINDOW (window));
  shouhu_window_show_page (window, "annex2");
  page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE));
  shouhu_test_wait_annex2_loaded (page);
  g_assert_true (shouhu_annex2_page_select_id (page, 2));

  /* Cancel keeps it. */
  question = shouhu_annex2_page_erase_selected (page);
  g_assert_nonnull (question);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_CANCEL);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE id = 2"), ==, 1);

  /* Erase: the record, its pairings, its history. */
  g_assert_true (shouhu_annex2_page_select_id (page, 2));
  question = shouhu_annex2_page_erase_selected (page);
  gtk_dialog_response (GTK_DIALOG (question), GTK_RESPONSE_ACCEPT);
  shouhu_test_wait_annex2_loaded (page);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE id = 2"), ==, 0);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM pairing WHERE worker_id = 2"), ==, 0);
  history = shouhu_annex2_history (store, "worker", 2, &error);
  g_assert_cmpuint (history->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shouhu_annex2_page_get_model (page)), ==, 10);
  g_assert_nonnull (strstr (shouhu_notification_get_message (shouhu_window_get_notification (window)),
                            "甲二"));

  /* Shift+Delete asks the same question. */
  g_assert_true (shouhu_annex2_page_select_id (page, 3));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "annex2.erase", NULL));
  {
    GListModel *toplevels = gtk_window_get_toplevels ();
    gboolean asked = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

        if (GTK_IS_MESSAGE_DIALOG (w))
          {
            asked = TRUE;
            gtk_dialog_response (GTK_DIALOG (w), GTK_RESPONSE_CANCEL);
          }
      }
    g_assert_true (asked);
  }
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM worker WHERE id = 3"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/purge-dialog/counts-and-erases", test_dialog_counts_and_erases);
  g_test_add_func ("/purge-dialog/window-menu", test_window_menu);
  g_test_add_func ("/purge-dialog/purge-forgets-undo", test_purge_forgets_undo);
  g_test_add_func ("/purge-dialog/erase-record", test_erase_record);

  return g_test_run ();
}

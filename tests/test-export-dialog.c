/* test-export-dialog.c — the export dialog and the window's export action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-export-dialog.h"
#include "shouhu-settings.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-window.h"

#include <gtk/gtk.h>

static void
test_dialog_exports_annex1 (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *path = g_build_filename (dir, "附件1.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ShouhuExportDialog *dialog;
  GtkDropDown *kind;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  dialog = shouhu_export_dialog_new (NULL, store);
  kind = GTK_DROP_DOWN (shouhu_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, 0);

  g_assert_true (shouhu_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The next export starts in the same folder. */
  {
    g_autofree char *folder = shouhu_settings_dup_last_export_folder ();

    g_assert_nonnull (shouhu_settings_get_default ());
    g_assert_cmpstr (folder, ==, dir);
  }

  /* Annex 2 without its tables or records: the dialog gets the reason. */
  gtk_drop_down_set_selected (kind, 1);
  g_assert_false (shouhu_export_dialog_export_to (dialog, file, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");

  gtk_window_destroy (GTK_WINDOW (dialog));
  shouhu_test_rm_rf (dir);
}

/* A visible label under @widget that reads @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_visible (c) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        return TRUE;
      if (shows_text (c, text))
        return TRUE;
    }
  return FALSE;
}

/* Choosing the database itself as the workbook's file: refused, the
 * dialog says why, the database stays whole. */
static void
test_dialog_refuses_database (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GFile) file = g_file_new_for_path (db);
  g_autoptr(GError) error = NULL;
  ShouhuExportDialog *dialog;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  dialog = shouhu_export_dialog_new (NULL, store);
  g_assert_false (shouhu_export_dialog_export_to (dialog, file, &error));
  g_assert_error (error, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_REFUSED);
  g_assert_true (shows_text (GTK_WIDGET (dialog), error->message));
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM annex1_table"), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&store);
  shouhu_test_rm_rf (dir);
}

/* The dialog that win.export opens is the window's: once it has written
 * the workbook, the window's notification offers to open it. */
static void
test_window_action (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *path = g_build_filename (dir, "附件1.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  ShouhuNotification *notification = shouhu_window_get_notification (window);
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = g_list_model_get_n_items (toplevels);
  ShouhuExportDialog *dialog = NULL;
  GtkWidget *button;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (SHOUHU_IS_EXPORT_DIALOG (w))
        {
          g_assert_null (dialog);
          dialog = SHOUHU_EXPORT_DIALOG (w);
        }
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));

  g_assert_null (shouhu_notification_get_message (notification));
  g_assert_true (shouhu_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shouhu_notification_get_message (notification), ==, "Exported “附件1.xlsx”");
  button = shouhu_test_find_widget (GTK_WIDGET (notification), GTK_TYPE_BUTTON);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Open");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  shouhu_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-dialog/annex1", test_dialog_exports_annex1);
  g_test_add_func ("/export-dialog/window-action", test_window_action);
  g_test_add_func ("/export-dialog/refuses-database", test_dialog_refuses_database);
  return g_test_run ();
}

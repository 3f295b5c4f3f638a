/* test-export-dialog.c — the export dialog and the window's export action
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "shouhu-annex1.h"
#include "shouhu-export.h"
#include "shouhu-annex1-page.h"
#include "shouhu-annex2-page.h"
#include "shouhu-export-dialog.h"
#include "shouhu-settings.h"
#include "shouhu-test-annex2.h"
#include "shouhu-volunteer-page.h"
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

  /* The volunteers' roster, written from the dialog like the forms. */
  {
    g_autofree char *roster = g_build_filename (dir, "志愿者花名册.xlsx", NULL);
    g_autoptr(GFile) roster_file = g_file_new_for_path (roster);

    g_assert_cmpint (shouhu_test_annex2_add_volunteer (store, 4, "王芳", "解放碑街道", "", 0, NULL), >, 0);
    gtk_drop_down_set_selected (kind, 3);
    g_assert_cmpint (shouhu_export_dialog_get_choice (dialog, NULL, NULL), ==, SHOUHU_EXPORT_VOLUNTEERS);
    g_assert_true (shouhu_export_dialog_export_to (dialog, roster_file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_test (roster, G_FILE_TEST_IS_REGULAR));
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

/* The page @name of a stack under @widget. */
static GtkWidget *
find_stack_page (GtkWidget  *widget,
                 const char *name)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = GTK_IS_STACK (c) ? gtk_stack_get_child_by_name (GTK_STACK (c), name) : NULL;

      if (found == NULL)
        found = find_stack_page (c, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
iterate (void)
{
  for (int i = 0; i < 10; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* The export dialog the last action opened; it is closed on the way. */
static ShouhuExportKind
opened_choice (const char **as_of,
               int         *district_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  static char date[16];

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (SHOUHU_IS_EXPORT_DIALOG (w))
        {
          const char *chosen = NULL;
          ShouhuExportKind kind = shouhu_export_dialog_get_choice (SHOUHU_EXPORT_DIALOG (w), &chosen, district_id);

          g_strlcpy (date, chosen ? chosen : "", sizeof date);
          *as_of = date;
          gtk_window_destroy (GTK_WINDOW (w));
          iterate ();
          return kind;
        }
    }
  g_assert_not_reached ();
}

/* Ctrl+E offers what the page shown holds: Annex 2 of the district the
 * list is filtered to, Annex 1 of the date shown, the summary of the
 * overview; a page can ask for a workbook of its own with
 * win.export-form. */
static void
test_follows_context (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GError) error = NULL;
  ShouhuWindow *window = shouhu_window_new (NULL, store, NULL);
  GtkWidget *annex1 = shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX1_PAGE);
  GtkWidget *annex2 = shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE);
  const char *as_of;
  int district_id;

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  g_assert_true (shouhu_annex1_new_date (store, "2020-02-14", &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* 沙坪坝区 is the 7th district unit. */
  shouhu_window_show_district (window, 7);
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpint (opened_choice (&as_of, &district_id), ==, SHOUHU_EXPORT_ANNEX2);
  g_assert_cmpint (district_id, ==, 7);

  /* Annex 1 shown as of the notice's date, not the latest. */
  shouhu_annex1_page_set_date (SHOUHU_ANNEX1_PAGE (annex1), "2020-02-07");
  shouhu_window_show_page (window, "annex1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpint (opened_choice (&as_of, &district_id), ==, SHOUHU_EXPORT_ANNEX1);
  g_assert_cmpstr (as_of, ==, "2020-02-07");

  shouhu_window_show_page (window, "dashboard");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpint (opened_choice (&as_of, &district_id), ==, SHOUHU_EXPORT_SUMMARY);
  g_assert_cmpstr (as_of, ==, "2020-02-14");

  /* The volunteers' page offers their roster, of the district it shows. */
  shouhu_volunteer_page_set_district_filter (SHOUHU_VOLUNTEER_PAGE (shouhu_test_find_widget (GTK_WIDGET (window),
                                                                               SHOUHU_TYPE_VOLUNTEER_PAGE)), 7);
  shouhu_window_show_page (window, "volunteers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  g_assert_cmpint (opened_choice (&as_of, &district_id), ==, SHOUHU_EXPORT_VOLUNTEERS);
  g_assert_cmpint (district_id, ==, 7);

  g_assert_true (gtk_widget_activate_action (annex2, "win.export-form", "(isi)",
                                             SHOUHU_EXPORT_ANNEX2, "", 4));
  g_assert_cmpint (opened_choice (&as_of, &district_id), ==, SHOUHU_EXPORT_ANNEX2);
  g_assert_cmpint (district_id, ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  shouhu_test_rm_rf (dir);
}

/* Choosing another workbook changes the fields below, never the width of
 * the dialog. */
static void
test_keeps_width (void)
{
  g_autofree char *db = NULL;
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (&db);
  g_autofree char *dir = g_path_get_dirname (db);
  g_autoptr(GError) error = NULL;
  ShouhuExportDialog *dialog;
  GtkDropDown *kind;
  int widths[3];

  g_assert_true (shouhu_annex1_load_notice_figures (store, &error));
  dialog = shouhu_export_dialog_new (NULL, store);
  kind = GTK_DROP_DOWN (shouhu_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  gtk_window_present (GTK_WINDOW (dialog));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      gtk_drop_down_set_selected (kind, i);
      iterate ();
      gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &widths[i], NULL, NULL);
      g_test_message ("workbook %u: %d pixels", i, widths[i]);
    }
  g_assert_cmpint (widths[0], ==, widths[1]);
  g_assert_cmpint (widths[1], ==, widths[2]);

  /* The dates are listed as people read them (the same in English); the
   * export gets the date as stored. */
  {
    GtkDropDown *date = GTK_DROP_DOWN (shouhu_test_find_widget (find_stack_page (GTK_WIDGET (dialog), "date"),
                                                   GTK_TYPE_DROP_DOWN));
    const char *as_of = NULL;

    gtk_drop_down_set_selected (kind, 0);
    g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (date)), ==, "2020-02-07");
    g_assert_cmpint (shouhu_export_dialog_get_choice (dialog, &as_of, NULL), ==, SHOUHU_EXPORT_ANNEX1);
    g_assert_cmpstr (as_of, ==, "2020-02-07");
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
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
  g_test_add_func ("/export-dialog/follows-context", test_follows_context);
  g_test_add_func ("/export-dialog/keeps-width", test_keeps_width);
  return g_test_run ();
}

/* test-settings.c — the window remembers its size; the app runs without
 * its GSettings schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-application.h"
#include "shouhu-settings.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-window.h"

typedef struct
{
  ShouhuStore *store;
  char        *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = shouhu_test_new_store (&fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->path);

  g_clear_object (&fixture->store);
  shouhu_test_rm_rf (dir);
  g_free (fixture->path);
}

/* What the window manager does when the user clicks the close button. */
static gboolean
request_close (ShouhuWindow *window)
{
  gboolean handled = FALSE;

  g_signal_emit_by_name (window, "close-request", &handled);
  return handled;
}

static void
test_restore_size (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettings *settings = shouhu_settings_get_default ();
  ShouhuWindow *window;
  int width = 0, height = 0;

  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = shouhu_window_new (NULL, fixture->store, NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_size_on_close (Fixture       *fixture,
                         gconstpointer  data)
{
  GSettings *settings = shouhu_settings_get_default ();
  ShouhuWindow *window;

  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);

  window = shouhu_window_new (NULL, fixture->store, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 913, 577);
  g_assert_false (request_close (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 913);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 577);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next window opens at the size the last one was closed at. */
  window = shouhu_window_new (NULL, fixture->store, NULL);
  {
    int width = 0, height = 0;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 913);
    g_assert_cmpint (height, ==, 577);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Q quits through app.quit: the window is closed as by its close
 * button, so its size is remembered and the field being typed in (here
 * the district's 填报人) is stored all the same. */
static void
test_save_size_on_quit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(ShouhuApplication) app = shouhu_application_new ();
  g_autoptr(GError) error = NULL;
  GSettings *settings = shouhu_settings_get_default ();
  g_autofree char *reporter = NULL, *phone = NULL;
  ShouhuWindow *window;
  GtkWidget *page, *entry;

  g_assert_nonnull (settings);
  g_settings_set_int (settings, "window-width", 640);
  g_settings_set_int (settings, "window-height", 480);

  /* No session bus under xvfb-run: a non-unique app needs none. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = shouhu_window_new (GTK_APPLICATION (app), fixture->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 931, 557);
  shouhu_window_show_district (window, 3);
  page = shouhu_test_find_widget (GTK_WIDGET (window), SHOUHU_TYPE_ANNEX2_PAGE);
  entry = GTK_WIDGET (gtk_widget_get_template_child (page, SHOUHU_TYPE_ANNEX2_PAGE, "reporter_entry"));
  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "陈填报");

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 931);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 557);
  g_assert_null (window);
  g_assert_true (shouhu_annex2_get_district_form (fixture->store, 3, &reporter, &phone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reporter, ==, "陈填报");
}

static void
test_export_keys (void)
{
  g_autofree char *folder = NULL;

  g_assert_nonnull (shouhu_settings_get_default ());

  g_assert_null (shouhu_settings_dup_last_export_folder ());
  shouhu_settings_set_last_export_folder ("/home/user/报表");
  folder = shouhu_settings_dup_last_export_folder ();
  g_assert_cmpstr (folder, ==, "/home/user/报表");
  shouhu_settings_set_last_export_folder (NULL);
  g_assert_null (shouhu_settings_dup_last_export_folder ());

  g_assert_false (shouhu_settings_get_export_masked ());
  shouhu_settings_set_export_masked (TRUE);
  g_assert_true (shouhu_settings_get_export_masked ());
  shouhu_settings_set_export_masked (FALSE);
  g_assert_false (shouhu_settings_get_export_masked ());
}

static void
test_without_schema (Fixture       *fixture,
                     gconstpointer  data)
{
  ShouhuWindow *window;
  int width = 0, height = 0;

  g_assert_null (shouhu_settings_get_default ());

  window = shouhu_window_new (NULL, fixture->store, NULL);
  /* The size of the window's template. */
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1200);
  g_assert_cmpint (height, ==, 780);
  gtk_window_set_default_size (GTK_WINDOW (window), 913, 577);
  g_assert_false (request_close (window));
  gtk_window_destroy (GTK_WINDOW (window));

  g_assert_null (shouhu_settings_dup_last_export_folder ());
  shouhu_settings_set_last_export_folder ("/tmp");
  g_assert_null (shouhu_settings_dup_last_export_folder ());
  shouhu_settings_set_export_masked (TRUE);
  g_assert_false (shouhu_settings_get_export_masked ());
}

int
main (int   argc,
      char *argv[])
{
  /* tests/meson.build runs this program twice: with the schema compiled in
   * the build tree, and with SHOUHU_TEST_NO_SCHEMA=1 and no schema at all. */
  gboolean no_schema = g_strcmp0 (g_getenv ("SHOUHU_TEST_NO_SCHEMA"), "1") == 0;

  gtk_test_init (&argc, &argv, NULL);

  if (no_schema)
    {
      g_test_add ("/settings/without-schema", Fixture, NULL,
                  fixture_set_up, test_without_schema, fixture_tear_down);
    }
  else
    {
      g_test_add ("/settings/restore-size", Fixture, NULL,
                  fixture_set_up, test_restore_size, fixture_tear_down);
      g_test_add ("/settings/save-size-on-close", Fixture, NULL,
                  fixture_set_up, test_save_size_on_close, fixture_tear_down);
      g_test_add ("/settings/save-size-on-quit", Fixture, NULL,
                  fixture_set_up, test_save_size_on_quit, fixture_tear_down);
      g_test_add_func ("/settings/export-keys", test_export_keys);
    }

  return g_test_run ();
}

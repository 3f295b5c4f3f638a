/* test-window-close.c — closing the window or quitting never loses what
 * was typed without a word: what can be stored is, what cannot is named,
 * and the user may go back to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gtk/gtk.h>
#include <string.h>

#include "shouhu-annex1-page.h"
#include "shouhu-annex2-page.h"
#include "shouhu-application.h"
#include "shouhu-test-util.h"
#include "shouhu-test-widget.h"
#include "shouhu-window.h"

#define YUZHONG 4

typedef struct
{
  char             *dir;
  ShouhuStore      *store;
  ShouhuWindow     *window;   /* NULL once destroyed */
  ShouhuAnnex1Page *page;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 20; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
open_window (Fixture        *f,
             GtkApplication *app)
{
  f->window = shouhu_window_new (app, f->store, NULL);
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  f->page = SHOUHU_ANNEX1_PAGE (shouhu_test_find_widget (GTK_WIDGET (f->window), SHOUHU_TYPE_ANNEX1_PAGE));
  shouhu_window_show_page (f->window, "annex1");
  gtk_window_present (GTK_WINDOW (f->window));
  iterate ();
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
  if (data == NULL)
    open_window (f, NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
      gtk_window_destroy (GTK_WINDOW (f->window));
    }
  iterate ();
  g_clear_object (&f->store);
  shouhu_test_rm_rf (f->dir);
  g_free (f->dir);
}

static gint64
stored (Fixture    *f,
        const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM annex1_figure WHERE district_id = %d AND batch = 1",
                                          column, YUZHONG);

  return shouhu_test_query_int (f->store, sql);
}

/* The question the window asks before closing, if it does. */
static GtkWidget *
question (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (f->window == NULL || gtk_window_get_transient_for (window) == GTK_WINDOW (f->window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

/* What the question lists. */
static char *
question_text (GtkWidget *dialog)
{
  char *text = NULL;

  g_object_get (dialog, "secondary-text", &text, NULL);
  return text;
}

/* Types into a cell that keeps the focus, as before Ctrl+Q. */
static GtkEditable *
type_in (Fixture *f,
         int      field,
         const char *text)
{
  GtkEditable *cell = shouhu_annex1_page_get_cell (f->page, YUZHONG, 1, field);

  gtk_widget_grab_focus (GTK_WIDGET (cell));
  gtk_editable_set_text (cell, text);
  return cell;
}

static gboolean
has_focus_in (Fixture     *f,
              GtkEditable *cell)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (f->window));

  return focus != NULL && (focus == GTK_WIDGET (cell) || gtk_widget_is_ancestor (focus, GTK_WIDGET (cell)));
}

/* A figure typed and consistent is stored on closing, without a
 * question, even while its cell still has the focus. */
static void
test_consistent_is_stored (Fixture       *f,
                           gconstpointer  data)
{
  type_in (f, SHOUHU_ANNEX1_TOTAL, "70");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (question (f));
  g_assert_null (f->window);
  g_assert_cmpint (stored (f, "total"), ==, 70);
}

/* 总人数 30 under the stored 支援湖北 44 cannot be stored: closing asks,
 * naming the district and the rule; going back shows the cell, focused;
 * once fixed, the window closes without a word. */
static void
test_go_back_and_fix (Fixture       *f,
                      gconstpointer  data)
{
  GtkEditable *total = type_in (f, SHOUHU_ANNEX1_TOTAL, "30");
  GtkEditable *hubei;
  GtkWidget *dialog;
  g_autofree char *text = NULL;

  shouhu_window_show_page (f->window, "dashboard");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_nonnull (f->window);
  dialog = question (f);
  g_assert_nonnull (dialog);
  text = question_text (dialog);
  g_assert_nonnull (strstr (text, "渝中区"));
  g_assert_nonnull (strstr (text, "44"));
  g_assert_nonnull (strstr (text, "30"));
  g_assert_cmpint (stored (f, "total"), ==, 60);

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_nonnull (f->window);
  g_assert_null (question (f));
  g_assert_cmpstr (shouhu_window_get_visible_page (f->window), ==, "annex1");
  g_assert_cmpstr (gtk_editable_get_text (total), ==, "30");
  g_assert_true (has_focus_in (f, total));

  hubei = type_in (f, SHOUHU_ANNEX1_HUBEI, "20");
  g_assert_nonnull (hubei);
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_null (question (f));
  g_assert_null (f->window);
  g_assert_cmpint (stored (f, "total"), ==, 30);
  g_assert_cmpint (stored (f, "hubei"), ==, 20);
}

/* Close Without Them: the window goes, nothing of the pair is stored. */
static void
test_close_without (Fixture       *f,
                    gconstpointer  data)
{
  type_in (f, SHOUHU_ANNEX1_HUBEI, "99");
  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_nonnull (question (f));
  gtk_dialog_response (GTK_DIALOG (question (f)), GTK_RESPONSE_REJECT);
  iterate ();
  g_assert_null (f->window);
  g_assert_cmpint (stored (f, "total"), ==, 60);
  g_assert_cmpint (stored (f, "hubei"), ==, 44);
}

/* A 联系电话 of the Annex 2 form header that is refused is named too, and
 * going back focuses it. */
static void
test_form_header (Fixture       *f,
                  gconstpointer  data)
{
  ShouhuAnnex2Page *page = SHOUHU_ANNEX2_PAGE (shouhu_test_find_widget (GTK_WIDGET (f->window), SHOUHU_TYPE_ANNEX2_PAGE));
  GtkWidget *reporter, *phone;
  g_autofree char *text = NULL;

  shouhu_window_show_district (f->window, YUZHONG);
  reporter = shouhu_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY);
  phone = shouhu_test_find_widget (gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (reporter)), GTK_TYPE_ENTRY);
  gtk_widget_grab_focus (phone);
  gtk_editable_set_text (GTK_EDITABLE (phone), "12345");

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_nonnull (question (f));
  text = question_text (question (f));
  g_assert_nonnull (strstr (text, "12345"));
  gtk_dialog_response (GTK_DIALOG (question (f)), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_cmpstr (shouhu_window_get_visible_page (f->window), ==, "annex2");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (f->window)) == phone ||
                 gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (f->window)), phone));
}

/* Ctrl+Q (app.quit) asks the same, and the application stays with its
 * window until the user chose. */
static void
test_quit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ShouhuApplication) app = shouhu_application_new ();
  g_autoptr(GError) error = NULL;

  /* No session bus under xvfb-run: a non-unique app needs none. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  open_window (f, GTK_APPLICATION (app));

  type_in (f, SHOUHU_ANNEX1_TOTAL, "30");
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_nonnull (f->window);
  g_assert_nonnull (question (f));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  gtk_dialog_response (GTK_DIALOG (question (f)), GTK_RESPONSE_REJECT);
  iterate ();
  g_assert_null (f->window);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_cmpint (stored (f, "total"), ==, 60);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/window-close/consistent-is-stored", Fixture, NULL,
              fixture_set_up, test_consistent_is_stored, fixture_tear_down);
  g_test_add ("/window-close/go-back-and-fix", Fixture, NULL,
              fixture_set_up, test_go_back_and_fix, fixture_tear_down);
  g_test_add ("/window-close/close-without", Fixture, NULL,
              fixture_set_up, test_close_without, fixture_tear_down);
  g_test_add ("/window-close/form-header", Fixture, NULL,
              fixture_set_up, test_form_header, fixture_tear_down);
  g_test_add ("/window-close/quit", Fixture, "app",
              fixture_set_up, test_quit, fixture_tear_down);

  return g_test_run ();
}

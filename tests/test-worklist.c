/* test-worklist.c — 待结对 paired from the keyboard, the district proposal's
 * preview, Apply and Undo
 *
 * Places are real ones of 渝中区 in the shipped gazetteer: 七星岗街道
 * (华一坡社区) and 解放碑街道 (民生路社区).
 *
 * With SHOUHU_SCREENSHOT_DIR set, the window is kept on screen a moment
 * so that a screenshot can be taken from outside (import -window root).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-district.h"
#include "shouhu-pairing.h"
#include "shouhu-proposal-dialog.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"
#include "shouhu-window.h"
#include "shouhu-worklist-dialog.h"

#define HOME_HYP "重庆市渝中区七星岗街道华一坡社区中山一路"
#define HOME_JFB "重庆市渝中区解放碑街道民生路社区民生路"

typedef struct
{
  char         *path;
  ShouhuStore  *store;
  ShouhuWindow *window;
  int           district;
  gint64        plain;      /* 甲, recorded first */
  gint64        hubei;      /* 乙, 支援湖北, recorded second */
  gint64        later;      /* 丙, recorded third */
  gint64        guarded;    /* 丁, has a ready 保底 guardian */
  gint64        near;       /* 志愿者近: same 社区 as 甲 and 乙 */
  gint64        far;        /* 志愿者远: 解放碑街道 */
  gint64        tutor;      /* 志愿者辅导: tutoring, 解放碑街道 */
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

static gint64
add_worker (Fixture    *fx,
            const char *name,
            const char *address,
            const char *note,
            guint       needs)
{
  return shouhu_test_annex2_add_family (fx->store, fx->district, name, address, "", note, needs);
}

/* Ready today, whatever today is. */
static gint64
add_volunteer (Fixture    *fx,
               const char *name,
               const char *town,
               const char *village,
               guint       skills)
{
  return shouhu_test_annex2_add_volunteer (fx->store, fx->district, name, town, village, skills, "2099-12-31");
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 helper;

  fx->store = shouhu_test_new_store (&fx->path);
  fx->district = shouhu_district_lookup ("渝中区")->id;
  fx->plain = add_worker (fx, "甲", HOME_HYP, "", 0);
  fx->hubei = add_worker (fx, "乙", HOME_HYP, "支援湖北医疗队", SHOUHU_FAMILY_NEED_TUTORING);
  fx->later = add_worker (fx, "丙", HOME_JFB, "", 0);
  fx->guarded = add_worker (fx, "丁", HOME_JFB, "", 0);
  fx->near = add_volunteer (fx, "志愿者近", "七星岗街道", "华一坡社区", 0);
  fx->far = add_volunteer (fx, "志愿者远", "解放碑街道", "", 0);
  fx->tutor = add_volunteer (fx, "志愿者辅导", "解放碑街道", "", SHOUHU_SKILL_TUTORING);
  helper = add_volunteer (fx, "志愿者丁", "解放碑街道", "民生路社区", 0);
  g_assert_true (shouhu_pairing_pair (fx->store, fx->guarded, helper, SHOUHU_PAIRING_BASIC, &error));
  g_assert_no_error (error);

  fx->window = shouhu_window_new (NULL, fx->store, NULL);
  gtk_window_present (GTK_WINDOW (fx->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fx->path);

  gtk_window_destroy (GTK_WINDOW (fx->window));
  iterate ();
  g_clear_object (&fx->store);
  shouhu_test_rm_rf (dir);
  g_free (fx->path);
}

/* Keeps the window on screen for a screenshot taken from outside. */
static void
linger (void)
{
  if (g_getenv ("SHOUHU_SCREENSHOT_DIR") == NULL)
    return;
  for (gint64 until = g_get_monotonic_time () + 8 * G_USEC_PER_SEC; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_paired (Fixture *fx,
           gint64   worker,
           gint64   volunteer,
           guint   *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = shouhu_pairing_list (fx->store, worker, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const ShouhuGuardian *g = g_ptr_array_index (list, i);

      if (g->volunteer_id == volunteer)
        {
          if (role != NULL)
            *role = g->role;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
n_pairings (Fixture *fx,
            gint64   worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = shouhu_pairing_list (fx->store, worker, NULL, &error);

  g_assert_no_error (error);
  return list->len;
}

static ShouhuWorklistDialog *
open_worklist (Fixture *fx)
{
  ShouhuWorklistDialog *dialog = NULL;

  /* As the overview's button does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-worklist", "i", fx->district));
  iterate ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (SHOUHU_IS_WORKLIST_DIALOG (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  return dialog;
}

/* Enter on the selected family, as the list's key binding does. */
static void
press_enter (ShouhuWorklistDialog *dialog)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_signal_emit_by_name (focus, "activate");
  iterate ();
}

static void
test_order_and_enter (Fixture       *fx,
                      gconstpointer  data)
{
  ShouhuWorklistDialog *dialog = open_worklist (fx);
  const char *reason = NULL;
  guint role = 99;

  /* 支援湖北 first, then the longest waiting; the guarded family is not listed. */
  g_assert_cmpuint (shouhu_worklist_dialog_get_n_families (dialog), ==, 3);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->hubei);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 1), ==, fx->plain);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 2), ==, fx->later);
  g_assert_cmpuint (shouhu_worklist_dialog_get_selected (dialog), ==, 0);

  /* The nearest volunteer is highlighted, with why. */
  g_assert_cmpint (shouhu_worklist_dialog_get_highlighted (dialog, &reason), ==, fx->near);
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, shouhu_nearness_label (SHOUHU_NEARNESS_VILLAGE)));
  linger ();

  /* One key pairs as 保底 and moves on: 乙 leaves the list, 甲 is selected. */
  press_enter (dialog);
  g_assert_true (is_paired (fx, fx->hubei, fx->near, &role));
  g_assert_cmpuint (role, ==, SHOUHU_PAIRING_BASIC);
  g_assert_cmpuint (shouhu_worklist_dialog_get_n_families (dialog), ==, 2);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->plain);
  g_assert_cmpuint (shouhu_worklist_dialog_get_selected (dialog), ==, 0);

  /* Again: 甲 gets the same near volunteer (already guards one: still
   * nearest), 丙 is next. */
  g_assert_cmpint (shouhu_worklist_dialog_get_highlighted (dialog, NULL), ==, fx->near);
  press_enter (dialog);
  g_assert_true (is_paired (fx, fx->plain, fx->near, NULL));
  g_assert_cmpuint (shouhu_worklist_dialog_get_n_families (dialog), ==, 1);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->later);

  /* Undo (Ctrl+Z, as the notification's button) removes the newest
   * pairing: 甲 is back in the list, 乙 stays guarded. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  iterate ();
  g_assert_false (is_paired (fx, fx->plain, fx->near, NULL));
  g_assert_true (is_paired (fx, fx->hubei, fx->near, NULL));
  g_assert_cmpuint (shouhu_worklist_dialog_get_n_families (dialog), ==, 2);
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->plain);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_need_key (Fixture       *fx,
               gconstpointer  data)
{
  ShouhuWorklistDialog *dialog = open_worklist (fx);
  guint role = 99;

  /* 乙 is selected and needs tutoring: Ctrl+Enter pairs the tutor for it,
   * from farther than the 保底 guardian would come, and moves on. */
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->hubei);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "worklist.pair-need", NULL));
  iterate ();
  g_assert_true (is_paired (fx, fx->hubei, fx->tutor, &role));
  g_assert_cmpuint (role, ==, SHOUHU_FAMILY_NEED_TUTORING);
  /* Not guarded yet: still listed, and the next family is selected. */
  g_assert_cmpint (shouhu_worklist_dialog_get_family (dialog, 0), ==, fx->hubei);
  g_assert_cmpuint (shouhu_worklist_dialog_get_selected (dialog), ==, 1);

  /* With unmet needs only: nobody is left (乙's need is met). */
  shouhu_worklist_dialog_set_show_unmet (dialog, TRUE);
  g_assert_cmpuint (shouhu_worklist_dialog_get_n_families (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_proposal (Fixture       *fx,
               gconstpointer  data)
{
  ShouhuProposalDialog *dialog = shouhu_proposal_dialog_new (GTK_WINDOW (fx->window), fx->store, fx->district);
  g_autoptr(GError) error = NULL;
  gint64 left_out;
  guint n, id;

  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  /* One 保底 proposal for each of the three unguarded families. */
  n = shouhu_proposal_dialog_get_n_rows (dialog);
  g_assert_cmpuint (n, ==, 3);
  linger ();
  /* The preview writes nothing, with needs or without. */
  shouhu_proposal_dialog_preview (dialog, 3, TRUE);
  g_assert_cmpuint (shouhu_proposal_dialog_get_n_rows (dialog), ==, 4);
  g_assert_cmpuint (n_pairings (fx, fx->plain), ==, 0);
  g_assert_cmpuint (n_pairings (fx, fx->hubei), ==, 0);
  g_assert_cmpuint (n_pairings (fx, fx->later), ==, 0);
  shouhu_proposal_dialog_preview (dialog, 3, FALSE);
  g_assert_cmpuint (shouhu_proposal_dialog_get_n_rows (dialog), ==, 3);

  /* A row removed is not stored. */
  left_out = shouhu_proposal_dialog_get_worker (dialog, 2);
  shouhu_proposal_dialog_remove_row (dialog, 2);
  g_assert_cmpuint (shouhu_proposal_dialog_get_n_rows (dialog), ==, 2);
  g_assert_cmpuint (n_pairings (fx, fx->plain) + n_pairings (fx, fx->hubei) + n_pairings (fx, fx->later), ==, 0);

  id = shouhu_proposal_dialog_apply (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (id, >, 0);
  iterate ();
  g_assert_cmpuint (n_pairings (fx, left_out), ==, 0);
  g_assert_cmpuint (n_pairings (fx, fx->plain) + n_pairings (fx, fx->hubei) + n_pairings (fx, fx->later), ==, 2);

  /* Undo, as the notification does it: every pairing is gone; once only. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  iterate ();
  g_assert_cmpuint (n_pairings (fx, fx->plain) + n_pairings (fx, fx->hubei) + n_pairings (fx, fx->later), ==, 0);
  g_assert_cmpuint (n_pairings (fx, fx->guarded), ==, 1);
  g_assert_false (shouhu_proposal_dialog_undo (fx->store, id, &error));
  g_assert_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_NOT_FOUND);
}

/* Annex 2's list shows the families of one need; the editor shows and
 * stores a family's needs. */
static void
test_needs_filter_and_editor (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(ShouhuWorkerList) list = shouhu_worker_list_new ();
  g_autoptr(GError) error = NULL;
  guint position;

  linger ();   /* the overview, with its 保底 and needs columns */
  g_assert_true (shouhu_worker_list_load (list, fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  shouhu_worker_list_set_needs_filter (list, SHOUHU_FAMILY_NEED_TUTORING);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_true (shouhu_worker_list_find_id (list, fx->hubei, &position));
  /* With a search: both narrow. */
  shouhu_worker_list_set_filter (list, 0, "甲");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  shouhu_worker_list_set_needs_filter (list, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shouhu_worker_list_set_filter (list, 0, "");
  shouhu_worker_list_set_needs_filter (list, SHOUHU_FAMILY_NEED_SUPPLIES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* The check button of @label below @widget, or NULL. */
static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The editor shows the family's needs ticked, and stores what is ticked. */
static void
test_editor_needs (Fixture       *fx,
                   gconstpointer  data)
{
  ShouhuWorkerEditor *editor = shouhu_worker_editor_new (GTK_WINDOW (fx->window), fx->store, fx->hubei, 0);
  GtkCheckButton *tutoring, *supplies;
  g_autoptr(GError) error = NULL;
  guint needs = 0;

  gtk_window_present (GTK_WINDOW (editor));
  iterate ();
  tutoring = find_check (GTK_WIDGET (editor), shouhu_family_need_label (SHOUHU_FAMILY_NEED_TUTORING));
  supplies = find_check (GTK_WIDGET (editor), shouhu_family_need_label (SHOUHU_FAMILY_NEED_SUPPLIES));
  g_assert_nonnull (tutoring);
  g_assert_nonnull (supplies);
  g_assert_true (gtk_check_button_get_active (tutoring));
  g_assert_false (gtk_check_button_get_active (supplies));

  gtk_check_button_set_active (supplies, TRUE);
  gtk_check_button_set_active (tutoring, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  iterate ();
  g_assert_true (shouhu_pairing_get_needs (fx->store, fx->hubei, &needs, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (needs, ==, SHOUHU_FAMILY_NEED_SUPPLIES);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SHOUHU_LOCALEDIR");

  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/worklist/order-and-enter", Fixture, NULL, fixture_set_up, test_order_and_enter, fixture_tear_down);
  g_test_add ("/worklist/need-key", Fixture, NULL, fixture_set_up, test_need_key, fixture_tear_down);
  g_test_add ("/worklist/proposal", Fixture, NULL, fixture_set_up, test_proposal, fixture_tear_down);
  g_test_add ("/worklist/needs-filter", Fixture, NULL, fixture_set_up, test_needs_filter_and_editor,
              fixture_tear_down);
  g_test_add ("/worklist/editor-needs", Fixture, NULL, fixture_set_up, test_editor_needs, fixture_tear_down);
  return g_test_run ();
}

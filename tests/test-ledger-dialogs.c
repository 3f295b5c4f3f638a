/* test-ledger-dialogs.c — recording a service by keyboard, the ledgers, the overview's columns
 *
 * With SHOUHU_SCREENSHOT_DIR set, the dialogs are also saved there as PNG
 * files, as they are drawn (run with LANGUAGE=zh_CN and SHOUHU_LOCALEDIR
 * pointing at the build's translations to see them in Chinese).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "shouhu-annex2.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-district-row.h"
#include "shouhu-ledger-dialog.h"
#include "shouhu-service-dialog.h"
#include "shouhu-service-row.h"
#include "shouhu-settings.h"
#include "shouhu-test-annex2.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"

typedef struct
{
  char         *path;
  ShouhuStore  *store;
  ShouhuWindow *window;
} Fixture;

static void
iterate (void)
{
  for (int i = 0; i < 5; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
}

/* Lets the frame clock lay out and draw (for the screenshots). */
static void
wait_ms (int ms)
{
  for (gint64 until = g_get_monotonic_time () + ms * 1000; g_get_monotonic_time () < until;)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  fx->store = shouhu_test_new_store (&fx->path);
  /* 甲一 (w1) is paired with 志愿者A and 志愿者B; 志愿者A guards w1 w2 w3
   * w10, 志愿者E nobody: shouhu-test-annex2.c */
  shouhu_test_annex2_insert_set (fx->store);
  g_settings_reset (shouhu_settings_get_default (), "last-service-kind");
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

/* Saves @window as drawn, when SHOUHU_SCREENSHOT_DIR asks for it. */
static void
screenshot (GtkWidget  *window,
            const char *name)
{
  const char *dir = g_getenv ("SHOUHU_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;
  /* Let the frame clock lay out and draw the window first. */
  wait_ms (500);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static GtkCheckButton *
volunteer_check (ShouhuServiceDialog *dialog,
                 guint                index)
{
  GtkFlowBox *box = GTK_FLOW_BOX (shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_VOLUNTEERS));
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (box, (int) index);

  g_assert_nonnull (child);
  return GTK_CHECK_BUTTON (gtk_flow_box_child_get_child (child));
}

static void
set_text (ShouhuServiceDialog *dialog,
          ShouhuServiceField   field,
          const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (shouhu_service_dialog_get_field (dialog, field)), text);
}

static guint
selected (ShouhuServiceDialog *dialog,
          ShouhuServiceField   field)
{
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (shouhu_service_dialog_get_field (dialog, field)));
}

/* The keyboard-first path: the dialog opens ready to type what was done,
 * Ctrl+3 picks the kind, and the kind is offered first next time. */
static void
test_quick_entry (Fixture       *fx,
                  gconstpointer  data)
{
  ShouhuServiceDialog *dialog = shouhu_service_dialog_new (GTK_WINDOW (fx->window), fx->store, 1, 0);
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *kind = NULL;
  GtkWidget *solved;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_DAY))),
                   ==, today);
  g_assert_cmpuint (selected (dialog, SHOUHU_SERVICE_FIELD_KIND), ==, SHOUHU_SERVICE_GREETING - 1);
  g_assert_true (gtk_check_button_get_active (volunteer_check (dialog, 0)));
  g_assert_false (gtk_check_button_get_active (volunteer_check (dialog, 1)));
  g_assert_cmpstr (gtk_check_button_get_label (volunteer_check (dialog, 0)), ==, "志愿者A");
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_CONTENT)) ||
                 gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                   shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_CONTENT));

  set_text (dialog, SHOUHU_SERVICE_FIELD_CONTENT, "代购降压药并送到家");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "service.kind", "i", (int) SHOUHU_SERVICE_SUPPLIES));
  g_assert_cmpuint (selected (dialog, SHOUHU_SERVICE_FIELD_KIND), ==, SHOUHU_SERVICE_SUPPLIES - 1);
  solved = shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_SOLVED);
  g_assert_false (gtk_widget_get_sensitive (solved));
  set_text (dialog, SHOUHU_SERVICE_FIELD_NEED, "每周买一次药");
  g_assert_true (gtk_widget_get_sensitive (solved));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (solved), TRUE);
  screenshot (GTK_WIDGET (dialog), "service-dialog.png");

  g_assert_true (shouhu_service_dialog_save (dialog));
  iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM service WHERE worker_id = 1 AND kind = 'supplies'"
                                          " AND minutes = 30 AND need = '每周买一次药' AND solved = 1"), ==, 1);
  kind = shouhu_settings_dup_last_service_kind ();
  g_assert_cmpstr (kind, ==, "supplies");

  /* Remembered; and a rejected field keeps the dialog open, named and focused. */
  dialog = shouhu_service_dialog_new (GTK_WINDOW (fx->window), fx->store, 1, 0);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  g_assert_cmpuint (selected (dialog, SHOUHU_SERVICE_FIELD_KIND), ==, SHOUHU_SERVICE_SUPPLIES - 1);
  set_text (dialog, SHOUHU_SERVICE_FIELD_DAY, "2020-02-30");
  g_assert_false (shouhu_service_dialog_save (dialog));
  g_assert_nonnull (strstr (shouhu_service_dialog_get_error (dialog), "2020-02-30"));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_DAY)) ||
                 gtk_window_get_focus (GTK_WINDOW (dialog)) ==
                   shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_DAY));
  gtk_check_button_set_active (volunteer_check (dialog, 0), FALSE);
  set_text (dialog, SHOUHU_SERVICE_FIELD_DAY, "2020-02-10");
  g_assert_false (shouhu_service_dialog_save (dialog));
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == GTK_WIDGET (volunteer_check (dialog, 0)));
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (dialog);
}

/* A volunteer who may not go on duty is offered as such. */
static void
test_not_ready (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(ShouhuVolunteer) b = NULL;
  g_autoptr(GError) error = NULL;
  ShouhuServiceDialog *dialog;
  const char *label;

  b = shouhu_annex2_get_volunteer (fx->store, 2, &error);
  g_assert_no_error (error);
  g_free (b->trained_on);
  b->trained_on = g_strdup ("");
  g_assert_cmpint (shouhu_annex2_save_volunteer (fx->store, b, &error), ==, 2);
  g_assert_no_error (error);

  dialog = shouhu_service_dialog_new (GTK_WINDOW (fx->window), fx->store, 1, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  screenshot (GTK_WIDGET (dialog), "service-dialog-not-ready.png");
  label = gtk_check_button_get_label (volunteer_check (dialog, 1));
  g_assert_true (g_str_has_prefix (label, "志愿者B"));
  g_assert_cmpstr (label, !=, "志愿者B");
  g_assert_cmpstr (gtk_check_button_get_label (volunteer_check (dialog, 0)), ==, "志愿者A");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* From a volunteer's row: the family is one of those the volunteer guards. */
static void
test_from_volunteer (Fixture       *fx,
                     gconstpointer  data)
{
  ShouhuServiceDialog *dialog = shouhu_service_dialog_new (GTK_WINDOW (fx->window), fx->store, 0, 1);
  GtkDropDown *family;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();
  family = GTK_DROP_DOWN (shouhu_service_dialog_get_field (dialog, SHOUHU_SERVICE_FIELD_FAMILY));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (family)), ==, 4);
  gtk_drop_down_set_selected (family, 1);   /* 甲二, guarded by 志愿者A alone */
  g_assert_true (gtk_check_button_get_active (volunteer_check (dialog, 0)));
  set_text (dialog, SHOUHU_SERVICE_FIELD_CONTENT, "视频问候");
  g_assert_true (shouhu_service_dialog_save (dialog));
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM service s JOIN service_volunteer v ON v.service_id = s.id"
                                          " WHERE s.worker_id = 2 AND v.volunteer_id = 1"), ==, 1);

  /* A volunteer who guards nobody cannot record a service yet. */
  dialog = shouhu_service_dialog_new (GTK_WINDOW (fx->window), fx->store, 0, 5);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_nonnull (strstr (shouhu_service_dialog_get_error (dialog), "志愿者E"));
  g_assert_false (shouhu_service_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (dialog);
}

static gint64
add_service (Fixture           *fx,
             gint64             worker_id,
             gint64             volunteer_id,
             const char        *day,
             ShouhuServiceKind  kind,
             const char        *need)
{
  g_autoptr(ShouhuService) s = shouhu_service_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  s->worker_id = worker_id;
  shouhu_service_add_volunteer (s, volunteer_id);
  g_free (s->day);
  s->day = g_strdup (day);
  s->kind = kind;
  s->minutes = 30;
  g_free (s->content);
  s->content = g_strdup ("上门看望老人，帮忙打扫卫生");
  g_free (s->need);
  s->need = g_strdup (need);
  id = shouhu_ledger_save (fx->store, s, &error);
  g_assert_no_error (error);
  return id;
}

static void
test_family_ledger (Fixture       *fx,
                    gconstpointer  data)
{
  g_autofree char *one_open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open need", "%u open needs", 1), 1);
  ShouhuLedgerDialog *ledger;
  GListModel *model;

  add_service (fx, 1, 1, "2020-02-10", SHOUHU_SERVICE_CARE, "");
  add_service (fx, 1, 2, "2020-02-12", SHOUHU_SERVICE_TUTORING, "孩子网课缺一台平板");
  ledger = shouhu_ledger_dialog_new (GTK_WINDOW (fx->window), fx->store, SHOUHU_LEDGER_OF_FAMILY, 1);
  g_object_add_weak_pointer (G_OBJECT (ledger), (gpointer *) &ledger);
  gtk_window_present (GTK_WINDOW (ledger));
  iterate ();
  model = shouhu_ledger_dialog_get_model (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (strstr (shouhu_ledger_dialog_get_summary (ledger), "2020-02-12"));
  g_assert_nonnull (strstr (shouhu_ledger_dialog_get_summary (ledger), one_open));
  /* Recorded in 2020: the family has long been due for a visit. */
  g_assert_nonnull (strstr (shouhu_ledger_dialog_get_summary (ledger), "需回访"));
  screenshot (GTK_WIDGET (ledger), "ledger-dialog.png");

  shouhu_ledger_dialog_set_open_only (ledger, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  shouhu_ledger_dialog_set_open_only (ledger, FALSE);

  /* Delete, then Undo: the record comes back as it was. */
  g_assert_true (shouhu_ledger_dialog_select (ledger, 0));
  shouhu_ledger_dialog_delete_selected (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpint (shouhu_test_query_int (fx->store, "SELECT count (*) FROM service"), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ledger), "ledger.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpint (shouhu_test_query_int (fx->store,
                                          "SELECT count (*) FROM service WHERE need = '孩子网课缺一台平板'"), ==, 1);

  /* A change made elsewhere shows at once. */
  add_service (fx, 1, 1, "2020-02-13", SHOUHU_SERVICE_GREETING, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_window_destroy (GTK_WINDOW (ledger));
  iterate ();
  g_assert_null (ledger);
}

static void
test_volunteer_ledger (Fixture       *fx,
                       gconstpointer  data)
{
  ShouhuLedgerDialog *ledger;
  GListModel *model;
  g_autoptr(ShouhuServiceRow) row = NULL;

  add_service (fx, 1, 2, "2020-02-10", SHOUHU_SERVICE_CARE, "");
  add_service (fx, 4, 2, "2020-02-11", SHOUHU_SERVICE_TRANSPORT, "");
  add_service (fx, 2, 1, "2020-02-11", SHOUHU_SERVICE_TRANSPORT, "");
  ledger = shouhu_ledger_dialog_new (GTK_WINDOW (fx->window), fx->store, SHOUHU_LEDGER_OF_VOLUNTEER, 2);
  model = shouhu_ledger_dialog_get_model (ledger);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  row = g_list_model_get_item (model, 0);
  g_assert_cmpstr (shouhu_service_row_get_service (row)->family_name, ==, "甲四");
  gtk_window_destroy (GTK_WINDOW (ledger));
}

static gboolean
has_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        {
          found = TRUE;
          gtk_window_destroy (w);
        }
    }
  return found;
}

/* The actions the Annex 2 page and the volunteers page open the dialogs with. */
static void
test_window_actions (Fixture       *fx,
                     gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.add-service", "(xx)",
                                             (gint64) 0, (gint64) 1));
  g_assert_true (has_toplevel (SHOUHU_TYPE_SERVICE_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-ledger", "(sx)",
                                             "volunteer", (gint64) 1));
  g_assert_true (has_toplevel (SHOUHU_TYPE_LEDGER_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.show-ledger", "(sx)",
                                             "family", (gint64) 3));
  g_assert_true (has_toplevel (SHOUHU_TYPE_LEDGER_DIALOG));
  iterate ();
}

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

/* The overview's table: open needs and families 需回访 per district. */
static void
test_overview_columns (Fixture       *fx,
                       gconstpointer  data)
{
  ShouhuDashboardPage *page = SHOUHU_DASHBOARD_PAGE (find_child (GTK_WIDGET (fx->window),
                                                                 SHOUHU_TYPE_DASHBOARD_PAGE));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (shouhu_dashboard_page_get_table (page)));
  g_autoptr(ShouhuDistrictRow) wanzhou = NULL;
  g_autoptr(ShouhuDistrictRow) qianjiang = NULL;

  add_service (fx, 1, 1, "2020-02-10", SHOUHU_SERVICE_CARE, "买药");
  add_service (fx, 6, 3, "2020-02-10", SHOUHU_SERVICE_CARE, "");
  wanzhou = g_list_model_get_item (rows, 0);
  qianjiang = g_list_model_get_item (rows, 1);
  g_assert_cmpint (shouhu_district_row_get_figures (wanzhou)->district_id, ==, 1);
  g_assert_cmpint (shouhu_district_row_get_open_needs (wanzhou), ==, 1);
  g_assert_cmpint (shouhu_district_row_get_open_needs (qianjiang), ==, 0);
  /* Every family was last seen in 2020: all are 需回访. */
  g_assert_cmpint (shouhu_district_row_get_to_revisit (wanzhou), ==, 5);
  g_assert_cmpint (shouhu_district_row_get_to_revisit (qianjiang), ==, 2);

  /* Counted when the overview is seen, not while another page is. */
  shouhu_window_show_page (fx->window, "annex2");
  iterate ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  add_service (fx, 6, 3, "2020-02-11", SHOUHU_SERVICE_CARE, "接送孩子");
  g_assert_cmpint (shouhu_district_row_get_open_needs (qianjiang), ==, 0);
  shouhu_window_show_page (fx->window, "dashboard");
  iterate ();
  g_assert_cmpint (shouhu_district_row_get_open_needs (qianjiang), ==, 1);
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1440, 640);
  screenshot (GTK_WIDGET (fx->window), "overview.png");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SHOUHU_LOCALEDIR");

  /* For the screenshots: the interface in the language the run asks for. */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  gtk_test_init (&argc, &argv, NULL);
  /* Pages switch at once: which one is mapped is known. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/ledger-dialogs/quick-entry", Fixture, NULL, fixture_set_up, test_quick_entry, fixture_tear_down);
  g_test_add ("/ledger-dialogs/not-ready", Fixture, NULL, fixture_set_up, test_not_ready, fixture_tear_down);
  g_test_add ("/ledger-dialogs/from-volunteer", Fixture, NULL, fixture_set_up, test_from_volunteer,
              fixture_tear_down);
  g_test_add ("/ledger-dialogs/family-ledger", Fixture, NULL, fixture_set_up, test_family_ledger, fixture_tear_down);
  g_test_add ("/ledger-dialogs/volunteer-ledger", Fixture, NULL, fixture_set_up, test_volunteer_ledger,
              fixture_tear_down);
  g_test_add ("/ledger-dialogs/window-actions", Fixture, NULL, fixture_set_up, test_window_actions,
              fixture_tear_down);
  g_test_add ("/ledger-dialogs/overview-columns", Fixture, NULL, fixture_set_up, test_overview_columns,
              fixture_tear_down);

  return g_test_run ();
}

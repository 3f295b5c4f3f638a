/* test-shortcuts.c — the Keyboard Shortcuts window lists every shortcut
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collects the key bindings that Shouhu's own widgets install on their
 * actions, and the application's accelerators, and looks each of them up in
 * the help overlay (src/ui/gtk/help-overlay.ui).  A shortcut added in code
 * but forgotten there fails here.
 */
#include <gtk/gtk.h>

#include "shouhu-application.h"
#include "shouhu-test-util.h"
#include "shouhu-window.h"
#include "shouhu-ledger-dialog.h"
#include "shouhu-service-dialog.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worklist-dialog.h"
#include "shouhu-proposal-dialog.h"

typedef struct
{
  guint           keyval;
  GdkModifierType mods;
  char           *what;
} Key;

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->what);
  g_free (key);
}

/* A keypad key is the twin of the main key the overlay shows. */
static guint
main_key (guint keyval)
{
  static const struct { guint from, to; } twins[] = {
    { GDK_KEY_KP_Up, GDK_KEY_Up }, { GDK_KEY_KP_Down, GDK_KEY_Down },
    { GDK_KEY_KP_Left, GDK_KEY_Left }, { GDK_KEY_KP_Right, GDK_KEY_Right },
    { GDK_KEY_KP_Home, GDK_KEY_Home }, { GDK_KEY_KP_End, GDK_KEY_End },
    { GDK_KEY_KP_Page_Up, GDK_KEY_Page_Up }, { GDK_KEY_KP_Page_Down, GDK_KEY_Page_Down },
    { GDK_KEY_KP_Enter, GDK_KEY_Return }, { GDK_KEY_ISO_Enter, GDK_KEY_Return },
    { GDK_KEY_KP_Space, GDK_KEY_space }, { GDK_KEY_KP_Delete, GDK_KEY_Delete },
  };

  for (guint i = 0; i < G_N_ELEMENTS (twins); i++)
    if (twins[i].from == keyval)
      return twins[i].to;
  return keyval;
}

static void
add_key (GPtrArray       *keys,
         guint            keyval,
         GdkModifierType  mods,
         const char      *what)
{
  Key *key = g_new0 (Key, 1);

  key->keyval = gdk_keyval_to_lower (main_key (keyval));
  key->mods = mods & gtk_accelerator_get_default_mod_mask ();
  key->what = g_strdup (what);
  g_ptr_array_add (keys, key);
}

static void
add_accelerators (GPtrArray  *keys,
                  const char *accelerators,
                  const char *what)
{
  g_auto(GStrv) accels = g_strsplit (accelerators, " ", -1);

  for (guint i = 0; accels[i] != NULL; i++)
    {
      guint keyval = 0;
      GdkModifierType mods = 0;

      if (accels[i][0] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &mods));
      add_key (keys, keyval, mods, what);
    }
}

/* Whether @name is an action that a Shouhu class installed on @widget. */
static gboolean
is_own_action (GtkWidget  *widget,
               const char *name)
{
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (widget);
  const GVariantType *parameter_type;
  const char *property_name;
  const char *action_name;
  GType owner;

  /* GTK 4.8 writes every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (klass, i, &owner, &action_name, &parameter_type, &property_name);
       i++)
    if (g_str_equal (action_name, name))
      return g_str_has_prefix (g_type_name (owner), "Shouhu");
  return FALSE;
}

static void
collect_widget_shortcuts (GtkWidget *widget,
                          GPtrArray *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          const char *name;

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          name = gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
          if (is_own_action (widget, name))
            add_key (keys,
                     gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                     gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)),
                     name);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_shortcuts (child, keys);
}

static void
collect_overlay_shortcuts (GtkWidget      *widget,
                           GtkApplication *app,
                           GPtrArray      *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_autofree char *title = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action_name,
                    "title", &title, NULL);
      if (accelerator != NULL)
        add_accelerators (keys, accelerator, title);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, action_name);

          for (guint i = 0; accels[i] != NULL; i++)
            add_accelerators (keys, accels[i], title);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_overlay_shortcuts (child, app, keys);
}

static gboolean
contains_key (GPtrArray *keys,
              Key       *key)
{
  for (guint i = 0; i < keys->len; i++)
    {
      Key *other = g_ptr_array_index (keys, i);

      if (other->keyval == key->keyval && other->mods == key->mods)
        return TRUE;
    }
  return FALSE;
}

static void
test_overlay_lists_every_shortcut (void)
{
  g_autoptr(ShouhuApplication) app = shouhu_application_new ();
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (key_free);
  g_autoptr(GPtrArray) listed = g_ptr_array_new_with_free_func (key_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuStore) store = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) actions = NULL;
  GtkShortcutsWindow *overlay;
  ShouhuWindow *window;
  ShouhuWorkerEditor *editor;
  GtkWindow *dialog;

  /* No session bus under xvfb-run: a non-unique app needs none. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  store = shouhu_test_new_store (&path);
  window = shouhu_window_new (GTK_APPLICATION (app), store, NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  collect_widget_shortcuts (GTK_WIDGET (window), used);
  /* The editor is a window of its own: its keys count as well. */
  editor = shouhu_worker_editor_new (GTK_WINDOW (window), store, 0, 0);
  collect_widget_shortcuts (GTK_WIDGET (editor), used);
  gtk_window_destroy (GTK_WINDOW (editor));
  /* So are the ledger's dialogs. */
  dialog = GTK_WINDOW (shouhu_service_dialog_new (GTK_WINDOW (window), store, 1, 0));
  collect_widget_shortcuts (GTK_WIDGET (dialog), used);
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (shouhu_ledger_dialog_new (GTK_WINDOW (window), store, SHOUHU_LEDGER_OF_FAMILY, 1));
  collect_widget_shortcuts (GTK_WIDGET (dialog), used);
  gtk_window_destroy (dialog);
  /* And 待结对 with its proposal. */
  dialog = GTK_WINDOW (shouhu_worklist_dialog_new (GTK_WINDOW (window), store, 1));
  collect_widget_shortcuts (GTK_WIDGET (dialog), used);
  gtk_window_destroy (dialog);
  dialog = GTK_WINDOW (shouhu_proposal_dialog_new (GTK_WINDOW (window), store, 1));
  collect_widget_shortcuts (GTK_WIDGET (dialog), used);
  gtk_window_destroy (dialog);
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        add_accelerators (used, accels[j], actions[i]);
    }
  /* The window's own actions and the app's quit at least. */
  g_assert_cmpuint (used->len, >=, 4);

  collect_overlay_shortcuts (GTK_WIDGET (overlay), GTK_APPLICATION (app), listed);

  for (guint i = 0; i < used->len; i++)
    {
      Key *key = g_ptr_array_index (used, i);
      g_autofree char *label = gtk_accelerator_name (key->keyval, key->mods);

      if (!contains_key (listed, key))
        g_error ("%s (%s) is not in src/ui/gtk/help-overlay.ui", label, key->what);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  {
    g_autofree char *dir = g_path_get_dirname (path);

    shouhu_test_rm_rf (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/shortcuts/overlay-lists-every-shortcut", test_overlay_lists_every_shortcut);

  return g_test_run ();
}

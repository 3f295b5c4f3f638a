/* shouhu-application.c — the application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-application.h"
#include "shouhu-cli.h"
#include "shouhu-store.h"
#include "shouhu-window.h"

struct _ShouhuApplication
{
  GtkApplication  parent_instance;

  char           *database_path;
};

G_DEFINE_FINAL_TYPE (ShouhuApplication, shouhu_application, GTK_TYPE_APPLICATION)

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *authors[] = { _("The Shouhu developers"), NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (app),
                         "program-name", _("Shouhu"),
                         "copyright", _("© 2026 The Shouhu developers"),
                         "logo-icon-name", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Pairs every frontline medical worker’s family with a volunteer "
                                       "guardian nearby, and keeps the two annex tables of notice "
                                       "Yu Wenmingwei [2020] No. 3 for reporting upward."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                                     (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  /* Closing (not just leaving the main loop) lets each window store what
   * was being typed and remember its size, as its close button does.  A
   * dialog may be gone already with its parent.  A window that asks
   * first (something typed cannot be stored) stays, and so does the
   * application: it ends with its last window. */
  for (GList *l = windows; l != NULL; l = l->next)
    if (gtk_window_get_application (l->data) != NULL)
      {
        gtk_window_close (GTK_WINDOW (l->data));
        if (gtk_window_get_application (l->data) != NULL && gtk_widget_get_visible (l->data))
          {
            g_list_free_full (windows, g_object_unref);
            return;
          }
      }
  g_list_free_full (windows, g_object_unref);
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_entries[] = {
  { .name = "about", .activate = about_cb },
  { .name = "quit", .activate = quit_cb },
};

static int
shouhu_application_handle_local_options (GApplication *app,
                                         GVariantDict *options)
{
  ShouhuApplication *self = SHOUHU_APPLICATION (app);
  int status = shouhu_cli_run (options);

  if (status >= 0)
    return status;

  /* Each database gets its own window and process: the running instance
   * may have another database open. */
  if (g_variant_dict_lookup (options, "database", "^ay", &self->database_path))
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
shouhu_application_activate (GApplication *app)
{
  ShouhuApplication *self = SHOUHU_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(ShouhuStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      store = shouhu_store_open (self->database_path, &error);
      window = GTK_WINDOW (shouhu_window_new (GTK_APPLICATION (app), store, error));
    }

  gtk_window_present (window);
}

static void
shouhu_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  G_APPLICATION_CLASS (shouhu_application_parent_class)->startup (app);

  /* GTK 4.8 does not load style.css from the resource base path itself. */
  gtk_css_provider_load_from_resource (css, "/io/github/shouhu/Shouhu/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries, G_N_ELEMENTS (app_entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
shouhu_application_finalize (GObject *object)
{
  ShouhuApplication *self = SHOUHU_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (shouhu_application_parent_class)->finalize (object);
}

static void
shouhu_application_class_init (ShouhuApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = shouhu_application_finalize;
  app_class->handle_local_options = shouhu_application_handle_local_options;
  app_class->startup = shouhu_application_startup;
  app_class->activate = shouhu_application_activate;
}

static void
shouhu_application_init (ShouhuApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), shouhu_cli_get_options ());
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Volunteer guardians for the families of frontline medical workers."));
}

ShouhuApplication *
shouhu_application_new (void)
{
  return g_object_new (SHOUHU_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/shouhu/Shouhu",
                       NULL);
}

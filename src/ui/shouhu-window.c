/* shouhu-window.c — the main window: header bar, pages, notifications
 *
 * The pages and dialogs never call in here: they ask for a notification
 * with the window's actions, which any widget inside the window reaches
 * with gtk_widget_activate_action():
 *
 *   win.notify       (s)   shows the message;
 *   win.notify-undo  (ss)  shows the message with an Undo button that
 *                          activates the detailed action name given
 *                          second, e.g. "annex1.remove-last-batch('2020-02-07')",
 *                          from the pages (a page's own action, or one of
 *                          the window or the application); the change is
 *                          also registered as by win.add-undo;
 *   win.add-undo     (ss)  registers an undoable change without a word:
 *                          what was done, and the action that undoes it;
 *                          win.undo (Ctrl+Z) undoes the newest change;
 *   win.notify-action (sss) shows the message with a button (its label
 *                          given second) that activates the action given
 *                          third, as for win.notify-undo;
 *   win.export-form  (isi)  opens the export dialog on a workbook
 *                          (ShouhuExportKind), an Annex 1 date ("" for
 *                          the latest) and a district (0 for all);
 *   win.add-service  (xx)  opens the dialog that records a service in the
 *                          ledger: (worker id, volunteer id), either may
 *                          be 0 (a worker's row gives the first, a
 *                          volunteer's row the second);
 *   win.show-ledger  (sx)  opens the ledger of ("family", worker id) or
 *                          ("volunteer", volunteer id);
 *   win.show-worklist (i)  opens 待结对 of a district (1..41);
 *   win.undo-pairing (xx)  removes the pairing of (worker id, volunteer id),
 *                          the Undo of one made in 待结对;
 *   win.undo-proposal (u)  puts back the pairings as they were before a
 *                          district's proposal was applied.
 *
 * win.export (Ctrl+E, the menu) opens it on what the page shown holds.
 *
 * The pages get the store through their "store" property, bound to the
 * window's in the template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-accessible.h"
#include "shouhu-annex1.h"
#include "shouhu-annex2.h"
#include "shouhu-district.h"
#include "shouhu-annex1-page.h"
#include "shouhu-close-question.h"
#include "shouhu-date.h"
#include "shouhu-settings.h"
#include "shouhu-export-dialog.h"
#include "shouhu-import-dialog.h"
#include "shouhu-ledger-dialog.h"
#include "shouhu-proposal-dialog.h"
#include "shouhu-worklist-dialog.h"
#include "shouhu-service-dialog.h"
#include "shouhu-dashboard-page.h"
#include "shouhu-annex2-page.h"
#include "shouhu-volunteer-page.h"
#include "shouhu-undo-stack.h"
#include "shouhu-purge-dialog.h"
#include "shouhu-window.h"
#include "shouhu-workbook-chooser.h"

struct _ShouhuWindow
{
  GtkApplicationWindow  parent_instance;

  ShouhuStore          *store;
  ShouhuUndoStack      *undo;
  GObject              *chooser;   /* the open file chooser, if any */
  guint                 outside_check_id;
  gboolean              outside_check_failed;
  gboolean              closing;   /* the user chose to lose what is not stored */

  GtkStack             *main_stack;
  GtkStack             *stack;
  GtkStackSwitcher     *switcher;
  GtkMenuButton        *menu_button;
  ShouhuNotification   *notification;
  GtkLabel             *error_label;
  ShouhuAnnex1Page     *annex1_page;
  ShouhuDashboardPage  *dashboard_page;
  ShouhuAnnex2Page     *annex2_page;
  ShouhuVolunteerPage  *volunteer_page;
};

G_DEFINE_FINAL_TYPE (ShouhuWindow, shouhu_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Seconds between two looks for another program's changes: a command-line
 * import shows in the window about as soon as it ends. */
#define OUTSIDE_CHECK_INTERVAL 2

static void
show_message (ShouhuWindow *self,
              const char   *message)
{
  shouhu_notification_show (self->notification, message, NULL, NULL, NULL, NULL);
}

static void
notify_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  show_message (SHOUHU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Runs @action of the page that has it (or of the window or the
 * application), and shows that page: an Undo or a Show is seen done. */
static void
run_action (ShouhuWindow *self,
            const char   *action,
            GVariant     *target)
{
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (gtk_widget_activate_action_variant (page, action, target))
      {
        if (!g_str_has_prefix (action, "win.") && !g_str_has_prefix (action, "app."))
          gtk_stack_set_visible_child (self->stack, page);
        return;
      }
  g_critical ("No page of the window has the action “%s”", action);
}

/* Takes back the change registered as @serial, or the newest for 0. */
static void
undo (ShouhuWindow *self,
      guint         serial)
{
  g_autofree char *description = NULL;
  g_autofree char *action = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GVariant) target = NULL;

  if (!shouhu_undo_stack_take (self->undo, serial, NULL, &description, &action, &target))
    {
      show_message (self, serial == 0 ? _("Nothing to undo") : _("This change can no longer be undone"));
      return;
    }
  /* Before the action: a page that cannot undo says why, over this. */
  /* Translators: %s says what was done, e.g. Deleted the record of 张三 */
  message = g_strdup_printf (_("Undone: %s"), description);
  show_message (self, message);
  run_action (self, action, target);
}

static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  undo (SHOUHU_WINDOW (widget), 0);
}

/* What the button of a notification does: undo one change, or run an
 * action. */
typedef struct
{
  ShouhuWindow *window;   /* not a reference: the notification is inside it */
  guint         serial;   /* the change to undo; 0 to run the action */
  char         *action;
  GVariant     *target;
} Button;

static void
button_free (gpointer data)
{
  Button *button = data;

  g_free (button->action);
  g_clear_pointer (&button->target, g_variant_unref);
  g_free (button);
}

static void
button_cb (gpointer data)
{
  Button *button = data;

  if (button->serial != 0)
    undo (button->window, button->serial);
  else
    run_action (button->window, button->action, button->target);
}

/* Registers an undoable change; returns its serial, 0 if @detailed is
 * no action. */
static guint
push_undo (ShouhuWindow *self,
           const char   *description,
           const char   *detailed)
{
  g_autoptr(GError) error = NULL;
  guint serial = shouhu_undo_stack_push (self->undo, description, detailed, &error);

  if (serial == 0)
    g_critical ("Undo: “%s” is not an action: %s", detailed, error->message);
  return serial;
}

static void
notify_undo_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  const char *message;
  const char *detailed;
  Button *button;
  guint serial;

  g_variant_get (parameter, "(&s&s)", &message, &detailed);
  serial = push_undo (self, message, detailed);
  if (serial == 0)
    {
      show_message (self, message);
      return;
    }
  button = g_new0 (Button, 1);
  button->window = self;
  button->serial = serial;
  shouhu_notification_show (self->notification, message, _("_Undo"), button_cb, button, button_free);
}

static void
add_undo_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  const char *description;
  const char *detailed;

  g_variant_get (parameter, "(&s&s)", &description, &detailed);
  push_undo (SHOUHU_WINDOW (widget), description, detailed);
}

static void
notify_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *message;
  const char *label;
  const char *detailed;
  Button *button = g_new0 (Button, 1);

  g_variant_get (parameter, "(&s&s&s)", &message, &label, &detailed);
  if (!g_action_parse_detailed_name (detailed, &button->action, &button->target, &error))
    {
      g_critical ("win.notify-action: “%s” is not an action: %s", detailed, error->message);
      button_free (button);
      show_message (self, message);
      return;
    }
  button->window = self;
  shouhu_notification_show (self->notification, message, label, button_cb, button, button_free);
}

static void
load_notice_figures (ShouhuWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = shouhu_format_date (SHOUHU_NOTICE_DATE);
  g_autofree char *message = NULL;

  if (!shouhu_annex1_load_notice_figures (self->store, &error))
    {
      show_message (self, error->message);
      return;
    }

  shouhu_annex1_page_set_date (self->annex1_page, SHOUHU_NOTICE_DATE);
  shouhu_window_show_page (self, "annex1");
  message = g_strdup_printf (_("Loaded the figures of the notice as of %s"), date);
  show_message (self, message);
}

static void
replace_response_cb (GtkDialog *dialog,
                     int        response,
                     gpointer   user_data)
{
  ShouhuWindow *self = SHOUHU_WINDOW (user_data);

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    load_notice_figures (self);
}

static void
load_notice_figures_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = shouhu_format_date (SHOUHU_NOTICE_DATE);
  gboolean exists = FALSE, as_is = FALSE;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  if (!shouhu_annex1_check_notice_table (self->store, &exists, &as_is, &error))
    {
      show_message (self, error->message);
      return;
    }
  if (as_is)
    {
      shouhu_annex1_page_set_date (self->annex1_page, SHOUHU_NOTICE_DATE);
      shouhu_window_show_page (self, "annex1");
      show_message (self, _("The figures of the notice are already loaded"));
      return;
    }
  if (!exists)
    {
      load_notice_figures (self);
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Replace the figures as of %s?"), date);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The table dated %s holds figures that differ "
                                              "from the notice. Loading replaces them with the "
                                              "notice’s figures; remarks are kept."), date);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Replace"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (replace_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_cb (gpointer user_data)
{
  GFile *file = G_FILE (user_data);

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);
  gtk_file_launcher_launch (launcher, NULL, NULL, NULL, NULL);
#else
  g_autofree char *uri = g_file_get_uri (file);
  gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
#endif
}

/* After an export, the notification offers to open the file. */
static void
exported_cb (ShouhuExportDialog *dialog,
             GFile              *file,
             ShouhuWindow       *self)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  shouhu_notification_show (self->notification, message, _("_Open"), open_file_cb,
                            g_object_ref (file), g_object_unref);
}

static void
open_export (ShouhuWindow     *self,
             ShouhuExportKind  kind,
             const char       *as_of,
             int               district_id)
{
  ShouhuExportDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = shouhu_export_dialog_new (GTK_WINDOW (self), self->store);
  shouhu_export_dialog_set_context (dialog, kind, as_of, district_id);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_form_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *as_of;
  int kind, district_id;

  g_variant_get (parameter, "(i&si)", &kind, &as_of, &district_id);
  if (kind < SHOUHU_EXPORT_ANNEX1 || kind > SHOUHU_EXPORT_VOLUNTEERS ||
      district_id < 0 || district_id > SHOUHU_N_DISTRICTS)
    {
      g_critical ("win.export-form: no workbook %d of district %d", kind, district_id);
      return;
    }
  open_export (SHOUHU_WINDOW (widget), kind, *as_of != '\0' ? as_of : NULL, district_id);
}

/* The workbook of what the page shown holds: Annex 2 of the district its
 * list is filtered to, Annex 1 of its date, the summary of the overview. */
static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  const char *page = shouhu_window_get_visible_page (self);

  if (g_strcmp0 (page, "annex2") == 0)
    open_export (self, SHOUHU_EXPORT_ANNEX2, NULL,
                 shouhu_annex2_page_get_district_filter (self->annex2_page));
  else if (g_strcmp0 (page, "volunteers") == 0)
    open_export (self, SHOUHU_EXPORT_VOLUNTEERS, NULL,
                 shouhu_volunteer_page_get_district_filter (self->volunteer_page));
  else if (g_strcmp0 (page, "dashboard") == 0)
    {
      const ShouhuFigures *figures = shouhu_dashboard_page_get_figures (self->dashboard_page);

      open_export (self, SHOUHU_EXPORT_SUMMARY, figures ? figures->as_of : NULL, 0);
    }
  else
    open_export (self, SHOUHU_EXPORT_ANNEX1, shouhu_annex1_page_get_date (self->annex1_page), 0);
}

/* After a purge, Ctrl+Z brings back nothing the purge erased. */
static void
erased_cb (ShouhuPurgeDialog *dialog,
           const char        *message,
           ShouhuWindow      *self)
{
  shouhu_annex2_page_forget_changes (self->annex2_page, 0);
  show_message (self, message);
}

static void
purge_personal_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  ShouhuPurgeDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = shouhu_purge_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "erased", G_CALLBACK (erased_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Opens the import preview of @file, which must be a workbook. */
static void
open_import (ShouhuWindow *self,
             GFile        *file)
{
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (base != NULL ? base : "", -1);

  if (self->store == NULL)
    return;
  if (!g_str_has_suffix (lower, ".xlsx"))
    {
      g_autofree char *name = g_filename_display_name (base != NULL ? base : "");
      g_autofree char *message = g_strdup_printf (_("“%s” is not an Excel workbook (.xlsx): only the annex workbooks can be imported"),
                                                  name);
      show_message (self, message);
      return;
    }
  gtk_window_present (GTK_WINDOW (shouhu_import_dialog_new (GTK_WINDOW (self), self->store, file)));
}

static void
import_chosen_cb (GObject *owner,
                  GFile   *file)
{
  ShouhuWindow *self = SHOUHU_WINDOW (owner);

  g_clear_object (&self->chooser);
  if (file != NULL)
    open_import (self, file);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);

  if (self->store == NULL || self->chooser != NULL)
    return;
  self->chooser = shouhu_workbook_chooser_show (GTK_WINDOW (self), FALSE, _("Import Workbook"),
                                                NULL, NULL, G_OBJECT (self), import_chosen_cb);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         ShouhuWindow  *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      file = files != NULL ? files->data : NULL;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL)
    return FALSE;
  open_import (self, file);
  return TRUE;
}

static void
add_service_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  gint64 worker_id = 0, volunteer_id = 0;

  g_variant_get (parameter, "(xx)", &worker_id, &volunteer_id);
  if (self->store == NULL || (worker_id <= 0 && volunteer_id <= 0))
    return;
  gtk_window_present (GTK_WINDOW (shouhu_service_dialog_new (GTK_WINDOW (self), self->store,
                                                             MAX (worker_id, 0), MAX (volunteer_id, 0))));
}

static void
show_ledger_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  const char *of = NULL;
  gint64 id = 0;

  g_variant_get (parameter, "(&sx)", &of, &id);
  if (self->store == NULL || id <= 0)
    return;
  if (g_strcmp0 (of, "family") != 0 && g_strcmp0 (of, "volunteer") != 0)
    {
      g_critical ("win.show-ledger: “%s” is neither “family” nor “volunteer”", of);
      return;
    }
  gtk_window_present (GTK_WINDOW (shouhu_ledger_dialog_new (GTK_WINDOW (self), self->store,
                                                            g_str_equal (of, "family") ? SHOUHU_LEDGER_OF_FAMILY
                                                                                       : SHOUHU_LEDGER_OF_VOLUNTEER,
                                                            id)));
}

static void
show_worklist_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  int district_id = g_variant_get_int32 (parameter);

  if (self->store == NULL || district_id < 1 || district_id > SHOUHU_N_DISTRICTS)
    return;
  gtk_window_present (GTK_WINDOW (shouhu_worklist_dialog_new (GTK_WINDOW (self), self->store, district_id)));
}

static void
undo_pairing_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 worker_id = 0, volunteer_id = 0;

  g_variant_get (parameter, "(xx)", &worker_id, &volunteer_id);
  if (self->store != NULL && !shouhu_annex2_unpair (self->store, worker_id, volunteer_id, &error))
    show_message (self, error->message);
}

static void
undo_proposal_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWindow *self = SHOUHU_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL
      && !shouhu_proposal_dialog_undo (self->store, g_variant_get_uint32 (parameter), &error))
    show_message (self, error->message);
}

static void
show_page_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  shouhu_window_show_page (SHOUHU_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
district_activated_cb (ShouhuDashboardPage *page,
                       int                  district_id,
                       ShouhuWindow        *self)
{
  shouhu_window_show_district (self, district_id);
}

static void
menu_popup_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_menu_button_popup (SHOUHU_WINDOW (widget)->menu_button);
}

static gboolean
outside_check_cb (gpointer user_data)
{
  shouhu_window_check_outside_changes (SHOUHU_WINDOW (user_data));
  return G_SOURCE_CONTINUE;
}

static void
is_active_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  if (gtk_window_is_active (GTK_WINDOW (object)))
    shouhu_window_check_outside_changes (SHOUHU_WINDOW (object));
}

static void
restore_window_state (ShouhuWindow *self)
{
  GSettings *settings = shouhu_settings_get_default ();

  if (settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Closing: nothing typed is lost without a word */

/* Stores what the pages can of what was typed; lists the rest, Annex 1's
 * first (@in_annex1 says whether there are any). */
static GPtrArray *
store_typed (ShouhuWindow *self,
             gboolean     *in_annex1)
{
  GPtrArray *lines = shouhu_annex1_page_store_typed (self->annex1_page);
  char *header = shouhu_annex2_page_store_typed (self->annex2_page);

  *in_annex1 = lines->len > 0;
  if (header != NULL)
    g_ptr_array_add (lines, header);
  return lines;
}

static void
unstored_response_cb (GtkDialog    *dialog,
                      int           response,
                      ShouhuWindow *self)
{
  gboolean in_annex1 = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "in-annex1"));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_REJECT)
    {
      self->closing = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return;
    }
  /* Back to the first of them, its field focused. */
  shouhu_window_show_page (self, in_annex1 ? "annex1" : "annex2");
  if (in_annex1)
    shouhu_annex1_page_show_unstored (self->annex1_page);
  else
    shouhu_annex2_page_show_unstored (self->annex2_page);
}

static void
ask_before_closing (ShouhuWindow *self,
                    GPtrArray    *lines,
                    gboolean      in_annex1)
{
  GtkWidget *dialog = shouhu_close_question_new (GTK_WINDOW (self), lines);

  g_object_set_data (G_OBJECT (dialog), "in-annex1", GINT_TO_POINTER (in_annex1));
  g_signal_connect (dialog, "response", G_CALLBACK (unstored_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
shouhu_window_close_request (GtkWindow *window)
{
  ShouhuWindow *self = SHOUHU_WINDOW (window);
  GSettings *settings = shouhu_settings_get_default ();
  int width, height;

  /* The editors and dialogs of this window first: each may ask. */
  if (!shouhu_close_transient_windows (window))
    return TRUE;
  if (self->store != NULL && !self->closing)
    {
      gboolean in_annex1;
      g_autoptr(GPtrArray) lines = store_typed (self, &in_annex1);

      if (lines->len > 0)
        {
          ask_before_closing (self, lines, in_annex1);
          return TRUE;
        }
    }

  if (settings != NULL)
    {
      /* While maximized, the default size is still the size to go back
       * to, which is what the next start should use. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  if (GTK_WINDOW_CLASS (shouhu_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (shouhu_window_parent_class)->close_request (window);
  return FALSE;
}

static void
shouhu_window_constructed (GObject *object)
{
  ShouhuWindow *self = SHOUHU_WINDOW (object);

  G_OBJECT_CLASS (shouhu_window_parent_class)->constructed (object);

  restore_window_state (self);

  if (self->store != NULL)
    {
      g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_cb), NULL);
      self->outside_check_id = g_timeout_add_seconds (OUTSIDE_CHECK_INTERVAL, outside_check_cb, self);
    }
}

static void
shouhu_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ShouhuWindow *self = SHOUHU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ShouhuWindow *self = SHOUHU_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      /* Construct-only: the pages' "store" follows through its binding. */
      self->store = g_value_dup_object (value);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_window_dispose (GObject *object)
{
  ShouhuWindow *self = SHOUHU_WINDOW (object);

  /* GtkWindow keeps its own pointer to the child: let it unparent the
   * child before the template drops it, or it would unparent it twice. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_WINDOW);
  g_clear_handle_id (&self->outside_check_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->undo, shouhu_undo_stack_free);
  shouhu_workbook_chooser_dismiss (g_steal_pointer (&self->chooser));

  G_OBJECT_CLASS (shouhu_window_parent_class)->dispose (object);
}

static void
shouhu_window_class_init (ShouhuWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = shouhu_window_constructed;
  object_class->get_property = shouhu_window_get_property;
  object_class->set_property = shouhu_window_set_property;
  object_class->dispose = shouhu_window_dispose;
  window_class->close_request = shouhu_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SHOUHU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SHOUHU_TYPE_ANNEX1_PAGE);
  g_type_ensure (SHOUHU_TYPE_DASHBOARD_PAGE);
  g_type_ensure (SHOUHU_TYPE_ANNEX2_PAGE);
  g_type_ensure (SHOUHU_TYPE_VOLUNTEER_PAGE);
  g_type_ensure (SHOUHU_TYPE_NOTIFICATION);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, switcher);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, notification);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, annex1_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, dashboard_page);
  gtk_widget_class_bind_template_callback (widget_class, district_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, annex2_page);
  gtk_widget_class_bind_template_child (widget_class, ShouhuWindow, volunteer_page);

  gtk_widget_class_install_action (widget_class, "win.notify", "s", notify_cb);
  gtk_widget_class_install_action (widget_class, "win.notify-undo", "(ss)", notify_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.add-undo", "(ss)", add_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.notify-action", "(sss)", notify_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_cb);
  gtk_widget_class_install_action (widget_class, "win.load-notice-figures", NULL, load_notice_figures_cb);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "win.export-form", "(isi)", export_form_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.add-service", "(xx)", add_service_cb);
  gtk_widget_class_install_action (widget_class, "win.show-ledger", "(sx)", show_ledger_cb);
  gtk_widget_class_install_action (widget_class, "win.show-worklist", "i", show_worklist_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-pairing", "(xx)", undo_pairing_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-proposal", "u", undo_proposal_cb);
  gtk_widget_class_install_action (widget_class, "win.purge-personal", NULL, purge_personal_cb);

  gtk_widget_class_install_action (widget_class, "win.menu", NULL, menu_popup_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, 0, "win.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "annex1");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "annex2");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "volunteers");
}

static void
shouhu_window_init (ShouhuWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  self->undo = shouhu_undo_stack_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  shouhu_accessible_name_inner_buttons (GTK_WIDGET (self));

  /* A workbook dropped onto the window is imported like one chosen. */
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* Public API */

/**
 * shouhu_window_new:
 * @store: (nullable): the open database
 * @open_error: (nullable): why the database could not be opened
 *
 * Without a store the window says why and which file, and offers nothing
 * that could write.
 */
ShouhuWindow *
shouhu_window_new (GtkApplication *app,
                   ShouhuStore    *store,
                   const GError   *open_error)
{
  ShouhuWindow *self = g_object_new (SHOUHU_TYPE_WINDOW,
                                     "application", app,
                                     "store", store,
                                     NULL);

  if (store == NULL)
    {
      gtk_label_set_text (self->error_label, open_error ? open_error->message : "");
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      gtk_widget_set_visible (GTK_WIDGET (self->switcher), FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-notice-figures", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-form", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-service", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-ledger", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.purge-personal", FALSE);
    }

  return self;
}

ShouhuStore *
shouhu_window_get_store (ShouhuWindow *self)
{
  g_return_val_if_fail (SHOUHU_IS_WINDOW (self), NULL);
  return self->store;
}

ShouhuNotification *
shouhu_window_get_notification (ShouhuWindow *self)
{
  g_return_val_if_fail (SHOUHU_IS_WINDOW (self), NULL);
  return self->notification;
}

void
shouhu_window_show_page (ShouhuWindow *self,
                         const char   *name)
{
  g_return_if_fail (SHOUHU_IS_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * shouhu_window_get_visible_page:
 *
 * Returns: (nullable): the name of the page shown ("dashboard", "annex1", …)
 */
const char *
shouhu_window_get_visible_page (ShouhuWindow *self)
{
  g_return_val_if_fail (SHOUHU_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * shouhu_window_show_district:
 * @district_id: 1..41
 *
 * Opens the Annex 2 page on the records of one district.
 */
void
shouhu_window_show_district (ShouhuWindow *self,
                             int           district_id)
{
  g_return_if_fail (SHOUHU_IS_WINDOW (self));
  g_return_if_fail (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS);

  shouhu_annex2_page_set_district_filter (self->annex2_page, district_id);
  shouhu_window_show_page (self, "annex2");
}

/**
 * shouhu_window_check_outside_changes:
 *
 * Another program (the command line, a window on the same file) may have
 * written to the database: when it did, every page reloads.  Runs on a
 * short timer and whenever the window gets the focus.  A failure is shown
 * once, not at every check.
 */
void
shouhu_window_check_outside_changes (ShouhuWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SHOUHU_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  if (shouhu_store_check_outside_changes (self->store, NULL, &error))
    {
      self->outside_check_failed = FALSE;
      return;
    }
  if (!self->outside_check_failed)
    show_message (self, error->message);
  self->outside_check_failed = TRUE;
}

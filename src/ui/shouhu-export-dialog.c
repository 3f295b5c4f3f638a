/* shouhu-export-dialog.c — choosing and writing an official workbook
 *
 * Which workbook, which date, district or period, masked or not, then where: the
 * desktop's own file chooser (a portal inside Flatpak).  The window opens
 * it on what the user was looking at (shouhu_export_dialog_set_context()):
 * Annex 2 of the district filtered, Annex 1 of the date shown.  After writing, the
 * dialog emits "exported" and closes; the window that opened it offers to
 * open the file.  The workbook is written
 * on a worker thread, through a store connection of its own, so that a
 * large export leaves the window responsive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1.h"
#include "shouhu-date.h"
#include "shouhu-district.h"
#include "shouhu-export.h"
#include "shouhu-export-dialog.h"
#include "shouhu-settings.h"
#include "shouhu-work-report.h"
#include "shouhu-workbook-chooser.h"

struct _ShouhuExportDialog
{
  GtkWindow       parent_instance;

  ShouhuStore    *store;
  GObject        *chooser;      /* while the file chooser is open */

  char          **dates;        /* as stored, in the order of date_list */

  GtkDropDown    *kind_dropdown;
  GtkStack       *options_stack;
  GtkDropDown    *date_dropdown;
  GtkStringList  *date_list;    /* the dates as people read them */
  GtkDropDown    *district_dropdown;
  GtkStringList  *district_list;
  GtkLabel       *period_label;
  GtkWidget      *period_box;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkCheckButton *masked_check;
  GtkLabel       *error_label;
  GtkButton      *export_button;
  GtkWidget      *form;
  GCancellable   *writing;      /* while the workbook is written */
};

typedef struct
{
  char             *database;
  gboolean          work_report;
  ShouhuExportKind  kind;
  char             *as_of;
  char             *from;
  char             *to;
  int               district_id;
  gboolean          masked;
  char             *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->database);
  g_free (job->as_of);
  g_free (job->from);
  g_free (job->to);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_FINAL_TYPE (ShouhuExportDialog, shouhu_export_dialog, GTK_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The workbooks in the order of the kind list of the template. */
static const ShouhuExportKind kinds[] = {
  SHOUHU_EXPORT_ANNEX1, SHOUHU_EXPORT_ANNEX2, SHOUHU_EXPORT_SUMMARY, SHOUHU_EXPORT_VOLUNTEERS,
};

/* Annex 2 and the volunteers' roster are per district, and may be masked. */
static gboolean
per_district (ShouhuExportKind kind)
{
  return kind == SHOUHU_EXPORT_ANNEX2 || kind == SHOUHU_EXPORT_VOLUNTEERS;
}

static ShouhuExportKind
selected_kind (ShouhuExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  return i < G_N_ELEMENTS (kinds) ? kinds[i] : SHOUHU_EXPORT_ANNEX1;
}

/* The kind list's item after the workbooks of kinds[]. */
#define WORK_REPORT_ITEM G_N_ELEMENTS (kinds)

static gboolean
is_work_report (ShouhuExportDialog *self)
{
  return gtk_drop_down_get_selected (self->kind_dropdown) == WORK_REPORT_ITEM;
}

/* NULL while no Annex 1 table exists: the latest is then none. */
static const char *
selected_date (ShouhuExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->date_dropdown);

  if (self->dates == NULL || i >= g_strv_length (self->dates))
    return NULL;
  return self->dates[i];
}

/* 0 for all districts: the first entry. */
static int
selected_district (ShouhuExportDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->district_dropdown);

  return i == GTK_INVALID_LIST_POSITION ? 0 : (int) i;
}

/* The workbooks are the official Chinese forms, so are their names. */
static char *
suggested_name (ShouhuExportDialog *self)
{
  const char *date = selected_date (self);
  const ShouhuDistrict *d = shouhu_district_get (selected_district (self));
  const char *masked = gtk_check_button_get_active (self->masked_check) ? "-脱敏" : "";

  if (is_work_report (self))
    return g_strdup_printf ("工作情况统计表-%s-%s至%s%s.xlsx", d ? d->name : "全市",
                            gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                            gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), masked);
  switch (selected_kind (self))
    {
    case SHOUHU_EXPORT_ANNEX2:
      return g_strdup_printf ("附件2-%s%s.xlsx", d ? d->name : "全部区县", masked);
    case SHOUHU_EXPORT_VOLUNTEERS:
      return g_strdup_printf ("志愿者花名册-%s%s.xlsx", d ? d->name : "全部区县", masked);
    case SHOUHU_EXPORT_SUMMARY:
      return g_strdup_printf ("汇总-%s.xlsx", date ? date : "");
    case SHOUHU_EXPORT_ANNEX1:
    default:
      return g_strdup_printf ("附件1-%s.xlsx", date ? date : "");
    }
}

static void
show_error (ShouhuExportDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The next export starts where this one went, masked as this one was. */
static void
remember_choices (ShouhuExportDialog *self,
                  GFile              *target)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;

  if (folder != NULL)
    shouhu_settings_set_last_export_folder (folder);
  if (per_district (selected_kind (self)) || is_work_report (self))
    shouhu_settings_set_export_masked (gtk_check_button_get_active (self->masked_check));
}

static void
set_busy (ShouhuExportDialog *self,
          gboolean            busy)
{
  gtk_widget_set_sensitive (self->form, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_button_set_label (self->export_button, busy ? _("Exporting…") : _("_Export…"));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ShouhuExportDialog *self = SHOUHU_EXPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;

  /* A failure is shown in the dialog by _finish(). */
  if (!shouhu_export_dialog_export_to_finish (self, result, &error))
    return;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen (ShouhuExportDialog *self,
             GFile              *file)
{
  g_autoptr(GFile) target = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_utf8_strdown (name, -1) : NULL;

  /* The file is an xlsx workbook whatever name was typed. */
  if (lower != NULL && !g_str_has_suffix (lower, ".xlsx"))
    {
      g_autofree char *with_suffix = g_strconcat (name, ".xlsx", NULL);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      target = parent ? g_file_get_child (parent, with_suffix) : g_object_ref (file);
    }
  else
    target = g_object_ref (file);

  shouhu_export_dialog_export_to_async (self, target, written_cb, NULL);
}

static void
export_chosen_cb (GObject *owner,
                  GFile   *file)
{
  ShouhuExportDialog *self = SHOUHU_EXPORT_DIALOG (owner);

  g_clear_object (&self->chooser);
  if (file != NULL)
    file_chosen (self, file);
}

static void
export_clicked_cb (ShouhuExportDialog *self)
{
  g_autofree char *name = suggested_name (self);
  g_autofree char *last_folder = shouhu_settings_dup_last_export_folder ();
  g_autoptr(GFile) folder = NULL;

  if (self->chooser != NULL)
    return;
  if (last_folder != NULL && g_file_test (last_folder, G_FILE_TEST_IS_DIR))
    folder = g_file_new_for_path (last_folder);

  show_error (self, NULL);
  self->chooser = shouhu_workbook_chooser_show (GTK_WINDOW (self), TRUE, _("Export Workbook"),
                                                name, folder, G_OBJECT (self), export_chosen_cb);
}

static void
kind_changed_cb (ShouhuExportDialog *self)
{
  gboolean report = is_work_report (self);
  gboolean annex2 = !report && per_district (selected_kind (self));

  /* The work report asks for a district like Annex 2, and a period. */
  gtk_stack_set_visible_child_name (self->options_stack, annex2 || report ? "district" : "date");
  gtk_widget_set_visible (GTK_WIDGET (self->period_label), report);
  gtk_widget_set_visible (self->period_box, report);
  show_error (self, NULL);
}

/* The work report's period: the last seven days by default. */
static void
fill_period (ShouhuExportDialog *self)
{
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *week_ago = shouhu_ledger_add_days (today, -6);

  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), week_ago);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), today);
}

static void
fill_lists (ShouhuExportDialog *self)
{
  g_autoptr(GError) error = NULL;

  self->dates = shouhu_annex1_list_dates (self->store, &error);
  if (self->dates != NULL && self->dates[0] != NULL)
    for (guint i = 0; self->dates[i] != NULL; i++)
      {
        g_autofree char *shown = shouhu_format_date (self->dates[i]);

        gtk_string_list_append (self->date_list, shown);
      }
  else
    {
      /* Translators: shown instead of a date when no Annex 1 table exists */
      gtk_string_list_append (self->date_list, _("No Annex 1 table yet"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->date_dropdown), FALSE);
    }
  if (error != NULL)
    show_error (self, error->message);

  gtk_string_list_append (self->district_list, _("All districts with records"));
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    gtk_string_list_append (self->district_list, shouhu_district_get (id)->name);
}

static void
shouhu_export_dialog_dispose (GObject *object)
{
  ShouhuExportDialog *self = SHOUHU_EXPORT_DIALOG (object);

  shouhu_workbook_chooser_dismiss (g_steal_pointer (&self->chooser));
  /* A write under way finishes on its thread; its result is dropped. */
  if (self->writing != NULL)
    g_cancellable_cancel (self->writing);
  /* The form is the window's child: GtkWindow lets it go, not the template
   * code, or it would be unparented twice. */
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->dates, g_strfreev);

  G_OBJECT_CLASS (shouhu_export_dialog_parent_class)->dispose (object);
}

static void
shouhu_export_dialog_class_init (ShouhuExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_export_dialog_dispose;

  /**
   * ShouhuExportDialog::exported:
   * @file: the workbook written
   *
   * A workbook was written.  Exported with the dialog's button, the
   * dialog closes right after.
   */
  signals[EXPORTED] = g_signal_new ("exported",
                                    G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shouhu/Shouhu/ui/shouhu-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, form);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, options_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, date_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, district_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, masked_check);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, period_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, period_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuExportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_export_dialog_init (ShouhuExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_check_button_set_active (self->masked_check, shouhu_settings_get_export_masked ());
}

/* Public API */

ShouhuExportDialog *
shouhu_export_dialog_new (GtkWindow   *parent,
                          ShouhuStore *store)
{
  ShouhuExportDialog *self;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);

  self = g_object_new (SHOUHU_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  fill_lists (self);
  fill_period (self);
  kind_changed_cb (self);
  return self;
}

/**
 * shouhu_export_dialog_set_context:
 * @as_of: (nullable): the Annex 1 date for Annex 1 and the summary; %NULL
 *   for the latest
 * @district_id: 1..41 for that district's Annex 2, 0 for every district
 *
 * Chooses what the dialog offers, as the user was looking at it.
 */
void
shouhu_export_dialog_set_context (ShouhuExportDialog *self,
                                  ShouhuExportKind    kind,
                                  const char         *as_of,
                                  int                 district_id)
{
  g_return_if_fail (SHOUHU_IS_EXPORT_DIALOG (self));
  g_return_if_fail (district_id >= 0 && district_id <= SHOUHU_N_DISTRICTS);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
  for (guint i = 0; as_of != NULL && self->dates != NULL && self->dates[i] != NULL; i++)
    if (g_strcmp0 (self->dates[i], as_of) == 0)
      gtk_drop_down_set_selected (self->date_dropdown, i);
  gtk_drop_down_set_selected (self->district_dropdown, (guint) district_id);
}

/**
 * shouhu_export_dialog_get_choice:
 * @as_of: (out) (optional) (transfer none) (nullable): the Annex 1 date
 * @district_id: (out) (optional): the district of Annex 2, 0 for all
 *
 * Returns: the workbook chosen
 */
ShouhuExportKind
shouhu_export_dialog_get_choice (ShouhuExportDialog  *self,
                                 const char         **as_of,
                                 int                 *district_id)
{
  g_return_val_if_fail (SHOUHU_IS_EXPORT_DIALOG (self), SHOUHU_EXPORT_ANNEX1);

  if (as_of != NULL)
    *as_of = selected_date (self);
  if (district_id != NULL)
    *district_id = selected_district (self);
  return selected_kind (self);
}

/**
 * shouhu_export_dialog_export_to:
 *
 * Writes the workbook chosen in the dialog to @file.
 */
static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ShouhuStore) store = NULL;
  GError *error = NULL;

  /* A connection of this thread's own: the window's stays on its thread. */
  store = shouhu_store_open (job->database, &error);
  if (store == NULL ||
      (job->work_report
         ? !shouhu_work_report_run (store, job->from, job->to, job->district_id, job->masked, job->path, &error)
         : !shouhu_export_run (store, job->kind, job->as_of, job->district_id, job->masked, job->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * shouhu_export_dialog_export_to_async:
 *
 * Writes the chosen workbook to @file on a worker thread; the dialog is
 * insensitive meanwhile.
 */
void
shouhu_export_dialog_export_to_async (ShouhuExportDialog  *self,
                                      GFile               *file,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = g_file_get_path (file);
  ShouhuExportKind kind = selected_kind (self);
  ExportJob *job;

  g_return_if_fail (SHOUHU_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->writing == NULL);

  self->writing = g_cancellable_new ();
  task = g_task_new (self, self->writing, callback, user_data);
  g_task_set_source_tag (task, shouhu_export_dialog_export_to_async);
  g_object_set_data_full (G_OBJECT (task), "file", g_object_ref (file), g_object_unref);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_task_return_new_error (task, SHOUHU_EXPORT_ERROR, SHOUHU_EXPORT_ERROR_WRITE,
                               _("Cannot write “%s”: it is not a file on this computer. Choose a folder on "
                                 "this computer, then export again."), uri);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->database = g_strdup (shouhu_store_get_path (self->store));
  job->work_report = is_work_report (self);
  job->kind = kind;
  job->as_of = per_district (kind) || job->work_report ? NULL : g_strdup (selected_date (self));
  job->from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  job->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  job->district_id = per_district (kind) || job->work_report ? selected_district (self) : 0;
  job->masked = (per_district (kind) || job->work_report) &&
                gtk_check_button_get_active (self->masked_check);
  job->path = g_steal_pointer (&path);
  g_task_set_task_data (task, job, export_job_free);

  show_error (self, NULL);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, write_thread);
}

gboolean
shouhu_export_dialog_export_to_finish (ShouhuExportDialog  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  GFile *file = g_object_get_data (G_OBJECT (result), "file");
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  g_clear_object (&self->writing);
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      /* Why, in the dialog: e.g. a target refused as the database itself. */
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  remember_choices (self, file);
  g_signal_emit (self, signals[EXPORTED], 0, file);
  return TRUE;
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/**
 * shouhu_export_dialog_export_to:
 *
 * The same as the _async() call, waiting for it: for scripts and tests.
 */
gboolean
shouhu_export_dialog_export_to (ShouhuExportDialog  *self,
                                GFile               *file,
                                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (SHOUHU_IS_EXPORT_DIALOG (self), FALSE);

  shouhu_export_dialog_export_to_async (self, file, sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return shouhu_export_dialog_export_to_finish (self, result, error);
}

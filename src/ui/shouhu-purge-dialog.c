/* shouhu-purge-dialog.c — erasing personal data when the action has ended
 *
 * 清除个人信息: the user chooses one district or all, reads what will be
 * erased (the counts, worked out by core/ as the purge itself would), and
 * confirms.  The purge and the vacuum that follows run on a worker thread,
 * through a store connection of their own, so that the window stays live;
 * then the store tells every view to reload, and the dialog emits
 * "erased" for the window to say so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "shouhu-district.h"
#include "shouhu-purge.h"
#include "shouhu-purge-dialog.h"

struct _ShouhuPurgeDialog
{
  GtkWindow      parent_instance;

  ShouhuStore   *store;
  gboolean       erasing;
  gboolean       can_erase;

  GtkWidget     *form;
  GtkButton     *erase_button;
  GtkButton     *cancel_button;
  GtkDropDown   *district_dropdown;
  GtkStringList *district_list;
  GtkLabel      *summary_label;
  GtkLabel      *error_label;
};

typedef struct
{
  char *database;
  int   district_id;
} PurgeJob;

G_DEFINE_FINAL_TYPE (ShouhuPurgeDialog, shouhu_purge_dialog, GTK_TYPE_WINDOW)

enum {
  ERASED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
purge_job_free (gpointer data)
{
  PurgeJob *job = data;

  g_free (job->database);
  g_free (job);
}

static int
selected_district (ShouhuPurgeDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->district_dropdown);

  return i == GTK_INVALID_LIST_POSITION ? 0 : (int) i;
}

static void
show_error (ShouhuPurgeDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_sensitivity (ShouhuPurgeDialog *self)
{
  gtk_widget_set_sensitive (self->form, !self->erasing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !self->erasing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->erase_button), self->can_erase && !self->erasing);
  gtk_button_set_label (self->erase_button, self->erasing ? _("Erasing…") : _("_Erase for Good"));
}

static char *
summary_text (int                      district_id,
              const ShouhuPurgeCounts *c)
{
  const ShouhuDistrict *d = shouhu_district_get (district_id);
  GString *text = g_string_new (NULL);

  if (shouhu_purge_is_empty (c))
    {
      g_string_append (text, _("There is no personal data to erase here."));
      return g_string_free (text, FALSE);
    }
  if (d != NULL)
    g_string_append_printf (text, _("To be erased for good, in %s:"), d->name);
  else
    g_string_append (text, _("To be erased for good, in all districts:"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Records of frontline workers: %" PRId64), c->workers);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Volunteers: %" PRId64), c->volunteers);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Pairings of a volunteer with a family: %" PRId64), c->pairings);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Services recorded in the ledger: %" PRId64), c->services);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Form headers (reporter and phone): %" PRId64), c->forms);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Rows of change history: %" PRId64), c->history);
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Copies of the database taken before upgrades: %u"), c->backups);
  return g_string_free (text, FALSE);
}

/* The counts are core's, worked out as the purge would: what the user
 * confirms is what is erased. */
static void
update_summary (ShouhuPurgeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ShouhuPurgeCounts counts;

  if (self->store == NULL)
    return;
  show_error (self, NULL);
  if (!shouhu_purge_count (self->store, selected_district (self), &counts, &error))
    {
      gtk_label_set_text (self->summary_label, "");
      show_error (self, error->message);
      self->can_erase = FALSE;
    }
  else
    {
      text = summary_text (selected_district (self), &counts);
      gtk_label_set_text (self->summary_label, text);
      self->can_erase = !shouhu_purge_is_empty (&counts);
    }
  update_sensitivity (self);
}

static void
district_changed_cb (ShouhuPurgeDialog *self)
{
  update_summary (self);
}

static void
erased_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ShouhuPurgeDialog *self = SHOUHU_PURGE_DIALOG (source);
  g_autoptr(GError) error = NULL;

  /* A failure is shown in the dialog by _finish(). */
  if (shouhu_purge_dialog_erase_finish (self, result, &error))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
erase_clicked_cb (ShouhuPurgeDialog *self)
{
  if (self->can_erase && !self->erasing)
    shouhu_purge_dialog_erase_async (self, erased_cb, NULL);
}

static void
shouhu_purge_dialog_dispose (GObject *object)
{
  ShouhuPurgeDialog *self = SHOUHU_PURGE_DIALOG (object);

  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_PURGE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (shouhu_purge_dialog_parent_class)->dispose (object);
}

static void
shouhu_purge_dialog_class_init (ShouhuPurgeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_purge_dialog_dispose;

  /**
   * ShouhuPurgeDialog::erased:
   * @message: the sentence that tells the user what was erased
   *
   * The personal data was erased; erased with the dialog's button, the
   * dialog closes right after.
   */
  signals[ERASED] = g_signal_new ("erased",
                                  G_TYPE_FROM_CLASS (klass),
                                  G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/shouhu/Shouhu/ui/shouhu-purge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, form);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, erase_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, district_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuPurgeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, district_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_purge_dialog_init (ShouhuPurgeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (self->district_list, _("All Districts"));
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    gtk_string_list_append (self->district_list, shouhu_district_get (id)->name);
}

/* Public API */

ShouhuPurgeDialog *
shouhu_purge_dialog_new (GtkWindow   *parent,
                         ShouhuStore *store)
{
  ShouhuPurgeDialog *self;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);

  self = g_object_new (SHOUHU_TYPE_PURGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  update_summary (self);
  return self;
}

/**
 * shouhu_purge_dialog_set_district:
 * @district_id: 1..41, or 0 for all districts
 */
void
shouhu_purge_dialog_set_district (ShouhuPurgeDialog *self,
                                  int                district_id)
{
  g_return_if_fail (SHOUHU_IS_PURGE_DIALOG (self));
  g_return_if_fail (district_id >= 0 && district_id <= SHOUHU_N_DISTRICTS);

  gtk_drop_down_set_selected (self->district_dropdown, (guint) district_id);
}

/* What the dialog says will be erased. */
const char *
shouhu_purge_dialog_get_summary (ShouhuPurgeDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_PURGE_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

gboolean
shouhu_purge_dialog_can_erase (ShouhuPurgeDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_PURGE_DIALOG (self), FALSE);
  return self->can_erase && !self->erasing;
}

static void
erase_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PurgeJob *job = task_data;
  g_autoptr(ShouhuStore) store = NULL;
  GError *error = NULL;

  store = shouhu_store_open (job->database, &error);
  if (store == NULL || !shouhu_purge_personal (store, job->district_id, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * shouhu_purge_dialog_erase_async:
 *
 * Erases what the dialog shows, on a worker thread; the dialog is
 * insensitive meanwhile.
 */
void
shouhu_purge_dialog_erase_async (ShouhuPurgeDialog   *self,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PurgeJob *job;

  g_return_if_fail (SHOUHU_IS_PURGE_DIALOG (self));
  g_return_if_fail (!self->erasing);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, shouhu_purge_dialog_erase_async);
  job = g_new0 (PurgeJob, 1);
  job->database = g_strdup (shouhu_store_get_path (self->store));
  job->district_id = selected_district (self);
  g_task_set_task_data (task, job, purge_job_free);

  self->erasing = TRUE;
  show_error (self, NULL);
  update_sensitivity (self);
  g_task_run_in_thread (task, erase_thread);
}

gboolean
shouhu_purge_dialog_erase_finish (ShouhuPurgeDialog  *self,
                                  GAsyncResult       *result,
                                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  ok = g_task_propagate_boolean (G_TASK (result), &local_error);
  self->erasing = FALSE;
  /* Even a purge that failed at its very end (the log still in use) has
   * removed rows: every view reloads. */
  if (self->store != NULL)
    shouhu_store_emit_changed (self->store, "annex2");
  if (!ok)
    {
      if (self->store != NULL)
        update_summary (self);
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  update_sensitivity (self);
  {
    const ShouhuDistrict *d = shouhu_district_get (selected_district (self));
    g_autofree char *message = d != NULL ? g_strdup_printf (_("Erased the personal data of %s for good"), d->name)
                                         : g_strdup (_("Erased the personal data of all districts for good"));

    g_signal_emit (self, signals[ERASED], 0, message);
  }
  return TRUE;
}

static void
sync_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The same as the _async() call, waiting for it: for tests. */
gboolean
shouhu_purge_dialog_erase (ShouhuPurgeDialog  *self,
                           GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_return_val_if_fail (SHOUHU_IS_PURGE_DIALOG (self), FALSE);

  shouhu_purge_dialog_erase_async (self, sync_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return shouhu_purge_dialog_erase_finish (self, result, error);
}

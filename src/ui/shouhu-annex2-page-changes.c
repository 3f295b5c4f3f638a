/* shouhu-annex2-page-changes.c — the changes made on the Annex 2 page, and
 * their Undo
 *
 * A record added or edited in the editor, or deleted from the list, is
 * registered with the window as an undoable change (win.notify-undo, or
 * win.add-undo when the notification has something else to say): Ctrl+Z
 * or the notification's Undo then activates annex2.undo with the serial
 * the page gave it.  The page keeps what taking a change back needs: the
 * record as it was, and a stamp of the record as the change left it, so
 * that an Undo never overwrites a change made since (then it says so and
 * does nothing).  Undoing goes through core like any change, and the
 * record's history shows it.
 *
 * After a save the page says where the record went when the list does
 * not show it (another district, the search), with a button that shows
 * it; after a delete the focus goes to the next row (the previous one
 * for the last).
 *
 * 彻底删除 erases a record for good, after a question, and drops what
 * Ctrl+Z kept of it: an erased record never comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2-page-private.h"
#include "shouhu-purge.h"

/* As many as the window's undo stack keeps. */
#define MAX_CHANGES 100

typedef enum
{
  CHANGE_ADDED,
  CHANGE_EDITED,
  CHANGE_DELETED,
} ChangeKind;

typedef struct
{
  ChangeKind           kind;
  gint64               id;
  char                *name;
  ShouhuDeletedWorker *deleted;      /* CHANGE_DELETED: what to bring back */
  ShouhuWorker        *before;       /* CHANGE_EDITED: the record before */
  GArray              *before_ids;   /* and its volunteers */
  char                *after;        /* ADDED, EDITED: stamp of the record the change left */
} Change;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->name);
  g_clear_pointer (&change->deleted, shouhu_deleted_worker_free);
  g_clear_pointer (&change->before, shouhu_worker_free);
  g_clear_pointer (&change->before_ids, g_array_unref);
  g_free (change->after);
  g_free (change);
}

/* The stamp of the record as stored now; %NULL when it cannot be read. */
static char *
stored_stamp (ShouhuStore  *store,
              gint64        id,
              GError      **error)
{
  g_autoptr(ShouhuWorker) worker = shouhu_annex2_get_worker (store, id, error);
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(GArray) ids = NULL;

  if (worker == NULL)
    return NULL;
  volunteers = shouhu_annex2_worker_volunteers (store, id, error);
  if (volunteers == NULL)
    return NULL;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < volunteers->len; i++)
    g_array_append_val (ids, ((ShouhuVolunteer *) volunteers->pdata[i])->id);
  return shouhu_worker_stamp (worker, (const gint64 *) (gpointer) ids->data, ids->len);
}

/* Keeps @change under a new serial.  Returns the detailed action that
 * undoes it. */
static char *
keep_change (ShouhuAnnex2Page *self,
             Change           *change,
             guint            *serial_out)
{
  guint serial = ++self->last_change;
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_uint32 (serial));

  g_hash_table_insert (self->changes, GUINT_TO_POINTER (serial), change);
  if (serial > MAX_CHANGES)
    g_hash_table_remove (self->changes, GUINT_TO_POINTER (serial - MAX_CHANGES));
  if (serial_out != NULL)
    *serial_out = serial;
  return g_action_print_detailed_name ("annex2.undo", target);
}

static void
notify (ShouhuAnnex2Page *self,
        const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", message);
}

/* Undo */

static gboolean
undo_delete (ShouhuAnnex2Page  *self,
             Change            *change,
             GError           **error)
{
  if (!shouhu_annex2_restore_worker (self->store, change->deleted, error))
    return FALSE;
  self->select_after_load = change->id;
  self->focus_selected_after_load = TRUE;
  return TRUE;
}

static gboolean
undo_add (ShouhuAnnex2Page  *self,
          Change            *change,
          GError           **error)
{
  g_autofree char *now = stored_stamp (self->store, change->id, error);
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  guint position;

  if (now == NULL)
    return FALSE;
  if (g_strcmp0 (now, change->after) != 0)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                   /* Translators: %s is the worker's name */
                   _("The record of %s was changed after it was added: it was not taken back. "
                     "Delete it if it should go."), change->name);
      return FALSE;
    }
  if (shouhu_worker_list_find_id (self->list, change->id, &position))
    self->focus_after_load = position + 1;
  deleted = shouhu_annex2_delete_worker (self->store, change->id, error);
  return deleted != NULL;
}

static gboolean
undo_edit (ShouhuAnnex2Page  *self,
           Change            *change,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The same person may have been saved twice on purpose: the values
   * that were stored go back as they were. */
  if (shouhu_annex2_save_edited_worker (self->store, change->before,
                                        (const gint64 *) (gpointer) change->before_ids->data,
                                        change->before_ids->len, TRUE, change->after, &local_error) == 0)
    {
      if (g_error_matches (local_error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT))
        g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                     /* Translators: %s is the worker's name */
                     _("The record of %s was changed again since: the earlier change was not undone. "
                       "Open the record to see it."), change->name);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  self->select_after_load = change->id;
  self->focus_selected_after_load = TRUE;
  return TRUE;
}

/* annex2.undo (u): takes back the change registered under that serial. */
static void
undo_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  gpointer key = GUINT_TO_POINTER (g_variant_get_uint32 (parameter));
  g_autoptr(GError) error = NULL;
  Change *change = g_hash_table_lookup (self->changes, key);
  gboolean done = FALSE;

  if (change == NULL || self->store == NULL)
    {
      notify (self, _("This change can no longer be undone"));
      return;
    }
  g_hash_table_steal (self->changes, key);
  switch (change->kind)
    {
    case CHANGE_DELETED:
      done = undo_delete (self, change, &error);
      break;
    case CHANGE_ADDED:
      done = undo_add (self, change, &error);
      break;
    case CHANGE_EDITED:
      done = undo_edit (self, change, &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!done)
    notify (self, error->message);
  change_free (change);
}

/* Saves from the editor */

static void
editor_saved_cb (ShouhuWorkerEditor *editor,
                 gint64              id,
                 ShouhuAnnex2Page   *self)
{
  GArray *before_ids = NULL;
  const ShouhuWorker *before = shouhu_worker_editor_get_shown (editor, &before_ids);
  g_autofree char *after = stored_stamp (self->store, id, NULL);
  g_autofree char *before_stamp = NULL;
  g_autoptr(ShouhuWorker) saved = shouhu_annex2_get_worker (self->store, id, NULL);
  Change *change;

  self->select_after_load = id;
  self->focus_selected_after_load = TRUE;
  if (after == NULL || saved == NULL)
    return;
  if (before != NULL)
    {
      before_stamp = shouhu_worker_stamp (before, (const gint64 *) (gpointer) before_ids->data, before_ids->len);
      if (g_strcmp0 (before_stamp, after) == 0)
        return;   /* saved as it was: nothing to say or undo */
    }

  change = g_new0 (Change, 1);
  change->kind = before != NULL ? CHANGE_EDITED : CHANGE_ADDED;
  change->id = id;
  change->name = g_strdup (saved->name);
  change->after = g_steal_pointer (&after);
  if (before != NULL)
    {
      change->before = shouhu_worker_copy (before);
      change->before_ids = g_array_copy (before_ids);
    }

  /* Said once the list shows the record, or where it went. */
  g_free (self->saved_message);
  g_free (self->saved_undo);
  self->saved_id = id;
  self->saved_message = before != NULL
    /* Translators: %s is the worker's name */
    ? g_strdup_printf (_("Saved the changes to the record of %s"), saved->name)
    /* Translators: %s is the worker's name */
    : g_strdup_printf (_("Added the record of %s"), saved->name);
  self->saved_undo = keep_change (self, change, NULL);
}

void
shouhu_annex2_page_watch_editor (ShouhuAnnex2Page   *self,
                                 ShouhuWorkerEditor *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
}

/* A record saved while the list does not show it (another district, the
 * search, 尚未结对) does not vanish without a word: the message says
 * where it went, and its button shows it. */
static void
announce_saved (ShouhuAnnex2Page *self)
{
  ShouhuAnnex2Index *index = shouhu_worker_list_get_index (self->list);
  g_autofree char *message = NULL;
  g_autofree char *show = NULL;
  g_autoptr(GVariant) target = NULL;
  const ShouhuAnnex2Row *row;
  guint position;

  if (shouhu_worker_list_find_id (self->list, self->saved_id, &position))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)",
                                  self->saved_message, self->saved_undo);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-undo", "(ss)", self->saved_message, self->saved_undo);
  if (index == NULL || !shouhu_annex2_index_find_id (index, self->saved_id, &position))
    return;

  row = shouhu_annex2_index_get_row (index, position);
  if (self->district_id != 0 && row->district_id != self->district_id)
    /* Translators: %s is the district the record was saved under */
    message = g_strdup_printf (_("Saved to %s, not shown under the current filter"),
                               shouhu_district_get (row->district_id)->name);
  else
    /* Translators: %s is the worker's name */
    message = g_strdup_printf (_("Saved the record of %s, not shown under the current search or filter"),
                               row->text[SHOUHU_ANNEX2_FIELD_NAME]);
  target = g_variant_ref_sink (g_variant_new_int64 (self->saved_id));
  show = g_action_print_detailed_name ("annex2.show-record", target);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-action", "(sss)", message, _("_Show"), show);
}

/* annex2.show-record (x): the filters that hide the record give way. */
static void
show_record_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  ShouhuAnnex2Index *index = shouhu_worker_list_get_index (self->list);
  gint64 id = g_variant_get_int64 (parameter);
  guint position;

  if (index == NULL || !shouhu_annex2_index_find_id (index, id, &position))
    {
      notify (self, _("The record is not there any more"));
      return;
    }
  if (self->district_id != 0 && shouhu_annex2_index_get_row (index, position)->district_id != self->district_id)
    shouhu_annex2_page_set_district_filter (self, shouhu_annex2_index_get_row (index, position)->district_id);
  if (!shouhu_worker_list_find_id (self->list, id, &position))
    gtk_widget_activate_action (widget, "annex2.clear-filters", NULL);
  if (shouhu_annex2_page_select_id (self, id) && shouhu_worker_list_find_id (self->list, id, &position))
    shouhu_annex2_page_reveal (self, position, TRUE);
}

/* Once the list was read again: the record to select, the row to focus,
 * what to say about a save. */
void
shouhu_annex2_page_after_load (ShouhuAnnex2Page *self,
                               gint64            was_selected)
{
  gint64 select = self->select_after_load != 0 ? self->select_after_load : was_selected;
  guint focus = self->focus_after_load;
  gboolean focus_selected = self->focus_selected_after_load;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint position;

  self->select_after_load = 0;
  self->focus_after_load = 0;
  self->focus_selected_after_load = FALSE;
  if (self->saved_id != 0)
    {
      announce_saved (self);
      self->saved_id = 0;
      g_clear_pointer (&self->saved_message, g_free);
      g_clear_pointer (&self->saved_undo, g_free);
    }

  if (select != 0 && shouhu_annex2_page_select_id (self, select) &&
      shouhu_worker_list_find_id (self->list, select, &position))
    {
      if (focus_selected)
        shouhu_annex2_page_reveal (self, position, TRUE);
    }
  else if (focus != 0 && n > 0)
    {
      /* The row that took the deleted one's place, or the last. */
      position = MIN (focus - 1, n - 1);
      gtk_single_selection_set_selected (self->selection, position);
      shouhu_annex2_page_reveal (self, position, TRUE);
    }
}

/* Delete */

/* Deletes without asking: Undo (Ctrl+Z) brings it back. */
void
shouhu_annex2_page_delete_selected (ShouhuAnnex2Page *self)
{
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *undo = NULL;
  ShouhuDeletedWorker *deleted;
  Change *change;
  guint serial;

  if (row == NULL || self->store == NULL)
    return;
  deleted = shouhu_annex2_delete_worker (self->store, shouhu_worker_row_get_id (row), &error);
  if (deleted == NULL)
    {
      notify (self, error->message);
      return;
    }

  change = g_new0 (Change, 1);
  change->kind = CHANGE_DELETED;
  change->id = deleted->worker->id;
  change->name = g_strdup (deleted->worker->name);
  change->deleted = deleted;
  undo = keep_change (self, change, &serial);
  self->focus_after_load = position + 1;
  /* Translators: %s is the worker's name */
  message = g_strdup_printf (_("Deleted the record of %s"), change->name);
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, undo))
    g_hash_table_remove (self->changes, GUINT_TO_POINTER (serial));
}

/* Erase (彻底删除) */

typedef struct
{
  ShouhuAnnex2Page *page;
  gint64            id;
  char             *name;
} EraseRequest;

static void
erase_request_free (gpointer  data,
                    GClosure *closure)
{
  EraseRequest *request = data;

  g_object_unref (request->page);
  g_free (request->name);
  g_free (request);
}

static void
erase_response_cb (GtkDialog    *dialog,
                   int           response,
                   EraseRequest *request)
{
  ShouhuAnnex2Page *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    return;
  if (!shouhu_purge_worker (self->store, request->id, &error))
    {
      notify (self, error->message);
      return;
    }
  /* Nothing of it may come back with Ctrl+Z. */
  shouhu_annex2_page_forget_changes (self, request->id);
  /* Translators: %s is the worker's name */
  message = g_strdup_printf (_("Erased the record of %s and its history for good"), request->name);
  notify (self, message);
}

/**
 * shouhu_annex2_page_erase_selected:
 *
 * 彻底删除: asks whether to erase the selected record for good, with its
 * pairings and change history; there is no Undo for that.  The plain
 * delete (with Undo, history kept) stays shouhu_annex2_page_delete_selected().
 *
 * Returns: (transfer none) (nullable): the question, answered with
 *   %GTK_RESPONSE_ACCEPT to erase
 */
GtkWindow *
shouhu_annex2_page_erase_selected (ShouhuAnnex2Page *self)
{
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EraseRequest *request;
  GtkWidget *dialog;
  GtkWidget *erase;

  if (self->store == NULL)
    return NULL;
  if (row == NULL)
    {
      notify (self, _("Select a record first to erase it"));
      return NULL;
    }
  request = g_new0 (EraseRequest, 1);
  request->page = g_object_ref (self);
  request->id = shouhu_worker_row_get_id (row);
  request->name = g_strdup (shouhu_worker_row_get_row (row)->text[SHOUHU_ANNEX2_FIELD_NAME]);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   /* Translators: %s is the worker's name */
                                   _("Erase the record of %s for good?"), request->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The record, its pairings, the services the ledger "
                                              "holds for the family and its change history are "
                                              "erased, also from the database file, and cannot be "
                                              "brought back. To take it off the list and keep its "
                                              "history, use Delete instead."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  erase = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Erase for Good"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (erase, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (erase_response_cb), request,
                         erase_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * shouhu_annex2_page_forget_changes:
 * @id: the record, or 0 for every record
 *
 * Drops what Ctrl+Z would bring back of @id (a deleted record, a record as
 * it was before an edit): after an erasure, none of it may return.
 */
void
shouhu_annex2_page_forget_changes (ShouhuAnnex2Page *self,
                                   gint64            id)
{
  GHashTableIter iter;
  Change *change;

  g_return_if_fail (SHOUHU_IS_ANNEX2_PAGE (self));

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &change))
    if (id == 0 || change->id == id)
      g_hash_table_iter_remove (&iter);
}

void
shouhu_annex2_page_init_changes (ShouhuAnnex2Page *self)
{
  self->changes = g_hash_table_new_full (NULL, NULL, NULL, change_free);
}

void
shouhu_annex2_page_finalize_changes (ShouhuAnnex2Page *self)
{
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->saved_message, g_free);
  g_clear_pointer (&self->saved_undo, g_free);
}

void
shouhu_annex2_page_class_add_changes (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "annex2.undo", "u", undo_cb);
  gtk_widget_class_install_action (widget_class, "annex2.show-record", "x", show_record_cb);
}

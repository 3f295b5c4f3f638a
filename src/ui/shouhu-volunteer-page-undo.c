/* shouhu-volunteer-page-undo.c — taking back a change made on the 志愿者
 * page: a volunteer saved from the editor, a new volunteer, a merge
 *
 * Each is registered with the window's undo stack (win.notify-undo), so
 * that the notification's Undo and Ctrl+Z take it back.  The page keeps
 * nothing: the action's target holds what the undo needs (the record
 * before a save and the stamp of the record the save left; the merge's
 * id, whose record core keeps).  Undoing goes through core, which writes
 * the history and refuses, saying why, when the record was changed
 * since: an undo never overwrites a later change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-volunteer-page-private.h"

/* (new record, the record before (its id for a new one), stamp after) */
#define SAVE_TYPE "(b" SHOUHU_VOLUNTEER_VARIANT_TYPE "s)"

static void
notify (GtkWidget  *widget,
        const char *message)
{
  gtk_widget_activate_action (widget, "win.notify", "s", message);
}

static ShouhuStore *
page_store (GtkWidget *widget)
{
  ShouhuStore *store = NULL;

  g_object_get (widget, "store", &store, NULL);
  return store;
}

/**
 * shouhu_volunteer_page_register_save:
 * @before: (nullable): the record as stored before the save; %NULL for
 *   a new volunteer
 * @id: the saved volunteer
 *
 * Says what was saved, with an Undo; nothing when the save changed
 * nothing.
 */
void
shouhu_volunteer_page_register_save (ShouhuVolunteerPage    *self,
                                     ShouhuStore            *store,
                                     const ShouhuVolunteer  *before,
                                     gint64                  id)
{
  g_autoptr(ShouhuVolunteer) saved = shouhu_annex2_get_volunteer (store, id, NULL);
  g_autoptr(ShouhuVolunteer) none = NULL;
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) target = NULL;
  g_autofree char *after = NULL;
  g_autofree char *detailed = NULL;
  g_autofree char *message = NULL;

  if (saved == NULL)
    return;
  after = shouhu_volunteer_stamp (saved);
  if (before != NULL)
    {
      g_autofree char *was = shouhu_volunteer_stamp (before);

      if (g_strcmp0 (was, after) == 0)
        return;   /* saved as it was: nothing to undo */
    }
  else
    {
      none = shouhu_volunteer_new ();
      none->id = id;
    }
  record = shouhu_volunteer_to_variant (before != NULL ? before : none);
  target = g_variant_ref_sink (g_variant_new ("(b@" SHOUHU_VOLUNTEER_VARIANT_TYPE "s)", before == NULL, record,
                                              after));
  detailed = g_action_print_detailed_name ("volunteers.undo-save", target);
  message = before != NULL
    /* Translators: after a volunteer's record was saved; %s is the name */
    ? g_strdup_printf (_("Changed the volunteer %s"), saved->name)
    /* Translators: %s is the new volunteer's name */
    : g_strdup_printf (_("Added the volunteer %s"), saved->name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, detailed);
}

/**
 * shouhu_volunteer_page_register_merge:
 * @merge_id: as core gave it
 * @message: what was done
 *
 * Says @message, with an Undo that takes the merge back.
 */
void
shouhu_volunteer_page_register_merge (ShouhuVolunteerPage *self,
                                      gint64               merge_id,
                                      const char          *message)
{
  g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_int64 (merge_id));
  g_autofree char *detailed = g_action_print_detailed_name ("volunteers.undo-merge", target);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, detailed);
}

static gboolean
undo_save (ShouhuStore      *store,
           gboolean          is_new,
           ShouhuVolunteer  *before,
           const char       *after,
           GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (is_new)
    return shouhu_annex2_remove_new_volunteer (store, before->id, after, error);
  if (shouhu_annex2_save_edited_volunteer (store, before, after, &local_error) != 0)
    return TRUE;
  if (g_error_matches (local_error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT))
    g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                 /* Translators: %s is the volunteer's name */
                 _("The record of %s was changed again since: the earlier change was not undone. "
                   "Open the record to see it."), before->name);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* volunteers.undo-save (SAVE_TYPE) */
static void
undo_save_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(ShouhuStore) store = page_store (widget);
  g_autoptr(GVariant) record = NULL;
  g_autoptr(ShouhuVolunteer) before = NULL;
  g_autoptr(GError) error = NULL;
  const char *after;
  gboolean is_new;

  if (store == NULL)
    return;
  g_variant_get (parameter, "(b@" SHOUHU_VOLUNTEER_VARIANT_TYPE "&s)", &is_new, &record, &after);
  before = shouhu_volunteer_from_variant (record);
  if (!undo_save (store, is_new, before, after, &error))
    notify (widget, error->message);
  else if (!is_new)
    shouhu_volunteer_page_select_after_load (SHOUHU_VOLUNTEER_PAGE (widget), before->id);
}

/* volunteers.undo-merge (x) */
static void
undo_merge_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(ShouhuStore) store = page_store (widget);
  g_autoptr(GError) error = NULL;
  gint64 other_id = 0;

  if (store == NULL)
    return;
  if (!shouhu_annex2_undo_merge (store, g_variant_get_int64 (parameter), &other_id, &error))
    notify (widget, error->message);
  else
    shouhu_volunteer_page_select_after_load (SHOUHU_VOLUNTEER_PAGE (widget), other_id);
}

void
shouhu_volunteer_page_class_add_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "volunteers.undo-save", SAVE_TYPE, undo_save_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.undo-merge", "x", undo_merge_cb);
}

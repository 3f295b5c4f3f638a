/* shouhu-undo-stack.c — the changes of a window that Ctrl+Z takes back
 *
 * Each entry is what a page registered after a change: a description
 * ("Deleted the record of 张三") and the detailed name of the action that
 * undoes it, e.g. "annex2.undo(uint32 4)".  The stack only remembers and
 * hands them back, newest first; the page that registered an entry keeps
 * whatever it needs to undo it and says when that is no longer possible.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "shouhu-undo-stack.h"

/* Older changes fall off: nobody undoes a hundred steps one by one. */
#define MAX_ENTRIES 100

struct _ShouhuUndoStack
{
  GQueue entries;   /* Entry, newest at the head */
  guint  last_serial;
};

typedef struct
{
  guint     serial;
  char     *description;
  char     *action;
  GVariant *target;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->description);
  g_free (entry->action);
  g_clear_pointer (&entry->target, g_variant_unref);
  g_free (entry);
}

ShouhuUndoStack *
shouhu_undo_stack_new (void)
{
  ShouhuUndoStack *self = g_new0 (ShouhuUndoStack, 1);

  g_queue_init (&self->entries);
  return self;
}

void
shouhu_undo_stack_free (ShouhuUndoStack *self)
{
  if (self == NULL)
    return;
  g_queue_clear_full (&self->entries, entry_free);
  g_free (self);
}

/**
 * shouhu_undo_stack_push:
 * @description: what was done, as the user reads it
 * @detailed_action: the action that undoes it, with its target
 *
 * Returns: the entry's serial (never 0), or 0 when @detailed_action is
 *   not an action name
 */
guint
shouhu_undo_stack_push (ShouhuUndoStack  *self,
                        const char       *description,
                        const char       *detailed_action,
                        GError          **error)
{
  g_autofree char *action = NULL;
  g_autoptr(GVariant) target = NULL;
  Entry *entry;

  if (!g_action_parse_detailed_name (detailed_action, &action, &target, error))
    return 0;

  entry = g_new0 (Entry, 1);
  entry->serial = ++self->last_serial;
  entry->description = g_strdup (description);
  entry->action = g_steal_pointer (&action);
  entry->target = g_steal_pointer (&target);
  g_queue_push_head (&self->entries, entry);
  while (g_queue_get_length (&self->entries) > MAX_ENTRIES)
    entry_free (g_queue_pop_tail (&self->entries));
  return entry->serial;
}

/**
 * shouhu_undo_stack_take:
 * @serial: the entry, or 0 for the newest
 * @taken: (out) (optional): the serial of the entry taken
 * @description: (out) (optional) (transfer full):
 * @action: (out) (optional) (transfer full): the action's name
 * @target: (out) (optional) (transfer full) (nullable): its parameter
 *
 * Removes an entry from the stack and hands it over.
 *
 * Returns: %FALSE when there is no such entry (any more)
 */
gboolean
shouhu_undo_stack_take (ShouhuUndoStack  *self,
                        guint             serial,
                        guint            *taken,
                        char            **description,
                        char            **action,
                        GVariant        **target)
{
  Entry *entry = NULL;

  for (GList *l = self->entries.head; l != NULL; l = l->next)
    if (serial == 0 || ((Entry *) l->data)->serial == serial)
      {
        entry = l->data;
        g_queue_delete_link (&self->entries, l);
        break;
      }
  if (entry == NULL)
    return FALSE;

  if (taken != NULL)
    *taken = entry->serial;
  if (description != NULL)
    *description = g_steal_pointer (&entry->description);
  if (action != NULL)
    *action = g_steal_pointer (&entry->action);
  if (target != NULL)
    *target = g_steal_pointer (&entry->target);
  entry_free (entry);
  return TRUE;
}

guint
shouhu_undo_stack_get_n_items (ShouhuUndoStack *self)
{
  return g_queue_get_length (&self->entries);
}

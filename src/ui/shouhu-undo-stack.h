/* shouhu-undo-stack.h — the changes of a window that Ctrl+Z takes back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ShouhuUndoStack ShouhuUndoStack;

ShouhuUndoStack *shouhu_undo_stack_new         (void);
void             shouhu_undo_stack_free        (ShouhuUndoStack  *self);
guint            shouhu_undo_stack_push        (ShouhuUndoStack  *self,
                                                const char       *description,
                                                const char       *detailed_action,
                                                GError          **error);
gboolean         shouhu_undo_stack_take        (ShouhuUndoStack  *self,
                                                guint             serial,
                                                guint            *taken,
                                                char            **description,
                                                char            **action,
                                                GVariant        **target);
guint            shouhu_undo_stack_get_n_items (ShouhuUndoStack  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuUndoStack, shouhu_undo_stack_free)

G_END_DECLS

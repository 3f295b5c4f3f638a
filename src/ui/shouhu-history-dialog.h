/* shouhu-history-dialog.h — the change history of one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_HISTORY_DIALOG (shouhu_history_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuHistoryDialog, shouhu_history_dialog, SHOUHU, HISTORY_DIALOG, GtkWindow)

GtkWindow *shouhu_history_dialog_new (GtkWindow   *parent,
                                      ShouhuStore *store,
                                      const char  *entity,
                                      gint64       entity_id,
                                      const char  *title);

G_END_DECLS

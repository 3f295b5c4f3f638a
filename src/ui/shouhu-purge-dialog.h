/* shouhu-purge-dialog.h — erasing personal data when the action has ended
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_PURGE_DIALOG (shouhu_purge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuPurgeDialog, shouhu_purge_dialog, SHOUHU, PURGE_DIALOG, GtkWindow)

ShouhuPurgeDialog *shouhu_purge_dialog_new            (GtkWindow          *parent,
                                                       ShouhuStore        *store);
void               shouhu_purge_dialog_set_district   (ShouhuPurgeDialog  *self,
                                                       int                 district_id);
const char        *shouhu_purge_dialog_get_summary    (ShouhuPurgeDialog  *self);
gboolean           shouhu_purge_dialog_can_erase      (ShouhuPurgeDialog  *self);
void               shouhu_purge_dialog_erase_async    (ShouhuPurgeDialog  *self,
                                                       GAsyncReadyCallback callback,
                                                       gpointer            user_data);
gboolean           shouhu_purge_dialog_erase_finish   (ShouhuPurgeDialog  *self,
                                                       GAsyncResult       *result,
                                                       GError            **error);
gboolean           shouhu_purge_dialog_erase          (ShouhuPurgeDialog  *self,
                                                       GError            **error);

G_END_DECLS

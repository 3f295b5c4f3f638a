/* shouhu-service-dialog.h — records one service in the ledger, or edits one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-ledger.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_SERVICE_DIALOG (shouhu_service_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuServiceDialog, shouhu_service_dialog, SHOUHU, SERVICE_DIALOG, GtkWindow)

ShouhuServiceDialog *shouhu_service_dialog_new           (GtkWindow           *parent,
                                                          ShouhuStore         *store,
                                                          gint64               worker_id,
                                                          gint64               volunteer_id);
ShouhuServiceDialog *shouhu_service_dialog_new_edit      (GtkWindow           *parent,
                                                          ShouhuStore         *store,
                                                          gint64               service_id);
GtkWidget           *shouhu_service_dialog_get_field     (ShouhuServiceDialog *self,
                                                          ShouhuServiceField   field);
void                 shouhu_service_dialog_set_volunteer (ShouhuServiceDialog *self,
                                                          gint64               volunteer_id,
                                                          gboolean             done);
gboolean             shouhu_service_dialog_save          (ShouhuServiceDialog *self);
const char          *shouhu_service_dialog_get_error     (ShouhuServiceDialog *self);

G_END_DECLS

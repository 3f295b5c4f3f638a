/* shouhu-export-dialog.h — choosing and writing an official workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-export.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_EXPORT_DIALOG (shouhu_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuExportDialog, shouhu_export_dialog, SHOUHU, EXPORT_DIALOG, GtkWindow)

ShouhuExportDialog *shouhu_export_dialog_new         (GtkWindow          *parent,
                                                      ShouhuStore        *store);
void                shouhu_export_dialog_set_context (ShouhuExportDialog *self,
                                                      ShouhuExportKind    kind,
                                                      const char         *as_of,
                                                      int                 district_id);
ShouhuExportKind    shouhu_export_dialog_get_choice  (ShouhuExportDialog  *self,
                                                      const char         **as_of,
                                                      int                 *district_id);
gboolean            shouhu_export_dialog_export_to   (ShouhuExportDialog *self,
                                                      GFile              *file,
                                                      GError            **error);
void                shouhu_export_dialog_export_to_async  (ShouhuExportDialog  *self,
                                                           GFile               *file,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean            shouhu_export_dialog_export_to_finish (ShouhuExportDialog  *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);

G_END_DECLS

/* shouhu-import-dialog.h — previewing and confirming an imported workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-import.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_IMPORT_DIALOG (shouhu_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuImportDialog, shouhu_import_dialog, SHOUHU, IMPORT_DIALOG, GtkWindow)

ShouhuImportDialog *shouhu_import_dialog_new         (GtkWindow          *parent,
                                                      ShouhuStore        *store,
                                                      GFile              *file);
gboolean            shouhu_import_dialog_is_loading  (ShouhuImportDialog *self);
const ShouhuImport *shouhu_import_dialog_get_import  (ShouhuImportDialog *self);
gboolean            shouhu_import_dialog_import      (ShouhuImportDialog *self,
                                                      GError            **error);

G_END_DECLS

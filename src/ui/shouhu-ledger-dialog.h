/* shouhu-ledger-dialog.h — the ledger of one family or one volunteer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-ledger.h"

G_BEGIN_DECLS

typedef enum
{
  SHOUHU_LEDGER_OF_FAMILY,     /* the services a family received */
  SHOUHU_LEDGER_OF_VOLUNTEER,  /* the services a volunteer took part in */
} ShouhuLedgerOf;

#define SHOUHU_TYPE_LEDGER_DIALOG (shouhu_ledger_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuLedgerDialog, shouhu_ledger_dialog, SHOUHU, LEDGER_DIALOG, GtkWindow)

ShouhuLedgerDialog *shouhu_ledger_dialog_new             (GtkWindow          *parent,
                                                          ShouhuStore        *store,
                                                          ShouhuLedgerOf      of,
                                                          gint64              id);
GListModel         *shouhu_ledger_dialog_get_model       (ShouhuLedgerDialog *self);
const char         *shouhu_ledger_dialog_get_summary     (ShouhuLedgerDialog *self);
void                shouhu_ledger_dialog_set_open_only   (ShouhuLedgerDialog *self,
                                                          gboolean            open_only);
gboolean            shouhu_ledger_dialog_select          (ShouhuLedgerDialog *self,
                                                          guint               position);
void                shouhu_ledger_dialog_delete_selected (ShouhuLedgerDialog *self);

G_END_DECLS

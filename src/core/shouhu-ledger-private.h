/* shouhu-ledger-private.h — what the ledger's import shares with the ledger (core/ only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-ledger.h"

G_BEGIN_DECLS

gint64   shouhu_ledger_insert_imported (ShouhuStore    *store,
                                        ShouhuService  *service,
                                        const char     *file_name,
                                        GError        **error);
gint64   shouhu_ledger_count_same      (ShouhuStore          *store,
                                        const ShouhuService  *service,
                                        GError              **error);

G_END_DECLS

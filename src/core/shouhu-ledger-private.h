/* shouhu-ledger-private.h — what the ledger's files and its import share (core/ only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-ledger.h"

G_BEGIN_DECLS

const char *shouhu_service_field_column (ShouhuServiceField   field);
gboolean    shouhu_service_reject       (GError             **error,
                                         ShouhuServiceField   field,
                                         const char          *message);

gint64   shouhu_ledger_insert_imported (ShouhuStore    *store,
                                        ShouhuService  *service,
                                        const char     *file_name,
                                        GError        **error);
gint64   shouhu_ledger_count_same      (ShouhuStore          *store,
                                        const ShouhuService  *service,
                                        GError              **error);

G_END_DECLS

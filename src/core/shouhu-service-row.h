/* shouhu-service-row.h — one service record as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shouhu-ledger.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_SERVICE_ROW (shouhu_service_row_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuServiceRow, shouhu_service_row, SHOUHU, SERVICE_ROW, GObject)

ShouhuServiceRow    *shouhu_service_row_new         (ShouhuService    *service);
const ShouhuService *shouhu_service_row_get_service (ShouhuServiceRow *self);
GListStore          *shouhu_service_rows_new        (GPtrArray        *services);

G_END_DECLS

/* shouhu-district-table.h — the 41 district units as a sortable table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-figures.h"
#include "shouhu-ledger.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_DISTRICT_TABLE (shouhu_district_table_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuDistrictTable, shouhu_district_table, SHOUHU, DISTRICT_TABLE, GtkWidget)

void                         shouhu_district_table_set_figures     (ShouhuDistrictTable *self,
                                                                    const ShouhuFigures *figures);
void                         shouhu_district_table_set_shown_needs (ShouhuDistrictTable *self,
                                                                    guint                needs);
const ShouhuDistrictFigures *shouhu_district_table_get_selected    (ShouhuDistrictTable *self);
GtkColumnView               *shouhu_district_table_get_column_view (ShouhuDistrictTable *self);
void                         shouhu_district_table_set_ledger      (ShouhuDistrictTable      *self,
                                                                    const ShouhuLedgerCounts *counts);

G_END_DECLS

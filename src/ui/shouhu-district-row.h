/* shouhu-district-row.h — one district's figures as an item of a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shouhu-figures.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_DISTRICT_ROW (shouhu_district_row_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuDistrictRow, shouhu_district_row, SHOUHU, DISTRICT_ROW, GObject)

ShouhuDistrictRow           *shouhu_district_row_new         (const ShouhuDistrictFigures *figures);
const ShouhuDistrictFigures *shouhu_district_row_get_figures (ShouhuDistrictRow           *self);
void                         shouhu_district_row_set_figures (ShouhuDistrictRow           *self,
                                                              const ShouhuDistrictFigures *figures);
void                         shouhu_district_row_set_ledger  (ShouhuDistrictRow           *self,
                                                              gint64                       open_needs,
                                                              gint64                       to_revisit);
gint64                       shouhu_district_row_get_open_needs (ShouhuDistrictRow        *self);
gint64                       shouhu_district_row_get_to_revisit (ShouhuDistrictRow        *self);

G_END_DECLS

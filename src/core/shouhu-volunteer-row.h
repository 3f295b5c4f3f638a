/* shouhu-volunteer-row.h — one row of the volunteers' list, as a list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "shouhu-volunteer-index.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_ROW (shouhu_volunteer_row_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerRow, shouhu_volunteer_row, SHOUHU, VOLUNTEER_ROW, GObject)

ShouhuVolunteerRow         *shouhu_volunteer_row_new            (ShouhuVolunteerIndex *index,
                                                                 guint                 position);
void                        shouhu_volunteer_row_set_position   (ShouhuVolunteerRow   *self,
                                                                 guint                 position);
guint                       shouhu_volunteer_row_get_position   (ShouhuVolunteerRow   *self);
ShouhuVolunteerIndex       *shouhu_volunteer_row_get_index      (ShouhuVolunteerRow   *self);
const ShouhuVolunteerEntry *shouhu_volunteer_row_get_entry      (ShouhuVolunteerRow   *self);

gint64                      shouhu_volunteer_row_get_id         (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_name       (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_gender     (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_phone      (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_district   (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_town       (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_village    (ShouhuVolunteerRow   *self);
const char                 *shouhu_volunteer_row_get_source     (ShouhuVolunteerRow   *self);
char                       *shouhu_volunteer_row_dup_skills_label (ShouhuVolunteerRow *self);
char                       *shouhu_volunteer_row_dup_status_label (ShouhuVolunteerRow *self);
gboolean                    shouhu_volunteer_row_get_ready      (ShouhuVolunteerRow   *self);
guint                       shouhu_volunteer_row_get_lacks      (ShouhuVolunteerRow   *self);
gboolean                    shouhu_volunteer_row_get_insurance_warns (ShouhuVolunteerRow *self);
guint                       shouhu_volunteer_row_get_n_families (ShouhuVolunteerRow   *self);

G_END_DECLS

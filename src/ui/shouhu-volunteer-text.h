/* shouhu-volunteer-text.h — a volunteer's values as the window shows them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-volunteer.h"

G_BEGIN_DECLS

const char *shouhu_gender_label             (const char             *gender);
const char *shouhu_gear_item_label          (ShouhuGear              item);
char       *shouhu_volunteer_display_field  (const ShouhuVolunteer  *volunteer,
                                             ShouhuVolunteerField    field);
char       *shouhu_families_label           (guint                   n_families);
void        shouhu_readiness_style          (GtkWidget              *widget,
                                             const ShouhuReadiness  *readiness);

G_END_DECLS

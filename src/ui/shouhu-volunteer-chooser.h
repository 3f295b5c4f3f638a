/* shouhu-volunteer-chooser.h — finds a volunteer, or creates one on the spot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_CHOOSER (shouhu_volunteer_chooser_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerChooser, shouhu_volunteer_chooser, SHOUHU, VOLUNTEER_CHOOSER, GtkPopover)

GtkWidget *shouhu_volunteer_chooser_new          (ShouhuStore            *store);
void       shouhu_volunteer_chooser_set_district (ShouhuVolunteerChooser *self,
                                                  int                     district_id);
void       shouhu_volunteer_chooser_search       (ShouhuVolunteerChooser *self,
                                                  const char             *text);
gboolean   shouhu_volunteer_chooser_get_result   (ShouhuVolunteerChooser *self,
                                                  guint                   position,
                                                  gint64                 *id,
                                                  const char            **status);

G_END_DECLS

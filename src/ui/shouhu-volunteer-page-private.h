/* shouhu-volunteer-page-private.h — what the 志愿者 page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-volunteer-page.h"
#include "shouhu-volunteer.h"

G_BEGIN_DECLS

/* shouhu-volunteer-page.c */
void shouhu_volunteer_page_select_after_load (ShouhuVolunteerPage    *self,
                                              gint64                  id);

/* shouhu-volunteer-page-undo.c */
void shouhu_volunteer_page_register_save     (ShouhuVolunteerPage    *self,
                                              ShouhuStore            *store,
                                              const ShouhuVolunteer  *before,
                                              gint64                  id);
void shouhu_volunteer_page_register_merge    (ShouhuVolunteerPage    *self,
                                              gint64                  merge_id,
                                              const char             *message);
void shouhu_volunteer_page_class_add_undo    (GtkWidgetClass         *widget_class);

G_END_DECLS

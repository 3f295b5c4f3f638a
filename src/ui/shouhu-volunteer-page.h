/* shouhu-volunteer-page.h — 志愿者: the volunteers, their place, readiness
 * and the families they guard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"
#include "shouhu-volunteer-index.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_PAGE (shouhu_volunteer_page_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerPage, shouhu_volunteer_page, SHOUHU, VOLUNTEER_PAGE, GtkWidget)

void        shouhu_volunteer_page_set_district_filter  (ShouhuVolunteerPage   *self,
                                                        int                    district_id);
int         shouhu_volunteer_page_get_district_filter  (ShouhuVolunteerPage   *self);
void        shouhu_volunteer_page_set_town_filter      (ShouhuVolunteerPage   *self,
                                                        const char            *town);
void        shouhu_volunteer_page_set_readiness_filter (ShouhuVolunteerPage   *self,
                                                        ShouhuReadinessFilter  readiness);
void        shouhu_volunteer_page_set_without_families (ShouhuVolunteerPage   *self,
                                                        gboolean               without_families);
void        shouhu_volunteer_page_set_search           (ShouhuVolunteerPage   *self,
                                                        const char            *text);
GListModel *shouhu_volunteer_page_get_model            (ShouhuVolunteerPage   *self);
const char *shouhu_volunteer_page_get_state            (ShouhuVolunteerPage   *self);
const char *shouhu_volunteer_page_get_warning          (ShouhuVolunteerPage   *self);
gboolean    shouhu_volunteer_page_is_loading           (ShouhuVolunteerPage   *self);
gboolean    shouhu_volunteer_page_select_id            (ShouhuVolunteerPage   *self,
                                                        gint64                 id,
                                                        gboolean               add);
GtkWindow  *shouhu_volunteer_page_add_volunteer        (ShouhuVolunteerPage   *self);
GtkWindow  *shouhu_volunteer_page_edit_selected        (ShouhuVolunteerPage   *self);
GtkWindow  *shouhu_volunteer_page_merge_selected       (ShouhuVolunteerPage   *self);

G_END_DECLS

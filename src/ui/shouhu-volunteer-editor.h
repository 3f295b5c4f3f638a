/* shouhu-volunteer-editor.h — adds or edits one volunteer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-annex2.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_EDITOR (shouhu_volunteer_editor_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerEditor, shouhu_volunteer_editor, SHOUHU, VOLUNTEER_EDITOR, GtkWindow)

ShouhuVolunteerEditor *shouhu_volunteer_editor_new            (GtkWindow             *parent,
                                                               ShouhuStore           *store,
                                                               gint64                 volunteer_id,
                                                               int                    district_id);
GtkWidget             *shouhu_volunteer_editor_get_field      (ShouhuVolunteerEditor *self,
                                                               ShouhuVolunteerField   field);
GtkWidget             *shouhu_volunteer_editor_get_trained    (ShouhuVolunteerEditor *self);
GtkWidget             *shouhu_volunteer_editor_get_gear_item  (ShouhuVolunteerEditor *self,
                                                               ShouhuGear             item);
GtkWidget             *shouhu_volunteer_editor_get_skill      (ShouhuVolunteerEditor *self,
                                                               ShouhuSkill            skill);
const char            *shouhu_volunteer_editor_get_readiness  (ShouhuVolunteerEditor *self);
const char            *shouhu_volunteer_editor_get_field_error (ShouhuVolunteerEditor *self,
                                                               ShouhuVolunteerField   field);
const char            *shouhu_volunteer_editor_get_error      (ShouhuVolunteerEditor *self);
gboolean               shouhu_volunteer_editor_is_changed     (ShouhuVolunteerEditor *self);
gboolean               shouhu_volunteer_editor_save           (ShouhuVolunteerEditor *self);
GtkWindow             *shouhu_volunteer_editor_get_question   (ShouhuVolunteerEditor *self);
const ShouhuVolunteer *shouhu_volunteer_editor_get_seen       (ShouhuVolunteerEditor *self);

G_END_DECLS

/* shouhu-volunteer-editor-private.h — what the volunteer editor's files
 * share: the editor itself (shouhu-volunteer-editor.c) and its fields
 * (shouhu-volunteer-editor-form.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-volunteer-editor.h"

G_BEGIN_DECLS

#define N_SKILLS 6
#define N_GEAR_ITEMS 3

struct _ShouhuVolunteerEditor
{
  GtkWindow        parent_instance;

  ShouhuStore     *store;
  gint64           volunteer_id;
  guint            n_families;

  GtkWidget       *fields[SHOUHU_N_VOLUNTEER_FIELDS];   /* the widget that takes the focus */
  GtkLabel        *field_errors[SHOUHU_N_VOLUNTEER_FIELDS];
  GtkWidget       *trained;                           /* GtkCheckButton: passed */
  GtkWidget       *skills[N_SKILLS];
  GtkWidget       *gear_items[N_GEAR_ITEMS];
  GtkListStore    *town_completions;
  GtkListStore    *village_completions;
  GtkLabel        *readiness_label;
  GtkLabel        *error_label;
  GtkWidget       *conflict;
  GtkWindow       *question;

  ShouhuVolunteer *seen;      /* as stored when shown; NULL when new */
  ShouhuVolunteer *stored;    /* after a conflict: as stored now */
  char            *shown;     /* stamp of the fields as shown: what "changed" compares with */
  gboolean         discard;   /* the user chose to close without saving */
};

/* shouhu-volunteer-editor-form.c */
GtkWidget *shouhu_volunteer_editor_build_person     (ShouhuVolunteerEditor *self);
GtkWidget *shouhu_volunteer_editor_build_duty       (ShouhuVolunteerEditor *self);

/* shouhu-volunteer-editor.c: what the fields call as they change */
void       shouhu_volunteer_editor_update_readiness (ShouhuVolunteerEditor *self);
void       shouhu_volunteer_editor_field_changed    (GtkWidget             *widget,
                                                     ShouhuVolunteerEditor *self);
void       shouhu_volunteer_editor_trained_toggled  (ShouhuVolunteerEditor *self);

G_END_DECLS

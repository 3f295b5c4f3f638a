/* shouhu-volunteer-merge-dialog.h — merges two records of one volunteer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_MERGE_DIALOG (shouhu_volunteer_merge_dialog_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerMergeDialog, shouhu_volunteer_merge_dialog, SHOUHU, VOLUNTEER_MERGE_DIALOG, GtkWindow)

ShouhuVolunteerMergeDialog *shouhu_volunteer_merge_dialog_new      (GtkWindow                  *parent,
                                                                    ShouhuStore                *store,
                                                                    gint64                      first_id,
                                                                    gint64                      second_id,
                                                                    GError                    **error);
gint64                      shouhu_volunteer_merge_dialog_get_keep (ShouhuVolunteerMergeDialog *self);
void                        shouhu_volunteer_merge_dialog_set_keep (ShouhuVolunteerMergeDialog *self,
                                                                    gint64                      id);
const char                 *shouhu_volunteer_merge_dialog_get_value (ShouhuVolunteerMergeDialog *self,
                                                                    guint                       side,
                                                                    ShouhuVolunteerField        field);
gboolean                    shouhu_volunteer_merge_dialog_merge    (ShouhuVolunteerMergeDialog *self);

G_END_DECLS

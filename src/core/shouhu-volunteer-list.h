/* shouhu-volunteer-list.h — the volunteers' list: filtered, searched, sorted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "shouhu-volunteer-index.h"
#include "shouhu-volunteer-row.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_VOLUNTEER_LIST (shouhu_volunteer_list_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuVolunteerList, shouhu_volunteer_list, SHOUHU, VOLUNTEER_LIST, GObject)

/* Compares two ShouhuVolunteerRow items. */
typedef int (*ShouhuVolunteerCompare) (ShouhuVolunteerRow *a,
                                       ShouhuVolunteerRow *b,
                                       gpointer            user_data);

ShouhuVolunteerList  *shouhu_volunteer_list_new          (void);
gboolean              shouhu_volunteer_list_load         (ShouhuVolunteerList         *self,
                                                          ShouhuStore                 *store,
                                                          const char                  *day,
                                                          GError                     **error);
void                  shouhu_volunteer_list_load_async   (ShouhuVolunteerList         *self,
                                                          ShouhuStore                 *store,
                                                          const char                  *day,
                                                          GCancellable                *cancellable,
                                                          GAsyncReadyCallback          callback,
                                                          gpointer                     user_data);
gboolean              shouhu_volunteer_list_load_finish  (ShouhuVolunteerList         *self,
                                                          GAsyncResult                *result,
                                                          GError                     **error);
void                  shouhu_volunteer_list_set_index    (ShouhuVolunteerList         *self,
                                                          ShouhuVolunteerIndex        *index);
ShouhuVolunteerIndex *shouhu_volunteer_list_get_index    (ShouhuVolunteerList         *self);
void                  shouhu_volunteer_list_set_filter   (ShouhuVolunteerList         *self,
                                                          const ShouhuVolunteerFilter *filter);
void                  shouhu_volunteer_list_set_query    (ShouhuVolunteerList         *self,
                                                          const char                  *query);
void                  shouhu_volunteer_list_set_sort     (ShouhuVolunteerList         *self,
                                                          ShouhuVolunteerCompare       compare,
                                                          gpointer                     user_data,
                                                          GDestroyNotify               destroy);
void                  shouhu_volunteer_list_sort_by_column (ShouhuVolunteerList       *self,
                                                          ShouhuVolunteerColumn        column,
                                                          gboolean                     descending);
int                   shouhu_volunteer_row_compare_column (ShouhuVolunteerRow         *a,
                                                          ShouhuVolunteerRow          *b,
                                                          ShouhuVolunteerColumn        column);
gboolean              shouhu_volunteer_list_find_id      (ShouhuVolunteerList         *self,
                                                          gint64                       id,
                                                          guint                       *position);

G_END_DECLS

/* shouhu-window.h — the main window
 *
 * Only the application (and the tests) include this: the pages and dialogs
 * talk to the window through its actions and their signals (see
 * shouhu-window.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "shouhu-notification.h"
#include "shouhu-store.h"

G_BEGIN_DECLS

#define SHOUHU_TYPE_WINDOW (shouhu_window_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuWindow, shouhu_window, SHOUHU, WINDOW, GtkApplicationWindow)

ShouhuWindow       *shouhu_window_new              (GtkApplication *app,
                                                    ShouhuStore    *store,
                                                    const GError   *open_error);
ShouhuStore        *shouhu_window_get_store        (ShouhuWindow   *self);
ShouhuNotification *shouhu_window_get_notification (ShouhuWindow   *self);
void                shouhu_window_show_page        (ShouhuWindow   *self,
                                                    const char     *name);
const char         *shouhu_window_get_visible_page (ShouhuWindow   *self);
void                shouhu_window_show_district    (ShouhuWindow   *self,
                                                    int             district_id);
void                shouhu_window_check_outside_changes (ShouhuWindow *self);

G_END_DECLS

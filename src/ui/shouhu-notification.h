/* shouhu-notification.h — an in-window notification with one optional button
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SHOUHU_TYPE_NOTIFICATION (shouhu_notification_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuNotification, shouhu_notification, SHOUHU, NOTIFICATION, GtkWidget)

typedef void (*ShouhuNotificationAction) (gpointer user_data);

void        shouhu_notification_show        (ShouhuNotification       *self,
                                             const char               *message,
                                             const char               *button_label,
                                             ShouhuNotificationAction  action,
                                             gpointer                  user_data,
                                             GDestroyNotify            destroy);
void        shouhu_notification_dismiss     (ShouhuNotification       *self);
const char *shouhu_notification_get_message (ShouhuNotification       *self);
void        shouhu_notification_activate_button (ShouhuNotification   *self);

G_END_DECLS

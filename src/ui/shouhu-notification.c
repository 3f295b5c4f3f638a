/* shouhu-notification.c — an in-window notification with one optional button
 *
 * Shown as a bar at the bottom of the window for a few seconds:
 * "Deleted …  [Undo]".  A new notification replaces the previous one; the previous one's action
 * data is released, its action not run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-notification.h"

/* Long enough to read a line and reach for Undo. */
#define TIMEOUT_SECONDS 8

struct _ShouhuNotification
{
  GtkWidget                 parent_instance;

  GtkRevealer              *revealer;
  GtkLabel                 *label;
  GtkButton                *button;

  ShouhuNotificationAction  action;
  gpointer                  user_data;
  GDestroyNotify            destroy;
  guint                     timeout_id;
};

G_DEFINE_FINAL_TYPE (ShouhuNotification, shouhu_notification, GTK_TYPE_WIDGET)

static void
clear_action (ShouhuNotification *self)
{
  GDestroyNotify destroy = self->destroy;
  gpointer data = self->user_data;

  self->action = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  if (destroy != NULL)
    destroy (data);
}

static gboolean
timeout_cb (gpointer user_data)
{
  ShouhuNotification *self = user_data;

  self->timeout_id = 0;
  shouhu_notification_dismiss (self);
  return G_SOURCE_REMOVE;
}

static void
button_clicked_cb (ShouhuNotification *self)
{
  shouhu_notification_activate_button (self);
}

static void
close_clicked_cb (ShouhuNotification *self)
{
  shouhu_notification_dismiss (self);
}

static void
shouhu_notification_dispose (GObject *object)
{
  ShouhuNotification *self = SHOUHU_NOTIFICATION (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  clear_action (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_NOTIFICATION);
  /* A GtkWidget subclass owns its children: let them go. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shouhu_notification_parent_class)->dispose (object);
}

static void
shouhu_notification_class_init (ShouhuNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_notification_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-notification.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuNotification, revealer);
  gtk_widget_class_bind_template_child (widget_class, ShouhuNotification, label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuNotification, button);
  gtk_widget_class_bind_template_callback (widget_class, button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shouhu-notification");
}

static void
shouhu_notification_init (ShouhuNotification *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * shouhu_notification_show:
 * @button_label: (nullable): e.g. "_Undo"; %NULL for no button
 * @action: (nullable): run when the button is pressed
 * @destroy: (nullable): frees @user_data once the notification is gone
 */
void
shouhu_notification_show (ShouhuNotification       *self,
                          const char               *message,
                          const char               *button_label,
                          ShouhuNotificationAction  action,
                          gpointer                  user_data,
                          GDestroyNotify            destroy)
{
  g_return_if_fail (SHOUHU_IS_NOTIFICATION (self));

  clear_action (self);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  self->action = action;
  self->user_data = user_data;
  self->destroy = destroy;

  gtk_label_set_text (self->label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    gtk_button_set_label (self->button, button_label);

  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  self->timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, self);
}

void
shouhu_notification_dismiss (ShouhuNotification *self)
{
  g_return_if_fail (SHOUHU_IS_NOTIFICATION (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  clear_action (self);
}

/**
 * shouhu_notification_get_message:
 *
 * Returns: (nullable): the message shown now, %NULL when hidden
 */
const char *
shouhu_notification_get_message (ShouhuNotification *self)
{
  g_return_val_if_fail (SHOUHU_IS_NOTIFICATION (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}

/* Runs the button's action once and hides the notification. */
void
shouhu_notification_activate_button (ShouhuNotification *self)
{
  ShouhuNotificationAction action = self->action;
  gpointer data = self->user_data;
  GDestroyNotify destroy = self->destroy;

  self->action = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  shouhu_notification_dismiss (self);

  if (action != NULL)
    action (data);
  if (destroy != NULL)
    destroy (data);
}

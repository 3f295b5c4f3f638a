/* shouhu-annex1-page-actions.c — the Annex 1 page's dates and batches
 *
 * Choosing and starting a 截至 date, adding a batch and taking an empty
 * last one back, each with its Undo through the window's notification.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1-page-private.h"
#include "shouhu-date.h"
#include "shouhu-validate.h"

/* The notice's form has two batches: later ones can be taken back. */
#define NOTICE_BATCHES 2

void
shouhu_annex1_page_update_batch_actions (ShouhuAnnex1Page *self)
{
  gboolean removable = FALSE;

  if (self->table != NULL && self->table->n_batches > NOTICE_BATCHES)
    {
      ShouhuCount last = shouhu_annex1_batch_sum (self->table, self->table->n_batches);

      removable = last.total == 0 && last.hubei == 0 &&
                  !shouhu_annex1_draft_has_batch (self->draft, self->as_of, self->table->n_batches);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annex1.remove-empty-batch", removable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_batch_button), self->table != NULL);
}


static void
date_selected_cb (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  ShouhuAnnex1Page *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->dates == NULL || selected >= g_strv_length (self->dates))
    return;
  shouhu_annex1_page_set_date (self, self->dates[selected]);
}

static void
new_date_popover_show_cb (GtkPopover       *popover,
                          ShouhuAnnex1Page *self)
{
  g_autofree char *today = shouhu_format_today ();

  gtk_editable_set_text (GTK_EDITABLE (self->new_date_entry), today);
  gtk_label_set_text (self->new_date_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_date_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_date_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_date_entry));
}

static void
create_date_cb (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = shouhu_annex1_latest_date (self->store, NULL);
  g_autofree char *date = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_latest = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_date_entry));

  if (!shouhu_validate_date (_("Date"), text, &date, &error) ||
      !shouhu_annex1_new_date (self->store, date, &error))
    {
      gtk_label_set_text (self->new_date_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->new_date_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_date_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_date_entry));
      return;
    }

  gtk_menu_button_popdown (self->new_date_button);
  shouhu_annex1_page_set_date (self, date);
  shown = shouhu_format_date (date);
  shown_latest = shouhu_format_date (latest);
  if (latest != NULL)
    message = g_strdup_printf (_("Started the table as of %s with the figures as of %s"), shown, shown_latest);
  else
    message = g_strdup_printf (_("Started the table as of %s"), shown);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", message);
}

/* A batch with figures typed but not stored is not empty either. */
static gboolean
remove_last_batch (ShouhuAnnex1Page  *self,
                   const char        *as_of,
                   GError           **error)
{
  g_autoptr(ShouhuAnnex1Table) table = shouhu_annex1_load (self->store, as_of, error);

  if (table == NULL)
    return FALSE;
  if (shouhu_annex1_draft_has_batch (self->draft, as_of, table->n_batches))
    {
      g_autofree char *label = shouhu_annex1_batch_label (table->n_batches);

      g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                   _("%s holds figures not saved yet and is kept"), label);
      return FALSE;
    }
  return shouhu_annex1_remove_last_batch (self->store, as_of, error);
}

/* The Undo of add_batch_cb(): refused when figures went in since. */
static void
remove_last_batch_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !remove_last_batch (self, g_variant_get_string (parameter, NULL), &error))
    gtk_widget_activate_action (widget, "win.notify", "s", error->message);
}

/* The Undo of remove_empty_batch_cb(): the batch was empty. */
static void
add_batch_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !shouhu_annex1_add_batch (self->store, g_variant_get_string (parameter, NULL), &error))
    gtk_widget_activate_action (widget, "win.notify", "s", error->message);
}

/* Tells what was done to the table of this page's date, with an Undo. */
static void
notify_with_undo (ShouhuAnnex1Page *self,
                  const char       *message,
                  const char       *undo_action)
{
  g_autoptr(GVariant) as_of = g_variant_ref_sink (g_variant_new_string (self->as_of));
  g_autofree char *undo = g_action_print_detailed_name (undo_action, as_of);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, undo);
}

static void
add_batch_cb (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->table == NULL)
    return;
  if (!shouhu_annex1_add_batch (self->store, self->as_of, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  label = shouhu_annex1_batch_label (self->table->n_batches);
  message = g_strdup_printf (_("Added a column for %s"), label);
  notify_with_undo (self, message, "annex1.remove-last-batch");
}

static void
remove_empty_batch_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  if (self->table == NULL)
    return;
  label = shouhu_annex1_batch_label (self->table->n_batches);
  if (!remove_last_batch (self, self->as_of, &error))
    {
      gtk_widget_activate_action (widget, "win.notify", "s", error->message);
      return;
    }
  message = g_strdup_printf (_("Removed the empty %s"), label);
  notify_with_undo (self, message, "annex1.add-batch");
}

static void
new_date_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (SHOUHU_ANNEX1_PAGE (widget)->new_date_button);
}


void
shouhu_annex1_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_batch_cb);

  gtk_widget_class_install_action (widget_class, "annex1.new-date", NULL, new_date_action_cb);
  gtk_widget_class_install_action (widget_class, "annex1.remove-empty-batch", NULL, remove_empty_batch_cb);
  gtk_widget_class_install_action (widget_class, "annex1.remove-last-batch", "s", remove_last_batch_cb);
  gtk_widget_class_install_action (widget_class, "annex1.add-batch", "s", add_batch_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "annex1.new-date", NULL);
}

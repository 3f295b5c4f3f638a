/* shouhu-annex2-page-header.c — the Annex 2 page's form header: the
 * district's 填报人 and 联系电话
 *
 * The header is that of the district the list is filtered to.  With all
 * districts shown it is that of the selected record's district, named
 * beside it: the clerk fills in the header of the form she is looking
 * at, and never types into one she cannot see; what she is typing stays
 * while the selection moves.  A refused 联系电话 is said under the field,
 * which keeps the focus, and nowhere else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page-private.h"

/* Says why 联系电话 was refused, at the field; %NULL clears it. */
static void
show_form_error (ShouhuAnnex2Page *self,
                 const char       *message)
{
  GtkWidget *phone = GTK_WIDGET (self->reporter_phone_entry);

  gtk_label_set_text (self->form_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (phone, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (phone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (phone), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (phone, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (phone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (phone), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
focus_in_form_header (ShouhuAnnex2Page *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && gtk_widget_is_ancestor (focus, self->form_header);
}

/* Shows the header of the district filtered to, else of the selected
 * record's district. */
void
shouhu_annex2_page_load_form_header (ShouhuAnnex2Page *self)
{
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);
  int district_id = self->district_id;
  g_autofree char *reporter = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *name = NULL;

  if (district_id == 0 && row != NULL)
    district_id = shouhu_worker_row_get_row (row)->district_id;
  if (district_id == self->form_district_id && district_id != 0)
    return;
  /* What is being typed there stays until the focus leaves it. */
  if (focus_in_form_header (self))
    return;

  self->form_district_id = district_id;
  show_form_error (self, NULL);
  gtk_widget_set_visible (self->form_header, self->store != NULL && district_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->form_hint), self->store != NULL && district_id == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->form_district_label), self->district_id == 0);
  if (self->store == NULL || district_id == 0)
    return;
  /* Translators: before the 填报人 of a district's form, e.g. 渝中区： */
  name = g_strdup_printf (_("%s:"), shouhu_district_get (district_id)->name);
  gtk_label_set_text (self->form_district_label, name);
  if (!shouhu_annex2_get_district_form (self->store, district_id, &reporter, &phone, NULL))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_entry), reporter);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), phone);
}

static gboolean
save_form_header (ShouhuAnnex2Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reporter = NULL;
  g_autofree char *phone = NULL;
  int district_id = self->form_district_id;

  if (self->store == NULL || district_id == 0)
    return TRUE;
  if (!shouhu_annex2_set_district_form (self->store, district_id,
                                        gtk_editable_get_text (GTK_EDITABLE (self->reporter_entry)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->reporter_phone_entry)),
                                        &error))
    {
      show_form_error (self, error->message);
      /* The rejected phone stays in its field, marked; the 填报人 typed
       * beside it is not lost for it. */
      if (shouhu_annex2_get_district_form (self->store, district_id, &reporter, &phone, NULL))
        shouhu_annex2_set_district_form (self->store, district_id,
                                         gtk_editable_get_text (GTK_EDITABLE (self->reporter_entry)),
                                         phone, NULL);
      return FALSE;
    }
  show_form_error (self, NULL);
  /* Show the stored, normalised form. */
  if (shouhu_annex2_get_district_form (self->store, district_id, &reporter, &phone, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), phone);
  return TRUE;
}

static void
form_header_activate_cb (ShouhuAnnex2Page *self,
                         GtkEntry         *entry)
{
  /* Enter on a refused phone keeps the focus there, to fix it. */
  if (!save_form_header (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->reporter_phone_entry));
}

static void
form_header_leave_cb (GtkEventControllerFocus *controller,
                      ShouhuAnnex2Page        *self)
{
  save_form_header (self);
  /* The selection may have moved to another district meanwhile. */
  shouhu_annex2_page_load_form_header (self);
}

void
shouhu_annex2_page_init_header (ShouhuAnnex2Page *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (form_header_leave_cb), self);
  gtk_widget_add_controller (self->form_header, focus);
  self->form_district_id = -1;
  shouhu_annex2_page_load_form_header (self);
}

void
shouhu_annex2_page_class_add_header (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, form_header_activate_cb);
}

/* Public API */

/**
 * shouhu_annex2_page_get_form_district:
 *
 * Returns: the district whose 填报人 and 联系电话 the header shows (the
 *   one filtered to, else the selected record's), 0 for none
 */
int
shouhu_annex2_page_get_form_district (ShouhuAnnex2Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX2_PAGE (self), 0);
  return gtk_widget_get_visible (self->form_header) ? self->form_district_id : 0;
}

/**
 * shouhu_annex2_page_get_form_error:
 *
 * Returns: (nullable): why the header's 联系电话 was refused, as shown at
 *   the field
 */
const char *
shouhu_annex2_page_get_form_error (ShouhuAnnex2Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX2_PAGE (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->form_error)) ? gtk_label_get_text (self->form_error) : NULL;
}

/**
 * shouhu_annex2_page_store_typed:
 *
 * Before the window closes: stores the form header as typed.
 *
 * Returns: (transfer full) (nullable): what cannot be stored and why,
 *   naming the district; %NULL when nothing would be lost
 */
char *
shouhu_annex2_page_store_typed (ShouhuAnnex2Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX2_PAGE (self), NULL);

  if (self->form_district_id <= 0 || save_form_header (self))
    return NULL;
  /* Translators: a district, then why its form header is refused */
  return g_strdup_printf (_("%s, %s"), shouhu_district_get (self->form_district_id)->name,
                          gtk_label_get_text (self->form_error));
}

/* The refused 联系电话 of the header gets the focus, to fix it. */
void
shouhu_annex2_page_show_unstored (ShouhuAnnex2Page *self)
{
  g_return_if_fail (SHOUHU_IS_ANNEX2_PAGE (self));

  if (gtk_widget_get_visible (GTK_WIDGET (self->form_error)))
    gtk_widget_grab_focus (GTK_WIDGET (self->reporter_phone_entry));
}

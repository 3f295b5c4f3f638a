/* shouhu-volunteer-chooser.c — finds a volunteer, or creates one on the spot
 *
 * A popover with a search over the existing volunteers (those of the
 * family's district first: 就近就便) and a short form to create a new one
 * when nobody suitable is there yet.  Emits ::chosen with the volunteer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-volunteer-chooser.h"

/* Enough to pick from; more is a sign the search should be narrower. */
#define MAX_RESULTS 50

struct _ShouhuVolunteerChooser
{
  GtkPopover   parent_instance;

  ShouhuStore *store;
  int          district_id;

  GtkWidget   *search_entry;
  GtkListBox  *results;
  GtkEntry    *name_entry;
  GtkEntry    *phone_entry;
  GtkEntry    *town_entry;
  GtkEntry    *village_entry;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (ShouhuVolunteerChooser, shouhu_volunteer_chooser, GTK_TYPE_POPOVER)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh_results (ShouhuVolunteerChooser *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
  if (self->store == NULL)
    return;

  found = shouhu_annex2_find_volunteers (self->store, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         self->district_id, MAX_RESULTS, &error);
  if (found == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      ShouhuVolunteer *v = found->pdata[i];
      const ShouhuDistrict *d = shouhu_district_get (v->district_id);
      g_autofree char *text = g_strdup_printf ("%s  %s  %s %s", v->name, v->phone,
                                               d != NULL ? d->name : "", v->town);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      g_object_set_data (G_OBJECT (label), "volunteer-id", GINT_TO_POINTER ((int) v->id));
      g_object_set_data_full (G_OBJECT (label), "volunteer-name", g_strdup (v->name), g_free);
      gtk_list_box_append (self->results, label);
      /* A screen reader would read the row's type name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (label)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
  /* An empty list is no Tab stop between the search and the new fields. */
  gtk_widget_set_can_focus (GTK_WIDGET (self->results), found->len > 0);
}

static void
search_changed_cb (ShouhuVolunteerChooser *self)
{
  refresh_results (self);
}

static void
row_activated_cb (GtkListBox             *box,
                  GtkListBoxRow          *row,
                  ShouhuVolunteerChooser *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);
  gint64 id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "volunteer-id"));

  g_signal_emit (self, signals[CHOSEN], 0, id, g_object_get_data (G_OBJECT (label), "volunteer-name"));
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
search_activate_cb (ShouhuVolunteerChooser *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if (first != NULL)
    row_activated_cb (self->results, first, self);
}

/* Down from the search field goes into the results, as in a completion
 * list; Up from the first result comes back (GtkListBox does that). */
static gboolean
search_key_pressed_cb (GtkEventControllerKey  *controller,
                       guint                   keyval,
                       guint                   keycode,
                       GdkModifierType         state,
                       ShouhuVolunteerChooser *self)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results, 0);
  if (first == NULL)
    return FALSE;
  gtk_list_box_select_row (self->results, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return TRUE;
}

static void
create_cb (ShouhuVolunteerChooser *self)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_new ();
  g_autoptr(GError) error = NULL;
  GtkEntry *fields[SHOUHU_N_VOLUNTEER_FIELDS] = {
    [SHOUHU_VOLUNTEER_FIELD_NAME] = self->name_entry,
    [SHOUHU_VOLUNTEER_FIELD_PHONE] = self->phone_entry,
    [SHOUHU_VOLUNTEER_FIELD_TOWN] = self->town_entry,
    [SHOUHU_VOLUNTEER_FIELD_VILLAGE] = self->village_entry,
  };
  gint64 id;

  g_free (v->name);
  v->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  g_free (v->phone);
  v->phone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));
  g_free (v->town);
  v->town = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->town_entry)));
  g_free (v->village);
  v->village = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->village_entry)));
  v->district_id = self->district_id;

  id = shouhu_annex2_save_volunteer (self->store, v, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      if (error->domain == SHOUHU_VOLUNTEER_FIELD_ERROR && error->code < (int) G_N_ELEMENTS (fields) &&
          fields[error->code] != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (fields[error->code]));
      return;
    }

  g_signal_emit (self, signals[CHOSEN], 0, id, v->name);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->town_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->village_entry), "");
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
shown_cb (ShouhuVolunteerChooser *self)
{
  gtk_label_set_text (self->error_label, "");
  refresh_results (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static GtkEntry *
labelled_entry (GtkGrid    *grid,
                int         row,
                const char *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return GTK_ENTRY (entry);
}

static void
shouhu_volunteer_chooser_dispose (GObject *object)
{
  g_clear_object (&SHOUHU_VOLUNTEER_CHOOSER (object)->store);

  G_OBJECT_CLASS (shouhu_volunteer_chooser_parent_class)->dispose (object);
}

static void
shouhu_volunteer_chooser_class_init (ShouhuVolunteerChooserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = shouhu_volunteer_chooser_dispose;

  /**
   * ShouhuVolunteerChooser::chosen:
   * @id: the volunteer's id
   * @name: the volunteer's 姓名
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
shouhu_volunteer_chooser_init (ShouhuVolunteerChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *create = gtk_button_new_with_mnemonic (_("C_reate and Pair"));
  GtkWidget *heading = gtk_label_new (_("Or create a new volunteer"));
  GtkEventController *keys;

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_size_request (box, 380, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));
  g_object_set (self->search_entry, "placeholder-text", _("Search volunteers by name, phone or town"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search volunteers"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  /* Before the entry's text, which takes Down for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (self->search_entry, keys);

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->results, TRUE);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 180);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  self->name_entry = labelled_entry (GTK_GRID (grid), 0, _("_Name"));
  self->phone_entry = labelled_entry (GTK_GRID (grid), 1, _("_Phone"));
  self->town_entry = labelled_entry (GTK_GRID (grid), 2, _("_Town (Subdistrict)"));
  g_signal_connect_swapped (self->name_entry, "activate", G_CALLBACK (create_cb), self);
  g_signal_connect_swapped (self->phone_entry, "activate", G_CALLBACK (create_cb), self);
  self->village_entry = labelled_entry (GTK_GRID (grid), 3, _("_Village (Community)"));
  g_signal_connect_swapped (self->town_entry, "activate", G_CALLBACK (create_cb), self);
  g_signal_connect_swapped (self->village_entry, "activate", G_CALLBACK (create_cb), self);
  gtk_box_append (GTK_BOX (box), grid);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  gtk_widget_set_halign (create, GTK_ALIGN_END);
  g_signal_connect_swapped (create, "clicked", G_CALLBACK (create_cb), self);
  gtk_box_append (GTK_BOX (box), create);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  g_signal_connect (self, "show", G_CALLBACK (shown_cb), NULL);
}

GtkWidget *
shouhu_volunteer_chooser_new (ShouhuStore *store)
{
  ShouhuVolunteerChooser *self = g_object_new (SHOUHU_TYPE_VOLUNTEER_CHOOSER, NULL);

  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/* Volunteers of @district_id are listed first, and new ones belong to it. */
void
shouhu_volunteer_chooser_set_district (ShouhuVolunteerChooser *self,
                                       int                     district_id)
{
  self->district_id = district_id;
}

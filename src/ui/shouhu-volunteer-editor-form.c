/* shouhu-volunteer-editor-form.c — the volunteer editor's fields
 *
 * Who the volunteer is and where on the left, what going on duty needs
 * on the right, each in a container of its own so that Tab finishes the
 * one before the other; each row has a place for the message of its
 * field.  乡镇（街道） and 村（社区） complete from the gazetteer of the
 * district chosen.  The editor itself (shouhu-volunteer-editor.c) reads
 * and fills them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-date.h"
#include "shouhu-gazetteer.h"
#include "shouhu-volunteer-editor-private.h"
#include "shouhu-volunteer-text.h"

/* Enough to choose from while typing. */
#define MAX_COMPLETIONS 30

/* Completion from the gazetteer */

static void
fill_completions (GtkListStore *store,
                  GPtrArray    *places)
{
  gtk_list_store_clear (store);
  for (guint i = 0; i < places->len; i++)
    gtk_list_store_insert_with_values (store, NULL, -1, 0, ((const ShouhuPlace *) places->pdata[i])->name, -1);
}

static void
place_changed_cb (GtkEditable           *entry,
                  ShouhuVolunteerEditor *self)
{
  g_autoptr(GError) error = NULL;
  const ShouhuGazetteer *gazetteer = shouhu_gazetteer_get_default (&error);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT]));
  int district = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
  g_autoptr(GPtrArray) places = NULL;

  if (gazetteer == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  if (GTK_WIDGET (entry) == self->fields[SHOUHU_VOLUNTEER_FIELD_TOWN])
    {
      places = shouhu_gazetteer_complete_towns (gazetteer, district, gtk_editable_get_text (entry), MAX_COMPLETIONS);
      fill_completions (self->town_completions, places);
    }
  else
    {
      const ShouhuPlace *town = shouhu_gazetteer_find_town (gazetteer, district,
                                                            gtk_editable_get_text (GTK_EDITABLE (self->fields[SHOUHU_VOLUNTEER_FIELD_TOWN])));

      places = shouhu_gazetteer_complete_villages (gazetteer, district, town, gtk_editable_get_text (entry),
                                                   MAX_COMPLETIONS);
      fill_completions (self->village_completions, places);
    }
}

static void
add_completion (ShouhuVolunteerEditor *self,
                ShouhuVolunteerField   field,
                GtkListStore          *store)
{
  GtkEntryCompletion *completion = gtk_entry_completion_new ();

  /* Connected before the completion is set, so the candidates are in the
   * model when the completion looks at them. */
  g_signal_connect (self->fields[field], "changed", G_CALLBACK (place_changed_cb), self);
  gtk_entry_completion_set_model (completion, GTK_TREE_MODEL (store));
  gtk_entry_completion_set_text_column (completion, 0);
  gtk_entry_completion_set_minimum_key_length (completion, 1);
  gtk_entry_set_completion (GTK_ENTRY (self->fields[field]), completion);
  g_object_unref (completion);
}

/* Building the form */

static GtkWidget *
make_dropdown (const char *const *items)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (items);

  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  return dropdown;
}

static GtkWidget *
make_entry (ShouhuVolunteerEditor *self,
            ShouhuVolunteerField   field)
{
  GtkWidget *entry = gtk_entry_new ();
  ShouhuFieldKind kind = shouhu_volunteer_form_column (field)->kind;

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  if (kind == SHOUHU_FIELD_PHONE)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PHONE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("e.g. 13812345678 or 023-68881234"));
    }
  else if (kind == SHOUHU_FIELD_DATE)
    {
      g_autofree char *example = shouhu_format_date ("2020-02-10");
      /* Translators: placeholder of a date field; %s is a date as the UI writes it */
      g_autofree char *placeholder = g_strdup_printf (_("e.g. %s"), example);

      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
      gtk_widget_set_hexpand (entry, FALSE);
    }
  g_signal_connect (entry, "changed", G_CALLBACK (shouhu_volunteer_editor_field_changed), self);
  return entry;
}

/* Enter saves from a check button too (Space ticks it), as from a text
 * field: the check button would take Enter as Space. */
static void
enter_saves (GtkWidget *check)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Return|KP_Enter"),
                                                          gtk_named_action_new ("editor.save")));
  gtk_widget_add_controller (check, controller);
}

static GtkWidget *
make_check (ShouhuVolunteerEditor *self,
            const char            *label)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_signal_connect_swapped (check, "toggled", G_CALLBACK (shouhu_volunteer_editor_update_readiness), self);
  enter_saves (check);
  return check;
}

/* A row of @grid: the label, then @widget with the message of its fields
 * below it.  @fields ends with -1. */
static void
attach_row (ShouhuVolunteerEditor *self,
            GtkGrid               *grid,
            int                    row,
            const char            *text,
            GtkWidget             *widget,
            GtkWidget             *mnemonic,
            const int             *fields)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *error = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (error), 36);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (box), widget);
  gtk_box_append (GTK_BOX (box), error);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, box, 1, row, 1, 1);
  for (guint i = 0; fields[i] >= 0; i++)
    {
      self->field_errors[fields[i]] = GTK_LABEL (error);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fields[fields[i]]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      shouhu_volunteer_field_label (fields[i]), -1);
    }
}

static GtkWidget *
new_grid (void)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  return grid;
}

/* 姓名 … 备注: who the volunteer is and where. */
GtkWidget *
shouhu_volunteer_editor_build_person (ShouhuVolunteerEditor *self)
{
  static const ShouhuVolunteerField text_fields[] = {
    SHOUHU_VOLUNTEER_FIELD_NAME, SHOUHU_VOLUNTEER_FIELD_GENDER, SHOUHU_VOLUNTEER_FIELD_PHONE,
    SHOUHU_VOLUNTEER_FIELD_DISTRICT, SHOUHU_VOLUNTEER_FIELD_TOWN, SHOUHU_VOLUNTEER_FIELD_VILLAGE,
    SHOUHU_VOLUNTEER_FIELD_SOURCE, SHOUHU_VOLUNTEER_FIELD_SKILLS, SHOUHU_VOLUNTEER_FIELD_NOTE,
  };
  const char *shown_genders[] = { "—", C_("gender", "Male"), C_("gender", "Female"), NULL };
  const char *const *sources = shouhu_volunteer_sources ();
  g_autoptr(GPtrArray) source_labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) district_names = g_ptr_array_new ();
  GtkWidget *grid = new_grid ();
  GtkWidget *skills = gtk_grid_new ();

  g_ptr_array_add (source_labels, (gpointer) "—");
  for (guint i = 0; sources[i] != NULL; i++)
    g_ptr_array_add (source_labels, (gpointer) shouhu_volunteer_source_label (sources[i]));
  g_ptr_array_add (source_labels, NULL);
  g_ptr_array_add (district_names, (gpointer) "—");
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    g_ptr_array_add (district_names, (gpointer) shouhu_district_get (id)->name);
  g_ptr_array_add (district_names, NULL);

  self->fields[SHOUHU_VOLUNTEER_FIELD_GENDER] = make_dropdown (shown_genders);
  self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT] = make_dropdown ((const char *const *) district_names->pdata);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT]), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT]),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  self->fields[SHOUHU_VOLUNTEER_FIELD_SOURCE] = make_dropdown ((const char *const *) source_labels->pdata);

  gtk_grid_set_row_spacing (GTK_GRID (skills), 2);
  gtk_grid_set_column_spacing (GTK_GRID (skills), 12);
  for (guint i = 0; i < N_SKILLS; i++)
    {
      g_autofree char *label = shouhu_volunteer_skills_label (1u << i);

      self->skills[i] = make_check (self, label);
      gtk_grid_attach (GTK_GRID (skills), self->skills[i], (int) i % 2, (int) i / 2, 1, 1);
    }
  self->fields[SHOUHU_VOLUNTEER_FIELD_SKILLS] = self->skills[0];

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      ShouhuVolunteerField f = text_fields[i];
      const ShouhuFormColumn *column = shouhu_volunteer_form_column (f);
      g_autofree char *text = column->required ? g_strdup_printf ("%s *", shouhu_form_column_label (column))
                                               : g_strdup (shouhu_form_column_label (column));
      const int fields[] = { f, -1 };

      if (self->fields[f] == NULL)
        self->fields[f] = make_entry (self, f);
      attach_row (self, GTK_GRID (grid), (int) i, text, f == SHOUHU_VOLUNTEER_FIELD_SKILLS ? skills : self->fields[f],
                  self->fields[f], fields);
    }
  add_completion (self, SHOUHU_VOLUNTEER_FIELD_TOWN, self->town_completions);
  add_completion (self, SHOUHU_VOLUNTEER_FIELD_VILLAGE, self->village_completions);
  return grid;
}

/* Training, gear, insurance: what going on duty needs (四(三) of the notice). */
GtkWidget *
shouhu_volunteer_editor_build_duty (ShouhuVolunteerEditor *self)
{
  static const ShouhuVolunteerField insurance[] = {
    SHOUHU_VOLUNTEER_FIELD_INSURER, SHOUHU_VOLUNTEER_FIELD_POLICY_NO,
    SHOUHU_VOLUNTEER_FIELD_INSURED_FROM, SHOUHU_VOLUNTEER_FIELD_INSURED_UNTIL,
  };
  const int training_fields[] = { SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, -1 };
  const int gear_fields[] = { SHOUHU_VOLUNTEER_FIELD_GEAR_ON, SHOUHU_VOLUNTEER_FIELD_GEAR, -1 };
  GtkWidget *grid = new_grid ();
  GtkWidget *training = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *gear = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *items = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *issued = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *rule;

  self->readiness_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->readiness_label, 0);
  gtk_label_set_wrap (self->readiness_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->readiness_label), "readiness-banner");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->readiness_label), 0, 0, 2, 1);
  rule = gtk_label_new (_("Ready for duty only when protection training is passed, masks, alcohol and "
                          "disinfectant are issued, and the accident insurance covers the day."));
  gtk_label_set_wrap (GTK_LABEL (rule), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (rule), 40);
  gtk_label_set_xalign (GTK_LABEL (rule), 0);
  gtk_widget_add_css_class (rule, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), rule, 0, 1, 2, 1);

  /* Translators: 防护培训: passed on a date, or not yet */
  self->trained = gtk_check_button_new_with_mnemonic (_("_Passed on"));
  enter_saves (self->trained);
  g_signal_connect_swapped (self->trained, "toggled", G_CALLBACK (shouhu_volunteer_editor_trained_toggled), self);
  self->fields[SHOUHU_VOLUNTEER_FIELD_TRAINED_ON] = make_entry (self, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON);
  gtk_widget_set_sensitive (self->fields[SHOUHU_VOLUNTEER_FIELD_TRAINED_ON], FALSE);
  gtk_box_append (GTK_BOX (training), self->trained);
  gtk_box_append (GTK_BOX (training), self->fields[SHOUHU_VOLUNTEER_FIELD_TRAINED_ON]);
  /* Translators: a row of the volunteer editor: 防护培训 */
  attach_row (self, GTK_GRID (grid), 2, _("Protection Training"), training, self->trained, training_fields);

  self->fields[SHOUHU_VOLUNTEER_FIELD_GEAR_ON] = make_entry (self, SHOUHU_VOLUNTEER_FIELD_GEAR_ON);
  /* Translators: before the date protective gear was issued: 发放日期 */
  gtk_box_append (GTK_BOX (issued), gtk_label_new (_("issued on")));
  gtk_box_append (GTK_BOX (issued), self->fields[SHOUHU_VOLUNTEER_FIELD_GEAR_ON]);
  for (guint i = 0; i < N_GEAR_ITEMS; i++)
    {
      self->gear_items[i] = make_check (self, shouhu_gear_item_label (1u << i));
      gtk_box_append (GTK_BOX (items), self->gear_items[i]);
    }
  self->fields[SHOUHU_VOLUNTEER_FIELD_GEAR] = self->gear_items[0];
  gtk_box_append (GTK_BOX (gear), items);
  gtk_box_append (GTK_BOX (gear), issued);
  attach_row (self, GTK_GRID (grid), 3, shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_GEAR), gear,
              self->gear_items[0], gear_fields);

  for (guint i = 0; i < G_N_ELEMENTS (insurance); i++)
    {
      const int fields[] = { insurance[i], -1 };

      self->fields[insurance[i]] = make_entry (self, insurance[i]);
      attach_row (self, GTK_GRID (grid), 4 + (int) i, shouhu_volunteer_field_label (insurance[i]),
                  self->fields[insurance[i]], self->fields[insurance[i]], fields);
    }
  return grid;
}

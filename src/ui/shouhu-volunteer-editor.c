/* shouhu-volunteer-editor.c — adds or edits one volunteer
 *
 * Keyboard first, like the worker editor: Tab goes through the fields
 * (who the volunteer is on the left, what going on duty needs on the
 * right), Enter saves from any text field, Ctrl+S from anywhere, Escape
 * cancels and asks first when something was changed.  A rejected field
 * gets the focus and its message is shown under it; what was typed stays.
 *
 * Readiness (上岗状态) is core's rule, shown live as the fields change:
 * training passed, masks, alcohol and disinfectant issued, and insured
 * today.  乡镇（街道） and 村（社区） are completed from the gazetteer of the
 * district chosen; any other text is still taken.  Saving a volunteer
 * that another window or program changed since it was shown saves
 * nothing: the editor lists what changed and the user reloads or
 * overwrites.  The fields are built in shouhu-volunteer-editor-form.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-accessible.h"
#include "shouhu-conflict-view.h"
#include "shouhu-date.h"
#include "shouhu-validate.h"
#include "shouhu-volunteer-editor.h"
#include "shouhu-volunteer-editor-private.h"
#include "shouhu-volunteer-text.h"

G_DEFINE_FINAL_TYPE (ShouhuVolunteerEditor, shouhu_volunteer_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const genders[] = { "", "男", "女" };

static gboolean is_date_field (ShouhuVolunteerField field);

/* Reading the fields */

static const char *
entry_text (ShouhuVolunteerEditor *self,
            ShouhuVolunteerField   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));
}

static guint
dropdown_selected (ShouhuVolunteerEditor *self,
                   ShouhuVolunteerField   field)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[field]));

  return selected == GTK_INVALID_LIST_POSITION ? 0 : selected;
}

static gboolean
is_active (GtkWidget *check)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (check));
}

/* The record as typed; core validates and normalises it when saving. */
static ShouhuVolunteer *
collect (ShouhuVolunteerEditor *self)
{
  ShouhuVolunteer *v = self->seen != NULL ? shouhu_volunteer_copy (self->seen) : shouhu_volunteer_new ();
  const char *const *sources = shouhu_volunteer_sources ();
  guint source = dropdown_selected (self, SHOUHU_VOLUNTEER_FIELD_SOURCE);

  v->id = self->volunteer_id;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (GTK_IS_ENTRY (self->fields[f]))
      shouhu_volunteer_set_field (v, f, entry_text (self, f), NULL);
  if (!is_active (self->trained))
    shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON, "", NULL);
  shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_GENDER,
                              genders[MIN (dropdown_selected (self, SHOUHU_VOLUNTEER_FIELD_GENDER), 2)], NULL);
  v->district_id = (int) dropdown_selected (self, SHOUHU_VOLUNTEER_FIELD_DISTRICT);
  shouhu_volunteer_set_field (v, SHOUHU_VOLUNTEER_FIELD_SOURCE,
                              source > 0 && source <= g_strv_length ((char **) sources) ? sources[source - 1] : "",
                              NULL);
  v->skills = 0;
  for (guint i = 0; i < N_SKILLS; i++)
    if (is_active (self->skills[i]))
      v->skills |= 1u << i;
  v->gear = 0;
  for (guint i = 0; i < N_GEAR_ITEMS; i++)
    if (is_active (self->gear_items[i]))
      v->gear |= 1u << i;
  return v;
}

/* Showing a record */

static void
set_field (ShouhuVolunteerEditor *self,
           ShouhuVolunteerField   field,
           const ShouhuVolunteer *v)
{
  const char *const *sources = shouhu_volunteer_sources ();
  guint selected = 0;

  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_GENDER:
      selected = g_strcmp0 (v->gender, "男") == 0 ? 1 : g_strcmp0 (v->gender, "女") == 0 ? 2 : 0;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[field]), selected);
      break;
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT:
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[field]), (guint) v->district_id);
      break;
    case SHOUHU_VOLUNTEER_FIELD_SOURCE:
      for (guint i = 0; sources[i] != NULL; i++)
        if (g_strcmp0 (v->source, sources[i]) == 0)
          selected = i + 1;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[field]), selected);
      break;
    case SHOUHU_VOLUNTEER_FIELD_SKILLS:
      for (guint i = 0; i < N_SKILLS; i++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->skills[i]), (v->skills & (1u << i)) != 0);
      break;
    case SHOUHU_VOLUNTEER_FIELD_GEAR:
      for (guint i = 0; i < N_GEAR_ITEMS; i++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->gear_items[i]), (v->gear & (1u << i)) != 0);
      break;
    default:
      {
        g_autofree char *text = is_date_field (field) ? shouhu_volunteer_display_field (v, field)
                                                      : shouhu_volunteer_dup_field (v, field);

        gtk_editable_set_text (GTK_EDITABLE (self->fields[field]), text);
        if (field == SHOUHU_VOLUNTEER_FIELD_TRAINED_ON)
          gtk_check_button_set_active (GTK_CHECK_BUTTON (self->trained), *text != '\0');
      }
    }
}

/* From now on, "changed" means changed since now. */
static void
remember_shown (ShouhuVolunteerEditor *self)
{
  g_autoptr(ShouhuVolunteer) v = collect (self);

  g_free (self->shown);
  self->shown = shouhu_volunteer_stamp (v);
}

/* Errors at the fields */

static void
clear_field_error (ShouhuVolunteerEditor *self,
                   ShouhuVolunteerField   field)
{
  gtk_label_set_text (self->field_errors[field], "");
  gtk_widget_set_visible (GTK_WIDGET (self->field_errors[field]), FALSE);
  gtk_widget_remove_css_class (self->fields[field], "error");
}

static void
clear_errors (ShouhuVolunteerEditor *self)
{
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    clear_field_error (self, f);
  gtk_label_set_text (self->error_label, "");
}

static void
show_field_error (ShouhuVolunteerEditor *self,
                  ShouhuVolunteerField   field,
                  const char            *message)
{
  gtk_label_set_text (self->field_errors[field], message);
  gtk_widget_set_visible (GTK_WIDGET (self->field_errors[field]), TRUE);
  gtk_widget_add_css_class (self->fields[field], "error");
  if (field == SHOUHU_VOLUNTEER_FIELD_TRAINED_ON && !gtk_widget_get_sensitive (self->fields[field]))
    gtk_widget_grab_focus (self->trained);
  else
    gtk_widget_grab_focus (self->fields[field]);
}

/* Readiness, live */

static gboolean
is_date_field (ShouhuVolunteerField field)
{
  return shouhu_volunteer_form_column (field)->kind == SHOUHU_FIELD_DATE;
}

/* A date as typed, as stored (YYYY-MM-DD); "" when it is not a date yet. */
static void
normalise_date (char **date)
{
  g_autofree char *normalised = NULL;

  if (**date != '\0' && shouhu_validate_date ("", *date, &normalised, NULL))
    {
      g_free (*date);
      *date = g_steal_pointer (&normalised);
    }
  else if (**date != '\0')
    {
      g_free (*date);
      *date = g_strdup ("");
    }
}

void
shouhu_volunteer_editor_update_readiness (ShouhuVolunteerEditor *self)
{
  g_autoptr(ShouhuVolunteer) v = collect (self);
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;
  g_autofree char *families = NULL;
  ShouhuReadiness r;

  normalise_date (&v->trained_on);
  normalise_date (&v->gear_on);
  normalise_date (&v->insured_from);
  normalise_date (&v->insured_until);
  r = shouhu_volunteer_readiness (v, NULL);
  status = shouhu_readiness_label (&r);
  families = shouhu_families_label (self->n_families);
  /* Translators: the editor's live 上岗状态; %s is 可上岗, 待上岗（缺：…）…,
   * then how many families the volunteer guards */
  text = g_strdup_printf (_("Today: %s · %s"), status, families);
  gtk_label_set_text (self->readiness_label, text);
  shouhu_readiness_style (GTK_WIDGET (self->readiness_label), &r);
}

void
shouhu_volunteer_editor_field_changed (GtkWidget             *widget,
                  ShouhuVolunteerEditor *self)
{
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    if (self->fields[f] == widget)
      clear_field_error (self, f);
  shouhu_volunteer_editor_update_readiness (self);
}

static void
district_changed_cb (GtkDropDown           *dropdown,
                     GParamSpec            *pspec,
                     ShouhuVolunteerEditor *self)
{
  clear_field_error (self, SHOUHU_VOLUNTEER_FIELD_DISTRICT);
}

void
shouhu_volunteer_editor_trained_toggled (ShouhuVolunteerEditor *self)
{
  GtkWidget *date = self->fields[SHOUHU_VOLUNTEER_FIELD_TRAINED_ON];
  gboolean passed = is_active (self->trained);

  gtk_widget_set_sensitive (date, passed);
  /* Passed: today unless told otherwise; the date is selected to be typed over. */
  if (passed && *gtk_editable_get_text (GTK_EDITABLE (date)) == '\0')
    {
      g_autofree char *today = shouhu_format_today ();

      gtk_editable_set_text (GTK_EDITABLE (date), today);
    }
  clear_field_error (self, SHOUHU_VOLUNTEER_FIELD_TRAINED_ON);
  shouhu_volunteer_editor_update_readiness (self);
}

/* Saving */

static void show_conflict (ShouhuVolunteerEditor *self);

static gboolean
try_save (ShouhuVolunteerEditor *self)
{
  g_autoptr(ShouhuVolunteer) v = collect (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  clear_errors (self);
  if (self->seen != NULL)
    {
      g_autofree char *stamp = shouhu_volunteer_stamp (self->seen);

      id = shouhu_annex2_save_edited_volunteer (self->store, v, stamp, &error);
    }
  else
    id = shouhu_annex2_save_volunteer (self->store, v, &error);
  if (id == 0)
    {
      if (error->domain == SHOUHU_VOLUNTEER_FIELD_ERROR && error->code >= 0 &&
          error->code < SHOUHU_N_VOLUNTEER_FIELDS)
        show_field_error (self, error->code, error->message);
      else
        gtk_label_set_text (self->error_label, error->message);
      if (g_error_matches (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT))
        show_conflict (self);
      return FALSE;
    }

  self->discard = TRUE;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  try_save (SHOUHU_VOLUNTEER_EDITOR (widget));
}

/* Conflicts */

static void
show_conflict (ShouhuVolunteerEditor *self)
{
  ShouhuConflictView *view = SHOUHU_CONFLICT_VIEW (self->conflict);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuVolunteer) stored = shouhu_annex2_get_volunteer (self->store, self->volunteer_id, &error);
  g_autoptr(ShouhuVolunteer) yours = collect (self);

  if (stored == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  shouhu_conflict_view_clear (view);
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      g_autofree char *before = shouhu_volunteer_display_field (self->seen, f);
      g_autofree char *now = shouhu_volunteer_display_field (stored, f);
      g_autofree char *mine = NULL;

      if (g_strcmp0 (before, now) == 0)
        continue;
      mine = shouhu_volunteer_display_field (yours, f);
      shouhu_conflict_view_add_row (view, shouhu_volunteer_field_label (f), mine, now);
    }
  g_clear_pointer (&self->stored, shouhu_volunteer_free);
  self->stored = g_steal_pointer (&stored);
  gtk_widget_set_visible (self->conflict, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reload", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.overwrite", TRUE);
}

static void
hide_conflict (ShouhuVolunteerEditor *self)
{
  gtk_widget_set_visible (self->conflict, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.overwrite", FALSE);
  g_clear_pointer (&self->stored, shouhu_volunteer_free);
  gtk_label_set_text (self->error_label, "");
}

static void
set_seen (ShouhuVolunteerEditor *self,
          const ShouhuVolunteer *v)
{
  g_clear_pointer (&self->seen, shouhu_volunteer_free);
  self->seen = shouhu_volunteer_copy (v);
}

/* Takes the stored value of every field changed elsewhere and keeps what
 * was typed in the others; the editor stays open. */
static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuVolunteerEditor *self = SHOUHU_VOLUNTEER_EDITOR (widget);

  if (self->stored == NULL)
    return;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      g_autofree char *before = shouhu_volunteer_dup_field (self->seen, f);
      g_autofree char *now = shouhu_volunteer_dup_field (self->stored, f);

      if (g_strcmp0 (before, now) != 0)
        set_field (self, f, self->stored);
    }
  set_seen (self, self->stored);
  hide_conflict (self);
}

/* Saves the user's values over the record as the conflict view showed it. */
static void
overwrite_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShouhuVolunteerEditor *self = SHOUHU_VOLUNTEER_EDITOR (widget);

  if (self->stored == NULL)
    return;
  set_seen (self, self->stored);
  hide_conflict (self);
  try_save (self);
}

/* Closing: Escape, Cancel, the window's close button */

static void
question_response_cb (GtkDialog             *dialog,
                      int                    response,
                      ShouhuVolunteerEditor *self)
{
  /* The dialog outlives this signal, the editor may not: let it go of
   * the editor now. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->question = NULL;
  if (response == GTK_RESPONSE_ACCEPT)
    try_save (self);
  else if (response == GTK_RESPONSE_REJECT)
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
shouhu_volunteer_editor_close_request (GtkWindow *window)
{
  ShouhuVolunteerEditor *self = SHOUHU_VOLUNTEER_EDITOR (window);
  GtkWidget *dialog;

  if (self->discard || !shouhu_volunteer_editor_is_changed (self))
    return GTK_WINDOW_CLASS (shouhu_volunteer_editor_parent_class)->close_request (window);
  if (self->question != NULL)
    return TRUE;

  /* As the worker editor asks. */
  dialog = gtk_message_dialog_new (window, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   self->volunteer_id != 0 ? _("Save the changes to this volunteer?")
                                                           : _("Save this new volunteer?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("What was typed is lost if the editor closes without saving."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Keep Editing"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (question_response_cb), self);
  self->question = GTK_WINDOW (dialog);
  gtk_window_present (self->question);
  return TRUE;
}

static void
shouhu_volunteer_editor_dispose (GObject *object)
{
  ShouhuVolunteerEditor *self = SHOUHU_VOLUNTEER_EDITOR (object);

  if (self->question != NULL)
    gtk_window_destroy (g_steal_pointer (&self->question));
  g_clear_object (&self->store);
  g_clear_object (&self->town_completions);
  g_clear_object (&self->village_completions);

  G_OBJECT_CLASS (shouhu_volunteer_editor_parent_class)->dispose (object);
}

static void
shouhu_volunteer_editor_finalize (GObject *object)
{
  ShouhuVolunteerEditor *self = SHOUHU_VOLUNTEER_EDITOR (object);

  g_clear_pointer (&self->seen, shouhu_volunteer_free);
  g_clear_pointer (&self->stored, shouhu_volunteer_free);
  g_free (self->shown);

  G_OBJECT_CLASS (shouhu_volunteer_editor_parent_class)->finalize (object);
}

static void
shouhu_volunteer_editor_class_init (ShouhuVolunteerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = shouhu_volunteer_editor_dispose;
  object_class->finalize = shouhu_volunteer_editor_finalize;
  window_class->close_request = shouhu_volunteer_editor_close_request;

  /**
   * ShouhuVolunteerEditor::saved:
   * @id: the stored volunteer's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.reload", NULL, reload_action_cb);
  gtk_widget_class_install_action (widget_class, "editor.overwrite", NULL, overwrite_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
shouhu_volunteer_editor_init (ShouhuVolunteerEditor *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  self->town_completions = gtk_list_store_new (1, G_TYPE_STRING);
  self->village_completions = gtk_list_store_new (1, G_TYPE_STRING);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "editor.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), save);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), save);

  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  /* Two containers, so that Tab finishes the person before the duty. */
  gtk_box_append (GTK_BOX (columns), shouhu_volunteer_editor_build_person (self));
  gtk_box_append (GTK_BOX (columns), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (columns), shouhu_volunteer_editor_build_duty (self));
  gtk_box_append (GTK_BOX (box), columns);
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    g_assert (self->fields[f] != NULL && self->field_errors[f] != NULL);
  g_signal_connect (self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT], "notify::selected",
                    G_CALLBACK (district_changed_cb), self);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->conflict = shouhu_conflict_view_new ("editor.reload", "editor.overwrite");
  gtk_box_append (GTK_BOX (box), self->conflict);
  hide_conflict (self);

  gtk_window_set_child (GTK_WINDOW (self), box);
  shouhu_accessible_name_inner_buttons (box);
}

/**
 * shouhu_volunteer_editor_new:
 * @volunteer_id: the volunteer to edit, or 0 for a new one
 * @district_id: for a new volunteer, its 区县 (0 to let the user choose)
 */
ShouhuVolunteerEditor *
shouhu_volunteer_editor_new (GtkWindow   *parent,
                             ShouhuStore *store,
                             gint64       volunteer_id,
                             int          district_id)
{
  ShouhuVolunteerEditor *self = g_object_new (SHOUHU_TYPE_VOLUNTEER_EDITOR,
                                              "transient-for", parent,
                                              "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                              "title", volunteer_id == 0 ? _("New Volunteer") : _("Edit Volunteer"),
                                              NULL);
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  self->volunteer_id = volunteer_id;
  if (volunteer_id != 0)
    {
      g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (store, volunteer_id, &error);
      g_autoptr(GArray) workers = v != NULL ? shouhu_annex2_volunteer_workers (store, volunteer_id, &error) : NULL;

      if (workers == NULL)
        {
          gtk_label_set_text (self->error_label, error->message);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
        }
      else
        {
          self->n_families = workers->len;
          for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
            set_field (self, f, v);
          set_seen (self, v);
        }
    }
  else if (district_id > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[SHOUHU_VOLUNTEER_FIELD_DISTRICT]), (guint) district_id);

  clear_errors (self);
  shouhu_volunteer_editor_update_readiness (self);
  remember_shown (self);
  gtk_widget_grab_focus (self->fields[SHOUHU_VOLUNTEER_FIELD_NAME]);
  return self;
}

/* Public API */

/* The widget of @field: a GtkDropDown for 性别, 区县 and 来源, the first
 * GtkCheckButton for 专长 and 防护用品, else a GtkEntry. */
GtkWidget *
shouhu_volunteer_editor_get_field (ShouhuVolunteerEditor *self,
                                   ShouhuVolunteerField   field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return self->fields[field];
}

/* The check button of 防护培训: passed (on the date beside it) or not yet. */
GtkWidget *
shouhu_volunteer_editor_get_trained (ShouhuVolunteerEditor *self)
{
  return self->trained;
}

GtkWidget *
shouhu_volunteer_editor_get_gear_item (ShouhuVolunteerEditor *self,
                                       ShouhuGear             item)
{
  for (guint i = 0; i < N_GEAR_ITEMS; i++)
    if (item == 1u << i)
      return self->gear_items[i];
  g_return_val_if_reached (NULL);
}

GtkWidget *
shouhu_volunteer_editor_get_skill (ShouhuVolunteerEditor *self,
                                   ShouhuSkill            skill)
{
  for (guint i = 0; i < N_SKILLS; i++)
    if (skill == 1u << i)
      return self->skills[i];
  g_return_val_if_reached (NULL);
}

/* The live 上岗状态 line, as shown. */
const char *
shouhu_volunteer_editor_get_readiness (ShouhuVolunteerEditor *self)
{
  return gtk_label_get_text (self->readiness_label);
}

/* The message shown under @field's row, "" when none. */
const char *
shouhu_volunteer_editor_get_field_error (ShouhuVolunteerEditor *self,
                                         ShouhuVolunteerField   field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return gtk_label_get_text (self->field_errors[field]);
}

/* A message that is not about one field (the store, a conflict). */
const char *
shouhu_volunteer_editor_get_error (ShouhuVolunteerEditor *self)
{
  return gtk_label_get_text (self->error_label);
}

/* Whether anything differs from what the editor showed when it opened. */
gboolean
shouhu_volunteer_editor_is_changed (ShouhuVolunteerEditor *self)
{
  g_autoptr(ShouhuVolunteer) v = collect (self);
  g_autofree char *stamp = shouhu_volunteer_stamp (v);

  return g_strcmp0 (stamp, self->shown) != 0;
}

/* As Enter does; the window closes when the volunteer was stored. */
gboolean
shouhu_volunteer_editor_save (ShouhuVolunteerEditor *self)
{
  return try_save (self);
}

/* Returns: (transfer none) (nullable): the question Escape asked, while
 * it is open: its responses are GTK_RESPONSE_CANCEL (keep editing),
 * GTK_RESPONSE_REJECT (discard) and GTK_RESPONSE_ACCEPT (save) */
GtkWindow *
shouhu_volunteer_editor_get_question (ShouhuVolunteerEditor *self)
{
  return self->question;
}

/**
 * shouhu_volunteer_editor_get_seen:
 *
 * Returns: (transfer none) (nullable): the record as stored when the
 *   editor read it (again, after Reload or Overwrite); %NULL for a new
 *   volunteer.  What an Undo of the save puts back.
 */
const ShouhuVolunteer *
shouhu_volunteer_editor_get_seen (ShouhuVolunteerEditor *self)
{
  g_return_val_if_fail (SHOUHU_IS_VOLUNTEER_EDITOR (self), NULL);
  return self->seen;
}

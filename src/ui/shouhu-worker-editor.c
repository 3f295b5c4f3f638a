/* shouhu-worker-editor.c — adds or edits one Annex 2 record
 *
 * Keyboard first: Tab goes through the fields in the form's order, Enter
 * saves from any field, Escape cancels: when anything was changed, it
 * first asks whether to save, discard or go on editing (as closing the
 * window any other way does).  A rejected field gets the focus
 * and the message names it; what was typed stays.  Saving a record whose
 * 姓名 and 本人联系电话 are already stored asks first.  Saving a record that
 * another window or program changed since it was shown saves nothing:
 * the editor lists what changed and the user reloads or overwrites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-accessible.h"
#include "shouhu-conflict-view.h"
#include "shouhu-pairing.h"
#include "shouhu-volunteer-chooser.h"
#include "shouhu-worker-editor.h"

struct _ShouhuWorkerEditor
{
  GtkWindow    parent_instance;

  ShouhuStore *store;
  gint64       worker_id;

  GtkWidget   *fields[SHOUHU_ANNEX2_N_FIELDS];   /* NULL for 结对志愿者: see volunteer_box */
  GtkFlowBox  *volunteer_box;
  GtkWidget   *need_checks[SHOUHU_N_FAMILY_NEEDS];  /* 家庭需求, in ShouhuFamilyNeed order */
  GHashTable  *roles;           /* volunteer id → its role with the stored record */
  GArray      *volunteer_ids;   /* gint64, in the order shown */
  GPtrArray   *volunteer_names; /* beside volunteer_ids */
  ShouhuWorker *seen;           /* the record as stored when shown; NULL when new */
  GArray      *seen_ids;        /* its volunteers then */
  ShouhuWorker *stored;         /* after a conflict: the record as stored now */
  GPtrArray   *stored_volunteers;
  GtkWidget   *conflict;
  GtkWidget   *chooser;
  GtkWidget   *pair_button;
  GtkLabel    *error_label;
  GtkWidget   *save_button;
  char        *shown_stamp;     /* what the fields held when shown */
  GtkWidget   *question;        /* save, discard or go on editing? */
  gboolean     discarding;
};

G_DEFINE_FINAL_TYPE (ShouhuWorkerEditor, shouhu_worker_editor, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const genders[] = { "—", "男", "女", NULL };

static void
remove_volunteer_cb (GtkButton          *button,
                     ShouhuWorkerEditor *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "volunteer-id");
  GtkWidget *child = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_FLOW_BOX_CHILD);

  for (guint i = 0; i < self->volunteer_ids->len; i++)
    if (g_array_index (self->volunteer_ids, gint64, i) == id)
      {
        g_array_remove_index (self->volunteer_ids, i);
        g_ptr_array_remove_index (self->volunteer_names, i);
        break;
      }
  gtk_flow_box_remove (self->volunteer_box, child);
}

/* Shows the volunteer as a button that takes it off the list again. */
void
shouhu_worker_editor_add_volunteer (ShouhuWorkerEditor *self,
                                    gint64              id,
                                    const char         *name)
{
  GtkWidget *button;
  g_autofree char *tooltip = NULL;

  for (guint i = 0; i < self->volunteer_ids->len; i++)
    if (g_array_index (self->volunteer_ids, gint64, i) == id)
      return;
  g_array_append_val (self->volunteer_ids, id);
  g_ptr_array_add (self->volunteer_names, g_strdup (name));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (GTK_TYPE_BOX, "spacing", 4, NULL));
  {
    gint64 key = id;
    gpointer role = self->roles != NULL ? g_hash_table_lookup (self->roles, &key) : NULL;
    /* Translators: a paired volunteer and its role (保底, or the need it serves) */
    g_autofree char *text = role != NULL ? g_strdup_printf (_("%s · %s"), name,
                                                            shouhu_pairing_role_label (GPOINTER_TO_UINT (role) - 1))
                                         : g_strdup (name);

    gtk_box_append (GTK_BOX (gtk_button_get_child (GTK_BUTTON (button))), gtk_label_new (text));
  }
  gtk_box_append (GTK_BOX (gtk_button_get_child (GTK_BUTTON (button))),
                  gtk_image_new_from_icon_name ("window-close-symbolic"));
  /* Translators: tooltip of a paired volunteer's button; %s is the name */
  tooltip = g_strdup_printf (_("Unpair %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "volunteer-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_volunteer_cb), self);
  gtk_flow_box_append (self->volunteer_box, button);
}

static void
chosen_cb (ShouhuVolunteerChooser *chooser,
           gint64                  id,
           const char             *name,
           ShouhuWorkerEditor     *self)
{
  shouhu_worker_editor_add_volunteer (self, id, name);
}

static void
district_changed_cb (ShouhuWorkerEditor *self)
{
  if (self->chooser == NULL)
    return;

  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[SHOUHU_ANNEX2_FIELD_DISTRICT]));

  shouhu_volunteer_chooser_set_district (SHOUHU_VOLUNTEER_CHOOSER (self->chooser),
                                         selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected);
}

static const char *
entry_text (ShouhuWorkerEditor *self,
            ShouhuAnnex2Field   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));
}

static ShouhuWorker *
collect (ShouhuWorkerEditor *self)
{
  ShouhuWorker *w = shouhu_worker_new ();

  w->id = self->worker_id;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      ShouhuFieldKind kind = shouhu_annex2_form_column (f)->kind;
      guint selected;

      if (kind == SHOUHU_FIELD_VOLUNTEERS)
        continue;
      if (kind != SHOUHU_FIELD_DISTRICT && kind != SHOUHU_FIELD_GENDER)
        {
          shouhu_worker_set_field (w, f, entry_text (self, f));
          continue;
        }
      selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[f]));
      if (kind == SHOUHU_FIELD_DISTRICT)
        w->district_id = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
      else
        shouhu_worker_set_field (w, f, selected == 1 || selected == 2 ? genders[selected] : "");
    }
  w->needs = 0;
  for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->need_checks[bit])))
      w->needs |= 1 << bit;
  return w;
}

/* A digest of what the fields hold now. */
static char *
fields_stamp (ShouhuWorkerEditor *self)
{
  g_autoptr(ShouhuWorker) w = collect (self);

  return shouhu_worker_stamp (w, (const gint64 *) (gpointer) self->volunteer_ids->data, self->volunteer_ids->len);
}

static gboolean try_save (ShouhuWorkerEditor *self,
                          gboolean            allow_duplicate);
static void     show_conflict (ShouhuWorkerEditor *self);

static void
duplicate_response_cb (GtkDialog          *dialog,
                       int                 response,
                       ShouhuWorkerEditor *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    try_save (self, TRUE);
  else
    gtk_widget_grab_focus (self->fields[SHOUHU_ANNEX2_FIELD_NAME]);
}

static void
ask_duplicate (ShouhuWorkerEditor *self,
               const char         *message)
{
  GtkWidget *dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                              GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                              _("Save a second record for the same person?"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", message);
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("Save _Anyway"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
try_save (ShouhuWorkerEditor *self,
          gboolean            allow_duplicate)
{
  g_autoptr(ShouhuWorker) w = collect (self);
  g_autoptr(GError) error = NULL;
  const gint64 *ids = (const gint64 *) (gpointer) self->volunteer_ids->data;
  gint64 id;

  if (self->seen != NULL)
    {
      g_autofree char *stamp = shouhu_worker_stamp (self->seen, (const gint64 *) (gpointer) self->seen_ids->data,
                                                    self->seen_ids->len);

      id = shouhu_annex2_save_edited_worker (self->store, w, ids, self->volunteer_ids->len,
                                             allow_duplicate, stamp, &error);
    }
  else
    id = shouhu_annex2_save_worker (self->store, w, ids, self->volunteer_ids->len, allow_duplicate, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      if (g_error_matches (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_DUPLICATE))
        ask_duplicate (self, error->message);
      else if (g_error_matches (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT))
        show_conflict (self);
      else if (error->domain == SHOUHU_WORKER_FIELD_ERROR && error->code < SHOUHU_ANNEX2_N_FIELDS &&
               self->fields[error->code] != NULL)
        gtk_widget_grab_focus (self->fields[error->code]);
      return FALSE;
    }

  gtk_label_set_text (self->error_label, "");
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  try_save (SHOUHU_WORKER_EDITOR (widget), FALSE);
}

/* The widget for a field of that kind. */
static GtkWidget *
make_field (ShouhuFieldKind kind)
{
  GtkWidget *widget;

  if (kind == SHOUHU_FIELD_DISTRICT)
    {
      GtkStringList *names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, "—");
      for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
        gtk_string_list_append (names, shouhu_district_get (id)->name);
      widget = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (widget), TRUE);
      gtk_drop_down_set_expression (GTK_DROP_DOWN (widget),
                                    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
    }
  else if (kind == SHOUHU_FIELD_GENDER)
    {
      /* Stored as the form writes it (男/女); shown in the UI language. */
      const char *const shown[] = {
        genders[0],
        /* Translators: 性别 in the worker editor */
        C_("gender", "Male"),
        /* Translators: 性别 in the worker editor */
        C_("gender", "Female"),
        NULL
      };

      widget = gtk_drop_down_new_from_strings (shown);
    }
  else
    {
      widget = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (widget), TRUE);
      gtk_widget_set_hexpand (widget, TRUE);
      if (kind == SHOUHU_FIELD_PHONE)
        {
          gtk_entry_set_input_purpose (GTK_ENTRY (widget), GTK_INPUT_PURPOSE_PHONE);
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("e.g. 13812345678 or 023-68881234"));
        }
    }
  return widget;
}

/* Shows @w's @field; 结对志愿者 goes through set_volunteers(). */
static void
set_field (ShouhuWorkerEditor *self,
           ShouhuAnnex2Field   field,
           const ShouhuWorker *w)
{
  ShouhuFieldKind kind = shouhu_annex2_form_column (field)->kind;

  if (kind == SHOUHU_FIELD_VOLUNTEERS)
    return;
  if (kind == SHOUHU_FIELD_DISTRICT)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[field]), (guint) w->district_id);
  else if (kind == SHOUHU_FIELD_GENDER)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[field]),
                                g_strcmp0 (w->gender, "男") == 0 ? 1 : g_strcmp0 (w->gender, "女") == 0 ? 2 : 0);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->fields[field]), shouhu_worker_get_field (w, field));
}

static void
set_volunteers (ShouhuWorkerEditor *self,
                GPtrArray          *volunteers)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->volunteer_box))) != NULL)
    gtk_flow_box_remove (self->volunteer_box, child);
  g_array_set_size (self->volunteer_ids, 0);
  g_ptr_array_set_size (self->volunteer_names, 0);
  for (guint i = 0; i < volunteers->len; i++)
    {
      ShouhuVolunteer *v = volunteers->pdata[i];
      shouhu_worker_editor_add_volunteer (self, v->id, v->name);
    }
}

static GArray *
ids_of (GPtrArray *volunteers)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < volunteers->len; i++)
    g_array_append_val (ids, ((ShouhuVolunteer *) volunteers->pdata[i])->id);
  return ids;
}

/* From now on, saving overwrites @w and nothing newer. */
static void
set_seen (ShouhuWorkerEditor *self,
          const ShouhuWorker *w,
          GPtrArray          *volunteers)
{
  g_clear_pointer (&self->seen, shouhu_worker_free);
  g_clear_pointer (&self->seen_ids, g_array_unref);
  self->seen = shouhu_worker_copy (w);
  self->seen_ids = ids_of (volunteers);
}

/* Each paired volunteer's role (保底 or a need), shown beside its name. */
static void
read_roles (ShouhuWorkerEditor *self,
            gint64              worker_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) guardians = shouhu_pairing_list (self->store, worker_id, NULL, &error);

  g_hash_table_remove_all (self->roles);
  if (guardians == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < guardians->len; i++)
    {
      const ShouhuGuardian *g = g_ptr_array_index (guardians, i);

      g_hash_table_insert (self->roles, g_memdup2 (&g->volunteer_id, sizeof (gint64)),
                           GUINT_TO_POINTER (g->role + 1));
    }
}

static void
fill (ShouhuWorkerEditor *self,
      gint64              worker_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (self->store, worker_id, &error);
  g_autoptr(GPtrArray) volunteers = NULL;

  if (w == NULL || (volunteers = shouhu_annex2_worker_volunteers (self->store, worker_id, &error)) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      return;
    }
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    set_field (self, f, w);
  for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->need_checks[bit]),
                                 w->needs > 0 && (w->needs & (1 << bit)) != 0);
  read_roles (self, worker_id);
  set_volunteers (self, volunteers);
  set_seen (self, w, volunteers);
}

/* Conflicts */

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        found = g_array_index (a, gint64, i) == g_array_index (b, gint64, j);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* A field as the editor shows it: 性别 in the UI language. */
static const char *
shown_value (const ShouhuWorker *w,
             ShouhuAnnex2Field   field)
{
  if (shouhu_annex2_form_column (field)->kind == SHOUHU_FIELD_GENDER)
    {
      if (g_strcmp0 (w->gender, "男") == 0)
        return C_("gender", "Male");
      if (g_strcmp0 (w->gender, "女") == 0)
        return C_("gender", "Female");
    }
  return shouhu_worker_get_field (w, field);
}

static char *
join_names (GPtrArray *names)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append (text, "、");
      g_string_append (text, g_ptr_array_index (names, i));
    }
  return g_string_free (text, FALSE);
}

/* Lists what another window or program changed since the record was
 * shown, beside what the user has now. */
static void
show_conflict (ShouhuWorkerEditor *self)
{
  ShouhuConflictView *view = SHOUHU_CONFLICT_VIEW (self->conflict);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuWorker) stored = shouhu_annex2_get_worker (self->store, self->worker_id, &error);
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autoptr(ShouhuWorker) yours = collect (self);
  g_autoptr(GArray) stored_ids = NULL;

  if (stored == NULL || (volunteers = shouhu_annex2_worker_volunteers (self->store, self->worker_id, &error)) == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      return;
    }

  shouhu_conflict_view_clear (view);
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_in_record (f) &&
        g_strcmp0 (shouhu_worker_get_field (self->seen, f), shouhu_worker_get_field (stored, f)) != 0)
      shouhu_conflict_view_add_row (view, shouhu_annex2_field_label (f),
                                    shown_value (yours, f), shown_value (stored, f));
  stored_ids = ids_of (volunteers);
  if (!same_ids (self->seen_ids, stored_ids))
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autofree char *mine = join_names (self->volunteer_names);
      g_autofree char *theirs = NULL;

      for (guint i = 0; i < volunteers->len; i++)
        g_ptr_array_add (names, ((ShouhuVolunteer *) volunteers->pdata[i])->name);
      theirs = join_names (names);
      shouhu_conflict_view_add_row (view, shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_VOLUNTEERS), mine, theirs);
    }

  g_clear_pointer (&self->stored, shouhu_worker_free);
  g_clear_pointer (&self->stored_volunteers, g_ptr_array_unref);
  self->stored = g_steal_pointer (&stored);
  self->stored_volunteers = g_steal_pointer (&volunteers);
  gtk_widget_set_visible (self->conflict, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reload", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.overwrite", TRUE);
}

static void
hide_conflict (ShouhuWorkerEditor *self)
{
  gtk_widget_set_visible (self->conflict, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.reload", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.overwrite", FALSE);
  g_clear_pointer (&self->stored, shouhu_worker_free);
  g_clear_pointer (&self->stored_volunteers, g_ptr_array_unref);
  gtk_label_set_text (self->error_label, "");
}

/* Takes the stored value of every field changed elsewhere (those listed)
 * and keeps what was typed in the others; the editor stays open. */
static void
reload_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWorkerEditor *self = SHOUHU_WORKER_EDITOR (widget);
  g_autoptr(GArray) stored_ids = NULL;

  if (self->stored == NULL)
    return;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_in_record (f) &&
        g_strcmp0 (shouhu_worker_get_field (self->seen, f), shouhu_worker_get_field (self->stored, f)) != 0)
      set_field (self, f, self->stored);
  stored_ids = ids_of (self->stored_volunteers);
  if (!same_ids (self->seen_ids, stored_ids))
    set_volunteers (self, self->stored_volunteers);
  set_seen (self, self->stored, self->stored_volunteers);
  hide_conflict (self);
}

/* Saves the user's values over the record as the conflict view showed
 * it: when it changed once more since, that is a conflict again. */
static void
overwrite_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ShouhuWorkerEditor *self = SHOUHU_WORKER_EDITOR (widget);

  if (self->stored == NULL)
    return;
  set_seen (self, self->stored, self->stored_volunteers);
  hide_conflict (self);
  try_save (self, FALSE);
}

/* Closing with changes */

static void
question_response_cb (GtkDialog          *dialog,
                      int                 response,
                      ShouhuWorkerEditor *self)
{
  self->question = NULL;
  /* The dialog outlives this handler, maybe the editor too: let go of
   * it while both are there. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response == GTK_RESPONSE_ACCEPT)
    try_save (self, FALSE);
  else if (response == GTK_RESPONSE_REJECT)
    {
      self->discarding = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
ask_before_closing (ShouhuWorkerEditor *self)
{
  GtkWidget *dialog;
  GtkWidget *discard;

  if (self->question != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->question));
      return;
    }
  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   self->worker_id != 0 ? _("Save the changes to this record?")
                                                        : _("Save this new record?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("What was typed is lost if the editor closes without saving."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Keep Editing"), GTK_RESPONSE_CANCEL);
  discard = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard"), GTK_RESPONSE_REJECT);
  gtk_widget_add_css_class (discard, "destructive-action");
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save"), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect (dialog, "response", G_CALLBACK (question_response_cb), self);
  self->question = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Escape, Cancel, the window manager: nothing typed is lost unasked. */
static gboolean
shouhu_worker_editor_close_request (GtkWindow *window)
{
  ShouhuWorkerEditor *self = SHOUHU_WORKER_EDITOR (window);
  g_autofree char *now = NULL;

  if (!self->discarding && self->shown_stamp != NULL)
    {
      now = fields_stamp (self);
      if (g_strcmp0 (now, self->shown_stamp) != 0)
        {
          ask_before_closing (self);
          return TRUE;
        }
    }
  return GTK_WINDOW_CLASS (shouhu_worker_editor_parent_class)->close_request (window);
}

static void
shouhu_worker_editor_dispose (GObject *object)
{
  g_clear_object (&SHOUHU_WORKER_EDITOR (object)->store);

  G_OBJECT_CLASS (shouhu_worker_editor_parent_class)->dispose (object);
}

static void
shouhu_worker_editor_finalize (GObject *object)
{
  ShouhuWorkerEditor *self = SHOUHU_WORKER_EDITOR (object);

  g_clear_pointer (&self->volunteer_ids, g_array_unref);
  g_clear_pointer (&self->roles, g_hash_table_unref);
  g_clear_pointer (&self->volunteer_names, g_ptr_array_unref);
  g_clear_pointer (&self->seen, shouhu_worker_free);
  g_clear_pointer (&self->seen_ids, g_array_unref);
  g_clear_pointer (&self->stored, shouhu_worker_free);
  g_clear_pointer (&self->stored_volunteers, g_ptr_array_unref);
  g_clear_pointer (&self->shown_stamp, g_free);

  G_OBJECT_CLASS (shouhu_worker_editor_parent_class)->finalize (object);
}

static void
shouhu_worker_editor_class_init (ShouhuWorkerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_worker_editor_dispose;
  object_class->finalize = shouhu_worker_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = shouhu_worker_editor_close_request;

  /**
   * ShouhuWorkerEditor::saved:
   * @id: the stored record's id
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
shouhu_worker_editor_init (ShouhuWorkerEditor *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label;
  int row = 0;

  self->volunteer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->volunteer_names = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 620, -1);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "editor.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), self->save_button);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 18, "margin-bottom", 18, NULL);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);

  /* The form's fields in its order; the paired volunteers, chosen
   * rather than typed, come last. */
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const ShouhuFormColumn *column = shouhu_annex2_form_column (f);
      g_autofree char *text = NULL;

      if (column->kind == SHOUHU_FIELD_VOLUNTEERS)
        continue;
      text = column->required ? g_strdup_printf ("%s *", shouhu_form_column_label (column))
                              : g_strdup (shouhu_form_column_label (column));
      self->fields[f] = make_field (column->kind);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->fields[f]);
      gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), self->fields[f], 1, row, 1, 1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->fields[f]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, shouhu_form_column_label (column), -1);
      row++;
    }
  g_signal_connect_swapped (self->fields[SHOUHU_ANNEX2_FIELD_DISTRICT], "notify::selected",
                            G_CALLBACK (district_changed_cb), self);

  /* 家庭需求: what the district registered for the family ("1+N"). */
  label = gtk_label_new (_("Family needs"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  {
    GtkWidget *flow = gtk_flow_box_new ();

    gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
    gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 7);
    gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 4);
    for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
      {
        self->need_checks[bit] = gtk_check_button_new_with_label (shouhu_family_need_label (1 << bit));
        gtk_flow_box_append (GTK_FLOW_BOX (flow), self->need_checks[bit]);
      }
    gtk_accessible_update_relation (GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
    gtk_grid_attach (GTK_GRID (grid), flow, 1, row, 1, 1);
  }
  row++;

  label = gtk_label_new (shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_VOLUNTEERS));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  {
    GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

    self->volunteer_box = GTK_FLOW_BOX (gtk_flow_box_new ());
    gtk_flow_box_set_selection_mode (self->volunteer_box, GTK_SELECTION_NONE);
    gtk_flow_box_set_max_children_per_line (self->volunteer_box, 4);
    gtk_box_append (GTK_BOX (vbox), GTK_WIDGET (self->volunteer_box));

    self->pair_button = gtk_menu_button_new ();
    gtk_menu_button_set_label (GTK_MENU_BUTTON (self->pair_button), _("_Pair a Volunteer…"));
    gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->pair_button), TRUE);
    /* The button sits at the bottom of the editor: below it the chooser
     * would not fit on a 1280×800 screen, beside it it does. */
    gtk_menu_button_set_direction (GTK_MENU_BUTTON (self->pair_button), GTK_ARROW_RIGHT);
    gtk_widget_set_halign (self->pair_button, GTK_ALIGN_START);
    gtk_box_append (GTK_BOX (vbox), self->pair_button);
    gtk_grid_attach (GTK_GRID (grid), vbox, 1, row, 1, 1);
  }
  gtk_box_append (GTK_BOX (box), grid);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  /* Below the message that says what happened. */
  self->conflict = shouhu_conflict_view_new ("editor.reload", "editor.overwrite");
  gtk_box_append (GTK_BOX (box), self->conflict);
  hide_conflict (self);

  gtk_window_set_child (GTK_WINDOW (self), box);
  shouhu_accessible_name_inner_buttons (box);
  /* The fields' names, without the mark of a required one. */
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (GTK_IS_DROP_DOWN (self->fields[f]))
      shouhu_accessible_name_inner_button (self->fields[f], shouhu_annex2_field_label (f));
}

/**
 * shouhu_worker_editor_new:
 * @worker_id: the record to edit, or 0 for a new one
 * @district_id: for a new record, its 区县 (0 to let the user choose)
 */
ShouhuWorkerEditor *
shouhu_worker_editor_new (GtkWindow   *parent,
                          ShouhuStore *store,
                          gint64       worker_id,
                          int          district_id)
{
  ShouhuWorkerEditor *self = g_object_new (SHOUHU_TYPE_WORKER_EDITOR,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                           "transient-for", parent,
                                           "title", worker_id == 0 ? _("New Frontline Worker")
                                                                   : _("Edit Frontline Worker"),
                                           NULL);

  self->store = g_object_ref (store);
  self->worker_id = worker_id;
  self->chooser = shouhu_volunteer_chooser_new (store);
  g_signal_connect (self->chooser, "chosen", G_CALLBACK (chosen_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->pair_button), self->chooser);

  if (worker_id != 0)
    fill (self, worker_id);
  else if (district_id > 0)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[SHOUHU_ANNEX2_FIELD_DISTRICT]), (guint) district_id);

  gtk_widget_grab_focus (self->fields[district_id > 0 || worker_id != 0 ? SHOUHU_ANNEX2_FIELD_HOSPITAL
                                                                        : SHOUHU_ANNEX2_FIELD_DISTRICT]);
  self->shown_stamp = fields_stamp (self);
  return self;
}

/* The widget of @field: a GtkDropDown for 区县 and 性别, else a GtkEntry;
 * %NULL for 结对志愿者. */
GtkWidget *
shouhu_worker_editor_get_field (ShouhuWorkerEditor *self,
                                ShouhuAnnex2Field   field)
{
  g_return_val_if_fail (field < SHOUHU_ANNEX2_N_FIELDS, NULL);
  return self->fields[field];
}

/* As Enter does; the window closes when the record was stored. */
gboolean
shouhu_worker_editor_save (ShouhuWorkerEditor *self)
{
  return try_save (self, FALSE);
}

const char *
shouhu_worker_editor_get_error (ShouhuWorkerEditor *self)
{
  return gtk_label_get_text (self->error_label);
}

/**
 * shouhu_worker_editor_get_question:
 *
 * Returns: (transfer none) (nullable): the question asked before closing
 *   with changes (a GtkDialog: %GTK_RESPONSE_ACCEPT saves,
 *   %GTK_RESPONSE_REJECT discards, %GTK_RESPONSE_CANCEL goes on editing)
 */
GtkWindow *
shouhu_worker_editor_get_question (ShouhuWorkerEditor *self)
{
  g_return_val_if_fail (SHOUHU_IS_WORKER_EDITOR (self), NULL);
  return self->question != NULL ? GTK_WINDOW (self->question) : NULL;
}

/**
 * shouhu_worker_editor_get_shown:
 * @volunteer_ids: (out) (transfer none) (optional): its volunteers' ids
 *
 * What a save overwrites: the record as stored when the editor showed it
 * (or when the user chose to overwrite a change made elsewhere).  The
 * handler of ::saved reads it to undo the save.
 *
 * Returns: (nullable): the record, %NULL for a new one
 */
const ShouhuWorker *
shouhu_worker_editor_get_shown (ShouhuWorkerEditor  *self,
                                GArray             **volunteer_ids)
{
  g_return_val_if_fail (SHOUHU_IS_WORKER_EDITOR (self), NULL);

  if (volunteer_ids != NULL)
    *volunteer_ids = self->seen_ids;
  return self->seen;
}

/* What changed elsewhere, shown after a save found a conflict (hidden
 * otherwise); its buttons are the actions editor.reload and
 * editor.overwrite. */
GtkWidget *
shouhu_worker_editor_get_conflict (ShouhuWorkerEditor *self)
{
  g_return_val_if_fail (SHOUHU_IS_WORKER_EDITOR (self), NULL);
  return self->conflict;
}

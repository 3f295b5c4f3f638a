/* shouhu-service-dialog.c — records one service in the ledger, or edits one
 *
 * Keyboard first, like the worker editor: the focus starts in 服务内容
 * with the family, its first paired volunteer, today and the kind used
 * last already filled in, so that a phone call is typed and saved with
 * Enter.  Ctrl+1 … Ctrl+6 choose the kind, Tab goes through the fields,
 * Enter saves from any line, Ctrl+S also from the story, Escape cancels.
 * A rejected field gets the focus and the message names it.
 *
 * Opened for a family (a worker's row), the volunteers offered are those
 * paired with it, the first one ticked; any other volunteer can be added.
 * Opened for a volunteer (a volunteer's row), the family is chosen among
 * those the volunteer guards.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-service-dialog.h"
#include "shouhu-settings.h"
#include "shouhu-volunteer.h"
#include "shouhu-volunteer-chooser.h"

struct _ShouhuServiceDialog
{
  GtkWindow    parent_instance;

  ShouhuStore *store;
  gint64       service_id;     /* 0 for a new record */
  gint64       worker_id;
  gint64       volunteer_id;   /* the volunteer it was opened for, or 0 */
  gboolean     cannot_save;    /* the record or the families could not be read */
  GArray      *families;       /* gint64, beside the family dropdown's items */
  GArray      *candidates;     /* gint64, beside the volunteer check buttons */
  GPtrArray   *checks;         /* GtkCheckButton, owned by the flow box */

  GtkWidget   *fields[SHOUHU_N_SERVICE_FIELDS];
  GtkWidget   *family_box;
  GtkWidget   *other_button;
  GtkWidget   *chooser;
  GtkWidget   *story_label;
  GtkWidget   *story_scroller;
  GtkLabel    *error_label;
  GtkWidget   *save_button;
};

G_DEFINE_FINAL_TYPE (ShouhuServiceDialog, shouhu_service_dialog, GTK_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define DEFAULT_MINUTES 30

/* Volunteers */

static GtkCheckButton *
find_check (ShouhuServiceDialog *self,
            gint64               volunteer_id)
{
  for (guint i = 0; i < self->candidates->len; i++)
    if (g_array_index (self->candidates, gint64, i) == volunteer_id)
      return self->checks->pdata[i];
  return NULL;
}

/* The volunteer's name, and 待上岗 with what is missing when not ready
 * today: the notice lets nobody untrained or unequipped go on duty, and
 * the ledger shows it where it happened. */
static char *
candidate_label (ShouhuServiceDialog *self,
                 gint64               volunteer_id,
                 const char          *name)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (self->store, volunteer_id, NULL);
  ShouhuReadiness readiness;
  g_autofree char *state = NULL;

  if (v == NULL)
    return g_strdup (name);
  readiness = shouhu_volunteer_readiness (v, NULL);
  if (readiness.ready)
    return g_strdup (name);
  state = shouhu_readiness_label (&readiness);
  /* Translators: a volunteer in the service dialog: name (readiness) */
  return g_strdup_printf (_("%s (%s)"), name, state);
}

static GtkCheckButton *
add_candidate (ShouhuServiceDialog *self,
               gint64               volunteer_id,
               const char          *name)
{
  GtkCheckButton *check = find_check (self, volunteer_id);
  g_autofree char *label = NULL;

  if (check != NULL)
    return check;
  label = candidate_label (self, volunteer_id, name);
  check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label));
  g_array_append_val (self->candidates, volunteer_id);
  g_ptr_array_add (self->checks, check);
  gtk_flow_box_append (GTK_FLOW_BOX (self->fields[SHOUHU_SERVICE_FIELD_VOLUNTEERS]), GTK_WIDGET (check));
  return check;
}

static void
clear_candidates (ShouhuServiceDialog *self)
{
  GtkFlowBox *box = GTK_FLOW_BOX (self->fields[SHOUHU_SERVICE_FIELD_VOLUNTEERS]);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
  g_array_set_size (self->candidates, 0);
  g_ptr_array_set_size (self->checks, 0);
}

static void
show_error (ShouhuServiceDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
}

/* The family's paired volunteers; the first is ticked, as is @also. */
static void
offer_volunteers (ShouhuServiceDialog *self,
                  gint64               also)
{
  g_autoptr(GPtrArray) paired = NULL;
  g_autoptr(GError) error = NULL;

  clear_candidates (self);
  if (self->worker_id == 0)
    return;
  paired = shouhu_annex2_worker_volunteers (self->store, self->worker_id, &error);
  if (paired == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < paired->len; i++)
    {
      const ShouhuVolunteer *v = paired->pdata[i];
      GtkCheckButton *check = add_candidate (self, v->id, v->name);

      gtk_check_button_set_active (check, also == 0 ? i == 0 : v->id == also);
    }
  if (also != 0)
    shouhu_service_dialog_set_volunteer (self, also, TRUE);
}

static void
chosen_cb (ShouhuVolunteerChooser *chooser,
           gint64                  id,
           const char             *name,
           ShouhuServiceDialog    *self)
{
  gtk_check_button_set_active (add_candidate (self, id, name), TRUE);
}

/* Family */

static void
set_family (ShouhuServiceDialog *self,
            gint64               worker_id,
            gint64               volunteer)
{
  g_autoptr(ShouhuWorker) w = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  self->worker_id = worker_id;
  w = worker_id != 0 ? shouhu_annex2_get_worker (self->store, worker_id, &error) : NULL;
  if (w == NULL)
    {
      if (error != NULL)
        show_error (self, error->message);
      return;
    }
  shouhu_volunteer_chooser_set_district (SHOUHU_VOLUNTEER_CHOOSER (self->chooser), w->district_id);
  if (self->service_id == 0)
    {
      /* Translators: title of the dialog that records a service; %s is the worker's name */
      title = g_strdup_printf (_("Record a Service for %s"), w->name);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  offer_volunteers (self, volunteer);
}

static char *
family_text (const ShouhuWorker *w)
{
  const ShouhuDistrict *d = shouhu_district_get (w->district_id);

  /* Translators: a family in the service dialog: name (district, hospital) */
  return g_strdup_printf (_("%s (%s, %s)"), w->name, d != NULL ? d->name : "", w->hospital);
}

static void
family_selected_cb (GtkDropDown         *dropdown,
                    GParamSpec          *pspec,
                    ShouhuServiceDialog *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  if (i < self->families->len)
    set_family (self, g_array_index (self->families, gint64, i), self->volunteer_id);
}

/* The families @volunteer_id guards, to choose from. */
static void
offer_families (ShouhuServiceDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = shouhu_annex2_volunteer_workers (self->store, self->volunteer_id, &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  if (ids == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (self->store, id, NULL);
      g_autofree char *text = w != NULL ? family_text (w) : NULL;

      if (text == NULL)
        continue;
      g_array_append_val (self->families, id);
      gtk_string_list_append (names, text);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  self->fields[SHOUHU_SERVICE_FIELD_FAMILY] = dropdown;
  gtk_box_append (GTK_BOX (self->family_box), dropdown);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (family_selected_cb), self);

  if (self->families->len == 0)
    {
      g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (self->store, self->volunteer_id, NULL);
      g_autofree char *message =
        g_strdup_printf (_("%s guards no family yet: pair the volunteer with a family on the Annex 2 page first"),
                         v != NULL ? v->name : "");

      show_error (self, message);
      self->cannot_save = TRUE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.save", FALSE);
      return;
    }
  set_family (self, g_array_index (self->families, gint64, 0), self->volunteer_id);
}

static void
show_family (ShouhuServiceDialog *self)
{
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (self->store, self->worker_id, NULL);
  g_autofree char *text = w != NULL ? family_text (w) : g_strdup ("");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  self->fields[SHOUHU_SERVICE_FIELD_FAMILY] = label;
  gtk_box_append (GTK_BOX (self->family_box), label);
}

/* Reading the form */

static char *
story_text (ShouhuServiceDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[SHOUHU_SERVICE_FIELD_STORY]));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (ShouhuServiceDialog *self,
            ShouhuServiceField   field)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->fields[field]));
}

static gboolean
is_active (ShouhuServiceDialog *self,
           ShouhuServiceField   field)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->fields[field]));
}

static ShouhuService *
collect (ShouhuServiceDialog *self)
{
  ShouhuService *s = shouhu_service_new ();
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->fields[SHOUHU_SERVICE_FIELD_KIND]));

  s->id = self->service_id;
  s->worker_id = self->worker_id;
  for (guint i = 0; i < self->candidates->len; i++)
    if (gtk_check_button_get_active (self->checks->pdata[i]))
      shouhu_service_add_volunteer (s, g_array_index (self->candidates, gint64, i));
  g_free (s->day);
  s->day = g_strdup (entry_text (self, SHOUHU_SERVICE_FIELD_DAY));
  s->kind = kind == GTK_INVALID_LIST_POSITION ? SHOUHU_SERVICE_KIND_NONE : (ShouhuServiceKind) (kind + 1);
  g_free (s->content);
  s->content = g_strdup (entry_text (self, SHOUHU_SERVICE_FIELD_CONTENT));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->fields[SHOUHU_SERVICE_FIELD_MINUTES]));
  s->minutes = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->fields[SHOUHU_SERVICE_FIELD_MINUTES]));
  g_free (s->need);
  s->need = g_strdup (entry_text (self, SHOUHU_SERVICE_FIELD_NEED));
  s->solved = is_active (self, SHOUHU_SERVICE_FIELD_SOLVED);
  s->typical = is_active (self, SHOUHU_SERVICE_FIELD_TYPICAL);
  g_free (s->story);
  s->story = story_text (self);
  return s;
}

static void
focus_field (ShouhuServiceDialog *self,
             ShouhuServiceField   field)
{
  if (field == SHOUHU_SERVICE_FIELD_VOLUNTEERS && self->checks->len > 0)
    gtk_widget_grab_focus (self->checks->pdata[0]);
  else if (field == SHOUHU_SERVICE_FIELD_VOLUNTEERS)
    gtk_widget_grab_focus (self->other_button);
  else if (self->fields[field] != NULL)
    gtk_widget_grab_focus (self->fields[field]);
}

static gboolean
try_save (ShouhuServiceDialog *self)
{
  g_autoptr(ShouhuService) s = collect (self);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(ShouhuWorker) w = NULL;
  gint64 id;

  if (self->cannot_save)
    return FALSE;
  id = shouhu_ledger_save (self->store, s, &error);
  if (id == 0)
    {
      show_error (self, error->message);
      if (error->domain == SHOUHU_SERVICE_FIELD_ERROR && error->code < SHOUHU_N_SERVICE_FIELDS)
        focus_field (self, (ShouhuServiceField) error->code);
      return FALSE;
    }

  shouhu_settings_set_last_service_kind (shouhu_service_kind_key (s->kind));
  w = shouhu_annex2_get_worker (self->store, s->worker_id, NULL);
  if (parent != NULL && w != NULL)
    {
      /* Translators: %s is the worker's name */
      g_autofree char *message = g_strdup_printf (self->service_id == 0 ? _("Recorded the service for %s")
                                                                        : _("Saved the service record of %s"),
                                                  w->name);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.notify", "s", message);
    }
  show_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* Callbacks and actions */

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  try_save (SHOUHU_SERVICE_DIALOG (widget));
}

static void
kind_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuServiceDialog *self = SHOUHU_SERVICE_DIALOG (widget);
  int kind = g_variant_get_int32 (parameter);

  if (kind >= SHOUHU_SERVICE_CARE && kind <= SHOUHU_SERVICE_OTHER)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[SHOUHU_SERVICE_FIELD_KIND]), (guint) kind - 1);
}

static void
need_changed_cb (ShouhuServiceDialog *self)
{
  const char *need = entry_text (self, SHOUHU_SERVICE_FIELD_NEED);

  gtk_widget_set_sensitive (self->fields[SHOUHU_SERVICE_FIELD_SOLVED], need[0] != '\0');
}

static void
typical_toggled_cb (ShouhuServiceDialog *self)
{
  gboolean typical = is_active (self, SHOUHU_SERVICE_FIELD_TYPICAL);

  gtk_widget_set_visible (self->story_label, typical);
  gtk_widget_set_visible (self->story_scroller, typical);
}

/* GObject */

static void
shouhu_service_dialog_dispose (GObject *object)
{
  g_clear_object (&SHOUHU_SERVICE_DIALOG (object)->store);

  G_OBJECT_CLASS (shouhu_service_dialog_parent_class)->dispose (object);
}

static void
shouhu_service_dialog_finalize (GObject *object)
{
  ShouhuServiceDialog *self = SHOUHU_SERVICE_DIALOG (object);

  g_clear_pointer (&self->families, g_array_unref);
  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (shouhu_service_dialog_parent_class)->finalize (object);
}

static void
shouhu_service_dialog_class_init (ShouhuServiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_service_dialog_dispose;
  object_class->finalize = shouhu_service_dialog_finalize;

  /**
   * ShouhuServiceDialog::saved:
   * @id: the stored record's id
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "service.save", NULL, save_action_cb);
  gtk_widget_class_install_action (widget_class, "service.kind", "i", kind_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "service.save", NULL);
  for (int kind = SHOUHU_SERVICE_CARE; kind <= SHOUHU_SERVICE_OTHER; kind++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + kind - 1, GDK_CONTROL_MASK,
                                         "service.kind", "i", kind);
}

static GtkWidget *
make_field (ShouhuServiceDialog *self,
            ShouhuServiceField   field)
{
  GtkWidget *widget = NULL;

  switch (field)
    {
    case SHOUHU_SERVICE_FIELD_VOLUNTEERS:
      widget = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (widget), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (widget), 4);
      break;
    case SHOUHU_SERVICE_FIELD_KIND:
      {
        const char *labels[SHOUHU_N_SERVICE_KINDS + 1] = { NULL, };

        for (int k = SHOUHU_SERVICE_CARE; k <= SHOUHU_SERVICE_OTHER; k++)
          labels[k - 1] = shouhu_service_kind_label (k);
        widget = gtk_drop_down_new_from_strings (labels);
        gtk_widget_set_tooltip_text (widget, _("Ctrl+1 to Ctrl+6 choose the kind from anywhere in the dialog"));
      }
      break;
    case SHOUHU_SERVICE_FIELD_MINUTES:
      widget = gtk_spin_button_new_with_range (1, SHOUHU_SERVICE_MAX_MINUTES, 5);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), DEFAULT_MINUTES);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (widget), TRUE);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      /* GTK 4.8's spin button has no "activate" of its own: Enter in its
       * text saves like in the other lines (collect() reads what was typed). */
      gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (widget))), TRUE);
      break;
    case SHOUHU_SERVICE_FIELD_SOLVED:
      widget = gtk_check_button_new_with_mnemonic (_("_Solved"));
      gtk_widget_set_sensitive (widget, FALSE);
      break;
    case SHOUHU_SERVICE_FIELD_TYPICAL:
      widget = gtk_check_button_new_with_mnemonic (_("Mark as a _typical case (先进典型) to report upward"));
      g_signal_connect_swapped (widget, "toggled", G_CALLBACK (typical_toggled_cb), self);
      break;
    case SHOUHU_SERVICE_FIELD_STORY:
      widget = gtk_text_view_new ();
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (widget), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (widget), FALSE);
      break;
    case SHOUHU_SERVICE_FIELD_DAY:
    case SHOUHU_SERVICE_FIELD_CONTENT:
    case SHOUHU_SERVICE_FIELD_NEED:
      widget = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (widget), TRUE);
      gtk_widget_set_hexpand (widget, TRUE);
      if (field == SHOUHU_SERVICE_FIELD_DAY)
        gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("e.g. 2020-02-10"));
      else if (field == SHOUHU_SERVICE_FIELD_NEED)
        {
          gtk_entry_set_placeholder_text (GTK_ENTRY (widget), _("What the family asked for, if anything"));
          g_signal_connect_swapped (widget, "changed", G_CALLBACK (need_changed_cb), self);
        }
      break;
    case SHOUHU_SERVICE_FIELD_FAMILY:
    case SHOUHU_N_SERVICE_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  shouhu_service_field_label (field), -1);
  return widget;
}

static GtkWidget *
add_label (GtkGrid    *grid,
           int         row,
           const char *text,
           GtkWidget  *mnemonic)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), mnemonic != NULL && GTK_IS_ENTRY (mnemonic) ? 0.5 : 0);
  if (mnemonic != NULL)
    gtk_label_set_mnemonic_widget (GTK_LABEL (label), mnemonic);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  return label;
}

static void
build_form (ShouhuServiceDialog *self,
            GtkGrid             *grid)
{
  GtkWidget *box;
  int row = 0;

  self->family_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  add_label (grid, row, _("Family"), NULL);
  gtk_grid_attach (grid, self->family_box, 1, row++, 1, 1);

  self->fields[SHOUHU_SERVICE_FIELD_VOLUNTEERS] = make_field (self, SHOUHU_SERVICE_FIELD_VOLUNTEERS);
  self->other_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->other_button), _("_Other Volunteer…"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->other_button), TRUE);
  gtk_menu_button_set_direction (GTK_MENU_BUTTON (self->other_button), GTK_ARROW_RIGHT);
  gtk_widget_set_halign (self->other_button, GTK_ALIGN_START);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), self->fields[SHOUHU_SERVICE_FIELD_VOLUNTEERS]);
  gtk_box_append (GTK_BOX (box), self->other_button);
  add_label (grid, row, _("Volunteers"), NULL);
  gtk_grid_attach (grid, box, 1, row++, 1, 1);

  for (ShouhuServiceField f = SHOUHU_SERVICE_FIELD_DAY; f <= SHOUHU_SERVICE_FIELD_NEED; f++)
    {
      static const char *const mnemonics[] = {
        [SHOUHU_SERVICE_FIELD_DAY] = N_("_Date"),
        [SHOUHU_SERVICE_FIELD_KIND] = N_("_Kind"),
        [SHOUHU_SERVICE_FIELD_CONTENT] = N_("_What Was Done"),
        [SHOUHU_SERVICE_FIELD_MINUTES] = N_("_Minutes"),
        [SHOUHU_SERVICE_FIELD_NEED] = N_("_Need Raised"),
      };

      self->fields[f] = make_field (self, f);
      add_label (grid, row, _(mnemonics[f]), self->fields[f]);
      if (f == SHOUHU_SERVICE_FIELD_NEED)
        {
          self->fields[SHOUHU_SERVICE_FIELD_SOLVED] = make_field (self, SHOUHU_SERVICE_FIELD_SOLVED);
          box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
          gtk_box_append (GTK_BOX (box), self->fields[f]);
          gtk_box_append (GTK_BOX (box), self->fields[SHOUHU_SERVICE_FIELD_SOLVED]);
          gtk_grid_attach (grid, box, 1, row++, 1, 1);
        }
      else
        gtk_grid_attach (grid, self->fields[f], 1, row++, 1, 1);
    }

  self->fields[SHOUHU_SERVICE_FIELD_TYPICAL] = make_field (self, SHOUHU_SERVICE_FIELD_TYPICAL);
  gtk_grid_attach (grid, self->fields[SHOUHU_SERVICE_FIELD_TYPICAL], 1, row++, 1, 1);

  self->fields[SHOUHU_SERVICE_FIELD_STORY] = make_field (self, SHOUHU_SERVICE_FIELD_STORY);
  self->story_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->story_scroller), 90);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->story_scroller), self->fields[SHOUHU_SERVICE_FIELD_STORY]);
  gtk_widget_add_css_class (self->story_scroller, "frame");
  self->story_label = add_label (grid, row, _("St_ory"), self->fields[SHOUHU_SERVICE_FIELD_STORY]);
  gtk_grid_attach (grid, self->story_scroller, 1, row++, 1, 1);
  typical_toggled_cb (self);
}

static void
shouhu_service_dialog_init (ShouhuServiceDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *grid = gtk_grid_new ();

  self->families = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 600, -1);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "service.save");
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
  build_form (self, GTK_GRID (grid));
  gtk_box_append (GTK_BOX (box), grid);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_window_set_child (GTK_WINDOW (self), box);
}

static ShouhuServiceDialog *
dialog_new (GtkWindow   *parent,
            ShouhuStore *store,
            const char  *title)
{
  ShouhuServiceDialog *self = g_object_new (SHOUHU_TYPE_SERVICE_DIALOG,
                                            "transient-for", parent,
                                            "title", title,
                                            NULL);

  self->store = g_object_ref (store);
  self->chooser = shouhu_volunteer_chooser_new (store);
  g_signal_connect (self->chooser, "chosen", G_CALLBACK (chosen_cb), self);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->other_button), self->chooser);
  return self;
}

/* Public API */

/**
 * shouhu_service_dialog_new:
 * @worker_id: the family, or 0 to choose among those @volunteer_id guards
 * @volunteer_id: the volunteer who did the service, or 0 for the family's
 *   first paired volunteer
 *
 * A dialog that records a new service: today, the kind recorded last.
 */
ShouhuServiceDialog *
shouhu_service_dialog_new (GtkWindow   *parent,
                           ShouhuStore *store,
                           gint64       worker_id,
                           gint64       volunteer_id)
{
  ShouhuServiceDialog *self = dialog_new (parent, store, _("Record a Service"));
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *last_kind = shouhu_settings_dup_last_service_kind ();
  ShouhuServiceKind kind = shouhu_service_kind_from_key (last_kind);

  g_return_val_if_fail (worker_id != 0 || volunteer_id != 0, self);

  self->volunteer_id = volunteer_id;
  gtk_editable_set_text (GTK_EDITABLE (self->fields[SHOUHU_SERVICE_FIELD_DAY]), today);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[SHOUHU_SERVICE_FIELD_KIND]),
                              kind != SHOUHU_SERVICE_KIND_NONE ? (guint) kind - 1 : SHOUHU_SERVICE_GREETING - 1);
  if (worker_id != 0)
    {
      self->worker_id = worker_id;
      show_family (self);
      set_family (self, worker_id, volunteer_id);
    }
  else
    offer_families (self);
  gtk_widget_grab_focus (self->fields[SHOUHU_SERVICE_FIELD_CONTENT]);
  return self;
}

/**
 * shouhu_service_dialog_new_edit:
 *
 * A dialog that edits a stored service record.
 */
ShouhuServiceDialog *
shouhu_service_dialog_new_edit (GtkWindow   *parent,
                                ShouhuStore *store,
                                gint64       service_id)
{
  ShouhuServiceDialog *self = dialog_new (parent, store, _("Edit Service Record"));
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuService) s = shouhu_ledger_get (store, service_id, &error);

  self->service_id = service_id;
  if (s == NULL)
    {
      show_error (self, error->message);
      self->cannot_save = TRUE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "service.save", FALSE);
      return self;
    }
  self->worker_id = s->worker_id;
  show_family (self);
  set_family (self, s->worker_id, 0);
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (self->checks->pdata[i], FALSE);
  for (guint i = 0; i < s->volunteer_ids->len; i++)
    shouhu_service_dialog_set_volunteer (self, g_array_index (s->volunteer_ids, gint64, i), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[SHOUHU_SERVICE_FIELD_DAY]), s->day);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->fields[SHOUHU_SERVICE_FIELD_KIND]), (guint) s->kind - 1);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[SHOUHU_SERVICE_FIELD_CONTENT]), s->content);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->fields[SHOUHU_SERVICE_FIELD_MINUTES]), s->minutes);
  gtk_editable_set_text (GTK_EDITABLE (self->fields[SHOUHU_SERVICE_FIELD_NEED]), s->need);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->fields[SHOUHU_SERVICE_FIELD_SOLVED]), s->solved);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->fields[SHOUHU_SERVICE_FIELD_TYPICAL]), s->typical);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->fields[SHOUHU_SERVICE_FIELD_STORY])),
                            s->story, -1);
  gtk_widget_grab_focus (self->fields[SHOUHU_SERVICE_FIELD_CONTENT]);
  return self;
}

/* The widget of @field: a GtkLabel or, opened for a volunteer, a
 * GtkDropDown for the family; a GtkFlowBox of check buttons for the
 * volunteers; GtkEntry, GtkDropDown (kind), GtkSpinButton (minutes),
 * GtkCheckButton (solved, typical), GtkTextView (story). */
GtkWidget *
shouhu_service_dialog_get_field (ShouhuServiceDialog *self,
                                 ShouhuServiceField   field)
{
  g_return_val_if_fail (SHOUHU_IS_SERVICE_DIALOG (self), NULL);
  g_return_val_if_fail (field < SHOUHU_N_SERVICE_FIELDS, NULL);
  return self->fields[field];
}

/* Ticks (or unticks) a volunteer, offering it first if it is not. */
void
shouhu_service_dialog_set_volunteer (ShouhuServiceDialog *self,
                                     gint64               volunteer_id,
                                     gboolean             done)
{
  GtkCheckButton *check = find_check (self, volunteer_id);

  g_return_if_fail (SHOUHU_IS_SERVICE_DIALOG (self));

  if (check == NULL)
    {
      g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (self->store, volunteer_id, NULL);

      if (v == NULL)
        return;
      check = add_candidate (self, volunteer_id, v->name);
    }
  gtk_check_button_set_active (check, done);
}

/* As Enter does; the dialog closes when the record was stored. */
gboolean
shouhu_service_dialog_save (ShouhuServiceDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_SERVICE_DIALOG (self), FALSE);
  return try_save (self);
}

const char *
shouhu_service_dialog_get_error (ShouhuServiceDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_SERVICE_DIALOG (self), NULL);
  return gtk_label_get_text (self->error_label);
}

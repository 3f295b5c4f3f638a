/* shouhu-volunteer-merge-dialog.c — merges two records of one volunteer
 *
 * The same person often comes in twice: once from the school's list,
 * once typed in the chooser.  The dialog shows both records side by side,
 * values that differ in bold, with their readiness and the families each
 * guards, and lets the user choose the record that stays.  The merge
 * itself is core's (shouhu_annex2_merge_volunteers()): the kept record's
 * values first, the other's where it has none, every family of both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-volunteer-merge-dialog.h"
#include "shouhu-volunteer-text.h"

struct _ShouhuVolunteerMergeDialog
{
  GtkWindow        parent_instance;

  ShouhuStore     *store;
  ShouhuVolunteer *records[2];
  GtkWidget       *keep[2];      /* GtkCheckButton, grouped */
  GtkWidget       *values[2][SHOUHU_N_VOLUNTEER_FIELDS];
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (ShouhuVolunteerMergeDialog, shouhu_volunteer_merge_dialog, GTK_TYPE_WINDOW)

enum {
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
value_label (const char *text,
             gboolean    differs)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (differs)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
name_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The rows: the name, what matters most in choosing (readiness, the
 * families guarded), then every field either record has. */
static gboolean
fill_grid (ShouhuVolunteerMergeDialog  *self,
           GtkGrid                     *grid,
           GError                     **error)
{
  int row = 2;
  guint n_families[2];

  /* Translators: a row of the merge dialog: 上岗状态 */
  gtk_grid_attach (grid, name_label (_("Readiness")), 0, row, 1, 1);
  /* Translators: a row of the merge dialog: 守护家庭数 */
  gtk_grid_attach (grid, name_label (_("Families Guarded")), 0, row + 1, 1, 1);
  for (guint side = 0; side < 2; side++)
    {
      ShouhuReadiness r = shouhu_volunteer_readiness (self->records[side], NULL);
      g_autofree char *status = shouhu_readiness_label (&r);
      g_autoptr(GArray) workers = shouhu_annex2_volunteer_workers (self->store, self->records[side]->id, error);
      g_autofree char *families = NULL;
      GtkWidget *label = value_label (status, FALSE);

      if (workers == NULL)
        return FALSE;
      n_families[side] = workers->len;
      families = g_strdup_printf ("%u", workers->len);
      shouhu_readiness_style (label, &r);
      gtk_grid_attach (grid, label, (int) side + 1, row, 1, 1);
      gtk_grid_attach (grid, value_label (families, FALSE), (int) side + 1, row + 1, 1, 1);
    }

  row += 2;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      g_autofree char *a = shouhu_volunteer_display_field (self->records[0], f);
      g_autofree char *b = shouhu_volunteer_display_field (self->records[1], f);
      gboolean differs = g_strcmp0 (a, b) != 0;
      int at;

      if (*a == '\0' && *b == '\0')
        continue;
      at = f == SHOUHU_VOLUNTEER_FIELD_NAME ? 1 : row++;
      gtk_grid_attach (grid, name_label (shouhu_volunteer_field_label (f)), 0, at, 1, 1);
      self->values[0][f] = value_label (a, differs);
      self->values[1][f] = value_label (b, differs);
      gtk_grid_attach (grid, self->values[0][f], 1, at, 1, 1);
      gtk_grid_attach (grid, self->values[1][f], 2, at, 1, 1);
    }

  /* The record that guards more families stays, else the older one. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->keep[n_families[1] > n_families[0] ||
                                                           (n_families[1] == n_families[0] &&
                                                            self->records[1]->id < self->records[0]->id)]),
                               TRUE);
  return TRUE;
}

static void
merge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shouhu_volunteer_merge_dialog_merge (SHOUHU_VOLUNTEER_MERGE_DIALOG (widget));
}

static void
shouhu_volunteer_merge_dialog_dispose (GObject *object)
{
  g_clear_object (&SHOUHU_VOLUNTEER_MERGE_DIALOG (object)->store);

  G_OBJECT_CLASS (shouhu_volunteer_merge_dialog_parent_class)->dispose (object);
}

static void
shouhu_volunteer_merge_dialog_finalize (GObject *object)
{
  ShouhuVolunteerMergeDialog *self = SHOUHU_VOLUNTEER_MERGE_DIALOG (object);

  g_clear_pointer (&self->records[0], shouhu_volunteer_free);
  g_clear_pointer (&self->records[1], shouhu_volunteer_free);

  G_OBJECT_CLASS (shouhu_volunteer_merge_dialog_parent_class)->finalize (object);
}

static void
shouhu_volunteer_merge_dialog_class_init (ShouhuVolunteerMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_volunteer_merge_dialog_dispose;
  object_class->finalize = shouhu_volunteer_merge_dialog_finalize;

  /**
   * ShouhuVolunteerMergeDialog::merged:
   * @keep_id: the record that stayed
   * @merge_id: what shouhu_annex2_undo_merge() takes to undo it
   * @message: what was done, for a notification
   */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_volunteer_merge_dialog_init (ShouhuVolunteerMergeDialog *self)
{
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *merge = gtk_button_new_with_mnemonic (_("_Merge"));

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Merge Two Records of One Volunteer"));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (merge), "merge.merge");
  gtk_widget_add_css_class (merge, "destructive-action");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), cancel);
  gtk_header_bar_pack_end (GTK_HEADER_BAR (header), merge);
  gtk_header_bar_set_show_title_buttons (GTK_HEADER_BAR (header), FALSE);
  gtk_window_set_titlebar (GTK_WINDOW (self), header);
  gtk_window_set_default_widget (GTK_WINDOW (self), merge);
}

/**
 * shouhu_volunteer_merge_dialog_new:
 * @first_id: a volunteer
 * @second_id: another record of the same person
 *
 * Returns: (transfer none) (nullable): the dialog, not shown yet; %NULL
 *   with @error set when a record cannot be read
 */
ShouhuVolunteerMergeDialog *
shouhu_volunteer_merge_dialog_new (GtkWindow    *parent,
                                   ShouhuStore  *store,
                                   gint64        first_id,
                                   gint64        second_id,
                                   GError      **error)
{
  g_autoptr(ShouhuVolunteer) first = shouhu_annex2_get_volunteer (store, first_id, error);
  g_autoptr(ShouhuVolunteer) second = first != NULL ? shouhu_annex2_get_volunteer (store, second_id, error) : NULL;
  ShouhuVolunteerMergeDialog *self;
  GtkWidget *box, *intro, *grid, *scrolled;

  if (second == NULL)
    return NULL;

  self = g_object_new (SHOUHU_TYPE_VOLUNTEER_MERGE_DIALOG, "transient-for", parent,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->records[0] = g_steal_pointer (&first);
  self->records[1] = g_steal_pointer (&second);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 18, NULL);
  intro = gtk_label_new (_("Are these the same person? The record you keep takes the other’s values where it "
                           "has none, and guards every family of both; the other record is removed. "
                           "Undo (Ctrl+Z) takes the merge back as long as neither record was changed since."));
  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (intro), 60);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_box_append (GTK_BOX (box), intro);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  for (guint side = 0; side < 2; side++)
    {
      /* Translators: above a record in the merge dialog; %s is its 姓名 */
      g_autofree char *text = g_strdup_printf (_("Keep “%s”"), self->records[side]->name);

      self->keep[side] = gtk_check_button_new_with_label (text);
      if (side == 1)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->keep[1]), GTK_CHECK_BUTTON (self->keep[0]));
      gtk_grid_attach (GTK_GRID (grid), self->keep[side], (int) side + 1, 0, 1, 1);
    }
  if (!fill_grid (self, GTK_GRID (grid), error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_window_set_child (GTK_WINDOW (self), box);

  gtk_widget_grab_focus (self->keep[gtk_check_button_get_active (GTK_CHECK_BUTTON (self->keep[1]))]);
  return self;
}

/* Returns: the id of the record that stays */
gint64
shouhu_volunteer_merge_dialog_get_keep (ShouhuVolunteerMergeDialog *self)
{
  return self->records[gtk_check_button_get_active (GTK_CHECK_BUTTON (self->keep[1]))]->id;
}

void
shouhu_volunteer_merge_dialog_set_keep (ShouhuVolunteerMergeDialog *self,
                                        gint64                      id)
{
  for (guint side = 0; side < 2; side++)
    if (self->records[side]->id == id)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->keep[side]), TRUE);
}

/* Returns: @field of the record on @side (0 left, 1 right) as shown */
const char *
shouhu_volunteer_merge_dialog_get_value (ShouhuVolunteerMergeDialog *self,
                                         guint                       side,
                                         ShouhuVolunteerField        field)
{
  g_return_val_if_fail (side < 2 && field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  /* Left out when both records leave it empty. */
  if (self->values[side][field] == NULL)
    return "";
  return gtk_label_get_text (GTK_LABEL (self->values[side][field]));
}

/**
 * shouhu_volunteer_merge_dialog_merge:
 *
 * As the Merge button: merges, emits ::merged and closes; on failure
 * the dialog stays open and says why.
 */
gboolean
shouhu_volunteer_merge_dialog_merge (ShouhuVolunteerMergeDialog *self)
{
  guint keep = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->keep[1]));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gint64 merge_id = 0;

  if (!shouhu_annex2_merge_volunteers (self->store, self->records[keep]->id, self->records[!keep]->id, &merge_id,
                                       &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      return FALSE;
    }
  /* Translators: after a merge; %s is the volunteer's name */
  message = g_strdup_printf (_("Merged the two records of %s into one"), self->records[keep]->name);
  g_signal_emit (self, signals[MERGED], 0, self->records[keep]->id, merge_id, message);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

/* shouhu-proposal-dialog.c — 为全区生成结对建议: a proposal for a whole
 * district, edited in a preview and applied in one step that can be undone
 *
 * The user sets the cap of families per volunteer (3 by default) and
 * whether unmet needs get a volunteer too; the preview lists each
 * proposal with its reason.  A row is removed (Delete, or its button), or
 * its volunteer replaced by another of that family's suggestions (the
 * list beside it, filled when the row is selected).  Nothing is written
 * before Apply, which stores every row left in one transaction
 * (shouhu_pairing_apply()) and hands the batch to a table kept here, so
 * that the notification's Undo (win.undo-proposal) can put it back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-district.h"
#include "shouhu-pairing.h"
#include "shouhu-proposal-dialog.h"

#define N_ALTERNATIVES 5

struct _ShouhuProposalDialog
{
  GtkWindow           parent_instance;

  ShouhuStore        *store;
  int                 district_id;
  ShouhuPairingIndex *index;
  GPtrArray          *proposals;     /* ShouhuProposal, one per row */
  GPtrArray          *alternatives;  /* per row: GPtrArray of ShouhuSuggestion, or NULL */

  GtkSpinButton      *cap_spin;
  GtkCheckButton     *needs_check;
  GtkListBox         *list;
  GtkLabel           *summary_label;
  GtkLabel           *status_label;
  GtkWidget          *apply_button;
  gboolean            filling;
};

G_DEFINE_FINAL_TYPE (ShouhuProposalDialog, shouhu_proposal_dialog, GTK_TYPE_WINDOW)

/* Applied proposals, by id, until undone or the program ends. */
static GHashTable *applied;
static guint last_applied_id;

static void
alternatives_free (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
show_status (ShouhuProposalDialog *self,
             const char           *message)
{
  gtk_label_set_text (self->status_label, message);
}

static void
update_summary (ShouhuProposalDialog *self)
{
  g_autofree char *text = NULL;
  guint n = self->proposals != NULL ? self->proposals->len : 0;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pairing proposed; nothing is stored before Apply",
                                       "%u pairings proposed; nothing is stored before Apply", n), n);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_sensitive (self->apply_button, n > 0);
}

static void
remove_clicked_cb (GtkButton            *button,
                   ShouhuProposalDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row != NULL)
    shouhu_proposal_dialog_remove_row (self, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static char *
row_text (const ShouhuProposal *p)
{
  return g_strdup_printf ("%s（%s）", p->worker_name, shouhu_pairing_role_label (p->role));
}

/* The row's choice of volunteer changed: the proposal follows. */
static void
volunteer_chosen_cb (GtkDropDown          *drop,
                     GParamSpec           *pspec,
                     ShouhuProposalDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (drop), GTK_TYPE_LIST_BOX_ROW);
  guint selected = gtk_drop_down_get_selected (drop);
  GPtrArray *alternatives;
  ShouhuProposal *p;
  const ShouhuSuggestion *s;
  GtkWidget *reason;
  int i;

  if (self->filling || row == NULL || selected == GTK_INVALID_LIST_POSITION || selected == 0)
    return;
  i = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  alternatives = g_ptr_array_index (self->alternatives, i);
  if (alternatives == NULL || selected - 1 >= alternatives->len)
    return;
  p = g_ptr_array_index (self->proposals, i);
  s = g_ptr_array_index (alternatives, selected - 1);
  p->volunteer_id = s->volunteer_id;
  g_free (p->volunteer_name);
  p->volunteer_name = g_strdup (s->name);
  g_free (p->reason);
  p->reason = g_strdup (s->reason);
  p->nearness = s->nearness;
  p->load = s->load + 1;
  reason = g_object_get_data (G_OBJECT (row), "reason");
  gtk_label_set_text (GTK_LABEL (reason), p->reason);
}

/* Fills the selected row's list of volunteers with the family's
 * suggestions, once. */
static void
row_selected_cb (GtkListBox           *list,
                 GtkListBoxRow        *row,
                 ShouhuProposalDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  const ShouhuProposal *p;
  GPtrArray *found;
  GtkDropDown *drop;
  int i;

  if (row == NULL)
    return;
  i = gtk_list_box_row_get_index (row);
  if (i < 0 || (guint) i >= self->proposals->len || g_ptr_array_index (self->alternatives, i) != NULL)
    return;
  p = g_ptr_array_index (self->proposals, i);
  found = shouhu_pairing_index_suggest (self->index, self->store, p->worker_id, p->role, N_ALTERNATIVES, &error);
  if (found == NULL)
    {
      show_status (self, error->message);
      return;
    }
  self->alternatives->pdata[i] = found;
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, p->volunteer_name);
  for (guint k = 0; k < found->len; k++)
    {
      const ShouhuSuggestion *s = g_ptr_array_index (found, k);
      g_autofree char *text = g_strdup_printf ("%s · %s", s->name, s->reason);

      gtk_string_list_append (names, text);
    }
  drop = g_object_get_data (G_OBJECT (row), "drop");
  self->filling = TRUE;
  gtk_drop_down_set_model (drop, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop, 0);
  self->filling = FALSE;
}

static GtkWidget *
proposal_row (ShouhuProposalDialog *self,
              const ShouhuProposal *p)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *who = row_text (p);
  const char *names[] = { p->volunteer_name, NULL };
  GtkWidget *label, *drop, *button;

  label = gtk_label_new (who);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_size_request (label, 200, -1);
  gtk_box_append (GTK_BOX (box), label);

  drop = gtk_drop_down_new_from_strings (names);
  gtk_widget_set_size_request (drop, 220, -1);
  gtk_widget_set_tooltip_text (drop, _("Another of the family’s suggestions (select the row first)"));
  g_signal_connect (drop, "notify::selected", G_CALLBACK (volunteer_chosen_cb), self);
  gtk_box_append (GTK_BOX (box), drop);

  label = gtk_label_new (p->reason);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  g_object_set_data (G_OBJECT (row), "reason", label);
  g_object_set_data (G_OBJECT (row), "drop", drop);

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_tooltip_text (button, _("Leave this pairing out (Delete)"));
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect (button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), button);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

void
shouhu_proposal_dialog_preview (ShouhuProposalDialog *self,
                                guint                 max_per_volunteer,
                                gboolean              with_needs)
{
  g_autoptr(GError) error = NULL;
  const ShouhuGazetteer *gazetteer;
  GPtrArray *proposals;

  g_return_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self));

  gazetteer = shouhu_gazetteer_get_default (&error);
  if (gazetteer == NULL)
    {
      show_status (self, error->message);
      return;
    }
  proposals = shouhu_pairing_propose (self->store, gazetteer, self->district_id, NULL,
                                      max_per_volunteer, with_needs, &error);
  if (proposals == NULL)
    {
      show_status (self, error->message);
      return;
    }
  g_clear_pointer (&self->index, shouhu_pairing_index_free);
  self->index = shouhu_pairing_index_new (self->store, gazetteer, self->district_id, NULL, &error);
  if (self->index == NULL)
    {
      g_ptr_array_unref (proposals);
      show_status (self, error->message);
      return;
    }

  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  self->proposals = proposals;
  g_clear_pointer (&self->alternatives, g_ptr_array_unref);
  self->alternatives = g_ptr_array_new_with_free_func (alternatives_free);
  g_ptr_array_set_size (self->alternatives, (int) proposals->len);

  clear_list (self->list);
  for (guint i = 0; i < proposals->len; i++)
    gtk_list_box_append (self->list, proposal_row (self, g_ptr_array_index (proposals, i)));
  show_status (self, proposals->len == 0 ? _("Every family has a ready 保底 guardian, or no ready volunteer is left under the cap.") : "");
  update_summary (self);
}

static void
preview_clicked_cb (GtkButton            *button,
                    ShouhuProposalDialog *self)
{
  shouhu_proposal_dialog_preview (self, (guint) gtk_spin_button_get_value_as_int (self->cap_spin),
                                  gtk_check_button_get_active (self->needs_check));
}

static void
apply_clicked_cb (GtkButton            *button,
                  ShouhuProposalDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (shouhu_proposal_dialog_apply (self, &error) == 0 && error != NULL)
    show_status (self, error->message);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuProposalDialog *self = SHOUHU_PROPOSAL_DIALOG (widget);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  if (row != NULL)
    shouhu_proposal_dialog_remove_row (self, (guint) gtk_list_box_row_get_index (row));
}

static void
build (ShouhuProposalDialog *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label, *button, *sw;

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);

  label = gtk_label_new_with_mnemonic (_("At most _families per volunteer:"));
  gtk_box_append (GTK_BOX (top), label);
  self->cap_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 20, 1));
  gtk_spin_button_set_value (self->cap_spin, SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->cap_spin));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->cap_spin));
  self->needs_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Also for unmet _needs")));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->needs_check));
  button = gtk_button_new_with_mnemonic (_("_Preview"));
  g_signal_connect (button, "clicked", G_CALLBACK (preview_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (outer), top);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  self->summary_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (outer), label);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Proposed pairings"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  sw = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_widget_add_css_class (sw, "frame");
  gtk_box_append (GTK_BOX (outer), sw);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  self->status_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (bottom), label);
  button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  gtk_box_append (GTK_BOX (bottom), button);
  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (apply_clicked_cb), self);
  gtk_box_append (GTK_BOX (bottom), self->apply_button);
  gtk_box_append (GTK_BOX (outer), bottom);

  gtk_window_set_child (GTK_WINDOW (self), outer);
}

static void
shouhu_proposal_dialog_dispose (GObject *object)
{
  ShouhuProposalDialog *self = SHOUHU_PROPOSAL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->index, shouhu_pairing_index_free);
  g_clear_pointer (&self->proposals, g_ptr_array_unref);
  g_clear_pointer (&self->alternatives, g_ptr_array_unref);
  G_OBJECT_CLASS (shouhu_proposal_dialog_parent_class)->dispose (object);
}

static void
shouhu_proposal_dialog_class_init (ShouhuProposalDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_proposal_dialog_dispose;
  gtk_widget_class_install_action (widget_class, "proposal.delete-row", NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "proposal.delete-row", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_proposal_dialog_init (ShouhuProposalDialog *self)
{
  build (self);
}

ShouhuProposalDialog *
shouhu_proposal_dialog_new (GtkWindow   *parent,
                            ShouhuStore *store,
                            int          district_id)
{
  ShouhuProposalDialog *self;
  const ShouhuDistrict *district = shouhu_district_get (district_id);
  g_autofree char *title = NULL;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);
  g_return_val_if_fail (district != NULL, NULL);

  title = g_strdup_printf (_("Propose Pairings — %s"), district->name);
  self = g_object_new (SHOUHU_TYPE_PROPOSAL_DIALOG,
                       "title", title,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "default-width", 900,
                       "default-height", 600,
                       NULL);
  self->store = g_object_ref (store);
  self->district_id = district_id;
  shouhu_proposal_dialog_preview (self, SHOUHU_PAIRING_DEFAULT_MAX_PER_VOLUNTEER, FALSE);
  return self;
}

guint
shouhu_proposal_dialog_get_n_rows (ShouhuProposalDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self), 0);
  return self->proposals != NULL ? self->proposals->len : 0;
}

static const ShouhuProposal *
proposal_at (ShouhuProposalDialog *self,
             guint                 position)
{
  if (self->proposals == NULL || position >= self->proposals->len)
    return NULL;
  return g_ptr_array_index (self->proposals, position);
}

gint64
shouhu_proposal_dialog_get_volunteer (ShouhuProposalDialog *self,
                                      guint                 position)
{
  const ShouhuProposal *p;

  g_return_val_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self), 0);
  p = proposal_at (self, position);
  return p != NULL ? p->volunteer_id : 0;
}

gint64
shouhu_proposal_dialog_get_worker (ShouhuProposalDialog *self,
                                   guint                 position)
{
  const ShouhuProposal *p;

  g_return_val_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self), 0);
  p = proposal_at (self, position);
  return p != NULL ? p->worker_id : 0;
}

void
shouhu_proposal_dialog_remove_row (ShouhuProposalDialog *self,
                                   guint                 position)
{
  GtkListBoxRow *row;

  g_return_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self));
  if (proposal_at (self, position) == NULL)
    return;
  row = gtk_list_box_get_row_at_index (self->list, (int) position);
  gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_ptr_array_remove_index (self->proposals, position);
  g_ptr_array_remove_index (self->alternatives, position);
  row = gtk_list_box_get_row_at_index (self->list, (int) MIN (position, self->proposals->len - 1));
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  update_summary (self);
}

guint
shouhu_proposal_dialog_apply (ShouhuProposalDialog *self,
                              GError              **error)
{
  GtkWidget *parent;
  ShouhuPairingBatch *batch;
  g_autofree char *message = NULL;
  g_autofree char *undo = NULL;
  guint n, id;

  g_return_val_if_fail (SHOUHU_IS_PROPOSAL_DIALOG (self), 0);
  if (self->proposals == NULL || self->proposals->len == 0)
    return 0;

  batch = shouhu_pairing_apply (self->store, self->proposals, error);
  if (batch == NULL)
    return 0;
  n = shouhu_pairing_batch_get_n_pairs (batch);
  if (applied == NULL)
    applied = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) shouhu_pairing_batch_free);
  id = ++last_applied_id;
  g_hash_table_insert (applied, GUINT_TO_POINTER (id), batch);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stored %u proposed pairing",
                                          "Stored %u proposed pairings", n), n);
  undo = g_strdup_printf ("win.undo-proposal(uint32 %u)", id);
  parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  if (parent != NULL)
    gtk_widget_activate_action (parent, "win.notify-undo", "(ss)", message, undo);
  gtk_window_close (GTK_WINDOW (self));
  return id;
}

gboolean
shouhu_proposal_dialog_undo (ShouhuStore *store,
                             guint        id,
                             GError     **error)
{
  ShouhuPairingBatch *batch;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  batch = applied != NULL ? g_hash_table_lookup (applied, GUINT_TO_POINTER (id)) : NULL;
  if (batch == NULL)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_NOT_FOUND,
                   _("These pairings were already undone."));
      return FALSE;
    }
  if (!shouhu_pairing_undo (store, batch, error))
    return FALSE;
  g_hash_table_remove (applied, GUINT_TO_POINTER (id));
  return TRUE;
}

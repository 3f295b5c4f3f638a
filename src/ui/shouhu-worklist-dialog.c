/* shouhu-worklist-dialog.c — 待结对: a district's families without a ready
 * 保底 guardian, paired from the keyboard
 *
 * The families are listed as the core orders them (支援湖北 first, then
 * the longest waiting), each with its unmet needs beside it; or, on
 * request, the families whose registered needs are not all met.  For the
 * selected family the suggestions are shown with their reasons: for the
 * 保底 guardian, and for each unmet need.
 *
 * Keys: Up/Down through the families; Enter pairs the highlighted 保底
 * suggestion, Ctrl+Enter the highlighted one for a need, and the next
 * family is selected; Alt+Up/Down move the 保底 highlight, Ctrl+Up/Down
 * the need's; Ctrl+Z undoes the newest change; Ctrl+G opens the proposal
 * for the whole district.
 *
 * Every write goes through shouhu-pairing.h; each pairing is announced in
 * the main window's notification (win.notify-undo) with an Undo that
 * removes it again (win.undo-pairing).  The list follows the store's
 * "changed" signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-date.h"
#include "shouhu-district.h"
#include "shouhu-ledger.h"
#include "shouhu-pairing.h"
#include "shouhu-proposal-dialog.h"
#include "shouhu-settings.h"
#include "shouhu-worklist-dialog.h"

#define N_BASIC_SUGGESTIONS 6
#define N_NEED_SUGGESTIONS  3

struct _ShouhuWorklistDialog
{
  GtkWindow           parent_instance;

  ShouhuStore        *store;
  gulong              changed_id;
  gboolean            writing;
  int                 district_id;
  gboolean            show_unmet;
  ShouhuPairingIndex *index;
  GPtrArray          *items;       /* ShouhuWorklistItem */
  GPtrArray          *basic;       /* ShouhuSuggestion for 保底 */
  GPtrArray          *need;        /* ShouhuSuggestion for the unmet needs */

  GtkLabel           *count_label;
  GtkDropDown        *mode_drop;
  GtkListBox         *family_list;
  GtkLabel           *family_label;
  GtkLabel           *needs_label;
  GtkListBox         *basic_list;
  GtkLabel           *basic_empty;
  GtkListBox         *need_list;
  GtkLabel           *need_empty;
  GtkLabel           *status_label;
};

G_DEFINE_FINAL_TYPE (ShouhuWorklistDialog, shouhu_worklist_dialog, GTK_TYPE_WINDOW)

static void
show_status (ShouhuWorklistDialog *self,
             const char           *message,
             gboolean              error)
{
  gtk_label_set_text (self->status_label, message);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
two_line_row (const char *title,
              const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *sub = gtk_label_new (subtitle);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  /* The reasons and unmet needs are what the row is for: never cut. */
  gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (sub), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  return box;
}

/* 需回访: the service ledger's contact rule, with the settings' N days. */
static gboolean
revisit_due (const ShouhuWorklistItem *item)
{
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *recorded_on = item->created != NULL ? g_strndup (item->created, 10) : NULL;

  return shouhu_ledger_revisit_due (item->last_contact, recorded_on, today,
                                    shouhu_settings_get_revisit_days ());
}

static GtkWidget *
family_row (const ShouhuWorklistItem *item)
{
  g_autofree char *unmet = shouhu_family_needs_label (item->unmet);
  g_autofree char *since = shouhu_format_date (item->created);
  g_autoptr(GString) title = g_string_new (item->name);
  g_autoptr(GString) sub = g_string_new (NULL);

  if (item->hubei)
    g_string_append_printf (title, "  %s", _("Supporting Hubei"));
  g_string_append_printf (sub, _("Waiting since %s"), since);
  if (item->hospital != NULL && item->hospital[0] != '\0')
    g_string_append_printf (sub, " · %s", item->hospital);
  if (item->basic_waiting > 0)
    g_string_append_printf (sub, " · %s", _("guardian not yet ready"));
  if (item->unmet != 0)
    g_string_append_printf (sub, " · %s %s", _("Unmet:"), unmet);
  if (revisit_due (item))
    {
      if (item->last_contact != NULL)
        {
          g_autofree char *last = shouhu_format_date (item->last_contact);

          /* Translators: 需回访: no guardian has been in touch with the
           * family for the days the settings name; %s is the day of the
           * last contact */
          g_string_append (sub, " · ");
          g_string_append_printf (sub, _("To revisit: last contact %s"), last);
        }
      else
        g_string_append_printf (sub, " · %s", _("To revisit: never contacted"));
    }
  return two_line_row (title->str, sub->str);
}

static GtkWidget *
suggestion_row (const ShouhuSuggestion *s)
{
  g_autofree char *title = NULL;

  if (s->role == SHOUHU_PAIRING_BASIC)
    title = g_strdup (s->name);
  else
    title = g_strdup_printf ("%s（%s）", s->name, shouhu_pairing_role_label (s->role));
  return two_line_row (title, s->reason);
}

static const ShouhuWorklistItem *
selected_item (ShouhuWorklistDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->family_list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (i < 0 || self->items == NULL || (guint) i >= self->items->len)
    return NULL;
  return g_ptr_array_index (self->items, i);
}

static gboolean
ensure_index (ShouhuWorklistDialog *self,
              GError              **error)
{
  const ShouhuGazetteer *gazetteer;

  if (self->index != NULL)
    return TRUE;
  gazetteer = shouhu_gazetteer_get_default (error);
  if (gazetteer == NULL)
    return FALSE;
  self->index = shouhu_pairing_index_new (self->store, gazetteer, self->district_id, NULL, error);
  return self->index != NULL;
}

static void
select_first (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  gtk_list_box_select_row (list, row);
}

/* Fills the suggestions of the selected family. */
static void
show_family (ShouhuWorklistDialog *self)
{
  const ShouhuWorklistItem *item = selected_item (self);
  g_autoptr(GError) error = NULL;

  clear_list (self->basic_list);
  clear_list (self->need_list);
  g_clear_pointer (&self->basic, g_ptr_array_unref);
  g_clear_pointer (&self->need, g_ptr_array_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->basic_empty), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->need_empty), FALSE);

  if (item == NULL)
    {
      gtk_label_set_text (self->family_label, _("No family is selected."));
      gtk_label_set_text (self->needs_label, "");
      return;
    }

  {
    g_autofree char *title = g_strdup_printf ("%s · %s", item->name,
                                              item->home_address != NULL && item->home_address[0] != '\0'
                                              ? item->home_address : _("no home address"));
    g_autofree char *needs = shouhu_family_needs_label (item->needs);
    g_autofree char *unmet = shouhu_family_needs_label (item->unmet);
    g_autofree char *line = NULL;

    gtk_label_set_text (self->family_label, title);
    if (item->needs == 0)
      line = g_strdup (_("Needs: none registered"));
    else if (item->unmet == 0)
      line = g_strdup_printf (_("Needs: %s, all met"), needs);
    else
      line = g_strdup_printf (_("Needs: %s; unmet: %s"), needs, unmet);
    gtk_label_set_text (self->needs_label, line);
  }

  if (!ensure_index (self, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }

  self->need = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_suggestion_free);
  if (!item->guarded)
    {
      self->basic = shouhu_pairing_index_suggest (self->index, self->store, item->worker_id,
                                                  SHOUHU_PAIRING_BASIC, N_BASIC_SUGGESTIONS, &error);
      if (self->basic == NULL)
        {
          show_status (self, error->message, TRUE);
          return;
        }
      for (guint i = 0; i < self->basic->len; i++)
        gtk_list_box_append (self->basic_list, suggestion_row (g_ptr_array_index (self->basic, i)));
      gtk_label_set_text (self->basic_empty, _("No ready volunteer of the district is left to suggest."));
    }
  else
    gtk_label_set_text (self->basic_empty, _("This family has a ready 保底 guardian."));
  gtk_widget_set_visible (GTK_WIDGET (self->basic_empty), self->basic == NULL || self->basic->len == 0);
  select_first (self->basic_list);

  for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
    {
      guint need = 1u << bit;
      g_autoptr(GPtrArray) found = NULL;

      if ((item->unmet & need) == 0)
        continue;
      found = shouhu_pairing_index_suggest (self->index, self->store, item->worker_id, need,
                                            N_NEED_SUGGESTIONS, &error);
      if (found == NULL)
        {
          show_status (self, error->message, TRUE);
          return;
        }
      for (guint i = 0; i < found->len; i++)
        {
          gtk_list_box_append (self->need_list, suggestion_row (g_ptr_array_index (found, i)));
          g_ptr_array_add (self->need, g_ptr_array_steal_index (found, i--));
        }
    }
  gtk_label_set_text (self->need_empty, item->unmet == 0 ? _("No unmet need.")
                                                         : _("No ready volunteer with the skill is near enough."));
  gtk_widget_set_visible (GTK_WIDGET (self->need_empty), self->need->len == 0);
  select_first (self->need_list);
}

/* Reads the families again; selects @position (clamped). */
static void
reload (ShouhuWorklistDialog *self,
        guint                 position)
{
  const ShouhuDistrict *district = shouhu_district_get (self->district_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GPtrArray *items;

  if (self->show_unmet)
    items = shouhu_pairing_unmet_needs (self->store, self->district_id, NULL, &error);
  else
    items = shouhu_pairing_worklist (self->store, self->district_id, NULL, &error);
  if (items == NULL)
    {
      show_status (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = items;

  clear_list (self->family_list);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->family_list, family_row (g_ptr_array_index (items, i)));

  if (self->show_unmet)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u family with unmet needs",
                                          "%s: %u families with unmet needs", items->len),
                             district != NULL ? district->name : "", items->len);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u family without a ready 保底 guardian",
                                          "%s: %u families without a ready 保底 guardian", items->len),
                             district != NULL ? district->name : "", items->len);
  gtk_label_set_text (self->count_label, count);

  if (items->len > 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->family_list,
                                                          (int) MIN (position, items->len - 1));
      gtk_list_box_select_row (self->family_list, row);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  show_family (self);
}

static void
store_changed_cb (ShouhuStore          *store,
                  ShouhuWorklistDialog *self)
{
  guint position = shouhu_worklist_dialog_get_selected (self);

  if (self->writing)
    return;
  /* Someone else paired or edited: loads and readiness may have moved. */
  g_clear_pointer (&self->index, shouhu_pairing_index_free);
  reload (self, position == G_MAXUINT ? 0 : position);
}

static void
family_selected_cb (GtkListBox           *list,
                    GtkListBoxRow        *row,
                    ShouhuWorklistDialog *self)
{
  show_family (self);
}

static void
pair (ShouhuWorklistDialog   *self,
      const ShouhuSuggestion *suggestion)
{
  const ShouhuWorklistItem *item = selected_item (self);
  guint position = shouhu_worklist_dialog_get_selected (self);
  GtkWidget *parent = GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *undo = NULL;
  gint64 worker_id;
  gboolean ok;

  if (item == NULL || suggestion == NULL)
    return;
  worker_id = item->worker_id;
  self->writing = TRUE;
  ok = shouhu_pairing_index_pair (self->index, self->store, worker_id, suggestion->volunteer_id,
                                  suggestion->role, &error);
  self->writing = FALSE;
  if (!ok)
    {
      show_status (self, error->message, TRUE);
      return;
    }

  message = g_strdup_printf (_("Paired %s with %s (%s)"), item->name, suggestion->name,
                             shouhu_pairing_role_label (suggestion->role));
  undo = g_strdup_printf ("win.undo-pairing((int64 %" G_GINT64_FORMAT ", int64 %" G_GINT64_FORMAT "))",
                          worker_id, suggestion->volunteer_id);
  show_status (self, message, FALSE);
  if (parent != NULL)
    gtk_widget_activate_action (parent, "win.notify-undo", "(ss)", message, undo);

  /* The family leaves the list when it is now guarded; else the next one. */
  reload (self, position);
  if (position < self->items->len
      && ((ShouhuWorklistItem *) g_ptr_array_index (self->items, position))->worker_id == worker_id)
    {
      if (position + 1 < self->items->len)
        {
          gtk_list_box_select_row (self->family_list,
                                   gtk_list_box_get_row_at_index (self->family_list, (int) position + 1));
          gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->family_list)));
        }
    }
}

static const ShouhuSuggestion *
highlighted (GtkListBox *list,
             GPtrArray  *suggestions)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (suggestions == NULL || i < 0 || (guint) i >= suggestions->len)
    return NULL;
  return g_ptr_array_index (suggestions, i);
}

/* Enter on a family, or on a 保底 suggestion: the highlighted one pairs. */
static void
basic_activated_cb (GtkListBox           *list,
                    GtkListBoxRow        *row,
                    ShouhuWorklistDialog *self)
{
  pair (self, highlighted (self->basic_list, self->basic));
}

static void
need_activated_cb (GtkListBox           *list,
                   GtkListBoxRow        *row,
                   ShouhuWorklistDialog *self)
{
  pair (self, highlighted (self->need_list, self->need));
}

static void
pair_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuWorklistDialog *self = SHOUHU_WORKLIST_DIALOG (widget);

  if (g_str_equal (action_name, "worklist.pair-need"))
    pair (self, highlighted (self->need_list, self->need));
  else
    pair (self, highlighted (self->basic_list, self->basic));
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuWorklistDialog *self = SHOUHU_WORKLIST_DIALOG (widget);
  GtkListBox *list = g_str_has_prefix (action_name, "worklist.need") ? self->need_list : self->basic_list;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  i += g_variant_get_int32 (parameter);
  row = gtk_list_box_get_row_at_index (list, MAX (i, 0));
  if (row != NULL)
    gtk_list_box_select_row (list, row);
}

static void
propose_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuWorklistDialog *self = SHOUHU_WORKLIST_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (shouhu_proposal_dialog_new (parent != NULL ? parent : GTK_WINDOW (self),
                                                              self->store, self->district_id)));
}

/* Ctrl+Z here undoes the newest change, as in the main window. */
static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.undo", NULL);
}

static void
mode_changed_cb (GtkDropDown          *drop,
                 GParamSpec           *pspec,
                 ShouhuWorklistDialog *self)
{
  shouhu_worklist_dialog_set_show_unmet (self, gtk_drop_down_get_selected (drop) == 1);
}

static GtkWidget *
section_title (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkWidget *
scrolled (GtkWidget *child)
{
  GtkWidget *sw = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (sw), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (sw), child);
  gtk_widget_set_vexpand (sw, TRUE);
  gtk_widget_add_css_class (sw, "frame");
  return sw;
}

static GtkWidget *
empty_label (GtkLabel **out)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  *out = GTK_LABEL (label);
  return label;
}

static void
build (ShouhuWorklistDialog *self)
{
  const char *modes[] = { N_("Without a ready 保底 guardian"), N_("With unmet needs"), NULL };
  const char *translated[3] = { _(modes[0]), _(modes[1]), NULL };
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label, *button, *box;

  gtk_widget_set_margin_start (outer, 12);
  gtk_widget_set_margin_end (outer, 12);
  gtk_widget_set_margin_top (outer, 12);
  gtk_widget_set_margin_bottom (outer, 12);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "title-4");
  self->count_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (top), label);
  self->mode_drop = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (translated));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_drop), _("Which families to list"));
  g_signal_connect (self->mode_drop, "notify::selected", G_CALLBACK (mode_changed_cb), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->mode_drop));
  button = gtk_button_new_with_mnemonic (_("_Propose Pairings for the District…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "worklist.propose");
  gtk_box_append (GTK_BOX (top), button);
  gtk_box_append (GTK_BOX (outer), top);

  self->family_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->family_list, GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->family_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Families"), -1);
  g_signal_connect (self->family_list, "row-selected", G_CALLBACK (family_selected_cb), self);
  g_signal_connect (self->family_list, "row-activated", G_CALLBACK (basic_activated_cb), self);
  gtk_box_append (GTK_BOX (left), section_title (_("Families")));
  gtk_box_append (GTK_BOX (left), scrolled (GTK_WIDGET (self->family_list)));
  gtk_widget_set_size_request (left, 380, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  self->family_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (right), label);
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  self->needs_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (right), label);

  gtk_box_append (GTK_BOX (right), section_title (_("保底 guardian (Enter pairs, Alt+↑/↓ choose)")));
  self->basic_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->basic_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions for the 保底 guardian"), -1);
  g_signal_connect (self->basic_list, "row-activated", G_CALLBACK (basic_activated_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), empty_label (&self->basic_empty));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->basic_list));
  gtk_box_append (GTK_BOX (right), scrolled (box));

  gtk_box_append (GTK_BOX (right), section_title (_("For the unmet needs (Ctrl+Enter pairs, Ctrl+↑/↓ choose)")));
  self->need_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->need_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Suggestions for the unmet needs"), -1);
  g_signal_connect (self->need_list, "row-activated", G_CALLBACK (need_activated_cb), self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_box_append (GTK_BOX (box), empty_label (&self->need_empty));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->need_list));
  gtk_box_append (GTK_BOX (right), scrolled (box));
  gtk_widget_set_size_request (right, 420, -1);
  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (outer), paned);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  self->status_label = GTK_LABEL (label);
  gtk_box_append (GTK_BOX (bottom), label);
  button = gtk_button_new_with_mnemonic (_("_Close"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "window.close");
  gtk_box_append (GTK_BOX (bottom), button);
  gtk_box_append (GTK_BOX (outer), bottom);

  gtk_window_set_child (GTK_WINDOW (self), outer);
}

static void
shouhu_worklist_dialog_dispose (GObject *object)
{
  ShouhuWorklistDialog *self = SHOUHU_WORKLIST_DIALOG (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->index, shouhu_pairing_index_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->basic, g_ptr_array_unref);
  g_clear_pointer (&self->need, g_ptr_array_unref);
  G_OBJECT_CLASS (shouhu_worklist_dialog_parent_class)->dispose (object);
}

static void
shouhu_worklist_dialog_class_init (ShouhuWorklistDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_worklist_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "worklist.pair-basic", NULL, pair_action_cb);
  gtk_widget_class_install_action (widget_class, "worklist.pair-need", NULL, pair_action_cb);
  gtk_widget_class_install_action (widget_class, "worklist.basic-move", "i", move_action_cb);
  gtk_widget_class_install_action (widget_class, "worklist.need-move", "i", move_action_cb);
  gtk_widget_class_install_action (widget_class, "worklist.propose", NULL, propose_action_cb);
  gtk_widget_class_install_action (widget_class, "worklist.undo", NULL, undo_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "worklist.undo", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "worklist.pair-need", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "worklist.pair-need", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "worklist.basic-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "worklist.basic-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "worklist.need-move", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "worklist.need-move", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "worklist.propose", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_worklist_dialog_init (ShouhuWorklistDialog *self)
{
  build (self);
}

ShouhuWorklistDialog *
shouhu_worklist_dialog_new (GtkWindow   *parent,
                            ShouhuStore *store,
                            int          district_id)
{
  ShouhuWorklistDialog *self;
  const ShouhuDistrict *district = shouhu_district_get (district_id);
  g_autofree char *title = NULL;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);
  g_return_val_if_fail (district != NULL, NULL);

  title = g_strdup_printf (_("To Pair — %s"), district->name);
  self = g_object_new (SHOUHU_TYPE_WORKLIST_DIALOG,
                       "title", title,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       "default-width", 1000,
                       "default-height", 640,
                       NULL);
  self->store = g_object_ref (store);
  self->district_id = district_id;
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self, 0);
  return self;
}

guint
shouhu_worklist_dialog_get_n_families (ShouhuWorklistDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_WORKLIST_DIALOG (self), 0);
  return self->items != NULL ? self->items->len : 0;
}

gint64
shouhu_worklist_dialog_get_family (ShouhuWorklistDialog *self,
                                   guint                 position)
{
  g_return_val_if_fail (SHOUHU_IS_WORKLIST_DIALOG (self), 0);
  if (self->items == NULL || position >= self->items->len)
    return 0;
  return ((ShouhuWorklistItem *) g_ptr_array_index (self->items, position))->worker_id;
}

guint
shouhu_worklist_dialog_get_selected (ShouhuWorklistDialog *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SHOUHU_IS_WORKLIST_DIALOG (self), G_MAXUINT);
  row = gtk_list_box_get_selected_row (self->family_list);
  return row != NULL ? (guint) gtk_list_box_row_get_index (row) : G_MAXUINT;
}

gint64
shouhu_worklist_dialog_get_highlighted (ShouhuWorklistDialog *self,
                                        const char          **reason)
{
  const ShouhuSuggestion *s;

  g_return_val_if_fail (SHOUHU_IS_WORKLIST_DIALOG (self), 0);
  s = highlighted (self->basic_list, self->basic);
  if (reason != NULL)
    *reason = s != NULL ? s->reason : NULL;
  return s != NULL ? s->volunteer_id : 0;
}

void
shouhu_worklist_dialog_set_show_unmet (ShouhuWorklistDialog *self,
                                       gboolean              unmet)
{
  g_return_if_fail (SHOUHU_IS_WORKLIST_DIALOG (self));
  unmet = !!unmet;
  if (self->show_unmet == unmet)
    return;
  self->show_unmet = unmet;
  if (gtk_drop_down_get_selected (self->mode_drop) != (guint) unmet)
    gtk_drop_down_set_selected (self->mode_drop, unmet);
  reload (self, 0);
}

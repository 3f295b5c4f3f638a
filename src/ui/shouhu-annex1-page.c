/* shouhu-annex1-page.c — the Annex 1 grid
 *
 * The grid is laid out as the notice prints the form: a two-row header,
 * one row per district in official order and a 合计 row.  The headers and
 * the 合计 row stay in sight while the districts scroll between them.
 *
 * Counts are typed in place; a cell is taken when the focus leaves it
 * (Tab, as in a spreadsheet) or on Enter, which also moves down a row.
 * A batch's 总人数 and 其中：支援湖北 are stored together, once the pair
 * keeps its rule, so a row can be typed in any order (ShouhuAnnex1Draft
 * keeps the figures meanwhile).  A pair is checked once both were typed or
 * its row is left; a wrong one stays marked, with the reason at the cell
 * while it has the focus.  Every figure shown that is not stored says so
 * (the "unsaved" mark, its tooltip and the line above the grid); Escape
 * puts the stored figure back.
 *
 * The grid is laid out by shouhu-annex1-page-grid.c, dates and batches
 * are handled by shouhu-annex1-page-actions.c.  Messages go to the
 * window's notification through the win.notify and win.notify-undo
 * actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1-page-private.h"
#include "shouhu-date.h"

G_DEFINE_FINAL_TYPE (ShouhuAnnex1Page, shouhu_annex1_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
cell_data (GtkEditable *cell,
           const char  *name)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), name));
}

GtkEditable *
shouhu_annex1_page_cell_at (ShouhuAnnex1Page *self,
                            int               district_id,
                            int               index)
{
  GPtrArray *row = g_ptr_array_index (self->cells, district_id - 1);

  return g_ptr_array_index (row, index);
}

static char *
stored_text (ShouhuAnnex1Page *self,
             GtkEditable      *cell)
{
  int batch = cell_data (cell, "batch");
  const ShouhuAnnex1Row *row = &self->table->rows[cell_data (cell, "district") - 1];

  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    return g_strdup (row->note);
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          cell_data (cell, "field") == SHOUHU_ANNEX1_TOTAL ? row->batches[batch - 1].total
                                                                           : row->batches[batch - 1].hubei);
}

/* The cell of this page that has the focus, if any. */
static GtkEditable *
focused_cell (ShouhuAnnex1Page *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry == NULL || !gtk_widget_is_ancestor (entry, GTK_WIDGET (self->grid)))
    return NULL;
  return GTK_EDITABLE (entry);
}

static void
set_cell_text (ShouhuAnnex1Page *self,
               GtkEditable      *cell,
               const char       *text)
{
  self->filling = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (cell), text) != 0)
    gtk_editable_set_text (cell, text);
  self->filling = FALSE;
}

static void
set_cell_message (GtkWidget  *cell,
                  const char *message)
{
  gtk_widget_set_tooltip_text (cell, message);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* Shows in a count cell what it holds for the draft: the typed figure
 * marked "unsaved", red where it breaks a rule, or the stored one. */
static void
show_count (ShouhuAnnex1Page *self,
            GtkEditable      *cell,
            gboolean          with_text)
{
  int district_id = cell_data (cell, "district");
  int batch = cell_data (cell, "batch");
  int field = cell_data (cell, "field");
  const char *typed = shouhu_annex1_draft_get_text (self->draft, self->as_of, district_id, batch, field);
  g_autofree char *message = NULL;
  g_autofree char *tooltip = NULL;
  gboolean bad[2];

  if (with_text)
    {
      g_autofree char *stored = typed ? NULL : stored_text (self, cell);

      set_cell_text (self, cell, typed ? typed : stored);
    }

  shouhu_annex1_draft_get_state (self->draft, self->table, district_id, batch, bad, &message);
  if (bad[field])
    tooltip = g_strdup_printf (_("Not saved: %s"), message);
  else if (typed != NULL)
    tooltip = g_strdup (_("Not saved yet: saved with the other figure of its batch once Supporting Hubei "
                          "is no more than Total"));

  if (bad[field])
    gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  if (typed != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (cell), "unsaved");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (cell), "unsaved");
  set_cell_message (GTK_WIDGET (cell), tooltip);
}

/* The reason a figure is refused shows at its cell while the cell has the
 * focus, and nowhere else: it never stays over other cells. */
static void
update_popover (ShouhuAnnex1Page *self)
{
  GtkEditable *cell = focused_cell (self);
  GtkWidget *widget = GTK_WIDGET (cell);
  const char *message = cell ? gtk_widget_get_tooltip_text (widget) : NULL;

  if (cell == NULL || !gtk_widget_has_css_class (widget, "error") || message == NULL)
    {
      gtk_popover_popdown (self->error_popover);
      return;
    }

  gtk_label_set_text (self->error_label, message);
  if (gtk_widget_get_parent (GTK_WIDGET (self->error_popover)) != widget)
    {
      gtk_popover_popdown (self->error_popover);
      g_object_ref (self->error_popover);
      gtk_widget_unparent (GTK_WIDGET (self->error_popover));
      gtk_widget_set_parent (GTK_WIDGET (self->error_popover), widget);
      g_object_unref (self->error_popover);
    }
  gtk_popover_popup (self->error_popover);
}

/* The line above the grid names every pair that is not stored. */
static void
update_unsaved (ShouhuAnnex1Page *self)
{
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (self->as_of == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->unsaved_label), FALSE);
      return;
    }
  refs = shouhu_annex1_draft_list (self->draft, self->as_of);
  for (guint i = 0; i < refs->len; i++)
    {
      const ShouhuAnnex1PairRef *ref = &g_array_index (refs, ShouhuAnnex1PairRef, i);
      g_autofree char *label = shouhu_annex1_batch_label (ref->batch);

      if (i > 0)
        /* Translators: between the pairs listed as not saved */
        g_string_append (names, _(", "));
      /* Translators: a district and a batch, e.g. 渝中区第一批 */
      g_string_append_printf (names, _("%s %s"), shouhu_district_get (ref->district_id)->name, label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->unsaved_label), refs->len > 0);
  if (refs->len == 0)
    return;
  text = g_strdup_printf (_("Not saved (marked in the grid): %s. Each batch is saved once its Supporting "
                            "Hubei is no more than its Total; Escape in a cell brings back the stored figure."),
                          names->str);
  gtk_label_set_text (self->unsaved_label, text);
}

static void
set_number (GtkLabel *label,
            gint64    value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  gtk_label_set_text (label, text);
}

static void
fill_sums (ShouhuAnnex1Page *self)
{
  ShouhuCount grand = shouhu_annex1_grand_total (self->table);
  int col = 0;

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      ShouhuCount sum = shouhu_annex1_row_sum (self->table, id - 1);

      set_number (g_ptr_array_index (self->row_sums, 2 * (id - 1)), sum.total);
      set_number (g_ptr_array_index (self->row_sums, 2 * (id - 1) + 1), sum.hubei);
    }

  set_number (g_ptr_array_index (self->grand, col++), grand.total);
  set_number (g_ptr_array_index (self->grand, col++), grand.hubei);
  for (int b = 1; b <= self->table->n_batches; b++)
    {
      ShouhuCount s = shouhu_annex1_batch_sum (self->table, b);

      set_number (g_ptr_array_index (self->grand, col++), s.total);
      set_number (g_ptr_array_index (self->grand, col++), s.hubei);
    }
}

/* Every cell shows the stored figure or the typed one, marked; what the
 * user is typing in the focused cell, and a refused remark, stay. */
static void
fill_grid (ShouhuAnnex1Page *self)
{
  GtkEditable *focus = focused_cell (self);

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      GPtrArray *row = g_ptr_array_index (self->cells, id - 1);

      for (guint i = 0; i < row->len; i++)
        {
          GtkEditable *cell = g_ptr_array_index (row, i);

          if (i > 0)
            show_count (self, cell, cell != focus);
          else if (cell != focus && !gtk_widget_has_css_class (GTK_WIDGET (cell), "error"))
            {
              g_autofree char *text = stored_text (self, cell);

              set_cell_text (self, cell, text);
            }
        }
    }
  fill_sums (self);
  update_unsaved (self);
  shouhu_annex1_page_update_batch_actions (self);
  update_popover (self);
}

static gboolean
commit_note (ShouhuAnnex1Page *self,
             GtkEditable      *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = stored_text (self, cell);
  g_autofree char *before = NULL;
  const char *text = gtk_editable_get_text (cell);
  int district_id = cell_data (cell, "district");

  if (g_strcmp0 (stored, text) != 0 &&
      !shouhu_annex1_set_note (self->store, self->as_of, district_id, text, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Not saved: %s"), error->message);

      gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      set_cell_message (GTK_WIDGET (cell), message);
      update_popover (self);
      return FALSE;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  set_cell_message (GTK_WIDGET (cell), NULL);
  before = g_steal_pointer (&stored);
  stored = stored_text (self, cell);
  set_cell_text (self, cell, stored);
  update_popover (self);
  shouhu_annex1_page_register_note (self, district_id, before, stored);
  return TRUE;
}

/* Takes what the cell holds: a remark is stored, a count goes through the
 * draft.  Returns FALSE when the cell's figure is refused. */
static gboolean
commit_cell (ShouhuAnnex1Page *self,
             GtkEditable      *cell)
{
  g_autoptr(GError) error = NULL;
  int district_id = cell_data (cell, "district");
  int batch = cell_data (cell, "batch");
  int field = cell_data (cell, "field");
  g_autofree char *as_of = NULL;
  ShouhuCount before;
  gboolean bad[2];

  if (self->table == NULL || self->filling)
    return TRUE;
  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    return commit_note (self, cell);

  /* What was stored, for the Undo of a pair this stores. */
  as_of = g_strdup (self->as_of);
  before = self->table->rows[district_id - 1].batches[batch - 1];
  if (!shouhu_annex1_draft_type (self->draft, self->store, self->table, district_id, batch, field,
                                 gtk_editable_get_text (cell), &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
  if (self->table != NULL && g_strcmp0 (as_of, self->as_of) == 0 && batch <= self->table->n_batches)
    shouhu_annex1_page_register_pair (self, district_id, batch, before,
                                      self->table->rows[district_id - 1].batches[batch - 1]);

  /* The store's "changed" signal refreshed the page if the pair went in;
   * show the figure as stored (normalised: full-width digits, blanks). */
  show_count (self, cell, TRUE);
  fill_grid (self);
  shouhu_annex1_draft_get_state (self->draft, self->table, district_id, batch, bad, NULL);
  return !bad[field];
}

/* Once the focus has moved: the rows it is no longer in have their typed
 * pairs checked, and the reason a figure is refused shows at the cell
 * that has the focus now. */
static gboolean
focus_moved_cb (gpointer user_data)
{
  ShouhuAnnex1Page *self = user_data;
  GtkEditable *focus = focused_cell (self);
  int focus_row = focus ? cell_data (focus, "district") : 0;
  g_autoptr(GArray) refs = NULL;

  self->focus_idle = 0;
  if (self->table == NULL)
    return G_SOURCE_REMOVE;

  refs = shouhu_annex1_draft_list (self->draft, self->as_of);
  for (guint i = 0; i < refs->len; i++)
    {
      int district_id = g_array_index (refs, ShouhuAnnex1PairRef, i).district_id;

      if (district_id != focus_row)
        shouhu_annex1_draft_leave_row (self->draft, self->as_of, district_id);
    }
  fill_grid (self);
  return G_SOURCE_REMOVE;
}

static void
cell_activate_cb (GtkEntry         *entry,
                  ShouhuAnnex1Page *self)
{
  GtkEditable *cell = GTK_EDITABLE (entry);
  int district_id = cell_data (cell, "district");
  int index = cell_data (cell, "index");
  g_autofree char *text = g_strdup (gtk_editable_get_text (cell));
  gboolean taken = commit_cell (self, cell);

  /* Enter leaves the row: its pairs are checked.  As in a spreadsheet, a
   * refused figure keeps the focus, once: Enter again on the same text
   * moves on, and the row stays marked. */
  if (self->table != NULL && cell_data (cell, "batch") != SHOUHU_ANNEX1_NOTE_BATCH)
    {
      shouhu_annex1_draft_leave_row (self->draft, self->as_of, district_id);
      fill_grid (self);
      taken = !gtk_widget_has_css_class (GTK_WIDGET (cell), "error");
    }
  if (!taken && g_strcmp0 (g_object_get_data (G_OBJECT (cell), "refused"), text) != 0)
    {
      g_object_set_data_full (G_OBJECT (cell), "refused", g_steal_pointer (&text), g_free);
      return;
    }
  g_object_set_data (G_OBJECT (cell), "refused", NULL);

  if (district_id < SHOUHU_N_DISTRICTS)
    gtk_widget_grab_focus (GTK_WIDGET (shouhu_annex1_page_cell_at (self, district_id + 1, index)));
}

/* Where the focus goes is known once it got there.  Not an idle of the
 * default priority: a blinking cursor's frames would hold it back. */
static void
queue_focus_moved (ShouhuAnnex1Page *self)
{
  if (self->focus_idle == 0)
    self->focus_idle = g_idle_add_full (G_PRIORITY_DEFAULT, focus_moved_cb, self, NULL);
}

static void
cell_enter_cb (GtkEventControllerFocus *controller,
               ShouhuAnnex1Page        *self)
{
  queue_focus_moved (self);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               ShouhuAnnex1Page        *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_cell (self, GTK_EDITABLE (cell));
  queue_focus_moved (self);
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ShouhuAnnex1Page      *self)
{
  GtkEditable *cell = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  g_autofree char *stored = NULL;

  if (keyval != GDK_KEY_Escape || self->table == NULL)
    return FALSE;

  /* The stored figure back; the other half of its pair may now be good. */
  stored = stored_text (self, cell);
  set_cell_text (self, cell, stored);
  gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  set_cell_message (GTK_WIDGET (cell), NULL);
  commit_cell (self, cell);
  return TRUE;
}

/* Ctrl+Z in a cell: the cell's own while something is typed in it, the
 * window's (the last stored change) once the cell shows what the page
 * holds. */
static gboolean
cell_undo_key_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  ShouhuAnnex1Page      *self)
{
  GtkEditable *cell = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  g_autofree char *stored = NULL;
  const char *shown = NULL;

  if (gdk_keyval_to_lower (keyval) != GDK_KEY_z ||
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != GDK_CONTROL_MASK ||
      self->table == NULL)
    return FALSE;
  if (cell_data (cell, "batch") != SHOUHU_ANNEX1_NOTE_BATCH)
    shown = shouhu_annex1_draft_get_text (self->draft, self->as_of, cell_data (cell, "district"),
                                          cell_data (cell, "batch"), cell_data (cell, "field"));
  if (shown == NULL)
    shown = stored = stored_text (self, cell);
  if (g_strcmp0 (gtk_editable_get_text (cell), shown) != 0)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (cell), "win.undo", NULL);
}

/* One cell of a district row, wired to this page (see shouhu-annex1-page-grid.c). */
GtkWidget *
shouhu_annex1_page_new_cell (ShouhuAnnex1Page *self,
                             int               district_id,
                             int               batch,
                             int               field,
                             int               index)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *undo_key = gtk_event_controller_key_new ();
  const ShouhuDistrict *d = shouhu_district_get (district_id);
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  g_object_set_data (G_OBJECT (entry), "district", GINT_TO_POINTER (district_id));
  g_object_set_data (G_OBJECT (entry), "batch", GINT_TO_POINTER (batch));
  g_object_set_data (G_OBJECT (entry), "field", GINT_TO_POINTER (field));
  g_object_set_data (G_OBJECT (entry), "index", GINT_TO_POINTER (index));

  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    {
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
      name = g_strdup_printf (_("%s: Remarks"), d->name);
    }
  else
    {
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
      gtk_editable_set_alignment (GTK_EDITABLE (entry), 1.0);
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
      gtk_widget_add_css_class (entry, "numeric");
      label = shouhu_annex1_batch_label (batch);
      name = g_strdup_printf (field == SHOUHU_ANNEX1_TOTAL ? _("%s, %s: Total")
                                                           : _("%s, %s: Supporting Hubei"),
                              d->name, label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  g_signal_connect (entry, "activate", G_CALLBACK (cell_activate_cb), self);
  g_signal_connect (focus, "enter", G_CALLBACK (cell_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_controller (entry, key);
  /* Before the text's own Ctrl+Z. */
  gtk_event_controller_set_propagation_phase (undo_key, GTK_PHASE_CAPTURE);
  g_signal_connect (undo_key, "key-pressed", G_CALLBACK (cell_undo_key_cb), self);
  gtk_widget_add_controller (entry, undo_key);
  return entry;
}

static void
update_dates (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = shouhu_annex1_list_dates (self->store, &error);
  g_autoptr(GPtrArray) shown = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n;

  if (dates == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }

  if (self->dates != NULL && g_strv_equal ((const char * const *) dates, (const char * const *) self->dates))
    return;

  g_strfreev (self->dates);
  self->dates = g_steal_pointer (&dates);

  shown = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; self->dates[i] != NULL; i++)
    {
      g_ptr_array_add (shown, shouhu_format_date (self->dates[i]));
      if (g_strcmp0 (self->dates[i], self->as_of) == 0)
        selected = i;
    }
  g_ptr_array_add (shown, NULL);

  self->filling = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->date_list));
  gtk_string_list_splice (self->date_list, 0, n, (const char * const *) shown->pdata);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->date_dropdown, selected);
  self->filling = FALSE;
}

void
shouhu_annex1_page_refresh (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  update_dates (self);

  if (self->as_of == NULL || !g_strv_contains ((const char * const *) self->dates, self->as_of))
    {
      g_clear_pointer (&self->as_of, g_free);
      if (self->dates != NULL && self->dates[0] != NULL)
        {
          self->as_of = g_strdup (self->dates[0]);
          self->filling = TRUE;
          gtk_drop_down_set_selected (self->date_dropdown, 0);
          self->filling = FALSE;
        }
    }

  g_clear_pointer (&self->table, shouhu_annex1_table_free);
  if (self->as_of != NULL)
    self->table = shouhu_annex1_load (self->store, self->as_of, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->date_dropdown), self->table != NULL);
  shouhu_annex1_page_update_batch_actions (self);

  if (self->table == NULL)
    {
      if (error != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->unsaved_label), FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (self->built_batches != self->table->n_batches)
    shouhu_annex1_page_build_grid (self, self->table->n_batches);
  fill_grid (self);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

static void
store_changed_cb (ShouhuStore      *store,
                  ShouhuAnnex1Page *self)
{
  shouhu_annex1_page_refresh (self);
}

static void
set_store (ShouhuAnnex1Page *self,
           ShouhuStore      *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed::annex1", G_CALLBACK (store_changed_cb), self);
  shouhu_annex1_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
shouhu_annex1_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_annex1_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
shouhu_annex1_page_dispose (GObject *object)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->focus_idle, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->error_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->error_popover));
      self->error_popover = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_ANNEX1_PAGE);
  /* GTK 4.8 unparents only the template children that have an id; the
   * template's outer box has none. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shouhu_annex1_page_parent_class)->dispose (object);
}

static void
shouhu_annex1_page_finalize (GObject *object)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (object);

  g_clear_pointer (&self->table, shouhu_annex1_table_free);
  g_clear_pointer (&self->draft, shouhu_annex1_draft_free);
  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->dates, g_strfreev);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->row_sums, g_ptr_array_unref);
  g_clear_pointer (&self->grand, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (shouhu_annex1_page_parent_class)->finalize (object);
}

static void
shouhu_annex1_page_class_init (ShouhuAnnex1PageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_annex1_page_get_property;
  object_class->set_property = shouhu_annex1_page_set_property;
  object_class->dispose = shouhu_annex1_page_dispose;
  object_class->finalize = shouhu_annex1_page_finalize;

  /**
   * ShouhuAnnex1Page:store:
   *
   * The open database.  The window binds its own to it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SHOUHU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-annex1-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, rows_scroller);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, header);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, grid);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, footer);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, date_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_error);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, add_batch_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, unsaved_label);
  shouhu_annex1_page_class_add_actions (widget_class);
  shouhu_annex1_page_class_add_undo (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_annex1_page_init (ShouhuAnnex1Page *self)
{
  self->draft = shouhu_annex1_draft_new ();
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->row_sums = g_ptr_array_new ();
  self->grand = g_ptr_array_new ();
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  shouhu_annex1_page_init_scrolling (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "annex1.remove-empty-batch", FALSE);

  /* The reason a value was refused, shown at the focused cell without
   * taking the focus from it. */
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_max_width_chars (self->error_label, 40);
  self->error_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->error_popover, GTK_WIDGET (self->error_label));
  gtk_popover_set_autohide (self->error_popover, FALSE);
  gtk_popover_set_position (self->error_popover, GTK_POS_BOTTOM);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_popover), "cell-error");
  gtk_widget_set_parent (GTK_WIDGET (self->error_popover), GTK_WIDGET (self));
}

/* Public API */

void
shouhu_annex1_page_set_date (ShouhuAnnex1Page *self,
                             const char       *as_of)
{
  g_return_if_fail (SHOUHU_IS_ANNEX1_PAGE (self));

  if (g_strcmp0 (self->as_of, as_of) != 0)
    {
      g_free (self->as_of);
      self->as_of = g_strdup (as_of);
      /* Other cells; what was typed for this date stays in the draft. */
      self->built_batches = 0;
    }
  g_clear_pointer (&self->dates, g_strfreev);
  shouhu_annex1_page_refresh (self);
}

/**
 * shouhu_annex1_page_get_date:
 *
 * Returns: (nullable): the 截至 date shown
 */
const char *
shouhu_annex1_page_get_date (ShouhuAnnex1Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);
  return self->as_of;
}

/**
 * shouhu_annex1_page_get_cell:
 * @batch: 1-based batch, or %SHOUHU_ANNEX1_NOTE_BATCH for 备注
 *
 * Returns: (transfer none) (nullable): the cell's entry
 */
GtkEditable *
shouhu_annex1_page_get_cell (ShouhuAnnex1Page  *self,
                             int                district_id,
                             int                batch,
                             ShouhuAnnex1Field  field)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);

  if (self->cells->len == 0 || district_id < 1 || district_id > SHOUHU_N_DISTRICTS ||
      batch < 0 || batch > self->built_batches)
    return NULL;
  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    return shouhu_annex1_page_cell_at (self, district_id, 0);
  return shouhu_annex1_page_cell_at (self, district_id, 2 * batch - 1 + (field == SHOUHU_ANNEX1_HUBEI));
}

/**
 * shouhu_annex1_page_get_sum_text:
 * @column: 0 and 1 for 共计, then two per batch
 *
 * Returns: (nullable): the text of the 合计 row's cell
 */
const char *
shouhu_annex1_page_get_sum_text (ShouhuAnnex1Page *self,
                                 int               column)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);

  if (column < 0 || column >= (int) self->grand->len)
    return NULL;
  return gtk_label_get_text (g_ptr_array_index (self->grand, column));
}

/**
 * shouhu_annex1_page_get_error_message:
 *
 * Returns: (nullable): the message shown at a refused cell
 */
const char *
shouhu_annex1_page_get_error_message (ShouhuAnnex1Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_popover)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/**
 * shouhu_annex1_page_get_unsaved_message:
 *
 * Returns: (nullable): the line that names the figures shown but not
 * stored, while there are any
 */
const char *
shouhu_annex1_page_get_unsaved_message (ShouhuAnnex1Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->unsaved_label)))
    return NULL;
  return gtk_label_get_text (self->unsaved_label);
}

/* The lines that name the pairs of @as_of not stored, with why. */
static void
list_unstored (ShouhuAnnex1Page        *self,
               const ShouhuAnnex1Table *table,
               GPtrArray               *lines)
{
  g_autoptr(GArray) refs = shouhu_annex1_draft_list (self->draft, table->as_of);
  g_autofree char *date = shouhu_format_date (table->as_of);

  for (guint i = 0; i < refs->len; i++)
    {
      const ShouhuAnnex1PairRef *ref = &g_array_index (refs, ShouhuAnnex1PairRef, i);
      g_autofree char *message = NULL;

      shouhu_annex1_draft_get_state (self->draft, table, ref->district_id, ref->batch, NULL, &message);
      /* Translators: a date, then a district's figures and why they are refused */
      g_ptr_array_add (lines, g_strdup_printf (_("As of %s, %s"), date,
                                               message ? message : shouhu_district_get (ref->district_id)->name));
    }
}

/**
 * shouhu_annex1_page_store_typed:
 *
 * Before the window closes: takes what the focused cell holds, stores
 * every typed pair that keeps the rule with the figures as stored now,
 * and names what cannot be stored.
 *
 * Returns: (transfer full) (element-type utf8): one line per pair or
 *   remark that is not stored, naming its date and district and saying
 *   why; empty when nothing would be lost
 */
GPtrArray *
shouhu_annex1_page_store_typed (ShouhuAnnex1Page *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  GtkEditable *focus;
  g_auto(GStrv) dates = NULL;

  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), lines);

  if (self->store == NULL)
    return lines;
  focus = focused_cell (self);
  if (focus != NULL)
    commit_cell (self, focus);

  dates = shouhu_annex1_draft_dates (self->draft);
  for (guint i = 0; dates[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ShouhuAnnex1Table) table = shouhu_annex1_load (self->store, dates[i], &error);

      if (table != NULL && shouhu_annex1_draft_flush (self->draft, self->store, table, &error))
        {
          /* As stored now, for the reasons. */
          g_clear_pointer (&table, shouhu_annex1_table_free);
          table = shouhu_annex1_load (self->store, dates[i], &error);
        }
      if (error != NULL)
        g_ptr_array_add (lines, g_strdup (error->message));
      if (table != NULL)
        list_unstored (self, table, lines);
    }

  /* A refused remark stays in its cell, marked. */
  for (guint id = 1; id <= self->cells->len; id++)
    {
      GtkWidget *note = GTK_WIDGET (shouhu_annex1_page_cell_at (self, id, 0));

      if (gtk_widget_has_css_class (note, "error") && gtk_widget_get_tooltip_text (note) != NULL)
        /* Translators: a district, then why its remark is refused */
        g_ptr_array_add (lines, g_strdup_printf (_("%s, %s"), shouhu_district_get (id)->name,
                                                 gtk_widget_get_tooltip_text (note)));
    }
  if (self->table != NULL)
    fill_grid (self);
  return lines;
}

/**
 * shouhu_annex1_page_show_unstored:
 *
 * Shows the first figure or remark that is not stored, its cell focused,
 * to fix it.
 */
void
shouhu_annex1_page_show_unstored (ShouhuAnnex1Page *self)
{
  g_auto(GStrv) dates = NULL;
  g_autoptr(GArray) refs = NULL;
  const ShouhuAnnex1PairRef *ref;
  gboolean bad[2];

  g_return_if_fail (SHOUHU_IS_ANNEX1_PAGE (self));

  for (guint id = 1; id <= self->cells->len; id++)
    if (gtk_widget_has_css_class (GTK_WIDGET (shouhu_annex1_page_cell_at (self, id, 0)), "error"))
      {
        gtk_widget_grab_focus (GTK_WIDGET (shouhu_annex1_page_cell_at (self, id, 0)));
        return;
      }
  dates = shouhu_annex1_draft_dates (self->draft);
  if (dates[0] == NULL)
    return;
  if (!g_strv_contains ((const char * const *) dates, self->as_of))
    shouhu_annex1_page_set_date (self, dates[0]);
  refs = shouhu_annex1_draft_list (self->draft, self->as_of);
  if (refs->len == 0 || self->table == NULL)
    return;
  ref = &g_array_index (refs, ShouhuAnnex1PairRef, 0);
  shouhu_annex1_draft_get_state (self->draft, self->table, ref->district_id, ref->batch, bad, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (shouhu_annex1_page_get_cell (self, ref->district_id, ref->batch,
                                                                  bad[SHOUHU_ANNEX1_HUBEI] && !bad[SHOUHU_ANNEX1_TOTAL]
                                                                  ? SHOUHU_ANNEX1_HUBEI : SHOUHU_ANNEX1_TOTAL)));
}

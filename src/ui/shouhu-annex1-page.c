/* shouhu-annex1-page.c — the Annex 1 grid
 *
 * The grid is laid out as the notice prints the form: a two-row header,
 * one row per district in official order and a 合计 row.  Counts are typed
 * in place; a cell is stored when the focus leaves it (Tab, as in a
 * spreadsheet) or on Enter, which also moves down a row.  A rejected value
 * stays in the cell, marked, with the reason next to it, and nothing is
 * stored; Escape puts the stored value back.
 *
 * Messages go to the window's notification through the win.notify and
 * win.notify-undo actions; the Undo of a batch added by mistake is this
 * page's annex1.remove-last-batch action.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1-page.h"
#include "shouhu-validate.h"

#define HEADER_ROWS 2

struct _ShouhuAnnex1Page
{
  GtkWidget          parent_instance;

  ShouhuStore       *store;
  gulong             changed_id;
  char              *as_of;
  char             **dates;
  ShouhuAnnex1Table *table;
  int                built_batches;
  gboolean           filling;

  /* district_id - 1 → entries; [0] is the note, [2b-1] and [2b] batch b */
  GPtrArray         *cells;
  GPtrArray         *row_sums;   /* 41 × 2 labels: 共计 总人数, 支援湖北 */
  GPtrArray         *grand;      /* 合计 row labels, left to right */

  GtkStack          *content_stack;
  GtkGrid           *grid;
  GtkGrid           *footer;
  GPtrArray         *columns;    /* a GtkSizeGroup per column: grid and footer align */
  GtkDropDown       *date_dropdown;
  GtkStringList     *date_list;
  GtkMenuButton     *new_date_button;
  GtkEntry          *new_date_entry;
  GtkLabel          *new_date_error;
  GtkButton         *add_batch_button;
  GtkPopover        *error_popover;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (ShouhuAnnex1Page, shouhu_annex1_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (ShouhuAnnex1Page *self);

static GtkWidget *
header_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  /* Long English titles wrap; short Chinese ones must never be cut. */
  gtk_label_set_wrap (GTK_LABEL (label), g_utf8_strlen (text, -1) > 12);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "annex-header");
  return label;
}

static GtkWidget *
number_label (void)
{
  GtkWidget *label = gtk_label_new ("0");

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "annex-sum");
  return label;
}

static GtkEditable *
cell_at (ShouhuAnnex1Page *self,
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
  int district_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "district"));
  int batch = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "batch"));
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "field"));
  const ShouhuAnnex1Row *row = &self->table->rows[district_id - 1];

  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    return g_strdup (row->note);
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          field == SHOUHU_ANNEX1_TOTAL ? row->batches[batch - 1].total
                                                       : row->batches[batch - 1].hubei);
}

static void
hide_error (ShouhuAnnex1Page *self)
{
  gtk_popover_popdown (self->error_popover);
}

static void
show_error (ShouhuAnnex1Page *self,
            GtkEditable      *cell,
            const char       *message)
{
  GtkWidget *widget = GTK_WIDGET (cell);

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
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

static void
clear_cell_error (ShouhuAnnex1Page *self,
                  GtkEditable      *cell)
{
  gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (cell), NULL);
  if (gtk_widget_get_parent (GTK_WIDGET (self->error_popover)) == GTK_WIDGET (cell))
    hide_error (self);
}

/* Stores the cell's text.  Returns FALSE when it was rejected. */
static gboolean
commit_cell (ShouhuAnnex1Page *self,
             GtkEditable      *cell)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  const char *text = gtk_editable_get_text (cell);
  int district_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "district"));
  int batch = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "batch"));
  int field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "field"));
  gboolean ok;

  if (self->table == NULL || self->filling)
    return TRUE;

  stored = stored_text (self, cell);
  if (g_strcmp0 (stored, text) == 0)
    {
      clear_cell_error (self, cell);
      return TRUE;
    }

  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    ok = shouhu_annex1_set_note (self->store, self->as_of, district_id, text, &error);
  else
    ok = shouhu_annex1_set_count (self->store, self->as_of, district_id, batch, field, text, &error);

  if (!ok)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s",
                                                  shouhu_district_get (district_id)->name,
                                                  error->message);
      show_error (self, cell, message);
      return FALSE;
    }

  clear_cell_error (self, cell);
  /* The store's "changed" signal refreshed the page already; show the
   * value as stored (normalised: full-width digits, blanks). */
  self->filling = TRUE;
  g_free (stored);
  stored = stored_text (self, cell);
  gtk_editable_set_text (cell, stored);
  self->filling = FALSE;
  return TRUE;
}

static void
cell_activate_cb (GtkEntry         *entry,
                  ShouhuAnnex1Page *self)
{
  GtkEditable *cell = GTK_EDITABLE (entry);
  int district_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "district"));
  int index = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "index"));

  if (!commit_cell (self, cell))
    return;

  /* Enter moves down a row, as in a spreadsheet. */
  if (district_id < SHOUHU_N_DISTRICTS)
    gtk_widget_grab_focus (GTK_WIDGET (cell_at (self, district_id + 1, index)));
}

static gboolean
refocus_cb (gpointer user_data)
{
  g_autoptr(GtkWidget) cell = user_data;
  GtkRoot *root = gtk_widget_get_root (cell);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *focus_cell = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  /* Never pull the focus away from another cell that needs fixing. */
  if (focus_cell != NULL && gtk_widget_has_css_class (focus_cell, "error"))
    return G_SOURCE_REMOVE;
  if (gtk_widget_get_mapped (cell) && gtk_widget_has_css_class (cell, "error"))
    gtk_widget_grab_focus (cell);
  return G_SOURCE_REMOVE;
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               ShouhuAnnex1Page        *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell));

  if (commit_cell (self, GTK_EDITABLE (cell)))
    {
      g_object_set_data (G_OBJECT (cell), "refused", NULL);
      return;
    }

  /* As in a spreadsheet, a rejected value keeps the focus in its cell,
   * once: leaving again with the same text is the user's choice (the
   * cell stays marked, nothing is stored). */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (cell), "refused"), text) == 0)
    return;
  g_object_set_data_full (G_OBJECT (cell), "refused", g_strdup (text), g_free);
  g_idle_add (refocus_cb, g_object_ref (cell));
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     ShouhuAnnex1Page      *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  g_autofree char *stored = NULL;

  if (keyval != GDK_KEY_Escape || self->table == NULL)
    return FALSE;

  stored = stored_text (self, GTK_EDITABLE (cell));
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (cell), stored);
  self->filling = FALSE;
  clear_cell_error (self, GTK_EDITABLE (cell));
  return TRUE;
}

static GtkWidget *
new_cell (ShouhuAnnex1Page *self,
          int               district_id,
          int               batch,
          int               field,
          int               index)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
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
  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
  g_signal_connect (key, "key-pressed", G_CALLBACK (cell_key_pressed_cb), self);
  gtk_widget_add_controller (entry, focus);
  gtk_widget_add_controller (entry, key);
  return entry;
}

/* Attaches a one-column widget and ties its width to its column, so that
 * the 合计 row below the scrolled grid lines up with it. */
static void
attach_cell (ShouhuAnnex1Page *self,
             GtkGrid          *grid,
             GtkWidget        *widget,
             int               col,
             int               row)
{
  /* One-column titles of the header span both of its rows. */
  int height = (grid == self->grid && row == 0 && GTK_IS_LABEL (widget) &&
                gtk_widget_has_css_class (widget, "annex-header")) ? HEADER_ROWS : 1;

  gtk_grid_attach (grid, widget, col, row, 1, height);
  while ((int) self->columns->len <= col)
    g_ptr_array_add (self->columns, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
  gtk_size_group_add_widget (g_ptr_array_index (self->columns, col), widget);
}

static void
attach_header (ShouhuAnnex1Page *self,
               int               n_batches)
{
  int col = 0;

  attach_cell (self, self->grid, header_label (_("No.")), col++, 0);
  attach_cell (self, self->grid, header_label (_("District")), col++, 0);
  /* Translators: the 共计 column of Annex 1, the sum of all batches */
  attach_cell (self, self->grid, header_label (C_("annex 1 column", "All Batches")), col++, 0);
  attach_cell (self, self->grid, header_label (_("Of whom: supporting Hubei")), col++, 0);
  for (int b = 1; b <= n_batches; b++)
    {
      g_autofree char *label = shouhu_annex1_batch_label (b);

      gtk_grid_attach (self->grid, header_label (label), col, 0, 2, 1);
      attach_cell (self, self->grid, header_label (_("Total")), col, 1);
      attach_cell (self, self->grid, header_label (_("Of whom: supporting Hubei")), col + 1, 1);
      col += 2;
    }
  attach_cell (self, self->grid, header_label (_("Remarks")), col, 0);
}

static void
clear_grid (ShouhuAnnex1Page *self)
{
  GtkWidget *child;

  /* The popover may sit on a cell that is about to go. */
  gtk_popover_popdown (self->error_popover);
  g_object_ref (self->error_popover);
  gtk_widget_unparent (GTK_WIDGET (self->error_popover));
  gtk_widget_set_parent (GTK_WIDGET (self->error_popover), GTK_WIDGET (self));
  g_object_unref (self->error_popover);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->footer))) != NULL)
    gtk_grid_remove (self->footer, child);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_sums, 0);
  g_ptr_array_set_size (self->grand, 0);
}

static void
build_grid (ShouhuAnnex1Page *self,
            int               n_batches)
{
  GtkWidget *label;
  int col;

  clear_grid (self);
  attach_header (self, n_batches);

  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      const ShouhuDistrict *d = shouhu_district_get (id);
      GPtrArray *row = g_ptr_array_new ();
      g_autofree char *number = g_strdup_printf ("%d", id);
      int grid_row = HEADER_ROWS + id - 1;
      GtkWidget *note;

      label = gtk_label_new (number);
      gtk_widget_add_css_class (label, "dim-label");
      attach_cell (self, self->grid, label, 0, grid_row);
      label = gtk_label_new (d->name);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      attach_cell (self, self->grid, label, 1, grid_row);

      for (int k = 0; k < 2; k++)
        {
          label = number_label ();
          g_ptr_array_add (self->row_sums, label);
          attach_cell (self, self->grid, label, 2 + k, grid_row);
        }

      note = new_cell (self, id, SHOUHU_ANNEX1_NOTE_BATCH, 0, 0);
      g_ptr_array_add (row, note);
      col = 4;
      for (int b = 1; b <= n_batches; b++)
        for (int f = SHOUHU_ANNEX1_TOTAL; f <= SHOUHU_ANNEX1_HUBEI; f++)
          {
            GtkWidget *cell = new_cell (self, id, b, f, (int) row->len);

            g_ptr_array_add (row, cell);
            attach_cell (self, self->grid, cell, col++, grid_row);
          }
      attach_cell (self, self->grid, note, col, grid_row);
      g_ptr_array_add (self->cells, row);
    }

  attach_cell (self, self->footer, gtk_label_new (NULL), 0, 0);
  label = gtk_label_new (_("Sum"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "annex-sum");
  attach_cell (self, self->footer, label, 1, 0);
  for (col = 2; col < 4 + 2 * n_batches; col++)
    {
      label = number_label ();
      /* Entries draw a frame; keep the figures over the figures. */
      if (col >= 4)
        gtk_widget_add_css_class (label, "under-entry");
      g_ptr_array_add (self->grand, label);
      attach_cell (self, self->footer, label, col, 0);
    }
  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  attach_cell (self, self->footer, label, col, 0);

  self->built_batches = n_batches;
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
fill_grid (ShouhuAnnex1Page *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  ShouhuCount grand = shouhu_annex1_grand_total (self->table);
  int col = 0;

  self->filling = TRUE;
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    {
      GPtrArray *row = g_ptr_array_index (self->cells, id - 1);
      ShouhuCount sum = shouhu_annex1_row_sum (self->table, id - 1);

      for (guint i = 0; i < row->len; i++)
        {
          GtkWidget *cell = g_ptr_array_index (row, i);
          g_autofree char *text = NULL;

          /* Leave alone what the user is typing or has to correct. */
          if ((focus != NULL && gtk_widget_is_ancestor (focus, cell)) ||
              gtk_widget_has_css_class (cell, "error"))
            continue;
          text = stored_text (self, GTK_EDITABLE (cell));
          gtk_editable_set_text (GTK_EDITABLE (cell), text);
        }
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
  self->filling = FALSE;
}

static void
update_dates (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) dates = shouhu_annex1_list_dates (self->store, &error);
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

  self->filling = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->date_list));
  {
    g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; self->dates[i] != NULL; i++)
      {
        g_ptr_array_add (shown, shouhu_annex1_format_date (self->dates[i]));
        if (g_strcmp0 (self->dates[i], self->as_of) == 0)
          selected = i;
      }
    g_ptr_array_add (shown, NULL);
    gtk_string_list_splice (self->date_list, 0, n, (const char * const *) shown->pdata);
  }
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->date_dropdown, selected);
  self->filling = FALSE;
}

static void
refresh (ShouhuAnnex1Page *self)
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_batch_button), self->table != NULL);

  if (self->table == NULL)
    {
      if (error != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (self->built_batches != self->table->n_batches)
    build_grid (self, self->table->n_batches);
  fill_grid (self);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
}

static void
store_changed_cb (ShouhuStore      *store,
                  ShouhuAnnex1Page *self)
{
  refresh (self);
}

static void
date_selected_cb (GtkDropDown      *dropdown,
                  GParamSpec       *pspec,
                  ShouhuAnnex1Page *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->filling || self->dates == NULL || selected >= g_strv_length (self->dates))
    return;
  shouhu_annex1_page_set_date (self, self->dates[selected]);
}

static void
new_date_popover_show_cb (GtkPopover       *popover,
                          ShouhuAnnex1Page *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->new_date_entry), today);
  gtk_label_set_text (self->new_date_error, "");
  gtk_widget_set_visible (GTK_WIDGET (self->new_date_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_date_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_date_entry));
}

static void
create_date_cb (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = shouhu_annex1_latest_date (self->store, NULL);
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_date_entry));

  if (!shouhu_validate_date (_("Date"), text, &date, &error) ||
      !shouhu_annex1_new_date (self->store, date, &error))
    {
      gtk_label_set_text (self->new_date_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->new_date_error), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_date_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->new_date_entry));
      return;
    }

  gtk_menu_button_popdown (self->new_date_button);
  shouhu_annex1_page_set_date (self, date);
  if (latest != NULL)
    message = g_strdup_printf (_("Started the table as of %s with the figures as of %s"), date, latest);
  else
    message = g_strdup_printf (_("Started the table as of %s"), date);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", message);
}

/* The Undo of add_batch_cb(): core refuses when figures went in since. */
static void
remove_last_batch_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store != NULL &&
      !shouhu_annex1_remove_last_batch (self->store, g_variant_get_string (parameter, NULL), &error))
    gtk_widget_activate_action (widget, "win.notify", "s", error->message);
}

static void
add_batch_cb (ShouhuAnnex1Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) as_of = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autofree char *undo = NULL;

  if (self->table == NULL)
    return;
  if (!shouhu_annex1_add_batch (self->store, self->as_of, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  label = shouhu_annex1_batch_label (self->table->n_batches);
  message = g_strdup_printf (_("Added a column for %s"), label);
  as_of = g_variant_ref_sink (g_variant_new_string (self->as_of));
  undo = g_action_print_detailed_name ("annex1.remove-last-batch", as_of);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, undo);
}

static void
new_date_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  gtk_menu_button_popup (SHOUHU_ANNEX1_PAGE (widget)->new_date_button);
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
  refresh (self);
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
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, grid);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, footer);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, date_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, date_list);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, new_date_error);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex1Page, add_batch_button);
  gtk_widget_class_bind_template_callback (widget_class, date_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_date_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_batch_cb);

  gtk_widget_class_install_action (widget_class, "annex1.new-date", NULL, new_date_action_cb);
  gtk_widget_class_install_action (widget_class, "annex1.remove-last-batch", "s", remove_last_batch_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "annex1.new-date", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_annex1_page_init (ShouhuAnnex1Page *self)
{
  self->cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  self->row_sums = g_ptr_array_new ();
  self->grand = g_ptr_array_new ();
  self->columns = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The reason a value was rejected, shown at the cell without taking the
   * focus from it. */
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
      self->built_batches = 0;  /* other cells: drop marks and typed text */
    }
  g_clear_pointer (&self->dates, g_strfreev);
  refresh (self);
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
    return cell_at (self, district_id, 0);
  return cell_at (self, district_id, 2 * batch - 1 + (field == SHOUHU_ANNEX1_HUBEI));
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
 * Returns: (nullable): the message shown at a rejected cell
 */
const char *
shouhu_annex1_page_get_error_message (ShouhuAnnex1Page *self)
{
  g_return_val_if_fail (SHOUHU_IS_ANNEX1_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_popover)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

/* shouhu-annex1-page-grid.c — laying out the Annex 1 grid
 *
 * Three grids, as the notice prints the form: the two-row header above,
 * the district rows between, scrolling, and the 合计 row below.  A size
 * group per column keeps the three aligned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1-page-private.h"

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


/* Attaches a widget of @height rows and ties its width to its column,
 * so that the headers above and the 合计 row below the scrolled rows line
 * up with them. */
static void
attach_cell (ShouhuAnnex1Page *self,
             GtkGrid          *grid,
             GtkWidget        *widget,
             int               col,
             int               row,
             int               height)
{
  gtk_grid_attach (grid, widget, col, row, 1, height);
  while ((int) self->columns->len <= col)
    g_ptr_array_add (self->columns, gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL));
  gtk_size_group_add_widget (g_ptr_array_index (self->columns, col), widget);
}

static void
attach_header (ShouhuAnnex1Page *self,
               int               n_batches)
{
  GtkWidget *note;
  int col = 0;

  /* One-column titles span both rows of the header. */
  attach_cell (self, self->header, header_label (_("No.")), col++, 0, 2);
  attach_cell (self, self->header, header_label (_("District")), col++, 0, 2);
  /* Translators: the 共计 column of Annex 1, the sum of all batches */
  attach_cell (self, self->header, header_label (C_("annex 1 column", "All Batches")), col++, 0, 2);
  attach_cell (self, self->header, header_label (_("Of whom: supporting Hubei")), col++, 0, 2);
  for (int b = 1; b <= n_batches; b++)
    {
      g_autofree char *label = shouhu_annex1_batch_label (b);

      gtk_grid_attach (self->header, header_label (label), col, 0, 2, 1);
      attach_cell (self, self->header, header_label (_("Total")), col, 1, 1);
      attach_cell (self, self->header, header_label (_("Of whom: supporting Hubei")), col + 1, 1, 1);
      col += 2;
    }
  note = header_label (_("Remarks"));
  gtk_widget_set_hexpand (note, TRUE);
  attach_cell (self, self->header, note, col, 0, 2);
}

void
shouhu_annex1_page_clear_grid (ShouhuAnnex1Page *self)
{
  GtkGrid *grids[] = { self->header, self->grid, self->footer };
  GtkWidget *child;

  /* The popover may sit on a cell that is about to go. */
  gtk_popover_popdown (self->error_popover);
  g_object_ref (self->error_popover);
  gtk_widget_unparent (GTK_WIDGET (self->error_popover));
  gtk_widget_set_parent (GTK_WIDGET (self->error_popover), GTK_WIDGET (self));
  g_object_unref (self->error_popover);

  for (guint i = 0; i < G_N_ELEMENTS (grids); i++)
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (grids[i]))) != NULL)
      gtk_grid_remove (grids[i], child);
  g_ptr_array_set_size (self->columns, 0);
  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->row_sums, 0);
  g_ptr_array_set_size (self->grand, 0);
}

static void
attach_row (ShouhuAnnex1Page *self,
            int               id,
            int               n_batches)
{
  const ShouhuDistrict *d = shouhu_district_get (id);
  GPtrArray *row = g_ptr_array_new ();
  g_autofree char *number = g_strdup_printf ("%d", id);
  int grid_row = id - 1;
  GtkWidget *label, *note;
  int col = 4;

  label = gtk_label_new (number);
  gtk_widget_add_css_class (label, "dim-label");
  attach_cell (self, self->grid, label, 0, grid_row, 1);
  label = gtk_label_new (d->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  attach_cell (self, self->grid, label, 1, grid_row, 1);

  for (int k = 0; k < 2; k++)
    {
      label = number_label ();
      g_ptr_array_add (self->row_sums, label);
      attach_cell (self, self->grid, label, 2 + k, grid_row, 1);
    }

  note = shouhu_annex1_page_new_cell (self, id, SHOUHU_ANNEX1_NOTE_BATCH, 0, 0);
  g_ptr_array_add (row, note);
  for (int b = 1; b <= n_batches; b++)
    for (int f = SHOUHU_ANNEX1_TOTAL; f <= SHOUHU_ANNEX1_HUBEI; f++)
      {
        GtkWidget *cell = shouhu_annex1_page_new_cell (self, id, b, f, (int) row->len);

        g_ptr_array_add (row, cell);
        attach_cell (self, self->grid, cell, col++, grid_row, 1);
      }
  attach_cell (self, self->grid, note, col, grid_row, 1);
  g_ptr_array_add (self->cells, row);
}

void
shouhu_annex1_page_build_grid (ShouhuAnnex1Page *self,
                               int               n_batches)
{
  GtkWidget *label;
  int col;

  shouhu_annex1_page_clear_grid (self);
  attach_header (self, n_batches);
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    attach_row (self, id, n_batches);

  attach_cell (self, self->footer, gtk_label_new (NULL), 0, 0, 1);
  label = gtk_label_new (_("Sum"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "annex-sum");
  attach_cell (self, self->footer, label, 1, 0, 1);
  for (col = 2; col < 4 + 2 * n_batches; col++)
    {
      label = number_label ();
      /* Entries draw a frame; keep the figures over the figures. */
      if (col >= 4)
        gtk_widget_add_css_class (label, "under-entry");
      g_ptr_array_add (self->grand, label);
      attach_cell (self, self->footer, label, col, 0, 1);
    }
  label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (label, TRUE);
  attach_cell (self, self->footer, label, col, 0, 1);

  self->built_batches = n_batches;
}

/* The rows scroll downwards only, between the headers and the 合计 row;
 * sideways (a touchpad, Shift and the wheel) they move the whole table
 * with them, as the headers do. */
static gboolean
rows_scroll_cb (GtkEventControllerScroll *controller,
                double                    dx,
                double                    dy,
                ShouhuAnnex1Page         *self)
{
  GtkAdjustment *sideways = gtk_scrolled_window_get_hadjustment (self->table_scroller);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double delta = dx;

  if (delta == 0 && (state & GDK_SHIFT_MASK) != 0)
    delta = dy;
  if (delta == 0)
    return FALSE;
  /* A notch of the wheel moves a fifth of the width shown. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= gtk_adjustment_get_page_size (sideways) / 5;
  gtk_adjustment_set_value (sideways, gtk_adjustment_get_value (sideways) + delta);
  return TRUE;
}

void
shouhu_annex1_page_init_scrolling (ShouhuAnnex1Page *self)
{
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);

  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (rows_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->rows_scroller), scroll);
}

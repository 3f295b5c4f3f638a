/* shouhu-conflict-view.c — what changed elsewhere while a record was edited
 *
 * Shown in an editor whose save found the record changed by another
 * window or program since it was opened: one line per changed field with
 * the value the user has and the value now stored, and the two ways on,
 * Reload and Overwrite (the editor's actions, named at construction).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-conflict-view.h"

struct _ShouhuConflictView
{
  GtkWidget  parent_instance;

  GtkGrid   *grid;
  GtkWidget *reload_button;
  GtkWidget *overwrite_button;
  GPtrArray *rows;   /* GStrv: field, yours, stored */
};

G_DEFINE_FINAL_TYPE (ShouhuConflictView, shouhu_conflict_view, GTK_TYPE_WIDGET)

static GtkWidget *
cell_label (const char *text,
            gboolean    heading)
{
  gboolean empty = text == NULL || *text == '\0';
  GtkWidget *label = gtk_label_new (empty ? "—" : text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), !heading && !empty);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  else if (empty)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
add_heading_row (ShouhuConflictView *self)
{
  /* Translators: column of the conflict view: the field's name */
  gtk_grid_attach (self->grid, cell_label (_("Field"), TRUE), 0, 0, 1, 1);
  /* Translators: column of the conflict view: what the user typed */
  gtk_grid_attach (self->grid, cell_label (_("Yours"), TRUE), 1, 0, 1, 1);
  /* Translators: column of the conflict view: what another window or program saved */
  gtk_grid_attach (self->grid, cell_label (_("Now Stored"), TRUE), 2, 0, 1, 1);
}

static void
shouhu_conflict_view_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (shouhu_conflict_view_parent_class)->dispose (object);
}

static void
shouhu_conflict_view_finalize (GObject *object)
{
  g_clear_pointer (&SHOUHU_CONFLICT_VIEW (object)->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (shouhu_conflict_view_parent_class)->finalize (object);
}

static void
shouhu_conflict_view_class_init (ShouhuConflictViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_conflict_view_dispose;
  object_class->finalize = shouhu_conflict_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "shouhu-conflict-view");
}

static void
shouhu_conflict_view_init (ShouhuConflictView *self)
{
  GtkWidget *title = gtk_label_new (_("Changed elsewhere since you opened this record"));
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 8);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "title-4");
  gtk_widget_set_parent (title, GTK_WIDGET (self));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 4);
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_widget_set_parent (GTK_WIDGET (self->grid), GTK_WIDGET (self));
  add_heading_row (self);

  self->reload_button = gtk_button_new_with_mnemonic (_("_Reload"));
  gtk_widget_set_tooltip_text (self->reload_button,
                               _("Take the stored values of these fields and keep editing; "
                                 "what you typed in the other fields stays"));
  self->overwrite_button = gtk_button_new_with_mnemonic (_("_Overwrite"));
  gtk_widget_set_tooltip_text (self->overwrite_button,
                               _("Save your values over the stored ones"));
  gtk_widget_add_css_class (self->overwrite_button, "destructive-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->reload_button);
  gtk_box_append (GTK_BOX (buttons), self->overwrite_button);
  gtk_widget_set_parent (buttons, GTK_WIDGET (self));
}

/* Public API */

/**
 * shouhu_conflict_view_new:
 * @reload_action: the action of the Reload button ("editor.reload")
 * @overwrite_action: the action of the Overwrite button
 */
GtkWidget *
shouhu_conflict_view_new (const char *reload_action,
                          const char *overwrite_action)
{
  ShouhuConflictView *self = g_object_new (SHOUHU_TYPE_CONFLICT_VIEW, NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->reload_button), reload_action);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->overwrite_button), overwrite_action);
  return GTK_WIDGET (self);
}

void
shouhu_conflict_view_clear (ShouhuConflictView *self)
{
  GtkWidget *child;

  g_return_if_fail (SHOUHU_IS_CONFLICT_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  add_heading_row (self);
  g_ptr_array_set_size (self->rows, 0);
}

void
shouhu_conflict_view_add_row (ShouhuConflictView *self,
                              const char         *field,
                              const char         *yours,
                              const char         *stored)
{
  int row;

  g_return_if_fail (SHOUHU_IS_CONFLICT_VIEW (self));

  g_ptr_array_add (self->rows, g_strdupv ((char *[]) { (char *) field, (char *) yours, (char *) stored, NULL }));
  row = (int) self->rows->len;
  gtk_grid_attach (self->grid, cell_label (field, TRUE), 0, row, 1, 1);
  gtk_grid_attach (self->grid, cell_label (yours, FALSE), 1, row, 1, 1);
  gtk_grid_attach (self->grid, cell_label (stored, FALSE), 2, row, 1, 1);
}

guint
shouhu_conflict_view_get_n_rows (ShouhuConflictView *self)
{
  g_return_val_if_fail (SHOUHU_IS_CONFLICT_VIEW (self), 0);
  return self->rows->len;
}

/**
 * shouhu_conflict_view_get_row:
 * @yours: (out) (optional): the user's value
 * @stored: (out) (optional): the value now stored
 *
 * Returns: the field's label
 */
const char *
shouhu_conflict_view_get_row (ShouhuConflictView  *self,
                              guint                row,
                              const char         **yours,
                              const char         **stored)
{
  char **cells;

  g_return_val_if_fail (SHOUHU_IS_CONFLICT_VIEW (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  cells = g_ptr_array_index (self->rows, row);
  if (yours != NULL)
    *yours = cells[1];
  if (stored != NULL)
    *stored = cells[2];
  return cells[0];
}

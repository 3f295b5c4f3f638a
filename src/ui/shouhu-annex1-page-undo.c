/* shouhu-annex1-page-undo.c — taking back a stored Annex 1 change
 *
 * Every figure pair or 备注 the page stores is registered with the
 * window's undo stack (win.add-undo): Ctrl+Z then activates
 * annex1.undo-change with what was stored before and what the change
 * stored, so that the page keeps nothing.  Undoing puts the earlier values
 * back through core, unless the cell's values are no longer those the
 * change stored (another program, or a later change, wrote there since):
 * then it says so and changes nothing.  The focus goes to the cell.
 *
 * A cell being typed in keeps Ctrl+Z for its own typing; once its text is
 * what the page shows (stored, or kept as typed), Ctrl+Z is the window's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex1-page-private.h"
#include "shouhu-date.h"

/* (as_of, district, batch, before total, hubei, note, after total, hubei, note);
 * batch is SHOUHU_ANNEX1_NOTE_BATCH for a 备注. */
#define CHANGE_TYPE "(siixxsxxs)"

static void
register_change (ShouhuAnnex1Page *self,
                 int               district_id,
                 int               batch,
                 ShouhuCount       before,
                 const char       *before_note,
                 ShouhuCount       after,
                 const char       *after_note)
{
  const ShouhuDistrict *d = shouhu_district_get (district_id);
  g_autoptr(GVariant) target = NULL;
  g_autofree char *detailed = NULL;
  g_autofree char *description = NULL;

  target = g_variant_ref_sink (g_variant_new (CHANGE_TYPE, self->as_of, district_id, batch,
                                              before.total, before.hubei, before_note,
                                              after.total, after.hubei, after_note));
  detailed = g_action_print_detailed_name ("annex1.undo-change", target);
  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    /* Translators: %s is a district */
    description = g_strdup_printf (_("Changed the remarks of %s"), d->name);
  else
    {
      g_autofree char *label = shouhu_annex1_batch_label (batch);

      /* Translators: a district, a batch (第一批) */
      description = g_strdup_printf (_("Changed the figures of %s, %s"), d->name, label);
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-undo", "(ss)", description, detailed);
}

void
shouhu_annex1_page_register_pair (ShouhuAnnex1Page *self,
                                  int               district_id,
                                  int               batch,
                                  ShouhuCount       before,
                                  ShouhuCount       after)
{
  if (before.total == after.total && before.hubei == after.hubei)
    return;
  register_change (self, district_id, batch, before, "", after, "");
}

void
shouhu_annex1_page_register_note (ShouhuAnnex1Page *self,
                                  int               district_id,
                                  const char       *before,
                                  const char       *after)
{
  ShouhuCount none = { 0, 0 };

  if (g_strcmp0 (before, after) == 0)
    return;
  register_change (self, district_id, SHOUHU_ANNEX1_NOTE_BATCH, none, before, none, after);
}

/* Puts the values before the change back, when the store still holds
 * those the change left. */
static gboolean
undo_change (ShouhuAnnex1Page  *self,
             const char        *as_of,
             int                district_id,
             int                batch,
             ShouhuCount        before,
             const char        *before_note,
             ShouhuCount        after,
             const char        *after_note,
             GError           **error)
{
  g_autoptr(ShouhuAnnex1Table) table = shouhu_annex1_load (self->store, as_of, error);
  const ShouhuAnnex1Row *row;
  gboolean as_left;

  if (table == NULL)
    return FALSE;
  row = &table->rows[district_id - 1];
  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    as_left = g_strcmp0 (row->note, after_note) == 0;
  else
    as_left = batch <= table->n_batches && row->batches[batch - 1].total == after.total &&
              row->batches[batch - 1].hubei == after.hubei;
  if (!as_left)
    {
      g_autofree char *date = shouhu_format_date (as_of);
      const char *district = shouhu_district_get (district_id)->name;

      if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
        g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                     /* Translators: a district, a date */
                     _("The remarks of %s as of %s were changed again since: the earlier change was "
                       "not undone."), district, date);
      else
        {
          g_autofree char *label = shouhu_annex1_batch_label (batch);

          g_set_error (error, SHOUHU_ANNEX1_ERROR, SHOUHU_ANNEX1_ERROR_INVALID,
                       /* Translators: a district, a batch, a date */
                       _("The figures of %s, %s as of %s were changed again since: the earlier change "
                         "was not undone."), district, label, date);
        }
      return FALSE;
    }
  if (batch == SHOUHU_ANNEX1_NOTE_BATCH)
    return shouhu_annex1_set_note (self->store, as_of, district_id, before_note, error);
  return shouhu_annex1_set_pair (self->store, as_of, district_id, batch, before.total, before.hubei, error);
}

/* annex1.undo-change (CHANGE_TYPE) */
static void
undo_change_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuAnnex1Page *self = SHOUHU_ANNEX1_PAGE (widget);
  g_autoptr(GError) error = NULL;
  const char *as_of, *before_note, *after_note;
  ShouhuCount before, after;
  int district_id, batch;

  g_variant_get (parameter, "(&siixx&sxx&s)", &as_of, &district_id, &batch, &before.total, &before.hubei,
                 &before_note, &after.total, &after.hubei, &after_note);
  if (self->store == NULL || district_id < 1 || district_id > SHOUHU_N_DISTRICTS)
    return;
  if (!undo_change (self, as_of, district_id, batch, before, before_note, after, after_note, &error))
    {
      gtk_widget_activate_action (widget, "win.notify", "s", error->message);
      return;
    }
  if (g_strcmp0 (self->as_of, as_of) != 0)
    shouhu_annex1_page_set_date (self, as_of);
  if (self->table != NULL && g_strcmp0 (self->as_of, as_of) == 0 &&
      (batch == SHOUHU_ANNEX1_NOTE_BATCH || batch <= self->table->n_batches))
    gtk_widget_grab_focus (GTK_WIDGET (shouhu_annex1_page_cell_at (self, district_id,
                                                                   batch == SHOUHU_ANNEX1_NOTE_BATCH ? 0
                                                                                                     : 2 * batch - 1)));
}

void
shouhu_annex1_page_class_add_undo (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "annex1.undo-change", CHANGE_TYPE, undo_change_cb);
}

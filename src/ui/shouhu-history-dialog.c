/* shouhu-history-dialog.c — the change history of one record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-date.h"
#include "shouhu-history-dialog.h"
#include "shouhu-ledger.h"

struct _ShouhuHistoryDialog
{
  GtkWindow  parent_instance;
};

G_DEFINE_FINAL_TYPE (ShouhuHistoryDialog, shouhu_history_dialog, GTK_TYPE_WINDOW)

static const char *
action_label (const char *action)
{
  if (g_strcmp0 (action, "create") == 0)
    return _("Created");
  if (g_strcmp0 (action, "edit") == 0)
    return _("Changed");
  if (g_strcmp0 (action, "delete") == 0)
    return _("Deleted");
  if (g_strcmp0 (action, "restore") == 0)
    return _("Restored");
  if (g_strcmp0 (action, "pair") == 0)
    return _("Paired");
  if (g_strcmp0 (action, "unpair") == 0)
    return _("Unpaired");
  if (g_strcmp0 (action, "import") == 0)
    return _("Imported");
  /* Translators: two records of one volunteer became one */
  if (g_strcmp0 (action, "merge") == 0)
    return _("Merged");
  /* Translators: a merge of two records of one volunteer was taken back */
  if (g_strcmp0 (action, "unmerge") == 0)
    return _("Merge undone");
  return action;
}

/* What an import did: "由导入 文件名 新增" and the like. */
static char *
import_action_label (const ShouhuHistoryEntry *e)
{
  if (g_strcmp0 (e->action, "create") == 0)
    /* Translators: %s is the name of the imported file */
    return g_strdup_printf (_("Created by importing %s"), e->import_file);
  if (g_strcmp0 (e->action, "edit") == 0)
    return g_strdup_printf (_("Changed by importing %s"), e->import_file);
  if (g_strcmp0 (e->action, "delete") == 0)
    return g_strdup_printf (_("Removed by importing %s (not in the file)"), e->import_file);
  if (g_strcmp0 (e->action, "pair") == 0)
    return g_strdup_printf (_("Paired by importing %s"), e->import_file);
  if (g_strcmp0 (e->action, "unpair") == 0)
    return g_strdup_printf (_("Unpaired by importing %s"), e->import_file);
  return g_strdup_printf ("%s (%s)", action_label (e->action), e->import_file);
}

static char *
entry_action_label (const ShouhuHistoryEntry *e)
{
  return e->import_file != NULL ? import_action_label (e) : g_strdup (action_label (e->action));
}

static char *
describe (const ShouhuHistoryEntry *e)
{
  const char *field = g_strcmp0 (e->entity, "service") == 0 ? shouhu_ledger_column_label (e->field)
                                                             : shouhu_annex2_column_label (e->entity, e->field);

  if (g_strcmp0 (e->action, "edit") == 0)
    /* Translators: a change in the history: field, old value → new value */
    return g_strdup_printf (_("%s: “%s” → “%s”"), field,
                            e->old_value ? e->old_value : "", e->new_value ? e->new_value : "");
  /* pair and unpair name the other side; create, delete and restore list
   * the record's values field by field. */
  if (e->field != NULL)
    /* Translators: a field and its value in the history */
    return g_strdup_printf (_("%s: %s"), field, e->new_value ? e->new_value : (e->old_value ? e->old_value : ""));
  return g_strdup (e->new_value ? e->new_value : (e->old_value ? e->old_value : ""));
}

static void
shouhu_history_dialog_class_init (ShouhuHistoryDialogClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
shouhu_history_dialog_init (ShouhuHistoryDialog *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 420);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
}

/**
 * shouhu_history_dialog_new:
 * @entity: "worker", "volunteer", "district_form" or "service"
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
GtkWindow *
shouhu_history_dialog_new (GtkWindow   *parent,
                           ShouhuStore *store,
                           const char  *entity,
                           gint64       entity_id,
                           const char  *title)
{
  ShouhuHistoryDialog *self = g_object_new (SHOUHU_TYPE_HISTORY_DIALOG,
                                            "transient-for", parent,
                                            "title", title,
                                            NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = shouhu_annex2_history (store, entity, entity_id, &error);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  g_object_set (grid, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 12, NULL);

  if (entries == NULL || entries->len == 0)
    {
      GtkWidget *label = gtk_label_new (error ? error->message : _("No changes recorded"));
      gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
    }
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const ShouhuHistoryEntry *e = entries->pdata[i];
      g_autofree char *at = shouhu_format_date_time (e->at);
      g_autofree char *what = describe (e);
      g_autofree char *action = entry_action_label (e);
      GtkWidget *labels[] = { gtk_label_new (at), gtk_label_new (action), gtk_label_new (what) };

      for (guint c = 0; c < G_N_ELEMENTS (labels); c++)
        {
          gtk_label_set_xalign (GTK_LABEL (labels[c]), 0);
          gtk_label_set_selectable (GTK_LABEL (labels[c]), TRUE);
          gtk_grid_attach (GTK_GRID (grid), labels[c], (int) c, (int) i, 1, 1);
        }
      gtk_label_set_wrap (GTK_LABEL (labels[2]), TRUE);
      gtk_widget_add_css_class (labels[0], "numeric");
    }

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_window_set_child (GTK_WINDOW (self), scrolled);
  return GTK_WINDOW (self);
}

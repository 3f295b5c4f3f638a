/* shouhu-ledger-dialog.c — the ledger of one family or one volunteer
 *
 * A family's ledger says when it was last contacted, whether it is 需回访,
 * and lists its services newest first, its open needs alone on request;
 * a volunteer's ledger lists the services the volunteer took part in.
 * Records are added (Ctrl+N), edited (Enter), deleted with an Undo
 * (Delete, Ctrl+Z) and their history shown (Ctrl+H) from here.  The list
 * follows the store's "changed" signal, so it is never stale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-history-dialog.h"
#include "shouhu-ledger-dialog.h"
#include "shouhu-service-dialog.h"
#include "shouhu-service-row.h"
#include "shouhu-settings.h"

struct _ShouhuLedgerDialog
{
  GtkWindow           parent_instance;

  ShouhuStore        *store;
  gulong              changed_id;
  ShouhuLedgerOf      of;
  gint64              id;
  GtkSingleSelection *selection;
  ShouhuService      *last_deleted;   /* what Undo brings back */

  GtkLabel           *summary_label;
  GtkCheckButton     *open_check;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkLabel           *empty_label;
  GtkRevealer        *undo_revealer;
  GtkLabel           *undo_label;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (ShouhuLedgerDialog, shouhu_ledger_dialog, GTK_TYPE_WINDOW)

typedef enum
{
  COLUMN_DAY,
  COLUMN_KIND,
  COLUMN_OTHER_SIDE,   /* the volunteers, or the family in a volunteer's ledger */
  COLUMN_CONTENT,
  COLUMN_MINUTES,
  COLUMN_NEED,
  COLUMN_SOLVED,
  COLUMN_TYPICAL,
  N_COLUMNS
} Column;

static void
show_error (ShouhuLedgerDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The summary line */

static void
add_part (GString    *text,
          const char *part)
{
  if (text->len > 0)
    /* Translators: between the parts of the ledger's summary line */
    g_string_append (text, _(" · "));
  g_string_append (text, part);
}

static void
add_totals (GString   *text,
            GPtrArray *services)
{
  gint64 minutes = 0;
  guint open = 0;

  for (guint i = 0; i < services->len; i++)
    {
      const ShouhuService *s = services->pdata[i];

      minutes += s->minutes;
      open += s->need[0] != '\0' && !s->solved;
    }
  {
    /* Translators: services recorded and their hours in the ledger's summary */
    g_autofree char *count = g_strdup_printf (g_dngettext (NULL, "%u service, %.1f hours", "%u services, %.1f hours",
                                                           services->len),
                                              services->len, minutes / 60.0);
    g_autofree char *needs = g_strdup_printf (g_dngettext (NULL, "%u open need", "%u open needs", open), open);

    add_part (text, count);
    add_part (text, needs);
  }
}

static void
family_summary (ShouhuLedgerDialog *self,
                GString            *text,
                GPtrArray          *services)
{
  g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (self->store, self->id, NULL);
  g_autofree char *today = shouhu_ledger_today ();
  g_autofree char *last = NULL;
  int days = shouhu_settings_get_revisit_days ();

  if (w == NULL)
    return;
  /* The list is newest first: its first record is the last contact. */
  if (services->len > 0)
    last = g_strdup (((ShouhuService *) services->pdata[0])->day);
  if (last != NULL)
    {
      g_autofree char *part = g_strdup_printf (_("Last contact %s"), last);
      add_part (text, part);
    }
  else
    add_part (text, _("No contact recorded yet"));
  if (shouhu_ledger_revisit_due (last, w->created, today, days))
    {
      /* Translators: %d is the setting N of 需回访 */
      g_autofree char *part = g_strdup_printf (g_dngettext (NULL, "To visit again (需回访): no contact for %d day or more",
                                                            "To visit again (需回访): no contact for %d days or more",
                                                            days), days);
      add_part (text, part);
    }
  add_totals (text, services);
}

static void
update_summary (ShouhuLedgerDialog *self,
                GPtrArray          *services)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->of == SHOUHU_LEDGER_OF_FAMILY)
    family_summary (self, text, services);
  else
    add_totals (text, services);
  gtk_label_set_text (self->summary_label, text->str);
}

/* Loading */

static void
reload (ShouhuLedgerDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GListStore) rows = NULL;
  gboolean open_only = gtk_check_button_get_active (self->open_check);

  if (self->of == SHOUHU_LEDGER_OF_FAMILY)
    all = shouhu_ledger_family_services (self->store, self->id, FALSE, &error);
  else
    all = shouhu_ledger_volunteer_services (self->store, self->id, &error);
  if (all == NULL)
    {
      show_error (self, error->message);
      return;
    }
  update_summary (self, all);

  shown = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_service_free);
  for (guint i = 0; i < all->len; i++)
    {
      const ShouhuService *s = all->pdata[i];

      if (!open_only || (s->need[0] != '\0' && !s->solved))
        g_ptr_array_add (shown, shouhu_service_copy (s));
    }
  rows = shouhu_service_rows_new (shown);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (rows));
  gtk_label_set_text (self->empty_label,
                      open_only ? _("No open needs: every need raised has been solved")
                                : _("No service recorded yet: press Ctrl+N to record one"));
  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (G_LIST_MODEL (rows)) > 0 ? "list"
                                                                                                     : "empty");
}

static void
store_changed_cb (ShouhuStore        *store,
                  ShouhuLedgerDialog *self)
{
  reload (self);
}

static void
open_toggled_cb (ShouhuLedgerDialog *self)
{
  reload (self);
}

/* Columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_MINUTES ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_MINUTES || column == COLUMN_DAY)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  ShouhuLedgerDialog *self = g_object_get_data (G_OBJECT (factory), "dialog");
  Column column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  const ShouhuService *s = shouhu_service_row_get_service (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COLUMN_DAY:
      text = g_strdup (s->day);
      break;
    case COLUMN_KIND:
      text = g_strdup (shouhu_service_kind_label (s->kind));
      break;
    case COLUMN_OTHER_SIDE:
      text = g_strdup (self->of == SHOUHU_LEDGER_OF_FAMILY ? s->volunteer_names : s->family_name);
      break;
    case COLUMN_CONTENT:
      text = g_strdup (s->content);
      break;
    case COLUMN_MINUTES:
      text = g_strdup_printf ("%d", s->minutes);
      break;
    case COLUMN_NEED:
      text = g_strdup (s->need);
      break;
    case COLUMN_SOLVED:
      text = g_strdup (s->need[0] == '\0' ? "" : s->solved ? _("Solved") : _("Open"));
      break;
    case COLUMN_TYPICAL:
      text = g_strdup (s->typical ? _("Typical") : "");
      break;
    case N_COLUMNS:
    default:
      g_return_if_reached ();
    }
  gtk_label_set_text (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               column == COLUMN_TYPICAL && s->typical ? s->story
                               : column == COLUMN_CONTENT || column == COLUMN_NEED ? text : NULL);
  if (column == COLUMN_SOLVED && s->need[0] != '\0' && !s->solved)
    gtk_widget_add_css_class (GTK_WIDGET (label), "attention");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "attention");
}

static void
add_columns (ShouhuLedgerDialog *self)
{
  const char *titles[N_COLUMNS] = {
    [COLUMN_DAY] = _("Date"),
    [COLUMN_KIND] = _("Kind of Service"),
    [COLUMN_OTHER_SIDE] = self->of == SHOUHU_LEDGER_OF_FAMILY ? _("Volunteers") : _("Family"),
    [COLUMN_CONTENT] = _("What Was Done"),
    [COLUMN_MINUTES] = _("Minutes"),
    [COLUMN_NEED] = _("Need Raised"),
    [COLUMN_SOLVED] = _("Need Solved"),
    [COLUMN_TYPICAL] = _("Typical Case"),
  };

  for (int c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "dialog", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COLUMN_CONTENT || c == COLUMN_NEED);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* Actions */

static const ShouhuService *
selected_service (ShouhuLedgerDialog *self)
{
  ShouhuServiceRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? shouhu_service_row_get_service (row) : NULL;
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ShouhuLedgerDialog *self = SHOUHU_LEDGER_DIALOG (widget);
  ShouhuServiceDialog *dialog;

  dialog = self->of == SHOUHU_LEDGER_OF_FAMILY
             ? shouhu_service_dialog_new (GTK_WINDOW (self), self->store, self->id, 0)
             : shouhu_service_dialog_new (GTK_WINDOW (self), self->store, 0, self->id);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit (ShouhuLedgerDialog  *self,
      const ShouhuService *s)
{
  if (s != NULL)
    gtk_window_present (GTK_WINDOW (shouhu_service_dialog_new_edit (GTK_WINDOW (self), self->store, s->id)));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuLedgerDialog *self = SHOUHU_LEDGER_DIALOG (widget);

  edit (self, selected_service (self));
}

static void
row_activated_cb (ShouhuLedgerDialog *self,
                  guint               position)
{
  g_autoptr(ShouhuServiceRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    edit (self, shouhu_service_row_get_service (row));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  shouhu_ledger_dialog_delete_selected (SHOUHU_LEDGER_DIALOG (widget));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuLedgerDialog *self = SHOUHU_LEDGER_DIALOG (widget);
  g_autoptr(ShouhuService) deleted = g_steal_pointer (&self->last_deleted);
  g_autoptr(GError) error = NULL;

  gtk_revealer_set_reveal_child (self->undo_revealer, FALSE);
  if (deleted != NULL && !shouhu_ledger_restore (self->store, deleted, &error))
    show_error (self, error->message);
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuLedgerDialog *self = SHOUHU_LEDGER_DIALOG (widget);
  const ShouhuService *s = selected_service (self);
  g_autofree char *title = NULL;

  if (s == NULL)
    {
      show_error (self, _("Select a record first to see its change history"));
      return;
    }
  /* Translators: title of a service record's history; %s are the day and the family */
  title = g_strdup_printf (_("Change History of the Service of %s for %s"), s->day, s->family_name);
  gtk_window_present (shouhu_history_dialog_new (GTK_WINDOW (self), self->store, "service", s->id, title));
}

/* GObject */

static void
shouhu_ledger_dialog_dispose (GObject *object)
{
  ShouhuLedgerDialog *self = SHOUHU_LEDGER_DIALOG (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_window_set_child (GTK_WINDOW (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_LEDGER_DIALOG);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->last_deleted, shouhu_service_free);

  G_OBJECT_CLASS (shouhu_ledger_dialog_parent_class)->dispose (object);
}

static void
shouhu_ledger_dialog_class_init (ShouhuLedgerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = shouhu_ledger_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-ledger-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, open_check);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, column_view);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, undo_revealer);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, undo_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuLedgerDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, open_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "ledger.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "ledger.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "ledger.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "ledger.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "ledger.history", NULL, history_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "ledger.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "ledger.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "ledger.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "ledger.history", NULL);
}

static void
shouhu_ledger_dialog_init (ShouhuLedgerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* Public API */

/**
 * shouhu_ledger_dialog_new:
 * @id: the worker whose family's ledger it is, or the volunteer
 */
ShouhuLedgerDialog *
shouhu_ledger_dialog_new (GtkWindow      *parent,
                          ShouhuStore    *store,
                          ShouhuLedgerOf  of,
                          gint64          id)
{
  ShouhuLedgerDialog *self = g_object_new (SHOUHU_TYPE_LEDGER_DIALOG, "transient-for", parent, NULL);
  g_autofree char *title = NULL;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->of = of;
  self->id = id;
  if (of == SHOUHU_LEDGER_OF_FAMILY)
    {
      g_autoptr(ShouhuWorker) w = shouhu_annex2_get_worker (store, id, NULL);

      /* Translators: title of a family's ledger; %s is the worker's name */
      title = g_strdup_printf (_("Service Ledger of the Family of %s"), w != NULL ? w->name : "");
    }
  else
    {
      g_autoptr(ShouhuVolunteer) v = shouhu_annex2_get_volunteer (store, id, NULL);

      /* Translators: title of a volunteer's ledger; %s is the volunteer's name */
      title = g_strdup_printf (_("Services of Volunteer %s"), v != NULL ? v->name : "");
      gtk_widget_set_visible (GTK_WIDGET (self->open_check), FALSE);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  add_columns (self);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  reload (self);
  return self;
}

/* The records shown, as ShouhuServiceRow items. */
GListModel *
shouhu_ledger_dialog_get_model (ShouhuLedgerDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_LEDGER_DIALOG (self), NULL);
  return G_LIST_MODEL (self->selection);
}

const char *
shouhu_ledger_dialog_get_summary (ShouhuLedgerDialog *self)
{
  g_return_val_if_fail (SHOUHU_IS_LEDGER_DIALOG (self), NULL);
  return gtk_label_get_text (self->summary_label);
}

/* As the "Only open needs" check button does. */
void
shouhu_ledger_dialog_set_open_only (ShouhuLedgerDialog *self,
                                    gboolean            open_only)
{
  g_return_if_fail (SHOUHU_IS_LEDGER_DIALOG (self));
  gtk_check_button_set_active (self->open_check, open_only);
}

gboolean
shouhu_ledger_dialog_select (ShouhuLedgerDialog *self,
                             guint               position)
{
  g_return_val_if_fail (SHOUHU_IS_LEDGER_DIALOG (self), FALSE);

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  return TRUE;
}

/* Deletes without asking, and offers Undo until the next deletion. */
void
shouhu_ledger_dialog_delete_selected (ShouhuLedgerDialog *self)
{
  const ShouhuService *s = selected_service (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  ShouhuService *deleted;

  g_return_if_fail (SHOUHU_IS_LEDGER_DIALOG (self));

  if (s == NULL)
    return;
  deleted = shouhu_ledger_delete (self->store, s->id, &error);
  if (deleted == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->last_deleted, shouhu_service_free);
  self->last_deleted = deleted;
  /* Translators: %s are the day and the kind of the deleted record */
  message = g_strdup_printf (_("Deleted the record of %s (%s)"), deleted->day,
                             shouhu_service_kind_label (deleted->kind));
  gtk_label_set_text (self->undo_label, message);
  gtk_revealer_set_reveal_child (self->undo_revealer, TRUE);
  show_error (self, NULL);
}

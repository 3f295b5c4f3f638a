/* shouhu-annex2-page.c — the Annex 2 list of workers and their volunteers
 *
 * The list is a ShouhuWorkerList over an in-memory index, so that 100,000
 * records open, search and scroll without freezing the window: the index
 * is read in a worker thread, a keystroke searches memory only, and the
 * column view asks for the visible rows alone.  Sorting by a column orders
 * all rows once, through the column view's own sorter.
 *
 * Messages go to the window's notification through the win.notify and
 * win.notify-undo actions; the Undo of a deletion is this page's
 * annex2.restore-deleted action, which brings back the last record
 * deleted here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page.h"
#include "shouhu-history-dialog.h"
#include "shouhu-purge.h"
#include "shouhu-worker-editor.h"
#include "shouhu-worker-list.h"

struct _ShouhuAnnex2Page
{
  GtkWidget            parent_instance;

  ShouhuStore         *store;
  gulong               changed_id;
  ShouhuWorkerList    *list;
  GtkSingleSelection  *selection;
  GCancellable        *loading;
  gint64               select_after_load;
  int                  district_id;
  ShouhuDeletedWorker *last_deleted;   /* what Undo brings back */

  GtkDropDown         *district_dropdown;
  GtkSearchEntry      *search_entry;
  GtkWidget           *form_header;
  GtkEntry            *reporter_entry;
  GtkEntry            *reporter_phone_entry;
  GtkLabel            *status_label;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (ShouhuAnnex2Page, shouhu_annex2_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (ShouhuAnnex2Page *self);

/* Status and the district's form header */

static void
update_status (ShouhuAnnex2Page *self)
{
  ShouhuAnnex2Index *index = self->list ? shouhu_worker_list_get_index (self->list) : NULL;
  guint shown = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = 0, unpaired = 0;
  g_autofree char *text = NULL;

  if (self->list == NULL)
    return;
  for (guint i = 0; index != NULL && i < shouhu_annex2_index_get_n_rows (index); i++)
    {
      const ShouhuAnnex2Row *row = shouhu_annex2_index_get_row (index, i);

      if (self->district_id != 0 && row->district_id != self->district_id)
        continue;
      total++;
      unpaired += row->n_volunteers == 0;
    }
  /* Translators: %u shown of %u records; then families without a volunteer */
  text = g_strdup_printf (_("%u of %u records shown · %u families without a volunteer"),
                          shown, total, unpaired);
  gtk_label_set_text (self->status_label, text);
}

static void
load_form_header (ShouhuAnnex2Page *self)
{
  g_autofree char *reporter = NULL;
  g_autofree char *phone = NULL;

  gtk_widget_set_visible (self->form_header, self->district_id != 0);
  if (self->store == NULL || self->district_id == 0)
    return;
  if (!shouhu_annex2_get_district_form (self->store, self->district_id, &reporter, &phone, NULL))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_entry), reporter);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), phone);
}

static void
save_form_header (ShouhuAnnex2Page *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reporter = NULL;
  g_autofree char *phone = NULL;

  if (self->store == NULL || self->district_id == 0)
    return;
  if (!shouhu_annex2_set_district_form (self->store, self->district_id,
                                        gtk_editable_get_text (GTK_EDITABLE (self->reporter_entry)),
                                        gtk_editable_get_text (GTK_EDITABLE (self->reporter_phone_entry)),
                                        &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->reporter_phone_entry), "error");
      /* The rejected phone stays in its field, marked; the 填报人 typed
       * beside it is not lost for it. */
      if (shouhu_annex2_get_district_form (self->store, self->district_id, &reporter, &phone, NULL))
        shouhu_annex2_set_district_form (self->store, self->district_id,
                                         gtk_editable_get_text (GTK_EDITABLE (self->reporter_entry)),
                                         phone, NULL);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->reporter_phone_entry), "error");
  /* Show the stored, normalised form. */
  if (shouhu_annex2_get_district_form (self->store, self->district_id, &reporter, &phone, NULL))
    gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), phone);
}

static void
form_header_activate_cb (ShouhuAnnex2Page *self)
{
  save_form_header (self);
}

static void
form_header_leave_cb (GtkEventControllerFocus *controller,
                      ShouhuAnnex2Page        *self)
{
  save_form_header (self);
}

/* Loading */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  ShouhuAnnex2Index *index = shouhu_annex2_index_load (SHOUHU_STORE (task_data), &error);

  if (index == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, (GDestroyNotify) shouhu_annex2_index_unref);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(ShouhuAnnex2Index) index = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (index == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }

  shouhu_worker_list_set_index (self->list, index);
  update_status (self);
  if (self->select_after_load != 0)
    {
      shouhu_annex2_page_select_id (self, self->select_after_load);
      self->select_after_load = 0;
    }
}

static void
reload (ShouhuAnnex2Page *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store == NULL)
    return;

  self->loading = g_cancellable_new ();
  task = g_task_new (self, self->loading, loaded_cb, NULL);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

static void
store_changed_cb (ShouhuStore      *store,
                  ShouhuAnnex2Page *self)
{
  reload (self);
}

/* Columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  const ShouhuAnnex2Row *row = shouhu_worker_row_get_row (SHOUHU_WORKER_ROW (gtk_list_item_get_item (item)));

  if (column == SHOUHU_ANNEX2_FIELD_VOLUNTEERS && row->n_volunteers == 0)
    {
      /* Every family is to have a guardian: the gap must stand out. */
      gtk_label_set_text (GTK_LABEL (label), _("⚠ No volunteer yet"));
      gtk_widget_add_css_class (label, "unpaired");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), row->text[column]);
      gtk_widget_remove_css_class (label, "unpaired");
    }
  gtk_widget_set_tooltip_text (label, column == SHOUHU_ANNEX2_FIELD_VOLUNTEERS ||
                                      column == SHOUHU_ANNEX2_FIELD_HOME_ADDRESS ||
                                      column == SHOUHU_ANNEX2_FIELD_NOTE ? row->text[column] : NULL);
}

static int
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  ShouhuWorkerRow *ra = SHOUHU_WORKER_ROW ((gpointer) a);
  ShouhuWorkerRow *rb = SHOUHU_WORKER_ROW ((gpointer) b);
  ShouhuAnnex2Index *index = shouhu_worker_row_get_index (ra);

  return strcmp (shouhu_annex2_index_sort_key (index, shouhu_worker_row_get_position (ra), column),
                 shouhu_annex2_index_sort_key (index, shouhu_worker_row_get_position (rb), column));
}

static int
compare_by_view (ShouhuWorkerRow *a,
                 ShouhuWorkerRow *b,
                 gpointer         user_data)
{
  return gtk_sorter_compare (GTK_SORTER (user_data), a, b);
}

static void
sort_changed_cb (GtkSorter        *sorter,
                 GtkSorterChange   change,
                 ShouhuAnnex2Page *self)
{
  if (gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    shouhu_worker_list_set_sort (self->list, NULL, NULL, NULL);
  else
    shouhu_worker_list_set_sort (self->list, compare_by_view, g_object_ref (sorter), g_object_unref);
  update_status (self);
}

static void
add_columns (ShouhuAnnex2Page *self)
{
  /* The columns of the form, in its order (结对志愿者 before 备注). */
  for (guint c = 0; c < SHOUHU_ANNEX2_N_FIELDS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      const char *title = shouhu_annex2_field_label (c);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare_column,
                                                                                     GUINT_TO_POINTER (c),
                                                                                     NULL)));
      gtk_column_view_column_set_expand (column, c == SHOUHU_ANNEX2_FIELD_HOSPITAL ||
                                                 c == SHOUHU_ANNEX2_FIELD_HOME_ADDRESS ||
                                                 c == SHOUHU_ANNEX2_FIELD_WORK_PLACE ||
                                                 c == SHOUHU_ANNEX2_FIELD_VOLUNTEERS);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (sort_changed_cb), self);
}

/* Actions */

static ShouhuWorkerRow *
selected_row (ShouhuAnnex2Page *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
editor_saved_cb (ShouhuWorkerEditor *editor,
                 gint64              id,
                 ShouhuAnnex2Page   *self)
{
  self->select_after_load = id;
}

static GtkWindow *
open_editor (ShouhuAnnex2Page *self,
             gint64            worker_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ShouhuWorkerEditor *editor;

  if (self->store == NULL)
    return NULL;
  editor = shouhu_worker_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, worker_id, self->district_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  open_editor (SHOUHU_ANNEX2_PAGE (widget), 0);
}

static void
row_activated_cb (ShouhuAnnex2Page *self,
                  guint             position)
{
  g_autoptr(ShouhuWorkerRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    open_editor (self, shouhu_worker_row_get_id (row));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  ShouhuWorkerRow *row = selected_row (self);

  if (row != NULL)
    open_editor (self, shouhu_worker_row_get_id (row));
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  ShouhuWorkerRow *row = selected_row (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *title = NULL;

  if (row == NULL || self->store == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Select a record first to see its change history"));
      return;
    }
  /* Translators: title of the history window; %s is the worker's name */
  title = g_strdup_printf (_("Change History of %s"), shouhu_worker_row_get_row (row)->text[SHOUHU_ANNEX2_FIELD_NAME]);
  gtk_window_present (shouhu_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->store, "worker", shouhu_worker_row_get_id (row), title));
}

/* The ledger's actions are the window's: the volunteers page opens the
 * same dialogs from a volunteer's row. */
static void
add_service_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ShouhuWorkerRow *row = selected_row (SHOUHU_ANNEX2_PAGE (widget));

  if (row == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Select a record first to record a service for the family"));
      return;
    }
  gtk_widget_activate_action (widget, "win.add-service", "(xx)", shouhu_worker_row_get_id (row), (gint64) 0);
}

static void
ledger_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWorkerRow *row = selected_row (SHOUHU_ANNEX2_PAGE (widget));

  if (row == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Select a record first to see the family’s service ledger"));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-ledger", "(sx)", "family", shouhu_worker_row_get_id (row));
}

/* The Undo of shouhu_annex2_page_delete_selected(): @parameter is the
 * record's id, so that an Undo never brings back another record. */
static void
restore_deleted_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  g_autoptr(ShouhuDeletedWorker) deleted = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->last_deleted == NULL ||
      self->last_deleted->worker->id != g_variant_get_int64 (parameter))
    return;
  deleted = g_steal_pointer (&self->last_deleted);
  if (!shouhu_annex2_restore_worker (self->store, deleted, &error))
    {
      gtk_widget_activate_action (widget, "win.notify", "s", error->message);
      return;
    }
  self->select_after_load = deleted->worker->id;
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  shouhu_annex2_page_delete_selected (SHOUHU_ANNEX2_PAGE (widget));
}

static void
erase_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shouhu_annex2_page_erase_selected (SHOUHU_ANNEX2_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SHOUHU_ANNEX2_PAGE (widget)->search_entry));
}

/* Filter and search */

static void
apply_filter (ShouhuAnnex2Page *self)
{
  if (self->list == NULL)
    return;
  shouhu_worker_list_set_filter (self->list, self->district_id,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_status (self);
}

static void
district_selected_cb (ShouhuAnnex2Page *self)
{
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);

  self->district_id = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
  load_form_header (self);
  apply_filter (self);
}

static void
search_changed_cb (ShouhuAnnex2Page *self)
{
  apply_filter (self);
}

/* GObject */

static void
set_store (ShouhuAnnex2Page *self,
           ShouhuStore      *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed::annex2", G_CALLBACK (store_changed_cb), self);
  load_form_header (self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
shouhu_annex2_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (object);

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
shouhu_annex2_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (object);

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
shouhu_annex2_page_dispose (GObject *object)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (object);
  GtkWidget *child;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_ANNEX2_PAGE);
  /* GTK 4.8 unparents only the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_pointer (&self->last_deleted, shouhu_deleted_worker_free);

  G_OBJECT_CLASS (shouhu_annex2_page_parent_class)->dispose (object);
}

static void
shouhu_annex2_page_class_init (ShouhuAnnex2PageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_annex2_page_get_property;
  object_class->set_property = shouhu_annex2_page_set_property;
  object_class->dispose = shouhu_annex2_page_dispose;

  /**
   * ShouhuAnnex2Page:store:
   *
   * The open database.  The window binds its own to it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SHOUHU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-annex2-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, form_header);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, reporter_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, reporter_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, column_view);
  gtk_widget_class_bind_template_callback (widget_class, district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_header_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "annex2.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.erase", NULL, erase_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.restore-deleted", "x", restore_deleted_cb);
  gtk_widget_class_install_action (widget_class, "annex2.add-service", NULL, add_service_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.ledger", NULL, ledger_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "annex2.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "annex2.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "annex2.erase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "annex2.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "annex2.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "annex2.add-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "annex2.ledger", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_annex2_page_init (ShouhuAnnex2Page *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (districts, _("All Districts"));
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    gtk_string_list_append (districts, shouhu_district_get (id)->name);
  gtk_drop_down_set_expression (self->district_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (districts));

  self->list = shouhu_worker_list_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_status), self);
  add_columns (self);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (form_header_leave_cb), self);
  gtk_widget_add_controller (self->form_header, focus);
  gtk_widget_set_visible (self->form_header, FALSE);
  update_status (self);
}

/* Public API */

/**
 * shouhu_annex2_page_set_district_filter:
 * @district_id: 1..41, or 0 for all districts
 */
void
shouhu_annex2_page_set_district_filter (ShouhuAnnex2Page *self,
                                        int               district_id)
{
  g_return_if_fail (SHOUHU_IS_ANNEX2_PAGE (self));
  g_return_if_fail (district_id >= 0 && district_id <= SHOUHU_N_DISTRICTS);

  gtk_drop_down_set_selected (self->district_dropdown, (guint) district_id);
}

int
shouhu_annex2_page_get_district_filter (ShouhuAnnex2Page *self)
{
  return self->district_id;
}

/* As typing @text in the search entry, without waiting for its delay. */
void
shouhu_annex2_page_set_search (ShouhuAnnex2Page *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

/* Brings a row into sight, e.g. a record just saved.  GTK 4.12 can do
 * it; before, the rows are all one height, so the adjustment is enough. */
static void
scroll_to_position (ShouhuAnnex2Page *self,
                    guint             position)
{
#if GTK_CHECK_VERSION (4, 12, 0)
  gtk_column_view_scroll_to (self->column_view, position, NULL, GTK_LIST_SCROLL_NONE, NULL);
#else
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double row, target;

  if (adj == NULL || n == 0)
    return;
  row = gtk_adjustment_get_upper (adj) / n;
  target = position * row;
  if (target < gtk_adjustment_get_value (adj) ||
      target + row > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
    gtk_adjustment_set_value (adj, target - gtk_adjustment_get_page_size (adj) / 2);
#endif
}

/**
 * shouhu_annex2_page_get_model:
 *
 * Returns: (transfer none): the rows shown, as ShouhuWorkerRow items
 */
GListModel *
shouhu_annex2_page_get_model (ShouhuAnnex2Page *self)
{
  return G_LIST_MODEL (self->list);
}

/* Whether the list is being read again after a change. */
gboolean
shouhu_annex2_page_is_loading (ShouhuAnnex2Page *self)
{
  return self->loading != NULL;
}

gboolean
shouhu_annex2_page_select_id (ShouhuAnnex2Page *self,
                              gint64            id)
{
  guint position;

  if (!shouhu_worker_list_find_id (self->list, id, &position))
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to_position (self, position);
  return TRUE;
}

/**
 * shouhu_annex2_page_add_worker:
 *
 * Opens the editor for a new record, as the Add button does.
 *
 * Returns: (transfer none) (nullable): the editor window
 */
GtkWindow *
shouhu_annex2_page_add_worker (ShouhuAnnex2Page *self)
{
  return open_editor (self, 0);
}

/* Deletes without asking, and offers Undo for a few seconds. */
void
shouhu_annex2_page_delete_selected (ShouhuAnnex2Page *self)
{
  ShouhuWorkerRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *undo = NULL;
  g_autoptr(GVariant) id = NULL;
  ShouhuDeletedWorker *deleted;

  if (row == NULL || self->store == NULL)
    return;
  deleted = shouhu_annex2_delete_worker (self->store, shouhu_worker_row_get_id (row), &error);
  if (deleted == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }

  /* Only the last deletion can be undone: the notification shows one. */
  g_clear_pointer (&self->last_deleted, shouhu_deleted_worker_free);
  self->last_deleted = deleted;
  id = g_variant_ref_sink (g_variant_new_int64 (deleted->worker->id));
  undo = g_action_print_detailed_name ("annex2.restore-deleted", id);
  /* Translators: %s is the worker's name */
  message = g_strdup_printf (_("Deleted the record of %s"), deleted->worker->name);
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.notify-undo", "(ss)", message, undo))
    g_clear_pointer (&self->last_deleted, shouhu_deleted_worker_free);
}

typedef struct
{
  ShouhuAnnex2Page *page;
  gint64            id;
  char             *name;
} EraseRequest;

static void
erase_request_free (gpointer  data,
                    GClosure *closure)
{
  EraseRequest *request = data;

  g_object_unref (request->page);
  g_free (request->name);
  g_free (request);
}

static void
erase_response_cb (GtkDialog    *dialog,
                   int           response,
                   EraseRequest *request)
{
  ShouhuAnnex2Page *self = request->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    return;
  if (!shouhu_purge_worker (self->store, request->id, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }
  /* Translators: %s is the worker's name */
  message = g_strdup_printf (_("Erased the record of %s and its history for good"), request->name);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", message);
}

/**
 * shouhu_annex2_page_erase_selected:
 *
 * 彻底删除: asks whether to erase the selected record for good, with its
 * pairings and change history; there is no Undo for that.  The plain
 * delete (with Undo, history kept) stays shouhu_annex2_page_delete_selected().
 *
 * Returns: (transfer none) (nullable): the question, answered with
 *   %GTK_RESPONSE_ACCEPT to erase
 */
GtkWindow *
shouhu_annex2_page_erase_selected (ShouhuAnnex2Page *self)
{
  ShouhuWorkerRow *row = selected_row (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  EraseRequest *request;
  GtkWidget *dialog;
  GtkWidget *erase;

  if (self->store == NULL)
    return NULL;
  if (row == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s",
                                  _("Select a record first to erase it"));
      return NULL;
    }
  request = g_new0 (EraseRequest, 1);
  request->page = g_object_ref (self);
  request->id = shouhu_worker_row_get_id (row);
  request->name = g_strdup (shouhu_worker_row_get_row (row)->text[SHOUHU_ANNEX2_FIELD_NAME]);

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   /* Translators: %s is the worker's name */
                                   _("Erase the record of %s for good?"), request->name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("The record, its pairings, the services the ledger "
                                              "holds for the family and its change history are "
                                              "erased, also from the database file, and cannot be "
                                              "brought back. To take it off the list and keep its "
                                              "history, use Delete instead."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  erase = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Erase for Good"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (erase, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  g_signal_connect_data (dialog, "response", G_CALLBACK (erase_response_cb), request,
                         erase_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

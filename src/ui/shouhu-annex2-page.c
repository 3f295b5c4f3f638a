/* shouhu-annex2-page.c — the Annex 2 list of workers and their volunteers
 *
 * The list is a ShouhuWorkerList over an in-memory index, so that 100,000
 * records open, search and scroll without freezing the window: the index
 * is read in a worker thread, a keystroke searches memory only, and the
 * column view asks for the visible rows alone.  Sorting by a column orders
 * all rows once, through the column view's own sorter.
 *
 * Messages go to the window's notification through the win.notify
 * actions.  The district's form header is handled in
 * shouhu-annex2-page-header.c; what the user changes, and its Undo, in
 * shouhu-annex2-page-changes.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-annex2-page-private.h"
#include "shouhu-column-view.h"
#include "shouhu-history-dialog.h"
#include "shouhu-pairing.h"

G_DEFINE_FINAL_TYPE (ShouhuAnnex2Page, shouhu_annex2_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (ShouhuAnnex2Page *self);

/* Status, empty and no-results states */

/* What hides the records of the district that are not shown. */
static char *
describe_filters (ShouhuAnnex2Page *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean unpaired = gtk_toggle_button_get_active (self->unpaired_button);

  if (*query != '\0' && unpaired)
    /* Translators: %s is what was typed in the search field */
    return g_strdup_printf (_("No family without a volunteer matches “%s”."), query);
  if (*query != '\0')
    /* Translators: %s is what was typed in the search field */
    return g_strdup_printf (_("No record matches “%s”. Search looks in names, hospitals, "
                              "phones, addresses and volunteers."), query);
  if (!unpaired && gtk_drop_down_get_selected (self->need_dropdown) > 0)
    return g_strdup (_("No family shown here registered this need."));
  return g_strdup (_("Every family shown here has a volunteer."));
}

static void
update_content (ShouhuAnnex2Page *self,
                gboolean          loaded,
                guint             shown,
                guint             total)
{
  const char *page = "list";

  if (loaded && total == 0)
    {
      g_autofree char *title = NULL;

      if (self->district_id != 0)
        /* Translators: %s is a district */
        title = g_strdup_printf (_("No Records of %s Yet"), shouhu_district_get (self->district_id)->name);
      gtk_label_set_text (self->empty_title, title ? title : _("No Frontline Workers Recorded Yet"));
      page = "empty";
    }
  else if (loaded && shown == 0)
    {
      g_autofree char *text = describe_filters (self);

      gtk_label_set_text (self->no_results_label, text);
      page = "no-results";
    }
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

static void
update_status (ShouhuAnnex2Page *self)
{
  ShouhuAnnex2Index *index = self->list ? shouhu_worker_list_get_index (self->list) : NULL;
  guint shown = self->list ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint total = 0, unpaired = 0, unguarded = 0;
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
      unguarded += row->n_ready == 0;
    }
  /* Translators: %u shown of %u records; then families without a
   * volunteer, and those without one ready for duty (可上岗) */
  text = g_strdup_printf (_("%u of %u records shown · %u families without a volunteer · "
                            "%u without one ready for duty"),
                          shown, total, unpaired, unguarded);
  gtk_label_set_text (self->status_label, text);
  update_content (self, index != NULL, shown, total);
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
  ShouhuWorkerRow *was_selected;
  gint64 selected_id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (index == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return;
    }

  was_selected = shouhu_annex2_page_get_selected_row (self);
  selected_id = was_selected ? shouhu_worker_row_get_id (was_selected) : 0;
  shouhu_worker_list_set_index (self->list, index);
  update_status (self);
  shouhu_annex2_page_after_load (self, selected_id);
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

/* The row a cell's label is in (GTK 4.8 offers no API for it). */
static GtkWidget *
row_widget_of (GtkWidget *label)
{
  GtkWidget *cell = gtk_widget_get_parent (label);

  return cell != NULL ? gtk_widget_get_parent (cell) : NULL;
}

/* 序号: the row's place in the list as shown.  Its label also names the
 * row for screen readers, which would read out a widget type. */
static void
bind_number_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const ShouhuAnnex2Row *row = shouhu_worker_row_get_row (SHOUHU_WORKER_ROW (gtk_list_item_get_item (item)));
  guint position = gtk_list_item_get_position (item);
  GtkWidget *row_widget = row_widget_of (label);
  char number[16];

  g_snprintf (number, sizeof number, "%u", position + 1);
  gtk_label_set_text (GTK_LABEL (label), number);
  /* For shouhu_annex2_page_reveal(). */
  g_object_set_data (G_OBJECT (label), "shouhu-position", GUINT_TO_POINTER (position + 1));
  if (row_widget != NULL)
    {
      g_autofree char *name = NULL;

      if (row->n_volunteers == 0)
        /* Translators: a row of the Annex 2 list for screen readers: 序号, 姓名, 区县, 医院 */
        name = g_strdup_printf (_("%u. %s, %s, %s, no volunteer yet"), position + 1,
                                row->text[SHOUHU_ANNEX2_FIELD_NAME], row->text[SHOUHU_ANNEX2_FIELD_DISTRICT],
                                row->text[SHOUHU_ANNEX2_FIELD_HOSPITAL]);
      else if (row->n_ready == 0)
        /* Translators: a row of the Annex 2 list for screen readers: 序号, 姓名, 区县, 医院, 结对志愿者 */
        name = g_strdup_printf (_("%u. %s, %s, %s, paired with %s, not ready for duty yet"), position + 1,
                                row->text[SHOUHU_ANNEX2_FIELD_NAME], row->text[SHOUHU_ANNEX2_FIELD_DISTRICT],
                                row->text[SHOUHU_ANNEX2_FIELD_HOSPITAL], row->text[SHOUHU_ANNEX2_FIELD_VOLUNTEERS]);
      else
        /* Translators: a row of the Annex 2 list for screen readers: 序号, 姓名, 区县, 医院, 结对志愿者 */
        name = g_strdup_printf (_("%u. %s, %s, %s, guarded by %s"), position + 1,
                                row->text[SHOUHU_ANNEX2_FIELD_NAME], row->text[SHOUHU_ANNEX2_FIELD_DISTRICT],
                                row->text[SHOUHU_ANNEX2_FIELD_HOSPITAL], row->text[SHOUHU_ANNEX2_FIELD_VOLUNTEERS]);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row_widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
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
      gtk_widget_set_tooltip_text (label, NULL);
    }
  else if (column == SHOUHU_ANNEX2_FIELD_VOLUNTEERS && row->n_ready == 0)
    {
      /* 绝不上岗: paired only with volunteers not ready for duty, the
       * family is not guarded yet, and the list says so. */
      g_autofree char *text = g_strdup_printf (_("%s (not ready for duty)"), row->text[column]);
      g_autofree char *tip = g_strdup_printf (_("%s: not ready for duty yet. The family counts as guarded once a "
                                                "paired volunteer is trained, equipped and insured."),
                                              row->text[column]);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, "unpaired");
      gtk_widget_set_tooltip_text (label, tip);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), row->text[column]);
      gtk_widget_remove_css_class (label, "unpaired");
      gtk_widget_set_tooltip_text (label, column == SHOUHU_ANNEX2_FIELD_VOLUNTEERS ||
                                          column == SHOUHU_ANNEX2_FIELD_HOME_ADDRESS ||
                                          column == SHOUHU_ANNEX2_FIELD_NOTE ? row->text[column] : NULL);
    }
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
  GtkListItemFactory *numbers = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *number_column;

  /* 序号 as the form has it: the list's own order, whatever the sort. */
  g_signal_connect (numbers, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (numbers, "bind", G_CALLBACK (bind_number_cb), NULL);
  number_column = gtk_column_view_column_new (_("No."), numbers);
  gtk_column_view_append_column (self->column_view, number_column);
  g_object_unref (number_column);

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

ShouhuWorkerRow *
shouhu_annex2_page_get_selected_row (ShouhuAnnex2Page *self)
{
  /* The store is set before the list exists. */
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
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
  shouhu_annex2_page_watch_editor (self, editor);
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
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);

  if (row != NULL)
    open_editor (self, shouhu_worker_row_get_id (row));
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);
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
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (SHOUHU_ANNEX2_PAGE (widget));

  if (row == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Select a record first to record a service for the family"));
      return;
    }
  gtk_widget_activate_action (widget, "win.add-service", "(xx)", shouhu_worker_row_get_id (row), (gint64) 0);
}

/* 待结对 of the district shown, else of the selected record's district. */
static void
worklist_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (self);
  int district_id = self->district_id;

  if (district_id == 0 && row != NULL)
    district_id = shouhu_worker_row_get_row (row)->district_id;
  if (district_id == 0)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Choose a district in the District list first to see its families to pair"));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-worklist", "i", district_id);
}

static void
ledger_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuWorkerRow *row = shouhu_annex2_page_get_selected_row (SHOUHU_ANNEX2_PAGE (widget));

  if (row == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s",
                                  _("Select a record first to see the family’s service ledger"));
      return;
    }
  gtk_widget_activate_action (widget, "win.show-ledger", "(sx)", "family", shouhu_worker_row_get_id (row));
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
  shouhu_worker_list_set_unpaired_only (self->list, gtk_toggle_button_get_active (self->unpaired_button));
  shouhu_worker_list_set_filter (self->list, self->district_id,
                                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_status (self);
}

static void
unpaired_toggled_cb (ShouhuAnnex2Page *self)
{
  apply_filter (self);
}

/* The no-results state's button: back to all records of the district. */
static void
clear_filters_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->unpaired_button, FALSE);
  gtk_drop_down_set_selected (self->need_dropdown, 0);
  apply_filter (self);
}

static void
selection_changed_cb (ShouhuAnnex2Page *self)
{
  if (self->district_id == 0)
    shouhu_annex2_page_load_form_header (self);
}

static void
district_selected_cb (ShouhuAnnex2Page *self)
{
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);

  self->district_id = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
  apply_filter (self);
  shouhu_annex2_page_load_form_header (self);
}

static void
need_selected_cb (ShouhuAnnex2Page *self)
{
  guint selected = gtk_drop_down_get_selected (self->need_dropdown);

  if (self->list == NULL)
    return;
  /* Position 0 is every family, then the needs in their order. */
  shouhu_worker_list_set_needs_filter (self->list, selected == GTK_INVALID_LIST_POSITION || selected == 0
                                                   ? 0 : 1u << (selected - 1));
  update_status (self);
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
  self->form_district_id = -1;
  shouhu_annex2_page_load_form_header (self);
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
  if (self->reveal_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->column_view), self->reveal_tick_id);
  self->reveal_tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_ANNEX2_PAGE);
  /* GTK 4.8 unparents only the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (shouhu_annex2_page_parent_class)->dispose (object);
}

static void
shouhu_annex2_page_finalize (GObject *object)
{
  shouhu_annex2_page_finalize_changes (SHOUHU_ANNEX2_PAGE (object));

  G_OBJECT_CLASS (shouhu_annex2_page_parent_class)->finalize (object);
}

static void
shouhu_annex2_page_class_init (ShouhuAnnex2PageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_annex2_page_get_property;
  object_class->set_property = shouhu_annex2_page_set_property;
  object_class->dispose = shouhu_annex2_page_dispose;
  object_class->finalize = shouhu_annex2_page_finalize;

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
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, unpaired_button);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, form_header);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, form_district_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, reporter_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, reporter_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, form_hint);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, form_error);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, empty_title);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, no_results_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuAnnex2Page, column_view);
  gtk_widget_class_bind_template_callback (widget_class, district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unpaired_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "annex2.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.erase", NULL, erase_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.clear-filters", NULL, clear_filters_cb);
  gtk_widget_class_install_action (widget_class, "annex2.add-service", NULL, add_service_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.ledger", NULL, ledger_action_cb);
  gtk_widget_class_install_action (widget_class, "annex2.worklist", NULL, worklist_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "annex2.worklist", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "annex2.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "annex2.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_SHIFT_MASK, "annex2.erase", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "annex2.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "annex2.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "annex2.add-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "annex2.ledger", NULL);
  shouhu_annex2_page_class_add_changes (widget_class);
  shouhu_annex2_page_class_add_header (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_annex2_page_init (ShouhuAnnex2Page *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  shouhu_annex2_page_init_changes (self);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (districts, _("All Districts"));
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    gtk_string_list_append (districts, shouhu_district_get (id)->name);
  gtk_drop_down_set_expression (self->district_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (districts));

  {
    g_autoptr(GtkStringList) needs = gtk_string_list_new (NULL);

    gtk_string_list_append (needs, _("All Needs"));
    for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
      gtk_string_list_append (needs, shouhu_family_need_label (1u << bit));
    self->need_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&needs)), NULL));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->need_dropdown),
                                 _("Show every family, or only those that registered this need"));
    gtk_widget_insert_after (GTK_WIDGET (self->need_dropdown),
                             gtk_widget_get_parent (GTK_WIDGET (self->district_dropdown)),
                             GTK_WIDGET (self->district_dropdown));
    g_signal_connect_swapped (self->need_dropdown, "notify::selected", G_CALLBACK (need_selected_cb), self);
  }

  self->list = shouhu_worker_list_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  add_columns (self);

  shouhu_annex2_page_init_header (self);
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

/**
 * shouhu_annex2_page_set_need_filter:
 * @need: one ShouhuFamilyNeed, or 0 for every family
 */
void
shouhu_annex2_page_set_need_filter (ShouhuAnnex2Page *self,
                                    guint             need)
{
  guint position = 0;

  g_return_if_fail (SHOUHU_IS_ANNEX2_PAGE (self));
  for (guint bit = 0; bit < SHOUHU_N_FAMILY_NEEDS; bit++)
    if (need == 1u << bit)
      position = bit + 1;
  gtk_drop_down_set_selected (self->need_dropdown, position);
}

/* As typing @text in the search entry, without waiting for its delay. */
void
shouhu_annex2_page_set_search (ShouhuAnnex2Page *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
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
  shouhu_annex2_page_reveal (self, position, FALSE);
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

/* The row widget that shows @position, if the list has one now. */
static GtkWidget *
find_row_widget (GtkWidget *widget,
                 guint      position)
{
  if (GTK_IS_LABEL (widget) &&
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "shouhu-position")) == position + 1)
    return row_widget_of (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Rows exist, and the list knows its height, once it was laid out after
 * a change: each frame takes the next step, trying each a few times. */
static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  ShouhuAnnex2Page *self = SHOUHU_ANNEX2_PAGE (user_data);
  GtkAdjustment *adj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  guint position = self->reveal_position - 1;
  GtkWidget *row;

  if (self->reveal_tries++ > 20 || adj == NULL)
    goto done;
  switch (self->reveal_step)
    {
    case REVEAL_SCROLL:
      if (gtk_adjustment_get_page_size (adj) <= 0)
        return G_SOURCE_CONTINUE;
      shouhu_column_view_scroll_to (self->column_view, position);
      if (!self->reveal_focus)
        goto done;
      self->reveal_step = REVEAL_FOCUS;
      return G_SOURCE_CONTINUE;
    case REVEAL_FOCUS:
      row = find_row_widget (widget, position);
      self->reveal_value = gtk_adjustment_get_value (adj);
      if (row == NULL || !gtk_widget_get_mapped (row) || !gtk_widget_grab_focus (row))
        return G_SOURCE_CONTINUE;
      self->reveal_step = REVEAL_STAY;
      return G_SOURCE_CONTINUE;
    case REVEAL_STAY:
      /* GTK 4.8 scrolls a row that gets the focus to the top even when
       * it was in sight: the list stays where it was. */
      if (gtk_adjustment_get_value (adj) != self->reveal_value)
        gtk_adjustment_set_value (adj, self->reveal_value);
      break;
    default:
      g_assert_not_reached ();
    }

done:
  self->reveal_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * shouhu_annex2_page_reveal:
 * @focus: whether the row gets the keyboard focus
 *
 * Brings the row at @position (as shown) into sight once the list is
 * laid out, e.g. a record just saved, and gives it the focus, e.g. the
 * row after one just deleted: GTK 4.8 has no API for either.
 */
void
shouhu_annex2_page_reveal (ShouhuAnnex2Page *self,
                           guint             position,
                           gboolean          focus)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->list)))
    return;
  self->reveal_position = position + 1;
  self->reveal_focus = focus;
  self->reveal_step = REVEAL_SCROLL;
  self->reveal_tries = 0;
  if (self->reveal_tick_id == 0)
    self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self->column_view), reveal_tick_cb, self, NULL);
}

/* shouhu-volunteer-page.c — 志愿者: the volunteers, their place, readiness
 * (上岗状态) and the families they guard
 *
 * Built like the Annex 2 page, for 100,000 volunteers: the list is a
 * ShouhuVolunteerList over an in-memory index read on a worker thread;
 * a keystroke searches memory only, the column view asks for the rows
 * on screen, and a sort orders all rows once.  Binding a cell only sets
 * its text (and colour): whatever more a bind does, a keystroke that
 * changes the rows on screen pays for every cell.  Readiness is the one
 * rule of core, computed for today when the index is read.
 *
 * Several rows may be selected: two records of one person are merged
 * through ShouhuVolunteerMergeDialog.  Messages go to the window through
 * the win.notify action; the page never calls the window.  Volunteers
 * cannot be deleted here: core keeps every volunteer (a merge is how a
 * duplicate goes away).  A save and a merge can be undone
 * (shouhu-volunteer-page-undo.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "shouhu-annex2.h"
#include "shouhu-column-view.h"
#include "shouhu-history-dialog.h"
#include "shouhu-volunteer-editor.h"
#include "shouhu-volunteer-list.h"
#include "shouhu-volunteer-merge-dialog.h"
#include "shouhu-volunteer-page-private.h"
#include "shouhu-volunteer-text.h"

struct _ShouhuVolunteerPage
{
  GtkWidget            parent_instance;

  ShouhuStore         *store;
  gulong               changed_id;
  ShouhuVolunteerList *list;
  GtkMultiSelection   *selection;
  GCancellable        *loading;
  gint64               select_after_load;
  int                  district_id;
  GtkStringList       *towns;
  gboolean             filling_towns;
  char                *warning;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *district_dropdown;
  GtkDropDown         *town_dropdown;
  GtkDropDown         *readiness_dropdown;
  GtkCheckButton      *unpaired_check;
  GtkLabel            *status_label;
  GtkWidget           *warning_box;
  GtkLabel            *warning_label;
  GtkStack            *stack;
  GtkColumnView       *column_view;
};

G_DEFINE_FINAL_TYPE (ShouhuVolunteerPage, shouhu_volunteer_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list's columns, in ShouhuVolunteerColumn order. */
static const struct
{
  int         field;    /* a ShouhuVolunteerField for the heading, or -1 */
  const char *title;    /* untranslated, when field is -1 */
  gboolean    expand;
} columns[SHOUHU_VOLUNTEER_N_COLUMNS] = {
  [SHOUHU_VOLUNTEER_COLUMN_NAME]       = { SHOUHU_VOLUNTEER_FIELD_NAME, NULL, FALSE },
  [SHOUHU_VOLUNTEER_COLUMN_GENDER]     = { SHOUHU_VOLUNTEER_FIELD_GENDER, NULL, FALSE },
  [SHOUHU_VOLUNTEER_COLUMN_PHONE]      = { SHOUHU_VOLUNTEER_FIELD_PHONE, NULL, FALSE },
  [SHOUHU_VOLUNTEER_COLUMN_DISTRICT]   = { SHOUHU_VOLUNTEER_FIELD_DISTRICT, NULL, FALSE },
  [SHOUHU_VOLUNTEER_COLUMN_TOWN]       = { SHOUHU_VOLUNTEER_FIELD_TOWN, NULL, TRUE },
  [SHOUHU_VOLUNTEER_COLUMN_VILLAGE]    = { SHOUHU_VOLUNTEER_FIELD_VILLAGE, NULL, TRUE },
  [SHOUHU_VOLUNTEER_COLUMN_SOURCE]     = { SHOUHU_VOLUNTEER_FIELD_SOURCE, NULL, FALSE },
  [SHOUHU_VOLUNTEER_COLUMN_SKILLS]     = { SHOUHU_VOLUNTEER_FIELD_SKILLS, NULL, TRUE },
  /* Translators: a column of the volunteers' list: 上岗状态 */
  [SHOUHU_VOLUNTEER_COLUMN_STATUS]     = { -1, N_("Readiness"), TRUE },
  /* Translators: a column of the volunteers' list: 守护家庭数 */
  [SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES] = { -1, N_("Families Guarded"), FALSE },
};

static void reload (ShouhuVolunteerPage *self);

/* Status, warning and the state shown */

static void
update_status (ShouhuVolunteerPage *self)
{
  ShouhuVolunteerIndex *index = shouhu_volunteer_list_get_index (self->list);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint ready = 0, ending = 0, not_ready = 0, total;
  g_autofree char *text = NULL;
  const char *state;

  if (index != NULL)
    shouhu_volunteer_index_count (index, self->district_id, &ready, &ending, &not_ready);
  total = ready + not_ready;
  /* Translators: %u shown of %u volunteers; then how many are ready and not ready */
  text = g_strdup_printf (_("%u of %u volunteers shown · %u ready · %u not ready"),
                          shown, total, ready, not_ready);
  gtk_label_set_text (self->status_label, text);

  g_clear_pointer (&self->warning, g_free);
  if (ending > 0)
    self->warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "The insurance of %u volunteer ends within %d days: "
                                                  "renew it, or the volunteer may not go on duty",
                                                  "The insurance of %u volunteers ends within %d days: "
                                                  "renew it, or they may not go on duty",
                                                  ending),
                                     ending, SHOUHU_INSURANCE_WARN_DAYS);
  gtk_label_set_text (self->warning_label, self->warning != NULL ? self->warning : "");
  gtk_widget_set_visible (self->warning_box, self->warning != NULL);

  if (shown > 0)
    state = "list";
  else if (index == NULL && self->loading != NULL)
    state = "loading";   /* the first reading: not "empty" yet */
  else if (index != NULL && shouhu_volunteer_index_get_n_rows (index) > 0)
    state = "no-results";
  else
    state = "empty";
  gtk_stack_set_visible_child_name (self->stack, state);
}

/* The towns of the district's volunteers, for the town filter; the one
 * chosen stays chosen while it is still there. */
static void
fill_towns (ShouhuVolunteerPage *self)
{
  ShouhuVolunteerIndex *index = shouhu_volunteer_list_get_index (self->list);
  guint selected = gtk_drop_down_get_selected (self->town_dropdown);
  g_autofree char *chosen = NULL;
  g_auto(GStrv) towns = NULL;
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    chosen = g_strdup (gtk_string_list_get_string (self->towns, selected));
  towns = index != NULL ? shouhu_volunteer_index_towns (index, self->district_id) : g_new0 (char *, 1);

  self->filling_towns = TRUE;
  gtk_string_list_splice (self->towns, 1, g_list_model_get_n_items (G_LIST_MODEL (self->towns)) - 1,
                          (const char * const *) towns);
  for (guint i = 0; chosen != NULL && towns[i] != NULL; i++)
    if (g_strcmp0 (towns[i], chosen) == 0)
      keep = i + 1;
  gtk_drop_down_set_selected (self->town_dropdown, keep);
  self->filling_towns = FALSE;
}

/* Filter and search */

static void
apply_filter (ShouhuVolunteerPage *self)
{
  guint town = gtk_drop_down_get_selected (self->town_dropdown);
  guint readiness = gtk_drop_down_get_selected (self->readiness_dropdown);
  ShouhuVolunteerFilter filter = {
    .district_id = self->district_id,
    .town = town != GTK_INVALID_LIST_POSITION && town > 0 ? gtk_string_list_get_string (self->towns, town) : NULL,
    .readiness = readiness <= SHOUHU_READINESS_FILTER_INSURANCE_ENDING ? readiness : SHOUHU_READINESS_FILTER_ALL,
    .without_families = gtk_check_button_get_active (self->unpaired_check),
    .query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
  };

  shouhu_volunteer_list_set_filter (self->list, &filter);
  update_status (self);
}

static void
district_selected_cb (ShouhuVolunteerPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->district_dropdown);

  self->district_id = selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected;
  fill_towns (self);
  apply_filter (self);
}

static void
filter_changed_cb (ShouhuVolunteerPage *self)
{
  if (!self->filling_towns)
    apply_filter (self);
}

static void
search_changed_cb (ShouhuVolunteerPage *self)
{
  apply_filter (self);
}

/* Loading */

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ShouhuVolunteerPage) self = user_data;   /* held while loading */
  g_autoptr(GError) error = NULL;

  if (!shouhu_volunteer_list_load_finish (SHOUHU_VOLUNTEER_LIST (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->loading);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      update_status (self);
      return;
    }
  g_clear_object (&self->loading);
  fill_towns (self);
  apply_filter (self);
  if (self->select_after_load != 0)
    {
      shouhu_volunteer_page_select_id (self, self->select_after_load, FALSE);
      self->select_after_load = 0;
    }
}

static void
reload (ShouhuVolunteerPage *self)
{
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store == NULL)
    return;

  self->loading = g_cancellable_new ();
  shouhu_volunteer_list_load_async (self->list, self->store, NULL, self->loading, loaded_cb, g_object_ref (self));
  update_status (self);
}

static void
store_changed_cb (ShouhuStore         *store,
                  ShouhuVolunteerPage *self)
{
  reload (self);
}

/* Columns */

/* A cell cut short shows its whole text as a tooltip.  Asked for when
 * the pointer rests: setting a tooltip at every bind would cost more
 * than the rest of a keystroke's search. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (GTK_LABEL (label)));
  return TRUE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES || column == SHOUHU_VOLUNTEER_COLUMN_PHONE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (item, label);
}

/* A screen reader would read the row's widget type: the row is named
 * after the volunteer, once per row (the name's cell does it). */
static void
name_row (GtkWidget                  *label,
          const ShouhuVolunteerEntry *e)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *status = NULL;
  g_autofree char *families = NULL;
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  status = shouhu_readiness_label (&e->readiness);
  families = shouhu_families_label (e->n_families);
  /* Translators: a row of the volunteers' list for screen readers: 姓名, 区县, 乡镇, readiness, families */
  name = g_strdup_printf (_("%s, %s %s, %s, %s"), e->text[SHOUHU_VOLUNTEER_FIELD_NAME],
                          e->text[SHOUHU_VOLUNTEER_FIELD_DISTRICT], e->text[SHOUHU_VOLUNTEER_FIELD_TOWN], status,
                          families);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  const ShouhuVolunteerEntry *e = shouhu_volunteer_row_get_entry (SHOUHU_VOLUNTEER_ROW (gtk_list_item_get_item (item)));
  g_autofree char *owned = NULL;
  const char *text = "";

  switch ((ShouhuVolunteerColumn) column)
    {
    case SHOUHU_VOLUNTEER_COLUMN_GENDER:
      text = shouhu_gender_label (e->text[SHOUHU_VOLUNTEER_FIELD_GENDER]);
      break;
    case SHOUHU_VOLUNTEER_COLUMN_SOURCE:
      text = shouhu_volunteer_source_label (e->text[SHOUHU_VOLUNTEER_FIELD_SOURCE]);
      break;
    case SHOUHU_VOLUNTEER_COLUMN_SKILLS:
      text = owned = shouhu_volunteer_skills_label (e->skills);
      break;
    case SHOUHU_VOLUNTEER_COLUMN_STATUS:
      text = owned = shouhu_readiness_label (&e->readiness);
      break;
    case SHOUHU_VOLUNTEER_COLUMN_N_FAMILIES:
      text = owned = g_strdup_printf ("%u", e->n_families);
      break;
    case SHOUHU_VOLUNTEER_COLUMN_NAME:
    case SHOUHU_VOLUNTEER_COLUMN_PHONE:
    case SHOUHU_VOLUNTEER_COLUMN_DISTRICT:
    case SHOUHU_VOLUNTEER_COLUMN_TOWN:
    case SHOUHU_VOLUNTEER_COLUMN_VILLAGE:
    case SHOUHU_VOLUNTEER_N_COLUMNS:
    default:
      text = e->text[columns[column].field];
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);

  if (column == SHOUHU_VOLUNTEER_COLUMN_STATUS)
    shouhu_readiness_style (label, &e->readiness);
  if (column == SHOUHU_VOLUNTEER_COLUMN_NAME)
    name_row (label, e);
}

static int
compare_column (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return shouhu_volunteer_row_compare_column (SHOUHU_VOLUNTEER_ROW ((gpointer) a), SHOUHU_VOLUNTEER_ROW ((gpointer) b),
                                              GPOINTER_TO_UINT (user_data));
}

static int
compare_by_view (ShouhuVolunteerRow *a,
                 ShouhuVolunteerRow *b,
                 gpointer            user_data)
{
  return gtk_sorter_compare (GTK_SORTER (user_data), a, b);
}

static void
sort_changed_cb (GtkSorter           *sorter,
                 GtkSorterChange      change,
                 ShouhuVolunteerPage *self)
{
  if (gtk_sorter_get_order (sorter) == GTK_SORTER_ORDER_NONE)
    shouhu_volunteer_list_set_sort (self->list, NULL, NULL, NULL);
  else
    shouhu_volunteer_list_set_sort (self->list, compare_by_view, g_object_ref (sorter), g_object_unref);
  update_status (self);
}

static void
add_columns (ShouhuVolunteerPage *self)
{
  for (guint c = 0; c < SHOUHU_VOLUNTEER_N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      const char *title = columns[c].field >= 0 ? shouhu_volunteer_field_label (columns[c].field)
                                                : _(columns[c].title);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (gtk_custom_sorter_new (compare_column,
                                                                                     GUINT_TO_POINTER (c),
                                                                                     NULL)));
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (sort_changed_cb), self);

  /* GTK 4.8 leaves the row of headings unnamed for screen readers. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!GTK_IS_LIST_VIEW (child) && !GTK_IS_SCROLLBAR (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column headings: select one to sort by it"), -1);
}

/* Selection */

/* The ids of the selected rows, in the order shown. */
static GArray *
selected_ids (ShouhuVolunteerPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more && ids->len <= 2;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(ShouhuVolunteerRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), position);
      gint64 id = row != NULL ? shouhu_volunteer_row_get_id (row) : 0;

      if (id != 0)
        g_array_append_val (ids, id);
    }
  return ids;
}

/* The one selected volunteer's id, or 0 after telling why not. */
static gint64
the_selected (ShouhuVolunteerPage *self,
              const char          *why)
{
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len != 1)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", why);
      return 0;
    }
  return g_array_index (ids, gint64, 0);
}

/* Editing */

static void
editor_saved_cb (ShouhuVolunteerEditor *editor,
                 gint64                 id,
                 ShouhuVolunteerPage   *self)
{
  self->select_after_load = id;
  shouhu_volunteer_page_register_save (self, self->store, shouhu_volunteer_editor_get_seen (editor), id);
}

static GtkWindow *
open_editor (ShouhuVolunteerPage *self,
             gint64               volunteer_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ShouhuVolunteerEditor *editor;

  if (self->store == NULL)
    return NULL;
  editor = shouhu_volunteer_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->store, volunteer_id, self->district_id);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
  return GTK_WINDOW (editor);
}

static void
row_activated_cb (ShouhuVolunteerPage *self,
                  guint                position)
{
  g_autoptr(ShouhuVolunteerRow) row = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (row != NULL)
    open_editor (self, shouhu_volunteer_row_get_id (row));
}

static void
merged_cb (ShouhuVolunteerMergeDialog *dialog,
           gint64                      keep_id,
           gint64                      merge_id,
           const char                 *message,
           ShouhuVolunteerPage        *self)
{
  self->select_after_load = keep_id;
  shouhu_volunteer_page_register_merge (self, merge_id, message);
}

/* Actions */

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  shouhu_volunteer_page_add_volunteer (SHOUHU_VOLUNTEER_PAGE (widget));
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  shouhu_volunteer_page_edit_selected (SHOUHU_VOLUNTEER_PAGE (widget));
}

static void
history_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ShouhuVolunteerPage *self = SHOUHU_VOLUNTEER_PAGE (widget);
  gint64 id = the_selected (self, _("Select one volunteer first to see the change history"));
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(ShouhuVolunteer) v = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (id == 0 || self->store == NULL)
    return;
  v = shouhu_annex2_get_volunteer (self->store, id, &error);
  if (v == NULL)
    {
      gtk_widget_activate_action (widget, "win.notify", "s", error->message);
      return;
    }
  /* Translators: title of the history window; %s is the volunteer's name */
  title = g_strdup_printf (_("Change History of %s"), v->name);
  gtk_window_present (shouhu_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->store, "volunteer", v->id, title));
}

/* The ledger's dialogs are the window's, as on the Annex 2 page: from a
 * volunteer's row they start from the volunteer. */
static void
add_service_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gint64 id = the_selected (SHOUHU_VOLUNTEER_PAGE (widget),
                            _("Select one volunteer first to record a service the volunteer did"));

  if (id != 0)
    gtk_widget_activate_action (widget, "win.add-service", "(xx)", (gint64) 0, id);
}

static void
ledger_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 id = the_selected (SHOUHU_VOLUNTEER_PAGE (widget),
                            _("Select one volunteer first to see the volunteer’s service ledger"));

  if (id != 0)
    gtk_widget_activate_action (widget, "win.show-ledger", "(sx)", "volunteer", id);
}

static void
merge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  shouhu_volunteer_page_merge_selected (SHOUHU_VOLUNTEER_PAGE (widget));
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SHOUHU_VOLUNTEER_PAGE (widget)->search_entry));
}

static void
clear_filters_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  ShouhuVolunteerPage *self = SHOUHU_VOLUNTEER_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->readiness_dropdown, SHOUHU_READINESS_FILTER_ALL);
  gtk_check_button_set_active (self->unpaired_check, FALSE);
  gtk_drop_down_set_selected (self->town_dropdown, 0);
  gtk_drop_down_set_selected (self->district_dropdown, 0);
  apply_filter (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_insurance_ending_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  shouhu_volunteer_page_set_readiness_filter (SHOUHU_VOLUNTEER_PAGE (widget),
                                              SHOUHU_READINESS_FILTER_INSURANCE_ENDING);
}

/* GObject */

static void
set_store (ShouhuVolunteerPage *self,
           ShouhuStore         *store)
{
  if (self->store == store)
    return;
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  /* Volunteers, pairings and imports are all told as Annex 2 changes. */
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "changed::annex2", G_CALLBACK (store_changed_cb), self);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
shouhu_volunteer_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ShouhuVolunteerPage *self = SHOUHU_VOLUNTEER_PAGE (object);

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
shouhu_volunteer_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ShouhuVolunteerPage *self = SHOUHU_VOLUNTEER_PAGE (object);

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
shouhu_volunteer_page_dispose (GObject *object)
{
  ShouhuVolunteerPage *self = SHOUHU_VOLUNTEER_PAGE (object);
  GtkWidget *child;

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  /* The column view's sorter changes as its columns go: the list must
   * not sort, nor the page count, while the widgets are taken down. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list, self);
      shouhu_volunteer_list_set_sort (self->list, NULL, NULL, NULL);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SHOUHU_TYPE_VOLUNTEER_PAGE);
  /* GTK 4.8 unparents only the template children that have an id. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->towns);

  G_OBJECT_CLASS (shouhu_volunteer_page_parent_class)->dispose (object);
}

static void
shouhu_volunteer_page_finalize (GObject *object)
{
  g_free (SHOUHU_VOLUNTEER_PAGE (object)->warning);

  G_OBJECT_CLASS (shouhu_volunteer_page_parent_class)->finalize (object);
}

static void
shouhu_volunteer_page_class_init (ShouhuVolunteerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = shouhu_volunteer_page_get_property;
  object_class->set_property = shouhu_volunteer_page_set_property;
  object_class->dispose = shouhu_volunteer_page_dispose;
  object_class->finalize = shouhu_volunteer_page_finalize;

  /**
   * ShouhuVolunteerPage:store:
   *
   * The open database.  The window binds its own to it.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SHOUHU_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shouhu/Shouhu/ui/shouhu-volunteer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, town_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, readiness_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, unpaired_check);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, ShouhuVolunteerPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "volunteers.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.history", NULL, history_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.merge", NULL, merge_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.add-service", NULL, add_service_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.ledger", NULL, ledger_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.search", NULL, search_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.clear-filters", NULL, clear_filters_action_cb);
  gtk_widget_class_install_action (widget_class, "volunteers.show-insurance-ending", NULL, show_insurance_ending_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "volunteers.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "volunteers.history", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "volunteers.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "volunteers.add-service", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "volunteers.ledger", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "volunteers.search", NULL);
  shouhu_volunteer_page_class_add_undo (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
shouhu_volunteer_page_init (ShouhuVolunteerPage *self)
{
  g_autoptr(GtkStringList) districts = gtk_string_list_new (NULL);
  GtkExpression *string = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  /* Before the template: its dropdowns filter the list as they are set up. */
  self->list = shouhu_volunteer_list_new ();
  self->towns = gtk_string_list_new (NULL);
  gtk_string_list_append (self->towns, _("All Towns"));
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_expression (self->town_dropdown, gtk_expression_ref (string));
  gtk_drop_down_set_model (self->town_dropdown, G_LIST_MODEL (self->towns));
  gtk_string_list_append (districts, _("All Districts"));
  for (int id = 1; id <= SHOUHU_N_DISTRICTS; id++)
    gtk_string_list_append (districts, shouhu_district_get (id)->name);
  gtk_drop_down_set_expression (self->district_dropdown, string);
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (districts));

  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_enable_rubberband (self->column_view, TRUE);
  g_signal_connect_swapped (self->list, "items-changed", G_CALLBACK (update_status), self);
  add_columns (self);
  update_status (self);
}

/* Public API */

/**
 * shouhu_volunteer_page_set_district_filter:
 * @district_id: 1..41, or 0 for all districts
 */
void
shouhu_volunteer_page_set_district_filter (ShouhuVolunteerPage *self,
                                           int                  district_id)
{
  g_return_if_fail (SHOUHU_IS_VOLUNTEER_PAGE (self));
  g_return_if_fail (district_id >= 0 && district_id <= SHOUHU_N_DISTRICTS);

  gtk_drop_down_set_selected (self->district_dropdown, (guint) district_id);
}

/* @town: a 乡镇（街道） of the district's volunteers, or %NULL for all */
/* The district the list is filtered to: 0 for every district. */
int
shouhu_volunteer_page_get_district_filter (ShouhuVolunteerPage *self)
{
  g_return_val_if_fail (SHOUHU_IS_VOLUNTEER_PAGE (self), 0);

  return self->district_id;
}

void
shouhu_volunteer_page_set_town_filter (ShouhuVolunteerPage *self,
                                       const char          *town)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->towns));

  for (guint i = 1; town != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->towns, i), town) == 0)
      {
        gtk_drop_down_set_selected (self->town_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->town_dropdown, 0);
}

void
shouhu_volunteer_page_set_readiness_filter (ShouhuVolunteerPage   *self,
                                            ShouhuReadinessFilter  readiness)
{
  gtk_drop_down_set_selected (self->readiness_dropdown, readiness);
}

void
shouhu_volunteer_page_set_without_families (ShouhuVolunteerPage *self,
                                            gboolean             without_families)
{
  gtk_check_button_set_active (self->unpaired_check, without_families);
}

/* As typing @text in the search entry, without waiting for its delay. */
void
shouhu_volunteer_page_set_search (ShouhuVolunteerPage *self,
                                  const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

/**
 * shouhu_volunteer_page_get_model:
 *
 * Returns: (transfer none): the rows shown, as ShouhuVolunteerRow items
 */
GListModel *
shouhu_volunteer_page_get_model (ShouhuVolunteerPage *self)
{
  return G_LIST_MODEL (self->list);
}

/* Returns: what the page shows: "list", "loading" (read for the first
 * time), "empty" (no volunteer at all) or "no-results" (none matches the
 * search and filters) */
const char *
shouhu_volunteer_page_get_state (ShouhuVolunteerPage *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (nullable): the warning about insurance ending soon, if shown */
const char *
shouhu_volunteer_page_get_warning (ShouhuVolunteerPage *self)
{
  return self->warning;
}

/* Whether the list is being read again after a change. */
gboolean
shouhu_volunteer_page_is_loading (ShouhuVolunteerPage *self)
{
  return self->loading != NULL;
}

/**
 * shouhu_volunteer_page_select_id:
 * @add: keep the rows already selected
 *
 * Returns: whether the volunteer is shown (and now selected)
 */
gboolean
shouhu_volunteer_page_select_id (ShouhuVolunteerPage *self,
                                 gint64               id,
                                 gboolean             add)
{
  guint position;

  if (!shouhu_volunteer_list_find_id (self->list, id, &position))
    return FALSE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, !add);
  shouhu_column_view_scroll_to (self->column_view, position);
  return TRUE;
}

/**
 * shouhu_volunteer_page_add_volunteer:
 *
 * Opens the editor for a new volunteer, as the Add button does.
 *
 * Returns: (transfer none) (nullable): the editor window
 */
GtkWindow *
shouhu_volunteer_page_add_volunteer (ShouhuVolunteerPage *self)
{
  return open_editor (self, 0);
}

/* Returns: (transfer none) (nullable): the editor of the one selected
 * volunteer, as Enter on its row opens it */
GtkWindow *
shouhu_volunteer_page_edit_selected (ShouhuVolunteerPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);

  if (ids->len != 1)
    return NULL;
  return open_editor (self, g_array_index (ids, gint64, 0));
}

/**
 * shouhu_volunteer_page_merge_selected:
 *
 * Asks to merge the two selected records of one person, showing both.
 *
 * Returns: (transfer none) (nullable): the confirmation, or %NULL (and a
 *   notification) when not exactly two are selected
 */
GtkWindow *
shouhu_volunteer_page_merge_selected (ShouhuVolunteerPage *self)
{
  g_autoptr(GArray) ids = selected_ids (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;
  ShouhuVolunteerMergeDialog *dialog;

  if (self->store == NULL)
    return NULL;
  if (ids->len != 2)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s",
                                  _("Select exactly two records of the same person to merge them "
                                    "(Ctrl+click the second)"));
      return NULL;
    }
  dialog = shouhu_volunteer_merge_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                              g_array_index (ids, gint64, 0), g_array_index (ids, gint64, 1),
                                              &error);
  if (dialog == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.notify", "s", error->message);
      return NULL;
    }
  g_signal_connect_object (dialog, "merged", G_CALLBACK (merged_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/* The record to select once the list was read again (after an undo). */
void
shouhu_volunteer_page_select_after_load (ShouhuVolunteerPage *self,
                                         gint64               id)
{
  self->select_after_load = id;
}

/* shouhu-volunteer-list.c — the volunteers' list: filtered, searched, sorted
 *
 * A GListModel over a ShouhuVolunteerIndex, built like the Annex 2 list
 * (shouhu-worker-list.c): the sort order of all rows is computed once per
 * sort (or per reload), and each keystroke only searches and then picks
 * the matches out of that order, so typing never sorts.  Loading reads
 * the database on a worker thread (shouhu_volunteer_list_load_async()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-volunteer-list.h"
#include "shouhu-list-order.h"

#include <string.h>

struct _ShouhuVolunteerList
{
  GObject                 parent_instance;

  ShouhuVolunteerIndex   *index;
  int                     district_id;
  char                   *town;
  ShouhuReadinessFilter   readiness;
  gboolean                without_families;
  char                   *query;     /* folded */
  GArray                 *matches;   /* guint positions, index order */
  guint                  *order;     /* all positions in sort order; NULL: index order */
  GArray                 *visible;   /* guint positions, display order */

  ShouhuVolunteerCompare  compare;
  gpointer                compare_data;
  GDestroyNotify          compare_destroy;
  ShouhuVolunteerRow     *scratch_a;
  ShouhuVolunteerRow     *scratch_b;
};

static void shouhu_volunteer_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShouhuVolunteerList, shouhu_volunteer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shouhu_volunteer_list_model_init))

static GType
list_get_item_type (GListModel *model)
{
  return SHOUHU_TYPE_VOLUNTEER_ROW;
}

static guint
list_get_n_items (GListModel *model)
{
  return SHOUHU_VOLUNTEER_LIST (model)->visible->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ShouhuVolunteerList *self = SHOUHU_VOLUNTEER_LIST (model);

  if (position >= self->visible->len)
    return NULL;
  return shouhu_volunteer_row_new (self->index, g_array_index (self->visible, guint, position));
}

static void
shouhu_volunteer_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
rebuild_visible (ShouhuVolunteerList *self)
{
  guint old_len = self->visible->len;
  guint n_rows = self->index != NULL ? shouhu_volunteer_index_get_n_rows (self->index) : 0;

  shouhu_list_order_pick (self->visible, self->matches, self->order, n_rows);

  if (old_len != 0 || self->visible->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->visible->len);
}

static int
compare_positions (guint    a,
                   guint    b,
                   gpointer user_data)
{
  ShouhuVolunteerList *self = user_data;

  shouhu_volunteer_row_set_position (self->scratch_a, a);
  shouhu_volunteer_row_set_position (self->scratch_b, b);
  return self->compare (self->scratch_a, self->scratch_b, self->compare_data);
}

static void
compute_order (ShouhuVolunteerList *self)
{
  guint n_rows;

  g_clear_pointer (&self->order, g_free);
  g_clear_object (&self->scratch_a);
  g_clear_object (&self->scratch_b);
  if (self->compare == NULL || self->index == NULL)
    return;

  n_rows = shouhu_volunteer_index_get_n_rows (self->index);
  self->scratch_a = shouhu_volunteer_row_new (self->index, 0);
  self->scratch_b = shouhu_volunteer_row_new (self->index, 0);
  self->order = shouhu_list_order_new (n_rows, compare_positions, self);
}

static void
search (ShouhuVolunteerList *self,
        const GArray        *within)
{
  ShouhuVolunteerFilter filter = {
    self->district_id, self->town, self->readiness, self->without_families, self->query
  };
  GArray *found;

  if (self->index != NULL)
    found = shouhu_volunteer_index_search (self->index, &filter, within);
  else
    found = g_array_new (FALSE, FALSE, sizeof (guint));
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = found;
}

static void
shouhu_volunteer_list_finalize (GObject *object)
{
  ShouhuVolunteerList *self = SHOUHU_VOLUNTEER_LIST (object);

  if (self->compare_destroy != NULL)
    self->compare_destroy (self->compare_data);
  g_clear_object (&self->scratch_a);
  g_clear_object (&self->scratch_b);
  g_clear_pointer (&self->index, shouhu_volunteer_index_unref);
  g_clear_pointer (&self->town, g_free);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->visible, g_array_unref);

  G_OBJECT_CLASS (shouhu_volunteer_list_parent_class)->finalize (object);
}

static void
shouhu_volunteer_list_class_init (ShouhuVolunteerListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shouhu_volunteer_list_finalize;
}

static void
shouhu_volunteer_list_init (ShouhuVolunteerList *self)
{
  self->town = g_strdup ("");
  self->query = g_strdup ("");
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
}

ShouhuVolunteerList *
shouhu_volunteer_list_new (void)
{
  return g_object_new (SHOUHU_TYPE_VOLUNTEER_LIST, NULL);
}

/**
 * shouhu_volunteer_list_set_index:
 *
 * Shows the rows of @index, keeping the filter, search and sort order.
 */
void
shouhu_volunteer_list_set_index (ShouhuVolunteerList  *self,
                                 ShouhuVolunteerIndex *index)
{
  g_return_if_fail (SHOUHU_IS_VOLUNTEER_LIST (self));

  if (index != NULL)
    shouhu_volunteer_index_ref (index);
  g_clear_pointer (&self->index, shouhu_volunteer_index_unref);
  self->index = index;

  compute_order (self);
  search (self, NULL);
  rebuild_visible (self);
}

ShouhuVolunteerIndex *
shouhu_volunteer_list_get_index (ShouhuVolunteerList *self)
{
  g_return_val_if_fail (SHOUHU_IS_VOLUNTEER_LIST (self), NULL);
  return self->index;
}

/**
 * shouhu_volunteer_list_load:
 * @day: (nullable): the day readiness is shown for; %NULL for today
 *
 * Loads the index from @store at once and shows it (for the command line
 * and tests; a window uses shouhu_volunteer_list_load_async()).
 */
gboolean
shouhu_volunteer_list_load (ShouhuVolunteerList  *self,
                            ShouhuStore          *store,
                            const char           *day,
                            GError              **error)
{
  g_autoptr(ShouhuVolunteerIndex) index = shouhu_volunteer_index_load (store, day, error);

  if (index == NULL)
    return FALSE;
  shouhu_volunteer_list_set_index (self, index);
  return TRUE;
}

typedef struct
{
  ShouhuStore *store;
  char        *day;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  g_clear_object (&load->store);
  g_free (load->day);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *load = task_data;
  GError *error = NULL;
  ShouhuVolunteerIndex *index = shouhu_volunteer_index_load (load->store, load->day, &error);

  if (index == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, index, (GDestroyNotify) shouhu_volunteer_index_unref);
}

/**
 * shouhu_volunteer_list_load_async:
 * @day: (nullable): the day readiness is shown for; %NULL for today
 *
 * Reads the volunteers on a worker thread (a connection of its own); the
 * list shows them when shouhu_volunteer_list_load_finish() is called.
 */
void
shouhu_volunteer_list_load_async (ShouhuVolunteerList *self,
                                  ShouhuStore         *store,
                                  const char          *day,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  LoadData *load = g_new0 (LoadData, 1);

  load->store = g_object_ref (store);
  load->day = g_strdup (day);
  g_task_set_source_tag (task, shouhu_volunteer_list_load_async);
  g_task_set_task_data (task, load, load_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, load_thread);
}

/**
 * shouhu_volunteer_list_load_finish:
 *
 * Shows what was loaded, unless the load was cancelled or failed (then
 * the list keeps what it showed and @error says why).
 */
gboolean
shouhu_volunteer_list_load_finish (ShouhuVolunteerList  *self,
                                   GAsyncResult         *result,
                                   GError              **error)
{
  g_autoptr(ShouhuVolunteerIndex) index = NULL;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  index = g_task_propagate_pointer (G_TASK (result), error);
  if (index == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (G_TASK (result)), error))
    return FALSE;
  shouhu_volunteer_list_set_index (self, index);
  return TRUE;
}

/**
 * shouhu_volunteer_list_set_filter:
 *
 * Shows the volunteers @filter keeps.  A filter that only adds letters
 * to the query (one more key typed) searches among the previous matches.
 */
void
shouhu_volunteer_list_set_filter (ShouhuVolunteerList         *self,
                                  const ShouhuVolunteerFilter *filter)
{
  g_autofree char *folded = shouhu_volunteer_fold_query (filter->query);
  const char *town = filter->town != NULL ? filter->town : "";
  gboolean same_rest, narrows;

  g_return_if_fail (SHOUHU_IS_VOLUNTEER_LIST (self));

  same_rest = filter->district_id == self->district_id && strcmp (town, self->town) == 0 &&
              filter->readiness == self->readiness && filter->without_families == self->without_families;
  if (same_rest && strcmp (folded, self->query) == 0)
    return;
  narrows = same_rest && strstr (folded, self->query) != NULL;

  self->district_id = filter->district_id;
  g_free (self->town);
  self->town = g_strdup (town);
  self->readiness = filter->readiness;
  self->without_families = filter->without_families;
  g_free (self->query);
  self->query = g_steal_pointer (&folded);

  search (self, narrows ? self->matches : NULL);
  rebuild_visible (self);
}

/* Changes the query alone, keeping the other filters: a keystroke. */
void
shouhu_volunteer_list_set_query (ShouhuVolunteerList *self,
                                 const char          *query)
{
  ShouhuVolunteerFilter filter = {
    self->district_id, self->town, self->readiness, self->without_families, query
  };
  g_autofree char *town = g_strdup (self->town);

  filter.town = town;
  shouhu_volunteer_list_set_filter (self, &filter);
}

/**
 * shouhu_volunteer_list_set_sort:
 * @compare: (nullable): the order; %NULL for the index order (district,
 *   then as entered)
 */
void
shouhu_volunteer_list_set_sort (ShouhuVolunteerList    *self,
                                ShouhuVolunteerCompare  compare,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (SHOUHU_IS_VOLUNTEER_LIST (self));

  if (self->compare_destroy != NULL)
    self->compare_destroy (self->compare_data);
  self->compare = compare;
  self->compare_data = user_data;
  self->compare_destroy = destroy;

  compute_order (self);
  rebuild_visible (self);
}

/* Compares two rows of one index by a column's sort key: for a view's
 * sorters as much as for the list's own sort. */
int
shouhu_volunteer_row_compare_column (ShouhuVolunteerRow    *a,
                                     ShouhuVolunteerRow    *b,
                                     ShouhuVolunteerColumn  column)
{
  ShouhuVolunteerIndex *index = shouhu_volunteer_row_get_index (a);

  return strcmp (shouhu_volunteer_index_sort_key (index, shouhu_volunteer_row_get_position (a), column),
                 shouhu_volunteer_index_sort_key (index, shouhu_volunteer_row_get_position (b), column));
}

static int
compare_ascending (ShouhuVolunteerRow *a,
                   ShouhuVolunteerRow *b,
                   gpointer            user_data)
{
  return shouhu_volunteer_row_compare_column (a, b, GPOINTER_TO_UINT (user_data));
}

static int
compare_descending (ShouhuVolunteerRow *a,
                    ShouhuVolunteerRow *b,
                    gpointer            user_data)
{
  return shouhu_volunteer_row_compare_column (b, a, GPOINTER_TO_UINT (user_data));
}

/**
 * shouhu_volunteer_list_sort_by_column:
 * @column: a column, or %SHOUHU_VOLUNTEER_N_COLUMNS for the index order
 */
void
shouhu_volunteer_list_sort_by_column (ShouhuVolunteerList   *self,
                                      ShouhuVolunteerColumn  column,
                                      gboolean               descending)
{
  if (column >= SHOUHU_VOLUNTEER_N_COLUMNS)
    shouhu_volunteer_list_set_sort (self, NULL, NULL, NULL);
  else
    shouhu_volunteer_list_set_sort (self, descending ? compare_descending : compare_ascending,
                                    GUINT_TO_POINTER (column), NULL);
}

/**
 * shouhu_volunteer_list_find_id:
 * @position: (out): the row's position in the list as shown
 */
gboolean
shouhu_volunteer_list_find_id (ShouhuVolunteerList *self,
                               gint64               id,
                               guint               *position)
{
  for (guint i = 0; i < self->visible->len; i++)
    {
      guint pos = g_array_index (self->visible, guint, i);

      if (shouhu_volunteer_index_get_row (self->index, pos)->id == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

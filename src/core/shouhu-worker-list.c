/* shouhu-worker-list.c — the Annex 2 list: filtered, searched, sorted
 *
 * A GListModel over a ShouhuAnnex2Index.  The sort order of all rows is
 * computed once per sort (or per reload), and each keystroke only searches
 * and then picks the matches out of that order, so typing never sorts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-worker-list.h"
#include "shouhu-list-order.h"

#include <string.h>

struct _ShouhuWorkerList
{
  GObject              parent_instance;

  ShouhuAnnex2Index   *index;
  int                  district_id;
  gboolean             unpaired_only;
  char                *query;     /* folded */
  guint                needs;     /* only families with all of these needs; 0: any */
  GArray              *matches;   /* guint positions, index order */
  guint               *order;     /* all positions in sort order; NULL: index order */
  GArray              *visible;   /* guint positions, display order */

  ShouhuWorkerCompare  compare;
  gpointer             compare_data;
  GDestroyNotify       compare_destroy;
  ShouhuWorkerRow     *scratch_a;
  ShouhuWorkerRow     *scratch_b;
};

static void shouhu_worker_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ShouhuWorkerList, shouhu_worker_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, shouhu_worker_list_model_init))

static GType
list_get_item_type (GListModel *model)
{
  return SHOUHU_TYPE_WORKER_ROW;
}

static guint
list_get_n_items (GListModel *model)
{
  return SHOUHU_WORKER_LIST (model)->visible->len;
}

static gpointer
list_get_item (GListModel *model,
               guint       position)
{
  ShouhuWorkerList *self = SHOUHU_WORKER_LIST (model);

  if (position >= self->visible->len)
    return NULL;
  return shouhu_worker_row_new (self->index, g_array_index (self->visible, guint, position));
}

static void
shouhu_worker_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static void
rebuild_visible (ShouhuWorkerList *self)
{
  guint old_len = self->visible->len;
  guint n_rows = self->index != NULL ? shouhu_annex2_index_get_n_rows (self->index) : 0;

  shouhu_list_order_pick (self->visible, self->matches, self->order, n_rows);

  if (old_len != 0 || self->visible->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->visible->len);
}

static int
compare_positions (guint    a,
                   guint    b,
                   gpointer user_data)
{
  ShouhuWorkerList *self = user_data;

  shouhu_worker_row_set_position (self->scratch_a, a);
  shouhu_worker_row_set_position (self->scratch_b, b);
  return self->compare (self->scratch_a, self->scratch_b, self->compare_data);
}

static void
compute_order (ShouhuWorkerList *self)
{
  guint n_rows;

  g_clear_pointer (&self->order, g_free);
  g_clear_object (&self->scratch_a);
  g_clear_object (&self->scratch_b);
  if (self->compare == NULL || self->index == NULL)
    return;

  n_rows = shouhu_annex2_index_get_n_rows (self->index);
  self->scratch_a = shouhu_worker_row_new (self->index, 0);
  self->scratch_b = shouhu_worker_row_new (self->index, 0);
  self->order = shouhu_list_order_new (n_rows, compare_positions, self);
}

static void
search (ShouhuWorkerList *self,
        const GArray     *within)
{
  GArray *found = NULL;

  if (self->index != NULL)
    found = shouhu_annex2_index_search (self->index, self->district_id, self->query, within);
  else
    found = g_array_new (FALSE, FALSE, sizeof (guint));
  if ((self->unpaired_only || self->needs != 0) && self->index != NULL)
    {
      guint kept = 0;

      for (guint i = 0; i < found->len; i++)
        {
          guint pos = g_array_index (found, guint, i);
          const ShouhuAnnex2Row *row = shouhu_annex2_index_get_row (self->index, pos);

          if ((!self->unpaired_only || row->n_volunteers == 0) && (row->needs & self->needs) == self->needs)
            g_array_index (found, guint, kept++) = pos;
        }
      g_array_set_size (found, kept);
    }
  g_clear_pointer (&self->matches, g_array_unref);
  self->matches = found;
}

static void
shouhu_worker_list_finalize (GObject *object)
{
  ShouhuWorkerList *self = SHOUHU_WORKER_LIST (object);

  if (self->compare_destroy != NULL)
    self->compare_destroy (self->compare_data);
  g_clear_object (&self->scratch_a);
  g_clear_object (&self->scratch_b);
  g_clear_pointer (&self->index, shouhu_annex2_index_unref);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->visible, g_array_unref);

  G_OBJECT_CLASS (shouhu_worker_list_parent_class)->finalize (object);
}

static void
shouhu_worker_list_class_init (ShouhuWorkerListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = shouhu_worker_list_finalize;
}

static void
shouhu_worker_list_init (ShouhuWorkerList *self)
{
  self->query = g_strdup ("");
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
}

ShouhuWorkerList *
shouhu_worker_list_new (void)
{
  return g_object_new (SHOUHU_TYPE_WORKER_LIST, NULL);
}

/**
 * shouhu_worker_list_set_index:
 *
 * Shows the rows of @index, keeping the filter, search and sort order.
 */
void
shouhu_worker_list_set_index (ShouhuWorkerList  *self,
                              ShouhuAnnex2Index *index)
{
  g_return_if_fail (SHOUHU_IS_WORKER_LIST (self));

  if (index != NULL)
    shouhu_annex2_index_ref (index);
  g_clear_pointer (&self->index, shouhu_annex2_index_unref);
  self->index = index;

  compute_order (self);
  search (self, NULL);
  rebuild_visible (self);
}

/* Loads the index from @store and shows it. */
gboolean
shouhu_worker_list_load (ShouhuWorkerList  *self,
                         ShouhuStore       *store,
                         GError           **error)
{
  g_autoptr(ShouhuAnnex2Index) index = shouhu_annex2_index_load (store, error);

  if (index == NULL)
    return FALSE;
  shouhu_worker_list_set_index (self, index);
  return TRUE;
}

ShouhuAnnex2Index *
shouhu_worker_list_get_index (ShouhuWorkerList *self)
{
  return self->index;
}

/**
 * shouhu_worker_list_set_filter:
 * @district_id: 1..41, or 0 for all
 * @query: see shouhu_annex2_index_search()
 *
 * A query that contains the previous one (one more letter typed) searches
 * only among the previous matches.
 */
void
shouhu_worker_list_set_filter (ShouhuWorkerList *self,
                               int               district_id,
                               const char       *query)
{
  g_autofree char *folded = shouhu_annex2_fold (query);
  gboolean narrows;

  g_return_if_fail (SHOUHU_IS_WORKER_LIST (self));

  if (district_id == self->district_id && strcmp (folded, self->query) == 0)
    return;

  narrows = district_id == self->district_id && strstr (folded, self->query) != NULL;
  self->district_id = district_id;
  g_free (self->query);
  self->query = g_steal_pointer (&folded);

  search (self, narrows ? self->matches : NULL);
  rebuild_visible (self);
}

/**
 * shouhu_worker_list_set_needs_filter:
 * @needs: ShouhuFamilyNeed flags: only the families that registered all
 *   of them are shown; 0 for every family
 */
void
shouhu_worker_list_set_needs_filter (ShouhuWorkerList *self,
                                     guint             needs)
{
  g_return_if_fail (SHOUHU_IS_WORKER_LIST (self));

  if (needs == self->needs)
    return;
  self->needs = needs;
  search (self, NULL);
  rebuild_visible (self);
}

/**
 * shouhu_worker_list_set_unpaired_only:
 *
 * Whether only the families without a volunteer (尚未结对) are shown,
 * within the district and the search.
 */
void
shouhu_worker_list_set_unpaired_only (ShouhuWorkerList *self,
                                      gboolean          unpaired_only)
{
  g_return_if_fail (SHOUHU_IS_WORKER_LIST (self));

  if (self->unpaired_only == !!unpaired_only)
    return;
  self->unpaired_only = !!unpaired_only;
  search (self, unpaired_only ? self->matches : NULL);
  rebuild_visible (self);
}

/**
 * shouhu_worker_list_set_sort:
 * @compare: (nullable): the order; %NULL for the index order (district,
 *   then as entered)
 */
void
shouhu_worker_list_set_sort (ShouhuWorkerList    *self,
                             ShouhuWorkerCompare  compare,
                             gpointer             user_data,
                             GDestroyNotify       destroy)
{
  g_return_if_fail (SHOUHU_IS_WORKER_LIST (self));

  if (self->compare_destroy != NULL)
    self->compare_destroy (self->compare_data);
  self->compare = compare;
  self->compare_data = user_data;
  self->compare_destroy = destroy;

  compute_order (self);
  rebuild_visible (self);
}

/**
 * shouhu_worker_list_find_id:
 * @position: (out): the row's position in the list as shown
 */
gboolean
shouhu_worker_list_find_id (ShouhuWorkerList *self,
                            gint64            id,
                            guint            *position)
{
  for (guint i = 0; i < self->visible->len; i++)
    {
      guint pos = g_array_index (self->visible, guint, i);

      if (shouhu_annex2_index_get_row (self->index, pos)->id == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

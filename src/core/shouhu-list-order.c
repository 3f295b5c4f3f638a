/* shouhu-list-order.c — what the in-memory lists share: rows by district,
 * searching them, and showing the matches in a sort order
 *
 * The Annex 2 list and the volunteers' list keep every row in memory, in
 * district order, and answer each keystroke from there: a district is a
 * range of positions, a search keeps positions, and a sort is computed
 * once as an order of all positions, from which each search's matches
 * are picked, so that typing never sorts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-list-order.h"

/**
 * shouhu_list_district_starts:
 * @rows: rows sorted by district (0 for none first), each holding its
 *   district as an int at @district_offset
 * @starts: (out): where the rows of each district 0..41 start; the last
 *   entry is the end
 */
void
shouhu_list_district_starts (const GArray *rows,
                             gsize         district_offset,
                             guint         starts[SHOUHU_N_DISTRICTS + 2])
{
  gsize size = g_array_get_element_size ((GArray *) rows);
  guint i = 0;

  for (int d = 0; d <= SHOUHU_N_DISTRICTS + 1; d++)
    {
      while (i < rows->len &&
             *(const int *) (gconstpointer) (rows->data + (gsize) i * size + district_offset) < d)
        i++;
      starts[d] = i;
    }
}

/* The positions [*start, *end) of @district_id's rows: all rows for 0. */
void
shouhu_list_district_range (const guint  starts[SHOUHU_N_DISTRICTS + 2],
                            guint        n_rows,
                            int          district_id,
                            guint       *start,
                            guint       *end)
{
  *start = 0;
  *end = n_rows;
  if (district_id >= 1 && district_id <= SHOUHU_N_DISTRICTS)
    {
      *start = starts[district_id];
      *end = starts[district_id + 1];
    }
}

/**
 * shouhu_list_search:
 * @within: (nullable) (element-type guint): look only at these positions
 *   (the result of a search this one narrows)
 * @keep: (nullable): %NULL keeps every row of the range
 *
 * Returns: (transfer full) (element-type guint): the positions in
 *   [@start, @end) that @keep keeps, in index order
 */
GArray *
shouhu_list_search (guint               start,
                    guint               end,
                    const GArray       *within,
                    ShouhuPositionKeep  keep,
                    gpointer            user_data)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  if (within != NULL)
    {
      for (guint i = 0; i < within->len; i++)
        {
          guint pos = g_array_index (within, guint, i);

          if (pos >= start && pos < end && (keep == NULL || keep (pos, user_data)))
            g_array_append_val (found, pos);
        }
      return found;
    }
  if (keep == NULL)
    {
      g_array_set_size (found, end - start);
      for (guint i = start; i < end; i++)
        g_array_index (found, guint, i - start) = i;
      return found;
    }
  for (guint i = start; i < end; i++)
    if (keep (i, user_data))
      g_array_append_val (found, i);
  return found;
}

typedef struct
{
  ShouhuPositionCompare compare;
  gpointer              user_data;
} OrderData;

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const OrderData *order = user_data;
  guint pa = *(const guint *) a;
  guint pb = *(const guint *) b;
  int result = order->compare (pa, pb, order->user_data);

  /* Equal rows keep the index order, so that a sort is stable. */
  if (result == 0)
    result = (pa > pb) - (pa < pb);
  return result;
}

/**
 * shouhu_list_order_new:
 *
 * Returns: (transfer full): every position 0..@n_rows - 1, in @compare's
 *   order
 */
guint *
shouhu_list_order_new (guint                 n_rows,
                       ShouhuPositionCompare compare,
                       gpointer              user_data)
{
  OrderData data = { compare, user_data };
  guint *order = g_new (guint, MAX (n_rows, 1));

  for (guint i = 0; i < n_rows; i++)
    order[i] = i;
  if (n_rows > 0)
    g_qsort_with_data (order, (int) n_rows, sizeof (guint), compare_positions, &data);
  return order;
}

/**
 * shouhu_list_order_pick:
 * @visible: (element-type guint): filled with the positions to show
 * @matches: (element-type guint): a search's positions, in index order
 * @order: (nullable): shouhu_list_order_new()'s order, or %NULL for the
 *   index order
 */
void
shouhu_list_order_pick (GArray       *visible,
                        const GArray *matches,
                        const guint  *order,
                        guint         n_rows)
{
  g_autofree guint8 *marked = NULL;

  g_array_set_size (visible, 0);
  if (order == NULL || matches->len == 0)
    {
      g_array_append_vals (visible, matches->data, matches->len);
      return;
    }
  marked = g_malloc0 (MAX (n_rows, 1));
  for (guint i = 0; i < matches->len; i++)
    marked[g_array_index (matches, guint, i)] = 1;
  for (guint i = 0; i < n_rows; i++)
    if (marked[order[i]])
      g_array_append_val (visible, order[i]);
}

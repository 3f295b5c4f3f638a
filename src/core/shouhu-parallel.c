/* shouhu-parallel.c — the sheets of a workbook read on a few threads
 *
 * Reading a workbook's worksheets and turning them into rows is work of
 * one sheet at a time, with nothing shared but what is only read: on a
 * machine of several cores, a few threads take the sheets one after the
 * other.  The callers keep each sheet's result apart and put them
 * together in the workbook's order, so that the result (and the first
 * error) is the one reading them in order gives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-parallel.h"

/* More threads than this save little: the rest of an import (SQLite)
 * runs on one core. */
#define MAX_THREADS 4

/**
 * shouhu_parallel_threads:
 * @n_items: the sheets to read
 * @work: how much there is to do (bytes, cells)
 * @min_work: below this much, threads cost more than they save
 *
 * SHOUHU_XLSX_THREADS sets the number (1: one sheet after the other),
 * for tests and measures.
 *
 * Returns: how many threads should read the sheets, 1 for a single
 *   sheet or little work
 */
guint
shouhu_parallel_threads (guint   n_items,
                         guint64 work,
                         guint64 min_work)
{
  const char *env = g_getenv ("SHOUHU_XLSX_THREADS");
  guint64 forced;

  if (n_items < 2)
    return 1;
  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 16, &forced, NULL))
    return MIN ((guint) forced, n_items);
  if (work < min_work)
    return 1;
  return MIN (MIN ((guint) g_get_num_processors (), MAX_THREADS), n_items);
}

typedef struct
{
  guint              n_items;
  ShouhuParallelFunc func;
  gpointer           data;
  gint               next;     /* atomic: the next item to take */
  gint               failed;   /* atomic: an item failed, take no more */
} Queue;

static gpointer
run_queue (gpointer user_data)
{
  Queue *queue = user_data;

  for (;;)
    {
      gint i = g_atomic_int_add (&queue->next, 1);

      if ((guint) i >= queue->n_items || g_atomic_int_get (&queue->failed))
        break;
      if (!queue->func (queue->data, (guint) i))
        g_atomic_int_set (&queue->failed, 1);
    }
  return NULL;
}

/**
 * shouhu_parallel_run:
 * @n_threads: the calling thread among them
 * @func: called once for each item, from any of the threads
 *
 * Calls @func for items 0 to @n_items - 1 on @n_threads threads, each
 * taking the next item when done with one, until all are done or one
 * fails.  A thread that cannot be started leaves its share to the
 * others.
 *
 * Returns: %FALSE when an item failed (later items may not have been
 *   started)
 */
gboolean
shouhu_parallel_run (guint              n_items,
                     guint              n_threads,
                     ShouhuParallelFunc func,
                     gpointer           data)
{
  Queue queue = { n_items, func, data, 0, 0 };
  GThread *threads[MAX_THREADS * 4];
  guint started = 0;

  for (guint i = 1; i < MIN (n_threads, G_N_ELEMENTS (threads)); i++)
    {
      GThread *thread = g_thread_try_new ("shouhu-sheets", run_queue, &queue, NULL);

      if (thread == NULL)
        break;
      threads[started++] = thread;
    }
  run_queue (&queue);
  for (guint i = 0; i < started; i++)
    g_thread_join (threads[i]);
  return !queue.failed;
}

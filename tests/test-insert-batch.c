/* test-insert-batch.c — rows inserted many at a time: every row goes in,
 * in order, each let go of once; a row that cannot go in is named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-insert-batch.h"
#include "shouhu-test-util.h"

#include <string.h>

typedef struct
{
  gint64  n;
  char   *text;
} Row;

typedef struct
{
  guint n_cleared;
  guint n_failed;
  gint64 failed_n;
} Counts;

static int
bind_row (sqlite3_stmt *stmt,
          int           first,
          gpointer      row,
          gpointer      user_data)
{
  sqlite3_bind_int64 (stmt, first, ((Row *) row)->n);
  sqlite3_bind_text (stmt, first + 1, ((Row *) row)->text, -1, SQLITE_STATIC);
  return first + 2;
}

static void
clear_row (gpointer row,
           gpointer user_data)
{
  g_clear_pointer (&((Row *) row)->text, g_free);
  ((Counts *) user_data)->n_cleared++;
}

static void
row_failed (gpointer   row,
            GError   **error,
            gpointer   user_data)
{
  Counts *counts = user_data;

  counts->n_failed++;
  counts->failed_n = ((Row *) row)->n;
  g_prefix_error (error, "row %" G_GINT64_FORMAT ": ", ((Row *) row)->n);
}

static ShouhuInsertBatch *
new_batch (ShouhuStore *store,
           Counts      *counts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (shouhu_store_exec (store, "CREATE TEMP TABLE t (n INTEGER PRIMARY KEY, "
                                           "text TEXT NOT NULL CHECK (text <> 'bad'))", &error));
  g_assert_no_error (error);
  return shouhu_insert_batch_new (store, "INSERT INTO t (n, text) VALUES", "(?, ?)", sizeof (Row),
                                  bind_row, clear_row, row_failed, counts);
}

/* Adds rows @from to @to, flushing full batches; @bad (if not 0) is refused. */
static gboolean
add_rows (ShouhuInsertBatch  *batch,
          gint64              from,
          gint64              to,
          gint64              bad,
          GError            **error)
{
  for (gint64 n = from; n <= to; n++)
    {
      Row *row;

      if (shouhu_insert_batch_full (batch) && !shouhu_insert_batch_flush (batch, error))
        return FALSE;
      row = shouhu_insert_batch_push (batch);
      row->n = n;
      row->text = n == bad ? g_strdup ("bad") : g_strdup_printf ("row %" G_GINT64_FORMAT, n);
    }
  return shouhu_insert_batch_flush (batch, error);
}

static void
test_rows_in_order (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  Counts counts = { 0 };
  g_autoptr(ShouhuInsertBatch) batch = new_batch (store, &counts);
  g_autoptr(GError) error = NULL;
  guint n = SHOUHU_INSERT_BATCH_ROWS * 3 + 5;

  /* Three full batches and one of five. */
  g_assert_true (add_rows (batch, 1, n, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM t"), ==, n);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM t WHERE text = 'row ' || n"), ==, n);
  g_assert_cmpuint (counts.n_cleared, ==, n);
  g_assert_cmpuint (counts.n_failed, ==, 0);
  /* Nothing left to flush. */
  g_assert_true (shouhu_insert_batch_flush (batch, &error));
  g_assert_cmpuint (counts.n_cleared, ==, n);
}

/* A row refused in a full batch and in the last, short one: the error
 * names it, the rows before it went in, every row is let go of. */
static void
test_refused_row_named (void)
{
  const gint64 bads[] = { 17, SHOUHU_INSERT_BATCH_ROWS + 3 };

  for (guint i = 0; i < G_N_ELEMENTS (bads); i++)
    {
      g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
      Counts counts = { 0 };
      g_autoptr(ShouhuInsertBatch) batch = new_batch (store, &counts);
      g_autoptr(GError) error = NULL;
      g_autofree char *named = g_strdup_printf ("row %" G_GINT64_FORMAT ": ", bads[i]);
      guint n = SHOUHU_INSERT_BATCH_ROWS + 5;

      g_assert_false (add_rows (batch, 1, n, bads[i], &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, named));
      g_assert_nonnull (strstr (error->message, "CHECK"));
      g_assert_cmpuint (counts.n_failed, ==, 1);
      g_assert_cmpint (counts.failed_n, ==, bads[i]);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT max(n) FROM t"), ==, bads[i] - 1);
      g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM t"), ==, bads[i] - 1);
      /* The rows after the refused one in its batch were let go of too. */
      g_assert_cmpuint (counts.n_cleared, ==, bads[i] <= SHOUHU_INSERT_BATCH_ROWS ? SHOUHU_INSERT_BATCH_ROWS : n);
    }
}

/* Rows still gathered when the batch is freed are let go of. */
static void
test_free_clears (void)
{
  g_autoptr(ShouhuStore) store = shouhu_test_new_store (NULL);
  Counts counts = { 0 };
  ShouhuInsertBatch *batch = new_batch (store, &counts);

  for (guint i = 0; i < 3; i++)
    ((Row *) shouhu_insert_batch_push (batch))->text = g_strdup ("kept");
  shouhu_insert_batch_free (batch);
  g_assert_cmpuint (counts.n_cleared, ==, 3);
  g_assert_cmpint (shouhu_test_query_int (store, "SELECT count(*) FROM t"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/insert-batch/rows-in-order", test_rows_in_order);
  g_test_add_func ("/insert-batch/refused-row-named", test_refused_row_named);
  g_test_add_func ("/insert-batch/free-clears", test_free_clears);
  return g_test_run ();
}

/* shouhu-insert-batch.c — rows inserted many at a time
 *
 * See shouhu-insert-batch.h.  The statements are prepared when a batch
 * of their size is first flushed: a full one, and what is left at the
 * end or before another table's rows must be there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-insert-batch.h"

#include <string.h>

struct _ShouhuInsertBatch
{
  ShouhuStore           *store;
  char                  *insert;     /* "INSERT INTO t (a, b) VALUES" */
  char                  *values;     /* "(?, ?)" */
  gsize                  row_size;
  ShouhuInsertBindFunc   bind;
  ShouhuInsertClearFunc  clear;
  ShouhuInsertFailFunc   fail;
  gpointer               user_data;
  guint8                *rows;       /* SHOUHU_INSERT_BATCH_ROWS of row_size bytes */
  guint                  n_rows;
  sqlite3_stmt          *statements[SHOUHU_INSERT_BATCH_ROWS + 1];   /* by the rows they insert */
};

/**
 * shouhu_insert_batch_new:
 * @insert: the statement up to its values: "INSERT INTO t (a, b) VALUES"
 * @values: one row's values: "(?, ?)"
 * @row_size: the size of the struct that holds a row
 */
ShouhuInsertBatch *
shouhu_insert_batch_new (ShouhuStore           *store,
                         const char            *insert,
                         const char            *values,
                         gsize                  row_size,
                         ShouhuInsertBindFunc   bind,
                         ShouhuInsertClearFunc  clear,
                         ShouhuInsertFailFunc   fail,
                         gpointer               user_data)
{
  ShouhuInsertBatch *self = g_new0 (ShouhuInsertBatch, 1);

  self->store = store;
  self->insert = g_strdup (insert);
  self->values = g_strdup (values);
  self->row_size = row_size;
  self->bind = bind;
  self->clear = clear;
  self->fail = fail;
  self->user_data = user_data;
  self->rows = g_malloc0 (row_size * SHOUHU_INSERT_BATCH_ROWS);
  return self;
}

static gpointer
row_at (const ShouhuInsertBatch *self,
        guint                    i)
{
  return self->rows + (gsize) i * self->row_size;
}

/* Every row leaves the batch. */
static void
clear_rows (ShouhuInsertBatch *self)
{
  for (guint i = 0; i < self->n_rows; i++)
    if (self->clear != NULL)
      self->clear (row_at (self, i), self->user_data);
  memset (self->rows, 0, self->row_size * self->n_rows);
  self->n_rows = 0;
}

void
shouhu_insert_batch_free (ShouhuInsertBatch *self)
{
  if (self == NULL)
    return;
  clear_rows (self);
  for (guint i = 0; i <= SHOUHU_INSERT_BATCH_ROWS; i++)
    g_clear_pointer (&self->statements[i], sqlite3_finalize);
  g_free (self->rows);
  g_free (self->insert);
  g_free (self->values);
  g_free (self);
}

/**
 * shouhu_insert_batch_push:
 *
 * Returns: (transfer none): the next row, zeroed, for the caller to fill;
 *   flush a full batch first (shouhu_insert_batch_full())
 */
gpointer
shouhu_insert_batch_push (ShouhuInsertBatch *self)
{
  g_return_val_if_fail (self->n_rows < SHOUHU_INSERT_BATCH_ROWS, NULL);
  return row_at (self, self->n_rows++);
}

gboolean
shouhu_insert_batch_full (const ShouhuInsertBatch *self)
{
  return self->n_rows == SHOUHU_INSERT_BATCH_ROWS;
}

static sqlite3_stmt *
statement (ShouhuInsertBatch  *self,
           guint               n_rows,
           GError            **error)
{
  g_autoptr(GString) sql = NULL;

  if (self->statements[n_rows] != NULL)
    return self->statements[n_rows];
  sql = g_string_new (self->insert);
  for (guint i = 0; i < n_rows; i++)
    {
      g_string_append (sql, i == 0 ? " " : ", ");
      g_string_append (sql, self->values);
    }
  self->statements[n_rows] = shouhu_store_prepare (self->store, sql->str, error);
  return self->statements[n_rows];
}

/* Inserts rows @first to @first + @n_rows - 1 with one statement. */
static gboolean
insert_rows (ShouhuInsertBatch  *self,
             guint               first,
             guint               n_rows,
             GError            **error)
{
  sqlite3_stmt *stmt = statement (self, n_rows, error);
  int param = 1;
  gboolean ok;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_rows; i++)
    param = self->bind (stmt, param, row_at (self, first + i), self->user_data);
  ok = shouhu_store_run_statement (self->store, stmt, error);
  sqlite3_reset (stmt);
  /* The values may point into rows about to be cleared. */
  sqlite3_clear_bindings (stmt);
  return ok;
}

/**
 * shouhu_insert_batch_flush:
 *
 * Inserts the rows gathered, and empties the batch whatever happens.
 *
 * Returns: %FALSE with @error (which the ShouhuInsertFailFunc names the
 *   row in) when a row cannot be inserted; the rows before it are, a
 *   transaction's rollback takes them back
 */
gboolean
shouhu_insert_batch_flush (ShouhuInsertBatch  *self,
                           GError            **error)
{
  gboolean ok = TRUE;

  if (self->n_rows == 0)
    return TRUE;
  if (!insert_rows (self, 0, self->n_rows, NULL))
    {
      /* The statement was undone whole: again row by row, to find the
       * one that cannot go in. */
      for (guint i = 0; i < self->n_rows && ok; i++)
        if (!(ok = insert_rows (self, i, 1, error)) && self->fail != NULL)
          self->fail (row_at (self, i), error, self->user_data);
    }
  clear_rows (self);
  return ok;
}

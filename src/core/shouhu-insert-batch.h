/* shouhu-insert-batch.h — rows inserted many at a time (core/ only)
 *
 * An import writes a hundred thousand rows of one shape.  A statement
 * costs something of its own, whatever it inserts (starting, ending, a
 * lock taken and released by every call): a third of a pairing's insert.
 * A batch gathers rows and inserts up to SHOUHU_INSERT_BATCH_ROWS of them
 * with one INSERT of as many VALUES.  Should that fail, the rows are
 * inserted again one by one, so that the error names the first that
 * cannot be written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store-private.h"

G_BEGIN_DECLS

#define SHOUHU_INSERT_BATCH_ROWS 32

/* Binds @row's values from parameter @first on; returns the next one. */
typedef int  (*ShouhuInsertBindFunc)  (sqlite3_stmt *stmt,
                                       int           first,
                                       gpointer      row,
                                       gpointer      user_data);
/* @row leaves the batch, inserted or not: let go of what it holds. */
typedef void (*ShouhuInsertClearFunc) (gpointer      row,
                                       gpointer      user_data);
/* @row could not be inserted: adds to @error which row it was. */
typedef void (*ShouhuInsertFailFunc)  (gpointer      row,
                                       GError      **error,
                                       gpointer      user_data);

typedef struct _ShouhuInsertBatch ShouhuInsertBatch;

ShouhuInsertBatch *shouhu_insert_batch_new   (ShouhuStore           *store,
                                              const char            *insert,
                                              const char            *values,
                                              gsize                  row_size,
                                              ShouhuInsertBindFunc   bind,
                                              ShouhuInsertClearFunc  clear,
                                              ShouhuInsertFailFunc   fail,
                                              gpointer               user_data);
gpointer           shouhu_insert_batch_push  (ShouhuInsertBatch     *batch);
gboolean           shouhu_insert_batch_full  (const ShouhuInsertBatch *batch);
gboolean           shouhu_insert_batch_flush (ShouhuInsertBatch     *batch,
                                              GError               **error);
void               shouhu_insert_batch_free  (ShouhuInsertBatch     *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuInsertBatch, shouhu_insert_batch_free)

G_END_DECLS

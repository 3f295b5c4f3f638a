/* shouhu-store-private.h — running SQL on the store (core/ only)
 *
 * sqlite3.h and the statement helpers live here, not in shouhu-store.h,
 * so that no file outside src/core/ can run SQL: the UI and the command
 * line go through the core's functions.  The core library and the tests
 * of it are built with SHOUHU_CORE_INTERNALS; anything else that includes
 * this header does not compile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#ifndef SHOUHU_CORE_INTERNALS
#error "shouhu-store-private.h is for src/core/ and its tests only: call a function of the core instead"
#endif

#include "shouhu-store.h"

#include <sqlite3.h>

G_BEGIN_DECLS

/* For the tests of a migration, which build the schema it starts from. */
const char   *shouhu_store_get_migration_sql (int            version);
sqlite3      *shouhu_store_get_db           (ShouhuStore   *self);
sqlite3_stmt *shouhu_store_prepare          (ShouhuStore   *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      shouhu_store_exec             (ShouhuStore   *self,
                                             const char    *sql,
                                             GError       **error);
gboolean      shouhu_store_run_statement    (ShouhuStore   *self,
                                             sqlite3_stmt  *stmt,
                                             GError       **error);
gboolean      shouhu_store_step_row         (ShouhuStore   *self,
                                             sqlite3_stmt  *stmt,
                                             gboolean      *found,
                                             GError       **error);
gboolean      shouhu_store_begin            (ShouhuStore   *self,
                                             GError       **error);
gboolean      shouhu_store_commit           (ShouhuStore   *self,
                                             GError       **error);
void          shouhu_store_rollback         (ShouhuStore   *self);
void          shouhu_store_set_error        (ShouhuStore   *self,
                                             GError       **error);
sqlite3      *shouhu_store_open_reader      (ShouhuStore   *self,
                                             GError       **error);
gboolean      shouhu_store_reader_error     (sqlite3       *reader,
                                             int            rc,
                                             GError       **error);
/* While an import writes, the history rows written point to its event
 * (import_event.id); 0 when no import writes. */
void          shouhu_store_set_import_event (ShouhuStore   *self,
                                             gint64         event_id);
gint64        shouhu_store_get_import_event (ShouhuStore   *self);

/* What the database holds, as a mark: two equal marks taken from the
 * same store mean that nothing was written between them, neither by
 * another connection (data_version) nor by this one (total changes). */
typedef struct
{
  gconstpointer store;
  gint64        data_version;
  gint64        total_changes;
} ShouhuStoreMark;

gboolean      shouhu_store_mark             (ShouhuStore     *self,
                                             ShouhuStoreMark *mark,
                                             GError         **error);
gboolean      shouhu_store_mark_equal       (const ShouhuStoreMark *a,
                                             const ShouhuStoreMark *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS

/* shouhu-import-event.c — the record of each import (导入记录)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-event.h"
#include "shouhu-annex2-private.h"

#include <glib/gi18n-lib.h>

#define EVENT_COLUMNS "id, at, kind, file_name, sha256, n_new, n_updated, n_unchanged, n_removed, n_rejected"

void
shouhu_import_event_free (ShouhuImportEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->kind);
  g_free (event->file_name);
  g_free (event->sha256);
  g_free (event);
}

/**
 * shouhu_import_event_add:
 * @event: what was imported; its id and, when %NULL, its time are set here
 *
 * Records an import: inside the transaction that writes it, so that the
 * event and the records that point to it come and go together.
 *
 * Returns: the event's id, 0 with @error set
 */
gint64
shouhu_import_event_add (ShouhuStore              *store,
                         const ShouhuImportEvent  *event,
                         GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = shouhu_annex2_now ();

  stmt = shouhu_store_prepare (store, "INSERT INTO import_event (at, kind, file_name, sha256, n_new, n_updated, "
                                      "n_unchanged, n_removed, n_rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, event->at != NULL ? event->at : now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, event->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, event->file_name != NULL ? event->file_name : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, event->sha256 != NULL ? event->sha256 : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, event->n_new);
  sqlite3_bind_int64 (stmt, 6, event->n_updated);
  sqlite3_bind_int64 (stmt, 7, event->n_unchanged);
  sqlite3_bind_int64 (stmt, 8, event->n_removed);
  sqlite3_bind_int64 (stmt, 9, event->n_rejected);
  if (!shouhu_store_run_statement (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (shouhu_store_get_db (store));
}

static ShouhuImportEvent *
event_from_row (sqlite3_stmt *stmt)
{
  ShouhuImportEvent *e = g_new0 (ShouhuImportEvent, 1);

  e->id = sqlite3_column_int64 (stmt, 0);
  e->at = shouhu_annex2_column_dup (stmt, 1);
  e->kind = shouhu_annex2_column_dup (stmt, 2);
  e->file_name = shouhu_annex2_column_dup (stmt, 3);
  e->sha256 = shouhu_annex2_column_dup (stmt, 4);
  e->n_new = (guint) sqlite3_column_int64 (stmt, 5);
  e->n_updated = (guint) sqlite3_column_int64 (stmt, 6);
  e->n_unchanged = (guint) sqlite3_column_int64 (stmt, 7);
  e->n_removed = (guint) sqlite3_column_int64 (stmt, 8);
  e->n_rejected = (guint) sqlite3_column_int64 (stmt, 9);
  return e;
}

/**
 * shouhu_import_event_get:
 *
 * Returns: (transfer full): the event, or %NULL with @error set
 */
ShouhuImportEvent *
shouhu_import_event_get (ShouhuStore  *store,
                         gint64        id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = shouhu_store_prepare (store, "SELECT " EVENT_COLUMNS " FROM import_event WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return NULL;
  if (!found)
    {
      g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_NOT_FOUND,
                   _("The record of that import is not there"));
      return NULL;
    }
  return event_from_row (stmt);
}

/**
 * shouhu_import_event_list:
 *
 * Returns: (transfer full) (element-type ShouhuImportEvent): every
 *   import, oldest first
 */
GPtrArray *
shouhu_import_event_list (ShouhuStore  *store,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_import_event_free);
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT " EVENT_COLUMNS " FROM import_event ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (events, event_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&events);
}

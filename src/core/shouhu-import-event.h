/* shouhu-import-event.h — the record of each import (导入记录)
 *
 * An import is one event, whatever it changed: the table import_event
 * (added by a migration of shouhu-store.c) holds one row per import
 * written:
 *
 *   id           INTEGER PRIMARY KEY
 *   at           TEXT    when it was written: local time, YYYY-MM-DDTHH:MM:SS
 *   kind         TEXT    what was imported: "annex1", "annex2", "roster", …
 *   file_name    TEXT    the file's name as the user saw it (no folder)
 *   sha256       TEXT    of the file's bytes, lowercase hexadecimal
 *   n_new        INTEGER records created
 *   n_updated    INTEGER records changed
 *   n_unchanged  INTEGER rows already stored as they are
 *   n_removed    INTEGER records removed (a re-imported form's missing rows,
 *                        when the user asked)
 *   n_rejected   INTEGER rows left out
 *
 * Records an import created point to it (worker.import_id,
 * volunteer.import_id), as do the history rows it wrote for the fields
 * it changed (history.import_id): a created record has no history rows
 * of its own, its event says when and from which file it came.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "shouhu-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;
  char   *kind;
  char   *file_name;
  char   *sha256;
  guint   n_new;
  guint   n_updated;
  guint   n_unchanged;
  guint   n_removed;
  guint   n_rejected;
} ShouhuImportEvent;

gint64             shouhu_import_event_add   (ShouhuStore              *store,
                                              const ShouhuImportEvent  *event,
                                              GError                  **error);
ShouhuImportEvent *shouhu_import_event_get   (ShouhuStore              *store,
                                              gint64                    id,
                                              GError                  **error);
GPtrArray         *shouhu_import_event_list  (ShouhuStore              *store,
                                              GError                  **error);
void               shouhu_import_event_free  (ShouhuImportEvent        *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShouhuImportEvent, shouhu_import_event_free)

G_END_DECLS

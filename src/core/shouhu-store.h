/* shouhu-store.h — the SQLite database that holds everything
 *
 * What the UI and the command line may know of it: opening, paths,
 * versions and the ::changed signal.  Running SQL is for core/ alone,
 * through shouhu-store-private.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SHOUHU_STORE_ERROR (shouhu_store_error_quark ())

typedef enum
{
  SHOUHU_STORE_ERROR_OPEN,      /* cannot create or open the file */
  SHOUHU_STORE_ERROR_NOT_DB,    /* the file is not a database, or damaged */
  SHOUHU_STORE_ERROR_TOO_NEW,   /* written by a newer version of the app */
  SHOUHU_STORE_ERROR_READ_ONLY, /* the file or its folder cannot be written */
  SHOUHU_STORE_ERROR_FAILED,    /* a statement failed (disk full, …) */
  SHOUHU_STORE_ERROR_NOT_FOUND, /* a record that was asked for is not there */
} ShouhuStoreError;

#define SHOUHU_TYPE_STORE (shouhu_store_get_type ())
G_DECLARE_FINAL_TYPE (ShouhuStore, shouhu_store, SHOUHU, STORE, GObject)

GQuark       shouhu_store_error_quark      (void);

char        *shouhu_store_default_path     (void);
ShouhuStore *shouhu_store_open             (const char   *path,
                                            GError      **error);
const char  *shouhu_store_get_path         (ShouhuStore  *self);
int          shouhu_store_get_schema_version (ShouhuStore *self);
int          shouhu_store_latest_schema_version (void);
const char  *shouhu_store_get_backup_path  (ShouhuStore  *self);

/* Emits ShouhuStore::changed with @what as detail ("annex1", "annex2",
 * "ledger"): every view of the data follows it. */
void         shouhu_store_emit_changed     (ShouhuStore  *self,
                                            const char   *what);
gboolean     shouhu_store_check_outside_changes (ShouhuStore *self,
                                            gboolean     *changed,
                                            GError      **error);
void         shouhu_store_set_busy_timeout (ShouhuStore  *self,
                                            int           milliseconds);

G_END_DECLS

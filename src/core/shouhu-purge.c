/* shouhu-purge.c — erasing personal data when its purpose ends
 *
 * When the action ends (PIPL: personal data is kept no longer than its
 * purpose needs), the office erases the personal data of Annex 2 — the
 * workers, the volunteers, their pairings, the form headers, the service
 * ledger of their families and the history that repeats all of them —
 * for one district or for all, and keeps Annex 1's figures, which name
 * nobody.  A single record can be erased the same way (彻底删除), with
 * its services and its history.
 *
 * Erased means gone from the file, not only from the tables: the store
 * runs with secure_delete, the file is vacuumed after a purge and the
 * write-ahead log is emptied, so the bytes of a purged name or phone
 * number are nowhere in the database's files.  The copies taken before
 * upgrades hold the same data, so a purge removes them too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-purge.h"
#include "shouhu-district.h"
#include "shouhu-store-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

/* What to erase: one worker, one district's data, or everything. */
typedef struct
{
  int         district_id;    /* 0: all districts */
  const char *district_name;  /* as the history writes it */
  gint64      worker_id;      /* not 0: this record alone */
} Scope;

/* The rows to erase are chosen once, into temporary tables (kept in
 * memory, see purge()), and every count and delete below reads them. */
static const char *const select_sql[] = {
  "CREATE TEMP TABLE purge_worker (id INTEGER PRIMARY KEY)",
  "CREATE TEMP TABLE purge_volunteer (id INTEGER PRIMARY KEY)",
  "CREATE TEMP TABLE purge_worker_name (name TEXT PRIMARY KEY)",
  "CREATE TEMP TABLE purge_volunteer_name (name TEXT PRIMARY KEY)",
  "CREATE TEMP TABLE purge_service (id INTEGER PRIMARY KEY)",

  "INSERT OR IGNORE INTO temp.purge_worker SELECT id FROM worker"
  " WHERE (:worker <> 0 AND id = :worker)"
  "    OR (:worker = 0 AND (:district = 0 OR district_id = :district))",
  /* Records deleted before, which the history still describes. */
  "INSERT OR IGNORE INTO temp.purge_worker SELECT DISTINCT entity_id FROM history"
  " WHERE :worker = 0 AND entity = 'worker' AND entity_id NOT IN (SELECT id FROM worker)"
  "   AND (:district = 0 OR (field = 'district_id' AND :district_name IN (old_value, new_value)))",

  /* A district's volunteers, and those without a district who guard only
   * its families. */
  "INSERT OR IGNORE INTO temp.purge_volunteer SELECT v.id FROM volunteer AS v"
  " WHERE :worker = 0 AND (:district = 0 OR v.district_id = :district"
  "   OR (v.district_id IS NULL"
  "       AND EXISTS (SELECT 1 FROM pairing AS p WHERE p.volunteer_id = v.id)"
  "       AND NOT EXISTS (SELECT 1 FROM pairing AS p JOIN worker AS w ON w.id = p.worker_id"
  "                       WHERE p.volunteer_id = v.id AND w.district_id <> :district)))",
  "INSERT OR IGNORE INTO temp.purge_volunteer SELECT DISTINCT entity_id FROM history"
  " WHERE :worker = 0 AND entity = 'volunteer' AND entity_id NOT IN (SELECT id FROM volunteer)"
  "   AND (:district = 0 OR (field = 'district_id' AND :district_name IN (old_value, new_value)))",

  /* Every name they had: the other side of a pairing wrote it into its
   * own history. */
  "INSERT OR IGNORE INTO temp.purge_worker_name"
  " SELECT name FROM worker WHERE id IN temp.purge_worker"
  " UNION SELECT old_value FROM history WHERE entity = 'worker' AND entity_id IN temp.purge_worker"
  "   AND (field IS NULL OR field = 'name') AND old_value IS NOT NULL"
  " UNION SELECT new_value FROM history WHERE entity = 'worker' AND entity_id IN temp.purge_worker"
  "   AND (field IS NULL OR field = 'name') AND new_value IS NOT NULL",
  "INSERT OR IGNORE INTO temp.purge_volunteer_name"
  " SELECT name FROM volunteer WHERE id IN temp.purge_volunteer"
  " UNION SELECT old_value FROM history WHERE entity = 'volunteer' AND entity_id IN temp.purge_volunteer"
  "   AND (field IS NULL OR field = 'name') AND old_value IS NOT NULL"
  " UNION SELECT new_value FROM history WHERE entity = 'volunteer' AND entity_id IN temp.purge_volunteer"
  "   AND (field IS NULL OR field = 'name') AND new_value IS NOT NULL",

  /* The ledger's services for their families, and those deleted before,
   * whose history names the family (its worker_id field, by name). */
  "INSERT OR IGNORE INTO temp.purge_service SELECT id FROM service WHERE worker_id IN temp.purge_worker",
  "INSERT OR IGNORE INTO temp.purge_service SELECT DISTINCT entity_id FROM history"
  " WHERE entity = 'service' AND entity_id NOT IN (SELECT id FROM service)"
  "   AND (field IS NULL OR field = 'worker_id')"
  "   AND coalesce (old_value, new_value) IN temp.purge_worker_name",
};

/* The history rows about the erased people: their own, and the rows of
 * the people they were paired with that name them (same moment, same
 * action, their name). */
#define HISTORY_WHERE \
  " :all" \
  " OR (entity = 'worker' AND entity_id IN temp.purge_worker)" \
  " OR (entity = 'volunteer' AND entity_id IN temp.purge_volunteer)" \
  " OR (entity = 'district_form' AND :forms AND (:district = 0 OR entity_id = :district))" \
  " OR (entity = 'service' AND entity_id IN temp.purge_service)" \
  " OR (entity = 'service' AND field = 'volunteers'" \
  "     AND EXISTS (SELECT 1 FROM temp.purge_volunteer_name AS n" \
  "                 WHERE instr (coalesce (old_value, '') || '、' || coalesce (new_value, ''), n.name) > 0))" \
  " OR (entity = 'volunteer' AND field = 'worker'" \
  "     AND coalesce (old_value, new_value) IN temp.purge_worker_name" \
  "     AND EXISTS (SELECT 1 FROM history AS w WHERE w.entity = 'worker'" \
  "                 AND w.entity_id IN temp.purge_worker AND w.field = 'volunteer'" \
  "                 AND w.at = history.at AND w.action = history.action))" \
  " OR (entity = 'worker' AND field = 'volunteer'" \
  "     AND coalesce (old_value, new_value) IN temp.purge_volunteer_name" \
  "     AND EXISTS (SELECT 1 FROM history AS v WHERE v.entity = 'volunteer'" \
  "                 AND v.entity_id IN temp.purge_volunteer AND v.field = 'worker'" \
  "                 AND v.at = history.at AND v.action = history.action))"

#define PAIRING_WHERE " worker_id IN temp.purge_worker OR volunteer_id IN temp.purge_volunteer"
#define FORM_WHERE " :forms AND (:district = 0 OR district_id = :district)"

static const char *const delete_sql[] = {
  "DELETE FROM history WHERE" HISTORY_WHERE,
  /* A volunteer erased leaves the services of families kept. */
  "DELETE FROM service_volunteer WHERE service_id IN temp.purge_service"
  "   OR volunteer_id IN temp.purge_volunteer",
  "DELETE FROM service WHERE id IN temp.purge_service",
  "DELETE FROM pairing WHERE" PAIRING_WHERE,
  /* A merge's record repeats the records it merged. */
  "DELETE FROM volunteer_merge WHERE :all OR keep_id IN temp.purge_volunteer"
  "   OR other_id IN temp.purge_volunteer"
  "   OR id IN (SELECT merge_id FROM volunteer_merge_pairing WHERE worker_id IN temp.purge_worker)"
  "   OR id IN (SELECT merge_id FROM volunteer_merge_service WHERE service_id IN temp.purge_service)",
  "DELETE FROM worker WHERE id IN temp.purge_worker",
  "DELETE FROM volunteer WHERE id IN temp.purge_volunteer",
  "DELETE FROM district_form WHERE" FORM_WHERE,
};

static const char *const drop_sql[] = {
  "DROP TABLE temp.purge_worker",
  "DROP TABLE temp.purge_volunteer",
  "DROP TABLE temp.purge_worker_name",
  "DROP TABLE temp.purge_volunteer_name",
  "DROP TABLE temp.purge_service",
};

static void
bind_named (sqlite3_stmt *stmt,
            const char   *name,
            gint64        value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    sqlite3_bind_int64 (stmt, i, value);
}

static sqlite3_stmt *
prepare_scoped (ShouhuStore  *store,
                const Scope  *scope,
                const char   *sql,
                GError      **error)
{
  sqlite3_stmt *stmt = shouhu_store_prepare (store, sql, error);
  int i;

  if (stmt == NULL)
    return NULL;
  bind_named (stmt, ":all", scope->worker_id == 0 && scope->district_id == 0);
  bind_named (stmt, ":district", scope->district_id);
  bind_named (stmt, ":worker", scope->worker_id);
  bind_named (stmt, ":forms", scope->worker_id == 0);
  i = sqlite3_bind_parameter_index (stmt, ":district_name");
  if (i > 0)
    sqlite3_bind_text (stmt, i, scope->district_name, -1, SQLITE_STATIC);
  return stmt;
}

static gboolean
run_scoped (ShouhuStore  *store,
            const Scope  *scope,
            const char   *sql,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_scoped (store, scope, sql, error);

  return stmt != NULL && shouhu_store_run_statement (store, stmt, error);
}

static gboolean
count_scoped (ShouhuStore  *store,
              const Scope  *scope,
              const char   *sql,
              gint64       *count,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare_scoped (store, scope, sql, error);
  gboolean found = FALSE;

  if (stmt == NULL || !shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  *count = found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
count_rows (ShouhuStore        *store,
            const Scope        *scope,
            ShouhuPurgeCounts  *counts,
            GError            **error)
{
  return count_scoped (store, scope, "SELECT count(*) FROM worker WHERE id IN temp.purge_worker",
                       &counts->workers, error) &&
         count_scoped (store, scope, "SELECT count(*) FROM volunteer WHERE id IN temp.purge_volunteer",
                       &counts->volunteers, error) &&
         count_scoped (store, scope, "SELECT count(*) FROM pairing WHERE" PAIRING_WHERE,
                       &counts->pairings, error) &&
         count_scoped (store, scope, "SELECT count(*) FROM service WHERE id IN temp.purge_service",
                       &counts->services, error) &&
         count_scoped (store, scope,
                       "SELECT count(*) FROM district_form WHERE" FORM_WHERE
                       " AND (reporter <> '' OR phone <> '')",
                       &counts->forms, error) &&
         count_scoped (store, scope, "SELECT count(*) FROM history WHERE" HISTORY_WHERE,
                       &counts->history, error);
}

/* ---- Backups ---------------------------------------------------------------- */

/* The copies taken before upgrades ("<db>.v<N>-<stamp>.bak"), and what a
 * killed upgrade left of one. */
static GPtrArray *
list_backups (ShouhuStore *store)
{
  const char *path = shouhu_store_get_path (store);
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".v", NULL);
  g_autofree char *hidden = g_strconcat (".", base, ".v", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if ((g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".bak")) ||
          (g_str_has_prefix (name, hidden) && strstr (name, ".bak.") != NULL))
        g_ptr_array_add (found, g_build_filename (dir_name, name, NULL));
    }
  return found;
}

static gboolean
remove_backups (ShouhuStore  *store,
                GError      **error)
{
  g_autoptr(GPtrArray) backups = list_backups (store);

  for (guint i = 0; i < backups->len; i++)
    if (g_unlink (backups->pdata[i]) != 0)
      {
        int saved = errno;

        g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED,
                     _("The personal data was removed from the database, but its backup copy "
                       "“%s” could not be deleted: %s. Delete that file yourself."),
                     (const char *) backups->pdata[i], g_strerror (saved));
        return FALSE;
      }
  return TRUE;
}

/* ---- Erasing ------------------------------------------------------------------ */

/* Rewrites the file without the free space the deleted rows left, and
 * empties the write-ahead log, which still holds the pages as they were. */
static gboolean
clear_freed_bytes (ShouhuStore  *store,
                   gboolean      vacuum,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (vacuum && !shouhu_store_exec (store, "VACUUM", error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "PRAGMA wal_checkpoint(TRUNCATE)", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 0)
    return TRUE;
  if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_FAILED,
               _("The personal data was removed, but another program is reading the database "
                 "“%s”, so older copies of its pages stay in “%s-wal” until that program closes "
                 "the database. Close it (another Shouhu window or job) to have them cleared."),
               shouhu_store_get_path (store), shouhu_store_get_path (store));
  return FALSE;
}

/* Back to temporary files for large sorts; only the temporary storage of
 * this connection is concerned, so a failure changes nothing stored. */
static void
restore_temp_store (ShouhuStore *store)
{
  g_autoptr(GError) error = NULL;

  if (!shouhu_store_exec (store, "PRAGMA temp_store = DEFAULT", &error))
    g_debug ("temp_store stays in memory: %s", error->message);
}

/* Chooses the rows of @scope, counts them into @counts and, unless
 * @dry_run, deletes them; all in one transaction. */
static gboolean
purge (ShouhuStore        *store,
       const Scope        *scope,
       gboolean            dry_run,
       ShouhuPurgeCounts  *counts,
       GError            **error)
{
  gboolean ok = TRUE;

  memset (counts, 0, sizeof *counts);
  /* The chosen names stay in memory, never in a temporary file. */
  if (!shouhu_store_exec (store, "PRAGMA temp_store = MEMORY", error))
    return FALSE;
  /* Counting writes temporary tables only: a read transaction, which
   * does not wait while another program writes (the dialog counts at
   * every choice of district).  Erasing takes the write lock at once. */
  if (!(dry_run ? shouhu_store_exec (store, "BEGIN DEFERRED", error) : shouhu_store_begin (store, error)))
    {
      restore_temp_store (store);
      return FALSE;
    }
  for (guint i = 0; ok && i < G_N_ELEMENTS (select_sql); i++)
    ok = run_scoped (store, scope, select_sql[i], error);
  ok = ok && count_rows (store, scope, counts, error);
  for (guint i = 0; ok && !dry_run && i < G_N_ELEMENTS (delete_sql); i++)
    ok = run_scoped (store, scope, delete_sql[i], error);
  for (guint i = 0; ok && !dry_run && i < G_N_ELEMENTS (drop_sql); i++)
    ok = shouhu_store_exec (store, drop_sql[i], error);

  if (dry_run)
    ok = shouhu_store_exec (store, "ROLLBACK", ok ? error : NULL) && ok;
  else if (ok)
    ok = shouhu_store_commit (store, error);
  else
    shouhu_store_rollback (store);
  restore_temp_store (store);
  if (!ok)
    return FALSE;

  if (scope->worker_id == 0)
    {
      g_autoptr(GPtrArray) backups = list_backups (store);
      counts->backups = backups->len;
    }
  if (!dry_run)
    {
      shouhu_store_emit_changed (store, "annex2");
      shouhu_store_emit_changed (store, "ledger");
    }
  return TRUE;
}

static gboolean
district_scope (int          district_id,
                Scope       *scope,
                GError     **error)
{
  const ShouhuDistrict *d = district_id != 0 ? shouhu_district_get (district_id) : NULL;

  if (district_id != 0 && d == NULL)
    {
      g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_NOT_FOUND,
                   _("There is no district number %d"), district_id);
      return FALSE;
    }
  scope->district_id = district_id;
  scope->district_name = d != NULL ? d->name : "";
  scope->worker_id = 0;
  return TRUE;
}

/**
 * shouhu_purge_count:
 * @district_id: 1..41, or 0 for all districts
 *
 * Counts what shouhu_purge_personal() would remove, for the confirmation
 * the user is asked for; nothing is changed.
 */
gboolean
shouhu_purge_count (ShouhuStore        *store,
                    int                 district_id,
                    ShouhuPurgeCounts  *counts,
                    GError            **error)
{
  Scope scope;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  return district_scope (district_id, &scope, error) &&
         purge (store, &scope, TRUE, counts, error);
}

/**
 * shouhu_purge_personal:
 * @district_id: 1..41, or 0 for all districts
 * @removed: (out) (optional): what was removed
 *
 * Removes the personal data of Annex 2 (of one district, or all): the
 * workers (also those deleted before, from the history), the volunteers,
 * their pairings, the services the ledger holds for the families, the
 * form headers and the history rows that name them; Annex 1 stays.  Then the file is vacuumed and the write-ahead log
 * emptied, and the backups taken before upgrades are deleted, so that
 * the removed bytes are nowhere in the database's files.
 */
gboolean
shouhu_purge_personal (ShouhuStore        *store,
                       int                 district_id,
                       ShouhuPurgeCounts  *removed,
                       GError            **error)
{
  ShouhuPurgeCounts counts;
  Scope scope;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);

  if (!district_scope (district_id, &scope, error) ||
      !purge (store, &scope, FALSE, &counts, error))
    return FALSE;
  if (removed != NULL)
    *removed = counts;
  return clear_freed_bytes (store, TRUE, error) && remove_backups (store, error);
}

gboolean
shouhu_purge_is_empty (const ShouhuPurgeCounts *counts)
{
  return counts->workers == 0 && counts->volunteers == 0 && counts->pairings == 0 &&
         counts->services == 0 && counts->forms == 0 && counts->history == 0 &&
         counts->backups == 0;
}

/**
 * shouhu_purge_worker:
 *
 * 彻底删除: removes one worker's record, its pairings, the ledger's
 * services for the family and its history, also the rows of its
 * volunteers' history that name it; unlike
 * shouhu_annex2_delete_worker(), nothing is kept to undo it.
 */
gboolean
shouhu_purge_worker (ShouhuStore  *store,
                     gint64        worker_id,
                     GError      **error)
{
  ShouhuPurgeCounts counts;
  Scope scope = { 0, "", worker_id };

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (worker_id > 0, FALSE);

  if (!purge (store, &scope, FALSE, &counts, error))
    return FALSE;
  if (counts.workers == 0)
    {
      g_set_error (error, SHOUHU_STORE_ERROR, SHOUHU_STORE_ERROR_NOT_FOUND,
                   _("The worker record is no longer there: it was deleted"));
      return FALSE;
    }
  /* secure_delete has overwritten the rows in the file; the log still
   * holds the pages as they were. */
  return clear_freed_bytes (store, FALSE, error);
}

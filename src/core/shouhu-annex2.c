/* shouhu-annex2.c — storing Annex 2: frontline workers, their pairings
 * with volunteers, the district forms' headers and the history
 *
 * The records and their rules are in shouhu-annex2-record.c, storing
 * volunteers in shouhu-annex2-volunteer.c.  Every change is one transaction that also writes its history rows
 * (动态更新管理), so the history can never disagree with the data.
 * Record ids are never reused, not even after a delete: an undone delete
 * puts the record back under its own id, and history rows keep pointing at
 * the right record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"
#include "shouhu-pairing.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

char *
shouhu_annex2_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

char *
shouhu_annex2_column_dup (sqlite3_stmt *stmt,
                          int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* History */

gboolean
shouhu_annex2_add_history (ShouhuStore  *store,
                           const char   *at,
                           const char   *entity,
                           gint64        entity_id,
                           const char   *action,
                           const char   *field,
                           const char   *old_value,
                           const char   *new_value,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  gint64 import_id = shouhu_store_get_import_event (store);

  /* Written by an import: the row points to the import's event. */
  stmt = shouhu_store_prepare (store,
                               "INSERT INTO history (at, entity, entity_id, action, field, old_value, new_value, "
                               "import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  if (import_id != 0)
    sqlite3_bind_int64 (stmt, 8, import_id);
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_STATIC);
  return shouhu_store_run_statement (store, stmt, error);
}

/* Whole-record actions (create, delete, restore) keep every value the
 * record had, each as a field of its own, so the history shows what was
 * created or deleted and not only whose record it was. */
static gboolean
add_worker_snapshot (ShouhuStore         *store,
                     const char          *at,
                     const char          *action,
                     const ShouhuWorker  *w,
                     gboolean             values_are_old,
                     GError             **error)
{
  if (!shouhu_annex2_add_history (store, at, "worker", w->id, action, NULL,
                                  values_are_old ? w->name : NULL, values_are_old ? NULL : w->name, error))
    return FALSE;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const char *value = shouhu_annex2_field_in_record (f) ? shouhu_worker_get_field (w, f) : NULL;

      if (value == NULL || *value == '\0')
        continue;
      if (!shouhu_annex2_add_history (store, at, "worker", w->id, action, shouhu_annex2_form_column (f)->key,
                                      values_are_old ? value : NULL, values_are_old ? NULL : value, error))
        return FALSE;
    }
  return TRUE;
}

/* A record an import created has no history rows of its own: its
 * creation is the import's event. */
static gboolean
add_import_creation (ShouhuStore  *store,
                     const char   *entity,
                     gint64        entity_id,
                     GPtrArray    *entries,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean found;
  ShouhuHistoryEntry *e;

  if (g_strcmp0 (entity, "worker") != 0 && g_strcmp0 (entity, "volunteer") != 0)
    return TRUE;
  sql = g_strdup_printf ("SELECT e.at, e.file_name, r.name FROM %s r JOIN import_event e ON e.id = r.import_id "
                         "WHERE r.id = ?", entity);
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    return TRUE;
  e = g_new0 (ShouhuHistoryEntry, 1);
  e->at = shouhu_annex2_column_dup (stmt, 0);
  e->entity = g_strdup (entity);
  e->entity_id = entity_id;
  e->action = g_strdup ("create");
  e->new_value = shouhu_annex2_column_dup (stmt, 2);
  e->import_file = shouhu_annex2_column_dup (stmt, 1);
  g_ptr_array_add (entries, e);
  return TRUE;
}

/**
 * shouhu_annex2_history:
 * @entity: "worker", "volunteer" or "district_form"
 *
 * What happened to a record, field by field, each change with the file
 * of the import that made it (if one did).  A record an import created
 * begins with that import.
 *
 * Returns: (transfer full) (element-type ShouhuHistoryEntry): the record's
 *   changes, oldest first
 */
GPtrArray *
shouhu_annex2_history (ShouhuStore  *store,
                       const char   *entity,
                       gint64        entity_id,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_history_entry_free);
  int rc;

  if (!add_import_creation (store, entity, entity_id, entries, error))
    return NULL;
  stmt = shouhu_store_prepare (store,
                               "SELECT h.at, h.entity, h.entity_id, h.action, h.field, h.old_value, h.new_value, "
                               "e.file_name FROM history h LEFT JOIN import_event e ON e.id = h.import_id "
                               "WHERE h.entity = ? AND h.entity_id = ? ORDER BY h.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuHistoryEntry *e = g_new0 (ShouhuHistoryEntry, 1);

      e->at = shouhu_annex2_column_dup (stmt, 0);
      e->entity = shouhu_annex2_column_dup (stmt, 1);
      e->entity_id = sqlite3_column_int64 (stmt, 2);
      e->action = shouhu_annex2_column_dup (stmt, 3);
      e->field = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->import_file = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (entries, e);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

/* Ids */

/* The next id of @table that neither a record nor the history has used. */
gint64
shouhu_annex2_next_id (ShouhuStore  *store,
                       const char   *table,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT max (coalesce ((SELECT max (id) FROM %s), 0), "
                                          "coalesce ((SELECT max (entity_id) FROM history WHERE entity = '%s'), 0))",
                                          table, table);

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0) + 1;
}

/* Workers */

/* The worker table's columns are those of the Annex 2 form's table
 * (shouhu-annex2-form.c): id, district_id, each text field in the
 * form's order, created, changed. */
ShouhuWorker *
shouhu_annex2_worker_from_row (sqlite3_stmt *stmt)
{
  ShouhuWorker *w = shouhu_worker_new ();
  int col = 2;

  w->id = sqlite3_column_int64 (stmt, 0);
  w->district_id = sqlite3_column_int (stmt, 1);
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_is_text (f))
      shouhu_worker_set_field (w, f, (const char *) sqlite3_column_text (stmt, col++));
  w->created = shouhu_annex2_column_dup (stmt, col++);
  w->changed = shouhu_annex2_column_dup (stmt, col++);
  w->needs = sqlite3_column_int (stmt, col);
  return w;
}

ShouhuWorker *
shouhu_annex2_get_worker (ShouhuStore  *store,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = shouhu_annex2_form_sql_columns ("", "", TRUE);
  g_autofree char *sql = g_strdup_printf ("SELECT id, district_id, %s, created, changed, needs "
                                          "FROM worker WHERE id = ?", columns);
  int rc;

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return shouhu_annex2_worker_from_row (stmt);
  if (rc != SQLITE_DONE)
    shouhu_store_set_error (store, error);
  else
    g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                 _("The worker record is no longer there: it was deleted"));
  return NULL;
}

/**
 * shouhu_annex2_find_duplicate:
 * @except_id: the record being edited, or 0
 * @found_id: (out): the other record's id, 0 when there is none
 *
 * A record with the same 姓名 and 本人联系电话 (compared in their stored,
 * normalised forms).  An empty phone never matches: without it two
 * workers of the same name cannot be told to be the same person.
 */
gboolean
shouhu_annex2_find_duplicate (ShouhuStore  *store,
                              const char   *name,
                              const char   *phone,
                              gint64        except_id,
                              gint64       *found_id,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean_name = g_strstrip (g_strdup (name));
  g_autofree char *clean_phone = NULL;
  gboolean found;

  *found_id = 0;
  if (!shouhu_validate_phone ("", phone, &clean_phone, NULL) || clean_phone[0] == '\0')
    return TRUE;

  stmt = shouhu_store_prepare (store, "SELECT id FROM worker WHERE name = ? AND phone = ? AND id != ? "
                                      "ORDER BY id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, clean_phone, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, except_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    *found_id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Binds district_id, the text fields, created, changed and id, in that
 * order, from parameter @first on.  Returns: the parameter after them */
int
shouhu_annex2_bind_worker (sqlite3_stmt       *stmt,
                           int                 first,
                           const ShouhuWorker *w)
{
  int param = first;

  sqlite3_bind_int (stmt, param++, w->district_id);
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_is_text (f))
      sqlite3_bind_text (stmt, param++, shouhu_worker_get_field (w, f), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param++, w->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, param++, w->changed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, param++, w->id);
  return param;
}

static gboolean
insert_worker (ShouhuStore         *store,
               const ShouhuWorker  *w,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = shouhu_annex2_form_sql_columns ("", "", TRUE);
  g_autofree char *values = shouhu_annex2_form_sql_columns ("?", "", FALSE);
  g_autofree char *sql = g_strdup_printf ("INSERT INTO worker (district_id, %s, created, changed, id) "
                                          "VALUES (?, %s, ?, ?, ?)", columns, values);

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  shouhu_annex2_bind_worker (stmt, 1, w);
  return shouhu_store_run_statement (store, stmt, error);
}

/**
 * shouhu_annex2_insert_worker_sql:
 * @values: (out): one row's values
 *
 * The statement that inserts workers created by an import, up to its
 * values (shouhu-insert-batch.h): for each row, the parameters as
 * shouhu_annex2_bind_worker() binds them, then the import's event.
 * Writes no history: the event is the record's history.
 *
 * Returns: (transfer full): "INSERT INTO worker (…) VALUES"
 */
char *
shouhu_annex2_insert_worker_sql (char **values)
{
  g_autofree char *columns = shouhu_annex2_form_sql_columns ("", "", TRUE);
  g_autofree char *params = shouhu_annex2_form_sql_columns ("?", "", FALSE);

  *values = g_strdup_printf ("(?, %s, ?, ?, ?, ?)", params);
  return g_strdup_printf ("INSERT INTO worker (district_id, %s, created, changed, id, import_id) VALUES", columns);
}

gboolean
shouhu_annex2_update_worker (ShouhuStore         *store,
                             const ShouhuWorker  *w,
                             const char          *at,
                             GError             **error)
{
  g_autoptr(ShouhuWorker) old = shouhu_annex2_get_worker (store, w->id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  gboolean any = FALSE;

  if (old == NULL)
    return FALSE;
  if (!shouhu_annex2_store_needs (store, w->id, "edit", old->needs, w->needs, at, error))
    return FALSE;

  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    {
      const char *before, *after;

      if (!shouhu_annex2_field_in_record (f))
        continue;
      before = shouhu_worker_get_field (old, f);
      after = shouhu_worker_get_field (w, f);
      if (strcmp (before, after) == 0)
        continue;
      any = TRUE;
      if (!shouhu_annex2_add_history (store, at, "worker", w->id, "edit", shouhu_annex2_form_column (f)->key,
                                      before, after, error))
        return FALSE;
    }
  if (!any)
    return TRUE;

  columns = shouhu_annex2_form_sql_columns ("", " = ?", TRUE);
  sql = g_strdup_printf ("UPDATE worker SET district_id = ?, %s, created = ?, changed = ? WHERE id = ?", columns);
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr(ShouhuWorker) row = shouhu_worker_copy (w);

    g_free (row->created);
    row->created = g_strdup (old->created);
    g_free (row->changed);
    row->changed = g_strdup (at);
    shouhu_annex2_bind_worker (stmt, 1, row);
    return shouhu_store_run_statement (store, stmt, error);
  }
}

static GArray *
pairing_ids (ShouhuStore  *store,
             const char   *sql,
             gint64        id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, other);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static GArray *
worker_volunteer_ids (ShouhuStore  *store,
                      gint64        worker_id,
                      GError      **error)
{
  return pairing_ids (store, "SELECT volunteer_id FROM pairing WHERE worker_id = ? ORDER BY created, volunteer_id",
                      worker_id, error);
}

/**
 * shouhu_annex2_volunteer_workers:
 *
 * Returns: (transfer full) (element-type gint64): the workers whose
 *   families @volunteer_id guards
 */
GArray *
shouhu_annex2_volunteer_workers (ShouhuStore  *store,
                                 gint64        volunteer_id,
                                 GError      **error)
{
  return pairing_ids (store, "SELECT worker_id FROM pairing WHERE volunteer_id = ? ORDER BY worker_id",
                      volunteer_id, error);
}

/* The 姓名 of a worker or volunteer: @name is %NULL when the record is
 * not there; %FALSE with @error set when it cannot be read. */
static gboolean
find_record_name (ShouhuStore  *store,
                  const char   *table,
                  gint64        id,
                  char        **name,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?", table);
  gboolean found;

  *name = NULL;
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    *name = shouhu_annex2_column_dup (stmt, 0);
  return TRUE;
}

/* One pairing and its history on both sides; inside a transaction.  A
 * new pairing is 保底 (shouhu-pairing.h sets another role after). */
gboolean
shouhu_annex2_pair_in_transaction (ShouhuStore  *store,
                     gint64        worker_id,
                     gint64        volunteer_id,
                     gboolean      pair,
                     const char   *at,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *worker_name = NULL;
  g_autofree char *volunteer_name = NULL;
  const char *action = pair ? "pair" : "unpair";

  if (!find_record_name (store, "worker", worker_id, &worker_name, error) ||
      !find_record_name (store, "volunteer", volunteer_id, &volunteer_name, error))
    return FALSE;
  if (worker_name == NULL || volunteer_name == NULL)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                   worker_name == NULL ? _("The worker record is no longer there: it was deleted")
                                       : _("The volunteer is no longer there: choose another one"));
      return FALSE;
    }

  if (pair)
    stmt = shouhu_store_prepare (store, "INSERT OR IGNORE INTO pairing (worker_id, volunteer_id, created) "
                                        "VALUES (?, ?, ?)", error);
  else
    stmt = shouhu_store_prepare (store, "DELETE FROM pairing WHERE worker_id = ? AND volunteer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  sqlite3_bind_int64 (stmt, 2, volunteer_id);
  if (pair)
    sqlite3_bind_text (stmt, 3, at, -1, SQLITE_STATIC);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (shouhu_store_get_db (store)) == 0)
    return TRUE;

  return shouhu_annex2_add_history (store, at, "worker", worker_id, action, "volunteer",
                                    pair ? NULL : volunteer_name, pair ? volunteer_name : NULL, error) &&
         shouhu_annex2_add_history (store, at, "volunteer", volunteer_id, action, "worker",
                                    pair ? NULL : worker_name, pair ? worker_name : NULL, error);
}

static gboolean
contains_id (const gint64 *ids,
             gsize         n,
             gint64        id)
{
  for (gsize i = 0; i < n; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

gboolean
shouhu_annex2_set_pairings (ShouhuStore   *store,
                            gint64         worker_id,
                            const gint64  *volunteer_ids,
                            gsize          n_volunteers,
                            const char    *at,
                            GError       **error)
{
  g_autoptr(GArray) current = worker_volunteer_ids (store, worker_id, error);

  if (current == NULL)
    return FALSE;
  for (guint i = 0; i < current->len; i++)
    {
      gint64 id = g_array_index (current, gint64, i);

      if (!contains_id (volunteer_ids, n_volunteers, id) &&
          !shouhu_annex2_pair_in_transaction (store, worker_id, id, FALSE, at, error))
        return FALSE;
    }
  for (gsize i = 0; i < n_volunteers; i++)
    {
      if (!contains_id ((const gint64 *) (gpointer) current->data, current->len, volunteer_ids[i]) &&
          !shouhu_annex2_pair_in_transaction (store, worker_id, volunteer_ids[i], TRUE, at, error))
        return FALSE;
    }
  return TRUE;
}

/* The record as stored, compared with the stamp of what the editor
 * showed; inside the transaction, so nothing can change in between. */
static gboolean
check_unchanged (ShouhuStore  *store,
                 gint64        id,
                 const char   *seen_stamp,
                 GError      **error)
{
  g_autoptr(ShouhuWorker) stored = shouhu_annex2_get_worker (store, id, error);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *stamp = NULL;

  if (stored == NULL || (ids = worker_volunteer_ids (store, id, error)) == NULL)
    return FALSE;
  stamp = shouhu_worker_stamp (stored, (const gint64 *) (gpointer) ids->data, ids->len);
  if (strcmp (stamp, seen_stamp) == 0)
    return TRUE;
  g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
               _("The record of %s was changed elsewhere (another window or program) after you "
                 "opened it: reload it to see the change, or overwrite it with yours"),
               stored->name);
  return FALSE;
}

static gint64
save_worker (ShouhuStore         *store,
             const ShouhuWorker  *worker,
             const gint64        *volunteer_ids,
             gsize                n_volunteers,
             gboolean             allow_duplicate,
             const char          *seen_stamp,
             GError             **error)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_copy (worker);
  g_autofree char *at = shouhu_annex2_now ();
  gint64 duplicate = 0;

  if (!shouhu_worker_validate (w, error))
    return 0;
  if (!allow_duplicate)
    {
      if (!shouhu_annex2_find_duplicate (store, w->name, w->phone, w->id, &duplicate, error))
        return 0;
      if (duplicate != 0)
        {
          g_autoptr(ShouhuWorker) other = shouhu_annex2_get_worker (store, duplicate, error);

          if (other == NULL)
            return 0;
          g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_DUPLICATE,
                       _("%s with the phone %s is already recorded (%s, %s)"),
                       w->name, w->phone, shouhu_annex2_district_name (other->district_id),
                       other->hospital);
          return 0;
        }
    }

  if (!shouhu_store_begin (store, error))
    return 0;

  if (w->id == 0)
    {
      w->id = shouhu_annex2_next_id (store, "worker", error);
      g_free (w->created);
      w->created = g_strdup (at);
      g_free (w->changed);
      w->changed = g_strdup (at);
      if (w->id == 0 ||
          !insert_worker (store, w, error) ||
          !add_worker_snapshot (store, at, "create", w, FALSE, error) ||
          !shouhu_annex2_store_needs (store, w->id, "create", 0, w->needs, at, error))
        goto fail;
    }
  else if ((seen_stamp != NULL && !check_unchanged (store, w->id, seen_stamp, error)) ||
           !shouhu_annex2_update_worker (store, w, at, error))
    goto fail;

  if (!shouhu_annex2_set_pairings (store, w->id, volunteer_ids, n_volunteers, at, error))
    goto fail;

  if (!shouhu_store_commit (store, error))
    goto fail;
  shouhu_store_emit_changed (store, "annex2");
  return w->id;

fail:
  shouhu_store_rollback (store);
  return 0;
}

/**
 * shouhu_annex2_save_worker:
 * @worker: the record; id 0 creates a new one
 * @volunteer_ids: (array length=n_volunteers): the volunteers paired with
 *   the family once saved (pairings not listed are removed)
 * @allow_duplicate: store even when another record has the same 姓名 and
 *   本人联系电话 (the user confirmed it)
 *
 * Validates, stores the record and its pairings in one transaction, and
 * writes the history.  Fails with %SHOUHU_ANNEX2_ERROR_DUPLICATE when a
 * duplicate exists and @allow_duplicate is %FALSE.
 *
 * Returns: the record's id, or 0 with @error set
 */
gint64
shouhu_annex2_save_worker (ShouhuStore         *store,
                           const ShouhuWorker  *worker,
                           const gint64        *volunteer_ids,
                           gsize                n_volunteers,
                           gboolean             allow_duplicate,
                           GError             **error)
{
  return save_worker (store, worker, volunteer_ids, n_volunteers, allow_duplicate, NULL, error);
}

/**
 * shouhu_annex2_save_edited_worker:
 * @seen_stamp: shouhu_worker_stamp() of the record and volunteers as the
 *   editor showed them
 *
 * As shouhu_annex2_save_worker() for a record someone edited, which may
 * have changed since it was read: another window or program may have
 * saved it meanwhile.  Then nothing is written and the save fails with
 * %SHOUHU_ANNEX2_ERROR_CONFLICT; to overwrite, save again with the stamp
 * of the record as it is stored now, after the user has seen it.
 */
gint64
shouhu_annex2_save_edited_worker (ShouhuStore         *store,
                                  const ShouhuWorker  *worker,
                                  const gint64        *volunteer_ids,
                                  gsize                n_volunteers,
                                  gboolean             allow_duplicate,
                                  const char          *seen_stamp,
                                  GError             **error)
{
  g_return_val_if_fail (seen_stamp != NULL, 0);
  return save_worker (store, worker, volunteer_ids, n_volunteers, allow_duplicate, seen_stamp, error);
}

/**
 * shouhu_annex2_delete_in_transaction:
 * @w: the record as stored
 *
 * Deletes @w and its pairings, with their history; inside the caller's
 * transaction.
 */
gboolean
shouhu_annex2_delete_in_transaction (ShouhuStore         *store,
                                     const ShouhuWorker  *w,
                                     const char          *at,
                                     GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!shouhu_annex2_set_pairings (store, w->id, NULL, 0, at, error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "DELETE FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, w->id);
  return shouhu_store_run_statement (store, stmt, error) &&
         add_worker_snapshot (store, at, "delete", w, TRUE, error);
}

/* Each pairing of @deleted's worker: its volunteer, role and day, in
 * the order of worker_volunteer_ids(). */
static gboolean
read_pairings (ShouhuStore          *store,
               ShouhuDeletedWorker  *deleted,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT volunteer_id, role, created FROM pairing WHERE worker_id = ? "
                                      "ORDER BY created, volunteer_id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, deleted->worker->id);
  deleted->volunteer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  deleted->roles = g_array_new (FALSE, FALSE, sizeof (guint));
  deleted->paired_on = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint role = (guint) sqlite3_column_int (stmt, 1);

      g_array_append_val (deleted->volunteer_ids, id);
      g_array_append_val (deleted->roles, role);
      g_ptr_array_add (deleted->paired_on, shouhu_annex2_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The pairings a restore made again get the role (1+N) and the day they
 * had: a pairing for a need must not come back as 保底. */
static gboolean
restore_pairing_roles (ShouhuStore                *store,
                       const ShouhuDeletedWorker  *deleted,
                       const char                 *at,
                       GError                    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (deleted->roles == NULL)
    return TRUE;
  stmt = shouhu_store_prepare (store, "UPDATE pairing SET role = ?, created = ? "
                                      "WHERE worker_id = ? AND volunteer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < deleted->roles->len; i++)
    {
      guint role = g_array_index (deleted->roles, guint, i);

      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, (int) role);
      sqlite3_bind_text (stmt, 2, deleted->paired_on->pdata[i], -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, deleted->worker->id);
      sqlite3_bind_int64 (stmt, 4, g_array_index (deleted->volunteer_ids, gint64, i));
      if (!shouhu_store_run_statement (store, stmt, error))
        return FALSE;
      if (role != SHOUHU_PAIRING_BASIC && sqlite3_changes (shouhu_store_get_db (store)) > 0 &&
          !shouhu_annex2_add_history (store, at, "worker", deleted->worker->id, "restore", "role", NULL,
                                      shouhu_pairing_role_name (role), error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_annex2_delete_worker:
 *
 * Deletes the record and its pairings.
 *
 * Returns: (transfer full): what is needed to undo it with
 *   shouhu_annex2_restore_worker(), or %NULL with @error set
 */
ShouhuDeletedWorker *
shouhu_annex2_delete_worker (ShouhuStore  *store,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(ShouhuDeletedWorker) deleted = g_new0 (ShouhuDeletedWorker, 1);
  g_autofree char *at = shouhu_annex2_now ();

  deleted->worker = shouhu_annex2_get_worker (store, id, error);
  if (deleted->worker == NULL)
    return NULL;
  if (!read_pairings (store, deleted, error))
    return NULL;

  if (!shouhu_store_begin (store, error))
    return NULL;
  if (!shouhu_annex2_delete_in_transaction (store, deleted->worker, at, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  return g_steal_pointer (&deleted);

fail:
  shouhu_store_rollback (store);
  return NULL;
}

/**
 * shouhu_annex2_restore_worker:
 *
 * Puts a deleted record back under its own id, with its created time and
 * its pairings (those whose volunteer still exists).
 */
gboolean
shouhu_annex2_restore_worker (ShouhuStore                *store,
                              const ShouhuDeletedWorker  *deleted,
                              GError                    **error)
{
  g_autoptr(GArray) still_there = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_store_begin (store, error))
    return FALSE;

  /* A volunteer deleted meanwhile is left out; one that cannot be
   * looked up stops the restore, rather than silently losing a pairing. */
  for (guint i = 0; i < deleted->volunteer_ids->len; i++)
    {
      gint64 vid = g_array_index (deleted->volunteer_ids, gint64, i);
      g_autofree char *name = NULL;

      if (!find_record_name (store, "volunteer", vid, &name, error))
        goto fail;
      if (name != NULL)
        g_array_append_val (still_there, vid);
    }

  if (!insert_worker (store, deleted->worker, error) ||
      !add_worker_snapshot (store, at, "restore", deleted->worker, FALSE, error) ||
      !shouhu_annex2_store_needs (store, deleted->worker->id, "restore", 0, deleted->worker->needs, at, error) ||
      !shouhu_annex2_set_pairings (store, deleted->worker->id, (const gint64 *) (gpointer) still_there->data,
                     still_there->len, at, error) ||
      !restore_pairing_roles (store, deleted, at, error) ||
      !shouhu_store_commit (store, error))
    goto fail;
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/**
 * shouhu_annex2_count_workers:
 * @district_id: 1..41, or 0 for all
 *
 * Returns: the number of records, -1 with @error set
 */
gint64
shouhu_annex2_count_workers (ShouhuStore  *store,
                             int           district_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store, "SELECT count(*) FROM worker WHERE ?1 = 0 OR district_id = ?1", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, district_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
pair_or_unpair (ShouhuStore  *store,
                gint64        worker_id,
                gint64        volunteer_id,
                gboolean      pair,
                GError      **error)
{
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_annex2_pair_in_transaction (store, worker_id, volunteer_id, pair, at, error) ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;
}

/* Pairs a volunteer with a worker's family (结对); pairing twice is a no-op. */
gboolean
shouhu_annex2_pair (ShouhuStore  *store,
                    gint64        worker_id,
                    gint64        volunteer_id,
                    GError      **error)
{
  return pair_or_unpair (store, worker_id, volunteer_id, TRUE, error);
}

gboolean
shouhu_annex2_unpair (ShouhuStore  *store,
                      gint64        worker_id,
                      gint64        volunteer_id,
                      GError      **error)
{
  return pair_or_unpair (store, worker_id, volunteer_id, FALSE, error);
}

/* The district form's header */

/**
 * shouhu_annex2_get_district_form:
 * @reporter: (out): 填报人, "" when not filled in
 * @phone: (out): 联系电话
 */
gboolean
shouhu_annex2_get_district_form (ShouhuStore  *store,
                                 int           district_id,
                                 char        **reporter,
                                 char        **phone,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT reporter, phone FROM district_form WHERE district_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, district_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  *reporter = rc == SQLITE_ROW ? shouhu_annex2_column_dup (stmt, 0) : g_strdup ("");
  *phone = rc == SQLITE_ROW ? shouhu_annex2_column_dup (stmt, 1) : g_strdup ("");
  return TRUE;
}

/**
 * shouhu_annex2_set_district_form:
 *
 * Stores the header of a district's form: 填报人 and 联系电话 (a phone
 * number, or empty).
 */
gboolean
shouhu_annex2_set_district_form (ShouhuStore  *store,
                                 int           district_id,
                                 const char   *reporter,
                                 const char   *phone,
                                 GError      **error)
{
  g_autofree char *clean_reporter = g_strstrip (g_strdup (reporter != NULL ? reporter : ""));
  g_autofree char *clean_phone = NULL;
  g_autofree char *old_reporter = NULL;
  g_autofree char *old_phone = NULL;
  g_autofree char *at = shouhu_annex2_now ();
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (shouhu_district_get (district_id) == NULL)
    {
      g_set_error (error, SHOUHU_VALIDATE_ERROR, SHOUHU_VALIDATE_ERROR_INVALID,
                   _("%s is required: choose one of the 41 units"), _("District"));
      return FALSE;
    }
  if (!shouhu_validate_phone (_("Phone"), phone, &clean_phone, error) ||
      !shouhu_annex2_get_district_form (store, district_id, &old_reporter, &old_phone, error))
    return FALSE;
  if (strcmp (old_reporter, clean_reporter) == 0 && strcmp (old_phone, clean_phone) == 0)
    return TRUE;

  if (!shouhu_store_begin (store, error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "INSERT OR REPLACE INTO district_form (district_id, reporter, phone) "
                                      "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, district_id);
  sqlite3_bind_text (stmt, 2, clean_reporter, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, clean_phone, -1, SQLITE_STATIC);
  if (!shouhu_store_run_statement (store, stmt, error))
    goto fail;
  if (strcmp (old_reporter, clean_reporter) != 0 &&
      !shouhu_annex2_add_history (store, at, "district_form", district_id, "edit", "reporter",
                                  old_reporter, clean_reporter, error))
    goto fail;
  if (strcmp (old_phone, clean_phone) != 0 &&
      !shouhu_annex2_add_history (store, at, "district_form", district_id, "edit", "phone",
                                  old_phone, clean_phone, error))
    goto fail;
  if (!shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

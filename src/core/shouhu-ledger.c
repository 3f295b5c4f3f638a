/* shouhu-ledger.c — the service ledger (服务台账): what guardians did for a family
 *
 * One record per service: the family (its frontline worker), the
 * volunteers who did it, the day, the kind, what was done and for how
 * long, a need the family raised and whether it was solved, and whether
 * it is a 典型 worth telling upward (the record as a value, its kinds
 * and rules: shouhu-ledger-record.c).  Here the records are stored and
 * read: every change is one transaction that also writes its history
 * rows (entity "service"), and the lists and counts are indexed queries.
 *
 * The ledger outlives a deleted worker record on purpose: deleting a
 * worker can be undone, and the undo brings the record back under its own
 * id, so service.worker_id carries no foreign key (the reports join with
 * the workers that exist).  A volunteer who did a service cannot be
 * deleted without dealing with the ledger first (a foreign key).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-ledger-private.h"
#include "shouhu-store-private.h"
#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-ledger-error-quark, shouhu_ledger_error)

#define SERVICE_SELECT \
  "SELECT s.id, s.worker_id, s.day, s.kind, s.content, s.minutes, s.need, s.solved, s.typical," \
  "       s.story, s.created, s.changed, coalesce (w.name, ''), coalesce (w.district_id, 0)," \
  "       (SELECT group_concat (volunteer_id, ',') FROM (SELECT volunteer_id FROM service_volunteer" \
  "          WHERE service_id = s.id ORDER BY volunteer_id))," \
  "       (SELECT group_concat (name, '、') FROM (SELECT v.name FROM service_volunteer sv" \
  "          JOIN volunteer v ON v.id = sv.volunteer_id WHERE sv.service_id = s.id" \
  "          ORDER BY sv.volunteer_id))" \
  "  FROM service s LEFT JOIN worker w ON w.id = s.worker_id "

/* Reading */

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static ShouhuService *
service_from_row (sqlite3_stmt *stmt)
{
  ShouhuService *s = g_new0 (ShouhuService, 1);
  const char *ids = (const char *) sqlite3_column_text (stmt, 14);

  s->id = sqlite3_column_int64 (stmt, 0);
  s->worker_id = sqlite3_column_int64 (stmt, 1);
  s->day = column_dup (stmt, 2);
  s->kind = shouhu_service_kind_from_key ((const char *) sqlite3_column_text (stmt, 3));
  s->content = column_dup (stmt, 4);
  s->minutes = sqlite3_column_int (stmt, 5);
  s->need = column_dup (stmt, 6);
  s->solved = sqlite3_column_int (stmt, 7) != 0;
  s->typical = sqlite3_column_int (stmt, 8) != 0;
  s->story = column_dup (stmt, 9);
  s->created = column_dup (stmt, 10);
  s->changed = column_dup (stmt, 11);
  s->family_name = column_dup (stmt, 12);
  s->district_id = sqlite3_column_int (stmt, 13);
  s->volunteer_names = column_dup (stmt, 15);
  s->volunteer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (const char *p = ids; p != NULL && *p != '\0';)
    {
      char *end = NULL;
      gint64 id = g_ascii_strtoll (p, &end, 10);

      g_array_append_val (s->volunteer_ids, id);
      p = (end != NULL && *end == ',') ? end + 1 : "";
    }
  return s;
}

/* Runs a statement of SERVICE_SELECT whose parameters are bound. */
static GPtrArray *
read_services (ShouhuStore   *store,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_service_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, service_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

/**
 * shouhu_ledger_get:
 *
 * Returns: (transfer full): the record with the names it points to, or
 *   %NULL with @error set (%SHOUHU_LEDGER_ERROR_NOT_FOUND when deleted)
 */
ShouhuService *
shouhu_ledger_get (ShouhuStore  *store,
                   gint64        id,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) found = NULL;

  stmt = shouhu_store_prepare (store, SERVICE_SELECT "WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  found = read_services (store, stmt, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, SHOUHU_LEDGER_ERROR, SHOUHU_LEDGER_ERROR_NOT_FOUND,
                   _("The service record is no longer there: it was deleted"));
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

/**
 * shouhu_ledger_family_services:
 * @open_needs_only: only the records whose need is not solved yet
 *
 * Returns: (transfer full) (element-type ShouhuService): the family's
 *   records, newest first
 */
GPtrArray *
shouhu_ledger_family_services (ShouhuStore  *store,
                               gint64        worker_id,
                               gboolean      open_needs_only,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Either way one of the indexes on service.worker_id is used. */
  stmt = shouhu_store_prepare (store,
                               open_needs_only
                                 ? SERVICE_SELECT "WHERE s.worker_id = ? AND s.need <> '' AND s.solved = 0 "
                                                  "ORDER BY s.day DESC, s.id DESC"
                                 : SERVICE_SELECT "WHERE s.worker_id = ? ORDER BY s.day DESC, s.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  return read_services (store, stmt, error);
}

/**
 * shouhu_ledger_volunteer_services:
 *
 * Returns: (transfer full) (element-type ShouhuService): the records of
 *   services the volunteer took part in, newest first
 */
GPtrArray *
shouhu_ledger_volunteer_services (ShouhuStore  *store,
                                  gint64        volunteer_id,
                                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               SERVICE_SELECT "WHERE s.id IN (SELECT service_id FROM service_volunteer "
                                              "WHERE volunteer_id = ?) ORDER BY s.day DESC, s.id DESC",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, volunteer_id);
  return read_services (store, stmt, error);
}

/**
 * shouhu_ledger_typical_services:
 * @from: the first day, YYYY-MM-DD
 * @to: the last day
 * @district_id: 1..41, or 0 for every district
 *
 * Returns: (transfer full) (element-type ShouhuService): the records
 *   marked 典型 in the period, by district in official order, then by day
 */
GPtrArray *
shouhu_ledger_typical_services (ShouhuStore  *store,
                                const char   *from,
                                const char   *to,
                                int           district_id,
                                GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               SERVICE_SELECT "WHERE s.typical = 1 AND s.day BETWEEN ?1 AND ?2"
                                              " AND w.id IS NOT NULL AND (?3 = 0 OR w.district_id = ?3)"
                                              " ORDER BY w.district_id, s.day, s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, district_id);
  return read_services (store, stmt, error);
}

/* History */

/* One history statement for a whole change, reused row after row. */
typedef struct
{
  sqlite3_stmt *stmt;
  const char   *at;
  gint64        id;
  const char   *action;
} History;

static gboolean
history_begin (History      *h,
               ShouhuStore  *store,
               const char   *at,
               gint64        id,
               const char   *action,
               GError      **error)
{
  h->stmt = shouhu_store_prepare (store,
                                  "INSERT INTO history (at, entity, entity_id, action, field, old_value, new_value) "
                                  "VALUES (?, 'service', ?, ?, ?, ?, ?)", error);
  h->at = at;
  h->id = id;
  h->action = action;
  return h->stmt != NULL;
}

static gboolean
history_add (History      *h,
             ShouhuStore  *store,
             const char   *field,
             const char   *old_value,
             const char   *new_value,
             GError      **error)
{
  sqlite3_reset (h->stmt);
  sqlite3_bind_text (h->stmt, 1, h->at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (h->stmt, 2, h->id);
  sqlite3_bind_text (h->stmt, 3, h->action, -1, SQLITE_STATIC);
  sqlite3_bind_text (h->stmt, 4, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (h->stmt, 5, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (h->stmt, 6, new_value, -1, SQLITE_STATIC);
  return shouhu_store_run_statement (store, h->stmt, error);
}

static void
history_end (History *h)
{
  g_clear_pointer (&h->stmt, sqlite3_finalize);
}

/* A field as the history shows it; the family and volunteers by name,
 * as @s holds them after names_of(). */
static char *
field_text (const ShouhuService *s,
            ShouhuServiceField   field)
{
  switch (field)
    {
    case SHOUHU_SERVICE_FIELD_FAMILY:     return g_strdup (s->family_name);
    case SHOUHU_SERVICE_FIELD_VOLUNTEERS: return g_strdup (s->volunteer_names);
    case SHOUHU_SERVICE_FIELD_DAY:        return g_strdup (s->day);
    case SHOUHU_SERVICE_FIELD_KIND:       return g_strdup (shouhu_service_kind_name (s->kind));
    case SHOUHU_SERVICE_FIELD_CONTENT:    return g_strdup (s->content);
    case SHOUHU_SERVICE_FIELD_MINUTES:    return g_strdup_printf ("%d", s->minutes);
    case SHOUHU_SERVICE_FIELD_NEED:       return g_strdup (s->need);
    case SHOUHU_SERVICE_FIELD_SOLVED:     return g_strdup (*s->need == '\0' ? "" : s->solved ? "是" : "否");
    case SHOUHU_SERVICE_FIELD_TYPICAL:    return g_strdup (s->typical ? "是" : "");
    case SHOUHU_SERVICE_FIELD_STORY:      return g_strdup (s->story);
    case SHOUHU_N_SERVICE_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Whole-record actions keep every value the record had. */
static gboolean
add_snapshot (ShouhuStore          *store,
              const char           *at,
              const char           *action,
              const ShouhuService  *s,
              gboolean              values_are_old,
              GError              **error)
{
  History h;
  gboolean ok;

  if (!history_begin (&h, store, at, s->id, action, error))
    return FALSE;
  ok = history_add (&h, store, NULL, values_are_old ? s->family_name : NULL,
                    values_are_old ? NULL : s->family_name, error);
  for (guint f = 0; ok && f < SHOUHU_N_SERVICE_FIELDS; f++)
    {
      g_autofree char *value = field_text (s, f);

      if (*value != '\0')
        ok = history_add (&h, store, shouhu_service_field_column (f), values_are_old ? value : NULL,
                          values_are_old ? NULL : value, error);
    }
  history_end (&h);
  return ok;
}

/* Writing */

static char *
now_stamp (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

/* Fills the names @s points to, and checks that they are all there. */
static gboolean
names_of (ShouhuStore    *store,
          ShouhuService  *s,
          GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  stmt = shouhu_store_prepare (store, "SELECT name, district_id FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->worker_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_FAMILY,
                        _("The family’s record is no longer in Annex 2: it was deleted"));
  g_free (s->family_name);
  s->family_name = column_dup (stmt, 0);
  s->district_id = sqlite3_column_int (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = shouhu_store_prepare (store, "SELECT name FROM volunteer WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < s->volunteer_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (s->volunteer_ids, gint64, i));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_VOLUNTEERS,
                            _("A volunteer chosen is no longer recorded: choose another one"));
      g_string_append_printf (names, "%s%s", i > 0 ? "、" : "", (const char *) sqlite3_column_text (stmt, 0));
    }
  g_free (s->volunteer_names);
  s->volunteer_names = g_string_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}

static gboolean
write_volunteers (ShouhuStore          *store,
                  const ShouhuService  *s,
                  GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store, "DELETE FROM service_volunteer WHERE service_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->id);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = shouhu_store_prepare (store, "INSERT INTO service_volunteer (service_id, volunteer_id) VALUES (?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < s->volunteer_ids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, s->id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (s->volunteer_ids, gint64, i));
      if (!shouhu_store_run_statement (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Inserts @s (under its id, or a new one when 0) or updates it. */
static gboolean
write_service (ShouhuStore    *store,
               ShouhuService  *s,
               gboolean        insert,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               insert
                                 ? "INSERT INTO service (worker_id, day, kind, content, minutes, need, solved,"
                                   " typical, story, created, changed, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                 : "UPDATE service SET worker_id = ?, day = ?, kind = ?, content = ?, minutes = ?,"
                                   " need = ?, solved = ?, typical = ?, story = ?, created = ?, changed = ?"
                                   " WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, s->worker_id);
  sqlite3_bind_text (stmt, 2, s->day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, shouhu_service_kind_key (s->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, s->content, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 5, s->minutes);
  sqlite3_bind_text (stmt, 6, s->need, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 7, s->solved);
  sqlite3_bind_int (stmt, 8, s->typical);
  sqlite3_bind_text (stmt, 9, s->story, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, s->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, s->changed, -1, SQLITE_STATIC);
  if (s->id != 0)
    sqlite3_bind_int64 (stmt, 12, s->id);
  else
    sqlite3_bind_null (stmt, 12);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  if (s->id == 0)
    s->id = sqlite3_last_insert_rowid (shouhu_store_get_db (store));
  return write_volunteers (store, s, error);
}

/* The fields that differ, each as one history row. */
static gboolean
add_edits (ShouhuStore          *store,
           const char           *at,
           const ShouhuService  *old,
           const ShouhuService  *s,
           gboolean             *any,
           GError              **error)
{
  History h;
  gboolean ok = TRUE;

  *any = FALSE;
  if (!history_begin (&h, store, at, s->id, "edit", error))
    return FALSE;
  for (guint f = 0; ok && f < SHOUHU_N_SERVICE_FIELDS; f++)
    {
      g_autofree char *before = field_text (old, f);
      g_autofree char *after = field_text (s, f);

      if (strcmp (before, after) == 0)
        continue;
      *any = TRUE;
      ok = history_add (&h, store, shouhu_service_field_column (f), before, after, error);
    }
  history_end (&h);
  return ok;
}

static gint64
save_in_transaction (ShouhuStore    *store,
                     ShouhuService  *s,
                     GError        **error)
{
  g_autofree char *at = now_stamp ();
  g_autoptr(ShouhuService) old = NULL;
  gboolean any = TRUE;

  if (!names_of (store, s, error))
    return 0;
  g_free (s->changed);
  s->changed = g_strdup (at);
  if (s->id == 0)
    {
      g_free (s->created);
      s->created = g_strdup (at);
      if (!write_service (store, s, TRUE, error) ||
          !add_snapshot (store, at, "create", s, FALSE, error))
        return 0;
      return s->id;
    }

  if ((old = shouhu_ledger_get (store, s->id, error)) == NULL)
    return 0;
  g_free (s->created);
  s->created = g_strdup (old->created);
  if (!add_edits (store, at, old, s, &any, error))
    return 0;
  if (any && !write_service (store, s, FALSE, error))
    return 0;
  return s->id;
}

/**
 * shouhu_ledger_save:
 * @service: the record; id 0 adds a new one
 *
 * Validates (a day after today is refused), stores the record with its
 * volunteers in one transaction and writes the history.
 *
 * Returns: the record's id, or 0 with @error set (domain
 *   %SHOUHU_SERVICE_FIELD_ERROR for a field that breaks a rule)
 */
gint64
shouhu_ledger_save (ShouhuStore          *store,
                    const ShouhuService  *service,
                    GError              **error)
{
  g_autoptr(ShouhuService) s = shouhu_service_copy (service);
  g_autofree char *today = shouhu_ledger_today ();
  gint64 id;

  g_return_val_if_fail (SHOUHU_IS_STORE (store), 0);

  if (!shouhu_service_validate (s, today, error))
    return 0;
  if (!shouhu_store_begin (store, error))
    return 0;
  if ((id = save_in_transaction (store, s, error)) == 0 ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return 0;
    }
  shouhu_store_emit_changed (store, "ledger");
  return id;
}

/**
 * shouhu_ledger_delete:
 *
 * Returns: (transfer full): the record as it was, for
 *   shouhu_ledger_restore(), or %NULL with @error set
 */
ShouhuService *
shouhu_ledger_delete (ShouhuStore  *store,
                      gint64        id,
                      GError      **error)
{
  g_autoptr(ShouhuService) deleted = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = now_stamp ();

  if (!shouhu_store_begin (store, error))
    return NULL;
  if ((deleted = shouhu_ledger_get (store, id, error)) == NULL ||
      (stmt = shouhu_store_prepare (store, "DELETE FROM service WHERE id = ?", error)) == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shouhu_store_run_statement (store, stmt, error) ||
      !add_snapshot (store, at, "delete", deleted, TRUE, error) ||
      !shouhu_store_commit (store, error))
    goto fail;
  shouhu_store_emit_changed (store, "ledger");
  return g_steal_pointer (&deleted);

fail:
  shouhu_store_rollback (store);
  return NULL;
}

/**
 * shouhu_ledger_restore:
 *
 * Puts a deleted record back under its own id, with its created time and
 * those of its volunteers who are still recorded.
 */
gboolean
shouhu_ledger_restore (ShouhuStore          *store,
                       const ShouhuService  *deleted,
                       GError              **error)
{
  g_autoptr(ShouhuService) s = shouhu_service_copy (deleted);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = now_stamp ();

  g_return_val_if_fail (deleted->id > 0, FALSE);

  if (!shouhu_store_begin (store, error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "SELECT 1 FROM volunteer WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = s->volunteer_ids->len; i > 0; i--)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (s->volunteer_ids, gint64, i - 1));
      if (sqlite3_step (stmt) != SQLITE_ROW)
        g_array_remove_index (s->volunteer_ids, i - 1);
    }
  if (s->volunteer_ids->len == 0)
    {
      shouhu_service_reject (error, SHOUHU_SERVICE_FIELD_VOLUNTEERS,
                   _("The record cannot be put back: none of its volunteers is recorded any more"));
      goto fail;
    }
  if (!names_of (store, s, error) ||
      !write_service (store, s, TRUE, error) ||
      !add_snapshot (store, at, "restore", s, FALSE, error) ||
      !shouhu_store_commit (store, error))
    goto fail;
  shouhu_store_emit_changed (store, "ledger");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/* Imports (shouhu-ledger-private.h) */

/**
 * shouhu_ledger_insert_imported:
 * @service: a validated record whose worker and volunteers exist; its id
 *   and times are set
 * @file_name: the workbook it came from, kept in the history
 *
 * Adds a record read from a workbook, inside the import's transaction
 * (the caller begins and commits it, and emits the change).  Its history
 * is one row that names the file, not a row per field: an import of a
 * district's ledger may hold thousands of records.
 *
 * Returns: the record's id, or 0 with @error set
 */
gint64
shouhu_ledger_insert_imported (ShouhuStore    *store,
                               ShouhuService  *service,
                               const char     *file_name,
                               GError        **error)
{
  g_autofree char *at = now_stamp ();
  History h;
  gboolean ok;

  service->id = 0;
  g_free (service->created);
  service->created = g_strdup (at);
  g_free (service->changed);
  service->changed = g_strdup (at);
  if (!write_service (store, service, TRUE, error) ||
      !history_begin (&h, store, at, service->id, "import", error))
    return 0;
  ok = history_add (&h, store, NULL, NULL, file_name, error);
  history_end (&h);
  return ok ? service->id : 0;
}

/**
 * shouhu_ledger_count_same:
 *
 * How many stored records say what @service says: the same family,
 * volunteers, day, kind, content, minutes and need.  A ledger sent again
 * (offices send the whole ledger each week) is recognised by it.
 *
 * Returns: the count, or -1 with @error set
 */
gint64
shouhu_ledger_count_same (ShouhuStore          *store,
                          const ShouhuService  *service,
                          GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < service->volunteer_ids->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (service->volunteer_ids, gint64, i));
  /* The index on (worker_id, day) narrows it to a family's day. */
  stmt = shouhu_store_prepare (store,
                               "SELECT count (*) FROM service s WHERE s.worker_id = ?1 AND s.day = ?2"
                               " AND s.kind = ?3 AND s.minutes = ?4 AND s.content = ?5 AND s.need = ?6"
                               " AND coalesce ((SELECT group_concat (volunteer_id, ',') FROM"
                               "   (SELECT volunteer_id FROM service_volunteer WHERE service_id = s.id"
                               "     ORDER BY volunteer_id)), '') = ?7",
                               error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, service->worker_id);
  sqlite3_bind_text (stmt, 2, service->day, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, shouhu_service_kind_key (service->kind), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, service->minutes);
  sqlite3_bind_text (stmt, 5, service->content, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, service->need, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, ids->str, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* The overview's counts */

/**
 * shouhu_ledger_last_contact:
 * @day: (out) (nullable): the day of the family's last service, %NULL
 *   when it never had one
 */
gboolean
shouhu_ledger_last_contact (ShouhuStore  *store,
                            gint64        worker_id,
                            char        **day,
                            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *day = NULL;
  stmt = shouhu_store_prepare (store, "SELECT max (day) FROM service WHERE worker_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  *day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return TRUE;
}

/* Runs "SELECT district_id, count" and adds the counts to @per_district. */
static gboolean
count_per_district (ShouhuStore  *store,
                    const char   *sql,
                    const char   *cutoff,
                    gint64       *per_district,
                    gint64       *city,
                    GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (cutoff != NULL)
    sqlite3_bind_text (stmt, 1, cutoff, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int id = sqlite3_column_int (stmt, 0);
      gint64 n = sqlite3_column_int64 (stmt, 1);

      *city += n;
      if (id >= 1 && id <= SHOUHU_N_DISTRICTS)
        per_district[id - 1] += n;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_ledger_count_districts:
 * @today: (nullable): YYYY-MM-DD; %NULL for today
 * @days: N of the contact rule
 *
 * Counts per district the needs raised and not solved, and the families
 * 需回访 by shouhu_ledger_revisit_due().  Services of a family whose
 * record was deleted are not counted.
 */
gboolean
shouhu_ledger_count_districts (ShouhuStore         *store,
                               const char          *today,
                               int                  days,
                               ShouhuLedgerCounts  *counts,
                               GError             **error)
{
  g_autofree char *now = today != NULL ? g_strdup (today) : shouhu_ledger_today ();
  g_autofree char *cutoff = shouhu_ledger_add_days (now, -MAX (days, 1));

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);
  g_return_val_if_fail (cutoff != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  /* The first uses the partial index of open needs, the second the
   * index on (worker_id, day) once per family. */
  return count_per_district (store,
                             "SELECT w.district_id, count (*) FROM service s JOIN worker w ON w.id = s.worker_id"
                             " WHERE s.need <> '' AND s.solved = 0 GROUP BY w.district_id",
                             NULL, counts->open_needs, &counts->city_open_needs, error) &&
         count_per_district (store,
                             "SELECT w.district_id, count (*) FROM worker w"
                             " WHERE coalesce ((SELECT max (s.day) FROM service s WHERE s.worker_id = w.id),"
                             "                 substr (w.created, 1, 10)) <= ?1"
                             " GROUP BY w.district_id",
                             cutoff, counts->to_revisit, &counts->city_to_revisit, error);
}

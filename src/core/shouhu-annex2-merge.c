/* shouhu-annex2-merge.c — merging two records of one volunteer, and
 * taking a merge back
 *
 * A merge keeps its own record (the volunteer_merge tables of the store):
 * the removed record as it was, the kept one before and after, and each
 * pairing and service-ledger link it moved.  shouhu_annex2_undo_merge()
 * reads it to put everything back as it was, unless something the undo
 * would overwrite was changed since: then it says what and changes
 * nothing.  Both are one transaction that also writes its history rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* A volunteer's stored values, exactly, for the merge's record. */
static char *
record_text (const ShouhuVolunteer *v)
{
  g_autoptr(GVariant) record = shouhu_volunteer_to_variant (v);

  return g_variant_print (record, FALSE);
}

/* The record as record_text() wrote it. */
static ShouhuVolunteer *
read_record_text (const char  *text,
                  GError     **error)
{
  g_autoptr(GVariant) record = g_variant_parse (G_VARIANT_TYPE (SHOUHU_VOLUNTEER_VARIANT_TYPE), text, NULL, NULL,
                                                NULL);

  if (record == NULL)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                   _("The record of this merge cannot be read: it cannot be undone"));
      return NULL;
    }
  return shouhu_volunteer_from_variant (record);
}

/* Runs @sql with ?1 = @a, ?2 = @b, ?3 = @c, as many as it has. */
static gboolean
run3 (ShouhuStore  *store,
      const char   *sql,
      gint64        a,
      gint64        b,
      gint64        c,
      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);
  const gint64 values[] = { a, b, c };

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < MIN (sqlite3_bind_parameter_count (stmt), 3); i++)
    sqlite3_bind_int64 (stmt, i + 1, values[i]);
  return shouhu_store_run_statement (store, stmt, error);
}

/* Merging */

static gint64
record_merge (ShouhuStore            *store,
              const ShouhuVolunteer  *keep,
              const ShouhuVolunteer  *other,
              const char             *at,
              GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = record_text (keep);
  g_autofree char *record = record_text (other);

  stmt = shouhu_store_prepare (store,
                               "INSERT INTO volunteer_merge (at, keep_id, other_id, keep_before, other_record, "
                               "other_created, other_changed, other_import) "
                               "SELECT ?1, ?2, ?3, ?4, ?5, created, changed, import_id FROM volunteer "
                               "WHERE id = ?3", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, keep->id);
  sqlite3_bind_int64 (stmt, 3, other->id);
  sqlite3_bind_text (stmt, 4, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, record, -1, SQLITE_STATIC);
  if (!shouhu_store_run_statement (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (shouhu_store_get_db (store));
}

/* Pairs @volunteer with @worker_id as @put (INSERT INTO pairing
 * (worker_id, volunteer_id, created, role)) with @created and @role, and
 * writes the history on both sides. */
static gboolean
put_pairing (ShouhuStore            *store,
             sqlite3_stmt           *put,
             gint64                  worker_id,
             const char             *worker_name,
             const char             *created,
             int                     role,
             const ShouhuVolunteer  *volunteer,
             const char             *at,
             GError                **error)
{
  sqlite3_reset (put);
  sqlite3_bind_int64 (put, 1, worker_id);
  sqlite3_bind_int64 (put, 2, volunteer->id);
  sqlite3_bind_text (put, 3, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (put, 4, role);
  return shouhu_store_run_statement (store, put, error) &&
         shouhu_annex2_add_history (store, at, "worker", worker_id, "pair", "volunteer", NULL, volunteer->name,
                                    error) &&
         shouhu_annex2_add_history (store, at, "volunteer", volunteer->id, "pair", "worker", NULL, worker_name,
                                    error);
}

/* Moves @other's pairings to @keep, with history on both sides; a family
 * both guard keeps one pairing (the kept record's).  A moved pairing
 * keeps its day and its role.  Inside the caller's transaction. */
static gboolean
move_pairings (ShouhuStore            *store,
               gint64                  merge_id,
               const ShouhuVolunteer  *keep,
               const ShouhuVolunteer  *other,
               const char             *at,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) move = NULL;
  int rc;

  if (!run3 (store,
             "INSERT INTO volunteer_merge_pairing (merge_id, worker_id, created, role, moved) "
             "SELECT ?1, p.worker_id, p.created, p.role, NOT EXISTS (SELECT 1 FROM pairing q "
             "WHERE q.worker_id = p.worker_id AND q.volunteer_id = ?2) FROM pairing p WHERE p.volunteer_id = ?3",
             merge_id, keep->id, other->id, error))
    return FALSE;
  stmt = shouhu_store_prepare (store,
                               "SELECT p.worker_id, w.name, p.created, p.role, EXISTS (SELECT 1 FROM pairing q "
                               "WHERE q.worker_id = p.worker_id AND q.volunteer_id = ?2) "
                               "FROM pairing p JOIN worker w ON w.id = p.worker_id "
                               "WHERE p.volunteer_id = ?1 ORDER BY p.worker_id", error);
  move = shouhu_store_prepare (store, "INSERT INTO pairing (worker_id, volunteer_id, created, role) "
                                      "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL || move == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other->id);
  sqlite3_bind_int64 (stmt, 2, keep->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 worker_id = sqlite3_column_int64 (stmt, 0);
      const char *worker_name = (const char *) sqlite3_column_text (stmt, 1);
      gboolean already = sqlite3_column_int (stmt, 4) != 0;

      if (!shouhu_annex2_add_history (store, at, "worker", worker_id, "unpair", "volunteer", other->name, NULL,
                                      error))
        return FALSE;
      /* The pairing keeps the day it was made, and what it is for. */
      if (!already &&
          !put_pairing (store, move, worker_id, worker_name, (const char *) sqlite3_column_text (stmt, 2),
                        sqlite3_column_int (stmt, 3), keep, at, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The service ledger's records name volunteers too: what @other_id did
 * becomes @keep_id's work (a record naming both keeps one line). */
static gboolean
move_services (ShouhuStore  *store,
               gint64        merge_id,
               gint64        keep_id,
               gint64        other_id,
               GError      **error)
{
  return run3 (store,
               "INSERT INTO volunteer_merge_service (merge_id, service_id, moved) "
               "SELECT ?1, s.service_id, NOT EXISTS (SELECT 1 FROM service_volunteer k "
               "WHERE k.service_id = s.service_id AND k.volunteer_id = ?2) "
               "FROM service_volunteer s WHERE s.volunteer_id = ?3",
               merge_id, keep_id, other_id, error) &&
         run3 (store, "UPDATE OR IGNORE service_volunteer SET volunteer_id = ?2 WHERE volunteer_id = ?3",
               merge_id, keep_id, other_id, error) &&
         run3 (store, "DELETE FROM service_volunteer WHERE volunteer_id = ?3",
               merge_id, keep_id, other_id, error);
}

/**
 * shouhu_annex2_merge_volunteers:
 * @keep_id: the record that stays
 * @other_id: a record of the same person, merged into @keep_id and then
 *   removed
 * @merge_id: (out) (optional): what shouhu_annex2_undo_merge() takes
 *   to undo it
 *
 * Merges two records of one person in one transaction: @keep_id takes
 * the values shouhu_volunteer_merged() gives and every family @other_id
 * guards, and its links in the service ledger.  The history of @keep_id
 * says what it took; that of @other_id keeps every value it had and into
 * whom it was merged.
 */
gboolean
shouhu_annex2_merge_volunteers (ShouhuStore  *store,
                                gint64        keep_id,
                                gint64        other_id,
                                gint64       *merge_id,
                                GError      **error)
{
  g_autoptr(ShouhuVolunteer) keep = NULL;
  g_autoptr(ShouhuVolunteer) other = NULL;
  g_autoptr(ShouhuVolunteer) merged = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = shouhu_annex2_now ();
  g_autofree char *after = NULL;
  gint64 id;

  g_return_val_if_fail (keep_id != other_id, FALSE);

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if ((keep = shouhu_annex2_get_volunteer (store, keep_id, error)) == NULL ||
      (other = shouhu_annex2_get_volunteer (store, other_id, error)) == NULL)
    goto fail;
  merged = shouhu_volunteer_merged (keep, other);
  if (!shouhu_volunteer_validate (merged, error))
    goto fail;

  if ((id = record_merge (store, keep, other, at, error)) == 0 ||
      !shouhu_annex2_add_history (store, at, "volunteer", keep->id, "merge", NULL, other->name, keep->name, error) ||
      !shouhu_annex2_store_volunteer (store, merged, keep, at, error) ||
      !move_pairings (store, id, keep, other, at, error) ||
      !shouhu_annex2_add_history (store, at, "volunteer", other->id, "merge", NULL, other->name, keep->name, error))
    goto fail;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      const char *value = shouhu_volunteer_get_field (other, f);

      if (*value != '\0' &&
          !shouhu_annex2_add_history (store, at, "volunteer", other->id, "merge",
                                      shouhu_volunteer_form_column (f)->key, value, NULL, error))
        goto fail;
    }
  if (!move_services (store, id, keep->id, other->id, error))
    goto fail;
  stmt = shouhu_store_prepare (store, "UPDATE volunteer_merge SET keep_after = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  after = shouhu_volunteer_stamp (merged);
  sqlite3_bind_text (stmt, 1, after, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!shouhu_store_run_statement (store, stmt, error) ||
      !run3 (store, "DELETE FROM volunteer WHERE id = ?1", other->id, 0, 0, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  shouhu_store_emit_changed (store, "ledger");
  if (merge_id != NULL)
    *merge_id = id;
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/* Undoing */

typedef struct
{
  gint64  keep_id;
  gint64  other_id;
  char   *keep_before;
  char   *keep_after;
  char   *other_record;
  char   *other_created;
  char   *other_changed;
  gint64  other_import;    /* 0 for none */
} MergeRecord;

static void
merge_record_clear (MergeRecord *m)
{
  g_free (m->keep_before);
  g_free (m->keep_after);
  g_free (m->other_record);
  g_free (m->other_created);
  g_free (m->other_changed);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MergeRecord, merge_record_clear)

static gboolean
read_merge (ShouhuStore  *store,
            gint64        merge_id,
            MergeRecord  *m,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = shouhu_store_prepare (store,
                               "SELECT keep_id, other_id, keep_before, keep_after, other_record, other_created, "
                               "other_changed, coalesce (other_import, 0) FROM volunteer_merge WHERE id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                   _("This merge was already undone, or its records were erased: there is nothing to undo"));
      return FALSE;
    }
  m->keep_id = sqlite3_column_int64 (stmt, 0);
  m->other_id = sqlite3_column_int64 (stmt, 1);
  m->keep_before = shouhu_annex2_column_dup (stmt, 2);
  m->keep_after = shouhu_annex2_column_dup (stmt, 3);
  m->other_record = shouhu_annex2_column_dup (stmt, 4);
  m->other_created = shouhu_annex2_column_dup (stmt, 5);
  m->other_changed = shouhu_annex2_column_dup (stmt, 6);
  m->other_import = sqlite3_column_int64 (stmt, 7);
  return TRUE;
}

/* A count from @sql over ?1 = @merge_id, ?2 = the kept record. */
static gboolean
count_rows (ShouhuStore  *store,
            const char   *sql,
            gint64        merge_id,
            gint64        keep_id,
            gint64       *count,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql, error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, keep_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  *count = found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* The families whose pairing the merge made or found is no longer as it
 * left it (unpaired, its role changed, the family deleted): their names,
 * "" for a family deleted. */
static GPtrArray *
changed_pairings (ShouhuStore  *store,
                  gint64        merge_id,
                  gint64        keep_id,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = shouhu_store_prepare (store,
                               "SELECT coalesce (w.name, '') FROM volunteer_merge_pairing m "
                               "LEFT JOIN worker w ON w.id = m.worker_id "
                               "WHERE m.merge_id = ?1 AND (w.id IS NULL OR (m.moved AND NOT EXISTS "
                               "(SELECT 1 FROM pairing p WHERE p.worker_id = m.worker_id "
                               "AND p.volunteer_id = ?2 AND p.role = m.role AND p.created = m.created))) "
                               "ORDER BY m.worker_id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  sqlite3_bind_int64 (stmt, 2, keep_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, shouhu_annex2_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

/* Says why the merge cannot be undone, if something it would undo was
 * changed since. */
static gboolean
check_undoable (ShouhuStore            *store,
                gint64                  merge_id,
                const MergeRecord      *m,
                const ShouhuVolunteer  *keep,
                const char             *other_name,
                GError                **error)
{
  g_autofree char *stamp = shouhu_volunteer_stamp (keep);
  g_autoptr(GPtrArray) families = NULL;
  gint64 n;

  if (!count_rows (store,
                   "SELECT count(*) FROM volunteer_merge WHERE id > ?1 AND (keep_id = ?2 OR other_id = ?2)",
                   merge_id, m->keep_id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                   /* Translators: %s is the volunteer's name */
                   _("The record of %s was merged with another one since: undo that merge first"), keep->name);
      return FALSE;
    }
  if (strcmp (stamp, m->keep_after) != 0)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                   /* Translators: %s is the volunteer's name */
                   _("The record of %s was changed after the merge: the merge was not undone, so that the "
                     "change is not lost. Open the record to see it."), keep->name);
      return FALSE;
    }
  families = changed_pairings (store, merge_id, m->keep_id, error);
  if (families == NULL)
    return FALSE;
  if (families->len > 0)
    {
      const char *family = families->pdata[0];

      if (*family == '\0')
        g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                     /* Translators: %s is the removed record's volunteer */
                     _("A family that %s guarded was deleted after the merge: the merge was not undone"),
                     other_name);
      else
        g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                     /* Translators: a volunteer, and the worker whose family the pairing is for */
                     _("The pairing of %s with the family of %s was changed after the merge: the merge was "
                       "not undone"), keep->name, family);
      return FALSE;
    }
  if (!count_rows (store,
                   "SELECT count(*) FROM volunteer_merge_service m WHERE m.merge_id = ?1 AND NOT EXISTS "
                   "(SELECT 1 FROM service_volunteer s WHERE s.service_id = m.service_id AND s.volunteer_id = ?2)",
                   merge_id, m->keep_id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                   /* Translators: %s is the volunteer's name */
                   _("A service of %s in the ledger was changed or deleted after the merge: the merge was not "
                     "undone"), keep->name);
      return FALSE;
    }
  return TRUE;
}

/* Puts the removed record back under its id (a new one if that was
 * taken), with its values, its day of creation and its import. */
static gboolean
insert_other (ShouhuStore        *store,
              ShouhuVolunteer    *v,
              const MergeRecord  *m,
              const char         *at,
              GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 taken;

  if (!count_rows (store, "SELECT count(*) FROM volunteer WHERE id = ?1", v->id, 0, &taken, error))
    return FALSE;
  if (taken > 0 && (v->id = shouhu_annex2_next_id (store, "volunteer", error)) == 0)
    return FALSE;
  stmt = shouhu_store_prepare (store,
                               "INSERT INTO volunteer (name, phone, district_id, town, village, note, created, "
                               "changed, id, gender, source, skills, trained_on, gear_on, gear, insurer, policy_no, "
                               "insured_from, insured_until, import_id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  shouhu_annex2_bind_volunteer (stmt, v);
  sqlite3_bind_text (stmt, 7, m->other_created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, m->other_changed, -1, SQLITE_STATIC);
  if (m->other_import != 0)
    sqlite3_bind_int64 (stmt, 20, m->other_import);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  return shouhu_annex2_add_history (store, at, "volunteer", v->id, "unmerge", NULL, NULL, v->name, error);
}

/* The pairings of the removed record go back to it, with their day and
 * role; those the merge moved leave the kept record.  With history on
 * both sides of each. */
static gboolean
return_pairings (ShouhuStore            *store,
                 gint64                  merge_id,
                 const ShouhuVolunteer  *keep,
                 const ShouhuVolunteer  *other,
                 const char             *at,
                 GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) put = NULL;
  int rc;

  stmt = shouhu_store_prepare (store,
                               "SELECT m.worker_id, w.name, m.created, m.role, m.moved FROM volunteer_merge_pairing m "
                               "JOIN worker w ON w.id = m.worker_id WHERE m.merge_id = ? ORDER BY m.worker_id",
                               error);
  put = shouhu_store_prepare (store, "INSERT INTO pairing (worker_id, volunteer_id, created, role) "
                                     "VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL || put == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 worker_id = sqlite3_column_int64 (stmt, 0);
      const char *worker_name = (const char *) sqlite3_column_text (stmt, 1);

      if (sqlite3_column_int (stmt, 4) != 0 &&
          (!run3 (store, "DELETE FROM pairing WHERE worker_id = ?1 AND volunteer_id = ?2",
                  worker_id, keep->id, 0, error) ||
           !shouhu_annex2_add_history (store, at, "worker", worker_id, "unpair", "volunteer", keep->name, NULL,
                                       error) ||
           !shouhu_annex2_add_history (store, at, "volunteer", keep->id, "unpair", "worker", worker_name, NULL,
                                       error)))
        return FALSE;
      if (!put_pairing (store, put, worker_id, worker_name, (const char *) sqlite3_column_text (stmt, 2),
                        sqlite3_column_int (stmt, 3), other, at, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The ledger's links go back: those moved leave the kept record. */
static gboolean
return_services (ShouhuStore  *store,
                 gint64        merge_id,
                 gint64        keep_id,
                 gint64        other_id,
                 GError      **error)
{
  return run3 (store,
               "UPDATE service_volunteer SET volunteer_id = ?3 WHERE volunteer_id = ?2 AND service_id IN "
               "(SELECT service_id FROM volunteer_merge_service WHERE merge_id = ?1 AND moved)",
               merge_id, keep_id, other_id, error) &&
         run3 (store,
               "INSERT INTO service_volunteer (service_id, volunteer_id) SELECT service_id, ?3 "
               "FROM volunteer_merge_service WHERE merge_id = ?1 AND NOT moved",
               merge_id, keep_id, other_id, error);
}

/**
 * shouhu_annex2_undo_merge:
 * @merge_id: as shouhu_annex2_merge_volunteers() gave it
 * @other_id: (out) (optional): the id the removed record has again
 *
 * Takes one merge back in one transaction: the removed record returns
 * with its own values, day of creation and id (a new id only if another
 * record took it), its pairings with their day and role and its links
 * in the service ledger; the kept record gets its values before the
 * merge and loses what the merge gave it.  The history of both says so.
 *
 * Refused with %SHOUHU_ANNEX2_ERROR_CONFLICT, and nothing changed, when
 * the kept record, a pairing or a service the merge moved was changed
 * since, or the kept record was merged again; with
 * %SHOUHU_ANNEX2_ERROR_NOT_FOUND when the merge was undone already or
 * its records were erased.
 */
gboolean
shouhu_annex2_undo_merge (ShouhuStore  *store,
                          gint64        merge_id,
                          gint64       *other_id,
                          GError      **error)
{
  g_auto(MergeRecord) m = { 0 };
  g_autoptr(ShouhuVolunteer) keep = NULL;
  g_autoptr(ShouhuVolunteer) before = NULL;
  g_autoptr(ShouhuVolunteer) other = NULL;
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!read_merge (store, merge_id, &m, error) ||
      (other = read_record_text (m.other_record, error)) == NULL)
    goto fail;
  other->id = m.other_id;
  keep = shouhu_annex2_get_volunteer (store, m.keep_id, NULL);
  if (keep == NULL)
    {
      g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                   /* Translators: %s is the removed record's volunteer */
                   _("The record %s was merged into is no longer there: the merge cannot be undone"), other->name);
      goto fail;
    }
  if ((before = read_record_text (m.keep_before, error)) == NULL ||
      !check_undoable (store, merge_id, &m, keep, other->name, error))
    goto fail;

  if (!insert_other (store, other, &m, at, error) ||
      !shouhu_annex2_add_history (store, at, "volunteer", keep->id, "unmerge", NULL, keep->name, other->name,
                                  error) ||
      !shouhu_annex2_store_volunteer (store, before, keep, at, error) ||
      !return_pairings (store, merge_id, keep, other, at, error) ||
      !return_services (store, merge_id, keep->id, other->id, error) ||
      !run3 (store, "DELETE FROM volunteer_merge WHERE id = ?1", merge_id, 0, 0, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  shouhu_store_emit_changed (store, "ledger");
  if (other_id != NULL)
    *other_id = other->id;
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

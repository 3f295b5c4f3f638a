/* shouhu-annex2-volunteer.c — storing volunteers (志愿者) and finding them
 *
 * Like the workers of shouhu-annex2.c, every change is one transaction
 * that also writes its history rows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2-private.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The volunteer table's columns as volunteer_from_row() reads them. */
#define VOLUNTEER_COLUMNS(p) \
  p "id, " p "name, " p "phone, " p "district_id, " p "town, " p "village, " p "note, " p "created, " \
  p "changed, " p "gender, " p "source, " p "skills, " p "trained_on, " p "gear_on, " p "gear, " p "insurer, " \
  p "policy_no, " p "insured_from, " p "insured_until"

ShouhuVolunteer *
shouhu_annex2_volunteer_from_row (sqlite3_stmt *stmt)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->name = shouhu_annex2_column_dup (stmt, 1);
  v->phone = shouhu_annex2_column_dup (stmt, 2);
  v->district_id = sqlite3_column_int (stmt, 3);
  v->town = shouhu_annex2_column_dup (stmt, 4);
  v->village = shouhu_annex2_column_dup (stmt, 5);
  v->note = shouhu_annex2_column_dup (stmt, 6);
  v->created = shouhu_annex2_column_dup (stmt, 7);
  v->changed = shouhu_annex2_column_dup (stmt, 8);
  v->gender = shouhu_annex2_column_dup (stmt, 9);
  v->source = shouhu_annex2_column_dup (stmt, 10);
  v->skills = (guint) sqlite3_column_int (stmt, 11);
  v->trained_on = shouhu_annex2_column_dup (stmt, 12);
  v->gear_on = shouhu_annex2_column_dup (stmt, 13);
  v->gear = (guint) sqlite3_column_int (stmt, 14);
  v->insurer = shouhu_annex2_column_dup (stmt, 15);
  v->policy_no = shouhu_annex2_column_dup (stmt, 16);
  v->insured_from = shouhu_annex2_column_dup (stmt, 17);
  v->insured_until = shouhu_annex2_column_dup (stmt, 18);
  return v;
}

/* Every row of @stmt as a volunteer. */
static GPtrArray *
volunteers_from_rows (ShouhuStore   *store,
                      sqlite3_stmt  *stmt,
                      GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, shouhu_annex2_volunteer_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

ShouhuVolunteer *
shouhu_annex2_get_volunteer (ShouhuStore  *store,
                             gint64        id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT " VOLUNTEER_COLUMNS ("") " FROM volunteer WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return shouhu_annex2_volunteer_from_row (stmt);
  if (rc != SQLITE_DONE)
    shouhu_store_set_error (store, error);
  else
    g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                 _("The volunteer is no longer there: choose another one"));
  return NULL;
}

/* The history of a new record (each value set), or of an edit (each
 * value changed). */
static gboolean
add_volunteer_history (ShouhuStore            *store,
                       const char             *at,
                       const ShouhuVolunteer  *old,
                       const ShouhuVolunteer  *v,
                       GError                **error)
{
  if (old == NULL &&
      !shouhu_annex2_add_history (store, at, "volunteer", v->id, "create", NULL, NULL, v->name, error))
    return FALSE;
  for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
    {
      const char *before = old != NULL ? shouhu_volunteer_get_field (old, f) : "";
      const char *after = shouhu_volunteer_get_field (v, f);

      if (strcmp (before, after) != 0 &&
          !shouhu_annex2_add_history (store, at, "volunteer", v->id, old == NULL ? "create" : "edit",
                                      shouhu_volunteer_form_column (f)->key,
                                      old != NULL ? before : NULL, after, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_annex2_store_volunteer:
 * @v: a validated record; id 0 creates it (and sets its id)
 * @old: (nullable): the record as stored, for an edit
 *
 * Writes @v and its history; inside the caller's transaction.
 */
gboolean
shouhu_annex2_store_volunteer (ShouhuStore            *store,
                               ShouhuVolunteer        *v,
                               const ShouhuVolunteer  *old,
                               const char             *at,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (old == NULL && (v->id = shouhu_annex2_next_id (store, "volunteer", error)) == 0)
    return FALSE;
  if (!add_volunteer_history (store, at, old, v, error))
    return FALSE;
  if (old == NULL)
    stmt = shouhu_store_prepare (store,
                                 "INSERT INTO volunteer (name, phone, district_id, town, village, note, "
                                 "created, changed, id, gender, source, skills, trained_on, gear_on, gear, "
                                 "insurer, policy_no, insured_from, insured_until, import_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  else
    stmt = shouhu_store_prepare (store,
                                 "UPDATE volunteer SET name = ?1, phone = ?2, district_id = ?3, town = ?4, "
                                 "village = ?5, note = ?6, created = coalesce (?7, created), changed = ?8, "
                                 "gender = ?10, source = ?11, skills = ?12, trained_on = ?13, gear_on = ?14, "
                                 "gear = ?15, insurer = ?16, policy_no = ?17, insured_from = ?18, "
                                 "insured_until = ?19 WHERE id = ?9", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, v->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, v->phone, -1, SQLITE_STATIC);
  if (v->district_id != 0)
    sqlite3_bind_int (stmt, 3, v->district_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, v->town, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, v->village, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, v->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, old == NULL ? at : NULL, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 9, v->id);
  sqlite3_bind_text (stmt, 10, v->gender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, v->source, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 12, (int) v->skills);
  sqlite3_bind_text (stmt, 13, v->trained_on, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, v->gear_on, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 15, (int) v->gear);
  sqlite3_bind_text (stmt, 16, v->insurer, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 17, v->policy_no, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 18, v->insured_from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 19, v->insured_until, -1, SQLITE_STATIC);
  /* A volunteer an import creates points to the import's event. */
  if (old == NULL && shouhu_store_get_import_event (store) != 0)
    sqlite3_bind_int64 (stmt, 20, shouhu_store_get_import_event (store));
  return shouhu_store_run_statement (store, stmt, error);
}

static gint64
save_volunteer (ShouhuStore            *store,
                const ShouhuVolunteer  *volunteer,
                const char             *seen_stamp,
                GError                **error)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_copy (volunteer);
  g_autoptr(ShouhuVolunteer) old = NULL;
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_volunteer_validate (v, error))
    return 0;
  if (!shouhu_store_begin (store, error))
    return 0;
  /* Read inside the transaction, so nothing can change in between. */
  if (v->id != 0 && (old = shouhu_annex2_get_volunteer (store, v->id, error)) == NULL)
    goto fail;
  if (old != NULL && seen_stamp != NULL)
    {
      g_autofree char *stamp = shouhu_volunteer_stamp (old);

      if (strcmp (stamp, seen_stamp) != 0)
        {
          g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_CONFLICT,
                       _("The record of %s was changed elsewhere (another window or program) after you "
                         "opened it: reload it to see the change, or overwrite it with yours"),
                       old->name);
          goto fail;
        }
    }
  if (!shouhu_annex2_store_volunteer (store, v, old, at, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  return v->id;

fail:
  shouhu_store_rollback (store);
  return 0;
}

/**
 * shouhu_annex2_save_volunteer:
 * @volunteer: the record; id 0 creates a new one
 *
 * Validates and stores @volunteer, with a history row for each field
 * that changed.
 *
 * Returns: the volunteer's id, or 0 with @error set (domain
 *   %SHOUHU_VOLUNTEER_FIELD_ERROR for a field that breaks a rule)
 */
gint64
shouhu_annex2_save_volunteer (ShouhuStore            *store,
                              const ShouhuVolunteer  *volunteer,
                              GError                **error)
{
  return save_volunteer (store, volunteer, NULL, error);
}

/**
 * shouhu_annex2_save_edited_volunteer:
 * @seen_stamp: shouhu_volunteer_stamp() of the record as the editor read it
 *
 * Like shouhu_annex2_save_volunteer(), for an editor: when the record
 * was changed since it was read, nothing is stored and @error is
 * %SHOUHU_ANNEX2_ERROR_CONFLICT.
 */
gint64
shouhu_annex2_save_edited_volunteer (ShouhuStore            *store,
                                     const ShouhuVolunteer  *volunteer,
                                     const char             *seen_stamp,
                                     GError                **error)
{
  g_return_val_if_fail (volunteer->id != 0 && seen_stamp != NULL, 0);
  return save_volunteer (store, volunteer, seen_stamp, error);
}

static char *
like_pattern (const char *query)
{
  GString *p = g_string_new ("%");

  for (const char *c = query; *c != '\0'; c++)
    {
      if (*c == '%' || *c == '_' || *c == '\\')
        g_string_append_c (p, '\\');
      g_string_append_c (p, *c);
    }
  g_string_append_c (p, '%');
  return g_string_free (p, FALSE);
}

/**
 * shouhu_annex2_find_volunteers:
 * @query: part of the 姓名, 联系电话, 乡镇（街道） or 村（社区）; "" for all
 * @near_district_id: volunteers of this district come first (就近就便),
 *   after those ready today (可上岗) whom the gate lets guard a family;
 *   0 for none
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type ShouhuVolunteer): the matches
 */
GPtrArray *
shouhu_annex2_find_volunteers (ShouhuStore  *store,
                               const char   *query,
                               int           near_district_id,
                               guint         limit,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *folded = shouhu_validate_fold_digits (query != NULL ? query : "");
  g_autofree char *pattern = like_pattern (folded);
  g_autofree char *ready = shouhu_volunteer_ready_sql (NULL);
  g_autofree char *today = shouhu_volunteer_today ();
  g_autofree char *sql = g_strdup_printf ("SELECT " VOLUNTEER_COLUMNS ("") " FROM volunteer "
                                          "WHERE :query = '' OR name LIKE :pattern ESCAPE '\\' "
                                          "   OR phone LIKE :pattern ESCAPE '\\' "
                                          "   OR town LIKE :pattern ESCAPE '\\' OR village LIKE :pattern ESCAPE '\\' "
                                          "ORDER BY %s DESC, coalesce (district_id = :near, 0) DESC, name, id "
                                          "LIMIT :limit", ready);

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), today, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":query"), folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":pattern"), pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":near"), near_district_id);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":limit"), (int) MIN (limit, G_MAXINT));
  return volunteers_from_rows (store, stmt, error);
}

/**
 * shouhu_annex2_worker_volunteers:
 *
 * Returns: (transfer full) (element-type ShouhuVolunteer): the volunteers
 *   paired with the worker's family, in the order they were paired
 */
GPtrArray *
shouhu_annex2_worker_volunteers (ShouhuStore  *store,
                                 gint64        worker_id,
                                 GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               "SELECT " VOLUNTEER_COLUMNS ("v.") " FROM pairing p "
                               "JOIN volunteer v ON v.id = p.volunteer_id "
                               "WHERE p.worker_id = ? ORDER BY p.created, v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  return volunteers_from_rows (store, stmt, error);
}

/**
 * shouhu_annex2_worker_guarded:
 * @day: (nullable): D as YYYY-MM-DD; %NULL for today
 * @guarded: (out): whether at least one volunteer paired with the
 *   worker's family is ready on D
 *
 * The gate (绝不上岗): a family paired only with volunteers not ready is
 * not guarded.
 */
gboolean
shouhu_annex2_worker_guarded (ShouhuStore  *store,
                              gint64        worker_id,
                              const char   *day,
                              gboolean     *guarded,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM pairing p JOIN volunteer v "
                                          "ON v.id = p.volunteer_id WHERE p.worker_id = :worker AND %s)", ready);
  g_autofree char *today = day == NULL ? shouhu_volunteer_today () : NULL;
  gboolean found;

  *guarded = FALSE;
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":worker"), worker_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), day != NULL ? day : today, -1,
                     SQLITE_STATIC);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  *guarded = found && sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* Moves @other's pairings to @keep, with history on both sides; a family
 * both guard keeps one pairing.  Inside the caller's transaction. */
static gboolean
move_pairings (ShouhuStore            *store,
               const ShouhuVolunteer  *keep,
               const ShouhuVolunteer  *other,
               const char             *at,
               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) move = NULL;
  int rc;

  stmt = shouhu_store_prepare (store,
                               "SELECT p.worker_id, w.name, p.created, EXISTS (SELECT 1 FROM pairing q "
                               "WHERE q.worker_id = p.worker_id AND q.volunteer_id = ?2) "
                               "FROM pairing p JOIN worker w ON w.id = p.worker_id "
                               "WHERE p.volunteer_id = ?1 ORDER BY p.worker_id", error);
  move = shouhu_store_prepare (store, "INSERT INTO pairing (worker_id, volunteer_id, created) VALUES (?, ?, ?)",
                               error);
  if (stmt == NULL || move == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, other->id);
  sqlite3_bind_int64 (stmt, 2, keep->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 worker_id = sqlite3_column_int64 (stmt, 0);
      const char *worker_name = (const char *) sqlite3_column_text (stmt, 1);
      gboolean already = sqlite3_column_int (stmt, 3) != 0;

      if (!shouhu_annex2_add_history (store, at, "worker", worker_id, "unpair", "volunteer", other->name, NULL,
                                      error))
        return FALSE;
      if (already)
        continue;
      sqlite3_reset (move);
      sqlite3_bind_int64 (move, 1, worker_id);
      sqlite3_bind_int64 (move, 2, keep->id);
      /* The pairing keeps the day it was made. */
      sqlite3_bind_text (move, 3, (const char *) sqlite3_column_text (stmt, 2), -1, SQLITE_TRANSIENT);
      if (!shouhu_store_run_statement (store, move, error) ||
          !shouhu_annex2_add_history (store, at, "worker", worker_id, "pair", "volunteer", NULL, keep->name,
                                      error) ||
          !shouhu_annex2_add_history (store, at, "volunteer", keep->id, "pair", "worker", NULL, worker_name,
                                      error))
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
               gint64        keep_id,
               gint64        other_id,
               GError      **error)
{
  const char *const sql[] = {
    "UPDATE OR IGNORE service_volunteer SET volunteer_id = ?1 WHERE volunteer_id = ?2",
    "DELETE FROM service_volunteer WHERE volunteer_id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = shouhu_store_prepare (store, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, keep_id);
      sqlite3_bind_int64 (stmt, 2, other_id);
      if (!shouhu_store_run_statement (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_annex2_merge_volunteers:
 * @keep_id: the record that stays
 * @other_id: a record of the same person, merged into @keep_id and then
 *   removed
 *
 * Merges two records of one person in one transaction: @keep_id takes
 * the values shouhu_volunteer_merged() gives and every family @other_id
 * guards.  The history of @keep_id says what it took; that of @other_id
 * keeps every value it had and into whom it was merged.
 */
gboolean
shouhu_annex2_merge_volunteers (ShouhuStore  *store,
                                gint64        keep_id,
                                gint64        other_id,
                                GError      **error)
{
  g_autoptr(ShouhuVolunteer) keep = NULL;
  g_autoptr(ShouhuVolunteer) other = NULL;
  g_autoptr(ShouhuVolunteer) merged = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = shouhu_annex2_now ();

  g_return_val_if_fail (keep_id != other_id, FALSE);

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if ((keep = shouhu_annex2_get_volunteer (store, keep_id, error)) == NULL ||
      (other = shouhu_annex2_get_volunteer (store, other_id, error)) == NULL)
    goto fail;
  merged = shouhu_volunteer_merged (keep, other);
  if (!shouhu_volunteer_validate (merged, error))
    goto fail;

  if (!shouhu_annex2_add_history (store, at, "volunteer", keep->id, "merge", NULL, other->name, keep->name, error) ||
      !shouhu_annex2_store_volunteer (store, merged, keep, at, error) ||
      !move_pairings (store, keep, other, at, error) ||
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
  if (!move_services (store, keep->id, other->id, error))
    goto fail;
  stmt = shouhu_store_prepare (store, "DELETE FROM volunteer WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, other->id);
  if (!shouhu_store_run_statement (store, stmt, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  shouhu_store_emit_changed (store, "ledger");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/**
 * shouhu_annex2_load_volunteers:
 * @district_id: 1..41 for that district's volunteers; 0 for every
 *   volunteer
 * @n_families: (out) (optional) (element-type guint): for each volunteer,
 *   the number of families paired with it (守护家庭数)
 *
 * Returns: (transfer full) (element-type ShouhuVolunteer): the volunteers
 *   by district in official order, those without a district last, then
 *   in the order they were entered
 */
GPtrArray *
shouhu_annex2_load_volunteers (ShouhuStore  *store,
                               int           district_id,
                               GArray      **n_families,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  int rc;

  stmt = shouhu_store_prepare (store,
                               "SELECT " VOLUNTEER_COLUMNS ("v.") ", coalesce (c.n, 0) FROM volunteer v "
                               "LEFT JOIN (SELECT volunteer_id, count (*) AS n FROM pairing GROUP BY volunteer_id) c "
                               "ON c.volunteer_id = v.id WHERE ?1 = 0 OR v.district_id = ?1 "
                               "ORDER BY coalesce (v.district_id, 99), v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, district_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = (guint) sqlite3_column_int (stmt, 19);

      g_ptr_array_add (found, shouhu_annex2_volunteer_from_row (stmt));
      g_array_append_val (counts, n);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  if (n_families != NULL)
    *n_families = g_steal_pointer (&counts);
  return g_steal_pointer (&found);
}

/**
 * shouhu_annex2_count_volunteer_readiness:
 * @district_id: 1..41 for that district's volunteers; 0 for every volunteer
 * @day: (nullable): D as YYYY-MM-DD; %NULL for today
 * @n_not_ready: (out) (optional): volunteers not ready (待上岗) on D
 * @n_insurance_ending: (out) (optional): volunteers ready on D whose
 *   insurance ends within %SHOUHU_INSURANCE_WARN_DAYS days
 *
 * What the overview warns about, counted by the rule's SQL without
 * reading every volunteer.
 */
gboolean
shouhu_annex2_count_volunteer_readiness (ShouhuStore  *store,
                                         int           district_id,
                                         const char   *day,
                                         gint64       *n_not_ready,
                                         gint64       *n_insurance_ending,
                                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *ready = shouhu_volunteer_ready_sql (NULL);
  g_autofree char *ending = shouhu_volunteer_insurance_warn_sql (NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (NOT %s), 0), coalesce (sum (%s), 0) "
                                          "FROM volunteer WHERE :district = 0 OR district_id = :district",
                                          ready, ending);
  g_autofree char *today = day == NULL ? shouhu_volunteer_today () : NULL;
  gboolean found;

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), day != NULL ? day : today, -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":district"), district_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (n_not_ready != NULL)
    *n_not_ready = found ? sqlite3_column_int64 (stmt, 0) : 0;
  if (n_insurance_ending != NULL)
    *n_insurance_ending = found ? sqlite3_column_int64 (stmt, 1) : 0;
  return TRUE;
}

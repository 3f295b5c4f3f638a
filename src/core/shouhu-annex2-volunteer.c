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

#define VOLUNTEER_COLUMNS "id, name, phone, district_id, town, village, note, created, changed"

static ShouhuVolunteer *
volunteer_from_row (sqlite3_stmt *stmt)
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
    g_ptr_array_add (found, volunteer_from_row (stmt));
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

  stmt = shouhu_store_prepare (store, "SELECT " VOLUNTEER_COLUMNS " FROM volunteer WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return volunteer_from_row (stmt);
  if (rc != SQLITE_DONE)
    shouhu_store_set_error (store, error);
  else
    g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_NOT_FOUND,
                 _("The volunteer is no longer there: choose another one"));
  return NULL;
}

/**
 * shouhu_annex2_save_volunteer:
 * @volunteer: the record; id 0 creates a new one
 *
 * Returns: the volunteer's id, or 0 with @error set (domain
 *   %SHOUHU_VOLUNTEER_FIELD_ERROR for a field that breaks a rule)
 */
gint64
shouhu_annex2_save_volunteer (ShouhuStore            *store,
                              const ShouhuVolunteer  *volunteer,
                              GError                **error)
{
  g_autoptr(ShouhuVolunteer) v = shouhu_volunteer_copy (volunteer);
  g_autoptr(ShouhuVolunteer) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_volunteer_validate (v, error))
    return 0;
  if (v->id != 0 && (old = shouhu_annex2_get_volunteer (store, v->id, error)) == NULL)
    return 0;

  if (!shouhu_store_begin (store, error))
    return 0;

  if (old == NULL)
    {
      v->id = shouhu_annex2_next_id (store, "volunteer", error);
      if (v->id == 0 ||
          !shouhu_annex2_add_history (store, at, "volunteer", v->id, "create", NULL, NULL, v->name, error))
        goto fail;
      for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
        {
          const char *value = shouhu_volunteer_get_field (v, f);

          if (value != NULL && *value != '\0' &&
              !shouhu_annex2_add_history (store, at, "volunteer", v->id, "create", shouhu_volunteer_form_column (f)->key,
                                          NULL, value, error))
            goto fail;
        }
      stmt = shouhu_store_prepare (store,
                                   "INSERT INTO volunteer (name, phone, district_id, town, village, note, "
                                   "created, changed, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
    }
  else
    {
      for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
        {
          const char *before = shouhu_volunteer_get_field (old, f);
          const char *after = shouhu_volunteer_get_field (v, f);

          if (strcmp (before, after) != 0 &&
              !shouhu_annex2_add_history (store, at, "volunteer", v->id, "edit", shouhu_volunteer_form_column (f)->key,
                                          before, after, error))
            goto fail;
        }
      stmt = shouhu_store_prepare (store,
                                   "UPDATE volunteer SET name = ?, phone = ?, district_id = ?, town = ?, "
                                   "village = ?, note = ?, created = coalesce (?, created), changed = ? "
                                   "WHERE id = ?", error);
    }
  if (stmt == NULL)
    goto fail;

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
  if (!shouhu_store_run_statement (store, stmt, error) ||
      !shouhu_store_commit (store, error))
    goto fail;

  shouhu_store_emit_changed (store, "annex2");
  return v->id;

fail:
  shouhu_store_rollback (store);
  return 0;
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
 * @near_district_id: volunteers of this district come first (就近就便);
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

  stmt = shouhu_store_prepare (store,
                               "SELECT " VOLUNTEER_COLUMNS " FROM volunteer "
                               "WHERE ?1 = '' OR name LIKE ?2 ESCAPE '\\' OR phone LIKE ?2 ESCAPE '\\' "
                               "   OR town LIKE ?2 ESCAPE '\\' OR village LIKE ?2 ESCAPE '\\' "
                               "ORDER BY coalesce (district_id = ?3, 0) DESC, name, id LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, near_district_id);
  sqlite3_bind_int (stmt, 4, (int) MIN (limit, G_MAXINT));
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
                               "SELECT v.id, v.name, v.phone, v.district_id, v.town, v.village, v.note, "
                               "v.created, v.changed FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id "
                               "WHERE p.worker_id = ? ORDER BY p.created, v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  return volunteers_from_rows (store, stmt, error);
}

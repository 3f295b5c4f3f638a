/* shouhu-pairing-store.c — "1+N" in the store: a family's needs with
 * history, pairings with a role, the worklist (待结对) and unmet needs,
 * and applying a district's proposal in one transaction that can be
 * undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-pairing-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* ---- A family's needs ---------------------------------------------------- */

gboolean
shouhu_annex2_store_needs (ShouhuStore  *store,
                           gint64        worker_id,
                           const char   *action,
                           int           old_needs,
                           int           new_needs,
                           const char   *at,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (new_needs == SHOUHU_WORKER_NEEDS_UNKNOWN || new_needs == old_needs)
    return TRUE;
  if (new_needs < 0 || (new_needs & ~SHOUHU_FAMILY_NEED_ALL) != 0)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID,
                   _("Family Needs holds an unknown need: choose among the listed ones"));
      return FALSE;
    }
  before = shouhu_family_needs_text (old_needs > 0 ? (guint) old_needs : 0);
  after = shouhu_family_needs_text ((guint) new_needs);
  if (!shouhu_annex2_add_history (store, at, "worker", worker_id, action, "needs",
                                  *before != '\0' ? before : NULL, *after != '\0' ? after : NULL, error))
    return FALSE;
  stmt = shouhu_store_prepare (store, "UPDATE worker SET needs = ?, changed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, new_needs);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, worker_id);
  return shouhu_store_run_statement (store, stmt, error);
}

static gboolean
not_found (GError    **error,
           const char *what)
{
  g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_NOT_FOUND, "%s", what);
  return FALSE;
}

/* The worker's needs and name; FALSE with NOT_FOUND when it is gone. */
static gboolean
read_worker (ShouhuStore  *store,
             gint64        worker_id,
             guint        *needs,
             char        **name,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  stmt = shouhu_store_prepare (store, "SELECT needs, name FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (!found)
    return not_found (error, _("The worker record is no longer there: it was deleted"));
  if (needs != NULL)
    *needs = (guint) sqlite3_column_int (stmt, 0);
  if (name != NULL)
    *name = shouhu_annex2_column_dup (stmt, 1);
  return TRUE;
}

gboolean
shouhu_pairing_get_needs (ShouhuStore  *store,
                          gint64        worker_id,
                          guint        *needs,
                          GError      **error)
{
  *needs = 0;
  return read_worker (store, worker_id, needs, NULL, error);
}

gboolean
shouhu_pairing_set_needs (ShouhuStore  *store,
                          gint64        worker_id,
                          guint         needs,
                          GError      **error)
{
  g_autofree char *at = shouhu_annex2_now ();
  guint old;

  if ((needs & ~(guint) SHOUHU_FAMILY_NEED_ALL) != 0)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID,
                   _("Family Needs holds an unknown need: choose among the listed ones"));
      return FALSE;
    }
  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!read_worker (store, worker_id, &old, NULL, error) ||
      !shouhu_annex2_store_needs (store, worker_id, "edit", (int) old, (int) needs, at, error) ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }
  if (old != needs)
    shouhu_store_emit_changed (store, "annex2");
  return TRUE;
}

/* ---- Pairings with a role ------------------------------------------------ */

void
shouhu_guardian_free (ShouhuGuardian *guardian)
{
  if (guardian == NULL)
    return;
  g_free (guardian->name);
  g_free (guardian);
}

static const char *
day_or_today (const char *day,
              char      **today)
{
  if (day != NULL)
    return day;
  *today = shouhu_volunteer_today ();
  return *today;
}

GPtrArray *
shouhu_pairing_list (ShouhuStore  *store,
                     gint64        worker_id,
                     const char   *day,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_guardian_free);
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *today = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT v.id, v.name, p.role, %s FROM pairing p "
                                          "JOIN volunteer v ON v.id = p.volunteer_id "
                                          "WHERE p.worker_id = :worker ORDER BY p.role, v.id", ready);
  int rc;

  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":worker"), worker_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), day_or_today (day, &today), -1,
                     SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuGuardian *g = g_new0 (ShouhuGuardian, 1);

      g->volunteer_id = sqlite3_column_int64 (stmt, 0);
      g->name = shouhu_annex2_column_dup (stmt, 1);
      g->role = (guint) sqlite3_column_int (stmt, 2);
      g->ready = sqlite3_column_int (stmt, 3) != 0;
      g_ptr_array_add (list, g);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The pairing's role; *exists FALSE when there is none. */
static gboolean
read_role (ShouhuStore  *store,
           gint64        worker_id,
           gint64        volunteer_id,
           gboolean     *exists,
           guint        *role,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  *role = SHOUHU_PAIRING_BASIC;
  stmt = shouhu_store_prepare (store, "SELECT role FROM pairing WHERE worker_id = ? AND volunteer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  sqlite3_bind_int64 (stmt, 2, volunteer_id);
  if (!shouhu_store_step_row (store, stmt, exists, error))
    return FALSE;
  if (*exists)
    *role = (guint) sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
write_role (ShouhuStore  *store,
            gint64        worker_id,
            gint64        volunteer_id,
            guint         old_role,
            guint         role,
            const char   *at,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (old_role == role)
    return TRUE;
  stmt = shouhu_store_prepare (store, "UPDATE pairing SET role = ? WHERE worker_id = ? AND volunteer_id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, (int) role);
  sqlite3_bind_int64 (stmt, 2, worker_id);
  sqlite3_bind_int64 (stmt, 3, volunteer_id);
  if (!shouhu_store_run_statement (store, stmt, error))
    return FALSE;
  return shouhu_annex2_add_history (store, at, "worker", worker_id, "edit", "role",
                                    shouhu_pairing_role_name (old_role), shouhu_pairing_role_name (role), error);
}

/* Pairs in @role inside the caller's transaction; tells what was there. */
static gboolean
pair_with_role (ShouhuStore  *store,
                gint64        worker_id,
                gint64        volunteer_id,
                guint         role,
                const char   *at,
                gboolean     *existed,
                guint        *old_role,
                GError      **error)
{
  if (!shouhu_pairing_role_is_valid (role))
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_INVALID,
                   _("A pairing is 保底 or for one of the family's needs: choose one"));
      return FALSE;
    }
  if (!read_role (store, worker_id, volunteer_id, existed, old_role, error))
    return FALSE;
  if (!*existed && !shouhu_annex2_pair_in_transaction (store, worker_id, volunteer_id, TRUE, at, error))
    return FALSE;
  return write_role (store, worker_id, volunteer_id, *existed ? *old_role : SHOUHU_PAIRING_BASIC, role, at,
                     error);
}

/**
 * shouhu_pairing_pair:
 * @role: %SHOUHU_PAIRING_BASIC or one ShouhuFamilyNeed
 */
gboolean
shouhu_pairing_pair (ShouhuStore  *store,
                     gint64        worker_id,
                     gint64        volunteer_id,
                     guint         role,
                     GError      **error)
{
  g_autofree char *at = shouhu_annex2_now ();
  gboolean existed;
  guint old_role;

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!pair_with_role (store, worker_id, volunteer_id, role, at, &existed, &old_role, error) ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;
}

/* ---- The worklist and unmet needs ---------------------------------------- */

void
shouhu_worklist_item_free (ShouhuWorklistItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->hospital);
  g_free (item->home_address);
  g_free (item->created);
  g_free (item->last_contact);
  g_free (item);
}

/* 支援湖北 first, then the longest waiting, then the record's number. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const ShouhuWorklistItem *x = *(ShouhuWorklistItem *const *) a;
  const ShouhuWorklistItem *y = *(ShouhuWorklistItem *const *) b;
  int c;

  if (x->hubei != y->hubei)
    return x->hubei ? -1 : 1;
  if ((c = strcmp (x->created, y->created)) != 0)
    return c;
  return x->worker_id < y->worker_id ? -1 : x->worker_id > y->worker_id;
}

/* The families of the district with what they have on @day; roles are
 * distinct powers of two, so the sum of distinct ready roles is their
 * union. */
GPtrArray *
shouhu_pairing_load_families (ShouhuStore  *store,
                              int           district_id,
                              const char   *day,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_worklist_item_free);
  g_autofree char *ready = shouhu_volunteer_ready_sql ("v");
  g_autofree char *today = NULL;
  g_autofree char *sql = NULL;
  int rc;

  if (district_id < 0 || district_id > SHOUHU_N_DISTRICTS)
    {
      g_set_error (error, SHOUHU_PAIRING_ERROR, SHOUHU_PAIRING_ERROR_DISTRICT,
                   _("There is no district number %d"), district_id);
      return NULL;
    }
  sql = g_strdup_printf ("SELECT w.id, w.district_id, w.name, w.hospital, w.home_address, w.created, "
                         "       w.work_place, w.note, w.needs, "
                         "       coalesce (sum (p.role = 0 AND (%s)), 0), "
                         "       coalesce (sum (p.role = 0 AND NOT (%s)), 0), "
                         "       coalesce ((SELECT sum (DISTINCT q.role) FROM pairing q "
                         "                   JOIN volunteer v ON v.id = q.volunteer_id "
                         "                  WHERE q.worker_id = w.id AND q.role <> 0 AND (%s)), 0), "
                         "       (SELECT max (s.day) FROM service s WHERE s.worker_id = w.id) "
                         "  FROM worker w "
                         "  LEFT JOIN pairing p ON p.worker_id = w.id "
                         "  LEFT JOIN volunteer v ON v.id = p.volunteer_id "
                         " WHERE :district = 0 OR w.district_id = :district "
                         " GROUP BY w.id", ready, ready, ready);
  stmt = shouhu_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_index (stmt, ":district"), district_id);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":day"), day_or_today (day, &today), -1,
                     SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuWorklistItem *item = g_new0 (ShouhuWorklistItem, 1);

      item->worker_id = sqlite3_column_int64 (stmt, 0);
      item->district_id = sqlite3_column_int (stmt, 1);
      item->name = shouhu_annex2_column_dup (stmt, 2);
      item->hospital = shouhu_annex2_column_dup (stmt, 3);
      item->home_address = shouhu_annex2_column_dup (stmt, 4);
      item->created = shouhu_annex2_column_dup (stmt, 5);
      item->hubei = shouhu_pairing_worker_is_hubei ((const char *) sqlite3_column_text (stmt, 6),
                                                    (const char *) sqlite3_column_text (stmt, 7));
      item->needs = (guint) sqlite3_column_int (stmt, 8);
      item->guarded = sqlite3_column_int (stmt, 9) > 0;
      item->basic_waiting = (guint) sqlite3_column_int (stmt, 10);
      item->unmet = item->needs & ~(guint) sqlite3_column_int (stmt, 11);
      item->last_contact = g_strdup ((const char *) sqlite3_column_text (stmt, 12));
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  g_ptr_array_sort (items, compare_items);
  return g_steal_pointer (&items);
}

static GPtrArray *
filter_families (ShouhuStore  *store,
                 int           district_id,
                 const char   *day,
                 gboolean      unguarded,
                 GError      **error)
{
  g_autoptr(GPtrArray) all = shouhu_pairing_load_families (store, district_id, day, error);
  GPtrArray *kept;

  if (all == NULL)
    return NULL;
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_worklist_item_free);
  for (guint i = 0; i < all->len; i++)
    {
      ShouhuWorklistItem *item = g_ptr_array_index (all, i);

      if (unguarded ? !item->guarded : item->unmet != 0)
        g_ptr_array_add (kept, g_ptr_array_steal_index (all, i--));
    }
  return kept;
}

GPtrArray *
shouhu_pairing_worklist (ShouhuStore  *store,
                         int           district_id,
                         const char   *day,
                         GError      **error)
{
  return filter_families (store, district_id, day, TRUE, error);
}

GPtrArray *
shouhu_pairing_unmet_needs (ShouhuStore  *store,
                            int           district_id,
                            const char   *day,
                            GError      **error)
{
  return filter_families (store, district_id, day, FALSE, error);
}

/* ---- Applying a proposal, and undoing it ----------------------------------- */

typedef struct
{
  gint64   worker_id;
  gint64   volunteer_id;
  guint    role;
  gboolean existed;    /* the pair was there before */
  guint    old_role;   /* its role then */
} BatchEntry;

struct _ShouhuPairingBatch
{
  GArray *entries;     /* BatchEntry, in the order applied */
};

void
shouhu_pairing_batch_free (ShouhuPairingBatch *batch)
{
  if (batch == NULL)
    return;
  g_array_unref (batch->entries);
  g_free (batch);
}

guint
shouhu_pairing_batch_get_n_pairs (const ShouhuPairingBatch *batch)
{
  return batch->entries->len;
}

ShouhuPairingBatch *
shouhu_pairing_apply (ShouhuStore      *store,
                      const GPtrArray  *proposals,
                      GError          **error)
{
  g_autofree char *at = shouhu_annex2_now ();
  g_autoptr(ShouhuPairingBatch) batch = g_new0 (ShouhuPairingBatch, 1);

  batch->entries = g_array_new (FALSE, FALSE, sizeof (BatchEntry));
  if (!shouhu_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < proposals->len; i++)
    {
      const ShouhuProposal *p = g_ptr_array_index ((GPtrArray *) proposals, i);
      BatchEntry e = { p->worker_id, p->volunteer_id, p->role, FALSE, SHOUHU_PAIRING_BASIC };

      if (!pair_with_role (store, p->worker_id, p->volunteer_id, p->role, at, &e.existed, &e.old_role, error))
        goto fail;
      g_array_append_val (batch->entries, e);
    }
  if (!shouhu_store_commit (store, error))
    goto fail;
  if (proposals->len > 0)
    shouhu_store_emit_changed (store, "annex2");
  return g_steal_pointer (&batch);

fail:
  shouhu_store_rollback (store);
  return NULL;
}

gboolean
shouhu_pairing_undo (ShouhuStore               *store,
                     const ShouhuPairingBatch  *batch,
                     GError                   **error)
{
  g_autofree char *at = shouhu_annex2_now ();

  if (!shouhu_store_begin (store, error))
    return FALSE;
  for (guint i = batch->entries->len; i-- > 0;)
    {
      const BatchEntry *e = &g_array_index (batch->entries, BatchEntry, i);
      gboolean exists;
      guint role;

      if (!read_role (store, e->worker_id, e->volunteer_id, &exists, &role, error))
        goto fail;
      if (!exists)
        continue;   /* removed since: nothing left to undo */
      if (!e->existed)
        {
          if (!shouhu_annex2_pair_in_transaction (store, e->worker_id, e->volunteer_id, FALSE, at, error))
            goto fail;
        }
      else if (!write_role (store, e->worker_id, e->volunteer_id, role, e->old_role, at, error))
        goto fail;
    }
  if (!shouhu_store_commit (store, error))
    goto fail;
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

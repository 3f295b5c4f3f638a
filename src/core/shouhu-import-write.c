/* shouhu-import-write.c — Annex 2 import: writing what the preview showed
 *
 * One transaction: unless nothing was written to the database since the
 * preview the user saw, the preview runs again inside it, and when its
 * verdict on any row differs (another program added a person meanwhile,
 * a record was deleted), nothing is written and the rows are named.
 * Nothing is ever dropped silently.
 *
 * The import is one event (shouhu-import-event.h): the records it
 * creates point to it and get no history rows of their own; the fields
 * it changes get one history row each, pointing to it too.  New
 * volunteers, workers and pairings go in many at a time
 * (shouhu-insert-batch.h), volunteers are found through an index in
 * memory, so that 100,000 rows go in at the speed of SQLite's inserts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-annex2-private.h"
#include "shouhu-import-event.h"
#include "shouhu-insert-batch.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
/* PRId64 in translated strings: xgettext knows it, not G_GINT64_FORMAT */
#include <inttypes.h>
#include <string.h>

/* Rows named in a message saying why nothing was written. */
#define MAX_ROWS_NAMED 20

/* The rows of the batches, each first with the row of the file it comes
 * from (row_failed ()). */
typedef struct
{
  const ShouhuAnnex2ImportChange *change;
  ShouhuWorker                   *worker;   /* with its id and times while in the batch */
} NewWorker;

typedef struct
{
  const ShouhuAnnex2ImportChange *change;
  gint64                          id;
  char                           *name;
  char                           *phone;
  int                             district_id;
} NewVolunteer;

typedef struct
{
  const ShouhuAnnex2ImportChange *change;
  gint64                          worker_id;
  gint64                          volunteer_id;
} NewPairing;

typedef struct
{
  ShouhuStore  *store;
  char         *at;
  gint64        event_id;
  gint64        next_worker;
  gint64        next_volunteer;
  /* Parents first: a pairing goes in after its worker and volunteers. */
  ShouhuInsertBatch *volunteers;
  ShouhuInsertBatch *workers;
  ShouhuInsertBatch *pairings;
  GHashTable   *by_name_phone;     /* "姓名\x1f电话" → volunteer id */
  GHashTable   *by_name_district;  /* "姓名\x1f区县" → volunteer id, one without a phone first */
  GHashTable   *has_phone;         /* volunteer id (of by_name_district) → whether it has a phone */
  GPtrArray    *deferred_indexes;  /* char *: the CREATE INDEX of each index dropped until the end */
} Writer;

static void
writer_clear (Writer *w)
{
  g_clear_pointer (&w->at, g_free);
  g_clear_pointer (&w->pairings, shouhu_insert_batch_free);
  g_clear_pointer (&w->workers, shouhu_insert_batch_free);
  g_clear_pointer (&w->volunteers, shouhu_insert_batch_free);
  g_clear_pointer (&w->by_name_phone, g_hash_table_unref);
  g_clear_pointer (&w->by_name_district, g_hash_table_unref);
  g_clear_pointer (&w->has_phone, g_hash_table_unref);
  g_clear_pointer (&w->deferred_indexes, g_ptr_array_unref);
}

/* Tables the import fills, and whose indexes it may build at its end. */
static const char *const filled_tables[] = { "worker", "volunteer", "pairing" };

/* A table the import fills from empty gets its secondary indexes at the
 * end, in the same transaction: SQLite builds an index from sorted keys
 * in one pass, where inserting the rows one by one into it walks the
 * index at random for each.  Nothing done before the end reads those
 * indexes (volunteers are found in memory, pairings by their key,
 * foreign keys by the parents' ids).  Unique indexes stay: they judge
 * each row as it goes in.  Should the import be killed, the transaction
 * never happened: the indexes are as they were. */
static gboolean
defer_indexes (Writer  *w,
               GError **error)
{
  w->deferred_indexes = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < G_N_ELEMENTS (filled_tables); t++)
    {
      g_autofree char *empty_sql = g_strdup_printf ("SELECT NOT EXISTS (SELECT 1 FROM %s)", filled_tables[t]);
      g_autoptr(sqlite3_stmt) empty = shouhu_store_prepare (w->store, empty_sql, error);
      g_autoptr(sqlite3_stmt) indexes = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      gboolean found;
      int rc;

      if (empty == NULL || !shouhu_store_step_row (w->store, empty, &found, error))
        return FALSE;
      if (!found || sqlite3_column_int (empty, 0) == 0)
        continue;
      /* No statement may be running while an index is dropped. */
      g_clear_pointer (&empty, sqlite3_finalize);
      indexes = shouhu_store_prepare (w->store, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                                                "AND tbl_name = ? AND sql IS NOT NULL "
                                                "AND sql NOT LIKE 'CREATE UNIQUE %'", error);
      if (indexes == NULL)
        return FALSE;
      sqlite3_bind_text (indexes, 1, filled_tables[t], -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (indexes)) == SQLITE_ROW)
        {
          g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (indexes, 0)));
          g_ptr_array_add (w->deferred_indexes, g_strdup ((const char *) sqlite3_column_text (indexes, 1)));
        }
      if (rc != SQLITE_DONE)
        {
          shouhu_store_set_error (w->store, error);
          return FALSE;
        }
      g_clear_pointer (&indexes, sqlite3_finalize);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (const char *) g_ptr_array_index (names, i));

          if (!shouhu_store_exec (w->store, drop, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
build_deferred_indexes (Writer  *w,
                        GError **error)
{
  for (guint i = 0; i < w->deferred_indexes->len; i++)
    if (!shouhu_store_exec (w->store, g_ptr_array_index (w->deferred_indexes, i), error))
      return FALSE;
  return TRUE;
}

static void
index_volunteer (Writer     *w,
                 gint64      id,
                 const char *name,
                 const char *phone,
                 int         district_id)
{
  char *key = g_strconcat (name, "\x1f", phone, NULL);
  char district_text[16];
  char *district_key;
  gpointer old_id;

  g_snprintf (district_text, sizeof district_text, "%d", district_id);
  district_key = g_strconcat (name, "\x1f", district_text, NULL);

  if (!g_hash_table_contains (w->by_name_phone, key))
    g_hash_table_insert (w->by_name_phone, key, g_memdup2 (&id, sizeof id));
  else
    g_free (key);
  /* Without a phone, a volunteer of that name in the district: one
   * without a phone first (就近就便). */
  if (g_hash_table_lookup_extended (w->by_name_district, district_key, NULL, &old_id) &&
      !(*phone == '\0' && GPOINTER_TO_INT (g_hash_table_lookup (w->has_phone, old_id))))
    {
      g_free (district_key);
      return;
    }
  g_hash_table_insert (w->by_name_district, district_key, g_memdup2 (&id, sizeof id));
  g_hash_table_insert (w->has_phone, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (*phone != '\0'));
}

/* ---- The batches' rows ---- */

static void
name_row (const ShouhuAnnex2ImportChange  *change,
          GError                         **error)
{
  g_prefix_error (error, _("Nothing was imported: sheet “%s”, row %u could not be written: "),
                  change->row->sheet, change->row->row);
}

static int
bind_worker (sqlite3_stmt *stmt,
             int           first,
             gpointer      row,
             gpointer      user_data)
{
  const Writer *w = user_data;
  int param = shouhu_annex2_bind_worker (stmt, first, ((NewWorker *) row)->worker);

  sqlite3_bind_int64 (stmt, param, w->event_id);
  return param + 1;
}

/* The worker belongs to the import's row: its id and times go back. */
static void
clear_worker (gpointer row,
              gpointer user_data)
{
  ShouhuWorker *worker = ((NewWorker *) row)->worker;

  worker->id = 0;
  worker->created = worker->changed = NULL;
}

/* Any row of the batches: each starts with the row of the file it
 * comes from. */
static void
row_failed (gpointer   row,
            GError   **error,
            gpointer   user_data)
{
  name_row (*(const ShouhuAnnex2ImportChange **) row, error);
}

static int
bind_volunteer (sqlite3_stmt *stmt,
                int           first,
                gpointer      row,
                gpointer      user_data)
{
  const Writer *w = user_data;
  const NewVolunteer *v = row;

  sqlite3_bind_int64 (stmt, first, v->id);
  sqlite3_bind_text (stmt, first + 1, v->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, v->phone, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, first + 3, v->district_id);
  sqlite3_bind_text (stmt, first + 4, w->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 5, w->at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 6, w->event_id);
  return first + 7;
}

static void
clear_volunteer (gpointer row,
                 gpointer user_data)
{
  NewVolunteer *v = row;

  g_free (v->name);
  g_free (v->phone);
}

static int
bind_pairing (sqlite3_stmt *stmt,
              int           first,
              gpointer      row,
              gpointer      user_data)
{
  const Writer *w = user_data;
  const NewPairing *p = row;

  sqlite3_bind_int64 (stmt, first, p->worker_id);
  sqlite3_bind_int64 (stmt, first + 1, p->volunteer_id);
  sqlite3_bind_text (stmt, first + 2, w->at, -1, SQLITE_STATIC);
  return first + 3;
}

/* Everything gathered goes in, parents first: before a row is updated,
 * its needs stored or a record removed, and at the end. */
static gboolean
flush_all (Writer  *w,
           GError **error)
{
  return shouhu_insert_batch_flush (w->volunteers, error) &&
         shouhu_insert_batch_flush (w->workers, error) &&
         shouhu_insert_batch_flush (w->pairings, error);
}

static gboolean
writer_init (Writer       *w,
             ShouhuStore  *store,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *worker_values = NULL;
  g_autofree char *insert_worker = shouhu_annex2_insert_worker_sql (&worker_values);
  int rc;

  w->store = store;
  w->at = shouhu_annex2_now ();
  w->by_name_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->by_name_district = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w->has_phone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  w->workers = shouhu_insert_batch_new (store, insert_worker, worker_values, sizeof (NewWorker),
                                        bind_worker, clear_worker, row_failed, w);
  w->volunteers = shouhu_insert_batch_new (store, "INSERT INTO volunteer (id, name, phone, district_id, created, "
                                                  "changed, import_id) VALUES", "(?, ?, ?, ?, ?, ?, ?)",
                                           sizeof (NewVolunteer), bind_volunteer, clear_volunteer,
                                           row_failed, w);
  w->pairings = shouhu_insert_batch_new (store, "INSERT OR IGNORE INTO pairing (worker_id, volunteer_id, created) "
                                                "VALUES", "(?, ?, ?)", sizeof (NewPairing), bind_pairing, NULL,
                                         row_failed, w);
  if ((w->next_worker = shouhu_annex2_next_id (store, "worker", error)) == 0 ||
      (w->next_volunteer = shouhu_annex2_next_id (store, "volunteer", error)) == 0 ||
      (stmt = shouhu_store_prepare (store, "SELECT id, name, phone, coalesce (district_id, 0) FROM volunteer "
                                           "ORDER BY id", error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    index_volunteer (w, sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                     (const char *) sqlite3_column_text (stmt, 2), sqlite3_column_int (stmt, 3));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

/* The volunteer's id: found (same name and phone; without a phone, one
 * of that name in the district), or created by the import. */
static gint64
volunteer_id (Writer                          *w,
              const ShouhuAnnex2ImportChange  *change,
              const char                      *volunteer,
              int                              district_id,
              GError                         **error)
{
  const char *sep = strchr (volunteer, '\x1f');
  g_autofree char *name = g_strndup (volunteer, (gsize) (sep - volunteer));
  const char *phone = sep + 1;
  g_autofree char *key = *phone != '\0' ? g_strdup (volunteer) : g_strdup_printf ("%s\x1f%d", name, district_id);
  gint64 *found = g_hash_table_lookup (*phone != '\0' ? w->by_name_phone : w->by_name_district, key);
  NewVolunteer *v;

  if (found != NULL)
    return *found;
  if (shouhu_insert_batch_full (w->volunteers) && !shouhu_insert_batch_flush (w->volunteers, error))
    return 0;
  v = shouhu_insert_batch_push (w->volunteers);
  v->change = change;
  v->id = w->next_volunteer++;
  v->phone = g_strdup (phone);
  v->district_id = district_id;
  index_volunteer (w, v->id, name, phone, district_id);
  v->name = g_steal_pointer (&name);
  return v->id;
}

/* The ids of a row's volunteers (ShouhuAnnex2ImportRow.volunteers). */
static GArray *
volunteer_ids (Writer                          *w,
               const ShouhuAnnex2ImportChange  *change,
               const char                      *volunteers,
               int                              district_id,
               GError                         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) list = NULL;

  if (volunteers == NULL || *volunteers == '\0')
    return g_steal_pointer (&ids);
  list = g_strsplit (volunteers, "\x1e", -1);
  for (guint i = 0; list[i] != NULL; i++)
    {
      gint64 id = volunteer_id (w, change, list[i], district_id, error);

      if (id == 0)
        return NULL;
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
write_new (Writer                          *w,
           const ShouhuAnnex2ImportChange  *change,
           GError                         **error)
{
  /* The row's worker, validated by the reader, with its id and times. */
  ShouhuWorker *worker = change->row->worker;
  gint64 id = w->next_worker++;
  g_autoptr(GArray) ids = NULL;
  NewWorker *row;

  if (shouhu_insert_batch_full (w->workers) && !shouhu_insert_batch_flush (w->workers, error))
    return FALSE;
  row = shouhu_insert_batch_push (w->workers);
  row->change = change;
  row->worker = worker;
  /* Until the batch goes in (clear_worker). */
  worker->id = id;
  worker->created = w->at;
  worker->changed = w->at;
  if ((ids = volunteer_ids (w, change, change->row->volunteers, worker->district_id, error)) == NULL)
    return FALSE;
  /* 需求, when the file gives them (the record is created with none). */
  if (worker->needs > 0)
    {
      if (!flush_all (w, error))
        return FALSE;
      if (!shouhu_annex2_store_needs (w->store, id, "create", 0, worker->needs, w->at, error))
        {
          name_row (change, error);
          return FALSE;
        }
    }
  for (guint i = 0; i < ids->len; i++)
    {
      NewPairing *p;

      if (shouhu_insert_batch_full (w->pairings) && !flush_all (w, error))
        return FALSE;
      p = shouhu_insert_batch_push (w->pairings);
      p->change = change;
      p->worker_id = id;
      p->volunteer_id = g_array_index (ids, gint64, i);
    }
  return TRUE;
}

/* The stored record with the fields of the form's columns replaced:
 * what the form lacks keeps its stored value. */
static gboolean
write_update (Writer                          *w,
              const ShouhuAnnex2ImportChange  *change,
              GError                         **error)
{
  g_autoptr(ShouhuWorker) stored = NULL;
  g_autoptr(ShouhuWorker) row = NULL;
  g_autoptr(GArray) ids = NULL;

  /* The volunteers it may be paired with are there before it. */
  if (!flush_all (w, error))
    return FALSE;
  stored = shouhu_annex2_get_worker (w->store, change->worker_id, error);
  if (stored == NULL)
    {
      name_row (change, error);
      return FALSE;
    }
  row = shouhu_worker_copy (change->row->worker);
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_is_text (f) && (change->row->present & (1u << f)))
      shouhu_worker_set_field (stored, f, shouhu_worker_get_field (row, f));
  if (row->needs != SHOUHU_WORKER_NEEDS_UNKNOWN)
    stored->needs = row->needs;
  if (!shouhu_annex2_update_worker (w->store, stored, w->at, error))
    {
      name_row (change, error);
      return FALSE;
    }
  if (change->row->volunteers == NULL)
    return TRUE;
  /* New volunteers go in before the pairings that name them. */
  if ((ids = volunteer_ids (w, change, change->row->volunteers, stored->district_id, error)) == NULL ||
      !shouhu_insert_batch_flush (w->volunteers, error))
    return FALSE;
  if (!shouhu_annex2_set_pairings (w->store, stored->id, (const gint64 *) (gpointer) ids->data, ids->len,
                                   w->at, error))
    {
      name_row (change, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_form (ShouhuStore                   *store,
            const ShouhuAnnex2ImportForm  *form,
            GError                       **error)
{
  g_autofree char *reporter = NULL, *phone = NULL, *clean = NULL;
  g_autofree char *given_reporter = g_strstrip (g_strdup (form->reporter));

  if (!shouhu_annex2_get_district_form (store, form->district_id, &reporter, &phone, error))
    return FALSE;
  /* What the file leaves empty keeps what was stored. */
  if (shouhu_validate_phone ("", form->phone, &clean, NULL) && *clean != '\0')
    {
      g_free (phone);
      phone = g_steal_pointer (&clean);
    }
  if (*given_reporter != '\0')
    {
      g_free (reporter);
      reporter = g_steal_pointer (&given_reporter);
    }
  return shouhu_annex2_set_district_form (store, form->district_id, reporter, phone, error);
}

/* @n in decimal after @out's text: a city's verdicts make half a
 * million numbers, which printf would make slowly. */
static void
append_number (GString *out,
               gint64   n)
{
  char digits[24];
  int i = sizeof digits;
  guint64 u = n < 0 ? -(guint64) n : (guint64) n;

  do
    digits[--i] = (char) ('0' + u % 10);
  while ((u /= 10) > 0);
  if (n < 0)
    digits[--i] = '-';
  g_string_append_len (out, digits + i, (gssize) sizeof digits - i);
}

/* What the preview decided, row by row, in a form two previews can be
 * compared in: "sheet\x1frow" → the verdict; "missing\x1fid" for the
 * records it would remove. */
static GHashTable *
verdicts (ShouhuAnnex2Import *import)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GString) v = g_string_new (NULL);
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *c = g_ptr_array_index (import->changes, i);

      g_string_truncate (v, 0);
      g_string_truncate (key, 0);
      append_number (v, c->action);
      g_string_append_c (v, '\x1f');
      append_number (v, c->worker_id);
      g_string_append_c (v, '\x1f');
      append_number (v, c->probable_id);
      for (guint f = 0; f < c->fields->len; f++)
        {
          const ShouhuImportFieldChange *fc = g_ptr_array_index (c->fields, f);

          g_string_append_c (v, '\x1f');
          append_number (v, fc->field);
          g_string_append_c (v, '\x1e');
          /* as printf's %s wrote them */
          g_string_append (v, fc->old_value != NULL ? fc->old_value : "(null)");
          g_string_append_c (v, '\x1e');
          g_string_append (v, fc->new_value != NULL ? fc->new_value : "(null)");
        }
      g_string_append (key, c->row->sheet);
      g_string_append_c (key, '\x1f');
      append_number (key, c->row->row);
      /* Copies of their size: two previews' verdicts are held at once. */
      g_hash_table_insert (out, g_strndup (key->str, key->len), g_strndup (v->str, v->len));
    }
  for (guint i = 0; i < import->rejected->len; i++)
    {
      const ShouhuImportRejection *r = g_ptr_array_index (import->rejected, i);

      g_hash_table_insert (out, g_strdup_printf ("%s\x1f%u", r->sheet, r->row), g_strdup ("rejected"));
    }
  for (guint i = 0; import->remove_missing && i < import->missing->len; i++)
    g_hash_table_insert (out, g_strdup_printf ("missing\x1f%" G_GINT64_FORMAT,
                                               ((ShouhuAnnex2ImportMissing *) g_ptr_array_index (import->missing, i))->worker_id),
                         g_strdup (""));
  return out;
}

/**
 * shouhu_import_annex2_check_preview:
 * @before: verdicts() of the preview the user saw
 * @n_rejected_before: how many rows it rejected
 * @decided_since: the database is as the preview saw it, but decisions
 *   about likely duplicates changed since (the message says so)
 *
 * Whether the write may go on: every row it writes is written as the
 * preview showed it, none of them is rejected now, and no record it
 * removes was kept in the preview.  A row that now finds its record
 * already stored as the file has it writes nothing, and is no change.
 *
 * Returns: %FALSE with @error naming the rows that differ
 */
gboolean
shouhu_import_annex2_check_preview (ShouhuAnnex2Import  *import,
                                    GHashTable          *before,
                                    guint                n_rejected_before,
                                    gboolean             decided_since,
                                    GError             **error)
{
  g_autoptr(GHashTable) after = verdicts (import);
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autofree char *unchanged = g_strdup_printf ("%d\x1f", SHOUHU_IMPORT_UNCHANGED);
  GHashTableIter iter;
  gpointer key, value;
  guint n_differ = 0;

  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *was = g_hash_table_lookup (before, key);
      g_auto(GStrv) parts = NULL;

      if (g_strcmp0 (was, value) == 0 || g_str_has_prefix (value, unchanged))
        continue;
      if (n_differ++ >= MAX_ROWS_NAMED)
        continue;
      parts = g_strsplit (key, "\x1f", 2);
      if (strcmp (parts[0], "missing") == 0)
        g_string_append_printf (rows, _("\n  record %s would be removed, though the preview kept it"), parts[1]);
      else if (strcmp (value, "rejected") == 0)
        g_string_append_printf (rows, _("\n  sheet “%s”, row %s is rejected now"), parts[0], parts[1]);
      else
        g_string_append_printf (rows, _("\n  sheet “%s”, row %s would change other records or fields"),
                                parts[0], parts[1]);
    }
  if (import->n_rejected > n_rejected_before && n_differ == 0)
    n_differ++;
  if (n_differ == 0)
    return TRUE;
  if (decided_since)
    {
      g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_CHANGED,
                   _("Nothing was imported from %s: decisions about likely duplicates changed after the "
                     "preview was made, so these rows would not be imported as shown:%s\n"
                     "Look at the preview again and import once more."),
                   import->file_name, rows->len > 0 ? rows->str : _("\n  more rows are rejected now"));
      return FALSE;
    }
  g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_CHANGED,
               _("Nothing was imported from %s: the records changed after the preview (another window or "
                 "program wrote to the database), so these rows would not be imported as shown:%s\n"
                 "Look at the preview again and import once more."),
               import->file_name, rows->len > 0 ? rows->str : _("\n  more rows are rejected now"));
  return FALSE;
}

static gboolean
check_decided (ShouhuAnnex2Import  *import,
               GError             **error)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *c = g_ptr_array_index (import->changes, i);

      if (c->action == SHOUHU_IMPORT_UNDECIDED && n++ < MAX_ROWS_NAMED)
        g_string_append_printf (rows, _("\n  sheet “%s”, row %u: %s is probably record %" PRId64 " (%s)"),
                                c->row->sheet, c->row->row, c->row->worker->name, c->probable_id,
                                c->probable_reason);
    }
  if (n == 0)
    return TRUE;
  g_set_error (error, SHOUHU_IMPORT_ERROR, SHOUHU_IMPORT_ERROR_UNDECIDED,
               _("Nothing was imported from %s: %u rows are probably records already stored. Decide for each "
                 "whether it updates that record or is a new one:%s"),
               import->file_name, n, rows->str);
  return FALSE;
}

static gboolean
write_changes (Writer              *w,
               ShouhuAnnex2Import  *import,
               GError             **error)
{
  for (guint i = 0; i < import->forms->len; i++)
    if (!write_form (w->store, g_ptr_array_index (import->forms, i), error))
      return FALSE;
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *change = g_ptr_array_index (import->changes, i);
      gboolean ok = TRUE;

      /* A failure names its row (name_row ()). */
      if (change->action == SHOUHU_IMPORT_NEW)
        ok = write_new (w, change, error);
      else if (change->action == SHOUHU_IMPORT_UPDATE)
        ok = write_update (w, change, error);
      if (!ok)
        return FALSE;
    }
  if (!flush_all (w, error))
    return FALSE;
  import->n_removed = 0;
  for (guint i = 0; import->remove_missing && i < import->missing->len; i++)
    {
      const ShouhuAnnex2ImportMissing *m = g_ptr_array_index (import->missing, i);
      g_autoptr(ShouhuWorker) stored = shouhu_annex2_get_worker (w->store, m->worker_id, error);

      if (stored == NULL || !shouhu_annex2_delete_in_transaction (w->store, stored, w->at, error))
        return FALSE;
      import->n_removed++;
    }
  return TRUE;
}

/**
 * shouhu_import_annex2_write:
 *
 * Previews @import again inside one transaction and, when every row
 * comes out as the user saw it, writes it: the forms' 填报人 and 联系电话
 * where given, new records, the fields of updated ones that the form's
 * columns hold (an absent column keeps what is stored), their volunteers
 * and pairings, and (ShouhuAnnex2Import.remove_missing) the removal of
 * the missing records.  The import is recorded as one event
 * (ShouhuAnnex2Import.event_id).  Rejected rows are left out, as the
 * preview said; nothing is written when anything else fails, when a row
 * now differs from the preview, or when a likely duplicate is undecided.
 */
gboolean
shouhu_import_annex2_write (ShouhuStore         *store,
                            ShouhuAnnex2Import  *import,
                            GError             **error)
{
  g_autoptr(GHashTable) before = NULL;
  guint n_rejected_before = import->n_rejected;
  Writer w = { 0 };
  ShouhuImportEvent event = { 0 };
  gboolean holds = FALSE, decided_since = FALSE;

  /* A city's forms touch every page of the indexes: a cache that holds
   * them keeps SQLite from spilling half-written pages to disk. */
  if (!shouhu_store_exec (store, "PRAGMA cache_size = -16384", error))
    return FALSE;
  if (!shouhu_store_begin (store, error))
    goto restore;
  /* The preview again, inside the transaction, unless nothing was
   * written to the database and nothing decided since the last one: a
   * city's 100,000 rows would be matched, and their verdicts compared,
   * for nothing. */
  if (!shouhu_import_annex2_preview_holds (store, import, &holds, &decided_since, error))
    goto fail;
  if (!holds)
    {
      before = verdicts (import);
      if (!shouhu_import_annex2_preview (store, import, error) ||
          !shouhu_import_annex2_check_preview (import, before, n_rejected_before, decided_since, error))
        goto fail;
      /* A city's verdicts weigh megabytes: not kept through the write. */
      g_clear_pointer (&before, g_hash_table_unref);
    }
  if (!check_decided (import, error))
    goto fail;
  if (!writer_init (&w, store, error))
    goto fail;

  event.kind = "annex2";
  event.file_name = import->file_name;
  event.sha256 = import->sha256;
  event.at = w.at;
  event.n_new = import->n_new;
  event.n_updated = import->n_updated;
  event.n_unchanged = import->n_unchanged;
  event.n_removed = import->remove_missing ? import->missing->len : 0;
  event.n_rejected = import->n_rejected;
  if ((w.event_id = shouhu_import_event_add (store, &event, error)) == 0)
    goto fail;
  shouhu_store_set_import_event (store, w.event_id);
  if (!defer_indexes (&w, error) ||
      !write_changes (&w, import, error) ||
      !build_deferred_indexes (&w, error))
    goto fail;
  shouhu_store_set_import_event (store, 0);
  if (!shouhu_store_commit (store, error))
    goto fail;
  /* What it saw is no longer what the database holds. */
  shouhu_import_annex2_note_preview (NULL, import);
  import->event_id = w.event_id;
  writer_clear (&w);
  shouhu_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;

fail:
  shouhu_store_set_import_event (store, 0);
  shouhu_store_rollback (store);
  writer_clear (&w);
restore:
  shouhu_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  return FALSE;
}

/* shouhu-import-match.c — Annex 2 import: preview and write
 *
 * A row matches a stored record of the same district with the same 姓名
 * and 本人联系电话; it then updates that record instead of adding a
 * second one.  The preview says what the write will do; the write runs
 * the preview again inside its transaction, so that what it does is
 * decided on the data it changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-import-private.h"
#include "shouhu-annex2.h"
#include "shouhu-validate.h"
#include "shouhu-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

void
shouhu_import_change_free (gpointer data)
{
  ShouhuAnnex2ImportChange *c = data;

  g_free (c->changes);
  g_ptr_array_unref (c->volunteers);
  g_free (c);
}

/* Splits the 结对志愿者 cell ("张三 13812345678、李四") into volunteers
 * with a name and, when written, a phone in its stored form. */
static GPtrArray *
parse_volunteers (const char  *text,
                  char       **reason)
{
  static const char *const separators[] = { "，", ",", "；", ";", "\n", "／", "/" };
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  g_autofree char *joined = shouhu_validate_fold_digits (text);
  g_auto(GStrv) items = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) parts = g_strsplit (joined, separators[i], -1);

      g_free (joined);
      joined = g_strjoinv ("、", parts);
    }
  items = g_strsplit (joined, "、", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(ShouhuVolunteer) v = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *clean = NULL;
      char *item = g_strstrip (items[i]);
      const char *digit = item;

      if (*item == '\0')
        continue;
      while (*digit != '\0' && !g_ascii_isdigit (*digit) && *digit != '+')
        digit++;
      name = g_strndup (item, (gsize) (digit - item));
      phone = g_strdup (digit);
      /* "张三（13812345678）", "张三：13812345678" */
      for (const char *const *mark = (const char *const[]) { "（", "(", "：", ":", NULL }; *mark != NULL; mark++)
        if (g_str_has_suffix (g_strstrip (name), *mark))
          name[strlen (name) - strlen (*mark)] = '\0';
      for (const char *const *mark = (const char *const[]) { "）", ")", NULL }; *mark != NULL; mark++)
        if (g_str_has_suffix (g_strstrip (phone), *mark))
          phone[strlen (phone) - strlen (*mark)] = '\0';
      g_strstrip (name);

      v = shouhu_volunteer_new ();
      g_free (v->name);
      v->name = g_steal_pointer (&name);
      if (!shouhu_validate_phone ("", phone, &clean, &error) || *v->name == '\0')
        {
          *reason = g_strdup_printf (_("结对志愿者 “%s” must be written as a name and a phone number, "
                                       "such as 张三 13812345678, several separated by 、"), item);
          return NULL;
        }
      g_free (v->phone);
      v->phone = g_steal_pointer (&clean);
      g_ptr_array_add (found, g_steal_pointer (&v));
    }
  return g_steal_pointer (&found);
}

/* The stored records of the district with that 姓名 and 本人联系电话:
 * fills at most two ids, returns how many there are (0, 1 or 2). */
static int
find_matches (ShouhuStore         *store,
              const ShouhuWorker  *w,
              gint64               ids[2],
              GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int n = 0, rc;

  stmt = shouhu_store_prepare (store, "SELECT id FROM worker WHERE district_id = ? AND name = ? AND phone = ? "
                                      "ORDER BY id LIMIT 2", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int (stmt, 1, w->district_id);
  sqlite3_bind_text (stmt, 2, w->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, w->phone, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ids[n++] = sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return -1;
    }
  return n;
}

/* Whether the file's volunteers are those paired already: a volunteer
 * written without a phone matches one of that name. */
static gboolean
same_volunteers (GPtrArray *stored,
                 GPtrArray *wanted)
{
  g_autofree gboolean *used = g_new0 (gboolean, stored->len + 1);

  if (stored->len != wanted->len)
    return FALSE;
  for (guint i = 0; i < wanted->len; i++)
    {
      const ShouhuVolunteer *w = g_ptr_array_index (wanted, i);
      gboolean found = FALSE;

      for (guint j = 0; j < stored->len && !found; j++)
        {
          const ShouhuVolunteer *s = g_ptr_array_index (stored, j);

          if (!used[j] && strcmp (s->name, w->name) == 0 && (*w->phone == '\0' || strcmp (s->phone, w->phone) == 0))
            found = used[j] = TRUE;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Fills @change's action and the labels of the fields that will change. */
static gboolean
compare_with_stored (ShouhuStore               *store,
                     const ShouhuWorker        *w,
                     ShouhuAnnex2ImportChange  *change,
                     GError                   **error)
{
  g_autoptr(ShouhuWorker) old = shouhu_annex2_get_worker (store, change->worker_id, error);
  g_autoptr(GPtrArray) paired = NULL;
  g_autoptr(GString) labels = g_string_new (NULL);

  if (old == NULL || (paired = shouhu_annex2_worker_volunteers (store, change->worker_id, error)) == NULL)
    return FALSE;
  for (guint f = 0; f < SHOUHU_ANNEX2_N_FIELDS; f++)
    if (shouhu_annex2_field_in_record (f) &&
        strcmp (shouhu_worker_get_field (old, f), shouhu_worker_get_field (w, f)) != 0)
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "", shouhu_annex2_field_label (f));
  if (w->needs != SHOUHU_WORKER_NEEDS_UNKNOWN && w->needs != old->needs)
    g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "",
                            shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_NEEDS));
  if (!same_volunteers (paired, change->volunteers))
    g_string_append_printf (labels, "%s%s", labels->len > 0 ? _(", ") : "",
                            shouhu_annex2_field_label (SHOUHU_ANNEX2_FIELD_VOLUNTEERS));
  change->action = labels->len > 0 ? SHOUHU_IMPORT_UPDATE : SHOUHU_IMPORT_UNCHANGED;
  change->changes = g_string_free (g_steal_pointer (&labels), FALSE);
  return TRUE;
}

/* Checks one row against the store and the rows before it; %NULL with
 * @reason set when it cannot be taken. */
static ShouhuAnnex2ImportChange *
preview_row (ShouhuStore                  *store,
             const ShouhuAnnex2ImportRow  *row,
             GHashTable                   *seen,
             char                        **reason,
             GError                      **error)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_copy (row->worker);
  g_autoptr(GError) invalid = NULL;
  g_autoptr(GPtrArray) volunteers = NULL;
  g_autofree char *key = NULL;
  ShouhuAnnex2ImportChange *change;
  gint64 ids[2] = { 0, 0 }, elsewhere = 0;
  int n;

  if (!shouhu_worker_validate (w, &invalid))
    {
      *reason = g_strdup (invalid->message);
      return NULL;
    }
  if ((volunteers = parse_volunteers (row->volunteers, reason)) == NULL)
    return NULL;

  /* Across districts too: one person is one record. */
  key = g_strdup_printf ("%s\x1f%s", w->name, w->phone);
  if (*w->phone != '\0' && g_hash_table_contains (seen, key))
    {
      const ShouhuAnnex2ImportRow *first = g_hash_table_lookup (seen, key);

      *reason = g_strdup_printf (_("%s with the phone %s is already in sheet “%s”, row %u of this file"),
                                 w->name, w->phone, first->sheet, first->row);
      return NULL;
    }
  g_hash_table_insert (seen, g_steal_pointer (&key), (gpointer) row);

  if ((n = find_matches (store, w, ids, error)) < 0)
    return NULL;
  if (n > 1)
    {
      *reason = g_strdup_printf (_("%s is recorded more than once in %s with this phone: "
                                   "merge those records on the Annex 2 page first"),
                                 w->name, shouhu_district_get (w->district_id)->name);
      return NULL;
    }
  if (n == 0 && !shouhu_annex2_find_duplicate (store, w->name, w->phone, 0, &elsewhere, error))
    return NULL;
  if (n == 0 && elsewhere != 0)
    {
      g_autoptr(ShouhuWorker) other = shouhu_annex2_get_worker (store, elsewhere, error);

      if (other == NULL)
        return NULL;
      *reason = g_strdup_printf (_("%s with the phone %s is already recorded in %s: "
                                   "a worker belongs to one district's form"),
                                 w->name, w->phone, shouhu_district_get (other->district_id)->name);
      return NULL;
    }

  change = g_new0 (ShouhuAnnex2ImportChange, 1);
  change->row = row;
  change->volunteers = g_steal_pointer (&volunteers);
  change->worker_id = ids[0];
  if (n == 0)
    {
      change->action = SHOUHU_IMPORT_NEW;
      change->changes = g_strdup ("");
    }
  else if (!compare_with_stored (store, w, change, error))
    {
      shouhu_import_change_free (change);
      return NULL;
    }
  return change;
}

/**
 * shouhu_import_annex2_preview:
 *
 * Decides for each valid row whether it adds a record, updates one
 * (ShouhuAnnex2ImportChange.changes names the fields) or leaves one as
 * it is.  Rows that cannot be taken (a worker already in another
 * district, twice in the file, a 结对志愿者 cell that cannot be read) are
 * added to the rejected rows.  Writes nothing; may be run again.
 */
gboolean
shouhu_import_annex2_preview (ShouhuStore         *store,
                              ShouhuAnnex2Import  *import,
                              GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (SHOUHU_IS_STORE (store), FALSE);

  g_ptr_array_set_size (import->changes, 0);
  g_ptr_array_set_size (import->rejected, import->n_read_rejected);
  import->n_new = import->n_updated = import->n_unchanged = 0;

  for (guint i = 0; i < import->forms->len; i++)
    {
      const ShouhuAnnex2ImportForm *form = g_ptr_array_index (import->forms, i);
      g_autofree char *phone = NULL;
      g_autoptr(GError) invalid = NULL;

      if (!shouhu_validate_phone ("联系电话", form->phone, &phone, &invalid))
        shouhu_import_reject (import->rejected, form->sheet, form->row, invalid->message);
    }

  for (guint i = 0; i < import->rows->len; i++)
    {
      const ShouhuAnnex2ImportRow *row = g_ptr_array_index (import->rows, i);
      g_autofree char *reason = NULL;
      ShouhuAnnex2ImportChange *change = preview_row (store, row, seen, &reason, error);

      if (change == NULL && reason == NULL)
        return FALSE;
      if (change == NULL)
        {
          shouhu_import_reject (import->rejected, row->sheet, row->row, reason);
          continue;
        }
      g_ptr_array_add (import->changes, change);
      if (change->action == SHOUHU_IMPORT_NEW)
        import->n_new++;
      else if (change->action == SHOUHU_IMPORT_UPDATE)
        import->n_updated++;
      else
        import->n_unchanged++;
    }
  return TRUE;
}

/* An existing volunteer: same name and phone; without a phone, one of
 * that name in the district (就近就便). */
static gboolean
find_volunteer (ShouhuStore            *store,
                const ShouhuVolunteer  *v,
                int                     district_id,
                gint64                 *id,
                GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean found;

  *id = 0;
  if (*v->phone != '\0')
    stmt = shouhu_store_prepare (store, "SELECT id FROM volunteer WHERE name = ?1 AND phone = ?2 "
                                        "ORDER BY id LIMIT 1", error);
  else
    stmt = shouhu_store_prepare (store, "SELECT id FROM volunteer WHERE name = ?1 AND district_id = ?3 "
                                        "ORDER BY phone <> '', id LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, v->name, -1, SQLITE_STATIC);
  if (*v->phone != '\0')
    sqlite3_bind_text (stmt, 2, v->phone, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int (stmt, 3, district_id);
  if (!shouhu_store_step_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    *id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static gboolean
write_change (ShouhuStore                     *store,
              const ShouhuAnnex2ImportChange  *change,
              GError                         **error)
{
  g_autoptr(ShouhuWorker) w = shouhu_worker_copy (change->row->worker);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < change->volunteers->len; i++)
    {
      ShouhuVolunteer *v = g_ptr_array_index (change->volunteers, i);
      gint64 id;

      if (!find_volunteer (store, v, w->district_id, &id, error))
        return FALSE;
      if (id == 0)
        {
          v->district_id = w->district_id;
          if ((id = shouhu_annex2_save_volunteer (store, v, error)) == 0)
            return FALSE;
        }
      g_array_append_val (ids, id);
    }
  w->id = change->worker_id;
  return shouhu_annex2_save_worker (store, w, (const gint64 *) (gpointer) ids->data, ids->len,
                                    FALSE, error) != 0;
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

/**
 * shouhu_import_annex2_write:
 *
 * Previews @import again, then writes it in one transaction through the
 * Annex 2 model (so the history records every change): the forms'
 * 填报人 and 联系电话 where given, updated and new records, their
 * volunteers (found, or created in the row's district) and pairings.
 * Rejected rows are left out; nothing is written when anything fails.
 */
gboolean
shouhu_import_annex2_write (ShouhuStore         *store,
                            ShouhuAnnex2Import  *import,
                            GError             **error)
{
  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!shouhu_import_annex2_preview (store, import, error))
    goto fail;
  for (guint i = 0; i < import->forms->len; i++)
    if (!write_form (store, g_ptr_array_index (import->forms, i), error))
      goto fail;
  for (guint i = 0; i < import->changes->len; i++)
    {
      const ShouhuAnnex2ImportChange *change = g_ptr_array_index (import->changes, i);

      if (change->action == SHOUHU_IMPORT_UNCHANGED)
        continue;
      if (!write_change (store, change, error))
        {
          g_prefix_error (error, _("Sheet “%s”, row %u: "), change->row->sheet, change->row->row);
          goto fail;
        }
    }
  if (!shouhu_store_commit (store, error))
    goto fail;
  return TRUE;

fail:
  shouhu_store_rollback (store);
  return FALSE;
}

/* shouhu-annex2.c — Annex 2: frontline workers, volunteers and pairings
 *
 * Every change is one transaction that also writes its history rows
 * (动态更新管理), so the history can never disagree with the data.
 * Record ids are never reused, not even after a delete: an undone delete
 * puts the record back under its own id, and history rows keep pointing at
 * the right record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "shouhu-annex2.h"
#include "shouhu-validate.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (shouhu-annex2-error-quark, shouhu_annex2_error)
G_DEFINE_QUARK (shouhu-worker-field-error-quark, shouhu_worker_field_error)
G_DEFINE_QUARK (shouhu-volunteer-field-error-quark, shouhu_volunteer_field_error)

#define WORKER_COLUMNS "id, district_id, hospital, name, gender, title, work_place, " \
                       "home_address, phone, family_phone, note, created, changed"
#define VOLUNTEER_COLUMNS "id, name, phone, district_id, town, village, note, created, changed"

/* In ShouhuWorkerField order. */
static const struct
{
  const char *column;
  const char *label;
} worker_fields[SHOUHU_N_WORKER_FIELDS] = {
  { "district_id",  N_("District") },
  { "hospital",     N_("Hospital") },
  { "name",         N_("Name") },
  { "gender",       N_("Gender") },
  { "title",        N_("Position") },
  { "work_place",   N_("Frontline Workplace") },
  { "home_address", N_("Home Address") },
  { "phone",        N_("Own Phone") },
  { "family_phone", N_("Family Phone") },
  { "note",         N_("Remarks") },
};

/* In ShouhuVolunteerField order. */
static const struct
{
  const char *column;
  const char *label;
} volunteer_fields[SHOUHU_N_VOLUNTEER_FIELDS] = {
  { "name",        N_("Name") },
  { "phone",       N_("Phone") },
  { "district_id", N_("District") },
  { "town",        N_("Town (Subdistrict)") },
  { "village",     N_("Village (Community)") },
  { "note",        N_("Remarks") },
};

/* Labels and helpers */

const char *
shouhu_worker_field_label (ShouhuWorkerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_WORKER_FIELDS, NULL);
  return _(worker_fields[field].label);
}

const char *
shouhu_volunteer_field_label (ShouhuVolunteerField field)
{
  g_return_val_if_fail (field < SHOUHU_N_VOLUNTEER_FIELDS, NULL);
  return _(volunteer_fields[field].label);
}

/**
 * shouhu_annex2_column_label:
 *
 * The label of a history row's field, as the user knows it.
 *
 * Returns: the translated label, or @column itself when unknown
 */
const char *
shouhu_annex2_column_label (const char *entity,
                            const char *column)
{
  if (column == NULL)
    return "";
  if (g_strcmp0 (entity, "worker") == 0)
    {
      for (guint i = 0; i < SHOUHU_N_WORKER_FIELDS; i++)
        if (strcmp (worker_fields[i].column, column) == 0)
          return _(worker_fields[i].label);
    }
  else if (g_strcmp0 (entity, "volunteer") == 0)
    {
      for (guint i = 0; i < SHOUHU_N_VOLUNTEER_FIELDS; i++)
        if (strcmp (volunteer_fields[i].column, column) == 0)
          return _(volunteer_fields[i].label);
    }
  if (strcmp (column, "volunteer") == 0)
    return _("Paired Volunteers");
  if (strcmp (column, "worker") == 0)
    return _("Paired Family");
  if (strcmp (column, "reporter") == 0)
    return _("Reporter");
  if (strcmp (column, "phone") == 0)
    return _("Phone");
  return column;
}

static char *
now_string (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static const char *
district_name (int district_id)
{
  const ShouhuDistrict *d = district_id > 0 ? shouhu_district_get (district_id) : NULL;

  return d != NULL ? d->name : "";
}

/* Workers and volunteers as values */

ShouhuWorker *
shouhu_worker_new (void)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  w->hospital = g_strdup ("");
  w->name = g_strdup ("");
  w->gender = g_strdup ("");
  w->title = g_strdup ("");
  w->work_place = g_strdup ("");
  w->home_address = g_strdup ("");
  w->phone = g_strdup ("");
  w->family_phone = g_strdup ("");
  w->note = g_strdup ("");
  return w;
}

ShouhuWorker *
shouhu_worker_copy (const ShouhuWorker *worker)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  w->id = worker->id;
  w->district_id = worker->district_id;
  w->hospital = g_strdup (worker->hospital ? worker->hospital : "");
  w->name = g_strdup (worker->name ? worker->name : "");
  w->gender = g_strdup (worker->gender ? worker->gender : "");
  w->title = g_strdup (worker->title ? worker->title : "");
  w->work_place = g_strdup (worker->work_place ? worker->work_place : "");
  w->home_address = g_strdup (worker->home_address ? worker->home_address : "");
  w->phone = g_strdup (worker->phone ? worker->phone : "");
  w->family_phone = g_strdup (worker->family_phone ? worker->family_phone : "");
  w->note = g_strdup (worker->note ? worker->note : "");
  w->created = g_strdup (worker->created);
  w->changed = g_strdup (worker->changed);
  return w;
}

void
shouhu_worker_free (ShouhuWorker *worker)
{
  if (worker == NULL)
    return;
  g_free (worker->hospital);
  g_free (worker->name);
  g_free (worker->gender);
  g_free (worker->title);
  g_free (worker->work_place);
  g_free (worker->home_address);
  g_free (worker->phone);
  g_free (worker->family_phone);
  g_free (worker->note);
  g_free (worker->created);
  g_free (worker->changed);
  g_free (worker);
}

/**
 * shouhu_worker_get_field:
 *
 * Returns: the field as text (区县 as the district's name)
 */
const char *
shouhu_worker_get_field (const ShouhuWorker *w,
                         ShouhuWorkerField   field)
{
  switch (field)
    {
    case SHOUHU_WORKER_FIELD_DISTRICT:     return district_name (w->district_id);
    case SHOUHU_WORKER_FIELD_HOSPITAL:     return w->hospital;
    case SHOUHU_WORKER_FIELD_NAME:         return w->name;
    case SHOUHU_WORKER_FIELD_GENDER:       return w->gender;
    case SHOUHU_WORKER_FIELD_TITLE:        return w->title;
    case SHOUHU_WORKER_FIELD_WORK_PLACE:   return w->work_place;
    case SHOUHU_WORKER_FIELD_HOME_ADDRESS: return w->home_address;
    case SHOUHU_WORKER_FIELD_PHONE:        return w->phone;
    case SHOUHU_WORKER_FIELD_FAMILY_PHONE: return w->family_phone;
    case SHOUHU_WORKER_FIELD_NOTE:         return w->note;
    case SHOUHU_N_WORKER_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/**
 * shouhu_worker_stamp:
 * @volunteer_ids: (array length=n_volunteers): the family's volunteers
 *
 * A digest of everything an editor shows of a record: its fields and its
 * volunteers (in any order), not when it was changed.  Two stamps differ
 * exactly when a save would overwrite something.
 *
 * Returns: (transfer full): the stamp
 */
char *
shouhu_worker_stamp (const ShouhuWorker *worker,
                     const gint64       *volunteer_ids,
                     gsize               n_volunteers)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree gint64 *ids = g_memdup2 (volunteer_ids, n_volunteers * sizeof (gint64));

  for (guint f = 0; f < SHOUHU_N_WORKER_FIELDS; f++)
    {
      const char *text = shouhu_worker_get_field (worker, f);

      /* The NUL ends each field, so that no two records run together. */
      g_checksum_update (sum, (const guchar *) (text ? text : ""), (gssize) strlen (text ? text : "") + 1);
    }
  if (n_volunteers > 0)
    qsort (ids, n_volunteers, sizeof (gint64), compare_ids);
  for (gsize i = 0; i < n_volunteers; i++)
    {
      char number[24];

      g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT ",", ids[i]);
      g_checksum_update (sum, (const guchar *) number, -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

ShouhuVolunteer *
shouhu_volunteer_new (void)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->name = g_strdup ("");
  v->phone = g_strdup ("");
  v->town = g_strdup ("");
  v->village = g_strdup ("");
  v->note = g_strdup ("");
  return v;
}

static ShouhuVolunteer *
volunteer_copy (const ShouhuVolunteer *volunteer)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->id = volunteer->id;
  v->name = g_strdup (volunteer->name ? volunteer->name : "");
  v->phone = g_strdup (volunteer->phone ? volunteer->phone : "");
  v->district_id = volunteer->district_id;
  v->town = g_strdup (volunteer->town ? volunteer->town : "");
  v->village = g_strdup (volunteer->village ? volunteer->village : "");
  v->note = g_strdup (volunteer->note ? volunteer->note : "");
  v->created = g_strdup (volunteer->created);
  v->changed = g_strdup (volunteer->changed);
  return v;
}

void
shouhu_volunteer_free (ShouhuVolunteer *volunteer)
{
  if (volunteer == NULL)
    return;
  g_free (volunteer->name);
  g_free (volunteer->phone);
  g_free (volunteer->town);
  g_free (volunteer->village);
  g_free (volunteer->note);
  g_free (volunteer->created);
  g_free (volunteer->changed);
  g_free (volunteer);
}

void
shouhu_history_entry_free (ShouhuHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->entity);
  g_free (entry->action);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

void
shouhu_deleted_worker_free (ShouhuDeletedWorker *deleted)
{
  if (deleted == NULL)
    return;
  shouhu_worker_free (deleted->worker);
  g_clear_pointer (&deleted->volunteer_ids, g_array_unref);
  g_free (deleted);
}

/* Validation */

/* Moves the error of a shared check into @domain with @code, so the form
 * can tell which field it is about. */
static gboolean
field_error (GError **error,
             GError  *inner,
             GQuark   domain,
             int      code)
{
  g_set_error_literal (error, domain, code, inner->message);
  g_error_free (inner);
  return FALSE;
}

static gboolean
check_text (char       **text,
            const char  *label,
            gboolean     required,
            GQuark       domain,
            int          code,
            GError     **error)
{
  GError *inner = NULL;
  char *trimmed;

  if (required)
    {
      if (!shouhu_validate_required (label, *text, &trimmed, &inner))
        return field_error (error, inner, domain, code);
    }
  else
    trimmed = g_strstrip (g_strdup (*text != NULL ? *text : ""));

  g_free (*text);
  *text = trimmed;
  return TRUE;
}

static gboolean
check_phone (char       **text,
             const char  *label,
             GQuark       domain,
             int          code,
             GError     **error)
{
  GError *inner = NULL;
  char *normalised = NULL;

  if (!shouhu_validate_phone (label, *text, &normalised, &inner))
    return field_error (error, inner, domain, code);
  g_free (*text);
  *text = normalised;
  return TRUE;
}

/**
 * shouhu_worker_validate:
 *
 * Checks @worker and normalises it in place (text trimmed, phones in their
 * stored form).  On failure the error's domain is
 * %SHOUHU_WORKER_FIELD_ERROR and its code the field at fault.
 */
gboolean
shouhu_worker_validate (ShouhuWorker  *w,
                        GError       **error)
{
  const GQuark d = SHOUHU_WORKER_FIELD_ERROR;

  if (shouhu_district_get (w->district_id) == NULL)
    {
      g_set_error (error, d, SHOUHU_WORKER_FIELD_DISTRICT,
                   _("%s is required: choose one of the 41 units"),
                   shouhu_worker_field_label (SHOUHU_WORKER_FIELD_DISTRICT));
      return FALSE;
    }
  if (!check_text (&w->hospital, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_HOSPITAL),
                   TRUE, d, SHOUHU_WORKER_FIELD_HOSPITAL, error) ||
      !check_text (&w->name, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_NAME),
                   TRUE, d, SHOUHU_WORKER_FIELD_NAME, error))
    return FALSE;

  g_strstrip (w->gender);
  if (strcmp (w->gender, "男") != 0 && strcmp (w->gender, "女") != 0)
    {
      g_set_error (error, d, SHOUHU_WORKER_FIELD_GENDER,
                   _("%s is required: choose 男 (male) or 女 (female)"),
                   shouhu_worker_field_label (SHOUHU_WORKER_FIELD_GENDER));
      return FALSE;
    }

  if (!check_text (&w->title, NULL, FALSE, d, SHOUHU_WORKER_FIELD_TITLE, error) ||
      !check_text (&w->work_place, NULL, FALSE, d, SHOUHU_WORKER_FIELD_WORK_PLACE, error) ||
      !check_text (&w->home_address, NULL, FALSE, d, SHOUHU_WORKER_FIELD_HOME_ADDRESS, error) ||
      !check_text (&w->note, NULL, FALSE, d, SHOUHU_WORKER_FIELD_NOTE, error))
    return FALSE;

  return check_phone (&w->phone, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_PHONE),
                      d, SHOUHU_WORKER_FIELD_PHONE, error) &&
         check_phone (&w->family_phone, shouhu_worker_field_label (SHOUHU_WORKER_FIELD_FAMILY_PHONE),
                      d, SHOUHU_WORKER_FIELD_FAMILY_PHONE, error);
}

/**
 * shouhu_volunteer_validate:
 *
 * Like shouhu_worker_validate(): 姓名 is required, 联系电话 a phone number
 * if given, 区县 one of the units or 0.
 */
gboolean
shouhu_volunteer_validate (ShouhuVolunteer  *v,
                           GError          **error)
{
  const GQuark d = SHOUHU_VOLUNTEER_FIELD_ERROR;

  if (!check_text (&v->name, shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_NAME),
                   TRUE, d, SHOUHU_VOLUNTEER_FIELD_NAME, error))
    return FALSE;
  if (v->district_id != 0 && shouhu_district_get (v->district_id) == NULL)
    {
      g_set_error (error, d, SHOUHU_VOLUNTEER_FIELD_DISTRICT,
                   _("%s must be one of the 41 units, or left empty"),
                   shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_DISTRICT));
      return FALSE;
    }
  return check_text (&v->town, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_TOWN, error) &&
         check_text (&v->village, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_VILLAGE, error) &&
         check_text (&v->note, NULL, FALSE, d, SHOUHU_VOLUNTEER_FIELD_NOTE, error) &&
         check_phone (&v->phone, shouhu_volunteer_field_label (SHOUHU_VOLUNTEER_FIELD_PHONE),
                      d, SHOUHU_VOLUNTEER_FIELD_PHONE, error);
}

/* History */

static gboolean
add_history (ShouhuStore  *store,
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

  stmt = shouhu_store_prepare (store,
                               "INSERT INTO history (at, entity, entity_id, action, field, old_value, new_value) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, entity_id);
  sqlite3_bind_text (stmt, 4, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, field, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, old_value, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, new_value, -1, SQLITE_STATIC);
  return shouhu_store_step_done (store, stmt, error);
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
  if (!add_history (store, at, "worker", w->id, action, NULL,
                    values_are_old ? w->name : NULL, values_are_old ? NULL : w->name, error))
    return FALSE;
  for (guint f = 0; f < SHOUHU_N_WORKER_FIELDS; f++)
    {
      const char *value = shouhu_worker_get_field (w, f);

      if (value == NULL || *value == '\0')
        continue;
      if (!add_history (store, at, "worker", w->id, action, worker_fields[f].column,
                        values_are_old ? value : NULL, values_are_old ? NULL : value, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * shouhu_annex2_history:
 * @entity: "worker", "volunteer" or "district_form"
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

  stmt = shouhu_store_prepare (store,
                               "SELECT at, entity, entity_id, action, field, old_value, new_value "
                               "FROM history WHERE entity = ? AND entity_id = ? ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ShouhuHistoryEntry *e = g_new0 (ShouhuHistoryEntry, 1);

      e->at = column_dup (stmt, 0);
      e->entity = column_dup (stmt, 1);
      e->entity_id = sqlite3_column_int64 (stmt, 2);
      e->action = column_dup (stmt, 3);
      e->field = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
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
static gint64
next_id (ShouhuStore  *store,
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

static ShouhuWorker *
worker_from_row (sqlite3_stmt *stmt)
{
  ShouhuWorker *w = g_new0 (ShouhuWorker, 1);

  w->id = sqlite3_column_int64 (stmt, 0);
  w->district_id = sqlite3_column_int (stmt, 1);
  w->hospital = column_dup (stmt, 2);
  w->name = column_dup (stmt, 3);
  w->gender = column_dup (stmt, 4);
  w->title = column_dup (stmt, 5);
  w->work_place = column_dup (stmt, 6);
  w->home_address = column_dup (stmt, 7);
  w->phone = column_dup (stmt, 8);
  w->family_phone = column_dup (stmt, 9);
  w->note = column_dup (stmt, 10);
  w->created = column_dup (stmt, 11);
  w->changed = column_dup (stmt, 12);
  return w;
}

ShouhuWorker *
shouhu_annex2_get_worker (ShouhuStore  *store,
                          gint64        id,
                          GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = shouhu_store_prepare (store, "SELECT " WORKER_COLUMNS " FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return worker_from_row (stmt);
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
  int rc;

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
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *found_id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return FALSE;
    }
  return TRUE;
}

static void
bind_worker (sqlite3_stmt       *stmt,
             const ShouhuWorker *w)
{
  sqlite3_bind_int (stmt, 1, w->district_id);
  sqlite3_bind_text (stmt, 2, w->hospital, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, w->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, w->gender, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, w->title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, w->work_place, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, w->home_address, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, w->phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, w->family_phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, w->note, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, w->created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, w->changed, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, w->id);
}

static gboolean
insert_worker (ShouhuStore         *store,
               const ShouhuWorker  *w,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = shouhu_store_prepare (store,
                               "INSERT INTO worker (district_id, hospital, name, gender, title, work_place, "
                               "home_address, phone, family_phone, note, created, changed, id) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bind_worker (stmt, w);
  return shouhu_store_step_done (store, stmt, error);
}

static gboolean
update_worker (ShouhuStore         *store,
               const ShouhuWorker  *w,
               const char          *at,
               GError             **error)
{
  g_autoptr(ShouhuWorker) old = shouhu_annex2_get_worker (store, w->id, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean any = FALSE;

  if (old == NULL)
    return FALSE;

  for (guint f = 0; f < SHOUHU_N_WORKER_FIELDS; f++)
    {
      const char *before = shouhu_worker_get_field (old, f);
      const char *after = shouhu_worker_get_field (w, f);

      if (strcmp (before, after) == 0)
        continue;
      any = TRUE;
      if (!add_history (store, at, "worker", w->id, "edit", worker_fields[f].column, before, after, error))
        return FALSE;
    }
  if (!any)
    return TRUE;

  stmt = shouhu_store_prepare (store,
                               "UPDATE worker SET district_id = ?, hospital = ?, name = ?, gender = ?, "
                               "title = ?, work_place = ?, home_address = ?, phone = ?, family_phone = ?, "
                               "note = ?, created = ?, changed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  {
    g_autoptr(ShouhuWorker) row = shouhu_worker_copy (w);

    g_free (row->created);
    row->created = g_strdup (old->created);
    g_free (row->changed);
    row->changed = g_strdup (at);
    bind_worker (stmt, row);
    return shouhu_store_step_done (store, stmt, error);
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

static char *
record_name (ShouhuStore *store,
             const char  *table,
             gint64       id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM %s WHERE id = ?", table);

  stmt = shouhu_store_prepare (store, sql, NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_dup (stmt, 0);
}

/* One pairing and its history on both sides; inside a transaction. */
static gboolean
pair_in_transaction (ShouhuStore  *store,
                     gint64        worker_id,
                     gint64        volunteer_id,
                     gboolean      pair,
                     const char   *at,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *worker_name = record_name (store, "worker", worker_id);
  g_autofree char *volunteer_name = record_name (store, "volunteer", volunteer_id);
  const char *action = pair ? "pair" : "unpair";

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
  if (!shouhu_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (shouhu_store_get_db (store)) == 0)
    return TRUE;

  return add_history (store, at, "worker", worker_id, action, "volunteer",
                      pair ? NULL : volunteer_name, pair ? volunteer_name : NULL, error) &&
         add_history (store, at, "volunteer", volunteer_id, action, "worker",
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

static gboolean
set_pairings (ShouhuStore   *store,
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
          !pair_in_transaction (store, worker_id, id, FALSE, at, error))
        return FALSE;
    }
  for (gsize i = 0; i < n_volunteers; i++)
    {
      if (!contains_id ((const gint64 *) (gpointer) current->data, current->len, volunteer_ids[i]) &&
          !pair_in_transaction (store, worker_id, volunteer_ids[i], TRUE, at, error))
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
  g_autofree char *at = now_string ();
  gint64 duplicate = 0;

  if (!shouhu_worker_validate (w, error))
    return 0;
  if (!allow_duplicate)
    {
      if (!shouhu_annex2_find_duplicate (store, w->name, w->phone, w->id, &duplicate, error))
        return 0;
      if (duplicate != 0)
        {
          g_autoptr(ShouhuWorker) other = shouhu_annex2_get_worker (store, duplicate, NULL);

          g_set_error (error, SHOUHU_ANNEX2_ERROR, SHOUHU_ANNEX2_ERROR_DUPLICATE,
                       _("%s with the phone %s is already recorded (%s, %s)"),
                       w->name, w->phone,
                       other ? district_name (other->district_id) : "",
                       other ? other->hospital : "");
          return 0;
        }
    }

  if (!shouhu_store_begin (store, error))
    return 0;

  if (w->id == 0)
    {
      w->id = next_id (store, "worker", error);
      g_free (w->created);
      w->created = g_strdup (at);
      g_free (w->changed);
      w->changed = g_strdup (at);
      if (w->id == 0 ||
          !insert_worker (store, w, error) ||
          !add_worker_snapshot (store, at, "create", w, FALSE, error))
        goto fail;
    }
  else if ((seen_stamp != NULL && !check_unchanged (store, w->id, seen_stamp, error)) ||
           !update_worker (store, w, at, error))
    goto fail;

  if (!set_pairings (store, w->id, volunteer_ids, n_volunteers, at, error))
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = now_string ();

  deleted->worker = shouhu_annex2_get_worker (store, id, error);
  if (deleted->worker == NULL)
    return NULL;
  deleted->volunteer_ids = worker_volunteer_ids (store, id, error);
  if (deleted->volunteer_ids == NULL)
    return NULL;

  if (!shouhu_store_begin (store, error))
    return NULL;
  if (!set_pairings (store, id, NULL, 0, at, error))
    goto fail;
  stmt = shouhu_store_prepare (store, "DELETE FROM worker WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!shouhu_store_step_done (store, stmt, error) ||
      !add_worker_snapshot (store, at, "delete", deleted->worker, TRUE, error) ||
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
  g_autofree char *at = now_string ();
  g_autofree char *check = NULL;

  for (guint i = 0; i < deleted->volunteer_ids->len; i++)
    {
      gint64 vid = g_array_index (deleted->volunteer_ids, gint64, i);
      g_autofree char *name = record_name (store, "volunteer", vid);

      if (name != NULL)
        g_array_append_val (still_there, vid);
    }

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!insert_worker (store, deleted->worker, error) ||
      !add_worker_snapshot (store, at, "restore", deleted->worker, FALSE, error) ||
      !set_pairings (store, deleted->worker->id, (const gint64 *) (gpointer) still_there->data,
                     still_there->len, at, error) ||
      !shouhu_store_commit (store, error))
    {
      shouhu_store_rollback (store);
      return FALSE;
    }
  shouhu_store_emit_changed (store, "annex2");
  return TRUE;
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

/* Volunteers */

static ShouhuVolunteer *
volunteer_from_row (sqlite3_stmt *stmt)
{
  ShouhuVolunteer *v = g_new0 (ShouhuVolunteer, 1);

  v->id = sqlite3_column_int64 (stmt, 0);
  v->name = column_dup (stmt, 1);
  v->phone = column_dup (stmt, 2);
  v->district_id = sqlite3_column_int (stmt, 3);
  v->town = column_dup (stmt, 4);
  v->village = column_dup (stmt, 5);
  v->note = column_dup (stmt, 6);
  v->created = column_dup (stmt, 7);
  v->changed = column_dup (stmt, 8);
  return v;
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

static const char *
volunteer_field_text (const ShouhuVolunteer *v,
                      ShouhuVolunteerField   field)
{
  switch (field)
    {
    case SHOUHU_VOLUNTEER_FIELD_NAME:     return v->name;
    case SHOUHU_VOLUNTEER_FIELD_PHONE:    return v->phone;
    case SHOUHU_VOLUNTEER_FIELD_DISTRICT: return district_name (v->district_id);
    case SHOUHU_VOLUNTEER_FIELD_TOWN:     return v->town;
    case SHOUHU_VOLUNTEER_FIELD_VILLAGE:  return v->village;
    case SHOUHU_VOLUNTEER_FIELD_NOTE:     return v->note;
    case SHOUHU_N_VOLUNTEER_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
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
  g_autoptr(ShouhuVolunteer) v = volunteer_copy (volunteer);
  g_autoptr(ShouhuVolunteer) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *at = now_string ();

  if (!shouhu_volunteer_validate (v, error))
    return 0;
  if (v->id != 0 && (old = shouhu_annex2_get_volunteer (store, v->id, error)) == NULL)
    return 0;

  if (!shouhu_store_begin (store, error))
    return 0;

  if (old == NULL)
    {
      v->id = next_id (store, "volunteer", error);
      if (v->id == 0 ||
          !add_history (store, at, "volunteer", v->id, "create", NULL, NULL, v->name, error))
        goto fail;
      for (guint f = 0; f < SHOUHU_N_VOLUNTEER_FIELDS; f++)
        {
          const char *value = volunteer_field_text (v, f);

          if (value != NULL && *value != '\0' &&
              !add_history (store, at, "volunteer", v->id, "create", volunteer_fields[f].column,
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
          const char *before = volunteer_field_text (old, f);
          const char *after = volunteer_field_text (v, f);

          if (strcmp (before, after) != 0 &&
              !add_history (store, at, "volunteer", v->id, "edit", volunteer_fields[f].column,
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
  if (!shouhu_store_step_done (store, stmt, error) ||
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
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  g_autofree char *folded = shouhu_validate_fold_digits (query != NULL ? query : "");
  g_autofree char *pattern = like_pattern (folded);
  int rc;

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
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, volunteer_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&found);
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
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) shouhu_volunteer_free);
  int rc;

  stmt = shouhu_store_prepare (store,
                               "SELECT v.id, v.name, v.phone, v.district_id, v.town, v.village, v.note, "
                               "v.created, v.changed FROM pairing p JOIN volunteer v ON v.id = p.volunteer_id "
                               "WHERE p.worker_id = ? ORDER BY p.created, v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, worker_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (found, volunteer_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      shouhu_store_set_error (store, error);
      return NULL;
    }
  return g_steal_pointer (&found);
}

static gboolean
pair_or_unpair (ShouhuStore  *store,
                gint64        worker_id,
                gint64        volunteer_id,
                gboolean      pair,
                GError      **error)
{
  g_autofree char *at = now_string ();

  if (!shouhu_store_begin (store, error))
    return FALSE;
  if (!pair_in_transaction (store, worker_id, volunteer_id, pair, at, error) ||
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
  *reporter = rc == SQLITE_ROW ? column_dup (stmt, 0) : g_strdup ("");
  *phone = rc == SQLITE_ROW ? column_dup (stmt, 1) : g_strdup ("");
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
  g_autofree char *at = now_string ();
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
  if (!shouhu_store_step_done (store, stmt, error))
    goto fail;
  if (strcmp (old_reporter, clean_reporter) != 0 &&
      !add_history (store, at, "district_form", district_id, "edit", "reporter",
                    old_reporter, clean_reporter, error))
    goto fail;
  if (strcmp (old_phone, clean_phone) != 0 &&
      !add_history (store, at, "district_form", district_id, "edit", "phone",
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
